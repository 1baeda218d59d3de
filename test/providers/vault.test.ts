import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError, AstlErrors, Deadline } from '../../packages/core/index.js';
import {
  lookupSelf,
  parseVaultSecrets,
  readKvSecret,
  readKvSecretData,
  revokeSelf,
  vaultJwtLogin,
} from '../../packages/providers/index.js';
import { SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';

const FAST = { baseDelayMs: 5, maxDelayMs: 20, attemptTimeoutMs: 5000 };
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox();
  sb.vault.setRole({
    name: 'team-ci',
    namespace: 'admin/team',
    boundAudiences: ['vault'],
    boundClaims: { repository: 'acme/*', ref: 'refs/heads/main' },
    userClaim: 'repository',
    policies: ['team-read'],
    ttlSeconds: 600,
  });
  sb.vault.setSecret({
    namespace: 'admin/team',
    path: 'secret/data/team/db',
    data: { password: 'team-db-pw-123456' },
  });
  sb.vault.setSecret({ path: 'kv1/ci/legacy', data: { token: 'legacy-v1-token' } });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const jwt = (audience = 'vault', claims?: Record<string, unknown>) =>
  sb.issuer.mintGitHubToken({ audience, claims });

async function login(over: Partial<Parameters<typeof vaultJwtLogin>[0]> = {}) {
  return vaultJwtLogin({
    url: sb.vaultUrl,
    role: sb.vaultRole,
    jwt: over.jwt ?? (await jwt()),
    deadline: new Deadline(10_000),
    retry: FAST,
    ...over,
  });
}

const call = (token: string, namespace?: string) => ({
  url: sb.vaultUrl,
  token,
  namespace,
  deadline: new Deadline(10_000),
  retry: FAST,
});

async function failure(p: Promise<unknown>): Promise<AstlError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AstlError);
  return err as AstlError;
}

describe('vaultJwtLogin and KV reads', () => {
  it('logs in and reads a KV v2 secret', async () => {
    const auth = await login();
    expect(auth.clientToken).toMatch(/^hvs\./);
    expect(auth.accessor).not.toBe('');
    expect(auth.leaseDurationSeconds).toBe(900);
    expect(auth.renewable).toBe(true);
    expect(auth.policies).toEqual(['default', 'ci-read']);
    expect(
      await readKvSecret({ ...call(auth.clientToken), path: 'secret/data/ci/deploy', key: 'token' }),
    ).toBe(SANDBOX_SECRET.token);
    expect(await readKvSecretData({ ...call(auth.clientToken), path: '/secret/data/ci/deploy/' })).toEqual(
      SANDBOX_SECRET,
    );
    expect(sb.requestCounts()).toMatchObject({ login: 1, kv: 2 });
  });

  it('reads KV v1 paths too', async () => {
    const auth = await login();
    expect(await readKvSecret({ ...call(auth.clientToken), path: 'kv1/ci/legacy', key: 'token' })).toBe(
      'legacy-v1-token',
    );
  });

  it('ignores VAULT_NAMESPACE / VAULT_TOKEN in the environment', async () => {
    process.env.VAULT_NAMESPACE = 'bogus';
    process.env.VAULT_TOKEN = 'hvs.bogus';
    try {
      const auth = await login();
      expect(
        await readKvSecret({ ...call(auth.clientToken), path: 'secret/data/ci/deploy', key: 'url' }),
      ).toBe(SANDBOX_SECRET.url);
      expect(sb.vault.requests.every((r) => r.headers['x-vault-namespace'] === undefined)).toBe(true);
    } finally {
      delete process.env.VAULT_NAMESPACE;
      delete process.env.VAULT_TOKEN;
    }
  });

  it('sends X-Vault-Namespace; the role and token live in that namespace', async () => {
    const auth = await login({ role: 'team-ci', namespace: 'admin/team' });
    expect(auth.leaseDurationSeconds).toBe(600);
    expect(sb.vault.requests[0]?.headers['x-vault-namespace']).toBe('admin/team');
    expect(
      await readKvSecret({
        ...call(auth.clientToken, 'admin/team'),
        path: 'secret/data/team/db',
        key: 'password',
      }),
    ).toBe('team-db-pw-123456');
    const info = await lookupSelf(call(auth.clientToken, 'admin/team'));
    expect(info).toMatchObject({
      accessor: auth.accessor,
      namespacePath: 'admin/team/',
      policies: ['default', 'team-read'],
    });
    // The same token is not valid in the root namespace.
    const err = await failure(lookupSelf(call(auth.clientToken)));
    expect(err.code).toBe('VAULT_TOKEN_INVALID');
  });

  it('a role in another namespace is not found from the root (fails fast)', async () => {
    const err = await failure(login({ role: 'team-ci' }));
    expect(err.code).toBe('VAULT_LOGIN_DENIED');
    expect(err.message).toContain('role "team-ci" could not be found');
    expect(err.hint).toContain('vault-namespace');
    expect(sb.requestCount('login')).toBe(1);
  });

  it('missing secrets and keys are specific errors', async () => {
    const auth = await login();
    const missing = await failure(
      readKvSecret({ ...call(auth.clientToken), path: 'secret/data/ci/nope', key: 'token' }),
    );
    expect(missing.code).toBe('VAULT_SECRET_NOT_FOUND');
    expect(sb.requestCount('kv')).toBe(1);
    const v1Style = await failure(
      readKvSecret({ ...call(auth.clientToken), path: 'secret/ci/deploy', key: 'token' }),
    );
    expect(v1Style.hint).toContain('secret/data/ci/deploy');
    const noKey = await failure(
      readKvSecret({ ...call(auth.clientToken), path: 'secret/data/ci/deploy', key: 'pasword' }),
    );
    expect(noKey.code).toBe('VAULT_KEY_NOT_FOUND');
    expect(noKey.hint).toBe('its keys are: token, url.');
    expect(noKey.format()).not.toContain(SANDBOX_SECRET.token);
  });
});

