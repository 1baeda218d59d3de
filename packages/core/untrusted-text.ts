/**
 * The one module that makes untrusted text (action inputs, event text, registry values, file
 * names and contents of a pull request, provider responses) safe to print: in a CI log that the
 * GitHub Actions runner parses for workflow commands, in workflow-command data and properties,
 * and in Markdown that GitHub renders as a job summary. Pure functions, no I/O.
 *
 * How the runner reads a step's output (actions/runner, the rules each escape below defeats):
 * - `ProcessInvoker` reads stdout AND stderr with `StreamReader.ReadLine`, so a line ends at LF,
 *   CR or CRLF. A CR in untrusted text therefore starts a new line just as LF does.
 * - `OutputManager.OnDataReceived` hands every line that contains `##[` or `::` to
 *   `ActionCommandManager.TryProcessCommand`, which tries two parsers:
 *   - `ActionCommand.TryParseV2`: after `TrimStart()` (.NET white space: Unicode Zs/Zl/Zp, TAB..CR,
 *     U+0085, U+00A0) the line starts with `::`, a second `::` ends `command key=v,key=v`,
 *     the rest is data. Data unescapes `%0D` `%0A` `%25`; properties also `%3A` `%2C`.
 *   - `ActionCommand.TryParse` (legacy): `##[` ANYWHERE in the line, then `command k=v;k=v]data`.
 * - `stop-commands`: `::stop-commands::TOKEN` (or `##[stop-commands]TOKEN`) makes the runner ignore
 *   every command, `::add-mask::` included, until a line `::TOKEN::`. One hostile `##[` in a
 *   purpose printed before the masks therefore un-masks every credential that follows.
 * - `echo`: `::echo::on` prints every later command line (masks still apply).
 */

/**
 * Characters shown as `\uXXXX` wherever untrusted text is printed: C0 controls (CR and LF end a
 * runner line; ESC drives terminals), DEL, C1 controls (U+0085 NEL is a line break for some
 * readers), U+2028/U+2029 (line and paragraph separators), and the bidirectional controls that
 * can make a log line or summary read differently from its bytes ("Trojan Source").
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same set without TAB, for whole output lines that we composed ourselves. */
const UNPRINTABLE_BUT_TAB =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * As above, also keeping ESC when it starts an SGR sequence (`ESC[1;31m`, the CLI's colours on a
 * terminal that asked for them). Any other ESC is shown as `\u001b`: a file name or value holding
 * `ESC]52;c;…BEL` (write the clipboard), `ESC]0;…` (window title) or a cursor move must not drive
 * the reader's terminal.
 */
const UNPRINTABLE_BUT_TAB_SGR =
  /\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000a-\u001a\u001c-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What validation refuses in one-line identity fields (`purpose`, `owner`): C0 (TAB, CR, LF
 * included), DEL, C1, U+2028/U+2029. `schemas/agent-config.schema.json` spells the same class in
 * its `pattern`; a test keeps the two equal.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * One line of text with every control, line-breaking and bidi character shown as `\uXXXX`
 * (LF becomes the six characters `\u000a`). Use it for an untrusted value inside a log line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, hex);
}

const UNPRINTABLE_RUNS = new RegExp(`${UNPRINTABLE.source}+`, 'g');

/**
 * One line of prose with each run of control, line-breaking and bidi characters (the set
 * `printable` shows as `\uXXXX`) turned into one space: for a value spliced into a title or a
 * sentence, where an escape would read as noise.
 */
export function spacedOut(text: string): string {
  return text.replace(UNPRINTABLE_RUNS, ' ');
}

/** `.NET` `char.IsWhiteSpace` (what `TrimStart` removes) as far as it differs from JS `\s`: NEL. */
const LEADING_SPACE_THEN_COMMAND = /^([\s\u0085]*):(?=:)/;

