/**
 * Kinds 1 and 7 end to end on the gate action (dist/gate/main): hostile agent, environment,
 * params and image strings reach the log, the annotations, the decision record and the job
 * summary. None becomes a runner command or Markdown, the GitHub token stays masked, and the
 * deny (annotations and the failure message) survives.
 */
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyDir } from '../../packages/gate/test-helpers.js';
import { type GitHubApiServer, startGitHubApi } from '../servers/github-api.js';
import { commandProblems, runStep, type StepResult } from '../support/runner.js';

const BUNDLE = 'dist/gate/main/index.js';
let api: GitHubApiServer;
const dockerConfig = policyDir({ 'config.json': '{"auths":{}}' });

beforeAll(async () => {
  api = await startGitHubApi();
});
afterAll(async () => {
  await api?.close();
});

const POLICY = `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: [staging]
`;

async function gate(inputs: Record<string, string>): Promise<StepResult> {
  return runStep(BUNDLE, {
    cwd: policyDir({ 'policies/deploy.yaml': POLICY }),
    inputs: { agent: 'deploy-manager', 'github-token': api.token, ...inputs },
    env: { GITHUB_API_URL: api.url, DOCKER_CONFIG: dockerConfig },
    checkCommands: false,
  });
}

function assertClean(r: StepResult): void {
  expect(commandProblems(r.runner), 'no text became a runner command').toEqual([]);
  expect(r.log.includes(api.token), 'the GitHub token is masked').toBe(false);
  expect(r.masks).toContain(api.token);
  const html = marked.parse(r.summary, { async: false, gfm: true });
  expect(html, 'no image, link or script from inputs in the summary').not.toMatch(/<img|<a |<script/);
}

const HOSTILE = '##[stop-commands]x ::stop-commands::y ![p](https://evil.example/p.png) <img src=x>';

describe('gate action: hostile inputs cannot switch the runner off', () => {
  it('environment, params and images carrying commands: denied, annotated, failed', async () => {
    const r = await gate({
      environment: `production ${HOSTILE}`,
      params: JSON.stringify({ amount: 5000, note: `\n::stop-commands::z\n${HOSTILE}`, [HOSTILE]: 1 }),
      images: `registry.invalid/app:${'x'}##[stop-commands]img\n::stop-commands::img2`,
    });
    assertClean(r);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    const errors = r.commands.filter((c) => c.command === 'error');
    // One annotation per reason, plus the step's failure message.
    const reasons = JSON.parse(r.outputs.reasons ?? '[]') as { code: string }[];
    expect(errors.length).toBe(reasons.length + 1);
    expect(errors.at(-1)?.message).toMatch(/^deploy gate: deny/);
    // The hostile text is in the log, neutralised, not gone.
    expect(r.log).toContain('#\\u0023[stop-commands]x');
  });

  it('an agent name that is a command: invalid input, reported, nothing issued', async () => {
    const r = await gate({ agent: `x##[stop-commands]y`, environment: 'staging' });
    assertClean(r);
    expect(r.exitCode).toBe(1);
    const failure = r.commands.filter((c) => c.command === 'error').map((c) => c.message);
    expect(failure.join('\n')).toContain("input 'agent'");
    expect(failure.at(-1)).toMatch(/^deploy gate: invalid inputs/);
  });

  it('shadow mode reports the same deny as warnings, still clean', async () => {
    const r = await gate({ environment: `::stop-commands::shadow`, mode: 'shadow' });
    assertClean(r);
    expect(r.exitCode).toBe(0);
    expect(r.commands.some((c) => c.command === 'warning' && c.properties.title === 'shadow mode')).toBe(
      true,
    );
  });
});
