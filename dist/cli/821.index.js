export const id = 821;
export const ids = [821];
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

/***/ 636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ht: () => (/* reexport */ errors/* AstlError */.Ht),
  ci: () => (/* reexport */ errors/* AstlErrors */.ci),
  B2: () => (/* reexport */ Deadline),
  pO: () => (/* reexport */ Redactor),
  aB: () => (/* reexport */ RetryExhaustedError),
  kp: () => (/* reexport */ suggest/* closest */.k),
  JG: () => (/* reexport */ defaultSleep),
  Uc: () => (/* reexport */ errors/* describeError */.Uc),
  Qx: () => (/* reexport */ describeFault),
  a3: () => (/* reexport */ duration/* formatDuration */.a),
  j$: () => (/* reexport */ errors/* formatLocation */.j$),
  d$: () => (/* reexport */ isNetworkFault),
  PS: () => (/* reexport */ isRetryableStatus),
  E9: () => (/* reexport */ duration/* parseDuration */.E),
  hN: () => (/* reexport */ parseYaml),
  CW: () => (/* reexport */ validateWithSchema),
  bD: () => (/* reexport */ withRetry)
});

// UNUSED EXPORTS: YAML_LIMITS, YamlDoc, backoffDelay, editDistance, secretForms, typeName

// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
;// CONCATENATED MODULE: ./packages/core/redact.ts
/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 */
function secretForms(value) {
    if (value.length === 0)
        return [];
    const forms = new Set([value]);
    const b64 = Buffer.from(value, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(value, 'utf8').toString('base64url'));
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    // Values with newlines (private keys) are masked line by line, as the runner does.
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 8)
            forms.add(line);
    return [...forms].filter((f) => f.length >= 4);
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

;// CONCATENATED MODULE: ./packages/core/retry.ts
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
            const delayMs = Math.min(backoffDelay(attempt, o.baseDelayMs, o.maxDelayMs, random), o.deadline.remainingMs());
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

// EXTERNAL MODULE: ./packages/core/suggest.ts
var suggest = __webpack_require__(3142);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/core/yaml-source.ts
/**
 * YAML with positions: parse a file into documents that remember where every value came from,
 * and validate them against the JSON Schemas in schemas/ so that every error names file:line,
 * what was expected, and (for unknown keys) the closest known key.
 */




