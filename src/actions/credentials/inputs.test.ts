/** The action's input validation: defaults, every bad input reported at once, the run context. */
import { describe, expect, it } from 'vitest';
import { type AstlError, AstlErrors } from '../../../packages/core/index.js';
import { parseInputs } from './inputs.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const env = {
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKSPACE: '/ws',
  GITHUB_REPOSITORY: 'acme/app',
};

describe('parseInputs', () => {
  it('applies the defaults and reads the run context', () => {
    const i = parseInputs(reader({ agent: 'deploy-bot' }), env);
    expect(i.exportEnv).toBe(true);
    expect(i.outputCredentials).toBe(false);
    expect(i.revoke).toBe(true);
    expect(i.deadlineMs).toBe(60_000);
    expect(i.request).toMatchObject({
      agent: 'deploy-bot',
      configPath: 'agent-config.yaml',
      policiesDir: 'policies',
      workspace: '/ws',
      run: { runId: '4242', runAttempt: '2', repository: 'acme/app', platform: 'github' },
    });
    expect(i.request.durationSeconds).toBeUndefined();
  });

  it('parses durations, vault-secrets and the deadline knob', () => {
    const i = parseInputs(
      reader({
        agent: 'deploy-bot',
        duration: '1h30m',
        'vault-secrets': 'secret/data/ci/a token | A_TOKEN\nsecret/data/ci/b api-key',
        'vault-auth-path': '/jwt-github/',
      }),
      { ...env, ASTL_DEADLINE_SECONDS: '2.5' },
    );
    expect(i.request.durationSeconds).toBe(5400);
    expect(i.request.vault?.secrets).toEqual([
      { path: 'secret/data/ci/a', key: 'token', env: 'A_TOKEN' },
      { path: 'secret/data/ci/b', key: 'api-key', env: 'API_KEY' },
    ]);
    expect(i.request.vault?.authPath).toBe('jwt-github');
    expect(i.deadlineMs).toBe(2500);
  });

  it('reports every bad input at once, each naming its input', () => {
    let caught: unknown;
    try {
      parseInputs(
        reader({
          agent: 'Deploy_Bot',
          duration: '15 minutes',
          'aws-role-arn': 'arn:aws:sts::111122223333:assumed-role/x/y',
          'aws-region': 'mars',
          'vault-url': 'https://user:pw@vault',
          'vault-secrets': 'secret/data/ci/a token | PATH',
          revoke: 'maybe',
          'github-app-id': 'my-app',
        }),
        env,
      );
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AstlErrors);
    const text = (caught as AstlError).format();
    for (const input of [
      'agent',
      'duration',
      'aws-role-arn',
      'aws-region',
      'vault-url',
      'vault-secrets',
      'revoke',
      'github-app-id',
    ]) {
      expect(text).toContain(`input '${input}'`);
    }
    expect(text).not.toContain('pw@');
  });

  it('needs agent or agent-type', () => {
    expect(() => parseInputs(reader({}), env)).toThrow(/neither agent nor agent-type/);
  });
});
