/**
 * An octo-sts compatible token exchange (https://github.com/octo-sts/app) in front of the GitHub
 * App stand-in: `GET /sts/exchange?scope=<owner[/repo]>&identity=<name>` with the job's OIDC token
 * as bearer. The token is verified against the issuer's JWKS (signature, issuer, audience: the
 * STS's host unless the trust policy says otherwise), matched against the trust policy of
 * `identity` in `scope` (issuer, exact subject or subject_pattern), and exchanged for an
 * installation token minted by the GitHub App stand-in with the policy's permissions. Answers
 * `{token}` as octo-sts does, and errors as its gRPC gateway does: `{code, message, details}`.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { GitHubAppServer } from './github-app.js';
import { type FaultableServer, json, serve } from './http-kit.js';

export type OctoStsRoute = 'exchange';

/** `.github/chainguard/<identity>.sts.yaml` in the scope's repository (or `.github` for an org). */
export interface TrustPolicy {
  scope: string;
  identity: string;
  /** Default the issuer stand-in's URL. */
  issuer?: string;
  subject?: string;
  /** A regular expression over the whole `sub`. */
  subjectPattern?: string;
  /** Default the STS's host. */
  audience?: string;
  permissions: Record<string, string>;
  /** Org-scoped policies name their repositories; repo-scoped ones get that repository. */
  repositories?: string[];
}

export interface OctoStsOptions {
  issuer: { issuer: string; jwksUrl: string };
  github: GitHubAppServer;
  policies: TrustPolicy[];
  /** Also answer `permissions` and `repositories` (octo-sts answers only `{token}`). */
  reportGrant?: boolean;
}

export interface OctoStsServer extends FaultableServer<OctoStsRoute> {
  /** The audience tokens must carry by default: this server's host (`127.0.0.1:PORT`). */
  audience: string;
  policies: TrustPolicy[];
  /** Each exchange that reached the handler: who asked and what came of it. */
  exchanges: { scope: string; identity: string; sub?: string; outcome: string }[];
}

const rpc = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  json(status, { code, message, details: [] }, headers);

export async function startOctoSts(options: OctoStsOptions): Promise<OctoStsServer> {
  const jwks = createRemoteJWKSet(new URL(options.issuer.jwksUrl));
  const exchanges: OctoStsServer['exchanges'] = [];
  let host = '';

  const server = await serve<OctoStsRoute>({
    routes: ['exchange'],
    classify: (req) =>
      req.method === 'GET' && req.url.pathname === '/sts/exchange' ? 'exchange' : undefined,
    async handle(_route, req) {
      const scope = req.url.searchParams.get('scope') ?? '';
      const identity = req.url.searchParams.get('identity') ?? '';
      const record = { scope, identity, outcome: 'ok' } as OctoStsServer['exchanges'][number];
      exchanges.push(record);
      const fail = (status: number, code: number, message: string) => {
        record.outcome = message;
        return rpc(status, code, message);
      };
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer) return fail(401, 16, 'unable to extract bearer token');
      const policy = options.policies.find((p) => p.scope === scope && p.identity === identity);
      let claims: Record<string, unknown>;
      try {
        const verified = await jwtVerify(bearer, jwks, {
          issuer: policy?.issuer ?? options.issuer.issuer,
          audience: policy?.audience ?? host,
        });
        claims = verified.payload as Record<string, unknown>;
      } catch (err) {
        return fail(401, 16, `unable to verify bearer token: ${(err as Error).message}`);
      }
      record.sub = String(claims.sub);
      if (!policy) return fail(404, 5, `unable to find trust policy for "${identity}" in "${scope}"`);
      const sub = String(claims.sub ?? '');
      const matches = policy.subject
        ? sub === policy.subject
        : policy.subjectPattern
          ? new RegExp(`^(?:${policy.subjectPattern})$`).test(sub)
          : false;
      if (!matches) return fail(403, 7, 'trust policy: token does not match');
      const [owner, repo] = scope.split('/');
      const repositories = policy.repositories ?? (repo ? [repo] : []);
      const minted = options.github.mintInstallationToken({
        owner: owner!,
        repositories,
        permissions: policy.permissions,
      });
      if (!minted.token)
        return fail(
          minted.status === 404 ? 404 : 403,
          minted.status === 404 ? 5 : 7,
          minted.message ?? 'failed',
        );
      const t = minted.token;
      return json(
        200,
        options.reportGrant
          ? {
              token: t.token,
              expires_at: new Date(t.expiresAt).toISOString(),
              permissions: t.permissions,
              repositories: t.repositories.map((name) => ({ name, full_name: `${t.owner}/${name}` })),
            }
          : { token: t.token },
      );
    },
    renderFault: (_route, f) =>
      rpc(f.status, f.status === 429 ? 8 : 14, f.message ?? 'unavailable', f.headers),
    notFound: () => rpc(404, 5, 'Not Found'),
  });
  host = new URL(server.url).host;
  return Object.assign(server, { audience: host, policies: options.policies, exchanges });
}
