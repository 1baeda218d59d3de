import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError, Deadline } from '../../packages/core/index.js';
import {
  type AssumeRoleRequest,
  assumeRoleWithWebIdentity,
  jsonErrorOffset,
  prepareSessionPolicy,
  requestGitHubIdToken,
  roleSessionName,
  validateRoleArn,
} from '../../packages/providers/index.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { IDP_COMMUNICATION_ERROR, THROTTLING } from '../servers/sts.js';

const FAST = { baseDelayMs: 5, maxDelayMs: 20, attemptTimeoutMs: 5000 };
const GITLAB_ROLE = 'arn:aws:iam::111122223333:role/gitlab-deployer';
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox();
  sb.sts.setRole(GITLAB_ROLE, { sub: 'project_path:acme/app:ref_type:branch:ref:*' });
  // The SDK resolves the endpoint from the standard variable: the provider never passes it.
  process.env.AWS_ENDPOINT_URL_STS = sb.env.AWS_ENDPOINT_URL_STS;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_STS;
  await sb.close();
});
beforeEach(() => sb.reset());

async function runnerToken(audience = 'sts.amazonaws.com'): Promise<string> {
  return requestGitHubIdToken({
    requestUrl: sb.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    requestToken: sb.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    audience,
    deadline: new Deadline(5000),
  });
}

async function request(over: Partial<AssumeRoleRequest> = {}): Promise<AssumeRoleRequest> {
  return {
    roleArn: sb.roleArn,
    region: 'us-east-1',
    sessionName: roleSessionName('deploy-bot', '9876543210'),
    durationSeconds: 900,
    webIdentityToken: over.webIdentityToken ?? (await runnerToken()),
    audience: 'sts.amazonaws.com',
    deadline: new Deadline(10_000),
    retry: FAST,
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<AstlError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AstlError);
  return err as AstlError;
}

