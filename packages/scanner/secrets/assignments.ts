/**
 * Assignments: `password = "..."`, `api_key: ...`, `TOKEN=...` in every syntax that
 * assignment-syntax.ts reads. A keyword (`token`, `secret`, `pass`, ...) found in the text starts
 * a bounded read of the name around it and the value after it; the name decides whether it holds
 * a secret (`secret_name`, `token_url` do not) and the value whether it looks like one (long,
 * mixed, random, not a placeholder or code). Names owned by a specific rule (AWS secret key, npm
 * `_authToken`, legacy Vault tokens, the opt-in identifiers) are judged by that rule.
 */
import { RE2JS } from 're2js';
import { type Assignment, MAX_VALUE, readAssignment } from './assignment-syntax.js';
import type { Hit, ScanContext } from './hits.js';
import { hasCountingRun, isPlaceholder } from './placeholder.js';
import { hasDigit, hasLetter, hasWhitespace, isAsciiAlnum, isDigit, shannonEntropy } from './text.js';

/** Lower-case literals whose presence in a name makes the assignment worth a look. */
export const ASSIGNMENT_KEYWORDS = [
  'pass',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'accesskey',
  'access_key',
  'privatekey',
  'private_key',
  'private-key',
  'access-key',
  'credential',
  'creds',
  'auth',
];
export const OPT_IN_KEYWORDS = ['account', 'tenant', 'client', 'subscription', 'application'];

/** Joined (separator-free, lower-case) names that say "this is a secret". */
const SECRET_NAME_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'credential',
  'creds',
  'authorization',
  'secretkey',
  'authkey',
  'signingkey',
  'encryptionkey',
  'masterkey',
  'clientkey',
  'appkey',
  'licensekey',
  'servicekey',
];
const SECRET_NAME_WORDS = new Set(['pass', 'pwd', 'auth', 'pw']);
/** Words that make a name describe something that is not secret: `publicToken`, `csrf_token`. */
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'csrf', 'xsrf']);
/** A name ending in one of these words describes a secret, it does not hold one. */
const NAME_STOP_SUFFIXES = new Set([
  'name',
  'names',
  'file',
  'files',
  'path',
  'dir',
  'url',
  'uri',
  'endpoint',
  'id',
  'ids',
  'type',
  'length',
  'len',
  'size',
  'count',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'timeout',
  'header',
  'prefix',
  'policy',
  'role',
  'env',
  'ref',
  'mode',
  'format',
  'version',
  'hint',
  'label',
  'field',
  'kind',
  'arn',
  'enabled',
  'enable',
  'hash',
  'sha',
  'digest',
  'checksum',
  'algorithm',
  'alg',
  'method',
  'provider',
  'issuer',
  'audience',
  'scope',
  'scopes',
  'regex',
  'pattern',
  'param',
  'query',
  'required',
  'rotation',
  'date',
  'time',
  'index',
  'location',
  'store',
  'manager',
  'source',
  'reference',
  'variable',
  'var',
  'key',
  'keys',
  'mount',
  'strength',
  'policy',
  'min',
  'max',
]);

/** Words of a name, split at separators and camelCase humps: "azureClientSecret" -> azure client secret. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (!isAsciiAlnum(code)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    const upper = code >= 65 && code <= 90;
    const prev = name.charCodeAt(i - 1);
    if (upper && word && ((prev >= 97 && prev <= 122) || isDigit(prev))) {
      words.push(word);
      word = '';
    }
    word += name[i]?.toLowerCase();
  }
  if (word) words.push(word);
  return words;
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  const joined = words.join('');
  const names =
    SECRET_NAME_PARTS.some((p) => joined.includes(p)) || words.some((w) => SECRET_NAME_WORDS.has(w));
  if (!names || words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  // `secret_key`, `api_key`, `private_key`: "key" ends a secret name when joined with the part before.
  if (last === 'key' || last === 'keys')
    return SECRET_NAME_PARTS.some((p) => joined.endsWith(p) || joined.endsWith(`${p}s`));
  return !NAME_STOP_SUFFIXES.has(last);
}

const AWS_SECRET_VALUE = RE2JS.compile('[A-Za-z0-9/+=]{40}');
/** Legacy (pre-1.10) Vault service and batch tokens: `s.` / `b.` + 24 characters. */
const VAULT_LEGACY = RE2JS.compile('[sb]\\.[A-Za-z0-9]{24}');
const AWS_ACCOUNT = RE2JS.compile('[0-9]{4}-?[0-9]{4}-?[0-9]{4}');
const GUID = RE2JS.compile('[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}');
/** A dotted member path or call in code (`process.env.TOKEN`, `config.auth.token`, `get()`). */
const CODE_EXPRESSION = RE2JS.compile(
  '[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+|.*[()\\[\\]].*',
);
const CONSTANT_NAME = RE2JS.compile('[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+');
const IDENTIFIER = RE2JS.compile('[A-Za-z_$][A-Za-z0-9_$]*');
/**
 * Lower-case words and numbers joined by `-`, `_` or `.` (`x-aws-ec2-metadata-token`,
 * `app-credentials-v2`, `cmp2-qat-1208358310`): names of things, not secrets.
 */
