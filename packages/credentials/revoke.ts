/**
 * The post step's work: revoke what can be revoked, say plainly what cannot, never fail the job.
 * Vault tokens are revoked with auth/token/revoke-self (child tokens and leases go with them).
 * AWS STS sessions cannot be revoked one by one, so the result says when the session expires.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { formatDuration } from '../core/duration.js';
import { AstlError } from '../core/errors.js';
import { Deadline, describeFault } from '../core/retry.js';
import { auditEvent } from './audit.js';
import type { ProviderBackends } from './backends.js';
import type { RevocationEntry, RevocationState, RevokeDeps, RevokeResult } from './types.js';

export const DEFAULT_REVOKE_DEADLINE_MS = 20_000;

export interface RevokeOptions {
  /** The action's `revoke` input: false records why nothing was revoked. */
  revoke: boolean;
  /** Why the Vault token must not be sent (revoke-guard.ts): recorded as failed, no request made. */
  vaultRefusal?: string;
}

export async function revokeCredentials(
  state: RevocationState,
  deps: RevokeDeps,
  backends: Pick<ProviderBackends, 'revokeVaultToken'>,
  options: RevokeOptions = { revoke: true },
): Promise<RevokeResult> {
  const now = deps.now ?? (() => new Date());
  const deadline = new Deadline(deps.deadlineMs ?? DEFAULT_REVOKE_DEADLINE_MS);
  const entries: RevocationEntry[] = [];
  const warnings: string[] = [];
  const log = deps.logger;
  if (state.vault?.token) deps.registerSecret(state.vault.token);

  if (state.vault) {
    const v = state.vault;
    const identity = `${v.url}${v.namespace ? ` (namespace ${v.namespace})` : ''}${v.accessor ? ` accessor ${v.accessor}` : ''}`;
    const expired = Date.parse(v.expiresAt) <= now().getTime();
    if (!options.revoke) {
      entries.push({
        provider: 'vault',
        identity,
        outcome: 'disabled',
        message: `revoke is false; the token stays valid until it expires at ${v.expiresAt}`,
        expiresAt: v.expiresAt,
      });
      log.info(`Vault: not revoking (revoke: false); the token expires at ${v.expiresAt}`);
    } else if (options.vaultRefusal) {
      const message = `${options.vaultRefusal}; the token stays valid until it expires at ${v.expiresAt} (revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'})`;
      entries.push({ provider: 'vault', identity, outcome: 'failed', message, expiresAt: v.expiresAt });
      warnings.push(`Vault: ${message}`);
    } else if (expired) {
      entries.push({
        provider: 'vault',
        identity,
        outcome: 'skipped-expired',
        message: `already expired at ${v.expiresAt}; nothing to revoke`,
        expiresAt: v.expiresAt,
      });
      log.info(`Vault: the token already expired at ${v.expiresAt}; skipped`);
    } else {
      try {
        const outcome = await backends.revokeVaultToken({
          url: v.url,
          ...(v.namespace ? { namespace: v.namespace } : {}),
          token: v.token,
          deadline,
        });
        if (outcome === 'already-invalid') {
          entries.push({
            provider: 'vault',
            identity,
            outcome: 'skipped-expired',
            message:
              'Vault says the token is no longer valid (expired or already revoked); nothing to revoke',
            expiresAt: v.expiresAt,
          });
          log.info('Vault: the token was already invalid; nothing to revoke');
        } else {
          entries.push({
            provider: 'vault',
            identity,
            outcome: 'revoked',
            message: `revoked with auth/token/revoke-self${v.partial ? ' (the main step failed after login)' : ''}; child tokens and leases revoked with it`,
            expiresAt: v.expiresAt,
          });
          log.info(`Vault: token${v.accessor ? ` ${v.accessor}` : ''} revoked`);
        }
      } catch (err) {
        const reason = err instanceof AstlError ? err.message : describeFault(err);
        const message = `could not revoke the Vault token (${reason}); it stays valid until ${v.expiresAt}. Revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'}`;
        entries.push({ provider: 'vault', identity, outcome: 'failed', message, expiresAt: v.expiresAt });
        warnings.push(message);
      }
    }
  }

  if (state.aws) {
    const a = state.aws;
    const remaining = Math.round((Date.parse(a.expiresAt) - now().getTime()) / 1000);
    const identity = `${a.roleArn} session ${a.sessionName}`;
    if (remaining <= 0) {
      entries.push({
        provider: 'aws',
        identity,
        outcome: 'skipped-expired',
        message: `already expired at ${a.expiresAt}`,
        expiresAt: a.expiresAt,
      });
    } else {
      const message = `AWS STS sessions cannot be revoked one by one; session ${a.sessionName} expires at ${a.expiresAt} (in ${formatDuration(remaining)}). To end it sooner, revoke the role's active sessions in IAM (this ends every session of the role).`;
      entries.push({ provider: 'aws', identity, outcome: 'not-revocable', message, expiresAt: a.expiresAt });
      log.info(message);
    }
  }

  const audit = entries.map((e) =>
    auditEvent({
      agent: state.agent,
      action: 'credentials.revoke',
      target: e.provider === 'aws' ? `aws:${state.aws?.roleArn}` : `vault:${state.vault?.url}`,
      intent: state.purpose,
      policy: state.policy,
      correlationId: state.correlationId,
      now: now(),
      detail: { provider: e.provider, outcome: e.outcome, expires_at: e.expiresAt, message: e.message },
    }),
  );
  return { agent: state.agent, correlationId: state.correlationId, entries, warnings, audit };
}

/** Parses saved state; anything unexpected means "nothing to revoke", not a crash. */
export function parseRevocationState(text: string | undefined): RevocationState | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as RevocationState;
    if (v && v.version === 1 && typeof v.agent === 'string' && typeof v.correlationId === 'string') return v;
  } catch {
    // fall through
  }
  return undefined;
}
