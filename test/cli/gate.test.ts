/** `astl gate` through the real process, against a real OCI registry on 127.0.0.1. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryAvailable, startRegistry, type TestRegistry } from '../support/registry.js';
import { runCli, tempDir } from './run-cli.js';

const haveRegistry = registryAvailable();
let registry: TestRegistry | undefined;
let pinnedDigest = '';

beforeAll(async () => {
  if (!haveRegistry) return;
  registry = await startRegistry();
  pinnedDigest = (await registry.pushImage('acme/app', '1.4.2')).digest;
});
afterAll(async () => {
  await registry?.close();
});

function policyProject(allowedImages = ''): string {
  const dir = tempDir('astl-gate-');
  mkdirSync(join(dir, 'policies'));
  writeFileSync(
    join(dir, 'policies/deploy.yaml'),
    `agent: deploy-bot
actions:
  - name: deploy
    allowed_environments: ["staging", "production"]
    approval_needed: env == "production"
    max_replicas: 5
    deny_when: has(params.amount) && params.amount > 1000
${allowedImages}`,
  );
  return dir;
}

const gate = (...extra: string[]) => ['gate', '--policy', 'policies', '--agent', 'deploy-bot', ...extra];

describe('astl gate', () => {
  it('allows a conforming request (exit 0)', async () => {
    const r = await runCli(gate('--environment', 'staging', '--replicas', '3'), { cwd: policyProject() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^deploy gate: allow for deploy-bot deploy -> staging/);
  });

  it('denies with every reason (exit 1), in JSON too', async () => {
    const dir = policyProject();
    const r = await runCli(
      gate('--environment', 'dev', '--replicas', '9', '--params', 'amount: 5000', '--format', 'json'),
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout);
    expect(record.decision).toBe('deny');
    expect(record.reasons.map((x: { code: string }) => x.code).sort()).toEqual([
      'DENY_WHEN',
      'ENVIRONMENT_NOT_ALLOWED',
      'REPLICAS_OVER_LIMIT',
    ]);
    expect(r.stderr).toContain('deploy gate: deny');
  });

  it('answers approval_needed with exit 2 when no approval can be found', async () => {
    const r = await runCli(gate('--environment', 'production'), { cwd: policyProject() });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('approval_needed');
  });

  it('shadow mode reports a deny but exits 0', async () => {
    const r = await runCli(gate('--environment', 'dev', '--shadow'), { cwd: policyProject() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deny (shadow mode: not enforced)');
  });

  it('fails closed on a broken policy, naming file and line', async () => {
    const dir = policyProject();
    writeFileSync(
      join(dir, 'policies/deploy.yaml'),
      'agent: deploy-bot\nactions:\n  - name: deploy\n    max_replica: 5\n',
    );
    const r = await runCli(gate('--environment', 'staging'), { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('POLICY_INVALID');
    expect(r.stdout).toContain('policies/deploy.yaml:4');
  });

  it('writes JUnit (one case per rule) and a dotenv report with only non-secret facts', async () => {
    const dir = policyProject();
    const r = await runCli(
      gate(
        '--environment',
        'dev',
        '--replicas',
        '9',
        '--params',
        '{"amount": 5000, "api_token": "s3cr3t-value"}',
        '--junit',
        'gate.xml',
        '--dotenv',
        'gate.env',
        '--record',
        'decision.json',
      ),
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    const xml = readFileSync(join(dir, 'gate.xml'), 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="astl gate" tests="5" failures="4"/,
    );
    // One case per rule of the matching entry: failed ones name their reason, the rest pass.
    expect(xml).toContain(
      'name="policies/deploy.yaml:4 allowed_environments" time="0"><failure type="ENVIRONMENT_NOT_ALLOWED"',
    );
    expect(xml).toContain(
      'name="policies/deploy.yaml:5 approval_needed" time="0"><system-out>passed</system-out>',
    );
    expect(xml).toContain(
      'name="policies/deploy.yaml:6 max_replicas" time="0"><failure type="REPLICAS_OVER_LIMIT"',
    );
    expect(xml).toContain('name="policies/deploy.yaml:7 deny_when" time="0"><failure type="DENY_WHEN"');
    expect(xml).toContain('<testcase classname="astl.gate.dev" name="decision"');
    const dotenv = readFileSync(join(dir, 'gate.env'), 'utf8');
    expect(
      dotenv
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('=')[0]),
    ).toEqual(['ASTL_GATE_DECISION', 'ASTL_GATE_DECISION_ID', 'ASTL_GATE_POLICY_SHA256', 'ASTL_GATE_IMAGES']);
    expect(dotenv).toContain('ASTL_GATE_DECISION=deny\n');
    const record = readFileSync(join(dir, 'decision.json'), 'utf8');
    expect(record).not.toContain('s3cr3t-value');
    expect(JSON.parse(record).request.params.api_token).toBe('[redacted]');
  });

  it("takes the agent's type from ASTL_AGENT_TYPE (written by astl credentials) for AgentPolicies", async () => {
    const dir = policyProject();
    writeFileSync(
      join(dir, 'policies/agents.yaml'),
      'kind: AgentPolicy\nmetadata:\n  name: deployers\nspec:\n  agentTypes: [deployer]\n  restrictions:\n    - deny: production-access\n',
    );
    const env = { ASTL_AGENT: 'deploy-bot', ASTL_AGENT_TYPE: 'deployer' };
    const typed = await runCli(['gate', '--environment', 'production', '--format', 'json'], {
      cwd: dir,
      env,
    });
    expect(typed.code).toBe(1);
    expect(JSON.parse(typed.stdout).reasons.map((r: { code: string }) => r.code)).toContain(
      'PRODUCTION_ACCESS_DENIED',
    );
    // Another agent named on the command line does not inherit deploy-bot's type.
    const other = await runCli(
      ['gate', '--agent', 'other-bot', '--environment', 'staging', '--format', 'json'],
      {
        cwd: dir,
        env,
      },
    );
    expect(JSON.parse(other.stdout).request.agent_type).toBeNull();
  });

  it('usage errors: missing environment, bad replicas, bad params, bad format', async () => {
    const dir = policyProject();
    for (const [args, text] of [
      [gate(), 'needs --environment'],
      [gate('--environment', 'staging', '--replicas', 'three'), "--replicas 'three' is not a whole number"],
      [gate('--environment', 'staging', '--params', '[1, 2]'), '--params must be one JSON or YAML mapping'],
      [
        gate('--environment', 'staging', '--format', 'xml'),
        "--format 'xml' is not one of text, json, junit, dotenv",
      ],
      [['gate', '--environment', 'staging'], 'needs --agent'],
    ] as const) {
      const r = await runCli([...args], { cwd: dir });
      expect(r.code, text).toBe(3);
      expect(r.stderr).toContain(text);
    }
  });

  it.skipIf(!haveRegistry)('resolves a tag to its digest and pins it in the dotenv report', async () => {
    const ref = `${registry!.host}/acme/app:1.4.2`;
    const dir = policyProject(`    allowed_images:\n      - digest: "${pinnedDigest}"\n`);
    const r = await runCli(gate('--environment', 'staging', '--image', ref, '--dotenv', 'gate.env'), {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const pinned = `${registry!.host}/acme/app@${pinnedDigest}`;
    expect(r.stdout).toContain(`image ${ref} -> ${pinned}`);
    expect(readFileSync(join(dir, 'gate.env'), 'utf8')).toContain(`ASTL_GATE_IMAGES=${pinned}\n`);
    const other = await runCli(
      gate('--environment', 'staging', '--image', `${registry!.host}/acme/app:missing`),
      { cwd: dir },
    );
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('IMAGE_NOT_FOUND');
  });
});
