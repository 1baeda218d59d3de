/**
 * Credentials in URLs (`scheme://user:password@host`, database connection strings) and GitHub
 * tokens in git URLs (`https://<token>:x-oauth-basic@github.com/`).
 */
import { RE2JS } from 're2js';
import type { ScanContext } from './hits.js';
import { isPlaceholder, isReference } from './placeholder.js';
import { isAsciiAlnum, isRepetitive } from './text.js';

function anchored(pattern: string): RE2JS {
  return RE2JS.compile(`^(?:${pattern})`);
}

const URL_USERINFO = anchored('([^:/@\\s"\'<>`]{1,100}):([^@/\\s"\'<>`]{1,200})@([^/\\s"\'<>`?#]{1,256})');
const DB_SCHEMES = new Set([
  'mongodb',
  'mongodb+srv',
  'mysql',
  'mysqlx',
  'postgres',
  'postgresql',
  'redis',
  'rediss',
  'amqp',
  'amqps',
  'mssql',
  'sqlserver',
  'mariadb',
  'couchdb',
  'cockroachdb',
]);
/** secretlint's basic-auth placeholder words (matched as substrings of user and password). */
const BASIC_PLACEHOLDERS = [
  'localhost',
  '127.0.0.1',
  'password',
  'mypassword',
  'myusername',
  'your_password',
  'your_username',
  'replace_with',
];
/** secretlint's connection-string placeholder passwords (matched exactly). */
const DB_PLACEHOLDERS = new Set([
  'localhost',
  '127.0.0.1',
  'example.com',
  'example.org',
  'test.com',
  'password',
  'username',
  'secret',
  'mypassword',
  'myusername',
  'root',
  'admin',
  'user',
  'pass',
  'your_password',
  'your_username',
  'replace_with_password',
]);

function isUserinfoStop(c: string | undefined): boolean {
  return (
    c === undefined ||
    c === '/' ||
    c === ' ' ||
    c === '\t' ||
    c === '\n' ||
    c === '\r' ||
    c === '"' ||
    c === "'" ||
    c === '<' ||
    c === '>' ||
    c === '`'
  );
}

function hasUserinfo(text: string, from: number): boolean {
  let i = from;
  const userLimit = from + 100;
  while (i < userLimit && text[i] !== ':' && text[i] !== '@' && !isUserinfoStop(text[i])) i++;
  if (i === from || text[i] !== ':') return false;
  const passStart = ++i;
  const passLimit = passStart + 200;
  while (i < passLimit && text[i] !== '@' && !isUserinfoStop(text[i])) i++;
  return i - passStart >= 4 && text[i] === '@';
}

export function urlCredentialsHandler(ctx: ScanContext, at: number): void {
  const { text } = ctx;
  // Scheme: letters, digits, + . - before `://`, optionally behind `jdbc:`.
  let schemeStart = at;
  while (schemeStart > 0 && at - schemeStart < 32) {
    const c = text.charCodeAt(schemeStart - 1);
    if (isAsciiAlnum(c) || c === 43 || c === 46 || c === 45) schemeStart--;
    else break;
  }
  if (schemeStart === at) return;
  const scheme = text.slice(schemeStart, at).toLowerCase();
  let urlStart = schemeStart;
  if (text.slice(schemeStart - 5, schemeStart).toLowerCase() === 'jdbc:') urlStart = schemeStart - 5;
  // Cheap shape check before the regex: `user:password@` right after `://`.
  if (!hasUserinfo(text, at + 3)) return;
  const m = URL_USERINFO.exec(text.slice(at + 3, at + 3 + 560));
  if (!m) return;
  const user = m[1] ?? '';
  const password = m[2] ?? '';
  const host = m[3] ?? '';
  if (password.length < 4 || isRepetitive(password) || host.length === 0) return;
  if (isReference(user) || isReference(password) || password.includes('$')) return;
  if (password === 'x-oauth-basic') return;
  const isDb = DB_SCHEMES.has(scheme) || urlStart !== schemeStart;
  if (isDb) {
    if (DB_PLACEHOLDERS.has(password.toLowerCase()) || password === user) return;
  } else {
    if (user.length < 2) return;
    const u = user.toLowerCase();
    const p = password.toLowerCase();
    if (BASIC_PLACEHOLDERS.some((w) => u.includes(w) || p.includes(w))) return;
  }
  if (isPlaceholder(password)) return;
  const secretStart = at + 3 + user.length + 1;
  const secretEnd = secretStart + password.length;
  ctx.hits.push({
    ruleId: 'secret/url-credentials',
    start: urlStart,
    end: secretEnd + 1 + host.length,
    secretStart,
    secretEnd,
    secret: password,
    randomFrom: 0,
    what: isDb ? `password in a ${scheme} connection string` : `password in a ${scheme} URL`,
  });
}

/** `https://<token>:x-oauth-basic@github.com/` (npm and git URLs carrying a GitHub token). */
export function xOauthHandler(ctx: ScanContext, at: number): void {
  const { text } = ctx;
  let start = at;
  while (start > 0 && at - start < 256) {
    const c = text.charCodeAt(start - 1);
    if (isAsciiAlnum(c) || c === 95 || c === 45) start--;
    else break;
  }
  if (at - start < 8 || text.slice(start - 3, start) !== '://') return;
  const token = text.slice(start, at);
  if (isPlaceholder(token)) return;
  ctx.hits.push({
    ruleId: 'secret/github-token',
    start,
    end: at,
    secretStart: start,
    secretEnd: at,
    secret: token,
    randomFrom: 0,
    what: 'GitHub token in a git URL',
  });
}
