/**
 * An attacker (or a broken proxy) answering as the GitHub API, against the committed dist/
 * bundles: every answer that would hand the agent a token broader than declared, or keep one
 * alive after the job, must fail the step with nothing exported, revoke what was issued, and
 * never crash. The API here is a plain HTTP server on 127.0.0.1 speaking GitHub's REST shapes;
 * each test scripts what it answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type GitHubWorld,
  ghMain,
  ghMainThenPost,
  githubWorkspace,
  resetWorld,
  startGitHubWorld,
} from '../credentials/github-helpers.js';
import { assertMaskedValuesHidden, auditLines, errorMessage } from '../credentials/helpers.js';

interface Seen {
  method: string;
  path: string;
  authorization: string;
}
type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };
type Script = Partial<
  Record<'installation' | 'token' | 'repos' | 'revoke', (req: IncomingMessage) => Answer>
>;

let w: GitHubWorld;
let ws: string;
let api: Server;
let apiUrl: string;
let elsewhere: Server;
let elsewhereUrl: string;
let script: Script = {};
const seen: Seen[] = [];
const seenElsewhere: Seen[] = [];
const TOKEN = 'ghs_hostileApiToken000000000000000000000';

const INSTALLATION = {
  id: 4242,
  account: { login: 'acme' },
  app_id: 123456,
  repository_selection: 'selected',
  permissions: { contents: 'write', pull_requests: 'write', metadata: 'read', administration: 'write' },
  suspended_at: null,
};
const grant = (over: Record<string, unknown> = {}): Answer => ({
  status: 201,
  body: {
    token: TOKEN,
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    permissions: { contents: 'read', pull_requests: 'write', metadata: 'read' },
    repository_selection: 'selected',
    repositories: [{ name: 'app', full_name: 'acme/app' }],
    ...over,
  },
});

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<[Server, string]> {
  const s = createServer(handler);
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve([s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`])),
  );
}

function send(res: ServerResponse, a: Answer): void {
  res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) });
  res.end(a.raw ?? (a.body === undefined ? '' : JSON.stringify(a.body)));
}

beforeAll(async () => {
  w = await startGitHubWorld();
  ws = githubWorkspace(w);
  [api, apiUrl] = await listen((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    seen.push({ method: req.method ?? '', path, authorization: String(req.headers.authorization ?? '') });
    req.resume();
    req.on('end', () => {
      const route =
        req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/installation$/.test(path)
          ? 'installation'
          : req.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)
            ? 'token'
            : req.method === 'GET' && path === '/installation/repositories'
              ? 'repos'
              : req.method === 'DELETE' && path === '/installation/token'
                ? 'revoke'
                : undefined;
      const defaults: Required<Script> = {
        installation: () => ({ status: 200, body: INSTALLATION }),
        token: () => grant(),
        repos: () => ({ status: 200, body: { total_count: 1, repositories: [{ full_name: 'acme/app' }] } }),
        revoke: () => ({ status: 204 }),
      };
      if (!route) return send(res, { status: 404, body: { message: 'Not Found' } });
      send(res, (script[route] ?? defaults[route])(req));
    });
  });
  [elsewhere, elsewhereUrl] = await listen((req, res) => {
    seenElsewhere.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: String(req.headers.authorization ?? ''),
    });
    send(res, grant());
  });
});
afterAll(async () => {
  await w?.close();
  await new Promise((r) => api?.close(r));
  await new Promise((r) => elsewhere?.close(r));
});
beforeEach(() => {
  resetWorld(w);
  script = {};
  seen.length = 0;
  seenElsewhere.length = 0;
});

const inputs = () => ({
  agent: 'review-bot',
  purpose: 'Review pull request 7',
  'github-app-private-key': w.gh.privateKeyPem,
});
const env = () => ({ GITHUB_API_URL: apiUrl });
const calls = (method: string, path: string) => seen.filter((s) => s.method === method && s.path === path);
const STACK = /\n\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** Failed, nothing exported, no stack, the token (if any) revoked at once. */
async function refusedAndRevoked(revoked: boolean): Promise<string> {
  const r = await ghMain(w, ws, inputs(), { env: env() });
  expect(r.exitCode, errorMessage(r)).toBe(1);
  expect(r.exportedEnv.GH_TOKEN).toBeUndefined();
  expect(r.outputs['github-token']).toBeUndefined();
  expect(r.stdout + r.stderr).not.toMatch(STACK);
  // The state keeps the token: the post step needs it if the revocation here failed.
  assertMaskedValuesHidden(r, { stateMayHold: true });
  expect(calls('DELETE', '/installation/token').map((c) => c.authorization)).toEqual(
    revoked ? [`Bearer ${TOKEN}`] : [],
  );
  return errorMessage(r);
}

