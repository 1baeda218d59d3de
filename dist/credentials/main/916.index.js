"use strict";
exports.id = 916;
exports.ids = [916];
exports.modules = {

/***/ 9916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mintGitHubToken: () => (/* binding */ mintGitHubToken)
});

// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
// EXTERNAL MODULE: ./packages/providers/github-api.ts
var github_api = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/providers/diagnose.ts
var diagnose = __webpack_require__(1196);
// EXTERNAL MODULE: ./packages/providers/github-permissions.ts
var github_permissions = __webpack_require__(997);
// EXTERNAL MODULE: ./packages/providers/oidc.ts + 1 modules
var oidc = __webpack_require__(3989);
;// CONCATENATED MODULE: ./packages/providers/github-app.ts
/**
 * The GitHub REST calls behind an App installation token, over the engine's own HTTP client:
 *
 * - `GET  /repos/{owner}/{repo}/installation` (App JWT): the App's installation on a repository;
 * - `POST /app/installations/{id}/access_tokens` (App JWT) with `repositories` and `permissions`;
 * - `GET  /installation/repositories` (installation token): what a token reaches;
 * - `GET  {sts-url}/sts/exchange?scope=…&identity=…` (OIDC token): an octo-sts compatible exchange.
 *
 * Reference: https://docs.github.com/rest/apps/apps and
 * https://docs.github.com/rest/apps/installations, API version 2022-11-28; octo-sts
 * (https://github.com/octo-sts/app) for the exchange. `apiUrl` is GITHUB_API_URL, so GitHub
 * Enterprise Server (`https://HOST/api/v3`) works as github.com does.
 *
 * Loaded only when a token is minted; the revocation is in github-api.ts. Faults: network faults, 5xx, 429 and rate limits (a 403 or 429 with `retry-after` or
 * `x-ratelimit-remaining: 0`, or GitHub's "secondary rate limit" message) are retried within the
 * deadline, waiting as long as GitHub asks (`retry-after`, `x-ratelimit-reset`); a wait past the
 * deadline fails at once and says until when. 401/403/404/422 fail at once, diagnosed as one of
 * "App not installed on this repository", "permission not granted to the App" or "bad key or app
 * id". Response bodies are never quoted beyond GitHub's one-line `message` (they hold tokens).
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).





const seg = encodeURIComponent;
/** The three diagnoses of an App-JWT call, with GitHub's message kept. */
function appRefusal(err, ctx) {
    const where = ctx.repositories.map((r) => `${ctx.owner}/${r}`).join(', ');
    const said = `GitHub answered HTTP ${err.status}: ${err.providerMessage || '(no message)'}`;
    if (err.status === 401) {
        return new errors/* AstlError */.Ht(`bad key or app id: GitHub did not accept the JWT of App ${ctx.appId} (${said})`, {
            code: 'GITHUB_APP_AUTH_FAILED',
            hint: `check that github-app-id (or credentials.github.app-id) is the App's ID and that github-app-private-key is a current private key of that App (the App's settings, "Private keys"); the runner's clock must be right, since the JWT is valid for 10 minutes.`,
        });
    }
    if (err.status === 422 && /permission/i.test(err.providerMessage)) {
        return new errors/* AstlError */.Ht(`permission not granted to the App: App ${ctx.appId}${ctx.installationId ? ` (installation ${ctx.installationId})` : ''} cannot grant ${ctx.asked ? (0,github_permissions/* formatPermissions */.A6)(ctx.asked) : 'the permissions asked for'} on ${where} (${said})`, {
            code: 'GITHUB_PERMISSION_NOT_GRANTED',
            hint: "give the App these permissions in its settings (Permissions & events) and have the installation's owner accept the new permissions, or ask for less in credentials.github.permissions.",
        });
    }
    if (err.status === 404 || err.status === 422) {
        return new errors/* AstlError */.Ht(`App not installed on this repository: App ${ctx.appId} cannot reach ${where} (${said})`, {
            code: 'GITHUB_APP_NOT_INSTALLED',
            hint: `install the App on ${where} (the App's public page, "Configure"), or correct credentials.github.owner and repositories; GitHub answers 404 for a repository that does not exist or that the App cannot see.`,
        });
    }
    if (err.status === 403 && /suspend/i.test(err.providerMessage)) {
        return new errors/* AstlError */.Ht(`App not installed on this repository: the installation of App ${ctx.appId} on ${ctx.owner} is suspended (${said})`, {
            code: 'GITHUB_APP_NOT_INSTALLED',
            hint: `an owner of ${ctx.owner} must unsuspend the installation (Settings, GitHub Apps, Configure).`,
        });
    }
    if (err.status === 403) {
        return new errors/* AstlError */.Ht(`permission not granted to the App: GitHub refused App ${ctx.appId} on ${where} (${said})`, {
            code: 'GITHUB_PERMISSION_NOT_GRANTED',
            hint: `check the App's permissions and the organisation's policies for ${ctx.owner} (an IP allow list also answers 403).`,
        });
    }
    return new errors/* AstlError */.Ht(`GitHub refused the request of App ${ctx.appId} for ${where}: ${said}`, {
        code: 'GITHUB_REQUEST_FAILED',
    });
}
/** `GET /repos/{owner}/{repo}/installation`: which installation of the App covers the repository. */
async function getRepoInstallation(req) {
    const body = (await (0,github_api/* githubRequest */.H6)(req, `GitHub App installation lookup for ${req.owner}/${req.repo}`, {
        method: 'GET',
        url: `${(0,github_api/* apiBase */.av)(req.apiUrl)}/repos/${seg(req.owner)}/${seg(req.repo)}/installation`,
        authorization: `Bearer ${req.jwt}`,
    }, (err) => appRefusal(err, { appId: req.appId, owner: req.owner, repositories: [req.repo] })));
    if (!body || typeof body.id !== 'number') {
        throw new errors/* AstlError */.Ht(`GitHub answered the installation lookup for ${req.owner}/${req.repo} without an id`, {
            code: 'GITHUB_RESPONSE_INVALID',
        });
    }
    const account = body.account?.login;
    return {
        id: body.id,
        account: typeof account === 'string' ? account : req.owner,
        ...(typeof body.app_id === 'number' ? { appId: body.app_id } : {}),
        permissions: stringMap(body.permissions),
        ...(typeof body.repository_selection === 'string'
            ? { repositorySelection: body.repository_selection }
            : {}),
        suspended: body.suspended_at !== undefined && body.suspended_at !== null,
    };
}
/** `POST /app/installations/{id}/access_tokens` scoped to `repositories` and `permissions`. */
async function createInstallationToken(req) {
    const body = (await (0,github_api/* githubRequest */.H6)(req, `GitHub installation token for ${req.owner} (installation ${req.installationId})`, {
        method: 'POST',
        url: `${(0,github_api/* apiBase */.av)(req.apiUrl)}/app/installations/${req.installationId}/access_tokens`,
        authorization: `Bearer ${req.jwt}`,
        body: { repositories: req.repositories, permissions: req.permissions },
    }, (err) => appRefusal(err, {
        appId: req.appId,
        owner: req.owner,
        repositories: req.repositories,
        installationId: req.installationId,
        asked: req.permissions,
    })));
    return tokenAnswer(body, `installation ${req.installationId}`);
}
/** A token as GitHub issues them (ghs_…): one word of printable ASCII, as AWS credentials are checked. */
const TOKEN_TEXT = /^[\x21-\x7e]{8,}$/;
function tokenAnswer(body, what) {
    // The token is exported to the job's environment (GH_TOKEN): no space, CR/LF or control character.
    if (!body || typeof body.token !== 'string' || !TOKEN_TEXT.test(body.token)) {
        throw new errors/* AstlError */.Ht(`GitHub answered the token request for ${what} without a token (or with one that is not a single printable word)`, {
            code: 'GITHUB_RESPONSE_INVALID',
        });
    }
    // `full_name` (owner/name) when GitHub gives it: a bare `name` cannot show another owner.
    const repos = Array.isArray(body.repositories)
        ? body.repositories
            .map((r) => {
            const o = r;
            return typeof o?.full_name === 'string' ? o.full_name : o?.name;
        })
            .filter((n) => typeof n === 'string')
        : undefined;
    return {
        token: body.token,
        expiresAt: typeof body.expires_at === 'string' && !Number.isNaN(Date.parse(body.expires_at))
            ? new Date(body.expires_at).toISOString()
            : '',
        permissions: grantedPermissions(body.permissions),
        ...(typeof body.repository_selection === 'string'
            ? { repositorySelection: body.repository_selection }
            : {}),
        ...(repos && repos.length > 0 ? { repositories: repos } : {}),
    };
}
/**
 * `GET /installation/repositories` with an installation token: the full names (`owner/name`) of
 * every repository it reaches, following `page` up to 10 pages of 100.
 */
