/**
 * The real provider calls: packages/providers (AWS STS through the SDK, Vault through node-vault).
 * Each provider's code is imported on first use (a separate chunk in the bundle), so a refused
 * request never pays for loading the AWS SDK, and `preload` lets the code load while the first
 * OIDC token request is still in flight.
 */
import type { ProviderBackends } from './backends.js';

type AwsModule = typeof import('../providers/aws.js');
type VaultModule = typeof import('../providers/vault.js');

export function createProviderBackends(): ProviderBackends {
  let aws: Promise<AwsModule> | undefined;
  let vault: Promise<VaultModule> | undefined;
  const loadAws = () => {
    aws ??= import('../providers/aws.js');
    return aws;
  };
  const loadVault = () => {
    vault ??= import('../providers/vault.js');
    return vault;
  };
  const ns = (namespace: string | undefined) => (namespace ? { namespace } : {});
  return {
    preload(providers) {
      // A load failure surfaces again, with its real error, when the provider is called.
      if (providers.includes('aws')) loadAws().catch(() => undefined);
      if (providers.includes('vault')) loadVault().catch(() => undefined);
    },
    assumeRole: async (a) => {
      const { assumeRoleWithWebIdentity, roleSessionName } = await loadAws();
      return assumeRoleWithWebIdentity({
        roleArn: a.roleArn,
        region: a.region,
        sessionName: roleSessionName(a.agent, a.runId, a.runAttempt),
        durationSeconds: a.durationSeconds,
        webIdentityToken: a.webIdentityToken,
        audience: a.audience,
        deadline: a.deadline,
        ...(a.sessionPolicy ? { sessionPolicy: a.sessionPolicy } : {}),
        ...(a.sessionPolicyFile ? { sessionPolicyFile: a.sessionPolicyFile } : {}),
      });
    },
    vaultLogin: async (a) => {
      const login = await (await loadVault()).vaultJwtLogin({
        url: a.url,
        authPath: a.authPath,
        role: a.role,
        jwt: a.jwt,
        audience: a.audience,
        deadline: a.deadline,
        ...ns(a.namespace),
      });
      return {
        clientToken: login.clientToken,
        accessor: login.accessor,
        leaseDurationSeconds: login.leaseDurationSeconds,
        policies: login.policies,
      };
    },
    readSecret: async (a) =>
      (await loadVault()).readKvSecret({
        url: a.url,
        token: a.token,
        path: a.path,
        key: a.key,
        deadline: a.deadline,
        ...ns(a.namespace),
      }),
    revokeVaultToken: async (a) =>
      (await loadVault()).revokeSelf({
        url: a.url,
        token: a.token,
        deadline: a.deadline,
        ...ns(a.namespace),
      }),
  };
}
