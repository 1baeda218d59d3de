/**
 * Reading `name <operator> value` around a keyword hit, in the syntaxes of common languages and
 * file formats. Every read is bounded (names 128 characters, values 512, gaps 256), so the cost
 * per keyword hit is constant and a file stays linear.
 *
 * | form | examples |
 * |---|---|
 * | `=`, `:`, `=>`, `:=` | env, ini, properties, TOML, HCL, YAML, JSON, Ruby/Perl hashes, Go |
 * | `::=`, `:::=`, `?=`, `+=` | Makefiles (POSIX, GNU) |
 * | `.=`, `??=` | PHP (`$token .= "…"`) |
 * | `name Type = v` | Go (`var apiToken string = "…"`) |
 * | `name: Type = v` | Kotlin, Scala, Swift, TypeScript (`val apiKey: String = "…"`) |
 * | `"NAME", "v"` | calls (`System.setProperty("API_TOKEN", "…")`, `getenv("TOKEN", "…")`) |
 * | `<name>v</name>` | XML elements, the value on the same line or its own |
 * | `key:⏎  v`, `key: \|⏎  v` | YAML/JSON value on the next, deeper line; YAML block scalars |
 * | `key="NAME" value="v"` | XML attributes (.NET `<add key=… value=…/>`) |
 * | `Bearer v`, `token v` | an authorization scheme before the value |
 */
import type { ScanContext } from './hits.js';
import { newlineAfter } from './hits.js';
import { hasWhitespace, isAsciiAlnum, isAsciiLetter } from './text.js';

export const MAX_VALUE = 512;
const MAX_NAME = 128;
const MAX_GAP = 256;
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token']);

export interface Assignment {
  name: string;
  nameStart: number;
  valueStart: number;
  value: string;
  /** The value was delimited (quotes, backticks, an XML element), not cut at a stop character. */
  quoted: boolean;
  /** The operator was a bare `:` (YAML/JSON style), not `=`, `:=` or `=>`. */
  colon: boolean;
}

function isKeyChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

interface Operator {
  /** Offset just after the operator. */
  end: number;
  colon: boolean;
}

/** The assignment operator at `i`, if any: `:::=`, `::=`, `:=`, `??=`, `?=`, `.=`, `+=`, `=>`, `=`, `:`. */
function operatorAt(text: string, i: number): Operator | undefined {
  const c = text[i];
  const next = text[i + 1];
  if (c === ':') {
    if (text.startsWith(':::=', i)) return { end: i + 4, colon: false };
    if (text.startsWith('::=', i)) return { end: i + 3, colon: false };
    if (next === '=') return { end: i + 2, colon: false };
    if (next === ':') return undefined; // `Token::Kind`
    return { end: i + 1, colon: true };
  }
  if (c === '=') {
    if (next === '>') return { end: i + 2, colon: false };
    if (next === '=') return undefined; // comparison
    return { end: i + 1, colon: false };
  }
  if (text.startsWith('??=', i)) return { end: i + 3, colon: false };
  if ((c === '?' || c === '.' || c === '+') && next === '=' && text[i + 2] !== '=')
    return { end: i + 2, colon: false };
  return undefined;
}

/** End of a type name at `i` (`string`, `String?`, `java.lang.String`, `[]byte`, `Map<K, V>`), or `i`. */
function typeNameEnd(text: string, i: number): number {
  let k = i;
  const limit = Math.min(text.length, i + 64);
  let depth = 0;
  while (k < limit) {
    const c = text.charCodeAt(k);
    const ch = text[k];
    if (ch === '<') depth++;
    else if (ch === '>') {
      if (depth === 0) break;
      depth--;
    } else if (!(isAsciiAlnum(c) || ch === '_' || ch === '.' || ch === '?' || ch === '[' || ch === ']')) {
      if (!(depth > 0 && (ch === ',' || ch === ' '))) break;
    }
    k++;
  }
  const first = text.charCodeAt(i);
  return depth === 0 && (isAsciiLetter(first) || text[i] === '[' || text[i] === '_') ? k : i;
}

