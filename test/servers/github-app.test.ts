/**
 * The GitHub App and octo-sts stand-ins behave like the real services where the product's
 * correctness depends on it: App JWTs are verified (signature, iss, iat, exp ≤ 10 min), tokens
 * honour the requested scope, a revoked token is dead, and the exchange checks the OIDC token's
 * signature and audience.
 */
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubAppServer, startGitHubApp } from './github-app.js';
import { type OctoStsServer, startOctoSts } from './octo-sts.js';
import { type OidcIssuer, startOidcIssuer } from './oidc-issuer.js';

let gh: GitHubAppServer;
let issuer: OidcIssuer;
let sts: OctoStsServer;

beforeAll(async () => {
  gh = await startGitHubApp();
  issuer = await startOidcIssuer();
  sts = await startOctoSts({
    issuer: { issuer: issuer.issuer, jwksUrl: issuer.jwksUrl },
    github: gh,
    policies: [
      {
        scope: 'acme/app',
        identity: 'bot',
        subjectPattern: 'repo:acme/app:.*',
        permissions: { contents: 'read' },
      },
    ],
  });
});
afterAll(async () => {
  await Promise.all([gh.close(), issuer.close(), sts.close()]);
});

async function appJwt(o: { key?: string; iss?: unknown; iat?: number; exp?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: o.iss ?? Number(gh.appId) } as never)
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuedAt(o.iat ?? now - 60)
    .setExpirationTime(o.exp ?? now + 540)
    .sign(createPrivateKey(o.key ?? gh.privateKeyPem));
}

async function call(path: string, auth: string, init: RequestInit = {}) {
  const res = await fetch(`${gh.apiUrl}${path}`, {
    ...init,
    headers: { authorization: auth, ...init.headers },
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

describe('GitHub App stand-in', () => {
  it('verifies the App JWT as GitHub does', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, Promise<string>, number, RegExp][] = [
      ['good', appJwt(), 200, /./],
      ['foreign key', appJwt({ key: gh.foreignKeyPem() }), 401, /could not be decoded/],
      ['other app', appJwt({ iss: 999 }), 401, /Integration not found/],
      ['exp > 10 min', appJwt({ iat: now, exp: now + 1200 }), 401, /too far in the future/],
      ['expired', appJwt({ iat: now - 900, exp: now - 300 }), 401, /Expiration time/],
      ['iat in the future', appJwt({ iat: now + 120, exp: now + 500 }), 401, /Issued at/],
    ];
    for (const [what, jwt, status, message] of cases) {
      const r = await call('/repos/acme/app/installation', `Bearer ${await jwt}`);
      expect(r.status, what).toBe(status);
      if (status !== 200) expect(String(r.body.message), what).toMatch(message);
    }
  });

  it('issues tokens within the installation, refuses more (422), and a revoked token is dead', async () => {
    const jwt = `Bearer ${await appJwt()}`;
    const post = (body: unknown) =>
      call('/app/installations/4242/access_tokens', jwt, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ repositories: ['ghost'], permissions: { contents: 'read' } })).status).toBe(422);
    expect((await post({ repositories: ['app'], permissions: { actions: 'write' } })).body.message).toBe(
      'The permissions requested are not granted to this installation.',
    );
    const ok = await post({ repositories: ['app'], permissions: { contents: 'read' } });
    expect(ok.status).toBe(201);
    expect(ok.body.permissions).toEqual({ contents: 'read', metadata: 'read' });
    const token = `Bearer ${ok.body.token}`;
    expect((await call('/repos/acme/app', token)).status).toBe(200);
    expect((await call('/repos/acme/lib', token)).status).toBe(404);
    expect(
      (await call('/repos/acme/app/issues/1/comments', token, { method: 'POST', body: '{}' })).status,
    ).toBe(403);
    expect((await call('/installation/token', token, { method: 'DELETE' })).status).toBe(204);
    expect((await call('/repos/acme/app', token)).status).toBe(401);
    expect((await call('/installation/token', token, { method: 'DELETE' })).status).toBe(401);
  });
});

describe('octo-sts stand-in', () => {
  const exchange = (token: string) =>
    fetch(`${sts.url}/sts/exchange?scope=acme/app&identity=bot`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('verifies signature and audience (its host), then mints through the App', async () => {
    const good = await exchange(await issuer.mintGitHubToken({ audience: sts.audience }));
    expect(good.status).toBe(200);
    const { token } = (await good.json()) as { token: string };
    expect(gh.tokenStatus(token)).toBe('valid');
    expect((await exchange(await issuer.mintGitHubToken({ audience: 'octo-sts.dev' }))).status).toBe(401);
    expect(
      (await exchange(await issuer.mintGitHubToken({ audience: sts.audience, foreignKey: true }))).status,
    ).toBe(401);
    const other = await issuer.mintGitHubToken({
      audience: sts.audience,
      claims: { sub: 'repo:evil/app:ref:x' },
    });
    expect((await exchange(other)).status).toBe(403);
  });
});
