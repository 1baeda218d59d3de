import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { AstlError } from '../core/index.js';
import type { ResolvedImage } from '../oci/index.js';
import { type GateDeps, type GateInput, redactParams, runGate } from './gate.js';
import { renderMarkdown } from './record.js';
import { DIGEST_A, DIGEST_B, policyDir } from './test-helpers.js';

function input(policy: string, over: Partial<GateInput> = {}): GateInput {
  return {
    policyPath: policyDir({ 'deploy.yaml': policy }),
    agent: 'deploy-manager',
    action: 'deploy',
    environment: 'production',
    images: [],
    params: {},
    mode: 'enforce',
    ci: { provider: 'github', repository: 'acme/app', run_id: '7', sha: 'f'.repeat(40) },
    github: { owner: 'acme', repo: 'app', runId: '7', sha: 'f'.repeat(40) },
    // The policy folders are temp folders: that is the workspace here.
    workspace: { root: tmpdir() },
    ...over,
  };
}

function fakeGitHub(over: Partial<NonNullable<GateDeps['github']>> = {}) {
  return {
    findApproval: vi.fn(async () => undefined as string | undefined),
    countRecentDeploys: vi.fn(async () => 0),
    recordDeployment: vi.fn(async () => 1 as number | undefined),
    ...over,
  };
}

const resolved = (input: string, digest: string): ResolvedImage => ({
  input,
  reference: {
    registry: 'r.io',
    repository: 'acme/app',
    name: 'r.io/acme/app',
    canonical: 'r.io/acme/app',
    familiar: 'r.io/acme/app',
  },
  digest,
  pinned: `r.io/acme/app@${digest}`,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  isIndex: false,
});

