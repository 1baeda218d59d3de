"use strict";
exports.id = 166;
exports.ids = [166,668,202];
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


/***/ }),

/***/ 6668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AUDIT_FILE_NAME: () => (/* binding */ AUDIT_FILE_NAME),
/* harmony export */   applyAuditLevel: () => (/* binding */ applyAuditLevel),
/* harmony export */   auditEvent: () => (/* binding */ auditEvent),
/* harmony export */   toJsonLines: () => (/* binding */ toJsonLines)
/* harmony export */ });
const AUDIT_FILE_NAME = 'astl-audit.jsonl';
function auditEvent(i) {
    const event = {
        timestamp: i.now.toISOString(),
        agent: i.agent,
        action: i.action,
        target: i.target,
        intent: i.intent,
        policy: i.policy,
        correlation_id: i.correlationId,
    };
    if (i.detail && Object.keys(i.detail).length > 0)
        event.detail = i.detail;
    return event;
}
/** The events the agent's audit level keeps. */
function applyAuditLevel(events, level) {
    return events.flatMap((e) => {
        if (e.action === 'credentials.refused')
            return [e];
        if (level === 'none')
            return [];
        if (level === 'minimal') {
            const { detail: _dropped, ...rest } = e;
            return [rest];
        }
        return [e];
    });
}
/** One JSON object a line, newline-terminated (JSON Lines). */
function toJsonLines(events) {
    return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}


/***/ }),

/***/ 4569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_REVOKE_DEADLINE_MS: () => (/* binding */ DEFAULT_REVOKE_DEADLINE_MS),
/* harmony export */   issuedBeforeFailure: () => (/* binding */ issuedBeforeFailure),
/* harmony export */   issuedCredentials: () => (/* binding */ issuedCredentials),
/* harmony export */   parseRevocationState: () => (/* binding */ parseRevocationState),
/* harmony export */   revokeCredentials: () => (/* binding */ revokeCredentials),
/* harmony export */   stateSecrets: () => (/* binding */ stateSecrets)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4066);
/* harmony import */ var _audit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6668);
/* harmony import */ var _providers_revokers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7365);
/**
 * The post step's work: revoke what can be revoked, say plainly what cannot, never fail the job.
 * Each provider revokes its own part of the saved state (Vault: auth/token/revoke-self; AWS: STS
 * sessions cannot be revoked one by one, so it says when the session expires), last minted first.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).




const DEFAULT_REVOKE_DEADLINE_MS = 20_000;
/** The saved state of `provider`, if the main step saved one. */
function stateOf(state, provider) {
    return state[provider.name];
}
/**
 * Every secret in a saved state (the Vault token), for masking before anything else runs. Only
 * non-empty strings count; a provider whose saved state is malformed contributes none (its
 * revocation then fails on its own, see revokeOne) rather than stopping the others.
 */
function stateSecrets(state, providers = (0,_providers_revokers_js__WEBPACK_IMPORTED_MODULE_2__.defaultRevokers)()) {
    return providers.flatMap((p) => {
        const s = stateOf(state, p);
        if (s === undefined)
            return [];
        try {
            return p.stateSecrets(s).filter((v) => typeof v === 'string' && v.length > 0);
        }
        catch {
            return [];
        }
    });
}
/**
 * What a mint that failed had really issued, by the providers' saved states (a provider saves
 * its state only once its credential exists). Empty when the failure came before any credential:
 * a refused request, an OIDC token that could not be had, a login that was refused.
 */
function issuedCredentials(state, providers = (0,_providers_revokers_js__WEBPACK_IMPORTED_MODULE_2__.defaultRevokers)()) {
    if (!state)
        return [];
    return providers.flatMap((p) => {
        const saved = stateOf(state, p);
        return saved === undefined ? [] : [{ provider: p.name, label: p.label, target: p.revokeTarget(saved) }];
    });
}
/**
 * One sentence naming what was issued before a failure and how it is revoked (`then`: "the post
 * step revokes it", "'astl revoke --state F' revokes it"); undefined when nothing was issued.
 */
function issuedBeforeFailure(issued, then) {
    if (issued.length === 0)
        return undefined;
    const list = issued.map((i) => `${i.label} (${i.target})`).join(' and ');
    return `Issued before the failure: ${list}; ${then}.`;
}
/**
 * Revokes what `state` records, through `providers` (default: every registered provider), in
 * reverse mint order. A provider that fails yields a `failed` entry and a warning, never a throw.
 */
async function revokeCredentials(state, deps, providers = (0,_providers_revokers_js__WEBPACK_IMPORTED_MODULE_2__.defaultRevokers)(), options = { revoke: true }) {
    const now = deps.now ?? (() => new Date());
    const deadline = new _core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .Deadline */ .B2(deps.deadlineMs ?? DEFAULT_REVOKE_DEADLINE_MS);
    const log = deps.logger;
    for (const secret of stateSecrets(state, providers))
        deps.registerSecret(secret);
    const done = [];
    for (const provider of [...providers].reverse()) {
        const saved = stateOf(state, provider);
        if (saved === undefined)
            continue;
        done.push(await revokeOne(provider, saved, { revoke: options.revoke, deadline, log, now }, options));
    }
    const entries = done.map((d) => d.entry);
    const warnings = entries.filter((e) => e.outcome === 'failed').map((e) => e.message);
    const audit = done.map(({ entry: e, target }) => (0,_audit_js__WEBPACK_IMPORTED_MODULE_3__.auditEvent)({
        agent: state.agent,
        action: 'credentials.revoke',
        target,
        intent: state.purpose,
        policy: state.policy,
        correlationId: state.correlationId,
        now: now(),
        detail: { provider: e.provider, outcome: e.outcome, expires_at: e.expiresAt, message: e.message },
    }));
    return { agent: state.agent, correlationId: state.correlationId, entries, warnings, audit };
}
/**
 * One provider's revocation and its audit target. Whatever goes wrong, a malformed saved state
 * included, becomes a `failed` entry here, so the providers after it are still revoked.
 */
async function revokeOne(provider, saved, ctx, options) {
    const refusal = options.refusals?.[provider.name];
    let target = `${provider.name}:unknown`;
    try {
        target = provider.revokeTarget(saved);
        const entry = await provider.revoke(saved, { ...ctx, ...(refusal ? { refusal } : {}) });
        return { entry: { ...entry, label: provider.label }, target };
    }
    catch (err) {
        // A TypeError here is a saved state of the wrong shape (the runner's state was edited).
        const reason = err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht
            ? err.message
            : err instanceof TypeError
                ? `its saved state is not what the main step writes: ${err.message}`
                : (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFault */ .Qx)(err);
        const expiresAt = saved?.expiresAt;
        return {
            entry: {
                provider: provider.name,
                label: provider.label,
                identity: provider.label,
                outcome: 'failed',
                message: `could not revoke (${reason})`,
                expiresAt: typeof expiresAt === 'string' ? expiresAt : '',
            },
            target,
        };
    }
}
/** Parses saved state; anything unexpected means "nothing to revoke", not a crash. */
function parseRevocationState(text) {
    if (!text)
        return undefined;
    try {
        const v = JSON.parse(text);
        if (v && v.version === 1 && typeof v.agent === 'string' && typeof v.correlationId === 'string')
            return v;
    }
    catch {
        // fall through
    }
    return undefined;
}


/***/ })

};
;