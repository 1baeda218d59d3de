/**
 * Refusals: an unregistered agent, a missing owner, a long-lived policy, a duration over a cap,
 * an AgentPolicy restriction, bad inputs. Each must stop BEFORE any token is requested (the
 * sandbox counts every request), print the YAML that would fix it, and never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import {
  assertMaskedValuesHidden,
  auditLines,
  errorMessage,
  main,
  makeWorkspace,
  NO_TRAFFIC,
  resetSandbox,
  tokenTraffic,
} from './helpers.js';

let sb: Sandbox;
let ws: string;

beforeAll(async () => {
  sb = await startSandbox();
  ws = makeWorkspace(sb);
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => resetSandbox(sb));

const cases: {
  name: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  message: RegExp;
  fix: RegExp;
}[] = [
  {
    name: 'an unregistered agent',
    inputs: { agent: 'ghost-bot', purpose: 'Haunt the pipeline' },
    message: /agent 'ghost-bot' is not registered/,
    fix: /- name: ghost-bot[\s\S]*owner:/,
  },
  {
    name: 'an agent without an owner',
    inputs: { agent: 'ownerless-bot', purpose: 'Release' },
    message: /agent 'ownerless-bot' has no owner/,
    fix: /owner: <team-or-person>/,
  },
  {
    name: 'a long-lived credential policy',
    inputs: { agent: 'forever-bot', purpose: 'Legacy sync' },
    message: /long-lived/,
    fix: /credential-policy: ephemeral/,
  },
  {
    name: "a duration over the agent's max-ttl",
    inputs: { agent: 'review-bot', purpose: 'Long review', duration: '2h' },
    message: /requested duration 2h is over the cap: 1h \(max-ttl of agent review-bot/,
    fix: /duration: 1h/,
  },
  {
    name: "a duration over an AgentPolicy's maxTtl",
    inputs: { agent: 'deploy-bot', purpose: 'Slow deploy', duration: '45m' },
    message: /over the cap: 30m \(maxTtl of AgentPolicy deployment-bot-policy/,
    fix: /duration: 30m/,
  },
  {
    name: 'an AgentPolicy restriction (deny: secrets)',
    inputs: { agent: 'test-bot', purpose: 'Integration tests' },
    message: /AgentPolicy 'testing-bot-policy' .* denies secrets/,
    fix: /secrets: \[\]/,
  },
  {
    name: 'an AgentPolicy restriction (deny: production-access) from ASTL_ENVIRONMENT',
    inputs: { agent: 'both-bot', purpose: 'Release to prod' },
    env: { ASTL_ENVIRONMENT: 'production' },
    message: /denies production-access: environment 'production' is production-tier/,
    fix: /environment: staging/,
  },
  {
    name: 'a session policy that is not valid JSON',
    inputs: { agent: 'badscope-bot', purpose: 'Deploy' },
    message: /policies\/iam\/broken\.json(:\d+:\d+)?: The session policy is not valid JSON/,
    fix: /./,
  },
  {
    name: 'an agent type that agrees with no registered agent',
    inputs: { 'agent-type': 'space-bot', purpose: 'Explore' },
    message: /no agent of type 'space-bot'/,
    fix: /type: space-bot/,
  },
];

// Every case here makes no request at all, so they can share the sandbox concurrently.
describe.concurrent('refused before any token is requested', () => {
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const r = await main(sb, ws, c.inputs, { env: c.env ?? {} });
      expect(r.exitCode).toBe(1);
      expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
      const error = errorMessage(r);
      expect(error).toMatch(c.message);
      expect(error).toMatch(c.fix);
      expect(error).toContain('How to fix');
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      expect(r.summary).toContain('Agent credentials refused');
      expect(r.summary).toContain('refused before any token was requested');
      expect(Object.keys(r.state)).toEqual([]);
      expect(Object.keys(r.exportedEnv)).toEqual([]);
      const audit = auditLines(r);
      expect(audit.map((e) => e.action)).toEqual(['credentials.refused']);
      expect(audit[0]!.correlation_id).toBe(r.outputs['correlation-id']);
    });
  }
});

describe('refused after the token, before any provider', () => {
  it('refuses production access when the signed token names a production environment, before STS', async () => {
    sb.issuer.setClaims({}, 'production');
    try {
      const r = await main(sb, ws, { agent: 'both-bot', purpose: 'Release to prod' });
      expect(r.exitCode).toBe(1);
      expect(errorMessage(r)).toMatch(/denies production-access: environment 'production'/);
      // One token per audience (AWS and Vault, requested side by side); neither reached a provider.
      expect(sb.requestCount('token')).toBeLessThanOrEqual(2);
      expect(sb.requestCount('sts')).toBe(0);
      expect(sb.requestCount('login')).toBe(0);
      expect(auditLines(r).map((e) => e.action)).toEqual(['credentials.failed']);
      assertMaskedValuesHidden(r);
    } finally {
      sb.issuer.setClaims({}, undefined);
    }
  });
});

describe('inputs', () => {
  it('reports every bad input at once, naming each input and the fix', async () => {
    const r = await main(sb, ws, {
      agent: 'deploy-bot',
      duration: 'soon',
      'aws-role-arn': 'arn:aws:iam::111122223333:user/alice',
      'vault-secrets': 'secret/data/ci/deploy',
      'export-env': 'yes',
    });
    expect(r.exitCode).toBe(1);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
    const error = errorMessage(r);
    expect(error).toContain("input 'duration': 'soon' is not a duration");
    expect(error).toContain('duration: 15m');
    expect(error).toContain("input 'aws-role-arn'");
    expect(error).toContain("input 'vault-secrets'");
    expect(error).toContain("input 'export-env': 'yes' is not a boolean");
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('needs agent or agent-type', async () => {
    const r = await main(sb, ws, { purpose: 'Who am I' });
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toContain('neither agent nor agent-type is set');
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });

  it('names a missing registry file and shows a minimal one', async () => {
    const r = await main(sb, ws, { agent: 'deploy-bot', purpose: 'x', config: 'nope/agent-config.yaml' });
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toMatch(/agent registry .*nope\/agent-config.yaml not found/);
    expect(errorMessage(r)).toContain('agents:');
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });

  it('explains a job without id-token: write', async () => {
    const r = await main(
      sb,
      ws,
      { agent: 'deploy-bot', purpose: 'x' },
      {
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' },
      },
    );
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toContain('id-token: write');
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });
});

describe('the AWS region (issue 14)', () => {
  const regionless = (extra: string) => `agents:
  - name: regionless-bot
    type: deployment-bot
${extra}    purpose: "Deploy"
    max-ttl: 1h
    credentials:
      aws:
        role-arn: ${sb.roleArn}
`;

  it('a missing region does not hide the owner, long-lived and duration refusals', async () => {
    writeFileSync(join(ws, 'regionless.yaml'), regionless('    credential-policy: long-lived\n'));
    const r = await main(sb, ws, { agent: 'regionless-bot', config: 'regionless.yaml', duration: '2h' });
    expect(r.exitCode).toBe(1);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
    const error = errorMessage(r);
    expect(error).toMatch(/agent 'regionless-bot' has no owner/);
    expect(error).toMatch(/long-lived/);
    expect(error).toMatch(/requested duration 2h is over the caps?: /);
    expect(error).toMatch(/has an AWS role but no region/);
    expect(error).toContain("input 'aws-region', or AWS_REGION in the job's environment");
    // The registry and policy refusals come first; the missing setting last.
    expect(error.indexOf('no owner')).toBeLessThan(error.indexOf('no region'));
  });

  it("takes AWS_REGION, else AWS_DEFAULT_REGION, from the job's environment, as configure-aws-credentials does", async () => {
    writeFileSync(
      join(ws, 'regionless-ok.yaml'),
      regionless('    owner: sre-team\n    credential-policy: ephemeral\n'),
    );
    const inputs = { agent: 'regionless-bot', config: 'regionless-ok.yaml', purpose: 'Deploy' };
    const fromRegion = await main(sb, ws, inputs, {
      env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' },
    });
    expect(fromRegion.exitCode, errorMessage(fromRegion)).toBe(0);
    expect(fromRegion.exportedEnv.AWS_REGION).toBe('eu-west-1');
    const fromDefault = await main(sb, ws, inputs, { env: { AWS_DEFAULT_REGION: 'us-west-2' } });
    expect(fromDefault.exitCode, errorMessage(fromDefault)).toBe(0);
    expect(fromDefault.exportedEnv.AWS_REGION).toBe('us-west-2');
    // A value that is not a region name is ignored, never put into the STS host name.
    const junk = await main(sb, ws, inputs, { env: { AWS_REGION: 'evil.example.com/x' } });
    expect(junk.exitCode).toBe(1);
    expect(errorMessage(junk)).toMatch(/has an AWS role but no region/);
  });
});
