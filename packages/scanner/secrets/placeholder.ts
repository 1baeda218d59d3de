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
 * Words that mark documentation and fixtures, matched in lower, upper or capitalised case. Each
 * is 4+ letters, most outside the hex alphabet: in a random 60-character base62 token a given
 * 4-letter word appears in one of those spellings with probability about 3 × 60 / 62^4 (1e-5).
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
  '...',
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

/** Characters that fill a masked value: `x`, `X`, `*`, `#`, `.`, `•` (and `0`, 6 of them). */
function isMaskChar(c: string): boolean {
  return c === 'x' || c === 'X' || c === '*' || c === '#' || c === '.' || c === '•';
}

/**
 * A run of one character: 5+ of a mask character, 6+ zeros, or 8+ of any (random base62 makes a run of 5
 * of one given character with probability under 1e-7 per position; base64 key material such as
 * Vault batch tokens does start `AAAAA`, hence the higher bar for other characters), or a run
 * covering half of a value of 8+ characters.
 */
function hasFillerRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    const c = value[i] as string;
    if ((run >= 5 && isMaskChar(c)) || (run >= 6 && c === '0') || run >= 8) return true;
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
 * Counting: consecutive characters ascending or descending by one, letters compared without case
 * (`1234567`, `abcdef`, `aBcDeF`, `98765432`): 7 digits or 6 letters (a random run that long is
 * about 1e-6 per position for digits, 1e-7 for letters), or a whole `-`/`_`/`.`-separated
 * segment of 4+ characters that counts (`xoxp-1234-1234-…`).
 */
export function hasCountingRun(value: string): boolean {
  const letterRun = 6;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const a = value.charCodeAt(i - 1);
    const b = value.charCodeAt(i);
    const digits = isDigit(a) && isDigit(b);
    const la = letterCode(a);
    const lb = letterCode(b);
    const letters = la >= 0 && lb >= 0;
    up = (digits && b === a + 1) || (letters && lb === la + 1) ? up + 1 : 1;
    down = (digits && b === a - 1) || (letters && lb === la - 1) ? down + 1 : 1;
    const need = digits ? 7 : letterRun;
    if (up >= need || down >= need) return true;
  }
  return countingSegment(value);
}

/** The lower-case code of an ASCII letter, or -1. */
function letterCode(code: number): number {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122 ? lower : -1;
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
  if (containsWord(value)) return true;
  // `…TOKENHERE`, `your_token_here`: "here" ends the value (4e-7 for a random base62 tail).
  if (HERE.some((w) => value.endsWith(w)) || YOUR.some((w) => value.startsWith(w))) return true;
  return hasFillerRun(value) || hasCountingRun(value) || tooFewSymbols(value);
}

/**
 * `word` in one case, as documentation writes it (`example`, `EXAMPLE`, `Example`): a random
 * mixed-case token spells a word in one of these cases 8 times less often than in any case.
 */
function spellings(word: string): string[] {
  return [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)];
}

const WORD_SPELLINGS = PLACEHOLDER_WORDS.flatMap(spellings);
const HERE = spellings('here');
const YOUR = spellings('your');

function containsWord(value: string): boolean {
  for (const w of WORD_SPELLINGS) if (value.includes(w)) return true;
  return false;
}

/** Placeholder or reference: what the generic and URL rules skip. */
export function isPlaceholder(value: string): boolean {
  return isPlaceholderSecret(value);
}

/**
 * A token cut short, masked or templated in the text right after it: `ghp_abc…`, `AKIA….`,
 * `…-####`, `…_XXXX`, `prefix<token>` (an optional separator, then `…`, `...`, or 3+ of `#`, `*`,
 * `•`, or of `x`/`X` after a separator; or `<`, `${`, `{{` right after).
 */
export function followedByMask(text: string, end: number): boolean {
  let i = end;
  if (text.startsWith('...', i) || text[i] === '…') return true;
  // A template right after the fixed part: `prefix<your-token>`, `prefix${TOKEN}`, `prefix{{ x }}`.
  if (text[i] === '<' || text.startsWith('${', i) || text.startsWith('{{', i)) return true;
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
