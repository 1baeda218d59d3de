/**
 * The scan configuration file (`.astl/scan.yaml`, schema schemas/scan-config.schema.json):
 * repository settings for the scanner. Today its `pinning:` section relaxes the SHA-pinning
 * default per `uses:` pattern, each exception with a reason that findings show; other sections
 * are added beside it. Validated with positions like the registry; a bad file is an error naming
 * file:line, never ignored (a typo must not silently relax or tighten a rule).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { AstlError, AstlErrors, parseYaml, readWorkspaceFile, validateWithSchema } from '../core/index.js';
import { validate as validateScanConfig } from '../core/schema-validators/scan-config.js';
import { type CatalogEntry, type RawCatalogEntry, toCatalogEntry } from './agents/catalog.js';
import type { UsesRef } from './workflow/model.js';

export type PinPolicy = 'hash-pin' | 'ref-pin' | 'any';

export interface PinningRule {
  /** `owner/repo/path`, `owner/repo`, `owner/*` or `*` (lower-cased). */
  uses: string;
  policy: PinPolicy;
  reason: string;
  /** Where the rule is written, for messages: `.astl/scan.yaml:7`. */
  origin: string;
}

/** The scan config's `agents:` section (docs/agents.md). */
export interface AgentSettings {
  /** Registry for bound agents when a credentials step names none (default agent-config.yaml). */
  registry?: string;
  /** AgentPolicy folder for bound agents when a credentials step names none (default policies). */
  policies?: string;
  /** More catalog entries; one with a built-in id replaces the built-in entry. */
  catalog: CatalogEntry[];
}

export interface ScanConfig {
  /** Workspace-relative path of the file read, when one was. */
  file?: string;
  pinning: { policies: PinningRule[] };
  agents?: AgentSettings;
}

/** Looked for at the workspace root, in this order, when no path is given. */
export const DEFAULT_SCAN_CONFIG_FILES = ['.astl/scan.yaml', '.astl/scan.yml'];

export const EMPTY_SCAN_CONFIG: ScanConfig = { pinning: { policies: [] }, agents: { catalog: [] } };

/**
 * Reads the scan configuration: `path` (relative to `root`) when given, else the first of
 * DEFAULT_SCAN_CONFIG_FILES that exists, else the defaults. Throws AstlError(s) for a named
 * file that is missing, outside the workspace or invalid.
 */
export function loadScanConfig(root: string, path?: string): ScanConfig {
  let file = path;
  if (file === undefined) {
    file = DEFAULT_SCAN_CONFIG_FILES.find((f) => existsSync(join(root, f)));
    if (file === undefined) return EMPTY_SCAN_CONFIG;
  }
  const full = isAbsolute(file) ? file : join(root, file);
  const rel = relative(root, full).split('\\').join('/');
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new AstlError(`scan config ${file} is outside the workspace`, {
      code: 'CONFIG_INVALID',
      location: { file },
      hint: 'keep the scan configuration in the repository, e.g. .astl/scan.yaml',
    });
  }
  if (!existsSync(full) || !statSync(full).isFile()) {
    throw new AstlError(`scan config ${rel} not found`, {
      code: 'CONFIG_NOT_FOUND',
      location: { file: rel },
      hint: `create it or drop the option; without one the defaults apply (${DEFAULT_SCAN_CONFIG_FILES[0]} is read when present)`,
    });
  }
  // A link in the repository may point anywhere: read only inside the workspace, never .git/.
  const text = readWorkspaceFile(
    full,
    { root },
    { what: 'scan config', code: 'CONFIG_INVALID', location: { file: rel } },
  );
  return parseScanConfig(text.toString('utf8'), rel);
}

/** Parses and validates the text of a scan configuration file named `file` (for messages). */
export function parseScanConfig(text: string, file: string): ScanConfig {
  const docs = parseYaml(text, file);
  if (docs.length > 1) {
    throw new AstlError(`${file} holds ${docs.length} YAML documents; the scan config is one`, {
      code: 'CONFIG_INVALID',
      location: { file },
    });
  }
  const doc = docs[0];
  if (!doc || doc.value === null || doc.value === undefined) return { ...EMPTY_SCAN_CONFIG, file };
  const errors = validateWithSchema(doc, validateScanConfig, 'scan config');
  if (errors.length > 0) throw new AstlErrors(errors, 'CONFIG_INVALID');
  const value = doc.value as {
    pinning?: { policies?: { uses: string; policy: PinPolicy; reason: string }[] };
    agents?: { registry?: string; policies?: string; catalog?: RawCatalogEntry[] };
  };
  const policies = (value.pinning?.policies ?? []).map((p, i) => ({
    uses: p.uses.toLowerCase(),
    policy: p.policy,
    reason: p.reason.trim(),
    origin: `${file}:${doc.locate(['pinning', 'policies', i]).line ?? 1}`,
  }));
  const seen = new Map<string, string>();
  for (const p of policies) {
    const before = seen.get(p.uses);
    if (before) {
      throw new AstlError(`pinning policy for '${p.uses}' is given twice (${before} and ${p.origin})`, {
        code: 'CONFIG_INVALID',
        location: { file, line: Number(p.origin.split(':').pop()) },
        hint: 'keep one entry per pattern',
      });
    }
    seen.set(p.uses, p.origin);
  }
  const catalog = (value.agents?.catalog ?? []).map((raw, i) =>
    toCatalogEntry(raw, `${file}:${doc.locate(['agents', 'catalog', i]).line ?? 1}`),
  );
  const ids = new Map<string, string>();
  for (const entry of catalog) {
    const before = ids.get(entry.id);
    if (before) {
      throw new AstlError(
        `agent catalog entry '${entry.id}' is given twice (${before} and ${entry.origin})`,
        {
          code: 'CONFIG_INVALID',
          location: { file, line: Number(entry.origin.split(':').pop()) },
          hint: 'keep one entry per id; an entry with a built-in id replaces the built-in one',
        },
      );
    }
    ids.set(entry.id, entry.origin);
  }
  const agents: AgentSettings = { catalog };
  if (value.agents?.registry !== undefined) agents.registry = value.agents.registry;
  if (value.agents?.policies !== undefined) agents.policies = value.agents.policies;
  return { file, pinning: { policies }, agents };
}

/**
 * The pinning policy for a repository `uses:` and the rule that set it (undefined: the default,
 * `hash-pin`, as zizmor's). The most specific pattern wins: `owner/repo/path` over `owner/repo`
 * over `owner/*` over `*`.
 */
export function pinningPolicyFor(
  uses: UsesRef,
  rules: readonly PinningRule[],
): { policy: PinPolicy; rule?: PinningRule } {
  if (uses.kind !== 'repository') return { policy: 'hash-pin' };
  const owner = (uses.owner ?? '').toLowerCase();
  const repo = `${owner}/${(uses.repo ?? '').toLowerCase()}`;
  const full = uses.path ? `${repo}/${uses.path.toLowerCase()}` : repo;
  let best: { rule: PinningRule; rank: number } | undefined;
  for (const rule of rules) {
    let rank = -1;
    if (rule.uses === full && uses.path) rank = 3;
    else if (rule.uses === repo) rank = 2;
    else if (rule.uses === `${owner}/*`) rank = 1;
    else if (rule.uses === '*') rank = 0;
    if (rank >= 0 && (!best || rank > best.rank)) best = { rule, rank };
  }
  return best ? { policy: best.rule.policy, rule: best.rule } : { policy: 'hash-pin' };
}
