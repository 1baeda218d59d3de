import { describe, expect, it } from 'vitest';
import { AstlErrors } from '../../../packages/core/index.js';
import { parseInputs, readMode } from './inputs.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const env = { GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '9', GITHUB_SHA: 'a'.repeat(40) };

function problems(inputs: Record<string, string>, e: Record<string, string> = env): string[] {
  try {
    parseInputs(reader(inputs), e);
  } catch (err) {
    if (err instanceof AstlErrors) return err.errors.map((x) => x.message);
    throw err;
  }
  return [];
}

describe('gate inputs', () => {
  it('reads every input, with defaults', () => {
    const i = parseInputs(
      reader({
        environment: 'production',
        images: 'ghcr.io/acme/app:1\n\n# a comment\n  nginx@sha256:' + 'a'.repeat(64) + '  \n',
        replicas: '4',
        params: '{"amount": 5, "url": "https://x.acme.internal"}',
        'github-token': 't',
      }),
      { ...env, ASTL_AGENT: 'deploy-manager', ASTL_AGENT_TYPE: 'deployer' },
    );
    expect(i).toMatchObject({
      policy: 'policies',
      agent: 'deploy-manager',
      agentType: 'deployer',
      action: 'deploy',
      environment: 'production',
      images: ['ghcr.io/acme/app:1', `nginx@sha256:${'a'.repeat(64)}`],
      replicas: 4,
      params: { amount: 5, url: 'https://x.acme.internal' },
      mode: 'enforce',
      repository: { owner: 'acme', repo: 'app' },
      runId: '9',
      registryPath: 'agent-config.yaml',
    });
  });

  it('the agent input wins over ASTL_AGENT; YAML params work', () => {
    const i = parseInputs(
      reader({ agent: 'other', environment: 'e', params: 'amount: 5\nhosts: [a.b.c]\n' }),
      {
        ASTL_AGENT: 'deploy-manager',
      },
    );
    expect(i.agent).toBe('other');
    expect(i.params).toEqual({ amount: 5, hosts: ['a.b.c'] });
    expect(i.repository).toBeUndefined();
  });

  it('reports every problem at once, naming the input', () => {
    const p = problems({ replicas: '-1', params: '- a\n- b\n', mode: 'audit', action: 'Deploy!' }, {});
    expect(p).toEqual([
      expect.stringContaining("input 'agent'"),
      expect.stringContaining("input 'action'"),
      expect.stringContaining("input 'environment'"),
      expect.stringContaining("input 'replicas'"),
      expect.stringContaining("input 'params': must be a mapping"),
      expect.stringContaining("input 'mode'"),
    ]);
  });

  it('refuses params that are not YAML, too large or too deep', () => {
    expect(problems({ agent: 'a', environment: 'e', params: 'a: [' })[0]).toContain(
      "input 'params': is not valid YAML or JSON",
    );
    expect(problems({ agent: 'a', environment: 'e', params: `x: "${'y'.repeat(300_000)}"` })[0]).toContain(
      'KiB',
    );
    expect(
      problems({ agent: 'a', environment: 'e', params: `a: ${'['.repeat(40)}${']'.repeat(40)}` })[0],
    ).toContain('deeper');
  });

  it('reads the mode on its own so invalid inputs are reported as asked', () => {
    expect(readMode(reader({ mode: 'Shadow' }))).toBe('shadow');
    expect(readMode(reader({}))).toBe('enforce');
    expect(readMode(reader({ mode: 'x' }))).toBeUndefined();
  });
});
