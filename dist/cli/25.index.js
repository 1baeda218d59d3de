"use strict";
exports.id = 25;
exports.ids = [25,170,789];
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

/***/ 3591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports secretForms, isNonSecretLine */
/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 *
 * A multi-line value (a PEM key, a JSON credential file) is also masked line by line, because
 * the runner masks each log line on its own and a multi-line mask never matches: every line,
 * however short (a PEM's last body line `q5Zw7==`), except lines that carry no secret material
 * (`isNonSecretLine`). Encoded forms shorter than 4 characters are dropped: they would mask
 * common text and hide nothing a reader could use.
 */
function secretForms(value) {
    if (value.length === 0)
        return [];
    const forms = new Set();
    const b64 = Buffer.from(value, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(value, 'utf8').toString('base64url'));
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    const out = [value, ...[...forms].filter((f) => f.length >= 4 && f !== value)];
    const lines = value.split(/\r?\n|\r/);
    if (lines.length > 1) {
        for (const line of lines) {
            const t = line.trim();
            if (!isNonSecretLine(t) && !out.includes(t))
                out.push(t);
        }
    }
    return out;
}
/** PEM armour (RFC 7468): `-----BEGIN <label>-----` / `-----END <label>-----`. */
const PEM_ARMOUR = /^-----(BEGIN|END) [\x21-\x2c\x2e-\x7e]+(?: [\x21-\x2c\x2e-\x7e]+)*-----$/;
/**
 * A line of a multi-line secret that carries no secret material and so stays visible: blank,
 * PEM armour, or only the structural punctuation of JSON/YAML/INI (`{ } [ ] ( ) , ; : " '`).
 * Masking `}` would blank every brace in the log and protect nothing. Characters that encode data
 * (letters, digits, and the base64 symbols `+ / =`) always make a line secret.
 */
function isNonSecretLine(line) {
    const t = line.trim();
    return t === '' || PEM_ARMOUR.test(t) || /^[{}[\](),;:"'\s]+$/.test(t);
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


/***/ }),

/***/ 2873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tD: () => (/* binding */ checkCredentialTransport)
/* harmony export */ });
/* unused harmony exports TRANSPORT_INSECURE, CREDENTIAL_URL_INVALID, isLoopbackHost */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/**
 * The one rule for every endpoint the product sends a credential to (Vault, an STS endpoint
 * override, a GitHub API or token-exchange URL): https://, or plain http:// only to a loopback
 * address (127.0.0.0/8, ::1, localhost) for local tests, or when the user opts in explicitly
 * (`allow-insecure-http`). Checked before any token is requested: over plain http the OIDC
 * token and what it buys (a Vault token, STS keys) cross the network readable by anyone on the
 * path, and a token replayed within its lifetime is as good as the job's identity.
 */

const TRANSPORT_INSECURE = 'CREDENTIAL_TRANSPORT_INSECURE';
const CREDENTIAL_URL_INVALID = 'CREDENTIAL_URL_INVALID';
/**
 * Validates a credential endpoint URL: parseable, https (or http to loopback, or http opted in),
 * no user name or password in it. Throws AstlError (CREDENTIAL_URL_INVALID or
 * CREDENTIAL_TRANSPORT_INSECURE) located at `check.location` or `check.what`; the message shows
 * the URL's origin only, never a user name, password, path or query.
 */
function checkCredentialTransport(url, check) {
    const what = check.what ?? check.setting ?? 'endpoint';
    const where = check.location
        ? { location: check.location }
        : check.setting && check.what === undefined
            ? { setting: check.setting }
            : { location: { file: what } };
    const prefix = check.location ? `${what} ` : '';
    const fail = (code, message, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${prefix}${message}`, { code, ...where, hint });
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw fail(CREDENTIAL_URL_INVALID, 'is not a URL', 'write the endpoint as https://host[:port]');
    }
    if (parsed.username || parsed.password) {
        throw fail(CREDENTIAL_URL_INVALID, 'carries a user name or password; remove them', 'give the address only: the product authenticates with the job’s OIDC token');
    }
    if (parsed.protocol === 'https:')
        return { url: parsed, insecure: false };
    if (parsed.protocol !== 'http:') {
        throw fail(CREDENTIAL_URL_INVALID, `${parsed.protocol}// is not an http(s) URL`, 'write the endpoint as https://host[:port]');
    }
    if (isLoopbackHost(parsed.hostname))
        return { url: parsed, insecure: false };
    if (check.allowInsecure)
        return { url: parsed, insecure: true };
    const { optIn } = check;
    throw fail(TRANSPORT_INSECURE, `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`, (s) => `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost)${optIn === false
        ? ''
        : `; for a network you control end to end, opt in with ${optIn ?? (s.kind === 'action' ? 'allow-insecure-http: true' : s.name('allow-insecure-http'))}`}`);
}
/**
 * Loopback hosts as the WHATWG URL parser leaves them (`127.1` and `2130706433` are already
 * 127.0.0.1 there): 127.0.0.0/8, [::1], IPv4-mapped [::ffff:127.x.y.z], and `localhost`.
 * `*.localhost` is not included: whether it resolves to loopback depends on the resolver.
 */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase();
    if (h === 'localhost' || h === '[::1]')
        return true;
    if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h))
        return true;
    // The parser prints IPv6 compressed, so every spelling of ::ffff:127.x.y.z arrives as this.
    return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(h);
}


/***/ }),

