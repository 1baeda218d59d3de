"use strict";
exports.id = 763;
exports.ids = [763,668];
exports.modules = {

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

/***/ 763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AWS_REGION_PATTERN: () => (/* reexport */ AWS_REGION_PATTERN),
  GITHUB_APP_ID_PATTERN: () => (/* reexport */ GITHUB_APP_ID_PATTERN),
  MintFailure: () => (/* reexport */ MintFailure),
  applyAuditLevel: () => (/* reexport */ credentials_audit.applyAuditLevel),
  githubIdTokenSource: () => (/* reexport */ githubIdTokenSource),
  issuedBeforeFailure: () => (/* reexport */ revoke.issuedBeforeFailure),
  issuedCredentials: () => (/* reexport */ revoke.issuedCredentials),
  mintCredentials: () => (/* reexport */ mintCredentials),
  stateSecrets: () => (/* reexport */ revoke.stateSecrets),
  toJsonLines: () => (/* reexport */ credentials_audit.toJsonLines)
});

// UNUSED EXPORTS: AUDIT_FILE_NAME, DEFAULT_AWS_AUDIENCE, DEFAULT_DEADLINE_MS, DEFAULT_DURATION_SECONDS, DEFAULT_REVOKE_DEADLINE_MS, STS_MAX_DURATION_SECONDS, STS_MIN_DURATION_SECONDS, auditEvent, awsProvider, awsRegion, cell, defaultProviders, defaultRevokers, envIdTokenSource, githubProvider, parseRevocationState, renderFailureSummary, renderMintSummary, renderRevokeSummary, revokeCredentials, vaultProvider

// EXTERNAL MODULE: ./packages/credentials/audit.ts
var credentials_audit = __webpack_require__(6668);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
// EXTERNAL MODULE: ./packages/providers/oidc.ts + 1 modules
var oidc = __webpack_require__(3989);
;// CONCATENATED MODULE: ./packages/credentials/id-token.ts
/**
 * Where OIDC ID tokens come from. On GitHub the runner mints one per audience
 * (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN); on GitLab the job's `id_tokens:` put a token with a
 * fixed audience in an environment variable.
 */


/** The GitHub Actions runner's token endpoint. */
function githubIdTokenSource(env) {
    return (audience, deadline) => (0,oidc/* requestGitHubIdToken */.z)({
        requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        audience,
        deadline,
    });
}
/**
 * A token from an environment variable (GitLab `id_tokens`). The audience is fixed when the
 * token is minted, so the caller's audience is only used in the error when the variable is unset.
 */
function envIdTokenSource(variable, env) {
    return async (audience) => {
        const token = env[variable]?.trim();
        if (!token) {
            throw new AstlError(`the ID token variable ${variable} is not set`, {
                code: 'OIDC_NOT_AVAILABLE',
                hint: `declare it in the job's id_tokens with the audience the provider expects (${audience})`,
                fix: `id_tokens:\n  ${variable}:\n    aud: ${audience}`,
            });
        }
        return token;
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/registry/index.ts + 1 modules
var packages_registry = __webpack_require__(3268);
// EXTERNAL MODULE: ./packages/core/env-names.ts
var env_names = __webpack_require__(3362);
// EXTERNAL MODULE: ./packages/core/transport.ts
var transport = __webpack_require__(2873);
;// CONCATENATED MODULE: ./packages/credentials/preflight.ts
/**
 * Checks of a credentials plan that need no network and run before any token is requested:
 * every endpoint a credential is sent to (Vault, an STS endpoint override, GITHUB_API_URL, a
 * GitHub token exchange) passes core/transport (https, or http to loopback, or an explicit opt-in), and every environment variable name a secret is exported under passes
 * core/env-names. The front ends check their own inputs first (in their own terms); this is the
 * engine's backstop, so that no front end can skip it, and it names the registry line when the
 * value came from the registry.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).


/** The transport opt-in of a request, with the default wording of the action's input. */
function transportOptions(request) {
    return {
        allowInsecure: request.transport?.allowInsecureHttp === true,
        ...(request.transport?.optIn ? { optIn: request.transport.optIn } : {}),
    };
}
/**
 * Throws the first problem (an AstlError located at the registry line or the input); returns
 * warnings for plain-http endpoints the user explicitly allowed.
 */
function preflightChecks(request, agent, plan, env) {
    const warnings = [];
    const { allowInsecure, optIn } = transportOptions(request);
    const endpoint = (url, what, sends, where) => {
        const checked = (0,transport/* checkCredentialTransport */.tD)(url, {
            allowInsecure,
            ...(optIn ? { optIn } : {}),
            sends,
            ...where,
        });
        if (checked.insecure) {
            warnings.push(`${what} ${checked.url.origin} uses plain http (allowed by the opt-in): ${sends} cross the network unencrypted`);
        }
    };
    if (plan.vault) {
        const fromInput = request.vault?.url !== undefined;
        const location = agent.keyLocations['credentials.vault.url'];
        endpoint(plan.vault.url, fromInput ? 'vault-url' : 'credentials.vault.url', 'the OIDC token and the Vault token', fromInput
            ? { setting: 'vault-url' }
            : { what: 'credentials.vault.url', ...(location ? { location } : {}) });
        const problem = plan.vault.secrets
            .map((s) => (0,env_names/* checkEnvName */.$n)(s.env, { location: secretLocation(agent, request, s), prefix: 'secret env ' }))
            .find((e) => e !== undefined);
        if (problem)
            throw problem;
    }
    if (plan.github) {
        const fromInput = request.github?.apiUrl !== undefined;
        endpoint(plan.github.apiUrl, fromInput ? 'GITHUB_API_URL' : 'the GitHub API URL', plan.github.mode === 'app' ? 'the App JWT and the installation token' : 'the installation token', { what: fromInput ? 'GITHUB_API_URL' : 'the GitHub API URL' });
        if (plan.github.stsUrl) {
            endpoint(plan.github.stsUrl, 'credentials.github.sts-url', 'the OIDC token and the installation token', {
                what: 'credentials.github.sts-url',
                location: agent.keyLocations['credentials.github.sts-url'] ?? agent.location,
            });
        }
    }
    if (plan.aws) {
        // The AWS SDK's endpoint conventions: the service-specific variable wins over the global one.
        const name = env.AWS_ENDPOINT_URL_STS
            ? 'AWS_ENDPOINT_URL_STS'
            : env.AWS_ENDPOINT_URL
                ? 'AWS_ENDPOINT_URL'
                : '';
        if (name)
            endpoint(env[name], name, 'the OIDC token and the AWS session keys', { what: name });
    }
    return warnings;
}
/** Where a secret read was written: its registry line, else the `vault-secrets` input. */
function secretLocation(agent, request, read) {
    if (request.vault?.secrets?.some((s) => s.env === read.env))
        return { setting: 'vault-secrets' };
    const i = agent.credentials.vault?.secrets.findIndex((s) => s.env === read.env) ?? -1;
    return agent.keyLocations[`credentials.vault.secrets[${i}]`] ?? agent.location;
}

// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/core/http.ts
var http = __webpack_require__(5770);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
// EXTERNAL MODULE: ./packages/providers/diagnose.ts
var diagnose = __webpack_require__(1196);
// EXTERNAL MODULE: ./packages/providers/retry-policy.ts
var retry_policy = __webpack_require__(5036);
;// CONCATENATED MODULE: ./packages/providers/xml.ts
/**
 * A strict, bounded reader for the small XML documents AWS Query APIs answer (STS): elements,
 * attributes (read and ignored), text, the five predefined entities, character references,
 * CDATA, comments and an XML declaration. Everything else is refused, DOCTYPE first (no entity
 * definitions, so no expansion attacks), and so are documents deeper, larger or with more
 * elements than the limits. The answer is untrusted input: errors say where and what was
 * expected, never the text they met (a success answer holds credentials).
 */
const DEFAULT_XML_LIMITS = { maxBytes: 64 * 1024, maxDepth: 16, maxElements: 512 };
class XmlError extends Error {
    offset;
    constructor(message, offset) {
        super(`${message} at offset ${offset}`);
        this.offset = offset;
        this.name = 'XmlError';
    }
}
const NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*')/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const PREDEFINED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Parses a whole document into its root element; throws XmlError on anything outside the subset. */
function parseXml(text, limits = DEFAULT_XML_LIMITS) {
    if (text.length > limits.maxBytes)
        throw new XmlError(`document larger than ${limits.maxBytes} bytes`, 0);
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let elements = 0;
    const fail = (what) => {
        throw new XmlError(what, i);
    };
    const skipSpace = () => {
        SPACE.lastIndex = i;
        SPACE.exec(text);
        i = SPACE.lastIndex;
    };
    const startsWith = (s) => text.startsWith(s, i);
    const skipPast = (end, what) => {
        const at = text.indexOf(end, i);
        if (at < 0)
            fail(`unterminated ${what}`);
        i = at + end.length;
    };
    /** Comments (and, before the root, the declaration) between elements. */
    const skipMisc = (prolog) => {
        for (;;) {
            skipSpace();
            if (startsWith('<!--'))
                skipPast('-->', 'comment');
            else if (prolog && startsWith('<?xml'))
                skipPast('?>', 'XML declaration');
            else if (startsWith('<!DOCTYPE') || startsWith('<!ENTITY'))
                fail('DOCTYPE and entity declarations are not accepted');
            else if (startsWith('<?'))
                fail('processing instructions are not accepted');
            else
                return;
        }
    };
    const name = () => {
        NAME.lastIndex = i;
        const m = NAME.exec(text);
        if (!m)
            return fail('expected an element name');
        i = NAME.lastIndex;
        return m[0];
    };
    const element = (depth) => {
        if (depth > limits.maxDepth)
            fail(`elements nested deeper than ${limits.maxDepth}`);
        if (++elements > limits.maxElements)
            fail(`more than ${limits.maxElements} elements`);
        if (text[i] !== '<')
            fail("expected '<'");
        i++;
        const qname = name();
        for (;;) {
            skipSpace();
            if (startsWith('/>')) {
                i += 2;
                return { name: localName(qname), children: [], text: '' };
            }
            if (text[i] === '>') {
                i++;
                break;
            }
            ATTRIBUTE.lastIndex = i;
            if (!ATTRIBUTE.exec(text))
                fail('expected an attribute, ">" or "/>"');
            i = ATTRIBUTE.lastIndex;
        }
        const node = { name: localName(qname), children: [], text: '' };
        const parts = [];
        for (;;) {
            if (i >= text.length)
                fail(`unterminated element <${qname}>`);
            const ch = text[i];
            if (ch === '<') {
                if (startsWith('</')) {
                    i += 2;
                    if (name() !== qname)
                        fail(`expected </${qname}>`);
                    skipSpace();
                    if (text[i] !== '>')
                        fail("expected '>'");
                    i++;
                    node.text = parts.join('');
                    return node;
                }
                if (startsWith('<!--'))
                    skipPast('-->', 'comment');
                else if (startsWith('<![CDATA[')) {
                    const start = i + 9;
                    skipPast(']]>', 'CDATA section');
                    parts.push(text.slice(start, i - 3));
                }
                else if (startsWith('<!') || startsWith('<?'))
                    fail('declarations are not accepted inside elements');
                else
                    node.children.push(element(depth + 1));
            }
            else if (ch === '&') {
                ENTITY.lastIndex = i;
                const m = ENTITY.exec(text);
                if (!m)
                    fail('expected an entity (&lt; &gt; &amp; &quot; &apos; or &#N;)');
                i = ENTITY.lastIndex;
                parts.push(m?.[1]
                    ? PREDEFINED[m[1]]
                    : codePoint(m?.[2] ? Number(m[2]) : Number.parseInt(m?.[3] ?? '', 16)));
            }
            else {
                const next = nextMarkup(text, i);
                parts.push(text.slice(i, next));
                i = next;
            }
        }
    };
    skipMisc(true);
    const root = element(1);
    skipMisc(false);
    if (i < text.length)
        fail('unexpected content after the root element');
    return root;
    function codePoint(n) {
        // Only characters XML allows: no NUL or other C0 controls but tab, CR and LF, no surrogates.
        const ok = n === 0x9 ||
            n === 0xa ||
            n === 0xd ||
            (n >= 0x20 && n <= 0xd7ff) ||
            (n >= 0xe000 && n <= 0xfffd) ||
            (n >= 0x10000 && n <= 0x10ffff);
        if (!ok)
            fail('character reference to a character XML does not allow');
        return String.fromCodePoint(n);
    }
}
function nextMarkup(text, from) {
    for (let j = from; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === 0x3c /* < */ || c === 0x26 /* & */)
            return j;
    }
    return text.length;
}
function localName(qname) {
    const colon = qname.indexOf(':');
    return colon < 0 ? qname : qname.slice(colon + 1);
}
/** The first child named `name`, if any. */
function xmlChild(el, name) {
    return el?.children.find((c) => c.name === name);
}
/** The text of the element at `path` below `el` (first match at each step), trimmed. */
function xmlText(el, ...path) {
    let at = el;
    for (const step of path)
        at = xmlChild(at, step);
    return at?.text.trim();
}

;// CONCATENATED MODULE: ./packages/providers/aws.ts
/**
 * AWS STS AssumeRoleWithWebIdentity over the Query API: an unsigned form POST answered in XML
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html), so no
 * SDK is needed to mint. The endpoint is resolved as the AWS SDK for JavaScript v3 resolves it
 * (`AWS_ENDPOINT_URL_STS`, then `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`;
 * else the regional endpoint of the region's partition, with `AWS_USE_FIPS_ENDPOINT` and
 * `AWS_USE_DUALSTACK_ENDPOINT`), so the same code runs against any STS-compatible endpoint.
 * Retries: network faults, 5xx, 429, Throttling and IDPCommunicationError, with jitter;
 * AccessDenied, InvalidIdentityToken, ExpiredTokenException, ValidationError and every other
 * 4xx fail at once with a diagnosis. The XML answer is untrusted: parsed strictly and bounded.
 */







/** STS error codes worth another attempt. */
const RETRYABLE_STS_CODES = new Set([
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'IDPCommunicationError',
]);
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MAX_SESSION_POLICY_CHARS = 2048;
/** Throws AWS_ROLE_ARN_INVALID unless `arn` is an IAM role ARN. */
function validateRoleArn(arn, source = 'aws-role-arn') {
    if (ROLE_ARN.test(arn))
        return;
    let why = 'expected arn:aws:iam::<12-digit account id>:role/<name>';
    if (/^arn:aws[\w-]*:sts::/.test(arn))
        why = 'this is an assumed-role (STS) ARN; use the IAM role ARN';
    else if (/^arn:aws[\w-]*:iam::\d{12}:user\//.test(arn))
        why = 'this is an IAM user ARN; OIDC federation needs a role';
    else if (/^arn:aws[\w-]*:iam::(?!\d{12}:)/.test(arn))
        why = 'the account id must be 12 digits';
    throw new errors/* AstlError */.Ht(`${source}: "${arn}" is not an IAM role ARN (${why})`, {
        code: 'AWS_ROLE_ARN_INVALID',
        hint: 'copy the role ARN from the IAM console (Roles > your role > ARN).',
        fix: 'aws-role-arn: arn:aws:iam::111122223333:role/my-ci-role',
    });
}
/**
 * `<agent>@<run_id>` (with `-<attempt>` when the run is re-attempted), characters STS rejects
 * replaced by `-`, cut to 64 characters by shortening the agent name so the run id survives.
 */
function roleSessionName(agent, runId, attempt) {
    const clean = (s) => s.replace(/[^\w+=,.@-]/g, '-');
    const attemptPart = attempt !== undefined && String(attempt) !== '' && String(attempt) !== '1'
        ? `-${clean(String(attempt))}`
        : '';
    const suffix = `@${clean(String(runId))}${attemptPart}`;
    if (suffix.length >= 64)
        return suffix.slice(suffix.length - 64);
    const name = clean(agent) || 'agent';
    return `${name.slice(0, 64 - suffix.length)}${suffix}`;
}
/** Validates and minifies a session policy; errors point at the file (with line and column for JSON syntax). */
function prepareSessionPolicy(text, file = 'session policy') {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        const offset = jsonErrorOffset(text);
        const at = lineColumn(text, offset);
        const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'unexpected end of input';
        throw new errors/* AstlError */.Ht(`The session policy is not valid JSON: ${found} at line ${at.line}, column ${at.column}`, {
            code: 'AWS_SESSION_POLICY_INVALID',
            location: { file, ...at },
            hint: 'a session policy is an IAM policy document: {"Version": "2012-10-17", "Statement": [...]}.',
        });
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('Statement' in doc)) {
        throw new errors/* AstlError */.Ht('The session policy must be an IAM policy document object with a "Statement"', {
            code: 'AWS_SESSION_POLICY_INVALID',
            location: { file },
            fix: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}',
        });
    }
    const minified = JSON.stringify(doc);
    if (minified.length > MAX_SESSION_POLICY_CHARS) {
        throw new errors/* AstlError */.Ht(`The session policy is ${minified.length} characters after minifying; STS accepts at most ${MAX_SESSION_POLICY_CHARS}`, {
            code: 'AWS_SESSION_POLICY_INVALID',
            location: { file },
            hint: 'shorten it: merge statements, use wildcards in resource paths, or attach a managed policy to the role instead.',
        });
    }
    return minified;
}
/** Reads, validates and minifies a session policy file. */
function readSessionPolicy(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* AstlError */.Ht(`Cannot read the session policy file ${file}: ${err.code ?? String(err)}`, {
            code: 'AWS_SESSION_POLICY_INVALID',
            location: { file },
            hint: 'the path is relative to the workspace; check it exists in the checkout.',
        });
    }
    return prepareSessionPolicy(text, file);
}
/**
 * Offset of the first JSON syntax error (Node 20's JSON.parse messages carry no position).
 * A small recursive-descent scan; only called after JSON.parse has failed.
 */
