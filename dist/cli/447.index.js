"use strict";
exports.id = 447;
exports.ids = [447,170,789];
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

/***/ 7279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   appendEntry: () => (/* binding */ appendEntry),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5166);
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(425);
/* harmony import */ var _packages_core_suggest_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3142);
/* harmony import */ var _packages_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1372);
/* harmony import */ var _packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2073);
/* harmony import */ var _packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3268);
/* harmony import */ var _packages_scanner_rules_agent_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8758);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7632);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9141);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1604);
/**
 * `astl agent create`: self-service registration. Appends one validated entry to the registry,
 * editing the YAML document in place so the file's comments and layout survive, and refuses what
 * the organisation's AgentPolicy forbids before anything is written.
 */














const spec = {
    name: 'agent create',
    summary: 'register a new agent in the registry (asks for missing fields on a terminal)',
    usage: 'astl agent create [--name N --type T --owner O --purpose P --permission res:access ... --max-ttl D] [--config F]',
    flags: {
        name: { type: 'string', value: 'NAME', description: 'unique agent name: lowercase letters, digits, -' },
        type: { type: 'string', value: 'TYPE', description: 'agent type (AgentPolicy documents apply by type)' },
        owner: { type: 'string', value: 'OWNER', description: 'the human or team accountable for the agent' },
        purpose: { type: 'string', value: 'TEXT', description: 'why the agent exists' },
        permission: {
            type: 'string',
            multiple: true,
            value: 'RES:ACCESS',
            description: 'a declared need, e.g. repository:read',
        },
        'max-ttl': {
            type: 'string',
            value: 'DURATION',
            description: 'cap on any credential, e.g. 1h (default: 1h, or the policy cap when shorter)',
        },
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        policies: { type: 'string', value: 'DIR', description: 'AgentPolicy folder (default policies)' },
        'dry-run': { type: 'boolean', description: 'print the updated registry instead of writing it' },
    },
    examples: [
        'astl agent create',
        'astl agent create --name review-bot --type coding-assistant --owner platform-team \\',
        '  --purpose "Automated code review" --permission repository:read --permission pull-requests:comment --max-ttl 1h',
    ],
    notes: [
        'Entries are written with credential-policy: ephemeral and audit-level: full.',
        'Without a terminal, every required field must be given as a flag (exit 3 lists what is missing).',
    ],
};
const REQUIRED = ['name', 'type', 'owner', 'purpose'];
/** The flag that sets each field: every refusal names it, never a line of the file not yet written. */
const FLAG = {
    name: '--name',
    type: '--type',
    owner: '--owner',
    purpose: '--purpose',
    permissions: '--permission',
    maxTtl: '--max-ttl',
};
/** The registry key of each field, to find which field a schema or policy refusal is about. */
const KEY = {
    name: 'name',
    type: 'type',
    owner: 'owner',
    purpose: 'purpose',
    permissions: 'permissions',
    'max-ttl': 'maxTtl',
};
/** Access levels `agent create` accepts: the ones the scanner and the gate rank (scanner ACCESS_ORDER). */
const ACCESS_LEVELS = _packages_scanner_rules_agent_js__WEBPACK_IMPORTED_MODULE_8__/* .ACCESS_ORDER */ .IF;
/** No credential outlives this: AWS STS's longest session (Vault tokens are capped the same way here). */
const MAX_TTL_SECONDS = 12 * 3600;
/** The default max-ttl, interactive or not: 1h, or the AgentPolicy cap when that is shorter. */
const defaultTtlSeconds = (cap) => Math.min(cap?.seconds ?? 3600, 3600);
async function run(args, io) {
    const config = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .str */ .gx)(args, 'config') || 'agent-config.yaml';
    const policiesDir = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .str */ .gx)(args, 'policies') || 'policies';
    const draft = {
        name: (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .str */ .gx)(args, 'name')?.trim() || undefined,
        type: (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .str */ .gx)(args, 'type')?.trim() || undefined,
        owner: (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .oneLine */ .TN)(args, 'owner'),
        purpose: (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .oneLine */ .TN)(args, 'purpose'),
        maxTtl: (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .str */ .gx)(args, 'max-ttl')?.trim() || undefined,
    };
    const perms = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .list */ .p_)(args, 'permission');
    if (perms.length > 0)
        draft.permissions = perms.map(parsePermission);
    const workspace = (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_6__/* .workspaceScope */ .O9)(io.env, io.cwd);
    (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveWorkspacePath */ .XI)(config, workspace, { what: '--config' });
    const existingText = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(config)
        ? (0,_packages_core_workspace_path_js__WEBPACK_IMPORTED_MODULE_6__/* .readWorkspaceFile */ .sL)(config, workspace, { what: '--config' }).toString('utf8')
        : undefined;
    const existing = existingText === undefined ? undefined : (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRegistry */ .l5)(existingText, config);
    const policies = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .loadAgentPolicies */ .gN)(policiesDir, {
        missingOk: true,
        workspace,
        use: { what: '--policies' },
    });
    const ctx = { config, existingText, existing, policies };
    // Whatever the flags gave is checked before any question, so no answer is asked for in vain.
    const given = fieldProblems(draft, ctx);
    if (given.length > 0)
        throw refusal(given, draft);
    const missing = REQUIRED.filter((k) => draft[k] === undefined);
    if (missing.length > 0) {
        if (!io.stdinTTY) {
            throw new _exit_js__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .eb(`'astl agent create' needs ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on)`, `pass them as flags, e.g. ${missing.map((m) => `--${m} ${placeholder(m)}`).join(' ')}`);
        }
        await ask(draft, io, ctx);
    }
    draft.maxTtl ??= (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(defaultTtlSeconds(policyCap((0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .policiesForType */ .Ac)(policies, draft.type))));
    // The whole entry once more, as it will be written (schema, duplicates, AgentPolicies).
    const all = fieldProblems(draft, ctx);
    if (all.length > 0)
        throw refusal(all, draft);
    const text = appendEntry(existingText, entryOf(draft));
    const name = draft.name;
    const type = draft.type;
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .bool */ .lc)(args, 'dry-run')) {
        io.out(text);
        return _exit_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok;
    }
    // Replaced atomically, inside the workspace and never through a link (core/workspace-path).
    (0,_files_js__WEBPACK_IMPORTED_MODULE_11__/* .writeFlagFile */ .mg)('--config', config, text, { scope: workspace });
    io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_12__/* .paint */ .nI)(io, 'green', 'registered')} agent '${name}' (type ${type}, owner ${draft.owner}) in ${(0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .str */ .gx)(args, 'config') || 'agent-config.yaml'}`);
    return _exit_js__WEBPACK_IMPORTED_MODULE_10__/* .EXIT */ .dc.ok;
}
/** The registry entry of a draft (every field set). */
function entryOf(draft) {
    const entry = {
        name: draft.name,
        type: draft.type,
        owner: draft.owner,
        purpose: draft.purpose,
        permissions: (draft.permissions ?? []).map((p) => ({ [p.resource]: p.access })),
        'credential-policy': 'ephemeral',
        'max-ttl': (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)((0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(draft.maxTtl, '--max-ttl')),
        'audit-level': 'full',
    };
    if ((draft.permissions ?? []).length === 0)
        delete entry['permissions'];
    return entry;
}
/**
 * Every problem of the fields the draft has so far: each field's own rules (name free, access
 * levels known, max-ttl a duration within the caps) and, once name, type, owner and purpose are
 * known, the entry as it would be written, through the registry schema and the credential
 * pre-check for its full max-ttl (packages/registry), each refusal mapped back to its flag.
 */
function fieldProblems(draft, ctx) {
    const problems = [];
    if (draft.name !== undefined) {
        const taken = ctx.existing?.agents.find((a) => a.name === draft.name);
        if (taken) {
            problems.push({
                field: 'name',
                message: `agent '${draft.name}' is already registered (${(0,_packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatLocation */ .j$)(taken.keyLocations['name'] ?? taken.location)})`,
                hint: 'choose another name, or edit the existing entry',
            });
        }
    }
    for (const p of draft.permissions ?? []) {
        if (!ACCESS_LEVELS.includes(p.access)) {
            const guess = (0,_packages_core_suggest_js__WEBPACK_IMPORTED_MODULE_13__/* .closest */ .k)(p.access, ACCESS_LEVELS);
            problems.push({
                field: 'permissions',
                message: `access level '${p.access}' of '${p.resource}' is not one of ${ACCESS_LEVELS.join(', ')}`,
                hint: guess ? `did you mean ${p.resource}:${guess}?` : `for example --permission ${p.resource}:read`,
            });
        }
    }
    const applicable = draft.type === undefined ? [] : (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .policiesForType */ .Ac)(ctx.policies, draft.type);
    for (const policy of applicable) {
        for (const p of draft.permissions ?? []) {
            const index = policy.restrictions.findIndex((r) => namesRestricted(r, p));
            if (index < 0)
                continue;
            problems.push({
                field: 'permissions',
                message: `'${p.resource}:${p.access}' is forbidden for agents of type '${draft.type}' by AgentPolicy '${policy.name}' (deny: ${policy.restrictions[index]})`,
                hint: "drop that permission, or ask the policy's owners for an exception",
                location: policy.keyLocations[`spec.restrictions[${index}]`] ?? policy.location,
            });
        }
    }
    const cap = draft.type === undefined ? undefined : policyCap(applicable);
    if (draft.maxTtl !== undefined) {
        let seconds;
        try {
            seconds = (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(draft.maxTtl, '--max-ttl');
        }
        catch (err) {
            if (!(err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht))
                throw err;
            problems.push({ field: 'maxTtl', message: err.message, hint: 'for example --max-ttl 1h' });
        }
        if (seconds !== undefined && seconds > MAX_TTL_SECONDS) {
            problems.push({
                field: 'maxTtl',
                message: `${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(seconds)} is longer than any credential this product mints (12h, the AWS STS maximum)`,
                hint: `use --max-ttl ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(defaultTtlSeconds(cap))} or another value up to 12h`,
            });
        }
        else if (seconds !== undefined && cap && seconds > cap.seconds) {
            problems.push({
                field: 'maxTtl',
                message: `${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(seconds)} is over the ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(cap.seconds)} that AgentPolicy '${cap.policy}' allows agents of type '${draft.type}'`,
                hint: `use --max-ttl ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(cap.seconds)} or less`,
                ...(cap.location ? { location: cap.location } : {}),
            });
        }
    }
    if (problems.length > 0 || REQUIRED.some((k) => draft[k] === undefined))
        return problems;
    return problems.concat(entryRefusals(draft, ctx, cap));
}
/** The registry's and the AgentPolicies' refusals of the entry as it would be written. */
function entryRefusals(draft, ctx, cap) {
    const maxTtl = draft.maxTtl ?? (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(defaultTtlSeconds(cap));
    const text = appendEntry(ctx.existingText, entryOf({ ...draft, maxTtl }));
    const entryLines = newEntryLines(text);
    const fieldAt = (loc) => loc && loc.file === ctx.config && loc.line !== undefined ? entryLines.get(loc.line) : undefined;
    const errors = [];
    try {
        const written = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRegistry */ .l5)(text, ctx.config);
        const agent = written.agents.find((a) => a.name === draft.name);
        (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .checkCredentialRequest */ .Hm)({ agent, durationSeconds: (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(maxTtl, '--max-ttl'), providers: [], readsSecrets: false }, ctx.policies);
    }
    catch (err) {
        if (!(err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht))
            throw err;
        errors.push(...(err instanceof _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlErrors */ .ci ? err.errors : [err]));
    }
    return errors.map((e) => {
        const field = fieldAt(e.location) ??
            (e.code === 'DURATION_OVER_CAP'
                ? 'maxTtl'
                : e.code === 'RESTRICTION_VIOLATED'
                    ? 'permissions'
                    : 'name');
        // A line of the file not yet written means nothing to the user: the flag says it instead.
        const elsewhere = e.location && fieldAt(e.location) === undefined && e.location.file !== ctx.config;
        return {
            field,
            message: e.message
                .replace(/^agents\[\d+\](?:\.[\w-]+|\[\d+\])* is /, '')
                .split(`${ctx.config}:`)
                .join('line ')
                .replace(/line \d+(?::\d+)?/g, 'the new entry'),
            hint: e.code === 'RESTRICTION_VIOLATED'
                ? `drop that ${FLAG[field]}, or ask the policy's owners for an exception`
                : e.hintFor(_exit_js__WEBPACK_IMPORTED_MODULE_10__/* .CLI_NAMES */ .Q4),
            ...(elsewhere ? { location: e.location } : {}),
        };
    });
}
/** Line number → field, for the lines of the last entry under `agents:` (the new one). */
function newEntryLines(text) {
    const lines = new Map();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text);
    const agents = doc.get('agents', true);
    const entry = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(agents) ? agents.items.at(-1) : undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(entry))
        return lines;
    const lineOf = (offset) => text.slice(0, offset).split('\n').length;
    for (const pair of entry.items) {
        const key = String(pair.key?.value ?? '');
        const field = KEY[key];
        const from = pair.key?.range?.[0];
        const to = pair.value?.range?.[2] ?? from;
        if (!field || from === undefined || to === undefined)
            continue;
        for (let l = lineOf(from); l <= lineOf(Math.max(from, to - 1)); l++)
            lines.set(l, field);
    }
    return lines;
}
/** The problems as one usage error (several: one line each), in flag terms. */
function refusal(problems, draft) {
    const errors = problems.map((p) => new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`${FLAG[p.field]}${flagValue(p.field, draft)}: ${p.message}`, {
        code: 'USAGE',
        ...(p.hint ? { hint: p.hint } : {}),
        ...(p.location ? { location: p.location } : {}),
    }));
    return errors.length === 1 ? errors[0] : new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlErrors */ .ci(errors, 'USAGE');
}
function flagValue(field, draft) {
    if (field === 'permissions')
        return '';
    const v = draft[field];
    return typeof v === 'string' && v !== '' && !/\s/.test(v) ? ` ${v}` : '';
}
/** Adds the entry under `agents:` of the existing document, keeping its comments and layout. */
function appendEntry(existingText, entry) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(existingText ?? 'agents: []\n');
    if (existingText !== undefined && doc.contents === null) {
        // A file with only comments: keep them above the new list.
        doc.contents = doc.createNode({ agents: [] });
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(doc.contents)) {
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht('the agent registry must be a mapping with an `agents:` list', {
            code: 'REGISTRY_INVALID',
            hint: 'start the file with `agents:`',
        });
    }
    let agents = doc.get('agents', true);
    if (agents === undefined || agents === null || (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(agents) && isEmptyScalar(agents))) {
        agents = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .YAMLSeq */ .Rw();
        doc.set('agents', agents);
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(agents)) {
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht('`agents:` in the registry must be a list', { code: 'REGISTRY_INVALID' });
    }
    agents.flow = false;
    const node = doc.createNode(entry);
    agents.add(node);
    return doc.toString({ lineWidth: 0 });
}
function isEmptyScalar(node) {
    return (typeof node === 'object' && node !== null && 'value' in node && node.value == null);
}
function parsePermission(text) {
    const m = /^\s*([^:\s]+)\s*[:=]\s*([^:\s]+)\s*$/.exec(text);
    if (!m) {
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .eb(`--permission '${text}' is not RESOURCE:ACCESS`, 'for example --permission repository:read');
    }
    return { resource: m[1], access: m[2] };
}
/**
 * Whether a declared permission names what an AgentPolicy restriction denies (`deny: secrets` and
 * a `secrets: read` permission). Write access is checked by the credentials pre-check.
 */
