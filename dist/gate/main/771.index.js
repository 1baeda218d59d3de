"use strict";
exports.id = 771;
exports.ids = [771];
exports.modules = {

/***/ 2771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exportDecisionSpan: () => (/* binding */ exportDecisionSpan)
/* harmony export */ });
/* unused harmony export spanAttributes */
function spanAttributes(record) {
    const attrs = {
        'astl.decision': record.decision,
        'astl.decision_id': record.decision_id,
        'astl.mode': record.mode,
        'astl.agent': record.request.agent,
        'astl.action': record.request.action,
        'astl.environment': record.request.environment,
        'astl.policy.path': record.policy.path,
        'astl.reasons': record.reasons.map((r) => r.code),
        'astl.images': record.images.map((i) => i.pinned ?? i.input),
        'astl.approval.required': record.approval.required,
        'astl.timer_total_ms': record.metrics.timer_total_ms,
    };
    if (record.policy.sha256)
        attrs['astl.policy.sha256'] = record.policy.sha256;
    if (record.request.agent_type)
        attrs['astl.agent_type'] = record.request.agent_type;
    if (record.approval.approved_by)
        attrs['astl.approval.approved_by'] = record.approval.approved_by;
    if (record.budget) {
        attrs['astl.budget.limit'] = record.budget.limit;
        if (record.budget.used !== null)
            attrs['astl.budget.used'] = record.budget.used;
    }
    for (const [k, v] of Object.entries(record.ci))
        if (typeof v === 'string')
            attrs[`cicd.${k}`] = v;
    return attrs;
}
/** Sends one span for the decision; resolves false (never rejects) when the export failed. */
async function exportDecisionSpan(record, options = {}) {
    const [{ BasicTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, api,] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(644)]).then(__webpack_require__.bind(__webpack_require__, 9644)),
        Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647), __webpack_require__.e(4)]).then(__webpack_require__.bind(__webpack_require__, 6004)),
        Promise.all(/* import() */[__webpack_require__.e(914), __webpack_require__.e(647)]).then(__webpack_require__.bind(__webpack_require__, 5647)),
        __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 3914)),
    ]);
    const timeout = options.flushTimeoutMs ?? 3000;
    // The exporter's own deadline (retries included), so no request outlives the flush below.
    const exporter = new OTLPTraceExporter({ timeoutMillis: timeout });
    let exported = true;
    const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({
            'service.name': options.serviceName ?? process.env.OTEL_SERVICE_NAME ?? 'astl-gate',
        }),
        spanProcessors: [
            new BatchSpanProcessor({
                export: (spans, done) => exporter.export(spans, (result) => {
                    if (result.code !== 0)
                        exported = false;
                    done(result);
                }),
                shutdown: () => exporter.shutdown(),
                forceFlush: () => exporter.forceFlush(),
            }),
        ],
    });
    const start = new Date(record.timestamp);
    const span = provider.getTracer('astl-agent-credentials').startSpan(`astl.gate ${record.request.action}`, {
        kind: api.SpanKind.INTERNAL,
        startTime: start,
        attributes: spanAttributes(record),
    });
    if (record.decision === 'deny') {
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: record.reasons.map((r) => r.code).join(', ') });
    }
    span.end(new Date(start.getTime() + record.metrics.timer_total_ms));
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), timeout);
    });
    const flushed = (async () => {
        try {
            await provider.forceFlush();
            await provider.shutdown();
            return exported;
        }
        catch {
            return false;
        }
    })();
    const ok = await Promise.race([flushed, timedOut]);
    clearTimeout(timer);
    return ok;
}


/***/ })

};
;