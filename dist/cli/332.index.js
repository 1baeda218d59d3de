export const id = 332;
export const ids = [332];
export const modules = {

/***/ 8378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gN: () => (/* binding */ loadAgentPolicies),
  Hw: () => (/* binding */ parseAgentPolicies),
  Ac: () => (/* binding */ policiesForType)
});

// UNUSED EXPORTS: AGENT_POLICY_KIND, RESTRICTIONS, policySchema

;// CONCATENATED MODULE: ./schemas/agent-policy.schema.json
const agent_policy_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/agent-policy.schema.json","title":"AgentPolicy","description":"An organisation\'s rules for every agent of some types (Kubernetes style, camelCase keys).","type":"object","additionalProperties":false,"required":["kind","metadata","spec"],"properties":{"apiVersion":{"description":"optional API version, e.g. astl.dev/v1","type":"string","examples":["astl.dev/v1"]},"kind":{"description":"always AgentPolicy","const":"AgentPolicy"},"metadata":{"description":"the policy\'s identity","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"unique policy name, shown in refusals and audit records","type":"string","pattern":"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$","examples":["coding-assistant-policy"]},"description":{"description":"free text for humans","type":"string"},"labels":{"description":"free-form string labels","type":"object","additionalProperties":false,"patternProperties":{"^.+$":{"description":"label value","type":"string"}}},"annotations":{"description":"free-form string annotations","type":"object","additionalProperties":false,"patternProperties":{"^.+$":{"description":"annotation value","type":"string"}}}}},"spec":{"description":"what the policy requires of agents of the listed types","type":"object","additionalProperties":false,"required":["agentTypes"],"properties":{"agentTypes":{"description":"agent types (the registry\'s `type`) this policy applies to; \\"*\\" means every type","type":"array","minItems":1,"items":{"description":"an agent type, or \\"*\\"","type":"string","pattern":"^(\\\\*|[A-Za-z0-9][A-Za-z0-9_.-]*)$","examples":["coding-assistant","*"]},"examples":[["coding-assistant"]]},"defaultPermissions":{"description":"the permissions agents of these types normally hold (the scanner compares registry entries against them)","type":"array","items":{"description":"one resource and its access level","type":"object","additionalProperties":false,"required":["resource","access"],"properties":{"resource":{"description":"resource name, as in the registry\'s permissions","type":"string","pattern":"^[A-Za-z0-9*][A-Za-z0-9_.:/*-]*$","examples":["repositories"]},"access":{"description":"access level: read, write, comment, admin, delete, ...","type":"string","pattern":"^[a-z*][a-z0-9_*-]*$","examples":["read"]}}}},"restrictions":{"description":"things agents of these types may never do","type":"array","items":{"description":"one restriction","type":"object","additionalProperties":false,"required":["deny"],"properties":{"deny":{"description":"secrets: no Vault secret reads; production-access: no production environment, role or secret path; write-access: no write/admin/delete permission; long-lived-credentials: no long-lived credential policy","type":"string","enum":["secrets","production-access","write-access","long-lived-credentials"]}}}},"credentialPolicy":{"description":"credential rules for agents of these types","type":"object","additionalProperties":false,"properties":{"type":{"description":"ephemeral or long-lived; this product only mints ephemeral credentials","type":"string","enum":["ephemeral","long-lived"]},"maxTtl":{"description":"cap on the lifetime of any credential: seconds (900), \\"15m\\", \\"8h\\", \\"1h30m\\"","examples":["8h","1h",3600],"if":{"type":"string"},"then":{"type":"string","description":"a duration: seconds (900 or \\"900s\\"), minutes (\\"15m\\"), hours (\\"1h\\"), days (\\"1d\\") or a combination (\\"1h30m\\")","pattern":"^\\\\s*(\\\\d+|(\\\\d+[smhd])+)\\\\s*$","examples":["15m","1h","1h30m","900"]},"else":{"description":"a duration: seconds (900 or \\"900s\\"), minutes (\\"15m\\"), hours (\\"1h\\"), days (\\"1d\\") or a combination (\\"1h30m\\")","type":"integer","minimum":1}}}},"escalation":{"description":"actions that need something more (such as a human approval)","type":"array","items":{"description":"one escalation rule","type":"object","additionalProperties":false,"required":["action","requires"],"properties":{"action":{"description":"the action, e.g. merge or deploy","type":"string","minLength":1,"examples":["merge","deploy"]},"requires":{"description":"what the action requires, e.g. human_approval","type":"string","minLength":1,"examples":["human_approval"]}}}}}}}}');
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
;// CONCATENATED MODULE: ./packages/registry/agent-policy.ts
/**
 * AgentPolicy documents (Kubernetes style, camelCase): an organisation's rules for every agent of
 * some types. They live in the same policy folder as the gate's deploy policies.
 */




