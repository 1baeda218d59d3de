"use strict";
exports.id = 365;
exports.ids = [365];
exports.modules = {

/***/ 4426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ awsRevoker)
/* harmony export */ });
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5166);
/**
 * AWS STS at the post step: sessions cannot be revoked one by one, so `revoke` says when the
 * session expires and how to end it sooner (revoking the role's active sessions in IAM).
 */

function awsRevoker() {
    return {
        name: 'aws',
        label: 'AWS STS',
        stateSecrets: () => [],
        revokeTarget: (state) => `aws:${state.roleArn}`,
        async revoke(state, ctx) {
            const remaining = Math.round((Date.parse(state.expiresAt) - ctx.now().getTime()) / 1000);
            const base = {
                provider: 'aws',
                identity: `${state.roleArn} session ${state.sessionName}`,
                expiresAt: state.expiresAt,
            };
            if (remaining <= 0) {
                return { ...base, outcome: 'skipped-expired', message: `already expired at ${state.expiresAt}` };
            }
            const message = `AWS STS sessions cannot be revoked one by one; session ${state.sessionName} expires at ${state.expiresAt} (in ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(remaining)}). To end it sooner, revoke the role's active sessions in IAM (this ends every session of the role).`;
            ctx.log.info(message);
            return { ...base, outcome: 'not-revocable', message };
        },
    };
}


/***/ }),

/***/ 5294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ INSTALLATION_TOKEN_SECONDS),
/* harmony export */   IO: () => (/* binding */ githubRevoker),
/* harmony export */   cu: () => (/* binding */ identityOf)
/* harmony export */ });
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5166);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(425);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4066);
/* harmony import */ var _providers_github_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8473);
/* harmony import */ var _providers_github_permissions_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(997);
/**
 * A GitHub App installation token at the post step: DELETE /installation/token
 * (https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token), sent
 * only where revoke-guard.ts allows. Apart from github.ts so the post step loads no minting code.
 */





/** GitHub fixes an installation token's life at one hour. */
const INSTALLATION_TOKEN_SECONDS = 3600;
/** `revoke` is replaceable for tests (github.ts's GitHubAppClient). */
function githubRevoker(revoke = _providers_github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .revokeInstallationToken */ .EZ) {
    return {
        name: 'github',
        label: 'GitHub App',
        stateSecrets: (state) => (state.token ? [state.token] : []),
        revokeTarget: (state) => `github:${state.repositories.map((r) => `${state.owner}/${r}`).join(', ')}`,
        async revoke(s, ctx) {
            const facts = `repositories ${s.repositories.map((r) => `${s.owner}/${r}`).join(', ')}; permissions ${(0,_providers_github_permissions_js__WEBPACK_IMPORTED_MODULE_4__/* .formatPermissions */ .A6)(s.permissions)}`;
            const base = { provider: 'github', identity: identityOf(s), expiresAt: s.expiresAt };
            if (s.revokedAt) {
                return {
                    ...base,
                    outcome: 'revoked',
                    message: `revoked by the main step at ${s.revokedAt}, because GitHub granted more than was asked (${facts})`,
                };
            }
            const shorter = s.requestedSeconds < INSTALLATION_TOKEN_SECONDS;
            if (!ctx.revoke) {
                ctx.log.info(`GitHub: not revoking (revoke: false); the token expires at ${s.expiresAt}`);
                return {
                    ...base,
                    outcome: 'disabled',
                    message: `revoke is false; the token (${facts}) stays valid until it expires at ${s.expiresAt}${shorter ? `, longer than the requested ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(s.requestedSeconds)}` : ''}`,
                };
            }
            if (ctx.refusal) {
                return {
                    ...base,
                    outcome: 'failed',
                    message: `${ctx.refusal}; the token stays valid until it expires at ${s.expiresAt} (${facts}). Suspend the App's installation, or revoke it with the token against your GitHub API: gh api -X DELETE /installation/token`,
                };
            }
            if (Date.parse(s.expiresAt) <= ctx.now().getTime()) {
                ctx.log.info(`GitHub: the token already expired at ${s.expiresAt}; skipped`);
                return {
                    ...base,
                    outcome: 'skipped-expired',
                    message: `already expired at ${s.expiresAt}; nothing to revoke (${facts})`,
                };
            }
            try {
                const outcome = await revoke({ apiUrl: s.apiUrl, token: s.token, deadline: ctx.deadline });
                if (outcome === 'already-invalid') {
                    ctx.log.info('GitHub: the token was already invalid; nothing to revoke');
                    return {
                        ...base,
                        outcome: 'skipped-expired',
                        message: `GitHub says the token is no longer valid (expired or already revoked); nothing to revoke (${facts})`,
                    };
                }
                ctx.log.info(`GitHub: installation token revoked (${facts})`);
                return {
                    ...base,
                    outcome: 'revoked',
                    message: `revoked with DELETE /installation/token${s.partial ? ' (the main step failed after it was issued)' : ''}; ${facts}${shorter ? `; the requested ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(s.requestedSeconds)} was honoured by revoking it when the job ended` : ''}`,
                };
            }
            catch (err) {
                const reason = err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht ? err.message : (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFault */ .Qx)(err);
                return {
                    ...base,
                    outcome: 'failed',
                    message: `could not revoke the GitHub token (${reason}); it stays valid until ${s.expiresAt} (${facts}). Revoke it by hand with the token: gh api -X DELETE /installation/token, or suspend the App's installation`,
                };
            }
        },
    };
}
function identityOf(s) {
    if (s.mode === 'exchange')
        return `STS ${s.stsUrl} identity ${s.identity} (scope ${s.scope})`;
    return `App ${s.appId}${s.installationId !== undefined ? `, installation ${s.installationId}` : ''} (${s.owner})`;
}