describe('login refusals fail fast with a diagnosis', () => {
  it('audience mismatch', async () => {
    const token = await jwt('sts.amazonaws.com');
    const err = await failure(login({ jwt: token, audience: 'sts.amazonaws.com' }));
    expect(err.code).toBe('VAULT_LOGIN_DENIED');
    expect(err.message).toContain('HTTP 400');
    expect(err.message).toContain('invalid audience');
    expect(err.hint).toContain('bound_audiences');
    expect(err.format()).not.toContain(token);
    expect(sb.requestCount('login')).toBe(1);
  });

  it('bound claims mismatch shows the claims and the role, never the token', async () => {
    const token = await jwt('vault', {
      sub: 'repo:evil/fork:ref:refs/heads/main',
      job_workflow_ref: 'evil/fork/.github/workflows/x.yml@refs/heads/main',
    });
    const err = await failure(login({ jwt: token }));
    expect(err.code).toBe('VAULT_LOGIN_DENIED');
    const text = err.format();
    expect(text).toContain('claim "sub" does not match');
    expect(text).toContain('repo:evil/fork:ref:refs/heads/main');
    expect(text).toContain('evil/fork/.github/workflows/x.yml');
    expect(text).toContain('astl-ci');
    expect(text).toContain('auth-path');
    expect(text).toContain('vault write auth/jwt/role/astl-ci');
    expect(text).not.toContain(token);
    expect(sb.requestCount('login')).toBe(1);
  });

  it('an expired token', async () => {
    const token = await sb.issuer.mintGitHubToken({ audience: 'vault', expiresInSeconds: -60 });
    const err = await failure(login({ jwt: token }));
    expect(err.message).toContain('token is expired');
    expect(sb.requestCount('login')).toBe(1);
  });

  it('an unmounted auth path', async () => {
    const err = await failure(login({ authPath: 'auth/jwt-github' }));
    expect(err.code).toBe('VAULT_LOGIN_DENIED');
    expect(err.hint).toContain('no JWT auth method is mounted at auth/jwt-github');
    expect(sb.requestCount('login')).toBe(1);
  });
});

