// The test servers' own contract: what the credentials tests rely on them to answer.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from './sandbox.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ environment: 'production' });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

async function runnerToken(audience: string): Promise<string> {
  const res = await fetch(`${sb.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
    headers: { authorization: `Bearer ${sb.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
  });
  return ((await res.json()) as { value: string }).value;
}

async function sts(params: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(`${sb.sts.url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Version: '2011-06-15', ...params }).toString(),
  });
  return { status: res.status, body: await res.text() };
}

describe('OIDC issuer', () => {
  it('publishes discovery and JWKS, and counts token requests', async () => {
    const disc = (await (await fetch(`${sb.issuer.url}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(disc).toMatchObject({ issuer: sb.issuer.issuer, jwks_uri: sb.issuer.jwksUrl });
    const jwks = (await (await fetch(sb.issuer.jwksUrl)).json()) as {
      keys: { kty: string; alg: string; kid: string }[];
    };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    await runnerToken('sts.amazonaws.com');
    expect(sb.requestCount('token')).toBe(1);
  });

  it('refuses a wrong request token with 401', async () => {
    const res = await fetch(`${sb.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(res.status).toBe(401);
  });
});

describe('STS', () => {
  it('answers AssumeRoleWithWebIdentity in the Query protocol', async () => {
    const token = await runnerToken('sts.amazonaws.com');
    const { status, body } = await sts({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: sb.roleArn,
      RoleSessionName: 'bot@1',
      WebIdentityToken: token,
      DurationSeconds: '900',
    });
    expect(status).toBe(200);
    expect(body).toContain(
      '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    );
    expect(body).toMatch(/<AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId>/);
    expect(body).toContain(
      '<SubjectFromWebIdentityToken>repo:acme/app:environment:production</SubjectFromWebIdentityToken>',
    );
    expect(body).toContain('<Audience>sts.amazonaws.com</Audience>');
  });

  it('validates RoleSessionName and DurationSeconds with ValidationError', async () => {
    const token = await runnerToken('sts.amazonaws.com');
    const base = { Action: 'AssumeRoleWithWebIdentity', RoleArn: sb.roleArn, WebIdentityToken: token };
    const badName = await sts({ ...base, RoleSessionName: 'has space', DurationSeconds: '900' });
    expect(badName.status).toBe(400);
    expect(badName.body).toContain('<Code>ValidationError</Code>');
    expect(badName.body).toContain("at 'roleSessionName'");
    const short = await sts({ ...base, RoleSessionName: 'ok', DurationSeconds: '899' });
    expect(short.body).toContain("at 'durationSeconds'");
    expect(sb.sts.assumeCalls.map((c) => c.outcome)).toEqual(['ValidationError', 'ValidationError']);
  });

  it('renders injected faults as STS error XML', async () => {
    sb.injectFaults('sts', [{ status: 400, code: 'Throttling' }, { status: 500 }]);
    const throttled = await sts({ Action: 'AssumeRoleWithWebIdentity' });
    expect(throttled.status).toBe(400);
    expect(throttled.body).toMatch(
      /<Type>Sender<\/Type>\s*<Code>Throttling<\/Code>\s*<Message>Rate exceeded<\/Message>/,
    );
    expect(throttled.body).toContain('<RequestId>');
    const internal = await sts({ Action: 'AssumeRoleWithWebIdentity' });
    expect(internal.status).toBe(500);
    expect(internal.body).toContain('<Code>InternalFailure</Code>');
    expect(sb.sts.pendingFaults('sts')).toBe(0);
  });

  it('GetCallerIdentity accepts issued sessions until they expire', async () => {
    const token = await runnerToken('sts.amazonaws.com');
    const { body } = await sts({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: sb.roleArn,
      RoleSessionName: 'bot@1',
      WebIdentityToken: token,
    });
    const pick = (tag: string) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(body)?.[1] ?? '';
    const credentials = {
      accessKeyId: pick('AccessKeyId'),
      secretAccessKey: pick('SecretAccessKey'),
      sessionToken: pick('SessionToken'),
    };
    const client = new STSClient({ region: 'us-east-1', endpoint: sb.sts.url, credentials, maxAttempts: 1 });
    try {
      expect((await client.send(new GetCallerIdentityCommand({}))).Arn).toContain(
        'assumed-role/astl-ci-deployer/bot@1',
      );
      sb.sts.clock.advance(3601);
      await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
        name: 'ExpiredToken',
      });
      sb.sts.clock.advance(-3601);
      const forged = new STSClient({
        region: 'us-east-1',
        endpoint: sb.sts.url,
        credentials: { ...credentials, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' },
        maxAttempts: 1,
      });
      await expect(forged.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
        name: 'InvalidClientTokenId',
      });
      forged.destroy();
    } finally {
      client.destroy();
    }
    expect(sb.requestCount('caller-identity')).toBe(3);
  });
});

describe('Vault', () => {
  it("answers unknown routes and injected faults in Vault's error shape", async () => {
    const res = await fetch(`${sb.vaultUrl}/v1/sys/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [expect.stringContaining('no handler for route')] });
    sb.injectFaults('login', [{ status: 412 }]);
    const faulted = await fetch(`${sb.vaultUrl}/v1/auth/jwt/login`, { method: 'POST', body: '{}' });
    expect(faulted.status).toBe(412);
    expect(await faulted.json()).toEqual({ errors: ['required index state not present'] });
  });

  it('hangs and resets as asked, and close() ends hanging requests', async () => {
    sb.injectFaults('kv', [{ reset: true }, { hang: true }]);
    await expect(fetch(`${sb.vaultUrl}/v1/secret/data/x`)).rejects.toThrow();
    await expect(
      fetch(`${sb.vaultUrl}/v1/secret/data/x`, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(sb.requestCount('kv')).toBe(2);
  });
});
