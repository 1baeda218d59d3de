export const id = 838;
export const ids = [838,170,789];
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

/***/ 3362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $n: () => (/* binding */ checkEnvName),
/* harmony export */   TO: () => (/* binding */ reservedEnvGroup),
/* harmony export */   jg: () => (/* binding */ ENV_NAME_PATTERN)
/* harmony export */ });
/* unused harmony exports RESERVED_ENV_GROUPS, envNameProblem, suggestEnvName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/**
 * The one check for every environment variable name the product exports from text a user
 * controls (registry `secrets[].env`, the `vault-secrets` input, the CLI's env file): the name
 * must be a plain upper-case identifier, and must not be one that changes how later programs in
 * the job run (loaders, interpreters' option and path variables, shells' startup hooks, git's
 * command hooks, TLS trust and proxies, the runner's own variables, and the names this product
 * exports itself). A value is data; a name like LD_PRELOAD or BASH_ENV turns it into code.
 *
 * The list and the reason for each group are documented in docs/security.md ("Environment
 * names"); test/security/env-names.test.ts keeps the two in step.
 */

/** What an exported name must look like: POSIX portable, upper case, not starting with a digit. */
const ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;
const RESERVED_ENV_GROUPS = [
    {
        label: 'program search path',
        why: 'decides which binary runs for every command name',
        names: ['PATH', 'PATHEXT', 'COMSPEC', 'SHELL', 'PSMODULEPATH'],
        prefixes: [],
    },
    {
        label: 'dynamic loader',
        why: 'loads a library of the attacker’s choosing into every program',
        names: ['GCONV_PATH', 'GLIBC_TUNABLES'],
        prefixes: ['LD_', 'DYLD_'],
    },
    {
        label: 'shell startup and tracing',
        why: 'shells source or evaluate these before or while running a script',
        names: [
            'ENV',
            'SHELLOPTS',
            'BASHOPTS',
            'PS4',
            'PROMPT_COMMAND',
            'IFS',
            'CDPATH',
            'GLOBIGNORE',
            'ZDOTDIR',
        ],
        prefixes: ['BASH_'],
    },
    {
        label: 'Node.js',
        why: 'preloads code (--require/--import), adds module paths or CA certificates, or turns off TLS checks',
        names: [
            'NODE_OPTIONS',
            'NODE_PATH',
            'NODE_EXTRA_CA_CERTS',
            'NODE_TLS_REJECT_UNAUTHORIZED',
            'NODE_REPL_EXTERNAL_MODULE',
        ],
        prefixes: ['NPM_CONFIG_', 'YARN_'],
    },
    {
        label: 'JVM and its build tools',
        why: 'add -javaagent or classpath entries to every JVM the job starts',
        names: [
            'JAVA_TOOL_OPTIONS',
            '_JAVA_OPTIONS',
            'JDK_JAVA_OPTIONS',
            'JAVA_OPTS',
            'CLASSPATH',
            'MAVEN_OPTS',
            'GRADLE_OPTS',
        ],
        prefixes: [],
    },
    {
        label: 'Python',
        why: 'PYTHONPATH, PYTHONSTARTUP, PYTHONHOME, PYTHONWARNINGS and kin import code of the attacker’s choosing',
        names: ['BROWSER'],
        prefixes: ['PYTHON', 'PIP_'],
    },
    {
        label: 'Perl, Ruby, Lua, PHP, .NET',
        why: 'interpreter option and library-path variables load code at start',
        names: [
            'RUBYOPT',
            'RUBYLIB',
            'BUNDLE_GEMFILE',
            'PHPRC',
            'PHP_INI_SCAN_DIR',
            'DOTNET_STARTUP_HOOKS',
            'DOTNET_ADDITIONAL_DEPS',
            'COR_ENABLE_PROFILING',
        ],
        prefixes: ['PERL', 'GEM_', 'LUA_', 'CORECLR_', 'COR_PROFILER'],
    },
    {
        label: 'Go and Rust toolchains',
        why: 'choose a wrapper or a module proxy, so the build runs or downloads other code',
        names: [
            'GOFLAGS',
            'GOPROXY',
            'GOINSECURE',
            'GONOSUMDB',
            'GONOSUMCHECK',
            'GOSUMDB',
            'GOTOOLCHAIN',
            'RUSTFLAGS',
            'RUSTDOCFLAGS',
            'CARGO_HOME',
        ],
        prefixes: ['RUSTC', 'CARGO_BUILD_', 'CARGO_TARGET_'],
    },
    {
        label: 'git and ssh',
        why: 'GIT_SSH_COMMAND, GIT_ASKPASS, GIT_CONFIG_* and kin run commands or rewrite git’s configuration',
        names: ['SSH_ASKPASS', 'SSH_AUTH_SOCK', 'EDITOR', 'VISUAL', 'PAGER'],
        prefixes: ['GIT_'],
    },
    {
        label: 'container and cluster clients',
        why: 'point docker or kubectl at another daemon, or at a config that runs credential helpers',
        names: [
            'DOCKER_HOST',
            'DOCKER_CONFIG',
            'DOCKER_CERT_PATH',
            'DOCKER_TLS_VERIFY',
            'DOCKER_CONTEXT',
            'KUBECONFIG',
        ],
        prefixes: [],
    },
    {
        label: 'TLS trust and proxies',
        why: 'let a third party read or alter every HTTPS request (trusted CAs, key logs, proxies)',
        names: [
            'CURL_CA_BUNDLE',
            'REQUESTS_CA_BUNDLE',
            'SSLKEYLOGFILE',
            'HTTP_PROXY',
            'HTTPS_PROXY',
            'ALL_PROXY',
            'NO_PROXY',
            'FTP_PROXY',
        ],
        prefixes: ['SSL_CERT_'],
    },
    {
        label: 'home, temp and config folders',
        why: 'move where programs read their configuration (~/.gitconfig, ~/.npmrc) and write temp files',
        names: ['HOME', 'TMPDIR', 'TMP', 'TEMP', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA'],
        prefixes: ['XDG_'],
    },
    {
        label: 'GitHub Actions runner',
        why: 'the runner and later actions trust these (GITHUB_ENV, GITHUB_PATH, ACTIONS_RUNTIME_TOKEN, inputs, state)',
        names: ['CI'],
        prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_'],
    },
    {
        label: 'GitLab CI',
        why: 'predefined job variables later scripts and tools trust (refused on every platform: a registry serves both)',
        names: [],
        prefixes: ['CI_', 'GITLAB_'],
    },
    {
        label: 'names this product exports',
        why: 'AWS_*, VAULT_* and ASTL_* carry the credentials, endpoints and agent identity the job relies on',
        names: [],
        prefixes: ['AWS_', 'VAULT_', 'ASTL_'],
    },
];
/** The group that reserves `name` (compared upper-cased), if any. */
function reservedEnvGroup(name) {
    const upper = name.toUpperCase();
    return RESERVED_ENV_GROUPS.find((g) => g.names.includes(upper) || g.prefixes.some((p) => upper.startsWith(p)));
}
/** What is wrong with `name` as an exported variable, or undefined when it may be exported. */
function envNameProblem(name) {
    const group = reservedEnvGroup(name);
    if (group) {
        return {
            message: `${JSON.stringify(name)} cannot be exported: it is reserved (${group.label}: ${group.why})`,
            hint: `choose a name of your own, e.g. ${suggestEnvName(name)}; see "Environment names" in docs/security.md for the reserved names`,
        };
    }
    if (!ENV_NAME_PATTERN.test(name)) {
        return {
            message: `${JSON.stringify(name)} is not an environment variable name this product exports`,
            hint: `use upper-case letters, digits and _, not starting with a digit (${ENV_NAME_PATTERN.source}), e.g. ${suggestEnvName(name)}`,
        };
    }
    return undefined;
}
/**
 * Checks one exported name: undefined when fine, else an AstlError located at the registry
 * line or the input/flag (`location`), code `code` (default ENV_NAME_INVALID).
 */
function checkEnvName(name, where) {
    const problem = envNameProblem(name);
    if (!problem)
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${where.prefix ?? ''}${problem.message}`, {
        code: where.code ?? 'ENV_NAME_INVALID',
        location: where.location,
        hint: problem.hint,
    });
}
/** A safe name close to `name`: upper-cased, other characters `_`, prefixed when reserved. */
function suggestEnvName(name) {
    let s = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_') || 'SECRET';
    if (/^[0-9]/.test(s))
        s = `_${s}`;
    return reservedEnvGroup(s) ? `SECRET_${s}` : s;
}


/***/ }),

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

/***/ 2873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tD: () => (/* binding */ checkCredentialTransport)
/* harmony export */ });
/* unused harmony exports TRANSPORT_INSECURE, CREDENTIAL_URL_INVALID, isLoopbackHost */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(425);
/**
 * The one rule for every endpoint the product sends a credential to (Vault, an STS endpoint
 * override, a GitHub API or token-exchange URL): https://, or plain http:// only to a loopback
 * address (127.0.0.0/8, ::1, localhost) for local tests, or when the user opts in explicitly
 * (`allow-insecure-http`). Checked before any token is requested: over plain http the OIDC
 * token and what it buys (a Vault token, STS keys) cross the network readable by anyone on the
 * path, and a token replayed within its lifetime is as good as the job's identity.
 */

const TRANSPORT_INSECURE = 'CREDENTIAL_TRANSPORT_INSECURE';
const CREDENTIAL_URL_INVALID = 'CREDENTIAL_URL_INVALID';
/**
 * Validates a credential endpoint URL: parseable, https (or http to loopback, or http opted in),
 * no user name or password in it. Throws AstlError (CREDENTIAL_URL_INVALID or
 * CREDENTIAL_TRANSPORT_INSECURE) located at `check.location` or `check.what`; the message shows
 * the URL's origin only, never a user name, password, path or query.
 */
function checkCredentialTransport(url, check) {
    const location = check.location ?? { file: check.what };
    const prefix = check.location ? `${check.what} ` : '';
    const fail = (code, message, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AstlError */ .Ht(`${prefix}${message}`, { code, location, hint });
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw fail(CREDENTIAL_URL_INVALID, 'is not a URL', 'write the endpoint as https://host[:port]');
    }
    if (parsed.username || parsed.password) {
        throw fail(CREDENTIAL_URL_INVALID, 'carries a user name or password; remove them', 'give the address only: the product authenticates with the job’s OIDC token');
    }
    if (parsed.protocol === 'https:')
        return { url: parsed, insecure: false };
    if (parsed.protocol !== 'http:') {
        throw fail(CREDENTIAL_URL_INVALID, `${parsed.protocol}// is not an http(s) URL`, 'write the endpoint as https://host[:port]');
    }
    if (isLoopbackHost(parsed.hostname))
        return { url: parsed, insecure: false };
    if (check.allowInsecure)
        return { url: parsed, insecure: true };
    const optIn = check.optIn ?? 'allow-insecure-http: true';
    throw fail(TRANSPORT_INSECURE, `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`, `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost); for a network you control end to end, opt in with ${optIn}`);
}
/**
 * Loopback hosts as the WHATWG URL parser leaves them (`127.1` and `2130706433` are already
 * 127.0.0.1 there): 127.0.0.0/8, [::1], IPv4-mapped [::ffff:127.x.y.z], and `localhost`.
 * `*.localhost` is not included: whether it resolves to loopback depends on the resolver.
 */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase();
    if (h === 'localhost' || h === '[::1]')
        return true;
    if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h))
        return true;
    // The parser prints IPv6 compressed, so every spelling of ::ffff:127.x.y.z arrives as this.
    return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(h);
}


/***/ }),

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hm: () => (/* reexport */ check/* checkCredentialRequest */.Hm),
  gN: () => (/* reexport */ agent_policy/* loadAgentPolicies */.gN),
  Ag: () => (/* reexport */ registry_registry.loadRegistry),
  Hw: () => (/* reexport */ agent_policy/* parseAgentPolicies */.Hw),
  l5: () => (/* reexport */ registry_registry/* parseRegistry */.l5),
  Ac: () => (/* reexport */ agent_policy/* policiesForType */.Ac),
  cT: () => (/* reexport */ resolveAgent)
});

// UNUSED EXPORTS: AGENT_POLICY_KIND, MAX_POLICY_FILES, MAX_POLICY_FILE_BYTES, MINIMAL_REGISTRY, REGISTRY_INVALID, RESTRICTIONS, durationCapsFor, isProductionEnvironment, listPolicyFiles, namesProduction, policySchema, readPolicyDocuments, readPolicySet, registryEntrySnippet, registrySchema, sortByLine

// EXTERNAL MODULE: ./packages/registry/agent-policy.ts + 1 modules
var agent_policy = __webpack_require__(8378);
// EXTERNAL MODULE: ./packages/registry/check.ts
var check = __webpack_require__(8332);
// EXTERNAL MODULE: ./packages/registry/policy-files.ts
var policy_files = __webpack_require__(7950);
// EXTERNAL MODULE: ./packages/registry/registry.ts + 1 modules
var registry_registry = __webpack_require__(1359);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
;// CONCATENATED MODULE: ./packages/registry/resolve.ts
/** Which registered agent a credential or gate request is for. */


const lineOf = (e) => e.keyLocations['name']?.line ?? e.location.line ?? '?';
/**
 * Finds the agent a request names: by name, or by type when exactly one agent has it.
 * Errors: AGENT_NOT_REGISTERED, AGENT_AMBIGUOUS, AGENT_TYPE_MISMATCH, AGENT_REQUIRED (neither
 * given); each with a hint and a YAML `fix`.
 */
function resolveAgent(registry, selector) {
    const name = selector.agent?.trim() || undefined;
    const type = selector.agentType?.trim() || undefined;
    const agentsAt = registry.doc.locateKey(['agents']);
    if (name !== undefined) {
        const entry = registry.agents.find((a) => a.name === name);
        if (!entry) {
            const guess = (0,core/* closest */.kp)(name, registry.agents.map((a) => a.name));
            throw new core/* AstlError */.Ht(`agent '${name}' is not registered in ${registry.file}`, {
                code: 'AGENT_NOT_REGISTERED',
                location: agentsAt,
                hint: guess
                    ? `did you mean '${guess}'? Otherwise add the agent to ${registry.file} (every agent needs an owner and a purpose)`
                    : `add the agent to ${registry.file} (every agent needs an owner and a purpose)${knownAgents(registry)}`,
                fix: (0,registry_registry/* registryEntrySnippet */.fK)(name, type ?? '<agent-type>'),
            });
        }
        if (type !== undefined && type !== entry.type) {
            throw new core/* AstlError */.Ht(`agent '${name}' is registered with type '${entry.type}', but the request says agent-type '${type}'`, {
                code: 'AGENT_TYPE_MISMATCH',
                location: entry.keyLocations['type'] ?? entry.location,
                hint: `make the agent-type input match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
                fix: `with:\n  agent: ${name}\n  agent-type: ${entry.type}\n`,
            });
        }
        return entry;
    }
    if (type !== undefined) {
        const matches = registry.agents.filter((a) => a.type === type);
        if (matches.length === 1)
            return matches[0];
        if (matches.length === 0) {
            const types = [...new Set(registry.agents.map((a) => a.type))];
            const guess = (0,core/* closest */.kp)(type, types);
            throw new core/* AstlError */.Ht(`no agent of type '${type}' is registered in ${registry.file}`, {
                code: 'AGENT_NOT_REGISTERED',
                location: agentsAt,
                hint: (guess ? `did you mean type '${guess}'? ` : '') +
                    (types.length ? `registered types: ${types.join(', ')}. ` : '') +
                    `Otherwise register an agent of this type in ${registry.file}`,
                fix: (0,registry_registry/* registryEntrySnippet */.fK)('<agent-name>', type),
            });
        }
        throw new core/* AstlError */.Ht(`${matches.length} agents have type '${type}' (${matches
            .map((m) => `${m.name} at line ${lineOf(m)}`)
            .join(', ')}); the request must name one`, {
            code: 'AGENT_AMBIGUOUS',
            location: matches[0].keyLocations['name'] ?? matches[0].location,
            hint: `set the agent input to one of: ${matches.map((m) => m.name).join(', ')}`,
            fix: `with:\n  agent: ${matches[0].name}\n  agent-type: ${type}\n`,
        });
    }
    throw new core/* AstlError */.Ht('no agent named: set the agent input (or agent-type when one agent has that type)', {
        code: 'AGENT_REQUIRED',
        location: agentsAt,
        hint: `name one of the agents registered in ${registry.file}${knownAgents(registry)}`,
        fix: `with:\n  agent: ${registry.agents[0]?.name ?? '<agent-name>'}\n`,
    });
}
function knownAgents(registry) {
    if (registry.agents.length === 0)
        return '; the registry lists no agents yet';
    const names = registry.agents.map((a) => a.name);
    const shown = names.slice(0, 10).join(', ');
    return `; registered: ${shown}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
}

;// CONCATENATED MODULE: ./packages/registry/index.ts
/**
 * Agent registry (agent-config.yaml) and AgentPolicy model: parsing with positions, validation
 * against schemas/, agent resolution and the credentials pre-check. No Actions I/O here.
 */







/***/ }),

/***/ 2248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ALL_RULES: () => (/* reexport */ ALL_RULES),
  DEFAULT_EXCLUDE: () => (/* reexport */ DEFAULT_EXCLUDE),
  DEFAULT_PATHS: () => (/* reexport */ DEFAULT_PATHS),
  DEFAULT_SCAN_CONFIG_FILES: () => (/* reexport */ DEFAULT_SCAN_CONFIG_FILES),
  DOCS_URL: () => (/* reexport */ DOCS_URL),
  EMPTY_SCAN_CONFIG: () => (/* reexport */ EMPTY_SCAN_CONFIG),
  INFORMATION_URI: () => (/* reexport */ INFORMATION_URI),
  MAX_FILE_BYTES: () => (/* reexport */ MAX_FILE_BYTES),
  SCANNER_RULES: () => (/* reexport */ SCANNER_RULES),
  SCANNER_RULES_BY_ID: () => (/* reexport */ SCANNER_RULES_BY_ID),
  TOOL_NAME: () => (/* reexport */ TOOL_NAME),
  anchorFor: () => (/* reexport */ anchorFor),
  annotation: () => (/* reexport */ annotation),
  annotationLines: () => (/* reexport */ annotationLines),
  annotations: () => (/* reexport */ annotations),
  compareFindings: () => (/* reexport */ compareFindings),
  computeChangeSet: () => (/* reexport */ computeChangeSet),
  fileUri: () => (/* reexport */ fileUri),
  fingerprint: () => (/* reexport */ fingerprint),
  gitChangeSet: () => (/* reexport */ gitChangeSet),
  globMatcher: () => (/* reexport */ globMatcher),
  helpUriFor: () => (/* reexport */ helpUriFor),
  hunkHeadRange: () => (/* reexport */ hunkHeadRange),
  isChangedLine: () => (/* reexport */ isChangedLine),
  jsonReport: () => (/* reexport */ jsonReport),
  loadScanConfig: () => (/* reexport */ loadScanConfig),
  parseBaseline: () => (/* reexport */ parseBaseline),
  parseScanConfig: () => (/* reexport */ parseScanConfig),
  pinningPolicyFor: () => (/* reexport */ pinningPolicyFor),
  rangesFromPatch: () => (/* reexport */ rangesFromPatch),
  scan: () => (/* reexport */ scan),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  textReport: () => (/* reexport */ textReport),
  toCodeQuality: () => (/* reexport */ toCodeQuality),
  toSarif: () => (/* reexport */ toSarif),
  unquoteGitPath: () => (/* reexport */ unquoteGitPath),
  writeBaseline: () => (/* reexport */ writeBaseline)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 22 modules
var dist_src = __webpack_require__(891);
// EXTERNAL MODULE: ./packages/core/index.ts + 1 modules
var core = __webpack_require__(5724);
;// CONCATENATED MODULE: ./packages/scanner/changeset.ts
/**
 * What a pull request changed, as head-side line ranges per file: from `git diff base...head`
 * when both commits are present, else from the GitHub API's pull request files (shallow
 * clones), else nothing (the caller scans everything and says why).
 */



function isChangedLine(change, line, endLine = line) {
    if (change.wholeFile)
        return true;
    return change.ranges.some(([from, to]) => from <= endLine && line <= to);
}
async function computeChangeSet(options) {
    const warnings = [];
    const head = options.head || 'HEAD';
    const gitProblem = await missingCommit(options.root, [options.base, head]);
    if (!gitProblem) {
        try {
            return { changes: await gitChangeSet(options.root, options.base, head), warnings };
        }
        catch (err) {
            warnings.push(`git diff ${options.base}...${head} failed: ${firstLine((0,core/* describeFault */.Qx)(err))}`);
        }
    }
    else {
        warnings.push(gitProblem);
    }
    if (options.github) {
        try {
            return { changes: await githubChangeSet(options.github, options.timeoutMs ?? 30_000), warnings };
        }
        catch (err) {
            warnings.push(`the GitHub API did not list the pull request's files either: ${firstLine((0,core/* describeFault */.Qx)(err))}`);
        }
    }
    return { warnings };
}
function git(root, args, maxBuffer = 256 * 1024 * 1024) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', ...args], {
            cwd: root,
            maxBuffer,
            encoding: 'utf8',
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
        }, (err, stdout, stderr) => {
            if (err)
                reject(new Error(stderr.trim() || err.message));
            else
                resolve(stdout);
        });
    });
}
async function missingCommit(root, refs) {
    try {
        await git(root, ['rev-parse', '--is-inside-work-tree']);
    }
    catch {
        return `${root} is not a git repository (or git is not installed)`;
    }
    for (const ref of refs) {
        try {
            await git(root, ['cat-file', '-e', `${ref}^{commit}`]);
        }
        catch {
            return `commit ${ref} is not in the local clone (a shallow checkout? use \`fetch-depth: 0\` on actions/checkout)`;
        }
    }
    // base...head needs a merge base; a shallow clone may hold both commits but not their ancestor.
    try {
        await git(root, ['merge-base', refs[0], refs[1]]);
    }
    catch {
        return `no common ancestor of ${refs[0]} and ${refs[1]} in the local clone (shallow history; use \`fetch-depth: 0\`)`;
    }
    return undefined;
}
async function gitChangeSet(root, base, head) {
    const range = `${base}...${head}`;
    const common = ['--no-color', '--no-ext-diff', '-M', '--src-prefix=a/', '--dst-prefix=b/'];
    const [names, patch] = await Promise.all([
        git(root, ['diff', ...common, '-z', '--name-status', range, '--']),
        git(root, ['diff', ...common, '--unified=0', range, '--']),
    ]);
    const files = new Map();
    // -z --name-status: STATUS\0path\0 (or Rxxx\0old\0new\0): unambiguous for any file name.
    const parts = names.split('\0');
    for (let i = 0; i < parts.length;) {
        const status = parts[i++];
        if (!status)
            continue;
        const kind = status[0];
        if (kind === 'R' || kind === 'C')
            i++; // skip the old path
        const path = parts[i++];
        if (!path || kind === 'D')
            continue;
        files.set(path, { file: path, ranges: [], ...(kind === 'T' ? { wholeFile: true } : {}) });
    }
    let current;
    for (const line of patch.split('\n')) {
        if (line.startsWith('+++ ')) {
            const target = line.slice(4);
            const path = target === '/dev/null' ? undefined : stripPrefix(unquoteGitPath(target));
            current = path ? files.get(path) : undefined;
            continue;
        }
        if (line.startsWith('diff --git ')) {
            current = undefined;
            continue;
        }
        if (current && line.startsWith('@@')) {
            const range = hunkHeadRange(line);
            if (range)
                current.ranges.push(range);
        }
        else if (line.startsWith('Binary files ') && current) {
            current.wholeFile = true;
        }
    }
    // Binary files have no +++ line: mark any file without hunks that git called binary.
    for (const m of patch.matchAll(/^Binary files (?:.*) and (.*) differ$/gm)) {
        const path = stripPrefix(unquoteGitPath(m[1] ?? ''));
        const change = files.get(path);
        if (change)
            change.wholeFile = true;
    }
    return { source: 'git', files };
}
/** `@@ -a,b +c,d @@` -> the head-side range, or undefined for a pure deletion (d = 0). */
function hunkHeadRange(header) {
    const m = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @@/.exec(header);
    if (!m)
        return undefined;
    const startLine = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count === 0)
        return undefined;
    return [startLine, startLine + count - 1];
}
function stripPrefix(path) {
    return path.startsWith('b/') ? path.slice(2) : path;
}
/** Git's C-style quoting of unusual paths: "b/new\nline" with octal escapes for raw bytes. */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"'))
        return text;
    const body = text.slice(1, -1);
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            for (const b of Buffer.from(c, 'utf8'))
                bytes.push(b);
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(simple[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Parses a unified diff `patch` (as the GitHub API returns per file) into head-side ranges. */
function rangesFromPatch(patch) {
    const out = [];
    let line = 0;
    let runStart = 0;
    const flush = () => {
        if (runStart)
            out.push([runStart, line - 1]);
        runStart = 0;
    };
    for (const text of patch.split('\n')) {
        if (text.startsWith('@@')) {
            flush();
            const m = /\+(\d+)/.exec(text);
            line = m ? Number(m[1]) : 0;
            continue;
        }
        if (text.startsWith('+')) {
            if (!runStart)
                runStart = line;
            line++;
        }
        else if (text.startsWith('-') || text.startsWith('\\')) {
            // deleted line or "\ No newline at end of file": head line number does not move
        }
        else {
            flush();
            line++;
        }
    }
    flush();
    return out;
}
async function githubChangeSet(pr, timeoutMs) {
    const octokit = new dist_src.Octokit({ auth: pr.token, baseUrl: pr.apiUrl, userAgent: 'astl-scan' });
    const deadline = new core/* Deadline */.B2(timeoutMs);
    const files = new Map();
    // The endpoint lists at most 3000 files, 100 a page.
    for (let page = 1; page <= 30; page++) {
        const { data } = await (0,core/* withRetry */.bD)((signal) => octokit.rest.pulls.listFiles({
            owner: pr.owner,
            repo: pr.repo,
            pull_number: pr.number,
            per_page: 100,
            page,
            request: { signal },
        }), {
            attempts: 4,
            baseDelayMs: 500,
            maxDelayMs: 5000,
            attemptTimeoutMs: 10_000,
            deadline,
            what: `GitHub API GET /repos/${pr.owner}/${pr.repo}/pulls/${pr.number}/files`,
            isRetryable: (err) => (0,core/* isNetworkFault */.d$)(err) || (0,core/* isRetryableStatus */.PS)(Number(err.status ?? 0)),
        });
        for (const f of data) {
            if (f.status === 'removed')
                continue;
            files.set(f.filename, f.patch
                ? { file: f.filename, ranges: rangesFromPatch(f.patch) }
                : { file: f.filename, ranges: [], wholeFile: f.status !== 'renamed' });
        }
        if (data.length < 100)
            break;
    }
    return { source: 'github-api', files };
}
function firstLine(s) {
    return s.split('\n')[0] ?? s;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./schemas/scan-config.schema.json
const scan_config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/astl/agent-credentials/schemas/scan-config.schema.json","title":"astl scan configuration","description":"Repository settings for `astl scan` and the scan action (.astl/scan.yaml). Read from the checked-out tree; review changes to it like code (CODEOWNERS).","type":"object","additionalProperties":false,"properties":{"version":{"description":"format version, 1","const":1},"pinning":{"description":"how `uses:` references must be pinned (default: every remote action and reusable workflow to a full commit SHA, docker:// images to a digest)","type":"object","additionalProperties":false,"properties":{"policies":{"description":"exceptions to the SHA-pinning default; the most specific `uses` pattern wins","type":"array","items":{"type":"object","additionalProperties":false,"required":["uses","policy","reason"],"properties":{"uses":{"description":"`owner/repo/path`, `owner/repo` (any path in it), `owner/*` or `*`; case-insensitive","type":"string","pattern":"^(\\\\*|[A-Za-z0-9_.-]+/(\\\\*|[A-Za-z0-9_.-]+(/[^@\\\\s]+)?))$","examples":["actions/*","my-org/deploy-action","*"]},"policy":{"description":"`hash-pin` (a full commit SHA), `ref-pin` (any tag, branch or SHA) or `any` (also no ref at all)","enum":["hash-pin","ref-pin","any"]},"reason":{"description":"why this exception is acceptable; shown in every finding it affects","type":"string","minLength":3}}}}}}}}');
;// CONCATENATED MODULE: ./packages/scanner/config.ts
/**
 * The scan configuration file (`.astl/scan.yaml`, schema schemas/scan-config.schema.json):
 * repository settings for the scanner. Today its `pinning:` section relaxes the SHA-pinning
 * default per `uses:` pattern, each exception with a reason that findings show; other sections
 * are added beside it. Validated with positions like the registry; a bad file is an error naming
 * file:line, never ignored (a typo must not silently relax or tighten a rule).
 */




/** Looked for at the workspace root, in this order, when no path is given. */
const DEFAULT_SCAN_CONFIG_FILES = ['.astl/scan.yaml', '.astl/scan.yml'];
const EMPTY_SCAN_CONFIG = { pinning: { policies: [] } };
/**
 * Reads the scan configuration: `path` (relative to `root`) when given, else the first of
 * DEFAULT_SCAN_CONFIG_FILES that exists, else the defaults. Throws AstlError(s) for a named
 * file that is missing, outside the workspace or invalid.
 */
function loadScanConfig(root, path) {
    let file = path;
    if (file === undefined) {
        file = DEFAULT_SCAN_CONFIG_FILES.find((f) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, f)));
        if (file === undefined)
            return EMPTY_SCAN_CONFIG;
    }
    const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.join)(root, file);
    const rel = (0,external_node_path_.relative)(root, full).split('\\').join('/');
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        throw new core/* AstlError */.Ht(`scan config ${file} is outside the workspace`, {
            code: 'CONFIG_INVALID',
            location: { file },
            hint: 'keep the scan configuration in the repository, e.g. .astl/scan.yaml',
        });
    }
    if (!(0,external_node_fs_.existsSync)(full) || !(0,external_node_fs_.statSync)(full).isFile()) {
        throw new core/* AstlError */.Ht(`scan config ${rel} not found`, {
            code: 'CONFIG_NOT_FOUND',
            location: { file: rel },
            hint: `create it or drop the option; without one the defaults apply (${DEFAULT_SCAN_CONFIG_FILES[0]} is read when present)`,
        });
    }
    return parseScanConfig((0,external_node_fs_.readFileSync)(full, 'utf8'), rel);
}
/** Parses and validates the text of a scan configuration file named `file` (for messages). */
function parseScanConfig(text, file) {
    const docs = (0,core/* parseYaml */.hN)(text, file);
    if (docs.length > 1) {
        throw new core/* AstlError */.Ht(`${file} holds ${docs.length} YAML documents; the scan config is one`, {
            code: 'CONFIG_INVALID',
            location: { file },
        });
    }
    const doc = docs[0];
    if (!doc || doc.value === null || doc.value === undefined)
        return { ...EMPTY_SCAN_CONFIG, file };
    const errors = (0,core/* validateWithSchema */.CW)(doc, scan_config_schema_namespaceObject, 'scan config');
    if (errors.length > 0)
        throw new core/* AstlErrors */.ci(errors, 'CONFIG_INVALID');
    const value = doc.value;
    const policies = (value.pinning?.policies ?? []).map((p, i) => ({
        uses: p.uses.toLowerCase(),
        policy: p.policy,
        reason: p.reason.trim(),
        origin: `${file}:${doc.locate(['pinning', 'policies', i]).line ?? 1}`,
    }));
    const seen = new Map();
    for (const p of policies) {
        const before = seen.get(p.uses);
        if (before) {
            throw new core/* AstlError */.Ht(`pinning policy for '${p.uses}' is given twice (${before} and ${p.origin})`, {
                code: 'CONFIG_INVALID',
                location: { file, line: Number(p.origin.split(':').pop()) },
                hint: 'keep one entry per pattern',
            });
        }
        seen.set(p.uses, p.origin);
    }
    return { file, pinning: { policies } };
}
/**
 * The pinning policy for a repository `uses:` and the rule that set it (undefined: the default,
 * `hash-pin`, as zizmor's). The most specific pattern wins: `owner/repo/path` over `owner/repo`
 * over `owner/*` over `*`.
 */
