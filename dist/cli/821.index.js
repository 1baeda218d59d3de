"use strict";
exports.id = 821;
exports.ids = [821];
exports.modules = {

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

/***/ 3821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(425);
/* harmony import */ var _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3591);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2073);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7632);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9141);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1604);
/**
 * `astl revoke`: the after_script half of `astl credentials`. Revokes the Vault token (child
 * tokens and leases go with it) and the GitHub installation token (`DELETE
 * /installation/token`), says when the AWS session expires (STS sessions cannot be revoked one by
 * one), then deletes the env and state files. A revocation problem is a warning:
 * it never fails the job, since after_script runs when the job's outcome is already decided.
 *
 * The state file is data anyone with write access to the workspace could have forged, so it
 * chooses nothing: the Vault token goes only to an address the registry names for the agent (or
 * one given to this command with --vault-url), the GitHub token only to GITHUB_API_URL as this
 * job sets it, both over https unless allowed, and the only files
 * deleted are the state file itself and an env file this CLI wrote next to it.
 */









const spec = {
    name: 'revoke',
    summary: 'revoke what `astl credentials` minted and delete its files',
    usage: 'astl revoke [--state FILE] [--config FILE] [--vault-url URL] [--audit FILE]',
    flags: {
        state: {
            type: 'string',
            value: 'FILE',
            description: 'state file written by astl credentials (default .astl/state.json, as there)',
        },
        config: {
            type: 'string',
            value: 'FILE',
            description: 'agent registry naming the Vault the token may be sent to (default agent-config.yaml)',
        },
        'vault-url': {
            type: 'string',
            value: 'URL',
            multiple: true,
            description: 'a Vault address astl credentials was given with --vault-url (the token may go there too)',
        },
        'allow-insecure-http': {
            type: 'boolean',
            description: 'allow a plain http:// Vault address or GITHUB_API_URL to a non-loopback host (as astl credentials was)',
        },
        audit: {
            type: 'string',
            value: 'FILE',
            description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
        },
    },
    examples: [
        'astl revoke   # in after_script, which runs even when the script fails (--state .astl/state.json)',
    ],
    notes: [
        'The token is sent only to a Vault the registry names for the agent (or a --vault-url given',
        'here), the GitHub token only to GITHUB_API_URL (default https://api.github.com); only the',
        'state file and the env file astl credentials wrote next to it are deleted.',
        'Exit code 0 unless the command line is wrong (3): a failed revocation is a warning.',
    ],
};
async function run(args, io) {
    // Relative to the working directory: GitLab runs every script in the project directory.
    const scope = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .workspaceScope */ .O9)(io.env, io.cwd);
    const stateArg = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(args, 'state') || '.astl/state.json';
    const redactor = new _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_8__/* .Redactor */ .pO();
    const say = (text) => io.err(redactor.redact(text));
    const warn = (text) => say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .paint */ .nI)(io, 'yellow', 'warning')}: ${text}`);
    const statePath = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(stateArg, scope, { what: '--state' });
    // A bad --audit must not keep a live token from being revoked: the audit is skipped with a
    // warning. A bad --config stays a usage error (exit 3) that keeps the state for a second try.
    const auditFile = auditPath((0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(args, 'audit') || '.astl/audit.jsonl', scope, warn);
    const configArg = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(args, 'config') || 'agent-config.yaml';
    (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(configArg, scope, { what: '--config' });
    if (!statePath.exists) {
        io.out(`nothing to revoke: ${stateArg} does not exist (no credentials were issued)`);
        return _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
    }
    const text = readStateText(stateArg, scope);
    // Module by module: revoking loads the providers' revocation parts only, no minting code.
    const [{ applyAuditLevel, toJsonLines }, { defaultRevokers }, { parseRevocationState, revokeCredentials, stateSecrets },] = await Promise.all([
        __webpack_require__.e(/* import() */ 668).then(__webpack_require__.bind(__webpack_require__, 6668)),
        Promise.all(/* import() */[__webpack_require__.e(473), __webpack_require__.e(365), __webpack_require__.e(202)]).then(__webpack_require__.bind(__webpack_require__, 7365)),
        Promise.all(/* import() */[__webpack_require__.e(473), __webpack_require__.e(365), __webpack_require__.e(166)]).then(__webpack_require__.bind(__webpack_require__, 4569)),
    ]);
    const state = parseRevocationState(text);
    if (!state) {
        // Not ours: nothing is revoked and nothing deleted (it may be any file of the project).
        warn(`${stateArg} is not an astl state file; nothing revoked, nothing deleted`);
        return _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
    }
    for (const secret of stateSecrets(state))
        redactor.add(secret);
    try {
        const vaultRefusal = await vaultGuard(state, args, io, configArg, scope);
        const githubRefusal = await githubGuard(state, args, io);
        const result = await revokeCredentials(state, {
            registerSecret: (v) => redactor.add(v),
            logger: {
                info: (m) => say(m),
                warning: (m) => warn(m),
                debug: (m) => {
                    if (io.env.ASTL_DEBUG)
                        say(`debug: ${m}`);
                },
            },
        }, defaultRevokers(), {
            revoke: true,
            refusals: {
                ...(vaultRefusal ? { vault: vaultRefusal } : {}),
                ...(githubRefusal ? { github: githubRefusal } : {}),
            },
        });
        for (const w of result.warnings)
            warn(w);
        if (auditFile)
            appendAudit(auditFile, redactor.redact(toJsonLines(applyAuditLevel(result.audit, state.auditLevel))), warn, scope);
        const lines = [`revocation for agent ${result.agent} (correlation id ${result.correlationId})`];
        for (const e of result.entries)
            lines.push(`  ${e.provider.padEnd(6)} ${e.outcome}: ${e.message}`);
        io.out(redactor.redact(lines.join('\n')));
    }
    catch (err) {
        warn(`revocation failed: ${(0,_packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
    }
    finally {
        // The files hold the secrets; they go whatever happened above.
        removeFiles(statePath.real, envFileOf(text), io.cwd, scope, warn);
    }
    return _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.ok;
}
/** The state's text; a folder or an unreadable file is a usage error with the fix, not a stack. */
function readStateText(stateArg, scope) {
    try {
        return (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .readWorkspaceFile */ .sL)(stateArg, scope, { what: '--state' }).toString('utf8');
    }
    catch (err) {
        if (err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AstlError */ .Ht)
            throw err;
        const code = err.code ?? err.message;
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(code === 'EISDIR'
            ? `--state ${stateArg} is a folder, not a state file`
            : `cannot read --state ${stateArg} (${code})`, 'pass the file astl credentials wrote with --state (default .astl/state.json)');
    }
}
/** Why the Vault token must not be sent: the registry's addresses for the agent, and transport. */
async function vaultGuard(state, args, io, configArg, scope) {
    if (!state.vault)
        return undefined;
    const { vaultRevocationRefusal } = await Promise.all(/* import() */[__webpack_require__.e(473), __webpack_require__.e(290)]).then(__webpack_require__.bind(__webpack_require__, 5005));
    const { loadRegistry } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(5), __webpack_require__.e(789)]).then(__webpack_require__.bind(__webpack_require__, 1005));
    const guard = {
        allowInsecureHttp: (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .bool */ .lc)(args, 'allow-insecure-http'),
        optIn: '--allow-insecure-http',
        override: '--vault-url to astl revoke',
        source: configArg,
    };
    let allowed;
    try {
        const registry = loadRegistry((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(configArg) ? configArg : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(io.cwd, configArg), {
            workspace: scope,
            use: { what: '--config' },
        });
        const url = registry.agents.find((a) => a.name === state.agent)?.credentials.vault?.url;
        allowed = [...(url ? [url] : []), ...(0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(args, 'vault-url')];
    }
    catch (err) {
        const overrides = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)(args, 'vault-url');
        if (overrides.length === 0) {
            const reason = err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AstlError */ .Ht ? err.message : (0,_packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err);
            return `not sent: the registry could not be read to confirm the Vault address (${reason}); pass --config with the registry astl credentials used`;
        }
        allowed = overrides;
    }
    return vaultRevocationRefusal(state, { ...guard, allowedVaultUrls: allowed });
}
/**
 * Why the GitHub token must not be sent: only to GITHUB_API_URL as this job sets it (default
 * https://api.github.com), the same variable `astl credentials` minted with; never the state's URL alone.
 */
