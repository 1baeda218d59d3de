/**
 * The GitHub REST calls behind an App installation token, over the engine's own HTTP client:
 *
 * - `GET  /repos/{owner}/{repo}/installation` (App JWT): the App's installation on a repository;
 * - `POST /app/installations/{id}/access_tokens` (App JWT) with `repositories` and `permissions`;
 * - `GET  /installation/repositories` (installation token): what a token reaches;
 * - `GET  {sts-url}/sts/exchange?scope=…&identity=…` (OIDC token): an octo-sts compatible exchange.
 *
 * Reference: https://docs.github.com/rest/apps/apps and
 * https://docs.github.com/rest/apps/installations, API version 2022-11-28; octo-sts
 * (https://github.com/octo-sts/app) for the exchange. `apiUrl` is GITHUB_API_URL, so GitHub
 * Enterprise Server (`https://HOST/api/v3`) works as github.com does.
 *
 * Loaded only when a token is minted; the revocation is in github-api.ts. Faults: network faults, 5xx, 429 and rate limits (a 403 or 429 with `retry-after` or
 * `x-ratelimit-remaining: 0`, or GitHub's "secondary rate limit" message) are retried within the
 * deadline, waiting as long as GitHub asks (`retry-after`, `x-ratelimit-reset`); a wait past the
 * deadline fails at once and says until when. 401/403/404/422 fail at once, diagnosed as one of
 * "App not installed on this repository", "permission not granted to the App" or "bad key or app
 * id". Response bodies are never quoted beyond GitHub's one-line `message` (they hold tokens).
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { AstlError } from '../core/errors.js';
import type { Deadline } from '../core/retry.js';
import { describeClaims } from './diagnose.js';
import {
  apiBase,
  type GitHubCall,
  type GitHubHttpError,
  githubRequest,
  type InstallationTokenCall,
} from './github-api.js';
import { formatPermissions, type GitHubPermissions } from './github-permissions.js';
import { decodeTokenClaims } from './oidc.js';
import type { RetrySettings } from './retry-policy.js';

export interface AppCall extends GitHubCall {
  /** The App JWT (RS256, iss = the App's id). */
  jwt: string;
  /** For messages only. */
  appId: string;
}

export interface RepoInstallation {
  id: number;
  /** The account the App is installed on. */
  account: string;
  appId?: number;
  /** What the installation was granted: the most any of its tokens can carry. */
  permissions: Record<string, string>;
  repositorySelection?: string;
  suspended: boolean;
}

export interface InstallationToken {
  token: string;
  expiresAt: string;
  permissions: Record<string, string>;
  repositorySelection?: string;
  /** The repositories the token reaches, when GitHub listed them: `owner/name` (GitHub's full_name), else the bare name. */
  repositories?: string[];
}

const seg = encodeURIComponent;

/** The three diagnoses of an App-JWT call, with GitHub's message kept. */
function appRefusal(
  err: GitHubHttpError,
  ctx: {
    appId: string;
    owner: string;
    repositories: string[];
    installationId?: number;
    asked?: GitHubPermissions;
  },
): AstlError {
  const where = ctx.repositories.map((r) => `${ctx.owner}/${r}`).join(', ');
  const said = `GitHub answered HTTP ${err.status}: ${err.providerMessage || '(no message)'}`;
  if (err.status === 401) {
    return new AstlError(`bad key or app id: GitHub did not accept the JWT of App ${ctx.appId} (${said})`, {
      code: 'GITHUB_APP_AUTH_FAILED',
      hint: `check that github-app-id (or credentials.github.app-id) is the App's ID and that github-app-private-key is a current private key of that App (the App's settings, "Private keys"); the runner's clock must be right, since the JWT is valid for 10 minutes.`,
    });
  }
  if (err.status === 422 && /permission/i.test(err.providerMessage)) {
    return new AstlError(
      `permission not granted to the App: App ${ctx.appId}${ctx.installationId ? ` (installation ${ctx.installationId})` : ''} cannot grant ${ctx.asked ? formatPermissions(ctx.asked) : 'the permissions asked for'} on ${where} (${said})`,
      {
        code: 'GITHUB_PERMISSION_NOT_GRANTED',
        hint: "give the App these permissions in its settings (Permissions & events) and have the installation's owner accept the new permissions, or ask for less in credentials.github.permissions.",
      },
    );
  }
  if (err.status === 404 || err.status === 422) {
    return new AstlError(
      `App not installed on this repository: App ${ctx.appId} cannot reach ${where} (${said})`,
      {
        code: 'GITHUB_APP_NOT_INSTALLED',
        hint: `install the App on ${where} (the App's public page, "Configure"), or correct credentials.github.owner and repositories; GitHub answers 404 for a repository that does not exist or that the App cannot see.`,
      },
    );
  }
  if (err.status === 403 && /suspend/i.test(err.providerMessage)) {
    return new AstlError(
      `App not installed on this repository: the installation of App ${ctx.appId} on ${ctx.owner} is suspended (${said})`,
      {
        code: 'GITHUB_APP_NOT_INSTALLED',
        hint: `an owner of ${ctx.owner} must unsuspend the installation (Settings, GitHub Apps, Configure).`,
      },
    );
  }
  if (err.status === 403) {
    return new AstlError(
      `permission not granted to the App: GitHub refused App ${ctx.appId} on ${where} (${said})`,
      {
        code: 'GITHUB_PERMISSION_NOT_GRANTED',
        hint: `check the App's permissions and the organisation's policies for ${ctx.owner} (an IP allow list also answers 403).`,
      },
    );
  }
  return new AstlError(`GitHub refused the request of App ${ctx.appId} for ${where}: ${said}`, {
    code: 'GITHUB_REQUEST_FAILED',
  });
}

