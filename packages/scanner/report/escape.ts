/**
 * Escaping for everything the scanner prints. File names and messages come from the scanned
 * repository, so a hostile name ("x\n::set-env ...", "a,b::c", "%0A") must never start a new
 * workflow command, break a property list, or inject Markdown/HTML into the job summary.
 */

/** Workflow command message: the runner decodes %25, %0D, %0A. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property value: additionally `:` and `,`, which delimit properties. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A file name or message for a log line: control characters shown as escapes, one line. */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One Markdown table cell: no line breaks, pipes escaped, no raw HTML. Code spans are found
 * as CommonMark finds them (a backtick run closed by the next run of the same length) and left
 * as they are, because entities are not decoded inside them; everything else is HTML-escaped.
 */
export function markdownCell(text: string): string {
  const clean = printable(text);
  let out = '';
  let i = 0;
  while (i < clean.length) {
    const open = clean.indexOf('`', i);
    if (open === -1) {
      out += escapeHtml(clean.slice(i));
      break;
    }
    out += escapeHtml(clean.slice(i, open));
    let runEnd = open;
    while (clean[runEnd] === '`') runEnd++;
    const run = clean.slice(open, runEnd);
    let close = -1;
    for (let j = clean.indexOf(run, runEnd); j !== -1; j = clean.indexOf(run, j + 1)) {
      const exact = clean[j - 1] !== '`' && clean[j + run.length] !== '`';
      if (exact) {
        close = j;
        break;
      }
      while (clean[j + 1] === '`') j++;
    }
    if (close === -1) {
      out += run; // a literal backtick run
      i = runEnd;
      continue;
    }
    out += clean.slice(open, close + run.length);
    i = close + run.length;
  }
  return out.replace(/\|/g, '\\|');
}

/** Inline code that cannot be closed early by a backtick in the content (shown literally). */
export function markdownCode(text: string): string {
  const clean = printable(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
