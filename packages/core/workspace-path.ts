/**
 * The one gate for every path the product reads (or writes for a job) because an input, a flag,
 * a registry, a policy or a state file names it: the path must lead, after every symbolic link
 * is resolved, to a place inside the workspace, and never into `.git/` (which holds the
 * checkout's token in `.git/config`, hooks, and other people's history). A path that fails is
 * refused with an AstlError that names the path and the setting, never the file's content.
 *
 * TOCTOU: callers open the *resolved* path (`real`, free of symbolic links when checked), and
 * `readWorkspaceFile` opens it with O_NOFOLLOW and then asks the kernel which file the
 * descriptor really is (`/proc/self/fd/N` on Linux), checking that name again. A link swapped in
 * between the check and the open is thus either not followed or caught after the open.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AstlError, type SourceLocation } from './errors.js';
import type { SettingId } from './settings.js';

export const PATH_OUTSIDE_WORKSPACE = 'PATH_OUTSIDE_WORKSPACE';

export interface WorkspaceScope {
  /** The workspace root: GITHUB_WORKSPACE, else CI_PROJECT_DIR, else the working directory. */
  root: string;
  /** Where relative paths start; default `root` (the CLI passes its working directory). */
  base?: string;
}

/** How a path was named, for the error: in the terms of the front end in use. */
export interface PathUse {
  /**
   * `--state`, `session-policy`, `policy file policies/x.yaml`: the path's name when it is not an
   * engine setting (or a front end's own flag).
   */
  what?: string;
  /** The engine setting that names the path (`config`, `policies`): each front end renders it. */
  setting?: SettingId;
  /** Where it was named (a registry line). Without it the error is located at `what`. */
  location?: SourceLocation;
  /** Error code; default PATH_OUTSIDE_WORKSPACE. */
  code?: string;
}

export interface WorkspacePath {
  /** The path as given, made absolute against the base. */
  absolute: string;
  /**
   * The path with every symbolic link resolved: what to open. For a path that does not exist
   * yet, the real path of its nearest existing folder joined with the rest.
   */
  real: string;
  /** `real` relative to the real workspace root, forward slashes; '' for the root itself. */
  relative: string;
  exists: boolean;
}

/**
 * The workspace of this process: the first of GITHUB_WORKSPACE and CI_PROJECT_DIR that names an
 * existing folder, else `cwd`. (Emulators such as gitlab-ci-local set CI_PROJECT_DIR to a
 * `/builds/...` path that does not exist on the machine; no file can be read inside it anyway.)
 */
export function workspaceScope(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): WorkspaceScope {
  const candidates = [env.GITHUB_WORKSPACE, env.CI_PROJECT_DIR]
    .map((v) => v?.trim())
    .filter((v): v is string => Boolean(v))
    .map((v) => resolve(cwd, v));
  const root = candidates.find(isDirectory) ?? cwd;
  return { root, base: cwd };
}

/**
 * In a GitLab job (`GITLAB_CI=true`), the folder where GitLab Runner writes file-type CI/CD
 * variables: `${CI_PROJECT_DIR}.tmp` (the runner's temporary project folder, beside the checkout).
 * Undefined elsewhere or when the folder does not exist. Only a secret a flag explicitly names a
 * file variable for may be read from there (the CLI's --github-app-private-key-file).
 */
export function gitLabFileVariableScope(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): WorkspaceScope | undefined {
  const project = env.CI_PROJECT_DIR?.trim();
  if (env.GITLAB_CI !== 'true' || !project) return undefined;
  const root = `${resolve(cwd, project).replace(/[\\/]+$/, '')}.tmp`;
  return isDirectory(root) ? { root, base: cwd } : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** True when any segment of `path` is `.git`, whatever its case (case-insensitive file systems). */
export function hasGitSegment(path: string): boolean {
  return path.split(/[\\/]+/).some((s) => s.toLowerCase() === '.git');
}

/** Why a path may not be used; `message` names the path, never the file's content. */
export interface PathProblem {
  kind: 'invalid' | 'outside' | 'git-dir';
  message: string;
  hint: string;
}

/**
 * Resolves `path` (relative to `scope.base`, else `scope.root`) and checks it without throwing:
 * inside the real workspace root after symbolic links, no `.git` segment, no control characters.
 * The file need not exist (callers report a missing file their own way).
 */
export function inspectWorkspacePath(path: string, scope: WorkspaceScope): WorkspacePath | PathProblem {
  const shown = JSON.stringify(path);
  // A NUL makes Node throw a TypeError (a crash); other control characters are never a file name
  // anyone meant, and would reach logs.
  if (path === '' || /[\u0000-\u001f\u007f]/.test(path)) {
    return {
      kind: 'invalid',
      message: path === '' ? 'is an empty path' : `${shown} contains a control character`,
      hint: 'name a file in the repository, relative to its root',
    };
  }
  const rootReal = realOrSelf(resolve(scope.root));
  const absolute = resolve(scope.base ?? scope.root, path);
  const resolved = realpathLoose(absolute);
  if ('problem' in resolved) {
    return {
      kind: 'invalid',
      message: `${shown} ${resolved.problem}`,
      hint: 'point the path at a real file',
    };
  }
  const { real, exists } = resolved;
  const rel = relative(rootReal, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return {
      kind: 'outside',
      message: `${shown} is outside the workspace ${rootReal}${real === absolute ? '' : ` (it resolves to ${real})`}`,
      hint: 'astl reads only files inside the repository checkout: name a file there (relative to the repository root), not an absolute path, a ../ path or a symbolic link that leads out of it',
    };
  }
  if (hasGitSegment(rel) || hasGitSegment(relative(resolve(scope.root), absolute))) {
    return {
      kind: 'git-dir',
      message: `${shown} is inside .git/${real === absolute ? '' : ` (it resolves to ${rel})`}`,
      hint: '.git/ holds the checkout’s credentials and hooks, and nothing astl reads lives there: name a file in the working tree',
    };
  }
  return { absolute, real, relative: rel.split(sep).join('/'), exists };
}

export function isPathProblem(x: WorkspacePath | PathProblem): x is PathProblem {
  return 'kind' in x;
}

/**
 * inspectWorkspacePath, throwing the problem as an AstlError (PATH_OUTSIDE_WORKSPACE or
 * `use.code`) located at `use.location`, else at `use.what`.
 */
export function resolveWorkspacePath(path: string, scope: WorkspaceScope, use: PathUse): WorkspacePath {
  const result = inspectWorkspacePath(path, scope);
  if (!isPathProblem(result)) return result;
  const what = use.what ?? use.setting ?? 'path';
  throw new AstlError(use.location ? `${what} ${result.message}` : result.message, {
    code: use.code ?? PATH_OUTSIDE_WORKSPACE,
    ...(use.location
      ? { location: use.location }
      : use.setting && use.what === undefined
        ? { setting: use.setting }
        : { location: { file: what } }),
    hint: result.hint,
  });
}

/**
 * Reads a file named by an input, flag, registry or policy: checked by resolveWorkspacePath, opened
 * by its real path without following a last-moment link, and the opened descriptor checked again.
 * File-system errors (ENOENT, EISDIR, EACCES, ELOOP) are thrown as Node's errors so that callers
 * keep their own "not found" messages; refusals are AstlErrors.
 */
export function readWorkspaceFile(path: string, scope: WorkspaceScope, use: PathUse): Buffer {
  const checked = resolveWorkspacePath(path, scope, use);
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const fd = openSync(checked.real, flags);
  try {
    const opened = openedPath(fd);
    if (opened !== undefined && opened !== checked.real) {
      resolveWorkspacePath(opened, { root: scope.root }, use);
    }
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
        code: 'EISDIR',
      });
    }
    if (!stat.isFile()) throw notRegularFile(path, use);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A FIFO, socket or device named where a file is read: it could block or never end. */
