export const id = 493;
export const ids = [493,166];
export const modules = {

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

/***/ 3591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export secretForms */
/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 */
function secretForms(value) {
    if (value.length === 0)
        return [];
    const forms = new Set([value]);
    const b64 = Buffer.from(value, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(value, 'utf8').toString('base64url'));
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    // Values with newlines (private keys) are masked line by line, as the runner does.
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 8)
            forms.add(line);
    return [...forms].filter((f) => f.length >= 4);
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

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hm: () => (/* reexport */ check/* checkCredentialRequest */.Hm),
  gN: () => (/* reexport */ agent_policy/* loadAgentPolicies */.gN),
  Ag: () => (/* reexport */ registry_registry/* loadRegistry */.Ag),
  Hw: () => (/* reexport */ agent_policy/* parseAgentPolicies */.Hw),
  l5: () => (/* reexport */ registry_registry/* parseRegistry */.l5),
  Ac: () => (/* reexport */ agent_policy/* policiesForType */.Ac),
  cT: () => (/* reexport */ resolveAgent)
});

// UNUSED EXPORTS: AGENT_POLICY_KIND, MAX_POLICY_FILES, MAX_POLICY_FILE_BYTES, MINIMAL_REGISTRY, REGISTRY_INVALID, RESTRICTIONS, durationCapsFor, isProductionEnvironment, listPolicyFiles, namesProduction, policySchema, readPolicyDocuments, readPolicySet, registryEntrySnippet, registrySchema, sortByLine

// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 1 modules
var agent_policy = __webpack_require__(8378);
// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
// EXTERNAL MODULE: ./packages/registry/registry.ts + 1 modules
var registry_registry = __webpack_require__(1359);
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
                hint: `make the agent-type input match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
                fix: `with:\n  agent: ${name}\n  agent-type: ${entry.type}\n`,
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
            hint: `set the agent input to one of: ${matches.map((m) => m.name).join(', ')}`,
            fix: `with:\n  agent: ${matches[0].name}\n  agent-type: ${type}\n`,
        });
    }
    throw new core/* AstlError */.Ht('no agent named: set the agent input (or agent-type when one agent has that type)', {
        code: 'AGENT_REQUIRED',
        location: agentsAt,
        hint: `name one of the agents registered in ${registry.file}${knownAgents(registry)}`,
        fix: `with:\n  agent: ${registry.agents[0]?.name ?? '<agent-name>'}\n`,
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
/* harmony import */ var _packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3268);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1604);
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
            description: 'cap on any credential, e.g. 1h (default: the policy cap, else 1h)',
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
async function run(args, io) {
    const config = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'config') || 'agent-config.yaml';
    const policiesDir = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'policies') || 'policies';
    const draft = {
        name: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'name')?.trim() || undefined,
        type: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'type')?.trim() || undefined,
        owner: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'owner')?.trim() || undefined,
        purpose: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'purpose')?.trim() || undefined,
        maxTtl: (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'max-ttl')?.trim() || undefined,
    };
    const perms = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .list */ .p_)(args, 'permission');
    if (perms.length > 0)
        draft.permissions = perms.map(parsePermission);
    const existingText = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(config) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(config, 'utf8') : undefined;
    const existing = existingText === undefined ? undefined : (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRegistry */ .l5)(existingText, config);
    const policies = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .loadAgentPolicies */ .gN)(policiesDir, { missingOk: true });
    const missing = REQUIRED.filter((k) => draft[k] === undefined);
    if (missing.length > 0) {
        if (!io.stdinTTY) {
            throw new _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .e(`'astl agent create' needs ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on)`, `pass them as flags, e.g. ${missing.map((m) => `--${m} ${placeholder(m)}`).join(' ')}`);
        }
        await ask(draft, io, (type) => policyCap((0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .policiesForType */ .Ac)(policies, type)));
    }
    const name = draft.name;
    const type = draft.type;
    if (existing?.agents.some((a) => a.name === name)) {
        const taken = existing.agents.find((a) => a.name === name);
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`agent '${name}' is already registered`, {
            code: 'AGENT_EXISTS',
            location: taken.keyLocations['name'] ?? taken.location,
            hint: 'choose another name, or edit the existing entry',
        });
    }
    const applicable = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .policiesForType */ .Ac)(policies, type);
    const cap = policyCap(applicable);
    const maxTtlSeconds = draft.maxTtl !== undefined ? (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(draft.maxTtl, '--max-ttl') : (cap?.seconds ?? 3600);
    if (cap && maxTtlSeconds > cap.seconds) {
        throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`--max-ttl ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(maxTtlSeconds)} is over the ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(cap.seconds)} that AgentPolicy '${cap.policy}' allows agents of type '${type}'`, {
            code: 'POLICY_VIOLATION',
            location: cap.location,
            hint: `use --max-ttl ${(0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(cap.seconds)} or less`,
        });
    }
    for (const policy of applicable) {
        for (const p of draft.permissions ?? []) {
            const index = policy.restrictions.findIndex((r) => namesRestricted(r, p));
            if (index >= 0) {
                throw new _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AstlError */ .Ht(`permission '${p.resource}: ${p.access}' is forbidden for agents of type '${type}' by AgentPolicy '${policy.name}' (deny: ${policy.restrictions[index]})`, {
                    code: 'RESTRICTION_VIOLATED',
                    location: policy.keyLocations[`spec.restrictions[${index}]`] ?? policy.location,
                    hint: 'drop that permission, or ask the policy owners for an exception',
                });
            }
        }
    }
    const entry = {
        name,
        type,
        owner: draft.owner,
        purpose: draft.purpose,
        permissions: (draft.permissions ?? []).map((p) => ({ [p.resource]: p.access })),
        'credential-policy': 'ephemeral',
        'max-ttl': (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(maxTtlSeconds),
        'audit-level': 'full',
    };
    if ((draft.permissions ?? []).length === 0)
        delete entry['permissions'];
    const text = appendEntry(existingText, entry);
    // Validate the whole file as it will be written (schema, duplicates), then the new agent against
    // the AgentPolicies exactly as a credential request for its full max-ttl would be checked.
    const written = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRegistry */ .l5)(text, config);
    const agent = written.agents.find((a) => a.name === name);
    (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_5__/* .checkCredentialRequest */ .Hm)({ agent, durationSeconds: maxTtlSeconds, providers: [], readsSecrets: false }, policies);
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .bool */ .lc)(args, 'dry-run')) {
        io.out(text);
        return _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .d.ok;
    }
    const temp = `${config}.astl-tmp-${process.pid}`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, text);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, config);
    io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_8__/* .paint */ .n)(io, 'green', 'registered')} agent '${name}' (type ${type}, owner ${draft.owner}) in ${(0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .str */ .gx)(args, 'config') || 'agent-config.yaml'}`);
    return _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT */ .d.ok;
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
        throw new _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .e(`--permission '${text}' is not RESOURCE:ACCESS`, 'for example --permission repository:read');
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
/** Asks on the terminal for every field the flags did not give. */
async function ask(draft, io, capFor) {
    const rl = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: process.stdin, output: process.stderr, terminal: true });
    // Lines through the async iterator are buffered, so answers typed (or pasted) ahead of their
    // question are kept rather than dropped as rl.question would.
    const lines = rl[Symbol.asyncIterator]();
    try {
        const question = async (label, check, fallback) => {
            for (;;) {
                rl.setPrompt(`${label}${fallback ? ` [${fallback}]` : ''}: `);
                rl.prompt();
                const next = await lines.next();
                if (next.done)
                    throw new _exit_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .e('agent create cancelled: no answer (end of input)', 'nothing was written');
                const answer = String(next.value).trim() || fallback || '';
                const problem = check(answer);
                if (!problem)
                    return answer;
                io.err(`  ${problem}`);
            }
        };
        const nonEmpty = (v) => (v ? undefined : 'required');
        draft.name ??= await question('Agent name (lowercase letters, digits, -)', (v) => /^[a-z0-9][a-z0-9-]*$/.test(v) ? undefined : 'use lowercase letters, digits and -');
        draft.type ??= await question('Agent type (e.g. coding-assistant)', nonEmpty);
        draft.owner ??= await question('Owner (team or person accountable)', nonEmpty);
        draft.purpose ??= await question('Purpose (why it needs credentials)', nonEmpty);
        if (draft.permissions === undefined) {
            const answer = await question('Permissions (resource:access, comma-separated; empty for none)', (v) => {
                try {
                    splitList(v).map(parsePermission);
                    return undefined;
                }
                catch (err) {
                    return err.message;
                }
            }, undefined);
            draft.permissions = splitList(answer).map(parsePermission);
        }
        if (draft.maxTtl === undefined) {
            const cap = capFor(draft.type);
            draft.maxTtl = await question('Max credential TTL', (v) => {
                try {
                    (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(v, 'max-ttl');
                    return undefined;
                }
                catch (err) {
                    return err.message;
                }
            }, (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(Math.min(cap?.seconds ?? 3600, 3600)));
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