const AGENT_POLICY_KIND = 'AgentPolicy';
const RESTRICTIONS = (/* unused pure expression or super */ null && ([
    'secrets',
    'production-access',
    'write-access',
    'long-lived-credentials',
]));
const WHAT = 'AgentPolicy';
const CODE = 'POLICY_INVALID';
/** True when a document declares (or nearly declares) `kind: AgentPolicy`. */
function kindOf(doc) {
    const value = doc.value;
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return 'other';
    const kind = value.kind;
    if (kind === AGENT_POLICY_KIND)
        return 'agent-policy';
    if (typeof kind === 'string' && (0,core/* closest */.kp)(kind, [AGENT_POLICY_KIND]))
        return 'misspelled';
    // No kind at all, but shaped like an AgentPolicy: the user most likely forgot the kind line.
    const spec = value.spec;
    if (kind === undefined && spec && typeof spec === 'object' && 'agentTypes' in spec)
        return 'misspelled';
    return 'other';
}
/**
 * Parses the AgentPolicy documents among `docs` (other documents, such as deploy policies, are
 * ignored). All problems are thrown together as one AstlErrors.
 */
function parseAgentPolicies(docs) {
    const errors = [];
    const policies = [];
    for (const doc of docs) {
        const kind = kindOf(doc);
        if (kind === 'other')
            continue;
        if (kind === 'misspelled') {
            const written = doc.value.kind;
            errors.push(new core/* AstlError */.Ht(written === undefined
                ? 'this document looks like an AgentPolicy but has no `kind:`'
                : `kind '${String(written)}' is not a known kind`, {
                code: CODE,
                location: written === undefined ? doc.locate([]) : doc.locate(['kind']),
                hint: `did you mean 'kind: ${AGENT_POLICY_KIND}'? (kinds are case-sensitive)`,
                fix: `kind: ${AGENT_POLICY_KIND}\n`,
            }));
            continue;
        }
        const problems = (0,core/* validateWithSchema */.CW)(doc, agent_policy_schema_namespaceObject, WHAT, CODE);
        const ttl = doc.value.spec?.credentialPolicy?.maxTtl;
        if (problems.length === 0 && ttl !== undefined) {
            try {
                (0,core/* parseDuration */.E9)(ttl, 'spec.credentialPolicy.maxTtl');
            }
            catch (err) {
                if (!(err instanceof core/* AstlError */.Ht))
                    throw err;
                const location = doc.locate(['spec', 'credentialPolicy', 'maxTtl']);
                problems.push(new core/* AstlError */.Ht(err.message, { code: CODE, location, hint: err.hint }));
            }
        }
        if (problems.length > 0) {
            errors.push(...problems);
            continue;
        }
        policies.push(toPolicy(doc));
    }
    const byName = new Map();
    for (const p of policies) {
        const first = byName.get(p.name);
        if (!first) {
            byName.set(p.name, p);
            continue;
        }
        errors.push(new core/* AstlError */.Ht(`AgentPolicy name '${p.name}' is used twice (also at ${first.file}:${first.keyLocations['metadata.name']?.line ?? '?'})`, {
            code: CODE,
            location: p.keyLocations['metadata.name'] ?? p.location,
            hint: 'give each AgentPolicy a unique metadata.name, so refusals and audit records name one policy',
        }));
    }
    if (errors.length > 0)
        throw new core/* AstlErrors */.ci(errors, CODE);
    return policies;
}
/**
 * Loads every AgentPolicy in a policy file or folder. With `missingOk`, a missing path means
 * "no organisation policy" and yields [].
 */