const SLUG = RE2JS.compile(
  '(?:[a-z]+[0-9]{0,4}|[a-z0-9]{1,3}|[0-9]+)(?:[-_.](?:[a-z]+[0-9]{0,4}|[a-z0-9]{1,3}|[0-9]+))+',
);
/** A value that names itself (`my-secret-token-1`, `VERY_SECRET_PASSWORD_2`) is a placeholder. */
const SELF_DESCRIBING = ['token', 'secret', 'password', 'passwd', 'apikey', 'api_key', 'api-key'];
const AWS_EXAMPLE_SECRETS = new Set([
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

function entropyThreshold(length: number): number {
  return Math.min(3.5, 3.0 + (length - 12) * 0.05);
}

/** The generic rule's value test: long, mixed, random-looking, not a placeholder or code. */
export function looksLikeSecretValue(value: string, quoted: boolean): boolean {
  if (value.length < 12 || value.length > MAX_VALUE) return false;
  if (hasWhitespace(value)) return false;
  if (!hasDigit(value) || !hasLetter(value)) return false;
  if (isPlaceholder(value)) return false;
  if (value.includes('://')) return false;
  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../') || value.startsWith('~/'))
    return false;
  if (!quoted && CODE_EXPRESSION.testExact(value)) return false;
  if (CONSTANT_NAME.testExact(value)) return false;
  // An unquoted identifier made of words is code (`CreateOAuth2TokenCommand`, `defaultToConfig2`);
  // random secrets have few lower-case runs of 3+ letters.
  if (!quoted && IDENTIFIER.testExact(value) && camelWordShare(value) >= 0.5) return false;
  if (SLUG.testExact(value) || wordShare(value) >= 0.6) return false;
  const lower = value.toLowerCase();
  if (SELF_DESCRIBING.some((w) => lower.includes(w))) return false;
  if (sequentialShare(value) >= 0.5 || hasCountingRun(value)) return false;
  return shannonEntropy(value) >= entropyThreshold(value.length);
}

/** Share of characters in camel-case words (`[A-Z]?[a-z]{3,}`): `CreateOAuth2Token` 0.8, random ~0.1. */
export function camelWordShare(value: string): number {
  let inWords = 0;
  let i = 0;
  while (i < value.length) {
    const start = i;
    if (isUpper(value.charCodeAt(i))) i++;
    let lower = 0;
    while (i < value.length && isLower(value.charCodeAt(i))) {
      i++;
      lower++;
    }
    if (lower >= 3) inWords += i - start;
    if (i === start) i++;
  }
  return value.length === 0 ? 0 : inWords / value.length;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * Share of characters in lower-case words of 3+ letters (optionally with a short number), for
 * values split by punctuation into 3+ parts: `AKID/date/region/sts/aws4_request` is a path, not a key.
 */
export function wordShare(value: string): number {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isAsciiAlnum(c)) part += value[i];
    else {
      if (part) parts.push(part);
      part = '';
    }
  }
  if (part) parts.push(part);
  if (parts.length < 3) return 0;
  let words = 0;
  for (const p of parts) {
    let letters = 0;
    while (letters < p.length && p.charCodeAt(letters) >= 97 && p.charCodeAt(letters) <= 122) letters++;
    let digits = letters;
    while (digits < p.length && isDigit(p.charCodeAt(digits))) digits++;
    if (letters >= 3 && digits === p.length && digits - letters <= 4) words += p.length;
  }
  return words / value.length;
}

/** Share of characters in ascending runs of 3+ (`abc123xyz456` -> 1.0): example filler. */
export function sequentialShare(value: string): number {
  let inRuns = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    const ascending =
      i < value.length &&
      value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 &&
      isAsciiAlnum(value.charCodeAt(i));
    if (ascending) run++;
    else {
      if (run >= 3) inRuns += run;
      run = 1;
    }
  }
  return value.length === 0 ? 0 : inRuns / value.length;
}

