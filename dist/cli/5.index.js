"use strict";
exports.id = 5;
exports.ids = [5,167];
exports.modules = {

/***/ 5724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bn: () => (/* reexport */ settings/* ACTION_INPUTS */.bn),
  Ht: () => (/* reexport */ errors/* AstlError */.Ht),
  ci: () => (/* reexport */ errors/* AstlErrors */.ci),
  Au: () => (/* reexport */ BodyTooLargeError),
  B2: () => (/* reexport */ retry/* Deadline */.B2),
  jg: () => (/* reexport */ env_names/* ENV_NAME_PATTERN */.jg),
  aB: () => (/* reexport */ retry/* RetryExhaustedError */.aB),
  Ul: () => (/* reexport */ cappedFetch),
  $n: () => (/* reexport */ env_names/* checkEnvName */.$n),
  kp: () => (/* reexport */ suggest/* closest */.k),
  JG: () => (/* reexport */ retry/* defaultSleep */.JG),
  Qx: () => (/* reexport */ retry/* describeFault */.Qx),
  a3: () => (/* reexport */ duration/* formatDuration */.a),
  j$: () => (/* reexport */ errors/* formatLocation */.j$),
  lX: () => (/* reexport */ workspace_path/* inspectWorkspacePath */.lX),
  d$: () => (/* reexport */ retry/* isNetworkFault */.d$),
  Ld: () => (/* reexport */ workspace_path/* isPathProblem */.Ld),
  PS: () => (/* reexport */ retry/* isRetryableStatus */.PS),
  E9: () => (/* reexport */ duration/* parseDuration */.E),
  hN: () => (/* reexport */ yaml_source.parseYaml),
  oV: () => (/* reexport */ readBodyCapped),
  XS: () => (/* reexport */ readTextCapped),
  sL: () => (/* reexport */ workspace_path/* readWorkspaceFile */.sL),
  TO: () => (/* reexport */ env_names/* reservedEnvGroup */.TO),
  XI: () => (/* reexport */ workspace_path/* resolveWorkspacePath */.XI),
  CW: () => (/* reexport */ yaml_source/* validateWithSchema */.CW),
  bD: () => (/* reexport */ retry/* withRetry */.bD),
  O9: () => (/* reexport */ workspace_path/* workspaceScope */.O9)
});

// UNUSED EXPORTS: CONTROL_CHARACTERS, CREDENTIAL_URL_INVALID, PATH_OUTSIDE_WORKSPACE, RESERVED_ENV_GROUPS, Redactor, TRANSPORT_INSECURE, YAML_LIMITS, YamlDoc, annotationCommand, backoffDelay, checkCredentialTransport, cliFlags, describeError, editDistance, envNameProblem, escapeCommandData, escapeCommandProperty, findControlCharacter, firstDuplicateKey, gitLabFileVariableScope, hasGitSegment, isLoopbackHost, isNonSecretLine, markdownCode, markdownFacts, markdownFence, markdownMessage, markdownText, markdownTime, printable, renderSettingText, safeLine, safeLines, secretForms, spacedOut, suggestEnvName, typeName, workflowCommand, writeWorkspaceFile

// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/env-names.ts
var env_names = __webpack_require__(3362);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
;// CONCATENATED MODULE: ./packages/core/http-body.ts
/**
 * Response bodies read with a size cap while they stream: a hostile or broken server cannot make
 * the product hold more than the cap in memory, whatever its Content-Length says (absent, wrong
 * or huge). At the cap the stream is cancelled, which closes the connection.
 */

/** A body was larger than the cap (by its Content-Length, or by the bytes that arrived). */
class BodyTooLargeError extends errors/* AstlError */.Ht {
    what;
    maxBytes;
    constructor(what, maxBytes) {
        super(`${what} is larger than ${formatBytes(maxBytes)}; the answer was cut off and refused`, {
            code: 'BODY_TOO_LARGE',
        });
        this.what = what;
        this.maxBytes = maxBytes;
    }
}
function formatBytes(n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / 1024 / 1024} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
/**
 * Reads the whole body of `res`, at most `maxBytes` of it. Throws BodyTooLargeError (after
 * cancelling the body) when Content-Length announces more, or as soon as more has arrived.
 * `what` names the body in the error ("the manifest of ghcr.io/acme/app:1").
 */
async function readBodyCapped(res, maxBytes, what) {
    const announced = Number(res.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(announced) && announced > maxBytes) {
        await res.body?.cancel().catch(() => { });
        throw new BodyTooLargeError(what, maxBytes);
    }
    if (!res.body)
        return Buffer.alloc(0);
    const reader = res.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel().catch(() => { });
            throw new BodyTooLargeError(what, maxBytes);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks, total);
}
/** readBodyCapped as UTF-8 text. */
async function readTextCapped(res, maxBytes, what) {
    return (await readBodyCapped(res, maxBytes, what)).toString('utf8');
}
/**
 * A fetch for libraries that read bodies themselves (Octokit, which turns a failed body read
 * into an empty answer): it reads each body, at most `maxBytes`, before returning, and throws
 * BodyTooLargeError from fetch itself when there is more. Status, headers and url stay as the
 * server sent them. For JSON APIs only: it holds the whole body, as the library would.
 */
function cappedFetch(inner, maxBytes, what) {
    return async (input, init) => {
        const res = await inner(input, init);
        if (!res.body || [101, 204, 205, 304].includes(res.status))
            return res;
        const bytes = await readBodyCapped(res, maxBytes, `${what} (${res.url || 'response'})`);
        const copy = new Response(new Uint8Array(bytes), {
            status: res.status,
            statusText: res.statusText,
            headers: res.headers,
        });
        Object.defineProperty(copy, 'url', { value: res.url });
        return copy;
    };
}

// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
// EXTERNAL MODULE: ./packages/core/settings.ts
var settings = __webpack_require__(5927);
// EXTERNAL MODULE: ./packages/core/suggest.ts
var suggest = __webpack_require__(3142);
// EXTERNAL MODULE: ./packages/core/transport.ts
var transport = __webpack_require__(2873);
// EXTERNAL MODULE: ./packages/core/untrusted-text.ts
var untrusted_text = __webpack_require__(1372);
// EXTERNAL MODULE: ./packages/core/workspace-path.ts
var workspace_path = __webpack_require__(2073);
// EXTERNAL MODULE: ./packages/core/yaml-source.ts
var yaml_source = __webpack_require__(167);
;// CONCATENATED MODULE: ./packages/core/index.ts














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

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ validateWithSchema),
/* harmony export */   jt: () => (/* binding */ firstDuplicateKey),
/* harmony export */   parseYaml: () => (/* binding */ parseYaml)
/* harmony export */ });
/* unused harmony exports YAML_LIMITS, YamlDoc, typeName */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(425);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3142);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1372);




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
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(p) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(seg));
                if (!pair)
                    return found;
                node = last && wantKey ? pair.key : pair.value;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof seg === 'number') {
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
/**
 * The first mapping key written twice in a document (YAML 1.2 requires unique keys), as the
 * library reports it with `uniqueKeys: true` ("Map keys must be unique" at the second key), in
 * linear time: one set of scalar keys per mapping. Keys that are collections are not compared.
 */
function firstDuplicateKey(doc) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_key, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key))
                    continue;
                const id = `${typeof key.value}:${String(key.value)}`;
                if (seen.has(id)) {
                    const at = key.range?.[0] ?? 0;
                    found = {
                        message: `Map keys must be unique; "${String(key.value).slice(0, 80)}" is repeated`,
                        pos: [at, at + 1],
                    };
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                seen.add(id);
            }
            return undefined;
        },
    });
    return found;
}
/** Parses every document of a YAML file; syntax errors become AstlErrors with file:line. */
function parseYaml(text, file) {
    if (Buffer.byteLength(text) > YAML_LIMITS.maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${file} is larger than ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB`, {
            code: 'CONFIG_INVALID',
            location: { file },
            hint: 'split it into smaller files',
        });
    }
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // logLevel 'error': the library must not print warnings itself. Its one warning (a collection
    // used as a map key) quotes the key, and Node prints it to stderr unescaped, where the runner
    // reads `##[stop-commands]` in a registry or policy as a command.
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, {
        lineCounter: lines,
        prettyErrors: false,
        // The library's own check compares every key with every other one: a 1 MiB mapping of 80,000
        // keys takes a minute. firstDuplicateKey does the same job in linear time.
        uniqueKeys: false,
        logLevel: 'error',
    });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > YAML_LIMITS.maxDocuments) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${file} holds more than ${YAML_LIMITS.maxDocuments} YAML documents`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const out = [];
    for (const doc of list) {
        const problem = doc.errors[0] ?? firstDuplicateKey(doc);
        if (problem) {
            const pos = lines.linePos(problem.pos[0]);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`invalid YAML: ${problem.message.split('\n')[0]}`, {
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`invalid YAML: ${err.message}`, {
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
/**
 * Validates a document with a schema's compiled validator and turns its errors into located,
 * actionable ones. `what` names the file kind for messages ("agent registry", "AgentPolicy").
 */
function validateWithSchema(doc, validate, what, code = 'CONFIG_INVALID') {
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
    const umbrella = new Set(['anyOf', 'oneOf', 'if', 'not', 'propertyNames']);
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
    // A key refused by `propertyNames: {enum}`: Ajv reports the enum error with the key's name.
    const propertyName = e.propertyName;
    if (typeof propertyName === 'string' && e.keyword === 'enum') {
        const known = e.params.allowedValues.map(String);
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(propertyName, known);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`unknown key '${propertyName}' in ${what} at ${here}${expected}`, {
            code,
            location: doc.locateKey([...path, propertyName]),
            hint: guess
                ? `did you mean '${guess}'? (keys are case-sensitive)`
                : `known keys here: ${known.join(', ')}`,
        });
    }
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const known = Object.keys(parent?.properties ?? {});
            const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(key, known);
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`unknown key '${key}' in ${what}${path.length ? ` at ${here}` : ''}`, {
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is missing required key '${key}'${sub?.description ? ` (${sub.description})` : ''}`, {
                code,
                location: doc.locate(path),
                hint: `add '${key}:' to ${here}`,
            });
        }
        case 'type':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} must be ${article(e.params.type)}, got ${path.length === 0 ? typeName(e.data, false) : typeName(e.data)}${expected}`, {
                code,
                location: doc.locate(path),
            });
        case 'enum': {
            const allowed = e.params.allowedValues;
            const guess = typeof e.data === 'string' ? (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(e.data, allowed.map(String)) : undefined;
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is ${JSON.stringify(e.data)}; expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, {
                code,
                location: doc.locate(path),
                hint: guess ? `did you mean ${JSON.stringify(guess)}?` : undefined,
            });
        }
        case 'pattern':
        case 'format':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(JSON.stringify(e.data) ?? String(e.data))}, which is not valid${expected}`, {
                code,
                location: doc.locate(path),
                hint: parent?.examples?.length
                    ? `for example: ${parent.examples.map((x) => JSON.stringify(x)).join(', ')}`
                    : undefined,
            });
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} ${e.message ?? 'is invalid'}${expected}`, {
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
/**
 * How an error names a value's type: `a list`, `a mapping`, `string "read"`. With `showValue`
 * false only the type: a whole document that is one scalar is some other file (a `.env`, a
 * token file) named by mistake, and its first characters may be a secret.
 */
function typeName(v, showValue = true) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (!showValue)
        return `a ${typeof v}`;
    return `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}