function pinningPolicyFor(uses, rules) {
    if (uses.kind !== 'repository')
        return { policy: 'hash-pin' };
    const owner = (uses.owner ?? '').toLowerCase();
    const repo = `${owner}/${(uses.repo ?? '').toLowerCase()}`;
    const full = uses.path ? `${repo}/${uses.path.toLowerCase()}` : repo;
    let best;
    for (const rule of rules) {
        let rank = -1;
        if (rule.uses === full && uses.path)
            rank = 3;
        else if (rule.uses === repo)
            rank = 2;
        else if (rule.uses === `${owner}/*`)
            rank = 1;
        else if (rule.uses === '*')
            rank = 0;
        if (rank >= 0 && (!best || rank > best.rank))
            best = { rule, rank };
    }
    return best ? { policy: best.rule.policy, rule: best.rule } : { policy: 'hash-pin' };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/scanner/finding.ts

/**
 * The one way to fingerprint a finding: rule id, file, and the normalised content the finding
 * is about (whitespace collapsed), never the line number, so it survives lines moving. Pass a
 * secret's hash rather than the secret itself when the content is sensitive.
 */
function fingerprint(ruleId, file, content) {
    const normalised = content.replace(/\s+/g, ' ').trim();
    return (0,external_node_crypto_.createHash)('sha256').update(`${ruleId}\0${file}\0${normalised}`).digest('hex').slice(0, 32);
}

// EXTERNAL MODULE: ./packages/core/untrusted-text.ts
var untrusted_text = __webpack_require__(1372);
;// CONCATENATED MODULE: ./packages/scanner/order.ts
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
/** Most severe first, then by file, line, column and rule. */
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.ruleId.localeCompare(b.ruleId));
}

;// CONCATENATED MODULE: ./packages/scanner/report/annotations.ts
/**
 * Findings as annotations (`::error file=…,line=…::message`): structured for the action's runner
 * module, or as command lines for the CLI's `--format github`, both escaped by
 * packages/core/untrusted-text.ts. GitHub shows only 10 annotations of each type per step, so
 * the most severe come first and a final notice says how many more are in the SARIF file and
 * the job summary.
 */


const COMMAND = { error: 'error', warning: 'warning', note: 'notice' };
/** The annotations as `::` command lines (the CLI's `--format github`). */
function annotationLines(findings, options = {}) {
    return annotations(findings, options).map((a) => (0,untrusted_text/* annotationCommand */.jx)(a.kind, a.message, a.properties));
}
function annotations(findings, options = {}) {
    const max = options.maxPerType ?? 10;
    const titles = new Map((options.rules ?? []).map((r) => [r.id, r.title]));
    const shown = { error: 0, warning: 0, note: 0 };
    const hidden = { error: 0, warning: 0, note: 0 };
    const lines = [];
    const sorted = [...findings].sort(compareFindings);
    const count = { error: 0, warning: 0, note: 0 };
    for (const f of sorted)
        count[f.severity]++;
    const errorSlots = Math.max(0, max - (options.reserveErrors ?? 0));
    const overflow = count.error > errorSlots || count.warning > max || count.note > max;
    // The overflow notice takes one of the notice slots.
    const limits = {
        error: errorSlots,
        warning: max,
        note: overflow ? max - 1 : max,
    };
    for (const f of sorted) {
        if (shown[f.severity] >= limits[f.severity]) {
            hidden[f.severity]++;
            continue;
        }
        shown[f.severity]++;
        lines.push(annotation(f, titles.get(f.ruleId)));
    }
    const more = hidden.error + hidden.warning + hidden.note;
    if (more > 0) {
        const parts = ['error', 'warning', 'note']
            .filter((s) => hidden[s] > 0)
            .map((s) => `${hidden[s]} ${s === 'note' ? 'note' : s}${hidden[s] === 1 ? '' : 's'}`);
        const where = options.sarifFile
            ? `the SARIF file (${options.sarifFile}) and the job summary`
            : 'the job summary';
        lines.push({
            kind: 'notice',
            message: `${more} more finding${more === 1 ? '' : 's'} (${parts.join(', ')}) not shown as annotations: GitHub displays ${max} per type and step. See ${where}.`,
            properties: { title: 'astl scan: more findings' },
        });
    }
    return lines;
}
function annotation(f, title) {
    const properties = { file: f.file, startLine: f.line };
    if (f.endLine !== undefined && f.endLine !== f.line)
        properties.endLine = f.endLine;
    if (f.column !== undefined) {
        properties.startColumn = f.column;
        if (f.endColumn !== undefined && (f.endLine === undefined || f.endLine === f.line)) {
            properties.endColumn = f.endColumn;
        }
    }
    properties.title = `${f.ruleId}${title ? `: ${title}` : ''}`;
    return { kind: COMMAND[f.severity], message: f.message, properties };
}

;// CONCATENATED MODULE: ./packages/scanner/report/codequality.ts
function toCodeQuality(findings, rules = []) {
    const score = new Map(rules.map((r) => [r.id, r.securitySeverity]));
    return findings.map((f) => {
        const s = score.get(f.ruleId) ?? 5;
        const severity = f.severity === 'error'
            ? s >= 9
                ? 'blocker'
                : 'critical'
            : f.severity === 'warning'
                ? 'major'
                : 'minor';
        const lines = { begin: f.line };
        if (f.endLine !== undefined && f.endLine > f.line)
            lines.end = f.endLine;
        return {
            description: `${f.ruleId}: ${f.message}`,
            check_name: f.ruleId,
            fingerprint: f.fingerprint,
            severity,
            location: { path: f.file, lines },
        };
    });
}

;// CONCATENATED MODULE: ./packages/scanner/rules.ts
const DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/scan.md';
/** Where a rule is documented: the secret rules have their own page. */
function helpUriFor(rule) {
    const page = rule.id.startsWith('secret/') ? DOCS_URL.replace(/scan\.md$/, 'secrets.md') : DOCS_URL;
    return `${page}${rule.helpAnchor || anchorFor(rule.id)}`;
}
/** GitHub's heading anchor for a rule id written as `` `agent/missing-owner` ``. */
function anchorFor(id) {
    return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
function rule(id, severity, securitySeverity, title, description, tags) {
    return {
        id,
        severity,
        securitySeverity,
        title,
        description,
        helpAnchor: anchorFor(id),
        tags: ['security', ...tags],
    };
}
const SCANNER_RULES = [
    // Agent registry
    rule('agent/missing-owner', 'error', 6.0, 'Agent without an owner', 'Every registered agent needs `owner:`, a human or team accountable for what it does; the credentials action refuses agents without one.', ['agent', 'governance']),
    rule('agent/missing-purpose', 'warning', 4.0, 'Agent without a purpose', 'An agent without `purpose:` cannot be audited against what it is for; each credential request then has to state a purpose itself.', ['agent', 'governance']),
    rule('agent/audit-not-full', 'warning', 5.0, 'Agent audit level is not full', '`audit-level: minimal` or `none` drops the who/why/how-long records auditors rely on.', ['agent', 'audit']),
    rule('agent/long-lived-credentials', 'error', 8.0, 'Long-lived credential policy', '`credential-policy: long-lived` lets the agent hold credentials that outlive the job; a leaked one stays useful for days. Use `ephemeral`.', ['agent', 'credentials']),
    rule('agent/ttl-over-policy', 'error', 6.5, 'Agent max-ttl exceeds its AgentPolicy', "The agent's `max-ttl` is longer than the `credentialPolicy.maxTtl` of the AgentPolicy for its type; requests would be refused.", ['agent', 'credentials', 'policy']),
    rule('agent/policy-contradiction', 'error', 7.5, 'Agent permissions contradict an AgentPolicy', 'The agent declares a permission that a `restrictions:` entry of the AgentPolicy for its type denies (`deny: secrets`, `deny: write-access`, `deny: production-access`, ...), or a credential policy the AgentPolicy forbids.', ['agent', 'policy']),
    rule('agent/broader-than-peers', 'warning', 5.5, 'Agent has broader access than similar agents', 'The agent holds a resource none of the other agents of its type holds, or a higher access level on a resource than any of them (read < comment < write < admin). Compared only when the type has at least two other agents.', ['agent', 'least-privilege']),
    rule('agent/session-policy-missing', 'error', 5.0, 'Session policy file not found', 'The registry names an AWS `session-policy` file that does not exist, so the scope-down the entry promises would not apply.', ['agent', 'iam']),
    rule('agent/session-policy-outside', 'error', 7.5, 'Session policy path leads outside the repository', 'The registry names an AWS `session-policy` by an absolute path, a `../` path or a symbolic link that leads outside the repository, or into `.git/`. The scanner does not read it (its content never reaches a report) and the actions refuse it.', ['agent', 'iam', 'path-traversal']),
    rule('config/invalid', 'error', 3.0, 'Invalid agent configuration or policy', 'The agent registry or an AgentPolicy does not match its schema (unknown key, wrong type, missing required key); the actions would refuse it.', ['config']),
    // IAM policy documents
    rule('iam/wildcard-action', 'error', 9.0, 'IAM statement allows every action', '`"Action": "*"` in an Allow statement grants every action of every AWS service.', ['iam', 'least-privilege']),
    rule('iam/service-wildcard', 'warning', 7.0, 'IAM statement allows every action of a service', '`"Action": "s3:*"` grants every present and future action of the service, including deletes and policy changes.', ['iam', 'least-privilege']),
    rule('iam/wildcard-resource', 'error', 7.5, 'IAM write actions on every resource', '`"Resource": "*"` with actions that change things (anything but Get/List/Describe/Head) lets the holder change every resource of that kind in the account.', ['iam', 'least-privilege']),
    rule('iam/passrole-wildcard', 'error', 8.8, 'iam:PassRole or sts:AssumeRole on every resource', '`iam:PassRole` or `sts:AssumeRole` on `"Resource": "*"` lets the holder hand any role to a service or become any role that trusts the account: privilege escalation.', ['iam', 'privilege-escalation']),
    rule('iam/notaction-allow', 'warning', 6.5, 'Allow with NotAction', '`"Effect": "Allow"` with `NotAction` grants everything except the listed actions, including every action AWS adds later.', ['iam', 'least-privilege']),
    // GitHub Actions workflows and action definitions
    rule('workflow/write-all', 'error', 7.0, 'Workflow grants write-all permissions', '`permissions: write-all` gives the GITHUB_TOKEN write access to every scope: contents, packages, deployments, id-token...', ['workflow', 'least-privilege']),
    rule('workflow/read-all', 'warning', 4.5, 'Workflow grants read-all permissions', '`permissions: read-all` gives the GITHUB_TOKEN read access to every scope (actions, security events, packages, deployments...), far more than most jobs need.', ['workflow', 'least-privilege']),
    rule('workflow/missing-permissions', 'warning', 5.0, 'Job without a permissions block', 'A job with no `permissions:` in a workflow with none gets the repository or organisation default GITHUB_TOKEN, which may be write access to everything; a reusable workflow it calls gets the same.', ['workflow', 'least-privilege']),
    rule('workflow/workflow-wide-write', 'warning', 5.0, 'Write permission granted to the whole workflow', 'A `<scope>: write` at the workflow level reaches every job that does not set its own `permissions:`; grant it only in the job that needs it.', ['workflow', 'least-privilege']),
    rule('workflow/id-token-workflow-wide', 'warning', 5.5, 'id-token: write granted to the whole workflow', '`id-token: write` at the workflow level lets every job mint OIDC tokens for your cloud roles; grant it only in the jobs that need credentials.', ['workflow', 'oidc', 'least-privilege']),
    rule('workflow/unpinned-action', 'error', 7.0, 'Action or reusable workflow not pinned to a commit SHA', 'A tag or branch can be moved to malicious code at any time (tj-actions/changed-files, 2025); only a full 40-character commit SHA (or an image digest) is immutable. Exceptions per owner go in .astl/scan.yaml with a reason, and are then reported as notes.', ['workflow', 'supply-chain']),
    rule('workflow/dangerous-trigger', 'warning', 6.0, 'pull_request_target or workflow_run trigger', 'These triggers run in the base repository, with its secrets and a write token, on events outsiders can cause; they are almost always used insecurely.', ['workflow', 'injection']),
    rule('workflow/untrusted-checkout', 'error', 9.0, 'pull_request_target / workflow_run checks out the pull request head', 'These triggers run with the base repository secrets and a write token; checking out the pull request head then runs attacker-controlled code with them ("pwn request").', ['workflow', 'injection']),
    rule('workflow/template-injection', 'error', 8.5, 'Untrusted input expanded into code', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    '`${{ github.event.issue.title }}` and similar attacker-controlled values (directly, through `env:`, a matrix or a function) are pasted into a `run:` script or an action input that runs code before it runs, so a crafted title or branch name executes commands. Pass them through `env:` and use the variable.', ['workflow', 'injection']),
    rule('workflow/persisted-credentials', 'warning', 5.0, 'Checkout keeps the token in .git/config', '`actions/checkout` without `persist-credentials: false` leaves the GITHUB_TOKEN in .git/config for every later step; an uploaded workspace or a compromised tool can take it (zizmor: artipacked).', ['workflow', 'credentials']),
    rule('workflow/secrets-inherit', 'warning', 5.0, 'Reusable workflow inherits every secret', "`secrets: inherit` passes all of the repository's secrets to the called workflow, including those it does not use.", ['workflow', 'secrets', 'least-privilege']),
    rule('workflow/hardcoded-container-credentials', 'error', 8.0, 'Hardcoded container registry password', 
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    "A job container's or service's `credentials.password` is written in the workflow instead of coming from `${{ secrets.* }}`.", ['workflow', 'secrets']),
    // GitLab CI
    rule('gitlab/unpinned-include', 'warning', 6.5, 'GitLab CI include not pinned', 'A project include without a pinned `ref:`, a component on a branch or `~latest`, or a remote include without `integrity:` pulls configuration that can change without review.', ['gitlab', 'supply-chain']),
    // The scanner itself
    rule('scan/parse-error', 'error', 7.0, 'Workflow, action, agent config or policy could not be checked', 'The file is a workflow, an action definition, an agent config, a policy or an IAM document, but it is not valid YAML/JSON, expands too far through aliases, or a rule failed on it; only the secret rules ran, so the scanner fails closed with an error.', ['config']),
    rule('scan/suppression-without-reason', 'warning', 3.0, 'Suppression without a reason', '`# astl:ignore <rule-id>` must say why the finding is acceptable, so reviewers can judge it: `# astl:ignore <rule-id> <reason>`.', ['governance']),
];
const SCANNER_RULES_BY_ID = new Map(SCANNER_RULES.map((r) => [r.id, r]));

;// CONCATENATED MODULE: ./packages/scanner/report/sarif.ts


const TOOL_NAME = 'astl-scan';
const INFORMATION_URI = 'https://github.com/astl/agent-credentials';
const LEVEL = { error: 'error', warning: 'warning', note: 'note' };
/** A relative file path as a URI reference: each segment percent-encoded. */
function fileUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
function toSarif(findings, options) {
    const rules = [...options.rules];
    const known = new Set(rules.map((r) => r.id));
    // A finding of a rule the catalogue lacks (should not happen) still gets a descriptor.
    for (const f of findings) {
        if (!known.has(f.ruleId)) {
            known.add(f.ruleId);
            rules.push({
                id: f.ruleId,
                title: f.ruleId,
                severity: f.severity,
                securitySeverity: 5,
                description: f.ruleId,
                helpAnchor: '',
            });
        }
    }
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const run = {
        tool: {
            driver: {
                name: TOOL_NAME,
                version: options.toolVersion,
                semanticVersion: options.toolVersion,
                informationUri: INFORMATION_URI,
                rules: rules.map(ruleDescriptor),
            },
        },
        results: [...findings].sort(compareFindings).map((f) => result(f, index.get(f.ruleId))),
        columnKind: 'utf16CodeUnits',
    };
    if (options.category)
        run.automationDetails = { id: `${options.category.replace(/\/?$/, '/')}` };
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [run],
    };
}
function ruleDescriptor(r) {
    const helpUri = helpUriFor(r);
    return {
        id: r.id,
        name: pascal(r.id),
        shortDescription: { text: r.title },
        fullDescription: { text: r.description },
        help: {
            text: `${r.description} See ${helpUri}`,
            markdown: `${r.description}\n\n[Rule reference](${helpUri})`,
        },
        helpUri,
        defaultConfiguration: { level: LEVEL[r.severity] },
        properties: {
            'security-severity': r.securitySeverity.toFixed(1),
            tags: r.tags ?? ['security'],
            precision: 'high',
            'problem.severity': r.severity === 'note' ? 'recommendation' : r.severity,
        },
    };
}
function result(f, ruleIndex) {
    const region = { startLine: f.line };
    if (f.column !== undefined)
        region.startColumn = f.column;
    if (f.endLine !== undefined && f.endLine >= f.line)
        region.endLine = f.endLine;
    if (f.endColumn !== undefined)
        region.endColumn = f.endColumn;
    if (f.snippet)
        region.snippet = { text: f.snippet };
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
                    region,
                },
            },
        ],
        partialFingerprints: { 'astl/v1': f.fingerprint },
    };
}
function pascal(id) {
    return id
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./packages/scanner/report/summary.ts
/**
 * The job summary (Markdown) for reviewers and auditors: counts, then a table of findings. File
 * names, messages and warnings come from the scanned repository: every one is escaped by
 * packages/core/untrusted-text.ts (`markdownMessage`, `markdownCode`), so none renders as a link,
 * image, HTML or table break.
 */



const ICON = { error: '🔴', warning: '🟠', note: '🔵' };
function summaryMarkdown(result, options = {}) {
    const maxRows = options.maxRows ?? 100;
    const { error, warning, note } = result.stats.bySeverity;
    const out = [];
    const headline = result.findings.length === 0
        ? 'no findings'
        : [plural(error, 'error'), plural(warning, 'warning'), note ? plural(note, 'note') : '']
            .filter(Boolean)
            .join(', ');
    out.push(`## ${result.findings.length === 0 ? '✅' : error > 0 ? '❌' : '⚠️'} astl scan: ${headline}`, '');
    const scope = result.scope === 'diff'
        ? `changed lines only (from ${result.changeSource === 'github-api' ? 'the GitHub API' : 'git diff'})`
        : 'all lines';
    const facts = [
        `**Scope:** ${scope}`,
        `**Files scanned:** ${result.stats.filesScanned}`,
        result.skipped.length ? `**Skipped:** ${result.skipped.length}` : '',
        result.stats.suppressed ? `**Suppressed inline:** ${result.stats.suppressed}` : '',
        result.stats.baselined ? `**Accepted by baseline:** ${result.stats.baselined}` : '',
        result.scope === 'diff' && result.stats.outsideDiff
            ? `**Outside the change:** ${result.stats.outsideDiff}`
            : '',
    ].filter(Boolean);
    out.push(facts.join(' · '), '');
    for (const w of result.warnings)
        out.push(`> [!WARNING]\n> ${(0,untrusted_text/* markdownMessage */.ju)(w)}`, '');
    if (result.findings.length > 0) {
        out.push('| | Rule | Location | Message |', '|---|---|---|---|');
        const sorted = [...result.findings].sort(compareFindings);
        for (const f of sorted.slice(0, maxRows))
            out.push(row(f, options.linkRules ?? true));
        if (sorted.length > maxRows) {
            out.push('', `> Showing the first ${maxRows} of ${sorted.length} findings (most severe first)${options.sarifFile ? `; all of them are in ${(0,untrusted_text/* markdownCode */.D9)(options.sarifFile)}` : ''}.`);
        }
        out.push('');
        const byRule = Object.entries(result.stats.byRule).sort((a, b) => b[1] - a[1]);
        out.push('<details><summary>Findings by rule</summary>', '', '| Rule | Count |', '|---|---|', ...byRule.map(([rule, n]) => `| ${(0,untrusted_text/* markdownCode */.D9)(rule)} | ${n} |`), '', '</details>', '');
    }
    if (result.skipped.length > 0) {
        out.push(`<details><summary>Skipped files (${result.skipped.length})</summary>`, '');
        for (const s of result.skipped.slice(0, maxRows))
            out.push(`- ${(0,untrusted_text/* markdownCode */.D9)(s.file)}: ${(0,untrusted_text/* markdownMessage */.ju)(s.reason)}`);
        if (result.skipped.length > maxRows)
            out.push(`- … and ${result.skipped.length - maxRows} more`);
        out.push('', '</details>', '');
    }
    out.push('Suppress a finding you accept with `# astl:ignore <rule-id> <reason>` on its line or the line above, or accept existing findings with a baseline.', '');
    return out.join('\n');
}
function row(f, link) {
    const code = (0,untrusted_text/* markdownCode */.D9)(f.ruleId);
    const rule = link ? `[${code}](${helpUriFor({ id: f.ruleId, helpAnchor: '' })})` : code;
    return `| ${ICON[f.severity]} ${f.severity} | ${rule} | ${(0,untrusted_text/* markdownCode */.D9)(`${f.file}:${f.line}`)} | ${(0,untrusted_text/* markdownMessage */.ju)(f.message)} |`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/text.ts
/** Plain text for terminals and the CLI's default format, and JSON for machines. */

function textReport(result) {
    const out = [];
    for (const f of result.findings) {
        const where = `${(0,untrusted_text/* printable */.g$)(f.file)}:${f.line}${f.column ? `:${f.column}` : ''}`;
        out.push(`${where}: ${f.severity} ${f.ruleId}: ${(0,untrusted_text/* printable */.g$)(f.message)}`);
    }
    for (const w of result.warnings)
        out.push(`warning: ${(0,untrusted_text/* printable */.g$)(w)}`);
    const { error, warning, note } = result.stats.bySeverity;
    out.push(`${result.stats.filesScanned} files scanned (${result.scope === 'diff' ? 'changed lines' : 'all lines'}): ${error} errors, ${warning} warnings, ${note} notes` +
        (result.skipped.length ? `, ${result.skipped.length} files skipped` : '') +
        (result.stats.suppressed ? `, ${result.stats.suppressed} suppressed` : '') +
        (result.stats.baselined ? `, ${result.stats.baselined} in baseline` : ''));
    return `${out.join('\n')}\n`;
}
function jsonReport(result) {
    const { rules: _rules, ...rest } = result;
    return `${JSON.stringify({ version: 1, ...rest }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/scanner/report/index.ts






// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./packages/registry/index.ts + 1 modules
var registry = __webpack_require__(3268);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./packages/core/workspace-path.ts
var workspace_path = __webpack_require__(2073);
;// CONCATENATED MODULE: ./packages/scanner/source.ts
/**
 * Finding and reading the files a scan looks at: a walk of the workspace that never leaves it
 * (symlinks to directories are never followed, symlinks to files only when they resolve inside
 * the root), glob selection with picomatch, and lenient decoding: binary files and files over
 * the size cap are skipped with a reason, invalid UTF-8 becomes U+FFFD, nothing throws.
 */




/** The default `paths`: agent configs, agent/deploy policies, CI workflows, actions, IAM JSON. */
const DEFAULT_PATHS = [
    '**/agent-config.y?(a)ml',
    '**/*agent*.y?(a)ml',
    '**/policies/**',
    '.github/workflows/**/*.y?(a)ml',
    '**/action.y?(a)ml',
    '**/.gitlab-ci.y?(a)ml',
    '**/*.json',
];
/** Never walked: version control data and installed dependencies. */
const DEFAULT_EXCLUDE = ['**/.git/**', '**/node_modules/**'];
const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;
/** Offset <-> line/column for one text, built once, on demand. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 1-based line and column of a 0-based offset. */
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
    /** The text of a 1-based line without its line break ('' when out of range). */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
}
function toPosix(path) {
    return sep === '/' ? path : path.split(sep).join('/');
}
function globMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    return picomatch_default()([...globs], { dot: true });
}
/**
 * Every regular file under `root` matching `include` and not `exclude`, root-relative and
 * sorted, plus what was passed over and why (symlinks that lead out of the root or to a
 * directory, unreadable folders).
 */
function walk(root, include, exclude) {
    const isIncluded = globMatcher(include);
    const isExcluded = globMatcher(exclude);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const files = [];
    const skipped = [];
    const pending = [''];
    while (pending.length > 0) {
        const dir = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, dir), { withFileTypes: true });
        }
        catch (err) {
            skipped.push({
                file: dir || '.',
                reason: `cannot read folder (${err.code})`,
            });
            continue;
        }
        for (const entry of entries) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!isExcluded(`${rel}/`) && !isExcluded(`${rel}/x`))
                    pending.push(rel);
                continue;
            }
            if (!isIncluded(rel) || isExcluded(rel))
                continue;
            if (entry.isSymbolicLink()) {
                const why = symlinkProblem((0,external_node_path_.join)(root, rel), realRoot);
                if (why) {
                    skipped.push({ file: rel, reason: why });
                    continue;
                }
            }
            else if (!entry.isFile()) {
                continue; // sockets, fifos, devices: never opened
            }
            files.push(rel);
        }
    }
    files.sort();
    return { files, skipped };
}
function symlinkProblem(path, realRoot) {
    let target;
    try {
        target = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return 'symbolic link to a missing target';
    }
    const inside = (0,external_node_path_.relative)(realRoot, target);
    if (inside.startsWith('..') || inside === '' || /^[a-zA-Z]:/.test(inside)) {
        return 'symbolic link that leads outside the workspace (not followed)';
    }
    if ((0,workspace_path/* hasGitSegment */.oW)(inside))
        return 'symbolic link into .git/ (not followed)';
    if (!(0,external_node_fs_.statSync)(target).isFile())
        return 'symbolic link to a folder or special file (not followed)';
    return undefined;
}
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
/**
 * Reads one file as text, or says why it was skipped: over the size cap, binary (a NUL byte in
 * the first 8 KiB), unreadable. Invalid UTF-8 decodes to U+FFFD instead of failing.
 */
function readSource(root, file, maxBytes = MAX_FILE_BYTES) {
    const path = (0,external_node_path_.join)(root, file);
    let fd;
    try {
        const info = (0,external_node_fs_.lstatSync)(path).isSymbolicLink() ? (0,external_node_fs_.statSync)(path) : (0,external_node_fs_.lstatSync)(path);
        if (!info.isFile())
            return { file, reason: 'not a regular file' };
        if (info.size > maxBytes) {
            return {
                file,
                reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(info.size)}); not scanned`,
            };
        }
        fd = (0,external_node_fs_.openSync)(path, 'r');
        const buffer = Buffer.allocUnsafe(info.size);
        let filled = 0;
        while (filled < info.size) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, filled, info.size - filled, filled);
            if (n === 0)
                break;
            filled += n;
        }
        const bytes = buffer.subarray(0, filled);
        if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0))
            return { file, reason: 'binary file; not scanned' };
        return { file, text: decoder.decode(bytes), bytes: filled };
    }
    catch (err) {
        return { file, reason: `cannot read (${err.code ?? err.message})` };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
function isSkipped(x) {
    return 'reason' in x;
}
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${(n / 1024 / 1024).toFixed(1)} MiB`;
    if (n >= 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${n} B`;
}

