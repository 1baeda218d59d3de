export const id = 593;
export const ids = [593,166];
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

/***/ 3591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports secretForms, isNonSecretLine */
/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 *
 * A multi-line value (a PEM key, a JSON credential file) is also masked line by line, because
 * the runner masks each log line on its own and a multi-line mask never matches: every line,
 * however short (a PEM's last body line `q5Zw7==`), except lines that carry no secret material
 * (`isNonSecretLine`). Encoded forms shorter than 4 characters are dropped: they would mask
 * common text and hide nothing a reader could use.
 */
function secretForms(value) {
    if (value.length === 0)
        return [];
    const forms = new Set();
    const b64 = Buffer.from(value, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(value, 'utf8').toString('base64url'));
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    const out = [value, ...[...forms].filter((f) => f.length >= 4 && f !== value)];
    const lines = value.split(/\r?\n|\r/);
    if (lines.length > 1) {
        for (const line of lines) {
            const t = line.trim();
            if (!isNonSecretLine(t) && !out.includes(t))
                out.push(t);
        }
    }
    return out;
}
/** PEM armour (RFC 7468): `-----BEGIN <label>-----` / `-----END <label>-----`. */
const PEM_ARMOUR = /^-----(BEGIN|END) [\x21-\x2c\x2e-\x7e]+(?: [\x21-\x2c\x2e-\x7e]+)*-----$/;
/**
 * A line of a multi-line secret that carries no secret material and so stays visible: blank,
 * PEM armour, or only the structural punctuation of JSON/YAML/INI (`{ } [ ] ( ) , ; : " '`).
 * Masking `}` would blank every brace in the log and protect nothing. Characters that encode data
 * (letters, digits, and the base64 symbols `+ / =`) always make a line secret.
 */
function isNonSecretLine(line) {
    const t = line.trim();
    return t === '' || PEM_ARMOUR.test(t) || /^[{}[\](),;:"'\s]+$/.test(t);
}
class Redactor {
    forms = new Set();
    add(secret) {
        if (!secret)
            return;
        for (const f of secretForms(secret))
            this.forms.add(f);
    }
    get size() {
        return this.forms.size;
    }
    redact(text) {
        let out = text;
        // Longest first, so a value is not half-replaced by a shorter form that it contains.
        for (const f of [...this.forms].sort((a, b) => b.length - a.length))
            out = out.split(f).join('***');
        return out;
    }
}


/***/ }),

