export const id = 821;
export const ids = [821];
export const modules = {

/***/ 3591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports secretForms, isNonSecretLine */
/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 *
 * A multi-line value (a PEM key, a JSON credential file) is also masked line by line, because
 * the runner masks each log line on its own and a multi-line mask never matches: every line,
 * however short (a PEM's last body line `q5Zw7==`), except lines that carry no secret material
 * (`isNonSecretLine`). Encoded forms shorter than 4 characters are dropped: they would mask
 * common text and hide nothing a reader could use.
 */
function secretForms(value) {
    if (value.length === 0)
        return [];
    const forms = new Set();
    const b64 = Buffer.from(value, 'utf8').toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(Buffer.from(value, 'utf8').toString('base64url'));
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    const out = [value, ...[...forms].filter((f) => f.length >= 4 && f !== value)];
    const lines = value.split(/\r?\n|\r/);
    if (lines.length > 1) {
        for (const line of lines) {
            const t = line.trim();
            if (!isNonSecretLine(t) && !out.includes(t))
                out.push(t);
        }
    }
    return out;
}
/** PEM armour (RFC 7468): `-----BEGIN <label>-----` / `-----END <label>-----`. */
const PEM_ARMOUR = /^-----(BEGIN|END) [\x21-\x2c\x2e-\x7e]+(?: [\x21-\x2c\x2e-\x7e]+)*-----$/;
/**
 * A line of a multi-line secret that carries no secret material and so stays visible: blank,
 * PEM armour, or only the structural punctuation of JSON/YAML/INI (`{ } [ ] ( ) , ; : " '`).
 * Masking `}` would blank every brace in the log and protect nothing. Characters that encode data
 * (letters, digits, and the base64 symbols `+ / =`) always make a line secret.
 */
function isNonSecretLine(line) {
    const t = line.trim();
    return t === '' || PEM_ARMOUR.test(t) || /^[{}[\](),;:"'\s]+$/.test(t);
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

/***/ 3821:
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
/* harmony import */ var _packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(425);
/* harmony import */ var _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3591);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7632);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1604);
/**
 * `astl revoke`: the after_script half of `astl credentials`. Revokes the Vault token (child
 * tokens and leases go with it) and the GitHub installation token (`DELETE
 * /installation/token`), says when the AWS session expires (STS sessions cannot be revoked one by
 * one), then deletes the env and state files. A revocation problem is a warning:
 * it never fails the job, since after_script runs when the job's outcome is already decided.
 */







const spec = {
    name: 'revoke',
    summary: 'revoke what `astl credentials` minted and delete its files',
    usage: 'astl revoke --state FILE [--audit FILE]',
    flags: {
        state: { type: 'string', value: 'FILE', description: 'state file written by astl credentials' },
        audit: {
            type: 'string',
            value: 'FILE',
            description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
        },
    },
    examples: [
        'astl revoke --state .astl/state.json   # in after_script, which runs even when the script fails',
    ],
    notes: ['Exit code 0 unless the command line is wrong (3): a failed revocation is a warning.'],
};
async function run(args, io) {
    // Relative to the working directory: GitLab runs every script in the project directory.
    const base = io.cwd;
    const inBase = (p) => ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, p));
    const stateFile = inBase((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .required */ .mw)(args, spec, 'state'));
    const auditFile = inBase((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'audit') || '.astl/audit.jsonl');
    const redactor = new _packages_core_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .Redactor */ .pO();
    const say = (text) => io.err(redactor.redact(text));
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(stateFile)) {
        io.out(`nothing to revoke: ${(0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'state')} does not exist (no credentials were issued)`);
        return _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
    }
    const { applyAuditLevel, defaultProviders, parseRevocationState, revokeCredentials, stateSecrets, toJsonLines, } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(5), __webpack_require__.e(332), __webpack_require__.e(989), __webpack_require__.e(348), __webpack_require__.e(166)]).then(__webpack_require__.bind(__webpack_require__, 6348));
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(stateFile, 'utf8');
    const state = parseRevocationState(text);
    const envFile = (() => {
        try {
            const f = JSON.parse(text).cli?.envFile;
            return typeof f === 'string' ? f : undefined;
        }
        catch {
            return undefined;
        }
    })();
    for (const secret of state ? stateSecrets(state) : [])
        redactor.add(secret);
    try {
        if (!state) {
            say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: ${(0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(args, 'state')} is not an astl state file; nothing revoked`);
            return _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
        }
        const result = await revokeCredentials(state, {
            registerSecret: (v) => redactor.add(v),
            logger: {
                info: (m) => say(m),
                warning: (m) => say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: ${m}`),
                debug: (m) => {
                    if (io.env.ASTL_DEBUG)
                        say(`debug: ${m}`);
                },
            },
        }, defaultProviders());
        for (const w of result.warnings)
            say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: ${w}`);
        const events = applyAuditLevel(result.audit, state.auditLevel);
        if (events.length > 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(auditFile), { recursive: true, mode: 0o700 });
        if (events.length > 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(auditFile, redactor.redact(toJsonLines(events)), { mode: 0o600 });
        const lines = [`revocation for agent ${result.agent} (correlation id ${result.correlationId})`];
        for (const e of result.entries)
            lines.push(`  ${e.provider.padEnd(6)} ${e.outcome}: ${e.message}`);
        io.out(redactor.redact(lines.join('\n')));
    }
    catch (err) {
        say(`${(0,_io_js__WEBPACK_IMPORTED_MODULE_5__/* .paint */ .n)(io, 'yellow', 'warning')}: revocation failed: ${(0,_packages_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
    }
    finally {
        // The files hold the secrets; they go whatever happened above.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(stateFile, { force: true });
        if (envFile)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(envFile, { force: true });
    }
    return _exit_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
}


/***/ })

};
