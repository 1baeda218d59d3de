/**
 * Job summaries a newcomer and an auditor read (issue 14): every status has words beside its
 * symbol, no key/value table opens with an empty header row, timestamps are one code token to
 * the second, and an allow lists the checks it passed. Rendered with marked, as the demo does.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderFailureSummary, renderMintSummary } from '../../packages/credentials/summary.js';
import type { MintResult } from '../../packages/credentials/types.js';
import { decide } from '../../packages/gate/decide.js';
import { type DecisionRecord, renderMarkdown } from '../../packages/gate/record.js';

const mint: MintResult = {
  agent: 'deploy-bot',
  owner: 'sre-team',
  type: 'deployment-bot',
  purpose: 'Deploy',
  correlationId: 'c0ffee',
  appliedPolicies: ['agent-config.yaml#deploy-bot'],
  credentials: [
    {
      provider: 'aws',
      label: 'AWS STS',
      identity: 'arn:aws:sts::111122223333:assumed-role/r/deploy-bot@1',
      issuedAt: '2026-11-30T12:11:57.123Z',
      expiresAt: '2026-11-30T12:26:57.000Z',
      ttlSeconds: 900,
      details: {},
    },
  ],
  warnings: [],
} as unknown as MintResult;

function record(decision: Pick<DecisionRecord, 'decision' | 'checks_passed' | 'reasons'>): DecisionRecord {
  return {
    decision_id: 'd1',
    timestamp: '2026-11-30T12:11:58.955Z',
    mode: 'enforce',
    enforced: true,
    policy: { path: 'policies', sha256: 'ab', files: [] },
    request: {
      agent: 'deploy-bot',
      agent_type: null,
      action: 'deploy',
      environment: 'staging',
      images: ['r/app:1'],
      replicas: 3,
      params: {},
    },
    images: [{ input: 'r/app:1', pinned: 'r/app@sha256:aa', digest: 'sha256:aa', mediaType: null }],
    budget: null,
    approval: { required: false },
    metrics: { timer_resolve_ms: 1, timer_eval_ms: 1, timer_github_ms: 0, timer_total_ms: 2 },
    ci: { provider: 'local' },
    ...decision,
  };
}

function tables(markdown: string): string[][] {
  // Each table's header cells, as rendered.
  const html = marked.parse(markdown) as string;
  return [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) =>
    [...m[1]!.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => c[1]!.trim()),
  );
}

describe('job summaries (issue 14)', () => {
  const summaries = {
    mint: renderMintSummary(mint),
    refused: renderFailureSummary({ agent: 'x', correlationId: 'c', refused: true, message: 'no' }),
    allow: renderMarkdown(record({ decision: 'allow', reasons: [], checks_passed: [] })),
  };

  it('no table opens with an empty header row', () => {
    for (const [name, md] of Object.entries(summaries)) {
      for (const header of tables(md))
        expect(
          header.every((h) => h !== ''),
          `${name}: ${header}`,
        ).toBe(true);
    }
  });

  it('statuses carry words, not only a symbol', () => {
    expect(summaries.allow).toContain('| ✅ pinned |');
    expect(summaries.allow).toMatch(/\| Decision \| ✅ allow \|/);
    expect(summaries.mint).toMatch(/^\| Status \| issued \|$/m);
    expect(summaries.refused).toMatch(/^\| Status \| refused before any token was requested \|$/m);
    for (const md of Object.values(summaries)) expect(md).not.toMatch(/\| (✅|❌|⏳) \|/);
  });

  it('timestamps are one code token, to the second', () => {
    const html = marked.parse(summaries.mint) as string;
    expect(html).toContain('<code>2026-11-30T12:11:57Z</code>');
    expect(html).toContain('<code>2026-11-30T12:26:57Z</code>');
    expect(summaries.allow).toContain('`2026-11-30T12:11:58Z`');
  });

  it('an allow lists the checks it passed, rule by rule', () => {
    const rule = {
      name: 'deploy',
      at: 'policies/deploy.yaml:3',
      keyAt: {
        allowed_environments: 'policies/deploy.yaml:4',
        max_replicas: 'policies/deploy.yaml:5',
      },
      allowedEnvironments: ['staging'],
      maxReplicas: 5,
    };
    const decision = decide(
      {
        agent: 'deploy-bot',
        action: 'deploy',
        environment: 'staging',
        images: [{ input: 'r/app:1', digest: 'sha256:aa', repository: 'r/app', pinned: 'r/app@sha256:aa' }],
        replicas: 3,
        params: {},
      } as never,
      { path: 'policies', deploy: [{ agent: 'deploy-bot', actions: [rule] }], agent: [] } as never,
    );
    expect(decision.decision).toBe('allow');
    const md = renderMarkdown(record({ decision: 'allow', reasons: [], checks_passed: decision.passed }));
    expect(md).toContain('#### Checks passed');
    expect(md).toContain(
      "| `policies/deploy.yaml:4 allowed_environments` | ✅ environment 'staging' is allowed |",
    );
    expect(md).toContain('| `policies/deploy.yaml:5 max_replicas` | ✅ 3 replicas, at most 5 |');
    expect(md).toContain('1 image(s) resolved to a digest');
  });
});
