export const id = 372;
export const ids = [372];
export const modules = {

/***/ 6372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MintFailure: () => (/* reexport */ MintFailure),
  applyAuditLevel: () => (/* reexport */ applyAuditLevel),
  createProviderBackends: () => (/* reexport */ createProviderBackends),
  githubIdTokenSource: () => (/* reexport */ githubIdTokenSource),
  mintCredentials: () => (/* reexport */ mintCredentials),
  parseRevocationState: () => (/* reexport */ parseRevocationState),
  revokeCredentials: () => (/* reexport */ revokeCredentials),
  toJsonLines: () => (/* reexport */ toJsonLines)
});

// UNUSED EXPORTS: AUDIT_FILE_NAME, DEFAULT_AWS_AUDIENCE, DEFAULT_DEADLINE_MS, DEFAULT_DURATION_SECONDS, DEFAULT_REVOKE_DEADLINE_MS, STS_MAX_DURATION_SECONDS, STS_MIN_DURATION_SECONDS, auditEvent, cell, createRevokeBackend, envIdTokenSource, renderFailureSummary, renderMintSummary, renderRevokeSummary

;// CONCATENATED MODULE: ./packages/credentials/audit.ts
const AUDIT_FILE_NAME = 'astl-audit.jsonl';
function auditEvent(i) {
    const event = {
        timestamp: i.now.toISOString(),
        agent: i.agent,
        action: i.action,
        target: i.target,
        intent: i.intent,
        policy: i.policy,
        correlation_id: i.correlationId,
    };
    if (i.detail && Object.keys(i.detail).length > 0)
        event.detail = i.detail;
    return event;
}
/** The events the agent's audit level keeps. */
function applyAuditLevel(events, level) {
    return events.flatMap((e) => {
        if (e.action === 'credentials.refused')
            return [e];
        if (level === 'none')
            return [];
        if (level === 'minimal') {
            const { detail: _dropped, ...rest } = e;
            return [rest];
        }
        return [e];
    });
}
/** One JSON object a line, newline-terminated (JSON Lines). */
function toJsonLines(events) {
    return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
// EXTERNAL MODULE: ./packages/providers/oidc.ts + 5 modules
var oidc = __webpack_require__(967);
;// CONCATENATED MODULE: ./packages/credentials/id-token.ts
/**
 * Where OIDC ID tokens come from. On GitHub the runner mints one per audience
 * (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN); on GitLab the job's `id_tokens:` put a token with a
 * fixed audience in an environment variable.
 */


/** The GitHub Actions runner's token endpoint. */
function githubIdTokenSource(env) {
    return (audience, deadline) => (0,oidc/* requestGitHubIdToken */.zl)({
        requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        audience,
        deadline,
    });
}
/**
 * A token from an environment variable (GitLab `id_tokens`). The audience is fixed when the
 * token is minted, so the caller's audience is only used in the error when the variable is unset.
 */
function envIdTokenSource(variable, env) {
    return async (audience) => {
        const token = env[variable]?.trim();
        if (!token) {
            throw new AstlError(`the ID token variable ${variable} is not set`, {
                code: 'OIDC_NOT_AVAILABLE',
                hint: `declare it in the job's id_tokens with the audience the provider expects (${audience})`,
                fix: `id_tokens:\n  ${variable}:\n    aud: ${audience}`,
            });
        }
        return token;
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/registry/index.ts + 1 modules
var packages_registry = __webpack_require__(3268);
// EXTERNAL MODULE: ./packages/core/env-names.ts
var env_names = __webpack_require__(3362);
// EXTERNAL MODULE: ./packages/core/transport.ts
var transport = __webpack_require__(2873);
;// CONCATENATED MODULE: ./packages/credentials/preflight.ts
/**
 * Checks of a credentials plan that need no network and run before any token is requested:
 * every endpoint a credential is sent to passes core/transport (https, or http to loopback, or
 * an explicit opt-in), and every environment variable name a secret is exported under passes
 * core/env-names. The front ends check their own inputs first (in their own terms); this is the
 * engine's backstop, so that no front end can skip it, and it names the registry line when the
 * value came from the registry.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).


/** The transport opt-in of a request, with the default wording of the action's input. */
function transportOptions(request) {
    return {
        allowInsecure: request.transport?.allowInsecureHttp === true,
        optIn: request.transport?.optIn ?? 'allow-insecure-http: true',
    };
}
/**
 * Throws the first problem (an AstlError located at the registry line or the input); returns
 * warnings for plain-http endpoints the user explicitly allowed.
 */
function preflightChecks(request, agent, plan, env) {
    const warnings = [];
    const { allowInsecure, optIn } = transportOptions(request);
    const endpoint = (url, what, sends, location) => {
        const checked = (0,transport/* checkCredentialTransport */.tD)(url, {
            what,
            allowInsecure,
            optIn,
            sends,
            ...(location ? { location } : {}),
        });
        if (checked.insecure) {
            warnings.push(`${what} ${checked.url.origin} uses plain http (allowed by the opt-in): ${sends} cross the network unencrypted`);
        }
    };
    if (plan.vault) {
        const fromInput = request.vault?.url !== undefined;
        endpoint(plan.vault.url, fromInput ? 'vault-url' : 'credentials.vault.url', 'the OIDC token and the Vault token', fromInput ? undefined : agent.keyLocations['credentials.vault.url']);
        const problem = plan.vault.secrets
            .map((s) => (0,env_names/* checkEnvName */.$n)(s.env, { location: secretLocation(agent, request, s), prefix: 'secret env ' }))
            .find((e) => e !== undefined);
        if (problem)
            throw problem;
    }
    if (plan.aws) {
        // The AWS SDK's endpoint conventions: the service-specific variable wins over the global one.
        const name = env.AWS_ENDPOINT_URL_STS
            ? 'AWS_ENDPOINT_URL_STS'
            : env.AWS_ENDPOINT_URL
                ? 'AWS_ENDPOINT_URL'
                : '';
        if (name)
            endpoint(env[name], name, 'the OIDC token and the AWS session keys');
    }
    return warnings;
}
/** Where a secret read was written: its registry line, else the `vault-secrets` input. */
function secretLocation(agent, request, read) {
    if (request.vault?.secrets?.some((s) => s.env === read.env))
        return { file: "input 'vault-secrets'" };
    const i = agent.credentials.vault?.secrets.findIndex((s) => s.env === read.env) ?? -1;
    return agent.keyLocations[`credentials.vault.secrets[${i}]`] ?? agent.location;
}

;// CONCATENATED MODULE: ./packages/credentials/mint.ts
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







const DEFAULT_DURATION_SECONDS = 900;
const DEFAULT_DEADLINE_MS = 60_000;
const DEFAULT_AWS_AUDIENCE = 'sts.amazonaws.com';
/** STS refuses AssumeRoleWithWebIdentity shorter than 15 minutes. */
const STS_MIN_DURATION_SECONDS = 900;
const STS_MAX_DURATION_SECONDS = 43_200;
/** A mint that stopped: the cause (an AstlError for anything a user can fix) and what was done. */
class MintFailure extends Error {
    error;
    refused;
    correlationId;
    audit;
    state;
    context;
    constructor(error, 
    /** True when refused before any token was requested. */
    refused, correlationId, audit, 
    /** What the post step must revoke (a Vault token issued before a KV read failed). */
    state, context) {
        super(error instanceof Error ? error.message : String(error), { cause: error });
        this.error = error;
        this.refused = refused;
        this.correlationId = correlationId;
        this.audit = audit;
        this.state = state;
        this.context = context;
        this.name = 'MintFailure';
    }
}
async function mintCredentials(request, deps, backends) {
    const now = deps.now ?? (() => new Date());
    const correlationId = (deps.newCorrelationId ?? external_node_crypto_.randomUUID)();
    const deadline = new core/* Deadline */.B2(deps.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const env = deps.env ?? process.env;
    const log = deps.logger;
    const audit = [];
    let state;
    let tokensRequested = false;
    let agentName = request.agent;
    let purpose = request.purpose;
    let policyLabel = '';
    try {
        // ---- 1. Everything that can refuse, with no network at all. ----
        // Every file named by the request or the registry stays inside the workspace, out of .git/.
        const workspace = {
            root: request.workspaceRoot ?? request.workspace,
            base: request.workspace,
        };
        const registryFile = displayPath(request.configPath, request.workspace);
        const registry = (0,packages_registry/* loadRegistry */.Ag)(registryFile, { workspace, use: { what: 'config' } });
        const agent = (0,packages_registry/* resolveAgent */.cT)(registry, { agent: request.agent, agentType: request.agentType });
        agentName = agent.name;
        const policies = (0,packages_registry/* loadAgentPolicies */.gN)(displayPath(request.policiesDir, request.workspace), {
            missingOk: true,
            workspace,
            use: { what: 'policies' },
        });
        const providers = planProviders(request, agent);
        const transportWarnings = preflightChecks(request, agent, providers, env);
        const durationSeconds = request.durationSeconds ?? DEFAULT_DURATION_SECONDS;
        const checkFor = (environment) => (0,packages_registry/* checkCredentialRequest */.Hm)({
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
        }, policies);
        const check = checkFor(request.run.environment);
        purpose = check.purpose;
        const intent = check.purpose;
        policyLabel = [
            `${relativeLabel(registryFile, request.workspace)}#${agent.name}`,
            ...check.appliedPolicies,
        ].join(', ');
        if (providers.aws)
            checkStsDuration(check.durationSeconds);
        if (providers.aws?.sessionPolicyPath) {
            // Loaded on demand: the AWS provider module brings the SDK with it.
            const { readSessionPolicy } = await Promise.all(/* import() */[__webpack_require__.e(695), __webpack_require__.e(502)]).then(__webpack_require__.bind(__webpack_require__, 502));
            // Read by its real path, once checked: a link out of the workspace or into .git/ is refused.
            const checked = (0,core/* resolveWorkspacePath */.XI)(providers.aws.sessionPolicyPath, workspace, {
                what: 'session-policy',
                location: agent.keyLocations['credentials.aws.session-policy'] ?? agent.location,
            });
            providers.aws.sessionPolicy = readSessionPolicy(displayPath(checked.real, request.workspace));
        }
        const warnings = [...check.warnings, ...transportWarnings];
        log.info(`Agent ${agent.name} (type ${agent.type}, owner ${agent.owner}) requests ${providerNames(providers).join(' + ')} credentials for ${(0,core/* formatDuration */.a3)(check.durationSeconds)}: ${purpose}`);
        log.info(`Correlation id ${correlationId}; policies: ${policyLabel}`);
        // ---- 2. Tokens and credentials: AWS and Vault side by side. ----
        // Provider code loads while the first token request is in flight.
        backends.preload?.(providerNames(providers));
        const idTokens = new Map();
        const fetchIdToken = async (audience) => {
            const token = await deps.getIdToken(audience, deadline);
            deps.registerSecret(token);
            // The job's real environment is in the signed token; re-check restrictions against it.
            const claims = (0,oidc.decodeTokenClaims)(token);
            const tokenEnv = typeof claims?.environment === 'string' ? claims.environment : undefined;
            if (tokenEnv && tokenEnv !== request.run.environment)
                checkFor(tokenEnv);
            return token;
        };
        const idTokenFor = (audience) => {
            tokensRequested = true;
            let pending = idTokens.get(audience);
            if (!pending) {
                pending = fetchIdToken(audience);
                idTokens.set(audience, pending);
            }
            return pending;
        };
        const credentials = [];
        const exported = {};
        const secrets = [];
        const secretOutputs = {};
        const outputs = { agent: agent.name, correlationId, expiresAt: '' };
        const keep = (value) => {
            deps.registerSecret(value);
            secrets.push(value);
        };
        const st = {
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
        const awsAudit = [];
        const awsCredentials = [];
        const awsFlow = async (p) => {
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
            awsAudit.push(auditEvent({
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
            }));
            log.info(`AWS: assumed ${p.roleArn} as session ${sessionName}, expires ${expiresAt}`);
        };
        const vaultAudit = [];
        const vaultCredentials = [];
        const vaultFlow = async (p) => {
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
            vaultAudit.push(auditEvent({
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
            }));
            log.info(`Vault: logged in to ${p.url} as role ${p.role} (policies ${login.policies.join(', ') || 'none'}), token expires ${expiresAt}`);
            if (login.leaseDurationSeconds > check.durationSeconds) {
                warnings.push(`Vault role '${p.role}' issues tokens for ${(0,core/* formatDuration */.a3)(login.leaseDurationSeconds)}, longer than the requested ${(0,core/* formatDuration */.a3)(check.durationSeconds)}; the post step revokes the token when the job ends (set token_ttl on the role to match)`);
            }
            // KV reads in parallel; each value is masked before anything about it is logged.
            const reads = await Promise.allSettled(p.secrets.map((read) => backends.readSecret({
                url: p.url,
                namespace: p.namespace,
                token: login.clientToken,
                path: read.path,
                key: read.key,
                deadline,
            })));
            let readFailure;
            reads.forEach((r, i) => {
                const read = p.secrets[i];
                const target = `vault:${p.url}/v1/${read.path}#${read.key}`;
                if (r.status === 'rejected') {
                    readFailure ??= r;
                    vaultAudit.push(auditEvent({
                        agent: agent.name,
                        action: 'secrets.read.failed',
                        target,
                        intent,
                        policy: policyLabel,
                        correlationId,
                        now: now(),
                        detail: { env: read.env, reason: errorMessage(r.reason) },
                    }));
                    return;
                }
                keep(r.value);
                exported[read.env] = r.value;
                vaultAudit.push(auditEvent({
                    agent: agent.name,
                    action: 'secrets.read',
                    target,
                    intent,
                    policy: policyLabel,
                    correlationId,
                    now: now(),
                    detail: { env: read.env },
                }));
                log.info(`Vault: read ${read.path} key ${read.key} into ${read.env}`);
            });
            if (readFailure)
                throw readFailure.reason;
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
            if (login.accessor)
                outputs.vaultTokenAccessor = login.accessor;
        };
        const flows = await Promise.allSettled([
            providers.aws ? awsFlow(providers.aws) : undefined,
            providers.vault ? vaultFlow(providers.vault) : undefined,
        ]);
        audit.push(...awsAudit, ...vaultAudit);
        // Both flows have settled, so whatever one issued is in the state before the other's error
        // is thrown (the post step revokes it).
        for (const f of flows)
            if (f.status === 'rejected')
                throw f.reason;
        credentials.push(...awsCredentials, ...vaultCredentials);
        outputs.expiresAt = credentials
            .map((c) => c.expiresAt)
            .sort()
            .at(0);
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
    }
    catch (err) {
        const error = toUserError(err, deadline);
        audit.push(auditEvent({
            agent: agentName ?? request.agentType ?? '(unknown)',
            action: tokensRequested ? 'credentials.failed' : 'credentials.refused',
            target: request.configPath,
            intent: purpose ?? '',
            // For a refusal, the rule that refused: the registry or policy line it points at.
            policy: error instanceof core/* AstlError */.Ht && error.location && !error.location.file.startsWith('input ')
                ? (0,core/* formatLocation */.j$)(error.location)
                : policyLabel,
            correlationId,
            now: now(),
            detail: {
                code: error instanceof core/* AstlError */.Ht ? error.code : 'INTERNAL',
                reason: errorMessage(error),
            },
        }));
        throw new MintFailure(error, !tokensRequested, correlationId, audit, state, {
            agent: agentName,
            purpose,
        });
    }
}
function providerNames(p) {
    return [...(p.aws ? ['aws'] : []), ...(p.vault ? ['vault'] : [])];
}
/** Which providers this request uses: inputs override the registry, field by field. */
function planProviders(request, agent) {
    const out = {};
    const regAws = agent.credentials.aws;
    const roleArn = request.aws?.roleArn ?? regAws?.roleArn;
    if (roleArn) {
        // The ARN is already validated: the input by inputs.ts, the registry by its schema.
        const region = request.aws?.region ?? regAws?.region;
        if (!region) {
            throw new core/* AstlError */.Ht(`agent '${agent.name}' has an AWS role but no region`, {
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
            throw new core/* AstlError */.Ht(`agent '${agent.name}' has Vault settings without a ${missing}`, {
                code: 'VAULT_SETTINGS_INCOMPLETE',
                hint: `set credentials.vault.${missing} in the registry or the 'vault-${missing}' input`,
                fix: `credentials:\n  vault:\n    url: ${url ?? 'https://vault.example.com:8200'}\n    role: ${role ?? agent.name}`,
            });
        }
        const secrets = [...(regVault?.secrets ?? [])];
        for (const s of extraSecrets) {
            const i = secrets.findIndex((r) => r.env === s.env);
            if (i >= 0)
                secrets[i] = s;
            else
                secrets.push(s);
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
        throw new core/* AstlError */.Ht(`agent '${agent.name}' has no AWS or Vault settings, so there is nothing to mint`, {
            code: 'NO_PROVIDER',
            location: agent.location,
            hint: "add credentials.aws and/or credentials.vault to the agent's registry entry (or pass aws-role-arn / vault-url and vault-role)",
            fix: `  - name: ${agent.name}\n    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/${agent.name}\n        region: us-east-1`,
        });
    }
    return out;
}
function checkStsDuration(seconds) {
    if (seconds < STS_MIN_DURATION_SECONDS) {
        throw new core/* AstlError */.Ht(`duration ${(0,core/* formatDuration */.a3)(seconds)} is shorter than AWS STS allows (15m)`, {
            code: 'DURATION_TOO_SHORT',
            location: { file: "input 'duration'" },
            hint: 'AssumeRoleWithWebIdentity sessions last at least 15 minutes; the post step ends the job’s use of them',
            fix: 'duration: 15m',
        });
    }
    if (seconds > STS_MAX_DURATION_SECONDS) {
        throw new core/* AstlError */.Ht(`duration ${(0,core/* formatDuration */.a3)(seconds)} is longer than AWS STS allows (12h)`, {
            code: 'DURATION_TOO_LONG',
            location: { file: "input 'duration'" },
            hint: 'ask for less; the role’s MaxSessionDuration caps it too',
            fix: 'duration: 1h',
        });
    }
}
function assumedRoleArnFor(roleArn, sessionName) {
    const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
    return m ? `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${sessionName}` : `${roleArn} (${sessionName})`;
}
function absolute(path, workspace) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}
/**
 * The path to open, written relative to the working directory when it lies inside it, so that
 * errors say `agent-config.yaml:12`, not a runner's absolute temp path.
 */
function displayPath(path, workspace) {
    const full = absolute(path, workspace);
    const rel = (0,external_node_path_.relative)(process.cwd(), full);
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : full;
}
function relativeLabel(file, workspace) {
    const ws = workspace.endsWith('/') ? workspace : `${workspace}/`;
    return file.startsWith(ws) ? file.slice(ws.length) : file;
}
function runDetail(request) {
    const r = request.run;
    const d = { run_id: r.runId };
    if (r.runAttempt)
        d.run_attempt = r.runAttempt;
    if (r.repository)
        d.repository = r.repository;
    if (r.workflow)
        d.workflow = r.workflow;
    if (r.job)
        d.job = r.job;
    if (r.actor)
        d.actor = r.actor;
    if (r.sha)
        d.sha = r.sha;
    if (r.ref)
        d.ref = r.ref;
    if (r.environment)
        d.environment = r.environment;
    if (r.platform)
        d.platform = r.platform;
    return d;
}
function errorMessage(err) {
    if (err instanceof core/* AstlError */.Ht)
        return err.message;
    if (err instanceof Error)
        return err.message;
    return String(err);
}
/** Deadline and retry exhaustion become user errors with a specific message; bugs pass through. */
function toUserError(err, deadline) {
    if (err instanceof core/* AstlError */.Ht)
        return err;
    if (err instanceof core/* RetryExhaustedError */.aB) {
        return new core/* AstlError */.Ht(err.message, {
            code: err.deadlineHit ? 'DEADLINE_EXCEEDED' : 'RETRIES_EXHAUSTED',
            hint: err.deadlineHit
                ? `the endpoint did not answer within the overall deadline of ${Math.round(deadline.totalMs / 1000)}s; check that it is reachable from the runner (ASTL_DEADLINE_SECONDS raises the deadline)`
                : 'the endpoint kept failing with retryable errors; check its health and retry the job',
            cause: err,
        });
    }
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return new core/* AstlError */.Ht(`a request did not finish within the ${Math.round(deadline.totalMs / 1000)}s deadline: ${(0,core/* describeFault */.Qx)(err)}`, {
            code: 'DEADLINE_EXCEEDED',
            hint: 'check that the endpoint is reachable from the runner (ASTL_DEADLINE_SECONDS raises the deadline)',
            cause: err,
        });
    }
    return err;
}

;// CONCATENATED MODULE: ./packages/credentials/provider-backends.ts
function createProviderBackends() {
    let aws;
    let vault;
    const loadAws = () => {
        aws ??= Promise.all(/* import() */[__webpack_require__.e(695), __webpack_require__.e(502)]).then(__webpack_require__.bind(__webpack_require__, 502));
        return aws;
    };
    const loadVault = () => {
        vault ??= Promise.all(/* import() */[__webpack_require__.e(96), __webpack_require__.e(203)]).then(__webpack_require__.bind(__webpack_require__, 9203));
        return vault;
    };
    const ns = (namespace) => (namespace ? { namespace } : {});
    return {
        preload(providers) {
            // A load failure surfaces again, with its real error, when the provider is called.
            if (providers.includes('aws'))
                loadAws().catch(() => undefined);
            if (providers.includes('vault'))
                loadVault().catch(() => undefined);
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
        readSecret: async (a) => (await loadVault()).readKvSecret({
            url: a.url,
            token: a.token,
            path: a.path,
            key: a.key,
            deadline: a.deadline,
            ...ns(a.namespace),
        }),
        revokeVaultToken: async (a) => (await loadVault()).revokeSelf({
            url: a.url,
            token: a.token,
            deadline: a.deadline,
            ...ns(a.namespace),
        }),
    };
}

// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
;// CONCATENATED MODULE: ./packages/credentials/revoke.ts
/**
 * The post step's work: revoke what can be revoked, say plainly what cannot, never fail the job.
 * Vault tokens are revoked with auth/token/revoke-self (child tokens and leases go with them).
 * AWS STS sessions cannot be revoked one by one, so the result says when the session expires.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).




const DEFAULT_REVOKE_DEADLINE_MS = 20_000;
async function revokeCredentials(state, deps, backends, options = { revoke: true }) {
    const now = deps.now ?? (() => new Date());
    const deadline = new retry/* Deadline */.B2(deps.deadlineMs ?? DEFAULT_REVOKE_DEADLINE_MS);
    const entries = [];
    const warnings = [];
    const log = deps.logger;
    if (state.vault?.token)
        deps.registerSecret(state.vault.token);
    if (state.vault) {
        const v = state.vault;
        const identity = `${v.url}${v.namespace ? ` (namespace ${v.namespace})` : ''}${v.accessor ? ` accessor ${v.accessor}` : ''}`;
        const expired = Date.parse(v.expiresAt) <= now().getTime();
        if (!options.revoke) {
            entries.push({
                provider: 'vault',
                identity,
                outcome: 'disabled',
                message: `revoke is false; the token stays valid until it expires at ${v.expiresAt}`,
                expiresAt: v.expiresAt,
            });
            log.info(`Vault: not revoking (revoke: false); the token expires at ${v.expiresAt}`);
        }
        else if (options.vaultRefusal) {
            const message = `${options.vaultRefusal}; the token stays valid until it expires at ${v.expiresAt} (revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'})`;
            entries.push({ provider: 'vault', identity, outcome: 'failed', message, expiresAt: v.expiresAt });
            warnings.push(`Vault: ${message}`);
        }
        else if (expired) {
            entries.push({
                provider: 'vault',
                identity,
                outcome: 'skipped-expired',
                message: `already expired at ${v.expiresAt}; nothing to revoke`,
                expiresAt: v.expiresAt,
            });
            log.info(`Vault: the token already expired at ${v.expiresAt}; skipped`);
        }
        else {
            try {
                const outcome = await backends.revokeVaultToken({
                    url: v.url,
                    ...(v.namespace ? { namespace: v.namespace } : {}),
                    token: v.token,
                    deadline,
                });
                if (outcome === 'already-invalid') {
                    entries.push({
                        provider: 'vault',
                        identity,
                        outcome: 'skipped-expired',
                        message: 'Vault says the token is no longer valid (expired or already revoked); nothing to revoke',
                        expiresAt: v.expiresAt,
                    });
                    log.info('Vault: the token was already invalid; nothing to revoke');
                }
                else {
                    entries.push({
                        provider: 'vault',
                        identity,
                        outcome: 'revoked',
                        message: `revoked with auth/token/revoke-self${v.partial ? ' (the main step failed after login)' : ''}; child tokens and leases revoked with it`,
                        expiresAt: v.expiresAt,
                    });
                    log.info(`Vault: token${v.accessor ? ` ${v.accessor}` : ''} revoked`);
                }
            }
            catch (err) {
                const reason = err instanceof errors/* AstlError */.Ht ? err.message : (0,retry/* describeFault */.Qx)(err);
                const message = `could not revoke the Vault token (${reason}); it stays valid until ${v.expiresAt}. Revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'}`;
                entries.push({ provider: 'vault', identity, outcome: 'failed', message, expiresAt: v.expiresAt });
                warnings.push(message);
            }
        }
    }
    if (state.aws) {
        const a = state.aws;
        const remaining = Math.round((Date.parse(a.expiresAt) - now().getTime()) / 1000);
        const identity = `${a.roleArn} session ${a.sessionName}`;
        if (remaining <= 0) {
            entries.push({
                provider: 'aws',
                identity,
                outcome: 'skipped-expired',
                message: `already expired at ${a.expiresAt}`,
                expiresAt: a.expiresAt,
            });
        }
        else {
            const message = `AWS STS sessions cannot be revoked one by one; session ${a.sessionName} expires at ${a.expiresAt} (in ${(0,duration/* formatDuration */.a)(remaining)}). To end it sooner, revoke the role's active sessions in IAM (this ends every session of the role).`;
            entries.push({ provider: 'aws', identity, outcome: 'not-revocable', message, expiresAt: a.expiresAt });
            log.info(message);
        }
    }
    const audit = entries.map((e) => auditEvent({
        agent: state.agent,
        action: 'credentials.revoke',
        target: e.provider === 'aws' ? `aws:${state.aws?.roleArn}` : `vault:${state.vault?.url}`,
        intent: state.purpose,
        policy: state.policy,
        correlationId: state.correlationId,
        now: now(),
        detail: { provider: e.provider, outcome: e.outcome, expires_at: e.expiresAt, message: e.message },
    }));
    return { agent: state.agent, correlationId: state.correlationId, entries, warnings, audit };
}
/** Parses saved state; anything unexpected means "nothing to revoke", not a crash. */
function parseRevocationState(text) {
    if (!text)
        return undefined;
    try {
        const v = JSON.parse(text);
        if (v && v.version === 1 && typeof v.agent === 'string' && typeof v.correlationId === 'string')
            return v;
    }
    catch {
        // fall through
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/credentials/vault-revoke.ts
/**
 * Vault `auth/token/revoke-self` over plain fetch, for the post step. The post step does nothing
 * else with Vault, and loading node-vault (and what it brings) for one POST would triple its start
 * time; the fault policy is the same as the providers': retries with jitter on network faults, 5xx,
 * 429 and 412, a 403 meaning the token is already invalid, the token never in a message.
 */


class VaultStatusError extends Error {
    status;
    constructor(status, detail) {
        super(`HTTP ${status}${detail ? ` (${detail})` : ''}`);
        this.status = status;
        this.name = 'VaultStatusError';
    }
}
const retryable = (err) => isNetworkFault(err) ||
    (err instanceof VaultStatusError && (isRetryableStatus(err.status) || err.status === 412));
async function vault_revoke_revokeSelfLight(a) {
    const endpoint = `${a.url.replace(/\/+$/, '')}/v1/auth/token/revoke-self`;
    const headers = { 'X-Vault-Token': a.token, 'X-Vault-Request': 'true' };
    const namespace = a.namespace?.replace(/^\/+|\/+$/g, '');
    if (namespace)
        headers['X-Vault-Namespace'] = namespace;
    try {
        return await withRetry(async (signal) => {
            // fetch's own errors carry no request headers, so they may pass through as they are.
            const res = await fetch(endpoint, { method: 'POST', headers, signal });
            const text = await res.text();
            if (res.ok)
                return 'revoked';
            if (res.status === 403)
                return 'already-invalid';
            let detail = '';
            try {
                const errors = JSON.parse(text).errors;
                if (Array.isArray(errors))
                    detail = errors.map(String).join('; ').replace(/\s+/g, ' ').slice(0, 300);
            }
            catch {
                detail = text.replace(/\s+/g, ' ').slice(0, 300);
            }
            const err = new VaultStatusError(res.status, detail);
            if (retryable(err))
                throw err;
            throw new AstlError(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' });
        }, {
            attempts: 4,
            baseDelayMs: 250,
            maxDelayMs: 4000,
            attemptTimeoutMs: 10_000,
            deadline: a.deadline,
            what: 'Vault token revoke-self',
            isRetryable: retryable,
        });
    }
    catch (err) {
        if (err instanceof RetryExhaustedError)
            throw new AstlError(err.message, { code: 'VAULT_UNAVAILABLE' });
        throw err;
    }
}

;// CONCATENATED MODULE: ./packages/credentials/revoke-backend.ts

function createRevokeBackend() {
    return { revokeVaultToken: (a) => revokeSelfLight(a) };
}

;// CONCATENATED MODULE: ./packages/credentials/summary.ts
/**
 * Markdown for auditors reading the job summary: who (agent, owner, type), why (purpose), under
 * which policies, each credential's identity and lifetime, and after the post step what became
 * of it. Never a secret: only identities, accessors, session names and times.
 *
 * Every value that comes from an input, the registry, the run context or a provider is escaped
 * by packages/core/untrusted-text.ts (`cell`, `code`, `markdownMessage`, `markdownFence`), so a
 * purpose like `![x](https://…)` or `<img>` renders as the characters typed, never as an image.
 */


/** Literal text in a table cell or a paragraph (markdownText). */
const cell = (/* unused pure expression or super */ null && (markdownText));
function code(text) {
    return text ? markdownCode(text) : '';
}
const PROVIDER_LABEL = { aws: 'AWS STS', vault: 'HashiCorp Vault' };
function runLine(run) {
    const parts = [run.repository, run.workflow && `workflow ${run.workflow}`, run.job && `job ${run.job}`];
    parts.push(`run ${run.runId}${run.runAttempt ? ` attempt ${run.runAttempt}` : ''}`);
    if (run.actor)
        parts.push(`triggered by ${run.actor}`);
    return parts.filter(Boolean).join(', ');
}
function renderMintSummary(r, run) {
    const rows = [
        ['Agent', code(r.agent)],
        ['Owner', cell(r.owner)],
        ['Type', cell(r.type)],
        ['Purpose', cell(r.purpose)],
        ['Correlation id', code(r.correlationId)],
        ['Policies applied', r.appliedPolicies.map(code).join(', ') || 'none'],
    ];
    if (run)
        rows.push(['Run', cell(runLine(run))]);
    const lines = [
        `## Agent credentials: ${code(r.agent)}`,
        '',
        '| | |',
        '|---|---|',
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
        '',
        '| Provider | Identity | Issued | Expires | TTL |',
        '|---|---|---|---|---|',
    ];
    for (const c of r.credentials) {
        const extra = Object.entries(c.details)
            .map(([k, v]) => `${cell(k)}: ${code(v)}`)
            .join('<br>');
        lines.push(`| ${PROVIDER_LABEL[c.provider] ?? cell(c.provider)} | ${code(c.identity)}${extra ? `<br>${extra}` : ''} | ${cell(c.issuedAt)} | ${cell(c.expiresAt)} | ${formatDuration(c.ttlSeconds)} |`);
    }
    if (r.warnings.length > 0) {
        lines.push('', '**Warnings**', '', ...r.warnings.map((w) => `- ${markdownMessage(w)}`));
    }
    lines.push('', `The post step revokes what can be revoked when the job ends.`, '');
    return lines.join('\n');
}
/** A refusal or failure: what was asked, why it stopped, and the fix. */
function renderFailureSummary(f) {
    const title = f.refused ? 'Agent credentials refused' : 'Agent credentials failed';
    const lines = [
        `## ${title}${f.agent ? `: ${code(f.agent)}` : ''}`,
        '',
        '| | |',
        '|---|---|',
        `| Agent | ${f.agent ? code(f.agent) : '(not given)'} |`,
        `| Purpose | ${f.purpose ? cell(f.purpose) : '(not given)'} |`,
        `| Correlation id | ${code(f.correlationId)} |`,
        `| Outcome | ${f.refused ? 'refused before any token was requested' : 'failed'} |`,
        '',
        markdownFence(f.message, 'text'),
    ];
    if (f.hint)
        lines.push('', `**How to fix:** ${markdownMessage(f.hint)}`);
    if (f.fix)
        lines.push('', 'For example:', '', markdownFence(f.fix.replace(/\n$/, ''), 'yaml'));
    lines.push('');
    return lines.join('\n');
}
const OUTCOME_LABEL = {
    revoked: 'revoked',
    'skipped-expired': 'already expired (skipped)',
    'not-revocable': 'expires on its own',
    failed: 'revocation FAILED',
    disabled: 'not revoked (revoke: false)',
};
function renderRevokeSummary(r) {
    const lines = [
        `### Agent credentials revocation: ${code(r.agent)}`,
        '',
        `Correlation id ${code(r.correlationId)}`,
        '',
    ];
    if (r.entries.length === 0) {
        lines.push('Nothing to revoke: the main step issued no credentials.', '');
        return lines.join('\n');
    }
    lines.push('| Provider | Identity | Result | Expires | Details |', '|---|---|---|---|---|');
    for (const e of r.entries) {
        lines.push(`| ${PROVIDER_LABEL[e.provider] ?? cell(e.provider)} | ${code(e.identity)} | ${OUTCOME_LABEL[e.outcome]} | ${cell(e.expiresAt)} | ${markdownMessage(e.message)} |`);
    }
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/credentials/index.ts
/**
 * The credentials engine: mint OIDC-federated, short-lived AWS and Vault credentials for a
 * registered agent, revoke them after the job, and describe both for auditors. No Actions I/O:
 * the root action and the CLI's GitLab flow are front ends over this.
 */










/***/ }),

/***/ 967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeTokenClaims: () => (/* binding */ decodeTokenClaims),
  zl: () => (/* binding */ requestGitHubIdToken),
  _Q: () => (/* binding */ sanitizeFetchError)
});

// UNUSED EXPORTS: idTokenUrl, shortMessage

;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), buffer_utils_strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function buffer_utils_encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function buffer_utils_encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function base64url_decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_ALG_NOT_ALLOWED"));
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class errors_JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_NOT_SUPPORTED"));
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class errors_JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWS_INVALID"));
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = base64url_decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils_strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
// EXTERNAL MODULE: ./packages/providers/retry-policy.ts
var retry_policy = __webpack_require__(5036);
;// CONCATENATED MODULE: ./packages/providers/oidc.ts
/**
 * GitHub Actions OIDC: requesting an ID token through the runner's protocol and reading its
 * claims for diagnostics. The token is a bearer credential: it is returned to the caller and
 * never put in an error message.
 */



const PERMISSIONS_FIX = `permissions:
  id-token: write   # lets the job request an OIDC token
  contents: read`;
/** The runner's token URL with `audience` appended, whether or not the URL has a query already. */
function idTokenUrl(requestUrl, audience) {
    const sep = requestUrl.includes('?') ? (/[?&]$/.test(requestUrl) ? '' : '&') : '?';
    return `${requestUrl}${sep}audience=${encodeURIComponent(audience)}`;
}
/** Requests a GitHub Actions ID token for `audience`; retries network faults, 5xx and 429. */
async function requestGitHubIdToken(req) {
    if (!req.requestUrl || !req.requestToken) {
        const missing = [
            !req.requestUrl && 'ACTIONS_ID_TOKEN_REQUEST_URL',
            !req.requestToken && 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
        ].filter(Boolean);
        throw new core/* AstlError */.Ht(`GitHub OIDC is not available to this job: ${missing.join(' and ')} not set`, {
            code: 'OIDC_NOT_AVAILABLE',
            hint: 'add `permissions: id-token: write` to the job (or the workflow). Jobs triggered from forks never get an ID token.',
            fix: PERMISSIONS_FIX,
        });
    }
    if (!req.audience) {
        throw new core/* AstlError */.Ht('An OIDC audience is required to request an ID token', {
            code: 'OIDC_AUDIENCE_MISSING',
        });
    }
    let url;
    try {
        url = new URL(idTokenUrl(req.requestUrl, req.audience)).toString();
    }
    catch {
        throw new core/* AstlError */.Ht('ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL', { code: 'OIDC_NOT_AVAILABLE' });
    }
    const requestToken = req.requestToken;
    const isRetryable = (err) => err instanceof retry_policy/* ProviderNetworkError */.KC ||
        (0,core/* isNetworkFault */.d$)(err) ||
        (err instanceof retry_policy/* ProviderHttpError */.gm && (0,core/* isRetryableStatus */.PS)(err.status));
    try {
        return await (0,core/* withRetry */.bD)(async (signal) => {
            let res;
            try {
                res = await fetch(url, {
                    headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
                    signal,
                });
            }
            catch (err) {
                throw sanitizeFetchError(err);
            }
            const text = await readText(res, signal);
            if (!res.ok) {
                const err = new retry_policy/* ProviderHttpError */.gm(res.status, undefined, shortMessage(text));
                if (isRetryable(err))
                    throw err;
                throw new core/* AstlError */.Ht(`The runner refused the OIDC token request: ${err.message}`, {
                    code: 'OIDC_TOKEN_REQUEST_FAILED',
                    hint: res.status === 401 || res.status === 403
                        ? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN was not accepted; it is only valid inside the job that received it.'
                        : 'check ACTIONS_ID_TOKEN_REQUEST_URL; it is set by the runner when the job has `id-token: write`.',
                });
            }
            let value;
            try {
                value = JSON.parse(text).value;
            }
            catch {
                value = undefined;
            }
            if (typeof value !== 'string' || value.split('.').length !== 3) {
                throw new core/* AstlError */.Ht('The runner answered the OIDC token request without a token (`value`)', {
                    code: 'OIDC_TOKEN_REQUEST_FAILED',
                });
            }
            return value;
        }, (0,retry_policy/* retryOptions */.tO)('GitHub OIDC token request', req.deadline, isRetryable, req.retry));
    }
    catch (err) {
        (0,retry_policy/* exhausted */.uW)(err, 'OIDC_UNAVAILABLE', 'the runner token service did not answer; re-run the job.');
    }
}
/** Decodes a JWT's payload (no signature check). Undefined when it is not a JWT. */
function decodeTokenClaims(jwt) {
    try {
        return { ...decodeJwt(jwt) };
    }
    catch {
        return undefined;
    }
}
function sanitizeFetchError(err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return new retry_policy/* ProviderNetworkError */.KC('request timed out', 'TimeoutError');
    }
    let code;
    let message = err instanceof Error ? err.message : String(err);
    for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        const c = e.code;
        if (typeof c === 'string') {
            code = c;
            message = e.message;
            break;
        }
    }
    return new retry_policy/* ProviderNetworkError */.KC(message, code);
}
async function readText(res, signal) {
    try {
        return await res.text();
    }
    catch (err) {
        throw sanitizeFetchError(signal.aborted ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : err);
    }
}
/** A provider's error body cut to something printable. */
function shortMessage(text) {
    let msg = text;
    try {
        const body = JSON.parse(text);
        if (typeof body.message === 'string')
            msg = body.message;
        else if (Array.isArray(body.errors))
            msg = body.errors.map(String).join('; ');
    }
    catch {
        // not JSON: keep the text
    }
    msg = msg.replace(/\s+/g, ' ').trim();
    return msg.length > 300 ? `${msg.slice(0, 300)}…` : msg;
}


/***/ }),

/***/ 5036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KC: () => (/* binding */ ProviderNetworkError),
/* harmony export */   gm: () => (/* binding */ ProviderHttpError),
/* harmony export */   tO: () => (/* binding */ retryOptions),
/* harmony export */   uW: () => (/* binding */ exhausted),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5724);
/**
 * The retry settings every provider call shares, and the conversion of an exhausted retry into
 * an AstlError whose message names the provider and the last fault.
 */

