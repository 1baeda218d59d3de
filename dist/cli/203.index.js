export const id = 203;
export const ids = [203];
export const modules = {

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ diagnoseVaultLogin),
/* harmony export */   tP: () => (/* binding */ diagnoseStsError)
/* harmony export */ });
/* unused harmony exports describeClaims, conditionKeyPrefix, trustPolicySnippet */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5724);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(967);
/**
 * Turning a provider's refusal into an error a workflow author can act on: what the token says
 * (iss, sub, aud, ref, job_workflow_ref, environment) beside what was asked (role, audience,
 * Vault role and auth path), and which trust condition to check. The token itself and any
 * credential never appear: only decoded claims, which are not secret.
 */


const SHOWN_CLAIMS = ['iss', 'sub', 'aud', 'ref', 'job_workflow_ref', 'environment'];
/** `token: iss=…` lines for the claims that trust policies match on. */
function describeClaims(claims) {
    if (!claims)
        return '  token claims: (the token is not a decodable JWT)';
    const width = Math.max(...SHOWN_CLAIMS.map((c) => c.length));
    const lines = SHOWN_CLAIMS.map((c) => {
        const v = claims[c];
        const shown = v === undefined || v === '' ? '(not set)' : Array.isArray(v) ? v.join(', ') : String(v);
        return `    ${c.padEnd(width)}  ${shown}`;
    });
    if (typeof claims.exp === 'number') {
        lines.push(`    ${'exp'.padEnd(width)}  ${new Date(claims.exp * 1000).toISOString()}`);
    }
    return ['  token claims:', ...lines].join('\n');
}
function describeRequest(fields) {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
    const width = Math.max(...entries.map(([k]) => k.length));
    return ['  requested:', ...entries.map(([k, v]) => `    ${k.padEnd(width)}  ${v}`)].join('\n');
}
/**
 * The IAM condition-key prefix for an issuer: its URL without the scheme
 * (`token.actions.githubusercontent.com`, `gitlab.com`).
 */
