/**
 * The gate's GitLab client against the GitLab API stand-in on 127.0.0.1: approvals from this
 * job's deployment to a protected environment, budget counting and recording in astl-gate/<agent>,
 * token headers and scopes, and the fault policy (retries on 5xx/429/resets only, timeouts,
 * fail closed with the reason code and a GitLab fix).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError } from '../../packages/core/index.js';
import { budgetEnvironment, GitLabClient, type GitLabClientOptions } from '../../packages/gate/gitlab.js';
import { type GitLabApiServer, startGitLabApi } from '../servers/gitlab-api.js';

let api: GitLabApiServer;

beforeAll(async () => {
  api = await startGitLabApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
});

function client(over: Partial<GitLabClientOptions> = {}) {
  return new GitLabClient({
    apiUrl: api.apiUrl,
    token: api.jobToken,
    tokenVariable: 'CI_JOB_TOKEN',
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

const job = { id: 777, name: 'deploy-production', pipelineId: 55 };
const q = () => ({
  projectId: String(api.projectId),
  jobId: '777',
  environment: 'production',
  excludedUsers: ['deploy-manager', 'deploy-manager[bot]', 'deploy-manager-bot'],
});

describe('findApproval', () => {
  it("returns the approver of this job's deployment, sent with JOB-TOKEN", async () => {
    api.addDeployment({
      environment: 'production',
      job: { ...job, id: 1 },
      approvals: [{ username: 'mallory', status: 'approved' }],
    });
    api.addDeployment({
      environment: 'production',
      job,
      status: 'running',
      requiredApprovals: 1,
      approvals: [{ username: 'alice', status: 'approved' }],
    });
    const r = await client().findApproval(q());
    expect(r.approvedBy).toBe('alice');
    expect(api.requests[0]!.headers['job-token']).toBe(api.jobToken);
    expect(api.requests[0]!.path).toContain('environment=production');
    expect(api.requests.map((x) => x.method)).toEqual(['GET', 'GET']);
  });

  it('an access token goes as PRIVATE-TOKEN; the project may be named by its path', async () => {
    api.addDeployment({
      environment: 'production',
      job,
      approvals: [{ username: 'alice', status: 'approved' }],
    });
    const r = await client({ token: api.privateToken, tokenVariable: 'ASTL_GITLAB_TOKEN' }).findApproval({
      ...q(),
      projectId: api.projectPath,
    });
    expect(r.approvedBy).toBe('alice');
    expect(api.requests[0]!.headers['private-token']).toBe(api.privateToken);
    expect(api.requests[0]!.path).toContain('/projects/acme%2Fapp/deployments');
  });

  it('no approval while blocked, after a rejection, or only by the agent / pipeline user', async () => {
    const d = api.addDeployment({ environment: 'production', job, status: 'blocked', requiredApprovals: 1 });
    const blocked = await client().findApproval(q());
    expect(blocked.approvedBy).toBeUndefined();
    expect(blocked.why).toContain('blocked');
    d.status = 'running';
    d.approvals = [
      { username: 'alice', status: 'approved' },
      { username: 'bob', status: 'rejected' },
    ];
    expect((await client().findApproval(q())).why).toContain('rejected');
    d.approvals = [{ username: 'Deploy-Manager-Bot', status: 'approved' }];
    expect((await client().findApproval(q())).why).toContain('only by the agent');
    d.approvals = [];
    expect((await client().findApproval(q())).why).toContain('not a protected environment');
  });

  it("another job's approval does not count: this job has no deployment", async () => {
    api.addDeployment({
      environment: 'production',
      job: { ...job, id: 778 },
      approvals: [{ username: 'alice', status: 'approved' }],
    });
    api.addDeployment({
      environment: 'staging',
      job,
      approvals: [{ username: 'alice', status: 'approved' }],
    });
    const r = await client().findApproval(q());
    expect(r.approvedBy).toBeUndefined();
    expect(r.why).toContain("job 777 has no deployment to 'production'");
  });

  it('finds the deployment on a later page', async () => {
    api.addDeployment({
      environment: 'production',
      job,
      approvals: [{ username: 'alice', status: 'approved' }],
    });
    for (let i = 0; i < 150; i++) api.addDeployment({ environment: 'production' });
    expect((await client().findApproval(q())).approvedBy).toBe('alice');
    expect(api.requests.filter((r) => r.path.includes('page=2'))).toHaveLength(1);
  });

  it('an approval on another deployment than the one asked for does not open this one', async () => {
    const d = api.addDeployment({ environment: 'production', job, status: 'blocked', requiredApprovals: 1 });
    const other = { id: d.id + 1, status: 'success', deployable: { id: 778 } };
    api.inject(`/deployments/${d.id}`, {
      status: 200,
      body: { ...other, approvals: [{ user: { username: 'alice' }, status: 'approved' }] },
    });
    const err = await failure(client().findApproval(q()));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toContain(`did not answer with deployment ${d.id} of job 777`);
  });

  it('garbled approvals fail closed or count for nothing, never crash', async () => {
    api.inject('/deployments', { status: 200, body: [null, { id: 1 }] });
    const list = await failure(client().findApproval(q()));
    expect(list.code).toBe('APPROVAL_CHECK_FAILED');
    expect(list.message).toContain('did not answer with a list');
    const d = api.addDeployment({ environment: 'production', job, status: 'running' });
    api.inject(`/deployments/${d.id}`, {
      status: 200,
      body: {
        id: d.id,
        status: 'success',
        deployable: { id: 777 },
        approvals: [null, { user: { username: 42 }, status: 'approved' }, { user: null, status: 'approved' }],
        approval_summary: { rules: 'x' },
      },
    });
    const r = await client().findApproval(q());
    expect(r.approvedBy).toBeUndefined();
    expect(r.why).toContain('approved only by the agent');
  });

  it('a token without an API scope fails closed with the scope it needs', async () => {
    api.setPrivateTokenScopes([]);
    const err = await failure(
      client({ token: api.privateToken, tokenVariable: 'ASTL_GITLAB_TOKEN' }).findApproval(q()),
    );
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.hint).toContain('read_api');
  });

  it('never sends the token to a plain-http CI_API_V4_URL off loopback unless allowed', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (url, init) => {
      seen.push(`${url} ${JSON.stringify(init?.headers)}`);
      return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const apiUrl = 'http://gitlab.example.com/api/v4';
    const err = await failure(client({ apiUrl, fetch: fake }).findApproval(q()));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toContain('CI_API_V4_URL');
    expect(err.message).toContain('plain http://');
    expect(err.hint).toContain('ASTL_ALLOW_INSECURE_HTTP');
    const budget = await failure(
      client({ apiUrl, fetch: fake }).countRecentDeploys({ projectId: '1', agent: 'a', since: new Date() }),
    );
    expect(budget.code).toBe('BUDGET_CHECK_FAILED');
    expect(seen).toEqual([]);
    const userinfo = await failure(
      client({ apiUrl: 'https://u:p@gitlab.example.com/api/v4', fetch: fake }).findApproval(q()),
    );
    expect(userinfo.message).not.toContain('u:p');
    expect(seen).toEqual([]);
    const allowed = await client({ apiUrl, fetch: fake, allowInsecureHttp: true }).findApproval(q());
    expect(allowed.why).toContain('has no deployment');
    expect(seen).toHaveLength(1);
  });

  it('401 and 403 fail closed with APPROVAL_CHECK_FAILED and a GitLab fix', async () => {
    const bad = await failure(client({ token: 'wrong' }).findApproval(q()));
    expect(bad.code).toBe('APPROVAL_CHECK_FAILED');
    expect(bad.message).toContain('HTTP 401');
    expect(bad.hint).toContain('CI_JOB_TOKEN');
    api.setJobTokenRole('guest');
    const guest = await failure(client().findApproval(q()));
    expect(guest.message).toContain('HTTP 403');
    expect(guest.hint).toContain('project access token');
  });

  it('a missing token fails closed before any request', async () => {
    const err = await failure(client({ token: '', tokenVariable: 'ASTL_GITLAB_TOKEN' }).findApproval(q()));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toContain('ASTL_GITLAB_TOKEN is empty');
    expect(err.hint).toContain('token_variable');
    expect(api.requests).toHaveLength(0);
  });

  it('retries 5xx, 429 and resets, then succeeds', async () => {
    api.addDeployment({
      environment: 'production',
      job,
      approvals: [{ username: 'alice', status: 'approved' }],
    });
    api.inject('/deployments', { status: 502 });
    api.inject('/deployments', 'reset');
    api.inject('/deployments', { status: 429, body: { message: 'Retry later' } });
    expect((await client().findApproval(q())).approvedBy).toBe('alice');
    expect(api.requests).toHaveLength(5);
  });

  it('stops at once, failing closed, when a 429 asks to wait past the deadline', async () => {
    api.inject(
      '/deployments',
      { status: 429, body: { message: 'Retry later' }, headers: { 'Retry-After': '3600' } },
      5,
    );
    const err = await failure(client({ deadlineMs: 5000 }).findApproval(q()));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toContain('asked to wait 3600s');
    expect(api.requests).toHaveLength(1);
  });

  it('does not retry a 404 and names the project', async () => {
    const err = await failure(client().findApproval({ ...q(), projectId: '1' }));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toContain('404');
    expect(err.hint).toContain('CI_PROJECT_ID');
    expect(api.requests).toHaveLength(1);
  });

  it('a hanging API times out within the deadline and fails closed', async () => {
    api.inject('/deployments', 'hang', 10);
    const err = await failure(
      client({ attemptTimeoutMs: 100, attempts: 2, deadlineMs: 1000 }).findApproval(q()),
    );
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.message).toMatch(/timed out|failed 2 times/);
  });

  it('an unreachable API fails closed with the CI_API_V4_URL hint', async () => {
    const err = await failure(client({ apiUrl: 'http://127.0.0.1:1/api/v4', attempts: 2 }).findApproval(q()));
    expect(err.code).toBe('APPROVAL_CHECK_FAILED');
    expect(err.hint).toContain('CI_API_V4_URL');
  });
});

describe('countRecentDeploys and recordDeployment', () => {
  const since = () => new Date(Date.now() - 24 * 3600 * 1000);
  const count = (c = client()) =>
    c.countRecentDeploys({ projectId: String(api.projectId), agent: 'deploy-manager', since: since() });

  it("counts the agent's records of the last 24 h across pages, with the updated_at filter GitLab pairs", async () => {
    for (let i = 0; i < 130; i++) {
      const at = new Date(Date.now() - i * 60_000).toISOString();
      api.addDeployment({
        environment: budgetEnvironment(i % 2 ? 'deploy-manager' : 'other'),
        created_at: at,
      });
    }
    const old = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    api.addDeployment({ environment: budgetEnvironment('deploy-manager'), created_at: old });
    // Updated recently, created before the window: not counted.
    api.addDeployment({
      environment: budgetEnvironment('deploy-manager'),
      created_at: old,
      updated_at: new Date().toISOString(),
    });
    api.addDeployment({ environment: budgetEnvironment('deploy-manager'), status: 'failed' });
    api.addDeployment({ environment: 'production' });
    expect(await count()).toBe(65);
    const paths = api.requests.map((r) => r.path);
    expect(paths[0]).toContain(`environment=${encodeURIComponent('astl-gate/deploy-manager')}`);
    expect(paths[0]).toContain('order_by=updated_at');
    expect(paths[0]).toContain('updated_after=');
  });

  it('records an allowed decision that the next count sees', async () => {
    const id = await client().recordDeployment({
      projectId: String(api.projectId),
      agent: 'deploy-manager',
      sha: 'a'.repeat(40),
      ref: 'main',
      tag: false,
    });
    expect(typeof id).toBe('number');
    expect(api.deployments[0]).toMatchObject({
      environment: 'astl-gate/deploy-manager',
      status: 'success',
      ref: 'main',
    });
    expect(await count()).toBe(1);
  });

  it('a read_api token counts but cannot record: DEPLOYMENT_RECORD_FAILED names the api scope', async () => {
    api.setPrivateTokenScopes(['read_api']);
    const c = client({ token: api.privateToken, tokenVariable: 'ASTL_GITLAB_TOKEN' });
    expect(await count(c)).toBe(0);
    const err = await failure(
      c.recordDeployment({
        projectId: String(api.projectId),
        agent: 'a',
        sha: 'a'.repeat(40),
        ref: 'main',
        tag: false,
      }),
    );
    expect(err.code).toBe('DEPLOYMENT_RECORD_FAILED');
    expect(err.message).toContain('HTTP 403');
    expect(err.hint).toContain('api scope');
  });

  it('a Reporter job token can count but not record', async () => {
    api.setJobTokenRole('reporter');
    expect(await count()).toBe(0);
    const err = await failure(
      client().recordDeployment({
        projectId: String(api.projectId),
        agent: 'a',
        sha: 'a'.repeat(40),
        ref: 'main',
        tag: false,
      }),
    );
    expect(err.code).toBe('DEPLOYMENT_RECORD_FAILED');
    expect(err.hint).toContain('Developer');
  });

  it('a garbled or oversized answer fails closed instead of counting as no deployments', async () => {
    api.inject('/deployments', { status: 200, body: { deployments: [] } });
    const garbled = await failure(count());
    expect(garbled.code).toBe('BUDGET_CHECK_FAILED');
    expect(garbled.message).toContain('did not answer with a list');
    // Every attempt gets it: on a loaded machine one may time out first and be retried.
    api.inject('/deployments', { status: 200, body: ['x'.repeat(9 * 1024 * 1024)] }, 10);
    const huge = await failure(count(client({ attemptTimeoutMs: 10_000 })));
    expect(huge.code).toBe('BUDGET_CHECK_FAILED');
    expect(huge.message).toContain('larger than 8 MiB');
  });

  it('counts by created_at in any time zone; a record without a readable created_at counts', async () => {
    const at = (msAgo: number, offsetHours: number) => {
      const local = new Date(Date.now() - msAgo + offsetHours * 3600_000).toISOString().slice(0, 19);
      const sign = offsetHours < 0 ? '-' : '+';
      return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
    };
    api.inject('/deployments', {
      status: 200,
      body: [
        { id: 1, status: 'success', created_at: at(3600_000, 9) }, // 1 h ago, Tokyo: counts
        { id: 2, status: 'success', created_at: at(23 * 3600_000, -8) }, // 23 h ago: counts
        { id: 3, status: 'success', created_at: at(25 * 3600_000, 9) }, // 25 h ago: outside
        { id: 4, status: 'success', created_at: at(-3600_000, 0) }, // in the future: counts
        { id: 5, status: 'success' }, // no created_at: counts (fail closed)
        { id: 6, status: 'success', created_at: 'yesterday' }, // unreadable: counts
        { id: 7, created_at: at(60_000, 0) }, // no status: counts
        { id: 8, status: 'canceled', created_at: at(60_000, 0) }, // did not happen
      ],
    });
    expect(await count()).toBe(6);
    api.inject('/deployments', { status: 200, body: [{ id: 1, status: 'success' }, 'x'] });
    const garbled = await failure(count());
    expect(garbled.code).toBe('BUDGET_CHECK_FAILED');
  });

  it('a failed count is BUDGET_CHECK_FAILED after bounded retries', async () => {
    api.inject('/deployments', { status: 503 }, 10);
    const err = await failure(count(client({ attempts: 3 })));
    expect(err.code).toBe('BUDGET_CHECK_FAILED');
    expect(err.message).toContain('failed 3 times');
    expect(api.requests).toHaveLength(3);
  });
});