function notRegularFile(path: string, use: PathUse): AstlError {
  const what = use.what ?? use.setting ?? 'path';
  return new AstlError(
    `${use.location ? `${what} ` : ''}${path} is not a regular file (a FIFO, socket or device)`,
    {
      code: use.code ?? PATH_OUTSIDE_WORKSPACE,
      location: use.location ?? { file: what },
      hint: 'name a regular file in the working tree',
    },
  );
}

export interface WriteOptions {
  /** Append instead of replacing (audit logs). */
  append?: boolean;
  /** Permission bits of a file this call creates (default 0o666 less the umask). */
  mode?: number;
  /** Permission bits of folders this call creates (default 0o777 less the umask). */
  folderMode?: number;
}

/**
 * Writes (or appends to) a file named by an input or a flag (a SARIF report, an audit log): the
 * path is checked as for a read (inside the workspace once every link is resolved, dangling ones
 * included, and never in `.git/`), missing folders are made, and the write never goes through a
 * link that appears after the check: a new file is written beside the target (O_EXCL) and renamed
 * over it, which replaces a link instead of following it; an append opens the resolved path with
 * O_NOFOLLOW and checks the opened descriptor again (Linux). A pull request can commit a
 * symbolic link where a report is written; without this the report would land where it points.
 * Refusals are AstlErrors (see resolveWorkspacePath); file-system errors are Node's.
 */
export function writeWorkspaceFile(
  path: string,
  data: string | Uint8Array,
  scope: WorkspaceScope,
  use: PathUse,
  options: WriteOptions = {},
): WorkspacePath {
  const checked = resolveWorkspacePath(path, scope, use);
  mkdirSync(dirname(checked.real), { recursive: true, mode: options.folderMode ?? 0o777 });
  const mode = options.mode ?? 0o666;
  if (options.append) {
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);
    const fd = openSync(checked.real, flags, mode);
    try {
      const opened = openedPath(fd);
      if (opened !== undefined && opened !== checked.real)
        resolveWorkspacePath(opened, { root: scope.root }, use);
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    } finally {
      closeSync(fd);
    }
    return checked;
  }
  const temp = `${checked.real}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, data, { mode, flag: 'wx' });
    renameSync(temp, checked.real);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return checked;
}

/** The file a descriptor refers to, where the OS says (Linux); undefined elsewhere. */
function openedPath(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Links followed by hand (dangling ones) before giving up, as Linux's MAXSYMLINKS. */
const MAX_LINKS = 40;

/**
 * realpath, or for a missing path the real path of its nearest existing ancestor plus the rest.
 * A dangling symbolic link is followed to where it points (a write through it would create that
 * file), so a link to a missing file outside the workspace resolves outside too.
 */
function realpathLoose(absolute: string, links = 0): { real: string; exists: boolean } | { problem: string } {
  try {
    return { real: realpathSync(absolute), exists: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || links > MAX_LINKS) return { problem: 'is a loop of symbolic links' };
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      return { problem: `cannot be resolved (${code ?? (err as Error).message})` };
    }
    const parent = dirname(absolute);
    if (parent === absolute) return { real: absolute, exists: false };
    const up = realpathLoose(parent, links);
    if ('problem' in up) return up;
    const here = join(up.real, basename(absolute));
    const target = danglingTarget(here);
    return target === undefined ? { real: here, exists: false } : realpathLoose(target, links + 1);
  }
}

/** Where the symbolic link `path` points (absolute), or undefined when `path` is not a link. */
function danglingTarget(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return undefined;
  }
}
