export const id = 674;
export const ids = [674];
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

/***/ 9674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  spec: () => (/* binding */ spec)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
// EXTERNAL MODULE: ./packages/core/workspace-path.ts
var workspace_path = __webpack_require__(2073);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./packages/scanner/version.ts

/** The scanner's version as SARIF reports it: the repository's package version. */
const SCANNER_VERSION = package_0/* version */.rE;

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __webpack_require__(7632);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/verbs/scan.ts
/**
 * `astl scan`: the PR scanner for GitLab jobs, pre-commit hooks and laptops. Same engine and
 * reporters as the scan action; several reports can come out of one run (stdout in --format, plus
 * --sarif / --codequality files) so a CI job scans once.
 */











const run_ = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const spec = {
    name: 'scan',
    summary: 'scan agent configs, policies, workflows and IAM documents for risky settings',
    usage: 'astl scan [PATH...] [--scope all|diff] [--base REF] [--head REF] [--staged] [--format text|json|sarif|codequality|github] [--output FILE] [--baseline FILE] [--write-baseline FILE] [--fail-on error|warning|never]',
    positionals: true,
    flags: {
        scope: {
            type: 'string',
            value: 'SCOPE',
            description: 'all: every finding in the scanned files; diff: only findings on changed lines (needs --base or --staged; their default)',
        },
        base: {
            type: 'string',
            value: 'REF',
            description: 'report only findings on lines changed since REF (merge base side)',
        },
        head: { type: 'string', value: 'REF', description: 'the changed side for --base (default HEAD)' },
        staged: {
            type: 'boolean',
            description: 'scan what `git commit` would record (staged changes; for pre-commit)',
        },
        format: {
            type: 'string',
            value: 'FORMAT',
            description: 'stdout format: text (default), json, sarif, codequality, github',
        },
        output: {
            type: 'string',
            value: 'FILE',
            description: 'write the --format report to FILE instead of stdout',
        },
        sarif: { type: 'string', value: 'FILE', description: 'also write SARIF 2.1.0 to FILE' },
        codequality: {
            type: 'string',
            value: 'FILE',
            description: 'also write a GitLab Code Quality report to FILE',
        },
        baseline: { type: 'string', value: 'FILE', description: 'file of accepted finding fingerprints' },
        config: {
            type: 'string',
            value: 'FILE',
            description: 'scan config (pinning exceptions…); default .astl/scan.yaml when present',
        },
        'write-baseline': {
            type: 'string',
            value: 'FILE',
            description: 'write the fingerprints of every current finding to FILE (the --baseline format) and exit 0',
        },
        'fail-on': { type: 'string', value: 'LEVEL', description: 'error (default), warning or never' },
    },
    examples: [
        'astl scan                                   # the default paths, every finding',
        'astl scan --base origin/main                # only what this branch changed',
        'astl scan policies/ agent-config.yaml --format sarif --output astl.sarif',
        'astl scan --staged                          # in a pre-commit hook',
        'astl scan --write-baseline astl-baseline.json   # accept what is there today',
        'astl scan --baseline astl-baseline.json     # then report only new findings',
        'astl scan --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --codequality gl-code-quality-report.json --sarif astl.sarif',
    ],
    notes: [
        'PATH is a file or a folder (scanned whole), taken literally; a PATH that does not exist but',
        'contains * ? [ ] { } is a glob. Default: agent configs, policies/**, CI files and IAM JSON.',
        'Suppress one finding with `# astl:ignore <rule-id> <reason>`.',
        'Exit codes: 0 no findings at or above --fail-on, 1 findings, 3 usage or config error',
        '(a PATH that does not exist is one).',
    ],
};
const FORMATS = ['text', 'json', 'sarif', 'codequality', 'github'];
async function run(args, io) {
    const format = (0,cli_args/* choice */.Yq)(args, 'format', FORMATS, 'text');
    const failOn = (0,cli_args/* choice */.Yq)(args, 'fail-on', ['error', 'warning', 'never'], 'error');
    const staged = (0,cli_args/* bool */.lc)(args, 'staged');
    const base = (0,cli_args/* str */.gx)(args, 'base')?.trim() || undefined;
    const head = (0,cli_args/* str */.gx)(args, 'head')?.trim() || undefined;
    if (staged && (base || head))
        throw new exit/* UsageError */.e('--staged cannot be combined with --base/--head');
    if (head && !base)
        throw new exit/* UsageError */.e('--head needs --base', 'for example --base origin/main --head HEAD');
    const scope = (0,cli_args/* choice */.Yq)(args, 'scope', ['all', 'diff'], base || staged ? 'diff' : 'all');
    if (scope === 'diff' && !base && !staged)
        throw new exit/* UsageError */.e('--scope diff needs the changed lines: give --base REF (or --staged)', 'for example --scope diff --base origin/main');
    const targets = classifyPaths(io.cwd, args.positionals, staged);
    const writeBaselineFile = (0,cli_args/* str */.gx)(args, 'write-baseline');
    const baselineFile = writeBaselineFile ? undefined : (0,cli_args/* str */.gx)(args, 'baseline');
    // Inside the workspace and out of .git/, or refused without showing the file (core/workspace-path).
    const baselinePath = baselineFile
        ? (0,workspace_path/* resolveWorkspacePath */.XI)(baselineFile, (0,workspace_path/* workspaceScope */.O9)(io.env, io.cwd), { what: '--baseline' }).real
        : undefined;
    if (baselineFile && !(0,external_node_fs_.existsSync)(baselinePath)) {
        throw new errors/* AstlError */.Ht(`baseline file ${baselineFile} not found`, {
            code: 'BASELINE_NOT_FOUND',
            location: { file: baselineFile },
            hint: 'write one with `astl scan --write-baseline FILE`, or drop --baseline',
        });
    }
    const engine = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(891), __webpack_require__.e(716), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(749), __webpack_require__.e(29)]).then(__webpack_require__.bind(__webpack_require__, 3749));
    const progress = startProgress(io);
    let result;
    let cleanup;
    try {
        // Read from the working tree before --staged swaps the root for a snapshot of the index.
        const configFile = (0,cli_args/* str */.gx)(args, 'config');
        const options = { root: io.cwd, scope, config: engine.loadScanConfig(io.cwd, configFile) };
        if (targets.files.length)
            options.files = targets.files;
        if (targets.globs.length)
            options.paths = targets.globs;
        if (baselinePath) {
            try {
                options.baseline = engine.parseBaseline((0,external_node_fs_.readFileSync)(baselinePath, 'utf8'));
            }
            catch (err) {
                throw new errors/* AstlError */.Ht(`baseline file ${baselineFile} is not a baseline: ${err.message}`, {
                    code: 'BASELINE_INVALID',
                    location: { file: baselineFile },
                    hint: 'one fingerprint a line, or JSON {"fingerprints": [...]}',
                });
            }
        }
        if (staged) {
            // Only staged files the scan would read are copied out of the index; they are then
            // named one by one (literally) to the engine.
            const wanted = stagedFilter(engine, targets);
            const snapshot = await stagedSnapshot(io.cwd, engine.rangesFromPatch, wanted);
            cleanup = snapshot.cleanup;
            options.root = snapshot.root;
            options.files = [...snapshot.changes.files.keys()];
            delete options.paths;
            if (options.files.length === 0)
                options.files = ['.'];
            if (scope === 'diff')
                options.changes = snapshot.changes;
        }
        else if (base && scope === 'diff') {
            options.base = base;
            if (head)
                options.head = head;
        }
        result = await engine.scan(options);
    }
    finally {
        progress();
        cleanup?.();
    }
    if (!staged)
        missingPaths(targets, result.skipped);
    if (writeBaselineFile) {
        write(io, 'write-baseline', writeBaselineFile, engine.writeBaseline(result.findings));
        const n = new Set(result.findings.map((f) => f.fingerprint)).size;
        io.err(`astl scan: wrote ${n} fingerprints to ${writeBaselineFile}; scan with --baseline ${writeBaselineFile} to report only new findings`);
    }
    const reports = {
        text: () => colourText(engine.textReport(result), io),
        json: () => engine.jsonReport(result),
        sarif: () => `${JSON.stringify(engine.toSarif(result.findings, { rules: result.rules, toolVersion: SCANNER_VERSION }), null, 2)}\n`,
        codequality: () => `${JSON.stringify(engine.toCodeQuality(result.findings, result.rules), null, 2)}\n`,
        github: () => {
            const lines = engine.annotationLines(result.findings, {
                rules: result.rules,
                maxPerType: Number.MAX_SAFE_INTEGER,
            });
            return lines.length ? `${lines.join('\n')}\n` : '';
        },
    };
    const output = (0,cli_args/* str */.gx)(args, 'output');
    if (output)
        write(io, 'output', output, reports[format]());
    else if (format === 'github') {
        // Annotation lines are commands on purpose; their parts are escaped by annotationCommand.
        io.commands(engine.annotationLines(result.findings, { rules: result.rules, maxPerType: Number.MAX_SAFE_INTEGER }));
    }
    else {
        const text = reports[format]();
        if (text)
            io.out(text.replace(/\n$/, ''));
    }
    if ((0,cli_args/* str */.gx)(args, 'sarif'))
        write(io, 'sarif', (0,cli_args/* str */.gx)(args, 'sarif'), reports.sarif());
    if ((0,cli_args/* str */.gx)(args, 'codequality'))
        write(io, 'codequality', (0,cli_args/* str */.gx)(args, 'codequality'), reports.codequality());
    // Whatever went to stdout, warnings and the tally also reach a human on stderr.
    if (format !== 'text' || output) {
        for (const w of result.warnings)
            io.err(`warning: ${w}`);
        const { error, warning, note } = result.stats.bySeverity;
        io.err(`astl scan: ${result.stats.filesScanned} files, ${error} errors, ${warning} warnings, ${note} notes`);
    }
    const { error, warning } = result.stats.bySeverity;
    if (failOn === 'never' || writeBaselineFile)
        return exit/* EXIT */.d.ok;
    return error > 0 || (failOn === 'warning' && warning > 0) ? exit/* EXIT */.d.findings : exit/* EXIT */.d.ok;
}
const GLOB_CHARS = /[*?[\]{}]/;
/**
 * Sorts PATH arguments: a plain name is a file or folder, taken literally (`[id].ts`,
 * `a (1).yml`) and checked by the engine, which costs no extra lookup; a name with glob
 * characters is taken literally when it exists, else as a glob. A path outside the current
 * folder is a usage error (exit 3); so is a missing one (see missingPaths).
 */
