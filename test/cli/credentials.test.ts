/**
 * `astl credentials` + `astl revoke` as a GitLab job runs them: GitLab-style ID tokens in
 * environment variables, the local OIDC issuer / STS / Vault, a 0600 env file the script sources,
 * and after_script revoking for real. No secret may reach stdout or stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ROLE_ARN, SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import { runCli, tempDir } from './run-cli.js';

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
      {
        name: 'astl-gh',
        boundAudiences: ['vault'],
        boundClaims: { sub: 'repo:acme/app:*' },
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
beforeEach(() => sandbox.reset());

function registry(extra = ''): string {
  return `agents:
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
${extra}`;
}

async function gitlabJob(registryText = registry()) {
  const dir = tempDir('astl-gl-job-');
  writeFileSync(join(dir, 'agent-config.yaml'), registryText);
  const env = {
    CI_PROJECT_DIR: dir,
    GITLAB_CI: 'true',
    CI_PIPELINE_ID: '574',
    CI_JOB_ID: '302',
    CI_JOB_NAME: 'deploy',
    CI_PROJECT_PATH: 'acme/app',
    AWS_ENDPOINT_URL_STS: sandbox.env.AWS_ENDPOINT_URL_STS,
    AWS_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'sts.amazonaws.com' }),
    VAULT_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'vault' }),
  };
  return { dir, env };
}

const mintArgs = [
  'credentials',
  '--agent',
  'deploy-bot',
  '--purpose',
  "Deploy build 42 (it's urgent)",
  '--aws-id-token-env',
  'AWS_ID_TOKEN',
  '--vault-id-token-env',
  'VAULT_ID_TOKEN',
];

function secretsIn(env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([k]) => /SECRET|TOKEN|KEY_ID/.test(k) && k !== 'ASTL_CORRELATION_ID')
    .map(([, v]) => v)
    .concat(SANDBOX_SECRET.token);
}

function parseEnvFile(file: string): Record<string, string> {
  const out = spawnSync('bash', ['-c', `set -a; source "$1"; env -0`, 'bash', file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  const vars: Record<string, string> = {};
  for (const pair of out.stdout.split('\0')) {
    const i = pair.indexOf('=');
    if (i > 0) vars[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return vars;
}

describe('astl credentials / revoke (GitLab flow)', () => {
  it('mints AWS and Vault credentials into a 0600 env file, then revokes and deletes everything', async () => {
    const { dir, env } = await gitlabJob();
    const minted = await runCli(mintArgs, { cwd: dir, env });
    expect(minted.stderr).not.toContain('astl:');
    expect(minted.code).toBe(0);
    expect(minted.stdout).toContain('credentials ready for agent deploy-bot');
    expect(minted.stdout).toContain('owner:          platform-team');
    expect(minted.stdout).toContain("purpose:        Deploy build 42 (it's urgent)");
    expect(minted.stdout).toMatch(/expires \d{4}-\d\d-\d\dT/);

    const envFile = join(dir, '.astl/credentials.env');
    const stateFile = join(dir, '.astl/state.json');
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, '.astl')).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, '.astl/.gitignore'), 'utf8')).toBe('*\n');

    // The job's script sources the file.
    const sourced = spawnSync(
      'bash',
      ['-c', 'source "$1" && echo "$AWS_ACCESS_KEY_ID|$AWS_REGION|$ASTL_AGENT"', 'bash', envFile],
      {
        encoding: 'utf8',
      },
    );
    expect(sourced.status).toBe(0);
    const [keyId, region, agent] = sourced.stdout.trim().split('|');
    expect(keyId).toMatch(/^ASIA/);
    expect(region).toBe('eu-west-1');
    expect(agent).toBe('deploy-bot');
    const vars = parseEnvFile(envFile);
    expect(vars.DEPLOY_TOKEN).toBe(SANDBOX_SECRET.token);
    expect(vars.VAULT_TOKEN).toBeTruthy();
    expect(vars.AWS_SECRET_ACCESS_KEY).toBeTruthy();

    // Nothing secret on the console.
    for (const secret of secretsIn(vars).concat(env.AWS_ID_TOKEN, env.VAULT_ID_TOKEN)) {
      expect(minted.stdout).not.toContain(secret);
      expect(minted.stderr).not.toContain(secret);
    }
    expect(sandbox.requestCount('sts')).toBe(1);
    expect(sandbox.requestCount('login')).toBe(1);

    const revoked = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/vault\s+revoked/);
    expect(revoked.stdout).toMatch(/aws\s+not-revocable/);
    expect(sandbox.vault.revokedTokens.filter((t) => t === vars.VAULT_TOKEN)).toHaveLength(1);
    expect(existsSync(envFile)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
    for (const secret of secretsIn(vars)) {
      expect(revoked.stdout + revoked.stderr).not.toContain(secret);
    }
    // The audit trail stays, without secrets.
    const audit = readFileSync(join(dir, '.astl/audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"credentials.mint"');
    expect(audit).toContain('"intent":"Deploy build 42 (it\'s urgent)"');
    for (const secret of secretsIn(vars)) expect(audit).not.toContain(secret);
  });

  it('revoke with no state file (minting never happened) is a no-op that succeeds', async () => {
    const r = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to revoke');
  });

  it('refuses an unregistered agent before using any token (exit 3, fix shown)', async () => {
    const { dir, env } = await gitlabJob();
    const r = await runCli(
      ['credentials', '--agent', 'deploy-bott', '--purpose', 'x', '--id-token-env', 'AWS_ID_TOKEN'],
      {
        cwd: dir,
        env,
      },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("agent 'deploy-bott' is not registered");
    expect(r.stderr).toContain("did you mean 'deploy-bot'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(sandbox.requestCount('sts')).toBe(0);
    expect(existsSync(join(dir, '.astl/credentials.env'))).toBe(false);
  });

  it('refuses a duration over the max-ttl', async () => {
    const { dir, env } = await gitlabJob();
    const r = await runCli([...mintArgs, '--duration', '2h'], { cwd: dir, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('over the cap');
  });

  it('names the audience mismatch when the Vault token was minted for another audience', async () => {
    const { dir, env } = await gitlabJob();
    env.VAULT_ID_TOKEN = await sandbox.issuer.mintGitLabToken({ audience: 'https://vault.example.com' });
    const r = await runCli(mintArgs, { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no ID token with audience 'vault'");
    expect(r.stderr).toContain("VAULT_ID_TOKEN has aud 'https://vault.example.com'");
    expect(r.stderr).not.toContain(env.VAULT_ID_TOKEN);
    // AWS was minted first; its session cannot be revoked, and no Vault token was issued.
    expect(sandbox.requestCount('login')).toBe(0);
    expect(r.stderr).toMatch(/Issued before the failure: AWS STS \(aws:arn:aws:iam::[^)]+\); 'astl revoke/);
    expect(r.stderr).not.toMatch(/Vault token was issued|Issued before the failure:.*Vault/);
  });

  it('names nothing as issued when the ID token could not be had (issue 14)', async () => {
    const { dir, env } = await gitlabJob();
    const r = await runCli(mintArgs, {
      cwd: dir,
      env: { ...env, AWS_ID_TOKEN: undefined, VAULT_ID_TOKEN: 'not-a-jwt.at.all' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/issued before the failure/i);
    expect(sandbox.requestCount('sts')).toBe(0);
    expect(existsSync(join(dir, '.astl/state.json'))).toBe(false);
  });

  it('a missing token variable is a clear error', async () => {
    const { dir, env } = await gitlabJob();
    const r = await runCli(mintArgs, { cwd: dir, env: { ...env, AWS_ID_TOKEN: undefined } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('AWS_ID_TOKEN is not set');
  });

  it('needs a token variable and an agent (usage errors)', async () => {
    const none = await runCli(['credentials', '--agent', 'deploy-bot']);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('--id-token-env VAR');
    const noAgent = await runCli(['credentials', '--id-token-env', 'X']);
    expect(noAgent.code).toBe(3);
    expect(noAgent.stderr).toContain('needs --agent');
  });

  it("in a GitHub Actions step, without token variables, asks the runner's token endpoint", async () => {
    const dir = tempDir('astl-gh-step-');
    writeFileSync(
      join(dir, 'agent-config.yaml'),
      `agents:\n  - name: vault-bot\n    type: t\n    owner: o\n    purpose: p\n    max-ttl: 1h\n    credentials:\n      vault:\n        url: ${sandbox.vaultUrl}\n        role: astl-gh\n        audience: vault\n`,
    );
    const env = { ...sandbox.env, GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '9876543210' };
    const r = await runCli(['credentials', '--agent', 'vault-bot'], { cwd: dir, env });
    expect(r.stderr).not.toContain('astl:');
    expect(r.code).toBe(0);
    expect(sandbox.issuer.requestedAudiences).toContain('vault');
    const vars = parseEnvFile(join(dir, '.astl/credentials.env'));
    expect(vars.VAULT_TOKEN).toBeTruthy();
    expect(r.stdout + r.stderr).not.toContain(vars.VAULT_TOKEN!);
    expect((await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env })).code).toBe(0);
    expect(sandbox.vault.revokedTokens).toContain(vars.VAULT_TOKEN);
  });

  it('--format json prints only the non-secret facts', async () => {
    const { dir, env } = await gitlabJob();
    const r = await runCli([...mintArgs, '--format', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(facts).toMatchObject({ agent: 'deploy-bot', owner: 'platform-team', type: 'deploy-manager' });
    expect(facts.variables).toEqual(
      expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'VAULT_TOKEN', 'DEPLOY_TOKEN']),
    );
    expect(facts.credentials.map((c: { provider: string }) => c.provider)).toEqual(['aws', 'vault']);
    const vars = parseEnvFile(join(dir, '.astl/credentials.env'));
    for (const secret of secretsIn(vars)) expect(r.stdout).not.toContain(secret);
    await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });
  });

  it('a mint that fails after the Vault login leaves state that revoke cleans up', async () => {
    const { dir, env } = await gitlabJob(
      registry().replace('secret/data/ci/deploy', 'secret/data/ci/missing'),
    );
    const r = await runCli(mintArgs, { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Issued before the failure: .*HashiCorp Vault \(vault:http:\/\/127\.0\.0\.1:\d+\)/,
    );
    expect(existsSync(join(dir, '.astl/credentials.env'))).toBe(false);
    const state = readFileSync(join(dir, '.astl/state.json'), 'utf8');
    expect(statSync(join(dir, '.astl/state.json')).mode & 0o777).toBe(0o600);
    const token = (JSON.parse(state) as { vault: { token: string } }).vault.token;
    expect(r.stdout + r.stderr).not.toContain(token);
    const revoked = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });
    expect(revoked.code).toBe(0);
    expect(sandbox.vault.revokedTokens).toContain(token);
    expect(existsSync(join(dir, '.astl/state.json'))).toBe(false);
  });
});
