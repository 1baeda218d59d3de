/**
 * The GitHub App pieces on their own: the permission table (against the registry schema), the
 * derived-permissions table, the "within what was asked" check, rate-limit reading, the App key
 * and JWT, the transport rule, and the REST client against the GitHub App stand-in.
 */
import { createPublicKey } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError, Deadline, RetryExhaustedError, withRetry } from '../../packages/core/index.js';
import { GITHUB_APP_ID_PATTERN } from '../../packages/credentials/providers/github.js';
import { rateLimitOf, revokeInstallationToken } from '../../packages/providers/github-api.js';
import {
  createInstallationToken,
  exchangeForInstallationToken,
  getRepoInstallation,
  listInstallationRepositories,
} from '../../packages/providers/github-app.js';
import { signAppJwt } from '../../packages/providers/github-app-jwt.js';
import { normalizePrivateKeyText, parseAppPrivateKey } from '../../packages/providers/github-app-key.js';
import {
  DERIVED_GITHUB_PERMISSIONS,
  deriveGitHubPermissions,
  excessOf,
  GITHUB_APP_PERMISSIONS,
  levelWithin,
} from '../../packages/providers/github-permissions.js';
import registrySchema from '../../schemas/agent-config.schema.json' with { type: 'json' };
import { type GitHubAppServer, startGitHubApp } from '../servers/github-app.js';

describe('permission tables', () => {
  it('the registry schema lists exactly the permission names of GitHub’s table', () => {
    const perms = (
      registrySchema as unknown as {
        definitions: Record<string, { propertyNames: { enum: string[] } }>;
      }
    ).definitions['github-permissions']!;
    expect([...perms.propertyNames.enum].sort()).toEqual(Object.keys(GITHUB_APP_PERMISSIONS).sort());
  });

  it('the front ends check github-app-id with the registry schema’s app-id pattern', () => {
    const appId = (
      registrySchema as unknown as {
        definitions: { github: { properties: { 'app-id': { then: { pattern: string } } } } };
      }
    ).definitions.github.properties['app-id'].then.pattern;
    expect(GITHUB_APP_ID_PATTERN.source).toBe(appId);
  });

  it('every derived permission is a real GitHub permission at a level it takes', () => {
    for (const row of DERIVED_GITHUB_PERMISSIONS) {
      expect(GITHUB_APP_PERMISSIONS[row.permission], row.permission).toContain(row.level);
    }
  });

  it('derives the documented table, the highest level winning, and lists what it cannot map', () => {
    expect(
      deriveGitHubPermissions([
        { resource: 'repository', access: 'read' },
        { resource: 'pull-requests', access: 'comment' },
        { resource: 'pull-requests', access: 'read' },
        { resource: 'issues', access: 'read' },
        { resource: 's3', access: 'read' },
      ]),
    ).toEqual({
      permissions: { contents: 'read', pull_requests: 'write', issues: 'read' },
      unmapped: [{ resource: 's3', access: 'read', index: 4 }],
    });
  });

  it('levels: read < write < admin; unknown levels are never within', () => {
    expect(levelWithin('read', 'write')).toBe(true);
    expect(levelWithin('write', 'read')).toBe(false);
    expect(levelWithin('admin', 'write')).toBe(false);
    expect(levelWithin('owner', 'admin')).toBe(false);
  });

  it('excessOf: metadata read is implied; anything else unasked, higher or elsewhere is excess', () => {
    const asked = { permissions: { contents: 'read' as const }, repositories: ['acme/app'] };
    expect(
      excessOf(asked, { permissions: { contents: 'read', metadata: 'read' }, repositories: ['acme/App'] }),
    ).toEqual([]);
    expect(
      excessOf(asked, {
        permissions: { contents: 'write', metadata: 'write', issues: 'read' },
        repositories: ['acme/app', 'acme/lib'],
      }),
    ).toEqual([
      'contents: write (asked for read)',
      'metadata: write (asked for read)',
      'issues: read (not asked for)',
      'repository acme/lib (not asked for)',
    ]);
  });
});

