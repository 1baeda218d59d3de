export const id = 498;
export const ids = [498,29,170,789];
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


/***/ }),

/***/ 2073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KY: () => (/* binding */ gitLabFileVariableScope),
/* harmony export */   Ld: () => (/* binding */ isPathProblem),
/* harmony export */   O9: () => (/* binding */ workspaceScope),
/* harmony export */   XI: () => (/* binding */ resolveWorkspacePath),
/* harmony export */   dx: () => (/* binding */ writeWorkspaceFile),
/* harmony export */   lX: () => (/* binding */ inspectWorkspacePath),
/* harmony export */   oW: () => (/* binding */ hasGitSegment),
/* harmony export */   sL: () => (/* binding */ readWorkspaceFile)
/* harmony export */ });
/* unused harmony export PATH_OUTSIDE_WORKSPACE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(425);
/**
 * The one gate for every path the product reads (or writes for a job) because an input, a flag,
 * a registry, a policy or a state file names it: the path must lead, after every symbolic link
 * is resolved, to a place inside the workspace, and never into `.git/` (which holds the
 * checkout's token in `.git/config`, hooks, and other people's history). A path that fails is
 * refused with an AstlError that names the path and the setting, never the file's content.
 *
 * TOCTOU: callers open the *resolved* path (`real`, free of symbolic links when checked), and
 * `readWorkspaceFile` opens it with O_NOFOLLOW and then asks the kernel which file the
 * descriptor really is (`/proc/self/fd/N` on Linux), checking that name again. A link swapped in
 * between the check and the open is thus either not followed or caught after the open.
 */



const PATH_OUTSIDE_WORKSPACE = 'PATH_OUTSIDE_WORKSPACE';
/**
 * The workspace of this process: the first of GITHUB_WORKSPACE and CI_PROJECT_DIR that names an
 * existing folder, else `cwd`. (Emulators such as gitlab-ci-local set CI_PROJECT_DIR to a
 * `/builds/...` path that does not exist on the machine; no file can be read inside it anyway.)
 */
function workspaceScope(env = process.env, cwd = process.cwd()) {
    const candidates = [env.GITHUB_WORKSPACE, env.CI_PROJECT_DIR]
        .map((v) => v?.trim())
        .filter((v) => Boolean(v))
        .map((v) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, v));
    const root = candidates.find(isDirectory) ?? cwd;
    return { root, base: cwd };
}
/**
 * In a GitLab job (`GITLAB_CI=true`), the folder where GitLab Runner writes file-type CI/CD
 * variables: `${CI_PROJECT_DIR}.tmp` (the runner's temporary project folder, beside the checkout).
 * Undefined elsewhere or when the folder does not exist. Only a secret a flag explicitly names a
 * file variable for may be read from there (the CLI's --github-app-private-key-file).
 */
function gitLabFileVariableScope(env, cwd = process.cwd()) {
    const project = env.CI_PROJECT_DIR?.trim();
    if (env.GITLAB_CI !== 'true' || !project)
        return undefined;
    const root = `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, project).replace(/[\\/]+$/, '')}.tmp`;
    return isDirectory(root) ? { root, base: cwd } : undefined;
}
function isDirectory(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** True when any segment of `path` is `.git`, whatever its case (case-insensitive file systems). */
function hasGitSegment(path) {
    return path.split(/[\\/]+/).some((s) => s.toLowerCase() === '.git');
}
/**
 * Resolves `path` (relative to `scope.base`, else `scope.root`) and checks it without throwing:
 * inside the real workspace root after symbolic links, no `.git` segment, no control characters.
 * The file need not exist (callers report a missing file their own way).
 */
function inspectWorkspacePath(path, scope) {
    const shown = JSON.stringify(path);
    // A NUL makes Node throw a TypeError (a crash); other control characters are never a file name
    // anyone meant, and would reach logs.
    if (path === '' || /[\u0000-\u001f\u007f]/.test(path)) {
        return {
            kind: 'invalid',
            message: path === '' ? 'is an empty path' : `${shown} contains a control character`,
            hint: 'name a file in the repository, relative to its root',
        };
    }
    const rootReal = realOrSelf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(scope.root));
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(scope.base ?? scope.root, path);
    const resolved = realpathLoose(absolute);
    if ('problem' in resolved) {
        return {
            kind: 'invalid',
            message: `${shown} ${resolved.problem}`,
            hint: 'point the path at a real file',
        };
    }
    const { real, exists } = resolved;
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(rootReal, real);
    if (rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel)) {
        return {
            kind: 'outside',
            message: `${shown} is outside the workspace ${rootReal}${real === absolute ? '' : ` (it resolves to ${real})`}`,
            hint: 'astl reads only files inside the repository checkout: name a file there (relative to the repository root), not an absolute path, a ../ path or a symbolic link that leads out of it',
        };
    }
    if (hasGitSegment(rel) || hasGitSegment((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(scope.root), absolute))) {
        return {
            kind: 'git-dir',
            message: `${shown} is inside .git/${real === absolute ? '' : ` (it resolves to ${rel})`}`,
            hint: '.git/ holds the checkout’s credentials and hooks, and nothing astl reads lives there: name a file in the working tree',
        };
    }
    return { absolute, real, relative: rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'), exists };
}
function isPathProblem(x) {
    return 'kind' in x;
}
/**
 * inspectWorkspacePath, throwing the problem as an AstlError (PATH_OUTSIDE_WORKSPACE or
 * `use.code`) located at `use.location`, else at `use.what`.
 */
