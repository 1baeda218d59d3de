export const id = 400;
export const ids = [400,170,789];
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

/***/ 3362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $n: () => (/* binding */ checkEnvName),
/* harmony export */   TO: () => (/* binding */ reservedEnvGroup),
/* harmony export */   jg: () => (/* binding */ ENV_NAME_PATTERN)
/* harmony export */ });
/* unused harmony exports RESERVED_ENV_GROUPS, envNameProblem, suggestEnvName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/**
 * The one check for every environment variable name the product exports from text a user
 * controls (registry `secrets[].env`, the `vault-secrets` input, the CLI's env file): the name
 * must be a plain upper-case identifier, and must not be one that changes how later programs in
 * the job run (loaders, interpreters' option and path variables, shells' startup hooks, git's
 * command hooks, TLS trust and proxies, the runner's own variables, and the names this product
 * exports itself). A value is data; a name like LD_PRELOAD or BASH_ENV turns it into code.
 *
 * The list and the reason for each group are documented in docs/security.md ("Environment
 * names"); test/security/env-names.test.ts keeps the two in step.
 */

/** What an exported name must look like: POSIX portable, upper case, not starting with a digit. */
const ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;
const RESERVED_ENV_GROUPS = [
    {
        label: 'program search path',
        why: 'decides which binary runs for every command name',
        names: ['PATH', 'PATHEXT', 'COMSPEC', 'SHELL', 'PSMODULEPATH'],
        prefixes: [],
    },
    {
        label: 'dynamic loader',
        why: 'loads a library of the attacker’s choosing into every program',
        names: ['GCONV_PATH', 'GLIBC_TUNABLES'],
        prefixes: ['LD_', 'DYLD_'],
    },
    {
        label: 'shell startup and tracing',
        why: 'shells source or evaluate these before or while running a script',
        names: [
            'ENV',
            'SHELLOPTS',
            'BASHOPTS',
            'PS4',
            'PROMPT_COMMAND',
            'IFS',
            'CDPATH',
            'GLOBIGNORE',
            'ZDOTDIR',
        ],
        prefixes: ['BASH_'],
    },
    {
        label: 'Node.js',
        why: 'preloads code (--require/--import), adds module paths or CA certificates, or turns off TLS checks',
        names: [
            'NODE_OPTIONS',
            'NODE_PATH',
            'NODE_EXTRA_CA_CERTS',
            'NODE_TLS_REJECT_UNAUTHORIZED',
            'NODE_REPL_EXTERNAL_MODULE',
        ],
        prefixes: ['NPM_CONFIG_', 'YARN_'],
    },
    {
        label: 'JVM and its build tools',
        why: 'add -javaagent or classpath entries to every JVM the job starts',
        names: [
            'JAVA_TOOL_OPTIONS',
            '_JAVA_OPTIONS',
            'JDK_JAVA_OPTIONS',
            'JAVA_OPTS',
            'CLASSPATH',
            'MAVEN_OPTS',
            'GRADLE_OPTS',
        ],
        prefixes: [],
    },
    {
        label: 'Python',
        why: 'PYTHONPATH, PYTHONSTARTUP, PYTHONHOME, PYTHONWARNINGS and kin import code of the attacker’s choosing',
        names: ['BROWSER'],
        prefixes: ['PYTHON', 'PIP_'],
    },
    {
        label: 'Perl, Ruby, Lua, PHP, .NET',
        why: 'interpreter option and library-path variables load code at start',
        names: [
            'RUBYOPT',
            'RUBYLIB',
            'BUNDLE_GEMFILE',
            'PHPRC',
            'PHP_INI_SCAN_DIR',
            'DOTNET_STARTUP_HOOKS',
            'DOTNET_ADDITIONAL_DEPS',
            'COR_ENABLE_PROFILING',
        ],
        prefixes: ['PERL', 'GEM_', 'LUA_', 'CORECLR_', 'COR_PROFILER'],
    },
    {
        label: 'Go and Rust toolchains',
        why: 'choose a wrapper or a module proxy, so the build runs or downloads other code',
        names: [
            'GOFLAGS',
            'GOPROXY',
            'GOINSECURE',
            'GONOSUMDB',
            'GONOSUMCHECK',
            'GOSUMDB',
            'GOTOOLCHAIN',
            'RUSTFLAGS',
            'RUSTDOCFLAGS',
            'CARGO_HOME',
        ],
        prefixes: ['RUSTC', 'CARGO_BUILD_', 'CARGO_TARGET_'],
    },
    {
        label: 'git and ssh',
        why: 'GIT_SSH_COMMAND, GIT_ASKPASS, GIT_CONFIG_* and kin run commands or rewrite git’s configuration',
        names: ['SSH_ASKPASS', 'SSH_AUTH_SOCK', 'EDITOR', 'VISUAL', 'PAGER'],
        prefixes: ['GIT_'],
    },
    {
        label: 'container and cluster clients',
        why: 'point docker or kubectl at another daemon, or at a config that runs credential helpers',
        names: [
            'DOCKER_HOST',
            'DOCKER_CONFIG',
            'DOCKER_CERT_PATH',
            'DOCKER_TLS_VERIFY',
            'DOCKER_CONTEXT',
            'KUBECONFIG',
        ],
        prefixes: [],
    },
    {
        label: 'TLS trust and proxies',
        why: 'let a third party read or alter every HTTPS request (trusted CAs, key logs, proxies)',
        names: [
            'CURL_CA_BUNDLE',
            'REQUESTS_CA_BUNDLE',
            'SSLKEYLOGFILE',
            'HTTP_PROXY',
            'HTTPS_PROXY',
            'ALL_PROXY',
            'NO_PROXY',
            'FTP_PROXY',
        ],
        prefixes: ['SSL_CERT_'],
    },
    {
        label: 'home, temp and config folders',
        why: 'move where programs read their configuration (~/.gitconfig, ~/.npmrc) and write temp files',
        names: ['HOME', 'TMPDIR', 'TMP', 'TEMP', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA'],
        prefixes: ['XDG_'],
    },
    {
        label: 'GitHub Actions runner',
        why: 'the runner and later actions trust these (GITHUB_ENV, GITHUB_PATH, ACTIONS_RUNTIME_TOKEN, inputs, state)',
        names: ['CI'],
        prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_'],
    },
    {
        label: 'GitLab CI',
        why: 'predefined job variables later scripts and tools trust (refused on every platform: a registry serves both)',
        names: [],
        prefixes: ['CI_', 'GITLAB_'],
    },
    {
        label: 'names this product exports',
        why: 'AWS_*, VAULT_* and ASTL_* carry the credentials, endpoints and agent identity the job relies on',
        names: [],
        prefixes: ['AWS_', 'VAULT_', 'ASTL_'],
    },
];
/** The group that reserves `name` (compared upper-cased), if any. */
function reservedEnvGroup(name) {
    const upper = name.toUpperCase();
    return RESERVED_ENV_GROUPS.find((g) => g.names.includes(upper) || g.prefixes.some((p) => upper.startsWith(p)));
}
/** What is wrong with `name` as an exported variable, or undefined when it may be exported. */
function envNameProblem(name) {
    const group = reservedEnvGroup(name);
    if (group) {
        return {
            message: `${JSON.stringify(name)} cannot be exported: it is reserved (${group.label}: ${group.why})`,
            hint: `choose a name of your own, e.g. ${suggestEnvName(name)}; see "Environment names" in docs/security.md for the reserved names`,
        };
    }
    if (!ENV_NAME_PATTERN.test(name)) {
        return {
            message: `${JSON.stringify(name)} is not an environment variable name this product exports`,
            hint: `use upper-case letters, digits and _, not starting with a digit (${ENV_NAME_PATTERN.source}), e.g. ${suggestEnvName(name)}`,
        };
    }
    return undefined;
}
/**
 * Checks one exported name: undefined when fine, else an AstlError located at the registry
 * line or the input/flag (`location`), code `code` (default ENV_NAME_INVALID).
 */
function checkEnvName(name, where) {
    const problem = envNameProblem(name);
    if (!problem)
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${where.prefix ?? ''}${problem.message}`, {
        code: where.code ?? 'ENV_NAME_INVALID',
        location: where.location,
        hint: problem.hint,
    });
}
/** A safe name close to `name`: upper-cased, other characters `_`, prefixed when reserved. */
function suggestEnvName(name) {
    let s = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_') || 'SECRET';
    if (/^[0-9]/.test(s))
        s = `_${s}`;
    return reservedEnvGroup(s) ? `SECRET_${s}` : s;
}


/***/ }),

/***/ 3591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export secretForms */
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
    const location = check.location ?? { file: check.what };
    const prefix = check.location ? `${check.what} ` : '';
    const fail = (code, message, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${prefix}${message}`, { code, location, hint });
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
    const optIn = check.optIn ?? 'allow-insecure-http: true';
    throw fail(TRANSPORT_INSECURE, `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`, `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost); for a network you control end to end, opt in with ${optIn}`);
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

/***/ 6562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubClient: () => (/* reexport */ GitHubClient),
  loadPolicies: () => (/* reexport */ loadPolicies),
  matchingRules: () => (/* reexport */ matchingRules),
  runGate: () => (/* reexport */ runGate)
});

// UNUSED EXPORTS: EXPRESSION_LIMITS, budgetLimit, compileExpression, decide, deployPolicySchema, exitCodeFor, expressionVars, hostGlobProblem, hostMatches, hostsInParams, hostsInString, normalizeRepository, parseDeployPolicies, policySha256, redactParams, renderMarkdown, toGateImage

// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
;// CONCATENATED MODULE: ./packages/gate/hosts.ts
/**
 * Egress checks for `allowed_hosts`: which hosts a request's params name, and whether a host
 * matches an allowlist glob.
 *
 * Glob semantics (DNS labels, case-insensitive): `*` matches exactly one label, `**` matches one
 * or more labels, `*` inside a label matches within that label (`api-*.acme.internal`);
 * everything else is literal. So `*.acme.internal` allows `db.acme.internal` but neither
 * `acme.internal` nor `a.b.acme.internal`; `**.acme.internal` allows both of the latter but not
 * `acme.internal` itself.
 */
