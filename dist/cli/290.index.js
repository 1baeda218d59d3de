"use strict";
exports.id = 290;
exports.ids = [290];
exports.modules = {

/***/ 4066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ Deadline),
/* harmony export */   JG: () => (/* binding */ defaultSleep),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   Qx: () => (/* binding */ describeFault),
/* harmony export */   aB: () => (/* binding */ RetryExhaustedError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   d$: () => (/* binding */ isNetworkFault)
/* harmony export */ });
/* unused harmony export backoffDelay */
/**
 * Bounded retries with full-jitter exponential backoff, a per-attempt timeout and an overall
 * deadline. Every network call in the engine goes through `withRetry`, so the fault policy is
 * decided in one place: the caller says which errors are retryable, this decides when and how often.
 */
class Deadline {
    totalMs;
    now;
    at;
    constructor(totalMs, now = Date.now) {
        this.totalMs = totalMs;
        this.now = now;
        this.at = now() + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.at - this.now());
    }
    expired() {
        return this.remainingMs() <= 0;
    }
    /** An AbortSignal that fires at min(per-attempt timeout, the deadline). */
    signal(perAttemptMs) {
        return AbortSignal.timeout(Math.max(1, Math.min(perAttemptMs, this.remainingMs())));
    }
}
class RetryExhaustedError extends Error {
    attempts;
    lastError;
    deadlineHit;
    constructor(message, attempts, lastError, deadlineHit) {
        super(message, { cause: lastError });
        this.attempts = attempts;
        this.lastError = lastError;
        this.deadlineHit = deadlineHit;
        this.name = 'RetryExhaustedError';
    }
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Full jitter (AWS architecture blog): uniform in [0, min(max, base * 2^attempt)]. */
function backoffDelay(attempt, baseMs, maxMs, random) {
    return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}
/**
 * Runs `op` until it succeeds, fails with a non-retryable error (rethrown as is), runs out of
 * attempts, or reaches the deadline (both end in RetryExhaustedError naming the last fault).
 */
async function withRetry(op, o) {
    const random = o.random ?? Math.random;
    const sleep = o.sleep ?? defaultSleep;
    let lastError;
    for (let attempt = 1; attempt <= o.attempts; attempt++) {
        if (o.deadline.expired())
            break;
        try {
            return await op(o.deadline.signal(o.attemptTimeoutMs), attempt);
        }
        catch (err) {
            lastError = err;
            if (!o.isRetryable(err))
                throw err;
            if (attempt === o.attempts)
                break;
            const asked = o.retryAfterMs?.(err);
            if (asked !== undefined && asked >= o.deadline.remainingMs()) {
                throw new RetryExhaustedError(`${o.what} was asked to wait ${Math.ceil(asked / 1000)}s before retrying, past the ${Math.round(o.deadline.totalMs / 1000)}s deadline; last error: ${describeFault(err)}`, attempt, err, true);
            }
            const delayMs = Math.min(Math.max(backoffDelay(attempt, o.baseDelayMs, o.maxDelayMs, random), asked ?? 0), o.deadline.remainingMs());
            o.onRetry?.({ attempt, delayMs, error: err });
            await sleep(delayMs);
        }
    }
    const deadlineHit = o.deadline.expired();
    const why = deadlineHit
        ? `did not succeed within the ${Math.round(o.deadline.totalMs / 1000)}s deadline`
        : `failed ${o.attempts} times`;
    throw new RetryExhaustedError(`${o.what} ${why}; last error: ${describeFault(lastError)}`, o.attempts, lastError, deadlineHit);
}
/** A short description of a network fault: no stack, no request bodies. */
function describeFault(err) {
    if (err === undefined)
        return 'none (the deadline passed before the first attempt)';
    if (err instanceof Error) {
        const code = err.code;
        if (err.name === 'TimeoutError' || err.name === 'AbortError')
            return 'request timed out';
        return typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
    }
    return String(err);
}
/** Node's network error codes that a retry can cure. */
const RETRYABLE_NET_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ECONNABORTED',
]);
/** True for transport faults (resets, refusals, timeouts), looking through `cause` chains. */
function isNetworkFault(err) {
    for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
        if (!(e instanceof Error))
            return false;
        const code = e.code;
        if (typeof code === 'string' && RETRYABLE_NET_CODES.has(code))
            return true;
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            return true;
        if (e instanceof TypeError && e.message === 'fetch failed')
            return true;
    }
    return false;
}
/** HTTP statuses worth another attempt. */
function isRetryableStatus(status) {
    return status === 429 || status === 408 || status >= 500;
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
    const what = check.what ?? check.setting ?? 'endpoint';
    const where = check.location
        ? { location: check.location }
        : check.setting && check.what === undefined
            ? { setting: check.setting }
            : { location: { file: what } };
    const prefix = check.location ? `${what} ` : '';
    const fail = (code, message, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${prefix}${message}`, { code, ...where, hint });
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
    const { optIn } = check;
    throw fail(TRANSPORT_INSECURE, `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`, (s) => `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost)${optIn === false
        ? ''
        : `; for a network you control end to end, opt in with ${optIn ?? (s.kind === 'action' ? 'allow-insecure-http: true' : s.name('allow-insecure-http'))}`}`);
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

/***/ 5005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubApiFromEnv: () => (/* binding */ githubApiFromEnv),
/* harmony export */   githubRevocationRefusal: () => (/* binding */ githubRevocationRefusal),
/* harmony export */   vaultRevocationRefusal: () => (/* binding */ vaultRevocationRefusal)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2873);
/* harmony import */ var _providers_github_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8473);
/**
 * A revocation state is a file (the CLI's) or runner state (the action's post step); whoever can
 * write it must not be able to choose where a token goes. Before revoke-self sends the Vault
 * token, the state's Vault address must pass core/transport and, where a registry is at hand
 * (the CLI), be an address the registry names for the state's agent, or one the revoke command
 * was given itself (`--vault-url`, the same override `astl credentials` takes). Before
 * `DELETE /installation/token` sends the GitHub token, the state's API URL must pass
 * core/transport and be the API the runner names now (GITHUB_API_URL, default
 * https://api.github.com), in the post step and in `astl revoke` alike: the state never names it
 * alone.
 */
// Core modules one by one (the post bundle stays small).



/** Why the state's Vault token must not be sent anywhere, or undefined when it may be revoked. */
function vaultRevocationRefusal(state, guard) {
    const v = state.vault;
    if (!v)
        return undefined;
    let where;
    try {
        const { url } = (0,_core_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCredentialTransport */ .tD)(v.url, {
            what: 'the Vault address in the state',
            location: { file: 'state' },
            allowInsecure: guard.allowInsecureHttp,
            optIn: guard.optIn,
            sends: 'the Vault token',
        });
        where = urlKey(url);
    }
    catch (err) {
        if (!(err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht))
            throw err;
        return `not sent: ${err.message} (${err.hint})`;
    }
    if (guard.allowedVaultUrls === undefined)
        return undefined;
    const allowed = guard.allowedVaultUrls.map(safeKey).filter((k) => k !== undefined);
    if (allowed.includes(where))
        return undefined;
    const named = allowed.length > 0 ? allowed.join(', ') : 'no Vault address';
    return `not sent: the state names Vault ${where}, but ${guard.source ?? 'the registry'} names ${named} for agent '${state.agent}'; a state file cannot choose where the token goes${guard.override ? ` (if the credentials were minted with a Vault override, pass the same ${guard.override})` : ''}`;
}
/**
 * The API a GitHub token may be revoked at, from the job's environment now: GITHUB_API_URL as the
 * runner (or a GitLab job) sets it, else the default; both front ends take it from here.
 */
function githubApiFromEnv(env) {
    const fromEnv = env.GITHUB_API_URL?.trim();
    return fromEnv
        ? { allowedApiUrls: [fromEnv], source: 'GITHUB_API_URL' }
        : {
            allowedApiUrls: [_providers_github_api_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_GITHUB_API_URL */ .xw],
            source: `the default ${_providers_github_api_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_GITHUB_API_URL */ .xw} (GITHUB_API_URL is not set)`,
        };
}
/** Why the state's GitHub token must not be sent anywhere, or undefined when it may be revoked. */
function githubRevocationRefusal(state, guard) {
    const g = state.github;
    if (!g)
        return undefined;
    let where;
    try {
        const { url } = (0,_core_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCredentialTransport */ .tD)(g.apiUrl, {
            what: 'the GitHub API URL in the state',
            location: { file: 'state' },
            allowInsecure: guard.allowInsecureHttp,
            optIn: guard.optIn,
            sends: 'the installation token',
        });
        where = urlKey(url);
    }
    catch (err) {
        if (!(err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht))
            throw err;
        return `not sent: ${err.message} (${err.hint})`;
    }
    const allowed = guard.allowedApiUrls.map(safeKey).filter((k) => k !== undefined);
    if (allowed.includes(where))
        return undefined;
    return `not sent: the state names the GitHub API ${where}, but ${guard.source} names ${allowed.join(', ') || 'none'}; a state cannot choose where the token goes (run the revocation with the GITHUB_API_URL the credentials were minted with)`;
}
/** Origin plus path without trailing slashes: how mint writes `state.vault.url` and `state.github.apiUrl`. */
function urlKey(url) {
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
function safeKey(text) {
    try {
        const url = new URL(text.trim());
        return url.username || url.password ? undefined : urlKey(url);
    }
    catch {
        return undefined;
    }
}


/***/ })

};
;