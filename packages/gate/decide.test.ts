import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { DIGEST_A, DIGEST_B, image, loadFrom, request } from './test-helpers.js';

const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('decide: fail closed', () => {
  it('denies with NO_POLICY when no policy names the agent', () => {
    const p = loadFrom({ 'p.yaml': 'agent: someone-else\nactions:\n  - name: deploy\n' });
    const d = decide(request(), p);
    expect(d.decision).toBe('deny');
    expect(codes(d)).toEqual(['NO_POLICY']);
    expect(d.reasons[0]!.message).toContain('agent: deploy-manager');
  });

  it('denies with NO_POLICY when the agent has policies but not for this action', () => {
    const p = loadFrom({ 'p.yaml': 'agent: deploy-manager\nactions:\n  - name: rollback\n' });
    const d = decide(request(), p);
    expect(codes(d)).toEqual(['NO_POLICY']);
    expect(d.reasons[0]!.message).toContain('rollback');
  });

  it('allows when a bare action entry matches', () => {
    const p = loadFrom({ 'p.yaml': 'agent: deploy-manager\nactions:\n  - name: deploy\n' });
    expect(decide(request(), p).decision).toBe('allow');
  });

  it('applies "*" policies to every agent', () => {
    const p = loadFrom({ 'p.yaml': 'agent: "*"\nactions:\n  - name: deploy\n' });
    expect(decide(request({ agent: 'other-bot' }), p).decision).toBe('allow');
  });
});

