export const id = 392;
export const ids = [392];
export const modules = {

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

/***/ 2392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dotenv: () => (/* binding */ dotenv),
/* harmony export */   junit: () => (/* binding */ junit),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2073);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7632);
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
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .choice */ .Yq)(args, 'format', FORMATS, 'text');
    const env = io.env;
    const agent = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'agent')?.trim() || env.ASTL_AGENT?.trim();
    if (!agent) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e("'astl gate' needs --agent (or ASTL_AGENT, which 'astl credentials' writes)", "run 'astl gate --help'");
    }
    // The type `astl credentials` exported belongs to the agent it exported: use it only for that one.
    const agentType = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'agent-type')?.trim() ||
        (agent === env.ASTL_AGENT?.trim() ? env.ASTL_AGENT_TYPE?.trim() : undefined) ||
        undefined;
    const environment = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'environment')?.trim();
    if (!environment)
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e("'astl gate' needs --environment", 'for example --environment staging');
    const replicasText = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'replicas')?.trim();
    if (replicasText && !/^\d{1,9}$/.test(replicasText)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--replicas '${replicasText}' is not a whole number`, 'for example --replicas 3');
    }
    const params = await parseParams((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'params'));
    const images = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)(args, 'image')
        .flatMap((i) => i.split(/\s+/))
        .filter(Boolean);
    const shadow = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .bool */ .lc)(args, 'shadow');
    const tokenVariable = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'gitlab-token-env')?.trim() || 'CI_JOB_TOKEN';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`--gitlab-token-env '${tokenVariable}' is not a variable name`, 'name the variable, not its value: for example --gitlab-token-env ASTL_GITLAB_TOKEN');
    }
    const { GitHubClient, GitLabClient, runGate } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(337), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(607)]).then(__webpack_require__.bind(__webpack_require__, 267));
    const gitlab = gitlabContext(env);
    const github = gitlab ? undefined : githubContext(env);
    let result;
    try {
        result = await runGate({
            policyPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'policy') || 'policies',
            policyInput: '--policy',
            workspace: (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_1__/* .workspaceScope */ .O9)(env, io.cwd),
            agent,
            ...(agentType ? { agentType } : {}),
            registryPath: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'config') || 'agent-config.yaml',
            action: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'action')?.trim() || 'deploy',
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
            onWarning: (m) => io.err(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'yellow', 'warning')}: ${m}`),
        });
    }
    catch (err) {
        // A fault the engine did not turn into a reason: still a deny (fail closed).
        io.err(`astl: deploy gate failed (denied): ${err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht ? err.format() : String(err?.stack ?? err)}`);
        return shadow ? _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok : _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.deny;
    }
    const { record } = result;
    const rules = format === 'junit' || (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'junit') ? await checkedRules(record) : [];
    const rendered = render(format, record, io, rules);
    const output = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'output');
    // Inside the workspace, never through a committed link (core/workspace-path).
    const save = (flag, text) => (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_1__/* .writeWorkspaceFile */ .dx)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, flag), text, (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_1__/* .workspaceScope */ .O9)(io.env, io.cwd), { what: `--${flag}` });
    if (output)
        save('output', rendered);
    else
        io.out(rendered);
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'junit'))
        save('junit', junit(record, rules));
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'dotenv'))
        save('dotenv', dotenv(record));
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'record'))
        save('record', `${JSON.stringify(record, null, 2)}\n`);
    if (format !== 'text' || output)
        io.err(headline(record, io));
    if (record.decision === 'approval_needed' && !github && !gitlab) {
        io.err('Outside GitHub Actions and GitLab jobs the gate cannot see approvals: exit 2 means "approval needed".');
    }
    if (record.decision === 'allow' || shadow)
        return _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
    return record.decision === 'approval_needed' ? _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.approvalNeeded : _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.deny;
}
async function parseParams(text) {
    if (!text?.trim())
        return {};
    const { parseYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(167)]).then(__webpack_require__.bind(__webpack_require__, 167));
    const docs = parseYaml(text, '--params');
    const value = docs[0]?.value;
    if (docs.length !== 1 || value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e('--params must be one JSON or YAML mapping', `for example --params '{"amount": 250}'`);
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
    return `deploy gate: ${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, colour, r.decision)}${shadow} for ${r.request.agent} ${r.request.action} -> ${r.request.environment} (decision ${r.decision_id})`;
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
                lines.push(`  ${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'bold', reason.code)} ${reason.rule}: ${reason.message}`);
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
    const { loadPolicies, matchingRules } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(337), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(607)]).then(__webpack_require__.bind(__webpack_require__, 267));
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