function resolveWorkspacePath(path, scope, use) {
    const result = inspectWorkspacePath(path, scope);
    if (!isPathProblem(result))
        return result;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AstlError */ .Ht(use.location ? `${use.what} ${result.message}` : result.message, {
        code: use.code ?? PATH_OUTSIDE_WORKSPACE,
        location: use.location ?? { file: use.what },
        hint: result.hint,
    });
}
/**
 * Reads a file named by an input, flag, registry or policy: checked by resolveWorkspacePath, opened
 * by its real path without following a last-moment link, and the opened descriptor checked again.
 * File-system errors (ENOENT, EISDIR, EACCES, ELOOP) are thrown as Node's errors so that callers
 * keep their own "not found" messages; refusals are AstlErrors.
 */
function readWorkspaceFile(path, scope, use) {
    const checked = resolveWorkspacePath(path, scope, use);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(checked.real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0));
    try {
        const opened = openedPath(fd);
        if (opened !== undefined && opened !== checked.real) {
            resolveWorkspacePath(opened, { root: scope.root }, use);
        }
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isDirectory()) {
            throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
                code: 'EISDIR',
            });
        }
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Writes (or appends to) a file named by an input or a flag (a SARIF report, an audit log): the
 * path is checked as for a read (inside the workspace once every link is resolved, dangling ones
 * included, and never in `.git/`), missing folders are made, and the write never goes through a
 * link that appears after the check: a new file is written beside the target (O_EXCL) and renamed
 * over it, which replaces a link instead of following it; an append opens the resolved path with
 * O_NOFOLLOW and checks the opened descriptor again (Linux). A pull request can commit a
 * symbolic link where a report is written; without this the report would land where it points.
 * Refusals are AstlErrors (see resolveWorkspacePath); file-system errors are Node's.
 */
function writeWorkspaceFile(path, data, scope, use, options = {}) {
    const checked = resolveWorkspacePath(path, scope, use);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(checked.real), { recursive: true, mode: options.folderMode ?? 0o777 });
    const mode = options.mode ?? 0o666;
    if (options.append) {
        const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_APPEND | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0);
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(checked.real, flags, mode);
        try {
            const opened = openedPath(fd);
            if (opened !== undefined && opened !== checked.real)
                resolveWorkspacePath(opened, { root: scope.root }, use);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        return checked;
    }
    const temp = `${checked.real}.${process.pid}.${Date.now()}.tmp`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, data, { mode, flag: 'wx' });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, checked.real);
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temp, { force: true });
        throw err;
    }
    return checked;
}
/** The file a descriptor refers to, where the OS says (Linux); undefined elsewhere. */
function openedPath(fd) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(`/proc/self/fd/${fd}`);
    }
    catch {
        return undefined;
    }
}
function realOrSelf(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return path;
    }
}
/** Links followed by hand (dangling ones) before giving up, as Linux's MAXSYMLINKS. */
const MAX_LINKS = 40;
/**
 * realpath, or for a missing path the real path of its nearest existing ancestor plus the rest.
 * A dangling symbolic link is followed to where it points (a write through it would create that
 * file), so a link to a missing file outside the workspace resolves outside too.
 */
