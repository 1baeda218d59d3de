/**
 * Where a piece of a YAML scalar's value is written in the file, so a finding about one flag of
 * a multi-line `run:` script or `claude_args:` points at that flag's line. Literal block scalars
 * (`|`) map line by line; other styles (plain, quoted, folded) are searched for the text.
 */
import { isScalar, type Node, Scalar } from 'yaml';

/** File offset of `index` in the value of the scalar `node` (its start when unknown). */
export function valueOffset(text: string, node: Node, index: number): number {
  const range = node.range;
  if (!range) return 0;
  if (!isScalar(node)) return range[0];
  const value = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  const raw = text.slice(range[0], range[1]);
  if (node.type === Scalar.BLOCK_LITERAL) {
    const mapped = literalOffset(raw, value, index);
    if (mapped !== undefined) return range[0] + mapped;
  }
  if (
    (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE) &&
    !raw.includes('\n')
  ) {
    const quote = node.type === Scalar.PLAIN ? 0 : 1;
    const direct = range[0] + quote + index;
    // Escapes shift quoted text; trust the direct offset only when the text is there.
    const probe = value.slice(index, index + 8);
    if (probe && text.startsWith(probe, direct)) return direct;
  }
  return range[0] + searchOffset(raw, value, index);
}

/** Offset in `raw` (a `|` block: header line, then indented lines) of value index `index`. */
function literalOffset(raw: string, value: string, index: number): number | undefined {
  const lines = raw.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const content = lines.slice(1);
  const indent = Math.min(
    ...content.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
    Number.MAX_SAFE_INTEGER,
  );
  if (!Number.isFinite(indent) || indent === Number.MAX_SAFE_INTEGER) return undefined;
  const before = value.slice(0, index);
  const lineNo = before.split('\n').length - 1;
  const column = index - (before.lastIndexOf('\n') + 1);
  const rawLine = lineNo + 1;
  if (rawLine >= lines.length) return undefined;
  return (starts[rawLine] ?? 0) + indent + column;
}

/** Finds the text around `index` in `raw`; the n-th occurrence when it repeats. */
function searchOffset(raw: string, value: string, index: number): number {
  const lineEnd = value.indexOf('\n', index);
  const token = value.slice(
    index,
    lineEnd === -1 ? Math.min(value.length, index + 40) : Math.min(lineEnd, index + 40),
  );
  if (!token.trim()) return 0;
  let occurrence = 0;
  for (let i = value.indexOf(token); i !== -1 && i < index; i = value.indexOf(token, i + 1)) occurrence++;
  let last = -1;
  let k = 0;
  for (let i = raw.indexOf(token); i !== -1; i = raw.indexOf(token, i + 1)) {
    if (k++ === occurrence) return i;
    last = i;
  }
  return last === -1 ? 0 : last;
}

/** File offset of the first occurrence of `needle` in the YAML text of `node` (its start when absent). */
export function findInNode(text: string, node: Node, needle: string): number {
  const range = node.range;
  if (!range) return 0;
  const at = text.slice(range[0], range[1]).indexOf(needle);
  return at === -1 ? range[0] : range[0] + at;
}
