"use strict";
exports.id = 473;
exports.ids = [473];
exports.modules = {

/***/ 5770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   mc: () => (/* binding */ HTTP_ERROR),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports HttpError, DEFAULT_MAX_RESPONSE_BYTES */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The HTTP client of every provider call (OIDC token, STS, Vault, and whatever comes next): one
 * request over `node:http` / `node:https`, nothing else loaded. Built-in fetch is not used because
 * its first call loads undici (about 35 ms and 12 MB per process); provider calls are a handful of
 * small requests, so a plain request is enough.
 *
 * What it guarantees, so callers need not:
 * - the request ends when `signal` fires (give it the attempt's signal from `Deadline`/`withRetry`);
 * - the response body is capped while it streams (`maxResponseBytes`), so a hostile or broken
 *   endpoint cannot exhaust memory;
 * - redirects are followed only within the origin of the request (no token leaves for another host);
 * - errors carry a message and a code only: never the request's headers or body, nor the response
 *   body; and headers are set apart from the request options, which NODE_DEBUG=http prints. Transport faults keep Node's codes (ECONNRESET, ECONNREFUSED, ...) and timeouts are named
 *   `TimeoutError`, so `isNetworkFault` (retry.ts) recognises every retryable one.
 *
 * - a body the server compressed although we did not ask (a proxy, a misconfigured gateway:
 *   gzip, deflate, br) is decompressed, with the cap applied to the decompressed size.
 *
 * Proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) are not used, as with fetch and the AWS SDK's
 * default handler; providers say so in the hint when a connection fails with one set.
 */

// node:https (with node:tls) and node:zlib load only when a request needs them
// (process.getBuiltinModule, Node >= 20.16): each costs a few ms of every step's start-up, and a
// loopback Vault or an uncompressed answer needs neither.
const tlsRequest = () => process.getBuiltinModule('node:https').request;
/** Codes of the faults this module raises itself (Node's own codes pass through). */
const HTTP_ERROR = {
    timeout: 'ETIMEDOUT',
    aborted: 'ABORT_ERR',
    tooLarge: 'ERR_RESPONSE_TOO_LARGE',
    crossOrigin: 'ERR_REDIRECT_CROSS_ORIGIN',
    tooManyRedirects: 'ERR_TOO_MANY_REDIRECTS',
    invalidUrl: 'ERR_INVALID_URL',
    badEncoding: 'ERR_CONTENT_DECODING',
};
/** A failed request: a message and a code, nothing of the request or response it came from. */
class HttpError extends Error {
    code;
    constructor(message, code, name = 'HttpError') {
        super(message);
        this.code = code;
        this.name = name;
    }
}
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * Sends one request and reads the whole answer, whatever its status (a 4xx or 5xx is a response,
 * not an error). Rejects with HttpError: Node's transport codes, `ETIMEDOUT` (name TimeoutError)
 * when the signal fired by timeout, `ABORT_ERR` (name AbortError) for any other abort, and the
 * codes in HTTP_ERROR for an oversized body, a cross-origin or endless redirect, or a bad URL.
 * Redirects follow fetch's rules (303, and 301/302 after a POST, become a GET without a body).
 */
async function httpRequest(url, options = {}) {
    let target = parseUrl(url);
    const origin = target.origin;
    let method = (options.method ?? (options.body === undefined ? 'GET' : 'POST')).toUpperCase();
    let body = options.body;
    const maxRedirects = options.maxRedirects ?? 3;
    for (let hop = 0;; hop++) {
        const res = await once(target, method, body, options);
        const location = res.headers.location;
        if (!REDIRECTS.has(res.status) || maxRedirects === 0 || typeof location !== 'string')
            return res;
        if (hop >= maxRedirects) {
            throw new HttpError(`more than ${maxRedirects} redirects`, HTTP_ERROR.tooManyRedirects);
        }
        const next = parseUrl(new URL(location, target).toString());
        if (next.origin !== origin) {
            // The origin only: a redirect's path or query may carry anything.
            throw new HttpError(`refused a redirect from ${origin} to another origin (${next.origin})`, HTTP_ERROR.crossOrigin);
        }
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
        }
        target = next;
    }
}
function parseUrl(url) {
    let parsed;
    try {
        parsed = new URL(url.toString());
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        throw new HttpError('not an http(s) URL', HTTP_ERROR.invalidUrl);
    }
    return parsed;
}
/**
 * A Retry-After header (RFC 9110 §10.2.3) as a wait in ms: delay-seconds or an HTTP-date
 * (relative to `now`; a date in the past is 0). Undefined when absent or unreadable.
 */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    const trimmed = text.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** Decodes a Content-Encoding the server applied unasked; the cap holds for the decoded body. */
