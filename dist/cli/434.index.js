"use strict";
exports.id = 434;
exports.ids = [434,170,789];
exports.modules = {

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

/***/ 267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubClient: () => (/* reexport */ GitHubClient),
  GitLabClient: () => (/* reexport */ GitLabClient),
  loadPolicies: () => (/* reexport */ loadPolicies),
  matchingRules: () => (/* reexport */ matchingRules),
  runGate: () => (/* reexport */ runGate)
});

// UNUSED EXPORTS: EXPRESSION_LIMITS, budgetEnvironment, budgetLimit, compileExpression, decide, deployPolicySchema, exitCodeFor, expressionVars, hostGlobProblem, hostMatches, hostsInParams, hostsInString, normalizeRepository, parseDeployPolicies, policySha256, redactParams, renderMarkdown, toGateImage

// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
;// CONCATENATED MODULE: ./packages/gate/cost.ts
const EXPRESSION_COST = {
    /** Cost units for all the expressions of one decision. */
    limit: 1_000_000,
    /** Wall-clock time for all the expressions of one decision, a backstop for the count. */
    timeLimitMs: 1000,
};
/** A cost budget, shared by every expression evaluated for one decision. */
class CostBudget {
    limit;
    timeLimitMs;
    used = 0;
    exceeded;
    deadline = Number.POSITIVE_INFINITY;
    steps = 0;
    constructor(limit = EXPRESSION_COST.limit, timeLimitMs = EXPRESSION_COST.timeLimitMs) {
        this.limit = limit;
        this.timeLimitMs = timeLimitMs;
    }
    /** Starts the clock at the first evaluation. */
    start() {
        if (this.deadline === Number.POSITIVE_INFINITY)
            this.deadline = performance.now() + this.timeLimitMs;
    }
    /** Adds `units`; throws CostExceeded once the budget is spent. */
    charge(units) {
        if (this.exceeded)
            throw new CostExceeded();
        this.used += units;
        if (this.used > this.limit)
            this.exceeded = 'cost';
        else if ((++this.steps & 1023) === 0 && performance.now() > this.deadline)
            this.exceeded = 'time';
        if (this.exceeded)
            throw new CostExceeded();
    }
    describe() {
        return this.exceeded === 'time'
            ? `evaluation did not finish within ${this.timeLimitMs} ms (the time limit of a decision's expressions) and was stopped; simplify the expression, or the params it walks`
            : `evaluation needed more than ${this.limit.toLocaleString('en-US')} cost units (one per step, plus one per list element and per 10 characters an operation handles; the limit of a decision's expressions) and was stopped; nested comprehensions over large params grow quadratically. Simplify the expression, or send smaller params`;
    }
}
/** Thrown inside the evaluator to stop it; never escapes runMetered. */
class CostExceeded extends Error {
    constructor() {
        super('expression cost limit exceeded');
    }
}
/** Nodes whose value their parent does not walk: no size charge. */
const FREE = new WeakSet();
const ACCUMULATOR_OPS = new Set(['accuValue', 'accuPush', 'accuInc']);
const SIZE_FUNCTIONS = new Set(['size']);
let active;
function isNode(v) {
    return typeof v === 'object' && v !== null && typeof v.op === 'string';
}
const sizes = new WeakMap();
/** Deep size in cost units; cached per object, so shared params are measured once. */
function sizeUnits(v, depth = 0) {
    if (typeof v === 'string')
        return v.length / 10;
    if (typeof v !== 'object' || v === null)
        return 0;
    if (depth > 64)
        return Number.POSITIVE_INFINITY; // deeper than params may be: cyclic or hostile
    if (ArrayBuffer.isView(v))
        return v.byteLength / 10;
    const cached = sizes.get(v);
    if (cached !== undefined)
        return cached;
    let n = 0;
    if (Array.isArray(v)) {
        n = v.length;
        for (const x of v)
            n += sizeUnits(x, depth + 1);
    }
    else if (v instanceof Map || v instanceof Set) {
        n = v.size;
        for (const [k, x] of v instanceof Map ? v : [...v].map((x) => [x, undefined])) {
            n += sizeUnits(k, depth + 1) + sizeUnits(x, depth + 1);
        }
    }
    else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
        for (const [k, x] of Object.entries(v))
            n += 1 + k.length / 10 + sizeUnits(x, depth + 1);
    }
    else {
        n = 1; // durations, timestamps, unsigned ints: small
    }
    sizes.set(v, n);
    return n;
}
/** Charges the budget of the evaluation in progress (used by functions such as matches()). */
function chargeActive(units) {
    active?.budget.charge(units);
}
/**
 * Wraps the evaluator of `env` so that evaluations inside runMetered are metered. Throws when the
 * library does not evaluate the way this module expects (checked with a probe expression): the
 * gate then refuses to compile expressions rather than run them unbounded.
 */
function meterEvaluator(env) {
    const probe = env.parse('[1, 2].map(x, x + 1).size() == 2');
    probe.check();
    const root = probe.ast;
    let evaluator;
    Object.defineProperty(root, 'evaluate', {
        configurable: true,
        writable: true,
        value(ev, ast, ctx) {
            evaluator = ev;
            delete root.evaluate;
            return root.evaluate(ev, ast, ctx);
        },
    });
    probe({});
    if (!evaluator || typeof evaluator.run !== 'function') {
        throw new Error('cannot meter CEL evaluation: @marcbachmann/cel-js no longer evaluates through Evaluator#run');
    }
    const original = evaluator.run;
    evaluator.run = function meteredRun(ast, ctx) {
        const m = active;
        if (!m)
            return original.call(this, ast, ctx);
        m.budget.charge(1);
        const value = original.call(this, ast, ctx);
        if (typeof value === 'number') {
            if (!Number.isFinite(value) && !m.nonFinite) {
                m.nonFinite = ast;
                m.nonFiniteValue = value;
            }
        }
        else if (typeof value === 'object' && value !== null && !FREE.has(ast)) {
            m.budget.charge(sizeUnits(value));
        }
        else if (typeof value === 'string' && !FREE.has(ast)) {
            m.budget.charge(value.length / 10);
        }
        return value;
    };
    const check = new CostBudget();
    runMetered(check, () => probe({}));
    if (check.used < 5) {
        evaluator.run = original;
        throw new Error('cannot meter CEL evaluation: the probe expression was not metered');
    }
}
/** Runs `fn` (one evaluation) against `budget`; never throws. */
function runMetered(budget, fn) {
    const previous = active;
    const m = { budget };
    active = m;
    budget.start();
    try {
        if (budget.exceeded)
            throw new CostExceeded();
        const value = fn();
        const out = { ok: true, value };
        if (m.nonFinite) {
            out.nonFinite = { start: m.nonFinite.start, end: m.nonFinite.end };
            out.nonFiniteValue = m.nonFiniteValue;
        }
        return out;
    }
    catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    finally {
        active = previous;
    }
}
/**
 * Marks the nodes of a checked AST whose value their parent does not walk (field and index
 * receivers, ternary branches, size() arguments, comprehension accumulators), so that only work
 * proportional to a value's size is charged for it. Unknown shapes stay charged: the safe side.
 */
function markFreeOperands(root) {
    const seen = new Set();
    const visit = (node, depth) => {
        if (!isNode(node) || seen.has(node) || depth > 256)
            return;
        seen.add(node);
        const args = node.args;
        const list = Array.isArray(args) ? args : [];
        switch (node.op) {
            case '.':
            case '.?':
            case '[]':
            case '[?]':
                if (isNode(list[0]))
                    FREE.add(list[0]);
                break;
            case '?:':
                if (isNode(list[1]))
                    FREE.add(list[1]);
                if (isNode(list[2]))
                    FREE.add(list[2]);
                break;
            case 'call':
                if (SIZE_FUNCTIONS.has(String(list[0])) && Array.isArray(list[1]) && isNode(list[1][0])) {
                    FREE.add(list[1][0]);
                }
                break;
            case 'rcall':
                if (SIZE_FUNCTIONS.has(String(list[0])) && isNode(list[1]))
                    FREE.add(list[1]);
                break;
            case 'comprehension': {
                const c = args;
                if (isNode(c.init))
                    FREE.add(c.init);
                if (isNode(c.step))
                    FREE.add(c.step);
                break;
            }
            default:
                if (ACCUMULATOR_OPS.has(node.op))
                    FREE.add(node);
        }
        visitChildren(args, depth + 1);
        const meta = node.meta;
        if (meta) {
            visit(meta['alternate'], depth + 1);
            const macro = meta['macro'];
            // has(params.a.b) reads one field per step: no size charge for the chain.
            for (const n of macro?.macroHasProps ?? [])
                if (isNode(n))
                    FREE.add(n);
            if (macro && typeof macro === 'object')
                visitChildren(Object.values(macro), depth + 1);
        }
    };
    const visitChildren = (v, depth) => {
        if (depth > 256)
            return;
        if (isNode(v))
            visit(v, depth);
        else if (Array.isArray(v))
            for (const x of v)
                visitChildren(x, depth + 1);
        else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
            for (const x of Object.values(v))
                if (isNode(x) || Array.isArray(x))
                    visitChildren(x, depth + 1);
        }
    };
    visit(root, 0);
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./packages/gate/hosts.ts
/**
 * Egress checks for `allowed_hosts`: which hosts a request's params name, and whether a host
 * matches an allowlist glob.
 *
 * The scan fails closed: a token counts as a host whenever some program could read it as one.
 * Host names are normalised the way WHATWG URL parsing does (Node's `URL`): lowercase,
 * percent-decoded, IDN to punycode, full-width dots folded, IPv4 in every inet_aton form (1 to 4
 * parts, decimal, octal or hex: `127.1`, `2130706433`, `0x7f000001`) to a dotted quad, IPv6
 * compressed; a trailing dot is dropped. No public-suffix list decides anything: `.sh`, `.pl`,
 * `.md` and `.zip` are real TLDs, so every dotted name may be a host.
 *
 * Where a token is a host (docs/gate.md "allowed_hosts" says the same for users):
 * 1. Host-shaped forms, anywhere in any string (also inside prose and object keys): the host of
 *    a URL of any scheme (`https:evil.com`, `https:\\evil.com`, scheme-relative `//evil.com`,
 *    UNC `\\evil.com`, every `@` and `\` reading of the authority), the host of `user@host`,
 *    `name:port`, IPv6 literals bracketed or not, IPv4 in any form but a bare decimal integer,
 *    dotted names whatever their last label, and `localhost`-family names. URLs nested in a
 *    query and percent-encoded ones (`?next=https%3A%2F%2Fevil.com`) are read too.
 * 2. A value without whitespace is one destination: a single-label name (`db`, `metadata`) or
 *    the first segment of `name/path` or `name:path` is a host, because /etc/hosts and DNS
 *    search domains resolve single labels.
 * 3. A number (YAML or JSON) is a count, not an IPv4 address, unless its key names a
 *    destination (`host`, `url`, `ip`, `endpoint`, `target`, …); so is a decimal integer
 *    inside prose. A string of digits given as a whole value is an IPv4 address (`2130706433`).
 * 4. A dotted name whose last label does not start with a letter and that is not an IPv4
 *    address (`v1.2.3`, `1.5x`, `2.0-rc1`) is a version: every TLD starts with a letter (RFC 3696
 *    §2; URL parsers refuse all-numeric ones).
 * 5. A token that starts with `/`, `./`, `../` or `~/` is a file path: its path names no host
 *    (its query still does).
 * 6. Params listed in `text_params` hold text or identifiers: rule 2 does not apply to them,
 *    and IPv4 shorthands other than a dotted quad are numbers there. Rule 1 still applies.
 * Whitespace ends a token: a URL broken by a newline is read as its pieces, each checked.
 *
 * Glob semantics (DNS labels, case-insensitive): `*` matches exactly one label, `**` matches one
 * or more labels, `*` inside a label matches within that label (`api-*.acme.internal`);
 * everything else is literal. So `*.acme.internal` allows `db.acme.internal` but neither
 * `acme.internal` nor `a.b.acme.internal`; `**.acme.internal` allows both of the latter but not
 * `acme.internal` itself. An IPv6 host matches only a literal IPv6 glob, or, when it embeds an
 * IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`),
 * a glob that matches that IPv4 address.
 */

/** The eight contexts, made once (scanning allocates none). */
const CONTEXTS = Array.from({ length: 8 }, (_, i) => Object.freeze({ destination: (i & 1) !== 0, text: (i & 2) !== 0, key: (i & 4) !== 0 }));
function context(destination, text, key) {
    return CONTEXTS[(destination ? 1 : 0) | (text ? 2 : 0) | (key ? 4 : 0)];
}
const PROSE = context(false, false, false);
/** Schemes whose host WHATWG reads even without slashes (`https:evil.com`); `file` needs `//`. */
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);
/** Names that reach the machine itself or its cloud metadata, in any position. */
const LOCAL_NAMES = new Set([
    'localhost',
    'localhost.localdomain',
    'ip6-localhost',
    'ip6-loopback',
    'broadcasthost',
]);
/** Names that are hosts in a host position (`name/path`, `name:port`), though also English words. */
const METADATA_NAMES = new Set(['metadata', 'instance-data']);
/** Words of a key that make it name a destination (rule 3). */
const DESTINATION_WORDS = new Set('host hostname url uri endpoint server addr address ip ips domain target dest destination proxy remote upstream origin webhook hook callback redirect peer registry dns nameserver sni link mirror dsn broker gateway ingress egress site fqdn socket bind connect connection forward'.split(' '));
/** Ends a token: whitespace, quotes and brackets that hosts never hold (`[`, `]` do: IPv6). */
const TOKEN_SPLIT = /[\s"'<>`(){}|,;]+/;
/** Ends a URL authority; the WHATWG reading also ends at `\` (see authorityHosts). */
const AUTHORITY_END = /[\s/?#"'<>`(){}|^,;]/;
const MAX_TOKEN_SHOWN = 80;
const MAX_DEPTH = 64;
function isLetter(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isSchemeChar(c) {
    return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}
/** AUTHORITY_END, per character code, for the scanning loops. */
function isAuthorityEnd(c) {
    return c < 128 ? AUTHORITY_END_ASCII[c] === 1 : /\s/.test(String.fromCharCode(c));
}
const AUTHORITY_END_ASCII = new Uint8Array(128).map((_, c) => AUTHORITY_END.test(String.fromCharCode(c)) ? 1 : 0);
function isSlash(c) {
    return c === '/' || c === '\\';
}
function shown(token) {
    return token.length > MAX_TOKEN_SHOWN ? `${token.slice(0, MAX_TOKEN_SHOWN)}…` : token;
}
/** `%xx` runs decoded as UTF-8; malformed escapes stay as they are. Linear. */
function percentDecode(text) {
    return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => Buffer.from(m.replace(/%/g, ''), 'hex').toString('utf8'));
}
/** Lowercase LDH names need no URL parser (the common case); numeric last labels do (IPv4). */
const PLAIN_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/;
const NUMERIC_LABEL = /^(0x[0-9a-f]*|[0-9]+)$/;
/** The IPv4 address an IPv6 address embeds: IPv4-mapped, IPv4-compatible or NAT64 (RFC 6052). */
function embeddedIpv4(ipv6) {
    const halves = ipv6.split('::');
    if (halves.length > 2)
        return undefined;
    const head = halves[0] ? halves[0].split(':') : [];
    const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
    const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail] : head;
    if (groups.length !== 8)
        return undefined;
    const g = groups.map((x) => Number.parseInt(x, 16));
    const zero = (from, to) => g.slice(from, to).every((x) => x === 0);
    const v4 = `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
    if (zero(0, 5) && g[5] === 0xffff)
        return v4; // ::ffff:a.b.c.d
    if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6))
        return v4; // 64:ff9b::a.b.c.d
    if (zero(0, 6) && (g[6] !== 0 || g[7] > 1))
        return v4; // ::a.b.c.d, not :: or ::1
    return undefined;
}
function normalizeIpv6(text) {
    const bare = text.replace(/^\[|\]$/g, '');
    if (!bare.includes(':') || !/^[0-9a-f:.%a-z-]+$/i.test(bare))
        return undefined;
    for (const candidate of [bare, bare.replace(/%.*$/, '')]) {
        try {
            const host = new URL(`http://[${candidate}]/`).hostname.replace(/^\[|\]$/g, '');
            const ipv4 = embeddedIpv4(host);
            return ipv4 ? { host, kind: 'ipv6', ipv4 } : { host, kind: 'ipv6' };
        }
        catch {
            // try without a zone id (fe80::1%eth0)
        }
    }
    return undefined;
}
/**
 * A host as WHATWG URL parsing (and so inet_aton for IPv4) reads it, or undefined when no URL
 * parser accepts it as a host. Plain lowercase LDH names skip the parser (the common case).
 */
function normalizeHost(text) {
    if (text === '' || text.length > 1024)
        return undefined;
    if (text.startsWith('[') || (text.match(/:/g)?.length ?? 0) >= 2)
        return normalizeIpv6(text);
    let host;
    const end = text.endsWith('.') ? text.length - 1 : text.length;
    const last = text.slice(text.lastIndexOf('.', end - 1) + 1, end);
    if (PLAIN_NAME.test(text) && !NUMERIC_LABEL.test(last)) {
        host = text;
    }
    else {
        try {
            host = new URL(`http://${text}/`).hostname;
        }
        catch {
            return undefined;
        }
    }
    host = host.replace(/\.$/, '');
    if (host === '' || host.startsWith('.'))
        return undefined;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host))
        return { host, kind: 'ipv4' };
    return { host, kind: 'name' };
}
/** A host position (URL authority, after `user@`): anything there is a host, even unparseable. */
function emitHostPosition(raw, form, token, sink) {
    let name = raw.replace(/^[.]+/, '');
    if (name.startsWith('[')) {
        const end = name.indexOf(']');
        name = end > 0 ? name.slice(0, end + 1) : name;
    }
    else if ((name.match(/:/g)?.length ?? 0) < 2) {
        name = name.split(':')[0];
    }
    if (name === '' || name === '[]')
        return;
    const n = normalizeHost(name);
    const host = n?.host ?? name.toLowerCase().replace(/\.$/, '');
    sink.add(host, form, token, false, n?.ipv4);
}
/** Every host of a URL authority, under each reading parsers disagree on. */
function authorityHosts(authority, token, sink) {
    // WHATWG ends a special URL's authority at `\`; other parsers keep it, which matters for
    // `evil.com\@good.example` (WHATWG: evil.com; others: good.example): read both.
    const backslash = authority.indexOf('\\');
    const readings = backslash < 0
        ? [authority]
        : authority.includes('@')
            ? [authority.slice(0, backslash), authority]
            : [authority.slice(0, backslash)];
    for (const reading of readings) {
        const parts = reading.split('@');
        // Userinfo is no host, but a host-shaped piece of it is still named in params.
        if (parts.length > 1)
            scanShapes(parts[0], PROSE, sink);
        // After the last `@` (WHATWG) and after the first (parsers that stop there).
        for (const part of parts.length > 1 ? parts.slice(1) : parts) {
            emitHostPosition(part, 'url', token, sink);
        }
    }
}
/** Finds URL authorities anywhere in `text` (nested ones too) and emits their hosts. */
function readAuthority(text, from, sink) {
    let end = from;
    while (end < text.length && !isAuthorityEnd(text.charCodeAt(end)))
        end++;
    if (end > from)
        authorityHosts(text.slice(from, end), text.slice(Math.max(0, from - 12), end), sink);
}
function scanUrls(text, sink) {
    const n = text.length;
    for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
        let s = i;
        while (s > 0 && i - s < 32 && isSchemeChar(text.charCodeAt(s - 1)))
            s--;
        while (s < i && !isLetter(text.charCodeAt(s)))
            s++;
        if (i - s < 2)
            continue; // a drive letter (c:\) or no scheme
        const scheme = text.slice(s, i).toLowerCase();
        let j = i + 1;
        while (j < n && isSlash(text[j]))
            j++;
        if (SPECIAL_SCHEMES.has(scheme) || j - i - 1 >= 2)
            readAuthority(text, j, sink);
    }
    // Scheme-relative `//host`, UNC `\\host` and mixed `/\host`, not right after a scheme.
    for (let i = 0; i < n - 1; i++) {
        if (!isSlash(text[i]) || !isSlash(text[i + 1]))
            continue;
        const start = i;
        while (i < n && isSlash(text[i]))
            i++;
        if (start > 0 && text[start - 1] === ':')
            continue;
        readAuthority(text, i, sink);
    }
}
function isDecimalInteger(s) {
    return /^(0|[1-9][0-9]*)$/.test(s);
}
function isDottedQuad(s) {
    return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\.?$/.test(s);
}
/**
 * One name in a non-URL position. `whole`: the token is a whole value (rule 2); `form`: how it
 * was found (bare, `name:port`, `name/path`).
 */
