"use strict";
exports.id = 110;
exports.ids = [110,170,789];
exports.modules = {

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
    const what = check.what ?? check.setting ?? 'endpoint';
    const where = check.location
        ? { location: check.location }
        : check.setting && check.what === undefined
            ? { setting: check.setting }
            : { location: { file: what } };
    const prefix = check.location ? `${what} ` : '';
    const fail = (code, message, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${prefix}${message}`, { code, ...where, hint });
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
    const { optIn } = check;
    throw fail(TRANSPORT_INSECURE, `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`, (s) => `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost)${optIn === false
        ? ''
        : `; for a network you control end to end, opt in with ${optIn ?? (s.kind === 'action' ? 'allow-insecure-http: true' : s.name('allow-insecure-http'))}`}`);
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

/***/ 4062:
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
/* harmony import */ var _packages_core_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5166);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2073);
/* harmony import */ var _packages_registry_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1005);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1604);
/**
 * `astl agents list`: the registered agents, one a line (or JSON / Markdown). With `--discover`
 * it also scans the CI files (GitHub workflows, composite actions, .gitlab-ci.yml) for the AI
 * agents that actually run and shows both side by side: where each runs, what starts it, its
 * token and secrets, whose name it runs under, and its open findings (docs/agents.md).
 */








const spec = {
    name: 'agents list',
    summary: 'list the registered agents, and with --discover the AI agents that run in CI',
    usage: 'astl agents list [--discover] [--config F] [--scan-config F] [--format text|json|markdown]',
    flags: {
        discover: {
            type: 'boolean',
            description: 'also find the AI agents in CI files and show where and as whom they run',
        },
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        'scan-config': {
            type: 'string',
            value: 'FILE',
            description: 'scan config with extra agents to discover (default .astl/scan.yaml when present)',
        },
        format: { type: 'string', value: 'FORMAT', description: 'text (default), json or markdown' },
    },
    examples: [
        'astl agents list',
        'astl agents list --config ci/agent-config.yaml --format json',
        'astl agents list --discover',
        'astl agents list --discover --format markdown >> "$GITHUB_STEP_SUMMARY"',
    ],
    notes: [
        '--discover scans the default CI paths of the current folder (see astl scan) with the agent',
        'catalog plus the scan config`s `agents.catalog`, and lists open findings of each agent.',
    ],
};
async function run(args, io) {
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .choice */ .Yq)(args, 'format', ['text', 'json', 'markdown'], 'text');
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .bool */ .lc)(args, 'discover'))
        return discover(args, io, format);
    const registry = (0,_packages_registry_registry_js__WEBPACK_IMPORTED_MODULE_4__.loadRegistry)((0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(args, 'config') || 'agent-config.yaml', {
        workspace: (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .workspaceScope */ .O9)(io.env, io.cwd),
        use: { what: '--config' },
    });
    const rows = registry.agents.map((a) => ({
        name: a.name,
        type: a.type,
        owner: a.owner ?? null,
        purpose: a.purpose ?? null,
        permissions: a.permissions.map((p) => `${p.resource}:${p.access}`),
        credentialPolicy: a.credentialPolicy,
        maxTtl: a.maxTtlSeconds === undefined ? null : (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(a.maxTtlSeconds),
        auditLevel: a.auditLevel,
        providers: [a.credentials.aws ? 'aws' : '', a.credentials.vault ? 'vault' : ''].filter(Boolean),
    }));
    if (format === 'json') {
        io.out(JSON.stringify(rows, null, 2));
        return _exit_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.ok;
    }
    if (format === 'markdown') {
        const { inventoryMarkdown } = await __webpack_require__.e(/* import() */ 782).then(__webpack_require__.bind(__webpack_require__, 9782));
        io.out(inventoryMarkdown({
            registered: registry.agents.map((a) => ({
                name: a.name,
                type: a.type,
                ...(a.owner ? { owner: a.owner } : {}),
                permissions: a.permissions.map((p) => `${p.resource}: ${p.access}`),
                registry: registry.file,
                ...(a.keyLocations['name']?.line !== undefined ? { line: a.keyLocations['name'].line } : {}),
            })),
            discovered: [],
            credentialJobs: [],
        }, { heading: '### Registered agents', discovered: false }));
        return _exit_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.ok;
    }
    if (rows.length === 0) {
        io.out('no agents registered');
        return _exit_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.ok;
    }
    const table = [
        ['NAME', 'TYPE', 'OWNER', 'MAX-TTL', 'AUDIT', 'CLOUDS', 'PURPOSE'],
        ...rows.map((r) => [
            r.name,
            r.type,
            r.owner ?? '(none)',
            r.maxTtl ?? '-',
            r.auditLevel,
            r.providers.join(',') || '-',
            r.purpose ?? '(none)',
        ]),
    ];
    const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
    table.forEach((row, n) => {
        const line = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
        io.out(n === 0 ? (0,_io_js__WEBPACK_IMPORTED_MODULE_7__/* .paint */ .nI)(io, 'bold', line) : line);
    });
    return _exit_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.ok;
}
/** `--discover`: one scan of the CI files with every finding kept, then the inventory. */
async function discover(args, io, format) {
    const engine = await Promise.all(/* import() */[__webpack_require__.e(856), __webpack_require__.e(51), __webpack_require__.e(716), __webpack_require__.e(332), __webpack_require__.e(884), __webpack_require__.e(187)]).then(__webpack_require__.bind(__webpack_require__, 2884));
    const { inventoryJson, inventoryMarkdown, inventoryText } = await __webpack_require__.e(/* import() */ 782).then(__webpack_require__.bind(__webpack_require__, 9782));
    const config = engine.loadScanConfig(io.cwd, (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(args, 'scan-config'));
    const registry = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)(args, 'config');
    const result = await engine.scan({
        root: io.cwd,
        config: registry ? { ...config, agents: { catalog: [], ...config.agents, registry } } : config,
    });
    const inventory = result.agents ?? { registered: [], discovered: [], credentialJobs: [] };
    const registryFile = registry ?? config.agents?.registry ?? 'agent-config.yaml';
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(io.cwd, registryFile))) {
        io.err(`warning: no agent registry at ${registryFile}; every discovered agent is unregistered (--config names another)`);
    }
    for (const w of result.warnings)
        io.err(`warning: ${w}`);
    if (format === 'json')
        io.out(inventoryJson(inventory).replace(/\n$/, ''));
    else if (format === 'markdown')
        io.out(inventoryMarkdown(inventory, { heading: '### AI agents in CI' }));
    else
        io.out(inventoryText(inventory));
    return _exit_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.ok;
}


/***/ })

};
;