/**
 * The GitHub provider's mint, loaded only when an agent has GitHub settings: the App JWT or the
 * STS exchange, the token, the check that it is no broader than asked (revoked at once if it
 * is), then the export. See github.ts for the provider as a whole.
 */
import type { KeyObject } from 'node:crypto';
import { formatDuration } from '../../core/duration.js';
import { AstlError } from '../../core/errors.js';
import { describeFault } from '../../core/retry.js';
import { revokeInstallationToken } from '../../providers/github-api.js';
import {
  createInstallationToken,
  exchangeForInstallationToken,
  getRepoInstallation,
  type InstallationToken,
  listInstallationRepositories,
  type RepoInstallation,
} from '../../providers/github-app.js';
import { normalizePrivateKeyText, parseAppPrivateKey } from '../../providers/github-app-key.js';
import { excessOf, formatPermissions, levelWithin } from '../../providers/github-permissions.js';
import { readKvSecret, revokeSelf } from '../../providers/vault.js';
import { vaultJwtLogin } from '../../providers/vault-login.js';
import type { MintContext } from '../provider.js';
import type { GitHubRevocationState } from '../types.js';
import type { GitHubAppClient, GitHubPlan } from './github.js';
import { INSTALLATION_TOKEN_SECONDS, identityOf } from './github-revoke.js';

/** jose's signer is loaded only here, so the post step never loads it. */
async function signJwt(key: KeyObject, appId: string, now: Date): Promise<string> {
  const { signAppJwt } = await import('../../providers/github-app-jwt.js');
  return signAppJwt(key, appId, now);
}

const DEFAULT_CLIENT: GitHubAppClient = {
  installation: getRepoInstallation,
  createToken: createInstallationToken,
  repositories: listInstallationRepositories,
  revoke: revokeInstallationToken,
  exchange: exchangeForInstallationToken,
  signJwt,
};

/** Mints, checks and exports the token of `plan` (the provider's `mint`). */
export async function mintGitHubToken(
  plan: GitHubPlan,
  ctx: MintContext<GitHubRevocationState>,
  override: Partial<GitHubAppClient> = {},
): Promise<void> {
  const client: GitHubAppClient = { ...DEFAULT_CLIENT, ...override };
  const issuedAt = ctx.now();
  const minted =
    plan.mode === 'app' ? await mintWithApp(plan, ctx, client) : await mintByExchange(plan, ctx, client);
  const { token } = minted;
  ctx.secret(token.token);
  // An expiry missing or already past (a broken answer) counts as GitHub's full hour, so the post
  // step still revokes the token instead of skipping it as expired.
  const expiresAt =
    token.expiresAt && Date.parse(token.expiresAt) > issuedAt.getTime()
      ? token.expiresAt
      : new Date(issuedAt.getTime() + INSTALLATION_TOKEN_SECONDS * 1000).toISOString();
  const reported = Object.keys(token.permissions).length > 0;
  const state: GitHubRevocationState = {
    apiUrl: plan.apiUrl,
    mode: plan.mode,
    token: token.token,
    ...(plan.appId ? { appId: plan.appId } : {}),
    ...(minted.installationId !== undefined ? { installationId: minted.installationId } : {}),
    ...(plan.mode === 'exchange'
      ? { stsUrl: plan.stsUrl!, identity: plan.identity!, scope: plan.scope! }
      : {}),
    owner: plan.owner,
    repositories: plan.repositories,
    permissions: reported ? token.permissions : plan.permissions,
    expiresAt,
    requestedSeconds: ctx.durationSeconds,
    partial: true,
  };
  // Saved before anything else can fail: the post step revokes whatever exists.
  ctx.saveState(state);
  await refuseBroader(plan, ctx, client, state, token);
  ctx.saveState({ ...state, partial: false });

  const ttlSeconds = Math.max(0, Math.round((Date.parse(expiresAt) - issuedAt.getTime()) / 1000));
  const repos = plan.repositories.map((r) => `${plan.owner}/${r}`).join(', ');
  const lifetime = lifetimeNote(ctx.durationSeconds, ttlSeconds);
  const identity = identityOf(state);
  ctx.credential({
    identity,
    details: {
      repositories: repos,
      permissions:
        formatPermissions(state.permissions) +
        (reported ? '' : ' (as declared; the STS does not report them)'),
      lifetime,
    },
    issuedAt: issuedAt.toISOString(),
    expiresAt,
    ttlSeconds,
  });
  if (ctx.durationSeconds > ttlSeconds) {
    ctx.warn(
      `GitHub installation tokens live at most 1 hour: the token expires at ${expiresAt}, before the requested ${formatDuration(ctx.durationSeconds)} are over`,
    );
  }
  ctx.exportEnv({ GH_TOKEN: token.token });
  ctx.secretOutput({ githubToken: token.token });
  ctx.output({
    ...(minted.installationId !== undefined ? { githubInstallationId: String(minted.installationId) } : {}),
    githubPermissions: JSON.stringify(sortedPermissions(state.permissions)),
  });
  ctx.audit(
    'credentials.mint',
    `github:${repos}`,
    {
      provider: 'github',
      identity,
      mode: plan.mode,
      ...(plan.appId ? { app_id: plan.appId } : {}),
      ...(minted.installationId !== undefined ? { installation_id: minted.installationId } : {}),
      ...(plan.mode === 'exchange' ? { sts_url: plan.stsUrl!, sts_identity: plan.identity! } : {}),
      repositories: repos,
      permissions: formatPermissions(state.permissions),
      permissions_source: plan.permissionsSource,
      issued_at: issuedAt.toISOString(),
      expires_at: expiresAt,
      ttl_seconds: ttlSeconds,
      ...ctx.runDetail,
    },
    issuedAt,
  );
  ctx.log.info(
    `GitHub: ${identity}: token for ${repos} (${formatPermissions(state.permissions)}), expires ${expiresAt}; ${lifetime}`,
  );
}