async function listInstallationRepositories(req) {
    const names = [];
    for (let page = 1; page <= 10; page++) {
        const body = (await (0,github_api/* githubRequest */.H6)(req, 'GitHub repositories of the installation token', {
            method: 'GET',
            url: `${(0,github_api/* apiBase */.av)(req.apiUrl)}/installation/repositories?per_page=100&page=${page}`,
            authorization: `Bearer ${req.token}`,
        }, (err) => new errors/* AstlError */.Ht(`GitHub refused listing the token's repositories: ${err.message}`, {
            code: 'GITHUB_REQUEST_FAILED',
        })));
        const list = Array.isArray(body?.repositories) ? body.repositories : [];
        for (const r of list) {
            const full = r?.full_name;
            if (typeof full === 'string')
                names.push(full);
        }
        const total = typeof body?.total_count === 'number' ? body.total_count : names.length;
        if (list.length < 100 || names.length >= total)
            break;
    }
    return names;
}
/**
 * `GET {sts-url}/sts/exchange?scope=…&identity=…` with the OIDC token as bearer (octo-sts's
 * protocol): answers `{token}`, and possibly `expires_at`, `permissions` and `repositories` (an
 * STS that reports them lets the caller check them too).
 */
async function exchangeForInstallationToken(req) {
    const base = req.stsUrl.replace(/\/+$/, '');
    const url = `${base}/sts/exchange?scope=${encodeURIComponent(req.scope)}&identity=${encodeURIComponent(req.identity)}`;
    const body = (await (0,github_api/* githubRequest */.H6)({
        apiUrl: base,
        deadline: req.deadline,
        ...(req.retry ? { retry: req.retry } : {}),
        ...(req.now ? { now: req.now } : {}),
    }, `GitHub token exchange at ${base} (identity ${req.identity}, scope ${req.scope})`, { method: 'GET', url, authorization: `Bearer ${req.idToken}` }, (err) => exchangeRefusal(err, req), 'GITHUB_STS_UNAVAILABLE'));
    return tokenAnswer(body, `identity ${req.identity} in scope ${req.scope}`);
}
function exchangeRefusal(err, req) {
    const claims = (0,oidc/* decodeTokenClaims */.lK)(req.idToken);
    // The STS's message is echoed; the token it was sent never is (githubRequest scrubs it).
    const said = `the STS answered HTTP ${err.status}: ${err.providerMessage || '(no message)'}`;
    const detail = [
        `  requested:\n    sts-url   ${req.stsUrl}\n    scope     ${req.scope}\n    identity  ${req.identity}\n    audience  ${req.audience}`,
        (0,diagnose/* describeClaims */.Zs)(claims),
    ].join('\n');
    const [owner, repo] = req.scope.split('/');
    const policyFile = `${repo ? `${owner}/${repo}` : `${owner}/.github`}: .github/chainguard/${req.identity}.sts.yaml`;
    if (err.status === 401) {
        return new errors/* AstlError */.Ht(`the STS did not accept the job's OIDC token (${said})\n${detail}`, {
            code: 'GITHUB_STS_AUTH_FAILED',
            hint: `the STS checks the token's signature, issuer and audience: it must trust ${claims?.iss ?? 'the issuer'} and expect the audience "${req.audience}" (set credentials.github.audience to the one it expects).`,
        });
    }
    if (err.status === 404 || /not installed|installation/i.test(err.providerMessage)) {
        return new errors/* AstlError */.Ht(`App not installed on this repository, or no trust policy: ${said}\n${detail}`, {
            code: 'GITHUB_APP_NOT_INSTALLED',
            hint: `install the STS's GitHub App on ${req.scope} and commit the trust policy ${policyFile}.`,
        });
    }
    if (err.status === 403) {
        return new errors/* AstlError */.Ht(`the STS's trust policy ${req.identity} does not admit this job (${said})\n${detail}`, {
            code: 'GITHUB_STS_DENIED',
            hint: `the trust policy ${policyFile} must name issuer ${claims?.iss ?? '<iss>'} and a subject (or subject_pattern) matching "${claims?.sub ?? '<sub>'}"; if it asks for permissions the App lacks, that is "permission not granted to the App": grant them to the STS's App.`,
        });
    }
    return new errors/* AstlError */.Ht(`the STS refused the exchange: ${said}\n${detail}`, { code: 'GITHUB_STS_FAILED' });
}
function stringMap(v) {
    const out = {};
    if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, val] of Object.entries(v))
            if (typeof val === 'string')
                out[k] = val;
    }
    return out;
}
/**
 * A token's `permissions` as GitHub reported them. A value that is not a level string is kept as
 * `unknown`, which no check accepts: a grant the client cannot read is not a grant within the ask.
 */