/***/ }),

/***/ 7365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultRevokers: () => (/* binding */ defaultRevokers)
/* harmony export */ });
/* harmony import */ var _aws_revoke_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4426);
/* harmony import */ var _github_revoke_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5294);
/* harmony import */ var _vault_revoke_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(625);



function defaultRevokers() {
    return [(0,_aws_revoke_js__WEBPACK_IMPORTED_MODULE_0__/* .awsRevoker */ .e)(), (0,_vault_revoke_js__WEBPACK_IMPORTED_MODULE_2__/* .vaultRevoker */ .V)(), (0,_github_revoke_js__WEBPACK_IMPORTED_MODULE_1__/* .githubRevoker */ .IO)()];
}


/***/ }),

/***/ 625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ vaultRevoker)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4066);
/* harmony import */ var _providers_vault_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9203);
/**
 * Vault's revocation, from the post step's saved state alone: auth/token/revoke-self
 * (https://developer.hashicorp.com/vault/api-docs/auth/token#revoke-a-token-self), which takes the
 * token's child tokens and leases with it. Apart from vault.ts so the post step loads no login code.
 */



/** `revokeSelf` is replaceable for tests; it resolves 'already-invalid' for Vault's 403. */
function vaultRevoker(revokeSelf = _providers_vault_js__WEBPACK_IMPORTED_MODULE_2__/* .revokeSelf */ .lc) {
    return {
        name: 'vault',
        label: 'HashiCorp Vault',
        stateSecrets: (state) => (state.token ? [state.token] : []),
        revokeTarget: (state) => `vault:${state.url}`,
        async revoke(v, ctx) {
            const base = {
                provider: 'vault',
                identity: `${v.url}${v.namespace ? ` (namespace ${v.namespace})` : ''}${v.accessor ? ` accessor ${v.accessor}` : ''}`,
                expiresAt: v.expiresAt,
            };
            if (!ctx.revoke) {
                ctx.log.info(`Vault: not revoking (revoke: false); the token expires at ${v.expiresAt}`);
                return {
                    ...base,
                    outcome: 'disabled',
                    message: `revoke is false; the token stays valid until it expires at ${v.expiresAt}`,
                };
            }
            if (ctx.refusal) {
                return {
                    ...base,
                    outcome: 'failed',
                    message: `${ctx.refusal}; the token stays valid until it expires at ${v.expiresAt} (revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'})`,
                };
            }
            if (Date.parse(v.expiresAt) <= ctx.now().getTime()) {
                ctx.log.info(`Vault: the token already expired at ${v.expiresAt}; skipped`);
                return {
                    ...base,
                    outcome: 'skipped-expired',
                    message: `already expired at ${v.expiresAt}; nothing to revoke`,
                };
            }
            try {
                const outcome = await revokeSelf({
                    url: v.url,
                    token: v.token,
                    deadline: ctx.deadline,
                    ...(v.namespace ? { namespace: v.namespace } : {}),
                });
                if (outcome === 'already-invalid') {
                    ctx.log.info('Vault: the token was already invalid; nothing to revoke');
                    return {
                        ...base,
                        outcome: 'skipped-expired',
                        message: 'Vault says the token is no longer valid (expired or already revoked); nothing to revoke',
                    };
                }
                ctx.log.info(`Vault: token${v.accessor ? ` ${v.accessor}` : ''} revoked`);
                return {
                    ...base,
                    outcome: 'revoked',
                    message: `revoked with auth/token/revoke-self${v.partial ? ' (the main step failed after login)' : ''}; child tokens and leases revoked with it`,
                };
            }
            catch (err) {
                const reason = err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht ? err.message : (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFault */ .Qx)(err);
                return {
                    ...base,
                    outcome: 'failed',
                    message: `could not revoke the Vault token (${reason}); it stays valid until ${v.expiresAt}. Revoke it by accessor: vault token revoke -accessor ${v.accessor ?? '<accessor>'}`,
                };
            }
        },
    };
}