function loadAgentPolicies(pathOrDir, options = {}) {
    return parseAgentPolicies((0,policy_files/* readPolicyDocuments */.v6)(pathOrDir, options));
}
/** The policies that apply to agents of `type` (listed in agentTypes, or "*"). */
function policiesForType(policies, type) {
    return policies.filter((p) => p.agentTypes.includes(type) || p.agentTypes.includes('*'));
}
function toPolicy(doc) {
    const raw = doc.value;
    const keyLocations = {};
    const note = (key, path) => {
        keyLocations[key] = doc.locate(path);
    };
    note('metadata.name', ['metadata', 'name']);
    note('spec.agentTypes', ['spec', 'agentTypes']);
    const spec = raw.spec;
    for (let i = 0; i < (spec.restrictions ?? []).length; i++)
        note(`spec.restrictions[${i}]`, ['spec', 'restrictions', i, 'deny']);
    for (let i = 0; i < (spec.defaultPermissions ?? []).length; i++)
        note(`spec.defaultPermissions[${i}]`, ['spec', 'defaultPermissions', i]);
    for (let i = 0; i < (spec.escalation ?? []).length; i++)
        note(`spec.escalation[${i}]`, ['spec', 'escalation', i]);
    const policy = {
        file: doc.file,
        name: raw.metadata.name,
        agentTypes: [...spec.agentTypes],
        defaultPermissions: (spec.defaultPermissions ?? []).map((p) => ({
            resource: p.resource,
            access: p.access,
        })),
        restrictions: (spec.restrictions ?? []).map((r) => r.deny),
        escalation: (spec.escalation ?? []).map((e) => ({ action: e.action, requires: e.requires })),
        location: doc.locate([]),
        keyLocations,
    };
    const cp = spec.credentialPolicy;
    if (cp) {
        note('spec.credentialPolicy', ['spec', 'credentialPolicy']);
        policy.credentialPolicy = { type: cp.type ?? 'ephemeral' };
        if (cp.type !== undefined) {
            note('spec.credentialPolicy.type', ['spec', 'credentialPolicy', 'type']);
        }
        if (cp.maxTtl !== undefined) {
            policy.credentialPolicy.maxTtlSeconds = (0,core/* parseDuration */.E9)(cp.maxTtl, 'maxTtl');
            note('spec.credentialPolicy.maxTtl', ['spec', 'credentialPolicy', 'maxTtl']);
        }
    }
    return policy;
}


/***/ }),

/***/ 8332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ isProductionEnvironment),
/* harmony export */   Hm: () => (/* binding */ checkCredentialRequest)
/* harmony export */ });
/* unused harmony exports namesProduction, durationCapsFor */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5724);
/* harmony import */ var _agent_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8378);
/**
 * The credentials pre-check: everything that must hold before any token is requested (owner,
 * purpose, ephemeral only, duration caps, AgentPolicy restrictions). Each refusal names the
 * registry or policy line responsible and carries the YAML that would fix it.
 */


/** Production-tier environment names: production, prod, prd, prod-*, production-* (any case). */
function isProductionEnvironment(name) {
    if (!name)
        return false;
    const n = name.trim().toLowerCase();
    return (n === 'production' || n === 'prod' || n === 'prd' || n.startsWith('prod-') || n.startsWith('production-'));
}
/**
 * True when an identifier (an IAM role ARN, a Vault role, a secret path) has a production path
 * segment: a `/`-separated segment that is, or has a `-`/`_`/`.` separated word that is, prod,
 * production or prd, unless the word before it is non/pre/not (`non-prod`, `pre-prod`).
 */
