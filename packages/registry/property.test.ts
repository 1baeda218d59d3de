import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AstlError, parseYaml } from '../core/index.js';
import { checkCredentialRequest, parseAgentPolicies, parseRegistry, resolveAgent } from './index.js';

const REGISTRY_KEYS = [
  'name',
  'type',
  'owner',
  'purpose',
  'permissions',
  'credential-policy',
  'max-ttl',
  'audit-level',
  'credentials',
  'maxTTL',
  'aws',
  'vault',
  'role-arn',
  'url',
  'role',
  'secrets',
  'path',
  'key',
  'env',
  '__proto__',
  'constructor',
];
const POLICY_KEYS = [
  'kind',
  'metadata',
  'name',
  'spec',
  'agentTypes',
  'restrictions',
  'deny',
  'credentialPolicy',
  'maxTtl',
  'type',
];

const scalar = fc.oneof(
  fc.constantFrom('ephemeral', 'long-lived', 'full', 'none', '15m', '1h', '0', 'AgentPolicy', 'secrets', '*'),
  fc.constantFrom('arn:aws:iam::123456789012:role/prod/x', 'https://vault', 'a', 'prod', ''),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const value = (keys: string[]) =>
  fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })), tie('v'), {
        maxKeys: 5,
      }),
    ),
  })).v;

/** Registry-shaped documents: mostly right keys with random values, so validation goes deep. */
const agentLike = fc.record(
  {
    name: fc.oneof(fc.constantFrom('a', 'b', 'a-1'), scalar),
    type: fc.oneof(fc.constantFrom('t', 'u'), scalar),
    owner: scalar,
    purpose: scalar,
    permissions: fc.oneof(
      fc.array(fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 2 })),
      value(REGISTRY_KEYS),
    ),
    'max-ttl': scalar,
    'audit-level': scalar,
    'credential-policy': scalar,
    credentials: value(REGISTRY_KEYS),
  },
  { requiredKeys: [] },
);

function onlyAstlErrors(run: () => void): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof AstlError)) throw err;
    // Every user-facing error can be printed.
    expect(typeof err.format()).toBe('string');
  }
}

describe('parseRegistry never throws anything but AstlError', () => {
  it('on random YAML-ish objects', () => {
    fc.assert(
      fc.property(
        fc.oneof(value(REGISTRY_KEYS), fc.record({ agents: fc.array(agentLike, { maxLength: 4 }) })),
        (doc) => {
          const text = stringify(doc);
          onlyAstlErrors(() => {
            const reg = parseRegistry(text, 'r.yaml');
            // A registry that parses also resolves and checks without crashing.
            for (const agent of reg.agents) {
              onlyAstlErrors(() => resolveAgent(reg, { agent: agent.name, agentType: agent.type }));
              onlyAstlErrors(() =>
                checkCredentialRequest(
                  {
                    agent,
                    durationSeconds: 900,
                    providers: ['aws', 'vault'],
                    readsSecrets: true,
                    environment: 'prod',
                  },
                  [],
                ),
              );
            }
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) =>
        onlyAstlErrors(() => parseRegistry(text, 'r.yaml')),
      ),
      { numRuns: 300 },
    );
  });

  it('on mangled valid registries', () => {
    const valid =
      'agents:\n  - name: a\n    type: t\n    owner: o\n    max-ttl: 1h\n    permissions:\n      - repo: read\n';
    fc.assert(
      fc.property(
        fc.nat(valid.length),
        fc.nat(valid.length),
        fc.string({ maxLength: 5 }),
        (at, cut, insert) => {
          const text = valid.slice(0, at) + insert + valid.slice(Math.min(valid.length, at + (cut % 4)));
          onlyAstlErrors(() => parseRegistry(text, 'r.yaml'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('valid registries always parse', () => {
  const validAgent = fc.record(
    {
      name: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      type: fc.constantFrom('coding-assistant', 'deploy-manager'),
      owner: fc.constantFrom('platform-team', '@acme/sec'),
      purpose: fc.string({ minLength: 1, maxLength: 30 }),
      permissions: fc.array(
        fc
          .record({
            r: fc.stringMatching(/^[a-z][a-z-]{0,10}$/),
            a: fc.constantFrom('read', 'write', 'comment'),
          })
          .map(({ r, a }) => ({ [r]: a })),
        { maxLength: 3 },
      ),
      'credential-policy': fc.constantFrom('ephemeral', 'long-lived'),
      'max-ttl': fc.oneof(
        fc.integer({ min: 1, max: 86400 }),
        fc.constantFrom('15m', '1h', '1h30m', '900s', '2d'),
      ),
      'audit-level': fc.constantFrom('full', 'minimal', 'none'),
      credentials: fc.record(
        {
          aws: fc.record({
            'role-arn': fc.stringMatching(/^arn:aws:iam::\d{12}:role\/[a-z-]{1,10}(\/[a-z-]{1,10})?$/),
            region: fc.constantFrom('us-east-1', 'eu-west-2'),
          }),
          vault: fc.record({
            url: fc.constantFrom('https://vault:8200', 'http://127.0.0.1:8200'),
            role: fc.constantFrom('ci', 'prod-ci'),
          }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['name', 'type'] },
  );
  it('parses, resolves and checks without crashing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(validAgent, { selector: (a) => a.name, maxLength: 4 }), (agents) => {
        const reg = parseRegistry(stringify({ agents }), 'r.yaml');
        expect(reg.agents.map((a) => a.name)).toEqual(agents.map((a) => a.name));
        for (const agent of reg.agents) {
          expect(resolveAgent(reg, { agent: agent.name }).name).toBe(agent.name);
          onlyAstlErrors(() =>
            checkCredentialRequest(
              {
                agent,
                durationSeconds: 3600,
                providers: ['aws', 'vault'],
                readsSecrets: false,
                environment: 'prod',
              },
              [],
            ),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseAgentPolicies never throws anything but AstlError', () => {
  it('on random documents', () => {
    const policyLike = fc.record(
      {
        kind: fc.oneof(fc.constant('AgentPolicy'), scalar),
        metadata: value(POLICY_KEYS),
        spec: value(POLICY_KEYS),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(policyLike, value(POLICY_KEYS)), { maxLength: 3 }), (docs) => {
        const text = docs.map((d) => stringify(d)).join('---\n');
        onlyAstlErrors(() => parseAgentPolicies(parseYaml(text, 'p.yaml')));
      }),
      { numRuns: 300 },
    );
  });
});