/** `abcde`, `12345`, `ABCDE`: keyboard-walk filler of examples, not random output. */
export function hasSequentialRun(value: string, length: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run =
      value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 && isAsciiAlnum(value.charCodeAt(i)) ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

export function assignmentHandler(ctx: ScanContext, at: number): void {
  if (at < ctx.consumedUntil) return;
  const a = readAssignment(ctx, at);
  if (!a || a.nameStart === ctx.lastNameStart) return;
  // A name inside an ARN, URN or path (`arn:aws:secretsmanager:...`) is not an assignment.
  const before = ctx.text[a.nameStart - 1];
  if ((before === ':' || before === '/') && a.colon) return;
  ctx.lastNameStart = a.nameStart;
  ctx.consumedUntil = a.valueStart + a.value.length;
  const { name, value, valueStart } = a;
  if (value.length === 0) return;
  const joined = nameWords(name).join('');
  // Secrets get the placeholder test on the whole value (randomFrom 0); identifiers none.
  const push = (ruleId: string, what?: string, randomFrom: number | null = 0): void => {
    const hit: Hit = {
      ruleId,
      start: valueStart,
      end: valueStart + value.length,
      secretStart: valueStart,
      secretEnd: valueStart + value.length,
      secret: value,
      ...(what ? { what } : {}),
    };
    if (randomFrom !== null) hit.randomFrom = randomFrom;
    ctx.hits.push(hit);
  };
  // Names owned by a specific rule: a value of the wrong shape there is not re-checked generically
  // (an encrypted blob under AWS_SECRET_ACCESS_KEY is not the key).
  if (joined.endsWith('secretaccesskey') || joined.endsWith('awssecretkey')) {
    if (
      AWS_SECRET_VALUE.testExact(value) &&
      !AWS_EXAMPLE_SECRETS.has(value) &&
      hasDigit(value) &&
      !isPlaceholder(value)
    )
      push('secret/aws-secret-access-key');
    return;
  }
  if (ctx.enabled('secret/aws-account-id') && (joined.endsWith('accountid') || joined.endsWith('account'))) {
    if (AWS_ACCOUNT.testExact(value)) push('secret/aws-account-id', undefined, null);
    return;
  }
  if (
    ctx.enabled('secret/azure-identifier') &&
    (joined.endsWith('tenantid') ||
      joined.endsWith('clientid') ||
      joined.endsWith('subscriptionid') ||
      joined.endsWith('applicationid'))
  ) {
    if (GUID.testExact(value)) push('secret/azure-identifier', undefined, null);
    return;
  }
  if (VAULT_LEGACY.testExact(value) && (joined.includes('vault') || joined.includes('token'))) {
    // gitleaks' tests: `s.AcceptanceTimeoutSeconds`-like words are not tokens; real ones mix
    // digits and both cases.
    if (isLegacyVaultToken(value.slice(2))) push('secret/vault-token', 'legacy Vault token', 2);
    return;
  }
  if (
    joined.endsWith('authtoken') &&
    name.startsWith('_') &&
    value.length >= 16 &&
    !hasWhitespace(value) &&
    !isPlaceholder(value)
  ) {
    push('secret/npm-token', 'npm `_authToken`');
    return;
  }
  if (!isSecretName(name)) return;
  if (looksLikeSecretValue(value, a.quoted)) push('secret/generic-high-entropy');
}

function isLegacyVaultToken(body: string): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return upper && lower && hasDigit(body) && shannonEntropy(body) >= 3.5;
}

export type { Assignment };
