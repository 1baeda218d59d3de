/**
 * Malformed and hostile policies and requests: the gate never crashes (only AstlErrors, which
 * become POLICY_INVALID denies), never hangs, and never allows what a broken policy would decide.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AstlError } from '../../packages/core/index.js';
import { CostBudget } from '../../packages/gate/cost.js';
import { decide, expressionVars } from '../../packages/gate/decide.js';
import { runGate } from '../../packages/gate/gate.js';
import { hostsInParams } from '../../packages/gate/hosts.js';
import { loadPolicies } from '../../packages/gate/policy.js';
import { DIGEST_A, policyDir, request } from '../../packages/gate/test-helpers.js';

const KEYS = [
  'agent',
  'actions',
  'name',
  'allowed_environments',
  'approval_needed',
  'allowed_images',
  'digest',
  'repository',
  'max_replicas',
  'max_per_day',
  'allowed_hosts',
  'deny_when',
  'kind',
  'spec',
  'agentTypes',
  'restrictions',
  '__proto__',
  'constructor',
];

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '(a+)+$',
    "params.x.matches('(a+)+$')",
    `${'('.repeat(300)}true${')'.repeat(300)}`,
    '"'.repeat(1000),
    'env == "production" &&',
    '{{{{',
    '*&anchor',
    '!!python/object:os.system',
    'sha256:xyz',
    '\u0000\u202e',
    'params.__proto__.x',
    'x'.repeat(70_000),
  ),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('node'), { maxKeys: 5 }),
  ),
})).node;

/** Near-valid policies: the right keys with random values, so the schema and checks do the work. */
const policyLike = fc.record(
  {
    agent: fc.oneof(fc.constant('deploy-manager'), fc.constant('*'), value),
    actions: fc.oneof(
      fc.array(
        fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(value, hostileString), { maxKeys: 8 }).map((a) => ({
          name: 'deploy',
          ...a,
        })),
        { maxLength: 3 },
      ),
      value,
    ),
  },
  { requiredKeys: [] },
);

function expectOnlyAstlErrors(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AstlError)) throw err;
  }
}