describe('revocation and expiry', () => {
  it('revoke-self really invalidates the token', async () => {
    const auth = await login();
    expect(await lookupSelf(call(auth.clientToken))).toMatchObject({
      accessor: auth.accessor,
      ttlSeconds: expect.any(Number),
    });
    expect(await revokeSelf(call(auth.clientToken))).toBe('revoked');
    expect(sb.vault.revokedAccessors).toContain(auth.accessor);
    expect((await failure(lookupSelf(call(auth.clientToken)))).code).toBe('VAULT_TOKEN_INVALID');
    const read = await failure(
      readKvSecret({ ...call(auth.clientToken), path: 'secret/data/ci/deploy', key: 'token' }),
    );
    expect(read.code).toBe('VAULT_PERMISSION_DENIED');
    expect(await revokeSelf(call(auth.clientToken))).toBe('already-invalid');
  });

  it('tokens expire after their TTL', async () => {
    const auth = await login();
    sb.vault.clock.advance(901);
    try {
      expect((await failure(lookupSelf(call(auth.clientToken)))).code).toBe('VAULT_TOKEN_INVALID');
      expect(await revokeSelf(call(auth.clientToken))).toBe('already-invalid');
    } finally {
      sb.vault.clock.advance(-901);
    }
  });
});

describe('retries', () => {
  for (const [name, faults] of [
    ['412 (consistency)', [{ status: 412 }]],
    ['429', [{ status: 429 }]],
    ['500 then 503', [{ status: 500 }, { status: 503 }]],
    ['a reset connection', [{ reset: true }]],
  ] as const) {
    it(`login retries ${name}`, async () => {
      const token = await jwt();
      sb.injectFaults('login', [...faults]);
      expect((await login({ jwt: token })).clientToken).toMatch(/^hvs\./);
      expect(sb.requestCount('login')).toBe(faults.length + 1);
    });
  }

  it('KV reads retry 412', async () => {
    const auth = await login();
    sb.injectFaults('kv', [{ status: 412 }, { status: 412 }]);
    expect(
      await readKvSecret({ ...call(auth.clientToken), path: 'secret/data/ci/deploy', key: 'token' }),
    ).toBe(SANDBOX_SECRET.token);
    expect(sb.requestCount('kv')).toBe(3);
  });

  it('revoke-self retries a 503', async () => {
    const auth = await login();
    sb.injectFaults('revoke-self', [{ status: 503 }]);
    expect(await revokeSelf(call(auth.clientToken))).toBe('revoked');
    expect(sb.requestCount('revoke-self')).toBe(2);
  });

  it('names Vault and the last fault when attempts run out', async () => {
    const token = await jwt();
    sb.injectFaults('login', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const err = await failure(login({ jwt: token }));
    expect(err.code).toBe('VAULT_UNAVAILABLE');
    expect(err.message).toBe(
      'Vault JWT login (auth/jwt/login) failed 4 times; last error: HTTP 503 (Vault is sealed)',
    );
  });

  it('ends a hanging Vault at the deadline', async () => {
    const token = await jwt();
    sb.injectFaults('login', [{ hang: true }, { hang: true }, { hang: true }, { hang: true }]);
    const err = await failure(
      login({ jwt: token, deadline: new Deadline(1000), retry: { ...FAST, attemptTimeoutMs: 5000 } }),
    );
    expect(err.message).toBe(
      'Vault JWT login (auth/jwt/login) did not succeed within the 1s deadline; last error: request timed out',
    );
  });
});

describe('parseVaultSecrets', () => {
  it("reads vault-action's syntax", () => {
    const text = [
      'secret/data/ci/deploy token | DEPLOY_TOKEN',
      '',
      '  secret/data/ci/deploy url ; secret/data/db db-password|DB_PW  ',
      '# a comment',
      'kv/app api.key',
    ].join('\n');
    expect(parseVaultSecrets(text)).toEqual([
      { path: 'secret/data/ci/deploy', key: 'token', envName: 'DEPLOY_TOKEN', line: 1 },
      { path: 'secret/data/ci/deploy', key: 'url', envName: 'URL', line: 3 },
      { path: 'secret/data/db', key: 'db-password', envName: 'DB_PW', line: 3 },
      { path: 'kv/app', key: 'api.key', envName: 'API_KEY', line: 5 },
    ]);
    expect(parseVaultSecrets('')).toEqual([]);
  });

  it('reports every mistake with its line and column', () => {
    const text = [
      'secret/data/a token | OK',
      'secret/data/a',
      'secret/data/b key | 1BAD',
      'x y; secret/data/c token | OK',
    ].join('\n');
    let err: unknown;
    try {
      parseVaultSecrets(text, 'vault-secrets');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AstlErrors);
    const errors = (err as AstlErrors).errors;
    expect(errors.map((e) => [e.location?.line, e.location?.column])).toEqual([
      [2, 1],
      [3, 1],
      [4, 1],
      [4, 6],
    ]);
    expect(errors[0]?.message).toContain('expected a secret path and a key');
    expect(errors[1]?.message).toContain('"1BAD" is not a valid environment variable name');
    expect(errors[2]?.message).toContain('"x" is not a secret path');
    expect(errors[3]?.message).toContain('OK is already set by line 1');
    expect((err as AstlErrors).format()).toContain('vault-secrets:2:1:');
  });

  it('takes a quoted key as vault-action writes keys with dots, without the quotes (issue 14)', () => {
    expect(
      parseVaultSecrets(
        [
          "secret/data/ci/app 'secret.token' | TOKEN",
          'secret/data/ci/app "db password"',
          "secret/data/ci/app `a.b`|AB ; secret/data/ci/app '*' | STAR",
        ].join('\n'),
      ),
    ).toEqual([
      { path: 'secret/data/ci/app', key: 'secret.token', envName: 'TOKEN', line: 1 },
      { path: 'secret/data/ci/app', key: 'db password', envName: 'DB_PASSWORD', line: 2 },
      { path: 'secret/data/ci/app', key: 'a.b', envName: 'AB', line: 3 },
      { path: 'secret/data/ci/app', key: '*', envName: 'STAR', line: 3 },
    ]);
    // Refused while parsing, before any token is requested.
    expect(() => parseVaultSecrets("secret/data/ci/app 'secret.token | TOKEN")).toThrow(
      /quote ' opened at column 20 is not closed/,
    );
    expect(() => parseVaultSecrets("secret/data/ci/app '' | TOKEN")).toThrow(/the quoted key is empty/);
  });

  it('a single mistake is a plain AstlError', () => {
    expect(() => parseVaultSecrets('secret/data/a * ')).toThrow(/"\*" is not supported/);
    expect(() => parseVaultSecrets('secret/data/a token |')).toThrow(/nothing after "\|"/);
    expect(() => parseVaultSecrets('secret/data/a token extra | X')).toThrow(/exactly a path and a key/);
  });
});

/** A one-off Vault stand-in for answers the sandbox never gives (wrapped, compressed, redirected). */
async function oddVault(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const odd = (url: string, over: Record<string, unknown> = {}) => ({
  url,
  token: 'hvs.CAESIodd-token-value',
  path: 'secret/data/ci/deploy',
  deadline: new Deadline(5000),
  retry: FAST,
  ...over,
});

describe('answers the sandbox never gives', () => {
  it('a response-wrapped login or read is refused, not read as an empty secret', async () => {
    const v = await oddVault((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: null, auth: null, wrap_info: { token: 'hvs.wrapped', ttl: 60 } }));
    });
    try {
      const read = await failure(readKvSecretData(odd(v.url)));
      expect(read.code).toBe('VAULT_RESPONSE_WRAPPED');
      const auth = await failure(
        vaultJwtLogin({ url: v.url, role: 'r', jwt: 'a.b.c', deadline: new Deadline(5000), retry: FAST }),
      );
      expect(auth.code).toBe('VAULT_RESPONSE_WRAPPED');
      expect(auth.format()).not.toContain('hvs.wrapped');
    } finally {
      v.close();
    }
  });

  it('reads through warnings, a gzip body sent unasked, and an IPv6 literal address', async () => {
    const v = await oddVault((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(
        gzipSync(
          JSON.stringify({ data: { data: { token: 't-1' }, metadata: { version: 2 } }, warnings: ['x'] }),
        ),
      );
    }, '::1');
    try {
      expect(await readKvSecretData(odd(v.url))).toEqual({ token: 't-1' });
    } finally {
      v.close();
    }
  });

  it('waits as long as a 429 Retry-After in HTTP-date form asks', async () => {
    let calls = 0;
    const v = await oddVault((_req, res) => {
      res.setHeader('content-type', 'application/json');
      if (calls++ === 0) {
        res.writeHead(429, { 'retry-after': new Date(Date.now() + 3000).toUTCString() });
        res.end('{"errors":["rate limited"]}');
      } else res.end('{"data":{"data":{"k":"v"},"metadata":{}}}');
    });
    const delays: number[] = [];
    try {
      const data = await readKvSecretData(
        odd(v.url, {
          retry: {
            ...FAST,
            onRetry: (i: { delayMs: number }) => delays.push(i.delayMs),
            sleep: async () => {},
          },
        }),
      );
      expect(data).toEqual({ k: 'v' });
      expect(delays[0]).toBeGreaterThan(1000);
    } finally {
      v.close();
    }
  });

  it('a retried error page echoing the token or JWT keeps both out of the final message', async () => {
    const jwtValue = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ2YXVsdCJ9.c2lnbmF0dXJl';
    const v = await oddVault((req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bad gateway for ${req.headers['x-vault-token'] ?? ''} ${jwtValue}`);
    });
    try {
      const read = await failure(readKvSecretData(odd(v.url)));
      expect(read.code).toBe('VAULT_UNAVAILABLE');
      expect(read.format()).toContain('bad gateway');
      expect(read.format()).not.toContain('hvs.CAESIodd-token-value');
      const auth = await failure(
        vaultJwtLogin({ url: v.url, role: 'r', jwt: jwtValue, deadline: new Deadline(5000), retry: FAST }),
      );
      expect(auth.format()).not.toContain(jwtValue);
    } finally {
      v.close();
    }
  });

  it('a standby redirecting to another host or to http is refused at once with what to do', async () => {
    for (const location of ['http://127.0.0.2:8200/v1/secret/data/ci/deploy', 'https://127.0.0.1:1/v1/x']) {
      let calls = 0;
      const v = await oddVault((_req, res) => {
        calls++;
        res.writeHead(307, { location });
        res.end();
      });
      try {
        const err = await failure(readKvSecretData(odd(v.url)));
        expect(err.code).toBe('VAULT_REQUEST_FAILED');
        expect(err.message).toContain('another origin');
        expect(err.hint).toContain('active node');
        expect(calls).toBe(1);
      } finally {
        v.close();
      }
    }
  });

  it('a connection fault with HTTPS_PROXY set says that proxies are not used', async () => {
    const v = await oddVault(() => {});
    const url = v.url;
    v.close();
    process.env.HTTPS_PROXY = 'http://proxy.internal:3128';
    try {
      const err = await failure(readKvSecretData(odd(url, { retry: { ...FAST, attempts: 2 } })));
      expect(err.code).toBe('VAULT_UNAVAILABLE');
      expect(err.hint).toContain('HTTPS_PROXY is set');
    } finally {
      delete process.env.HTTPS_PROXY;
    }
  });
});