function namesRestricted(restriction, p) {
    const resource = p.resource.toLowerCase();
    if (restriction === 'secrets')
        return resource.includes('secret');
    if (restriction === 'production-access')
        return /(^|[-_.:/])(prod|production|prd)($|[-_.:/])/.test(resource);
    return false;
}
function policyCap(policies) {
    let cap;
    for (const p of policies) {
        const s = p.credentialPolicy?.maxTtlSeconds;
        if (s !== undefined && (cap === undefined || s < cap.seconds)) {
            cap = {
                seconds: s,
                policy: p.name,
                location: p.keyLocations['spec.credentialPolicy.maxTtl'] ?? p.location,
            };
        }
    }
    return cap;
}
function placeholder(field) {
    return ({ name: 'my-agent', type: 'coding-assistant', owner: 'platform-team', purpose: '"why it exists"' }[field] ?? 'VALUE');
}
/**
 * Asks on the terminal for every field the flags did not give, checking each answer at once
 * (the same checks as the flags: name free, access levels, AgentPolicy restrictions and caps), so
 * a refused answer is asked again and the answers before it are kept.
 */
async function ask(draft, io, ctx) {
    const rl = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: process.stdin, output: process.stderr, terminal: true });
    // Lines through the async iterator are buffered, so answers typed (or pasted) ahead of their
    // question are kept rather than dropped as rl.question would.
    const lines = rl[Symbol.asyncIterator]();
    try {
        /** Asks until `set(answer)` leaves the field without problems. */
        const question = async (label, field, set, fallback) => {
            for (;;) {
                rl.setPrompt(`${label}${fallback ? ` [${fallback}]` : ''}: `);
                rl.prompt();
                const next = await lines.next();
                if (next.done)
                    throw new _exit_js__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .eb('agent create cancelled: no answer (end of input)', 'nothing was written');
                const answer = String(next.value).trim() || fallback || '';
                const problem = set(answer) ??
                    fieldProblems(draft, ctx)
                        .filter((p) => p.field === field)
                        .map((p) => `${p.message}${p.hint ? ` (${p.hint.replace(/--[a-z-]+ /g, '')})` : ''}`)[0];
                if (!problem)
                    return;
                io.err(`  ${problem}`);
            }
        };
        const text = (field) => (v) => {
            draft[field] = undefined;
            if (!v)
                return 'required';
            if ((0,_packages_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .findControlCharacter */ .Am)(v))
                return 'one line of plain text, please (no control characters)';
            draft[field] = v;
            return undefined;
        };
        if (draft.name === undefined)
            await question('Agent name (lowercase letters, digits, -)', 'name', (v) => {
                draft.name = undefined;
                if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(v))
                    return 'use lowercase letters, digits and - (at most 63)';
                draft.name = v;
                return undefined;
            });
        if (draft.type === undefined)
            await question('Agent type (e.g. coding-assistant)', 'type', (v) => {
                draft.type = undefined;
                if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v))
                    return 'use letters, digits, _ . and -';
                draft.type = v;
                return undefined;
            });
        if (draft.owner === undefined)
            await question('Owner (team or person accountable)', 'owner', text('owner'));
        if (draft.purpose === undefined)
            await question('Purpose (why it needs credentials)', 'purpose', text('purpose'));
        if (draft.permissions === undefined) {
            await question(`Permissions (resource:access, comma-separated, access one of ${ACCESS_LEVELS.join('/')}; empty for none)`, 'permissions', (v) => {
                draft.permissions = undefined;
                try {
                    draft.permissions = splitList(v).map(parsePermission);
                    return undefined;
                }
                catch (err) {
                    return err.message;
                }
            });
        }
        if (draft.maxTtl === undefined) {
            const cap = policyCap((0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_7__/* .policiesForType */ .Ac)(ctx.policies, draft.type));
            await question('Max credential TTL', 'maxTtl', (v) => {
                draft.maxTtl = v;
                return undefined;
            }, (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(defaultTtlSeconds(cap)));
        }
    }
    finally {
        rl.close();
    }
}
function splitList(v) {
    return v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}


/***/ })

};
;