/** Characters that end a token: whitespace, quotes, brackets and punctuation hosts never hold. */
const SEPARATORS = /[\s"'<>`,;(){}|\\^]+/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** File extensions that make `name.ext` a file name rather than a host. */
const FILE_EXTENSIONS = new Set('yaml yml json txt md js mjs cjs ts py sh bash tar gz tgz zip png jpg jpeg gif svg log conf cfg toml xml html htm csv ini lock sql env key pem crt cer der tf tfvars hcl jar war exe dll so dylib bin rb go rs java kt c h cpp hpp cs php pl swift lua vue jsx tsx css scss map wasm pdf doc docx xls xlsx'.split(' '));
const LIMITS = { maxDepth: 32, maxStrings: 10_000, maxStringLength: 64 * 1024 };
function normalize(host) {
    return host
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '');
}
function isValidIpv4(s) {
    const parts = s.split('.');
    return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
function isHostname(name, needDot) {
    if (name.length === 0 || name.length > 253)
        return false;
    const labels = name.split('.');
    if (needDot && labels.length < 2)
        return false;
    if (!labels.every((l) => LABEL.test(l)))
        return false;
    return /^[a-z]/.test(labels[labels.length - 1]);
}
/** Looks at one token (no whitespace or quotes) for user@host, host:port, IPv4 or a dotted name. */
function hostInToken(token, found) {
    let t = token.toLowerCase();
    const at = t.lastIndexOf('@');
    const viaUser = at >= 0;
    if (viaUser)
        t = t.slice(at + 1);
    t = t.split('/')[0].replace(/[.:]+$/, '');
    if (t.startsWith('[')) {
        const ipv6 = /^\[([0-9a-f:.]+)\]/.exec(t);
        if (ipv6)
            found.add(ipv6[1]);
        return;
    }
    let withPort = false;
    const port = /:(\d{1,5})$/.exec(t);
    if (port) {
        t = t.slice(0, port.index);
        withPort = true;
    }
    if (t.includes(':') || t === '')
        return;
    if (isValidIpv4(t)) {
        found.add(t);
        return;
    }
    if (!isHostname(t, !(withPort || viaUser)))
        return;
    if (withPort && /^\d+$/.test(t))
        return; // "12:30" is a time, not a host
    const tld = t.slice(t.lastIndexOf('.') + 1);
    if (!withPort && !viaUser && FILE_EXTENSIONS.has(tld))
        return;
    found.add(t);
}
/**
 * Every host named in one string: URLs (any scheme), user@host, host:port, IPv4 and dotted
 * names. Linear in the string's length: it is split into tokens once, no backtracking regex.
 */
function hostsInString(text) {
    const found = new Set();
    const s = text.length > LIMITS.maxStringLength ? text.slice(0, LIMITS.maxStringLength) : text;
    for (const token of s.split(SEPARATORS)) {
        if (token === '')
            continue;
        if (!token.includes('://')) {
            hostInToken(token, found);
            continue;
        }
        // URLs, including ones nested in another URL's query (open redirects name hosts too), and
        // every path or query piece that looks like a host.
        let urls = 0;
        for (let i = token.indexOf('://'); i > 0 && urls++ < 16; i = token.indexOf('://', i + 3)) {
            let start = i;
            while (start > 0 && i - start < 32 && /[a-z0-9+.-]/i.test(token[start - 1]))
                start--;
            try {
                const url = new URL(token.slice(start));
                if (url.hostname)
                    found.add(normalize(url.hostname));
            }
            catch {
                // not a URL after all; the pieces below still look at it
            }
        }
        for (const piece of token.split(/:\/\/|[/?&=#]/))
            if (piece)
                hostInToken(piece, found);
    }
    return [...found];
}
/** Hosts named anywhere in params' string values, recursively (bounded depth and count). */
function hostsInParams(params) {
    const out = [];
    let strings = 0;
    const visit = (v, path, depth) => {
        if (depth > LIMITS.maxDepth || strings > LIMITS.maxStrings)
            return;
        if (typeof v === 'string') {
            strings++;
            for (const host of hostsInString(v))
                out.push({ host, path });
        }
        else if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++)
                visit(v[i], `${path}[${i}]`, depth + 1);
        }
        else if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v)) {
                visit(x, /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, depth + 1);
            }
        }
    };
    visit(params, 'params', 0);
    return out;
}
/** Why a glob is not usable, or undefined when it is fine. */
function hostGlobProblem(glob) {
    if (/[/?#@\s]/.test(glob) || glob.includes('://')) {
        return 'write a host name only, without scheme, user, path or spaces (e.g. "*.acme.internal")';
    }
    if (glob.includes(':') && !/^[0-9a-f:]+$/i.test(glob)) {
        return 'ports are not part of a host glob; drop the ":port"';
    }
    if (/^[0-9a-f:]+$/i.test(glob) && glob.includes(':'))
        return undefined; // IPv6 literal
    const labels = glob.split('.');
    for (const label of labels) {
        if (label === '')
            return 'empty label (two dots in a row, or a leading or trailing dot)';
        if (label === '**')
            continue;
        if (label.includes('**'))
            return '"**" must be a whole label, as in "**.acme.internal"';
        if (!/^[a-z0-9*-]+$/i.test(label))
            return `label "${label}" may hold only letters, digits, "-" and "*"`;
    }
    if (labels.every((l) => l === '*' || l === '**'))
        return 'a glob of wildcards only would allow every host';
    return undefined;
}
function labelMatches(label, pattern) {
    if (pattern === '*')
        return true;
    if (!pattern.includes('*'))
        return label === pattern;
    const parts = pattern.split('*');
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (i === 0) {
            if (!label.startsWith(part))
                return false;
            at = part.length;
        }
        else if (i === parts.length - 1) {
            return label.length - part.length >= at && label.endsWith(part);
        }
        else {
            const idx = label.indexOf(part, at);
            if (idx < 0)
                return false;
            at = idx + part.length;
        }
    }
    return at === label.length;
}
function labelsMatch(host, hi, glob, gi) {
    if (gi === glob.length)
        return hi === host.length;
    if (hi === host.length)
        return false;
    const g = glob[gi];
    if (g === '**') {
        for (let take = 1; hi + take <= host.length; take++) {
            if (labelsMatch(host, hi + take, glob, gi + 1))
                return true;
        }
        return false;
    }
    return labelMatches(host[hi], g) && labelsMatch(host, hi + 1, glob, gi + 1);
}
function hostMatches(host, glob) {
    const h = normalize(host);
    const g = normalize(glob);
    if (h.includes(':') || g.includes(':'))
        return h === g; // IPv6: literal only
    return labelsMatch(h.split('.'), 0, g.split('.'), 0);
}

;// CONCATENATED MODULE: ./packages/gate/decide.ts
/**
 * The decision: a pure, synchronous function of the request, the loaded policies and what the
 * caller already learned from the network (approvals, deploy count). No I/O, so it is fast
 * (well under a millisecond) and every rule can be unit-tested on its own.
 *
 * Fail closed: no matching policy is a deny; every rule of every matching policy applies (the
 * agent's own and `agent: "*"`), any deny wins; precedence is deny > approval_needed > allow.
 */


