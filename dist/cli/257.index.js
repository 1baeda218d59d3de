export const id = 257;
export const ids = [257];
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

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hm: () => (/* reexport */ check/* checkCredentialRequest */.Hm),
  gN: () => (/* reexport */ agent_policy/* loadAgentPolicies */.gN),
  Ag: () => (/* reexport */ registry_registry/* loadRegistry */.Ag),
  Hw: () => (/* reexport */ agent_policy/* parseAgentPolicies */.Hw),
  l5: () => (/* reexport */ registry_registry/* parseRegistry */.l5),
  Ac: () => (/* reexport */ agent_policy/* policiesForType */.Ac),
  cT: () => (/* reexport */ resolveAgent)
});

// UNUSED EXPORTS: AGENT_POLICY_KIND, MAX_POLICY_FILES, MAX_POLICY_FILE_BYTES, MINIMAL_REGISTRY, REGISTRY_INVALID, RESTRICTIONS, durationCapsFor, isProductionEnvironment, listPolicyFiles, namesProduction, policySchema, readPolicyDocuments, readPolicySet, registryEntrySnippet, registrySchema, sortByLine

// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 1 modules
var agent_policy = __webpack_require__(8378);
// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
// EXTERNAL MODULE: ./packages/registry/registry.ts + 1 modules
var registry_registry = __webpack_require__(1359);
// EXTERNAL MODULE: ./packages/core/index.ts + 3 modules
var core = __webpack_require__(636);
;// CONCATENATED MODULE: ./packages/registry/resolve.ts
/** Which registered agent a credential or gate request is for. */


const lineOf = (e) => e.keyLocations['name']?.line ?? e.location.line ?? '?';
/**
 * Finds the agent a request names: by name, or by type when exactly one agent has it.
 * Errors: AGENT_NOT_REGISTERED, AGENT_AMBIGUOUS, AGENT_TYPE_MISMATCH, AGENT_REQUIRED (neither
 * given); each with a hint and a YAML `fix`.
 */