;// CONCATENATED MODULE: ./packages/scanner/context.ts
/**
 * What a rule sees of one file and how it reports: rules emit drafts (rule id, where, message,
 * what the finding is about); `FileContext.finish` turns them into Findings with the rule's
 * severity, a fingerprint from the normalised content (never the line number) and a snippet.
 */


class FileContext {
    file;
    text;
    rules;
    findings = [];
    index;
    occurrences = new Map();
    constructor(file, text, rules) {
        this.file = file;
        this.text = text;
        this.rules = rules;
    }
    get lines() {
        this.index ??= new LineIndex(this.text);
        return this.index;
    }
    position(offset) {
        return this.lines.position(offset);
    }
    emit(draft) {
        const meta = this.rules.get(draft.ruleId);
        if (!meta)
            throw new Error(`unknown rule id ${draft.ruleId}`);
        const lineText = this.lines.lineText(draft.line);
        // Identical content twice in a file (two equal `uses:` lines) must not share a fingerprint:
        // the second and later ones carry their occurrence number.
        let about = (draft.about ?? lineText).replace(/\s+/g, ' ').trim();
        const key = `${draft.ruleId}\0${about}`;
        const seen = this.occurrences.get(key) ?? 0;
        this.occurrences.set(key, seen + 1);
        if (seen > 0)
            about += ` #${seen + 1}`;
        const finding = {
            ruleId: draft.ruleId,
            severity: draft.severity ?? meta.severity,
            file: this.file,
            line: draft.line,
            message: draft.message,
            fingerprint: fingerprint(draft.ruleId, this.file, about),
        };
        if (draft.column !== undefined)
            finding.column = draft.column;
        if (draft.endLine !== undefined)
            finding.endLine = draft.endLine;
        if (draft.endColumn !== undefined)
            finding.endColumn = draft.endColumn;
        if (draft.showSnippet !== false && lineText.trim())
            finding.snippet = clip(lineText.trim(), 200);
        if (draft.fileLevel)
            finding.fileLevel = true;
        this.findings.push(finding);
    }
}
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./packages/scanner/rules/yaml-nodes.ts
/** Small accessors over `yaml`'s node tree: rules need values and where they are written. */

function pairOf(node, key) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    for (const item of node.items) {
        if ((0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === key) {
            return item;
        }
    }
    return undefined;
}
function get(node, key) {
    return pairOf(node, key)?.value ?? undefined;
}
function getPath(node, path) {
    let here = node;
    for (const key of path) {
        here = get(here, key);
        if (here === undefined)
            return undefined;
    }
    return here;
}
/** Key/value pairs of a mapping, keys as strings. */
function entries(node) {
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const out = [];
    for (const item of node.items) {
        if ((0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key)) {
            out.push({
                key: String(item.key.value),
                keyNode: item.key,
                value: item.value ?? undefined,
            });
        }
    }
    return out;
}
function items(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items.filter((n) => n && typeof n === 'object') : [];
}
/** A scalar's value as a string (numbers and booleans too); undefined for maps, lists, null. */
function str(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
function start(node) {
    return node?.range?.[0];
}
function end(node) {
    return node?.range?.[1];
}


;// CONCATENATED MODULE: ./packages/scanner/rules/agent.ts
/**
 * Agent registry rules (`agent/…`): accountability (owner, purpose, audit), credential hygiene
 * (long-lived, TTL over the AgentPolicy cap), AgentPolicy restrictions, and least privilege
 * measured against the agent's peers of the same type.
 */


/** Access levels from least to most: a higher one includes the lower ones. */
const ACCESS_ORDER = ['read', 'comment', 'write', 'admin'];
function accessRank(access) {
    return ACCESS_ORDER.indexOf(access.toLowerCase());
}
function readAgentPolicy(root, file) {
    if (!(0,dist/* isMap */.jh)(root) || str(get(root, 'kind')) !== 'AgentPolicy')
        return undefined;
    const spec = get(root, 'spec');
    const restrictions = [];
    for (const item of items(get(spec, 'restrictions'))) {
        const target = str(get(item, 'deny')) ?? str(item);
        if (target)
            restrictions.push(target.trim());
    }
    const view = {
        name: str(getPath(root, ['metadata', 'name'])) ?? file,
        file,
        agentTypes: items(get(spec, 'agentTypes'))
            .map((n) => str(n))
            .filter((s) => !!s),
        restrictions,
    };
    const type = str(getPath(spec, ['credentialPolicy', 'type']));
    if (type)
        view.credentialType = type;
    const maxTtl = str(getPath(spec, ['credentialPolicy', 'maxTtl']));
    if (maxTtl) {
        const seconds = durationOrUndefined(maxTtl);
        if (seconds !== undefined) {
            view.maxTtlSeconds = seconds;
            view.maxTtlText = maxTtl;
        }
    }
    return view;
}
function permissionsOf(agent) {
    const out = [];
    for (const item of items(get(agent, 'permissions'))) {
        const explicit = str(get(item, 'resource'));
        if (explicit) {
            out.push({ resource: explicit, access: str(get(item, 'access')) ?? 'read', node: item });
            continue;
        }
        for (const entry of entries(item)) {
            const access = str(entry.value);
            if (access)
                out.push({ resource: entry.key, access, node: item });
        }
    }
    return out;
}
/** `repositories` and `repository` name the same resource. */
function sameResource(a, b) {
    const norm = (s) => s.toLowerCase().replace(/s$/, '');
    return norm(a) === norm(b);
}
/** Does `deny: <target>` forbid this permission? */
function restrictionForbids(target, permission) {
    const t = target.toLowerCase();
    if (t === 'write-access')
        return accessRank(permission.access) >= accessRank('write');
    if (t === 'admin-access')
        return accessRank(permission.access) >= accessRank('admin');
    if (sameResource(t, permission.resource))
        return true;
    if (t.endsWith('-access')) {
        const base = t.slice(0, -'-access'.length);
        const r = permission.resource.toLowerCase();
        return sameResource(base, r) || r.startsWith(`${base}-`);
    }
    return false;
}
function checkRegistry(root, ctx, options) {
    const agentNodes = items(get(root, 'agents')).filter((n) => (0,dist/* isMap */.jh)(n));
    const agents = [];
    for (const node of agentNodes) {
        const name = str(get(node, 'name')) ?? '(unnamed)';
        const agent = { name, node, permissions: permissionsOf(node) };
        const type = str(get(node, 'type'));
        if (type)
            agent.type = type;
        agents.push(agent);
        checkAgent(agent, ctx, options);
    }
    checkPeers(agents, ctx);
}
function span(ctx, node) {
    const line = ctx.position(start(node) ?? 0).line;
    // A node's range ends after its trailing line break; step back onto its last character.
    const endOffset = Math.max(start(node) ?? 0, (end(node) ?? 0) - 1);
    return { line, endLine: Math.max(line, ctx.position(endOffset).line) };
}
function lineOf(ctx, node) {
    return ctx.position(start(node) ?? 0).line;
}
function checkAgent(agent, ctx, options) {
    const { node, name } = agent;
    const whole = span(ctx, node);
    const applicable = options.policies.filter((p) => agent.type && (p.agentTypes.includes(agent.type) || p.agentTypes.includes('*')));
    if (!str(get(node, 'owner'))?.trim()) {
        ctx.emit({
            ruleId: 'agent/missing-owner',
            ...whole,
            message: `Agent '${name}' has no owner. Add \`owner: <team or person>\` to its entry: the credentials action refuses agents nobody is accountable for.`,
            about: `agent ${name} owner`,
        });
    }
    if (!str(get(node, 'purpose'))?.trim()) {
        ctx.emit({
            ruleId: 'agent/missing-purpose',
            ...whole,
            message: `Agent '${name}' has no purpose. Add \`purpose: "<what it does and why it needs access>"\` so audits can check its access against it.`,
            about: `agent ${name} purpose`,
        });
    }
    const audit = pairOf(node, 'audit-level');
    const auditValue = str(audit?.value);
    if (audit && auditValue && auditValue !== 'full') {
        ctx.emit({
            ruleId: 'agent/audit-not-full',
            line: lineOf(ctx, audit.key),
            message: `Agent '${name}' has \`audit-level: ${auditValue}\`: its credential use would not be fully recorded. Set \`audit-level: full\`.`,
            about: `agent ${name} audit-level ${auditValue}`,
        });
    }
    const policyPair = pairOf(node, 'credential-policy');
    if (str(policyPair?.value) === 'long-lived') {
        const requiring = applicable.find((p) => p.credentialType === 'ephemeral' || p.restrictions.includes('long-lived-credentials'));
        ctx.emit({
            ruleId: 'agent/long-lived-credentials',
            line: lineOf(ctx, policyPair?.key),
            message: `Agent '${name}' uses \`credential-policy: long-lived\`${requiring ? `, which AgentPolicy '${requiring.name}' forbids (it requires ephemeral)` : ''}. Set \`credential-policy: ephemeral\` and a \`max-ttl\` (e.g. 1h); the credentials action mints short-lived credentials per job.`,
            about: `agent ${name} long-lived`,
        });
    }
    const ttlPair = pairOf(node, 'max-ttl');
    const ttlText = str(ttlPair?.value);
    const ttl = ttlText ? durationOrUndefined(ttlText) : undefined;
    if (ttlPair && ttl !== undefined) {
        const capped = applicable.filter((p) => p.maxTtlSeconds !== undefined);
        const strictest = capped.sort((a, b) => a.maxTtlSeconds - b.maxTtlSeconds)[0];
        if (strictest && ttl > strictest.maxTtlSeconds) {
            ctx.emit({
                ruleId: 'agent/ttl-over-policy',
                line: lineOf(ctx, ttlPair.key),
                message: `Agent '${name}' has \`max-ttl: ${ttlText}\`, longer than the ${strictest.maxTtlText} \`maxTtl\` of AgentPolicy '${strictest.name}' (${strictest.file}) for type '${agent.type}'. Set \`max-ttl: ${(0,core/* formatDuration */.a3)(strictest.maxTtlSeconds)}\` or less.`,
                about: `agent ${name} max-ttl ${ttlText} over ${strictest.name}`,
            });
        }
    }
    for (const policy of applicable) {
        for (const target of policy.restrictions) {
            if (target === 'long-lived-credentials')
                continue; // reported by agent/long-lived-credentials
            for (const permission of agent.permissions) {
                if (!restrictionForbids(target, permission))
                    continue;
                ctx.emit({
                    ruleId: 'agent/policy-contradiction',
                    line: lineOf(ctx, permission.node),
                    message: `Agent '${name}' declares \`${permission.resource}: ${permission.access}\`, but AgentPolicy '${policy.name}' (${policy.file}) for type '${agent.type}' has \`deny: ${target}\`. Remove the permission${target === 'write-access' ? ' or lower it to `read`' : ''}, or change the agent's type if it really needs it.`,
                    about: `agent ${name} ${permission.resource}:${permission.access} deny ${target}`,
                });
            }
        }
    }
    const sessionPolicy = getPath(node, ['credentials', 'aws', 'session-policy']);
    const sessionFile = str(sessionPolicy);
    const pathProblem = sessionFile ? options.pathProblem?.(sessionFile) : undefined;
    if (sessionFile && pathProblem) {
        // Never read, so nothing of that file (a secret, .git/config's token) reaches a snippet.
        ctx.emit({
            ruleId: 'agent/session-policy-outside',
            line: lineOf(ctx, sessionPolicy),
            message: `Agent '${name}' names the session policy \`${sessionFile}\`, which ${pathProblem}. The actions refuse to read it; commit the IAM policy document inside the repository and name it by its path from the repository root.`,
            about: `agent ${name} session-policy-outside ${sessionFile}`,
        });
    }
    else if (sessionFile && !options.fileExists(sessionFile)) {
        ctx.emit({
            ruleId: 'agent/session-policy-missing',
            line: lineOf(ctx, sessionPolicy),
            message: `Agent '${name}' names the session policy \`${sessionFile}\`, which does not exist. Commit the IAM policy document there or fix the path (it is relative to the repository root).`,
            about: `agent ${name} session-policy ${sessionFile}`,
        });
    }
}
/**
 * "Broader than peers": among agents of the same type (only when there are at least two
 * others), an agent holds a resource no peer holds, or a higher access level on a resource
 * than the highest any peer holds.
 */
function checkPeers(agents, ctx) {
    const byType = new Map();
    for (const agent of agents) {
        if (!agent.type)
            continue;
        const group = byType.get(agent.type) ?? [];
        group.push(agent);
        byType.set(agent.type, group);
    }
    for (const [type, group] of byType) {
        if (group.length < 3)
            continue;
        for (const agent of group) {
            const peers = group.filter((p) => p !== agent);
            const extras = [];
            for (const permission of agent.permissions) {
                const rank = accessRank(permission.access);
                if (rank < 0)
                    continue;
                const held = peers.flatMap((p) => p.permissions.filter((q) => sameResource(q.resource, permission.resource)));
                if (held.length === 0) {
                    extras.push({ text: `\`${permission.resource}: ${permission.access}\``, node: permission.node });
                    continue;
                }
                const peerMax = Math.max(...held.map((q) => accessRank(q.access)));
                if (rank > peerMax) {
                    extras.push({
                        text: `\`${permission.resource}: ${permission.access}\` (peers have at most ${ACCESS_ORDER[peerMax] ?? 'an unknown level'})`,
                        node: permission.node,
                    });
                }
            }
            if (extras.length === 0)
                continue;
            const first = extras[0];
            ctx.emit({
                ruleId: 'agent/broader-than-peers',
                line: lineOf(ctx, first.node),
                endLine: Math.max(...extras.map((e) => span(ctx, e.node).endLine)),
                message: `Agent '${agent.name}' has broader access than similar agents: it has ${extras.map((e) => e.text).join(', ')} that none of its ${peers.length} peers of type '${type}' has. Remove what it does not need, or give it its own type if its job really differs.`,
                about: `agent ${agent.name} broader ${extras.map((e) => e.text).join(',')}`,
            });
        }
    }
}
function durationOrUndefined(text) {
    try {
        return (0,core/* parseDuration */.E9)(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/scanner/rules/gitlab.ts

const SHA = /^[0-9a-f]{40}$/i;
/** A release version: 1, 1.2, 1.2.3, v1.2.3, 1.2.3-rc1. */
const VERSION = /^v?\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.-]+)?$/;
const SELF_COMMIT = /^\$(?:CI_COMMIT_SHA|\{CI_COMMIT_SHA\})$/;
function pinned(ref) {
    // `$CI_COMMIT_SHA` is the pipeline's own commit: a component project testing itself.
    return SHA.test(ref) || VERSION.test(ref) || SELF_COMMIT.test(ref);
}
function checkGitlabCi(root, ctx) {
    if (!(0,dist/* isMap */.jh)(root))
        return;
    const include = get(root, 'include');
    if (!include)
        return;
    const entries = items(include);
    for (const entry of entries.length > 0 ? entries : [include])
        checkInclude(entry, ctx);
}
function checkInclude(entry, ctx) {
    const line = ctx.position(start(entry) ?? 0).line;
    const emit = (message, about) => ctx.emit({ ruleId: 'gitlab/unpinned-include', line, message, about });
    const plain = str(entry);
    if (plain !== undefined) {
        if (/^https?:\/\//i.test(plain)) {
            emit(`\`include: ${plain}\` fetches configuration from a URL whose content can change under you. Use \`include: { remote: '${plain}', integrity: 'sha256-<base64 digest>' }\`, or a project include pinned to a commit SHA.`, `remote ${plain}`);
        }
        return; // a local file
    }
    if (!(0,dist/* isMap */.jh)(entry))
        return;
    const project = str(get(entry, 'project'));
    const component = str(get(entry, 'component'));
    const remote = str(get(entry, 'remote'));
    if (project) {
        const ref = str(get(entry, 'ref'));
        if (!ref) {
            emit(`\`include: project: ${project}\` has no \`ref:\`, so every pipeline runs whatever that project's default branch holds. Pin it: \`ref: <40-hex commit sha>\` (or a release tag).`, `project ${project}`);
        }
        else if (!pinned(ref)) {
            emit(`\`include: project: ${project}\` uses \`ref: ${ref}\`, a branch that can change at any time. Pin it to a commit SHA (or a release tag such as \`v1.2.3\`).`, `project ${project} ref ${ref}`);
        }
    }
    if (component) {
        const at = component.lastIndexOf('@');
        const version = at === -1 ? '' : component.slice(at + 1);
        if (!version || (!pinned(version) && !/^~latest$/.test(version))) {
            emit(`Component \`${component}\` is not pinned to a release: use \`@<version>\` (e.g. \`@1.2.3\`) or a commit SHA, not a branch.`, `component ${component}`);
        }
        else if (version === '~latest') {
            emit(`Component \`${component}\` follows \`~latest\`, so a new release changes your pipeline without review. Pin a version such as \`@1.2.3\`.`, `component ${component}`);
        }
    }
    if (remote && !str(get(entry, 'integrity'))) {
        emit(`\`include: remote: ${remote}\` has no \`integrity:\`, so the fetched file can change under you. Add \`integrity: 'sha256-<base64 digest>'\` (GitLab verifies it) or vendor the file.`, `remote ${remote}`);
    }
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./packages/scanner/rules/iam.ts
/**
 * IAM policy document rules (`iam/…`). JSON is parsed with jsonc-parser, which keeps the offset
 * of every value, so findings point at the offending `Action` or `Resource` element.
 */

/** Cheap content test before parsing: an IAM policy names its version and has statements. */
function looksLikeIamPolicy(text) {
    return text.includes('Statement') && text.includes('2012-10-17');
}
class JsonSyntaxError extends Error {
}
function parseJsonTree(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first)
        throw new JsonSyntaxError(`${(0,main.printParseErrorCode)(first.error)} at offset ${first.offset}`);
    return root;
}
function prop(node, key) {
    if (node?.type !== 'object')
        return undefined;
    for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k?.value === key)
            return v;
    }
    return undefined;
}
/** A string or list of strings, each with the node it was written in. */
function strings(node) {
    if (!node)
        return [];
    if (node.type === 'string')
        return [{ value: String(node.value), node }];
    if (node.type === 'array') {
        return (node.children ?? [])
            .filter((c) => c.type === 'string')
            .map((c) => ({ value: String(c.value), node: c }));
    }
    return [];
}
const READ_ONLY = /^(?:Get|List|Describe|Head|BatchGet|Query|Scan|Search|Lookup|View|Select)/;
function isWriteCapable(action) {
    if (action === '*')
        return true;
    const name = action.split(':')[1] ?? '';
    if (name.includes('*')) {
        // `s3:Get*` stays read-only; `s3:*`, `s3:Put*`, `s3:*Object` may write.
        const prefix = name.slice(0, name.indexOf('*'));
        return !(prefix.length > 0 && READ_ONLY.test(prefix));
    }
    return !READ_ONLY.test(name);
}
function checkIamPolicy(root, ctx, origin) {
    const statementsNode = prop(root, 'Statement');
    const statements = statementsNode?.type === 'array'
        ? (statementsNode.children ?? [])
        : statementsNode
            ? [statementsNode]
            : [];
    const via = origin ? ` (session policy of ${origin})` : '';
    statements.forEach((statement, index) => {
        if (statement.type !== 'object')
            return;
        const effect = prop(statement, 'Effect');
        if (effect?.value !== 'Allow')
            return;
        const sid = prop(statement, 'Sid')?.value;
        const label = typeof sid === 'string' && sid ? `statement '${sid}'` : `statement ${index + 1}`;
        const line = (n) => ctx.position(n.offset);
        const notAction = prop(statement, 'NotAction');
        if (notAction) {
            ctx.emit({
                ruleId: 'iam/notaction-allow',
                line: line(notAction).line,
                message: `${cap(label)}${via} allows everything except its \`NotAction\` list, including actions AWS adds later. List the allowed actions under \`Action\` instead.`,
                about: `${label} NotAction`,
            });
        }
        const actions = strings(prop(statement, 'Action'));
        const resources = strings(prop(statement, 'Resource'));
        const starResource = resources.find((r) => r.value === '*');
        let everything = false;
        for (const action of actions) {
            if (action.value === '*' || action.value === '*:*') {
                everything = true;
                ctx.emit({
                    ruleId: 'iam/wildcard-action',
                    line: line(action.node).line,
                    message: `${cap(label)}${via} allows every action of every AWS service (\`"Action": "${action.value}"\`). List the actions the agent needs, e.g. \`["s3:GetObject", "s3:PutObject"]\`.`,
                    about: `${label} Action ${action.value}`,
                });
            }
            else if (/^[a-z0-9-]+:\*$/i.test(action.value)) {
                ctx.emit({
                    ruleId: 'iam/service-wildcard',
                    line: line(action.node).line,
                    message: `${cap(label)}${via} allows every ${action.value.split(':')[0]} action (\`${action.value}\`), including deletes and permission changes. List the actions needed, e.g. \`${action.value.split(':')[0]}:Get*\` for reads.`,
                    about: `${label} Action ${action.value}`,
                });
            }
        }
        if (!starResource || everything)
            return;
        const escalation = actions.filter((a) => /^(?:iam:(?:PassRole|\*)|sts:(?:AssumeRole|\*)|iam:Pass\*|sts:Assume\*)$/i.test(a.value));
        if (escalation.length > 0) {
            ctx.emit({
                ruleId: 'iam/passrole-wildcard',
                line: line(starResource.node).line,
                message: `${cap(label)}${via} allows ${escalation.map((a) => `\`${a.value}\``).join(', ')} on \`"Resource": "*"\`, so the holder can pass or assume any role. Name the roles: \`"Resource": "arn:aws:iam::<account>:role/<role-name>"\`.`,
                about: `${label} ${escalation.map((a) => a.value).join(',')} Resource *`,
            });
        }
        const writes = actions.filter((a) => isWriteCapable(a.value) && !escalation.includes(a));
        if (writes.length > 0) {
            const shown = writes.slice(0, 4).map((a) => `\`${a.value}\``);
            ctx.emit({
                ruleId: 'iam/wildcard-resource',
                line: line(starResource.node).line,
                message: `${cap(label)}${via} allows ${shown.join(', ')}${writes.length > 4 ? ` and ${writes.length - 4} more` : ''} on \`"Resource": "*"\`: every resource of that kind in the account. Name the resources (ARNs, e.g. \`arn:aws:s3:::my-bucket/*\`).`,
                about: `${label} Resource * ${writes.map((a) => a.value).join(',')}`,
            });
        }
    });
}
function cap(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

;// CONCATENATED MODULE: ./packages/scanner/workflow/model.ts
/**
 * A parsed GitHub Actions workflow or action definition, built from a resolved YAML tree
 * (./yaml.ts: aliases and merge keys already expanded), with the YAML node of every value so
 * rules can report positions. Shapes follow GitHub's "Workflow syntax" and "Metadata syntax"
 * references; anything of an unexpected type is kept as its node and left for rules to judge,
 * never thrown on.
 */

// ---------------------------------------------------------------------------------------------
// Node helpers
function entriesOf(node) {
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const out = [];
    for (const item of node.items) {
        if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
            continue;
        const value = item.value ?? null;
        const entry = { key: String(item.key.value), keyNode: item.key, value };
        const text = scalarText(value);
        if (text !== undefined)
            entry.text = text;
        out.push(entry);
    }
    return out;
}
function entry(node, key) {
    return entriesOf(node).find((e) => e.key === key);
}
function valueAt(node, key) {
    return entry(node, key)?.value;
}
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
function itemsOf(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items.filter((n) => n && typeof n === 'object') : [];
}
// ---------------------------------------------------------------------------------------------
// Shapes
/** A mapping with `on:` and `jobs:` is a workflow wherever it is stored. */
function isWorkflowShape(root) {
    return ((0,dist/* isMap */.jh)(root) && entry(root, 'jobs') !== undefined && (entry(root, 'on') !== undefined || hasTrueKey(root)));
}
/** A mapping with `runs:` and a `name:` or `description:` is an action definition. */
function isActionShape(root) {
    return ((0,dist/* isMap */.jh)(root) &&
        (0,dist/* isMap */.jh)(valueAt(root, 'runs')) &&
        (entry(root, 'name') !== undefined || entry(root, 'description') !== undefined) &&
        entry(root, 'jobs') === undefined);
}
/** YAML 1.1 readers turn an unquoted `on` into `true`; accept that spelling too. */
function hasTrueKey(root) {
    return root.items.some((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && p.key.value === true);
}
// ---------------------------------------------------------------------------------------------
// uses:
const model_SHA = /^[0-9a-f]{40}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
/** Parses `owner/repo[/path]@ref`, `./local`, `docker://image[:tag][@sha256:…]`. */
function parseUses(raw, node, reusableWorkflow = false) {
    const text = raw.trim();
    const base = { raw: text, node, reusableWorkflow };
    if (text.startsWith('./') || text.startsWith('.\\') || text === '.') {
        return { ...base, kind: 'local', pinned: true };
    }
    if (/^docker:\/\//i.test(text)) {
        const image = text.slice('docker://'.length);
        const at = image.indexOf('@');
        const digest = at === -1 ? undefined : image.slice(at + 1);
        const nameTag = at === -1 ? image : image.slice(0, at);
        const slash = nameTag.lastIndexOf('/');
        const colon = nameTag.lastIndexOf(':');
        const tag = colon > slash ? nameTag.slice(colon + 1) : undefined;
        const name = colon > slash ? nameTag.slice(0, colon) : nameTag;
        const pinned = !!digest && /^sha256:[0-9a-f]{64}$/i.test(digest);
        return {
            ...base,
            kind: 'docker',
            image: name,
            ...(tag !== undefined ? { tag } : {}),
            ...(digest !== undefined ? { digest } : {}),
            pinned,
        };
    }
    const at = text.lastIndexOf('@');
    const name = at === -1 ? text : text.slice(0, at);
    const ref = at === -1 ? '' : text.slice(at + 1);
    const parts = name.split('/');
    if (parts.length < 2 || !parts[0] || !parts[1])
        return { ...base, kind: 'invalid', ref, pinned: false };
    const path = parts.slice(2).join('/');
    return {
        ...base,
        kind: 'repository',
        owner: parts[0],
        repo: parts[1],
        ...(path ? { path } : {}),
        ref,
        pinned: model_SHA.test(ref) || SHA256.test(ref),
    };
}
// ---------------------------------------------------------------------------------------------
// permissions:
function readPermissions(node) {
    if (node === null || node === undefined)
        return undefined;
    const scopes = new Map();
    const text = scalarText(node);
    if (text !== undefined) {
        const lower = text.trim().toLowerCase();
        if (lower === 'read-all' || lower === 'write-all')
            return { node, kind: lower, scopes };
        if (text.includes('${{'))
            return { node, kind: 'expression', scopes };
        return { node, kind: 'invalid', scopes };
    }
    if ((0,dist/* isMap */.jh)(node)) {
        for (const e of entriesOf(node)) {
            if (e.value)
                scopes.set(e.key.toLowerCase(), { level: (e.text ?? '').trim().toLowerCase(), node: e.value });
        }
        return { node, kind: 'scopes', scopes };
    }
    if ((0,dist/* isScalar */.jn)(node) && node.value === null)
        return { node, kind: 'scopes', scopes };
    return { node, kind: 'invalid', scopes };
}
function effective(source, declared) {
    return {
        source,
        ...(declared ? { declared } : {}),
        level(scope) {
            if (!declared)
                return 'unknown';
            if (declared.kind === 'write-all')
                return 'write';
            if (declared.kind === 'read-all')
                return 'read';
            if (declared.kind !== 'scopes')
                return 'unknown';
            const got = declared.scopes.get(scope.toLowerCase())?.level;
            if (got === 'read' || got === 'write' || got === 'none')
                return got;
            return 'none';
        },
    };
}
// ---------------------------------------------------------------------------------------------
// Steps and jobs
function readSteps(node, job) {
    return itemsOf(node).map((stepNode, index) => readStep(stepNode, index, job));
}
function readStep(node, index, job) {
    const step = { index, node, with: [], env: [] };
    if (job)
        step.job = job;
    for (const e of entriesOf(node)) {
        switch (e.key) {
            case 'id':
                if (e.text !== undefined)
                    step.id = e.text;
                break;
            case 'name':
                if (e.text !== undefined)
                    step.name = e.text;
                break;
            case 'if':
                step.if = e;
                break;
            case 'uses':
                if (e.text !== undefined && e.value)
                    step.uses = parseUses(e.text, e.value);
                break;
            case 'run':
                step.run = e;
                break;
            case 'shell':
                if (e.text !== undefined)
                    step.shell = e.text;
                break;
            case 'with':
                step.with = entriesOf(e.value);
                break;
            case 'env':
                if ((0,dist/* isMap */.jh)(e.value))
                    step.env = entriesOf(e.value);
                else if (e.text !== undefined)
                    step.envExpression = e;
                break;
            case 'working-directory':
                if (e.text !== undefined)
                    step.workingDirectory = e.text;
                break;
            default:
                break;
        }
    }
    return step;
}
function readJob(e, workflowPermissions, reusableOnly) {
    const node = e.value ?? e.keyNode;
    const job = {
        id: e.key,
        keyNode: e.keyNode,
        node,
        effectivePermissions: effective('default', undefined),
        env: [],
        with: [],
        services: [],
        needs: [],
        steps: [],
    };
    let stepsNode;
    for (const f of entriesOf(node)) {
        switch (f.key) {
            case 'name':
                if (f.text !== undefined)
                    job.name = f.text;
                break;
            case 'if':
                job.if = f;
                break;
            case 'runs-on':
                if (f.value)
                    job.runsOn = f.value;
                break;
            case 'permissions': {
                const p = readPermissions(f.value ?? f.keyNode);
                if (p)
                    job.permissions = p;
                break;
            }
            case 'env':
                if ((0,dist/* isMap */.jh)(f.value))
                    job.env = entriesOf(f.value);
                else if (f.text !== undefined)
                    job.envExpression = f;
                break;
            case 'uses':
                if (f.text !== undefined && f.value)
                    job.uses = parseUses(f.text, f.value, true);
                break;
            case 'with':
                job.with = entriesOf(f.value);
                break;
            case 'secrets':
                if (f.value) {
                    job.secrets = {
                        inherit: (f.text ?? '').trim() === 'inherit',
                        node: f.value,
                        entries: entriesOf(f.value),
                    };
                }
                break;
            case 'strategy': {
                if (f.value) {
                    const matrix = valueAt(f.value, 'matrix');
                    job.strategy = { node: f.value, ...(matrix ? { matrix } : {}) };
                }
                break;
            }
            case 'container':
                if (f.value)
                    job.container = f.value;
                break;
            case 'services':
                job.services = entriesOf(f.value);
                break;
            case 'needs':
                job.needs = f.text !== undefined ? [f.text] : itemsOf(f.value).map(scalarText).filter(isString);
                break;
            case 'environment':
                if (f.value)
                    job.environment = f.value;
                break;
            case 'steps':
                stepsNode = f.value;
                break;
            default:
                break;
        }
    }
    job.effectivePermissions = job.permissions
        ? effective('job', job.permissions)
        : workflowPermissions
            ? effective('workflow', workflowPermissions)
            : effective(reusableOnly ? 'caller' : 'default', undefined);
    job.steps = readSteps(stepsNode, job);
    return job;
}
function isString(x) {
    return x !== undefined;
}
function readTriggers(on) {
    if (!on)
        return [];
    const text = scalarText(on);
    if (text !== undefined)
        return [{ event: text.trim().toLowerCase(), node: on, config: null }];
    if ((0,dist/* isSeq */.oP)(on)) {
        return itemsOf(on)
            .map((n) => ({ event: (scalarText(n) ?? '').trim().toLowerCase(), node: n, config: null }))
            .filter((t) => t.event);
    }
    return entriesOf(on).map((e) => ({ event: e.key.toLowerCase(), node: e.keyNode, config: e.value }));
}
function readInputs(node, source, into) {
    for (const e of entriesOf(node)) {
        const type = scalarText(valueAt(e.value, 'type'))?.toLowerCase();
        into.set(e.key.toLowerCase(), { name: e.key, node: e.keyNode, source, ...(type ? { type } : {}) });
    }
}
/** Reads a workflow from its resolved root mapping (see isWorkflowShape). */
function readWorkflow(root) {
    const onEntry = entry(root, 'on') ?? entriesOfAnyKey(root).find((e) => e.keyValue === true)?.entry;
    const triggers = readTriggers(onEntry?.value);
    const events = new Set(triggers.map((t) => t.event));
    const model = {
        kind: 'workflow',
        root,
        triggers,
        events,
        env: [],
        inputs: new Map(),
        jobs: [],
    };
    if (onEntry)
        model.onNode = onEntry.keyNode;
    const name = scalarText(valueAt(root, 'name'));
    if (name !== undefined)
        model.name = name;
    const perms = entry(root, 'permissions');
    if (perms) {
        const p = readPermissions(perms.value ?? perms.keyNode);
        if (p)
            model.permissions = p;
        model.permissionsKey = perms.keyNode;
    }
    const env = entry(root, 'env');
    if (env && (0,dist/* isMap */.jh)(env.value))
        model.env = entriesOf(env.value);
    else if (env?.text !== undefined)
        model.envExpression = env;
    for (const t of triggers) {
        if (t.event === 'workflow_dispatch' || t.event === 'workflow_call') {
            readInputs(valueAt(t.config, 'inputs'), t.event, model.inputs);
        }
    }
    const reusableOnly = events.size > 0 && [...events].every((e) => e === 'workflow_call');
    const jobs = entry(root, 'jobs');
    if (jobs)
        model.jobsKey = jobs.keyNode;
    model.jobs = entriesOf(jobs?.value).map((e) => readJob(e, model.permissions, reusableOnly));
    return model;
}
function entriesOfAnyKey(root) {
    const out = [];
    for (const item of root.items) {
        if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
            continue;
        out.push({
            keyValue: item.key.value,
            entry: {
                key: String(item.key.value),
                keyNode: item.key,
                value: item.value ?? null,
            },
        });
    }
    return out;
}
/** Reads an action definition (`action.yml`) from its resolved root mapping. */
function readAction(root) {
    const model = { kind: 'action', root, inputs: new Map(), env: [], steps: [] };
    const name = scalarText(valueAt(root, 'name'));
    if (name !== undefined)
        model.name = name;
    const description = scalarText(valueAt(root, 'description'));
    if (description !== undefined)
        model.description = description;
    readInputs(valueAt(root, 'inputs'), 'action', model.inputs);
    const runs = valueAt(root, 'runs');
    if (runs) {
        model.runs = runs;
        const using = scalarText(valueAt(runs, 'using'));
        if (using !== undefined)
            model.using = using.trim().toLowerCase();
        const image = entry(runs, 'image');
        if (image)
            model.image = image;
        model.env = entriesOf(valueAt(runs, 'env'));
        model.steps = readSteps(valueAt(runs, 'steps'));
    }
    return model;
}
/** Every step of a workflow or action, with its job (workflows). */
function allSteps(model) {
    return model.kind === 'action' ? model.steps : model.jobs.flatMap((j) => j.steps);
}

;// CONCATENATED MODULE: ./packages/scanner/workflow/expressions.ts
/**
 * GitHub Actions expressions (`${{ … }}`): a parser for the documented grammar and a taint
 * evaluator that answers "which untrusted values can become this expression's result?".
 *
 * Grammar (docs.github.com, "Evaluate expressions in workflows and actions"): literals (`null`,
 * booleans, numbers, 'strings' with '' as the escaped quote), context access with `.name`,
 * `['name']`, `[expr]` and the `.*` / `[*]` object filter, function calls, parentheses and the
 * operators `!`, `< <= > >=`, `== !=`, `&&`, `||` (that precedence, left-associative). Property
 * and function names are case-insensitive.
 *
 * Taint follows GitHub's value semantics: `a && b` is `a` when `a` is falsy, else `b`, so an
 * untrusted `a` can only ever be returned as a falsy value (empty string, 0, null) and only `b`
 * reaches the result; `a || b` can be either operand; comparisons, `!`, `contains`,
 * `startsWith`, `endsWith`, `hashFiles` and the status functions return booleans or hex digests;
 * `format`, `join`, `toJSON` and `fromJSON` pass their arguments' text through.
 */
/** A syntax error at `offset` (0-based, in the expression text given to the parser). */
class ExpressionSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
/** Bound on nesting so a hostile expression cannot exhaust the stack. */
const MAX_DEPTH = 100;
function tokenize(text) {
    const out = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const start = i;
        if (c === "'") {
            let value = '';
            i++;
            for (;;) {
                if (i >= text.length)
                    throw new ExpressionSyntaxError('unterminated string', start);
                if (text[i] === "'") {
                    if (text[i + 1] === "'") {
                        value += "'";
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                value += text[i];
                i++;
            }
            out.push({ type: 'str', value, start, end: i });
            continue;
        }
        const two = text.slice(i, i + 2);
        if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) {
            out.push({ type: 'punct', value: two, start, end: i + 2 });
            i += 2;
            continue;
        }
        if ('()[].,!<>*'.includes(c)) {
            // `.5` is a number, not a dereference.
            if (c === '.' && /[0-9]/.test(text[i + 1] ?? '') && !/[\w\])*]/.test(prevNonSpace(text, i))) {
                // falls through to number parsing below
            }
            else {
                out.push({ type: 'punct', value: c, start, end: i + 1 });
                i++;
                continue;
            }
        }
        const num = /^(?:0x[0-9a-f]+|0o[0-7]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?Infinity|NaN)/i.exec(text.slice(i));
        if (num && (c !== '-' && c !== '+' ? true : /[\d.I]/.test(text[i + 1] ?? ''))) {
            out.push({ type: 'num', value: Number(num[0]), start, end: i + num[0].length });
            i += num[0].length;
            continue;
        }
        const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
        if (ident) {
            out.push({ type: 'ident', value: ident[0], start, end: i + ident[0].length });
            i += ident[0].length;
            continue;
        }
        throw new ExpressionSyntaxError(`unexpected character '${c}'`, i);
    }
    out.push({ type: 'eof', start: text.length, end: text.length });
    return out;
}
function prevNonSpace(text, i) {
    for (let j = i - 1; j >= 0; j--)
        if (!/\s/.test(text[j]))
            return text[j];
    return '';
}
/** Parses one expression (the text between `${{` and `}}`, or an `if:` condition). */
function parseExpression(text) {
    const tokens = tokenize(text);
    let pos = 0;
    let depth = 0;
    const peek = () => tokens[pos];
    const next = () => tokens[pos++];
    const isPunct = (v) => {
        const t = peek();
        return t.type === 'punct' && t.value === v;
    };
    const expect = (v) => {
        const t = next();
        if (t.type !== 'punct' || t.value !== v)
            throw new ExpressionSyntaxError(`expected '${v}'`, t.start);
        return t;
    };
    const enter = (at) => {
        if (++depth > MAX_DEPTH)
            throw new ExpressionSyntaxError('expression nested too deeply', at);
    };
    const binary = (ops, sub) => () => {
        let left = sub();
        for (;;) {
            const t = peek();
            if (t.type !== 'punct' || !ops.includes(t.value))
                return left;
            next();
            const right = sub();
            left = { kind: 'binary', op: t.value, left, right, start: left.start, end: right.end };
        }
    };
    const primary = () => {
        const t = next();
        if (t.type === 'num')
            return { kind: 'literal', value: t.value, start: t.start, end: t.end };
        if (t.type === 'str')
            return { kind: 'literal', value: t.value, start: t.start, end: t.end };
        if (t.type === 'punct' && t.value === '(') {
            enter(t.start);
            const inner = or();
            const close = expect(')');
            depth--;
            return { ...inner, start: t.start, end: close.end };
        }
        if (t.type === 'ident') {
            const lower = t.value.toLowerCase();
            if (lower === 'true' || lower === 'false')
                return { kind: 'literal', value: lower === 'true', start: t.start, end: t.end };
            if (lower === 'null')
                return { kind: 'literal', value: null, start: t.start, end: t.end };
            if (isPunct('(')) {
                next();
                enter(t.start);
                const args = [];
                if (!isPunct(')')) {
                    args.push(or());
                    while (isPunct(',')) {
                        next();
                        args.push(or());
                    }
                }
                const close = expect(')');
                depth--;
                return { kind: 'call', name: lower, args, start: t.start, end: close.end };
            }
            return { kind: 'context', name: lower, start: t.start, end: t.end };
        }
        throw new ExpressionSyntaxError(t.type === 'eof' ? 'unexpected end of expression' : 'unexpected token', t.start);
    };
    const postfix = () => {
        let e = primary();
        for (;;) {
            if (isPunct('.')) {
                next();
                const t = next();
                if (t.type === 'punct' && t.value === '*')
                    e = { kind: 'star', object: e, start: e.start, end: t.end };
                else if (t.type === 'ident') {
                    e = { kind: 'property', object: e, name: t.value.toLowerCase(), start: e.start, end: t.end };
                }
                else if (t.type === 'num' && Number.isInteger(t.value)) {
                    // `a.0` is not valid GitHub syntax, but be lenient: it can only narrow.
                    e = { kind: 'property', object: e, name: String(t.value), start: e.start, end: t.end };
                }
                else
                    throw new ExpressionSyntaxError("expected a property name after '.'", t.start);
            }
            else if (isPunct('[')) {
                const open = next();
                enter(open.start);
                if (isPunct('*')) {
                    next();
                    const close = expect(']');
                    e = { kind: 'star', object: e, start: e.start, end: close.end };
                }
                else {
                    const index = or();
                    const close = expect(']');
                    e = { kind: 'index', object: e, index, start: e.start, end: close.end };
                }
                depth--;
            }
            else
                return e;
        }
    };
    const unary = () => {
        const t = peek();
        if (t.type === 'punct' && t.value === '!') {
            next();
            enter(t.start);
            const operand = unary();
            depth--;
            return { kind: 'not', operand, start: t.start, end: operand.end };
        }
        return postfix();
    };
    const comparison = binary(['<', '<=', '>', '>='], unary);
    const equality = binary(['==', '!='], comparison);
    const and = binary(['&&'], equality);
    const or = binary(['||'], and);
    const result = or();
    const rest = peek();
    if (rest.type !== 'eof')
        throw new ExpressionSyntaxError('unexpected text after the expression', rest.start);
    return result;
}
/**
 * Every `${{ … }}` in a string, string-literal aware (`'}}'` inside an expression does not end
 * it). An unterminated `${{` yields one expression to the end of the string, so a typo cannot
 * hide a context from the checks.
 */