describe('assumeRoleWithWebIdentity', () => {
  it('mints session credentials that work (GetCallerIdentity) through AWS_ENDPOINT_URL_STS', async () => {
    const before = Date.now();
    const creds = await assumeRoleWithWebIdentity(await request());
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds.sessionName).toBe('deploy-bot@9876543210');
    expect(creds.assumedRoleArn).toBe(
      'arn:aws:sts::111122223333:assumed-role/astl-ci-deployer/deploy-bot@9876543210',
    );
    expect(creds.expiration.getTime()).toBeGreaterThanOrEqual(before + 899_000);
    expect(creds.expiration.getTime()).toBeLessThanOrEqual(Date.now() + 901_000);
    expect(sb.requestCount('sts')).toBe(1);

    const client = new STSClient({ region: 'us-east-1', credentials: creds });
    const me = await client.send(new GetCallerIdentityCommand({}));
    client.destroy();
    expect(me.Arn).toBe(creds.assumedRoleArn);
    expect(me.Account).toBe('111122223333');
  });

  it('also takes an explicit endpoint', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_STS;
    delete process.env.AWS_ENDPOINT_URL_STS;
    try {
      const creds = await assumeRoleWithWebIdentity(await request({ endpoint: sb.sts.url }));
      expect(creds.accessKeyId).toMatch(/^ASIA/);
    } finally {
      process.env.AWS_ENDPOINT_URL_STS = saved;
    }
  });

  it('sends the minified session policy and the requested duration', async () => {
    const policy = JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
      null,
      4,
    );
    await assumeRoleWithWebIdentity(await request({ sessionPolicy: policy, durationSeconds: 1800 }));
    const call = sb.sts.assumeCalls.at(-1);
    expect(call?.policy).toBe(JSON.stringify(JSON.parse(policy)));
    expect(call?.durationSeconds).toBe(1800);
  });

  it('works with a GitLab-style id token', async () => {
    const token = await sb.issuer.mintGitLabToken({ audience: 'sts.amazonaws.com' });
    const creds = await assumeRoleWithWebIdentity(
      await request({ roleArn: GITLAB_ROLE, webIdentityToken: token }),
    );
    expect(creds.assumedRoleArn).toContain('assumed-role/gitlab-deployer/');
    expect(sb.sts.sessions.get(creds.accessKeyId)?.subject).toBe(
      'project_path:acme/app:ref_type:branch:ref:main',
    );
  });

  describe('fails fast, with one request', () => {
    it('AccessDenied: diagnosis shows the claims, the role and the trust condition, never the token', async () => {
      const token = await runnerToken();
      sb.sts.setRole('arn:aws:iam::111122223333:role/prod-only', {
        sub: 'repo:acme/app:environment:production',
      });
      const err = await failure(
        assumeRoleWithWebIdentity(
          await request({ roleArn: 'arn:aws:iam::111122223333:role/prod-only', webIdentityToken: token }),
        ),
      );
      expect(err.code).toBe('STS_ACCESS_DENIED');
      expect(sb.requestCount('sts')).toBe(1);
      const text = err.format();
      expect(text).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity');
      expect(text).toContain('arn:aws:iam::111122223333:role/prod-only');
      expect(text).toContain('repo:acme/app:ref:refs/heads/main');
      expect(text).toContain('acme/app/.github/workflows/deploy.yml@refs/heads/main');
      expect(text).toContain(`${new URL(sb.issuer.issuer).host}:sub`);
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split('.')[2]);
    });

    it('InvalidIdentityToken for a wrong audience', async () => {
      const token = await runnerToken('https://github.com/acme');
      const err = await failure(
        assumeRoleWithWebIdentity(
          await request({ webIdentityToken: token, audience: 'https://github.com/acme' }),
        ),
      );
      expect(err.code).toBe('STS_INVALID_TOKEN');
      expect(err.message).toContain('Incorrect token audience');
      expect(err.hint).toContain('audience');
      expect(sb.requestCount('sts')).toBe(1);
    });

    it('InvalidIdentityToken for a token signed by an unknown key', async () => {
      const token = await sb.issuer.mintGitHubToken({ foreignKey: true });
      const err = await failure(assumeRoleWithWebIdentity(await request({ webIdentityToken: token })));
      expect(err.code).toBe('STS_INVALID_TOKEN');
      expect(sb.requestCount('sts')).toBe(1);
    });

    it('ExpiredTokenException', async () => {
      const token = await sb.issuer.mintGitHubToken({ expiresInSeconds: -120 });
      const err = await failure(assumeRoleWithWebIdentity(await request({ webIdentityToken: token })));
      expect(err.code).toBe('STS_TOKEN_EXPIRED');
      expect(sb.requestCount('sts')).toBe(1);
    });

    it("ValidationError: duration over the role's MaxSessionDuration", async () => {
      const err = await failure(assumeRoleWithWebIdentity(await request({ durationSeconds: 7200 })));
      expect(err.code).toBe('STS_REQUEST_INVALID');
      expect(err.hint).toContain('MaxSessionDuration');
      expect(sb.requestCount('sts')).toBe(1);
    });

    it('an invalid role ARN is refused before any request', async () => {
      const err = await failure(
        assumeRoleWithWebIdentity(await request({ roleArn: 'arn:aws:iam::1234:role/x' })),
      );
      expect(err.code).toBe('AWS_ROLE_ARN_INVALID');
      expect(err.message).toContain('12 digits');
      expect(sb.requestCount('sts')).toBe(0);
    });
  });

  describe('retries retryable faults, then succeeds', () => {
    const cases: [string, Parameters<Sandbox['injectFaults']>[1]][] = [
      ['HTTP 500 twice', [{ status: 500 }, { status: 500 }]],
      ['HTTP 503', [{ status: 503 }]],
      ['HTTP 429', [{ status: 429 }]],
      ['Throttling (HTTP 400)', [THROTTLING, THROTTLING]],
      ['IDPCommunicationError (HTTP 400)', [IDP_COMMUNICATION_ERROR]],
      ['a reset connection', [{ reset: true }]],
    ];
    for (const [name, faults] of cases) {
      it(name, async () => {
        const req = await request();
        sb.injectFaults('sts', faults);
        const retries: number[] = [];
        const creds = await assumeRoleWithWebIdentity({
          ...req,
          retry: { ...FAST, onRetry: (i) => retries.push(i.attempt) },
        });
        expect(creds.accessKeyId).toMatch(/^ASIA/);
        expect(sb.requestCount('sts')).toBe(faults.length + 1);
        expect(retries).toHaveLength(faults.length);
      });
    }
  });

  it('names the provider and the last fault when attempts run out', async () => {
    const req = await request();
    sb.injectFaults('sts', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const err = await failure(assumeRoleWithWebIdentity(req));
    expect(err.code).toBe('STS_UNAVAILABLE');
    expect(err.message).toMatch(/^AWS STS AssumeRoleWithWebIdentity failed 4 times; last error: HTTP 503/);
    expect(sb.requestCount('sts')).toBe(4);
  });

  it('ends a hanging endpoint at the deadline', async () => {
    const req = await request({ deadline: new Deadline(1000), retry: { ...FAST, attemptTimeoutMs: 5000 } });
    sb.injectFaults('sts', [{ hang: true }, { hang: true }, { hang: true }, { hang: true }]);
    const err = await failure(assumeRoleWithWebIdentity(req));
    expect(err.code).toBe('STS_UNAVAILABLE');
    expect(err.message).toContain('AWS STS AssumeRoleWithWebIdentity did not succeed within the 1s deadline');
    expect(err.message).toContain('request timed out');
  });

  it('times out one hanging attempt and retries', async () => {
    const req = await request({ retry: { ...FAST, attemptTimeoutMs: 1000 } });
    sb.injectFaults('sts', [{ hang: true }]);
    const creds = await assumeRoleWithWebIdentity(req);
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    expect(sb.requestCount('sts')).toBe(2);
  });
});

