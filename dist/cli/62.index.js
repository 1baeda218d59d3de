export const id = 62;
export const ids = [62];
export const modules = {

/***/ 4062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var _packages_core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5166);
/* harmony import */ var _packages_registry_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1359);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6890);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1604);
/** `astl agents list`: the registered agents, one a line (or JSON). */





const spec = {
    name: 'agents list',
    summary: 'list the registered agents',
    usage: 'astl agents list [--config F] [--format text|json]',
    flags: {
        config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
        format: { type: 'string', value: 'FORMAT', description: 'text (default) or json' },
    },
    examples: ['astl agents list', 'astl agents list --config ci/agent-config.yaml --format json'],
};
async function run(args, io) {
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .choice */ .Yq)(args, 'format', ['text', 'json'], 'text');
    const registry = (0,_packages_registry_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .loadRegistry */ .Ag)((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(args, 'config') || 'agent-config.yaml');
    const rows = registry.agents.map((a) => ({
        name: a.name,
        type: a.type,
        owner: a.owner ?? null,
        purpose: a.purpose ?? null,
        permissions: a.permissions.map((p) => `${p.resource}:${p.access}`),
        credentialPolicy: a.credentialPolicy,
        maxTtl: a.maxTtlSeconds === undefined ? null : (0,_packages_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(a.maxTtlSeconds),
        auditLevel: a.auditLevel,
        providers: [a.credentials.aws ? 'aws' : '', a.credentials.vault ? 'vault' : ''].filter(Boolean),
    }));
    if (format === 'json') {
        io.out(JSON.stringify(rows, null, 2));
        return _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
    }
    if (rows.length === 0) {
        io.out('no agents registered');
        return _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
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
        io.out(n === 0 ? (0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .n)(io, 'bold', line) : line);
    });
    return _exit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok;
}


/***/ })

};
