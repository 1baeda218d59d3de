/**
 * A Vault-compatible HTTP API: JWT auth login (JWKS-verified, bound_audiences, glob bound_claims,
 * user_claim), token lookup-self / revoke-self with real invalidation, TTL expiry, namespaces
 * through `X-Vault-Namespace`, KV v2 reads, and Vault's `{"errors": [...]}` error shape.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import {
  type Answer,
  type FaultableServer,
  globMatch,
  type IncomingRequest,
  json,
  requestId,
  serve,
  TestClock,
} from './http-kit.js';

export type VaultRoute = 'login' | 'lookup-self' | 'revoke-self' | 'kv';

export interface VaultRoleSpec {
  name: string;
  /** Namespace the role lives in; '' (default) is the root namespace. */
  namespace?: string;
  /** Auth mount path; default `jwt`. */
  authPath?: string;
  boundAudiences: string[];
  /** Claim -> allowed values; globs (`bound_claims_type=glob`) unless `boundClaimsType: 'string'`. */
  boundClaims?: Record<string, string | string[]>;
  boundClaimsType?: 'glob' | 'string';
  /** Claim used as the token's display name / alias. Default `sub`. */
  userClaim?: string;
  policies?: string[];
  /** token_ttl in seconds; default 900. */
  ttlSeconds?: number;
  /** KV paths (as the HTTP API spells them, globs allowed) this role's tokens may read; default all. */
  readablePaths?: string[];
}

export interface VaultSecretSpec {
  namespace?: string;
  /**
   * HTTP API path without `/v1/`: `secret/data/ci/deploy` is served as KV v2
   * (`{data: {data, metadata}}`), a path without `/data/` as KV v1 (`{data}`).
   */
  path: string;
  data: Record<string, unknown>;
}

export interface VaultServerOptions {
  issuer: { issuer: string; jwksUrl: string };
  roles: VaultRoleSpec[];
  secrets?: VaultSecretSpec[];
}

export interface VaultToken {
  clientToken: string;
  accessor: string;
  namespace: string;
  role: string;
  authPath: string;
  policies: string[];
  displayName: string;
  issuedAt: number;
  expiresAt: number;
  ttlSeconds: number;
  readablePaths?: string[];
  revoked: boolean;
}

export interface VaultServer extends FaultableServer<VaultRoute> {
  /** Tokens issued, by client token. */
  tokens: Map<string, VaultToken>;
  /** Client tokens revoked through revoke-self, in order. */
  revokedTokens: string[];
  /** Accessors of revoked tokens (safe to print in assertions). */
  revokedAccessors: string[];
  setRole(role: VaultRoleSpec): void;
  setSecret(secret: VaultSecretSpec): void;
  clock: TestClock;
}

const DEFAULT_ERROR: Record<number, string> = {
  400: 'invalid request',
  403: 'permission denied',
  412: 'required index state not present',
  429: 'request path "auth/jwt/login": rate limit quota exceeded',
  500: 'internal error',
  502: 'bad gateway',
  503: 'Vault is sealed',
};

const vaultError = (status: number, ...errors: string[]): Answer => json(status, { errors });

function ns(headerValue: string | string[] | undefined): string {
  const v = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return (v ?? '').replace(/^\/+|\/+$/g, '');
}

