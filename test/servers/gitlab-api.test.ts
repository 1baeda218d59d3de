/** The GitLab API stand-in behaves like GitLab where the gate depends on it. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GitLabApiServer, startGitLabApi } from './gitlab-api.js';

let api: GitLabApiServer;
beforeAll(async () => {
  api = await startGitLabApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

const get = (path: string, headers: Record<string, string> = { 'JOB-TOKEN': api.jobToken }) =>
  fetch(`${api.apiUrl}/projects/${api.projectId}${path}`, { headers });

describe('GitLab API stand-in', () => {
  it('answers 401 without a known token, as GitLab does', async () => {
    expect((await get('/deployments', {})).status).toBe(401);
    expect((await get('/deployments', { 'PRIVATE-TOKEN': 'nope' })).status).toBe(401);
    const ok = await get('/deployments', { Authorization: `Bearer ${api.privateToken}` });
    expect(ok.status).toBe(200);
  });

  it('pairs the updated_at filter with the updated_at order (DeploymentsFinder)', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString();
    const bad = await get(`/deployments?updated_after=${since}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('must be paired');
    expect((await get(`/deployments?updated_after=${since}&order_by=updated_at`)).status).toBe(200);
  });

  it('paginates with X-Next-Page and lists without approvals; one deployment shows them', async () => {
    for (let i = 0; i < 3; i++)
      api.addDeployment({ environment: 'production', approvals: [{ username: 'a', status: 'approved' }] });
    const first = await get('/deployments?per_page=2&order_by=id&sort=desc');
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(first.headers.get('x-total')).toBe('3');
    const list = (await first.json()) as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    expect(list[0]).not.toHaveProperty('approvals');
    const last = await get('/deployments?per_page=2&page=2');
    expect(last.headers.get('x-next-page')).toBe('');
    const one = (await (await get(`/deployments/${list[0]!.id}`)).json()) as { approvals: unknown[] };
    expect(one.approvals).toHaveLength(1);
  });

  it('validates a created deployment and answers 404 for another project', async () => {
    const post = (body: unknown) =>
      fetch(`${api.apiUrl}/projects/${api.projectId}/deployments`, {
        method: 'POST',
        headers: { 'JOB-TOKEN': api.jobToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ environment: 'x', sha: 'a', ref: 'main', tag: false })).status).toBe(400);
    expect(
      (await post({ environment: 'x', sha: 'a', ref: 'main', tag: false, status: 'blocked' })).status,
    ).toBe(400);
    expect(
      (await post({ environment: 'x', sha: 'a', ref: 'main', tag: false, status: 'success' })).status,
    ).toBe(201);
    const other = await fetch(`${api.apiUrl}/projects/1/deployments`, {
      headers: { 'JOB-TOKEN': api.jobToken },
    });
    expect(other.status).toBe(404);
  });
});