/***/ 728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ normalizePrivateKeyText),
/* harmony export */   f: () => (/* binding */ parseAppPrivateKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(425);
/**
 * The GitHub App's private key, parsed locally before any request: GitHub's download (PKCS#1,
 * `BEGIN RSA PRIVATE KEY`) or PKCS#8, with real line breaks or `\n` escapes. The key is a secret:
 * no error here quotes it, any part of it, or the parser's view of it.
 */


/**
 * The PEM text as users paste it: GitHub's download (PKCS#1, `BEGIN RSA PRIVATE KEY`) or PKCS#8,
 * with real line breaks or `\n` escapes (a secret stored on one line), CRLF or not.
 */
function normalizePrivateKeyText(text) {
    let t = text.trim();
    if (!t.includes('\n') && t.includes('\\n'))
        t = t.replace(/\\n/g, '\n');
    return t.replace(/\r\n?/g, '\n');
}
/**
 * Parses an App private key. Throws an AstlError naming `what` (the input or the Vault secret)
 * when it is not a PEM RSA private key; the message says what was found in general terms only.
 */
function parseAppPrivateKey(text, what) {
    const pem = normalizePrivateKeyText(text);
    const fail = (problem) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${what} ${problem}`, {
        code: 'GITHUB_APP_KEY_INVALID',
        hint: 'give the whole .pem file GitHub generated for the App (Settings, Developer settings, GitHub Apps, your App, "Private keys"), from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY-----, stored as a secret.',
    });
    if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
        throw fail(/-----BEGIN (PUBLIC KEY|CERTIFICATE|OPENSSH PRIVATE KEY)/.test(pem)
            ? 'is not a PEM private key in the form GitHub issues (a public key, certificate or OpenSSH key was given)'
            : 'is not a PEM private key (no -----BEGIN RSA PRIVATE KEY----- line)');
    }
    if (pem.includes('BEGIN ENCRYPTED PRIVATE KEY'))
        throw fail('is encrypted with a passphrase; give the key GitHub issued, unencrypted');
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch (err) {
        // OpenSSL's reason (a code like ERR_OSSL_UNSUPPORTED) says nothing about the key's content.
        const code = err.code;
        throw fail(`could not be parsed as a PEM private key${typeof code === 'string' ? ` (${code})` : ''}; it may be cut short or altered`);
    }
    if (key.asymmetricKeyType !== 'rsa') {
        throw fail(`is not an RSA key (it is ${key.asymmetricKeyType ?? 'of another type'}); GitHub App keys are RSA`);
    }
    return key;
}


/***/ }),

/***/ 9141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ checkOutputPath),
/* harmony export */   Dx: () => (/* binding */ ENV_FILE_HEADER),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   T1: () => (/* binding */ envFileText),
/* harmony export */   mg: () => (/* binding */ writeFlagFile)
/* harmony export */ });
/* unused harmony exports fileProblem, shellQuote */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _packages_core_env_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3362);
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(425);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2073);
/** Files the CLI writes for a job: private (0600) and replaced atomically. */





/**
 * Why `path` (named by `flag`, e.g. `--record`) cannot be written, as the CLI says it: one line
 * naming the flag and the path, and how to fix it; no stack. `err` is the failed fs call's error,
 * or undefined for the check made before any work (`checkOutputPath`).
 */
function fileProblem(flag, path, err, real = path) {
    const code = err?.code;
    const where = `${flag} ${path}`;
    const blocker = fileInTheWay(real, path);
    const example = `${flag} ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)('reports', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path) || 'out.json')}`;
    if (blocker !== undefined) {
        return new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`${where}: ${blocker} is a file, not a folder`, {
            code: 'FILE_WRITE_FAILED',
            hint: `name a path whose folders are folders, e.g. ${example} (astl creates missing folders)`,
        });
    }
    if (isFolder(real) || code === 'EISDIR') {
        return new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`${where}: ${path} is a folder, not a file`, {
            code: 'FILE_WRITE_FAILED',
            hint: `name a file, e.g. ${flag} ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, 'out.json')}`,
        });
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        return new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`${where}: permission denied (${code})`, {
            code: 'FILE_WRITE_FAILED',
            hint: `name a file in a folder this job can write to, e.g. ${example}`,
        });
    }
    const reason = code ?? (err instanceof Error ? err.message.split('\n')[0] : 'unknown error');
    return new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`${where}: cannot write the file (${reason})`, {
        code: 'FILE_WRITE_FAILED',
        hint: `check that the disk has room and the folder is writable, or name another file, e.g. ${example}`,
    });
}
/**
 * The nearest existing ancestor of `path` when it is not a folder (so no file can go under it),
 * spelled as in `shown` (the path as the user wrote it).
 */
function fileInTheWay(path, shownPath = path) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path));
    let shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(shownPath);
    for (;;) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory() ? undefined : shown;
        }
        catch {
            const up = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
            if (up === dir)
                return undefined;
            dir = up;
            shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(shown);
        }
    }
}
function isFolder(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Refuses, before any work, an output path that cannot be a file: a folder, or a path under a
 * file. Missing folders are fine (the writers create them).
 */
function checkOutputPath(flag, path, shown = path) {
    if (fileInTheWay(path, shown) !== undefined || isFolder(path))
        throw fileProblem(flag, shown, undefined, path);
}
/**
 * Writes (or appends) a file a flag names, inside the workspace and never through a committed
 * link (core/workspace-path), creating its folders; any other failure is `fileProblem`.
 * `mode` applies to a new file and new folders get 0700 when it is private (0600).
 */
function writeFlagFile(flag, path, text, options) {
    try {
        (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_4__/* .writeWorkspaceFile */ .dx)(path, text, options.scope, { what: flag }, {
            ...(options.append ? { append: true } : {}),
            ...(options.mode === undefined ? {} : { mode: options.mode }),
            ...(options.mode === 0o600 ? { folderMode: 0o700 } : {}),
        });
    }
    catch (err) {
        // A workspace refusal (outside it, through a link) keeps its own message.
        if (err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht)
            throw err;
        throw fileProblem(flag, path, err);
    }
}
/** Writes `text` so that no other user can read it at any moment, replacing any old file. */
function writePrivateFile(path, text, flag) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
    const temp = `${path}.${process.pid}.tmp`;
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir)) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
            // A folder made for secrets keeps itself out of commits (`git add -A` on a laptop).
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(`${dir}/.gitignore`, '*\n');
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, text, { mode: 0o600 });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(temp, 0o600); // the umask cannot widen it, but an old temp file could exist
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, path);
    }
    catch (err) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temp, { force: true });
        }
        catch {
            // nothing was written there
        }
        if (flag)
            throw fileProblem(flag, path, err);
        const code = err.code ?? err.message;
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`cannot write ${path} (${code})`, {
            code: 'FILE_WRITE_FAILED',
            location: { file: path },
            hint: code === 'EISDIR' || code === 'ENOTDIR'
                ? 'a folder is in the way: name a file path, e.g. .astl/state.json'
                : 'check that the folder exists and is writable by the job',
        });
    }
}
/** `'value'` for POSIX shells: the only character that needs care inside single quotes is `'`. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** First line of every env file; `astl revoke` deletes only files that start with it. */
const ENV_FILE_HEADER = '# Written by astl credentials; removed by astl revoke. Do not upload as an artifact.';
/**
 * `export KEY='value'` lines for `source`/`.`; refuses names a shell would misread. Names from
 * user text were already checked against the reserved list (core/env-names) by the registry,
 * the input parser and the engine; this holds the syntax for every name, ours included.
 */