export interface InstallationLookup extends AppCall {
  owner: string;
  repo: string;
}

/** `GET /repos/{owner}/{repo}/installation`: which installation of the App covers the repository. */
export async function getRepoInstallation(req: InstallationLookup): Promise<RepoInstallation> {
  const body = (await githubRequest(
    req,
    `GitHub App installation lookup for ${req.owner}/${req.repo}`,
    {
      method: 'GET',
      url: `${apiBase(req.apiUrl)}/repos/${seg(req.owner)}/${seg(req.repo)}/installation`,
      authorization: `Bearer ${req.jwt}`,
    },
    (err) => appRefusal(err, { appId: req.appId, owner: req.owner, repositories: [req.repo] }),
  )) as Record<string, unknown> | undefined;
  if (!body || typeof body.id !== 'number') {
    throw new AstlError(
      `GitHub answered the installation lookup for ${req.owner}/${req.repo} without an id`,
      {
        code: 'GITHUB_RESPONSE_INVALID',
      },
    );
  }
  const account = (body.account as { login?: unknown } | null)?.login;
  return {
    id: body.id,
    account: typeof account === 'string' ? account : req.owner,
    ...(typeof body.app_id === 'number' ? { appId: body.app_id } : {}),
    permissions: stringMap(body.permissions),
    ...(typeof body.repository_selection === 'string'
      ? { repositorySelection: body.repository_selection }
      : {}),
    suspended: body.suspended_at !== undefined && body.suspended_at !== null,
  };
}

export interface TokenRequest extends AppCall {
  installationId: number;
  owner: string;
  /** Repository names (without the owner), as the API takes them. */
  repositories: string[];
  permissions: GitHubPermissions;
}

/** `POST /app/installations/{id}/access_tokens` scoped to `repositories` and `permissions`. */
export async function createInstallationToken(req: TokenRequest): Promise<InstallationToken> {
  const body = (await githubRequest(
    req,
    `GitHub installation token for ${req.owner} (installation ${req.installationId})`,
    {
      method: 'POST',
      url: `${apiBase(req.apiUrl)}/app/installations/${req.installationId}/access_tokens`,
      authorization: `Bearer ${req.jwt}`,
      body: { repositories: req.repositories, permissions: req.permissions },
    },
    (err) =>
      appRefusal(err, {
        appId: req.appId,
        owner: req.owner,
        repositories: req.repositories,
        installationId: req.installationId,
        asked: req.permissions,
      }),
  )) as Record<string, unknown> | undefined;
  return tokenAnswer(body, `installation ${req.installationId}`);
}

/** A token as GitHub issues them (ghs_…): one word of printable ASCII, as AWS credentials are checked. */
const TOKEN_TEXT = /^[\x21-\x7e]{8,}$/;

function tokenAnswer(body: Record<string, unknown> | undefined, what: string): InstallationToken {
  // The token is exported to the job's environment (GH_TOKEN): no space, CR/LF or control character.
  if (!body || typeof body.token !== 'string' || !TOKEN_TEXT.test(body.token)) {
    throw new AstlError(
      `GitHub answered the token request for ${what} without a token (or with one that is not a single printable word)`,
      {
        code: 'GITHUB_RESPONSE_INVALID',
      },
    );
  }
  // `full_name` (owner/name) when GitHub gives it: a bare `name` cannot show another owner.
  const repos = Array.isArray(body.repositories)
    ? body.repositories
        .map((r) => {
          const o = r as { name?: unknown; full_name?: unknown } | null;
          return typeof o?.full_name === 'string' ? o.full_name : o?.name;
        })
        .filter((n): n is string => typeof n === 'string')
    : undefined;
  return {
    token: body.token,
    expiresAt:
      typeof body.expires_at === 'string' && !Number.isNaN(Date.parse(body.expires_at))
        ? new Date(body.expires_at).toISOString()
        : '',
    permissions: grantedPermissions(body.permissions),
    ...(typeof body.repository_selection === 'string'
      ? { repositorySelection: body.repository_selection }
      : {}),
    ...(repos && repos.length > 0 ? { repositories: repos } : {}),
  };
}

/**
 * `GET /installation/repositories` with an installation token: the full names (`owner/name`) of
 * every repository it reaches, following `page` up to 10 pages of 100.
 */