function realpathLoose(absolute, links = 0) {
    try {
        return { real: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(absolute), exists: true };
    }
    catch (err) {
        const code = err.code;
        if (code === 'ELOOP' || links > MAX_LINKS)
            return { problem: 'is a loop of symbolic links' };
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
            return { problem: `cannot be resolved (${code ?? err.message})` };
        }
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(absolute);
        if (parent === absolute)
            return { real: absolute, exists: false };
        const up = realpathLoose(parent, links);
        if ('problem' in up)
            return up;
        const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(up.real, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(absolute));
        const target = danglingTarget(here);
        return target === undefined ? { real: here, exists: false } : realpathLoose(target, links + 1);
    }
}
/** Where the symbolic link `path` points (absolute), or undefined when `path` is not a link. */
function danglingTarget(path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink())
            return undefined;
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path));
    }
    catch {
        return undefined;
    }
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

/***/ 7279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   appendEntry: () => (/* binding */ appendEntry),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5166);
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(425);
/* harmony import */ var _packages_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1372);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2073);
/* harmony import */ var _packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3268);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1604);
/**
 * `astl agent create`: self-service registration. Appends one validated entry to the registry,
 * editing the YAML document in place so the file's comments and layout survive, and refuses what
 * the organisation's AgentPolicy forbids before anything is written.
 */











