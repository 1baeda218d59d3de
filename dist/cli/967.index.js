export const id = 967;
export const ids = [967,167];
export const modules = {

/***/ 5724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ht: () => (/* reexport */ errors/* AstlError */.Ht),
  ci: () => (/* reexport */ errors/* AstlErrors */.ci),
  Au: () => (/* reexport */ BodyTooLargeError),
  B2: () => (/* reexport */ retry/* Deadline */.B2),
  jg: () => (/* reexport */ env_names/* ENV_NAME_PATTERN */.jg),
  pO: () => (/* reexport */ redact/* Redactor */.pO),
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

// UNUSED EXPORTS: CONTROL_CHARACTERS, CREDENTIAL_URL_INVALID, PATH_OUTSIDE_WORKSPACE, RESERVED_ENV_GROUPS, TRANSPORT_INSECURE, YAML_LIMITS, YamlDoc, annotationCommand, backoffDelay, checkCredentialTransport, describeError, editDistance, envNameProblem, escapeCommandData, escapeCommandProperty, findControlCharacter, hasGitSegment, isLoopbackHost, isNonSecretLine, markdownCode, markdownFence, markdownMessage, markdownText, printable, safeLine, safeLines, secretForms, suggestEnvName, typeName, workflowCommand

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

// EXTERNAL MODULE: ./packages/core/redact.ts
var redact = __webpack_require__(3591);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
// EXTERNAL MODULE: ./packages/core/suggest.ts
var suggest = __webpack_require__(3142);
// EXTERNAL MODULE: ./packages/core/transport.ts
var transport = __webpack_require__(2873);
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


/***/ }),

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ validateWithSchema),
/* harmony export */   parseYaml: () => (/* binding */ parseYaml)
/* harmony export */ });
/* unused harmony exports YAML_LIMITS, YamlDoc, typeName */
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(425);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3142);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1372);
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
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > YAML_LIMITS.maxDocuments) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${file} holds more than ${YAML_LIMITS.maxDocuments} YAML documents`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const out = [];
    for (const doc of list) {
        const problem = doc.errors[0];
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
const ajv = new ajv__WEBPACK_IMPORTED_MODULE_2__.Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap();
/**
 * Validates a document against a JSON Schema and turns Ajv's errors into located, actionable
 * ones. `what` names the file kind for messages ("agent registry", "AgentPolicy").
 */
function validateWithSchema(doc, schema, what, code = 'CONFIG_INVALID') {
    const validate = compiled.get(schema) ?? ajv.compile(schema);
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} must be ${article(e.params.type)}, got ${typeName(e.data)}${expected}`, {
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(JSON.stringify(e.data) ?? String(e.data))}, which is not valid${expected}`, {
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
function typeName(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}


/***/ }),

/***/ 967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeTokenClaims: () => (/* binding */ decodeTokenClaims),
  zl: () => (/* binding */ requestGitHubIdToken),
  _Q: () => (/* binding */ sanitizeFetchError)
});

// UNUSED EXPORTS: idTokenUrl, shortMessage

;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), buffer_utils_strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
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
function buffer_utils_encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
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
function buffer_utils_encodeBase64(input, url = !1) {
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function base64url_decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



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
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
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
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
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
class errors_JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_NOT_SUPPORTED"));
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
class errors_JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWS_INVALID"));
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = base64url_decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils_strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
// EXTERNAL MODULE: ./packages/providers/retry-policy.ts
var retry_policy = __webpack_require__(5036);
;// CONCATENATED MODULE: ./packages/providers/oidc.ts
/**
 * GitHub Actions OIDC: requesting an ID token through the runner's protocol and reading its
 * claims for diagnostics. The token is a bearer credential: it is returned to the caller and
 * never put in an error message.
 */



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
        throw new core/* AstlError */.Ht(`GitHub OIDC is not available to this job: ${missing.join(' and ')} not set`, {
            code: 'OIDC_NOT_AVAILABLE',
            hint: 'add `permissions: id-token: write` to the job (or the workflow). Jobs triggered from forks never get an ID token.',
            fix: PERMISSIONS_FIX,
        });
    }
    if (!req.audience) {
        throw new core/* AstlError */.Ht('An OIDC audience is required to request an ID token', {
            code: 'OIDC_AUDIENCE_MISSING',
        });
    }
    let url;
    try {
        url = new URL(idTokenUrl(req.requestUrl, req.audience)).toString();
    }
    catch {
        throw new core/* AstlError */.Ht('ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL', { code: 'OIDC_NOT_AVAILABLE' });
    }
    const requestToken = req.requestToken;
    const isRetryable = (err) => err instanceof retry_policy/* ProviderNetworkError */.KC ||
        (0,core/* isNetworkFault */.d$)(err) ||
        (err instanceof retry_policy/* ProviderHttpError */.gm && (0,core/* isRetryableStatus */.PS)(err.status));
    try {
        return await (0,core/* withRetry */.bD)(async (signal) => {
            let res;
            try {
                res = await fetch(url, {
                    headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
                    signal,
                });
            }
            catch (err) {
                throw sanitizeFetchError(err);
            }
            const text = await readText(res, signal);
            if (!res.ok) {
                const err = new retry_policy/* ProviderHttpError */.gm(res.status, undefined, shortMessage(text));
                if (isRetryable(err))
                    throw err;
                throw new core/* AstlError */.Ht(`The runner refused the OIDC token request: ${err.message}`, {
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
                throw new core/* AstlError */.Ht('The runner answered the OIDC token request without a token (`value`)', {
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
function sanitizeFetchError(err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return new retry_policy/* ProviderNetworkError */.KC('request timed out', 'TimeoutError');
    }
    let code;
    let message = err instanceof Error ? err.message : String(err);
    for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        const c = e.code;
        if (typeof c === 'string') {
            code = c;
            message = e.message;
            break;
        }
    }
    return new retry_policy/* ProviderNetworkError */.KC(message, code);
}
async function readText(res, signal) {
    try {
        return await res.text();
    }
    catch (err) {
        throw sanitizeFetchError(signal.aborted ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : err);
    }
}
/** A provider's error body cut to something printable. */
function shortMessage(text) {
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
    msg = msg.replace(/\s+/g, ' ').trim();
    return msg.length > 300 ? `${msg.slice(0, 300)}…` : msg;
}


/***/ }),

/***/ 5036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KC: () => (/* binding */ ProviderNetworkError),
/* harmony export */   gm: () => (/* binding */ ProviderHttpError),
/* harmony export */   tO: () => (/* binding */ retryOptions),
/* harmony export */   uW: () => (/* binding */ exhausted),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5724);
/**
 * The retry settings every provider call shares, and the conversion of an exhausted retry into
 * an AstlError whose message names the provider and the last fault.
 */

const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 4000,
    attemptTimeoutMs: 10_000,
};
function retryOptions(what, deadline, isRetryable, settings = {}) {
    return { ...DEFAULT_RETRY, ...settings, what, deadline, isRetryable };
}
/**
 * An HTTP answer from a provider, reduced to what is safe to print: status, the provider's error
 * code and message. Library errors carry request configs (tokens, bodies); these never leave here.
 */
class ProviderHttpError extends Error {
    status;
    providerCode;
    providerMessage;
    constructor(status, providerCode, providerMessage) {
        const detail = [providerCode, providerMessage].filter(Boolean).join(': ');
        super(detail ? `HTTP ${status} (${detail})` : `HTTP ${status}`);
        this.status = status;
        this.providerCode = providerCode;
        this.providerMessage = providerMessage;
        this.name = 'ProviderHttpError';
    }
}
/** A transport fault with only its message and code kept (no request config, no headers). */
class ProviderNetworkError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.name = code === 'TimeoutError' ? 'TimeoutError' : 'ProviderNetworkError';
        this.code = code;
    }
}
/** Rethrows an exhausted retry as `<CODE>` AstlError naming the provider and the last fault. */
function exhausted(err, code, hint) {
    if (err instanceof _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryExhaustedError */ .aB) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(err.message, { code, hint });
    }
    throw err;
}


/***/ })

};