function envFileText(vars) {
    const lines = [ENV_FILE_HEADER];
    for (const [name, value] of Object.entries(vars)) {
        if (!_packages_core_env_names_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_NAME_PATTERN */ .jg.test(name)) {
            throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`not an environment variable name: ${JSON.stringify(name)}`, {
                code: 'ENV_NAME_INVALID',
                hint: 'exported names are upper-case letters, digits and _',
            });
        }
        lines.push(`export ${name}=${shellQuote(value)}`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 25:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  idTokenFromEnv: () => (/* binding */ idTokenFromEnv),
  run: () => (/* binding */ run),
  spec: () => (/* binding */ spec)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/untrusted-text.ts
var untrusted_text = __webpack_require__(1372);
;// CONCATENATED MODULE: ./packages/core/ci-variables.ts
/**
 * Expansion of GitLab CI/CD variables in text the user wrote for a log or audit record (the
 * credentials purpose), without a shell and without any way to pull a secret in.
 *
 * GitLab's own `expand: true` would expand every variable, masked and protected ones included
 * (and nested references inside them), into text that is printed in job logs, summaries and audit
 * records. So the component passes the text raw (`expand: false`) and this module expands only
 * `$NAME` / `${NAME}` where NAME is one of GitLab's predefined variables that carry no secret
 * (https://docs.gitlab.com/ci/variables/predefined_variables/). Everything else stays literal, and
 * `$$` is a literal `$` as in GitLab. A value is inserted verbatim once: it is never expanded
 * again, control and bidi characters become spaces, a URL loses any `user:password@`, and it is cut
 * to MAX_VALUE_LENGTH.
 */

/** GitLab predefined variables that hold no secret, for purposes such as "Deploy $CI_COMMIT_SHORT_SHA". */
const GITLAB_EXPANDABLE_VARIABLES = new Set([
    'CI',
    'GITLAB_CI',
    'CI_SERVER_FQDN',
    'CI_SERVER_HOST',
    'CI_SERVER_URL',
    'CI_SERVER_NAME',
    'CI_SERVER_VERSION',
    'CI_API_V4_URL',
    'CI_PROJECT_ID',
    'CI_PROJECT_NAME',
    'CI_PROJECT_TITLE',
    'CI_PROJECT_PATH',
    'CI_PROJECT_PATH_SLUG',
    'CI_PROJECT_NAMESPACE',
    'CI_PROJECT_ROOT_NAMESPACE',
    'CI_PROJECT_URL',
    'CI_DEFAULT_BRANCH',
    'CI_CONFIG_PATH',
    'CI_COMMIT_SHA',
    'CI_COMMIT_SHORT_SHA',
    'CI_COMMIT_BEFORE_SHA',
    'CI_COMMIT_REF_NAME',
    'CI_COMMIT_REF_SLUG',
    'CI_COMMIT_REF_PROTECTED',
    'CI_COMMIT_BRANCH',
    'CI_COMMIT_TAG',
    'CI_COMMIT_TITLE',
    'CI_COMMIT_TIMESTAMP',
    'CI_COMMIT_AUTHOR',
    'CI_PIPELINE_ID',
    'CI_PIPELINE_IID',
    'CI_PIPELINE_NAME',
    'CI_PIPELINE_SOURCE',
    'CI_PIPELINE_URL',
    'CI_PIPELINE_CREATED_AT',
    'CI_JOB_ID',
    'CI_JOB_NAME',
    'CI_JOB_NAME_SLUG',
    'CI_JOB_STAGE',
    'CI_JOB_URL',
    'CI_JOB_STARTED_AT',
    'CI_JOB_MANUAL',
    'CI_ENVIRONMENT_NAME',
    'CI_ENVIRONMENT_SLUG',
    'CI_ENVIRONMENT_TIER',
    'CI_ENVIRONMENT_ACTION',
    'CI_ENVIRONMENT_URL',
    'CI_DEPLOY_FREEZE',
    'CI_MERGE_REQUEST_ID',
    'CI_MERGE_REQUEST_IID',
    'CI_MERGE_REQUEST_TITLE',
    'CI_MERGE_REQUEST_LABELS',
    'CI_MERGE_REQUEST_MILESTONE',
    'CI_MERGE_REQUEST_EVENT_TYPE',
    'CI_MERGE_REQUEST_PROJECT_PATH',
    'CI_MERGE_REQUEST_REF_PATH',
    'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
    'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA',
    'CI_MERGE_REQUEST_TARGET_BRANCH_NAME',
    'CI_MERGE_REQUEST_TARGET_BRANCH_SHA',
    'CI_MERGE_REQUEST_DIFF_BASE_SHA',
    'CI_EXTERNAL_PULL_REQUEST_IID',
    'GITLAB_USER_ID',
    'GITLAB_USER_LOGIN',
    'GITLAB_USER_NAME',
]);
/**
 * Predefined variables that are or contain credentials. Never expanded (nor is any name that
 * looks like a credential); named in the warning so the user sees why.
 * CI_REPOSITORY_URL embeds the job token (`https://gitlab-ci-token:<token>@…`).
 */
const GITLAB_SECRET_VARIABLES = new Set([
    'CI_JOB_TOKEN',
    'CI_BUILD_TOKEN',
    'CI_JOB_JWT',
    'CI_JOB_JWT_V1',
    'CI_JOB_JWT_V2',
    'CI_REGISTRY_PASSWORD',
    'CI_DEPLOY_PASSWORD',
    'CI_DEPENDENCY_PROXY_PASSWORD',
    'CI_REPOSITORY_URL',
    'CI_RUNNER_SHORT_TOKEN',
]);
const SECRET_LOOKING = /TOKEN|PASSWORD|PASSWD|SECRET|JWT|PRIVATE|CREDENTIAL|API_?KEY|(^|_)KEY($|_)/i;
/** Longest value inserted for one reference (characters). */
const MAX_VALUE_LENGTH = 200;
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
/**
 * `scheme://user:password@` in a URL: CI_ENVIRONMENT_URL and CI_PIPELINE_NAME are written by the
 * user and GitLab expands variables in them, so one may carry a password that way.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/gi;
function cleanValue(value) {
    const flat = (0,untrusted_text/* spacedOut */.BU)(value).replace(URL_USERINFO, '$1').trim();
    // Cut by code point, so a long title never ends in half a surrogate pair.
    const chars = Array.from(flat);
    return chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…` : flat;
}
/**
 * Expands GitLab predefined, non-secret variables in `text` from `env`.
 * `$NAME` and `${NAME}` with NAME in GITLAB_EXPANDABLE_VARIABLES become the variable's value
 * (an unset one becomes empty, as in GitLab); `$$` becomes `$`; any other reference stays as
 * written and gets a warning. No shell, no recursion: a value containing `$X` stays `$X`.
 */
function expandGitLabVariables(text, env) {
    const expanded = [];
    const warnings = [];
    const out = text.replace(REFERENCE, (whole, braced, bare) => {
        if (whole === '$$')
            return '$';
        const name = (braced ?? bare);
        if (GITLAB_SECRET_VARIABLES.has(name) ||
            (SECRET_LOOKING.test(name) && !GITLAB_EXPANDABLE_VARIABLES.has(name))) {
            warnings.push(`${whole} was not expanded: it names a credential, and the purpose is printed in logs and audit records`);
            return whole;
        }
        if (!GITLAB_EXPANDABLE_VARIABLES.has(name)) {
            warnings.push(`${whole} was not expanded: only GitLab's predefined, non-secret variables are (such as $CI_COMMIT_SHORT_SHA, $CI_PIPELINE_ID, $CI_ENVIRONMENT_NAME); write $$ for a literal $`);
            return whole;
        }
        if (!expanded.includes(name))
            expanded.push(name);
        return cleanValue(env[name] ?? '');
    });
    return { text: out, expanded, warnings };
}

