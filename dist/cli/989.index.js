"use strict";
exports.id = 989;
exports.ids = [989];
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

/***/ 3989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeTokenClaims: () => (/* binding */ decodeTokenClaims),
  z: () => (/* binding */ requestGitHubIdToken)
});

// UNUSED EXPORTS: idTokenUrl

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(1445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __webpack_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __webpack_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new errors/* JWTInvalid */.Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new errors/* JWTInvalid */.Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new errors/* JWTInvalid */.Dp("Invalid JWT");
  if (!encodedPayload)
    throw new errors/* JWTInvalid */.Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,base64url/* decode */.D)(encodedPayload);
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils/* strictDecoder */.u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,validate/* isObject */.Gv)(claimsSet))
    throw new errors/* JWTInvalid */.Dp("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./packages/core/errors.ts
var core_errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
// EXTERNAL MODULE: ./packages/providers/retry-policy.ts
var retry_policy = __webpack_require__(5036);
;// CONCATENATED MODULE: ./packages/providers/oidc.ts
/**
 * GitHub Actions OIDC: requesting an ID token through the runner's protocol and reading its
 * claims for diagnostics. The token is a bearer credential: it is returned to the caller and
 * never put in an error message.
 */




/** The runner answers `{"value": "<jwt>"}`; anything much larger is not a token answer. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
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
        throw new core_errors/* AstlError */.Ht(`GitHub OIDC is not available to this job: ${missing.join(' and ')} not set`, {
            code: 'OIDC_NOT_AVAILABLE',
            hint: 'add `permissions: id-token: write` to the job (or the workflow). Jobs triggered from forks never get an ID token.',
            fix: PERMISSIONS_FIX,
        });
    }
    if (!req.audience) {
        throw new core_errors/* AstlError */.Ht('An OIDC audience is required to request an ID token', {
            code: 'OIDC_AUDIENCE_MISSING',
        });
    }
    let url;
    try {
        url = new URL(idTokenUrl(req.requestUrl, req.audience)).toString();
    }
    catch {
        throw new core_errors/* AstlError */.Ht('ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL', { code: 'OIDC_NOT_AVAILABLE' });
    }
    const requestToken = req.requestToken;
    const isRetryable = (err) => (0,retry/* isNetworkFault */.d$)(err) || (err instanceof retry_policy/* ProviderHttpError */.gm && (0,retry/* isRetryableStatus */.PS)(err.status));
    try {
        return await (0,retry/* withRetry */.bD)(async (signal) => {
            const res = await (0,retry_policy/* sendAttempt */.ob)(url, {
                headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
                signal,
                maxResponseBytes: MAX_TOKEN_RESPONSE_BYTES,
            }, 'GitHub OIDC token request', 'OIDC_TOKEN_REQUEST_FAILED');
            const text = res.text();
            if (res.status < 200 || res.status > 299) {
                const err = new retry_policy/* ProviderHttpError */.gm(res.status, undefined, errorText(text));
                if (isRetryable(err))
                    throw err;
                throw new core_errors/* AstlError */.Ht(`The runner refused the OIDC token request: ${err.message}`, {
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
                throw new core_errors/* AstlError */.Ht('The runner answered the OIDC token request without a token (`value`)', {
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
/** The message of an error body: JSON `message` or `errors`, else the text, cut to one line. */
function errorText(text) {
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
    return (0,retry_policy/* shortMessage */.Sq)(msg);
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


/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
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
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
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
function encodeBase64(input, url = !1) {
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



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertUint8Array, decodeBase64url, encodeAsciiMember, isJwkSet, parseJoseHeader, validateAlgorithms */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);



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
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
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
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
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



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid)
/* harmony export */ });
/* unused harmony exports JOSEAlgNotAllowed, JOSEError, JWEDecryptionFailed, JWEInvalid, JWKInvalid, JWKSInvalid, JWKSMultipleMatchingKeys, JWKSNoMatchingKey, JWKSTimeout, JWSSignatureVerificationFailed, JWTClaimValidationFailed, JWTExpired */
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
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
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
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
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



/***/ })

};
;