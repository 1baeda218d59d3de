/**
 * mintCredentials: from a request to short-lived, masked, recorded credentials.
 *
 * Order matters and is the point of this module:
 * 1. every refusal check (registry, owner, purpose, credential policy, TTL caps, AgentPolicy
 *    restrictions, provider settings) runs BEFORE any token is requested;
 * 2. every secret is handed to `registerSecret` the moment it arrives, before anything is logged;
 * 3. the revocation state is published (`onState`) right after each login, so that a failure
 *    later (a KV read, the deadline) still leaves the post step able to revoke what was issued.
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  AstlError,
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
import type { ProviderBackends } from './backends.js';
import { preflightChecks } from './preflight.js';
import type {
  AuditEvent,
  CredentialRequest,
  IssuedCredential,
  MintDeps,
  MintResult,
  ProviderName,
  RevocationState,
  VaultSecretRead,
} from './types.js';

export const DEFAULT_DURATION_SECONDS = 900;
export const DEFAULT_DEADLINE_MS = 60_000;
export const DEFAULT_AWS_AUDIENCE = 'sts.amazonaws.com';
/** STS refuses AssumeRoleWithWebIdentity shorter than 15 minutes. */
export const STS_MIN_DURATION_SECONDS = 900;
export const STS_MAX_DURATION_SECONDS = 43_200;

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

interface AwsPlan {
  roleArn: string;
  region: string;
  audience: string;
  sessionPolicy?: string;
  sessionPolicyPath?: string;
}

interface VaultPlan {
  url: string;
  role: string;
  authPath: string;
  namespace?: string;
  audience: string;
  secrets: VaultSecretRead[];
}

