/**
 * Vault's JWT auth login (`POST /v1/auth/<mount>/login`,
 * https://developer.hashicorp.com/vault/api-docs/auth/jwt#jwt-login) over vault.ts's request and
 * retry policy. Apart from vault.ts because a refused login is diagnosed from the JWT's claims
 * (diagnose.ts, which decodes the JWT), and the post step, which only revokes, needs none of it.
 */
import { AstlError } from '../core/errors.js';
import { diagnoseVaultLogin } from './diagnose.js';
import {
  normalizeAuthPath,
  refuseWrapped,
  type VaultLogin,
  type VaultLoginRequest,
  vaultRequest,
} from './vault.js';

/** `POST /v1/auth/<authPath>/login {role, jwt}`. */
export async function vaultJwtLogin(req: VaultLoginRequest): Promise<VaultLogin> {
  const authPath = normalizeAuthPath(req.authPath);
  if (!req.role)
    throw new AstlError('vault-role is required for the Vault JWT login', { code: 'VAULT_ROLE_MISSING' });
  const body = await vaultRequest(
    req,
    `Vault JWT login (auth/${authPath}/login)`,
    { method: 'POST', path: `auth/${authPath}/login`, body: { role: req.role, jwt: req.jwt } },
    (err) =>
      diagnoseVaultLogin(err.status, err.providerMessage, {
        url: req.url,
        authPath,
        role: req.role,
        namespace: req.namespace,
        audience: req.audience,
        jwt: req.jwt,
      }),
  );
  refuseWrapped(body, `Vault JWT login (auth/${authPath}/login)`);
  const auth = (body as { auth?: Record<string, unknown> } | undefined)?.auth;
  if (!auth || typeof auth.client_token !== 'string') {
    throw new AstlError(`Vault answered the login at auth/${authPath}/login without a token`, {
      code: 'VAULT_LOGIN_FAILED',
    });
  }
  return {
    clientToken: auth.client_token,
    accessor: typeof auth.accessor === 'string' ? auth.accessor : '',
    leaseDurationSeconds: typeof auth.lease_duration === 'number' ? auth.lease_duration : 0,
    renewable: auth.renewable === true,
    policies: Array.isArray(auth.policies) ? auth.policies.map(String) : [],
  };
}