describe('decide: rules', () => {
  const base = (rule: string) =>
    loadFrom({ 'deploy.yaml': `agent: deploy-manager\nactions:\n  - name: deploy\n${rule}` });

  it('allowed_environments: allow and deny', () => {
    const p = base('    allowed_environments: [staging, production]\n');
    expect(decide(request({ environment: 'staging' }), p).decision).toBe('allow');
    const d = decide(request({ environment: 'dev' }), p);
    expect(codes(d)).toEqual(['ENVIRONMENT_NOT_ALLOWED']);
    expect(d.reasons[0]!.rule).toMatch(/deploy\.yaml:4 allowed_environments$/);
    expect(d.reasons[0]!.message).toContain("'dev'");
  });

  it('deny_when: allow, deny and evaluation error', () => {
    const p = base('    deny_when: params.amount > 1000\n');
    expect(decide(request({ params: { amount: 5 } }), p).decision).toBe('allow');
    const d = decide(request({ params: { amount: 5000 } }), p);
    expect(codes(d)).toEqual(['DENY_WHEN']);
    expect(d.reasons[0]!.rule).toMatch(/deploy\.yaml:4 deny_when$/);
    const e = decide(request({ params: {} }), p);
    expect(e.decision).toBe('deny');
    expect(codes(e)).toEqual(['EXPRESSION_ERROR']);
    expect(e.reasons[0]!.message).toContain('params.amount > 1000');
  });

  it('deny_when: a non-boolean result at run time is an EXPRESSION_ERROR', () => {
    const p = base('    deny_when: params.flag\n');
    expect(codes(decide(request({ params: { flag: 'yes' } }), p))).toEqual(['EXPRESSION_ERROR']);
    expect(decide(request({ params: { flag: false } }), p).decision).toBe('allow');
  });

  it('allowed_images by digest: the pinned digest passes, another digest of the tag is denied', () => {
    const p = base(`    allowed_images:\n      - digest: "${DIGEST_A}"\n`);
    expect(
      decide(request({ images: [image('r.io/acme/app@' + DIGEST_A, 'r.io/acme/app', DIGEST_A)] }), p)
        .decision,
    ).toBe('allow');
    const d = decide(request({ images: [image('r.io/acme/app:1.0', 'r.io/acme/app', DIGEST_B)] }), p);
    expect(codes(d)).toEqual(['IMAGE_NOT_ALLOWED']);
    expect(d.reasons[0]!.message).toContain(DIGEST_B);
    expect(d.reasons[0]!.message).toContain('repository: r.io/acme/app');
  });

  it('allowed_images by repository: any resolved digest of it passes, other repositories do not', () => {
    const p = base('    allowed_images:\n      - repository: r.io/acme/app\n');
    expect(
      decide(request({ images: [image('r.io/acme/app:2', 'r.io/acme/app', DIGEST_B)] }), p).decision,
    ).toBe('allow');
    expect(
      codes(decide(request({ images: [image('r.io/acme/evil:2', 'r.io/acme/evil', DIGEST_B)] }), p)),
    ).toEqual(['IMAGE_NOT_ALLOWED']);
  });

  it('Docker Hub short names are normalised on both sides', () => {
    const p = base('    allowed_images:\n      - repository: nginx\n');
    expect(
      decide(request({ images: [image('nginx:1.27', 'docker.io/library/nginx', DIGEST_A)] }), p).decision,
    ).toBe('allow');
  });

  it('every resolver error is a deny reason with its own code, and an unresolved tag is denied', () => {
    const p = base('');
    for (const code of [
      'IMAGE_NOT_FOUND',
      'REGISTRY_AUTH',
      'RATE_LIMITED',
      'REGISTRY_UNREACHABLE',
      'DIGEST_MISMATCH',
      'IMAGE_REFERENCE_INVALID',
    ]) {
      const img = { ...image('r.io/acme/app:1', 'r.io/acme/app'), error: { code, message: 'boom' } };
      const d = decide(request({ images: [img] }), p);
      expect(d.decision).toBe('deny');
      expect(codes(d)).toEqual([code]);
      expect(d.reasons[0]!.rule).toBe('images[0]');
    }
    expect(codes(decide(request({ images: [image('r.io/acme/app:1', 'r.io/acme/app')] }), p))).toEqual([
      'IMAGE_UNRESOLVED',
    ]);
  });

  it('max_replicas: at the limit passes, over it is denied', () => {
    const p = base('    max_replicas: 5\n');
    expect(decide(request({ replicas: 5 }), p).decision).toBe('allow');
    expect(decide(request(), p).decision).toBe('allow');
    expect(codes(decide(request({ replicas: 6 }), p))).toEqual(['REPLICAS_OVER_LIMIT']);
  });

  it('max_per_day: under the budget passes, at it is exhausted, unknown fails closed', () => {
    const p = base('    max_per_day: 3\n');
    const ok = decide(request(), p, { budget: { used: 2 } });
    expect(ok.decision).toBe('allow');
    expect(ok.budget).toEqual({ limit: 3, used: 2 });
    expect(ok.needsBudget).toBe(true);
    expect(codes(decide(request(), p, { budget: { used: 3 } }))).toEqual(['BUDGET_EXHAUSTED']);
    expect(codes(decide(request(), p, { budget: { error: 'HTTP 403' } }))).toEqual(['BUDGET_CHECK_FAILED']);
    expect(codes(decide(request(), p))).toEqual(['BUDGET_CHECK_FAILED']);
  });

  it('allowed_hosts: hosts in params anywhere must match', () => {
    const p = base('    allowed_hosts: ["*.acme.internal", "api.example.com"]\n');
    const good = {
      target: 'https://db.acme.internal:5432/x',
      nested: [{ ssh: 'deploy@web.acme.internal' }],
      n: 3,
    };
    expect(decide(request({ params: good }), p).decision).toBe('allow');
    const d = decide(
      request({ params: { hooks: ['https://api.example.com', { url: 'http://evil.com/x' }] } }),
      p,
    );
    expect(codes(d)).toEqual(['HOST_NOT_ALLOWED']);
    expect(d.reasons[0]!.message).toContain('params.hooks[1].url');
    expect(codes(decide(request({ params: { ip: '10.1.2.3' } }), p))).toEqual(['HOST_NOT_ALLOWED']);
    expect(codes(decide(request({ params: { deep: 'a.b.acme.internal' } }), p))).toEqual([
      'HOST_NOT_ALLOWED',
    ]);
  });

  it('approval_needed: expression true needs approval, an approval allows, false allows', () => {
    const p = base('    approval_needed: env == "production"\n');
    expect(decide(request({ environment: 'staging' }), p).decision).toBe('allow');
    const d = decide(request({ environment: 'production' }), p);
    expect(d.decision).toBe('approval_needed');
    expect(codes(d)).toEqual(['APPROVAL_REQUIRED']);
    expect(d.reasons[0]!.message).toContain('required reviewers');
    const a = decide(request({ environment: 'production' }), p, { approval: { approvedBy: 'alice' } });
    expect(a.decision).toBe('allow');
    expect(a.approval).toEqual({ required: true, approvedBy: 'alice' });
    expect(
      codes(decide(request({ environment: 'production' }), p, { approval: { error: 'HTTP 403' } })),
    ).toEqual(['APPROVAL_CHECK_FAILED']);
  });

  it('approval_needed: true as a boolean', () => {
    const p = base('    approval_needed: true\n');
    expect(decide(request(), p).decision).toBe('approval_needed');
  });
});