function extractExpressions(template) {
    const out = [];
    let i = template.indexOf('${{');
    while (i !== -1) {
        const innerStart = i + 3;
        let j = innerStart;
        let inString = false;
        let end = -1;
        while (j < template.length) {
            const c = template[j];
            if (inString) {
                if (c === "'") {
                    if (template[j + 1] === "'")
                        j++;
                    else
                        inString = false;
                }
            }
            else if (c === "'")
                inString = true;
            else if (c === '}' && template[j + 1] === '}') {
                end = j;
                break;
            }
            j++;
        }
        const innerEnd = end === -1 ? template.length : end;
        out.push({
            text: template.slice(innerStart, innerEnd),
            start: i,
            end: end === -1 ? template.length : end + 2,
            innerStart,
        });
        if (end === -1)
            break;
        i = template.indexOf('${{', end + 2);
    }
    return out;
}
/**
 * Leaf names under `github.event` whose text an outsider chooses: GitHub's documented list
 * ("contexts ending in body, default_branch, email, head_ref, label, message, name, page_name,
 * ref, title"), plus login, description and display_title, which the same webhook payloads
 * carry from user input.
 */
const ARBITRARY_LEAVES = new Set([
    'body',
    'default_branch',
    'email',
    'head_ref',
    'base_ref',
    'label',
    'message',
    'name',
    'page_name',
    'ref',
    'title',
    'login',
    'description',
    'display_title',
    'head_branch',
    'text',
    'slug',
    'user_view_type',
    'gravatar_id',
    'node_id',
]);
/** `github.*` outside `github.event` that carry outsider-chosen text. */
const GITHUB_ARBITRARY = new Set(['github.head_ref']);
/**
 * `github.*` contexts that only people with write access can shape (branch and tag names they
 * push): reported, but as less certain than outsider text.
 */
const GITHUB_STRUCTURED = new Set(['github.ref', 'github.ref_name', 'github.base_ref']);
/**
 * `github.*` contexts an outsider cannot shape (numbers, SHAs, names of things the repository
 * owner chose, the runner's own paths). Other `github.*` contexts are treated as untrusted.
 */
const GITHUB_FIXED = new Set([
    'github.action',
    'github.action_path',
    'github.action_ref',
    'github.action_repository',
    'github.action_status',
    'github.actor_id',
    'github.api_url',
    'github.env',
    'github.event_name',
    'github.event_path',
    'github.graphql_url',
    'github.job',
    'github.output',
    'github.path',
    'github.ref_protected',
    'github.ref_type',
    'github.repository',
    'github.repository_id',
    'github.repository_owner',
    'github.repository_owner_id',
    'github.repositoryurl',
    'github.retention_days',
    'github.run_attempt',
    'github.run_id',
    'github.run_number',
    'github.secret_source',
    'github.server_url',
    'github.sha',
    'github.state',
    'github.step_summary',
    'github.token',
    'github.workflow',
    'github.workflow_ref',
    'github.workflow_sha',
    'github.workspace',
    'github.actor',
    'github.triggering_actor',
]);
/** Leaves of `github.event` that are numbers, SHAs, dates or booleans whatever their parent. */
const FIXED_LEAF = /^(?:id|number|sha|head_sha|before|after|.*_at|.*_count|.*_id|count|size|draft|merged|locked|private|fork|site_admin|default|protected|state|action|type|author_association|additions|deletions|changed_files|commits|comments|review_comments|run_number|run_attempt|check_suite_id|workflow_id|installation|distinct|forced|deleted|created)$/;
const STRUCTURED_LEAF = /(?:^|_)url$/;
/**
 * Capability of a lower-cased context path (`['github','event','issue','title']`; `*` for an
 * array element or filter, `?` for a computed key). Undefined when the path is not a `github`
 * context (callers decide for env/matrix/inputs/steps/needs).
 */
function classifyContext(path) {
    if (path[0] !== 'github')
        return undefined;
    const joined = path.join('.');
    if (path.length === 1)
        return 'arbitrary'; // the whole context, e.g. toJSON(github)
    if (path[1] !== 'event') {
        if (GITHUB_ARBITRARY.has(joined))
            return 'arbitrary';
        if (GITHUB_STRUCTURED.has(joined))
            return 'structured';
        if (GITHUB_FIXED.has(joined) || GITHUB_FIXED.has(path.slice(0, 2).join('.')))
            return 'fixed';
        return 'arbitrary';
    }
    if (path.length === 2)
        return 'arbitrary'; // github.event: the whole payload
    // repository_dispatch payloads: whatever the caller sent; workflow_dispatch inputs: whatever
    // someone with write access typed.
    if (path[2] === 'client_payload')
        return 'arbitrary';
    if (path[2] === 'inputs')
        return 'structured';
    const leaf = path[path.length - 1];
    if (leaf === '*' || leaf === '?') {
        // An object or a computed member: it may hold text.
        return 'arbitrary';
    }
    if (ARBITRARY_LEAVES.has(leaf))
        return 'arbitrary';
    if (FIXED_LEAF.test(leaf))
        return 'fixed';
    if (STRUCTURED_LEAF.test(leaf))
        return 'structured';
    // An intermediate object (github.event.issue, github.event.pull_request.head): it holds text.
    if (OBJECT_NODES.has(leaf))
        return 'arbitrary';
    return 'fixed';
}
/** Webhook payload objects that contain outsider-chosen text somewhere below them. */
const OBJECT_NODES = new Set([
    'issue',
    'pull_request',
    'comment',
    'review',
    'review_comment',
    'discussion',
    'answer',
    'head',
    'base',
    'repo',
    'head_commit',
    'commits',
    'commit',
    'author',
    'committer',
    'user',
    'sender',
    'pages',
    'workflow_run',
    'check_run',
    'check_suite',
    'release',
    'milestone',
    'labels',
    'assignee',
    'assignees',
    'pusher',
    'changes',
    'merge_group',
    'inputs',
    'client_payload',
    'repository',
    'organization',
    'deployment',
    'deployment_status',
    'workflow_job',
    'registry_package',
    'package',
    'head_repository',
    'pull_requests',
    'requested_reviewer',
    'requested_team',
    'team',
    'project',
    'project_card',
    'project_column',
    'alert',
    'blocking_issue',
    'forkee',
    'ref',
    'from',
    'to',
]);
/** Functions whose result an argument cannot shape into code: booleans and hashes. */
const OPAQUE_FUNCTIONS = new Set([
    'contains',
    'startswith',
    'endswith',
    'hashfiles',
    'success',
    'always',
    'cancelled',
    'failure',
]);
/**
 * The untrusted values that can become the result of `expression` (the text inside `${{ }}`),
 * each with its offsets in `expression`. Throws ExpressionSyntaxError on invalid syntax (callers
 * treat an unparseable expression as untrusted: fail closed).
 */
function untrustedSources(expression, scope = {}) {
    return dedupe(taintOf(parseExpression(expression), scope));
}
/** As untrustedSources, for an already parsed expression. */
function taintOf(expr, scope = {}) {
    switch (expr.kind) {
        case 'literal':
            return [];
        case 'not':
            return [];
        case 'binary':
            if (expr.op === '&&')
                return taintOf(expr.right, scope);
            if (expr.op === '||')
                return [...taintOf(expr.left, scope), ...taintOf(expr.right, scope)];
            return []; // comparisons are booleans
        case 'call': {
            if (OPAQUE_FUNCTIONS.has(expr.name))
                return [];
            // format, join, toJSON, fromJSON and unknown functions: the result carries the arguments' text.
            return expr.args.flatMap((a) => taintOf(a, scope));
        }
        default: {
            const path = contextPath(expr);
            if (path)
                return taintOfPath(path, expr, scope);
            // A member of a computed value: `fromJSON(x).title`, `(a || b).c`: the base's taint flows.
            const base = baseOf(expr);
            return base ? taintOf(base, scope) : [];
        }
    }
}
function baseOf(expr) {
    if (expr.kind === 'property' || expr.kind === 'index' || expr.kind === 'star')
        return expr.object;
    return undefined;
}
/**
 * The lower-cased path of a context access (`github.event['issue'].title` ->
 * github/event/issue/title), or undefined when the access starts from a call.
 * Numeric indexes and filters become `*`, computed keys `?`.
 */
