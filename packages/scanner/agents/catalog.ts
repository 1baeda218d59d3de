/**
 * The agent catalog: which AI agents the scanner recognises in CI and which of their settings
 * matter for security. The built-in table is ./catalog.json (schemas/agent-catalog.schema.json,
 * each entry citing the vendor's documentation); a repository adds or replaces entries in
 * `.astl/scan.yaml` under `agents.catalog` without a release.
 */
import builtin from './catalog.json' with { type: 'json' };

/** One way an agent runs without tool restrictions (see the schema's `condition`). */
export interface Condition {
  input?: string;
  flag?: string;
  json?: string[];
  equals?: string[];
  item?: string[];
  absent?: boolean;
}

/** A command line that runs an agent headless. */
export interface CommandSpec {
  program: string;
  packages: string[];
  subcommand: string[];
  whenFlags: string[];
}

export interface CatalogEntry {
  id: string;
  name: string;
  vendor?: string;
  docs: string;
  /** Lower-cased `owner/repo[/path]`. */
  uses: string[];
  commands: CommandSpec[];
  hostedJob?: string;
  promptInputs: string[];
  toolInputs: string[];
  actorInputs: string[];
  credentialInputs: string[];
  credentialEnv: string[];
  outputFileInputs: string[];
  outputFileFlags: string[];
  checksWriteAccess: boolean;
  usesIdToken: boolean;
  anyUser: Condition[];
  anyBot: Condition[];
  unrestricted: Condition[];
  /** Where the entry comes from: `built-in` or the scan config's file:line. */
  origin: string;
}

/** An entry as written in JSON/YAML (kebab-case keys). */
export interface RawCatalogEntry {
  id: string;
  name: string;
  vendor?: string;
  docs: string;
  uses?: string[];
  commands?: { program: string; packages?: string[]; subcommand?: string[]; 'when-flags'?: string[] }[];
  'hosted-job'?: string;
  'prompt-inputs'?: string[];
  'tool-inputs'?: string[];
  'actor-inputs'?: string[];
  'credential-inputs'?: string[];
  'credential-env'?: string[];
  'output-file-inputs'?: string[];
  'output-file-flags'?: string[];
  'checks-write-access'?: boolean;
  'uses-id-token'?: boolean;
  'any-user'?: Condition[];
  'any-bot'?: Condition[];
  unrestricted?: Condition[];
}

const lower = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());

/** Normalises a raw entry (schema-valid) into the shape the rules use. */
export function toCatalogEntry(raw: RawCatalogEntry, origin: string): CatalogEntry {
  const entry: CatalogEntry = {
    id: raw.id,
    name: raw.name,
    docs: raw.docs,
    uses: lower(raw.uses),
    commands: (raw.commands ?? []).map((c) => ({
      program: c.program,
      packages: c.packages ?? [],
      subcommand: c.subcommand ?? [],
      whenFlags: c['when-flags'] ?? [],
    })),
    promptInputs: lower(raw['prompt-inputs']),
    toolInputs: lower(raw['tool-inputs']),
    actorInputs: lower(raw['actor-inputs']),
    credentialInputs: lower(raw['credential-inputs']),
    credentialEnv: raw['credential-env'] ?? [],
    outputFileInputs: lower(raw['output-file-inputs']),
    outputFileFlags: raw['output-file-flags'] ?? [],
    checksWriteAccess: raw['checks-write-access'] === true,
    usesIdToken: raw['uses-id-token'] === true,
    anyUser: raw['any-user'] ?? [],
    anyBot: raw['any-bot'] ?? [],
    unrestricted: raw.unrestricted ?? [],
    origin,
  };
  if (raw.vendor !== undefined) entry.vendor = raw.vendor;
  if (raw['hosted-job'] !== undefined) entry.hostedJob = raw['hosted-job'];
  return entry;
}

export const BUILTIN_CATALOG: readonly CatalogEntry[] = (builtin.agents as RawCatalogEntry[]).map((e) =>
  toCatalogEntry(e, 'built-in'),
);

/** How a finding and the inventory name a catalog entry (DiscoveredAgent.agent). */
export function agentIdentity(entry: CatalogEntry): {
  id: string;
  name: string;
  vendor?: string;
  docs: string;
} {
  return {
    id: entry.id,
    name: entry.name,
    docs: entry.docs,
    ...(entry.vendor ? { vendor: entry.vendor } : {}),
  };
}

/** The built-in entries plus the scan config's; a config entry replaces a built-in one of the same id. */
export function mergeCatalog(extra: readonly CatalogEntry[]): CatalogEntry[] {
  const byId = new Map<string, CatalogEntry>();
  for (const e of BUILTIN_CATALOG) byId.set(e.id, e);
  for (const e of extra) byId.set(e.id, e);
  return [...byId.values()];
}

/** The entry whose `uses` matches a repository action reference (`owner/repo[/path]`), any ref. */
export function entryForUses(
  catalog: readonly CatalogEntry[],
  owner: string,
  repo: string,
  path: string | undefined,
): CatalogEntry | undefined {
  const name = `${owner}/${repo}${path ? `/${path}` : ''}`.toLowerCase().replace(/\/+$/, '');
  return catalog.find((e) => e.uses.includes(name));
}
