/**
 * `astl gate` in a GitLab job, through the real process, against the GitLab API stand-in on
 * 127.0.0.1: max_per_day counted and recorded in astl-gate/<agent>, approvals from this job's
 * deployment to a protected environment, and every failure closed with a GitLab fix.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GitLabApiServer, startGitLabApi } from '../servers/gitlab-api.js';
import { runCli, tempDir } from './run-cli.js';

let api: GitLabApiServer;
beforeAll(async () => {
  api = await startGitLabApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

function project(budget = true): string {
  const dir = tempDir('astl-gate-gitlab-');
  mkdirSync(join(dir, 'policies'));
  writeFileSync(
    join(dir, 'policies/deploy.yaml'),
    `agent: deploy-bot
actions:
  - name: deploy
    allowed_environments: ["staging", "production"]
    approval_needed: env == "production"
${budget ? '    max_per_day: 3\n' : ''}`,
  );
  return dir;
}

const JOB_ID = '31337';
const gitlabEnv = (over: Record<string, string | undefined> = {}) => ({
  GITLAB_CI: 'true',
  CI_API_V4_URL: api.apiUrl,
  CI_PROJECT_ID: String(api.projectId),
  CI_JOB_ID: JOB_ID,
  CI_JOB_TOKEN: api.jobToken,
  CI_COMMIT_SHA: 'a'.repeat(40),
  CI_COMMIT_REF_NAME: 'main',
  CI_COMMIT_BRANCH: 'main',
  GITLAB_USER_LOGIN: 'deploy-bot-user',
  ...over,
});
const gate = (environment: string, ...extra: string[]) => [
  'gate',
  '--agent',
  'deploy-bot',
  '--environment',
  environment,
  '--format',
  'json',
  ...extra,
];

describe('astl gate in a GitLab job', () => {
  it('counts and records allowed deploys against max_per_day with CI_JOB_TOKEN', async () => {
    const cwd = project();
    for (let i = 0; i < 3; i++) {
      const r = await runCli(gate('staging'), { cwd, env: gitlabEnv() });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).budget).toEqual({ limit: 3, used: i });
    }
    expect(api.deployments.map((d) => d.environment)).toEqual(Array(3).fill('astl-gate/deploy-bot'));
    expect(api.requests.every((r) => r.headers['job-token'] === api.jobToken)).toBe(true);
    const fourth = await runCli(gate('staging'), { cwd, env: gitlabEnv() });
    expect(fourth.code).toBe(1);
    const record = JSON.parse(fourth.stdout);
    expect(record.reasons.map((x: { code: string }) => x.code)).toEqual(['BUDGET_EXHAUSTED']);
    expect(api.deployments).toHaveLength(3);
    expect(fourth.stdout + fourth.stderr).not.toContain(api.jobToken);
  });

  it('a missing token fails closed with a GitLab fix, never a GitHub one', async () => {
    const r = await runCli(gate('staging', '--gitlab-token-env', 'ASTL_GITLAB_TOKEN'), {
      cwd: project(),
      env: gitlabEnv(),
    });
    expect(r.code).toBe(1);
    const reason = JSON.parse(r.stdout).reasons[0];
    expect(reason.code).toBe('BUDGET_CHECK_FAILED');
    expect(reason.message).toContain('ASTL_GITLAB_TOKEN is empty');
    expect(reason.message).toContain('token_variable');
    expect(reason.message).not.toMatch(/permissions:|github/i);
    expect(api.requests).toHaveLength(0);
  });

  it('a read_api access token counts, but a budgeted allow it cannot record is a deny', async () => {
    api.setPrivateTokenScopes(['read_api']);
    const r = await runCli(gate('staging', '--gitlab-token-env', 'ASTL_GITLAB_TOKEN'), {
      cwd: project(),
      env: gitlabEnv({ ASTL_GITLAB_TOKEN: api.privateToken }),
    });
    expect(r.code).toBe(1);
    const reason = JSON.parse(r.stdout).reasons[0];
    expect(reason.code).toBe('DEPLOYMENT_RECORD_FAILED');
    expect(reason.message).toContain('api scope');
    expect(api.requests[0]!.headers['private-token']).toBe(api.privateToken);
  });

  it('an API that keeps failing is a deny with a specific message, no stack trace', async () => {
    api.inject('/deployments', { status: 503 }, 20);
    const r = await runCli(gate('staging'), { cwd: project(), env: gitlabEnv() });
    expect(r.code).toBe(1);
    const reason = JSON.parse(r.stdout).reasons[0];
    expect(reason.code).toBe('BUDGET_CHECK_FAILED');
    expect(reason.message).toMatch(/failed 4 times; last error: HTTP 503/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("production passes once this job's deployment is approved by someone else", async () => {
    api.addDeployment({
      environment: 'production',
      job: { id: Number(JOB_ID), name: 'deploy-production', pipelineId: 9 },
      status: 'running',
      requiredApprovals: 1,
      approvals: [{ username: 'alice', status: 'approved', comment: 'ship it' }],
    });
    const r = await runCli(gate('production'), { cwd: project(), env: gitlabEnv() });
    expect(r.code, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.approval).toEqual({ required: true, approved_by: 'alice' });
    expect(api.deployments.filter((d) => d.environment === 'astl-gate/deploy-bot')).toHaveLength(1);
  });

  it('production without an approval exits 2 and says how to get one on GitLab', async () => {
    const d = api.addDeployment({
      environment: 'production',
      job: { id: Number(JOB_ID), name: 'deploy-production', pipelineId: 9 },
      status: 'running',
      requiredApprovals: 1,
      // The pipeline's own user approving their deploy does not count.
      approvals: [{ username: 'deploy-bot-user', status: 'approved' }],
    });
    const own = await runCli(gate('production'), { cwd: project(), env: gitlabEnv() });
    expect(own.code).toBe(2);
    const reason = JSON.parse(own.stdout).reasons[0];
    expect(reason.code).toBe('APPROVAL_REQUIRED');
    expect(reason.message).toContain('Protected environments');
    expect(reason.message).toContain("only by the agent or the pipeline's own user");

    d.job = { id: 1, name: 'other', pipelineId: 9 };
    const elsewhere = await runCli(gate('production'), { cwd: project(), env: gitlabEnv() });
    expect(elsewhere.code).toBe(2);
    expect(JSON.parse(elsewhere.stdout).reasons[0].message).toContain(
      `job ${JOB_ID} has no deployment to 'production'`,
    );
  });

  it('approvals that cannot be read are a deny (APPROVAL_CHECK_FAILED), not a pass', async () => {
    const r = await runCli(gate('production'), {
      cwd: project(false),
      env: gitlabEnv({ CI_JOB_TOKEN: 'glcbt-wrong' }),
    });
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).reasons.map((x: { code: string }) => x.code);
    expect(codes).toEqual(['APPROVAL_CHECK_FAILED']);
    expect(r.stdout).toContain('HTTP 401');
  });

  it('--gitlab-token-env takes a variable name, not a token', async () => {
    const r = await runCli(gate('staging', '--gitlab-token-env', 'glpat-abc.def'), {
      cwd: project(),
      env: gitlabEnv(),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is not a variable name');
  });
});