/***/ }),

/***/ 1005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadRegistry: () => (/* binding */ loadRegistry),
  l5: () => (/* binding */ parseRegistry),
  fK: () => (/* binding */ registryEntrySnippet)
});

// UNUSED EXPORTS: MINIMAL_REGISTRY, REGISTRY_INVALID, registrySchema, sortByLine

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./schemas/agent-config.schema.json
const agent_config_schema_namespaceObject = {};
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
;// CONCATENATED MODULE: ./packages/core/schema-validators/agent-config.js
// Generated by scripts/schemas.mjs from schemas/agent-config.schema.json: do not edit.
const validate = validate10;/* harmony default export */ const agent_config = ((/* unused pure expression or super */ null && (validate10)));const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/agent-config.schema.json","title":"Agent registry (agent-config.yaml)","description":"The registry of every AI agent or bot allowed to obtain credentials in CI/CD. Keys are kebab-case.","type":"object","additionalProperties":false,"required":["agents"],"properties":{"agents":{"description":"Every registered agent; each name must be unique.","type":"array","items":{"description":"one registered agent","$ref":"#/definitions/agent"}}},"definitions":{"agent":{"description":"One registered agent.","type":"object","additionalProperties":false,"required":["name","type"],"properties":{"name":{"description":"unique agent name: lowercase letters, digits and '-', starting with a letter or digit","type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":63,"examples":["code-review-assistant"]},"type":{"description":"the agent's type; AgentPolicy documents apply by type (spec.agentTypes)","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$","examples":["coding-assistant","deploy-manager"]},"owner":{"description":"the human or team accountable for the agent; credentials are refused without one","examples":["platform-team","@acme/platform"],"if":{"type":"null"},"else":{"description":"the human or team accountable for the agent, one line of text without control characters; credentials are refused without one","type":"string","pattern":"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"}},"purpose":{"description":"why the agent exists; used when a credential request gives no purpose of its own","examples":["Automated code review and suggestions"],"if":{"type":"null"},"else":{"description":"why the agent exists, one line of text without control characters; used when a credential request gives no purpose of its own","type":"string","pattern":"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"}},"permissions":{"description":"declared needs, each a single `resource: access` pair","type":"array","items":{"description":"one `resource: access` pair, e.g. `repository: read`","type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"patternProperties":{"^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$":{"description":"access level: read, write, comment, admin, delete, ...","type":"string","pattern":"^[a-z*][a-z0-9_*-]*$","examples":["read","write","comment"]}},"examples":[{"repository":"read"},{"pull-requests":"comment"}]},"examples":[[{"repository":"read"},{"pull-requests":"comment"}]]},"credential-policy":{"description":"ephemeral or long-lived; this product only mints ephemeral credentials","type":"string","enum":["ephemeral","long-lived"]},"max-ttl":{"description":"optional cap on the lifetime of any credential minted for this agent: seconds (900), \"15m\", \"1h\", \"1h30m\"","examples":["1h","15m",3600],"if":{"type":"string"},"then":{"type":"string","description":"a duration: seconds (900 or \"900s\"), minutes (\"15m\"), hours (\"1h\"), days (\"1d\") or a combination (\"1h30m\")","pattern":"^\\s*(\\d+|(\\d+[smhd])+)\\s*$","examples":["15m","1h","1h30m","900"]},"else":{"description":"a duration: seconds (900 or \"900s\"), minutes (\"15m\"), hours (\"1h\"), days (\"1d\") or a combination (\"1h30m\")","type":"integer","minimum":1}},"audit-level":{"description":"how much is recorded about the agent's credential use (anything but full is flagged by the scanner)","type":"string","enum":["full","minimal","none"]},"credentials":{"description":"how the agent reaches clouds","type":"object","additionalProperties":false,"properties":{"aws":{"description":"AWS: STS AssumeRoleWithWebIdentity settings (action inputs override them key by key)","$ref":"#/definitions/aws"},"vault":{"description":"HashiCorp Vault: JWT auth settings and secret reads (action inputs override them key by key)","$ref":"#/definitions/vault"},"github":{"description":"GitHub: an App installation token limited to the agent's permissions and repositories, revoked after the job (action inputs github-app-id and github-app-private-key)","$ref":"#/definitions/github"}}}}},"aws":{"description":"AWS STS AssumeRoleWithWebIdentity settings","type":"object","additionalProperties":false,"required":["role-arn"],"properties":{"role-arn":{"description":"an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>","type":"string","pattern":"^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$","examples":["arn:aws:iam::111122223333:role/review-bot"]},"region":{"description":"AWS region of the STS endpoint and exported AWS_REGION","type":"string","pattern":"^[a-z]{2}(-[a-z]+)+-\\d+$","examples":["us-east-1","eu-west-2"]},"session-policy":{"description":"path (from the repository root) of an IAM policy JSON document that scopes the session down","type":"string","minLength":1,"examples":["policies/iam/review-bot-scope.json"]},"audience":{"description":"audience of the OIDC token presented to STS (default sts.amazonaws.com)","type":"string","minLength":1,"examples":["sts.amazonaws.com"]}}},"vault":{"description":"HashiCorp Vault JWT auth settings and secret reads","type":"object","additionalProperties":false,"required":["url","role"],"properties":{"url":{"description":"Vault address, http(s)://host[:port]","type":"string","pattern":"^https?://[^\\s/]+(/\\S*)?$","examples":["https://vault.example.com:8200"]},"role":{"description":"the JWT auth role to log in as","type":"string","minLength":1,"examples":["review-bot"]},"auth-path":{"description":"mount path of the JWT auth method (default jwt)","type":"string","pattern":"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$","examples":["jwt","jwt-github"]},"namespace":{"description":"Vault Enterprise namespace (empty for none)","type":"string","examples":["","admin/ci"]},"audience":{"description":"audience of the OIDC token presented to Vault (default the Vault url)","type":"string","minLength":1,"examples":["https://vault.example.com:8200"]},"secrets":{"description":"secrets to read after login","type":"array","items":{"description":"one secret read: the KV path as the HTTP API spells it, the key, and the environment variable to export it as","type":"object","additionalProperties":false,"required":["path","key","env"],"properties":{"path":{"description":"secret path as the HTTP API spells it (KV v2: <mount>/data/<path>)","type":"string","pattern":"^[^\\s/][^\\s]*$","examples":["secret/data/ci/review"]},"key":{"description":"key within the secret's data","type":"string","minLength":1,"examples":["token"]},"env":{"description":"environment variable name for the value: upper-case letters, digits and _; names that change how later programs run (PATH, LD_*, NODE_OPTIONS, GIT_*, GITHUB_*, AWS_*, ...) are refused, see docs/security.md","type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","examples":["REVIEW_TOKEN"]}}}}}},"github":{"description":"a GitHub App installation token: app-id (the key comes from the input github-app-private-key, or private-key in Vault), or an octo-sts compatible exchange (sts-url, scope, identity)","type":"object","additionalProperties":false,"properties":{"app-id":{"description":"the GitHub App's ID (or client ID); the input github-app-id overrides it","examples":["123456"],"if":{"type":"string"},"then":{"type":"string","description":"the App's numeric ID (\"123456\") or its client ID (\"Iv23li…\")","pattern":"^(\\d{1,12}|Iv[0-9A-Za-z.]{4,40})$"},"else":{"type":"integer","description":"the App's numeric ID","minimum":1}},"owner":{"description":"the account (organisation or user) whose repositories the token reaches; default the owner of GITHUB_REPOSITORY","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$","examples":["acme"]},"repositories":{"description":"repository names under the owner that the token reaches; default the current repository","type":"array","minItems":1,"uniqueItems":true,"items":{"description":"a repository name without the owner (GitHub has no repository named . or ..)","type":"string","pattern":"^(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$","examples":["app"]},"examples":[["app"]]},"permissions":{"description":"GitHub's permission names and levels for the token (read | write, admin where GitHub has it); default derived from the agent's permissions","$ref":"#/definitions/github-permissions"},"private-key":{"description":"the App's private key held in Vault, read with the agent's own Vault login (credentials.vault); instead of the input github-app-private-key","type":"object","additionalProperties":false,"required":["path","key"],"properties":{"path":{"description":"secret path as the HTTP API spells it (KV v2: <mount>/data/<path>)","type":"string","pattern":"^[^\\s/][^\\s]*$","examples":["secret/data/ci/github-app"]},"key":{"description":"key within the secret holding the PEM text","type":"string","minLength":1,"examples":["private-key"]}}},"sts-url":{"description":"an octo-sts compatible STS that exchanges the job's OIDC token for the token (instead of app-id); https","type":"string","pattern":"^https?://[^\\s/]+(/\\S*)?$","examples":["https://octo-sts.dev"]},"scope":{"description":"exchange: owner/repo (or owner) the token is for; default owner/repo when one repository is named, else owner","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100})?$","examples":["acme/app"]},"identity":{"description":"exchange: the trust policy's name (.github/chainguard/<identity>.sts.yaml); default the agent's name","type":"string","pattern":"^[A-Za-z0-9_.-]{1,100}$","examples":["review-bot"]},"audience":{"description":"exchange: audience of the OIDC token sent to the STS (default the sts-url's host)","type":"string","minLength":1,"examples":["octo-sts.dev"]}}},"github-permissions":{"description":"GitHub's permission names and levels for the token (read | write, admin where GitHub has it); default derived from the agent's permissions","type":"object","minProperties":1,"propertyNames":{"description":"a GitHub App permission name, as the REST API spells it (contents, pull_requests, ...)","enum":["actions","administration","checks","codespaces","contents","dependabot_secrets","deployments","environments","issues","metadata","packages","pages","pull_requests","repository_custom_properties","repository_hooks","repository_projects","secret_scanning_alerts","secrets","security_events","single_file","statuses","vulnerability_alerts","workflows","members","organization_administration","organization_custom_roles","organization_custom_org_roles","organization_custom_properties","organization_copilot_seat_management","organization_announcement_banners","organization_events","organization_hooks","organization_personal_access_tokens","organization_personal_access_token_requests","organization_plan","organization_projects","organization_packages","organization_secrets","organization_self_hosted_runners","organization_user_blocking","team_discussions","email_addresses","followers","git_ssh_keys","gpg_keys","interaction_limits","profile","starring"]},"additionalProperties":{"description":"read, write, or admin (repository_projects, organization_projects, organization_custom_properties)","type":"string","enum":["read","write","admin"]},"examples":[{"contents":"read","pull_requests":"write"}]}}};const schema12 = {"description":"One registered agent.","type":"object","additionalProperties":false,"required":["name","type"],"properties":{"name":{"description":"unique agent name: lowercase letters, digits and '-', starting with a letter or digit","type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":63,"examples":["code-review-assistant"]},"type":{"description":"the agent's type; AgentPolicy documents apply by type (spec.agentTypes)","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$","examples":["coding-assistant","deploy-manager"]},"owner":{"description":"the human or team accountable for the agent; credentials are refused without one","examples":["platform-team","@acme/platform"],"if":{"type":"null"},"else":{"description":"the human or team accountable for the agent, one line of text without control characters; credentials are refused without one","type":"string","pattern":"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"}},"purpose":{"description":"why the agent exists; used when a credential request gives no purpose of its own","examples":["Automated code review and suggestions"],"if":{"type":"null"},"else":{"description":"why the agent exists, one line of text without control characters; used when a credential request gives no purpose of its own","type":"string","pattern":"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"}},"permissions":{"description":"declared needs, each a single `resource: access` pair","type":"array","items":{"description":"one `resource: access` pair, e.g. `repository: read`","type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"patternProperties":{"^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$":{"description":"access level: read, write, comment, admin, delete, ...","type":"string","pattern":"^[a-z*][a-z0-9_*-]*$","examples":["read","write","comment"]}},"examples":[{"repository":"read"},{"pull-requests":"comment"}]},"examples":[[{"repository":"read"},{"pull-requests":"comment"}]]},"credential-policy":{"description":"ephemeral or long-lived; this product only mints ephemeral credentials","type":"string","enum":["ephemeral","long-lived"]},"max-ttl":{"description":"optional cap on the lifetime of any credential minted for this agent: seconds (900), \"15m\", \"1h\", \"1h30m\"","examples":["1h","15m",3600],"if":{"type":"string"},"then":{"type":"string","description":"a duration: seconds (900 or \"900s\"), minutes (\"15m\"), hours (\"1h\"), days (\"1d\") or a combination (\"1h30m\")","pattern":"^\\s*(\\d+|(\\d+[smhd])+)\\s*$","examples":["15m","1h","1h30m","900"]},"else":{"description":"a duration: seconds (900 or \"900s\"), minutes (\"15m\"), hours (\"1h\"), days (\"1d\") or a combination (\"1h30m\")","type":"integer","minimum":1}},"audit-level":{"description":"how much is recorded about the agent's credential use (anything but full is flagged by the scanner)","type":"string","enum":["full","minimal","none"]},"credentials":{"description":"how the agent reaches clouds","type":"object","additionalProperties":false,"properties":{"aws":{"description":"AWS: STS AssumeRoleWithWebIdentity settings (action inputs override them key by key)","$ref":"#/definitions/aws"},"vault":{"description":"HashiCorp Vault: JWT auth settings and secret reads (action inputs override them key by key)","$ref":"#/definitions/vault"},"github":{"description":"GitHub: an App installation token limited to the agent's permissions and repositories, revoked after the job (action inputs github-app-id and github-app-private-key)","$ref":"#/definitions/github"}}}}};const schema13 = {"description":"AWS STS AssumeRoleWithWebIdentity settings","type":"object","additionalProperties":false,"required":["role-arn"],"properties":{"role-arn":{"description":"an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>","type":"string","pattern":"^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$","examples":["arn:aws:iam::111122223333:role/review-bot"]},"region":{"description":"AWS region of the STS endpoint and exported AWS_REGION","type":"string","pattern":"^[a-z]{2}(-[a-z]+)+-\\d+$","examples":["us-east-1","eu-west-2"]},"session-policy":{"description":"path (from the repository root) of an IAM policy JSON document that scopes the session down","type":"string","minLength":1,"examples":["policies/iam/review-bot-scope.json"]},"audience":{"description":"audience of the OIDC token presented to STS (default sts.amazonaws.com)","type":"string","minLength":1,"examples":["sts.amazonaws.com"]}}};const schema14 = {"description":"HashiCorp Vault JWT auth settings and secret reads","type":"object","additionalProperties":false,"required":["url","role"],"properties":{"url":{"description":"Vault address, http(s)://host[:port]","type":"string","pattern":"^https?://[^\\s/]+(/\\S*)?$","examples":["https://vault.example.com:8200"]},"role":{"description":"the JWT auth role to log in as","type":"string","minLength":1,"examples":["review-bot"]},"auth-path":{"description":"mount path of the JWT auth method (default jwt)","type":"string","pattern":"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$","examples":["jwt","jwt-github"]},"namespace":{"description":"Vault Enterprise namespace (empty for none)","type":"string","examples":["","admin/ci"]},"audience":{"description":"audience of the OIDC token presented to Vault (default the Vault url)","type":"string","minLength":1,"examples":["https://vault.example.com:8200"]},"secrets":{"description":"secrets to read after login","type":"array","items":{"description":"one secret read: the KV path as the HTTP API spells it, the key, and the environment variable to export it as","type":"object","additionalProperties":false,"required":["path","key","env"],"properties":{"path":{"description":"secret path as the HTTP API spells it (KV v2: <mount>/data/<path>)","type":"string","pattern":"^[^\\s/][^\\s]*$","examples":["secret/data/ci/review"]},"key":{"description":"key within the secret's data","type":"string","minLength":1,"examples":["token"]},"env":{"description":"environment variable name for the value: upper-case letters, digits and _; names that change how later programs run (PATH, LD_*, NODE_OPTIONS, GIT_*, GITHUB_*, AWS_*, ...) are refused, see docs/security.md","type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","examples":["REVIEW_TOKEN"]}}}}}};const func2 = Object.prototype.hasOwnProperty;const func3 = ((exports) => {"use strict";
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