function grantedPermissions(v) {
    if (v === undefined || v === null)
        return {};
    if (typeof v !== 'object' || Array.isArray(v))
        return { '(permissions)': 'unknown' };
    const out = {};
    for (const [k, val] of Object.entries(v))
        out[k] = typeof val === 'string' ? val : 'unknown';
    return out;
}

// EXTERNAL MODULE: ./packages/providers/github-app-key.ts
var github_app_key = __webpack_require__(728);
// EXTERNAL MODULE: ./packages/providers/vault.ts
var vault = __webpack_require__(9203);
// EXTERNAL MODULE: ./packages/providers/vault-login.ts
var vault_login = __webpack_require__(155);
// EXTERNAL MODULE: ./packages/credentials/providers/github-revoke.ts
var github_revoke = __webpack_require__(5294);
;// CONCATENATED MODULE: ./packages/credentials/providers/github-mint.ts










/** jose's signer is loaded only here, so the post step never loads it. */
async function signJwt(key, appId, now) {
    const { signAppJwt } = await __webpack_require__.e(/* import() */ 411).then(__webpack_require__.bind(__webpack_require__, 1411));
    return signAppJwt(key, appId, now);
}
const DEFAULT_CLIENT = {
    installation: getRepoInstallation,
    createToken: createInstallationToken,
    repositories: listInstallationRepositories,
    revoke: github_api/* revokeInstallationToken */.EZ,
    exchange: exchangeForInstallationToken,
    signJwt,
};
/** Mints, checks and exports the token of `plan` (the provider's `mint`). */
async function mintGitHubToken(plan, ctx, override = {}) {
    const client = { ...DEFAULT_CLIENT, ...override };
    const issuedAt = ctx.now();
    const minted = plan.mode === 'app' ? await mintWithApp(plan, ctx, client) : await mintByExchange(plan, ctx, client);
    const { token } = minted;
    ctx.secret(token.token);
    // An expiry missing or already past (a broken answer) counts as GitHub's full hour, so the post
    // step still revokes the token instead of skipping it as expired.
    const expiresAt = token.expiresAt && Date.parse(token.expiresAt) > issuedAt.getTime()
        ? token.expiresAt
        : new Date(issuedAt.getTime() + github_revoke/* INSTALLATION_TOKEN_SECONDS */.Dn * 1000).toISOString();
    const reported = Object.keys(token.permissions).length > 0;
    const state = {
        apiUrl: plan.apiUrl,
        mode: plan.mode,
        token: token.token,
        ...(plan.appId ? { appId: plan.appId } : {}),
        ...(minted.installationId !== undefined ? { installationId: minted.installationId } : {}),
        ...(plan.mode === 'exchange'
            ? { stsUrl: plan.stsUrl, identity: plan.identity, scope: plan.scope }
            : {}),
        owner: plan.owner,
        repositories: plan.repositories,
        permissions: reported ? token.permissions : plan.permissions,
        expiresAt,
        requestedSeconds: ctx.durationSeconds,
        partial: true,
    };
    // Saved before anything else can fail: the post step revokes whatever exists.
    ctx.saveState(state);
    await refuseBroader(plan, ctx, client, state, token);
    ctx.saveState({ ...state, partial: false });
    const ttlSeconds = Math.max(0, Math.round((Date.parse(expiresAt) - issuedAt.getTime()) / 1000));
    const repos = plan.repositories.map((r) => `${plan.owner}/${r}`).join(', ');
    const lifetime = lifetimeNote(ctx.durationSeconds, ttlSeconds);
    const identity = (0,github_revoke/* identityOf */.cu)(state);
    ctx.credential({
        identity,
        details: {
            repositories: repos,
            permissions: (0,github_permissions/* formatPermissions */.A6)(state.permissions) +
                (reported ? '' : ' (as declared; the STS does not report them)'),
            lifetime,
        },
        issuedAt: issuedAt.toISOString(),
        expiresAt,
        ttlSeconds,
    });
    if (ctx.durationSeconds > ttlSeconds) {
        ctx.warn(`GitHub installation tokens live at most 1 hour: the token expires at ${expiresAt}, before the requested ${(0,duration/* formatDuration */.a)(ctx.durationSeconds)} are over`);
    }
    ctx.exportEnv({ GH_TOKEN: token.token });
    ctx.secretOutput({ githubToken: token.token });
    ctx.output({
        ...(minted.installationId !== undefined ? { githubInstallationId: String(minted.installationId) } : {}),
        githubPermissions: JSON.stringify(sortedPermissions(state.permissions)),
    });
    ctx.audit('credentials.mint', `github:${repos}`, {
        provider: 'github',
        identity,
        mode: plan.mode,
        ...(plan.appId ? { app_id: plan.appId } : {}),
        ...(minted.installationId !== undefined ? { installation_id: minted.installationId } : {}),
        ...(plan.mode === 'exchange' ? { sts_url: plan.stsUrl, sts_identity: plan.identity } : {}),
        repositories: repos,
        permissions: (0,github_permissions/* formatPermissions */.A6)(state.permissions),
        permissions_source: plan.permissionsSource,
        issued_at: issuedAt.toISOString(),
        expires_at: expiresAt,
        ttl_seconds: ttlSeconds,
        ...ctx.runDetail,
    }, issuedAt);
    ctx.log.info(`GitHub: ${identity}: token for ${repos} (${(0,github_permissions/* formatPermissions */.A6)(state.permissions)}), expires ${expiresAt}; ${lifetime}`);
}
/** The App's key: the input's (parsed before any request) or the one in Vault. */
async function appKey(plan, ctx) {
    if (plan.privateKey)
        return plan.privateKey;
    const v = plan.keyInVault;
    const ns = v.vault.namespace ? { namespace: v.vault.namespace } : {};
    const jwt = await ctx.idToken(v.vault.audience);
    const login = await (0,vault_login/* vaultJwtLogin */.F)({
        url: v.vault.url,
        authPath: v.vault.authPath,
        role: v.vault.role,
        jwt,
        audience: v.vault.audience,
        deadline: ctx.deadline,
        ...ns,
    });
    ctx.secret(login.clientToken);
    const target = `vault:${v.vault.url}/v1/${v.path}#${v.key}`;
    try {
        const text = await (0,vault/* readKvSecret */.O4)({
            url: v.vault.url,
            token: login.clientToken,
            path: v.path,
            key: v.key,
            deadline: ctx.deadline,
            ...ns,
        });
        ctx.secret(text);
        ctx.secret((0,github_app_key/* normalizePrivateKeyText */.L)(text));
        ctx.audit('secrets.read', target, { purpose: 'GitHub App private key' });
        return (0,github_app_key/* parseAppPrivateKey */.f)(text, `the GitHub App key in Vault (${v.path} key ${v.key})`);
    }
    finally {
        // That login served this one read: end it now rather than leave it to its TTL.
        await (0,vault/* revokeSelf */.lc)({ url: v.vault.url, token: login.clientToken, deadline: ctx.deadline, ...ns }).catch((err) => ctx.warn(`the Vault token used to read the GitHub App key could not be revoked (${err instanceof errors/* AstlError */.Ht ? err.message : (0,retry/* describeFault */.Qx)(err)}); it expires after ${(0,duration/* formatDuration */.a)(login.leaseDurationSeconds)}`));
    }
}
async function mintWithApp(plan, ctx, client) {
    const appId = plan.appId;
    const key = await appKey(plan, ctx);
    const jwt = await client.signJwt(key, appId, ctx.now());
    ctx.secret(jwt);
    const call = { apiUrl: plan.apiUrl, deadline: ctx.deadline, jwt, appId };
    const installation = await client.installation({ ...call, owner: plan.owner, repo: plan.repositories[0] });
    refuseForeignInstallation(plan, installation);
    // The installation's own grant caps every token: say which permission is missing before asking.
    const granted = installation.permissions;
    if (Object.keys(granted).length > 0) {
        const lacking = Object.entries(plan.permissions).filter(([name, level]) => !granted[name] || !(0,github_permissions/* levelWithin */.QY)(level, granted[name]));
        if (lacking.length > 0) {
            throw new errors/* AstlError */.Ht(`permission not granted to the App: App ${appId} (installation ${installation.id} on ${installation.account}) lacks ${lacking.map(([n, l]) => `${n}: ${l}${granted[n] ? ` (it has ${granted[n]})` : ''}`).join(', ')}`, {
                code: 'GITHUB_PERMISSION_NOT_GRANTED',
                hint: `the installation has ${(0,github_permissions/* formatPermissions */.A6)(granted)}; give the App the missing permissions in its settings (Permissions & events) and have ${installation.account} accept them, or ask for less in credentials.github.permissions`,
            });
        }
    }
    const token = await client.createToken({
        ...call,
        installationId: installation.id,
        owner: plan.owner,
        repositories: plan.repositories,
        permissions: plan.permissions,
    });
    return { token, installationId: installation.id };
}
/**
 * The installation must be this App's, on the owner asked for: a token of another account's
 * installation would reach that account's repositories of the same names.
 */