function resolveAgent(registry, selector) {
    const name = selector.agent?.trim() || undefined;
    const type = selector.agentType?.trim() || undefined;
    const agentsAt = registry.doc.locateKey(['agents']);
    if (name !== undefined) {
        const entry = registry.agents.find((a) => a.name === name);
        if (!entry) {
            const guess = (0,core/* closest */.kp)(name, registry.agents.map((a) => a.name));
            throw new core/* AstlError */.Ht(`agent '${name}' is not registered in ${registry.file}`, {
                code: 'AGENT_NOT_REGISTERED',
                location: agentsAt,
                hint: guess
                    ? `did you mean '${guess}'? Otherwise add the agent to ${registry.file} (every agent needs an owner and a purpose)`
                    : `add the agent to ${registry.file} (every agent needs an owner and a purpose)${knownAgents(registry)}`,
                fix: (0,registry_registry/* registryEntrySnippet */.fK)(name, type ?? '<agent-type>'),
            });
        }
        if (type !== undefined && type !== entry.type) {
            throw new core/* AstlError */.Ht(`agent '${name}' is registered with type '${entry.type}', but the request says agent-type '${type}'`, {
                code: 'AGENT_TYPE_MISMATCH',
                location: entry.keyLocations['type'] ?? entry.location,
                hint: `make the agent-type input match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
                fix: `with:\n  agent: ${name}\n  agent-type: ${entry.type}\n`,
            });
        }
        return entry;
    }
    if (type !== undefined) {
        const matches = registry.agents.filter((a) => a.type === type);
        if (matches.length === 1)
            return matches[0];
        if (matches.length === 0) {
            const types = [...new Set(registry.agents.map((a) => a.type))];
            const guess = (0,core/* closest */.kp)(type, types);
            throw new core/* AstlError */.Ht(`no agent of type '${type}' is registered in ${registry.file}`, {
                code: 'AGENT_NOT_REGISTERED',
                location: agentsAt,
                hint: (guess ? `did you mean type '${guess}'? ` : '') +
                    (types.length ? `registered types: ${types.join(', ')}. ` : '') +
                    `Otherwise register an agent of this type in ${registry.file}`,
                fix: (0,registry_registry/* registryEntrySnippet */.fK)('<agent-name>', type),
            });
        }
        throw new core/* AstlError */.Ht(`${matches.length} agents have type '${type}' (${matches
            .map((m) => `${m.name} at line ${lineOf(m)}`)
            .join(', ')}); the request must name one`, {
            code: 'AGENT_AMBIGUOUS',
            location: matches[0].keyLocations['name'] ?? matches[0].location,
            hint: `set the agent input to one of: ${matches.map((m) => m.name).join(', ')}`,
            fix: `with:\n  agent: ${matches[0].name}\n  agent-type: ${type}\n`,
        });
    }
    throw new core/* AstlError */.Ht('no agent named: set the agent input (or agent-type when one agent has that type)', {
        code: 'AGENT_REQUIRED',
        location: agentsAt,
        hint: `name one of the agents registered in ${registry.file}${knownAgents(registry)}`,
        fix: `with:\n  agent: ${registry.agents[0]?.name ?? '<agent-name>'}\n`,
    });
}
function knownAgents(registry) {
    if (registry.agents.length === 0)
        return '; the registry lists no agents yet';
    const names = registry.agents.map((a) => a.name);
    const shown = names.slice(0, 10).join(', ');
    return `; registered: ${shown}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
}

;// CONCATENATED MODULE: ./packages/registry/index.ts
/**
 * Agent registry (agent-config.yaml) and AgentPolicy model: parsing with positions, validation
 * against schemas/, agent resolution and the credentials pre-check. No Actions I/O here.
 */







/***/ }),

/***/ 257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ALL_RULES: () => (/* reexport */ ALL_RULES),
  DEFAULT_EXCLUDE: () => (/* reexport */ DEFAULT_EXCLUDE),
  DEFAULT_PATHS: () => (/* reexport */ DEFAULT_PATHS),
  DOCS_URL: () => (/* reexport */ DOCS_URL),
  INFORMATION_URI: () => (/* reexport */ INFORMATION_URI),
  MAX_FILE_BYTES: () => (/* reexport */ MAX_FILE_BYTES),
  SCANNER_RULES: () => (/* reexport */ SCANNER_RULES),
  SCANNER_RULES_BY_ID: () => (/* reexport */ SCANNER_RULES_BY_ID),
  TOOL_NAME: () => (/* reexport */ TOOL_NAME),
  anchorFor: () => (/* reexport */ anchorFor),
  annotation: () => (/* reexport */ annotation),
  annotationLines: () => (/* reexport */ annotationLines),
  compareFindings: () => (/* reexport */ compareFindings),
  computeChangeSet: () => (/* reexport */ computeChangeSet),
  escapeCommandData: () => (/* reexport */ escapeCommandData),
  escapeCommandProperty: () => (/* reexport */ escapeCommandProperty),
  fileUri: () => (/* reexport */ fileUri),
  fingerprint: () => (/* reexport */ fingerprint),
  gitChangeSet: () => (/* reexport */ gitChangeSet),
  globMatcher: () => (/* reexport */ globMatcher),
  helpUriFor: () => (/* reexport */ helpUriFor),
  hunkHeadRange: () => (/* reexport */ hunkHeadRange),
  isChangedLine: () => (/* reexport */ isChangedLine),
  jsonReport: () => (/* reexport */ jsonReport),
  markdownCell: () => (/* reexport */ markdownCell),
  markdownCode: () => (/* reexport */ markdownCode),
  parseBaseline: () => (/* reexport */ parseBaseline),
  printable: () => (/* reexport */ printable),
  rangesFromPatch: () => (/* reexport */ rangesFromPatch),
  scan: () => (/* reexport */ scan),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  textReport: () => (/* reexport */ textReport),
  toCodeQuality: () => (/* reexport */ toCodeQuality),
  toSarif: () => (/* reexport */ toSarif),
  unquoteGitPath: () => (/* reexport */ unquoteGitPath),
  writeBaseline: () => (/* reexport */ writeBaseline)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 22 modules
var dist_src = __webpack_require__(891);
// EXTERNAL MODULE: ./packages/core/index.ts + 3 modules
var core = __webpack_require__(636);
;// CONCATENATED MODULE: ./packages/scanner/changeset.ts
/**
 * What a pull request changed, as head-side line ranges per file: from `git diff base...head`
 * when both commits are present, else from the GitHub API's pull request files (shallow
 * clones), else nothing (the caller scans everything and says why).
 */



function isChangedLine(change, line, endLine = line) {
    if (change.wholeFile)
        return true;
    return change.ranges.some(([from, to]) => from <= endLine && line <= to);
}
async function computeChangeSet(options) {
    const warnings = [];
    const head = options.head || 'HEAD';
    const gitProblem = await missingCommit(options.root, [options.base, head]);
    if (!gitProblem) {
        try {
            return { changes: await gitChangeSet(options.root, options.base, head), warnings };
        }
        catch (err) {
            warnings.push(`git diff ${options.base}...${head} failed: ${firstLine((0,core/* describeFault */.Qx)(err))}`);
        }
    }
    else {
        warnings.push(gitProblem);
    }
    if (options.github) {
        try {
            return { changes: await githubChangeSet(options.github, options.timeoutMs ?? 30_000), warnings };
        }
        catch (err) {
            warnings.push(`the GitHub API did not list the pull request's files either: ${firstLine((0,core/* describeFault */.Qx)(err))}`);
        }
    }
    return { warnings };
}
function git(root, args, maxBuffer = 256 * 1024 * 1024) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', ...args], {
            cwd: root,
            maxBuffer,
            encoding: 'utf8',
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        }, (err, stdout, stderr) => {
            if (err)
                reject(new Error(stderr.trim() || err.message));
            else
                resolve(stdout);
        });
    });
}
async function missingCommit(root, refs) {
    for (const ref of refs) {
        try {
            await git(root, ['cat-file', '-e', `${ref}^{commit}`]);
        }
        catch {
            return `commit ${ref} is not in the local clone (a shallow checkout? use \`fetch-depth: 0\` on actions/checkout)`;
        }
    }
    // base...head needs a merge base; a shallow clone may hold both commits but not their ancestor.
    try {
        await git(root, ['merge-base', refs[0], refs[1]]);
    }
    catch {
        return `no common ancestor of ${refs[0]} and ${refs[1]} in the local clone (shallow history; use \`fetch-depth: 0\`)`;
    }
    return undefined;
}
async function gitChangeSet(root, base, head) {
    const range = `${base}...${head}`;
    const common = ['--no-color', '--no-ext-diff', '-M', '--src-prefix=a/', '--dst-prefix=b/'];
    const [names, patch] = await Promise.all([
        git(root, ['diff', ...common, '-z', '--name-status', range, '--']),
        git(root, ['diff', ...common, '--unified=0', range, '--']),
    ]);
    const files = new Map();
    // -z --name-status: STATUS\0path\0 (or Rxxx\0old\0new\0): unambiguous for any file name.
    const parts = names.split('\0');
    for (let i = 0; i < parts.length;) {
        const status = parts[i++];
        if (!status)
            continue;
        const kind = status[0];
        if (kind === 'R' || kind === 'C')
            i++; // skip the old path
        const path = parts[i++];
        if (!path || kind === 'D')
            continue;
        files.set(path, { file: path, ranges: [], ...(kind === 'T' ? { wholeFile: true } : {}) });
    }
    let current;
    for (const line of patch.split('\n')) {
        if (line.startsWith('+++ ')) {
            const target = line.slice(4);
            const path = target === '/dev/null' ? undefined : stripPrefix(unquoteGitPath(target));
            current = path ? files.get(path) : undefined;
            continue;
        }
        if (line.startsWith('diff --git ')) {
            current = undefined;
            continue;
        }
        if (current && line.startsWith('@@')) {
            const range = hunkHeadRange(line);
            if (range)
                current.ranges.push(range);
        }
        else if (line.startsWith('Binary files ') && current) {
            current.wholeFile = true;
        }
    }
    // Binary files have no +++ line: mark any file without hunks that git called binary.
    for (const m of patch.matchAll(/^Binary files (?:.*) and (.*) differ$/gm)) {
        const path = stripPrefix(unquoteGitPath(m[1] ?? ''));
        const change = files.get(path);
        if (change)
            change.wholeFile = true;
    }
    return { source: 'git', files };
}
/** `@@ -a,b +c,d @@` -> the head-side range, or undefined for a pure deletion (d = 0). */
function hunkHeadRange(header) {
    const m = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @@/.exec(header);
    if (!m)
        return undefined;
    const startLine = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count === 0)
        return undefined;
    return [startLine, startLine + count - 1];
}
function stripPrefix(path) {
    return path.startsWith('b/') ? path.slice(2) : path;
}
/** Git's C-style quoting of unusual paths: "b/new\nline" with octal escapes for raw bytes. */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"'))
        return text;
    const body = text.slice(1, -1);
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            for (const b of Buffer.from(c, 'utf8'))
                bytes.push(b);
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(simple[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Parses a unified diff `patch` (as the GitHub API returns per file) into head-side ranges. */
function rangesFromPatch(patch) {
    const out = [];
    let line = 0;
    let runStart = 0;
    const flush = () => {
        if (runStart)
            out.push([runStart, line - 1]);
        runStart = 0;
    };
    for (const text of patch.split('\n')) {
        if (text.startsWith('@@')) {
            flush();
            const m = /\+(\d+)/.exec(text);
            line = m ? Number(m[1]) : 0;
            continue;
        }
        if (text.startsWith('+')) {
            if (!runStart)
                runStart = line;
            line++;
        }
        else if (text.startsWith('-') || text.startsWith('\\')) {
            // deleted line or "\ No newline at end of file": head line number does not move
        }
        else {
            flush();
            line++;
        }
    }
    flush();
    return out;
}
async function githubChangeSet(pr, timeoutMs) {
    const octokit = new dist_src/* Octokit */.E({ auth: pr.token, baseUrl: pr.apiUrl, userAgent: 'astl-scan' });
    const deadline = new core/* Deadline */.B2(timeoutMs);
    const files = new Map();
    // The endpoint lists at most 3000 files, 100 a page.
    for (let page = 1; page <= 30; page++) {
        const { data } = await (0,core/* withRetry */.bD)((signal) => octokit.rest.pulls.listFiles({
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            per_page: 100,
            page,
            request: { signal },
        }), {
            attempts: 4,
            baseDelayMs: 500,
            maxDelayMs: 5000,
            attemptTimeoutMs: 10_000,
            deadline,
            what: `GitHub API GET /repos/${pr.owner}/${pr.repo}/pulls/${pr.number}/files`,
            isRetryable: (err) => (0,core/* isNetworkFault */.d$)(err) || (0,core/* isRetryableStatus */.PS)(Number(err.status ?? 0)),
        });
        for (const f of data) {
            if (f.status === 'removed')
                continue;
            files.set(f.filename, f.patch
                ? { file: f.filename, ranges: rangesFromPatch(f.patch) }
                : { file: f.filename, ranges: [], wholeFile: f.status !== 'renamed' });
        }
        if (data.length < 100)
            break;
    }
    return { source: 'github-api', files };
}
function firstLine(s) {
    return s.split('\n')[0] ?? s;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/scanner/finding.ts

/**
 * The one way to fingerprint a finding: rule id, file, and the normalised content the finding
 * is about (whitespace collapsed), never the line number, so it survives lines moving. Pass a
 * secret's hash rather than the secret itself when the content is sensitive.
 */
function fingerprint(ruleId, file, content) {
    const normalised = content.replace(/\s+/g, ' ').trim();
    return (0,external_node_crypto_.createHash)('sha256').update(`${ruleId}\0${file}\0${normalised}`).digest('hex').slice(0, 32);
}

;// CONCATENATED MODULE: ./packages/scanner/order.ts
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
/** Most severe first, then by file, line, column and rule. */
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./packages/scanner/report/escape.ts
/**
 * Escaping for everything the scanner prints. File names and messages come from the scanned
 * repository, so a hostile name ("x\n::set-env ...", "a,b::c", "%0A") must never start a new
 * workflow command, break a property list, or inject Markdown/HTML into the job summary.
 */
/** Workflow command message: the runner decodes %25, %0D, %0A. */
function escapeCommandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Workflow command property value: additionally `:` and `,`, which delimit properties. */
function escapeCommandProperty(text) {
    return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** A file name or message for a log line: control characters shown as escapes, one line. */
function printable(text) {
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** One Markdown table cell: no line breaks, pipes escaped, no raw HTML. */
function markdownCell(text) {
    return printable(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|');
}
/** Inline code that cannot be closed early by a backtick in the content. */
function markdownCode(text) {
    const clean = markdownCell(text);
    const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/annotations.ts


const COMMAND = { error: 'error', warning: 'warning', note: 'notice' };
function annotationLines(findings, options = {}) {
    const max = options.maxPerType ?? 10;
    const titles = new Map((options.rules ?? []).map((r) => [r.id, r.title]));
    const shown = { error: 0, warning: 0, note: 0 };
    const hidden = { error: 0, warning: 0, note: 0 };
    const lines = [];
    const sorted = [...findings].sort(compareFindings);
    const count = { error: 0, warning: 0, note: 0 };
    for (const f of sorted)
        count[f.severity]++;
    const overflow = count.error > max || count.warning > max || count.note > max;
    // The overflow notice takes one of the notice slots.
    const limits = { error: max, warning: max, note: overflow ? max - 1 : max };
    for (const f of sorted) {
        if (shown[f.severity] >= limits[f.severity]) {
            hidden[f.severity]++;
            continue;
        }
        shown[f.severity]++;
        lines.push(annotation(f, titles.get(f.ruleId)));
    }
    const more = hidden.error + hidden.warning + hidden.note;
    if (more > 0) {
        const parts = ['error', 'warning', 'note']
            .filter((s) => hidden[s] > 0)
            .map((s) => `${hidden[s]} ${s === 'note' ? 'note' : s}${hidden[s] === 1 ? '' : 's'}`);
        const where = options.sarifFile
            ? `the SARIF file (${options.sarifFile}) and the job summary`
            : 'the job summary';
        lines.push(`::notice title=${escapeCommandProperty('astl scan: more findings')}::${escapeCommandData(`${more} more finding${more === 1 ? '' : 's'} (${parts.join(', ')}) not shown as annotations: GitHub displays ${max} per type and step. See ${where}.`)}`);
    }
    return lines;
}
function annotation(f, title) {
    const props = [`file=${escapeCommandProperty(f.file)}`, `line=${f.line}`];
    if (f.endLine !== undefined && f.endLine !== f.line)
        props.push(`endLine=${f.endLine}`);
    if (f.column !== undefined) {
        props.push(`col=${f.column}`);
        if (f.endColumn !== undefined && (f.endLine === undefined || f.endLine === f.line)) {
            props.push(`endColumn=${f.endColumn}`);
        }
    }
    props.push(`title=${escapeCommandProperty(`${f.ruleId}${title ? `: ${title}` : ''}`)}`);
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeCommandData(f.message)}`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/codequality.ts
function toCodeQuality(findings, rules = []) {
    const score = new Map(rules.map((r) => [r.id, r.securitySeverity]));
    return findings.map((f) => {
        const s = score.get(f.ruleId) ?? 5;
        const severity = f.severity === 'error'
            ? s >= 9
                ? 'blocker'
                : 'critical'
            : f.severity === 'warning'
                ? 'major'
                : 'minor';
        const lines = { begin: f.line };
        if (f.endLine !== undefined && f.endLine > f.line)
            lines.end = f.endLine;
        return {
            description: `${f.ruleId}: ${f.message}`,
            check_name: f.ruleId,
            fingerprint: f.fingerprint,
            severity,
            location: { path: f.file, lines },
        };
    });
}

;// CONCATENATED MODULE: ./packages/scanner/rules.ts
const DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/scan.md';
/** Where a rule is documented: the secret rules have their own page. */
function helpUriFor(rule) {
    const page = rule.id.startsWith('secret/') ? DOCS_URL.replace(/scan\.md$/, 'secrets.md') : DOCS_URL;
    return `${page}${rule.helpAnchor || anchorFor(rule.id)}`;
}
/** GitHub's heading anchor for a rule id written as `` `agent/missing-owner` ``. */
function anchorFor(id) {
    return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
function rule(id, severity, securitySeverity, title, description, tags) {
    return {
        id,
        severity,
        securitySeverity,
        title,
        description,
        helpAnchor: anchorFor(id),
        tags: ['security', ...tags],
    };
}
const SCANNER_RULES = [
    // Agent registry
    rule('agent/missing-owner', 'error', 6.0, 'Agent without an owner', 'Every registered agent needs `owner:`, a human or team accountable for what it does; the credentials action refuses agents without one.', ['agent', 'governance']),
    rule('agent/missing-purpose', 'warning', 4.0, 'Agent without a purpose', 'An agent without `purpose:` cannot be audited against what it is for; each credential request then has to state a purpose itself.', ['agent', 'governance']),
    rule('agent/audit-not-full', 'warning', 5.0, 'Agent audit level is not full', '`audit-level: minimal` or `none` drops the who/why/how-long records auditors rely on.', ['agent', 'audit']),
    rule('agent/long-lived-credentials', 'error', 8.0, 'Long-lived credential policy', '`credential-policy: long-lived` lets the agent hold credentials that outlive the job; a leaked one stays useful for days. Use `ephemeral`.', ['agent', 'credentials']),
    rule('agent/ttl-over-policy', 'error', 6.5, 'Agent max-ttl exceeds its AgentPolicy', "The agent's `max-ttl` is longer than the `credentialPolicy.maxTtl` of the AgentPolicy for its type; requests would be refused.", ['agent', 'credentials', 'policy']),
    rule('agent/policy-contradiction', 'error', 7.5, 'Agent permissions contradict an AgentPolicy', 'The agent declares a permission that a `restrictions:` entry of the AgentPolicy for its type denies (`deny: secrets`, `deny: write-access`, `deny: production-access`, ...), or a credential policy the AgentPolicy forbids.', ['agent', 'policy']),
    rule('agent/broader-than-peers', 'warning', 5.5, 'Agent has broader access than similar agents', 'The agent holds a resource none of the other agents of its type holds, or a higher access level on a resource than any of them (read < comment < write < admin). Compared only when the type has at least two other agents.', ['agent', 'least-privilege']),
    rule('agent/session-policy-missing', 'error', 5.0, 'Session policy file not found', 'The registry names an AWS `session-policy` file that does not exist, so the scope-down the entry promises would not apply.', ['agent', 'iam']),
    rule('config/invalid', 'error', 3.0, 'Invalid agent configuration or policy', 'The agent registry or an AgentPolicy does not match its schema (unknown key, wrong type, missing required key); the actions would refuse it.', ['config']),
    // IAM policy documents
    rule('iam/wildcard-action', 'error', 9.0, 'IAM statement allows every action', '`"Action": "*"` in an Allow statement grants every action of every AWS service.', ['iam', 'least-privilege']),
    rule('iam/service-wildcard', 'warning', 7.0, 'IAM statement allows every action of a service', '`"Action": "s3:*"` grants every present and future action of the service, including deletes and policy changes.', ['iam', 'least-privilege']),
    rule('iam/wildcard-resource', 'error', 7.5, 'IAM write actions on every resource', '`"Resource": "*"` with actions that change things (anything but Get/List/Describe/Head) lets the holder change every resource of that kind in the account.', ['iam', 'least-privilege']),
    rule('iam/passrole-wildcard', 'error', 8.8, 'iam:PassRole or sts:AssumeRole on every resource', '`iam:PassRole` or `sts:AssumeRole` on `"Resource": "*"` lets the holder hand any role to a service or become any role that trusts the account: privilege escalation.', ['iam', 'privilege-escalation']),
    rule('iam/notaction-allow', 'warning', 6.5, 'Allow with NotAction', '`"Effect": "Allow"` with `NotAction` grants everything except the listed actions, including every action AWS adds later.', ['iam', 'least-privilege']),
    // GitHub Actions workflows
    rule('workflow/write-all', 'error', 7.0, 'Workflow grants write-all permissions', '`permissions: write-all` gives the GITHUB_TOKEN write access to every scope: contents, packages, deployments, id-token...', ['workflow', 'least-privilege']),
    rule('workflow/missing-permissions', 'warning', 5.0, 'Workflow without a permissions block', 'Without `permissions:` at the workflow level or in every job, the GITHUB_TOKEN gets the repository or organisation default, which may be write access to everything.', ['workflow', 'least-privilege']),
    rule('workflow/id-token-workflow-wide', 'warning', 5.5, 'id-token: write granted to the whole workflow', '`id-token: write` at the workflow level lets every job mint OIDC tokens for your cloud roles; grant it only in the jobs that need credentials.', ['workflow', 'oidc', 'least-privilege']),
    rule('workflow/unpinned-action', 'error', 7.0, 'Third-party action not pinned to a commit SHA', 'A tag or branch can be moved to malicious code at any time (tj-actions/changed-files, 2025); only a full 40-character commit SHA is immutable.', ['workflow', 'supply-chain']),
    rule('workflow/untrusted-checkout', 'error', 9.0, 'pull_request_target / workflow_run checks out the pull request head', 'These triggers run with the base repository secrets and a write token; checking out the pull request head then runs attacker-controlled code with them ("pwn request").', ['workflow', 'injection']),
    rule('workflow/template-injection', 'error', 8.5, 'Untrusted input expanded into a script', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    '`${{ github.event.issue.title }}` and similar attacker-controlled values are pasted into the script before it runs, so a crafted title or branch name executes commands. Pass them through `env:` and use the variable.', ['workflow', 'injection']),
    rule('workflow/hardcoded-container-credentials', 'error', 8.0, 'Hardcoded container registry password', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    "A job container's or service's `credentials.password` is written in the workflow instead of coming from `${{ secrets.* }}`.", ['workflow', 'secrets']),
    // The scanner itself
    rule('scan/parse-error', 'warning', 2.0, 'File could not be parsed', 'The file is not valid YAML/JSON (or too deeply nested), so only the secret rules ran on it.', ['config']),
    rule('scan/suppression-without-reason', 'warning', 3.0, 'Suppression without a reason', '`# astl:ignore <rule-id>` must say why the finding is acceptable, so reviewers can judge it: `# astl:ignore <rule-id> <reason>`.', ['governance']),
];
const SCANNER_RULES_BY_ID = new Map(SCANNER_RULES.map((r) => [r.id, r]));

;// CONCATENATED MODULE: ./packages/scanner/report/sarif.ts


const TOOL_NAME = 'astl-scan';
const INFORMATION_URI = 'https://github.com/astl/agent-credentials';
const LEVEL = { error: 'error', warning: 'warning', note: 'note' };
/** A relative file path as a URI reference: each segment percent-encoded. */
function fileUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
function toSarif(findings, options) {
    const rules = [...options.rules];
    const known = new Set(rules.map((r) => r.id));
    // A finding of a rule the catalogue lacks (should not happen) still gets a descriptor.
    for (const f of findings) {
        if (!known.has(f.ruleId)) {
            known.add(f.ruleId);
            rules.push({
                id: f.ruleId,
                title: f.ruleId,
                severity: f.severity,
                securitySeverity: 5,
                description: f.ruleId,
                helpAnchor: '',
            });
        }
    }
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const run = {
        tool: {
            driver: {
                name: TOOL_NAME,
                version: options.toolVersion,
                semanticVersion: options.toolVersion,
                informationUri: INFORMATION_URI,
                rules: rules.map(ruleDescriptor),
            },
        },
        results: [...findings].sort(compareFindings).map((f) => result(f, index.get(f.ruleId))),
        columnKind: 'utf16CodeUnits',
    };
    if (options.category)
        run.automationDetails = { id: `${options.category.replace(/\/?$/, '/')}` };
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [run],
    };
}
function ruleDescriptor(r) {
    const helpUri = helpUriFor(r);
    return {
        id: r.id,
        name: pascal(r.id),
        shortDescription: { text: r.title },
        fullDescription: { text: r.description },
        help: {
            text: `${r.description} See ${helpUri}`,
            markdown: `${r.description}\n\n[Rule reference](${helpUri})`,
        },
        helpUri,
        defaultConfiguration: { level: LEVEL[r.severity] },
        properties: {
            'security-severity': r.securitySeverity.toFixed(1),
            tags: r.tags ?? ['security'],
            precision: 'high',
            'problem.severity': r.severity === 'note' ? 'recommendation' : r.severity,
        },
    };
}
function result(f, ruleIndex) {
    const region = { startLine: f.line };
    if (f.column !== undefined)
        region.startColumn = f.column;
    if (f.endLine !== undefined && f.endLine >= f.line)
        region.endLine = f.endLine;
    if (f.endColumn !== undefined)
        region.endColumn = f.endColumn;
    if (f.snippet)
        region.snippet = { text: f.snippet };
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
                    region,
                },
            },
        ],
        partialFingerprints: { 'astl/v1': f.fingerprint },
    };
}
function pascal(id) {
    return id
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./packages/scanner/report/summary.ts



const ICON = { error: '🔴', warning: '🟠', note: '🔵' };
function summaryMarkdown(result, options = {}) {
    const maxRows = options.maxRows ?? 100;
    const { error, warning, note } = result.stats.bySeverity;
    const out = [];
    const headline = result.findings.length === 0
        ? 'no findings'
        : [plural(error, 'error'), plural(warning, 'warning'), note ? plural(note, 'note') : '']
            .filter(Boolean)
            .join(', ');
    out.push(`## ${result.findings.length === 0 ? '✅' : error > 0 ? '❌' : '⚠️'} astl scan: ${headline}`, '');
    const scope = result.scope === 'diff'
        ? `changed lines only (from ${result.changeSource === 'github-api' ? 'the GitHub API' : 'git diff'})`
        : 'all lines';
    const facts = [
        `**Scope:** ${scope}`,
        `**Files scanned:** ${result.stats.filesScanned}`,
        result.skipped.length ? `**Skipped:** ${result.skipped.length}` : '',
        result.stats.suppressed ? `**Suppressed inline:** ${result.stats.suppressed}` : '',
        result.stats.baselined ? `**Accepted by baseline:** ${result.stats.baselined}` : '',
        result.scope === 'diff' && result.stats.outsideDiff
            ? `**Outside the change:** ${result.stats.outsideDiff}`
            : '',
    ].filter(Boolean);
    out.push(facts.join(' · '), '');
    for (const w of result.warnings)
        out.push(`> [!WARNING]\n> ${markdownCell(w)}`, '');
    if (result.findings.length > 0) {
        out.push('| | Rule | Location | Message |', '|---|---|---|---|');
        const sorted = [...result.findings].sort(compareFindings);
        for (const f of sorted.slice(0, maxRows))
            out.push(row(f, options.linkRules ?? true));
        if (sorted.length > maxRows) {
            out.push('', `> Showing the first ${maxRows} of ${sorted.length} findings (most severe first)${options.sarifFile ? `; all of them are in ${markdownCode(options.sarifFile)}` : ''}.`);
        }
        out.push('');
        const byRule = Object.entries(result.stats.byRule).sort((a, b) => b[1] - a[1]);
        out.push('<details><summary>Findings by rule</summary>', '', '| Rule | Count |', '|---|---|', ...byRule.map(([rule, n]) => `| ${markdownCode(rule)} | ${n} |`), '', '</details>', '');
    }
    if (result.skipped.length > 0) {
        out.push(`<details><summary>Skipped files (${result.skipped.length})</summary>`, '');
        for (const s of result.skipped.slice(0, maxRows))
            out.push(`- ${markdownCode(s.file)}: ${markdownCell(s.reason)}`);
        if (result.skipped.length > maxRows)
            out.push(`- … and ${result.skipped.length - maxRows} more`);
        out.push('', '</details>', '');
    }
    out.push('Suppress a finding you accept with `# astl:ignore <rule-id> <reason>` on its line or the line above, or accept existing findings with a baseline.', '');
    return out.join('\n');
}
function row(f, link) {
    const code = markdownCode(f.ruleId);
    const rule = link ? `[${code}](${helpUriFor({ id: f.ruleId, helpAnchor: '' })})` : code;
    return `| ${ICON[f.severity]} ${f.severity} | ${rule} | ${markdownCode(`${f.file}:${f.line}`)} | ${markdownCell(f.message)} |`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/text.ts

function textReport(result) {
    const out = [];
    for (const f of result.findings) {
        const where = `${printable(f.file)}:${f.line}${f.column ? `:${f.column}` : ''}`;
        out.push(`${where}: ${f.severity} ${f.ruleId}: ${printable(f.message)}`);
    }
    for (const w of result.warnings)
        out.push(`warning: ${printable(w)}`);
    const { error, warning, note } = result.stats.bySeverity;
    out.push(`${result.stats.filesScanned} files scanned (${result.scope === 'diff' ? 'changed lines' : 'all lines'}): ${error} errors, ${warning} warnings, ${note} notes` +
        (result.skipped.length ? `, ${result.skipped.length} files skipped` : '') +
        (result.stats.suppressed ? `, ${result.stats.suppressed} suppressed` : '') +
        (result.stats.baselined ? `, ${result.stats.baselined} in baseline` : ''));
    return `${out.join('\n')}\n`;
}
function jsonReport(result) {
    const { rules: _rules, ...rest } = result;
    return `${JSON.stringify({ version: 1, ...rest }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/index.ts







// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/registry/index.ts + 1 modules
var registry = __webpack_require__(3268);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/scanner/source.ts
/**
 * Finding and reading the files a scan looks at: a walk of the workspace that never leaves it
 * (symlinks to directories are never followed, symlinks to files only when they resolve inside
 * the root), glob selection with picomatch, and lenient decoding: binary files and files over
 * the size cap are skipped with a reason, invalid UTF-8 becomes U+FFFD, nothing throws.
 */



/** The default `paths`: agent configs, agent/deploy policies, CI workflows, IAM JSON. */
const DEFAULT_PATHS = [
    '**/agent-config.y?(a)ml',
    '**/*agent*.y?(a)ml',
    '**/policies/**',
    '.github/workflows/**/*.y?(a)ml',
    '**/.gitlab-ci.y?(a)ml',
    '**/*.json',
];
/** Never walked: version control data and installed dependencies. */
const DEFAULT_EXCLUDE = ['**/.git/**', '**/node_modules/**'];
const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;
/** Offset <-> line/column for one text, built once, on demand. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 1-based line and column of a 0-based offset. */
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
    /** The text of a 1-based line without its line break ('' when out of range). */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
}
function toPosix(path) {
    return sep === '/' ? path : path.split(sep).join('/');
}
function globMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    return picomatch_default()([...globs], { dot: true });
}
/**
 * Every regular file under `root` matching `include` and not `exclude`, root-relative and
 * sorted, plus what was passed over and why (symlinks that lead out of the root or to a
 * directory, unreadable folders).
 */
function walk(root, include, exclude) {
    const isIncluded = globMatcher(include);
    const isExcluded = globMatcher(exclude);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const files = [];
    const skipped = [];
    const pending = [''];
    while (pending.length > 0) {
        const dir = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, dir), { withFileTypes: true });
        }
        catch (err) {
            skipped.push({
                file: dir || '.',
                reason: `cannot read folder (${err.code})`,
            });
            continue;
        }
        for (const entry of entries) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!isExcluded(`${rel}/`) && !isExcluded(`${rel}/x`))
                    pending.push(rel);
                continue;
            }
            if (!isIncluded(rel) || isExcluded(rel))
                continue;
            if (entry.isSymbolicLink()) {
                const why = symlinkProblem((0,external_node_path_.join)(root, rel), realRoot);
                if (why) {
                    skipped.push({ file: rel, reason: why });
                    continue;
                }
            }
            else if (!entry.isFile()) {
                continue; // sockets, fifos, devices: never opened
            }
            files.push(rel);
        }
    }
    files.sort();
    return { files, skipped };
}
function symlinkProblem(path, realRoot) {
    let target;
    try {
        target = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return 'symbolic link to a missing target';
    }
    const inside = (0,external_node_path_.relative)(realRoot, target);
    if (inside.startsWith('..') || inside === '' || /^[a-zA-Z]:/.test(inside)) {
        return 'symbolic link that leads outside the workspace (not followed)';
    }
    if (!(0,external_node_fs_.statSync)(target).isFile())
        return 'symbolic link to a folder or special file (not followed)';
    return undefined;
}
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
/**
 * Reads one file as text, or says why it was skipped: over the size cap, binary (a NUL byte in
 * the first 8 KiB), unreadable. Invalid UTF-8 decodes to U+FFFD instead of failing.
 */
function readSource(root, file, maxBytes = MAX_FILE_BYTES) {
    const path = (0,external_node_path_.join)(root, file);
    let fd;
    try {
        const info = (0,external_node_fs_.lstatSync)(path).isSymbolicLink() ? (0,external_node_fs_.statSync)(path) : (0,external_node_fs_.lstatSync)(path);
        if (!info.isFile())
            return { file, reason: 'not a regular file' };
        if (info.size > maxBytes) {
            return {
                file,
                reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(info.size)}); not scanned`,
            };
        }
        fd = (0,external_node_fs_.openSync)(path, 'r');
        const buffer = Buffer.allocUnsafe(info.size);
        let filled = 0;
        while (filled < info.size) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, filled, info.size - filled, filled);
            if (n === 0)
                break;
            filled += n;
        }
        const bytes = buffer.subarray(0, filled);
        if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0))
            return { file, reason: 'binary file; not scanned' };
        return { file, text: decoder.decode(bytes), bytes: filled };
    }
    catch (err) {
        return { file, reason: `cannot read (${err.code ?? err.message})` };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
function isSkipped(x) {
    return 'reason' in x;
}
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${(n / 1024 / 1024).toFixed(1)} MiB`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${n} B`;
}