/***/ }),

/***/ 997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A6: () => (/* binding */ formatPermissions),
/* harmony export */   FR: () => (/* binding */ excessOf),
/* harmony export */   Gp: () => (/* binding */ knownDerivedPairs),
/* harmony export */   PN: () => (/* binding */ GITHUB_APP_PERMISSIONS),
/* harmony export */   QY: () => (/* binding */ levelWithin),
/* harmony export */   tz: () => (/* binding */ deriveGitHubPermissions)
/* harmony export */ });
/* unused harmony exports isWriteLevel, DERIVED_GITHUB_PERMISSIONS */
/**
 * GitHub App permissions: the names and levels an installation access token can be asked for,
 * the table that derives them from an agent's declared `permissions`, and the check that a token
 * GitHub issued stays within what was asked.
 *
 * The names and levels are the `app-permissions` object of GitHub's REST API description, the
 * body of "Create an installation access token for an app"
 * (https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app).
 * schemas/agent-config.schema.json lists the same names (a test keeps the two in step).
 */
const RW = ['read', 'write'];
const RWA = ['read', 'write', 'admin'];
const R = ['read'];
const W = ['write'];
/** Every permission an installation token can carry, with the levels GitHub accepts for it. */
const GITHUB_APP_PERMISSIONS = {
    // Repository permissions
    actions: RW,
    administration: RW,
    checks: RW,
    codespaces: RW,
    contents: RW,
    dependabot_secrets: RW,
    deployments: RW,
    environments: RW,
    issues: RW,
    metadata: RW,
    packages: RW,
    pages: RW,
    pull_requests: RW,
    repository_custom_properties: RW,
    repository_hooks: RW,
    repository_projects: RWA,
    secret_scanning_alerts: RW,
    secrets: RW,
    security_events: RW,
    single_file: RW,
    statuses: RW,
    vulnerability_alerts: RW,
    workflows: W,
    // Organization permissions
    members: RW,
    organization_administration: RW,
    organization_custom_roles: RW,
    organization_custom_org_roles: RW,
    organization_custom_properties: RWA,
    organization_copilot_seat_management: W,
    organization_announcement_banners: RW,
    organization_events: R,
    organization_hooks: RW,
    organization_personal_access_tokens: RW,
    organization_personal_access_token_requests: RW,
    organization_plan: R,
    organization_projects: RWA,
    organization_packages: RW,
    organization_secrets: RW,
    organization_self_hosted_runners: RW,
    organization_user_blocking: RW,
    team_discussions: RW,
    // Account permissions
    email_addresses: RW,
    followers: RW,
    git_ssh_keys: RW,
    gpg_keys: RW,
    interaction_limits: RW,
    profile: W,
    starring: RW,
};
const RANK = { read: 1, write: 2, admin: 3 };
/** True when `level` grants at most what `limit` grants (read < write < admin). */
function levelWithin(level, limit) {
    const a = RANK[level];
    const b = RANK[limit];
    return a !== undefined && b !== undefined && a <= b;
}
function isWriteLevel(level) {
    return level === 'write' || level === 'admin';
}
/**
 * The derived-permissions table: a declared `resource: access` pair of the registry and the
 * GitHub permission it becomes when `credentials.github.permissions` is absent. GitHub has no
 * permission narrower than write for commenting, so `comment` becomes `write`.
 */