function classifyName(name, ctx, whole, form, token, sink) {
    const text = name.replace(/^\.+/, '');
    if (text === '')
        return;
    if (isDecimalInteger(text.replace(/\.$/, ''))) {
        // Rule 3: a count in prose; an IPv4 address as a whole value or under a destination key.
        if (!ctx.destination && !(whole && !ctx.text))
            return;
        const n = normalizeHost(text);
        if (n)
            sink.add(n.host, ctx.destination ? 'number' : 'ipv4', token, true);
        return;
    }
    const n = normalizeHost(text);
    if (!n)
        return;
    if (n.kind === 'ipv6') {
        sink.add(n.host, 'ipv6', token, false, n.ipv4);
        return;
    }
    if (n.kind === 'ipv4') {
        // Rule 6: in text params only a dotted quad is an address; 1.5 or 0x10 are numbers there.
        if (ctx.text && !isDottedQuad(text))
            return;
        sink.add(n.host, 'ipv4', token, !isDottedQuad(text));
        return;
    }
    if (n.host.includes('.')) {
        // Rule 4: every TLD starts with a letter (xn-- included); 1.5x and 2.0-rc1 are versions.
        if (!/^[a-z]/.test(n.host.slice(n.host.lastIndexOf('.') + 1)))
            return;
        sink.add(n.host, form === 'bare' ? 'dotted name' : form, token, false);
        return;
    }
    // A single label.
    if (LOCAL_NAMES.has(n.host)) {
        sink.add(n.host, 'local name', token, false);
    }
    else if (METADATA_NAMES.has(n.host) && (whole || form !== 'bare')) {
        sink.add(n.host, 'local name', token, false);
    }
    else if (form === 'host:port') {
        sink.add(n.host, form, token, false);
    }
    else if (whole && !ctx.text && !ctx.key) {
        sink.add(n.host, form === 'host/path' ? form : 'single label', token, true);
    }
}
function withoutDestination(ctx) {
    return context(false, ctx.text, ctx.key);
}
/** Host-shaped pieces only (rule 1), for userinfo, queries and paths. */
function scanShapes(text, ctx, sink) {
    for (const piece of text.split(/[\s/\\?#&=;,|"'<>`(){}+]+/)) {
        const t = trimToken(piece);
        if (t)
            classifyMain(t, ctx.destination ? withoutDestination(ctx) : ctx, false, false, sink);
    }
}
const TRIM_START = /^[*_~!.:]/;
const TRIM_END = /[*_~!?.,;]$/;
/** Strips punctuation around a token; keeps a leading `[` that opens an IPv6 literal. */
function trimToken(token) {
    let t = token;
    if (TRIM_START.test(t))
        t = t.replace(/^[*_~!.]+/, '').replace(/^:(?!:)/, '');
    if (TRIM_END.test(t))
        t = t.replace(/[*_~!?.,;]+$/, '');
    if (t.startsWith('[') && !t.includes(']'))
        t = t.slice(1);
    if (t.endsWith(']') && !t.includes('['))
        t = t.slice(0, -1);
    return t;
}
/** The part of a token before any path, query or fragment: user@host, name:port, a name. */
function classifyMain(main, ctx, whole, hasPath, sink) {
    const at = main.lastIndexOf('@');
    if (at > 0) {
        // user@host: the host position holds a host whatever its shape; the user part may still
        // hold a host-shaped piece. Pieces have no `@`, so this does not recurse further.
        for (const piece of main.slice(0, at).split('@')) {
            if (piece)
                classifyMain(piece, PROSE, false, false, sink);
        }
        emitHostPosition(main.slice(at + 1), 'user@host', main, sink);
        return;
    }
    const name = at === 0 ? main.slice(1) : main; // "@alice" is a mention, not user@host
    const eq = name.lastIndexOf('=');
    if (eq >= 0) {
        // key=value (`--host=evil.com`): the key is a name, the value may be a destination.
        scanShapes(name.slice(0, eq), PROSE, sink);
        const value = name.slice(eq + 1);
        if (value)
            classifyMain(value, ctx, whole, hasPath, sink);
        return;
    }
    if (name.startsWith('[') || (name.match(/:/g)?.length ?? 0) >= 2) {
        const v6 = normalizeIpv6(name.startsWith('[') ? name.slice(0, name.indexOf(']') + 1) : name);
        if (v6) {
            sink.add(v6.host, 'ipv6', main, false, v6.ipv4);
            return;
        }
    }
    const colon = name.indexOf(':');
    if (colon > 0) {
        const port = name.slice(colon + 1);
        if (/^\d{1,5}$/.test(port)) {
            classifyName(name.slice(0, colon), ctx, whole && at !== 0, 'host:port', main, sink);
        }
        else {
            // name:path (scp, rsync, git) in a whole value; elsewhere only by shape.
            classifyName(name.slice(0, colon), ctx, whole && at !== 0, whole ? 'host/path' : 'bare', main, sink);
            // Colons split the rest too, so that a:b:c… does not recurse once per colon.
            if (port)
                scanShapes(port.replace(/:/g, ' '), ctx, sink);
        }
        return;
    }
    classifyName(name, ctx, whole && at !== 0, hasPath ? 'host/path' : 'bare', main, sink);
}
/** One token: a URL (its authority was read by scanUrls), a file path, or main part + rest. */
function scanToken(token, ctx, whole, sink) {
    let rest;
    const scheme = /^([a-z][a-z0-9+.-]{1,31}):/i.exec(token);
    const afterScheme = scheme ? token.slice(scheme[0].length) : '';
    if (scheme &&
        (SPECIAL_SCHEMES.has(scheme[1].toLowerCase()) || (isSlash(afterScheme[0]) && isSlash(afterScheme[1])))) {
        rest = skipAuthority(afterScheme);
    }
    else if (isSlash(token[0]) && isSlash(token[1])) {
        rest = skipAuthority(token);
    }
    else if (/^(\.{1,2}[/\\]|~[/\\]|[/\\])/.test(token)) {
        const q = token.search(/[?#]/); // rule 5: a file path; only its query and fragment are read
        rest = q < 0 ? '' : token.slice(q);
    }
    else {
        const cut = token.search(/[/\\?#]/);
        const main = cut < 0 ? token : token.slice(0, cut);
        rest = cut < 0 ? '' : token.slice(cut);
        if (main)
            classifyMain(main, ctx, whole, cut >= 0 && isSlash(token[cut]), sink);
    }
    if (rest)
        scanShapes(rest, ctx, sink);
}
function skipAuthority(text) {
    let i = 0;
    while (i < text.length && isSlash(text[i]))
        i++;
    while (i < text.length && !isAuthorityEnd(text.charCodeAt(i)) && text[i] !== '\\')
        i++;
    return text.slice(i);
}
function scanText(text, ctx, sink, depth = 0) {
    scanUrls(text, sink);
    const trimmed = text.trim();
    // Rule 2: a value without whitespace (or any value under a destination key) is one destination
    // per comma-separated item.
    const whole = !ctx.key && !ctx.text && (ctx.destination || !/\s/.test(trimmed));
    for (const raw of trimmed.split(TOKEN_SPLIT)) {
        const token = trimToken(raw);
        if (token)
            scanToken(token, ctx, whole, sink);
    }
    // Percent-encoded text (a URL in a query, or a host): read it decoded too.
    if (depth < 2 && /%[0-9a-f]{2}/i.test(text)) {
        scanText(percentDecode(text), context(ctx.destination, ctx.text, true), sink, depth + 1);
    }
}
/**
 * Every host named in one string (normalised, deduplicated). `context` says where the string
 * sits; the default is text under a key that names no destination. Linear in the string.
 */
function hostsInString(text, where = {}) {
    const found = new Set();
    scanText(text, context(!!where.destination, !!where.text, !!where.key), {
        add: (host) => {
            found.add(host);
        },
    });
    return [...found];
}
/** The words of a key: `webhookURL`, `webhook_url`, `webhook-urls` -> webhook, url. */
function keyWords(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}
const destinationKeys = new Map();
/** Does this key name a destination (rule 3)? */
function isDestinationKey(key) {
    let known = destinationKeys.get(key);
    if (known === undefined) {
        known = keyWords(key).some((w) => DESTINATION_WORDS.has(w));
        if (destinationKeys.size > 4096)
            destinationKeys.clear();
        destinationKeys.set(key, known);
    }
    return known;
}
/** A `text_params` entry as key segments: `release.notes` or `params.release.notes`. */
function textParamSegments(entry) {
    const segments = entry.split('.');
    return segments[0] === 'params' ? segments.slice(1) : segments;
}
/** Why a `text_params` entry is not usable, or undefined. */
function textParamProblem(entry) {
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(entry)) {
        return 'name a param by its keys joined with ".", e.g. "ticket" or "release.notes" (lists need no index)';
    }
    if (entry === 'params')
        return 'naming all params would switch allowed_hosts off; list the params that hold text';
    return undefined;
}
/**
 * Hosts named anywhere in params: string values, object keys, and numbers under keys that name
 * a destination, recursively, each with its path and how it was read. Params are bounded by
 * paramsProblems() before this runs; deeper nesting than that yields an `unscanned` mention,
 * which matches no glob, so the request is denied rather than half-checked.
 */
function hostsInParams(params, options = {}) {
    const scan = new ParamsScan((options.textParams ?? []).map(textParamSegments));
    scan.visit(params, 'params', [], false, 0);
    return scan.out;
}
/** One hostsInParams call: the mentions found, and the path being scanned. */
class ParamsScan {
    textParams;
    out = [];
    path = 'params';
    constructor(textParams) {
        this.textParams = textParams;
    }
    add(host, form, token, textSensitive, ipv4) {
        const m = { host, path: this.path, token: shown(token), form, textSensitive };
        if (ipv4)
            m.ipv4 = ipv4;
        this.out.push(m);
    }
    isText(keys) {
        return this.textParams.some((t) => t.length <= keys.length && t.every((s, i) => s === keys[i]));
    }
    visit(v, path, keys, destination, depth) {
        if (depth > MAX_DEPTH) {
            this.out.push({ host: '(not scanned)', path, token: '', form: 'unscanned', textSensitive: false });
            return;
        }
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') {
            const text = keys.length > 0 && this.isText(keys);
            if (typeof v !== 'string' && (!destination || text))
                return; // rule 3
            this.path = path;
            scanText(String(v), context(destination, text, false), this);
        }
        else if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++)
                this.visit(v[i], `${path}[${i}]`, keys, destination, depth + 1);
        }
        else if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v)) {
                const p = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
                // Keys are agent-controlled text too: host-shaped keys count.
                this.path = p;
                scanText(k, context(false, false, true), this);
                this.visit(x, p, [...keys, k], isDestinationKey(k), depth + 1);
            }
        }
    }
}
/** A glob as hosts are normalised: lowercase, punycode, IPv4 and IPv6 canonical, no trailing dot. */
function normalizeGlob(glob) {
    const g = glob.trim().replace(/\.$/, '');
    if (!g.includes('*'))
        return normalizeHost(g)?.host ?? g.toLowerCase();
    return g
        .split('.')
        .map((label) => label.includes('*') || /^[\x00-\x7f]*$/.test(label)
        ? label.toLowerCase()
        : (0,external_node_url_.domainToASCII)(label) || label.toLowerCase())
        .join('.');
}
/** Why a glob is not usable, or undefined when it is fine. */
function hostGlobProblem(glob) {
    if (/[/?#@\s\\]/.test(glob) || glob.includes('://')) {
        return 'write a host name only, without scheme, user, path or spaces (e.g. "*.acme.internal")';
    }
    if (glob.includes(':')) {
        if (normalizeIpv6(glob) && !glob.includes('*'))
            return undefined; // an IPv6 literal
        return 'ports are not part of a host glob; drop the ":port" (IPv6 globs are literal addresses)';
    }
    const normalized = normalizeGlob(glob);
    const labels = normalized.split('.');
    for (const label of labels) {
        if (label === '')
            return 'empty label (two dots in a row, or a leading or trailing dot)';
        if (label === '**')
            continue;
        if (label.includes('**'))
            return '"**" must be a whole label, as in "**.acme.internal"';
        if (!/^[a-z0-9*-]+$/.test(label))
            return `label "${label}" may hold only letters, digits, "-" and "*"`;
    }
    if (labels.every((l) => l === '*' || l === '**'))
        return 'a glob of wildcards only would allow every host';
    return undefined;
}
function labelMatches(label, pattern) {
    if (pattern === '*')
        return true;
    if (!pattern.includes('*'))
        return label === pattern;
    const parts = pattern.split('*');
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (i === 0) {
            if (!label.startsWith(part))
                return false;
            at = part.length;
        }
        else if (i === parts.length - 1) {
            return label.length - part.length >= at && label.endsWith(part);
        }
        else {
            const idx = label.indexOf(part, at);
            if (idx < 0)
                return false;
            at = idx + part.length;
        }
    }
    return at === label.length;
}
function labelsMatch(host, hi, glob, gi) {
    if (gi === glob.length)
        return hi === host.length;
    if (hi === host.length)
        return false;
    const g = glob[gi];
    if (g === '**') {
        for (let take = 1; hi + take <= host.length; take++) {
            if (labelsMatch(host, hi + take, glob, gi + 1))
                return true;
        }
        return false;
    }
    return labelMatches(host[hi], g) && labelsMatch(host, hi + 1, glob, gi + 1);
}
/**
 * Does `host` match `glob`? Both are normalised first (so `127.1` is `127.0.0.1`). An IPv6 host
 * matches a literal IPv6 glob, or through the IPv4 address it embeds.
 */
function hostMatches(host, glob) {
    const h = normalizeHost(host)?.host ?? host.toLowerCase().replace(/^\[|\]$/g, '');
    return matchNormalized(h, normalizeGlob(glob.replace(/^\[|\]$/g, '')));
}
/** hostMatches for a host from hostsInParams and a glob from normalizeGlob (no re-normalising). */
function matchNormalized(h, g) {
    if (h.includes(':')) {
        if (g.includes(':'))
            return h === g;
        const v4 = embeddedIpv4(h);
        return v4 !== undefined && labelsMatch(v4.split('.'), 0, g.split('.'), 0);
    }
    if (g.includes(':'))
        return false;
    return labelsMatch(h.split('.'), 0, g.split('.'), 0);
}

;// CONCATENATED MODULE: ./packages/gate/params.ts
const PARAMS_BOUNDS = {
    /** Nesting of maps and lists. */
    maxDepth: 32,
    /** Values (maps, lists, scalars) counted with aliases expanded. */
    maxValues: 10_000,
    /** Characters of all strings and keys together, aliases expanded. */
    maxStringChars: 1024 * 1024,
};
/** At most this many INPUT_INVALID reasons for params, so a huge params cannot flood a record. */
const MAX_REASONS = 20;
function keyPath(path, key) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
function describeNumber(n) {
    return Number.isNaN(n) ? 'NaN (YAML .nan)' : n > 0 ? 'Infinity (YAML .inf)' : '-Infinity (YAML -.inf)';
}
function isPlainObject(v) {
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}
/**
 * Every reason the request's params cannot be judged, as INPUT_INVALID reasons whose `rule` is
 * the param's path (`params.amount`). Empty when the params are fine. Linear in their size, and
 * stops at the bounds.
 */
function paramsProblems(params) {
    const reasons = [];
    const add = (rule, message) => {
        if (reasons.length < MAX_REASONS)
            reasons.push({ code: 'INPUT_INVALID', rule, message });
    };
    if (!params || typeof params !== 'object' || Array.isArray(params) || !isPlainObject(params)) {
        add('params', 'params must be a mapping (key: value pairs)');
        return reasons;
    }
    let values = 0;
    let chars = 0;
    let stopped = false;
    const visit = (v, path, depth) => {
        if (stopped)
            return;
        if (++values > PARAMS_BOUNDS.maxValues) {
            add('params', `params hold more than ${PARAMS_BOUNDS.maxValues} values (YAML aliases count once per use); pass only what the policy looks at`);
            stopped = true;
            return;
        }
        if (depth > PARAMS_BOUNDS.maxDepth) {
            add(path, `${path} is nested deeper than ${PARAMS_BOUNDS.maxDepth} levels; flatten the params`);
            stopped = true;
            return;
        }
        switch (typeof v) {
            case 'string':
                chars += v.length;
                break;
            case 'number':
                if (!Number.isFinite(v)) {
                    add(path, `${path} is ${describeNumber(v)}; numbers in params must be finite, because no rule can compare NaN or Infinity (every comparison with NaN is false). Pass a finite number`);
                }
                return;
            case 'boolean':
                return;
            case 'object':
                if (v === null)
                    return;
                if (Array.isArray(v)) {
                    v.forEach((x, i) => {
                        visit(x, `${path}[${i}]`, depth + 1);
                    });
                    break;
                }
                if (!isPlainObject(v)) {
                    add(path, `${path} is not a plain value (string, number, boolean, null, list or mapping)`);
                    return;
                }
                for (const [k, x] of Object.entries(v)) {
                    chars += k.length;
                    visit(x, keyPath(path, k), depth + 1);
                }
                break;
            default:
                add(path, `${path} is a ${typeof v}, not a string, number, boolean, null, list or mapping`);
                return;
        }
        if (chars > PARAMS_BOUNDS.maxStringChars) {
            add('params', `params hold more than ${PARAMS_BOUNDS.maxStringChars / 1024 / 1024} Mi characters of text (YAML aliases count once per use); pass only what the policy looks at`);
            stopped = true;
        }
    };
    for (const [k, x] of Object.entries(params)) {
        chars += k.length;
        visit(x, keyPath('params', k), 1);
    }
    return reasons;
}
/** Why `replicas` cannot be judged, or undefined when it is a whole number ≥ 0. */
function replicasProblem(replicas) {
    if (replicas === undefined)
        return undefined;
    if (typeof replicas === 'number' && Number.isSafeInteger(replicas) && replicas >= 0)
        return undefined;
    const what = typeof replicas === 'number' && !Number.isFinite(replicas) ? describeNumber(replicas) : String(replicas);
    return {
        code: 'INPUT_INVALID',
        rule: 'replicas',
        message: `replicas is ${what}, not a whole number ≥ 0; max_replicas and expressions cannot judge it. Pass a count, e.g. 3`,
    };
}

;// CONCATENATED MODULE: ./packages/gate/decide.ts
/**
 * The decision: a pure, synchronous function of the request, the loaded policies and what the
 * caller already learned from the network (approvals, deploy count). No I/O, so it is fast
 * (well under a millisecond) and every rule can be unit-tested on its own.
 *
 * Fail closed: no matching policy is a deny; every rule of every matching policy applies (the
 * agent's own and `agent: "*"`), any deny wins; precedence is deny > approval_needed > allow.
 */




/** At most this many HOST_NOT_ALLOWED reasons per rule, so a huge params cannot flood a record. */
const MAX_HOST_REASONS = 20;
/** The rules (policy action entries) that apply to this agent and action. */
function matchingRules(request, policies) {
    const out = [];
    for (const p of policies.deploy) {
        if (p.agent !== '*' && p.agent !== request.agent)
            continue;
        for (const a of p.actions)
            if (a.name === request.action)
                out.push(a);
    }
    return out;
}
/** The tightest `max_per_day` of the matching rules, or undefined when none sets a budget. */
function budgetLimit(request, policies) {
    let limit;
    for (const r of matchingRules(request, policies)) {
        if (r.maxPerDay !== undefined)
            limit = limit === undefined ? r.maxPerDay : Math.min(limit, r.maxPerDay);
    }
    return limit;
}
/** The CLI's exit code for a decision (DESIGN.md): 0 allow, 1 deny, 2 approval_needed. */
function exitCodeFor(decision) {
    return decision === 'allow' ? 0 : decision === 'approval_needed' ? 2 : 1;
}
function expressionVars(request) {
    return {
        agent: request.agent,
        action: request.action,
        env: request.environment,
        images: request.images.map((i) => ({
            input: i.input,
            repository: i.repository ?? null,
            digest: i.digest ?? null,
            pinned: i.pinned ?? null,
        })),
        replicas: request.replicas === undefined || !Number.isFinite(request.replicas)
            ? null
            : BigInt(Math.trunc(request.replicas)),
        params: request.params,
    };
}
/**
 * How to fix a failed approval or budget check, in the terms of the platform the gate runs on
 * (DecideContext.platform): GitHub token permissions and environments, or GitLab tokens and
 * protected environments with deployment approvals.
 */
