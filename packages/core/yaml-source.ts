/**
 * YAML with positions: parse a file into documents that remember where every value came from,
 * and validate them against the JSON Schemas in schemas/ so that every error names file:line,
 * what was expected, and (for unknown keys) the closest known key. The validators are compiled
 * from those schemas at build time (scripts/schemas.mjs, Ajv standalone code in
 * schema-validators/), so nothing is compiled at run time and Ajv itself is never loaded.
 */
import type { ErrorObject } from 'ajv';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  visit,
} from 'yaml';
import { AstlError, type SourceLocation } from './errors.js';
import { closest } from './suggest.js';
import { printable } from './untrusted-text.js';

export type JsonPath = ReadonlyArray<string | number>;

/** Hard caps so a hostile file cannot exhaust memory through aliases or sheer size. */
export const YAML_LIMITS = { maxBytes: 5 * 1024 * 1024, maxAliasCount: 100, maxDocuments: 1000 };

export class YamlDoc {
  constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
    readonly value: unknown,
  ) {}

  /** Where the value at `path` starts; falls back to the nearest ancestor that exists. */
  locate(path: JsonPath): SourceLocation {
    const node = this.nodeAt(path, false);
    return this.at(node?.range?.[0]);
  }

  /** Where the key of the entry at `path` is written (for "unknown key" errors). */
  locateKey(path: JsonPath): SourceLocation {
    const node = this.nodeAt(path, true);
    return this.at(node?.range?.[0]);
  }

  private at(offset: number | undefined): SourceLocation {
    if (offset === undefined) return { file: this.file };
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private nodeAt(path: JsonPath, wantKey: boolean): Node | undefined {
    let node: unknown = this.doc.contents;
    let found = node as Node | undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) return found;
        node = last && wantKey ? pair.key : pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else {
        return found;
      }
      if (node && typeof node === 'object' && 'range' in (node as object)) found = node as Node;
      else return found;
    }
    return found;
  }
}

/**
 * The first mapping key written twice in a document (YAML 1.2 requires unique keys), as the
 * library reports it with `uniqueKeys: true` ("Map keys must be unique" at the second key), in
 * linear time: one set of scalar keys per mapping. Keys that are collections are not compared.
 */
export function firstDuplicateKey(doc: Document): { message: string; pos: [number, number] } | undefined {
  let found: { message: string; pos: [number, number] } | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) {
          const at = key.range?.[0] ?? 0;
          found = {
            message: `Map keys must be unique; "${String(key.value).slice(0, 80)}" is repeated`,
            pos: [at, at + 1],
          };
          return visit.BREAK;
        }
        seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}

/** Parses every document of a YAML file; syntax errors become AstlErrors with file:line. */
export function parseYaml(text: string, file: string): YamlDoc[] {
  if (Buffer.byteLength(text) > YAML_LIMITS.maxBytes) {
    throw new AstlError(`${file} is larger than ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB`, {
      code: 'CONFIG_INVALID',
      location: { file },
      hint: 'split it into smaller files',
    });
  }
  const lines = new LineCounter();
  // logLevel 'error': the library must not print warnings itself. Its one warning (a collection
  // used as a map key) quotes the key, and Node prints it to stderr unescaped, where the runner
  // reads `##[stop-commands]` in a registry or policy as a command.
  const docs = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    // The library's own check compares every key with every other one: a 1 MiB mapping of 80,000
    // keys takes a minute. firstDuplicateKey does the same job in linear time.
    uniqueKeys: false,
    logLevel: 'error',
  });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > YAML_LIMITS.maxDocuments) {
    throw new AstlError(`${file} holds more than ${YAML_LIMITS.maxDocuments} YAML documents`, {
      code: 'CONFIG_INVALID',
      location: { file },
    });
  }
  const out: YamlDoc[] = [];
  for (const doc of list) {
    const problem = doc.errors[0] ?? firstDuplicateKey(doc);
    if (problem) {
      const pos = lines.linePos(problem.pos[0]);
      throw new AstlError(`invalid YAML: ${problem.message.split('\n')[0]}`, {
        code: 'YAML_SYNTAX',
        location: { file, line: pos.line, column: pos.col },
        hint: 'fix the YAML syntax (indentation, quotes, a ":" after each key)',
      });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
    } catch (err) {
      throw new AstlError(`invalid YAML: ${(err as Error).message}`, {
        code: 'YAML_SYNTAX',
        location: { file },
      });
    }
    if (doc.contents === null && value == null) continue; // empty document between `---`
    out.push(new YamlDoc(file, doc, lines, value));
  }
  return out;
}