/**
 * One output line that the runner will not take for a workflow command, whatever it holds:
 * - `##[` anywhere -> `#\u0023[` (defeats `TryParse`, the legacy form, e.g. `##[stop-commands]x`);
 * - `::` after leading white space -> `\u003a:` (defeats `TryParseV2`);
 * - CR, LF, other controls, U+2028/9, bidi -> `\uXXXX` (defeats a second line starting inside it).
 * The escapes are valid JSON string escapes of the same characters, so a JSON document passed
 * line by line stays the same document. `ansi` keeps ESC for the CLI's colours on a terminal.
 */
export function safeLine(line: string, options: { ansi?: boolean } = {}): string {
  const visible = line.replace(options.ansi ? UNPRINTABLE_BUT_TAB_SGR : UNPRINTABLE_BUT_TAB, hex);
  return neutraliseCommands(visible);
}

/** `##[` anywhere and `::` at the start (after white space) of one line, escaped as above. */
function neutraliseCommands(line: string): string {
  return line.replace(/##\[/g, '#\\u0023[').replace(LEADING_SPACE_THEN_COMMAND, '$1\\u003a');
}

/** Multi-line text (LF or CRLF) as safe output lines; see `safeLine`. */
export function safeLines(text: string, options: { ansi?: boolean } = {}): string[] {
  return text.split(/\r?\n/).map((l) => safeLine(l, options));
}

/**
 * Workflow-command data (the message after the second `::`): `%`, CR, LF escaped as the runner's
 * `UnescapeData` expects (`%0D`, `%0A`, `%25`), so the message cannot end the command line and
 * decodes to exactly the text given. Nothing inside data is parsed again: `TryParseV2` has taken
 * the line, so the legacy `##[` parser never sees it.
 */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Workflow-command property value (`file=`, `title=`): additionally `:` and `,`, which end a
 * property and a property list (`UnescapeProperty`). Exact, so `file=` still names the file.
 */
export function escapeCommandProperty(text: string): string {
  return text
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
}

/** Where an annotation points, as `@actions/core` names it (AnnotationProperties). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * One workflow-command line (no trailing newline): `::command k=v,k=v::data`, properties and
 * data escaped as above. Empty properties are left out.
 */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  data: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeCommandProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeCommandData(data)}`;
}

/** An `::error`/`::warning`/`::notice` line. */
export function annotationCommand(
  kind: 'error' | 'warning' | 'notice',
  message: string,
  p: AnnotationProperties = {},
): string {
  return workflowCommand(
    kind,
    {
      file: p.file,
      line: p.startLine,
      endLine: p.endLine,
      col: p.startColumn,
      endColumn: p.endColumn,
      title: p.title,
    },
    message,
  );
}

/** The first control character of `text` (see CONTROL_CHARACTERS), as `U+000A`, or undefined. */
export function findControlCharacter(text: string): { index: number; codePoint: string } | undefined {
  const m = CONTROL_CHARACTERS.exec(text);
  if (!m) return undefined;
  return { index: m.index, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

// ---------------------------------------------------------------------------------------------
// Markdown (GitHub Flavored Markdown as cmark-gfm renders job summaries)

/**
 * What GFM would read as markup inside a line: escapes (`\`), code (`` ` ``), emphasis and
 * strikethrough (`* _ ~`), links, images and footnotes (`[ ] !`), raw HTML and `<…>` autolinks
 * (`< >`), entities (`&`), table cells (`|`) and math (`$`). CommonMark lets any ASCII punctuation
 * be backslash-escaped (spec 2.4); the rest (`-`, `.`, `:` …) is left alone so values stay
 * readable in the raw summary.
 */
const INLINE_MARKUP = /[\\`*_~[\]!<>&|$]/g;

function escapeInline(text: string): string {
  return (
    printable(text)
      .replace(INLINE_MARKUP, (c) => `\\${c}`)
      // GFM extended autolinks: `scheme://`, `www.` and e-mail addresses.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  );
}

