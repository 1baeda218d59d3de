/**
 * Protocol paths the real registry cannot produce on demand: bearer-token challenges (with commas
 * inside quoted values), token sharing across concurrent requests, refresh-token exchange, 429
 * with Retry-After, 5xx, and registries that omit Docker-Content-Digest. A small node:http server.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ResolveOptions, resolveImage, resolveImages } from '../../packages/oci/index.js';

const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }),
);
const MANIFEST_DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const USER = 'robot$ci';
const PASSWORD = 'tok-3c9f5a1e7d2b4f60';
const REFRESH = 'refresh-8e1d44c2b7a9f0aa';

interface Behaviour {
  /** Answer 429 this many times first, with this Retry-After. */
  rateLimit?: { times: number; retryAfter: string };
  /** Answer 503 this many times first. */
  unavailable?: number;
  /** Retry-After on those 503 answers. */
  unavailableRetryAfter?: string;
  omitDigestHeader?: boolean;
  bearer?: boolean;
  /** Answer manifests with an HTML page (a misconfigured proxy). */
  html?: boolean;
  /** Never answer manifest requests. */
  hang?: boolean;
  /** Token endpoint: answer `access_token` instead of `token`. */
  accessToken?: boolean;
}

interface Observed {
  tokenRequests: Array<{ method: string; url: string; authorization?: string; body: string }>;
  manifestRequests: Array<{ method: string; url: string; authorization?: string; accept?: string }>;
}

let server: Server;
let host: string;
let behaviour: Behaviour = {};
let observed: Observed;
const tmp = mkdtempSync(join(tmpdir(), 'astl-oci-auth-'));
const noConfig: ResolveOptions = { dockerConfigPath: join(tmp, 'absent.json'), env: {} };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => resolve(body));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const body = await readBody(req);
  if (url.pathname === '/token') {
    observed.tokenRequests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      body,
    });
    const basicOk =
      req.headers.authorization === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    const form = new URLSearchParams(body);
    const refreshOk =
      req.method === 'POST' &&
      form.get('grant_type') === 'refresh_token' &&
      form.get('refresh_token') === REFRESH;
    const anonymous = req.method === 'GET' && !req.headers.authorization;
    if (!basicOk && !refreshOk && !anonymous) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const token = anonymous ? 'anonymous-token' : 'good-token';
    // A little latency so concurrent callers really overlap.
    await new Promise((r) => setTimeout(r, 30));
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(
        JSON.stringify(
          behaviour.accessToken ? { access_token: token, expires_in: 300 } : { token, expires_in: 300 },
        ),
      );
    return;
  }
  const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  observed.manifestRequests.push({
    method: req.method ?? '',
    url: req.url ?? '',
    authorization: req.headers.authorization,
    accept: req.headers.accept,
  });
  if (behaviour.hang) return;
  if (behaviour.bearer && req.headers.authorization !== 'Bearer good-token') {
    res
      .writeHead(401, {
        'WWW-Authenticate': `Bearer realm="http://${host}/token",service="fake registry, with commas",scope="repository:${match[1]}:pull,push",error="insufficient_scope"`,
        'Content-Type': 'application/json',
      })
      .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    return;
  }
  if (behaviour.rateLimit && behaviour.rateLimit.times > 0) {
    behaviour.rateLimit.times--;
    res
      .writeHead(429, { 'Retry-After': behaviour.rateLimit.retryAfter, 'Content-Type': 'application/json' })
      .end('{"errors":[{"code":"TOOMANYREQUESTS"}]}');
    return;
  }
  if (behaviour.unavailable && behaviour.unavailable > 0) {
    behaviour.unavailable--;
    const wait = behaviour.unavailableRetryAfter;
    res.writeHead(503, wait ? { 'Retry-After': wait } : {}).end();
    return;
  }
  if (match[2] !== 'v1' && match[2] !== MANIFEST_DIGEST && !match[2]!.startsWith('t')) {
    res
      .writeHead(404, { 'Content-Type': 'application/json' })
      .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
    return;
  }
  if (behaviour.html) {
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end(req.method === 'HEAD' ? undefined : '<html>login</html>');
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/vnd.oci.image.index.v1+json',
    'Content-Length': MANIFEST.length,
  };
  if (!behaviour.omitDigestHeader) headers['Docker-Content-Digest'] = MANIFEST_DIGEST;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : MANIFEST);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  behaviour = {};
  observed = { tokenRequests: [], manifestRequests: [] };
});

