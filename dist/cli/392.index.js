"use strict";
exports.id = 392;
exports.ids = [392];
exports.modules = {

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

/***/ 2392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dotenv: () => (/* binding */ dotenv),
/* harmony export */   junit: () => (/* binding */ junit),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2073);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7632);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9141);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);
/**
 * `astl gate`: the deploy gate for GitLab jobs and laptops. Same engine as the GitHub action
 * (packages/gate): policy, image digests through the OCI API, CEL expressions, fail closed.
 * Exit 0 allow, 1 deny, 2 approval_needed; shadow mode reports and exits 0.
 */





const spec = {
    name: 'gate',
    summary: 'check a deploy request against policy: allow, deny or approval_needed',
    usage: 'astl gate --policy P --agent A --environment E [--image REF]... [--replicas N] [--params JSON|YAML] [--shadow] [--format text|json|junit|dotenv]',
    flags: {
        policy: { type: 'string', value: 'PATH', description: 'deploy policy file or folder (default policies)' },
        agent: { type: 'string', value: 'NAME', description: 'agent asking to deploy (default $ASTL_AGENT)' },
        'agent-type': {
            type: 'string',
            value: 'TYPE',
            description: 'agent type (default $ASTL_AGENT_TYPE for $ASTL_AGENT, else looked up in the registry)',
        },
        config: {
            type: 'string',
            value: 'FILE',
            description: "agent registry, for the agent's type (default agent-config.yaml)",
        },
        action: { type: 'string', value: 'ACTION', description: 'requested action (default deploy)' },
        environment: { type: 'string', value: 'ENV', description: 'target environment (required)' },
        image: {
            type: 'string',
            multiple: true,
            value: 'REF',
            description: 'image to deploy; tags are resolved to digests',
        },
        replicas: { type: 'string', value: 'N', description: 'requested replica count' },
        params: {
            type: 'string',
            value: 'JSON|YAML',
            description: 'request parameters (a mapping) for expressions and allowed_hosts',
        },
        shadow: { type: 'boolean', description: 'report the decision but never fail (exit 0)' },
        format: {
            type: 'string',
            value: 'FORMAT',
            description: 'stdout format: text (default), json (decision record), junit, dotenv',
        },
        output: {
            type: 'string',
            value: 'FILE',
            description: 'write the --format output to FILE instead of stdout',
        },
        junit: {
            type: 'string',
            value: 'FILE',
            description: 'also write a JUnit report (one test case per rule)',
        },
        dotenv: {
            type: 'string',
            value: 'FILE',
            description: 'also write a dotenv report: decision, id, policy digest, pinned images',
        },
        record: { type: 'string', value: 'FILE', description: 'also write the decision record (JSON)' },
        'gitlab-token-env': {
            type: 'string',
            value: 'VAR',
            description: 'in a GitLab job: variable holding the API token for approvals and budgets (default CI_JOB_TOKEN)',
        },
    },
    examples: [
        'astl gate --policy policies --agent deploy-bot --environment staging --image ghcr.io/acme/app:1.4.2',
        'astl gate --agent deploy-bot --environment production --image ghcr.io/acme/app@sha256:… \\',
        '  --replicas 3 --params \'{"amount": 250}\' --junit gate.xml --dotenv gate.env',
    ],
    notes: [
        'Exit codes: 0 allow (or --shadow), 1 deny, 2 approval_needed, 3 usage error.',
        'Fail closed: a policy that does not load, an unreachable registry or an expression error is a deny.',
        'Approvals and max_per_day budgets use the GitLab Deployments API in a GitLab job (token: --gitlab-token-env,',
        "default CI_JOB_TOKEN; approvals are the deployment approvals of the job's own protected environment),",
        'or the GitHub API when GITHUB_TOKEN and GITHUB_REPOSITORY are set; elsewhere budgets fail closed and',
        'approval_needed exits 2.',
    ],
};
const FORMATS = ['text', 'json', 'junit', 'dotenv'];
async function run(args, io) {
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .choice */ .Yq)(args, 'format', FORMATS, 'text');
    const env = io.env;
    const agent = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'agent')?.trim() || env.ASTL_AGENT?.trim();
    if (!agent) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("'astl gate' needs --agent (or ASTL_AGENT, which 'astl credentials' writes)", "run 'astl gate --help'");
    }
    // The type `astl credentials` exported belongs to the agent it exported: use it only for that one.
    const agentType = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'agent-type')?.trim() ||
        (agent === env.ASTL_AGENT?.trim() ? env.ASTL_AGENT_TYPE?.trim() : undefined) ||
        undefined;
    const environment = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'environment')?.trim();
    if (!environment)
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("'astl gate' needs --environment", 'for example --environment staging');
    const replicasText = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'replicas')?.trim();
    if (replicasText && !/^\d{1,9}$/.test(replicasText)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--replicas '${replicasText}' is not a whole number`, 'for example --replicas 3');
    }
    const params = await parseParams((0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'params'));
    const images = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(args, 'image')
        .flatMap((i) => i.split(/\s+/))
        .filter(Boolean);
    const shadow = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .bool */ .lc)(args, 'shadow');
    // A report path that cannot be written is refused before the decision, not after it.
    for (const flag of ['output', 'junit', 'dotenv', 'record']) {
        const path = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, flag);
        if (path)
            (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .checkOutputPath */ .$b)(`--${flag}`, path);
    }
    const tokenVariable = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'gitlab-token-env')?.trim() || 'CI_JOB_TOKEN';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--gitlab-token-env '${tokenVariable}' is not a variable name`, 'name the variable, not its value: for example --gitlab-token-env ASTL_GITLAB_TOKEN');
    }
    const { GitHubClient, GitLabClient, runGate } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(337), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(434)]).then(__webpack_require__.bind(__webpack_require__, 267));
    const gitlab = gitlabContext(env);
    const github = gitlab ? undefined : githubContext(env);
    let result;
    try {
        result = await runGate({
            policyPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'policy') || 'policies',
            names: _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .CLI_NAMES */ .Q4,
            workspace: (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_0__/* .workspaceScope */ .O9)(env, io.cwd),
            agent,
            ...(agentType ? { agentType } : {}),
            registryPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'config') || 'agent-config.yaml',
            action: (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'action')?.trim() || 'deploy',
            environment,
            images,
            ...(replicasText ? { replicas: Number(replicasText) } : {}),
            params,
            mode: shadow ? 'shadow' : 'enforce',
            ci: ciInfo(env),
            // Neither platform (a laptop): approvals answer approval_needed, budgets fail closed.
            ...(gitlab ? { gitlab } : github ? { github: github.repo } : {}),
            resolve: { log: (m) => io.err(m) },
        }, {
            ...(gitlab
                ? {
                    gitlab: new GitLabClient({
                        apiUrl: env.CI_API_V4_URL,
                        token: env[tokenVariable]?.trim(),
                        tokenVariable,
                        allowInsecureHttp: env.ASTL_ALLOW_INSECURE_HTTP === 'true',
                    }),
                }
                : github
                    ? { github: new GitHubClient({ token: github.token, baseUrl: env.GITHUB_API_URL }) }
                    : {}),
            onWarning: (m) => io.err(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(io, 'yellow', 'warning')}: ${m}`),
        });
    }
    catch (err) {
        // A fault the engine did not turn into a reason: still a deny (fail closed).
        io.err(`astl: deploy gate failed (denied): ${(0,_exit_js__WEBPACK_IMPORTED_MODULE_2__/* .formatError */ .Wk)(err)}`);
        return shadow ? _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok : _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.deny;
    }
    const { record } = result;
    const rules = format === 'junit' || (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'junit') ? await checkedRules(record) : [];
    const rendered = render(format, record, io, rules);
    const output = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'output');
    // Inside the workspace, never through a committed link (core/workspace-path); a path that
    // cannot be written is one line naming the flag (cli/files).
    const scope = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_0__/* .workspaceScope */ .O9)(io.env, io.cwd);
    const save = (flag, text) => (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFlagFile */ .mg)(`--${flag}`, (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, flag), text, { scope });
    if (output)
        save('output', rendered);
    else
        io.out(rendered);
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'junit'))
        save('junit', junit(record, rules));
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'dotenv'))
        save('dotenv', dotenv(record));
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(args, 'record'))
        save('record', `${JSON.stringify(record, null, 2)}\n`);
    if (format !== 'text' || output)
        io.err(headline(record, io));
    if (record.decision === 'approval_needed' && !github && !gitlab) {
        io.err('Outside GitHub Actions and GitLab jobs the gate cannot see approvals: exit 2 means "approval needed".');
    }
    if (record.decision === 'allow' || shadow)
        return _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    return record.decision === 'approval_needed' ? _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.approvalNeeded : _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.deny;
}
async function parseParams(text) {
    if (!text?.trim())
        return {};
    const { parseYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(167)]).then(__webpack_require__.bind(__webpack_require__, 167));
    const docs = parseYaml(text, '--params');
    const value = docs[0]?.value;
    if (docs.length !== 1 || value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('--params must be one JSON or YAML mapping', `for example --params '{"amount": 250}'`);
    }
    return value;
}
/** In a GitLab job: the project, job and commit the GitLab Deployments API calls are about. */
function gitlabContext(env) {
    if (env.GITLAB_CI !== 'true' || !env.CI_API_V4_URL || !env.CI_PROJECT_ID)
        return undefined;
    return {
        projectId: env.CI_PROJECT_ID,
        ...(env.CI_JOB_ID ? { jobId: env.CI_JOB_ID } : {}),
        sha: env.CI_COMMIT_SHA ?? '',
        ref: env.CI_COMMIT_TAG || env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || '',
        tag: Boolean(env.CI_COMMIT_TAG),
        // Four eyes: the user who started the pipeline does not approve their own deploy.
        excludedUsers: env.GITLAB_USER_LOGIN ? [env.GITLAB_USER_LOGIN] : [],
    };
}
function githubContext(env) {
    const token = env.GITHUB_TOKEN?.trim();
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!token || !owner || !repo)
        return undefined;
    return {
        token,
        repo: {
            owner,
            repo,
            ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
            ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
        },
    };
}
function ciInfo(env) {
    const pick = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));
    if (env.GITLAB_CI) {
        return pick({
            provider: 'gitlab',
            repository: env.CI_PROJECT_PATH,
            run_id: env.CI_PIPELINE_ID,
            job: env.CI_JOB_NAME,
            sha: env.CI_COMMIT_SHA,
            ref: env.CI_COMMIT_REF_NAME,
            actor: env.GITLAB_USER_LOGIN,
        });
    }
    if (env.GITHUB_ACTIONS) {
        return pick({
            provider: 'github',
            repository: env.GITHUB_REPOSITORY,
            run_id: env.GITHUB_RUN_ID,
            run_attempt: env.GITHUB_RUN_ATTEMPT,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF,
            actor: env.GITHUB_ACTOR,
        });
    }
    return { provider: 'local' };
}
function headline(r, io) {
    const colour = r.decision === 'allow' ? 'green' : r.decision === 'deny' ? 'red' : 'yellow';
    const shadow = r.mode === 'shadow' && r.decision !== 'allow' ? ' (shadow mode: not enforced)' : '';
    return `deploy gate: ${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(io, colour, r.decision)}${shadow} for ${r.request.agent} ${r.request.action} -> ${r.request.environment} (decision ${r.decision_id})`;
}
function render(format, r, io, rules) {
    switch (format) {
        case 'json':
            return `${JSON.stringify(r, null, 2)}\n`;
        case 'junit':
            return junit(r, rules);
        case 'dotenv':
            return dotenv(r);
        default: {
            const lines = [headline(r, io)];
            for (const reason of r.reasons)
                lines.push(`  ${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(io, 'bold', reason.code)} ${reason.rule}: ${reason.message}`);
            for (const i of r.images)
                lines.push(`  image ${i.input} -> ${i.pinned ?? `not resolved (${i.error ?? 'unknown'})`}`);
            lines.push(`  policy ${r.policy.path} sha256 ${r.policy.sha256 ?? '(not loaded)'}`);
            return `${lines.join('\n')}\n`;
        }
    }
}
/** Only non-secret facts a later job may use: the decision and the exact images to deploy. */
function dotenv(r) {
    const pinned = r.images.flatMap((i) => (i.pinned ? [i.pinned] : []));
    const vars = {
        ASTL_GATE_DECISION: r.decision,
        ASTL_GATE_DECISION_ID: r.decision_id,
        ASTL_GATE_POLICY_SHA256: r.policy.sha256 ?? '',
        ASTL_GATE_IMAGES: pinned.join(' '),
    };
    // GitLab's dotenv report: one KEY=value a line, no newlines in values.
    return `${Object.entries(vars)
        .map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}`)
        .join('\n')}\n`;
}
const xml = (s) => s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
/**
 * JUnit for GitLab's test report: one test case per rule of the matching policy entries (passing
 * unless a reason names it), one per other reason (policy errors, AgentPolicy restrictions), one
 * per image and one for the decision, so the merge request's test widget shows exactly which
 * rule stopped the deploy and which held.
 */
