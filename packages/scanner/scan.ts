/**
 * The scan engine: selects files (globs, or a pull request's changed files), reads each once,
 * runs the rules that apply to its kind plus the secret rules on every text, applies inline
 * suppressions, the diff scope and the baseline, and returns findings for the reporters.
 * No I/O beyond reading the workspace and running git; nothing printed.
 */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { isMap, type Node, visit } from 'yaml';
import {
  AstlError,
  AstlErrors,
  formatDuration,
  inspectWorkspacePath,
  isPathProblem,
  parseYaml,
  readWorkspaceFile,
  type YamlDoc,
} from '../core/index.js';
import { parseAgentPolicies, parseRegistry } from '../registry/index.js';
import { mergeCatalog } from './agents/catalog.js';
import { type AgentAuditOptions, auditDefinition } from './agents/github.js';
import { auditGitlab } from './agents/gitlab.js';
import { buildInventory } from './agents/inventory.js';
import { DEFAULT_POLICIES, DEFAULT_REGISTRY, RegistryStore } from './agents/registry.js';
import type { AgentInventory } from './agents/types.js';
import { type ChangeSet, computeChangeSet, type GitHubPullRequest, isChangedLine } from './changeset.js';
import { loadScanConfig, type PinningRule, type ScanConfig } from './config.js';
import { FileContext, type RawFinding } from './context.js';
import type { Finding, RuleMeta, Severity } from './finding.js';
import { compareFindings } from './order.js';
import { type AgentPolicyView, checkRegistry, readAgentPolicy } from './rules/agent.js';
import { checkGitlabCi } from './rules/gitlab.js';
import { checkIamPolicy, JsonSyntaxError, looksLikeIamPolicy, parseJsonTree } from './rules/iam.js';
import { checkDefinition } from './rules/workflow.js';
import { get, isSeq, str } from './rules/yaml-nodes.js';
import { SCANNER_RULES } from './rules.js';
import { detectSecrets, SECRET_RULES } from './secrets/index.js';
import {
  DEFAULT_EXCLUDE,
  DEFAULT_PATHS,
  formatBytes,
  globMatcher,
  isSkipped,
  MAX_FILE_BYTES,
  readSource,
  readWindows,
  type SkippedFile,
  type SourceFile,
  selectFiles,
  type WalkResult,
  walk,
} from './source.js';
import {
  acceptedInChange,
  applySuppressions,
  type InlineAcceptance,
  parseBaseline,
  quotedReason,
} from './suppress.js';
import { isActionShape, isWorkflowShape, readAction, readWorkflow } from './workflow/model.js';
import { parseResolved, type ResolvedDocument, toPlain, YamlProblem } from './workflow/yaml.js';

export type Scope = 'all' | 'diff';

export interface ScanOptions {
  /** Workspace root; every path in the result is relative to it. */
  root: string;
  /** Globs of files to scan; default DEFAULT_PATHS. `['**']` scans every text file. */
  paths?: string[];
  /**
   * Files (root-relative) to scan, taken literally: no glob matching, one `lstat` each; a
   * folder is scanned whole. With `paths` too, the union; without, nothing else is walked.
   */
  files?: string[];
  /** Globs never walked; default `.git/**` and `node_modules/**`. */
  exclude?: string[];
  /** `diff`: only findings on lines the change added or modified. Default `all`. */
  scope?: Scope;
  /** Base and head commits for `diff` (head defaults to HEAD). */
  base?: string;
  head?: string;
  /** Pull request to ask the GitHub API about when `base` is not in a shallow clone. */
  github?: GitHubPullRequest;
  /** A precomputed change set (tests, callers that already know). Implies `diff`. */
  changes?: ChangeSet;
  /** Baseline: a file path (relative to root) or the fingerprints themselves. */
  baseline?: string | ReadonlySet<string>;
  /**
   * The scan configuration: a path relative to root, the parsed config, or undefined to read
   * `.astl/scan.yaml` (or `.yml`) when it exists. See ./config.ts.
   */
  config?: string | ScanConfig;
  /**
   * Deprecated: accept `actions/*` and `github/*` pinned by tag. Use a `pinning.policies` entry
   * in the scan config instead; `true` adds those two exceptions and a warning.
   */
  allowFirstPartyTags?: boolean;
  /** Files larger than this get only the secret rules, streamed in windows. Default 1 MiB. */
  maxFileBytes?: number;
  /** Secret detection; default the scanner's own (./secrets). */
  detectSecrets?: (text: string, file: string) => Finding[];
}

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  /** Findings accepted by `# astl:ignore` comments. */
  suppressed: number;
  /** Findings accepted by the baseline. */
  baselined: number;
  /** Findings outside the changed lines (diff scope). */
  outsideDiff: number;
}

