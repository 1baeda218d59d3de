/**
 * Vault's revocation, from the post step's saved state alone: auth/token/revoke-self
 * (https://developer.hashicorp.com/vault/api-docs/auth/token#revoke-a-token-self), which takes the
 * token's child tokens and leases with it. Apart from vault.ts so the post step loads no login code.
 */
import { AstlError } from '../../core/errors.js';
import { describeFault } from '../../core/retry.js';
import { revokeSelf as revokeSelfOverHttp, type VaultTokenCall } from '../../providers/vault.js';
import type { CredentialRevoker } from '../provider.js';
import type { RevocationEntry, VaultRevocationState } from '../types.js';

/** `revokeSelf` is replaceable for tests; it resolves 'already-invalid' for Vault's 403. */
export function vaultRevoker(
  revokeSelf: (req: VaultTokenCall) => Promise<'revoked' | 'already-invalid'> = revokeSelfOverHttp,
): CredentialRevoker<VaultRevocationState> {
  return {
    name: 'vault',
    label: 'HashiCorp Vault',
    stateSecrets: (state) => (state.token ? [state.token] : []),
    revokeTarget: (state) => `vault:${state.url}`,

    async revoke(v, ctx): Promise<Omit<RevocationEntry, 'label'>> {
      const base = {
        provider: 'vault' as const,
        identity: `${v.url}${v.namespace ? ` (namespace ${v.namespace})` : ''}${v.accessor ? ` accessor ${v.accessor}` : ''}`,
        expiresAt: v.expiresAt,
      };
      if (!ctx.revoke) {
        ctx.log.info(`Vault: not revoking (revoke: false); the token expires at ${v.expiresAt}`);
        return {
          ...base,
          outcome: 'disabled',
          message: `revoke is false; the token stays valid until it expires at ${v.expiresAt}`,
        };
      }
      if (ctx.refusal) {
        return {
          ...base,
          outcome: 'failed',
          message: `${ctx.refusal}; the token stays valid until it expires at ${v.expiresAt} (revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'})`,
        };
      }
      if (Date.parse(v.expiresAt) <= ctx.now().getTime()) {
        ctx.log.info(`Vault: the token already expired at ${v.expiresAt}; skipped`);
        return {
          ...base,
          outcome: 'skipped-expired',
          message: `already expired at ${v.expiresAt}; nothing to revoke`,
        };
      }
      try {
        const outcome = await revokeSelf({
          url: v.url,
          token: v.token,
          deadline: ctx.deadline,
          ...(v.namespace ? { namespace: v.namespace } : {}),
        });
        if (outcome === 'already-invalid') {
          ctx.log.info('Vault: the token was already invalid; nothing to revoke');
          return {
            ...base,
            outcome: 'skipped-expired',
            message:
              'Vault says the token is no longer valid (expired or already revoked); nothing to revoke',
          };
        }
        ctx.log.info(`Vault: token${v.accessor ? ` ${v.accessor}` : ''} revoked`);
        return {
          ...base,
          outcome: 'revoked',
          message: `revoked with auth/token/revoke-self${v.partial ? ' (the main step failed after login)' : ''}; child tokens and leases revoked with it`,
        };
      } catch (err) {
        const reason = err instanceof AstlError ? err.message : describeFault(err);
        return {
          ...base,
          outcome: 'failed',
          message: `could not revoke the Vault token (${reason}); it stays valid until ${v.expiresAt}. Revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'}`,
        };
      }
    },
  };
}