function jsonErrorOffset(text) {
    let i = 0;
    const fail = () => {
        throw i;
    };
    const ws = () => {
        while (i < text.length && ' \t\r\n'.includes(text[i]))
            i++;
    };
    const expect = (ch) => {
        if (text[i] !== ch)
            fail();
        i++;
    };
    const literal = (word) => {
        for (const ch of word)
            expect(ch);
    };
    const string = () => {
        expect('"');
        while (i < text.length && text[i] !== '"') {
            if (text.charCodeAt(i) < 0x20)
                fail();
            if (text[i] === '\\') {
                i++;
                if (text[i] === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5)))
                        fail();
                    i += 4;
                }
                else if (!'"\\/bfnrt'.includes(text[i] ?? 'x'))
                    fail();
            }
            i++;
        }
        expect('"');
    };
    // Items of an object or array up to `close`, each parsed by `item`.
    const items = (close, item) => {
        i++;
        ws();
        if (text[i] === close) {
            i++;
            return;
        }
        for (;;) {
            item();
            ws();
            if (text[i] === close) {
                i++;
                return;
            }
            expect(',');
        }
    };
    const value = () => {
        ws();
        const ch = text[i];
        if (ch === '{') {
            items('}', () => {
                ws();
                string();
                ws();
                expect(':');
                value();
            });
        }
        else if (ch === '[') {
            items(']', value);
        }
        else if (ch === '"') {
            string();
        }
        else if (ch === 't') {
            literal('true');
        }
        else if (ch === 'f') {
            literal('false');
        }
        else if (ch === 'n') {
            literal('null');
        }
        else {
            const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
            if (!m)
                fail();
            i += m?.[0].length ?? 0;
        }
    };
    try {
        value();
        ws();
        return i;
    }
    catch (at) {
        return typeof at === 'number' ? Math.min(at, text.length) : 0;
    }
}
function lineColumn(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
/** The largest STS answer read; a real one is about 2 KB (the session token dominates). */
const MAX_STS_RESPONSE_BYTES = 64 * 1024;
/**
 * The AWS partitions, as the SDK's partitions.json lists them (all support FIPS and dual-stack);
 * a region no regex matches belongs to `aws`, as in the SDK.
 */
const PARTITIONS = [
    {
        name: 'aws-cn',
        regionRegex: /^cn-\w+-\d+$/,
        dnsSuffix: 'amazonaws.com.cn',
        dualStackDnsSuffix: 'api.amazonwebservices.com.cn',
    },
    {
        name: 'aws-eusc',
        regionRegex: /^eusc-(de)-\w+-\d+$/,
        dnsSuffix: 'amazonaws.eu',
        dualStackDnsSuffix: 'api.amazonwebservices.eu',
    },
    {
        name: 'aws-iso',
        regionRegex: /^us-iso-\w+-\d+$/,
        dnsSuffix: 'c2s.ic.gov',
        dualStackDnsSuffix: 'api.aws.ic.gov',
    },
    {
        name: 'aws-iso-b',
        regionRegex: /^us-isob-\w+-\d+$/,
        dnsSuffix: 'sc2s.sgov.gov',
        dualStackDnsSuffix: 'api.aws.scloud',
    },
    {
        name: 'aws-iso-e',
        regionRegex: /^eu-isoe-\w+-\d+$/,
        dnsSuffix: 'cloud.adc-e.uk',
        dualStackDnsSuffix: 'api.cloud-aws.adc-e.uk',
    },
    {
        name: 'aws-iso-f',
        regionRegex: /^us-isof-\w+-\d+$/,
        dnsSuffix: 'csp.hci.ic.gov',
        dualStackDnsSuffix: 'api.aws.hci.ic.gov',
    },
    {
        name: 'aws-us-gov',
        regionRegex: /^us-gov-\w+-\d+$/,
        dnsSuffix: 'amazonaws.com',
        dualStackDnsSuffix: 'api.aws',
    },
];
const AWS_PARTITION = {
    name: 'aws',
    regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com',
    dualStackDnsSuffix: 'api.aws',
};
/** An SDK boolean setting: unset is false, `true`/`false` in any case, anything else an error. */
function envFlag(env, name) {
    const raw = env[name]?.trim();
    if (!raw)
        return false;
    if (/^true$/i.test(raw))
        return true;
    if (/^false$/i.test(raw))
        return false;
    throw new errors/* AstlError */.Ht(`${name} is "${raw}"; the AWS SDKs accept only true or false`, {
        code: 'AWS_CONFIG_INVALID',
        fix: `${name}: "true"`,
    });
}
/**
 * The STS endpoint for `region`, by the rules of the SDK for JavaScript v3's STS endpoint ruleset
 * (regional endpoints; `aws-global` is the legacy global endpoint):
 * 1. `AWS_ENDPOINT_URL_STS`, else `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`
 *    is true (a configured endpoint cannot be combined with FIPS or dual-stack);
 * 2. `https://sts[-fips].<region>.<dnsSuffix | dualStackDnsSuffix>` of the region's partition
 *    (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`); FIPS alone in aws-us-gov is
 *    `https://sts.<region>.amazonaws.com`.
 * The shared config file (~/.aws/config `endpoint_url`) is not read: CI runners configure AWS
 * through the environment. Throws AWS_CONFIG_INVALID for contradictory settings.
 */
function resolveStsEndpoint(region, env = process.env) {
    const fips = envFlag(env, 'AWS_USE_FIPS_ENDPOINT');
    const dualStack = envFlag(env, 'AWS_USE_DUALSTACK_ENDPOINT');
    const configured = envFlag(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS')
        ? undefined
        : env.AWS_ENDPOINT_URL_STS?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
    if (configured) {
        if (fips || dualStack) {
            throw new errors/* AstlError */.Ht(`AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL cannot be combined with ${fips ? 'AWS_USE_FIPS_ENDPOINT' : 'AWS_USE_DUALSTACK_ENDPOINT'} (the SDKs refuse it too)`, { code: 'AWS_CONFIG_INVALID', hint: 'unset one of them.' });
        }
        let url;
        try {
            url = new URL(configured);
        }
        catch {
            url = undefined;
        }
        if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
            throw new errors/* AstlError */.Ht(`the configured STS endpoint "${configured}" is not an http(s) URL`, {
                code: 'AWS_CONFIG_INVALID',
                fix: 'AWS_ENDPOINT_URL_STS: https://sts.us-east-1.amazonaws.com',
            });
        }
        return configured;
    }
    if (region === 'aws-global' && !fips && !dualStack)
        return 'https://sts.amazonaws.com';
    const p = PARTITIONS.find((x) => x.regionRegex.test(region)) ?? AWS_PARTITION;
    if (fips && dualStack)
        return `https://sts-fips.${region}.${p.dualStackDnsSuffix}`;
    if (fips)
        return p.name === 'aws-us-gov'
            ? `https://sts.${region}.amazonaws.com`
            : `https://sts-fips.${region}.${p.dnsSuffix}`;
    if (dualStack)
        return `https://sts.${region}.${p.dualStackDnsSuffix}`;
    return `https://sts.${region}.${p.dnsSuffix}`;
}
/**
 * The URL the Query request is POSTed to: the endpoint with its path ending in `/`, as the SDK
 * sends it (`https://proxy.example/sts` → POST /sts/; `https://sts.us-east-1.amazonaws.com` → POST /).
 */
function stsOperationUrl(endpoint) {
    const url = new URL(endpoint);
    if (!url.pathname.endsWith('/'))
        url.pathname += '/';
    return url.toString();
}
/** The form body of AssumeRoleWithWebIdentity (Query protocol, API version 2011-06-15). */
function assumeRoleForm(req, policy) {
    const form = new URLSearchParams({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: req.roleArn,
        RoleSessionName: req.sessionName,
        WebIdentityToken: req.webIdentityToken,
        DurationSeconds: String(req.durationSeconds),
    });
    if (policy)
        form.set('Policy', policy);
    return form.toString();
}
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
const CREDENTIAL_TEXT = /^[\x21-\x7e]+$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/**
 * The credentials in an AssumeRoleWithWebIdentityResponse. Every field is checked; a malformed
 * answer is STS_RESPONSE_INVALID, whose message never quotes the answer (it holds credentials).
 */
function parseAssumeRoleResponse(xml, sessionName, roleArn) {
    const invalid = (why) => new errors/* AstlError */.Ht(`AWS STS answered AssumeRoleWithWebIdentity with an unusable document: ${why}`, {
        code: 'STS_RESPONSE_INVALID',
        hint: 'check that AWS_ENDPOINT_URL_STS points at an STS endpoint (not a proxy or a web page).',
    });
    let root;
    try {
        root = parseXml(xml);
    }
    catch (err) {
        throw invalid(err.message);
    }
    if (root.name === 'ErrorResponse') {
        // An error with a 2xx status: a gateway in between; name STS's code, as a refusal would.
        const code = xmlText(xmlChild(root, 'Error'), 'Code');
        throw invalid(`an ErrorResponse${code && /^[\w.]{1,64}$/.test(code) ? ` (${code})` : ''} with a 2xx status`);
    }
    if (root.name !== 'AssumeRoleWithWebIdentityResponse')
        throw invalid(`root element <${root.name}>`);
    const result = xmlChild(root, 'AssumeRoleWithWebIdentityResult');
    const creds = xmlChild(result, 'Credentials');
    // One of each, as the SDK insists (it refuses a repeated member): two AccessKeyIds are not
    // an answer to pick from.
    const field = (name) => {
        if ((creds?.children.filter((c) => c.name === name).length ?? 0) > 1)
            throw invalid(`more than one <${name}>`);
        return xmlText(creds, name);
    };
    const accessKeyId = field('AccessKeyId');
    const secretAccessKey = field('SecretAccessKey');
    const sessionToken = field('SessionToken');
    const expirationText = field('Expiration');
    if (!accessKeyId || !secretAccessKey || !sessionToken || !expirationText) {
        throw new errors/* AstlError */.Ht('AWS STS answered AssumeRoleWithWebIdentity without credentials', {
            code: 'STS_REQUEST_FAILED',
        });
    }
    if (!ACCESS_KEY_ID.test(accessKeyId))
        throw invalid('the AccessKeyId is not an access key id');
    // Exported to the job's environment: printable ASCII only, no space, CR/LF or control character.
    if (!CREDENTIAL_TEXT.test(secretAccessKey))
        throw invalid('the SecretAccessKey holds characters keys never have');
    if (!CREDENTIAL_TEXT.test(sessionToken))
        throw invalid('the SessionToken holds characters tokens never have');
    // RFC 3339, as the SDK requires (Date's own parser would read "12/31/2030" in local time).
    const expiration = RFC3339.test(expirationText) ? new Date(expirationText) : new Date(Number.NaN);
    if (Number.isNaN(expiration.getTime()))
        throw invalid('the Expiration is not an RFC 3339 timestamp');
    const arn = xmlText(result, 'AssumedRoleUser', 'Arn');
    return {
        accessKeyId,
        secretAccessKey,
        sessionToken,
        expiration,
        assumedRoleArn: arn && /^arn:[\w-]+:sts::\d{12}:assumed-role\/\S+$/.test(arn) ? arn : roleArn,
        sessionName,
    };
}
/** `<ErrorResponse><Error><Code/><Message/></Error></ErrorResponse>`, or nothing when the body is not one. */
function parseStsError(xml) {
    try {
        const root = parseXml(xml);
        const error = root.name === 'ErrorResponse' ? xmlChild(root, 'Error') : root.name === 'Error' ? root : undefined;
        if (error) {
            const code = xmlText(error, 'Code');
            return {
                ...(code && /^[\w.]{1,64}$/.test(code) ? { code } : {}),
                message: (0,retry_policy/* shortMessage */.Sq)(xmlText(error, 'Message') ?? ''),
            };
        }
    }
    catch {
        // not XML: a proxy's or load balancer's page
    }
    return { message: (0,retry_policy/* shortMessage */.Sq)(xml.replace(/<[^>]*>/g, ' '), 200) };
}
/** Exchanges a web identity token for STS session credentials. */
async function assumeRoleWithWebIdentity(req) {
    validateRoleArn(req.roleArn);
    if (!REGION.test(req.region)) {
        throw new errors/* AstlError */.Ht(`aws-region: "${req.region}" is not an AWS region name (like us-east-1)`, {
            code: 'AWS_REGION_INVALID',
            fix: 'aws-region: us-east-1',
        });
    }
    if (!SESSION_NAME.test(req.sessionName)) {
        throw new errors/* AstlError */.Ht(`The role session name "${req.sessionName}" must be 2-64 characters of [A-Za-z0-9_+=,.@-]`, {
            code: 'AWS_SESSION_NAME_INVALID',
        });
    }
    if (!Number.isInteger(req.durationSeconds) || req.durationSeconds < 900 || req.durationSeconds > 43_200) {
        throw new errors/* AstlError */.Ht(`The session duration ${req.durationSeconds}s is outside what STS allows (900s to 12h)`, {
            code: 'AWS_DURATION_INVALID',
            hint: 'use a duration between 15m and the role maximum (1h by default, up to 12h).',
        });
    }
    const policy = req.sessionPolicy === undefined
        ? undefined
        : prepareSessionPolicy(req.sessionPolicy, req.sessionPolicyFile);
    const endpoint = stsOperationUrl(req.endpoint ?? resolveStsEndpoint(req.region, req.env));
    const body = assumeRoleForm(req, policy);
    const isRetryable = (err) => (0,retry/* isNetworkFault */.d$)(err) ||
        (err instanceof retry_policy/* ProviderHttpError */.gm &&
            (err.status >= 500 || err.status === 429 || RETRYABLE_STS_CODES.has(err.providerCode ?? '')));
    const what = 'AWS STS AssumeRoleWithWebIdentity';
    try {
        return await (0,retry/* withRetry */.bD)(async (signal) => {
            const res = await (0,retry_policy/* sendAttempt */.ob)(endpoint, {
                method: 'POST',
                headers: {
                    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
                    accept: 'text/xml',
                },
                body,
                signal,
                maxResponseBytes: MAX_STS_RESPONSE_BYTES,
            }, what, 'STS_REQUEST_FAILED');
            if (res.status >= 200 && res.status < 300) {
                return parseAssumeRoleResponse(res.text(), req.sessionName, req.roleArn);
            }
            const { code, message } = parseStsError(res.text());
            // An error that echoes the token must not carry it into a retry's final message.
            const err = new retry_policy/* ProviderHttpError */.gm(res.status, code, (0,retry_policy/* scrubSecret */.SK)(message, req.webIdentityToken), (0,http/* parseRetryAfter */.mu)(res.headers['retry-after']));
            if (isRetryable(err))
                throw err;
            throw (0,diagnose/* diagnoseStsError */.tP)(code ?? `HTTP ${res.status}`, message, {
                roleArn: req.roleArn,
                audience: req.audience,
                sessionName: req.sessionName,
                webIdentityToken: req.webIdentityToken,
            });
        }, (0,retry_policy/* retryOptions */.tO)(what, req.deadline, isRetryable, req.retry));
    }
    catch (err) {
        (0,retry_policy/* exhausted */.uW)(err, 'STS_UNAVAILABLE', 'AWS STS did not answer in time; re-run the job, or check AWS_ENDPOINT_URL_STS and the network.');
    }
}

// EXTERNAL MODULE: ./packages/credentials/providers/aws-revoke.ts
var aws_revoke = __webpack_require__(4426);
;// CONCATENATED MODULE: ./packages/credentials/providers/aws.ts
/**
 * AWS as a credential provider: one STS AssumeRoleWithWebIdentity session per job, exported as
 * the standard AWS_* variables. What the post step says about it is aws-revoke.ts's.
 */




const DEFAULT_AWS_AUDIENCE = 'sts.amazonaws.com';
/** STS refuses AssumeRoleWithWebIdentity shorter than 15 minutes. */
const STS_MIN_DURATION_SECONDS = 900;
const STS_MAX_DURATION_SECONDS = 43_200;
function awsProvider(sts = { assumeRole: assumeRoleWithWebIdentity }) {
    return {
        ...(0,aws_revoke/* awsRevoker */.e)(),
        /**
         * Inputs override the registry field by field. The region, as configure-aws-credentials
         * reads it: the input (flag), else the registry, else AWS_REGION, else AWS_DEFAULT_REGION
         * from the job's environment; a role without any is refused.
         */
        plan(request, agent, env) {
            const reg = agent.credentials.aws;
            // The ARN is already validated: the input by the front end, the registry by its schema.
            const roleArn = request.aws?.roleArn ?? reg?.roleArn;
            if (!roleArn)
                return undefined;
            const region = awsRegion(request.aws?.region ?? reg?.region, env ?? {});
            if (!region) {
                throw new errors/* AstlError */.Ht(`agent '${agent.name}' has an AWS role but no region`, {
                    code: 'AWS_REGION_MISSING',
                    location: agent.keyLocations['credentials.aws'] ?? agent.location,
                    hint: (s) => `set credentials.aws.region in the registry, or ${s.name('aws-region')}, or AWS_REGION in the job's environment`,
                    fix: `credentials:\n  aws:\n    role-arn: ${roleArn}\n    region: us-east-1`,
                });
            }
            return {
                roleArn,
                region,
                audience: request.aws?.audience ?? reg?.audience ?? DEFAULT_AWS_AUDIENCE,
                // A scope-down only narrows, so it applies even when the role comes from an input.
                ...(reg?.sessionPolicyPath ? { sessionPolicyPath: reg.sessionPolicyPath } : {}),
            };
        },
        checkFacts: (plan) => ({ awsRoleArn: plan.roleArn }),
        prepare(plan, ctx) {
            checkStsDuration(ctx.durationSeconds);
            if (plan.sessionPolicyPath)
                plan.sessionPolicy = readSessionPolicy(ctx.file(plan.sessionPolicyPath, 'credentials.aws.session-policy'));
        },
        async mint(plan, ctx) {
            const jwt = await ctx.idToken(plan.audience);
            // Refusals come back diagnosed (token claims beside the request) from the STS client.
            const session = await sts.assumeRole({
                roleArn: plan.roleArn,
                region: plan.region,
                sessionName: roleSessionName(ctx.agent.name, ctx.run.runId, ctx.run.runAttempt),
                durationSeconds: ctx.durationSeconds,
                webIdentityToken: jwt,
                audience: plan.audience,
                env: ctx.env,
                deadline: ctx.deadline,
                ...(plan.sessionPolicy ? { sessionPolicy: plan.sessionPolicy } : {}),
                ...(plan.sessionPolicyPath ? { sessionPolicyFile: plan.sessionPolicyPath } : {}),
            });
            const { sessionName } = session;
            ctx.secret(session.accessKeyId);
            ctx.secret(session.secretAccessKey);
            ctx.secret(session.sessionToken);
            const expiresAt = session.expiration.toISOString();
            // An STS session expires exactly DurationSeconds after it is issued.
            const ttlSeconds = ctx.durationSeconds;
            const issuedAt = new Date(session.expiration.getTime() - ttlSeconds * 1000);
            ctx.saveState({ sessionName, roleArn: plan.roleArn, expiresAt });
            const identity = session.assumedRoleArn ?? assumedRoleArnFor(plan.roleArn, sessionName);
            ctx.credential({
                identity,
                details: {
                    role: plan.roleArn,
                    'session name': sessionName,
                    region: plan.region,
                    ...(plan.sessionPolicyPath ? { 'session policy': plan.sessionPolicyPath } : {}),
                },
                issuedAt: issuedAt.toISOString(),
                expiresAt,
                ttlSeconds,
            });
            ctx.exportEnv({
                AWS_ACCESS_KEY_ID: session.accessKeyId,
                AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
                AWS_SESSION_TOKEN: session.sessionToken,
                AWS_REGION: plan.region,
                AWS_DEFAULT_REGION: plan.region,
            });
            ctx.secretOutput({
                awsAccessKeyId: session.accessKeyId,
                awsSecretAccessKey: session.secretAccessKey,
                awsSessionToken: session.sessionToken,
            });
            ctx.output({ awsSessionName: sessionName });
            ctx.audit('credentials.mint', `aws:${plan.roleArn}`, {
                provider: 'aws',
                identity,
                session_name: sessionName,
                region: plan.region,
                issued_at: issuedAt.toISOString(),
                expires_at: expiresAt,
                ttl_seconds: ttlSeconds,
                ...ctx.runDetail,
            }, issuedAt);
            ctx.log.info(`AWS: assumed ${plan.roleArn} as session ${sessionName}, expires ${expiresAt}`);
        },
    };
}
/** AWS region names: `us-east-1`, `eu-west-1`, `us-gov-west-1`, `cn-north-1`. */
const AWS_REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/**
 * The region from a setting, else the job's AWS_REGION, else AWS_DEFAULT_REGION (the order
 * configure-aws-credentials and the AWS CLI use). An environment value that is not a region
 * name is ignored, so a stray variable cannot reach the STS endpoint's host name.
 */
function awsRegion(setting, env) {
    if (setting)
        return setting;
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
        const value = env[name]?.trim();
        if (value && AWS_REGION_PATTERN.test(value))
            return value;
    }
    return undefined;
}
function checkStsDuration(seconds) {
    if (seconds < STS_MIN_DURATION_SECONDS) {
        throw new errors/* AstlError */.Ht(`duration ${(0,duration/* formatDuration */.a)(seconds)} is shorter than AWS STS allows (15m)`, {
            code: 'DURATION_TOO_SHORT',
            setting: 'duration',
            hint: 'AssumeRoleWithWebIdentity sessions last at least 15 minutes; the post step ends the job’s use of them',
            fix: (s) => s.snippet([['duration', '15m']]),
        });
    }
    if (seconds > STS_MAX_DURATION_SECONDS) {
        throw new errors/* AstlError */.Ht(`duration ${(0,duration/* formatDuration */.a)(seconds)} is longer than AWS STS allows (12h)`, {
            code: 'DURATION_TOO_LONG',
            setting: 'duration',
            hint: 'ask for less; the role’s MaxSessionDuration caps it too',
            fix: (s) => s.snippet([['duration', '1h']]),
        });
    }
}
function assumedRoleArnFor(roleArn, sessionName) {
    const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
    return m ? `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${sessionName}` : `${roleArn} (${sessionName})`;
}

