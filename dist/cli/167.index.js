"use strict";
exports.id = 167;
exports.ids = [167];
exports.modules = {

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ validateWithSchema),
/* harmony export */   jt: () => (/* binding */ firstDuplicateKey),
/* harmony export */   parseYaml: () => (/* binding */ parseYaml)
/* harmony export */ });
/* unused harmony exports YAML_LIMITS, YamlDoc, typeName */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(425);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3142);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1372);




/** Hard caps so a hostile file cannot exhaust memory through aliases or sheer size. */
const YAML_LIMITS = { maxBytes: 5 * 1024 * 1024, maxAliasCount: 100, maxDocuments: 1000 };
class YamlDoc {
    file;
    doc;
    lines;
    value;
    constructor(file, doc, lines, value) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
        this.value = value;
    }
    /** Where the value at `path` starts; falls back to the nearest ancestor that exists. */
    locate(path) {
        const node = this.nodeAt(path, false);
        return this.at(node?.range?.[0]);
    }
    /** Where the key of the entry at `path` is written (for "unknown key" errors). */
    locateKey(path) {
        const node = this.nodeAt(path, true);
        return this.at(node?.range?.[0]);
    }
    at(offset) {
        if (offset === undefined)
            return { file: this.file };
        const { line, col } = this.lines.linePos(offset);
        return { file: this.file, line, column: col };
    }
    nodeAt(path, wantKey) {
        let node = this.doc.contents;
        let found = node;
        for (let i = 0; i < path.length; i++) {
            const seg = path[i];
            const last = i === path.length - 1;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(p) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(seg));
                if (!pair)
                    return found;
                node = last && wantKey ? pair.key : pair.value;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof seg === 'number') {
                node = node.items[seg];
            }
            else {
                return found;
            }
            if (node && typeof node === 'object' && 'range' in node)
                found = node;
            else
                return found;
        }
        return found;
    }
}
/**
 * The first mapping key written twice in a document (YAML 1.2 requires unique keys), as the
 * library reports it with `uniqueKeys: true` ("Map keys must be unique" at the second key), in
 * linear time: one set of scalar keys per mapping. Keys that are collections are not compared.
 */