const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 4000,
    attemptTimeoutMs: 10_000,
};
function retryOptions(what, deadline, isRetryable, settings = {}) {
    return { ...DEFAULT_RETRY, ...settings, what, deadline, isRetryable };
}
/**
 * An HTTP answer from a provider, reduced to what is safe to print: status, the provider's error
 * code and message. Library errors carry request configs (tokens, bodies); these never leave here.
 */
class ProviderHttpError extends Error {
    status;
    providerCode;
    providerMessage;
    constructor(status, providerCode, providerMessage) {
        const detail = [providerCode, providerMessage].filter(Boolean).join(': ');
        super(detail ? `HTTP ${status} (${detail})` : `HTTP ${status}`);
        this.status = status;
        this.providerCode = providerCode;
        this.providerMessage = providerMessage;
        this.name = 'ProviderHttpError';
    }
}
/** A transport fault with only its message and code kept (no request config, no headers). */
class ProviderNetworkError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.name = code === 'TimeoutError' ? 'TimeoutError' : 'ProviderNetworkError';
        this.code = code;
    }
}
/** Rethrows an exhausted retry as `<CODE>` AstlError naming the provider and the last fault. */
function exhausted(err, code, hint) {
    if (err instanceof _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryExhaustedError */ .aB) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(err.message, { code, hint });
    }
    throw err;
}


