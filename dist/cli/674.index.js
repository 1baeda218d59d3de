"use strict";
exports.id = 674;
exports.ids = [674,187];
exports.modules = {

/***/ 3187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ unquoteGitPath)
/* harmony export */ });
/**
 * Paths as git prints them in diffs. No imports: the CLI reads patches before it loads the engine.
 */
/** Git's C-style quoting of unusual paths: "b/new\nline" with octal escapes for raw bytes. */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"'))
        return text;
    const body = text.slice(1, -1);
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            for (const b of Buffer.from(c, 'utf8'))
                bytes.push(b);
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
// EXTERNAL MODULE: ./packages/scanner/git-path.ts
var git_path = __webpack_require__(3187);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./packages/scanner/version.ts

/** The scanner's version as SARIF reports it: the repository's package version. */
const SCANNER_VERSION = package_0/* version */.rE;

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __webpack_require__(7632);
// EXTERNAL MODULE: ./src/cli/files.ts
var files = __webpack_require__(9141);
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
        throw new exit/* UsageError */.eb('--staged cannot be combined with --base/--head');
    if (head && !base)
        throw new exit/* UsageError */.eb('--head needs --base', 'for example --base origin/main --head HEAD');
    const scope = (0,cli_args/* choice */.Yq)(args, 'scope', ['all', 'diff'], base || staged ? 'diff' : 'all');
    if (scope === 'diff' && !base && !staged)
        throw new exit/* UsageError */.eb('--scope diff needs the changed lines: give --base REF (or --staged)', 'for example --scope diff --base origin/main');
    const targets = classifyPaths(io.cwd, args.positionals, staged);
    // A report path that cannot be written is refused before the scan, not after it.
    for (const flag of ['output', 'sarif', 'codequality', 'write-baseline']) {
        const path = (0,cli_args/* str */.gx)(args, flag);
        if (path)
            (0,files/* checkOutputPath */.$b)(`--${flag}`, path);
    }
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
    const engine = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(51), __webpack_require__.e(716), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(884), __webpack_require__.e(170)]).then(__webpack_require__.bind(__webpack_require__, 2884));
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
        write(io, '--write-baseline', writeBaselineFile, engine.writeBaseline(result.findings));
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
        write(io, '--output', output, reports[format]());
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
        write(io, '--sarif', (0,cli_args/* str */.gx)(args, 'sarif'), reports.sarif());
    if ((0,cli_args/* str */.gx)(args, 'codequality'))
        write(io, '--codequality', (0,cli_args/* str */.gx)(args, 'codequality'), reports.codequality());
    // Whatever went to stdout, warnings and the tally also reach a human on stderr.
    if (format !== 'text' || output) {
        for (const w of result.warnings)
            io.err(`warning: ${w}`);
        const { error, warning, note } = result.stats.bySeverity;
        io.err(`astl scan: ${engine.plural(result.stats.filesScanned, 'file')}, ${engine.plural(error, 'error')}, ${engine.plural(warning, 'warning')}, ${engine.plural(note, 'note')}`);
    }
    const { error, warning } = result.stats.bySeverity;
    if (failOn === 'never' || writeBaselineFile)
        return exit/* EXIT */.dc.ok;
    return error > 0 || (failOn === 'warning' && warning > 0) ? exit/* EXIT */.dc.findings : exit/* EXIT */.dc.ok;
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
            throw new exit/* UsageError */.eb(`${p} is outside the folder being scanned (${cwd})`, 'run astl scan from the repository root and name paths inside it');
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
    throw new exit/* UsageError */.eb(`${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'does' : 'do'} not exist`, 'name existing files or folders (paths are relative to the current folder), or quote a glob such as "policies/*.yaml"');
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
/**
 * A report file: inside the workspace, never through a committed link (core/workspace-path); a
 * path that cannot be written is one line naming the flag (cli/files).
 */
function write(io, flag, file, text) {
    (0,files/* writeFlagFile */.mg)(flag, file, text, { scope: (0,workspace_path/* workspaceScope */.O9)(io.env, io.cwd) });
}
function colourText(text, io) {
    if (!io.color)
        return text;
    return text.replace(/: (error|warning|note) /g, (_m, sev) => `: ${(0,cli_io/* paint */.nI)(io, sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : 'blue', sev)} `);
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
        throw new exit/* UsageError */.eb('run astl scan --staged from the top of the repository', `cd to the repository root (${top} is a subfolder)`);
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
            // A renamed or binary file (no hunks, only `Binary files … differ`) counts whole, as in the
            // engine's diff scope (FileChange.wholeFile).
            const whole = renamed || /^Binary files .* differ$/m.test(own);
            files.set(path, { file: path, ranges: rangesFromPatch(own), ...(whole ? { wholeFile: true } : {}) });
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
        const path = (0,git_path/* unquoteGitPath */.L)(plus);
        if (path.startsWith('b/'))
            out.set(path.slice(2), section);
    }
    return out;
}


/***/ })

};
;