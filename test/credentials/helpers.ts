/**
 * Shared setup for the credentials end-to-end tests: a workspace with a registry and AgentPolicies
 * pointing at the local sandbox (OIDC issuer, STS, Vault), and the secret-hygiene assertions.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { secretForms } from '../../packages/core/index.js';
import type { Sandbox } from '../servers/sandbox.js';
import {
  commandProblems,
  runMainThenPost,
  runStep,
  type StepOptions,
  type StepResult,
} from '../support/runner.js';

export const MAIN = 'dist/credentials/main/index.js';
export const POST = 'dist/credentials/post/index.js';

export function registryYaml(sb: Sandbox): string {
  return `agents:
  - name: deploy-bot
    type: deployment-bot
    owner: sre-team
    purpose: "Deploy reviewed releases"
    permissions:
      - deployments: write
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: us-east-1
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Automated code review"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      vault:
        url: ${sb.vaultUrl}
        role: ${sb.vaultRole}
        audience: ${sb.vaultAudience}
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
  - name: both-bot
    type: release-bot
    owner: release-team
    purpose: "Publish releases"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 2h
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: eu-west-1
      vault:
        url: ${sb.vaultUrl}
        role: ${sb.vaultRole}
        audience: ${sb.vaultAudience}
  - name: ownerless-bot
    type: release-bot
    purpose: "Nobody answers for this one"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: us-east-1
  - name: forever-bot
    type: legacy-bot
    owner: legacy-team
    purpose: "Keys that never expire"
    permissions:
      - repository: read
    credential-policy: long-lived
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: us-east-1
  - name: scoped-bot
    type: deployment-bot
    owner: sre-team
    purpose: "Deploy with a scope-down session policy"
    permissions:
      - deployments: write
    credential-policy: ephemeral
    audit-level: minimal
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: us-east-1
        session-policy: policies/iam/scoped-bot.json
  - name: badscope-bot
    type: deployment-bot
    owner: sre-team
    purpose: "A session policy that is not JSON"
    permissions:
      - deployments: write
    credential-policy: ephemeral
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: us-east-1
        session-policy: policies/iam/broken.json
  - name: test-bot
    type: testing-bot
    owner: qa-team
    purpose: "Integration tests"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
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

export const POLICIES_YAML = `kind: AgentPolicy
metadata:
  name: deployment-bot-policy
spec:
  agentTypes: [deployment-bot]
  credentialPolicy:
    type: ephemeral
    maxTtl: 30m
---
kind: AgentPolicy
metadata:
  name: testing-bot-policy
spec:
  agentTypes: [testing-bot]
  restrictions:
    - deny: secrets
---
kind: AgentPolicy
metadata:
  name: release-bot-policy
spec:
  agentTypes: [release-bot]
  restrictions:
    - deny: production-access
`;

export const SESSION_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-artifacts/*' }],
};

/** A fresh workspace holding agent-config.yaml and policies/agent-policies.yaml. */
export function makeWorkspace(sb: Sandbox, registry = registryYaml(sb)): string {
  const ws = mkdtempSync(join(tmpdir(), 'astl-cred-ws-'));
  writeFileSync(join(ws, 'agent-config.yaml'), registry);
  mkdirSync(join(ws, 'policies'));
  writeFileSync(join(ws, 'policies', 'agent-policies.yaml'), POLICIES_YAML);
  mkdirSync(join(ws, 'policies', 'iam'));
  writeFileSync(
    join(ws, 'policies', 'iam', 'scoped-bot.json'),
    `${JSON.stringify(SESSION_POLICY, null, 2)}\n`,
  );
  writeFileSync(join(ws, 'policies', 'iam', 'broken.json'), '{"Version": "2012-10-17", "Statement": [\n');
  return ws;
}

export function stepEnv(sb: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: sb.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    AWS_ENDPOINT_URL_STS: sb.env.AWS_ENDPOINT_URL_STS,
    ASTL_DEADLINE_SECONDS: '20',
    ...extra,
  };
}

export function main(sb: Sandbox, ws: string, inputs: Record<string, string>, o: Partial<StepOptions> = {}) {
  return runStep(MAIN, { cwd: ws, timeoutMs: 40_000, ...o, inputs, env: stepEnv(sb, o.env) });
}

export function mainThenPost(
  sb: Sandbox,
  ws: string,
  inputs: Record<string, string>,
  o: Partial<StepOptions> & { betweenSteps?: (m: StepResult) => Promise<void> | void } = {},
) {
  return runMainThenPost(MAIN, POST, { inputs, cwd: ws, timeoutMs: 40_000, ...o, env: stepEnv(sb, o.env) });
}