const PLATFORM_FIX = {
    github: {
        budget: "Give the job's token `deployments: read` and `deployments: write` (permissions: deployments: write)",
        approvalCheck: "Give the job's token `actions: read` (permissions: actions: read)",
        approvalRequired: (env) => `run the job in a GitHub environment named '${env}' with required reviewers (Settings > Environments > Deployment protection rules), and have a reviewer approve the run`,
    },
    gitlab: {
        budget: 'On GitLab the gate counts and records its allowed deploys as deployments of the environment astl-gate/<agent>: the token (agent-gate input token_variable, default CI_JOB_TOKEN; --gitlab-token-env on the CLI) must read and create deployments (CI_JOB_TOKEN of a Developer on GitLab 16.2+, or a project access token with the api scope)',
        approvalCheck: 'On GitLab the token (agent-gate input token_variable, default CI_JOB_TOKEN) must read deployments (a Reporter, or an access token with read_api)',
        approvalRequired: (env) => `on GitLab, protect the environment '${env}' with required deployment approvals (Settings > CI/CD > Protected environments), run the gate in the job that deploys to it (environment: ${env}; see the agent-gate component's approvals section), and have someone other than the agent and the pipeline's user approve the deployment`,
    },
    none: {
        budget: 'max_per_day needs the GitHub Deployments API (a github-token) or, in a GitLab job, the GitLab Deployments API; elsewhere budgets cannot be counted',
        approvalCheck: 'approvals need the GitHub API (a github-token) or, in a GitLab job, the GitLab Deployments API',
        approvalRequired: (env) => `have a human approve the deploy to '${env}': on GitHub through an environment with required reviewers, on GitLab through a protected environment with deployment approvals`,
    },
};
function ruleName(rule, key) {
    return `${rule.keyAt[key] ?? rule.at} ${key}`;
}
/**
 * Evaluates a CEL rule; an evaluation error is a deny reason (EXPRESSION_ERROR), and so is a
 * spent cost budget (EXPRESSION_COST).
 */
function evaluate(expr, vars, reasons, budget) {
    const result = expr.evaluate(vars, budget);
    if (typeof result === 'boolean')
        return result;
    if (result.code === 'EXPRESSION_COST') {
        reasons.push({
            code: 'EXPRESSION_COST',
            rule: expr.rule,
            message: `the expression \`${truncate(expr.source, 200)}\` was stopped: ${result.error}; an expression that cannot finish denies`,
        });
        return undefined;
    }
    reasons.push({
        code: 'EXPRESSION_ERROR',
        rule: expr.rule,
        message: `the expression \`${truncate(expr.source, 200)}\` failed: ${result.error}; an expression that cannot be evaluated denies. Guard optional params with has(), e.g. has(params.amount) && params.amount > 1000`,
    });
    return undefined;
}
function truncate(s, n) {
    return s.length > n ? `${s.slice(0, n)}…` : s;
}
function imageReasons(request, reasons) {
    request.images.forEach((image, i) => {
        const rule = `images[${i}]`;
        if (image.error) {
            reasons.push({ code: image.error.code, rule, message: `${image.input}: ${image.error.message}` });
        }
        else if (!image.digest) {
            reasons.push({
                code: 'IMAGE_UNRESOLVED',
                rule,
                message: `${image.input} could not be resolved to a digest; the gate never trusts a tag. Check the reference, or pin it as <repository>@sha256:<digest>`,
            });
        }
    });
}
function checkRule(rule, request, vars, context, reasons, hosts, cost) {
    let approvalRequired = false;
    if (rule.allowedEnvironments && !rule.allowedEnvironments.includes(request.environment)) {
        reasons.push({
            code: 'ENVIRONMENT_NOT_ALLOWED',
            rule: ruleName(rule, 'allowed_environments'),
            message: `environment '${request.environment}' is not in allowed_environments [${rule.allowedEnvironments.join(', ')}]; deploy to one of those, or add '${request.environment}' to the policy`,
        });
    }
    if (rule.denyWhen && evaluate(rule.denyWhen, vars, reasons, cost) === true) {
        reasons.push({
            code: 'DENY_WHEN',
            rule: rule.denyWhen.rule,
            message: `deny_when \`${truncate(rule.denyWhen.source, 200)}\` is true for this request; change the request so that it is false`,
        });
    }
    if (rule.allowedImages) {
        const allowed = rule.allowedImages;
        request.images.forEach((image, i) => {
            if (!image.digest)
                return; // already a deny reason of its own
            const ok = allowed.some((a) => 'digest' in a
                ? a.digest === image.digest
                : image.repository !== undefined && a.repository === image.repository);
            if (ok)
                return;
            const pinned = image.pinned ?? `${image.repository}@${image.digest}`;
            reasons.push({
                code: 'IMAGE_NOT_ALLOWED',
                rule: ruleName(rule, 'allowed_images'),
                message: `images[${i}] ${image.input} resolves to ${pinned}, which allowed_images does not list; deploy an allowed digest, or add \`- digest: ${image.digest}\`${image.repository ? ` (or \`- repository: ${image.repository}\`)` : ''} to the policy`,
            });
        });
    }
    if (rule.maxReplicas !== undefined &&
        request.replicas !== undefined &&
        request.replicas > rule.maxReplicas) {
        reasons.push({
            code: 'REPLICAS_OVER_LIMIT',
            rule: ruleName(rule, 'max_replicas'),
            message: `${request.replicas} replicas asked for; max_replicas is ${rule.maxReplicas}. Ask for at most ${rule.maxReplicas}, or raise the limit`,
        });
    }
    if (rule.maxPerDay !== undefined) {
        const budget = context.budget;
        if (!budget || budget.error !== undefined || budget.used === undefined) {
            reasons.push({
                code: 'BUDGET_CHECK_FAILED',
                rule: ruleName(rule, 'max_per_day'),
                message: `could not count this agent's deploys of the last 24 h${budget?.error ? `: ${budget.error}` : ''}; the gate fails closed. ${PLATFORM_FIX[context.platform ?? 'github'].budget}`,
            });
        }
        else if (budget.used >= rule.maxPerDay) {
            reasons.push({
                code: 'BUDGET_EXHAUSTED',
                rule: ruleName(rule, 'max_per_day'),
                message: `agent '${request.agent}' already has ${budget.used} allowed deploys in the last 24 h; max_per_day is ${rule.maxPerDay}. Wait until the oldest is 24 h old, or raise the budget`,
            });
        }
    }
    if (rule.allowedHosts)
        hostReasons(rule, hosts(rule.textParams), reasons);
    if (rule.approvalNeeded !== undefined) {
        if (typeof rule.approvalNeeded === 'boolean')
            approvalRequired = rule.approvalNeeded;
        else
            approvalRequired = evaluate(rule.approvalNeeded, vars, reasons, cost) === true;
    }
    return approvalRequired;
}
const FORM_WORDS = {
    url: 'the host of a URL',
    'user@host': 'the host of user@host',
    'host:port': 'the host of host:port',
    'host/path': 'the host of host/path or host:path (as curl, scp and git read them)',
    ipv4: 'an IPv4 address (inet_aton reads 1 to 4 decimal, octal or hex parts)',
    ipv6: 'an IPv6 address',
    'dotted name': 'a dotted name (any last label may be a TLD: .sh, .pl, .md and .zip are)',
    'single label': 'a single-label name given as a whole value (hosts files and DNS search domains resolve those)',
    'local name': 'a name of the machine itself or of its cloud metadata service',
    number: 'a number under a key that names a destination (an IPv4 address as one integer)',
    unscanned: 'params nested too deep to scan',
};
/** The param a mention sits in, as text_params names it (`release.notes`, no list indices). */
function paramName(path) {
    return path
        .replace(/^params\.?/, '')
        .replace(/\[\d+\]/g, '')
        .replace(/\["((?:[^"\\]|\\.)*)"\]/g, (_, k) => `.${k}`)
        .replace(/^\./, '');
}
function hostReasons(rule, mentions, reasons) {
    const globs = rule.allowedHosts ?? [];
    let reported = 0;
    const seen = new Set();
    for (const m of mentions) {
        if (seen.has(m.host) || globs.some((g) => matchNormalized(m.host, g)))
            continue;
        seen.add(m.host);
        if (reported++ >= MAX_HOST_REASONS)
            break;
        const ipv4 = m.ipv4 ? ` (it embeds the IPv4 address ${m.ipv4})` : '';
        const param = paramName(m.path);
        const asText = m.textSensitive && param
            ? `. If ${m.path} holds text or an identifier rather than a host, list "${param}" under text_params`
            : '';
        reasons.push({
            code: 'HOST_NOT_ALLOWED',
            rule: ruleName(rule, 'allowed_hosts'),
            message: `${m.path} names host '${m.host}'${ipv4} in ${JSON.stringify(m.token)}, read as ${FORM_WORDS[m.form]}; it matches none of allowed_hosts [${globs.join(', ')}]. Remove it from the request, or add "${m.host}" to allowed_hosts ("*" is one DNS label, "**" one or more)${asText}`,
        });
    }
}
function agentPolicyReasons(request, policies, context, reasons) {
    const isProduction = context.isProduction ?? check/* isProductionEnvironment */.Fj;
    if (!isProduction(request.environment))
        return;
    for (const p of policies.agent) {
        const index = p.restrictions.indexOf('production-access');
        if (index < 0)
            continue;
        const rule = `${p.restrictionAt[index] ?? p.at} ${p.name} restrictions`;
        const appliesToAll = p.agentTypes.includes('*');
        if (request.agentType === undefined && !appliesToAll) {
            reasons.push({
                code: 'AGENT_TYPE_UNKNOWN',
                rule,
                message: `AgentPolicy '${p.name}' denies production-access to agent types [${p.agentTypes.join(', ')}], and the type of agent '${request.agent}' is unknown (no agent registry entry); the gate fails closed. Register the agent in agent-config.yaml with its type`,
            });
        }
        else if (appliesToAll ||
            (request.agentType !== undefined && p.agentTypes.includes(request.agentType))) {
            reasons.push({
                code: 'PRODUCTION_ACCESS_DENIED',
                rule,
                message: `AgentPolicy '${p.name}' denies production-access to ${appliesToAll ? 'every agent' : `agents of type '${request.agentType}'`}, and '${request.environment}' is a production-tier environment; deploy to a non-production environment, or have a human deploy`,
            });
        }
    }
}
/**
 * What a request that no rule denied has passed, rule by rule (called only when there is no
 * reason): the summary of an allow lists them, as conftest lists the rules a document passed.
 */
function passedChecks(request, rules, context, approvalRequired) {
    const passed = [];
    const images = request.images.filter((i) => i.digest);
    if (images.length > 0) {
        passed.push({ rule: 'images', check: `${images.length} image(s) resolved to a digest` });
    }
    for (const rule of rules) {
        const add = (key, check) => passed.push({ rule: ruleName(rule, key), check });
        if (rule.allowedEnvironments)
            add('allowed_environments', `environment '${request.environment}' is allowed`);
        if (rule.denyWhen)
            add('deny_when', `\`${truncate(rule.denyWhen.source, 120)}\` is false`);
        if (rule.allowedImages && images.length > 0)
            add('allowed_images', 'every image digest is allowed');
        if (rule.maxReplicas !== undefined && request.replicas !== undefined) {
            add('max_replicas', `${request.replicas} replicas, at most ${rule.maxReplicas}`);
        }
        if (rule.maxPerDay !== undefined) {
            add('max_per_day', `${context.budget?.used ?? 0} of ${rule.maxPerDay} deploys used in the last 24 h`);
        }
        if (rule.allowedHosts)
            add('allowed_hosts', 'every host named in params is allowed');
        if (rule.approvalNeeded !== undefined && !approvalRequired) {
            const expr = typeof rule.approvalNeeded === 'boolean' ? String(rule.approvalNeeded) : rule.approvalNeeded.source;
            add('approval_needed', `\`${truncate(expr, 120)}\` does not ask for approval here`);
        }
    }
    return passed;
}
function decide(request, policies, context = {}) {
    const reasons = [];
    const rules = matchingRules(request, policies);
    const limit = budgetLimit(request, policies);
    const decision = {
        decision: 'deny',
        reasons,
        matched: rules.map((r) => `${r.at} ${r.name}`),
        passed: [],
        approval: { required: false },
        needsBudget: limit !== undefined,
    };
    if (limit !== undefined)
        decision.budget = { limit, used: context.budget?.used };
    // Untrusted numbers and params first: a value no rule can judge (NaN, oversized) is a deny,
    // and the rules below never see it.
    const inputProblems = paramsProblems(request.params);
    const replicas = replicasProblem(request.replicas);
    if (replicas)
        inputProblems.push(replicas);
    reasons.push(...inputProblems);
    imageReasons(request, reasons);
    agentPolicyReasons(request, policies, context, reasons);
    if (rules.length === 0) {
        const forAgent = policies.deploy.filter((p) => p.agent === request.agent || p.agent === '*');
        const known = [...new Set(forAgent.flatMap((p) => p.actions.map((a) => a.name)))];
        reasons.push({
            code: 'NO_POLICY',
            rule: policies.path,
            message: known.length > 0
                ? `no deploy policy lets agent '${request.agent}' do '${request.action}' (its policies cover: ${known.join(', ')}); the gate denies what no policy allows. Add an action '${request.action}' to a policy for this agent`
                : `no deploy policy names agent '${request.agent}' (or "*"); the gate denies what no policy allows. Add a policy with \`agent: ${request.agent}\` and an action '${request.action}'`,
        });
        return decision;
    }
    if (inputProblems.length > 0)
        return decision;
    const vars = expressionVars(request);
    const cost = new CostBudget();
    const hostCache = new Map();
    const hosts = (textParams) => {
        const key = JSON.stringify(textParams ?? []);
        let found = hostCache.get(key);
        if (!found) {
            found = hostsInParams(request.params, { textParams });
            hostCache.set(key, found);
        }
        return found;
    };
    let approvalRequired = false;
    for (const rule of rules) {
        if (checkRule(rule, request, vars, context, reasons, hosts, cost))
            approvalRequired = true;
    }
    decision.approval.required = approvalRequired;
    if (reasons.length > 0)
        return decision;
    decision.passed = passedChecks(request, rules, context, approvalRequired);
    if (!approvalRequired) {
        decision.decision = 'allow';
        return decision;
    }
    const approvalRule = rules.find((r) => r.approvalNeeded !== undefined);
    const rule = approvalRule ? ruleName(approvalRule, 'approval_needed') : policies.path;
    const approval = context.approval;
    if (approval?.approvedBy) {
        decision.approval.approvedBy = approval.approvedBy;
        decision.passed.push({ rule, check: `approval_needed: approved by ${approval.approvedBy}` });
        decision.decision = 'allow';
        return decision;
    }
    if (approval?.error) {
        reasons.push({
            code: 'APPROVAL_CHECK_FAILED',
            rule,
            message: `this request needs approval, and the run's approvals could not be read: ${approval.error}; the gate fails closed. ${PLATFORM_FIX[context.platform ?? 'github'].approvalCheck}`,
        });
        return decision;
    }
    decision.decision = 'approval_needed';
    reasons.push({
        code: 'APPROVAL_REQUIRED',
        rule,
        message: `this request needs approval by someone other than the agent: ${PLATFORM_FIX[context.platform ?? 'github'].approvalRequired(request.environment)}${approval?.note ? ` (${approval.note})` : ''}`,
    });
    return decision;
}

// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(7337);
// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
;// CONCATENATED MODULE: ./packages/gate/expressions.ts
/**
 * CEL expressions for `approval_needed` and `deny_when`, through @marcbachmann/cel-js (a
 * sandboxed, non-Turing-complete evaluator). Expressions are parsed and type-checked once at
 * policy load; evaluation is a call on the compiled function.
 *
 * Guards against hostile policies and params:
 * - length, AST-size and nesting caps at parse time, and at most two nested comprehensions
 *   (map/filter/all/exists);
 * - a cost limit at run time (./cost.ts), in the spirit of cel-go's runtime cost tracking: every
 *   evaluation step is metered, and a breach stops evaluation and denies (EXPRESSION_COST);
 * - `matches()` runs on RE2 (re2js, linear time), never on JavaScript's backtracking RegExp. The
 *   library will not let its built-in `string.matches` be overridden, so the receiver form
 *   `x.matches(p)` is rewritten to the global form `matches(x, p)`, which we register on RE2.
 */





const EXPRESSION_LIMITS = {
    maxLength: 4096,
    maxDepth: 32,
    maxAstNodes: 2000,
    maxComprehensionNesting: 2,
    maxPatternLength: 1000,
};
const VARIABLES = ['agent', 'action', 'env', 'images', 'replicas', 'params'];
const COMPREHENSIONS = new Set(['map', 'filter', 'all', 'exists', 'exists_one']);
let sharedEnv;
const patternCache = new Map();
function re2(pattern) {
    let compiled = patternCache.get(pattern);
    if (!compiled) {
        if (pattern.length > EXPRESSION_LIMITS.maxPatternLength) {
            throw new Error(`regular expression longer than ${EXPRESSION_LIMITS.maxPatternLength} characters`);
        }
        try {
            compiled = build/* RE2JS */.L3.compile(pattern);
        }
        catch (err) {
            throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: ${err.message}`);
        }
        if (patternCache.size > 256)
            patternCache.clear();
        patternCache.set(pattern, compiled);
    }
    return compiled;
}
/** One environment for every policy: creating one is the expensive part. */
function expressionEnvironment() {
    if (sharedEnv)
        return sharedEnv;
    const env = new lib/* Environment */.OH({
        unlistedVariablesAreDyn: false,
        limits: {
            maxAstNodes: EXPRESSION_LIMITS.maxAstNodes,
            maxDepth: EXPRESSION_LIMITS.maxDepth,
            maxListElements: 1000,
            maxMapEntries: 1000,
            maxCallArguments: 16,
        },
    })
        .registerVariable('agent', 'string', { description: 'the agent asking' })
        .registerVariable('action', 'string', { description: 'the action asked for, e.g. deploy' })
        .registerVariable('env', 'string', { description: 'the target environment' })
        .registerVariable('images', 'list', {
        description: 'resolved images: {input, repository, digest, pinned}',
    })
        .registerVariable('replicas', 'dyn', { description: 'requested replicas (int) or null' })
        .registerVariable('params', 'map', { description: "the request's parameters" })
        .registerFunction('matches(string, string): bool', (text, pattern) => {
        // RE2 is linear in the text, with a factor that grows with the pattern (its automaton).
        chargeActive(((pattern.length + 1) * text.length) / 10);
        return re2(pattern).matcher(text).find();
    });
    // Throws when the library's evaluator cannot be metered: then no expression compiles, and every
    // policy with one denies (POLICY_INVALID) rather than running unbounded.
    meterEvaluator(env);
    sharedEnv = env;
    return env;
}
function expressions_isNode(v) {
    return typeof v === 'object' && v !== null && typeof v.op === 'string';
}
function children(node) {
    const out = [];
    const visit = (v) => {
        if (expressions_isNode(v))
            out.push(v);
        else if (Array.isArray(v))
            for (const x of v)
                visit(x);
    };
    visit(node.args);
    return out;
}
/** The outermost `x.matches(p)` call, if any. */
function findReceiverMatches(node) {
    if (node.op === 'rcall' && Array.isArray(node.args) && node.args[0] === 'matches')
        return node;
    for (const c of children(node)) {
        const found = findReceiverMatches(c);
        if (found)
            return found;
    }
    return undefined;
}
function comprehensionNesting(node) {
    const here = node.op === 'rcall' && Array.isArray(node.args) && COMPREHENSIONS.has(String(node.args[0])) ? 1 : 0;
    let deepest = 0;
    for (const c of children(node))
        deepest = Math.max(deepest, comprehensionNesting(c));
    return here + deepest;
}
/** Rewrites every receiver-form `x.matches(p)` into `matches(x, p)` so that RE2 runs it. */
function rewriteMatches(source, env) {
    let text = source;
    for (let i = 0; i < 64; i++) {
        const ast = env.parse(text).ast;
        const call = findReceiverMatches(ast);
        if (!call)
            return text;
        const [, receiver, args] = call.args;
        const span = (n) => text.slice(n.start, n.end);
        const rewritten = `matches(${[receiver, ...args].map(span).join(', ')})`;
        text = text.slice(0, call.start) + rewritten + text.slice(call.end);
        if (text.length > EXPRESSION_LIMITS.maxLength * 2)
            break;
    }
    throw new Error('too many matches() calls');
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}
/**
 * Parses and type-checks an expression; a problem is an AstlError (POLICY_INVALID) at the
 * expression's file:line. `key` is the policy key (approval_needed, deny_when).
 */
function compileExpression(source, key, location) {
    const rule = `${(0,core/* formatLocation */.j$)({ file: location.file, line: location.line })} ${key}`;
    const fail = (why, hint) => new core/* AstlError */.Ht(`${key}: ${why}`, {
        code: 'POLICY_INVALID',
        location,
        hint: hint ??
            'write a CEL expression over agent, action, env, images, replicas and params that yields true or false, e.g. env == "production"',
    });
    if (source.length > EXPRESSION_LIMITS.maxLength) {
        throw fail(`the expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxLength}`);
    }
    if (source.trim() === '')
        throw fail('the expression is empty');
    const env = expressionEnvironment();
    let evaluate;
    let text = source;
    try {
        text = rewriteMatches(source, env);
        const parsed = env.parse(text);
        const nesting = comprehensionNesting(parsed.ast);
        if (nesting > EXPRESSION_LIMITS.maxComprehensionNesting) {
            throw fail(`${nesting} nested comprehensions (map/filter/all/exists); at most ${EXPRESSION_LIMITS.maxComprehensionNesting} are allowed`, 'flatten the expression; deeply nested comprehensions can take very long to evaluate');
        }
        const checked = parsed.check();
        if (!checked.valid) {
            const message = firstLine(checked.error?.message ?? 'type error');
            const unknown = /Unknown variable: (\w+)/.exec(message)?.[1];
            const guess = unknown
                ? ((0,core/* closest */.kp)(unknown, VARIABLES) ??
                    VARIABLES.find((v) => unknown.startsWith(v) || v.startsWith(unknown)))
                : undefined;
            throw fail(message, unknown
                ? `expressions see ${VARIABLES.join(', ')}${guess ? `; did you mean '${guess}'?` : ''}`
                : undefined);
        }
        if (checked.type !== 'bool' && checked.type !== 'dyn') {
            throw fail(`the expression yields ${checked.type}, not a boolean`, 'compare the value, e.g. params.amount > 1000');
        }
        for (const pattern of literalPatterns(parsed.ast))
            re2(pattern);
        markFreeOperands(parsed.ast);
        evaluate = parsed;
    }
    catch (err) {
        if (err instanceof core/* AstlError */.Ht)
            throw err;
        throw fail(firstLine(err.message ?? String(err)));
    }
    return {
        source,
        rule,
        evaluate(vars, budget = new CostBudget()) {
            const run = runMetered(budget, () => evaluate(vars));
            if (budget.exceeded)
                return { code: 'EXPRESSION_COST', error: budget.describe() };
            if (!run.ok)
                return { error: firstLine(run.error) };
            const result = run.value;
            if (run.nonFinite) {
                return {
                    error: `\`${truncateSource(text, run.nonFinite)}\` yields ${run.nonFiniteValue}; an expression that computes NaN or Infinity cannot be compared (every comparison with NaN is false). Guard the division, e.g. params.count != 0.0 && params.total / params.count > 10.0`,
                };
            }
            if (typeof result !== 'boolean') {
                return { error: `yielded ${describeValue(result)}, not true or false` };
            }
            return result;
        },
    };
}
function truncateSource(text, span) {
    const piece = text.slice(span.start ?? 0, span.end ?? text.length);
    return piece.length > 120 ? `${piece.slice(0, 120)}…` : piece;
}
/** String literals given to matches(): checked at load so a bad regex is a policy error. */
function literalPatterns(node) {
    const out = [];
    const visit = (n) => {
        if (n.op === 'call' && Array.isArray(n.args) && n.args[0] === 'matches') {
            const pattern = n.args[1]?.[1];
            if (pattern?.op === 'value' && typeof pattern.args === 'string')
                out.push(pattern.args);
        }
        for (const c of children(n))
            visit(c);
    };
    visit(node);
    return out;
}
function describeValue(v) {
    if (v === null || v === undefined)
        return 'null';
    if (typeof v === 'bigint')
        return `the int ${v}`;
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.slice(0, 40))}`;
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a map';
    return `${typeof v} ${String(v)}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/core/http.ts