function decodeBody(data, encoding, cap) {
    const coding = encoding?.trim().toLowerCase();
    if (!coding || coding === 'identity')
        return data;
    const zlib = () => process.getBuiltinModule('node:zlib');
    const decode = coding === 'gzip' || coding === 'x-gzip'
        ? zlib().gunzipSync
        : coding === 'deflate'
            ? zlib().inflateSync
            : coding === 'br'
                ? zlib().brotliDecompressSync
                : undefined;
    if (!decode)
        throw new HttpError(`response in an unsupported content-encoding (${coding})`, HTTP_ERROR.badEncoding);
    try {
        return decode(data, { maxOutputLength: cap });
    }
    catch (err) {
        if (err.code === 'ERR_BUFFER_TOO_LARGE') {
            throw new HttpError(`response body larger than ${cap} bytes (decompressed)`, HTTP_ERROR.tooLarge);
        }
        throw new HttpError(`response body is not valid ${coding}`, HTTP_ERROR.badEncoding);
    }
}
/** The error for a fired signal: a timeout (AbortSignal.timeout, Deadline) or another abort. */
function abortError(signal) {
    const reason = signal.reason;
    return reason?.name === 'TimeoutError'
        ? new HttpError('request timed out', HTTP_ERROR.timeout, 'TimeoutError')
        : new HttpError('request aborted', HTTP_ERROR.aborted, 'AbortError');
}
/** Node's error reduced to its message and code (its other fields may hold request details). */
function transportError(err) {
    if (err instanceof HttpError)
        return err;
    const code = err?.code;
    const message = err instanceof Error ? err.message : String(err);
    return new HttpError(message, typeof code === 'string' ? code : 'ERR_HTTP');
}
function once(target, method, body, options) {
    const { signal } = options;
    const cap = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        let settled = false;
        let res;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            req?.destroy();
            res?.destroy();
            reject(err);
        };
        const onAbort = () => fail(abortError(signal));
        const headers = { 'user-agent': 'astl-agent-credentials', ...options.headers };
        const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        if (payload)
            headers['content-length'] = String(payload.byteLength);
        let req;
        try {
            req = (target.protocol === 'https:' ? tlsRequest() : node_http__WEBPACK_IMPORTED_MODULE_0__.request)(target, { method });
            req.on('error', (err) => fail(transportError(err)));
            // Set apart from the options: NODE_DEBUG=http prints a request's options, headers included.
            for (const [name, value] of Object.entries(headers))
                req.setHeader(name, value);
        }
        catch (err) {
            // Invalid header characters and the like: Node names the header, never its value.
            fail(transportError(err));
            return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        req.on('response', (response) => {
            res = response;
            const declared = Number(response.headers['content-length']);
            if (Number.isFinite(declared) && declared > cap) {
                fail(new HttpError(`response body larger than ${cap} bytes`, HTTP_ERROR.tooLarge));
                return;
            }
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size > cap)
                    fail(new HttpError(`response body larger than ${cap} bytes`, HTTP_ERROR.tooLarge));
                else
                    chunks.push(chunk);
            });
            response.on('aborted', () => fail(new HttpError('connection closed mid-response', 'ECONNRESET')));
            response.on('error', (err) => fail(transportError(err)));
            response.on('end', () => {
                if (settled)
                    return;
                let data;
                try {
                    data = decodeBody(Buffer.concat(chunks, size), response.headers['content-encoding'], cap);
                }
                catch (err) {
                    fail(err);
                    return;
                }
                settled = true;
                signal?.removeEventListener('abort', onAbort);
                resolve({
                    status: response.statusCode ?? 0,
                    headers: response.headers,
                    body: data,
                    url: target.toString(),
                    text: () => data.toString('utf8'),
                });
            });
        });
        req.end(payload);
    });
}


