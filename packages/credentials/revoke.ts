/**
 * The post step's work: revoke what can be revoked, say plainly what cannot, never fail the job.
 * Each provider revokes its own part of the saved state (Vault: auth/token/revoke-self; AWS: STS
 * sessions cannot be revoked one by one, so it says when the session expires), last minted first.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { AstlError } from '../core/errors.js';
import { Deadline, describeFault } from '../core/retry.js';
import { auditEvent } from './audit.js';
import type { RevokeContext } from './provider.js';
import { type AnyRevoker, defaultRevokers } from './providers/revokers.js';
import type { ProviderName, RevocationEntry, RevocationState, RevokeDeps, RevokeResult } from './types.js';

export const DEFAULT_REVOKE_DEADLINE_MS = 20_000;

export interface RevokeOptions {
  /** The action's `revoke` input: false records why nothing was revoked. */
  revoke: boolean;
  /**
   * Per provider, why its credential must not be sent anywhere (revoke-guard.ts: a state whose
   * endpoint the registry does not name): recorded as failed, no request made.
   */
  refusals?: Partial<Record<ProviderName, string>>;
}

/** The saved state of `provider`, if the main step saved one. */
function stateOf(state: RevocationState, provider: AnyRevoker): unknown {
  return (state as unknown as Record<string, unknown>)[provider.name];
}

/**
 * Every secret in a saved state (the Vault token), for masking before anything else runs. Only
 * non-empty strings count; a provider whose saved state is malformed contributes none (its
 * revocation then fails on its own, see revokeOne) rather than stopping the others.
 */
export function stateSecrets(state: RevocationState, providers: AnyRevoker[] = defaultRevokers()): string[] {
  return providers.flatMap((p) => {
    const s = stateOf(state, p);
    if (s === undefined) return [];
    try {
      return p.stateSecrets(s).filter((v): v is string => typeof v === 'string' && v.length > 0);
    } catch {
      return [];
    }
  });
}

/** One credential a saved state records: it was issued, so the post step must see to it. */
export interface IssuedInState {
  provider: ProviderName;
  /** "AWS STS", "HashiCorp Vault". */
  label: string;
  /** What it reaches, as audit records name it: `aws:<role arn>`, `vault:<url>`. */
  target: string;
}

/**
 * What a mint that failed had really issued, by the providers' saved states (a provider saves
 * its state only once its credential exists). Empty when the failure came before any credential:
 * a refused request, an OIDC token that could not be had, a login that was refused.
 */
export function issuedCredentials(
  state: RevocationState | undefined,
  providers: AnyRevoker[] = defaultRevokers(),
): IssuedInState[] {
  if (!state) return [];
  return providers.flatMap((p) => {
    const saved = stateOf(state, p);
    return saved === undefined ? [] : [{ provider: p.name, label: p.label, target: p.revokeTarget(saved) }];
  });
}

/**
 * One sentence naming what was issued before a failure and how it is revoked (`then`: "the post
 * step revokes it", "'astl revoke --state F' revokes it"); undefined when nothing was issued.
 */
export function issuedBeforeFailure(issued: IssuedInState[], then: string): string | undefined {
  if (issued.length === 0) return undefined;
  const list = issued.map((i) => `${i.label} (${i.target})`).join(' and ');
  return `Issued before the failure: ${list}; ${then}.`;
}

/**
 * Revokes what `state` records, through `providers` (default: every registered provider), in
 * reverse mint order. A provider that fails yields a `failed` entry and a warning, never a throw.
 */
export async function revokeCredentials(
  state: RevocationState,
  deps: RevokeDeps,
  providers: AnyRevoker[] = defaultRevokers(),
  options: RevokeOptions = { revoke: true },
): Promise<RevokeResult> {
  const now = deps.now ?? (() => new Date());
  const deadline = new Deadline(deps.deadlineMs ?? DEFAULT_REVOKE_DEADLINE_MS);
  const log = deps.logger;
  for (const secret of stateSecrets(state, providers)) deps.registerSecret(secret);

  const done: { entry: RevocationEntry; target: string }[] = [];
  for (const provider of [...providers].reverse()) {
    const saved = stateOf(state, provider);
    if (saved === undefined) continue;
    done.push(await revokeOne(provider, saved, { revoke: options.revoke, deadline, log, now }, options));
  }

  const entries = done.map((d) => d.entry);
  const warnings = entries.filter((e) => e.outcome === 'failed').map((e) => e.message);
  const audit = done.map(({ entry: e, target }) =>
    auditEvent({
      agent: state.agent,
      action: 'credentials.revoke',
      target,
      intent: state.purpose,
      policy: state.policy,
      correlationId: state.correlationId,
      now: now(),
      detail: { provider: e.provider, outcome: e.outcome, expires_at: e.expiresAt, message: e.message },
    }),
  );
  return { agent: state.agent, correlationId: state.correlationId, entries, warnings, audit };
}

/**
 * One provider's revocation and its audit target. Whatever goes wrong, a malformed saved state
 * included, becomes a `failed` entry here, so the providers after it are still revoked.
 */
async function revokeOne(
  provider: AnyRevoker,
  saved: unknown,
  ctx: Omit<RevokeContext, 'refusal'>,
  options: RevokeOptions,
): Promise<{ entry: RevocationEntry; target: string }> {
  const refusal = options.refusals?.[provider.name];
  let target = `${provider.name}:unknown`;
  try {
    target = provider.revokeTarget(saved);
    const entry = await provider.revoke(saved, { ...ctx, ...(refusal ? { refusal } : {}) });
    return { entry: { ...entry, label: provider.label }, target };
  } catch (err) {
    // A TypeError here is a saved state of the wrong shape (the runner's state was edited).
    const reason =
      err instanceof AstlError
        ? err.message
        : err instanceof TypeError
          ? `its saved state is not what the main step writes: ${err.message}`
          : describeFault(err);
    const expiresAt = (saved as { expiresAt?: unknown } | null)?.expiresAt;
    return {
      entry: {
        provider: provider.name,
        label: provider.label,
        identity: provider.label,
        outcome: 'failed',
        message: `could not revoke (${reason})`,
        expiresAt: typeof expiresAt === 'string' ? expiresAt : '',
      },
      target,
    };
  }
}

/** Parses saved state; anything unexpected means "nothing to revoke", not a crash. */
export function parseRevocationState(text: string | undefined): RevocationState | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as RevocationState;
    if (v && v.version === 1 && typeof v.agent === 'string' && typeof v.correlationId === 'string') return v;
  } catch {
    // fall through
  }
  return undefined;
}