var http = __webpack_require__(5770);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/oci/docker-config.ts
/**
 * Registry credentials from a docker `config.json`, the file `docker login` and
 * `docker/login-action` write: `auths` entries keyed by host (`ghcr.io`), URL
 * (`https://ghcr.io`, `https://index.docker.io/v1/`), holding `auth` (base64 "user:password"),
 * `username`/`password`, or an `identitytoken` (an OAuth refresh token). Credential helpers
 * (`credsStore`, `credHelpers`) are external programs; we do not run them, and say so.
 *
 * GitLab runners hand the same JSON in the DOCKER_AUTH_CONFIG variable; it is read after the file.
 */



/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function defaultDockerConfigPath(env = process.env) {
    const dir = env['DOCKER_CONFIG'];
    if (dir)
        return (0,external_node_path_.join)(dir, 'config.json');
    return (0,external_node_path_.join)(env['HOME'] || (0,external_node_os_.homedir)(), '.docker', 'config.json');
}
function parseConfigText(text, origin) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { origin, problem: `${origin} is not valid JSON, so its credentials were not used` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { origin, problem: `${origin} is not a JSON object, so its credentials were not used` };
    }
    return { origin, config: value };
}
/** Reads the config file (a missing file is simply no credentials) and DOCKER_AUTH_CONFIG. */
function loadDockerConfig(path = defaultDockerConfigPath(), env = process.env) {
    const sources = [];
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
            sources.push({ origin: path, problem: `could not read ${path} (${code ?? 'error'})` });
        }
        else {
            sources.push({ origin: path });
        }
    }
    if (text !== undefined)
        sources.push(parseConfigText(text, path));
    const fromEnv = env['DOCKER_AUTH_CONFIG'];
    if (fromEnv?.trim())
        sources.push(parseConfigText(fromEnv, 'DOCKER_AUTH_CONFIG'));
    return sources;
}
/** Docker Hub answers to several names; config files use any of them. */
const DOCKER_HUB_HOSTS = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
/** `https://index.docker.io/v1/` -> `index.docker.io`; `GHCR.io` -> `ghcr.io`. */
function normaliseAuthKey(key) {
    let host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const slash = host.indexOf('/');
    if (slash >= 0)
        host = host.slice(0, slash);
    return host.toLowerCase();
}
function hostsFor(registry) {
    const host = registry.toLowerCase();
    return DOCKER_HUB_HOSTS.includes(host) ? DOCKER_HUB_HOSTS : [host];
}
function entryCredentials(entry, where) {
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
        return { identityToken: entry.identitytoken, description: `identity token from ${where}` };
    }
    if (typeof entry.registrytoken === 'string' && entry.registrytoken !== '') {
        return { registryToken: entry.registrytoken, description: `registry token from ${where}` };
    }
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) {
            return {
                username: decoded.slice(0, colon),
                password: decoded.slice(colon + 1),
                description: `"auth" (username:password) from ${where}`,
            };
        }
    }
    if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
        return {
            username: entry.username,
            password: entry.password,
            description: `username/password from ${where}`,
        };
    }
    return undefined;
}
/** Credentials for `registry` (a host[:port] as in an image reference), with notes on what was skipped. */
function findCredentials(sources, registry) {
    const notes = [];
    const hosts = hostsFor(registry);
    for (const source of sources) {
        if (source.problem)
            notes.push(source.problem);
        const config = source.config;
        if (!config)
            continue;
        const auths = config.auths && typeof config.auths === 'object' ? config.auths : {};
        for (const [key, entry] of Object.entries(auths)) {
            if (!hosts.includes(normaliseAuthKey(key)) || !entry || typeof entry !== 'object')
                continue;
            const where = `auths[${JSON.stringify(key)}] in ${source.origin}`;
            const credentials = entryCredentials(entry, where);
            if (credentials)
                return { credentials, notes };
            notes.push(`${where} has no usable auth, username/password or identitytoken`);
        }
        const helper = Object.entries(config.credHelpers ?? {}).find(([k]) => hosts.includes(normaliseAuthKey(k)))?.[1];
        if (typeof helper === 'string') {
            notes.push(`${source.origin} names credential helper "docker-credential-${helper}" for ${registry}; astl does not run credential helpers`);
        }
        else if (typeof config.credsStore === 'string' && config.credsStore !== '') {
            notes.push(`${source.origin} keeps credentials in "docker-credential-${config.credsStore}" (credsStore); astl does not run credential helpers`);
        }
    }
    return { notes };
}

;// CONCATENATED MODULE: ./packages/oci/reference.ts
/**
 * Image references as docker, kubectl and containerd read them: the grammar and normalisation of
 * docker/distribution's `reference` package (`ParseNormalizedNamed`), so `ubuntu`,
 * `docker.io/library/ubuntu:latest` and `index.docker.io/library/ubuntu` all name one image.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] component ("/" component)*
 *   domain    := host [":" port]        (first component, only if it has "." or ":" or is "localhost")
 *   component := [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := "sha256:" 64 lowercase hex   (the only algorithm registries and the gate use)
 */

const DEFAULT_REGISTRY = 'docker.io';
const DEFAULT_TAG = 'latest';
/** docker/distribution's NameTotalLengthMax: the whole name, registry included. */
const NAME_MAX_LENGTH = 255;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
/** docker refuses a bare 64-hex string: it is an image ID, not a name. */
const IMAGE_ID = /^[a-f0-9]{64}$/;
const EXAMPLE = 'ghcr.io/acme/app:1.4.2, nginx:1.27, or registry.example.com:5000/team/app@sha256:<64 hex>';
function invalid(input, why, hint) {
    return new core/* AstlError */.Ht(`invalid image reference ${JSON.stringify(reference_truncate(input))}: ${why}`, {
        code: 'IMAGE_REFERENCE_INVALID',
        hint: hint ?? `Write it as ${EXAMPLE}.`,
    });
}
function reference_truncate(s) {
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
/** True when the text before the first "/" names a registry rather than a Docker Hub namespace. */
function looksLikeDomain(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost';
}
function checkDigest(input, digest) {
    const colon = digest.indexOf(':');
    if (colon <= 0) {
        throw invalid(input, `the digest "${reference_truncate(digest)}" is not of the form sha256:<64 hex>`);
    }
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    if (algorithm !== 'sha256') {
        if (!DIGEST_ALGORITHM.test(algorithm)) {
            throw invalid(input, `the digest "${reference_truncate(digest)}" is not of the form sha256:<64 hex>`);
        }
        throw invalid(input, `unsupported digest algorithm "${reference_truncate(algorithm)}": only sha256 digests are accepted`, 'Pin the image by its sha256 digest, as `docker buildx imagetools inspect <image>` or `crane digest <image>` print it.');
    }
    if (!SHA256_HEX.test(hex)) {
        const why = hex.toLowerCase() !== hex && SHA256_HEX.test(hex.toLowerCase())
            ? 'sha256 digests are lowercase hex'
            : `a sha256 digest has exactly 64 lowercase hex characters, this one has ${hex.length}`;
        throw invalid(input, why, 'Copy the full digest, e.g. from `crane digest <image>`.');
    }
}
function checkDomain(input, domain) {
    let host = domain;
    let port;
    if (domain.startsWith('[')) {
        const close = domain.indexOf(']');
        host = close < 0 ? domain : domain.slice(0, close + 1);
        const rest = close < 0 ? '' : domain.slice(close + 1);
        if (rest !== '') {
            if (!rest.startsWith(':'))
                throw invalid(input, `the registry "${reference_truncate(domain)}" is not a valid host`);
            port = rest.slice(1);
        }
        if (!IPV6_HOST.test(host))
            throw invalid(input, `the registry "${reference_truncate(domain)}" is not a valid host`);
    }
    else {
        const colon = domain.indexOf(':');
        if (colon >= 0) {
            host = domain.slice(0, colon);
            port = domain.slice(colon + 1);
        }
        if (host === '' || !host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) {
            throw invalid(input, `the registry "${reference_truncate(domain)}" is not a valid host name`, 'A registry is a host name with an optional port, like ghcr.io or localhost:5000.');
        }
    }
    if (port !== undefined && !PORT.test(port)) {
        throw invalid(input, `the registry port "${reference_truncate(port)}" is not a number`);
    }
}
/**
 * Parses and normalises an image reference. Throws AstlError IMAGE_REFERENCE_INVALID, with a
 * specific reason, for anything docker would refuse (and for digests other than sha256).
 */
function parseImageReference(text) {
    if (typeof text !== 'string')
        throw invalid(String(text), 'expected a string');
    const input = text.trim();
    if (input === '')
        throw invalid(text, 'it is empty');
    if (/\s/.test(input))
        throw invalid(input, 'it contains whitespace');
    if (IMAGE_ID.test(input)) {
        throw invalid(input, 'a bare 64-character hex string is an image ID, not a repository name', 'Name the repository and pin the digest: <repository>@sha256:<64 hex>.');
    }
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (digest.includes('@'))
            throw invalid(input, 'it has more than one "@"');
        checkDigest(input, digest);
    }
    // The tag follows the last ":" after the last "/"; an earlier ":" belongs to a registry port.
    let tag;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag)) {
            throw invalid(input, tag === ''
                ? 'the tag after ":" is empty'
                : `the tag "${reference_truncate(tag)}" is not valid: tags are 1-128 of letters, digits, "_", "." and "-", not starting with "." or "-"`);
        }
    }
    if (rest === '')
        throw invalid(input, 'the repository name is missing');
    let registry = DEFAULT_REGISTRY;
    let path = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0 && looksLikeDomain(rest.slice(0, slash))) {
        registry = rest.slice(0, slash);
        path = rest.slice(slash + 1);
        checkDomain(input, registry);
    }
    if (registry === 'index.docker.io')
        registry = DEFAULT_REGISTRY;
    if (registry === DEFAULT_REGISTRY && !path.includes('/'))
        path = `library/${path}`;
    if (path.toLowerCase() !== path) {
        throw invalid(input, `repository names must be lowercase ("${reference_truncate(path)}")`, `Use "${reference_truncate(path.toLowerCase())}": registries only accept lowercase repository names.`);
    }
    const components = path.split('/');
    for (const component of components) {
        if (component === '')
            throw invalid(input, 'the repository path has an empty component ("//" or a trailing "/")');
        if (!COMPONENT.test(component)) {
            throw invalid(input, `"${reference_truncate(component)}" is not a valid repository path component: use lowercase letters and digits, separated by ".", "_", "__" or "-"`);
        }
    }
    const name = `${registry}/${path}`;
    if (name.length > NAME_MAX_LENGTH) {
        throw invalid(input, `the repository name is ${name.length} characters long; the limit is ${NAME_MAX_LENGTH} (registry included)`);
    }
    if (tag === undefined && digest === undefined)
        tag = DEFAULT_TAG;
    const suffix = (tag !== undefined ? `:${tag}` : '') + (digest !== undefined ? `@${digest}` : '');
    const ref = {
        registry,
        repository: path,
        name,
        canonical: `${name}${suffix}`,
        familiar: `${familiarName(registry, path)}${suffix}`,
    };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** `ubuntu` for docker.io/library/ubuntu, `acme/app` for docker.io/acme/app, else registry/path. */
function familiarName(registry, repository) {
    if (registry !== DEFAULT_REGISTRY)
        return `${registry}/${repository}`;
    return repository.startsWith('library/') && repository.indexOf('/', 8) < 0
        ? repository.slice(8)
        : repository;
}
/** True for a well-formed `sha256:<64 lowercase hex>`. */
function isSha256Digest(value) {
    return value.startsWith('sha256:') && SHA256_HEX.test(value.slice(7));
}
/**
 * The reference a deploy should use: `registry/repository@sha256:…`, fully qualified
 * (`docker.io/library/nginx@sha256:…` for Docker Hub) so docker, kubectl and containerd all read
 * it the same way. The tag is dropped: with a digest present, runtimes ignore it anyway.
 */
function pinned(ref, digest) {
    if (!isSha256Digest(digest)) {
        throw new core/* AstlError */.Ht(`cannot pin ${ref.registry}/${ref.repository} to "${reference_truncate(digest)}": not a sha256 digest`, {
            code: 'IMAGE_REFERENCE_INVALID',
        });
    }
    return `${ref.registry}/${ref.repository}@${digest}`;
}
/**
 * A repository without tag or digest, as policies name them (`allowed_images: - repository:
 * ghcr.io/acme/app`), normalised like an image reference: `nginx` -> `docker.io/library/nginx`.
 * Compare the result's `name` with a resolved image's `reference.name`.
 */
function parseRepository(text) {
    const input = typeof text === 'string' ? text.trim() : '';
    const ref = parseImageReference(input);
    const hasTag = input.lastIndexOf(':') > input.lastIndexOf('/');
    if (ref.digest !== undefined || hasTag) {
        throw new AstlError(`invalid repository ${JSON.stringify(reference_truncate(input))}: a repository has no tag or digest`, {
            code: 'IMAGE_REFERENCE_INVALID',
            hint: `Write just the repository, e.g. ${ref.name}, or allow one image with "digest: sha256:<64 hex>".`,
        });
    }
    return { registry: ref.registry, repository: ref.repository, name: ref.name };
}

;// CONCATENATED MODULE: ./packages/oci/www-authenticate.ts
/**
 * `WWW-Authenticate` challenges (RFC 7235): `Bearer realm="https://auth.example/token",
 * service="registry.example",scope="repository:a/b:pull,push"`. Quoted values may hold commas
 * and backslash escapes, and one header may carry several challenges (`Basic realm="x", Bearer …`),
 * so this is a small tokenizer rather than a split on ",".
 */
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
function parseWwwAuthenticate(header) {
    if (!header)
        return [];
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && TOKEN_CHAR.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    const readQuoted = () => {
        // header[i] is the opening quote.
        i++;
        let out = '';
        while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n)
                i++;
            out += header[i];
            i++;
        }
        i++; // closing quote (or end of input)
        return out;
    };
    let current;
    while (i < n) {
        skipSpace();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const start = i;
        const word = readToken();
        if (word === '') {
            i = start + 1; // not a token character: skip it rather than loop forever
            continue;
        }
        skipSpace();
        if (header[i] === '=' && current) {
            // auth-param of the current challenge (token68 values of `=` padding are not used by registries).
            i++;
            skipSpace();
            const value = header[i] === '"' ? readQuoted() : readToken();
            current.params[word.toLowerCase()] = value;
        }
        else {
            current = { scheme: word.toLowerCase(), params: {} };
            challenges.push(current);
        }
    }
    return challenges;
}

;// CONCATENATED MODULE: ./packages/oci/client.ts
/**
 * Resolves image references to the digests a registry serves for them, through the OCI
 * Distribution API: `HEAD /v2/<name>/manifests/<tag-or-digest>` with every manifest media type
 * in `Accept`, read `Docker-Content-Digest` (or GET and hash the exact bytes when a registry
 * leaves it out). Bearer-token and basic auth from a docker config file. Every failure is a
 * per-image result with a specific code, never a throw: the gate turns those codes into denials.
 */






const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
/** Sent on every manifest request, so the registry answers with the stored manifest as is. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifestList,
    MEDIA_TYPES.dockerManifest,
].join(', ');
const KNOWN_MEDIA_TYPES = new Set(Object.values(MEDIA_TYPES));
const INDEX_MEDIA_TYPES = new Set([
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerManifestList,
]);
/** The distribution spec's limit for a manifest a registry must accept; anything larger is refused. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A token answer is a small JSON document (a JWT and a lifetime); anything larger is refused. */
const MAX_TOKEN_BODY_BYTES = 1024 * 1024;
/** Loopback registries are plain http, as docker treats them. */
function isLoopbackHost(host) {
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
function hostOf(registry) {
    if (registry.startsWith('['))
        return registry.slice(0, registry.indexOf(']') + 1);
    const colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.slice(0, colon);
}
/** The insecure-registry list from the option and ASTL_INSECURE_REGISTRIES (comma or space separated). */
function insecureRegistryList(option, env) {
    const fromEnv = (env['ASTL_INSECURE_REGISTRIES'] ?? '').split(/[\s,]+/);
    return new Set([...(option ?? []), ...fromEnv]
        .map((s) => s
        .trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .toLowerCase())
        .filter(Boolean));
}
/** `http://…` or `https://…` plus the API host (`registry-1.docker.io` for Docker Hub). */
function registryBaseUrl(registry, insecure) {
    const lower = registry.toLowerCase();
    const host = hostOf(lower);
    const plain = isLoopbackHost(host) || insecure.has(lower) || insecure.has(host);
    const apiHost = lower === 'docker.io' ? 'registry-1.docker.io' : lower;
    return `${plain ? 'http' : 'https'}://${apiHost}`;
}
/** A status worth retrying (5xx, 429, 408), with the server's requested wait. */
class RetryableStatus extends Error {
    status;
    url;
    retryAfterMs;
    constructor(status, url, retryAfterMs) {
        super(`HTTP ${status} from ${url}`);
        this.status = status;
        this.url = url;
        this.retryAfterMs = retryAfterMs;
    }
}
/** The registry or its token service refused the credentials (or their absence). */
class AuthRefused extends Error {
}
/** A registry answer that is not usable (bad digest header on a digest request, oversized manifest, …). */
class RegistryProtocolError extends Error {
}
/** Transport faults described by their Node error code: "connection refused (ECONNREFUSED)". */
function describeTransportFault(err) {
    const names = {
        ECONNREFUSED: 'connection refused',
        ECONNRESET: 'connection reset',
        ENOTFOUND: 'host name not found (DNS)',
        EAI_AGAIN: 'DNS lookup failed',
        ETIMEDOUT: 'connection timed out',
        EHOSTUNREACH: 'host unreachable',
        ENETUNREACH: 'network unreachable',
        UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
        UND_ERR_SOCKET: 'connection closed',
        CERT_HAS_EXPIRED: 'TLS certificate expired',
        DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
        UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
        ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
    };
    const messages = [];
    for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
        if (!(e instanceof Error))
            break;
        if (e instanceof RetryableStatus)
            return e.message;
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            return 'request timed out';
        const code = e.code;
        if (typeof code === 'string')
            return names[code] ? `${names[code]} (${code})` : `${e.message} (${code})`;
        messages.push(e.message);
    }
    // No error code anywhere (undici's "fetch failed" wraps the reason): show the whole chain.
    return messages.length ? messages.join(': ') : String(err);
}
function mediaTypeOf(contentType) {
    const value = contentType?.split(';')[0]?.trim().toLowerCase();
    return value ? value : undefined;
}
/**
 * One resolution session: token cache and in-flight sharing per registry and scope, one deadline.
 * `resolveImages` creates one per call; keep one to resolve several batches with shared tokens.
 */