describe('rate limits (GitHub’s headers)', () => {
  const now = 1_000_000_000_000;
  it('retry-after first, then x-ratelimit-reset when none remain, then a minute for a secondary limit', () => {
    expect(rateLimitOf(403, { 'retry-after': '7' }, '', now)).toEqual({
      rateLimited: true,
      retryAfterMs: 7000,
    });
    expect(
      rateLimitOf(
        403,
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) },
        '',
        now,
      ),
    ).toEqual({ rateLimited: true, retryAfterMs: 30_000 });
    expect(rateLimitOf(403, {}, 'You have exceeded a secondary rate limit', now)).toEqual({
      rateLimited: true,
      retryAfterMs: 60_000,
    });
    // An HTTP date, as RFC 9110 allows (core/http's parseRetryAfter).
    expect(rateLimitOf(429, { 'retry-after': new Date(now + 90_000).toUTCString() }, '', now)).toEqual({
      rateLimited: true,
      retryAfterMs: 90_000,
    });
    expect(rateLimitOf(429, {}, '', now)).toEqual({ rateLimited: true });
    expect(rateLimitOf(403, {}, 'Resource not accessible by integration', now)).toEqual({
      rateLimited: false,
    });
    expect(rateLimitOf(500, { 'retry-after': '1' }, '', now)).toEqual({ rateLimited: false });
  });

  it('withRetry waits at least what the server asked, and stops when that passes the deadline', async () => {
    const waits: number[] = [];
    let n = 0;
    const ok = await withRetry(
      async () => {
        if (n++ === 0) throw new Error('limited');
        return 'done';
      },
      {
        attempts: 3,
        baseDelayMs: 1,
        maxDelayMs: 2,
        attemptTimeoutMs: 1000,
        deadline: new Deadline(10_000),
        what: 'op',
        isRetryable: () => true,
        retryAfterMs: () => 500,
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(ok).toBe('done');
    expect(waits).toEqual([500]);
    const err = await withRetry(
      async () => {
        throw new Error('limited');
      },
      {
        attempts: 3,
        baseDelayMs: 1,
        maxDelayMs: 2,
        attemptTimeoutMs: 1000,
        deadline: new Deadline(1000),
        what: 'op',
        isRetryable: () => true,
        retryAfterMs: () => 120_000,
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryExhaustedError);
    expect((err as RetryExhaustedError).deadlineHit).toBe(true);
    expect((err as Error).message).toContain('was asked to wait 120s before retrying');
  });
});

describe('what GitHub (or a proxy) echoes back', () => {
  /** Answers every request with `status` and a message quoting the Authorization header. */
  const echoServer = async (status: number) => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `rejected ${req.headers.authorization ?? ''} upstream` }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
  };
  const token = 'ghs_EchoedInstallationToken0123456789';

  it('a token that is not one printable word is refused before anything exports it', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'ghs_abcdefgh\nBASH_ENV=/tmp/x' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const err = await exchangeForInstallationToken({
        stsUrl: `http://127.0.0.1:${port}`,
        scope: 'acme/app',
        identity: 'bot',
        idToken: 'a.b.c',
        audience: '127.0.0.1',
        deadline: new Deadline(10_000),
      }).catch((e: unknown) => e as AstlError);
      expect(err).toBeInstanceOf(AstlError);
      expect((err as AstlError).code).toBe('GITHUB_RESPONSE_INVALID');
      expect((err as AstlError).format()).not.toContain('BASH_ENV');
    } finally {
      server.close();
    }
  });
  const retry = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} };

  for (const status of [500, 403]) {
    it(`never carries the bearer credential into the error (HTTP ${status})`, async () => {
      const srv = await echoServer(status);
      try {
        const err = await revokeInstallationToken({
          apiUrl: srv.url,
          token,
          deadline: new Deadline(10_000),
          retry,
        }).catch((e: unknown) => e as AstlError);
        expect(err).toBeInstanceOf(AstlError);
        const text = (err as AstlError).format();
        expect(text).toContain('rejected');
        expect(text).not.toContain(token);
        expect(text).not.toContain(token.slice(0, 20));
      } finally {
        srv.close();
      }
    });
  }
});

