import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError } from '../../packages/core/index.js';
import { GitHubClient } from '../../packages/gate/github.js';
import { type GitHubApiServer, startGitHubApi } from '../servers/github-api.js';

let api: GitHubApiServer;
const repo = { owner: 'acme', repo: 'app' };

beforeAll(async () => {
  api = await startGitHubApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
});

function client(over: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}) {
  return new GitHubClient({
    token: api.token,
    baseUrl: api.url,
    baseDelayMs: 1,
    attemptTimeoutMs: 2000,
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<AstlError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AstlError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('findApproval', () => {
  const q = {
    ...repo,
    runId: '4242',
    environment: 'production',
    agentLogins: ['deploy-manager', 'deploy-manager[bot]'],
  };

  it('returns the approver of this environment', async () => {
    api.approvals.set('4242', [{ state: 'approved', login: 'alice', environments: ['production'] }]);
    expect(await client().findApproval(q)).toBe('alice');
    expect(api.requests[0]!.authorization).toBe(`token ${api.token}`);
  });

  it('ignores approvals of other environments and by the agent itself', async () => {
    api.approvals.set('4242', [
      { state: 'approved', login: 'alice', environments: ['staging'] },
      { state: 'approved', login: 'deploy-manager[bot]', environments: ['production'] },
    ]);
    expect(await client().findApproval(q)).toBeUndefined();
  });

  it('a rejection wins', async () => {
    api.approvals.set('4242', [
      { state: 'approved', login: 'alice', environments: ['production'] },
      { state: 'rejected', login: 'bob', environments: ['production'] },
    ]);
    expect(await client().findApproval(q)).toBeUndefined();
  });

  it('401/403 fail with APPROVAL_CHECK_FAILED naming actions: read', async () => {
    const err = await failure(client({ token: 'wrong' }).findApproval(q));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.hint).toContain('actions: read');
    api.inject('/approvals', { status: 403, body: { message: 'Resource not accessible by integration' } });
    expect((await failure(client().findApproval(q))).message).toContain('403');
  });

  it('retries 5xx, resets and 429, then succeeds', async () => {
    api.approvals.set('4242', [{ state: 'approved', login: 'alice', environments: ['production'] }]);
    api.inject('/approvals', { status: 502 });
    api.inject('/approvals', 'reset');
    api.inject('/approvals', { status: 429, body: { message: 'rate limited' } });
    expect(await client().findApproval(q)).toBe('alice');
    expect(api.requests.filter((r) => r.path.includes('/approvals'))).toHaveLength(4);
  });

  it('a hanging API times out and fails closed with a specific message', async () => {
    api.inject('/approvals', 'hang', 10);
    const err = await failure(
      client({ attemptTimeoutMs: 100, attempts: 2, deadlineMs: 1000 }).findApproval(q),
    );
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toMatch(/timed out|failed 2 times/);
  });

  it('an unreachable API fails closed', async () => {
    const err = await failure(
      new GitHubClient({
        token: 't',
        baseUrl: 'http://127.0.0.1:1',
        baseDelayMs: 1,
        attempts: 2,
      }).findApproval(q),
    );
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
  });
});

describe('countRecentDeploys', () => {
  const since = () => new Date(Date.now() - 24 * 3600 * 1000);

  it('counts only allowed gate records for this agent within 24 h, across pages', async () => {
    for (let i = 0; i < 130; i++) {
      api.addDeployment({
        payload: { agent: i % 2 ? 'deploy-manager' : 'other', astl_decision: 'allow' },
        created_at: new Date(Date.now() - i * 60_000).toISOString(),
      });
    }
    api.addDeployment({ payload: { agent: 'deploy-manager' }, created_at: new Date().toISOString() }); // not the gate's
    api.addDeployment({ payload: JSON.stringify({ agent: 'deploy-manager', astl_decision: 'allow' }) });
    api.addDeployment({
      payload: { agent: 'deploy-manager', astl_decision: 'allow' },
      created_at: new Date(Date.now() - 25 * 3600 * 1000).toISOString(),
    });
    expect(await client().countRecentDeploys({ ...repo, agent: 'deploy-manager', since: since() })).toBe(66);
    expect(api.requests.filter((r) => r.path.includes('/deployments')).length).toBe(2);
  });

  it('fails closed with BUDGET_CHECK_FAILED naming deployments permission', async () => {
    api.inject(
      '/deployments',
      { status: 403, body: { message: 'Resource not accessible by integration' } },
      10,
    );
    const err = await failure(client().countRecentDeploys({ ...repo, agent: 'a', since: since() }));
    expect(err.code).toBe('BUDGET_CHECK_FAILED');
    expect(err.hint).toContain('deployments: read');
  });
});

describe('recordDeployment', () => {
  it('creates a deployment with the gate payload', async () => {
    const id = await client().recordDeployment({
      ...repo,
      agent: 'deploy-manager',
      action: 'deploy',
      environment: 'production',
      ref: 'a'.repeat(40),
      decisionId: 'd-1',
      images: ['r.io/a@sha256:x'],
    });
    expect(typeof id).toBe('number');
    expect(api.deployments[0]!.payload).toEqual({
      agent: 'deploy-manager',
      action: 'deploy',
      astl_decision: 'allow',
      decision_id: 'd-1',
      images: ['r.io/a@sha256:x'],
    });
    expect(await client().countRecentDeploys({ ...repo, agent: 'deploy-manager', since: new Date(0) })).toBe(
      1,
    );
  });

  it('a refusal names deployments: write', async () => {
    api.inject('/deployments', { status: 403 });
    const err = await failure(
      client().recordDeployment({
        ...repo,
        agent: 'a',
        action: 'deploy',
        environment: 'e',
        ref: 'x',
        decisionId: 'd',
        images: [],
      }),
    );
    expect(err.code).toBe('DEPLOYMENT_RECORD_FAILED');
    expect(err.hint).toContain('deployments: write');
  });
});