class RegistryClient {
    fetchImpl;
    deadline;
    attemptTimeoutMs;
    attempts;
    retryBaseDelayMs;
    insecure;
    configPath;
    env;
    log;
    sleep;
    userAgent;
    registries = new Map();
    configSources;
    inFlight = new Map();
    concurrency;
    constructor(options = {}) {
        this.env = options.env ?? process.env;
        this.fetchImpl = options.fetch ?? fetch;
        this.deadline = new core/* Deadline */.B2(options.deadlineMs ?? 60_000);
        this.attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
        this.attempts = Math.max(1, options.attempts ?? 4);
        this.retryBaseDelayMs = options.retryBaseDelayMs ?? 250;
        this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
        this.insecure = insecureRegistryList(options.insecureRegistries, this.env);
        this.configPath = options.dockerConfigPath ?? defaultDockerConfigPath(this.env);
        this.log = options.log ?? (() => { });
        this.sleep = options.sleep ?? core/* defaultSleep */.JG;
        this.userAgent = options.userAgent ?? 'astl-agent-credentials';
    }
    /** Resolves one reference; equal references in one session share one resolution. */
    resolve(input) {
        let reference;
        try {
            reference = parseImageReference(input);
        }
        catch (err) {
            const message = err instanceof core/* AstlError */.Ht ? err.message : String(err);
            return Promise.resolve({ input, isIndex: false, error: { code: 'IMAGE_REFERENCE_INVALID', message } });
        }
        let shared = this.inFlight.get(reference.canonical);
        if (!shared) {
            shared = this.resolveParsed(reference);
            this.inFlight.set(reference.canonical, shared);
        }
        return shared.then((r) => ({ ...r, input }));
    }
    async resolveParsed(reference) {
        const base = { input: reference.canonical, reference, isIndex: false };
        const name = `${reference.registry}/${reference.repository}`;
        try {
            const lookup = reference.tag ?? reference.digest;
            const answer = await this.manifestDigest(reference, lookup);
            if (!answer.found || !answer.digest) {
                const what = reference.tag
                    ? `tag "${reference.tag}" of ${name}`
                    : `manifest ${reference.digest} in ${name}`;
                return fail(base, 'IMAGE_NOT_FOUND', `${what} does not exist (the registry answered 404: MANIFEST_UNKNOWN or NAME_UNKNOWN)`);
            }
            if (reference.digest && answer.digest !== reference.digest) {
                return fail(base, 'DIGEST_MISMATCH', reference.tag
                    ? `${name}:${reference.tag} now points to ${answer.digest}, but the reference pins ${reference.digest}`
                    : `${name} answered ${answer.digest} when asked for ${reference.digest}`);
            }
            const result = {
                ...base,
                digest: answer.digest,
                pinned: pinned(reference, answer.digest),
                isIndex: answer.mediaType !== undefined && INDEX_MEDIA_TYPES.has(answer.mediaType),
            };
            if (answer.mediaType)
                result.mediaType = answer.mediaType;
            return result;
        }
        catch (err) {
            return fail(base, ...this.classify(err, reference));
        }
    }
    classify(err, reference) {
        const name = `${reference.registry}/${reference.repository}`;
        if (err instanceof AuthRefused)
            return ['REGISTRY_AUTH', err.message];
        if (err instanceof RegistryProtocolError)
            return ['REGISTRY_UNREACHABLE', err.message];
        if (err instanceof core/* AstlError */.Ht) {
            const code = err.code;
            return [code, err.message];
        }
        if (err instanceof core/* RetryExhaustedError */.aB) {
            const last = err.lastError;
            // withRetry stops at once when the server asks for a wait (Retry-After) past the deadline.
            const asked = last instanceof RetryableStatus ? last.retryAfterMs : undefined;
            const why = asked !== undefined && asked >= this.deadline.remainingMs()
                ? `: it asked to wait ${Math.ceil(asked / 1000)}s, longer than the time left`
                : err.deadlineHit
                    ? ` within the ${Math.round(this.deadline.totalMs / 100) / 10}s deadline`
                    : ` after ${err.attempts} attempts`;
            if (last instanceof RetryableStatus && last.status === 429) {
                return [
                    'RATE_LIMITED',
                    `registry ${reference.registry} answered 429 Too Many Requests for ${name}${why}`,
                ];
            }
            const fault = last === undefined ? 'no attempt could be made' : describeTransportFault(last);
            return ['REGISTRY_UNREACHABLE', `could not resolve ${name} (${fault})${why}`];
        }
        if ((0,core/* isNetworkFault */.d$)(err)) {
            return [
                'REGISTRY_UNREACHABLE',
                `could not reach registry ${reference.registry}: ${describeTransportFault(err)}`,
            ];
        }
        return [
            'REGISTRY_UNREACHABLE',
            `resolving ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
        ];
    }
    /** HEAD the manifest; fall back to GET + sha256 when the digest header is missing or not sha256. */
    async manifestDigest(reference, lookup) {
        const head = await this.manifestRequest(reference, lookup, 'HEAD');
        if (!head.found)
            return head;
        if (head.digest && isSha256Digest(head.digest))
            return head;
        const got = await this.manifestRequest(reference, lookup, 'GET');
        if (!got.found)
            return got;
        return { found: true, digest: got.digest, mediaType: got.mediaType ?? head.mediaType };
    }
    async manifestRequest(reference, lookup, method) {
        const url = `${registryBaseUrl(reference.registry, this.insecure)}/v2/${reference.repository}/manifests/${lookup}`;
        return this.retrying(`${method} ${url}`, async (signal) => {
            const res = await this.authorizedFetch(reference, url, method, signal);
            if (res.status === 404) {
                await res.body?.cancel();
                return { found: false };
            }
            if (res.status !== 200) {
                await res.body?.cancel();
                if (res.status === 400) {
                    throw new core/* AstlError */.Ht(`registry ${reference.registry} rejected the name or reference of ${reference.canonical} (HTTP 400)`, { code: 'IMAGE_REFERENCE_INVALID' });
                }
                throw new RegistryProtocolError(`registry ${reference.registry} answered HTTP ${res.status} for ${reference.registry}/${reference.repository}`);
            }
            const headerDigest = res.headers.get('docker-content-digest')?.trim();
            let mediaType = mediaTypeOf(res.headers.get('content-type'));
            if (method === 'HEAD') {
                await res.body?.cancel();
                return { found: true, digest: headerDigest, mediaType };
            }
            // Capped while streaming: a registry that sends an endless body, or lies in
            // Content-Length, is cut off at 4 MiB instead of being read whole.
            let bytes;
            try {
                bytes = await (0,core/* readBodyCapped */.oV)(res, MAX_MANIFEST_BYTES, `the manifest of ${reference.canonical}`);
            }
            catch (err) {
                if (!(err instanceof core/* BodyTooLargeError */.Au))
                    throw err;
                throw new core/* AstlError */.Ht(`registry ${reference.registry} answered ${reference.canonical} with a manifest larger than 4 MiB (the OCI distribution spec's limit); the gate stopped reading and refuses it`, { code: 'MANIFEST_TOO_LARGE' });
            }
            // Hash only what is really a v2 manifest: a proxy's HTML page must not become a "digest".
            let parsed;
            try {
                parsed = JSON.parse(bytes.toString('utf8'));
            }
            catch {
                parsed = undefined;
            }
            if (!parsed || typeof parsed !== 'object' || parsed.schemaVersion !== 2) {
                throw new RegistryProtocolError(`registry ${reference.registry} answered ${reference.canonical} with something that is not an image manifest (schema version 2)${mediaType ? ` (${mediaType})` : ''}`);
            }
            if (typeof parsed.mediaType === 'string' && (!mediaType || !KNOWN_MEDIA_TYPES.has(mediaType))) {
                mediaType = parsed.mediaType;
            }
            const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
            return { found: true, digest, mediaType };
        });
    }
    /**
     * withRetry on network faults, 5xx and 429, honouring Retry-After (withRetry waits at least that
     * long, and gives up at once when it is past the deadline).
     */
    retrying(what, op) {
        return (0,core/* withRetry */.bD)((signal) => op(signal), {
            attempts: this.attempts,
            baseDelayMs: this.retryBaseDelayMs,
            maxDelayMs: 5_000,
            attemptTimeoutMs: this.attemptTimeoutMs,
            deadline: this.deadline,
            what,
            // A nested retry (the token fetch) that gave up is final: do not multiply attempts.
            isRetryable: (err) => !(err instanceof core/* RetryExhaustedError */.aB) && (err instanceof RetryableStatus || (0,core/* isNetworkFault */.d$)(err)),
            retryAfterMs: (err) => (err instanceof RetryableStatus ? err.retryAfterMs : undefined),
            onRetry: ({ attempt, delayMs, error }) => this.log(`${what}: ${describeTransportFault(error)}; retry ${attempt} in ${delayMs} ms`),
            sleep: this.sleep,
        });
    }
    state(registry) {
        let state = this.registries.get(registry);
        if (!state) {
            state = { tokens: new Map() };
            this.registries.set(registry, state);
        }
        return state;
    }
    credentialsFor(registry) {
        const state = this.state(registry);
        if (!state.credentials) {
            this.configSources ??= loadDockerConfig(this.configPath, this.env);
            state.credentials = findCredentials(this.configSources, registry);
            for (const note of state.credentials.notes)
                this.log(note);
        }
        return state.credentials;
    }
    describeTried(registry, scheme) {
        const lookup = this.credentialsFor(registry);
        const tried = lookup.credentials
            ? lookup.credentials.description
            : `no credentials (none for ${registry} in ${this.configPath})`;
        const notes = lookup.notes.length ? `; ${lookup.notes.join('; ')}` : '';
        return `${scheme} auth with ${tried}${notes}`;
    }
    /** Sends the request, authenticating up front when the registry's challenge is known, else after a 401. */
    async authorizedFetch(reference, url, method, signal) {
        const state = this.state(reference.registry);
        const scope = `repository:${reference.repository}:pull`;
        const send = async (authorization) => {
            const headers = { Accept: MANIFEST_ACCEPT, 'User-Agent': this.userAgent };
            if (authorization)
                headers['Authorization'] = authorization;
            const res = await this.fetchImpl(url, { method, headers, signal, redirect: 'follow' });
            if ((0,core/* isRetryableStatus */.PS)(res.status)) {
                await res.body?.cancel();
                throw new RetryableStatus(res.status, url, (0,http/* parseRetryAfter */.mu)(res.headers.get('retry-after')));
            }
            return res;
        };
        let authorization = state.challenge
            ? await this.authorization(reference, state.challenge, scope)
            : undefined;
        let res = await send(authorization);
        if (res.status === 401) {
            await res.body?.cancel();
            const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate'));
            const challenge = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
            if (!challenge) {
                throw new AuthRefused(`registry ${reference.registry} answered 401 for ${reference.repository} without a Bearer or Basic challenge`);
            }
            if (authorization && state.challenge?.scheme === 'bearer') {
                // The cached token was refused (expired or revoked): fetch a new one once.
                state.tokens.delete(scope);
            }
            else if (authorization) {
                throw this.refused(reference, 401, challenge.scheme);
            }
            state.challenge = challenge;
            authorization = await this.authorization(reference, challenge, scope);
            res = await send(authorization);
        }
        if (res.status === 401 || res.status === 403) {
            await res.body?.cancel();
            throw this.refused(reference, res.status, state.challenge?.scheme ?? 'no');
        }
        return res;
    }
    refused(reference, status, scheme) {
        return new AuthRefused(`registry ${reference.registry} refused pull access to ${reference.repository} (HTTP ${status}) using ${this.describeTried(reference.registry, scheme)}. ` +
            'Log in first (docker/login-action writes ~/.docker/config.json), check the credentials can pull this repository, ' +
            'and check the repository name: registries also answer 401 for repositories that do not exist');
    }
    async authorization(reference, challenge, scope) {
        const credentials = this.credentialsFor(reference.registry).credentials;
        if (challenge.scheme === 'basic') {
            if (!credentials?.username || credentials.password === undefined) {
                throw new AuthRefused(`registry ${reference.registry} requires basic auth for ${reference.repository} but there are ${this.describeTried(reference.registry, 'basic').replace(/^basic auth with /, '')}. Log in first (docker/login-action writes ~/.docker/config.json)`);
            }
            return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        if (challenge.scheme === 'bearer') {
            if (credentials?.registryToken)
                return `Bearer ${credentials.registryToken}`;
            const token = await this.token(reference, challenge, scope, credentials);
            return `Bearer ${token}`;
        }
        throw new AuthRefused(`registry ${reference.registry} asks for "${challenge.scheme}" auth, which astl does not support (only Bearer and Basic)`);
    }
    /** One token per registry and scope, shared by concurrent requests, refreshed shortly before expiry. */
    async token(reference, challenge, scope, credentials) {
        const state = this.state(reference.registry);
        const cached = state.tokens.get(scope);
        if (cached) {
            try {
                const value = await cached.promise;
                if (value.expiresAt - Date.now() > 10_000)
                    return value.token;
            }
            catch {
                // A failed fetch is not cached: fall through to a new one.
            }
            if (state.tokens.get(scope) === cached)
                state.tokens.delete(scope);
            const again = state.tokens.get(scope);
            if (again)
                return (await again.promise).token;
        }
        const entry = { promise: this.fetchToken(reference, challenge, scope, credentials) };
        state.tokens.set(scope, entry);
        entry.promise.catch(() => {
            if (state.tokens.get(scope) === entry)
                state.tokens.delete(scope);
        });
        return (await entry.promise).token;
    }
    async fetchToken(reference, challenge, scope, credentials) {
        const realm = challenge.params['realm'];
        let realmUrl;
        try {
            realmUrl = new URL(realm ?? '');
        }
        catch {
            throw new AuthRefused(`registry ${reference.registry} sent a Bearer challenge without a valid realm URL; cannot get a token`);
        }
        // Never send credentials to a plain-http token service unless it is local or declared insecure.
        const plainAllowed = realmUrl.protocol === 'https:' ||
            isLoopbackHost(realmUrl.hostname) ||
            this.insecure.has(realmUrl.host.toLowerCase()) ||
            this.insecure.has(realmUrl.hostname.toLowerCase());
        const usable = credentials && plainAllowed ? credentials : undefined;
        const service = challenge.params['service'];
        const what = `token request to ${realmUrl.origin}${realmUrl.pathname}`;
        const body = await this.retrying(what, async (signal) => {
            let res;
            const headers = { 'User-Agent': this.userAgent, Accept: 'application/json' };
            if (usable?.identityToken) {
                const form = new URLSearchParams({
                    grant_type: 'refresh_token',
                    refresh_token: usable.identityToken,
                    client_id: 'astl-agent-credentials',
                    scope,
                });
                if (service)
                    form.set('service', service);
                headers['Content-Type'] = 'application/x-www-form-urlencoded';
                res = await this.fetchImpl(realmUrl, { method: 'POST', headers, body: form.toString(), signal });
            }
            else {
                const url = new URL(realmUrl);
                if (service)
                    url.searchParams.set('service', service);
                url.searchParams.set('scope', scope);
                if (usable?.username && usable.password !== undefined) {
                    headers['Authorization'] =
                        `Basic ${Buffer.from(`${usable.username}:${usable.password}`).toString('base64')}`;
                }
                res = await this.fetchImpl(url, { method: 'GET', headers, signal });
            }
            if ((0,core/* isRetryableStatus */.PS)(res.status)) {
                await res.body?.cancel();
                throw new RetryableStatus(res.status, `${realmUrl.origin}${realmUrl.pathname}`, (0,http/* parseRetryAfter */.mu)(res.headers.get('retry-after')));
            }
            if (res.status === 401 || res.status === 403) {
                await res.body?.cancel();
                throw new AuthRefused(`the token service of ${reference.registry} (${realmUrl.host}) refused a pull token for ${reference.repository} (HTTP ${res.status}) using ${this.describeTried(reference.registry, 'bearer')}`);
            }
            if (res.status !== 200) {
                await res.body?.cancel();
                throw new RegistryProtocolError(`the token service of ${reference.registry} (${realmUrl.host}) answered HTTP ${res.status}`);
            }
            try {
                return await (0,core/* readTextCapped */.XS)(res, MAX_TOKEN_BODY_BYTES, `the token answer of ${realmUrl.host}`);
            }
            catch (err) {
                if (!(err instanceof core/* BodyTooLargeError */.Au))
                    throw err;
                throw new RegistryProtocolError(`the token service of ${reference.registry} (${realmUrl.host}) answered more than 1 MiB; the gate stopped reading and refuses it`);
            }
        });
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new RegistryProtocolError(`the token service of ${reference.registry} did not answer JSON`);
        }
        const token = typeof parsed.token === 'string' && parsed.token
            ? parsed.token
            : typeof parsed.access_token === 'string'
                ? parsed.access_token
                : '';
        if (!token) {
            throw new RegistryProtocolError(`the token service of ${reference.registry} answered without a token`);
        }
        // The spec's default lifetime is 60 s when expires_in is absent.
        const lifetimeS = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 60;
        return { token, expiresAt: Date.now() + lifetimeS * 1000 };
    }
}
function fail(base, code, message) {
    return { ...base, error: { code, message } };
}
/** Runs `fn` over `items` with at most `limit` in flight, results in input order. */
async function mapWithConcurrency(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/**
 * Resolves every reference to a digest, at most `concurrency` at a time, within one deadline.
 * Results are in input order; failures are results with `error`, never a rejection.
 */
async function resolveImages(refs, options = {}) {
    const client = new RegistryClient(options);
    return mapWithConcurrency(refs, client.concurrency, (ref) => client.resolve(ref));
}
/** Resolves one reference (see resolveImages). */
async function resolveImage(ref, options = {}) {
    const [result] = await resolveImages([ref], options);
    return result;
}

;// CONCATENATED MODULE: ./packages/oci/index.ts





// EXTERNAL MODULE: ./packages/registry/registry.ts + 2 modules
var registry = __webpack_require__(1005);
;// CONCATENATED MODULE: ./schemas/deploy-policy.schema.json
const deploy_policy_schema_namespaceObject = {};
;// CONCATENATED MODULE: ./packages/core/schema-validators/deploy-policy.js
// Generated by scripts/schemas.mjs from schemas/deploy-policy.schema.json: do not edit.
const validate = validate10;/* harmony default export */ const deploy_policy = ((/* unused pure expression or super */ null && (validate10)));const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/deploy-policy.schema.json","title":"agent-credentials deploy policy","description":"What an agent may deploy, where, and under which conditions. Read by the gate action (astl/agent-credentials/actions/gate@v1). Keys are snake_case.","type":"object","additionalProperties":false,"required":["agent","actions"],"properties":{"agent":{"type":"string","description":"the registered agent name this policy applies to, or \"*\" for every agent","pattern":"^(\\*|[a-z0-9][a-z0-9-]*)$","examples":["deploy-manager","*"]},"actions":{"type":"array","description":"one entry per action the agent may request (deploy, rollback, scale, ...)","minItems":1,"items":{"$ref":"#/definitions/action"}}},"definitions":{"action":{"type":"object","description":"the rules for one action; a request is allowed only when every rule passes","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"the action name the gate's `action` input names","pattern":"^[a-z0-9][a-z0-9_.-]*$","examples":["deploy","rollback"]},"allowed_environments":{"type":"array","description":"environments this action may target; absent means any environment","items":{"type":"string","minLength":1},"uniqueItems":true},"approval_needed":{"description":"a CEL expression over the request (or true/false); when true the run needs an approved environment review by someone other than the agent","examples":["env == \"production\"",true],"anyOf":[{"type":"string","minLength":1},{"type":"boolean"}]},"allowed_images":{"type":"array","description":"images this action may deploy, by digest or by repository (tags are resolved to digests, never trusted); absent means any image that resolves","items":{"type":"object","additionalProperties":false,"description":"either `digest:` or `repository:`","minProperties":1,"maxProperties":1,"properties":{"digest":{"type":"string","description":"a manifest or multi-arch index digest: sha256:<64 lowercase hex>","pattern":"^sha256:[0-9a-f]{64}$","examples":["sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]},"repository":{"type":"string","description":"a repository without tag or digest (registry host included, Docker Hub names as docker writes them); any digest of it is allowed once resolved","examples":["ghcr.io/acme/app","registry.acme.internal:5000/team/api"]}}}},"max_replicas":{"type":"integer","description":"the most replicas a request may ask for","minimum":0},"max_per_day":{"type":"integer","description":"budget: allowed decisions per agent per 24 h, counted from the GitHub Deployments API","minimum":0},"allowed_hosts":{"type":"array","description":"egress allowlist: every host named in the request's params must match one of these globs (`*` is exactly one DNS label, `**` one or more)","items":{"type":"string","minLength":1},"examples":[["*.acme.internal","api.example.com"]]},"text_params":{"type":"array","description":"params whose values are text or identifiers, not destinations (keys joined with \".\", e.g. release.notes): allowed_hosts then reads only unmistakable host forms in them (URLs, user@host, host:port, dotted names, IP addresses), not single words or numbers","items":{"type":"string","minLength":1},"uniqueItems":true,"examples":[["ticket","branch","release.notes"]]},"deny_when":{"type":"string","description":"a CEL expression over the request; when true the request is denied","minLength":1,"examples":["params.amount > 1000"]}}}}};const schema12 = {"type":"object","description":"the rules for one action; a request is allowed only when every rule passes","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"the action name the gate's `action` input names","pattern":"^[a-z0-9][a-z0-9_.-]*$","examples":["deploy","rollback"]},"allowed_environments":{"type":"array","description":"environments this action may target; absent means any environment","items":{"type":"string","minLength":1},"uniqueItems":true},"approval_needed":{"description":"a CEL expression over the request (or true/false); when true the run needs an approved environment review by someone other than the agent","examples":["env == \"production\"",true],"anyOf":[{"type":"string","minLength":1},{"type":"boolean"}]},"allowed_images":{"type":"array","description":"images this action may deploy, by digest or by repository (tags are resolved to digests, never trusted); absent means any image that resolves","items":{"type":"object","additionalProperties":false,"description":"either `digest:` or `repository:`","minProperties":1,"maxProperties":1,"properties":{"digest":{"type":"string","description":"a manifest or multi-arch index digest: sha256:<64 lowercase hex>","pattern":"^sha256:[0-9a-f]{64}$","examples":["sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]},"repository":{"type":"string","description":"a repository without tag or digest (registry host included, Docker Hub names as docker writes them); any digest of it is allowed once resolved","examples":["ghcr.io/acme/app","registry.acme.internal:5000/team/api"]}}}},"max_replicas":{"type":"integer","description":"the most replicas a request may ask for","minimum":0},"max_per_day":{"type":"integer","description":"budget: allowed decisions per agent per 24 h, counted from the GitHub Deployments API","minimum":0},"allowed_hosts":{"type":"array","description":"egress allowlist: every host named in the request's params must match one of these globs (`*` is exactly one DNS label, `**` one or more)","items":{"type":"string","minLength":1},"examples":[["*.acme.internal","api.example.com"]]},"text_params":{"type":"array","description":"params whose values are text or identifiers, not destinations (keys joined with \".\", e.g. release.notes): allowed_hosts then reads only unmistakable host forms in them (URLs, user@host, host:port, dotted names, IP addresses), not single words or numbers","items":{"type":"string","minLength":1},"uniqueItems":true,"examples":[["ticket","branch","release.notes"]]},"deny_when":{"type":"string","description":"a CEL expression over the request; when true the request is denied","minLength":1,"examples":["params.amount > 1000"]}}};const pattern0 = new RegExp("^(\\*|[a-z0-9][a-z0-9-]*)$", "u");const pattern1 = new RegExp("^[a-z0-9][a-z0-9_.-]*$", "u");const pattern2 = new RegExp("^sha256:[0-9a-f]{64}$", "u");const func2 = Object.prototype.hasOwnProperty;const func3 = ((exports) => {"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.default = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';

return exports;})({}).default;function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://github.com/astl/agent-credentials/schemas/deploy-policy.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.agent === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agent"},message:"must have required property '"+"agent"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.actions === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "actions"},message:"must have required property '"+"actions"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((key0 === "agent") || (key0 === "actions"))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.agent !== undefined){let data0 = data.agent;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err3 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/pattern",keyword:"pattern",params:{pattern: "^(\\*|[a-z0-9][a-z0-9-]*)$"},message:"must match pattern \""+"^(\\*|[a-z0-9][a-z0-9-]*)$"+"\"",schema:"^(\\*|[a-z0-9][a-z0-9-]*)$",parentSchema:schema11.properties.agent,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agent.type,parentSchema:schema11.properties.agent,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.actions !== undefined){let data1 = data.actions;if(Array.isArray(data1)){if(data1.length < 1){const err5 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.actions,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}const len0 = data1.length;for(let i0=0; i0<len0; i0++){let data2 = data1[i0];if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.name === undefined){const err6 = {instancePath:instancePath+"/actions/" + i0,schemaPath:"#/definitions/action/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key1 in data2){if(!(func2.call(schema12.properties, key1))){const err7 = {instancePath:instancePath+"/actions/" + i0,schemaPath:"#/definitions/action/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data2.name !== undefined){let data3 = data2.name;if(typeof data3 === "string"){if(!pattern1.test(data3)){const err8 = {instancePath:instancePath+"/actions/" + i0+"/name",schemaPath:"#/definitions/action/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema12.properties.name,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/actions/" + i0+"/name",schemaPath:"#/definitions/action/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data3};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data2.allowed_environments !== undefined){let data4 = data2.allowed_environments;if(Array.isArray(data4)){const len1 = data4.length;for(let i1=0; i1<len1; i1++){let data5 = data4[i1];if(typeof data5 === "string"){if(func3(data5) < 1){const err10 = {instancePath:instancePath+"/actions/" + i0+"/allowed_environments/" + i1,schemaPath:"#/definitions/action/properties/allowed_environments/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.allowed_environments.items,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/actions/" + i0+"/allowed_environments/" + i1,schemaPath:"#/definitions/action/properties/allowed_environments/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.allowed_environments.items.type,parentSchema:schema12.properties.allowed_environments.items,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}let i2 = data4.length;let j0;if(i2 > 1){const indices0 = {};for(;i2--;){let item0 = data4[i2];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err12 = {instancePath:instancePath+"/actions/" + i0+"/allowed_environments",schemaPath:"#/definitions/action/properties/allowed_environments/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema12.properties.allowed_environments,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;break;}indices0[item0] = i2;}}}else {const err13 = {instancePath:instancePath+"/actions/" + i0+"/allowed_environments",schemaPath:"#/definitions/action/properties/allowed_environments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.allowed_environments.type,parentSchema:schema12.properties.allowed_environments,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data2.approval_needed !== undefined){let data6 = data2.approval_needed;const _errs17 = errors;let valid8 = false;const _errs18 = errors;if(typeof data6 === "string"){if(func3(data6) < 1){const err14 = {instancePath:instancePath+"/actions/" + i0+"/approval_needed",schemaPath:"#/definitions/action/properties/approval_needed/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.approval_needed.anyOf[0],data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/actions/" + i0+"/approval_needed",schemaPath:"#/definitions/action/properties/approval_needed/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.approval_needed.anyOf[0].type,parentSchema:schema12.properties.approval_needed.anyOf[0],data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}var _valid0 = _errs18 === errors;valid8 = valid8 || _valid0;if(!valid8){const _errs20 = errors;if(typeof data6 !== "boolean"){const err16 = {instancePath:instancePath+"/actions/" + i0+"/approval_needed",schemaPath:"#/definitions/action/properties/approval_needed/anyOf/1/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.approval_needed.anyOf[1].type,parentSchema:schema12.properties.approval_needed.anyOf[1],data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}var _valid0 = _errs20 === errors;valid8 = valid8 || _valid0;}if(!valid8){const err17 = {instancePath:instancePath+"/actions/" + i0+"/approval_needed",schemaPath:"#/definitions/action/properties/approval_needed/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema12.properties.approval_needed.anyOf,parentSchema:schema12.properties.approval_needed,data:data6};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}else {errors = _errs17;if(vErrors !== null){if(_errs17){vErrors.length = _errs17;}else {vErrors = null;}}}}if(data2.allowed_images !== undefined){let data7 = data2.allowed_images;if(Array.isArray(data7)){const len2 = data7.length;for(let i3=0; i3<len2; i3++){let data8 = data7[i3];if(data8 && typeof data8 == "object" && !Array.isArray(data8)){if(Object.keys(data8).length > 1){const err18 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3,schemaPath:"#/definitions/action/properties/allowed_images/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema12.properties.allowed_images.items,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(Object.keys(data8).length < 1){const err19 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3,schemaPath:"#/definitions/action/properties/allowed_images/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema12.properties.allowed_images.items,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}for(const key2 in data8){if(!((key2 === "digest") || (key2 === "repository"))){const err20 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3,schemaPath:"#/definitions/action/properties/allowed_images/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.allowed_images.items,data:data8};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data8.digest !== undefined){let data9 = data8.digest;if(typeof data9 === "string"){if(!pattern2.test(data9)){const err21 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3+"/digest",schemaPath:"#/definitions/action/properties/allowed_images/items/properties/digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema12.properties.allowed_images.items.properties.digest,data:data9};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3+"/digest",schemaPath:"#/definitions/action/properties/allowed_images/items/properties/digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.allowed_images.items.properties.digest.type,parentSchema:schema12.properties.allowed_images.items.properties.digest,data:data9};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data8.repository !== undefined){let data10 = data8.repository;if(typeof data10 !== "string"){const err23 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3+"/repository",schemaPath:"#/definitions/action/properties/allowed_images/items/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.allowed_images.items.properties.repository.type,parentSchema:schema12.properties.allowed_images.items.properties.repository,data:data10};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}else {const err24 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images/" + i3,schemaPath:"#/definitions/action/properties/allowed_images/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.allowed_images.items.type,parentSchema:schema12.properties.allowed_images.items,data:data8};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/actions/" + i0+"/allowed_images",schemaPath:"#/definitions/action/properties/allowed_images/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.allowed_images.type,parentSchema:schema12.properties.allowed_images,data:data7};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data2.max_replicas !== undefined){let data11 = data2.max_replicas;if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){const err26 = {instancePath:instancePath+"/actions/" + i0+"/max_replicas",schemaPath:"#/definitions/action/properties/max_replicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.max_replicas.type,parentSchema:schema12.properties.max_replicas,data:data11};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(typeof data11 == "number"){if(data11 < 0 || isNaN(data11)){const err27 = {instancePath:instancePath+"/actions/" + i0+"/max_replicas",schemaPath:"#/definitions/action/properties/max_replicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.max_replicas,data:data11};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}if(data2.max_per_day !== undefined){let data12 = data2.max_per_day;if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){const err28 = {instancePath:instancePath+"/actions/" + i0+"/max_per_day",schemaPath:"#/definitions/action/properties/max_per_day/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.max_per_day.type,parentSchema:schema12.properties.max_per_day,data:data12};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(typeof data12 == "number"){if(data12 < 0 || isNaN(data12)){const err29 = {instancePath:instancePath+"/actions/" + i0+"/max_per_day",schemaPath:"#/definitions/action/properties/max_per_day/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.max_per_day,data:data12};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}if(data2.allowed_hosts !== undefined){let data13 = data2.allowed_hosts;if(Array.isArray(data13)){const len3 = data13.length;for(let i4=0; i4<len3; i4++){let data14 = data13[i4];if(typeof data14 === "string"){if(func3(data14) < 1){const err30 = {instancePath:instancePath+"/actions/" + i0+"/allowed_hosts/" + i4,schemaPath:"#/definitions/action/properties/allowed_hosts/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.allowed_hosts.items,data:data14};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}else {const err31 = {instancePath:instancePath+"/actions/" + i0+"/allowed_hosts/" + i4,schemaPath:"#/definitions/action/properties/allowed_hosts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.allowed_hosts.items.type,parentSchema:schema12.properties.allowed_hosts.items,data:data14};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}else {const err32 = {instancePath:instancePath+"/actions/" + i0+"/allowed_hosts",schemaPath:"#/definitions/action/properties/allowed_hosts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.allowed_hosts.type,parentSchema:schema12.properties.allowed_hosts,data:data13};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data2.text_params !== undefined){let data15 = data2.text_params;if(Array.isArray(data15)){const len4 = data15.length;for(let i5=0; i5<len4; i5++){let data16 = data15[i5];if(typeof data16 === "string"){if(func3(data16) < 1){const err33 = {instancePath:instancePath+"/actions/" + i0+"/text_params/" + i5,schemaPath:"#/definitions/action/properties/text_params/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.text_params.items,data:data16};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}else {const err34 = {instancePath:instancePath+"/actions/" + i0+"/text_params/" + i5,schemaPath:"#/definitions/action/properties/text_params/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.text_params.items.type,parentSchema:schema12.properties.text_params.items,data:data16};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}let i6 = data15.length;let j1;if(i6 > 1){const indices1 = {};for(;i6--;){let item1 = data15[i6];if(typeof item1 !== "string"){continue;}if(typeof indices1[item1] == "number"){j1 = indices1[item1];const err35 = {instancePath:instancePath+"/actions/" + i0+"/text_params",schemaPath:"#/definitions/action/properties/text_params/uniqueItems",keyword:"uniqueItems",params:{i: i6, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i6+" are identical)",schema:true,parentSchema:schema12.properties.text_params,data:data15};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;break;}indices1[item1] = i6;}}}else {const err36 = {instancePath:instancePath+"/actions/" + i0+"/text_params",schemaPath:"#/definitions/action/properties/text_params/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.text_params.type,parentSchema:schema12.properties.text_params,data:data15};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data2.deny_when !== undefined){let data17 = data2.deny_when;if(typeof data17 === "string"){if(func3(data17) < 1){const err37 = {instancePath:instancePath+"/actions/" + i0+"/deny_when",schemaPath:"#/definitions/action/properties/deny_when/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.deny_when,data:data17};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/actions/" + i0+"/deny_when",schemaPath:"#/definitions/action/properties/deny_when/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.deny_when.type,parentSchema:schema12.properties.deny_when,data:data17};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}else {const err39 = {instancePath:instancePath+"/actions/" + i0,schemaPath:"#/definitions/action/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/actions",schemaPath:"#/properties/actions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.actions.type,parentSchema:schema11.properties.actions,data:data1};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}}else {const err41 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 2 modules
var agent_policy = __webpack_require__(4544);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
;// CONCATENATED MODULE: ./packages/gate/policy.ts
/**
 * Deploy policies (snake_case, schemas/deploy-policy.schema.json): loading, validation beyond
 * what the schema can say (duplicate action names, CEL that does not parse, host globs, image
 * repositories), compilation of expressions, and the policy digest auditors pin.
 */












