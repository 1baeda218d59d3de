/** Small accessors over `yaml`'s node tree: rules need values and where they are written. */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

export function pairOf(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) {
      return item as Pair<Node, Node | null>;
    }
  }
  return undefined;
}

export function get(node: unknown, key: string): Node | undefined {
  return pairOf(node, key)?.value ?? undefined;
}

export function getPath(node: unknown, path: readonly string[]): Node | undefined {
  let here: unknown = node;
  for (const key of path) {
    here = get(here, key);
    if (here === undefined) return undefined;
  }
  return here as Node;
}

/** Key/value pairs of a mapping, keys as strings. */
export function entries(node: unknown): Array<{ key: string; keyNode: Node; value: Node | undefined }> {
  if (!isMap(node)) return [];
  const out: Array<{ key: string; keyNode: Node; value: Node | undefined }> = [];
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key)) {
      out.push({
        key: String(item.key.value),
        keyNode: item.key,
        value: (item.value as Node | null) ?? undefined,
      });
    }
  }
  return out;
}

export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items.filter((n) => n && typeof n === 'object') as Node[]) : [];
}

/** A scalar's value as a string (numbers and booleans too); undefined for maps, lists, null. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function start(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

export function end(node: Node | null | undefined): number | undefined {
  return node?.range?.[1];
}

export { isMap, isScalar, isSeq };
