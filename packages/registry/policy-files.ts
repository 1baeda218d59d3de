/**
 * The one loader for policy files and folders: the credentials check picks its `kind: AgentPolicy`
 * documents, the gate picks the documents with `actions:`. Order is deterministic (sorted paths)
 * so that decisions and digests do not depend on the file system's listing order.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  AstlError,
  AstlErrors,
  type PathUse,
  parseYaml,
  readWorkspaceFile,
  resolveWorkspacePath,
  type SettingNames,
  type WorkspaceScope,
  type YamlDoc,
} from '../core/index.js';

/** Policy files larger than this are refused: policies are small, and the gate reads them all. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;
/** More files than this means the input points at the wrong folder (a whole repository, say). */
export const MAX_POLICY_FILES = 5000;

export interface PolicyFileOptions {
  /** A missing file or folder yields no documents instead of POLICY_NOT_FOUND. */
  missingOk?: boolean;
  /** Told about files that were skipped on purpose (symlinks leading outside the folder). */
  onWarning?: (message: string) => void;
  /**
   * Refuse a file or folder outside this workspace or inside .git/, and read every file found
   * through the same check (core/workspace-path): a link inside the folder into .git/ is an error.
   */
  workspace?: WorkspaceScope;
  /** How the front end names the path, for that refusal: `input 'policies'`, `--policy`. */
  use?: PathUse;
}

const isYamlName = (name: string) => /\.ya?ml$/i.test(name);

/** How the front end calls the policy path setting, for hints. */
function pathName(use: PathUse | undefined, names: SettingNames): string {
  if (use?.what) return use.what;
  return names.name(use?.setting ?? 'policies');
}

/**
 * Every *.yaml / *.yml file of a file or folder (recursive, sorted by path relative to the
 * folder). Hidden folders (`.git`, ...) and `node_modules` are not entered; symlinks that lead
 * outside the folder are skipped with a warning. A single file path is returned as given, whatever
 * its extension.
 */
export function listPolicyFiles(pathOrDir: string, options: PolicyFileOptions = {}): string[] {
  // Loaders read paths as given (relative to the process's directory); the scope only checks them.
  if (options.workspace)
    resolveWorkspacePath(
      pathOrDir,
      { root: options.workspace.root, base: process.cwd() },
      options.use ?? { setting: 'policies' },
    );
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(pathOrDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && options.missingOk) return [];
    throw new AstlError(`policy path ${pathOrDir} not found`, {
      code: 'POLICY_NOT_FOUND',
      location: { file: pathOrDir },
      hint: (s) => `point ${pathName(options.use, s)} at a policy file or a folder of *.yaml policies`,
      cause: err,
    });
  }
  if (!stat.isDirectory()) return [pathOrDir];

  const rootReal = realpathSync(pathOrDir);
  const inside = (real: string) => real === rootReal || real.startsWith(rootReal + sep);
  // Every route to a file, with its real path; one route per real file is kept below.
  const found: { path: string; real: string; viaLink: boolean }[] = [];
  const walk = (dir: string, ancestors: Set<string>, viaLink: boolean) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        options.onWarning?.(`skipped ${full}: broken symbolic link`);
        continue;
      }
      const link = entry.isSymbolicLink();
      if (link) {
        if (!inside(real)) {
          options.onWarning?.(`skipped ${full}: symbolic link leads outside ${pathOrDir}`);
          continue;
        }
        const target = statSync(real);
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (ancestors.has(real)) continue; // a link back up the tree
        if (found.length > MAX_POLICY_FILES) break;
        walk(full, new Set([...ancestors, real]), viaLink || link);
      } else if (isFile && isYamlName(entry.name)) {
        found.push({ path: full, real, viaLink: viaLink || link });
      }
    }
  };
  walk(pathOrDir, new Set([rootReal]), false);
  if (found.length > MAX_POLICY_FILES) {
    throw new AstlError(`policy folder ${pathOrDir} holds more than ${MAX_POLICY_FILES} YAML files`, {
      code: 'POLICY_INVALID',
      location: { file: pathOrDir },
      hint: (s) => `point ${pathName(options.use, s)} at the folder that holds only policies`,
    });
  }
  const key = (f: string) => relative(pathOrDir, f).split(sep).join('/');
  const byKey = (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  // A file reached by several routes is read once: by its own path rather than through a
  // link, else by the first path in sorted order.
  const chosen = new Map<string, { path: string; viaLink: boolean }>();
  for (const f of found) {
    const prev = chosen.get(f.real);
    if (
      !prev ||
      (prev.viaLink && !f.viaLink) ||
      (prev.viaLink === f.viaLink && byKey(f.path, prev.path) < 0)
    ) {
      chosen.set(f.real, f);
    }
  }
  return [...chosen.values()].map((c) => c.path).sort(byKey);
}

/** One policy file as read: the exact bytes that were parsed, and their digest. */
export interface PolicySource {
  path: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Every policy file under `pathOrDir` and every YAML document in them, read once, so that a
 * digest of `files` covers exactly the bytes behind `docs`. Problems in any file (syntax errors,
 * files over 1 MiB) are collected and thrown together as one AstlErrors after all files were read,
 * so a user sees every broken file at once.
 */
export function readPolicySet(
  pathOrDir: string,
  options: PolicyFileOptions = {},
): { files: PolicySource[]; docs: YamlDoc[] } {
  const files: PolicySource[] = [];
  const docs: YamlDoc[] = [];
  const errors: AstlError[] = [];
  for (const path of listPolicyFiles(pathOrDir, options)) {
    try {
      const size = statSync(path).size;
      if (size > MAX_POLICY_FILE_BYTES) {
        errors.push(tooLarge(path, size));
        continue;
      }
      const bytes = options.workspace
        ? readWorkspaceFile(
            path,
            { root: options.workspace.root, base: process.cwd() },
            {
              what: `policy file ${path}`,
              code: 'POLICY_INVALID',
            },
          )
        : readFileSync(path);
      // The size may have changed between stat and read; the cap holds on what was read.
      if (bytes.length > MAX_POLICY_FILE_BYTES) {
        errors.push(tooLarge(path, bytes.length));
        continue;
      }
      files.push({ path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
      docs.push(...parseYaml(bytes.toString('utf8'), path));
    } catch (err) {
      if (err instanceof AstlErrors) errors.push(...err.errors);
      else if (err instanceof AstlError) errors.push(err);
      else
        errors.push(
          new AstlError(`cannot read policy file ${path}: ${(err as Error).message}`, {
            code: 'POLICY_INVALID',
            location: { file: path },
          }),
        );
    }
  }
  if (errors.length > 0) throw new AstlErrors(errors, 'POLICY_INVALID');
  return { files, docs };
}

/**
 * Every YAML document of every policy file under `pathOrDir` (see readPolicySet): the one
 * folder loader shared by the credentials check (`kind: AgentPolicy`) and the gate (`actions:`).
 */
export function readPolicyDocuments(pathOrDir: string, options: PolicyFileOptions = {}): YamlDoc[] {
  return readPolicySet(pathOrDir, options).docs;
}

function tooLarge(file: string, size: number): AstlError {
  return new AstlError(`policy file ${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; the limit is 1 MiB`, {
    code: 'POLICY_INVALID',
    location: { file },
    hint: 'split it into smaller files, or move what is not a policy out of the policy folder',
  });
}