/***/ }),

/***/ 8473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ revokeInstallationToken),
/* harmony export */   H6: () => (/* binding */ githubRequest),
/* harmony export */   av: () => (/* binding */ apiBase),
/* harmony export */   xw: () => (/* binding */ DEFAULT_GITHUB_API_URL)
/* harmony export */ });
/* unused harmony exports GITHUB_API_VERSION, GitHubHttpError, rateLimitOf */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5770);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4066);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5036);
/**
 * What every GitHub REST call shares: the request under the retry policy (GitHub's rate-limit
 * headers honoured within the deadline), GitHub's answer reduced to its one-line `message`, and
 * `DELETE /installation/token`, which is all the post step needs (the mint's calls are in
 * github-app.ts, loaded only when a token is minted).
 *
 * Reference: https://docs.github.com/rest (API version 2022-11-28) and
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).




const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
const GITHUB_API_VERSION = '2022-11-28';
/** GitHub's answers here are small JSON documents; a repository list page is the largest. */
const MAX_GITHUB_RESPONSE_BYTES = 2 * 1024 * 1024;
/** GitHub asks for at least a minute after a secondary rate limit without a retry-after header. */
const SECONDARY_RATE_LIMIT_WAIT_MS = 60_000;
/** A GitHub answer reduced to status, GitHub's one-line message and the rate-limit facts. */
class GitHubHttpError extends _retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .ProviderHttpError */ .gm {
    rateLimited;
    constructor(status, message, 
    /** The wait GitHub asked for, in ms, when this answer is a rate limit (retryOptions honours it). */
    retryAfterMs, rateLimited) {
        super(status, undefined, message, retryAfterMs);
        this.rateLimited = rateLimited;
        this.name = 'GitHubHttpError';
    }
}
const isRetryable = (err) => (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkFault */ .d$)(err) ||
    (err instanceof GitHubHttpError && (err.status >= 500 || err.status === 429 || err.rateLimited));
function header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/**
 * Whether an answer is a rate limit and how long GitHub asks to wait, following
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api: `retry-after`
 * (seconds or an HTTP date) first, then `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0,
 * else a minute for a secondary rate limit.
 */