function conditionKeyPrefix(iss) {
    if (!iss)
        return 'token.actions.githubusercontent.com';
    return iss.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
function firstAud(aud) {
    return Array.isArray(aud) ? aud[0] : aud;
}
function scrub(text, token) {
    const r = new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .Redactor */ .pO();
    r.add(token);
    return r.redact(text);
}
const STS_CODES = {
    AccessDenied: 'STS_ACCESS_DENIED',
    IDPRejectedClaim: 'STS_ACCESS_DENIED',
    InvalidIdentityToken: 'STS_INVALID_TOKEN',
    ExpiredToken: 'STS_TOKEN_EXPIRED',
    ExpiredTokenException: 'STS_TOKEN_EXPIRED',
    ValidationError: 'STS_REQUEST_INVALID',
    MalformedPolicyDocument: 'STS_POLICY_INVALID',
    PackedPolicyTooLarge: 'STS_POLICY_INVALID',
    RegionDisabled: 'STS_REGION_DISABLED',
};
/** An AstlError for STS's non-retryable refusal `stsCode` (as STS spells it: `AccessDenied`, ...). */
function diagnoseStsError(stsCode, stsMessage, ctx) {
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__.decodeTokenClaims)(ctx.webIdentityToken);
    const prefix = conditionKeyPrefix(claims?.iss);
    const aud = ctx.audience ?? firstAud(claims?.aud) ?? 'sts.amazonaws.com';
    const sub = claims?.sub ?? '<sub>';
    const message = [
        `AWS STS refused AssumeRoleWithWebIdentity for ${ctx.roleArn}: ${stsCode}: ${scrub(stsMessage, ctx.webIdentityToken)}`,
        describeRequest({ 'role-arn': ctx.roleArn, audience: aud, 'session-name': ctx.sessionName }),
        describeClaims(claims),
    ].join('\n');
    const trustFix = trustPolicySnippet(prefix, aud, sub);
    let hint;
    let fix;
    switch (stsCode) {
        case 'AccessDenied':
        case 'IDPRejectedClaim':
            hint =
                `the role's trust policy does not allow this token. Check that its Principal is the IAM OIDC provider for ${prefix}, ` +
                    `that \`${prefix}:sub\` (StringLike) matches "${sub}" and that \`${prefix}:aud\` (StringEquals) is "${aud}". ` +
                    'A job with `environment:` has sub `repo:<owner>/<repo>:environment:<name>`, not `:ref:refs/heads/<branch>`.';
            fix = trustFix;
            break;
        case 'InvalidIdentityToken':
            hint = /audience/i.test(stsMessage)
                ? `the IAM OIDC provider for ${prefix} does not list the audience "${aud}": add it to the provider's client IDs (audiences) or set aws-audience to one it lists.`
                : `the account has no IAM OIDC provider for ${claims?.iss ?? 'this issuer'} (or the token's signature did not verify): create the provider with that exact issuer URL.`;
            break;
        case 'ExpiredToken':
        case 'ExpiredTokenException':
            hint =
                'the ID token expired before STS checked it: request it just before assuming the role and re-run the job.';
            break;
        case 'ValidationError':
            hint = /DurationSeconds/.test(stsMessage)
                ? "the requested duration exceeds the role's MaxSessionDuration: lower `duration` or raise the role's maximum session duration."
                : 'STS rejected a request parameter; see the message above.';
            break;
        case 'MalformedPolicyDocument':
        case 'PackedPolicyTooLarge':
            hint = 'fix the session policy document (valid JSON, at most 2048 characters after minifying).';
            break;
        default:
            hint = 'see the STS error above.';
    }
    return new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(message, { code: STS_CODES[stsCode] ?? 'STS_REQUEST_FAILED', hint, fix });
}
/** The trust-policy statement that would admit this token. */
function trustPolicySnippet(prefix, aud, sub) {
    return JSON.stringify({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::<account-id>:oidc-provider/${prefix}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
            StringEquals: { [`${prefix}:aud`]: aud },
            StringLike: { [`${prefix}:sub`]: sub },
        },
    }, null, 2);
}
/** An AstlError for Vault refusing a JWT login (HTTP 400/403/404/405), with Vault's error text. */
function diagnoseVaultLogin(status, vaultMessage, ctx) {
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__.decodeTokenClaims)(ctx.jwt);
    const aud = ctx.audience ?? firstAud(claims?.aud) ?? ctx.url;
    const sub = claims?.sub ?? '<sub>';
    const where = `auth/${ctx.authPath}/role/${ctx.role}${ctx.namespace ? ` in namespace ${ctx.namespace}` : ''}`;
    const message = [
        `Vault refused the JWT login at ${ctx.url} (auth/${ctx.authPath}/login, role ${ctx.role}): HTTP ${status}: ${scrub(vaultMessage, ctx.jwt)}`,
        describeRequest({
            'vault-url': ctx.url,
            'auth-path': ctx.authPath,
            role: ctx.role,
            namespace: ctx.namespace || '(root)',
            audience: aud,
        }),
        describeClaims(claims),
    ].join('\n');
    let hint;
    if (/could not be found|missing role/i.test(vaultMessage)) {
        hint = `there is no role ${where}: check vault-role, vault-auth-path and vault-namespace.`;
    }
    else if (/audience/i.test(vaultMessage)) {
        hint = `the role's bound_audiences must include the token's aud "${aud}" (or set vault-audience to one of them).`;
    }
    else if (/claim/i.test(vaultMessage)) {
        hint = `the role's bound_claims do not match this token: with bound_claims_type=glob, bound_claims={"sub":"${sub}"} would match it.`;
    }
    else if (/issuer|signature|jwks|validating token/i.test(vaultMessage)) {
        hint = `the auth method at auth/${ctx.authPath} must trust ${claims?.iss ?? 'the issuer'} (oidc_discovery_url or jwks_url) and the token must be unexpired.`;
    }
    else if (status === 404 || status === 405 || /no handler|route/i.test(vaultMessage)) {
        hint = `no JWT auth method is mounted at auth/${ctx.authPath}${ctx.namespace ? ` in namespace ${ctx.namespace}` : ''}: check vault-auth-path and vault-namespace.`;
    }
    else {
        hint = `check the Vault role ${where} and the namespace.`;
    }
    const fix = `vault write auth/${ctx.authPath}/role/${ctx.role} role_type=jwt \\
  bound_audiences="${aud}" user_claim=sub bound_claims_type=glob \\
  bound_claims='{"sub":"${sub}"}' token_policies=ci-read token_ttl=15m`;
    return new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(message, { code: 'VAULT_LOGIN_DENIED', hint, fix });
}


/***/ }),

