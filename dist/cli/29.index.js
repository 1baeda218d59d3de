export const id = 29;
export const ids = [29,170,789];
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
        names: ['GCONV_PATH', 'GLIBC_TUNABLES', 'LOCPATH', 'NLSPATH'],
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
            'FPATH',
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
            'ELECTRON_RUN_AS_NODE',
            'DENO_CERT',
            'BUN_CONFIG_REGISTRY',
        ],
        prefixes: ['NPM_CONFIG_', 'YARN_', 'COREPACK_'],
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
            'GRADLE_USER_HOME',
            'SBT_OPTS',
            'ANT_OPTS',
        ],
        prefixes: [],
    },
    {
        label: 'Python',
        why: 'PYTHONPATH, PYTHONSTARTUP, PYTHONHOME, PYTHONWARNINGS and kin import code of the attacker’s choosing',
        names: [
            'BROWSER',
            'CONDARC',
            'UV_INDEX',
            'UV_INDEX_URL',
            'UV_EXTRA_INDEX_URL',
            'UV_DEFAULT_INDEX',
            'UV_FIND_LINKS',
        ],
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
            'COMPOSER_HOME',
            'R_PROFILE',
            'R_PROFILE_USER',
            'R_ENVIRON',
            'R_ENVIRON_USER',
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
            'GOENV',
        ],
        prefixes: ['RUSTC', 'CARGO_BUILD_', 'CARGO_TARGET_', 'CGO_'],
    },
    {
        label: 'C and C++ builds',
        why: 'choose the compiler, linker and flags of every native build (node-gyp, Python wheels, cgo, make)',
        names: [
            'CC',
            'CXX',
            'CPP',
            'LD',
            'AR',
            'MAKE',
            'MAKEFLAGS',
            'CFLAGS',
            'CXXFLAGS',
            'CPPFLAGS',
            'LDFLAGS',
            'PKG_CONFIG_PATH',
        ],
        prefixes: [],
    },
    {
        label: 'git and ssh',
        why: 'GIT_SSH_COMMAND, GIT_ASKPASS, GIT_CONFIG_* and kin run commands or rewrite git’s configuration',
        names: [
            'SSH_ASKPASS',
            'SSH_AUTH_SOCK',
            'SUDO_ASKPASS',
            'EDITOR',
            'VISUAL',
            'PAGER',
            'MANPAGER',
            'SYSTEMD_PAGER',
            'LESSOPEN',
            'LESSCLOSE',
            'GNUPGHOME',
        ],
        prefixes: ['GIT_'],
    },
    {
        label: 'container, cluster and cloud clients',
        why: 'point docker, kubectl, helm, terraform or a cloud SDK at another daemon, plugin folder or config that runs programs or holds other credentials',
        names: [
            'DOCKER_HOST',
            'DOCKER_CONFIG',
            'DOCKER_CERT_PATH',
            'DOCKER_TLS_VERIFY',
            'DOCKER_CONTEXT',
            'BUILDKIT_HOST',
            'CONTAINER_HOST',
            'PODMAN_HOST',
            'KUBECONFIG',
            'HELM_PLUGINS',
            'TF_CLI_CONFIG_FILE',
            'GOOGLE_APPLICATION_CREDENTIALS',
            'CLOUDSDK_CONFIG',
            'AZURE_CONFIG_DIR',
        ],
        prefixes: ['TF_CLI_ARGS'],
    },
    {
        label: 'TLS trust and proxies',
        why: 'let a third party read or alter every HTTPS request (trusted CAs, key logs, proxies, host aliases, OpenSSL engines)',
        names: [
            'OPENSSL_CONF',
            'OPENSSL_ENGINES',
            'OPENSSL_MODULES',
            'HOSTALIASES',
            'RES_OPTIONS',
            'LOCALDOMAIN',
            'KRB5_CONFIG',
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
        label: 'GitHub CLI',
        why: 'GH_HOST sends the token to another host, GH_PAGER, GH_EDITOR and GH_BROWSER run commands, GH_TOKEN is the token this product exports',
        names: [],
        prefixes: ['GH_'],
    },
    {
        label: 'names this product exports',
        why: 'AWS_*, VAULT_*, GH_TOKEN and ASTL_* carry the credentials, endpoints and agent identity the job relies on',
        names: ['GH_TOKEN'],
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


/***/ })

};