function namesProduction(identifier) {
    if (!identifier)
        return false;
    const resource = identifier.startsWith('arn:') ? identifier.split(':').slice(5).join(':') : identifier;
    for (const segment of resource.toLowerCase().split(/[/:]/)) {
        const words = segment.split(/[-_.]/);
        for (let i = 0; i < words.length; i++) {
            if (!['prod', 'production', 'prd'].includes(words[i]))
                continue;
            if (i > 0 && ['non', 'pre', 'not'].includes(words[i - 1]))
                continue;
            return true;
        }
    }
    return false;
}
const WRITE_LEVELS = new Set(['write', 'admin', 'delete', '*']);
/** The caps on a credential's lifetime: the agent's max-ttl and each applicable policy's maxTtl. */
function durationCapsFor(agent, policies) {
    const caps = [];
    if (agent.maxTtlSeconds !== undefined) {
        caps.push({
            seconds: agent.maxTtlSeconds,
            source: 'agent',
            name: agent.name,
            description: `max-ttl of agent ${agent.name}`,
            location: agent.keyLocations['max-ttl'] ?? agent.location,
        });
    }
    for (const p of (0,_agent_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .policiesForType */ .Ac)(policies, agent.type)) {
        const seconds = p.credentialPolicy?.maxTtlSeconds;
        if (seconds === undefined)
            continue;
        caps.push({
            seconds,
            source: 'policy',
            name: p.name,
            description: `maxTtl of AgentPolicy ${p.name}`,
            location: p.keyLocations['spec.credentialPolicy.maxTtl'] ?? p.location,
        });
    }
    return caps;
}
const where = (loc) => (0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)({ file: loc.file, line: loc.line });
/**
 * Checks a credential request against the registry entry and the AgentPolicies. Returns the
 * effective purpose and caps, or throws: one AstlError for one refusal, an AstlErrors when
 * several rules refuse (its code is the first one's).
 */
