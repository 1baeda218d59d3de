export const id = 202;
export const ids = [202];
export const modules = {

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
    usage: 'astl revoke --state FILE [--config FILE] [--vault-url URL] [--audit FILE]',
    flags: {
        state: { type: 'string', value: 'FILE', description: 'state file written by astl credentials' },
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
        'astl revoke --state .astl/state.json   # in after_script, which runs even when the script fails',
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
    const stateArg = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .required */ .mw)(args, spec, 'state');
    const redactor = new _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_8__/* .Redactor */ .pO();
    const say = (text) => io.err(redactor.redact(text));
    const warn = (text) => say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .paint */ .n)(io, 'yellow', 'warning')}: ${text}`);
    const statePath = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(stateArg, scope, { what: '--state' });
    const auditArg = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(args, 'audit') || '.astl/audit.jsonl';
    const auditFile = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(auditArg, scope, { what: '--audit' }).absolute;
    const configArg = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(args, 'config') || 'agent-config.yaml';
    (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(configArg, scope, { what: '--config' });
    if (!statePath.exists) {
        io.out(`nothing to revoke: ${stateArg} does not exist (no credentials were issued)`);
        return _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.ok;
    }
    const text = readStateText(stateArg, scope);
    const { applyAuditLevel, defaultProviders, parseRevocationState, revokeCredentials, stateSecrets, toJsonLines, } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(989), __webpack_require__.e(821), __webpack_require__.e(170)]).then(__webpack_require__.bind(__webpack_require__, 2821));
    const state = parseRevocationState(text);
    if (!state) {
        // Not ours: nothing is revoked and nothing deleted (it may be any file of the project).
        warn(`${stateArg} is not an astl state file; nothing revoked, nothing deleted`);
        return _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.ok;
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
        }, defaultProviders(), {
            revoke: true,
            refusals: {
                ...(vaultRefusal ? { vault: vaultRefusal } : {}),
                ...(githubRefusal ? { github: githubRefusal } : {}),
            },
        });
        for (const w of result.warnings)
            warn(w);
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
    return _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.ok;
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
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(code === 'EISDIR'
            ? `--state ${stateArg} is a folder, not a state file`
            : `cannot read --state ${stateArg} (${code})`, 'pass the file astl credentials wrote with --state (default .astl/state.json)');
    }
}
/** Why the Vault token must not be sent: the registry's addresses for the agent, and transport. */
async function vaultGuard(state, args, io, configArg, scope) {
    if (!state.vault)
        return undefined;
    const { vaultRevocationRefusal } = await __webpack_require__.e(/* import() */ 386).then(__webpack_require__.bind(__webpack_require__, 5005));
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
    const { githubRevocationRefusal } = await __webpack_require__.e(/* import() */ 386).then(__webpack_require__.bind(__webpack_require__, 5005));
    const { DEFAULT_GITHUB_API_URL } = await __webpack_require__.e(/* import() */ 473).then(__webpack_require__.bind(__webpack_require__, 8473));
    const fromEnv = io.env.GITHUB_API_URL?.trim();
    return githubRevocationRefusal(state, {
        allowedApiUrls: [fromEnv || DEFAULT_GITHUB_API_URL],
        source: fromEnv ? 'GITHUB_API_URL' : `the default ${DEFAULT_GITHUB_API_URL} (GITHUB_API_URL is not set)`,
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