function contextPath(expr) {
    switch (expr.kind) {
        case 'context':
            return [expr.name];
        case 'property': {
            const base = contextPath(expr.object);
            return base ? [...base, expr.name] : undefined;
        }
        case 'star': {
            const base = contextPath(expr.object);
            return base ? [...base, '*'] : undefined;
        }
        case 'index': {
            const base = contextPath(expr.object);
            if (!base)
                return undefined;
            const i = expr.index;
            if (i.kind === 'literal' && typeof i.value === 'string')
                return [...base, i.value.toLowerCase()];
            if (i.kind === 'literal' && typeof i.value === 'number')
                return [...base, '*'];
            return [...base, '?'];
        }
        default:
            return undefined;
    }
}
function taintOfPath(path, expr, scope) {
    const context = path.join('.');
    const found = scope.lookup?.(path);
    if (found)
        return found.map((s) => ({ ...s, start: expr.start, end: expr.end }));
    const capability = classifyContext(path);
    if (capability && capability !== 'fixed') {
        return [{ context, start: expr.start, end: expr.end, capability, via: [context] }];
    }
    return [];
}
function dedupe(sources) {
    const seen = new Set();
    return sources.filter((s) => {
        const key = `${s.start}:${s.end}:${s.via.join('>')}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Every context path an expression reads, wherever it is (for `if:` analysis and discovery). */
function contextsRead(expr) {
    const out = [];
    const visit = (e) => {
        const path = contextPath(e);
        if (path) {
            out.push({ path, start: e.start, end: e.end });
            if (e.kind === 'index')
                visit(e.index);
            return;
        }
        switch (e.kind) {
            case 'property':
            case 'star':
                visit(e.object);
                break;
            case 'index':
                visit(e.object);
                visit(e.index);
                break;
            case 'call':
                for (const a of e.args)
                    visit(a);
                break;
            case 'not':
                visit(e.operand);
                break;
            case 'binary':
                visit(e.left);
                visit(e.right);
                break;
            default:
                break;
        }
    };
    visit(expr);
    return out;
}

;// CONCATENATED MODULE: ./packages/scanner/workflow/taint.ts
/**
 * Where untrusted values flow inside one workflow or action: the TaintScope for a place (a
 * step, a job, the workflow) that resolves `env.X` through step, job and workflow `env:`,
 * `matrix.X` through `strategy.matrix` (including matrices built by `fromJSON(…)`), and
 * `inputs.X` through the declared inputs; plus `templateSources`, the untrusted values of every
 * `${{ }}` in a string.
 */



/** Input types whose values cannot carry code. */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);
/** Contexts an outsider cannot write (or that this analysis does not follow; see docs/scan.md). */
const TRUSTED_ROOTS = new Set(['secrets', 'vars', 'runner', 'job', 'jobs', 'strategy', 'steps', 'needs']);
const MAX_FLOW_DEPTH = 8;
/**
 * Each `${{ }}` of `text` with the untrusted values that can become its result (offsets of the
 * sources are relative to the expression's inner text). An expression that does not parse but
 * names an untrusted-looking context is returned with `syntaxError` and one source per match.
 */
function templateSources(text, scope) {
    const out = [];
    for (const expression of extractExpressions(text)) {
        try {
            const sources = untrustedSources(expression.text, scope);
            if (sources.length > 0)
                out.push({ expression, sources });
        }
        catch (err) {
            if (!(err instanceof ExpressionSyntaxError))
                throw err;
            const m = /github\s*\.\s*(?:event|head_ref)[\w.[\]'*-]*/i.exec(expression.text);
            if (m) {
                out.push({
                    expression,
                    sources: [
                        {
                            context: m[0].replace(/\s+/g, ''),
                            start: m.index,
                            end: m.index + m[0].length,
                            capability: 'arbitrary',
                            via: [m[0]],
                        },
                    ],
                    syntaxError: err.message,
                });
            }
        }
    }
    return out;
}
/** The taint scope of a step (or of a job's own keys when `step` is omitted). */
function scopeFor(model, job, step, depth = 0) {
    return {
        lookup(path) {
            const root = path[0];
            if (!root)
                return undefined;
            if (TRUSTED_ROOTS.has(root))
                return [];
            if (depth > MAX_FLOW_DEPTH)
                return [];
            if (root === 'env')
                return envFlow(model, job, step, path, depth);
            if (root === 'matrix')
                return job ? matrixFlow(model, job, path, depth) : [];
            if (root === 'inputs')
                return inputFlow(model, path);
            return undefined;
        },
    };
}
/** `env.X`: the step's env, then the job's, then the workflow's (GitHub's precedence). */
function envFlow(model, job, step, path, depth) {
    const levels = [];
    if (step) {
        levels.push({
            entries: step.env,
            ...(step.envExpression ? { expression: step.envExpression } : {}),
            // A step's env may read the job's and the workflow's env, not its own.
            scope: scopeFor(model, job, undefined, depth + 1),
        });
    }
    if (job) {
        levels.push({
            entries: job.env,
            ...(job.envExpression ? { expression: job.envExpression } : {}),
            scope: scopeFor(model, undefined, undefined, depth + 1),
        });
    }
    if (model.kind === 'workflow') {
        levels.push({
            entries: model.env,
            ...(model.envExpression ? { expression: model.envExpression } : {}),
            scope: {
                lookup: (p) => p[0] === 'env' || p[0] === 'matrix'
                    ? []
                    : scopeFor(model, undefined, undefined, depth + 1).lookup?.(p),
            },
        });
    }
    if (path.length === 1) {
        // The whole env object (toJSON(env)): everything any level defines.
        return levels.flatMap((l) => [
            ...l.entries.flatMap((e) => valueFlows(e, l.scope, `env.${e.key}`)),
            ...(l.expression ? valueFlows(l.expression, l.scope, 'env') : []),
        ]);
    }
    const name = path[1];
    for (const level of levels) {
        const found = level.entries.find((e) => e.key.toLowerCase() === name);
        if (found)
            return valueFlows(found, level.scope, `env.${found.key}`);
        if (level.expression)
            return valueFlows(level.expression, level.scope, `env.${path[1]}`);
    }
    return [];
}
function valueFlows(e, scope, via) {
    return nodeFlows(e.value, scope).map((s) => ({ ...s, via: [via, ...s.via] }));
}
/** Untrusted flows of every scalar under a node (a matrix value may be a list or a map). */
function nodeFlows(node, scope, budget = { left: 10_000 }) {
    if (!node || budget.left-- <= 0)
        return [];
    if ((0,dist/* isScalar */.jn)(node)) {
        const text = scalarText(node);
        if (!text?.includes('${{'))
            return [];
        return templateSources(text, scope).flatMap((t) => t.sources.map(({ start: _s, end: _e, ...flow }) => flow));
    }
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((n) => nodeFlows(n, scope, budget));
    if ((0,dist/* isMap */.jh)(node))
        return entriesOf(node).flatMap((e) => nodeFlows(e.value, scope, budget));
    return [];
}
/** `matrix.X`: the values of X in `strategy.matrix`, its `include:`, or a computed matrix. */
function matrixFlow(model, job, path, depth) {
    const matrix = job.strategy?.matrix;
    if (!matrix)
        return [];
    // The matrix may read only workflow-level contexts (github, inputs, vars, needs…).
    const scope = scopeFor(model, undefined, undefined, depth + 1);
    const via = `matrix${path.length > 1 ? `.${path[1]}` : ''}`;
    const tag = (flows) => flows.map((s) => ({ ...s, via: [via, ...s.via] }));
    if ((0,dist/* isScalar */.jn)(matrix))
        return tag(nodeFlows(matrix, scope));
    if (path.length === 1)
        return tag(nodeFlows(matrix, scope));
    const name = path[1];
    const flows = [];
    for (const e of entriesOf(matrix)) {
        const key = e.key.toLowerCase();
        if (key === 'include') {
            if ((0,dist/* isScalar */.jn)(e.value))
                flows.push(...nodeFlows(e.value, scope));
            for (const item of (0,dist/* isSeq */.oP)(e.value) ? e.value.items : []) {
                if ((0,dist/* isScalar */.jn)(item))
                    flows.push(...nodeFlows(item, scope));
                for (const f of entriesOf(item))
                    if (f.key.toLowerCase() === name)
                        flows.push(...nodeFlows(f.value, scope));
            }
        }
        else if (key === name) {
            flows.push(...nodeFlows(e.value, scope));
        }
    }
    return tag(flows);
}
function inputFlow(model, path) {
    const inputs = model.inputs;
    const tag = (name, decl) => decl?.type && SAFE_INPUT_TYPES.has(decl.type)
        ? []
        : [
            {
                context: `inputs.${decl?.name ?? name}`,
                capability: 'structured',
                via: [`inputs.${decl?.name ?? name}`],
            },
        ];
    if (path.length === 1)
        return [...inputs.values()].flatMap((d) => tag(d.name, d));
    const name = path[1];
    const decl = inputs.get(name);
    if (decl)
        return tag(name, decl);
    // An undeclared input: a composite action's caller or a workflow_call/dispatch may still pass it.
    if (model.kind === 'action' || model.events.has('workflow_call') || model.events.has('workflow_dispatch')) {
        return tag(name);
    }
    return [];
}
/** The node of `with.<name>` (case-insensitive, as GitHub matches inputs). */
function withInput(step, name) {
    const lower = name.toLowerCase();
    return step.with.find((e) => e.key.toLowerCase() === lower);
}


;// CONCATENATED MODULE: ./packages/scanner/rules/workflow.ts



/**
 * Action inputs whose value is run as code (JavaScript, shell, PowerShell, Python, jq/yq
 * programs, templates evaluated as code). From CodeQL's `actions` models of code-injection sinks
 * and zizmor's additions; see docs/scan.md#workflowtemplate-injection.
 */
const CODE_INPUTS = new Map([
    ['actions/github-script', ['script']],
    ['azure/cli', ['inlinescript']],
    ['azure/powershell', ['inlinescript']],
    ['appleboy/ssh-action', ['script']],
    ['amadevus/pwsh-script', ['script']],
    ['jannekem/run-python-script-action', ['script']],
    ['cardinalby/js-eval-action', ['expression']],
    ['mikefarah/yq', ['cmd']],
    ['devorbitus/yq-action-output', ['cmd']],
    ['sergeysova/jq-action', ['cmd']],
    ['gautamkrishnar/blog-post-workflow', ['item_exec']],
    ['8398a7/action-slack', ['custom_payload']],
    ['skitionek/notify-microsoft-teams', ['overwrite']],
    ['tibdex/backport', ['body_template', 'head_template', 'labels_template', 'title_template']],
    ['imjohnbo/issue-bot', ['body', 'linked-comments-previous-issue-text', 'linked-comments-new-issue-text']],
    ['roots/issue-closer-action', ['issue-close-message', 'pr-close-message']],
    ['lucasbento/auto-close-issues', ['issue-close-message']],
    ['addnab/docker-run-action', ['run']],
    ['docker/build-push-action', ['context']],
]);
/** Triggers that run with the base repository's secrets and a write token on outsiders' events. */
const DANGEROUS_TRIGGERS = ['pull_request_target', 'workflow_run'];
/** Checkout refs that mean "the pull request's own code". */
const PR_HEAD_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number|github\.event\.pull_request\.number/i;
const WORKSPACE_UPLOAD = /^(?:\.\/?|\.\.\/?|\$\{\{\s*github\.workspace\s*\}\}\/?)$/i;
/** Runs every workflow/action rule on one definition. */
function checkDefinition(model, ctx, options) {
    if (model.kind === 'workflow')
        checkWorkflowModel(model, ctx, options);
    else
        checkActionModel(model, ctx, options);
}
function checkWorkflowModel(model, ctx, options) {
    checkPermissions(model, ctx);
    checkTriggers(model, ctx);
    for (const job of model.jobs) {
        if (job.uses)
            checkUses(job.uses, ctx, options);
        if (job.secrets?.inherit) {
            const usesLine = job.uses ? workflow_lineOf(ctx, job.uses.node) : workflow_lineOf(ctx, job.secrets.node);
            const secretsLine = workflow_lineOf(ctx, job.secrets.node);
            ctx.emit({
                ruleId: 'workflow/secrets-inherit',
                line: Math.min(usesLine, secretsLine),
                endLine: Math.max(usesLine, secretsLine),
                message: `Job '${job.id}' passes every secret of this repository to ${job.uses ? `\`${job.uses.raw}\`` : 'the called workflow'} (\`secrets: inherit\`), including ones it never uses. Pass only what it needs: \`secrets: { NPM_TOKEN: \${{ secrets.NPM_TOKEN }} }\`.`,
                about: `${job.id} secrets: inherit`,
            });
        }
        checkCredentials(valueAt(valueAt(valueAt(job.node, 'container'), 'credentials'), 'password'), `jobs.${job.id}.container`, ctx);
        for (const service of job.services) {
            checkCredentials(valueAt(valueAt(service.value, 'credentials'), 'password'), `jobs.${job.id}.services.${service.key}`, ctx);
        }
        checkSteps(model, job.steps, ctx, options, job);
    }
}
function checkActionModel(model, ctx, options) {
    if (model.image?.value) {
        const text = (model.image.text ?? '').trim();
        if (/^docker:\/\//i.test(text)) {
            const uses = { ...parseDocker(text), node: model.image.value };
            if (!uses.pinned) {
                ctx.emit({
                    ruleId: 'workflow/unpinned-action',
                    line: workflow_lineOf(ctx, model.image.value),
                    message: `\`runs.image: ${text}\` is not pinned to a digest: the image behind a tag can be re-pushed. Use \`image: docker://${uses.image}@sha256:<digest>\` (\`docker buildx imagetools inspect ${text.slice(9)}\` prints it).`,
                    about: `runs.image ${text}`,
                });
            }
        }
    }
    checkSteps(model, model.steps, ctx, options, undefined);
}
function parseDocker(text) {
    const image = text.slice('docker://'.length);
    const at = image.indexOf('@');
    const name = at === -1 ? image : image.slice(0, at);
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    return {
        image: colon > slash ? name.slice(0, colon) : name,
        pinned: at !== -1 && /^sha256:[0-9a-f]{64}$/i.test(image.slice(at + 1)),
    };
}
// ---------------------------------------------------------------------------------------------
// Permissions (zizmor's excessive-permissions semantics)
function checkPermissions(model, ctx) {
    const reusableOnly = model.events.size > 0 && [...model.events].every((e) => e === 'workflow_call');
    const everyJobOverrides = model.jobs.length > 0 && model.jobs.every((j) => j.permissions);
    const top = model.permissions;
    if (top) {
        checkBasePermissions(top, ctx, 'the workflow');
        // A workflow-level grant reaches every job that does not override it.
        if (top.kind === 'scopes' && !everyJobOverrides) {
            for (const [scope, { level, node }] of top.scopes) {
                if (level !== 'write')
                    continue;
                if (scope === 'id-token') {
                    ctx.emit({
                        ruleId: 'workflow/id-token-workflow-wide',
                        line: workflow_lineOf(ctx, node),
                        message: '`id-token: write` at the workflow level lets every job (and every action in it) mint OIDC tokens for your cloud roles. Move it into the `permissions:` of the jobs that request credentials.',
                        about: 'id-token: write (workflow level)',
                    });
                }
                else if (model.jobs.length > 1 && !reusableOnly) {
                    ctx.emit({
                        ruleId: 'workflow/workflow-wide-write',
                        line: workflow_lineOf(ctx, node),
                        message: `\`${scope}: write\` at the workflow level gives it to every job that does not set its own \`permissions:\`. Keep \`permissions: { contents: read }\` at the top and grant \`${scope}: write\` only in the job that needs it.`,
                        about: `${scope}: write (workflow level)`,
                    });
                }
            }
        }
    }
    else {
        for (const job of model.jobs) {
            if (job.permissions)
                continue;
            // A reusable workflow's own jobs run with the caller's token: the caller decides. Its
            // calls to other reusable workflows still pass a token on, so they are reported.
            if (reusableOnly && !job.uses)
                continue;
            ctx.emit({
                ruleId: 'workflow/missing-permissions',
                line: workflow_lineOf(ctx, job.keyNode),
                message: `Job '${job.id}' has no \`permissions:\` and the workflow has none either: its GITHUB_TOKEN gets the repository or organisation default, possibly write access to everything${job.uses ? ', and the reusable workflow it calls gets the same' : ''}. Add \`permissions: { contents: read }\` at the top of the workflow and grant more only in the jobs that need it.`,
                about: `missing-permissions ${job.id}`,
                fileLevel: true,
            });
        }
    }
    for (const job of model.jobs) {
        if (job.permissions)
            checkBasePermissions(job.permissions, ctx, `job '${job.id}'`);
    }
}
function checkBasePermissions(p, ctx, who) {
    if (p.kind === 'write-all') {
        ctx.emit({
            ruleId: 'workflow/write-all',
            line: workflow_lineOf(ctx, p.node),
            message: `\`permissions: write-all\` gives ${who}'s GITHUB_TOKEN write access to every scope. List only what it needs, e.g. \`permissions: { contents: read, pull-requests: write }\`.`,
        });
    }
    else if (p.kind === 'read-all') {
        ctx.emit({
            ruleId: 'workflow/read-all',
            line: workflow_lineOf(ctx, p.node),
            message: `\`permissions: read-all\` lets ${who}'s GITHUB_TOKEN read every scope (actions, security events, packages, deployments…). List only what it needs, usually \`permissions: { contents: read }\`.`,
        });
    }
}
// ---------------------------------------------------------------------------------------------
// Triggers
function checkTriggers(model, ctx) {
    for (const trigger of model.triggers) {
        if (!DANGEROUS_TRIGGERS.includes(trigger.event))
            continue;
        const line = workflow_lineOf(ctx, model.onNode ?? trigger.node);
        ctx.emit({
            ruleId: 'workflow/dangerous-trigger',
            line,
            endLine: Math.max(line, workflow_lineOf(ctx, trigger.node)),
            message: `\`${trigger.event}\` runs in the base repository with its secrets and a write token, on events outsiders can cause; it is almost always used insecurely. Prefer \`pull_request\`; if you need this trigger, never check out or run the pull request's code in it, keep \`permissions:\` minimal and gate jobs on \`github.event.pull_request.head.repo.full_name == github.repository\` or a label set by a maintainer.`,
            about: `trigger ${trigger.event}`,
        });
    }
}
// ---------------------------------------------------------------------------------------------
// Steps
function checkSteps(model, steps, ctx, options, job) {
    const uploadsWorkspace = steps.map((s) => isWorkspaceUpload(s));
    for (const step of steps) {
        const scope = scopeFor(model, job, step);
        if (step.uses)
            checkUses(step.uses, ctx, options);
        if (step.run?.value && step.run.text !== undefined) {
            reportInjection(templateSources(step.run.text, scope), step.run.value, 'the `run:` script', ctx, 'run');
        }
        if (step.uses?.kind === 'repository') {
            const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
            for (const input of CODE_INPUTS.get(name) ?? []) {
                const e = withInput(step, input);
                if (!e?.value || e.text === undefined)
                    continue;
                const kind = name === 'actions/github-script' ? 'js' : 'input';
                reportInjection(templateSources(e.text, scope), e.value, `the \`${e.key}:\` input of ${name}, which runs it as code`, ctx, kind);
            }
            if (name === 'actions/checkout') {
                checkPersistedCredentials(step, steps, uploadsWorkspace, ctx);
                if (model.kind === 'workflow')
                    checkUntrustedCheckout(model, step, ctx);
            }
        }
    }
}
function isWorkspaceUpload(step) {
    if (step.uses?.kind !== 'repository')
        return false;
    if (`${step.uses.owner}/${step.uses.repo}`.toLowerCase() !== 'actions/upload-artifact')
        return false;
    const path = withInput(step, 'path')?.text ?? '';
    return path
        .split(/\r?\n/)
        .map((p) => p.trim())
        .some((p) => WORKSPACE_UPLOAD.test(p));
}
function checkPersistedCredentials(step, steps, uploadsWorkspace, ctx) {
    const persist = withInput(step, 'persist-credentials');
    const value = (persist?.text ?? '').trim().toLowerCase();
    if (value === 'false')
        return;
    // `persist-credentials: true` written out is a deliberate choice (a later step pushes).
    if (value === 'true')
        return;
    const upload = steps.find((_s, i) => i > step.index && uploadsWorkspace[i]);
    const line = workflow_lineOf(ctx, step.node);
    const draft = {
        ruleId: 'workflow/persisted-credentials',
        line,
        endLine: Math.max(line, workflow_lineOf(ctx, step.uses.node)),
        message: `\`${step.uses.raw}\` keeps the job's GITHUB_TOKEN in .git/config for every later step (\`persist-credentials\` defaults to true)${upload ? `, and the upload at line ${workflow_lineOf(ctx, upload.node)} publishes the workspace with it` : ''}. Add \`with: { persist-credentials: false }\`; a step that must push can set \`persist-credentials: true\` deliberately.`,
        about: `persist-credentials ${step.uses.raw}`,
    };
    ctx.emit(upload ? { ...draft, severity: 'error' } : draft);
}
function checkUntrustedCheckout(model, step, ctx) {
    const trigger = DANGEROUS_TRIGGERS.find((t) => model.events.has(t));
    if (!trigger)
        return;
    for (const key of ['ref', 'repository']) {
        const e = withInput(step, key);
        const text = e?.text;
        if (!e?.value || !text || !PR_HEAD_REF.test(text))
            continue;
        ctx.emit({
            ruleId: 'workflow/untrusted-checkout',
            line: workflow_lineOf(ctx, e.value),
            message: `This \`${trigger}\` workflow checks out the pull request head (\`${key}: ${text.trim()}\`) and runs with the base repository's secrets and a write token. Use \`on: pull_request\` for code from forks, or keep this trigger and never check out or run the head's code (split into an unprivileged \`pull_request\` workflow plus a privileged \`workflow_run\` that only reads its artifacts).`,
            about: `${trigger} ${key}: ${text}`,
        });
    }
}
// ---------------------------------------------------------------------------------------------
// Pinning (zizmor's unpinned-uses with its default policy: everything hash-pinned)
function checkUses(uses, ctx, options) {
    if (uses.kind === 'local' || uses.pinned)
        return;
    const line = workflow_lineOf(ctx, uses.node);
    if (uses.kind === 'docker') {
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            message: `Pin the container image to a digest: \`uses: docker://${uses.image}@sha256:<digest>\` (\`docker buildx imagetools inspect ${uses.raw.slice(9)}\` prints it); a tag can be re-pushed.`,
            about: uses.raw,
        });
        return;
    }
    if (uses.kind === 'invalid')
        return;
    const { policy, rule } = pinningPolicyFor(uses, options.pinning);
    const name = `${uses.owner}/${uses.repo}${uses.path ? `/${uses.path}` : ''}`;
    const repo = `${uses.owner}/${uses.repo}`;
    const what = uses.reusableWorkflow ? 'reusable workflow' : 'action';
    const accepted = rule
        ? ` Accepted by ${rule.origin} (\`${rule.uses}\`: ${rule.policy}): ${rule.reason}.`
        : '';
    if (uses.ref && (policy === 'ref-pin' || policy === 'any')) {
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            severity: 'note',
            message: `\`${uses.raw}\` is pinned by tag or branch, not by commit.${accepted}`,
            about: uses.raw,
        });
        return;
    }
    if (!uses.ref && policy === 'any') {
        ctx.emit({
            ruleId: 'workflow/unpinned-action',
            line,
            severity: 'note',
            message: `\`${uses.raw}\` has no version and runs whatever its default branch holds.${accepted}`,
            about: uses.raw,
        });
        return;
    }
    const why = rule
        ? ` (${rule.origin} requires ${rule.policy} for \`${rule.uses}\`: ${rule.reason})`
        : " (the default policy, as zizmor's: every remote action and reusable workflow pinned to a commit; relax it per owner in .astl/scan.yaml `pinning.policies` with a reason)";
    ctx.emit({
        ruleId: 'workflow/unpinned-action',
        line,
        message: uses.ref
            ? `Pin the ${what} \`${name}\` to a full commit SHA instead of \`@${uses.ref}\`: \`uses: ${name}@<40-hex sha> # ${uses.ref}\` (\`git ls-remote https://github.com/${repo} ${uses.ref}\` prints it; Dependabot keeps such pins up to date)${why}.`
            : `The ${what} \`${name}\` has no version at all and runs whatever its default branch holds: pin it to a full commit SHA, \`uses: ${name}@<40-hex sha> # vX.Y.Z\`${why}.`,
        about: uses.raw,
    });
}
// ---------------------------------------------------------------------------------------------
// Template injection
function reportInjection(found, node, where, ctx, kind) {
    if (found.length === 0)
        return;
    const value = scalarText(node) ?? '';
    const range = node.range;
    const raw = range ? ctx.text.slice(range[0], range[1]) : '';
    const rawExpressions = locateInRaw(value, raw, found);
    found.forEach((f, i) => {
        const rawAt = rawExpressions[i];
        for (const source of f.sources) {
            let offset = range?.[0] ?? 0;
            if (rawAt !== undefined && range) {
                // The context's own position when the raw text holds the expression unchanged.
                const rawInner = raw.slice(rawAt + 3, rawAt + 3 + f.expression.text.length);
                offset = range[0] + rawAt + (rawInner === f.expression.text ? 3 + source.start : 0);
            }
            const { line, column } = ctx.position(offset);
            const expr = `\${{ ${f.expression.text.trim()} }}`;
            const chain = source.via.length > 1 ? ` (${source.via.join(' ← ')})` : '';
            const direct = source.via.length === 1;
            const variable = envName(source.via[0] ?? source.context);
            const fix = fixFor(kind, direct, source.via[0] ?? source.context, variable);
            const certain = source.capability === 'arbitrary';
            ctx.emit({
                ruleId: 'workflow/template-injection',
                line,
                column,
                ...(certain ? {} : { severity: 'warning' }),
                message: `\`${expr}\` can expand to ${certain ? 'attacker-controlled' : 'caller- or collaborator-controlled'} text from \`${source.context}\`${chain}, pasted into ${where} before it runs, so a crafted value executes as code${f.syntaxError ? ` (the expression does not parse: ${f.syntaxError}; treated as untrusted)` : ''}. ${fix}`,
                about: `${where} ${expr} ${source.context}`,
            });
        }
    });
}
function fixFor(kind, direct, context, variable) {
    const envRef = context.startsWith('env.') ? '' : ` \`env: { ${variable}: \${{ ${context} }} }\` and`;
    if (kind === 'run') {
        return `Pass it through the environment instead:${envRef} use "$${direct && context.startsWith('env.') ? context.slice(4) : variable}" in the script (quoted).`;
    }
    if (kind === 'js') {
        return `Pass it through the environment instead:${envRef} read \`process.env.${context.startsWith('env.') ? context.slice(4) : variable}\` in the script.`;
    }
    return `Pass it through the environment instead:${envRef} read the variable from the code, never from a \`\${{ }}\` inside it.`;
}
/** Offsets in `raw` (the YAML source of the value) of each found expression's `${{`. */
function locateInRaw(value, raw, found) {
    if (!raw.includes('${{'))
        return found.map(() => undefined);
    const starts = [];
    for (let i = raw.indexOf('${{'); i !== -1; i = raw.indexOf('${{', i + 3))
        starts.push(i);
    const valueStarts = [];
    for (let i = value.indexOf('${{'); i !== -1; i = value.indexOf('${{', i + 3))
        valueStarts.push(i);
    return found.map((f) => {
        const k = valueStarts.indexOf(f.expression.start);
        return k !== -1 && starts.length === valueStarts.length ? starts[k] : undefined;
    });
}
function envName(context) {
    const parts = context.replace(/^env\./, '').split('.');
    const last = parts.slice(-2).join('_');
    return last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}
// ---------------------------------------------------------------------------------------------
function checkCredentials(password, where, ctx) {
    const value = scalarText(password);
    if (!password || !value || value.includes('${{'))
        return;
    ctx.emit({
        ruleId: 'workflow/hardcoded-container-credentials',
        line: workflow_lineOf(ctx, password),
        message: `\`${where}.credentials.password\` is written in the workflow. Store it as a secret and reference it: \`password: \${{ secrets.REGISTRY_PASSWORD }}\`, and rotate the exposed one.`,
        about: `${where}.credentials.password`,
        showSnippet: false,
    });
}
function workflow_lineOf(ctx, node) {
    return ctx.position(node?.range?.[0] ?? 0).line;
}


// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
// EXTERNAL MODULE: ./packages/core/errors.ts
var errors = __webpack_require__(425);
;// CONCATENATED MODULE: ./packages/scanner/secrets/custom.ts
/**
 * User-defined secret patterns (the equivalent of secretlint's `@secretlint/secretlint-rule-pattern`):
 * an organisation's own token formats, or whole files that must never be committed (`**\/*.env`).
 * Patterns use RE2 syntax and run on re2js, so a user's pattern cannot stall the scan either.
 */


