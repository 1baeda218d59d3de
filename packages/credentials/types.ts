import type { Deadline } from '../core/index.js';

/**
 * The credentials engine's data model: what a front end asks for (CredentialRequest), what it
 * injects (MintDeps), and what it gets back (MintResult, RevocationState). No @actions imports:
 * the GitHub action and the CLI's GitLab flow are two thin front ends over the same engine.
 */

export type ProviderName = 'aws' | 'vault' | 'github';

/** One extra Vault KV read: `PATH KEY | ENV_NAME` in the action's `vault-secrets` input. */
export interface VaultSecretRead {
  path: string;
  key: string;
  env: string;
}

/** Where the request runs; identifies the run in session names and audit records. */
export interface RunContext {
  /** GITHUB_RUN_ID / CI_PIPELINE_ID: part of the STS RoleSessionName `<agent>@<run_id>`. */
  runId: string;
  runAttempt?: string;
  repository?: string;
  workflow?: string;
  job?: string;
  actor?: string;
  sha?: string;
  ref?: string;
  /** Deployment environment of the job when the front end knows it (AgentPolicy production-access). */
  environment?: string;
  /** `github` or `gitlab`, for the audit record. */
  platform?: string;
}

export interface CredentialRequest {
  agent?: string;
  agentType?: string;
  purpose?: string;
  /** Seconds, already parsed by the front end; undefined = the 15m default. */
  durationSeconds?: number;
  /** Registry file, relative to `workspace` unless absolute. */
  configPath: string;
  /** AgentPolicy folder; a missing folder means no org policy. */
  policiesDir: string;
  /** Base for relative paths (registry, policies, session policies). */
  workspace: string;
  /**
   * The workspace every path must stay inside (core/workspace-path): GITHUB_WORKSPACE, else
   * CI_PROJECT_DIR, else the working directory. Default `workspace`.
   */
  workspaceRoot?: string;
  /**
   * Plain http:// to a non-loopback credential endpoint is refused unless allowed (core/transport);
   * `optIn` says how to allow it in the front end's terms (`allow-insecure-http: true`, `--allow-insecure-http`).
   */
  transport?: { allowInsecureHttp: boolean; optIn?: string };
  aws?: { roleArn?: string; region?: string; audience?: string };
  vault?: {
    url?: string;
    role?: string;
    authPath?: string;
    namespace?: string;
    audience?: string;
    /** Reads from the `vault-secrets` input, added to the registry's `secrets`. */
    secrets?: VaultSecretRead[];
  };
  github?: {
    /** The `github-app-id` input: overrides the registry's app-id. */
    appId?: string;
    /** The `github-app-private-key` input (a secret: the front end masks it on arrival). */
    privateKey?: string;
    /** GITHUB_API_URL; default https://api.github.com. */
    apiUrl?: string;
    /** GITHUB_REPOSITORY (`owner/name`): the default owner and repository. Unset outside GitHub. */
    repository?: string;
  };
  run: RunContext;
}

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface MintDeps {
  /**
   * An OIDC ID token for `audience` (the runner's protocol in the action; an env var on GitLab).
   * `provider` says which provider asks, so an error can name that provider's token variable.
   */
  getIdToken(audience: string, deadline: Deadline, provider?: ProviderName): Promise<string>;
  /** Called with every secret value the moment it is received, before anything can print it. */
  registerSecret(value: string): void;
  /** Called whenever the revocation state changes, so a crash later still leaves it saved. */
  onState?(state: RevocationState): void;
  logger: Logger;
  now?: () => Date;
  /** Overall deadline of the mint in milliseconds (default 60 s). */
  deadlineMs?: number;
  /** UUID source (tests pin it). */
  newCorrelationId?: () => string;
  /** Environment for SDK conventions (AWS_ENDPOINT_URL_STS); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Called as the mint passes each phase (`checked`, `token`, `minted`), for benchmarks. */
  onPhase?(phase: string): void;
}

export interface IssuedCredential {
  provider: ProviderName;
  /** How summaries name the provider: "AWS STS". */
  label: string;
  /** Who the credential acts as: the assumed-role ARN, or the Vault role and entity. */
  identity: string;
  /** Extra non-secret facts for auditors: session name, token accessor, policies. */
  details: Record<string, string>;
  issuedAt: string;
  expiresAt: string;
  ttlSeconds: number;
}

/** What the post step needs of an AWS session: descriptive only, STS sessions cannot be revoked. */
export interface AwsRevocationState {
  sessionName: string;
  roleArn: string;
  expiresAt: string;
}