// EXTERNAL MODULE: ./packages/core/duration.ts
var duration = __webpack_require__(5166);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/redact.ts
var redact = __webpack_require__(3591);
// EXTERNAL MODULE: ./packages/core/transport.ts
var transport = __webpack_require__(2873);
// EXTERNAL MODULE: ./packages/core/workspace-path.ts
var workspace_path = __webpack_require__(2073);
// EXTERNAL MODULE: ./packages/providers/github-app-key.ts
var github_app_key = __webpack_require__(728);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __webpack_require__(7632);
// EXTERNAL MODULE: ./src/cli/files.ts
var files = __webpack_require__(9141);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/verbs/credentials.ts
/**
 * `astl credentials`: the GitLab (and any CI) front end of the credentials engine. The ID tokens
 * come from environment variables (GitLab `id_tokens`), the same registry and AgentPolicy checks,
 * providers and retries as the GitHub action run, and the credentials land in a 0600 env file
 * for the job's script to source. A state file lets `astl revoke` (after_script) revoke them.
 * Nothing secret is ever printed: every value is registered with a redactor the moment it exists.
 */


// Core modules one by one: the index would load the YAML and schema stack before --help.












const spec = {
    name: 'credentials',
    summary: "mint short-lived credentials for a registered agent from the job's ID token",
    usage: 'astl credentials --agent A [--agent-type T] --purpose TEXT --id-token-env VAR [--aws-id-token-env VAR] [--vault-id-token-env VAR] [--github-id-token-env VAR] [--github-app-id ID --github-app-private-key-env VAR | --github-app-private-key-file F] [--duration 15m] [--config F] [--policies DIR] [--export-file F] [--state F]',
    flags: {
        agent: {
            type: 'string',
            value: 'NAME',
            description: 'registered agent name (may be omitted when --agent-type matches one agent)',
        },
        'agent-type': { type: 'string', value: 'TYPE', description: 'agent type; must agree with the registry' },
        purpose: {
            type: 'string',
            value: 'TEXT',
            description: 'why this job needs credentials (default: the registry purpose)',
        },
        'id-token-env': {
            type: 'string',
            value: 'VAR',
            description: 'variable holding the ID token (GitLab id_tokens) for every provider; not needed in a GitHub Actions step',
        },
        'aws-id-token-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the ID token for AWS (aud: the registry's audience, default sts.amazonaws.com)",
        },
        'vault-id-token-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the ID token for Vault (aud: the registry's audience, default the Vault URL)",
        },
        'github-id-token-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the ID token for a GitHub STS exchange (aud = the sts-url's host)",
        },
        'github-app-id': {
            type: 'string',
            value: 'ID',
            description: "override the registry's GitHub App ID (credentials.github.app-id)",
        },
        'github-app-private-key-env': {
            type: 'string',
            value: 'VAR',
            description: "variable holding the GitHub App's private key (PEM); never pass the key itself as a flag",
        },
        'github-app-private-key-file': {
            type: 'string',
            value: 'FILE',
            description: "file holding the GitHub App's private key (PEM), e.g. a GitLab file variable",
        },
        duration: {
            type: 'string',
            value: 'DURATION',
            description: 'credential lifetime: 900, 900s, 15m, 1h (default 15m)',
        },
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        policies: {
            type: 'string',
            value: 'DIR',
            description: 'AgentPolicy folder (default policies; missing = none)',
        },
        'aws-role-arn': { type: 'string', value: 'ARN', description: 'override the registry AWS role' },
        'aws-region': {
            type: 'string',
            value: 'REGION',
            description: 'AWS region (default: the registry, else AWS_REGION, else AWS_DEFAULT_REGION)',
        },
        'vault-url': { type: 'string', value: 'URL', description: 'override the registry Vault address' },
        'vault-role': { type: 'string', value: 'ROLE', description: 'override the registry Vault role' },
        'export-file': {
            type: 'string',
            value: 'FILE',
            description: "0600 file of `export KEY='value'` lines to source (default .astl/credentials.env)",
        },
        state: {
            type: 'string',
            value: 'FILE',
            description: 'state file for astl revoke (default .astl/state.json)',
        },
        audit: {
            type: 'string',
            value: 'FILE',
            description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
        },
        format: {
            type: 'string',
            value: 'FORMAT',
            description: 'text (default) or json: the non-secret facts (agent, credentials, expiry, file)',
        },
        'allow-insecure-http': {
            type: 'boolean',
            description: 'allow a plain http:// Vault URL, AWS_ENDPOINT_URL_STS, GITHUB_API_URL or GitHub sts-url to a non-loopback host (tokens cross the network unencrypted); loopback is always allowed',
        },
    },
    examples: [
        'astl credentials --agent deploy-bot --purpose "Deploy $CI_COMMIT_SHORT_SHA" \\',
        '  --aws-id-token-env AWS_ID_TOKEN --vault-id-token-env VAULT_ID_TOKEN',
        'astl credentials --agent review-bot --github-app-private-key-file "$GITHUB_APP_KEY"   # GH_TOKEN in the env file',
        '. .astl/credentials.env   # in the same job script; then: astl revoke --state .astl/state.json',
    ],
    notes: [
        'Prints only non-secret facts (agent, owner, purpose, identities, expiry). Secrets go to the',
        '0600 env file only; never list it as an artifact or a dotenv report.',
        'Exit codes: 0 credentials ready, 1 a provider refused or failed, 3 refused by the registry or',
        'policy before any token was used, or a usage error.',
        'Every file flag names a path inside the workspace (CI_PROJECT_DIR, GITHUB_WORKSPACE or the',
        'working directory), never in .git/; --github-app-private-key-file may also name a GitLab',
        'file variable (in $CI_PROJECT_DIR.tmp/, where GitLab Runner writes them).',
    ],
};
async function run(args, io) {
    const redactor = new redact/* Redactor */.pO();
    const say = (text) => io.err(redactor.redact(text));
    // Relative to the working directory: GitLab runs every script in the project directory.
    const base = io.cwd;
    // Every file this command reads or writes stays inside the workspace and out of .git/.
    const scope = (0,workspace_path/* workspaceScope */.O9)(io.env, base);
    const inBase = (flag, fallback, file = true) => {
        const given = (0,cli_args/* str */.gx)(args, flag) || fallback;
        const checked = (0,workspace_path/* resolveWorkspacePath */.XI)(given, scope, { what: `--${flag}` });
        const path = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.join)(base, given);
        // A folder where a file goes (or a file where a folder goes) would fail only after a token
        // was issued: say so now.
        if (file && checked.exists && (0,external_node_fs_.statSync)(checked.real).isDirectory()) {
            throw new exit/* UsageError */.eb(`--${flag} ${given} is a folder, not a file`, `name a file, e.g. --${flag} ${fallback}`);
        }
        if (file)
            (0,files/* checkOutputPath */.$b)(`--${flag}`, path, given);
        return path;
    };
    const envFile = inBase('export-file', '.astl/credentials.env');
    const stateFile = inBase('state', '.astl/state.json');
    const auditFile = inBase('audit', '.astl/audit.jsonl');
    inBase('config', 'agent-config.yaml', false);
    inBase('policies', 'policies', false);
    const allowInsecureHttp = (0,cli_args/* bool */.lc)(args, 'allow-insecure-http');
    if ((0,cli_args/* str */.gx)(args, 'vault-url')) {
        (0,transport/* checkCredentialTransport */.tD)((0,cli_args/* str */.gx)(args, 'vault-url'), {
            what: '--vault-url',
            allowInsecure: allowInsecureHttp,
            optIn: '--allow-insecure-http',
            sends: 'the OIDC token and the Vault token',
        });
    }
    const format = (0,cli_args/* choice */.Yq)(args, 'format', ['text', 'json'], 'text');
    const tokenVars = {
        any: (0,cli_args/* str */.gx)(args, 'id-token-env') || undefined,
        aws: (0,cli_args/* str */.gx)(args, 'aws-id-token-env') || undefined,
        vault: (0,cli_args/* str */.gx)(args, 'vault-id-token-env') || undefined,
        github: (0,cli_args/* str */.gx)(args, 'github-id-token-env') || undefined,
    };
    const noTokenVars = !tokenVars.any && !tokenVars.aws && !tokenVars.vault && !tokenVars.github;
    // The App's key is a secret: registered for redaction the moment it is read, before any check.
    const githubAppKey = readAppKey(args, io, redactor, scope);
    // In a GitHub Actions step the runner mints tokens per audience; elsewhere a variable must hold one.
    const onGitHubRunner = Boolean(io.env.ACTIONS_ID_TOKEN_REQUEST_URL && io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    // App mode needs no ID token at all (the key signs the App JWT).
    if (noTokenVars && !onGitHubRunner && !githubAppKey) {
        throw new exit/* UsageError */.eb("'astl credentials' needs the variable that holds the job's ID token: --id-token-env VAR (or --aws-id-token-env / --vault-id-token-env / --github-id-token-env); an agent with only a GitHub App needs its key instead: --github-app-private-key-file FILE or --github-app-private-key-env VAR", 'in GitLab, declare `id_tokens: { AWS_ID_TOKEN: { aud: sts.amazonaws.com } }` and pass --aws-id-token-env AWS_ID_TOKEN; for a GitHub App, pass the File-type variable that holds its .pem: --github-app-private-key-file "$GITHUB_APP_KEY"');
    }
    const agent = (0,cli_args/* str */.gx)(args, 'agent')?.trim() || undefined;
    const agentType = (0,cli_args/* str */.gx)(args, 'agent-type')?.trim() || undefined;
    if (!agent && !agentType) {
        throw new exit/* UsageError */.eb("'astl credentials' needs --agent (or --agent-type when one agent has that type)");
    }
    const durationText = (0,cli_args/* str */.gx)(args, 'duration')?.trim();
    const durationSeconds = durationText ? (0,duration/* parseDuration */.E)(durationText, '--duration') : undefined;
    const env = io.env;
    const purpose = purposeText((0,cli_args/* oneLine */.TN)(args, 'purpose'), env, (m) => say(`${(0,cli_io/* paint */.nI)(io, 'yellow', 'warning')}: ${m}`));
    const request = {
        ...(agent ? { agent } : {}),
        ...(agentType ? { agentType } : {}),
        ...(purpose ? { purpose } : {}),
        ...(durationSeconds !== undefined ? { durationSeconds } : {}),
        configPath: (0,cli_args/* str */.gx)(args, 'config') || 'agent-config.yaml',
        policiesDir: (0,cli_args/* str */.gx)(args, 'policies') || 'policies',
        workspace: base,
        workspaceRoot: scope.root,
        transport: { allowInsecureHttp, optIn: '--allow-insecure-http' },
        run: ciRun(env),
    };
    const aws = { roleArn: (0,cli_args/* str */.gx)(args, 'aws-role-arn'), region: (0,cli_args/* str */.gx)(args, 'aws-region') };
    if (aws.roleArn || aws.region)
        request.aws = strip(aws);
    const vault = { url: (0,cli_args/* str */.gx)(args, 'vault-url'), role: (0,cli_args/* str */.gx)(args, 'vault-role') };
    if (vault.url || vault.role)
        request.vault = strip(vault);
    // GITHUB_API_URL is honoured everywhere (GitHub Enterprise Server); the default owner and
    // repository only inside GitHub Actions, where GITHUB_REPOSITORY is the job's repository.
    const onGitHubActions = !env.GITLAB_CI && Boolean(env.GITHUB_ACTIONS);
    const githubAppId = (0,cli_args/* str */.gx)(args, 'github-app-id')?.trim();
    request.github = strip({
        appId: githubAppId,
        privateKey: githubAppKey,
        apiUrl: env.GITHUB_API_URL,
        repository: onGitHubActions ? env.GITHUB_REPOSITORY : undefined,
    });
    const logger = {
        info: (m) => say(m),
        warning: (m) => say(`${(0,cli_io/* paint */.nI)(io, 'yellow', 'warning')}: ${m}`),
        debug: (m) => {
            if (env.ASTL_DEBUG)
                say(`debug: ${m}`);
        },
    };
    // The engine (registry, schemas, providers) loads only now, so --help and usage errors stay fast.
    const { AWS_REGION_PATTERN, applyAuditLevel, GITHUB_APP_ID_PATTERN, githubIdTokenSource, issuedBeforeFailure, issuedCredentials, MintFailure, mintCredentials, stateSecrets, toJsonLines, } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(473), __webpack_require__.e(365), __webpack_require__.e(763)]).then(__webpack_require__.bind(__webpack_require__, 763));
    const { decodeTokenClaims } = await __webpack_require__.e(/* import() */ 989).then(__webpack_require__.bind(__webpack_require__, 3989));
    if (aws.region && !AWS_REGION_PATTERN.test(aws.region)) {
        throw new exit/* UsageError */.eb(`--aws-region '${aws.region}' is not an AWS region`, 'write a region code, e.g. --aws-region us-east-1');
    }
    if (githubAppId && !GITHUB_APP_ID_PATTERN.test(githubAppId)) {
        throw new exit/* UsageError */.eb(`--github-app-id ${githubAppId}: not a GitHub App ID`, "give the App's numeric ID (or its client ID, Iv…), from the App's settings page");
    }
    const saveState = (state) => {
        for (const secret of stateSecrets(state))
            redactor.add(secret);
        (0,files/* writePrivateFile */.Pl)(stateFile, `${JSON.stringify({ ...state, cli: { envFile } }, null, 2)}\n`, '--state');
    };
    const appendAudit = (file, events) => {
        if (events.length === 0)
            return;
        (0,files/* writeFlagFile */.mg)('--audit', file, redactor.redact(toJsonLines(events)), {
            append: true,
            mode: 0o600,
            scope,
        });
    };
    let result;
    try {
        result = await mintCredentials(request, {
            getIdToken: noTokenVars ? githubIdTokenSource(env) : idTokenFromEnv(tokenVars, env, decodeTokenClaims),
            registerSecret: (v) => redactor.add(v),
            onState: saveState,
            logger,
            env,
        });
    }
    catch (err) {
        if (!(err instanceof MintFailure))
            throw err;
        // Only what was really issued is named (and kept for `astl revoke`): nothing, when the
        // request was refused or the ID token could not be had.
        const issued = issuedCredentials(err.state);
        if (err.state && issued.length > 0) {
            saveState(err.state);
            say(issuedBeforeFailure(issued, `'astl revoke --state ${(0,cli_args/* str */.gx)(args, 'state') || '.astl/state.json'}' revokes what can be revoked`));
        }
        appendAudit(auditFile, applyAuditLevel(err.audit, err.state?.auditLevel ?? 'full'));
        const cause = err.error;
        say(`astl: ${(0,exit/* formatError */.Wk)(cause)}`);
        say(`correlation id ${err.correlationId}`);
        if (!(cause instanceof errors/* AstlError */.Ht))
            return exit/* EXIT */.dc.usage;
        return err.refused ? exit/* EXIT */.dc.usage : exit/* EXIT */.dc.deny;
    }
    // Every secret is registered; now they may go to the private env file, and only there.
    (0,files/* writePrivateFile */.Pl)(envFile, (0,files/* envFileText */.T1)({
        ...result.env,
        ASTL_AGENT: result.agent,
        ASTL_AGENT_TYPE: result.type,
        ASTL_CORRELATION_ID: result.correlationId,
        ASTL_EXPIRES_AT: result.outputs.expiresAt,
    }), '--export-file');
    appendAudit(auditFile, applyAuditLevel(result.audit, result.auditLevel));
    for (const w of result.warnings)
        logger.warning(w);
    const facts = {
        agent: result.agent,
        owner: result.owner,
        type: result.type,
        purpose: result.purpose,
        correlationId: result.correlationId,
        policies: result.appliedPolicies,
        expiresAt: result.outputs.expiresAt,
        credentials: result.credentials,
        exportFile: envFile,
        variables: Object.keys(result.env),
        ...(result.outputs.awsSessionName ? { awsSessionName: result.outputs.awsSessionName } : {}),
        ...(result.outputs.vaultTokenAccessor ? { vaultTokenAccessor: result.outputs.vaultTokenAccessor } : {}),
        ...(result.outputs.githubInstallationId
            ? { githubInstallationId: result.outputs.githubInstallationId }
            : {}),
        ...(result.outputs.githubPermissions
            ? { githubPermissions: JSON.parse(result.outputs.githubPermissions) }
            : {}),
    };
    io.out(redactor.redact(format === 'json' ? JSON.stringify(facts, null, 2) : summary(result, envFile, io)));
    return exit/* EXIT */.dc.ok;
}
function summary(r, envFile, io) {
    const lines = [
        `${(0,cli_io/* paint */.nI)(io, 'green', 'credentials ready')} for agent ${r.agent}`,
        `  owner:          ${r.owner}`,
        `  type:           ${r.type}`,
        `  purpose:        ${r.purpose}`,
        `  correlation id: ${r.correlationId}`,
        `  policies:       ${r.appliedPolicies.join(', ') || 'none'}`,
    ];
    for (const c of r.credentials) {
        lines.push(`  ${c.provider.padEnd(6)}  ${c.identity}`);
        lines.push(`          expires ${c.expiresAt} (${(0,duration/* formatDuration */.a)(c.ttlSeconds)})`);
    }
    const names = Object.keys(r.env);
    lines.push(`  env file:       ${envFile} (${names.join(', ') || 'no variables'}, ASTL_AGENT, ASTL_AGENT_TYPE, ASTL_CORRELATION_ID, ASTL_EXPIRES_AT)`);
    return lines.join('\n');
}
/**
 * The --purpose text. In a GitLab job, `$CI_COMMIT_SHORT_SHA`-style references to GitLab's
 * predefined, non-secret variables are expanded here (the component passes the text with
 * `expand: false`, so GitLab never puts a masked variable into it); see packages/core/ci-variables.
 */