/***/ }),

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hm: () => (/* reexport */ check/* checkCredentialRequest */.Hm),
  gN: () => (/* reexport */ agent_policy/* loadAgentPolicies */.gN),
  Ag: () => (/* reexport */ registry_registry.loadRegistry),
  Hw: () => (/* reexport */ agent_policy/* parseAgentPolicies */.Hw),
  l5: () => (/* reexport */ registry_registry/* parseRegistry */.l5),
  Ac: () => (/* reexport */ agent_policy/* policiesForType */.Ac),
  cT: () => (/* reexport */ resolveAgent)
});

// UNUSED EXPORTS: AGENT_POLICY_KIND, MAX_POLICY_FILES, MAX_POLICY_FILE_BYTES, MINIMAL_REGISTRY, REGISTRY_INVALID, RESTRICTIONS, durationCapsFor, isProductionEnvironment, listPolicyFiles, namesProduction, policySchema, readPolicyDocuments, readPolicySet, registryEntrySnippet, registrySchema, sortByLine

// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 1 modules
var agent_policy = __webpack_require__(8378);
// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
// EXTERNAL MODULE: ./packages/registry/registry.ts + 1 modules
var registry_registry = __webpack_require__(1359);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
;// CONCATENATED MODULE: ./packages/registry/resolve.ts
/** Which registered agent a credential or gate request is for. */


