/**
 * The shape every credential provider implements (AWS STS, Vault, and whatever comes next), so
 * that the mint and revoke loops (mint.ts, revoke.ts) stay the same for all of them:
 *
 * 1. `plan`: from the registry entry and the request's inputs, what this provider would do, or
 *    nothing when the agent does not use it; incomplete settings refuse here.
 * 2. `checkFacts` + `prepare`: what the registry/AgentPolicy pre-check must see, then local checks
 *    once the duration is settled (no network, no token): both run before any token is requested.
 * 3. `mint`: the network calls. Every secret goes through `ctx.secret` the moment it arrives; the
 *    state the post step needs goes through `ctx.saveState` the moment a credential exists.
 * 4. `revoke`: from that state alone, in the post step (or `astl revoke`); never throws for a
 *    provider's refusal, it returns a `failed` entry saying how to finish by hand.
 * 5. The summary rows: `ctx.credential` at mint (one row per credential) and the entry `revoke`
 *    returns, both shown under `label`.
 *
 * A new provider is two modules (providers/<name>-revoke.ts implementing `CredentialRevoker`,
 * providers/<name>.ts adding the rest), a line in providers/index.ts and one in
 * providers/revokers.ts, a key in `ProviderStates` and its inputs in `CredentialRequest` (types.ts).
 */
import type { Deadline } from '../core/retry.js';
import type { AgentEntry } from '../registry/registry.js';
import type {
  AuditEvent,
  CredentialRequest,
  IssuedCredential,
  Logger,
  MintResult,
  ProviderName,
  RevocationEntry,
  RunContext,
} from './types.js';

/** What the registry/AgentPolicy pre-check (checkCredentialRequest) must know about one provider. */
export interface ProviderCheckFacts {
  awsRoleArn?: string;
  vaultRole?: string;
  secretPaths?: string[];
  /** True when the mint will read secrets (AgentPolicy `deny: secrets`). */
  readsSecrets?: boolean;
  /** GitHub permissions the token would carry (AgentPolicy `deny: write-access`, `deny: secrets`). */
  githubPermissions?: Record<string, string>;
  githubPermissionsSource?: 'registry' | 'derived';
}

export interface PrepareContext {
  /** The duration every credential gets, settled by the pre-check (seconds). */
  durationSeconds: number;
  /**
   * A path the registry names under `key` (e.g. `credentials.aws.session-policy`), resolved inside
   * the workspace (symlinks followed, never into .git/) as it is opened and shown in errors;
   * throws an AstlError at the registry line otherwise.
   */
  file(path: string, key: string): string;
}

export interface MintContext<State> {
  agent: AgentEntry;
  run: RunContext;
  durationSeconds: number;
  deadline: Deadline;
  /** Environment for SDK conventions (AWS_ENDPOINT_URL_STS, ...). */
  env: Record<string, string | undefined>;
  log: Logger;
  now(): Date;
  /** Run facts (run id, repository, actor, ...) for the detail of `credentials.mint` events. */
  runDetail: Record<string, string>;
  /** The job's OIDC ID token for `audience`: one request per audience, masked on arrival. */
  idToken(audience: string): Promise<string>;
  /** Masks a secret at once (before anything can print it) and lists it in the result's secrets. */
  secret(value: string): void;
  /** Publishes this provider's revocation state now: a failure later still leaves it revocable. */
  saveState(state: State): void;
  /** One summary row of a credential that now exists. */
  credential(row: Omit<IssuedCredential, 'provider' | 'label'>): void;
  /** One audit event (`credentials.mint`, `secrets.read`, ...), kept in this provider's order. */
  audit(action: string, target: string, detail: AuditEvent['detail'], at?: Date): void;
  /** Environment variables for later steps (secret values must have gone through `secret`). */
  exportEnv(vars: Record<string, string>): void;
  output(values: Partial<Omit<MintResult['outputs'], 'agent' | 'correlationId' | 'expiresAt'>>): void;
  secretOutput(values: MintResult['secretOutputs']): void;
  warn(message: string): void;
}

export interface RevokeContext {
  /** The `revoke` input: false records why nothing was revoked. */
  revoke: boolean;
  /** Why the credential must not be sent to its endpoint (revoke-guard.ts): record a failure, send nothing. */
  refusal?: string;
  deadline: Deadline;
  log: Logger;
  now(): Date;
}

/**
 * The part of a provider the post step (and `astl revoke`) needs: everything that works from the
 * saved state alone. It lives in its own module per provider (providers/<name>-revoke.ts), so that
 * the post step loads no minting code (providers/revokers.ts).
 */
export interface CredentialRevoker<State = unknown> {
  /** Its key in the registry's `credentials:`, in the revocation state and in audit records. */
  readonly name: ProviderName;
  /** How summaries name it: "AWS STS". */
  readonly label: string;
  /** The secret values in a saved state (masked before the state is used). */
  stateSecrets(state: State): string[];
  /** The audit `target` of a revocation. */
  revokeTarget(state: State): string;
  revoke(state: State, ctx: RevokeContext): Promise<Omit<RevocationEntry, 'label'>>;
}

export interface CredentialProvider<Plan = unknown, State = unknown> extends CredentialRevoker<State> {
  /**
   * What this provider would do, or undefined when the agent does not use it. Throws an AstlError
   * for incomplete settings; the mint reports it after every registry and AgentPolicy refusal.
   * `env` is the job's environment, for the SDK conventions a setting may fall back to (AWS_REGION).
   */
  plan(
    request: CredentialRequest,
    agent: AgentEntry,
    env?: Record<string, string | undefined>,
  ): Plan | undefined;
  checkFacts(plan: Plan): ProviderCheckFacts;
  prepare?(plan: Plan, ctx: PrepareContext): void;
  mint(plan: Plan, ctx: MintContext<State>): Promise<void>;
}