describe('the App key and JWT', () => {
  let gh: GitHubAppServer;
  beforeAll(async () => {
    gh = await startGitHubApp();
  });
  afterAll(() => gh.close());
  beforeEach(() => {
    gh.reset();
    gh.tokens.clear();
  });

  it('accepts GitHub’s PKCS#1 download, PKCS#8, CRLF and \\n-escaped one-line forms', () => {
    const pem = gh.privateKeyPem;
    const pkcs8 = parseAppPrivateKey(pem, 'k').export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const form of [pem, pkcs8, pem.replace(/\n/g, '\r\n'), pem.trim().replace(/\n/g, '\\n')]) {
      expect(parseAppPrivateKey(form, 'k').asymmetricKeyType).toBe('rsa');
    }
    expect(normalizePrivateKeyText(pem.trim().replace(/\n/g, '\\n'))).toBe(pem.trim());
  });

  it('refuses what is not an RSA private key, naming the input and quoting none of it', () => {
    const pem = gh.privateKeyPem;
    const body = pem.split('\n')[3]!;
    const cases = [
      'hunter2-not-a-key',
      pem.split('\n').slice(0, 6).join('\n'),
      pem.replace(/[A-Z]{10}/, 'AAAAAAAAAA'),
      createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString(),
    ];
    for (const text of cases) {
      const err = (() => {
        try {
          parseAppPrivateKey(text, "input 'github-app-private-key'");
        } catch (e) {
          return e as AstlError;
        }
        throw new Error('accepted');
      })();
      expect(err).toBeInstanceOf(AstlError);
      expect(err.code).toBe('GITHUB_APP_KEY_INVALID');
      expect(err.format()).toContain("input 'github-app-private-key'");
      expect(err.format()).not.toContain(body);
      expect(err.format()).not.toContain('hunter2');
    }
  });

  it('signs RS256 with iss = the App id, iat 60 s back, exp 10 minutes after iat', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const jwt = await signAppJwt(parseAppPrivateKey(gh.privateKeyPem, 'k'), '123456', now);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = decodeJwt(jwt);
    expect(claims).toEqual({ iss: 123456, iat: now.getTime() / 1000 - 60, exp: now.getTime() / 1000 + 540 });
    await expect(jwtVerify(jwt, gh.publicKey, { currentDate: now })).resolves.toBeTruthy();
    // A client ID stays a string.
    const byClientId = await signAppJwt(parseAppPrivateKey(gh.privateKeyPem, 'k'), 'Iv23liAbCdEf', now);
    expect(decodeJwt(byClientId).iss).toBe('Iv23liAbCdEf');
  });

  it('the REST client mints, lists, and revokes against the stand-in; revoked means 401 after', async () => {
    const jwt = await signAppJwt(parseAppPrivateKey(gh.privateKeyPem, 'k'), gh.appId, new Date());
    const call = { apiUrl: gh.apiUrl, deadline: new Deadline(10_000), jwt, appId: gh.appId };
    const inst = await getRepoInstallation({ ...call, owner: 'acme', repo: 'app' });
    expect(inst).toMatchObject({ id: 4242, account: 'acme', suspended: false });
    const tok = await createInstallationToken({
      ...call,
      installationId: inst.id,
      owner: 'acme',
      repositories: ['app', 'lib'],
      permissions: { contents: 'read' },
    });
    expect(tok).toMatchObject({
      permissions: { contents: 'read', metadata: 'read' },
      repositorySelection: 'selected',
      // full_name when GitHub gives it: a bare name could be another owner's repository.
      repositories: ['acme/app', 'acme/lib'],
    });
    const tc = { apiUrl: gh.apiUrl, token: tok.token, deadline: new Deadline(10_000) };
    expect(await listInstallationRepositories(tc)).toEqual(['acme/app', 'acme/lib']);
    expect(await revokeInstallationToken(tc)).toBe('revoked');
    expect(await revokeInstallationToken(tc)).toBe('already-invalid');
    await expect(listInstallationRepositories(tc)).rejects.toThrow(/Bad credentials/);
  });

  it('an expired App JWT is a 401: bad key or app id', async () => {
    const jwt = await signAppJwt(
      parseAppPrivateKey(gh.privateKeyPem, 'k'),
      gh.appId,
      new Date(Date.now() - 3_600_000),
    );
    const err = await getRepoInstallation({
      apiUrl: gh.apiUrl,
      deadline: new Deadline(10_000),
      jwt,
      appId: gh.appId,
      owner: 'acme',
      repo: 'app',
    }).catch((e: unknown) => e as AstlError);
    expect(err).toBeInstanceOf(AstlError);
    expect((err as AstlError).code).toBe('GITHUB_APP_AUTH_FAILED');
    expect((err as AstlError).message).toContain("'Expiration time' claim ('exp')");
  });
});