/***/ 9203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lookupSelf: () => (/* binding */ lookupSelf),
/* harmony export */   normalizeAuthPath: () => (/* binding */ normalizeAuthPath),
/* harmony export */   normalizeKvPath: () => (/* binding */ normalizeKvPath),
/* harmony export */   normalizeVaultUrl: () => (/* binding */ normalizeVaultUrl),
/* harmony export */   readKvSecret: () => (/* binding */ readKvSecret),
/* harmony export */   readKvSecretData: () => (/* binding */ readKvSecretData),
/* harmony export */   revokeSelf: () => (/* binding */ revokeSelf),
/* harmony export */   vaultJwtLogin: () => (/* binding */ vaultJwtLogin)
/* harmony export */ });
/* harmony import */ var node_vault__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8096);
/* harmony import */ var node_vault__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_vault__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5724);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1196);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(967);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5036);
/**
 * HashiCorp Vault through `node-vault`: JWT auth login, KV reads, token lookup and revocation.
 *
 * node-vault supplies the Vault API (paths, commands, `{errors}` handling); its HTTP transport is
 * replaced by fetch through its `request-promise` hook, because its built-in axios transport
 * takes no AbortSignal and, with DEBUG=* set, axios' follow-redirects logs request headers
 * (X-Vault-Token). A fresh client per call gets its namespace and token set explicitly (so
 * VAULT_NAMESPACE / VAULT_TOKEN in the environment never apply by accident), and its errors are
 * reduced to status + Vault's error text before anything else sees them. Retries: network
 * faults, 5xx, 429 and 412 (a performance standby not yet consistent); 400/403/404 fail at once.
 */





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
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`vault-url: "${url}" is not an http(s) URL`, {
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
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`vault-auth-path: "${authPath}" is not a mount path like "jwt" or "jwt-github"`, {
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
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault secret path "${path}" is not a path like "secret/data/ci/deploy"`, {
            code: 'VAULT_SECRET_PATH_INVALID',
            hint: 'write the path as the HTTP API spells it: <mount>/data/<path> for KV v2, <mount>/<path> for KV v1.',
        });
    }
    return p;
}
/** node-vault's `request-promise` contract: resolve `{statusCode, body, request: {path}}` for any status. */
async function fetchTransport(options) {
    const headers = { ...options.headers };
    let body;
    if (options.json !== undefined && typeof options.json === 'object') {
        body = JSON.stringify(options.json);
        headers['content-type'] = 'application/json';
    }
    const res = await fetch(options.uri, { method: options.method, headers, body, signal: options.signal });
    const text = await res.text();
    let parsed;
    try {
        parsed = text ? JSON.parse(text) : undefined;
    }
    catch {
        parsed = { errors: [text.slice(0, 300)] };
    }
    return { statusCode: res.status, body: parsed, request: { path: new URL(options.uri).pathname } };
}
function vaultClient(call, token) {
    const client = node_vault__WEBPACK_IMPORTED_MODULE_0___default()({
        endpoint: normalizeVaultUrl(call.url),
        apiVersion: 'v1',
        noCustomHTTPVerbs: true,
        'request-promise': { defaults: () => fetchTransport },
        // node-vault's own debug output (DEBUG=node-vault) prints request bodies: the JWT.
        debug: () => { },
    });
    // Explicit, so VAULT_NAMESPACE / VAULT_TOKEN from the environment never apply by accident.
    client.namespace = call.namespace?.replace(/^\/+|\/+$/g, '') || undefined;
    client.token = token;
    return client;
}
/** Vault's error status and text, or a transport fault; nothing else of the library error survives. */
function toProviderError(err, signal) {
    if (err instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC || err instanceof _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht)
        return err;
    const e = err;
    const status = e.response?.statusCode;
    if (typeof status === 'number') {
        const body = e.response?.body;
        const errors = Array.isArray(body?.errors) ? body.errors.map(String).filter(Boolean) : [];
        const text = (errors.join('; ') || (typeof e.message === 'string' ? e.message : ''))
            .replace(/\s+/g, ' ')
            .trim();
        return new _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderHttpError */ .gm(status, undefined, text.slice(0, 300));
    }
    if (signal.aborted)
        return new _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC('request timed out', 'TimeoutError');
    return (0,_oidc_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitizeFetchError */ ._Q)(err);
}
const isRetryable = (err) => err instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC ||
    (0,_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isNetworkFault */ .d$)(err) ||
    (err instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderHttpError */ .gm && (err.status >= 500 || RETRYABLE_VAULT_STATUSES.has(err.status)));
/** One Vault request under our retry policy; `onRefusal` turns a non-retryable HTTP error into an AstlError. */
async function vaultRequest(call, what, send, onRefusal, token) {
    const client = vaultClient(call, token);
    try {
        return await (0,_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (signal) => {
            try {
                return await send(client, { signal });
            }
            catch (err) {
                const clean = toProviderError(err, signal);
                if (clean instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderHttpError */ .gm && !isRetryable(clean))
                    throw onRefusal(clean);
                throw clean;
            }
        }, (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .retryOptions */ .tO)(what, call.deadline, isRetryable, call.retry));
    }
    catch (err) {
        (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .exhausted */ .uW)(err, 'VAULT_UNAVAILABLE', `Vault at ${call.url} did not answer in time; re-run the job, or check vault-url and the network.`);
    }
}
/** `POST /v1/auth/<authPath>/login {role, jwt}`. */
async function vaultJwtLogin(req) {
    const authPath = normalizeAuthPath(req.authPath);
    if (!req.role)
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht('vault-role is required for the Vault JWT login', { code: 'VAULT_ROLE_MISSING' });
    const body = await vaultRequest(req, `Vault JWT login (auth/${authPath}/login)`, (client, options) => client.write(`auth/${authPath}/login`, { role: req.role, jwt: req.jwt }, options), (err) => (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__/* .diagnoseVaultLogin */ .QV)(err.status, err.providerMessage, {
        url: req.url,
        authPath,
        role: req.role,
        namespace: req.namespace,
        audience: req.audience,
        jwt: req.jwt,
    }));
    const auth = body?.auth;
    if (!auth || typeof auth.client_token !== 'string') {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault answered the login at auth/${authPath}/login without a token`, {
            code: 'VAULT_LOGIN_FAILED',
        });
    }
    return {
        clientToken: auth.client_token,
        accessor: typeof auth.accessor === 'string' ? auth.accessor : '',
        leaseDurationSeconds: typeof auth.lease_duration === 'number' ? auth.lease_duration : 0,
        renewable: auth.renewable === true,
        policies: Array.isArray(auth.policies) ? auth.policies.map(String) : [],
    };
}
/**
 * Reads a KV secret's data map. KV v2 (`<mount>/data/<path>`) answers `{data: {data, metadata}}`,
 * KV v1 `{data}`; both are accepted. The path is used as given: `secret/ci/deploy` on a KV v2
 * mount is a 404 whose hint names the `data/` form, rather than a guess that could read the wrong path.
 */