function dockerConfig(name: string, entry: Record<string, string>): string {
  const path = join(tmp, `${name}.json`);
  writeFileSync(path, JSON.stringify({ auths: { [host]: entry } }));
  return path;
}

describe('manifest requests', () => {
  it('send HEAD with all four manifest media types in Accept', async () => {
    const result = await resolveImage(`${host}/team/app:v1`, noConfig);
    expect(result).toMatchObject({ digest: MANIFEST_DIGEST, isIndex: true });
    expect(observed.manifestRequests).toHaveLength(1);
    const [request] = observed.manifestRequests;
    expect(request?.method).toBe('HEAD');
    for (const type of [
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]) {
      expect(request?.accept).toContain(type);
    }
  });

  it('GET and hash the exact bytes when Docker-Content-Digest is missing', async () => {
    behaviour.omitDigestHeader = true;
    const result = await resolveImage(`${host}/team/app:v1`, noConfig);
    expect(result.error).toBeUndefined();
    expect(result.digest).toBe(MANIFEST_DIGEST);
    expect(result.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(observed.manifestRequests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('refuse to hash something that is not a manifest', async () => {
    behaviour.html = true;
    const result = await resolveImage(`${host}/team/app:v1`, noConfig);
    expect(result.digest).toBeUndefined();
    expect(result.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(result.error?.message).toMatch(/not an image manifest.*text\/html/);
  });
});

describe('bearer token auth', () => {
  it('fetches one token for 10 concurrent references to one repository', async () => {
    behaviour.bearer = true;
    const dockerConfigPath = dockerConfig('bearer', { username: USER, password: PASSWORD });
    const refs = Array.from({ length: 10 }, (_, i) => `${host}/team/app:t${i}`);
    const results = await resolveImages(refs, { dockerConfigPath, env: {}, concurrency: 10 });
    expect(results.map((r) => r.error)).toEqual(Array(10).fill(undefined));
    expect(results.every((r) => r.digest === MANIFEST_DIGEST)).toBe(true);
    expect(observed.tokenRequests).toHaveLength(1);
    const token = new URL(observed.tokenRequests[0]!.url, `http://${host}`);
    // The quoted service value kept its comma; the scope is pull-only for this repository.
    expect(token.searchParams.get('service')).toBe('fake registry, with commas');
    expect(token.searchParams.get('scope')).toBe('repository:team/app:pull');
    expect(observed.tokenRequests[0]?.authorization).toMatch(/^Basic /);
  });

  it('reuses the token for later references without another 401', async () => {
    behaviour.bearer = true;
    const dockerConfigPath = dockerConfig('bearer-reuse', {
      auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
    });
    const results = await resolveImages([`${host}/team/app:v1`, `${host}/team/app:t2`], {
      dockerConfigPath,
      env: {},
      concurrency: 1,
    });
    expect(results.every((r) => r.digest === MANIFEST_DIGEST)).toBe(true);
    expect(observed.tokenRequests).toHaveLength(1);
    // 401, retry with token, then straight to the token for the second reference.
    expect(observed.manifestRequests.map((r) => r.authorization ?? 'none')).toEqual([
      'none',
      'Bearer good-token',
      'Bearer good-token',
    ]);
  });

  it('exchanges an identitytoken with grant_type=refresh_token and reads access_token', async () => {
    behaviour.bearer = true;
    behaviour.accessToken = true;
    const dockerConfigPath = dockerConfig('identity', { identitytoken: REFRESH });
    const result = await resolveImage(`${host}/team/app:v1`, { dockerConfigPath, env: {} });
    expect(result.error).toBeUndefined();
    expect(observed.tokenRequests).toHaveLength(1);
    const [request] = observed.tokenRequests;
    expect(request?.method).toBe('POST');
    const form = new URLSearchParams(request?.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('scope')).toBe('repository:team/app:pull');
    expect(form.get('service')).toBe('fake registry, with commas');
  });

  it('reports refused credentials as REGISTRY_AUTH without the secret', async () => {
    behaviour.bearer = true;
    const wrong = 'wrong-pass-5e8a7c';
    const dockerConfigPath = dockerConfig('bearer-wrong', { username: USER, password: wrong });
    const result = await resolveImage(`${host}/team/app:v1`, { dockerConfigPath, env: {} });
    expect(result.error?.code).toBe('REGISTRY_AUTH');
    expect(result.error?.message).toContain('token service');
    expect(result.error?.message).toContain(dockerConfigPath);
    expect(result.error?.message).not.toContain(wrong);
    expect(result.error?.message).not.toContain(Buffer.from(`${USER}:${wrong}`).toString('base64'));
  });

  it('reports an anonymous token that is not enough as REGISTRY_AUTH', async () => {
    behaviour.bearer = true;
    const result = await resolveImage(`${host}/team/app:v1`, noConfig);
    expect(result.error?.code).toBe('REGISTRY_AUTH');
    expect(result.error?.message).toMatch(/no credentials/);
  });
});

describe('rate limits and server errors', () => {
  it('honours Retry-After on 429 and then succeeds', async () => {
    behaviour.rateLimit = { times: 1, retryAfter: '2' };
    const waits: number[] = [];
    const result = await resolveImage(`${host}/team/app:v1`, {
      ...noConfig,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result.error).toBeUndefined();
    expect(result.digest).toBe(MANIFEST_DIGEST);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
  });

  it('gives up at once with RATE_LIMITED when Retry-After is beyond the deadline', async () => {
    behaviour.rateLimit = { times: 5, retryAfter: '3600' };
    const result = await resolveImage(`${host}/team/app:v1`, { ...noConfig, deadlineMs: 5000 });
    expect(result.error?.code).toBe('RATE_LIMITED');
    expect(result.error?.message).toMatch(/asked to wait 3600s/);
    expect(observed.manifestRequests).toHaveLength(1);
  });

  it('reports RATE_LIMITED after the attempts run out', async () => {
    behaviour.rateLimit = { times: 10, retryAfter: '0' };
    const result = await resolveImage(`${host}/team/app:v1`, {
      ...noConfig,
      attempts: 3,
      sleep: async () => {},
    });
    expect(result.error?.code).toBe('RATE_LIMITED');
    expect(observed.manifestRequests).toHaveLength(3);
  });

  it('gives up at once when a 503 asks for a wait beyond the deadline', async () => {
    behaviour.unavailable = 5;
    behaviour.unavailableRetryAfter = '3600';
    const result = await resolveImage(`${host}/team/app:v1`, { ...noConfig, deadlineMs: 5000 });
    expect(result.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(result.error?.message).toMatch(/asked to wait 3600s/);
    expect(observed.manifestRequests).toHaveLength(1);
  });

  it('retries 503 and succeeds', async () => {
    behaviour.unavailable = 2;
    const result = await resolveImage(`${host}/team/app:v1`, { ...noConfig, sleep: async () => {} });
    expect(result.digest).toBe(MANIFEST_DIGEST);
    expect(observed.manifestRequests).toHaveLength(3);
  });

  it('reports REGISTRY_UNREACHABLE when 5xx persists', async () => {
    behaviour.unavailable = 100;
    const result = await resolveImage(`${host}/team/app:v1`, {
      ...noConfig,
      attempts: 3,
      sleep: async () => {},
    });
    expect(result.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(result.error?.message).toMatch(/HTTP 503/);
    expect(result.error?.message).toMatch(/after 3 attempts/);
  });

  it('reports a registry that never answers as REGISTRY_UNREACHABLE at the deadline', async () => {
    behaviour.hang = true;
    const result = await resolveImage(`${host}/team/app:v1`, {
      ...noConfig,
      deadlineMs: 1500,
      attemptTimeoutMs: 400,
      retryBaseDelayMs: 10,
    });
    expect(result.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(result.error?.message).toMatch(/request timed out/);
    expect(observed.manifestRequests.length).toBeGreaterThanOrEqual(2);
  });

  it('does not retry a 404', async () => {
    const result = await resolveImage(`${host}/team/app:missing`, noConfig);
    expect(result.error?.code).toBe('IMAGE_NOT_FOUND');
    expect(observed.manifestRequests).toHaveLength(1);
  });
});
