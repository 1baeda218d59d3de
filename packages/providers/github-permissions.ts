/**
 * GitHub App permissions: the names and levels an installation access token can be asked for,
 * the table that derives them from an agent's declared `permissions`, and the check that a token
 * GitHub issued stays within what was asked.
 *
 * The names and levels are the `app-permissions` object of GitHub's REST API description, the
 * body of "Create an installation access token for an app"
 * (https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app).
 * schemas/agent-config.schema.json lists the same names (a test keeps the two in step).
 */

export type GitHubPermissionLevel = 'read' | 'write' | 'admin';
export type GitHubPermissions = Record<string, GitHubPermissionLevel>;

const RW: readonly GitHubPermissionLevel[] = ['read', 'write'];
const RWA: readonly GitHubPermissionLevel[] = ['read', 'write', 'admin'];
const R: readonly GitHubPermissionLevel[] = ['read'];
const W: readonly GitHubPermissionLevel[] = ['write'];

/** Every permission an installation token can carry, with the levels GitHub accepts for it. */
export const GITHUB_APP_PERMISSIONS: Readonly<Record<string, readonly GitHubPermissionLevel[]>> = {
  // Repository permissions
  actions: RW,
  administration: RW,
  checks: RW,
  codespaces: RW,
  contents: RW,
  dependabot_secrets: RW,
  deployments: RW,
  environments: RW,
  issues: RW,
  metadata: RW,
  packages: RW,
  pages: RW,
  pull_requests: RW,
  repository_custom_properties: RW,
  repository_hooks: RW,
  repository_projects: RWA,
  secret_scanning_alerts: RW,
  secrets: RW,
  security_events: RW,
  single_file: RW,
  statuses: RW,
  vulnerability_alerts: RW,
  workflows: W,
  // Organization permissions
  members: RW,
  organization_administration: RW,
  organization_custom_roles: RW,
  organization_custom_org_roles: RW,
  organization_custom_properties: RWA,
  organization_copilot_seat_management: W,
  organization_announcement_banners: RW,
  organization_events: R,
  organization_hooks: RW,
  organization_personal_access_tokens: RW,
  organization_personal_access_token_requests: RW,
  organization_plan: R,
  organization_projects: RWA,
  organization_packages: RW,
  organization_secrets: RW,
  organization_self_hosted_runners: RW,
  organization_user_blocking: RW,
  team_discussions: RW,
  // Account permissions
  email_addresses: RW,
  followers: RW,
  git_ssh_keys: RW,
  gpg_keys: RW,
  interaction_limits: RW,
  profile: W,
  starring: RW,
};

const RANK: Record<GitHubPermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/** True when `level` grants at most what `limit` grants (read < write < admin). */
export function levelWithin(level: string, limit: string): boolean {
  const a = RANK[level as GitHubPermissionLevel];
  const b = RANK[limit as GitHubPermissionLevel];
  return a !== undefined && b !== undefined && a <= b;
}

export function isWriteLevel(level: string): boolean {
  return level === 'write' || level === 'admin';
}

/**
 * The derived-permissions table: a declared `resource: access` pair of the registry and the
 * GitHub permission it becomes when `credentials.github.permissions` is absent. GitHub has no
 * permission narrower than write for commenting, so `comment` becomes `write`.
 */
export const DERIVED_GITHUB_PERMISSIONS: readonly {
  resource: string;
  access: string;
  permission: string;
  level: GitHubPermissionLevel;
}[] = [
  { resource: 'repository', access: 'read', permission: 'contents', level: 'read' },
  { resource: 'repository', access: 'write', permission: 'contents', level: 'write' },
  { resource: 'pull-requests', access: 'read', permission: 'pull_requests', level: 'read' },
  { resource: 'pull-requests', access: 'comment', permission: 'pull_requests', level: 'write' },
  { resource: 'pull-requests', access: 'write', permission: 'pull_requests', level: 'write' },
  { resource: 'issues', access: 'read', permission: 'issues', level: 'read' },
  { resource: 'issues', access: 'comment', permission: 'issues', level: 'write' },
  { resource: 'issues', access: 'write', permission: 'issues', level: 'write' },
  { resource: 'checks', access: 'read', permission: 'checks', level: 'read' },
  { resource: 'checks', access: 'write', permission: 'checks', level: 'write' },
  { resource: 'statuses', access: 'read', permission: 'statuses', level: 'read' },
  { resource: 'statuses', access: 'write', permission: 'statuses', level: 'write' },
  { resource: 'deployments', access: 'read', permission: 'deployments', level: 'read' },
  { resource: 'deployments', access: 'write', permission: 'deployments', level: 'write' },
  { resource: 'actions', access: 'read', permission: 'actions', level: 'read' },
  { resource: 'actions', access: 'write', permission: 'actions', level: 'write' },
  { resource: 'packages', access: 'read', permission: 'packages', level: 'read' },
  { resource: 'packages', access: 'write', permission: 'packages', level: 'write' },
];

/** Every `resource: access` pair the table knows, for the refusal of one it does not. */
export function knownDerivedPairs(): string[] {
  return DERIVED_GITHUB_PERMISSIONS.map((r) => `${r.resource}: ${r.access}`);
}

/** One declared pair the table cannot map. */
export interface UnmappedPermission {
  resource: string;
  access: string;
  /** Its index in the agent's `permissions`. */
  index: number;
}

/**
 * The GitHub permissions derived from declared pairs, the highest level when two pairs name the
 * same permission, plus the pairs the table does not know (the caller refuses those).
 */
export function deriveGitHubPermissions(declared: readonly { resource: string; access: string }[]): {
  permissions: GitHubPermissions;
  unmapped: UnmappedPermission[];
} {
  const permissions: GitHubPermissions = {};
  const unmapped: UnmappedPermission[] = [];
  declared.forEach((p, index) => {
    const row = DERIVED_GITHUB_PERMISSIONS.find((r) => r.resource === p.resource && r.access === p.access);
    if (!row) {
      unmapped.push({ resource: p.resource, access: p.access, index });
      return;
    }
    const had = permissions[row.permission];
    if (!had || !levelWithin(row.level, had)) permissions[row.permission] = row.level;
  });
  return { permissions, unmapped };
}

/**
 * What a token GitHub issued holds beyond what was asked: permissions not asked for or at a
 * higher level, and repositories not asked for. `metadata: read` is allowed unasked, because
 * GitHub adds it to every token that reaches a repository.
 */
export function excessOf(
  asked: { permissions: GitHubPermissions; repositories: readonly string[] },
  granted: { permissions?: Record<string, string>; repositories?: readonly string[] },
): string[] {
  const excess: string[] = [];
  for (const [name, level] of Object.entries(granted.permissions ?? {})) {
    const limit = asked.permissions[name] ?? (name === 'metadata' ? 'read' : undefined);
    if (limit === undefined) excess.push(`${name}: ${level} (not asked for)`);
    else if (!levelWithin(level, limit)) excess.push(`${name}: ${level} (asked for ${limit})`);
  }
  const wanted = new Set(asked.repositories.map((r) => r.toLowerCase()));
  for (const repo of granted.repositories ?? []) {
    if (!wanted.has(repo.toLowerCase())) excess.push(`repository ${repo} (not asked for)`);
  }
  return excess;
}

/** `contents: read, pull_requests: write`, in name order. */
export function formatPermissions(permissions: Record<string, string>): string {
  return Object.entries(permissions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}
