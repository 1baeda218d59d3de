/**
 * The post step's bundle after issue 13 (CommonJS, revocation code only, node:https and node:zlib
 * loaded on first use) against Vault stand-ins that answer badly: an https Vault with a
 * self-signed certificate gets no token unless NODE_EXTRA_CA_CERTS trusts it; an answer that
 * decompresses past the size cap, hostile error text and an unwritable job summary end in a
 * warning, with the token masked and no runner command, and never fail the job.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { commandProblems, runStep, type StepResult } from '../support/runner.js';

const POST = 'dist/credentials/post/index.js';
const TOKEN = 'hvs.CAESIPostTransportToken0123456789abcdef';
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const seen: string[] = [];
function record(handler: Handler): Handler {
  return (req, res) => {
    seen.push(`${req.method} ${req.url} ${String(req.headers['x-vault-token'] ?? '')}`);
    handler(req, res);
  };
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function state(url: string): string {
  return JSON.stringify({
    version: 1,
    agent: 'vault-bot',
    correlationId: 'c0ffee',
    auditLevel: 'full',
    purpose: 'p',
    policy: 'agent-config.yaml',
    vault: { url, token: TOKEN, accessor: 'acc1', expiresAt: new Date(Date.now() + 600_000).toISOString() },
  });
}

async function post(url: string, env: Record<string, string> = {}): Promise<StepResult> {
  const r = await runStep(POST, { state: { revocation: state(url) }, env, checkCommands: false });
  expect(commandProblems(r.runner), r.stdout).toEqual([]);
  expect(r.exitCode, r.stdout).toBe(0);
  expect(r.masks).toContain(TOKEN);
  expect(r.log).not.toContain(TOKEN);
  expect(r.renderedSummary).not.toContain(TOKEN);
  return r;
}

const warnings = (r: StepResult) => r.commands.filter((c) => c.command === 'warning').map((c) => c.message);

describe.skipIf(!existsSync('/usr/bin/openssl'))('post step over https (lazy node:https)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'astl-post-tls-'));
  execFileSync(
    '/usr/bin/openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
      .concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'])
      .concat(['-subj', '/CN=vault.test', '-addext', 'subjectAltName=IP:127.0.0.1']),
    { stdio: 'ignore' },
  );
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };

  it('refuses a self-signed Vault (no token sent), and revokes once NODE_EXTRA_CA_CERTS trusts it', async () => {
    const url = await listen(
      createTlsServer(
        tls,
        record((_req, res) => res.writeHead(204).end()),
      ),
      'https',
    );
    seen.length = 0;
    const refused = await post(url);
    expect(seen).toEqual([]);
    expect(warnings(refused).join('\n')).toMatch(
      /could not revoke the Vault token.*certificate|self.signed/is,
    );
    const trusted = await post(url, { NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
    expect(seen).toEqual([`POST /v1/auth/token/revoke-self ${TOKEN}`]);
    expect(trusted.summary).toMatch(/revoked with auth\/token\/revoke-self/);
  });
});

describe('post step against a Vault that answers badly (lazy node:zlib)', () => {
  it('an unasked gzip answer that decodes past the cap: a warning, not a crash', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const url = await listen(
      createHttpServer(
        record((_req, res) => {
          res.writeHead(400, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(bomb);
        }),
      ),
      'http',
    );
    const r = await post(url);
    expect(warnings(r).join('\n')).toMatch(
      /could not revoke the Vault token.*larger than \d+ bytes \(decompressed\)/s,
    );
  });

  it('hostile error text echoing the token, a broken summary path: masked, neutral, exit 0', async () => {
    const hostile = `::stop-commands::x\n##[add-mask]y\r::error::pwned ${TOKEN} ![p](https://evil.example/p.png)`;
    const url = await listen(
      createHttpServer(
        record((_req, res) => {
          const body = gzipSync(JSON.stringify({ errors: [hostile] }));
          res.writeHead(400, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(body);
        }),
      ),
      'http',
    );
    const r = await post(url, { GITHUB_STEP_SUMMARY: mkdtempSync(join(tmpdir(), 'astl-summary-dir-')) });
    expect(warnings(r).join('\n')).toMatch(/could not revoke the Vault token/);
    expect(r.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(warnings(r).join('\n')).toContain('pwned');
  });
});