function rateLimitOf(status, headers, message, now) {
    if (status !== 403 && status !== 429)
        return { rateLimited: false };
    const retryAfterMs = (0,_core_http_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(headers['retry-after'], now);
    if (retryAfterMs !== undefined)
        return { rateLimited: true, retryAfterMs };
    const reset = headers['x-ratelimit-reset'];
    if (headers['x-ratelimit-remaining'] === '0' && reset !== undefined && /^\d+$/.test(reset.trim())) {
        return { rateLimited: true, retryAfterMs: Math.max(0, Number(reset.trim()) * 1000 - now) };
    }
    if (/secondary rate limit|abuse detection/i.test(message)) {
        return { rateLimited: true, retryAfterMs: SECONDARY_RATE_LIMIT_WAIT_MS };
    }
    return { rateLimited: status === 429 };
}
/** GitHub's `{"message": ...}` (or octo-sts's `{"code", "message"}`) as one printable line. */
function messageOf(text) {
    try {
        const body = JSON.parse(text);
        if (typeof body.message === 'string')
            return (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .shortMessage */ .Sq)(body.message);
    }
    catch {
        // a proxy's page, or nothing
    }
    return (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .shortMessage */ .Sq)(text, 200);
}
/** The credential in `Bearer <credential>`. */
function bearerOf(authorization) {
    return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}
/**
 * One call under the retry policy. Resolves the parsed JSON body of a 2xx answer (undefined for
 * 204); a non-retryable answer goes through `onRefusal` to an AstlError.
 */
async function githubRequest(call, what, api, onRefusal, unavailableCode = 'GITHUB_UNAVAILABLE') {
    const now = call.now ?? Date.now;
    const headers = {
        accept: 'application/vnd.github+json',
        'x-github-api-version': GITHUB_API_VERSION,
        authorization: api.authorization,
    };
    let body;
    if (api.body !== undefined) {
        body = JSON.stringify(api.body);
        headers['content-type'] = 'application/json';
    }
    try {
        return await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(async (signal) => {
            const res = await (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .sendAttempt */ .ob)(api.url, { method: api.method, headers, body, signal, maxResponseBytes: MAX_GITHUB_RESPONSE_BYTES }, what, 'GITHUB_REQUEST_FAILED');
            const text = res.text();
            if (res.status >= 200 && res.status < 300) {
                if (!text.trim())
                    return undefined;
                try {
                    return JSON.parse(text);
                }
                catch {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${what}: the answer (HTTP ${res.status}) is not JSON`, {
                        code: 'GITHUB_RESPONSE_INVALID',
                        hint: 'check that GITHUB_API_URL (or sts-url) points at the API itself, not a web page or a proxy.',
                    });
                }
            }
            // An answer that echoes what we sent (a proxy's page, an STS quoting the OIDC token)
            // must not carry the JWT or token into a refusal or a retry's final message.
            const message = messageOf((0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .scrubSecret */ .SK)(text, bearerOf(api.authorization)));
            const limit = rateLimitOf(res.status, {
                'retry-after': header(res, 'retry-after'),
                'x-ratelimit-remaining': header(res, 'x-ratelimit-remaining'),
                'x-ratelimit-reset': header(res, 'x-ratelimit-reset'),
            }, message, now());
            const err = new GitHubHttpError(res.status, message, limit.retryAfterMs, limit.rateLimited);
            if (isRetryable(err))
                throw err;
            const refusal = onRefusal(err);
            if (refusal === 'already-invalid')
                return refusal;
            throw refusal;
        }, (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .retryOptions */ .tO)(what, call.deadline, isRetryable, call.retry));
    }
    catch (err) {
        if (!(err instanceof _core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryExhaustedError */ .aB))
            throw err;
        const last = err.lastError;
        const limited = last instanceof GitHubHttpError && last.rateLimited;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(err.message, {
            code: limited ? 'GITHUB_RATE_LIMITED' : unavailableCode,
            hint: limited
                ? `GitHub rate-limited the App${last.serverWaitMs !== undefined ? ` and asked to wait until ${new Date(now() + last.serverWaitMs).toISOString()}` : ''}; re-run the job then, or spread the jobs that use this App over time.`
                : `${what} did not succeed in time; re-run the job, or check GITHUB_API_URL (or sts-url) and the network.`,
        });
    }
}
function apiBase(apiUrl) {
    return apiUrl.replace(/\/+$/, '');
}
/**
 * `DELETE /installation/token`: 204 revokes; 401 means the token is already invalid (expired or
 * revoked). Anything else is an AstlError.
 */
async function revokeInstallationToken(req) {
    const outcome = await githubRequest(req, 'GitHub installation token revocation', {
        method: 'DELETE',
        url: `${apiBase(req.apiUrl)}/installation/token`,
        authorization: `Bearer ${req.token}`,
    }, (err) => err.status === 401
        ? 'already-invalid'
        : new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`GitHub refused revoking the installation token: ${err.message}`, {
            code: 'GITHUB_REVOKE_FAILED',
        }));
    return outcome === 'already-invalid' ? outcome : 'revoked';
}


/***/ }),

/***/ 5036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SK: () => (/* binding */ scrubSecret),
/* harmony export */   Sq: () => (/* binding */ shortMessage),
/* harmony export */   gm: () => (/* binding */ ProviderHttpError),
/* harmony export */   ob: () => (/* binding */ sendAttempt),
/* harmony export */   tO: () => (/* binding */ retryOptions),
/* harmony export */   uW: () => (/* binding */ exhausted)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, transportHint */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5770);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3591);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4066);
/**
 * What every provider call shares: the retry settings, one attempt's HTTP request (transport
 * faults a retry can cure go back to `withRetry`, any other becomes a user error), the provider
 * error reduced to what is safe to print, and the conversion of an exhausted retry into an
 * AstlError whose message names the provider and the last fault.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).




const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 4000,
    attemptTimeoutMs: 10_000,
};
function retryOptions(what, deadline, isRetryable, settings = {}) {
    return {
        ...DEFAULT_RETRY,
        ...settings,
        what,
        deadline,
        isRetryable,
        // A 429/503's Retry-After (seconds or HTTP-date) is a floor under the next attempt's delay.
        retryAfterMs: (err) => (err instanceof ProviderHttpError ? err.serverWaitMs : undefined),
    };
}
/**
 * An HTTP answer from a provider, reduced to what is safe to print: status, the provider's error
 * code and message. Response bodies may hold credentials; only these fields leave a provider.
 */
class ProviderHttpError extends Error {
    status;
    providerCode;
    providerMessage;
    serverWaitMs;
    constructor(status, providerCode, providerMessage, 
    /** The wait the answer's Retry-After asked for, in ms (parseRetryAfter in core/http.ts). */
    serverWaitMs) {
        const detail = [providerCode, providerMessage].filter(Boolean).join(': ');
        super(detail ? `HTTP ${status} (${detail})` : `HTTP ${status}`);
        this.status = status;
        this.providerCode = providerCode;
        this.providerMessage = providerMessage;
        this.serverWaitMs = serverWaitMs;
        this.name = 'ProviderHttpError';
    }
}
const TLS_TRUST = /^(?:CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_CERT)/;
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];
/**
 * The hint for a transport fault: untrusted TLS → NODE_EXTRA_CA_CERTS; a cross-origin redirect
 * (a Vault standby sending clients to the active node) → the address to use instead; a
 * connection fault with a proxy variable set → proxies are not used.
 */
function transportHint(err, env = process.env) {
    const code = err?.code;
    if (typeof code !== 'string')
        return undefined;
    if (TLS_TRUST.test(code)) {
        return "the server's TLS certificate is not trusted by this runner: give Node its CA with NODE_EXTRA_CA_CERTS.";
    }
    if (code === _core_http_js__WEBPACK_IMPORTED_MODULE_1__/* .HTTP_ERROR */ .mc.crossOrigin) {
        return 'redirects are followed only within the same origin, so the token is never sent to another host or over plain http: use the address the redirect names (for Vault, the active node or the load balancer in front of it).';
    }
    const proxy = PROXY_VARIABLES.find((name) => env[name]);
    if (proxy && (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkFault */ .d$)(err)) {
        return `${proxy} is set, but provider calls do not use proxies (neither did the AWS SDK's default client): the runner needs a direct route to the endpoint.`;
    }
    return undefined;
}
/** `text` with every occurrence of the given secrets replaced (an error body may echo what we sent). */
function scrubSecret(text, ...secrets) {
    const r = new _core_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .Redactor */ .pO();
    for (const s of secrets)
        if (s)
            r.add(s);
    return r.redact(text);
}
/**
 * One attempt's request. Transport faults a retry can cure (resets, refusals, timeouts) are
 * rethrown for `withRetry`; any other failure (an untrusted TLS certificate, a redirect to another
 * origin, an oversized answer, a bad URL) cannot get better and becomes an AstlError `code`
 * naming `what` at once.
 */
async function sendAttempt(url, options, what, code) {
    try {
        return await (0,_core_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpRequest */ .aj)(url, options);
    }
    catch (err) {
        if ((0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkFault */ .d$)(err))
            throw err;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${what} failed: ${(0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFault */ .Qx)(err)}`, { code, hint: transportHint(err) });
    }
}
/** Rethrows an exhausted retry as `<CODE>` AstlError naming the provider and the last fault. */
function exhausted(err, code, hint) {
    if (err instanceof _core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryExhaustedError */ .aB) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(err.message, { code, hint: transportHint(err.lastError) ?? hint });
    }
    throw err;
}
/** Characters of the tokens a provider might echo: JWT, base64(url), Vault and AWS keys. */
const TOKEN_RUN_AT_END = /[A-Za-z0-9._~+/=-]+$/;
/**
 * A provider's error text cut to something printable on one line. The cut never splits a run of
 * token characters: an error body that echoes the JWT or Vault token we sent would otherwise
 * show most of it, which the masks (exact values) cannot hide. Such a run is dropped whole.
 */
function shortMessage(text, max = 300) {
    const msg = text.replace(/\s+/g, ' ').trim();
    if (msg.length <= max)
        return msg;
    let cut = msg.slice(0, max);
    if (TOKEN_RUN_AT_END.test(msg.slice(max, max + 1)))
        cut = cut.replace(TOKEN_RUN_AT_END, '');
    return `${cut}…`;
}


/***/ })

};
;