describe('fuzz: policies', () => {
  it('random near-valid policies load or fail with located AstlErrors; decide never throws', () => {
    fc.assert(
      fc.property(policyLike, (doc) => {
        const dir = policyDir({ 'p.yaml': stringify(doc) });
        let loaded: ReturnType<typeof loadPolicies> | undefined;
        expectOnlyAstlErrors(() => {
          loaded = loadPolicies(dir);
        });
        if (loaded) {
          const d = decide(request({ params: { x: 'a'.repeat(30) + '!', amount: 5 } }), loaded, {
            budget: { used: 0 },
          });
          expect(['allow', 'deny', 'approval_needed']).toContain(d.decision);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes as YAML never crash the loader', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expectOnlyAstlErrors(() => loadPolicies(policyDir({ 'p.yaml': text })));
      }),
      { numRuns: 300 },
    );
  });

  it('huge and deeply nested documents are refused, not crashed on', () => {
    const deep = `agent: a\nactions: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const aliases = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nagent: a\nactions: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    for (const text of [
      deep,
      aliases,
      `agent: a\nactions:\n  - name: deploy\n    deny_when: "${'x'.repeat(900_000)}"\n`,
    ]) {
      expectOnlyAstlErrors(() => loadPolicies(policyDir({ 'p.yaml': text })));
    }
  });

  it('a policy that does not load makes the gate deny with POLICY_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(policyLike, async (doc) => {
        const dir = policyDir({ 'p.yaml': stringify(doc) });
        let loads = true;
        try {
          loadPolicies(dir);
        } catch {
          loads = false;
        }
        const result = await runGate({
          policyPath: dir,
          workspace: { root: dir },
          agent: 'deploy-manager',
          action: 'deploy',
          environment: 'staging',
          images: [],
          params: {},
          mode: 'enforce',
          ci: { provider: 'local' },
        });
        if (!loads) {
          expect(result.decision.decision).toBe('deny');
          expect(result.record.reasons[0]!.code).toMatch(/^POLICY_(INVALID|NOT_FOUND)$/);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('fuzz: hostile CEL', () => {
  const hostileExpressions = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      "params.x.matches('(a+)+$')",
      "!params.x.matches('^(a+)+$')",
      "params.x.matches('(x+x+)+y')",
      "params.x.matches('(.*a){20}')",
      'params.l.all(a, params.l.all(b, params.l.all(c, true)))',
      `${'('.repeat(1000)}true${')'.repeat(1000)}`,
      `${'!'.repeat(5000)}true`,
      `${'[['.repeat(200)}${']]'.repeat(200)}`,
      'size(params.x) > 0 ? 1 : "a"',
      'params.missing.deeper == 1',
      'dyn(params.x) + 1 > 0',
      'params.x * 1000000000',
      "params.x.matches('\\\\p{Greek}+')",
      `params.x.matches('${'a?'.repeat(500)}${'a'.repeat(500)}')`,
      'params.x.size() > 9223372036854775807',
      'int(params.x) / 0 == 1',
    ),
  );

  it('never crash and never allow when they cannot be evaluated', () => {
    fc.assert(
      fc.property(hostileExpressions, fc.string({ maxLength: 50 }), (expr, x) => {
        const dir = policyDir({});
        writeFileSync(
          join(dir, 'p.yaml'),
          stringify({ agent: 'deploy-manager', actions: [{ name: 'deploy', deny_when: expr }] }),
        );
        let loaded: ReturnType<typeof loadPolicies> | undefined;
        expectOnlyAstlErrors(() => {
          loaded = loadPolicies(dir);
        });
        if (!loaded) return; // refused at load: the gate denies with POLICY_INVALID
        const params = { x: `${'a'.repeat(20_000)}${x}!`, l: [1, 2, 3] };
        const rule = loaded.deploy[0]!.actions[0]!.denyWhen!;
        const raw = rule.evaluate({
          agent: 'a',
          action: 'deploy',
          env: 'staging',
          images: [],
          replicas: null,
          params,
        });
        const d = decide(request({ params }), loaded);
        if (typeof raw !== 'boolean') {
          expect(d.decision).toBe('deny');
          expect(d.reasons.map((r) => r.code)).toContain('EXPRESSION_ERROR');
        } else {
          expect(d.decision).toBe(raw ? 'deny' : 'allow');
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a regex bomb on 'aaaa…!' finishes and denies through deny_when", () => {
    const dir = policyDir({
      'p.yaml': `agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: "!params.x.matches('^(a+)+$')"\n    allowed_images:\n      - digest: "${DIGEST_A}"\n`,
    });
    const d = decide(request({ params: { x: `${'a'.repeat(100_000)}!` } }), loadPolicies(dir));
    expect(d.decision).toBe('deny');
    expect(d.reasons.map((r) => r.code)).toEqual(['DENY_WHEN']);
  });
});

describe('fuzz: hostile params', () => {
  it('random params never crash decide, and hosts outside the allowlist always deny', () => {
    const dir = policyDir({
      'p.yaml':
        'agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_hosts: ["*.acme.internal"]\n    deny_when: has(params.amount) && params.amount == 1\n',
    });
    const loaded = loadPolicies(dir);
    fc.assert(
      fc.property(value, fc.domain(), (params, domain) => {
        const p =
          params && typeof params === 'object' && !Array.isArray(params)
            ? (params as Record<string, unknown>)
            : { v: params };
        const d = decide(request({ params: p }), loaded);
        expect(['allow', 'deny']).toContain(d.decision);
        const withHost = decide(request({ params: { ...p, target: `https://${domain}/x` } }), loaded);
        if (!domain.toLowerCase().endsWith('.acme.internal')) expect(withHost.decision).toBe('deny');
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: an allow always satisfies every rule', () => {
  it('random requests against the DESIGN.md policy: allow implies every rule holds', () => {
    const loaded = loadPolicies(
      policyDir({
        'p.yaml': `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: ["staging", "production"]
    approval_needed: env == "production"
    allowed_images:
      - digest: "${DIGEST_A}"
      - repository: ghcr.io/acme/app
    max_replicas: 50
    max_per_day: 20
    allowed_hosts: ["*.acme.internal"]
    deny_when: has(params.amount) && params.amount > 1000
`,
      }),
    );
    const digest = fc.constantFrom(DIGEST_A, `sha256:${'b'.repeat(64)}`, undefined);
    const repository = fc.constantFrom('ghcr.io/acme/app', 'ghcr.io/acme/evil', 'docker.io/library/nginx');
    const img = fc.record({
      repository,
      digest,
      error: fc.option(fc.constantFrom('IMAGE_NOT_FOUND', 'REGISTRY_AUTH')),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('staging', 'production', 'dev', 'prod'),
        fc.array(img, { maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.record(
          {
            amount: fc.integer({ min: 0, max: 2000 }),
            url: fc.constantFrom('https://db.acme.internal', 'https://x.evil.com', 'plain text'),
          },
          { requiredKeys: [] },
        ),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.constantFrom('alice'), { nil: undefined }),
        (environment, imgs, replicas, params, used, approvedBy) => {
          const images = imgs.map((i, n) => ({
            input: `img${n}`,
            repository: i.repository,
            isIndex: false,
            ...(i.digest ? { digest: i.digest, pinned: `${i.repository}@${i.digest}` } : {}),
            ...(i.error ? { error: { code: i.error, message: 'x' } } : {}),
          }));
          const req = request({
            environment,
            images,
            params,
            ...(replicas === undefined ? {} : { replicas }),
          });
          const d = decide(req, loaded, {
            budget: { used },
            ...(approvedBy ? { approval: { approvedBy } } : {}),
          });
          if (d.decision !== 'allow') return;
          expect(['staging', 'production']).toContain(environment);
          expect(replicas === undefined || replicas <= 50).toBe(true);
          expect(used).toBeLessThan(20);
          expect(params.amount === undefined || params.amount <= 1000).toBe(true);
          expect(params.url === 'https://x.evil.com').toBe(false);
          if (environment === 'production') expect(approvedBy).toBe('alice');
          for (const i of images) {
            expect('error' in i).toBe(false);
            expect(
              i.digest === DIGEST_A || (i.digest !== undefined && i.repository === 'ghcr.io/acme/app'),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('fuzz: host forms that dodge allowed_hosts (issue 9 kind 5)', () => {
  const loaded = loadPolicies(
    policyDir({
      'p.yaml': 'agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_hosts: ["*.acme.internal"]\n',
    }),
  );
  /** A domain outside the allowlist, in forms parsers accept. */
  const outside = fc.domain().filter((d) => !/(^|\.)acme\.internal$/i.test(d));
  const scheme = fc.constantFrom(
    'http',
    'https',
    'HTTPS',
    'ws',
    'ftp',
    'ssh',
    'git+ssh',
    'postgres',
    'redis',
    's3',
  );
  const hostForm = (host: string) =>
    fc.oneof(
      fc.constant(host),
      fc.constant(host.toUpperCase()),
      fc.constant(`${host}.`),
      fc.constant(host.replace(/\./g, '。')),
      fc.constant(`%${host.charCodeAt(0).toString(16)}${host.slice(1)}`),
      fc
        .tuple(
          scheme,
          fc.constantFrom(
            '://',
            ':\\\\',
            ':/\\',
            '://u:p@',
            '://db.acme.internal@',
            '://db.acme.internal\\@',
          ),
        )
        .map(([s, sep]) => `${s}${sep}${host}/x`),
      fc.constantFrom('https:', 'http:/', '//', '\\\\', '/\\').map((p) => `${p}${host}`),
      fc.integer({ min: 1, max: 65535 }).map((port) => `${host}:${port}`),
      fc.constantFrom('deploy@', 'git@', 'a@db.acme.internal@').map((u) => `${u}${host}`),
      fc.constant(`${host}:/etc/passwd`),
      fc.constant(`https://db.acme.internal/login?next=https%3A%2F%2F${host}%2F`),
      fc.constant(`https://db.acme.internal/r?to=${host}`),
      fc.constant(`--url=${host}`),
    );
  const prose = (token: string) =>
    fc
      .tuple(
        fc.constantFrom('', 'curl ', 'see (', 'run: ', 'then "'),
        fc.constantFrom('', ' now', ')', '.', '",'),
      )
      .map(([before, after]) => `${before}${token}${after}`);
  const place = (value: string) =>
    fc.constantFrom<Record<string, unknown>>(
      { v: value },
      { nested: [{ deep: value }] },
      { [value]: true },
      { list: ['db.acme.internal', value] },
    );

  it('a host outside the allowlist is denied in any form, any position', () => {
    fc.assert(
      fc.property(
        outside
          .chain((h) => hostForm(h))
          .chain(prose)
          .chain(place),
        (params) => {
          const d = decide(request({ params }), loaded);
          expect(d.decision).toBe('deny');
          expect(d.reasons.map((r) => r.code)).toContain('HOST_NOT_ALLOWED');
        },
      ),
      { numRuns: 1500 },
    );
  });

  /** An IPv4 address in a random inet_aton form: 1 to 4 parts, each decimal, octal or hex. */
  const inetAton = fc
    .tuple(
      fc.ipV4(),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.constantFrom('dec', 'oct', 'hex'), { minLength: 4, maxLength: 4 }),
    )
    .map(([ip, parts, bases]) => {
      const b = ip.split('.').map(Number) as [number, number, number, number];
      const values =
        parts === 4
          ? b
          : parts === 3
            ? [b[0], b[1], b[2] * 256 + b[3]]
            : parts === 2
              ? [b[0], (b[1] << 16) + b[2] * 256 + b[3]]
              : [((b[0] << 24) >>> 0) + (b[1] << 16) + b[2] * 256 + b[3]];
      const text = values
        .map((v, i) =>
          bases[i] === 'hex' ? `0x${v.toString(16)}` : bases[i] === 'oct' ? `0${v.toString(8)}` : String(v),
        )
        .join('.');
      return { ip, text };
    });

  it('IPv4 in every inet_aton form is read as the address it is, and denied', () => {
    fc.assert(
      fc.property(inetAton, fc.constantFrom('', 'http://', 'u@'), ({ ip, text }, prefix) => {
        const value = `${prefix}${text}`;
        const hosts = hostsInParams({ v: value }).map((m) => m.host);
        expect(hosts).toContain(ip);
        expect(decide(request({ params: { v: value } }), loaded).decision).toBe('deny');
      }),
      { numRuns: 1000 },
    );
  });

  it('IPv6, bracketed or not, with or without a port, is denied', () => {
    fc.assert(
      fc.property(
        fc.ipV6(),
        fc.constantFrom('%s', '[%s]', '[%s]:443', 'http://[%s]/', 'connect %s now'),
        (ip, form) => {
          const d = decide(request({ params: { v: form.replace('%s', ip) } }), loaded);
          expect(d.decision).toBe('deny');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: numbers no rule can judge (issue 9 kind 5)', () => {
  const loaded = loadPolicies(
    policyDir({
      'p.yaml':
        'agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: has(params.amount) && params.amount > 1000\n',
    }),
  );
  it('NaN or ±Infinity anywhere in params is INPUT_INVALID naming where', () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.constantFrom('amount', 'x', 'deep'),
        (noise, bad, key) => {
          const params: Record<string, unknown> = {
            noise,
            [key]: key === 'deep' ? { a: [1, { b: bad }] } : bad,
          };
          const d = decide(request({ params }), loaded);
          expect(d.decision).toBe('deny');
          expect(d.reasons.map((r) => r.code)).toContain('INPUT_INVALID');
          const where = key === 'deep' ? 'params.deep.a[1].b' : `params.${key}`;
          expect(d.reasons.some((r) => r.rule === where)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: expression cost (issue 9 kind 5)', () => {
  const comprehension = fc.constantFrom('map', 'filter', 'all', 'exists', 'exists_one');
  const body = (outer: string, inner: string) =>
    fc
      .constantFrom(
        `params.l.${inner}(b, a == b + "x")`,
        `params.l.${inner}(b, a + b == "")`,
        `a in params.l`,
        `params.l.${inner}(b, size(params.l) > 0)`,
      )
      .map((b) => `params.l.${outer}(a, ${b})`);
  const wrap = (expr: string) =>
    fc
      .constantFrom(`${expr}`, `size(${expr}) > 0`, `!(${expr} == true)`, `false || ${expr} == true`)
      .map((e) => e.replace(/\.(map|filter)\(a, ([^)]*\))\)(?!\.size)/, '.$1(a, $2).size() > 0'));
  it('hostile nesting over large params never allows by accident: cost denies or it evaluates', () => {
    let stopped = 0;
    const big = { l: Array.from({ length: 6000 }, (_, i) => `v${i}`) };
    fc.assert(
      fc.property(
        fc
          .tuple(comprehension, comprehension)
          .chain(([o, i]) => body(o, i))
          .chain(wrap),
        (expr) => {
          let loaded: ReturnType<typeof loadPolicies> | undefined;
          expectOnlyAstlErrors(() => {
            loaded = loadPolicies(
              policyDir({
                'p.yaml': stringify({
                  agent: 'deploy-manager',
                  actions: [{ name: 'deploy', deny_when: expr }],
                }),
              }),
            );
          });
          if (!loaded) return;
          const d = decide(request({ params: big }), loaded);
          // The same evaluation on its own budget: when it was stopped, the decision must be a
          // cost deny; when it finished (all/exists short-circuit), the answer stands.
          const budget = new CostBudget();
          const raw = loaded.deploy[0]!.actions[0]!.denyWhen!.evaluate(
            expressionVars(request({ params: big })),
            budget,
          );
          if (budget.exceeded) {
            expect(d.decision).toBe('deny');
            expect(d.reasons.map((r) => r.code)).toEqual(['EXPRESSION_COST']);
          } else if (typeof raw === 'boolean') {
            expect(d.decision).toBe(raw ? 'deny' : 'allow');
          } else {
            expect(d.decision).toBe('deny');
          }
          stopped += budget.exceeded ? 1 : 0;
        },
      ),
      // A fixed seed: the count of stopped runs below must not depend on the draw.
      { numRuns: 40, seed: 20261130 },
    );
    expect(stopped).toBeGreaterThan(10);
  });
});
