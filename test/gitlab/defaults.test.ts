/**
 * One audience default per provider, end to end under gitlab-ci-local: a Vault-only and an
 * AWS-only agent, with every default left alone (component inputs, registry audience), mint
 * against a Vault role and an STS trust policy written as the docs write them. The ID tokens
 * carry exactly the audiences the rendered component declares. A registry audience that differs
 * from the component's is reported for the right provider, naming its variable and input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import { component, idTokensFor, sha256 } from './fixtures.js';
import { CLI, componentProject, gitlabCiLocalAvailable, runPipeline } from './gcl.js';

const available = gitlabCiLocalAvailable();
const ROLE = 'arn:aws:iam::111122223333:role/aws-only-bot';

const agent = (name: string, credentials: string) => `agents:
  - name: ${name}
    type: deploy-manager
    owner: platform-team
    purpose: "Deploys the app"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
${credentials}`;

const pipeline = (sha: string, name: string) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: ${name}
      purpose: "Deploy $CI_COMMIT_SHORT_SHA"
      cli: ${CLI}
deploy:
  extends: .astl-agent-credentials
  script:
    - echo "agent $ASTL_AGENT ready"
`;

describe.skipIf(!available)('audience defaults under gitlab-ci-local', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      // As the docs write them: aud sts.amazonaws.com; bound_audiences the Vault URL.
      awsRoles: { [ROLE]: { audience: 'sts.amazonaws.com', sub: 'project_path:acme/app:*' } },
    });
    sandbox.vault.setRole({
      name: 'astl-ci',
      boundAudiences: [sandbox.vaultUrl],
      boundClaims: { sub: 'project_path:acme/app:*' },
      userClaim: 'sub',
      policies: ['ci-read'],
      ttlSeconds: 900,
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const mint = (audience: string) => sandbox.issuer.mintGitLabToken({ audience });
  // The CI/CD variable the component's vault_audience default expands (GitLab 16.1+).
  const gitlabVariables = () => ({ VAULT_SERVER_URL: sandbox.vaultUrl });

  it('a Vault-only agent works with all defaults', async () => {
    const p = componentProject({
      'agent-config.yaml': agent(
        'vault-only-bot',
        `      vault:
        url: ${sandbox.vaultUrl}
        role: astl-ci
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
`,
      ),
    });
    p.pipeline(
      (sha) =>
        `${pipeline(sha, 'vault-only-bot')}    - test "$(printf %s "$DEPLOY_TOKEN" | sha256sum | cut -d' ' -f1)" = "${sha256(SANDBOX_SECRET.token)}" && echo "secret delivered"\n`,
    );
    const tokens = await idTokensFor(p, 'deploy', mint, gitlabVariables());
    expect(Object.keys(tokens).sort()).toEqual(['AWS_ID_TOKEN', 'VAULT_ID_TOKEN']);
    const r = await runPipeline(p, ['deploy'], tokens);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('agent vault-only-bot ready');
    expect(r.output).toContain('secret delivered');
    expect(r.output).not.toContain(SANDBOX_SECRET.token);
  });

  it('an AWS-only agent works with all defaults', async () => {
    const p = componentProject({
      'agent-config.yaml': agent(
        'aws-only-bot',
        `      aws:
        role-arn: ${ROLE}
        region: eu-west-1
`,
      ),
    });
    p.pipeline(
      (sha) => `${pipeline(sha, 'aws-only-bot')}    - test -n "$AWS_SESSION_TOKEN" && echo "aws ready"\n`,
    );
    const tokens = await idTokensFor(p, 'deploy', mint, gitlabVariables());
    const r = await runPipeline(p, ['deploy'], {
      ...tokens,
      AWS_ENDPOINT_URL_STS: sandbox.env.AWS_ENDPOINT_URL_STS,
    });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('aws ready');
  });

  it('a registry audience the component did not mint is named for Vault: VAULT_ID_TOKEN and vault_audience', async () => {
    sandbox.reset();
    const p = componentProject({
      'agent-config.yaml': agent(
        'vault-only-bot',
        `      vault:
        url: ${sandbox.vaultUrl}
        role: astl-ci
        audience: https://vault.example.com
`,
      ),
    });
    p.pipeline((sha) => pipeline(sha, 'vault-only-bot'));
    const r = await runPipeline(p, ['deploy'], await idTokensFor(p, 'deploy', mint, gitlabVariables()));
    expect(r.code).toBe(1);
    expect(r.output).toContain("no ID token with audience 'https://vault.example.com' for Vault");
    expect(r.output).toContain('vault_audience: https://vault.example.com');
    expect(r.output).toContain('VAULT_ID_TOKEN:');
    expect(r.output).not.toMatch(/AWS_ID_TOKEN:\s*\n\s*aud: https:\/\/vault/);
    expect(sandbox.vault.requestCount('login')).toBe(0);
  });

  it('an unset VAULT_SERVER_URL is named in the error, before Vault is called', async () => {
    sandbox.reset();
    const p = componentProject({
      'agent-config.yaml': agent(
        'vault-only-bot',
        `      vault:\n        url: ${sandbox.vaultUrl}\n        role: astl-ci\n`,
      ),
    });
    p.pipeline((sha) => pipeline(sha, 'vault-only-bot'));
    const r = await runPipeline(p, ['deploy'], await idTokensFor(p, 'deploy', mint, {}));
    expect(r.code).toBe(1);
    expect(r.output).toContain(`no ID token with audience '${sandbox.vaultUrl}' for Vault`);
    expect(r.output).toContain('VAULT_SERVER_URL');
    expect(sandbox.vault.requestCount('login')).toBe(0);
  });
});
