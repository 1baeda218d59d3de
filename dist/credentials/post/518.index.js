export const id = 518;
export const ids = [518];
export const modules = {

/***/ 4518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRevokeBackend: () => (/* binding */ createRevokeBackend)
});

// EXTERNAL MODULE: ./node_modules/node-vault/src/index.js
var src = __webpack_require__(8096);
var src_default = /*#__PURE__*/__webpack_require__.n(src);
// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
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
            if (isMap(node)) {
                const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
                if (!pair)
                    return found;
                node = last && wantKey ? pair.key : pair.value;
            }
            else if (isSeq(node) && typeof seg === 'number') {
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
        throw new AstlError(`${file} is larger than ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB`, {
            code: 'CONFIG_INVALID',
            location: { file },
            hint: 'split it into smaller files',
        });
    }
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > YAML_LIMITS.maxDocuments) {
        throw new AstlError(`${file} holds more than ${YAML_LIMITS.maxDocuments} YAML documents`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const out = [];
    for (const doc of list) {
        const problem = doc.errors[0];
        if (problem) {
            const pos = lines.linePos(problem.pos[0]);
            throw new AstlError(`invalid YAML: ${problem.message.split('\n')[0]}`, {
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
            throw new AstlError(`invalid YAML: ${err.message}`, {
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
            const guess = closest(key, known);
            return new AstlError(`unknown key '${key}' in ${what}${path.length ? ` at ${here}` : ''}`, {
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
            return new AstlError(`${here} is missing required key '${key}'${sub?.description ? ` (${sub.description})` : ''}`, {
                code,
                location: doc.locate(path),
                hint: `add '${key}:' to ${here}`,
            });
        }
        case 'type':
            return new AstlError(`${here} must be ${article(e.params.type)}, got ${typeName(e.data)}${expected}`, {
                code,
                location: doc.locate(path),
            });
        case 'enum': {
            const allowed = e.params.allowedValues;
            const guess = typeof e.data === 'string' ? closest(e.data, allowed.map(String)) : undefined;
            return new AstlError(`${here} is ${JSON.stringify(e.data)}; expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, {
                code,
                location: doc.locate(path),
                hint: guess ? `did you mean ${JSON.stringify(guess)}?` : undefined,
            });
        }
        case 'pattern':
        case 'format':
            return new AstlError(`${here} is ${JSON.stringify(e.data)}, which is not valid${expected}`, {
                code,
                location: doc.locate(path),
                hint: parent?.examples?.length
                    ? `for example: ${parent.examples.map((x) => JSON.stringify(x)).join(', ')}`
                    : undefined,
            });
        default:
            return new AstlError(`${here} ${e.message ?? 'is invalid'}${expected}`, {
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







;// CONCATENATED MODULE: ./packages/providers/retry-policy.ts
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
function retry_policy_retryOptions(what, deadline, isRetryable, settings = {}) {
    return { ...DEFAULT_RETRY, ...settings, what, deadline, isRetryable };
}
/**
 * An HTTP answer from a provider, reduced to what is safe to print: status, the provider's error
 * code and message. Library errors carry request configs (tokens, bodies); these never leave here.
 */
class retry_policy_ProviderHttpError extends Error {
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
class retry_policy_ProviderNetworkError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.name = code === 'TimeoutError' ? 'TimeoutError' : 'ProviderNetworkError';
        this.code = code;
    }
}
/** Rethrows an exhausted retry as `<CODE>` AstlError naming the provider and the last fault. */
function retry_policy_exhausted(err, code, hint) {
    if (err instanceof retry/* RetryExhaustedError */.aB) {
        throw new errors/* AstlError */.Ht(err.message, { code, hint });
    }
    throw err;
}

;// CONCATENATED MODULE: ./packages/providers/oidc.ts
/**
 * GitHub Actions OIDC: requesting an ID token through the runner's protocol and reading its
 * claims for diagnostics. The token is a bearer credential: it is returned to the caller and
 * never put in an error message.
 */



const PERMISSIONS_FIX = (/* unused pure expression or super */ null && (`permissions:
  id-token: write   # lets the job request an OIDC token
  contents: read`));
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
        throw new AstlError(`GitHub OIDC is not available to this job: ${missing.join(' and ')} not set`, {
            code: 'OIDC_NOT_AVAILABLE',
            hint: 'add `permissions: id-token: write` to the job (or the workflow). Jobs triggered from forks never get an ID token.',
            fix: PERMISSIONS_FIX,
        });
    }
    if (!req.audience) {
        throw new AstlError('An OIDC audience is required to request an ID token', {
            code: 'OIDC_AUDIENCE_MISSING',
        });
    }
    let url;
    try {
        url = new URL(idTokenUrl(req.requestUrl, req.audience)).toString();
    }
    catch {
        throw new AstlError('ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL', { code: 'OIDC_NOT_AVAILABLE' });
    }
    const requestToken = req.requestToken;
    const isRetryable = (err) => err instanceof ProviderNetworkError ||
        isNetworkFault(err) ||
        (err instanceof ProviderHttpError && isRetryableStatus(err.status));
    try {
        return await withRetry(async (signal) => {
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
                const err = new ProviderHttpError(res.status, undefined, shortMessage(text));
                if (isRetryable(err))
                    throw err;
                throw new AstlError(`The runner refused the OIDC token request: ${err.message}`, {
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
                throw new AstlError('The runner answered the OIDC token request without a token (`value`)', {
                    code: 'OIDC_TOKEN_REQUEST_FAILED',
                });
            }
            return value;
        }, retryOptions('GitHub OIDC token request', req.deadline, isRetryable, req.retry));
    }
    catch (err) {
        exhausted(err, 'OIDC_UNAVAILABLE', 'the runner token service did not answer; re-run the job.');
    }
}
/** Decodes a JWT's payload (no signature check). Undefined when it is not a JWT. */
function oidc_decodeTokenClaims(jwt) {
    try {
        return { ...decodeJwt(jwt) };
    }
    catch {
        return undefined;
    }
}
function sanitizeFetchError(err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return new retry_policy_ProviderNetworkError('request timed out', 'TimeoutError');
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
    return new retry_policy_ProviderNetworkError(message, code);
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

;// CONCATENATED MODULE: ./packages/providers/diagnose.ts
/**
 * Turning a provider's refusal into an error a workflow author can act on: what the token says
 * (iss, sub, aud, ref, job_workflow_ref, environment) beside what was asked (role, audience,
 * Vault role and auth path), and which trust condition to check. The token itself and any
 * credential never appear: only decoded claims, which are not secret.
 */


const SHOWN_CLAIMS = (/* unused pure expression or super */ null && (['iss', 'sub', 'aud', 'ref', 'job_workflow_ref', 'environment']));
/** `token: iss=…` lines for the claims that trust policies match on. */
function describeClaims(claims) {
    if (!claims)
        return '  token claims: (the token is not a decodable JWT)';
    const width = Math.max(...SHOWN_CLAIMS.map((c) => c.length));
    const lines = SHOWN_CLAIMS.map((c) => {
        const v = claims[c];
        const shown = v === undefined || v === '' ? '(not set)' : Array.isArray(v) ? v.join(', ') : String(v);
        return `    ${c.padEnd(width)}  ${shown}`;
    });
    if (typeof claims.exp === 'number') {
        lines.push(`    ${'exp'.padEnd(width)}  ${new Date(claims.exp * 1000).toISOString()}`);
    }
    return ['  token claims:', ...lines].join('\n');
}
function describeRequest(fields) {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
    const width = Math.max(...entries.map(([k]) => k.length));
    return ['  requested:', ...entries.map(([k, v]) => `    ${k.padEnd(width)}  ${v}`)].join('\n');
}
/**
 * The IAM condition-key prefix for an issuer: its URL without the scheme
 * (`token.actions.githubusercontent.com`, `gitlab.com`).
 */
function conditionKeyPrefix(iss) {
    if (!iss)
        return 'token.actions.githubusercontent.com';
    return iss.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
function firstAud(aud) {
    return Array.isArray(aud) ? aud[0] : aud;
}
function scrub(text, token) {
    const r = new Redactor();
    r.add(token);
    return r.redact(text);
}
const STS_CODES = {
    AccessDenied: 'STS_ACCESS_DENIED',
    IDPRejectedClaim: 'STS_ACCESS_DENIED',
    InvalidIdentityToken: 'STS_INVALID_TOKEN',
    ExpiredToken: 'STS_TOKEN_EXPIRED',
    ExpiredTokenException: 'STS_TOKEN_EXPIRED',
    ValidationError: 'STS_REQUEST_INVALID',
    MalformedPolicyDocument: 'STS_POLICY_INVALID',
    PackedPolicyTooLarge: 'STS_POLICY_INVALID',
    RegionDisabled: 'STS_REGION_DISABLED',
};
/** An AstlError for STS's non-retryable refusal `stsCode` (as STS spells it: `AccessDenied`, ...). */
function diagnoseStsError(stsCode, stsMessage, ctx) {
    const claims = decodeTokenClaims(ctx.webIdentityToken);
    const prefix = conditionKeyPrefix(claims?.iss);
    const aud = ctx.audience ?? firstAud(claims?.aud) ?? 'sts.amazonaws.com';
    const sub = claims?.sub ?? '<sub>';
    const message = [
        `AWS STS refused AssumeRoleWithWebIdentity for ${ctx.roleArn}: ${stsCode}: ${scrub(stsMessage, ctx.webIdentityToken)}`,
        describeRequest({ 'role-arn': ctx.roleArn, audience: aud, 'session-name': ctx.sessionName }),
        describeClaims(claims),
    ].join('\n');
    const trustFix = trustPolicySnippet(prefix, aud, sub);
    let hint;
    let fix;
    switch (stsCode) {
        case 'AccessDenied':
        case 'IDPRejectedClaim':
            hint =
                `the role's trust policy does not allow this token. Check that its Principal is the IAM OIDC provider for ${prefix}, ` +
                    `that \`${prefix}:sub\` (StringLike) matches "${sub}" and that \`${prefix}:aud\` (StringEquals) is "${aud}". ` +
                    'A job with `environment:` has sub `repo:<owner>/<repo>:environment:<name>`, not `:ref:refs/heads/<branch>`.';
            fix = trustFix;
            break;
        case 'InvalidIdentityToken':
            hint = /audience/i.test(stsMessage)
                ? `the IAM OIDC provider for ${prefix} does not list the audience "${aud}": add it to the provider's client IDs (audiences) or set aws-audience to one it lists.`
                : `the account has no IAM OIDC provider for ${claims?.iss ?? 'this issuer'} (or the token's signature did not verify): create the provider with that exact issuer URL.`;
            break;
        case 'ExpiredToken':
        case 'ExpiredTokenException':
            hint =
                'the ID token expired before STS checked it: request it just before assuming the role and re-run the job.';
            break;
        case 'ValidationError':
            hint = /DurationSeconds/.test(stsMessage)
                ? "the requested duration exceeds the role's MaxSessionDuration: lower `duration` or raise the role's maximum session duration."
                : 'STS rejected a request parameter; see the message above.';
            break;
        case 'MalformedPolicyDocument':
        case 'PackedPolicyTooLarge':
            hint = 'fix the session policy document (valid JSON, at most 2048 characters after minifying).';
            break;
        default:
            hint = 'see the STS error above.';
    }
    return new AstlError(message, { code: STS_CODES[stsCode] ?? 'STS_REQUEST_FAILED', hint, fix });
}
/** The trust-policy statement that would admit this token. */
function trustPolicySnippet(prefix, aud, sub) {
    return JSON.stringify({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::<account-id>:oidc-provider/${prefix}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
            StringEquals: { [`${prefix}:aud`]: aud },
            StringLike: { [`${prefix}:sub`]: sub },
        },
    }, null, 2);
}
/** An AstlError for Vault refusing a JWT login (HTTP 400/403/404/405), with Vault's error text. */
function diagnose_diagnoseVaultLogin(status, vaultMessage, ctx) {
    const claims = decodeTokenClaims(ctx.jwt);
    const aud = ctx.audience ?? firstAud(claims?.aud) ?? ctx.url;
    const sub = claims?.sub ?? '<sub>';
    const where = `auth/${ctx.authPath}/role/${ctx.role}${ctx.namespace ? ` in namespace ${ctx.namespace}` : ''}`;
    const message = [
        `Vault refused the JWT login at ${ctx.url} (auth/${ctx.authPath}/login, role ${ctx.role}): HTTP ${status}: ${scrub(vaultMessage, ctx.jwt)}`,
        describeRequest({
            'vault-url': ctx.url,
            'auth-path': ctx.authPath,
            role: ctx.role,
            namespace: ctx.namespace || '(root)',
            audience: aud,
        }),
        describeClaims(claims),
    ].join('\n');
    let hint;
    if (/could not be found|missing role/i.test(vaultMessage)) {
        hint = `there is no role ${where}: check vault-role, vault-auth-path and vault-namespace.`;
    }
    else if (/audience/i.test(vaultMessage)) {
        hint = `the role's bound_audiences must include the token's aud "${aud}" (or set vault-audience to one of them).`;
    }
    else if (/claim/i.test(vaultMessage)) {
        hint = `the role's bound_claims do not match this token: with bound_claims_type=glob, bound_claims={"sub":"${sub}"} would match it.`;
    }
    else if (/issuer|signature|jwks|validating token/i.test(vaultMessage)) {
        hint = `the auth method at auth/${ctx.authPath} must trust ${claims?.iss ?? 'the issuer'} (oidc_discovery_url or jwks_url) and the token must be unexpired.`;
    }
    else if (status === 404 || status === 405 || /no handler|route/i.test(vaultMessage)) {
        hint = `no JWT auth method is mounted at auth/${ctx.authPath}${ctx.namespace ? ` in namespace ${ctx.namespace}` : ''}: check vault-auth-path and vault-namespace.`;
    }
    else {
        hint = `check the Vault role ${where} and the namespace.`;
    }
    const fix = `vault write auth/${ctx.authPath}/role/${ctx.role} role_type=jwt \\
  bound_audiences="${aud}" user_claim=sub bound_claims_type=glob \\
  bound_claims='{"sub":"${sub}"}' token_policies=ci-read token_ttl=15m`;
    return new AstlError(message, { code: 'VAULT_LOGIN_DENIED', hint, fix });
}

;// CONCATENATED MODULE: ./packages/providers/vault.ts
/**
 * HashiCorp Vault through `node-vault`: JWT auth login, KV reads, token lookup and revocation.
 *
 * node-vault supplies the Vault API (paths, commands, `{errors}` handling); its HTTP transport is
 * replaced by fetch through its `request-promise` hook, because its built-in axios transport
 * takes no AbortSignal and, with DEBUG=* set, axios' follow-redirects logs request headers
 * (X-Vault-Token). A fresh client per call gets its namespace and token set explicitly (so
 * VAULT_NAMESPACE / VAULT_TOKEN in the environment never apply by accident), and its errors are
 * reduced to status + Vault's error text before anything else sees them. Retries: network
 * faults, 5xx, 429 and 412 (a performance standby not yet consistent); 400/403/404 fail at once.
 */





const RETRYABLE_VAULT_STATUSES = new Set([412, 429]);
function normalizeVaultUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = new URL('invalid:');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new errors/* AstlError */.Ht(`vault-url: "${url}" is not an http(s) URL`, {
            code: 'VAULT_URL_INVALID',
            fix: 'vault-url: https://vault.example.com:8200',
        });
    }
    return url.replace(/\/+$/, '');
}
function normalizeAuthPath(authPath) {
    const p = (authPath ?? 'jwt')
        .trim()
        .replace(/^\/+|\/+$/g, '')
        .replace(/^auth\//, '');
    if (!p || /[\s?#]|\.\./.test(p)) {
        throw new AstlError(`vault-auth-path: "${authPath}" is not a mount path like "jwt" or "jwt-github"`, {
            code: 'VAULT_AUTH_PATH_INVALID',
        });
    }
    return p;
}
/** A KV path used verbatim (as the HTTP API spells it), minus stray slashes. */
function normalizeKvPath(path) {
    const p = path
        .trim()
        .replace(/^\/+|\/+$/g, '')
        .replace(/^v1\//, '');
    if (!p.includes('/') || /[\s?#]|\.\./.test(p)) {
        throw new AstlError(`Vault secret path "${path}" is not a path like "secret/data/ci/deploy"`, {
            code: 'VAULT_SECRET_PATH_INVALID',
            hint: 'write the path as the HTTP API spells it: <mount>/data/<path> for KV v2, <mount>/<path> for KV v1.',
        });
    }
    return p;
}
/** node-vault's `request-promise` contract: resolve `{statusCode, body, request: {path}}` for any status. */
async function fetchTransport(options) {
    const headers = { ...options.headers };
    let body;
    if (options.json !== undefined && typeof options.json === 'object') {
        body = JSON.stringify(options.json);
        headers['content-type'] = 'application/json';
    }
    const res = await fetch(options.uri, { method: options.method, headers, body, signal: options.signal });
    const text = await res.text();
    let parsed;
    try {
        parsed = text ? JSON.parse(text) : undefined;
    }
    catch {
        parsed = { errors: [text.slice(0, 300)] };
    }
    return { statusCode: res.status, body: parsed, request: { path: new URL(options.uri).pathname } };
}
function vaultClient(call, token) {
    const client = src_default()({
        endpoint: normalizeVaultUrl(call.url),
        apiVersion: 'v1',
        noCustomHTTPVerbs: true,
        'request-promise': { defaults: () => fetchTransport },
        // node-vault's own debug output (DEBUG=node-vault) prints request bodies: the JWT.
        debug: () => { },
    });
    // Explicit, so VAULT_NAMESPACE / VAULT_TOKEN from the environment never apply by accident.
    client.namespace = call.namespace?.replace(/^\/+|\/+$/g, '') || undefined;
    client.token = token;
    return client;
}
/** Vault's error status and text, or a transport fault; nothing else of the library error survives. */
function toProviderError(err, signal) {
    if (err instanceof retry_policy_ProviderNetworkError || err instanceof errors/* AstlError */.Ht)
        return err;
    const e = err;
    const status = e.response?.statusCode;
    if (typeof status === 'number') {
        const body = e.response?.body;
        const errors = Array.isArray(body?.errors) ? body.errors.map(String).filter(Boolean) : [];
        const text = (errors.join('; ') || (typeof e.message === 'string' ? e.message : ''))
            .replace(/\s+/g, ' ')
            .trim();
        return new retry_policy_ProviderHttpError(status, undefined, text.slice(0, 300));
    }
    if (signal.aborted)
        return new retry_policy_ProviderNetworkError('request timed out', 'TimeoutError');
    return sanitizeFetchError(err);
}
const isRetryable = (err) => err instanceof retry_policy_ProviderNetworkError ||
    (0,retry/* isNetworkFault */.d$)(err) ||
    (err instanceof retry_policy_ProviderHttpError && (err.status >= 500 || RETRYABLE_VAULT_STATUSES.has(err.status)));
/** One Vault request under our retry policy; `onRefusal` turns a non-retryable HTTP error into an AstlError. */
async function vaultRequest(call, what, send, onRefusal, token) {
    const client = vaultClient(call, token);
    try {
        return await (0,retry/* withRetry */.bD)(async (signal) => {
            try {
                return await send(client, { signal });
            }
            catch (err) {
                const clean = toProviderError(err, signal);
                if (clean instanceof retry_policy_ProviderHttpError && !isRetryable(clean))
                    throw onRefusal(clean);
                throw clean;
            }
        }, retry_policy_retryOptions(what, call.deadline, isRetryable, call.retry));
    }
    catch (err) {
        retry_policy_exhausted(err, 'VAULT_UNAVAILABLE', `Vault at ${call.url} did not answer in time; re-run the job, or check vault-url and the network.`);
    }
}
/** `POST /v1/auth/<authPath>/login {role, jwt}`. */
async function vaultJwtLogin(req) {
    const authPath = normalizeAuthPath(req.authPath);
    if (!req.role)
        throw new AstlError('vault-role is required for the Vault JWT login', { code: 'VAULT_ROLE_MISSING' });
    const body = await vaultRequest(req, `Vault JWT login (auth/${authPath}/login)`, (client, options) => client.write(`auth/${authPath}/login`, { role: req.role, jwt: req.jwt }, options), (err) => diagnoseVaultLogin(err.status, err.providerMessage, {
        url: req.url,
        authPath,
        role: req.role,
        namespace: req.namespace,
        audience: req.audience,
        jwt: req.jwt,
    }));
    const auth = body?.auth;
    if (!auth || typeof auth.client_token !== 'string') {
        throw new AstlError(`Vault answered the login at auth/${authPath}/login without a token`, {
            code: 'VAULT_LOGIN_FAILED',
        });
    }
    return {
        clientToken: auth.client_token,
        accessor: typeof auth.accessor === 'string' ? auth.accessor : '',
        leaseDurationSeconds: typeof auth.lease_duration === 'number' ? auth.lease_duration : 0,
        renewable: auth.renewable === true,
        policies: Array.isArray(auth.policies) ? auth.policies.map(String) : [],
    };
}
/**
 * Reads a KV secret's data map. KV v2 (`<mount>/data/<path>`) answers `{data: {data, metadata}}`,
 * KV v1 `{data}`; both are accepted. The path is used as given: `secret/ci/deploy` on a KV v2
 * mount is a 404 whose hint names the `data/` form, rather than a guess that could read the wrong path.
 */
async function readKvSecretData(req) {
    const path = normalizeKvPath(req.path);
    const body = await vaultRequest(req, `Vault read of ${path}`, (client, options) => client.read(path, options), (err) => kvRefusal(err, path, req.namespace), req.token);
    const data = body?.data;
    if (data && typeof data === 'object' && 'metadata' in data && 'data' in data) {
        const inner = data.data;
        if (inner === null) {
            throw new AstlError(`Vault secret ${path} has no current version (deleted)`, {
                code: 'VAULT_SECRET_NOT_FOUND',
            });
        }
        return (inner ?? {});
    }
    return (data ?? {});
}
/** One key of a KV secret, as a string (non-string values are JSON-encoded). */
async function readKvSecret(req) {
    const data = await readKvSecretData(req);
    if (!(req.key in data)) {
        const keys = Object.keys(data);
        throw new AstlError(`Vault secret ${normalizeKvPath(req.path)} has no key "${req.key}"`, {
            code: 'VAULT_KEY_NOT_FOUND',
            hint: keys.length ? `its keys are: ${keys.join(', ')}.` : 'the secret has no keys.',
        });
    }
    const value = data[req.key];
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function kvRefusal(err, path, namespace) {
    const ns = namespace ? ` in namespace ${namespace}` : '';
    if (err.status === 404) {
        const isV2 = /^[^/]+\/data\//.test(path);
        return new AstlError(`Vault secret ${path}${ns} does not exist`, {
            code: 'VAULT_SECRET_NOT_FOUND',
            hint: isV2
                ? 'check the path and the namespace.'
                : `on a KV v2 mount the HTTP path includes data/: ${path.replace(/^([^/]+)\//, '$1/data/')}.`,
        });
    }
    if (err.status === 403) {
        return new AstlError(`Vault denied reading ${path}${ns}: ${err.providerMessage || 'permission denied'}`, {
            code: 'VAULT_PERMISSION_DENIED',
            hint: `the role's token policies must grant "read" on ${path} (path "${path}" { capabilities = ["read"] }).`,
        });
    }
    return new AstlError(`Vault refused reading ${path}${ns}: ${err.message}`, {
        code: 'VAULT_REQUEST_FAILED',
    });
}
/** `POST /v1/auth/token/revoke-self` (revokes child tokens and leases too). A 403 means already invalid. */
async function revokeSelf(req) {
    const outcome = await vaultRequest(req, 'Vault token revoke-self', async (client, options) => {
        try {
            await client.write('auth/token/revoke-self', {}, options);
            return 'revoked';
        }
        catch (err) {
            if (err.response?.statusCode === 403)
                return 'already-invalid';
            throw err;
        }
    }, (err) => new errors/* AstlError */.Ht(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' }), req.token);
    return outcome;
}
/** `GET /v1/auth/token/lookup-self`. */
async function lookupSelf(req) {
    const body = await vaultRequest(req, 'Vault token lookup-self', (client, options) => client.request({ path: '/auth/token/lookup-self', method: 'GET', ...options }), (err) => new AstlError(`Vault token lookup failed: ${err.message}`, {
        code: err.status === 403 ? 'VAULT_TOKEN_INVALID' : 'VAULT_REQUEST_FAILED',
        hint: err.status === 403 ? 'the token is expired, revoked, or from another namespace.' : undefined,
    }), req.token);
    const d = (body?.data ?? {});
    return {
        accessor: typeof d.accessor === 'string' ? d.accessor : '',
        policies: Array.isArray(d.policies) ? d.policies.map(String) : [],
        ttlSeconds: typeof d.ttl === 'number' ? d.ttl : 0,
        expireTime: typeof d.expire_time === 'string' ? d.expire_time : undefined,
        displayName: typeof d.display_name === 'string' ? d.display_name : undefined,
        namespacePath: typeof d.namespace_path === 'string' ? d.namespace_path : undefined,
        renewable: d.renewable === true,
    };
}

;// CONCATENATED MODULE: ./packages/credentials/revoke-backend.ts
/**
 * The post step needs only Vault's revoke-self; importing just that keeps the AWS SDK out of the
 * post bundle (smaller, faster to start).
 */

function createRevokeBackend() {
    return {
        revokeVaultToken: (a) => revokeSelf({
            url: a.url,
            token: a.token,
            deadline: a.deadline,
            ...(a.namespace ? { namespace: a.namespace } : {}),
        }),
    };
}


/***/ })

};