function refuseForeignInstallation(plan, installation) {
    const appId = plan.appId;
    const otherApp = /^\d+$/.test(appId) && installation.appId !== undefined && installation.appId !== Number(appId);
    const otherOwner = installation.account.toLowerCase() !== plan.owner.toLowerCase();
    if (!otherApp && !otherOwner)
        return;
    throw new errors/* AstlError */.Ht(`GitHub answered the installation lookup for ${plan.owner}/${plan.repositories[0]} with installation ${installation.id} of ${otherOwner ? `account ${installation.account}` : `App ${installation.appId}`}, not of ${otherOwner ? plan.owner : `App ${appId}`}; no token was requested`, {
        code: 'GITHUB_RESPONSE_INVALID',
        hint: 'check that GITHUB_API_URL points at GitHub itself (or your GitHub Enterprise Server), not a proxy that rewrites answers',
    });
}
async function mintByExchange(plan, ctx, client) {
    const idToken = await ctx.idToken(plan.audience);
    const token = await client.exchange({
        stsUrl: plan.stsUrl,
        scope: plan.scope,
        identity: plan.identity,
        idToken,
        audience: plan.audience,
        deadline: ctx.deadline,
    });
    return { token };
}
/**
 * Fails the mint when the token reaches more than was asked: the permissions and repositories
 * GitHub reported, and (exchange mode, whose answer lists none) the repositories the token itself
 * lists. The token is revoked first; the state then records that, so the post step does not retry.
 */