// EXTERNAL MODULE: ./packages/providers/github-api.ts
var github_api = __webpack_require__(8473);
// EXTERNAL MODULE: ./packages/providers/github-app-key.ts
var github_app_key = __webpack_require__(728);
// EXTERNAL MODULE: ./packages/providers/github-permissions.ts
var github_permissions = __webpack_require__(997);
// EXTERNAL MODULE: ./packages/credentials/providers/github-revoke.ts
var github_revoke = __webpack_require__(5294);
// EXTERNAL MODULE: ./packages/providers/vault.ts
var vault = __webpack_require__(9203);
// EXTERNAL MODULE: ./packages/providers/vault-login.ts
var vault_login = __webpack_require__(155);
// EXTERNAL MODULE: ./packages/credentials/providers/vault-revoke.ts
var vault_revoke = __webpack_require__(625);
;// CONCATENATED MODULE: ./packages/credentials/providers/vault.ts
/**
 * HashiCorp Vault as a credential provider: a JWT auth login, then the KV reads the registry and
 * the `vault-secrets` input ask for, exported with VAULT_ADDR / VAULT_TOKEN. Revocation is
 * vault-revoke.ts's.
 */





const trimSlashes = (s) => s.replace(/^\/+|\/+$/g, '');
function vaultProvider(client = { login: vault_login/* vaultJwtLogin */.F, readSecret: vault/* readKvSecret */.O4, revokeSelf: vault/* revokeSelf */.lc }) {
    return {
        ...(0,vault_revoke/* vaultRevoker */.V)(client.revokeSelf),
        /** Inputs override the registry field by field; `vault-secrets` reads replace same-env ones. */
        plan(request, agent) {
            const reg = agent.credentials.vault;
            const url = request.vault?.url ?? reg?.url;
            const role = request.vault?.role ?? reg?.role;
            const extraSecrets = request.vault?.secrets ?? [];
            if (!url && !role && extraSecrets.length === 0)
                return undefined;
            if (!url || !role) {
                const missing = !url ? 'url' : 'role';
                throw new errors/* AstlError */.Ht(`agent '${agent.name}' has Vault settings without a ${missing}`, {
                    code: 'VAULT_SETTINGS_INCOMPLETE',
                    hint: (s) => `set credentials.vault.${missing} in the registry, or ${s.name(`vault-${missing}`)}`,
                    fix: `credentials:\n  vault:\n    url: ${url ?? 'https://vault.example.com:8200'}\n    role: ${role ?? agent.name}`,
                });
            }
            const secrets = [...(reg?.secrets ?? [])];
            for (const s of extraSecrets) {
                const i = secrets.findIndex((r) => r.env === s.env);
                if (i >= 0)
                    secrets[i] = s;
                else
                    secrets.push(s);
            }
            const base = url.replace(/\/+$/, '');
            const namespace = request.vault?.namespace ?? reg?.namespace;
            return {
                url: base,
                role,
                authPath: trimSlashes(request.vault?.authPath ?? reg?.authPath ?? 'jwt'),
                // The default audience is the Vault URL (DESIGN.md; GitLab's and Vault's own guides bind
                // the Vault URL too). The GitLab component mints it from $VAULT_SERVER_URL.
                audience: request.vault?.audience ?? reg?.audience ?? base,
                secrets,
                ...(namespace ? { namespace } : {}),
            };
        },
        checkFacts: (plan) => ({
            vaultRole: plan.role,
            secretPaths: plan.secrets.map((s) => s.path),
            readsSecrets: plan.secrets.length > 0,
        }),
        async mint(p, ctx) {
            const jwt = await ctx.idToken(p.audience);
            const issuedAt = ctx.now();
            const ns = p.namespace ? { namespace: p.namespace } : {};
            const login = await client.login({
                url: p.url,
                authPath: p.authPath,
                role: p.role,
                jwt,
                audience: p.audience,
                deadline: ctx.deadline,
                ...ns,
            });
            ctx.secret(login.clientToken);
            const expiresAt = new Date(issuedAt.getTime() + login.leaseDurationSeconds * 1000).toISOString();
            // Saved before any further call: a failed KV read below must not orphan this token.
            const state = {
                url: p.url,
                ...ns,
                token: login.clientToken,
                ...(login.accessor ? { accessor: login.accessor } : {}),
                expiresAt,
                partial: true,
            };
            ctx.saveState(state);
            ctx.audit('credentials.mint', `vault:${p.url}/v1/auth/${p.authPath}/role/${p.role}`, {
                provider: 'vault',
                identity: `${p.role}${login.entityId ? ` (entity ${login.entityId})` : ''}`,
                ...(login.accessor ? { accessor: login.accessor } : {}),
                vault_policies: login.policies.join(','),
                issued_at: issuedAt.toISOString(),
                expires_at: expiresAt,
                ttl_seconds: login.leaseDurationSeconds,
                ...ctx.runDetail,
            }, issuedAt);
            ctx.log.info(`Vault: logged in to ${p.url} as role ${p.role} (policies ${login.policies.join(', ') || 'none'}), token expires ${expiresAt}`);
            if (login.leaseDurationSeconds > ctx.durationSeconds) {
                ctx.warn(`Vault role '${p.role}' issues tokens for ${(0,duration/* formatDuration */.a)(login.leaseDurationSeconds)}, longer than the requested ${(0,duration/* formatDuration */.a)(ctx.durationSeconds)}; the post step revokes the token when the job ends (set token_ttl on the role to match)`);
            }
            // KV reads in parallel; each value is masked before anything about it is logged.
            const reads = await Promise.allSettled(p.secrets.map((read) => client.readSecret({
                url: p.url,
                token: login.clientToken,
                path: read.path,
                key: read.key,
                deadline: ctx.deadline,
                ...ns,
            })));
            const exported = {};
            let readFailure;
            reads.forEach((r, i) => {
                const read = p.secrets[i];
                const target = `vault:${p.url}/v1/${read.path}#${read.key}`;
                if (r.status === 'rejected') {
                    readFailure ??= r;
                    ctx.audit('secrets.read.failed', target, { env: read.env, reason: errorMessage(r.reason) });
                    return;
                }
                ctx.secret(r.value);
                exported[read.env] = r.value;
                ctx.audit('secrets.read', target, { env: read.env });
                ctx.log.info(`Vault: read ${read.path} key ${read.key} into ${read.env}`);
            });
            if (readFailure)
                throw readFailure.reason;
            ctx.saveState({ ...state, partial: false });
            ctx.credential({
                identity: `${p.role} @ ${p.url}${p.namespace ? ` (namespace ${p.namespace})` : ''}`,
                details: {
                    ...(login.accessor ? { accessor: login.accessor } : {}),
                    policies: login.policies.join(', ') || 'none',
                    ...(p.secrets.length > 0 ? { 'secrets read': p.secrets.map((s) => s.env).join(', ') } : {}),
                },
                issuedAt: issuedAt.toISOString(),
                expiresAt,
                ttlSeconds: login.leaseDurationSeconds,
            });
            ctx.exportEnv({
                ...exported,
                VAULT_ADDR: p.url,
                VAULT_TOKEN: login.clientToken,
                ...(p.namespace ? { VAULT_NAMESPACE: p.namespace } : {}),
            });
            ctx.secretOutput({ vaultToken: login.clientToken });
            if (login.accessor)
                ctx.output({ vaultTokenAccessor: login.accessor });
        },
    };
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./packages/credentials/providers/github.ts






/**
 * A GitHub App's numeric ID or its client ID (Iv1.…, Iv23…): the registry schema's app-id
 * pattern, which the front ends apply to github-app-id / --github-app-id (a test keeps them equal).
 */
const GITHUB_APP_ID_PATTERN = /^(\d{1,12}|Iv[0-9A-Za-z.]{4,40})$/;
/** How a workflow passes the key: a GitHub Actions expression, written out in fixes. */
const SECRET_EXPR = '$' + '{{ secrets.APP_PRIVATE_KEY }}';
function settingsError(agent, message, hint, fix, key) {
    const location = key ? agent.keyLocations[key] : undefined;
    return new errors/* AstlError */.Ht(message, {
        code: 'GITHUB_SETTINGS_INVALID',
        location: location ?? agent.keyLocations.credentials ?? agent.location,
        hint,
        fix,
    });
}
/** The permissions to ask for: the registry's, else derived from `permissions` (unmapped refuses). */
function permissionsFor(agent) {
    const declared = agent.credentials.github?.permissions;
    if (declared) {
        // The schema knows the names; which levels each name takes is GitHub's table.
        for (const [name, level] of Object.entries(declared)) {
            const levels = github_permissions/* GITHUB_APP_PERMISSIONS */.PN[name];
            if (levels && !levels.includes(level)) {
                throw new errors/* AstlError */.Ht(`GitHub permission ${name} takes ${levels.join(' or ')}, not ${level}`, {
                    code: 'GITHUB_PERMISSION_LEVEL_INVALID',
                    location: agent.keyLocations[`credentials.github.permissions.${name}`] ?? agent.location,
                    hint: `GitHub grants ${name} as ${levels.join(' or ')} only (the REST API's app-permissions)`,
                    fix: `credentials:\n  github:\n    permissions:\n      ${name}: ${levels[0]}`,
                });
            }
        }
        return { permissions: declared, source: 'registry' };
    }
    const { permissions, unmapped } = (0,github_permissions/* deriveGitHubPermissions */.tz)(agent.permissions);
    if (unmapped.length > 0) {
        const first = unmapped[0];
        throw new errors/* AstlError */.Ht(`agent '${agent.name}' declares ${unmapped.map((u) => `${u.resource}: ${u.access}`).join(', ')}, which ${unmapped.length > 1 ? 'have' : 'has'} no GitHub permission in the derived-permissions table`, {
            code: 'GITHUB_PERMISSION_UNMAPPED',
            location: agent.keyLocations[`permissions[${first.index}]`] ?? agent.location,
            hint: `the table knows ${(0,github_permissions/* knownDerivedPairs */.Gp)().join(', ')}; name the GitHub permissions explicitly in credentials.github.permissions (GitHub's names: contents, pull_requests, issues, ...)`,
            fix: `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        permissions:\n          contents: read\n          pull_requests: write`,
        });
    }
    if (Object.keys(permissions).length === 0) {
        throw new errors/* AstlError */.Ht(`agent '${agent.name}' declares no permissions, so there is nothing to ask GitHub for`, {
            code: 'GITHUB_PERMISSIONS_MISSING',
            location: agent.keyLocations.permissions ?? agent.location,
            hint: "a token without permissions would carry everything the App's installation has; declare what the agent needs",
            fix: `agents:\n  - name: ${agent.name}\n    permissions:\n      - repository: read`,
        });
    }
    return { permissions, source: 'derived' };
}
/** Owner and repositories: the registry's, else GITHUB_REPOSITORY's. */
function targetOf(agent, repository) {
    const reg = agent.credentials.github;
    if (reg?.owner && reg.repositories)
        return { owner: reg.owner, repositories: reg.repositories };
    const [curOwner, curRepo] = currentRepository(agent, repository);
    const owner = reg?.owner ?? curOwner;
    const example = `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        owner: acme\n        repositories: [app]`;
    if (!owner) {
        throw settingsError(agent, `agent '${agent.name}': no GitHub owner (credentials.github.owner) and no GITHUB_REPOSITORY to default to`, 'outside GitHub Actions (a GitLab job, a laptop) name the owner and the repositories in the registry', example, 'credentials.github');
    }
    if (reg?.repositories)
        return { owner, repositories: reg.repositories };
    if (curRepo && curOwner && curOwner.toLowerCase() === owner.toLowerCase())
        return { owner, repositories: [curRepo] };
    throw settingsError(agent, `agent '${agent.name}': credentials.github names owner ${owner} but no repositories${curOwner ? ` (the current repository belongs to ${curOwner})` : ''}`, 'name the repositories the token may reach; a token for every repository of the installation is never asked for', example, 'credentials.github.owner');
}
/** GitHub's own rules for an account and a repository name (the registry schema's patterns). */
const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY_NAME = /^(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$/;
/**
 * GITHUB_REPOSITORY (`owner/name`) split, or refused when it is not one: it comes from the
 * environment, which the CLI takes from anywhere, and a `..` in it would change the API path.
 */
function currentRepository(agent, repository) {
    if (repository === undefined || repository === '')
        return [undefined, undefined];
    const [owner, name, ...rest] = repository.split('/');
    if (rest.length === 0 && owner && name && OWNER_NAME.test(owner) && REPOSITORY_NAME.test(name))
        return [owner, name];
    throw new errors/* AstlError */.Ht(`GITHUB_REPOSITORY is ${JSON.stringify(repository.slice(0, 200))}, not an owner/name GitHub could have; it is not used as the token's repository`, {
        code: 'GITHUB_SETTINGS_INVALID',
        location: { file: 'environment variable GITHUB_REPOSITORY' },
        hint: `GITHUB_REPOSITORY must be owner/name, as GitHub Actions sets it; or name the owner and repositories of agent '${agent.name}' in the registry (credentials.github.owner and repositories)`,
        fix: `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        owner: acme\n        repositories: [app]`,
    });
}
function githubProvider(client = {}) {
    return {
        ...(0,github_revoke/* githubRevoker */.IO)(client.revoke),
        plan(request, agent) {
            const reg = agent.credentials.github;
            const input = request.github ?? {};
            if (!reg && !input.appId) {
                if (input.privateKey) {
                    throw settingsError(agent, `github-app-private-key is set, but agent '${agent.name}' has no GitHub App (no credentials.github, no github-app-id)`, "add credentials.github to the agent's registry entry, or pass github-app-id", `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        app-id: "123456"`);
                }
                return undefined;
            }
            // Transport (https, loopback, or allow-insecure-http) is checked by preflight.ts, before any token.
            const apiUrl = normalizeUrl(input.apiUrl || github_api/* DEFAULT_GITHUB_API_URL */.xw);
            const { owner, repositories } = targetOf(agent, input.repository);
            const { permissions, source } = permissionsFor(agent);
            const base = { apiUrl, owner, repositories, permissions, permissionsSource: source };
            if (reg?.stsUrl)
                return exchangePlan(request, agent, base);
            return appPlan(request, agent, base);
        },
        checkFacts: (plan) => ({
            githubPermissions: plan.permissions,
            githubPermissionsSource: plan.permissionsSource,
            ...(plan.keyInVault
                ? { readsSecrets: true, secretPaths: [plan.keyInVault.path], vaultRole: plan.keyInVault.vault.role }
                : {}),
        }),
        prepare(plan) {
            if (plan.privateKeyText !== undefined) {
                plan.privateKey = (0,github_app_key/* parseAppPrivateKey */.f)(plan.privateKeyText, "input 'github-app-private-key'");
            }
        },
        async mint(plan, ctx) {
            // The mint's code (and GitHub's mint endpoints) load only when a token is minted.
            const { mintGitHubToken } = await __webpack_require__.e(/* import() */ 916).then(__webpack_require__.bind(__webpack_require__, 9916));
            await mintGitHubToken(plan, ctx, client);
        },
    };
}
function appPlan(request, agent, base) {
    const reg = agent.credentials.github;
    const input = request.github ?? {};
    const appId = input.appId ?? reg?.appId;
    if (!appId) {
        throw settingsError(agent, `agent '${agent.name}' has GitHub settings without an App (app-id) or an STS (sts-url)`, "set credentials.github.app-id (or the github-app-id input) and pass the App's key in github-app-private-key; or use an octo-sts compatible STS with sts-url", `credentials:\n  github:\n    app-id: "123456"`, 'credentials.github');
    }
    if (reg?.privateKey) {
        if (input.privateKey) {
            throw settingsError(agent, `agent '${agent.name}' keeps its App key in Vault (credentials.github.private-key), and github-app-private-key is set too`, 'use one source for the key: remove the input, or the private-key entry', `credentials:\n  github:\n    app-id: "${appId}"\n    private-key: { path: secret/data/ci/github-app, key: private-key }`, 'credentials.github.private-key');
        }
        const vault = vaultProvider().plan(request, agent);
        if (!vault) {
            throw settingsError(agent, `agent '${agent.name}' keeps its App key in Vault (credentials.github.private-key) but has no Vault settings to log in with`, "the key is read with the agent's own Vault login: add credentials.vault (url, role)", `credentials:\n  vault:\n    url: https://vault.example.com:8200\n    role: ${agent.name}`, 'credentials.github.private-key');
        }
        return { ...base, mode: 'app', appId, keyInVault: { ...reg.privateKey, vault } };
    }
    if (!input.privateKey) {
        throw new errors/* AstlError */.Ht(`the GitHub App ${appId} of agent '${agent.name}' needs its private key, and none was given`, {
            code: 'GITHUB_APP_KEY_MISSING',
            location: { file: "input 'github-app-private-key'" },
            hint: `pass the App's private key from a secret (with: github-app-private-key: ${SECRET_EXPR}), keep it in Vault (credentials.github.private-key), or use an STS exchange (credentials.github.sts-url) and store no key at all`,
            fix: `with:\n  github-app-private-key: ${SECRET_EXPR}`,
        });
    }
    return { ...base, mode: 'app', appId, privateKeyText: input.privateKey };
}
function exchangePlan(request, agent, base) {
    const reg = agent.credentials.github;
    const input = request.github ?? {};
    const conflict = reg.appId
        ? 'credentials.github.app-id'
        : input.appId
            ? 'github-app-id'
            : reg.privateKey
                ? 'credentials.github.private-key'
                : input.privateKey
                    ? 'github-app-private-key'
                    : undefined;
    if (conflict) {
        throw settingsError(agent, `agent '${agent.name}' has an STS (credentials.github.sts-url) and an App key setting (${conflict}); choose one`, 'an STS exchange needs no App id or key: remove them, or remove sts-url to mint with the App key', `credentials:\n  github:\n    sts-url: ${reg.stsUrl}\n    scope: ${base.owner}/${base.repositories[0]}\n    identity: ${agent.name}`, 'credentials.github.sts-url');
    }
    const stsUrl = normalizeUrl(reg.stsUrl);
    const scope = reg.scope ?? (base.repositories.length === 1 ? `${base.owner}/${base.repositories[0]}` : base.owner);
    return {
        ...base,
        mode: 'exchange',
        stsUrl,
        scope,
        identity: reg.identity ?? agent.name,
        audience: reg.audience ?? hostOf(stsUrl),
    };
}
/** The URL as parsed (so that state and revoke-guard compare like with like), no trailing slash. */
function normalizeUrl(text) {
    try {
        return new URL(text.trim()).toString().replace(/\/+$/, '');
    }
    catch {
        return text.trim(); // preflight refuses it, naming the setting, before anything uses it
    }
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return url;
    }
}

;// CONCATENATED MODULE: ./packages/credentials/providers/index.ts



function defaultProviders() {
    return [awsProvider(), vaultProvider(), githubProvider()];
}

;// CONCATENATED MODULE: ./packages/credentials/mint.ts
/**
 * mintCredentials: from a request to short-lived, masked, recorded credentials.
 *
 * Order matters and is the point of this module:
 * 1. every refusal check (registry, owner, purpose, credential policy, TTL caps, AgentPolicy
 *    restrictions, provider settings) runs BEFORE any token is requested;
 * 2. every secret is handed to `registerSecret` the moment it arrives, before anything is logged;
 * 3. the revocation state is published (`onState`) right after each login, so that a failure
 *    later (a KV read, the deadline) still leaves the post step able to revoke what was issued.
 *
 * The providers (AWS, Vault, ...) are modules of one shape (provider.ts); this loop has no branch
 * for any of them.
 */








const DEFAULT_DURATION_SECONDS = 900;
const DEFAULT_DEADLINE_MS = 60_000;
/** A mint that stopped: the cause (an AstlError for anything a user can fix) and what was done. */
class MintFailure extends Error {
    error;
    refused;
    correlationId;
    audit;
    state;
    context;
    constructor(error, 
    /** True when refused before any token was requested. */
    refused, correlationId, audit, 
    /** What the post step must revoke (a Vault token issued before a KV read failed). */
    state, context) {
        super(error instanceof Error ? error.message : String(error), { cause: error });
        this.error = error;
        this.refused = refused;
        this.correlationId = correlationId;
        this.audit = audit;
        this.state = state;
        this.context = context;
        this.name = 'MintFailure';
    }
}
/**
 * Mints what the request asks for through `providers` (default: every registered provider).
 * Resolves a MintResult; rejects with MintFailure, whose `refused` says no token was requested
 * and whose `state` is what the post step must still revoke.
 */
async function mintCredentials(request, deps, providers = defaultProviders()) {
    const now = deps.now ?? (() => new Date());
    const correlationId = (deps.newCorrelationId ?? external_node_crypto_.randomUUID)();
    const deadline = new core/* Deadline */.B2(deps.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const env = deps.env ?? process.env;
    const log = deps.logger;
    const audit = [];
    let state;
    let tokensRequested = false;
    let agentName = request.agent;
    let purpose = request.purpose;
    let policyLabel = '';
    try {
        // ---- 1. Everything that can refuse, with no network at all. ----
        // Every file named by the request or the registry stays inside the workspace, out of .git/.
        const workspace = {
            root: request.workspaceRoot ?? request.workspace,
            base: request.workspace,
        };
        const registryFile = displayPath(request.configPath, request.workspace);
        const registry = (0,packages_registry/* loadRegistry */.Ag)(registryFile, { workspace, use: { setting: 'config' } });
        const agent = (0,packages_registry/* resolveAgent */.cT)(registry, { agent: request.agent, agentType: request.agentType });
        agentName = agent.name;
        const policies = (0,packages_registry/* loadAgentPolicies */.gN)(displayPath(request.policiesDir, request.workspace), {
            missingOk: true,
            workspace,
            use: { setting: 'policies' },
        });
        // Provider settings that are missing or wrong are reported after every registry and
        // AgentPolicy refusal (owner, credential policy, duration caps, restrictions), never instead.
        const { planned, problems } = planProviders(request, agent, providers, env);
        const names = [...planned.map((p) => p.provider.name), ...problems.map((p) => p.provider)];
        const facts = mergeFacts(planned);
        const durationSeconds = request.durationSeconds ?? DEFAULT_DURATION_SECONDS;
        const checkFor = (environment) => (0,packages_registry/* checkCredentialRequest */.Hm)({
            agent,
            purpose: request.purpose,
            durationSeconds,
            providers: names,
            environment,
            ...facts,
            readsSecrets: facts.readsSecrets ?? false,
        }, policies);
        const refusals = [];
        let checked;
        try {
            checked = checkFor(request.run.environment);
        }
        catch (err) {
            if (!(err instanceof core/* AstlError */.Ht))
                throw err;
            refusals.push(...(err instanceof core/* AstlErrors */.ci ? err.errors : [err]));
        }
        refusals.push(...problems.map((p) => p.error));
        // Transport (https or loopback) and exported env names, before any token.
        let transportWarnings = [];
        try {
            transportWarnings = preflightChecks(request, agent, Object.fromEntries(planned.map((p) => [p.provider.name, p.plan])), env);
        }
        catch (err) {
            if (!(err instanceof core/* AstlError */.Ht))
                throw err;
            refusals.push(err);
        }
        if (refusals.length === 1)
            throw refusals[0];
        if (refusals.length > 1)
            throw new core/* AstlErrors */.ci(refusals);
        const check = checked;
        purpose = check.purpose;
        const intent = check.purpose;
        policyLabel = [
            `${relativeLabel(registryFile, request.workspace)}#${agent.name}`,
            ...check.appliedPolicies,
        ].join(', ');
        for (const { provider, plan } of planned) {
            provider.prepare?.(plan, {
                durationSeconds: check.durationSeconds,
                // Read by its real path, once checked: a link out of the workspace or into .git/ is refused.
                file: (path, key) => displayPath((0,core/* resolveWorkspacePath */.XI)(path, workspace, {
                    what: key.replace(/^.*\./, ''),
                    location: agent.keyLocations[key] ?? agent.location,
                }).real, request.workspace),
            });
        }
        const warnings = [...check.warnings, ...transportWarnings];
        log.info(`Agent ${agent.name} (type ${agent.type}, owner ${agent.owner}) requests ${names.join(' + ')} credentials for ${(0,core/* formatDuration */.a3)(check.durationSeconds)}: ${purpose}`);
        log.info(`Correlation id ${correlationId}; policies: ${policyLabel}`);
        deps.onPhase?.('checked');
        // ---- 2. Tokens and credentials: every provider side by side. ----
        const idTokens = new Map();
        // `provider` only names whose token variable an error should point at (GitLab mints one each).
        const fetchIdToken = async (audience, provider) => {
            const token = await deps.getIdToken(audience, deadline, provider);
            deps.registerSecret(token);
            deps.onPhase?.('token');
            // The job's real environment is in the signed token; re-check restrictions against it.
            const claims = (0,oidc.decodeTokenClaims)(token);
            const tokenEnv = typeof claims?.environment === 'string' ? claims.environment : undefined;
            if (tokenEnv && tokenEnv !== request.run.environment)
                checkFor(tokenEnv);
            return token;
        };
        const idToken = (audience, provider) => {
            tokensRequested = true;
            let pending = idTokens.get(audience);
            if (!pending) {
                pending = fetchIdToken(audience, provider);
                idTokens.set(audience, pending);
            }
            return pending;
        };
        const exported = {};
        const secrets = [];
        const secretOutputs = {};
        const outputs = { agent: agent.name, correlationId, expiresAt: '' };
        const st = {
            version: 1,
            agent: agent.name,
            correlationId,
            auditLevel: agent.auditLevel,
            purpose: intent,
            policy: policyLabel,
        };
        state = st;
        const runDetail = runDetailOf(request);
        // From here providers send credentials (an ID token, or GitHub's App JWT, which needs none),
        // so a failure is no longer a refusal "before any token was requested".
        tokensRequested = true;
        // Each provider keeps its own audit events and credentials, so the record's order is stable.
        const flows = planned.map(({ provider, plan }) => {
            const events = [];
            const rows = [];
            const ctx = {
                agent,
                run: request.run,
                durationSeconds: check.durationSeconds,
                deadline,
                env,
                log,
                now,
                runDetail,
                idToken: (audience) => idToken(audience, provider.name),
                secret: (value) => {
                    deps.registerSecret(value);
                    secrets.push(value);
                },
                saveState: (providerState) => {
                    st[provider.name] = providerState;
                    deps.onState?.(st);
                },
                credential: (row) => rows.push({ provider: provider.name, label: provider.label, ...row }),
                audit: (action, target, detail, at) => events.push((0,credentials_audit.auditEvent)({
                    agent: agent.name,
                    action,
                    target,
                    intent,
                    policy: policyLabel,
                    correlationId,
                    now: at ?? now(),
                    ...(detail ? { detail } : {}),
                })),
                exportEnv: (vars) => Object.assign(exported, vars),
                output: (values) => Object.assign(outputs, values),
                secretOutput: (values) => Object.assign(secretOutputs, values),
                warn: (message) => warnings.push(message),
            };
            return { events, rows, run: provider.mint(plan, ctx) };
        });
        const settled = await Promise.allSettled(flows.map((f) => f.run));
        for (const f of flows)
            audit.push(...f.events);
        // Every flow has settled, so whatever one issued is in the state before another's error
        // is thrown (the post step revokes it).
        for (const f of settled)
            if (f.status === 'rejected')
                throw f.reason;
        const credentials = flows.flatMap((f) => f.rows);
        deps.onPhase?.('minted');
        outputs.expiresAt = credentials
            .map((c) => c.expiresAt)
            .sort()
            .at(0);
        return {
            agent: agent.name,
            owner: agent.owner ?? '',
            type: agent.type,
            purpose,
            correlationId,
            auditLevel: agent.auditLevel,
            appliedPolicies: [
                `${relativeLabel(registryFile, request.workspace)}#${agent.name}`,
                ...check.appliedPolicies,
            ],
            warnings,
            credentials,
            env: exported,
            secrets,
            outputs,
            secretOutputs,
            audit,
            state,
        };
    }
    catch (err) {
        const error = toUserError(err, deadline);
        audit.push((0,credentials_audit.auditEvent)({
            agent: agentName ?? request.agentType ?? '(unknown)',
            action: tokensRequested ? 'credentials.failed' : 'credentials.refused',
            target: request.configPath,
            intent: purpose ?? '',
            // For a refusal, the rule that refused: the registry or policy line it points at.
            policy: error instanceof core/* AstlError */.Ht && error.location ? (0,core/* formatLocation */.j$)(error.location) : policyLabel,
            correlationId,
            now: now(),
            detail: {
                code: error instanceof core/* AstlError */.Ht ? error.code : 'INTERNAL',
                reason: mint_errorMessage(error),
            },
        }));
        throw new MintFailure(error, !tokensRequested, correlationId, audit, state, {
            agent: agentName,
            purpose,
        });
    }
}
/**
 * The providers this request uses, each with its plan, and the settings problems of those whose
 * plan was refused (reported after the registry and policy refusals); none at all is a refusal.
 */
function planProviders(request, agent, providers, env) {
    const planned = [];
    const problems = [];
    for (const provider of providers) {
        try {
            const plan = provider.plan(request, agent, env);
            if (plan !== undefined)
                planned.push({ provider, plan });
        }
        catch (err) {
            if (!(err instanceof core/* AstlError */.Ht))
                throw err;
            problems.push({ provider: provider.name, error: err });
        }
    }
    if (planned.length === 0 && problems.length === 0) {
        const labels = providers.map((p) => p.label).join(' or ');
        const keys = providers.map((p) => `credentials.${p.name}`).join(', ');
        throw new core/* AstlError */.Ht(`agent '${agent.name}' has no ${labels} settings, so there is nothing to mint`, {
            code: 'NO_PROVIDER',
            location: agent.location,
            hint: (s) => `add one or more of ${keys} to the agent's registry entry (or set the provider on the request: ${s.name('aws-role-arn')} and ${s.name('aws-region')}, or ${s.name('vault-url')} and ${s.name('vault-role')}, or ${s.name('github-app-id')})`,
            fix: `  - name: ${agent.name}\n    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/${agent.name}\n        region: us-east-1`,
        });
    }
    return { planned, problems };
}
/** The pre-check facts of every planned provider in one object (secret paths of all of them). */
function mergeFacts(planned) {
    const facts = {};
    for (const { provider, plan } of planned) {
        const f = provider.checkFacts(plan);
        const secretPaths = facts.secretPaths || f.secretPaths
            ? [...(facts.secretPaths ?? []), ...(f.secretPaths ?? [])]
            : undefined;
        Object.assign(facts, {
            ...f,
            readsSecrets: Boolean(facts.readsSecrets || f.readsSecrets),
            ...(secretPaths ? { secretPaths } : {}),
        });
    }
    return facts;
}
function absolute(path, workspace) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}
/**
 * The path to open, written relative to the working directory when it lies inside it, so that
 * errors say `agent-config.yaml:12`, not a runner's absolute temp path.
 */
function displayPath(path, workspace) {
    const full = absolute(path, workspace);
    const rel = (0,external_node_path_.relative)(process.cwd(), full);
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : full;
}
function relativeLabel(file, workspace) {
    const ws = workspace.endsWith('/') ? workspace : `${workspace}/`;
    return file.startsWith(ws) ? file.slice(ws.length) : file;
}
function runDetailOf(request) {
    const r = request.run;
    const d = { run_id: r.runId };
    if (r.runAttempt)
        d.run_attempt = r.runAttempt;
    if (r.repository)
        d.repository = r.repository;
    if (r.workflow)
        d.workflow = r.workflow;
    if (r.job)
        d.job = r.job;
    if (r.actor)
        d.actor = r.actor;
    if (r.sha)
        d.sha = r.sha;
    if (r.ref)
        d.ref = r.ref;
    if (r.environment)
        d.environment = r.environment;
    if (r.platform)
        d.platform = r.platform;
    return d;
}
function mint_errorMessage(err) {
    if (err instanceof core/* AstlError */.Ht)
        return err.message;
    if (err instanceof Error)
        return err.message;
    return String(err);
}
/** Deadline and retry exhaustion become user errors with a specific message; bugs pass through. */
function toUserError(err, deadline) {
    if (err instanceof core/* AstlError */.Ht)
        return err;
    if (err instanceof core/* RetryExhaustedError */.aB) {
        return new core/* AstlError */.Ht(err.message, {
            code: err.deadlineHit ? 'DEADLINE_EXCEEDED' : 'RETRIES_EXHAUSTED',
            hint: err.deadlineHit
                ? `the endpoint did not answer within the overall deadline of ${Math.round(deadline.totalMs / 1000)}s; check that it is reachable from the runner (ASTL_DEADLINE_SECONDS raises the deadline)`
                : 'the endpoint kept failing with retryable errors; check its health and retry the job',
            cause: err,
        });
    }
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return new core/* AstlError */.Ht(`a request did not finish within the ${Math.round(deadline.totalMs / 1000)}s deadline: ${(0,core/* describeFault */.Qx)(err)}`, {
            code: 'DEADLINE_EXCEEDED',
            hint: 'check that the endpoint is reachable from the runner (ASTL_DEADLINE_SECONDS raises the deadline)',
            cause: err,
        });
    }
    return err;
}

