export const id = 502;
export const ids = [502];
export const modules = {

/***/ 502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_SESSION_POLICY_CHARS: () => (/* binding */ MAX_SESSION_POLICY_CHARS),
/* harmony export */   assumeRoleWithWebIdentity: () => (/* binding */ assumeRoleWithWebIdentity),
/* harmony export */   jsonErrorOffset: () => (/* binding */ jsonErrorOffset),
/* harmony export */   prepareSessionPolicy: () => (/* binding */ prepareSessionPolicy),
/* harmony export */   readSessionPolicy: () => (/* binding */ readSessionPolicy),
/* harmony export */   roleSessionName: () => (/* binding */ roleSessionName),
/* harmony export */   stsErrorCode: () => (/* binding */ stsErrorCode),
/* harmony export */   validateRoleArn: () => (/* binding */ validateRoleArn)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1695);
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5724);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1196);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(967);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5036);
/**
 * AWS STS AssumeRoleWithWebIdentity through `@aws-sdk/client-sts`. The SDK's own retries are off
 * (maxAttempts 1) so the retry policy is ours: network faults, 5xx, Throttling and
 * IDPCommunicationError are retried with jitter; AccessDenied, InvalidIdentityToken,
 * ExpiredTokenException and ValidationError fail at once with a diagnosis. The SDK honours
 * `AWS_ENDPOINT_URL_STS` (and `AWS_ENDPOINT_URL`), so the same code runs against any
 * STS-compatible endpoint.
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
    throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${source}: "${arn}" is not an IAM role ARN (${why})`, {
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
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`The session policy is not valid JSON: ${found} at line ${at.line}, column ${at.column}`, {
            code: 'AWS_SESSION_POLICY_INVALID',
            location: { file, ...at },
            hint: 'a session policy is an IAM policy document: {"Version": "2012-10-17", "Statement": [...]}.',
        });
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('Statement' in doc)) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht('The session policy must be an IAM policy document object with a "Statement"', {
            code: 'AWS_SESSION_POLICY_INVALID',
            location: { file },
            fix: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}',
        });
    }
    const minified = JSON.stringify(doc);
    if (minified.length > MAX_SESSION_POLICY_CHARS) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`The session policy is ${minified.length} characters after minifying; STS accepts at most ${MAX_SESSION_POLICY_CHARS}`, {
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
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`Cannot read the session policy file ${file}: ${err.code ?? String(err)}`, {
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
/** The STS error code of an SDK error, as STS spells it on the wire. */
function stsErrorCode(err) {
    if (!(err instanceof Error))
        return undefined;
    const e = err;
    if (!('$metadata' in e) && !('$fault' in e))
        return undefined;
    const raw = typeof e.Code === 'string' ? e.Code : e.name;
    // The SDK names modelled errors `<Code>Exception`; STS's own codes are mostly without the suffix.
    if (raw === 'ExpiredTokenException')
        return raw;
    return raw.replace(/Exception$/, '');
}
function httpStatus(err) {
    const s = err.$metadata?.httpStatusCode;
    return typeof s === 'number' ? s : undefined;
}
/** Exchanges a web identity token for STS session credentials. */
async function assumeRoleWithWebIdentity(req) {
    validateRoleArn(req.roleArn);
    if (!REGION.test(req.region)) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`aws-region: "${req.region}" is not an AWS region name (like us-east-1)`, {
            code: 'AWS_REGION_INVALID',
            fix: 'aws-region: us-east-1',
        });
    }
    if (!SESSION_NAME.test(req.sessionName)) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`The role session name "${req.sessionName}" must be 2-64 characters of [A-Za-z0-9_+=,.@-]`, {
            code: 'AWS_SESSION_NAME_INVALID',
        });
    }
    if (!Number.isInteger(req.durationSeconds) || req.durationSeconds < 900 || req.durationSeconds > 43_200) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`The session duration ${req.durationSeconds}s is outside what STS allows (900s to 12h)`, {
            code: 'AWS_DURATION_INVALID',
            hint: 'use a duration between 15m and the role maximum (1h by default, up to 12h).',
        });
    }
    const policy = req.sessionPolicy === undefined
        ? undefined
        : prepareSessionPolicy(req.sessionPolicy, req.sessionPolicyFile);
    const attemptTimeoutMs = req.retry?.attemptTimeoutMs ?? _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RETRY */ .vI.attemptTimeoutMs;
    const client = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__/* .STSClient */ .iM({
        region: req.region,
        maxAttempts: 1,
        ...(req.endpoint ? { endpoint: req.endpoint } : {}),
        // Per-attempt socket timeouts; the attempt's AbortSignal also ends it at the deadline.
        requestHandler: { connectionTimeout: attemptTimeoutMs, requestTimeout: attemptTimeoutMs },
    });
    const isRetryable = (err) => err instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC ||
        (err instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderHttpError */ .gm &&
            (err.status >= 500 || err.status === 429 || RETRYABLE_STS_CODES.has(err.providerCode ?? '')));
    try {
        return await (0,_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (signal) => {
            try {
                const out = await client.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__/* .AssumeRoleWithWebIdentityCommand */ .WH({
                    RoleArn: req.roleArn,
                    RoleSessionName: req.sessionName,
                    WebIdentityToken: req.webIdentityToken,
                    DurationSeconds: req.durationSeconds,
                    ...(policy ? { Policy: policy } : {}),
                }), { abortSignal: signal });
                const c = out.Credentials;
                if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
                    throw new _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht('AWS STS answered AssumeRoleWithWebIdentity without credentials', {
                        code: 'STS_REQUEST_FAILED',
                    });
                }
                return {
                    accessKeyId: c.AccessKeyId,
                    secretAccessKey: c.SecretAccessKey,
                    sessionToken: c.SessionToken,
                    expiration: new Date(c.Expiration),
                    assumedRoleArn: out.AssumedRoleUser?.Arn ?? req.roleArn,
                    sessionName: req.sessionName,
                };
            }
            catch (err) {
                throw classifyStsFailure(err, signal, req);
            }
        }, (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .retryOptions */ .tO)('AWS STS AssumeRoleWithWebIdentity', req.deadline, isRetryable, req.retry));
    }
    catch (err) {
        (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .exhausted */ .uW)(err, 'STS_UNAVAILABLE', 'AWS STS did not answer in time; re-run the job, or check AWS_ENDPOINT_URL_STS and the network.');
    }
    finally {
        client.destroy();
    }
}
/**
 * SDK errors become a diagnosis (every 4xx but Throttling/IDPCommunicationError fails fast:
 * AccessDenied, InvalidIdentityToken, ExpiredTokenException, ValidationError, ...), a
 * ProviderHttpError (5xx, 429, retryable codes) or a ProviderNetworkError: never the raw SDK error.
 */
