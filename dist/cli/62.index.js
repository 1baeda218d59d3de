export const id = 62;
export const ids = [62,166];
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

/***/ 4062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   spec: () => (/* binding */ spec)
/* harmony export */ });
/* harmony import */ var _packages_core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5166);
/* harmony import */ var _packages_registry_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1005);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7593);
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