;// CONCATENATED MODULE: ./packages/scanner/context.ts
/**
 * What a rule sees of one file and how it reports: rules emit drafts (rule id, where, message,
 * what the finding is about); `FileContext.finish` turns them into Findings with the rule's
 * severity, a fingerprint from the normalised content (never the line number) and a snippet.
 */


class FileContext {
    file;
    text;
    rules;
    findings = [];
    index;
    constructor(file, text, rules) {
        this.file = file;
        this.text = text;
        this.rules = rules;
    }
    get lines() {
        this.index ??= new LineIndex(this.text);
        return this.index;
    }
    position(offset) {
        return this.lines.position(offset);
    }
    emit(draft) {
        const meta = this.rules.get(draft.ruleId);
        if (!meta)
            throw new Error(`unknown rule id ${draft.ruleId}`);
        const lineText = this.lines.lineText(draft.line);
        const finding = {
            ruleId: draft.ruleId,
            severity: meta.severity,
            file: this.file,
            line: draft.line,
            message: draft.message,
            fingerprint: fingerprint(draft.ruleId, this.file, draft.about ?? lineText),
        };
        if (draft.column !== undefined)
            finding.column = draft.column;
        if (draft.endLine !== undefined)
            finding.endLine = draft.endLine;
        if (draft.endColumn !== undefined)
            finding.endColumn = draft.endColumn;
        if (draft.showSnippet !== false && lineText.trim())
            finding.snippet = clip(lineText.trim(), 200);
        if (draft.fileLevel)
            finding.fileLevel = true;
        this.findings.push(finding);
    }
}
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/scanner/rules/yaml-nodes.ts
/** Small accessors over `yaml`'s node tree: rules need values and where they are written. */

