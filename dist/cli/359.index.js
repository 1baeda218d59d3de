export const id = 359;
export const ids = [359,167];
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

/***/ 1359:
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
const agent_config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/agent-config.schema.json","title":"Agent registry (agent-config.yaml)","description":"The registry of every AI agent or bot allowed to obtain credentials in CI/CD. Keys are kebab-case.","type":"object","additionalProperties":false,"required":["agents"],"properties":{"agents":{"description":"Every registered agent; each name must be unique.","type":"array","items":{"description":"one registered agent","$ref":"#/definitions/agent"}}},"definitions":{"agent":{"description":"One registered agent.","type":"object","additionalProperties":false,"required":["name","type"],"properties":{"name":{"description":"unique agent name: lowercase letters, digits and \'-\', starting with a letter or digit","type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":63,"examples":["code-review-assistant"]},"type":{"description":"the agent\'s type; AgentPolicy documents apply by type (spec.agentTypes)","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$","examples":["coding-assistant","deploy-manager"]},"owner":{"description":"the human or team accountable for the agent; credentials are refused without one","examples":["platform-team","@acme/platform"],"if":{"type":"null"},"else":{"description":"the human or team accountable for the agent, one line of text without control characters; credentials are refused without one","type":"string","pattern":"^[^\\\\u0000-\\\\u001F\\\\u007F-\\\\u009F\\\\u2028\\\\u2029]*\\\\n?$"}},"purpose":{"description":"why the agent exists; used when a credential request gives no purpose of its own","examples":["Automated code review and suggestions"],"if":{"type":"null"},"else":{"description":"why the agent exists, one line of text without control characters; used when a credential request gives no purpose of its own","type":"string","pattern":"^[^\\\\u0000-\\\\u001F\\\\u007F-\\\\u009F\\\\u2028\\\\u2029]*\\\\n?$"}},"permissions":{"description":"declared needs, each a single `resource: access` pair","type":"array","items":{"description":"one `resource: access` pair, e.g. `repository: read`","type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"patternProperties":{"^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$":{"description":"access level: read, write, comment, admin, delete, ...","type":"string","pattern":"^[a-z*][a-z0-9_*-]*$","examples":["read","write","comment"]}},"examples":[{"repository":"read"},{"pull-requests":"comment"}]},"examples":[[{"repository":"read"},{"pull-requests":"comment"}]]},"credential-policy":{"description":"ephemeral or long-lived; this product only mints ephemeral credentials","type":"string","enum":["ephemeral","long-lived"]},"max-ttl":{"description":"optional cap on the lifetime of any credential minted for this agent: seconds (900), \\"15m\\", \\"1h\\", \\"1h30m\\"","examples":["1h","15m",3600],"if":{"type":"string"},"then":{"type":"string","description":"a duration: seconds (900 or \\"900s\\"), minutes (\\"15m\\"), hours (\\"1h\\"), days (\\"1d\\") or a combination (\\"1h30m\\")","pattern":"^\\\\s*(\\\\d+|(\\\\d+[smhd])+)\\\\s*$","examples":["15m","1h","1h30m","900"]},"else":{"description":"a duration: seconds (900 or \\"900s\\"), minutes (\\"15m\\"), hours (\\"1h\\"), days (\\"1d\\") or a combination (\\"1h30m\\")","type":"integer","minimum":1}},"audit-level":{"description":"how much is recorded about the agent\'s credential use (anything but full is flagged by the scanner)","type":"string","enum":["full","minimal","none"]},"credentials":{"description":"how the agent reaches clouds","type":"object","additionalProperties":false,"properties":{"aws":{"description":"AWS: STS AssumeRoleWithWebIdentity settings (action inputs override them key by key)","$ref":"#/definitions/aws"},"vault":{"description":"HashiCorp Vault: JWT auth settings and secret reads (action inputs override them key by key)","$ref":"#/definitions/vault"}}}}},"aws":{"description":"AWS STS AssumeRoleWithWebIdentity settings","type":"object","additionalProperties":false,"required":["role-arn"],"properties":{"role-arn":{"description":"an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>","type":"string","pattern":"^arn:aws[a-z-]*:iam::\\\\d{12}:role/[\\\\w+=,.@/-]{1,512}$","examples":["arn:aws:iam::111122223333:role/review-bot"]},"region":{"description":"AWS region of the STS endpoint and exported AWS_REGION","type":"string","pattern":"^[a-z]{2}(-[a-z]+)+-\\\\d+$","examples":["us-east-1","eu-west-2"]},"session-policy":{"description":"path (from the repository root) of an IAM policy JSON document that scopes the session down","type":"string","minLength":1,"examples":["policies/iam/review-bot-scope.json"]},"audience":{"description":"audience of the OIDC token presented to STS (default sts.amazonaws.com)","type":"string","minLength":1,"examples":["sts.amazonaws.com"]}}},"vault":{"description":"HashiCorp Vault JWT auth settings and secret reads","type":"object","additionalProperties":false,"required":["url","role"],"properties":{"url":{"description":"Vault address, http(s)://host[:port]","type":"string","pattern":"^https?://[^\\\\s/]+(/\\\\S*)?$","examples":["https://vault.example.com:8200"]},"role":{"description":"the JWT auth role to log in as","type":"string","minLength":1,"examples":["review-bot"]},"auth-path":{"description":"mount path of the JWT auth method (default jwt)","type":"string","pattern":"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$","examples":["jwt","jwt-github"]},"namespace":{"description":"Vault Enterprise namespace (empty for none)","type":"string","examples":["","admin/ci"]},"audience":{"description":"audience of the OIDC token presented to Vault (default the url)","type":"string","minLength":1,"examples":["vault"]},"secrets":{"description":"secrets to read after login","type":"array","items":{"description":"one secret read: the KV path as the HTTP API spells it, the key, and the environment variable to export it as","type":"object","additionalProperties":false,"required":["path","key","env"],"properties":{"path":{"description":"secret path as the HTTP API spells it (KV v2: <mount>/data/<path>)","type":"string","pattern":"^[^\\\\s/][^\\\\s]*$","examples":["secret/data/ci/review"]},"key":{"description":"key within the secret\'s data","type":"string","minLength":1,"examples":["token"]},"env":{"description":"environment variable name for the value: upper-case letters, digits and _; names that change how later programs run (PATH, LD_*, NODE_OPTIONS, GIT_*, GITHUB_*, AWS_*, ...) are refused, see docs/security.md","type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","examples":["REVIEW_TOKEN"]}}}}}}}}');
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
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
            ? (0,core/* readWorkspaceFile */.sL)(path, { root: options.workspace.root, base: process.cwd() }, options.use ?? { what: 'config' }).toString('utf8')
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
                hint: `create ${path} listing your agents, or point the 'config' input at the registry`,
                fix: MINIMAL_REGISTRY,
            });
        }
        if (code === 'EISDIR') {
            throw new core/* AstlError */.Ht(`agent registry ${path} is a folder, not a file`, {
                code: 'REGISTRY_NOT_FOUND',
                location: { file: path },
                hint: "point the 'config' input at the registry file, e.g. agent-config.yaml",
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
    errors.push(...(0,core/* validateWithSchema */.CW)(doc, agent_config_schema_namespaceObject, WHAT, REGISTRY_INVALID));
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
                hint: err.hint,
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