/** The App's key: the input's (parsed before any request) or the one in Vault. */
async function appKey(plan: GitHubPlan, ctx: MintContext<GitHubRevocationState>): Promise<KeyObject> {
  if (plan.privateKey) return plan.privateKey;
  const v = plan.keyInVault!;
  const ns = v.vault.namespace ? { namespace: v.vault.namespace } : {};
  const jwt = await ctx.idToken(v.vault.audience);
  const login = await vaultJwtLogin({
    url: v.vault.url,
    authPath: v.vault.authPath,
    role: v.vault.role,
    jwt,
    audience: v.vault.audience,
    deadline: ctx.deadline,
    ...ns,
  });
  ctx.secret(login.clientToken);
  const target = `vault:${v.vault.url}/v1/${v.path}#${v.key}`;
  try {
    const text = await readKvSecret({
      url: v.vault.url,
      token: login.clientToken,
      path: v.path,
      key: v.key,
      deadline: ctx.deadline,
      ...ns,
    });
    ctx.secret(text);
    ctx.secret(normalizePrivateKeyText(text));
    ctx.audit('secrets.read', target, { purpose: 'GitHub App private key' });
    return parseAppPrivateKey(text, `the GitHub App key in Vault (${v.path} key ${v.key})`);
  } finally {
    // That login served this one read: end it now rather than leave it to its TTL.
    await revokeSelf({ url: v.vault.url, token: login.clientToken, deadline: ctx.deadline, ...ns }).catch(
      (err: unknown) =>
        ctx.warn(
          `the Vault token used to read the GitHub App key could not be revoked (${err instanceof AstlError ? err.message : describeFault(err)}); it expires after ${formatDuration(login.leaseDurationSeconds)}`,
        ),
    );
  }
}

interface Minted {
  token: InstallationToken;
  installationId?: number;
}

async function mintWithApp(
  plan: GitHubPlan,
  ctx: MintContext<GitHubRevocationState>,
  client: GitHubAppClient,
): Promise<Minted> {
  const appId = plan.appId!;
  const key = await appKey(plan, ctx);
  const jwt = await client.signJwt(key, appId, ctx.now());
  ctx.secret(jwt);
  const call = { apiUrl: plan.apiUrl, deadline: ctx.deadline, jwt, appId };
  const installation = await client.installation({ ...call, owner: plan.owner, repo: plan.repositories[0]! });
  refuseForeignInstallation(plan, installation);
  // The installation's own grant caps every token: say which permission is missing before asking.
  const granted = installation.permissions;
  if (Object.keys(granted).length > 0) {
    const lacking = Object.entries(plan.permissions).filter(
      ([name, level]) => !granted[name] || !levelWithin(level, granted[name]),
    );
    if (lacking.length > 0) {
      throw new AstlError(
        `permission not granted to the App: App ${appId} (installation ${installation.id} on ${installation.account}) lacks ${lacking.map(([n, l]) => `${n}: ${l}${granted[n] ? ` (it has ${granted[n]})` : ''}`).join(', ')}`,
        {
          code: 'GITHUB_PERMISSION_NOT_GRANTED',
          hint: `the installation has ${formatPermissions(granted)}; give the App the missing permissions in its settings (Permissions & events) and have ${installation.account} accept them, or ask for less in credentials.github.permissions`,
        },
      );
    }
  }
  const token = await client.createToken({
    ...call,
    installationId: installation.id,
    owner: plan.owner,
    repositories: plan.repositories,
    permissions: plan.permissions,
  });
  return { token, installationId: installation.id };
}

