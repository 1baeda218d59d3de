/**
 * A local stand-in for the GitHub REST API as a GitHub App sees it, with the shapes, statuses and
 * messages of api.github.com (API version 2022-11-28):
 *
 *   GET    /repos/{o}/{r}/installation               App JWT  -> the installation, or 404
 *   POST   /app/installations/{id}/access_tokens     App JWT  -> 201 {token, expires_at, permissions, repositories}
 *   GET    /installation/repositories                token    -> what the token reaches
 *   DELETE /installation/token                       token    -> 204; the token is dead from then on
 *   GET    /repos/{o}/{r}                            token    -> 200 when the token reaches it
 *   POST   /repos/{o}/{r}/issues/{n}/comments        token    -> 201 with issues or pull_requests write, else 403
 *
 * App JWTs are verified as GitHub does: RS256 signature against the App's public key, `iss` the
 * App's ID, `exp` in the future and at most 10 minutes after `iat`, `iat` not in the future.
 * Tokens honour the requested permissions and repositories (and refuse what the installation was
 * not granted, 422), unless `broaden` makes the next tokens broader than asked. Everything can
 * sit under a path prefix (`/api/v3`, as on GitHub Enterprise Server). Binds 127.0.0.1, port 0.
 */
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import {
  type Answer,
  type FaultableServer,
  type IncomingRequest,
  json,
  serve,
  TestClock,
} from './http-kit.js';

export type GitHubAppRoute =
  | 'installation'
  | 'access-tokens'
  | 'installation-repos'
  | 'revoke'
  | 'repo'
  | 'comment';

export interface StandInInstallation {
  id: number;
  /** The account (organisation or user) the App is installed on. */
  account: string;
  /** Repository names the installation covers. */
  repositories: string[];
  /** What the installation was granted. */
  permissions: Record<string, string>;
  suspended?: boolean;
}

export interface IssuedToken {
  token: string;
  installationId: number;
  owner: string;
  permissions: Record<string, string>;
  repositories: string[];
  expiresAt: number;
  revoked: boolean;
  /** Who asked: `app` (access_tokens) or `exchange` (an STS in front of the App). */
  via: 'app' | 'exchange';
}

export interface AppJwtSeen {
  iss: unknown;
  iat: number;
  exp: number;
  alg: string;
  outcome: string;
}

export interface GitHubAppOptions {
  appId?: string;
  /** Default: installation 4242 on acme covering app, lib and infra. */
  installations?: StandInInstallation[];
  /** Path prefix of the API (`/api/v3` on GitHub Enterprise Server). Default none. */
  prefix?: string;
}

export interface GitHubAppServer extends FaultableServer<GitHubAppRoute> {
  /** GITHUB_API_URL for this server (with the prefix). */
  apiUrl: string;
  appId: string;
  /** The App's private key as GitHub hands it out (PKCS#1 PEM, multi-line). */
  privateKeyPem: string;
  publicKey: KeyObject;
  installations: StandInInstallation[];
  /** Every token issued, by value. */
  tokens: Map<string, IssuedToken>;
  /** Every App JWT presented, decoded, with the verdict. */
  jwts: AppJwtSeen[];
  /** Request bodies of access_tokens calls, parsed. */
  tokenRequests: { installationId: number; body: Record<string, unknown> }[];
  /** Make the next tokens broader than asked: an unasked permission, or another repository. */
  broaden(kind: 'permissions' | 'repositories' | 'all-repositories' | undefined): void;
  /** 'valid', 'revoked', 'expired' or 'unknown' (by this server's clock). */
  tokenStatus(token: string): 'valid' | 'revoked' | 'expired' | 'unknown';
  /** What an STS in front of the App does: a token for an installation on `owner`. */
  mintInstallationToken(req: {
    owner: string;
    repositories: string[];
    permissions: Record<string, string>;
  }): { status: number; message?: string; token?: IssuedToken };
  clock: TestClock;
  /** A GitHub-style key pair for tests that need a key GitHub does not know. */
  foreignKeyPem(): string;
}

const DOCS = 'https://docs.github.com/rest';
const TOKEN_SECONDS = 3600;

function githubError(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return json(status, { message, documentation_url: DOCS, status: String(status) }, headers);
}

function newToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(36);
  return `ghs_${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

const RANK: Record<string, number> = { read: 1, write: 2, admin: 3 };

function rsaPem(): { pem: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey };
}

export async function startGitHubApp(options: GitHubAppOptions = {}): Promise<GitHubAppServer> {
  const appId = options.appId ?? '123456';
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const { pem, publicKey } = rsaPem();
  const installations: StandInInstallation[] = options.installations ?? [
    {
      id: 4242,
      account: 'acme',
      repositories: ['app', 'lib', 'infra'],
      permissions: {
        contents: 'write',
        pull_requests: 'write',
        issues: 'write',
        checks: 'write',
        metadata: 'read',
        administration: 'write',
      },
    },
  ];
  const tokens = new Map<string, IssuedToken>();
  const jwts: AppJwtSeen[] = [];
  const tokenRequests: GitHubAppServer['tokenRequests'] = [];
  const clock = new TestClock();
  let broaden: 'permissions' | 'repositories' | 'all-repositories' | undefined;
  let base = '';

  const path = (req: IncomingRequest) =>
    prefix && req.url.pathname.startsWith(prefix)
      ? req.url.pathname.slice(prefix.length)
      : prefix
        ? ''
        : req.url.pathname;

  /** The App JWT check; undefined when it is good, else GitHub's 401 answer. */
  async function appJwtProblem(req: IncomingRequest): Promise<Answer | undefined> {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m) return githubError(401, 'A JSON web token could not be decoded');
    const jwt = m[1]!;
    let claims: Record<string, unknown>;
    let alg = '';
    try {
      claims = decodeJwt(jwt) as Record<string, unknown>;
      alg = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')).alg;
    } catch {
      return githubError(401, 'A JSON web token could not be decoded');
    }
    const seen: AppJwtSeen = {
      iss: claims.iss,
      iat: Number(claims.iat),
      exp: Number(claims.exp),
      alg,
      outcome: 'ok',
    };
    jwts.push(seen);
    const reject = (message: string) => {
      seen.outcome = message;
      return githubError(401, message);
    };
    try {
      await jwtVerify(jwt, publicKey, { algorithms: ['RS256'], currentDate: new Date(clock.now()) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') {
        return reject(
          "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
        );
      }
      return reject('A JSON web token could not be decoded');
    }
    const now = Math.floor(clock.now() / 1000);
    if (String(claims.iss) !== appId) return reject('Integration not found');
    if (!Number.isInteger(claims.iat) || (claims.iat as number) > now + 1) {
      return reject(
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
      );
    }
    if (!Number.isInteger(claims.exp) || (claims.exp as number) > now + 600 || seen.exp - seen.iat > 600) {
      return reject("'Expiration time' claim ('exp') is too far in the future");
    }
    return undefined;
  }

  /** The installation token a request carries, or GitHub's 401. */
  function tokenOf(req: IncomingRequest): IssuedToken | Answer {
    const m = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '');
    const t = m ? tokens.get(m[1]!) : undefined;
    if (!t || t.revoked || t.expiresAt <= clock.now()) return githubError(401, 'Bad credentials');
    return t;
  }

  const repoJson = (owner: string, name: string, i: number) => ({
    id: 700_000 + i,
    node_id: `R_${700_000 + i}`,
    name,
    full_name: `${owner}/${name}`,
    private: true,
    owner: { login: owner, id: 987654, type: 'Organization' },
    html_url: `https://github.com/${owner}/${name}`,
    url: `${base}/repos/${owner}/${name}`,
  });

  const installationJson = (inst: StandInInstallation) => ({
    id: inst.id,
    account: { login: inst.account, id: 987654, type: 'Organization' },
    repository_selection: 'selected',
    access_tokens_url: `${base}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${base}/installation/repositories`,
    html_url: `https://github.com/organizations/${inst.account}/settings/installations/${inst.id}`,
    app_id: Number(appId),
    app_slug: 'astl-agents',
    target_id: 987654,
    target_type: 'Organization',
    permissions: inst.permissions,
    events: [],
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    single_file_name: null,
    suspended_by: null,
    suspended_at: inst.suspended ? '2026-02-01T00:00:00Z' : null,
  });

  function issue(
    inst: StandInInstallation,
    repositories: string[],
    permissions: Record<string, string>,
    via: IssuedToken['via'],
  ): IssuedToken {
    const granted: Record<string, string> = { ...permissions };
    // GitHub adds metadata: read to every token that reaches a repository.
    if (!granted.metadata) granted.metadata = 'read';
    let repos = [...repositories];
    if (broaden === 'permissions') granted.administration = 'write';
    if (broaden === 'repositories')
      repos = [...new Set([...repos, ...inst.repositories.filter((r) => !repos.includes(r)).slice(0, 1)])];
    if (broaden === 'all-repositories') repos = [...inst.repositories];
    const t: IssuedToken = {
      token: newToken(),
      installationId: inst.id,
      owner: inst.account,
      permissions: granted,
      repositories: repos,
      expiresAt: clock.now() + TOKEN_SECONDS * 1000,
      revoked: false,
      via,
    };
    tokens.set(t.token, t);
    return t;
  }

  /** GitHub's checks of a token request against an installation: null when it may be issued. */
  function refusal(
    inst: StandInInstallation,
    repositories: string[],
    permissions: Record<string, string>,
  ): Answer | null {
    if (inst.suspended) return githubError(403, 'This installation has been suspended');
    if (repositories.some((r) => !inst.repositories.includes(r))) {
      return githubError(
        422,
        'There is at least one repository that does not exist or is not accessible to the parent installation.',
      );
    }
    for (const [name, level] of Object.entries(permissions)) {
      const had = inst.permissions[name];
      if (!had || (RANK[level] ?? 9) > (RANK[had] ?? 0)) {
        return githubError(422, 'The permissions requested are not granted to this installation.');
      }
    }
    return null;
  }

  const tokenAnswer = (t: IssuedToken, selection: string) => ({
    token: t.token,
    expires_at: new Date(t.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    permissions: t.permissions,
    repository_selection: selection,
    repositories: t.repositories.map((r, i) => repoJson(t.owner, r, i)),
  });

  const server = await serve<GitHubAppRoute>({
    routes: ['installation', 'access-tokens', 'installation-repos', 'revoke', 'repo', 'comment'],
    classify(req) {
      const p = path(req);
      if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/installation$/.test(p)) return 'installation';
      if (req.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(p))
        return 'access-tokens';
      if (req.method === 'GET' && p === '/installation/repositories') return 'installation-repos';
      if (req.method === 'DELETE' && p === '/installation/token') return 'revoke';
      if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+$/.test(p)) return 'repo';
      if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(p)) return 'comment';
      return undefined;
    },
    async handle(route, req) {
      const p = path(req);
      if (
        req.headers['x-github-api-version'] !== undefined &&
        req.headers['x-github-api-version'] !== '2022-11-28'
      ) {
        return githubError(400, `Unsupported API version ${req.headers['x-github-api-version']}`);
      }
      if (route === 'installation' || route === 'access-tokens') {
        const problem = await appJwtProblem(req);
        if (problem) return problem;
      }
      if (route === 'installation') {
        const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(p)!;
        const inst = installations.find(
          (i) => i.account.toLowerCase() === owner!.toLowerCase() && i.repositories.includes(repo!),
        );
        return inst ? json(200, installationJson(inst)) : githubError(404, 'Not Found');
      }
      if (route === 'access-tokens') {
        const id = Number(/\/app\/installations\/(\d+)\//.exec(p)![1]);
        const inst = installations.find((i) => i.id === id);
        if (!inst) return githubError(404, 'Not Found');
        let body: Record<string, unknown>;
        try {
          body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
        } catch {
          return githubError(400, 'Problems parsing JSON');
        }
        tokenRequests.push({ installationId: id, body });
        const repositories = Array.isArray(body.repositories)
          ? body.repositories.map(String)
          : inst.repositories;
        const permissions =
          body.permissions && typeof body.permissions === 'object'
            ? (body.permissions as Record<string, string>)
            : inst.permissions;
        const no = refusal(inst, repositories, permissions);
        if (no) return no;
        const t = issue(inst, repositories, permissions, 'app');
        return json(201, tokenAnswer(t, Array.isArray(body.repositories) ? 'selected' : 'all'));
      }
      const t = tokenOf(req);
      if (!('token' in t)) return t;
      if (route === 'revoke') {
        t.revoked = true;
        return { status: 204 };
      }
      if (route === 'installation-repos') {
        return json(200, {
          total_count: t.repositories.length,
          repository_selection: 'selected',
          repositories: t.repositories.map((r, i) => repoJson(t.owner, r, i)),
        });
      }
      const [, owner, repo] = /^\/repos\/([^/]+)\/([^/]+)/.exec(p)!;
      const reaches = owner!.toLowerCase() === t.owner.toLowerCase() && t.repositories.includes(repo!);
      if (!reaches) return githubError(404, 'Not Found');
      if (route === 'repo') return json(200, repoJson(owner!, repo!, 0));
      // Commenting needs issues: write (issues) or pull_requests: write (pull requests).
      const can = t.permissions.issues === 'write' || t.permissions.pull_requests === 'write';
      if (!can) return githubError(403, 'Resource not accessible by integration');
      return json(201, { id: 1, body: 'ok' });
    },
    renderFault(_route, f) {
      return githubError(
        f.status,
        f.message ?? (f.status >= 500 ? 'Server Error' : `HTTP ${f.status}`),
        f.headers,
      );
    },
    notFound: () => githubError(404, 'Not Found'),
  });
  base = `${server.url}${prefix}`;

  return Object.assign(server, {
    apiUrl: base,
    appId,
    privateKeyPem: pem,
    publicKey,
    installations,
    tokens,
    jwts,
    tokenRequests,
    clock,
    broaden(kind: typeof broaden) {
      broaden = kind;
    },
    tokenStatus(token: string) {
      const t = tokens.get(token);
      if (!t) return 'unknown' as const;
      if (t.revoked) return 'revoked' as const;
      return t.expiresAt <= clock.now() ? ('expired' as const) : ('valid' as const);
    },
    mintInstallationToken(req: {
      owner: string;
      repositories: string[];
      permissions: Record<string, string>;
    }) {
      const inst = installations.find(
        (i) =>
          i.account.toLowerCase() === req.owner.toLowerCase() &&
          req.repositories.every((r) => i.repositories.includes(r)),
      );
      if (!inst)
        return {
          status: 404,
          message: `no installation of the App covers ${req.owner}/${req.repositories.join(',')}`,
        };
      const no = refusal(inst, req.repositories, req.permissions);
      if (no) return { status: no.status, message: JSON.parse(no.body ?? '{}').message as string };
      return { status: 200, token: issue(inst, req.repositories, req.permissions, 'exchange') };
    },
    foreignKeyPem: () => rsaPem().pem,
  });
}
