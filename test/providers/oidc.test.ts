import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError, Deadline } from '../../packages/core/index.js';
import { decodeTokenClaims, idTokenUrl, requestGitHubIdToken } from '../../packages/providers/index.js';
import { type OidcIssuer, startOidcIssuer } from '../servers/oidc-issuer.js';

const FAST = { baseDelayMs: 5, maxDelayMs: 20, attemptTimeoutMs: 5000 };
let issuer: OidcIssuer;

beforeAll(async () => {
  issuer = await startOidcIssuer({ environment: 'production' });
});
afterAll(() => issuer.close());
beforeEach(() => issuer.reset());

function request(audience = 'sts.amazonaws.com', deadlineMs = 5000) {
  const env = issuer.runnerEnv();
  return requestGitHubIdToken({
    requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
    requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    audience,
    deadline: new Deadline(deadlineMs),
    retry: FAST,
  });
}

async function failure(p: Promise<unknown>): Promise<AstlError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AstlError);
  return err as AstlError;
}

describe('requestGitHubIdToken', () => {
  it("returns a token for the audience, carrying GitHub's claims", async () => {
    const jwt = await request('https://vault.example.com');
    const claims = decodeTokenClaims(jwt);
    expect(claims).toMatchObject({
      iss: issuer.issuer,
      aud: 'https://vault.example.com',
      sub: 'repo:acme/app:environment:production',
      environment: 'production',
      ref: 'refs/heads/main',
      repository: 'acme/app',
      repository_owner: 'acme',
      job_workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/main',
      run_attempt: '1',
    });
    for (const c of ['exp', 'iat', 'nbf', 'jti', 'sha', 'actor', 'workflow', 'run_id'])
      expect(claims).toHaveProperty(c);
    expect(issuer.requestedAudiences).toEqual(['https://vault.example.com']);
    expect(issuer.requestCount('token')).toBe(1);
  });

  it('appends the audience whether or not the URL has a query', () => {
    expect(idTokenUrl('https://r.example/token?api-version=2.0', 'sts.amazonaws.com')).toBe(
      'https://r.example/token?api-version=2.0&audience=sts.amazonaws.com',
    );
    expect(idTokenUrl('https://r.example/token', 'https://vault.example.com')).toBe(
      'https://r.example/token?audience=https%3A%2F%2Fvault.example.com',
    );
    expect(idTokenUrl('https://r.example/token?', 'a b')).toBe('https://r.example/token?audience=a%20b');
  });

  it('explains the missing permission when the runner variables are absent', async () => {
    const err = await failure(
      requestGitHubIdToken({
        requestUrl: undefined,
        requestToken: '',
        audience: 'x',
        deadline: new Deadline(1000),
      }),
    );
    expect(err.code).toBe('OIDC_NOT_AVAILABLE');
    expect(err.message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    expect(err.hint).toContain('`permissions: id-token: write`');
    expect(err.fix).toContain('id-token: write');
  });

  it('fails fast on a refused request token', async () => {
    const env = issuer.runnerEnv();
    const err = await failure(
      requestGitHubIdToken({
        requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: 'wrong',
        audience: 'x',
        deadline: new Deadline(5000),
        retry: FAST,
      }),
    );
    expect(err.code).toBe('OIDC_TOKEN_REQUEST_FAILED');
    expect(err.message).toContain('HTTP 401');
    expect(err.message).not.toContain(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    expect(issuer.requestCount('token')).toBe(1);
  });

  for (const [name, faults] of [
    ['HTTP 500', [{ status: 500 }, { status: 502 }]],
    ['HTTP 429', [{ status: 429 }]],
    ['a reset connection', [{ reset: true }]],
  ] as const) {
    it(`retries ${name}`, async () => {
      issuer.injectFaults('token', [...faults]);
      expect(decodeTokenClaims(await request())?.aud).toBe('sts.amazonaws.com');
      expect(issuer.requestCount('token')).toBe(faults.length + 1);
    });
  }

  it('names the runner service and the last fault when attempts run out', async () => {
    issuer.injectFaults('token', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const err = await failure(request());
    expect(err.code).toBe('OIDC_UNAVAILABLE');
    expect(err.message).toBe(
      'GitHub OIDC token request failed 4 times; last error: HTTP 503 (injected HTTP 503)',
    );
  });

  it('ends at the deadline when the runner hangs', async () => {
    issuer.injectFaults('token', [{ hang: true }, { hang: true }, { hang: true }, { hang: true }]);
    const err = await failure(request('sts.amazonaws.com', 1000));
    expect(err.message).toBe(
      'GitHub OIDC token request did not succeed within the 1s deadline; last error: request timed out',
    );
  });
});

describe('decodeTokenClaims', () => {
  it('decodes without verifying and rejects non-JWTs', async () => {
    const jwt = await issuer.mintGitLabToken({ audience: 'https://gitlab.example.com' });
    expect(decodeTokenClaims(jwt)).toMatchObject({
      sub: 'project_path:acme/app:ref_type:branch:ref:main',
      project_path: 'acme/app',
      aud: 'https://gitlab.example.com',
    });
    expect(decodeTokenClaims('not-a-jwt')).toBeUndefined();
    expect(decodeTokenClaims('')).toBeUndefined();
  });
});