function purposeText(raw, env, warn) {
    const text = raw?.trim();
    if (!text)
        return undefined;
    if (env.GITLAB_CI !== 'true')
        return text;
    const expansion = expandGitLabVariables(text, env);
    for (const w of expansion.warnings)
        warn(`--purpose: ${w}`);
    // A variable's value (a commit or merge request title) must not bring a line break in.
    const bad = (0,untrusted_text/* findControlCharacter */.Am)(expansion.text);
    if (bad) {
        throw new exit/* UsageError */.eb(`--purpose expands to text with the control character ${bad.codePoint} at position ${bad.index + 1}`, 'name variables that hold one line of plain text in --purpose (such as $CI_COMMIT_SHORT_SHA)');
    }
    return expansion.text.trim() || undefined;
}
/** CI context for session names and audit records (GitLab's, else GitHub's, variables). */
function ciRun(env) {
    const github = !env.GITLAB_CI && Boolean(env.GITHUB_ACTIONS);
    const run = github
        ? { runId: env.GITHUB_RUN_ID || 'local', platform: 'github' }
        : { runId: env.CI_PIPELINE_ID || env.CI_JOB_ID || 'local', platform: env.GITLAB_CI ? 'gitlab' : 'cli' };
    const fields = github
        ? {
            runAttempt: env.GITHUB_RUN_ATTEMPT,
            repository: env.GITHUB_REPOSITORY,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            actor: env.GITHUB_ACTOR,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF,
        }
        : {
            runAttempt: env.CI_JOB_ID,
            repository: env.CI_PROJECT_PATH,
            workflow: env.CI_PIPELINE_NAME || env.CI_PIPELINE_SOURCE,
            job: env.CI_JOB_NAME,
            actor: env.GITLAB_USER_LOGIN,
            sha: env.CI_COMMIT_SHA,
            ref: env.CI_COMMIT_REF_NAME,
            environment: env.CI_ENVIRONMENT_NAME,
        };
    for (const [key, value] of Object.entries(fields)) {
        if (value)
            run[key] = value;
    }
    return run;
}
/** Where each provider's audience is set, for the fix of an audience mismatch. */
const AUDIENCE_SETTING = {
    aws: { variable: 'AWS_ID_TOKEN', input: 'aws_audience', registry: 'credentials.aws.audience' },
    vault: { variable: 'VAULT_ID_TOKEN', input: 'vault_audience', registry: 'credentials.vault.audience' },
};
/**
 * GitLab mints each ID token for a fixed audience, so a provider's token is the configured
 * variable whose `aud` claim includes the audience the provider expects. Picking by claim (not
 * by position) turns an audience mismatch into a clear error here instead of a refusal there;
 * the error names the asking provider's own variable and component input.
 */
