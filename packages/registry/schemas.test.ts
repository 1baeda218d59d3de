import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../core/index.js';
import { parseAgentPolicies, parseRegistry, policySchema, registrySchema } from './index.js';
import { DESIGN_AGENT_POLICY, DESIGN_DEPLOY_POLICY, DESIGN_REGISTRY } from './test-helpers.js';

const schemas = { 'agent-config': registrySchema, 'agent-policy': policySchema } as const;

type Node = Record<string, unknown>;
/** Every subschema with the JSON pointer that reaches it. */
function* subschemas(node: unknown, pointer = ''): Generator<[string, Node]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* subschemas(n, `${pointer}/${i}`);
    return;
  }
  const obj = node as Node;
  yield [pointer, obj];
  for (const key of ['properties', 'patternProperties', 'definitions']) {
    for (const [k, v] of Object.entries((obj[key] as Node | undefined) ?? {}))
      yield* subschemas(v, `${pointer}/${key}/${k}`);
  }
  for (const key of ['items', 'if', 'then', 'else'])
    if (obj[key]) yield* subschemas(obj[key], `${pointer}/${key}`);
}

describe.each(Object.entries(schemas))('%s schema', (_, schema) => {
  it('compiles under Ajv strict mode', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('describes every property and closes every object', () => {
    for (const [pointer, node] of subschemas(schema)) {
      for (const key of ['properties', 'patternProperties']) {
        for (const [name, sub] of Object.entries((node[key] as Node | undefined) ?? {})) {
          expect((sub as Node).description, `${pointer}/${key}/${name}`).toEqual(expect.any(String));
        }
      }
      // Closed: no unknown keys, or keys only from a fixed list (propertyNames: {enum}).
      const listed = Array.isArray((node.propertyNames as Node | undefined)?.enum);
      if (node.type === 'object' && !listed) expect(node.additionalProperties, pointer).toBe(false);
    }
  });

  it('accepts its own examples', () => {
    const ajv = new Ajv({ strict: false });
    let checked = 0;
    for (const [pointer, node] of subschemas(schema)) {
      if (!Array.isArray(node.examples) || JSON.stringify(node).includes('$ref')) continue;
      const { $id: _id, ...standalone } = node as Node & { $id?: string };
      const validate = ajv.compile(standalone);
      for (const example of node.examples) {
        expect(
          validate(example),
          `${pointer}: ${JSON.stringify(example)} ${JSON.stringify(validate.errors)}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('DESIGN.md examples validate with plain Ajv (as editors do)', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  it('registry', () => {
    const validate = ajv.compile(registrySchema);
    expect(validate(parseYaml(DESIGN_REGISTRY, 'r.yaml')[0]!.value), JSON.stringify(validate.errors)).toBe(
      true,
    );
  });
  it('AgentPolicy', () => {
    const validate = ajv.compile(policySchema);
    expect(
      validate(parseYaml(DESIGN_AGENT_POLICY, 'p.yaml')[0]!.value),
      JSON.stringify(validate.errors),
    ).toBe(true);
    expect(validate(parseYaml(DESIGN_DEPLOY_POLICY, 'p.yaml')[0]!.value)).toBe(false);
  });
});

describe('docs/registry.md', () => {
  const docs = readFileSync(new URL('../../docs/registry.md', import.meta.url), 'utf8');
  const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has YAML examples', () => expect(blocks.length).toBeGreaterThan(2));

  it.each(blocks.map((b, i) => [i, b]))('example %i is valid', (i, block) => {
    const file = `docs/registry.md#${i}`;
    if (/^agents:/m.test(block)) {
      expect(() => parseRegistry(block, file)).not.toThrow();
    } else if (/^kind: AgentPolicy/m.test(block)) {
      expect(parseAgentPolicies(parseYaml(block, file)).length).toBeGreaterThan(0);
    } else {
      // Workflow snippets and fixes: at least well-formed YAML.
      expect(() => parseYaml(block, file)).not.toThrow();
    }
  });
});