/** At most this many HOST_NOT_ALLOWED reasons per rule, so a huge params cannot flood a record. */
const MAX_HOST_REASONS = 20;
/** The rules (policy action entries) that apply to this agent and action. */
function matchingRules(request, policies) {
    const out = [];
    for (const p of policies.deploy) {
        if (p.agent !== '*' && p.agent !== request.agent)
            continue;
        for (const a of p.actions)
            if (a.name === request.action)
                out.push(a);
    }
    return out;
}
/** The tightest `max_per_day` of the matching rules, or undefined when none sets a budget. */
function budgetLimit(request, policies) {
    let limit;
    for (const r of matchingRules(request, policies)) {
        if (r.maxPerDay !== undefined)
            limit = limit === undefined ? r.maxPerDay : Math.min(limit, r.maxPerDay);
    }
    return limit;
}
/** The CLI's exit code for a decision (DESIGN.md): 0 allow, 1 deny, 2 approval_needed. */
function exitCodeFor(decision) {
    return decision === 'allow' ? 0 : decision === 'approval_needed' ? 2 : 1;
}
function expressionVars(request) {
    return {
        agent: request.agent,
        action: request.action,
        env: request.environment,
        images: request.images.map((i) => ({
            input: i.input,
            repository: i.repository ?? null,
            digest: i.digest ?? null,
            pinned: i.pinned ?? null,
        })),
        replicas: request.replicas === undefined || !Number.isFinite(request.replicas)
            ? null
            : BigInt(Math.trunc(request.replicas)),
        params: request.params,
    };
}
function ruleName(rule, key) {
    return `${rule.keyAt[key] ?? rule.at} ${key}`;
}
/** Evaluates a CEL rule; an evaluation error is a deny reason (EXPRESSION_ERROR). */
function evaluate(expr, vars, reasons) {
    const result = expr.evaluate(vars);
    if (typeof result === 'boolean')
        return result;
    reasons.push({
        code: 'EXPRESSION_ERROR',
        rule: expr.rule,
        message: `the expression \`${truncate(expr.source, 200)}\` failed: ${result.error}; an expression that cannot be evaluated denies. Guard optional params with has(), e.g. has(params.amount) && params.amount > 1000`,
    });
    return undefined;
}
function truncate(s, n) {
    return s.length > n ? `${s.slice(0, n)}…` : s;
}
function imageReasons(request, reasons) {
    request.images.forEach((image, i) => {
        const rule = `images[${i}]`;
        if (image.error) {
            reasons.push({ code: image.error.code, rule, message: `${image.input}: ${image.error.message}` });
        }
        else if (!image.digest) {
            reasons.push({
                code: 'IMAGE_UNRESOLVED',
                rule,
                message: `${image.input} could not be resolved to a digest; the gate never trusts a tag. Check the reference, or pin it as <repository>@sha256:<digest>`,
            });
        }
    });
}
function checkRule(rule, request, vars, context, reasons, hosts) {
    let approvalRequired = false;
    if (rule.allowedEnvironments && !rule.allowedEnvironments.includes(request.environment)) {
        reasons.push({
            code: 'ENVIRONMENT_NOT_ALLOWED',
            rule: ruleName(rule, 'allowed_environments'),
            message: `environment '${request.environment}' is not in allowed_environments [${rule.allowedEnvironments.join(', ')}]; deploy to one of those, or add '${request.environment}' to the policy`,
        });
    }
    if (rule.denyWhen && evaluate(rule.denyWhen, vars, reasons) === true) {
        reasons.push({
            code: 'DENY_WHEN',
            rule: rule.denyWhen.rule,
            message: `deny_when \`${truncate(rule.denyWhen.source, 200)}\` is true for this request; change the request so that it is false`,
        });
    }
    if (rule.allowedImages) {
        const allowed = rule.allowedImages;
        request.images.forEach((image, i) => {
            if (!image.digest)
                return; // already a deny reason of its own
            const ok = allowed.some((a) => 'digest' in a
                ? a.digest === image.digest
                : image.repository !== undefined && a.repository === image.repository);
            if (ok)
                return;
            const pinned = image.pinned ?? `${image.repository}@${image.digest}`;
            reasons.push({
                code: 'IMAGE_NOT_ALLOWED',
                rule: ruleName(rule, 'allowed_images'),
                message: `images[${i}] ${image.input} resolves to ${pinned}, which allowed_images does not list; deploy an allowed digest, or add \`- digest: ${image.digest}\`${image.repository ? ` (or \`- repository: ${image.repository}\`)` : ''} to the policy`,
            });
        });
    }
    if (rule.maxReplicas !== undefined &&
        request.replicas !== undefined &&
        request.replicas > rule.maxReplicas) {
        reasons.push({
            code: 'REPLICAS_OVER_LIMIT',
            rule: ruleName(rule, 'max_replicas'),
            message: `${request.replicas} replicas asked for; max_replicas is ${rule.maxReplicas}. Ask for at most ${rule.maxReplicas}, or raise the limit`,
        });
    }
    if (rule.maxPerDay !== undefined) {
        const budget = context.budget;
        if (!budget || budget.error !== undefined || budget.used === undefined) {
            reasons.push({
                code: 'BUDGET_CHECK_FAILED',
                rule: ruleName(rule, 'max_per_day'),
                message: `could not count this agent's deploys of the last 24 h${budget?.error ? `: ${budget.error}` : ''}; the gate fails closed. Give the job's token \`deployments: read\` and \`deployments: write\` (permissions: deployments: write)`,
            });
        }
        else if (budget.used >= rule.maxPerDay) {
            reasons.push({
                code: 'BUDGET_EXHAUSTED',
                rule: ruleName(rule, 'max_per_day'),
                message: `agent '${request.agent}' already has ${budget.used} allowed deploys in the last 24 h; max_per_day is ${rule.maxPerDay}. Wait until the oldest is 24 h old, or raise the budget`,
            });
        }
    }
    if (rule.allowedHosts) {
        const globs = rule.allowedHosts;
        let reported = 0;
        const seen = new Set();
        for (const { host, path } of hosts()) {
            if (seen.has(host) || globs.some((g) => hostMatches(host, g)))
                continue;
            seen.add(host);
            if (reported++ >= MAX_HOST_REASONS)
                break;
            reasons.push({
                code: 'HOST_NOT_ALLOWED',
                rule: ruleName(rule, 'allowed_hosts'),
                message: `${path} names host '${host}', which matches none of allowed_hosts [${globs.join(', ')}]; remove it from the request, or add it to allowed_hosts ("*" is one DNS label, "**" one or more)`,
            });
        }
    }
    if (rule.approvalNeeded !== undefined) {
        if (typeof rule.approvalNeeded === 'boolean')
            approvalRequired = rule.approvalNeeded;
        else
            approvalRequired = evaluate(rule.approvalNeeded, vars, reasons) === true;
    }
    return approvalRequired;
}
function agentPolicyReasons(request, policies, context, reasons) {
    const isProduction = context.isProduction ?? check/* isProductionEnvironment */.Fj;
    if (!isProduction(request.environment))
        return;
    for (const p of policies.agent) {
        const index = p.restrictions.indexOf('production-access');
        if (index < 0)
            continue;
        const rule = `${p.restrictionAt[index] ?? p.at} ${p.name} restrictions`;
        const appliesToAll = p.agentTypes.includes('*');
        if (request.agentType === undefined && !appliesToAll) {
            reasons.push({
                code: 'AGENT_TYPE_UNKNOWN',
                rule,
                message: `AgentPolicy '${p.name}' denies production-access to agent types [${p.agentTypes.join(', ')}], and the type of agent '${request.agent}' is unknown (no agent registry entry); the gate fails closed. Register the agent in agent-config.yaml with its type`,
            });
        }
        else if (appliesToAll ||
            (request.agentType !== undefined && p.agentTypes.includes(request.agentType))) {
            reasons.push({
                code: 'PRODUCTION_ACCESS_DENIED',
                rule,
                message: `AgentPolicy '${p.name}' denies production-access to ${appliesToAll ? 'every agent' : `agents of type '${request.agentType}'`}, and '${request.environment}' is a production-tier environment; deploy to a non-production environment, or have a human deploy`,
            });
        }
    }
}
function decide(request, policies, context = {}) {
    const reasons = [];
    const rules = matchingRules(request, policies);
    const limit = budgetLimit(request, policies);
    const decision = {
        decision: 'deny',
        reasons,
        matched: rules.map((r) => `${r.at} ${r.name}`),
        approval: { required: false },
        needsBudget: limit !== undefined,
    };
    if (limit !== undefined)
        decision.budget = { limit, used: context.budget?.used };
    imageReasons(request, reasons);
    agentPolicyReasons(request, policies, context, reasons);
    if (rules.length === 0) {
        const forAgent = policies.deploy.filter((p) => p.agent === request.agent || p.agent === '*');
        const known = [...new Set(forAgent.flatMap((p) => p.actions.map((a) => a.name)))];
        reasons.push({
            code: 'NO_POLICY',
            rule: policies.path,
            message: known.length > 0
                ? `no deploy policy lets agent '${request.agent}' do '${request.action}' (its policies cover: ${known.join(', ')}); the gate denies what no policy allows. Add an action '${request.action}' to a policy for this agent`
                : `no deploy policy names agent '${request.agent}' (or "*"); the gate denies what no policy allows. Add a policy with \`agent: ${request.agent}\` and an action '${request.action}'`,
        });
        return decision;
    }
    const vars = expressionVars(request);
    let hostCache;
    const hosts = () => {
        hostCache ??= hostsInParams(request.params);
        return hostCache;
    };
    let approvalRequired = false;
    for (const rule of rules) {
        if (checkRule(rule, request, vars, context, reasons, hosts))
            approvalRequired = true;
    }
    decision.approval.required = approvalRequired;
    if (reasons.length > 0)
        return decision;
    if (!approvalRequired) {
        decision.decision = 'allow';
        return decision;
    }
    const approvalRule = rules.find((r) => r.approvalNeeded !== undefined);
    const rule = approvalRule ? ruleName(approvalRule, 'approval_needed') : policies.path;
    const approval = context.approval;
    if (approval?.approvedBy) {
        decision.approval.approvedBy = approval.approvedBy;
        decision.decision = 'allow';
        return decision;
    }
    if (approval?.error) {
        reasons.push({
            code: 'APPROVAL_CHECK_FAILED',
            rule,
            message: `this request needs approval, and the run's approvals could not be read: ${approval.error}; the gate fails closed. Give the job's token \`actions: read\` (permissions: actions: read)`,
        });
        return decision;
    }
    decision.decision = 'approval_needed';
    reasons.push({
        code: 'APPROVAL_REQUIRED',
        rule,
        message: `this request needs approval by someone other than the agent: run the job in a GitHub environment named '${request.environment}' with required reviewers (Settings > Environments > Deployment protection rules), and have a reviewer approve the run`,
    });
    return decision;
}

// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(7337);
// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
// EXTERNAL MODULE: ./packages/core/index.ts
var core = __webpack_require__(5824);
;// CONCATENATED MODULE: ./packages/gate/expressions.ts
/**
 * CEL expressions for `approval_needed` and `deny_when`, through @marcbachmann/cel-js (a
 * sandboxed, non-Turing-complete evaluator). Expressions are parsed and type-checked once at
 * policy load; evaluation is a call on the compiled function.
 *
 * Guards against hostile policies:
 * - length, AST-size and nesting caps at parse time, and at most two nested comprehensions
 *   (map/filter/all/exists), so evaluation time stays bounded for bounded params;
 * - `matches()` runs on RE2 (re2js, linear time), never on JavaScript's backtracking RegExp. The
 *   library will not let its built-in `string.matches` be overridden, so the receiver form
 *   `x.matches(p)` is rewritten to the global form `matches(x, p)`, which we register on RE2.
 */



const EXPRESSION_LIMITS = {
    maxLength: 4096,
    maxDepth: 32,
    maxAstNodes: 2000,
    maxComprehensionNesting: 2,
    maxPatternLength: 1000,
};
const VARIABLES = ['agent', 'action', 'env', 'images', 'replicas', 'params'];
const COMPREHENSIONS = new Set(['map', 'filter', 'all', 'exists', 'exists_one']);
let sharedEnv;
const patternCache = new Map();
function re2(pattern) {
    let compiled = patternCache.get(pattern);
    if (!compiled) {
        if (pattern.length > EXPRESSION_LIMITS.maxPatternLength) {
            throw new Error(`regular expression longer than ${EXPRESSION_LIMITS.maxPatternLength} characters`);
        }
        try {
            compiled = build/* RE2JS */.L3.compile(pattern);
        }
        catch (err) {
            throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: ${err.message}`);
        }
        if (patternCache.size > 256)
            patternCache.clear();
        patternCache.set(pattern, compiled);
    }
    return compiled;
}
/** One environment for every policy: creating one is the expensive part. */
function expressionEnvironment() {
    sharedEnv ??= new lib/* Environment */.OH({
        unlistedVariablesAreDyn: false,
        limits: {
            maxAstNodes: EXPRESSION_LIMITS.maxAstNodes,
            maxDepth: EXPRESSION_LIMITS.maxDepth,
            maxListElements: 1000,
            maxMapEntries: 1000,
            maxCallArguments: 16,
        },
    })
        .registerVariable('agent', 'string', { description: 'the agent asking' })
        .registerVariable('action', 'string', { description: 'the action asked for, e.g. deploy' })
        .registerVariable('env', 'string', { description: 'the target environment' })
        .registerVariable('images', 'list', {
        description: 'resolved images: {input, repository, digest, pinned}',
    })
        .registerVariable('replicas', 'dyn', { description: 'requested replicas (int) or null' })
        .registerVariable('params', 'map', { description: "the request's parameters" })
        .registerFunction('matches(string, string): bool', (text, pattern) => re2(pattern).matcher(text).find());
    return sharedEnv;
}
function isNode(v) {
    return typeof v === 'object' && v !== null && typeof v.op === 'string';
}
function children(node) {
    const out = [];
    const visit = (v) => {
        if (isNode(v))
            out.push(v);
        else if (Array.isArray(v))
            for (const x of v)
                visit(x);
    };
    visit(node.args);
    return out;
}
/** The outermost `x.matches(p)` call, if any. */
function findReceiverMatches(node) {
    if (node.op === 'rcall' && Array.isArray(node.args) && node.args[0] === 'matches')
        return node;
    for (const c of children(node)) {
        const found = findReceiverMatches(c);
        if (found)
            return found;
    }
    return undefined;
}
function comprehensionNesting(node) {
    const here = node.op === 'rcall' && Array.isArray(node.args) && COMPREHENSIONS.has(String(node.args[0])) ? 1 : 0;
    let deepest = 0;
    for (const c of children(node))
        deepest = Math.max(deepest, comprehensionNesting(c));
    return here + deepest;
}
/** Rewrites every receiver-form `x.matches(p)` into `matches(x, p)` so that RE2 runs it. */
function rewriteMatches(source, env) {
    let text = source;
    for (let i = 0; i < 64; i++) {
        const ast = env.parse(text).ast;
        const call = findReceiverMatches(ast);
        if (!call)
            return text;
        const [, receiver, args] = call.args;
        const span = (n) => text.slice(n.start, n.end);
        const rewritten = `matches(${[receiver, ...args].map(span).join(', ')})`;
        text = text.slice(0, call.start) + rewritten + text.slice(call.end);
        if (text.length > EXPRESSION_LIMITS.maxLength * 2)
            break;
    }
    throw new Error('too many matches() calls');
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}
/**
 * Parses and type-checks an expression; a problem is an AstlError (POLICY_INVALID) at the
 * expression's file:line. `key` is the policy key (approval_needed, deny_when).
 */
function compileExpression(source, key, location) {
    const rule = `${(0,core/* formatLocation */.j$)({ file: location.file, line: location.line })} ${key}`;
    const fail = (why, hint) => new core/* AstlError */.Ht(`${key}: ${why}`, {
        code: 'POLICY_INVALID',
        location,
        hint: hint ??
            'write a CEL expression over agent, action, env, images, replicas and params that yields true or false, e.g. env == "production"',
    });
    if (source.length > EXPRESSION_LIMITS.maxLength) {
        throw fail(`the expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxLength}`);
    }
    if (source.trim() === '')
        throw fail('the expression is empty');
    const env = expressionEnvironment();
    let evaluate;
    try {
        const text = rewriteMatches(source, env);
        const parsed = env.parse(text);
        const nesting = comprehensionNesting(parsed.ast);
        if (nesting > EXPRESSION_LIMITS.maxComprehensionNesting) {
            throw fail(`${nesting} nested comprehensions (map/filter/all/exists); at most ${EXPRESSION_LIMITS.maxComprehensionNesting} are allowed`, 'flatten the expression; deeply nested comprehensions can take very long to evaluate');
        }
        const checked = parsed.check();
        if (!checked.valid) {
            const message = firstLine(checked.error?.message ?? 'type error');
            const unknown = /Unknown variable: (\w+)/.exec(message)?.[1];
            const guess = unknown
                ? ((0,core/* closest */.kp)(unknown, VARIABLES) ??
                    VARIABLES.find((v) => unknown.startsWith(v) || v.startsWith(unknown)))
                : undefined;
            throw fail(message, unknown
                ? `expressions see ${VARIABLES.join(', ')}${guess ? `; did you mean '${guess}'?` : ''}`
                : undefined);
        }
        if (checked.type !== 'bool' && checked.type !== 'dyn') {
            throw fail(`the expression yields ${checked.type}, not a boolean`, 'compare the value, e.g. params.amount > 1000');
        }
        for (const pattern of literalPatterns(parsed.ast))
            re2(pattern);
        evaluate = parsed;
    }
    catch (err) {
        if (err instanceof core/* AstlError */.Ht)
            throw err;
        throw fail(firstLine(err.message ?? String(err)));
    }
    return {
        source,
        rule,
        evaluate(vars) {
            let result;
            try {
                result = evaluate(vars);
            }
            catch (err) {
                return { error: firstLine(err instanceof Error ? err.message : String(err)) };
            }
            if (typeof result !== 'boolean') {
                return { error: `yielded ${describeValue(result)}, not true or false` };
            }
            return result;
        },
    };
}
/** String literals given to matches(): checked at load so a bad regex is a policy error. */
function literalPatterns(node) {
    const out = [];
    const visit = (n) => {
        if (n.op === 'call' && Array.isArray(n.args) && n.args[0] === 'matches') {
            const pattern = n.args[1]?.[1];
            if (pattern?.op === 'value' && typeof pattern.args === 'string')
                out.push(pattern.args);
        }
        for (const c of children(n))
            visit(c);
    };
    visit(node);
    return out;
}
function describeValue(v) {
    if (v === null || v === undefined)
        return 'null';
    if (typeof v === 'bigint')
        return `the int ${v}`;
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.slice(0, 40))}`;
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a map';
    return `${typeof v} ${String(v)}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/oci/docker-config.ts
/**
 * Registry credentials from a docker `config.json`, the file `docker login` and
 * `docker/login-action` write: `auths` entries keyed by host (`ghcr.io`), URL
 * (`https://ghcr.io`, `https://index.docker.io/v1/`), holding `auth` (base64 "user:password"),
 * `username`/`password`, or an `identitytoken` (an OAuth refresh token). Credential helpers
 * (`credsStore`, `credHelpers`) are external programs; we do not run them, and say so.
 *
 * GitLab runners hand the same JSON in the DOCKER_AUTH_CONFIG variable; it is read after the file.
 */



/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function defaultDockerConfigPath(env = process.env) {
    const dir = env['DOCKER_CONFIG'];
    if (dir)
        return (0,external_node_path_.join)(dir, 'config.json');
    return (0,external_node_path_.join)(env['HOME'] || (0,external_node_os_.homedir)(), '.docker', 'config.json');
}
function parseConfigText(text, origin) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { origin, problem: `${origin} is not valid JSON, so its credentials were not used` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { origin, problem: `${origin} is not a JSON object, so its credentials were not used` };
    }
    return { origin, config: value };
}
/** Reads the config file (a missing file is simply no credentials) and DOCKER_AUTH_CONFIG. */
function loadDockerConfig(path = defaultDockerConfigPath(), env = process.env) {
    const sources = [];
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
            sources.push({ origin: path, problem: `could not read ${path} (${code ?? 'error'})` });
        }
        else {
            sources.push({ origin: path });
        }
    }
    if (text !== undefined)
        sources.push(parseConfigText(text, path));
    const fromEnv = env['DOCKER_AUTH_CONFIG'];
    if (fromEnv?.trim())
        sources.push(parseConfigText(fromEnv, 'DOCKER_AUTH_CONFIG'));
    return sources;
}
/** Docker Hub answers to several names; config files use any of them. */
const DOCKER_HUB_HOSTS = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
/** `https://index.docker.io/v1/` -> `index.docker.io`; `GHCR.io` -> `ghcr.io`. */
function normaliseAuthKey(key) {
    let host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const slash = host.indexOf('/');
    if (slash >= 0)
        host = host.slice(0, slash);
    return host.toLowerCase();
}
function hostsFor(registry) {
    const host = registry.toLowerCase();
    return DOCKER_HUB_HOSTS.includes(host) ? DOCKER_HUB_HOSTS : [host];
}
function entryCredentials(entry, where) {
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
        return { identityToken: entry.identitytoken, description: `identity token from ${where}` };
    }
    if (typeof entry.registrytoken === 'string' && entry.registrytoken !== '') {
        return { registryToken: entry.registrytoken, description: `registry token from ${where}` };
    }
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) {
            return {
                username: decoded.slice(0, colon),
                password: decoded.slice(colon + 1),
                description: `"auth" (username:password) from ${where}`,
            };
        }
    }
    if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
        return {
            username: entry.username,
            password: entry.password,
            description: `username/password from ${where}`,
        };
    }
    return undefined;
}
/** Credentials for `registry` (a host[:port] as in an image reference), with notes on what was skipped. */
function findCredentials(sources, registry) {
    const notes = [];
    const hosts = hostsFor(registry);
    for (const source of sources) {
        if (source.problem)
            notes.push(source.problem);
        const config = source.config;
        if (!config)
            continue;
        const auths = config.auths && typeof config.auths === 'object' ? config.auths : {};
        for (const [key, entry] of Object.entries(auths)) {
            if (!hosts.includes(normaliseAuthKey(key)) || !entry || typeof entry !== 'object')
                continue;
            const where = `auths[${JSON.stringify(key)}] in ${source.origin}`;
            const credentials = entryCredentials(entry, where);
            if (credentials)
                return { credentials, notes };
            notes.push(`${where} has no usable auth, username/password or identitytoken`);
        }
        const helper = Object.entries(config.credHelpers ?? {}).find(([k]) => hosts.includes(normaliseAuthKey(k)))?.[1];
        if (typeof helper === 'string') {
            notes.push(`${source.origin} names credential helper "docker-credential-${helper}" for ${registry}; astl does not run credential helpers`);
        }
        else if (typeof config.credsStore === 'string' && config.credsStore !== '') {
            notes.push(`${source.origin} keeps credentials in "docker-credential-${config.credsStore}" (credsStore); astl does not run credential helpers`);
        }
    }
    return { notes };
}

