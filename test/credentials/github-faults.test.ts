/**
 * The GitHub provider end to end when things go wrong: refusals before any request, a token
 * broader than asked (revoked at once, nothing exported), a main step that fails after the token
 * exists (the post step still revokes it), retries within the deadline (GitHub's retry-after and
 * rate-limit reset honoured), and the three diagnoses of a refusal.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type GitHubWorld,
  ghMain,
  ghMainThenPost,
  githubRegistry,
  githubTraffic,
  githubWorkspace,
  NO_GITHUB_TRAFFIC,
  resetWorld,
  startGitHubWorld,
} from './github-helpers.js';
import { assertMaskedValuesHidden, auditLines, errorMessage } from './helpers.js';

let w: GitHubWorld;
let ws: string;
let key: string;

beforeAll(async () => {
  w = await startGitHubWorld();
  ws = githubWorkspace(w);
  key = w.gh.privateKeyPem;
});
afterAll(async () => {
  await w?.close();
});
beforeEach(() => resetWorld(w));

const STACK = /\n\s+at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

function refusedWithoutTraffic(r: Awaited<ReturnType<typeof ghMain>>): string {
  expect(r.exitCode).toBe(1);
  expect(githubTraffic(w)).toEqual(NO_GITHUB_TRAFFIC);
  expect(r.summary).toContain('refused before any token was requested');
  expect(auditLines(r).map((e) => e.action)).toEqual(['credentials.refused']);
  expect(r.stdout + r.stderr).not.toMatch(STACK);
  assertMaskedValuesHidden(r);
  return errorMessage(r);
}

describe('refused before any request', () => {
  it('AgentPolicy deny: write-access refuses a write permission, derived ones included', async () => {
    const r = await ghMain(w, ws, { agent: 'reader-bot', purpose: 'Review', 'github-app-private-key': key });
    const error = refusedWithoutTraffic(r);
    expect(error).toContain("AgentPolicy 'restricted-assistant-policy'");
    expect(error).toContain('denies write-access');
    expect(error).toContain('pull_requests: write (derived from its permissions)');
    expect(error).toContain('pull_requests: read');
  });

  it('an agent permission the derived table does not know is refused with the known names', async () => {
    const r = await ghMain(w, ws, {
      agent: 'unmapped-bot',
      purpose: 'Triage',
      'github-app-private-key': key,
    });
    const error = refusedWithoutTraffic(r);
    expect(error).toMatch(/agent-config\.yaml:\d+(:\d+)?: agent 'unmapped-bot' declares s3-bucket: read/);
    expect(error).toContain(
      'repository: read, repository: write, pull-requests: read, pull-requests: comment',
    );
    expect(error).toContain('credentials.github.permissions');
  });

  it('an unknown GitHub permission name is refused with "did you mean", at its line', async () => {
    const wsTypo = githubWorkspace(
      w,
      githubRegistry(w).replace('          pull_requests: write\n', '          pull-requests: write\n'),
    );
    const r = await ghMain(w, wsTypo, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': key,
    });
    expect(r.exitCode).toBe(1);
    expect(githubTraffic(w)).toEqual(NO_GITHUB_TRAFFIC);
    const error = errorMessage(r);
    expect(error).toMatch(/agent-config\.yaml:\d+:\d+: unknown key 'pull-requests'/);
    expect(error).toContain("did you mean 'pull_requests'?");
  });

  it('a level GitHub does not have for that permission is refused', async () => {
    const wsLevel = githubWorkspace(
      w,
      githubRegistry(w).replace('          pull_requests: write\n', '          workflows: read\n'),
    );
    const r = await ghMain(w, wsLevel, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': key,
    });
    const error = refusedWithoutTraffic(r);
    expect(error).toContain('GitHub permission workflows takes write, not read');
  });

  it('App mode without a key says which input to set', async () => {
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review' });
    const error = refusedWithoutTraffic(r);
    expect(error).toContain("input 'github-app-private-key'");
    expect(error).toContain('secrets.APP_PRIVATE_KEY');
  });

  it('a key that is not a PEM key is refused without quoting any of it', async () => {
    const bad = 'not-a-key-but-a-secret-0123456789abcdef';
    const cut = key.split('\n').slice(0, 8).join('\n');
    for (const value of [bad, cut, key.replace('RSA PRIVATE KEY', 'PUBLIC KEY')]) {
      resetWorld(w);
      const r = await ghMain(w, ws, {
        agent: 'review-bot',
        purpose: 'Review',
        'github-app-private-key': value,
      });
      const error = refusedWithoutTraffic(r);
      expect(error).toContain("input 'github-app-private-key'");
      for (const line of value.split('\n').filter((l) => l.length > 8 && !l.startsWith('-----'))) {
        expect(
          r.stdout
            .split('\n')
            .filter((l) => !l.startsWith('::add-mask::'))
            .join('\n'),
        ).not.toContain(line);
        expect(r.summary).not.toContain(line);
      }
    }
  });

  it('a plain-http GITHUB_API_URL is refused: credentials travel over https only', async () => {
    const r = await ghMain(
      w,
      ws,
      { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key },
      { env: { GITHUB_API_URL: 'http://api.example.com' } },
    );
    const error = refusedWithoutTraffic(r);
    expect(error).toContain('GITHUB_API_URL: http://api.example.com uses plain http://');
    expect(error).toContain('allow-insecure-http: true');
  });

  it('a duration over the agent’s cap is refused as for any provider', async () => {
    const r = await ghMain(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      duration: '2h',
      'github-app-private-key': key,
    });
    const error = refusedWithoutTraffic(r);
    expect(error).toContain('over the cap');
  });
});

describe('a token broader than asked', () => {
  it('with an unasked permission: revoked at once, the step fails, nothing is exported', async () => {
    w.gh.broaden('permissions');
    const { main, post } = await ghMainThenPost(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': key,
    });
    expect(main.exitCode).toBe(1);
    const error = errorMessage(main);
    expect(error).toContain(
      'GitHub issued a token broader than asked: administration: write (not asked for)',
    );
    expect(error).toContain('it was revoked at once, and nothing was exported');
    const [token] = [...w.gh.tokens.keys()];
    expect(w.gh.tokenStatus(token!)).toBe('revoked');
    expect(main.exportedEnv.GH_TOKEN).toBeUndefined();
    expect(main.outputs['github-permissions']).toBeUndefined();
    expect(main.outputs['github-token']).toBeUndefined();
    assertMaskedValuesHidden(main, { stateMayHold: true });
    // The post step knows it is done and does not call GitHub again.
    expect(post.exitCode).toBe(0);
    expect(w.gh.requestCount('revoke')).toBe(1);
    expect(post.summary).toContain('revoked by the main step');
  });

  it('with another repository: revoked at once', async () => {
    w.gh.broaden('repositories');
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key });
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toContain('repository acme/lib (not asked for)');
    expect(w.gh.tokenStatus([...w.gh.tokens.keys()][0]!)).toBe('revoked');
    expect(r.exportedEnv.GH_TOKEN).toBeUndefined();
  });

  it('from an STS whose trust policy grants more repositories: revoked at once', async () => {
    const r = await ghMain(w, ws, { agent: 'wide-sts-bot', purpose: 'Review' });
    expect(r.exitCode).toBe(1);
    const error = errorMessage(r);
    expect(error).toContain('repository acme/infra (not asked for)');
    expect(error).toContain('trust policy wide-sts-bot');
    expect(w.gh.tokenStatus([...w.gh.tokens.keys()][0]!)).toBe('revoked');
    expect(r.exportedEnv.GH_TOKEN).toBeUndefined();
  });
});

describe('a main step that fails after the token exists', () => {
  it('leaves the token to the post step, which revokes it', async () => {
    w.sb.injectFaults('kv', [{ status: 403 }]);
    let beforePost = '';
    const { main, post } = await ghMainThenPost(
      w,
      ws,
      { agent: 'all-bot', purpose: 'Release', 'github-app-private-key': key },
      {
        betweenSteps: () => {
          beforePost = w.gh.tokenStatus([...w.gh.tokens.keys()][0] ?? '');
        },
      },
    );
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(
      /Issued before the failure: .*HashiCorp Vault \(vault:[^)]+\) and GitHub App \(github:[^)]+\); the post step revokes/,
    );
    const [token] = [...w.gh.tokens.keys()];
    expect(beforePost).toBe('valid');
    expect(JSON.parse(main.state.revocation!).github.token).toBe(token);
    expect(main.exportedEnv.GH_TOKEN).toBeUndefined();
    expect(post.exitCode).toBe(0);
    expect(w.gh.tokenStatus(token!)).toBe('revoked');
    expect(post.summary).toMatch(/\| GitHub App \| .* \| revoked \|/);
  });
});

describe('retries within the deadline', () => {
  it('retries a 502 on the token request', async () => {
    w.gh.injectFaults('access-tokens', [{ status: 502 }]);
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(w.gh.requestCount('access-tokens')).toBe(2);
    // The failed attempt issued nothing: one token in all.
    expect(w.gh.tokens.size).toBe(1);
  });

  it('waits as long as a secondary rate limit asks (retry-after), then succeeds', async () => {
    w.gh.injectFaults('installation', [
      {
        status: 403,
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        headers: { 'retry-after': '1' },
      },
    ]);
    const started = Date.now();
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(w.gh.requestCount('installation')).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('waits for x-ratelimit-reset when the primary rate limit is spent', async () => {
    w.gh.injectFaults('access-tokens', [
      {
        status: 403,
        message: 'API rate limit exceeded for installation ID 4242.',
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
        },
      },
    ]);
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(w.gh.requestCount('access-tokens')).toBe(2);
  });

  it('fails at once, saying until when, when the wait would pass the deadline', async () => {
    w.gh.injectFaults('installation', [
      { status: 429, message: 'Too Many Requests', headers: { 'retry-after': '120' } },
    ]);
    const started = Date.now();
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key });
    expect(r.exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(w.gh.requestCount('installation')).toBe(1);
    const error = errorMessage(r);
    expect(error).toContain('was asked to wait 120s before retrying, past the 20s deadline');
    expect(error).toContain('GitHub rate-limited the App and asked to wait until');
  });

  it('retries a 503 from the STS', async () => {
    w.sts.injectFaults('exchange', [{ status: 503 }]);
    const r = await ghMain(w, ws, { agent: 'sts-bot', purpose: 'Review' });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(w.sts.requestCount('exchange')).toBe(2);
  });

  it('a revocation that keeps failing warns, and never fails the post step', async () => {
    const { main, post } = await ghMainThenPost(
      w,
      ws,
      { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key },
      { betweenSteps: () => w.gh.injectFaults('revoke', Array(8).fill({ status: 500 })) },
    );
    expect(main.exitCode).toBe(0);
    expect(post.exitCode).toBe(0);
    expect(
      post.commands.some(
        (c) => c.command === 'warning' && c.message.includes('could not revoke the GitHub token'),
      ),
    ).toBe(true);
    expect(post.summary).toContain('revocation FAILED');
    assertMaskedValuesHidden(post, { stateMayHold: true });
  });
});

describe('diagnosis of a refusal', () => {
  it('App not installed on this repository (404 on the installation lookup)', async () => {
    const r = await ghMain(w, ws, {
      agent: 'elsewhere-bot',
      purpose: 'Triage',
      'github-app-private-key': key,
    });
    expect(r.exitCode).toBe(1);
    const error = errorMessage(r);
    expect(error).toContain('App not installed on this repository: App 123456 cannot reach acme/ghost');
    expect(error).toContain('install the App on acme/ghost');
    expect(w.gh.requestCount('installation')).toBe(1);
    expect(w.gh.requestCount('access-tokens')).toBe(0);
    assertMaskedValuesHidden(r);
  });

  it('permission not granted to the App (the installation lacks it): no token is asked for', async () => {
    const r = await ghMain(w, ws, { agent: 'lacking-bot', purpose: 'Triage', 'github-app-private-key': key });
    expect(r.exitCode).toBe(1);
    const error = errorMessage(r);
    expect(error).toContain(
      'permission not granted to the App: App 123456 (installation 4242 on acme) lacks actions: write',
    );
    expect(w.gh.requestCount('access-tokens')).toBe(0);
  });

  it('permission not granted to the App (GitHub answers 422)', async () => {
    w.gh.injectFaults('access-tokens', [
      { status: 422, message: 'The permissions requested are not granted to this installation.' },
    ]);
    const r = await ghMain(w, ws, { agent: 'review-bot', purpose: 'Review', 'github-app-private-key': key });
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toContain('permission not granted to the App: App 123456 (installation 4242)');
    expect(w.gh.requestCount('access-tokens')).toBe(1);
  });

  it('bad key or app id: another App’s id', async () => {
    const r = await ghMain(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-id': '999999',
      'github-app-private-key': key,
    });
    expect(r.exitCode).toBe(1);
    const error = errorMessage(r);
    expect(error).toContain('bad key or app id: GitHub did not accept the JWT of App 999999');
    expect(error).toContain('Integration not found');
    expect(w.gh.requestCount('installation')).toBe(1);
  });

  it('bad key or app id: a key GitHub does not know', async () => {
    const foreign = w.gh.foreignKeyPem().trim();
    const r = await ghMain(w, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'github-app-private-key': foreign,
    });
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toContain('bad key or app id');
    assertMaskedValuesHidden(r);
  });

  it('exchange: the trust policy does not admit the job (403), with the token claims', async () => {
    const r = await ghMain(w, ws, { agent: 'strict-sts-bot', purpose: 'Review' });
    expect(r.exitCode).toBe(1);
    const error = errorMessage(r);
    expect(error).toContain("the STS's trust policy strict-bot does not admit this job");
    expect(error).toContain('repo:acme/app:ref:refs/heads/main');
    expect(error).toContain('.github/chainguard/strict-bot.sts.yaml');
    assertMaskedValuesHidden(r);
  });

  it('exchange: no trust policy of that name (404)', async () => {
    const r = await ghMain(w, ws, { agent: 'ghost-sts-bot', purpose: 'Review' });
    expect(r.exitCode).toBe(1);
    expect(errorMessage(r)).toContain('App not installed on this repository, or no trust policy');
  });

  it('exchange: an audience the STS does not expect (401)', async () => {
    const r = await ghMain(w, ws, { agent: 'aud-sts-bot', purpose: 'Review' });
    expect(r.exitCode).toBe(1);
    expect(w.sb.issuer.requestedAudiences).toEqual(['octo-sts.dev']);
    const error = errorMessage(r);
    expect(error).toContain("the STS did not accept the job's OIDC token");
    expect(error).toContain('"octo-sts.dev"');
  });
});

describe('registry file written by hand', () => {
  it('refuses app-id and sts-url together', async () => {
    const wsBoth = githubWorkspace(
      w,
      githubRegistry(w).replace(
        '        identity: sts-bot\n',
        `        identity: sts-bot\n        app-id: "1"\n`,
      ),
    );
    writeFileSync(join(wsBoth, 'unused'), '');
    const r = await ghMain(w, wsBoth, { agent: 'sts-bot', purpose: 'Review' });
    const error = refusedWithoutTraffic(r);
    expect(error).toContain('has an STS (credentials.github.sts-url) and an App key setting');
  });
});
