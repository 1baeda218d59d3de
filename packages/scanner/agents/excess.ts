/**
 * A bound agent's job against its registry entry: every GITHUB_TOKEN scope, secret and
 * production environment the job gives the agent beyond what the agent declares
 * (`permissions:`), or what an AgentPolicy for its type denies (`deny: write-access`,
 * `deny: secrets`, `deny: production-access`), is a finding that names both sides: the job's
 * line and the registry's (or policy's) file:line.
 */
import { isScalar, type Node } from 'yaml';
import type { FileContext } from '../context.js';
import type { Severity } from '../finding.js';
import { accessRank, restrictionForbids } from '../rules/agent.js';
import type { SecretUse, TokenFacts } from './facts.js';
import type { ResolvedAgent } from './registry.js';

/** Registry resources (`agent-config.yaml` permissions) and the token scope each one is. */
const RESOURCE_SCOPE: Record<string, string> = {
  repository: 'contents',
  repositories: 'contents',
  contents: 'contents',
  code: 'contents',
  'pull-requests': 'pull-requests',
  'pull-request': 'pull-requests',
  pulls: 'pull-requests',
  issues: 'issues',
  checks: 'checks',
  deployments: 'deployments',
  statuses: 'statuses',
  actions: 'actions',
  workflows: 'actions',
  packages: 'packages',
  pages: 'pages',
  discussions: 'discussions',
  'security-events': 'security-events',
  'id-token': 'id-token',
  attestations: 'attestations',
  projects: 'repository-projects',
  'repository-projects': 'repository-projects',
  models: 'models',
};

/** Commenting on these needs a token with write on the scope; the registry says `comment`. */
const COMMENT_SCOPES = new Set(['pull-requests', 'issues', 'discussions']);

export interface JobView {
  file: string;
  job: string;
  jobNode: Node;
  token: TokenFacts;
  /** Secrets besides the agent's own model credential. */
  secrets: SecretUse[];
  environment?: Node | undefined;
  /** The job mints credentials with the credentials action (which needs `id-token: write`). */
  credentialsStep: boolean;
}

type Emit = (draft: Parameters<FileContext['emit']>[0]) => void;