function pairOf(node, key) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    for (const item of node.items) {
        if ((0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === key) {
            return item;
        }
    }
    return undefined;
}
function get(node, key) {
    return pairOf(node, key)?.value ?? undefined;
}
function getPath(node, path) {
    let here = node;
    for (const key of path) {
        here = get(here, key);
        if (here === undefined)
            return undefined;
    }
    return here;
}
/** Key/value pairs of a mapping, keys as strings. */
function entries(node) {
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const out = [];
    for (const item of node.items) {
        if ((0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key)) {
            out.push({
                key: String(item.key.value),
                keyNode: item.key,
                value: item.value ?? undefined,
            });
        }
    }
    return out;
}
function items(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items.filter((n) => n && typeof n === 'object') : [];
}
/** A scalar's value as a string (numbers and booleans too); undefined for maps, lists, null. */
function str(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
function start(node) {
    return node?.range?.[0];
}
function end(node) {
    return node?.range?.[1];
}


;// CONCATENATED MODULE: ./packages/scanner/rules/agent.ts
/**
 * Agent registry rules (`agent/…`): accountability (owner, purpose, audit), credential hygiene
 * (long-lived, TTL over the AgentPolicy cap), AgentPolicy restrictions, and least privilege
 * measured against the agent's peers of the same type.
 */


/** Access levels from least to most: a higher one includes the lower ones. */
const ACCESS_ORDER = ['read', 'comment', 'write', 'admin'];
function accessRank(access) {
    return ACCESS_ORDER.indexOf(access.toLowerCase());
}
function readAgentPolicy(root, file) {
    if (!(0,dist/* isMap */.jh)(root) || str(get(root, 'kind')) !== 'AgentPolicy')
        return undefined;
    const spec = get(root, 'spec');
    const restrictions = [];
    for (const item of items(get(spec, 'restrictions'))) {
        const target = str(get(item, 'deny')) ?? str(item);
        if (target)
            restrictions.push(target.trim());
    }
    const view = {
        name: str(getPath(root, ['metadata', 'name'])) ?? file,
        file,
        agentTypes: items(get(spec, 'agentTypes'))
            .map((n) => str(n))
            .filter((s) => !!s),
        restrictions,
    };
    const type = str(getPath(spec, ['credentialPolicy', 'type']));
    if (type)
        view.credentialType = type;
    const maxTtl = str(getPath(spec, ['credentialPolicy', 'maxTtl']));
    if (maxTtl) {
        const seconds = durationOrUndefined(maxTtl);
        if (seconds !== undefined) {
            view.maxTtlSeconds = seconds;
            view.maxTtlText = maxTtl;
        }
    }
    return view;
}
function permissionsOf(agent) {
    const out = [];
    for (const item of items(get(agent, 'permissions'))) {
        const explicit = str(get(item, 'resource'));
        if (explicit) {
            out.push({ resource: explicit, access: str(get(item, 'access')) ?? 'read', node: item });
            continue;
        }
        for (const entry of entries(item)) {
            const access = str(entry.value);
            if (access)
                out.push({ resource: entry.key, access, node: item });
        }
    }
    return out;
}
/** `repositories` and `repository` name the same resource. */
function sameResource(a, b) {
    const norm = (s) => s.toLowerCase().replace(/s$/, '');
    return norm(a) === norm(b);
}
/** Does `deny: <target>` forbid this permission? */
function restrictionForbids(target, permission) {
    const t = target.toLowerCase();
    if (t === 'write-access')
        return accessRank(permission.access) >= accessRank('write');
    if (t === 'admin-access')
        return accessRank(permission.access) >= accessRank('admin');
    if (sameResource(t, permission.resource))
        return true;
    if (t.endsWith('-access')) {
        const base = t.slice(0, -'-access'.length);
        const r = permission.resource.toLowerCase();
        return sameResource(base, r) || r.startsWith(`${base}-`);
    }
    return false;
}
function checkRegistry(root, ctx, options) {
    const agentNodes = items(get(root, 'agents')).filter((n) => (0,dist/* isMap */.jh)(n));
    const agents = [];
    for (const node of agentNodes) {
        const name = str(get(node, 'name')) ?? '(unnamed)';
        const agent = { name, node, permissions: permissionsOf(node) };
        const type = str(get(node, 'type'));
        if (type)
            agent.type = type;
        agents.push(agent);
        checkAgent(agent, ctx, options);
    }
    checkPeers(agents, ctx);
}
function span(ctx, node) {
    const line = ctx.position(start(node) ?? 0).line;
    // A node's range ends after its trailing line break; step back onto its last character.
    const endOffset = Math.max(start(node) ?? 0, (end(node) ?? 0) - 1);
    return { line, endLine: Math.max(line, ctx.position(endOffset).line) };
}
function lineOf(ctx, node) {
    return ctx.position(start(node) ?? 0).line;
}
function checkAgent(agent, ctx, options) {
    const { node, name } = agent;
    const whole = span(ctx, node);
    const applicable = options.policies.filter((p) => agent.type && (p.agentTypes.includes(agent.type) || p.agentTypes.includes('*')));
    if (!str(get(node, 'owner'))?.trim()) {
        ctx.emit({
            ruleId: 'agent/missing-owner',
            ...whole,
            message: `Agent '${name}' has no owner. Add \`owner: <team or person>\` to its entry: the credentials action refuses agents nobody is accountable for.`,
            about: `agent ${name} owner`,
        });
    }
    if (!str(get(node, 'purpose'))?.trim()) {
        ctx.emit({
            ruleId: 'agent/missing-purpose',
            ...whole,
            message: `Agent '${name}' has no purpose. Add \`purpose: "<what it does and why it needs access>"\` so audits can check its access against it.`,
            about: `agent ${name} purpose`,
        });
    }
    const audit = pairOf(node, 'audit-level');
    const auditValue = str(audit?.value);
    if (audit && auditValue && auditValue !== 'full') {
        ctx.emit({
            ruleId: 'agent/audit-not-full',
            line: lineOf(ctx, audit.key),
            message: `Agent '${name}' has \`audit-level: ${auditValue}\`: its credential use would not be fully recorded. Set \`audit-level: full\`.`,
            about: `agent ${name} audit-level ${auditValue}`,
        });
    }
    const policyPair = pairOf(node, 'credential-policy');
    if (str(policyPair?.value) === 'long-lived') {
        const requiring = applicable.find((p) => p.credentialType === 'ephemeral' || p.restrictions.includes('long-lived-credentials'));
        ctx.emit({
            ruleId: 'agent/long-lived-credentials',
            line: lineOf(ctx, policyPair?.key),
            message: `Agent '${name}' uses \`credential-policy: long-lived\`${requiring ? `, which AgentPolicy '${requiring.name}' forbids (it requires ephemeral)` : ''}. Set \`credential-policy: ephemeral\` and a \`max-ttl\` (e.g. 1h); the credentials action mints short-lived credentials per job.`,
            about: `agent ${name} long-lived`,
        });
    }
    const ttlPair = pairOf(node, 'max-ttl');
    const ttlText = str(ttlPair?.value);
    const ttl = ttlText ? durationOrUndefined(ttlText) : undefined;
    if (ttlPair && ttl !== undefined) {
        const capped = applicable.filter((p) => p.maxTtlSeconds !== undefined);
        const strictest = capped.sort((a, b) => a.maxTtlSeconds - b.maxTtlSeconds)[0];
        if (strictest && ttl > strictest.maxTtlSeconds) {
            ctx.emit({
                ruleId: 'agent/ttl-over-policy',
                line: lineOf(ctx, ttlPair.key),
                message: `Agent '${name}' has \`max-ttl: ${ttlText}\`, longer than the ${strictest.maxTtlText} \`maxTtl\` of AgentPolicy '${strictest.name}' (${strictest.file}) for type '${agent.type}'. Set \`max-ttl: ${(0,core/* formatDuration */.a3)(strictest.maxTtlSeconds)}\` or less.`,
                about: `agent ${name} max-ttl ${ttlText} over ${strictest.name}`,
            });
        }
    }
    for (const policy of applicable) {
        for (const target of policy.restrictions) {
            if (target === 'long-lived-credentials')
                continue; // reported by agent/long-lived-credentials
            for (const permission of agent.permissions) {
                if (!restrictionForbids(target, permission))
                    continue;
                ctx.emit({
                    ruleId: 'agent/policy-contradiction',
                    line: lineOf(ctx, permission.node),
                    message: `Agent '${name}' declares \`${permission.resource}: ${permission.access}\`, but AgentPolicy '${policy.name}' (${policy.file}) for type '${agent.type}' has \`deny: ${target}\`. Remove the permission${target === 'write-access' ? ' or lower it to `read`' : ''}, or change the agent's type if it really needs it.`,
                    about: `agent ${name} ${permission.resource}:${permission.access} deny ${target}`,
                });
            }
        }
    }
    const sessionPolicy = getPath(node, ['credentials', 'aws', 'session-policy']);
    const sessionFile = str(sessionPolicy);
    if (sessionFile && !options.fileExists(sessionFile)) {
        ctx.emit({
            ruleId: 'agent/session-policy-missing',
            line: lineOf(ctx, sessionPolicy),
            message: `Agent '${name}' names the session policy \`${sessionFile}\`, which does not exist. Commit the IAM policy document there or fix the path (it is relative to the repository root).`,
            about: `agent ${name} session-policy ${sessionFile}`,
        });
    }
}
/**
 * "Broader than peers": among agents of the same type (only when there are at least two
 * others), an agent holds a resource no peer holds, or a higher access level on a resource
 * than the highest any peer holds.
 */
function checkPeers(agents, ctx) {
    const byType = new Map();
    for (const agent of agents) {
        if (!agent.type)
            continue;
        const group = byType.get(agent.type) ?? [];
        group.push(agent);
        byType.set(agent.type, group);
    }
    for (const [type, group] of byType) {
        if (group.length < 3)
            continue;
        for (const agent of group) {
            const peers = group.filter((p) => p !== agent);
            const extras = [];
            for (const permission of agent.permissions) {
                const rank = accessRank(permission.access);
                if (rank < 0)
                    continue;
                const held = peers.flatMap((p) => p.permissions.filter((q) => sameResource(q.resource, permission.resource)));
                if (held.length === 0) {
                    extras.push({ text: `\`${permission.resource}: ${permission.access}\``, node: permission.node });
                    continue;
                }
                const peerMax = Math.max(...held.map((q) => accessRank(q.access)));
                if (rank > peerMax) {
                    extras.push({
                        text: `\`${permission.resource}: ${permission.access}\` (peers have at most ${ACCESS_ORDER[peerMax] ?? 'an unknown level'})`,
                        node: permission.node,
                    });
                }
            }
            if (extras.length === 0)
                continue;
            const first = extras[0];
            ctx.emit({
                ruleId: 'agent/broader-than-peers',
                line: lineOf(ctx, first.node),
                endLine: Math.max(...extras.map((e) => span(ctx, e.node).endLine)),
                message: `Agent '${agent.name}' has broader access than similar agents: it has ${extras.map((e) => e.text).join(', ')} that none of its ${peers.length} peers of type '${type}' has. Remove what it does not need, or give it its own type if its job really differs.`,
                about: `agent ${agent.name} broader ${extras.map((e) => e.text).join(',')}`,
            });
        }
    }
}
function durationOrUndefined(text) {
    try {
        return (0,core/* parseDuration */.E9)(text);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./packages/scanner/rules/iam.ts
/**
 * IAM policy document rules (`iam/…`). JSON is parsed with jsonc-parser, which keeps the offset
 * of every value, so findings point at the offending `Action` or `Resource` element.
 */

/** Cheap content test before parsing: an IAM policy names its version and has statements. */
function looksLikeIamPolicy(text) {
    return text.includes('Statement') && text.includes('2012-10-17');
}
class JsonSyntaxError extends Error {
}
function parseJsonTree(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first)
        throw new JsonSyntaxError(`${(0,main.printParseErrorCode)(first.error)} at offset ${first.offset}`);
    return root;
}
function prop(node, key) {
    if (node?.type !== 'object')
        return undefined;
    for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k?.value === key)
            return v;
    }
    return undefined;
}
/** A string or list of strings, each with the node it was written in. */
function strings(node) {
    if (!node)
        return [];
    if (node.type === 'string')
        return [{ value: String(node.value), node }];
    if (node.type === 'array') {
        return (node.children ?? [])
            .filter((c) => c.type === 'string')
            .map((c) => ({ value: String(c.value), node: c }));
    }
    return [];
}
const READ_ONLY = /^(?:Get|List|Describe|Head|BatchGet|Query|Scan|Search|Lookup|View|Select)/;
function isWriteCapable(action) {
    if (action === '*')
        return true;
    const name = action.split(':')[1] ?? '';
    if (name.includes('*')) {
        // `s3:Get*` stays read-only; `s3:*`, `s3:Put*`, `s3:*Object` may write.
        const prefix = name.slice(0, name.indexOf('*'));
        return !(prefix.length > 0 && READ_ONLY.test(prefix));
    }
    return !READ_ONLY.test(name);
}
function checkIamPolicy(root, ctx, origin) {
    const statementsNode = prop(root, 'Statement');
    const statements = statementsNode?.type === 'array'
        ? (statementsNode.children ?? [])
        : statementsNode
            ? [statementsNode]
            : [];
    const via = origin ? ` (session policy of ${origin})` : '';
    statements.forEach((statement, index) => {
        if (statement.type !== 'object')
            return;
        const effect = prop(statement, 'Effect');
        if (effect?.value !== 'Allow')
            return;
        const sid = prop(statement, 'Sid')?.value;
        const label = typeof sid === 'string' && sid ? `statement '${sid}'` : `statement ${index + 1}`;
        const line = (n) => ctx.position(n.offset);
        const notAction = prop(statement, 'NotAction');
        if (notAction) {
            ctx.emit({
                ruleId: 'iam/notaction-allow',
                line: line(notAction).line,
                message: `${cap(label)}${via} allows everything except its \`NotAction\` list, including actions AWS adds later. List the allowed actions under \`Action\` instead.`,
                about: `${label} NotAction`,
            });
        }
        const actions = strings(prop(statement, 'Action'));
        const resources = strings(prop(statement, 'Resource'));
        const starResource = resources.find((r) => r.value === '*');
        let everything = false;
        for (const action of actions) {
            if (action.value === '*' || action.value === '*:*') {
                everything = true;
                ctx.emit({
                    ruleId: 'iam/wildcard-action',
                    line: line(action.node).line,
                    message: `${cap(label)}${via} allows every action of every AWS service (\`"Action": "${action.value}"\`). List the actions the agent needs, e.g. \`["s3:GetObject", "s3:PutObject"]\`.`,
                    about: `${label} Action ${action.value}`,
                });
            }
            else if (/^[a-z0-9-]+:\*$/i.test(action.value)) {
                ctx.emit({
                    ruleId: 'iam/service-wildcard',
                    line: line(action.node).line,
                    message: `${cap(label)}${via} allows every ${action.value.split(':')[0]} action (\`${action.value}\`), including deletes and permission changes. List the actions needed, e.g. \`${action.value.split(':')[0]}:Get*\` for reads.`,
                    about: `${label} Action ${action.value}`,
                });
            }
        }
        if (!starResource || everything)
            return;
        const escalation = actions.filter((a) => /^(?:iam:(?:PassRole|\*)|sts:(?:AssumeRole|\*)|iam:Pass\*|sts:Assume\*)$/i.test(a.value));
        if (escalation.length > 0) {
            ctx.emit({
                ruleId: 'iam/passrole-wildcard',
                line: line(starResource.node).line,
                message: `${cap(label)}${via} allows ${escalation.map((a) => `\`${a.value}\``).join(', ')} on \`"Resource": "*"\`, so the holder can pass or assume any role. Name the roles: \`"Resource": "arn:aws:iam::<account>:role/<role-name>"\`.`,
                about: `${label} ${escalation.map((a) => a.value).join(',')} Resource *`,
            });
        }
        const writes = actions.filter((a) => isWriteCapable(a.value) && !escalation.includes(a));
        if (writes.length > 0) {
            const shown = writes.slice(0, 4).map((a) => `\`${a.value}\``);
            ctx.emit({
                ruleId: 'iam/wildcard-resource',
                line: line(starResource.node).line,
                message: `${cap(label)}${via} allows ${shown.join(', ')}${writes.length > 4 ? ` and ${writes.length - 4} more` : ''} on \`"Resource": "*"\`: every resource of that kind in the account. Name the resources (ARNs, e.g. \`arn:aws:s3:::my-bucket/*\`).`,
                about: `${label} Resource * ${writes.map((a) => a.value).join(',')}`,
            });
        }
    });
}
function cap(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

;// CONCATENATED MODULE: ./packages/scanner/rules/workflow.ts

/**
 * Contexts an outsider controls: titles, bodies, branch names, commit messages, page names.
 * (GitHub Security Lab's list of untrusted inputs.)
 */
const UNTRUSTED = /\bgithub\s*\.\s*(?:head_ref\b|event\s*\.\s*(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages(?:\.\*|\[[^\]]*\])\.page_name|commits(?:\.\*|\[[^\]]*\])\.(?:message|author\.(?:email|name))|head_commit\.(?:message|author\.(?:email|name))|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name)))|merge_group\.head_commit\.message))/;
/** Checkout refs that mean "the pull request's own code". */
const PR_HEAD_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
function checkWorkflow(root, ctx, options) {
    if (!(0,dist/* isMap */.jh)(root))
        return;
    const jobs = entries(get(root, 'jobs'));
    const triggers = triggersOf(get(root, 'on'));
    // Permissions
    const topPermissions = pairOf(root, 'permissions');
    checkPermissionsValue(topPermissions?.value, ctx, true);
    if (!topPermissions) {
        const without = jobs.filter((j) => !pairOf(j.value, 'permissions')).map((j) => j.key);
        if (without.length > 0) {
            const jobsKey = pairOf(root, 'jobs')?.key;
            const line = jobsKey ? ctx.position(start(jobsKey) ?? 0).line : 1;
            ctx.emit({
                ruleId: 'workflow/missing-permissions',
                line,
                message: `No \`permissions:\` block at the workflow level and none in job${without.length > 1 ? 's' : ''} ${list(without)}: the GITHUB_TOKEN gets the repository default, possibly write access to everything. Add \`permissions: { contents: read }\` at the top and grant more only in the jobs that need it.`,
                about: 'missing-permissions',
                fileLevel: true,
            });
        }
    }
    for (const job of jobs) {
        checkPermissionsValue(get(job.value, 'permissions'), ctx, false);
        const reusable = get(job.value, 'uses');
        if (reusable)
            checkUses(reusable, ctx, options);
        checkCredentials(getPath(job.value, ['container', 'credentials', 'password']), `jobs.${job.key}.container`, ctx);
        for (const service of entries(get(job.value, 'services'))) {
            checkCredentials(getPath(service.value, ['credentials', 'password']), `jobs.${job.key}.services.${service.key}`, ctx);
        }
        for (const step of items(get(job.value, 'steps'))) {
            const uses = get(step, 'uses');
            const usesText = str(uses) ?? '';
            if (uses)
                checkUses(uses, ctx, options);
            const run = get(step, 'run');
            if (run)
                checkInjection(run, 'the `run:` script', ctx);
            if (/^actions\/github-script@/i.test(usesText)) {
                const script = getPath(step, ['with', 'script']);
                if (script)
                    checkInjection(script, 'the github-script `script:`', ctx);
            }
            if (/^actions\/checkout@/i.test(usesText) &&
                (triggers.has('pull_request_target') || triggers.has('workflow_run'))) {
                for (const key of ['ref', 'repository']) {
                    const value = getPath(step, ['with', key]);
                    const text = str(value);
                    if (value && text && PR_HEAD_REF.test(text)) {
                        const trigger = triggers.has('pull_request_target') ? 'pull_request_target' : 'workflow_run';
                        ctx.emit({
                            ruleId: 'workflow/untrusted-checkout',
                            line: ctx.position(start(value) ?? 0).line,
                            message: `This \`${trigger}\` workflow checks out the pull request head (\`${key}: ${text.trim()}\`) and runs with the base repository's secrets and a write token. Use \`on: pull_request\` for code from forks, or keep this trigger and never check out or run the head's code (split into an unprivileged \`pull_request\` workflow plus a privileged \`workflow_run\` that only reads its artifacts).`,
                            about: `${trigger} ${key}: ${text}`,
                        });
                    }
                }
            }
        }
    }
}
function triggersOf(on) {
    const out = new Set();
    const one = str(on);
    if (one)
        out.add(one);
    for (const item of items(on)) {
        const name = str(item);
        if (name)
            out.add(name);
    }
    for (const entry of entries(on))
        out.add(entry.key);
    return out;
}
function checkPermissionsValue(value, ctx, workflowLevel) {
    if (!value)
        return;
    if ((0,dist/* isScalar */.jn)(value) && str(value) === 'write-all') {
        ctx.emit({
            ruleId: 'workflow/write-all',
            line: ctx.position(start(value) ?? 0).line,
            message: `\`permissions: write-all\` gives the GITHUB_TOKEN write access to every scope. List only what ${workflowLevel ? 'the workflow' : 'this job'} needs, e.g. \`permissions: { contents: read, pull-requests: write }\`.`,
        });
        return;
    }
    if (workflowLevel) {
        const idToken = get(value, 'id-token');
        if (idToken && str(idToken) === 'write') {
            ctx.emit({
                ruleId: 'workflow/id-token-workflow-wide',
                line: ctx.position(start(idToken) ?? 0).line,
                message: '`id-token: write` at the workflow level lets every job (and every action in it) mint OIDC tokens for your cloud roles. Move it into the `permissions:` of the jobs that request credentials.',
                about: 'id-token: write (workflow level)',
            });
        }
    }
}
function checkUses(node, ctx, options) {
    const uses = str(node)?.trim();
    if (!uses || uses.startsWith('./') || uses.startsWith('.\\'))
        return;
    const line = ctx.position(start(node) ?? 0).line;
    if (uses.startsWith('docker://')) {
        if (/@sha256:[0-9a-f]{64}$/i.test(uses))
            return;
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            message: `Pin the container image to a digest: \`uses: ${uses.replace(/[:@][^/:@]*$/, '')}@sha256:<digest>\` (\`docker buildx imagetools inspect ${uses.slice(9)}\` prints it); a tag can be re-pushed.`,
            about: uses,
        });
        return;
    }
    const at = uses.lastIndexOf('@');
    const name = at === -1 ? uses : uses.slice(0, at);
    const ref = at === -1 ? '' : uses.slice(at + 1);
    if (/^[0-9a-f]{40}$/i.test(ref) || /^[0-9a-f]{64}$/i.test(ref))
        return;
    const owner = name.split('/')[0]?.toLowerCase() ?? '';
    if (ref && options.allowFirstPartyTags && (owner === 'actions' || owner === 'github'))
        return;
    const repo = name.split('/').slice(0, 2).join('/');
    ctx.emit({
        ruleId: 'workflow/unpinned-action',
        line,
        message: ref
            ? `Pin \`${name}\` to a full commit SHA instead of \`@${ref}\`: \`uses: ${name}@<40-hex sha> # ${ref}\` (\`git ls-remote https://github.com/${repo} ${ref}\` prints it; Dependabot keeps such pins up to date).`
            : `\`${name}\` has no version at all and runs whatever its default branch holds: pin it to a full commit SHA, \`uses: ${name}@<40-hex sha> # vX.Y.Z\`.`,
        about: uses,
    });
}
function checkInjection(node, where, ctx) {
    const range = node.range;
    if (!range)
        return;
    const source = ctx.text.slice(range[0], range[1]);
    if (!source.includes('${{'))
        return;
    EXPRESSION.lastIndex = 0;
    for (let m = EXPRESSION.exec(source); m; m = EXPRESSION.exec(source)) {
        const body = m[1] ?? '';
        const hit = UNTRUSTED.exec(body);
        if (!hit)
            continue;
        const offset = range[0] + m.index;
        const { line, column } = ctx.position(offset);
        const context = hit[0].replace(/\s+/g, '');
        const variable = envName(context);
        ctx.emit({
            ruleId: 'workflow/template-injection',
            line,
            column,
            message: `\`\${{ ${context} }}\` is attacker-controlled and is pasted into ${where} before it runs, so a crafted value executes commands. Pass it through the step's environment instead: \`env: { ${variable}: \${{ ${context} }} }\` and use "$${variable}" in the script${where === 'the `run:` script' ? '' : ' (`process.env.' + variable + '`)'}.`,
            about: `${where} ${m[0]}`,
        });
    }
}
function checkCredentials(password, where, ctx) {
    if (!password || !(0,dist/* isScalar */.jn)(password))
        return;
    const value = str(password);
    if (!value || value.includes('${{'))
        return;
    ctx.emit({
        ruleId: 'workflow/hardcoded-container-credentials',
        line: ctx.position(start(password) ?? 0).line,
        message: `\`${where}.credentials.password\` is written in the workflow. Store it as a secret and reference it: \`password: \${{ secrets.REGISTRY_PASSWORD }}\`, and rotate the exposed one.`,
        about: `${where}.credentials.password`,
        showSnippet: false,
    });
}
function envName(context) {
    const last = context.split('.').slice(-2).join('_');
    return last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}