return exports;})({}).default;const pattern0 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");const pattern1 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]*$", "u");const pattern2 = new RegExp("^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$", "u");const pattern4 = new RegExp("^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$", "u");const pattern6 = new RegExp("^[a-z*][a-z0-9_*-]*$", "u");const pattern7 = new RegExp("^\\s*(\\d+|(\\d+[smhd])+)\\s*$", "u");const pattern8 = new RegExp("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$", "u");const pattern9 = new RegExp("^[a-z]{2}(-[a-z]+)+-\\d+$", "u");const pattern10 = new RegExp("^https?://[^\\s/]+(/\\S*)?$", "u");const pattern11 = new RegExp("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$", "u");const pattern12 = new RegExp("^[^\\s/][^\\s]*$", "u");const pattern13 = new RegExp("^[A-Z_][A-Z0-9_]*$", "u");const schema15 = {"description":"a GitHub App installation token: app-id (the key comes from the input github-app-private-key, or private-key in Vault), or an octo-sts compatible exchange (sts-url, scope, identity)","type":"object","additionalProperties":false,"properties":{"app-id":{"description":"the GitHub App's ID (or client ID); the input github-app-id overrides it","examples":["123456"],"if":{"type":"string"},"then":{"type":"string","description":"the App's numeric ID (\"123456\") or its client ID (\"Iv23li…\")","pattern":"^(\\d{1,12}|Iv[0-9A-Za-z.]{4,40})$"},"else":{"type":"integer","description":"the App's numeric ID","minimum":1}},"owner":{"description":"the account (organisation or user) whose repositories the token reaches; default the owner of GITHUB_REPOSITORY","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$","examples":["acme"]},"repositories":{"description":"repository names under the owner that the token reaches; default the current repository","type":"array","minItems":1,"uniqueItems":true,"items":{"description":"a repository name without the owner (GitHub has no repository named . or ..)","type":"string","pattern":"^(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$","examples":["app"]},"examples":[["app"]]},"permissions":{"description":"GitHub's permission names and levels for the token (read | write, admin where GitHub has it); default derived from the agent's permissions","$ref":"#/definitions/github-permissions"},"private-key":{"description":"the App's private key held in Vault, read with the agent's own Vault login (credentials.vault); instead of the input github-app-private-key","type":"object","additionalProperties":false,"required":["path","key"],"properties":{"path":{"description":"secret path as the HTTP API spells it (KV v2: <mount>/data/<path>)","type":"string","pattern":"^[^\\s/][^\\s]*$","examples":["secret/data/ci/github-app"]},"key":{"description":"key within the secret holding the PEM text","type":"string","minLength":1,"examples":["private-key"]}}},"sts-url":{"description":"an octo-sts compatible STS that exchanges the job's OIDC token for the token (instead of app-id); https","type":"string","pattern":"^https?://[^\\s/]+(/\\S*)?$","examples":["https://octo-sts.dev"]},"scope":{"description":"exchange: owner/repo (or owner) the token is for; default owner/repo when one repository is named, else owner","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100})?$","examples":["acme/app"]},"identity":{"description":"exchange: the trust policy's name (.github/chainguard/<identity>.sts.yaml); default the agent's name","type":"string","pattern":"^[A-Za-z0-9_.-]{1,100}$","examples":["review-bot"]},"audience":{"description":"exchange: audience of the OIDC token sent to the STS (default the sts-url's host)","type":"string","minLength":1,"examples":["octo-sts.dev"]}}};const schema16 = {"description":"GitHub's permission names and levels for the token (read | write, admin where GitHub has it); default derived from the agent's permissions","type":"object","minProperties":1,"propertyNames":{"description":"a GitHub App permission name, as the REST API spells it (contents, pull_requests, ...)","enum":["actions","administration","checks","codespaces","contents","dependabot_secrets","deployments","environments","issues","metadata","packages","pages","pull_requests","repository_custom_properties","repository_hooks","repository_projects","secret_scanning_alerts","secrets","security_events","single_file","statuses","vulnerability_alerts","workflows","members","organization_administration","organization_custom_roles","organization_custom_org_roles","organization_custom_properties","organization_copilot_seat_management","organization_announcement_banners","organization_events","organization_hooks","organization_personal_access_tokens","organization_personal_access_token_requests","organization_plan","organization_projects","organization_packages","organization_secrets","organization_self_hosted_runners","organization_user_blocking","team_discussions","email_addresses","followers","git_ssh_keys","gpg_keys","interaction_limits","profile","starring"]},"additionalProperties":{"description":"read, write, or admin (repository_projects, organization_projects, organization_custom_properties)","type":"string","enum":["read","write","admin"]},"examples":[{"contents":"read","pull_requests":"write"}]};const pattern14 = new RegExp("^(\\d{1,12}|Iv[0-9A-Za-z.]{4,40})$", "u");const pattern15 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$", "u");const pattern16 = new RegExp("^(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$", "u");const pattern19 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100})?$", "u");const pattern20 = new RegExp("^[A-Za-z0-9_.-]{1,100}$", "u");function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func2.call(schema15.properties, key0))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data["app-id"] !== undefined){let data0 = data["app-id"];const _errs3 = errors;let valid1 = true;const _errs4 = errors;if(typeof data0 !== "string"){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var _valid0 = _errs4 === errors;errors = _errs3;if(vErrors !== null){if(_errs3){vErrors.length = _errs3;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs6 = errors;if(typeof data0 === "string"){if(!pattern14.test(data0)){const err2 = {instancePath:instancePath+"/app-id",schemaPath:"#/properties/app-id/then/pattern",keyword:"pattern",params:{pattern: "^(\\d{1,12}|Iv[0-9A-Za-z.]{4,40})$"},message:"must match pattern \""+"^(\\d{1,12}|Iv[0-9A-Za-z.]{4,40})$"+"\"",schema:"^(\\d{1,12}|Iv[0-9A-Za-z.]{4,40})$",parentSchema:schema15.properties["app-id"].then,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/app-id",schemaPath:"#/properties/app-id/then/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["app-id"].then.type,parentSchema:schema15.properties["app-id"].then,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}var _valid0 = _errs6 === errors;valid1 = _valid0;ifClause0 = "then";}else {const _errs8 = errors;if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){const err4 = {instancePath:instancePath+"/app-id",schemaPath:"#/properties/app-id/else/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["app-id"].else.type,parentSchema:schema15.properties["app-id"].else,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(typeof data0 == "number"){if(data0 < 1 || isNaN(data0)){const err5 = {instancePath:instancePath+"/app-id",schemaPath:"#/properties/app-id/else/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema15.properties["app-id"].else,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}var _valid0 = _errs8 === errors;valid1 = _valid0;ifClause0 = "else";}if(!valid1){const err6 = {instancePath:instancePath+"/app-id",schemaPath:"#/properties/app-id/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema15.properties["app-id"].if,parentSchema:schema15.properties["app-id"],data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.owner !== undefined){let data1 = data.owner;if(typeof data1 === "string"){if(!pattern15.test(data1)){const err7 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$",parentSchema:schema15.properties.owner,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.owner.type,parentSchema:schema15.properties.owner,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.repositories !== undefined){let data2 = data.repositories;if(Array.isArray(data2)){if(data2.length < 1){const err9 = {instancePath:instancePath+"/repositories",schemaPath:"#/properties/repositories/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema15.properties.repositories,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(typeof data3 === "string"){if(!pattern16.test(data3)){const err10 = {instancePath:instancePath+"/repositories/" + i0,schemaPath:"#/properties/repositories/items/pattern",keyword:"pattern",params:{pattern: "^(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$"},message:"must match pattern \""+"^(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$"+"\"",schema:"^(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$",parentSchema:schema15.properties.repositories.items,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/repositories/" + i0,schemaPath:"#/properties/repositories/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.repositories.items.type,parentSchema:schema15.properties.repositories.items,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}let i1 = data2.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data2[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err12 = {instancePath:instancePath+"/repositories",schemaPath:"#/properties/repositories/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema15.properties.repositories,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;break;}indices0[item0] = i1;}}}else {const err13 = {instancePath:instancePath+"/repositories",schemaPath:"#/properties/repositories/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.repositories.type,parentSchema:schema15.properties.repositories,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.permissions !== undefined){let data4 = data.permissions;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){if(Object.keys(data4).length < 1){const err14 = {instancePath:instancePath+"/permissions",schemaPath:"#/definitions/github-permissions/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}for(const key1 in data4){const _errs19 = errors;if(!((((((((((((((((((((((((((((((((((((((((((((((((key1 === "actions") || (key1 === "administration")) || (key1 === "checks")) || (key1 === "codespaces")) || (key1 === "contents")) || (key1 === "dependabot_secrets")) || (key1 === "deployments")) || (key1 === "environments")) || (key1 === "issues")) || (key1 === "metadata")) || (key1 === "packages")) || (key1 === "pages")) || (key1 === "pull_requests")) || (key1 === "repository_custom_properties")) || (key1 === "repository_hooks")) || (key1 === "repository_projects")) || (key1 === "secret_scanning_alerts")) || (key1 === "secrets")) || (key1 === "security_events")) || (key1 === "single_file")) || (key1 === "statuses")) || (key1 === "vulnerability_alerts")) || (key1 === "workflows")) || (key1 === "members")) || (key1 === "organization_administration")) || (key1 === "organization_custom_roles")) || (key1 === "organization_custom_org_roles")) || (key1 === "organization_custom_properties")) || (key1 === "organization_copilot_seat_management")) || (key1 === "organization_announcement_banners")) || (key1 === "organization_events")) || (key1 === "organization_hooks")) || (key1 === "organization_personal_access_tokens")) || (key1 === "organization_personal_access_token_requests")) || (key1 === "organization_plan")) || (key1 === "organization_projects")) || (key1 === "organization_packages")) || (key1 === "organization_secrets")) || (key1 === "organization_self_hosted_runners")) || (key1 === "organization_user_blocking")) || (key1 === "team_discussions")) || (key1 === "email_addresses")) || (key1 === "followers")) || (key1 === "git_ssh_keys")) || (key1 === "gpg_keys")) || (key1 === "interaction_limits")) || (key1 === "profile")) || (key1 === "starring"))){const err15 = {instancePath:instancePath+"/permissions",schemaPath:"#/definitions/github-permissions/propertyNames/enum",keyword:"enum",params:{allowedValues: schema16.propertyNames.enum},message:"must be equal to one of the allowed values",schema:schema16.propertyNames.enum,parentSchema:schema16.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}var valid6 = _errs19 === errors;if(!valid6){const err16 = {instancePath:instancePath+"/permissions",schemaPath:"#/definitions/github-permissions/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema16.propertyNames,parentSchema:schema16,data:data4};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}for(const key2 in data4){let data5 = data4[key2];if(typeof data5 !== "string"){const err17 = {instancePath:instancePath+"/permissions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/github-permissions/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.additionalProperties.type,parentSchema:schema16.additionalProperties,data:data5};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(!(((data5 === "read") || (data5 === "write")) || (data5 === "admin"))){const err18 = {instancePath:instancePath+"/permissions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/github-permissions/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema16.additionalProperties.enum},message:"must be equal to one of the allowed values",schema:schema16.additionalProperties.enum,parentSchema:schema16.additionalProperties,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath:instancePath+"/permissions",schemaPath:"#/definitions/github-permissions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data:data4};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data["private-key"] !== undefined){let data6 = data["private-key"];if(data6 && typeof data6 == "object" && !Array.isArray(data6)){if(data6.path === undefined){const err20 = {instancePath:instancePath+"/private-key",schemaPath:"#/properties/private-key/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema15.properties["private-key"].required,parentSchema:schema15.properties["private-key"],data:data6};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data6.key === undefined){const err21 = {instancePath:instancePath+"/private-key",schemaPath:"#/properties/private-key/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema15.properties["private-key"].required,parentSchema:schema15.properties["private-key"],data:data6};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}for(const key3 in data6){if(!((key3 === "path") || (key3 === "key"))){const err22 = {instancePath:instancePath+"/private-key",schemaPath:"#/properties/private-key/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties["private-key"],data:data6};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data6.path !== undefined){let data7 = data6.path;if(typeof data7 === "string"){if(!pattern12.test(data7)){const err23 = {instancePath:instancePath+"/private-key/path",schemaPath:"#/properties/private-key/properties/path/pattern",keyword:"pattern",params:{pattern: "^[^\\s/][^\\s]*$"},message:"must match pattern \""+"^[^\\s/][^\\s]*$"+"\"",schema:"^[^\\s/][^\\s]*$",parentSchema:schema15.properties["private-key"].properties.path,data:data7};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}else {const err24 = {instancePath:instancePath+"/private-key/path",schemaPath:"#/properties/private-key/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["private-key"].properties.path.type,parentSchema:schema15.properties["private-key"].properties.path,data:data7};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data6.key !== undefined){let data8 = data6.key;if(typeof data8 === "string"){if(func3(data8) < 1){const err25 = {instancePath:instancePath+"/private-key/key",schemaPath:"#/properties/private-key/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties["private-key"].properties.key,data:data8};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/private-key/key",schemaPath:"#/properties/private-key/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["private-key"].properties.key.type,parentSchema:schema15.properties["private-key"].properties.key,data:data8};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}else {const err27 = {instancePath:instancePath+"/private-key",schemaPath:"#/properties/private-key/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties["private-key"].type,parentSchema:schema15.properties["private-key"],data:data6};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data["sts-url"] !== undefined){let data9 = data["sts-url"];if(typeof data9 === "string"){if(!pattern10.test(data9)){const err28 = {instancePath:instancePath+"/sts-url",schemaPath:"#/properties/sts-url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/]+(/\\S*)?$"},message:"must match pattern \""+"^https?://[^\\s/]+(/\\S*)?$"+"\"",schema:"^https?://[^\\s/]+(/\\S*)?$",parentSchema:schema15.properties["sts-url"],data:data9};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}else {const err29 = {instancePath:instancePath+"/sts-url",schemaPath:"#/properties/sts-url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["sts-url"].type,parentSchema:schema15.properties["sts-url"],data:data9};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data.scope !== undefined){let data10 = data.scope;if(typeof data10 === "string"){if(!pattern19.test(data10)){const err30 = {instancePath:instancePath+"/scope",schemaPath:"#/properties/scope/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100})?$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100})?$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100})?$",parentSchema:schema15.properties.scope,data:data10};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}else {const err31 = {instancePath:instancePath+"/scope",schemaPath:"#/properties/scope/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.scope.type,parentSchema:schema15.properties.scope,data:data10};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data.identity !== undefined){let data11 = data.identity;if(typeof data11 === "string"){if(!pattern20.test(data11)){const err32 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]{1,100}$"+"\"",schema:"^[A-Za-z0-9_.-]{1,100}$",parentSchema:schema15.properties.identity,data:data11};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}else {const err33 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.identity.type,parentSchema:schema15.properties.identity,data:data11};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.audience !== undefined){let data12 = data.audience;if(typeof data12 === "string"){if(func3(data12) < 1){const err34 = {instancePath:instancePath+"/audience",schemaPath:"#/properties/audience/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.audience,data:data12};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}else {const err35 = {instancePath:instancePath+"/audience",schemaPath:"#/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.audience.type,parentSchema:schema15.properties.audience,data:data12};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}}else {const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}validate12.errors = vErrors;return errors === 0;}function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.type === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(func2.call(schema12.properties, key0))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func3(data0) > 63){const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema12.properties.name,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!pattern0.test(data0)){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",schema:"^[a-z0-9][a-z0-9-]*$",parentSchema:schema12.properties.name,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.type !== undefined){let data1 = data.type;if(typeof data1 === "string"){if(!pattern1.test(data1)){const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]*$",parentSchema:schema12.properties.type,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.type.type,parentSchema:schema12.properties.type,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.owner !== undefined){let data2 = data.owner;const _errs7 = errors;let valid1 = true;const _errs8 = errors;if(data2 !== null){const err8 = {};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}var _valid0 = _errs8 === errors;errors = _errs7;if(vErrors !== null){if(_errs7){vErrors.length = _errs7;}else {vErrors = null;}}if(!_valid0){const _errs10 = errors;if(typeof data2 === "string"){if(!pattern2.test(data2)){const err9 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/else/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"},message:"must match pattern \""+"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"+"\"",schema:"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$",parentSchema:schema12.properties.owner.else,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/else/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.owner.else.type,parentSchema:schema12.properties.owner.else,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}var _valid0 = _errs10 === errors;valid1 = _valid0;}if(!valid1){const err11 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema",schema:schema12.properties.owner.if,parentSchema:schema12.properties.owner,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.purpose !== undefined){let data3 = data.purpose;const _errs13 = errors;let valid2 = true;const _errs14 = errors;if(data3 !== null){const err12 = {};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}var _valid1 = _errs14 === errors;errors = _errs13;if(vErrors !== null){if(_errs13){vErrors.length = _errs13;}else {vErrors = null;}}if(!_valid1){const _errs16 = errors;if(typeof data3 === "string"){if(!pattern2.test(data3)){const err13 = {instancePath:instancePath+"/purpose",schemaPath:"#/properties/purpose/else/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"},message:"must match pattern \""+"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$"+"\"",schema:"^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*\\n?$",parentSchema:schema12.properties.purpose.else,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/purpose",schemaPath:"#/properties/purpose/else/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.purpose.else.type,parentSchema:schema12.properties.purpose.else,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}var _valid1 = _errs16 === errors;valid2 = _valid1;}if(!valid2){const err15 = {instancePath:instancePath+"/purpose",schemaPath:"#/properties/purpose/if",keyword:"if",params:{failingKeyword: "else"},message:"must match \"else\" schema",schema:schema12.properties.purpose.if,parentSchema:schema12.properties.purpose,data:data3};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.permissions !== undefined){let data4 = data.permissions;if(Array.isArray(data4)){const len0 = data4.length;for(let i0=0; i0<len0; i0++){let data5 = data4[i0];if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(Object.keys(data5).length > 1){const err16 = {instancePath:instancePath+"/permissions/" + i0,schemaPath:"#/properties/permissions/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema12.properties.permissions.items,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(Object.keys(data5).length < 1){const err17 = {instancePath:instancePath+"/permissions/" + i0,schemaPath:"#/properties/permissions/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema12.properties.permissions.items,data:data5};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}for(const key1 in data5){if(!(pattern4.test(key1))){const err18 = {instancePath:instancePath+"/permissions/" + i0,schemaPath:"#/properties/permissions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.permissions.items,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}for(const key2 in data5){if(pattern4.test(key2)){let data6 = data5[key2];if(typeof data6 === "string"){if(!pattern6.test(data6)){const err19 = {instancePath:instancePath+"/permissions/" + i0+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/permissions/items/patternProperties/%5E%5BA-Za-z0-9*%5D%5BA-Za-z0-9_.%3A~1*-%5D*%24/pattern",keyword:"pattern",params:{pattern: "^[a-z*][a-z0-9_*-]*$"},message:"must match pattern \""+"^[a-z*][a-z0-9_*-]*$"+"\"",schema:"^[a-z*][a-z0-9_*-]*$",parentSchema:schema12.properties.permissions.items.patternProperties["^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$"],data:data6};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/permissions/" + i0+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/permissions/items/patternProperties/%5E%5BA-Za-z0-9*%5D%5BA-Za-z0-9_.%3A~1*-%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.permissions.items.patternProperties["^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$"].type,parentSchema:schema12.properties.permissions.items.patternProperties["^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$"],data:data6};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}}else {const err21 = {instancePath:instancePath+"/permissions/" + i0,schemaPath:"#/properties/permissions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.permissions.items.type,parentSchema:schema12.properties.permissions.items,data:data5};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/permissions",schemaPath:"#/properties/permissions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.permissions.type,parentSchema:schema12.properties.permissions,data:data4};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data["credential-policy"] !== undefined){let data7 = data["credential-policy"];if(typeof data7 !== "string"){const err23 = {instancePath:instancePath+"/credential-policy",schemaPath:"#/properties/credential-policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["credential-policy"].type,parentSchema:schema12.properties["credential-policy"],data:data7};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(!((data7 === "ephemeral") || (data7 === "long-lived"))){const err24 = {instancePath:instancePath+"/credential-policy",schemaPath:"#/properties/credential-policy/enum",keyword:"enum",params:{allowedValues: schema12.properties["credential-policy"].enum},message:"must be equal to one of the allowed values",schema:schema12.properties["credential-policy"].enum,parentSchema:schema12.properties["credential-policy"],data:data7};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data["max-ttl"] !== undefined){let data8 = data["max-ttl"];const _errs28 = errors;let valid6 = true;const _errs29 = errors;if(typeof data8 !== "string"){const err25 = {};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}var _valid2 = _errs29 === errors;errors = _errs28;if(vErrors !== null){if(_errs28){vErrors.length = _errs28;}else {vErrors = null;}}let ifClause0;if(_valid2){const _errs31 = errors;if(typeof data8 === "string"){if(!pattern7.test(data8)){const err26 = {instancePath:instancePath+"/max-ttl",schemaPath:"#/properties/max-ttl/then/pattern",keyword:"pattern",params:{pattern: "^\\s*(\\d+|(\\d+[smhd])+)\\s*$"},message:"must match pattern \""+"^\\s*(\\d+|(\\d+[smhd])+)\\s*$"+"\"",schema:"^\\s*(\\d+|(\\d+[smhd])+)\\s*$",parentSchema:schema12.properties["max-ttl"].then,data:data8};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}else {const err27 = {instancePath:instancePath+"/max-ttl",schemaPath:"#/properties/max-ttl/then/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["max-ttl"].then.type,parentSchema:schema12.properties["max-ttl"].then,data:data8};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}var _valid2 = _errs31 === errors;valid6 = _valid2;ifClause0 = "then";}else {const _errs33 = errors;if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){const err28 = {instancePath:instancePath+"/max-ttl",schemaPath:"#/properties/max-ttl/else/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties["max-ttl"].else.type,parentSchema:schema12.properties["max-ttl"].else,data:data8};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(typeof data8 == "number"){if(data8 < 1 || isNaN(data8)){const err29 = {instancePath:instancePath+"/max-ttl",schemaPath:"#/properties/max-ttl/else/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties["max-ttl"].else,data:data8};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}var _valid2 = _errs33 === errors;valid6 = _valid2;ifClause0 = "else";}if(!valid6){const err30 = {instancePath:instancePath+"/max-ttl",schemaPath:"#/properties/max-ttl/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema12.properties["max-ttl"].if,parentSchema:schema12.properties["max-ttl"],data:data8};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data["audit-level"] !== undefined){let data9 = data["audit-level"];if(typeof data9 !== "string"){const err31 = {instancePath:instancePath+"/audit-level",schemaPath:"#/properties/audit-level/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["audit-level"].type,parentSchema:schema12.properties["audit-level"],data:data9};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}if(!(((data9 === "full") || (data9 === "minimal")) || (data9 === "none"))){const err32 = {instancePath:instancePath+"/audit-level",schemaPath:"#/properties/audit-level/enum",keyword:"enum",params:{allowedValues: schema12.properties["audit-level"].enum},message:"must be equal to one of the allowed values",schema:schema12.properties["audit-level"].enum,parentSchema:schema12.properties["audit-level"],data:data9};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.credentials !== undefined){let data10 = data.credentials;if(data10 && typeof data10 == "object" && !Array.isArray(data10)){for(const key3 in data10){if(!(((key3 === "aws") || (key3 === "vault")) || (key3 === "github"))){const err33 = {instancePath:instancePath+"/credentials",schemaPath:"#/properties/credentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.credentials,data:data10};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data10.aws !== undefined){let data11 = data10.aws;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){if(data11["role-arn"] === undefined){const err34 = {instancePath:instancePath+"/credentials/aws",schemaPath:"#/definitions/aws/required",keyword:"required",params:{missingProperty: "role-arn"},message:"must have required property '"+"role-arn"+"'",schema:schema13.required,parentSchema:schema13,data:data11};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}for(const key4 in data11){if(!((((key4 === "role-arn") || (key4 === "region")) || (key4 === "session-policy")) || (key4 === "audience"))){const err35 = {instancePath:instancePath+"/credentials/aws",schemaPath:"#/definitions/aws/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data:data11};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data11["role-arn"] !== undefined){let data12 = data11["role-arn"];if(typeof data12 === "string"){if(!pattern8.test(data12)){const err36 = {instancePath:instancePath+"/credentials/aws/role-arn",schemaPath:"#/definitions/aws/properties/role-arn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$"+"\"",schema:"^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$",parentSchema:schema13.properties["role-arn"],data:data12};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/credentials/aws/role-arn",schemaPath:"#/definitions/aws/properties/role-arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties["role-arn"].type,parentSchema:schema13.properties["role-arn"],data:data12};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data11.region !== undefined){let data13 = data11.region;if(typeof data13 === "string"){if(!pattern9.test(data13)){const err38 = {instancePath:instancePath+"/credentials/aws/region",schemaPath:"#/definitions/aws/properties/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(-[a-z]+)+-\\d+$"},message:"must match pattern \""+"^[a-z]{2}(-[a-z]+)+-\\d+$"+"\"",schema:"^[a-z]{2}(-[a-z]+)+-\\d+$",parentSchema:schema13.properties.region,data:data13};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}else {const err39 = {instancePath:instancePath+"/credentials/aws/region",schemaPath:"#/definitions/aws/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.region.type,parentSchema:schema13.properties.region,data:data13};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data11["session-policy"] !== undefined){let data14 = data11["session-policy"];if(typeof data14 === "string"){if(func3(data14) < 1){const err40 = {instancePath:instancePath+"/credentials/aws/session-policy",schemaPath:"#/definitions/aws/properties/session-policy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties["session-policy"],data:data14};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}else {const err41 = {instancePath:instancePath+"/credentials/aws/session-policy",schemaPath:"#/definitions/aws/properties/session-policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties["session-policy"].type,parentSchema:schema13.properties["session-policy"],data:data14};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data11.audience !== undefined){let data15 = data11.audience;if(typeof data15 === "string"){if(func3(data15) < 1){const err42 = {instancePath:instancePath+"/credentials/aws/audience",schemaPath:"#/definitions/aws/properties/audience/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.audience,data:data15};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}else {const err43 = {instancePath:instancePath+"/credentials/aws/audience",schemaPath:"#/definitions/aws/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.audience.type,parentSchema:schema13.properties.audience,data:data15};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}}else {const err44 = {instancePath:instancePath+"/credentials/aws",schemaPath:"#/definitions/aws/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data:data11};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data10.vault !== undefined){let data16 = data10.vault;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.url === undefined){const err45 = {instancePath:instancePath+"/credentials/vault",schemaPath:"#/definitions/vault/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema14.required,parentSchema:schema14,data:data16};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}if(data16.role === undefined){const err46 = {instancePath:instancePath+"/credentials/vault",schemaPath:"#/definitions/vault/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema14.required,parentSchema:schema14,data:data16};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}for(const key5 in data16){if(!((((((key5 === "url") || (key5 === "role")) || (key5 === "auth-path")) || (key5 === "namespace")) || (key5 === "audience")) || (key5 === "secrets"))){const err47 = {instancePath:instancePath+"/credentials/vault",schemaPath:"#/definitions/vault/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data16};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data16.url !== undefined){let data17 = data16.url;if(typeof data17 === "string"){if(!pattern10.test(data17)){const err48 = {instancePath:instancePath+"/credentials/vault/url",schemaPath:"#/definitions/vault/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/]+(/\\S*)?$"},message:"must match pattern \""+"^https?://[^\\s/]+(/\\S*)?$"+"\"",schema:"^https?://[^\\s/]+(/\\S*)?$",parentSchema:schema14.properties.url,data:data17};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}else {const err49 = {instancePath:instancePath+"/credentials/vault/url",schemaPath:"#/definitions/vault/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.url.type,parentSchema:schema14.properties.url,data:data17};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data16.role !== undefined){let data18 = data16.role;if(typeof data18 === "string"){if(func3(data18) < 1){const err50 = {instancePath:instancePath+"/credentials/vault/role",schemaPath:"#/definitions/vault/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.role,data:data18};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/credentials/vault/role",schemaPath:"#/definitions/vault/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.role.type,parentSchema:schema14.properties.role,data:data18};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data16["auth-path"] !== undefined){let data19 = data16["auth-path"];if(typeof data19 === "string"){if(!pattern11.test(data19)){const err52 = {instancePath:instancePath+"/credentials/vault/auth-path",schemaPath:"#/definitions/vault/properties/auth-path/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$"+"\"",schema:"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$",parentSchema:schema14.properties["auth-path"],data:data19};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}else {const err53 = {instancePath:instancePath+"/credentials/vault/auth-path",schemaPath:"#/definitions/vault/properties/auth-path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties["auth-path"].type,parentSchema:schema14.properties["auth-path"],data:data19};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data16.namespace !== undefined){let data20 = data16.namespace;if(typeof data20 !== "string"){const err54 = {instancePath:instancePath+"/credentials/vault/namespace",schemaPath:"#/definitions/vault/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.namespace.type,parentSchema:schema14.properties.namespace,data:data20};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}if(data16.audience !== undefined){let data21 = data16.audience;if(typeof data21 === "string"){if(func3(data21) < 1){const err55 = {instancePath:instancePath+"/credentials/vault/audience",schemaPath:"#/definitions/vault/properties/audience/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.audience,data:data21};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}else {const err56 = {instancePath:instancePath+"/credentials/vault/audience",schemaPath:"#/definitions/vault/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.audience.type,parentSchema:schema14.properties.audience,data:data21};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data16.secrets !== undefined){let data22 = data16.secrets;if(Array.isArray(data22)){const len1 = data22.length;for(let i1=0; i1<len1; i1++){let data23 = data22[i1];if(data23 && typeof data23 == "object" && !Array.isArray(data23)){if(data23.path === undefined){const err57 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1,schemaPath:"#/definitions/vault/properties/secrets/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema14.properties.secrets.items.required,parentSchema:schema14.properties.secrets.items,data:data23};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}if(data23.key === undefined){const err58 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1,schemaPath:"#/definitions/vault/properties/secrets/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema14.properties.secrets.items.required,parentSchema:schema14.properties.secrets.items,data:data23};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}if(data23.env === undefined){const err59 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1,schemaPath:"#/definitions/vault/properties/secrets/items/required",keyword:"required",params:{missingProperty: "env"},message:"must have required property '"+"env"+"'",schema:schema14.properties.secrets.items.required,parentSchema:schema14.properties.secrets.items,data:data23};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}for(const key6 in data23){if(!(((key6 === "path") || (key6 === "key")) || (key6 === "env"))){const err60 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1,schemaPath:"#/definitions/vault/properties/secrets/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema14.properties.secrets.items,data:data23};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data23.path !== undefined){let data24 = data23.path;if(typeof data24 === "string"){if(!pattern12.test(data24)){const err61 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1+"/path",schemaPath:"#/definitions/vault/properties/secrets/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^[^\\s/][^\\s]*$"},message:"must match pattern \""+"^[^\\s/][^\\s]*$"+"\"",schema:"^[^\\s/][^\\s]*$",parentSchema:schema14.properties.secrets.items.properties.path,data:data24};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}else {const err62 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1+"/path",schemaPath:"#/definitions/vault/properties/secrets/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.secrets.items.properties.path.type,parentSchema:schema14.properties.secrets.items.properties.path,data:data24};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}if(data23.key !== undefined){let data25 = data23.key;if(typeof data25 === "string"){if(func3(data25) < 1){const err63 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1+"/key",schemaPath:"#/definitions/vault/properties/secrets/items/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.secrets.items.properties.key,data:data25};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}else {const err64 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1+"/key",schemaPath:"#/definitions/vault/properties/secrets/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.secrets.items.properties.key.type,parentSchema:schema14.properties.secrets.items.properties.key,data:data25};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}if(data23.env !== undefined){let data26 = data23.env;if(typeof data26 === "string"){if(!pattern13.test(data26)){const err65 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1+"/env",schemaPath:"#/definitions/vault/properties/secrets/items/properties/env/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]*$"+"\"",schema:"^[A-Z_][A-Z0-9_]*$",parentSchema:schema14.properties.secrets.items.properties.env,data:data26};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}else {const err66 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1+"/env",schemaPath:"#/definitions/vault/properties/secrets/items/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.secrets.items.properties.env.type,parentSchema:schema14.properties.secrets.items.properties.env,data:data26};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}}else {const err67 = {instancePath:instancePath+"/credentials/vault/secrets/" + i1,schemaPath:"#/definitions/vault/properties/secrets/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.properties.secrets.items.type,parentSchema:schema14.properties.secrets.items,data:data23};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}}else {const err68 = {instancePath:instancePath+"/credentials/vault/secrets",schemaPath:"#/definitions/vault/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.secrets.type,parentSchema:schema14.properties.secrets,data:data22};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}}else {const err69 = {instancePath:instancePath+"/credentials/vault",schemaPath:"#/definitions/vault/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data16};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data10.github !== undefined){if(!(validate12(data10.github, {instancePath:instancePath+"/credentials/github",parentData:data10,parentDataProperty:"github",rootData}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}}else {const err70 = {instancePath:instancePath+"/credentials",schemaPath:"#/properties/credentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.credentials.type,parentSchema:schema12.properties.credentials,data:data10};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}}else {const err71 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}validate11.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://github.com/astl/agent-credentials/schemas/agent-config.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.agents === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agents"},message:"must have required property '"+"agents"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(key0 === "agents")){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.agents !== undefined){let data0 = data.agents;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){if(!(validate11(data0[i0], {instancePath:instancePath+"/agents/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err2 = {instancePath:instancePath+"/agents",schemaPath:"#/properties/agents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.agents.type,parentSchema:schema11.properties.agents,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}}else {const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}validate10.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./packages/registry/registry.ts
/**
 * The agent registry (`agent-config.yaml`, kebab-case): parsed with positions, validated against
 * schemas/agent-config.schema.json, turned into typed entries that remember where each key is.
 */





const WHAT = 'agent registry';
const REGISTRY_INVALID = 'REGISTRY_INVALID';
const MINIMAL_REGISTRY = `agents:
  - name: my-agent
    type: coding-assistant
    owner: platform-team            # a human or team accountable for the agent
    purpose: "Why this agent needs credentials"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;
/** Reads and validates a registry file; a missing file says how to create one. */
function loadRegistry(path, options = {}) {
    let text;
    try {
        text = options.workspace
            ? (0,core/* readWorkspaceFile */.sL)(path, { root: options.workspace.root, base: process.cwd() }, options.use ?? { setting: 'config' }).toString('utf8')
            : (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err instanceof core/* AstlError */.Ht)
            throw err;
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new core/* AstlError */.Ht(`agent registry ${path} not found`, {
                code: 'REGISTRY_NOT_FOUND',
                location: { file: path },
                hint: (s) => `create ${path} listing your agents, or point ${s.name('config')} at the registry`,
                fix: MINIMAL_REGISTRY,
            });
        }
        if (code === 'EISDIR') {
            throw new core/* AstlError */.Ht(`agent registry ${path} is a folder, not a file`, {
                code: 'REGISTRY_NOT_FOUND',
                location: { file: path },
                hint: (s) => `point ${s.name('config')} at the registry file, e.g. agent-config.yaml`,
            });
        }
        throw new core/* AstlError */.Ht(`cannot read agent registry ${path}: ${err.message}`, {
            code: 'REGISTRY_NOT_FOUND',
            location: { file: path },
            cause: err,
        });
    }
    return parseRegistry(text, path);
}
/** Parses registry text; every problem in the file is reported at once as one AstlErrors. */
function parseRegistry(text, file) {
    let docs;
    try {
        docs = (0,core/* parseYaml */.hN)(text, file);
    }
    catch (err) {
        if (err instanceof core/* AstlError */.Ht)
            throw new core/* AstlErrors */.ci([err]);
        throw err;
    }
    const doc = docs[0];
    if (!doc) {
        throw new core/* AstlErrors */.ci([
            new core/* AstlError */.Ht(`${WHAT} ${file} is empty`, {
                code: REGISTRY_INVALID,
                location: { file },
                hint: 'list your agents under `agents:`',
                fix: MINIMAL_REGISTRY,
            }),
        ]);
    }
    const errors = [];
    if (docs.length > 1) {
        errors.push(new core/* AstlError */.Ht(`${WHAT} must be a single YAML document; found ${docs.length}`, {
            code: REGISTRY_INVALID,
            location: docs[1].locate([]),
            hint: 'remove the `---` separators and list every agent under one `agents:`',
        }));
    }
    errors.push(...(0,core/* validateWithSchema */.CW)(doc, validate, WHAT, REGISTRY_INVALID));
    errors.push(...duplicateNames(doc));
    errors.push(...envNameProblems(doc));
    if (errors.length === 0)
        errors.push(...durationProblems(doc));
    if (errors.length > 0)
        throw new core/* AstlErrors */.ci(sortByLine(errors), REGISTRY_INVALID);
    // Schema-valid from here on, so the shapes below hold.
    const raw = doc.value.agents;
    const agents = raw.map((a, i) => toEntry(a, i, doc));
    return { file, agents, doc };
}
function duplicateNames(doc) {
    const agents = doc.value?.agents;
    if (!Array.isArray(agents))
        return [];
    const firstSeen = new Map();
    const errors = [];
    agents.forEach((a, i) => {
        const name = a?.name;
        if (typeof name !== 'string')
            return;
        const first = firstSeen.get(name);
        if (first === undefined) {
            firstSeen.set(name, i);
            return;
        }
        const firstAt = doc.locate(['agents', first, 'name']);
        errors.push(new core/* AstlError */.Ht(`agent name '${name}' is registered twice (first at line ${firstAt.line ?? '?'}, again at line ${doc.locate(['agents', i, 'name']).line ?? '?'})`, {
            code: REGISTRY_INVALID,
            location: doc.locate(['agents', i, 'name']),
            hint: 'agent names must be unique: rename one of the two entries or merge them',
        }));
    });
    return errors;
}
/**
 * `secrets[].env` names are exported into the job: each must be a plain upper-case name that is
 * not reserved (core/env-names), and unique within the agent. Names that only fail the schema's
 * pattern are left to the schema's error; reserved names are reported in any case.
 */
function envNameProblems(doc) {
    const agents = doc.value?.agents;
    if (!Array.isArray(agents))
        return [];
    const errors = [];
    agents.forEach((a, i) => {
        const secrets = a?.credentials?.vault
            ?.secrets;
        if (!Array.isArray(secrets))
            return;
        const seen = new Map();
        secrets.forEach((s, j) => {
            const env = s?.env;
            if (typeof env !== 'string')
                return;
            const location = doc.locate(['agents', i, 'credentials', 'vault', 'secrets', j, 'env']);
            if (!core/* ENV_NAME_PATTERN */.jg.test(env) && !(0,core/* reservedEnvGroup */.TO)(env))
                return; // the schema says so
            const problem = (0,core/* checkEnvName */.$n)(env, { location, code: REGISTRY_INVALID, prefix: 'secrets[].env ' });
            if (problem) {
                errors.push(problem);
                return;
            }
            const first = seen.get(env);
            if (first !== undefined) {
                errors.push(new core/* AstlError */.Ht(`secrets[].env ${env} is already used by secrets[${first}] of this agent`, {
                    code: REGISTRY_INVALID,
                    location,
                    hint: 'give each secret its own variable name',
                }));
            }
            else
                seen.set(env, j);
        });
    });
    return errors;
}
/** `max-ttl: 0` passes the schema's pattern but is no duration; say so at its line. */
function durationProblems(doc) {
    const errors = [];
    doc.value.agents.forEach((a, i) => {
        const ttl = a['max-ttl'];
        if (ttl === undefined)
            return;
        try {
            (0,core/* parseDuration */.E9)(ttl, `agents[${i}].max-ttl`);
        }
        catch (err) {
            if (!(err instanceof core/* AstlError */.Ht))
                throw err;
            errors.push(new core/* AstlError */.Ht(err.message, {
                code: REGISTRY_INVALID,
                location: doc.locate(['agents', i, 'max-ttl']),
                hint: err.hintSource,
            }));
        }
    });
    return errors;
}
function toEntry(a, index, doc) {
    const base = ['agents', index];
    const keyLocations = {};
    const note = (key, path) => {
        keyLocations[key] = doc.locate([...base, ...path]);
    };
    note('name', ['name']);
    note('type', ['type']);
    const text = (v) => typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
    const owner = text(a.owner);
    const purpose = text(a.purpose);
    if (a.owner !== undefined)
        note('owner', ['owner']);
    if (a.purpose !== undefined)
        note('purpose', ['purpose']);
    const permissions = [];
    if (a.permissions) {
        note('permissions', ['permissions']);
        a.permissions.forEach((p, i) => {
            const [resource, access] = Object.entries(p)[0];
            permissions.push({ resource, access });
            note(`permissions[${i}]`, ['permissions', i]);
        });
    }
    for (const key of ['credential-policy', 'max-ttl', 'audit-level', 'credentials']) {
        if (a[key] !== undefined)
            note(key, [key]);
    }
    const entry = {
        name: a.name,
        type: a.type,
        permissions,
        credentialPolicy: a['credential-policy'] ?? 'ephemeral',
        auditLevel: a['audit-level'] ?? 'full',
        credentials: {},
        location: doc.locate([...base]),
        keyLocations,
        index,
    };
    if (owner !== undefined)
        entry.owner = owner;
    if (purpose !== undefined)
        entry.purpose = purpose;
    if (a['max-ttl'] !== undefined)
        entry.maxTtlSeconds = (0,core/* parseDuration */.E9)(a['max-ttl'], 'max-ttl');
    const aws = a.credentials?.aws;
    if (aws) {
        entry.credentials.aws = { roleArn: aws['role-arn'] };
        if (aws.region !== undefined)
            entry.credentials.aws.region = aws.region;
        if (aws['session-policy'] !== undefined)
            entry.credentials.aws.sessionPolicyPath = aws['session-policy'];
        if (aws.audience !== undefined)
            entry.credentials.aws.audience = aws.audience;
        for (const k of Object.keys(aws))
            note(`credentials.aws.${k}`, ['credentials', 'aws', k]);
    }
    const vault = a.credentials?.vault;
    if (vault) {
        entry.credentials.vault = {
            url: vault.url,
            role: vault.role,
            authPath: vault['auth-path'] ?? 'jwt',
            secrets: (vault.secrets ?? []).map((s) => ({ path: s.path, key: s.key, env: s.env })),
        };
        if (vault.namespace !== undefined && vault.namespace !== '')
            entry.credentials.vault.namespace = vault.namespace;
        if (vault.audience !== undefined)
            entry.credentials.vault.audience = vault.audience;
        for (const k of Object.keys(vault))
            note(`credentials.vault.${k}`, ['credentials', 'vault', k]);
        for (let i = 0; i < (vault.secrets ?? []).length; i++)
            note(`credentials.vault.secrets[${i}]`, ['credentials', 'vault', 'secrets', i]);
    }
    const github = a.credentials?.github;
    if (github) {
        const g = {};
        if (github['app-id'] !== undefined)
            g.appId = String(github['app-id']);
        if (github.owner !== undefined)
            g.owner = github.owner;
        if (github.repositories !== undefined)
            g.repositories = [...github.repositories];
        if (github.permissions !== undefined)
            g.permissions = { ...github.permissions };
        if (github['private-key'] !== undefined)
            g.privateKey = { path: github['private-key'].path, key: github['private-key'].key };
        if (github['sts-url'] !== undefined)
            g.stsUrl = github['sts-url'];
        if (github.scope !== undefined)
            g.scope = github.scope;
        if (github.identity !== undefined)
            g.identity = github.identity;
        if (github.audience !== undefined)
            g.audience = github.audience;
        entry.credentials.github = g;
        for (const k of Object.keys(github))
            note(`credentials.github.${k}`, ['credentials', 'github', k]);
        for (const k of Object.keys(github.permissions ?? {}))
            note(`credentials.github.permissions.${k}`, ['credentials', 'github', 'permissions', k]);
    }
    return entry;
}
function sortByLine(errors) {
    return [...errors].sort((a, b) => (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
        (a.location?.line ?? 0) - (b.location?.line ?? 0));
}
/** The registry entry a user would add, with placeholders for what only they know. */
function registryEntrySnippet(name, type) {
    return `agents:
  - name: ${name}
    type: ${type}
    owner: <team-or-person>          # required: who is accountable
    purpose: "<why this agent needs credentials>"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;
}


/***/ })

};
;