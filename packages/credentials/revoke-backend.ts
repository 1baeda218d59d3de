/**
 * The post step needs only Vault's revoke-self; importing just that keeps the AWS SDK out of the
 * post bundle (smaller, faster to start).
 */
import { revokeSelf } from '../providers/vault.js';
import type { ProviderBackends } from './backends.js';

export function createRevokeBackend(): Pick<ProviderBackends, 'revokeVaultToken'> {
  return {
    revokeVaultToken: (a) =>
      revokeSelf({
        url: a.url,
        token: a.token,
        deadline: a.deadline,
        ...(a.namespace ? { namespace: a.namespace } : {}),
      }),
  };
}
