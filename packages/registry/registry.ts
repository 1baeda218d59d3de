/**
 * The agent registry (`agent-config.yaml`, kebab-case): parsed with positions, validated against
 * schemas/agent-config.schema.json, turned into typed entries that remember where each key is.
 */
import { readFileSync } from 'node:fs';
import registrySchema from '../../schemas/agent-config.schema.json' with { type: 'json' };
import {
  AstlError,
  AstlErrors,
  checkEnvName,
  ENV_NAME_PATTERN,
  type JsonPath,
  type PathUse,
  parseDuration,
  parseYaml,
  readWorkspaceFile,
  reservedEnvGroup,
  type SourceLocation,
  validateWithSchema,
  type WorkspaceScope,
  type YamlDoc,
} from '../core/index.js';
import { validate as validateRegistry } from '../core/schema-validators/agent-config.js';

export { registrySchema };

export type CredentialPolicyType = 'ephemeral' | 'long-lived';
export type AuditLevel = 'full' | 'minimal' | 'none';

export interface Permission {
  resource: string;
  access: string;
}

export interface AwsSettings {
  roleArn: string;
  region?: string;
  sessionPolicyPath?: string;
  audience?: string;
}

export interface VaultSecretRead {
  path: string;
  key: string;
  env: string;
}

export interface VaultSettings {
  url: string;
  role: string;
  /** Mount path of the JWT auth method; 'jwt' unless the registry says otherwise. */
  authPath: string;
  namespace?: string;
  audience?: string;
  secrets: VaultSecretRead[];
}

/** `credentials.github`: an App installation token, minted with the App's key or by an STS exchange. */
export interface GitHubSettings {
  /** The App's ID or client ID (always a string, even when the YAML has a number). */
  appId?: string;
  owner?: string;
  repositories?: string[];
  /** GitHub's permission names → read | write | admin (schema-checked names and levels). */
  permissions?: Record<string, string>;
  /** The App's private key in Vault, read with the agent's own Vault login. */
  privateKey?: { path: string; key: string };
  stsUrl?: string;
  scope?: string;
  identity?: string;
  audience?: string;
}

export interface AgentEntry {
  name: string;
  type: string;
  /** Absent (or blank) owners and purposes are allowed by the schema so that the credentials
   *  check can refuse with a fix and the scanner can report them as findings. */
  owner?: string;
  purpose?: string;
  permissions: Permission[];
  credentialPolicy: CredentialPolicyType;
  maxTtlSeconds?: number;
  auditLevel: AuditLevel;
  credentials: { aws?: AwsSettings; vault?: VaultSettings; github?: GitHubSettings };
  /** Where the entry starts (its `- name:` line). */
  location: SourceLocation;
  /**
   * Where individual keys are written, by registry key path: 'name', 'type', 'owner', 'purpose',
   * 'credential-policy', 'max-ttl', 'audit-level', 'permissions', 'permissions[0]',
   * 'credentials.aws.role-arn', 'credentials.vault.role', 'credentials.vault.secrets[0]'...
   * Only keys present in the file appear.
   */
  keyLocations: Record<string, SourceLocation>;
  /** Position of the entry in `agents:`. */
  index: number;
}

export interface AgentRegistry {
  file: string;
  agents: AgentEntry[];
  doc: YamlDoc;
}

const WHAT = 'agent registry';
export const REGISTRY_INVALID = 'REGISTRY_INVALID';