export interface ScanResult {
  /** Reported findings, most severe first, then by file and line. */
  findings: Finding[];
  /** Every file the rules ran on. */
  files: string[];
  skipped: SkippedFile[];
  /** The scope actually used (`diff` falls back to `all` when no change set can be had). */
  scope: Scope;
  changeSource?: ChangeSet['source'];
  /** Things the user should know: fallbacks, unreadable baseline... */
  warnings: string[];
  stats: ScanStats;
  /** Every rule the scanner knows, for SARIF's tool.driver.rules. */
  rules: RuleMeta[];
  /**
   * AI agents discovered in the scanned CI files beside the registered ones (docs/agents.md).
   * Optional so results built by hand (tests, other front ends) need not carry one.
   */
  agents?: AgentInventory;
}

export const ALL_RULES: RuleMeta[] = [...SCANNER_RULES, ...SECRET_RULES];
const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

type Kind = 'workflow' | 'action' | 'yaml' | 'json' | 'other';

/** What a file is by its path alone; YAML files are also classified by shape (scanYaml). */
function kindOf(file: string): Kind {
  if (/(^|\/)\.github\/workflows\/.+\.ya?ml$/is.test(file)) return 'workflow';
  if (/(^|\/)action\.ya?ml$/i.test(file)) return 'action';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.json$/i.test(file)) return 'json';
  return 'other';
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const named = options.files && options.files.length > 0 ? options.files : undefined;
  const globs = options.paths && options.paths.length > 0 ? options.paths : undefined;
  const userPaths = globs ?? named;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const warnings: string[] = [];
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const secrets = options.detectSecrets ?? detectSecrets;
  const config = typeof options.config === 'object' ? options.config : loadScanConfig(root, options.config);
  const pinning: PinningRule[] = [...config.pinning.policies];
  if (options.allowFirstPartyTags !== undefined) {
    warnings.push(
      `allow-first-party-tags is deprecated and will be removed: the default now requires SHA pins for every action, as zizmor does. To keep accepting tags, add to .astl/scan.yaml: pinning: { policies: [{ uses: "actions/*", policy: ref-pin, reason: "..." }, { uses: "github/*", policy: ref-pin, reason: "..." }] }`,
    );
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

  const walked = selectTargets(root, named, named && !globs ? undefined : (globs ?? DEFAULT_PATHS), exclude);
  const skipped = [...walked.skipped];

  // Scope: which files the rules run on.
  let scope: Scope = options.changes ? 'diff' : (options.scope ?? 'all');
  let changes = options.changes;
  if (scope === 'diff' && !changes) {
    if (!options.base) {
      warnings.push('scope is diff but no base commit was given; scanning every file instead');
      scope = 'all';
    } else {
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
  const targets =
    scope === 'diff' && changes ? walked.files.filter((f) => changes.files.has(f)) : walked.files;

  // Each file is read once; policy context may need files outside the diff.
  const cache = new Map<string, SourceFile | SkippedFile>();
  const read = (file: string) => {
    let got = cache.get(file);
    if (!got) {
      got = readSource(root, file, maxBytes);
      cache.set(file, got);
    }
    return got;
  };

  const yaml = new YamlCache();
  const policies = loadPolicyContext(walked.files, read, targets, yaml);
  const store = new RegistryStore(root, (file) => {
    const got = read(file);
    if (!isSkipped(got)) return got.text;
    // There but over the cap, binary or unreadable: the agent checks fail closed on it.
    return /\((ENOENT|ENOTDIR)\)$/.test(got.reason) ? undefined : { unreadable: got.reason.split(';')[0]! };
  });
  const agentOptions: AgentAuditOptions = {
    catalog: mergeCatalog(config.agents?.catalog ?? []),
    store,
    registry: config.agents?.registry ?? DEFAULT_REGISTRY,
    policies: config.agents?.policies ?? DEFAULT_POLICIES,
    readText: (file) => {
      // A file a workflow names (`uses: ./x`) is read only inside the workspace, after links.
      if (isPathProblem(inspectWorkspacePath(file, { root }))) return undefined;
      const got = read(file);
      return isSkipped(got) ? undefined : got.text;
    },
    discovered: [],
    credentialJobs: [],
  };

  const contexts: FileContext[] = [];
  const scannedFiles: string[] = [];
  let bytesScanned = 0;
  const sessionPolicies = new Map<string, string>();
  const targetSet = new Set(targets);

  const streamedAccepted = new Map<string, InlineAcceptance[]>();
  const scanOne = (file: string, forceIam?: string) => {
    const source = read(file);
    if (isSkipped(source)) {
      const { binaryText, ...listed } = source;
      skipped.push(listed);
      const kind = kindOf(file);
      if (binaryText !== undefined) {
        // A binary file: no YAML/JSON rules, but a token pasted into it is still a secret.
        const ctx = new FileContext(file, binaryText, RULES_BY_ID);
        runSecrets(ctx, () => tokenFindings(secrets(binaryText, file), true));
        // A workflow or config with binary bytes must not pass unchecked: fail closed.
        const what = forceIam !== undefined ? 'policy' : uncheckedKind(file, kind, binaryText);
        if (what) reportUnchecked(ctx, what, 'binary (NUL bytes)', 'Save it as UTF-8 text');
        contexts.push(ctx);
        scannedFiles.push(file);
        bytesScanned += Buffer.byteLength(binaryText);
        return;
      }
      if (source.tooLarge !== undefined) {
        // Over the size cap: no YAML/JSON rules, but the secret rules still run, in windows.
        const marks =
          kind === 'json' || kind === 'other' ? undefined : { keys: new Set<string>(), policyKind: false };
        const streamed = scanLargeFile(root, file, secrets, marks);
        if (streamed.skipped) skipped[skipped.length - 1] = streamed.skipped;
        else {
          // A workflow or config padded past the cap must not pass unchecked: fail closed.
          const what = forceIam !== undefined ? 'policy' : marks && uncheckedKind(file, kind, marks);
          if (what)
            reportUnchecked(
              streamed.ctx,
              what,
              `${formatBytes(source.tooLarge)}, over the scanner's ${formatBytes(maxBytes)} limit`,
              `Split the file or remove the padding (a ${what} is rarely this large)`,
            );
          contexts.push(streamed.ctx);
          scannedFiles.push(file);
          bytesScanned += source.tooLarge;
          streamedAccepted.set(file, streamed.accepted);
        }
      }
      return;
    }
    const kind = kindOf(file);
    const iamCandidate = forceIam !== undefined || (kind === 'json' && looksLikeIamPolicy(source.text));
    // Under the default paths, `**/*.json` is there to find IAM documents only.
    if (kind === 'json' && !iamCandidate && !userPaths) return;
    const ctx = new FileContext(file, source.text, RULES_BY_ID);
    contexts.push(ctx);
    scannedFiles.push(file);
    bytesScanned += source.bytes;
    let parsed: ResolvedDocument[] | undefined;
    try {
      if (iamCandidate) scanIam(ctx, forceIam);
      else if (kind === 'workflow' || kind === 'action' || kind === 'yaml') {
        scanYaml(ctx, kind, {
          yaml,
          policies,
          pinning,
          agents: agentOptions,
          root,
          onSessionPolicy: (path, agent) => {
            if (!sessionPolicies.has(path)) sessionPolicies.set(path, agent);
          },
          onParsed: (docs) => {
            parsed = docs;
          },
        });
      }
    } catch (err) {
      // A rule must never abort the scan; a crash in one is reported (an error: the file was
      // not checked, so the scan fails closed) and the file still gets its secret check.
      ctx.emit({
        ruleId: 'scan/parse-error',
        line: 1,
        message: `The scanner could not check ${file}: ${(err as Error).message}. Only the secret rules ran on it; please report this.`,
        about: 'internal-error',
        fileLevel: true,
      });
    }
    runSecrets(ctx, () => secrets(source.text, file));
    if (parsed) {
      const docs = parsed;
      runSecrets(ctx, () => decodedScalarSecrets(ctx, docs, secrets));
    }
  };

  for (const file of targets) scanOne(file);
  // Session policies named by a scanned registry are IAM documents whatever their path.
  for (const [path, agent] of sessionPolicies) {
    if (targetSet.has(path) || scannedFiles.includes(path)) continue;
    if (scope === 'diff' && changes && !changes.files.has(path)) continue;
    scanOne(path, `agent '${agent}'`);
  }
  // A file or folder the scan could not read (a target, or a session policy a registry names) was not
  // checked at all: an error, not a pass.
  for (const s of skipped) {
    if (!s.reason.startsWith('cannot read')) continue;
    const ctx = new FileContext(s.file, '', RULES_BY_ID);
    ctx.emit({
      ruleId: 'scan/parse-error',
      line: 1,
      message: `${s.file}: ${s.reason}, so none of the rules ran on it: the scan fails closed. Make it readable by the scan, or exclude it.`,
      about: 'unreadable',
      fileLevel: true,
    });
    contexts.push(ctx);
  }

  // Suppressions, diff scope, baseline. In diff scope, what the change itself adds to accept a
  // finding (an astl:ignore on a changed line, an edited baseline) turns it into a note: a pull
  // request cannot silence its own findings without reviewers seeing it.
  const baseline = loadBaseline(root, options.baseline);
  const inChange = (file: string | undefined) =>
    scope === 'diff' && changes !== undefined && file !== undefined && changes.files.has(file);
  const baselineFile =
    typeof options.baseline === 'string' ? rootRelative(root, options.baseline) : undefined;
  const baselineChanged = inChange(baselineFile);
  let suppressed = 0;
  let baselined = 0;
  let outsideDiff = 0;
  const findings: Finding[] = [];
  for (const ctx of contexts) {
    const result = applySuppressions(ctx);
    const change = scope === 'diff' ? changes?.files.get(ctx.file) : undefined;
    for (const a of [...result.accepted, ...(streamedAccepted.get(ctx.file) ?? [])]) {
      // The comment or the finding's own lines are new here: the acceptance was never reviewed.
      const fresh =
        change &&
        (isChangedLine(change, a.line, a.line) ||
          isChangedLine(change, a.finding.line, a.finding.endLine ?? a.finding.line));
      if (fresh && !baseline.has(a.finding.fingerprint)) {
        const how = `\`astl:ignore\` on line ${a.line} (${shownReason(a.reason, ctx.file, secrets)})`;
        findings.push(publicFinding(acceptedInChange(a.finding, how)));
      } else suppressed++;
    }
    for (const f of result.kept) {
      if (
        scope === 'diff' &&
        !f.fileLevel &&
        !(change && isChangedLine(change, f.line, f.endLine ?? f.line))
      ) {
        outsideDiff++;
        continue;
      }
      if (baseline.has(f.fingerprint)) {
        if (baselineChanged)
          findings.push(publicFinding(acceptedInChange(f, `the baseline ${baselineFile}`)));
        else baselined++;
        continue;
      }
      findings.push(publicFinding(f));
    }
  }
  if (inChange(config.file)) findings.push(configChanged(config.file!));
  findings.sort(compareFindings);
  // The default registry belongs in the inventory even when no agent is bound to it.
  store.registry(agentOptions.registry);
  const agents = buildInventory(
    store.loaded(),
    agentOptions.discovered,
    agentOptions.credentialJobs,
    findings,
  );

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const byRule: Record<string, number> = {};
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
    agents,
  };
}

/** Named files (literal) and/or a glob walk: the union, sorted. */
function selectTargets(
  root: string,
  named: readonly string[] | undefined,
  globs: readonly string[] | undefined,
  exclude: readonly string[],
): WalkResult {
  const parts = [
    ...(named ? [selectFiles(root, named, exclude)] : []),
    ...(globs ? [walk(root, globs, exclude)] : []),
  ];
  if (parts.length === 1) return parts[0]!;
  return {
    files: [...new Set(parts.flatMap((p) => p.files))].sort(),
    skipped: parts.flatMap((p) => p.skipped),
  };
}

/**
 * The secret rules on a file over the size cap, window by window (source.readWindows): memory
 * stays bounded and the detector's cost linear. Findings keep file coordinates and go through
 * the file's `astl:ignore` comments here, since no window holds the whole text.
 */
function scanLargeFile(
  root: string,
  file: string,
  secrets: (text: string, file: string) => Finding[],
  marks?: ConfigMarks,
): { ctx: FileContext; accepted: InlineAcceptance[]; skipped?: SkippedFile } {
  const ctx = new FileContext(file, '', RULES_BY_ID);
  const accepted: InlineAcceptance[] = [];
  let failed = false;
  const skipped = readWindows(root, file, (w) => {
    if (marks) configMarks(w.text, marks);
    const local = new FileContext(file, w.text, RULES_BY_ID);
    let found: Finding[] = [];
    try {
      found = tokenFindings(secrets(w.text, file), w.binary);
    } catch (err) {
      if (!failed) secretsFailed(ctx, err);
      failed = true;
    }
    for (const f of found) {
      const at = local.lines.offset(f.line, f.column ?? 1);
      if (at >= w.from && at < w.to) local.findings.push(f);
    }
    const result = applySuppressions(local);
    for (const a of result.accepted) {
      accepted.push({ ...a, finding: shiftFinding(a.finding, w.line, w.column), line: a.line + w.line - 1 });
    }
    for (const f of result.kept) ctx.findings.push(shiftFinding(f, w.line, w.column));
  });
  return skipped ? { ctx, accepted, skipped } : { ctx, accepted };
}

/**
 * In a binary file only the rules for tokens with a vendor's shape apply. Not the generic rule
 * (a secret-looking name beside random bytes is what compressed data looks like), URL passwords
 * (bytes before `http` glue on as a scheme, so test fixtures in `.pyc` files look real) or bare
 * 64-hex Ethereum keys (curve constants in every crypto library). Measured on 3,000 binaries
 * (images, fonts, wasm, shared libraries, .pyc): 0 findings with these left out, 59 with them.
 */
const NOT_IN_BINARIES = new Set([
  'secret/generic-high-entropy',
  'secret/url-credentials',
  'secret/ethereum-private-key',
]);
function tokenFindings(found: Finding[], binary: boolean): Finding[] {
  return binary ? found.filter((f) => !NOT_IN_BINARIES.has(f.ruleId)) : found;
}

/**
 * Secrets that YAML decodes but the text does not show: escapes in a double-quoted scalar
 * (`"ghp_\x41…"`, `\u0041`) and a double-quoted string continued with `\` at a line end (its
 * pieces joined with nothing between them). The token rules run on each such scalar's decoded
 * value (each scalar as written, once: aliases are not expanded); findings sit at the scalar's
 * start, and a secret the text rules already found (same fingerprint) is not repeated.
 */
function decodedScalarSecrets(
  ctx: FileContext,
  docs: readonly ResolvedDocument[],
  secrets: (text: string, file: string) => Finding[],
): Finding[] {
  const known = new Set(ctx.findings.map((f) => f.fingerprint));
  const out: Finding[] = [];
  for (const { document } of docs) {
    visit(document, {
      Scalar(_key, node) {
        if (node.type !== 'QUOTE_DOUBLE' || typeof node.value !== 'string' || !node.range) return;
        const [start, end] = node.range;
        // Only this scalar's own text: an unbounded indexOf would make many scalars quadratic.
        if (!ctx.text.slice(start, end).includes('\\')) return;
        const at = ctx.position(start);
        for (const f of tokenFindings(secrets(node.value, ctx.file), true)) {
          if (known.has(f.fingerprint)) continue;
          known.add(f.fingerprint);
          const { column: _c, endLine: _l, endColumn: _e, ...rest } = f;
          out.push({
            ...rest,
            line: at.line,
            column: at.column,
            message: `${f.message} (It is written with escapes or a line continuation in this double-quoted YAML string, which YAML decodes to the secret.)`,
          });
        }
      },
    });
  }
  return out;
}

/** An `astl:ignore` reason as a message quotes it, unless the secret rules find a secret in it. */
function shownReason(
  reason: string,
  file: string,
  secrets: (text: string, file: string) => Finding[],
): string {
  let clean = false;
  try {
    clean = secrets(reason, file).length === 0;
  } catch {
    // A detector that throws here was reported on the file itself; quote nothing.
  }
  return clean ? quotedReason(reason) : 'its reason is withheld: the secret rules find a secret in it';
}

/** The secret rules on one file; a detector that throws leaves the file unchecked: an error. */
function runSecrets(ctx: FileContext, detect: () => Finding[]): void {
  try {
    for (const f of detect()) ctx.findings.push(f);
  } catch (err) {
    secretsFailed(ctx, err);
  }
}

function secretsFailed(ctx: FileContext, err: unknown): void {
  ctx.emit({
    ruleId: 'scan/parse-error',
    line: 1,
    message: `The secret rules failed on ${ctx.file} (${err instanceof Error ? err.message : String(err)}), so it was not checked for secrets: the scan fails closed. Please report this.`,
    about: 'secrets-internal-error',
    fileLevel: true,
  });
}

/** A window-relative finding in file coordinates (the window starts at `line`:`column`). */
function shiftFinding(f: RawFinding, line: number, column: number): RawFinding {
  const shifted: RawFinding = { ...f, line: f.line + line - 1 };
  if (f.column !== undefined) shifted.column = f.line === 1 ? f.column + column - 1 : f.column;
  if (f.endLine !== undefined) shifted.endLine = f.endLine + line - 1;
  if (f.endColumn !== undefined) shifted.endColumn = f.endLine === 1 ? f.endColumn + column - 1 : f.endColumn;
  return shifted;
}

/** `path` (relative to root or absolute) as a root-relative, forward-slash name. */
function rootRelative(root: string, path: string): string {
  return relative(root, resolve(root, path)).split(sep).join('/');
}

/**
 * The scan configuration is part of the change under review and already applies to this scan
 * (it relaxes pinning, moves the agent registry, replaces agent catalog entries): say so.
 */
function configChanged(file: string): Finding {
  const ctx = new FileContext(file, '', RULES_BY_ID);
  ctx.emit({
    ruleId: 'scan/config-changed',
    line: 1,
    message: `This change edits the scan configuration ${file}, and this scan already uses the edited version: its pinning exceptions (shown as notes where they apply) and agent settings (registry, catalog entries) change what is reported. Have the owners of ${file} review it (CODEOWNERS).`,
    about: 'scan config changed',
    fileLevel: true,
  });
  return publicFinding(ctx.findings[0]!);
}

function publicFinding(f: RawFinding): Finding {
  const { fileLevel: _fileLevel, ...rest } = f;
  return rest;
}

function loadBaseline(root: string, baseline: ScanOptions['baseline']): ReadonlySet<string> {
  if (!baseline) return new Set();
  if (typeof baseline !== 'string') return baseline;
  try {
    // Inside the workspace and out of .git/ (core/workspace-path), or refused without its content.
    return parseBaseline(
      readWorkspaceFile(baseline, { root }, { what: 'baseline', code: 'BASELINE_INVALID' }).toString('utf8'),
    );
  } catch (err) {
    if (err instanceof AstlError) throw err;
    throw new AstlError(`cannot use baseline ${baseline}: ${(err as Error).message}`, {
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
function loadPolicyContext(
  files: readonly string[],
  read: (file: string) => SourceFile | SkippedFile,
  targets: readonly string[],
  yaml: YamlCache,
): AgentPolicyView[] {
  const targetSet = new Set(targets);
  const policies: AgentPolicyView[] = [];
  const yamlFiles = files.filter((f) => /\.ya?ml$/i.test(f) && kindOf(f) !== 'workflow');
  // Only worth reading when a registry-looking file is going to be checked.
  const anyRegistry = targets.some((f) => /\.ya?ml$/i.test(f));
  if (!anyRegistry) return policies;
  for (const file of yamlFiles) {
    const source = read(file);
    if (isSkipped(source) || !source.text.includes('AgentPolicy')) continue;
    let docs: YamlDoc[];
    try {
      docs = yaml.parse(source.text, file, targetSet.has(file));
    } catch {
      continue;
    }
    try {
      for (const p of parseAgentPolicies(docs)) {
        const view: AgentPolicyView = {
          name: p.name,
          file: p.file,
          agentTypes: p.agentTypes,
          restrictions: p.restrictions,
        };
        if (p.credentialPolicy?.type) view.credentialType = p.credentialPolicy.type;
        if (p.credentialPolicy?.maxTtlSeconds !== undefined) {
          view.maxTtlSeconds = p.credentialPolicy.maxTtlSeconds;
          view.maxTtlText = formatDuration(p.credentialPolicy.maxTtlSeconds);
        }
        policies.push(view);
      }
    } catch {
      // Invalid policy files are reported as config/invalid when scanned; read them leniently.
      for (const doc of docs) {
        const view = readAgentPolicy(doc.doc.contents as Node | null, file);
        if (view) policies.push(view);
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
  private readonly entries = new Map<string, { docs?: YamlDoc[]; error?: unknown }>();

  parse(text: string, file: string, keep: boolean): YamlDoc[] {
    const hit = this.entries.get(file);
    if (hit) {
      this.entries.delete(file);
      if (hit.error !== undefined) throw hit.error;
      return hit.docs!;
    }
    try {
      const docs = parseYaml(text, file);
      if (keep) this.entries.set(file, { docs });
      return docs;
    } catch (error) {
      if (keep) this.entries.set(file, { error });
      throw error;
    }
  }
}

interface YamlScanOptions {
  yaml: YamlCache;
  policies: AgentPolicyView[];
  pinning: readonly PinningRule[];
  agents: AgentAuditOptions;
  root: string;
  onSessionPolicy: (path: string, agent: string) => void;
  /** The file's documents, once parsed (for the decoded-scalar secret pass). */
  onParsed?: (docs: ResolvedDocument[]) => void;
}

/** The kinds of YAML file whose rules must run: one that cannot be parsed is an error. */
type ConfigKind = 'workflow' | 'action' | 'agent config' | 'policy' | 'GitLab CI configuration';

/**
 * What an unparseable YAML file was meant to be, from its path and its text: a workflow or
 * action by path or by top-level keys, a registry or policy likewise. Undefined for any other
 * YAML, which is then only scanned as text for secrets.
 */
function configKindOf(file: string, kind: Kind, text: string | ConfigMarks): ConfigKind | undefined {
  if (kind === 'workflow') return 'workflow';
  if (kind === 'action') return 'action';
  if (/(^|\/|\.)gitlab-ci\.ya?ml$/i.test(file)) return 'GitLab CI configuration';
  if (/(^|\/)agent-config\.ya?ml$/i.test(file)) return 'agent config';
  const marks = typeof text === 'string' ? configMarks(text) : text;
  const top = (key: string) => marks.keys.has(key);
  if (top('jobs') && (top('on') || top('true'))) return 'workflow';
  if (top('runs') && (top('name') || top('description'))) return 'action';
  if (top('agents')) return 'agent config';
  if (marks.policyKind || top('agentTypes')) return 'policy';
  if (/(^|\/)policies\//i.test(file)) return 'policy';
  return undefined;
}

/** The top-level keys (and a `kind: …Policy`) that tell what a YAML text is meant to be. */
interface ConfigMarks {
  keys: Set<string>;
  policyKind: boolean;
}

const CONFIG_KEY = /^["']?(jobs|on|true|runs|name|description|agents|agentTypes)["']?[ \t]*:/gm;

/** Adds the marks found in `text` to `into` (a large file is read window by window). */
function configMarks(text: string, into: ConfigMarks = { keys: new Set(), policyKind: false }): ConfigMarks {
  for (const m of text.matchAll(CONFIG_KEY)) into.keys.add(m[1]!);
  if (/^["']?kind["']?[ \t]*:[ \t]*["']?\w*Policy\b/m.test(text)) into.policyKind = true;
  return into;
}

function scanYaml(ctx: FileContext, kind: Kind, options: YamlScanOptions): void {
  let resolved: ResolvedDocument[];
  try {
    resolved = parseResolved(ctx.text);
  } catch (err) {
    if (!(err instanceof YamlProblem)) throw err;
    const what = configKindOf(ctx.file, kind, ctx.text);
    if (what) reportParseError(ctx, err, what);
    return;
  }
  options.onParsed?.(resolved);
  let hasRegistry = false;
  let hasPolicy = false;
  for (const doc of resolved) {
    const rootNode = doc.root;
    // By shape first, then by path: an action definition kept under .github/workflows/ is
    // still an action, and a workflow anywhere is a workflow.
    const actionShaped = isActionShape(rootNode) && !isWorkflowShape(rootNode);
    if ((kind === 'workflow' && !actionShaped) || (kind !== 'action' && isWorkflowShape(rootNode))) {
      if (isMap(rootNode)) {
        const model = readWorkflow(rootNode);
        checkDefinition(model, ctx, { pinning: options.pinning });
        auditDefinition(model, ctx, options.agents);
      }
      continue;
    }
    if (kind === 'action' || isActionShape(rootNode)) {
      if (isMap(rootNode)) {
        const model = readAction(rootNode);
        checkDefinition(model, ctx, { pinning: options.pinning });
        auditDefinition(model, ctx, options.agents);
      }
      continue;
    }
    if (/(^|\/|\.)gitlab-ci\.ya?ml$/i.test(ctx.file)) {
      checkGitlabCi(rootNode, ctx);
      auditGitlab(rootNode, ctx, options.agents);
    }
    if (isSeq(get(rootNode, 'agents'))) {
      hasRegistry = true;
      // A scanned registry belongs in the agent inventory (when it is valid).
      options.agents.store.registry(ctx.file);
      // Session policies resolve inside the scan root, out of .git/, after symbolic links
      // (core/workspace-path); anything else is a finding and is never read.
      const inspect = (file: string) => inspectWorkspacePath(file, { root: options.root });
      checkRegistry(rootNode, ctx, {
        policies: options.policies,
        pathProblem: (file) => {
          const r = inspect(file);
          if (!isPathProblem(r)) return undefined;
          return r.kind === 'git-dir'
            ? 'is inside .git/'
            : r.kind === 'outside'
              ? 'leads outside the repository'
              : 'is not a usable path';
        },
        fileExists: (file) => {
          const r = inspect(file);
          try {
            return !isPathProblem(r) && r.exists && statSync(r.real).isFile();
          } catch {
            return false;
          }
        },
      });
      for (const agent of (toPlain(rootNode) as { agents?: unknown[] }).agents ?? []) {
        const a = agent as { name?: unknown; credentials?: { aws?: { 'session-policy'?: unknown } } };
        const path = a?.credentials?.aws?.['session-policy'];
        if (typeof path !== 'string') continue;
        const r = inspect(path);
        // Scanned by its real path: no link is followed when the file is read.
        if (!isPathProblem(r) && r.exists && r.relative !== '') {
          options.onSessionPolicy(r.relative, String(a.name ?? '?'));
        }
      }
    }
    if (str(get(rootNode, 'kind')) === 'AgentPolicy') hasPolicy = true;
  }
  // A file named like the registry is validated even when `agents:` is missing or misspelled.
  if (hasRegistry || /(^|\/)agent-config\.ya?ml$/i.test(ctx.file)) {
    schemaFindings(ctx, 'agent config', () => parseRegistry(ctx.text, ctx.file));
  }
  // The policy loader also recognises a misspelled `kind:` and a missing one.
  if (hasPolicy || /\bagentTypes\b|\bkind:\s*\S*policy/i.test(ctx.text)) {
    schemaFindings(ctx, 'policy', () => parseAgentPolicies(options.yaml.parse(ctx.text, ctx.file, false)));
  }
}

/** The registry/policy loaders' validation errors, as `config/invalid` findings. */
function schemaFindings(ctx: FileContext, what: ConfigKind, validate: () => unknown): void {
  try {
    validate();
  } catch (err) {
    const errors = err instanceof AstlErrors ? err.errors : err instanceof AstlError ? [err] : [];
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

function scanIam(ctx: FileContext, origin?: string): void {
  let tree: ReturnType<typeof parseJsonTree>;
  try {
    tree = parseJsonTree(ctx.text);
  } catch (err) {
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

/** A YAML file by path or top-level keys that the YAML rules did not run on (see configKindOf). */
function uncheckedKind(file: string, kind: Kind, text: string | ConfigMarks): ConfigKind | undefined {
  return kind === 'json' || kind === 'other' ? undefined : configKindOf(file, kind, text);
}

/** A config the rules could not run on (`why`: "binary …", "<size>, over … limit"): fail closed. */
function reportUnchecked(ctx: FileContext, what: ConfigKind, why: string, fix: string): void {
  ctx.emit({
    ruleId: 'scan/parse-error',
    line: 1,
    message: `${ctx.file} looks like a${/^[aeiou]/i.test(what) ? 'n' : ''} ${what} but is ${why}, so only the secret rules ran on it: the scan fails closed. ${fix}.`,
    about: `unchecked ${what}`,
    fileLevel: true,
  });
}

function reportParseError(ctx: FileContext, err: unknown, what: ConfigKind): void {
  const located = err instanceof AstlError ? err : undefined;
  const problem = err instanceof YamlProblem ? err : undefined;
  const message = problem
    ? problem.message
    : err instanceof RangeError
      ? 'it is nested too deeply to parse'
      : located
        ? located.message
        : ((err as Error)?.message ?? String(err));
  const line = problem ? ctx.position(problem.offset).line : (located?.location?.line ?? 1);
  ctx.emit({
    ruleId: 'scan/parse-error',
    line,
    message: `${ctx.file} looks like a${/^[aeiou]/i.test(what) ? 'n' : ''} ${what} but could not be parsed (${message}), so none of its rules ran: the scan fails closed. Fix the YAML at this line${problem?.kind === 'limit' ? ' (or expand the aliases it uses)' : ''}.`,
    about: `parse-error ${what}`,
    fileLevel: true,
  });
}

export { compareFindings, DEFAULT_EXCLUDE, DEFAULT_PATHS, globMatcher };