async function refuseBroader(plan, ctx, client, state, token) {
    const full = (name) => (name.includes('/') ? name : `${plan.owner}/${name}`);
    let repositories = token.repositories?.map(full);
    if (!repositories) {
        repositories = await client.repositories({
            apiUrl: plan.apiUrl,
            token: token.token,
            deadline: ctx.deadline,
        });
    }
    const excess = (0,github_permissions/* excessOf */.FR)({ permissions: plan.permissions, repositories: plan.repositories.map(full) }, { permissions: token.permissions, repositories });
    // Named repositories were asked for, so `all` is broader whatever list came with it.
    if (token.repositorySelection !== undefined && token.repositorySelection !== 'selected')
        excess.push(`every repository of the installation (repository_selection: ${token.repositorySelection})`);
    if (excess.length === 0)
        return;
    let revoked;
    try {
        const outcome = await client.revoke({ apiUrl: plan.apiUrl, token: token.token, deadline: ctx.deadline });
        ctx.saveState({ ...state, revokedAt: ctx.now().toISOString() });
        revoked = outcome === 'revoked' ? 'it was revoked at once' : 'GitHub says it is no longer valid';
    }
    catch (err) {
        revoked = `revoking it failed (${err instanceof errors/* AstlError */.Ht ? err.message : (0,retry/* describeFault */.Qx)(err)}); the post step tries again`;
    }
    ctx.audit('credentials.revoke', `github:${plan.owner}`, {
        provider: 'github',
        outcome: 'broader-than-asked',
        excess: excess.join('; '),
    });
    throw new errors/* AstlError */.Ht(`GitHub issued a token broader than asked: ${excess.join(', ')}; ${revoked}, and nothing was exported`, {
        code: 'GITHUB_TOKEN_TOO_BROAD',
        hint: plan.mode === 'exchange'
            ? `the STS's trust policy ${plan.identity} grants more than credentials.github asks for: narrow the trust policy's permissions and repositories (or declare what it grants)`
            : `asked for ${(0,github_permissions/* formatPermissions */.A6)(plan.permissions)} on ${plan.repositories.map(full).join(', ')}; check GITHUB_API_URL points at GitHub itself`,
    });
}
function lifetimeNote(requested, ttl) {
    if (requested < ttl) {
        // GitHub's hour, not the seconds left (its expires_at is truncated, which would read 59m59s).
        return `GitHub fixes the token's life at ${(0,duration/* formatDuration */.a)(github_revoke/* INSTALLATION_TOKEN_SECONDS */.Dn)}; the requested ${(0,duration/* formatDuration */.a)(requested)} is honoured by revoking it when the job ends`;
    }
    return `revoked when the job ends`;
}
function sortedPermissions(p) {
    return Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)));
}


/***/ })

};
;