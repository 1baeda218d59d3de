/**
 * The credentials action end to end, happy paths: the committed dist/ bundles run like the
 * runner runs them, against the local OIDC issuer, STS and Vault. The minted credentials must
 * work (GetCallerIdentity, Vault lookup-self) and the Vault token must die in the post step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import {
  assertSecretHygiene,
  auditLines,
  main,
  mainThenPost,
  makeWorkspace,
  resetSandbox,
  SESSION_POLICY,
  vaultLookupSelf,
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

function stsSecrets(): string[] {
  return [...sb.sts.sessions.values()].flatMap((s) => [s.accessKeyId, s.secretAccessKey, s.sessionToken]);
}
function vaultTokens(): string[] {
  return [...sb.vault.tokens.keys()];
}

describe('AWS', () => {
  it('assumes the registry role as <agent>@<run_id>, exports working credentials, and explains the post step', async () => {
    const { main: m, post } = await mainThenPost(sb, ws, {
      agent: 'deploy-bot',
      purpose: 'Deploy 1.4.2 to staging',
      duration: '15m',
    });
    expect(m.exitCode, m.stdout + m.stderr).toBe(0);
    expect(sb.sts.assumeCalls).toHaveLength(1);
    expect(sb.sts.assumeCalls[0]).toMatchObject({
      roleArn: sb.roleArn,
      roleSessionName: 'deploy-bot@4242',
      durationSeconds: 900,
      outcome: 'ok',
    });
    expect(sb.issuer.requestedAudiences).toEqual(['sts.amazonaws.com']);

    const env = m.exportedEnv;
    expect(env.AWS_REGION).toBe('us-east-1');
    expect(env.AWS_DEFAULT_REGION).toBe('us-east-1');
    expect(env.ASTL_AGENT).toBe('deploy-bot');
    expect(m.outputs.agent).toBe('deploy-bot');
    expect(m.outputs['aws-session-name']).toBe('deploy-bot@4242');
    expect(m.outputs['correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(m.outputs['expires-at']!)).toBeGreaterThan(Date.now());
    expect(m.outputs['aws-secret-access-key']).toBeUndefined();

    // The exported credentials work against the STS endpoint.
    const client = new STSClient({
      region: 'us-east-1',
      endpoint: sb.sts.url,
      credentials: {
        accessKeyId: env.AWS_ACCESS_KEY_ID!,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
        sessionToken: env.AWS_SESSION_TOKEN!,
      },
    });
    const who = await client.send(new GetCallerIdentityCommand({}));
    client.destroy();
    expect(who.Arn).toBe('arn:aws:sts::111122223333:assumed-role/astl-ci-deployer/deploy-bot@4242');

    // Summary for auditors.
    for (const text of [
      'deploy-bot',
      'sre-team',
      'deployment-bot',
      'Deploy 1.4.2 to staging',
      'AWS STS',
      '15m',
    ]) {
      expect(m.summary).toContain(text);
    }
    expect(m.summary).toContain(m.outputs['correlation-id']);
    expect(m.summary).toContain('deployment-bot-policy');

    // Audit: JSON lines in a group and in $RUNNER_TEMP/astl-audit.jsonl.
    const events = auditLines(post);
    expect(events.map((e) => e.action)).toEqual(['credentials.mint', 'credentials.revoke']);
    for (const e of events) {
      expect(Object.keys(e).slice(0, 7)).toEqual([
        'timestamp',
        'agent',
        'action',
        'target',
        'intent',
        'policy',
        'correlation_id',
      ]);
      expect(e.correlation_id).toBe(m.outputs['correlation-id']);
      expect(e.intent).toBe('Deploy 1.4.2 to staging');
    }
    expect(events[0]!.target).toBe(`aws:${sb.roleArn}`);
    expect(m.commands.some((c) => c.command === 'group' && c.message.startsWith('Audit events'))).toBe(true);

    // Post: STS sessions cannot be revoked; it says so with the expiry, and succeeds.
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('cannot be revoked one by one');
    expect(post.summary).toContain('expires on its own');

    assertSecretHygiene(m, stsSecrets(), { envMayHold: true, after: /^AWS: assumed/ });
    assertSecretHygiene(post, stsSecrets(), { masked: false });
  });

  it('sets the secret outputs only with output-credentials, and exports nothing with export-env false', async () => {
    const m = await main(sb, ws, {
      agent: 'deploy-bot',
      purpose: 'Smoke test',
      'output-credentials': 'true',
      'export-env': 'false',
    });
    expect(m.exitCode, m.stdout).toBe(0);
    const [session] = [...sb.sts.sessions.values()];
    expect(m.outputs['aws-access-key-id']).toBe(session!.accessKeyId);
    expect(m.outputs['aws-secret-access-key']).toBe(session!.secretAccessKey);
    expect(m.outputs['aws-session-token']).toBe(session!.sessionToken);
    expect(Object.keys(m.exportedEnv).sort()).toEqual([
      'ASTL_AGENT',
      'ASTL_AGENT_TYPE',
      'ASTL_CORRELATION_ID',
    ]);
    assertSecretHygiene(m, stsSecrets(), { outputsMayHold: true });
  });

  it("sends the registry's session policy to STS, minified, and keeps audit-level minimal records short", async () => {
    const m = await main(sb, ws, { agent: 'scoped-bot', purpose: 'Scoped deploy' });
    expect(m.exitCode, m.stdout + m.stderr).toBe(0);
    expect(sb.sts.assumeCalls[0]?.policy).toBe(JSON.stringify(SESSION_POLICY));
    expect(m.summary).toContain('policies/iam/scoped-bot.json');
    const events = auditLines(m);
    expect(events.map((e) => e.action)).toEqual(['credentials.mint']);
    expect(events[0]).not.toHaveProperty('detail');
    expect(
      m.commands
        .filter((c) => c.command === 'warning')
        .map((c) => c.message)
        .join('\n'),
    ).toMatch(/audit-level minimal/);
  });
});

describe('Vault', () => {
  it('logs in, reads KV secrets into env, and the token works until the post step revokes it', async () => {
    let tokenDuringJob = 0;
    const { main: m, post } = await mainThenPost(
      sb,
      ws,
      {
        agent: 'review-bot',
        purpose: 'Review pull request #7',
        duration: '10m',
        'vault-secrets': 'secret/data/ci/deploy url | DEPLOY_URL',
      },
      {
        betweenSteps: async (r) => {
          tokenDuringJob = await vaultLookupSelf(sb.vaultUrl, r.exportedEnv.VAULT_TOKEN ?? '');
        },
      },
    );
    expect(m.exitCode, m.stdout + m.stderr).toBe(0);
    expect(sb.issuer.requestedAudiences).toEqual([sb.vaultAudience]);
    expect(m.exportedEnv.VAULT_ADDR).toBe(sb.vaultUrl);
    expect(m.exportedEnv.DEPLOY_TOKEN).toBe(SANDBOX_SECRET.token);
    expect(m.exportedEnv.DEPLOY_URL).toBe(SANDBOX_SECRET.url);
    expect(m.exportedEnv.VAULT_NAMESPACE).toBeUndefined();
    expect(m.outputs['vault-token-accessor']).toMatch(/\S/);
    expect(tokenDuringJob).toBe(200);

    const token = m.exportedEnv.VAULT_TOKEN!;
    expect(post.exitCode).toBe(0);
    expect(sb.vault.revokedAccessors).toEqual([m.outputs['vault-token-accessor']]);
    expect(await vaultLookupSelf(sb.vaultUrl, token)).toBe(403);
    expect(post.summary).toContain('revoked');
    expect(post.summary).toContain(m.outputs['correlation-id']);

    const actions = auditLines(post).map((e) => e.action);
    expect(actions).toEqual(['credentials.mint', 'secrets.read', 'secrets.read', 'credentials.revoke']);

    assertSecretHygiene(m, vaultTokens(), {
      envMayHold: true,
      stateMayHold: vaultTokens(),
      after: /^Vault: logged in/,
    });
    assertSecretHygiene(m, [SANDBOX_SECRET.token], {
      envMayHold: true,
      after: /^Vault: read .* into DEPLOY_TOKEN/,
    });
    assertSecretHygiene(m, [SANDBOX_SECRET.url], {
      envMayHold: true,
      after: /^Vault: read .* into DEPLOY_URL/,
    });
    assertSecretHygiene(post, vaultTokens(), { stateMayHold: vaultTokens() });
    // The Vault token is in the state (revocation needs it) and nothing else secret is.
    const state = JSON.parse(m.state.revocation!) as Record<string, unknown>;
    expect(JSON.stringify(state)).not.toContain(SANDBOX_SECRET.token);
  });

  it('revoke: false leaves the token valid and says so', async () => {
    const { main: m, post } = await mainThenPost(sb, ws, {
      agent: 'review-bot',
      purpose: 'Keep the token',
      revoke: 'false',
    });
    expect(m.exitCode, m.stdout).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(sb.requestCount('revoke-self')).toBe(0);
    expect(await vaultLookupSelf(sb.vaultUrl, m.exportedEnv.VAULT_TOKEN!)).toBe(200);
    expect(post.summary).toContain('revoke: false');
  });
});

describe('Vault namespaces', () => {
  it('logs in, reads and revokes inside the namespace, and exports VAULT_NAMESPACE', async () => {
    sb.vault.setRole({
      name: 'ns-role',
      namespace: 'team-a',
      boundAudiences: [sb.vaultAudience],
      boundClaims: { sub: 'repo:acme/app:*' },
      policies: ['team-a-read'],
      ttlSeconds: 600,
    });
    sb.vault.setSecret({
      namespace: 'team-a',
      path: 'secret/data/ci/team',
      data: { key: 'team-a-secret-value' },
    });
    // The registry's own read (secret/data/ci/deploy) now happens inside the namespace too.
    sb.vault.setSecret({
      namespace: 'team-a',
      path: 'secret/data/ci/deploy',
      data: { token: 'team-a-deploy-token' },
    });
    const { main: m, post } = await mainThenPost(sb, ws, {
      agent: 'review-bot',
      purpose: 'Namespaced review',
      'vault-role': 'ns-role',
      'vault-namespace': 'team-a',
      'vault-secrets': 'secret/data/ci/team key | TEAM_KEY',
    });
    expect(m.exitCode, m.stdout + m.stderr).toBe(0);
    expect(m.exportedEnv.VAULT_NAMESPACE).toBe('team-a');
    expect(m.exportedEnv.TEAM_KEY).toBe('team-a-secret-value');
    expect(m.exportedEnv.DEPLOY_TOKEN).toBe('team-a-deploy-token');
    expect(post.exitCode).toBe(0);
    expect(sb.vault.revokedTokens).toEqual([m.exportedEnv.VAULT_TOKEN]);
    assertSecretHygiene(m, ['team-a-secret-value', 'team-a-deploy-token'], { envMayHold: true });
  });
});

describe('AWS and Vault together', () => {
  it('mints both with one audience each, exports both, and the post step revokes Vault', async () => {
    const { main: m, post } = await mainThenPost(sb, ws, {
      agent: 'both-bot',
      purpose: 'Publish release 2.0',
      duration: '1h',
    });
    expect(m.exitCode, m.stdout + m.stderr).toBe(0);
    expect(sb.issuer.requestedAudiences).toEqual(['sts.amazonaws.com', sb.vaultAudience]);
    expect(m.exportedEnv.AWS_REGION).toBe('eu-west-1');
    expect(m.exportedEnv.VAULT_TOKEN).toBeTruthy();
    expect(m.exportedEnv.AWS_SESSION_TOKEN).toBeTruthy();
    expect(m.summary).toContain('AWS STS');
    expect(m.summary).toContain('HashiCorp Vault');
    // Vault's role issues 15m tokens: shorter than asked, so the earliest expiry is Vault's.
    expect(Date.parse(m.outputs['expires-at']!)).toBeLessThan(Date.now() + 16 * 60_000);
    expect(post.exitCode).toBe(0);
    expect(sb.vault.revokedTokens).toEqual([m.exportedEnv.VAULT_TOKEN]);
    const all = [...stsSecrets(), ...vaultTokens()];
    assertSecretHygiene(m, all, { envMayHold: true, stateMayHold: vaultTokens() });
    assertSecretHygiene(post, vaultTokens(), { stateMayHold: vaultTokens() });
    assertSecretHygiene(post, stsSecrets(), { masked: false });
    const audit = readFileSync(join(post.runnerTemp, 'astl-audit.jsonl'), 'utf8');
    expect(audit.trim().split('\n')).toHaveLength(4);
  });
});
