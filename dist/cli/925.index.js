"use strict";
exports.id = 925;
exports.ids = [925,170,789];
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

/***/ 8408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2073);
/* harmony import */ var _packages_registry_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3268);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1604);
/**
 * `astl agents check`: validates the registry and the AgentPolicies, then checks every agent the
 * way a credential request for its full max-ttl would be checked. Exit 1 when an agent would be
 * refused, 3 when a file itself is invalid.
 */






const spec = {
    name: 'agents check',
    summary: 'validate the agent registry against the agent policies',
    usage: 'astl agents check [--config F] [--policies DIR] [--format text|json]',
    flags: {
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        policies: {
            type: 'string',
            value: 'DIR',
            description: 'AgentPolicy folder (default policies; missing = none)',
        },
        format: { type: 'string', value: 'FORMAT', description: 'text (default) or json' },
    },
    examples: ['astl agents check', 'astl agents check --config agent-config.yaml --policies policies'],
    notes: ['Exit codes: 0 every agent passes, 1 an agent would be refused credentials, 3 a file is invalid.'],
};
async function run(args, io) {
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .choice */ .Yq)(args, 'format', ['text', 'json'], 'text');
    const workspace = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_1__/* .workspaceScope */ .O9)(io.env, io.cwd);
    const registry = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadRegistry */ .Ag)((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'config') || 'agent-config.yaml', {
        workspace,
        use: { what: '--config' },
    });
    const policies = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadAgentPolicies */ .gN)((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'policies') || 'policies', {
        missingOk: true,
        onWarning: (m) => io.err(`warning: ${m}`),
        workspace,
        use: { what: '--policies' },
    });
    const results = registry.agents.map((agent) => {
        const providers = [
            ...(agent.credentials.aws ? ['aws'] : []),
            ...(agent.credentials.vault ? ['vault'] : []),
        ];
        try {
            const decision = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_2__/* .checkCredentialRequest */ .Hm)({
                agent,
                durationSeconds: agent.maxTtlSeconds ?? 900,
                providers,
                readsSecrets: (agent.credentials.vault?.secrets.length ?? 0) > 0,
            }, policies);
            return { agent: agent.name, ok: true, problems: [], warnings: decision.warnings };
        }
        catch (err) {
            if (!(err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht))
                throw err;
            const all = err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlErrors */ .ci ? err.errors : [err];
            return {
                agent: agent.name,
                ok: false,
                warnings: [],
                problems: all.map((e) => ({
                    code: e.code,
                    message: e.message,
                    ...(e.location ? { location: `${e.location.file}:${e.location.line ?? ''}` } : {}),
                    formatted: (0,_exit_js__WEBPACK_IMPORTED_MODULE_4__/* .formatError */ .Wk)(e),
                })),
            };
        }
    });
    const failed = results.filter((r) => !r.ok).length;
    if (format === 'json') {
        io.out(JSON.stringify({
            ok: failed === 0,
            policies: policies.map((p) => p.name),
            agents: results.map((r) => ({
                ...r,
                problems: r.problems.map((p) => ({ code: p.code, message: p.message, location: p.location })),
            })),
        }, null, 2));
    }
    else {
        for (const r of results) {
            if (r.ok)
                io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .nI)(io, 'green', 'ok')}    ${r.agent}`);
            else
                io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .nI)(io, 'red', 'FAIL')}  ${r.agent}`);
            for (const p of r.problems) {
                io.out(indent(p.formatted));
            }
            for (const w of r.warnings)
                io.out(indent(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .nI)(io, 'yellow', 'warning')}: ${w}`));
        }
        io.out(`${registry.agents.length} agent${registry.agents.length === 1 ? '' : 's'} checked against ${policies.length} AgentPolic${policies.length === 1 ? 'y' : 'ies'}: ${failed} refused`);
    }
    return failed > 0 ? _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.findings : _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
}
function indent(text) {
    return text
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n');
}


/***/ })

};
;