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

/** One Markdown table cell: no line breaks, pipes escaped, no raw HTML. */
export function markdownCell(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

/** Inline code that cannot be closed early by a backtick in the content. */
export function markdownCode(text: string): string {
  const clean = markdownCell(text);
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
