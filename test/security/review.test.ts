/**
 * An attacker's review of issue 9 after it was implemented: variants of each kind that the first
 * round of tests did not try, each run through the real front ends (the committed dist/ bundles,
 * read by the runner model, and the CLI). Every test here failed before its fix.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIN, POLICIES_YAML, POST, resetSandbox, stepEnv } from '../credentials/helpers.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { commandProblems, readAsRunner, repoRoot, runMainThenPost, runStep } from '../support/runner.js';

const CLI = join(repoRoot, 'dist/cli/index.js');

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => resetSandbox(sb));

function registry(): string {
  return `agents:
  - name: deploy-bot
    type: deployment-bot
    owner: sre-team
    purpose: "Deploy reviewed releases"
    permissions:
      - deployments: write
    credential-policy: ephemeral
    max-ttl: 30m
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: us-east-1
      vault:
        url: ${sb.vaultUrl}
        role: ${sb.vaultRole}
        audience: ${sb.vaultAudience}
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
`;
}

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(join(tmpdir(), 'astl-review-'));
  mkdirSync(join(ws, 'policies'));
  writeFileSync(join(ws, 'agent-config.yaml'), registry());
  writeFileSync(join(ws, 'policies', 'agent-policies.yaml'), POLICIES_YAML);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ws, name), text);
  return ws;
}

/** A YAML map whose key is a collection: the `yaml` library warns, quoting the key. */
const COLLECTION_KEY = '? ["##[stop-commands]zz"]\n: v\n';

describe('kind 1: text a library prints by itself (a Node process warning on stderr)', () => {
  it('a policy file with a collection key cannot stop commands: every credential stays masked', async () => {
    const ws = workspace({ 'policies/notes.yaml': COLLECTION_KEY });
    const { main, post } = await runMainThenPost(MAIN, POST, {
      cwd: ws,
      inputs: { agent: 'deploy-bot' },
      env: stepEnv(sb),
      checkCommands: false,
      timeoutMs: 40_000,
    });
    expect(main.exitCode, main.log).toBe(0);
    expect(commandProblems(main.runner)).toEqual([]);
    expect(commandProblems(post.runner)).toEqual([]);
    const env = main.exportedEnv;
    const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.VAULT_TOKEN, env.DEPLOY_TOKEN];
    for (const s of secrets) {
      expect(s).toBeTruthy();
      expect(main.log.includes(s!), 'credential in the log').toBe(false);
    }
  });

  it('the scan action and the CLI print the scanned key neutralised', async () => {
    const ws = workspace({
      'agent-config.yaml': `agents:\n  - name: x\n    ${COLLECTION_KEY.replace('\n:', '\n    :')}`,
    });
    const step = await runStep('dist/scan/main/index.js', {
      cwd: ws,
      inputs: { 'fail-on': 'error', sarif: 'astl.sarif' },
      checkCommands: false,
    });
    expect(commandProblems(step.runner)).toEqual([]);
    expect(step.exitCode).toBe(1);
    for (const args of [
      ['scan', '--format', 'github', '.'],
      ['agents', 'check'],
    ]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ws, encoding: 'utf8' });
      expect(commandProblems(readAsRunner(r.stdout, r.stderr)), args.join(' ')).toEqual([]);
    }
  });

  it('any process warning is printed neutralised by the action front end', async () => {
    const lines: string[] = [];
    const { captureOutput } = await import('../../src/actions/runner.js');
    const restore = captureOutput((t) => lines.push(t));
    try {
      process.emitWarning('a library quoting ##[stop-commands]x\n::add-mask::y');
      await new Promise((r) => setImmediate(r));
    } finally {
      restore();
    }
    const r = readAsRunner(lines.join(''));
    expect(commandProblems(r)).toEqual([]);
    expect(r.log).toContain('stop-commands]x');
  });
});