export function auditLines(r: StepResult): Record<string, unknown>[] {
  let text = '';
  try {
    text = readFileSync(join(r.runnerTemp, 'astl-audit.jsonl'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function auditText(r: StepResult): string {
  try {
    return readFileSync(join(r.runnerTemp, 'astl-audit.jsonl'), 'utf8');
  } catch {
    return '';
  }
}

export interface HygieneOptions {
  /** Outputs may carry secrets (output-credentials: true). */
  outputsMayHold?: boolean;
  /** Exported env may carry secrets (export-env: true). */
  envMayHold?: boolean;
  /** State may carry the Vault token (it is what revocation needs). */
  stateMayHold?: string[];
  /** Log line (regexp) that must come after the masks. */
  after?: RegExp;
  /** False for a step that never held the secret (the post step and AWS keys): no mask needed. */
  masked?: boolean;
}

/**
 * For each secret: every form is registered with ::add-mask::, the registration comes before
 * the line that announces the credential, and no raw, base64 or URL-encoded form appears in
 * stdout (outside add-mask), stderr, the summary, outputs, audit file or (unless allowed) env
 * and state.
 */
export function assertSecretHygiene(r: StepResult, secrets: string[], o: HygieneOptions = {}): void {
  // The runner read every line as we meant it: no stop-commands, no command but ours.
  expect(commandProblems(r.runner), 'the runner saw commands this product never issues').toEqual([]);
  const lines = r.stdout.split('\n');
  const isMaskLine = (l: string) => l.startsWith('::add-mask::');
  const visibleStdout = lines.filter((l) => !isMaskLine(l)).join('\n');
  const announce = o.after ? lines.findIndex((l) => o.after!.test(l)) : -1;
  const audit = auditText(r);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(3);
    const forms = secretForms(secret);
    for (const form of forms) {
      if (o.masked !== false) expect(r.masks, 'every form of a secret is masked').toContain(form);
      const where = {
        stdout: visibleStdout.includes(form),
        // What the runner renders for anyone with read access, after its masking.
        log: r.log.includes(form),
        stderr: r.stderr.includes(form),
        summary: r.summary.includes(form),
        audit: audit.includes(form),
        outputs: !o.outputsMayHold && Object.values(r.outputs).some((v) => v.includes(form)),
        env: !o.envMayHold && Object.values(r.exportedEnv).some((v) => v.includes(form)),
        state:
          !(o.stateMayHold ?? []).includes(secret) && Object.values(r.state).some((v) => v.includes(form)),
      };
      expect(where, `a form of a secret leaked`).toEqual({
        stdout: false,
        log: false,
        stderr: false,
        summary: false,
        audit: false,
        outputs: false,
        env: false,
        state: false,
      });
    }
    if (announce >= 0) {
      const maskAt = lines.indexOf(`::add-mask::${secret}`);
      expect(maskAt, 'masked before the credential is announced').toBeGreaterThanOrEqual(0);
      expect(maskAt).toBeLessThan(announce);
    }
  }
}

export async function vaultLookupSelf(vaultUrl: string, token: string): Promise<number> {
  const res = await fetch(`${vaultUrl}/v1/auth/token/lookup-self`, { headers: { 'X-Vault-Token': token } });
  await res.text();
  return res.status;
}

/** Requests that would mean a token or credential was asked for. */
export function tokenTraffic(sb: Sandbox): Record<string, number> {
  return {
    token: sb.requestCount('token'),
    sts: sb.requestCount('sts'),
    login: sb.requestCount('login'),
    kv: sb.requestCount('kv'),
  };
}

export const NO_TRAFFIC = { token: 0, sts: 0, login: 0, kv: 0 };

/** Forget everything the sandbox remembers (sb.reset() keeps issued sessions and tokens). */
export function resetSandbox(sb: Sandbox): void {
  sb.reset();
  sb.issuer.requestedAudiences.length = 0;
  sb.sts.assumeCalls.length = 0;
  sb.sts.sessions.clear();
  sb.vault.tokens.clear();
  sb.vault.revokedTokens.length = 0;
  sb.vault.revokedAccessors.length = 0;
}

/** Nothing the step masked shows up anywhere a person or a later step could read it. */
export function assertMaskedValuesHidden(
  r: StepResult,
  o: { envMayHold?: boolean; stateMayHold?: boolean } = {},
): void {
  expect(commandProblems(r.runner), 'the runner saw commands this product never issues').toEqual([]);
  const visibleStdout = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const audit = auditText(r);
  for (const m of r.masks) {
    expect(visibleStdout.includes(m), 'masked value in stdout').toBe(false);
    expect(r.stderr.includes(m), 'masked value in stderr').toBe(false);
    expect(r.summary.includes(m), 'masked value in the summary').toBe(false);
    expect(r.log.includes(m), 'masked value in the rendered log').toBe(false);
    expect(audit.includes(m), 'masked value in the audit log').toBe(false);
    expect(
      Object.values(r.outputs).some((v) => v.includes(m)),
      'masked value in outputs',
    ).toBe(false);
    if (!o.envMayHold) expect(Object.values(r.exportedEnv).some((v) => v.includes(m))).toBe(false);
    if (!o.stateMayHold) expect(Object.values(r.state).some((v) => v.includes(m))).toBe(false);
  }
}

/** The message of the step's ::error:: command (core.setFailed). */
export function errorMessage(r: StepResult): string {
  return r.commands
    .filter((c) => c.command === 'error')
    .map((c) => c.message)
    .join('\n');
}