describe('an API that grants more than asked', () => {
  it('control: a faithful answer mints, exports GH_TOKEN and the post step revokes', async () => {
    const { main, post } = await ghMainThenPost(w, ws, inputs(), { env: env() });
    expect(main.exitCode, errorMessage(main)).toBe(0);
    expect(main.exportedEnv.GH_TOKEN).toBe(TOKEN);
    expect(post.exitCode).toBe(0);
    expect(calls('DELETE', '/installation/token')).toHaveLength(1);
  });

  it('repository_selection: all is broader than the named repositories, even with a list', async () => {
    script.token = () => grant({ repository_selection: 'all' });
    expect(await refusedAndRevoked(true)).toMatch(
      /broader than asked: .*every repository of the installation/,
    );
  });

  it('a permission whose level is not a string is not read as no permission', async () => {
    script.token = () =>
      grant({
        permissions: { contents: 'read', pull_requests: 'write', administration: { level: 'write' } },
      });
    expect(await refusedAndRevoked(true)).toMatch(/broader than asked: administration: unknown/);
  });

  it('permissions that are not an object at all are refused', async () => {
    script.token = () => grant({ permissions: 'all' });
    expect(await refusedAndRevoked(true)).toMatch(/broader than asked/);
  });

  it('an empty repository list is checked against what the token itself lists', async () => {
    script.token = () => grant({ repositories: [] });
    script.repos = () => ({
      status: 200,
      body: { total_count: 2, repositories: [{ full_name: 'acme/app' }, { full_name: 'acme/infra' }] },
    });
    expect(await refusedAndRevoked(true)).toMatch(/repository acme\/infra \(not asked for\)/);
    expect(calls('GET', '/installation/repositories')).toHaveLength(1);
  });

  it('a repository of the same name under another owner is another repository', async () => {
    script.token = () => grant({ repositories: [{ name: 'app', full_name: 'evil/app' }] });
    expect(await refusedAndRevoked(true)).toMatch(/repository evil\/app \(not asked for\)/);
  });

  it('an installation of another account (or App) is refused before a token is asked for', async () => {
    script.installation = () => ({
      status: 200,
      body: { ...INSTALLATION, id: 666, account: { login: 'evil' } },
    });
    expect(await refusedAndRevoked(false)).toMatch(
      /installation 666 of account evil, not of acme; no token was requested/,
    );
    expect(calls('POST', '/app/installations/666/access_tokens')).toHaveLength(0);

    seen.length = 0;
    script.installation = () => ({ status: 200, body: { ...INSTALLATION, id: 667, app_id: 999 } });
    expect(await refusedAndRevoked(false)).toMatch(/installation 667 of App 999, not of App 123456/);
  });
});