function idTokenFromEnv(vars, env, decodeTokenClaims) {
    return async (audience, _deadline, provider) => {
        // The asking provider's own variable first, then the others (one token may serve several).
        const own = provider ? vars[provider] : undefined;
        const candidates = [
            ...new Set([own, vars.aws, vars.vault, vars.github, vars.any].filter((v) => Boolean(v))),
        ];
        const seen = [];
        for (const name of candidates) {
            const token = env[name]?.trim();
            if (!token) {
                seen.push(`${name} is not set`);
                continue;
            }
            const aud = decodeTokenClaims(token)?.aud;
            const auds = Array.isArray(aud) ? aud.map(String) : aud === undefined ? [] : [String(aud)];
            if (auds.includes(audience))
                return token;
            seen.push(`${name} has aud ${auds.length ? auds.map((a) => `'${a}'`).join(', ') : '(none)'}`);
        }
        if (candidates.length === 1 && env[candidates[0]]?.trim() && seen[0]?.includes('(none)')) {
            return env[candidates[0]].trim(); // not a JWT we can read: let the provider judge it
        }
        const setting = provider && provider !== 'github' ? AUDIENCE_SETTING[provider] : undefined;
        const variable = own ?? vars.any ?? setting?.variable ?? candidates[0] ?? 'ID_TOKEN';
        const who = provider === 'aws'
            ? 'AWS'
            : provider === 'vault'
                ? 'Vault'
                : provider === 'github'
                    ? 'the GitHub token exchange'
                    : 'the provider';
        const flag = provider ? `--${provider}-id-token-env` : '--id-token-env';
        throw new errors/* AstlError */.Ht(`no ID token with audience '${audience}' for ${who}: ${seen.join('; ')}`, {
            code: 'OIDC_AUDIENCE_MISMATCH',
            hint: setting
                ? `${who} expects aud '${audience}' (the registry's ${setting.registry}, or the default${provider === 'vault' ? ': the Vault URL' : ''}). Mint ${variable} with that audience: ${provider === 'vault' ? `the agent-credentials component's default is $VAULT_SERVER_URL, so set the CI/CD variable VAULT_SERVER_URL to ${audience}, or ` : 'in the agent-credentials component '}set the input \`${setting.input}: ${audience}\` (or set ${setting.registry} to the audience ${variable} has), and name the variable with ${flag}`
                : `give the job an ID token whose aud is '${audience}' (GitLab id_tokens) and name its variable with --aws-id-token-env / --vault-id-token-env / --github-id-token-env`,
            fix: `id_tokens:\n  ${variable}:\n    aud: ${audience}\n`,
        });
    };
}
/**
 * The GitHub App key from --github-app-private-key-env VAR or --github-app-private-key-file FILE
 * (never a flag value, which `ps` shows), redacted from every line this command prints.
 */
