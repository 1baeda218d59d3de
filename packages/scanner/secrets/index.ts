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
import { createHash } from 'node:crypto';
import { type Finding, fingerprint } from '../finding.js';
import {
  type CompiledCustomPattern,
  type CustomSecretPattern,
  compileAllowList,
  compileCustomPatterns,
  runCustomPatterns,
} from './custom.js';
import { buildDetectors, type Hit } from './detectors.js';
import { isPlaceholderSecret } from './placeholder.js';
import {
  RULE_BY_ID,
  RULE_PRIORITY,
  SECRET_RULE_DETAILS,
  SECRET_RULES,
  type SecretRuleMeta,
} from './rules.js';
import { LineIndex, redactedSnippet } from './text.js';

export type { CustomSecretPattern } from './custom.js';
export type { SecretRuleMeta } from './rules.js';
export { SECRET_RULE_DETAILS, SECRET_RULES, SECRETS_DOCS_URL } from './rules.js';
export { shannonEntropy } from './text.js';

export interface DetectSecretsOptions {
  /** Rule ids to turn off (`secret/jwt`), or `secret/*` for all. */
  disable?: readonly string[];
  /** Opt-in rules to turn on (`secret/aws-account-id`, `secret/azure-identifier`), or `*` for all. */
  enable?: readonly string[];
  /**
   * Accepted values: an exact secret value, or `/pattern/flags` (RE2 syntax, flags i, m, s)
   * tested against the secret value and the reported text. An invalid pattern throws an
   * AstlError, like a bad custom pattern.
   */
  allow?: readonly string[];
  /**
   * Extra patterns reported as `secret/custom-pattern` (RE2 syntax; see CustomSecretPattern).
   * Invalid ones make detectSecrets throw an AstlError naming the pattern, so validate the
   * configuration once up front with `compileSecretOptions(options)`.
   */
  customPatterns?: readonly CustomSecretPattern[];
}

const detectors = buildDetectors();

/**
 * Values published as examples in vendor documentation (AWS, Kubernetes), which appear in
 * countless READMEs and tests; reporting them would only teach people to ignore the scanner.
 */
const DOCUMENTATION_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'MWYyZDFlMmU2N2Rm',
  // The search-only Algolia key published in Yarn's bundle (vendored into many repositories).
  '6fe4476ee5a1832882e326b506d14126',
]);

/** The placeholder test on the random part of a hit (see placeholder.ts). */
function isPlaceholderHit(h: Hit): boolean {
  return h.randomFrom !== undefined && isPlaceholderSecret(h.secret.slice(h.randomFrom));
}
const OPT_IN_IDS = SECRET_RULE_DETAILS.filter((r) => r.optIn).map((r) => r.id);

interface CompiledOptions {
  enabled: (ruleId: string) => boolean;
  optIn: boolean;
  allowed: (value: string, reported: string) => boolean;
  custom: CompiledCustomPattern[];
}

const compiledCache = new WeakMap<DetectSecretsOptions, CompiledOptions>();

/**
 * Validates and compiles options (allow-list patterns, custom patterns); throws an AstlError
 * naming the bad entry. detectSecrets caches the result per options object.
 */
export function compileSecretOptions(options: DetectSecretsOptions | undefined): void {
  compileOptions(options);
}

function compileOptions(options: DetectSecretsOptions | undefined): CompiledOptions {
  if (options) {
    const cached = compiledCache.get(options);
    if (cached) return cached;
  }
  const disabled = new Set(options?.disable ?? []);
  const enableAll = options?.enable?.includes('*') ?? false;
  const enabledOptIns = new Set(enableAll ? OPT_IN_IDS : (options?.enable ?? []));
  const all = disabled.has('secret/*') || disabled.has('*');
  const compiled: CompiledOptions = {
    enabled: (ruleId) => {
      if (all || disabled.has(ruleId)) return false;
      if (RULE_BY_ID.get(ruleId)?.optIn) return enabledOptIns.has(ruleId);
      return true;
    },
    optIn: OPT_IN_IDS.some((id) => enabledOptIns.has(id) && !disabled.has(id)),
    allowed: compileAllowList(options?.allow ?? [], 'allow'),
    custom: compileCustomPatterns(options?.customPatterns ?? []),
  };
  if (options) compiledCache.set(options, compiled);
  return compiled;
}

