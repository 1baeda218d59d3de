export const id = 166;
export const ids = [166,785];
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


/***/ })

};