function checkCredentialRequest(request, policies) {
    const { agent } = request;
    const refusals = [];
    const applied = (0,_agent_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .policiesForType */ .Ac)(policies, agent.type);
    const entryHead = `agents:\n  - name: ${agent.name}\n`;
    if (!Number.isInteger(request.durationSeconds) || request.durationSeconds <= 0) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`duration must be a positive number of seconds, got ${request.durationSeconds}`, {
            code: 'DURATION_INVALID',
            hint: 'use seconds (900 or 900s), minutes (15m) or hours (1h)',
        });
    }
    if (!agent.owner) {
        refusals.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`agent '${agent.name}' has no owner; every agent needs a human or team accountable for it`, {
            code: 'AGENT_NO_OWNER',
            location: agent.keyLocations['owner'] ?? agent.location,
            hint: `add an owner to the agent's entry in ${agent.location.file}`,
            fix: `${entryHead}    owner: <team-or-person>          # who is accountable for this agent\n`,
        }));
    }
    const purpose = request.purpose?.trim() || agent.purpose;
    if (!purpose) {
        refusals.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`no purpose given for agent '${agent.name}': the request and the registry both lack one`, {
            code: 'PURPOSE_REQUIRED',
            location: agent.keyLocations['purpose'] ?? agent.location,
            hint: `set the purpose input (why this job needs credentials), or give the agent a purpose in ${agent.location.file}`,
            fix: `with:\n  agent: ${agent.name}\n  purpose: "<why this job needs credentials>"\n`,
        }));
    }
    if (agent.credentialPolicy === 'long-lived') {
        refusals.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`agent '${agent.name}' has credential-policy long-lived; this product only mints ephemeral credentials`, {
            code: 'LONG_LIVED_FORBIDDEN',
            location: agent.keyLocations['credential-policy'] ?? agent.location,
            hint: 'switch the agent to ephemeral credentials (minted per job, revoked after it)',
            fix: `${entryHead}    credential-policy: ephemeral\n`,
        }));
    }
    for (const p of applied) {
        if (p.credentialPolicy?.type !== 'long-lived')
            continue;
        refusals.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`AgentPolicy '${p.name}' sets credentialPolicy.type long-lived for agents of type '${agent.type}'; this product only mints ephemeral credentials`, {
            code: 'LONG_LIVED_FORBIDDEN',
            location: p.keyLocations['spec.credentialPolicy.type'] ?? p.location,
            hint: `change the policy in ${p.file} to ephemeral credentials`,
            fix: 'spec:\n  credentialPolicy:\n    type: ephemeral\n',
        }));
    }
    const caps = durationCapsFor(agent, applied);
    const tightest = caps.reduce((min, c) => (!min || c.seconds < min.seconds ? c : min), undefined);
    const exceeded = caps
        .filter((c) => request.durationSeconds > c.seconds)
        .sort((a, b) => a.seconds - b.seconds);
    if (exceeded.length > 0 && tightest) {
        const list = exceeded
            .map((c) => `${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(c.seconds)} (${c.description}, ${where(c.location)})`)
            .join(', ');
        refusals.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`requested duration ${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(request.durationSeconds)} is over the cap${exceeded.length > 1 ? 's' : ''}: ${list}`, {
            code: 'DURATION_OVER_CAP',
            location: exceeded[0].location,
            hint: `ask for at most ${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(tightest.seconds)} (${tightest.seconds}s)`,
            fix: `with:\n  duration: ${(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(tightest.seconds)}\n`,
        }));
    }
    refusals.push(...restrictionRefusals(request, applied));
    if (refusals.length === 1)
        throw refusals[0];
    if (refusals.length > 1)
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlErrors */ .ci(refusals);
    const warnings = [];
    if (agent.auditLevel !== 'full') {
        const loc = agent.keyLocations['audit-level'] ?? agent.location;
        warnings.push(`agent '${agent.name}' has audit-level ${agent.auditLevel} (${where(loc)}); audit-level full is recommended and the scanner reports anything less`);
    }
    const decision = {
        purpose: purpose,
        durationSeconds: request.durationSeconds,
        appliedPolicies: applied.map((p) => p.name),
        warnings,
    };
    if (tightest)
        decision.maxTtlSeconds = tightest.seconds;
    return decision;
}
function restrictionRefusals(request, applied) {
    const { agent } = request;
    const refusals = [];
    const aws = request.providers.includes('aws');
    const vault = request.providers.includes('vault');
    const roleArn = request.awsRoleArn ?? agent.credentials.aws?.roleArn;
    const vaultRole = request.vaultRole ?? agent.credentials.vault?.role;
    const secretPaths = request.secretPaths ?? agent.credentials.vault?.secrets.map((s) => s.path) ?? [];
    for (const p of applied) {
        p.restrictions.forEach((word, i) => {
            const at = p.keyLocations[`spec.restrictions[${i}]`] ?? p.location;
            const refuse = (why, hint, fix) => refusals.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`AgentPolicy '${p.name}' (${where(at)}) denies ${word}: ${why}`, {
                code: 'RESTRICTION_VIOLATED',
                location: at,
                hint,
                fix,
            }));
            switch (word) {
                case 'secrets':
                    if (request.readsSecrets) {
                        refuse(`agent '${agent.name}' (type ${agent.type}) asks to read Vault secrets`, "remove the secret reads (the registry's credentials.vault.secrets and the vault-secrets input), or have the policy owner allow them", `${`agents:\n  - name: ${agent.name}\n`}    credentials:\n      vault:\n        secrets: []   # ${p.name} denies secret reads\n`);
                    }
                    break;
                case 'production-access': {
                    const reasons = [];
                    if (isProductionEnvironment(request.environment))
                        reasons.push(`environment '${request.environment}' is production-tier`);
                    if (aws && namesProduction(roleArn))
                        reasons.push(`AWS role ${roleArn} is a production role`);
                    if (vault && namesProduction(vaultRole))
                        reasons.push(`Vault role '${vaultRole}' is a production role`);
                    if (vault && request.readsSecrets) {
                        for (const path of secretPaths.filter((s) => namesProduction(s)))
                            reasons.push(`secret path ${path} is a production path`);
                    }
                    if (reasons.length > 0) {
                        refuse(reasons.join('; '), 'run this agent against a non-production environment and roles; production needs an agent type that the organisation allows there', `jobs:\n  <job>:\n    environment: staging   # ${p.name} denies production access to ${agent.type} agents\n`);
                    }
                    break;
                }
                case 'write-access': {
                    const wide = agent.permissions.filter((perm) => WRITE_LEVELS.has(perm.access));
                    if (wide.length > 0) {
                        const first = agent.keyLocations[`permissions[${agent.permissions.indexOf(wide[0])}]`];
                        refuse(`agent '${agent.name}' declares ${wide.map((w) => `${w.resource}: ${w.access}`).join(', ')}${first ? ` (${where(first)})` : ''}`, 'declare read (or narrower) access only', `${`agents:\n  - name: ${agent.name}\n`}    permissions:\n${wide.map((w) => `      - ${w.resource}: read   # was ${w.access}`).join('\n')}\n`);
                    }
                    break;
                }
                case 'long-lived-credentials':
                    if (agent.credentialPolicy === 'long-lived') {
                        const loc = agent.keyLocations['credential-policy'] ?? agent.location;
                        refuse(`agent '${agent.name}' has credential-policy long-lived (${where(loc)})`, 'switch the agent to ephemeral credentials', `agents:\n  - name: ${agent.name}\n    credential-policy: ephemeral\n`);
                    }
                    break;
                default:
                    // The schema admits only the four words above; nothing else can reach here.
                    break;
            }
        });
    }
    return refusals;
}