function junit(r, checkedRules = []) {
    const cases = [];
    const seconds = (r.metrics.timer_total_ms / 1000).toFixed(3);
    const classname = xml(`astl.gate.${r.request.environment}`);
    const testcase = (name, body, time = '0') => `    <testcase classname="${classname}" name="${xml(name)}" time="${time}">${body}</testcase>`;
    const failed = (type, message, detail) => r.mode === 'shadow'
        ? `<system-out>${xml(`shadow mode, not enforced: ${detail}`)}</system-out>`
        : `<failure type="${xml(type)}" message="${xml(message)}">${xml(detail)}</failure>`;
    const reported = new Set();
    for (const rule of checkedRules) {
        const against = r.reasons
            .map((reason, i) => ({ reason, i }))
            .filter(({ reason }) => reason.rule === rule);
        for (const { i } of against)
            reported.add(i);
        cases.push(testcase(rule, against.length === 0
            ? '<system-out>passed</system-out>'
            : failed(against[0].reason.code, against.map(({ reason }) => reason.message).join('; '), against.map(({ reason }) => `${reason.code} ${reason.rule}: ${reason.message}`).join('\n'))));
    }
    r.reasons.forEach((reason, i) => {
        if (reported.has(i))
            return;
        cases.push(testcase(`${reason.code} ${reason.rule}`, failed(reason.code, reason.message, `${reason.rule}: ${reason.message}`)));
    });
    for (const i of r.images) {
        const ok = Boolean(i.pinned) && !i.error;
        cases.push(testcase(`image ${i.input}`, ok
            ? `<system-out>${xml(`pinned as ${i.pinned}`)}</system-out>`
            : failed(i.error ?? 'IMAGE_NOT_RESOLVED', 'not resolved to a digest', `${i.input}: ${i.error ?? 'not resolved'}`)));
    }
    const decisionOk = r.decision === 'allow';
    cases.push(testcase('decision', decisionOk
        ? `<system-out>${xml(`${r.decision} (decision ${r.decision_id})`)}</system-out>`
        : failed(r.decision, `deploy ${r.decision}`, r.reasons.map((x) => `${x.code} ${x.rule}: ${x.message}`).join('\n')), seconds));
    const failures = cases.filter((c) => c.includes('<failure')).length;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="astl gate" tests="${cases.length}" failures="${failures}" time="${seconds}">`,
        `  <testsuite name="${xml(`deploy gate: ${r.request.agent} ${r.request.action} -> ${r.request.environment}`)}" tests="${cases.length}" failures="${failures}" time="${seconds}" timestamp="${r.timestamp}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}
/** `file:line key` of every rule key in the policy entries that apply to this request. */
async function checkedRules(r) {
    const { loadPolicies, matchingRules } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(337), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(434)]).then(__webpack_require__.bind(__webpack_require__, 267));
    try {
        const set = loadPolicies(r.policy.path);
        return matchingRules({ agent: r.request.agent, action: r.request.action }, set).flatMap((rule) => Object.entries(rule.keyAt)
            .filter(([key]) => key !== 'name')
            .map(([key, at]) => `${at} ${key}`));
    }
    catch {
        return []; // a policy that does not load is already a reason of its own
    }
}


/***/ })

};
;