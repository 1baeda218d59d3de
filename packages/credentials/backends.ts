/**
 * The provider calls the engine makes, as one small interface. The default implementation maps
 * them onto packages/providers (STS, Vault); tests and the benchmark may substitute fakes. Keeping
 * the engine on this seam means it never depends on a provider module's exact argument shapes.
 */
import type { Deadline } from '../core/index.js';

export interface AwsSessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** arn:aws:sts::<account>:assumed-role/<role>/<session name> */
  assumedRoleArn?: string;
  /** The RoleSessionName used: `<agent>@<run_id>`. */
  sessionName: string;
}

export interface VaultLogin {
  clientToken: string;
  accessor?: string;
  leaseDurationSeconds: number;
  policies: string[];
  entityId?: string;
}

export interface ProviderBackends {
  /** Starts loading the code of these providers (called once the request passed every check). */
  preload?(providers: ('aws' | 'vault')[]): void;
  assumeRole(a: {
    roleArn: string;
    region: string;
    audience: string;
    /** The session is named `<agent>@<run_id>` (with `-<attempt>` on re-runs). */
    agent: string;
    runId: string;
    runAttempt?: string;
    durationSeconds: number;
    webIdentityToken: string;
    sessionPolicy?: string;
    /** Where the session policy came from, for error locations. */
    sessionPolicyFile?: string;
    deadline: Deadline;
    env: Record<string, string | undefined>;
  }): Promise<AwsSessionCredentials>;
  vaultLogin(a: {
    url: string;
    namespace?: string;
    authPath: string;
    role: string;
    audience: string;
    jwt: string;
    deadline: Deadline;
  }): Promise<VaultLogin>;
  readSecret(a: {
    url: string;
    namespace?: string;
    token: string;
    path: string;
    key: string;
    deadline: Deadline;
  }): Promise<string>;
  /** 'already-invalid' when Vault says the token is no longer valid (expired or revoked). */
  revokeVaultToken(a: {
    url: string;
    namespace?: string;
    token: string;
    deadline: Deadline;
  }): Promise<'revoked' | 'already-invalid'>;
}
