/** Files the CLI writes for a job: private (0600) and replaced atomically. */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ENV_NAME_PATTERN } from '../../packages/core/env-names.js';
import { AstlError } from '../../packages/core/errors.js';
import { type WorkspaceScope, writeWorkspaceFile } from '../../packages/core/workspace-path.js';

/**
 * Why `path` (named by `flag`, e.g. `--record`) cannot be written, as the CLI says it: one line
 * naming the flag and the path, and how to fix it; no stack. `err` is the failed fs call's error,
 * or undefined for the check made before any work (`checkOutputPath`).
 */
export function fileProblem(flag: string, path: string, err?: unknown, real = path): AstlError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const where = `${flag} ${path}`;
  const blocker = fileInTheWay(real, path);
  const example = `${flag} ${join('reports', basename(path) || 'out.json')}`;
  if (blocker !== undefined) {
    return new AstlError(`${where}: ${blocker} is a file, not a folder`, {
      code: 'FILE_WRITE_FAILED',
      hint: `name a path whose folders are folders, e.g. ${example} (astl creates missing folders)`,
    });
  }
  if (isFolder(real) || code === 'EISDIR') {
    return new AstlError(`${where}: ${path} is a folder, not a file`, {
      code: 'FILE_WRITE_FAILED',
      hint: `name a file, e.g. ${flag} ${join(path, 'out.json')}`,
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AstlError(`${where}: permission denied (${code})`, {
      code: 'FILE_WRITE_FAILED',
      hint: `name a file in a folder this job can write to, e.g. ${example}`,
    });
  }
  const reason = code ?? (err instanceof Error ? err.message.split('\n')[0] : 'unknown error');
  return new AstlError(`${where}: cannot write the file (${reason})`, {
    code: 'FILE_WRITE_FAILED',
    hint: `check that the disk has room and the folder is writable, or name another file, e.g. ${example}`,
  });
}

/**
 * The nearest existing ancestor of `path` when it is not a folder (so no file can go under it),
 * spelled as in `shown` (the path as the user wrote it).
 */
function fileInTheWay(path: string, shownPath = path): string | undefined {
  let dir = dirname(resolve(path));
  let shown = dirname(shownPath);
  for (;;) {
    try {
      return statSync(dir).isDirectory() ? undefined : shown;
    } catch {
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
      shown = dirname(shown);
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Refuses, before any work, an output path that cannot be a file: a folder, or a path under a
 * file. Missing folders are fine (the writers create them).
 */
export function checkOutputPath(flag: string, path: string, shown = path): void {
  if (fileInTheWay(path, shown) !== undefined || isFolder(path))
    throw fileProblem(flag, shown, undefined, path);
}

/**
 * Writes (or appends) a file a flag names, inside the workspace and never through a committed
 * link (core/workspace-path), creating its folders; any other failure is `fileProblem`.
 * `mode` applies to a new file and new folders get 0700 when it is private (0600).
 */
export function writeFlagFile(
  flag: string,
  path: string,
  text: string,
  options: { append?: boolean; mode?: number; scope: WorkspaceScope },
): void {
  try {
    writeWorkspaceFile(
      path,
      text,
      options.scope,
      { what: flag },
      {
        ...(options.append ? { append: true } : {}),
        ...(options.mode === undefined ? {} : { mode: options.mode }),
        ...(options.mode === 0o600 ? { folderMode: 0o700 } : {}),
      },
    );
  } catch (err) {
    // A workspace refusal (outside it, through a link) keeps its own message.
    if (err instanceof AstlError) throw err;
    throw fileProblem(flag, path, err);
  }
}

/** Writes `text` so that no other user can read it at any moment, replacing any old file. */
export function writePrivateFile(path: string, text: string, flag?: string): void {
  const dir = dirname(path);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // A folder made for secrets keeps itself out of commits (`git add -A` on a laptop).
      writeFileSync(`${dir}/.gitignore`, '*\n');
    }
    writeFileSync(temp, text, { mode: 0o600 });
    chmodSync(temp, 0o600); // the umask cannot widen it, but an old temp file could exist
    renameSync(temp, path);
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written there
    }
    if (flag) throw fileProblem(flag, path, err);
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new AstlError(`cannot write ${path} (${code})`, {
      code: 'FILE_WRITE_FAILED',
      location: { file: path },
      hint:
        code === 'EISDIR' || code === 'ENOTDIR'
          ? 'a folder is in the way: name a file path, e.g. .astl/state.json'
          : 'check that the folder exists and is writable by the job',
    });
  }
}

/** `'value'` for POSIX shells: the only character that needs care inside single quotes is `'`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** First line of every env file; `astl revoke` deletes only files that start with it. */
export const ENV_FILE_HEADER =
  '# Written by astl credentials; removed by astl revoke. Do not upload as an artifact.';

/**
 * `export KEY='value'` lines for `source`/`.`; refuses names a shell would misread. Names from
 * user text were already checked against the reserved list (core/env-names) by the registry,
 * the input parser and the engine; this holds the syntax for every name, ours included.
 */
export function envFileText(vars: Record<string, string>): string {
  const lines = [ENV_FILE_HEADER];
  for (const [name, value] of Object.entries(vars)) {
    if (!ENV_NAME_PATTERN.test(name)) {
      throw new AstlError(`not an environment variable name: ${JSON.stringify(name)}`, {
        code: 'ENV_NAME_INVALID',
        hint: 'exported names are upper-case letters, digits and _',
      });
    }
    lines.push(`export ${name}=${shellQuote(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
