/**
 * The GitLab components (gitlab/templates) run by gitlab-ci-local with the shell executor: spec
 * inputs and their validation, the scan job's Code Quality report, the gate job's decision and
 * reports, and the credentials job against the local OIDC issuer / STS / Vault, with
 * after_script revoking even when the script fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SANDBOX_ROLE_ARN, SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import {
  astlOnPath,
  CLI,
  componentProject,
  gitlabCiLocalAvailable,
  HOST,
  PROJECT,
  runPipeline,
} from './gcl.js';

const available = gitlabCiLocalAvailable();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const component = (name: string, sha: string) => `${HOST}/${PROJECT}/${name}@${sha}`;

const CLEAN_REGISTRY = `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Automated code review"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;
const LEAKY_AGENT = `  - name: leaky-bot
    type: coding-assistant
    purpose: "Leaks"
    credential-policy: long-lived
    audit-level: minimal
`;

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

function readCodeQuality(dir: string): CodeQualityIssue[] {
  const issues = JSON.parse(
    readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'),
  ) as CodeQualityIssue[];
  expect(Array.isArray(issues)).toBe(true);
  for (const i of issues) {
    // The fields GitLab's Code Quality widget requires.
    expect(typeof i.description).toBe('string');
    expect(typeof i.check_name).toBe('string');
    expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
    expect(typeof i.location.path).toBe('string');
    expect(Number.isInteger(i.location.lines.begin)).toBe(true);
  }
  return issues;
}

describe.skipIf(!available)('GitLab components under gitlab-ci-local', () => {
  describe('spec inputs', () => {
    it('renders every component with its inputs interpolated', async () => {
      const p = componentProject({ 'agent-config.yaml': CLEAN_REGISTRY });
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: deploy-bot
      purpose: "Deploy \\"quoted\\" $HOME"
      vault_audience: https://vault.example.com
      cli: ${CLI}
  - component: ${component('agent-gate', sha)}
    inputs:
      environment: production
      images: ghcr.io/acme/app:1.4.2
      mode: shadow
  - component: ${component('agent-scan', sha)}
    inputs:
      fail_on: warning
deploy:
  extends: .astl-agent-credentials
  script: [echo deploy]
`,
      );
      const r = await runPipeline(p, ['--preview']);
      expect(r.code, r.output).toBe(0);
      const yaml = parse(
        r.output.slice(r.output.indexOf('---') >= 0 ? r.output.indexOf('---') : 0),
      ) as Record<string, Record<string, unknown>>;
      const deploy = yaml.deploy as {
        id_tokens: Record<string, { aud: string }>;
        variables: Record<string, unknown>;
        before_script: string[];
        after_script: string[];
        image: string;
      };
      expect(deploy.id_tokens).toEqual({
        AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' },
        VAULT_ID_TOKEN: { aud: 'https://vault.example.com' },
      });
      expect(deploy.variables.ASTL_AGENT).toBe('deploy-bot');
      expect(deploy.image).toEqual({
        name: 'registry.gitlab.com/astl/agent-credentials/cli:1',
        entrypoint: [''],
      });
      expect(deploy.before_script.join('\n')).toContain(`${CLI} credentials`);
      expect(deploy.after_script.join('\n')).toContain(`${CLI} revoke --state`);
      const gate = yaml['agent-gate'] as {
        variables: Record<string, unknown>;
        artifacts: { reports: object };
      };
      expect(gate.variables.ASTL_GATE_ENVIRONMENT).toBe('production');
      expect(gate.variables.ASTL_GATE_MODE).toBe('shadow');
      expect(gate.artifacts.reports).toEqual({ junit: 'astl-gate.junit.xml', dotenv: 'astl-gate.env' });
      const scan = yaml['agent-scan'] as {
        variables: Record<string, unknown>;
        artifacts: { reports: object };
      };
      expect(scan.variables.ASTL_SCAN_FAIL_ON).toBe('warning');
      expect(scan.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json' });
    });

    it("rejects a value outside an input's options", async () => {
      const p = componentProject();
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-gate', sha)}
    inputs:
      environment: staging
      mode: enforcing
`,
      );
      const r = await runPipeline(p, ['--preview']);
      expect(r.code).not.toBe(0);
      expect(r.output).toContain(
        '`mode` input: `enforcing` cannot be used because it is not in the list of allowed options',
      );
    });

    it("rejects a value that does not match an input's regex, and a missing required input", async () => {
      const p = componentProject();
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: Deploy Bot
`,
      );
      const bad = await runPipeline(p, ['--preview']);
      expect(bad.code).not.toBe(0);
      expect(bad.output).toMatch(/`agent` input.*does not match required regex/);
      p.pipeline((sha) => `include:\n  - component: ${component('agent-gate', sha)}\n`);
      const missing = await runPipeline(p, ['--preview']);
      expect(missing.code).not.toBe(0);
      expect(missing.output).toContain('`environment` input: required value has not been provided');
    });
  });

  describe('agent-scan', () => {
    const scanPipeline = (sha: string, failOn = 'error') => `include:
  - component: ${component('agent-scan', sha)}
    inputs:
      cli: ${CLI}
      fail_on: ${failOn}
`;

    it('on the default branch scans everything, writes a Code Quality report with stable fingerprints, and fails on errors', async () => {
      const p = componentProject({ 'agent-config.yaml': CLEAN_REGISTRY + LEAKY_AGENT });
      p.pipeline((sha) => scanPipeline(sha));
      const first = await runPipeline(p, ['agent-scan']);
      expect(first.code, first.output).toBe(1);
      expect(first.output).toContain('FAIL  agent-scan');
      const issues = readCodeQuality(p.dir);
      expect(issues.map((i) => i.check_name).sort()).toEqual([
        'agent/audit-not-full',
        'agent/long-lived-credentials',
        'agent/missing-owner',
      ]);
      expect(issues.every((i) => i.location.path === 'agent-config.yaml')).toBe(true);
      expect(JSON.parse(readFileSync(join(p.dir, 'astl-scan.sarif'), 'utf8')).version).toBe('2.1.0');

      // Lines move; fingerprints do not.
      p.commit({
        'agent-config.yaml': `# Registered agents\n# (reviewed quarterly)\n${CLEAN_REGISTRY}${LEAKY_AGENT}`,
      });
      p.pipeline((sha) => scanPipeline(sha, 'never'));
      const second = await runPipeline(p, ['agent-scan']);
      expect(second.code, second.output).toBe(0);
      const moved = readCodeQuality(p.dir);
      expect(moved.map((i) => i.fingerprint).sort()).toEqual(issues.map((i) => i.fingerprint).sort());
      expect(moved.map((i) => i.location.lines.begin).sort()).not.toEqual(
        issues.map((i) => i.location.lines.begin).sort(),
      );
    });

    it('in a merge request reports only what the merge request changed', async () => {
      const p = componentProject({
        'agent-config.yaml': CLEAN_REGISTRY.replace('audit-level: full', 'audit-level: minimal'),
      });
      const base = p.head();
      p.commit({
        'agent-config.yaml':
          CLEAN_REGISTRY.replace('audit-level: full', 'audit-level: minimal') + LEAKY_AGENT,
      });
      p.pipeline((sha) => scanPipeline(sha));
      const r = await runPipeline(p, ['agent-scan'], {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: base,
        CI_COMMIT_BRANCH: '',
      });
      expect(r.code, r.output).toBe(1);
      const issues = readCodeQuality(p.dir);
      // review-bot's minimal audit level predates the merge request: not reported.
      expect(issues.map((i) => i.location.lines.begin).every((line) => line >= 9)).toBe(true);
      expect(issues.map((i) => i.check_name)).toContain('agent/long-lived-credentials');
      expect(issues.filter((i) => i.check_name === 'agent/audit-not-full')).toHaveLength(1);
    });

    it('does not run on other branches outside merge requests', async () => {
      const p = componentProject({ 'agent-config.yaml': CLEAN_REGISTRY });
      p.pipeline((sha) => scanPipeline(sha));
      const r = await runPipeline(p, ['--list'], { CI_COMMIT_BRANCH: 'feature/x' });
      expect(r.code, r.output).toBe(0);
      expect(r.output).not.toContain('agent-scan');
    });
  });

  describe('agent-gate', () => {
    const policy = `agent: deploy-bot
actions:
  - name: deploy
    allowed_environments: ["staging"]
    max_replicas: 5
`;
    const gatePipeline = (sha: string, environment: string, replicas: string) => `include:
  - component: ${component('agent-gate', sha)}
    inputs:
      cli: ${CLI}
      agent: deploy-bot
      environment: ${environment}
      replicas: "${replicas}"
      params: '{"note": "it''s fine", "api_token": "t0p-s3cret"}'
`;

    it('passes on allow and leaves a dotenv report with only the decision and images', async () => {
      const p = componentProject({ 'policies/deploy.yaml': policy });
      p.pipeline((sha) => gatePipeline(sha, 'staging', '3'));
      const r = await runPipeline(p, ['agent-gate']);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toContain('deploy gate: allow');
      const dotenv = readFileSync(join(p.dir, 'astl-gate.env'), 'utf8');
      expect(dotenv).toMatch(
        /^ASTL_GATE_DECISION=allow\nASTL_GATE_DECISION_ID=[0-9a-f-]{36}\nASTL_GATE_POLICY_SHA256=[0-9a-f]{64}\nASTL_GATE_IMAGES=\n$/,
      );
      const record = readFileSync(join(p.dir, 'astl-decision.json'), 'utf8');
      expect(record).not.toContain('t0p-s3cret');
      expect(JSON.parse(record).request.params.note).toBe("it's fine");
    });

    it('fails the job on deny with a JUnit report naming each rule', async () => {
      const p = componentProject({ 'policies/deploy.yaml': policy });
      p.pipeline((sha) => gatePipeline(sha, 'production', '9'));
      const r = await runPipeline(p, ['agent-gate']);
      expect(r.code, r.output).toBe(1);
      expect(r.output).toContain('FAIL  agent-gate');
      const xml = readFileSync(join(p.dir, 'astl-gate.junit.xml'), 'utf8');
      expect(xml).toContain(
        'name="policies/deploy.yaml:4 allowed_environments" time="0"><failure type="ENVIRONMENT_NOT_ALLOWED"',
      );
      expect(xml).toContain(
        'name="policies/deploy.yaml:5 max_replicas" time="0"><failure type="REPLICAS_OVER_LIMIT"',
      );
      expect(readFileSync(join(p.dir, 'astl-gate.env'), 'utf8')).toContain('ASTL_GATE_DECISION=deny\n');
    });
  });

  describe('agent-credentials', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({
        awsRoles: {
          [SANDBOX_ROLE_ARN]: {
            audience: 'sts.amazonaws.com',
            sub: 'project_path:acme/app:*',
            maxSessionDuration: 3600,
          },
        },
        vaultRoles: [
          {
            name: 'astl-ci',
            boundAudiences: ['vault'],
            boundClaims: { sub: 'project_path:acme/app:*' },
            userClaim: 'sub',
            policies: ['ci-read'],
            ttlSeconds: 900,
          },
        ],
      });
    });
    afterAll(async () => {
      await sandbox?.close();
    });

    it('mints into the job shell, and after_script revokes even when the script fails', async () => {
      const p = componentProject({
        'agent-config.yaml': `agents:
  - name: deploy-bot
    type: deploy-manager
    owner: platform-team
    purpose: "Deploys the app"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: ${SANDBOX_ROLE_ARN}
        region: eu-west-1
      vault:
        url: ${sandbox.vaultUrl}
        role: astl-ci
        audience: vault
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
`,
      });
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: deploy-bot
      purpose: "Deploy $CI_COMMIT_SHORT_SHA"
      cli: ${CLI}
deploy:
  extends: .astl-agent-credentials
  script:
    - test -n "$AWS_SECRET_ACCESS_KEY" && test -n "$VAULT_TOKEN"
    - echo "key id prefix \${AWS_ACCESS_KEY_ID%\${AWS_ACCESS_KEY_ID#????}} region $AWS_REGION agent $ASTL_AGENT"
    - test "$(printf %s "$DEPLOY_TOKEN" | sha256sum | cut -d' ' -f1)" = "${sha256(SANDBOX_SECRET.token)}" && echo "secret delivered"
    - echo "the deploy fails" && exit 1
`,
      );
      const r = await runPipeline(p, ['deploy'], {
        AWS_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'sts.amazonaws.com' }),
        VAULT_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'vault' }),
        AWS_ENDPOINT_URL_STS: sandbox.env.AWS_ENDPOINT_URL_STS,
      });
      expect(r.code, r.output).toBe(1);
      expect(r.output).toContain('credentials ready for agent deploy-bot');
      expect(r.output).toContain('purpose:        Deploy $CI_COMMIT_SHORT_SHA');
      expect(r.output).toContain('key id prefix ASIA region eu-west-1 agent deploy-bot');
      expect(r.output).toContain('secret delivered');
      expect(r.output).toContain('the deploy fails');
      // after_script ran and really revoked the Vault token.
      expect(r.output).toMatch(/vault\s+revoked/);
      expect(sandbox.vault.revokedTokens).toHaveLength(1);
      expect(existsSync(join(p.dir, '.astl/credentials.env'))).toBe(false);
      expect(existsSync(join(p.dir, '.astl/state.json'))).toBe(false);
      // No secret in the job log.
      expect(r.output).not.toContain(SANDBOX_SECRET.token);
      expect(r.output).not.toContain(sandbox.vault.revokedTokens[0]!);
    });
  });

  describe('the bundle as its own component project', () => {
    it('runs its self-test pipeline: its components included at the commit under test', async () => {
      const p = componentProject({}, true);
      const path = `${astlOnPath()}:${process.env.PATH}`;
      const r = await runPipeline(p, [], {}, { PATH: path });
      expect(r.code, r.output).toBe(0);
      for (const job of ['self-test-scan', 'self-test-gate', 'self-test-gate-denies']) {
        expect(r.output).toMatch(new RegExp(`PASS +${job}`));
      }
      // Optional and tag-only jobs stay out of an ordinary branch pipeline.
      expect(r.output).not.toMatch(/(PASS|FAIL) +(release|self-test-credentials)/);
      expect(readFileSync(join(p.dir, 'astl-gate.env'), 'utf8')).toContain('ASTL_GATE_DECISION=allow');
    });

    it('a version tag adds the release job', async () => {
      const p = componentProject({}, true);
      const r = await runPipeline(p, ['--list'], { CI_COMMIT_TAG: '1.2.0' });
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/\brelease\b/);
    });
  });
});