/**
 * Keeps, among overlapping hits, the one from the most specific rule (earliest in SECRET_RULES).
 * Hits sorted by start; the kept ones are disjoint, so a new hit can only overlap the last kept
 * one: one comparison per hit, linear for any number of hits.
 */
function dropOverlaps(hits: Hit[]): Hit[] {
  const priority = (h: Hit): number => RULE_PRIORITY.get(h.ruleId) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...hits].sort((a, b) => a.start - b.start || priority(a) - priority(b));
  const kept: Hit[] = [];
  for (const h of sorted) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) {
      if (priority(h) < priority(last)) kept[kept.length - 1] = h;
      continue;
    }
    kept.push(h);
  }
  return kept;
}

/** Secret spans sorted by start, with the secrets overlapping a range found by binary search. */
class SpanIndex {
  private readonly spans: { start: number; end: number }[];
  private readonly longest: number;

  constructor(hits: readonly Hit[]) {
    this.spans = hits
      .map((h) => ({ start: h.secretStart, end: h.secretEnd }))
      .sort((a, b) => a.start - b.start);
    this.longest = this.spans.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  }

  overlapping(from: number, to: number): { start: number; end: number }[] {
    const { spans } = this;
    let lo = 0;
    let hi = spans.length;
    const earliest = from - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid]?.start ?? 0) < earliest) lo = mid + 1;
      else hi = mid;
    }
    const out: { start: number; end: number }[] = [];
    for (let i = lo; i < spans.length; i++) {
      const s = spans[i];
      if (!s || s.start >= to) break;
      if (s.end > from) out.push(s);
    }
    return out;
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function messageFor(rule: SecretRuleMeta, hit: Hit): string {
  const what = hit.what ?? rule.what;
  if (rule.id === 'secret/generic-high-entropy')
    return `A value that looks like a hard-coded secret is assigned here. If it is real, remove it and ${rule.fix}; if it is not a secret, suppress with \`astl:ignore ${rule.id} <reason>\`.`;
  if (rule.id === 'secret/custom-pattern')
    return `${capitalise(what)}. Remove it and rotate it if it is a credential; read it from a secret store at run time.`;
  if (rule.optIn) return `${capitalise(what)} in the code. ${capitalise(rule.fix)}.`;
  return `Hard-coded ${what}. Remove the ${what} and ${rule.fix}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Finds hard-coded secrets in `text` (the content of `file`, a workspace-relative path used in
 * findings and fingerprints). Never puts a secret value in a finding. Throws only an AstlError
 * for invalid options (a bad custom pattern); any text is accepted.
 */
export function detectSecrets(text: string, file: string, options?: DetectSecretsOptions): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const opts = compileOptions(options);
  // A detector bug throws to the caller: the scan engine reports the file as unchecked (an
  // error, so the scan fails closed) instead of calling it clean.
  let hits = detectors.run(text, opts.enabled, opts.optIn);
  if (opts.custom.length > 0 && opts.enabled('secret/custom-pattern'))
    hits.push(...runCustomPatterns(opts.custom, text, file));
  // Placeholders go before overlap removal, so that a real secret overlapping a placeholder of
  // a more specific rule is still reported.
  hits = dropOverlaps(hits.filter((h) => !isPlaceholderHit(h))).filter(
    (h) => !DOCUMENTATION_EXAMPLES.has(h.secret) && !opts.allowed(h.secret, text.slice(h.start, h.end)),
  );
  if (hits.length === 0) return [];
  const lines = new LineIndex(text);
  const spans = new SpanIndex(hits);
  const findings: Finding[] = [];
  for (const hit of hits) {
    const rule = RULE_BY_ID.get(hit.ruleId);
    if (!rule) continue;
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
      snippet: redactedSnippet(text, lineStart, lineEnd, hit.start, (from, to) =>
        spans.overlapping(from, to),
      ),
    });
  }
  return findings;
}

/** The metadata of one secret rule, or undefined. */
export function secretRule(ruleId: string): SecretRuleMeta | undefined {
  return RULE_BY_ID.get(ruleId);
}

export const SECRET_RULE_IDS: readonly string[] = SECRET_RULES.map((r) => r.id);
