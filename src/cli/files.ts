/** Files the CLI writes for a job: private (0600) and replaced atomically. */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ENV_NAME_PATTERN } from '../../packages/core/env-names.js';
import { AstlError } from '../../packages/core/errors.js';

/** Writes `text` so that no other user can read it at any moment, replacing any old file. */
export function writePrivateFile(path: string, text: string): void {
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
