/**
 * The three local servers wired together: an OIDC issuer, an STS endpoint whose trust table and a
 * Vault whose JWT role both trust that issuer. `startSandbox()` returns the env a step needs, so
 * tests, benchmarks and a local demo can run the credentials flow end to end on 127.0.0.1.
 *
 * Demo: `npx tsx test/servers/demo.ts` prints the env and keeps running until Ctrl-C.
 */
import type { Fault } from './http-kit.js';
import { type GitHubClaims, type IssuerRoute, type OidcIssuer, startOidcIssuer } from './oidc-issuer.js';
import { type StsRoleTrust, type StsRoute, type StsServer, startSts } from './sts.js';
import {
  startVault,
  type VaultRoleSpec,
  type VaultRoute,
  type VaultSecretSpec,
  type VaultServer,
} from './vault.js';

export type SandboxRoute = IssuerRoute | StsRoute | VaultRoute;

export const SANDBOX_ROLE_ARN = 'arn:aws:iam::111122223333:role/astl-ci-deployer';
export const SANDBOX_VAULT_ROLE = 'astl-ci';
export const SANDBOX_VAULT_AUDIENCE = 'vault';

export interface SandboxOptions {
  /** Claim overrides for runner tokens (see OidcIssuerOptions.claims). */
  claims?: Partial<GitHubClaims>;
  /** Deployment environment claim (switches `sub` to the environment form). */
  environment?: string;
  /** AWS roles; default one role, SANDBOX_ROLE_ARN, trusting `repo:acme/app:*` with aud sts.amazonaws.com. */
  awsRoles?: Record<string, StsRoleTrust>;
  /** Vault roles; default SANDBOX_VAULT_ROLE at `jwt` in the root namespace, aud `vault`, sub `repo:acme/app:*`. */
  vaultRoles?: VaultRoleSpec[];
  /** KV secrets; default `secret/data/ci/deploy` {token, url}. */
  vaultSecrets?: VaultSecretSpec[];
}

export interface SandboxEnv {
  ACTIONS_ID_TOKEN_REQUEST_URL: string;
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: string;
  AWS_ENDPOINT_URL_STS: string;
  AWS_REGION: string;
  VAULT_ADDR: string;
}

export interface Sandbox {
  issuer: OidcIssuer;
  sts: StsServer;
  vault: VaultServer;
  /** What a step's environment needs to reach the sandbox. */
  env: SandboxEnv;
  roleArn: string;
  vaultUrl: string;
  vaultRole: string;
  vaultAudience: string;
  /** Route names are unique across the three servers: `token`, `sts`, `login`, `kv`, ... */
  injectFaults(route: SandboxRoute, faults: Fault[]): void;
  requestCount(route: SandboxRoute): number;
  requestCounts(): Record<SandboxRoute, number>;
  /** Forget counts, logs and faults on all three servers. */
  reset(): void;
  close(): Promise<void>;
}

export const SANDBOX_SECRET = { token: 'deploy-token-0123456789abcdef', url: 'https://deploy.acme.internal' };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const issuer = await startOidcIssuer({ claims: options.claims, environment: options.environment });
  const issuerRef = { issuer: issuer.issuer, jwksUrl: issuer.jwksUrl };
  const started: { close(): Promise<void> }[] = [issuer];
  try {
    const sts = await startSts({
      issuer: issuerRef,
      roles: options.awsRoles ?? {
        [SANDBOX_ROLE_ARN]: {
          audience: 'sts.amazonaws.com',
          sub: 'repo:acme/app:*',
          maxSessionDuration: 3600,
        },
      },
    });
    started.push(sts);
    const vault = await startVault({
      issuer: issuerRef,
      roles: options.vaultRoles ?? [
        {
          name: SANDBOX_VAULT_ROLE,
          boundAudiences: [SANDBOX_VAULT_AUDIENCE],
          boundClaims: { sub: 'repo:acme/app:*' },
          userClaim: 'sub',
          policies: ['ci-read'],
          ttlSeconds: 900,
        },
      ],
      secrets: options.vaultSecrets ?? [{ path: 'secret/data/ci/deploy', data: SANDBOX_SECRET }],
    });
    started.push(vault);

    const servers = [issuer, sts, vault] as const;
    const owner = (route: SandboxRoute) => {
      if (route === 'discovery' || route === 'jwks' || route === 'token') return { s: issuer, r: route };
      if (route === 'sts' || route === 'caller-identity') return { s: sts, r: route };
      return { s: vault, r: route };
    };
    return {
      issuer,
      sts,
      vault,
      env: {
        ...issuer.runnerEnv(),
        AWS_ENDPOINT_URL_STS: sts.url,
        AWS_REGION: 'us-east-1',
        VAULT_ADDR: vault.url,
      },
      roleArn: SANDBOX_ROLE_ARN,
      vaultUrl: vault.url,
      vaultRole: SANDBOX_VAULT_ROLE,
      vaultAudience: SANDBOX_VAULT_AUDIENCE,
      injectFaults(route, faults) {
        const { s, r } = owner(route);
        (s.injectFaults as (r: string, f: Fault[]) => void)(r, faults);
      },
      requestCount(route) {
        const { s, r } = owner(route);
        return (s.requestCount as (r: string) => number)(r);
      },
      requestCounts: () =>
        ({ ...issuer.requestCounts(), ...sts.requestCounts(), ...vault.requestCounts() }) as Record<
          SandboxRoute,
          number
        >,
      reset() {
        for (const s of servers) s.reset();
      },
      close: async () => {
        await Promise.all(servers.map((s) => s.close()));
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
}
