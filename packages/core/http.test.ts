/**
 * The provider HTTP client against real servers on 127.0.0.1: answers of every status, the body
 * cap while streaming, timeouts and resets as retryable faults, same-origin redirects only,
 * TLS trust failures, and no request header or body in any error or in NODE_DEBUG output.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AstlError } from './errors.js';
import { HTTP_ERROR, HttpError, httpRequest, parseRetryAfter } from './http.js';
import { describeFault, isNetworkFault } from './retry.js';

const SECRET = 'hvs.SECRET-token-value-123';
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

/** Nothing of the request (header values, body) in any form of the error. */
function expectClean(err: Error): void {
  const text = `${err.message}\n${err.stack}\n${JSON.stringify(err)}\n${String((err as { cause?: unknown }).cause)}`;
  expect(text).not.toContain(SECRET);
}

describe('httpRequest', () => {
  it('answers every status as a response, with the body and lower-cased headers', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(418, { 'X-Thing': 'a' });
      res.end('{"errors":["short and stout"]}');
    });
    const res = await httpRequest(`${s.url}/v1/x?y=1`);
    expect(res.status).toBe(418);
    expect(res.headers['x-thing']).toBe('a');
    expect(res.text()).toBe('{"errors":["short and stout"]}');
    expect(s.seen[0]).toMatchObject({ method: 'GET', path: '/v1/x?y=1' });
  });

  it('sends a body with its length, as POST by default', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    await httpRequest(s.url, {
      body: 'a=1&b=ä',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(s.seen[0]).toMatchObject({ method: 'POST', body: 'a=1&b=ä' });
    expect(s.seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength('a=1&b=ä')));
    expect(s.seen[0]!.headers['user-agent']).toBe('astl-agent-credentials');
  });

  describe('caps the response body', () => {
    it('refuses a declared length over the cap before reading it', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-length': '2000' });
        res.end('x'.repeat(2000));
      });
      const err = await failure(httpRequest(s.url, { maxResponseBytes: 1000 }));
      expect(err.code).toBe(HTTP_ERROR.tooLarge);
      expect(isNetworkFault(err)).toBe(false);
    });

    it('stops a chunked body as soon as it passes the cap', async () => {
      let written = 0;
      const s = await serve((_req, res) => {
        res.writeHead(200);
        const timer = setInterval(() => {
          written += 1024;
          if (!res.write('y'.repeat(1024)) || written > 1024 * 1024) clearInterval(timer);
        }, 1);
        res.on('close', () => clearInterval(timer));
      });
      const err = await failure(httpRequest(s.url, { maxResponseBytes: 4096 }));
      expect(err.code).toBe(HTTP_ERROR.tooLarge);
      expect(written).toBeLessThan(1024 * 1024);
    });
  });

  describe('faults a retry can cure are network faults', () => {
    it('a timeout of the attempt signal is a TimeoutError', async () => {
      const s = await serve(() => {
        // never answers
      });
      const err = await failure(httpRequest(s.url, { signal: AbortSignal.timeout(100) }));
      expect(err.name).toBe('TimeoutError');
      expect(err.code).toBe(HTTP_ERROR.timeout);
      expect(isNetworkFault(err)).toBe(true);
      expect(describeFault(err)).toBe('request timed out');
    });

    it('a body that stops half-way times out too', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
      });
      const err = await failure(httpRequest(s.url, { signal: AbortSignal.timeout(150) }));
      expect(err.name).toBe('TimeoutError');
    });

    it('another abort is an AbortError', async () => {
      const s = await serve(() => {});
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(), 50);
      const err = await failure(httpRequest(s.url, { signal: ctrl.signal }));
      expect(err.name).toBe('AbortError');
    });

    it('a refused connection keeps its code', async () => {
      const s = await serve(() => {});
      const url = s.url;
      await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
      const err = await failure(
        httpRequest(url, { headers: { 'X-Vault-Token': SECRET }, body: `{"jwt":"${SECRET}"}` }),
      );
      expect(err.code).toBe('ECONNREFUSED');
      expect(isNetworkFault(err)).toBe(true);
      expectClean(err);
    });

    it('a connection reset mid-body is ECONNRESET', async () => {
      const s = await serve((req, res) => {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial', () => req.socket.destroy());
      });
      const err = await failure(httpRequest(s.url));
      expect(err.code).toBe('ECONNRESET');
      expect(isNetworkFault(err)).toBe(true);
    });
  });

  describe('redirects', () => {
    it('follows same-origin redirects: 307 keeps the method and body, 303 becomes a GET', async () => {
      const s = await serve((req, res) => {
        if (req.url === '/a') res.writeHead(307, { location: '/b' }).end();
        else if (req.url === '/b') res.writeHead(303, { location: '/c' }).end();
        else res.end('done');
      });
      const res = await httpRequest(`${s.url}/a`, { body: 'payload' });
      expect(res.text()).toBe('done');
      expect(res.url).toBe(`${s.url}/c`);
      expect(s.seen.map((x) => `${x.method} ${x.path} ${x.body}`)).toEqual([
        'POST /a payload',
        'POST /b payload',
        'GET /c ',
      ]);
    });

    it('refuses a redirect to another origin without contacting it', async () => {
      const other = await serve((_req, res) => res.end('stolen'));
      const s = await serve((_req, res) => res.writeHead(307, { location: `${other.url}/v1/x?t=1` }).end());
      const err = await failure(httpRequest(s.url, { headers: { 'X-Vault-Token': SECRET } }));
      expect(err.code).toBe(HTTP_ERROR.crossOrigin);
      expect(err.message).toBe(`refused a redirect from ${s.url} to another origin (${other.url})`);
      expect(other.seen).toHaveLength(0);
      expect(isNetworkFault(err)).toBe(false);
    });

    it('gives up after maxRedirects, or returns the 3xx with maxRedirects 0', async () => {
      const s = await serve((_req, res) => res.writeHead(302, { location: '/again' }).end());
      expect((await failure(httpRequest(s.url))).code).toBe(HTTP_ERROR.tooManyRedirects);
      expect(s.seen).toHaveLength(4);
      expect((await httpRequest(s.url, { maxRedirects: 0 })).status).toBe(302);
    });
  });

  it('refuses non-http URLs and header values with CR/LF, naming neither value', async () => {
    expect((await failure(httpRequest('file:///etc/passwd'))).code).toBe(HTTP_ERROR.invalidUrl);
    const s = await serve((_req, res) => res.end());
    const err = await failure(httpRequest(s.url, { headers: { 'X-Vault-Token': `${SECRET}\r\nX-Evil: 1` } }));
    expectClean(err);
    expect(s.seen).toHaveLength(0);
  });

  it('NODE_DEBUG=http prints no request header value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'astl-http-debug-'));
    const script = join(dir, 'debug.ts');
    writeFileSync(
      script,
      `import { createServer } from 'node:http';
import { httpRequest } from ${JSON.stringify(new URL('./http.ts', import.meta.url).pathname)};
const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('{}')); });
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as { port: number };
  await httpRequest('http://127.0.0.1:' + port + '/v1/auth/token/revoke-self', {
    method: 'POST', headers: { 'X-Vault-Token': ${JSON.stringify(SECRET)} },
  });
  server.close();
});
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, NODE_DEBUG: 'http,https,net,tls,stream' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('HTTP'); // the debug output is there...
    expect(r.stderr + r.stdout).not.toContain(SECRET); // ...without the token
  });

  const hasOpenssl = existsSync('/usr/bin/openssl');
  it.skipIf(!hasOpenssl)(
    'an untrusted TLS certificate is not retryable, and says how to trust it',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'astl-tls-'));
      execFileSync(
        '/usr/bin/openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const server = createTlsServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end('{}'),
      );
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const err = await failure(httpRequest(url, { headers: { authorization: `Bearer ${SECRET}` } }));
      expect(isNetworkFault(err)).toBe(false);
      expectClean(err);
      const { sendAttempt } = await import('../providers/retry-policy.js');
      const user = await sendAttempt(url, {}, 'Vault JWT login', 'VAULT_REQUEST_FAILED').catch(
        (e: unknown) => e,
      );
      expect(user).toBeInstanceOf(AstlError);
      expect((user as AstlError).hint).toContain('NODE_EXTRA_CA_CERTS');
    },
  );
});

describe('compressed answers and Retry-After', () => {
  it('decodes a gzip, deflate or br body sent unasked, and caps the decoded size', async () => {
    const json = JSON.stringify({ data: { ok: true } });
    for (const [coding, encode] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-encoding': coding });
        res.end(encode(json));
      });
      expect((await httpRequest(s.url)).text()).toBe(json);
    }
    // A small bomb: 8 KiB on the wire, 8 MiB decoded.
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const err = await failure(httpRequest(s.url));
    expect(err.code).toBe(HTTP_ERROR.tooLarge);
    expect(isNetworkFault(err)).toBe(false);
    const bad = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('not gzip');
    });
    expect((await failure(httpRequest(bad.url))).code).toBe(HTTP_ERROR.badEncoding);
    const unknown = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'zstd' });
      res.end('x');
    });
    expect((await failure(httpRequest(unknown.url))).message).toContain(
      'unsupported content-encoding (zstd)',
    );
  });

  it('parseRetryAfter reads delay-seconds and HTTP-dates', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(['3'], now)).toBe(3000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('private CAs', () => {
  it.skipIf(!existsSync('/usr/bin/openssl'))(
    'NODE_EXTRA_CA_CERTS makes a self-signed stand-in trusted (IPv6 literal, in a fresh process)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'astl-ca-'));
      execFileSync(
        '/usr/bin/openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=vault.test',
          '-addext',
          'subjectAltName=IP:::1,IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const server = createTlsServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end('{"ok":true}'),
      );
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
      const url = `https://[::1]:${(server.address() as AddressInfo).port}/v1/sys/health`;
      const script = join(dir, 'call.mjs');
      writeFileSync(
        script,
        `import { httpRequest } from ${JSON.stringify(new URL('./http.ts', import.meta.url).pathname)};
httpRequest(${JSON.stringify(url)}).then((r) => console.log('status', r.status, r.text()), (e) => console.log('error', e.code));`,
      );
      const run = (env: Record<string, string>) =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script], {
            env: { ...process.env, ...env },
          });
          let out = '';
          child.stdout.on('data', (c: Buffer) => (out += c));
          child.on('close', () => resolve(out.trim()));
        });
      expect(await run({})).toBe('error DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(await run({ NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') })).toBe('status 200 {"ok":true}');
    },
  );
});
