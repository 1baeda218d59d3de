/**
 * `astl credentials` / `astl revoke` with a GitHub App, as a GitLab job (or a laptop) runs them:
 * the App key from a file or a variable, owner and repositories from the registry (there is no
 * GITHUB_REPOSITORY), GH_TOKEN in the 0600 env file, and `astl revoke` killing the token. Also
 * the exchange mode with a GitLab ID token. Nothing secret on stdout or stderr.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretForms } from '../../packages/core/redact.js';
import { type GitHubAppServer, startGitHubApp } from '../servers/github-app.js';
import { type OctoStsServer, startOctoSts } from '../servers/octo-sts.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { runCli, tempDir } from './run-cli.js';

let sb: Sandbox;
let gh: GitHubAppServer;
let sts: OctoStsServer;

beforeAll(async () => {
  sb = await startSandbox();
  gh = await startGitHubApp();
  sts = await startOctoSts({
    issuer: { issuer: sb.issuer.issuer, jwksUrl: sb.issuer.jwksUrl },
    github: gh,
    policies: [
      {
        scope: 'acme/app',
        identity: 'gl-bot',
        subjectPattern: 'project_path:acme/app:.*',
        permissions: { contents: 'read' },
      },
    ],
  });
});
afterAll(async () => {
  await Promise.all([sb?.close(), gh?.close(), sts?.close()]);
});
beforeEach(() => {
  sb.reset();
  gh.reset();
  gh.tokens.clear();
});

function registry(): string {
  return `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Review merge requests mirrored to GitHub"
    permissions:
      - repository: read
      - pull-requests: comment
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
        owner: acme
        repositories: [app]
  - name: nowhere-bot
    type: coding-assistant
    owner: platform-team
    purpose: "No owner to default to outside GitHub"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
  - name: gl-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Exchange a GitLab ID token"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        sts-url: ${sts.url}
        owner: acme
        repositories: [app]
        identity: gl-bot
`;
}

function gitlabJob() {
  const dir = tempDir('astl-gl-gh-');
  writeFileSync(join(dir, 'agent-config.yaml'), registry());
  writeFileSync(join(dir, 'app.pem'), gh.privateKeyPem);
  const env = {
    GITLAB_CI: 'true',
    CI_PIPELINE_ID: '574',
    CI_JOB_ID: '302',
    CI_PROJECT_PATH: 'acme/app',
    GITHUB_API_URL: gh.apiUrl,
  };
  return { dir, env };
}

const visible = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('astl credentials with a GitHub App (GitLab job)', () => {
  it('App key from a file: GH_TOKEN in the env file, nothing secret printed, astl revoke kills it', async () => {
    const { dir, env } = gitlabJob();
    const r = await runCli(
      [
        'credentials',
        '--agent',
        'review-bot',
        '--purpose',
        'Review !7',
        '--github-app-private-key-file',
        'app.pem',
      ],
      { cwd: dir, env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(gh.tokenRequests[0]!.body).toEqual({
      repositories: ['app'],
      permissions: { contents: 'read', pull_requests: 'write' },
    });
    const envFile = readFileSync(join(dir, '.astl/credentials.env'), 'utf8');
    const token = /export GH_TOKEN='(ghs_[^']+)'/.exec(envFile)?.[1];
    expect(token).toBeTruthy();
    expect(gh.tokenStatus(token!)).toBe('valid');
    expect(r.stdout).toContain('github  App 123456, installation 4242 (acme)');
    for (const secret of [token!, gh.privateKeyPem.trim()]) {
      for (const form of secretForms(secret)) expect(visible(r)).not.toContain(form);
    }

    const rev = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });
    expect(rev.code).toBe(0);
    expect(rev.stdout).toMatch(/github revoked: revoked with DELETE \/installation\/token/);
    expect(gh.tokenStatus(token!)).toBe('revoked');
    for (const form of secretForms(token!)) expect(visible(rev)).not.toContain(form);
  });

  it('App key from a variable, as --format json reports the installation and permissions', async () => {
    const { dir, env } = gitlabJob();
    const r = await runCli(
      [
        'credentials',
        '--agent',
        'review-bot',
        '--github-app-private-key-env',
        'GITHUB_APP_KEY',
        '--format',
        'json',
      ],
      { cwd: dir, env: { ...env, GITHUB_APP_KEY: gh.privateKeyPem } },
    );
    expect(r.code, r.stderr).toBe(0);
    const facts = JSON.parse(r.stdout);
    expect(facts.githubInstallationId).toBe('4242');
    expect(facts.githubPermissions).toEqual({ contents: 'read', metadata: 'read', pull_requests: 'write' });
    expect(facts.variables).toContain('GH_TOKEN');
  });

  it('without GITHUB_REPOSITORY, an agent without owner and repositories is refused (exit 3), no request', async () => {
    const { dir, env } = gitlabJob();
    const r = await runCli(
      ['credentials', '--agent', 'nowhere-bot', '--github-app-private-key-file', 'app.pem'],
      { cwd: dir, env },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no GitHub owner (credentials.github.owner) and no GITHUB_REPOSITORY');
    expect(gh.requests).toHaveLength(0);
  });

  it('a missing key variable is a usage error that names the flag', async () => {
    const { dir, env } = gitlabJob();
    const r = await runCli(['credentials', '--agent', 'review-bot', '--github-app-private-key-env', 'NOPE'], {
      cwd: dir,
      env,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--github-app-private-key-env NOPE: the variable is not set or empty');
  });

  it('neither an ID token nor an App key: the usage error names the App key flags too', async () => {
    const { dir, env } = gitlabJob();
    const r = await runCli(['credentials', '--agent', 'review-bot'], { cwd: dir, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--github-app-private-key-file FILE or --github-app-private-key-env VAR');
    expect(gh.requests).toHaveLength(0);
  });

  it('exchange mode with a GitLab ID token whose aud is the STS host', async () => {
    const { dir, env } = gitlabJob();
    const idToken = await sb.issuer.mintGitLabToken({ audience: sts.audience });
    const r = await runCli(['credentials', '--agent', 'gl-bot', '--github-id-token-env', 'GITHUB_ID_TOKEN'], {
      cwd: dir,
      env: { ...env, GITHUB_ID_TOKEN: idToken },
    });
    expect(r.code, r.stderr).toBe(0);
    const token = /export GH_TOKEN='(ghs_[^']+)'/.exec(
      readFileSync(join(dir, '.astl/credentials.env'), 'utf8'),
    )?.[1];
    expect(gh.tokenStatus(token!)).toBe('valid');
    for (const form of secretForms(idToken)) expect(visible(r)).not.toContain(form);
    const rev = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });
    expect(rev.code).toBe(0);
    expect(gh.tokenStatus(token!)).toBe('revoked');
  });
});

describe('--github-app-private-key-file: the workspace, or a GitLab file variable', () => {
  /** A GitLab job whose project folder is CI_PROJECT_DIR, with the runner's `.tmp` folder beside it. */
  function jobWithFileVariable() {
    const root = tempDir('astl-gl-builds-');
    const dir = join(root, 'app');
    mkdirSync(dir);
    mkdirSync(`${dir}.tmp`);
    writeFileSync(join(dir, 'agent-config.yaml'), registry());
    const keyFile = join(`${dir}.tmp`, 'GITHUB_APP_KEY');
    writeFileSync(keyFile, gh.privateKeyPem, { mode: 0o600 });
    const env = { ...gitlabJob().env, CI_PROJECT_DIR: dir, GITHUB_APP_KEY: keyFile };
    return { root, dir, env, keyFile };
  }
  const mint = (dir: string, env: Record<string, string>, file: string) =>
    runCli(['credentials', '--agent', 'review-bot', '--github-app-private-key-file', file], {
      cwd: dir,
      env,
    });

  it('reads a file variable from $CI_PROJECT_DIR.tmp/, where GitLab Runner writes them', async () => {
    const { dir, env, keyFile } = jobWithFileVariable();
    const r = await mint(dir, env, keyFile);
    expect(r.code, r.stderr).toBe(0);
    expect(gh.tokens.size).toBe(1);
    const rev = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir, env });
    expect(rev.stdout).toMatch(/github revoked/);
  });

  it.each([
    [
      'a file elsewhere',
      (j: { root: string }) => {
        const f = join(j.root, 'elsewhere.pem');
        writeFileSync(f, gh.privateKeyPem);
        return f;
      },
    ],
    [
      'a link in the file-variable folder that leads out of it',
      (j: { root: string; dir: string }) => {
        const f = join(j.root, 'outside.pem');
        writeFileSync(f, gh.privateKeyPem);
        const link = join(`${j.dir}.tmp`, 'LINK');
        symlinkSync(f, link);
        return link;
      },
    ],
    [
      'a file under .git/',
      (j: { dir: string }) => {
        mkdirSync(join(j.dir, '.git'));
        const f = join(j.dir, '.git', 'key.pem');
        writeFileSync(f, gh.privateKeyPem);
        return f;
      },
    ],
  ])('refuses %s (exit 3), quoting none of it, before any request', async (_name, place) => {
    const job = jobWithFileVariable();
    const file = place(job);
    const r = await mint(job.dir, job.env, file);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--github-app-private-key-file');
    expect(r.stderr).not.toContain('PRIVATE KEY');
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(gh.requests).toHaveLength(0);
  });

  it('--github-app-private-key-env naming a File-type variable reads the file GitLab wrote', async () => {
    const { dir, env } = jobWithFileVariable();
    const r = await runCli(
      ['credentials', '--agent', 'review-bot', '--github-app-private-key-env', 'GITHUB_APP_KEY'],
      {
        cwd: dir,
        env,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(gh.tokens.size).toBe(1);
  });

  it('outside a GitLab job the .tmp folder is just another folder outside the workspace', async () => {
    const { dir, env, keyFile } = jobWithFileVariable();
    const r = await mint(dir, { ...env, GITLAB_CI: '' }, keyFile);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is outside the workspace');
    expect(gh.requests).toHaveLength(0);
  });
});