/** Markup that only counts at the start of a line: headings, lists, setext lines, indented code. */
function escapeLineStart(markdown: string): string {
  return markdown
    .replace(/^ +/, (s) => '&#32;'.repeat(s.length))
    .replace(/^[#+=-]/, (c) => `\\${c}`)
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Untrusted text as literal Markdown inline text, safe in a table cell, a list item or a
 * paragraph: one line (`printable`), and no link `[x](…)`, image `![x](…)`, raw HTML `<img>`,
 * entity, autolink (`https://`, `www.`, `a@b.c`), emphasis, code span, heading, list marker, math
 * or table pipe can form. Every `|` ends up behind exactly one escaping backslash, which cmark-gfm
 * and marked both read as a pipe inside a cell.
 */
export function markdownText(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/**
 * Untrusted text shown as code: a backtick span one backtick longer than the longest run inside
 * (CommonMark 6.1), so its content is literal (no link, HTML or autolink). A value holding `|`
 * becomes `<code>` around `markdownText` instead, because GFM splits table cells at `|` even
 * inside a span and cmark-gfm and marked disagree about `\\|` there.
 */
export function markdownCode(text: string): string {
  const content = printable(text);
  if (content === '') return '';
  if (content.includes('|')) return `<code>${escapeInline(content)}</code>`;
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each side of a span that has both; pad so none is lost,
  // and so a backtick at either end does not join the fence.
  const pad = /^`|`$/.test(content) || /^ .*[^ ].* $/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A message written by a rule, where `backtick spans` mark values: spans (found as CommonMark
 * finds them: a backtick run closed by the next run of the same length) are emitted again by
 * `markdownCode`, everything else is escaped as `markdownText`, so the output parses into the
 * same spans and text whatever a value contains.
 */
export function markdownMessage(text: string): string {
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      plain += text[i];
      i++;
      continue;
    }
    let runEnd = i;
    while (text[runEnd] === '`') runEnd++;
    const close = closingRun(text, runEnd, runEnd - i);
    if (close === -1) {
      plain += text.slice(i, runEnd); // an unmatched run is literal text
      i = runEnd;
      continue;
    }
    out += escapeInline(plain);
    plain = '';
    let inner = text.slice(runEnd, close);
    if (/^ .*[^ ].* $/s.test(inner)) inner = inner.slice(1, -1); // CommonMark strips one space each side
    out += markdownCode(inner);
    i = close + (runEnd - i);
  }
  return escapeLineStart(out + escapeInline(plain));
}

function closingRun(text: string, from: number, length: number): number {
  for (let j = text.indexOf('`', from); j !== -1; ) {
    let end = j;
    while (text[end] === '`') end++;
    if (end - j === length) return j;
    j = text.indexOf('`', end);
  }
  return -1;
}

/**
 * A fenced code block holding `text` verbatim: the fence is one backtick longer than the longest
 * run inside, so no line of the text can close it early (CommonMark 4.5). Controls other than
 * LF and TAB are shown as `\uXXXX`.
 */
export function markdownFence(text: string, info = ''): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(UNPRINTABLE_BUT_TAB, hex))
    .join('\n');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info.replace(/[^\w+-]/g, '')}\n${body}\n${fence}`;
}

/**
 * A two-column table of facts, `[label, value]` with values already rendered (markdownText,
 * markdownCode). GFM needs a header row: the first fact is it, so no table opens with an empty
 * header row (which screen readers announce and renderers draw as a blank bar).
 */
export function markdownFacts(rows: readonly (readonly [string, string])[]): string[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  return [`| ${first[0]} | ${first[1]} |`, '|---|---|', ...rest.map(([k, v]) => `| ${k} | ${v} |`)];
}

/**
 * A timestamp for a summary: ISO 8601 UTC to the second (`2026-11-30T12:26:57Z`), as one code
 * span, so it reads and copies as one token and is not set as prose that wraps at its hyphens.
 * Anything that is not an ISO timestamp is shown as code as given.
 */
export function markdownTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return markdownCode(m ? `${m[1]}Z` : iso);
}