;// CONCATENATED MODULE: ./packages/oci/reference.ts
/**
 * Image references as docker, kubectl and containerd read them: the grammar and normalisation of
 * docker/distribution's `reference` package (`ParseNormalizedNamed`), so `ubuntu`,
 * `docker.io/library/ubuntu:latest` and `index.docker.io/library/ubuntu` all name one image.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] component ("/" component)*
 *   domain    := host [":" port]        (first component, only if it has "." or ":" or is "localhost")
 *   component := [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := "sha256:" 64 lowercase hex   (the only algorithm registries and the gate use)
 */

const DEFAULT_REGISTRY = 'docker.io';
const DEFAULT_TAG = 'latest';
/** docker/distribution's NameTotalLengthMax: the whole name, registry included. */
const NAME_MAX_LENGTH = 255;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
/** docker refuses a bare 64-hex string: it is an image ID, not a name. */
const IMAGE_ID = /^[a-f0-9]{64}$/;
const EXAMPLE = 'ghcr.io/acme/app:1.4.2, nginx:1.27, or registry.example.com:5000/team/app@sha256:<64 hex>';
function invalid(input, why, hint) {
    return new core/* AstlError */.Ht(`invalid image reference ${JSON.stringify(reference_truncate(input))}: ${why}`, {
        code: 'IMAGE_REFERENCE_INVALID',
        hint: hint ?? `Write it as ${EXAMPLE}.`,
    });
}
function reference_truncate(s) {
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
/** True when the text before the first "/" names a registry rather than a Docker Hub namespace. */
function looksLikeDomain(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost';
}
function checkDigest(input, digest) {
    const colon = digest.indexOf(':');
    if (colon <= 0) {
        throw invalid(input, `the digest "${reference_truncate(digest)}" is not of the form sha256:<64 hex>`);
    }
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    if (algorithm !== 'sha256') {
        if (!DIGEST_ALGORITHM.test(algorithm)) {
            throw invalid(input, `the digest "${reference_truncate(digest)}" is not of the form sha256:<64 hex>`);
        }
        throw invalid(input, `unsupported digest algorithm "${reference_truncate(algorithm)}": only sha256 digests are accepted`, 'Pin the image by its sha256 digest, as `docker buildx imagetools inspect <image>` or `crane digest <image>` print it.');
    }
    if (!SHA256_HEX.test(hex)) {
        const why = hex.toLowerCase() !== hex && SHA256_HEX.test(hex.toLowerCase())
            ? 'sha256 digests are lowercase hex'
            : `a sha256 digest has exactly 64 lowercase hex characters, this one has ${hex.length}`;
        throw invalid(input, why, 'Copy the full digest, e.g. from `crane digest <image>`.');
    }
}
function checkDomain(input, domain) {
    let host = domain;
    let port;
    if (domain.startsWith('[')) {
        const close = domain.indexOf(']');
        host = close < 0 ? domain : domain.slice(0, close + 1);
        const rest = close < 0 ? '' : domain.slice(close + 1);
        if (rest !== '') {
            if (!rest.startsWith(':'))
                throw invalid(input, `the registry "${reference_truncate(domain)}" is not a valid host`);
            port = rest.slice(1);
        }
        if (!IPV6_HOST.test(host))
            throw invalid(input, `the registry "${reference_truncate(domain)}" is not a valid host`);
    }
    else {
        const colon = domain.indexOf(':');
        if (colon >= 0) {
            host = domain.slice(0, colon);
            port = domain.slice(colon + 1);
        }
        if (host === '' || !host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) {
            throw invalid(input, `the registry "${reference_truncate(domain)}" is not a valid host name`, 'A registry is a host name with an optional port, like ghcr.io or localhost:5000.');
        }
    }
    if (port !== undefined && !PORT.test(port)) {
        throw invalid(input, `the registry port "${reference_truncate(port)}" is not a number`);
    }
}
/**
 * Parses and normalises an image reference. Throws AstlError IMAGE_REFERENCE_INVALID, with a
 * specific reason, for anything docker would refuse (and for digests other than sha256).
 */
function parseImageReference(text) {
    if (typeof text !== 'string')
        throw invalid(String(text), 'expected a string');
    const input = text.trim();
    if (input === '')
        throw invalid(text, 'it is empty');
    if (/\s/.test(input))
        throw invalid(input, 'it contains whitespace');
    if (IMAGE_ID.test(input)) {
        throw invalid(input, 'a bare 64-character hex string is an image ID, not a repository name', 'Name the repository and pin the digest: <repository>@sha256:<64 hex>.');
    }
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (digest.includes('@'))
            throw invalid(input, 'it has more than one "@"');
        checkDigest(input, digest);
    }
    // The tag follows the last ":" after the last "/"; an earlier ":" belongs to a registry port.
    let tag;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag)) {
            throw invalid(input, tag === ''
                ? 'the tag after ":" is empty'
                : `the tag "${reference_truncate(tag)}" is not valid: tags are 1-128 of letters, digits, "_", "." and "-", not starting with "." or "-"`);
        }
    }
    if (rest === '')
        throw invalid(input, 'the repository name is missing');
    let registry = DEFAULT_REGISTRY;
    let path = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0 && looksLikeDomain(rest.slice(0, slash))) {
        registry = rest.slice(0, slash);
        path = rest.slice(slash + 1);
        checkDomain(input, registry);
    }
    if (registry === 'index.docker.io')
        registry = DEFAULT_REGISTRY;
    if (registry === DEFAULT_REGISTRY && !path.includes('/'))
        path = `library/${path}`;
    if (path.toLowerCase() !== path) {
        throw invalid(input, `repository names must be lowercase ("${reference_truncate(path)}")`, `Use "${reference_truncate(path.toLowerCase())}": registries only accept lowercase repository names.`);
    }
    const components = path.split('/');
    for (const component of components) {
        if (component === '')
            throw invalid(input, 'the repository path has an empty component ("//" or a trailing "/")');
        if (!COMPONENT.test(component)) {
            throw invalid(input, `"${reference_truncate(component)}" is not a valid repository path component: use lowercase letters and digits, separated by ".", "_", "__" or "-"`);
        }
    }
    const name = `${registry}/${path}`;
    if (name.length > NAME_MAX_LENGTH) {
        throw invalid(input, `the repository name is ${name.length} characters long; the limit is ${NAME_MAX_LENGTH} (registry included)`);
    }
    if (tag === undefined && digest === undefined)
        tag = DEFAULT_TAG;
    const suffix = (tag !== undefined ? `:${tag}` : '') + (digest !== undefined ? `@${digest}` : '');
    const ref = {
        registry,
        repository: path,
        name,
        canonical: `${name}${suffix}`,
        familiar: `${familiarName(registry, path)}${suffix}`,
    };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** `ubuntu` for docker.io/library/ubuntu, `acme/app` for docker.io/acme/app, else registry/path. */
function familiarName(registry, repository) {
    if (registry !== DEFAULT_REGISTRY)
        return `${registry}/${repository}`;
    return repository.startsWith('library/') && repository.indexOf('/', 8) < 0
        ? repository.slice(8)
        : repository;
}
/** True for a well-formed `sha256:<64 lowercase hex>`. */
function isSha256Digest(value) {
    return value.startsWith('sha256:') && SHA256_HEX.test(value.slice(7));
}
/**
 * The reference a deploy should use: `registry/repository@sha256:…`, fully qualified
 * (`docker.io/library/nginx@sha256:…` for Docker Hub) so docker, kubectl and containerd all read
 * it the same way. The tag is dropped: with a digest present, runtimes ignore it anyway.
 */
function pinned(ref, digest) {
    if (!isSha256Digest(digest)) {
        throw new core/* AstlError */.Ht(`cannot pin ${ref.registry}/${ref.repository} to "${reference_truncate(digest)}": not a sha256 digest`, {
            code: 'IMAGE_REFERENCE_INVALID',
        });
    }
    return `${ref.registry}/${ref.repository}@${digest}`;
}
/**
 * A repository without tag or digest, as policies name them (`allowed_images: - repository:
 * ghcr.io/acme/app`), normalised like an image reference: `nginx` -> `docker.io/library/nginx`.
 * Compare the result's `name` with a resolved image's `reference.name`.
 */
function parseRepository(text) {
    const input = typeof text === 'string' ? text.trim() : '';
    const ref = parseImageReference(input);
    const hasTag = input.lastIndexOf(':') > input.lastIndexOf('/');
    if (ref.digest !== undefined || hasTag) {
        throw new AstlError(`invalid repository ${JSON.stringify(reference_truncate(input))}: a repository has no tag or digest`, {
            code: 'IMAGE_REFERENCE_INVALID',
            hint: `Write just the repository, e.g. ${ref.name}, or allow one image with "digest: sha256:<64 hex>".`,
        });
    }
    return { registry: ref.registry, repository: ref.repository, name: ref.name };
}

;// CONCATENATED MODULE: ./packages/oci/www-authenticate.ts
/**
 * `WWW-Authenticate` challenges (RFC 7235): `Bearer realm="https://auth.example/token",
 * service="registry.example",scope="repository:a/b:pull,push"`. Quoted values may hold commas
 * and backslash escapes, and one header may carry several challenges (`Basic realm="x", Bearer …`),
 * so this is a small tokenizer rather than a split on ",".
 */
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
function parseWwwAuthenticate(header) {
    if (!header)
        return [];
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && TOKEN_CHAR.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    const readQuoted = () => {
        // header[i] is the opening quote.
        i++;
        let out = '';
        while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n)
                i++;
            out += header[i];
            i++;
        }
        i++; // closing quote (or end of input)
        return out;
    };
    let current;
    while (i < n) {
        skipSpace();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const start = i;
        const word = readToken();
        if (word === '') {
            i = start + 1; // not a token character: skip it rather than loop forever
            continue;
        }
        skipSpace();
        if (header[i] === '=' && current) {
            // auth-param of the current challenge (token68 values of `=` padding are not used by registries).
            i++;
            skipSpace();
            const value = header[i] === '"' ? readQuoted() : readToken();
            current.params[word.toLowerCase()] = value;
        }
        else {
            current = { scheme: word.toLowerCase(), params: {} };
            challenges.push(current);
        }
    }
    return challenges;
}

;// CONCATENATED MODULE: ./packages/oci/client.ts
/**
 * Resolves image references to the digests a registry serves for them, through the OCI
 * Distribution API: `HEAD /v2/<name>/manifests/<tag-or-digest>` with every manifest media type
 * in `Accept`, read `Docker-Content-Digest` (or GET and hash the exact bytes when a registry
 * leaves it out). Bearer-token and basic auth from a docker config file. Every failure is a
 * per-image result with a specific code, never a throw: the gate turns those codes into denials.
 */





