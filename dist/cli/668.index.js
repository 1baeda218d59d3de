"use strict";
exports.id = 668;
exports.ids = [668];
exports.modules = {

/***/ 6668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AUDIT_FILE_NAME: () => (/* binding */ AUDIT_FILE_NAME),
/* harmony export */   applyAuditLevel: () => (/* binding */ applyAuditLevel),
/* harmony export */   auditEvent: () => (/* binding */ auditEvent),
/* harmony export */   toJsonLines: () => (/* binding */ toJsonLines)
/* harmony export */ });
const AUDIT_FILE_NAME = 'astl-audit.jsonl';
function auditEvent(i) {
    const event = {
        timestamp: i.now.toISOString(),
        agent: i.agent,
        action: i.action,
        target: i.target,
        intent: i.intent,
        policy: i.policy,
        correlation_id: i.correlationId,
    };
    if (i.detail && Object.keys(i.detail).length > 0)
        event.detail = i.detail;
    return event;
}
/** The events the agent's audit level keeps. */
function applyAuditLevel(events, level) {
    return events.flatMap((e) => {
        if (e.action === 'credentials.refused')
            return [e];
        if (level === 'none')
            return [];
        if (level === 'minimal') {
            const { detail: _dropped, ...rest } = e;
            return [rest];
        }
        return [e];
    });
}
/** One JSON object a line, newline-terminated (JSON Lines). */
function toJsonLines(events) {
    return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}


/***/ })

};
;