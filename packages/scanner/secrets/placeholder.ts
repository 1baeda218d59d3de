/**
 * One test of "this is a stand-in, not a credential", applied to the random part of every
 * rule's captured secret (the token after its fixed prefix, the value of an assignment, the
 * password of a URL). Documentation, templates and tests fill token shapes with masks
 * (`ghp_xxxx…`, `glpat-XXXX-XXXX`, `…-####`), template references (`<token>`, `${TOKEN}`,
 * `{{ token }}`), words (`YOUR_…`, `…HERE`, `example`) and counting sequences (`1234567890`,
 * `abcdef`); real tokens are random and contain none of these except by a chance that is
 * negligible at token lengths (below 1e-4 per token for each test; see the comments).
 *
 * No regular expressions: character loops only, linear in the value.
 */
import { isAsciiAlnum, isDigit } from './text.js';

/**
 * A reference to a value held elsewhere rather than the value itself: `${VAR}`, `${{ secrets.X }}`,
 * `$(cmd)`, `$VAR`, `{{ var }}`, `{var}`, `%VAR%`, `#{var}`.
 */
export function isReference(value: string): boolean {
  if (value.startsWith('$')) return true;
  if (value.includes('${') || value.includes('$(') || value.includes('{{') || value.includes('#{'))
    return true;
  if (value.startsWith('{') && value.endsWith('}')) return true;
  if (value.length > 2 && value.startsWith('%') && value.endsWith('%')) return true;
  return false;
}

/**
 * Words that mark documentation and fixtures (lower-case substrings). Each is 4+ letters, most
 * outside the hex alphabet: in a random 60-character base62 token a given 4-letter word appears
 * with probability about 60 / 62^4 (4e-6).
 */
const PLACEHOLDER_WORDS = [
  'example',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'dummy',
  'sample',
  'your_',
  'your-',
  'yourtoken',
  'yourpassword',
  'yourkey',
  'yoursecret',
  'xxxx',
  '****',
  '####',
  '....',
  '…',
  '•••',
  'redacted',
  'insert',
  'replace',
  'todo',
  'fixme',
  'notreal',
  'not_real',
  'not-a-real',
  'fake',
  'randomstring',
];

/** Characters that fill a masked value: `x`, `X`, `*`, `#`, `0`, `.`, `•`. */
function isMaskChar(c: string): boolean {
  return c === 'x' || c === 'X' || c === '*' || c === '#' || c === '0' || c === '.' || c === '•';
}

/**
 * A run of one character: 5+ of a mask character, or 8+ of any (random base62 makes a run of 5
 * of one given character with probability under 1e-7 per position; base64 key material such as
 * Vault batch tokens does start `AAAAA`, hence the higher bar for other characters), or a run
 * covering half of a value of 8+ characters.
 */
function hasFillerRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if ((run >= 5 && isMaskChar(value[i] as string)) || run >= 8) return true;
  }
  return value.length >= 8 && longestRun(value) * 2 >= value.length;
}

function longestRun(value: string): number {
  let best = value.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Counting: 5+ consecutive characters ascending or descending by one (`12345`, `abcde`, `98765`),
 * or a whole `-`/`_`/`.`-separated segment of 4+ that counts (`xoxp-1234-1234-…`).
 */
export function hasCountingRun(value: string, length = 5): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const a = value.charCodeAt(i - 1);
    const b = value.charCodeAt(i);
    const alnum = isAsciiAlnum(a) && isAsciiAlnum(b) && isDigit(a) === isDigit(b);
    up = alnum && b === a + 1 ? up + 1 : 1;
    down = alnum && b === a - 1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return countingSegment(value);
}

function countingSegment(value: string): boolean {
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (i < value.length && c !== '-' && c !== '_' && c !== '.') continue;
    const segment = value.slice(start, i);
    start = i + 1;
    if (segment.length < 4) continue;
    let counting = true;
    for (let k = 1; k < segment.length && counting; k++)
      counting = segment.charCodeAt(k) === segment.charCodeAt(k - 1) + 1;
    if (counting) return true;
  }
  return false;
}

/** At most 3 distinct letters and digits in 12+ of them (`12312312…`, `xXxX…`, `abab…`). */
function tooFewSymbols(value: string): boolean {
  const seen = new Set<string>();
  let alnum = 0;
  for (let i = 0; i < value.length; i++) {
    if (!isAsciiAlnum(value.charCodeAt(i))) continue;
    alnum++;
    seen.add(value[i] as string);
    if (seen.size > 3) return false;
  }
  return alnum >= 12;
}

/**
 * Whether the random part of a captured secret is a placeholder: a reference or template
 * (`${X}`, `<token>`, `{{ x }}`), a documentation word (`example`, `YOUR_…`, `…HERE`, `xxxx`),
 * a mask or run of one character, counting digits or letters, or too few distinct symbols.
 * An empty value is not judged (a rule whose fixed prefix is the whole token decides alone).
 */
export function isPlaceholderSecret(value: string): boolean {
  if (value.length === 0) return false;
  if (isReference(value)) return true;
  if (value.includes('<') || value.includes('>')) return true;
  const lower = value.toLowerCase();
  for (const word of PLACEHOLDER_WORDS) if (lower.includes(word)) return true;
  // `…TOKENHERE`, `your_token_here`: "here" ends the value (4e-7 for a random base62 tail).
  if (lower.endsWith('here') || lower.startsWith('your')) return true;
  return hasFillerRun(value) || hasCountingRun(value) || tooFewSymbols(value);
}

/** Placeholder or reference: what the generic and URL rules skip. */
export function isPlaceholder(value: string): boolean {
  return isPlaceholderSecret(value);
}

/**
 * A token cut short or masked in the text right after it: `ghp_abc…`, `AKIA….`, `…-####`,
 * `…_XXXX` (an optional separator, then `…`, `...`, or 3+ of `#`, `*`, `•`, or of `x`/`X` after a
 * separator).
 */
export function followedByMask(text: string, end: number): boolean {
  let i = end;
  if (text.startsWith('...', i) || text[i] === '…') return true;
  const c = text[i];
  const separated = c === '-' || c === '_' || c === '.' || c === ':';
  if (separated) i++;
  if (text.startsWith('...', i) || text[i] === '…') return true;
  let masks = 0;
  while (masks < 3 && i + masks < text.length) {
    const m = text[i + masks];
    if (m !== '#' && m !== '*' && m !== '•' && !(separated && (m === 'x' || m === 'X'))) break;
    masks++;
  }
  return masks >= 3;
}