function classifyStsFailure(err, signal, req) {
    if (err instanceof _core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht)
        return err;
    const code = stsErrorCode(err);
    const status = httpStatus(err);
    const failFast = status !== undefined &&
        status < 500 &&
        status !== 429 &&
        (code === undefined || !RETRYABLE_STS_CODES.has(code));
    if (failFast) {
        return (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__/* .diagnoseStsError */ .tP)(code ?? `HTTP ${status}`, err.message, {
            roleArn: req.roleArn,
            audience: req.audience,
            sessionName: req.sessionName,
            webIdentityToken: req.webIdentityToken,
        });
    }
    if (status !== undefined) {
        return new _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderHttpError */ .gm(status, code, err.message.slice(0, 300));
    }
    if (signal.aborted ||
        (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))) {
        return new _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC('request timed out', 'TimeoutError');
    }
    if ((0,_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isNetworkFault */ .d$)(err) || err instanceof Error) {
        const clean = (0,_oidc_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitizeFetchError */ ._Q)(err);
        // The SDK's deserialiser fails on a truncated answer (reset mid-body): a transport fault too.
        return clean instanceof _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC ? clean : new _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC(clean.message);
    }
    return new _retry_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .ProviderNetworkError */ .KC(String(err));
}


/***/ }),

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ diagnoseVaultLogin),
/* harmony export */   tP: () => (/* binding */ diagnoseStsError)
/* harmony export */ });
/* unused harmony exports describeClaims, conditionKeyPrefix, trustPolicySnippet */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5724);
/* harmony import */ var _oidc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(967);
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
    const r = new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .Redactor */ .pO();
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
    return new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(message, { code: STS_CODES[stsCode] ?? 'STS_REQUEST_FAILED', hint, fix });
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
    return new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(message, { code: 'VAULT_LOGIN_DENIED', hint, fix });
}


/***/ })

};