/***/ }),

/***/ 7950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lp: () => (/* binding */ readPolicySet),
/* harmony export */   v6: () => (/* binding */ readPolicyDocuments)
/* harmony export */ });
/* unused harmony exports MAX_POLICY_FILE_BYTES, MAX_POLICY_FILES, listPolicyFiles */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5724);
/**
 * The one loader for policy files and folders: the credentials check picks its `kind: AgentPolicy`
 * documents, the gate picks the documents with `actions:`. Order is deterministic (sorted paths)
 * so that decisions and digests do not depend on the file system's listing order.
 */




/** Policy files larger than this are refused: policies are small, and the gate reads them all. */
const MAX_POLICY_FILE_BYTES = 1024 * 1024;
/** More files than this means the input points at the wrong folder (a whole repository, say). */
const MAX_POLICY_FILES = 5000;
const isYamlName = (name) => /\.ya?ml$/i.test(name);
/**
 * Every *.yaml / *.yml file of a file or folder (recursive, sorted by path relative to the
 * folder). Hidden folders (`.git`, ...) and `node_modules` are not entered; symlinks that lead
 * outside the folder are skipped with a warning. A single file path is returned as given, whatever
 * its extension.
 */
function listPolicyFiles(pathOrDir, options = {}) {
    // Loaders read paths as given (relative to the process's directory); the scope only checks them.
    if (options.workspace)
        (0,_core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveWorkspacePath */ .XI)(pathOrDir, { root: options.workspace.root, base: process.cwd() }, options.use ?? { what: 'policies' });
    let stat;
    try {
        stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(pathOrDir);
    }
    catch (err) {
        const code = err.code;
        if ((code === 'ENOENT' || code === 'ENOTDIR') && options.missingOk)
            return [];
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`policy path ${pathOrDir} not found`, {
            code: 'POLICY_NOT_FOUND',
            location: { file: pathOrDir },
            hint: 'point the policy input at a policy file or a folder of *.yaml policies',
            cause: err,
        });
    }
    if (!stat.isDirectory())
        return [pathOrDir];
    const rootReal = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(pathOrDir);
    const inside = (real) => real === rootReal || real.startsWith(rootReal + node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
    // Every route to a file, with its real path; one route per real file is kept below.
    const found = [];
    const walk = (dir, ancestors, viaLink) => {
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const entry of entries) {
            const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name);
            let isDir = entry.isDirectory();
            let isFile = entry.isFile();
            let real;
            try {
                real = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(full);
            }
            catch {
                options.onWarning?.(`skipped ${full}: broken symbolic link`);
                continue;
            }
            const link = entry.isSymbolicLink();
            if (link) {
                if (!inside(real)) {
                    options.onWarning?.(`skipped ${full}: symbolic link leads outside ${pathOrDir}`);
                    continue;
                }
                const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(real);
                isDir = target.isDirectory();
                isFile = target.isFile();
            }
            if (isDir) {
                if (entry.name.startsWith('.') || entry.name === 'node_modules')
                    continue;
                if (ancestors.has(real))
                    continue; // a link back up the tree
                if (found.length > MAX_POLICY_FILES)
                    break;
                walk(full, new Set([...ancestors, real]), viaLink || link);
            }
            else if (isFile && isYamlName(entry.name)) {
                found.push({ path: full, real, viaLink: viaLink || link });
            }
        }
    };
    walk(pathOrDir, new Set([rootReal]), false);
    if (found.length > MAX_POLICY_FILES) {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`policy folder ${pathOrDir} holds more than ${MAX_POLICY_FILES} YAML files`, {
            code: 'POLICY_INVALID',
            location: { file: pathOrDir },
            hint: 'point the policy input at the folder that holds only policies',
        });
    }
    const key = (f) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(pathOrDir, f).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/');
    const byKey = (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    // A file reached by several routes is read once: by its own path rather than through a
    // link, else by the first path in sorted order.
    const chosen = new Map();
    for (const f of found) {
        const prev = chosen.get(f.real);
        if (!prev ||
            (prev.viaLink && !f.viaLink) ||
            (prev.viaLink === f.viaLink && byKey(f.path, prev.path) < 0)) {
            chosen.set(f.real, f);
        }
    }
    return [...chosen.values()].map((c) => c.path).sort(byKey);
}
/**
 * Every policy file under `pathOrDir` and every YAML document in them, read once, so that a
 * digest of `files` covers exactly the bytes behind `docs`. Problems in any file (syntax errors,
 * files over 1 MiB) are collected and thrown together as one AstlErrors after all files were read,
 * so a user sees every broken file at once.
 */