const lineOf = (e) => e.keyLocations['name']?.line ?? e.location.line ?? '?';
/**
 * Finds the agent a request names: by name, or by type when exactly one agent has it.
 * Errors: AGENT_NOT_REGISTERED, AGENT_AMBIGUOUS, AGENT_TYPE_MISMATCH, AGENT_REQUIRED (neither
 * given); each with a hint and a YAML `fix`.
 */
function resolveAgent(registry, selector) {
    const name = selector.agent?.trim() || undefined;
    const type = selector.agentType?.trim() || undefined;
    const agentsAt = registry.doc.locateKey(['agents']);
    if (name !== undefined) {
        const entry = registry.agents.find((a) => a.name === name);
        if (!entry) {
            const guess = (0,core/* closest */.kp)(name, registry.agents.map((a) => a.name));
            throw new core/* AstlError */.Ht(`agent '${name}' is not registered in ${registry.file}`, {
                code: 'AGENT_NOT_REGISTERED',
                location: agentsAt,
                hint: guess
                    ? `did you mean '${guess}'? Otherwise add the agent to ${registry.file} (every agent needs an owner and a purpose)`
                    : `add the agent to ${registry.file} (every agent needs an owner and a purpose)${knownAgents(registry)}`,
                fix: (0,registry_registry/* registryEntrySnippet */.fK)(name, type ?? '<agent-type>'),
            });
        }
        if (type !== undefined && type !== entry.type) {
            throw new core/* AstlError */.Ht(`agent '${name}' is registered with type '${entry.type}', but the request says agent-type '${type}'`, {
                code: 'AGENT_TYPE_MISMATCH',
                location: entry.keyLocations['type'] ?? entry.location,
                hint: `make the agent-type input match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
                fix: `with:\n  agent: ${name}\n  agent-type: ${entry.type}\n`,
            });
        }
        return entry;
    }
    if (type !== undefined) {
        const matches = registry.agents.filter((a) => a.type === type);
        if (matches.length === 1)
            return matches[0];
        if (matches.length === 0) {
            const types = [...new Set(registry.agents.map((a) => a.type))];
            const guess = (0,core/* closest */.kp)(type, types);
            throw new core/* AstlError */.Ht(`no agent of type '${type}' is registered in ${registry.file}`, {
                code: 'AGENT_NOT_REGISTERED',
                location: agentsAt,
                hint: (guess ? `did you mean type '${guess}'? ` : '') +
                    (types.length ? `registered types: ${types.join(', ')}. ` : '') +
                    `Otherwise register an agent of this type in ${registry.file}`,
                fix: (0,registry_registry/* registryEntrySnippet */.fK)('<agent-name>', type),
            });
        }
        throw new core/* AstlError */.Ht(`${matches.length} agents have type '${type}' (${matches
            .map((m) => `${m.name} at line ${lineOf(m)}`)
            .join(', ')}); the request must name one`, {
            code: 'AGENT_AMBIGUOUS',
            location: matches[0].keyLocations['name'] ?? matches[0].location,
            hint: `set the agent input to one of: ${matches.map((m) => m.name).join(', ')}`,
            fix: `with:\n  agent: ${matches[0].name}\n  agent-type: ${type}\n`,
        });
    }
    throw new core/* AstlError */.Ht('no agent named: set the agent input (or agent-type when one agent has that type)', {
        code: 'AGENT_REQUIRED',
        location: agentsAt,
        hint: `name one of the agents registered in ${registry.file}${knownAgents(registry)}`,
        fix: `with:\n  agent: ${registry.agents[0]?.name ?? '<agent-name>'}\n`,
    });
}
function knownAgents(registry) {
    if (registry.agents.length === 0)
        return '; the registry lists no agents yet';
    const names = registry.agents.map((a) => a.name);
    const shown = names.slice(0, 10).join(', ');
    return `; registered: ${shown}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
}

;// CONCATENATED MODULE: ./packages/registry/index.ts
/**
 * Agent registry (agent-config.yaml) and AgentPolicy model: parsing with positions, validation
 * against schemas/, agent resolution and the credentials pre-check. No Actions I/O here.
 */







/***/ })

};