function readAppKey(args, io, redactor, scope) {
    const variable = (0,cli_args/* str */.gx)(args, 'github-app-private-key-env')?.trim();
    const file = (0,cli_args/* str */.gx)(args, 'github-app-private-key-file')?.trim();
    if (variable && file) {
        throw new exit/* UsageError */.eb('give the GitHub App key once: --github-app-private-key-env or --github-app-private-key-file, not both');
    }
    let key;
    if (variable) {
        key = io.env[variable];
        if (!key?.trim()) {
            throw new exit/* UsageError */.eb(`--github-app-private-key-env ${variable}: the variable is not set or empty`, "store the App's private key in a masked CI/CD variable of that name (or use a file variable with --github-app-private-key-file)");
        }
        // A File-type CI/CD variable holds the path GitLab Runner wrote the PEM to: read that file.
        if (isFileVariablePath(key, io))
            key = readAppKeyFile(key.trim(), io, scope);
    }
    else if (file) {
        key = readAppKeyFile(file, io, scope);
    }
    if (!key?.trim())
        return undefined;
    redactor.add(key);
    redactor.add((0,github_app_key/* normalizePrivateKeyText */.L)(key)); // the form the engine parses (github-app-key.ts)
    return key;
}
/** True for a GitLab File-type variable's value: one line, not PEM, a file in `${CI_PROJECT_DIR}.tmp/`. */
function isFileVariablePath(value, io) {
    const text = value.trim();
    if (/[\r\n]/.test(text) || text.includes('-----'))
        return false;
    const folder = (0,workspace_path/* gitLabFileVariableScope */.KY)(io.env, io.cwd);
    if (!folder)
        return false;
    const checked = (0,workspace_path/* inspectWorkspacePath */.lX)(text, folder);
    return !(0,workspace_path/* isPathProblem */.Ld)(checked) && checked.exists;
}
/**
 * The key file: inside the workspace like every file flag, or, in a GitLab job, a file variable.
 * GitLab Runner writes file-type CI/CD variables to its temporary project folder
 * `${CI_PROJECT_DIR}.tmp/` (beside the checkout, not in it), and a masked file variable is where
 * GitLab's docs tell people to keep a PEM. That one folder is allowed as well, with the same
 * checks (symbolic links resolved, opened without following a last-moment link); nothing else
 * outside the workspace is. Errors name the path, never the file's content.
 */
