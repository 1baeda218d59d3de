/**
 * Issue 9 kind 6 for the GitHub provider: a revocation state (the CLI's file, the runner's state)
 * never chooses where the GitHub installation token is sent. `DELETE /installation/token` goes
 * only to the API the job names now (GITHUB_API_URL, default https://api.github.com), over
 * https or loopback unless allow-insecure-http says otherwise. Real mints against the GitHub App
 * stand-in, then forged states; an "attacker" server on 127.0.0.1 records any token it receives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { githubRevocationRefusal } from '../../packages/credentials/revoke-guard.js';
import type { RevocationState } from '../../packages/credentials/types.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { type GitHubAppServer, startGitHubApp } from '../servers/github-app.js';
import { runStep } from '../support/runner.js';

let gh: GitHubAppServer;
let attacker: Server;
let attackerUrl: string;
const stolen: string[] = [];

beforeAll(async () => {
  gh = await startGitHubApp();
  attacker = createServer((req, res) => {
    stolen.push(String(req.headers.authorization ?? `${req.method} ${req.url}`));
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => attacker?.close(() => r()));
  await gh?.close();
});
beforeEach(() => {
  gh.reset();
  gh.tokens.clear();
  stolen.length = 0;
});

const registry = () => `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Review"
    permissions:
      - repository: read
    credential-policy: ephemeral
    credentials:
      github:
        app-id: "${gh.appId}"
        owner: acme
        repositories: [app]
`;

/** A GitLab-like job that minted a GitHub token with the CLI. */
async function mintedJob() {
  const dir = tempDir('astl-gh-revoke-');
  writeFileSync(join(dir, 'agent-config.yaml'), registry());
  writeFileSync(join(dir, 'app.pem'), gh.privateKeyPem);
  const env = { GITLAB_CI: 'true', CI_PROJECT_DIR: dir, GITHUB_API_URL: gh.apiUrl };
  const r = await runCli(
    ['credentials', '--agent', 'review-bot', '--github-app-private-key-file', 'app.pem'],
    { cwd: dir, env },
  );
  expect(r.code, r.stderr).toBe(0);
  const stateFile = join(dir, '.astl', 'state.json');
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as RevocationState;
  return { dir, env, stateFile, state, token: state.github!.token };
}

const revoke = (dir: string, env: Record<string, string>) =>
  runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });

describe('astl revoke: the GitHub token goes only to GITHUB_API_URL', () => {
  it('a state naming the API the job names is revoked there', async () => {
    const job = await mintedJob();
    const r = await revoke(job.dir, job.env);
    expect(r.stdout).toMatch(/github revoked/);
    expect(gh.tokenStatus(job.token)).toBe('revoked');
  });

  it.each([
    ['an attacker on loopback', () => attackerUrl],
    ['the same host under another path', () => `${gh.apiUrl}/evil`],
    ['an https host elsewhere', () => 'https://api.attacker.example'],
    ['a URL with credentials in it', () => `http://user:pw@${new URL(attackerUrl).host}`],
    ['not a URL at all', () => 'file:///etc/passwd'],
  ])('a state forged to name %s: nothing is sent, the job goes on', async (_name, url) => {
    const job = await mintedJob();
    writeFileSync(
      job.stateFile,
      JSON.stringify({ ...job.state, github: { ...job.state.github!, apiUrl: url() } }),
    );
    const r = await revoke(job.dir, job.env);
    expect(r.code).toBe(0);
    expect(stolen).toEqual([]);
    expect(r.stdout).toMatch(/github failed: not sent: /);
    expect(gh.tokenStatus(job.token)).toBe('valid');
    expect(r.stdout + r.stderr).not.toContain(job.token);
  });

  it('a GITHUB_API_URL changed between the two commands is not followed either', async () => {
    const job = await mintedJob();
    const r = await revoke(job.dir, { ...job.env, GITHUB_API_URL: attackerUrl });
    expect(r.stdout).toMatch(/github failed: not sent: the state names the GitHub API/);
    expect(stolen).toEqual([]);
  });
});

describe("the action's post step", () => {
  const base = (apiUrl: string): RevocationState => ({
    version: 1,
    agent: 'review-bot',
    correlationId: 'c0ffee00-0000-4000-8000-000000000000',
    auditLevel: 'full',
    purpose: 'p',
    policy: 'agent-config.yaml#review-bot',
    github: {
      apiUrl,
      mode: 'app',
      token: 'ghs_forgedTokenValue0123456789',
      appId: '1',
      owner: 'acme',
      repositories: ['app'],
      permissions: { contents: 'read' },
      expiresAt: '2999-01-01T00:00:00Z',
      requestedSeconds: 900,
    },
  });

  it('sends nothing to an API the runner does not name, masks the token, never fails', async () => {
    const r = await runStep('dist/credentials/post/index.js', {
      state: { revocation: JSON.stringify(base(attackerUrl)) },
      env: { GITHUB_API_URL: 'https://api.github.com' },
      timeoutMs: 30_000,
    });
    expect(r.exitCode).toBe(0);
    expect(stolen).toEqual([]);
    const warnings = r.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings.join('\n')).toMatch(/not sent: the state names the GitHub API/);
    expect(r.masks).toContain('ghs_forgedTokenValue0123456789');
    expect(r.summary).toMatch(/not sent/);
  });

  it('sends it to the API the runner names (control)', async () => {
    const r = await runStep('dist/credentials/post/index.js', {
      state: { revocation: JSON.stringify(base(attackerUrl)) },
      env: { GITHUB_API_URL: attackerUrl },
      timeoutMs: 30_000,
    });
    expect(r.exitCode).toBe(0);
    expect(stolen).toEqual(['Bearer ghs_forgedTokenValue0123456789']);
  });

  it('the rule as a function: same API only, transport re-checked, opt-in honoured', () => {
    const guard = {
      allowedApiUrls: ['https://api.github.com'],
      source: 'GITHUB_API_URL',
      allowInsecureHttp: false,
      optIn: 'x',
    };
    expect(githubRevocationRefusal(base('https://api.github.com/'), guard)).toBeUndefined();
    expect(githubRevocationRefusal(base('https://API.github.com:443'), guard)).toBeUndefined();
    expect(githubRevocationRefusal(base('https://ghe.example.com/api/v3'), guard)).toMatch(/^not sent: /);
    const ghe = { ...guard, allowedApiUrls: ['http://ghe.example.com/api/v3'] };
    expect(githubRevocationRefusal(base('http://ghe.example.com/api/v3'), ghe)).toMatch(/plain http/);
    expect(
      githubRevocationRefusal(base('http://ghe.example.com/api/v3'), { ...ghe, allowInsecureHttp: true }),
    ).toBeUndefined();
    expect(githubRevocationRefusal({ ...base('x'), github: undefined }, guard)).toBeUndefined();
  });
});
