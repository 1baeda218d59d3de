/**
 * The credentials pre-check: everything that must hold before any token is requested (owner,
 * purpose, ephemeral only, duration caps, AgentPolicy restrictions). Each refusal names the
 * registry or policy line responsible and carries the YAML that would fix it.
 */
import {
  AstlError,
  AstlErrors,
  formatDuration,
  formatLocation,
  type SettingText,
  type SourceLocation,
} from '../core/index.js';
import { type AgentPolicy, policiesForType } from './agent-policy.js';
import type { AgentEntry } from './registry.js';

export type CredentialProvider = 'aws' | 'vault' | 'github';

export interface CredentialRequest {
  agent: AgentEntry;
  /** The `purpose` input; the registry's purpose is used when absent. */
  purpose?: string;
  durationSeconds: number;
  providers: CredentialProvider[];
  /** True when the request will read Vault secrets (registry `secrets:` or the vault-secrets input). */
  readsSecrets: boolean;
  /** Deployment environment of the job (e.g. the OIDC token's `environment` claim). */
  environment?: string;
  /** Effective AWS role when an input overrides the registry. */
  awsRoleArn?: string;
  /** Effective Vault role when an input overrides the registry. */
  vaultRole?: string;
  /** Effective Vault secret paths (registry plus inputs); defaults to the registry's. */
  secretPaths?: string[];
  /**
   * The GitHub permissions the token would be asked for (GitHub's names and levels), and where
   * they come from: the registry's credentials.github.permissions, or derived from `permissions`.
   */
  githubPermissions?: Record<string, string>;
  githubPermissionsSource?: 'registry' | 'derived';
}

export interface CredentialDecision {
  purpose: string;
  durationSeconds: number;
  /** The tightest cap that applies (agent max-ttl, AgentPolicy maxTtl), if any. */
  maxTtlSeconds?: number;
  /** Names of the AgentPolicy documents that apply to the agent's type. */
  appliedPolicies: string[];
  /** Not refusals, but worth telling the user (audit-level other than full). */
  warnings: string[];
}

export interface DurationCap {
  seconds: number;
  source: 'agent' | 'policy';
  /** The agent's or the policy's name. */
  name: string;
  /** Human wording: "max-ttl of agent review-bot" / "maxTtl of AgentPolicy coding-policy". */
  description: string;
  location: SourceLocation;
}

/** Production-tier environment names: production, prod, prd, prod-*, production-* (any case). */
export function isProductionEnvironment(name: string | undefined): boolean {
  if (!name) return false;
  const n = name.trim().toLowerCase();
  return (
    n === 'production' || n === 'prod' || n === 'prd' || n.startsWith('prod-') || n.startsWith('production-')
  );
}

/**
 * True when an identifier (an IAM role ARN, a Vault role, a secret path) has a production path
 * segment: a `/`-separated segment that is, or has a `-`/`_`/`.` separated word that is, prod,
 * production or prd, unless the word before it is non/pre/not (`non-prod`, `pre-prod`).
 */
export function namesProduction(identifier: string | undefined): boolean {
  if (!identifier) return false;
  const resource = identifier.startsWith('arn:') ? identifier.split(':').slice(5).join(':') : identifier;
  for (const segment of resource.toLowerCase().split(/[/:]/)) {
    const words = segment.split(/[-_.]/);
    for (let i = 0; i < words.length; i++) {
      if (!['prod', 'production', 'prd'].includes(words[i]!)) continue;
      if (i > 0 && ['non', 'pre', 'not'].includes(words[i - 1]!)) continue;
      return true;
    }
  }
  return false;
}

const WRITE_LEVELS = new Set(['write', 'admin', 'delete', '*']);
/** GitHub levels that write (GitHub's own: read < write < admin). */
const GITHUB_WRITE_LEVELS = new Set(['write', 'admin']);
/** GitHub permissions that manage secrets: refused under `deny: secrets`. */
const GITHUB_SECRET_PERMISSIONS = new Set(['secrets', 'dependabot_secrets', 'organization_secrets']);