const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
/** Sent on every manifest request, so the registry answers with the stored manifest as is. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifestList,
    MEDIA_TYPES.dockerManifest,
].join(', ');
const KNOWN_MEDIA_TYPES = new Set(Object.values(MEDIA_TYPES));
const INDEX_MEDIA_TYPES = new Set([
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerManifestList,
]);
/** The distribution spec's limit for a manifest a registry must accept; anything larger is refused. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Loopback registries are plain http, as docker treats them. */
function isLoopbackHost(host) {
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
function hostOf(registry) {
    if (registry.startsWith('['))
        return registry.slice(0, registry.indexOf(']') + 1);
    const colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.slice(0, colon);
}
/** The insecure-registry list from the option and ASTL_INSECURE_REGISTRIES (comma or space separated). */
function insecureRegistryList(option, env) {
    const fromEnv = (env['ASTL_INSECURE_REGISTRIES'] ?? '').split(/[\s,]+/);
    return new Set([...(option ?? []), ...fromEnv]
        .map((s) => s
        .trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .toLowerCase())
        .filter(Boolean));
}
/** `http://…` or `https://…` plus the API host (`registry-1.docker.io` for Docker Hub). */
function registryBaseUrl(registry, insecure) {
    const lower = registry.toLowerCase();
    const host = hostOf(lower);
    const plain = isLoopbackHost(host) || insecure.has(lower) || insecure.has(host);
    const apiHost = lower === 'docker.io' ? 'registry-1.docker.io' : lower;
    return `${plain ? 'http' : 'https'}://${apiHost}`;
}
/** A status worth retrying (5xx, 429, 408), with the server's requested wait. */
class RetryableStatus extends Error {
    status;
    url;
    retryAfterMs;
    constructor(status, url, retryAfterMs) {
        super(`HTTP ${status} from ${url}`);
        this.status = status;
        this.url = url;
        this.retryAfterMs = retryAfterMs;
    }
}
/** The registry or its token service refused the credentials (or their absence). */
class AuthRefused extends Error {
}
/** 429 with a Retry-After longer than the time left. */
class RateLimitedBeyondDeadline extends Error {
}
/** A registry answer that is not usable (bad digest header on a digest request, oversized manifest, …). */
class RegistryProtocolError extends Error {
}
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** Transport faults described by their Node error code: "connection refused (ECONNREFUSED)". */
function describeTransportFault(err) {
    const names = {
        ECONNREFUSED: 'connection refused',
        ECONNRESET: 'connection reset',
        ENOTFOUND: 'host name not found (DNS)',
        EAI_AGAIN: 'DNS lookup failed',
        ETIMEDOUT: 'connection timed out',
        EHOSTUNREACH: 'host unreachable',
        ENETUNREACH: 'network unreachable',
        UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
        UND_ERR_SOCKET: 'connection closed',
        CERT_HAS_EXPIRED: 'TLS certificate expired',
        DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
        UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
        ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
    };
    const messages = [];
    for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
        if (!(e instanceof Error))
            break;
        if (e instanceof RetryableStatus)
            return e.message;
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            return 'request timed out';
        const code = e.code;
        if (typeof code === 'string')
            return names[code] ? `${names[code]} (${code})` : `${e.message} (${code})`;
        messages.push(e.message);
    }
    // No error code anywhere (undici's "fetch failed" wraps the reason): show the whole chain.
    return messages.length ? messages.join(': ') : String(err);
}
function mediaTypeOf(contentType) {
    const value = contentType?.split(';')[0]?.trim().toLowerCase();
    return value ? value : undefined;
}
/**
 * One resolution session: token cache and in-flight sharing per registry and scope, one deadline.
 * `resolveImages` creates one per call; keep one to resolve several batches with shared tokens.
 */