export async function mintCredentials(
  request: CredentialRequest,
  deps: MintDeps,
  backends: ProviderBackends,
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
    const registry = loadRegistry(registryFile, { workspace, use: { what: 'config' } });
    const agent = resolveAgent(registry, { agent: request.agent, agentType: request.agentType });
    agentName = agent.name;
    const policies: AgentPolicy[] = loadAgentPolicies(displayPath(request.policiesDir, request.workspace), {
      missingOk: true,
      workspace,
      use: { what: 'policies' },
    });
    const providers = planProviders(request, agent);
    const transportWarnings = preflightChecks(request, agent, providers, env);
    const durationSeconds = request.durationSeconds ?? DEFAULT_DURATION_SECONDS;
    const checkFor = (environment: string | undefined) =>
      checkCredentialRequest(
        {
          agent,
          purpose: request.purpose,
          durationSeconds,
          providers: providerNames(providers),
          readsSecrets: (providers.vault?.secrets.length ?? 0) > 0,
          environment,
          ...(providers.aws ? { awsRoleArn: providers.aws.roleArn } : {}),
          ...(providers.vault
            ? { vaultRole: providers.vault.role, secretPaths: providers.vault.secrets.map((s) => s.path) }
            : {}),
        },
        policies,
      );
    const check = checkFor(request.run.environment);
    purpose = check.purpose;
    const intent = check.purpose;
    policyLabel = [
      `${relativeLabel(registryFile, request.workspace)}#${agent.name}`,
      ...check.appliedPolicies,
    ].join(', ');
    if (providers.aws) checkStsDuration(check.durationSeconds);
    if (providers.aws?.sessionPolicyPath) {
      // Loaded on demand: the AWS provider module brings the SDK with it.
      const { readSessionPolicy } = await import('../providers/aws.js');
      // Read by its real path, once checked: a link out of the workspace or into .git/ is refused.
      const checked = resolveWorkspacePath(providers.aws.sessionPolicyPath, workspace, {
        what: 'session-policy',
        location: agent.keyLocations['credentials.aws.session-policy'] ?? agent.location,
      });
      providers.aws.sessionPolicy = readSessionPolicy(displayPath(checked.real, request.workspace));
    }
    const warnings = [...check.warnings, ...transportWarnings];

    log.info(
      `Agent ${agent.name} (type ${agent.type}, owner ${agent.owner}) requests ${providerNames(providers).join(' + ')} credentials for ${formatDuration(check.durationSeconds)}: ${purpose}`,
    );
    log.info(`Correlation id ${correlationId}; policies: ${policyLabel}`);

    // ---- 2. Tokens and credentials: AWS and Vault side by side. ----
    // Provider code loads while the first token request is in flight.
    backends.preload?.(providerNames(providers));
    const idTokens = new Map<string, Promise<string>>();
    const fetchIdToken = async (audience: string): Promise<string> => {
      const token = await deps.getIdToken(audience, deadline);
      deps.registerSecret(token);
      // The job's real environment is in the signed token; re-check restrictions against it.
      const claims = decodeTokenClaims(token);
      const tokenEnv = typeof claims?.environment === 'string' ? claims.environment : undefined;
      if (tokenEnv && tokenEnv !== request.run.environment) checkFor(tokenEnv);
      return token;
    };
    const idTokenFor = (audience: string): Promise<string> => {
      tokensRequested = true;
      let pending = idTokens.get(audience);
      if (!pending) {
        pending = fetchIdToken(audience);
        idTokens.set(audience, pending);
      }
      return pending;
    };

    const credentials: IssuedCredential[] = [];
    const exported: Record<string, string> = {};
    const secrets: string[] = [];
    const secretOutputs: MintResult['secretOutputs'] = {};
    const outputs: MintResult['outputs'] = { agent: agent.name, correlationId, expiresAt: '' };
    const keep = (value: string) => {
      deps.registerSecret(value);
      secrets.push(value);
    };
    const st: RevocationState = {
      version: 1,
      agent: agent.name,
      correlationId,
      auditLevel: agent.auditLevel,
      purpose: intent,
      policy: policyLabel,
    };
    state = st;
    const baseDetail = runDetail(request);

    // Each flow keeps its own audit events and credentials, so the record's order is stable.
    const awsAudit: AuditEvent[] = [];
    const awsCredentials: IssuedCredential[] = [];
    const awsFlow = async (p: AwsPlan): Promise<void> => {
      const jwt = await idTokenFor(p.audience);
      // Refusals come back diagnosed (token claims beside the request) from the provider.
      const session = await backends.assumeRole({
        roleArn: p.roleArn,
        region: p.region,
        audience: p.audience,
        agent: agent.name,
        runId: request.run.runId,
        ...(request.run.runAttempt ? { runAttempt: request.run.runAttempt } : {}),
        durationSeconds: check.durationSeconds,
        webIdentityToken: jwt,
        sessionPolicy: p.sessionPolicy,
        ...(p.sessionPolicyPath ? { sessionPolicyFile: p.sessionPolicyPath } : {}),
        deadline,
        env,
      });
      const sessionName = session.sessionName;
      keep(session.accessKeyId);
      keep(session.secretAccessKey);
      keep(session.sessionToken);
      const expiresAt = session.expiration.toISOString();
      // An STS session expires exactly DurationSeconds after it is issued.
      const ttlSeconds = check.durationSeconds;
      const issuedAt = new Date(session.expiration.getTime() - ttlSeconds * 1000);
      const identity = session.assumedRoleArn ?? assumedRoleArnFor(p.roleArn, sessionName);
      awsCredentials.push({
        provider: 'aws',
        identity,
        details: {
          role: p.roleArn,
          'session name': sessionName,
          region: p.region,
          ...(p.sessionPolicyPath ? { 'session policy': p.sessionPolicyPath } : {}),
        },
        issuedAt: issuedAt.toISOString(),
        expiresAt,
        ttlSeconds,
      });
      Object.assign(exported, {
        AWS_ACCESS_KEY_ID: session.accessKeyId,
        AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
        AWS_SESSION_TOKEN: session.sessionToken,
        AWS_REGION: p.region,
        AWS_DEFAULT_REGION: p.region,
      });
      Object.assign(secretOutputs, {
        awsAccessKeyId: session.accessKeyId,
        awsSecretAccessKey: session.secretAccessKey,
        awsSessionToken: session.sessionToken,
      });
      outputs.awsSessionName = sessionName;
      st.aws = { sessionName, roleArn: p.roleArn, expiresAt };
      deps.onState?.(st);
      awsAudit.push(
        auditEvent({
          agent: agent.name,
          action: 'credentials.mint',
          target: `aws:${p.roleArn}`,
          intent,
          policy: policyLabel,
          correlationId,
          now: issuedAt,
          detail: {
            provider: 'aws',
            identity,
            session_name: sessionName,
            region: p.region,
            issued_at: issuedAt.toISOString(),
            expires_at: expiresAt,
            ttl_seconds: ttlSeconds,
            ...baseDetail,
          },
        }),
      );
      log.info(`AWS: assumed ${p.roleArn} as session ${sessionName}, expires ${expiresAt}`);
    };

    const vaultAudit: AuditEvent[] = [];
    const vaultCredentials: IssuedCredential[] = [];
    const vaultFlow = async (p: VaultPlan): Promise<void> => {
      const jwt = await idTokenFor(p.audience);
      const issuedAt = now();
      const login = await backends.vaultLogin({
        url: p.url,
        namespace: p.namespace,
        authPath: p.authPath,
        role: p.role,
        audience: p.audience,
        jwt,
        deadline,
      });
      deps.registerSecret(login.clientToken);
      const expiresAtDate = new Date(issuedAt.getTime() + login.leaseDurationSeconds * 1000);
      const expiresAt = expiresAtDate.toISOString();
      // Published before any further call: a failed KV read below must not orphan this token.
      st.vault = {
        url: p.url,
        ...(p.namespace ? { namespace: p.namespace } : {}),
        token: login.clientToken,
        ...(login.accessor ? { accessor: login.accessor } : {}),
        expiresAt,
        partial: true,
      };
      deps.onState?.(st);
      secrets.push(login.clientToken);
      const loginTarget = `vault:${p.url}/v1/auth/${p.authPath}/role/${p.role}`;
      vaultAudit.push(
        auditEvent({
          agent: agent.name,
          action: 'credentials.mint',
          target: loginTarget,
          intent,
          policy: policyLabel,
          correlationId,
          now: issuedAt,
          detail: {
            provider: 'vault',
            identity: `${p.role}${login.entityId ? ` (entity ${login.entityId})` : ''}`,
            ...(login.accessor ? { accessor: login.accessor } : {}),
            vault_policies: login.policies.join(','),
            issued_at: issuedAt.toISOString(),
            expires_at: expiresAt,
            ttl_seconds: login.leaseDurationSeconds,
            ...baseDetail,
          },
        }),
      );
      log.info(
        `Vault: logged in to ${p.url} as role ${p.role} (policies ${login.policies.join(', ') || 'none'}), token expires ${expiresAt}`,
      );
      if (login.leaseDurationSeconds > check.durationSeconds) {
        warnings.push(
          `Vault role '${p.role}' issues tokens for ${formatDuration(login.leaseDurationSeconds)}, longer than the requested ${formatDuration(check.durationSeconds)}; the post step revokes the token when the job ends (set token_ttl on the role to match)`,
        );
      }

      // KV reads in parallel; each value is masked before anything about it is logged.
      const reads = await Promise.allSettled(
        p.secrets.map((read) =>
          backends.readSecret({
            url: p.url,
            namespace: p.namespace,
            token: login.clientToken,
            path: read.path,
            key: read.key,
            deadline,
          }),
        ),
      );
      let readFailure: PromiseRejectedResult | undefined;
      reads.forEach((r, i) => {
        const read = p.secrets[i]!;
        const target = `vault:${p.url}/v1/${read.path}#${read.key}`;
        if (r.status === 'rejected') {
          readFailure ??= r;
          vaultAudit.push(
            auditEvent({
              agent: agent.name,
              action: 'secrets.read.failed',
              target,
              intent,
              policy: policyLabel,
              correlationId,
              now: now(),
              detail: { env: read.env, reason: errorMessage(r.reason) },
            }),
          );
          return;
        }
        keep(r.value);
        exported[read.env] = r.value;
        vaultAudit.push(
          auditEvent({
            agent: agent.name,
            action: 'secrets.read',
            target,
            intent,
            policy: policyLabel,
            correlationId,
            now: now(),
            detail: { env: read.env },
          }),
        );
        log.info(`Vault: read ${read.path} key ${read.key} into ${read.env}`);
      });
      if (readFailure) throw readFailure.reason;
      st.vault.partial = false;
      deps.onState?.(st);

      vaultCredentials.push({
        provider: 'vault',
        identity: `${p.role} @ ${p.url}${p.namespace ? ` (namespace ${p.namespace})` : ''}`,
        details: {
          ...(login.accessor ? { accessor: login.accessor } : {}),
          policies: login.policies.join(', ') || 'none',
          ...(p.secrets.length > 0 ? { 'secrets read': p.secrets.map((s) => s.env).join(', ') } : {}),
        },
        issuedAt: issuedAt.toISOString(),
        expiresAt,
        ttlSeconds: login.leaseDurationSeconds,
      });
      Object.assign(exported, {
        VAULT_ADDR: p.url,
        VAULT_TOKEN: login.clientToken,
        ...(p.namespace ? { VAULT_NAMESPACE: p.namespace } : {}),
      });
      secretOutputs.vaultToken = login.clientToken;
      if (login.accessor) outputs.vaultTokenAccessor = login.accessor;
    };

    const flows = await Promise.allSettled([
      providers.aws ? awsFlow(providers.aws) : undefined,
      providers.vault ? vaultFlow(providers.vault) : undefined,
    ]);
    audit.push(...awsAudit, ...vaultAudit);
    // Both flows have settled, so whatever one issued is in the state before the other's error
    // is thrown (the post step revokes it).
    for (const f of flows) if (f.status === 'rejected') throw f.reason;
    credentials.push(...awsCredentials, ...vaultCredentials);

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
        policy:
          error instanceof AstlError && error.location && !error.location.file.startsWith('input ')
            ? formatLocation(error.location)
            : policyLabel,
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

function providerNames(p: { aws?: AwsPlan; vault?: VaultPlan }): ProviderName[] {
  return [...(p.aws ? (['aws'] as const) : []), ...(p.vault ? (['vault'] as const) : [])];
}

/** Which providers this request uses: inputs override the registry, field by field. */
function planProviders(request: CredentialRequest, agent: AgentEntry): { aws?: AwsPlan; vault?: VaultPlan } {
  const out: { aws?: AwsPlan; vault?: VaultPlan } = {};
  const regAws = agent.credentials.aws;
  const roleArn = request.aws?.roleArn ?? regAws?.roleArn;
  if (roleArn) {
    // The ARN is already validated: the input by inputs.ts, the registry by its schema.
    const region = request.aws?.region ?? regAws?.region;
    if (!region) {
      throw new AstlError(`agent '${agent.name}' has an AWS role but no region`, {
        code: 'AWS_REGION_MISSING',
        hint: "set the region in the registry or the 'aws-region' input",
        fix: `credentials:\n  aws:\n    role-arn: ${roleArn}\n    region: us-east-1`,
      });
    }
    out.aws = {
      roleArn,
      region,
      audience: request.aws?.audience ?? regAws?.audience ?? DEFAULT_AWS_AUDIENCE,
      // A scope-down only narrows, so it applies even when the role comes from an input.
      ...(regAws?.sessionPolicyPath ? { sessionPolicyPath: regAws.sessionPolicyPath } : {}),
    };
  }
  const regVault = agent.credentials.vault;
  const url = request.vault?.url ?? regVault?.url;
  const role = request.vault?.role ?? regVault?.role;
  const extraSecrets = request.vault?.secrets ?? [];
  if (url || role || extraSecrets.length > 0) {
    if (!url || !role) {
      const missing = !url ? 'url' : 'role';
      throw new AstlError(`agent '${agent.name}' has Vault settings without a ${missing}`, {
        code: 'VAULT_SETTINGS_INCOMPLETE',
        hint: `set credentials.vault.${missing} in the registry or the 'vault-${missing}' input`,
        fix: `credentials:\n  vault:\n    url: ${url ?? 'https://vault.example.com:8200'}\n    role: ${role ?? agent.name}`,
      });
    }
    const secrets = [...(regVault?.secrets ?? [])];
    for (const s of extraSecrets) {
      const i = secrets.findIndex((r) => r.env === s.env);
      if (i >= 0) secrets[i] = s;
      else secrets.push(s);
    }
    out.vault = {
      url: url.replace(/\/+$/, ''),
      role,
      authPath: (request.vault?.authPath ?? regVault?.authPath ?? 'jwt').replace(/^\/+|\/+$/g, ''),
      audience: request.vault?.audience ?? regVault?.audience ?? url.replace(/\/+$/, ''),
      secrets,
      ...((request.vault?.namespace ?? regVault?.namespace)
        ? { namespace: request.vault?.namespace ?? regVault?.namespace }
        : {}),
    };
  }
  if (!out.aws && !out.vault) {
    throw new AstlError(`agent '${agent.name}' has no AWS or Vault settings, so there is nothing to mint`, {
      code: 'NO_PROVIDER',
      location: agent.location,
      hint: "add credentials.aws and/or credentials.vault to the agent's registry entry (or pass aws-role-arn / vault-url and vault-role)",
      fix: `  - name: ${agent.name}\n    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/${agent.name}\n        region: us-east-1`,
    });
  }
  return out;
}

function checkStsDuration(seconds: number): void {
  if (seconds < STS_MIN_DURATION_SECONDS) {
    throw new AstlError(`duration ${formatDuration(seconds)} is shorter than AWS STS allows (15m)`, {
      code: 'DURATION_TOO_SHORT',
      location: { file: "input 'duration'" },
      hint: 'AssumeRoleWithWebIdentity sessions last at least 15 minutes; the post step ends the job’s use of them',
      fix: 'duration: 15m',
    });
  }
  if (seconds > STS_MAX_DURATION_SECONDS) {
    throw new AstlError(`duration ${formatDuration(seconds)} is longer than AWS STS allows (12h)`, {
      code: 'DURATION_TOO_LONG',
      location: { file: "input 'duration'" },
      hint: 'ask for less; the role’s MaxSessionDuration caps it too',
      fix: 'duration: 1h',
    });
  }
}

function assumedRoleArnFor(roleArn: string, sessionName: string): string {
  const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m ? `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${sessionName}` : `${roleArn} (${sessionName})`;
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

function runDetail(request: CredentialRequest): Record<string, string> {
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
