/**
 * A local OIDC issuer standing in for token.actions.githubusercontent.com (and gitlab.com):
 * discovery document, JWKS, and the Actions runner's ID-token request endpoint
 * (`GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=X` with `Authorization: Bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answering `{"value": "<jwt>"}`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { type FaultableServer, json, serve } from './http-kit.js';

export type IssuerRoute = 'discovery' | 'jwks' | 'token';

/** GitHub Actions' ID-token claim set (https://docs.github.com/actions/reference/openid-connect-reference). */
export interface GitHubClaims {
  sub: string;
  ref: string;
  sha: string;
  repository: string;
  repository_id: string;
  repository_owner: string;
  repository_owner_id: string;
  repository_visibility: string;
  run_id: string;
  run_number: string;
  run_attempt: string;
  actor: string;
  actor_id: string;
  workflow: string;
  workflow_ref: string;
  workflow_sha: string;
  job_workflow_ref: string;
  job_workflow_sha: string;
  event_name: string;
  ref_type: string;
  ref_protected: string;
  head_ref: string;
  base_ref: string;
  runner_environment: string;
  environment?: string;
  [claim: string]: unknown;
}

export interface OidcIssuerOptions {
  /** Claims merged over the defaults for every runner token (change later with `setClaims`). */
  claims?: Partial<GitHubClaims>;
  /**
   * Deployment environment: adds the `environment` claim and switches `sub` to
   * `repo:<repo>:environment:<env>` as GitHub does.
   */
  environment?: string;
  /** Lifetime of minted tokens (GitHub's are about 5 minutes). Default 300. */
  ttlSeconds?: number;
  /** The runner's request token. Default random. */
  requestToken?: string;
}

export interface MintOptions {
  audience?: string | string[];
  claims?: Record<string, unknown>;
  /** Negative for an already-expired token. Default the issuer's ttlSeconds. */
  expiresInSeconds?: number;
  /** Sign with a key the JWKS does not publish (a forged or foreign token). */
  foreignKey?: boolean;
  /** Override `iss` (a token from another issuer). */
  issuer?: string;
}

