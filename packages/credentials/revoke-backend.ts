/**
 * The post step's only provider call, Vault's revoke-self, without the Vault client library: the
 * post bundle stays small and starts fast (see vault-revoke.ts).
 */
import type { ProviderBackends } from './backends.js';
import { revokeSelfLight } from './vault-revoke.js';

export function createRevokeBackend(): Pick<ProviderBackends, 'revokeVaultToken'> {
  return { revokeVaultToken: (a) => revokeSelfLight(a) };
}
