/**
 * YAML for the scanner's rules: every document parsed with positions, then aliases and merge
 * keys resolved into a plain node tree, so a rule never meets an `Alias` (`run: *cmd` is the
 * anchored script, at the anchor's position, where its text is written).
 *
 * GitHub resolves aliases in workflows and action metadata (since 2025-09) and rejects the merge
 * key `<<`; we merge `<<` anyway (YAML 1.1 semantics, own keys win, earlier sources win) so
 * nothing can hide behind it. Expansion is bounded: an alias bomb stops at RESOLVE_LIMITS and the
 * caller reports the file as unparseable (fail closed) instead of passing it.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Pair,
  parseAllDocuments,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { firstDuplicateKey } from '../../core/yaml-source.js';

/**
 * Expanded nodes per document (a workflow of 200 jobs x 50 steps x 10 keys stays far below;
 * a billion-laughs file hits it after a few milliseconds) and nesting depth.
 */
export const RESOLVE_LIMITS = { maxNodes: 250_000, maxDepth: 256 };

/** Why a YAML text cannot be turned into resolved documents, at `offset` (0-based). */
export class YamlProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly kind: 'syntax' | 'alias' | 'limit',
  ) {
    super(message);
  }
}

export interface ResolvedDocument {
  /** The document's root after alias and merge-key resolution; null for an empty document. */
  root: Node | null;
  /** The parsed document as written (comments, anchors), for callers that need it. */
  document: Document;
}

/**
 * Parses every document of `text` and resolves aliases and merge keys. Throws YamlProblem
 * (syntax error, unknown or self-referencing alias, expansion over RESOLVE_LIMITS).
 */
export function parseResolved(text: string): ResolvedDocument[] {
  const lineCounter = new LineCounter();
  let docs: Document[];
  try {
    // uniqueKeys: the library's check is quadratic in a mapping's size; firstDuplicateKey is linear.
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false }) as
      | Document[]
      | never;
  } catch (err) {
    throw new YamlProblem(
      err instanceof RangeError ? 'nested too deeply to parse' : (err as Error).message,
      0,
      'limit',
    );
  }
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document];
  const out: ResolvedDocument[] = [];
  for (const document of list) {
    const problem = document.errors[0] ?? firstDuplicateKey(document);
    if (problem) throw new YamlProblem(problem.message.split('\n')[0]!, problem.pos[0], 'syntax');
    const root = new Resolver(document).build(document.contents as Node | null, 0);
    if (root === null && document.contents === null) continue;
    out.push({ root, document });
  }
  return out;
}

class Resolver {
  private nodes = 0;
  private readonly active = new Set<Node>();

  constructor(private readonly doc: Document) {}

  build(node: Node | null | undefined, depth: number): Node | null {
    if (node === null || node === undefined) return null;
    if (depth > RESOLVE_LIMITS.maxDepth) {
      throw new YamlProblem(
        `nested more than ${RESOLVE_LIMITS.maxDepth} levels deep after resolving aliases`,
        node.range?.[0] ?? 0,
        'limit',
      );
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as Node | undefined;
      if (!target) {
        throw new YamlProblem(`alias *${node.source} has no anchor before it`, node.range?.[0] ?? 0, 'alias');
      }
      if (this.active.has(target)) {
        throw new YamlProblem(`alias *${node.source} refers to itself`, node.range?.[0] ?? 0, 'alias');
      }
      this.active.add(target);
      try {
        return this.build(target, depth + 1);
      } finally {
        this.active.delete(target);
      }
    }
    if (++this.nodes > RESOLVE_LIMITS.maxNodes) {
      throw new YamlProblem(
        `expands to more than ${RESOLVE_LIMITS.maxNodes} nodes through aliases (an alias bomb?)`,
        node.range?.[0] ?? 0,
        'limit',
      );
    }
    if (isScalar(node)) {
      const copy = new Scalar(node.value);
      copy.range = node.range;
      copy.type = node.type;
      if (node.tag) copy.tag = node.tag;
      return copy;
    }
    if (isSeq(node)) {
      const copy = new YAMLSeq();
      copy.range = node.range;
      copy.flow = node.flow;
      for (const item of node.items) copy.items.push(this.build(item as Node, depth + 1));
      return copy;
    }
    if (isMap(node)) return this.buildMap(node, depth);
    return null;
  }

  private buildMap(node: YAMLMap, depth: number): YAMLMap {
    const copy = new YAMLMap();
    copy.range = node.range;
    copy.flow = node.flow;
    const own: Pair[] = [];
    const merged: Pair[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const rawKey = item.key as Node | null;
      if (isScalar(rawKey) && rawKey.value === '<<' && rawKey.type === 'PLAIN') {
        const value = this.build(item.value as Node | null, depth + 1);
        const sources = isSeq(value) ? value.items : [value];
        for (const source of sources) {
          if (isMap(source)) merged.push(...(source.items as Pair[]));
          else if (source !== null) {
            throw new YamlProblem(
              'a merge key (<<) needs a mapping or a list of mappings',
              rawKey.range?.[0] ?? 0,
              'alias',
            );
          }
        }
        continue;
      }
      const key = this.build(rawKey, depth + 1);
      const pair = new Pair(key, this.build(item.value as Node | null, depth + 1));
      own.push(pair);
    }
    const seen = new Set(own.map((p) => keyText(p.key)));
    copy.items.push(...own);
    for (const pair of merged) {
      const k = keyText(pair.key);
      if (seen.has(k)) continue;
      seen.add(k);
      copy.items.push(pair);
    }
    return copy;
  }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : JSON.stringify(key);
}

/** Plain JavaScript value of a resolved node (maps to objects, lists to arrays). */
export function toPlain(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map(toPlain);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) if (isPair(pair)) out[String(keyText(pair.key))] = toPlain(pair.value);
    return out;
  }
  return null;
}