function readAppKeyFile(file, io, scope) {
    const use = { what: '--github-app-private-key-file' };
    const fileVariables = (0,workspace_path/* gitLabFileVariableScope */.KY)(io.env, io.cwd);
    const inWorkspace = (0,workspace_path/* inspectWorkspacePath */.lX)(file, scope);
    const from = (0,workspace_path/* isPathProblem */.Ld)(inWorkspace) && fileVariables && !(0,workspace_path/* isPathProblem */.Ld)((0,workspace_path/* inspectWorkspacePath */.lX)(file, fileVariables))
        ? fileVariables
        : scope;
    try {
        return (0,workspace_path/* readWorkspaceFile */.sL)(file, from, use).toString('utf8');
    }
    catch (err) {
        if (err instanceof errors/* AstlError */.Ht) {
            throw new exit/* UsageError */.eb(`--github-app-private-key-file ${err.message}`, `the key file must be in the workspace, or in a GitLab job a file variable (GitLab Runner writes those to ${'$'}{CI_PROJECT_DIR}.tmp/); or pass the key in a variable with --github-app-private-key-env`);
        }
        const code = err.code ?? 'error';
        throw new exit/* UsageError */.eb(`--github-app-private-key-file ${file}: ${code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code})`}`, 'point it at the PEM file GitHub generated for the App (a GitLab file variable gives such a path)');
    }
}
function strip(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v));
}


/***/ })

};
;