export function checkRegistryExcess(
  view: JobView,
  resolved: ResolvedAgent,
  ctx: FileContext,
  emit: Emit,
): void {
  const entry = resolved.entry!;
  const registry = resolved.registry!;
  const declaredAt = `${registry.file}:${entry.keyLocations['permissions']?.line ?? entry.keyLocations['name']?.line ?? entry.location.line ?? 1}`;
  const declared = entry.permissions.length
    ? entry.permissions.map((p) => `\`${p.resource}: ${p.access}\``).join(', ')
    : 'no permissions';
  const who = `agent '${entry.name}' (${registry.file}:${entry.keyLocations['name']?.line ?? entry.location.line ?? 1})`;
  const line = (node: Node | null | undefined) => ctx.position(node?.range?.[0] ?? 0).line;

  if (view.token.unknown) {
    if (view.token.source !== 'default') return;
    const wanted = suggestedPermissions(entry.permissions);
    emit({
      ruleId: 'agent/permission-beyond-registry',
      fileLevel: true,
      line: line(view.jobNode),
      message: `Job '${view.job}' sets no \`permissions:\`, so ${who} gets the repository's default token (possibly write access to everything), while the registry declares ${declared} (${declaredAt}). Add \`permissions: { ${wanted} }\` to the job.`,
      about: `${view.job} ${entry.name} default-permissions`,
    });
    return;
  }

  for (const grant of view.token.grants) {
    if (
      grant.scope === 'id-token' &&
      (view.credentialsStep || entry.credentials.aws || entry.credentials.vault)
    )
      continue;
    const problems: string[] = [];
    const best = declaredLevel(entry.permissions, grant.scope);
    const covered =
      grant.level === 'read'
        ? best >= accessRank('read')
        : best >= accessRank('write') || (best === accessRank('comment') && COMMENT_SCOPES.has(grant.scope));
    if (!covered) {
      problems.push(`the registry declares ${declared} (${declaredAt})`);
    }
    // A write the agent needs only to comment is the `comment` the registry allows, not write access.
    const commentOnly =
      grant.level === 'write' && best === accessRank('comment') && COMMENT_SCOPES.has(grant.scope);
    for (const policy of resolved.policies) {
      policy.restrictions.forEach((target, i) => {
        if (target === 'long-lived-credentials' || commentOnly) return;
        if (!restrictionForbids(target, { resource: resourceFor(grant.scope), access: grant.level })) return;
        const at = policy.keyLocations[`spec.restrictions[${i}]`]?.line ?? policy.location.line ?? 1;
        problems.push(
          `AgentPolicy '${policy.name}' (${policy.file}:${at}) has \`deny: ${target}\` for type '${entry.type}'`,
        );
      });
    }
    if (problems.length === 0) continue;
    const lower =
      grant.level === 'write' && best >= accessRank('read')
        ? `\`${grant.scope}: read\``
        : `no \`${grant.scope}\``;
    emit({
      ruleId: 'agent/permission-beyond-registry',
      fileLevel: true,
      line: line(grant.node),
      ...(grant.level === 'read' && covered
        ? {}
        : grant.level === 'read'
          ? { severity: 'warning' as Severity }
          : {}),
      message: `Job '${view.job}' gives ${who} \`${grant.scope}: ${grant.level}\`${isScalar(grant.node) && /-all$/.test(String(grant.node.value)) ? ` (through \`${String(grant.node.value)}\`)` : ''} at line ${line(grant.node)}, but ${problems.join(', and ')}. Lower the job to ${lower}, or change the registry entry (and its type's policy) if the agent really needs it.`,
      about: `${view.job} ${entry.name} ${grant.scope}:${grant.level}`,
    });
  }

  const secretsDeclared = entry.permissions.some((p) => /^secrets?$/i.test(p.resource));
  const seen = new Set<string>();
  for (const use of view.secrets) {
    if (seen.has(use.name)) continue;
    seen.add(use.name);
    const problems: string[] = [];
    if (!secretsDeclared) problems.push(`it declares no \`secrets\` access (${declaredAt})`);
    for (const policy of resolved.policies) {
      policy.restrictions.forEach((target, i) => {
        if (!restrictionForbids(target, { resource: 'secrets', access: 'read' })) return;
        const at = policy.keyLocations[`spec.restrictions[${i}]`]?.line ?? policy.location.line ?? 1;
        problems.push(
          `AgentPolicy '${policy.name}' (${policy.file}:${at}) has \`deny: ${target}\` for type '${entry.type}'`,
        );
      });
    }
    if (problems.length === 0) continue;
    const name =
      use.name === '*' ? 'every secret (`secrets: inherit` / `toJSON(secrets)`)' : `\`secrets.${use.name}\``;
    emit({
      ruleId: 'agent/secret-beyond-registry',
      fileLevel: true,
      line: ctx.position(use.offset).line,
      message: `Job '${view.job}' passes ${name} to ${who}, but ${problems.join(', and ')}. Remove it from the job (let the credentials action fetch what the registry allows), or declare the access in the registry if the policy permits it.`,
      about: `${view.job} ${entry.name} secret ${use.name}`,
    });
  }

  const environment = view.environment;
  const envName = isScalar(environment) ? String(environment.value ?? '') : '';
  if (environment && /prod/i.test(envName)) {
    for (const policy of resolved.policies) {
      policy.restrictions.forEach((target, i) => {
        if (!restrictionForbids(target, { resource: 'production', access: 'read' })) return;
        const at = policy.keyLocations[`spec.restrictions[${i}]`]?.line ?? policy.location.line ?? 1;
        emit({
          ruleId: 'agent/permission-beyond-registry',
          fileLevel: true,
          line: line(environment),
          message: `Job '${view.job}' runs ${who} in the \`${envName}\` environment, but AgentPolicy '${policy.name}' (${policy.file}:${at}) has \`deny: ${target}\` for type '${entry.type}'. Run the agent in a non-production job and deploy through a deployment agent that passes the gate.`,
          about: `${view.job} ${entry.name} environment ${envName}`,
        });
      });
    }
  }
}

function declaredLevel(permissions: readonly { resource: string; access: string }[], scope: string): number {
  let best = -1;
  for (const p of permissions) {
    if (RESOURCE_SCOPE[p.resource.toLowerCase()] !== scope) continue;
    best = Math.max(best, accessRank(p.access));
  }
  return best;
}

function resourceFor(scope: string): string {
  return scope === 'contents' ? 'repository' : scope;
}

/** The `permissions:` block that matches what the registry declares. */
function suggestedPermissions(permissions: readonly { resource: string; access: string }[]): string {
  const out = new Map<string, string>();
  for (const p of permissions) {
    const scope = RESOURCE_SCOPE[p.resource.toLowerCase()];
    if (!scope) continue;
    const level =
      accessRank(p.access) >= accessRank('write') || (p.access === 'comment' && COMMENT_SCOPES.has(scope))
        ? 'write'
        : 'read';
    if (out.get(scope) !== 'write') out.set(scope, level);
  }
  if (out.size === 0) out.set('contents', 'read');
  return [...out].map(([s, l]) => `${s}: ${l}`).join(', ');
}
