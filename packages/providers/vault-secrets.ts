/**
 * The `vault-secrets` input in hashicorp/vault-action's syntax: `PATH KEY | ENV_NAME`, one a line
 * or `;`-separated, the env name optional (default: the key upper-cased, other characters `_`).
 * A key may be quoted as vault-action's JSONata selectors allow (`'secret.token'`, `"secret.token"`
 * or `` `secret.token` ``): the key is what is inside the quotes, read literally. Unquoted keys are
 * read literally too (vault-action would follow `a.b` into nested JSON; nested selectors are not
 * supported here). Everything is checked here, before any token is requested.
 */
import { AstlError, AstlErrors } from '../core/index.js';

export interface VaultSecretRequest {
  /** As the HTTP API spells it: `secret/data/ci/deploy`. */
  path: string;
  key: string;
  envName: string;
  /** 1-based line in the input. */
  line: number;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EXAMPLE = 'secret/data/ci/deploy token | DEPLOY_TOKEN';

/** The env name vault-action would derive from a key: upper-cased, non-alphanumerics `_`. */
export function defaultEnvName(key: string): string {
  const name = key.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Parses the input; every problem is reported at once, each with its line and column. */
export function parseVaultSecrets(text: string, source = 'vault-secrets'): VaultSecretRequest[] {
  const out: VaultSecretRequest[] = [];
  const problems: AstlError[] = [];
  const seenEnv = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    const line = index + 1;
    let offset = 0;
    for (const part of lineText.split(';')) {
      const column = offset + (part.length - part.trimStart().length) + 1;
      offset += part.length + 1;
      const entry = part.trim();
      if (!entry || entry.startsWith('#')) continue;
      const problem = (message: string, hint?: string) =>
        problems.push(
          new AstlError(`${message} (in "${entry}")`, {
            code: 'VAULT_SECRETS_INVALID',
            location: { file: source, line, column },
            hint: hint ?? `write PATH KEY | ENV_NAME, e.g. "${EXAMPLE}".`,
            fix: EXAMPLE,
          }),
        );
      const bar = entry.lastIndexOf('|');
      const selector = (bar === -1 ? entry : entry.slice(0, bar)).trim();
      const explicitEnv = bar === -1 ? undefined : entry.slice(bar + 1).trim();
      const words = splitSelector(selector);
      if (typeof words === 'string') {
        problem(words, 'close the quote around the key, e.g. "secret/data/ci/app \'secret.token\' | TOKEN".');
        continue;
      }
      if (words.length < 2) {
        problem('expected a secret path and a key', 'add the key to read after the path.');
        continue;
      }
      if (words.length > 2) {
        problem(
          'expected exactly a path and a key before "|"',
          "a path cannot contain spaces; quote a key that does: 'my key'.",
        );
        continue;
      }
      const [path, key] = words.map((w) => w.text) as [string, string];
      if (key === '') {
        problem('the quoted key is empty', 'write the key between the quotes.');
        continue;
      }
      if (!path.includes('/') || path.includes('..')) {
        problem(`"${path}" is not a secret path like secret/data/ci/deploy`);
        continue;
      }
      if (key === '*' && !words[1]!.quoted) {
        problem('reading every key with "*" is not supported', 'name each key you need, one a line.');
        continue;
      }
      if (explicitEnv === '') {
        problem('nothing after "|"', 'name the environment variable after "|" or drop the "|".');
        continue;
      }
      const envName = explicitEnv ?? defaultEnvName(key);
      if (!ENV_NAME.test(envName)) {
        problem(
          `"${envName}" is not a valid environment variable name`,
          'use letters, digits and _, not starting with a digit.',
        );
        continue;
      }
      const earlier = seenEnv.get(envName);
      if (earlier !== undefined) {
        problem(
          `${envName} is already set by line ${earlier}`,
          'give each secret its own env name after "|".',
        );
        continue;
      }
      seenEnv.set(envName, line);
      out.push({ path: path.replace(/^\/+/, ''), key, envName, line });
    }
  });
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new AstlErrors(problems);
  return out;
}

const QUOTES = new Set(["'", '"', '`']);

/**
 * The words of `PATH KEY`: split on white space, except that a word opened by a quote (' " `)
 * runs to the same quote followed by white space or the end, and is taken without its quotes.
 * Returns a message when a quote is left open.
 */
function splitSelector(text: string): { text: string; quoted: boolean }[] | string {
  const words: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const quote = text[i]!;
    if (QUOTES.has(quote)) {
      let end = text.indexOf(quote, i + 1);
      while (end !== -1 && end + 1 < text.length && !/\s/.test(text[end + 1]!))
        end = text.indexOf(quote, end + 1);
      if (end === -1) return `the quote ${quote} opened at column ${i + 1} is not closed`;
      words.push({ text: text.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    words.push({ text: text.slice(i, end), quoted: false });
    i = end;
  }
  return words;
}
