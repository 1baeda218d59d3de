export const id = 392;
export const ids = [392];
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

/***/ 2392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dotenv: () => (/* binding */ dotenv),
/* harmony export */   junit: () => (/* binding */ junit),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _packages_core_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(636);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);
/**
 * `astl gate`: the deploy gate for GitLab jobs and laptops. Same engine as the GitHub action
 * (packages/gate): policy, image digests through the OCI API, CEL expressions, fail closed.
 * Exit 0 allow, 1 deny, 2 approval_needed; shadow mode reports and exits 0.
 */





const spec = {
    name: 'gate',
    summary: 'check a deploy request against policy: allow, deny or approval_needed',
    usage: 'astl gate --policy P --agent A --environment E [--image REF]... [--replicas N] [--params JSON|YAML] [--shadow] [--format text|json|junit|dotenv]',
    flags: {
        policy: { type: 'string', value: 'PATH', description: 'deploy policy file or folder (default policies)' },
        agent: { type: 'string', value: 'NAME', description: 'agent asking to deploy (default $ASTL_AGENT)' },
        'agent-type': {
            type: 'string',
            value: 'TYPE',
            description: 'agent type (default: looked up in the registry)',
        },
        config: {
            type: 'string',
            value: 'FILE',
            description: "agent registry, for the agent's type (default agent-config.yaml)",
        },
        action: { type: 'string', value: 'ACTION', description: 'requested action (default deploy)' },
        environment: { type: 'string', value: 'ENV', description: 'target environment (required)' },
        image: {
            type: 'string',
            multiple: true,
            value: 'REF',
            description: 'image to deploy; tags are resolved to digests',
        },
        replicas: { type: 'string', value: 'N', description: 'requested replica count' },
        params: {
            type: 'string',
            value: 'JSON|YAML',
            description: 'request parameters (a mapping) for expressions and allowed_hosts',
        },
        shadow: { type: 'boolean', description: 'report the decision but never fail (exit 0)' },
        format: {
            type: 'string',
            value: 'FORMAT',
            description: 'stdout format: text (default), json (decision record), junit, dotenv',
        },
        output: {
            type: 'string',
            value: 'FILE',
            description: 'write the --format output to FILE instead of stdout',
        },
        junit: {
            type: 'string',
            value: 'FILE',
            description: 'also write a JUnit report (one test case per rule)',
        },
        dotenv: {
            type: 'string',
            value: 'FILE',
            description: 'also write a dotenv report: decision, id, policy digest, pinned images',
        },
        record: { type: 'string', value: 'FILE', description: 'also write the decision record (JSON)' },
    },
    examples: [
        'astl gate --policy policies --agent deploy-bot --environment staging --image ghcr.io/acme/app:1.4.2',
        'astl gate --agent deploy-bot --environment production --image ghcr.io/acme/app@sha256:… \\',
        '  --replicas 3 --params \'{"amount": 250}\' --junit gate.xml --dotenv gate.env',
    ],
    notes: [
        'Exit codes: 0 allow (or --shadow), 1 deny, 2 approval_needed, 3 usage error.',
        'Fail closed: a policy that does not load, an unreachable registry or an expression error is a deny.',
        'Approvals and max_per_day budgets use the GitHub API when GITHUB_TOKEN and GITHUB_REPOSITORY are',
        "set; elsewhere they cannot be checked and fail closed (use GitLab's protected environments for approvals).",
    ],
};
const FORMATS = ['text', 'json', 'junit', 'dotenv'];
async function run(args, io) {
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .choice */ .Yq)(args, 'format', FORMATS, 'text');
    const env = io.env;
    const agent = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'agent')?.trim() || env.ASTL_AGENT?.trim();
    if (!agent) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e("'astl gate' needs --agent (or ASTL_AGENT, which 'astl credentials' writes)", "run 'astl gate --help'");
    }
    const environment = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'environment')?.trim();
    if (!environment)
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e("'astl gate' needs --environment", 'for example --environment staging');
    const replicasText = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'replicas')?.trim();
    if (replicasText && !/^\d{1,9}$/.test(replicasText)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--replicas '${replicasText}' is not a whole number`, 'for example --replicas 3');
    }
    const params = parseParams((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'params'));
    const images = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)(args, 'image')
        .flatMap((i) => i.split(/\s+/))
        .filter(Boolean);
    const shadow = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(args, 'shadow');
    const { GitHubClient, runGate } = await Promise.all(/* import() */[__webpack_require__.e(856), __webpack_require__.e(337), __webpack_require__.e(458), __webpack_require__.e(562)]).then(__webpack_require__.bind(__webpack_require__, 6562));
    const github = githubContext(env);
    // Without the GitHub API there is no approval to find: the answer is approval_needed (exit 2),
    // for the pipeline to route through its own approval (GitLab protected environments). Budgets
    // cannot be counted and fail closed.
    const offline = {
        findApproval: async () => undefined,
        countRecentDeploys: async () => {
            throw new _packages_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht('max_per_day budgets need the GitHub Deployments API (GITHUB_TOKEN and GITHUB_REPOSITORY)', {
                code: 'BUDGET_UNAVAILABLE',
            });
        },
        recordDeployment: async () => undefined,
    };
    let result;
    try {
        result = await runGate({
            policyPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'policy') || 'policies',
            agent,
            ...((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'agent-type') ? { agentType: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'agent-type') } : {}),
            registryPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'config') || 'agent-config.yaml',
            action: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'action')?.trim() || 'deploy',
            environment,
            images,
            ...(replicasText ? { replicas: Number(replicasText) } : {}),
            params,
            mode: shadow ? 'shadow' : 'enforce',
            ci: ciInfo(env),
            github: github?.repo ?? { owner: 'local', repo: 'local', runId: 'local' },
            resolve: { log: (m) => io.err(m) },
        }, {
            github: github ? new GitHubClient({ token: github.token, baseUrl: env.GITHUB_API_URL }) : offline,
            onWarning: (m) => io.err(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'yellow', 'warning')}: ${m}`),
        });
    }
    catch (err) {
        // A fault the engine did not turn into a reason: still a deny (fail closed).
        io.err(`astl: deploy gate failed (denied): ${err instanceof _packages_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht ? err.format() : String(err?.stack ?? err)}`);
        return shadow ? _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok : _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.deny;
    }
    const { record } = result;
    const rendered = render(format, record, io);
    const output = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'output');
    if (output)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(output, rendered);
    else
        io.out(rendered);
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'junit'))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'junit'), junit(record));
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'dotenv'))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'dotenv'), dotenv(record));
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'record'))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'record'), `${JSON.stringify(record, null, 2)}\n`);
    if (format !== 'text' || output)
        io.err(headline(record, io));
    if (record.decision === 'approval_needed' && !github) {
        io.err('Outside GitHub the gate cannot see approvals: exit 2 means "approval needed". In GitLab, deploy through a protected environment with required approvals, or a manual job that only an approver can run.');
    }
    if (record.decision === 'allow' || shadow)
        return _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
    return record.decision === 'approval_needed' ? _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.approvalNeeded : _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.deny;
}
function parseParams(text) {
    if (!text?.trim())
        return {};
    const docs = (0,_packages_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .hN)(text, '--params');
    const value = docs[0]?.value;
    if (docs.length !== 1 || value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e('--params must be one JSON or YAML mapping', `for example --params '{"amount": 250}'`);
    }
    return value;
}
function githubContext(env) {
    const token = env.GITHUB_TOKEN?.trim();
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!token || !owner || !repo)
        return undefined;
    return {
        token,
        repo: {
            owner,
            repo,
            ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
            ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
        },
    };
}
function ciInfo(env) {
    const pick = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));
    if (env.GITLAB_CI) {
        return pick({
            provider: 'gitlab',
            repository: env.CI_PROJECT_PATH,
            run_id: env.CI_PIPELINE_ID,
            job: env.CI_JOB_NAME,
            sha: env.CI_COMMIT_SHA,
            ref: env.CI_COMMIT_REF_NAME,
            actor: env.GITLAB_USER_LOGIN,
        });
    }
    if (env.GITHUB_ACTIONS) {
        return pick({
            provider: 'github',
            repository: env.GITHUB_REPOSITORY,
            run_id: env.GITHUB_RUN_ID,
            run_attempt: env.GITHUB_RUN_ATTEMPT,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF,
            actor: env.GITHUB_ACTOR,
        });
    }
    return { provider: 'local' };
}
function headline(r, io) {
    const colour = r.decision === 'allow' ? 'green' : r.decision === 'deny' ? 'red' : 'yellow';
    const shadow = r.mode === 'shadow' && r.decision !== 'allow' ? ' (shadow mode: not enforced)' : '';
    return `deploy gate: ${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, colour, r.decision)}${shadow} for ${r.request.agent} ${r.request.action} -> ${r.request.environment} (decision ${r.decision_id})`;
}
function render(format, r, io) {
    switch (format) {
        case 'json':
            return `${JSON.stringify(r, null, 2)}\n`;
        case 'junit':
            return junit(r);
        case 'dotenv':
            return dotenv(r);
        default: {
            const lines = [headline(r, io)];
            for (const reason of r.reasons)
                lines.push(`  ${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'bold', reason.code)} ${reason.rule}: ${reason.message}`);
            for (const i of r.images)
                lines.push(`  image ${i.input} -> ${i.pinned ?? `not resolved (${i.error ?? 'unknown'})`}`);
            lines.push(`  policy ${r.policy.path} sha256 ${r.policy.sha256 ?? '(not loaded)'}`);
            return `${lines.join('\n')}\n`;
        }
    }
}
/** Only non-secret facts a later job may use: the decision and the exact images to deploy. */
function dotenv(r) {
    const pinned = r.images.flatMap((i) => (i.pinned ? [i.pinned] : []));
    const vars = {
        ASTL_GATE_DECISION: r.decision,
        ASTL_GATE_DECISION_ID: r.decision_id,
        ASTL_GATE_POLICY_SHA256: r.policy.sha256 ?? '',
        ASTL_GATE_IMAGES: pinned.join(' '),
    };
    // GitLab's dotenv report: one KEY=value a line, no newlines in values.
    return `${Object.entries(vars)
        .map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}`)
        .join('\n')}\n`;
}
const xml = (s) => s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
/**
 * JUnit for GitLab's test report: one test case per rule that spoke (each reason fails its
 * case), one per image, and one for the overall decision, so the merge request's test widget
 * shows exactly which rule stopped the deploy.
 */
function junit(r) {
    const cases = [];
    const seconds = (r.metrics.timer_total_ms / 1000).toFixed(3);
    const classname = `astl.gate.${r.request.environment}`;
    for (const reason of r.reasons) {
        const kind = r.mode === 'shadow' ? 'system-out' : 'failure';
        const body = kind === 'failure'
            ? `<failure type="${xml(reason.code)}" message="${xml(reason.message)}">${xml(`${reason.rule}: ${reason.message}`)}</failure>`
            : `<system-out>${xml(`shadow mode, not enforced: ${reason.rule}: ${reason.message}`)}</system-out>`;
        cases.push(`    <testcase classname="${xml(classname)}" name="${xml(`${reason.code} ${reason.rule}`)}" time="0">${body}</testcase>`);
    }
    for (const i of r.images) {
        const name = `image ${i.input}`;
        const ok = Boolean(i.pinned) && !r.reasons.some((x) => x.message.includes(i.input));
        cases.push(ok
            ? `    <testcase classname="${xml(classname)}" name="${xml(name)}" time="0"><system-out>${xml(`pinned as ${i.pinned}`)}</system-out></testcase>`
            : `    <testcase classname="${xml(classname)}" name="${xml(name)}" time="0">${r.mode === 'shadow' ? '<skipped/>' : `<failure type="${xml(i.error ?? 'IMAGE_NOT_ALLOWED')}" message="${xml(i.pinned ? 'not allowed by policy' : 'not resolved')}"/>`}</testcase>`);
    }
    const decisionOk = r.decision === 'allow' || r.mode === 'shadow';
    cases.push(`    <testcase classname="${xml(classname)}" name="decision" time="${seconds}">${decisionOk
        ? `<system-out>${xml(`${r.decision} (decision ${r.decision_id})`)}</system-out>`
        : `<failure type="${xml(r.decision)}" message="${xml(`deploy ${r.decision}`)}">${xml(r.reasons.map((x) => `${x.code} ${x.rule}: ${x.message}`).join('\n'))}</failure>`}</testcase>`);
    const failures = cases.filter((c) => c.includes('<failure')).length;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="astl gate" tests="${cases.length}" failures="${failures}" time="${seconds}">`,
        `  <testsuite name="${xml(`deploy gate: ${r.request.agent} ${r.request.action} -> ${r.request.environment}`)}" tests="${cases.length}" failures="${failures}" time="${seconds}" timestamp="${r.timestamp}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}


/***/ })

};