const CODE = 'POLICY_INVALID';
const WHAT = 'deploy policy';
/** A document is a deploy policy when it has `actions:`, or `agent:` without a `kind:`. */
function isDeployPolicyDocument(doc) {
    const v = doc.value;
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return false;
    return 'actions' in v || ('agent' in v && !('kind' in v));
}
/** `file:line` of a location (no column: rules are named by line). */
function lineOf(loc) {
    return (0,core/* formatLocation */.j$)({ file: loc.file, line: loc.line });
}
/** Parses and checks the deploy policies among `docs`; every problem is thrown together. */
function parseDeployPolicies(docs) {
    const errors = [];
    const policies = [];
    for (const doc of docs) {
        if (!isDeployPolicyDocument(doc))
            continue;
        const schemaErrors = (0,core/* validateWithSchema */.CW)(doc, validate, WHAT, CODE);
        if (schemaErrors.length > 0) {
            errors.push(...schemaErrors);
            continue;
        }
        const raw = doc.value;
        const policy = { agent: raw.agent, file: doc.file, location: doc.locate([]), actions: [] };
        const firstByName = new Map();
        raw.actions.forEach((action, i) => {
            const nameAt = doc.locate(['actions', i, 'name']);
            const first = firstByName.get(action.name);
            if (first) {
                errors.push(new core/* AstlError */.Ht(`action '${action.name}' is defined twice in this policy (lines ${first.line} and ${nameAt.line}); the gate would not know which rules apply`, {
                    code: CODE,
                    location: nameAt,
                    hint: `merge the two '${action.name}' entries (first at ${lineOf(first)}) into one`,
                }));
                return;
            }
            firstByName.set(action.name, nameAt);
            const rule = compileAction(doc, action, i, errors);
            if (rule)
                policy.actions.push(rule);
        });
        policies.push(policy);
    }
    if (errors.length > 0)
        throw new core/* AstlErrors */.ci(errors, CODE);
    return policies;
}
function compileAction(doc, action, i, errors) {
    const keyAt = {};
    const at = (key) => doc.locateKey(['actions', i, key]);
    for (const key of Object.keys(action))
        keyAt[key] = lineOf(at(key));
    const rule = { name: action.name, at: lineOf(doc.locate(['actions', i])), keyAt };
    const before = errors.length;
    if (action.allowed_environments)
        rule.allowedEnvironments = [...action.allowed_environments];
    if (action.max_replicas !== undefined)
        rule.maxReplicas = action.max_replicas;
    if (action.max_per_day !== undefined)
        rule.maxPerDay = action.max_per_day;
    for (const key of ['approval_needed', 'deny_when']) {
        const value = action[key];
        if (value === undefined)
            continue;
        if (typeof value === 'boolean') {
            if (key === 'approval_needed')
                rule.approvalNeeded = value;
            continue;
        }
        try {
            const compiled = compileExpression(value, key, doc.locate(['actions', i, key]));
            if (key === 'approval_needed')
                rule.approvalNeeded = compiled;
            else
                rule.denyWhen = compiled;
        }
        catch (err) {
            errors.push(err);
        }
    }
    if (action.allowed_hosts) {
        rule.allowedHosts = [];
        action.allowed_hosts.forEach((glob, j) => {
            const problem = hostGlobProblem(glob);
            if (problem) {
                errors.push(new core/* AstlError */.Ht(`allowed_hosts[${j}] ${JSON.stringify(glob)} is not a valid host glob: ${problem}`, {
                    code: CODE,
                    location: doc.locate(['actions', i, 'allowed_hosts', j]),
                    hint: '"*" matches one DNS label, "**" one or more: "*.acme.internal", "**.acme.internal", "api.example.com"',
                }));
            }
            else {
                rule.allowedHosts.push(normalizeGlob(glob));
            }
        });
    }
    if (action.text_params) {
        rule.textParams = [];
        action.text_params.forEach((entry, j) => {
            const problem = textParamProblem(entry);
            if (problem) {
                errors.push(new core/* AstlError */.Ht(`text_params[${j}] ${JSON.stringify(entry)} is not a param name: ${problem}`, {
                    code: CODE,
                    location: doc.locate(['actions', i, 'text_params', j]),
                    hint: 'list the params whose values are text or identifiers, e.g. text_params: [ticket, release.notes]',
                }));
            }
            else {
                rule.textParams.push(entry);
            }
        });
        if (!action.allowed_hosts) {
            errors.push(new core/* AstlError */.Ht('text_params only changes how allowed_hosts reads params, and this action has no allowed_hosts', {
                code: CODE,
                location: doc.locate(['actions', i, 'text_params']),
                hint: 'add allowed_hosts, or remove text_params',
            }));
        }
    }
    if (action.allowed_images) {
        rule.allowedImages = [];
        action.allowed_images.forEach((entry, j) => {
            const where = lineOf(doc.locate(['actions', i, 'allowed_images', j]));
            if ('digest' in entry) {
                rule.allowedImages.push({ digest: entry.digest, at: where });
                return;
            }
            const image = normalizeRepository(entry.repository);
            if (typeof image === 'string') {
                rule.allowedImages.push({ repository: image, at: where });
            }
            else {
                errors.push(new core/* AstlError */.Ht(`allowed_images[${j}].repository ${JSON.stringify(entry.repository)}: ${image.problem}`, {
                    code: CODE,
                    location: doc.locate(['actions', i, 'allowed_images', j, 'repository']),
                    hint: 'name the repository only, e.g. ghcr.io/acme/app; to allow one image exactly, use `digest: sha256:…`',
                }));
            }
        });
    }
    return errors.length === before ? rule : undefined;
}
/** `registry/path` as the resolver names it, or why the entry is not a bare repository. */
function normalizeRepository(text) {
    const trimmed = text.trim();
    if (trimmed.includes('@'))
        return { problem: 'a repository entry must not carry a digest' };
    const lastSlash = trimmed.lastIndexOf('/');
    if (trimmed.lastIndexOf(':') > lastSlash) {
        return { problem: 'a repository entry must not carry a tag (tags move; the gate never trusts them)' };
    }
    try {
        const ref = parseImageReference(trimmed);
        return ref.name;
    }
    catch (err) {
        return { problem: err.message };
    }
}
/** The AgentPolicy parts the gate enforces (restrictions such as `production-access`). */
function toGateAgentPolicies(docs) {
    return (0,agent_policy/* parseAgentPolicies */.Hw)(docs).map((p) => ({
        name: p.name,
        file: p.file,
        at: lineOf(p.location),
        agentTypes: p.agentTypes,
        restrictions: p.restrictions,
        restrictionAt: p.restrictions.map((_, i) => {
            const loc = p.keyLocations[`spec.restrictions[${i}]`];
            return loc ? lineOf(loc) : lineOf(p.location);
        }),
    }));
}
/**
 * sha256 over the policy files: sorted by path (relative to the policy folder; the file name
 * for a single file), each contributing `path NUL bytes`. It hashes the bytes that were parsed,
 * so the digest names exactly the policy the decision was made under.
 */