async function readKvSecretData(req) {
    const path = normalizeKvPath(req.path);
    const body = await vaultRequest(req, `Vault read of ${path}`, (client, options) => client.read(path, options), (err) => kvRefusal(err, path, req.namespace), req.token);
    const data = body?.data;
    if (data && typeof data === 'object' && 'metadata' in data && 'data' in data) {
        const inner = data.data;
        if (inner === null) {
            throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault secret ${path} has no current version (deleted)`, {
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
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault secret ${normalizeKvPath(req.path)} has no key "${req.key}"`, {
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
        return new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault secret ${path}${ns} does not exist`, {
            code: 'VAULT_SECRET_NOT_FOUND',
            hint: isV2
                ? 'check the path and the namespace.'
                : `on a KV v2 mount the HTTP path includes data/: ${path.replace(/^([^/]+)\//, '$1/data/')}.`,
        });
    }
    if (err.status === 403) {
        return new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault denied reading ${path}${ns}: ${err.providerMessage || 'permission denied'}`, {
            code: 'VAULT_PERMISSION_DENIED',
            hint: `the role's token policies must grant "read" on ${path} (path "${path}" { capabilities = ["read"] }).`,
        });
    }
    return new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault refused reading ${path}${ns}: ${err.message}`, {
        code: 'VAULT_REQUEST_FAILED',
    });
}
/** `POST /v1/auth/token/revoke-self` (revokes child tokens and leases too). A 403 means already invalid. */
async function revokeSelf(req) {
    const outcome = await vaultRequest(req, 'Vault token revoke-self', async (client, options) => {
        try {
            await client.write('auth/token/revoke-self', {}, options);
            return 'revoked';
        }
        catch (err) {
            if (err.response?.statusCode === 403)
                return 'already-invalid';
            throw err;
        }
    }, (err) => new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' }), req.token);
    return outcome;
}
/** `GET /v1/auth/token/lookup-self`. */
async function lookupSelf(req) {
    const body = await vaultRequest(req, 'Vault token lookup-self', (client, options) => client.request({ path: '/auth/token/lookup-self', method: 'GET', ...options }), (err) => new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Vault token lookup failed: ${err.message}`, {
        code: err.status === 403 ? 'VAULT_TOKEN_INVALID' : 'VAULT_REQUEST_FAILED',
        hint: err.status === 403 ? 'the token is expired, revoked, or from another namespace.' : undefined,
    }), req.token);
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