function skipBlanks(text: string, i: number): number {
  let k = i;
  while (isBlank(text[k])) k++;
  return k;
}

/**
 * The operator after a name (and its closing quote), looking through a type annotation:
 * `name Type =` (Go) and `name: Type =` (Kotlin, TypeScript). `,` counts only after a quoted
 * name and before a quoted value (a call's arguments); `value=` only after a quoted name.
 */
function operatorAfterName(
  text: string,
  nameEnd: number,
): (Operator & { needsQuotedValue?: boolean }) | undefined {
  let i = nameEnd;
  const nameQuoted = text[i] === '"' || text[i] === "'";
  if (nameQuoted) i++;
  const afterName = i;
  i = skipBlanks(text, i);
  const op = operatorAt(text, i);
  if (op?.colon) {
    // `name: Type = value`
    const typeStart = skipBlanks(text, op.end);
    const typeEnd = typeNameEnd(text, typeStart);
    const after = typeEnd > typeStart ? operatorAfterType(text, typeEnd) : undefined;
    return after ?? op;
  }
  if (op) return op;
  if (nameQuoted && text[i] === ',') return { end: i + 1, colon: false, needsQuotedValue: true };
  if (nameQuoted && text.startsWith('value=', i)) return { end: i + 6, colon: false, needsQuotedValue: true };
  if (!nameQuoted && i > afterName) {
    // `var name Type = value`
    const typeEnd = typeNameEnd(text, i);
    if (typeEnd > i) return operatorAfterType(text, typeEnd);
  }
  return undefined;
}

/** `= ` after a type name and a blank (`String = "…"`); `Abc=…` is a value, not a type. */
function operatorAfterType(text: string, typeEnd: number): Operator | undefined {
  if (!isBlank(text[typeEnd])) return undefined;
  const after = operatorAt(text, skipBlanks(text, typeEnd));
  return after && !after.colon ? after : undefined;
}

/** Characters that end an unquoted value (whitespace, quotes, list/statement/query separators, brackets). */
const UNQUOTED_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ';', '<', '>', '&', ')', ']', '}']);

/** End of an unquoted value; a `\n`, `\r` or `\t` escape (inside a JSON string) ends it too. */
export function unquotedEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && end - from < MAX_VALUE && !UNQUOTED_STOP.has(text[end] as string)) {
    if (text[end] === '\\' && (text[end + 1] === 'n' || text[end + 1] === 'r' || text[end + 1] === 't'))
      break;
    end++;
  }
  return end;
}

/** `<name>value</name>`, the value on the same line or on its own line. */
function readXmlElement(ctx: ScanContext, nameStart: number, nameEnd: number): Assignment | undefined {
  const { text } = ctx;
  const name = text.slice(nameStart, nameEnd);
  let i = nameEnd + 1;
  const gapLimit = Math.min(text.length, i + MAX_GAP);
  while (i < gapLimit && (isBlank(text[i]) || text[i] === '\n' || text[i] === '\r')) i++;
  const valueStart = i;
  let end = i;
  const limit = Math.min(text.length, i + MAX_VALUE);
  while (end < limit && text[end] !== '<' && text[end] !== '\n' && text[end] !== '\r') end++;
  let valueEnd = end;
  while (valueEnd > valueStart && isBlank(text[valueEnd - 1])) valueEnd--;
  const closeLimit = Math.min(text.length, end + MAX_GAP);
  while (end < closeLimit && text[end] !== '<') {
    if (!(isBlank(text[end]) || text[end] === '\n' || text[end] === '\r')) return undefined;
    end++;
  }
  if (!text.startsWith(`</${name}>`, end)) return undefined;
  return {
    name,
    nameStart,
    valueStart,
    value: text.slice(valueStart, valueEnd),
    quoted: true,
    colon: false,
  };
}

