/**
 * Retryable faults (5xx, STS Throttling and IDPCommunicationError, connection resets, Vault 503
 * and 412) are retried with backoff and the step succeeds. Secrets stay out of every line.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import { IDP_COMMUNICATION_ERROR, THROTTLING } from '../servers/sts.js';
import {
  assertMaskedValuesHidden,
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

const _STACK = /\n\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

describe('retryable faults are retried, then succeed', () => {
  const cases = [
    { name: 'STS 500', route: 'sts', faults: [{ status: 500 }], requests: 2 },
    { name: 'STS Throttling', route: 'sts', faults: [THROTTLING, THROTTLING], requests: 3 },
    { name: 'STS IDPCommunicationError', route: 'sts', faults: [IDP_COMMUNICATION_ERROR], requests: 2 },
    { name: 'a reset on the runner token endpoint', route: 'token', faults: [{ reset: true }], requests: 2 },
    { name: 'a reset on STS', route: 'sts', faults: [{ reset: true }], requests: 2 },
  ] as const;
  for (const c of cases) {
    it(`recovers from ${c.name}`, async () => {
      sb.injectFaults(c.route, [...c.faults]);
      const r = await main(sb, ws, { agent: 'deploy-bot', purpose: 'Deploy' });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect(sb.requestCount(c.route)).toBe(c.requests);
      expect(r.exportedEnv.AWS_SESSION_TOKEN).toBeTruthy();
      assertMaskedValuesHidden(r, { envMayHold: true });
    });
  }

  it('recovers from Vault 503 on login and 412 on a KV read', async () => {
    sb.injectFaults('login', [{ status: 503 }]);
    sb.injectFaults('kv', [{ status: 412 }]);
    const r = await main(sb, ws, { agent: 'review-bot', purpose: 'Review' });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(sb.requestCount('login')).toBe(2);
    expect(sb.requestCount('kv')).toBe(2);
    expect(r.exportedEnv.DEPLOY_TOKEN).toBe(SANDBOX_SECRET.token);
  });

  it('the post step retries a Vault 503 on revoke-self, then revokes', async () => {
    sb.injectFaults('revoke-self', [{ status: 503 }, { reset: true }]);
    const { main: m, post } = await mainThenPost(sb, ws, { agent: 'review-bot', purpose: 'Review' });
    expect(m.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(sb.requestCount('revoke-self')).toBe(3);
    expect(sb.vault.revokedTokens).toEqual([m.exportedEnv.VAULT_TOKEN]);
    expect(await vaultLookupSelf(sb.vaultUrl, m.exportedEnv.VAULT_TOKEN!)).toBe(403);
  });
});