describe('runGate', () => {
  it('resolves images, decides, records the allowed deploy and fills the record', async () => {
    const github = fakeGitHub();
    const result = await runGate(
      input(
        `agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_images:\n      - digest: "${DIGEST_A}"\n`,
        {
          images: ['r.io/acme/app:1'],
          params: { api_token: 'hunter2', nested: { password: 'x' }, amount: 3 },
        },
      ),
      { github, resolveImages: async (refs) => refs.map((r) => resolved(r, DIGEST_A)), newId: () => 'id-1' },
    );
    expect(result.record.decision).toBe('allow');
    expect(result.record.images).toEqual([
      {
        input: 'r.io/acme/app:1',
        pinned: `r.io/acme/app@${DIGEST_A}`,
        digest: DIGEST_A,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
      },
    ]);
    expect(result.record.request.params).toEqual({
      api_token: '[redacted]',
      nested: { password: '[redacted]' },
      amount: 3,
    });
    expect(github.recordDeployment).toHaveBeenCalledWith(
      expect.objectContaining({
        decisionId: 'id-1',
        ref: 'f'.repeat(40),
        images: [`r.io/acme/app@${DIGEST_A}`],
      }),
    );
    expect(github.countRecentDeploys).not.toHaveBeenCalled();
    expect(github.findApproval).not.toHaveBeenCalled();
    expect(JSON.stringify(result.record)).not.toContain('hunter2');
  });

  it('asks for approvals only when a rule needs one, excluding the agent', async () => {
    const github = fakeGitHub({ findApproval: vi.fn(async () => 'alice') });
    const result = await runGate(
      input('agent: deploy-manager\nactions:\n  - name: deploy\n    approval_needed: true\n'),
      {
        github,
      },
    );
    expect(result.record.decision).toBe('allow');
    expect(result.record.approval).toEqual({ required: true, approved_by: 'alice' });
    expect(github.findApproval).toHaveBeenCalledWith(
      expect.objectContaining({
        runId: '7',
        environment: 'production',
        agentLogins: ['deploy-manager', 'deploy-manager[bot]'],
      }),
    );
  });

  it('approval_needed without a GitHub client fails closed', async () => {
    const result = await runGate(
      input('agent: deploy-manager\nactions:\n  - name: deploy\n    approval_needed: true\n'),
    );
    expect(result.record.reasons.map((r) => r.code)).toEqual(['APPROVAL_CHECK_FAILED']);
  });

  it('counts the budget concurrently with resolving and denies when spent', async () => {
    let resolveStarted = false;
    const github = fakeGitHub({
      countRecentDeploys: vi.fn(async () => {
        expect(resolveStarted).toBe(true);
        return 5;
      }),
    });
    const result = await runGate(
      input('agent: deploy-manager\nactions:\n  - name: deploy\n    max_per_day: 5\n', {
        images: ['r.io/acme/app:1'],
      }),
      {
        github,
        resolveImages: async (refs) => {
          resolveStarted = true;
          await new Promise((r) => setTimeout(r, 5));
          return refs.map((r) => resolved(r, DIGEST_B));
        },
      },
    );
    expect(result.record.reasons.map((r) => r.code)).toEqual(['BUDGET_EXHAUSTED']);
    expect(result.record.budget).toEqual({ limit: 5, used: 5 });
    expect(github.recordDeployment).not.toHaveBeenCalled();
  });

  it('a failed record denies when a budget applies, and only warns otherwise', async () => {
    const refused = new AstlError('refused', {
      code: 'DEPLOYMENT_RECORD_FAILED',
      hint: 'deployments: write',
    });
    const failing = () => fakeGitHub({ recordDeployment: vi.fn(async () => Promise.reject(refused)) });
    const withBudget = await runGate(
      input('agent: deploy-manager\nactions:\n  - name: deploy\n    max_per_day: 5\n'),
      {
        github: failing(),
      },
    );
    expect(withBudget.record.decision).toBe('deny');
    expect(withBudget.record.reasons.map((r) => r.code)).toEqual(['DEPLOYMENT_RECORD_FAILED']);
    expect(withBudget.record.reasons[0]!.rule).toMatch(/deploy\.yaml:4 max_per_day$/);

    const warnings: string[] = [];
    const without = await runGate(input('agent: deploy-manager\nactions:\n  - name: deploy\n'), {
      github: failing(),
      onWarning: (m) => warnings.push(m),
    });
    expect(without.record.decision).toBe('allow');
    expect(warnings.join('\n')).toContain('not recorded');
  });

  it('shadow mode records nothing', async () => {
    const github = fakeGitHub();
    const result = await runGate(
      input('agent: deploy-manager\nactions:\n  - name: deploy\n', { mode: 'shadow' }),
      { github },
    );
    expect(result.record).toMatchObject({ decision: 'allow', mode: 'shadow', enforced: false });
    expect(github.recordDeployment).not.toHaveBeenCalled();
  });

  it('finds the agent type in the registry for AgentPolicy matching', async () => {
    const dir = policyDir({
      'policies/deploy.yaml': 'agent: "*"\nactions:\n  - name: deploy\n',
      'policies/org.yaml':
        'kind: AgentPolicy\nmetadata:\n  name: org\nspec:\n  agentTypes: [coding-assistant]\n  restrictions:\n    - deny: production-access\n',
      'agent-config.yaml':
        'agents:\n  - name: deploy-manager\n    type: coding-assistant\n    owner: platform\n    purpose: deploys\n    permissions:\n      - repository: read\n    credential-policy: ephemeral\n    audit-level: full\n',
    });
    const result = await runGate(
      input('', {
        policyPath: `${dir}/policies`,
        registryPath: `${dir}/agent-config.yaml`,
        github: undefined,
      }),
    );
    expect(result.record.request.agent_type).toBe('coding-assistant');
    expect(result.record.reasons.map((r) => r.code)).toEqual(['PRODUCTION_ACCESS_DENIED']);
  });

  it('a policy that does not load is a deny with located POLICY_INVALID reasons and no sha', async () => {
    const result = await runGate(input('agent: deploy-manager\nactions:\n  - name: deploy\n    bogus: 1\n'));
    expect(result.record.decision).toBe('deny');
    expect(result.record.policy.sha256).toBeNull();
    expect(result.record.reasons).toEqual([
      expect.objectContaining({ code: 'POLICY_INVALID', rule: expect.stringMatching(/deploy\.yaml:4$/) }),
    ]);
    expect(result.policyErrors).toHaveLength(1);
  });
});

describe('record', () => {
  it('redactParams replaces secret-looking keys at any depth', () => {
    expect(redactParams({ a: [{ Authorization: 'x' }], privateKey: 'k', ok: 'v' })).toEqual({
      a: [{ Authorization: '[redacted]' }],
      privateKey: '[redacted]',
      ok: 'v',
    });
  });

  it('renders a Markdown summary that escapes table cells', async () => {
    const result = await runGate(
      input('agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: params.x == "a|b"\n', {
        params: { x: 'a|b' },
      }),
    );
    const md = renderMarkdown(result.record);
    expect(md).toContain('### Deploy gate: ❌ deny');
    expect(md).toContain('| `DENY_WHEN` |');
    const reasonRow = md.split('\n').find((l) => l.startsWith('| `DENY_WHEN`'))!;
    expect(reasonRow.split(/(?<!\\)\|/).length).toBe(5);
    expect(md).toContain('"decision_id"');
  });
});