function firstDuplicateKey(doc) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_key, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const key = pair.key;
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key))
                    continue;
                const id = `${typeof key.value}:${String(key.value)}`;
                if (seen.has(id)) {
                    const at = key.range?.[0] ?? 0;
                    found = {
                        message: `Map keys must be unique; "${String(key.value).slice(0, 80)}" is repeated`,
                        pos: [at, at + 1],
                    };
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                seen.add(id);
            }
            return undefined;
        },
    });
    return found;
}
/** Parses every document of a YAML file; syntax errors become AstlErrors with file:line. */
function parseYaml(text, file) {
    if (Buffer.byteLength(text) > YAML_LIMITS.maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${file} is larger than ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB`, {
            code: 'CONFIG_INVALID',
            location: { file },
            hint: 'split it into smaller files',
        });
    }
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // logLevel 'error': the library must not print warnings itself. Its one warning (a collection
    // used as a map key) quotes the key, and Node prints it to stderr unescaped, where the runner
    // reads `##[stop-commands]` in a registry or policy as a command.
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, {
        lineCounter: lines,
        prettyErrors: false,
        // The library's own check compares every key with every other one: a 1 MiB mapping of 80,000
        // keys takes a minute. firstDuplicateKey does the same job in linear time.
        uniqueKeys: false,
        logLevel: 'error',
    });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.length > YAML_LIMITS.maxDocuments) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${file} holds more than ${YAML_LIMITS.maxDocuments} YAML documents`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const out = [];
    for (const doc of list) {
        const problem = doc.errors[0] ?? firstDuplicateKey(doc);
        if (problem) {
            const pos = lines.linePos(problem.pos[0]);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`invalid YAML: ${problem.message.split('\n')[0]}`, {
                code: 'YAML_SYNTAX',
                location: { file, line: pos.line, column: pos.col },
                hint: 'fix the YAML syntax (indentation, quotes, a ":" after each key)',
            });
        }
        let value;
        try {
            value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`invalid YAML: ${err.message}`, {
                code: 'YAML_SYNTAX',
                location: { file },
            });
        }
        if (doc.contents === null && value == null)
            continue; // empty document between `---`
        out.push(new YamlDoc(file, doc, lines, value));
    }
    return out;
}
/**
 * Validates a document with a schema's compiled validator and turns its errors into located,
 * actionable ones. `what` names the file kind for messages ("agent registry", "AgentPolicy").
 */
function validateWithSchema(doc, validate, what, code = 'CONFIG_INVALID') {
    if (validate(doc.value))
        return [];
    const errors = [];
    const seen = new Set();
    for (const e of pruneErrors(validate.errors ?? [])) {
        const err = toAstlError(doc, e, what, code);
        const key = `${err.location?.line}:${err.message}`;
        if (!seen.has(key)) {
            seen.add(key);
            errors.push(err);
        }
    }
    return errors.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
}
/** Drops the umbrella errors of anyOf/oneOf/if when a more specific error explains them. */
function pruneErrors(errors) {
    const umbrella = new Set(['anyOf', 'oneOf', 'if', 'not', 'propertyNames']);
    const specific = errors.filter((e) => !umbrella.has(e.keyword));
    return specific.length > 0 ? specific : errors;
}
function pathOf(instancePath) {
    if (!instancePath)
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
function describePath(path) {
    if (path.length === 0)
        return 'the document';
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
function toAstlError(doc, e, what, code) {
    const path = pathOf(e.instancePath);
    const here = describePath(path);
    const parent = e.parentSchema;
    const expected = parent?.description ? ` (${parent.description})` : '';
    // A key refused by `propertyNames: {enum}`: Ajv reports the enum error with the key's name.
    const propertyName = e.propertyName;
    if (typeof propertyName === 'string' && e.keyword === 'enum') {
        const known = e.params.allowedValues.map(String);
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(propertyName, known);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`unknown key '${propertyName}' in ${what} at ${here}${expected}`, {
            code,
            location: doc.locateKey([...path, propertyName]),
            hint: guess
                ? `did you mean '${guess}'? (keys are case-sensitive)`
                : `known keys here: ${known.join(', ')}`,
        });
    }
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const known = Object.keys(parent?.properties ?? {});
            const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(key, known);
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`unknown key '${key}' in ${what}${path.length ? ` at ${here}` : ''}`, {
                code,
                location: doc.locateKey([...path, key]),
                hint: guess
                    ? `did you mean '${guess}'? (keys are case-sensitive)`
                    : `known keys here: ${known.join(', ') || '(none)'}`,
            });
        }
        case 'required': {
            const key = String(e.params.missingProperty);
            const sub = parent?.properties?.[key];
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is missing required key '${key}'${sub?.description ? ` (${sub.description})` : ''}`, {
                code,
                location: doc.locate(path),
                hint: `add '${key}:' to ${here}`,
            });
        }
        case 'type':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} must be ${article(e.params.type)}, got ${path.length === 0 ? typeName(e.data, false) : typeName(e.data)}${expected}`, {
                code,
                location: doc.locate(path),
            });
        case 'enum': {
            const allowed = e.params.allowedValues;
            const guess = typeof e.data === 'string' ? (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(e.data, allowed.map(String)) : undefined;
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is ${JSON.stringify(e.data)}; expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, {
                code,
                location: doc.locate(path),
                hint: guess ? `did you mean ${JSON.stringify(guess)}?` : undefined,
            });
        }
        case 'pattern':
        case 'format':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} is ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(JSON.stringify(e.data) ?? String(e.data))}, which is not valid${expected}`, {
                code,
                location: doc.locate(path),
                hint: parent?.examples?.length
                    ? `for example: ${parent.examples.map((x) => JSON.stringify(x)).join(', ')}`
                    : undefined,
            });
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AstlError */ .Ht(`${here} ${e.message ?? 'is invalid'}${expected}`, {
                code,
                location: doc.locate(path),
            });
    }
}
/** Ajv reports a union type as an array (`["string", "integer"]`) or a comma list. */
function article(type) {
    const text = (Array.isArray(type) ? type : type.split(',')).join(' or ');
    return /^[aeiou]/.test(text) ? `an ${text}` : `a ${text}`;
}
/**
 * How an error names a value's type: `a list`, `a mapping`, `string "read"`. With `showValue`
 * false only the type: a whole document that is one scalar is some other file (a `.env`, a
 * token file) named by mistake, and its first characters may be a secret.
 */
function typeName(v, showValue = true) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (!showValue)
        return `a ${typeof v}`;
    return `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}


/***/ })

};
;