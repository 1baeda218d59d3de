/**
 * The documented GitLab paths, run green under gitlab-ci-local against the local stand-ins
 * (OIDC issuer, STS, Vault, a real OCI registry, the GitLab API): the quick start from
 * gitlab/README.md (which README.md includes) and the shipped examples/gitlab pipeline with
 * examples/agent-config.yaml and examples/policies, gate included. Only what cannot exist here is
 * rewritten: component versions become the commit under test, and public hosts (ghcr.io,
 * registry.example.com, vault.example.com) become the local stand-ins.
 */
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitLabApiServer, startGitLabApi } from '../servers/gitlab-api.js';
import { SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import { registryAvailable, startRegistry, type TestRegistry } from '../support/registry.js';
import { awsCliOnPath, idTokensFor } from './fixtures.js';
import { astlOnPath, componentProject, gitlabCiLocalAvailable, repoRoot, runPipeline } from './gcl.js';

const available = gitlabCiLocalAvailable() && registryAvailable();
const DEPLOY_MANAGER_ROLE = 'arn:aws:iam::111122223333:role/deploy-manager';
const DEPLOY_BOT_ROLE = 'arn:aws:iam::111122223333:role/deploy-bot';
const JOB_ID = '4711';

/** The first ```yaml block of a Markdown section. */
function yamlBlock(file: string, heading: string): string {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const section = text.slice(text.indexOf(heading));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error(`no yaml block under ${heading} in ${file}`);
  return m[1]!;
}

describe.skipIf(!available)('documented GitLab pipelines under gitlab-ci-local', () => {
  let sandbox: Sandbox;
  let registry: TestRegistry;
  let api: GitLabApiServer;
  let path: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      awsRoles: {
        [DEPLOY_MANAGER_ROLE]: { audience: 'sts.amazonaws.com', sub: 'project_path:acme/app:*' },
        [DEPLOY_BOT_ROLE]: { audience: 'sts.amazonaws.com', sub: 'project_path:acme/app:*' },
      },
      vaultRoles: ['deploy-manager', 'deploy-bot'].map((name) => ({
        name,
        // Bound to the Vault URL (the default audience) once the server has one, below.
        boundAudiences: [] as string[],
        boundClaims: { sub: 'project_path:acme/app:*' },
        userClaim: 'sub',
        policies: ['ci-read'],
        ttlSeconds: 900,
      })),
      vaultSecrets: [
        {
          path: 'secret/data/ci/deploy',
          data: { ...SANDBOX_SECRET, 'registry-password': 'r3gistry-pw-0123456789' },
        },
      ],
    });
    for (const name of ['deploy-manager', 'deploy-bot']) {
      sandbox.vault.setRole({
        name,
        boundAudiences: [sandbox.vaultUrl],
        boundClaims: { sub: 'project_path:acme/app:*' },
        userClaim: 'sub',
        policies: ['ci-read'],
        ttlSeconds: 900,
      });
    }
    registry = await startRegistry();
    api = await startGitLabApi({ projectId: 1217, projectPath: 'astl/agent-credentials' });
    path = `${astlOnPath()}:${awsCliOnPath()}:${process.env.PATH}`;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([sandbox?.close(), registry?.close(), api?.close()]);
  });

  /** Variables a real GitLab job would have that point at the stand-ins. */
  const jobVariables = (tokens: Record<string, string>) => ({
    ...tokens,
    AWS_ENDPOINT_URL_STS: sandbox.env.AWS_ENDPOINT_URL_STS,
    CI_API_V4_URL: api.apiUrl,
    CI_PROJECT_ID: String(api.projectId),
    CI_JOB_TOKEN: api.jobToken,
    CI_JOB_ID: JOB_ID,
    ASTL_INSECURE_REGISTRIES: registry.host,
  });

  it("the README's GitLab quick start runs green: scan, gate (with a budget), deploy", async () => {
    api.reset();
    const quickStart = yamlBlock('gitlab/README.md', '## Quick start');
    const p = componentProject({
      'agent-config.yaml': `agents:
  - name: deploy-bot
    type: deployment-bot
    owner: platform-team
    purpose: "Deploys the app"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: ${DEPLOY_BOT_ROLE}
        region: eu-west-1
      vault:
        url: ${sandbox.vaultUrl}
        role: deploy-bot
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
`,
      'policies/deploy.yaml': `agent: deploy-bot
actions:
  - name: deploy
    allowed_environments: ["staging"]
    allowed_images:
      - repository: ${registry.host}/acme/app
    max_per_day: 10
`,
      'deploy.sh': `#!/bin/sh
test -n "$AWS_SESSION_TOKEN" && test -n "$VAULT_TOKEN" && test -n "$DEPLOY_TOKEN" || exit 1
echo "deploy.sh deploys $1"
`,
    });
    chmodSync(join(p.dir, 'deploy.sh'), 0o755);
    const sha = p.commit({}, 'deploy.sh is executable');
    const pushed = await registry.pushImage('acme/app', sha.slice(0, 8));
    p.pipeline(() =>
      quickStart.replaceAll('@1.0.0', `@${sha}`).replaceAll('registry.example.com', registry.host),
    );
    const tokens = await idTokensFor(
      p,
      'deploy',
      (aud) => sandbox.issuer.mintGitLabToken({ audience: aud }),
      {
        VAULT_SERVER_URL: sandbox.vaultUrl,
      },
    );
    const r = await runPipeline(p, [], jobVariables(tokens), { PATH: path }, 180_000);
    expect(r.code, r.output).toBe(0);
    for (const job of ['agent-scan', 'agent-gate', 'deploy'])
      expect(r.output).toMatch(new RegExp(`PASS +${job}\\b`));
    expect(r.output).toContain('deploy gate: allow for deploy-bot deploy -> staging');
    expect(r.output).toContain(`purpose:        Deploy ${sha.slice(0, 8)} to staging`);
    expect(r.output).toContain(`deploy.sh deploys ${registry.host}/acme/app@${pushed.digest}`);
    expect(r.output).toMatch(/vault\s+revoked/);
    // The budget was counted and the allowed decision recorded through the GitLab API.
    expect(api.deployments.map((d) => d.environment)).toEqual(['astl-gate/deploy-bot']);
    expect(r.output).not.toContain(SANDBOX_SECRET.token);
    expect(r.output).not.toContain(api.jobToken);
  }, 240_000);

  it('examples/gitlab runs green: staging gate, deploy, and production after its approval', async () => {
    api.reset();
    const host = registry.host;
    const policies = readFileSync(join(repoRoot, 'examples/policies/deploy.yaml'), 'utf8');
    const p = componentProject({
      'agent-config.yaml': readFileSync(join(repoRoot, 'examples/agent-config.yaml'), 'utf8').replaceAll(
        'https://vault.example.com:8200',
        sandbox.vaultUrl,
      ),
    });
    cpSync(join(repoRoot, 'examples/policies'), join(p.dir, 'policies'), { recursive: true });
    writeFileSync(
      join(p.dir, 'policies/deploy.yaml'),
      policies.replaceAll('ghcr.io/acme/app', `${host}/acme/app`),
    );
    const sha = p.commit({}, 'examples');
    const pushed = await registry.pushImage('acme/app', '1.4.2');
    p.pipeline(() =>
      readFileSync(join(repoRoot, 'examples/gitlab/.gitlab-ci.yml'), 'utf8')
        .replaceAll('@1.0.0', `@${sha}`)
        .replaceAll('ghcr.io/acme/app', `${host}/acme/app`),
    );
    // GitLab held deploy-production until alice approved its deployment to the protected environment.
    api.addDeployment({
      environment: 'production',
      job: { id: Number(JOB_ID), name: 'deploy-production', pipelineId: 1000 },
      status: 'running',
      requiredApprovals: 1,
      approvals: [{ username: 'alice', status: 'approved', comment: 'release 1.4.2' }],
    });
    const tokens = await idTokensFor(
      p,
      'deploy-staging',
      (aud) => sandbox.issuer.mintGitLabToken({ audience: aud }),
      {
        VAULT_SERVER_URL: sandbox.vaultUrl,
      },
    );
    const r = await runPipeline(p, [], jobVariables(tokens), { PATH: path }, 180_000);
    expect(r.code, r.output).toBe(0);
    for (const job of ['agent-scan', 'agent-gate', 'deploy-staging', 'deploy-production']) {
      expect(r.output).toMatch(new RegExp(`PASS +${job}\\b`));
    }
    expect(r.output).toContain('deploy gate: allow for deploy-manager deploy -> staging');
    expect(r.output).toContain('deploy gate: allow for deploy-manager deploy -> production');
    expect(r.output).toContain('"Arn": "arn:aws:sts::111122223333:assumed-role/deploy-manager/');
    expect(r.output).toContain(`deploying ${host}/acme/app@${pushed.digest}`);
    const decision = JSON.parse(readFileSync(join(p.dir, 'astl-decision.json'), 'utf8'));
    expect(decision.approval).toEqual({ required: true, approved_by: 'alice' });
    // Two allowed decisions, both counted against max_per_day: 20 and recorded.
    expect(api.deployments.filter((d) => d.environment === 'astl-gate/deploy-manager')).toHaveLength(2);
    expect(r.output).not.toContain('r3gistry-pw-0123456789');
  }, 240_000);
});
