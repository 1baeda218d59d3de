/**
 * Vault `auth/token/revoke-self` over plain fetch, for the post step. The post step does nothing
 * else with Vault, and loading node-vault (and what it brings) for one POST would triple its start
 * time; the fault policy is the same as the providers': retries with jitter on network faults, 5xx,
 * 429 and 412, a 403 meaning the token is already invalid, the token never in a message.
 */
import { AstlError } from '../core/errors.js';
import {
  type Deadline,
  isNetworkFault,
  isRetryableStatus,
  RetryExhaustedError,
  withRetry,
} from '../core/retry.js';

class VaultStatusError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`HTTP ${status}${detail ? ` (${detail})` : ''}`);
    this.name = 'VaultStatusError';
  }
}

const retryable = (err: unknown) =>
  isNetworkFault(err) ||
  (err instanceof VaultStatusError && (isRetryableStatus(err.status) || err.status === 412));

export async function revokeSelfLight(a: {
  url: string;
  namespace?: string;
  token: string;
  deadline: Deadline;
}): Promise<'revoked' | 'already-invalid'> {
  const endpoint = `${a.url.replace(/\/+$/, '')}/v1/auth/token/revoke-self`;
  const headers: Record<string, string> = { 'X-Vault-Token': a.token, 'X-Vault-Request': 'true' };
  const namespace = a.namespace?.replace(/^\/+|\/+$/g, '');
  if (namespace) headers['X-Vault-Namespace'] = namespace;
  try {
    return await withRetry(
      async (signal) => {
        // fetch's own errors carry no request headers, so they may pass through as they are.
        const res = await fetch(endpoint, { method: 'POST', headers, signal });
        const text = await res.text();
        if (res.ok) return 'revoked' as const;
        if (res.status === 403) return 'already-invalid' as const;
        let detail = '';
        try {
          const errors = (JSON.parse(text) as { errors?: unknown }).errors;
          if (Array.isArray(errors))
            detail = errors.map(String).join('; ').replace(/\s+/g, ' ').slice(0, 300);
        } catch {
          detail = text.replace(/\s+/g, ' ').slice(0, 300);
        }
        const err = new VaultStatusError(res.status, detail);
        if (retryable(err)) throw err;
        throw new AstlError(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' });
      },
      {
        attempts: 4,
        baseDelayMs: 250,
        maxDelayMs: 4000,
        attemptTimeoutMs: 10_000,
        deadline: a.deadline,
        what: 'Vault token revoke-self',
        isRetryable: retryable,
      },
    );
  } catch (err) {
    if (err instanceof RetryExhaustedError) throw new AstlError(err.message, { code: 'VAULT_UNAVAILABLE' });
    throw err;
  }
}
