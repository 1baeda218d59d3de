/** The real provider calls: packages/providers (AWS STS through the SDK, Vault through node-vault). */
import { assumeRoleWithWebIdentity } from '../providers/aws.js';
import { readKvSecret, vaultJwtLogin } from '../providers/vault.js';
import type { ProviderBackends } from './backends.js';
import { createRevokeBackend } from './revoke-backend.js';

export function createProviderBackends(): ProviderBackends {
  return {
    assumeRole: (a) =>
      assumeRoleWithWebIdentity({
        roleArn: a.roleArn,
        region: a.region,
        sessionName: a.sessionName,
        durationSeconds: a.durationSeconds,
        webIdentityToken: a.webIdentityToken,
        audience: a.audience,
        deadline: a.deadline,
        ...(a.sessionPolicy ? { sessionPolicy: a.sessionPolicy } : {}),
        ...(a.sessionPolicyFile ? { sessionPolicyFile: a.sessionPolicyFile } : {}),
      }),
    vaultLogin: async (a) => {
      const login = await vaultJwtLogin({
        url: a.url,
        authPath: a.authPath,
        role: a.role,
        jwt: a.jwt,
        audience: a.audience,
        deadline: a.deadline,
        ...(a.namespace ? { namespace: a.namespace } : {}),
      });
      return {
        clientToken: login.clientToken,
        accessor: login.accessor,
        leaseDurationSeconds: login.leaseDurationSeconds,
        policies: login.policies,
      };
    },
    readSecret: (a) =>
      readKvSecret({
        url: a.url,
        token: a.token,
        path: a.path,
        key: a.key,
        deadline: a.deadline,
        ...(a.namespace ? { namespace: a.namespace } : {}),
      }),
    ...createRevokeBackend(),
  };
}
