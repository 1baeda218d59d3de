/**
 * mintCredentials: from a request to short-lived, masked, recorded credentials.
 *
 * Order matters and is the point of this module:
 * 1. every refusal check (registry, owner, purpose, credential policy, TTL caps, AgentPolicy
 *    restrictions, provider settings) runs BEFORE any token is requested;
 * 2. every secret is handed to `registerSecret` the moment it arrives, before anything is logged;
 * 3. the revocation state is published (`onState`) right after each login, so that a failure
 *    later (a KV read, the deadline) still leaves the post step able to revoke what was issued.
 *
 * The providers (AWS, Vault, ...) are modules of one shape (provider.ts); this loop has no branch
 * for any of them.
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  AstlError,
  AstlErrors,
  Deadline,
  describeFault,
  formatDuration,
  formatLocation,
  RetryExhaustedError,
  resolveWorkspacePath,
  type WorkspaceScope,
} from '../core/index.js';
import { decodeTokenClaims } from '../providers/oidc.js';
import {
  type AgentEntry,
  type AgentPolicy,
  checkCredentialRequest,
  loadAgentPolicies,
  loadRegistry,
  resolveAgent,
} from '../registry/index.js';
import { auditEvent } from './audit.js';
import { type PreflightPlan, preflightChecks } from './preflight.js';
import type { MintContext, ProviderCheckFacts } from './provider.js';
import { type AnyProvider, defaultProviders } from './providers/index.js';
import type {
  AuditEvent,
  CredentialRequest,
  IssuedCredential,
  MintDeps,
  MintResult,
  ProviderName,
  RevocationState,
} from './types.js';

export const DEFAULT_DURATION_SECONDS = 900;
export const DEFAULT_DEADLINE_MS = 60_000;

/** A mint that stopped: the cause (an AstlError for anything a user can fix) and what was done. */
export class MintFailure extends Error {
  constructor(
    readonly error: unknown,
    /** True when refused before any token was requested. */
    readonly refused: boolean,
    readonly correlationId: string,
    readonly audit: AuditEvent[],
    /** What the post step must revoke (a Vault token issued before a KV read failed). */
    readonly state: RevocationState | undefined,
    readonly context: { agent?: string; purpose?: string },
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.name = 'MintFailure';
  }
}

/** A provider the request uses, with its plan. */
interface Planned {
  provider: AnyProvider;
  plan: unknown;
}

/**
 * Mints what the request asks for through `providers` (default: every registered provider).
 * Resolves a MintResult; rejects with MintFailure, whose `refused` says no token was requested
 * and whose `state` is what the post step must still revoke.
 */