/***/ 4593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  idTokenFromEnv: () => (/* binding */ idTokenFromEnv),
  run: () => (/* binding */ run),
  spec: () => (/* binding */ spec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/redact.ts
var redact = __webpack_require__(3591);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __webpack_require__(7632);
;// CONCATENATED MODULE: ./src/cli/files.ts
/** Files the CLI writes for a job: private (0600) and replaced atomically. */


/** Writes `text` so that no other user can read it at any moment, replacing any old file. */
function writePrivateFile(path, text) {
    const dir = (0,external_node_path_.dirname)(path);
    if (!(0,external_node_fs_.existsSync)(dir)) {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        // A folder made for secrets keeps itself out of commits (`git add -A` on a laptop).
        (0,external_node_fs_.writeFileSync)(`${dir}/.gitignore`, '*\n');
    }
    const temp = `${path}.${process.pid}.tmp`;
    (0,external_node_fs_.writeFileSync)(temp, text, { mode: 0o600 });
    (0,external_node_fs_.chmodSync)(temp, 0o600); // the umask cannot widen it, but an old temp file could exist
    (0,external_node_fs_.renameSync)(temp, path);
}
/** `'value'` for POSIX shells: the only character that needs care inside single quotes is `'`. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `export KEY='value'` lines for `source`/`.`; refuses names a shell would misread. */
function envFileText(vars) {
    const lines = ['# Written by astl credentials; removed by astl revoke. Do not upload as an artifact.'];
    for (const [name, value] of Object.entries(vars)) {
        if (!ENV_NAME.test(name))
            throw new Error(`not an environment variable name: ${name}`);
        lines.push(`export ${name}=${shellQuote(value)}`);
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/verbs/credentials.ts
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
    usage: 'astl credentials --agent A [--agent-type T] --purpose TEXT --id-token-env VAR [--aws-id-token-env VAR] [--vault-id-token-env VAR] [--github-id-token-env VAR] [--github-app-id ID --github-app-private-key-env VAR | --github-app-private-key-file F] [--duration 15m] [--config F] [--policies DIR] [--export-file F] [--state F]',
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
        'github-id-token-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the ID token for a GitHub STS exchange (aud = the sts-url's host)",
        },
        'github-app-id': {
            type: 'string',
            value: 'ID',
            description: "override the registry's GitHub App ID (credentials.github.app-id)",
        },
        'github-app-private-key-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the GitHub App's private key (PEM); never pass the key itself as a flag",
        },
        'github-app-private-key-file': {
            type: 'string',
            value: 'FILE',
            description: "file holding the GitHub App's private key (PEM), e.g. a GitLab file variable",
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
    },
    examples: [
        'astl credentials --agent deploy-bot --purpose "Deploy $CI_COMMIT_SHORT_SHA" \\',
        '  --aws-id-token-env AWS_ID_TOKEN --vault-id-token-env VAULT_ID_TOKEN',
        'astl credentials --agent review-bot --github-app-private-key-file "$GITHUB_APP_KEY"   # GH_TOKEN in the env file',
        '. .astl/credentials.env   # in the same job script; then: astl revoke --state .astl/state.json',
    ],
    notes: [
        'Prints only non-secret facts (agent, owner, purpose, identities, expiry). Secrets go to the',
        '0600 env file only; never list it as an artifact or a dotenv report.',
        'Exit codes: 0 credentials ready, 1 a provider refused or failed, 3 refused by the registry or',
        'policy before any token was used, or a usage error.',
    ],
};
async function run(args, io) {
    const redactor = new redact/* Redactor */.pO();
    const say = (text) => io.err(redactor.redact(text));
    // Relative to the working directory: GitLab runs every script in the project directory.
    const base = io.cwd;
    const inBase = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(base, p));
    const envFile = inBase((0,cli_args/* str */.gx)(args, 'export-file') || '.astl/credentials.env');
    const stateFile = inBase((0,cli_args/* str */.gx)(args, 'state') || '.astl/state.json');
    const auditFile = inBase((0,cli_args/* str */.gx)(args, 'audit') || '.astl/audit.jsonl');
    const format = (0,cli_args/* choice */.Yq)(args, 'format', ['text', 'json'], 'text');
    const tokenVars = {
        any: (0,cli_args/* str */.gx)(args, 'id-token-env') || undefined,
        aws: (0,cli_args/* str */.gx)(args, 'aws-id-token-env') || undefined,
        vault: (0,cli_args/* str */.gx)(args, 'vault-id-token-env') || undefined,
        github: (0,cli_args/* str */.gx)(args, 'github-id-token-env') || undefined,
    };
    const noTokenVars = !tokenVars.any && !tokenVars.aws && !tokenVars.vault && !tokenVars.github;
    // The App's key is a secret: registered for redaction the moment it is read, before any check.
    const githubAppKey = readAppKey(args, io, redactor);
    // In a GitHub Actions step the runner mints tokens per audience; elsewhere a variable must hold one.
    const onGitHubRunner = Boolean(io.env.ACTIONS_ID_TOKEN_REQUEST_URL && io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    // App mode needs no ID token at all (the key signs the App JWT).
    if (noTokenVars && !onGitHubRunner && !githubAppKey) {
        throw new exit/* UsageError */.e("'astl credentials' needs the variable that holds the job's ID token: --id-token-env VAR (or --aws-id-token-env / --vault-id-token-env)", 'in GitLab, declare `id_tokens: { AWS_ID_TOKEN: { aud: sts.amazonaws.com } }` and pass --aws-id-token-env AWS_ID_TOKEN');
    }
    const agent = (0,cli_args/* str */.gx)(args, 'agent')?.trim() || undefined;
    const agentType = (0,cli_args/* str */.gx)(args, 'agent-type')?.trim() || undefined;
    if (!agent && !agentType) {
        throw new exit/* UsageError */.e("'astl credentials' needs --agent (or --agent-type when one agent has that type)");
    }
    const durationText = (0,cli_args/* str */.gx)(args, 'duration')?.trim();
    const durationSeconds = durationText ? (0,duration/* parseDuration */.E)(durationText, '--duration') : undefined;
    const env = io.env;
    const request = {
        ...(agent ? { agent } : {}),
        ...(agentType ? { agentType } : {}),
        ...((0,cli_args/* oneLine */.TN)(args, 'purpose') ? { purpose: (0,cli_args/* oneLine */.TN)(args, 'purpose') } : {}),
        ...(durationSeconds !== undefined ? { durationSeconds } : {}),
        configPath: (0,cli_args/* str */.gx)(args, 'config') || 'agent-config.yaml',
        policiesDir: (0,cli_args/* str */.gx)(args, 'policies') || 'policies',
        workspace: base,
        run: ciRun(env),
    };
    const aws = { roleArn: (0,cli_args/* str */.gx)(args, 'aws-role-arn'), region: (0,cli_args/* str */.gx)(args, 'aws-region') };
    if (aws.roleArn || aws.region)
        request.aws = strip(aws);
    const vault = { url: (0,cli_args/* str */.gx)(args, 'vault-url'), role: (0,cli_args/* str */.gx)(args, 'vault-role') };
    if (vault.url || vault.role)
        request.vault = strip(vault);
    // GITHUB_API_URL is honoured everywhere (GitHub Enterprise Server); the default owner and
    // repository only inside GitHub Actions, where GITHUB_REPOSITORY is the job's repository.
    const onGitHubActions = !env.GITLAB_CI && Boolean(env.GITHUB_ACTIONS);
    const githubAppId = (0,cli_args/* str */.gx)(args, 'github-app-id')?.trim();
    if (githubAppId && !/^(\d{1,12}|Iv[0-9A-Za-z.]{4,40})$/.test(githubAppId)) {
        throw new exit/* UsageError */.e(`--github-app-id ${githubAppId}: not a GitHub App ID`, "give the App's numeric ID (or its client ID, Iv…), from the App's settings page");
    }
    request.github = strip({
        appId: githubAppId,
        privateKey: githubAppKey,
        apiUrl: env.GITHUB_API_URL,
        repository: onGitHubActions ? env.GITHUB_REPOSITORY : undefined,
    });
    const logger = {
        info: (m) => say(m),
        warning: (m) => say(`${(0,cli_io/* paint */.n)(io, 'yellow', 'warning')}: ${m}`),
        debug: (m) => {
            if (env.ASTL_DEBUG)
                say(`debug: ${m}`);
        },
    };
    // The engine (registry, schemas, providers) loads only now, so --help and usage errors stay fast.
    const { applyAuditLevel, githubIdTokenSource, MintFailure, mintCredentials, stateSecrets, toJsonLines } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(989), __webpack_require__.e(348)]).then(__webpack_require__.bind(__webpack_require__, 6348));
    const { decodeTokenClaims } = await Promise.all(/* import() */[__webpack_require__.e(989), __webpack_require__.e(66)]).then(__webpack_require__.bind(__webpack_require__, 3989));
    const saveState = (state) => {
        for (const secret of stateSecrets(state))
            redactor.add(secret);
        writePrivateFile(stateFile, `${JSON.stringify({ ...state, cli: { envFile } }, null, 2)}\n`);
    };
    const appendAudit = (file, events) => {
        if (events.length === 0)
            return;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true, mode: 0o700 });
        (0,external_node_fs_.appendFileSync)(file, redactor.redact(toJsonLines(events)), { mode: 0o600 });
    };
    let result;
    try {
        result = await mintCredentials(request, {
            getIdToken: noTokenVars ? githubIdTokenSource(env) : idTokenFromEnv(tokenVars, env, decodeTokenClaims),
            registerSecret: (v) => redactor.add(v),
            onState: saveState,
            logger,
            env,
        });
    }
    catch (err) {
        if (!(err instanceof MintFailure))
            throw err;
        if (err.state) {
            saveState(err.state);
            const issued = [err.state.vault && 'A Vault token', err.state.github && 'a GitHub token'].filter(Boolean);
            if (issued.length > 0) {
                say(`${issued.join(' and ').replace(/^a/, 'A')} ${issued.length > 1 ? 'were' : 'was'} issued before the failure; 'astl revoke --state ${(0,cli_args/* str */.gx)(args, 'state') || '.astl/state.json'}' revokes ${issued.length > 1 ? 'them' : 'it'}.`);
            }
        }
        appendAudit(auditFile, applyAuditLevel(err.audit, err.state?.auditLevel ?? 'full'));
        const cause = err.error;
        say(`astl: ${cause instanceof errors/* AstlError */.Ht ? cause.format() : (0,errors/* describeError */.Uc)(cause)}`);
        say(`correlation id ${err.correlationId}`);
        if (!(cause instanceof errors/* AstlError */.Ht))
            return exit/* EXIT */.d.usage;
        return err.refused ? exit/* EXIT */.d.usage : exit/* EXIT */.d.deny;
    }
    // Every secret is registered; now they may go to the private env file, and only there.
    writePrivateFile(envFile, envFileText({
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
        ...(result.outputs.githubInstallationId
            ? { githubInstallationId: result.outputs.githubInstallationId }
            : {}),
        ...(result.outputs.githubPermissions
            ? { githubPermissions: JSON.parse(result.outputs.githubPermissions) }
            : {}),
    };
    io.out(redactor.redact(format === 'json' ? JSON.stringify(facts, null, 2) : summary(result, envFile, io)));
    return exit/* EXIT */.d.ok;
}
function summary(r, envFile, io) {
    const lines = [
        `${(0,cli_io/* paint */.n)(io, 'green', 'credentials ready')} for agent ${r.agent}`,
        `  owner:          ${r.owner}`,
        `  type:           ${r.type}`,
        `  purpose:        ${r.purpose}`,
        `  correlation id: ${r.correlationId}`,
        `  policies:       ${r.appliedPolicies.join(', ') || 'none'}`,
    ];
    for (const c of r.credentials) {
        lines.push(`  ${c.provider.padEnd(6)}  ${c.identity}`);
        lines.push(`          expires ${c.expiresAt} (${(0,duration/* formatDuration */.a)(c.ttlSeconds)})`);
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
        const candidates = [
            ...new Set([vars.aws, vars.vault, vars.github, vars.any].filter((v) => Boolean(v))),
        ];
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
        throw new errors/* AstlError */.Ht(`no ID token with audience '${audience}': ${seen.join('; ')}`, {
            code: 'OIDC_AUDIENCE_MISMATCH',
            hint: `give the job an ID token whose aud is '${audience}' (GitLab id_tokens) and name its variable with --aws-id-token-env / --vault-id-token-env / --github-id-token-env`,
            fix: `id_tokens:\n  ${suggested}:\n    aud: ${audience}\n`,
        });
    };
}
/**
 * The GitHub App key from --github-app-private-key-env VAR or --github-app-private-key-file FILE
 * (never a flag value, which `ps` shows), redacted from every line this command prints.
 */
function readAppKey(args, io, redactor) {
    const variable = (0,cli_args/* str */.gx)(args, 'github-app-private-key-env')?.trim();
    const file = (0,cli_args/* str */.gx)(args, 'github-app-private-key-file')?.trim();
    if (variable && file) {
        throw new exit/* UsageError */.e('give the GitHub App key once: --github-app-private-key-env or --github-app-private-key-file, not both');
    }
    let key;
    if (variable) {
        key = io.env[variable];
        if (!key?.trim()) {
            throw new exit/* UsageError */.e(`--github-app-private-key-env ${variable}: the variable is not set or empty`, "store the App's private key in a masked CI/CD variable of that name (or use a file variable with --github-app-private-key-file)");
        }
    }
    else if (file) {
        const path = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.join)(io.cwd, file);
        try {
            key = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (err) {
            throw new exit/* UsageError */.e(`--github-app-private-key-file ${file}: cannot read it (${err.code ?? 'error'})`, 'point it at the PEM file GitHub generated for the App (a GitLab file variable gives such a path)');
        }
    }
    if (!key?.trim())
        return undefined;
    redactor.add(key);
    redactor.add(key.trim());
    redactor.add(key.trim().replace(/\\n/g, '\n'));
    return key;
}
function strip(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v));
}


/***/ })

};