/**
 * The installation must be this App's, on the owner asked for: a token of another account's
 * installation would reach that account's repositories of the same names.
 */
function refuseForeignInstallation(plan: GitHubPlan, installation: RepoInstallation): void {
  const appId = plan.appId!;
  const otherApp =
    /^\d+$/.test(appId) && installation.appId !== undefined && installation.appId !== Number(appId);
  const otherOwner = installation.account.toLowerCase() !== plan.owner.toLowerCase();
  if (!otherApp && !otherOwner) return;
  throw new AstlError(
    `GitHub answered the installation lookup for ${plan.owner}/${plan.repositories[0]} with installation ${installation.id} of ${otherOwner ? `account ${installation.account}` : `App ${installation.appId}`}, not of ${otherOwner ? plan.owner : `App ${appId}`}; no token was requested`,
    {
      code: 'GITHUB_RESPONSE_INVALID',
      hint: 'check that GITHUB_API_URL points at GitHub itself (or your GitHub Enterprise Server), not a proxy that rewrites answers',
    },
  );
}

async function mintByExchange(
  plan: GitHubPlan,
  ctx: MintContext<GitHubRevocationState>,
  client: GitHubAppClient,
): Promise<Minted> {
  const idToken = await ctx.idToken(plan.audience!);
  const token = await client.exchange({
    stsUrl: plan.stsUrl!,
    scope: plan.scope!,
    identity: plan.identity!,
    idToken,
    audience: plan.audience!,
    deadline: ctx.deadline,
  });
  return { token };
}

/**
 * Fails the mint when the token reaches more than was asked: the permissions and repositories
 * GitHub reported, and (exchange mode, whose answer lists none) the repositories the token itself
 * lists. The token is revoked first; the state then records that, so the post step does not retry.
 */
async function refuseBroader(
  plan: GitHubPlan,
  ctx: MintContext<GitHubRevocationState>,
  client: GitHubAppClient,
  state: GitHubRevocationState,
  token: InstallationToken,
): Promise<void> {
  const full = (name: string) => (name.includes('/') ? name : `${plan.owner}/${name}`);
  let repositories = token.repositories?.map(full);
  if (!repositories) {
    repositories = await client.repositories({
      apiUrl: plan.apiUrl,
      token: token.token,
      deadline: ctx.deadline,
    });
  }
  const excess = excessOf(
    { permissions: plan.permissions, repositories: plan.repositories.map(full) },
    { permissions: token.permissions, repositories },
  );
  // Named repositories were asked for, so `all` is broader whatever list came with it.
  if (token.repositorySelection !== undefined && token.repositorySelection !== 'selected')
    excess.push(`every repository of the installation (repository_selection: ${token.repositorySelection})`);
  if (excess.length === 0) return;
  let revoked: string;
  try {
    const outcome = await client.revoke({ apiUrl: plan.apiUrl, token: token.token, deadline: ctx.deadline });
    ctx.saveState({ ...state, revokedAt: ctx.now().toISOString() });
    revoked = outcome === 'revoked' ? 'it was revoked at once' : 'GitHub says it is no longer valid';
  } catch (err) {
    revoked = `revoking it failed (${err instanceof AstlError ? err.message : describeFault(err)}); the post step tries again`;
  }
  ctx.audit('credentials.revoke', `github:${plan.owner}`, {
    provider: 'github',
    outcome: 'broader-than-asked',
    excess: excess.join('; '),
  });
  throw new AstlError(
    `GitHub issued a token broader than asked: ${excess.join(', ')}; ${revoked}, and nothing was exported`,
    {
      code: 'GITHUB_TOKEN_TOO_BROAD',
      hint:
        plan.mode === 'exchange'
          ? `the STS's trust policy ${plan.identity} grants more than credentials.github asks for: narrow the trust policy's permissions and repositories (or declare what it grants)`
          : `asked for ${formatPermissions(plan.permissions)} on ${plan.repositories.map(full).join(', ')}; check GITHUB_API_URL points at GitHub itself`,
    },
  );
}

function lifetimeNote(requested: number, ttl: number): string {
  if (requested < ttl) {
    // GitHub's hour, not the seconds left (its expires_at is truncated, which would read 59m59s).
    return `GitHub fixes the token's life at ${formatDuration(INSTALLATION_TOKEN_SECONDS)}; the requested ${formatDuration(requested)} is honoured by revoking it when the job ends`;
  }
  return `revoked when the job ends`;
}

function sortedPermissions(p: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)));
}