export async function startVault(options: VaultServerOptions): Promise<VaultServer> {
  const jwks = createRemoteJWKSet(new URL(options.issuer.jwksUrl), {
    timeoutDuration: 2000,
    cooldownDuration: 0,
  });
  const roles = new Map<string, VaultRoleSpec>();
  const roleKey = (namespace: string, authPath: string, name: string) => `${namespace}|${authPath}|${name}`;
  const setRole = (r: VaultRoleSpec) =>
    void roles.set(roleKey(ns(r.namespace), (r.authPath ?? 'jwt').replace(/^\/+|\/+$/g, ''), r.name), r);
  for (const r of options.roles) setRole(r);
  const authMounts = () => new Set([...roles.keys()].map((k) => k.split('|').slice(0, 2).join('|')));
  const secrets = new Map<string, { data: Record<string, unknown>; created: string; version: number }>();
  const setSecret = (s: VaultSecretSpec) => {
    const key = `${ns(s.namespace)}|${s.path.replace(/^\/+/, '')}`;
    const version = (secrets.get(key)?.version ?? 0) + 1;
    secrets.set(key, { data: s.data, created: new Date().toISOString(), version });
  };
  for (const s of options.secrets ?? []) setSecret(s);
  const tokens = new Map<string, VaultToken>();
  const revokedTokens: string[] = [];
  const revokedAccessors: string[] = [];
  const clock = new TestClock();

  /** The token presented, if valid in this namespace; otherwise the 403 Vault answers. */
  function authenticate(req: IncomingRequest): VaultToken | Answer {
    const presented = String(req.headers['x-vault-token'] ?? '').trim() || bearer(req);
    const t = presented ? tokens.get(presented) : undefined;
    if (
      !t ||
      t.revoked ||
      t.expiresAt <= clock.now() ||
      t.namespace !== ns(req.headers['x-vault-namespace'])
    ) {
      return vaultError(403, 'permission denied');
    }
    return t;
  }

  async function login(req: IncomingRequest, authPath: string): Promise<Answer> {
    const namespace = ns(req.headers['x-vault-namespace']);
    if (!authMounts().has(`${namespace}|${authPath}`)) {
      return vaultError(
        405,
        `no handler for route "${namespace ? `${namespace}/` : ''}auth/${authPath}/login". route entry not found.`,
      );
    }
    let body: { role?: unknown; jwt?: unknown };
    try {
      body = JSON.parse(req.body || '{}');
    } catch {
      return vaultError(400, 'error parsing JSON');
    }
    if (typeof body.jwt !== 'string' || body.jwt === '') return vaultError(400, 'missing token');
    if (typeof body.role !== 'string' || body.role === '') return vaultError(400, 'missing role');
    const role = roles.get(roleKey(namespace, authPath, body.role));
    if (!role) return vaultError(400, `role "${body.role}" could not be found`);

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(body.jwt, jwks, {
        algorithms: ['RS256'],
        issuer: options.issuer.issuer,
        currentDate: new Date(clock.now()),
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        return vaultError(400, 'error validating token: token is expired (exp)');
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'iss') {
        return vaultError(400, 'error validating token: invalid issuer (iss) claim');
      }
      if (
        err instanceof joseErrors.JWKSTimeout ||
        (err instanceof Error && /fetch|JSON Web Key Set/i.test(err.message))
      ) {
        return vaultError(500, 'error fetching JWKS: could not reach the identity provider');
      }
      return vaultError(400, 'error validating token: failed to verify id token signature');
    }
    const auds = Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [];
    if (!auds.some((a) => role.boundAudiences.includes(a))) {
      return vaultError(
        400,
        'error validating token: invalid audience (aud) claim: audience claim does not match any expected audience',
      );
    }
    for (const [claim, allowed] of Object.entries(role.boundClaims ?? {})) {
      const value = (claims as Record<string, unknown>)[claim];
      const patterns = Array.isArray(allowed) ? allowed : [allowed];
      const values = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      const ok = values.some((v) =>
        patterns.some((p) => (role.boundClaimsType === 'string' ? p === v : globMatch(p, v))),
      );
      if (!ok)
        return vaultError(
          400,
          `error validating claims: claim "${claim}" does not match any associated bound claim values`,
        );
    }
    const userClaim = role.userClaim ?? 'sub';
    const user = (claims as Record<string, unknown>)[userClaim];
    if (typeof user !== 'string' || user === '') {
      return vaultError(400, `claim "${userClaim}" not found in token`);
    }
    const ttl = role.ttlSeconds ?? 900;
    const policies = ['default', ...(role.policies ?? [])];
    const token: VaultToken = {
      clientToken: `hvs.${randomBytes(68).toString('base64url')}`,
      accessor: randomBytes(12).toString('base64url'),
      namespace,
      role: role.name,
      authPath,
      policies,
      displayName: `${authPath}-${user}`,
      issuedAt: clock.now(),
      expiresAt: clock.now() + ttl * 1000,
      ttlSeconds: ttl,
      readablePaths: role.readablePaths,
      revoked: false,
    };
    tokens.set(token.clientToken, token);
    return json(200, {
      request_id: requestId(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      wrap_info: null,
      warnings: null,
      auth: {
        client_token: token.clientToken,
        accessor: token.accessor,
        policies,
        token_policies: policies,
        metadata: { role: role.name },
        lease_duration: ttl,
        renewable: true,
        entity_id: randomUUID(),
        token_type: 'service',
        orphan: true,
        mfa_requirement: null,
        num_uses: 0,
      },
    });
  }

  function lookupSelf(req: IncomingRequest): Answer {
    const t = authenticate(req);
    if ('status' in t) return t;
    return json(200, {
      request_id: requestId(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: {
        accessor: t.accessor,
        creation_time: Math.floor(t.issuedAt / 1000),
        creation_ttl: t.ttlSeconds,
        display_name: t.displayName,
        entity_id: '',
        expire_time: new Date(t.expiresAt).toISOString(),
        explicit_max_ttl: 0,
        id: t.clientToken,
        issue_time: new Date(t.issuedAt).toISOString(),
        meta: { role: t.role },
        namespace_path: t.namespace ? `${t.namespace}/` : '',
        num_uses: 0,
        orphan: true,
        path: `auth/${t.authPath}/login`,
        policies: t.policies,
        renewable: true,
        ttl: Math.max(0, Math.floor((t.expiresAt - clock.now()) / 1000)),
        type: 'service',
      },
      wrap_info: null,
      warnings: null,
      auth: null,
    });
  }

  function revokeSelf(req: IncomingRequest): Answer {
    const t = authenticate(req);
    if ('status' in t) return t;
    t.revoked = true;
    revokedTokens.push(t.clientToken);
    revokedAccessors.push(t.accessor);
    return { status: 204 };
  }

  function readKv(req: IncomingRequest): Answer {
    const t = authenticate(req);
    if ('status' in t) return t;
    const path = req.url.pathname.replace(/^\/v1\//, '');
    if (t.readablePaths && !t.readablePaths.some((p) => globMatch(p, path))) {
      return vaultError(403, '1 error occurred:\n\t* permission denied\n\n');
    }
    const secret = secrets.get(`${t.namespace}|${path}`);
    if (!secret) return json(404, { errors: [] });
    if (!/^[^/]+\/data\//.test(path)) {
      // A KV v1 mount: the data map is the answer's `data`.
      return json(200, {
        request_id: requestId(),
        lease_id: '',
        renewable: false,
        lease_duration: 2764800,
        data: secret.data,
      });
    }
    return json(200, {
      request_id: requestId(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: {
        data: secret.data,
        metadata: {
          created_time: secret.created,
          custom_metadata: null,
          deletion_time: '',
          destroyed: false,
          version: secret.version,
        },
      },
      wrap_info: null,
      warnings: null,
      auth: null,
    });
  }

  const server = await serve<VaultRoute>({
    routes: ['login', 'lookup-self', 'revoke-self', 'kv'],
    classify(req) {
      const p = req.url.pathname;
      if (req.method === 'POST' && /^\/v1\/auth\/.+\/login$/.test(p) && !p.startsWith('/v1/auth/token/'))
        return 'login';
      if (req.method === 'GET' && p === '/v1/auth/token/lookup-self') return 'lookup-self';
      if ((req.method === 'POST' || req.method === 'PUT') && p === '/v1/auth/token/revoke-self')
        return 'revoke-self';
      if (req.method === 'GET' && /^\/v1\/(?!auth\/|sys\/)[^/]+\/.+/.test(p)) return 'kv';
      return undefined;
    },
    handle(route, req) {
      switch (route) {
        case 'login':
          return login(req, req.url.pathname.replace(/^\/v1\/auth\//, '').replace(/\/login$/, ''));
        case 'lookup-self':
          return lookupSelf(req);
        case 'revoke-self':
          return revokeSelf(req);
        case 'kv':
          return readKv(req);
      }
    },
    renderFault(_route, f) {
      return json(
        f.status,
        { errors: [f.message ?? DEFAULT_ERROR[f.status] ?? `injected HTTP ${f.status}`] },
        f.headers,
      );
    },
    notFound: (req) =>
      vaultError(
        404,
        `no handler for route "${req.url.pathname.replace(/^\/v1\//, '')}". route entry not found.`,
      ),
  });

  return Object.assign(server, { tokens, revokedTokens, revokedAccessors, setRole, setSecret, clock });
}

function bearer(req: IncomingRequest): string {
  const h = String(req.headers.authorization ?? '');
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
}