describe('decide: combination', () => {
  it('deny wins over approval_needed; all matching policies apply', () => {
    const p = loadFrom({
      'a.yaml': 'agent: "*"\nactions:\n  - name: deploy\n    max_replicas: 3\n',
      'b.yaml':
        'agent: deploy-manager\nactions:\n  - name: deploy\n    approval_needed: true\n    max_replicas: 10\n',
    });
    const d = decide(request({ replicas: 5 }), p);
    expect(d.decision).toBe('deny');
    expect(codes(d)).toEqual(['REPLICAS_OVER_LIMIT']);
    expect(d.reasons[0]!.rule).toMatch(/a\.yaml:4 max_replicas/);
    expect(decide(request({ replicas: 2 }), p).decision).toBe('approval_needed');
  });

  it('the tightest budget of all matching policies applies', () => {
    const p = loadFrom({
      'a.yaml': 'agent: "*"\nactions:\n  - name: deploy\n    max_per_day: 10\n',
      'b.yaml': 'agent: deploy-manager\nactions:\n  - name: deploy\n    max_per_day: 2\n',
    });
    const d = decide(request(), p, { budget: { used: 2 } });
    expect(d.budget).toEqual({ limit: 2, used: 2 });
    expect(codes(d)).toEqual(['BUDGET_EXHAUSTED']);
  });
});

describe('decide: AgentPolicy production-access', () => {
  const files = {
    'deploy.yaml': 'agent: "*"\nactions:\n  - name: deploy\n',
    'org.yaml': [
      'kind: AgentPolicy',
      'metadata:',
      '  name: coding-assistant-policy',
      'spec:',
      '  agentTypes: [coding-assistant]',
      '  restrictions:',
      '    - deny: production-access',
      '',
    ].join('\n'),
  };

  it('denies production to agents of a restricted type', () => {
    const p = loadFrom(files);
    const d = decide(request({ agentType: 'coding-assistant', environment: 'production' }), p);
    expect(codes(d)).toEqual(['PRODUCTION_ACCESS_DENIED']);
    expect(d.reasons[0]!.rule).toMatch(/org\.yaml:7 coding-assistant-policy restrictions/);
  });

  it('allows non-production environments and other types', () => {
    const p = loadFrom(files);
    expect(decide(request({ agentType: 'coding-assistant', environment: 'staging' }), p).decision).toBe(
      'allow',
    );
    expect(decide(request({ agentType: 'deployer', environment: 'production' }), p).decision).toBe('allow');
  });

  it('fails closed when the agent type is unknown and a type restriction could apply', () => {
    const p = loadFrom(files);
    expect(codes(decide(request({ environment: 'prod-eu' }), p))).toEqual(['AGENT_TYPE_UNKNOWN']);
  });
});