// EXTERNAL MODULE: ./packages/credentials/providers/revokers.ts
var revokers = __webpack_require__(7365);
// EXTERNAL MODULE: ./packages/credentials/revoke.ts
var revoke = __webpack_require__(4569);
// EXTERNAL MODULE: ./packages/core/untrusted-text.ts
var untrusted_text = __webpack_require__(1372);
;// CONCATENATED MODULE: ./packages/credentials/summary.ts
/**
 * Markdown for auditors reading the job summary: who (agent, owner, type), why (purpose), under
 * which policies, each credential's identity and lifetime, and after the post step what became
 * of it. Never a secret: only identities, accessors, session names and times.
 *
 * Every value that comes from an input, the registry, the run context or a provider is escaped
 * by packages/core/untrusted-text.ts (`cell`, `code`, `markdownMessage`, `markdownFence`), so a
 * purpose like `![x](https://…)` or `<img>` renders as the characters typed, never as an image.
 */


/** Literal text in a table cell or a paragraph (markdownText). */
const cell = (/* unused pure expression or super */ null && (markdownText));
function code(text) {
    return text ? markdownCode(text) : '';
}
function runLine(run) {
    const parts = [run.repository, run.workflow && `workflow ${run.workflow}`, run.job && `job ${run.job}`];
    parts.push(`run ${run.runId}${run.runAttempt ? ` attempt ${run.runAttempt}` : ''}`);
    if (run.actor)
        parts.push(`triggered by ${run.actor}`);
    return parts.filter(Boolean).join(', ');
}
function renderMintSummary(r, run) {
    const rows = [
        ['Agent', code(r.agent)],
        ['Owner', cell(r.owner)],
        ['Type', cell(r.type)],
        ['Purpose', cell(r.purpose)],
        ['Correlation id', code(r.correlationId)],
        ['Policies applied', r.appliedPolicies.map(code).join(', ') || 'none'],
    ];
    if (run)
        rows.push(['Run', cell(runLine(run))]);
    const lines = [
        `## Agent credentials: ${code(r.agent)}`,
        '',
        ...markdownFacts([['Status', 'issued'], ...rows]),
        '',
        '| Provider | Identity | Issued | Expires | TTL |',
        '|---|---|---|---|---|',
    ];
    for (const c of r.credentials) {
        const extra = Object.entries(c.details)
            .map(([k, v]) => `${cell(k)}: ${code(v)}`)
            .join('<br>');
        lines.push(`| ${cell(c.label)} | ${code(c.identity)}${extra ? `<br>${extra}` : ''} | ${markdownTime(c.issuedAt)} | ${markdownTime(c.expiresAt)} | ${formatDuration(c.ttlSeconds)} |`);
    }
    if (r.warnings.length > 0) {
        lines.push('', '**Warnings**', '', ...r.warnings.map((w) => `- ${markdownMessage(w)}`));
    }
    lines.push('', `The post step revokes what can be revoked when the job ends.`, '');
    return lines.join('\n');
}
/** A refusal or failure: what was asked, why it stopped, and the fix. */
function renderFailureSummary(f) {
    const title = f.refused ? 'Agent credentials refused' : 'Agent credentials failed';
    const lines = [
        `## ${title}${f.agent ? `: ${code(f.agent)}` : ''}`,
        '',
        ...markdownFacts([
            ['Status', f.refused ? 'refused before any token was requested' : 'failed'],
            ['Agent', f.agent ? code(f.agent) : '(not given)'],
            ['Purpose', f.purpose ? cell(f.purpose) : '(not given)'],
            ['Correlation id', code(f.correlationId)],
        ]),
        '',
        markdownFence(f.message, 'text'),
    ];
    if (f.hint)
        lines.push('', `**How to fix:** ${markdownMessage(f.hint)}`);
    if (f.fix)
        lines.push('', 'For example:', '', markdownFence(f.fix.replace(/\n$/, ''), 'yaml'));
    lines.push('');
    return lines.join('\n');
}
const OUTCOME_LABEL = {
    revoked: 'revoked',
    'skipped-expired': 'already expired (skipped)',
    'not-revocable': 'expires on its own',
    failed: 'revocation FAILED',
    disabled: 'not revoked (revoke: false)',
};
function renderRevokeSummary(r) {
    const lines = [
        `### Agent credentials revocation: ${code(r.agent)}`,
        '',
        `Correlation id ${code(r.correlationId)}`,
        '',
    ];
    if (r.entries.length === 0) {
        lines.push('Nothing to revoke: the main step issued no credentials.', '');
        return lines.join('\n');
    }
    lines.push('| Provider | Identity | Result | Expires | Details |', '|---|---|---|---|---|');
    for (const e of r.entries) {
        lines.push(`| ${cell(e.label)} | ${code(e.identity)} | ${OUTCOME_LABEL[e.outcome]} | ${markdownTime(e.expiresAt)} | ${markdownMessage(e.message)} |`);
    }
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/credentials/index.ts
/**
 * The credentials engine: mint OIDC-federated, short-lived credentials (AWS, Vault, ...) for a
 * registered agent, revoke them after the job, and describe both for auditors. No Actions I/O:
 * the root action and the CLI's GitLab flow are front ends over this. Providers share one shape
 * (provider.ts); the registered ones are in providers/index.ts, their revocation parts (all the
 * post step loads) in providers/revokers.ts.
 */












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


/***/ }),

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ diagnoseVaultLogin),
/* harmony export */   Zs: () => (/* binding */ describeClaims),
/* harmony export */   tP: () => (/* binding */ diagnoseStsError)
/* harmony export */ });
/* unused harmony exports conditionKeyPrefix, trustPolicySnippet */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3591);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3989);
/**
 * Turning a provider's refusal into an error a workflow author can act on: what the token says
 * (iss, sub, aud, ref, job_workflow_ref, environment) beside what was asked (role, audience,
 * Vault role and auth path), and which trust condition to check. The token itself and any
 * credential never appear: only decoded claims, which are not secret.
 */