/** Hard caps so a hostile file cannot exhaust memory through aliases or sheer size. */
const YAML_LIMITS = { maxBytes: 5 * 1024 * 1024, maxAliasCount: 100, maxDocuments: 1000 };
class YamlDoc {
    file;
    doc;
    lines;
    value;
    constructor(file, doc, lines, value) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
        this.value = value;
    }
    /** Where the value at `path` starts; falls back to the nearest ancestor that exists. */
    locate(path) {
        const node = this.nodeAt(path, false);
        return this.at(node?.range?.[0]);
    }
    /** Where the key of the entry at `path` is written (for "unknown key" errors). */
    locateKey(path) {
        const node = this.nodeAt(path, true);
        return this.at(node?.range?.[0]);
    }
    at(offset) {
        if (offset === undefined)
            return { file: this.file };
        const { line, col } = this.lines.linePos(offset);
        return { file: this.file, line, column: col };
    }
    nodeAt(path, wantKey) {
        let node = this.doc.contents;
        let found = node;
        for (let i = 0; i < path.length; i++) {
            const seg = path[i];
            const last = i === path.length - 1;
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg));
                if (!pair)
                    return found;
                node = last && wantKey ? pair.key : pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
                node = node.items[seg];
            }
            else {
                return found;
            }
            if (node && typeof node === 'object' && 'range' in node)
                found = node;
            else
                return found;
        }
        return found;
    }
}
/** Parses every document of a YAML file; syntax errors become AstlErrors with file:line. */
function parseYaml(text, file) {
    if (Buffer.byteLength(text) > YAML_LIMITS.maxBytes) {
        throw new errors/* AstlError */.Ht(`${file} is larger than ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB`, {
            code: 'CONFIG_INVALID',
            location: { file },
            hint: 'split it into smaller files',
        });
    }
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > YAML_LIMITS.maxDocuments) {
        throw new errors/* AstlError */.Ht(`${file} holds more than ${YAML_LIMITS.maxDocuments} YAML documents`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const out = [];
    for (const doc of list) {
        const problem = doc.errors[0];
        if (problem) {
            const pos = lines.linePos(problem.pos[0]);
            throw new errors/* AstlError */.Ht(`invalid YAML: ${problem.message.split('\n')[0]}`, {
                code: 'YAML_SYNTAX',
                location: { file, line: pos.line, column: pos.col },
                hint: 'fix the YAML syntax (indentation, quotes, a ":" after each key)',
            });
        }
        let value;
        try {
            value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
        }
        catch (err) {
            throw new errors/* AstlError */.Ht(`invalid YAML: ${err.message}`, {
                code: 'YAML_SYNTAX',
                location: { file },
            });
        }
        if (doc.contents === null && value == null)
            continue; // empty document between `---`
        out.push(new YamlDoc(file, doc, lines, value));
    }
    return out;
}
const yaml_source_ajv = new ajv.Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap();
/**
 * Validates a document against a JSON Schema and turns Ajv's errors into located, actionable
 * ones. `what` names the file kind for messages ("agent registry", "AgentPolicy").
 */
function validateWithSchema(doc, schema, what, code = 'CONFIG_INVALID') {
    const validate = compiled.get(schema) ?? yaml_source_ajv.compile(schema);
    compiled.set(schema, validate);
    if (validate(doc.value))
        return [];
    const errors = [];
    const seen = new Set();
    for (const e of pruneErrors(validate.errors ?? [])) {
        const err = toAstlError(doc, e, what, code);
        const key = `${err.location?.line}:${err.message}`;
        if (!seen.has(key)) {
            seen.add(key);
            errors.push(err);
        }
    }
    return errors.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
}
/** Drops the umbrella errors of anyOf/oneOf/if when a more specific error explains them. */
function pruneErrors(errors) {
    const umbrella = new Set(['anyOf', 'oneOf', 'if', 'not']);
    const specific = errors.filter((e) => !umbrella.has(e.keyword));
    return specific.length > 0 ? specific : errors;
}
function pathOf(instancePath) {
    if (!instancePath)
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
function describePath(path) {
    if (path.length === 0)
        return 'the document';
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
function toAstlError(doc, e, what, code) {
    const path = pathOf(e.instancePath);
    const here = describePath(path);
    const parent = e.parentSchema;
    const expected = parent?.description ? ` (${parent.description})` : '';
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const known = Object.keys(parent?.properties ?? {});
            const guess = (0,suggest/* closest */.k)(key, known);
            return new errors/* AstlError */.Ht(`unknown key '${key}' in ${what}${path.length ? ` at ${here}` : ''}`, {
                code,
                location: doc.locateKey([...path, key]),
                hint: guess
                    ? `did you mean '${guess}'? (keys are case-sensitive)`
                    : `known keys here: ${known.join(', ') || '(none)'}`,
            });
        }
        case 'required': {
            const key = String(e.params.missingProperty);
            const sub = parent?.properties?.[key];
            return new errors/* AstlError */.Ht(`${here} is missing required key '${key}'${sub?.description ? ` (${sub.description})` : ''}`, {
                code,
                location: doc.locate(path),
                hint: `add '${key}:' to ${here}`,
            });
        }
        case 'type':
            return new errors/* AstlError */.Ht(`${here} must be ${article(e.params.type)}, got ${typeName(e.data)}${expected}`, {
                code,
                location: doc.locate(path),
            });
        case 'enum': {
            const allowed = e.params.allowedValues;
            const guess = typeof e.data === 'string' ? (0,suggest/* closest */.k)(e.data, allowed.map(String)) : undefined;
            return new errors/* AstlError */.Ht(`${here} is ${JSON.stringify(e.data)}; expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, {
                code,
                location: doc.locate(path),
                hint: guess ? `did you mean ${JSON.stringify(guess)}?` : undefined,
            });
        }
        case 'pattern':
        case 'format':
            return new errors/* AstlError */.Ht(`${here} is ${JSON.stringify(e.data)}, which is not valid${expected}`, {
                code,
                location: doc.locate(path),
                hint: parent?.examples?.length
                    ? `for example: ${parent.examples.map((x) => JSON.stringify(x)).join(', ')}`
                    : undefined,
            });
        default:
            return new errors/* AstlError */.Ht(`${here} ${e.message ?? 'is invalid'}${expected}`, {
                code,
                location: doc.locate(path),
            });
    }
}
/** Ajv reports a union type as an array (`["string", "integer"]`) or a comma list. */
function article(type) {
    const text = (Array.isArray(type) ? type : type.split(',')).join(' or ');
    return /^[aeiou]/.test(text) ? `an ${text}` : `a ${text}`;
}
function typeName(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

;// CONCATENATED MODULE: ./packages/core/index.ts








/***/ }),

/***/ 3821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _packages_core_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(636);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1604);
/**
 * `astl revoke`: the after_script half of `astl credentials`. Revokes the Vault token (child
 * tokens and leases go with it), says when the AWS session expires (STS sessions cannot be
 * revoked one by one), then deletes the env and state files. A revocation problem is a warning:
 * it never fails the job, since after_script runs when the job's outcome is already decided.
 */






const spec = {
    name: 'revoke',
    summary: 'revoke what `astl credentials` minted and delete its files',
    usage: 'astl revoke --state FILE [--audit FILE]',
    flags: {
        state: { type: 'string', value: 'FILE', description: 'state file written by astl credentials' },
        audit: {
            type: 'string',
            value: 'FILE',
            description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
        },
    },
    examples: [
        'astl revoke --state .astl/state.json   # in after_script, which runs even when the script fails',
    ],
    notes: ['Exit code 0 unless the command line is wrong (3): a failed revocation is a warning.'],
};
async function run(args, io) {
    // Relative to the working directory: GitLab runs every script in the project directory.
    const base = io.cwd;
    const inBase = (p) => ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, p));
    const stateFile = inBase((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .required */ .mw)(args, spec, 'state'));
    const auditFile = inBase((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'audit') || '.astl/audit.jsonl');
    const redactor = new _packages_core_index_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .pO();
    const say = (text) => io.err(redactor.redact(text));
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(stateFile)) {
        io.out(`nothing to revoke: ${(0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'state')} does not exist (no credentials were issued)`);
        return _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
    }
    const { applyAuditLevel, createProviderBackends, parseRevocationState, revokeCredentials, toJsonLines } = await Promise.all(/* import() */[__webpack_require__.e(606), __webpack_require__.e(458), __webpack_require__.e(962)]).then(__webpack_require__.bind(__webpack_require__, 4581));
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(stateFile, 'utf8');
    const state = parseRevocationState(text);
    const envFile = (() => {
        try {
            const f = JSON.parse(text).cli?.envFile;
            return typeof f === 'string' ? f : undefined;
        }
        catch {
            return undefined;
        }
    })();
    if (state?.vault?.token)
        redactor.add(state.vault.token);
    try {
        if (!state) {
            say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: ${(0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'state')} is not an astl state file; nothing revoked`);
            return _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
        }
        const result = await revokeCredentials(state, {
            registerSecret: (v) => redactor.add(v),
            logger: {
                info: (m) => say(m),
                warning: (m) => say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: ${m}`),
                debug: (m) => {
                    if (io.env.ASTL_DEBUG)
                        say(`debug: ${m}`);
                },
            },
        }, createProviderBackends());
        for (const w of result.warnings)
            say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: ${w}`);
        const events = applyAuditLevel(result.audit, state.auditLevel);
        if (events.length > 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(auditFile), { recursive: true, mode: 0o700 });
        if (events.length > 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(auditFile, redactor.redact(toJsonLines(events)), { mode: 0o600 });
        const lines = [`revocation for agent ${result.agent} (correlation id ${result.correlationId})`];
        for (const e of result.entries)
            lines.push(`  ${e.provider.padEnd(6)} ${e.outcome}: ${e.message}`);
        io.out(redactor.redact(lines.join('\n')));
    }
    catch (err) {
        say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: revocation failed: ${(0,_packages_core_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
    }
    finally {
        // The files hold the secrets; they go whatever happened above.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(stateFile, { force: true });
        if (envFile)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(envFile, { force: true });
    }
    return _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
}


/***/ })

};
