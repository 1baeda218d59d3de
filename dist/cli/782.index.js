"use strict";
exports.id = 782;
exports.ids = [782];
exports.modules = {

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


/***/ })

};
;