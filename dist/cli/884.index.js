"use strict";
exports.id = 884;
exports.ids = [884,782];
exports.modules = {

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
                hint: (s) => `make ${s.name('agent-type')} match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
                fix: (s) => s.snippet([
                    ['agent', name],
                    ['agent-type', entry.type],
                ]),
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
            hint: (s) => `set ${s.name('agent')} to one of: ${matches.map((m) => m.name).join(', ')}`,
            fix: (s) => s.snippet([
                ['agent', matches[0].name],
                ['agent-type', type],
            ]),
        });
    }
    throw new core/* AstlError */.Ht('the request names no agent', {
        code: 'AGENT_REQUIRED',
        setting: 'agent',
        hint: (s) => `set ${s.name('agent')} (or ${s.name('agent-type')} when one agent has that type) to one of the agents registered in ${registry.file}${knownAgents(registry)}`,
        fix: (s) => s.snippet([['agent', registry.agents[0]?.name ?? '<agent-name>']]),
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

/***/ 9782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ buildInventory),
/* harmony export */   inventoryJson: () => (/* binding */ inventoryJson),
/* harmony export */   inventoryMarkdown: () => (/* binding */ inventoryMarkdown),
/* harmony export */   inventoryText: () => (/* binding */ inventoryText)
/* harmony export */ });
/* harmony import */ var _core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1372);
/**
 * The agent inventory: registered agents (from the registries the scan read) beside the agents
 * discovered in CI, each with where it runs, what starts it, the token and secrets its job holds,
 * whose name it runs under, and its open findings. Rendered as text (`astl agents list
 * --discover`), JSON, and Markdown (the scan action's job summary, the README's example).
 */

/** Joins discovery records with the findings that survived suppressions, scope and baseline. */
function buildInventory(registries, discovered, credentialJobs, findings) {
    const registered = [];
    const seen = new Set();
    for (const registry of registries) {
        if (seen.has(registry.file))
            continue;
        seen.add(registry.file);
        for (const a of registry.agents) {
            registered.push({
                name: a.name,
                type: a.type,
                ...(a.owner ? { owner: a.owner } : {}),
                ...(a.purpose ? { purpose: a.purpose } : {}),
                permissions: a.permissions.map((p) => `${p.resource}: ${p.access}`),
                registry: registry.file,
                ...(a.keyLocations['name']?.line !== undefined ? { line: a.keyLocations['name'].line } : {}),
            });
        }
    }
    const byFingerprint = new Map(findings.map((f) => [f.fingerprint, f]));
    const rows = discovered.map(({ fingerprints, ...record }) => {
        const own = new Map();
        for (const fp of fingerprints) {
            const f = byFingerprint.get(fp);
            if (f)
                own.set(fp, f);
        }
        // Other findings inside the job (template injection, unpinned actions…) are the job's too.
        if (record.jobLines) {
            const [from, to] = record.jobLines;
            for (const f of findings) {
                if (f.file === record.file && f.line >= from && f.line <= to && !f.ruleId.startsWith('agent/'))
                    own.set(f.fingerprint, f);
            }
        }
        const list = [...own.values()]
            .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId))
            .map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line }));
        return { ...record, findings: list };
    });
    rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { registered, discovered: rows, credentialJobs: [...credentialJobs] };
}
function bindingText(b) {
    if (b.kind === 'none')
        return b.problem ? `unregistered (${b.problem})` : 'unregistered';
    if (b.agent && !b.problem)
        return `${b.agent} (${b.kind})`;
    return `${b.selector ?? '?'} (${b.kind}): ${b.problem ?? 'unresolved'}`;
}
function findingsText(list) {
    if (list.length === 0)
        return 'none';
    const counts = new Map();
    for (const f of list)
        counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    return [...counts].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
}
function where(a) {
    return `${a.file}:${a.line}${a.job ? ` (job ${a.job})` : ''}`;
}
/** Plain text for terminals: one block per discovered agent, then the registry. Control characters are shown escaped. */
function inventoryText(inventory) {
    const out = [];
    const p = _core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$;
    out.push(`Discovered agents (${inventory.discovered.length})`);
    if (inventory.discovered.length === 0) {
        // Say where it looked: workflows kept outside .github/workflows/ are not CI files.
        out.push('  none found in the scanned CI files (.github/workflows/*.yml, action.yml, .gitlab-ci.yml and *agent*.yml under the current folder)');
    }
    for (const a of inventory.discovered) {
        out.push('');
        out.push(`  ${p(a.agent.name)}  ${p(where(a))}`);
        out.push(`    runs:        ${p(a.invocation)}`);
        out.push(`    trigger:     ${p(a.triggers.join(', ') || '-')}${a.untrustedTriggers.length ? `  (untrusted: ${p(a.untrustedTriggers.join(', '))})` : ''}`);
        out.push(`    actor gate:  ${p(a.gate)}`);
        out.push(`    token:       ${p(a.permissions)}`);
        out.push(`    secrets:     ${p(a.secrets.join(', ') || 'none')}${a.modelCredentials.length ? `  (model credential: ${p(a.modelCredentials.join(', '))})` : ''}`);
        out.push(`    tools:       ${p(a.tools)}`);
        out.push(`    runs as:     ${p(bindingText(a.binding))}`);
        out.push(`    findings:    ${findingsText(a.findings)}`);
    }
    out.push('', `Registered agents (${inventory.registered.length})`);
    if (inventory.registered.length === 0)
        out.push('  no registry found (agent-config.yaml)');
    for (const r of inventory.registered) {
        const runs = runsOf(inventory, r.name);
        out.push(`  ${p(r.name)}  type ${p(r.type)}, owner ${p(r.owner ?? '(none)')}, ${p(r.permissions.join(', ') || 'no permissions')}  [${p(r.registry)}${r.line ? `:${r.line}` : ''}]`);
        out.push(`    runs in: ${runs.length ? p(runs.join('; ')) : 'no scanned workflow'}`);
    }
    return out.join('\n');
}
/** Where a registered agent runs: discovered agents bound to it, and jobs that mint its credentials. */
function runsOf(inventory, name) {
    return [
        ...inventory.discovered
            .filter((a) => a.binding.agent === name)
            .map((a) => `${a.agent.name} in ${where(a)}`),
        ...inventory.credentialJobs
            .filter((c) => c.agent === name)
            .map((c) => `credentials for ${c.file}:${c.line} (job ${c.job})`),
    ];
}
/** Markdown tables; every value from the repository is escaped (cells and code spans). */
function inventoryMarkdown(inventory, options = {}) {
    const out = [];
    out.push(options.heading ?? '### AI agents in CI', '');
    if (options.discovered === false) {
        // Registered agents only (`astl agents list --format markdown` without --discover).
    }
    else if (inventory.discovered.length === 0) {
        out.push('No AI agent found in the scanned CI files.', '');
    }
    else {
        out.push('| Agent | Where | Trigger | Actor gate | Token | Secrets | Tools | Runs as | Open findings |', '|---|---|---|---|---|---|---|---|---|');
        for (const a of inventory.discovered) {
            out.push(`| ${[
                `${(0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.agent.name)}<br>${(0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(a.invocation)}`,
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(`${a.file}:${a.line}`) + (a.job ? `<br>job ${(0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(a.job)}` : ''),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.triggers.join(', ') || '-') + (a.untrustedTriggers.length ? ' ⚠️' : ''),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.gate),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.permissions),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.secrets.join(', ') || 'none'),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(a.tools),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(bindingText(a.binding)),
                a.findings.length
                    ? a.findings.map((f) => `${(0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(f.ruleId)} (line ${f.line})`).join('<br>')
                    : 'none',
            ].join(' | ')} |`);
        }
        out.push('');
    }
    if (inventory.registered.length > 0) {
        out.push('| Registered agent | Type | Owner | Declared permissions | Runs in |', '|---|---|---|---|---|');
        for (const r of inventory.registered) {
            const runs = runsOf(inventory, r.name);
            out.push(`| ${[
                `${(0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(r.name)}<br>${(0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(`${r.registry}${r.line ? `:${r.line}` : ''}`)}`,
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(r.type),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(r.owner ?? '(none)'),
                (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(r.permissions.join(', ') || 'none'),
                runs.length ? runs.map((x) => (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(x)).join('<br>') : 'no scanned workflow',
            ].join(' | ')} |`);
        }
        out.push('');
    }
    return out.join('\n');
}
function inventoryJson(inventory) {
    return `${JSON.stringify(inventory, null, 2)}\n`;
}


/***/ }),

/***/ 2884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ALL_RULES: () => (/* reexport */ ALL_RULES),
  DEFAULT_EXCLUDE: () => (/* reexport */ DEFAULT_EXCLUDE),
  DEFAULT_PATHS: () => (/* reexport */ DEFAULT_PATHS),
  DEFAULT_SCAN_CONFIG_FILES: () => (/* reexport */ DEFAULT_SCAN_CONFIG_FILES),
  DOCS_URL: () => (/* reexport */ DOCS_URL),
  EMPTY_SCAN_CONFIG: () => (/* reexport */ EMPTY_SCAN_CONFIG),
  INFORMATION_URI: () => (/* reexport */ INFORMATION_URI),
  MAX_FILE_BYTES: () => (/* reexport */ MAX_FILE_BYTES),
  SCANNER_RULES: () => (/* reexport */ SCANNER_RULES),
  SCANNER_RULES_BY_ID: () => (/* reexport */ SCANNER_RULES_BY_ID),
  TOOL_NAME: () => (/* reexport */ TOOL_NAME),
  anchorFor: () => (/* reexport */ anchorFor),
  annotation: () => (/* reexport */ annotation),
  annotationLines: () => (/* reexport */ annotationLines),
  annotations: () => (/* reexport */ annotations),
  compareFindings: () => (/* reexport */ compareFindings),
  computeChangeSet: () => (/* reexport */ computeChangeSet),
  fileUri: () => (/* reexport */ fileUri),
  fingerprint: () => (/* reexport */ fingerprint),
  gitChangeSet: () => (/* reexport */ gitChangeSet),
  globMatcher: () => (/* reexport */ globMatcher),
  helpUriFor: () => (/* reexport */ helpUriFor),
  hunkHeadRange: () => (/* reexport */ hunkHeadRange),
  isChangedLine: () => (/* reexport */ isChangedLine),
  jsonReport: () => (/* reexport */ jsonReport),
  loadScanConfig: () => (/* reexport */ loadScanConfig),
  parseBaseline: () => (/* reexport */ parseBaseline),
  parseScanConfig: () => (/* reexport */ parseScanConfig),
  pinningPolicyFor: () => (/* reexport */ pinningPolicyFor),
  plural: () => (/* reexport */ plural),
  rangesFromPatch: () => (/* reexport */ rangesFromPatch),
  scan: () => (/* reexport */ scan),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  textReport: () => (/* reexport */ textReport),
  toCodeQuality: () => (/* reexport */ toCodeQuality),
  toSarif: () => (/* reexport */ toSarif),
  unquoteGitPath: () => (/* reexport */ git_path/* unquoteGitPath */.L),
  writeBaseline: () => (/* reexport */ writeBaseline)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(5051);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
// EXTERNAL MODULE: ./packages/scanner/git-path.ts
var git_path = __webpack_require__(3187);
;// CONCATENATED MODULE: ./packages/scanner/changeset.ts
/**
 * What a pull request changed, as head-side line ranges per file: from `git diff base...head`
 * when both commits are present, else from the GitHub API's pull request files (shallow
 * clones), else nothing (the caller scans everything and says why).
 */





function isChangedLine(change, line, endLine = line) {
    if (change.wholeFile)
        return true;
    return change.ranges.some(([from, to]) => from <= endLine && line <= to);
}
async function computeChangeSet(options) {
    const warnings = [];
    const head = options.head || 'HEAD';
    const gitProblem = await missingCommit(options.root, [options.base, head]);
    if (!gitProblem) {
        try {
            return { changes: await gitChangeSet(options.root, options.base, head), warnings };
        }
        catch (err) {
            warnings.push(`git diff ${options.base}...${head} failed: ${firstLine((0,core/* describeFault */.Qx)(err))}`);
        }
    }
    else {
        warnings.push(gitProblem);
    }
    if (options.github) {
        try {
            return { changes: await githubChangeSet(options.github, options.timeoutMs ?? 30_000), warnings };
        }
        catch (err) {
            warnings.push(`the GitHub API did not list the pull request's files either: ${firstLine((0,core/* describeFault */.Qx)(err))}`);
        }
    }
    return { warnings };
}
function git(root, args, maxBuffer = 256 * 1024 * 1024) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', ...args], {
            cwd: root,
            maxBuffer,
            encoding: 'utf8',
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        }, (err, stdout, stderr) => {
            if (err)
                reject(new Error(stderr.trim() || err.message));
            else
                resolve(stdout);
        });
    });
}
async function missingCommit(root, refs) {
    try {
        await git(root, ['rev-parse', '--is-inside-work-tree']);
    }
    catch {
        return `${root} is not a git repository (or git is not installed)`;
    }
    for (const ref of refs) {
        try {
            await git(root, ['cat-file', '-e', `${ref}^{commit}`]);
        }
        catch {
            return `commit ${ref} is not in the local clone (a shallow checkout? use \`fetch-depth: 0\` on actions/checkout)`;
        }
    }
    // base...head needs a merge base; a shallow clone may hold both commits but not their ancestor.
    try {
        await git(root, ['merge-base', refs[0], refs[1]]);
    }
    catch {
        return `no common ancestor of ${refs[0]} and ${refs[1]} in the local clone (shallow history; use \`fetch-depth: 0\`)`;
    }
    return undefined;
}
async function gitChangeSet(root, base, head) {
    const range = `${base}...${head}`;
    const common = ['--no-color', '--no-ext-diff', '-M', '--src-prefix=a/', '--dst-prefix=b/'];
    const [names, patch] = await Promise.all([
        git(root, ['diff', ...common, '-z', '--name-status', range, '--']),
        git(root, ['diff', ...common, '--unified=0', range, '--']),
    ]);
    const files = new Map();
    // -z --name-status: STATUS\0path\0 (or Rxxx\0old\0new\0): unambiguous for any file name.
    const parts = names.split('\0');
    for (let i = 0; i < parts.length;) {
        const status = parts[i++];
        if (!status)
            continue;
        const kind = status[0];
        if (kind === 'R' || kind === 'C')
            i++; // skip the old path
        const path = parts[i++];
        if (!path || kind === 'D')
            continue;
        files.set(path, {
            file: path,
            ranges: [],
            ...(kind === 'T' || kind === 'R' || kind === 'C' ? { wholeFile: true } : {}),
        });
    }
    let current;
    for (const line of patch.split('\n')) {
        if (line.startsWith('+++ ')) {
            const target = line.slice(4);
            const path = target === '/dev/null' ? undefined : stripPrefix((0,git_path/* unquoteGitPath */.L)(target));
            current = path ? files.get(path) : undefined;
            continue;
        }
        if (line.startsWith('diff --git ')) {
            current = undefined;
            continue;
        }
        if (current && line.startsWith('@@')) {
            const range = hunkHeadRange(line);
            if (range)
                current.ranges.push(range);
        }
    }
    // Binary files have no +++ line, only `Binary files A and B differ`; a name may itself contain
    // " and ", so every split is tried (one that names another changed file only widens the scope).
    for (const m of patch.matchAll(/^Binary files (.*) differ$/gm)) {
        const pair = m[1];
        for (let at = pair.indexOf(' and '); at !== -1; at = pair.indexOf(' and ', at + 1)) {
            const change = files.get(stripPrefix((0,git_path/* unquoteGitPath */.L)(pair.slice(at + 5))));
            if (change)
                change.wholeFile = true;
        }
    }
    return { source: 'git', files };
}
/** `@@ -a,b +c,d @@` -> the head-side range, or undefined for a pure deletion (d = 0). */
function hunkHeadRange(header) {
    const m = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @@/.exec(header);
    if (!m)
        return undefined;
    const startLine = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count === 0)
        return undefined;
    return [startLine, startLine + count - 1];
}
function stripPrefix(path) {
    return path.startsWith('b/') ? path.slice(2) : path;
}
/** Parses a unified diff `patch` (as the GitHub API returns per file) into head-side ranges. */
function rangesFromPatch(patch) {
    const out = [];
    let line = 0;
    let runStart = 0;
    const flush = () => {
        if (runStart)
            out.push([runStart, line - 1]);
        runStart = 0;
    };
    for (const text of patch.split('\n')) {
        if (text.startsWith('@@')) {
            flush();
            const m = /\+(\d+)/.exec(text);
            line = m ? Number(m[1]) : 0;
            continue;
        }
        if (text.startsWith('+')) {
            if (!runStart)
                runStart = line;
            line++;
        }
        else if (text.startsWith('-') || text.startsWith('\\')) {
            // deleted line or "\ No newline at end of file": head line number does not move
        }
        else {
            flush();
            line++;
        }
    }
    flush();
    return out;
}
async function githubChangeSet(pr, timeoutMs) {
    const octokit = new dist_src.Octokit({ auth: pr.token, baseUrl: pr.apiUrl, userAgent: 'astl-scan' });
    const deadline = new core/* Deadline */.B2(timeoutMs);
    const files = new Map();
    // The endpoint lists at most 3000 files, 100 a page.
    for (let page = 1; page <= 30; page++) {
        const { data } = await (0,core/* withRetry */.bD)((signal) => octokit.rest.pulls.listFiles({
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            per_page: 100,
            page,
            request: { signal },
        }), {
            attempts: 4,
            baseDelayMs: 500,
            maxDelayMs: 5000,
            attemptTimeoutMs: 10_000,
            deadline,
            what: `GitHub API GET /repos/${pr.owner}/${pr.repo}/pulls/${pr.number}/files`,
            isRetryable: (err) => (0,core/* isNetworkFault */.d$)(err) || (0,core/* isRetryableStatus */.PS)(Number(err.status ?? 0)),
        });
        for (const f of data) {
            if (f.status === 'removed')
                continue;
            // A rename counts whole (see FileChange.wholeFile); so does a file without a patch.
            const renamed = f.status === 'renamed' || f.status === 'copied';
            files.set(f.filename, f.patch && !renamed
                ? { file: f.filename, ranges: rangesFromPatch(f.patch) }
                : { file: f.filename, ranges: [], wholeFile: true });
        }
        if (data.length < 100)
            break;
    }
    return { source: 'github-api', files };
}
function firstLine(s) {
    return s.split('\n')[0] ?? s;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/schema-validators/scan-config.js
// Generated by scripts/schemas.mjs from schemas/scan-config.schema.json: do not edit.
const validate = validate10;/* harmony default export */ const scan_config = ((/* unused pure expression or super */ null && (validate10)));const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/scan-config.schema.json","title":"astl scan configuration","description":"Repository settings for `astl scan` and the scan action (.astl/scan.yaml). Read from the checked-out tree; review changes to it like code (CODEOWNERS).","type":"object","additionalProperties":false,"properties":{"version":{"description":"format version, 1","const":1},"pinning":{"description":"how `uses:` references must be pinned (default: every remote action and reusable workflow to a full commit SHA, docker:// images to a digest)","type":"object","additionalProperties":false,"properties":{"policies":{"description":"exceptions to the SHA-pinning default; the most specific `uses` pattern wins","type":"array","items":{"type":"object","additionalProperties":false,"required":["uses","policy","reason"],"properties":{"uses":{"description":"`owner/repo/path`, `owner/repo` (any path in it), `owner/*` or `*`; case-insensitive","type":"string","pattern":"^(\\*|[A-Za-z0-9_.-]+/(\\*|[A-Za-z0-9_.-]+(/[^@\\s]+)?))$","examples":["actions/*","my-org/deploy-action","*"]},"policy":{"description":"`hash-pin` (a full commit SHA), `ref-pin` (any tag, branch or SHA) or `any` (also no ref at all)","enum":["hash-pin","ref-pin","any"]},"reason":{"description":"why this exception is acceptable; shown in every finding it affects","type":"string","minLength":3}}}}}},"agents":{"description":"AI agents discovered in workflows: where their registry is and extra catalog entries (docs/agents.md)","type":"object","additionalProperties":false,"properties":{"registry":{"type":"string","minLength":1,"description":"the agent registry bound agents are looked up in, relative to the workspace, when a credentials step names none (default agent-config.yaml)","examples":["ci/agent-config.yaml"]},"policies":{"type":"string","minLength":1,"description":"folder of AgentPolicy documents for bound agents, when a credentials step names none (default policies)"},"catalog":{"type":"array","items":{"$ref":"#/definitions/agentEntry"},"description":"more agents to discover, in the format of schemas/agent-catalog.schema.json; an entry with a built-in id replaces it"}}}},"definitions":{"agentEntry":{"type":"object","additionalProperties":false,"required":["id","name","docs"],"description":"one AI agent: how to recognise it in CI and which of its settings matter for security","properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","description":"unique id; an entry in the scan config with a built-in id replaces the built-in entry","examples":["claude-code-action"]},"name":{"type":"string","minLength":1,"description":"display name"},"vendor":{"type":"string","minLength":1},"docs":{"type":"string","pattern":"^https://","description":"the vendor's documentation of these settings"},"uses":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?$"},"description":"action references (`owner/repo[/path]`) at any ref","examples":[["anthropics/claude-code-action"]]},"commands":{"type":"array","items":{"$ref":"#/definitions/agentCommand"},"description":"CLI invocations in `run:` steps and GitLab `script:` lines"},"hosted-job":{"type":"string","minLength":1,"description":"a job id GitHub runs before a hosted agent (`copilot-setup-steps`): its steps and secrets are the agent's environment"},"prompt-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs whose text becomes the agent's prompt"},"tool-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs that configure the agent's tools and permissions (shown in the inventory)"},"actor-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs that widen who may trigger the agent"},"credential-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs that take the agent's own model credential (not counted as secrets the job exposes)"},"credential-env":{"type":"array","items":{"type":"string","minLength":1},"description":"environment variables that hold the agent's own model credential"},"output-file-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs naming a file the agent writes its answer to"},"output-file-flags":{"type":"array","items":{"type":"string","minLength":1},"description":"CLI flags naming a file the agent writes its answer to"},"checks-write-access":{"type":"boolean","description":"the agent refuses actors without write access to the repository unless an actor input widens it (its own actor gate)"},"uses-id-token":{"type":"boolean","description":"the agent authenticates with the job's OIDC token, so `id-token: write` is its own credential"},"any-user":{"type":"array","items":{"$ref":"#/definitions/agentCondition"},"description":"settings that let any GitHub user trigger the agent"},"any-bot":{"type":"array","items":{"$ref":"#/definitions/agentCondition"},"description":"settings that let any bot account trigger the agent"},"unrestricted":{"type":"array","items":{"$ref":"#/definitions/agentCondition"},"description":"settings under which the agent runs shell commands or tools without restriction"}},"anyOf":[{"required":["uses"]},{"required":["commands"]},{"required":["hosted-job"]}]},"agentCondition":{"type":"object","additionalProperties":false,"description":"one way an agent runs without tool restrictions: an input's value, a CLI flag (or a flag inside an input that holds CLI arguments), or a key of a JSON settings input","properties":{"input":{"type":"string","minLength":1,"description":"the action input the condition reads (case-insensitive)"},"flag":{"type":"string","pattern":"^--?[A-Za-z0-9][A-Za-z0-9-]*$","description":"a command-line flag, in the command or in `input` read as shell words","examples":["--yolo","-y"]},"json":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"dotted key paths in `input` read as JSON (`${{ }}` expressions read as null)","examples":[["tools.core","coreTools"]]},"equals":{"type":"array","minItems":1,"items":{"type":"string"},"description":"matches when the value (of the input, the flag or the JSON key) is one of these (case-insensitive)"},"item":{"type":"array","minItems":1,"items":{"type":"string"},"description":"matches when the value, read as a list (comma, space or newline separated; a JSON array), holds one of these"},"absent":{"type":"boolean","const":true,"description":"with `json`: matches when the input is missing or none of the paths is set (no allowlist at all)"}},"anyOf":[{"required":["input"]},{"required":["flag"]}]},"agentCommand":{"type":"object","additionalProperties":false,"required":["program"],"description":"a command line that runs the agent headless","properties":{"program":{"type":"string","pattern":"^[A-Za-z0-9._+-]+$","description":"the executable's name (any path before it is ignored)","examples":["claude"]},"packages":{"type":"array","items":{"type":"string","minLength":1},"description":"package names that run it through npx, bunx, pnpm dlx, yarn dlx, uvx or pipx run","examples":[["@anthropic-ai/claude-code"]]},"subcommand":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"the first argument must be one of these (`codex exec`)"},"when-flags":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^--?[A-Za-z0-9][A-Za-z0-9-]*$"},"description":"only an invocation with one of these flags is headless (`claude -p`)"}}}}};const pattern0 = new RegExp("^(\\*|[A-Za-z0-9_.-]+/(\\*|[A-Za-z0-9_.-]+(/[^@\\s]+)?))$", "u");const func2 = ((exports) => {"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.default = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';

return exports;})({}).default;const schema12 = {"type":"object","additionalProperties":false,"required":["id","name","docs"],"description":"one AI agent: how to recognise it in CI and which of its settings matter for security","properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","description":"unique id; an entry in the scan config with a built-in id replaces the built-in entry","examples":["claude-code-action"]},"name":{"type":"string","minLength":1,"description":"display name"},"vendor":{"type":"string","minLength":1},"docs":{"type":"string","pattern":"^https://","description":"the vendor's documentation of these settings"},"uses":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?$"},"description":"action references (`owner/repo[/path]`) at any ref","examples":[["anthropics/claude-code-action"]]},"commands":{"type":"array","items":{"$ref":"#/definitions/agentCommand"},"description":"CLI invocations in `run:` steps and GitLab `script:` lines"},"hosted-job":{"type":"string","minLength":1,"description":"a job id GitHub runs before a hosted agent (`copilot-setup-steps`): its steps and secrets are the agent's environment"},"prompt-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs whose text becomes the agent's prompt"},"tool-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs that configure the agent's tools and permissions (shown in the inventory)"},"actor-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs that widen who may trigger the agent"},"credential-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs that take the agent's own model credential (not counted as secrets the job exposes)"},"credential-env":{"type":"array","items":{"type":"string","minLength":1},"description":"environment variables that hold the agent's own model credential"},"output-file-inputs":{"type":"array","items":{"type":"string","minLength":1},"description":"inputs naming a file the agent writes its answer to"},"output-file-flags":{"type":"array","items":{"type":"string","minLength":1},"description":"CLI flags naming a file the agent writes its answer to"},"checks-write-access":{"type":"boolean","description":"the agent refuses actors without write access to the repository unless an actor input widens it (its own actor gate)"},"uses-id-token":{"type":"boolean","description":"the agent authenticates with the job's OIDC token, so `id-token: write` is its own credential"},"any-user":{"type":"array","items":{"$ref":"#/definitions/agentCondition"},"description":"settings that let any GitHub user trigger the agent"},"any-bot":{"type":"array","items":{"$ref":"#/definitions/agentCondition"},"description":"settings that let any bot account trigger the agent"},"unrestricted":{"type":"array","items":{"$ref":"#/definitions/agentCondition"},"description":"settings under which the agent runs shell commands or tools without restriction"}},"anyOf":[{"required":["uses"]},{"required":["commands"]},{"required":["hosted-job"]}]};const schema13 = {"type":"object","additionalProperties":false,"required":["program"],"description":"a command line that runs the agent headless","properties":{"program":{"type":"string","pattern":"^[A-Za-z0-9._+-]+$","description":"the executable's name (any path before it is ignored)","examples":["claude"]},"packages":{"type":"array","items":{"type":"string","minLength":1},"description":"package names that run it through npx, bunx, pnpm dlx, yarn dlx, uvx or pipx run","examples":[["@anthropic-ai/claude-code"]]},"subcommand":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"the first argument must be one of these (`codex exec`)"},"when-flags":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^--?[A-Za-z0-9][A-Za-z0-9-]*$"},"description":"only an invocation with one of these flags is headless (`claude -p`)"}}};const schema14 = {"type":"object","additionalProperties":false,"description":"one way an agent runs without tool restrictions: an input's value, a CLI flag (or a flag inside an input that holds CLI arguments), or a key of a JSON settings input","properties":{"input":{"type":"string","minLength":1,"description":"the action input the condition reads (case-insensitive)"},"flag":{"type":"string","pattern":"^--?[A-Za-z0-9][A-Za-z0-9-]*$","description":"a command-line flag, in the command or in `input` read as shell words","examples":["--yolo","-y"]},"json":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"dotted key paths in `input` read as JSON (`${{ }}` expressions read as null)","examples":[["tools.core","coreTools"]]},"equals":{"type":"array","minItems":1,"items":{"type":"string"},"description":"matches when the value (of the input, the flag or the JSON key) is one of these (case-insensitive)"},"item":{"type":"array","minItems":1,"items":{"type":"string"},"description":"matches when the value, read as a list (comma, space or newline separated; a JSON array), holds one of these"},"absent":{"type":"boolean","const":true,"description":"with `json`: matches when the input is missing or none of the paths is set (no allowlist at all)"}},"anyOf":[{"required":["input"]},{"required":["flag"]}]};const func5 = Object.prototype.hasOwnProperty;const pattern1 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");const pattern2 = new RegExp("^https://", "u");const pattern3 = new RegExp("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?$", "u");const pattern4 = new RegExp("^[A-Za-z0-9._+-]+$", "u");const pattern5 = new RegExp("^--?[A-Za-z0-9][A-Za-z0-9-]*$", "u");function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs1 = errors;let valid0 = false;const _errs2 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.uses === undefined){const err0 = {instancePath,schemaPath:"#/anyOf/0/required",keyword:"required",params:{missingProperty: "uses"},message:"must have required property '"+"uses"+"'",schema:schema12.anyOf[0].required,parentSchema:schema12.anyOf[0],data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}var _valid0 = _errs2 === errors;valid0 = valid0 || _valid0;if(!valid0){const _errs3 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.commands === undefined){const err1 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: "commands"},message:"must have required property '"+"commands"+"'",schema:schema12.anyOf[1].required,parentSchema:schema12.anyOf[1],data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}var _valid0 = _errs3 === errors;valid0 = valid0 || _valid0;if(!valid0){const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data["hosted-job"] === undefined){const err2 = {instancePath,schemaPath:"#/anyOf/2/required",keyword:"required",params:{missingProperty: "hosted-job"},message:"must have required property '"+"hosted-job"+"'",schema:schema12.anyOf[2].required,parentSchema:schema12.anyOf[2],data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}var _valid0 = _errs4 === errors;valid0 = valid0 || _valid0;}}if(!valid0){const err3 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema12.anyOf,parentSchema:schema12,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}else {errors = _errs1;if(vErrors !== null){if(_errs1){vErrors.length = _errs1;}else {vErrors = null;}}}if(data && typeof data == "object" && !Array.isArray(data)){if(data.id === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.name === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.docs === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "docs"},message:"must have required property '"+"docs"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key0 in data){if(!(func5.call(schema12.properties, key0))){const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.id !== undefined){let data0 = data.id;if(typeof data0 === "string"){if(!pattern1.test(data0)){const err8 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",schema:"^[a-z0-9][a-z0-9-]*$",parentSchema:schema12.properties.id,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.id.type,parentSchema:schema12.properties.id,data:data0};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 === "string"){if(func2(data1) < 1){const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.name,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data1};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.vendor !== undefined){let data2 = data.vendor;if(typeof data2 === "string"){if(func2(data2) < 1){const err12 = {instancePath:instancePath+"/vendor",schemaPath:"#/properties/vendor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.vendor,data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/vendor",schemaPath:"#/properties/vendor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.vendor.type,parentSchema:schema12.properties.vendor,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.docs !== undefined){let data3 = data.docs;if(typeof data3 === "string"){if(!pattern2.test(data3)){const err14 = {instancePath:instancePath+"/docs",schemaPath:"#/properties/docs/pattern",keyword:"pattern",params:{pattern: "^https://"},message:"must match pattern \""+"^https://"+"\"",schema:"^https://",parentSchema:schema12.properties.docs,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/docs",schemaPath:"#/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.docs.type,parentSchema:schema12.properties.docs,data:data3};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.uses !== undefined){let data4 = data.uses;if(Array.isArray(data4)){const len0 = data4.length;for(let i0=0; i0<len0; i0++){let data5 = data4[i0];if(typeof data5 === "string"){if(!pattern3.test(data5)){const err16 = {instancePath:instancePath+"/uses/" + i0,schemaPath:"#/properties/uses/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?$"+"\"",schema:"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?$",parentSchema:schema12.properties.uses.items,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/uses/" + i0,schemaPath:"#/properties/uses/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.uses.items.type,parentSchema:schema12.properties.uses.items,data:data5};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}else {const err18 = {instancePath:instancePath+"/uses",schemaPath:"#/properties/uses/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.uses.type,parentSchema:schema12.properties.uses,data:data4};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.commands !== undefined){let data6 = data.commands;if(Array.isArray(data6)){const len1 = data6.length;for(let i1=0; i1<len1; i1++){let data7 = data6[i1];if(data7 && typeof data7 == "object" && !Array.isArray(data7)){if(data7.program === undefined){const err19 = {instancePath:instancePath+"/commands/" + i1,schemaPath:"#/definitions/agentCommand/required",keyword:"required",params:{missingProperty: "program"},message:"must have required property '"+"program"+"'",schema:schema13.required,parentSchema:schema13,data:data7};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}for(const key1 in data7){if(!((((key1 === "program") || (key1 === "packages")) || (key1 === "subcommand")) || (key1 === "when-flags"))){const err20 = {instancePath:instancePath+"/commands/" + i1,schemaPath:"#/definitions/agentCommand/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data:data7};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data7.program !== undefined){let data8 = data7.program;if(typeof data8 === "string"){if(!pattern4.test(data8)){const err21 = {instancePath:instancePath+"/commands/" + i1+"/program",schemaPath:"#/definitions/agentCommand/properties/program/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._+-]+$"},message:"must match pattern \""+"^[A-Za-z0-9._+-]+$"+"\"",schema:"^[A-Za-z0-9._+-]+$",parentSchema:schema13.properties.program,data:data8};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/commands/" + i1+"/program",schemaPath:"#/definitions/agentCommand/properties/program/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.program.type,parentSchema:schema13.properties.program,data:data8};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data7.packages !== undefined){let data9 = data7.packages;if(Array.isArray(data9)){const len2 = data9.length;for(let i2=0; i2<len2; i2++){let data10 = data9[i2];if(typeof data10 === "string"){if(func2(data10) < 1){const err23 = {instancePath:instancePath+"/commands/" + i1+"/packages/" + i2,schemaPath:"#/definitions/agentCommand/properties/packages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.packages.items,data:data10};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}else {const err24 = {instancePath:instancePath+"/commands/" + i1+"/packages/" + i2,schemaPath:"#/definitions/agentCommand/properties/packages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.packages.items.type,parentSchema:schema13.properties.packages.items,data:data10};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath:instancePath+"/commands/" + i1+"/packages",schemaPath:"#/definitions/agentCommand/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.packages.type,parentSchema:schema13.properties.packages,data:data9};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data7.subcommand !== undefined){let data11 = data7.subcommand;if(Array.isArray(data11)){if(data11.length < 1){const err26 = {instancePath:instancePath+"/commands/" + i1+"/subcommand",schemaPath:"#/definitions/agentCommand/properties/subcommand/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.properties.subcommand,data:data11};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}const len3 = data11.length;for(let i3=0; i3<len3; i3++){let data12 = data11[i3];if(typeof data12 === "string"){if(func2(data12) < 1){const err27 = {instancePath:instancePath+"/commands/" + i1+"/subcommand/" + i3,schemaPath:"#/definitions/agentCommand/properties/subcommand/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.subcommand.items,data:data12};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/commands/" + i1+"/subcommand/" + i3,schemaPath:"#/definitions/agentCommand/properties/subcommand/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.subcommand.items.type,parentSchema:schema13.properties.subcommand.items,data:data12};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}else {const err29 = {instancePath:instancePath+"/commands/" + i1+"/subcommand",schemaPath:"#/definitions/agentCommand/properties/subcommand/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.subcommand.type,parentSchema:schema13.properties.subcommand,data:data11};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data7["when-flags"] !== undefined){let data13 = data7["when-flags"];if(Array.isArray(data13)){if(data13.length < 1){const err30 = {instancePath:instancePath+"/commands/" + i1+"/when-flags",schemaPath:"#/definitions/agentCommand/properties/when-flags/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.properties["when-flags"],data:data13};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}const len4 = data13.length;for(let i4=0; i4<len4; i4++){let data14 = data13[i4];if(typeof data14 === "string"){if(!pattern5.test(data14)){const err31 = {instancePath:instancePath+"/commands/" + i1+"/when-flags/" + i4,schemaPath:"#/definitions/agentCommand/properties/when-flags/items/pattern",keyword:"pattern",params:{pattern: "^--?[A-Za-z0-9][A-Za-z0-9-]*$"},message:"must match pattern \""+"^--?[A-Za-z0-9][A-Za-z0-9-]*$"+"\"",schema:"^--?[A-Za-z0-9][A-Za-z0-9-]*$",parentSchema:schema13.properties["when-flags"].items,data:data14};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}else {const err32 = {instancePath:instancePath+"/commands/" + i1+"/when-flags/" + i4,schemaPath:"#/definitions/agentCommand/properties/when-flags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties["when-flags"].items.type,parentSchema:schema13.properties["when-flags"].items,data:data14};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/commands/" + i1+"/when-flags",schemaPath:"#/definitions/agentCommand/properties/when-flags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties["when-flags"].type,parentSchema:schema13.properties["when-flags"],data:data13};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/commands/" + i1,schemaPath:"#/definitions/agentCommand/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data:data7};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath:instancePath+"/commands",schemaPath:"#/properties/commands/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.commands.type,parentSchema:schema12.properties.commands,data:data6};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data["hosted-job"] !== undefined){let data15 = data["hosted-job"];if(typeof data15 === "string"){if(func2(data15) < 1){const err36 = {instancePath:instancePath+"/hosted-job",schemaPath:"#/properties/hosted-job/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["hosted-job"],data:data15};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/hosted-job",schemaPath:"#/properties/hosted-job/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["hosted-job"].type,parentSchema:schema12.properties["hosted-job"],data:data15};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data["prompt-inputs"] !== undefined){let data16 = data["prompt-inputs"];if(Array.isArray(data16)){const len5 = data16.length;for(let i5=0; i5<len5; i5++){let data17 = data16[i5];if(typeof data17 === "string"){if(func2(data17) < 1){const err38 = {instancePath:instancePath+"/prompt-inputs/" + i5,schemaPath:"#/properties/prompt-inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["prompt-inputs"].items,data:data17};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}else {const err39 = {instancePath:instancePath+"/prompt-inputs/" + i5,schemaPath:"#/properties/prompt-inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["prompt-inputs"].items.type,parentSchema:schema12.properties["prompt-inputs"].items,data:data17};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/prompt-inputs",schemaPath:"#/properties/prompt-inputs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["prompt-inputs"].type,parentSchema:schema12.properties["prompt-inputs"],data:data16};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data["tool-inputs"] !== undefined){let data18 = data["tool-inputs"];if(Array.isArray(data18)){const len6 = data18.length;for(let i6=0; i6<len6; i6++){let data19 = data18[i6];if(typeof data19 === "string"){if(func2(data19) < 1){const err41 = {instancePath:instancePath+"/tool-inputs/" + i6,schemaPath:"#/properties/tool-inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["tool-inputs"].items,data:data19};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}else {const err42 = {instancePath:instancePath+"/tool-inputs/" + i6,schemaPath:"#/properties/tool-inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["tool-inputs"].items.type,parentSchema:schema12.properties["tool-inputs"].items,data:data19};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}}else {const err43 = {instancePath:instancePath+"/tool-inputs",schemaPath:"#/properties/tool-inputs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["tool-inputs"].type,parentSchema:schema12.properties["tool-inputs"],data:data18};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data["actor-inputs"] !== undefined){let data20 = data["actor-inputs"];if(Array.isArray(data20)){const len7 = data20.length;for(let i7=0; i7<len7; i7++){let data21 = data20[i7];if(typeof data21 === "string"){if(func2(data21) < 1){const err44 = {instancePath:instancePath+"/actor-inputs/" + i7,schemaPath:"#/properties/actor-inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["actor-inputs"].items,data:data21};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}else {const err45 = {instancePath:instancePath+"/actor-inputs/" + i7,schemaPath:"#/properties/actor-inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["actor-inputs"].items.type,parentSchema:schema12.properties["actor-inputs"].items,data:data21};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}else {const err46 = {instancePath:instancePath+"/actor-inputs",schemaPath:"#/properties/actor-inputs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["actor-inputs"].type,parentSchema:schema12.properties["actor-inputs"],data:data20};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data["credential-inputs"] !== undefined){let data22 = data["credential-inputs"];if(Array.isArray(data22)){const len8 = data22.length;for(let i8=0; i8<len8; i8++){let data23 = data22[i8];if(typeof data23 === "string"){if(func2(data23) < 1){const err47 = {instancePath:instancePath+"/credential-inputs/" + i8,schemaPath:"#/properties/credential-inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["credential-inputs"].items,data:data23};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}else {const err48 = {instancePath:instancePath+"/credential-inputs/" + i8,schemaPath:"#/properties/credential-inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["credential-inputs"].items.type,parentSchema:schema12.properties["credential-inputs"].items,data:data23};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}else {const err49 = {instancePath:instancePath+"/credential-inputs",schemaPath:"#/properties/credential-inputs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["credential-inputs"].type,parentSchema:schema12.properties["credential-inputs"],data:data22};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data["credential-env"] !== undefined){let data24 = data["credential-env"];if(Array.isArray(data24)){const len9 = data24.length;for(let i9=0; i9<len9; i9++){let data25 = data24[i9];if(typeof data25 === "string"){if(func2(data25) < 1){const err50 = {instancePath:instancePath+"/credential-env/" + i9,schemaPath:"#/properties/credential-env/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["credential-env"].items,data:data25};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/credential-env/" + i9,schemaPath:"#/properties/credential-env/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["credential-env"].items.type,parentSchema:schema12.properties["credential-env"].items,data:data25};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}else {const err52 = {instancePath:instancePath+"/credential-env",schemaPath:"#/properties/credential-env/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["credential-env"].type,parentSchema:schema12.properties["credential-env"],data:data24};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data["output-file-inputs"] !== undefined){let data26 = data["output-file-inputs"];if(Array.isArray(data26)){const len10 = data26.length;for(let i10=0; i10<len10; i10++){let data27 = data26[i10];if(typeof data27 === "string"){if(func2(data27) < 1){const err53 = {instancePath:instancePath+"/output-file-inputs/" + i10,schemaPath:"#/properties/output-file-inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["output-file-inputs"].items,data:data27};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}else {const err54 = {instancePath:instancePath+"/output-file-inputs/" + i10,schemaPath:"#/properties/output-file-inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["output-file-inputs"].items.type,parentSchema:schema12.properties["output-file-inputs"].items,data:data27};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}}else {const err55 = {instancePath:instancePath+"/output-file-inputs",schemaPath:"#/properties/output-file-inputs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["output-file-inputs"].type,parentSchema:schema12.properties["output-file-inputs"],data:data26};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}if(data["output-file-flags"] !== undefined){let data28 = data["output-file-flags"];if(Array.isArray(data28)){const len11 = data28.length;for(let i11=0; i11<len11; i11++){let data29 = data28[i11];if(typeof data29 === "string"){if(func2(data29) < 1){const err56 = {instancePath:instancePath+"/output-file-flags/" + i11,schemaPath:"#/properties/output-file-flags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties["output-file-flags"].items,data:data29};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}else {const err57 = {instancePath:instancePath+"/output-file-flags/" + i11,schemaPath:"#/properties/output-file-flags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["output-file-flags"].items.type,parentSchema:schema12.properties["output-file-flags"].items,data:data29};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}}else {const err58 = {instancePath:instancePath+"/output-file-flags",schemaPath:"#/properties/output-file-flags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["output-file-flags"].type,parentSchema:schema12.properties["output-file-flags"],data:data28};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}if(data["checks-write-access"] !== undefined){let data30 = data["checks-write-access"];if(typeof data30 !== "boolean"){const err59 = {instancePath:instancePath+"/checks-write-access",schemaPath:"#/properties/checks-write-access/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties["checks-write-access"].type,parentSchema:schema12.properties["checks-write-access"],data:data30};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data["uses-id-token"] !== undefined){let data31 = data["uses-id-token"];if(typeof data31 !== "boolean"){const err60 = {instancePath:instancePath+"/uses-id-token",schemaPath:"#/properties/uses-id-token/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties["uses-id-token"].type,parentSchema:schema12.properties["uses-id-token"],data:data31};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data["any-user"] !== undefined){let data32 = data["any-user"];if(Array.isArray(data32)){const len12 = data32.length;for(let i12=0; i12<len12; i12++){let data33 = data32[i12];const _errs77 = errors;let valid31 = false;const _errs78 = errors;if(data33 && typeof data33 == "object" && !Array.isArray(data33)){if(data33.input === undefined){const err61 = {instancePath:instancePath+"/any-user/" + i12,schemaPath:"#/definitions/agentCondition/anyOf/0/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema14.anyOf[0].required,parentSchema:schema14.anyOf[0],data:data33};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}var _valid1 = _errs78 === errors;valid31 = valid31 || _valid1;if(!valid31){const _errs79 = errors;if(data33 && typeof data33 == "object" && !Array.isArray(data33)){if(data33.flag === undefined){const err62 = {instancePath:instancePath+"/any-user/" + i12,schemaPath:"#/definitions/agentCondition/anyOf/1/required",keyword:"required",params:{missingProperty: "flag"},message:"must have required property '"+"flag"+"'",schema:schema14.anyOf[1].required,parentSchema:schema14.anyOf[1],data:data33};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}var _valid1 = _errs79 === errors;valid31 = valid31 || _valid1;}if(!valid31){const err63 = {instancePath:instancePath+"/any-user/" + i12,schemaPath:"#/definitions/agentCondition/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.anyOf,parentSchema:schema14,data:data33};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}else {errors = _errs77;if(vErrors !== null){if(_errs77){vErrors.length = _errs77;}else {vErrors = null;}}}if(data33 && typeof data33 == "object" && !Array.isArray(data33)){for(const key2 in data33){if(!((((((key2 === "input") || (key2 === "flag")) || (key2 === "json")) || (key2 === "equals")) || (key2 === "item")) || (key2 === "absent"))){const err64 = {instancePath:instancePath+"/any-user/" + i12,schemaPath:"#/definitions/agentCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data33};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}if(data33.input !== undefined){let data34 = data33.input;if(typeof data34 === "string"){if(func2(data34) < 1){const err65 = {instancePath:instancePath+"/any-user/" + i12+"/input",schemaPath:"#/definitions/agentCondition/properties/input/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.input,data:data34};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}else {const err66 = {instancePath:instancePath+"/any-user/" + i12+"/input",schemaPath:"#/definitions/agentCondition/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.input.type,parentSchema:schema14.properties.input,data:data34};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}if(data33.flag !== undefined){let data35 = data33.flag;if(typeof data35 === "string"){if(!pattern5.test(data35)){const err67 = {instancePath:instancePath+"/any-user/" + i12+"/flag",schemaPath:"#/definitions/agentCondition/properties/flag/pattern",keyword:"pattern",params:{pattern: "^--?[A-Za-z0-9][A-Za-z0-9-]*$"},message:"must match pattern \""+"^--?[A-Za-z0-9][A-Za-z0-9-]*$"+"\"",schema:"^--?[A-Za-z0-9][A-Za-z0-9-]*$",parentSchema:schema14.properties.flag,data:data35};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}else {const err68 = {instancePath:instancePath+"/any-user/" + i12+"/flag",schemaPath:"#/definitions/agentCondition/properties/flag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.flag.type,parentSchema:schema14.properties.flag,data:data35};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}if(data33.json !== undefined){let data36 = data33.json;if(Array.isArray(data36)){if(data36.length < 1){const err69 = {instancePath:instancePath+"/any-user/" + i12+"/json",schemaPath:"#/definitions/agentCondition/properties/json/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.json,data:data36};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}const len13 = data36.length;for(let i13=0; i13<len13; i13++){let data37 = data36[i13];if(typeof data37 === "string"){if(func2(data37) < 1){const err70 = {instancePath:instancePath+"/any-user/" + i12+"/json/" + i13,schemaPath:"#/definitions/agentCondition/properties/json/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.json.items,data:data37};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}else {const err71 = {instancePath:instancePath+"/any-user/" + i12+"/json/" + i13,schemaPath:"#/definitions/agentCondition/properties/json/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.json.items.type,parentSchema:schema14.properties.json.items,data:data37};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}}else {const err72 = {instancePath:instancePath+"/any-user/" + i12+"/json",schemaPath:"#/definitions/agentCondition/properties/json/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.json.type,parentSchema:schema14.properties.json,data:data36};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}if(data33.equals !== undefined){let data38 = data33.equals;if(Array.isArray(data38)){if(data38.length < 1){const err73 = {instancePath:instancePath+"/any-user/" + i12+"/equals",schemaPath:"#/definitions/agentCondition/properties/equals/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.equals,data:data38};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}const len14 = data38.length;for(let i14=0; i14<len14; i14++){let data39 = data38[i14];if(typeof data39 !== "string"){const err74 = {instancePath:instancePath+"/any-user/" + i12+"/equals/" + i14,schemaPath:"#/definitions/agentCondition/properties/equals/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.equals.items.type,parentSchema:schema14.properties.equals.items,data:data39};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}}else {const err75 = {instancePath:instancePath+"/any-user/" + i12+"/equals",schemaPath:"#/definitions/agentCondition/properties/equals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.equals.type,parentSchema:schema14.properties.equals,data:data38};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}if(data33.item !== undefined){let data40 = data33.item;if(Array.isArray(data40)){if(data40.length < 1){const err76 = {instancePath:instancePath+"/any-user/" + i12+"/item",schemaPath:"#/definitions/agentCondition/properties/item/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.item,data:data40};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}const len15 = data40.length;for(let i15=0; i15<len15; i15++){let data41 = data40[i15];if(typeof data41 !== "string"){const err77 = {instancePath:instancePath+"/any-user/" + i12+"/item/" + i15,schemaPath:"#/definitions/agentCondition/properties/item/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.item.items.type,parentSchema:schema14.properties.item.items,data:data41};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}}else {const err78 = {instancePath:instancePath+"/any-user/" + i12+"/item",schemaPath:"#/definitions/agentCondition/properties/item/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.item.type,parentSchema:schema14.properties.item,data:data40};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}if(data33.absent !== undefined){let data42 = data33.absent;if(typeof data42 !== "boolean"){const err79 = {instancePath:instancePath+"/any-user/" + i12+"/absent",schemaPath:"#/definitions/agentCondition/properties/absent/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.absent.type,parentSchema:schema14.properties.absent,data:data42};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}if(true !== data42){const err80 = {instancePath:instancePath+"/any-user/" + i12+"/absent",schemaPath:"#/definitions/agentCondition/properties/absent/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema14.properties.absent,data:data42};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}}else {const err81 = {instancePath:instancePath+"/any-user/" + i12,schemaPath:"#/definitions/agentCondition/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data33};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}}else {const err82 = {instancePath:instancePath+"/any-user",schemaPath:"#/properties/any-user/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["any-user"].type,parentSchema:schema12.properties["any-user"],data:data32};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data["any-bot"] !== undefined){let data43 = data["any-bot"];if(Array.isArray(data43)){const len16 = data43.length;for(let i16=0; i16<len16; i16++){let data44 = data43[i16];const _errs104 = errors;let valid42 = false;const _errs105 = errors;if(data44 && typeof data44 == "object" && !Array.isArray(data44)){if(data44.input === undefined){const err83 = {instancePath:instancePath+"/any-bot/" + i16,schemaPath:"#/definitions/agentCondition/anyOf/0/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema14.anyOf[0].required,parentSchema:schema14.anyOf[0],data:data44};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}var _valid2 = _errs105 === errors;valid42 = valid42 || _valid2;if(!valid42){const _errs106 = errors;if(data44 && typeof data44 == "object" && !Array.isArray(data44)){if(data44.flag === undefined){const err84 = {instancePath:instancePath+"/any-bot/" + i16,schemaPath:"#/definitions/agentCondition/anyOf/1/required",keyword:"required",params:{missingProperty: "flag"},message:"must have required property '"+"flag"+"'",schema:schema14.anyOf[1].required,parentSchema:schema14.anyOf[1],data:data44};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}}var _valid2 = _errs106 === errors;valid42 = valid42 || _valid2;}if(!valid42){const err85 = {instancePath:instancePath+"/any-bot/" + i16,schemaPath:"#/definitions/agentCondition/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.anyOf,parentSchema:schema14,data:data44};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}else {errors = _errs104;if(vErrors !== null){if(_errs104){vErrors.length = _errs104;}else {vErrors = null;}}}if(data44 && typeof data44 == "object" && !Array.isArray(data44)){for(const key3 in data44){if(!((((((key3 === "input") || (key3 === "flag")) || (key3 === "json")) || (key3 === "equals")) || (key3 === "item")) || (key3 === "absent"))){const err86 = {instancePath:instancePath+"/any-bot/" + i16,schemaPath:"#/definitions/agentCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data44};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}}if(data44.input !== undefined){let data45 = data44.input;if(typeof data45 === "string"){if(func2(data45) < 1){const err87 = {instancePath:instancePath+"/any-bot/" + i16+"/input",schemaPath:"#/definitions/agentCondition/properties/input/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.input,data:data45};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}else {const err88 = {instancePath:instancePath+"/any-bot/" + i16+"/input",schemaPath:"#/definitions/agentCondition/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.input.type,parentSchema:schema14.properties.input,data:data45};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data44.flag !== undefined){let data46 = data44.flag;if(typeof data46 === "string"){if(!pattern5.test(data46)){const err89 = {instancePath:instancePath+"/any-bot/" + i16+"/flag",schemaPath:"#/definitions/agentCondition/properties/flag/pattern",keyword:"pattern",params:{pattern: "^--?[A-Za-z0-9][A-Za-z0-9-]*$"},message:"must match pattern \""+"^--?[A-Za-z0-9][A-Za-z0-9-]*$"+"\"",schema:"^--?[A-Za-z0-9][A-Za-z0-9-]*$",parentSchema:schema14.properties.flag,data:data46};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}else {const err90 = {instancePath:instancePath+"/any-bot/" + i16+"/flag",schemaPath:"#/definitions/agentCondition/properties/flag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.flag.type,parentSchema:schema14.properties.flag,data:data46};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}if(data44.json !== undefined){let data47 = data44.json;if(Array.isArray(data47)){if(data47.length < 1){const err91 = {instancePath:instancePath+"/any-bot/" + i16+"/json",schemaPath:"#/definitions/agentCondition/properties/json/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.json,data:data47};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}const len17 = data47.length;for(let i17=0; i17<len17; i17++){let data48 = data47[i17];if(typeof data48 === "string"){if(func2(data48) < 1){const err92 = {instancePath:instancePath+"/any-bot/" + i16+"/json/" + i17,schemaPath:"#/definitions/agentCondition/properties/json/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.json.items,data:data48};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}else {const err93 = {instancePath:instancePath+"/any-bot/" + i16+"/json/" + i17,schemaPath:"#/definitions/agentCondition/properties/json/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.json.items.type,parentSchema:schema14.properties.json.items,data:data48};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}}else {const err94 = {instancePath:instancePath+"/any-bot/" + i16+"/json",schemaPath:"#/definitions/agentCondition/properties/json/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.json.type,parentSchema:schema14.properties.json,data:data47};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}if(data44.equals !== undefined){let data49 = data44.equals;if(Array.isArray(data49)){if(data49.length < 1){const err95 = {instancePath:instancePath+"/any-bot/" + i16+"/equals",schemaPath:"#/definitions/agentCondition/properties/equals/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.equals,data:data49};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}const len18 = data49.length;for(let i18=0; i18<len18; i18++){let data50 = data49[i18];if(typeof data50 !== "string"){const err96 = {instancePath:instancePath+"/any-bot/" + i16+"/equals/" + i18,schemaPath:"#/definitions/agentCondition/properties/equals/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.equals.items.type,parentSchema:schema14.properties.equals.items,data:data50};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}}}else {const err97 = {instancePath:instancePath+"/any-bot/" + i16+"/equals",schemaPath:"#/definitions/agentCondition/properties/equals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.equals.type,parentSchema:schema14.properties.equals,data:data49};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}if(data44.item !== undefined){let data51 = data44.item;if(Array.isArray(data51)){if(data51.length < 1){const err98 = {instancePath:instancePath+"/any-bot/" + i16+"/item",schemaPath:"#/definitions/agentCondition/properties/item/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.item,data:data51};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}const len19 = data51.length;for(let i19=0; i19<len19; i19++){let data52 = data51[i19];if(typeof data52 !== "string"){const err99 = {instancePath:instancePath+"/any-bot/" + i16+"/item/" + i19,schemaPath:"#/definitions/agentCondition/properties/item/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.item.items.type,parentSchema:schema14.properties.item.items,data:data52};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}}else {const err100 = {instancePath:instancePath+"/any-bot/" + i16+"/item",schemaPath:"#/definitions/agentCondition/properties/item/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.item.type,parentSchema:schema14.properties.item,data:data51};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}if(data44.absent !== undefined){let data53 = data44.absent;if(typeof data53 !== "boolean"){const err101 = {instancePath:instancePath+"/any-bot/" + i16+"/absent",schemaPath:"#/definitions/agentCondition/properties/absent/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.absent.type,parentSchema:schema14.properties.absent,data:data53};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}if(true !== data53){const err102 = {instancePath:instancePath+"/any-bot/" + i16+"/absent",schemaPath:"#/definitions/agentCondition/properties/absent/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema14.properties.absent,data:data53};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}}else {const err103 = {instancePath:instancePath+"/any-bot/" + i16,schemaPath:"#/definitions/agentCondition/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data44};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}}else {const err104 = {instancePath:instancePath+"/any-bot",schemaPath:"#/properties/any-bot/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties["any-bot"].type,parentSchema:schema12.properties["any-bot"],data:data43};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}}if(data.unrestricted !== undefined){let data54 = data.unrestricted;if(Array.isArray(data54)){const len20 = data54.length;for(let i20=0; i20<len20; i20++){let data55 = data54[i20];const _errs131 = errors;let valid53 = false;const _errs132 = errors;if(data55 && typeof data55 == "object" && !Array.isArray(data55)){if(data55.input === undefined){const err105 = {instancePath:instancePath+"/unrestricted/" + i20,schemaPath:"#/definitions/agentCondition/anyOf/0/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema14.anyOf[0].required,parentSchema:schema14.anyOf[0],data:data55};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}var _valid3 = _errs132 === errors;valid53 = valid53 || _valid3;if(!valid53){const _errs133 = errors;if(data55 && typeof data55 == "object" && !Array.isArray(data55)){if(data55.flag === undefined){const err106 = {instancePath:instancePath+"/unrestricted/" + i20,schemaPath:"#/definitions/agentCondition/anyOf/1/required",keyword:"required",params:{missingProperty: "flag"},message:"must have required property '"+"flag"+"'",schema:schema14.anyOf[1].required,parentSchema:schema14.anyOf[1],data:data55};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}}var _valid3 = _errs133 === errors;valid53 = valid53 || _valid3;}if(!valid53){const err107 = {instancePath:instancePath+"/unrestricted/" + i20,schemaPath:"#/definitions/agentCondition/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.anyOf,parentSchema:schema14,data:data55};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}else {errors = _errs131;if(vErrors !== null){if(_errs131){vErrors.length = _errs131;}else {vErrors = null;}}}if(data55 && typeof data55 == "object" && !Array.isArray(data55)){for(const key4 in data55){if(!((((((key4 === "input") || (key4 === "flag")) || (key4 === "json")) || (key4 === "equals")) || (key4 === "item")) || (key4 === "absent"))){const err108 = {instancePath:instancePath+"/unrestricted/" + i20,schemaPath:"#/definitions/agentCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data55};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}if(data55.input !== undefined){let data56 = data55.input;if(typeof data56 === "string"){if(func2(data56) < 1){const err109 = {instancePath:instancePath+"/unrestricted/" + i20+"/input",schemaPath:"#/definitions/agentCondition/properties/input/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.input,data:data56};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}else {const err110 = {instancePath:instancePath+"/unrestricted/" + i20+"/input",schemaPath:"#/definitions/agentCondition/properties/input/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.input.type,parentSchema:schema14.properties.input,data:data56};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}if(data55.flag !== undefined){let data57 = data55.flag;if(typeof data57 === "string"){if(!pattern5.test(data57)){const err111 = {instancePath:instancePath+"/unrestricted/" + i20+"/flag",schemaPath:"#/definitions/agentCondition/properties/flag/pattern",keyword:"pattern",params:{pattern: "^--?[A-Za-z0-9][A-Za-z0-9-]*$"},message:"must match pattern \""+"^--?[A-Za-z0-9][A-Za-z0-9-]*$"+"\"",schema:"^--?[A-Za-z0-9][A-Za-z0-9-]*$",parentSchema:schema14.properties.flag,data:data57};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}}else {const err112 = {instancePath:instancePath+"/unrestricted/" + i20+"/flag",schemaPath:"#/definitions/agentCondition/properties/flag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.flag.type,parentSchema:schema14.properties.flag,data:data57};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}if(data55.json !== undefined){let data58 = data55.json;if(Array.isArray(data58)){if(data58.length < 1){const err113 = {instancePath:instancePath+"/unrestricted/" + i20+"/json",schemaPath:"#/definitions/agentCondition/properties/json/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.json,data:data58};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}const len21 = data58.length;for(let i21=0; i21<len21; i21++){let data59 = data58[i21];if(typeof data59 === "string"){if(func2(data59) < 1){const err114 = {instancePath:instancePath+"/unrestricted/" + i20+"/json/" + i21,schemaPath:"#/definitions/agentCondition/properties/json/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.json.items,data:data59};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}}else {const err115 = {instancePath:instancePath+"/unrestricted/" + i20+"/json/" + i21,schemaPath:"#/definitions/agentCondition/properties/json/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.json.items.type,parentSchema:schema14.properties.json.items,data:data59};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}}else {const err116 = {instancePath:instancePath+"/unrestricted/" + i20+"/json",schemaPath:"#/definitions/agentCondition/properties/json/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.json.type,parentSchema:schema14.properties.json,data:data58};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}}if(data55.equals !== undefined){let data60 = data55.equals;if(Array.isArray(data60)){if(data60.length < 1){const err117 = {instancePath:instancePath+"/unrestricted/" + i20+"/equals",schemaPath:"#/definitions/agentCondition/properties/equals/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.equals,data:data60};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}const len22 = data60.length;for(let i22=0; i22<len22; i22++){let data61 = data60[i22];if(typeof data61 !== "string"){const err118 = {instancePath:instancePath+"/unrestricted/" + i20+"/equals/" + i22,schemaPath:"#/definitions/agentCondition/properties/equals/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.equals.items.type,parentSchema:schema14.properties.equals.items,data:data61};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}}}else {const err119 = {instancePath:instancePath+"/unrestricted/" + i20+"/equals",schemaPath:"#/definitions/agentCondition/properties/equals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.equals.type,parentSchema:schema14.properties.equals,data:data60};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}}if(data55.item !== undefined){let data62 = data55.item;if(Array.isArray(data62)){if(data62.length < 1){const err120 = {instancePath:instancePath+"/unrestricted/" + i20+"/item",schemaPath:"#/definitions/agentCondition/properties/item/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.item,data:data62};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}const len23 = data62.length;for(let i23=0; i23<len23; i23++){let data63 = data62[i23];if(typeof data63 !== "string"){const err121 = {instancePath:instancePath+"/unrestricted/" + i20+"/item/" + i23,schemaPath:"#/definitions/agentCondition/properties/item/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.item.items.type,parentSchema:schema14.properties.item.items,data:data63};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}}else {const err122 = {instancePath:instancePath+"/unrestricted/" + i20+"/item",schemaPath:"#/definitions/agentCondition/properties/item/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.item.type,parentSchema:schema14.properties.item,data:data62};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}}if(data55.absent !== undefined){let data64 = data55.absent;if(typeof data64 !== "boolean"){const err123 = {instancePath:instancePath+"/unrestricted/" + i20+"/absent",schemaPath:"#/definitions/agentCondition/properties/absent/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.absent.type,parentSchema:schema14.properties.absent,data:data64};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}if(true !== data64){const err124 = {instancePath:instancePath+"/unrestricted/" + i20+"/absent",schemaPath:"#/definitions/agentCondition/properties/absent/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema14.properties.absent,data:data64};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}}}else {const err125 = {instancePath:instancePath+"/unrestricted/" + i20,schemaPath:"#/definitions/agentCondition/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data55};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}}else {const err126 = {instancePath:instancePath+"/unrestricted",schemaPath:"#/properties/unrestricted/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.unrestricted.type,parentSchema:schema12.properties.unrestricted,data:data54};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}}else {const err127 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}validate11.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://github.com/astl/agent-credentials/schemas/scan-config.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(((key0 === "version") || (key0 === "pinning")) || (key0 === "agents"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.version !== undefined){let data0 = data.version;if(1 !== data0){const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.pinning !== undefined){let data1 = data.pinning;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){for(const key1 in data1){if(!(key1 === "policies")){const err2 = {instancePath:instancePath+"/pinning",schemaPath:"#/properties/pinning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.pinning,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data1.policies !== undefined){let data2 = data1.policies;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.uses === undefined){const err3 = {instancePath:instancePath+"/pinning/policies/" + i0,schemaPath:"#/properties/pinning/properties/policies/items/required",keyword:"required",params:{missingProperty: "uses"},message:"must have required property '"+"uses"+"'",schema:schema11.properties.pinning.properties.policies.items.required,parentSchema:schema11.properties.pinning.properties.policies.items,data:data3};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data3.policy === undefined){const err4 = {instancePath:instancePath+"/pinning/policies/" + i0,schemaPath:"#/properties/pinning/properties/policies/items/required",keyword:"required",params:{missingProperty: "policy"},message:"must have required property '"+"policy"+"'",schema:schema11.properties.pinning.properties.policies.items.required,parentSchema:schema11.properties.pinning.properties.policies.items,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data3.reason === undefined){const err5 = {instancePath:instancePath+"/pinning/policies/" + i0,schemaPath:"#/properties/pinning/properties/policies/items/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema11.properties.pinning.properties.policies.items.required,parentSchema:schema11.properties.pinning.properties.policies.items,data:data3};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}for(const key2 in data3){if(!(((key2 === "uses") || (key2 === "policy")) || (key2 === "reason"))){const err6 = {instancePath:instancePath+"/pinning/policies/" + i0,schemaPath:"#/properties/pinning/properties/policies/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.pinning.properties.policies.items,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data3.uses !== undefined){let data4 = data3.uses;if(typeof data4 === "string"){if(!pattern0.test(data4)){const err7 = {instancePath:instancePath+"/pinning/policies/" + i0+"/uses",schemaPath:"#/properties/pinning/properties/policies/items/properties/uses/pattern",keyword:"pattern",params:{pattern: "^(\\*|[A-Za-z0-9_.-]+/(\\*|[A-Za-z0-9_.-]+(/[^@\\s]+)?))$"},message:"must match pattern \""+"^(\\*|[A-Za-z0-9_.-]+/(\\*|[A-Za-z0-9_.-]+(/[^@\\s]+)?))$"+"\"",schema:"^(\\*|[A-Za-z0-9_.-]+/(\\*|[A-Za-z0-9_.-]+(/[^@\\s]+)?))$",parentSchema:schema11.properties.pinning.properties.policies.items.properties.uses,data:data4};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/pinning/policies/" + i0+"/uses",schemaPath:"#/properties/pinning/properties/policies/items/properties/uses/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.pinning.properties.policies.items.properties.uses.type,parentSchema:schema11.properties.pinning.properties.policies.items.properties.uses,data:data4};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.policy !== undefined){let data5 = data3.policy;if(!(((data5 === "hash-pin") || (data5 === "ref-pin")) || (data5 === "any"))){const err9 = {instancePath:instancePath+"/pinning/policies/" + i0+"/policy",schemaPath:"#/properties/pinning/properties/policies/items/properties/policy/enum",keyword:"enum",params:{allowedValues: schema11.properties.pinning.properties.policies.items.properties.policy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.pinning.properties.policies.items.properties.policy.enum,parentSchema:schema11.properties.pinning.properties.policies.items.properties.policy,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data3.reason !== undefined){let data6 = data3.reason;if(typeof data6 === "string"){if(func2(data6) < 3){const err10 = {instancePath:instancePath+"/pinning/policies/" + i0+"/reason",schemaPath:"#/properties/pinning/properties/policies/items/properties/reason/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema11.properties.pinning.properties.policies.items.properties.reason,data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/pinning/policies/" + i0+"/reason",schemaPath:"#/properties/pinning/properties/policies/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.pinning.properties.policies.items.properties.reason.type,parentSchema:schema11.properties.pinning.properties.policies.items.properties.reason,data:data6};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath:instancePath+"/pinning/policies/" + i0,schemaPath:"#/properties/pinning/properties/policies/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pinning.properties.policies.items.type,parentSchema:schema11.properties.pinning.properties.policies.items,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath:instancePath+"/pinning/policies",schemaPath:"#/properties/pinning/properties/policies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.pinning.properties.policies.type,parentSchema:schema11.properties.pinning.properties.policies,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath:instancePath+"/pinning",schemaPath:"#/properties/pinning/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pinning.type,parentSchema:schema11.properties.pinning,data:data1};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.agents !== undefined){let data7 = data.agents;if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key3 in data7){if(!(((key3 === "registry") || (key3 === "policies")) || (key3 === "catalog"))){const err15 = {instancePath:instancePath+"/agents",schemaPath:"#/properties/agents/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.agents,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data7.registry !== undefined){let data8 = data7.registry;if(typeof data8 === "string"){if(func2(data8) < 1){const err16 = {instancePath:instancePath+"/agents/registry",schemaPath:"#/properties/agents/properties/registry/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.agents.properties.registry,data:data8};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/agents/registry",schemaPath:"#/properties/agents/properties/registry/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agents.properties.registry.type,parentSchema:schema11.properties.agents.properties.registry,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data7.policies !== undefined){let data9 = data7.policies;if(typeof data9 === "string"){if(func2(data9) < 1){const err18 = {instancePath:instancePath+"/agents/policies",schemaPath:"#/properties/agents/properties/policies/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.agents.properties.policies,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/agents/policies",schemaPath:"#/properties/agents/properties/policies/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agents.properties.policies.type,parentSchema:schema11.properties.agents.properties.policies,data:data9};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data7.catalog !== undefined){let data10 = data7.catalog;if(Array.isArray(data10)){const len1 = data10.length;for(let i1=0; i1<len1; i1++){if(!(validate11(data10[i1], {instancePath:instancePath+"/agents/catalog/" + i1,parentData:data10,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err20 = {instancePath:instancePath+"/agents/catalog",schemaPath:"#/properties/agents/properties/catalog/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.agents.properties.catalog.type,parentSchema:schema11.properties.agents.properties.catalog,data:data10};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath:instancePath+"/agents",schemaPath:"#/properties/agents/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.agents.type,parentSchema:schema11.properties.agents,data:data7};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}validate10.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./packages/scanner/agents/catalog.json
const catalog_namespaceObject = /*#__PURE__*/JSON.parse('{"X6":[{"id":"claude-code-action","name":"Claude Code Action","vendor":"Anthropic","docs":"https://github.com/anthropics/claude-code-action/blob/main/docs/security.md","uses":["anthropics/claude-code-action"],"prompt-inputs":["prompt","direct_prompt","override_prompt","custom_instructions"],"tool-inputs":["claude_args","allowed_tools","disallowed_tools","settings","mcp_config"],"actor-inputs":["allowed_non_write_users","allowed_bots"],"credential-inputs":["anthropic_api_key","claude_code_oauth_token"],"checks-write-access":true,"uses-id-token":true,"any-user":[{"input":"allowed_non_write_users","equals":["*"]}],"any-bot":[{"input":"allowed_bots","equals":["*"]}],"unrestricted":[{"input":"claude_args","flag":"--dangerously-skip-permissions"},{"input":"claude_args","flag":"--permission-mode","equals":["bypassPermissions"]},{"input":"claude_args","flag":"--allowedTools","item":["Bash","Bash(*)","Bash(:*)"]},{"input":"claude_args","flag":"--allowed-tools","item":["Bash","Bash(*)","Bash(:*)"]},{"input":"allowed_tools","item":["Bash","Bash(*)","Bash(:*)"]},{"input":"settings","json":["permissions.defaultMode"],"equals":["bypassPermissions"]},{"input":"settings","json":["permissions.allow"],"item":["Bash","Bash(*)","Bash(:*)"]}]},{"id":"claude-code-base-action","name":"Claude Code Base Action","vendor":"Anthropic","docs":"https://github.com/anthropics/claude-code-base-action/blob/main/action.yml","uses":["anthropics/claude-code-base-action"],"prompt-inputs":["prompt"],"tool-inputs":["claude_args","allowed_tools","disallowed_tools","settings","mcp_config"],"credential-inputs":["anthropic_api_key","claude_code_oauth_token"],"uses-id-token":true,"unrestricted":[{"input":"claude_args","flag":"--dangerously-skip-permissions"},{"input":"claude_args","flag":"--permission-mode","equals":["bypassPermissions"]},{"input":"claude_args","flag":"--allowedTools","item":["Bash","Bash(*)","Bash(:*)"]},{"input":"claude_args","flag":"--allowed-tools","item":["Bash","Bash(*)","Bash(:*)"]},{"input":"allowed_tools","item":["Bash","Bash(*)","Bash(:*)"]},{"input":"settings","json":["permissions.defaultMode"],"equals":["bypassPermissions"]},{"input":"settings","json":["permissions.allow"],"item":["Bash","Bash(*)","Bash(:*)"]}]},{"id":"codex-action","name":"Codex Action","vendor":"OpenAI","docs":"https://github.com/openai/codex-action/blob/main/docs/security.md","uses":["openai/codex-action"],"prompt-inputs":["prompt"],"tool-inputs":["sandbox","permission-profile","safety-strategy","codex-args"],"actor-inputs":["allow-users","allow-bots","allow-bot-users"],"credential-inputs":["openai-api-key"],"output-file-inputs":["output-file"],"checks-write-access":true,"any-user":[{"input":"allow-users","equals":["*"]}],"unrestricted":[{"input":"sandbox","equals":["danger-full-access"]},{"input":"safety-strategy","equals":["unsafe"]},{"input":"codex-args","flag":"--dangerously-bypass-approvals-and-sandbox"},{"input":"codex-args","flag":"--yolo"},{"input":"codex-args","flag":"--sandbox","equals":["danger-full-access"]},{"input":"codex-args","flag":"-s","equals":["danger-full-access"]}]},{"id":"run-gemini-cli","name":"Run Gemini CLI","vendor":"Google","docs":"https://github.com/google-github-actions/run-gemini-cli/blob/main/docs/trust-guidance.md","uses":["google-github-actions/run-gemini-cli"],"prompt-inputs":["prompt"],"tool-inputs":["settings","extensions"],"credential-inputs":["gemini_api_key","google_api_key"],"credential-env":["GEMINI_API_KEY","GOOGLE_API_KEY"],"uses-id-token":true,"unrestricted":[{"input":"settings","json":["tools.core","coreTools"],"absent":true},{"input":"settings","json":["tools.core","coreTools"],"item":["run_shell_command","ShellTool"]}]},{"id":"opencode-action","name":"opencode GitHub Action","vendor":"opencode","docs":"https://opencode.ai/docs/github/","uses":["sst/opencode/github","anomalyco/opencode/github"],"prompt-inputs":["prompt"],"tool-inputs":["agent"],"credential-env":["OPENCODE_API_KEY","ANTHROPIC_API_KEY","OPENAI_API_KEY"],"uses-id-token":true},{"id":"ai-inference","name":"GitHub Models AI Inference","vendor":"GitHub","docs":"https://github.com/actions/ai-inference/blob/main/action.yml","uses":["actions/ai-inference"],"prompt-inputs":["prompt","system-prompt"],"credential-inputs":["token"],"output-file-inputs":["response-file"]},{"id":"copilot-coding-agent","name":"GitHub Copilot coding agent","vendor":"GitHub","docs":"https://docs.github.com/en/copilot/how-tos/use-copilot-agents/cloud-agent/customize-the-agent-environment","hosted-job":"copilot-setup-steps"},{"id":"claude-cli","name":"Claude Code CLI","vendor":"Anthropic","docs":"https://docs.anthropic.com/en/docs/claude-code/cli-reference","commands":[{"program":"claude","packages":["@anthropic-ai/claude-code"],"when-flags":["-p","--print"]}],"credential-env":["ANTHROPIC_API_KEY","CLAUDE_CODE_OAUTH_TOKEN"],"output-file-flags":[],"unrestricted":[{"flag":"--dangerously-skip-permissions"},{"flag":"--permission-mode","equals":["bypassPermissions"]},{"flag":"--allowedTools","item":["Bash","Bash(*)","Bash(:*)"]},{"flag":"--allowed-tools","item":["Bash","Bash(*)","Bash(:*)"]}]},{"id":"codex-cli","name":"Codex CLI","vendor":"OpenAI","docs":"https://developers.openai.com/codex/agent-approvals-security","commands":[{"program":"codex","packages":["@openai/codex"],"subcommand":["exec","e"]}],"credential-env":["OPENAI_API_KEY","CODEX_API_KEY"],"output-file-flags":["-o","--output-last-message"],"unrestricted":[{"flag":"--full-auto"},{"flag":"--dangerously-bypass-approvals-and-sandbox"},{"flag":"--yolo"},{"flag":"--sandbox","equals":["danger-full-access"]},{"flag":"-s","equals":["danger-full-access"]}]},{"id":"gemini-cli","name":"Gemini CLI","vendor":"Google","docs":"https://geminicli.com/docs/cli/headless/","commands":[{"program":"gemini","packages":["@google/gemini-cli"],"when-flags":["-p","--prompt","-y","--yolo","--approval-mode"]}],"credential-env":["GEMINI_API_KEY","GOOGLE_API_KEY"],"unrestricted":[{"flag":"--yolo"},{"flag":"-y"},{"flag":"--approval-mode","equals":["yolo"]}]},{"id":"aider","name":"aider","vendor":"Aider","docs":"https://aider.chat/docs/scripting.html","commands":[{"program":"aider","packages":["aider-chat"],"when-flags":["--message","--msg","-m","--message-file","-f"]}],"credential-env":["OPENAI_API_KEY","ANTHROPIC_API_KEY","GEMINI_API_KEY","DEEPSEEK_API_KEY"],"unrestricted":[{"flag":"--yes-always"},{"flag":"--yes"}]},{"id":"copilot-cli","name":"GitHub Copilot CLI","vendor":"GitHub","docs":"https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-programmatic-reference","commands":[{"program":"copilot","packages":["@github/copilot"],"when-flags":["-p","--prompt"]}],"credential-env":["COPILOT_GITHUB_TOKEN","GH_TOKEN"],"unrestricted":[{"flag":"--allow-all-tools"},{"flag":"--allow-all"},{"flag":"--yolo"},{"flag":"--allow-tool","item":["shell"]}]},{"id":"cursor-cli","name":"Cursor CLI","vendor":"Cursor","docs":"https://cursor.com/docs/cli/headless","commands":[{"program":"cursor-agent","when-flags":["-p","--print"]}],"credential-env":["CURSOR_API_KEY"],"unrestricted":[{"flag":"--force"},{"flag":"-f"},{"flag":"--yolo"},{"flag":"--sandbox","equals":["disabled"]}]},{"id":"opencode-cli","name":"opencode CLI","vendor":"opencode","docs":"https://opencode.ai/docs/cli/","commands":[{"program":"opencode","packages":["opencode-ai"],"subcommand":["run","github"]}],"credential-env":["OPENCODE_API_KEY","ANTHROPIC_API_KEY","OPENAI_API_KEY"],"unrestricted":[{"flag":"--auto"}]},{"id":"continue-cli","name":"Continue CLI","vendor":"Continue","docs":"https://docs.continue.dev/cli/headless-mode","commands":[{"program":"cn","packages":["@continuedev/cli"],"when-flags":["-p","--print"]}],"credential-env":["CONTINUE_API_KEY","ANTHROPIC_API_KEY"],"unrestricted":[{"flag":"--allow","equals":["*","Bash"]}]}]}');
;// CONCATENATED MODULE: ./packages/scanner/agents/catalog.ts
/**
 * The agent catalog: which AI agents the scanner recognises in CI and which of their settings
 * matter for security. The built-in table is ./catalog.json (schemas/agent-catalog.schema.json,
 * each entry citing the vendor's documentation); a repository adds or replaces entries in
 * `.astl/scan.yaml` under `agents.catalog` without a release.
 */

const lower = (xs) => (xs ?? []).map((x) => x.toLowerCase());
/** Normalises a raw entry (schema-valid) into the shape the rules use. */
function toCatalogEntry(raw, origin) {
    const entry = {
        id: raw.id,
        name: raw.name,
        docs: raw.docs,
        uses: lower(raw.uses),
        commands: (raw.commands ?? []).map((c) => ({
            program: c.program,
            packages: c.packages ?? [],
            subcommand: c.subcommand ?? [],
            whenFlags: c['when-flags'] ?? [],
        })),
        promptInputs: lower(raw['prompt-inputs']),
        toolInputs: lower(raw['tool-inputs']),
        actorInputs: lower(raw['actor-inputs']),
        credentialInputs: lower(raw['credential-inputs']),
        credentialEnv: raw['credential-env'] ?? [],
        outputFileInputs: lower(raw['output-file-inputs']),
        outputFileFlags: raw['output-file-flags'] ?? [],
        checksWriteAccess: raw['checks-write-access'] === true,
        usesIdToken: raw['uses-id-token'] === true,
        anyUser: raw['any-user'] ?? [],
        anyBot: raw['any-bot'] ?? [],
        unrestricted: raw.unrestricted ?? [],
        origin,
    };
    if (raw.vendor !== undefined)
        entry.vendor = raw.vendor;
    if (raw['hosted-job'] !== undefined)
        entry.hostedJob = raw['hosted-job'];
    return entry;
}
const BUILTIN_CATALOG = catalog_namespaceObject.X6.map((e) => toCatalogEntry(e, 'built-in'));
/** How a finding and the inventory name a catalog entry (DiscoveredAgent.agent). */
function agentIdentity(entry) {
    return {
        id: entry.id,
        name: entry.name,
        docs: entry.docs,
        ...(entry.vendor ? { vendor: entry.vendor } : {}),
    };
}
/** The built-in entries plus the scan config's; a config entry replaces a built-in one of the same id. */
function mergeCatalog(extra) {
    const byId = new Map();
    for (const e of BUILTIN_CATALOG)
        byId.set(e.id, e);
    for (const e of extra)
        byId.set(e.id, e);
    return [...byId.values()];
}
/** The entry whose `uses` matches a repository action reference (`owner/repo[/path]`), any ref. */
function entryForUses(catalog, owner, repo, path) {
    const name = `${owner}/${repo}${path ? `/${path}` : ''}`.toLowerCase().replace(/\/+$/, '');
    return catalog.find((e) => e.uses.includes(name));
}

;// CONCATENATED MODULE: ./packages/scanner/config.ts
/**
 * The scan configuration file (`.astl/scan.yaml`, schema schemas/scan-config.schema.json):
 * repository settings for the scanner. Today its `pinning:` section relaxes the SHA-pinning
 * default per `uses:` pattern, each exception with a reason that findings show; other sections
 * are added beside it. Validated with positions like the registry; a bad file is an error naming
 * file:line, never ignored (a typo must not silently relax or tighten a rule).
 */





/** Looked for at the workspace root, in this order, when no path is given. */
const DEFAULT_SCAN_CONFIG_FILES = ['.astl/scan.yaml', '.astl/scan.yml'];
const EMPTY_SCAN_CONFIG = { pinning: { policies: [] }, agents: { catalog: [] } };
/**
 * Reads the scan configuration: `path` (relative to `root`) when given, else the first of
 * DEFAULT_SCAN_CONFIG_FILES that exists, else the defaults. Throws AstlError(s) for a named
 * file that is missing, outside the workspace or invalid.
 */
function loadScanConfig(root, path) {
    let file = path;
    if (file === undefined) {
        file = DEFAULT_SCAN_CONFIG_FILES.find((f) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, f)));
        if (file === undefined)
            return EMPTY_SCAN_CONFIG;
    }
    const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.join)(root, file);
    const rel = (0,external_node_path_.relative)(root, full).split('\\').join('/');
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        throw new core/* AstlError */.Ht(`scan config ${file} is outside the workspace`, {
            code: 'CONFIG_INVALID',
            location: { file },
            hint: 'keep the scan configuration in the repository, e.g. .astl/scan.yaml',
        });
    }
    if (!(0,external_node_fs_.existsSync)(full) || !(0,external_node_fs_.statSync)(full).isFile()) {
        throw new core/* AstlError */.Ht(`scan config ${rel} not found`, {
            code: 'CONFIG_NOT_FOUND',
            location: { file: rel },
            hint: `create it or drop the option; without one the defaults apply (${DEFAULT_SCAN_CONFIG_FILES[0]} is read when present)`,
        });
    }
    // A link in the repository may point anywhere: read only inside the workspace, never .git/.
    const text = (0,core/* readWorkspaceFile */.sL)(full, { root }, { what: 'scan config', code: 'CONFIG_INVALID', location: { file: rel } });
    return parseScanConfig(text.toString('utf8'), rel);
}
/** Parses and validates the text of a scan configuration file named `file` (for messages). */
function parseScanConfig(text, file) {
    const docs = (0,core/* parseYaml */.hN)(text, file);
    if (docs.length > 1) {
        throw new core/* AstlError */.Ht(`${file} holds ${docs.length} YAML documents; the scan config is one`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const doc = docs[0];
    if (!doc || doc.value === null || doc.value === undefined)
        return { ...EMPTY_SCAN_CONFIG, file };
    const errors = (0,core/* validateWithSchema */.CW)(doc, validate, 'scan config');
    if (errors.length > 0)
        throw new core/* AstlErrors */.ci(errors, 'CONFIG_INVALID');
    const value = doc.value;
    const policies = (value.pinning?.policies ?? []).map((p, i) => ({
        uses: p.uses.toLowerCase(),
        policy: p.policy,
        reason: p.reason.trim(),
        origin: `${file}:${doc.locate(['pinning', 'policies', i]).line ?? 1}`,
    }));
    const seen = new Map();
    for (const p of policies) {
        const before = seen.get(p.uses);
        if (before) {
            throw new core/* AstlError */.Ht(`pinning policy for '${p.uses}' is given twice (${before} and ${p.origin})`, {
                code: 'CONFIG_INVALID',
                location: { file, line: Number(p.origin.split(':').pop()) },
                hint: 'keep one entry per pattern',
            });
        }
        seen.set(p.uses, p.origin);
    }
    const catalog = (value.agents?.catalog ?? []).map((raw, i) => toCatalogEntry(raw, `${file}:${doc.locate(['agents', 'catalog', i]).line ?? 1}`));
    const ids = new Map();
    for (const entry of catalog) {
        const before = ids.get(entry.id);
        if (before) {
            throw new core/* AstlError */.Ht(`agent catalog entry '${entry.id}' is given twice (${before} and ${entry.origin})`, {
                code: 'CONFIG_INVALID',
                location: { file, line: Number(entry.origin.split(':').pop()) },
                hint: 'keep one entry per id; an entry with a built-in id replaces the built-in one',
            });
        }
        ids.set(entry.id, entry.origin);
    }
    const agents = { catalog };
    if (value.agents?.registry !== undefined)
        agents.registry = value.agents.registry;
    if (value.agents?.policies !== undefined)
        agents.policies = value.agents.policies;
    return { file, pinning: { policies }, agents };
}
/**
 * The pinning policy for a repository `uses:` and the rule that set it (undefined: the default,
 * `hash-pin`, as zizmor's). The most specific pattern wins: `owner/repo/path` over `owner/repo`
 * over `owner/*` over `*`.
 */
function pinningPolicyFor(uses, rules) {
    if (uses.kind !== 'repository')
        return { policy: 'hash-pin' };
    const owner = (uses.owner ?? '').toLowerCase();
    const repo = `${owner}/${(uses.repo ?? '').toLowerCase()}`;
    const full = uses.path ? `${repo}/${uses.path.toLowerCase()}` : repo;
    let best;
    for (const rule of rules) {
        let rank = -1;
        if (rule.uses === full && uses.path)
            rank = 3;
        else if (rule.uses === repo)
            rank = 2;
        else if (rule.uses === `${owner}/*`)
            rank = 1;
        else if (rule.uses === '*')
            rank = 0;
        if (rank >= 0 && (!best || rank > best.rank))
            best = { rule, rank };
    }
    return best ? { policy: best.rule.policy, rule: best.rule } : { policy: 'hash-pin' };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/scanner/finding.ts

/**
 * The one way to fingerprint a finding: rule id, file, and the normalised content the finding
 * is about (whitespace collapsed), never the line number, so it survives lines moving. Pass a
 * secret's hash rather than the secret itself when the content is sensitive.
 */
function fingerprint(ruleId, file, content) {
    const normalised = content.replace(/\s+/g, ' ').trim();
    return (0,external_node_crypto_.createHash)('sha256').update(`${ruleId}\0${file}\0${normalised}`).digest('hex').slice(0, 32);
}

// EXTERNAL MODULE: ./packages/core/untrusted-text.ts
var untrusted_text = __webpack_require__(1372);
;// CONCATENATED MODULE: ./packages/scanner/order.ts
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
/** Most severe first, then by file, line, column and rule. */
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./packages/scanner/report/annotations.ts
/**
 * Findings as annotations (`::error file=…,line=…::message`): structured for the action's runner
 * module, or as command lines for the CLI's `--format github`, both escaped by
 * packages/core/untrusted-text.ts. GitHub shows only 10 annotations of each type per step, so
 * the most severe come first and a final notice says how many more are in the SARIF file and
 * the job summary.
 */


const COMMAND = { error: 'error', warning: 'warning', note: 'notice' };
/** The annotations as `::` command lines (the CLI's `--format github`). */
function annotationLines(findings, options = {}) {
    return annotations(findings, options).map((a) => (0,untrusted_text/* annotationCommand */.jx)(a.kind, a.message, a.properties));
}
function annotations(findings, options = {}) {
    const max = options.maxPerType ?? 10;
    const titles = new Map((options.rules ?? []).map((r) => [r.id, r.title]));
    const shown = { error: 0, warning: 0, note: 0 };
    const hidden = { error: 0, warning: 0, note: 0 };
    const lines = [];
    const sorted = [...findings].sort(compareFindings);
    const count = { error: 0, warning: 0, note: 0 };
    for (const f of sorted)
        count[f.severity]++;
    const errorSlots = Math.max(0, max - (options.reserveErrors ?? 0));
    const overflow = count.error > errorSlots || count.warning > max || count.note > max;
    // The overflow notice takes one of the notice slots.
    const limits = {
        error: errorSlots,
        warning: max,
        note: overflow ? max - 1 : max,
    };
    for (const f of sorted) {
        if (shown[f.severity] >= limits[f.severity]) {
            hidden[f.severity]++;
            continue;
        }
        shown[f.severity]++;
        lines.push(annotation(f, titles.get(f.ruleId)));
    }
    const more = hidden.error + hidden.warning + hidden.note;
    if (more > 0) {
        const parts = ['error', 'warning', 'note']
            .filter((s) => hidden[s] > 0)
            .map((s) => `${hidden[s]} ${s === 'note' ? 'note' : s}${hidden[s] === 1 ? '' : 's'}`);
        const where = options.sarifFile
            ? `the SARIF file (${options.sarifFile}) and the job summary`
            : 'the job summary';
        lines.push({
            kind: 'notice',
            message: `${more} more finding${more === 1 ? '' : 's'} (${parts.join(', ')}) not shown as annotations: GitHub displays ${max} per type and step. See ${where}.`,
            properties: { title: 'astl scan: more findings' },
        });
    }
    return lines;
}
function annotation(f, title) {
    const properties = { file: f.file, startLine: f.line };
    if (f.endLine !== undefined && f.endLine !== f.line)
        properties.endLine = f.endLine;
    if (f.column !== undefined) {
        properties.startColumn = f.column;
        if (f.endColumn !== undefined && (f.endLine === undefined || f.endLine === f.line)) {
            properties.endColumn = f.endColumn;
        }
    }
    properties.title = `${f.ruleId}${title ? `: ${title}` : ''}`;
    return { kind: COMMAND[f.severity], message: f.message, properties };
}

;// CONCATENATED MODULE: ./packages/scanner/report/codequality.ts
function toCodeQuality(findings, rules = []) {
    const score = new Map(rules.map((r) => [r.id, r.securitySeverity]));
    return findings.map((f) => {
        const s = score.get(f.ruleId) ?? 5;
        const severity = f.severity === 'error'
            ? s >= 9
                ? 'blocker'
                : 'critical'
            : f.severity === 'warning'
                ? 'major'
                : 'minor';
        const lines = { begin: f.line };
        if (f.endLine !== undefined && f.endLine > f.line)
            lines.end = f.endLine;
        return {
            description: `${f.ruleId}: ${f.message}`,
            check_name: f.ruleId,
            fingerprint: f.fingerprint,
            severity,
            location: { path: f.file, lines },
        };
    });
}

;// CONCATENATED MODULE: ./packages/scanner/rules.ts
const DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/scan.md';
/** Where a rule is documented: the secret rules have their own page. */
function helpUriFor(rule) {
    const page = rule.id.startsWith('secret/') ? DOCS_URL.replace(/scan\.md$/, 'secrets.md') : DOCS_URL;
    return `${page}${rule.helpAnchor || anchorFor(rule.id)}`;
}
/** GitHub's heading anchor for a rule id written as `` `agent/missing-owner` ``. */
function anchorFor(id) {
    return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
function rule(id, severity, securitySeverity, title, description, tags) {
    return {
        id,
        severity,
        securitySeverity,
        title,
        description,
        helpAnchor: anchorFor(id),
        tags: ['security', ...tags],
    };
}
const SCANNER_RULES = [
    // Agent registry
    rule('agent/missing-owner', 'error', 6.0, 'Agent without an owner', 'Every registered agent needs `owner:`, a human or team accountable for what it does; the credentials action refuses agents without one.', ['agent', 'governance']),
    rule('agent/missing-purpose', 'warning', 4.0, 'Agent without a purpose', 'An agent without `purpose:` cannot be audited against what it is for; each credential request then has to state a purpose itself.', ['agent', 'governance']),
    rule('agent/audit-not-full', 'warning', 5.0, 'Agent audit level is not full', '`audit-level: minimal` or `none` drops the who/why/how-long records auditors rely on.', ['agent', 'audit']),
    rule('agent/long-lived-credentials', 'error', 8.0, 'Long-lived credential policy', '`credential-policy: long-lived` lets the agent hold credentials that outlive the job; a leaked one stays useful for days. Use `ephemeral`.', ['agent', 'credentials']),
    rule('agent/ttl-over-policy', 'error', 6.5, 'Agent max-ttl exceeds its AgentPolicy', "The agent's `max-ttl` is longer than the `credentialPolicy.maxTtl` of the AgentPolicy for its type; requests would be refused.", ['agent', 'credentials', 'policy']),
    rule('agent/policy-contradiction', 'error', 7.5, 'Agent permissions contradict an AgentPolicy', 'The agent declares a permission that a `restrictions:` entry of the AgentPolicy for its type denies (`deny: secrets`, `deny: write-access`, `deny: production-access`, ...), or a credential policy the AgentPolicy forbids.', ['agent', 'policy']),
    rule('agent/broader-than-peers', 'warning', 5.5, 'Agent has broader access than similar agents', 'The agent holds a resource none of the other agents of its type holds, or a higher access level on a resource than any of them (read < comment < write < admin). Compared only when the type has at least two other agents.', ['agent', 'least-privilege']),
    rule('agent/session-policy-missing', 'error', 5.0, 'Session policy file not found', 'The registry names an AWS `session-policy` file that does not exist, so the scope-down the entry promises would not apply.', ['agent', 'iam']),
    // AI agents discovered in CI (packages/scanner/agents, docs/agents.md)
    rule('agent/unregistered', 'warning', 5.0, 'AI agent not bound to a registered agent', 'An AI agent (a catalog action or CLI) runs in a job that neither mints credentials for a registered agent (`astl/agent-credentials` step, GitLab component) nor names one (`ASTL_AGENT`), or the name it gives is not in the registry: a shadow agent without owner, purpose or declared permissions.', ['agent', 'governance']),
    rule('agent/ungated-trigger', 'error', 8.0, 'AI agent on an untrusted trigger without an actor gate', 'The agent runs on `issues`, `issue_comment`, `pull_request_target`, review or discussion events, which anyone can cause, with no `if:` that checks who did (author_association, a named actor, a maintainer label) and no write-access check of its own, in a job with a write token or secrets.', ['agent', 'injection']),
    rule('agent/any-user-allowed', 'error', 8.0, 'AI agent lets any user trigger it', '`allowed_non_write_users: "*"` (Claude Code Action) or `allow-users: "*"` (Codex Action) switches off the action\'s check that the actor has write access, so anyone who can open an issue or comment drives the agent.', ['agent', 'injection']),
    rule('agent/any-bot-allowed', 'error', 7.5, 'AI agent trusts any bot account', "`allowed_bots: \"*\"`, or an `if:` such as `endsWith(github.actor, '[bot]')` or `github.event.sender.type == 'Bot'`, admits every bot account, including GitHub Apps an attacker controls or bots that repeat their text.", ['agent', 'injection']),
    rule('agent/unrestricted-tools', 'error', 8.5, 'AI agent with unrestricted tools on an untrusted trigger', "The agent may run any shell command or tool (`--dangerously-skip-permissions`, `Bash` allowed, `--yolo`, `--full-auto`, `sandbox: danger-full-access`, run-gemini-cli without a core-tools allowlist…) on an event anyone can trigger, without an actor gate: injected text turns into commands with the job's credentials.", ['agent', 'injection']),
    rule('agent/untrusted-prompt', 'error', 8.0, "Untrusted text in an AI agent's prompt", 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    'Text outsiders write (issue and pull request titles and bodies, comments, branch names, commit messages) reaches the prompt of an agent that holds a write token, secrets or unrestricted tools: through `${{ }}` in a prompt input, or an environment variable, here-document or pipe into the CLI. Instructions hidden in it steer the agent.', ['agent', 'injection']),
    rule('agent/output-in-run', 'error', 8.5, 'AI agent output used as code', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    "The agent's answer (`${{ steps.<agent>.outputs.* }}`, a job output carrying it, a file or variable it was written to) is pasted into a later `run:` script, executed, piped into a shell, or written to `$GITHUB_ENV`/`$GITHUB_PATH`/a dotenv report: whoever steers the model chooses the code.", ['agent', 'injection']),
    rule('agent/head-checkout', 'error', 9.0, 'Pull request head checked out before an AI agent', "A `pull_request_target` or `workflow_run` job checks out the pull request's code before the agent runs with the base repository's token and secrets; the agent then follows the attacker's instruction files (CLAUDE.md, AGENTS.md, GEMINI.md, settings, MCP configs) and may run their scripts.", ['agent', 'injection']),
    rule('agent/permission-beyond-registry', 'error', 7.0, 'Job gives a registered agent more than the registry declares', "The job of a bound agent grants GITHUB_TOKEN scopes (or a production environment) beyond the agent's declared `permissions`, or ones an AgentPolicy for its type denies (`deny: write-access`, `deny: production-access`); an unset `permissions:` gives it the repository default.", ['agent', 'least-privilege', 'policy']),
    rule('agent/secret-beyond-registry', 'error', 7.0, 'Job passes a registered agent secrets it does not declare', "The job of a bound agent reads `secrets.*` (or `secrets: inherit`) although the agent declares no `secrets` access, or an AgentPolicy for its type has `deny: secrets`. The agent's own model credential is not counted.", ['agent', 'secrets', 'policy']),
    rule('agent/session-policy-outside', 'error', 7.5, 'Session policy path leads outside the repository', 'The registry names an AWS `session-policy` by an absolute path, a `../` path or a symbolic link that leads outside the repository, or into `.git/`. The scanner does not read it (its content never reaches a report) and the actions refuse it.', ['agent', 'iam', 'path-traversal']),
    rule('config/invalid', 'error', 3.0, 'Invalid agent configuration or policy', 'The agent registry or an AgentPolicy does not match its schema (unknown key, wrong type, missing required key); the actions would refuse it.', ['config']),
    // IAM policy documents
    rule('iam/wildcard-action', 'error', 9.0, 'IAM statement allows every action', '`"Action": "*"` in an Allow statement grants every action of every AWS service.', ['iam', 'least-privilege']),
    rule('iam/service-wildcard', 'warning', 7.0, 'IAM statement allows every action of a service', '`"Action": "s3:*"` grants every present and future action of the service, including deletes and policy changes.', ['iam', 'least-privilege']),
    rule('iam/wildcard-resource', 'error', 7.5, 'IAM write actions on every resource', '`"Resource": "*"` with actions that change things (anything but Get/List/Describe/Head) lets the holder change every resource of that kind in the account.', ['iam', 'least-privilege']),
    rule('iam/passrole-wildcard', 'error', 8.8, 'iam:PassRole or sts:AssumeRole on every resource', '`iam:PassRole` or `sts:AssumeRole` on `"Resource": "*"` lets the holder hand any role to a service or become any role that trusts the account: privilege escalation.', ['iam', 'privilege-escalation']),
    rule('iam/notaction-allow', 'warning', 6.5, 'Allow with NotAction', '`"Effect": "Allow"` with `NotAction` grants everything except the listed actions, including every action AWS adds later.', ['iam', 'least-privilege']),
    // GitHub Actions workflows and action definitions
    rule('workflow/write-all', 'error', 7.0, 'Workflow grants write-all permissions', '`permissions: write-all` gives the GITHUB_TOKEN write access to every scope: contents, packages, deployments, id-token...', ['workflow', 'least-privilege']),
    rule('workflow/read-all', 'warning', 4.5, 'Workflow grants read-all permissions', '`permissions: read-all` gives the GITHUB_TOKEN read access to every scope (actions, security events, packages, deployments...), far more than most jobs need.', ['workflow', 'least-privilege']),
    rule('workflow/missing-permissions', 'warning', 5.0, 'Job without a permissions block', 'A job with no `permissions:` in a workflow with none gets the repository or organisation default GITHUB_TOKEN, which may be write access to everything; a reusable workflow it calls gets the same.', ['workflow', 'least-privilege']),
    rule('workflow/workflow-wide-write', 'warning', 5.0, 'Write permission granted to the whole workflow', 'A `<scope>: write` at the workflow level reaches every job that does not set its own `permissions:`; grant it only in the job that needs it.', ['workflow', 'least-privilege']),
    rule('workflow/id-token-workflow-wide', 'warning', 5.5, 'id-token: write granted to the whole workflow', '`id-token: write` at the workflow level lets every job mint OIDC tokens for your cloud roles; grant it only in the jobs that need credentials.', ['workflow', 'oidc', 'least-privilege']),
    rule('workflow/unpinned-action', 'error', 7.0, 'Action or reusable workflow not pinned to a commit SHA', 'A tag or branch can be moved to malicious code at any time (tj-actions/changed-files, 2025); only a full 40-character commit SHA (or an image digest) is immutable. Exceptions per owner go in .astl/scan.yaml with a reason, and are then reported as notes.', ['workflow', 'supply-chain']),
    rule('workflow/dangerous-trigger', 'warning', 6.0, 'pull_request_target or workflow_run trigger', 'These triggers run in the base repository, with its secrets and a write token, on events outsiders can cause; they are almost always used insecurely.', ['workflow', 'injection']),
    rule('workflow/untrusted-checkout', 'error', 9.0, 'pull_request_target / workflow_run checks out the pull request head', 'These triggers run with the base repository secrets and a write token; checking out the pull request head then runs attacker-controlled code with them ("pwn request").', ['workflow', 'injection']),
    rule('workflow/template-injection', 'error', 8.5, 'Untrusted input expanded into code', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    '`${{ github.event.issue.title }}` and similar attacker-controlled values (directly, through `env:`, a matrix or a function) are pasted into a `run:` script or an action input that runs code before it runs, so a crafted title or branch name executes commands. Pass them through `env:` and use the variable.', ['workflow', 'injection']),
    rule('workflow/persisted-credentials', 'warning', 5.0, 'Checkout keeps the token in .git/config', '`actions/checkout` without `persist-credentials: false` leaves the GITHUB_TOKEN in .git/config for every later step; an uploaded workspace or a compromised tool can take it (zizmor: artipacked).', ['workflow', 'credentials']),
    rule('workflow/secrets-inherit', 'warning', 5.0, 'Reusable workflow inherits every secret', "`secrets: inherit` passes all of the repository's secrets to the called workflow, including those it does not use.", ['workflow', 'secrets', 'least-privilege']),
    rule('workflow/hardcoded-container-credentials', 'error', 8.0, 'Hardcoded container registry password', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    "A job container's or service's `credentials.password` is written in the workflow instead of coming from `${{ secrets.* }}`.", ['workflow', 'secrets']),
    // GitLab CI
    rule('gitlab/unpinned-include', 'warning', 6.5, 'GitLab CI include not pinned', 'A project include without a pinned `ref:`, a component on a branch or `~latest`, or a remote include without `integrity:` pulls configuration that can change without review.', ['gitlab', 'supply-chain']),
    // The scanner itself
    rule('scan/parse-error', 'error', 7.0, 'A file could not be checked', 'A workflow, action definition, agent config, policy or IAM document is not valid YAML/JSON, expands too far through aliases, is over the size limit, or a rule failed on it (only the secret rules ran); or a file could not be read, or the secret rules failed on it. The scanner fails closed with an error.', ['config']),
    rule('scan/config-changed', 'note', 2.0, 'The change under review edits the scan configuration', 'The scan configuration (.astl/scan.yaml) is read from the checked-out tree, so a pull request that edits it changes its own scan: pinning exceptions, the agent registry and catalog. Its owners should review it (CODEOWNERS).', ['governance']),
    rule('scan/suppression-without-reason', 'warning', 3.0, 'Suppression without a reason', '`# astl:ignore <rule-id>` must say why the finding is acceptable, so reviewers can judge it: `# astl:ignore <rule-id> <reason>`.', ['governance']),
];
const SCANNER_RULES_BY_ID = new Map(SCANNER_RULES.map((r) => [r.id, r]));

;// CONCATENATED MODULE: ./packages/scanner/report/sarif.ts


const TOOL_NAME = 'astl-scan';
const INFORMATION_URI = 'https://github.com/astl/agent-credentials';
const LEVEL = { error: 'error', warning: 'warning', note: 'note' };
/** A relative file path as a URI reference: each segment percent-encoded. */
function fileUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
function toSarif(findings, options) {
    const rules = [...options.rules];
    const known = new Set(rules.map((r) => r.id));
    // A finding of a rule the catalogue lacks (should not happen) still gets a descriptor.
    for (const f of findings) {
        if (!known.has(f.ruleId)) {
            known.add(f.ruleId);
            rules.push({
                id: f.ruleId,
                title: f.ruleId,
                severity: f.severity,
                securitySeverity: 5,
                description: f.ruleId,
                helpAnchor: '',
            });
        }
    }
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const run = {
        tool: {
            driver: {
                name: TOOL_NAME,
                version: options.toolVersion,
                semanticVersion: options.toolVersion,
                informationUri: INFORMATION_URI,
                rules: rules.map(ruleDescriptor),
            },
        },
        results: [...findings].sort(compareFindings).map((f) => result(f, index.get(f.ruleId))),
        columnKind: 'utf16CodeUnits',
    };
    if (options.category)
        run.automationDetails = { id: `${options.category.replace(/\/?$/, '/')}` };
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [run],
    };
}
function ruleDescriptor(r) {
    const helpUri = helpUriFor(r);
    return {
        id: r.id,
        name: pascal(r.id),
        shortDescription: { text: r.title },
        fullDescription: { text: r.description },
        help: {
            text: `${r.description} See ${helpUri}`,
            markdown: `${r.description}\n\n[Rule reference](${helpUri})`,
        },
        helpUri,
        defaultConfiguration: { level: LEVEL[r.severity] },
        properties: {
            'security-severity': r.securitySeverity.toFixed(1),
            tags: r.tags ?? ['security'],
            precision: 'high',
            'problem.severity': r.severity === 'note' ? 'recommendation' : r.severity,
        },
    };
}
function result(f, ruleIndex) {
    const region = { startLine: f.line };
    if (f.column !== undefined)
        region.startColumn = f.column;
    if (f.endLine !== undefined && f.endLine >= f.line)
        region.endLine = f.endLine;
    if (f.endColumn !== undefined)
        region.endColumn = f.endColumn;
    if (f.snippet)
        region.snippet = { text: f.snippet };
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
                    region,
                },
            },
        ],
        partialFingerprints: { 'astl/v1': f.fingerprint },
    };
}
function pascal(id) {
    return id
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
}

// EXTERNAL MODULE: ./packages/scanner/agents/inventory.ts
var inventory = __webpack_require__(9782);
;// CONCATENATED MODULE: ./packages/scanner/report/summary.ts
/**
 * The job summary (Markdown) for reviewers and auditors: counts, then a table of findings. File
 * names, messages and warnings come from the scanned repository: every one is escaped by
 * packages/core/untrusted-text.ts (`markdownMessage`, `markdownCode`), so none renders as a link,
 * image, HTML or table break.
 */




const ICON = { error: '🔴', warning: '🟠', note: '🔵' };
function summaryMarkdown(result, options = {}) {
    const maxRows = options.maxRows ?? 100;
    const { error, warning, note } = result.stats.bySeverity;
    const out = [];
    const headline = result.findings.length === 0
        ? 'no findings'
        : [plural(error, 'error'), plural(warning, 'warning'), note ? plural(note, 'note') : '']
            .filter(Boolean)
            .join(', ');
    out.push(`## ${result.findings.length === 0 ? '✅' : error > 0 ? '❌' : '⚠️'} astl scan: ${headline}`, '');
    const scope = result.scope === 'diff'
        ? `changed lines only (from ${result.changeSource === 'github-api' ? 'the GitHub API' : 'git diff'})`
        : 'all lines';
    const facts = [
        `**Scope:** ${scope}`,
        `**Files scanned:** ${result.stats.filesScanned}`,
        result.skipped.length ? `**Skipped:** ${result.skipped.length}` : '',
        result.stats.suppressed ? `**Suppressed inline:** ${result.stats.suppressed}` : '',
        result.stats.baselined ? `**Accepted by baseline:** ${result.stats.baselined}` : '',
        result.scope === 'diff' && result.stats.outsideDiff
            ? `**Outside the change:** ${result.stats.outsideDiff}`
            : '',
    ].filter(Boolean);
    out.push(facts.join(' · '), '');
    for (const w of result.warnings)
        out.push(`> [!WARNING]\n> ${(0,untrusted_text/* markdownMessage */.ju)(w)}`, '');
    if (result.findings.length > 0) {
        out.push('| | Rule | Location | Message |', '|---|---|---|---|');
        const sorted = [...result.findings].sort(compareFindings);
        for (const f of sorted.slice(0, maxRows))
            out.push(row(f, options.linkRules ?? true));
        if (sorted.length > maxRows) {
            out.push('', `> Showing the first ${maxRows} of ${sorted.length} findings (most severe first)${options.sarifFile ? `; all of them are in ${(0,untrusted_text/* markdownCode */.D9)(options.sarifFile)}` : ''}.`);
        }
        out.push('');
        const byRule = Object.entries(result.stats.byRule).sort((a, b) => b[1] - a[1]);
        out.push('<details><summary>Findings by rule</summary>', '', '| Rule | Count |', '|---|---|', ...byRule.map(([rule, n]) => `| ${(0,untrusted_text/* markdownCode */.D9)(rule)} | ${n} |`), '', '</details>', '');
    }
    const agents = result.agents;
    if (agents && (agents.discovered.length > 0 || agents.registered.length > 0)) {
        out.push((0,inventory.inventoryMarkdown)(agents, { heading: '### AI agents in CI' }));
        if (result.scope === 'diff') {
            out.push('> Agents in the files this scan read (the changed ones). `astl agents list --discover` lists every agent of the repository.', '');
        }
    }
    if (result.skipped.length > 0) {
        out.push(`<details><summary>Skipped files (${result.skipped.length})</summary>`, '');
        for (const s of result.skipped.slice(0, maxRows))
            out.push(`- ${(0,untrusted_text/* markdownCode */.D9)(s.file)}: ${(0,untrusted_text/* markdownMessage */.ju)(s.reason)}`);
        if (result.skipped.length > maxRows)
            out.push(`- … and ${result.skipped.length - maxRows} more`);
        out.push('', '</details>', '');
    }
    out.push('Suppress a finding you accept with `# astl:ignore <rule-id> <reason>` on its line or the line above, or accept existing findings with a baseline.', '');
    return out.join('\n');
}
function row(f, link) {
    const code = (0,untrusted_text/* markdownCode */.D9)(f.ruleId);
    const rule = link ? `[${code}](${helpUriFor({ id: f.ruleId, helpAnchor: '' })})` : code;
    return `| ${ICON[f.severity]} ${f.severity} | ${rule} | ${(0,untrusted_text/* markdownCode */.D9)(`${f.file}:${f.line}`)} | ${(0,untrusted_text/* markdownMessage */.ju)(f.message)} |`;
}
/** `1 error`, `2 errors`: a count and its noun, the noun singular for exactly one. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/text.ts
/** Plain text for terminals and the CLI's default format, and JSON for machines. */


function textReport(result) {
    const out = [];
    for (const f of result.findings) {
        const where = `${(0,untrusted_text/* printable */.g$)(f.file)}:${f.line}${f.column ? `:${f.column}` : ''}`;
        out.push(`${where}: ${f.severity} ${f.ruleId}: ${(0,untrusted_text/* printable */.g$)(f.message)}`);
    }
    for (const w of result.warnings)
        out.push(`warning: ${(0,untrusted_text/* printable */.g$)(w)}`);
    // Binary, oversized and unreadable files: named, so that nothing passes unseen.
    for (const s of result.skipped)
        out.push(`skipped: ${(0,untrusted_text/* printable */.g$)(s.file)}: ${(0,untrusted_text/* printable */.g$)(s.reason)}`);
    const { error, warning, note } = result.stats.bySeverity;
    out.push(`${plural(result.stats.filesScanned, 'file')} scanned (${result.scope === 'diff' ? 'changed lines' : 'all lines'}): ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(note, 'note')}` +
        (result.skipped.length ? `, ${plural(result.skipped.length, 'file')} skipped` : '') +
        (result.stats.suppressed ? `, ${result.stats.suppressed} suppressed` : '') +
        (result.stats.baselined ? `, ${result.stats.baselined} in baseline` : ''));
    return `${out.join('\n')}\n`;
}
function jsonReport(result) {
    const { rules: _rules, ...rest } = result;
    return `${JSON.stringify({ version: 1, ...rest }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/index.ts






// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./packages/registry/index.ts + 1 modules
var packages_registry = __webpack_require__(3268);
;// CONCATENATED MODULE: ./packages/scanner/workflow/model.ts
/**
 * A parsed GitHub Actions workflow or action definition, built from a resolved YAML tree
 * (./yaml.ts: aliases and merge keys already expanded), with the YAML node of every value so
 * rules can report positions. Shapes follow GitHub's "Workflow syntax" and "Metadata syntax"
 * references; anything of an unexpected type is kept as its node and left for rules to judge,
 * never thrown on.
 */

// ---------------------------------------------------------------------------------------------
// Node helpers
function entriesOf(node) {
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const out = [];
    for (const item of node.items) {
        if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
            continue;
        const value = item.value ?? null;
        const entry = { key: String(item.key.value), keyNode: item.key, value };
        const text = scalarText(value);
        if (text !== undefined)
            entry.text = text;
        out.push(entry);
    }
    return out;
}
function entry(node, key) {
    return entriesOf(node).find((e) => e.key === key);
}
function valueAt(node, key) {
    return entry(node, key)?.value;
}
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
function itemsOf(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items.filter((n) => n && typeof n === 'object') : [];
}
// ---------------------------------------------------------------------------------------------
// Shapes
/** A mapping with `on:` and `jobs:` is a workflow wherever it is stored. */
function isWorkflowShape(root) {
    return ((0,dist/* isMap */.jh)(root) && entry(root, 'jobs') !== undefined && (entry(root, 'on') !== undefined || hasTrueKey(root)));
}
/** A mapping with `runs:` and a `name:` or `description:` is an action definition. */
function isActionShape(root) {
    return ((0,dist/* isMap */.jh)(root) &&
        (0,dist/* isMap */.jh)(valueAt(root, 'runs')) &&
        (entry(root, 'name') !== undefined || entry(root, 'description') !== undefined) &&
        entry(root, 'jobs') === undefined);
}
/** YAML 1.1 readers turn an unquoted `on` into `true`; accept that spelling too. */
function hasTrueKey(root) {
    return root.items.some((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && p.key.value === true);
}
// ---------------------------------------------------------------------------------------------
// uses:
const SHA = /^[0-9a-f]{40}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
/** Parses `owner/repo[/path]@ref`, `./local`, `docker://image[:tag][@sha256:…]`. */
function parseUses(raw, node, reusableWorkflow = false) {
    const text = raw.trim();
    const base = { raw: text, node, reusableWorkflow };
    if (text.startsWith('./') || text.startsWith('.\\') || text === '.') {
        return { ...base, kind: 'local', pinned: true };
    }
    if (/^docker:\/\//i.test(text)) {
        const image = text.slice('docker://'.length);
        const at = image.indexOf('@');
        const digest = at === -1 ? undefined : image.slice(at + 1);
        const nameTag = at === -1 ? image : image.slice(0, at);
        const slash = nameTag.lastIndexOf('/');
        const colon = nameTag.lastIndexOf(':');
        const tag = colon > slash ? nameTag.slice(colon + 1) : undefined;
        const name = colon > slash ? nameTag.slice(0, colon) : nameTag;
        const pinned = !!digest && /^sha256:[0-9a-f]{64}$/i.test(digest);
        return {
            ...base,
            kind: 'docker',
            image: name,
            ...(tag !== undefined ? { tag } : {}),
            ...(digest !== undefined ? { digest } : {}),
            pinned,
        };
    }
    const at = text.lastIndexOf('@');
    const name = at === -1 ? text : text.slice(0, at);
    const ref = at === -1 ? '' : text.slice(at + 1);
    const parts = name.split('/');
    if (parts.length < 2 || !parts[0] || !parts[1])
        return { ...base, kind: 'invalid', ref, pinned: false };
    const path = parts.slice(2).join('/');
    return {
        ...base,
        kind: 'repository',
        owner: parts[0],
        repo: parts[1],
        ...(path ? { path } : {}),
        ref,
        pinned: SHA.test(ref) || SHA256.test(ref),
    };
}
// ---------------------------------------------------------------------------------------------
// permissions:
function readPermissions(node) {
    if (node === null || node === undefined)
        return undefined;
    const scopes = new Map();
    const text = scalarText(node);
    if (text !== undefined) {
        const lower = text.trim().toLowerCase();
        if (lower === 'read-all' || lower === 'write-all')
            return { node, kind: lower, scopes };
        if (text.includes('${{'))
            return { node, kind: 'expression', scopes };
        return { node, kind: 'invalid', scopes };
    }
    if ((0,dist/* isMap */.jh)(node)) {
        for (const e of entriesOf(node)) {
            if (e.value)
                scopes.set(e.key.toLowerCase(), { level: (e.text ?? '').trim().toLowerCase(), node: e.value });
        }
        return { node, kind: 'scopes', scopes };
    }
    if ((0,dist/* isScalar */.jn)(node) && node.value === null)
        return { node, kind: 'scopes', scopes };
    return { node, kind: 'invalid', scopes };
}
function effective(source, declared) {
    return {
        source,
        ...(declared ? { declared } : {}),
        level(scope) {
            if (!declared)
                return 'unknown';
            if (declared.kind === 'write-all')
                return 'write';
            if (declared.kind === 'read-all')
                return 'read';
            if (declared.kind !== 'scopes')
                return 'unknown';
            const got = declared.scopes.get(scope.toLowerCase())?.level;
            if (got === 'read' || got === 'write' || got === 'none')
                return got;
            return 'none';
        },
    };
}
// ---------------------------------------------------------------------------------------------
// Steps and jobs
function readSteps(node, job) {
    return itemsOf(node).map((stepNode, index) => readStep(stepNode, index, job));
}
function readStep(node, index, job) {
    const step = { index, node, with: [], env: [] };
    if (job)
        step.job = job;
    for (const e of entriesOf(node)) {
        switch (e.key) {
            case 'id':
                if (e.text !== undefined)
                    step.id = e.text;
                break;
            case 'name':
                if (e.text !== undefined)
                    step.name = e.text;
                break;
            case 'if':
                step.if = e;
                break;
            case 'uses':
                if (e.text !== undefined && e.value)
                    step.uses = parseUses(e.text, e.value);
                break;
            case 'run':
                step.run = e;
                break;
            case 'shell':
                if (e.text !== undefined)
                    step.shell = e.text;
                break;
            case 'with':
                step.with = entriesOf(e.value);
                break;
            case 'env':
                if ((0,dist/* isMap */.jh)(e.value))
                    step.env = entriesOf(e.value);
                else if (e.text !== undefined)
                    step.envExpression = e;
                break;
            case 'working-directory':
                if (e.text !== undefined)
                    step.workingDirectory = e.text;
                break;
            default:
                break;
        }
    }
    return step;
}
function readJob(e, workflowPermissions, reusableOnly) {
    const node = e.value ?? e.keyNode;
    const job = {
        id: e.key,
        keyNode: e.keyNode,
        node,
        effectivePermissions: effective('default', undefined),
        env: [],
        with: [],
        services: [],
        needs: [],
        outputs: [],
        steps: [],
    };
    let stepsNode;
    for (const f of entriesOf(node)) {
        switch (f.key) {
            case 'name':
                if (f.text !== undefined)
                    job.name = f.text;
                break;
            case 'if':
                job.if = f;
                break;
            case 'runs-on':
                if (f.value)
                    job.runsOn = f.value;
                break;
            case 'permissions': {
                const p = readPermissions(f.value ?? f.keyNode);
                if (p)
                    job.permissions = p;
                break;
            }
            case 'env':
                if ((0,dist/* isMap */.jh)(f.value))
                    job.env = entriesOf(f.value);
                else if (f.text !== undefined)
                    job.envExpression = f;
                break;
            case 'uses':
                if (f.text !== undefined && f.value)
                    job.uses = parseUses(f.text, f.value, true);
                break;
            case 'with':
                job.with = entriesOf(f.value);
                break;
            case 'secrets':
                if (f.value) {
                    job.secrets = {
                        inherit: (f.text ?? '').trim() === 'inherit',
                        node: f.value,
                        entries: entriesOf(f.value),
                    };
                }
                break;
            case 'strategy': {
                if (f.value) {
                    const matrix = valueAt(f.value, 'matrix');
                    job.strategy = { node: f.value, ...(matrix ? { matrix } : {}) };
                }
                break;
            }
            case 'container':
                if (f.value)
                    job.container = f.value;
                break;
            case 'services':
                job.services = entriesOf(f.value);
                break;
            case 'needs':
                job.needs = f.text !== undefined ? [f.text] : itemsOf(f.value).map(scalarText).filter(isString);
                break;
            case 'environment':
                if (f.value)
                    job.environment = f.value;
                break;
            case 'outputs':
                job.outputs = entriesOf(f.value);
                break;
            case 'steps':
                stepsNode = f.value;
                break;
            default:
                break;
        }
    }
    job.effectivePermissions = job.permissions
        ? effective('job', job.permissions)
        : workflowPermissions
            ? effective('workflow', workflowPermissions)
            : effective(reusableOnly ? 'caller' : 'default', undefined);
    job.steps = readSteps(stepsNode, job);
    return job;
}
function isString(x) {
    return x !== undefined;
}
function readTriggers(on) {
    if (!on)
        return [];
    const text = scalarText(on);
    if (text !== undefined)
        return [{ event: text.trim().toLowerCase(), node: on, config: null }];
    if ((0,dist/* isSeq */.oP)(on)) {
        return itemsOf(on)
            .map((n) => ({ event: (scalarText(n) ?? '').trim().toLowerCase(), node: n, config: null }))
            .filter((t) => t.event);
    }
    return entriesOf(on).map((e) => ({ event: e.key.toLowerCase(), node: e.keyNode, config: e.value }));
}
function readInputs(node, source, into) {
    for (const e of entriesOf(node)) {
        const type = scalarText(valueAt(e.value, 'type'))?.toLowerCase();
        into.set(e.key.toLowerCase(), { name: e.key, node: e.keyNode, source, ...(type ? { type } : {}) });
    }
}
/** Reads a workflow from its resolved root mapping (see isWorkflowShape). */
function readWorkflow(root) {
    const onEntry = entry(root, 'on') ?? entriesOfAnyKey(root).find((e) => e.keyValue === true)?.entry;
    const triggers = readTriggers(onEntry?.value);
    const events = new Set(triggers.map((t) => t.event));
    const model = {
        kind: 'workflow',
        root,
        triggers,
        events,
        env: [],
        inputs: new Map(),
        jobs: [],
    };
    if (onEntry)
        model.onNode = onEntry.keyNode;
    const name = scalarText(valueAt(root, 'name'));
    if (name !== undefined)
        model.name = name;
    const perms = entry(root, 'permissions');
    if (perms) {
        const p = readPermissions(perms.value ?? perms.keyNode);
        if (p)
            model.permissions = p;
        model.permissionsKey = perms.keyNode;
    }
    const env = entry(root, 'env');
    if (env && (0,dist/* isMap */.jh)(env.value))
        model.env = entriesOf(env.value);
    else if (env?.text !== undefined)
        model.envExpression = env;
    for (const t of triggers) {
        if (t.event === 'workflow_dispatch' || t.event === 'workflow_call') {
            readInputs(valueAt(t.config, 'inputs'), t.event, model.inputs);
        }
    }
    const reusableOnly = events.size > 0 && [...events].every((e) => e === 'workflow_call');
    const jobs = entry(root, 'jobs');
    if (jobs)
        model.jobsKey = jobs.keyNode;
    model.jobs = entriesOf(jobs?.value).map((e) => readJob(e, model.permissions, reusableOnly));
    return model;
}
function entriesOfAnyKey(root) {
    const out = [];
    for (const item of root.items) {
        if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
            continue;
        out.push({
            keyValue: item.key.value,
            entry: {
                key: String(item.key.value),
                keyNode: item.key,
                value: item.value ?? null,
            },
        });
    }
    return out;
}
/** Reads an action definition (`action.yml`) from its resolved root mapping. */
function readAction(root) {
    const model = { kind: 'action', root, inputs: new Map(), env: [], steps: [] };
    const name = scalarText(valueAt(root, 'name'));
    if (name !== undefined)
        model.name = name;
    const description = scalarText(valueAt(root, 'description'));
    if (description !== undefined)
        model.description = description;
    readInputs(valueAt(root, 'inputs'), 'action', model.inputs);
    const runs = valueAt(root, 'runs');
    if (runs) {
        model.runs = runs;
        const using = scalarText(valueAt(runs, 'using'));
        if (using !== undefined)
            model.using = using.trim().toLowerCase();
        const image = entry(runs, 'image');
        if (image)
            model.image = image;
        model.env = entriesOf(valueAt(runs, 'env'));
        model.steps = readSteps(valueAt(runs, 'steps'));
    }
    return model;
}
/** Every step of a workflow or action, with its job (workflows). */
function allSteps(model) {
    return model.kind === 'action' ? model.steps : model.jobs.flatMap((j) => j.steps);
}

;// CONCATENATED MODULE: ./packages/scanner/workflow/expressions.ts
/**
 * GitHub Actions expressions (`${{ … }}`): a parser for the documented grammar and a taint
 * evaluator that answers "which untrusted values can become this expression's result?".
 *
 * Grammar (docs.github.com, "Evaluate expressions in workflows and actions"): literals (`null`,
 * booleans, numbers, 'strings' with '' as the escaped quote), context access with `.name`,
 * `['name']`, `[expr]` and the `.*` / `[*]` object filter, function calls, parentheses and the
 * operators `!`, `< <= > >=`, `== !=`, `&&`, `||` (that precedence, left-associative). Property
 * and function names are case-insensitive.
 *
 * Taint follows GitHub's value semantics: `a && b` is `a` when `a` is falsy, else `b`, so an
 * untrusted `a` can only ever be returned as a falsy value (empty string, 0, null) and only `b`
 * reaches the result; `a || b` can be either operand; comparisons, `!`, `contains`,
 * `startsWith`, `endsWith`, `hashFiles` and the status functions return booleans or hex digests;
 * `format`, `join`, `toJSON` and `fromJSON` pass their arguments' text through.
 */
/** A syntax error at `offset` (0-based, in the expression text given to the parser). */
class ExpressionSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
/** Bound on nesting so a hostile expression cannot exhaust the stack. */
const MAX_DEPTH = 100;
function tokenize(text) {
    const out = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const start = i;
        if (c === "'") {
            let value = '';
            i++;
            for (;;) {
                if (i >= text.length)
                    throw new ExpressionSyntaxError('unterminated string', start);
                if (text[i] === "'") {
                    if (text[i + 1] === "'") {
                        value += "'";
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                value += text[i];
                i++;
            }
            out.push({ type: 'str', value, start, end: i });
            continue;
        }
        const two = text.slice(i, i + 2);
        if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) {
            out.push({ type: 'punct', value: two, start, end: i + 2 });
            i += 2;
            continue;
        }
        if ('()[].,!<>*'.includes(c)) {
            // `.5` is a number, not a dereference.
            if (c === '.' && /[0-9]/.test(text[i + 1] ?? '') && !/[\w\])*]/.test(prevNonSpace(text, i))) {
                // falls through to number parsing below
            }
            else {
                out.push({ type: 'punct', value: c, start, end: i + 1 });
                i++;
                continue;
            }
        }
        const num = /^(?:0x[0-9a-f]+|0o[0-7]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?Infinity|NaN)/i.exec(text.slice(i));
        if (num && (c !== '-' && c !== '+' ? true : /[\d.I]/.test(text[i + 1] ?? ''))) {
            out.push({ type: 'num', value: Number(num[0]), start, end: i + num[0].length });
            i += num[0].length;
            continue;
        }
        const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
        if (ident) {
            out.push({ type: 'ident', value: ident[0], start, end: i + ident[0].length });
            i += ident[0].length;
            continue;
        }
        throw new ExpressionSyntaxError(`unexpected character '${c}'`, i);
    }
    out.push({ type: 'eof', start: text.length, end: text.length });
    return out;
}
function prevNonSpace(text, i) {
    for (let j = i - 1; j >= 0; j--)
        if (!/\s/.test(text[j]))
            return text[j];
    return '';
}
/** Parses one expression (the text between `${{` and `}}`, or an `if:` condition). */
function parseExpression(text) {
    const tokens = tokenize(text);
    let pos = 0;
    let depth = 0;
    const peek = () => tokens[pos];
    const next = () => tokens[pos++];
    const isPunct = (v) => {
        const t = peek();
        return t.type === 'punct' && t.value === v;
    };
    const expect = (v) => {
        const t = next();
        if (t.type !== 'punct' || t.value !== v)
            throw new ExpressionSyntaxError(`expected '${v}'`, t.start);
        return t;
    };
    const enter = (at) => {
        if (++depth > MAX_DEPTH)
            throw new ExpressionSyntaxError('expression nested too deeply', at);
    };
    const binary = (ops, sub) => () => {
        let left = sub();
        for (;;) {
            const t = peek();
            if (t.type !== 'punct' || !ops.includes(t.value))
                return left;
            next();
            const right = sub();
            left = { kind: 'binary', op: t.value, left, right, start: left.start, end: right.end };
        }
    };
    const primary = () => {
        const t = next();
        if (t.type === 'num')
            return { kind: 'literal', value: t.value, start: t.start, end: t.end };
        if (t.type === 'str')
            return { kind: 'literal', value: t.value, start: t.start, end: t.end };
        if (t.type === 'punct' && t.value === '(') {
            enter(t.start);
            const inner = or();
            const close = expect(')');
            depth--;
            return { ...inner, start: t.start, end: close.end };
        }
        if (t.type === 'ident') {
            const lower = t.value.toLowerCase();
            if (lower === 'true' || lower === 'false')
                return { kind: 'literal', value: lower === 'true', start: t.start, end: t.end };
            if (lower === 'null')
                return { kind: 'literal', value: null, start: t.start, end: t.end };
            if (isPunct('(')) {
                next();
                enter(t.start);
                const args = [];
                if (!isPunct(')')) {
                    args.push(or());
                    while (isPunct(',')) {
                        next();
                        args.push(or());
                    }
                }
                const close = expect(')');
                depth--;
                return { kind: 'call', name: lower, args, start: t.start, end: close.end };
            }
            return { kind: 'context', name: lower, start: t.start, end: t.end };
        }
        throw new ExpressionSyntaxError(t.type === 'eof' ? 'unexpected end of expression' : 'unexpected token', t.start);
    };
    const postfix = () => {
        let e = primary();
        for (;;) {
            if (isPunct('.')) {
                next();
                const t = next();
                if (t.type === 'punct' && t.value === '*')
                    e = { kind: 'star', object: e, start: e.start, end: t.end };
                else if (t.type === 'ident') {
                    e = { kind: 'property', object: e, name: t.value.toLowerCase(), start: e.start, end: t.end };
                }
                else if (t.type === 'num' && Number.isInteger(t.value)) {
                    // `a.0` is not valid GitHub syntax, but be lenient: it can only narrow.
                    e = { kind: 'property', object: e, name: String(t.value), start: e.start, end: t.end };
                }
                else
                    throw new ExpressionSyntaxError("expected a property name after '.'", t.start);
            }
            else if (isPunct('[')) {
                const open = next();
                enter(open.start);
                if (isPunct('*')) {
                    next();
                    const close = expect(']');
                    e = { kind: 'star', object: e, start: e.start, end: close.end };
                }
                else {
                    const index = or();
                    const close = expect(']');
                    e = { kind: 'index', object: e, index, start: e.start, end: close.end };
                }
                depth--;
            }
            else
                return e;
        }
    };
    const unary = () => {
        const t = peek();
        if (t.type === 'punct' && t.value === '!') {
            next();
            enter(t.start);
            const operand = unary();
            depth--;
            return { kind: 'not', operand, start: t.start, end: operand.end };
        }
        return postfix();
    };
    const comparison = binary(['<', '<=', '>', '>='], unary);
    const equality = binary(['==', '!='], comparison);
    const and = binary(['&&'], equality);
    const or = binary(['||'], and);
    const result = or();
    const rest = peek();
    if (rest.type !== 'eof')
        throw new ExpressionSyntaxError('unexpected text after the expression', rest.start);
    return result;
}
/**
 * Every `${{ … }}` in a string, string-literal aware (`'}}'` inside an expression does not end
 * it). An unterminated `${{` yields one expression to the end of the string, so a typo cannot
 * hide a context from the checks.
 */
function extractExpressions(template) {
    const out = [];
    let i = template.indexOf('${{');
    while (i !== -1) {
        const innerStart = i + 3;
        let j = innerStart;
        let inString = false;
        let end = -1;
        while (j < template.length) {
            const c = template[j];
            if (inString) {
                if (c === "'") {
                    if (template[j + 1] === "'")
                        j++;
                    else
                        inString = false;
                }
            }
            else if (c === "'")
                inString = true;
            else if (c === '}' && template[j + 1] === '}') {
                end = j;
                break;
            }
            j++;
        }
        const innerEnd = end === -1 ? template.length : end;
        out.push({
            text: template.slice(innerStart, innerEnd),
            start: i,
            end: end === -1 ? template.length : end + 2,
            innerStart,
        });
        if (end === -1)
            break;
        i = template.indexOf('${{', end + 2);
    }
    return out;
}
/**
 * Leaf names under `github.event` whose text an outsider chooses: GitHub's documented list
 * ("contexts ending in body, default_branch, email, head_ref, label, message, name, page_name,
 * ref, title"), plus login, description and display_title, which the same webhook payloads
 * carry from user input.
 */
const ARBITRARY_LEAVES = new Set([
    'body',
    'default_branch',
    'email',
    'head_ref',
    'base_ref',
    'label',
    'message',
    'name',
    'page_name',
    'ref',
    'title',
    'login',
    'description',
    'display_title',
    'head_branch',
    'text',
    'slug',
    'user_view_type',
    'gravatar_id',
    'node_id',
]);
/** `github.*` outside `github.event` that carry outsider-chosen text. */
const GITHUB_ARBITRARY = new Set(['github.head_ref']);
/**
 * `github.*` contexts that only people with write access can shape (branch and tag names they
 * push): reported, but as less certain than outsider text.
 */
const GITHUB_STRUCTURED = new Set(['github.ref', 'github.ref_name', 'github.base_ref']);
/**
 * `github.*` contexts an outsider cannot shape (numbers, SHAs, names of things the repository
 * owner chose, the runner's own paths). Other `github.*` contexts are treated as untrusted.
 */
const GITHUB_FIXED = new Set([
    'github.action',
    'github.action_path',
    'github.action_ref',
    'github.action_repository',
    'github.action_status',
    'github.actor_id',
    'github.api_url',
    'github.env',
    'github.event_name',
    'github.event_path',
    'github.graphql_url',
    'github.job',
    'github.output',
    'github.path',
    'github.ref_protected',
    'github.ref_type',
    'github.repository',
    'github.repository_id',
    'github.repository_owner',
    'github.repository_owner_id',
    'github.repositoryurl',
    'github.retention_days',
    'github.run_attempt',
    'github.run_id',
    'github.run_number',
    'github.secret_source',
    'github.server_url',
    'github.sha',
    'github.state',
    'github.step_summary',
    'github.token',
    'github.workflow',
    'github.workflow_ref',
    'github.workflow_sha',
    'github.workspace',
    'github.actor',
    'github.triggering_actor',
]);
/** Leaves of `github.event` that are numbers, SHAs, dates or booleans whatever their parent. */
const FIXED_LEAF = /^(?:id|number|sha|head_sha|before|after|.*_at|.*_count|.*_id|count|size|draft|merged|locked|private|fork|site_admin|default|protected|state|action|type|author_association|additions|deletions|changed_files|commits|comments|review_comments|run_number|run_attempt|check_suite_id|workflow_id|installation|distinct|forced|deleted|created)$/;
const STRUCTURED_LEAF = /(?:^|_)url$/;
/**
 * Capability of a lower-cased context path (`['github','event','issue','title']`; `*` for an
 * array element or filter, `?` for a computed key). Undefined when the path is not a `github`
 * context (callers decide for env/matrix/inputs/steps/needs).
 */
function classifyContext(path) {
    if (path[0] !== 'github')
        return undefined;
    const joined = path.join('.');
    if (path.length === 1)
        return 'arbitrary'; // the whole context, e.g. toJSON(github)
    if (path[1] !== 'event') {
        if (GITHUB_ARBITRARY.has(joined))
            return 'arbitrary';
        if (GITHUB_STRUCTURED.has(joined))
            return 'structured';
        if (GITHUB_FIXED.has(joined) || GITHUB_FIXED.has(path.slice(0, 2).join('.')))
            return 'fixed';
        return 'arbitrary';
    }
    if (path.length === 2)
        return 'arbitrary'; // github.event: the whole payload
    // repository_dispatch payloads: whatever the caller sent; workflow_dispatch inputs: whatever
    // someone with write access typed.
    if (path[2] === 'client_payload')
        return 'arbitrary';
    if (path[2] === 'inputs')
        return 'structured';
    const leaf = path[path.length - 1];
    if (leaf === '*' || leaf === '?') {
        // An object or a computed member: it may hold text.
        return 'arbitrary';
    }
    if (ARBITRARY_LEAVES.has(leaf))
        return 'arbitrary';
    if (FIXED_LEAF.test(leaf))
        return 'fixed';
    if (STRUCTURED_LEAF.test(leaf))
        return 'structured';
    // An intermediate object (github.event.issue, github.event.pull_request.head): it holds text.
    if (OBJECT_NODES.has(leaf))
        return 'arbitrary';
    return 'fixed';
}
/** Webhook payload objects that contain outsider-chosen text somewhere below them. */
const OBJECT_NODES = new Set([
    'issue',
    'pull_request',
    'comment',
    'review',
    'review_comment',
    'discussion',
    'answer',
    'head',
    'base',
    'repo',
    'head_commit',
    'commits',
    'commit',
    'author',
    'committer',
    'user',
    'sender',
    'pages',
    'workflow_run',
    'check_run',
    'check_suite',
    'release',
    'milestone',
    'labels',
    'assignee',
    'assignees',
    'pusher',
    'changes',
    'merge_group',
    'inputs',
    'client_payload',
    'repository',
    'organization',
    'deployment',
    'deployment_status',
    'workflow_job',
    'registry_package',
    'package',
    'head_repository',
    'pull_requests',
    'requested_reviewer',
    'requested_team',
    'team',
    'project',
    'project_card',
    'project_column',
    'alert',
    'blocking_issue',
    'forkee',
    'ref',
    'from',
    'to',
]);
/** Functions whose result an argument cannot shape into code: booleans and hashes. */
const OPAQUE_FUNCTIONS = new Set([
    'contains',
    'startswith',
    'endswith',
    'hashfiles',
    'success',
    'always',
    'cancelled',
    'failure',
]);
/**
 * The untrusted values that can become the result of `expression` (the text inside `${{ }}`),
 * each with its offsets in `expression`. Throws ExpressionSyntaxError on invalid syntax (callers
 * treat an unparseable expression as untrusted: fail closed).
 */
function untrustedSources(expression, scope = {}) {
    return dedupe(taintOf(parseExpression(expression), scope));
}
/** As untrustedSources, for an already parsed expression. */
function taintOf(expr, scope = {}) {
    switch (expr.kind) {
        case 'literal':
            return [];
        case 'not':
            return [];
        case 'binary':
            if (expr.op === '&&')
                return taintOf(expr.right, scope);
            if (expr.op === '||')
                return [...taintOf(expr.left, scope), ...taintOf(expr.right, scope)];
            return []; // comparisons are booleans
        case 'call': {
            if (OPAQUE_FUNCTIONS.has(expr.name))
                return [];
            // format, join, toJSON, fromJSON and unknown functions: the result carries the arguments' text.
            return expr.args.flatMap((a) => taintOf(a, scope));
        }
        default: {
            const path = contextPath(expr);
            if (path)
                return taintOfPath(path, expr, scope);
            // A member of a computed value: `fromJSON(x).title`, `(a || b).c`: the base's taint flows.
            const base = baseOf(expr);
            return base ? taintOf(base, scope) : [];
        }
    }
}
function baseOf(expr) {
    if (expr.kind === 'property' || expr.kind === 'index' || expr.kind === 'star')
        return expr.object;
    return undefined;
}
/**
 * The lower-cased path of a context access (`github.event['issue'].title` ->
 * github/event/issue/title), or undefined when the access starts from a call.
 * Numeric indexes and filters become `*`, computed keys `?`.
 */
function contextPath(expr) {
    switch (expr.kind) {
        case 'context':
            return [expr.name];
        case 'property': {
            const base = contextPath(expr.object);
            return base ? [...base, expr.name] : undefined;
        }
        case 'star': {
            const base = contextPath(expr.object);
            return base ? [...base, '*'] : undefined;
        }
        case 'index': {
            const base = contextPath(expr.object);
            if (!base)
                return undefined;
            const i = expr.index;
            if (i.kind === 'literal' && typeof i.value === 'string')
                return [...base, i.value.toLowerCase()];
            if (i.kind === 'literal' && typeof i.value === 'number')
                return [...base, '*'];
            return [...base, '?'];
        }
        default:
            return undefined;
    }
}
function taintOfPath(path, expr, scope) {
    const context = path.join('.');
    const found = scope.lookup?.(path);
    if (found)
        return found.map((s) => ({ ...s, start: expr.start, end: expr.end }));
    const capability = classifyContext(path);
    if (capability && capability !== 'fixed') {
        return [{ context, start: expr.start, end: expr.end, capability, via: [context] }];
    }
    return [];
}
function dedupe(sources) {
    const seen = new Set();
    return sources.filter((s) => {
        const key = `${s.start}:${s.end}:${s.via.join('>')}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Every context path an expression reads, wherever it is (for `if:` analysis and discovery). */
function contextsRead(expr) {
    const out = [];
    const visit = (e) => {
        const path = contextPath(e);
        if (path) {
            out.push({ path, start: e.start, end: e.end });
            if (e.kind === 'index')
                visit(e.index);
            return;
        }
        switch (e.kind) {
            case 'property':
            case 'star':
                visit(e.object);
                break;
            case 'index':
                visit(e.object);
                visit(e.index);
                break;
            case 'call':
                for (const a of e.args)
                    visit(a);
                break;
            case 'not':
                visit(e.operand);
                break;
            case 'binary':
                visit(e.left);
                visit(e.right);
                break;
            default:
                break;
        }
    };
    visit(expr);
    return out;
}

;// CONCATENATED MODULE: ./packages/scanner/workflow/taint.ts
/**
 * Where untrusted values flow inside one workflow or action: the TaintScope for a place (a
 * step, a job, the workflow) that resolves `env.X` through step, job and workflow `env:`,
 * `matrix.X` through `strategy.matrix` (including matrices built by `fromJSON(…)`), and
 * `inputs.X` through the declared inputs; plus `templateSources`, the untrusted values of every
 * `${{ }}` in a string.
 */



/** Input types whose values cannot carry code. */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);
/** Contexts an outsider cannot write (or that this analysis does not follow; see docs/scan.md). */
const TRUSTED_ROOTS = new Set(['secrets', 'vars', 'runner', 'job', 'jobs', 'strategy', 'steps', 'needs']);
const MAX_FLOW_DEPTH = 8;
/**
 * Each `${{ }}` of `text` with the untrusted values that can become its result (offsets of the
 * sources are relative to the expression's inner text). An expression that does not parse but
 * names an untrusted-looking context is returned with `syntaxError` and one source per match.
 */
function templateSources(text, scope) {
    const out = [];
    for (const expression of extractExpressions(text)) {
        try {
            const sources = untrustedSources(expression.text, scope);
            if (sources.length > 0)
                out.push({ expression, sources });
        }
        catch (err) {
            if (!(err instanceof ExpressionSyntaxError))
                throw err;
            const m = /github\s*\.\s*(?:event|head_ref)[\w.[\]'*-]*/i.exec(expression.text);
            if (m) {
                out.push({
                    expression,
                    sources: [
                        {
                            context: m[0].replace(/\s+/g, ''),
                            start: m.index,
                            end: m.index + m[0].length,
                            capability: 'arbitrary',
                            via: [m[0]],
                        },
                    ],
                    syntaxError: err.message,
                });
            }
        }
    }
    return out;
}
/** The taint scope of a step (or of a job's own keys when `step` is omitted). */
function scopeFor(model, job, step, depth = 0, options = {}) {
    return {
        lookup(path) {
            const root = path[0];
            if (!root)
                return undefined;
            if (options.modelOutputs && (root === 'steps' || root === 'needs')) {
                const flows = modelOutputFlow(options.modelOutputs, path);
                if (flows.length > 0)
                    return flows;
            }
            if (TRUSTED_ROOTS.has(root))
                return [];
            if (depth > MAX_FLOW_DEPTH)
                return [];
            if (root === 'env')
                return envFlow(model, job, step, path, depth, options);
            if (root === 'matrix')
                return job ? matrixFlow(model, job, path, depth, options) : [];
            if (root === 'inputs')
                return inputFlow(model, path);
            return undefined;
        },
    };
}
/** `steps.<agent>.outputs.*` and `needs.<job>.outputs.<name>` that hold a model's answer. */
function modelOutputFlow(outputs, path) {
    const id = path[1];
    if (!id)
        return [];
    const context = path.join('.');
    const flow = (agent) => [
        { context, capability: 'arbitrary', via: [context, `the answer of ${agent}`] },
    ];
    if (path[0] === 'steps') {
        const agent = outputs.steps.get(id);
        return agent && (path.length < 3 || path[2] === 'outputs' || path[2] === '*') ? flow(agent) : [];
    }
    const job = outputs.needs.get(id);
    if (!job || (path.length >= 3 && path[2] !== 'outputs' && path[2] !== '*'))
        return [];
    const name = path[3];
    if (name === undefined || name === '*' || name === '?') {
        const first = job.values().next().value;
        return first ? flow(first) : [];
    }
    const agent = job.get(name);
    return agent ? flow(agent) : [];
}
/** `env.X`: the step's env, then the job's, then the workflow's (GitHub's precedence). */
function envFlow(model, job, step, path, depth, options) {
    const levels = [];
    if (step) {
        levels.push({
            entries: step.env,
            ...(step.envExpression ? { expression: step.envExpression } : {}),
            // A step's env may read the job's and the workflow's env, not its own.
            scope: scopeFor(model, job, undefined, depth + 1, options),
        });
    }
    if (job) {
        levels.push({
            entries: job.env,
            ...(job.envExpression ? { expression: job.envExpression } : {}),
            scope: scopeFor(model, undefined, undefined, depth + 1, options),
        });
    }
    if (model.kind === 'workflow') {
        levels.push({
            entries: model.env,
            ...(model.envExpression ? { expression: model.envExpression } : {}),
            scope: {
                lookup: (p) => p[0] === 'env' || p[0] === 'matrix'
                    ? []
                    : scopeFor(model, undefined, undefined, depth + 1, options).lookup?.(p),
            },
        });
    }
    if (path.length === 1) {
        // The whole env object (toJSON(env)): everything any level defines.
        return levels.flatMap((l) => [
            ...l.entries.flatMap((e) => valueFlows(e, l.scope, `env.${e.key}`)),
            ...(l.expression ? valueFlows(l.expression, l.scope, 'env') : []),
        ]);
    }
    const name = path[1];
    for (const level of levels) {
        const found = level.entries.find((e) => e.key.toLowerCase() === name);
        if (found)
            return valueFlows(found, level.scope, `env.${found.key}`);
        if (level.expression)
            return valueFlows(level.expression, level.scope, `env.${path[1]}`);
    }
    return [];
}
function valueFlows(e, scope, via) {
    return nodeFlows(e.value, scope).map((s) => ({ ...s, via: [via, ...s.via] }));
}
/** Untrusted flows of every scalar under a node (a matrix value may be a list or a map). */
function nodeFlows(node, scope, budget = { left: 10_000 }) {
    if (!node || budget.left-- <= 0)
        return [];
    if ((0,dist/* isScalar */.jn)(node)) {
        const text = scalarText(node);
        if (!text?.includes('${{'))
            return [];
        return templateSources(text, scope).flatMap((t) => t.sources.map(({ start: _s, end: _e, ...flow }) => flow));
    }
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((n) => nodeFlows(n, scope, budget));
    if ((0,dist/* isMap */.jh)(node))
        return entriesOf(node).flatMap((e) => nodeFlows(e.value, scope, budget));
    return [];
}
/** `matrix.X`: the values of X in `strategy.matrix`, its `include:`, or a computed matrix. */
function matrixFlow(model, job, path, depth, options) {
    const matrix = job.strategy?.matrix;
    if (!matrix)
        return [];
    // The matrix may read only workflow-level contexts (github, inputs, vars, needs…).
    const scope = scopeFor(model, undefined, undefined, depth + 1, options);
    const via = `matrix${path.length > 1 ? `.${path[1]}` : ''}`;
    const tag = (flows) => flows.map((s) => ({ ...s, via: [via, ...s.via] }));
    if ((0,dist/* isScalar */.jn)(matrix))
        return tag(nodeFlows(matrix, scope));
    if (path.length === 1)
        return tag(nodeFlows(matrix, scope));
    const name = path[1];
    const flows = [];
    for (const e of entriesOf(matrix)) {
        const key = e.key.toLowerCase();
        if (key === 'include') {
            if ((0,dist/* isScalar */.jn)(e.value))
                flows.push(...nodeFlows(e.value, scope));
            for (const item of (0,dist/* isSeq */.oP)(e.value) ? e.value.items : []) {
                if ((0,dist/* isScalar */.jn)(item))
                    flows.push(...nodeFlows(item, scope));
                for (const f of entriesOf(item))
                    if (f.key.toLowerCase() === name)
                        flows.push(...nodeFlows(f.value, scope));
            }
        }
        else if (key === name) {
            flows.push(...nodeFlows(e.value, scope));
        }
    }
    return tag(flows);
}
function inputFlow(model, path) {
    const inputs = model.inputs;
    const tag = (name, decl) => decl?.type && SAFE_INPUT_TYPES.has(decl.type)
        ? []
        : [
            {
                context: `inputs.${decl?.name ?? name}`,
                capability: 'structured',
                via: [`inputs.${decl?.name ?? name}`],
            },
        ];
    if (path.length === 1)
        return [...inputs.values()].flatMap((d) => tag(d.name, d));
    const name = path[1];
    const decl = inputs.get(name);
    if (decl)
        return tag(name, decl);
    // An undeclared input: a composite action's caller or a workflow_call/dispatch may still pass it.
    if (model.kind === 'action' || model.events.has('workflow_call') || model.events.has('workflow_dispatch')) {
        return tag(name);
    }
    return [];
}
/** The node of `with.<name>` (case-insensitive, as GitHub matches inputs). */
function withInput(step, name) {
    const lower = name.toLowerCase();
    return step.with.find((e) => e.key.toLowerCase() === lower);
}


;// CONCATENATED MODULE: ./packages/scanner/rules/workflow.ts



/**
 * Action inputs whose value is run as code (JavaScript, shell, PowerShell, Python, jq/yq
 * programs, templates evaluated as code). From CodeQL's `actions` models of code-injection sinks
 * and zizmor's additions; see docs/scan.md#workflowtemplate-injection.
 */
const CODE_INPUTS = new Map([
    ['actions/github-script', ['script']],
    ['azure/cli', ['inlinescript']],
    ['azure/powershell', ['inlinescript']],
    ['appleboy/ssh-action', ['script']],
    ['amadevus/pwsh-script', ['script']],
    ['jannekem/run-python-script-action', ['script']],
    ['cardinalby/js-eval-action', ['expression']],
    ['mikefarah/yq', ['cmd']],
    ['devorbitus/yq-action-output', ['cmd']],
    ['sergeysova/jq-action', ['cmd']],
    ['gautamkrishnar/blog-post-workflow', ['item_exec']],
    ['8398a7/action-slack', ['custom_payload']],
    ['skitionek/notify-microsoft-teams', ['overwrite']],
    ['tibdex/backport', ['body_template', 'head_template', 'labels_template', 'title_template']],
    ['imjohnbo/issue-bot', ['body', 'linked-comments-previous-issue-text', 'linked-comments-new-issue-text']],
    ['roots/issue-closer-action', ['issue-close-message', 'pr-close-message']],
    ['lucasbento/auto-close-issues', ['issue-close-message']],
    ['addnab/docker-run-action', ['run']],
    ['docker/build-push-action', ['context']],
]);
/** Triggers that run with the base repository's secrets and a write token on outsiders' events. */
const DANGEROUS_TRIGGERS = ['pull_request_target', 'workflow_run'];
/** Checkout refs that mean "the pull request's own code". */
const PR_HEAD_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number|github\.event\.pull_request\.number/i;
const WORKSPACE_UPLOAD = /^(?:\.\/?|\.\.\/?|\$\{\{\s*github\.workspace\s*\}\}\/?)$/i;
/** Runs every workflow/action rule on one definition. */
function checkDefinition(model, ctx, options) {
    if (model.kind === 'workflow')
        checkWorkflowModel(model, ctx, options);
    else
        checkActionModel(model, ctx, options);
}
function checkWorkflowModel(model, ctx, options) {
    checkPermissions(model, ctx);
    checkTriggers(model, ctx);
    for (const job of model.jobs) {
        if (job.uses)
            checkUses(job.uses, ctx, options);
        if (job.secrets?.inherit) {
            const usesLine = job.uses ? lineOf(ctx, job.uses.node) : lineOf(ctx, job.secrets.node);
            const secretsLine = lineOf(ctx, job.secrets.node);
            ctx.emit({
                ruleId: 'workflow/secrets-inherit',
                line: Math.min(usesLine, secretsLine),
                endLine: Math.max(usesLine, secretsLine),
                message: `Job '${job.id}' passes every secret of this repository to ${job.uses ? `\`${job.uses.raw}\`` : 'the called workflow'} (\`secrets: inherit\`), including ones it never uses. Pass only what it needs: \`secrets: { NPM_TOKEN: \${{ secrets.NPM_TOKEN }} }\`.`,
                about: `${job.id} secrets: inherit`,
            });
        }
        checkCredentials(valueAt(valueAt(valueAt(job.node, 'container'), 'credentials'), 'password'), `jobs.${job.id}.container`, ctx);
        for (const service of job.services) {
            checkCredentials(valueAt(valueAt(service.value, 'credentials'), 'password'), `jobs.${job.id}.services.${service.key}`, ctx);
        }
        checkSteps(model, job.steps, ctx, options, job);
    }
}
function checkActionModel(model, ctx, options) {
    if (model.image?.value) {
        const text = (model.image.text ?? '').trim();
        if (/^docker:\/\//i.test(text)) {
            const uses = { ...parseDocker(text), node: model.image.value };
            if (!uses.pinned) {
                ctx.emit({
                    ruleId: 'workflow/unpinned-action',
                    line: lineOf(ctx, model.image.value),
                    message: `\`runs.image: ${text}\` is not pinned to a digest: the image behind a tag can be re-pushed. Use \`image: docker://${uses.image}@sha256:<digest>\` (\`docker buildx imagetools inspect ${text.slice(9)}\` prints it).`,
                    about: `runs.image ${text}`,
                });
            }
        }
    }
    checkSteps(model, model.steps, ctx, options, undefined);
}
function parseDocker(text) {
    const image = text.slice('docker://'.length);
    const at = image.indexOf('@');
    const name = at === -1 ? image : image.slice(0, at);
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    return {
        image: colon > slash ? name.slice(0, colon) : name,
        pinned: at !== -1 && /^sha256:[0-9a-f]{64}$/i.test(image.slice(at + 1)),
    };
}
// ---------------------------------------------------------------------------------------------
// Permissions (zizmor's excessive-permissions semantics)
function checkPermissions(model, ctx) {
    const reusableOnly = model.events.size > 0 && [...model.events].every((e) => e === 'workflow_call');
    const everyJobOverrides = model.jobs.length > 0 && model.jobs.every((j) => j.permissions);
    const top = model.permissions;
    if (top) {
        checkBasePermissions(top, ctx, 'the workflow');
        // A workflow-level grant reaches every job that does not override it.
        if (top.kind === 'scopes' && !everyJobOverrides) {
            for (const [scope, { level, node }] of top.scopes) {
                if (level !== 'write')
                    continue;
                if (scope === 'id-token') {
                    ctx.emit({
                        ruleId: 'workflow/id-token-workflow-wide',
                        line: lineOf(ctx, node),
                        message: '`id-token: write` at the workflow level lets every job (and every action in it) mint OIDC tokens for your cloud roles. Move it into the `permissions:` of the jobs that request credentials.',
                        about: 'id-token: write (workflow level)',
                    });
                }
                else if (model.jobs.length > 1 && !reusableOnly) {
                    ctx.emit({
                        ruleId: 'workflow/workflow-wide-write',
                        line: lineOf(ctx, node),
                        message: `\`${scope}: write\` at the workflow level gives it to every job that does not set its own \`permissions:\`. Keep \`permissions: { contents: read }\` at the top and grant \`${scope}: write\` only in the job that needs it.`,
                        about: `${scope}: write (workflow level)`,
                    });
                }
            }
        }
    }
    else {
        for (const job of model.jobs) {
            if (job.permissions)
                continue;
            // A reusable workflow's own jobs run with the caller's token: the caller decides. Its
            // calls to other reusable workflows still pass a token on, so they are reported.
            if (reusableOnly && !job.uses)
                continue;
            ctx.emit({
                ruleId: 'workflow/missing-permissions',
                line: lineOf(ctx, job.keyNode),
                message: `Job '${job.id}' has no \`permissions:\` and the workflow has none either: its GITHUB_TOKEN gets the repository or organisation default, possibly write access to everything${job.uses ? ', and the reusable workflow it calls gets the same' : ''}. Add \`permissions: { contents: read }\` at the top of the workflow and grant more only in the jobs that need it.`,
                about: `missing-permissions ${job.id}`,
                fileLevel: true,
            });
        }
    }
    for (const job of model.jobs) {
        if (job.permissions)
            checkBasePermissions(job.permissions, ctx, `job '${job.id}'`);
    }
}
function checkBasePermissions(p, ctx, who) {
    if (p.kind === 'write-all') {
        ctx.emit({
            ruleId: 'workflow/write-all',
            line: lineOf(ctx, p.node),
            message: `\`permissions: write-all\` gives ${who}'s GITHUB_TOKEN write access to every scope. List only what it needs, e.g. \`permissions: { contents: read, pull-requests: write }\`.`,
        });
    }
    else if (p.kind === 'read-all') {
        ctx.emit({
            ruleId: 'workflow/read-all',
            line: lineOf(ctx, p.node),
            message: `\`permissions: read-all\` lets ${who}'s GITHUB_TOKEN read every scope (actions, security events, packages, deployments…). List only what it needs, usually \`permissions: { contents: read }\`.`,
        });
    }
}
// ---------------------------------------------------------------------------------------------
// Triggers
function checkTriggers(model, ctx) {
    for (const trigger of model.triggers) {
        if (!DANGEROUS_TRIGGERS.includes(trigger.event))
            continue;
        const line = lineOf(ctx, model.onNode ?? trigger.node);
        ctx.emit({
            ruleId: 'workflow/dangerous-trigger',
            line,
            endLine: Math.max(line, lineOf(ctx, trigger.node)),
            message: `\`${trigger.event}\` runs in the base repository with its secrets and a write token, on events outsiders can cause; it is almost always used insecurely. Prefer \`pull_request\`; if you need this trigger, never check out or run the pull request's code in it, keep \`permissions:\` minimal and gate jobs on \`github.event.pull_request.head.repo.full_name == github.repository\` or a label set by a maintainer.`,
            about: `trigger ${trigger.event}`,
        });
    }
}
// ---------------------------------------------------------------------------------------------
// Steps
function checkSteps(model, steps, ctx, options, job) {
    const uploadsWorkspace = steps.map((s) => isWorkspaceUpload(s));
    for (const step of steps) {
        const scope = scopeFor(model, job, step);
        if (step.uses)
            checkUses(step.uses, ctx, options);
        if (step.run?.value && step.run.text !== undefined) {
            reportInjection(templateSources(step.run.text, scope), step.run.value, 'the `run:` script', ctx, 'run');
        }
        if (step.uses?.kind === 'repository') {
            const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
            for (const input of CODE_INPUTS.get(name) ?? []) {
                const e = withInput(step, input);
                if (!e?.value || e.text === undefined)
                    continue;
                const kind = name === 'actions/github-script' ? 'js' : 'input';
                reportInjection(templateSources(e.text, scope), e.value, `the \`${e.key}:\` input of ${name}, which runs it as code`, ctx, kind);
            }
            if (name === 'actions/checkout') {
                checkPersistedCredentials(step, steps, uploadsWorkspace, ctx);
                if (model.kind === 'workflow')
                    checkUntrustedCheckout(model, step, ctx);
            }
        }
    }
}
function isWorkspaceUpload(step) {
    if (step.uses?.kind !== 'repository')
        return false;
    if (`${step.uses.owner}/${step.uses.repo}`.toLowerCase() !== 'actions/upload-artifact')
        return false;
    const path = withInput(step, 'path')?.text ?? '';
    return path
        .split(/\r?\n/)
        .map((p) => p.trim())
        .some((p) => WORKSPACE_UPLOAD.test(p));
}
function checkPersistedCredentials(step, steps, uploadsWorkspace, ctx) {
    const persist = withInput(step, 'persist-credentials');
    const value = (persist?.text ?? '').trim().toLowerCase();
    if (value === 'false')
        return;
    // `persist-credentials: true` written out is a deliberate choice (a later step pushes).
    if (value === 'true')
        return;
    const upload = steps.find((_s, i) => i > step.index && uploadsWorkspace[i]);
    const line = lineOf(ctx, step.node);
    const draft = {
        ruleId: 'workflow/persisted-credentials',
        line,
        endLine: Math.max(line, lineOf(ctx, step.uses.node)),
        message: `\`${step.uses.raw}\` keeps the job's GITHUB_TOKEN in .git/config for every later step (\`persist-credentials\` defaults to true)${upload ? `, and the upload at line ${lineOf(ctx, upload.node)} publishes the workspace with it` : ''}. Add \`with: { persist-credentials: false }\`; a step that must push can set \`persist-credentials: true\` deliberately.`,
        about: `persist-credentials ${step.uses.raw}`,
    };
    ctx.emit(upload ? { ...draft, severity: 'error' } : draft);
}
function checkUntrustedCheckout(model, step, ctx) {
    const trigger = DANGEROUS_TRIGGERS.find((t) => model.events.has(t));
    if (!trigger)
        return;
    for (const key of ['ref', 'repository']) {
        const e = withInput(step, key);
        const text = e?.text;
        if (!e?.value || !text || !PR_HEAD_REF.test(text))
            continue;
        ctx.emit({
            ruleId: 'workflow/untrusted-checkout',
            line: lineOf(ctx, e.value),
            message: `This \`${trigger}\` workflow checks out the pull request head (\`${key}: ${text.trim()}\`) and runs with the base repository's secrets and a write token. Use \`on: pull_request\` for code from forks, or keep this trigger and never check out or run the head's code (split into an unprivileged \`pull_request\` workflow plus a privileged \`workflow_run\` that only reads its artifacts).`,
            about: `${trigger} ${key}: ${text}`,
        });
    }
}
// ---------------------------------------------------------------------------------------------
// Pinning (zizmor's unpinned-uses with its default policy: everything hash-pinned)
function checkUses(uses, ctx, options) {
    if (uses.kind === 'local' || uses.pinned)
        return;
    const line = lineOf(ctx, uses.node);
    if (uses.kind === 'docker') {
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            message: `Pin the container image to a digest: \`uses: docker://${uses.image}@sha256:<digest>\` (\`docker buildx imagetools inspect ${uses.raw.slice(9)}\` prints it); a tag can be re-pushed.`,
            about: uses.raw,
        });
        return;
    }
    if (uses.kind === 'invalid')
        return;
    const { policy, rule } = pinningPolicyFor(uses, options.pinning);
    const name = `${uses.owner}/${uses.repo}${uses.path ? `/${uses.path}` : ''}`;
    const repo = `${uses.owner}/${uses.repo}`;
    const what = uses.reusableWorkflow ? 'reusable workflow' : 'action';
    const accepted = rule
        ? ` Accepted by ${rule.origin} (\`${rule.uses}\`: ${rule.policy}): ${rule.reason}.`
        : '';
    if (uses.ref && (policy === 'ref-pin' || policy === 'any')) {
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            severity: 'note',
            message: `\`${uses.raw}\` is pinned by tag or branch, not by commit.${accepted}`,
            about: uses.raw,
        });
        return;
    }
    if (!uses.ref && policy === 'any') {
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            severity: 'note',
            message: `\`${uses.raw}\` has no version and runs whatever its default branch holds.${accepted}`,
            about: uses.raw,
        });
        return;
    }
    const why = rule
        ? ` (${rule.origin} requires ${rule.policy} for \`${rule.uses}\`: ${rule.reason})`
        : " (the default policy, as zizmor's: every remote action and reusable workflow pinned to a commit; relax it per owner in .astl/scan.yaml `pinning.policies` with a reason)";
    ctx.emit({
        ruleId: 'workflow/unpinned-action',
        line,
        message: uses.ref
            ? `Pin the ${what} \`${name}\` to a full commit SHA instead of \`@${uses.ref}\`: \`uses: ${name}@<40-hex sha> # ${uses.ref}\` (\`git ls-remote https://github.com/${repo} ${uses.ref}\` prints it; Dependabot keeps such pins up to date)${why}.`
            : `The ${what} \`${name}\` has no version at all and runs whatever its default branch holds: pin it to a full commit SHA, \`uses: ${name}@<40-hex sha> # vX.Y.Z\`${why}.`,
        about: uses.raw,
    });
}
// ---------------------------------------------------------------------------------------------
// Template injection
function reportInjection(found, node, where, ctx, kind) {
    if (found.length === 0)
        return;
    const value = scalarText(node) ?? '';
    const range = node.range;
    const raw = range ? ctx.text.slice(range[0], range[1]) : '';
    const rawExpressions = locateInRaw(value, raw, found);
    found.forEach((f, i) => {
        const rawAt = rawExpressions[i];
        for (const source of f.sources) {
            let offset = range?.[0] ?? 0;
            if (rawAt !== undefined && range) {
                // The context's own position when the raw text holds the expression unchanged.
                const rawInner = raw.slice(rawAt + 3, rawAt + 3 + f.expression.text.length);
                offset = range[0] + rawAt + (rawInner === f.expression.text ? 3 + source.start : 0);
            }
            const { line, column } = ctx.position(offset);
            const expr = `\${{ ${f.expression.text.trim()} }}`;
            const shown = shortened(expr);
            const chain = source.via.length > 1 ? ` (${source.via.join(' ← ')})` : '';
            const direct = source.via.length === 1;
            const variable = envName(source.via[0] ?? source.context);
            const fix = fixFor(kind, direct, source.via[0] ?? source.context, variable);
            const certain = source.capability === 'arbitrary';
            ctx.emit({
                ruleId: 'workflow/template-injection',
                line,
                column,
                ...(certain ? {} : { severity: 'warning' }),
                message: `\`${shown}\` can expand to ${certain ? 'attacker-controlled' : 'caller- or collaborator-controlled'} text from \`${source.context}\`${chain}, pasted into ${where} before it runs, so a crafted value executes as code${f.syntaxError ? ` (the expression does not parse: ${f.syntaxError}; treated as untrusted)` : ''}. ${fix}`,
                about: `${where} ${expr} ${source.context}`,
            });
        }
    });
}
/** An expression as a message shows it: at most 160 characters (a 400 KB one stays readable). */
function shortened(expr) {
    return expr.length <= 160 ? expr : `${expr.slice(0, 100)}…${expr.slice(-50)}`;
}
function fixFor(kind, direct, context, variable) {
    const envRef = context.startsWith('env.') ? '' : ` \`env: { ${variable}: \${{ ${context} }} }\` and`;
    if (kind === 'run') {
        return `Pass it through the environment instead:${envRef} use "$${direct && context.startsWith('env.') ? context.slice(4) : variable}" in the script (quoted).`;
    }
    if (kind === 'js') {
        return `Pass it through the environment instead:${envRef} read \`process.env.${context.startsWith('env.') ? context.slice(4) : variable}\` in the script.`;
    }
    return `Pass it through the environment instead:${envRef} read the variable from the code, never from a \`\${{ }}\` inside it.`;
}
/** Offsets in `raw` (the YAML source of the value) of each found expression's `${{`. */
function locateInRaw(value, raw, found) {
    if (!raw.includes('${{'))
        return found.map(() => undefined);
    const starts = [];
    for (let i = raw.indexOf('${{'); i !== -1; i = raw.indexOf('${{', i + 3))
        starts.push(i);
    const valueStarts = [];
    for (let i = value.indexOf('${{'); i !== -1; i = value.indexOf('${{', i + 3))
        valueStarts.push(i);
    return found.map((f) => {
        const k = valueStarts.indexOf(f.expression.start);
        return k !== -1 && starts.length === valueStarts.length ? starts[k] : undefined;
    });
}
function envName(context) {
    const parts = context.replace(/^env\./, '').split('.');
    const last = parts.slice(-2).join('_');
    return last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}
// ---------------------------------------------------------------------------------------------
function checkCredentials(password, where, ctx) {
    const value = scalarText(password);
    if (!password || !value || value.includes('${{'))
        return;
    ctx.emit({
        ruleId: 'workflow/hardcoded-container-credentials',
        line: lineOf(ctx, password),
        message: `\`${where}.credentials.password\` is written in the workflow. Store it as a secret and reference it: \`password: \${{ secrets.REGISTRY_PASSWORD }}\`, and rotate the exposed one.`,
        about: `${where}.credentials.password`,
        showSnippet: false,
    });
}
function lineOf(ctx, node) {
    return ctx.position(node?.range?.[0] ?? 0).line;
}


// EXTERNAL MODULE: ./packages/core/yaml-source.ts
var yaml_source = __webpack_require__(167);
;// CONCATENATED MODULE: ./packages/scanner/workflow/yaml.ts
/**
 * YAML for the scanner's rules: every document parsed with positions, then aliases and merge
 * keys resolved into a plain node tree, so a rule never meets an `Alias` (`run: *cmd` is the
 * anchored script, at the anchor's position, where its text is written).
 *
 * GitHub resolves aliases in workflows and action metadata (since 2025-09) and rejects the merge
 * key `<<`; we merge `<<` anyway (YAML 1.1 semantics, own keys win, earlier sources win) so
 * nothing can hide behind it. Expansion is bounded: an alias bomb stops at RESOLVE_LIMITS and the
 * caller reports the file as unparseable (fail closed) instead of passing it.
 */


/**
 * Expanded nodes per document (a workflow of 200 jobs x 50 steps x 10 keys stays far below;
 * a billion-laughs file hits it after a few milliseconds) and nesting depth.
 */
const RESOLVE_LIMITS = { maxNodes: 250_000, maxDepth: 256 };
/** Why a YAML text cannot be turned into resolved documents, at `offset` (0-based). */
class YamlProblem extends Error {
    offset;
    kind;
    constructor(message, offset, kind) {
        super(message);
        this.offset = offset;
        this.kind = kind;
    }
}
/**
 * Parses every document of `text` and resolves aliases and merge keys. Throws YamlProblem
 * (syntax error, unknown or self-referencing alias, expansion over RESOLVE_LIMITS).
 */
function parseResolved(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    let docs;
    try {
        // uniqueKeys: the library's check is quadratic in a mapping's size; firstDuplicateKey is linear.
        docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
    }
    catch (err) {
        throw new YamlProblem(err instanceof RangeError ? 'nested too deeply to parse' : err.message, 0, 'limit');
    }
    const list = Array.isArray(docs) ? docs : [docs];
    const out = [];
    for (const document of list) {
        const problem = document.errors[0] ?? (0,yaml_source/* firstDuplicateKey */.jt)(document);
        if (problem)
            throw new YamlProblem(problem.message.split('\n')[0], problem.pos[0], 'syntax');
        const root = new Resolver(document).build(document.contents, 0);
        if (root === null && document.contents === null)
            continue;
        out.push({ root, document });
    }
    return out;
}
class Resolver {
    doc;
    nodes = 0;
    active = new Set();
    constructor(doc) {
        this.doc = doc;
    }
    build(node, depth) {
        if (node === null || node === undefined)
            return null;
        if (depth > RESOLVE_LIMITS.maxDepth) {
            throw new YamlProblem(`nested more than ${RESOLVE_LIMITS.maxDepth} levels deep after resolving aliases`, node.range?.[0] ?? 0, 'limit');
        }
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(this.doc);
            if (!target) {
                throw new YamlProblem(`alias *${node.source} has no anchor before it`, node.range?.[0] ?? 0, 'alias');
            }
            if (this.active.has(target)) {
                throw new YamlProblem(`alias *${node.source} refers to itself`, node.range?.[0] ?? 0, 'alias');
            }
            this.active.add(target);
            try {
                return this.build(target, depth + 1);
            }
            finally {
                this.active.delete(target);
            }
        }
        if (++this.nodes > RESOLVE_LIMITS.maxNodes) {
            throw new YamlProblem(`expands to more than ${RESOLVE_LIMITS.maxNodes} nodes through aliases (an alias bomb?)`, node.range?.[0] ?? 0, 'limit');
        }
        if ((0,dist/* isScalar */.jn)(node)) {
            const copy = new dist/* Scalar */.X5(node.value);
            copy.range = node.range;
            copy.type = node.type;
            if (node.tag)
                copy.tag = node.tag;
            return copy;
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            const copy = new dist/* YAMLSeq */.Rw();
            copy.range = node.range;
            copy.flow = node.flow;
            for (const item of node.items)
                copy.items.push(this.build(item, depth + 1));
            return copy;
        }
        if ((0,dist/* isMap */.jh)(node))
            return this.buildMap(node, depth);
        return null;
    }
    buildMap(node, depth) {
        const copy = new dist/* YAMLMap */.CA();
        copy.range = node.range;
        copy.flow = node.flow;
        const own = [];
        const merged = [];
        for (const item of node.items) {
            if (!(0,dist/* isPair */.tO)(item))
                continue;
            const rawKey = item.key;
            if ((0,dist/* isScalar */.jn)(rawKey) && rawKey.value === '<<' && rawKey.type === 'PLAIN') {
                const value = this.build(item.value, depth + 1);
                const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
                for (const source of sources) {
                    if ((0,dist/* isMap */.jh)(source))
                        merged.push(...source.items);
                    else if (source !== null) {
                        throw new YamlProblem('a merge key (<<) needs a mapping or a list of mappings', rawKey.range?.[0] ?? 0, 'alias');
                    }
                }
                continue;
            }
            const key = this.build(rawKey, depth + 1);
            const pair = new dist/* Pair */.Rm(key, this.build(item.value, depth + 1));
            own.push(pair);
        }
        const seen = new Set(own.map((p) => keyText(p.key)));
        copy.items.push(...own);
        for (const pair of merged) {
            const k = keyText(pair.key);
            if (seen.has(k))
                continue;
            seen.add(k);
            copy.items.push(pair);
        }
        return copy;
    }
}
function keyText(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : JSON.stringify(key);
}
/** Plain JavaScript value of a resolved node (maps to objects, lists to arrays). */
function toPlain(node) {
    if ((0,dist/* isScalar */.jn)(node))
        return node.value;
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map(toPlain);
    if ((0,dist/* isMap */.jh)(node)) {
        const out = {};
        for (const pair of node.items)
            if ((0,dist/* isPair */.tO)(pair))
                out[String(keyText(pair.key))] = toPlain(pair.value);
        return out;
    }
    return null;
}

;// CONCATENATED MODULE: ./packages/scanner/agents/shell.ts
/**
 * A small, bounded reader of POSIX shell scripts (`run:` steps, GitLab `script:` lines), enough
 * to find the commands that run an agent and where text reaches them: each simple command's
 * words (quotes removed, with offsets), its redirections and here-documents, the pipeline it is
 * part of, the variables each word expands (`$X`, `${X}`, `${X:-…}`; not inside single quotes)
 * and its command substitutions (`$(…)`, backquotes), parsed recursively.
 *
 * It follows the token rules of POSIX "Shell Command Language" §2.2–2.3 and §2.7.4 closely
 * enough for analysis, never for execution: an unterminated quote or substitution runs to the
 * end of the script, keywords (`if`, `then`, `do`, `!`…) are skipped, and GitHub's `${{ }}`
 * expressions are kept inside the word they are written in. Work is bounded by the script's
 * length and a nesting limit, so hostile input cannot blow up.
 */
const shell_MAX_DEPTH = 24;
const KEYWORDS = new Set([
    'if',
    'then',
    'else',
    'elif',
    'fi',
    'do',
    'done',
    'while',
    'until',
    '!',
    'time',
    '{',
    '}',
]);
const DECLARE = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Parses a whole script. Offsets are into `text`. */
function parseShell(text) {
    const parser = new Parser(text);
    return parser.script(0, text.length, 0, null);
}
/** Every command of a script, including those inside command substitutions, in source order. */
function allCommands(script) {
    const out = [];
    const visit = (s) => {
        for (const c of s.commands) {
            out.push(c);
            for (const w of [...c.words, ...c.assignments.map((a) => a.value)])
                w.substitutions.forEach(visit);
            for (const r of c.redirects)
                r.target?.substitutions.forEach(visit);
            for (const h of c.heredocs) {
                h.substitutions.forEach(visit);
                h.herestring?.substitutions.forEach(visit);
            }
        }
    };
    visit(script);
    return out.sort((a, b) => a.start - b.start);
}
/** The program's name without a path (`./node_modules/.bin/claude` -> `claude`). */
function basename(word) {
    const i = word.lastIndexOf('/');
    return i === -1 ? word : word.slice(i + 1);
}
class Parser {
    text;
    pipelineCounter;
    constructor(text, pipelineCounter = 0) {
        this.text = text;
        this.pipelineCounter = pipelineCounter;
    }
    /**
     * Parses commands in [from, to). `closer` is the character that ends a substitution (`)` or
     * a backquote); returns at it (the caller consumes it).
     */
    script(from, to, depth, closer) {
        const commands = [];
        let i = from;
        let current = this.newCommand(i);
        let pendingHeredocs = [];
        const finish = (end, pipe) => {
            current.end = end;
            if (current.words.length || current.assignments.length || current.redirects.length) {
                commands.push(current);
            }
            const next = this.newCommand(end);
            if (pipe) {
                next.pipeline = current.pipeline;
                next.pipeIndex = current.pipeIndex + 1;
            }
            current = next;
        };
        // Parentheses opened inside this script (subshells, `case` patterns) before its closer.
        let open = 0;
        while (i < to) {
            const c = this.text[i];
            if (closer === '`' && c === '`')
                break;
            if (closer === ')' && c === ')' && open === 0)
                break;
            if (c === '(')
                open++;
            else if (c === ')' && open > 0)
                open--;
            if (c === ' ' || c === '\t' || c === '\r') {
                i++;
                continue;
            }
            if (c === '\\' && this.text[i + 1] === '\n') {
                i += 2;
                continue;
            }
            if (c === '\n') {
                finish(i, false);
                i++;
                if (pendingHeredocs.length) {
                    i = this.readHeredocBodies(i, to, pendingHeredocs, depth);
                    pendingHeredocs = [];
                }
                continue;
            }
            if (c === '#' && this.atWordStart(i)) {
                while (i < to && this.text[i] !== '\n')
                    i++;
                continue;
            }
            if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
                const two = this.text.slice(i, i + 2);
                if (c === '|' && two !== '||') {
                    finish(i, true);
                    i += this.text[i + 1] === '&' ? 2 : 1;
                    continue;
                }
                if (c === '&' && (this.text[i + 1] === '>' || this.text[i - 1] === '>')) {
                    // `&>file` / `>&2`: a redirection, handled below.
                }
                else {
                    finish(i, false);
                    i += two === '&&' || two === '||' || two === ';;' ? 2 : 1;
                    continue;
                }
            }
            // Redirections: [n]> >> < <> >& <& &> &>> << <<- <<<
            const redirect = /^(?:[0-9]*|&)(?:<<<|<<-|<<|>>|>&|<&|<>|>\||>|<)/.exec(this.text.slice(i, i + 6));
            if (redirect && /[<>]/.test(redirect[0])) {
                if (isEmpty(current))
                    current.start = i;
                const op = redirect[0].replace(/^[0-9&]+/, '');
                i += redirect[0].length;
                while (i < to && (this.text[i] === ' ' || this.text[i] === '\t'))
                    i++;
                const target = i < to && this.text[i] !== '\n' ? this.word(i, to, depth) : undefined;
                if (target)
                    i = target.end;
                if (op === '<<' || op === '<<-') {
                    const doc = { start: i, end: i, quoted: !!target?.quoted, vars: [], substitutions: [] };
                    current.heredocs.push(doc);
                    if (target)
                        pendingHeredocs.push({ doc, delimiter: target.text, strip: op === '<<-' });
                }
                else if (op === '<<<') {
                    const doc = {
                        start: target?.start ?? i,
                        end: target?.end ?? i,
                        quoted: false,
                        vars: target?.vars ?? [],
                        substitutions: target?.substitutions ?? [],
                    };
                    if (target)
                        doc.herestring = target;
                    current.heredocs.push(doc);
                }
                else {
                    current.redirects.push(target ? { op, target } : { op });
                }
                continue;
            }
            const word = this.word(i, to, depth, closer);
            i = Math.max(word.end, i + 1);
            this.addWord(current, word);
        }
        finish(Math.min(i, to), false);
        if (pendingHeredocs.length)
            this.readHeredocBodies(Math.min(i, to), to, pendingHeredocs, depth);
        return { start: from, end: Math.min(i, to), commands, stop: i };
    }
    newCommand(at) {
        return {
            words: [],
            assignments: [],
            redirects: [],
            heredocs: [],
            start: at,
            end: at,
            pipeline: this.pipelineCounter++,
            pipeIndex: 0,
        };
    }
    atWordStart(i) {
        const prev = this.text[i - 1];
        return i === 0 || prev === undefined || /[\s;&|()]/.test(prev);
    }
    addWord(cmd, word) {
        if (isEmpty(cmd))
            cmd.start = word.start;
        if (cmd.words.length === 0) {
            const eq = word.text.indexOf('=');
            if (eq > 0 &&
                NAME.test(word.text.slice(0, eq)) &&
                !this.text.slice(word.start, word.end).startsWith('"')) {
                cmd.assignments.push({ name: word.text.slice(0, eq), value: shiftWord(word, eq + 1) });
                return;
            }
            if (KEYWORDS.has(word.text) && !word.quoted)
                return;
        }
        else if (cmd.words.length >= 1 && DECLARE.has(cmd.words[0].text)) {
            const eq = word.text.indexOf('=');
            if (eq > 0 && NAME.test(word.text.slice(0, eq))) {
                cmd.assignments.push({ name: word.text.slice(0, eq), value: shiftWord(word, eq + 1) });
                return;
            }
        }
        cmd.words.push(word);
    }
    /** One word starting at `i`: up to unquoted whitespace or an operator. */
    word(i, to, depth, closer = null) {
        const start = i;
        let text = '';
        let quoted = false;
        const vars = [];
        const substitutions = [];
        while (i < to) {
            const c = this.text[i];
            if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&')
                break;
            if (c === '<' || c === '>')
                break;
            if (c === ')' || c === '(')
                break;
            if (closer === '`' && c === '`')
                break;
            if (c === '\\') {
                text += this.text[i + 1] ?? '';
                i += 2;
                continue;
            }
            if (c === "'") {
                quoted = true;
                const close = this.text.indexOf("'", i + 1);
                const end = close === -1 || close >= to ? to : close;
                text += this.text.slice(i + 1, end);
                i = end + 1;
                continue;
            }
            if (c === '"') {
                quoted = true;
                i++;
                while (i < to && this.text[i] !== '"') {
                    const d = this.text[i];
                    if (d === '\\' && i + 1 < to) {
                        text += this.text[i + 1];
                        i += 2;
                        continue;
                    }
                    if (d === '$' || d === '`') {
                        const got = this.dollar(i, to, depth, vars, substitutions);
                        text += this.text.slice(i, got);
                        i = got;
                        continue;
                    }
                    text += d;
                    i++;
                }
                i++;
                continue;
            }
            if (c === '$' || c === '`') {
                const got = this.dollar(i, to, depth, vars, substitutions);
                text += this.text.slice(i, got);
                i = got;
                continue;
            }
            text += c;
            i++;
        }
        return { text, start, end: Math.min(i, to), vars, substitutions, quoted };
    }
    /**
     * A `$…` or backquote at `i`: records a variable or parses a substitution; returns the
     * offset after it. GitHub's `${{ … }}` is skipped as a whole (it is not shell syntax).
     */
    dollar(i, to, depth, vars, subs) {
        const text = this.text;
        if (text[i] === '`') {
            if (depth >= shell_MAX_DEPTH)
                return skipTo(text, i + 1, to, '`');
            const inner = this.script(i + 1, to, depth + 1, '`');
            subs.push(inner);
            return Math.min(inner.stop + 1, to);
        }
        if (text.startsWith('${{', i)) {
            const close = text.indexOf('}}', i + 3);
            return close === -1 || close >= to ? to : close + 2;
        }
        if (text.startsWith('$((', i)) {
            const close = text.indexOf('))', i + 3);
            return close === -1 || close >= to ? to : close + 2;
        }
        if (text[i + 1] === '(') {
            if (depth >= shell_MAX_DEPTH)
                return skipTo(text, i + 2, to, ')');
            const inner = this.script(i + 2, to, depth + 1, ')');
            subs.push(inner);
            return Math.min(inner.stop + 1, to);
        }
        if (text[i + 1] === '{') {
            const m = /^\$\{[#!]?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 260));
            const close = findBrace(text, i + 2, to);
            if (m)
                vars.push({ name: m[1], start: i, end: close });
            return close;
        }
        const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 258));
        if (m) {
            vars.push({ name: m[1], start: i, end: i + m[0].length });
            return i + m[0].length;
        }
        return i + 1 + (/[0-9@*#?$!-]/.test(text[i + 1] ?? '') ? 1 : 0);
    }
    /** Reads here-document bodies after the line that opened them; returns the offset after them. */
    readHeredocBodies(i, to, pending, depth) {
        for (const { doc, delimiter, strip } of pending) {
            doc.start = i;
            let end = to;
            let next = to;
            let lineStart = i;
            while (lineStart < to) {
                const nl = this.text.indexOf('\n', lineStart);
                const lineEnd = nl === -1 || nl > to ? to : nl;
                const line = this.text.slice(lineStart, lineEnd);
                if ((strip ? line.replace(/^\t+/, '') : line).trim() === delimiter) {
                    end = lineStart;
                    next = Math.min(lineEnd + 1, to);
                    break;
                }
                lineStart = lineEnd + 1;
            }
            doc.end = end;
            if (!doc.quoted) {
                let j = doc.start;
                while (j < doc.end) {
                    const c = this.text[j];
                    if (c === '\\') {
                        j += 2;
                        continue;
                    }
                    if (c === '$' || c === '`') {
                        j = Math.max(j + 1, this.dollar(j, doc.end, depth, doc.vars, doc.substitutions));
                        continue;
                    }
                    j++;
                }
            }
            i = next;
        }
        return i;
    }
}
function isEmpty(cmd) {
    return !cmd.words.length && !cmd.assignments.length && !cmd.redirects.length && !cmd.heredocs.length;
}
function skipTo(text, from, to, ch) {
    const at = text.indexOf(ch, from);
    return at === -1 || at >= to ? to : at + 1;
}
/** The offset after the `}` closing a `${…}` whose content starts at `from`. */
function findBrace(text, from, to) {
    let depth = 1;
    for (let i = from; i < to; i++) {
        const c = text[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i + 1;
    }
    return to;
}
/** The value part of an assignment word `NAME=value` (offsets kept; text after the `=`). */
function shiftWord(word, by) {
    return { ...word, text: word.text.slice(by), start: word.start };
}
/** The flag value of `--flag value`, `--flag=value` or `-f value` among a command's words. */
function flagValues(words, flag) {
    const values = [];
    let present = false;
    for (let k = 0; k < words.length; k++) {
        const w = words[k];
        if (w.text === flag) {
            present = true;
            const next = words[k + 1];
            if (next && !next.text.startsWith('-'))
                values.push(next);
        }
        else if (flag.startsWith('--') && w.text.startsWith(`${flag}=`)) {
            present = true;
            values.push({ ...w, text: w.text.slice(flag.length + 1) });
        }
    }
    return { present, values };
}
/**
 * The script inside a word that a shell runs (`bash -c '…'`, `eval "…"`), parsed with offsets
 * into `source` (the text `word` was read from). Offsets are exact when the string has no escapes
 * inside it; pipeline numbers start at `pipelineBase` so they do not meet the outer script's.
 */
function parseNested(word, source, pipelineBase) {
    const parser = new Parser(word.text, pipelineBase);
    const inner = parser.script(0, word.text.length, 0, null);
    const quote = source[word.start] === '"' || source[word.start] === "'" ? 1 : 0;
    return shiftScript(inner, word.start + quote);
}
function shiftScript(s, by) {
    return { start: s.start + by, end: s.end + by, commands: s.commands.map((c) => shiftCommand(c, by)) };
}
function shiftCommand(c, by) {
    return {
        ...c,
        start: c.start + by,
        end: c.end + by,
        words: c.words.map((w) => shiftAll(w, by)),
        assignments: c.assignments.map((a) => ({ name: a.name, value: shiftAll(a.value, by) })),
        redirects: c.redirects.map((r) => (r.target ? { op: r.op, target: shiftAll(r.target, by) } : r)),
        heredocs: c.heredocs.map((h) => ({
            ...h,
            start: h.start + by,
            end: h.end + by,
            vars: h.vars.map((v) => ({ ...v, start: v.start + by, end: v.end + by })),
            substitutions: h.substitutions.map((x) => shiftScript(x, by)),
            ...(h.herestring ? { herestring: shiftAll(h.herestring, by) } : {}),
        })),
    };
}
function shiftAll(w, by) {
    return {
        ...w,
        start: w.start + by,
        end: w.end + by,
        vars: w.vars.map((v) => ({ ...v, start: v.start + by, end: v.end + by })),
        substitutions: w.substitutions.map((x) => shiftScript(x, by)),
    };
}

;// CONCATENATED MODULE: ./packages/scanner/agents/conditions.ts



/** Splits a tool/user list: commas, whitespace and newlines, not inside parentheses. */
function splitList(text) {
    const out = [];
    let depth = 0;
    let current = '';
    for (const c of text) {
        if (c === '(')
            depth++;
        else if (c === ')')
            depth = Math.max(0, depth - 1);
        if (depth === 0 && /[\s,]/.test(c)) {
            if (current)
                out.push(current);
            current = '';
            continue;
        }
        current += c;
    }
    if (current)
        out.push(current);
    return out.map((s) => s.replace(/^["']|["']$/g, ''));
}
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
/**
 * Programs that run any code they are given: `Bash(npx:*)`, `Bash(python3 *)` or `Bash(git:*)`
 * (`git -c core.sshCommand=…`) allow any command, as `Bash(*)` does.
 */
const RUNS_ANYTHING = new Set([
    'sh',
    'bash',
    'zsh',
    'dash',
    'eval',
    'exec',
    'env',
    'xargs',
    'sudo',
    'nohup',
    'timeout',
    'node',
    'python',
    'python3',
    'perl',
    'ruby',
    'php',
    'deno',
    'bun',
    'bunx',
    'npx',
    'npm',
    'pnpm',
    'yarn',
    'uv',
    'uvx',
    'pipx',
    'git',
    'docker',
    'make',
]);
/** A Claude tool rule as the rule it amounts to: `Bash(npx:*)` is `Bash(*)`. */
function amountsTo(value) {
    const m = /^Bash\(\s*([\w.+-]+)(?:\s*:\s*\*|\s+\*|\s*:\*)\s*\)$/.exec(value.trim());
    return m && RUNS_ANYTHING.has(m[1]) ? 'Bash(*)' : value.trim();
}
function listHas(values, wanted) {
    return values.find((v) => wanted.some((w) => same(v.trim(), w) || same(amountsTo(v), w)));
}
/** Every condition that holds for an action step. */
function matchInputConditions(conditions, step) {
    const hits = [];
    for (const condition of conditions) {
        if (!condition.input)
            continue;
        const hit = matchInput(condition, step);
        if (hit)
            hits.push(hit);
    }
    return hits;
}
function matchInput(condition, step) {
    const entry = withInput(step, condition.input);
    const stepNode = step.uses?.node ?? step.node;
    const value = entry?.text;
    if (condition.json)
        return matchJson(condition, entry?.value ?? undefined, value, stepNode);
    if (value === undefined || !entry?.value) {
        return condition.absent ? { condition, what: `no \`${condition.input}:\``, node: stepNode } : undefined;
    }
    if (condition.flag) {
        const words = allCommands(parseShell(value)).flatMap((c) => [
            ...c.assignments.map((a) => a.value),
            ...c.words,
        ]);
        const found = matchFlag(condition, words);
        if (!found)
            return undefined;
        return { condition, what: `${entry.key}: ${found.what}`, node: entry.value, index: found.index };
    }
    if (condition.equals) {
        const v = value.trim();
        if (!condition.equals.some((e) => same(v, e)))
            return undefined;
        return { condition, what: `${entry.key}: ${JSON.stringify(v)}`, node: entry.value };
    }
    if (condition.item) {
        const found = listHas(splitList(value), condition.item);
        if (found === undefined)
            return undefined;
        return {
            condition,
            what: `${entry.key}: ${found}`,
            node: entry.value,
            index: Math.max(0, value.indexOf(found)),
        };
    }
    return undefined;
}
/** A flag condition over CLI words; `index` is the flag word's start in the text the words come from. */
function matchFlag(condition, words) {
    const flag = condition.flag;
    const { present, values } = flagValues(words, flag);
    if (!present)
        return undefined;
    const flagWord = words.find((w) => w.text === flag || w.text.startsWith(`${flag}=`));
    if (!condition.equals && !condition.item)
        return { what: flag, index: flagWord.start, word: flagWord };
    for (const v of values) {
        if (condition.equals?.some((e) => same(v.text.trim(), e))) {
            return { what: `${flag} ${v.text}`, index: flagWord.start, word: flagWord };
        }
        const item = condition.item ? listHas(splitList(v.text), condition.item) : undefined;
        if (item !== undefined)
            return { what: `${flag} ${item}`, index: v.start, word: v };
    }
    return undefined;
}
function matchJson(condition, node, text, stepNode) {
    const input = condition.input;
    if (text === undefined || !node) {
        return condition.absent
            ? { condition, what: `no \`${input}:\` (no tool allowlist)`, node: stepNode }
            : undefined;
    }
    let parsed;
    try {
        // `${{ }}` expressions are not JSON until GitHub expands them; read them as null.
        parsed = JSON.parse(withoutExpressions(text));
    }
    catch {
        return condition.absent
            ? { condition, what: `\`${input}:\` is not JSON the scanner can read`, node, unverified: true }
            : undefined;
    }
    const values = condition.json.map((p) => at(parsed, p)).filter((v) => v !== undefined);
    if (condition.absent) {
        return values.length === 0
            ? {
                condition,
                what: `\`${input}:\` sets no ${condition.json.map((p) => `\`${p}\``).join(' or ')}`,
                node,
            }
            : undefined;
    }
    for (const v of values) {
        if (condition.equals && typeof v === 'string' && condition.equals.some((e) => same(v, e))) {
            return { condition, what: `${input}: ${JSON.stringify(v)}`, node, index: Math.max(0, text.indexOf(v)) };
        }
        if (condition.item && Array.isArray(v)) {
            const found = listHas(v.filter((x) => typeof x === 'string'), condition.item);
            if (found !== undefined) {
                return {
                    condition,
                    what: `${input}: "${found}"`,
                    node,
                    index: Math.max(0, text.indexOf(`"${found}"`)),
                };
            }
        }
    }
    return undefined;
}
/** The text with every `${{ … }}` replaced by `null` (one linear pass, string-literal aware). */
function withoutExpressions(text) {
    let out = '';
    let from = 0;
    for (const e of extractExpressions(text)) {
        out += `${text.slice(from, e.start)}null`;
        from = e.end;
    }
    return out + text.slice(from);
}
function at(value, dotted) {
    let here = value;
    for (const key of dotted.split('.')) {
        if (!here || typeof here !== 'object' || Array.isArray(here))
            return undefined;
        here = here[key];
    }
    return here;
}

// EXTERNAL MODULE: ./packages/scanner/rules/agent.ts
var agent = __webpack_require__(8758);
;// CONCATENATED MODULE: ./packages/scanner/agents/excess.ts
/**
 * A bound agent's job against its registry entry: every GITHUB_TOKEN scope, secret and
 * production environment the job gives the agent beyond what the agent declares
 * (`permissions:`), or what an AgentPolicy for its type denies (`deny: write-access`,
 * `deny: secrets`, `deny: production-access`), is a finding that names both sides: the job's
 * line and the registry's (or policy's) file:line.
 */


/** Registry resources (`agent-config.yaml` permissions) and the token scope each one is. */
const RESOURCE_SCOPE = {
    repository: 'contents',
    repositories: 'contents',
    contents: 'contents',
    code: 'contents',
    'pull-requests': 'pull-requests',
    'pull-request': 'pull-requests',
    pulls: 'pull-requests',
    issues: 'issues',
    checks: 'checks',
    deployments: 'deployments',
    statuses: 'statuses',
    actions: 'actions',
    workflows: 'actions',
    packages: 'packages',
    pages: 'pages',
    discussions: 'discussions',
    'security-events': 'security-events',
    'id-token': 'id-token',
    attestations: 'attestations',
    projects: 'repository-projects',
    'repository-projects': 'repository-projects',
    models: 'models',
};
/** Commenting on these needs a token with write on the scope; the registry says `comment`. */
const COMMENT_SCOPES = new Set(['pull-requests', 'issues', 'discussions']);
function checkRegistryExcess(view, resolved, ctx, emit) {
    const entry = resolved.entry;
    const registry = resolved.registry;
    const declaredAt = `${registry.file}:${entry.keyLocations['permissions']?.line ?? entry.keyLocations['name']?.line ?? entry.location.line ?? 1}`;
    const declared = entry.permissions.length
        ? entry.permissions.map((p) => `\`${p.resource}: ${p.access}\``).join(', ')
        : 'no permissions';
    const who = `agent '${entry.name}' (${registry.file}:${entry.keyLocations['name']?.line ?? entry.location.line ?? 1})`;
    const line = (node) => ctx.position(node?.range?.[0] ?? 0).line;
    if (view.token.unknown) {
        if (view.token.source !== 'default')
            return;
        const wanted = suggestedPermissions(entry.permissions);
        emit({
            ruleId: 'agent/permission-beyond-registry',
            fileLevel: true,
            line: line(view.jobNode),
            message: `Job '${view.job}' sets no \`permissions:\`, so ${who} gets the repository's default token (possibly write access to everything), while the registry declares ${declared} (${declaredAt}). Add \`permissions: { ${wanted} }\` to the job.`,
            about: `${view.job} ${entry.name} default-permissions`,
        });
        return;
    }
    for (const grant of view.token.grants) {
        if (grant.scope === 'id-token' &&
            (view.credentialsStep || entry.credentials.aws || entry.credentials.vault))
            continue;
        const problems = [];
        const best = declaredLevel(entry.permissions, grant.scope);
        const covered = grant.level === 'read'
            ? best >= (0,agent/* accessRank */.xA)('read')
            : best >= (0,agent/* accessRank */.xA)('write') || (best === (0,agent/* accessRank */.xA)('comment') && COMMENT_SCOPES.has(grant.scope));
        if (!covered) {
            problems.push(`the registry declares ${declared} (${declaredAt})`);
        }
        // A write the agent needs only to comment is the `comment` the registry allows, not write access.
        const commentOnly = grant.level === 'write' && best === (0,agent/* accessRank */.xA)('comment') && COMMENT_SCOPES.has(grant.scope);
        for (const policy of resolved.policies) {
            policy.restrictions.forEach((target, i) => {
                if (target === 'long-lived-credentials' || commentOnly)
                    return;
                if (!(0,agent/* restrictionForbids */.YT)(target, { resource: resourceFor(grant.scope), access: grant.level }))
                    return;
                const at = policy.keyLocations[`spec.restrictions[${i}]`]?.line ?? policy.location.line ?? 1;
                problems.push(`AgentPolicy '${policy.name}' (${policy.file}:${at}) has \`deny: ${target}\` for type '${entry.type}'`);
            });
        }
        if (problems.length === 0)
            continue;
        const lower = grant.level === 'write' && best >= (0,agent/* accessRank */.xA)('read')
            ? `\`${grant.scope}: read\``
            : `no \`${grant.scope}\``;
        emit({
            ruleId: 'agent/permission-beyond-registry',
            fileLevel: true,
            line: line(grant.node),
            ...(grant.level === 'read' && covered
                ? {}
                : grant.level === 'read'
                    ? { severity: 'warning' }
                    : {}),
            message: `Job '${view.job}' gives ${who} \`${grant.scope}: ${grant.level}\`${(0,dist/* isScalar */.jn)(grant.node) && /-all$/.test(String(grant.node.value)) ? ` (through \`${String(grant.node.value)}\`)` : ''} at line ${line(grant.node)}, but ${problems.join(', and ')}. Lower the job to ${lower}, or change the registry entry (and its type's policy) if the agent really needs it.`,
            about: `${view.job} ${entry.name} ${grant.scope}:${grant.level}`,
        });
    }
    const secretsDeclared = entry.permissions.some((p) => /^secrets?$/i.test(p.resource));
    const seen = new Set();
    for (const use of view.secrets) {
        if (seen.has(use.name))
            continue;
        seen.add(use.name);
        const problems = [];
        if (!secretsDeclared)
            problems.push(`it declares no \`secrets\` access (${declaredAt})`);
        for (const policy of resolved.policies) {
            policy.restrictions.forEach((target, i) => {
                if (!(0,agent/* restrictionForbids */.YT)(target, { resource: 'secrets', access: 'read' }))
                    return;
                const at = policy.keyLocations[`spec.restrictions[${i}]`]?.line ?? policy.location.line ?? 1;
                problems.push(`AgentPolicy '${policy.name}' (${policy.file}:${at}) has \`deny: ${target}\` for type '${entry.type}'`);
            });
        }
        if (problems.length === 0)
            continue;
        const name = use.name === '*' ? 'every secret (`secrets: inherit` / `toJSON(secrets)`)' : `\`secrets.${use.name}\``;
        emit({
            ruleId: 'agent/secret-beyond-registry',
            fileLevel: true,
            line: ctx.position(use.offset).line,
            message: `Job '${view.job}' passes ${name} to ${who}, but ${problems.join(', and ')}. Remove it from the job (let the credentials action fetch what the registry allows), or declare the access in the registry if the policy permits it.`,
            about: `${view.job} ${entry.name} secret ${use.name}`,
        });
    }
    const environment = view.environment;
    const envName = (0,dist/* isScalar */.jn)(environment) ? String(environment.value ?? '') : '';
    if (environment && /prod/i.test(envName)) {
        for (const policy of resolved.policies) {
            policy.restrictions.forEach((target, i) => {
                if (!(0,agent/* restrictionForbids */.YT)(target, { resource: 'production', access: 'read' }))
                    return;
                const at = policy.keyLocations[`spec.restrictions[${i}]`]?.line ?? policy.location.line ?? 1;
                emit({
                    ruleId: 'agent/permission-beyond-registry',
                    fileLevel: true,
                    line: line(environment),
                    message: `Job '${view.job}' runs ${who} in the \`${envName}\` environment, but AgentPolicy '${policy.name}' (${policy.file}:${at}) has \`deny: ${target}\` for type '${entry.type}'. Run the agent in a non-production job and deploy through a deployment agent that passes the gate.`,
                    about: `${view.job} ${entry.name} environment ${envName}`,
                });
            });
        }
    }
}
function declaredLevel(permissions, scope) {
    let best = -1;
    for (const p of permissions) {
        if (RESOURCE_SCOPE[p.resource.toLowerCase()] !== scope)
            continue;
        best = Math.max(best, (0,agent/* accessRank */.xA)(p.access));
    }
    return best;
}
function resourceFor(scope) {
    return scope === 'contents' ? 'repository' : scope;
}
/** The `permissions:` block that matches what the registry declares. */
function suggestedPermissions(permissions) {
    const out = new Map();
    for (const p of permissions) {
        const scope = RESOURCE_SCOPE[p.resource.toLowerCase()];
        if (!scope)
            continue;
        const level = (0,agent/* accessRank */.xA)(p.access) >= (0,agent/* accessRank */.xA)('write') || (p.access === 'comment' && COMMENT_SCOPES.has(scope))
            ? 'write'
            : 'read';
        if (out.get(scope) !== 'write')
            out.set(scope, level);
    }
    if (out.size === 0)
        out.set('contents', 'read');
    return [...out].map(([s, l]) => `${s}: ${l}`).join(', ');
}

;// CONCATENATED MODULE: ./packages/scanner/agents/gate.ts
/**
 * Actor gates in `if:` conditions: does a job or step `if:` make sure only trusted people can
 * start the agent? The condition is parsed with the expression parser (../workflow/expressions.ts)
 * and judged by its boolean structure: it is a gate when every way it can be true needs a
 * recognised trust check (`a && b` gates when either side does; `a || b` only when both do).
 *
 * Recognised trust checks (docs/agents.md, "What counts as an actor gate"):
 * - `<payload>.author_association` equal to, or `contains(fromJSON('[…]'), …)` of, only
 *   OWNER, MEMBER, COLLABORATOR (GitHub's associations for people with write or org access);
 * - a named actor: `github.actor`, `github.event.sender.login` or a payload `user.login` compared
 *   with (or `contains`-listed among) literal names, or with `github.repository_owner`
 *   (`github.triggering_actor` is not: it is whoever re-ran the workflow);
 * - a same-repository pull request: `…pull_request.head.repo.full_name == github.repository`
 *   (`head.repo.fork == false`, `!…head.repo.fork` are not: `head.repo` is null once the fork is
 *   deleted, and so is `github.event.pull_request` on issue events, and null passes both);
 * - a label a maintainer applied: `github.event.label.name == '…'`, or `contains(` the pull
 *   request's `labels.*.name`, '…')` (issue labels are not: issue forms apply them);
 * - a branch for a trusted event only: `github.event_name == 'workflow_dispatch'` (any event that
 *   is not in UNTRUSTED_EVENTS).
 *
 * A check of a payload's `author_association` or `user.login` counts only when, for each untrusted
 * trigger of the workflow, that payload is the one the acting user wrote (`comment` on
 * issue_comment, not `issue`: a member's issue takes anyone's comment) or one the event lacks
 * (null there, which no `==` or array check passes; `contains('OWNER,MEMBER', null)` does, since
 * null reads as '', which every string contains, so the string form needs the field on every
 * event); `github.event_name == '…'` beside it narrows the events.
 * `github.actor`/`github.triggering_actor` equal to a `[bot]` name is not a gate on
 * pull_request_target: the bot can be made to push to an outsider's pull request branch.
 *
 * Conditions that trust any bot are recorded separately (they are not gates): `endsWith(actor,
 * '[bot]')`, `contains(actor, '[bot]')` or `'bot'`, `sender.type == 'Bot'`, `user.type == 'Bot'`.
 * Checks that exclude bots (`sender.type != 'Bot'`) are neither.
 */

/** Events whose payload text and actor outsiders control, and that run with the base repository's token. */
const UNTRUSTED_EVENTS = [
    'issues',
    'issue_comment',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment',
    'discussion',
    'discussion_comment',
];
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const UNTRUSTED_ASSOCIATIONS = ['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE', 'MANNEQUIN'];
/**
 * Payload objects each untrusted event carries that hold a user's association or login; the
 * first is the one written by the user who caused the event (GitHub's webhook payloads).
 */
const EVENT_OBJECTS = {
    issues: ['issue'],
    issue_comment: ['comment', 'issue'],
    pull_request_target: ['pull_request'],
    pull_request_review: ['review', 'pull_request'],
    pull_request_review_comment: ['comment', 'pull_request'],
    discussion: ['discussion'],
    discussion_comment: ['comment', 'discussion'],
};
/** `head.repo.fork` of a pull request: a false-or-null test of it passes when it is null. */
const FORK_FLAG = /\.pull_request\.head\.repo\.fork$/;
const NULL_FORK = "is also true when the field is null: on events without a pull request, and once the pull request's fork is deleted (`head.repo` is then null); compare `github.event.pull_request.head.repo.full_name == github.repository` instead";
const ACTOR_PATHS = new Set([
    'github.actor',
    'github.triggering_actor',
    'github.event.sender.login',
    'github.event.comment.user.login',
    'github.event.issue.user.login',
    'github.event.pull_request.user.login',
    'github.event.review.user.login',
    'github.event.discussion.user.login',
]);
/**
 * Analyses one `if:` value (with or without `${{ }}`). Offsets in `anyBot` are into `text`.
 * A value that mixes `${{ }}` with other text is a non-empty string, always true: not a gate.
 * `events` are the untrusted triggers the condition runs for (UNTRUSTED_EVENTS); payload checks
 * are judged against them (none given: any payload's check counts).
 */
function analyseCondition(text, events = []) {
    const trimmed = text.trim();
    let inner = trimmed;
    let base = text.indexOf(trimmed);
    const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed);
    if (wrapped && !wrapped[1].includes('}}')) {
        inner = wrapped[1];
        base += 3;
    }
    else if (trimmed.includes('${{')) {
        return { gated: false, checks: [], anyBot: [] };
    }
    let expr;
    try {
        expr = parseExpression(inner);
    }
    catch (err) {
        if (err instanceof ExpressionSyntaxError)
            return { gated: false, checks: [], anyBot: [], syntaxError: err.message };
        throw err;
    }
    const acc = { checks: [], misleading: [] };
    const anyBot = [];
    const gated = isGate(expr, inner, acc, events);
    collectAnyBot(expr, inner, base, anyBot, events);
    return {
        gated,
        checks: acc.checks,
        anyBot,
        ...(!gated && acc.misleading.length ? { misleading: acc.misleading } : {}),
    };
}
/** `events`: the untrusted triggers this branch of the condition can run for. */
function isGate(e, src, acc, events) {
    const judge = (v) => {
        const text = src.slice(e.start, e.end).trim();
        if (typeof v === 'string')
            acc.misleading.push(`\`${text}\` ${v}`);
        else if (v)
            acc.checks.push(text);
        return v === true;
    };
    switch (e.kind) {
        case 'literal':
            // A condition that is never true admits nobody.
            return e.value === false || e.value === null || e.value === 0 || e.value === '';
        case 'binary': {
            if (e.op === '&&') {
                const only = eventNames(e.left) ?? eventNames(e.right);
                const narrowed = only ? events.filter((x) => only.has(x)) : events;
                return isGate(e.left, src, acc, narrowed) || isGate(e.right, src, acc, narrowed);
            }
            if (e.op === '||')
                return isGate(e.left, src, acc, events) && isGate(e.right, src, acc, events);
            if (e.op === '==')
                return judge(equalityGate(e.left, e.right, events));
            if (e.op === '!=')
                return judge(inequalityGate(e.left, e.right));
            return false;
        }
        case 'not': {
            const path = contextPath(e.operand)?.join('.');
            return judge(!!path && FORK_FLAG.test(path) && NULL_FORK);
        }
        case 'call':
            return judge(callGate(e, events));
        default:
            return false;
    }
}
/** The events `github.event_name == '…'` (or `contains(fromJSON('[…]'), github.event_name)`) admits. */
function eventNames(e) {
    if (e.kind === 'binary' && e.op === '==') {
        const value = pathOf(e.left) === 'github.event_name'
            ? stringOf(e.right)
            : pathOf(e.right) === 'github.event_name'
                ? stringOf(e.left)
                : undefined;
        return value === undefined ? undefined : new Set([value.toLowerCase()]);
    }
    if (e.kind === 'call' &&
        e.name === 'contains' &&
        e.args.length === 2 &&
        pathOf(e.args[1]) === 'github.event_name') {
        const list = literalList(e.args[0]);
        if (list?.kind === 'array')
            return new Set(list.values.map((v) => v.toLowerCase()));
    }
    return undefined;
}
/**
 * Do these payload fields (`github.event.comment.author_association`, or a `||` chain of them:
 * the first the event has wins) describe the user who caused each of `events`? Undefined when
 * they do, else why not. Fields that are not a payload's (`github.actor`) always do.
 */
function notTheActor(paths, events) {
    const objects = paths.map((p) => /^github\.event\.([a-z_]+)\.(?:author_association|user\.login)$/.exec(p)?.[1] ?? null);
    for (const event of events) {
        const carried = EVENT_OBJECTS[event];
        if (!carried)
            continue;
        // The first field the event has decides; none present reads as null, which no check passes.
        const first = objects.find((o) => o === null || carried.includes(o));
        if (first && first !== carried[0])
            return `reads \`github.event.${first}\`, which on \`${event}\` describes whoever wrote the ${first.replace(/_/g, ' ')}, not who triggered the run; check \`github.event.${carried[0]}\` instead`;
    }
    return undefined;
}
/** An untrusted event whose payload has none of these fields' objects (they read as null there). */
function eventLacking(paths, events) {
    const objects = paths.map((p) => /^github\.event\.([a-z_]+)\./.exec(p)?.[1]);
    if (objects.some((o) => o === undefined))
        return undefined;
    return events.find((event) => {
        const carried = EVENT_OBJECTS[event];
        return carried !== undefined && !objects.some((o) => carried.includes(o));
    });
}
function stringOf(e) {
    return e.kind === 'literal' && typeof e.value === 'string' ? e.value : undefined;
}
function pathOf(e) {
    return contextPath(e)?.join('.');
}
function equalityGate(a, b, events) {
    const pa = pathOf(a);
    const pb = pathOf(b);
    if (pa && pb) {
        const pair = new Set([pa, pb]);
        // The repository's owner (no user has an organisation's login, so nobody on org repositories).
        if (pair.has('github.repository_owner') &&
            [...pair].some((p) => p !== 'github.triggering_actor' && ACTOR_PATHS.has(p)))
            return notTheActor([...pair], events) ?? true;
        if (pair.has('github.repository') && [...pair].some((p) => /\.head\.repo\.full_name$/.test(p)))
            return true;
        if (pair.has('github.repository_owner') && [...pair].some((p) => /\.head\.repo\.owner\.login$/.test(p)))
            return true;
        return false;
    }
    const path = pa ?? pb;
    const other = pa ? b : a;
    if (!path)
        return false;
    if (other.kind === 'literal' && other.value === false)
        return FORK_FLAG.test(path) && NULL_FORK;
    const value = stringOf(other);
    if (value === undefined || value === '')
        return false;
    if (path.endsWith('.author_association'))
        return TRUSTED_ASSOCIATIONS.has(value.toUpperCase()) && (notTheActor([path], events) ?? true);
    if (ACTOR_PATHS.has(path))
        return !value.includes('*') && namedActorGate(path, [value], events);
    if (path === 'github.event_name')
        return !UNTRUSTED_EVENTS.includes(value.toLowerCase());
    if (path === 'github.event.label.name')
        return true;
    return false;
}
function inequalityGate(a, b) {
    const path = pathOf(a) ?? pathOf(b);
    const other = pathOf(a) ? b : a;
    return !!path && FORK_FLAG.test(path) && other.kind === 'literal' && other.value === true && NULL_FORK;
}
/**
 * A named actor: a payload's `user.login` must be the acting user's (see notTheActor);
 * `github.actor` naming a bot is not a gate on pull_request_target, where a bot can be made to
 * update an outsider's branch and so become the actor (zizmor's bot-conditions).
 */
function namedActorGate(path, names, events) {
    const wrong = notTheActor([path], events);
    if (wrong)
        return wrong;
    if (path === 'github.triggering_actor')
        return "is whoever re-ran the workflow: a maintainer re-running an outsider's run passes it with the outsider's text; check `github.actor` or the payload's `author_association`";
    if ((path === 'github.actor' || path === 'github.triggering_actor') &&
        events.includes('pull_request_target') &&
        names.some((n) => n.toLowerCase().endsWith('[bot]')))
        return "names a bot as the actor, which anyone can become on `pull_request_target` by getting the bot to update their pull request's branch; check `github.event.pull_request.user.login` instead";
    return true;
}
/** `contains(list, value)` forms that only trusted actors pass. */
function callGate(e, events) {
    if (e.name !== 'contains' || e.args.length !== 2)
        return false;
    const [haystack, needle] = e.args;
    const needlePath = pathOf(needle);
    const list = literalList(haystack);
    if ((needlePath?.endsWith('.author_association') || associationChain(needle)) && list) {
        const wrong = notTheActor(chainPaths(needle), events);
        if (wrong)
            return wrong;
        if (list.kind === 'string') {
            const absent = eventLacking(chainPaths(needle), events);
            if (absent)
                return `is true on \`${absent}\`, whose payload has none of these fields: null reads as '', which every string contains; use \`contains(fromJSON('["OWNER","MEMBER","COLLABORATOR"]'), …)\``;
        }
        if (list.kind === 'array')
            return list.values.length > 0 && list.values.every((v) => TRUSTED_ASSOCIATIONS.has(v.toUpperCase()));
        // contains('OWNER,MEMBER', x) is a substring test: no untrusted association may be inside.
        const upper = list.text.toUpperCase();
        return upper.trim() !== '' && !UNTRUSTED_ASSOCIATIONS.some((u) => upper.includes(u));
    }
    if (needlePath && ACTOR_PATHS.has(needlePath) && list?.kind === 'array') {
        if (list.values.length === 0 || list.values.some((v) => v === '' || v.includes('*')))
            return false;
        return namedActorGate(needlePath, list.values, events);
    }
    const haystackPath = pathOf(haystack);
    if (haystackPath === 'github.event.pull_request.labels.*.name' && stringOf(needle))
        return true;
    return false;
}
/** `a.author_association || b.author_association || …`: whichever payload the event has. */
function associationChain(e) {
    if (e.kind === 'binary' && e.op === '||')
        return associationChain(e.left) && associationChain(e.right);
    return !!pathOf(e)?.endsWith('.author_association');
}
/** The fields of an association chain, in order. */
function chainPaths(e) {
    if (e.kind === 'binary' && e.op === '||')
        return [...chainPaths(e.left), ...chainPaths(e.right)];
    const path = pathOf(e);
    return path ? [path] : [];
}
function literalList(e) {
    const text = stringOf(e);
    if (text !== undefined)
        return { kind: 'string', text };
    if (e.kind === 'call' && e.name === 'fromjson' && e.args.length === 1) {
        const json = stringOf(e.args[0]);
        if (json === undefined)
            return undefined;
        try {
            const value = JSON.parse(json);
            if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
                return { kind: 'array', values: value };
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** Predicates that admit any bot, where they can grant access (not under `!`, not inside a gated `&&`). */
function collectAnyBot(e, src, base, out, events) {
    if (isGate(e, src, { checks: [], misleading: [] }, events))
        return;
    if (e.kind === 'binary' && (e.op === '&&' || e.op === '||')) {
        collectAnyBot(e.left, src, base, out, events);
        collectAnyBot(e.right, src, base, out, events);
        return;
    }
    if (admitsAnyBot(e))
        out.push({ start: base + e.start, end: base + e.end, text: src.slice(e.start, e.end).trim() });
}
function admitsAnyBot(e) {
    if (e.kind === 'call' && (e.name === 'endswith' || e.name === 'contains') && e.args.length === 2) {
        const path = pathOf(e.args[0]);
        const value = stringOf(e.args[1])?.toLowerCase();
        if (!path || !ACTOR_PATHS.has(path) || value === undefined)
            return false;
        return e.name === 'endswith' ? value === '[bot]' || value === 'bot]' : value.includes('bot');
    }
    if (e.kind === 'binary' && e.op === '==') {
        const path = pathOf(e.left) ?? pathOf(e.right);
        const value = stringOf(pathOf(e.left) ? e.right : e.left);
        return !!path && /(?:^github\.event\.sender|\.user)\.type$/.test(path) && value?.toLowerCase() === 'bot';
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/scanner/agents/positions.ts
/**
 * Where a piece of a YAML scalar's value is written in the file, so a finding about one flag of
 * a multi-line `run:` script or `claude_args:` points at that flag's line. Literal block scalars
 * (`|`) map line by line; other styles (plain, quoted, folded) are searched for the text.
 */

/** File offset of `index` in the value of the scalar `node` (its start when unknown). */
function valueOffset(text, node, index) {
    const range = node.range;
    if (!range)
        return 0;
    if (!(0,dist/* isScalar */.jn)(node))
        return range[0];
    const value = typeof node.value === 'string' ? node.value : String(node.value ?? '');
    const raw = text.slice(range[0], range[1]);
    if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL) {
        const mapped = literalOffset(raw, value, index);
        if (mapped !== undefined)
            return range[0] + mapped;
    }
    if ((node.type === dist/* Scalar */.X5.PLAIN || node.type === dist/* Scalar */.X5.QUOTE_SINGLE || node.type === dist/* Scalar */.X5.QUOTE_DOUBLE) &&
        !raw.includes('\n')) {
        const quote = node.type === dist/* Scalar */.X5.PLAIN ? 0 : 1;
        const direct = range[0] + quote + index;
        // Escapes shift quoted text; trust the direct offset only when the text is there.
        const probe = value.slice(index, index + 8);
        if (probe && text.startsWith(probe, direct))
            return direct;
    }
    return range[0] + searchOffset(raw, value, index);
}
/** Offset in `raw` (a `|` block: header line, then indented lines) of value index `index`. */
function literalOffset(raw, value, index) {
    const lines = raw.split('\n');
    const starts = [];
    let at = 0;
    for (const line of lines) {
        starts.push(at);
        at += line.length + 1;
    }
    const content = lines.slice(1);
    const indent = Math.min(...content.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length), Number.MAX_SAFE_INTEGER);
    if (!Number.isFinite(indent) || indent === Number.MAX_SAFE_INTEGER)
        return undefined;
    const before = value.slice(0, index);
    const lineNo = before.split('\n').length - 1;
    const column = index - (before.lastIndexOf('\n') + 1);
    const rawLine = lineNo + 1;
    if (rawLine >= lines.length)
        return undefined;
    return (starts[rawLine] ?? 0) + indent + column;
}
/** Finds the text around `index` in `raw`; the n-th occurrence when it repeats. */
function searchOffset(raw, value, index) {
    const lineEnd = value.indexOf('\n', index);
    const token = value.slice(index, lineEnd === -1 ? Math.min(value.length, index + 40) : Math.min(lineEnd, index + 40));
    if (!token.trim())
        return 0;
    let occurrence = 0;
    for (let i = value.indexOf(token); i !== -1 && i < index; i = value.indexOf(token, i + 1))
        occurrence++;
    let last = -1;
    let k = 0;
    for (let i = raw.indexOf(token); i !== -1; i = raw.indexOf(token, i + 1)) {
        if (k++ === occurrence)
            return i;
        last = i;
    }
    return last === -1 ? 0 : last;
}
/** File offset of the first occurrence of `needle` in the YAML text of `node` (its start when absent). */
function findInNode(text, node, needle) {
    const range = node.range;
    if (!range)
        return 0;
    const at = text.slice(range[0], range[1]).indexOf(needle);
    return at === -1 ? range[0] : range[0] + at;
}

;// CONCATENATED MODULE: ./packages/scanner/agents/facts.ts
/**
 * Facts about a GitHub job that the agent rules weigh: its token permissions, the secrets it
 * receives (and which of them are only an agent's own model credential), and whether an `if:`
 * keeps outsiders out.
 */




/** Every GITHUB_TOKEN scope (GitHub's `permissions` keys). */
const TOKEN_SCOPES = [
    'actions',
    'attestations',
    'checks',
    'contents',
    'deployments',
    'discussions',
    'id-token',
    'issues',
    'models',
    'packages',
    'pages',
    'pull-requests',
    'repository-projects',
    'security-events',
    'statuses',
];
function tokenFacts(job) {
    const eff = job.effectivePermissions;
    if (eff.source === 'default') {
        return {
            source: 'default',
            grants: [],
            unknown: true,
            summary: 'not set (repository default, possibly write-all)',
        };
    }
    if (eff.source === 'caller')
        return { source: 'caller', grants: [], unknown: true, summary: "the caller's" };
    const declared = eff.declared;
    const where = eff.source === 'job' ? '' : ' (workflow)';
    if (declared.kind === 'write-all' || declared.kind === 'read-all') {
        const level = declared.kind === 'write-all' ? 'write' : 'read';
        return {
            source: eff.source,
            grants: TOKEN_SCOPES.map((scope) => ({ scope, level, node: declared.node })),
            unknown: false,
            summary: `${declared.kind}${where}`,
        };
    }
    if (declared.kind !== 'scopes') {
        return { source: eff.source, grants: [], unknown: true, summary: `an expression${where}` };
    }
    const grants = [];
    for (const [scope, { level, node }] of declared.scopes) {
        if (level === 'read' || level === 'write')
            grants.push({ scope, level, node });
    }
    const summary = grants.length ? grants.map((g) => `${g.scope}: ${g.level}`).join(', ') : 'none';
    return { source: eff.source, grants, unknown: false, summary: `${summary}${where}` };
}
/** Every `secrets.*` a job reads (workflow env included); `secrets: inherit` counts as `*`. */
function secretsOfJob(text, model, job) {
    const out = [];
    const seen = new Set();
    const fromEntries = (entries, kind, step) => {
        for (const e of entries) {
            if (!e.value)
                continue;
            seen.add(e.value);
            for (const s of secretRefs(text, e.value))
                out.push({ ...s, kind, key: e.key, ...(step ? { step } : {}) });
        }
    };
    fromEntries(model.env, 'env');
    fromEntries(job.env, 'env');
    for (const step of job.steps) {
        fromEntries(step.env, 'env', step);
        fromEntries(step.with, 'with', step);
    }
    if (job.secrets?.inherit)
        out.push({ name: '*', node: job.secrets.node, offset: job.secrets.node.range?.[0] ?? 0, kind: 'other' });
    walk(job.node, (node) => {
        if (seen.has(node))
            return;
        for (const s of secretRefs(text, node))
            out.push({ ...s, kind: 'other' });
    });
    return out;
}
function walk(node, visit, budget = { left: 20_000 }) {
    if (!node || budget.left-- <= 0)
        return;
    if ((0,dist/* isScalar */.jn)(node))
        visit(node);
    else if ((0,dist/* isMap */.jh)(node))
        for (const p of node.items)
            walk(p.value, visit, budget);
    else if ((0,dist/* isSeq */.oP)(node))
        for (const n of node.items)
            walk(n, visit, budget);
}
function secretRefs(text, node) {
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.value.includes('${{'))
        return [];
    const value = node.value;
    const out = [];
    for (const expr of extractExpressions(value)) {
        let paths;
        try {
            paths = contextsRead(parseExpression(expr.text));
        }
        catch (err) {
            if (!(err instanceof ExpressionSyntaxError))
                throw err;
            const m = /secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/i.exec(expr.text);
            paths = m ? [{ path: ['secrets', m[1].toLowerCase()], start: m.index }] : [];
        }
        for (const p of paths) {
            if (p.path[0] !== 'secrets')
                continue;
            const name = p.path[1] && p.path[1] !== '*' && p.path[1] !== '?' ? p.path[1] : '*';
            if (name === 'github_token')
                continue; // the job's own token: its permissions are checked instead
            // Report the name as written (GitHub matches secret names case-insensitively).
            const written = /secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/i.exec(expr.text.slice(p.start))?.[1] ?? name;
            out.push({
                name: name === '*' ? '*' : written,
                node,
                offset: valueOffset(text, node, expr.innerStart + p.start),
            });
        }
    }
    return out;
}
/** Is this secret only an agent's own model credential (an agent step's credential input or env)? */
function isModelCredential(use, agents) {
    const key = use.key ?? '';
    if (use.kind === 'with')
        return agents.some((a) => a.step === use.step && a.credentialInputs.includes(key.toLowerCase()));
    if (use.kind === 'env')
        return agents.some((a) => a.credentialEnv.some((k) => k.toUpperCase() === key.toUpperCase()));
    return false;
}
/** The job's own `if:`, or a job it needs that is gated (skipped jobs skip their dependants). */
function jobGate(model, job, memo = new Map()) {
    const cached = memo.get(job.id);
    if (cached)
        return cached;
    memo.set(job.id, { gated: false, anyBot: [] }); // cycles
    const own = conditionOf(job.if, untrustedEvents(model));
    let facts = {
        gated: own.analysis.gated,
        anyBot: own.anyBot,
        ...(own.analysis.misleading ? { misleading: own.analysis.misleading } : {}),
    };
    if (own.analysis.gated)
        facts.how = `job if: ${own.analysis.checks[0] ?? 'condition'}`;
    if (!facts.gated && !/\b(?:always|failure|cancelled)\s*\(/.test(job.if?.text ?? '')) {
        for (const need of job.needs) {
            const other = model.jobs.find((j) => j.id === need);
            if (other && jobGate(model, other, memo).gated) {
                facts = { ...facts, gated: true, how: `needs '${need}', which is gated` };
                break;
            }
        }
    }
    memo.set(job.id, facts);
    return facts;
}
/** The workflow's triggers that outsiders can cause (gate.ts UNTRUSTED_EVENTS). */
function untrustedEvents(model) {
    return [...model.events].filter((t) => UNTRUSTED_EVENTS.includes(t));
}
/** An `if:` judged for the untrusted `events` it runs on (see analyseCondition). */
function conditionOf(entry, events = []) {
    if (!entry?.value || entry.text === undefined)
        return { analysis: { gated: false, checks: [], anyBot: [] }, anyBot: [] };
    const analysis = analyseCondition(entry.text, events);
    const node = entry.value;
    return { analysis, anyBot: analysis.anyBot.map((a) => ({ node, start: a.start, text: a.text })) };
}

;// CONCATENATED MODULE: ./packages/scanner/agents/run.ts

/** Programs that print a file they are given (`$(cat issue.txt)`, `jq -r .body issue.json |`). */
const READERS = new Set(['cat', 'head', 'tail', 'jq', 'yq', 'sed', 'awk', 'tr', 'cut', 'base64', 'envsubst']);
/**
 * Programs that run the command after their options, with the options that take a value as a
 * separate word (`sudo -u runner claude …`, `env -u VAR claude …`, `xargs -I{} -n 1 claude …`).
 */
const WRAPPERS = {
    sudo: [
        '-u',
        '-g',
        '-C',
        '-D',
        '-h',
        '-p',
        '-r',
        '-t',
        '-U',
        '-T',
        '--user',
        '--group',
        '--chdir',
        '--prompt',
    ],
    doas: ['-u', '-C'],
    env: ['-u', '--unset', '-C', '--chdir'],
    nohup: [],
    exec: ['-a'],
    command: [],
    builtin: [],
    time: ['-f', '--format', '-o', '--output'],
    stdbuf: ['-i', '-o', '-e'],
    nice: ['-n', '--adjustment'],
    ionice: ['-c', '-n', '-p'],
    setsid: [],
    unbuffer: [],
    chronic: [],
    caffeinate: [],
    'xvfb-run': ['-n', '-s', '-e', '-f', '-p', '-w', '--server-num', '--server-args', '--error-file'],
    xargs: [
        '-I',
        '-n',
        '-P',
        '-d',
        '-E',
        '-L',
        '-s',
        '-a',
        '--max-args',
        '--max-procs',
        '--delimiter',
        '--arg-file',
    ],
    timeout: ['-s', '-k', '--signal', '--kill-after'],
    flock: ['-w', '-E', '--timeout', '--conflict-exit-code'],
};
/** Wrappers with positional words before the command: `timeout 10m cmd`, `flock /tmp/l cmd`. */
const WRAPPER_POSITIONALS = { timeout: 1, flock: 1 };
const RUNNERS = { npx: 1, bunx: 1, pnpx: 1, uvx: 1 };
/** Shells whose `-c` string is a script (`bash -lc '…'`); `su`/`runuser` take `-c`/`--command`. */
const C_SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh']);
const MAX_NESTING = 3;
/**
 * Every command of a script that runs an agent from the catalog, including inside strings that a
 * shell runs (`bash -c "claude -p …"`, `eval`, `env -S`) when `source` (the script text) is given.
 */
function findAgentCommands(script, catalog, source) {
    const out = [];
    let pipelines = 1_000_000;
    const visit = (s, depth, nested) => {
        for (const command of allCommands(s)) {
            const found = matchCommand(command, catalog);
            if (found) {
                out.push(nested ? { ...found, nested } : found);
                continue;
            }
            if (source === undefined || depth >= MAX_NESTING)
                continue;
            for (const word of commandStrings(command)) {
                const inner = parseNested(word, source, pipelines);
                pipelines += 100_000;
                visit(inner, depth + 1, {
                    words: [...(nested?.words ?? []), word],
                    scripts: [...(nested?.scripts ?? []), inner],
                });
            }
        }
    };
    visit(script, 0);
    return out;
}
/** The index of the program after any wrappers (`sudo -E`, `timeout 10m`, `env A=1`, `xargs -0`). */
function skipWrappers(words) {
    let i = 0;
    for (let guard = 0; guard < 8 && i < words.length; guard++) {
        const w = basename(words[i].text);
        const valued = WRAPPERS[w];
        if (!valued)
            break;
        i++;
        while (i < words.length) {
            const t = words[i].text;
            if (t === '--') {
                i++;
                break;
            }
            if (valued.includes(t))
                i += 2;
            else if (t.startsWith('-') || (w === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)))
                i++;
            else
                break;
        }
        i += WRAPPER_POSITIONALS[w] ?? 0;
    }
    return i;
}
/** Strings a command runs as shell code: `bash -c STR`, `su -c STR`, `eval STR…`, `env -S STR`. */
function commandStrings(command) {
    const words = command.words;
    // `env -S 'claude -p …'` (checked before the wrappers are skipped: -S is env's own).
    if (basename(words[0]?.text ?? '') === 'env') {
        const k = words.findIndex((w) => w.text === '-S' || w.text === '--split-string');
        if (k !== -1 && words[k + 1])
            return [words[k + 1]];
    }
    const i = skipWrappers(words);
    const program = basename(words[i]?.text ?? '');
    if (program === 'eval')
        return words.slice(i + 1);
    if (program === 'su' || program === 'runuser') {
        const k = words.findIndex((w, n) => n > i && (w.text === '-c' || w.text === '--command'));
        return k !== -1 && words[k + 1] ? [words[k + 1]] : [];
    }
    if (!C_SHELLS.has(program))
        return [];
    let dashC = false;
    for (let k = i + 1; k < words.length; k++) {
        const t = words[k].text;
        if (/^[-+][oO]$/.test(t)) {
            k++; // `-o pipefail`
            continue;
        }
        if (/^-[A-Za-z]+$/.test(t)) {
            if (t.includes('c'))
                dashC = true;
            continue;
        }
        return dashC ? [words[k]] : [];
    }
    return [];
}
function matchCommand(command, catalog) {
    const words = command.words;
    const i = skipWrappers(words);
    const program = words[i];
    if (!program)
        return undefined;
    const name = basename(program.text);
    let viaPackage;
    let next = i + 1;
    const runner = RUNNERS[name] !== undefined ||
        ((name === 'pnpm' || name === 'yarn') && words[i + 1]?.text === 'dlx') ||
        (name === 'pipx' && words[i + 1]?.text === 'run') ||
        (name === 'npm' && words[i + 1]?.text === 'exec');
    if (runner) {
        next = RUNNERS[name] !== undefined ? i + 1 : i + 2;
        while (next < words.length && words[next].text.startsWith('-')) {
            // `npx -p pkg cmd` names the package with -p/--package.
            if (words[next].text === '-p' || words[next].text === '--package')
                next++;
            next++;
        }
        if (words[next]?.text === '--')
            next++;
        viaPackage = words[next]?.text;
        next++;
    }
    for (const entry of catalog) {
        for (const spec of entry.commands) {
            if (viaPackage !== undefined ? !packageMatches(viaPackage, spec) : name !== spec.program)
                continue;
            const args = words.slice(next);
            if (!invocationMatches(args, spec))
                continue;
            return { entry, command, argsFrom: next };
        }
    }
    return undefined;
}
function packageMatches(pkg, spec) {
    // `@scope/name@1.2.3`, `name@latest`: drop a version after the last `@` (not a scope's).
    const at = pkg.lastIndexOf('@');
    const bare = at > 0 && !pkg.slice(at).includes('/') ? pkg.slice(0, at) : pkg;
    return spec.packages.includes(bare) || bare === spec.program;
}
function invocationMatches(args, spec) {
    if (spec.subcommand.length > 0) {
        // The first word that is neither an option nor an option's value (`codex -a never exec`).
        let found = false;
        for (let k = 0; k < args.length && !found; k++) {
            const t = args[k].text;
            if (spec.subcommand.includes(t))
                found = true;
            else if (t.startsWith('-'))
                continue;
            else if (!(k > 0 && /^-[^=]*$/.test(args[k - 1].text)))
                break;
        }
        if (!found)
            return false;
    }
    if (spec.whenFlags.length > 0) {
        return spec.whenFlags.some((f) => flagValues(args, f).present);
    }
    return true;
}
const MAX_VAR_DEPTH = 8;
/**
 * The untrusted values that become part of an agent command's prompt: in its arguments,
 * here-documents and here-strings, and in the commands feeding it through a pipe. A variable is
 * followed to its last assignment before the use (or to the environment). The event payload
 * read from `$GITHUB_EVENT_PATH` or fetched with `gh issue view`/`gh pr view`/`gh api` inside a
 * substitution or a feeding command is untrusted; the path or a variable's name given as plain
 * text is not (the agent reads it as data with a tool, the vendors' recommended pattern).
 */
function promptFlows(script, agent, env) {
    const commands = [...allCommands(script), ...(agent.nested?.scripts.flatMap(allCommands) ?? [])].sort((a, b) => a.start - b.start);
    const out = [];
    const cmd = agent.command;
    const spans = [];
    const args = cmd.words.slice(agent.argsFrom);
    // `bash -c "claude -p '$TITLE'"`: the outer shell expands the string before the inner runs it.
    for (const w of [...args, ...(agent.nested?.words ?? [])]) {
        spans.push(w);
        for (const v of w.vars)
            out.push(...resolve(v.name, v.start, commands, env, 0).map((flow) => ({ flow, offset: v.start })));
        for (const s of w.substitutions)
            out.push(...substitutionFlows(s, commands, env, 0));
    }
    for (const h of cmd.heredocs) {
        spans.push(h);
        out.push(...heredocFlows(h, commands, env));
    }
    // `claude -p < prompt.txt`, `aider --message-file prompt.txt`: a file an earlier step filled.
    if (env.file) {
        for (const r of cmd.redirects)
            if (r.op === '<' && r.target)
                out.push(...env.file(normalise(r.target.text)).map((flow) => ({ flow, offset: r.target.start })));
        args.forEach((w, k) => {
            if (k > 0 && /^--?[\w-]*file$/i.test(args[k - 1].text))
                out.push(...env.file(normalise(w.text)).map((flow) => ({ flow, offset: w.start })));
        });
    }
    // Commands piping into the agent (`echo "$BODY" | claude -p`, `gh issue view | codex exec -`).
    for (const feeder of commands.filter((c) => c.pipeline === cmd.pipeline && c.pipeIndex < cmd.pipeIndex)) {
        spans.push(feeder);
        out.push(...commandFlows(feeder, commands, env, 0));
    }
    for (const e of env.expressions) {
        if (spans.some((s) => e.start >= s.start && e.start < s.end)) {
            out.push(...e.sources.map((flow) => ({ flow, offset: e.start })));
        }
    }
    return run_dedupe(out);
}
function heredocFlows(h, commands, env) {
    const out = [];
    for (const v of h.vars)
        out.push(...resolve(v.name, v.start, commands, env, 0).map((flow) => ({ flow, offset: v.start })));
    for (const s of h.substitutions)
        out.push(...substitutionFlows(s, commands, env, 0));
    return out;
}
/** A command whose output is inlined (substitution, pipe): payload reads and its own expansions. */
function commandFlows(c, commands, env, depth) {
    const out = [];
    const fetch = untrustedFetch(c);
    if (fetch)
        out.push({ flow: fetch, offset: c.start });
    if (env.file) {
        const read = READERS.has(basename(c.words[0]?.text ?? ''))
            ? c.words.slice(1).filter((w) => !w.text.startsWith('-'))
            : [];
        const redirected = c.redirects.filter((r) => r.op === '<' && r.target).map((r) => r.target);
        for (const w of [...read, ...redirected])
            out.push(...env.file(normalise(w.text)).map((flow) => ({ flow, offset: w.start })));
    }
    for (const w of c.words) {
        for (const v of w.vars) {
            if (v.name === 'GITHUB_EVENT_PATH')
                continue; // reported as a fetch above
            out.push(...resolve(v.name, v.start, commands, env, depth).map((flow) => ({ flow, offset: v.start })));
        }
        for (const s of w.substitutions)
            out.push(...substitutionFlows(s, commands, env, depth));
    }
    for (const h of c.heredocs)
        out.push(...heredocFlows(h, commands, env));
    return out;
}
/** The untrusted text a command prints or writes: what it reads, fetches and expands. */
function commandInputs(c, commands, env) {
    return commandFlows(c, commands, env, 0).map((p) => p.flow);
}
function substitutionFlows(s, commands, env, depth) {
    if (depth > MAX_VAR_DEPTH)
        return [];
    return s.commands.flatMap((c) => commandFlows(c, commands, env, depth + 1));
}
/** Reading the event payload or an issue/PR through the GitHub CLI. */
function untrustedFetch(c) {
    const words = c.words.map((w) => w.text);
    const program = basename(words[0] ?? '');
    if (c.words.some((w) => w.vars.some((v) => v.name === 'GITHUB_EVENT_PATH')) ||
        c.redirects.some((r) => r.target?.vars.some((v) => v.name === 'GITHUB_EVENT_PATH'))) {
        return { context: 'github.event', capability: 'arbitrary', via: ['$GITHUB_EVENT_PATH', 'github.event'] };
    }
    if (program === 'gh' &&
        (((words[1] === 'issue' || words[1] === 'pr') && ['view', 'diff', 'list'].includes(words[2] ?? '')) ||
            words[1] === 'api')) {
        const what = words.slice(0, 3).join(' ');
        return { context: what, capability: 'arbitrary', via: [what] };
    }
    return undefined;
}
function resolve(name, at, commands, env, depth) {
    if (depth > MAX_VAR_DEPTH)
        return [];
    let last;
    for (const c of commands) {
        if (c.start > at)
            break;
        for (const a of c.assignments)
            if (a.name === name && a.value.start < at)
                last = a.value;
    }
    if (!last)
        return env.variable(name);
    const flows = [];
    for (const v of last.vars) {
        if (v.name === 'GITHUB_EVENT_PATH')
            continue;
        flows.push(...resolve(v.name, v.start, commands, env, depth + 1).map((f) => ({
            ...f,
            via: [`$${name}`, ...f.via],
        })));
    }
    for (const s of last.substitutions) {
        flows.push(...substitutionFlows(s, commands, env, depth + 1).map((p) => ({
            ...p.flow,
            via: [`$${name}`, ...p.flow.via],
        })));
    }
    for (const e of env.expressions) {
        if (e.start >= last.start && e.start < last.end)
            flows.push(...e.sources.map((f) => ({ ...f, via: [`$${name}`, ...f.via] })));
    }
    return flows;
}
function run_dedupe(flows) {
    const seen = new Set();
    return flows.filter((f) => {
        const key = `${f.offset}:${f.flow.via.join('>')}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Interpreters that run a script read from stdin (`| python3`) or a file (`python3 fix.py`). */
const SHELLS = new Set([...C_SHELLS, 'python', 'python3', 'node', 'pwsh', 'perl', 'ruby']);
/** Programs that run a file they are given (`bash fix.sh`, `. ./env.sh`, `deno run x.ts`). */
const RUNS_FILE = new Set([...SHELLS, 'source', '.', 'deno', 'bun']);
const ENV_FILE = /\$\{?GITHUB_(?:ENV|PATH)\}?/;
/** The agent command's answer: files, variables, and sinks in the rest of this script. */
function agentOutputs(script, agent, fileFlags, text) {
    const commands = allCommands(script);
    const cmd = agent.command;
    const files = new Set();
    const vars = new Set();
    const sinks = [];
    for (const r of cmd.redirects) {
        if (!r.target || !/^>/.test(r.op))
            continue;
        if (ENV_FILE.test(text.slice(r.target.start, r.target.end))) {
            sinks.push({
                offset: r.target.start,
                what: `is written to ${r.target.text} (environment variables for every later step)`,
            });
        }
        else if (!/^\/dev\//.test(r.target.text))
            files.add(normalise(r.target.text));
    }
    for (const flag of fileFlags)
        for (const v of flagValues(cmd.words.slice(agent.argsFrom), flag).values)
            files.add(normalise(v.text));
    for (const next of commands.filter((c) => c.pipeline === cmd.pipeline && c.pipeIndex > cmd.pipeIndex)) {
        const program = basename(next.words[0]?.text ?? '');
        if (program === 'tee') {
            for (const w of next.words.slice(1)) {
                if (w.text.startsWith('-'))
                    continue;
                if (ENV_FILE.test(text.slice(w.start, w.end)))
                    sinks.push({
                        offset: w.start,
                        what: `is written to ${w.text} by \`tee\` (environment variables for every later step)`,
                    });
                else
                    files.add(normalise(w.text));
            }
        }
        if (SHELLS.has(program) || program === 'eval' || program === 'xargs') {
            sinks.push({ offset: next.start, what: `is piped into \`${program}\`, which runs it` });
        }
        for (const r of next.redirects) {
            if (r.target && ENV_FILE.test(text.slice(r.target.start, r.target.end))) {
                sinks.push({
                    offset: r.target.start,
                    what: `is written to ${r.target.text} (environment variables for every later step)`,
                });
            }
        }
    }
    for (const c of commands) {
        for (const a of c.assignments)
            if (containsCommand(a.value, cmd))
                vars.add(a.name);
    }
    for (const c of commands.filter((c) => c.start > cmd.end))
        sinks.push(...varSinks(c, vars, text));
    sinks.push(...fileSinks(commands.filter((c) => c.start > cmd.end), files, text));
    return { files, vars, sinks };
}
/**
 * Where a later script runs or exports an answer it receives in environment variables
 * (`env: { PLAN: ${{ steps.ai.outputs.x }} }` then `eval "$PLAN"`): `vars` are those names,
 * followed through assignments (`X="$PLAN"`), pipes into a shell, and files the script writes
 * from them (`echo "$PLAN" > fix.sh; bash fix.sh`).
 */
function envSinks(script, vars, text) {
    const held = new Set(vars);
    const files = new Set();
    const sinks = [];
    const commands = allCommands(script);
    for (const c of commands) {
        sinks.push(...varSinks(c, held, text), ...fileSinks([c], files, text));
        const reads = c.words.some((w) => usesVar(w, held)) || c.heredocs.some((h) => h.vars.some((v) => held.has(v.name)));
        if (reads) {
            for (const next of commands.filter((n) => n.pipeline === c.pipeline && n.pipeIndex > c.pipeIndex)) {
                const program = basename(next.words[0]?.text ?? '');
                if (SHELLS.has(program) || program === 'eval' || program === 'xargs')
                    sinks.push({ offset: next.start, what: `is piped into \`${program}\`, which runs it` });
            }
            for (const r of c.redirects)
                if (r.target && /^>/.test(r.op) && !ENV_FILE.test(text.slice(r.target.start, r.target.end)))
                    files.add(normalise(r.target.text));
        }
        for (const a of c.assignments)
            if (usesVar(a.value, held))
                held.add(a.name);
    }
    return sinks;
}
function containsCommand(word, cmd) {
    return word.substitutions.some((s) => allCommands(s).includes(cmd));
}
function usesVar(w, vars) {
    return w.vars.some((v) => vars.has(v.name));
}
/** A command that runs or exports text held in one of `vars`. */
function varSinks(c, vars, text) {
    if (vars.size === 0)
        return [];
    const words = c.words;
    const program = basename(words[0]?.text ?? '');
    const out = [];
    if (words[0] && usesVar(words[0], vars))
        out.push({ offset: words[0].start, what: 'runs as a command' });
    else if (program === 'eval' && words.slice(1).some((w) => usesVar(w, vars)))
        out.push({ offset: c.start, what: 'is run by `eval`' });
    else if (SHELLS.has(program)) {
        const dashC = words.findIndex((w) => w.text === '-c' || w.text === '-e');
        if (dashC !== -1 && words[dashC + 1] && usesVar(words[dashC + 1], vars)) {
            out.push({ offset: c.start, what: `is run by \`${program} ${words[dashC].text}\`` });
        }
    }
    const exported = c.redirects.some((r) => r.target && ENV_FILE.test(text.slice(r.target.start, r.target.end)));
    if (exported &&
        (words.some((w) => usesVar(w, vars)) || c.heredocs.some((h) => h.vars.some((v) => vars.has(v.name))))) {
        out.push({
            offset: c.start,
            what: 'is written to $GITHUB_ENV/$GITHUB_PATH (environment variables for every later step)',
        });
    }
    return out;
}
/** A command that runs one of `files` or copies it into `$GITHUB_ENV`. */
function fileSinks(commands, files, text) {
    if (files.size === 0)
        return [];
    const out = [];
    const isFile = (w) => !!w && files.has(normalise(w.text));
    for (const c of commands) {
        const words = c.words;
        const program = basename(words[0]?.text ?? '');
        if (isFile(words[0])) {
            out.push({
                offset: words[0].start,
                what: `\`${words[0].text}\` runs it as a program`,
                file: normalise(words[0].text),
            });
        }
        else if (RUNS_FILE.has(program)) {
            const target = words.slice(1).find((w) => !w.text.startsWith('-'));
            if (isFile(target))
                out.push({
                    offset: c.start,
                    what: `\`${program} ${target.text}\` runs it`,
                    file: normalise(target.text),
                });
        }
        const inlined = words.flatMap((w) => w.substitutions).flatMap((s) => allCommands(s));
        const read = inlined
            .flatMap((s) => [
            ...(basename(s.words[0]?.text ?? '') === 'cat' ? s.words.slice(1) : []),
            ...(s.words.length === 0
                ? s.redirects.filter((r) => r.op === '<').flatMap((r) => (r.target ? [r.target] : []))
                : []),
        ])
            .find(isFile);
        if (read && (program === 'eval' || SHELLS.has(program) || words[0]?.substitutions.length)) {
            out.push({ offset: c.start, what: `\`${program}\` runs its content`, file: normalise(read.text) });
        }
        const exported = c.redirects.some((r) => r.target && ENV_FILE.test(text.slice(r.target.start, r.target.end)));
        const copied = program === 'cat' ? words.slice(1).find(isFile) : undefined;
        if (exported && copied) {
            out.push({
                offset: c.start,
                what: 'is copied into $GITHUB_ENV/$GITHUB_PATH (environment variables for every later step)',
                file: normalise(copied.text),
            });
        }
    }
    return out;
}
function normalise(file) {
    return file.replace(/^\.\//, '').replace(/^["']|["']$/g, '');
}

/**
 * The untrusted text a script writes to `$GITHUB_ENV` (`echo "PROMPT=$TITLE" >> "$GITHUB_ENV"`,
 * here-documents, `| tee -a "$GITHUB_ENV"`) or to files (`printf '%s' "$BODY" > prompt.txt`,
 * `gh issue view 1 --json body > issue.json`), so a later step that reads them into an agent's
 * prompt is followed. `into` collects across the steps of a job.
 */
function scriptWrites(script, text, env, into) {
    const commands = allCommands(script);
    for (const c of commands) {
        const targets = c.redirects.filter((r) => r.target && /^>/.test(r.op)).map((r) => r.target);
        const tee = basename(c.words[0]?.text ?? '') === 'tee';
        if (tee)
            targets.push(...c.words.slice(1).filter((w) => !w.text.startsWith('-')));
        if (targets.length === 0)
            continue;
        const sources = tee
            ? commands.filter((f) => f.pipeline === c.pipeline && f.pipeIndex < c.pipeIndex)
            : [c];
        const flows = sources.flatMap((src) => [
            ...commandInputs(src, commands, env),
            ...env.expressions.filter((e) => e.start >= src.start && e.start < src.end).flatMap((e) => e.sources),
        ]);
        if (flows.length === 0)
            continue;
        for (const t of targets) {
            if (/\$\{?GITHUB_ENV\}?/.test(text.slice(t.start, t.end))) {
                for (const name of exportedNames(sources, text))
                    into.env.set(name, flows.map((f) => ({ ...f, via: [`$${name}`, '$GITHUB_ENV', ...f.via] })));
            }
            else if (!/^\/dev\//.test(t.text) && !ENV_FILE.test(text.slice(t.start, t.end))) {
                into.files.set(normalise(t.text), flows.map((f) => ({ ...f, via: [t.text, ...f.via] })));
            }
        }
    }
}
/** `NAME=…` and `NAME<<EOF` lines written by these commands (their words and here-documents). */
function exportedNames(commands, text) {
    const names = new Set();
    for (const c of commands) {
        const lines = [
            ...c.words.slice(1).map((w) => w.text),
            ...c.heredocs.flatMap((h) => text.slice(h.start, h.end).split('\n')),
        ];
        for (const line of lines) {
            const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:=|<<)/.exec(line);
            if (m)
                names.add(m[1]);
        }
    }
    return [...names];
}

;// CONCATENATED MODULE: ./packages/scanner/agents/github.ts
/**
 * Agents in GitHub workflows and composite actions: discovery (catalog actions, CLI commands in
 * `run:`, local composite actions that wrap an agent, hosted agents such as Copilot's setup job),
 * binding to the registry, and the `agent/*` audits (docs/scan.md). Built on the workflow model
 * (../workflow/model.ts) and taint engine (../workflow/taint.ts).
 */













const CREDENTIALS_ACTION = 'astl/agent-credentials';
const GATE_FIELDS = [
    ['issue_comment', 'github.event.comment.author_association'],
    ['pull_request_review_comment', 'github.event.comment.author_association'],
    ['discussion_comment', 'github.event.comment.author_association'],
    ['pull_request_review', 'github.event.review.author_association'],
    ['issues', 'github.event.issue.author_association'],
    ['pull_request_target', 'github.event.pull_request.author_association'],
    ['discussion', 'github.event.discussion.author_association'],
];
/** Discovers and audits the agents of a workflow or composite action. */
function auditDefinition(model, ctx, options) {
    if (model.kind === 'workflow')
        auditWorkflow(model, ctx, options);
    else
        auditAction(model, ctx, options);
}
// ---------------------------------------------------------------------------------------------
// Discovery
function discoverSteps(steps, ctx, options, depth = 0) {
    const out = [];
    for (const step of steps) {
        const uses = step.uses;
        if (uses?.kind === 'repository') {
            const entry = entryForUses(options.catalog, uses.owner, uses.repo, uses.path);
            if (entry) {
                out.push({
                    entry,
                    how: 'action',
                    step,
                    configStep: step,
                    promptInputs: entry.promptInputs,
                    credentialInputs: entry.credentialInputs,
                    offset: uses.node.range?.[0] ?? 0,
                    label: uses.raw,
                });
            }
        }
        else if (uses?.kind === 'local' && depth === 0) {
            out.push(...innerInvocations(localCompositeAgents(uses.raw, options), 'composite action', step, uses));
        }
        if (step.run?.value && step.run.text !== undefined) {
            const text = step.run.text;
            const script = parseShell(text);
            for (const agent of findAgentCommands(script, options.catalog, text)) {
                const words = agent.command.words;
                const shown = words
                    .slice(0, Math.min(words.length, agent.argsFrom + 2))
                    .map((w) => w.text)
                    .join(' ');
                out.push({
                    entry: agent.entry,
                    how: 'command',
                    step,
                    promptInputs: [],
                    credentialInputs: [],
                    offset: valueOffset(ctx.text, step.run.value, agent.command.words[0]?.start ?? 0),
                    label: shown.length > 60
                        ? `${shown.slice(0, 59)}…`
                        : `${shown}${words.length > agent.argsFrom + 2 ? ' …' : ''}`,
                    command: { script, agent, text, node: step.run.value },
                });
            }
        }
    }
    return out;
}
/** The `with:` inputs of the caller that a text reads (`${{ inputs.question }}`). */
function outerInputs(texts) {
    const names = new Set();
    for (const text of texts)
        for (const m of (text ?? '').matchAll(/inputs\s*\.\s*([A-Za-z_][\w-]*)/gi))
            names.add(m[1].toLowerCase());
    return [...names];
}
/** The catalog agents that `steps` run: actions by `uses:`, CLIs in `run:`. */
function innerAgents(steps, options) {
    const out = [];
    for (const step of steps) {
        if (step.uses?.kind === 'repository') {
            const entry = entryForUses(options.catalog, step.uses.owner, step.uses.repo, step.uses.path);
            if (!entry)
                continue;
            const read = (inputs) => outerInputs(inputs.map((i) => withInput(step, i)?.text));
            out.push({
                entry,
                step,
                promptInputs: read(entry.promptInputs),
                credentialInputs: read(entry.credentialInputs),
            });
        }
        else if (step.run?.text !== undefined) {
            const text = step.run.text;
            for (const agent of findAgentCommands(parseShell(text), options.catalog, text)) {
                const args = agent.command.words.slice(agent.argsFrom);
                const tools = agent.entry.unrestricted
                    .filter((c) => c.flag && !c.input)
                    .map((c) => matchFlag(c, args)?.what)
                    .filter((x) => !!x);
                out.push({
                    entry: agent.entry,
                    step,
                    // Fail closed: any caller input the step reads may reach the prompt.
                    promptInputs: outerInputs([text, ...step.env.map((e) => e.text)]),
                    credentialInputs: [],
                    tools,
                });
            }
        }
    }
    return out;
}
/** A local composite action (`uses: ./path`) whose steps run catalog agents. */
function localCompositeAgents(raw, options) {
    const dir = raw.replace(/^\.\/?/, '').replace(/\/+$/, '');
    for (const name of ['action.yml', 'action.yaml']) {
        const text = options.readText(dir ? `${dir}/${name}` : name);
        if (text === undefined)
            continue;
        try {
            const root = parseResolved(text)[0]?.root;
            if (!isActionShape(root))
                return [];
            return innerAgents(readAction(root).steps, options);
        }
        catch {
            return [];
        }
    }
    return [];
}
/** The agents a local reusable workflow (`jobs.<id>.uses: ./.github/workflows/x.yml`) runs. */
function reusableWorkflowAgents(raw, options) {
    const file = raw.replace(/^\.\//, '').replace(/@.*$/, '');
    const text = options.readText(file);
    if (text === undefined)
        return [];
    try {
        const root = parseResolved(text)[0]?.root;
        if (!(0,dist/* isMap */.jh)(root))
            return [];
        const model = readWorkflow(root);
        return model.jobs.flatMap((job) => innerAgents(job.steps, options).map((a) => ({ ...a, callee: { model, text, job } })));
    }
    catch {
        return [];
    }
}
/** One invocation per agent inside a local composite action or reusable workflow. */
function innerInvocations(inner, how, step, uses) {
    return inner.map((a) => ({
        entry: a.entry,
        how,
        step,
        ...(a.callee ? { callee: a.callee } : {}),
        ...(a.tools ? { innerTools: a.tools } : { configStep: a.step }),
        promptInputs: a.promptInputs,
        credentialInputs: a.credentialInputs,
        offset: uses.node.range?.[0] ?? 0,
        label: `${uses.raw} (runs ${a.entry.name})`,
    }));
}
// ---------------------------------------------------------------------------------------------
// Workflows
function auditWorkflow(model, ctx, options) {
    const gateMemo = new Map();
    const jobAgents = new Map();
    for (const job of model.jobs) {
        const invocations = discoverSteps(job.steps, ctx, options);
        if (job.uses?.kind === 'local') {
            // The called workflow runs with this job's triggers, token and secrets; `with:` is its input.
            const call = { index: 0, node: job.node, uses: job.uses, with: job.with, env: [], job };
            invocations.push(...innerInvocations(reusableWorkflowAgents(job.uses.raw, options), 'reusable workflow', call, job.uses));
        }
        const hosted = options.catalog.find((e) => e.hostedJob && e.hostedJob === job.id);
        if (hosted) {
            invocations.unshift({
                entry: hosted,
                how: 'hosted',
                promptInputs: [],
                credentialInputs: [],
                offset: job.keyNode.range?.[0] ?? 0,
                label: `job \`${job.id}\` (${hosted.name} environment)`,
            });
        }
        const binding = bindJob(job, options);
        if (invocations.length === 0) {
            if (binding.resolved?.entry) {
                options.credentialJobs.push({
                    agent: binding.resolved.entry.name,
                    file: ctx.file,
                    job: job.id,
                    line: lineAt(ctx, job.keyNode.range?.[0] ?? 0),
                });
            }
            continue;
        }
        jobAgents.set(job.id, invocations);
        auditJob(model, job, invocations, binding, jobGate(model, job, gateMemo), ctx, options);
    }
    checkModelOutputs(model, jobAgents, ctx);
}
/** The registered agent a job runs as: its credentials step, else ASTL_AGENT on a step or the job. */
function bindJob(job, options, agentStep) {
    const credentials = job.steps.find((s) => (s.uses?.kind === 'repository' &&
        `${s.uses.owner}/${s.uses.repo}`.toLowerCase() === CREDENTIALS_ACTION &&
        !s.uses.path) ||
        // `uses: ./` is this action only in this repository: require its inputs to say so.
        (s.uses?.kind === 'local' &&
            /^\.\/?$/.test(s.uses.raw.trim()) &&
            (withInput(s, 'agent') !== undefined || withInput(s, 'agent-type') !== undefined)));
    if (credentials) {
        const agent = withInput(credentials, 'agent');
        const type = withInput(credentials, 'agent-type');
        const config = withInput(credentials, 'config')?.text?.trim() || options.registry;
        const policies = withInput(credentials, 'policies')?.text?.trim() || options.policies;
        const where = agent?.value ?? type?.value ?? credentials.uses.node;
        const selector = [agent?.text && `agent: ${agent.text}`, type?.text && `agent-type: ${type.text}`]
            .filter(Boolean)
            .join(', ');
        return resolveBinding('credentials step', { agent: agent?.text, agentType: type?.text }, selector || '(no agent input)', where, config, policies, options, credentials);
    }
    // ASTL_AGENT on the agent step, else on the job.
    for (const entries of [agentStep?.env ?? [], job.env]) {
        const marker = entries.find((e) => e.key === 'ASTL_AGENT');
        if (marker?.value) {
            const type = entries.find((e) => e.key === 'ASTL_AGENT_TYPE');
            return resolveBinding('ASTL_AGENT', { agent: marker.text, agentType: type?.text }, `ASTL_AGENT: ${marker.text ?? ''}`, marker.value, options.registry, options.policies, options);
        }
    }
    return { binding: { kind: 'none' } };
}
function resolveBinding(kind, selector, shown, node, registry, policies, options, credentialsStep) {
    const binding = { kind, selector: shown, registry };
    const base = { node, ...(credentialsStep ? { credentialsStep } : {}) };
    const values = [selector.agent, selector.agentType, registry, policies].filter((v) => !!v);
    if (values.some((v) => v.includes('${{'))) {
        binding.problem =
            // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
            'the binding is computed at run time (a `${{ }}` expression), so the scanner cannot check it';
        return { ...base, binding };
    }
    if (!selector.agent?.trim() && !selector.agentType?.trim()) {
        binding.problem = 'it names no agent (set the `agent` input)';
        return { ...base, binding };
    }
    const resolved = options.store.resolve({
        ...(selector.agent?.trim() ? { agent: selector.agent.trim() } : {}),
        ...(selector.agentType?.trim() ? { agentType: selector.agentType.trim() } : {}),
    }, registry, policies);
    if (resolved.entry)
        binding.agent = resolved.entry.name;
    if (resolved.problem)
        binding.problem = resolved.problem;
    if (resolved.unreadable)
        binding.registryUnreadable = true;
    return { ...base, binding, resolved };
}
function auditJob(model, job, invocations, defaultBinding, gate, ctx, options) {
    // A reusable workflow's job runs with its own `permissions:` (at most the caller's) and the
    // secrets it reads (`secrets: inherit` only makes them available).
    const callees = unique(invocations.flatMap((i) => (i.callee ? [i.callee] : [])));
    const token = callees.length ? calleeToken(job, callees) : tokenFacts(job);
    const secrets = callees.length
        ? callees.flatMap((c) => secretsOfJob(c.text, c.model, c.job))
        : secretsOfJob(ctx.text, model, job);
    const slots = invocations.map((i) => i.callee
        ? {
            ...(i.configStep ? { step: i.configStep } : {}),
            credentialInputs: i.entry.credentialInputs,
            credentialEnv: i.entry.credentialEnv,
        }
        : {
            ...(i.step ? { step: i.step } : {}),
            credentialInputs: i.credentialInputs,
            credentialEnv: i.entry.credentialEnv,
        });
    const isModel = (s) => isModelCredential(s, slots);
    const extraSecrets = secrets.filter((s) => !isModel(s));
    const modelSecrets = secrets.filter((s) => isModel(s));
    const triggers = [...model.events];
    const untrusted = triggers.filter((t) => UNTRUSTED_EVENTS.includes(t));
    const ownIdToken = invocations.some((i) => i.entry.usesIdToken);
    const writes = token.grants.filter((g) => g.level === 'write' && !(g.scope === 'id-token' && ownIdToken));
    const privilegeReasons = [
        ...(token.unknown ? [`its token is ${token.summary}`] : []),
        ...(writes.length ? [`it can write ${writes.map((w) => `\`${w.scope}\``).join(', ')}`] : []),
        ...(extraSecrets.length
            ? [`it receives ${unique(extraSecrets.map((s) => `\`secrets.${s.name}\``)).join(', ')}`]
            : []),
    ];
    const jobLines = [
        lineAt(ctx, job.keyNode.range?.[0] ?? 0),
        lineAt(ctx, Math.max(job.node.range?.[0] ?? 0, (job.node.range?.[1] ?? 1) - 1)),
    ];
    const ungated = [];
    const misleading = [...(gate.misleading ?? [])];
    let headCheckoutReported = false;
    for (const inv of invocations) {
        const jobBinding = inv.step?.env.some((e) => e.key === 'ASTL_AGENT')
            ? bindJob(job, options, inv.step)
            : defaultBinding;
        const stepGate = conditionOf(inv.step?.if, untrusted);
        // A composite action's settings live in its own file: report them at this file's `uses:`.
        const inner = inv.how === 'composite action' || inv.how === 'reusable workflow';
        const anyUserHits = (inv.configStep ? matchInputConditions(inv.entry.anyUser, inv.configStep) : []).map((hit) => (inner ? { ...hit, what: `${hit.what}, in ${inv.label.split(' ')[0]}`, at: inv.offset } : hit));
        // An actor list computed at run time may be `*`: the action's own check is then unknown.
        const computedActors = inv.configStep
            ? unique(inv.entry.anyUser.map((c) => c.input ?? '')).filter((input) => withInput(inv.configStep, input)?.text?.includes('${{'))
            : [];
        const builtIn = inv.entry.checksWriteAccess && anyUserHits.length === 0 && computedActors.length === 0;
        const gated = gate.gated || stepGate.analysis.gated || builtIn;
        const gateText = gate.gated
            ? gate.how
            : stepGate.analysis.gated
                ? `step if: ${stepGate.analysis.checks[0] ?? 'condition'}`
                : untrusted.length === 0
                    ? 'not needed (no untrusted trigger)'
                    : builtIn
                        ? `${inv.entry.name}'s own write-access check`
                        : computedActors.length
                            ? `unknown (\`${computedActors[0]}\` is computed at run time)`
                            : 'none';
        const tools = toolHits(inv, ctx);
        const record = {
            agent: agentIdentity(inv.entry),
            platform: 'github',
            file: ctx.file,
            ...(model.name ? { workflow: model.name } : {}),
            job: job.id,
            jobLines,
            line: lineAt(ctx, inv.offset),
            how: inv.how,
            invocation: inv.label,
            triggers,
            untrustedTriggers: untrusted,
            gate: gateText,
            permissions: token.summary,
            secrets: unique(extraSecrets.map((s) => s.name)),
            modelCredentials: unique(modelSecrets.map((s) => s.name)),
            tools: tools.length ? `unrestricted (${tools.map((t) => t.what).join('; ')})` : 'restricted',
            binding: jobBinding.binding,
            fingerprints: [],
        };
        inv.record = record;
        options.discovered.push(record);
        const emit = (draft) => {
            ctx.emit(draft);
            record.fingerprints.push(ctx.findings[ctx.findings.length - 1].fingerprint);
        };
        // A reusable workflow's agents are bound (and reported if not) in the called workflow.
        if (inv.how === 'reusable workflow')
            record.binding = { kind: 'none', problem: 'bound in the called workflow' };
        else
            checkBinding(inv, jobBinding, ctx, emit);
        for (const hit of anyUserHits) {
            emit({
                ruleId: 'agent/any-user-allowed',
                fileLevel: true,
                line: 'at' in hit ? lineAt(ctx, hit.at) : hitLine(ctx, hit),
                message: `${inv.entry.name} in job '${job.id}' lets any GitHub user start it (${hit.what}), bypassing its check that the actor has write access, while ${privilegeReasons.join(' and ') || 'it runs with this repository’s model credential'}. List the users by name instead of \`*\`, or remove the input and gate the job: \`if: contains(fromJSON('["OWNER","MEMBER","COLLABORATOR"]'), <event>.author_association)\` (see ${inv.entry.docs}).`,
                about: `${job.id} ${inv.entry.id} any-user ${hit.what}`,
            });
        }
        const anyBot = [
            ...(inv.configStep ? matchInputConditions(inv.entry.anyBot, inv.configStep) : []).map((hit) => inner
                ? { line: lineAt(ctx, inv.offset), what: `${hit.what}, in ${inv.label.split(' ')[0]}` }
                : { line: hitLine(ctx, hit), what: hit.what }),
            ...(untrusted.length
                ? [...gate.anyBot, ...stepGate.anyBot].map((b) => ({
                    line: lineAt(ctx, valueOffset(ctx.text, b.node, b.start)),
                    what: `if: ${b.text}`,
                }))
                : []),
        ];
        for (const bot of anyBot) {
            emit({
                ruleId: 'agent/any-bot-allowed',
                fileLevel: true,
                line: bot.line,
                message: `${inv.entry.name} in job '${job.id}' trusts any bot account (${bot.what}). Anyone can make some bot act on this repository (a GitHub App they installed, a bot that echoes their text), so this admits them. Name the bots you trust (\`github.event.pull_request.user.login == 'dependabot[bot]'\` rather than \`github.actor\`, which a bot becomes when it acts on someone else's behalf; \`allowed_bots: dependabot[bot]\`) and keep the author_association check for everyone else.`,
                about: `${job.id} ${inv.entry.id} any-bot ${bot.what}`,
            });
        }
        // With `*` for any user, agent/any-user-allowed already says anyone can start it.
        if (untrusted.length && !gated && privilegeReasons.length && anyUserHits.length === 0) {
            ungated.push(inv);
            misleading.push(...(stepGate.analysis.misleading ?? []));
            for (const input of computedActors)
                misleading.push(`\`${input}:\` of ${inv.entry.name} is an expression the scanner cannot read, so its own write-access check may be off (\`*\` admits everyone); write the user list literally`);
        }
        if (untrusted.length && !gated) {
            for (const hit of tools) {
                emit({
                    ruleId: 'agent/unrestricted-tools',
                    fileLevel: true,
                    line: lineAt(ctx, hit.offset),
                    message: `${inv.entry.name} in job '${job.id}' runs without tool restrictions (${hit.what}) on \`${untrusted.join('`, `')}\`, which anyone can trigger: text in an issue or comment can make it run any command, read the job's credentials and push. Allow only the tools it needs (${toolAdvice(inv.entry)}), and gate the job on the actor.${hit.unverified ? ' (The setting could not be read, so it is taken as unrestricted.)' : ''}`,
                    about: `${job.id} ${inv.entry.id} unrestricted ${hit.what}`,
                });
            }
        }
        checkPrompt(model, job, inv, privilegeReasons, tools.length > 0, ctx, emit);
        if (!headCheckoutReported)
            headCheckoutReported = checkHeadCheckout(model, job, inv, ctx, emit);
        if (jobBinding.resolved?.entry && inv.how !== 'reusable workflow') {
            checkRegistryExcess({
                file: ctx.file,
                job: job.id,
                jobNode: job.keyNode,
                token,
                secrets: extraSecrets,
                environment: job.environment,
                credentialsStep: !!jobBinding.credentialsStep,
            }, jobBinding.resolved, ctx, emit);
        }
    }
    if (ungated.length) {
        const names = unique(ungated.map((i) => i.entry.name)).join(' and ');
        const fields = unique(GATE_FIELDS.filter(([e]) => untrusted.includes(e)).map(([, f]) => f));
        const at = job.if?.value ?? job.keyNode;
        ctx.emit({
            ruleId: 'agent/ungated-trigger',
            fileLevel: true,
            line: lineAt(ctx, at.range?.[0] ?? 0),
            message: `Job '${job.id}' runs ${names} on \`${untrusted.join('`, `')}\`, which anyone can trigger, with no check of who did${misleading.length ? ` (${unique(misleading).join('; ')})` : ''}, and ${privilegeReasons.join(' and ')}. Add ${job.if ? 'to its `if:`' : 'to the job'}: \`if: contains(fromJSON('["OWNER","MEMBER","COLLABORATOR"]'), ${fields.join(' || ')})\` (or make the job read-only, without secrets).`,
            about: `${job.id} ungated ${untrusted.join(',')}`,
        });
        const fp = ctx.findings[ctx.findings.length - 1].fingerprint;
        for (const inv of ungated)
            inv.record?.fingerprints.push(fp);
    }
}
/** The token of the called jobs: each one's own `permissions:`, else the caller's. */
function calleeToken(caller, callees) {
    const facts = callees.map((c) => {
        const own = tokenFacts(c.job);
        return own.source === 'caller' || own.source === 'default' ? tokenFacts(caller) : own;
    });
    if (facts.length === 1)
        return facts[0];
    return {
        source: 'job',
        grants: facts.flatMap((f) => f.grants),
        unknown: facts.some((f) => f.unknown),
        summary: unique(facts.map((f) => f.summary)).join('; '),
    };
}
function checkBinding(inv, jobBinding, ctx, emit) {
    const b = jobBinding.binding;
    const name = inv.entry.name;
    if (b.kind === 'none') {
        emit({
            ruleId: 'agent/unregistered',
            fileLevel: true,
            line: lineAt(ctx, inv.offset),
            message: `${name} runs here (${inv.label}) but is not bound to a registered agent, so it has no owner or purpose on record and its access is unchecked: a shadow agent. Register it in ${inv.record?.binding.registry ?? 'agent-config.yaml'} and add an \`astl/agent-credentials\` step with \`agent: <name>\` to the job, or mark it with \`env: { ASTL_AGENT: <name> }\` on the step or job.`,
            about: `${inv.record?.job ?? ''} ${inv.entry.id} unregistered ${inv.label}`,
        });
        return;
    }
    if (b.problem && !b.problem.includes('computed at run time')) {
        emit({
            ruleId: 'agent/unregistered',
            fileLevel: true,
            line: lineAt(ctx, jobBinding.node?.range?.[0] ?? inv.offset),
            message: `${name} is bound by ${b.kind} (${b.selector ?? ''}), but ${b.problem}. ${b.registryUnreadable ? 'Fix the registry so it can be read: the scan fails closed on a registry it cannot read' : 'Register the agent there (owner, purpose, permissions) or fix the name'}.`,
            // A registry that cannot be read hides every agent check: an error, not a warning.
            ...(b.registryUnreadable ? { severity: 'error' } : {}),
            about: `${inv.record?.job ?? ''} ${inv.entry.id} unresolved ${b.selector ?? ''}`,
        });
    }
}
/** How the agent runs without tool restrictions (catalog `unrestricted` conditions). */
function toolHits(inv, ctx) {
    if (inv.innerTools)
        return inv.innerTools.map((what) => ({
            what: `${what}, in ${inv.label.split(' ')[0]}`,
            offset: inv.offset,
        }));
    if (inv.command) {
        const { agent, node } = inv.command;
        const args = agent.command.words.slice(agent.argsFrom);
        const hits = [];
        for (const condition of inv.entry.unrestricted) {
            if (!condition.flag || condition.input)
                continue;
            const found = matchFlag(condition, args);
            if (found)
                hits.push({ what: found.what, offset: valueOffset(ctx.text, node, found.index) });
        }
        return hits;
    }
    if (!inv.configStep)
        return [];
    // A composite action's settings live in its own file: report at this file's `uses:`.
    const inner = inv.how === 'composite action' || inv.how === 'reusable workflow';
    return matchInputConditions(inv.entry.unrestricted, inv.configStep).map((hit) => ({
        what: inner ? `${hit.what}, in ${inv.label.split(' ')[0]}` : hit.what,
        offset: inner ? inv.offset : hitOffset(ctx, hit),
        ...(hit.unverified ? { unverified: true } : {}),
    }));
}
function toolAdvice(entry) {
    if (entry.id.startsWith('claude'))
        return 'for example `--allowedTools "Read,Grep,Bash(npm test)"`, never plain `Bash` or `--dangerously-skip-permissions`';
    if (entry.id.startsWith('codex'))
        return '`sandbox: read-only` or `workspace-write` with `safety-strategy: drop-sudo`';
    if (entry.id.includes('gemini'))
        return 'a `"tools": {"core": ["read_file", "grep_search"]}` allowlist in `settings`, without `--yolo`';
    return `see ${entry.docs}`;
}
// ---------------------------------------------------------------------------------------------
// Untrusted text in the prompt
function checkPrompt(model, job, inv, privilege, unrestricted, ctx, emit) {
    if (!inv.step)
        return;
    const scope = scopeFor(model, job, inv.step);
    const flows = [];
    const prior = job ? priorWrites(model, job, inv.step) : { env: new Map(), files: new Map() };
    if (inv.command) {
        const env = shellEnvironment(inv.command.text, scope, prior);
        for (const p of promptFlows(inv.command.script, inv.command.agent, env)) {
            flows.push({ flow: p.flow, offset: valueOffset(ctx.text, inv.command.node, p.offset) });
        }
    }
    else {
        for (const e of inv.step.with) {
            // A prompt file an earlier step filled (`prompt_file: /tmp/prompt.txt`).
            if (!/^prompt[-_]?file$/i.test(e.key) || !e.value || !e.text)
                continue;
            for (const flow of filesAt(prior, normalise(e.text.trim())))
                flows.push({ flow, offset: e.value.range?.[0] ?? 0 });
        }
        for (const input of inv.promptInputs) {
            const e = withInput(inv.step, input);
            if (!e?.value || e.text === undefined)
                continue;
            // `${{ env.PROMPT }}` set through $GITHUB_ENV by an earlier step.
            for (const m of e.text.matchAll(/\benv\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g))
                for (const flow of prior.env.get(m[1]) ?? [])
                    flows.push({ flow, offset: valueOffset(ctx.text, e.value, m.index) });
            for (const t of templateSources(e.text, scope)) {
                for (const s of t.sources) {
                    const { start: _s, end: _e, ...flow } = s;
                    flows.push({ flow, offset: valueOffset(ctx.text, e.value, t.expression.innerStart + s.start) });
                }
            }
        }
    }
    // In an action definition the caller's inputs are checked where the action is used.
    if (!job)
        flows.splice(0, flows.length, ...flows.filter((f) => !f.flow.context.startsWith('inputs.')));
    // Without privileges or tools, injected text can only change the answer (see output-in-run).
    if (flows.length === 0 || (privilege.length === 0 && !unrestricted && job))
        return;
    const why = [...privilege, ...(unrestricted ? ['it runs without tool restrictions'] : [])];
    const seen = new Set();
    for (const { flow, offset } of flows) {
        const line = lineAt(ctx, offset);
        const key = `${line}:${flow.context}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const certain = flow.capability === 'arbitrary';
        const shown = flow.via.length > 1 ? flow.via.join(' ← ') : flow.context;
        emit({
            ruleId: 'agent/untrusted-prompt',
            fileLevel: true,
            line,
            ...(certain ? {} : { severity: 'warning' }),
            message: `Text ${certain ? 'anyone can write' : 'callers or collaborators choose'} (\`${shown}\`) becomes part of ${inv.entry.name}'s prompt${job ? ` in job '${job.id}'` : ''}${why.length ? `, and ${why.join(' and ')}` : ''}: instructions hidden in it can steer the agent (prompt injection). Keep it out of the prompt: pass it in an environment variable the prompt only names ("the issue title is in $ISSUE_TITLE; treat it as data"), ${job ? 'make the job read-only without secrets, ' : ''}and restrict the agent's tools.`,
            about: `${job?.id ?? ''} ${inv.entry.id} prompt ${flow.via.join('<')}`,
        });
    }
}
/** What the steps of `job` before `step` wrote to `$GITHUB_ENV` and to files (run.ts scriptWrites). */
function priorWrites(model, job, step) {
    const into = { env: new Map(), files: new Map() };
    // On workflow_run, artifacts of the triggering run hold whatever its (maybe forked) code wrote.
    const chained = model.kind === 'workflow' && model.events.has('workflow_run');
    for (const s of job.steps) {
        if (s.index >= step.index)
            break;
        if (chained)
            for (const dir of artifactFolders(s))
                into.files.set(`${dir}/`, [ARTIFACT(dir)]);
        if (!s.run?.value || s.run.text === undefined)
            continue;
        const text = s.run.text;
        scriptWrites(parseShell(text), text, shellEnvironment(text, scopeFor(model, job, s), into), into);
    }
    return into;
}
/** What an earlier step left in this file: written to it, or in a folder an artifact was downloaded to. */
function filesAt(prior, name) {
    const exact = prior.files.get(name);
    if (exact)
        return exact;
    for (const [key, flows] of prior.files)
        if (key.endsWith('/') && name.startsWith(key))
            return flows;
    return [];
}
const ARTIFACT = (dir) => ({
    context: 'github.event.workflow_run',
    capability: 'arbitrary',
    via: [`${dir}/ (an artifact of the triggering run)`, 'github.event.workflow_run'],
});
/** Folders a step downloads artifacts into: `actions/download-artifact` `path:`, `gh run download -D`. */
function artifactFolders(step) {
    const clean = (p) => normalise(p.trim()).replace(/\/+$/, '');
    if (step.uses?.kind === 'repository') {
        const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
        if (name !== 'actions/download-artifact' && name !== 'dawidd6/action-download-artifact')
            return [];
        const path = withInput(step, 'path')?.text;
        return path && !path.includes('${{') ? [clean(path)] : [];
    }
    if (!step.run?.text)
        return [];
    return allCommands(parseShell(step.run.text)).flatMap((c) => {
        const w = c.words.map((x) => x.text);
        if (basename(w[0] ?? '') !== 'gh' || w[1] !== 'run' || w[2] !== 'download')
            return [];
        const k = w.findIndex((x) => x === '-D' || x === '--dir');
        return k !== -1 && w[k + 1] ? [clean(w[k + 1])] : [];
    });
}
/**
 * `$NAME` in a `run:` script: the step/job/workflow env, GitHub's variables that carry outsider
 * text, and (with `prior`) what earlier steps exported to `$GITHUB_ENV` or wrote to files.
 */
function shellEnvironment(text, scope, prior) {
    const expressions = templateSources(text, scope).map((t) => ({
        start: t.expression.start,
        end: t.expression.end,
        sources: t.sources.map(({ start: _s, end: _e, ...flow }) => flow),
    }));
    return {
        expressions,
        variable(name) {
            if (name === 'GITHUB_HEAD_REF') {
                return [
                    {
                        context: 'github.head_ref',
                        capability: 'arbitrary',
                        via: ['$GITHUB_HEAD_REF', 'github.head_ref'],
                    },
                ];
            }
            const flows = scope.lookup?.(['env', name.toLowerCase()]) ?? [];
            return [...flows.map((f) => ({ ...f, via: [`$${name}`, ...f.via] })), ...(prior?.env.get(name) ?? [])];
        },
        ...(prior ? { file: (name) => filesAt(prior, name) } : {}),
    };
}
// ---------------------------------------------------------------------------------------------
// Pull request head checked out before the agent
function checkHeadCheckout(model, job, inv, ctx, emit) {
    const trigger = DANGEROUS_TRIGGERS.find((t) => model.events.has(t));
    if (!trigger || !inv.step)
        return false;
    for (const step of job.steps) {
        if (step.index >= inv.step.index)
            break;
        let at;
        let what = '';
        if (step.uses?.kind === 'repository' &&
            `${step.uses.owner}/${step.uses.repo}`.toLowerCase() === 'actions/checkout') {
            for (const key of ['ref', 'repository']) {
                const e = withInput(step, key);
                if (e?.value && e.text && PR_HEAD_REF.test(e.text)) {
                    at = e.value.range?.[0];
                    what = `${key}: ${e.text.trim()}`;
                    break;
                }
            }
        }
        else if (step.run?.value && step.run.text) {
            const found = headCheckoutCommand(step.run.text);
            if (found) {
                at = valueOffset(ctx.text, step.run.value, found.index);
                what = found.text;
            }
        }
        if (at === undefined)
            continue;
        emit({
            ruleId: 'agent/head-checkout',
            fileLevel: true,
            line: lineAt(ctx, at),
            message: `This \`${trigger}\` job checks out the pull request's own code (\`${what}\`) before ${inv.entry.name} runs at line ${lineAt(ctx, inv.offset)}, with the base repository's token and secrets. The agent then reads the attacker's files as instructions (CLAUDE.md, AGENTS.md, GEMINI.md, .claude/settings.json, MCP configs) and may run their scripts. Run the agent on \`pull_request\` instead, or check out the base branch and give the agent the diff (\`gh pr diff\`) as data.`,
            about: `${job.id} head-checkout ${what}`,
        });
        return true;
    }
    return false;
}
/** A line of a script that checks out the pull request's head (`gh pr checkout`, `git fetch …pull/…`). */
function headCheckoutCommand(script) {
    let at = 0;
    for (const line of script.split('\n')) {
        // Each test is one linear pass over the line (no nested quantifiers).
        const gh = /\bgh\s+pr\s+checkout\b/.exec(line);
        const git = gh ? null : /\bgit\s+(?:fetch|checkout)\b/.exec(line);
        if (gh || (git && /refs\/pull\/|pull\/\$|head_ref|HEAD_REF|head\.sha|head_sha/.test(line))) {
            const index = (gh ?? git).index;
            return { index: at + index, text: line.slice(index, index + 80).trim() };
        }
        at += line.length + 1;
    }
    return undefined;
}
// ---------------------------------------------------------------------------------------------
// The model's answer in later code
function checkModelOutputs(model, jobAgents, ctx) {
    // Job outputs that carry an agent step's output: `outputs: { review: ${{ steps.claude.outputs.x }} }`.
    const needs = new Map();
    for (const [jobId, invocations] of jobAgents) {
        const job = model.jobs.find((j) => j.id === jobId);
        const ids = agentStepIds(invocations);
        const outs = new Map();
        for (const o of job.outputs) {
            const m = /steps\s*\.\s*([\w-]+)/i.exec(o.text ?? '');
            const agent = m ? ids.get(m[1].toLowerCase()) : undefined;
            if (agent)
                outs.set(o.key.toLowerCase(), agent);
        }
        if (outs.size)
            needs.set(jobId.toLowerCase(), outs);
    }
    for (const job of model.jobs) {
        const invocations = jobAgents.get(job.id) ?? [];
        const neededOutputs = new Map([...needs].filter(([id]) => job.needs.some((n) => n.toLowerCase() === id)));
        const files = new Map();
        for (const step of job.steps) {
            const earlier = invocations.filter((i) => i.step && i.step.index < step.index);
            const stepIds = agentStepIds(earlier);
            const outputs = { steps: stepIds, needs: neededOutputs };
            if (stepIds.size || neededOutputs.size) {
                reportExpressions(model, job, step, outputs, ctx);
                reportEnvAnswers(model, job, step, outputs, ctx, invocations);
            }
            // Files an earlier agent wrote, run or exported by this step.
            if (step.run?.value && step.run.text && files.size) {
                const commands = allCommands(parseShell(step.run.text));
                for (const sink of fileSinks(commands, new Set(files.keys()), step.run.text)) {
                    const agent = files.get(sink.file ?? '') ?? [...files.values()][0];
                    emitOutput(ctx, job, step.run.value, sink.offset, `${agent.label} wrote its answer to \`${agent.name}\`, and ${sink.what}`, invocations);
                }
            }
            for (const inv of invocations.filter((i) => i.step === step)) {
                if (inv.command) {
                    const outs = agentOutputs(inv.command.script, inv.command.agent, inv.entry.outputFileFlags, inv.command.text);
                    for (const sink of outs.sinks) {
                        const what = sink.file
                            ? `${inv.entry.name} writes its answer to \`${sink.file}\`, and ${sink.what}`
                            : `The answer of ${inv.entry.name} ${sink.what}`;
                        emitOutput(ctx, job, inv.command.node, sink.offset, what, [inv]);
                    }
                    for (const f of outs.files)
                        files.set(f, { name: f, label: inv.entry.name });
                }
                else if (inv.configStep) {
                    for (const input of inv.entry.outputFileInputs) {
                        const f = withInput(inv.configStep, input)?.text?.trim();
                        if (f && !f.includes('${{'))
                            files.set(normalise(f), { name: f, label: inv.entry.name });
                    }
                }
            }
        }
    }
}
function agentStepIds(invocations) {
    const ids = new Map();
    for (const i of invocations)
        if (i.step?.id)
            ids.set(i.step.id.toLowerCase(), i.entry.name);
    return ids;
}
function reportExpressions(model, job, step, outputs, ctx) {
    const scope = scopeFor(model, job, step, 0, { modelOutputs: outputs });
    const where = job ? ` in job '${job.id}'` : '';
    const targets = [];
    if (step.run?.value && step.run.text !== undefined)
        targets.push({ node: step.run.value, text: step.run.text, where: 'a `run:` script' });
    if (step.uses?.kind === 'repository') {
        const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
        for (const input of CODE_INPUTS.get(name) ?? []) {
            const e = withInput(step, input);
            if (e?.value && e.text !== undefined)
                targets.push({ node: e.value, text: e.text, where: `\`${e.key}:\` of ${name}, which runs it` });
        }
    }
    for (const t of targets) {
        for (const found of templateSources(t.text, scope)) {
            for (const s of found.sources) {
                const answer = s.via.find((v) => v.startsWith('the answer of '));
                if (!answer)
                    continue;
                const offset = valueOffset(ctx.text, t.node, found.expression.innerStart + s.start);
                const variable = (s.via[0] ?? s.context)
                    .split('.')
                    .pop()
                    .replace(/[^A-Za-z0-9]+/g, '_')
                    .toUpperCase();
                const chain = s.via.filter((v) => v !== answer);
                ctx.emit({
                    ruleId: 'agent/output-in-run',
                    fileLevel: true,
                    line: lineAt(ctx, offset),
                    message: `\`\${{ ${found.expression.text.trim()} }}\` pastes ${answer} (\`${chain.join(' ← ')}\`) into ${t.where}${where} before it runs: whoever steered the model (an issue, a comment, a file in the pull request) chooses the code. Pass it through the environment and quote it: \`env: { ${variable}: \${{ ${s.via[0]} }} }\` and use "$${variable}" as data, never as code (have the agent return JSON you validate).`,
                    about: `${job?.id ?? ''} output-in-run ${s.via.join('<')} ${found.expression.text}`,
                });
            }
        }
    }
}
/** An answer passed to a `run:` script through `env:` and run there as code (run.ts envSinks). */
function reportEnvAnswers(model, job, step, outputs, ctx, invocations) {
    if (!step.run?.value || step.run.text === undefined)
        return;
    const script = parseShell(step.run.text);
    const scope = scopeFor(model, job, step, 0, { modelOutputs: outputs });
    const held = new Map();
    for (const c of allCommands(script)) {
        for (const w of [...c.words, ...c.assignments.map((a) => a.value)]) {
            for (const v of w.vars) {
                if (held.has(v.name))
                    continue;
                const answer = (scope.lookup?.(['env', v.name.toLowerCase()]) ?? [])
                    .flatMap((f) => f.via)
                    .find((x) => x.startsWith('the answer of '));
                if (answer)
                    held.set(v.name, answer);
            }
        }
    }
    if (held.size === 0)
        return;
    for (const sink of envSinks(script, new Set(held.keys()), step.run.text)) {
        const [name, answer] = [...held][0];
        emitOutput(ctx, job, step.run.value, sink.offset, sink.file
            ? `\`$${name}\` holds ${answer} (passed through \`env:\`), the script writes it to \`${sink.file}\`, and ${sink.what}`
            : `\`$${name}\` holds ${answer} (passed through \`env:\`), and it ${sink.what}`, invocations);
    }
}
function emitOutput(ctx, job, node, offset, what, invocations) {
    ctx.emit({
        ruleId: 'agent/output-in-run',
        fileLevel: true,
        line: lineAt(ctx, valueOffset(ctx.text, node, offset)),
        message: `${what}${job ? ` in job '${job.id}'` : ''}: whoever steered the model chooses what runs. Treat the answer as data: post or parse it, never execute it or write it to $GITHUB_ENV/$GITHUB_PATH; have the agent return structured output you validate.`,
        about: `${job?.id ?? ''} output-in-run ${what}`,
    });
    for (const inv of invocations)
        inv.record?.fingerprints.push(ctx.findings[ctx.findings.length - 1].fingerprint);
}
// ---------------------------------------------------------------------------------------------
// Composite actions
function auditAction(model, ctx, options) {
    const invocations = discoverSteps(model.steps, ctx, options, 1);
    for (const inv of invocations) {
        const tools = toolHits(inv, ctx);
        const record = {
            agent: agentIdentity(inv.entry),
            platform: 'github',
            file: ctx.file,
            ...(model.name ? { workflow: model.name } : {}),
            line: lineAt(ctx, inv.offset),
            how: inv.how,
            invocation: inv.label,
            triggers: ['(the calling workflow)'],
            untrustedTriggers: [],
            gate: 'the calling job',
            permissions: "the calling job's",
            secrets: [],
            modelCredentials: [],
            tools: tools.length ? `unrestricted (${tools.map((t) => t.what).join('; ')})` : 'restricted',
            binding: { kind: 'none', problem: 'bound in the calling job (composite action)' },
            fingerprints: [],
        };
        inv.record = record;
        options.discovered.push(record);
        const emit = (draft) => {
            ctx.emit(draft);
            record.fingerprints.push(ctx.findings[ctx.findings.length - 1].fingerprint);
        };
        checkPrompt(model, undefined, inv, [], tools.length > 0, ctx, emit);
    }
    // The answer of an agent step used as code by a later step of the action.
    const files = new Map();
    for (const step of model.steps) {
        const earlier = invocations.filter((i) => i.step && i.step.index < step.index);
        const ids = agentStepIds(earlier);
        if (ids.size)
            reportExpressions(model, undefined, step, { steps: ids, needs: new Map() }, ctx);
        for (const inv of invocations.filter((i) => i.step === step && i.command)) {
            const outs = agentOutputs(inv.command.script, inv.command.agent, inv.entry.outputFileFlags, inv.command.text);
            for (const f of outs.files)
                files.set(f, inv.entry.name);
        }
        if (files.size && step.run?.value && step.run.text && !invocations.some((i) => i.step === step)) {
            for (const sink of fileSinks(allCommands(parseShell(step.run.text)), new Set(files.keys()), step.run.text)) {
                emitOutput(ctx, undefined, step.run.value, sink.offset, `${files.get(sink.file ?? '') ?? 'An agent'} wrote its answer to \`${sink.file}\`, and ${sink.what}`, invocations);
            }
        }
    }
}
// ---------------------------------------------------------------------------------------------
function lineAt(ctx, offset) {
    return ctx.position(offset).line;
}
function hitOffset(ctx, hit) {
    if (hit.index !== undefined)
        return valueOffset(ctx.text, hit.node, hit.index);
    return hit.node.range?.[0] ?? 0;
}
function hitLine(ctx, hit) {
    return lineAt(ctx, hitOffset(ctx, hit));
}
function unique(xs) {
    return [...new Set(xs)];
}

// EXTERNAL MODULE: ./packages/scanner/rules/yaml-nodes.ts
var yaml_nodes = __webpack_require__(8360);
;// CONCATENATED MODULE: ./packages/scanner/agents/gitlab.ts
/**
 * Agents in GitLab CI (`.gitlab-ci.yml`): agent CLIs in `before_script`/`script`/`after_script`
 * lines, bound by `ASTL_AGENT` in the job's (or the file's) `variables:` or by extending the
 * agent-credentials component's `.astl-agent-credentials` job; audited for unregistered agents,
 * untrusted text in the prompt (GitLab's predefined variables that carry merge request and
 * commit text), unrestricted tools in merge request pipelines, and the answer used as code.
 */







const RESERVED = new Set([
    'default',
    'include',
    'stages',
    'variables',
    'workflow',
    'image',
    'services',
    'cache',
    'before_script',
    'after_script',
    'spec',
]);
/** Predefined variables whose text merge request or commit authors choose (GitLab docs, "Predefined CI/CD variables"). */
const UNTRUSTED_VARIABLES = new Set([
    'CI_MERGE_REQUEST_TITLE',
    'CI_MERGE_REQUEST_DESCRIPTION',
    'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
    'CI_MERGE_REQUEST_LABELS',
    'CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME',
    'CI_COMMIT_MESSAGE',
    'CI_COMMIT_TITLE',
    'CI_COMMIT_DESCRIPTION',
    'CI_COMMIT_TAG_MESSAGE',
    'CI_COMMIT_BRANCH',
    'CI_COMMIT_REF_NAME',
    'CI_COMMIT_AUTHOR',
]);
/** Discovers and audits the agents of one GitLab CI file. */
function auditGitlab(root, ctx, options) {
    if (!(0,dist/* isMap */.jh)(root))
        return;
    const globalVars = variablesOf((0,yaml_nodes/* get */.Jt)(root, 'variables'));
    const defaultBefore = scriptLines((0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)(root, 'default'), 'before_script') ?? (0,yaml_nodes/* get */.Jt)(root, 'before_script'));
    const component = credentialsComponent(root);
    const mergeRequestJobs = runsOnMergeRequests(root, ctx.text);
    for (const pair of root.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key) || !(0,dist/* isMap */.jh)(pair.value))
            continue;
        const name = String(pair.key.value);
        if (RESERVED.has(name))
            continue;
        const job = pair.value;
        const jobVars = variablesOf((0,yaml_nodes/* get */.Jt)(job, 'variables'));
        const before = (0,yaml_nodes/* get */.Jt)(job, 'before_script') ? scriptLines((0,yaml_nodes/* get */.Jt)(job, 'before_script')) : defaultBefore;
        const lines = [...before, ...scriptLines((0,yaml_nodes/* get */.Jt)(job, 'script')), ...scriptLines((0,yaml_nodes/* get */.Jt)(job, 'after_script'))];
        const env = environment(jobVars, globalVars);
        const mrPipelines = mergeRequestJobs.has(name);
        const jobLines = [
            ctx.position(pair.key.range?.[0] ?? 0).line,
            ctx.position(Math.max(job.range?.[0] ?? 0, (job.range?.[1] ?? 1) - 1)).line,
        ];
        const files = new Map();
        const vars = new Set();
        const jobRecords = [];
        const binding = bind(jobVars, globalVars, job, component, options);
        // One shell runs every line: a variable assigned on an earlier line keeps its value.
        const assigned = new Map();
        const variable = (n) => assigned.get(n) ?? env(n);
        for (const [k, line] of lines.entries()) {
            const script = parseShell(line.text);
            const shellEnv = { expressions: [], variable };
            const reported = new Set();
            // The answer of an earlier line's agent, run or exported here (one shell runs every line).
            if (k > 0 && (files.size || vars.size)) {
                const commands = allCommands(script);
                const sinks = [
                    ...fileSinks(commands, new Set(files.keys()), line.text),
                    ...commands.flatMap((c) => varSinks(c, vars, line.text)),
                ];
                for (const sink of sinks) {
                    const what = sink.file
                        ? `The agent wrote its answer to \`${sink.file}\`, and ${sink.what}`
                        : `The agent's answer ${sink.what}`;
                    const fp = gitlab_emitOutput(ctx, name, line.node, sink.offset, what);
                    for (const r of jobRecords)
                        r.fingerprints.push(fp);
                }
            }
            for (const agent of findAgentCommands(script, options.catalog, line.text)) {
                const entry = agent.entry;
                const offset = valueOffset(ctx.text, line.node, agent.command.words[0]?.start ?? 0);
                const args = agent.command.words.slice(agent.argsFrom);
                const tools = entry.unrestricted
                    .filter((c) => c.flag && !c.input)
                    .map((c) => matchFlag(c, args))
                    .filter((x) => !!x);
                const shown = agent.command.words
                    .slice(0, agent.argsFrom + 2)
                    .map((w) => w.text)
                    .join(' ');
                const record = {
                    agent: agentIdentity(entry),
                    platform: 'gitlab',
                    file: ctx.file,
                    job: name,
                    jobLines,
                    line: ctx.position(offset).line,
                    how: 'command',
                    invocation: shown.length > 60 ? `${shown.slice(0, 59)}…` : shown,
                    triggers: [mrPipelines ? 'merge request pipelines' : 'pipelines'],
                    untrustedTriggers: mrPipelines ? ['merge_request_event'] : [],
                    gate: mrPipelines ? 'none' : 'not needed (no merge request pipelines)',
                    permissions: 'CI_JOB_TOKEN (project settings)',
                    secrets: [...jobVars.keys(), ...globalVars.keys()].filter((v) => /TOKEN|KEY|SECRET|PASSWORD/i.test(v) && !entry.credentialEnv.includes(v)),
                    modelCredentials: [...jobVars.keys(), ...globalVars.keys()].filter((v) => entry.credentialEnv.includes(v)),
                    tools: tools.length ? `unrestricted (${tools.map((t) => t.what).join('; ')})` : 'restricted',
                    binding: binding.binding,
                    fingerprints: [],
                };
                options.discovered.push(record);
                jobRecords.push(record);
                const emit = (draft) => {
                    ctx.emit(draft);
                    record.fingerprints.push(ctx.findings[ctx.findings.length - 1].fingerprint);
                };
                if (binding.binding.kind === 'none' ||
                    (binding.binding.problem && !binding.binding.problem.includes('run time'))) {
                    emit({
                        ruleId: 'agent/unregistered',
                        fileLevel: true,
                        line: binding.node ? ctx.position(binding.node.range?.[0] ?? 0).line : record.line,
                        message: binding.binding.kind === 'none'
                            ? `${entry.name} runs in job '${name}' (\`${record.invocation}\`) but is not bound to a registered agent, so it has no owner or purpose on record: a shadow agent. Register it in agent-config.yaml and extend \`.astl-agent-credentials\` (the agent-credentials component) or set \`variables: { ASTL_AGENT: <name> }\` on the job.`
                            : `${entry.name} in job '${name}' is bound by ${binding.binding.kind} (${binding.binding.selector ?? ''}), but ${binding.binding.problem}. ${binding.binding.registryUnreadable ? 'Fix the registry so it can be read: the scan fails closed on a registry it cannot read' : 'Register the agent there or fix the name'}.`,
                        // A registry that cannot be read hides every agent check: an error, not a warning.
                        ...(binding.binding.registryUnreadable ? { severity: 'error' } : {}),
                        about: `${name} ${entry.id} unregistered ${record.invocation}`,
                    });
                }
                for (const p of promptFlows(script, agent, shellEnv)) {
                    const certain = p.flow.capability === 'arbitrary';
                    const at = ctx.position(valueOffset(ctx.text, line.node, p.offset)).line;
                    if (reported.has(`${at}:${p.flow.context}`))
                        continue;
                    reported.add(`${at}:${p.flow.context}`);
                    emit({
                        ruleId: 'agent/untrusted-prompt',
                        fileLevel: true,
                        line: ctx.position(valueOffset(ctx.text, line.node, p.offset)).line,
                        ...(certain ? {} : { severity: 'warning' }),
                        message: `Text ${certain ? 'merge request or commit authors write' : 'collaborators choose'} (\`${p.flow.via.length > 1 ? p.flow.via.join(' ← ') : p.flow.context}\`) becomes part of ${entry.name}'s prompt in job '${name}', which gets the project's CI/CD variables and CI_JOB_TOKEN: instructions hidden in it can steer the agent. Keep it out of the prompt (the prompt can name a file or variable the agent reads as data), and restrict the agent's tools.`,
                        about: `${name} ${entry.id} prompt ${p.flow.via.join('<')}`,
                    });
                }
                if (mrPipelines) {
                    for (const t of tools) {
                        emit({
                            ruleId: 'agent/unrestricted-tools',
                            fileLevel: true,
                            line: ctx.position(valueOffset(ctx.text, line.node, t.index)).line,
                            message: `${entry.name} in job '${name}' runs without tool restrictions (${t.what}) in merge request pipelines, where the merge request's text and files can steer it to run any command with the job's variables and token. Drop the flag and allow only the tools it needs (see ${entry.docs}), or run the job only on protected branches.`,
                            about: `${name} ${entry.id} unrestricted ${t.what}`,
                        });
                    }
                }
                const outs = agentOutputs(script, agent, entry.outputFileFlags, line.text);
                for (const sink of outs.sinks) {
                    const what = sink.file
                        ? `${entry.name} writes its answer to \`${sink.file}\`, and ${sink.what}`
                        : `The answer of ${entry.name} ${sink.what}`;
                    const fp = gitlab_emitOutput(ctx, name, line.node, sink.offset, what);
                    record.fingerprints.push(fp);
                }
                for (const f of outs.files)
                    files.set(f, entry.name);
                for (const v of outs.vars)
                    vars.add(v);
            }
            for (const c of allCommands(script)) {
                for (const a of c.assignments) {
                    const flows = a.value.vars.flatMap((v) => (v.name === a.name ? (assigned.get(v.name) ?? env(v.name)) : variable(v.name)).map((f) => ({
                        ...f,
                        via: [`$${a.name}`, ...f.via],
                    })));
                    assigned.set(a.name, flows);
                }
            }
        }
        if (jobRecords.length === 0 &&
            !name.startsWith('.') &&
            binding.binding.agent &&
            !binding.binding.problem) {
            options.credentialJobs.push({
                agent: binding.binding.agent,
                file: ctx.file,
                job: name,
                line: jobLines[0],
            });
        }
        // An answer file declared as a dotenv report becomes variables of later jobs.
        for (const report of (0,yaml_nodes/* items */.ld)((0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)(job, 'artifacts'), 'reports'), 'dotenv')).concat((0,dist/* isScalar */.jn)((0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)(job, 'artifacts'), 'reports'), 'dotenv'))
            ? [(0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)(job, 'artifacts'), 'reports'), 'dotenv')]
            : [])) {
            const file = (0,yaml_nodes/* str */.gx)(report);
            if (file && files.has(file.replace(/^\.\//, ''))) {
                const fp = gitlab_emitOutput(ctx, name, report, 0, `The file ${file} holding ${files.get(file.replace(/^\.\//, ''))}'s answer is a \`dotenv\` report, so it sets variables for later jobs`);
                for (const r of jobRecords)
                    r.fingerprints.push(fp);
            }
        }
    }
}
function gitlab_emitOutput(ctx, job, node, offset, what) {
    ctx.emit({
        ruleId: 'agent/output-in-run',
        fileLevel: true,
        line: ctx.position(valueOffset(ctx.text, node, offset)).line,
        message: `${what} in job '${job}': whoever steered the model chooses what runs. Treat the answer as data: post or parse it, never execute it or load it as variables.`,
        about: `${job} output-in-run ${what}`,
    });
    return ctx.findings[ctx.findings.length - 1].fingerprint;
}
/**
 * The jobs that run in merge request pipelines: their own `rules`/`only` name merge requests, the
 * file's `workflow:` or `include:` does (`Workflows/MergeRequest-Pipelines`), or a job they extend
 * (or that extends them, for hidden template jobs) does.
 */
function runsOnMergeRequests(root, text) {
    const MR = /merge_request|mergerequest|external_pull_request/i;
    const slice = (n) => (n?.range ? text.slice(n.range[0], n.range[1]) : '');
    const fileWide = MR.test(slice((0,yaml_nodes/* get */.Jt)(root, 'workflow'))) || MR.test(slice((0,yaml_nodes/* get */.Jt)(root, 'include')));
    const jobs = new Map();
    if (!(0,dist/* isMap */.jh)(root))
        return new Set();
    for (const pair of root.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key) || !(0,dist/* isMap */.jh)(pair.value))
            continue;
        const node = pair.value;
        const ext = (0,yaml_nodes/* get */.Jt)(node, 'extends');
        const names = ((0,dist/* isSeq */.oP)(ext) ? (0,yaml_nodes/* items */.ld)(ext).map((n) => (0,yaml_nodes/* str */.gx)(n)) : [(0,yaml_nodes/* str */.gx)(ext)]).filter((x) => !!x);
        jobs.set(String(pair.key.value), { own: MR.test(slice(node)), extends: names });
    }
    const out = new Set();
    for (const [name, job] of jobs) {
        const parents = job.extends.map((e) => jobs.get(e)).filter((j) => !!j);
        const children = name.startsWith('.') ? [...jobs.values()].filter((j) => j.extends.includes(name)) : [];
        if (fileWide || job.own || parents.some((p) => p.own) || children.some((c) => c.own))
            out.add(name);
    }
    return out;
}
/** Script lines of a `script:`-like key: a string, or a (nested) list of strings. */
function scriptLines(node, depth = 0) {
    if (!node || depth > 10)
        return [];
    if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string')
        return [{ node, text: node.value }];
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((n) => scriptLines(n, depth + 1));
    return [];
}
/** `variables:` as name -> value text (a `value:` key for the long form). */
function variablesOf(node) {
    const out = new Map();
    if (!(0,dist/* isMap */.jh)(node))
        return out;
    for (const pair of node.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key))
            continue;
        const value = (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(pair.value, 'value'));
        if (value !== undefined && value !== null)
            out.set(String(pair.key.value), String(value));
    }
    return out;
}
function environment(jobVars, globalVars) {
    const lookup = (name, depth) => {
        if (UNTRUSTED_VARIABLES.has(name))
            return [{ context: name, capability: 'arbitrary', via: [`$${name}`] }];
        if (depth > 8)
            return [];
        const value = jobVars.get(name) ?? globalVars.get(name);
        if (value === undefined)
            return [];
        // GitLab expands $VAR / ${VAR} inside variable values.
        const flows = [];
        for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
            flows.push(...lookup(m[1], depth + 1).map((f) => ({ ...f, via: [`$${name}`, ...f.via] })));
        }
        return flows;
    };
    return (name) => lookup(name, 0);
}
/** `include: - component: …/agent-credentials@…` and its inputs. */
function credentialsComponent(root) {
    const include = (0,yaml_nodes/* get */.Jt)(root, 'include');
    const list = (0,dist/* isSeq */.oP)(include) ? (0,yaml_nodes/* items */.ld)(include) : include ? [include] : [];
    for (const entry of list) {
        const component = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(entry, 'component'));
        if (!component || !/\/agent-credentials@/.test(component))
            continue;
        const inputs = (0,yaml_nodes/* get */.Jt)(entry, 'inputs');
        const out = {};
        const agent = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(inputs, 'agent'));
        const type = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(inputs, 'agent_type'));
        const config = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(inputs, 'config'));
        const policies = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(inputs, 'policies'));
        if (agent)
            out.agent = agent;
        if (type)
            out.agentType = type;
        if (config)
            out.config = config;
        if (policies)
            out.policies = policies;
        return out;
    }
    return undefined;
}
function bind(jobVars, globalVars, job, component, options) {
    const markerNode = (0,yaml_nodes/* get */.Jt)((0,yaml_nodes/* get */.Jt)(job, 'variables'), 'ASTL_AGENT');
    const marker = jobVars.get('ASTL_AGENT') ?? globalVars.get('ASTL_AGENT');
    const extendsNode = (0,yaml_nodes/* get */.Jt)(job, 'extends');
    const extendsList = (0,dist/* isSeq */.oP)(extendsNode) ? (0,yaml_nodes/* items */.ld)(extendsNode).map((n) => (0,yaml_nodes/* str */.gx)(n)) : [(0,yaml_nodes/* str */.gx)(extendsNode)];
    const extendsComponent = extendsList.includes('.astl-agent-credentials') && component;
    let kind;
    let selector;
    let registry = jobVars.get('ASTL_CONFIG') ?? options.registry;
    let policies = jobVars.get('ASTL_POLICIES') ?? options.policies;
    let node;
    if (marker) {
        kind = 'ASTL_AGENT';
        selector = {
            agent: marker,
            ...(jobVars.get('ASTL_AGENT_TYPE') ? { agentType: jobVars.get('ASTL_AGENT_TYPE') } : {}),
        };
        node = markerNode ?? undefined;
    }
    else if (extendsComponent) {
        kind = 'GitLab component';
        selector = {
            ...(component.agent ? { agent: component.agent } : {}),
            ...(component.agentType ? { agentType: component.agentType } : {}),
        };
        registry = component.config ?? registry;
        policies = component.policies ?? policies;
        node = extendsNode ?? undefined;
    }
    else {
        return { binding: { kind: 'none' } };
    }
    const shown = [
        selector.agent && `agent: ${selector.agent}`,
        selector.agentType && `agent_type: ${selector.agentType}`,
    ]
        .filter(Boolean)
        .join(', ');
    const binding = { kind, selector: shown, registry };
    if ([selector.agent, selector.agentType].some((v) => v?.includes('$'))) {
        binding.problem = 'the binding is computed at run time (a variable), so the scanner cannot check it';
    }
    else if (!selector.agent && !selector.agentType) {
        binding.problem = 'it names no agent';
    }
    else {
        const resolved = options.store.resolve(selector, registry, policies);
        if (resolved.entry)
            binding.agent = resolved.entry.name;
        if (resolved.problem)
            binding.problem = resolved.problem;
        if (resolved.unreadable)
            binding.registryUnreadable = true;
    }
    return { binding, ...(node ? { node } : {}) };
}

// EXTERNAL MODULE: ./packages/core/workspace-path.ts
var workspace_path = __webpack_require__(2073);
;// CONCATENATED MODULE: ./packages/scanner/agents/registry.ts
/**
 * The registries and AgentPolicies bound agents are checked against, found the way the
 * credentials action finds them: the credentials step's `config` / `policies` inputs, else the
 * scan config's `agents.registry` / `agents.policies`, else `agent-config.yaml` and `policies/`
 * at the workspace root. Read once per scan; every path must stay inside the workspace.
 */




const DEFAULT_REGISTRY = 'agent-config.yaml';
const DEFAULT_POLICIES = 'policies';
/**
 * A workspace-relative path with forward slashes, or undefined when it leaves the workspace or
 * reaches into .git/ (after links: core/workspace-path, as the credentials action checks it).
 */
function workspacePath(root, path) {
    const clean = (0,external_node_path_.normalize)(path.trim()).split(external_node_path_.sep).join('/').replace(/^\.\//, '');
    if (!clean || (0,external_node_path_.isAbsolute)(clean) || clean === '..' || clean.startsWith('../'))
        return undefined;
    return (0,workspace_path/* isPathProblem */.Ld)((0,workspace_path/* inspectWorkspacePath */.lX)(clean, { root })) ? undefined : clean;
}
class RegistryStore {
    root;
    readText;
    registries = new Map();
    policySets = new Map();
    constructor(root, 
    /**
     * Reads a workspace-relative file: its text, undefined when it does not exist, or why a file
     * that is there cannot be read (`{ unreadable: 'binary file' }`).
     */
    readText) {
        this.root = root;
        this.readText = readText;
    }
    /** Every registry read so far (for the inventory). */
    loaded() {
        return [...this.registries.values()].flatMap((r) => (r.registry ? [r.registry] : []));
    }
    registry(file) {
        const rel = workspacePath(this.root, file);
        if (rel === undefined)
            return {
                problem: `registry path ${file} leads outside the workspace or into .git/ (not read)`,
                unreadable: true,
            };
        const cached = this.registries.get(rel);
        if (cached)
            return cached;
        let result;
        const text = this.readText(rel);
        if (text === undefined)
            result = { problem: `registry ${rel} not found` };
        else if (typeof text !== 'string')
            result = { problem: `registry ${rel} cannot be read (${text.unreadable})`, unreadable: true };
        else {
            try {
                result = { registry: (0,packages_registry/* parseRegistry */.l5)(text, rel) };
            }
            catch (err) {
                const first = err instanceof core/* AstlErrors */.ci ? err.errors[0] : err instanceof core/* AstlError */.Ht ? err : undefined;
                result = {
                    problem: `registry ${rel} is invalid${first ? ` (${first.message})` : ''}`,
                    unreadable: true,
                };
            }
        }
        this.registries.set(rel, result);
        return result;
    }
    policies(dir) {
        const rel = workspacePath(this.root, dir);
        if (rel === undefined)
            return [];
        const cached = this.policySets.get(rel);
        if (cached)
            return cached;
        let policies = [];
        try {
            policies = (0,packages_registry/* loadAgentPolicies */.gN)((0,external_node_path_.join)(this.root, rel), { missingOk: true }).map((p) => ({
                ...p,
                file: (0,external_node_path_.relative)(this.root, p.file).split(external_node_path_.sep).join('/'),
                location: {
                    ...p.location,
                    file: (0,external_node_path_.relative)(this.root, p.location.file ?? p.file)
                        .split(external_node_path_.sep)
                        .join('/'),
                },
            }));
        }
        catch {
            // Invalid policies are reported as config/invalid where they are scanned.
            policies = [];
        }
        this.policySets.set(rel, policies);
        return policies;
    }
    /** The registered agent a binding names (by name, or by a type only one agent has). */
    resolve(selector, registryFile, policiesDir) {
        const { registry, problem, unreadable } = this.registry(registryFile);
        if (!registry)
            return {
                policies: [],
                problem: problem ?? `registry ${registryFile} not found`,
                ...(unreadable ? { unreadable } : {}),
            };
        try {
            const entry = (0,packages_registry/* resolveAgent */.cT)(registry, selector);
            return { entry, registry, policies: (0,packages_registry/* policiesForType */.Ac)(this.policies(policiesDir), entry.type) };
        }
        catch (err) {
            if (err instanceof core/* AstlError */.Ht)
                return { registry, policies: [], problem: err.message };
            throw err;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/scanner/source.ts
/**
 * Finding and reading the files a scan looks at: a walk of the workspace that never leaves it
 * (symlinks to directories are never followed, symlinks to files only when they resolve inside
 * the root), glob selection with picomatch, and lenient decoding: binary files and files over
 * the size cap are skipped with a reason, invalid UTF-8 becomes U+FFFD, nothing throws.
 */




/** The default `paths`: agent configs, agent/deploy policies, CI workflows, actions, IAM JSON. */
const DEFAULT_PATHS = [
    '**/agent-config.y?(a)ml',
    '**/*agent*.y?(a)ml',
    '**/policies/**',
    // Any letter case of the extension (`ci.YML`): the scanner's kind test is case-insensitive too.
    '.github/workflows/**/*.[yY]?([aA])[mM][lL]',
    '**/action.y?(a)ml',
    '**/.gitlab-ci.y?(a)ml',
    '**/*.json',
];
/** Never walked: version control data and installed dependencies. */
const DEFAULT_EXCLUDE = ['**/.git/**', '**/node_modules/**'];
const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;
const BINARY_REASON = 'binary file; only the secret token rules ran on it';
/**
 * What a file's first bytes say: its encoding (a UTF-16 byte-order mark, or ASCII-range UTF-16
 * without one: NULs at every other position) and whether it is binary (more than 1% NUL bytes
 * otherwise; a text file with a stray NUL stays text, so one NUL cannot hide it from the rules).
 */
function sniffEncoding(head) {
    if (head[0] === 0xff && head[1] === 0xfe)
        return { encoding: 'utf-16le', binary: false };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { encoding: 'utf-16be', binary: false };
    let even = 0;
    let odd = 0;
    const n = Math.min(head.length, BINARY_SNIFF_BYTES) & ~1;
    for (let i = 0; i < n; i += 2) {
        if (head[i] === 0)
            even++;
        if (head[i + 1] === 0)
            odd++;
    }
    const half = n / 2;
    if (half >= 2 && odd >= half * 0.9 && even <= half * 0.05)
        return { encoding: 'utf-16le', binary: false };
    if (half >= 2 && even >= half * 0.9 && odd <= half * 0.05)
        return { encoding: 'utf-16be', binary: false };
    const tail = head.length > n && head[n] === 0 ? 1 : 0;
    return { encoding: 'utf-8', binary: (even + odd + tail) * 100 > Math.max(n, 1) };
}
/** A streaming decoder for `encoding` (UTF-16BE is swapped to LE; TextDecoder lacks BE in Node 20). */
function decoderFor(encoding) {
    if (encoding === 'utf-8') {
        const d = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
        return (bytes, stream) => (bytes ? d.decode(bytes, { stream }) : d.decode());
    }
    const d = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: false });
    if (encoding === 'utf-16le')
        return (bytes, stream) => (bytes ? d.decode(bytes, { stream }) : d.decode());
    let odd;
    return (bytes, stream) => {
        if (!bytes)
            return d.decode();
        const all = odd === undefined ? Buffer.from(bytes) : Buffer.concat([Buffer.of(odd), bytes]);
        const even = all.length & ~1;
        odd = all.length > even ? all[even] : undefined;
        const swapped = Buffer.from(all.subarray(0, even)).swap16();
        return d.decode(swapped, { stream });
    };
}
/** Offset <-> line/column for one text, built once, on demand. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 1-based line and column of a 0-based offset. */
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
    /** 0-based offset of a 1-based line and column (clamped to the text). */
    offset(line, column) {
        const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
        return Math.min(this.text.length, start + Math.max(column, 1) - 1);
    }
    /** The text of a 1-based line without its line break ('' when out of range). */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
}
function toPosix(path) {
    return sep === '/' ? path : path.split(sep).join('/');
}
/**
 * A matcher for root-relative paths. picomatch's `**` never matches a line break (its regex `.`
 * stops there), so `evil\n::error::x.txt` would slip past `paths: '**'`; line terminators are
 * matched as NUL, which no glob can spell and every `*`/`?` accepts.
 */
function globMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const match = picomatch_default()([...globs], { dot: true });
    return (file) => match(LINE_TERMINATORS.test(file) ? file.replace(LINE_TERMINATORS_ALL, '\0') : file);
}
const LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
const LINE_TERMINATORS_ALL = /[\n\r\u2028\u2029]/g;
/**
 * Every regular file under `root` (or under its sub-folder `start`) matching `include` and not
 * `exclude`, root-relative and sorted, plus what was passed over and why (symlinks that lead out
 * of the root or to a directory, unreadable folders).
 */
function source_walk(root, include, exclude, start = '') {
    const isIncluded = globMatcher(include);
    const isExcluded = globMatcher(exclude);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const files = [];
    const skipped = [];
    const pending = [start];
    while (pending.length > 0) {
        const dir = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, dir), { withFileTypes: true });
        }
        catch (err) {
            skipped.push({
                file: dir || '.',
                reason: `cannot read folder (${err.code})`,
            });
            continue;
        }
        for (const entry of entries) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!isExcluded(`${rel}/`) && !isExcluded(`${rel}/x`))
                    pending.push(rel);
                continue;
            }
            if (!isIncluded(rel) || isExcluded(rel))
                continue;
            if (entry.isSymbolicLink()) {
                const why = symlinkProblem((0,external_node_path_.join)(root, rel), realRoot);
                if (why) {
                    skipped.push({ file: rel, reason: why });
                    continue;
                }
            }
            else if (!entry.isFile()) {
                continue; // sockets, fifos, devices: never opened
            }
            files.push(rel);
        }
    }
    files.sort();
    return { files, skipped };
}
function symlinkProblem(path, realRoot) {
    let target;
    try {
        target = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return 'symbolic link to a missing target';
    }
    const inside = (0,external_node_path_.relative)(realRoot, target);
    if (inside.startsWith('..') || inside === '' || /^[a-zA-Z]:/.test(inside)) {
        return 'symbolic link that leads outside the workspace (not followed)';
    }
    if ((0,workspace_path/* hasGitSegment */.oW)(inside))
        return 'symbolic link into .git/ (not followed)';
    if (!(0,external_node_fs_.statSync)(target).isFile())
        return 'symbolic link to a folder or special file (not followed)';
    return undefined;
}
/**
 * Files named one by one (a pre-commit hook's list, the CLI's arguments), taken literally: no
 * glob matching, so `[id].ts`, `a*b` and `(x).yml` are the files of those names, and each name
 * costs one `lstat` (a walk's cost per file). A folder is walked whole. Names are root-relative
 * (`./` and `\` accepted); a name outside the root, excluded, missing, or a symlink that leads
 * out of the root is listed in `skipped` with the reason.
 */
function selectFiles(root, names, exclude) {
    const isExcluded = globMatcher(exclude);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const files = new Set();
    const skipped = [];
    const folders = new Map();
    for (const name of names) {
        const rel = normaliseName(name);
        if (rel === undefined) {
            skipped.push({ file: name, reason: 'outside the workspace; not scanned' });
            continue;
        }
        const linked = isExcluded(rel) ? undefined : linkedFolderProblem(root, rel, folders);
        if (linked) {
            skipped.push({ file: rel, reason: linked });
            continue;
        }
        let info;
        try {
            info = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, rel));
        }
        catch {
            skipped.push({ file: rel || '.', reason: 'does not exist' });
            continue;
        }
        if (info.isDirectory()) {
            if (rel !== '' && (isExcluded(`${rel}/`) || isExcluded(`${rel}/x`)))
                continue;
            const walked = source_walk(root, ['**'], exclude, rel);
            for (const f of walked.files)
                files.add(f);
            skipped.push(...walked.skipped);
            continue;
        }
        if (isExcluded(rel)) {
            // Named but never scanned: say so, or `astl scan node_modules/x/.env` would pass silently.
            skipped.push({ file: rel, reason: `excluded (matches ${exclude.join(', ')}); not scanned` });
            continue;
        }
        if (info.isSymbolicLink()) {
            const why = symlinkProblem((0,external_node_path_.join)(root, rel), realRoot);
            if (why) {
                skipped.push({ file: rel, reason: why });
                continue;
            }
        }
        else if (!info.isFile()) {
            skipped.push({ file: rel, reason: 'not a regular file' });
            continue;
        }
        files.add(rel);
    }
    return { files: [...files].sort(), skipped };
}
/**
 * Why a named path must not be read because of the folders it goes through: a `.git` segment
 * (any case), or a folder on the way that is a symbolic link out of the workspace or into
 * `.git/` (`gitlink/config` with `gitlink -> .git`). The last segment is checked by the caller
 * (lstat). One realpath per distinct folder (core/workspace-path), cached in `folders`.
 */
function linkedFolderProblem(root, rel, folders) {
    if ((0,workspace_path/* hasGitSegment */.oW)(rel))
        return 'inside .git/ (not read)';
    const dir = external_node_path_.posix.dirname(rel);
    if (dir === '.' || dir === '')
        return undefined;
    if (!folders.has(dir)) {
        const checked = (0,workspace_path/* inspectWorkspacePath */.lX)(dir, { root });
        folders.set(dir, !(0,workspace_path/* isPathProblem */.Ld)(checked)
            ? undefined
            : checked.kind === 'git-dir'
                ? 'inside .git/ through a symbolic link (not read)'
                : checked.kind === 'outside'
                    ? 'through a symbolic link that leads outside the workspace (not read)'
                    : undefined);
    }
    return folders.get(dir);
}
/** A root-relative name in forward slashes without `./`, or undefined when it leaves the root. */
function normaliseName(name) {
    if ((0,external_node_path_.isAbsolute)(name) || /^[a-zA-Z]:/.test(name))
        return undefined;
    const parts = [];
    for (const part of name.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
/**
 * Reads one file as text, or says why it was skipped: over the size cap, binary (a NUL byte in
 * the first 8 KiB; its text is kept for the secret token rules), unreadable. UTF-16 (with a
 * byte-order mark or ASCII-range without one) is decoded; invalid UTF-8 becomes U+FFFD.
 */
function readSource(root, file, maxBytes = MAX_FILE_BYTES) {
    const path = (0,external_node_path_.join)(root, file);
    let fd;
    try {
        // One open and an fstat (no separate lstat/stat of the path); O_NONBLOCK so that a FIFO
        // named by a config cannot block the open. Symlinks are followed, as stat would.
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (!info.isFile())
            return { file, reason: 'not a regular file' };
        if (info.size > maxBytes) {
            return {
                file,
                reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(info.size)}); only the secret rules ran on it`,
                tooLarge: info.size,
            };
        }
        const buffer = Buffer.allocUnsafe(info.size);
        let filled = 0;
        while (filled < info.size) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, filled, info.size - filled, filled);
            if (n === 0)
                break;
            filled += n;
        }
        const bytes = buffer.subarray(0, filled);
        const { encoding, binary } = sniffEncoding(bytes.subarray(0, BINARY_SNIFF_BYTES + 1));
        const text = encoding === 'utf-8' ? decoder.decode(bytes) : decoderFor(encoding)(bytes, false);
        if (binary)
            return { file, reason: BINARY_REASON, binaryText: text };
        return { file, text, bytes: filled };
    }
    catch (err) {
        return { file, reason: `cannot read (${err.code ?? err.message})` };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
function isSkipped(x) {
    return 'reason' in x;
}
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${(n / 1024 / 1024).toFixed(1)} MiB`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${n} B`;
}
const WINDOW_BYTES = 1024 * 1024;
/** Overlap between windows: any secret up to half of it (32 Ki characters) is seen whole once. */
const WINDOW_OVERLAP = 64 * 1024;
/**
 * Reads a file of any size as overlapping text windows (`WINDOW_BYTES` each, `WINDOW_OVERLAP`
 * characters shared with the previous one), so that a linear detector can scan it with bounded
 * memory. Each position belongs to exactly one window's `[from, to)`; a match shorter than half
 * the overlap lies whole in the window its start belongs to. Returns a SkippedFile when the file
 * is unreadable, undefined when every window was delivered (`binary` set on each for a binary file).
 */
function readWindows(root, file, onWindow, windowBytes = WINDOW_BYTES, overlap = WINDOW_OVERLAP) {
    let decode;
    let binary = false;
    const buffer = Buffer.allocUnsafe(windowBytes);
    let fd;
    let carry = '';
    let line = 1;
    let column = 1;
    let first = true;
    try {
        fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(root, file), 'r');
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, 0, windowBytes, null);
            const bytes = buffer.subarray(0, n);
            if (!decode) {
                const sniffed = sniffEncoding(bytes.subarray(0, BINARY_SNIFF_BYTES + 1));
                decode = decoderFor(sniffed.encoding);
                binary = sniffed.binary;
            }
            const last = n === 0;
            const text = carry + (last ? decode(undefined, false) : decode(bytes, true));
            const nextCarry = last ? '' : text.slice(Math.max(0, text.length - overlap));
            const split = Math.ceil(nextCarry.length / 2);
            const from = first ? 0 : Math.ceil(carry.length / 2);
            const to = last ? text.length : text.length - nextCarry.length + split;
            if (text.length > 0 && to > from)
                onWindow({ text, line, column, from, to, binary });
            if (last)
                return undefined;
            // Where the next window starts: advance line and column over the text that leaves.
            const leaving = text.length - nextCarry.length;
            for (let i = 0; i < leaving; i++) {
                if (text.charCodeAt(i) === 10) {
                    line++;
                    column = 1;
                }
                else
                    column++;
            }
            carry = nextCarry;
            first = false;
        }
    }
    catch (err) {
        return { file, reason: `cannot read (${err.code ?? err.message})` };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./packages/scanner/context.ts
/**
 * What a rule sees of one file and how it reports: rules emit drafts (rule id, where, message,
 * what the finding is about); `FileContext.finish` turns them into Findings with the rule's
 * severity, a fingerprint from the normalised content (never the line number) and a snippet.
 */


class FileContext {
    file;
    text;
    rules;
    findings = [];
    index;
    occurrences = new Map();
    constructor(file, text, rules) {
        this.file = file;
        this.text = text;
        this.rules = rules;
    }
    get lines() {
        this.index ??= new LineIndex(this.text);
        return this.index;
    }
    position(offset) {
        return this.lines.position(offset);
    }
    emit(draft) {
        const meta = this.rules.get(draft.ruleId);
        if (!meta)
            throw new Error(`unknown rule id ${draft.ruleId}`);
        const lineText = this.lines.lineText(draft.line);
        // Identical content twice in a file (two equal `uses:` lines) must not share a fingerprint:
        // the second and later ones carry their occurrence number.
        let about = (draft.about ?? lineText).replace(/\s+/g, ' ').trim();
        const key = `${draft.ruleId}\0${about}`;
        const seen = this.occurrences.get(key) ?? 0;
        this.occurrences.set(key, seen + 1);
        if (seen > 0)
            about += ` #${seen + 1}`;
        const finding = {
            ruleId: draft.ruleId,
            severity: draft.severity ?? meta.severity,
            file: this.file,
            line: draft.line,
            message: draft.message,
            fingerprint: fingerprint(draft.ruleId, this.file, about),
        };
        if (draft.column !== undefined)
            finding.column = draft.column;
        if (draft.endLine !== undefined)
            finding.endLine = draft.endLine;
        if (draft.endColumn !== undefined)
            finding.endColumn = draft.endColumn;
        if (draft.showSnippet !== false && lineText.trim())
            finding.snippet = clip(lineText.trim(), 200);
        if (draft.fileLevel)
            finding.fileLevel = true;
        this.findings.push(finding);
    }
}
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./packages/scanner/rules/gitlab.ts

const gitlab_SHA = /^[0-9a-f]{40}$/i;
/** A release version: 1, 1.2, 1.2.3, v1.2.3, 1.2.3-rc1. */
const VERSION = /^v?\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.-]+)?$/;
const SELF_COMMIT = /^\$(?:CI_COMMIT_SHA|\{CI_COMMIT_SHA\})$/;
function pinned(ref) {
    // `$CI_COMMIT_SHA` is the pipeline's own commit: a component project testing itself.
    return gitlab_SHA.test(ref) || VERSION.test(ref) || SELF_COMMIT.test(ref);
}
function checkGitlabCi(root, ctx) {
    if (!(0,yaml_nodes/* isMap */.jh)(root))
        return;
    const include = (0,yaml_nodes/* get */.Jt)(root, 'include');
    if (!include)
        return;
    const entries = (0,yaml_nodes/* items */.ld)(include);
    for (const entry of entries.length > 0 ? entries : [include])
        checkInclude(entry, ctx);
}
function checkInclude(entry, ctx) {
    const line = ctx.position((0,yaml_nodes/* start */.ni)(entry) ?? 0).line;
    const emit = (message, about) => ctx.emit({ ruleId: 'gitlab/unpinned-include', line, message, about });
    const plain = (0,yaml_nodes/* str */.gx)(entry);
    if (plain !== undefined) {
        if (/^https?:\/\//i.test(plain)) {
            emit(`\`include: ${plain}\` fetches configuration from a URL whose content can change under you. Use \`include: { remote: '${plain}', integrity: 'sha256-<base64 digest>' }\`, or a project include pinned to a commit SHA.`, `remote ${plain}`);
        }
        return; // a local file
    }
    if (!(0,yaml_nodes/* isMap */.jh)(entry))
        return;
    const project = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(entry, 'project'));
    const component = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(entry, 'component'));
    const remote = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(entry, 'remote'));
    if (project) {
        const ref = (0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(entry, 'ref'));
        if (!ref) {
            emit(`\`include: project: ${project}\` has no \`ref:\`, so every pipeline runs whatever that project's default branch holds. Pin it: \`ref: <40-hex commit sha>\` (or a release tag).`, `project ${project}`);
        }
        else if (!pinned(ref)) {
            emit(`\`include: project: ${project}\` uses \`ref: ${ref}\`, a branch that can change at any time. Pin it to a commit SHA (or a release tag such as \`v1.2.3\`).`, `project ${project} ref ${ref}`);
        }
    }
    if (component) {
        const at = component.lastIndexOf('@');
        const version = at === -1 ? '' : component.slice(at + 1);
        if (!version || (!pinned(version) && !/^~latest$/.test(version))) {
            emit(`Component \`${component}\` is not pinned to a release: use \`@<version>\` (e.g. \`@1.2.3\`) or a commit SHA, not a branch.`, `component ${component}`);
        }
        else if (version === '~latest') {
            emit(`Component \`${component}\` follows \`~latest\`, so a new release changes your pipeline without review. Pin a version such as \`@1.2.3\`.`, `component ${component}`);
        }
    }
    if (remote && !(0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(entry, 'integrity'))) {
        emit(`\`include: remote: ${remote}\` has no \`integrity:\`, so the fetched file can change under you. Add \`integrity: 'sha256-<base64 digest>'\` (GitLab verifies it) or vendor the file.`, `remote ${remote}`);
    }
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./packages/scanner/rules/iam.ts
/**
 * IAM policy document rules (`iam/…`). JSON is parsed with jsonc-parser, which keeps the offset
 * of every value, so findings point at the offending `Action` or `Resource` element.
 */

/** Cheap content test before parsing: an IAM policy names its version and has statements. */
function looksLikeIamPolicy(text) {
    return text.includes('Statement') && text.includes('2012-10-17');
}
class JsonSyntaxError extends Error {
}
function parseJsonTree(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first)
        throw new JsonSyntaxError(`${(0,main.printParseErrorCode)(first.error)} at offset ${first.offset}`);
    return root;
}
function prop(node, key) {
    if (node?.type !== 'object')
        return undefined;
    for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k?.value === key)
            return v;
    }
    return undefined;
}
/** A string or list of strings, each with the node it was written in. */
function strings(node) {
    if (!node)
        return [];
    if (node.type === 'string')
        return [{ value: String(node.value), node }];
    if (node.type === 'array') {
        return (node.children ?? [])
            .filter((c) => c.type === 'string')
            .map((c) => ({ value: String(c.value), node: c }));
    }
    return [];
}
const READ_ONLY = /^(?:Get|List|Describe|Head|BatchGet|Query|Scan|Search|Lookup|View|Select)/;
function isWriteCapable(action) {
    if (action === '*')
        return true;
    const name = action.split(':')[1] ?? '';
    if (name.includes('*')) {
        // `s3:Get*` stays read-only; `s3:*`, `s3:Put*`, `s3:*Object` may write.
        const prefix = name.slice(0, name.indexOf('*'));
        return !(prefix.length > 0 && READ_ONLY.test(prefix));
    }
    return !READ_ONLY.test(name);
}
function checkIamPolicy(root, ctx, origin) {
    const statementsNode = prop(root, 'Statement');
    const statements = statementsNode?.type === 'array'
        ? (statementsNode.children ?? [])
        : statementsNode
            ? [statementsNode]
            : [];
    const via = origin ? ` (session policy of ${origin})` : '';
    statements.forEach((statement, index) => {
        if (statement.type !== 'object')
            return;
        const effect = prop(statement, 'Effect');
        if (effect?.value !== 'Allow')
            return;
        const sid = prop(statement, 'Sid')?.value;
        const label = typeof sid === 'string' && sid ? `statement '${sid}'` : `statement ${index + 1}`;
        const line = (n) => ctx.position(n.offset);
        const notAction = prop(statement, 'NotAction');
        if (notAction) {
            ctx.emit({
                ruleId: 'iam/notaction-allow',
                line: line(notAction).line,
                message: `${cap(label)}${via} allows everything except its \`NotAction\` list, including actions AWS adds later. List the allowed actions under \`Action\` instead.`,
                about: `${label} NotAction`,
            });
        }
        const actions = strings(prop(statement, 'Action'));
        const resources = strings(prop(statement, 'Resource'));
        const starResource = resources.find((r) => r.value === '*');
        let everything = false;
        for (const action of actions) {
            if (action.value === '*' || action.value === '*:*') {
                everything = true;
                ctx.emit({
                    ruleId: 'iam/wildcard-action',
                    line: line(action.node).line,
                    message: `${cap(label)}${via} allows every action of every AWS service (\`"Action": "${action.value}"\`). List the actions the agent needs, e.g. \`["s3:GetObject", "s3:PutObject"]\`.`,
                    about: `${label} Action ${action.value}`,
                });
            }
            else if (/^[a-z0-9-]+:\*$/i.test(action.value)) {
                ctx.emit({
                    ruleId: 'iam/service-wildcard',
                    line: line(action.node).line,
                    message: `${cap(label)}${via} allows every ${action.value.split(':')[0]} action (\`${action.value}\`), including deletes and permission changes. List the actions needed, e.g. \`${action.value.split(':')[0]}:Get*\` for reads.`,
                    about: `${label} Action ${action.value}`,
                });
            }
        }
        if (!starResource || everything)
            return;
        const escalation = actions.filter((a) => /^(?:iam:(?:PassRole|\*)|sts:(?:AssumeRole|\*)|iam:Pass\*|sts:Assume\*)$/i.test(a.value));
        if (escalation.length > 0) {
            ctx.emit({
                ruleId: 'iam/passrole-wildcard',
                line: line(starResource.node).line,
                message: `${cap(label)}${via} allows ${escalation.map((a) => `\`${a.value}\``).join(', ')} on \`"Resource": "*"\`, so the holder can pass or assume any role. Name the roles: \`"Resource": "arn:aws:iam::<account>:role/<role-name>"\`.`,
                about: `${label} ${escalation.map((a) => a.value).join(',')} Resource *`,
            });
        }
        const writes = actions.filter((a) => isWriteCapable(a.value) && !escalation.includes(a));
        if (writes.length > 0) {
            const shown = writes.slice(0, 4).map((a) => `\`${a.value}\``);
            ctx.emit({
                ruleId: 'iam/wildcard-resource',
                line: line(starResource.node).line,
                message: `${cap(label)}${via} allows ${shown.join(', ')}${writes.length > 4 ? ` and ${writes.length - 4} more` : ''} on \`"Resource": "*"\`: every resource of that kind in the account. Name the resources (ARNs, e.g. \`arn:aws:s3:::my-bucket/*\`).`,
                about: `${label} Resource * ${writes.map((a) => a.value).join(',')}`,
            });
        }
    });
}
function cap(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
;// CONCATENATED MODULE: ./packages/scanner/secrets/custom.ts
/**
 * User-defined secret patterns (the equivalent of secretlint's `@secretlint/secretlint-rule-pattern`):
 * an organisation's own token formats, or whole files that must never be committed (`**\/*.env`).
 * Patterns use RE2 syntax and run on re2js, so a user's pattern cannot stall the scan either.
 */


const CUSTOM_RULE_ID = 'secret/custom-pattern';
/** `/source/flags` or a bare source, to an RE2 pattern. */
function compileUserPattern(spec, what) {
    let source = spec;
    let flags = 0;
    const slash = spec.lastIndexOf('/');
    if (spec.length > 2 && spec.startsWith('/') && slash > 0) {
        source = spec.slice(1, slash);
        const letters = spec.slice(slash + 1);
        if (/[^gimsuy]/.test(letters) || letters.length > 6)
            throw new errors/* AstlError */.Ht(`${what}: unknown regular expression flags "${letters}".`, {
                code: 'CONFIG_INVALID',
                hint: 'Use the flags i (ignore case), m (multi-line) or s (dot matches newline).',
            });
        if (letters.includes('i'))
            flags |= build/* RE2JS */.L3.CASE_INSENSITIVE;
        if (letters.includes('m'))
            flags |= build/* RE2JS */.L3.MULTILINE;
        if (letters.includes('s'))
            flags |= build/* RE2JS */.L3.DOTALL;
    }
    try {
        return build/* RE2JS */.L3.compile(source, flags);
    }
    catch (err) {
        throw new errors/* AstlError */.Ht(`${what}: "${spec}" is not a valid RE2 regular expression (${err.message}).`, {
            code: 'CONFIG_INVALID',
            hint: 'Patterns use RE2 syntax, which has no look-arounds or back-references; see https://github.com/google/re2/wiki/Syntax.',
            cause: err,
        });
    }
}
/** Glob to RE2: `**\/` any directories, `*` within a segment, `?` one character. */
function globToRe2(glob) {
    let out = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            if (glob[i + 2] === '/') {
                out += '(?:.*/)?';
                i += 2;
            }
            else {
                out += '.*';
                i += 1;
            }
        }
        else if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else
            out += build/* RE2JS */.L3.quote(c);
    }
    return build/* RE2JS */.L3.compile(out);
}
function compileAllowList(entries, what) {
    const exact = new Set();
    const patterns = [];
    for (const entry of entries) {
        if (entry.length > 2 && entry.startsWith('/') && entry.lastIndexOf('/') > 0)
            patterns.push(compileUserPattern(entry, what));
        else
            exact.add(entry);
    }
    return (value, reported) => exact.has(value) || exact.has(reported) || patterns.some((p) => p.test(value) || p.test(reported));
}
function compileCustomPatterns(specs) {
    return specs.map((spec, index) => {
        const what = `customPatterns[${index}] ("${spec.name}")`;
        const sources = [...(spec.pattern === undefined ? [] : [spec.pattern]), ...(spec.patterns ?? [])];
        const globs = spec.filePathGlobs ?? [];
        if (sources.length === 0 && globs.length === 0)
            throw new errors/* AstlError */.Ht(`${what} has neither a pattern nor filePathGlobs.`, {
                code: 'CONFIG_INVALID',
                hint: 'Give `pattern` (a regular expression) and/or `filePathGlobs` (files that must not be committed).',
            });
        return {
            name: spec.name,
            regexes: sources.map((s) => compileUserPattern(s, what)),
            include: globs.filter((g) => !g.startsWith('!')).map(globToRe2),
            exclude: globs.filter((g) => g.startsWith('!')).map((g) => globToRe2(g.slice(1))),
            allowed: compileAllowList(spec.allow ?? [], what),
        };
    });
}
function appliesTo(p, file) {
    const path = file.replaceAll('\\', '/');
    if (p.include.length > 0 && !p.include.some((g) => g.testExact(path)))
        return false;
    return !p.exclude.some((g) => g.testExact(path));
}
const MAX_HITS_PER_PATTERN = 1000;
function runCustomPatterns(patterns, text, file) {
    const hits = [];
    for (const p of patterns) {
        if (!appliesTo(p, file))
            continue;
        if (p.regexes.length === 0) {
            // A file that must not be committed at all: report its first line.
            const lineEnd = text.indexOf('\n');
            const end = lineEnd === -1 ? text.length : lineEnd;
            hits.push({
                ruleId: CUSTOM_RULE_ID,
                start: 0,
                end,
                secretStart: 0,
                secretEnd: end,
                secret: text,
                what: `file matching the custom secret pattern "${p.name}"`,
            });
            continue;
        }
        for (const re of p.regexes) {
            let count = 0;
            for (const m of re.matchAll(text)) {
                const whole = m[0] ?? '';
                if (whole.length === 0)
                    continue;
                const start = m.index ?? 0;
                const group = m.slice(1).find((g) => g !== undefined && g.length > 0);
                const offset = group === undefined ? 0 : Math.max(0, whole.indexOf(group));
                const secret = group ?? whole;
                if (p.allowed(secret, whole))
                    continue;
                hits.push({
                    ruleId: CUSTOM_RULE_ID,
                    start,
                    end: start + whole.length,
                    secretStart: start + offset,
                    secretEnd: start + offset + secret.length,
                    secret,
                    what: `value matching the custom secret pattern "${p.name}"`,
                });
                if (++count >= MAX_HITS_PER_PATTERN)
                    break;
            }
        }
    }
    return hits;
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/hits.ts
/** What every detector shares: the hit it reports and the per-text scan state. */
/** The next `\n` at or after `from` (or text.length), cached so that repeated calls stay linear. */
function newlineAfter(ctx, from) {
    if (ctx.nextNewline < from) {
        const i = ctx.text.indexOf('\n', from);
        ctx.nextNewline = i === -1 ? ctx.text.length : i;
    }
    return ctx.nextNewline;
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/text.ts
/**
 * Small text helpers for the secret detector: entropy, character classes, offsets to
 * line/column, and redaction (placeholders: placeholder.ts). Nothing here runs a regular expression over
 * caller-controlled input; the detectors do that with re2js.
 */
/** Shannon entropy in bits per character (UTF-16 code units). */
function shannonEntropy(value) {
    if (value.length === 0)
        return 0;
    const counts = new Map();
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / value.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
function isAsciiLetter(code) {
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isDigit(code) {
    return code >= 48 && code <= 57;
}
function text_isAsciiAlnum(code) {
    return isAsciiLetter(code) || isDigit(code);
}
/** A letter in any script (the `\p{L}` of secretlint's look-behinds), without a regex. */
function isLetterChar(ch) {
    if (ch === undefined || ch === '')
        return false;
    const code = ch.charCodeAt(0);
    if (code < 128)
        return isAsciiLetter(code);
    return ch.toLowerCase() !== ch.toUpperCase();
}
function violatesBoundary(ch, boundary) {
    if (ch === undefined || ch === '' || boundary === 'none')
        return false;
    const code = ch.charCodeAt(0);
    switch (boundary) {
        case 'letter':
            return isLetterChar(ch);
        case 'alnum':
            return text_isAsciiAlnum(code);
        case 'word':
            return text_isAsciiAlnum(code) || code === 95;
    }
}
function hasDigit(value) {
    for (let i = 0; i < value.length; i++)
        if (isDigit(value.charCodeAt(i)))
            return true;
    return false;
}
function hasLetter(value) {
    for (let i = 0; i < value.length; i++)
        if (isAsciiLetter(value.charCodeAt(i)))
            return true;
    return false;
}
function hasWhitespace(value) {
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13)
            return true;
    }
    return false;
}
/** True when every character is the same one (`xxxx`, `0000`, `****`). */
function isRepetitive(value) {
    for (let i = 1; i < value.length; i++)
        if (value[i] !== value[0])
            return false;
    return true;
}
/** Offsets to 1-based line and column, built once per text on first use. */
class text_LineIndex {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    lineStarts() {
        if (this.starts)
            return this.starts;
        const starts = [0];
        let i = this.text.indexOf('\n');
        while (i !== -1) {
            starts.push(i + 1);
            i = this.text.indexOf('\n', i + 1);
        }
        this.starts = starts;
        return starts;
    }
    /** 1-based line and column of a 0-based offset. */
    position(offset) {
        const starts = this.lineStarts();
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    }
    /** [start, end) offsets of a 1-based line, without its line break. */
    lineBounds(line) {
        const starts = this.lineStarts();
        const start = starts[line - 1] ?? this.text.length;
        let end = line < starts.length ? (starts[line] ?? this.text.length) - 1 : this.text.length;
        if (end > start && this.text.charCodeAt(end - 1) === 13)
            end--;
        return [start, Math.max(start, end)];
    }
}
/** The visible part of a redacted secret: up to 4 leading characters (fewer for short values). */
function redactedForm(secret) {
    const keep = Math.min(4, Math.floor(secret.length / 3));
    return `${secret.slice(0, keep)}***`;
}
const SNIPPET_CONTEXT = 60;
/**
 * The line holding `[from, to)`, every secret span on it redacted, cut to a window around the
 * finding so that a 5 MB minified line does not become a 5 MB snippet.
 */
function redactedSnippet(text, lineStart, lineEnd, focus, secretsIn) {
    const from = Math.max(lineStart, focus - SNIPPET_CONTEXT);
    let to = Math.min(lineEnd, focus + SNIPPET_CONTEXT * 3);
    const secrets = secretsIn(from, to);
    // Do not cut inside a secret: a cut secret could leave more than 4 characters visible.
    for (const s of secrets)
        if (s.start < to && s.end > to)
            to = Math.min(lineEnd, s.end);
    const spans = secrets.filter((s) => s.start < to && s.end > from).sort((a, b) => a.start - b.start);
    let out = '';
    let cursor = from;
    for (const s of spans) {
        if (s.start >= cursor) {
            out += text.slice(cursor, s.start);
            out += redactedForm(text.slice(s.start, s.end));
        }
        else if (s.end > cursor) {
            out += '***';
        }
        cursor = Math.max(cursor, s.end);
    }
    if (cursor < to)
        out += text.slice(cursor, to);
    return (from > lineStart ? '…' : '') + out + (to < lineEnd ? '…' : '');
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/assignment-syntax.ts


const MAX_VALUE = 512;
const MAX_NAME = 128;
const MAX_GAP = 256;
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token']);
function isKeyChar(code) {
    return text_isAsciiAlnum(code) || code === 95 || code === 45 || code === 46;
}
function isBlank(c) {
    return c === ' ' || c === '\t';
}
/** The assignment operator at `i`, if any: `:::=`, `::=`, `:=`, `??=`, `?=`, `.=`, `+=`, `=>`, `=`, `:`. */
function operatorAt(text, i) {
    const c = text[i];
    const next = text[i + 1];
    if (c === ':') {
        if (text.startsWith(':::=', i))
            return { end: i + 4, colon: false };
        if (text.startsWith('::=', i))
            return { end: i + 3, colon: false };
        if (next === '=')
            return { end: i + 2, colon: false };
        if (next === ':')
            return undefined; // `Token::Kind`
        return { end: i + 1, colon: true };
    }
    if (c === '=') {
        if (next === '>')
            return { end: i + 2, colon: false };
        if (next === '=')
            return undefined; // comparison
        return { end: i + 1, colon: false };
    }
    if (text.startsWith('??=', i))
        return { end: i + 3, colon: false };
    if ((c === '?' || c === '.' || c === '+') && next === '=' && text[i + 2] !== '=')
        return { end: i + 2, colon: false };
    return undefined;
}
/** End of a type name at `i` (`string`, `String?`, `java.lang.String`, `[]byte`, `Map<K, V>`), or `i`. */
function typeNameEnd(text, i) {
    let k = i;
    const limit = Math.min(text.length, i + 64);
    let depth = 0;
    while (k < limit) {
        const c = text.charCodeAt(k);
        const ch = text[k];
        if (ch === '<')
            depth++;
        else if (ch === '>') {
            if (depth === 0)
                break;
            depth--;
        }
        else if (!(text_isAsciiAlnum(c) || ch === '_' || ch === '.' || ch === '?' || ch === '[' || ch === ']')) {
            if (!(depth > 0 && (ch === ',' || ch === ' ')))
                break;
        }
        k++;
    }
    const first = text.charCodeAt(i);
    return depth === 0 && (isAsciiLetter(first) || text[i] === '[' || text[i] === '_') ? k : i;
}
function skipBlanks(text, i) {
    let k = i;
    while (isBlank(text[k]))
        k++;
    return k;
}
/**
 * The operator after a name (and its closing quote), looking through a type annotation:
 * `name Type =` (Go) and `name: Type =` (Kotlin, TypeScript). `,` counts only after a quoted
 * name and before a quoted value (a call's arguments); `value=` only after a quoted name.
 */
function operatorAfterName(text, nameEnd) {
    let i = nameEnd;
    const nameQuoted = text[i] === '"' || text[i] === "'";
    if (nameQuoted)
        i++;
    const afterName = i;
    i = skipBlanks(text, i);
    const op = operatorAt(text, i);
    if (op?.colon) {
        // `name: Type = value`
        const typeStart = skipBlanks(text, op.end);
        const typeEnd = typeNameEnd(text, typeStart);
        const after = typeEnd > typeStart ? operatorAfterType(text, typeEnd) : undefined;
        return after ?? op;
    }
    if (op)
        return op;
    if (nameQuoted && text[i] === ',')
        return { end: i + 1, colon: false, needsQuotedValue: true };
    if (nameQuoted && text.startsWith('value=', i))
        return { end: i + 6, colon: false, needsQuotedValue: true };
    if (!nameQuoted && i > afterName) {
        // `var name Type = value`
        const typeEnd = typeNameEnd(text, i);
        if (typeEnd > i)
            return operatorAfterType(text, typeEnd);
    }
    return undefined;
}
/** `= ` after a type name and a blank (`String = "…"`); `Abc=…` is a value, not a type. */
function operatorAfterType(text, typeEnd) {
    if (!isBlank(text[typeEnd]))
        return undefined;
    const after = operatorAt(text, skipBlanks(text, typeEnd));
    return after && !after.colon ? after : undefined;
}
/** Characters that end an unquoted value (whitespace, quotes, list/statement/query separators, brackets). */
const UNQUOTED_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ';', '<', '>', '&', ')', ']', '}']);
/** End of an unquoted value; a `\n`, `\r` or `\t` escape (inside a JSON string) ends it too. */
function unquotedEnd(text, from) {
    let end = from;
    while (end < text.length && end - from < MAX_VALUE && !UNQUOTED_STOP.has(text[end])) {
        if (text[end] === '\\' && (text[end + 1] === 'n' || text[end + 1] === 'r' || text[end + 1] === 't'))
            break;
        end++;
    }
    return end;
}
/** `<name>value</name>`, the value on the same line or on its own line. */
function readXmlElement(ctx, nameStart, nameEnd) {
    const { text } = ctx;
    const name = text.slice(nameStart, nameEnd);
    let i = nameEnd + 1;
    const gapLimit = Math.min(text.length, i + MAX_GAP);
    while (i < gapLimit && (isBlank(text[i]) || text[i] === '\n' || text[i] === '\r'))
        i++;
    const valueStart = i;
    let end = i;
    const limit = Math.min(text.length, i + MAX_VALUE);
    while (end < limit && text[end] !== '<' && text[end] !== '\n' && text[end] !== '\r')
        end++;
    let valueEnd = end;
    while (valueEnd > valueStart && isBlank(text[valueEnd - 1]))
        valueEnd--;
    const closeLimit = Math.min(text.length, end + MAX_GAP);
    while (end < closeLimit && text[end] !== '<') {
        if (!(isBlank(text[end]) || text[end] === '\n' || text[end] === '\r'))
            return undefined;
        end++;
    }
    if (!text.startsWith(`</${name}>`, end))
        return undefined;
    return {
        name,
        nameStart,
        valueStart,
        value: text.slice(valueStart, valueEnd),
        quoted: true,
        colon: false,
    };
}
/** The value at `i`: quoted on one line (`"`, `'`, backtick) or unquoted up to a stop character. */
function readValue(ctx, i) {
    const { text } = ctx;
    const open = text[i];
    if (open === '"' || open === "'" || open === '`') {
        const valueStart = i + 1;
        const lineEnd = newlineAfter(ctx, valueStart);
        const close = text.slice(valueStart, Math.min(lineEnd, valueStart + MAX_VALUE + 1)).indexOf(open);
        if (close !== -1)
            return { valueStart, valueEnd: valueStart + close, quoted: true };
    }
    return { valueStart: i, valueEnd: unquotedEnd(text, i), quoted: false };
}
/**
 * Where a YAML or JSON value starts when `key:` ends its line: a block scalar (`key: |`,
 * `key: >-`, a comment after the indicator) or a plain or quoted value on the next line, which
 * must be indented deeper than the key (otherwise it is the next key). `at` is just after the
 * colon and its blanks; undefined when a value follows on the same line.
 */
function valueOnNextLine(text, nameStart, at) {
    let i = at;
    if (text[i] === '|' || text[i] === '>') {
        i++;
        while (i < at + 4 && /[-+0-9]/.test(text[i] ?? ''))
            i++;
        i = skipBlanks(text, i);
        if (text[i] === '#') {
            const end = text.indexOf('\n', i);
            if (end === -1 || end - i > MAX_GAP)
                return undefined;
            i = end;
        }
    }
    if (text[i] === '\r')
        i++;
    if (text[i] !== '\n')
        return undefined;
    let lineStart = nameStart;
    while (lineStart > 0 && nameStart - lineStart < MAX_GAP && text[lineStart - 1] !== '\n')
        lineStart--;
    const keyIndent = skipBlanks(text, lineStart) - lineStart;
    const next = i + 1;
    const valueStart = skipBlanks(text, next);
    if (valueStart - next <= keyIndent || valueStart - next > MAX_GAP)
        return undefined;
    const c = text[valueStart];
    return c === undefined || c === '\n' || c === '\r' || c === '#' ? undefined : valueStart;
}
/** Reads `name <op> value` around a keyword hit at `at`; undefined when it is not an assignment. */
function readAssignment(ctx, at) {
    const { text } = ctx;
    let nameStart = at;
    while (nameStart > 0 && at - nameStart < MAX_NAME && isKeyChar(text.charCodeAt(nameStart - 1)))
        nameStart--;
    let nameEnd = at;
    while (nameEnd < text.length && nameEnd - at < MAX_NAME && isKeyChar(text.charCodeAt(nameEnd)))
        nameEnd++;
    if (text[nameStart - 1] === '<' && text[nameEnd] === '>')
        return readXmlElement(ctx, nameStart, nameEnd);
    const op = operatorAfterName(text, nameEnd);
    if (!op)
        return undefined;
    let valueAt = skipBlanks(text, op.end);
    if (op.colon)
        valueAt = valueOnNextLine(text, nameStart, valueAt) ?? valueAt;
    const read = readValue(ctx, valueAt);
    if (op.needsQuotedValue && !read.quoted)
        return undefined;
    let { valueStart, valueEnd } = read;
    let value = text.slice(valueStart, valueEnd);
    // `Authorization: Bearer <token>` and friends: the credential is the second word.
    const isScheme = (word) => AUTH_SCHEMES.has(word.toLowerCase());
    if (read.quoted && hasWhitespace(value)) {
        const space = value.indexOf(' ');
        if (space > 0 && isScheme(value.slice(0, space))) {
            valueStart += space + 1;
            value = value.slice(space + 1);
        }
    }
    else if (!read.quoted && isScheme(value) && text[valueEnd] === ' ') {
        valueStart = valueEnd + 1;
        valueEnd = unquotedEnd(text, valueStart);
        value = text.slice(valueStart, valueEnd);
    }
    return {
        name: text.slice(nameStart, nameEnd),
        nameStart,
        valueStart,
        value,
        quoted: read.quoted,
        colon: op.colon,
    };
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/placeholder.ts
/**
 * One test of "this is a stand-in, not a credential", applied to the random part of every
 * rule's captured secret (the token after its fixed prefix, the value of an assignment, the
 * password of a URL). Documentation, templates and tests fill token shapes with masks
 * (`ghp_xxxx…`, `glpat-XXXX-XXXX`, `…-####`), template references (`<token>`, `${TOKEN}`,
 * `{{ token }}`), words (`YOUR_…`, `…HERE`, `example`) and counting sequences (`1234567890`,
 * `abcdef`); real tokens are random and contain none of these except by a chance that is
 * negligible at token lengths (below 1e-4 per token for each test; see the comments).
 *
 * No regular expressions: character loops only, linear in the value.
 */

/**
 * A reference to a value held elsewhere rather than the value itself: `${VAR}`, `${{ secrets.X }}`,
 * `$(cmd)`, `$VAR`, `{{ var }}`, `{var}`, `%VAR%`, `#{var}`.
 */
function isReference(value) {
    if (value.startsWith('$'))
        return true;
    if (value.includes('${') || value.includes('$(') || value.includes('{{') || value.includes('#{'))
        return true;
    if (value.startsWith('{') && value.endsWith('}'))
        return true;
    if (value.length > 2 && value.startsWith('%') && value.endsWith('%'))
        return true;
    return false;
}
/**
 * Words that mark documentation and fixtures, matched in lower, upper or capitalised case. Each
 * is 4+ letters, most outside the hex alphabet: in a random 60-character base62 token a given
 * 4-letter word appears in one of those spellings with probability about 3 × 60 / 62^4 (1e-5).
 */
const PLACEHOLDER_WORDS = [
    'example',
    'placeholder',
    'changeme',
    'change_me',
    'change-me',
    'dummy',
    'sample',
    'your_',
    'your-',
    'yourtoken',
    'yourpassword',
    'yourkey',
    'yoursecret',
    'xxxx',
    '****',
    '####',
    '...',
    '…',
    '•••',
    'redacted',
    'insert',
    'replace',
    'todo',
    'fixme',
    'notreal',
    'not_real',
    'not-a-real',
    'fake',
    'randomstring',
];
/** Characters that fill a masked value: `x`, `X`, `*`, `#`, `.`, `•` (and `0`, 6 of them). */
function isMaskChar(c) {
    return c === 'x' || c === 'X' || c === '*' || c === '#' || c === '.' || c === '•';
}
/**
 * A run of one character: 5+ of a mask character, 6+ zeros, or 8+ of any (random base62 makes a run of 5
 * of one given character with probability under 1e-7 per position; base64 key material such as
 * Vault batch tokens does start `AAAAA`, hence the higher bar for other characters), or a run
 * covering half of a value of 8+ characters.
 */
function hasFillerRun(value) {
    let run = 1;
    for (let i = 1; i < value.length; i++) {
        run = value[i] === value[i - 1] ? run + 1 : 1;
        const c = value[i];
        if ((run >= 5 && isMaskChar(c)) || (run >= 6 && c === '0') || run >= 8)
            return true;
    }
    return value.length >= 8 && longestRun(value) * 2 >= value.length;
}
function longestRun(value) {
    let best = value.length > 0 ? 1 : 0;
    let run = 1;
    for (let i = 1; i < value.length; i++) {
        run = value[i] === value[i - 1] ? run + 1 : 1;
        if (run > best)
            best = run;
    }
    return best;
}
/**
 * Counting: consecutive characters ascending or descending by one, letters compared without case
 * (`1234567`, `abcdef`, `aBcDeF`, `98765432`): 7 digits or 6 letters (a random run that long is
 * about 1e-6 per position for digits, 1e-7 for letters), or a whole `-`/`_`/`.`-separated
 * segment of 4+ characters that counts (`xoxp-1234-1234-…`).
 */
function hasCountingRun(value) {
    const letterRun = 6;
    let up = 1;
    let down = 1;
    for (let i = 1; i < value.length; i++) {
        const a = value.charCodeAt(i - 1);
        const b = value.charCodeAt(i);
        const digits = isDigit(a) && isDigit(b);
        const la = letterCode(a);
        const lb = letterCode(b);
        const letters = la >= 0 && lb >= 0;
        up = (digits && b === a + 1) || (letters && lb === la + 1) ? up + 1 : 1;
        down = (digits && b === a - 1) || (letters && lb === la - 1) ? down + 1 : 1;
        const need = digits ? 7 : letterRun;
        if (up >= need || down >= need)
            return true;
    }
    return countingSegment(value);
}
/** The lower-case code of an ASCII letter, or -1. */
function letterCode(code) {
    const lower = code | 0x20;
    return lower >= 97 && lower <= 122 ? lower : -1;
}
function countingSegment(value) {
    let start = 0;
    for (let i = 0; i <= value.length; i++) {
        const c = value[i];
        if (i < value.length && c !== '-' && c !== '_' && c !== '.')
            continue;
        const segment = value.slice(start, i);
        start = i + 1;
        if (segment.length < 4)
            continue;
        let counting = true;
        for (let k = 1; k < segment.length && counting; k++)
            counting = segment.charCodeAt(k) === segment.charCodeAt(k - 1) + 1;
        if (counting)
            return true;
    }
    return false;
}
/** At most 3 distinct letters and digits in 12+ of them (`12312312…`, `xXxX…`, `abab…`). */
function tooFewSymbols(value) {
    const seen = new Set();
    let alnum = 0;
    for (let i = 0; i < value.length; i++) {
        if (!text_isAsciiAlnum(value.charCodeAt(i)))
            continue;
        alnum++;
        seen.add(value[i]);
        if (seen.size > 3)
            return false;
    }
    return alnum >= 12;
}
/**
 * Whether the random part of a captured secret is a placeholder: a reference or template
 * (`${X}`, `<token>`, `{{ x }}`), a documentation word (`example`, `YOUR_…`, `…HERE`, `xxxx`),
 * a mask or run of one character, counting digits or letters, or too few distinct symbols.
 * An empty value is not judged (a rule whose fixed prefix is the whole token decides alone).
 */
function isPlaceholderSecret(value) {
    if (value.length === 0)
        return false;
    if (isReference(value))
        return true;
    if (value.includes('<') || value.includes('>'))
        return true;
    if (containsWord(value))
        return true;
    // `…TOKENHERE`, `your_token_here`: "here" ends the value (4e-7 for a random base62 tail).
    if (HERE.some((w) => value.endsWith(w)) || YOUR.some((w) => value.startsWith(w)))
        return true;
    return hasFillerRun(value) || hasCountingRun(value) || tooFewSymbols(value);
}
/**
 * `word` in one case, as documentation writes it (`example`, `EXAMPLE`, `Example`): a random
 * mixed-case token spells a word in one of these cases 8 times less often than in any case.
 */
function spellings(word) {
    return [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)];
}
const WORD_SPELLINGS = PLACEHOLDER_WORDS.flatMap(spellings);
const HERE = spellings('here');
const YOUR = spellings('your');
function containsWord(value) {
    for (const w of WORD_SPELLINGS)
        if (value.includes(w))
            return true;
    return false;
}
/** Placeholder or reference: what the generic and URL rules skip. */
function isPlaceholder(value) {
    return isPlaceholderSecret(value);
}
/**
 * A token cut short, masked or templated in the text right after it: `ghp_abc…`, `AKIA….`,
 * `…-####`, `…_XXXX`, `prefix<token>` (an optional separator, then `…`, `...`, or 3+ of `#`, `*`,
 * `•`, or of `x`/`X` after a separator; or `<`, `${`, `{{` right after).
 */
function followedByMask(text, end) {
    let i = end;
    if (text.startsWith('...', i) || text[i] === '…')
        return true;
    // A template right after the fixed part: `prefix<your-token>`, `prefix${TOKEN}`, `prefix{{ x }}`.
    if (text[i] === '<' || text.startsWith('${', i) || text.startsWith('{{', i))
        return true;
    const c = text[i];
    const separated = c === '-' || c === '_' || c === '.' || c === ':';
    if (separated)
        i++;
    if (text.startsWith('...', i) || text[i] === '…')
        return true;
    let masks = 0;
    while (masks < 3 && i + masks < text.length) {
        const m = text[i + masks];
        if (m !== '#' && m !== '*' && m !== '•' && !(separated && (m === 'x' || m === 'X')))
            break;
        masks++;
    }
    return masks >= 3;
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/assignments.ts
/**
 * Assignments: `password = "..."`, `api_key: ...`, `TOKEN=...` in every syntax that
 * assignment-syntax.ts reads. A keyword (`token`, `secret`, `pass`, ...) found in the text starts
 * a bounded read of the name around it and the value after it; the name decides whether it holds
 * a secret (`secret_name`, `token_url` do not) and the value whether it looks like one (long,
 * mixed, random, not a placeholder or code). Names owned by a specific rule (AWS secret key, npm
 * `_authToken`, legacy Vault tokens, the opt-in identifiers) are judged by that rule.
 */




/** Lower-case literals whose presence in a name makes the assignment worth a look. */
const ASSIGNMENT_KEYWORDS = [
    'pass',
    'pwd',
    'secret',
    'token',
    'apikey',
    'api_key',
    'api-key',
    'accesskey',
    'access_key',
    'privatekey',
    'private_key',
    'private-key',
    'access-key',
    'credential',
    'creds',
    'auth',
];
const OPT_IN_KEYWORDS = ['account', 'tenant', 'client', 'subscription', 'application'];
/** Joined (separator-free, lower-case) names that say "this is a secret". */
const SECRET_NAME_PARTS = [
    'password',
    'passwd',
    'passphrase',
    'secret',
    'token',
    'apikey',
    'accesskey',
    'privatekey',
    'credential',
    'creds',
    'authorization',
    'secretkey',
    'authkey',
    'signingkey',
    'encryptionkey',
    'masterkey',
    'clientkey',
    'appkey',
    'licensekey',
    'servicekey',
];
const SECRET_NAME_WORDS = new Set(['pass', 'pwd', 'auth', 'pw']);
/** Words that make a name describe something that is not secret: `publicToken`, `csrf_token`. */
const NOT_SECRET_WORDS = new Set(['public', 'publishable', 'csrf', 'xsrf']);
/** A name ending in one of these words describes a secret, it does not hold one. */
const NAME_STOP_SUFFIXES = new Set([
    'name',
    'names',
    'file',
    'files',
    'path',
    'dir',
    'url',
    'uri',
    'endpoint',
    'id',
    'ids',
    'type',
    'length',
    'len',
    'size',
    'count',
    'ttl',
    'expiry',
    'expires',
    'expiration',
    'timeout',
    'header',
    'prefix',
    'policy',
    'role',
    'env',
    'ref',
    'mode',
    'format',
    'version',
    'hint',
    'label',
    'field',
    'kind',
    'arn',
    'enabled',
    'enable',
    'hash',
    'sha',
    'digest',
    'checksum',
    'algorithm',
    'alg',
    'method',
    'provider',
    'issuer',
    'audience',
    'scope',
    'scopes',
    'regex',
    'pattern',
    'param',
    'query',
    'required',
    'rotation',
    'date',
    'time',
    'index',
    'location',
    'store',
    'manager',
    'source',
    'reference',
    'variable',
    'var',
    'key',
    'keys',
    'mount',
    'strength',
    'policy',
    'min',
    'max',
]);
/** Words of a name, split at separators and camelCase humps: "azureClientSecret" -> azure client secret. */
function nameWords(name) {
    const words = [];
    let word = '';
    for (let i = 0; i < name.length; i++) {
        const code = name.charCodeAt(i);
        if (!text_isAsciiAlnum(code)) {
            if (word)
                words.push(word);
            word = '';
            continue;
        }
        const upper = code >= 65 && code <= 90;
        const prev = name.charCodeAt(i - 1);
        if (upper && word && ((prev >= 97 && prev <= 122) || isDigit(prev))) {
            words.push(word);
            word = '';
        }
        word += name[i]?.toLowerCase();
    }
    if (word)
        words.push(word);
    return words;
}
function isSecretName(name) {
    const words = nameWords(name);
    const last = words[words.length - 1];
    if (last === undefined)
        return false;
    const joined = words.join('');
    const names = SECRET_NAME_PARTS.some((p) => joined.includes(p)) || words.some((w) => SECRET_NAME_WORDS.has(w));
    if (!names || words.some((w) => NOT_SECRET_WORDS.has(w)))
        return false;
    // `secret_key`, `api_key`, `private_key`: "key" ends a secret name when joined with the part before.
    if (last === 'key' || last === 'keys')
        return SECRET_NAME_PARTS.some((p) => joined.endsWith(p) || joined.endsWith(`${p}s`));
    return !NAME_STOP_SUFFIXES.has(last);
}
const AWS_SECRET_VALUE = build/* RE2JS */.L3.compile('[A-Za-z0-9/+=]{40}');
/** Legacy (pre-1.10) Vault service and batch tokens: `s.` / `b.` + 24 characters. */
const VAULT_LEGACY = build/* RE2JS */.L3.compile('[sb]\\.[A-Za-z0-9]{24}');
const AWS_ACCOUNT = build/* RE2JS */.L3.compile('[0-9]{4}-?[0-9]{4}-?[0-9]{4}');
const GUID = build/* RE2JS */.L3.compile('[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}');
/** A dotted member path or call in code (`process.env.TOKEN`, `config.auth.token`, `get()`). */
const CODE_EXPRESSION = build/* RE2JS */.L3.compile('[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+|.*[()\\[\\]].*');
const CONSTANT_NAME = build/* RE2JS */.L3.compile('[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+');
const IDENTIFIER = build/* RE2JS */.L3.compile('[A-Za-z_$][A-Za-z0-9_$]*');
/**
 * Lower-case words and numbers joined by `-`, `_` or `.` (`x-aws-ec2-metadata-token`,
 * `app-credentials-v2`, `cmp2-qat-1208358310`): names of things, not secrets.
 */
const SLUG = build/* RE2JS */.L3.compile('(?:[a-z]+[0-9]{0,4}|[a-z0-9]{1,3}|[0-9]+)(?:[-_.](?:[a-z]+[0-9]{0,4}|[a-z0-9]{1,3}|[0-9]+))+');
/** A value that names itself (`my-secret-token-1`, `VERY_SECRET_PASSWORD_2`) is a placeholder. */
const SELF_DESCRIBING = ['token', 'secret', 'password', 'passwd', 'apikey', 'api_key', 'api-key'];
const AWS_EXAMPLE_SECRETS = new Set([
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);
function entropyThreshold(length) {
    return Math.min(3.5, 3.0 + (length - 12) * 0.05);
}
/** The generic rule's value test: long, mixed, random-looking, not a placeholder or code. */
function looksLikeSecretValue(value, quoted) {
    if (value.length < 12 || value.length > MAX_VALUE)
        return false;
    if (hasWhitespace(value))
        return false;
    if (!hasDigit(value) || !hasLetter(value))
        return false;
    if (isPlaceholder(value))
        return false;
    if (value.includes('://'))
        return false;
    if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../') || value.startsWith('~/'))
        return false;
    if (!quoted && CODE_EXPRESSION.testExact(value))
        return false;
    if (CONSTANT_NAME.testExact(value))
        return false;
    // An unquoted identifier made of words is code (`CreateOAuth2TokenCommand`, `defaultToConfig2`);
    // random secrets have few lower-case runs of 3+ letters.
    if (!quoted && IDENTIFIER.testExact(value) && camelWordShare(value) >= 0.5)
        return false;
    if (SLUG.testExact(value) || wordShare(value) >= 0.6)
        return false;
    const lower = value.toLowerCase();
    if (SELF_DESCRIBING.some((w) => lower.includes(w)))
        return false;
    if (sequentialShare(value) >= 0.5 || hasCountingRun(value))
        return false;
    return shannonEntropy(value) >= entropyThreshold(value.length);
}
/** Share of characters in camel-case words (`[A-Z]?[a-z]{3,}`): `CreateOAuth2Token` 0.8, random ~0.1. */
function camelWordShare(value) {
    let inWords = 0;
    let i = 0;
    while (i < value.length) {
        const start = i;
        if (isUpper(value.charCodeAt(i)))
            i++;
        let lower = 0;
        while (i < value.length && isLower(value.charCodeAt(i))) {
            i++;
            lower++;
        }
        if (lower >= 3)
            inWords += i - start;
        if (i === start)
            i++;
    }
    return value.length === 0 ? 0 : inWords / value.length;
}
function isUpper(code) {
    return code >= 65 && code <= 90;
}
function isLower(code) {
    return code >= 97 && code <= 122;
}
/**
 * Share of characters in lower-case words of 3+ letters (optionally with a short number), for
 * values split by punctuation into 3+ parts: `AKID/date/region/sts/aws4_request` is a path, not a key.
 */
function wordShare(value) {
    const parts = [];
    let part = '';
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (text_isAsciiAlnum(c))
            part += value[i];
        else {
            if (part)
                parts.push(part);
            part = '';
        }
    }
    if (part)
        parts.push(part);
    if (parts.length < 3)
        return 0;
    let words = 0;
    for (const p of parts) {
        let letters = 0;
        while (letters < p.length && p.charCodeAt(letters) >= 97 && p.charCodeAt(letters) <= 122)
            letters++;
        let digits = letters;
        while (digits < p.length && isDigit(p.charCodeAt(digits)))
            digits++;
        if (letters >= 3 && digits === p.length && digits - letters <= 4)
            words += p.length;
    }
    return words / value.length;
}
/** Share of characters in ascending runs of 3+ (`abc123xyz456` -> 1.0): example filler. */
function sequentialShare(value) {
    let inRuns = 0;
    let run = 1;
    for (let i = 1; i <= value.length; i++) {
        const ascending = i < value.length &&
            value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 &&
            text_isAsciiAlnum(value.charCodeAt(i));
        if (ascending)
            run++;
        else {
            if (run >= 3)
                inRuns += run;
            run = 1;
        }
    }
    return value.length === 0 ? 0 : inRuns / value.length;
}
/** `abcde`, `12345`, `ABCDE`: keyboard-walk filler of examples, not random output. */
function hasSequentialRun(value, length) {
    let run = 1;
    for (let i = 1; i < value.length; i++) {
        run =
            value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 && isAsciiAlnum(value.charCodeAt(i)) ? run + 1 : 1;
        if (run >= length)
            return true;
    }
    return false;
}
function assignmentHandler(ctx, at) {
    if (at < ctx.consumedUntil)
        return;
    const a = readAssignment(ctx, at);
    if (!a || a.nameStart === ctx.lastNameStart)
        return;
    // A name inside an ARN, URN or path (`arn:aws:secretsmanager:...`) is not an assignment.
    const before = ctx.text[a.nameStart - 1];
    if ((before === ':' || before === '/') && a.colon)
        return;
    ctx.lastNameStart = a.nameStart;
    ctx.consumedUntil = a.valueStart + a.value.length;
    const { name, value, valueStart } = a;
    if (value.length === 0)
        return;
    const joined = nameWords(name).join('');
    // Secrets get the placeholder test on the whole value (randomFrom 0); identifiers none.
    const push = (ruleId, what, randomFrom = 0) => {
        const hit = {
            ruleId,
            start: valueStart,
            end: valueStart + value.length,
            secretStart: valueStart,
            secretEnd: valueStart + value.length,
            secret: value,
            ...(what ? { what } : {}),
        };
        if (randomFrom !== null)
            hit.randomFrom = randomFrom;
        ctx.hits.push(hit);
    };
    // Names owned by a specific rule: a value of the wrong shape there is not re-checked generically
    // (an encrypted blob under AWS_SECRET_ACCESS_KEY is not the key).
    if (joined.endsWith('secretaccesskey') || joined.endsWith('awssecretkey')) {
        if (AWS_SECRET_VALUE.testExact(value) &&
            !AWS_EXAMPLE_SECRETS.has(value) &&
            hasDigit(value) &&
            !isPlaceholder(value))
            push('secret/aws-secret-access-key');
        return;
    }
    if (ctx.enabled('secret/aws-account-id') && (joined.endsWith('accountid') || joined.endsWith('account'))) {
        if (AWS_ACCOUNT.testExact(value))
            push('secret/aws-account-id', undefined, null);
        return;
    }
    if (ctx.enabled('secret/azure-identifier') &&
        (joined.endsWith('tenantid') ||
            joined.endsWith('clientid') ||
            joined.endsWith('subscriptionid') ||
            joined.endsWith('applicationid'))) {
        if (GUID.testExact(value))
            push('secret/azure-identifier', undefined, null);
        return;
    }
    if (VAULT_LEGACY.testExact(value) && (joined.includes('vault') || joined.includes('token'))) {
        // gitleaks' tests: `s.AcceptanceTimeoutSeconds`-like words are not tokens; real ones mix
        // digits and both cases.
        if (isLegacyVaultToken(value.slice(2)))
            push('secret/vault-token', 'legacy Vault token', 2);
        return;
    }
    if (joined.endsWith('authtoken') &&
        name.startsWith('_') &&
        value.length >= 16 &&
        !hasWhitespace(value) &&
        !isPlaceholder(value)) {
        push('secret/npm-token', 'npm `_authToken`');
        return;
    }
    if (!isSecretName(name))
        return;
    if (looksLikeSecretValue(value, a.quoted))
        push('secret/generic-high-entropy');
}
function isLegacyVaultToken(body) {
    let upper = false;
    let lower = false;
    for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        if (c >= 65 && c <= 90)
            upper = true;
        else if (c >= 97 && c <= 122)
            lower = true;
    }
    return upper && lower && hasDigit(body) && shannonEntropy(body) >= 3.5;
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/keys.ts
/**
 * Private keys: PEM blocks of every kind (`-----BEGIN [RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP|…]
 * PRIVATE KEY[ BLOCK]-----`, RFC 7468 and RFC 4880 armour), also inside JSON strings with `\n`
 * escapes (GCP service-account files), and PuTTY `.ppk` files. A block is reported only when its
 * body is real key material: base64 that starts like DER (`MI…`, `MC…`–`MH…`), an OpenSSH key
 * (`openssh-key-v1`) or an OpenPGP secret-key packet, so `-----BEGIN PRIVATE KEY-----\n...` in
 * documentation is not.
 */



const PEM_HEADER = build/* RE2JS */.L3.compile('^-----BEGIN ?(?:[A-Z0-9_-]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----');
/**
 * Body of a real key: base64, long enough, starting with an ASN.1 SEQUENCE (`MC`–`MI`: 0x30 and a
 * length byte), `openssh-key-v1`, or an OpenPGP secret-key packet (old format tag 5: `lA`, `lQ`,
 * `lg`; new format: `xc`).
 */
const KEY_BODY = build/* RE2JS */.L3.compile('(?:M[C-I]|b3BlbnNzaC1rZXktdjE|l[AQg]|xc)[A-Za-z0-9+/]{58,}={0,2}');
const MAX_KEY_BODY = 32_768;
/**
 * The base64 of a PEM body: PEM headers (Proc-Type, DEK-Info, PGP `Version:`), whitespace, `\n`
 * escapes, quotes and the PGP armour checksum line (`=8xQN`) dropped.
 */
function keyBody(raw) {
    let out = '';
    let line = '';
    const flush = () => {
        const checksum = line.length === 5 && line.startsWith('=');
        if (!line.includes(':') && !checksum)
            out += line;
        line = '';
    };
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\' && (raw[i + 1] === 'n' || raw[i + 1] === 'r')) {
            flush();
            i++;
        }
        else if (c === '\n' || c === '\r')
            flush();
        else if (c !== ' ' && c !== '\t' && c !== '"' && c !== "'" && c !== '+' && c !== ',')
            line += c;
        else if (c === '+' && text_isAsciiAlnum(raw.charCodeAt(i + 1)))
            line += c;
    }
    flush();
    return out;
}
function privateKeyHandler(ctx, at) {
    const { text } = ctx;
    const header = PEM_HEADER.exec(text.slice(at, at + 128));
    if (!header)
        return;
    const bodyStart = at + header[0].length;
    // The next END marker, cached so that many BEGINs without END stay linear.
    if (ctx.nextPemEnd === undefined || (ctx.nextPemEnd !== -1 && ctx.nextPemEnd < bodyStart))
        ctx.nextPemEnd = text.indexOf('-----END', bodyStart);
    const endMarker = ctx.nextPemEnd;
    if (endMarker === -1 || endMarker - bodyStart > MAX_KEY_BODY)
        return;
    const body = keyBody(text.slice(bodyStart, endMarker));
    if (!KEY_BODY.testExact(body))
        return;
    const close = text.slice(endMarker + 8, endMarker + 72).indexOf('-----');
    const end = close === -1 ? endMarker + 8 : endMarker + 8 + close + 5;
    // The secret span starts at the first body character (after line breaks or `\n` escapes).
    let secretStart = bodyStart;
    while (secretStart < endMarker) {
        const c = text[secretStart];
        if (c === '\n' || c === '\r')
            secretStart++;
        else if (c === '\\' && text[secretStart + 1] === 'n')
            secretStart += 2;
        else
            break;
    }
    const gcp = text.slice(Math.max(0, at - 64), at).includes('"private_key"') && text.includes('"service_account"');
    ctx.hits.push({
        ruleId: 'secret/private-key',
        start: at,
        end,
        secretStart,
        secretEnd: endMarker,
        secret: body,
        what: gcp ? 'GCP service account private key' : 'private key',
    });
}
const PUTTY_SCAN = 4096;
const PUTTY_MAX_LINES = 64;
/**
 * A PuTTY private key file (`PuTTY-User-Key-File-2:` / `-3:`): the base64 lines announced by
 * `Private-Lines: N`. Encrypted ones are reported too (the passphrase is the only protection).
 */
function puttyKeyHandler(ctx, at) {
    const { text } = ctx;
    const window = text.slice(at, at + PUTTY_SCAN);
    const marker = window.indexOf('\nPrivate-Lines:');
    if (marker === -1)
        return;
    let i = marker + '\nPrivate-Lines:'.length;
    while (window[i] === ' ')
        i++;
    let count = 0;
    while (i < window.length && window.charCodeAt(i) >= 48 && window.charCodeAt(i) <= 57 && count < 1000)
        count = count * 10 + (window.charCodeAt(i++) - 48);
    if (count === 0 || count > PUTTY_MAX_LINES)
        return;
    const firstLine = window.indexOf('\n', i);
    if (firstLine === -1)
        return;
    let cursor = at + firstLine + 1;
    let body = '';
    for (let n = 0; n < count && cursor < text.length; n++) {
        let lineEnd = text.indexOf('\n', cursor);
        if (lineEnd === -1 || lineEnd - cursor > 200)
            lineEnd = Math.min(text.length, cursor + 200);
        body += text.slice(cursor, lineEnd).trim();
        cursor = lineEnd + 1;
    }
    if (body.length < 40 || !/^[A-Za-z0-9+/=]+$/.test(body) || isPlaceholderSecret(body))
        return;
    const secretStart = at + firstLine + 1;
    ctx.hits.push({
        ruleId: 'secret/private-key',
        start: at,
        end: Math.min(text.length, cursor - 1),
        secretStart,
        secretEnd: Math.min(text.length, cursor - 1),
        secret: body,
        what: 'PuTTY private key',
    });
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/tokens.ts
/**
 * Token rules: vendor formats with a literal prefix (`ghp_`, `AKIA`, `glpat-`, `xoxb-`, ...).
 * Each is an re2js (linear-time) pattern run on a bounded window that starts at its anchor, so
 * the cost per anchor is bounded. Shapes follow each vendor's documented formats and the
 * patterns of gitleaks and secretlint (see docs/secrets.md for the sources per rule).
 */



function continuesToken(code, cls) {
    switch (cls) {
        case 'word':
            return text_isAsciiAlnum(code) || code === 95;
        case 'alnum':
            return text_isAsciiAlnum(code);
        case 'alpha':
            return isAsciiLetter(code);
        case 'hex':
            return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
        case 'tok':
            return text_isAsciiAlnum(code) || code === 95 || code === 45;
        case 'tokdot':
            return text_isAsciiAlnum(code) || code === 95 || code === 45 || code === 46;
        case 'azure':
            return text_isAsciiAlnum(code) || code === 95 || code === 45 || code === 46 || code === 126;
        case 'b64':
            return text_isAsciiAlnum(code) || code === 43 || code === 47 || code === 61;
        case 'b64u':
            return text_isAsciiAlnum(code) || code === 43 || code === 47 || code === 61 || code === 95 || code === 45;
        case 'url':
            return (text_isAsciiAlnum(code) ||
                code === 95 ||
                code === 45 ||
                code === 46 ||
                code === 58 ||
                code === 47 ||
                code === 64);
        case 'none':
            return false;
    }
}
function anchored(pattern, flags = 0) {
    return build/* RE2JS */.L3.compile(`^(?:${pattern})`, flags);
}
/** Whether every character of class `inner` belongs to class `outer` (for the too-long shortcut). */
function classWithin(inner, outer) {
    const order = {
        alpha: ['alpha', 'alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
        hex: ['hex', 'alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
        alnum: ['alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
        word: ['word', 'tok', 'tokdot', 'azure', 'b64u', 'url'],
        tok: ['tok', 'tokdot', 'azure', 'b64u', 'url'],
        tokdot: ['tokdot', 'azure'],
        azure: ['azure'],
        b64: ['b64', 'b64u'],
        b64u: ['b64u'],
        url: ['url'],
        none: [],
    };
    return order[inner].includes(outer);
}
let nextHandlerSlot = 0;
function tokenHandler(spec) {
    const shapes = spec.shapes.map((s) => ({ ...s, re: anchored(s.pattern) }));
    const allow = new Set(spec.builtinAllow ?? []);
    const tooLongRejects = classWithin(spec.run, spec.after);
    const slot = nextHandlerSlot++;
    return (ctx, anchorAt, anchorLength) => {
        const { text } = ctx;
        const at = anchorAt - (spec.anchorOffset ?? 0);
        if (at < 0)
            return;
        // One look per run of token characters: an anchor inside a run already examined by this
        // rule (`ghp_ghp_ghp_...`) starts no new search, which keeps dense anchors linear.
        if (at < (ctx.examinedUntil[slot] ?? 0))
            return;
        if (violatesBoundary(text[at - 1], spec.before))
            return;
        let runEnd = at;
        const limit = Math.min(text.length, at + spec.maxLength + 1);
        while (runEnd < limit && continuesToken(text.charCodeAt(runEnd), spec.run))
            runEnd++;
        ctx.examinedUntil[slot] = runEnd;
        const run = runEnd - at;
        if (run < spec.minLength)
            return;
        if (run > spec.maxLength && tooLongRejects)
            return;
        const window = text.slice(at, runEnd);
        for (const shape of shapes) {
            const m = shape.re.exec(window);
            if (!m)
                continue;
            const value = m[0];
            const end = at + value.length;
            if (end < text.length && continuesToken(text.charCodeAt(end), spec.after))
                continue;
            if (allow.has(value))
                return;
            if (spec.validate && !spec.validate(value))
                continue;
            if (shape.validate && !shape.validate(value))
                continue;
            // `ghp_abc…`, `xoxp-…-####`: an example cut short or masked in the text.
            if (followedByMask(text, end))
                return;
            const from = spec.secretFrom ?? 0;
            // The fixed prefix is the anchor (from its start); a token that starts before its anchor
            // (Azure's `Q~` is inside) has no fixed prefix.
            const prefix = spec.anchorOffset ? 0 : Math.max(0, anchorLength - from);
            ctx.hits.push({
                ruleId: spec.ruleId,
                start: at,
                end,
                secretStart: at + from,
                secretEnd: end,
                secret: value.slice(from),
                randomFrom: shape.randomFrom?.(value) ?? spec.randomFrom ?? prefix,
                ...(shape.what ? { what: shape.what } : {}),
            });
            return;
        }
    };
}
function base64Json(b64) {
    try {
        const json = Buffer.from(b64.replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString('utf8');
        const parsed = JSON.parse(json);
        return typeof parsed === 'object' && parsed !== null;
    }
    catch {
        return false;
    }
}
const TOKEN_SPECS = [
    {
        // AWS unique-ID prefixes (IAM User Guide, "Unique identifiers"): AKIA access key, ASIA STS
        // temporary key, ABIA STS service bearer token, ACCA context-specific credential, A3T… older
        // keys, and the identifiers of users, groups, roles and instance profiles. Random parts are
        // base32 today; [A-Z0-9] keeps older keys.
        ruleId: 'secret/aws-access-key-id',
        anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'A3T'],
        shapes: [{ pattern: '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}' }],
        maxLength: 20,
        minLength: 20,
        run: 'word',
        before: 'word',
        after: 'word',
        // gitleaks' bar: DNA strings (`…-ACCATAGG…`) have the shape but 2 bits of entropy.
        validate: (v) => shannonEntropy(v) >= 3,
        builtinAllow: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE'],
    },
    {
        // Amazon Bedrock API keys (Bedrock User Guide, "API keys"): long-term keys are `ABSK` +
        // base64 of `BedrockAPIKey-…`; short-term keys are `bedrock-api-key-` + base64 of a presigned
        // `bedrock.amazonaws.com/?Action=CallWithBearerToken&…` URL.
        ruleId: 'secret/aws-bedrock-api-key',
        anchors: ['ABSKQmVkcm9ja0FQSUtleS', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'],
        shapes: [
            {
                pattern: 'ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{87,247}={0,2}',
                what: 'long-term Amazon Bedrock API key',
            },
            {
                pattern: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=]*',
                what: 'short-term Amazon Bedrock API key',
            },
        ],
        maxLength: 8192,
        minLength: 44,
        run: 'b64u',
        before: 'word',
        after: 'b64',
    },
    {
        ruleId: 'secret/github-token',
        anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'v1.'],
        shapes: [
            {
                pattern: 'ghs_[0-9]+_eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+',
                what: 'GitHub App installation token',
                // `ghs_<installation id>_<JWT>`: the id is not random.
                randomFrom: (v) => v.indexOf('_eyJ') + 1,
            },
            { pattern: 'github_pat_[A-Za-z0-9_]{82}', what: 'GitHub fine-grained personal access token' },
            { pattern: 'gh[pousr]_[A-Za-z0-9_]{36}', what: 'GitHub token' },
            {
                // Installation tokens before April 2021: `v1.` + 40 hex.
                pattern: 'v1\\.[0-9a-f]{40}',
                what: 'GitHub App installation token (v1 format)',
                validate: (v) => hasLetter(v.slice(3)) && hasDigit(v.slice(3)) && shannonEntropy(v.slice(3)) >= 3,
            },
        ],
        maxLength: 4096,
        minLength: 40,
        run: 'tokdot',
        before: 'letter',
        after: 'word',
    },
    {
        // GitLab token prefixes (GitLab docs, "Token prefixes"), including routable tokens
        // (`glpat-<payload>.<2 chars>.<crc>`) and the session cookie.
        ruleId: 'secret/gitlab-token',
        anchors: [
            'glpat-',
            'gldt-',
            'glrt-',
            'glrtr-',
            'glptt-',
            'glft-',
            'glimt-',
            'glagent-',
            'gloas-',
            'glcbt-',
            'glsoat-',
            'glffct-',
            'glwt-',
            'GR1348941',
        ],
        shapes: [
            {
                pattern: 'gl(?:pat|dt|rt|rtr|ptt|ft|imt|agent|oas|cbt|soat|ffct|wt)-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}\\.?[0-9a-z]{7,9})?',
            },
            { pattern: 'GR1348941[A-Za-z0-9_-]{20,64}', what: 'GitLab runner registration token' },
        ],
        maxLength: 320,
        minLength: 25,
        run: 'tokdot',
        before: 'letter',
        after: 'tok',
        validate: (v) => shannonEntropy(v.slice(v.indexOf('-') + 1 || 9)) >= 3,
    },
    {
        ruleId: 'secret/gitlab-token',
        anchors: ['_gitlab_session='],
        shapes: [{ pattern: '_gitlab_session=[0-9a-z]{32}', what: 'GitLab session cookie' }],
        maxLength: 48,
        minLength: 48,
        run: 'b64u',
        before: 'none',
        after: 'alnum',
        secretFrom: 16,
    },
    {
        // Slack token types (api.slack.com "Token types", "Configuration tokens"); the shapes of
        // gitleaks' Slack rules first, then a broad `xox?-` form for older and unusual tokens.
        ruleId: 'secret/slack-token',
        anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxc-', 'xoxe.', 'xapp-'],
        shapes: [
            { pattern: '(?i)xoxe\\.xox[bp]-[0-9]-[A-Z0-9]{163,166}', what: 'Slack configuration token' },
            { pattern: '(?i)xoxe-[0-9]-[A-Z0-9]{146}', what: 'Slack configuration refresh token' },
            { pattern: 'xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}', what: 'Slack user token' },
            { pattern: 'xoxb-[0-9]{10,13}-[0-9]{10,13}[A-Za-z0-9-]*', what: 'Slack bot token' },
            { pattern: 'xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}', what: 'Slack bot token' },
            { pattern: '(?i)xapp-[0-9]-[A-Z0-9]+-[0-9]+-[A-Z0-9]+', what: 'Slack app-level token' },
            { pattern: 'xox[os]-[0-9]+-[0-9]+-[0-9]+-[A-Fa-f0-9]+', what: 'Slack legacy token' },
            {
                pattern: '(?:xoxe\\.)?(?:xox[bpaorsec]|xapp)-(?:[0-9]-)?(?:[A-Za-z0-9]{1,80}-)+[A-Za-z0-9]{1,80}',
                validate: (v) => v.length >= 20 && hasDigit(v),
            },
            { pattern: 'xox[ar]-(?:[0-9]-)?[A-Za-z0-9]{8,48}', what: 'Slack workspace token' },
        ],
        maxLength: 512,
        minLength: 13,
        run: 'tokdot',
        before: 'word',
        after: 'alnum',
    },
    {
        // Incoming webhooks, workflow and trigger URLs; the path after the kind is the secret.
        ruleId: 'secret/slack-webhook',
        anchors: ['https://hooks.slack.com/', 'http://hooks.slack.com/', 'hooks.slack.com/'],
        shapes: [
            {
                pattern: '(?:https?://)?hooks\\.slack\\.com/(?:services/T[A-Za-z0-9_]{1,40}/B[A-Za-z0-9_]{1,40}/[A-Za-z0-9_]{1,64}|workflows/T[A-Za-z0-9_]{1,40}/A[A-Za-z0-9_]{1,40}/[0-9]{1,40}/[A-Za-z0-9_]{1,64}|triggers/T[A-Za-z0-9_]{1,40}/[0-9]{1,40}/[A-Za-z0-9_]{1,64})',
            },
            { pattern: '(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{43,120}' },
        ],
        maxLength: 256,
        minLength: 45,
        run: 'url',
        before: 'none',
        after: 'alnum',
    },
    {
        ruleId: 'secret/vault-token',
        anchors: ['hvs.', 'hvb.', 'hvr.'],
        shapes: [
            { pattern: 'hvs\\.[A-Za-z0-9_-]{24,120}', what: 'Vault service token' },
            { pattern: 'hvb\\.[A-Za-z0-9_-]{24,300}', what: 'Vault batch token' },
            { pattern: 'hvr\\.[A-Za-z0-9_-]{24,120}', what: 'Vault recovery token' },
        ],
        maxLength: 304,
        minLength: 28,
        run: 'tokdot',
        before: 'letter',
        after: 'tok',
        validate: (v) => hasDigit(v) && hasLetter(v.slice(4)) && shannonEntropy(v.slice(4)) >= 3.5,
    },
    {
        ruleId: 'secret/npm-token',
        anchors: ['npm_'],
        shapes: [{ pattern: 'npm_[A-Za-z0-9]{36}' }],
        maxLength: 40,
        minLength: 40,
        run: 'word',
        before: 'letter',
        after: 'word',
    },
    {
        ruleId: 'secret/openai-api-key',
        anchors: ['sk-'],
        shapes: [
            { pattern: 'sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}' },
            { pattern: 'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}' },
        ],
        maxLength: 400,
        minLength: 51,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/anthropic-api-key',
        anchors: ['sk-'],
        shapes: [{ pattern: 'sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,200}' }],
        maxLength: 220,
        minLength: 93,
        run: 'tok',
        before: 'letter',
        after: 'tok',
        validate: (v) => v.endsWith('AA'),
    },
    {
        ruleId: 'secret/groq-api-key',
        anchors: ['gsk_'],
        shapes: [{ pattern: 'gsk_[A-Za-z0-9]{52}' }],
        maxLength: 56,
        minLength: 56,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/huggingface-token',
        anchors: ['hf_'],
        shapes: [{ pattern: 'hf_[A-Za-z]{34}' }],
        maxLength: 37,
        minLength: 37,
        run: 'word',
        before: 'letter',
        after: 'alpha',
    },
    {
        ruleId: 'secret/linear-api-key',
        anchors: ['lin_api_'],
        shapes: [{ pattern: 'lin_api_[A-Za-z0-9_]{32,128}' }],
        maxLength: 136,
        minLength: 40,
        run: 'word',
        before: 'letter',
        after: 'word',
    },
    {
        ruleId: 'secret/notion-token',
        anchors: ['ntn_'],
        shapes: [{ pattern: 'ntn_[0-9]{11}[A-Za-z0-9]{35}' }],
        maxLength: 50,
        minLength: 50,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/1password-service-account-token',
        anchors: ['ops_ey'],
        shapes: [{ pattern: 'ops_ey[A-Za-z0-9+/]{98,}fQ={0,2}' }],
        maxLength: 1300,
        minLength: 106,
        run: 'b64u',
        before: 'letter',
        after: 'b64',
        validate: (v) => base64Json(v.slice(4)),
    },
    {
        ruleId: 'secret/sendgrid-api-key',
        anchors: ['SG.'],
        shapes: [{ pattern: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}' }],
        maxLength: 69,
        minLength: 69,
        run: 'tokdot',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/shopify-token',
        anchors: ['shpss_', 'shpat_', 'shpca_', 'shppa_'],
        shapes: [{ pattern: 'shp(?:ss|at|ca|pa)_[A-Za-z0-9]{32,64}' }],
        maxLength: 70,
        minLength: 38,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/grafana-token',
        anchors: ['glc_', 'glsa_'],
        shapes: [
            { pattern: 'glc_[A-Za-z0-9+/]{32,400}={0,2}', what: 'Grafana Cloud API token' },
            { pattern: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', what: 'Grafana service account token' },
        ],
        maxLength: 410,
        minLength: 36,
        run: 'b64u',
        before: 'letter',
        after: 'b64',
    },
    {
        ruleId: 'secret/vercel-token',
        anchors: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
        shapes: [{ pattern: 'vc[picrka]_[A-Za-z0-9]{20,60}' }],
        maxLength: 64,
        minLength: 24,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/databricks-token',
        anchors: ['dapi'],
        shapes: [{ pattern: 'dapi[A-Fa-f0-9]{32}(?:-[0-9])?' }],
        maxLength: 38,
        minLength: 36,
        run: 'tok',
        before: 'letter',
        after: 'hex',
    },
    {
        ruleId: 'secret/docker-hub-token',
        anchors: ['dckr_pat_', 'dckr_oat_'],
        shapes: [{ pattern: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27}' }],
        maxLength: 36,
        minLength: 36,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/figma-token',
        anchors: ['figd_'],
        shapes: [{ pattern: 'figd_[A-Za-z0-9_-]{40,200}' }],
        maxLength: 205,
        minLength: 45,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/cloudflare-api-token',
        anchors: ['cfat_', 'cfut_', 'cfk_'],
        shapes: [{ pattern: 'cf(?:at|ut|k)_[A-Za-z0-9]{40}[a-f0-9]{8}' }],
        maxLength: 53,
        minLength: 52,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/stripe-secret-key',
        anchors: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
        shapes: [{ pattern: '[sr]k_(?:live|test)_[A-Za-z0-9]{24,}' }],
        maxLength: 260,
        minLength: 32,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/tailscale-key',
        anchors: ['tskey-'],
        shapes: [{ pattern: 'tskey-[a-z]{2,20}-[A-Za-z0-9]{8,40}-[A-Za-z0-9]{16,64}' }],
        maxLength: 135,
        minLength: 34,
        run: 'tok',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/google-cloud-key',
        anchors: ['AIza', 'GOCSPX-'],
        shapes: [
            { pattern: 'AIza[0-9A-Za-z_-]{35}', what: 'Google API key' },
            { pattern: 'GOCSPX-[0-9A-Za-z_-]{28}', what: 'Google OAuth client secret' },
        ],
        maxLength: 39,
        minLength: 35,
        run: 'tok',
        before: 'word',
        after: 'tok',
    },
    {
        ruleId: 'secret/azure-client-secret',
        anchors: ['Q~'],
        anchorOffset: 4,
        shapes: [{ pattern: '[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}' }],
        maxLength: 40,
        minLength: 37,
        run: 'azure',
        before: 'word',
        after: 'azure',
        validate: (v) => hasDigit(v.slice(6)) && shannonEntropy(v) >= 3.5,
    },
    {
        ruleId: 'secret/azure-storage-key',
        anchors: ['AccountKey='],
        shapes: [{ pattern: 'AccountKey=[A-Za-z0-9+/]{86}==' }],
        maxLength: 99,
        minLength: 99,
        run: 'b64',
        before: 'none',
        after: 'b64',
        secretFrom: 11,
    },
    {
        ruleId: 'secret/pulumi-token',
        anchors: ['pul-'],
        shapes: [{ pattern: 'pul-[a-f0-9]{40}' }],
        maxLength: 44,
        minLength: 44,
        run: 'tok',
        before: 'letter',
        after: 'alnum',
    },
    {
        // age (filippo.io/age) X25519 identities: `AGE-SECRET-KEY-1` + 58 bech32 characters.
        ruleId: 'secret/age-secret-key',
        anchors: ['AGE-SECRET-KEY-1'],
        shapes: [{ pattern: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}' }],
        maxLength: 74,
        minLength: 74,
        run: 'tok',
        before: 'word',
        after: 'alnum',
    },
    {
        // Microsoft Teams incoming webhook (Office 365 connector) URLs: the path is the credential.
        ruleId: 'secret/microsoft-teams-webhook',
        anchors: ['webhook.office.com/webhookb2/'],
        shapes: [
            {
                pattern: 'webhook\\.office\\.com/webhookb2/[0-9A-Za-z-]{36}@[0-9A-Za-z-]{36}/IncomingWebhook/[0-9A-Za-z]{32}/[0-9A-Za-z-]{36}(?:/[A-Za-z0-9_-]{20,80})?',
            },
        ],
        maxLength: 260,
        minLength: 180,
        run: 'url',
        before: 'none',
        after: 'alnum',
    },
    {
        ruleId: 'secret/ethereum-private-key',
        anchors: ['0x'],
        shapes: [{ pattern: '0x[0-9a-fA-F]{64}' }],
        maxLength: 66,
        minLength: 66,
        run: 'alnum',
        before: 'alnum',
        after: 'alnum',
        validate: (v) => shannonEntropy(v.slice(2)) >= 3,
    },
    {
        ruleId: 'secret/jwt',
        anchors: ['eyJ'],
        shapes: [{ pattern: 'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}' }],
        maxLength: 16384,
        minLength: 40,
        run: 'tokdot',
        before: 'word',
        after: 'tok',
        validate: (v) => base64Json(v.slice(0, v.indexOf('.'))),
    },
];

;// CONCATENATED MODULE: ./packages/scanner/secrets/urls.ts
/**
 * Credentials in URLs (`scheme://user:password@host`, database connection strings) and GitHub
 * tokens in git URLs (`https://<token>:x-oauth-basic@github.com/`).
 */



function urls_anchored(pattern) {
    return build/* RE2JS */.L3.compile(`^(?:${pattern})`);
}
const URL_USERINFO = urls_anchored('([^:/@\\s"\'<>`]{1,100}):([^@/\\s"\'<>`]{1,200})@([^/\\s"\'<>`?#]{1,256})');
const DB_SCHEMES = new Set([
    'mongodb',
    'mongodb+srv',
    'mysql',
    'mysqlx',
    'postgres',
    'postgresql',
    'redis',
    'rediss',
    'amqp',
    'amqps',
    'mssql',
    'sqlserver',
    'mariadb',
    'couchdb',
    'cockroachdb',
]);
/** secretlint's basic-auth placeholder words (matched as substrings of user and password). */
const BASIC_PLACEHOLDERS = [
    'localhost',
    '127.0.0.1',
    'password',
    'mypassword',
    'myusername',
    'your_password',
    'your_username',
    'replace_with',
];
/** secretlint's connection-string placeholder passwords (matched exactly). */
const DB_PLACEHOLDERS = new Set([
    'localhost',
    '127.0.0.1',
    'example.com',
    'example.org',
    'test.com',
    'password',
    'username',
    'secret',
    'mypassword',
    'myusername',
    'root',
    'admin',
    'user',
    'pass',
    'your_password',
    'your_username',
    'replace_with_password',
]);
function isUserinfoStop(c) {
    return (c === undefined ||
        c === '/' ||
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        c === '"' ||
        c === "'" ||
        c === '<' ||
        c === '>' ||
        c === '`');
}
function hasUserinfo(text, from) {
    let i = from;
    const userLimit = from + 100;
    while (i < userLimit && text[i] !== ':' && text[i] !== '@' && !isUserinfoStop(text[i]))
        i++;
    if (i === from || text[i] !== ':')
        return false;
    const passStart = ++i;
    const passLimit = passStart + 200;
    while (i < passLimit && text[i] !== '@' && !isUserinfoStop(text[i]))
        i++;
    return i - passStart >= 4 && text[i] === '@';
}
function urlCredentialsHandler(ctx, at) {
    const { text } = ctx;
    // Scheme: letters, digits, + . - before `://`, optionally behind `jdbc:`.
    let schemeStart = at;
    while (schemeStart > 0 && at - schemeStart < 32) {
        const c = text.charCodeAt(schemeStart - 1);
        if (text_isAsciiAlnum(c) || c === 43 || c === 46 || c === 45)
            schemeStart--;
        else
            break;
    }
    if (schemeStart === at)
        return;
    const scheme = text.slice(schemeStart, at).toLowerCase();
    let urlStart = schemeStart;
    if (text.slice(schemeStart - 5, schemeStart).toLowerCase() === 'jdbc:')
        urlStart = schemeStart - 5;
    // Cheap shape check before the regex: `user:password@` right after `://`.
    if (!hasUserinfo(text, at + 3))
        return;
    const m = URL_USERINFO.exec(text.slice(at + 3, at + 3 + 560));
    if (!m)
        return;
    const user = m[1] ?? '';
    const password = m[2] ?? '';
    const host = m[3] ?? '';
    if (password.length < 4 || isRepetitive(password) || host.length === 0)
        return;
    if (isReference(user) || isReference(password) || password.includes('$'))
        return;
    if (password === 'x-oauth-basic')
        return;
    const isDb = DB_SCHEMES.has(scheme) || urlStart !== schemeStart;
    if (isDb) {
        if (DB_PLACEHOLDERS.has(password.toLowerCase()) || password === user)
            return;
    }
    else {
        if (user.length < 2)
            return;
        const u = user.toLowerCase();
        const p = password.toLowerCase();
        if (BASIC_PLACEHOLDERS.some((w) => u.includes(w) || p.includes(w)))
            return;
    }
    if (isPlaceholder(password))
        return;
    const secretStart = at + 3 + user.length + 1;
    const secretEnd = secretStart + password.length;
    ctx.hits.push({
        ruleId: 'secret/url-credentials',
        start: urlStart,
        end: secretEnd + 1 + host.length,
        secretStart,
        secretEnd,
        secret: password,
        randomFrom: 0,
        what: isDb ? `password in a ${scheme} connection string` : `password in a ${scheme} URL`,
    });
}
/** `https://<token>:x-oauth-basic@github.com/` (npm and git URLs carrying a GitHub token). */
function xOauthHandler(ctx, at) {
    const { text } = ctx;
    let start = at;
    while (start > 0 && at - start < 256) {
        const c = text.charCodeAt(start - 1);
        if (text_isAsciiAlnum(c) || c === 95 || c === 45)
            start--;
        else
            break;
    }
    if (at - start < 8 || text.slice(start - 3, start) !== '://')
        return;
    const token = text.slice(start, at);
    if (isPlaceholder(token))
        return;
    ctx.hits.push({
        ruleId: 'secret/github-token',
        start,
        end: at,
        secretStart: start,
        secretEnd: at,
        secret: token,
        randomFrom: 0,
        what: 'GitHub token in a git URL',
    });
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/detectors.ts
/**
 * The detectors behind the secret rules, wired to the literals that start them. Every token
 * shape is an re2js (linear-time) pattern run on a bounded window that starts at a literal anchor
 * (`ghp_`, `AKIA`, `-----BEGIN`, ...), so the cost per anchor is bounded and a file costs
 * O(length): no input can stall the scan.
 *
 * Finding the anchors is the only pass over the whole text. It uses one native RegExp built
 * from escaped literals joined by `|` (no quantifiers, no classes: nothing that can backtrack),
 * because V8 finds literal alternatives ~200x faster than re2js (measured: 22 ms vs 4.9 s for
 * 5 MB and 72 anchors). Every pattern with quantifiers runs on re2js, on windows the anchors
 * bound. A second pass of the same kind finds assignment keywords (`token`, `secret`, ...).
 */





function escapeLiteral(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/**
 * A native RegExp of escaped literals only (see the file comment), longest first. Literal
 * alternatives cannot backtrack beyond the longest literal, so this pass is linear too.
 */
function literalAlternation(literals, flags) {
    const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
    return new RegExp(unique.map(escapeLiteral).join('|'), flags);
}
const ASSIGNMENT_RULES = [
    'secret/aws-secret-access-key',
    'secret/aws-account-id',
    'secret/azure-identifier',
    'secret/vault-token',
    'secret/npm-token',
    'secret/generic-high-entropy',
];
function buildDetectors() {
    const byAnchor = new Map();
    const add = (anchor, ruleId, handler) => {
        const list = byAnchor.get(anchor) ?? [];
        list.push({ ruleId, handler });
        byAnchor.set(anchor, list);
    };
    for (const spec of TOKEN_SPECS) {
        const handler = tokenHandler(spec);
        for (const anchor of spec.anchors)
            add(anchor, spec.ruleId, handler);
    }
    add('-----BEGIN', 'secret/private-key', privateKeyHandler);
    add('PuTTY-User-Key-File-', 'secret/private-key', puttyKeyHandler);
    add('://', 'secret/url-credentials', urlCredentialsHandler);
    add(':x-oauth-basic@', 'secret/github-token', xOauthHandler);
    const anchors = literalAlternation(byAnchor.keys(), 'g');
    const keywords = literalAlternation(ASSIGNMENT_KEYWORDS, 'gi');
    const keywordsWithOptIn = literalAlternation([...ASSIGNMENT_KEYWORDS, ...OPT_IN_KEYWORDS], 'gi');
    return {
        run(text, enabled, optIn) {
            const hits = [];
            const ctx = {
                text,
                hits,
                enabled,
                lastNameStart: -1,
                consumedUntil: -1,
                examinedUntil: [],
                nextNewline: -1,
            };
            anchors.lastIndex = 0;
            for (let m = anchors.exec(text); m !== null; m = anchors.exec(text)) {
                for (const { ruleId, handler } of byAnchor.get(m[0]) ?? [])
                    if (enabled(ruleId))
                        handler(ctx, m.index, m[0].length);
            }
            if (ASSIGNMENT_RULES.some(enabled)) {
                const re = optIn ? keywordsWithOptIn : keywords;
                re.lastIndex = 0;
                for (let m = re.exec(text); m !== null; m = re.exec(text))
                    assignmentHandler(ctx, m.index);
            }
            return hits.filter((h) => enabled(h.ruleId));
        },
    };
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/rules.ts
const SECRETS_DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/secrets.md';
function rules_anchorFor(id) {
    return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
const ROTATE = `rotate it; read it from a secret store or \`\${{ secrets.X }}\` at run time`;
function rules_rule(id, severity, securitySeverity, title, what, description, fix = ROTATE, extra = {}) {
    return {
        id,
        severity,
        securitySeverity,
        title,
        what,
        description,
        fix,
        helpAnchor: rules_anchorFor(id),
        tags: ['security', 'secret', ...(extra.tags ?? [])],
        ...(extra.optIn ? { optIn: true } : {}),
    };
}
const LIVE = 9.0;
const SECRET_RULE_DETAILS = [
    rules_rule('secret/private-key', 'error', LIVE, 'Private key', 'private key', 'A private key with real key material: PEM blocks of every kind (`-----BEGIN [RSA|EC|DSA|OPENSSH|ENCRYPTED|…] PRIVATE KEY-----`), PGP armour (`-----BEGIN PGP PRIVATE KEY BLOCK-----`), PuTTY `.ppk` files, also inside JSON strings such as GCP service account files.', 'revoke the key pair and issue a new one; keep keys in a secret store or use OIDC federation instead of long-lived keys'),
    rules_rule('secret/aws-access-key-id', 'error', LIVE, 'AWS access key ID', 'AWS access key ID', 'An AWS access key ID: `AKIA` (long-term), `ASIA` (STS temporary), `ABIA` (STS service bearer token), `ACCA` (context-specific), `A3T…` (older keys), and the other IAM unique-ID prefixes (`AIDA`, `AROA`, …). The secret key is usually next to it.', 'deactivate and delete the access key in IAM; use OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`) instead of stored keys'),
    rules_rule('secret/aws-secret-access-key', 'error', LIVE, 'AWS secret access key', 'AWS secret access key', 'A 40-character AWS secret access key assigned to `aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY`, `secretAccessKey` and similar names.', 'deactivate and delete the access key in IAM; use OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`) instead of stored keys'),
    rules_rule('secret/aws-bedrock-api-key', 'error', LIVE, 'Amazon Bedrock API key', 'Amazon Bedrock API key', 'An Amazon Bedrock API key: long-term (`ABSK` + base64 of `BedrockAPIKey-…`, an IAM service-specific credential) or short-term (`bedrock-api-key-` + base64 of a presigned `bedrock.amazonaws.com` URL, valid up to 12 hours).', 'delete the service-specific credential in IAM (long-term keys) or let the short-term key expire; call Bedrock with role credentials from OIDC instead of API keys'),
    rules_rule('secret/github-token', 'error', LIVE, 'GitHub token', 'GitHub token', 'A GitHub token: personal, OAuth, user-to-server, installation and refresh tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`), fine-grained (`github_pat_`), installation tokens with a JWT (`ghs_<id>_<jwt>`) or in the pre-2021 format (`v1.` + 40 hex), or a token in a git URL (`https://<token>:x-oauth-basic@github.com/`).', `revoke it in GitHub settings; use \`\${{ secrets.GITHUB_TOKEN }}\` or a GitHub App token minted per job`),
    rules_rule('secret/gitlab-token', 'error', LIVE, 'GitLab token', 'GitLab token', 'A GitLab token, every documented prefix: personal/project/group access (`glpat-`, also routable `glpat-….01.…`), deploy (`gldt-`), runner authentication (`glrt-`, `glrtr-`) and registration (`GR1348941`), pipeline trigger (`glptt-`), feed (`glft-`), incoming mail (`glimt-`), Kubernetes agent (`glagent-`), OAuth application secret (`gloas-`), CI/CD job (`glcbt-`), SCIM (`glsoat-`), feature-flag client (`glffct-`), workspace (`glwt-`) tokens, and the `_gitlab_session` cookie.', 'revoke it in GitLab; use `CI_JOB_TOKEN` or a masked, protected CI/CD variable'),
    rules_rule('secret/slack-token', 'error', 8.0, 'Slack token', 'Slack token', 'A Slack token: bot (`xoxb-`), user (`xoxp-`, `xoxe-`), app-level (`xapp-`), configuration access and refresh (`xoxe.xoxp-`, `xoxe-1-`), workspace and legacy (`xoxa-`, `xoxr-`, `xoxo-`, `xoxs-`) and client (`xoxc-`) tokens.', 'revoke it in the Slack app settings and store the new one as a secret'),
    rules_rule('secret/slack-webhook', 'error', 7.0, 'Slack incoming webhook URL', 'Slack webhook URL', 'A Slack incoming webhook, workflow or trigger URL (`hooks.slack.com/services/T…/B…/…`, `/workflows/…`, `/triggers/…`, with or without the scheme); anyone holding it can post to the channel.', 'regenerate the webhook in Slack and store the URL as a secret'),
    rules_rule('secret/vault-token', 'error', LIVE, 'HashiCorp Vault token', 'Vault token', 'A HashiCorp Vault service, batch or recovery token (`hvs.`, `hvb.`, `hvr.`), or a legacy (pre-1.10) `s.`/`b.` token assigned to a Vault or token name.', 'revoke it (`vault token revoke`); authenticate with JWT/OIDC (`vault-auth-method: jwt`) instead of a stored token'),
    rules_rule('secret/npm-token', 'error', 8.0, 'npm access token', 'npm token', 'An npm access token (`npm_...`) or an `_authToken=` value in `.npmrc`.', `revoke it on npmjs.com; use npm trusted publishing (OIDC) or \`\${{ secrets.NPM_TOKEN }}\``),
    rules_rule('secret/openai-api-key', 'error', 8.0, 'OpenAI API key', 'OpenAI API key', 'An OpenAI API key (`sk-...T3BlbkFJ...`, project, service-account and admin keys).'),
    rules_rule('secret/anthropic-api-key', 'error', 8.0, 'Anthropic API key', 'Anthropic API key', 'An Anthropic API or admin key (`sk-ant-api03-...`).'),
    rules_rule('secret/groq-api-key', 'error', 8.0, 'Groq API key', 'Groq API key', 'A Groq API key (`gsk_` + 52 characters).'),
    rules_rule('secret/huggingface-token', 'error', 8.0, 'Hugging Face token', 'Hugging Face token', 'A Hugging Face user access token (`hf_` + 34 letters).'),
    rules_rule('secret/linear-api-key', 'error', 8.0, 'Linear API key', 'Linear API key', 'A Linear API key (`lin_api_...`).'),
    rules_rule('secret/notion-token', 'error', 8.0, 'Notion integration token', 'Notion token', 'A Notion integration token (`ntn_` + 11 digits + 35 characters).'),
    rules_rule('secret/1password-service-account-token', 'error', LIVE, '1Password service account token', '1Password service account token', 'A 1Password service account token (`ops_eyJ...`), which unlocks every vault the service account can read.'),
    rules_rule('secret/sendgrid-api-key', 'error', 8.0, 'SendGrid API key', 'SendGrid API key', 'A SendGrid API key (`SG.<id>.<secret>`).'),
    rules_rule('secret/shopify-token', 'error', 8.0, 'Shopify token', 'Shopify token', 'A Shopify app secret or access token (`shpss_`, `shpat_`, `shpca_`, `shppa_`).'),
    rules_rule('secret/grafana-token', 'error', 8.0, 'Grafana token', 'Grafana token', 'A Grafana Cloud API token (`glc_`) or service account token (`glsa_`).'),
    rules_rule('secret/vercel-token', 'error', 8.0, 'Vercel token', 'Vercel token', 'A Vercel token (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`).'),
    rules_rule('secret/databricks-token', 'error', 8.0, 'Databricks token', 'Databricks token', 'A Databricks personal access token (`dapi` + 32 hex).'),
    rules_rule('secret/docker-hub-token', 'error', 8.0, 'Docker Hub access token', 'Docker Hub token', 'A Docker Hub personal access token (`dckr_pat_...`).'),
    rules_rule('secret/figma-token', 'error', 7.0, 'Figma token', 'Figma token', 'A Figma personal access token (`figd_...`).'),
    rules_rule('secret/cloudflare-api-token', 'error', 8.0, 'Cloudflare API token', 'Cloudflare API token', 'A Cloudflare account or user API token or global API key in the prefixed format (`cfat_`, `cfut_`, `cfk_`).'),
    rules_rule('secret/stripe-secret-key', 'error', LIVE, 'Stripe secret key', 'Stripe secret or restricted key', 'A Stripe secret or restricted key (`sk_live_`, `sk_test_`, `rk_live_`, `rk_test_`); publishable `pk_` keys are not reported.'),
    rules_rule('secret/tailscale-key', 'error', 8.0, 'Tailscale key', 'Tailscale key', 'A Tailscale auth, API, OAuth client, SCIM or webhook key (`tskey-<type>-...`).'),
    rules_rule('secret/google-cloud-key', 'error', 8.0, 'Google Cloud API key or OAuth client secret', 'Google credential', 'A Google API key (`AIza...`) or Google OAuth client secret (`GOCSPX-...`).', 'delete or restrict the key in the Google Cloud console; use Workload Identity Federation from CI instead of keys'),
    rules_rule('secret/azure-client-secret', 'error', LIVE, 'Azure AD client secret', 'Azure client secret', 'An Azure AD (Entra ID) application client secret in the current format (`...Q~...`, 40 characters).', 'delete the secret in the app registration; use OIDC federated credentials (`azure/login` with `client-id` and no secret)'),
    rules_rule('secret/azure-storage-key', 'error', LIVE, 'Azure storage account key', 'Azure storage account key', 'An Azure storage account key in a connection string (`AccountKey=<88 base64 characters>`).', 'rotate the storage account key; use a managed identity or a short-lived SAS token'),
    rules_rule('secret/pulumi-token', 'error', 8.0, 'Pulumi access token', 'Pulumi access token', 'A Pulumi Cloud access token (`pul-` + 40 hex).', 'revoke it in Pulumi Cloud; use Pulumi OIDC (`pulumi/auth-actions`) in CI'),
    rules_rule('secret/url-credentials', 'error', 8.0, 'Credentials in a URL', 'password in a URL', `A URL with a real-looking \`user:password@\` part: HTTP(S)/FTP basic auth and database connection strings (MongoDB, MySQL, PostgreSQL, JDBC, Redis, AMQP). Placeholders (\`\${PASSWORD}\`, \`YOUR_PASSWORD\`, \`user:password\`) are ignored.`, 'change the password; pass it separately from a secret store (an environment variable the client reads), not inside the URL'),
    rules_rule('secret/age-secret-key', 'error', LIVE, 'age secret key', 'age secret key', 'An age encryption identity (`AGE-SECRET-KEY-1…`), which decrypts every file encrypted to its recipient (SOPS, chezmoi, backups).', 'generate a new identity (`age-keygen`), re-encrypt what the old one protected, and keep identities out of the repository'),
    rules_rule('secret/microsoft-teams-webhook', 'error', 7.0, 'Microsoft Teams webhook URL', 'Microsoft Teams webhook URL', 'A Microsoft Teams incoming webhook URL (`https://<tenant>.webhook.office.com/webhookb2/…/IncomingWebhook/…`); anyone holding it can post to the channel.', 'remove the connector in Teams and create a new one; store the URL as a secret'),
    rules_rule('secret/ethereum-private-key', 'warning', 7.0, 'Ethereum/secp256k1 private key', 'secp256k1 private key', 'A `0x`-prefixed 64-hex-digit value, the format of an Ethereum (secp256k1) private key. Hashes have the same shape; suppress those with a reason.', 'move the funds to a new wallet and treat the key as burned'),
    rules_rule('secret/jwt', 'error', 7.0, 'JSON Web Token', 'JSON Web Token', 'A signed JSON Web Token (`eyJ...<payload>.<signature>`); bearer tokens work for whoever holds them until they expire.', 'revoke or let it expire, and fetch tokens at run time instead of committing them'),
    rules_rule('secret/generic-high-entropy', 'warning', 5.0, 'Hard-coded secret', 'hard-coded secret', `A value with high Shannon entropy assigned to a name that says it is a secret (\`password\`, \`secret\`, \`token\`, \`api_key\`, \`credentials\`, ...). Placeholders, references (\`\${{ secrets.X }}\`, \`\${VAR}\`, \`$(cmd)\`), code expressions and low-entropy values are ignored.`, `rotate it if it is real; read it from a secret store or \`\${{ secrets.X }}\` at run time`),
    rules_rule('secret/custom-pattern', 'error', 8.0, 'Custom secret pattern', 'value matching a custom secret pattern', 'A match of one of the `customPatterns` configured for the scan (an organisation-specific token format, or a file type that must not be committed).', 'remove it and rotate it if it is a credential; read it from a secret store at run time'),
    rules_rule('secret/aws-account-id', 'note', 2.0, 'AWS account ID', 'AWS account ID', 'An AWS account ID assigned to an `aws_account_id`-like name. Account IDs are identifiers, not secrets; opt in with `enable` when your policy treats them as confidential.', 'move it to configuration that is not committed if your policy requires it', { optIn: true }),
    rules_rule('secret/azure-identifier', 'note', 2.0, 'Azure tenant/client/subscription ID', 'Azure identifier', 'An Azure AD tenant, client (application) or subscription ID (a GUID) assigned to a matching name. Identifiers, not secrets; opt in with `enable`.', 'move it to configuration that is not committed if your policy requires it', { optIn: true }),
];
/** The public metadata (the `RuleMeta` shape reporters consume). */
const SECRET_RULES = SECRET_RULE_DETAILS.map(({ what: _what, fix: _fix, optIn: _optIn, ...meta }) => meta);
const RULE_PRIORITY = new Map(SECRET_RULE_DETAILS.map((r, i) => [r.id, i]));
const rules_RULE_BY_ID = new Map(SECRET_RULE_DETAILS.map((r) => [r.id, r]));

;// CONCATENATED MODULE: ./packages/scanner/secrets/index.ts
/**
 * Hard-coded secret detection for the scanner.
 *
 *   detectSecrets(text, 'path/in/repo', options?) -> Finding[]
 *
 * Pure and synchronous: no file system, no @actions/*. The caller decides which files to read
 * and skips binary ones (NUL bytes); any string is accepted and the cost is linear in its
 * length (see detectors.ts). Suppression comments (`# astl:ignore <rule-id> <reason>`) and
 * baselines are the engine's job.
 */









const detectors = buildDetectors();
/**
 * Values published as examples in vendor documentation (AWS, Kubernetes), which appear in
 * countless READMEs and tests; reporting them would only teach people to ignore the scanner.
 */
const DOCUMENTATION_EXAMPLES = new Set([
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'MWYyZDFlMmU2N2Rm',
    // The search-only Algolia key published in Yarn's bundle (vendored into many repositories).
    '6fe4476ee5a1832882e326b506d14126',
]);
/** The placeholder test on the random part of a hit (see placeholder.ts). */
function isPlaceholderHit(h) {
    return h.randomFrom !== undefined && isPlaceholderSecret(h.secret.slice(h.randomFrom));
}
const OPT_IN_IDS = SECRET_RULE_DETAILS.filter((r) => r.optIn).map((r) => r.id);
const compiledCache = new WeakMap();
/**
 * Validates and compiles options (allow-list patterns, custom patterns); throws an AstlError
 * naming the bad entry. detectSecrets caches the result per options object.
 */
function compileSecretOptions(options) {
    compileOptions(options);
}
function compileOptions(options) {
    if (options) {
        const cached = compiledCache.get(options);
        if (cached)
            return cached;
    }
    const disabled = new Set(options?.disable ?? []);
    const enableAll = options?.enable?.includes('*') ?? false;
    const enabledOptIns = new Set(enableAll ? OPT_IN_IDS : (options?.enable ?? []));
    const all = disabled.has('secret/*') || disabled.has('*');
    const compiled = {
        enabled: (ruleId) => {
            if (all || disabled.has(ruleId))
                return false;
            if (rules_RULE_BY_ID.get(ruleId)?.optIn)
                return enabledOptIns.has(ruleId);
            return true;
        },
        optIn: OPT_IN_IDS.some((id) => enabledOptIns.has(id) && !disabled.has(id)),
        allowed: compileAllowList(options?.allow ?? [], 'allow'),
        custom: compileCustomPatterns(options?.customPatterns ?? []),
    };
    if (options)
        compiledCache.set(options, compiled);
    return compiled;
}
/**
 * Keeps, among overlapping hits, the one from the most specific rule (earliest in SECRET_RULES).
 * Hits sorted by start; the kept ones are disjoint, so a new hit can only overlap the last kept
 * one: one comparison per hit, linear for any number of hits.
 */
function dropOverlaps(hits) {
    const priority = (h) => RULE_PRIORITY.get(h.ruleId) ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...hits].sort((a, b) => a.start - b.start || priority(a) - priority(b));
    const kept = [];
    for (const h of sorted) {
        const last = kept[kept.length - 1];
        if (last && h.start < last.end) {
            if (priority(h) < priority(last))
                kept[kept.length - 1] = h;
            continue;
        }
        kept.push(h);
    }
    return kept;
}
/** Secret spans sorted by start, with the secrets overlapping a range found by binary search. */
class SpanIndex {
    spans;
    longest;
    constructor(hits) {
        this.spans = hits
            .map((h) => ({ start: h.secretStart, end: h.secretEnd }))
            .sort((a, b) => a.start - b.start);
        this.longest = this.spans.reduce((n, s) => Math.max(n, s.end - s.start), 0);
    }
    overlapping(from, to) {
        const { spans } = this;
        let lo = 0;
        let hi = spans.length;
        const earliest = from - this.longest;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((spans[mid]?.start ?? 0) < earliest)
                lo = mid + 1;
            else
                hi = mid;
        }
        const out = [];
        for (let i = lo; i < spans.length; i++) {
            const s = spans[i];
            if (!s || s.start >= to)
                break;
            if (s.end > from)
                out.push(s);
        }
        return out;
    }
}
function sha256(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(value).digest('hex');
}
function messageFor(rule, hit) {
    const what = hit.what ?? rule.what;
    if (rule.id === 'secret/generic-high-entropy')
        return `A value that looks like a hard-coded secret is assigned here. If it is real, remove it and ${rule.fix}; if it is not a secret, suppress with \`astl:ignore ${rule.id} <reason>\`.`;
    if (rule.id === 'secret/custom-pattern')
        return `${capitalise(what)}. Remove it and rotate it if it is a credential; read it from a secret store at run time.`;
    if (rule.optIn)
        return `${capitalise(what)} in the code. ${capitalise(rule.fix)}.`;
    return `Hard-coded ${what}. Remove the ${what} and ${rule.fix}.`;
}
function capitalise(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
/**
 * Finds hard-coded secrets in `text` (the content of `file`, a workspace-relative path used in
 * findings and fingerprints). Never puts a secret value in a finding. Throws only an AstlError
 * for invalid options (a bad custom pattern); any text is accepted.
 */
function detectSecrets(text, file, options) {
    if (typeof text !== 'string' || text.length === 0)
        return [];
    const opts = compileOptions(options);
    // A detector bug throws to the caller: the scan engine reports the file as unchecked (an
    // error, so the scan fails closed) instead of calling it clean.
    let hits = detectors.run(text, opts.enabled, opts.optIn);
    if (opts.custom.length > 0 && opts.enabled('secret/custom-pattern'))
        hits.push(...runCustomPatterns(opts.custom, text, file));
    // Placeholders go before overlap removal, so that a real secret overlapping a placeholder of
    // a more specific rule is still reported.
    hits = dropOverlaps(hits.filter((h) => !isPlaceholderHit(h))).filter((h) => !DOCUMENTATION_EXAMPLES.has(h.secret) && !opts.allowed(h.secret, text.slice(h.start, h.end)));
    if (hits.length === 0)
        return [];
    const lines = new text_LineIndex(text);
    const spans = new SpanIndex(hits);
    const findings = [];
    for (const hit of hits) {
        const rule = rules_RULE_BY_ID.get(hit.ruleId);
        if (!rule)
            continue;
        const from = lines.position(hit.start);
        const to = lines.position(Math.max(hit.start, hit.end - 1));
        const [lineStart, lineEnd] = lines.lineBounds(from.line);
        findings.push({
            ruleId: rule.id,
            severity: rule.severity,
            file,
            line: from.line,
            column: from.column,
            endLine: to.line,
            endColumn: to.column + 1,
            message: messageFor(rule, hit),
            fingerprint: fingerprint(rule.id, file, sha256(hit.secret)),
            snippet: redactedSnippet(text, lineStart, lineEnd, hit.start, (from, to) => spans.overlapping(from, to)),
        });
    }
    return findings;
}
/** The metadata of one secret rule, or undefined. */
function secretRule(ruleId) {
    return RULE_BY_ID.get(ruleId);
}
const SECRET_RULE_IDS = SECRET_RULES.map((r) => r.id);

;// CONCATENATED MODULE: ./packages/scanner/suppress.ts
/**
 * Accepting findings on purpose: inline `# astl:ignore <rule-id>[,<rule-id>] <reason>` comments
 * (same line or the line above; the reason is required) and baseline files of fingerprints
 * (for JSON, which has no comments, and for adopting the scanner on an existing repository).
 */
const MARKER = /(?:#|\/\/)\s*astl:ignore\b[ \t]*([^\s]*)[ \t]*(.*)$/;
/** Suppression comments of one file by line; comments without a reason become findings. */
function readSuppressions(ctx) {
    const out = new Map();
    if (!ctx.text.includes('astl:ignore'))
        return out;
    const lines = ctx.lines;
    for (let line = 1; line <= lines.lineCount; line++) {
        const text = lines.lineText(line);
        if (!text.includes('astl:ignore'))
            continue;
        const m = MARKER.exec(text);
        if (!m)
            continue;
        const rules = (m[1] ?? '').split(',').filter(Boolean);
        const reason = (m[2] ?? '').trim();
        if (rules.length === 0 || !reason) {
            ctx.emit({
                ruleId: 'scan/suppression-without-reason',
                line,
                message: rules.length
                    ? `\`astl:ignore ${rules.join(',')}\` gives no reason, so it does not suppress anything. Say why the finding is acceptable: \`# astl:ignore ${rules.join(',')} <reason>\`.`
                    : 'A bare `astl:ignore` names no rule and gives no reason: write `# astl:ignore <rule-id> <reason>`.',
                about: `astl:ignore ${rules.join(',')}`,
            });
            continue;
        }
        out.set(line, { rules, reason });
    }
    return out;
}
function isSuppressed(finding, suppressions) {
    return suppressionOf(finding, suppressions) !== undefined;
}
/** The comment that accepts `finding` (its line and reason), if any. */
function suppressionOf(finding, suppressions) {
    if (suppressions.size === 0)
        return undefined;
    for (const line of [finding.line, finding.line - 1]) {
        const s = suppressions.get(line);
        if (s?.rules.some((r) => r === finding.ruleId || (r.endsWith('/*') && finding.ruleId.startsWith(r.slice(0, -1))))) {
            return { line, reason: s.reason };
        }
    }
    return undefined;
}
function applySuppressions(ctx) {
    const suppressions = readSuppressions(ctx);
    const kept = [];
    const suppressed = [];
    const accepted = [];
    for (const f of ctx.findings) {
        const by = f.ruleId === 'scan/suppression-without-reason' ? undefined : suppressionOf(f, suppressions);
        if (by) {
            suppressed.push(f);
            accepted.push({ finding: f, ...by });
        }
        else
            kept.push(f);
    }
    return { kept, suppressed, accepted };
}
/**
 * A finding accepted by something the change under review itself added (an `astl:ignore`
 * comment on a changed line, a baseline or scan config the change edits), shown as a note so
 * a pull request cannot silence its own findings unseen. `how` says what accepted it.
 */
function acceptedInChange(f, how) {
    return {
        ...f,
        severity: 'note',
        message: `Accepted by ${how}, and this change adds or edits it or the finding's line: reviewers, judge that reason. ${f.message}`,
    };
}
/** A reason as a message quotes it: one line, at most 200 characters. */
function quotedReason(reason) {
    const flat = reason.replace(/\s+/g, ' ').trim();
    return JSON.stringify(flat.length > 200 ? `${flat.slice(0, 199)}…` : flat);
}
/** Baseline file: `{"version":1,"fingerprints":[...]}` or one fingerprint a line (`#` comments). */
function parseBaseline(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        const data = JSON.parse(trimmed);
        if (!Array.isArray(data.fingerprints))
            throw new Error('a JSON baseline needs a "fingerprints" list');
        return new Set(data.fingerprints.map((f) => typeof f === 'string' ? f : (f?.fingerprint ?? '')));
    }
    return new Set(trimmed
        .split(/\r?\n/)
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter(Boolean));
}
/** A baseline accepting every given finding; entries carry rule and file so reviews can read it. */
function writeBaseline(findings) {
    const byFingerprint = new Map();
    for (const f of findings)
        if (!byFingerprint.has(f.fingerprint))
            byFingerprint.set(f.fingerprint, f);
    const entries = [...byFingerprint.values()]
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId))
        .map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file }));
    return `${JSON.stringify({ version: 1, fingerprints: entries }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/scanner/scan.ts
/**
 * The scan engine: selects files (globs, or a pull request's changed files), reads each once,
 * runs the rules that apply to its kind plus the secret rules on every text, applies inline
 * suppressions, the diff scope and the baseline, and returns findings for the reporters.
 * No I/O beyond reading the workspace and running git; nothing printed.
 */

























const ALL_RULES = [...SCANNER_RULES, ...SECRET_RULES];
const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
/** What a file is by its path alone; YAML files are also classified by shape (scanYaml). */
function kindOf(file) {
    if (/(^|\/)\.github\/workflows\/.+\.ya?ml$/is.test(file))
        return 'workflow';
    if (/(^|\/)action\.ya?ml$/i.test(file))
        return 'action';
    if (/\.ya?ml$/i.test(file))
        return 'yaml';
    if (/\.json$/i.test(file))
        return 'json';
    return 'other';
}
async function scan(options) {
    const started = performance.now();
    const root = (0,external_node_path_.resolve)(options.root);
    const named = options.files && options.files.length > 0 ? options.files : undefined;
    const globs = options.paths && options.paths.length > 0 ? options.paths : undefined;
    const userPaths = globs ?? named;
    const exclude = options.exclude ?? DEFAULT_EXCLUDE;
    const warnings = [];
    const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    const secrets = options.detectSecrets ?? detectSecrets;
    const config = typeof options.config === 'object' ? options.config : loadScanConfig(root, options.config);
    const pinning = [...config.pinning.policies];
    if (options.allowFirstPartyTags !== undefined) {
        warnings.push(`allow-first-party-tags is deprecated and will be removed: the default now requires SHA pins for every action, as zizmor does. To keep accepting tags, add to .astl/scan.yaml: pinning: { policies: [{ uses: "actions/*", policy: ref-pin, reason: "..." }, { uses: "github/*", policy: ref-pin, reason: "..." }] }`);
        if (options.allowFirstPartyTags) {
            for (const owner of ['actions', 'github']) {
                if (!pinning.some((p) => p.uses === `${owner}/*`)) {
                    pinning.push({
                        uses: `${owner}/*`,
                        policy: 'ref-pin',
                        reason: 'GitHub-owned action (the deprecated allow-first-party-tags switch)',
                        origin: 'allow-first-party-tags',
                    });
                }
            }
        }
    }
    const walked = selectTargets(root, named, named && !globs ? undefined : (globs ?? DEFAULT_PATHS), exclude);
    const skipped = [...walked.skipped];
    // Scope: which files the rules run on.
    let scope = options.changes ? 'diff' : (options.scope ?? 'all');
    let changes = options.changes;
    if (scope === 'diff' && !changes) {
        if (!options.base) {
            warnings.push('scope is diff but no base commit was given; scanning every file instead');
            scope = 'all';
        }
        else {
            const computed = await computeChangeSet({
                root,
                base: options.base,
                ...(options.head ? { head: options.head } : {}),
                ...(options.github ? { github: options.github } : {}),
            });
            warnings.push(...computed.warnings);
            changes = computed.changes;
            if (!changes) {
                warnings.push('could not determine the changed lines; scanning every file instead');
                scope = 'all';
            }
        }
    }
    const targets = scope === 'diff' && changes ? walked.files.filter((f) => changes.files.has(f)) : walked.files;
    // Each file is read once; policy context may need files outside the diff.
    const cache = new Map();
    const read = (file) => {
        let got = cache.get(file);
        if (!got) {
            got = readSource(root, file, maxBytes);
            cache.set(file, got);
        }
        return got;
    };
    const yaml = new YamlCache();
    const policies = loadPolicyContext(walked.files, read, targets, yaml);
    const store = new RegistryStore(root, (file) => {
        const got = read(file);
        if (!isSkipped(got))
            return got.text;
        // There but over the cap, binary or unreadable: the agent checks fail closed on it.
        return /\((ENOENT|ENOTDIR)\)$/.test(got.reason) ? undefined : { unreadable: got.reason.split(';')[0] };
    });
    const agentOptions = {
        catalog: mergeCatalog(config.agents?.catalog ?? []),
        store,
        registry: config.agents?.registry ?? DEFAULT_REGISTRY,
        policies: config.agents?.policies ?? DEFAULT_POLICIES,
        readText: (file) => {
            // A file a workflow names (`uses: ./x`) is read only inside the workspace, after links.
            if ((0,core/* isPathProblem */.Ld)((0,core/* inspectWorkspacePath */.lX)(file, { root })))
                return undefined;
            const got = read(file);
            return isSkipped(got) ? undefined : got.text;
        },
        discovered: [],
        credentialJobs: [],
    };
    const contexts = [];
    const scannedFiles = [];
    let bytesScanned = 0;
    const sessionPolicies = new Map();
    const targetSet = new Set(targets);
    const streamedAccepted = new Map();
    const scanOne = (file, forceIam) => {
        const source = read(file);
        if (isSkipped(source)) {
            const { binaryText, ...listed } = source;
            skipped.push(listed);
            const kind = kindOf(file);
            if (binaryText !== undefined) {
                // A binary file: no YAML/JSON rules, but a token pasted into it is still a secret.
                const ctx = new FileContext(file, binaryText, RULES_BY_ID);
                runSecrets(ctx, () => tokenFindings(secrets(binaryText, file), true));
                // A workflow or config with binary bytes must not pass unchecked: fail closed.
                const what = forceIam !== undefined ? 'policy' : uncheckedKind(file, kind, binaryText);
                if (what)
                    reportUnchecked(ctx, what, 'binary (NUL bytes)', 'Save it as UTF-8 text');
                contexts.push(ctx);
                scannedFiles.push(file);
                bytesScanned += Buffer.byteLength(binaryText);
                return;
            }
            if (source.tooLarge !== undefined) {
                // Over the size cap: no YAML/JSON rules, but the secret rules still run, in windows.
                const marks = kind === 'json' || kind === 'other' ? undefined : { keys: new Set(), policyKind: false };
                const streamed = scanLargeFile(root, file, secrets, marks);
                if (streamed.skipped)
                    skipped[skipped.length - 1] = streamed.skipped;
                else {
                    // A workflow or config padded past the cap must not pass unchecked: fail closed.
                    const what = forceIam !== undefined ? 'policy' : marks && uncheckedKind(file, kind, marks);
                    if (what)
                        reportUnchecked(streamed.ctx, what, `${formatBytes(source.tooLarge)}, over the scanner's ${formatBytes(maxBytes)} limit`, `Split the file or remove the padding (a ${what} is rarely this large)`);
                    contexts.push(streamed.ctx);
                    scannedFiles.push(file);
                    bytesScanned += source.tooLarge;
                    streamedAccepted.set(file, streamed.accepted);
                }
            }
            return;
        }
        const kind = kindOf(file);
        const iamCandidate = forceIam !== undefined || (kind === 'json' && looksLikeIamPolicy(source.text));
        // Under the default paths, `**/*.json` is there to find IAM documents only.
        if (kind === 'json' && !iamCandidate && !userPaths)
            return;
        const ctx = new FileContext(file, source.text, RULES_BY_ID);
        contexts.push(ctx);
        scannedFiles.push(file);
        bytesScanned += source.bytes;
        let parsed;
        try {
            if (iamCandidate)
                scanIam(ctx, forceIam);
            else if (kind === 'workflow' || kind === 'action' || kind === 'yaml') {
                scanYaml(ctx, kind, {
                    yaml,
                    policies,
                    pinning,
                    agents: agentOptions,
                    root,
                    onSessionPolicy: (path, agent) => {
                        if (!sessionPolicies.has(path))
                            sessionPolicies.set(path, agent);
                    },
                    onParsed: (docs) => {
                        parsed = docs;
                    },
                });
            }
        }
        catch (err) {
            // A rule must never abort the scan; a crash in one is reported (an error: the file was
            // not checked, so the scan fails closed) and the file still gets its secret check.
            ctx.emit({
                ruleId: 'scan/parse-error',
                line: 1,
                message: `The scanner could not check ${file}: ${err.message}. Only the secret rules ran on it; please report this.`,
                about: 'internal-error',
                fileLevel: true,
            });
        }
        runSecrets(ctx, () => secrets(source.text, file));
        if (parsed) {
            const docs = parsed;
            runSecrets(ctx, () => decodedScalarSecrets(ctx, docs, secrets));
        }
    };
    for (const file of targets)
        scanOne(file);
    // Session policies named by a scanned registry are IAM documents whatever their path.
    for (const [path, agent] of sessionPolicies) {
        if (targetSet.has(path) || scannedFiles.includes(path))
            continue;
        if (scope === 'diff' && changes && !changes.files.has(path))
            continue;
        scanOne(path, `agent '${agent}'`);
    }
    // A file or folder the scan could not read (a target, or a session policy a registry names) was not
    // checked at all: an error, not a pass.
    for (const s of skipped) {
        if (!s.reason.startsWith('cannot read'))
            continue;
        const ctx = new FileContext(s.file, '', RULES_BY_ID);
        ctx.emit({
            ruleId: 'scan/parse-error',
            line: 1,
            message: `${s.file}: ${s.reason}, so none of the rules ran on it: the scan fails closed. Make it readable by the scan, or exclude it.`,
            about: 'unreadable',
            fileLevel: true,
        });
        contexts.push(ctx);
    }
    // Suppressions, diff scope, baseline. In diff scope, what the change itself adds to accept a
    // finding (an astl:ignore on a changed line, an edited baseline) turns it into a note: a pull
    // request cannot silence its own findings without reviewers seeing it.
    const baseline = loadBaseline(root, options.baseline);
    const inChange = (file) => scope === 'diff' && changes !== undefined && file !== undefined && changes.files.has(file);
    const baselineFile = typeof options.baseline === 'string' ? rootRelative(root, options.baseline) : undefined;
    const baselineChanged = inChange(baselineFile);
    let suppressed = 0;
    let baselined = 0;
    let outsideDiff = 0;
    const findings = [];
    for (const ctx of contexts) {
        const result = applySuppressions(ctx);
        const change = scope === 'diff' ? changes?.files.get(ctx.file) : undefined;
        for (const a of [...result.accepted, ...(streamedAccepted.get(ctx.file) ?? [])]) {
            // The comment or the finding's own lines are new here: the acceptance was never reviewed.
            const fresh = change &&
                (isChangedLine(change, a.line, a.line) ||
                    isChangedLine(change, a.finding.line, a.finding.endLine ?? a.finding.line));
            if (fresh && !baseline.has(a.finding.fingerprint)) {
                const how = `\`astl:ignore\` on line ${a.line} (${shownReason(a.reason, ctx.file, secrets)})`;
                findings.push(publicFinding(acceptedInChange(a.finding, how)));
            }
            else
                suppressed++;
        }
        for (const f of result.kept) {
            if (scope === 'diff' &&
                !f.fileLevel &&
                !(change && isChangedLine(change, f.line, f.endLine ?? f.line))) {
                outsideDiff++;
                continue;
            }
            if (baseline.has(f.fingerprint)) {
                if (baselineChanged)
                    findings.push(publicFinding(acceptedInChange(f, `the baseline ${baselineFile}`)));
                else
                    baselined++;
                continue;
            }
            findings.push(publicFinding(f));
        }
    }
    if (inChange(config.file))
        findings.push(configChanged(config.file));
    findings.sort(compareFindings);
    // The default registry belongs in the inventory even when no agent is bound to it.
    store.registry(agentOptions.registry);
    const agents = (0,inventory/* buildInventory */.R)(store.loaded(), agentOptions.discovered, agentOptions.credentialJobs, findings);
    const bySeverity = { error: 0, warning: 0, note: 0 };
    const byRule = {};
    for (const f of findings) {
        bySeverity[f.severity]++;
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    }
    return {
        findings,
        files: scannedFiles.sort(),
        skipped,
        scope,
        ...(scope === 'diff' && changes ? { changeSource: changes.source } : {}),
        warnings,
        stats: {
            filesScanned: scannedFiles.length,
            bytesScanned,
            durationMs: performance.now() - started,
            bySeverity,
            byRule,
            suppressed,
            baselined,
            outsideDiff,
        },
        rules: ALL_RULES,
        agents,
    };
}
/** Named files (literal) and/or a glob walk: the union, sorted. */
function selectTargets(root, named, globs, exclude) {
    const parts = [
        ...(named ? [selectFiles(root, named, exclude)] : []),
        ...(globs ? [source_walk(root, globs, exclude)] : []),
    ];
    if (parts.length === 1)
        return parts[0];
    return {
        files: [...new Set(parts.flatMap((p) => p.files))].sort(),
        skipped: parts.flatMap((p) => p.skipped),
    };
}
/**
 * The secret rules on a file over the size cap, window by window (source.readWindows): memory
 * stays bounded and the detector's cost linear. Findings keep file coordinates and go through
 * the file's `astl:ignore` comments here, since no window holds the whole text.
 */
function scanLargeFile(root, file, secrets, marks) {
    const ctx = new FileContext(file, '', RULES_BY_ID);
    const accepted = [];
    let failed = false;
    const skipped = readWindows(root, file, (w) => {
        if (marks)
            configMarks(w.text, marks);
        const local = new FileContext(file, w.text, RULES_BY_ID);
        let found = [];
        try {
            found = tokenFindings(secrets(w.text, file), w.binary);
        }
        catch (err) {
            if (!failed)
                secretsFailed(ctx, err);
            failed = true;
        }
        for (const f of found) {
            const at = local.lines.offset(f.line, f.column ?? 1);
            if (at >= w.from && at < w.to)
                local.findings.push(f);
        }
        const result = applySuppressions(local);
        for (const a of result.accepted) {
            accepted.push({ ...a, finding: shiftFinding(a.finding, w.line, w.column), line: a.line + w.line - 1 });
        }
        for (const f of result.kept)
            ctx.findings.push(shiftFinding(f, w.line, w.column));
    });
    return skipped ? { ctx, accepted, skipped } : { ctx, accepted };
}
/**
 * In a binary file only the rules for tokens with a vendor's shape apply. Not the generic rule
 * (a secret-looking name beside random bytes is what compressed data looks like), URL passwords
 * (bytes before `http` glue on as a scheme, so test fixtures in `.pyc` files look real) or bare
 * 64-hex Ethereum keys (curve constants in every crypto library). Measured on 3,000 binaries
 * (images, fonts, wasm, shared libraries, .pyc): 0 findings with these left out, 59 with them.
 */
const NOT_IN_BINARIES = new Set([
    'secret/generic-high-entropy',
    'secret/url-credentials',
    'secret/ethereum-private-key',
]);
function tokenFindings(found, binary) {
    return binary ? found.filter((f) => !NOT_IN_BINARIES.has(f.ruleId)) : found;
}
/**
 * Secrets that YAML decodes but the text does not show: escapes in a double-quoted scalar
 * (`"ghp_\x41…"`, `\u0041`) and a double-quoted string continued with `\` at a line end (its
 * pieces joined with nothing between them). The token rules run on each such scalar's decoded
 * value (each scalar as written, once: aliases are not expanded); findings sit at the scalar's
 * start, and a secret the text rules already found (same fingerprint) is not repeated.
 */
function decodedScalarSecrets(ctx, docs, secrets) {
    const known = new Set(ctx.findings.map((f) => f.fingerprint));
    const out = [];
    for (const { document } of docs) {
        (0,dist/* visit */.YR)(document, {
            Scalar(_key, node) {
                if (node.type !== 'QUOTE_DOUBLE' || typeof node.value !== 'string' || !node.range)
                    return;
                const [start, end] = node.range;
                // Only this scalar's own text: an unbounded indexOf would make many scalars quadratic.
                if (!ctx.text.slice(start, end).includes('\\'))
                    return;
                const at = ctx.position(start);
                for (const f of tokenFindings(secrets(node.value, ctx.file), true)) {
                    if (known.has(f.fingerprint))
                        continue;
                    known.add(f.fingerprint);
                    const { column: _c, endLine: _l, endColumn: _e, ...rest } = f;
                    out.push({
                        ...rest,
                        line: at.line,
                        column: at.column,
                        message: `${f.message} (It is written with escapes or a line continuation in this double-quoted YAML string, which YAML decodes to the secret.)`,
                    });
                }
            },
        });
    }
    return out;
}
/** An `astl:ignore` reason as a message quotes it, unless the secret rules find a secret in it. */
function shownReason(reason, file, secrets) {
    let clean = false;
    try {
        clean = secrets(reason, file).length === 0;
    }
    catch {
        // A detector that throws here was reported on the file itself; quote nothing.
    }
    return clean ? quotedReason(reason) : 'its reason is withheld: the secret rules find a secret in it';
}
/** The secret rules on one file; a detector that throws leaves the file unchecked: an error. */
function runSecrets(ctx, detect) {
    try {
        for (const f of detect())
            ctx.findings.push(f);
    }
    catch (err) {
        secretsFailed(ctx, err);
    }
}
function secretsFailed(ctx, err) {
    ctx.emit({
        ruleId: 'scan/parse-error',
        line: 1,
        message: `The secret rules failed on ${ctx.file} (${err instanceof Error ? err.message : String(err)}), so it was not checked for secrets: the scan fails closed. Please report this.`,
        about: 'secrets-internal-error',
        fileLevel: true,
    });
}
/** A window-relative finding in file coordinates (the window starts at `line`:`column`). */
function shiftFinding(f, line, column) {
    const shifted = { ...f, line: f.line + line - 1 };
    if (f.column !== undefined)
        shifted.column = f.line === 1 ? f.column + column - 1 : f.column;
    if (f.endLine !== undefined)
        shifted.endLine = f.endLine + line - 1;
    if (f.endColumn !== undefined)
        shifted.endColumn = f.endLine === 1 ? f.endColumn + column - 1 : f.endColumn;
    return shifted;
}
/** `path` (relative to root or absolute) as a root-relative, forward-slash name. */
function rootRelative(root, path) {
    return (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(root, path)).split(external_node_path_.sep).join('/');
}
/**
 * The scan configuration is part of the change under review and already applies to this scan
 * (it relaxes pinning, moves the agent registry, replaces agent catalog entries): say so.
 */
function configChanged(file) {
    const ctx = new FileContext(file, '', RULES_BY_ID);
    ctx.emit({
        ruleId: 'scan/config-changed',
        line: 1,
        message: `This change edits the scan configuration ${file}, and this scan already uses the edited version: its pinning exceptions (shown as notes where they apply) and agent settings (registry, catalog entries) change what is reported. Have the owners of ${file} review it (CODEOWNERS).`,
        about: 'scan config changed',
        fileLevel: true,
    });
    return publicFinding(ctx.findings[0]);
}
function publicFinding(f) {
    const { fileLevel: _fileLevel, ...rest } = f;
    return rest;
}
function loadBaseline(root, baseline) {
    if (!baseline)
        return new Set();
    if (typeof baseline !== 'string')
        return baseline;
    try {
        // Inside the workspace and out of .git/ (core/workspace-path), or refused without its content.
        return parseBaseline((0,core/* readWorkspaceFile */.sL)(baseline, { root }, { what: 'baseline', code: 'BASELINE_INVALID' }).toString('utf8'));
    }
    catch (err) {
        if (err instanceof core/* AstlError */.Ht)
            throw err;
        throw new core/* AstlError */.Ht(`cannot use baseline ${baseline}: ${err.message}`, {
            code: 'BASELINE_INVALID',
            location: { file: baseline },
            hint: 'write it with `astl scan --write-baseline FILE`: JSON {"version":1,"fingerprints":[...]} or one fingerprint a line',
        });
    }
}
/**
 * AgentPolicies in the walked files (read even when outside the diff, because a changed
 * registry is checked against the organisation's current policies).
 */
function loadPolicyContext(files, read, targets, yaml) {
    const targetSet = new Set(targets);
    const policies = [];
    const yamlFiles = files.filter((f) => /\.ya?ml$/i.test(f) && kindOf(f) !== 'workflow');
    // Only worth reading when a registry-looking file is going to be checked.
    const anyRegistry = targets.some((f) => /\.ya?ml$/i.test(f));
    if (!anyRegistry)
        return policies;
    for (const file of yamlFiles) {
        const source = read(file);
        if (isSkipped(source) || !source.text.includes('AgentPolicy'))
            continue;
        let docs;
        try {
            docs = yaml.parse(source.text, file, targetSet.has(file));
        }
        catch {
            continue;
        }
        try {
            for (const p of (0,packages_registry/* parseAgentPolicies */.Hw)(docs)) {
                const view = {
                    name: p.name,
                    file: p.file,
                    agentTypes: p.agentTypes,
                    restrictions: p.restrictions,
                };
                if (p.credentialPolicy?.type)
                    view.credentialType = p.credentialPolicy.type;
                if (p.credentialPolicy?.maxTtlSeconds !== undefined) {
                    view.maxTtlSeconds = p.credentialPolicy.maxTtlSeconds;
                    view.maxTtlText = (0,core/* formatDuration */.a3)(p.credentialPolicy.maxTtlSeconds);
                }
                policies.push(view);
            }
        }
        catch {
            // Invalid policy files are reported as config/invalid when scanned; read them leniently.
            for (const doc of docs) {
                const view = (0,agent/* readAgentPolicy */.Ux)(doc.doc.contents, file);
                if (view)
                    policies.push(view);
            }
        }
    }
    return policies;
}
/**
 * Policy files are parsed for context and again when scanned; parsing is the dominant cost of
 * the YAML rules, so one scan keeps each file's result until the second use.
 */
class YamlCache {
    entries = new Map();
    parse(text, file, keep) {
        const hit = this.entries.get(file);
        if (hit) {
            this.entries.delete(file);
            if (hit.error !== undefined)
                throw hit.error;
            return hit.docs;
        }
        try {
            const docs = (0,core/* parseYaml */.hN)(text, file);
            if (keep)
                this.entries.set(file, { docs });
            return docs;
        }
        catch (error) {
            if (keep)
                this.entries.set(file, { error });
            throw error;
        }
    }
}
/**
 * What an unparseable YAML file was meant to be, from its path and its text: a workflow or
 * action by path or by top-level keys, a registry or policy likewise. Undefined for any other
 * YAML, which is then only scanned as text for secrets.
 */
function configKindOf(file, kind, text) {
    if (kind === 'workflow')
        return 'workflow';
    if (kind === 'action')
        return 'action';
    if (/(^|\/|\.)gitlab-ci\.ya?ml$/i.test(file))
        return 'GitLab CI configuration';
    if (/(^|\/)agent-config\.ya?ml$/i.test(file))
        return 'agent config';
    const marks = typeof text === 'string' ? configMarks(text) : text;
    const top = (key) => marks.keys.has(key);
    if (top('jobs') && (top('on') || top('true')))
        return 'workflow';
    if (top('runs') && (top('name') || top('description')))
        return 'action';
    if (top('agents'))
        return 'agent config';
    if (marks.policyKind || top('agentTypes'))
        return 'policy';
    if (/(^|\/)policies\//i.test(file))
        return 'policy';
    return undefined;
}
const CONFIG_KEY = /^["']?(jobs|on|true|runs|name|description|agents|agentTypes)["']?[ \t]*:/gm;
/** Adds the marks found in `text` to `into` (a large file is read window by window). */
function configMarks(text, into = { keys: new Set(), policyKind: false }) {
    for (const m of text.matchAll(CONFIG_KEY))
        into.keys.add(m[1]);
    if (/^["']?kind["']?[ \t]*:[ \t]*["']?\w*Policy\b/m.test(text))
        into.policyKind = true;
    return into;
}
function scanYaml(ctx, kind, options) {
    let resolved;
    try {
        resolved = parseResolved(ctx.text);
    }
    catch (err) {
        if (!(err instanceof YamlProblem))
            throw err;
        const what = configKindOf(ctx.file, kind, ctx.text);
        if (what)
            reportParseError(ctx, err, what);
        return;
    }
    options.onParsed?.(resolved);
    let hasRegistry = false;
    let hasPolicy = false;
    for (const doc of resolved) {
        const rootNode = doc.root;
        // By shape first, then by path: an action definition kept under .github/workflows/ is
        // still an action, and a workflow anywhere is a workflow.
        const actionShaped = isActionShape(rootNode) && !isWorkflowShape(rootNode);
        if ((kind === 'workflow' && !actionShaped) || (kind !== 'action' && isWorkflowShape(rootNode))) {
            if ((0,dist/* isMap */.jh)(rootNode)) {
                const model = readWorkflow(rootNode);
                checkDefinition(model, ctx, { pinning: options.pinning });
                auditDefinition(model, ctx, options.agents);
            }
            continue;
        }
        if (kind === 'action' || isActionShape(rootNode)) {
            if ((0,dist/* isMap */.jh)(rootNode)) {
                const model = readAction(rootNode);
                checkDefinition(model, ctx, { pinning: options.pinning });
                auditDefinition(model, ctx, options.agents);
            }
            continue;
        }
        if (/(^|\/|\.)gitlab-ci\.ya?ml$/i.test(ctx.file)) {
            checkGitlabCi(rootNode, ctx);
            auditGitlab(rootNode, ctx, options.agents);
        }
        if ((0,yaml_nodes/* isSeq */.oP)((0,yaml_nodes/* get */.Jt)(rootNode, 'agents'))) {
            hasRegistry = true;
            // A scanned registry belongs in the agent inventory (when it is valid).
            options.agents.store.registry(ctx.file);
            // Session policies resolve inside the scan root, out of .git/, after symbolic links
            // (core/workspace-path); anything else is a finding and is never read.
            const inspect = (file) => (0,core/* inspectWorkspacePath */.lX)(file, { root: options.root });
            (0,agent/* checkRegistry */.qW)(rootNode, ctx, {
                policies: options.policies,
                pathProblem: (file) => {
                    const r = inspect(file);
                    if (!(0,core/* isPathProblem */.Ld)(r))
                        return undefined;
                    return r.kind === 'git-dir'
                        ? 'is inside .git/'
                        : r.kind === 'outside'
                            ? 'leads outside the repository'
                            : 'is not a usable path';
                },
                fileExists: (file) => {
                    const r = inspect(file);
                    try {
                        return !(0,core/* isPathProblem */.Ld)(r) && r.exists && (0,external_node_fs_.statSync)(r.real).isFile();
                    }
                    catch {
                        return false;
                    }
                },
            });
            for (const agent of toPlain(rootNode).agents ?? []) {
                const a = agent;
                const path = a?.credentials?.aws?.['session-policy'];
                if (typeof path !== 'string')
                    continue;
                const r = inspect(path);
                // Scanned by its real path: no link is followed when the file is read.
                if (!(0,core/* isPathProblem */.Ld)(r) && r.exists && r.relative !== '') {
                    options.onSessionPolicy(r.relative, String(a.name ?? '?'));
                }
            }
        }
        if ((0,yaml_nodes/* str */.gx)((0,yaml_nodes/* get */.Jt)(rootNode, 'kind')) === 'AgentPolicy')
            hasPolicy = true;
    }
    // A file named like the registry is validated even when `agents:` is missing or misspelled.
    if (hasRegistry || /(^|\/)agent-config\.ya?ml$/i.test(ctx.file)) {
        schemaFindings(ctx, 'agent config', () => (0,packages_registry/* parseRegistry */.l5)(ctx.text, ctx.file));
    }
    // The policy loader also recognises a misspelled `kind:` and a missing one.
    if (hasPolicy || /\bagentTypes\b|\bkind:\s*\S*policy/i.test(ctx.text)) {
        schemaFindings(ctx, 'policy', () => (0,packages_registry/* parseAgentPolicies */.Hw)(options.yaml.parse(ctx.text, ctx.file, false)));
    }
}
/** The registry/policy loaders' validation errors, as `config/invalid` findings. */
function schemaFindings(ctx, what, validate) {
    try {
        validate();
    }
    catch (err) {
        const errors = err instanceof core/* AstlErrors */.ci ? err.errors : err instanceof core/* AstlError */.Ht ? [err] : [];
        for (const e of errors) {
            if (e.code === 'YAML_SYNTAX') {
                // The scanner's own parse succeeded but the product's loader refuses the file (more
                // aliases than it accepts, say): the actions would refuse it too.
                reportParseError(ctx, e, what);
                continue;
            }
            const line = e.location?.file === ctx.file || !e.location?.file ? (e.location?.line ?? 1) : 1;
            ctx.emit({
                ruleId: 'config/invalid',
                line,
                ...(e.location?.column !== undefined ? { column: e.location.column } : {}),
                message: `${e.message}${e.hint ? `. ${e.hint}` : ''}`,
                about: e.message,
            });
        }
    }
}
function scanIam(ctx, origin) {
    let tree;
    try {
        tree = parseJsonTree(ctx.text);
    }
    catch (err) {
        if (err instanceof JsonSyntaxError || err instanceof RangeError) {
            ctx.emit({
                ruleId: 'scan/parse-error',
                line: 1,
                message: `${ctx.file} looks like an IAM policy but is not valid JSON (${err.message}); fix the syntax so its statements can be checked.`,
                about: 'json-syntax',
                fileLevel: true,
            });
            return;
        }
        throw err;
    }
    checkIamPolicy(tree, ctx, origin);
}
/** A YAML file by path or top-level keys that the YAML rules did not run on (see configKindOf). */
function uncheckedKind(file, kind, text) {
    return kind === 'json' || kind === 'other' ? undefined : configKindOf(file, kind, text);
}
/** A config the rules could not run on (`why`: "binary …", "<size>, over … limit"): fail closed. */
function reportUnchecked(ctx, what, why, fix) {
    ctx.emit({
        ruleId: 'scan/parse-error',
        line: 1,
        message: `${ctx.file} looks like a${/^[aeiou]/i.test(what) ? 'n' : ''} ${what} but is ${why}, so only the secret rules ran on it: the scan fails closed. ${fix}.`,
        about: `unchecked ${what}`,
        fileLevel: true,
    });
}
function reportParseError(ctx, err, what) {
    const located = err instanceof core/* AstlError */.Ht ? err : undefined;
    const problem = err instanceof YamlProblem ? err : undefined;
    const message = problem
        ? problem.message
        : err instanceof RangeError
            ? 'it is nested too deeply to parse'
            : located
                ? located.message
                : (err?.message ?? String(err));
    const line = problem ? ctx.position(problem.offset).line : (located?.location?.line ?? 1);
    ctx.emit({
        ruleId: 'scan/parse-error',
        line,
        message: `${ctx.file} looks like a${/^[aeiou]/i.test(what) ? 'n' : ''} ${what} but could not be parsed (${message}), so none of its rules ran: the scan fails closed. Fix the YAML at this line${problem?.kind === 'limit' ? ' (or expand the aliases it uses)' : ''}.`,
        about: `parse-error ${what}`,
        fileLevel: true,
    });
}


;// CONCATENATED MODULE: ./packages/scanner/index.ts
/** The scanner: engine, change sets, suppressions and baselines, reporters. No Actions I/O. */










/***/ }),

/***/ 8758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IF: () => (/* binding */ ACCESS_ORDER),
/* harmony export */   Ux: () => (/* binding */ readAgentPolicy),
/* harmony export */   YT: () => (/* binding */ restrictionForbids),
/* harmony export */   qW: () => (/* binding */ checkRegistry),
/* harmony export */   xA: () => (/* binding */ accessRank)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5724);
/* harmony import */ var _yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8360);
/**
 * Agent registry rules (`agent/…`): accountability (owner, purpose, audit), credential hygiene
 * (long-lived, TTL over the AgentPolicy cap), AgentPolicy restrictions, and least privilege
 * measured against the agent's peers of the same type.
 */


/** Access levels from least to most: a higher one includes the lower ones. */
const ACCESS_ORDER = ['read', 'comment', 'write', 'admin'];
function accessRank(access) {
    return ACCESS_ORDER.indexOf(access.toLowerCase());
}
function readAgentPolicy(root, file) {
    if (!(0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(root) || (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(root, 'kind')) !== 'AgentPolicy')
        return undefined;
    const spec = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(root, 'spec');
    const restrictions = [];
    for (const item of (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .items */ .ld)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(spec, 'restrictions'))) {
        const target = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(item, 'deny')) ?? (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item);
        if (target)
            restrictions.push(target.trim());
    }
    const view = {
        name: (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .getPath */ .Yn)(root, ['metadata', 'name'])) ?? file,
        file,
        agentTypes: (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .items */ .ld)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(spec, 'agentTypes'))
            .map((n) => (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(n))
            .filter((s) => !!s),
        restrictions,
    };
    const type = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .getPath */ .Yn)(spec, ['credentialPolicy', 'type']));
    if (type)
        view.credentialType = type;
    const maxTtl = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .getPath */ .Yn)(spec, ['credentialPolicy', 'maxTtl']));
    if (maxTtl) {
        const seconds = durationOrUndefined(maxTtl);
        if (seconds !== undefined) {
            view.maxTtlSeconds = seconds;
            view.maxTtlText = maxTtl;
        }
    }
    return view;
}
function permissionsOf(agent) {
    const out = [];
    for (const item of (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .items */ .ld)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(agent, 'permissions'))) {
        const explicit = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(item, 'resource'));
        if (explicit) {
            out.push({ resource: explicit, access: (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(item, 'access')) ?? 'read', node: item });
            continue;
        }
        for (const entry of (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .entries */ .jO)(item)) {
            const access = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.value);
            if (access)
                out.push({ resource: entry.key, access, node: item });
        }
    }
    return out;
}
/** `repositories` and `repository` name the same resource. */
function sameResource(a, b) {
    const norm = (s) => s.toLowerCase().replace(/s$/, '');
    return norm(a) === norm(b);
}
/** Does `deny: <target>` forbid this permission? */
function restrictionForbids(target, permission) {
    const t = target.toLowerCase();
    if (t === 'write-access')
        return accessRank(permission.access) >= accessRank('write');
    if (t === 'admin-access')
        return accessRank(permission.access) >= accessRank('admin');
    if (sameResource(t, permission.resource))
        return true;
    if (t.endsWith('-access')) {
        const base = t.slice(0, -'-access'.length);
        const r = permission.resource.toLowerCase();
        return sameResource(base, r) || r.startsWith(`${base}-`);
    }
    return false;
}
function checkRegistry(root, ctx, options) {
    const agentNodes = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .items */ .ld)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(root, 'agents')).filter((n) => (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(n));
    const agents = [];
    for (const node of agentNodes) {
        const name = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(node, 'name')) ?? '(unnamed)';
        const agent = { name, node, permissions: permissionsOf(node) };
        const type = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(node, 'type'));
        if (type)
            agent.type = type;
        agents.push(agent);
        checkAgent(agent, ctx, options);
    }
    checkPeers(agents, ctx);
}
function span(ctx, node) {
    const line = ctx.position((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .start */ .ni)(node) ?? 0).line;
    // A node's range ends after its trailing line break; step back onto its last character.
    const endOffset = Math.max((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .start */ .ni)(node) ?? 0, ((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .end */ ._N)(node) ?? 0) - 1);
    return { line, endLine: Math.max(line, ctx.position(endOffset).line) };
}
function lineOf(ctx, node) {
    return ctx.position((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .start */ .ni)(node) ?? 0).line;
}
function checkAgent(agent, ctx, options) {
    const { node, name } = agent;
    const whole = span(ctx, node);
    const applicable = options.policies.filter((p) => agent.type && (p.agentTypes.includes(agent.type) || p.agentTypes.includes('*')));
    if (!(0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(node, 'owner'))?.trim()) {
        ctx.emit({
            ruleId: 'agent/missing-owner',
            ...whole,
            message: `Agent '${name}' has no owner. Add \`owner: <team or person>\` to its entry: the credentials action refuses agents nobody is accountable for.`,
            about: `agent ${name} owner`,
        });
    }
    if (!(0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(node, 'purpose'))?.trim()) {
        ctx.emit({
            ruleId: 'agent/missing-purpose',
            ...whole,
            message: `Agent '${name}' has no purpose. Add \`purpose: "<what it does and why it needs access>"\` so audits can check its access against it.`,
            about: `agent ${name} purpose`,
        });
    }
    const audit = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .pairOf */ .cF)(node, 'audit-level');
    const auditValue = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(audit?.value);
    if (audit && auditValue && auditValue !== 'full') {
        ctx.emit({
            ruleId: 'agent/audit-not-full',
            line: lineOf(ctx, audit.key),
            message: `Agent '${name}' has \`audit-level: ${auditValue}\`: its credential use would not be fully recorded. Set \`audit-level: full\`.`,
            about: `agent ${name} audit-level ${auditValue}`,
        });
    }
    const policyPair = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .pairOf */ .cF)(node, 'credential-policy');
    if ((0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(policyPair?.value) === 'long-lived') {
        const requiring = applicable.find((p) => p.credentialType === 'ephemeral' || p.restrictions.includes('long-lived-credentials'));
        ctx.emit({
            ruleId: 'agent/long-lived-credentials',
            line: lineOf(ctx, policyPair?.key),
            message: `Agent '${name}' uses \`credential-policy: long-lived\`${requiring ? `, which AgentPolicy '${requiring.name}' forbids (it requires ephemeral)` : ''}. Set \`credential-policy: ephemeral\` and a \`max-ttl\` (e.g. 1h); the credentials action mints short-lived credentials per job.`,
            about: `agent ${name} long-lived`,
        });
    }
    const ttlPair = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .pairOf */ .cF)(node, 'max-ttl');
    const ttlText = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(ttlPair?.value);
    const ttl = ttlText ? durationOrUndefined(ttlText) : undefined;
    if (ttlPair && ttl !== undefined) {
        const capped = applicable.filter((p) => p.maxTtlSeconds !== undefined);
        const strictest = capped.sort((a, b) => a.maxTtlSeconds - b.maxTtlSeconds)[0];
        if (strictest && ttl > strictest.maxTtlSeconds) {
            ctx.emit({
                ruleId: 'agent/ttl-over-policy',
                line: lineOf(ctx, ttlPair.key),
                message: `Agent '${name}' has \`max-ttl: ${ttlText}\`, longer than the ${strictest.maxTtlText} \`maxTtl\` of AgentPolicy '${strictest.name}' (${strictest.file}) for type '${agent.type}'. Set \`max-ttl: ${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(strictest.maxTtlSeconds)}\` or less.`,
                about: `agent ${name} max-ttl ${ttlText} over ${strictest.name}`,
            });
        }
    }
    for (const policy of applicable) {
        for (const target of policy.restrictions) {
            if (target === 'long-lived-credentials')
                continue; // reported by agent/long-lived-credentials
            for (const permission of agent.permissions) {
                if (!restrictionForbids(target, permission))
                    continue;
                ctx.emit({
                    ruleId: 'agent/policy-contradiction',
                    line: lineOf(ctx, permission.node),
                    message: `Agent '${name}' declares \`${permission.resource}: ${permission.access}\`, but AgentPolicy '${policy.name}' (${policy.file}) for type '${agent.type}' has \`deny: ${target}\`. Remove the permission${target === 'write-access' ? ' or lower it to `read`' : ''}, or change the agent's type if it really needs it.`,
                    about: `agent ${name} ${permission.resource}:${permission.access} deny ${target}`,
                });
            }
        }
    }
    const sessionPolicy = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .getPath */ .Yn)(node, ['credentials', 'aws', 'session-policy']);
    const sessionFile = (0,_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(sessionPolicy);
    const pathProblem = sessionFile ? options.pathProblem?.(sessionFile) : undefined;
    if (sessionFile && pathProblem) {
        // Never read, so nothing of that file (a secret, .git/config's token) reaches a snippet.
        ctx.emit({
            ruleId: 'agent/session-policy-outside',
            line: lineOf(ctx, sessionPolicy),
            message: `Agent '${name}' names the session policy \`${sessionFile}\`, which ${pathProblem}. The actions refuse to read it; commit the IAM policy document inside the repository and name it by its path from the repository root.`,
            about: `agent ${name} session-policy-outside ${sessionFile}`,
        });
    }
    else if (sessionFile && !options.fileExists(sessionFile)) {
        ctx.emit({
            ruleId: 'agent/session-policy-missing',
            line: lineOf(ctx, sessionPolicy),
            message: `Agent '${name}' names the session policy \`${sessionFile}\`, which does not exist. Commit the IAM policy document there or fix the path (it is relative to the repository root).`,
            about: `agent ${name} session-policy ${sessionFile}`,
        });
    }
}
/**
 * "Broader than peers": among agents of the same type (only when there are at least two
 * others), an agent holds a resource no peer holds, or a higher access level on a resource
 * than the highest any peer holds.
 */
function checkPeers(agents, ctx) {
    const byType = new Map();
    for (const agent of agents) {
        if (!agent.type)
            continue;
        const group = byType.get(agent.type) ?? [];
        group.push(agent);
        byType.set(agent.type, group);
    }
    for (const [type, group] of byType) {
        if (group.length < 3)
            continue;
        for (const agent of group) {
            const peers = group.filter((p) => p !== agent);
            const extras = [];
            for (const permission of agent.permissions) {
                const rank = accessRank(permission.access);
                if (rank < 0)
                    continue;
                const held = peers.flatMap((p) => p.permissions.filter((q) => sameResource(q.resource, permission.resource)));
                if (held.length === 0) {
                    extras.push({ text: `\`${permission.resource}: ${permission.access}\``, node: permission.node });
                    continue;
                }
                const peerMax = Math.max(...held.map((q) => accessRank(q.access)));
                if (rank > peerMax) {
                    extras.push({
                        text: `\`${permission.resource}: ${permission.access}\` (peers have at most ${ACCESS_ORDER[peerMax] ?? 'an unknown level'})`,
                        node: permission.node,
                    });
                }
            }
            if (extras.length === 0)
                continue;
            const first = extras[0];
            ctx.emit({
                ruleId: 'agent/broader-than-peers',
                line: lineOf(ctx, first.node),
                endLine: Math.max(...extras.map((e) => span(ctx, e.node).endLine)),
                message: `Agent '${agent.name}' has broader access than similar agents: it has ${extras.map((e) => e.text).join(', ')} that none of its ${peers.length} peers of type '${type}' has. Remove what it does not need, or give it its own type if its job really differs.`,
                about: `agent ${agent.name} broader ${extras.map((e) => e.text).join(',')}`,
            });
        }
    }
}
function durationOrUndefined(text) {
    try {
        return (0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 8360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ get),
/* harmony export */   Yn: () => (/* binding */ getPath),
/* harmony export */   _N: () => (/* binding */ end),
/* harmony export */   cF: () => (/* binding */ pairOf),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   jO: () => (/* binding */ entries),
/* harmony export */   jh: () => (/* reexport safe */ yaml__WEBPACK_IMPORTED_MODULE_0__.jh),
/* harmony export */   ld: () => (/* binding */ items),
/* harmony export */   ni: () => (/* binding */ start),
/* harmony export */   oP: () => (/* reexport safe */ yaml__WEBPACK_IMPORTED_MODULE_0__.oP)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/** Small accessors over `yaml`'s node tree: rules need values and where they are written. */

function pairOf(node, key) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    for (const item of node.items) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === key) {
            return item;
        }
    }
    return undefined;
}
function get(node, key) {
    return pairOf(node, key)?.value ?? undefined;
}
function getPath(node, path) {
    let here = node;
    for (const key of path) {
        here = get(here, key);
        if (here === undefined)
            return undefined;
    }
    return here;
}
/** Key/value pairs of a mapping, keys as strings. */
function entries(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return [];
    const out = [];
    for (const item of node.items) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key)) {
            out.push({
                key: String(item.key.value),
                keyNode: item.key,
                value: item.value ?? undefined,
            });
        }
    }
    return out;
}
function items(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) ? node.items.filter((n) => n && typeof n === 'object') : [];
}
/** A scalar's value as a string (numbers and booleans too); undefined for maps, lists, null. */
function str(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
function start(node) {
    return node?.range?.[0];
}
function end(node) {
    return node?.range?.[1];
}



/***/ })

};
;