async function githubGuard(state, args, io) {
    if (!state.github)
        return undefined;
    const { githubApiFromEnv, githubRevocationRefusal } = await Promise.all(/* import() */[__webpack_require__.e(473), __webpack_require__.e(290)]).then(__webpack_require__.bind(__webpack_require__, 5005));
    return githubRevocationRefusal(state, {
        ...githubApiFromEnv(io.env),
        allowInsecureHttp: (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .bool */ .lc)(args, 'allow-insecure-http'),
        optIn: '--allow-insecure-http',
    });
}
/** The env file the state names, if it is a string. */
function envFileOf(text) {
    try {
        const f = JSON.parse(text).cli?.envFile;
        return typeof f === 'string' && f !== '' ? f : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Deletes the state file, and the env file only when it is a regular file in the same folder,
 * inside the workspace, that starts with the header astl credentials writes. Every problem is
 * one warning line with the path and what to do.
 */
function removeFiles(stateReal, envFile, cwd, scope, warn) {
    removeOne(stateReal, warn);
    if (!envFile)
        return;
    const leave = (why) => warn(`left ${envFile} in place: ${why}; delete it yourself if astl wrote it`);
    let real;
    try {
        real = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(envFile, { root: scope.root, base: cwd }, { what: 'the env file in the state' }).real;
    }
    catch (err) {
        leave(err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AstlError */ .Ht ? err.message : String(err));
        return;
    }
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(real) !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(stateReal)) {
        leave(`it is not in the state file's folder ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(stateReal)}`);
        return;
    }
    try {
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(real);
        if (!info.isFile()) {
            leave('it is not a regular file');
            return;
        }
        const head = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(real, 'utf8').slice(0, _files_js__WEBPACK_IMPORTED_MODULE_6__/* .ENV_FILE_HEADER */ .Dx.length);
        if (head !== _files_js__WEBPACK_IMPORTED_MODULE_6__/* .ENV_FILE_HEADER */ .Dx) {
            leave('it was not written by astl credentials');
            return;
        }
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOENT')
            leave(`cannot read it (${code ?? String(err)})`);
        return;
    }
    removeOne(real, warn);
}
function removeOne(path, warn) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
    }
    catch (err) {
        const code = err.code ?? String(err);
        warn(`could not delete ${path} (${code}); delete it by hand: it holds credentials`);
    }
}
/** The audit file's absolute path, or undefined (with a warning) when --audit fails the workspace rule. */
function auditPath(arg, scope, warn) {
    try {
        return (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(arg, scope, { what: '--audit' }).absolute;
    }
    catch (err) {
        warn(`${(0,_packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}; the credentials are still revoked, without an audit record`);
        return undefined;
    }
}
function appendAudit(file, text, warn, scope) {
    if (text === '')
        return;
    try {
        (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .writeWorkspaceFile */ .dx)(file, text, scope, { what: '--audit' }, {
            append: true,
            mode: 0o600,
            folderMode: 0o700,
        });
    }
    catch (err) {
        const code = err.code ?? String(err);
        warn(`could not append the audit events to ${file} (${code}); pass --audit with a writable file path`);
    }
}


/***/ })

};
;