/**
 * The committed bundle dist/gate/main/index.js run like the Actions runner runs it, against a
 * real OCI registry (Debian's docker-registry), the local GitHub API stand-in and a tiny
 * OTLP/HTTP receiver.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { policyDir } from '../../packages/gate/test-helpers.js';
import { type GitHubApiServer, startGitHubApi } from '../servers/github-api.js';
import {
  type PushedManifest,
  registryAvailable,
  startRegistry,
  type TestRegistry,
} from '../support/registry.js';
import { runStep, type StepOptions, type StepResult } from '../support/runner.js';

const BUNDLE = 'dist/gate/main/index.js';
const hasRegistry = registryAvailable();

let registry: TestRegistry;
let api: GitHubApiServer;
let pinnedImage: PushedManifest;
let index: PushedManifest;
let repointedFrom: PushedManifest;
let repointedTo: PushedManifest;
const dockerConfig = policyDir({ 'config.json': '{"auths":{}}' });

let otlp: Server;
let otlpUrl: string;
const otlpPosts: { path: string; contentType: string | undefined; bytes: number }[] = [];

beforeAll(async () => {
  api = await startGitHubApi();
  otlp = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    req.on('end', () => {
      otlpPosts.push({ path: req.url ?? '', contentType: req.headers['content-type'], bytes });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => otlp.listen(0, '127.0.0.1', r));
  otlpUrl = `http://127.0.0.1:${(otlp.address() as AddressInfo).port}`;
  if (!hasRegistry) return;
  registry = await startRegistry();
  pinnedImage = await registry.pushImage('acme/app', 'v1');
  index = await registry.pushIndex('acme/multi', 'latest');
  repointedFrom = await registry.pushImage('acme/web', 'stable');
  repointedTo = await registry.pushImage('acme/web');
  await registry.retag('acme/web', 'stable', repointedTo.digest);
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((r) => (otlp ? otlp.close(() => r()) : r()));
  await registry?.close();
});

beforeEach(() => api.reset());

function workspace(policy: string): string {
  return policyDir({ 'policies/deploy.yaml': policy });
}

async function gate(
  policy: string,
  inputs: Record<string, string>,
  opts: StepOptions = {},
): Promise<StepResult> {
  return runStep(BUNDLE, {
    cwd: workspace(policy),
    inputs: { agent: 'deploy-manager', 'github-token': api.token, ...inputs },
    ...opts,
    env: { GITHUB_API_URL: api.url, DOCKER_CONFIG: dockerConfig, ...opts.env },
  });
}

const reasonCodes = (r: StepResult) =>
  (JSON.parse(r.outputs.reasons ?? '[]') as { code: string }[]).map((x) => x.code);

describe.skipIf(!hasRegistry)('gate e2e: images through the real registry', () => {
  it('allows digest-pinned images that the policy lists, and outputs them pinned', async () => {
    const policy = `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: [staging]
    allowed_images:
      - digest: "${pinnedImage.digest}"
      - digest: "${index.digest}"
`;
    const r = await gate(policy, {
      environment: 'staging',
      images: `${registry.host}/acme/app@${pinnedImage.digest}\n${registry.host}/acme/multi:latest`,
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(r.outputs.images!.split('\n')).toEqual([
      `${registry.host}/acme/app@${pinnedImage.digest}`,
      `${registry.host}/acme/multi@${index.digest}`,
    ]);
    expect(r.outputs['policy-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const record = JSON.parse(readFileSync(`${r.runnerTemp}/astl-decision.json`, 'utf8'));
    expect(record.decision_id).toBe(r.outputs['decision-id']);
    expect(record.images[1]).toMatchObject({
      digest: index.digest,
      mediaType: expect.stringContaining('index'),
    });
    expect(record.ci).toMatchObject({ provider: 'github', repository: 'acme/app', run_id: '4242' });
    expect(r.summary).toContain('✅ allow');
    // The allowed decision is recorded as a deployment for later budgets.
    expect(api.deployments).toHaveLength(1);
    expect(api.deployments[0]!.payload).toMatchObject({ agent: 'deploy-manager', astl_decision: 'allow' });
  });

  it('denies a tag re-pointed to a digest the policy does not list', async () => {
    const policy = `agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_images:\n      - digest: "${repointedFrom.digest}"\n`;
    const r = await gate(policy, { environment: 'staging', images: `${registry.host}/acme/web:stable` });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    expect(reasonCodes(r)).toEqual(['IMAGE_NOT_ALLOWED']);
    expect(r.outputs.reasons).toContain(repointedTo.digest);
    const annotation = r.commands.find(
      (c) => c.command === 'error' && c.properties.title === 'IMAGE_NOT_ALLOWED',
    );
    expect(annotation?.properties).toMatchObject({ file: 'policies/deploy.yaml', line: '4' });
    expect(r.summary).toContain('❌ deny');
  });

  it('allows the re-pointed tag when its repository is allowlisted', async () => {
    const policy = `agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_images:\n      - repository: ${registry.host}/acme/web\n`;
    const r = await gate(policy, { environment: 'staging', images: `${registry.host}/acme/web:stable` });
    expect(r.outputs.decision).toBe('allow');
    expect(r.outputs.images).toBe(`${registry.host}/acme/web@${repointedTo.digest}`);
  });

  it('denies a missing image with IMAGE_NOT_FOUND', async () => {
    const r = await gate('agent: deploy-manager\nactions:\n  - name: deploy\n', {
      environment: 'staging',
      images: `${registry.host}/acme/nope:v1`,
    });
    expect(reasonCodes(r)).toEqual(['IMAGE_NOT_FOUND']);
  });
});

describe.skipIf(!hasRegistry)('gate e2e: a registry with basic auth', () => {
  let secured: TestRegistry;
  let pushed: PushedManifest;
  beforeAll(async () => {
    secured = await startRegistry({ users: { ci: 's3cret-pw' } });
    pushed = await secured.pushImage('acme/private', 'v1');
  });
  afterAll(async () => {
    await secured?.close();
  });
  const policy = 'agent: deploy-manager\nactions:\n  - name: deploy\n';

  it('without credentials -> deny REGISTRY_AUTH', async () => {
    const r = await gate(policy, { environment: 'staging', images: `${secured.host}/acme/private:v1` });
    expect(reasonCodes(r)).toEqual(['REGISTRY_AUTH']);
  });

  it('with credentials in the docker config (as docker/login-action leaves them) -> allow, secret never printed', async () => {
    const auth = Buffer.from('ci:s3cret-pw').toString('base64');
    const config = policyDir({ 'config.json': JSON.stringify({ auths: { [secured.host]: { auth } } }) });
    const r = await gate(
      policy,
      { environment: 'staging', images: `${secured.host}/acme/private:v1` },
      { env: { DOCKER_CONFIG: config } },
    );
    expect(r.outputs.decision).toBe('allow');
    expect(r.outputs.images).toBe(`${secured.host}/acme/private@${pushed.digest}`);
    for (const text of [
      r.stdout,
      r.stderr,
      r.summary,
      readFileSync(`${r.runnerTemp}/astl-decision.json`, 'utf8'),
    ]) {
      expect(text).not.toContain('s3cret-pw');
      expect(text).not.toContain(auth);
    }
  });
});

describe('gate e2e: faults and modes', () => {
  it('registry down -> deny REGISTRY_UNREACHABLE', async () => {
    const r = await gate('agent: deploy-manager\nactions:\n  - name: deploy\n', {
      environment: 'staging',
      images: '127.0.0.1:9/acme/app:v1',
    });
    expect(r.exitCode).toBe(1);
    expect(reasonCodes(r)).toEqual(['REGISTRY_UNREACHABLE']);
  });

  it('shadow mode reports a deny but never fails the step', async () => {
    const r = await gate('agent: someone-else\nactions:\n  - name: deploy\n', {
      environment: 'staging',
      mode: 'shadow',
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.decision).toBe('deny');
    expect(reasonCodes(r)).toEqual(['NO_POLICY']);
    expect(r.commands.some((c) => c.command === 'error')).toBe(false);
    expect(r.commands.some((c) => c.command === 'warning' && c.properties.title === 'NO_POLICY')).toBe(true);
    expect(r.summary).toContain('shadow mode');
    const record = JSON.parse(readFileSync(`${r.runnerTemp}/astl-decision.json`, 'utf8'));
    expect(record).toMatchObject({ mode: 'shadow', enforced: false, decision: 'deny' });
  });

  it('an invalid policy denies with POLICY_INVALID annotated at its line', async () => {
    const r = await gate('agent: deploy-manager\nactions:\n  - name: deploy\n    max_replica: 3\n', {
      environment: 'staging',
    });
    expect(r.exitCode).toBe(1);
    expect(reasonCodes(r)).toEqual(['POLICY_INVALID']);
    const annotation = r.commands.find((c) => c.properties.title === 'POLICY_INVALID');
    expect(annotation?.properties).toMatchObject({ file: 'policies/deploy.yaml', line: '4' });
    expect(annotation?.message).toContain("did you mean 'max_replicas'");
  });

  it('invalid inputs deny with INPUT_INVALID and name the input', async () => {
    const r = await runStep(BUNDLE, { inputs: { environment: '', replicas: 'many', params: '[1, 2]' } });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    expect(r.stdout).toContain("input 'environment'");
    expect(r.stdout).toContain("input 'replicas'");
    expect(r.stdout).toContain("input 'params'");
    expect(r.stdout).toContain("input 'agent'");
  });

  it('takes the agent from ASTL_AGENT and checks params hosts', async () => {
    const policy =
      'agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_hosts: ["*.acme.internal"]\n';
    const r = await runStep(BUNDLE, {
      cwd: workspace(policy),
      inputs: {
        environment: 'staging',
        params: '{"db": "postgres://u@db.acme.internal:5432/x", "hook": "https://evil.example"}',
      },
      env: { ASTL_AGENT: 'deploy-manager' },
    });
    expect(reasonCodes(r)).toEqual(['HOST_NOT_ALLOWED']);
    expect(r.outputs.reasons).toContain('evil.example');
  });
});

describe('gate e2e: approvals and budgets through the GitHub API', () => {
  const approvalPolicy =
    'agent: deploy-manager\nactions:\n  - name: deploy\n    approval_needed: env == "production"\n';

  it('approval absent -> approval_needed, the step fails and says how to get approval', async () => {
    const r = await gate(approvalPolicy, { environment: 'production' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('approval_needed');
    expect(r.stdout).toContain('required reviewers');
    expect(api.requests.some((q) => q.path === '/repos/acme/app/actions/runs/4242/approvals')).toBe(true);
  });

  it('approval present (by someone other than the agent) -> allow, approver recorded', async () => {
    api.approvals.set('4242', [{ state: 'approved', login: 'alice', environments: ['production'] }]);
    const r = await gate(approvalPolicy, { environment: 'production' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    const record = JSON.parse(readFileSync(`${r.runnerTemp}/astl-decision.json`, 'utf8'));
    expect(record.approval).toEqual({ required: true, approved_by: 'alice' });
    expect(r.summary).toContain('approved by @alice');
  });

  it('GitHub API down -> fail closed with APPROVAL_CHECK_FAILED', async () => {
    const r = await gate(
      approvalPolicy,
      { environment: 'production' },
      { env: { GITHUB_API_URL: 'http://127.0.0.1:9' } },
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    expect(reasonCodes(r)).toEqual(['APPROVAL_CHECK_FAILED']);
  });

  it('budget exhausted -> deny BUDGET_EXHAUSTED; under budget -> allow and recorded', async () => {
    const policy = 'agent: deploy-manager\nactions:\n  - name: deploy\n    max_per_day: 2\n';
    api.addDeployment({ payload: { agent: 'deploy-manager', astl_decision: 'allow' } });
    const first = await gate(policy, { environment: 'staging' });
    expect(first.outputs.decision).toBe('allow');
    const second = await gate(policy, { environment: 'staging' });
    expect(second.exitCode).toBe(1);
    expect(reasonCodes(second)).toEqual(['BUDGET_EXHAUSTED']);
    const record = JSON.parse(readFileSync(`${second.runnerTemp}/astl-decision.json`, 'utf8'));
    expect(record.budget).toEqual({ limit: 2, used: 2 });
  });

  it('a token without permission -> BUDGET_CHECK_FAILED naming the permission', async () => {
    const policy = 'agent: deploy-manager\nactions:\n  - name: deploy\n    max_per_day: 2\n';
    const r = await gate(policy, { environment: 'staging', 'github-token': 'not-the-token' });
    expect(reasonCodes(r)).toEqual(['BUDGET_CHECK_FAILED']);
    expect(r.outputs.reasons).toContain('deployments');
  });
});

describe('gate e2e: OpenTelemetry', () => {
  it('sends the decision span to OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    otlpPosts.length = 0;
    const r = await gate(
      'agent: deploy-manager\nactions:\n  - name: deploy\n',
      { environment: 'staging' },
      { env: { OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl } },
    );
    expect(r.exitCode).toBe(0);
    expect(otlpPosts.some((p) => p.path === '/v1/traces' && p.bytes > 0)).toBe(true);
  });

  it('an unreachable collector is a warning; the decision stands and the step still ends', async () => {
    const r = await gate(
      'agent: deploy-manager\nactions:\n  - name: deploy\n',
      { environment: 'staging' },
      { env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }, timeoutMs: 20_000 },
    );
    expect(r.signal).toBeNull();
    expect(r.exitCode).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(r.commands.some((c) => c.command === 'warning' && c.message.includes('decision span'))).toBe(true);
  });

  it('no endpoint, no span and no warning', async () => {
    otlpPosts.length = 0;
    const r = await gate('agent: deploy-manager\nactions:\n  - name: deploy\n', { environment: 'staging' });
    expect(r.exitCode).toBe(0);
    expect(otlpPosts).toHaveLength(0);
  });
});