const DERIVED_GITHUB_PERMISSIONS = [
    { resource: 'repository', access: 'read', permission: 'contents', level: 'read' },
    { resource: 'repository', access: 'write', permission: 'contents', level: 'write' },
    { resource: 'pull-requests', access: 'read', permission: 'pull_requests', level: 'read' },
    { resource: 'pull-requests', access: 'comment', permission: 'pull_requests', level: 'write' },
    { resource: 'pull-requests', access: 'write', permission: 'pull_requests', level: 'write' },
    { resource: 'issues', access: 'read', permission: 'issues', level: 'read' },
    { resource: 'issues', access: 'comment', permission: 'issues', level: 'write' },
    { resource: 'issues', access: 'write', permission: 'issues', level: 'write' },
    { resource: 'checks', access: 'read', permission: 'checks', level: 'read' },
    { resource: 'checks', access: 'write', permission: 'checks', level: 'write' },
    { resource: 'statuses', access: 'read', permission: 'statuses', level: 'read' },
    { resource: 'statuses', access: 'write', permission: 'statuses', level: 'write' },
    { resource: 'deployments', access: 'read', permission: 'deployments', level: 'read' },
    { resource: 'deployments', access: 'write', permission: 'deployments', level: 'write' },
    { resource: 'actions', access: 'read', permission: 'actions', level: 'read' },
    { resource: 'actions', access: 'write', permission: 'actions', level: 'write' },
    { resource: 'packages', access: 'read', permission: 'packages', level: 'read' },
    { resource: 'packages', access: 'write', permission: 'packages', level: 'write' },
];
/** Every `resource: access` pair the table knows, for the refusal of one it does not. */
function knownDerivedPairs() {
    return DERIVED_GITHUB_PERMISSIONS.map((r) => `${r.resource}: ${r.access}`);
}
/**
 * The GitHub permissions derived from declared pairs, the highest level when two pairs name the
 * same permission, plus the pairs the table does not know (the caller refuses those).
 */
function deriveGitHubPermissions(declared) {
    const permissions = {};
    const unmapped = [];
    declared.forEach((p, index) => {
        const row = DERIVED_GITHUB_PERMISSIONS.find((r) => r.resource === p.resource && r.access === p.access);
        if (!row) {
            unmapped.push({ resource: p.resource, access: p.access, index });
            return;
        }
        const had = permissions[row.permission];
        if (!had || !levelWithin(row.level, had))
            permissions[row.permission] = row.level;
    });
    return { permissions, unmapped };
}
/**
 * What a token GitHub issued holds beyond what was asked: permissions not asked for or at a
 * higher level, and repositories not asked for. `metadata: read` is allowed unasked, because
 * GitHub adds it to every token that reaches a repository.
 */