describe('roleSessionName', () => {
  it('is <agent>@<run_id>', () => {
    expect(roleSessionName('deploy-bot', '9876543210')).toBe('deploy-bot@9876543210');
    expect(roleSessionName('deploy-bot', 9876543210, 1)).toBe('deploy-bot@9876543210');
  });
  it('adds the attempt on re-runs', () => {
    expect(roleSessionName('deploy-bot', '42', '3')).toBe('deploy-bot@42-3');
  });
  it('replaces characters STS rejects', () => {
    expect(roleSessionName('my bot/v2:ß', '42')).toBe('my-bot-v2--@42');
    expect(roleSessionName('', '42')).toBe('agent@42');
  });
  it('keeps the run id when cutting to 64 characters', () => {
    const name = roleSessionName('a'.repeat(80), '12345678901');
    expect(name).toHaveLength(64);
    expect(name.endsWith('@12345678901')).toBe(true);
    expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});

describe('validateRoleArn and prepareSessionPolicy', () => {
  it('accepts role ARNs with paths and partitions', () => {
    expect(() => validateRoleArn('arn:aws:iam::111122223333:role/ci/deployer')).not.toThrow();
    expect(() => validateRoleArn('arn:aws-us-gov:iam::111122223333:role/x')).not.toThrow();
  });
  it('explains common mistakes', () => {
    expect(() => validateRoleArn('arn:aws:sts::111122223333:assumed-role/x/y')).toThrow(/assumed-role/);
    expect(() => validateRoleArn('arn:aws:iam::111122223333:user/bob')).toThrow(/user ARN/);
    expect(() => validateRoleArn('deployer')).toThrow(/not an IAM role ARN/);
  });
  it('minifies, and locates JSON syntax errors', () => {
    expect(prepareSessionPolicy('{\n  "Statement": []\n}')).toBe('{"Statement":[]}');
    try {
      prepareSessionPolicy('{\n  "Statement": [,]\n}', 'policies/iam/scope.json');
      expect.unreachable();
    } catch (err) {
      expect((err as AstlError).code).toBe('AWS_SESSION_POLICY_INVALID');
      expect((err as AstlError).location).toMatchObject({ file: 'policies/iam/scope.json', line: 2 });
    }
  });
  it('finds the offset of JSON syntax errors', () => {
    const cases: [string, number][] = [
      ['{,}', 1],
      ['{"a":1,}', 7],
      ['[1,2', 4],
      ['{"a" 1}', 5],
      ['tru', 3],
      ['[1] x', 4],
      ['', 0],
    ];
    for (const [text, offset] of cases) expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
    const valid = '{"a":[1,2,{"b":null}],"c":"x\\"y","d":-1.5e3}';
    expect(jsonErrorOffset(valid)).toBe(valid.length);
  });
  it('caps the minified size at 2048 characters', () => {
    const big = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'x'.repeat(2100) }],
    });
    expect(() => prepareSessionPolicy(big)).toThrow(/at most 2048/);
  });
});
