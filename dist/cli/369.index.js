export const id = 369;
export const ids = [369,170,789];
export const modules = {

/***/ 5166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
/**
 * Parses `900`, `900s`, `15m`, `1h`, `1h30m`, `1d` into seconds. Numbers alone are seconds, as in
 * configure-aws-credentials' `role-duration-seconds`.
 */
function parseDuration(value, where = 'duration') {
    if (typeof value === 'number') {
        if (Number.isInteger(value) && value > 0)
            return value;
        throw invalid(String(value), where);
    }
    const text = value.trim();
    if (/^\d+$/.test(text)) {
        const n = Number(text);
        if (n > 0)
            return n;
        throw invalid(text, where);
    }
    const re = /(\d+)([smhd])/gy;
    let total = 0;
    let consumed = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        total += Number(m[1]) * UNIT_SECONDS[m[2]];
        consumed = re.lastIndex;
    }
    if (consumed !== text.length || text.length === 0 || total <= 0)
        throw invalid(text, where);
    return total;
}
function invalid(text, where) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${where}: '${text}' is not a duration`, {
        code: 'DURATION_INVALID',
        hint: 'use seconds (900 or 900s), minutes (15m), hours (1h) or a combination (1h30m)',
    });
}
/** 900 -> "15m", 5400 -> "1h30m", 45 -> "45s". */
function formatDuration(seconds) {
    let rest = Math.max(0, Math.round(seconds));
    const parts = [];
    for (const [unit, size] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60],
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    if (rest > 0 || parts.length === 0)
        parts.push(`${rest}s`);
    return parts.join('');
}


/***/ }),

/***/ 2873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tD: () => (/* binding */ checkCredentialTransport)
/* harmony export */ });
/* unused harmony exports TRANSPORT_INSECURE, CREDENTIAL_URL_INVALID, isLoopbackHost */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/**
 * The one rule for every endpoint the product sends a credential to (Vault, an STS endpoint
 * override, a GitHub API or token-exchange URL): https://, or plain http:// only to a loopback
 * address (127.0.0.0/8, ::1, localhost) for local tests, or when the user opts in explicitly
 * (`allow-insecure-http`). Checked before any token is requested: over plain http the OIDC
 * token and what it buys (a Vault token, STS keys) cross the network readable by anyone on the
 * path, and a token replayed within its lifetime is as good as the job's identity.
 */

const TRANSPORT_INSECURE = 'CREDENTIAL_TRANSPORT_INSECURE';
const CREDENTIAL_URL_INVALID = 'CREDENTIAL_URL_INVALID';
/**
 * Validates a credential endpoint URL: parseable, https (or http to loopback, or http opted in),
 * no user name or password in it. Throws AstlError (CREDENTIAL_URL_INVALID or
 * CREDENTIAL_TRANSPORT_INSECURE) located at `check.location` or `check.what`; the message shows
 * the URL's origin only, never a user name, password, path or query.
 */
function checkCredentialTransport(url, check) {
    const location = check.location ?? { file: check.what };
    const prefix = check.location ? `${check.what} ` : '';
    const fail = (code, message, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${prefix}${message}`, { code, location, hint });
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw fail(CREDENTIAL_URL_INVALID, 'is not a URL', 'write the endpoint as https://host[:port]');
    }
    if (parsed.username || parsed.password) {
        throw fail(CREDENTIAL_URL_INVALID, 'carries a user name or password; remove them', 'give the address only: the product authenticates with the job’s OIDC token');
    }
    if (parsed.protocol === 'https:')
        return { url: parsed, insecure: false };
    if (parsed.protocol !== 'http:') {
        throw fail(CREDENTIAL_URL_INVALID, `${parsed.protocol}// is not an http(s) URL`, 'write the endpoint as https://host[:port]');
    }
    if (isLoopbackHost(parsed.hostname))
        return { url: parsed, insecure: false };
    if (check.allowInsecure)
        return { url: parsed, insecure: true };
    const optIn = check.optIn ?? 'allow-insecure-http: true';
    throw fail(TRANSPORT_INSECURE, `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`, `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost); for a network you control end to end, opt in with ${optIn}`);
}
/**
 * Loopback hosts as the WHATWG URL parser leaves them (`127.1` and `2130706433` are already
 * 127.0.0.1 there): 127.0.0.0/8, [::1], IPv4-mapped [::ffff:127.x.y.z], and `localhost`.
 * `*.localhost` is not included: whether it resolves to loopback depends on the resolver.
 */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase();
    if (h === 'localhost' || h === '[::1]')
        return true;
    if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h))
        return true;
    // The parser prints IPv6 compressed, so every spelling of ::ffff:127.x.y.z arrives as this.
    return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(h);
}