function classifyPaths(cwd, positionals, needFolders) {
    const targets = { files: [], folders: [], globs: [] };
    for (const p of positionals) {
        const rel = insideFolder(cwd, p);
        if (rel === undefined)
            throw new exit/* UsageError */.e(`${p} is outside the folder being scanned (${cwd})`, 'run astl scan from the repository root and name paths inside it');
        const glob = GLOB_CHARS.test(p);
        const info = glob || needFolders ? lstatOrUndefined((0,external_node_path_.join)(cwd, rel)) : undefined;
        if (glob && !info) {
            targets.globs.push(p.replace(/\\/g, '/').replace(/^\.\//, ''));
            continue;
        }
        targets.files.push(rel === '' ? '.' : rel);
        if (info?.isDirectory())
            targets.folders.push(rel);
    }
    return targets;
}
/**
 * `p` relative to `cwd` in forward slashes ('' for the folder itself), or undefined when it leaves
 * it. Relative names are normalised segment by segment (path.resolve per name costs ~30 µs, which
 * thousands of names from a hook would feel).
 */
function insideFolder(cwd, p) {
    if ((0,external_node_path_.isAbsolute)(p)) {
        const rel = (0,external_node_path_.relative)(cwd, p).split(external_node_path_.sep).join('/');
        return rel === '..' || rel.startsWith('../') || (0,external_node_path_.isAbsolute)(rel) ? undefined : rel;
    }
    const parts = [];
    for (const part of p.split(/[\\/]/)) {
        if (part === '' || part === '.')
            continue;
        if (part !== '..')
            parts.push(part);
        else if (parts.pop() === undefined)
            return undefined;
    }
    return parts.join('/');
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Named paths the engine found missing: a usage error (exit 3), naming them. */
function missingPaths(targets, skipped) {
    const named = new Set(targets.files);
    const missing = skipped
        .filter((s) => s.reason === 'does not exist' && named.has(s.file))
        .map((s) => s.file);
    if (missing.length === 0)
        return;
    throw new exit/* UsageError */.e(`${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'does' : 'do'} not exist`, 'name existing files or folders (paths are relative to the current folder), or quote a glob such as "policies/*.yaml"');
}
/** Which staged names the scan reads: the named files, folders and globs, or the default paths. */
function stagedFilter(engine, targets) {
    const unwanted = engine.globMatcher(engine.DEFAULT_EXCLUDE);
    const named = targets.files.length + targets.globs.length > 0;
    if (!named) {
        const defaults = engine.globMatcher(engine.DEFAULT_PATHS);
        return (f) => defaults(f) && !unwanted(f);
    }
    const files = new Set(targets.files);
    const everything = targets.folders.includes('');
    const folders = targets.folders.filter((d) => d !== '').map((d) => `${d}/`);
    const globs = engine.globMatcher(targets.globs);
    return (f) => !unwanted(f) && (everything || files.has(f) || folders.some((d) => f.startsWith(d)) || globs(f));
}
/** A report file: inside the workspace, never through a committed link (core/workspace-path). */
function write(io, flag, file, text) {
    (0,workspace_path/* writeWorkspaceFile */.dx)(file, text, (0,workspace_path/* workspaceScope */.O9)(io.env, io.cwd), { what: `--${flag}` });
}
function colourText(text, io) {
    if (!io.color)
        return text;
    return text.replace(/: (error|warning|note) /g, (_m, sev) => `: ${(0,cli_io/* paint */.n)(io, sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : 'blue', sev)} `);
}
/** A one-line "scanning…" on a terminal's stderr, cleared when done; nothing elsewhere. */
function startProgress(io) {
    if (!io.interactive)
        return () => { };
    const timer = setTimeout(() => process.stderr.write('astl scan: scanning…'), 300);
    return () => {
        clearTimeout(timer);
        process.stderr.write('\r\x1b[K');
    };
}
/**
 * The staged content, as `git commit` would record it: each staged file's index blob written to a
 * temp folder at its path, and the staged line ranges as the change set, so a pre-commit hook
 * judges exactly what is being committed (not the working tree).
 */
async function stagedSnapshot(cwd, rangesFromPatch, include) {
    const git = async (args, maxBuffer = 64 * 1024 * 1024) => {
        try {
            return (await run_('git', args, { cwd, maxBuffer, encoding: 'buffer' })).stdout;
        }
        catch (err) {
            throw new errors/* AstlError */.Ht(`--staged needs a git repository: git ${args[0]} failed: ${String(err.stderr ?? err).trim()}`, {
                code: 'GIT_FAILED',
                hint: 'run astl scan --staged inside the repository (a pre-commit hook does)',
            });
        }
    };
    const top = (await git(['rev-parse', '--show-prefix'])).toString('utf8').trim();
    if (top !== '') {
        throw new exit/* UsageError */.e('run astl scan --staged from the top of the repository', `cd to the repository root (${top} is a subfolder)`);
    }
    // Three git processes whatever the number of staged files: the staged blob ids, their
    // contents in one `cat-file --batch`, and one patch for the changed lines.
    const staged = parseRawDiff(await git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR'])).filter((e) => include(e.path));
    const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'astl-staged-'));
    const files = new Map();
    try {
        const blobs = await catBlobs(cwd, staged.map((e) => e.blob));
        const patch = (await git([
            '-c',
            'core.quotePath=false',
            'diff',
            '--cached',
            '--unified=0',
            '--no-color',
            '--no-ext-diff',
            '--diff-filter=ACMR',
        ])).toString('utf8');
        const patches = splitPatch(patch);
        for (const { path, blob, renamed } of staged) {
            const target = (0,external_node_path_.join)(root, path);
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
            (0,external_node_fs_.writeFileSync)(target, blobs.get(blob) ?? Buffer.alloc(0));
            const own = patches.get(path) ??
                (await git(['diff', '--cached', '--unified=0', '--no-color', '--no-ext-diff', '--', path])).toString('utf8');
            // A renamed file counts whole, as in the engine's diff scope (FileChange.wholeFile).
            files.set(path, { file: path, ranges: rangesFromPatch(own), ...(renamed ? { wholeFile: true } : {}) });
        }
    }
    catch (err) {
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
        throw err;
    }
    return {
        root,
        changes: { source: 'git', files },
        cleanup: () => (0,external_node_fs_.rmSync)(root, { recursive: true, force: true }),
    };
}
/**
 * `git diff --raw -z` entries: `:<modes> <old id> <new id> <status>\0<path>\0` (renames and
 * copies: two paths, the new one last). Submodules (mode 160000) have no blob and are left out.
 */
function parseRawDiff(raw) {
    const fields = raw.toString('utf8').split('\0');
    const out = [];
    for (let i = 0; i < fields.length; i++) {
        const meta = fields[i] ?? '';
        if (!meta.startsWith(':'))
            continue;
        const [, newMode, , blob, status] = meta.slice(1).split(' ');
        const paths = status?.startsWith('R') || status?.startsWith('C') ? 2 : 1;
        const path = fields[i + paths] ?? '';
        i += paths;
        if (path && blob && newMode !== '160000')
            out.push({ path, blob, renamed: paths === 2 });
    }
    return out;
}
/** Blob contents by id from one `git cat-file --batch` (ids are hex, one a line). */
function catBlobs(cwd, ids) {
    return new Promise((resolvePromise, reject) => {
        if (ids.length === 0) {
            resolvePromise(new Map());
            return;
        }
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        let stderr = '';
        child.stdout.on('data', (d) => chunks.push(d));
        child.stderr.on('data', (d) => {
            stderr += d.toString('utf8');
        });
        child.on('error', reject);
        child.on('close', (code) => {
            if (code !== 0) {
                reject(new errors/* AstlError */.Ht(`--staged: git cat-file failed: ${stderr.trim()}`, {
                    code: 'GIT_FAILED',
                    hint: 'run astl scan --staged inside the repository (a pre-commit hook does)',
                }));
                return;
            }
            const out = Buffer.concat(chunks);
            const blobs = new Map();
            let at = 0;
            while (at < out.length) {
                const eol = out.indexOf(10, at);
                if (eol === -1)
                    break;
                const [id = '', type, size] = out.subarray(at, eol).toString('utf8').split(' ');
                at = eol + 1;
                if (type === undefined || size === undefined)
                    continue; // "<id> missing"
                const n = Number(size);
                blobs.set(id, out.subarray(at, at + n));
                at += n + 1;
            }
            resolvePromise(blobs);
        });
        child.stdin.end(`${ids.join('\n')}\n`);
    });
}
/** One patch for many files, split by file (the `+++ b/<path>` of each section). */
function splitPatch(patch) {
    const out = new Map();
    const sections = patch.split(/^(?=diff --git )/m);
    for (const section of sections) {
        const plus = /^\+\+\+ (.*)$/m.exec(section)?.[1];
        if (!plus || plus === '/dev/null')
            continue;
        const path = plus.startsWith('"') ? unquoteGitPath(plus) : plus;
        if (path?.startsWith('b/'))
            out.set(path.slice(2), section);
    }
    return out;
}
/** A C-style quoted path from git (`"b/a\tb"`, octal `\303\251` bytes), or undefined. */
function unquoteGitPath(quoted) {
    if (!quoted.endsWith('"') || quoted.length < 2)
        return undefined;
    const body = quoted.slice(1, -1);
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(simple[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}


/***/ })

};