export async function listInstallationRepositories(req: InstallationTokenCall): Promise<string[]> {
  const names: string[] = [];
  for (let page = 1; page <= 10; page++) {
    const body = (await githubRequest(
      req,
      'GitHub repositories of the installation token',
      {
        method: 'GET',
        url: `${apiBase(req.apiUrl)}/installation/repositories?per_page=100&page=${page}`,
        authorization: `Bearer ${req.token}`,
      },
      (err) =>
        new AstlError(`GitHub refused listing the token's repositories: ${err.message}`, {
          code: 'GITHUB_REQUEST_FAILED',
        }),
    )) as { total_count?: unknown; repositories?: unknown } | undefined;
    const list = Array.isArray(body?.repositories) ? body.repositories : [];
    for (const r of list) {
      const full = (r as { full_name?: unknown } | null)?.full_name;
      if (typeof full === 'string') names.push(full);
    }
    const total = typeof body?.total_count === 'number' ? body.total_count : names.length;
    if (list.length < 100 || names.length >= total) break;
  }
  return names;
}

export interface ExchangeRequest {
  /** The STS base URL, e.g. https://octo-sts.dev */
  stsUrl: string;
  /** `owner/repo` or `owner`. */
  scope: string;
  /** The trust policy's name. */
  identity: string;
  /** The job's OIDC token (for `audience`). */
  idToken: string;
  audience: string;
  deadline: Deadline;
  retry?: RetrySettings;
  now?: () => number;
}

/**
 * `GET {sts-url}/sts/exchange?scope=…&identity=…` with the OIDC token as bearer (octo-sts's
 * protocol): answers `{token}`, and possibly `expires_at`, `permissions` and `repositories` (an
 * STS that reports them lets the caller check them too).
 */
export async function exchangeForInstallationToken(req: ExchangeRequest): Promise<InstallationToken> {
  const base = req.stsUrl.replace(/\/+$/, '');
  const url = `${base}/sts/exchange?scope=${encodeURIComponent(req.scope)}&identity=${encodeURIComponent(req.identity)}`;
  const body = (await githubRequest(
    {
      apiUrl: base,
      deadline: req.deadline,
      ...(req.retry ? { retry: req.retry } : {}),
      ...(req.now ? { now: req.now } : {}),
    },
    `GitHub token exchange at ${base} (identity ${req.identity}, scope ${req.scope})`,
    { method: 'GET', url, authorization: `Bearer ${req.idToken}` },
    (err) => exchangeRefusal(err, req),
    'GITHUB_STS_UNAVAILABLE',
  )) as Record<string, unknown> | undefined;
  return tokenAnswer(body, `identity ${req.identity} in scope ${req.scope}`);
}

function exchangeRefusal(err: GitHubHttpError, req: ExchangeRequest): AstlError {
  const claims = decodeTokenClaims(req.idToken);
  // The STS's message is echoed; the token it was sent never is (githubRequest scrubs it).
  const said = `the STS answered HTTP ${err.status}: ${err.providerMessage || '(no message)'}`;
  const detail = [
    `  requested:\n    sts-url   ${req.stsUrl}\n    scope     ${req.scope}\n    identity  ${req.identity}\n    audience  ${req.audience}`,
    describeClaims(claims),
  ].join('\n');
  const [owner, repo] = req.scope.split('/');
  const policyFile = `${repo ? `${owner}/${repo}` : `${owner}/.github`}: .github/chainguard/${req.identity}.sts.yaml`;
  if (err.status === 401) {
    return new AstlError(`the STS did not accept the job's OIDC token (${said})\n${detail}`, {
      code: 'GITHUB_STS_AUTH_FAILED',
      hint: `the STS checks the token's signature, issuer and audience: it must trust ${claims?.iss ?? 'the issuer'} and expect the audience "${req.audience}" (set credentials.github.audience to the one it expects).`,
    });
  }
  if (err.status === 404 || /not installed|installation/i.test(err.providerMessage)) {
    return new AstlError(`App not installed on this repository, or no trust policy: ${said}\n${detail}`, {
      code: 'GITHUB_APP_NOT_INSTALLED',
      hint: `install the STS's GitHub App on ${req.scope} and commit the trust policy ${policyFile}.`,
    });
  }
  if (err.status === 403) {
    return new AstlError(
      `the STS's trust policy ${req.identity} does not admit this job (${said})\n${detail}`,
      {
        code: 'GITHUB_STS_DENIED',
        hint: `the trust policy ${policyFile} must name issuer ${claims?.iss ?? '<iss>'} and a subject (or subject_pattern) matching "${claims?.sub ?? '<sub>'}"; if it asks for permissions the App lacks, that is "permission not granted to the App": grant them to the STS's App.`,
      },
    );
  }
  return new AstlError(`the STS refused the exchange: ${said}\n${detail}`, { code: 'GITHUB_STS_FAILED' });
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  }
  return out;
}

/**
 * A token's `permissions` as GitHub reported them. A value that is not a level string is kept as
 * `unknown`, which no check accepts: a grant the client cannot read is not a grant within the ask.
 */
function grantedPermissions(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) return { '(permissions)': 'unknown' };
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) out[k] = typeof val === 'string' ? val : 'unknown';
  return out;
}
