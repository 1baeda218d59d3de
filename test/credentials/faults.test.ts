/**
 * Failures: non-retryable refusals fail at once with a diagnosis; a failure after a Vault login
 * still leaves the token to the post step; a revoke failure only warns; a hang ends at the
 * deadline with a specific message. Secrets stay out of every error.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import {
  assertMaskedValuesHidden,
  assertSecretHygiene,
  auditLines,
  errorMessage,
  main,
  mainThenPost,
  makeWorkspace,
  resetSandbox,
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

const STACK = /\n\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

describe('non-retryable faults fail at once', () => {
  it('AccessDenied: one STS request, the token claims beside what was asked, no token in the message', async () => {
    sb.sts.setRole(sb.roleArn, { audience: 'sts.amazonaws.com', sub: 'repo:acme/other:*' });
    try {
      const r = await main(sb, ws, { agent: 'deploy-bot', purpose: 'Deploy' });
      expect(r.exitCode).toBe(1);
      expect(sb.requestCount('sts')).toBe(1);
      const error = errorMessage(r);
      expect(error).toContain('AccessDenied');
      expect(error).toContain(sb.roleArn);
      for (const claim of ['iss', 'sub', 'aud', 'ref', 'job_workflow_ref', 'environment']) {
        expect(error).toMatch(new RegExp(`\\b${claim}\\b`));
      }
      expect(error).toContain('repo:acme/app:ref:refs/heads/main');
      expect(error).toContain('sts.amazonaws.com');
      expect(error).toContain('How to fix');
      expect(r.stdout + r.stderr).not.toMatch(STACK);
      expect(r.summary).toContain('Agent credentials failed');
      expect(auditLines(r).map((e) => e.action)).toEqual(['credentials.failed']);
      // The OIDC token was masked and appears nowhere.
      expect(r.masks.length).toBeGreaterThan(0);
      assertMaskedValuesHidden(r);
    } finally {
      sb.sts.setRole(sb.roleArn, {
        audience: 'sts.amazonaws.com',
        sub: 'repo:acme/app:*',
        maxSessionDuration: 3600,
      });
    }
  });

  it('a KV read refused after login: main fails, the post step still revokes the Vault token', async () => {
    sb.injectFaults('kv', [{ status: 403 }]);
    const { main: m, post } = await mainThenPost(sb, ws, { agent: 'review-bot', purpose: 'Review' });
    expect(m.exitCode).toBe(1);
    expect(sb.requestCount('kv')).toBe(1);
    expect(errorMessage(m)).toContain('secret/data/ci/deploy');
    expect(errorMessage(m)).not.toMatch(STACK);
    expect(m.stdout).toMatch(
      /Issued before the failure: HashiCorp Vault \(vault:[^)]+\); the post step revokes what can be revoked/,
    );
    // Nothing was exported: the job cannot use a half-minted set.
    expect(m.exportedEnv.VAULT_TOKEN).toBeUndefined();
    const tokens = [...sb.vault.tokens.keys()];
    expect(tokens).toHaveLength(1);
    expect(post.exitCode).toBe(0);
    expect(sb.vault.revokedTokens).toEqual(tokens);
    expect(await vaultLookupSelf(sb.vaultUrl, tokens[0]!)).toBe(403);
    expect(post.summary).toContain('the main step failed after login');
    expect(auditLines(post).map((e) => e.action)).toEqual([
      'credentials.mint',
      'secrets.read.failed',
      'credentials.failed',
      'credentials.revoke',
    ]);
    assertSecretHygiene(m, tokens, { stateMayHold: tokens });
    assertSecretHygiene(post, tokens, { stateMayHold: tokens });
  });

  it('a revoke failure in the post step warns and never fails the job', async () => {
    sb.injectFaults('revoke-self', [{ status: 400 }]);
    const { main: m, post } = await mainThenPost(sb, ws, { agent: 'review-bot', purpose: 'Review' });
    expect(m.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    const warnings = post.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings.join('\n')).toMatch(/could not revoke the Vault token/);
    expect(warnings.join('\n')).toContain('vault token revoke -accessor');
    expect(post.summary).toContain('revocation FAILED');
    assertMaskedValuesHidden(post, { stateMayHold: true });
  });
});

describe('deadline', () => {
  it('a hanging STS ends at the overall deadline with a specific message', async () => {
    sb.injectFaults('sts', [{ hang: true }, { hang: true }, { hang: true }, { hang: true }]);
    const r = await main(
      sb,
      ws,
      { agent: 'deploy-bot', purpose: 'Deploy' },
      { env: { ASTL_DEADLINE_SECONDS: '2' } },
    );
    expect(r.exitCode).toBe(1);
    expect(r.signal).toBeNull();
    const error = errorMessage(r);
    expect(error).toMatch(/AWS STS AssumeRoleWithWebIdentity did not succeed within the 2s deadline/);
    expect(error).toContain('timed out');
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('a hanging Vault login ends at the deadline too', async () => {
    sb.injectFaults('login', [{ hang: true }, { hang: true }, { hang: true }, { hang: true }]);
    const r = await main(
      sb,
      ws,
      { agent: 'review-bot', purpose: 'Review' },
      { env: { ASTL_DEADLINE_SECONDS: '2' } },
    );
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toMatch(/Vault .*did not succeed within the 2s deadline/);
  });
});