class RegistryClient {
    fetchImpl;
    deadline;
    attemptTimeoutMs;
    attempts;
    retryBaseDelayMs;
    insecure;
    configPath;
    env;
    log;
    sleep;
    userAgent;
    registries = new Map();
    configSources;
    inFlight = new Map();
    concurrency;
    constructor(options = {}) {
        this.env = options.env ?? process.env;
        this.fetchImpl = options.fetch ?? fetch;
        this.deadline = new core/* Deadline */.B2(options.deadlineMs ?? 60_000);
        this.attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
        this.attempts = Math.max(1, options.attempts ?? 4);
        this.retryBaseDelayMs = options.retryBaseDelayMs ?? 250;
        this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
        this.insecure = insecureRegistryList(options.insecureRegistries, this.env);
        this.configPath = options.dockerConfigPath ?? defaultDockerConfigPath(this.env);
        this.log = options.log ?? (() => { });
        this.sleep = options.sleep ?? core/* defaultSleep */.JG;
        this.userAgent = options.userAgent ?? 'astl-agent-credentials';
    }
    /** Resolves one reference; equal references in one session share one resolution. */
    resolve(input) {
        let reference;
        try {
            reference = parseImageReference(input);
        }
        catch (err) {
            const message = err instanceof core/* AstlError */.Ht ? err.message : String(err);
            return Promise.resolve({ input, isIndex: false, error: { code: 'IMAGE_REFERENCE_INVALID', message } });
        }
        let shared = this.inFlight.get(reference.canonical);
        if (!shared) {
            shared = this.resolveParsed(reference);
            this.inFlight.set(reference.canonical, shared);
        }
        return shared.then((r) => ({ ...r, input }));
    }
    async resolveParsed(reference) {
        const base = { input: reference.canonical, reference, isIndex: false };
        const name = `${reference.registry}/${reference.repository}`;
        try {
            const lookup = reference.tag ?? reference.digest;
            const answer = await this.manifestDigest(reference, lookup);
            if (!answer.found || !answer.digest) {
                const what = reference.tag
                    ? `tag "${reference.tag}" of ${name}`
                    : `manifest ${reference.digest} in ${name}`;
                return fail(base, 'IMAGE_NOT_FOUND', `${what} does not exist (the registry answered 404: MANIFEST_UNKNOWN or NAME_UNKNOWN)`);
            }
            if (reference.digest && answer.digest !== reference.digest) {
                return fail(base, 'DIGEST_MISMATCH', reference.tag
                    ? `${name}:${reference.tag} now points to ${answer.digest}, but the reference pins ${reference.digest}`
                    : `${name} answered ${answer.digest} when asked for ${reference.digest}`);
            }
            const result = {
                ...base,
                digest: answer.digest,
                pinned: pinned(reference, answer.digest),
                isIndex: answer.mediaType !== undefined && INDEX_MEDIA_TYPES.has(answer.mediaType),
            };
            if (answer.mediaType)
                result.mediaType = answer.mediaType;
            return result;
        }
        catch (err) {
            return fail(base, ...this.classify(err, reference));
        }
    }
    classify(err, reference) {
        const name = `${reference.registry}/${reference.repository}`;
        if (err instanceof AuthRefused)
            return ['REGISTRY_AUTH', err.message];
        if (err instanceof RateLimitedBeyondDeadline)
            return ['RATE_LIMITED', err.message];
        if (err instanceof RegistryProtocolError)
            return ['REGISTRY_UNREACHABLE', err.message];
        if (err instanceof core/* AstlError */.Ht) {
            const code = err.code;
            return [code, err.message];
        }
        if (err instanceof core/* RetryExhaustedError */.aB) {
            const last = err.lastError;
            const why = err.deadlineHit
                ? `within the ${Math.round(this.deadline.totalMs / 100) / 10}s deadline`
                : `after ${err.attempts} attempts`;
            if (last instanceof RetryableStatus && last.status === 429) {
                return [
                    'RATE_LIMITED',
                    `registry ${reference.registry} kept answering 429 Too Many Requests for ${name} ${why}`,
                ];
            }
            const fault = last === undefined ? 'no attempt could be made' : describeTransportFault(last);
            return ['REGISTRY_UNREACHABLE', `could not resolve ${name} ${why}: ${fault}`];
        }
        if ((0,core/* isNetworkFault */.d$)(err)) {
            return [
                'REGISTRY_UNREACHABLE',
                `could not reach registry ${reference.registry}: ${describeTransportFault(err)}`,
            ];
        }
        return [
            'REGISTRY_UNREACHABLE',
            `resolving ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
        ];
    }
    /** HEAD the manifest; fall back to GET + sha256 when the digest header is missing or not sha256. */
    async manifestDigest(reference, lookup) {
        const head = await this.manifestRequest(reference, lookup, 'HEAD');
        if (!head.found)
            return head;
        if (head.digest && isSha256Digest(head.digest))
            return head;
        const got = await this.manifestRequest(reference, lookup, 'GET');
        if (!got.found)
            return got;
        return { found: true, digest: got.digest, mediaType: got.mediaType ?? head.mediaType };
    }
    async manifestRequest(reference, lookup, method) {
        const url = `${registryBaseUrl(reference.registry, this.insecure)}/v2/${reference.repository}/manifests/${lookup}`;
        return this.retrying(`${method} ${url}`, async (signal) => {
            const res = await this.authorizedFetch(reference, url, method, signal);
            if (res.status === 404) {
                await res.body?.cancel();
                return { found: false };
            }
            if (res.status !== 200) {
                await res.body?.cancel();
                if (res.status === 400) {
                    throw new core/* AstlError */.Ht(`registry ${reference.registry} rejected the name or reference of ${reference.canonical} (HTTP 400)`, { code: 'IMAGE_REFERENCE_INVALID' });
                }
                throw new RegistryProtocolError(`registry ${reference.registry} answered HTTP ${res.status} for ${reference.registry}/${reference.repository}`);
            }
            const headerDigest = res.headers.get('docker-content-digest')?.trim();
            let mediaType = mediaTypeOf(res.headers.get('content-type'));
            if (method === 'HEAD') {
                await res.body?.cancel();
                return { found: true, digest: headerDigest, mediaType };
            }
            const length = Number(res.headers.get('content-length') ?? '0');
            if (length > MAX_MANIFEST_BYTES) {
                await res.body?.cancel();
                throw new RegistryProtocolError(`the manifest of ${reference.canonical} is larger than 4 MiB`);
            }
            const bytes = Buffer.from(await res.arrayBuffer());
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new RegistryProtocolError(`the manifest of ${reference.canonical} is larger than 4 MiB`);
            }
            // Hash only what is really a v2 manifest: a proxy's HTML page must not become a "digest".
            let parsed;
            try {
                parsed = JSON.parse(bytes.toString('utf8'));
            }
            catch {
                parsed = undefined;
            }
            if (!parsed || typeof parsed !== 'object' || parsed.schemaVersion !== 2) {
                throw new RegistryProtocolError(`registry ${reference.registry} answered ${reference.canonical} with something that is not an image manifest (schema version 2)${mediaType ? ` (${mediaType})` : ''}`);
            }
            if (typeof parsed.mediaType === 'string' && (!mediaType || !KNOWN_MEDIA_TYPES.has(mediaType))) {
                mediaType = parsed.mediaType;
            }
            const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
            return { found: true, digest, mediaType };
        });
    }
    /** withRetry on network faults, 5xx and 429, honouring Retry-After while the deadline allows. */
    retrying(what, op) {
        let serverDelayMs;
        return (0,core/* withRetry */.bD)(async (signal) => {
            serverDelayMs = undefined;
            return op(signal);
        }, {
            attempts: this.attempts,
            baseDelayMs: this.retryBaseDelayMs,
            maxDelayMs: 5_000,
            attemptTimeoutMs: this.attemptTimeoutMs,
            deadline: this.deadline,
            what,
            // A nested retry (the token fetch) that gave up is final: do not multiply attempts.
            isRetryable: (err) => !(err instanceof core/* RetryExhaustedError */.aB) && (err instanceof RetryableStatus || (0,core/* isNetworkFault */.d$)(err)),
            onRetry: ({ attempt, delayMs, error }) => {
                if (error instanceof RetryableStatus)
                    serverDelayMs = error.retryAfterMs;
                const wait = Math.max(delayMs, serverDelayMs ?? 0);
                this.log(`${what}: ${describeTransportFault(error)}; retry ${attempt} in ${wait} ms`);
            },
            sleep: (ms) => this.sleep(Math.min(Math.max(ms, serverDelayMs ?? 0), this.deadline.remainingMs())),
        });
    }
    state(registry) {
        let state = this.registries.get(registry);
        if (!state) {
            state = { tokens: new Map() };
            this.registries.set(registry, state);
        }
        return state;
    }
    credentialsFor(registry) {
        const state = this.state(registry);
        if (!state.credentials) {
            this.configSources ??= loadDockerConfig(this.configPath, this.env);
            state.credentials = findCredentials(this.configSources, registry);
            for (const note of state.credentials.notes)
                this.log(note);
        }
        return state.credentials;
    }
    describeTried(registry, scheme) {
        const lookup = this.credentialsFor(registry);
        const tried = lookup.credentials
            ? lookup.credentials.description
            : `no credentials (none for ${registry} in ${this.configPath})`;
        const notes = lookup.notes.length ? `; ${lookup.notes.join('; ')}` : '';
        return `${scheme} auth with ${tried}${notes}`;
    }
    /** Sends the request, authenticating up front when the registry's challenge is known, else after a 401. */
    async authorizedFetch(reference, url, method, signal) {
        const state = this.state(reference.registry);
        const scope = `repository:${reference.repository}:pull`;
        const send = async (authorization) => {
            const headers = { Accept: MANIFEST_ACCEPT, 'User-Agent': this.userAgent };
            if (authorization)
                headers['Authorization'] = authorization;
            const res = await this.fetchImpl(url, { method, headers, signal, redirect: 'follow' });
            if ((0,core/* isRetryableStatus */.PS)(res.status)) {
                await res.body?.cancel();
                const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
                if (res.status === 429 && retryAfterMs !== undefined && retryAfterMs > this.deadline.remainingMs()) {
                    throw new RateLimitedBeyondDeadline(`registry ${reference.registry} rate-limited requests for ${reference.repository} (429) and asked to wait ${Math.ceil(retryAfterMs / 1000)}s, longer than the time left`);
                }
                throw new RetryableStatus(res.status, url, retryAfterMs);
            }
            return res;
        };
        let authorization = state.challenge
            ? await this.authorization(reference, state.challenge, scope)
            : undefined;
        let res = await send(authorization);
        if (res.status === 401) {
            await res.body?.cancel();
            const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate'));
            const challenge = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
            if (!challenge) {
                throw new AuthRefused(`registry ${reference.registry} answered 401 for ${reference.repository} without a Bearer or Basic challenge`);
            }
            if (authorization && state.challenge?.scheme === 'bearer') {
                // The cached token was refused (expired or revoked): fetch a new one once.
                state.tokens.delete(scope);
            }
            else if (authorization) {
                throw this.refused(reference, 401, challenge.scheme);
            }
            state.challenge = challenge;
            authorization = await this.authorization(reference, challenge, scope);
            res = await send(authorization);
        }
        if (res.status === 401 || res.status === 403) {
            await res.body?.cancel();
            throw this.refused(reference, res.status, state.challenge?.scheme ?? 'no');
        }
        return res;
    }
    refused(reference, status, scheme) {
        return new AuthRefused(`registry ${reference.registry} refused pull access to ${reference.repository} (HTTP ${status}) using ${this.describeTried(reference.registry, scheme)}. ` +
            'Log in first (docker/login-action writes ~/.docker/config.json), check the credentials can pull this repository, ' +
            'and check the repository name: registries also answer 401 for repositories that do not exist');
    }
    async authorization(reference, challenge, scope) {
        const credentials = this.credentialsFor(reference.registry).credentials;
        if (challenge.scheme === 'basic') {
            if (!credentials?.username || credentials.password === undefined) {
                throw new AuthRefused(`registry ${reference.registry} requires basic auth for ${reference.repository} but there are ${this.describeTried(reference.registry, 'basic').replace(/^basic auth with /, '')}. Log in first (docker/login-action writes ~/.docker/config.json)`);
            }
            return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        if (challenge.scheme === 'bearer') {
            if (credentials?.registryToken)
                return `Bearer ${credentials.registryToken}`;
            const token = await this.token(reference, challenge, scope, credentials);
            return `Bearer ${token}`;
        }
        throw new AuthRefused(`registry ${reference.registry} asks for "${challenge.scheme}" auth, which astl does not support (only Bearer and Basic)`);
    }
    /** One token per registry and scope, shared by concurrent requests, refreshed shortly before expiry. */
    async token(reference, challenge, scope, credentials) {
        const state = this.state(reference.registry);
        const cached = state.tokens.get(scope);
        if (cached) {
            try {
                const value = await cached.promise;
                if (value.expiresAt - Date.now() > 10_000)
                    return value.token;
            }
            catch {
                // A failed fetch is not cached: fall through to a new one.
            }
            if (state.tokens.get(scope) === cached)
                state.tokens.delete(scope);
            const again = state.tokens.get(scope);
            if (again)
                return (await again.promise).token;
        }
        const entry = { promise: this.fetchToken(reference, challenge, scope, credentials) };
        state.tokens.set(scope, entry);
        entry.promise.catch(() => {
            if (state.tokens.get(scope) === entry)
                state.tokens.delete(scope);
        });
        return (await entry.promise).token;
    }
    async fetchToken(reference, challenge, scope, credentials) {
        const realm = challenge.params['realm'];
        let realmUrl;
        try {
            realmUrl = new URL(realm ?? '');
        }
        catch {
            throw new AuthRefused(`registry ${reference.registry} sent a Bearer challenge without a valid realm URL; cannot get a token`);
        }
        // Never send credentials to a plain-http token service unless it is local or declared insecure.
        const plainAllowed = realmUrl.protocol === 'https:' ||
            isLoopbackHost(realmUrl.hostname) ||
            this.insecure.has(realmUrl.host.toLowerCase()) ||
            this.insecure.has(realmUrl.hostname.toLowerCase());
        const usable = credentials && plainAllowed ? credentials : undefined;
        const service = challenge.params['service'];
        const what = `token request to ${realmUrl.origin}${realmUrl.pathname}`;
        const body = await this.retrying(what, async (signal) => {
            let res;
            const headers = { 'User-Agent': this.userAgent, Accept: 'application/json' };
            if (usable?.identityToken) {
                const form = new URLSearchParams({
                    grant_type: 'refresh_token',
                    refresh_token: usable.identityToken,
                    client_id: 'astl-agent-credentials',
                    scope,
                });
                if (service)
                    form.set('service', service);
                headers['Content-Type'] = 'application/x-www-form-urlencoded';
                res = await this.fetchImpl(realmUrl, { method: 'POST', headers, body: form.toString(), signal });
            }
            else {
                const url = new URL(realmUrl);
                if (service)
                    url.searchParams.set('service', service);
                url.searchParams.set('scope', scope);
                if (usable?.username && usable.password !== undefined) {
                    headers['Authorization'] =
                        `Basic ${Buffer.from(`${usable.username}:${usable.password}`).toString('base64')}`;
                }
                res = await this.fetchImpl(url, { method: 'GET', headers, signal });
            }
            if ((0,core/* isRetryableStatus */.PS)(res.status)) {
                await res.body?.cancel();
                throw new RetryableStatus(res.status, `${realmUrl.origin}${realmUrl.pathname}`, parseRetryAfter(res.headers.get('retry-after')));
            }
            if (res.status === 401 || res.status === 403) {
                await res.body?.cancel();
                throw new AuthRefused(`the token service of ${reference.registry} (${realmUrl.host}) refused a pull token for ${reference.repository} (HTTP ${res.status}) using ${this.describeTried(reference.registry, 'bearer')}`);
            }
            if (res.status !== 200) {
                await res.body?.cancel();
                throw new RegistryProtocolError(`the token service of ${reference.registry} (${realmUrl.host}) answered HTTP ${res.status}`);
            }
            return res.text();
        });
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new RegistryProtocolError(`the token service of ${reference.registry} did not answer JSON`);
        }
        const token = typeof parsed.token === 'string' && parsed.token
            ? parsed.token
            : typeof parsed.access_token === 'string'
                ? parsed.access_token
                : '';
        if (!token) {
            throw new RegistryProtocolError(`the token service of ${reference.registry} answered without a token`);
        }
        // The spec's default lifetime is 60 s when expires_in is absent.
        const lifetimeS = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 60;
        return { token, expiresAt: Date.now() + lifetimeS * 1000 };
    }
}
function fail(base, code, message) {
    return { ...base, error: { code, message } };
}
/** Runs `fn` over `items` with at most `limit` in flight, results in input order. */
async function mapWithConcurrency(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/**
 * Resolves every reference to a digest, at most `concurrency` at a time, within one deadline.
 * Results are in input order; failures are results with `error`, never a rejection.
 */
async function resolveImages(refs, options = {}) {
    const client = new RegistryClient(options);
    return mapWithConcurrency(refs, client.concurrency, (ref) => client.resolve(ref));
}
/** Resolves one reference (see resolveImages). */
async function resolveImage(ref, options = {}) {
    const [result] = await resolveImages([ref], options);
    return result;
}

;// CONCATENATED MODULE: ./packages/oci/index.ts





// EXTERNAL MODULE: ./packages/registry/registry.ts + 1 modules
var registry = __webpack_require__(1359);
;// CONCATENATED MODULE: ./schemas/deploy-policy.schema.json
const deploy_policy_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/deploy-policy.schema.json","title":"agent-credentials deploy policy","description":"What an agent may deploy, where, and under which conditions. Read by the gate action (astl/agent-credentials/actions/gate@v1). Keys are snake_case.","type":"object","additionalProperties":false,"required":["agent","actions"],"properties":{"agent":{"type":"string","description":"the registered agent name this policy applies to, or \\"*\\" for every agent","pattern":"^(\\\\*|[a-z0-9][a-z0-9-]*)$","examples":["deploy-manager","*"]},"actions":{"type":"array","description":"one entry per action the agent may request (deploy, rollback, scale, ...)","minItems":1,"items":{"$ref":"#/definitions/action"}}},"definitions":{"action":{"type":"object","description":"the rules for one action; a request is allowed only when every rule passes","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"the action name the gate\'s `action` input names","pattern":"^[a-z0-9][a-z0-9_.-]*$","examples":["deploy","rollback"]},"allowed_environments":{"type":"array","description":"environments this action may target; absent means any environment","items":{"type":"string","minLength":1},"uniqueItems":true},"approval_needed":{"description":"a CEL expression over the request (or true/false); when true the run needs an approved environment review by someone other than the agent","examples":["env == \\"production\\"",true],"anyOf":[{"type":"string","minLength":1},{"type":"boolean"}]},"allowed_images":{"type":"array","description":"images this action may deploy, by digest or by repository (tags are resolved to digests, never trusted); absent means any image that resolves","items":{"type":"object","additionalProperties":false,"description":"either `digest:` or `repository:`","minProperties":1,"maxProperties":1,"properties":{"digest":{"type":"string","description":"a manifest or multi-arch index digest: sha256:<64 lowercase hex>","pattern":"^sha256:[0-9a-f]{64}$","examples":["sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]},"repository":{"type":"string","description":"a repository without tag or digest (registry host included, Docker Hub names as docker writes them); any digest of it is allowed once resolved","examples":["ghcr.io/acme/app","registry.acme.internal:5000/team/api"]}}}},"max_replicas":{"type":"integer","description":"the most replicas a request may ask for","minimum":0},"max_per_day":{"type":"integer","description":"budget: allowed decisions per agent per 24 h, counted from the GitHub Deployments API","minimum":0},"allowed_hosts":{"type":"array","description":"egress allowlist: every host named in the request\'s params must match one of these globs (`*` is exactly one DNS label, `**` one or more)","items":{"type":"string","minLength":1},"examples":[["*.acme.internal","api.example.com"]]},"deny_when":{"type":"string","description":"a CEL expression over the request; when true the request is denied","minLength":1,"examples":["params.amount > 1000"]}}}}}');
// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 1 modules
var agent_policy = __webpack_require__(8378);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
;// CONCATENATED MODULE: ./packages/gate/policy.ts
/**
 * Deploy policies (snake_case, schemas/deploy-policy.schema.json): loading, validation beyond
 * what the schema can say (duplicate action names, CEL that does not parse, host globs, image
 * repositories), compilation of expressions, and the policy digest auditors pin.
 */











const CODE = 'POLICY_INVALID';
const WHAT = 'deploy policy';
/** A document is a deploy policy when it has `actions:`, or `agent:` without a `kind:`. */
function isDeployPolicyDocument(doc) {
    const v = doc.value;
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return false;
    return 'actions' in v || ('agent' in v && !('kind' in v));
}
/** `file:line` of a location (no column: rules are named by line). */
function lineOf(loc) {
    return (0,core/* formatLocation */.j$)({ file: loc.file, line: loc.line });
}
/** Parses and checks the deploy policies among `docs`; every problem is thrown together. */
function parseDeployPolicies(docs) {
    const errors = [];
    const policies = [];
    for (const doc of docs) {
        if (!isDeployPolicyDocument(doc))
            continue;
        const schemaErrors = (0,core/* validateWithSchema */.CW)(doc, deploy_policy_schema_namespaceObject, WHAT, CODE);
        if (schemaErrors.length > 0) {
            errors.push(...schemaErrors);
            continue;
        }
        const raw = doc.value;
        const policy = { agent: raw.agent, file: doc.file, location: doc.locate([]), actions: [] };
        const firstByName = new Map();
        raw.actions.forEach((action, i) => {
            const nameAt = doc.locate(['actions', i, 'name']);
            const first = firstByName.get(action.name);
            if (first) {
                errors.push(new core/* AstlError */.Ht(`action '${action.name}' is defined twice in this policy (lines ${first.line} and ${nameAt.line}); the gate would not know which rules apply`, {
                    code: CODE,
                    location: nameAt,
                    hint: `merge the two '${action.name}' entries (first at ${lineOf(first)}) into one`,
                }));
                return;
            }
            firstByName.set(action.name, nameAt);
            const rule = compileAction(doc, action, i, errors);
            if (rule)
                policy.actions.push(rule);
        });
        policies.push(policy);
    }
    if (errors.length > 0)
        throw new core/* AstlErrors */.ci(errors, CODE);
    return policies;
}
function compileAction(doc, action, i, errors) {
    const keyAt = {};
    const at = (key) => doc.locateKey(['actions', i, key]);
    for (const key of Object.keys(action))
        keyAt[key] = lineOf(at(key));
    const rule = { name: action.name, at: lineOf(doc.locate(['actions', i])), keyAt };
    const before = errors.length;
    if (action.allowed_environments)
        rule.allowedEnvironments = [...action.allowed_environments];
    if (action.max_replicas !== undefined)
        rule.maxReplicas = action.max_replicas;
    if (action.max_per_day !== undefined)
        rule.maxPerDay = action.max_per_day;
    for (const key of ['approval_needed', 'deny_when']) {
        const value = action[key];
        if (value === undefined)
            continue;
        if (typeof value === 'boolean') {
            if (key === 'approval_needed')
                rule.approvalNeeded = value;
            continue;
        }
        try {
            const compiled = compileExpression(value, key, doc.locate(['actions', i, key]));
            if (key === 'approval_needed')
                rule.approvalNeeded = compiled;
            else
                rule.denyWhen = compiled;
        }
        catch (err) {
            errors.push(err);
        }
    }
    if (action.allowed_hosts) {
        rule.allowedHosts = [];
        action.allowed_hosts.forEach((glob, j) => {
            const problem = hostGlobProblem(glob);
            if (problem) {
                errors.push(new core/* AstlError */.Ht(`allowed_hosts[${j}] ${JSON.stringify(glob)} is not a valid host glob: ${problem}`, {
                    code: CODE,
                    location: doc.locate(['actions', i, 'allowed_hosts', j]),
                    hint: '"*" matches one DNS label, "**" one or more: "*.acme.internal", "**.acme.internal", "api.example.com"',
                }));
            }
            else {
                rule.allowedHosts.push(glob.toLowerCase().replace(/\.$/, ''));
            }
        });
    }
    if (action.allowed_images) {
        rule.allowedImages = [];
        action.allowed_images.forEach((entry, j) => {
            const where = lineOf(doc.locate(['actions', i, 'allowed_images', j]));
            if ('digest' in entry) {
                rule.allowedImages.push({ digest: entry.digest, at: where });
                return;
            }
            const image = normalizeRepository(entry.repository);
            if (typeof image === 'string') {
                rule.allowedImages.push({ repository: image, at: where });
            }
            else {
                errors.push(new core/* AstlError */.Ht(`allowed_images[${j}].repository ${JSON.stringify(entry.repository)}: ${image.problem}`, {
                    code: CODE,
                    location: doc.locate(['actions', i, 'allowed_images', j, 'repository']),
                    hint: 'name the repository only, e.g. ghcr.io/acme/app; to allow one image exactly, use `digest: sha256:…`',
                }));
            }
        });
    }
    return errors.length === before ? rule : undefined;
}
/** `registry/path` as the resolver names it, or why the entry is not a bare repository. */
function normalizeRepository(text) {
    const trimmed = text.trim();
    if (trimmed.includes('@'))
        return { problem: 'a repository entry must not carry a digest' };
    const lastSlash = trimmed.lastIndexOf('/');
    if (trimmed.lastIndexOf(':') > lastSlash) {
        return { problem: 'a repository entry must not carry a tag (tags move; the gate never trusts them)' };
    }
    try {
        const ref = parseImageReference(trimmed);
        return ref.name;
    }
    catch (err) {
        return { problem: err.message };
    }
}
/** The AgentPolicy parts the gate enforces (restrictions such as `production-access`). */
function toGateAgentPolicies(docs) {
    return (0,agent_policy/* parseAgentPolicies */.Hw)(docs).map((p) => ({
        name: p.name,
        file: p.file,
        at: lineOf(p.location),
        agentTypes: p.agentTypes,
        restrictions: p.restrictions,
        restrictionAt: p.restrictions.map((_, i) => {
            const loc = p.keyLocations[`spec.restrictions[${i}]`];
            return loc ? lineOf(loc) : lineOf(p.location);
        }),
    }));
}
/**
 * sha256 over the policy files: sorted by path (relative to the policy folder; the file name
 * for a single file), each contributing `path NUL bytes`. It hashes the bytes that were parsed,
 * so the digest names exactly the policy the decision was made under.
 */
function policySha256(root, files) {
    const isDir = (() => {
        try {
            return (0,external_node_fs_.statSync)(root).isDirectory();
        }
        catch {
            return false;
        }
    })();
    const named = files
        .map((f) => ({ f, name: isDir ? (0,external_node_path_.relative)(root, f.path).split(external_node_path_.sep).join('/') : (0,external_node_path_.basename)(f.path) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const { f, name } of named) {
        hash.update(name);
        hash.update(Buffer.from([0]));
        hash.update(f.bytes);
    }
    return hash.digest('hex');
}
/**
 * Loads every deploy policy and AgentPolicy under a file or folder. Throws AstlErrors
 * (POLICY_INVALID / POLICY_NOT_FOUND) naming file:line for every problem.
 */
function loadPolicies(pathOrDir, options = {}) {
    // One read per file: the documents parsed and the bytes hashed are the same.
    const { files, docs } = (0,policy_files/* readPolicySet */.Lp)(pathOrDir, options);
    const errors = [];
    let deploy = [];
    let agent = [];
    try {
        deploy = parseDeployPolicies(docs);
    }
    catch (err) {
        if (err instanceof core/* AstlErrors */.ci)
            errors.push(...err.errors);
        else
            throw err;
    }
    try {
        agent = toGateAgentPolicies(docs);
    }
    catch (err) {
        if (err instanceof core/* AstlErrors */.ci)
            errors.push(...err.errors);
        else if (err instanceof core/* AstlError */.Ht)
            errors.push(err);
        else
            throw err;
    }
    if (errors.length > 0) {
        errors.sort((a, b) => (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
            (a.location?.line ?? 0) - (b.location?.line ?? 0));
        throw new core/* AstlErrors */.ci(errors, CODE);
    }
    return {
        path: pathOrDir,
        sha256: policySha256(pathOrDir, files),
        files: files.map((f) => f.path),
        deploy,
        agent,
    };
}

;// CONCATENATED MODULE: ./packages/gate/record.ts
function imageEntries(images) {
    return images.map((i) => {
        const entry = {
            input: i.input,
            pinned: i.pinned ?? null,
            digest: i.digest ?? null,
            mediaType: i.mediaType ?? null,
        };
        if (i.error)
            entry.error = i.error.code;
        return entry;
    });
}
const STATUS = {
    allow: '✅ allow',
    deny: '❌ deny',
    approval_needed: '⏳ approval needed',
};
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function renderMarkdown(record) {
    const lines = [];
    const shadow = record.mode === 'shadow' ? ' (shadow mode: reported, not enforced)' : '';
    lines.push(`### Deploy gate: ${STATUS[record.decision]}${shadow}`, '');
    lines.push('| | |', '|---|---|');
    lines.push(`| Agent | ${code(record.request.agent)}${record.request.agent_type ? ` (${cell(record.request.agent_type)})` : ''} |`);
    lines.push(`| Action | ${code(record.request.action)} |`);
    lines.push(`| Environment | ${code(record.request.environment)} |`);
    if (record.request.replicas !== null)
        lines.push(`| Replicas | ${record.request.replicas} |`);
    lines.push(`| Policy | ${code(record.policy.path)} sha256 ${record.policy.sha256 ? code(record.policy.sha256) : '(not loaded)'} |`);
    if (record.approval.required) {
        lines.push(`| Approval | ${record.approval.approved_by ? `approved by @${cell(record.approval.approved_by)}` : 'required, not given'} |`);
    }
    if (record.budget) {
        lines.push(`| Budget | ${record.budget.used ?? '?'} of ${record.budget.limit} deploys in the last 24 h |`);
    }
    lines.push(`| Decision id | ${code(record.decision_id)} |`);
    lines.push(`| Time | ${record.timestamp} (${record.metrics.timer_total_ms.toFixed(0)} ms) |`);
    lines.push('');
    if (record.images.length > 0) {
        lines.push('#### Images', '', '| | Image | Pinned as |', '|---|---|---|');
        for (const i of record.images) {
            const status = i.error ? `❌ ${i.error}` : i.pinned ? '✅' : '❌';
            lines.push(`| ${status} | ${code(i.input)} | ${i.pinned ? code(i.pinned) : '—'} |`);
        }
        lines.push('');
    }
    if (record.reasons.length > 0) {
        lines.push('#### Reasons', '', '| Code | Rule | What to change |', '|---|---|---|');
        for (const r of record.reasons)
            lines.push(`| ${code(r.code)} | ${code(r.rule)} | ${cell(r.message)} |`);
        lines.push('');
    }
    lines.push('<details><summary>Decision record (JSON)</summary>', '', '```json', JSON.stringify(record, null, 2).replace(/```/g, '`\u200b``'), '```', '', '</details>', '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/gate/gate.ts
/**
 * One gate run, front-end independent (the action and the CLI both call it): load the policy,
 * resolve images and count deploys concurrently, decide, ask for approvals when the decision
 * needs one, record an allowed decision as a deployment, and build the decision record.
 * Fail closed: every error becomes a deny with a specific reason code.
 */








const SECRET_KEY = /(token|secret|password|passwd|api[-_]?key|credential|private[-_]?key|auth)/i;
/** Params for the record: values under secret-looking keys are replaced. */
function redactParams(value, depth = 0) {
    if (depth > 32)
        return '[…]';
    if (Array.isArray(value))
        return value.map((v) => redactParams(v, depth + 1));
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactParams(v, depth + 1);
        return out;
    }
    return value;
}
function toGateImage(r) {
    const image = { input: r.input, isIndex: r.isIndex };
    if (r.reference)
        image.repository = r.reference.name;
    if (r.digest)
        image.digest = r.digest;
    if (r.pinned)
        image.pinned = r.pinned;
    if (r.mediaType)
        image.mediaType = r.mediaType;
    if (r.error)
        image.error = { code: r.error.code, message: r.error.message };
    return image;
}
function policyErrorReasons(err) {
    const errors = err instanceof core/* AstlErrors */.ci ? err.errors : [err];
    return {
        errors,
        reasons: errors.map((e) => ({
            code: e.code === 'POLICY_NOT_FOUND' ? 'POLICY_NOT_FOUND' : 'POLICY_INVALID',
            rule: e.location ? (0,core/* formatLocation */.j$)({ file: e.location.file, line: e.location.line }) : 'policy',
            message: `${e.message}${e.hint ? `. ${e.hint}` : ''}; a policy that does not load denies every request`,
        })),
    };
}
function agentTypeFromRegistry(input, warn) {
    const path = input.registryPath ?? 'agent-config.yaml';
    const workspace = input.workspace ?? (0,core/* workspaceScope */.O9)();
    try {
        if (!(0,external_node_fs_.existsSync)((0,core/* resolveWorkspacePath */.XI)(path, workspace, { what: 'config' }).real))
            return undefined;
        return (0,registry.loadRegistry)(path, { workspace, use: { what: 'config' } }).agents.find((a) => a.name === input.agent)?.type;
    }
    catch (err) {
        warn(`could not read the agent registry ${path} to find the agent's type: ${err.message}`);
        return undefined;
    }
}
async function runGate(input, deps = {}) {
    const started = performance.now();
    const now = deps.now ?? (() => new Date());
    const warn = deps.onWarning ?? (() => { });
    const decisionId = (deps.newId ?? external_node_crypto_.randomUUID)();
    const timestamp = now();
    // Image resolution is network work: start it first, so loading the policy (CPU) overlaps it,
    // and count deploys (also network) at the same time.
    const resolveStarted = performance.now();
    let resolveMs = 0;
    const resolving = (async () => {
        if (input.images.length === 0)
            return [];
        const resolver = deps.resolveImages ?? resolveImages;
        const resolved = await resolver(input.images, { deadlineMs: 30_000, ...input.resolve });
        resolveMs = performance.now() - resolveStarted;
        return resolved.map(toGateImage);
    })();
    resolving.catch(() => { }); // awaited below; this only keeps an early throw from going unhandled
    let policies;
    let policyFailure;
    try {
        policies = loadPolicies(input.policyPath, {
            onWarning: warn,
            workspace: input.workspace ?? (0,core/* workspaceScope */.O9)(),
            use: { what: input.policyInput ?? 'policy', code: 'POLICY_INVALID' },
        });
        if (policies.deploy.length === 0) {
            warn(`no deploy policy (a document with \`actions:\`) found in ${input.policyPath}`);
        }
    }
    catch (err) {
        if (!(err instanceof core/* AstlError */.Ht))
            throw err;
        policyFailure = policyErrorReasons(err);
    }
    const set = policies ?? { path: input.policyPath, deploy: [], agent: [] };
    const agentType = input.agentType ?? agentTypeFromRegistry(input, warn);
    const limit = policies ? budgetLimit({ agent: input.agent, action: input.action }, set) : undefined;
    let githubMs = 0;
    const counting = (async () => {
        if (limit === undefined)
            return undefined;
        if (!deps.github || !input.github) {
            return {
                error: 'no github-token was given (or GITHUB_REPOSITORY is not set), so deploys cannot be counted',
            };
        }
        const t = performance.now();
        try {
            const used = await deps.github.countRecentDeploys({
                owner: input.github.owner,
                repo: input.github.repo,
                agent: input.agent,
                since: new Date(timestamp.getTime() - 24 * 3600 * 1000),
            });
            return { used };
        }
        catch (err) {
            return { error: errorText(err) };
        }
        finally {
            githubMs += performance.now() - t;
        }
    })();
    const [images, budget] = await Promise.all([resolving, counting]);
    const request = {
        agent: input.agent,
        action: input.action,
        environment: input.environment,
        images,
        params: input.params,
    };
    if (agentType !== undefined)
        request.agentType = agentType;
    if (input.replicas !== undefined)
        request.replicas = input.replicas;
    const context = {};
    if (budget)
        context.budget = budget;
    let evalMs = 0;
    const timedDecide = () => {
        const t = performance.now();
        const d = decide(request, set, context);
        evalMs += performance.now() - t;
        return d;
    };
    let decision = timedDecide();
    if (decision.decision === 'approval_needed') {
        if (!deps.github || !input.github?.runId) {
            context.approval = {
                error: 'no github-token was given (or GITHUB_REPOSITORY / GITHUB_RUN_ID are not set), so approvals cannot be read',
            };
        }
        else {
            const t = performance.now();
            try {
                const approvedBy = await deps.github.findApproval({
                    owner: input.github.owner,
                    repo: input.github.repo,
                    runId: input.github.runId,
                    environment: input.environment,
                    agentLogins: [input.agent, `${input.agent}[bot]`],
                });
                context.approval = approvedBy ? { approvedBy } : {};
            }
            catch (err) {
                context.approval = { error: errorText(err) };
            }
            githubMs += performance.now() - t;
        }
        decision = timedDecide();
    }
    if (policyFailure) {
        // NO_POLICY would only repeat that the policy did not load.
        const others = decision.reasons.filter((r) => r.code !== 'NO_POLICY');
        decision.reasons.splice(0, decision.reasons.length, ...policyFailure.reasons, ...others);
        decision.decision = 'deny';
    }
    if (decision.decision === 'allow' && input.mode === 'enforce' && deps.github && input.github) {
        const t = performance.now();
        try {
            await deps.github.recordDeployment({
                owner: input.github.owner,
                repo: input.github.repo,
                agent: input.agent,
                action: input.action,
                environment: input.environment,
                ref: input.github.sha ?? input.ci.sha ?? 'main',
                decisionId,
                images: images.map((i) => i.pinned ?? i.input),
            });
        }
        catch (err) {
            if (decision.needsBudget) {
                // An unrecorded deploy would not count against the budget later: fail closed.
                decision.decision = 'deny';
                decision.reasons.push({
                    code: 'DEPLOYMENT_RECORD_FAILED',
                    rule: `${matchingRules(request, set).find((r) => r.maxPerDay !== undefined)?.keyAt.max_per_day ?? input.policyPath} max_per_day`,
                    message: `the allowed deploy could not be recorded, so the budget could not count it: ${errorText(err)}. Give the job's token \`deployments: write\``,
                });
            }
            else {
                warn(`the allowed deploy was not recorded as a GitHub deployment: ${errorText(err)}`);
            }
        }
        githubMs += performance.now() - t;
    }
    const record = {
        decision_id: decisionId,
        timestamp: timestamp.toISOString(),
        decision: decision.decision,
        mode: input.mode,
        enforced: input.mode === 'enforce',
        policy: { path: input.policyPath, sha256: policies?.sha256 ?? null, files: policies?.files ?? [] },
        request: {
            agent: input.agent,
            agent_type: agentType ?? null,
            action: input.action,
            environment: input.environment,
            images: input.images,
            replicas: input.replicas ?? null,
            params: redactParams(input.params),
        },
        images: imageEntries(images),
        reasons: decision.reasons,
        budget: decision.budget ? { limit: decision.budget.limit, used: budget?.used ?? null } : null,
        approval: decision.approval.approvedBy
            ? { required: decision.approval.required, approved_by: decision.approval.approvedBy }
            : { required: decision.approval.required },
        metrics: {
            timer_resolve_ms: round(resolveMs),
            timer_eval_ms: round(evalMs),
            timer_github_ms: round(githubMs),
            timer_total_ms: round(performance.now() - started),
        },
        ci: input.ci,
    };
    return { decision, record, policyErrors: policyFailure?.errors ?? [], images };
}
function round(ms) {
    return Math.round(ms * 1000) / 1000;
}
function errorText(err) {
    if (err instanceof core/* AstlError */.Ht)
        return `${err.message}${err.hint ? ` (${err.hint})` : ''}`;
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./packages/gate/github.ts

const PERMISSION = {
    approvals: {
        code: 'APPROVAL_CHECK_FAILED',
        permission: 'actions: read',
        what: "reading the run's approvals",
    },
    'deployments-read': {
        code: 'BUDGET_CHECK_FAILED',
        permission: 'deployments: read',
        what: "counting the agent's deployments",
    },
    'deployments-write': {
        code: 'DEPLOYMENT_RECORD_FAILED',
        permission: 'deployments: write',
        what: 'recording the allowed deploy as a deployment',
    },
};
const MAX_DEPLOYMENT_PAGES = 10;
function statusOf(err) {
    const status = err?.status;
    return typeof status === 'number' ? status : undefined;
}
function isRetryable(err) {
    const status = statusOf(err);
    if (status !== undefined && status !== 500)
        return (0,core/* isRetryableStatus */.PS)(status);
    // Octokit reports transport faults as status 500 with the fetch error as cause.
    return status === 500 || (0,core/* isNetworkFault */.d$)(err);
}
class GitHubClient {
    options;
    octokitPromise;
    o;
    constructor(options) {
        this.options = options;
        this.o = {
            deadlineMs: options.deadlineMs ?? 30_000,
            attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
            attempts: options.attempts ?? 4,
            baseDelayMs: options.baseDelayMs ?? 250,
        };
    }
    /** Octokit is loaded on first use: most gate runs that need no GitHub call never parse it. */
    get octokit() {
        this.octokitPromise ??= __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 891)).then(({ Octokit }) => new Octokit({
            auth: this.options.token,
            baseUrl: (this.options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
            userAgent: 'astl-agent-credentials-gate',
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
            request: this.options.fetch ? { fetch: this.options.fetch } : {},
        }));
        return this.octokitPromise;
    }
    async call(operation, what, op) {
        const meta = PERMISSION[operation];
        try {
            return await (0,core/* withRetry */.bD)((signal) => op(signal), {
                attempts: this.o.attempts,
                baseDelayMs: this.o.baseDelayMs,
                maxDelayMs: 4_000,
                attemptTimeoutMs: this.o.attemptTimeoutMs,
                deadline: new core/* Deadline */.B2(this.o.deadlineMs),
                what,
                isRetryable,
            });
        }
        catch (err) {
            const last = err instanceof core/* RetryExhaustedError */.aB ? err.lastError : err;
            const status = statusOf(last);
            if (status === 401 || status === 403) {
                throw new core/* AstlError */.Ht(`${what} was refused (HTTP ${status}) while ${meta.what}`, {
                    code: meta.code,
                    hint: `give the job's token \`${meta.permission}\`: add \`permissions: { ${meta.permission} }\` to the job, or pass a github-token that has it`,
                    cause: err,
                });
            }
            if (status === 404) {
                throw new core/* AstlError */.Ht(`${what} answered 404 Not Found while ${meta.what}`, {
                    code: meta.code,
                    hint: `check GITHUB_REPOSITORY and the run id; on a private repository a 404 also means the token lacks \`${meta.permission}\``,
                    cause: err,
                });
            }
            const message = err instanceof core/* RetryExhaustedError */.aB ? err.message : `${what} failed: ${(0,core/* describeFault */.Qx)(err)}`;
            throw new core/* AstlError */.Ht(message, {
                code: meta.code,
                hint: 'the GitHub API could not be reached; the gate fails closed. Re-run the job; check GITHUB_API_URL on GitHub Enterprise Server',
                cause: err,
            });
        }
    }
    /**
     * The login of someone (not the agent) who approved this run for `environment`, or undefined.
     * A rejection for the environment wins over any approval.
     */
    async findApproval(q) {
        const reviews = await this.call('approvals', `GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`, async (signal) => (await (await this.octokit).request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
            owner: q.owner,
            repo: q.repo,
            run_id: Number(q.runId),
            request: { signal },
        })).data);
        const excluded = new Set(q.agentLogins.map((l) => l.toLowerCase()));
        let approvedBy;
        for (const review of Array.isArray(reviews) ? reviews : []) {
            const names = (review.environments ?? []).map((e) => e.name);
            if (!names.includes(q.environment))
                continue;
            const login = review.user?.login;
            if (review.state === 'rejected')
                return undefined;
            if (review.state === 'approved' && login && !excluded.has(login.toLowerCase()))
                approvedBy ??= login;
        }
        return approvedBy;
    }
    /** Deployments the gate recorded as allowed for `agent` since `since` (newest first, paginated). */
    async countRecentDeploys(q) {
        let count = 0;
        for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page++) {
            const deployments = await this.call('deployments-read', `GET /repos/${q.owner}/${q.repo}/deployments`, async (signal) => (await (await this.octokit).request('GET /repos/{owner}/{repo}/deployments', {
                owner: q.owner,
                repo: q.repo,
                per_page: 100,
                page,
                ...(q.environment ? { environment: q.environment } : {}),
                request: { signal },
            })).data);
            let older = false;
            for (const d of deployments) {
                if (new Date(d.created_at).getTime() < q.since.getTime()) {
                    older = true;
                    continue;
                }
                const payload = parsePayload(d.payload);
                if (payload?.agent === q.agent && payload.astl_decision === 'allow')
                    count++;
            }
            if (older || deployments.length < 100)
                return count;
        }
        throw new core/* AstlError */.Ht(`more than ${MAX_DEPLOYMENT_PAGES * 100} deployments in 24 h in ${q.owner}/${q.repo}; the gate stops counting and fails closed`, { code: 'BUDGET_CHECK_FAILED', hint: 'lower the deploy rate, or clean up deployments' });
    }
    /** Records an allowed decision; the returned id is the deployment's. */
    async recordDeployment(q) {
        const created = await this.call('deployments-write', `POST /repos/${q.owner}/${q.repo}/deployments`, async (signal) => (await (await this.octokit).request('POST /repos/{owner}/{repo}/deployments', {
            owner: q.owner,
            repo: q.repo,
            ref: q.ref,
            environment: q.environment,
            task: 'deploy',
            auto_merge: false,
            required_contexts: [],
            description: `astl gate: ${q.action} by ${q.agent} allowed (${q.decisionId})`.slice(0, 140),
            payload: {
                agent: q.agent,
                action: q.action,
                astl_decision: 'allow',
                decision_id: q.decisionId,
                images: q.images,
            },
            request: { signal },
        })).data);
        return created.id;
    }
}
function parsePayload(payload) {
    if (typeof payload === 'string') {
        try {
            const parsed = JSON.parse(payload);
            return parsed && typeof parsed === 'object' ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    }
    return payload && typeof payload === 'object' ? payload : undefined;
}

;// CONCATENATED MODULE: ./packages/gate/index.ts









/***/ })

};