/** What the post step needs to revoke a Vault token: the token itself is the one secret. */
export interface VaultRevocationState {
  url: string;
  namespace?: string;
  token: string;
  accessor?: string;
  expiresAt: string;
  /** Whether the token was issued by a mint that later failed (still revoked). */
  partial?: boolean;
}

/** What the post step needs to revoke a GitHub installation token: the token is the one secret. */
export interface GitHubRevocationState {
  /** GITHUB_API_URL the token belongs to (DELETE {apiUrl}/installation/token). */
  apiUrl: string;
  /** `app`: minted with the App's key; `exchange`: from an octo-sts compatible STS. */
  mode: 'app' | 'exchange';
  token: string;
  appId?: string;
  installationId?: number;
  /** Exchange mode: the STS, trust policy and scope. */
  stsUrl?: string;
  identity?: string;
  scope?: string;
  owner: string;
  repositories: string[];
  /** What the token was granted (GitHub's answer), or asked for when the STS does not say. */
  permissions: Record<string, string>;
  expiresAt: string;
  /** The duration the job asked for (s): GitHub fixes the token's life at one hour. */
  requestedSeconds: number;
  /** Set when the main step already revoked it (a token broader than asked). */
  revokedAt?: string;
  /** Whether the token was issued by a mint that later failed (still revoked). */
  partial?: boolean;
}

/** Each provider's revocation state, under its name (a new provider adds its key here). */
export interface ProviderStates {
  aws: AwsRevocationState;
  vault: VaultRevocationState;
  github: GitHubRevocationState;
}

/**
 * What the post step needs and nothing more: who and why (for its audit events), and per provider
 * what it saved the moment its credential existed.
 */
export interface RevocationState extends Partial<ProviderStates> {
  version: 1;
  agent: string;
  correlationId: string;
  auditLevel: AuditLevel;
  purpose: string;
  policy: string;
}

export type AuditLevel = 'full' | 'minimal' | 'none';

export interface AuditEvent {
  timestamp: string;
  agent: string;
  /** credentials.mint | credentials.refused | credentials.failed | credentials.revoke | ... */
  action: string;
  /** What the credential reaches: `aws:<role arn>`, `vault:<url>/auth/<path>/role/<role>`. */
  target: string;
  /** The stated purpose. */
  intent: string;
  /** The policies that decided: the registry entry and every AgentPolicy applied. */
  policy: string;
  correlation_id: string;
  /** Non-secret facts (expiry, TTL, session name, outcome); omitted at audit-level minimal. */
  detail?: Record<string, string | number | boolean>;
}

export interface MintResult {
  agent: string;
  owner: string;
  type: string;
  purpose: string;
  correlationId: string;
  auditLevel: AuditLevel;
  appliedPolicies: string[];
  warnings: string[];
  credentials: IssuedCredential[];
  /** Environment variables to export (secret values included; the front end masks first). */
  env: Record<string, string>;
  /** Every secret value in `env`, for masking and scrubbing. */
  secrets: string[];
  /** Non-secret values for outputs. */
  outputs: {
    agent: string;
    correlationId: string;
    expiresAt: string;
    awsSessionName?: string;
    vaultTokenAccessor?: string;
    /** The GitHub App installation the token belongs to. */
    githubInstallationId?: string;
    /** The GitHub permissions the token was granted, as JSON (`{"contents":"read"}`). */
    githubPermissions?: string;
  };
  /** Secret outputs, set only with output-credentials. */
  secretOutputs: {
    awsAccessKeyId?: string;
    awsSecretAccessKey?: string;
    awsSessionToken?: string;
    vaultToken?: string;
    githubToken?: string;
  };
  audit: AuditEvent[];
  state: RevocationState;
}

export interface RevokeDeps {
  logger: Logger;
  registerSecret(value: string): void;
  now?: () => Date;
  deadlineMs?: number;
}

export type RevocationOutcome = 'revoked' | 'skipped-expired' | 'not-revocable' | 'failed' | 'disabled';

export interface RevocationEntry {
  provider: ProviderName;
  /** How summaries name the provider: "AWS STS". */
  label: string;
  identity: string;
  outcome: RevocationOutcome;
  message: string;
  expiresAt: string;
}

export interface RevokeResult {
  agent: string;
  correlationId: string;
  entries: RevocationEntry[];
  warnings: string[];
  audit: AuditEvent[];
}