export interface OidcIssuer extends FaultableServer<IssuerRoute> {
  /** `iss` of every token: the server's base URL. */
  issuer: string;
  jwksUrl: string;
  requestToken: string;
  /** The env a step needs to request tokens: ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN. */
  runnerEnv(): { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** Replace the per-test claim overrides used by the runner endpoint (`environment` too). */
  setClaims(claims: Partial<GitHubClaims>, environment?: string): void;
  /** The claims the runner endpoint would put in a token (without iss/aud/exp/iat/nbf/jti). */
  githubClaims(): GitHubClaims;
  /** A GitHub Actions-style ID token. */
  mintGitHubToken(o?: MintOptions): Promise<string>;
  /** A GitLab CI `id_tokens`-style token (sub `project_path:acme/app:ref_type:branch:ref:main`). */
  mintGitLabToken(o?: MintOptions): Promise<string>;
  /** Audiences requested from the runner endpoint, in order. */
  requestedAudiences: string[];
}

export const DEFAULT_REPOSITORY = 'acme/app';

export function defaultGitHubClaims(environment?: string): GitHubClaims {
  const repo = DEFAULT_REPOSITORY;
  const claims: GitHubClaims = {
    sub: environment ? `repo:${repo}:environment:${environment}` : `repo:${repo}:ref:refs/heads/main`,
    ref: 'refs/heads/main',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    repository: repo,
    repository_id: '123456789',
    repository_owner: 'acme',
    repository_owner_id: '987654',
    repository_visibility: 'private',
    run_id: '9876543210',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'deploy',
    workflow_ref: `${repo}/.github/workflows/deploy.yml@refs/heads/main`,
    workflow_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    job_workflow_ref: `${repo}/.github/workflows/deploy.yml@refs/heads/main`,
    job_workflow_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    event_name: 'push',
    ref_type: 'branch',
    ref_protected: 'true',
    head_ref: '',
    base_ref: '',
    runner_environment: 'github-hosted',
  };
  if (environment) claims.environment = environment;
  return claims;
}

export function defaultGitLabClaims(): Record<string, unknown> {
  return {
    sub: 'project_path:acme/app:ref_type:branch:ref:main',
    namespace_id: '72',
    namespace_path: 'acme',
    project_id: '20',
    project_path: 'acme/app',
    user_id: '5',
    user_login: 'octocat',
    user_email: 'octocat@example.com',
    user_access_level: 'developer',
    pipeline_id: '574',
    pipeline_source: 'push',
    job_id: '302',
    ref: 'main',
    ref_type: 'branch',
    ref_path: 'refs/heads/main',
    ref_protected: 'true',
    runner_id: '1',
    runner_environment: 'gitlab-hosted',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    project_visibility: 'private',
    ci_config_ref_uri: 'gitlab.example.com/acme/app//.gitlab-ci.yml@refs/heads/main',
    ci_config_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  };
}

export async function startOidcIssuer(options: OidcIssuerOptions = {}): Promise<OidcIssuer> {
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const ttlSeconds = options.ttlSeconds ?? 300;
  const requestToken = options.requestToken ?? randomBytes(24).toString('base64url');
  let claimOverrides: Partial<GitHubClaims> = options.claims ?? {};
  let environment = options.environment;
  const requestedAudiences: string[] = [];
  let baseUrl = '';

  const githubClaims = (): GitHubClaims => {
    const merged = { ...defaultGitHubClaims(environment), ...claimOverrides } as GitHubClaims;
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    return merged;
  };

  async function mint(claims: Record<string, unknown>, o: MintOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (o.expiresInSeconds ?? ttlSeconds);
    const { sub, ...rest } = claims;
    const jwt = new SignJWT({ ...rest, jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(o.issuer ?? baseUrl)
      .setAudience(o.audience ?? 'sts.amazonaws.com')
      .setIssuedAt(Math.min(now, exp - 60))
      .setNotBefore(Math.min(now, exp - 60) - 5)
      .setExpirationTime(exp);
    if (typeof sub === 'string') jwt.setSubject(sub);
    return jwt.sign(o.foreignKey ? foreign.privateKey : privateKey);
  }

  const server = await serve<IssuerRoute>({
    routes: ['discovery', 'jwks', 'token'],
    classify(req) {
      const p = req.url.pathname;
      if (p === '/.well-known/openid-configuration') return 'discovery';
      if (p === '/.well-known/jwks') return 'jwks';
      if (p === '/_apis/token') return 'token';
      return undefined;
    },
    async handle(route, req) {
      if (route === 'discovery') {
        return json(200, {
          issuer: baseUrl,
          jwks_uri: `${baseUrl}/.well-known/jwks`,
          subject_types_supported: ['public', 'pairwise'],
          response_types_supported: ['id_token'],
          claims_supported: [
            'sub',
            'aud',
            'exp',
            'iat',
            'iss',
            'jti',
            'nbf',
            'ref',
            'sha',
            'repository',
            'environment',
          ],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid'],
        });
      }
      if (route === 'jwks') return json(200, { keys: [publicJwk] });
      // The runner's token endpoint.
      if (req.method !== 'GET') return json(405, { message: 'method not allowed' });
      if (req.headers.authorization !== `Bearer ${requestToken}`) {
        return json(401, { message: 'Unauthorized: bad ACTIONS_ID_TOKEN_REQUEST_TOKEN' });
      }
      const claims = githubClaims();
      const audience =
        req.url.searchParams.get('audience') ?? `https://github.com/${claims.repository_owner}`;
      requestedAudiences.push(audience);
      return json(200, { count: 1, value: await mint(claims, { audience }) });
    },
    renderFault(_route, f) {
      return json(f.status, { message: f.message ?? `injected HTTP ${f.status}` }, f.headers);
    },
    notFound: () => json(404, { message: 'Not Found' }),
  });
  baseUrl = server.url;

  return Object.assign(server, {
    issuer: baseUrl,
    jwksUrl: `${baseUrl}/.well-known/jwks`,
    requestToken,
    requestedAudiences,
    runnerEnv: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: `${baseUrl}/_apis/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    }),
    setClaims(claims: Partial<GitHubClaims>, env?: string) {
      claimOverrides = claims;
      environment = env;
    },
    githubClaims,
    mintGitHubToken: (o: MintOptions = {}) => mint({ ...githubClaims(), ...o.claims }, o),
    mintGitLabToken: (o: MintOptions = {}) => mint({ ...defaultGitLabClaims(), ...o.claims }, o),
  });
}
