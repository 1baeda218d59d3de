/**
 * The GitHub provider end to end, happy paths: the committed dist/ bundles run as the runner runs
 * them against the GitHub App stand-in (which verifies the App JWT and really invalidates revoked
 * tokens) and an octo-sts compatible exchange. The token must carry exactly the declared
 * permissions for the declared repositories, work in a later step, and be dead after the post step.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretForms } from '../../packages/core/redact.js';
import {
  commentStatus,
  type GitHubWorld,
  ghMain,
  ghMainThenPost,
  githubWorkspace,
  repoStatus,
  resetWorld,
  startGitHubWorld,
} from './github-helpers.js';
import { assertMaskedValuesHidden, assertSecretHygiene, auditLines } from './helpers.js';

let w: GitHubWorld;
let ws: string;

beforeAll(async () => {
  w = await startGitHubWorld();
  ws = githubWorkspace(w);
});
afterAll(async () => {
  await w?.close();
});
beforeEach(() => resetWorld(w));

const tokensIssued = () => [...w.gh.tokens.keys()];

describe('App mode', () => {
  it('mints exactly the declared permissions for the declared repository, exports GH_TOKEN, and the post step kills it', async () => {
    // The runner hands inputs over trimmed, as @actions/core reads them.
    const key = w.gh.privateKeyPem.trim();
    const { main, post } = await ghMainThenPost(w, ws, {
      agent: 'review-bot',
      purpose: 'Review pull request 7',
      'github-app-private-key': key,
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);

    // The App JWT as GitHub wants it: RS256, iss = app id, iat 60 s back, exp 10 min after iat.
    expect(w.gh.jwts.length).toBe(2);
    const now = Math.floor(Date.now() / 1000);
    for (const j of w.gh.jwts) {
      expect(j).toMatchObject({ alg: 'RS256', iss: 123456, outcome: 'ok' });
      expect(j.exp - j.iat).toBe(600);
      expect(now - j.iat).toBeGreaterThanOrEqual(55);
      expect(now - j.iat).toBeLessThan(90);
    }
    // Asked for exactly the registry's repositories and permissions.
    expect(w.gh.tokenRequests).toEqual([
      {
        installationId: 4242,
        body: { repositories: ['app'], permissions: { contents: 'read', pull_requests: 'write' } },
      },
    ]);

    const token = main.exportedEnv.GH_TOKEN!;
    expect(token).toMatch(/^ghs_/);
    expect(w.gh.tokens.get(token)).toMatchObject({
      repositories: ['app'],
      permissions: { contents: 'read', pull_requests: 'write', metadata: 'read' },
    });
    expect(main.outputs['github-installation-id']).toBe('4242');
    expect(JSON.parse(main.outputs['github-permissions']!)).toEqual({
      contents: 'read',
      metadata: 'read',
      pull_requests: 'write',
    });
    expect(main.outputs['github-token']).toBeUndefined();
    expect(main.outputs['expires-at']).toBe(
      new Date(w.gh.tokens.get(token)!.expiresAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
    );

    // What the post step found was a token that worked; it is dead now.
    expect(post.exitCode).toBe(0);
    expect(w.gh.tokenStatus(token)).toBe('revoked');
    expect(await repoStatus(w, token)).toBe(401);
    expect(w.gh.requestCount('revoke')).toBe(1);

    // Summary for auditors: the App, installation, repositories, permissions, expiry, the result.
    for (const text of ['GitHub App', 'App 123456, installation 4242', 'acme/app', 'pull_requests: write']) {
      expect(main.summary).toContain(text);
    }
    expect(main.summary).toContain('the requested 15m is honoured by revoking it when the job ends');
    expect(post.summary).toMatch(/\| GitHub App \| `App 123456, installation 4242 \(acme\)` \| revoked \|/);
    expect(post.summary).toContain('acme/app');
    expect(post.summary).toContain('contents: read');

    const events = auditLines(post);
    expect(events.map((e) => e.action)).toEqual(['credentials.mint', 'credentials.revoke']);
    expect(events[0]).toMatchObject({ target: 'github:acme/app' });
    expect(events[0]!.detail).toMatchObject({ provider: 'github', installation_id: 4242, app_id: '123456' });

    // The token, the App JWT and the App key (multi-line) are masked in every form before use.
    assertSecretHygiene(main, [token], { envMayHold: true, stateMayHold: [token], after: /^GitHub: App/ });
    assertSecretHygiene(main, [key]);
    // Masked on arrival: the key's masks are the step's first lines.
    expect(main.stdout.split('\n')[0]).toMatch(/^::add-mask::-----BEGIN RSA PRIVATE KEY-----%0A/);
    for (const line of key.split('\n').filter((l) => l && !l.startsWith('-----'))) {
      expect(main.masks).toContain(line);
    }
    assertMaskedValuesHidden(main, { envMayHold: true, stateMayHold: true });
    assertSecretHygiene(post, [token], { masked: true, stateMayHold: [token] });
  });

  it('a token that works in a later step does what was declared and nothing more', async () => {
    const main = await ghMain(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': w.gh.privateKeyPem,
    });
    expect(main.exitCode, main.stdout).toBe(0);
    const token = main.exportedEnv.GH_TOKEN!;
    expect(await repoStatus(w, token, 'acme/app')).toBe(200);
    expect(await repoStatus(w, token, 'acme/lib')).toBe(404);
    expect(await commentStatus(w, token)).toBe(201);
  });

  it('derives the permissions from the agent when credentials.github.permissions is absent', async () => {
    const main = await ghMain(w, ws, {
      agent: 'triage-bot',
      purpose: 'Triage',
      'github-app-private-key': w.gh.privateKeyPem,
    });
    expect(main.exitCode, main.stdout).toBe(0);
    // repository: read -> contents: read; issues: comment -> issues: write; the current repository.
    expect(w.gh.tokenRequests[0]!.body).toEqual({
      repositories: ['app'],
      permissions: { contents: 'read', issues: 'write' },
    });
    expect(auditLines(main)[0]!.detail).toMatchObject({ permissions_source: 'derived' });
  });

  it('sets the github-token output only with output-credentials', async () => {
    const main = await ghMain(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': w.gh.privateKeyPem,
      'output-credentials': 'true',
      'export-env': 'false',
    });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(tokensIssued()).toHaveLength(1);
    const token = tokensIssued()[0]!;
    expect(main.outputs['github-token']).toBe(token);
    expect(main.exportedEnv.GH_TOKEN).toBeUndefined();
    assertSecretHygiene(main, [token], { outputsMayHold: true, stateMayHold: [token] });
  });

  it('masks a key given on one line with \\n escapes, in that form and as PEM lines', async () => {
    const oneLine = w.gh.privateKeyPem.trim().replace(/\n/g, '\\n');
    const main = await ghMain(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': oneLine,
    });
    expect(main.exitCode, main.stdout).toBe(0);
    for (const form of [...secretForms(oneLine), ...secretForms(w.gh.privateKeyPem.trim())]) {
      expect(main.masks).toContain(form);
    }
    // Every body line, the short last one included (issue 9 kind 9): only the armour may show.
    const body = w.gh.privateKeyPem
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('-----'));
    for (const line of body) expect(main.masks).toContain(line);
    assertMaskedValuesHidden(main, { envMayHold: true, stateMayHold: true });
  });

  it('honours GITHUB_API_URL with a path (GitHub Enterprise Server, /api/v3)', async () => {
    const ghes = await startGitHubWorld({ prefix: '/api/v3' });
    try {
      const wsGhes = githubWorkspace(ghes);
      expect(ghes.gh.apiUrl).toMatch(/\/api\/v3$/);
      const { main, post } = await ghMainThenPost(ghes, wsGhes, {
        agent: 'review-bot',
        purpose: 'Review on GHES',
        'github-app-private-key': ghes.gh.privateKeyPem,
      });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(ghes.gh.requests.map((r) => r.path)).toEqual([
        '/api/v3/repos/acme/app/installation',
        '/api/v3/app/installations/4242/access_tokens',
        '/api/v3/installation/token',
      ]);
      expect(post.exitCode).toBe(0);
      expect(ghes.gh.tokenStatus(main.exportedEnv.GH_TOKEN!)).toBe('revoked');
    } finally {
      await ghes.close();
    }
  });

  it('reads the App key from Vault with the agent’s own login, and ends that login at once', async () => {
    let validBeforePost = '';
    const { main, post } = await ghMainThenPost(
      w,
      ws,
      { agent: 'vault-key-bot', purpose: 'Triage' },
      {
        betweenSteps(m) {
          validBeforePost = w.gh.tokenStatus(m.exportedEnv.GH_TOKEN ?? '');
          // Two Vault logins: the Vault provider's own, and the one that read the key (revoked at once).
          expect(w.sb.requestCount('login')).toBe(2);
          expect(w.sb.vault.revokedTokens).toHaveLength(1);
          expect(w.sb.vault.revokedTokens).not.toContain(m.exportedEnv.VAULT_TOKEN);
        },
      },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const token = main.exportedEnv.GH_TOKEN!;
    expect(validBeforePost).toBe('valid');
    expect(main.masks).toContain(w.gh.privateKeyPem.split('\n')[1]);
    assertMaskedValuesHidden(main, { envMayHold: true, stateMayHold: true });
    const events = auditLines(main).map((e) => `${e.action} ${e.target}`);
    expect(events).toContain(`secrets.read vault:${w.sb.vaultUrl}/v1/secret/data/ci/github-app#private-key`);
    expect(post.exitCode).toBe(0);
    expect(w.gh.tokenStatus(token)).toBe('revoked');
  });

  it('with revoke: false the post step leaves the token and says it outlives the requested duration', async () => {
    const { main, post } = await ghMainThenPost(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': w.gh.privateKeyPem,
      revoke: 'false',
    });
    expect(main.exitCode).toBe(0);
    expect(w.gh.tokenStatus(main.exportedEnv.GH_TOKEN!)).toBe('valid');
    expect(post.summary).toContain('not revoked (revoke: false)');
    expect(post.summary).toContain('longer than the requested 15m');
  });

  it('skips a token that has already expired', async () => {
    const { post } = await ghMainThenPost(
      w,
      ws,
      { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': w.gh.privateKeyPem },
      {
        betweenSteps(m) {
          const state = JSON.parse(m.state.revocation!);
          state.github.expiresAt = new Date(Date.now() - 1000).toISOString();
          m.state.revocation = JSON.stringify(state);
        },
      },
    );
    expect(post.exitCode).toBe(0);
    expect(w.gh.requestCount('revoke')).toBe(0);
    expect(post.summary).toContain('already expired (skipped)');
  });
});

describe('exchange mode (octo-sts compatible)', () => {
  it('exchanges the OIDC token (audience: the STS host) for a token the post step kills', async () => {
    let statusBeforePost = 0;
    const { main, post } = await ghMainThenPost(
      w,
      ws,
      { agent: 'sts-bot', purpose: 'Review without a key' },
      {
        async betweenSteps(m) {
          statusBeforePost = await repoStatus(w, m.exportedEnv.GH_TOKEN ?? '');
        },
      },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(statusBeforePost).toBe(200);
    expect(w.sb.issuer.requestedAudiences).toEqual([w.sts.audience]);
    expect(w.sts.exchanges).toEqual([
      { scope: 'acme/app', identity: 'sts-bot', sub: 'repo:acme/app:ref:refs/heads/main', outcome: 'ok' },
    ]);
    // No App JWT, no key: the STS holds the App.
    expect(w.gh.jwts).toHaveLength(0);
    const token = main.exportedEnv.GH_TOKEN!;
    expect(main.summary).toContain('STS');
    expect(main.summary).toContain('identity sts-bot');
    expect(main.summary).toContain('as declared; the STS does not report them');
    // The token's repositories were checked with the token itself.
    expect(w.gh.requestCount('installation-repos')).toBe(1);

    expect(post.exitCode).toBe(0);
    expect(w.gh.tokenStatus(token)).toBe('revoked');
    expect(post.summary).toContain('revoked');
    assertSecretHygiene(main, [token], { envMayHold: true, stateMayHold: [token], after: /^GitHub: STS/ });
    assertMaskedValuesHidden(main, { envMayHold: true, stateMayHold: true });
  });
});

describe('three providers in one step', () => {
  it('mints AWS, Vault and GitHub side by side; the post step revokes Vault and GitHub', async () => {
    const { main, post } = await ghMainThenPost(w, ws, {
      agent: 'all-bot',
      purpose: 'Release 2.0',
      'github-app-private-key': w.gh.privateKeyPem,
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const env = main.exportedEnv;
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    expect(env.VAULT_TOKEN).toBeTruthy();
    expect(env.RELEASE_TOKEN).toBeTruthy();
    expect(env.GH_TOKEN).toMatch(/^ghs_/);
    expect(w.gh.tokenRequests[0]!.body).toEqual({
      repositories: ['app'],
      permissions: { contents: 'write' },
    });
    expect(post.exitCode).toBe(0);
    expect(w.gh.tokenStatus(env.GH_TOKEN!)).toBe('revoked');
    expect(w.sb.vault.revokedTokens).toContain(env.VAULT_TOKEN);
    expect(post.summary).toContain('GitHub App');
    expect(post.summary).toContain('HashiCorp Vault');
    expect(post.summary).toContain('AWS STS');
  });
});
