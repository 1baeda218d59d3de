/** Files the CLI writes for a job: private (0600) and replaced atomically. */
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `text` so that no other user can read it at any moment, replacing any old file. */
export function writePrivateFile(path: string, text: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A folder made for secrets keeps itself out of commits (`git add -A` on a laptop).
    writeFileSync(`${dir}/.gitignore`, '*\n');
  }
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600); // the umask cannot widen it, but an old temp file could exist
  renameSync(temp, path);
}

/** `'value'` for POSIX shells: the only character that needs care inside single quotes is `'`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `export KEY='value'` lines for `source`/`.`; refuses names a shell would misread. */
export function envFileText(vars: Record<string, string>): string {
  const lines = ['# Written by astl credentials; removed by astl revoke. Do not upload as an artifact.'];
  for (const [name, value] of Object.entries(vars)) {
    if (!ENV_NAME.test(name)) throw new Error(`not an environment variable name: ${name}`);
    lines.push(`export ${name}=${shellQuote(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