function list(names) {
    const quoted = names.map((n) => `'${n}'`);
    return quoted.length <= 5
        ? quoted.join(', ')
        : `${quoted.slice(0, 5).join(', ')} and ${quoted.length - 5} more`;
}

;// CONCATENATED MODULE: ./packages/scanner/secret-adapter.ts
const SECRET_RULES = [];
function detectSecrets(_text, _file) {
    return [];
}

;// CONCATENATED MODULE: ./packages/scanner/suppress.ts
/**
 * Accepting findings on purpose: inline `# astl:ignore <rule-id>[,<rule-id>] <reason>` comments
 * (same line or the line above; the reason is required) and baseline files of fingerprints
 * (for JSON, which has no comments, and for adopting the scanner on an existing repository).
 */
const MARKER = /(?:#|\/\/)\s*astl:ignore\b[ \t]*([^\s]*)[ \t]*(.*)$/;
/** Suppression comments of one file by line; comments without a reason become findings. */
function readSuppressions(ctx) {
    const out = new Map();
    if (!ctx.text.includes('astl:ignore'))
        return out;
    const lines = ctx.lines;
    for (let line = 1; line <= lines.lineCount; line++) {
        const text = lines.lineText(line);
        if (!text.includes('astl:ignore'))
            continue;
        const m = MARKER.exec(text);
        if (!m)
            continue;
        const rules = (m[1] ?? '').split(',').filter(Boolean);
        const reason = (m[2] ?? '').trim();
        if (rules.length === 0 || !reason) {
            ctx.emit({
                ruleId: 'scan/suppression-without-reason',
                line,
                message: rules.length
                    ? `\`astl:ignore ${rules.join(',')}\` gives no reason, so it does not suppress anything. Say why the finding is acceptable: \`# astl:ignore ${rules.join(',')} <reason>\`.`
                    : 'A bare `astl:ignore` names no rule and gives no reason: write `# astl:ignore <rule-id> <reason>`.',
                about: `astl:ignore ${rules.join(',')}`,
            });
            continue;
        }
        out.set(line, { rules, reason });
    }
    return out;
}
function isSuppressed(finding, suppressions) {
    if (suppressions.size === 0)
        return false;
    for (const line of [finding.line, finding.line - 1]) {
        const s = suppressions.get(line);
        if (s?.rules.some((r) => r === finding.ruleId || (r.endsWith('/*') && finding.ruleId.startsWith(r.slice(0, -1))))) {
            return true;
        }
    }
    return false;
}
function applySuppressions(ctx) {
    const suppressions = readSuppressions(ctx);
    const kept = [];
    const suppressed = [];
    for (const f of ctx.findings) {
        if (f.ruleId !== 'scan/suppression-without-reason' && isSuppressed(f, suppressions))
            suppressed.push(f);
        else
            kept.push(f);
    }
    return { kept, suppressed };
}
/** Baseline file: `{"version":1,"fingerprints":[...]}` or one fingerprint a line (`#` comments). */
function parseBaseline(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        const data = JSON.parse(trimmed);
        if (!Array.isArray(data.fingerprints))
            throw new Error('a JSON baseline needs a "fingerprints" list');
        return new Set(data.fingerprints.map((f) => typeof f === 'string' ? f : (f?.fingerprint ?? '')));
    }
    return new Set(trimmed
        .split(/\r?\n/)
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter(Boolean));
}
/** A baseline accepting every given finding; entries carry rule and file so reviews can read it. */
function writeBaseline(findings) {
    const byFingerprint = new Map();
    for (const f of findings)
        if (!byFingerprint.has(f.fingerprint))
            byFingerprint.set(f.fingerprint, f);
    const entries = [...byFingerprint.values()]
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId))
        .map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file }));
    return `${JSON.stringify({ version: 1, fingerprints: entries }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/scanner/scan.ts
/**
 * The scan engine: selects files (globs, or a pull request's changed files), reads each once,
 * runs the rules that apply to its kind plus the secret rules on every text, applies inline
 * suppressions, the diff scope and the baseline, and returns findings for the reporters.
 * No I/O beyond reading the workspace and running git; nothing printed.
 */















const ALL_RULES = [...SCANNER_RULES, ...SECRET_RULES];
const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
function kindOf(file) {
    if (/(^|\/)\.github\/workflows\/.+\.ya?ml$/i.test(file))
        return 'workflow';
    if (/\.ya?ml$/i.test(file))
        return 'yaml';
    if (/\.json$/i.test(file))
        return 'json';
    return 'other';
}
async function scan(options) {
    const started = performance.now();
    const root = (0,external_node_path_.resolve)(options.root);
    const userPaths = options.paths && options.paths.length > 0 ? options.paths : undefined;
    const include = userPaths ?? DEFAULT_PATHS;
    const exclude = options.exclude ?? DEFAULT_EXCLUDE;
    const warnings = [];
    const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    const secrets = options.detectSecrets ?? detectSecrets;
    const allowFirstPartyTags = options.allowFirstPartyTags ?? true;
    const walked = walk(root, include, exclude);
    const skipped = [...walked.skipped];
    // Scope: which files the rules run on.
    let scope = options.changes ? 'diff' : (options.scope ?? 'all');
    let changes = options.changes;
    if (scope === 'diff' && !changes) {
        if (!options.base) {
            warnings.push('scope is diff but no base commit was given; scanning every file instead');
            scope = 'all';
        }
        else {
            const computed = await computeChangeSet({
                root,
                base: options.base,
                ...(options.head ? { head: options.head } : {}),
                ...(options.github ? { github: options.github } : {}),
            });
            warnings.push(...computed.warnings);
            changes = computed.changes;
            if (!changes) {
                warnings.push('could not determine the changed lines; scanning every file instead');
                scope = 'all';
            }
        }
    }
    const targets = scope === 'diff' && changes ? walked.files.filter((f) => changes.files.has(f)) : walked.files;
    // Each file is read once; policy context may need files outside the diff.
    const cache = new Map();
    const read = (file) => {
        let got = cache.get(file);
        if (!got) {
            got = readSource(root, file, maxBytes);
            cache.set(file, got);
        }
        return got;
    };
    const policies = loadPolicyContext(walked.files, read, targets);
    const contexts = [];
    const scannedFiles = [];
    let bytesScanned = 0;
    const sessionPolicies = new Map();
    const targetSet = new Set(targets);
    const scanOne = (file, forceIam) => {
        const source = read(file);
        if (isSkipped(source)) {
            skipped.push(source);
            return;
        }
        const kind = kindOf(file);
        const iamCandidate = forceIam !== undefined || (kind === 'json' && looksLikeIamPolicy(source.text));
        // Under the default paths, `**/*.json` is there to find IAM documents only.
        if (kind === 'json' && !iamCandidate && !userPaths)
            return;
        const ctx = new FileContext(file, source.text, RULES_BY_ID);
        contexts.push(ctx);
        scannedFiles.push(file);
        bytesScanned += source.bytes;
        try {
            if (iamCandidate)
                scanIam(ctx, forceIam);
            else if (kind === 'workflow' || kind === 'yaml') {
                scanYaml(ctx, kind, {
                    policies,
                    allowFirstPartyTags,
                    root,
                    onSessionPolicy: (path, agent) => {
                        if (!sessionPolicies.has(path))
                            sessionPolicies.set(path, agent);
                    },
                });
            }
        }
        catch (err) {
            // A rule must never abort the scan; a crash in one is reported and the file still gets
            // its secret check.
            ctx.emit({
                ruleId: 'scan/parse-error',
                line: 1,
                message: `The scanner could not check ${file}: ${err.message}. Only the secret rules ran on it.`,
                about: 'internal-error',
                fileLevel: true,
            });
        }
        for (const f of secrets(source.text, file))
            ctx.findings.push(f);
    };
    for (const file of targets)
        scanOne(file);
    // Session policies named by a scanned registry are IAM documents whatever their path.
    for (const [path, agent] of sessionPolicies) {
        if (targetSet.has(path) || scannedFiles.includes(path))
            continue;
        if (scope === 'diff' && changes && !changes.files.has(path))
            continue;
        scanOne(path, `agent '${agent}'`);
    }
    // Suppressions, diff scope, baseline.
    const baseline = loadBaseline(root, options.baseline);
    let suppressed = 0;
    let baselined = 0;
    let outsideDiff = 0;
    const findings = [];
    for (const ctx of contexts) {
        const result = applySuppressions(ctx);
        suppressed += result.suppressed.length;
        const change = scope === 'diff' ? changes?.files.get(ctx.file) : undefined;
        for (const f of result.kept) {
            if (scope === 'diff' &&
                !f.fileLevel &&
                !(change && isChangedLine(change, f.line, f.endLine ?? f.line))) {
                outsideDiff++;
                continue;
            }
            if (baseline.has(f.fingerprint)) {
                baselined++;
                continue;
            }
            findings.push(publicFinding(f));
        }
    }
    findings.sort(compareFindings);
    const bySeverity = { error: 0, warning: 0, note: 0 };
    const byRule = {};
    for (const f of findings) {
        bySeverity[f.severity]++;
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    }
    return {
        findings,
        files: scannedFiles.sort(),
        skipped,
        scope,
        ...(scope === 'diff' && changes ? { changeSource: changes.source } : {}),
        warnings,
        stats: {
            filesScanned: scannedFiles.length,
            bytesScanned,
            durationMs: performance.now() - started,
            bySeverity,
            byRule,
            suppressed,
            baselined,
            outsideDiff,
        },
        rules: ALL_RULES,
    };
}
function publicFinding(f) {
    const { fileLevel: _fileLevel, ...rest } = f;
    return rest;
}
function loadBaseline(root, baseline) {
    if (!baseline)
        return new Set();
    if (typeof baseline !== 'string')
        return baseline;
    const path = (0,external_node_path_.isAbsolute)(baseline) ? baseline : (0,external_node_path_.join)(root, baseline);
    try {
        return parseBaseline((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (err) {
        throw new core/* AstlError */.Ht(`cannot use baseline ${baseline}: ${err.message}`, {
            code: 'BASELINE_INVALID',
            location: { file: baseline },
            hint: 'write it with `astl scan --write-baseline FILE`: JSON {"version":1,"fingerprints":[...]} or one fingerprint a line',
        });
    }
}
/**
 * AgentPolicies in the walked files (read even when outside the diff, because a changed
 * registry is checked against the organisation's current policies).
 */