/**
 * A schema's validator as Ajv compiles it (`allErrors`, `verbose`): true when valid, else the
 * errors in `.errors`. The ones in schema-validators/ are generated from schemas/*.schema.json.
 */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * Validates a document with a schema's compiled validator and turns its errors into located,
 * actionable ones. `what` names the file kind for messages ("agent registry", "AgentPolicy").
 */
export function validateWithSchema(
  doc: YamlDoc,
  validate: SchemaValidator,
  what: string,
  code = 'CONFIG_INVALID',
): AstlError[] {
  if (validate(doc.value)) return [];
  const errors: AstlError[] = [];
  const seen = new Set<string>();
  for (const e of pruneErrors(validate.errors ?? [])) {
    const err = toAstlError(doc, e, what, code);
    const key = `${err.location?.line}:${err.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(err);
    }
  }
  return errors.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
}

/** Drops the umbrella errors of anyOf/oneOf/if when a more specific error explains them. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const umbrella = new Set(['anyOf', 'oneOf', 'if', 'not', 'propertyNames']);
  const specific = errors.filter((e) => !umbrella.has(e.keyword));
  return specific.length > 0 ? specific : errors;
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describePath(path: JsonPath): string {
  if (path.length === 0) return 'the document';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function toAstlError(doc: YamlDoc, e: ErrorObject, what: string, code: string): AstlError {
  const path = pathOf(e.instancePath);
  const here = describePath(path);
  const parent = e.parentSchema as
    | { description?: string; examples?: unknown[]; properties?: object }
    | undefined;
  const expected = parent?.description ? ` (${parent.description})` : '';
  // A key refused by `propertyNames: {enum}`: Ajv reports the enum error with the key's name.
  const propertyName = (e as { propertyName?: unknown }).propertyName;
  if (typeof propertyName === 'string' && e.keyword === 'enum') {
    const known = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
    const guess = closest(propertyName, known);
    return new AstlError(`unknown key '${propertyName}' in ${what} at ${here}${expected}`, {
      code,
      location: doc.locateKey([...path, propertyName]),
      hint: guess
        ? `did you mean '${guess}'? (keys are case-sensitive)`
        : `known keys here: ${known.join(', ')}`,
    });
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      const guess = closest(key, known);
      return new AstlError(`unknown key '${key}' in ${what}${path.length ? ` at ${here}` : ''}`, {
        code,
        location: doc.locateKey([...path, key]),
        hint: guess
          ? `did you mean '${guess}'? (keys are case-sensitive)`
          : `known keys here: ${known.join(', ') || '(none)'}`,
      });
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      const sub = (parent?.properties as Record<string, { description?: string }> | undefined)?.[key];
      return new AstlError(
        `${here} is missing required key '${key}'${sub?.description ? ` (${sub.description})` : ''}`,
        {
          code,
          location: doc.locate(path),
          hint: `add '${key}:' to ${here}`,
        },
      );
    }
    case 'type':
      return new AstlError(
        `${here} must be ${article((e.params as { type: string | string[] }).type)}, got ${path.length === 0 ? typeName(e.data, false) : typeName(e.data)}${expected}`,
        {
          code,
          location: doc.locate(path),
        },
      );
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const guess = typeof e.data === 'string' ? closest(e.data, allowed.map(String)) : undefined;
      return new AstlError(
        `${here} is ${JSON.stringify(e.data)}; expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
        {
          code,
          location: doc.locate(path),
          hint: guess ? `did you mean ${JSON.stringify(guess)}?` : undefined,
        },
      );
    }
    case 'pattern':
    case 'format':
      return new AstlError(
        `${here} is ${printable(JSON.stringify(e.data) ?? String(e.data))}, which is not valid${expected}`,
        {
          code,
          location: doc.locate(path),
          hint: parent?.examples?.length
            ? `for example: ${parent.examples.map((x) => JSON.stringify(x)).join(', ')}`
            : undefined,
        },
      );
    default:
      return new AstlError(`${here} ${e.message ?? 'is invalid'}${expected}`, {
        code,
        location: doc.locate(path),
      });
  }
}

/** Ajv reports a union type as an array (`["string", "integer"]`) or a comma list. */
function article(type: string | string[]): string {
  const text = (Array.isArray(type) ? type : type.split(',')).join(' or ');
  return /^[aeiou]/.test(text) ? `an ${text}` : `a ${text}`;
}

/**
 * How an error names a value's type: `a list`, `a mapping`, `string "read"`. With `showValue`
 * false only the type: a whole document that is one scalar is some other file (a `.env`, a
 * token file) named by mistake, and its first characters may be a secret.
 */
export function typeName(v: unknown, showValue = true): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (!showValue) return `a ${typeof v}`;
  return `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}
