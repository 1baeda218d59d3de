/**
 * Small text helpers for the secret detector: entropy, character classes, offsets to
 * line/column, and redaction (placeholders: placeholder.ts). Nothing here runs a regular expression over
 * caller-controlled input; the detectors do that with re2js.
 */

/** Shannon entropy in bits per character (UTF-16 code units). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiAlnum(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code);
}

/** A letter in any script (the `\p{L}` of secretlint's look-behinds), without a regex. */
export function isLetterChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return isAsciiLetter(code);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** What may not touch a token on one side: a letter, an ASCII alphanumeric, or a word character. */
export type Boundary = 'letter' | 'alnum' | 'word' | 'none';

export function violatesBoundary(ch: string | undefined, boundary: Boundary): boolean {
  if (ch === undefined || ch === '' || boundary === 'none') return false;
  const code = ch.charCodeAt(0);
  switch (boundary) {
    case 'letter':
      return isLetterChar(ch);
    case 'alnum':
      return isAsciiAlnum(code);
    case 'word':
      return isAsciiAlnum(code) || code === 95;
  }
}

export function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isDigit(value.charCodeAt(i))) return true;
  return false;
}

export function hasLetter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isAsciiLetter(value.charCodeAt(i))) return true;
  return false;
}

export function hasWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

/** True when every character is the same one (`xxxx`, `0000`, `****`). */
export function isRepetitive(value: string): boolean {
  for (let i = 1; i < value.length; i++) if (value[i] !== value[0]) return false;
  return true;
}

/** Offsets to 1-based line and column, built once per text on first use. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    let i = this.text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = this.text.indexOf('\n', i + 1);
    }
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /** [start, end) offsets of a 1-based line, without its line break. */
  lineBounds(line: number): [number, number] {
    const starts = this.lineStarts();
    const start = starts[line - 1] ?? this.text.length;
    let end = line < starts.length ? (starts[line] ?? this.text.length) - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return [start, Math.max(start, end)];
  }
}

/** The visible part of a redacted secret: up to 4 leading characters (fewer for short values). */
export function redactedForm(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 3));
  return `${secret.slice(0, keep)}***`;
}

const SNIPPET_CONTEXT = 60;

/**
 * The line holding `[from, to)`, every secret span on it redacted, cut to a window around the
 * finding so that a 5 MB minified line does not become a 5 MB snippet.
 */
export function redactedSnippet(
  text: string,
  lineStart: number,
  lineEnd: number,
  focus: number,
  secretsIn: (from: number, to: number) => readonly { start: number; end: number }[],
): string {
  const from = Math.max(lineStart, focus - SNIPPET_CONTEXT);
  let to = Math.min(lineEnd, focus + SNIPPET_CONTEXT * 3);
  const secrets = secretsIn(from, to);
  // Do not cut inside a secret: a cut secret could leave more than 4 characters visible.
  for (const s of secrets) if (s.start < to && s.end > to) to = Math.min(lineEnd, s.end);
  const spans = secrets.filter((s) => s.start < to && s.end > from).sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = from;
  for (const s of spans) {
    if (s.start >= cursor) {
      out += text.slice(cursor, s.start);
      out += redactedForm(text.slice(s.start, s.end));
    } else if (s.end > cursor) {
      out += '***';
    }
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < to) out += text.slice(cursor, to);
  return (from > lineStart ? '…' : '') + out + (to < lineEnd ? '…' : '');
}