describe('text from the API', () => {
  it('permission and repository names in a broader answer cannot issue runner commands or render as Markdown', async () => {
    const evil =
      'x```\n````\n::set-output name=github-token::pwned\n##[error]y <img src=x onerror=alert(1)> | [a](https://e.example) @acme/admins';
    script.token = () =>
      grant({
        permissions: { contents: 'read', [evil]: 'write' },
        repositories: [{ name: 'app', full_name: 'acme/app' }, { full_name: evil }],
      });
    const r = await ghMain(w, ws, inputs(), { env: env(), checkCommands: false });
    expect(r.exitCode).toBe(1);
    expect(r.exportedEnv.GH_TOKEN).toBeUndefined();
    expect(r.outputs['github-token']).toBeUndefined();
    assertMaskedValuesHidden(r, { stateMayHold: true });
    // The message is shown in a fence longer than any backtick run in it: outside the fence, none of it.
    const fence = /^(`{3,})text\n[\s\S]*?\n\1$/m.exec(r.summary);
    expect(fence?.[0]).toContain('<img');
    expect(r.summary.replace(fence![0], '')).not.toMatch(/<img|\]\(https:|^::|##\[/m);
    // A token was issued (and revoked): not a refusal before any request.
    expect(r.summary).not.toContain('refused before any token was requested');
    expect(auditLines(r).map((e) => e.action)).toEqual(['credentials.revoke', 'credentials.failed']);
    expect(calls('DELETE', '/installation/token')).toHaveLength(1);
  });
});

describe('an API that would keep the token alive or stall the job', () => {
  it('an expiry already past does not make the post step skip the revocation', async () => {
    script.token = () => grant({ expires_at: '2001-01-01T00:00:00Z' });
    const { main, post } = await ghMainThenPost(w, ws, inputs(), { env: env() });
    expect(main.exitCode, errorMessage(main)).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(calls('DELETE', '/installation/token')).toHaveLength(1);
  });

  it('a redirect to another host is not followed: neither the JWT nor a token leaves', async () => {
    script.token = () => ({
      status: 307,
      headers: { location: `${elsewhereUrl}/app/installations/4242/access_tokens` },
      body: {},
    });
    const message = await refusedAndRevoked(false);
    expect(message).toMatch(/redirect .* to another origin/);
    expect(seenElsewhere).toEqual([]);
  });

  it('a huge answer is cut off with a clear error, not read to the end', async () => {
    script.token = () => ({ status: 201, raw: `{"token":"${'x'.repeat(5 * 1024 * 1024)}"}` });
    const message = await refusedAndRevoked(false);
    expect(message).toMatch(/GitHub installation token/);
    expect(message.length).toBeLessThan(2000);
  });

  it('a 429 asking to wait a day fails at once and says until when', async () => {
    script.token = () => ({
      status: 429,
      headers: { 'retry-after': '86400' },
      body: { message: 'API rate limit exceeded' },
    });
    const started = Date.now();
    const message = await refusedAndRevoked(false);
    expect(message).toMatch(/asked to wait 86400s/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(calls('POST', '/app/installations/4242/access_tokens')).toHaveLength(1);
  });
});

describe('names from the registry and the environment', () => {
  const NAMED = (repos: string) => `agents:
  - name: dot-bot
    type: coding-assistant
    owner: platform-team
    purpose: "probe"
    credential-policy: ephemeral
    permissions:
      - repository: read
    credentials:
      github:
        app-id: "123456"
        owner: acme
        repositories: ${repos}
`;

  it('. and .. are no repository names: refused at their registry line, nothing sent', async () => {
    for (const name of ['..', '.']) {
      seen.length = 0;
      const r = await ghMain(
        w,
        githubWorkspace(w, NAMED(`["${name}"]`)),
        { ...inputs(), agent: 'dot-bot' },
        { env: env() },
      );
      expect(r.exitCode).toBe(1);
      expect(errorMessage(r)).toMatch(
        /^agent-config\.yaml:13:\d+: .*repositories\[0\] is "\.\.?", which is not valid/,
      );
      expect(seen).toEqual([]);
    }
  });

  it('a GITHUB_REPOSITORY that is not owner/name is refused before any request, not used as a path', async () => {
    for (const repository of ['acme/..', 'acme/app/../infra', '../acme/app', 'acme/app%2F..']) {
      seen.length = 0;
      const r = await ghMain(
        w,
        githubWorkspace(w),
        { ...inputs(), agent: 'triage-bot' },
        { env: { ...env(), GITHUB_REPOSITORY: repository } },
      );
      expect(r.exitCode).toBe(1);
      expect(errorMessage(r)).toContain(`GITHUB_REPOSITORY is "${repository}", not an owner/name`);
      expect(seen).toEqual([]);
    }
  });
});

describe('debug logging does not reveal the key, the JWT or the token', () => {
  it('ACTIONS_STEP_DEBUG, RUNNER_DEBUG and NODE_DEBUG=http,https,tls,net in main and post', async () => {
    const debug = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', NODE_DEBUG: 'http,https,tls,net' };
    const { main, post } = await ghMainThenPost(w, ws, inputs(), { env: { ...env(), ...debug } });
    expect(main.exitCode, errorMessage(main)).toBe(0);
    expect(main.stderr.length, 'NODE_DEBUG was honoured, so the check means something').toBeGreaterThan(0);
    // The key, its lines, the JWT and the token were all masked; none shows up unmasked anywhere.
    expect(main.masks).toContain(TOKEN);
    expect(main.masks.some((m) => m.startsWith('eyJ'))).toBe(true);
    assertMaskedValuesHidden(main, { envMayHold: true, stateMayHold: true });
    for (const secret of [TOKEN, ...main.masks.filter((m) => m.startsWith('eyJ'))]) {
      expect(
        post.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
      ).not.toContain(secret);
      expect(post.stderr).not.toContain(secret);
      expect(post.summary).not.toContain(secret);
    }
    expect(calls('DELETE', '/installation/token')).toHaveLength(1);
  });
});

describe('GH_TOKEN the job already set', () => {
  it('warns (by name, never by value) that a workflow or job env: GH_TOKEN would shadow the export', async () => {
    const theirs = 'ghp_jobLevelBroadToken0000000000000000';
    const r = await ghMain(w, ws, inputs(), { env: { ...env(), GH_TOKEN: theirs } });
    expect(r.exitCode, errorMessage(r)).toBe(0);
    expect(r.exportedEnv.GH_TOKEN).toBe(TOKEN);
    const warnings = r.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings.join('\n')).toMatch(
      /GH_TOKEN was already set .* takes precedence over the value exported here/,
    );
    expect(r.stdout + r.stderr + r.summary).not.toContain(theirs);
  });

  it('says nothing when GH_TOKEN was not set', async () => {
    const r = await ghMain(w, ws, inputs(), { env: env() });
    expect(r.commands.filter((c) => c.command === 'warning' && /already set/.test(c.message))).toEqual([]);
  });
});

describe('the App key in the forms people paste', () => {
  const mint = (key: string) => ghMain(w, ws, { ...inputs(), 'github-app-private-key': key }, { env: env() });

  it('PKCS#1 (GitHub download) and PKCS#8 both sign; an EC key, a public key and junk are refused unquoted', async () => {
    const { createPrivateKey, createPublicKey, generateKeyPairSync } = await import('node:crypto');
    const pkcs8 = createPrivateKey(w.gh.privateKeyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await mint(pkcs8)).exitCode).toBe(0);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const pub = createPublicKey(w.gh.privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
    const cut = w.gh.privateKeyPem.split('\n').slice(0, 6).join('\n') + '\n-----END RSA PRIVATE KEY-----';
    for (const [key, said] of [
      [ec, /is not an RSA key \(it is ec\)/],
      [pub, /a public key, certificate or OpenSSH key was given/],
      [cut, /could not be parsed as a PEM private key/],
      ['ghp_notakey', /is not a PEM private key/],
    ] as const) {
      seen.length = 0;
      const r = await mint(key);
      expect(r.exitCode).toBe(1);
      expect(errorMessage(r)).toMatch(said);
      expect(seen).toEqual([]);
      // No line of the key shows up unmasked, in the message or anywhere else.
      for (const line of key.split('\n').filter((l) => l.length > 8 && !l.startsWith('-----'))) {
        expect(r.masks).toContain(line);
      }
      assertMaskedValuesHidden(r);
    }
  });
});