/***/ }),

/***/ 5369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   idTokenFromEnv: () => (/* binding */ idTokenFromEnv),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _packages_core_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5166);
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(425);
/* harmony import */ var _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3591);
/* harmony import */ var _packages_core_transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2873);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2073);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7632);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9141);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1604);
/**
 * `astl credentials`: the GitLab (and any CI) front end of the credentials engine. The ID tokens
 * come from environment variables (GitLab `id_tokens`), the same registry and AgentPolicy checks,
 * providers and retries as the GitHub action run, and the credentials land in a 0600 env file
 * for the job's script to source. A state file lets `astl revoke` (after_script) revoke them.
 * Nothing secret is ever printed: every value is registered with a redactor the moment it exists.
 */


// Core modules one by one: the index would load the YAML and schema stack before --help.









const spec = {
    name: 'credentials',
    summary: "mint short-lived credentials for a registered agent from the job's ID token",
    usage: 'astl credentials --agent A [--agent-type T] --purpose TEXT --id-token-env VAR [--aws-id-token-env VAR] [--vault-id-token-env VAR] [--duration 15m] [--config F] [--policies DIR] [--export-file F] [--state F]',
    flags: {
        agent: {
            type: 'string',
            value: 'NAME',
            description: 'registered agent name (may be omitted when --agent-type matches one agent)',
        },
        'agent-type': { type: 'string', value: 'TYPE', description: 'agent type; must agree with the registry' },
        purpose: {
            type: 'string',
            value: 'TEXT',
            description: 'why this job needs credentials (default: the registry purpose)',
        },
        'id-token-env': {
            type: 'string',
            value: 'VAR',
            description: 'variable holding the ID token (GitLab id_tokens) for every provider; not needed in a GitHub Actions step',
        },
        'aws-id-token-env': {
            type: 'string',
            value: 'VAR',
            description: 'variable holding the ID token for AWS (aud sts.amazonaws.com)',
        },
        'vault-id-token-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the ID token for Vault (aud = the role's bound audience)",
        },
        duration: {
            type: 'string',
            value: 'DURATION',
            description: 'credential lifetime: 900, 900s, 15m, 1h (default 15m)',
        },
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        policies: {
            type: 'string',
            value: 'DIR',
            description: 'AgentPolicy folder (default policies; missing = none)',
        },
        'aws-role-arn': { type: 'string', value: 'ARN', description: 'override the registry AWS role' },
        'aws-region': { type: 'string', value: 'REGION', description: 'override the registry AWS region' },
        'vault-url': { type: 'string', value: 'URL', description: 'override the registry Vault address' },
        'vault-role': { type: 'string', value: 'ROLE', description: 'override the registry Vault role' },
        'export-file': {
            type: 'string',
            value: 'FILE',
            description: "0600 file of `export KEY='value'` lines to source (default .astl/credentials.env)",
        },
        state: {
            type: 'string',
            value: 'FILE',
            description: 'state file for astl revoke (default .astl/state.json)',
        },
        audit: {
            type: 'string',
            value: 'FILE',
            description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
        },
        format: {
            type: 'string',
            value: 'FORMAT',
            description: 'text (default) or json: the non-secret facts (agent, credentials, expiry, file)',
        },
        'allow-insecure-http': {
            type: 'boolean',
            description: 'allow a plain http:// Vault URL or AWS_ENDPOINT_URL_STS to a non-loopback host (tokens cross the network unencrypted); loopback is always allowed',
        },
    },
    examples: [
        'astl credentials --agent deploy-bot --purpose "Deploy $CI_COMMIT_SHORT_SHA" \\',
        '  --aws-id-token-env AWS_ID_TOKEN --vault-id-token-env VAULT_ID_TOKEN',
        '. .astl/credentials.env   # in the same job script; then: astl revoke --state .astl/state.json',
    ],
    notes: [
        'Prints only non-secret facts (agent, owner, purpose, identities, expiry). Secrets go to the',
        '0600 env file only; never list it as an artifact or a dotenv report.',
        'Exit codes: 0 credentials ready, 1 a provider refused or failed, 3 refused by the registry or',
        'policy before any token was used, or a usage error.',
        'Every file flag names a path inside the workspace (CI_PROJECT_DIR, GITHUB_WORKSPACE or the',
        'working directory), never in .git/.',
    ],
};
async function run(args, io) {
    const redactor = new _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .Redactor */ .pO();
    const say = (text) => io.err(redactor.redact(text));
    // Relative to the working directory: GitLab runs every script in the project directory.
    const base = io.cwd;
    // Every file this command reads or writes stays inside the workspace and out of .git/.
    const scope = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__/* .workspaceScope */ .O9)(io.env, base);
    const inBase = (flag, fallback, file = true) => {
        const given = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, flag) || fallback;
        const checked = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveWorkspacePath */ .XI)(given, scope, { what: `--${flag}` });
        // A folder where a file goes would fail only after a token was issued: say so now.
        if (file && checked.exists && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(checked.real).isDirectory()) {
            throw new _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .e(`--${flag} ${given} is a folder, not a file`, `name a file, e.g. ${fallback}`);
        }
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(given) ? given : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, given);
    };
    const envFile = inBase('export-file', '.astl/credentials.env');
    const stateFile = inBase('state', '.astl/state.json');
    const auditFile = inBase('audit', '.astl/audit.jsonl');
    inBase('config', 'agent-config.yaml');
    inBase('policies', 'policies', false);
    const allowInsecureHttp = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .bool */ .lc)(args, 'allow-insecure-http');
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'vault-url')) {
        (0,_packages_core_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .checkCredentialTransport */ .tD)((0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'vault-url'), {
            what: '--vault-url',
            allowInsecure: allowInsecureHttp,
            optIn: '--allow-insecure-http',
            sends: 'the OIDC token and the Vault token',
        });
    }
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .choice */ .Yq)(args, 'format', ['text', 'json'], 'text');
    const tokenVars = {
        any: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'id-token-env') || undefined,
        aws: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'aws-id-token-env') || undefined,
        vault: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'vault-id-token-env') || undefined,
    };
    const noTokenVars = !tokenVars.any && !tokenVars.aws && !tokenVars.vault;
    // In a GitHub Actions step the runner mints tokens per audience; elsewhere a variable must hold one.
    const onGitHubRunner = Boolean(io.env.ACTIONS_ID_TOKEN_REQUEST_URL && io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    if (noTokenVars && !onGitHubRunner) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .e("'astl credentials' needs the variable that holds the job's ID token: --id-token-env VAR (or --aws-id-token-env / --vault-id-token-env)", 'in GitLab, declare `id_tokens: { AWS_ID_TOKEN: { aud: sts.amazonaws.com } }` and pass --aws-id-token-env AWS_ID_TOKEN');
    }
    const agent = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'agent')?.trim() || undefined;
    const agentType = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'agent-type')?.trim() || undefined;
    if (!agent && !agentType) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .e("'astl credentials' needs --agent (or --agent-type when one agent has that type)");
    }
    const durationText = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'duration')?.trim();
    const durationSeconds = durationText ? (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(durationText, '--duration') : undefined;
    const env = io.env;
    const request = {
        ...(agent ? { agent } : {}),
        ...(agentType ? { agentType } : {}),
        ...((0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .oneLine */ .TN)(args, 'purpose') ? { purpose: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .oneLine */ .TN)(args, 'purpose') } : {}),
        ...(durationSeconds !== undefined ? { durationSeconds } : {}),
        configPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'config') || 'agent-config.yaml',
        policiesDir: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'policies') || 'policies',
        workspace: base,
        workspaceRoot: scope.root,
        transport: { allowInsecureHttp, optIn: '--allow-insecure-http' },
        run: ciRun(env),
    };
    const aws = { roleArn: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'aws-role-arn'), region: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'aws-region') };
    if (aws.roleArn || aws.region)
        request.aws = strip(aws);
    const vault = { url: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'vault-url'), role: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'vault-role') };
    if (vault.url || vault.role)
        request.vault = strip(vault);
    const saveState = (state) => {
        if (state.vault?.token)
            redactor.add(state.vault.token);
        (0,_files_js__WEBPACK_IMPORTED_MODULE_8__/* .writePrivateFile */ .Pl)(stateFile, `${JSON.stringify({ ...state, cli: { envFile } }, null, 2)}\n`);
    };
    const logger = {
        info: (m) => say(m),
        warning: (m) => say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .n)(io, 'yellow', 'warning')}: ${m}`),
        debug: (m) => {
            if (env.ASTL_DEBUG)
                say(`debug: ${m}`);
        },
    };
    // The engine (AWS SDK and all) loads only now, so --help and usage errors stay fast.
    const { applyAuditLevel, createProviderBackends, githubIdTokenSource, MintFailure, mintCredentials, toJsonLines, } = await Promise.all(/* import() */[__webpack_require__.e(225), __webpack_require__.e(359), __webpack_require__.e(332), __webpack_require__.e(372)]).then(__webpack_require__.bind(__webpack_require__, 6372));
    const { decodeTokenClaims } = await Promise.all(/* import() */[__webpack_require__.e(225), __webpack_require__.e(967)]).then(__webpack_require__.bind(__webpack_require__, 967));
    const appendAudit = (file, events) => {
        if (events.length === 0)
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true, mode: 0o700 });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, redactor.redact(toJsonLines(events)), { mode: 0o600 });
    };
    let result;
    try {
        result = await mintCredentials(request, {
            getIdToken: noTokenVars
                ? githubIdTokenSource(env)
                : idTokenFromEnv(tokenVars, env, decodeTokenClaims),
            registerSecret: (v) => redactor.add(v),
            onState: saveState,
            logger,
            env,
        }, createProviderBackends());
    }
    catch (err) {
        if (!(err instanceof MintFailure))
            throw err;
        if (err.state) {
            saveState(err.state);
            say(`A Vault token was issued before the failure; 'astl revoke --state ${(0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'state') || '.astl/state.json'}' revokes it.`);
        }
        appendAudit(auditFile, applyAuditLevel(err.audit, err.state?.auditLevel ?? 'full'));
        const cause = err.error;
        say(`astl: ${cause instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht ? cause.format() : (0,_packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(cause)}`);
        say(`correlation id ${err.correlationId}`);
        if (!(cause instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht))
            return _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .d.usage;
        return err.refused ? _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .d.usage : _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .d.deny;
    }
    // Every secret is registered; now they may go to the private env file, and only there.
    (0,_files_js__WEBPACK_IMPORTED_MODULE_8__/* .writePrivateFile */ .Pl)(envFile, (0,_files_js__WEBPACK_IMPORTED_MODULE_8__/* .envFileText */ .T1)({
        ...result.env,
        ASTL_AGENT: result.agent,
        ASTL_AGENT_TYPE: result.type,
        ASTL_CORRELATION_ID: result.correlationId,
        ASTL_EXPIRES_AT: result.outputs.expiresAt,
    }));
    appendAudit(auditFile, applyAuditLevel(result.audit, result.auditLevel));
    for (const w of result.warnings)
        logger.warning(w);
    const facts = {
        agent: result.agent,
        owner: result.owner,
        type: result.type,
        purpose: result.purpose,
        correlationId: result.correlationId,
        policies: result.appliedPolicies,
        expiresAt: result.outputs.expiresAt,
        credentials: result.credentials,
        exportFile: envFile,
        variables: Object.keys(result.env),
        ...(result.outputs.awsSessionName ? { awsSessionName: result.outputs.awsSessionName } : {}),
        ...(result.outputs.vaultTokenAccessor ? { vaultTokenAccessor: result.outputs.vaultTokenAccessor } : {}),
    };
    io.out(redactor.redact(format === 'json' ? JSON.stringify(facts, null, 2) : summary(result, envFile, io)));
    return _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .d.ok;
}
function summary(r, envFile, io) {
    const lines = [
        `${(0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .n)(io, 'green', 'credentials ready')} for agent ${r.agent}`,
        `  owner:          ${r.owner}`,
        `  type:           ${r.type}`,
        `  purpose:        ${r.purpose}`,
        `  correlation id: ${r.correlationId}`,
        `  policies:       ${r.appliedPolicies.join(', ') || 'none'}`,
    ];
    for (const c of r.credentials) {
        lines.push(`  ${c.provider.padEnd(6)}  ${c.identity}`);
        lines.push(`          expires ${c.expiresAt} (${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(c.ttlSeconds)})`);
    }
    const names = Object.keys(r.env);
    lines.push(`  env file:       ${envFile} (${names.join(', ') || 'no variables'}, ASTL_AGENT, ASTL_AGENT_TYPE, ASTL_CORRELATION_ID, ASTL_EXPIRES_AT)`);
    return lines.join('\n');
}
/** CI context for session names and audit records (GitLab's, else GitHub's, variables). */
function ciRun(env) {
    const github = !env.GITLAB_CI && Boolean(env.GITHUB_ACTIONS);
    const run = github
        ? { runId: env.GITHUB_RUN_ID || 'local', platform: 'github' }
        : { runId: env.CI_PIPELINE_ID || env.CI_JOB_ID || 'local', platform: env.GITLAB_CI ? 'gitlab' : 'cli' };
    const fields = github
        ? {
            runAttempt: env.GITHUB_RUN_ATTEMPT,
            repository: env.GITHUB_REPOSITORY,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            actor: env.GITHUB_ACTOR,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF,
        }
        : {
            runAttempt: env.CI_JOB_ID,
            repository: env.CI_PROJECT_PATH,
            workflow: env.CI_PIPELINE_NAME || env.CI_PIPELINE_SOURCE,
            job: env.CI_JOB_NAME,
            actor: env.GITLAB_USER_LOGIN,
            sha: env.CI_COMMIT_SHA,
            ref: env.CI_COMMIT_REF_NAME,
            environment: env.CI_ENVIRONMENT_NAME,
        };
    for (const [key, value] of Object.entries(fields)) {
        if (value)
            run[key] = value;
    }
    return run;
}
/**
 * GitLab mints each ID token for a fixed audience, so a provider's token is the configured
 * variable whose `aud` claim includes the audience the provider expects. Picking by claim (not
 * by position) turns an audience mismatch into a clear error here instead of a refusal there.
 */
function idTokenFromEnv(vars, env, decodeTokenClaims) {
    return async (audience) => {
        const candidates = [...new Set([vars.aws, vars.vault, vars.any].filter((v) => Boolean(v)))];
        const seen = [];
        for (const name of candidates) {
            const token = env[name]?.trim();
            if (!token) {
                seen.push(`${name} is not set`);
                continue;
            }
            const aud = decodeTokenClaims(token)?.aud;
            const auds = Array.isArray(aud) ? aud.map(String) : aud === undefined ? [] : [String(aud)];
            if (auds.includes(audience))
                return token;
            seen.push(`${name} has aud ${auds.length ? auds.map((a) => `'${a}'`).join(', ') : '(none)'}`);
        }
        if (candidates.length === 1 && env[candidates[0]]?.trim() && seen[0]?.includes('(none)')) {
            return env[candidates[0]].trim(); // not a JWT we can read: let the provider judge it
        }
        const suggested = candidates.find((c) => !env[c]?.trim()) ?? candidates[0] ?? 'ID_TOKEN';
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`no ID token with audience '${audience}': ${seen.join('; ')}`, {
            code: 'OIDC_AUDIENCE_MISMATCH',
            hint: `give the job an ID token whose aud is '${audience}' (GitLab id_tokens) and name its variable with --aws-id-token-env / --vault-id-token-env`,
            fix: `id_tokens:\n  ${suggested}:\n    aud: ${audience}\n`,
        });
    };
}
function strip(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v));
}


/***/ })

};