export const MINIMAL_REGISTRY = `agents:
  - name: my-agent
    type: coding-assistant
    owner: platform-team            # a human or team accountable for the agent
    purpose: "Why this agent needs credentials"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;

export interface LoadRegistryOptions {
  /** Refuse a path outside this workspace or inside .git/ (see core/workspace-path). */
  workspace?: WorkspaceScope;
  /** How the front end names the path, for that refusal: `input 'config'`, `--config`. */
  use?: PathUse;
}

/** Reads and validates a registry file; a missing file says how to create one. */
export function loadRegistry(path: string, options: LoadRegistryOptions = {}): AgentRegistry {
  let text: string;
  try {
    text = options.workspace
      ? readWorkspaceFile(
          path,
          { root: options.workspace.root, base: process.cwd() },
          options.use ?? { setting: 'config' },
        ).toString('utf8')
      : readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof AstlError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AstlError(`agent registry ${path} not found`, {
        code: 'REGISTRY_NOT_FOUND',
        location: { file: path },
        hint: (s) => `create ${path} listing your agents, or point ${s.name('config')} at the registry`,
        fix: MINIMAL_REGISTRY,
      });
    }
    if (code === 'EISDIR') {
      throw new AstlError(`agent registry ${path} is a folder, not a file`, {
        code: 'REGISTRY_NOT_FOUND',
        location: { file: path },
        hint: (s) => `point ${s.name('config')} at the registry file, e.g. agent-config.yaml`,
      });
    }
    throw new AstlError(`cannot read agent registry ${path}: ${(err as Error).message}`, {
      code: 'REGISTRY_NOT_FOUND',
      location: { file: path },
      cause: err,
    });
  }
  return parseRegistry(text, path);
}

/** Parses registry text; every problem in the file is reported at once as one AstlErrors. */
export function parseRegistry(text: string, file: string): AgentRegistry {
  let docs: YamlDoc[];
  try {
    docs = parseYaml(text, file);
  } catch (err) {
    if (err instanceof AstlError) throw new AstlErrors([err]);
    throw err;
  }
  const doc = docs[0];
  if (!doc) {
    throw new AstlErrors([
      new AstlError(`${WHAT} ${file} is empty`, {
        code: REGISTRY_INVALID,
        location: { file },
        hint: 'list your agents under `agents:`',
        fix: MINIMAL_REGISTRY,
      }),
    ]);
  }
  const errors: AstlError[] = [];
  if (docs.length > 1) {
    errors.push(
      new AstlError(`${WHAT} must be a single YAML document; found ${docs.length}`, {
        code: REGISTRY_INVALID,
        location: docs[1]!.locate([]),
        hint: 'remove the `---` separators and list every agent under one `agents:`',
      }),
    );
  }
  errors.push(...validateWithSchema(doc, validateRegistry, WHAT, REGISTRY_INVALID));
  errors.push(...duplicateNames(doc));
  errors.push(...envNameProblems(doc));
  if (errors.length === 0) errors.push(...durationProblems(doc));
  if (errors.length > 0) throw new AstlErrors(sortByLine(errors), REGISTRY_INVALID);

  // Schema-valid from here on, so the shapes below hold.
  const raw = (doc.value as { agents: RawAgent[] }).agents;
  const agents = raw.map((a, i) => toEntry(a, i, doc));
  return { file, agents, doc };
}

interface RawAgent {
  name: string;
  type: string;
  owner?: string | null;
  purpose?: string | null;
  permissions?: Record<string, string>[];
  'credential-policy'?: CredentialPolicyType;
  'max-ttl'?: string | number;
  'audit-level'?: AuditLevel;
  credentials?: {
    aws?: { 'role-arn': string; region?: string; 'session-policy'?: string; audience?: string };
    vault?: {
      url: string;
      role: string;
      'auth-path'?: string;
      namespace?: string;
      audience?: string;
      secrets?: VaultSecretRead[];
    };
    github?: {
      'app-id'?: string | number;
      owner?: string;
      repositories?: string[];
      permissions?: Record<string, string>;
      'private-key'?: { path: string; key: string };
      'sts-url'?: string;
      scope?: string;
      identity?: string;
      audience?: string;
    };
  };
}

function duplicateNames(doc: YamlDoc): AstlError[] {
  const agents = (doc.value as { agents?: unknown } | null)?.agents;
  if (!Array.isArray(agents)) return [];
  const firstSeen = new Map<string, number>();
  const errors: AstlError[] = [];
  agents.forEach((a, i) => {
    const name = (a as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    const first = firstSeen.get(name);
    if (first === undefined) {
      firstSeen.set(name, i);
      return;
    }
    const firstAt = doc.locate(['agents', first, 'name']);
    errors.push(
      new AstlError(
        `agent name '${name}' is registered twice (first at line ${firstAt.line ?? '?'}, again at line ${doc.locate(['agents', i, 'name']).line ?? '?'})`,
        {
          code: REGISTRY_INVALID,
          location: doc.locate(['agents', i, 'name']),
          hint: 'agent names must be unique: rename one of the two entries or merge them',
        },
      ),
    );
  });
  return errors;
}

/**
 * `secrets[].env` names are exported into the job: each must be a plain upper-case name that is
 * not reserved (core/env-names), and unique within the agent. Names that only fail the schema's
 * pattern are left to the schema's error; reserved names are reported in any case.
 */
function envNameProblems(doc: YamlDoc): AstlError[] {
  const agents = (doc.value as { agents?: unknown } | null)?.agents;
  if (!Array.isArray(agents)) return [];
  const errors: AstlError[] = [];
  agents.forEach((a, i) => {
    const secrets = (a as { credentials?: { vault?: { secrets?: unknown } } } | null)?.credentials?.vault
      ?.secrets;
    if (!Array.isArray(secrets)) return;
    const seen = new Map<string, number>();
    secrets.forEach((s, j) => {
      const env = (s as { env?: unknown } | null)?.env;
      if (typeof env !== 'string') return;
      const location = doc.locate(['agents', i, 'credentials', 'vault', 'secrets', j, 'env']);
      if (!ENV_NAME_PATTERN.test(env) && !reservedEnvGroup(env)) return; // the schema says so
      const problem = checkEnvName(env, { location, code: REGISTRY_INVALID, prefix: 'secrets[].env ' });
      if (problem) {
        errors.push(problem);
        return;
      }
      const first = seen.get(env);
      if (first !== undefined) {
        errors.push(
          new AstlError(`secrets[].env ${env} is already used by secrets[${first}] of this agent`, {
            code: REGISTRY_INVALID,
            location,
            hint: 'give each secret its own variable name',
          }),
        );
      } else seen.set(env, j);
    });
  });
  return errors;
}

/** `max-ttl: 0` passes the schema's pattern but is no duration; say so at its line. */
function durationProblems(doc: YamlDoc): AstlError[] {
  const errors: AstlError[] = [];
  (doc.value as { agents: RawAgent[] }).agents.forEach((a, i) => {
    const ttl = a['max-ttl'];
    if (ttl === undefined) return;
    try {
      parseDuration(ttl, `agents[${i}].max-ttl`);
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      errors.push(
        new AstlError(err.message, {
          code: REGISTRY_INVALID,
          location: doc.locate(['agents', i, 'max-ttl']),
          hint: err.hintSource,
        }),
      );
    }
  });
  return errors;
}

function toEntry(a: RawAgent, index: number, doc: YamlDoc): AgentEntry {
  const base: JsonPath = ['agents', index];
  const keyLocations: Record<string, SourceLocation> = {};
  const note = (key: string, path: JsonPath) => {
    keyLocations[key] = doc.locate([...base, ...path]);
  };
  note('name', ['name']);
  note('type', ['type']);
  const text = (v: string | null | undefined) =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  const owner = text(a.owner);
  const purpose = text(a.purpose);
  if (a.owner !== undefined) note('owner', ['owner']);
  if (a.purpose !== undefined) note('purpose', ['purpose']);
  const permissions: Permission[] = [];
  if (a.permissions) {
    note('permissions', ['permissions']);
    a.permissions.forEach((p, i) => {
      const [resource, access] = Object.entries(p)[0]!;
      permissions.push({ resource, access });
      note(`permissions[${i}]`, ['permissions', i]);
    });
  }
  for (const key of ['credential-policy', 'max-ttl', 'audit-level', 'credentials'] as const) {
    if (a[key] !== undefined) note(key, [key]);
  }
  const entry: AgentEntry = {
    name: a.name,
    type: a.type,
    permissions,
    credentialPolicy: a['credential-policy'] ?? 'ephemeral',
    auditLevel: a['audit-level'] ?? 'full',
    credentials: {},
    location: doc.locate([...base]),
    keyLocations,
    index,
  };
  if (owner !== undefined) entry.owner = owner;
  if (purpose !== undefined) entry.purpose = purpose;
  if (a['max-ttl'] !== undefined) entry.maxTtlSeconds = parseDuration(a['max-ttl'], 'max-ttl');
  const aws = a.credentials?.aws;
  if (aws) {
    entry.credentials.aws = { roleArn: aws['role-arn'] };
    if (aws.region !== undefined) entry.credentials.aws.region = aws.region;
    if (aws['session-policy'] !== undefined) entry.credentials.aws.sessionPolicyPath = aws['session-policy'];
    if (aws.audience !== undefined) entry.credentials.aws.audience = aws.audience;
    for (const k of Object.keys(aws)) note(`credentials.aws.${k}`, ['credentials', 'aws', k]);
  }
  const vault = a.credentials?.vault;
  if (vault) {
    entry.credentials.vault = {
      url: vault.url,
      role: vault.role,
      authPath: vault['auth-path'] ?? 'jwt',
      secrets: (vault.secrets ?? []).map((s) => ({ path: s.path, key: s.key, env: s.env })),
    };
    if (vault.namespace !== undefined && vault.namespace !== '')
      entry.credentials.vault.namespace = vault.namespace;
    if (vault.audience !== undefined) entry.credentials.vault.audience = vault.audience;
    for (const k of Object.keys(vault)) note(`credentials.vault.${k}`, ['credentials', 'vault', k]);
    for (let i = 0; i < (vault.secrets ?? []).length; i++)
      note(`credentials.vault.secrets[${i}]`, ['credentials', 'vault', 'secrets', i]);
  }
  const github = a.credentials?.github;
  if (github) {
    const g: GitHubSettings = {};
    if (github['app-id'] !== undefined) g.appId = String(github['app-id']);
    if (github.owner !== undefined) g.owner = github.owner;
    if (github.repositories !== undefined) g.repositories = [...github.repositories];
    if (github.permissions !== undefined) g.permissions = { ...github.permissions };
    if (github['private-key'] !== undefined)
      g.privateKey = { path: github['private-key'].path, key: github['private-key'].key };
    if (github['sts-url'] !== undefined) g.stsUrl = github['sts-url'];
    if (github.scope !== undefined) g.scope = github.scope;
    if (github.identity !== undefined) g.identity = github.identity;
    if (github.audience !== undefined) g.audience = github.audience;
    entry.credentials.github = g;
    for (const k of Object.keys(github)) note(`credentials.github.${k}`, ['credentials', 'github', k]);
    for (const k of Object.keys(github.permissions ?? {}))
      note(`credentials.github.permissions.${k}`, ['credentials', 'github', 'permissions', k]);
  }
  return entry;
}

export function sortByLine(errors: AstlError[]): AstlError[] {
  return [...errors].sort(
    (a, b) =>
      (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
}

/** The registry entry a user would add, with placeholders for what only they know. */
export function registryEntrySnippet(name: string, type: string): string {
  return `agents:
  - name: ${name}
    type: ${type}
    owner: <team-or-person>          # required: who is accountable
    purpose: "<why this agent needs credentials>"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;
}
