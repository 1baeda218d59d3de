"use strict";
exports.id = 202;
exports.ids = [202];
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


/***/ })

};
;