const spec = {
    name: 'agent create',
    summary: 'register a new agent in the registry (asks for missing fields on a terminal)',
    usage: 'astl agent create [--name N --type T --owner O --purpose P --permission res:access ... --max-ttl D] [--config F]',
    flags: {
        name: { type: 'string', value: 'NAME', description: 'unique agent name: lowercase letters, digits, -' },
        type: { type: 'string', value: 'TYPE', description: 'agent type (AgentPolicy documents apply by type)' },
        owner: { type: 'string', value: 'OWNER', description: 'the human or team accountable for the agent' },
        purpose: { type: 'string', value: 'TEXT', description: 'why the agent exists' },
        permission: {
            type: 'string',
            multiple: true,
            value: 'RES:ACCESS',
            description: 'a declared need, e.g. repository:read',
        },
        'max-ttl': {
            type: 'string',
            value: 'DURATION',
            description: 'cap on any credential, e.g. 1h (default: the policy cap, else 1h)',
        },
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        policies: { type: 'string', value: 'DIR', description: 'AgentPolicy folder (default policies)' },
        'dry-run': { type: 'boolean', description: 'print the updated registry instead of writing it' },
    },
    examples: [
        'astl agent create',
        'astl agent create --name review-bot --type coding-assistant --owner platform-team \\',
        '  --purpose "Automated code review" --permission repository:read --permission pull-requests:comment --max-ttl 1h',
    ],
    notes: [
        'Entries are written with credential-policy: ephemeral and audit-level: full.',
        'Without a terminal, every required field must be given as a flag (exit 3 lists what is missing).',
    ],
};
const REQUIRED = ['name', 'type', 'owner', 'purpose'];
async function run(args, io) {
    const config = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .gx)(args, 'config') || 'agent-config.yaml';
    const policiesDir = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .gx)(args, 'policies') || 'policies';
    const draft = {
        name: (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .gx)(args, 'name')?.trim() || undefined,
        type: (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .gx)(args, 'type')?.trim() || undefined,
        owner: (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(args, 'owner'),
        purpose: (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(args, 'purpose'),
        maxTtl: (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .gx)(args, 'max-ttl')?.trim() || undefined,
    };
    const perms = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .list */ .p_)(args, 'permission');
    if (perms.length > 0)
        draft.permissions = perms.map(parsePermission);
    const workspace = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__/* .workspaceScope */ .O9)(io.env, io.cwd);
    (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveWorkspacePath */ .XI)(config, workspace, { what: '--config' });
    const existingText = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(config)
        ? (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_5__/* .readWorkspaceFile */ .sL)(config, workspace, { what: '--config' }).toString('utf8')
        : undefined;
    const existing = existingText === undefined ? undefined : (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRegistry */ .l5)(existingText, config);
    const policies = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__/* .loadAgentPolicies */ .gN)(policiesDir, {
        missingOk: true,
        workspace,
        use: { what: '--policies' },
    });
    const missing = REQUIRED.filter((k) => draft[k] === undefined);
    if (missing.length > 0) {
        if (!io.stdinTTY) {
            throw new _exit_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .e(`'astl agent create' needs ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on)`, `pass them as flags, e.g. ${missing.map((m) => `--${m} ${placeholder(m)}`).join(' ')}`);
        }
        await ask(draft, io, (type) => policyCap((0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__/* .policiesForType */ .Ac)(policies, type)));
    }
    const name = draft.name;
    const type = draft.type;
    if (existing?.agents.some((a) => a.name === name)) {
        const taken = existing.agents.find((a) => a.name === name);
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`agent '${name}' is already registered`, {
            code: 'AGENT_EXISTS',
            location: taken.keyLocations['name'] ?? taken.location,
            hint: 'choose another name, or edit the existing entry',
        });
    }
    const applicable = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__/* .policiesForType */ .Ac)(policies, type);
    const cap = policyCap(applicable);
    const maxTtlSeconds = draft.maxTtl !== undefined ? (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(draft.maxTtl, '--max-ttl') : (cap?.seconds ?? 3600);
    if (cap && maxTtlSeconds > cap.seconds) {
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`--max-ttl ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(maxTtlSeconds)} is over the ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(cap.seconds)} that AgentPolicy '${cap.policy}' allows agents of type '${type}'`, {
            code: 'POLICY_VIOLATION',
            location: cap.location,
            hint: `use --max-ttl ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(cap.seconds)} or less`,
        });
    }
    for (const policy of applicable) {
        for (const p of draft.permissions ?? []) {
            const index = policy.restrictions.findIndex((r) => namesRestricted(r, p));
            if (index >= 0) {
                throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`permission '${p.resource}: ${p.access}' is forbidden for agents of type '${type}' by AgentPolicy '${policy.name}' (deny: ${policy.restrictions[index]})`, {
                    code: 'RESTRICTION_VIOLATED',
                    location: policy.keyLocations[`spec.restrictions[${index}]`] ?? policy.location,
                    hint: 'drop that permission, or ask the policy owners for an exception',
                });
            }
        }
    }
    const entry = {
        name,
        type,
        owner: draft.owner,
        purpose: draft.purpose,
        permissions: (draft.permissions ?? []).map((p) => ({ [p.resource]: p.access })),
        'credential-policy': 'ephemeral',
        'max-ttl': (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(maxTtlSeconds),
        'audit-level': 'full',
    };
    if ((draft.permissions ?? []).length === 0)
        delete entry['permissions'];
    const text = appendEntry(existingText, entry);
    // Validate the whole file as it will be written (schema, duplicates), then the new agent against
    // the AgentPolicies exactly as a credential request for its full max-ttl would be checked.
    const written = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRegistry */ .l5)(text, config);
    const agent = written.agents.find((a) => a.name === name);
    (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_6__/* .checkCredentialRequest */ .Hm)({ agent, durationSeconds: maxTtlSeconds, providers: [], readsSecrets: false }, policies);
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .bool */ .lc)(args, 'dry-run')) {
        io.out(text);
        return _exit_js__WEBPACK_IMPORTED_MODULE_8__/* .EXIT */ .d.ok;
    }
    const temp = `${config}.astl-tmp-${process.pid}`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, text);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, config);
    io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .n)(io, 'green', 'registered')} agent '${name}' (type ${type}, owner ${draft.owner}) in ${(0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .str */ .gx)(args, 'config') || 'agent-config.yaml'}`);
    return _exit_js__WEBPACK_IMPORTED_MODULE_8__/* .EXIT */ .d.ok;
}
/** Adds the entry under `agents:` of the existing document, keeping its comments and layout. */
function appendEntry(existingText, entry) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(existingText ?? 'agents: []\n');
    if (existingText !== undefined && doc.contents === null) {
        // A file with only comments: keep them above the new list.
        doc.contents = doc.createNode({ agents: [] });
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(doc.contents)) {
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht('the agent registry must be a mapping with an `agents:` list', {
            code: 'REGISTRY_INVALID',
            hint: 'start the file with `agents:`',
        });
    }
    let agents = doc.get('agents', true);
    if (agents === undefined || agents === null || (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(agents) && isEmptyScalar(agents))) {
        agents = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .YAMLSeq */ .Rw();
        doc.set('agents', agents);
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(agents)) {
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht('`agents:` in the registry must be a list', { code: 'REGISTRY_INVALID' });
    }
    agents.flow = false;
    const node = doc.createNode(entry);
    agents.add(node);
    return doc.toString({ lineWidth: 0 });
}
function isEmptyScalar(node) {
    return (typeof node === 'object' && node !== null && 'value' in node && node.value == null);
}
function parsePermission(text) {
    const m = /^\s*([^:\s]+)\s*[:=]\s*([^:\s]+)\s*$/.exec(text);
    if (!m) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .e(`--permission '${text}' is not RESOURCE:ACCESS`, 'for example --permission repository:read');
    }
    return { resource: m[1], access: m[2] };
}
/**
 * Whether a declared permission names what an AgentPolicy restriction denies (`deny: secrets` and
 * a `secrets: read` permission). Write access is checked by the credentials pre-check.
 */
function namesRestricted(restriction, p) {
    const resource = p.resource.toLowerCase();
    if (restriction === 'secrets')
        return resource.includes('secret');
    if (restriction === 'production-access')
        return /(^|[-_.:/])(prod|production|prd)($|[-_.:/])/.test(resource);
    return false;
}
function policyCap(policies) {
    let cap;
    for (const p of policies) {
        const s = p.credentialPolicy?.maxTtlSeconds;
        if (s !== undefined && (cap === undefined || s < cap.seconds)) {
            cap = {
                seconds: s,
                policy: p.name,
                location: p.keyLocations['spec.credentialPolicy.maxTtl'] ?? p.location,
            };
        }
    }
    return cap;
}
function placeholder(field) {
    return ({ name: 'my-agent', type: 'coding-assistant', owner: 'platform-team', purpose: '"why it exists"' }[field] ?? 'VALUE');
}
/** Asks on the terminal for every field the flags did not give. */
async function ask(draft, io, capFor) {
    const rl = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: process.stdin, output: process.stderr, terminal: true });
    // Lines through the async iterator are buffered, so answers typed (or pasted) ahead of their
    // question are kept rather than dropped as rl.question would.
    const lines = rl[Symbol.asyncIterator]();
    try {
        const question = async (label, check, fallback) => {
            for (;;) {
                rl.setPrompt(`${label}${fallback ? ` [${fallback}]` : ''}: `);
                rl.prompt();
                const next = await lines.next();
                if (next.done)
                    throw new _exit_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .e('agent create cancelled: no answer (end of input)', 'nothing was written');
                const answer = String(next.value).trim() || fallback || '';
                const problem = check(answer);
                if (!problem)
                    return answer;
                io.err(`  ${problem}`);
            }
        };
        const nonEmpty = (v) => (v ? undefined : 'required');
        const oneLineText = (v) => !v
            ? 'required'
            : (0,_packages_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .findControlCharacter */ .Am)(v)
                ? 'one line of plain text, please (no control characters)'
                : undefined;
        draft.name ??= await question('Agent name (lowercase letters, digits, -)', (v) => /^[a-z0-9][a-z0-9-]*$/.test(v) ? undefined : 'use lowercase letters, digits and -');
        draft.type ??= await question('Agent type (e.g. coding-assistant)', nonEmpty);
        draft.owner ??= await question('Owner (team or person accountable)', oneLineText);
        draft.purpose ??= await question('Purpose (why it needs credentials)', oneLineText);
        if (draft.permissions === undefined) {
            const answer = await question('Permissions (resource:access, comma-separated; empty for none)', (v) => {
                try {
                    splitList(v).map(parsePermission);
                    return undefined;
                }
                catch (err) {
                    return err.message;
                }
            }, undefined);
            draft.permissions = splitList(answer).map(parsePermission);
        }
        if (draft.maxTtl === undefined) {
            const cap = capFor(draft.type);
            draft.maxTtl = await question('Max credential TTL', (v) => {
                try {
                    (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(v, 'max-ttl');
                    return undefined;
                }
                catch (err) {
                    return err.message;
                }
            }, (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(Math.min(cap?.seconds ?? 3600, 3600)));
        }
    }
    finally {
        rl.close();
    }
}
function splitList(v) {
    return v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}


/***/ })

};