function loadPolicyContext(files, read, targets) {
    const policies = [];
    const yamlFiles = files.filter((f) => /\.ya?ml$/i.test(f) && kindOf(f) !== 'workflow');
    // Only worth reading when a registry-looking file is going to be checked.
    const anyRegistry = targets.some((f) => /\.ya?ml$/i.test(f));
    if (!anyRegistry)
        return policies;
    for (const file of yamlFiles) {
        const source = read(file);
        if (isSkipped(source) || !source.text.includes('AgentPolicy'))
            continue;
        let docs;
        try {
            docs = (0,core/* parseYaml */.hN)(source.text, file);
        }
        catch {
            continue;
        }
        try {
            for (const p of (0,registry/* parseAgentPolicies */.Hw)(docs)) {
                const view = {
                    name: p.name,
                    file: p.file,
                    agentTypes: p.agentTypes,
                    restrictions: p.restrictions,
                };
                if (p.credentialPolicy?.type)
                    view.credentialType = p.credentialPolicy.type;
                if (p.credentialPolicy?.maxTtlSeconds !== undefined) {
                    view.maxTtlSeconds = p.credentialPolicy.maxTtlSeconds;
                    view.maxTtlText = (0,core/* formatDuration */.a3)(p.credentialPolicy.maxTtlSeconds);
                }
                policies.push(view);
            }
        }
        catch {
            // Invalid policy files are reported as config/invalid when scanned; read them leniently.
            for (const doc of docs) {
                const view = readAgentPolicy(doc.doc.contents, file);
                if (view)
                    policies.push(view);
            }
        }
    }
    return policies;
}
function scanYaml(ctx, kind, options) {
    let docs;
    try {
        docs = (0,core/* parseYaml */.hN)(ctx.text, ctx.file);
    }
    catch (err) {
        reportParseError(ctx, err);
        return;
    }
    let hasRegistry = false;
    let hasPolicy = false;
    for (const doc of docs) {
        const rootNode = doc.doc.contents;
        if (kind === 'workflow') {
            checkWorkflow(rootNode, ctx, { allowFirstPartyTags: options.allowFirstPartyTags });
            continue;
        }
        if ((0,dist/* isSeq */.oP)(get(rootNode, 'agents'))) {
            hasRegistry = true;
            checkRegistry(rootNode, ctx, {
                policies: options.policies,
                fileExists: (file) => {
                    const path = (0,external_node_path_.normalize)(file);
                    if ((0,external_node_path_.isAbsolute)(path) || path.startsWith('..'))
                        return false;
                    try {
                        return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(options.root, path)) && (0,external_node_fs_.statSync)((0,external_node_path_.join)(options.root, path)).isFile();
                    }
                    catch {
                        return false;
                    }
                },
            });
            for (const agent of doc.value.agents ?? []) {
                const a = agent;
                const path = a?.credentials?.aws?.['session-policy'];
                if (typeof path === 'string' && !(0,external_node_path_.isAbsolute)(path) && !(0,external_node_path_.normalize)(path).startsWith('..')) {
                    options.onSessionPolicy((0,external_node_path_.normalize)(path).split('\\').join('/'), String(a.name ?? '?'));
                }
            }
        }
        if (str(get(rootNode, 'kind')) === 'AgentPolicy')
            hasPolicy = true;
    }
    if (hasRegistry)
        schemaFindings(ctx, () => (0,registry/* parseRegistry */.l5)(ctx.text, ctx.file));
    if (hasPolicy)
        schemaFindings(ctx, () => (0,registry/* parseAgentPolicies */.Hw)(docs));
}
/** The registry/policy loaders' validation errors, as `config/invalid` findings. */
function schemaFindings(ctx, validate) {
    try {
        validate();
    }
    catch (err) {
        const errors = err instanceof core/* AstlErrors */.ci ? err.errors : err instanceof core/* AstlError */.Ht ? [err] : [];
        for (const e of errors) {
            if (e.code === 'YAML_SYNTAX')
                continue; // already a scan/parse-error
            const line = e.location?.file === ctx.file || !e.location?.file ? (e.location?.line ?? 1) : 1;
            ctx.emit({
                ruleId: 'config/invalid',
                line,
                ...(e.location?.column !== undefined ? { column: e.location.column } : {}),
                message: `${e.message}${e.hint ? `. ${e.hint}` : ''}`,
                about: e.message,
            });
        }
    }
}
function scanIam(ctx, origin) {
    let tree;
    try {
        tree = parseJsonTree(ctx.text);
    }
    catch (err) {
        if (err instanceof JsonSyntaxError || err instanceof RangeError) {
            ctx.emit({
                ruleId: 'scan/parse-error',
                line: 1,
                message: `${ctx.file} looks like an IAM policy but is not valid JSON (${err.message}); fix the syntax so its statements can be checked.`,
                about: 'json-syntax',
                fileLevel: true,
            });
            return;
        }
        throw err;
    }
    checkIamPolicy(tree, ctx, origin);
}
function reportParseError(ctx, err) {
    const located = err instanceof core/* AstlError */.Ht ? err : undefined;
    const message = err instanceof RangeError
        ? 'it is nested too deeply to parse'
        : located
            ? located.message
            : (err?.message ?? String(err));
    ctx.emit({
        ruleId: 'scan/parse-error',
        line: located?.location?.line ?? 1,
        message: `${ctx.file} could not be parsed (${message}); only the secret rules ran on it. Fix the YAML so the other rules can check it.`,
        about: 'yaml-syntax',
        fileLevel: true,
    });
}


;// CONCATENATED MODULE: ./packages/scanner/index.ts
/** The scanner: engine, change sets, suppressions and baselines, reporters. No Actions I/O. */









/***/ })

};