/** The caps on a credential's lifetime: the agent's max-ttl and each applicable policy's maxTtl. */
export function durationCapsFor(agent: AgentEntry, policies: readonly AgentPolicy[]): DurationCap[] {
  const caps: DurationCap[] = [];
  if (agent.maxTtlSeconds !== undefined) {
    caps.push({
      seconds: agent.maxTtlSeconds,
      source: 'agent',
      name: agent.name,
      description: `max-ttl of agent ${agent.name}`,
      location: agent.keyLocations['max-ttl'] ?? agent.location,
    });
  }
  for (const p of policiesForType(policies, agent.type)) {
    const seconds = p.credentialPolicy?.maxTtlSeconds;
    if (seconds === undefined) continue;
    caps.push({
      seconds,
      source: 'policy',
      name: p.name,
      description: `maxTtl of AgentPolicy ${p.name}`,
      location: p.keyLocations['spec.credentialPolicy.maxTtl'] ?? p.location,
    });
  }
  return caps;
}

const where = (loc: SourceLocation) => formatLocation({ file: loc.file, line: loc.line });

/**
 * Checks a credential request against the registry entry and the AgentPolicies. Returns the
 * effective purpose and caps, or throws: one AstlError for one refusal, an AstlErrors when
 * several rules refuse (its code is the first one's).
 */
export function checkCredentialRequest(
  request: CredentialRequest,
  policies: readonly AgentPolicy[],
): CredentialDecision {
  const { agent } = request;
  const refusals: AstlError[] = [];
  const applied = policiesForType(policies, agent.type);
  const entryHead = `agents:\n  - name: ${agent.name}\n`;

  if (!Number.isInteger(request.durationSeconds) || request.durationSeconds <= 0) {
    throw new AstlError(`duration must be a positive number of seconds, got ${request.durationSeconds}`, {
      code: 'DURATION_INVALID',
      hint: 'use seconds (900 or 900s), minutes (15m) or hours (1h)',
    });
  }

  if (!agent.owner) {
    refusals.push(
      new AstlError(
        `agent '${agent.name}' has no owner; every agent needs a human or team accountable for it`,
        {
          code: 'AGENT_NO_OWNER',
          location: agent.keyLocations['owner'] ?? agent.location,
          hint: `add an owner to the agent's entry in ${agent.location.file}`,
          fix: `${entryHead}    owner: <team-or-person>          # who is accountable for this agent\n`,
        },
      ),
    );
  }

  const purpose = request.purpose?.trim() || agent.purpose;
  if (!purpose) {
    refusals.push(
      new AstlError(
        `no purpose given for agent '${agent.name}': the request and the registry both lack one`,
        {
          code: 'PURPOSE_REQUIRED',
          location: agent.keyLocations['purpose'] ?? agent.location,
          hint: (s) =>
            `set ${s.name('purpose')} (why this job needs credentials), or give the agent a purpose in ${agent.location.file}`,
          fix: (s) =>
            s.snippet([
              ['agent', agent.name],
              ['purpose', '<why this job needs credentials>'],
            ]),
        },
      ),
    );
  }

  if (agent.credentialPolicy === 'long-lived') {
    refusals.push(
      new AstlError(
        `agent '${agent.name}' has credential-policy long-lived; this product only mints ephemeral credentials`,
        {
          code: 'LONG_LIVED_FORBIDDEN',
          location: agent.keyLocations['credential-policy'] ?? agent.location,
          hint: 'switch the agent to ephemeral credentials (minted per job, revoked after it)',
          fix: `${entryHead}    credential-policy: ephemeral\n`,
        },
      ),
    );
  }
  for (const p of applied) {
    if (p.credentialPolicy?.type !== 'long-lived') continue;
    refusals.push(
      new AstlError(
        `AgentPolicy '${p.name}' sets credentialPolicy.type long-lived for agents of type '${agent.type}'; this product only mints ephemeral credentials`,
        {
          code: 'LONG_LIVED_FORBIDDEN',
          location: p.keyLocations['spec.credentialPolicy.type'] ?? p.location,
          hint: `change the policy in ${p.file} to ephemeral credentials`,
          fix: 'spec:\n  credentialPolicy:\n    type: ephemeral\n',
        },
      ),
    );
  }

  const caps = durationCapsFor(agent, applied);
  const tightest = caps.reduce<DurationCap | undefined>(
    (min, c) => (!min || c.seconds < min.seconds ? c : min),
    undefined,
  );
  const exceeded = caps
    .filter((c) => request.durationSeconds > c.seconds)
    .sort((a, b) => a.seconds - b.seconds);
  if (exceeded.length > 0 && tightest) {
    const list = exceeded
      .map((c) => `${formatDuration(c.seconds)} (${c.description}, ${where(c.location)})`)
      .join(', ');
    refusals.push(
      new AstlError(
        `requested duration ${formatDuration(request.durationSeconds)} is over the cap${exceeded.length > 1 ? 's' : ''}: ${list}`,
        {
          code: 'DURATION_OVER_CAP',
          location: exceeded[0]!.location,
          hint: `ask for at most ${formatDuration(tightest.seconds)} (${tightest.seconds}s)`,
          fix: (s) => s.snippet([['duration', formatDuration(tightest.seconds)]]),
        },
      ),
    );
  }

  refusals.push(...restrictionRefusals(request, applied));

  if (refusals.length === 1) throw refusals[0]!;
  if (refusals.length > 1) throw new AstlErrors(refusals);

  const warnings: string[] = [];
  if (agent.auditLevel !== 'full') {
    const loc = agent.keyLocations['audit-level'] ?? agent.location;
    warnings.push(
      `agent '${agent.name}' has audit-level ${agent.auditLevel} (${where(loc)}); audit-level full is recommended and the scanner reports anything less`,
    );
  }
  const decision: CredentialDecision = {
    purpose: purpose!,
    durationSeconds: request.durationSeconds,
    appliedPolicies: applied.map((p) => p.name),
    warnings,
  };
  if (tightest) decision.maxTtlSeconds = tightest.seconds;
  return decision;
}