function readPolicySet(pathOrDir, options = {}) {
    const files = [];
    const docs = [];
    const errors = [];
    for (const path of listPolicyFiles(pathOrDir, options)) {
        try {
            const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).size;
            if (size > MAX_POLICY_FILE_BYTES) {
                errors.push(tooLarge(path, size));
                continue;
            }
            const bytes = options.workspace
                ? (0,_core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readWorkspaceFile */ .sL)(path, { root: options.workspace.root, base: process.cwd() }, {
                    what: `policy file ${path}`,
                    code: 'POLICY_INVALID',
                })
                : (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path);
            // The size may have changed between stat and read; the cap holds on what was read.
            if (bytes.length > MAX_POLICY_FILE_BYTES) {
                errors.push(tooLarge(path, bytes.length));
                continue;
            }
            files.push({ path, bytes, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') });
            docs.push(...(0,_core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYaml */ .hN)(bytes.toString('utf8'), path));
        }
        catch (err) {
            if (err instanceof _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlErrors */ .ci)
                errors.push(...err.errors);
            else if (err instanceof _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht)
                errors.push(err);
            else
                errors.push(new _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`cannot read policy file ${path}: ${err.message}`, {
                    code: 'POLICY_INVALID',
                    location: { file: path },
                }));
        }
    }
    if (errors.length > 0)
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlErrors */ .ci(errors, 'POLICY_INVALID');
    return { files, docs };
}
/**
 * Every YAML document of every policy file under `pathOrDir` (see readPolicySet): the one
 * folder loader shared by the credentials check (`kind: AgentPolicy`) and the gate (`actions:`).
 */
function readPolicyDocuments(pathOrDir, options = {}) {
    return readPolicySet(pathOrDir, options).docs;
}
function tooLarge(file, size) {
    return new _core_index_js__WEBPACK_IMPORTED_MODULE_3__/* .AstlError */ .Ht(`policy file ${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; the limit is 1 MiB`, {
        code: 'POLICY_INVALID',
        location: { file },
        hint: 'split it into smaller files, or move what is not a policy out of the policy folder',
    });
}


/***/ })

};