/** The value at `i`: quoted on one line (`"`, `'`, backtick) or unquoted up to a stop character. */
function readValue(ctx: ScanContext, i: number): { valueStart: number; valueEnd: number; quoted: boolean } {
  const { text } = ctx;
  const open = text[i];
  if (open === '"' || open === "'" || open === '`') {
    const valueStart = i + 1;
    const lineEnd = newlineAfter(ctx, valueStart);
    const close = text.slice(valueStart, Math.min(lineEnd, valueStart + MAX_VALUE + 1)).indexOf(open);
    if (close !== -1) return { valueStart, valueEnd: valueStart + close, quoted: true };
  }
  return { valueStart: i, valueEnd: unquotedEnd(text, i), quoted: false };
}

/**
 * Where a YAML or JSON value starts when `key:` ends its line: a block scalar (`key: |`,
 * `key: >-`, a comment after the indicator) or a plain or quoted value on the next line, which
 * must be indented deeper than the key (otherwise it is the next key). `at` is just after the
 * colon and its blanks; undefined when a value follows on the same line.
 */
function valueOnNextLine(text: string, nameStart: number, at: number): number | undefined {
  let i = at;
  if (text[i] === '|' || text[i] === '>') {
    i++;
    while (i < at + 4 && /[-+0-9]/.test(text[i] ?? '')) i++;
    i = skipBlanks(text, i);
    if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      if (end === -1 || end - i > MAX_GAP) return undefined;
      i = end;
    }
  }
  if (text[i] === '\r') i++;
  if (text[i] !== '\n') return undefined;
  let lineStart = nameStart;
  while (lineStart > 0 && nameStart - lineStart < MAX_GAP && text[lineStart - 1] !== '\n') lineStart--;
  const keyIndent = skipBlanks(text, lineStart) - lineStart;
  const next = i + 1;
  const valueStart = skipBlanks(text, next);
  if (valueStart - next <= keyIndent || valueStart - next > MAX_GAP) return undefined;
  const c = text[valueStart];
  return c === undefined || c === '\n' || c === '\r' || c === '#' ? undefined : valueStart;
}

/** Reads `name <op> value` around a keyword hit at `at`; undefined when it is not an assignment. */
export function readAssignment(ctx: ScanContext, at: number): Assignment | undefined {
  const { text } = ctx;
  let nameStart = at;
  while (nameStart > 0 && at - nameStart < MAX_NAME && isKeyChar(text.charCodeAt(nameStart - 1))) nameStart--;
  let nameEnd = at;
  while (nameEnd < text.length && nameEnd - at < MAX_NAME && isKeyChar(text.charCodeAt(nameEnd))) nameEnd++;
  if (text[nameStart - 1] === '<' && text[nameEnd] === '>') return readXmlElement(ctx, nameStart, nameEnd);
  const op = operatorAfterName(text, nameEnd);
  if (!op) return undefined;
  let valueAt = skipBlanks(text, op.end);
  if (op.colon) valueAt = valueOnNextLine(text, nameStart, valueAt) ?? valueAt;
  const read = readValue(ctx, valueAt);
  if (op.needsQuotedValue && !read.quoted) return undefined;
  let { valueStart, valueEnd } = read;
  let value = text.slice(valueStart, valueEnd);
  // `Authorization: Bearer <token>` and friends: the credential is the second word.
  const isScheme = (word: string): boolean => AUTH_SCHEMES.has(word.toLowerCase());
  if (read.quoted && hasWhitespace(value)) {
    const space = value.indexOf(' ');
    if (space > 0 && isScheme(value.slice(0, space))) {
      valueStart += space + 1;
      value = value.slice(space + 1);
    }
  } else if (!read.quoted && isScheme(value) && text[valueEnd] === ' ') {
    valueStart = valueEnd + 1;
    valueEnd = unquotedEnd(text, valueStart);
    value = text.slice(valueStart, valueEnd);
  }
  return {
    name: text.slice(nameStart, nameEnd),
    nameStart,
    valueStart,
    value,
    quoted: read.quoted,
    colon: op.colon,
  };
}
