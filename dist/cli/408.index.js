export const id = 408;
export const ids = [408];
export const modules = {

/***/ 8408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/* harmony import */ var _packages_registry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(715);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6890);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);
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
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .choice */ .Yq)(args, 'format', ['text', 'json'], 'text');
    const registry = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadRegistry */ .Ag)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'config') || 'agent-config.yaml');
    const policies = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadAgentPolicies */ .gN)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'policies') || 'policies', {
        missingOk: true,
        onWarning: (m) => io.err(`warning: ${m}`),
    });
    const results = registry.agents.map((agent) => {
        const providers = [
            ...(agent.credentials.aws ? ['aws'] : []),
            ...(agent.credentials.vault ? ['vault'] : []),
        ];
        try {
            const decision = (0,_packages_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCredentialRequest */ .Hm)({
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
                    formatted: e.format(),
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
                io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'green', 'ok')}    ${r.agent}`);
            else
                io.out(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'red', 'FAIL')}  ${r.agent}`);
            for (const p of r.problems) {
                io.out(indent(p.formatted));
            }
            for (const w of r.warnings)
                io.out(indent(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'yellow', 'warning')}: ${w}`));
        }
        io.out(`${registry.agents.length} agent${registry.agents.length === 1 ? '' : 's'} checked against ${policies.length} AgentPolic${policies.length === 1 ? 'y' : 'ies'}: ${failed} refused`);
    }
    return failed > 0 ? _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.findings : _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
}
function indent(text) {
    return text
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n');
}


/***/ })

};