export async function mintCredentials(
  request: CredentialRequest,
  deps: MintDeps,
  providers: AnyProvider[] = defaultProviders(),
): Promise<MintResult> {
  const now = deps.now ?? (() => new Date());
  const correlationId = (deps.newCorrelationId ?? randomUUID)();
  const deadline = new Deadline(deps.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const env = deps.env ?? process.env;
  const log = deps.logger;
  const audit: AuditEvent[] = [];
  let state: RevocationState | undefined;
  let tokensRequested = false;
  let agentName = request.agent;
  let purpose = request.purpose;
  let policyLabel = '';

  try {
    // ---- 1. Everything that can refuse, with no network at all. ----
    // Every file named by the request or the registry stays inside the workspace, out of .git/.
    const workspace: WorkspaceScope = {
      root: request.workspaceRoot ?? request.workspace,
      base: request.workspace,
    };
    const registryFile = displayPath(request.configPath, request.workspace);
    const registry = loadRegistry(registryFile, { workspace, use: { setting: 'config' } });
    const agent = resolveAgent(registry, { agent: request.agent, agentType: request.agentType });
    agentName = agent.name;
    const policies: AgentPolicy[] = loadAgentPolicies(displayPath(request.policiesDir, request.workspace), {
      missingOk: true,
      workspace,
      use: { setting: 'policies' },
    });
    // Provider settings that are missing or wrong are reported after every registry and
    // AgentPolicy refusal (owner, credential policy, duration caps, restrictions), never instead.
    const { planned, problems } = planProviders(request, agent, providers, env);
    const names = [...planned.map((p) => p.provider.name), ...problems.map((p) => p.provider)];
    const facts = mergeFacts(planned);
    const durationSeconds = request.durationSeconds ?? DEFAULT_DURATION_SECONDS;
    const checkFor = (environment: string | undefined) =>
      checkCredentialRequest(
        {
          agent,
          purpose: request.purpose,
          durationSeconds,
          providers: names,
          environment,
          ...facts,
          readsSecrets: facts.readsSecrets ?? false,
        },
        policies,
      );
    const refusals: AstlError[] = [];
    let checked: ReturnType<typeof checkFor> | undefined;
    try {
      checked = checkFor(request.run.environment);
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      refusals.push(...(err instanceof AstlErrors ? err.errors : [err]));
    }
    refusals.push(...problems.map((p) => p.error));
    // Transport (https or loopback) and exported env names, before any token.
    let transportWarnings: string[] = [];
    try {
      transportWarnings = preflightChecks(
        request,
        agent,
        Object.fromEntries(planned.map((p) => [p.provider.name, p.plan])) as PreflightPlan,
        env,
      );
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      refusals.push(err);
    }
    if (refusals.length === 1) throw refusals[0]!;
    if (refusals.length > 1) throw new AstlErrors(refusals);
    const check = checked!;
    purpose = check.purpose;
    const intent = check.purpose;
    policyLabel = [
      `${relativeLabel(registryFile, request.workspace)}#${agent.name}`,
      ...check.appliedPolicies,
    ].join(', ');
    for (const { provider, plan } of planned) {
      provider.prepare?.(plan, {
        durationSeconds: check.durationSeconds,
        // Read by its real path, once checked: a link out of the workspace or into .git/ is refused.
        file: (path, key) =>
          displayPath(
            resolveWorkspacePath(path, workspace, {
              what: key.replace(/^.*\./, ''),
              location: agent.keyLocations[key] ?? agent.location,
            }).real,
            request.workspace,
          ),
      });
    }
    const warnings = [...check.warnings, ...transportWarnings];

    log.info(
      `Agent ${agent.name} (type ${agent.type}, owner ${agent.owner}) requests ${names.join(' + ')} credentials for ${formatDuration(check.durationSeconds)}: ${purpose}`,
    );
    log.info(`Correlation id ${correlationId}; policies: ${policyLabel}`);
    deps.onPhase?.('checked');

    // ---- 2. Tokens and credentials: every provider side by side. ----
    const idTokens = new Map<string, Promise<string>>();
    // `provider` only names whose token variable an error should point at (GitLab mints one each).
    const fetchIdToken = async (audience: string, provider: ProviderName): Promise<string> => {
      const token = await deps.getIdToken(audience, deadline, provider);
      deps.registerSecret(token);
      deps.onPhase?.('token');
      // The job's real environment is in the signed token; re-check restrictions against it.
      const claims = decodeTokenClaims(token);
      const tokenEnv = typeof claims?.environment === 'string' ? claims.environment : undefined;
      if (tokenEnv && tokenEnv !== request.run.environment) checkFor(tokenEnv);
      return token;
    };
    const idToken = (audience: string, provider: ProviderName): Promise<string> => {
      tokensRequested = true;
      let pending = idTokens.get(audience);
      if (!pending) {
        pending = fetchIdToken(audience, provider);
        idTokens.set(audience, pending);
      }
      return pending;
    };

    const exported: Record<string, string> = {};
    const secrets: string[] = [];
    const secretOutputs: MintResult['secretOutputs'] = {};
    const outputs: MintResult['outputs'] = { agent: agent.name, correlationId, expiresAt: '' };
    const st: RevocationState = {
      version: 1,
      agent: agent.name,
      correlationId,
      auditLevel: agent.auditLevel,
      purpose: intent,
      policy: policyLabel,
    };
    state = st;
    const runDetail = runDetailOf(request);

    // From here providers send credentials (an ID token, or GitHub's App JWT, which needs none),
    // so a failure is no longer a refusal "before any token was requested".
    tokensRequested = true;
    // Each provider keeps its own audit events and credentials, so the record's order is stable.
    const flows = planned.map(({ provider, plan }) => {
      const events: AuditEvent[] = [];
      const rows: IssuedCredential[] = [];
      const ctx: MintContext<unknown> = {
        agent,
        run: request.run,
        durationSeconds: check.durationSeconds,
        deadline,
        env,
        log,
        now,
        runDetail,
        idToken: (audience) => idToken(audience, provider.name),
        secret: (value) => {
          deps.registerSecret(value);
          secrets.push(value);
        },
        saveState: (providerState) => {
          (st as unknown as Record<string, unknown>)[provider.name] = providerState;
          deps.onState?.(st);
        },
        credential: (row) => rows.push({ provider: provider.name, label: provider.label, ...row }),
        audit: (action, target, detail, at) =>
          events.push(
            auditEvent({
              agent: agent.name,
              action,
              target,
              intent,
              policy: policyLabel,
              correlationId,
              now: at ?? now(),
              ...(detail ? { detail } : {}),
            }),
          ),
        exportEnv: (vars) => Object.assign(exported, vars),
        output: (values) => Object.assign(outputs, values),
        secretOutput: (values) => Object.assign(secretOutputs, values),
        warn: (message) => warnings.push(message),
      };
      return { events, rows, run: provider.mint(plan, ctx) };
    });
    const settled = await Promise.allSettled(flows.map((f) => f.run));
    for (const f of flows) audit.push(...f.events);
    // Every flow has settled, so whatever one issued is in the state before another's error
    // is thrown (the post step revokes it).
    for (const f of settled) if (f.status === 'rejected') throw f.reason;
    const credentials = flows.flatMap((f) => f.rows);
    deps.onPhase?.('minted');

    outputs.expiresAt = credentials
      .map((c) => c.expiresAt)
      .sort()
      .at(0)!;
    return {
      agent: agent.name,
      owner: agent.owner ?? '',
      type: agent.type,
      purpose,
      correlationId,
      auditLevel: agent.auditLevel,
      appliedPolicies: [
        `${relativeLabel(registryFile, request.workspace)}#${agent.name}`,
        ...check.appliedPolicies,
      ],
      warnings,
      credentials,
      env: exported,
      secrets,
      outputs,
      secretOutputs,
      audit,
      state,
    };
  } catch (err) {
    const error = toUserError(err, deadline);
    audit.push(
      auditEvent({
        agent: agentName ?? request.agentType ?? '(unknown)',
        action: tokensRequested ? 'credentials.failed' : 'credentials.refused',
        target: request.configPath,
        intent: purpose ?? '',
        // For a refusal, the rule that refused: the registry or policy line it points at.
        policy: error instanceof AstlError && error.location ? formatLocation(error.location) : policyLabel,
        correlationId,
        now: now(),
        detail: {
          code: error instanceof AstlError ? error.code : 'INTERNAL',
          reason: errorMessage(error),
        },
      }),
    );
    throw new MintFailure(error, !tokensRequested, correlationId, audit, state, {
      agent: agentName,
      purpose,
    });
  }
}

/**
 * The providers this request uses, each with its plan, and the settings problems of those whose
 * plan was refused (reported after the registry and policy refusals); none at all is a refusal.
 */
function planProviders(
  request: CredentialRequest,
  agent: AgentEntry,
  providers: AnyProvider[],
  env: Record<string, string | undefined>,
): { planned: Planned[]; problems: { provider: ProviderName; error: AstlError }[] } {
  const planned: Planned[] = [];
  const problems: { provider: ProviderName; error: AstlError }[] = [];
  for (const provider of providers) {
    try {
      const plan = provider.plan(request, agent, env);
      if (plan !== undefined) planned.push({ provider, plan });
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      problems.push({ provider: provider.name, error: err });
    }
  }
  if (planned.length === 0 && problems.length === 0) {
    const labels = providers.map((p) => p.label).join(' or ');
    const keys = providers.map((p) => `credentials.${p.name}`).join(', ');
    throw new AstlError(`agent '${agent.name}' has no ${labels} settings, so there is nothing to mint`, {
      code: 'NO_PROVIDER',
      location: agent.location,
      hint: (s) =>
        `add one or more of ${keys} to the agent's registry entry (or set the provider on the request: ${s.name('aws-role-arn')} and ${s.name('aws-region')}, or ${s.name('vault-url')} and ${s.name('vault-role')}, or ${s.name('github-app-id')})`,
      fix: `  - name: ${agent.name}\n    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/${agent.name}\n        region: us-east-1`,
    });
  }
  return { planned, problems };
}

/** The pre-check facts of every planned provider in one object (secret paths of all of them). */
function mergeFacts(planned: Planned[]): ProviderCheckFacts {
  const facts: ProviderCheckFacts = {};
  for (const { provider, plan } of planned) {
    const f = provider.checkFacts(plan);
    const secretPaths =
      facts.secretPaths || f.secretPaths
        ? [...(facts.secretPaths ?? []), ...(f.secretPaths ?? [])]
        : undefined;
    Object.assign(facts, {
      ...f,
      readsSecrets: Boolean(facts.readsSecrets || f.readsSecrets),
      ...(secretPaths ? { secretPaths } : {}),
    });
  }
  return facts;
}

function absolute(path: string, workspace: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}

/**
 * The path to open, written relative to the working directory when it lies inside it, so that
 * errors say `agent-config.yaml:12`, not a runner's absolute temp path.
 */
function displayPath(path: string, workspace: string): string {
  const full = absolute(path, workspace);
  const rel = relative(process.cwd(), full);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : full;
}

function relativeLabel(file: string, workspace: string): string {
  const ws = workspace.endsWith('/') ? workspace : `${workspace}/`;
  return file.startsWith(ws) ? file.slice(ws.length) : file;
}

function runDetailOf(request: CredentialRequest): Record<string, string> {
  const r = request.run;
  const d: Record<string, string> = { run_id: r.runId };
  if (r.runAttempt) d.run_attempt = r.runAttempt;
  if (r.repository) d.repository = r.repository;
  if (r.workflow) d.workflow = r.workflow;
  if (r.job) d.job = r.job;
  if (r.actor) d.actor = r.actor;
  if (r.sha) d.sha = r.sha;
  if (r.ref) d.ref = r.ref;
  if (r.environment) d.environment = r.environment;
  if (r.platform) d.platform = r.platform;
  return d;
}

function errorMessage(err: unknown): string {
  if (err instanceof AstlError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Deadline and retry exhaustion become user errors with a specific message; bugs pass through. */
function toUserError(err: unknown, deadline: Deadline): unknown {
  if (err instanceof AstlError) return err;
  if (err instanceof RetryExhaustedError) {
    return new AstlError(err.message, {
      code: err.deadlineHit ? 'DEADLINE_EXCEEDED' : 'RETRIES_EXHAUSTED',
      hint: err.deadlineHit
        ? `the endpoint did not answer within the overall deadline of ${Math.round(deadline.totalMs / 1000)}s; check that it is reachable from the runner (ASTL_DEADLINE_SECONDS raises the deadline)`
        : 'the endpoint kept failing with retryable errors; check its health and retry the job',
      cause: err,
    });
  }
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new AstlError(
      `a request did not finish within the ${Math.round(deadline.totalMs / 1000)}s deadline: ${describeFault(err)}`,
      {
        code: 'DEADLINE_EXCEEDED',
        hint: 'check that the endpoint is reachable from the runner (ASTL_DEADLINE_SECONDS raises the deadline)',
        cause: err,
      },
    );
  }
  return err;
}
