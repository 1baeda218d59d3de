"use strict";
exports.id = 688;
exports.ids = [688];
exports.modules = {

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
        why: 'preloads code (--require/--import), adds module paths or CA certificates, turns off TLS checks, or changes how every later node process loads code, trusts peers, proxies requests or writes files',
        names: [
            'NODE_OPTIONS',
            'NODE_PATH',
            'NODE_EXTRA_CA_CERTS',
            'NODE_TLS_REJECT_UNAUTHORIZED',
            'NODE_REPL_EXTERNAL_MODULE',
            // Not a NODE_ prefix: NODE_AUTH_TOKEN is a legitimate export (setup-node's npm token).
            'NODE_COMPILE_CACHE',
            'NODE_PRESERVE_SYMLINKS',
            'NODE_ICU_DATA',
            'NODE_USE_ENV_PROXY',
            'NODE_USE_SYSTEM_CA',
            'NODE_V8_COVERAGE',
            'NODE_REDIRECT_WARNINGS',
            'NODE_DEBUG',
            'NODE_DEBUG_NATIVE',
            'NODE_CHANNEL_FD',
            'NODE_UNIQUE_ID',
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
        // GH_TOKEN too, reserved above with every GH_* name.
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
        ...('setting' in where.location ? { setting: where.location.setting } : { location: where.location }),
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
    const what = use.what ?? use.setting ?? 'path';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AstlError */ .Ht(use.location ? `${what} ${result.message}` : result.message, {
        code: use.code ?? PATH_OUTSIDE_WORKSPACE,
        ...(use.location
            ? { location: use.location }
            : use.setting && use.what === undefined
                ? { setting: use.setting }
                : { location: { file: what } }),
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
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(checked.real, flags);
    try {
        const opened = openedPath(fd);
        if (opened !== undefined && opened !== checked.real) {
            resolveWorkspacePath(opened, { root: scope.root }, use);
        }
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stat.isDirectory()) {
            throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
                code: 'EISDIR',
            });
        }
        if (!stat.isFile())
            throw notRegularFile(path, use);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** A FIFO, socket or device named where a file is read: it could block or never end. */
function notRegularFile(path, use) {
    const what = use.what ?? use.setting ?? 'path';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AstlError */ .Ht(`${use.location ? `${what} ` : ''}${path} is not a regular file (a FIFO, socket or device)`, {
        code: use.code ?? PATH_OUTSIDE_WORKSPACE,
        location: use.location ?? { file: what },
        hint: 'name a regular file in the working tree',
    });
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


/***/ })

};
;