function excessOf(asked, granted) {
    const excess = [];
    for (const [name, level] of Object.entries(granted.permissions ?? {})) {
        const limit = asked.permissions[name] ?? (name === 'metadata' ? 'read' : undefined);
        if (limit === undefined)
            excess.push(`${name}: ${level} (not asked for)`);
        else if (!levelWithin(level, limit))
            excess.push(`${name}: ${level} (asked for ${limit})`);
    }
    const wanted = new Set(asked.repositories.map((r) => r.toLowerCase()));
    for (const repo of granted.repositories ?? []) {
        if (!wanted.has(repo.toLowerCase()))
            excess.push(`repository ${repo} (not asked for)`);
    }
    return excess;
}
/** `contents: read, pull_requests: write`, in name order. */
function formatPermissions(permissions) {
    return Object.entries(permissions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
}


/***/ }),

/***/ 9203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lr: () => (/* binding */ normalizeAuthPath),
/* harmony export */   O4: () => (/* binding */ readKvSecret),
/* harmony export */   ej: () => (/* binding */ refuseWrapped),
/* harmony export */   lc: () => (/* binding */ revokeSelf),
/* harmony export */   mE: () => (/* binding */ vaultRequest)
/* harmony export */ });
/* unused harmony exports normalizeVaultUrl, normalizeKvPath, readKvSecretData, lookupSelf */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5770);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4066);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5036);
/**
 * HashiCorp Vault's HTTP API (https://developer.hashicorp.com/vault/api-docs): KV v1/v2 reads,
 * token lookup-self and revoke-self, over the engine's own HTTP client; the JWT auth login, with
 * its diagnosis of a refusal, is in vault-login.ts, so the post step (which only revokes) loads
 * neither. It is the one Vault client of the product: the main step logs in and reads, the post
 * step revokes.
 *
 * Each call names its namespace and token explicitly (X-Vault-Namespace, X-Vault-Token), so
 * VAULT_NAMESPACE / VAULT_TOKEN in the environment never apply by accident. Vault's `{errors}`
 * answer is reduced to status + error text before anything else sees it; response bodies are
 * never quoted (they hold tokens and secrets). Retries: network faults, 5xx, 429 and 412 (a
 * performance standby not yet consistent); 400/403/404 fail at once.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).




const RETRYABLE_VAULT_STATUSES = new Set([412, 429]);
function normalizeVaultUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = new URL('invalid:');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`vault-url: "${url}" is not an http(s) URL`, {
            code: 'VAULT_URL_INVALID',
            fix: 'vault-url: https://vault.example.com:8200',
        });
    }
    return url.replace(/\/+$/, '');
}
function normalizeAuthPath(authPath) {
    const p = (authPath ?? 'jwt')
        .trim()
        .replace(/^\/+|\/+$/g, '')
        .replace(/^auth\//, '');
    if (!p || /[\s?#]|\.\./.test(p)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`vault-auth-path: "${authPath}" is not a mount path like "jwt" or "jwt-github"`, {
            code: 'VAULT_AUTH_PATH_INVALID',
        });
    }
    return p;
}
/** A KV path used verbatim (as the HTTP API spells it), minus stray slashes. */
function normalizeKvPath(path) {
    const p = path
        .trim()
        .replace(/^\/+|\/+$/g, '')
        .replace(/^v1\//, '');
    if (!p.includes('/') || /[\s?#]|\.\./.test(p)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault secret path "${path}" is not a path like "secret/data/ci/deploy"`, {
            code: 'VAULT_SECRET_PATH_INVALID',
            hint: 'write the path as the HTTP API spells it: <mount>/data/<path> for KV v2, <mount>/<path> for KV v1.',
        });
    }
    return p;
}
/** KV secrets can be certificates or bundles; anything past this is not a Vault answer we want. */
const MAX_VAULT_RESPONSE_BYTES = 1024 * 1024;
const isRetryable = (err) => (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkFault */ .d$)(err) ||
    (err instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .ProviderHttpError */ .gm && (err.status >= 500 || RETRYABLE_VAULT_STATUSES.has(err.status)));