function policySha256(root, files) {
    const isDir = (() => {
        try {
            return (0,external_node_fs_.statSync)(root).isDirectory();
        }
        catch {
            return false;
        }
    })();
    const named = files
        .map((f) => ({ f, name: isDir ? (0,external_node_path_.relative)(root, f.path).split(external_node_path_.sep).join('/') : (0,external_node_path_.basename)(f.path) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const { f, name } of named) {
        hash.update(name);
        hash.update(Buffer.from([0]));
        hash.update(f.bytes);
    }
    return hash.digest('hex');
}
/**
 * Loads every deploy policy and AgentPolicy under a file or folder. Throws AstlErrors
 * (POLICY_INVALID / POLICY_NOT_FOUND) naming file:line for every problem.
 */
function loadPolicies(pathOrDir, options = {}) {
    // One read per file: the documents parsed and the bytes hashed are the same.
    const { files, docs } = (0,policy_files/* readPolicySet */.Lp)(pathOrDir, options);
    const errors = [];
    let deploy = [];
    let agent = [];
    try {
        deploy = parseDeployPolicies(docs);
    }
    catch (err) {
        if (err instanceof core/* AstlErrors */.ci)
            errors.push(...err.errors);
        else
            throw err;
    }
    try {
        agent = toGateAgentPolicies(docs);
    }
    catch (err) {
        if (err instanceof core/* AstlErrors */.ci)
            errors.push(...err.errors);
        else if (err instanceof core/* AstlError */.Ht)
            errors.push(err);
        else
            throw err;
    }
    if (errors.length > 0) {
        errors.sort((a, b) => (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
            (a.location?.line ?? 0) - (b.location?.line ?? 0));
        throw new core/* AstlErrors */.ci(errors, CODE);
    }
    return {
        path: pathOrDir,
        sha256: policySha256(pathOrDir, files),
        files: files.map((f) => f.path),
        deploy,
        agent,
    };
}

// EXTERNAL MODULE: ./packages/core/untrusted-text.ts
var untrusted_text = __webpack_require__(1372);
;// CONCATENATED MODULE: ./packages/gate/record.ts
/**
 * The decision record (OPA decision-log style) and its Markdown rendering for the job summary.
 * The record holds no secrets: the request is what the workflow passed (no token), images are
 * references and digests.
 */

function imageEntries(images) {
    return images.map((i) => {
        const entry = {
            input: i.input,
            pinned: i.pinned ?? null,
            digest: i.digest ?? null,
            mediaType: i.mediaType ?? null,
        };
        if (i.error)
            entry.error = i.error.code;
        return entry;
    });
}
const STATUS = {
    allow: '✅ allow',
    deny: '❌ deny',
    approval_needed: '⏳ approval needed',
};
// Agent, action, environment, images, params and reasons come from the workflow's inputs, the
// registry and the policy: every value is escaped by packages/core/untrusted-text.ts.
const cell = (/* unused pure expression or super */ null && (markdownText));
const code = (/* unused pure expression or super */ null && (markdownCode));
function renderMarkdown(record) {
    const lines = [];
    const shadow = record.mode === 'shadow' ? ' (shadow mode: reported, not enforced)' : '';
    lines.push(`### Deploy gate: ${STATUS[record.decision]}${shadow}`, '');
    const facts = [
        ['Decision', `${STATUS[record.decision]}${record.mode === 'shadow' ? ' (not enforced)' : ''}`],
        [
            'Agent',
            `${code(record.request.agent)}${record.request.agent_type ? ` (${cell(record.request.agent_type)})` : ''}`,
        ],
        ['Action', code(record.request.action)],
        ['Environment', code(record.request.environment)],
    ];
    if (record.request.replicas !== null)
        facts.push(['Replicas', String(record.request.replicas)]);
    facts.push([
        'Policy',
        `${code(record.policy.path)} sha256 ${record.policy.sha256 ? code(record.policy.sha256) : '(not loaded)'}`,
    ]);
    if (record.approval.required) {
        facts.push([
            'Approval',
            record.approval.approved_by
                ? `approved by @${cell(record.approval.approved_by)}`
                : 'required, not given',
        ]);
    }
    if (record.budget) {
        facts.push(['Budget', `${record.budget.used ?? '?'} of ${record.budget.limit} deploys in the last 24 h`]);
    }
    facts.push(['Decision id', code(record.decision_id)]);
    facts.push(['Time', `${markdownTime(record.timestamp)} (${record.metrics.timer_total_ms.toFixed(0)} ms)`]);
    lines.push(...markdownFacts(facts), '');
    if (record.images.length > 0) {
        lines.push('#### Images', '', '| Status | Image | Pinned as |', '|---|---|---|');
        for (const i of record.images) {
            // Words beside each symbol: a status must read without an emoji font (and to screen readers).
            const status = i.error ? `❌ ${cell(i.error)}` : i.pinned ? '✅ pinned' : '❌ not resolved';
            lines.push(`| ${status} | ${code(i.input)} | ${i.pinned ? code(i.pinned) : '—'} |`);
        }
        lines.push('');
    }
    if (record.checks_passed.length > 0) {
        lines.push('#### Checks passed', '', '| Rule | Check |', '|---|---|');
        for (const c of record.checks_passed)
            lines.push(`| ${code(c.rule)} | ✅ ${markdownMessage(c.check)} |`);
        lines.push('');
    }
    if (record.reasons.length > 0) {
        lines.push('#### Reasons', '', '| Code | Rule | What to change |', '|---|---|---|');
        for (const r of record.reasons)
            lines.push(`| ${code(r.code)} | ${code(r.rule)} | ${markdownMessage(r.message)} |`);
        lines.push('');
    }
    lines.push('<details><summary>Decision record (JSON)</summary>', '', markdownFence(JSON.stringify(record, null, 2), 'json'), '', '</details>', '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/gate/gate.ts
/**
 * One gate run, front-end independent (the action and the CLI both call it): load the policy,
 * resolve images and count deploys concurrently, decide, ask for approvals when the decision
 * needs one, record an allowed decision as a deployment, and build the decision record.
 * Fail closed: every error becomes a deny with a specific reason code.
 */








const SECRET_KEY = /(token|secret|password|passwd|api[-_]?key|credential|private[-_]?key|auth)/i;
/** Params for the record: values under secret-looking keys are replaced. */
function redactParams(value, depth = 0) {
    if (depth > 32)
        return '[…]';
    if (Array.isArray(value))
        return value.map((v) => redactParams(v, depth + 1));
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactParams(v, depth + 1);
        return out;
    }
    return value;
}
function toGateImage(r) {
    const image = { input: r.input, isIndex: r.isIndex };
    if (r.reference)
        image.repository = r.reference.name;
    if (r.digest)
        image.digest = r.digest;
    if (r.pinned)
        image.pinned = r.pinned;
    if (r.mediaType)
        image.mediaType = r.mediaType;
    if (r.error)
        image.error = { code: r.error.code, message: r.error.message };
    return image;
}
function policyErrorReasons(err, names) {
    const errors = err instanceof core/* AstlErrors */.ci ? err.errors : [err];
    return {
        errors,
        reasons: errors.map((e) => ({
            code: e.code === 'POLICY_NOT_FOUND' ? 'POLICY_NOT_FOUND' : 'POLICY_INVALID',
            rule: e.location
                ? (0,core/* formatLocation */.j$)({ file: e.location.file, line: e.location.line })
                : (e.whereFor(names) ?? 'policy'),
            message: `${e.message}${e.hintFor(names) ? `. ${e.hintFor(names)}` : ''}; a policy that does not load denies every request`,
        })),
    };
}
function agentTypeFromRegistry(input, warn) {
    const path = input.registryPath ?? 'agent-config.yaml';
    const workspace = input.workspace ?? (0,core/* workspaceScope */.O9)();
    try {
        if (!(0,external_node_fs_.existsSync)((0,core/* resolveWorkspacePath */.XI)(path, workspace, { setting: 'config' }).real))
            return undefined;
        return (0,registry.loadRegistry)(path, { workspace, use: { setting: 'config' } }).agents.find((a) => a.name === input.agent)?.type;
    }
    catch (err) {
        warn(`could not read the agent registry ${path} to find the agent's type: ${err.message}`);
        return undefined;
    }
}
function platformFor(input, deps) {
    const gl = input.gitlab;
    const gitlab = deps.gitlab;
    if (gl && gitlab) {
        return {
            name: 'gitlab',
            findApproval: (environment, agent) => gitlab
                .findApproval({
                projectId: gl.projectId,
                ...(gl.jobId ? { jobId: gl.jobId } : {}),
                environment,
                excludedUsers: [agent, `${agent}[bot]`, ...(gl.excludedUsers ?? [])],
            })
                .then((r) => ({
                ...(r.approvedBy ? { approvedBy: r.approvedBy } : {}),
                ...(r.why ? { note: r.why } : {}),
            })),
            countRecentDeploys: (agent, since) => gitlab.countRecentDeploys({ projectId: gl.projectId, agent, since }),
            recordDeployment: (r) => gitlab.recordDeployment({
                projectId: gl.projectId,
                agent: r.agent,
                sha: gl.sha,
                ref: gl.ref,
                tag: gl.tag ?? false,
            }),
            recordFix: 'Give the gate a token that can create deployments (CI_JOB_TOKEN of a Developer on GitLab 16.2+, or a project access token with the api scope in the agent-gate input token_variable)',
            recordOnlyForBudgets: true,
        };
    }
    const gh = input.github;
    const github = deps.github;
    if (gh && github) {
        return {
            name: 'github',
            ...(gh.runId
                ? {}
                : { approvalsUnavailable: "GITHUB_RUN_ID is not set, so the run's approvals cannot be read" }),
            findApproval: async (environment, agent) => {
                const approvedBy = await github.findApproval({
                    owner: gh.owner,
                    repo: gh.repo,
                    runId: gh.runId ?? '',
                    environment,
                    agentLogins: [agent, `${agent}[bot]`],
                });
                return approvedBy ? { approvedBy } : {};
            },
            countRecentDeploys: (agent, since) => github.countRecentDeploys({ owner: gh.owner, repo: gh.repo, agent, since }),
            recordDeployment: (r) => github.recordDeployment({
                owner: gh.owner,
                repo: gh.repo,
                ...r,
                ref: gh.sha ?? input.ci.sha ?? 'main',
            }),
            recordFix: "Give the job's token `deployments: write`",
        };
    }
    return undefined;
}
async function runGate(input, deps = {}) {
    const started = performance.now();
    const now = deps.now ?? (() => new Date());
    const warn = deps.onWarning ?? (() => { });
    const decisionId = (deps.newId ?? external_node_crypto_.randomUUID)();
    const timestamp = now();
    // Image resolution is network work: start it first, so loading the policy (CPU) overlaps it,
    // and count deploys (also network) at the same time.
    const resolveStarted = performance.now();
    let resolveMs = 0;
    const resolving = (async () => {
        if (input.images.length === 0)
            return [];
        const resolver = deps.resolveImages ?? resolveImages;
        const resolved = await resolver(input.images, { deadlineMs: 30_000, ...input.resolve });
        resolveMs = performance.now() - resolveStarted;
        return resolved.map(toGateImage);
    })();
    resolving.catch(() => { }); // awaited below; this only keeps an early throw from going unhandled
    let policies;
    let policyFailure;
    try {
        policies = loadPolicies(input.policyPath, {
            onWarning: warn,
            workspace: input.workspace ?? (0,core/* workspaceScope */.O9)(),
            use: { setting: 'policy', code: 'POLICY_INVALID' },
        });
        if (policies.deploy.length === 0) {
            warn(`no deploy policy (a document with \`actions:\`) found in ${input.policyPath}`);
        }
    }
    catch (err) {
        if (!(err instanceof core/* AstlError */.Ht))
            throw err;
        policyFailure = policyErrorReasons(err, input.names ?? core/* ACTION_INPUTS */.bn);
    }
    const set = policies ?? { path: input.policyPath, deploy: [], agent: [] };
    const agentType = input.agentType ?? agentTypeFromRegistry(input, warn);
    const limit = policies ? budgetLimit({ agent: input.agent, action: input.action }, set) : undefined;
    const platform = platformFor(input, deps);
    let githubMs = 0;
    const counting = (async () => {
        if (limit === undefined)
            return undefined;
        if (!platform) {
            return {
                error: input.gitlab
                    ? 'no GitLab API client was given, so deploys cannot be counted'
                    : input.github
                        ? 'no github-token was given (or GITHUB_REPOSITORY is not set), so deploys cannot be counted'
                        : 'this run is neither a GitHub Actions nor a GitLab job, so deploys cannot be counted',
            };
        }
        const t = performance.now();
        try {
            const used = await platform.countRecentDeploys(input.agent, new Date(timestamp.getTime() - 24 * 3600 * 1000));
            return { used };
        }
        catch (err) {
            return { error: errorText(err) };
        }
        finally {
            githubMs += performance.now() - t;
        }
    })();
    const [images, budget] = await Promise.all([resolving, counting]);
    const request = {
        agent: input.agent,
        action: input.action,
        environment: input.environment,
        images,
        params: input.params,
    };
    if (agentType !== undefined)
        request.agentType = agentType;
    if (input.replicas !== undefined)
        request.replicas = input.replicas;
    const context = {
        platform: platform?.name ?? (input.gitlab ? 'gitlab' : input.github ? 'github' : 'none'),
    };
    if (budget)
        context.budget = budget;
    let evalMs = 0;
    const timedDecide = () => {
        const t = performance.now();
        const d = decide(request, set, context);
        evalMs += performance.now() - t;
        return d;
    };
    let decision = timedDecide();
    if (decision.decision === 'approval_needed') {
        if (!platform && !input.github && !input.gitlab) {
            // Neither platform (a laptop): no approval can exist, so the answer is approval_needed.
            context.approval = {};
        }
        else if (!platform || platform.approvalsUnavailable) {
            context.approval = {
                error: platform?.approvalsUnavailable ??
                    (input.gitlab
                        ? 'no GitLab API client was given, so approvals cannot be read'
                        : 'no github-token was given (or GITHUB_REPOSITORY / GITHUB_RUN_ID are not set), so approvals cannot be read'),
            };
        }
        else {
            const t = performance.now();
            try {
                context.approval = await platform.findApproval(input.environment, input.agent);
            }
            catch (err) {
                context.approval = { error: errorText(err) };
            }
            githubMs += performance.now() - t;
        }
        decision = timedDecide();
    }
    if (policyFailure) {
        // NO_POLICY would only repeat that the policy did not load.
        const others = decision.reasons.filter((r) => r.code !== 'NO_POLICY');
        decision.reasons.splice(0, decision.reasons.length, ...policyFailure.reasons, ...others);
        decision.decision = 'deny';
    }
    if (decision.decision === 'allow' &&
        input.mode === 'enforce' &&
        platform &&
        (decision.needsBudget || !platform.recordOnlyForBudgets)) {
        const t = performance.now();
        try {
            await platform.recordDeployment({
                agent: input.agent,
                action: input.action,
                environment: input.environment,
                decisionId,
                images: images.map((i) => i.pinned ?? i.input),
            });
        }
        catch (err) {
            if (decision.needsBudget) {
                // An unrecorded deploy would not count against the budget later: fail closed.
                decision.decision = 'deny';
                decision.reasons.push({
                    code: 'DEPLOYMENT_RECORD_FAILED',
                    rule: `${matchingRules(request, set).find((r) => r.maxPerDay !== undefined)?.keyAt.max_per_day ?? input.policyPath} max_per_day`,
                    message: `the allowed deploy could not be recorded, so the budget could not count it: ${errorText(err)}. ${platform.recordFix}`,
                });
            }
            else {
                warn(`the allowed deploy was not recorded as a ${platform.name === 'gitlab' ? 'GitLab' : 'GitHub'} deployment: ${errorText(err)}`);
            }
        }
        githubMs += performance.now() - t;
    }
    const record = {
        decision_id: decisionId,
        timestamp: timestamp.toISOString(),
        decision: decision.decision,
        mode: input.mode,
        enforced: input.mode === 'enforce',
        policy: { path: input.policyPath, sha256: policies?.sha256 ?? null, files: policies?.files ?? [] },
        request: {
            agent: input.agent,
            agent_type: agentType ?? null,
            action: input.action,
            environment: input.environment,
            images: input.images,
            replicas: input.replicas ?? null,
            params: redactParams(input.params),
        },
        images: imageEntries(images),
        reasons: decision.reasons,
        checks_passed: decision.decision === 'allow' ? decision.passed : [],
        budget: decision.budget ? { limit: decision.budget.limit, used: budget?.used ?? null } : null,
        approval: decision.approval.approvedBy
            ? { required: decision.approval.required, approved_by: decision.approval.approvedBy }
            : { required: decision.approval.required },
        metrics: {
            timer_resolve_ms: round(resolveMs),
            timer_eval_ms: round(evalMs),
            timer_github_ms: round(githubMs),
            timer_total_ms: round(performance.now() - started),
        },
        ci: input.ci,
    };
    return { decision, record, policyErrors: policyFailure?.errors ?? [], images };
}
function round(ms) {
    return Math.round(ms * 1000) / 1000;
}
function errorText(err) {
    if (err instanceof core/* AstlError */.Ht)
        return `${err.message}${err.hint ? ` (${err.hint})` : ''}`;
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./packages/gate/github.ts

const PERMISSION = {
    approvals: {
        code: 'APPROVAL_CHECK_FAILED',
        permission: 'actions: read',
        what: "reading the run's approvals",
    },
    'deployments-read': {
        code: 'BUDGET_CHECK_FAILED',
        permission: 'deployments: read',
        what: "counting the agent's deployments",
    },
    'deployments-write': {
        code: 'DEPLOYMENT_RECORD_FAILED',
        permission: 'deployments: write',
        what: 'recording the allowed deploy as a deployment',
    },
};
const MAX_DEPLOYMENT_PAGES = 10;
/** The most one GitHub API answer may hold (100 deployments with payloads are far less). */
const MAX_API_BODY_BYTES = 8 * 1024 * 1024;
function statusOf(err) {
    const status = err?.status;
    return typeof status === 'number' ? status : undefined;
}
function bodyTooLarge(err) {
    for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
        if (e instanceof core/* BodyTooLargeError */.Au)
            return e;
    }
    return undefined;
}
function isRetryable(err) {
    if (bodyTooLarge(err))
        return false;
    const status = statusOf(err);
    if (status !== undefined && status !== 500)
        return (0,core/* isRetryableStatus */.PS)(status);
    // Octokit reports transport faults as status 500 with the fetch error as cause.
    return status === 500 || (0,core/* isNetworkFault */.d$)(err);
}
class GitHubClient {
    options;
    octokitPromise;
    o;
    constructor(options) {
        this.options = options;
        this.o = {
            deadlineMs: options.deadlineMs ?? 30_000,
            attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
            attempts: options.attempts ?? 4,
            baseDelayMs: options.baseDelayMs ?? 250,
        };
    }
    /** Octokit is loaded on first use: most gate runs that need no GitHub call never parse it. */
    get octokit() {
        this.octokitPromise ??= __webpack_require__.e(/* import() */ 51).then(__webpack_require__.bind(__webpack_require__, 5051)).then(({ Octokit }) => new Octokit({
            auth: this.options.token,
            baseUrl: (this.options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
            userAgent: 'astl-agent-credentials-gate',
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
            // Every answer is capped while it streams, so a hostile API cannot fill memory.
            request: {
                fetch: (0,core/* cappedFetch */.Ul)(this.options.fetch ?? fetch, MAX_API_BODY_BYTES, 'the GitHub API answer'),
            },
        }));
        return this.octokitPromise;
    }
    async call(operation, what, op) {
        const meta = PERMISSION[operation];
        try {
            return await (0,core/* withRetry */.bD)((signal) => op(signal), {
                attempts: this.o.attempts,
                baseDelayMs: this.o.baseDelayMs,
                maxDelayMs: 4_000,
                attemptTimeoutMs: this.o.attemptTimeoutMs,
                deadline: new core/* Deadline */.B2(this.o.deadlineMs),
                what,
                isRetryable,
            });
        }
        catch (err) {
            const last = err instanceof core/* RetryExhaustedError */.aB ? err.lastError : err;
            const tooLarge = bodyTooLarge(last);
            if (tooLarge) {
                throw new core/* AstlError */.Ht(`${what}: ${tooLarge.message}`, {
                    code: meta.code,
                    hint: 'the GitHub API (GITHUB_API_URL) sent an answer far larger than any it should; the gate fails closed. Check GITHUB_API_URL',
                    cause: err,
                });
            }
            const status = statusOf(last);
            if (status === 401 || status === 403) {
                throw new core/* AstlError */.Ht(`${what} was refused (HTTP ${status}) while ${meta.what}`, {
                    code: meta.code,
                    hint: `give the job's token \`${meta.permission}\`: add \`permissions: { ${meta.permission} }\` to the job, or pass a github-token that has it`,
                    cause: err,
                });
            }
            if (status === 404) {
                throw new core/* AstlError */.Ht(`${what} answered 404 Not Found while ${meta.what}`, {
                    code: meta.code,
                    hint: `check GITHUB_REPOSITORY and the run id; on a private repository a 404 also means the token lacks \`${meta.permission}\``,
                    cause: err,
                });
            }
            const message = err instanceof core/* RetryExhaustedError */.aB ? err.message : `${what} failed: ${(0,core/* describeFault */.Qx)(err)}`;
            throw new core/* AstlError */.Ht(message, {
                code: meta.code,
                hint: 'the GitHub API could not be reached; the gate fails closed. Re-run the job; check GITHUB_API_URL on GitHub Enterprise Server',
                cause: err,
            });
        }
    }
    /**
     * The login of someone (not the agent) who approved this run for `environment`, or undefined.
     * A rejection for the environment wins over any approval.
     */
    async findApproval(q) {
        const reviews = await this.call('approvals', `GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`, async (signal) => (await (await this.octokit).request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
            owner: q.owner,
            repo: q.repo,
            run_id: Number(q.runId),
            request: { signal },
        })).data);
        if (!Array.isArray(reviews))
            throw notAList('approvals', `GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`);
        const excluded = new Set(q.agentLogins.map((l) => l.toLowerCase()));
        let approvedBy;
        for (const review of reviews) {
            const names = (review.environments ?? []).map((e) => e.name);
            if (!names.includes(q.environment))
                continue;
            const login = review.user?.login;
            if (review.state === 'rejected')
                return undefined;
            if (review.state === 'approved' && login && !excluded.has(login.toLowerCase()))
                approvedBy ??= login;
        }
        return approvedBy;
    }
    /** Deployments the gate recorded as allowed for `agent` since `since` (newest first, paginated). */
    async countRecentDeploys(q) {
        let count = 0;
        for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page++) {
            const deployments = await this.call('deployments-read', `GET /repos/${q.owner}/${q.repo}/deployments`, async (signal) => (await (await this.octokit).request('GET /repos/{owner}/{repo}/deployments', {
                owner: q.owner,
                repo: q.repo,
                per_page: 100,
                page,
                ...(q.environment ? { environment: q.environment } : {}),
                request: { signal },
            })).data);
            // A garbled answer must not count as "no deployments": that would reopen the budget.
            if (!Array.isArray(deployments))
                throw notAList('deployments-read', `GET /repos/${q.owner}/${q.repo}/deployments`);
            let older = false;
            for (const d of deployments) {
                if (new Date(d.created_at).getTime() < q.since.getTime()) {
                    older = true;
                    continue;
                }
                const payload = parsePayload(d.payload);
                if (payload?.agent === q.agent && payload.astl_decision === 'allow')
                    count++;
            }
            if (older || deployments.length < 100)
                return count;
        }
        throw new core/* AstlError */.Ht(`more than ${MAX_DEPLOYMENT_PAGES * 100} deployments in 24 h in ${q.owner}/${q.repo}; the gate stops counting and fails closed`, { code: 'BUDGET_CHECK_FAILED', hint: 'lower the deploy rate, or clean up deployments' });
    }
    /** Records an allowed decision; the returned id is the deployment's. */
    async recordDeployment(q) {
        const created = await this.call('deployments-write', `POST /repos/${q.owner}/${q.repo}/deployments`, async (signal) => (await (await this.octokit).request('POST /repos/{owner}/{repo}/deployments', {
            owner: q.owner,
            repo: q.repo,
            ref: q.ref,
            environment: q.environment,
            task: 'deploy',
            auto_merge: false,
            required_contexts: [],
            description: `astl gate: ${q.action} by ${q.agent} allowed (${q.decisionId})`.slice(0, 140),
            payload: {
                agent: q.agent,
                action: q.action,
                astl_decision: 'allow',
                decision_id: q.decisionId,
                images: q.images,
            },
            request: { signal },
        })).data);
        return created.id;
    }
}
function notAList(operation, what) {
    const meta = PERMISSION[operation];
    return new core/* AstlError */.Ht(`${what} did not answer a JSON list while ${meta.what}`, {
        code: meta.code,
        hint: 'the GitHub API (GITHUB_API_URL) answered something unexpected; the gate fails closed. Re-run the job; check GITHUB_API_URL',
    });
}
function parsePayload(payload) {
    if (typeof payload === 'string') {
        try {
            const parsed = JSON.parse(payload);
            return parsed && typeof parsed === 'object' ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    }
    return payload && typeof payload === 'object' ? payload : undefined;
}

// EXTERNAL MODULE: ./packages/core/transport.ts
var transport = __webpack_require__(2873);
;// CONCATENATED MODULE: ./packages/gate/gitlab.ts
/**
 * The GitLab side of the gate, on GitLab's REST API v4 (https://docs.gitlab.com/api/deployments/):
 *
 * - approvals (approval_needed): deployment approvals of a protected environment. GitLab blocks a
 *   job that deploys to such an environment (`status: blocked`) until the required approvals are
 *   given; when the gate then runs inside that job, it reads its own deployment (the one whose
 *   `deployable.id` is CI_JOB_ID) with GET /projects/:id/deployments/:deployment_id, whose
 *   `approvals` name the approvers.
 * - budgets (max_per_day): every allowed decision is recorded as a deployment the gate creates
 *   itself (POST /projects/:id/deployments, status `success`) in the environment
 *   `astl-gate/<agent>`; the budget counts that environment's deployments created in the last
 *   24 h (GET …/deployments?environment=…&updated_after=…&order_by=updated_at, GitLab pairs the
 *   filter with that order). GitLab deployments carry no payload, so the environment name is what
 *   ties a record to its agent.
 *
 * Auth: CI_JOB_TOKEN (header JOB-TOKEN; GitLab 16.2+ lets it read and create deployments with the
 * pipeline user's role: Reporter to read, Developer to create) or an access token (header
 * PRIVATE-TOKEN; `read_api` to read, `api` to create). Every call has a per-attempt timeout and
 * an overall deadline, and is retried with jitter on 5xx, 429 and network faults only. Failures
 * are AstlErrors with the gate's reason codes and a GitLab-specific fix; nothing is guessed.
 */



/** The environment whose deployments are the gate's records of allowed decisions for `agent`. */
function budgetEnvironment(agent) {
    return `astl-gate/${agent}`;
}
const OPERATION = {
    approvals: {
        code: 'APPROVAL_CHECK_FAILED',
        what: "reading this job's deployment approvals",
        needs: 'read deployments (CI_JOB_TOKEN of a Reporter, or an access token with read_api)',
    },
    'deployments-read': {
        code: 'BUDGET_CHECK_FAILED',
        what: "counting the agent's recorded deploys",
        needs: 'read deployments (CI_JOB_TOKEN of a Reporter, or an access token with read_api)',
    },
    'deployments-write': {
        code: 'DEPLOYMENT_RECORD_FAILED',
        what: 'recording the allowed deploy as a deployment',
        needs: 'create deployments and environments (CI_JOB_TOKEN of a Developer, or an access token with the api scope)',
    },
};
const PER_PAGE = 100;
/** The most one GitLab API answer may hold (100 deployments are far less). */
const gitlab_MAX_API_BODY_BYTES = 8 * 1024 * 1024;
const MAX_COUNT_PAGES = 10;
const MAX_LOOKUP_PAGES = 5;
/** An HTTP answer other than 2xx, with GitLab's `message` (or `error`) text. */
class GitLabHttpError extends Error {
    status;
    apiMessage;
    retryAfterMs;
    constructor(status, apiMessage, 
    /** The wait GitLab asked for (Retry-After on 429 and 503), in ms. */
    retryAfterMs) {
        super(`HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`);
        this.status = status;
        this.apiMessage = apiMessage;
        this.retryAfterMs = retryAfterMs;
        this.name = 'GitLabHttpError';
    }
}
function gitlab_isRetryable(err) {
    if (err instanceof GitLabHttpError)
        return (0,core/* isRetryableStatus */.PS)(err.status);
    return (0,core/* isNetworkFault */.d$)(err);
}
class GitLabClient {
    options;
    o;
    fetch;
    apiUrl;
    constructor(options) {
        this.options = options;
        this.o = {
            deadlineMs: options.deadlineMs ?? 30_000,
            attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
            attempts: options.attempts ?? 4,
            baseDelayMs: options.baseDelayMs ?? 250,
        };
        this.fetch = options.fetch ?? fetch;
        this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    }
    get authHeader() {
        const token = this.options.token ?? '';
        return this.options.tokenVariable === 'CI_JOB_TOKEN'
            ? { 'JOB-TOKEN': token }
            : { 'PRIVATE-TOKEN': token };
    }
    /** One request: JSON in, JSON out; a non-2xx answer is a GitLabHttpError. */
    async request(method, path, signal, body) {
        const res = await this.fetch(`${this.apiUrl}${path}`, {
            method,
            signal,
            headers: {
                accept: 'application/json',
                'user-agent': 'astl-agent-credentials-gate',
                ...this.authHeader,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await (0,core/* readTextCapped */.XS)(res, gitlab_MAX_API_BODY_BYTES, `the answer to ${method} ${path}`);
        if (!res.ok)
            throw new GitLabHttpError(res.status, apiMessage(text), (0,http/* parseRetryAfter */.mu)(res.headers.get('retry-after')));
        let data;
        try {
            data = text ? JSON.parse(text) : null;
        }
        catch {
            // A proxy's HTML page, not GitLab: not retryable, and not something to trust.
            throw new core/* AstlError */.Ht(`${method} ${path} answered ${res.status} with a body that is not JSON`, {
                code: 'GITLAB_API_INVALID',
            });
        }
        return { data, nextPage: res.headers.get('x-next-page') || undefined };
    }
    async call(operation, what, op) {
        const meta = OPERATION[operation];
        if (!this.options.token) {
            throw new core/* AstlError */.Ht(`no GitLab API token while ${meta.what}: ${this.options.tokenVariable} is empty`, {
                code: meta.code,
                hint: `the gate needs a token that can ${meta.needs}. Keep the agent-gate input \`token_variable: CI_JOB_TOKEN\` (GitLab 16.2+), or name a masked CI/CD variable that holds a project access token (--gitlab-token-env on the CLI)`,
            });
        }
        this.checkTransport(meta);
        try {
            return await (0,core/* withRetry */.bD)((signal) => op(signal), {
                attempts: this.o.attempts,
                baseDelayMs: this.o.baseDelayMs,
                maxDelayMs: 4_000,
                attemptTimeoutMs: this.o.attemptTimeoutMs,
                deadline: new core/* Deadline */.B2(this.o.deadlineMs),
                what,
                isRetryable: gitlab_isRetryable,
                // GitLab's rate limits answer 429 with Retry-After: wait that long, or stop at once when it
                // is past the deadline (core/retry).
                retryAfterMs: (err) => (err instanceof GitLabHttpError ? err.retryAfterMs : undefined),
            });
        }
        catch (err) {
            if (err instanceof core/* BodyTooLargeError */.Au) {
                throw new core/* AstlError */.Ht(`${err.message} while ${meta.what}`, {
                    code: meta.code,
                    cause: err,
                    hint: 'a GitLab API answer this large is not GitLab as the gate knows it; check CI_API_V4_URL. The gate fails closed',
                });
            }
            if (err instanceof core/* AstlError */.Ht)
                throw new core/* AstlError */.Ht(err.message, { code: meta.code, hint: err.hintSource, cause: err });
            const last = err instanceof core/* RetryExhaustedError */.aB ? err.lastError : err;
            const status = last instanceof GitLabHttpError ? last.status : undefined;
            const jobToken = this.options.tokenVariable === 'CI_JOB_TOKEN';
            if (status === 401 || status === 403) {
                throw new core/* AstlError */.Ht(`${what} was refused (HTTP ${status}) while ${meta.what}`, {
                    code: meta.code,
                    cause: err,
                    hint: jobToken
                        ? `CI_JOB_TOKEN acts with the role of the user who started the pipeline and must ${meta.needs}; on GitLab before 16.2, or with fine-grained job token permissions that leave deployments out, give the gate a project access token instead (agent-gate input token_variable)`
                        : `the token in ${this.options.tokenVariable} must ${meta.needs}; check that it has not expired`,
                });
            }
            if (status === 404) {
                throw new core/* AstlError */.Ht(`${what} answered 404 Not Found while ${meta.what}`, {
                    code: meta.code,
                    cause: err,
                    hint: `check CI_PROJECT_ID and CI_API_V4_URL; GitLab also answers 404 when the token (${this.options.tokenVariable}) cannot see the project`,
                });
            }
            if (status === 400) {
                throw new core/* AstlError */.Ht(`${what} was rejected as a bad request while ${meta.what}: ${(0,core/* describeFault */.Qx)(last)}`, {
                    code: meta.code,
                    cause: err,
                    hint: 'the GitLab instance may be older than the API this gate uses (GitLab 16.2+); the gate fails closed',
                });
            }
            const message = err instanceof core/* RetryExhaustedError */.aB ? err.message : `${what} failed: ${(0,core/* describeFault */.Qx)(err)}`;
            throw new core/* AstlError */.Ht(message, {
                code: meta.code,
                cause: err,
                hint: 'the GitLab API could not be reached; the gate fails closed. Re-run the job; check CI_API_V4_URL on a self-managed instance',
            });
        }
    }
    /** The token goes only to https, loopback http, or http the user allowed; else fail closed. */
    checkTransport(meta) {
        try {
            (0,transport/* checkCredentialTransport */.tD)(this.apiUrl, {
                what: 'CI_API_V4_URL',
                allowInsecure: this.options.allowInsecureHttp ?? false,
                optIn: 'the CI/CD variable ASTL_ALLOW_INSECURE_HTTP: "true"',
                sends: `the GitLab API token (${this.options.tokenVariable})`,
            });
        }
        catch (err) {
            const e = err;
            throw new core/* AstlError */.Ht(`CI_API_V4_URL: ${e.message} (while ${meta.what})`, {
                code: meta.code,
                cause: err,
                ...(e.hint ? { hint: e.hint } : {}),
            });
        }
    }
    project(id) {
        return `/projects/${encodeURIComponent(id)}`;
    }
    /**
     * The approval on this job's own deployment to `environment`. The job must deploy to that
     * environment (`environment:` in the job), which GitLab held until the approvals were given.
     * A rejection wins over any approval; a deployment still `blocked` has none.
     */
    async findApproval(q) {
        if (!q.jobId)
            return { why: 'CI_JOB_ID is not set, so this job has no deployment to read approvals from' };
        const base = `${this.project(q.projectId)}/deployments`;
        let deploymentId;
        for (let page = 1; page <= MAX_LOOKUP_PAGES && deploymentId === undefined; page++) {
            const query = new URLSearchParams({
                environment: q.environment,
                order_by: 'id',
                sort: 'desc',
                per_page: String(PER_PAGE),
                page: String(page),
            });
            const what = `GET ${base}?environment=${q.environment}`;
            const { data, nextPage } = await this.call('approvals', what, (signal) => this.request('GET', `${base}?${query}`, signal));
            const list = deploymentList(data, 'approvals', what);
            deploymentId = list.find((d) => deployableId(d) === q.jobId)?.id;
            if (!nextPage)
                break;
        }
        if (deploymentId === undefined) {
            return {
                why: `job ${q.jobId} has no deployment to '${q.environment}': run the gate in the job that deploys to '${q.environment}' (environment: ${q.environment}), so GitLab holds it for the environment's deployment approvals`,
            };
        }
        const what = `GET ${base}/${deploymentId}`;
        const { data } = await this.call('approvals', what, (signal) => this.request('GET', `${base}/${deploymentId}`, signal));
        // The answer must be the deployment asked for, of this job: an approval of another deployment
        // (a proxy's cache, a confused API) must not open this one.
        if (!isObject(data) || data.id !== deploymentId || deployableId(data) !== q.jobId) {
            throw new core/* AstlError */.Ht(`${what} did not answer with deployment ${deploymentId} of job ${q.jobId}`, {
                code: OPERATION.approvals.code,
                hint: 'the gate cannot trust an answer it cannot read and fails closed; check CI_API_V4_URL',
            });
        }
        const d = data;
        if (d.status === 'blocked') {
            return { deploymentId, why: `deployment ${deploymentId} is still blocked, waiting for approval` };
        }
        const rules = Array.isArray(d.approval_summary?.rules) ? d.approval_summary.rules : [];
        const approvals = [
            ...(Array.isArray(d.approvals) ? d.approvals : []),
            ...rules.flatMap((r) => isObject(r) && Array.isArray(r.deployment_approvals) ? r.deployment_approvals : []),
        ].filter(isObject);
        if (approvals.some((a) => a.status === 'rejected')) {
            return { deploymentId, why: `deployment ${deploymentId} was rejected` };
        }
        const excluded = new Set(q.excludedUsers.map((u) => u.toLowerCase()));
        const approver = approvals
            .filter((a) => a.status === 'approved')
            .map(approvalUser)
            .find((name) => name !== undefined && !excluded.has(name.toLowerCase()));
        if (approver)
            return { deploymentId, approvedBy: approver };
        return {
            deploymentId,
            why: approvals.length > 0
                ? `deployment ${deploymentId} is approved only by the agent or the pipeline's own user`
                : `deployment ${deploymentId} has no approvals: '${q.environment}' is not a protected environment with required deployment approvals`,
        };
    }
    /** Allowed decisions recorded for `agent` since `since` (deployments of astl-gate/<agent>). */
    async countRecentDeploys(q) {
        const base = `${this.project(q.projectId)}/deployments`;
        const environment = budgetEnvironment(q.agent);
        let count = 0;
        for (let page = 1; page <= MAX_COUNT_PAGES; page++) {
            const query = new URLSearchParams({
                environment,
                updated_after: q.since.toISOString(),
                order_by: 'updated_at',
                sort: 'desc',
                per_page: String(PER_PAGE),
                page: String(page),
            });
            const { data, nextPage } = await this.call('deployments-read', `GET ${base}?environment=${environment}`, (signal) => this.request('GET', `${base}?${query}`, signal));
            // A garbled answer must not count as "no deployments": that would reopen the budget.
            for (const d of deploymentList(data, 'deployments-read', `GET ${base}?environment=${environment}`)) {
                // GitLab returned it for the window (updated_after); without a readable created_at it is
                // counted, the safe direction. Only a record GitLab says did not happen is left out.
                const created = typeof d.created_at === 'string' ? Date.parse(d.created_at) : Number.NaN;
                if (!Number.isNaN(created) && created < q.since.getTime())
                    continue;
                if (!NOT_DEPLOYED.has(String(d.status)))
                    count++;
            }
            if (!nextPage)
                return count;
        }
        throw new core/* AstlError */.Ht(`more than ${MAX_COUNT_PAGES * PER_PAGE} recorded deploys in 24 h in ${environment}; the gate stops counting and fails closed`, { code: 'BUDGET_CHECK_FAILED', hint: 'lower the deploy rate, or lower max_per_day' });
    }
    /** Records an allowed decision as a `success` deployment of astl-gate/<agent>; returns its id. */
    async recordDeployment(q) {
        const base = `${this.project(q.projectId)}/deployments`;
        const { data } = await this.call('deployments-write', `POST ${base}`, (signal) => this.request('POST', base, signal, {
            environment: budgetEnvironment(q.agent),
            sha: q.sha,
            ref: q.ref,
            tag: q.tag,
            status: 'success',
        }));
        const id = data?.id;
        return typeof id === 'number' ? id : undefined;
    }
}
/** Deployment statuses that mean the deploy did not take place; any other status counts. */
const NOT_DEPLOYED = new Set(['failed', 'canceled', 'skipped']);
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The approver's username, when the approval names one as a non-empty string. */
function approvalUser(a) {
    const name = isObject(a.user) ? a.user.username : undefined;
    return typeof name === 'string' && name !== '' ? name : undefined;
}
/** `deployable.id` as a string (GitLab sends a number), or undefined. */
function deployableId(d) {
    const id = isObject(d) && isObject(d.deployable) ? d.deployable.id : undefined;
    return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}
/** The answer of a list endpoint, or a fail-closed error when it is not a list of objects. */
function deploymentList(data, operation, what) {
    if (Array.isArray(data) && data.every(isObject))
        return data;
    throw new core/* AstlError */.Ht(`${what} did not answer with a list of deployments`, {
        code: OPERATION[operation].code,
        hint: 'the gate cannot trust an answer it cannot read and fails closed; check CI_API_V4_URL',
    });
}
function apiMessage(body) {
    try {
        const parsed = JSON.parse(body);
        const m = parsed.message ?? parsed.error;
        const text = typeof m === 'string' ? m : m === undefined ? '' : JSON.stringify(m);
        return text.slice(0, 300);
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./packages/gate/index.ts










/***/ })

};
;