const CUSTOM_RULE_ID = 'secret/custom-pattern';
/** `/source/flags` or a bare source, to an RE2 pattern. */
function compileUserPattern(spec, what) {
    let source = spec;
    let flags = 0;
    const slash = spec.lastIndexOf('/');
    if (spec.length > 2 && spec.startsWith('/') && slash > 0) {
        source = spec.slice(1, slash);
        const letters = spec.slice(slash + 1);
        if (/[^gimsuy]/.test(letters) || letters.length > 6)
            throw new errors/* AstlError */.Ht(`${what}: unknown regular expression flags "${letters}".`, {
                code: 'CONFIG_INVALID',
                hint: 'Use the flags i (ignore case), m (multi-line) or s (dot matches newline).',
            });
        if (letters.includes('i'))
            flags |= build/* RE2JS */.L3.CASE_INSENSITIVE;
        if (letters.includes('m'))
            flags |= build/* RE2JS */.L3.MULTILINE;
        if (letters.includes('s'))
            flags |= build/* RE2JS */.L3.DOTALL;
    }
    try {
        return build/* RE2JS */.L3.compile(source, flags);
    }
    catch (err) {
        throw new errors/* AstlError */.Ht(`${what}: "${spec}" is not a valid RE2 regular expression (${err.message}).`, {
            code: 'CONFIG_INVALID',
            hint: 'Patterns use RE2 syntax, which has no look-arounds or back-references; see https://github.com/google/re2/wiki/Syntax.',
            cause: err,
        });
    }
}
/** Glob to RE2: `**\/` any directories, `*` within a segment, `?` one character. */
function globToRe2(glob) {
    let out = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            if (glob[i + 2] === '/') {
                out += '(?:.*/)?';
                i += 2;
            }
            else {
                out += '.*';
                i += 1;
            }
        }
        else if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else
            out += build/* RE2JS */.L3.quote(c);
    }
    return build/* RE2JS */.L3.compile(out);
}
function compileAllowList(entries, what) {
    const exact = new Set();
    const patterns = [];
    for (const entry of entries) {
        if (entry.length > 2 && entry.startsWith('/') && entry.lastIndexOf('/') > 0)
            patterns.push(compileUserPattern(entry, what));
        else
            exact.add(entry);
    }
    return (value, reported) => exact.has(value) || exact.has(reported) || patterns.some((p) => p.test(value) || p.test(reported));
}
function compileCustomPatterns(specs) {
    return specs.map((spec, index) => {
        const what = `customPatterns[${index}] ("${spec.name}")`;
        const sources = [...(spec.pattern === undefined ? [] : [spec.pattern]), ...(spec.patterns ?? [])];
        const globs = spec.filePathGlobs ?? [];
        if (sources.length === 0 && globs.length === 0)
            throw new errors/* AstlError */.Ht(`${what} has neither a pattern nor filePathGlobs.`, {
                code: 'CONFIG_INVALID',
                hint: 'Give `pattern` (a regular expression) and/or `filePathGlobs` (files that must not be committed).',
            });
        return {
            name: spec.name,
            regexes: sources.map((s) => compileUserPattern(s, what)),
            include: globs.filter((g) => !g.startsWith('!')).map(globToRe2),
            exclude: globs.filter((g) => g.startsWith('!')).map((g) => globToRe2(g.slice(1))),
            allowed: compileAllowList(spec.allow ?? [], what),
        };
    });
}
function appliesTo(p, file) {
    const path = file.replaceAll('\\', '/');
    if (p.include.length > 0 && !p.include.some((g) => g.testExact(path)))
        return false;
    return !p.exclude.some((g) => g.testExact(path));
}
const MAX_HITS_PER_PATTERN = 1000;
function runCustomPatterns(patterns, text, file) {
    const hits = [];
    for (const p of patterns) {
        if (!appliesTo(p, file))
            continue;
        if (p.regexes.length === 0) {
            // A file that must not be committed at all: report its first line.
            const lineEnd = text.indexOf('\n');
            const end = lineEnd === -1 ? text.length : lineEnd;
            hits.push({
                ruleId: CUSTOM_RULE_ID,
                start: 0,
                end,
                secretStart: 0,
                secretEnd: end,
                secret: text,
                what: `file matching the custom secret pattern "${p.name}"`,
            });
            continue;
        }
        for (const re of p.regexes) {
            let count = 0;
            for (const m of re.matchAll(text)) {
                const whole = m[0] ?? '';
                if (whole.length === 0)
                    continue;
                const start = m.index ?? 0;
                const group = m.slice(1).find((g) => g !== undefined && g.length > 0);
                const offset = group === undefined ? 0 : Math.max(0, whole.indexOf(group));
                const secret = group ?? whole;
                if (p.allowed(secret, whole))
                    continue;
                hits.push({
                    ruleId: CUSTOM_RULE_ID,
                    start,
                    end: start + whole.length,
                    secretStart: start + offset,
                    secretEnd: start + offset + secret.length,
                    secret,
                    what: `value matching the custom secret pattern "${p.name}"`,
                });
                if (++count >= MAX_HITS_PER_PATTERN)
                    break;
            }
        }
    }
    return hits;
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/text.ts
/**
 * Small text helpers for the secret detector: entropy, placeholder recognition, character
 * classes, offsets to line/column, and redaction. Nothing here runs a regular expression over
 * caller-controlled input; the detectors do that with re2js.
 */
/** Shannon entropy in bits per character (UTF-16 code units). */
function shannonEntropy(value) {
    if (value.length === 0)
        return 0;
    const counts = new Map();
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / value.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
function isAsciiLetter(code) {
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isDigit(code) {
    return code >= 48 && code <= 57;
}
function isAsciiAlnum(code) {
    return isAsciiLetter(code) || isDigit(code);
}
/** A letter in any script (the `\p{L}` of secretlint's look-behinds), without a regex. */
function isLetterChar(ch) {
    if (ch === undefined || ch === '')
        return false;
    const code = ch.charCodeAt(0);
    if (code < 128)
        return isAsciiLetter(code);
    return ch.toLowerCase() !== ch.toUpperCase();
}
function violatesBoundary(ch, boundary) {
    if (ch === undefined || ch === '' || boundary === 'none')
        return false;
    const code = ch.charCodeAt(0);
    switch (boundary) {
        case 'letter':
            return isLetterChar(ch);
        case 'alnum':
            return isAsciiAlnum(code);
        case 'word':
            return isAsciiAlnum(code) || code === 95;
    }
}
function hasDigit(value) {
    for (let i = 0; i < value.length; i++)
        if (isDigit(value.charCodeAt(i)))
            return true;
    return false;
}
function hasLetter(value) {
    for (let i = 0; i < value.length; i++)
        if (isAsciiLetter(value.charCodeAt(i)))
            return true;
    return false;
}
function hasWhitespace(value) {
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13)
            return true;
    }
    return false;
}
/** True when every character is the same one (`xxxx`, `0000`, `****`). */
function isRepetitive(value) {
    for (let i = 1; i < value.length; i++)
        if (value[i] !== value[0])
            return false;
    return true;
}
/** Words that mark a value as a placeholder or documentation, not a credential. */
const PLACEHOLDER_WORDS = [
    'example',
    'placeholder',
    'changeme',
    'change_me',
    'change-me',
    'dummy',
    'sample',
    'your_',
    'your-',
    'yourtoken',
    'yourpassword',
    'xxxx',
    '****',
    '....',
    '<',
    '>',
    'redacted',
    'insert',
    'replace',
    'todo',
    'fixme',
    'notreal',
    'not_real',
    'not-a-real',
    'fake',
];
/**
 * A reference to a value held elsewhere rather than the value itself: `${VAR}`, `${{ secrets.X }}`,
 * `$(cmd)`, `$VAR`, `{{ var }}`, `{var}`, `%VAR%`, `#{var}`.
 */
function isReference(value) {
    if (value.startsWith('$'))
        return true;
    if (value.includes('${') || value.includes('$(') || value.includes('{{') || value.includes('#{'))
        return true;
    if (value.startsWith('{') && value.endsWith('}'))
        return true;
    if (value.length > 2 && value.startsWith('%') && value.endsWith('%'))
        return true;
    return false;
}
/** Placeholder, template, or documentation value (case-insensitive word check plus references). */
function isPlaceholder(value) {
    if (isReference(value))
        return true;
    if (isRepetitive(value))
        return true;
    const lower = value.toLowerCase();
    for (const word of PLACEHOLDER_WORDS)
        if (lower.includes(word))
            return true;
    return false;
}
/** Offsets to 1-based line and column, built once per text on first use. */
class text_LineIndex {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    lineStarts() {
        if (this.starts)
            return this.starts;
        const starts = [0];
        let i = this.text.indexOf('\n');
        while (i !== -1) {
            starts.push(i + 1);
            i = this.text.indexOf('\n', i + 1);
        }
        this.starts = starts;
        return starts;
    }
    /** 1-based line and column of a 0-based offset. */
    position(offset) {
        const starts = this.lineStarts();
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    }
    /** [start, end) offsets of a 1-based line, without its line break. */
    lineBounds(line) {
        const starts = this.lineStarts();
        const start = starts[line - 1] ?? this.text.length;
        let end = line < starts.length ? (starts[line] ?? this.text.length) - 1 : this.text.length;
        if (end > start && this.text.charCodeAt(end - 1) === 13)
            end--;
        return [start, Math.max(start, end)];
    }
}
/** The visible part of a redacted secret: up to 4 leading characters (fewer for short values). */
function redactedForm(secret) {
    const keep = Math.min(4, Math.floor(secret.length / 3));
    return `${secret.slice(0, keep)}***`;
}
const SNIPPET_CONTEXT = 60;
/**
 * The line holding `[from, to)`, every secret span on it redacted, cut to a window around the
 * finding so that a 5 MB minified line does not become a 5 MB snippet.
 */
function redactedSnippet(text, lineStart, lineEnd, focus, secretsIn) {
    const from = Math.max(lineStart, focus - SNIPPET_CONTEXT);
    let to = Math.min(lineEnd, focus + SNIPPET_CONTEXT * 3);
    const secrets = secretsIn(from, to);
    // Do not cut inside a secret: a cut secret could leave more than 4 characters visible.
    for (const s of secrets)
        if (s.start < to && s.end > to)
            to = Math.min(lineEnd, s.end);
    const spans = secrets.filter((s) => s.start < to && s.end > from).sort((a, b) => a.start - b.start);
    let out = '';
    let cursor = from;
    for (const s of spans) {
        if (s.start >= cursor) {
            out += text.slice(cursor, s.start);
            out += redactedForm(text.slice(s.start, s.end));
        }
        else if (s.end > cursor) {
            out += '***';
        }
        cursor = Math.max(cursor, s.end);
    }
    if (cursor < to)
        out += text.slice(cursor, to);
    return (from > lineStart ? '…' : '') + out + (to < lineEnd ? '…' : '');
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/detectors.ts
/**
 * The detectors behind the secret rules. Every token shape is an re2js (linear-time) pattern
 * run on a bounded window that starts at a literal anchor (`ghp_`, `AKIA`, `-----BEGIN`, ...), so
 * the cost per anchor is bounded and a file costs O(length): no input can stall the scan.
 *
 * Finding the anchors is the only pass over the whole text. It uses one native RegExp built
 * from escaped literals joined by `|` (no quantifiers, no classes: nothing that can backtrack),
 * because V8 finds literal alternatives ~200x faster than re2js (measured: 22 ms vs 4.9 s for
 * 5 MB and 72 anchors). Every pattern with quantifiers runs on re2js, on windows the anchors
 * bound.
 */


/** The next `\n` at or after `from` (or text.length), cached so that repeated calls stay linear. */
function newlineAfter(ctx, from) {
    if (ctx.nextNewline < from) {
        const i = ctx.text.indexOf('\n', from);
        ctx.nextNewline = i === -1 ? ctx.text.length : i;
    }
    return ctx.nextNewline;
}
function continuesToken(code, cls) {
    switch (cls) {
        case 'word':
            return isAsciiAlnum(code) || code === 95;
        case 'alnum':
            return isAsciiAlnum(code);
        case 'alpha':
            return isAsciiLetter(code);
        case 'hex':
            return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
        case 'tok':
            return isAsciiAlnum(code) || code === 95 || code === 45;
        case 'tokdot':
            return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46;
        case 'azure':
            return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46 || code === 126;
        case 'b64':
            return isAsciiAlnum(code) || code === 43 || code === 47 || code === 61;
        case 'b64u':
            return isAsciiAlnum(code) || code === 43 || code === 47 || code === 61 || code === 95 || code === 45;
        case 'url':
            return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46 || code === 58 || code === 47;
        case 'none':
            return false;
    }
}
function anchored(pattern, flags = 0) {
    return build/* RE2JS */.L3.compile(`^(?:${pattern})`, flags);
}
/** Whether every character of class `inner` belongs to class `outer` (for the too-long shortcut). */
function classWithin(inner, outer) {
    const order = {
        alpha: ['alpha', 'alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
        hex: ['hex', 'alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
        alnum: ['alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
        word: ['word', 'tok', 'tokdot', 'azure', 'b64u', 'url'],
        tok: ['tok', 'tokdot', 'azure', 'b64u', 'url'],
        tokdot: ['tokdot', 'azure'],
        azure: ['azure'],
        b64: ['b64', 'b64u'],
        b64u: ['b64u'],
        url: ['url'],
        none: [],
    };
    return order[inner].includes(outer);
}
let nextHandlerSlot = 0;
function tokenHandler(spec) {
    const shapes = spec.shapes.map((s) => ({ re: anchored(s.pattern), what: s.what }));
    const allow = new Set(spec.builtinAllow ?? []);
    const tooLongRejects = classWithin(spec.run, spec.after);
    const slot = nextHandlerSlot++;
    return (ctx, anchorAt) => {
        const { text } = ctx;
        const at = anchorAt - (spec.anchorOffset ?? 0);
        if (at < 0)
            return;
        // One look per run of token characters: an anchor inside a run already examined by this
        // rule (`ghp_ghp_ghp_...`) starts no new search, which keeps dense anchors linear.
        if (at < (ctx.examinedUntil[slot] ?? 0))
            return;
        if (violatesBoundary(text[at - 1], spec.before))
            return;
        let runEnd = at;
        const limit = Math.min(text.length, at + spec.maxLength + 1);
        while (runEnd < limit && continuesToken(text.charCodeAt(runEnd), spec.run))
            runEnd++;
        ctx.examinedUntil[slot] = runEnd;
        const run = runEnd - at;
        if (run < spec.minLength)
            return;
        if (run > spec.maxLength && tooLongRejects)
            return;
        const window = text.slice(at, runEnd);
        for (const shape of shapes) {
            const m = shape.re.exec(window);
            if (!m)
                continue;
            const value = m[0];
            const end = at + value.length;
            if (end < text.length && continuesToken(text.charCodeAt(end), spec.after))
                continue;
            if (allow.has(value))
                return;
            if (spec.validate && !spec.validate(value))
                continue;
            const from = spec.secretFrom ?? 0;
            ctx.hits.push({
                ruleId: spec.ruleId,
                start: at,
                end,
                secretStart: at + from,
                secretEnd: end,
                secret: value.slice(from),
                ...(shape.what ? { what: shape.what } : {}),
            });
            return;
        }
    };
}
function base64Json(b64) {
    try {
        const json = Buffer.from(b64.replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString('utf8');
        const parsed = JSON.parse(json);
        return typeof parsed === 'object' && parsed !== null;
    }
    catch {
        return false;
    }
}
const TOKEN_SPECS = [
    {
        ruleId: 'secret/aws-access-key-id',
        anchors: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'A3T'],
        shapes: [{ pattern: '(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}' }],
        maxLength: 20,
        minLength: 20,
        run: 'word',
        before: 'word',
        after: 'word',
        validate: (v) => !isRepetitive(v.slice(4)),
        builtinAllow: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE'],
    },
    {
        ruleId: 'secret/github-token',
        anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
        shapes: [
            {
                pattern: 'ghs_[0-9]+_eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+',
                what: 'GitHub App installation token',
            },
            { pattern: 'github_pat_[A-Za-z0-9_]{82}', what: 'GitHub fine-grained personal access token' },
            { pattern: 'gh[pousr]_[A-Za-z0-9_]{36}', what: 'GitHub token' },
        ],
        maxLength: 4096,
        minLength: 40,
        run: 'tokdot',
        before: 'letter',
        after: 'word',
    },
    {
        ruleId: 'secret/gitlab-token',
        anchors: [
            'glpat-',
            'gldt-',
            'glrt-',
            'glptt-',
            'glft-',
            'glimt-',
            'glagent-',
            'gloas-',
            'glcbt-',
            'glsoat-',
            'glffct-',
            'GR1348941',
        ],
        shapes: [
            { pattern: 'gl(?:pat|dt|rt|ptt|ft|imt|agent|oas|cbt|soat|ffct)-[A-Za-z0-9_-]{20,128}' },
            { pattern: 'GR1348941[A-Za-z0-9_-]{20,64}', what: 'GitLab runner registration token' },
        ],
        maxLength: 140,
        minLength: 25,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/slack-token',
        anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.', 'xapp-'],
        shapes: [
            { pattern: '(?:xoxe\\.)?(?:xox[bpaorse]|xapp)-(?:[0-9]-)?(?:[A-Za-z0-9]{1,80}-)+[A-Za-z0-9]{1,80}' },
        ],
        maxLength: 512,
        minLength: 20,
        run: 'tokdot',
        before: 'word',
        after: 'alnum',
        validate: (v) => v.length >= 20 && hasDigit(v),
    },
    {
        ruleId: 'secret/slack-webhook',
        anchors: ['https://hooks.slack.com/'],
        shapes: [
            {
                pattern: 'https://hooks\\.slack\\.com/(?:services/T[A-Za-z0-9_]{1,40}/B[A-Za-z0-9_]{1,40}/[A-Za-z0-9_]{1,64}|workflows/T[A-Za-z0-9_]{1,40}/A[A-Za-z0-9_]{1,40}/[0-9]{1,40}/[A-Za-z0-9_]{1,64}|triggers/T[A-Za-z0-9_]{1,40}/[0-9]{1,40}/[A-Za-z0-9_]{1,64})',
            },
        ],
        maxLength: 256,
        minLength: 45,
        run: 'url',
        before: 'none',
        after: 'alnum',
    },
    {
        ruleId: 'secret/vault-token',
        anchors: ['hvs.', 'hvb.', 'hvr.'],
        shapes: [
            { pattern: 'hvs\\.[A-Za-z0-9_-]{24,120}', what: 'Vault service token' },
            { pattern: 'hvb\\.[A-Za-z0-9_-]{24,300}', what: 'Vault batch token' },
            { pattern: 'hvr\\.[A-Za-z0-9_-]{24,120}', what: 'Vault recovery token' },
        ],
        maxLength: 304,
        minLength: 28,
        run: 'tokdot',
        before: 'letter',
        after: 'tok',
        validate: (v) => hasDigit(v) && hasLetter(v.slice(4)) && shannonEntropy(v.slice(4)) >= 3.5 && !isPlaceholder(v),
    },
    {
        ruleId: 'secret/npm-token',
        anchors: ['npm_'],
        shapes: [{ pattern: 'npm_[A-Za-z0-9]{36}' }],
        maxLength: 40,
        minLength: 40,
        run: 'word',
        before: 'letter',
        after: 'word',
        validate: (v) => !isRepetitive(v.slice(4)),
    },
    {
        ruleId: 'secret/openai-api-key',
        anchors: ['sk-'],
        shapes: [
            { pattern: 'sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}' },
            { pattern: 'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}' },
        ],
        maxLength: 400,
        minLength: 51,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/anthropic-api-key',
        anchors: ['sk-'],
        shapes: [{ pattern: 'sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,200}' }],
        maxLength: 220,
        minLength: 93,
        run: 'tok',
        before: 'letter',
        after: 'tok',
        validate: (v) => v.endsWith('AA'),
    },
    {
        ruleId: 'secret/groq-api-key',
        anchors: ['gsk_'],
        shapes: [{ pattern: 'gsk_[A-Za-z0-9]{52}' }],
        maxLength: 56,
        minLength: 56,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/huggingface-token',
        anchors: ['hf_'],
        shapes: [{ pattern: 'hf_[A-Za-z]{34}' }],
        maxLength: 37,
        minLength: 37,
        run: 'word',
        before: 'letter',
        after: 'alpha',
    },
    {
        ruleId: 'secret/linear-api-key',
        anchors: ['lin_api_'],
        shapes: [{ pattern: 'lin_api_[A-Za-z0-9_]{32,128}' }],
        maxLength: 136,
        minLength: 40,
        run: 'word',
        before: 'letter',
        after: 'word',
    },
    {
        ruleId: 'secret/notion-token',
        anchors: ['ntn_'],
        shapes: [{ pattern: 'ntn_[0-9]{11}[A-Za-z0-9]{35}' }],
        maxLength: 50,
        minLength: 50,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/1password-service-account-token',
        anchors: ['ops_ey'],
        shapes: [{ pattern: 'ops_ey[A-Za-z0-9+/]{98,}fQ={0,2}' }],
        maxLength: 1300,
        minLength: 106,
        run: 'b64u',
        before: 'letter',
        after: 'b64',
        validate: (v) => base64Json(v.slice(4)),
    },
    {
        ruleId: 'secret/sendgrid-api-key',
        anchors: ['SG.'],
        shapes: [{ pattern: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}' }],
        maxLength: 69,
        minLength: 69,
        run: 'tokdot',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/shopify-token',
        anchors: ['shpss_', 'shpat_', 'shpca_', 'shppa_'],
        shapes: [{ pattern: 'shp(?:ss|at|ca|pa)_[A-Za-z0-9]{32,64}' }],
        maxLength: 70,
        minLength: 38,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/grafana-token',
        anchors: ['glc_', 'glsa_'],
        shapes: [
            { pattern: 'glc_[A-Za-z0-9+/]{32,400}={0,2}', what: 'Grafana Cloud API token' },
            { pattern: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', what: 'Grafana service account token' },
        ],
        maxLength: 410,
        minLength: 36,
        run: 'b64u',
        before: 'letter',
        after: 'b64',
    },
    {
        ruleId: 'secret/vercel-token',
        anchors: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
        shapes: [{ pattern: 'vc[picrka]_[A-Za-z0-9]{20,60}' }],
        maxLength: 64,
        minLength: 24,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/databricks-token',
        anchors: ['dapi'],
        shapes: [{ pattern: 'dapi[A-Fa-f0-9]{32}(?:-[0-9])?' }],
        maxLength: 38,
        minLength: 36,
        run: 'tok',
        before: 'letter',
        after: 'hex',
    },
    {
        ruleId: 'secret/docker-hub-token',
        anchors: ['dckr_pat_', 'dckr_oat_'],
        shapes: [{ pattern: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27}' }],
        maxLength: 36,
        minLength: 36,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/figma-token',
        anchors: ['figd_'],
        shapes: [{ pattern: 'figd_[A-Za-z0-9_-]{40,200}' }],
        maxLength: 205,
        minLength: 45,
        run: 'tok',
        before: 'letter',
        after: 'tok',
    },
    {
        ruleId: 'secret/cloudflare-api-token',
        anchors: ['cfat_', 'cfut_', 'cfk_'],
        shapes: [{ pattern: 'cf(?:at|ut|k)_[A-Za-z0-9]{40}[a-f0-9]{8}' }],
        maxLength: 53,
        minLength: 52,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/stripe-secret-key',
        anchors: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
        shapes: [{ pattern: '[sr]k_(?:live|test)_[A-Za-z0-9]{24,}' }],
        maxLength: 260,
        minLength: 32,
        run: 'word',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/tailscale-key',
        anchors: ['tskey-'],
        shapes: [{ pattern: 'tskey-[a-z]{2,20}-[A-Za-z0-9]{8,40}-[A-Za-z0-9]{16,64}' }],
        maxLength: 135,
        minLength: 34,
        run: 'tok',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/google-cloud-key',
        anchors: ['AIza', 'GOCSPX-'],
        shapes: [
            { pattern: 'AIza[0-9A-Za-z_-]{35}', what: 'Google API key' },
            { pattern: 'GOCSPX-[0-9A-Za-z_-]{28}', what: 'Google OAuth client secret' },
        ],
        maxLength: 39,
        minLength: 35,
        run: 'tok',
        before: 'word',
        after: 'tok',
    },
    {
        ruleId: 'secret/azure-client-secret',
        anchors: ['Q~'],
        anchorOffset: 4,
        shapes: [{ pattern: '[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}' }],
        maxLength: 40,
        minLength: 37,
        run: 'azure',
        before: 'word',
        after: 'azure',
        validate: (v) => hasDigit(v.slice(6)) && shannonEntropy(v) >= 3.5,
    },
    {
        ruleId: 'secret/azure-storage-key',
        anchors: ['AccountKey='],
        shapes: [{ pattern: 'AccountKey=[A-Za-z0-9+/]{86}==' }],
        maxLength: 99,
        minLength: 99,
        run: 'b64',
        before: 'none',
        after: 'b64',
        secretFrom: 11,
    },
    {
        ruleId: 'secret/pulumi-token',
        anchors: ['pul-'],
        shapes: [{ pattern: 'pul-[a-f0-9]{40}' }],
        maxLength: 44,
        minLength: 44,
        run: 'tok',
        before: 'letter',
        after: 'alnum',
    },
    {
        ruleId: 'secret/ethereum-private-key',
        anchors: ['0x'],
        shapes: [{ pattern: '0x[0-9a-fA-F]{64}' }],
        maxLength: 66,
        minLength: 66,
        run: 'alnum',
        before: 'alnum',
        after: 'alnum',
        validate: (v) => shannonEntropy(v.slice(2)) >= 3,
    },
    {
        ruleId: 'secret/jwt',
        anchors: ['eyJ'],
        shapes: [{ pattern: 'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}' }],
        maxLength: 16384,
        minLength: 40,
        run: 'tokdot',
        before: 'word',
        after: 'tok',
        validate: (v) => base64Json(v.slice(0, v.indexOf('.'))),
    },
];
// ---------------------------------------------------------------------------------------------
// Private keys
const PEM_HEADER = anchored('-----BEGIN[ ]?(?:(?:RSA|DSA|EC|OPENSSH|PGP|ENCRYPTED|SSH2 ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----');
/** Body of a real key: base64 only, long enough, starting with ASN.1 SEQUENCE or openssh-key-v1. */
const KEY_BODY = build/* RE2JS */.L3.compile('(?:MI|MC|b3BlbnNzaC1rZXktdjE|lQ|xc)[A-Za-z0-9+/]{58,}={0,2}');
const MAX_KEY_BODY = 32_768;
/** The base64 of a PEM body: PEM headers (Proc-Type, DEK-Info), whitespace, `\\n` escapes and quotes dropped. */
function keyBody(raw) {
    let out = '';
    let line = '';
    const flush = () => {
        if (!line.includes(':'))
            out += line;
        line = '';
    };
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\' && (raw[i + 1] === 'n' || raw[i + 1] === 'r')) {
            flush();
            i++;
        }
        else if (c === '\n' || c === '\r')
            flush();
        else if (c !== ' ' && c !== '\t' && c !== '"' && c !== "'" && c !== '+' && c !== ',')
            line += c;
        else if (c === '+' && isAsciiAlnum(raw.charCodeAt(i + 1)))
            line += c;
    }
    flush();
    return out;
}
function privateKeyHandler(ctx, at) {
    const { text } = ctx;
    const header = PEM_HEADER.exec(text.slice(at, at + 64));
    if (!header)
        return;
    const bodyStart = at + header[0].length;
    // The next END marker, cached so that many BEGINs without END stay linear.
    if (ctx.nextPemEnd === undefined || (ctx.nextPemEnd !== -1 && ctx.nextPemEnd < bodyStart))
        ctx.nextPemEnd = text.indexOf('-----END', bodyStart);
    const endMarker = ctx.nextPemEnd;
    if (endMarker === -1 || endMarker - bodyStart > MAX_KEY_BODY)
        return;
    const body = keyBody(text.slice(bodyStart, endMarker));
    if (!KEY_BODY.testExact(body))
        return;
    const close = text.slice(endMarker + 8, endMarker + 72).indexOf('-----');
    const end = close === -1 ? endMarker + 8 : endMarker + 8 + close + 5;
    // The secret span starts at the first body character (after line breaks or `\n` escapes).
    let secretStart = bodyStart;
    while (secretStart < endMarker) {
        const c = text[secretStart];
        if (c === '\n' || c === '\r')
            secretStart++;
        else if (c === '\\' && text[secretStart + 1] === 'n')
            secretStart += 2;
        else
            break;
    }
    const gcp = text.slice(Math.max(0, at - 64), at).includes('"private_key"') && text.includes('"service_account"');
    ctx.hits.push({
        ruleId: 'secret/private-key',
        start: at,
        end,
        secretStart,
        secretEnd: endMarker,
        secret: body,
        what: gcp ? 'GCP service account private key' : 'private key',
    });
}
// ---------------------------------------------------------------------------------------------
// Credentials in URLs
const URL_USERINFO = anchored('([^:/@\\s"\'<>`]{1,100}):([^@/\\s"\'<>`]{1,200})@([^/\\s"\'<>`?#]{1,256})');
const DB_SCHEMES = new Set([
    'mongodb',
    'mongodb+srv',
    'mysql',
    'mysqlx',
    'postgres',
    'postgresql',
    'redis',
    'rediss',
    'amqp',
    'amqps',
    'mssql',
    'sqlserver',
    'mariadb',
    'couchdb',
    'cockroachdb',
]);
/** secretlint's basic-auth placeholder words (matched as substrings of user and password). */
const BASIC_PLACEHOLDERS = [
    'localhost',
    '127.0.0.1',
    'password',
    'mypassword',
    'myusername',
    'your_password',
    'your_username',
    'replace_with',
];
/** secretlint's connection-string placeholder passwords (matched exactly). */
const DB_PLACEHOLDERS = new Set([
    'localhost',
    '127.0.0.1',
    'example.com',
    'example.org',
    'test.com',
    'password',
    'username',
    'secret',
    'mypassword',
    'myusername',
    'root',
    'admin',
    'user',
    'pass',
    'your_password',
    'your_username',
    'replace_with_password',
]);
function isUserinfoStop(c) {
    return (c === undefined ||
        c === '/' ||
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        c === '"' ||
        c === "'" ||
        c === '<' ||
        c === '>' ||
        c === '`');
}
function hasUserinfo(text, from) {
    let i = from;
    const userLimit = from + 100;
    while (i < userLimit && text[i] !== ':' && text[i] !== '@' && !isUserinfoStop(text[i]))
        i++;
    if (i === from || text[i] !== ':')
        return false;
    const passStart = ++i;
    const passLimit = passStart + 200;
    while (i < passLimit && text[i] !== '@' && !isUserinfoStop(text[i]))
        i++;
    return i - passStart >= 4 && text[i] === '@';
}
function urlCredentialsHandler(ctx, at) {
    const { text } = ctx;
    // Scheme: letters, digits, + . - before `://`, optionally behind `jdbc:`.
    let schemeStart = at;
    while (schemeStart > 0 && at - schemeStart < 32) {
        const c = text.charCodeAt(schemeStart - 1);
        if (isAsciiAlnum(c) || c === 43 || c === 46 || c === 45)
            schemeStart--;
        else
            break;
    }
    if (schemeStart === at)
        return;
    const scheme = text.slice(schemeStart, at).toLowerCase();
    let urlStart = schemeStart;
    if (text.slice(schemeStart - 5, schemeStart).toLowerCase() === 'jdbc:')
        urlStart = schemeStart - 5;
    // Cheap shape check before the regex: `user:password@` right after `://`.
    if (!hasUserinfo(text, at + 3))
        return;
    const m = URL_USERINFO.exec(text.slice(at + 3, at + 3 + 560));
    if (!m)
        return;
    const user = m[1] ?? '';
    const password = m[2] ?? '';
    const host = m[3] ?? '';
    if (password.length < 4 || isRepetitive(password) || host.length === 0)
        return;
    if (isReference(user) || isReference(password) || password.includes('$'))
        return;
    if (password === 'x-oauth-basic')
        return;
    const isDb = DB_SCHEMES.has(scheme) || urlStart !== schemeStart;
    if (isDb) {
        if (DB_PLACEHOLDERS.has(password.toLowerCase()) || password === user)
            return;
    }
    else {
        if (user.length < 2)
            return;
        const u = user.toLowerCase();
        const p = password.toLowerCase();
        if (BASIC_PLACEHOLDERS.some((w) => u.includes(w) || p.includes(w)))
            return;
    }
    if (isPlaceholder(password))
        return;
    const secretStart = at + 3 + user.length + 1;
    const secretEnd = secretStart + password.length;
    ctx.hits.push({
        ruleId: 'secret/url-credentials',
        start: urlStart,
        end: secretEnd + 1 + host.length,
        secretStart,
        secretEnd,
        secret: password,
        what: isDb ? `password in a ${scheme} connection string` : `password in a ${scheme} URL`,
    });
}
/** `https://<token>:x-oauth-basic@github.com/` (npm and git URLs carrying a GitHub token). */
function xOauthHandler(ctx, at) {
    const { text } = ctx;
    let start = at;
    while (start > 0 && at - start < 256) {
        const c = text.charCodeAt(start - 1);
        if (isAsciiAlnum(c) || c === 95 || c === 45)
            start--;
        else
            break;
    }
    if (at - start < 8 || text.slice(start - 3, start) !== '://')
        return;
    const token = text.slice(start, at);
    if (isPlaceholder(token))
        return;
    ctx.hits.push({
        ruleId: 'secret/github-token',
        start,
        end: at,
        secretStart: start,
        secretEnd: at,
        secret: token,
        what: 'GitHub token in a git URL',
    });
}
// ---------------------------------------------------------------------------------------------
// Assignments: `password = "..."`, `api_key: ...`, `TOKEN=...`
/** Lower-case literals whose presence in a name makes the assignment worth a look. */
const ASSIGNMENT_KEYWORDS = [
    'pass',
    'pwd',
    'secret',
    'token',
    'apikey',
    'api_key',
    'api-key',
    'accesskey',
    'access_key',
    'privatekey',
    'private_key',
    'credential',
    'auth',
];
const OPT_IN_KEYWORDS = ['account', 'tenant', 'client', 'subscription', 'application'];
/** Joined (separator-free, lower-case) names that say "this is a secret". */
const SECRET_NAME_PARTS = [
    'password',
    'passwd',
    'passphrase',
    'secret',
    'token',
    'apikey',
    'accesskey',
    'privatekey',
    'credential',
    'authkey',
    'signingkey',
    'encryptionkey',
    'masterkey',
    'clientkey',
    'appkey',
    'licensekey',
    'servicekey',
];
const SECRET_NAME_WORDS = new Set(['pass', 'pwd', 'auth', 'pw']);
/** A name ending in one of these words describes a secret, it does not hold one. */
const NAME_STOP_SUFFIXES = new Set([
    'name',
    'names',
    'file',
    'files',
    'path',
    'dir',
    'url',
    'uri',
    'endpoint',
    'id',
    'ids',
    'type',
    'length',
    'len',
    'size',
    'count',
    'ttl',
    'expiry',
    'expires',
    'expiration',
    'timeout',
    'header',
    'prefix',
    'policy',
    'role',
    'env',
    'ref',
    'mode',
    'format',
    'version',
    'hint',
    'label',
    'field',
    'kind',
    'arn',
    'enabled',
    'enable',
    'hash',
    'sha',
    'digest',
    'checksum',
    'algorithm',
    'alg',
    'method',
    'provider',
    'issuer',
    'audience',
    'scope',
    'scopes',
    'regex',
    'pattern',
    'param',
    'query',
    'required',
    'rotation',
    'date',
    'time',
    'index',
    'location',
    'store',
    'manager',
    'source',
    'reference',
    'variable',
    'var',
    'key',
    'keys',
    'mount',
    'strength',
    'policy',
    'min',
    'max',
]);
/** Words of a name, split at separators and camelCase humps: "azureClientSecret" -> azure client secret. */
function nameWords(name) {
    const words = [];
    let word = '';
    for (let i = 0; i < name.length; i++) {
        const code = name.charCodeAt(i);
        if (!isAsciiAlnum(code)) {
            if (word)
                words.push(word);
            word = '';
            continue;
        }
        const upper = code >= 65 && code <= 90;
        const prev = name.charCodeAt(i - 1);
        if (upper && word && ((prev >= 97 && prev <= 122) || isDigit(prev))) {
            words.push(word);
            word = '';
        }
        word += name[i]?.toLowerCase();
    }
    if (word)
        words.push(word);
    return words;
}
function isSecretName(name) {
    const words = nameWords(name);
    const last = words[words.length - 1];
    if (last === undefined)
        return false;
    const joined = words.join('');
    const names = SECRET_NAME_PARTS.some((p) => joined.includes(p)) || words.some((w) => SECRET_NAME_WORDS.has(w));
    if (!names)
        return false;
    // `secret_key`, `api_key`, `private_key`: "key" ends a secret name when joined with the part before.
    if (last === 'key' || last === 'keys')
        return SECRET_NAME_PARTS.some((p) => joined.endsWith(p) || joined.endsWith(`${p}s`));
    return !NAME_STOP_SUFFIXES.has(last);
}
function isKeyChar(code) {
    return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46;
}
const AWS_SECRET_VALUE = build/* RE2JS */.L3.compile('[A-Za-z0-9/+=]{40}');
const VAULT_LEGACY = build/* RE2JS */.L3.compile('s\\.[A-Za-z0-9]{24}');
const AWS_ACCOUNT = build/* RE2JS */.L3.compile('[0-9]{4}-?[0-9]{4}-?[0-9]{4}');
const GUID = build/* RE2JS */.L3.compile('[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}');
/** A dotted member path or call in code (`process.env.TOKEN`, `config.auth.token`, `get()`). */
const CODE_EXPRESSION = build/* RE2JS */.L3.compile('[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+|.*[()\\[\\]].*');
const CONSTANT_NAME = build/* RE2JS */.L3.compile('[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+');
const IDENTIFIER = build/* RE2JS */.L3.compile('[A-Za-z_$][A-Za-z0-9_$]*');
/** Lower-case words joined by `-`, `_` or `.` (`x-aws-ec2-metadata-token`, `app-credentials-v2`). */
const SLUG = build/* RE2JS */.L3.compile('(?:[a-z]+[0-9]{0,4}|[a-z0-9]{1,3})(?:[-_.](?:[a-z]+[0-9]{0,4}|[a-z0-9]{1,3}))+');
/** A value that names itself (`my-secret-token-1`, `VERY_SECRET_PASSWORD_2`) is a placeholder. */
const SELF_DESCRIBING = ['token', 'secret', 'password', 'passwd', 'apikey', 'api_key', 'api-key'];
const AWS_EXAMPLE_SECRETS = new Set([
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);
const MAX_VALUE = 512;
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token']);
/** Reads `name <op> value` around a keyword hit; undefined when it is not an assignment. */
function readAssignment(ctx, at) {
    const { text } = ctx;
    let nameStart = at;
    while (nameStart > 0 && at - nameStart < 128 && isKeyChar(text.charCodeAt(nameStart - 1)))
        nameStart--;
    let nameEnd = at;
    while (nameEnd < text.length && nameEnd - at < 128 && isKeyChar(text.charCodeAt(nameEnd)))
        nameEnd++;
    let i = nameEnd;
    const q = text[i];
    if (q === '"' || q === "'")
        i++;
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    // Operators: =, :=, =>, : (not ==, ::, ===)
    let colon = false;
    if (text[i] === ':' && text[i + 1] === '=')
        i += 2;
    else if (text[i] === '=' && text[i + 1] === '>')
        i += 2;
    else if (text[i] === '=' && text[i + 1] !== '=')
        i += 1;
    else if (text[i] === ':' && text[i + 1] !== ':') {
        i += 1;
        colon = true;
    }
    else
        return undefined;
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    const open = text[i];
    let quoted = false;
    let valueStart = i;
    let valueEnd = i;
    if (open === '"' || open === "'" || open === '`') {
        valueStart = i + 1;
        const lineEnd = newlineAfter(ctx, valueStart);
        const close = text.slice(valueStart, Math.min(lineEnd, valueStart + MAX_VALUE + 1)).indexOf(open);
        if (close !== -1) {
            quoted = true;
            valueEnd = valueStart + close;
        }
    }
    if (!quoted)
        valueEnd = unquotedEnd(text, valueStart);
    let value = text.slice(valueStart, valueEnd);
    // `Authorization: Bearer <token>` and friends: the credential is the second word.
    const isScheme = (word) => AUTH_SCHEMES.has(word.toLowerCase());
    if (quoted && hasWhitespace(value)) {
        const space = value.indexOf(' ');
        if (space > 0 && isScheme(value.slice(0, space))) {
            valueStart += space + 1;
            value = value.slice(space + 1);
        }
    }
    else if (!quoted && isScheme(value) && text[valueEnd] === ' ') {
        valueStart = valueEnd + 1;
        valueEnd = unquotedEnd(text, valueStart);
        value = text.slice(valueStart, valueEnd);
    }
    return { name: text.slice(nameStart, nameEnd), nameStart, valueStart, value, quoted, colon };
}
/** Characters that end an unquoted value (whitespace, quotes, list/statement/query separators, brackets). */
const UNQUOTED_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ';', '<', '>', '&', ')', ']', '}']);
function unquotedEnd(text, from) {
    let end = from;
    while (end < text.length && end - from < MAX_VALUE && !UNQUOTED_STOP.has(text[end]))
        end++;
    return end;
}
function entropyThreshold(length) {
    return Math.min(3.5, 3.0 + (length - 12) * 0.05);
}
/** The generic rule's value test: long, mixed, random-looking, not a placeholder or code. */
function looksLikeSecretValue(value, quoted) {
    if (value.length < 12 || value.length > MAX_VALUE)
        return false;
    if (hasWhitespace(value))
        return false;
    if (!hasDigit(value) || !hasLetter(value))
        return false;
    if (isPlaceholder(value))
        return false;
    if (value.includes('://'))
        return false;
    if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../') || value.startsWith('~/'))
        return false;
    if (!quoted && CODE_EXPRESSION.testExact(value))
        return false;
    if (CONSTANT_NAME.testExact(value))
        return false;
    // An unquoted identifier with few digits is code (`CreateOAuth2TokenCommand`, `defaultToConfig2`);
    // random secrets have digits spread through them.
    if (!quoted && IDENTIFIER.testExact(value) && digitCount(value) < value.length / 10)
        return false;
    if (SLUG.testExact(value) || wordShare(value) >= 0.6)
        return false;
    const lower = value.toLowerCase();
    if (SELF_DESCRIBING.some((w) => lower.includes(w)))
        return false;
    if (sequentialShare(value) >= 0.5 || hasSequentialRun(value, 5))
        return false;
    return shannonEntropy(value) >= entropyThreshold(value.length);
}
function digitCount(value) {
    let n = 0;
    for (let i = 0; i < value.length; i++)
        if (isDigit(value.charCodeAt(i)))
            n++;
    return n;
}
/**
 * Share of characters in lower-case words of 3+ letters (optionally with a short number), for
 * values split by punctuation into 3+ parts: `AKID/date/region/sts/aws4_request` is a path, not a key.
 */
function wordShare(value) {
    const parts = [];
    let part = '';
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (isAsciiAlnum(c))
            part += value[i];
        else {
            if (part)
                parts.push(part);
            part = '';
        }
    }
    if (part)
        parts.push(part);
    if (parts.length < 3)
        return 0;
    let words = 0;
    for (const p of parts) {
        let letters = 0;
        while (letters < p.length && p.charCodeAt(letters) >= 97 && p.charCodeAt(letters) <= 122)
            letters++;
        let digits = letters;
        while (digits < p.length && isDigit(p.charCodeAt(digits)))
            digits++;
        if (letters >= 3 && digits === p.length && digits - letters <= 4)
            words += p.length;
    }
    return words / value.length;
}
/** Share of characters in ascending runs of 3+ (`abc123xyz456` -> 1.0): example filler. */
function sequentialShare(value) {
    let inRuns = 0;
    let run = 1;
    for (let i = 1; i <= value.length; i++) {
        const ascending = i < value.length &&
            value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 &&
            isAsciiAlnum(value.charCodeAt(i));
        if (ascending)
            run++;
        else {
            if (run >= 3)
                inRuns += run;
            run = 1;
        }
    }
    return value.length === 0 ? 0 : inRuns / value.length;
}
/** `abcde`, `12345`, `ABCDE`: keyboard-walk filler of examples, not random output. */
function hasSequentialRun(value, length) {
    let run = 1;
    for (let i = 1; i < value.length; i++) {
        run =
            value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 && isAsciiAlnum(value.charCodeAt(i)) ? run + 1 : 1;
        if (run >= length)
            return true;
    }
    return false;
}
function assignmentHandler(ctx, at) {
    if (at < ctx.consumedUntil)
        return;
    const a = readAssignment(ctx, at);
    if (!a || a.nameStart === ctx.lastNameStart)
        return;
    // A name inside an ARN, URN or path (`arn:aws:secretsmanager:...`) is not an assignment.
    const before = ctx.text[a.nameStart - 1];
    if ((before === ':' || before === '/') && a.colon)
        return;
    ctx.lastNameStart = a.nameStart;
    ctx.consumedUntil = a.valueStart + a.value.length;
    const { name, value, valueStart } = a;
    if (value.length === 0)
        return;
    const joined = nameWords(name).join('');
    const push = (ruleId, what) => {
        ctx.hits.push({
            ruleId,
            start: valueStart,
            end: valueStart + value.length,
            secretStart: valueStart,
            secretEnd: valueStart + value.length,
            secret: value,
            ...(what ? { what } : {}),
        });
    };
    // Names owned by a specific rule: a value of the wrong shape there is not re-checked generically
    // (an encrypted blob under AWS_SECRET_ACCESS_KEY is not the key).
    if (joined.endsWith('secretaccesskey') || joined.endsWith('awssecretkey')) {
        if (AWS_SECRET_VALUE.testExact(value) &&
            !AWS_EXAMPLE_SECRETS.has(value) &&
            hasDigit(value) &&
            !isPlaceholder(value))
            push('secret/aws-secret-access-key');
        return;
    }
    if (ctx.enabled('secret/aws-account-id') && (joined.endsWith('accountid') || joined.endsWith('account'))) {
        if (AWS_ACCOUNT.testExact(value))
            push('secret/aws-account-id');
        return;
    }
    if (ctx.enabled('secret/azure-identifier') &&
        (joined.endsWith('tenantid') ||
            joined.endsWith('clientid') ||
            joined.endsWith('subscriptionid') ||
            joined.endsWith('applicationid'))) {
        if (GUID.testExact(value))
            push('secret/azure-identifier');
        return;
    }
    if (VAULT_LEGACY.testExact(value) && (joined.includes('vault') || joined.includes('token'))) {
        push('secret/vault-token', 'legacy Vault token');
        return;
    }
    if (joined.endsWith('authtoken') &&
        name.startsWith('_') &&
        value.length >= 16 &&
        !hasWhitespace(value) &&
        !isPlaceholder(value)) {
        push('secret/npm-token', 'npm `_authToken`');
        return;
    }
    if (!isSecretName(name))
        return;
    if (looksLikeSecretValue(value, a.quoted))
        push('secret/generic-high-entropy');
}
// ---------------------------------------------------------------------------------------------
// Wiring: anchors -> handlers
function escapeLiteral(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/**
 * A native RegExp of escaped literals only (see the file comment), longest first. Literal
 * alternatives cannot backtrack beyond the longest literal, so this pass is linear too.
 */
function literalAlternation(literals, flags) {
    const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
    return new RegExp(unique.map(escapeLiteral).join('|'), flags);
}
function buildDetectors() {
    const byAnchor = new Map();
    const add = (anchor, ruleId, handler) => {
        const list = byAnchor.get(anchor) ?? [];
        list.push({ ruleId, handler });
        byAnchor.set(anchor, list);
    };
    for (const spec of TOKEN_SPECS) {
        const handler = tokenHandler(spec);
        for (const anchor of spec.anchors)
            add(anchor, spec.ruleId, handler);
    }
    add('-----BEGIN', 'secret/private-key', privateKeyHandler);
    add('://', 'secret/url-credentials', urlCredentialsHandler);
    add(':x-oauth-basic@', 'secret/github-token', xOauthHandler);
    const anchors = literalAlternation(byAnchor.keys(), 'g');
    const keywords = literalAlternation(ASSIGNMENT_KEYWORDS, 'gi');
    const keywordsWithOptIn = literalAlternation([...ASSIGNMENT_KEYWORDS, ...OPT_IN_KEYWORDS], 'gi');
    const assignmentRules = [
        'secret/aws-secret-access-key',
        'secret/aws-account-id',
        'secret/azure-identifier',
        'secret/vault-token',
        'secret/npm-token',
        'secret/generic-high-entropy',
    ];
    return {
        run(text, enabled, optIn) {
            const hits = [];
            const ctx = {
                text,
                hits,
                enabled,
                lastNameStart: -1,
                consumedUntil: -1,
                examinedUntil: [],
                nextNewline: -1,
            };
            anchors.lastIndex = 0;
            for (let m = anchors.exec(text); m !== null; m = anchors.exec(text)) {
                for (const { ruleId, handler } of byAnchor.get(m[0]) ?? [])
                    if (enabled(ruleId))
                        handler(ctx, m.index);
            }
            if (assignmentRules.some(enabled)) {
                const re = optIn ? keywordsWithOptIn : keywords;
                re.lastIndex = 0;
                for (let m = re.exec(text); m !== null; m = re.exec(text))
                    assignmentHandler(ctx, m.index);
            }
            return hits.filter((h) => enabled(h.ruleId));
        },
    };
}

;// CONCATENATED MODULE: ./packages/scanner/secrets/rules.ts
const SECRETS_DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/secrets.md';
function rules_anchorFor(id) {
    return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
const ROTATE = `rotate it; read it from a secret store or \`\${{ secrets.X }}\` at run time`;
function rules_rule(id, severity, securitySeverity, title, what, description, fix = ROTATE, extra = {}) {
    return {
        id,
        severity,
        securitySeverity,
        title,
        what,
        description,
        fix,
        helpAnchor: rules_anchorFor(id),
        tags: ['security', 'secret', ...(extra.tags ?? [])],
        ...(extra.optIn ? { optIn: true } : {}),
    };
}
const LIVE = 9.0;
const SECRET_RULE_DETAILS = [
    rules_rule('secret/private-key', 'error', LIVE, 'Private key', 'private key', 'A PEM or OpenSSH private key block (`-----BEGIN ... PRIVATE KEY-----`) with real key material, including keys embedded in JSON such as GCP service account files.', 'revoke the key pair and issue a new one; keep keys in a secret store or use OIDC federation instead of long-lived keys'),
    rules_rule('secret/aws-access-key-id', 'error', LIVE, 'AWS access key ID', 'AWS access key ID', 'An AWS access key ID (`AKIA...` long-term, `ASIA...` temporary, and the other IAM unique-ID prefixes). The secret key is usually next to it.', 'deactivate and delete the access key in IAM; use OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`) instead of stored keys'),
    rules_rule('secret/aws-secret-access-key', 'error', LIVE, 'AWS secret access key', 'AWS secret access key', 'A 40-character AWS secret access key assigned to `aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY`, `secretAccessKey` and similar names.', 'deactivate and delete the access key in IAM; use OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`) instead of stored keys'),
    rules_rule('secret/github-token', 'error', LIVE, 'GitHub token', 'GitHub token', 'A GitHub token: classic (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`), fine-grained (`github_pat_`), app installation (`ghs_<id>_<jwt>`), or a token in a git URL (`https://<token>:x-oauth-basic@github.com/`).', `revoke it in GitHub settings; use \`\${{ secrets.GITHUB_TOKEN }}\` or a GitHub App token minted per job`),
    rules_rule('secret/gitlab-token', 'error', LIVE, 'GitLab token', 'GitLab token', 'A GitLab token: personal/project/group access (`glpat-`), deploy (`gldt-`), runner (`glrt-`, `GR1348941`), pipeline trigger (`glptt-`), feed, incoming mail, agent, OAuth, CI job, SCIM and feature-flag tokens.', 'revoke it in GitLab; use `CI_JOB_TOKEN` or a masked, protected CI/CD variable'),
    rules_rule('secret/slack-token', 'error', 8.0, 'Slack token', 'Slack token', 'A Slack bot, user, app, workspace or refresh token (`xoxb-`, `xoxp-`, `xapp-`, `xoxa-`, `xoxo-`, `xoxr-`, `xoxe-`, `xoxs-`).', 'revoke it in the Slack app settings and store the new one as a secret'),
    rules_rule('secret/slack-webhook', 'error', 7.0, 'Slack incoming webhook URL', 'Slack webhook URL', 'A Slack incoming webhook or workflow trigger URL (`https://hooks.slack.com/services/T.../B.../...`); anyone holding it can post to the channel.', 'regenerate the webhook in Slack and store the URL as a secret'),
    rules_rule('secret/vault-token', 'error', LIVE, 'HashiCorp Vault token', 'Vault token', 'A HashiCorp Vault service, batch or recovery token (`hvs.`, `hvb.`, `hvr.`), or a legacy `s.` token assigned to a Vault/token variable.', 'revoke it (`vault token revoke`); authenticate with JWT/OIDC (`vault-auth-method: jwt`) instead of a stored token'),
    rules_rule('secret/npm-token', 'error', 8.0, 'npm access token', 'npm token', 'An npm access token (`npm_...`) or an `_authToken=` value in `.npmrc`.', `revoke it on npmjs.com; use npm trusted publishing (OIDC) or \`\${{ secrets.NPM_TOKEN }}\``),
    rules_rule('secret/openai-api-key', 'error', 8.0, 'OpenAI API key', 'OpenAI API key', 'An OpenAI API key (`sk-...T3BlbkFJ...`, project, service-account and admin keys).'),
    rules_rule('secret/anthropic-api-key', 'error', 8.0, 'Anthropic API key', 'Anthropic API key', 'An Anthropic API or admin key (`sk-ant-api03-...`).'),
    rules_rule('secret/groq-api-key', 'error', 8.0, 'Groq API key', 'Groq API key', 'A Groq API key (`gsk_` + 52 characters).'),
    rules_rule('secret/huggingface-token', 'error', 8.0, 'Hugging Face token', 'Hugging Face token', 'A Hugging Face user access token (`hf_` + 34 letters).'),
    rules_rule('secret/linear-api-key', 'error', 8.0, 'Linear API key', 'Linear API key', 'A Linear API key (`lin_api_...`).'),
    rules_rule('secret/notion-token', 'error', 8.0, 'Notion integration token', 'Notion token', 'A Notion integration token (`ntn_` + 11 digits + 35 characters).'),
    rules_rule('secret/1password-service-account-token', 'error', LIVE, '1Password service account token', '1Password service account token', 'A 1Password service account token (`ops_eyJ...`), which unlocks every vault the service account can read.'),
    rules_rule('secret/sendgrid-api-key', 'error', 8.0, 'SendGrid API key', 'SendGrid API key', 'A SendGrid API key (`SG.<id>.<secret>`).'),
    rules_rule('secret/shopify-token', 'error', 8.0, 'Shopify token', 'Shopify token', 'A Shopify app secret or access token (`shpss_`, `shpat_`, `shpca_`, `shppa_`).'),
    rules_rule('secret/grafana-token', 'error', 8.0, 'Grafana token', 'Grafana token', 'A Grafana Cloud API token (`glc_`) or service account token (`glsa_`).'),
    rules_rule('secret/vercel-token', 'error', 8.0, 'Vercel token', 'Vercel token', 'A Vercel token (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`).'),
    rules_rule('secret/databricks-token', 'error', 8.0, 'Databricks token', 'Databricks token', 'A Databricks personal access token (`dapi` + 32 hex).'),
    rules_rule('secret/docker-hub-token', 'error', 8.0, 'Docker Hub access token', 'Docker Hub token', 'A Docker Hub personal access token (`dckr_pat_...`).'),
    rules_rule('secret/figma-token', 'error', 7.0, 'Figma token', 'Figma token', 'A Figma personal access token (`figd_...`).'),
    rules_rule('secret/cloudflare-api-token', 'error', 8.0, 'Cloudflare API token', 'Cloudflare API token', 'A Cloudflare account or user API token or global API key in the prefixed format (`cfat_`, `cfut_`, `cfk_`).'),
    rules_rule('secret/stripe-secret-key', 'error', LIVE, 'Stripe secret key', 'Stripe secret or restricted key', 'A Stripe secret or restricted key (`sk_live_`, `sk_test_`, `rk_live_`, `rk_test_`); publishable `pk_` keys are not reported.'),
    rules_rule('secret/tailscale-key', 'error', 8.0, 'Tailscale key', 'Tailscale key', 'A Tailscale auth, API, OAuth client, SCIM or webhook key (`tskey-<type>-...`).'),
    rules_rule('secret/google-cloud-key', 'error', 8.0, 'Google Cloud API key or OAuth client secret', 'Google credential', 'A Google API key (`AIza...`) or Google OAuth client secret (`GOCSPX-...`).', 'delete or restrict the key in the Google Cloud console; use Workload Identity Federation from CI instead of keys'),
    rules_rule('secret/azure-client-secret', 'error', LIVE, 'Azure AD client secret', 'Azure client secret', 'An Azure AD (Entra ID) application client secret in the current format (`...Q~...`, 40 characters).', 'delete the secret in the app registration; use OIDC federated credentials (`azure/login` with `client-id` and no secret)'),
    rules_rule('secret/azure-storage-key', 'error', LIVE, 'Azure storage account key', 'Azure storage account key', 'An Azure storage account key in a connection string (`AccountKey=<88 base64 characters>`).', 'rotate the storage account key; use a managed identity or a short-lived SAS token'),
    rules_rule('secret/pulumi-token', 'error', 8.0, 'Pulumi access token', 'Pulumi access token', 'A Pulumi Cloud access token (`pul-` + 40 hex).', 'revoke it in Pulumi Cloud; use Pulumi OIDC (`pulumi/auth-actions`) in CI'),
    rules_rule('secret/url-credentials', 'error', 8.0, 'Credentials in a URL', 'password in a URL', `A URL with a real-looking \`user:password@\` part: HTTP(S)/FTP basic auth and database connection strings (MongoDB, MySQL, PostgreSQL, JDBC, Redis, AMQP). Placeholders (\`\${PASSWORD}\`, \`YOUR_PASSWORD\`, \`user:password\`) are ignored.`, 'change the password; pass it separately from a secret store (an environment variable the client reads), not inside the URL'),
    rules_rule('secret/ethereum-private-key', 'warning', 7.0, 'Ethereum/secp256k1 private key', 'secp256k1 private key', 'A `0x`-prefixed 64-hex-digit value, the format of an Ethereum (secp256k1) private key. Hashes have the same shape; suppress those with a reason.', 'move the funds to a new wallet and treat the key as burned'),
    rules_rule('secret/jwt', 'error', 7.0, 'JSON Web Token', 'JSON Web Token', 'A signed JSON Web Token (`eyJ...<payload>.<signature>`); bearer tokens work for whoever holds them until they expire.', 'revoke or let it expire, and fetch tokens at run time instead of committing them'),
    rules_rule('secret/generic-high-entropy', 'warning', 5.0, 'Hard-coded secret', 'hard-coded secret', `A value with high Shannon entropy assigned to a name that says it is a secret (\`password\`, \`secret\`, \`token\`, \`api_key\`, \`credentials\`, ...). Placeholders, references (\`\${{ secrets.X }}\`, \`\${VAR}\`, \`$(cmd)\`), code expressions and low-entropy values are ignored.`, `rotate it if it is real; read it from a secret store or \`\${{ secrets.X }}\` at run time`),
    rules_rule('secret/custom-pattern', 'error', 8.0, 'Custom secret pattern', 'value matching a custom secret pattern', 'A match of one of the `customPatterns` configured for the scan (an organisation-specific token format, or a file type that must not be committed).', 'remove it and rotate it if it is a credential; read it from a secret store at run time'),
    rules_rule('secret/aws-account-id', 'note', 2.0, 'AWS account ID', 'AWS account ID', 'An AWS account ID assigned to an `aws_account_id`-like name. Account IDs are identifiers, not secrets; opt in with `enable` when your policy treats them as confidential.', 'move it to configuration that is not committed if your policy requires it', { optIn: true }),
    rules_rule('secret/azure-identifier', 'note', 2.0, 'Azure tenant/client/subscription ID', 'Azure identifier', 'An Azure AD tenant, client (application) or subscription ID (a GUID) assigned to a matching name. Identifiers, not secrets; opt in with `enable`.', 'move it to configuration that is not committed if your policy requires it', { optIn: true }),
];
/** The public metadata (the `RuleMeta` shape reporters consume). */
const SECRET_RULES = SECRET_RULE_DETAILS.map(({ what: _what, fix: _fix, optIn: _optIn, ...meta }) => meta);
const RULE_PRIORITY = new Map(SECRET_RULE_DETAILS.map((r, i) => [r.id, i]));
const rules_RULE_BY_ID = new Map(SECRET_RULE_DETAILS.map((r) => [r.id, r]));

;// CONCATENATED MODULE: ./packages/scanner/secrets/index.ts
/**
 * Hard-coded secret detection for the scanner.
 *
 *   detectSecrets(text, 'path/in/repo', options?) -> Finding[]
 *
 * Pure and synchronous: no file system, no @actions/*. The caller decides which files to read
 * and skips binary ones (NUL bytes); any string is accepted and the cost is linear in its
 * length (see detectors.ts). Suppression comments (`# astl:ignore <rule-id> <reason>`) and
 * baselines are the engine's job.
 */








const detectors = buildDetectors();
/**
 * Values published as examples in vendor documentation (AWS, Kubernetes), which appear in
 * countless READMEs and tests; reporting them would only teach people to ignore the scanner.
 */
const DOCUMENTATION_EXAMPLES = new Set([
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'MWYyZDFlMmU2N2Rm',
]);
const OPT_IN_IDS = SECRET_RULE_DETAILS.filter((r) => r.optIn).map((r) => r.id);
const compiledCache = new WeakMap();
/**
 * Validates and compiles options (allow-list patterns, custom patterns); throws an AstlError
 * naming the bad entry. detectSecrets caches the result per options object.
 */
function compileSecretOptions(options) {
    compileOptions(options);
}
function compileOptions(options) {
    if (options) {
        const cached = compiledCache.get(options);
        if (cached)
            return cached;
    }
    const disabled = new Set(options?.disable ?? []);
    const enableAll = options?.enable?.includes('*') ?? false;
    const enabledOptIns = new Set(enableAll ? OPT_IN_IDS : (options?.enable ?? []));
    const all = disabled.has('secret/*') || disabled.has('*');
    const compiled = {
        enabled: (ruleId) => {
            if (all || disabled.has(ruleId))
                return false;
            if (rules_RULE_BY_ID.get(ruleId)?.optIn)
                return enabledOptIns.has(ruleId);
            return true;
        },
        optIn: OPT_IN_IDS.some((id) => enabledOptIns.has(id) && !disabled.has(id)),
        allowed: compileAllowList(options?.allow ?? [], 'allow'),
        custom: compileCustomPatterns(options?.customPatterns ?? []),
    };
    if (options)
        compiledCache.set(options, compiled);
    return compiled;
}
/**
 * Keeps, among overlapping hits, the one from the most specific rule (earliest in SECRET_RULES).
 * Hits sorted by start; the kept ones are disjoint, so a new hit can only overlap the last kept
 * one: one comparison per hit, linear for any number of hits.
 */
function dropOverlaps(hits) {
    const priority = (h) => RULE_PRIORITY.get(h.ruleId) ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...hits].sort((a, b) => a.start - b.start || priority(a) - priority(b));
    const kept = [];
    for (const h of sorted) {
        const last = kept[kept.length - 1];
        if (last && h.start < last.end) {
            if (priority(h) < priority(last))
                kept[kept.length - 1] = h;
            continue;
        }
        kept.push(h);
    }
    return kept;
}
/** Secret spans sorted by start, with the secrets overlapping a range found by binary search. */
class SpanIndex {
    spans;
    longest;
    constructor(hits) {
        this.spans = hits
            .map((h) => ({ start: h.secretStart, end: h.secretEnd }))
            .sort((a, b) => a.start - b.start);
        this.longest = this.spans.reduce((n, s) => Math.max(n, s.end - s.start), 0);
    }
    overlapping(from, to) {
        const { spans } = this;
        let lo = 0;
        let hi = spans.length;
        const earliest = from - this.longest;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((spans[mid]?.start ?? 0) < earliest)
                lo = mid + 1;
            else
                hi = mid;
        }
        const out = [];
        for (let i = lo; i < spans.length; i++) {
            const s = spans[i];
            if (!s || s.start >= to)
                break;
            if (s.end > from)
                out.push(s);
        }
        return out;
    }
}
function sha256(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(value).digest('hex');
}
function messageFor(rule, hit) {
    const what = hit.what ?? rule.what;
    if (rule.id === 'secret/generic-high-entropy')
        return `A value that looks like a hard-coded secret is assigned here. If it is real, remove it and ${rule.fix}; if it is not a secret, suppress with \`astl:ignore ${rule.id} <reason>\`.`;
    if (rule.id === 'secret/custom-pattern')
        return `${capitalise(what)}. Remove it and rotate it if it is a credential; read it from a secret store at run time.`;
    if (rule.optIn)
        return `${capitalise(what)} in the code. ${capitalise(rule.fix)}.`;
    return `Hard-coded ${what}. Remove the ${what} and ${rule.fix}.`;
}
function capitalise(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
/**
 * Finds hard-coded secrets in `text` (the content of `file`, a workspace-relative path used in
 * findings and fingerprints). Never puts a secret value in a finding. Throws only an AstlError
 * for invalid options (a bad custom pattern); any text is accepted.
 */
function detectSecrets(text, file, options) {
    if (typeof text !== 'string' || text.length === 0)
        return [];
    const opts = compileOptions(options);
    let hits;
    try {
        hits = detectors.run(text, opts.enabled, opts.optIn);
        if (opts.custom.length > 0 && opts.enabled('secret/custom-pattern'))
            hits.push(...runCustomPatterns(opts.custom, text, file));
    }
    catch {
        // A detector bug must not take the whole scan down; the file is reported as clean of secrets.
        return [];
    }
    hits = dropOverlaps(hits).filter((h) => !DOCUMENTATION_EXAMPLES.has(h.secret) && !opts.allowed(h.secret, text.slice(h.start, h.end)));
    if (hits.length === 0)
        return [];
    const lines = new text_LineIndex(text);
    const spans = new SpanIndex(hits);
    const findings = [];
    for (const hit of hits) {
        const rule = rules_RULE_BY_ID.get(hit.ruleId);
        if (!rule)
            continue;
        const from = lines.position(hit.start);
        const to = lines.position(Math.max(hit.start, hit.end - 1));
        const [lineStart, lineEnd] = lines.lineBounds(from.line);
        findings.push({
            ruleId: rule.id,
            severity: rule.severity,
            file,
            line: from.line,
            column: from.column,
            endLine: to.line,
            endColumn: to.column + 1,
            message: messageFor(rule, hit),
            fingerprint: fingerprint(rule.id, file, sha256(hit.secret)),
            snippet: redactedSnippet(text, lineStart, lineEnd, hit.start, (from, to) => spans.overlapping(from, to)),
        });
    }
    return findings;
}
/** The metadata of one secret rule, or undefined. */
function secretRule(ruleId) {
    return RULE_BY_ID.get(ruleId);
}
const SECRET_RULE_IDS = SECRET_RULES.map((r) => r.id);

;// CONCATENATED MODULE: ./packages/scanner/suppress.ts
/**
 * Accepting findings on purpose: inline `# astl:ignore <rule-id>[,<rule-id>] <reason>` comments
 * (same line or the line above; the reason is required) and baseline files of fingerprints
 * (for JSON, which has no comments, and for adopting the scanner on an existing repository).
 */
const MARKER = /(?:#|\/\/)\s*astl:ignore\b[ \t]*([^\s]*)[ \t]*(.*)$/;
/** Suppression comments of one file by line; comments without a reason become findings. */
function readSuppressions(ctx) {
    const out = new Map();
    if (!ctx.text.includes('astl:ignore'))
        return out;
    const lines = ctx.lines;
    for (let line = 1; line <= lines.lineCount; line++) {
        const text = lines.lineText(line);
        if (!text.includes('astl:ignore'))
            continue;
        const m = MARKER.exec(text);
        if (!m)
            continue;
        const rules = (m[1] ?? '').split(',').filter(Boolean);
        const reason = (m[2] ?? '').trim();
        if (rules.length === 0 || !reason) {
            ctx.emit({
                ruleId: 'scan/suppression-without-reason',
                line,
                message: rules.length
                    ? `\`astl:ignore ${rules.join(',')}\` gives no reason, so it does not suppress anything. Say why the finding is acceptable: \`# astl:ignore ${rules.join(',')} <reason>\`.`
                    : 'A bare `astl:ignore` names no rule and gives no reason: write `# astl:ignore <rule-id> <reason>`.',
                about: `astl:ignore ${rules.join(',')}`,
            });
            continue;
        }
        out.set(line, { rules, reason });
    }
    return out;
}
function isSuppressed(finding, suppressions) {
    if (suppressions.size === 0)
        return false;
    for (const line of [finding.line, finding.line - 1]) {
        const s = suppressions.get(line);
        if (s?.rules.some((r) => r === finding.ruleId || (r.endsWith('/*') && finding.ruleId.startsWith(r.slice(0, -1))))) {
            return true;
        }
    }
    return false;
}
function applySuppressions(ctx) {
    const suppressions = readSuppressions(ctx);
    const kept = [];
    const suppressed = [];
    for (const f of ctx.findings) {
        if (f.ruleId !== 'scan/suppression-without-reason' && isSuppressed(f, suppressions))
            suppressed.push(f);
        else
            kept.push(f);
    }
    return { kept, suppressed };
}
/** Baseline file: `{"version":1,"fingerprints":[...]}` or one fingerprint a line (`#` comments). */
function parseBaseline(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        const data = JSON.parse(trimmed);
        if (!Array.isArray(data.fingerprints))
            throw new Error('a JSON baseline needs a "fingerprints" list');
        return new Set(data.fingerprints.map((f) => typeof f === 'string' ? f : (f?.fingerprint ?? '')));
    }
    return new Set(trimmed
        .split(/\r?\n/)
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter(Boolean));
}
/** A baseline accepting every given finding; entries carry rule and file so reviews can read it. */
function writeBaseline(findings) {
    const byFingerprint = new Map();
    for (const f of findings)
        if (!byFingerprint.has(f.fingerprint))
            byFingerprint.set(f.fingerprint, f);
    const entries = [...byFingerprint.values()]
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId))
        .map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file }));
    return `${JSON.stringify({ version: 1, fingerprints: entries }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/scanner/workflow/yaml.ts
/**
 * YAML for the scanner's rules: every document parsed with positions, then aliases and merge
 * keys resolved into a plain node tree, so a rule never meets an `Alias` (`run: *cmd` is the
 * anchored script, at the anchor's position, where its text is written).
 *
 * GitHub resolves aliases in workflows and action metadata (since 2025-09) and rejects the merge
 * key `<<`; we merge `<<` anyway (YAML 1.1 semantics, own keys win, earlier sources win) so
 * nothing can hide behind it. Expansion is bounded: an alias bomb stops at RESOLVE_LIMITS and the
 * caller reports the file as unparseable (fail closed) instead of passing it.
 */

/**
 * Expanded nodes per document (a workflow of 200 jobs x 50 steps x 10 keys stays far below;
 * a billion-laughs file hits it after a few milliseconds) and nesting depth.
 */
const RESOLVE_LIMITS = { maxNodes: 250_000, maxDepth: 256 };
/** Why a YAML text cannot be turned into resolved documents, at `offset` (0-based). */
class YamlProblem extends Error {
    offset;
    kind;
    constructor(message, offset, kind) {
        super(message);
        this.offset = offset;
        this.kind = kind;
    }
}
/**
 * Parses every document of `text` and resolves aliases and merge keys. Throws YamlProblem
 * (syntax error, unknown or self-referencing alias, expansion over RESOLVE_LIMITS).
 */
function parseResolved(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    let docs;
    try {
        docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
    }
    catch (err) {
        throw new YamlProblem(err instanceof RangeError ? 'nested too deeply to parse' : err.message, 0, 'limit');
    }
    const list = Array.isArray(docs) ? docs : [docs];
    const out = [];
    for (const document of list) {
        const problem = document.errors[0];
        if (problem)
            throw new YamlProblem(problem.message.split('\n')[0], problem.pos[0], 'syntax');
        const root = new Resolver(document).build(document.contents, 0);
        if (root === null && document.contents === null)
            continue;
        out.push({ root, document });
    }
    return out;
}
class Resolver {
    doc;
    nodes = 0;
    active = new Set();
    constructor(doc) {
        this.doc = doc;
    }
    build(node, depth) {
        if (node === null || node === undefined)
            return null;
        if (depth > RESOLVE_LIMITS.maxDepth) {
            throw new YamlProblem(`nested more than ${RESOLVE_LIMITS.maxDepth} levels deep after resolving aliases`, node.range?.[0] ?? 0, 'limit');
        }
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(this.doc);
            if (!target) {
                throw new YamlProblem(`alias *${node.source} has no anchor before it`, node.range?.[0] ?? 0, 'alias');
            }
            if (this.active.has(target)) {
                throw new YamlProblem(`alias *${node.source} refers to itself`, node.range?.[0] ?? 0, 'alias');
            }
            this.active.add(target);
            try {
                return this.build(target, depth + 1);
            }
            finally {
                this.active.delete(target);
            }
        }
        if (++this.nodes > RESOLVE_LIMITS.maxNodes) {
            throw new YamlProblem(`expands to more than ${RESOLVE_LIMITS.maxNodes} nodes through aliases (an alias bomb?)`, node.range?.[0] ?? 0, 'limit');
        }
        if ((0,dist/* isScalar */.jn)(node)) {
            const copy = new dist/* Scalar */.X5(node.value);
            copy.range = node.range;
            copy.type = node.type;
            if (node.tag)
                copy.tag = node.tag;
            return copy;
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            const copy = new dist/* YAMLSeq */.Rw();
            copy.range = node.range;
            copy.flow = node.flow;
            for (const item of node.items)
                copy.items.push(this.build(item, depth + 1));
            return copy;
        }
        if ((0,dist/* isMap */.jh)(node))
            return this.buildMap(node, depth);
        return null;
    }
    buildMap(node, depth) {
        const copy = new dist/* YAMLMap */.CA();
        copy.range = node.range;
        copy.flow = node.flow;
        const own = [];
        const merged = [];
        for (const item of node.items) {
            if (!(0,dist/* isPair */.tO)(item))
                continue;
            const rawKey = item.key;
            if ((0,dist/* isScalar */.jn)(rawKey) && rawKey.value === '<<' && rawKey.type === 'PLAIN') {
                const value = this.build(item.value, depth + 1);
                const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
                for (const source of sources) {
                    if ((0,dist/* isMap */.jh)(source))
                        merged.push(...source.items);
                    else if (source !== null) {
                        throw new YamlProblem('a merge key (<<) needs a mapping or a list of mappings', rawKey.range?.[0] ?? 0, 'alias');
                    }
                }
                continue;
            }
            const key = this.build(rawKey, depth + 1);
            const pair = new dist/* Pair */.Rm(key, this.build(item.value, depth + 1));
            own.push(pair);
        }
        const seen = new Set(own.map((p) => keyText(p.key)));
        copy.items.push(...own);
        for (const pair of merged) {
            const k = keyText(pair.key);
            if (seen.has(k))
                continue;
            seen.add(k);
            copy.items.push(pair);
        }
        return copy;
    }
}
function keyText(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : JSON.stringify(key);
}
/** Plain JavaScript value of a resolved node (maps to objects, lists to arrays). */
function toPlain(node) {
    if ((0,dist/* isScalar */.jn)(node))
        return node.value;
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map(toPlain);
    if ((0,dist/* isMap */.jh)(node)) {
        const out = {};
        for (const pair of node.items)
            if ((0,dist/* isPair */.tO)(pair))
                out[String(keyText(pair.key))] = toPlain(pair.value);
        return out;
    }
    return null;
}

;// CONCATENATED MODULE: ./packages/scanner/scan.ts
/**
 * The scan engine: selects files (globs, or a pull request's changed files), reads each once,
 * runs the rules that apply to its kind plus the secret rules on every text, applies inline
 * suppressions, the diff scope and the baseline, and returns findings for the reporters.
 * No I/O beyond reading the workspace and running git; nothing printed.
 */




















const ALL_RULES = [...SCANNER_RULES, ...SECRET_RULES];
const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
/** What a file is by its path alone; YAML files are also classified by shape (scanYaml). */
function kindOf(file) {
    if (/(^|\/)\.github\/workflows\/.+\.ya?ml$/is.test(file))
        return 'workflow';
    if (/(^|\/)action\.ya?ml$/i.test(file))
        return 'action';
    if (/\.ya?ml$/i.test(file))
        return 'yaml';
    if (/\.json$/i.test(file))
        return 'json';
    return 'other';
}
async function scan(options) {
    const started = performance.now();
    const root = (0,external_node_path_.resolve)(options.root);
    const userPaths = options.paths && options.paths.length > 0 ? options.paths : undefined;
    const include = userPaths ?? DEFAULT_PATHS;
    const exclude = options.exclude ?? DEFAULT_EXCLUDE;
    const warnings = [];
    const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    const secrets = options.detectSecrets ?? detectSecrets;
    const config = typeof options.config === 'object' ? options.config : loadScanConfig(root, options.config);
    const pinning = [...config.pinning.policies];
    if (options.allowFirstPartyTags !== undefined) {
        warnings.push(`allow-first-party-tags is deprecated and will be removed: the default now requires SHA pins for every action, as zizmor does. To keep accepting tags, add to .astl/scan.yaml: pinning: { policies: [{ uses: "actions/*", policy: ref-pin, reason: "..." }, { uses: "github/*", policy: ref-pin, reason: "..." }] }`);
        if (options.allowFirstPartyTags) {
            for (const owner of ['actions', 'github']) {
                if (!pinning.some((p) => p.uses === `${owner}/*`)) {
                    pinning.push({
                        uses: `${owner}/*`,
                        policy: 'ref-pin',
                        reason: 'GitHub-owned action (the deprecated allow-first-party-tags switch)',
                        origin: 'allow-first-party-tags',
                    });
                }
            }
        }
    }
    const walked = walk(root, include, exclude);
    const skipped = [...walked.skipped];
    // Scope: which files the rules run on.
    let scope = options.changes ? 'diff' : (options.scope ?? 'all');
    let changes = options.changes;
    if (scope === 'diff' && !changes) {
        if (!options.base) {
            warnings.push('scope is diff but no base commit was given; scanning every file instead');
            scope = 'all';
        }
        else {
            const computed = await computeChangeSet({
                root,
                base: options.base,
                ...(options.head ? { head: options.head } : {}),
                ...(options.github ? { github: options.github } : {}),
            });
            warnings.push(...computed.warnings);
            changes = computed.changes;
            if (!changes) {
                warnings.push('could not determine the changed lines; scanning every file instead');
                scope = 'all';
            }
        }
    }
    const targets = scope === 'diff' && changes ? walked.files.filter((f) => changes.files.has(f)) : walked.files;
    // Each file is read once; policy context may need files outside the diff.
    const cache = new Map();
    const read = (file) => {
        let got = cache.get(file);
        if (!got) {
            got = readSource(root, file, maxBytes);
            cache.set(file, got);
        }
        return got;
    };
    const yaml = new YamlCache();
    const policies = loadPolicyContext(walked.files, read, targets, yaml);
    const contexts = [];
    const scannedFiles = [];
    let bytesScanned = 0;
    const sessionPolicies = new Map();
    const targetSet = new Set(targets);
    const scanOne = (file, forceIam) => {
        const source = read(file);
        if (isSkipped(source)) {
            skipped.push(source);
            return;
        }
        const kind = kindOf(file);
        const iamCandidate = forceIam !== undefined || (kind === 'json' && looksLikeIamPolicy(source.text));
        // Under the default paths, `**/*.json` is there to find IAM documents only.
        if (kind === 'json' && !iamCandidate && !userPaths)
            return;
        const ctx = new FileContext(file, source.text, RULES_BY_ID);
        contexts.push(ctx);
        scannedFiles.push(file);
        bytesScanned += source.bytes;
        try {
            if (iamCandidate)
                scanIam(ctx, forceIam);
            else if (kind === 'workflow' || kind === 'action' || kind === 'yaml') {
                scanYaml(ctx, kind, {
                    yaml,
                    policies,
                    pinning,
                    root,
                    onSessionPolicy: (path, agent) => {
                        if (!sessionPolicies.has(path))
                            sessionPolicies.set(path, agent);
                    },
                });
            }
        }
        catch (err) {
            // A rule must never abort the scan; a crash in one is reported (an error: the file was
            // not checked, so the scan fails closed) and the file still gets its secret check.
            ctx.emit({
                ruleId: 'scan/parse-error',
                line: 1,
                message: `The scanner could not check ${file}: ${err.message}. Only the secret rules ran on it; please report this.`,
                about: 'internal-error',
                fileLevel: true,
            });
        }
        for (const f of secrets(source.text, file))
            ctx.findings.push(f);
    };
    for (const file of targets)
        scanOne(file);
    // Session policies named by a scanned registry are IAM documents whatever their path.
    for (const [path, agent] of sessionPolicies) {
        if (targetSet.has(path) || scannedFiles.includes(path))
            continue;
        if (scope === 'diff' && changes && !changes.files.has(path))
            continue;
        scanOne(path, `agent '${agent}'`);
    }
    // Suppressions, diff scope, baseline.
    const baseline = loadBaseline(root, options.baseline);
    let suppressed = 0;
    let baselined = 0;
    let outsideDiff = 0;
    const findings = [];
    for (const ctx of contexts) {
        const result = applySuppressions(ctx);
        suppressed += result.suppressed.length;
        const change = scope === 'diff' ? changes?.files.get(ctx.file) : undefined;
        for (const f of result.kept) {
            if (scope === 'diff' &&
                !f.fileLevel &&
                !(change && isChangedLine(change, f.line, f.endLine ?? f.line))) {
                outsideDiff++;
                continue;
            }
            if (baseline.has(f.fingerprint)) {
                baselined++;
                continue;
            }
            findings.push(publicFinding(f));
        }
    }
    findings.sort(compareFindings);
    const bySeverity = { error: 0, warning: 0, note: 0 };
    const byRule = {};
    for (const f of findings) {
        bySeverity[f.severity]++;
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    }
    return {
        findings,
        files: scannedFiles.sort(),
        skipped,
        scope,
        ...(scope === 'diff' && changes ? { changeSource: changes.source } : {}),
        warnings,
        stats: {
            filesScanned: scannedFiles.length,
            bytesScanned,
            durationMs: performance.now() - started,
            bySeverity,
            byRule,
            suppressed,
            baselined,
            outsideDiff,
        },
        rules: ALL_RULES,
    };
}
function publicFinding(f) {
    const { fileLevel: _fileLevel, ...rest } = f;
    return rest;
}
function loadBaseline(root, baseline) {
    if (!baseline)
        return new Set();
    if (typeof baseline !== 'string')
        return baseline;
    try {
        // Inside the workspace and out of .git/ (core/workspace-path), or refused without its content.
        return parseBaseline((0,core/* readWorkspaceFile */.sL)(baseline, { root }, { what: 'baseline', code: 'BASELINE_INVALID' }).toString('utf8'));
    }
    catch (err) {
        if (err instanceof core/* AstlError */.Ht)
            throw err;
        throw new core/* AstlError */.Ht(`cannot use baseline ${baseline}: ${err.message}`, {
            code: 'BASELINE_INVALID',
            location: { file: baseline },
            hint: 'write it with `astl scan --write-baseline FILE`: JSON {"version":1,"fingerprints":[...]} or one fingerprint a line',
        });
    }
}
/**
 * AgentPolicies in the walked files (read even when outside the diff, because a changed
 * registry is checked against the organisation's current policies).
 */
function loadPolicyContext(files, read, targets, yaml) {
    const targetSet = new Set(targets);
    const policies = [];
    const yamlFiles = files.filter((f) => /\.ya?ml$/i.test(f) && kindOf(f) !== 'workflow');
    // Only worth reading when a registry-looking file is going to be checked.
    const anyRegistry = targets.some((f) => /\.ya?ml$/i.test(f));
    if (!anyRegistry)
        return policies;
    for (const file of yamlFiles) {
        const source = read(file);
        if (isSkipped(source) || !source.text.includes('AgentPolicy'))
            continue;
        let docs;
        try {
            docs = yaml.parse(source.text, file, targetSet.has(file));
        }
        catch {
            continue;
        }
        try {
            for (const p of (0,registry/* parseAgentPolicies */.Hw)(docs)) {
                const view = {
                    name: p.name,
                    file: p.file,
                    agentTypes: p.agentTypes,
                    restrictions: p.restrictions,
                };
                if (p.credentialPolicy?.type)
                    view.credentialType = p.credentialPolicy.type;
                if (p.credentialPolicy?.maxTtlSeconds !== undefined) {
                    view.maxTtlSeconds = p.credentialPolicy.maxTtlSeconds;
                    view.maxTtlText = (0,core/* formatDuration */.a3)(p.credentialPolicy.maxTtlSeconds);
                }
                policies.push(view);
            }
        }
        catch {
            // Invalid policy files are reported as config/invalid when scanned; read them leniently.
            for (const doc of docs) {
                const view = readAgentPolicy(doc.doc.contents, file);
                if (view)
                    policies.push(view);
            }
        }
    }
    return policies;
}
/**
 * Policy files are parsed for context and again when scanned; parsing is the dominant cost of
 * the YAML rules, so one scan keeps each file's result until the second use.
 */
class YamlCache {
    entries = new Map();
    parse(text, file, keep) {
        const hit = this.entries.get(file);
        if (hit) {
            this.entries.delete(file);
            if (hit.error !== undefined)
                throw hit.error;
            return hit.docs;
        }
        try {
            const docs = (0,core/* parseYaml */.hN)(text, file);
            if (keep)
                this.entries.set(file, { docs });
            return docs;
        }
        catch (error) {
            if (keep)
                this.entries.set(file, { error });
            throw error;
        }
    }
}
/**
 * What an unparseable YAML file was meant to be, from its path and its text: a workflow or
 * action by path or by top-level keys, a registry or policy likewise. Undefined for any other
 * YAML, which is then only scanned as text for secrets.
 */
function configKindOf(file, kind, text) {
    if (kind === 'workflow')
        return 'workflow';
    if (kind === 'action')
        return 'action';
    if (/(^|\/|\.)gitlab-ci\.ya?ml$/i.test(file))
        return 'GitLab CI configuration';
    if (/(^|\/)agent-config\.ya?ml$/i.test(file))
        return 'agent config';
    const top = (key) => new RegExp(`^["']?${key}["']?[ \\t]*:`, 'm').test(text);
    if (top('jobs') && (top('on') || top('true')))
        return 'workflow';
    if (top('runs') && (top('name') || top('description')))
        return 'action';
    if (top('agents'))
        return 'agent config';
    if (/^["']?kind["']?[ \t]*:[ \t]*["']?\w*Policy\b/m.test(text) || top('agentTypes'))
        return 'policy';
    if (/(^|\/)policies\//i.test(file))
        return 'policy';
    return undefined;
}
function scanYaml(ctx, kind, options) {
    let resolved;
    try {
        resolved = parseResolved(ctx.text);
    }
    catch (err) {
        if (!(err instanceof YamlProblem))
            throw err;
        const what = configKindOf(ctx.file, kind, ctx.text);
        if (what)
            reportParseError(ctx, err, what);
        return;
    }
    let hasRegistry = false;
    let hasPolicy = false;
    for (const doc of resolved) {
        const rootNode = doc.root;
        // By shape first, then by path: an action definition kept under .github/workflows/ is
        // still an action, and a workflow anywhere is a workflow.
        const actionShaped = isActionShape(rootNode) && !isWorkflowShape(rootNode);
        if ((kind === 'workflow' && !actionShaped) || (kind !== 'action' && isWorkflowShape(rootNode))) {
            if ((0,dist/* isMap */.jh)(rootNode))
                checkDefinition(readWorkflow(rootNode), ctx, { pinning: options.pinning });
            continue;
        }
        if (kind === 'action' || isActionShape(rootNode)) {
            if ((0,dist/* isMap */.jh)(rootNode))
                checkDefinition(readAction(rootNode), ctx, { pinning: options.pinning });
            continue;
        }
        if (/(^|\/|\.)gitlab-ci\.ya?ml$/i.test(ctx.file))
            checkGitlabCi(rootNode, ctx);
        if ((0,dist/* isSeq */.oP)(get(rootNode, 'agents'))) {
            hasRegistry = true;
            // Session policies resolve inside the scan root, out of .git/, after symbolic links
            // (core/workspace-path); anything else is a finding and is never read.
            const inspect = (file) => (0,core/* inspectWorkspacePath */.lX)(file, { root: options.root });
            checkRegistry(rootNode, ctx, {
                policies: options.policies,
                pathProblem: (file) => {
                    const r = inspect(file);
                    if (!(0,core/* isPathProblem */.Ld)(r))
                        return undefined;
                    return r.kind === 'git-dir'
                        ? 'is inside .git/'
                        : r.kind === 'outside'
                            ? 'leads outside the repository'
                            : 'is not a usable path';
                },
                fileExists: (file) => {
                    const r = inspect(file);
                    try {
                        return !(0,core/* isPathProblem */.Ld)(r) && r.exists && (0,external_node_fs_.statSync)(r.real).isFile();
                    }
                    catch {
                        return false;
                    }
                },
            });
            for (const agent of toPlain(rootNode).agents ?? []) {
                const a = agent;
                const path = a?.credentials?.aws?.['session-policy'];
                if (typeof path !== 'string')
                    continue;
                const r = inspect(path);
                // Scanned by its real path: no link is followed when the file is read.
                if (!(0,core/* isPathProblem */.Ld)(r) && r.exists && r.relative !== '') {
                    options.onSessionPolicy(r.relative, String(a.name ?? '?'));
                }
            }
        }
        if (str(get(rootNode, 'kind')) === 'AgentPolicy')
            hasPolicy = true;
    }
    // A file named like the registry is validated even when `agents:` is missing or misspelled.
    if (hasRegistry || /(^|\/)agent-config\.ya?ml$/i.test(ctx.file)) {
        schemaFindings(ctx, 'agent config', () => (0,registry/* parseRegistry */.l5)(ctx.text, ctx.file));
    }
    // The policy loader also recognises a misspelled `kind:` and a missing one.
    if (hasPolicy || /\bagentTypes\b|\bkind:\s*\S*policy/i.test(ctx.text)) {
        schemaFindings(ctx, 'policy', () => (0,registry/* parseAgentPolicies */.Hw)(options.yaml.parse(ctx.text, ctx.file, false)));
    }
}
/** The registry/policy loaders' validation errors, as `config/invalid` findings. */
function schemaFindings(ctx, what, validate) {
    try {
        validate();
    }
    catch (err) {
        const errors = err instanceof core/* AstlErrors */.ci ? err.errors : err instanceof core/* AstlError */.Ht ? [err] : [];
        for (const e of errors) {
            if (e.code === 'YAML_SYNTAX') {
                // The scanner's own parse succeeded but the product's loader refuses the file (more
                // aliases than it accepts, say): the actions would refuse it too.
                reportParseError(ctx, e, what);
                continue;
            }
            const line = e.location?.file === ctx.file || !e.location?.file ? (e.location?.line ?? 1) : 1;
            ctx.emit({
                ruleId: 'config/invalid',
                line,
                ...(e.location?.column !== undefined ? { column: e.location.column } : {}),
                message: `${e.message}${e.hint ? `. ${e.hint}` : ''}`,
                about: e.message,
            });
        }
    }
}
function scanIam(ctx, origin) {
    let tree;
    try {
        tree = parseJsonTree(ctx.text);
    }
    catch (err) {
        if (err instanceof JsonSyntaxError || err instanceof RangeError) {
            ctx.emit({
                ruleId: 'scan/parse-error',
                line: 1,
                message: `${ctx.file} looks like an IAM policy but is not valid JSON (${err.message}); fix the syntax so its statements can be checked.`,
                about: 'json-syntax',
                fileLevel: true,
            });
            return;
        }
        throw err;
    }
    checkIamPolicy(tree, ctx, origin);
}
function reportParseError(ctx, err, what) {
    const located = err instanceof core/* AstlError */.Ht ? err : undefined;
    const problem = err instanceof YamlProblem ? err : undefined;
    const message = problem
        ? problem.message
        : err instanceof RangeError
            ? 'it is nested too deeply to parse'
            : located
                ? located.message
                : (err?.message ?? String(err));
    const line = problem ? ctx.position(problem.offset).line : (located?.location?.line ?? 1);
    ctx.emit({
        ruleId: 'scan/parse-error',
        line,
        message: `${ctx.file} looks like a${/^[aeiou]/i.test(what) ? 'n' : ''} ${what} but could not be parsed (${message}), so none of its rules ran: the scan fails closed. Fix the YAML at this line${problem?.kind === 'limit' ? ' (or expand the aliases it uses)' : ''}.`,
        about: `parse-error ${what}`,
        fileLevel: true,
    });
}


;// CONCATENATED MODULE: ./packages/scanner/index.ts
/** The scanner: engine, change sets, suppressions and baselines, reporters. No Actions I/O. */










/***/ })

};