/** Vault's `{"errors": [...]}` as one printable line, or the start of a non-JSON body. */
function vaultErrorText(text) {
    try {
        const errors = JSON.parse(text).errors;
        if (Array.isArray(errors))
            return (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .shortMessage */ .Sq)(errors.map(String).filter(Boolean).join('; '));
    }
    catch {
        // a proxy's page, or nothing
    }
    return (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .shortMessage */ .Sq)(text, 200);
}
/**
 * One Vault API call under the retry policy. Resolves the parsed JSON body of a 2xx answer
 * (undefined for 204); a non-retryable HTTP error goes through `onRefusal` to an AstlError.
 */
async function vaultRequest(call, what, api, onRefusal) {
    const url = `${normalizeVaultUrl(call.url)}/v1/${api.path}`;
    const headers = { 'X-Vault-Request': 'true' };
    const namespace = call.namespace?.replace(/^\/+|\/+$/g, '');
    if (namespace)
        headers['X-Vault-Namespace'] = namespace;
    if (api.token !== undefined)
        headers['X-Vault-Token'] = api.token;
    let body;
    if (api.body) {
        body = JSON.stringify(api.body);
        headers['content-type'] = 'application/json';
    }
    try {
        return await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(async (signal) => {
            const res = await (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .sendAttempt */ .ob)(url, { method: api.method, headers, body, signal, maxResponseBytes: MAX_VAULT_RESPONSE_BYTES }, what, 'VAULT_REQUEST_FAILED');
            const text = res.text();
            if (res.status >= 200 && res.status < 300) {
                if (!text.trim())
                    return undefined;
                try {
                    return JSON.parse(text);
                }
                catch {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${what}: Vault answered HTTP ${res.status} with a body that is not JSON`, {
                        code: 'VAULT_RESPONSE_INVALID',
                        hint: (s) => `check that the Vault address (${s.name('vault-url')} or the registry's credentials.vault.url) points at Vault itself, not a proxy or a web page.`,
                    });
                }
            }
            // A proxy's error page may echo what we sent; neither the token nor the JWT leaves here.
            const err = new _retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .ProviderHttpError */ .gm(res.status, undefined, (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .scrubSecret */ .SK)(vaultErrorText(text), api.token, typeof api.body?.jwt === 'string' ? api.body.jwt : undefined), (0,_core_http_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(res.headers['retry-after']));
            if (isRetryable(err))
                throw err;
            const refusal = onRefusal(err);
            if (refusal === 'already-invalid')
                return refusal;
            throw refusal;
        }, (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .retryOptions */ .tO)(what, call.deadline, isRetryable, call.retry));
    }
    catch (err) {
        (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .exhausted */ .uW)(err, 'VAULT_UNAVAILABLE', (s) => `Vault at ${call.url} did not answer in time; re-run the job, or check the Vault address (${s.name('vault-url')} or the registry's credentials.vault.url) and the network.`);
    }
}
/**
 * A response-wrapped answer (`wrap_info`, no `auth`/`data`): Vault wraps when the role, a policy
 * or a proxy demands it; the real answer sits behind a single-use token this client does not unwrap.
 */