function restrictionRefusals(request: CredentialRequest, applied: readonly AgentPolicy[]): AstlError[] {
  const { agent } = request;
  const refusals: AstlError[] = [];
  const aws = request.providers.includes('aws');
  const vault = request.providers.includes('vault');
  const roleArn = request.awsRoleArn ?? agent.credentials.aws?.roleArn;
  const vaultRole = request.vaultRole ?? agent.credentials.vault?.role;
  const secretPaths = request.secretPaths ?? agent.credentials.vault?.secrets.map((s) => s.path) ?? [];
  const github = request.providers.includes('github') ? (request.githubPermissions ?? {}) : {};
  const githubWhere = (name: string) => {
    const loc =
      request.githubPermissionsSource === 'registry'
        ? agent.keyLocations[`credentials.github.permissions.${name}`]
        : undefined;
    return loc
      ? ` (${where(loc)})`
      : request.githubPermissionsSource === 'derived'
        ? ' (derived from its permissions)'
        : '';
  };

  for (const p of applied) {
    p.restrictions.forEach((word, i) => {
      const at = p.keyLocations[`spec.restrictions[${i}]`] ?? p.location;
      const refuse = (why: string, hint: SettingText, fix: string) =>
        refusals.push(
          new AstlError(`AgentPolicy '${p.name}' (${where(at)}) denies ${word}: ${why}`, {
            code: 'RESTRICTION_VIOLATED',
            location: at,
            hint,
            fix,
          }),
        );
      switch (word) {
        case 'secrets': {
          const githubSecrets = Object.keys(github).filter((n) => GITHUB_SECRET_PERMISSIONS.has(n));
          if (githubSecrets.length > 0) {
            refuse(
              `agent '${agent.name}' (type ${agent.type}) asks GitHub for ${githubSecrets.map((n) => `${n}: ${github[n]}${githubWhere(n)}`).join(', ')}, which manages secrets`,
              'remove the secret permissions from credentials.github.permissions, or have the policy owner allow them',
              `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        permissions:\n          contents: read   # no ${githubSecrets.join(', ')}: ${p.name} denies secrets\n`,
            );
          }
          if (request.readsSecrets) {
            refuse(
              `agent '${agent.name}' (type ${agent.type}) asks to read Vault secrets`,
              (s) =>
                `remove the secret reads (the registry's credentials.vault.secrets and ${s.name('vault-secrets')}), or have the policy owner allow them`,
              `${`agents:\n  - name: ${agent.name}\n`}    credentials:\n      vault:\n        secrets: []   # ${p.name} denies secret reads\n`,
            );
          }
          break;
        }
        case 'production-access': {
          const reasons: string[] = [];
          if (isProductionEnvironment(request.environment))
            reasons.push(`environment '${request.environment}' is production-tier`);
          if (aws && namesProduction(roleArn)) reasons.push(`AWS role ${roleArn} is a production role`);
          if (vault && namesProduction(vaultRole))
            reasons.push(`Vault role '${vaultRole}' is a production role`);
          if (vault && request.readsSecrets) {
            for (const path of secretPaths.filter((s) => namesProduction(s)))
              reasons.push(`secret path ${path} is a production path`);
          }
          if (reasons.length > 0) {
            refuse(
              reasons.join('; '),
              'run this agent against a non-production environment and roles; production needs an agent type that the organisation allows there',
              `jobs:\n  <job>:\n    environment: staging   # ${p.name} denies production access to ${agent.type} agents\n`,
            );
          }
          break;
        }
        case 'write-access': {
          const wide = agent.permissions.filter((perm) => WRITE_LEVELS.has(perm.access));
          if (wide.length > 0) {
            const first = agent.keyLocations[`permissions[${agent.permissions.indexOf(wide[0]!)}]`];
            refuse(
              `agent '${agent.name}' declares ${wide.map((w) => `${w.resource}: ${w.access}`).join(', ')}${first ? ` (${where(first)})` : ''}`,
              'declare read (or narrower) access only',
              `${`agents:\n  - name: ${agent.name}\n`}    permissions:\n${wide.map((w) => `      - ${w.resource}: read   # was ${w.access}`).join('\n')}\n`,
            );
          }
          const githubWrites = Object.entries(github).filter(([, level]) => GITHUB_WRITE_LEVELS.has(level));
          if (githubWrites.length > 0) {
            refuse(
              `agent '${agent.name}' asks GitHub for ${githubWrites.map(([n, l]) => `${n}: ${l}${githubWhere(n)}`).join(', ')}`,
              request.githubPermissionsSource === 'derived'
                ? 'GitHub has no permission narrower than write for commenting; give the agent read-only GitHub permissions in credentials.github.permissions'
                : 'ask GitHub for read access only',
              `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        permissions:\n${Object.entries(
                github,
              )
                .map(([n, l]) =>
                  GITHUB_WRITE_LEVELS.has(l)
                    ? `          ${n}: read   # was ${l}; ${p.name} denies write access`
                    : `          ${n}: ${l}`,
                )
                .join('\n')}\n`,
            );
          }
          break;
        }
        case 'long-lived-credentials':
          if (agent.credentialPolicy === 'long-lived') {
            const loc = agent.keyLocations['credential-policy'] ?? agent.location;
            refuse(
              `agent '${agent.name}' has credential-policy long-lived (${where(loc)})`,
              'switch the agent to ephemeral credentials',
              `agents:\n  - name: ${agent.name}\n    credential-policy: ephemeral\n`,
            );
          }
          break;
        default:
          // The schema admits only the four words above; nothing else can reach here.
          break;
      }
    });
  }
  return refusals;
}