describe('the transport rule (preflight, core/transport)', () => {
  const planOf = async (apiUrl: string | undefined, registryExtra = '') => {
    const { parseRegistry } = await import('../../packages/registry/index.js');
    const { DESIGN_REGISTRY } = await import('../../packages/registry/test-helpers.js');
    const text = registryExtra ? DESIGN_REGISTRY.replace('app-id: "123456"', registryExtra) : DESIGN_REGISTRY;
    const agent = parseRegistry(text, 'agent-config.yaml').agents[0]!;
    return { agent, github: { apiUrl, privateKey: 'k' } };
  };
  const check = async (
    apiUrl: string | undefined,
    o: { allow?: boolean; registryExtra?: string } = {},
  ): Promise<string[] | string> => {
    const { preflightChecks } = await import('../../packages/credentials/preflight.js');
    const { githubProvider } = await import('../../packages/credentials/providers/github.js');
    const { agent, github } = await planOf(apiUrl, o.registryExtra);
    const request = {
      configPath: 'agent-config.yaml',
      policiesDir: 'policies',
      workspace: '.',
      run: { runId: '1' },
      github: o.registryExtra ? { apiUrl } : github,
      transport: { allowInsecureHttp: o.allow === true },
    } as Parameters<typeof preflightChecks>[0];
    const plan = githubProvider().plan(request, agent);
    try {
      return preflightChecks(request, agent, { github: plan } as Parameters<typeof preflightChecks>[2], {});
    } catch (e) {
      return (e as AstlError).format();
    }
  };

  it('https anywhere, http to loopback only, never user info; GITHUB_API_URL named', async () => {
    expect(await check('https://ghe.example.com/api/v3')).toEqual([]);
    expect(await check(undefined)).toEqual([]);
    expect(await check('http://127.0.0.1:8080/api/v3')).toEqual([]);
    expect(await check('http://[::1]:1')).toEqual([]);
    for (const bad of ['http://api.example.com', 'ftp://x', 'not a url']) {
      expect(await check(bad)).toContain('GITHUB_API_URL');
    }
    const withPassword = await check('https://user:s3cr3t@ghe.example.com');
    expect(withPassword).toMatch(/user name or password/);
    expect(withPassword).not.toContain('s3cr3t');
  });

  it('allow-insecure-http is the one switch: plain http to a host is then a warning', async () => {
    expect(await check('http://ghe.example.com/api/v3')).toMatch(/plain http.*allow-insecure-http: true/s);
    const warnings = await check('http://ghe.example.com/api/v3', { allow: true });
    expect(warnings).toEqual([
      expect.stringMatching(/GITHUB_API_URL http:\/\/ghe\.example\.com uses plain http/),
    ]);
  });

  it('a plain-http sts-url is refused at its registry line', async () => {
    const out = await check(undefined, { registryExtra: 'sts-url: http://sts.example.com' });
    expect(out).toMatch(/agent-config\.yaml:\d+/);
    expect(out).toContain('credentials.github.sts-url http://sts.example.com uses plain http');
    expect(await check(undefined, { registryExtra: 'sts-url: http://127.0.0.1:9' })).toEqual([]);
  });
});

describe('the registry and the pre-check', () => {
  it('reads the DESIGN example’s credentials.github', async () => {
    const { parseRegistry } = await import('../../packages/registry/index.js');
    const { DESIGN_REGISTRY } = await import('../../packages/registry/test-helpers.js');
    const agent = parseRegistry(DESIGN_REGISTRY, 'agent-config.yaml').agents[0]!;
    expect(agent.credentials.github).toEqual({
      appId: '123456',
      owner: 'acme',
      repositories: ['app'],
      permissions: { contents: 'read', pull_requests: 'write' },
    });
    expect(agent.keyLocations['credentials.github.permissions.pull_requests']).toMatchObject({ line: 33 });
  });

  it('deny: write-access and deny: secrets refuse GitHub permissions, naming the registry line', async () => {
    const { checkCredentialRequest, parseAgentPolicies, parseRegistry } = await import(
      '../../packages/registry/index.js'
    );
    const { parseYaml } = await import('../../packages/core/index.js');
    const { DESIGN_REGISTRY } = await import('../../packages/registry/test-helpers.js');
    const agent = parseRegistry(DESIGN_REGISTRY, 'agent-config.yaml').agents[0]!;
    const policies = parseAgentPolicies(
      parseYaml(
        'kind: AgentPolicy\nmetadata:\n  name: p\nspec:\n  agentTypes: [coding-assistant]\n  restrictions:\n    - deny: write-access\n    - deny: secrets\n',
        'policies/p.yaml',
      ),
    );
    const base = { agent, purpose: 'x', durationSeconds: 900, readsSecrets: false };
    const refusal = (githubPermissions: Record<string, string>) => {
      try {
        checkCredentialRequest(
          { ...base, providers: ['github'], githubPermissions, githubPermissionsSource: 'registry' },
          policies,
        );
        return '';
      } catch (e) {
        return (e as AstlError).format();
      }
    };
    expect(refusal({ contents: 'read', pull_requests: 'write' })).toContain(
      'asks GitHub for pull_requests: write (agent-config.yaml:33)',
    );
    expect(refusal({ contents: 'read', secrets: 'read' })).toContain('asks GitHub for secrets: read');
    expect(refusal({ contents: 'read' })).toBe('');
    // Without the GitHub provider in the request, its permissions are not its business.
    expect(() =>
      checkCredentialRequest(
        { ...base, providers: ['aws'], githubPermissions: { contents: 'write' } },
        policies,
      ),
    ).not.toThrow();
  });
});