function refuseWrapped(body, what) {
    const wrap = body?.wrap_info;
    if (wrap && typeof wrap === 'object') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${what}: Vault answered with a response-wrapping token instead of the answer`, {
            code: 'VAULT_RESPONSE_WRAPPED',
            hint: 'response wrapping is required for this path or role (a sys/wrapping policy, X-Vault-Wrap-TTL at a proxy); turn it off for the CI role.',
        });
    }
}
/**
 * Reads a KV secret's data map. KV v2 (`<mount>/data/<path>`) answers `{data: {data, metadata}}`,
 * KV v1 `{data}`; both are accepted. The path is used as given: `secret/ci/deploy` on a KV v2
 * mount is a 404 whose hint names the `data/` form, rather than a guess that could read the wrong path.
 */
async function readKvSecretData(req) {
    const path = normalizeKvPath(req.path);
    const body = await vaultRequest(req, `Vault read of ${path}`, { method: 'GET', path, token: req.token }, (err) => kvRefusal(err, path, req.namespace));
    refuseWrapped(body, `Vault read of ${path}`);
    const data = body?.data;
    if (data && typeof data === 'object' && 'metadata' in data && 'data' in data) {
        const inner = data.data;
        if (inner === null) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault secret ${path} has no current version (deleted)`, {
                code: 'VAULT_SECRET_NOT_FOUND',
            });
        }
        return (inner ?? {});
    }
    return (data ?? {});
}
/** One key of a KV secret, as a string (non-string values are JSON-encoded). */
async function readKvSecret(req) {
    const data = await readKvSecretData(req);
    if (!(req.key in data)) {
        const keys = Object.keys(data);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault secret ${normalizeKvPath(req.path)} has no key "${req.key}"`, {
            code: 'VAULT_KEY_NOT_FOUND',
            hint: keys.length ? `its keys are: ${keys.join(', ')}.` : 'the secret has no keys.',
        });
    }
    const value = data[req.key];
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function kvRefusal(err, path, namespace) {
    const ns = namespace ? ` in namespace ${namespace}` : '';
    if (err.status === 404) {
        const isV2 = /^[^/]+\/data\//.test(path);
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault secret ${path}${ns} does not exist`, {
            code: 'VAULT_SECRET_NOT_FOUND',
            hint: isV2
                ? 'check the path and the namespace.'
                : `on a KV v2 mount the HTTP path includes data/: ${path.replace(/^([^/]+)\//, '$1/data/')}.`,
        });
    }
    if (err.status === 403) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault denied reading ${path}${ns}: ${err.providerMessage || 'permission denied'}`, {
            code: 'VAULT_PERMISSION_DENIED',
            hint: `the role's token policies must grant "read" on ${path} (path "${path}" { capabilities = ["read"] }).`,
        });
    }
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault refused reading ${path}${ns}: ${err.message}`, {
        code: 'VAULT_REQUEST_FAILED',
    });
}
/** `POST /v1/auth/token/revoke-self` (revokes child tokens and leases too). A 403 means already invalid. */
async function revokeSelf(req) {
    const outcome = await vaultRequest(req, 'Vault token revoke-self', { method: 'POST', path: 'auth/token/revoke-self', token: req.token }, (err) => err.status === 403
        ? 'already-invalid'
        : new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' }));
    return outcome === 'already-invalid' ? outcome : 'revoked';
}
/** `GET /v1/auth/token/lookup-self`. */
async function lookupSelf(req) {
    const body = await vaultRequest(req, 'Vault token lookup-self', { method: 'GET', path: 'auth/token/lookup-self', token: req.token }, (err) => new AstlError(`Vault token lookup failed: ${err.message}`, {
        code: err.status === 403 ? 'VAULT_TOKEN_INVALID' : 'VAULT_REQUEST_FAILED',
        hint: err.status === 403 ? 'the token is expired, revoked, or from another namespace.' : undefined,
    }));
    const d = (body?.data ?? {});
    return {
        accessor: typeof d.accessor === 'string' ? d.accessor : '',
        policies: Array.isArray(d.policies) ? d.policies.map(String) : [],
        ttlSeconds: typeof d.ttl === 'number' ? d.ttl : 0,
        expireTime: typeof d.expire_time === 'string' ? d.expire_time : undefined,
        displayName: typeof d.display_name === 'string' ? d.display_name : undefined,
        namespacePath: typeof d.namespace_path === 'string' ? d.namespace_path : undefined,
        renewable: d.renewable === true,
    };
}


/***/ })

};
;