const SHOWN_CLAIMS = ['iss', 'sub', 'aud', 'ref', 'job_workflow_ref', 'environment'];
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
    const r = new _core_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .pO();
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
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__.decodeTokenClaims)(ctx.webIdentityToken);
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
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(message, { code: STS_CODES[stsCode] ?? 'STS_REQUEST_FAILED', hint, fix });
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
function diagnoseVaultLogin(status, vaultMessage, ctx) {
    const claims = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_1__.decodeTokenClaims)(ctx.jwt);
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
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(message, { code: 'VAULT_LOGIN_DENIED', hint, fix });
}


/***/ }),

/***/ 3989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decodeTokenClaims: () => (/* binding */ decodeTokenClaims),
  z: () => (/* binding */ requestGitHubIdToken)
});

// UNUSED EXPORTS: idTokenUrl

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(1445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __webpack_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __webpack_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new errors/* JWTInvalid */.Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new errors/* JWTInvalid */.Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new errors/* JWTInvalid */.Dp("Invalid JWT");
  if (!encodedPayload)
    throw new errors/* JWTInvalid */.Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,base64url/* decode */.D)(encodedPayload);
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils/* strictDecoder */.u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,validate/* isObject */.Gv)(claimsSet))
    throw new errors/* JWTInvalid */.Dp("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./packages/core/errors.ts
var core_errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/retry.ts
var retry = __webpack_require__(4066);
// EXTERNAL MODULE: ./packages/providers/retry-policy.ts
var retry_policy = __webpack_require__(5036);
;// CONCATENATED MODULE: ./packages/providers/oidc.ts
/**
 * GitHub Actions OIDC: requesting an ID token through the runner's protocol and reading its
 * claims for diagnostics. The token is a bearer credential: it is returned to the caller and
 * never put in an error message.
 */




/** The runner answers `{"value": "<jwt>"}`; anything much larger is not a token answer. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
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
        throw new core_errors/* AstlError */.Ht(`GitHub OIDC is not available to this job: ${missing.join(' and ')} not set`, {
            code: 'OIDC_NOT_AVAILABLE',
            hint: 'add `permissions: id-token: write` to the job (or the workflow). Jobs triggered from forks never get an ID token.',
            fix: PERMISSIONS_FIX,
        });
    }
    if (!req.audience) {
        throw new core_errors/* AstlError */.Ht('An OIDC audience is required to request an ID token', {
            code: 'OIDC_AUDIENCE_MISSING',
        });
    }
    let url;
    try {
        url = new URL(idTokenUrl(req.requestUrl, req.audience)).toString();
    }
    catch {
        throw new core_errors/* AstlError */.Ht('ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL', { code: 'OIDC_NOT_AVAILABLE' });
    }
    const requestToken = req.requestToken;
    const isRetryable = (err) => (0,retry/* isNetworkFault */.d$)(err) || (err instanceof retry_policy/* ProviderHttpError */.gm && (0,retry/* isRetryableStatus */.PS)(err.status));
    try {
        return await (0,retry/* withRetry */.bD)(async (signal) => {
            const res = await (0,retry_policy/* sendAttempt */.ob)(url, {
                headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
                signal,
                maxResponseBytes: MAX_TOKEN_RESPONSE_BYTES,
            }, 'GitHub OIDC token request', 'OIDC_TOKEN_REQUEST_FAILED');
            const text = res.text();
            if (res.status < 200 || res.status > 299) {
                const err = new retry_policy/* ProviderHttpError */.gm(res.status, undefined, errorText(text));
                if (isRetryable(err))
                    throw err;
                throw new core_errors/* AstlError */.Ht(`The runner refused the OIDC token request: ${err.message}`, {
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
                throw new core_errors/* AstlError */.Ht('The runner answered the OIDC token request without a token (`value`)', {
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
/** The message of an error body: JSON `message` or `errors`, else the text, cut to one line. */
function errorText(text) {
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
    return (0,retry_policy/* shortMessage */.Sq)(msg);
}


/***/ }),

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ vaultJwtLogin)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1196);
/* harmony import */ var _vault_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9203);
/**
 * Vault's JWT auth login (`POST /v1/auth/<mount>/login`,
 * https://developer.hashicorp.com/vault/api-docs/auth/jwt#jwt-login) over vault.ts's request and
 * retry policy. Apart from vault.ts because a refused login is diagnosed from the JWT's claims
 * (diagnose.ts, which decodes the JWT), and the post step, which only revokes, needs none of it.
 */



/** `POST /v1/auth/<authPath>/login {role, jwt}`. */
async function vaultJwtLogin(req) {
    const authPath = (0,_vault_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeAuthPath */ .Lr)(req.authPath);
    if (!req.role)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht('vault-role is required for the Vault JWT login', { code: 'VAULT_ROLE_MISSING' });
    const body = await (0,_vault_js__WEBPACK_IMPORTED_MODULE_2__/* .vaultRequest */ .mE)(req, `Vault JWT login (auth/${authPath}/login)`, { method: 'POST', path: `auth/${authPath}/login`, body: { role: req.role, jwt: req.jwt } }, (err) => (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_1__/* .diagnoseVaultLogin */ .QV)(err.status, err.providerMessage, {
        url: req.url,
        authPath,
        role: req.role,
        namespace: req.namespace,
        audience: req.audience,
        jwt: req.jwt,
    }));
    (0,_vault_js__WEBPACK_IMPORTED_MODULE_2__/* .refuseWrapped */ .ej)(body, `Vault JWT login (auth/${authPath}/login)`);
    const auth = body?.auth;
    if (!auth || typeof auth.client_token !== 'string') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`Vault answered the login at auth/${authPath}/login without a token`, {
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


/***/ }),

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hm: () => (/* reexport */ check/* checkCredentialRequest */.Hm),
  gN: () => (/* reexport */ agent_policy/* loadAgentPolicies */.gN),
  Ag: () => (/* reexport */ registry_registry.loadRegistry),
  Hw: () => (/* reexport */ agent_policy/* parseAgentPolicies */.Hw),
  l5: () => (/* reexport */ registry_registry/* parseRegistry */.l5),
  Ac: () => (/* reexport */ agent_policy/* policiesForType */.Ac),
  cT: () => (/* reexport */ resolveAgent)
});

// UNUSED EXPORTS: AGENT_POLICY_KIND, MAX_POLICY_FILES, MAX_POLICY_FILE_BYTES, MINIMAL_REGISTRY, REGISTRY_INVALID, RESTRICTIONS, durationCapsFor, isProductionEnvironment, listPolicyFiles, namesProduction, policySchema, readPolicyDocuments, readPolicySet, registryEntrySnippet, registrySchema, sortByLine

// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 2 modules
var agent_policy = __webpack_require__(4544);
// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
// EXTERNAL MODULE: ./packages/registry/registry.ts + 2 modules
var registry_registry = __webpack_require__(1005);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
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
                hint: (s) => `make ${s.name('agent-type')} match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
                fix: (s) => s.snippet([
                    ['agent', name],
                    ['agent-type', entry.type],
                ]),
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
            hint: (s) => `set ${s.name('agent')} to one of: ${matches.map((m) => m.name).join(', ')}`,
            fix: (s) => s.snippet([
                ['agent', matches[0].name],
                ['agent-type', type],
            ]),
        });
    }
    throw new core/* AstlError */.Ht('the request names no agent', {
        code: 'AGENT_REQUIRED',
        setting: 'agent',
        hint: (s) => `set ${s.name('agent')} (or ${s.name('agent-type')} when one agent has that type) to one of the agents registered in ${registry.file}${knownAgents(registry)}`,
        fix: (s) => s.snippet([['agent', registry.agents[0]?.name ?? '<agent-name>']]),
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

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
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
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
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
function encodeBase64(input, url = !1) {
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



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertUint8Array, decodeBase64url, encodeAsciiMember, isJwkSet, parseJoseHeader, validateAlgorithms */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);



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
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
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
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
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



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid)
/* harmony export */ });
/* unused harmony exports JOSEAlgNotAllowed, JOSEError, JWEDecryptionFailed, JWEInvalid, JWKInvalid, JWKSInvalid, JWKSMultipleMatchingKeys, JWKSNoMatchingKey, JWKSTimeout, JWSSignatureVerificationFailed, JWTClaimValidationFailed, JWTExpired */
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
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
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
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
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



/***/ })

};
;