import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AstlError, Deadline } from '../../packages/core/index.js';
import { stsOperationUrl } from '../../packages/providers/aws.js';
import {
  type AssumeRoleRequest,
  assumeRoleWithWebIdentity,
  jsonErrorOffset,
  parseAssumeRoleResponse,
  parseStsError,
  prepareSessionPolicy,
  requestGitHubIdToken,
  resolveStsEndpoint,
  roleSessionName,
  validateRoleArn,
} from '../../packages/providers/index.js';
import { parseXml, XmlError } from '../../packages/providers/xml.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { IDP_COMMUNICATION_ERROR, stsErrorXml, THROTTLING } from '../servers/sts.js';

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

describe('resolveStsEndpoint', () => {
  // The SDK itself (a dev dependency) is the reference: same region and flags, same URL.
  const sdk = new STSClient({ region: 'us-east-1' });
  const cases: [string, boolean, boolean][] = [];
  for (const region of [
    'us-east-1',
    'eu-west-1',
    'ap-southeast-2',
    'il-central-1',
    'cn-north-1',
    'us-gov-west-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'eusc-de-east-1',
  ]) {
    for (const fips of [false, true]) for (const dual of [false, true]) cases.push([region, fips, dual]);
  }
  cases.push(['aws-global', false, false]);

  it.each(cases)('%s fips=%s dualstack=%s is what the SDK resolves', async (region, fips, dual) => {
    const expected = (
      await sdk.config.endpointProvider({
        Region: region,
        UseFIPS: fips,
        UseDualStack: dual,
        UseGlobalEndpoint: false,
      })
    ).url.href;
    const env = { AWS_USE_FIPS_ENDPOINT: String(fips), AWS_USE_DUALSTACK_ENDPOINT: dual ? 'TRUE' : '' };
    expect(new URL(resolveStsEndpoint(region, env)).href).toBe(expected);
  });

  it('honours AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, unless told to ignore them', () => {
    const both = { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9/sts', AWS_ENDPOINT_URL: 'http://127.0.0.1:8' };
    expect(resolveStsEndpoint('eu-west-1', both)).toBe('http://127.0.0.1:9/sts');
    expect(resolveStsEndpoint('eu-west-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:8' })).toBe(
      'http://127.0.0.1:8',
    );
    expect(resolveStsEndpoint('eu-west-1', { ...both, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBe(
      'https://sts.eu-west-1.amazonaws.com',
    );
  });

  it('refuses what the SDK refuses', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as AstlError).code;
      }
      return 'no error';
    };
    expect(
      code(() =>
        resolveStsEndpoint('eu-west-1', { AWS_ENDPOINT_URL_STS: 'http://x', AWS_USE_FIPS_ENDPOINT: 'true' }),
      ),
    ).toBe('AWS_CONFIG_INVALID');
    expect(code(() => resolveStsEndpoint('eu-west-1', { AWS_USE_DUALSTACK_ENDPOINT: 'yes' }))).toBe(
      'AWS_CONFIG_INVALID',
    );
    expect(code(() => resolveStsEndpoint('eu-west-1', { AWS_ENDPOINT_URL_STS: 'ftp://x' }))).toBe(
      'AWS_CONFIG_INVALID',
    );
  });
});

describe('the STS answer is untrusted input', () => {
  const ok = (creds: string) => `<?xml version="1.0" encoding="UTF-8"?>
<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>repo:acme/app:ref:refs/heads/main</SubjectFromWebIdentityToken>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::111122223333:assumed-role/deployer/bot@1</Arn>
      <AssumedRoleId>AROAEXAMPLE:bot@1</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>${creds}</Credentials>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;
  const CREDS =
    '<AccessKeyId>ASIAEXAMPLEKEY000001</AccessKeyId><SecretAccessKey>wJalr/K7MDENG+bPxRfiCY&amp;KEY</SecretAccessKey>' +
    '<SessionToken><![CDATA[FwoGZXIvYXdzE<&>]]></SessionToken><Expiration>2031-01-01T00:15:00Z</Expiration>';

  it('reads the credentials, entities and CDATA decoded', () => {
    const c = parseAssumeRoleResponse(ok(CREDS), 'bot@1', 'arn:aws:iam::111122223333:role/deployer');
    expect(c).toMatchObject({
      accessKeyId: 'ASIAEXAMPLEKEY000001',
      secretAccessKey: 'wJalr/K7MDENG+bPxRfiCY&KEY',
      sessionToken: 'FwoGZXIvYXdzE<&>',
      assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/deployer/bot@1',
    });
    expect(c.expiration.toISOString()).toBe('2031-01-01T00:15:00.000Z');
  });

  it('refuses a malformed answer without quoting it', () => {
    const secret = 'wJalrXUtnFEMI-SECRET';
    for (const bad of [
      ok(CREDS.replace('</Expiration>', '')),
      ok(CREDS.replace('ASIAEXAMPLEKEY000001', 'not a key')).replace('wJalr', secret),
      ok(CREDS.replace('2031-01-01T00:15:00Z', 'soon')).replace('wJalr', secret),
      `<!DOCTYPE x [<!ENTITY a "${secret}">]>${ok(CREDS)}`,
      `<html><body>${secret}</body></html>`,
    ]) {
      let err: unknown;
      try {
        parseAssumeRoleResponse(bad, 'bot@1', 'arn:aws:iam::111122223333:role/deployer');
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(AstlError);
      expect((err as AstlError).code).toBe('STS_RESPONSE_INVALID');
      expect((err as AstlError).format()).not.toContain(secret);
    }
    expect(() => parseAssumeRoleResponse(ok(''), 'b', 'r')).toThrow(/without credentials/);
    expect(() => parseAssumeRoleResponse(stsErrorXml('AccessDenied', 'no'), 'b', 'r')).toThrow(
      /an ErrorResponse \(AccessDenied\) with a 2xx status/,
    );
  });

  it('parseXml bounds depth, element count and size, and refuses DOCTYPE and processing instructions', () => {
    const nested = `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`;
    expect(() => parseXml(nested)).toThrow(/deeper than 16/);
    expect(() => parseXml(`<r>${'<i/>'.repeat(600)}</r>`)).toThrow(/more than 512 elements/);
    expect(() => parseXml(`<r>${'x'.repeat(70_000)}</r>`)).toThrow(/larger than/);
    expect(() => parseXml('<!DOCTYPE r><r/>')).toThrow(XmlError);
    expect(() => parseXml('<r><?php x ?></r>')).toThrow(XmlError);
    expect(() => parseXml('<r>&custom;</r>')).toThrow(/entity/);
    expect(() => parseXml('<r>&#0;</r>')).toThrow(/character reference/);
    expect(() => parseXml('<r><a></b></r>')).toThrow(/expected <\/a>/);
    expect(() => parseXml('<r/><s/>')).toThrow(/after the root/);
    expect(parseXml('<?xml version="1.0"?><!-- c --><p:r a="1" b=\'2\'>x&#x41;&#66;<c/>y</p:r>')).toEqual({
      name: 'r',
      text: 'xABy',
      children: [{ name: 'c', text: '', children: [] }],
    });
  });

  it('reads STS error documents, and a proxy page as plain text', () => {
    expect(parseStsError(stsErrorXml('AccessDenied', 'Not authorized <to> & so on'))).toEqual({
      code: 'AccessDenied',
      message: 'Not authorized <to> & so on',
    });
    expect(parseStsError('<html><h1>502 Bad Gateway</h1></html>')).toEqual({ message: '502 Bad Gateway' });
  });

  it('refuses what the SDK refuses (a repeated field, a non-RFC 3339 Expiration) and credentials with control characters', () => {
    const secret = 'wJalrXUtnFEMI-SECRET';
    const cases: [string, RegExp][] = [
      [ok(`${CREDS}<AccessKeyId>ASIASECONDKEY0000002</AccessKeyId>`), /more than one <AccessKeyId>/],
      [
        ok(CREDS.replace('</SessionToken>', `</SessionToken><SessionToken>${secret}</SessionToken>`)),
        /more than one <SessionToken>/,
      ],
      [
        ok(CREDS.replace('wJalr/K7MDENG', `${secret}\nNODE_OPTIONS=--require=/tmp/x`)),
        /SecretAccessKey holds characters/,
      ],
      [ok(CREDS.replace('FwoGZXIvYXdzE', `${secret} tok`)), /SessionToken holds characters/],
      [ok(CREDS.replace('2031-01-01T00:15:00Z', '12/31/2031')), /not an RFC 3339 timestamp/],
      [
        ok(CREDS.replace('2031-01-01T00:15:00Z', 'Wed, 01 Jan 2031 00:15:00 GMT')),
        /not an RFC 3339 timestamp/,
      ],
    ];
    for (const [bad, why] of cases) {
      const err = (() => {
        try {
          parseAssumeRoleResponse(bad, 'bot@1', 'arn:aws:iam::111122223333:role/deployer');
        } catch (e) {
          return e as AstlError;
        }
      })();
      expect(err, bad).toBeInstanceOf(AstlError);
      expect(err?.code).toBe('STS_RESPONSE_INVALID');
      expect(err?.message).toMatch(why);
      expect(err?.format()).not.toContain(secret);
    }
    // What the SDK reads too: whitespace around values (trimmed here), a namespace prefix,
    // an offset instead of Z.
    const prefixed = ok(CREDS.replace('2031-01-01T00:15:00Z', ' 2031-01-01T01:15:00+01:00\n'))
      .replace(/<(\/?)([A-Z])/g, '<$1sts:$2')
      .replace('xmlns=', 'xmlns:sts=');
    const c = parseAssumeRoleResponse(prefixed, 'bot@1', 'arn:aws:iam::111122223333:role/deployer');
    expect(c.accessKeyId).toBe('ASIAEXAMPLEKEY000001');
    expect(c.expiration.toISOString()).toBe('2031-01-01T00:15:00.000Z');
  });

  it('posts to a configured endpoint with a path as the SDK does (trailing /), also at an IPv6 literal', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      req.resume();
      req.on('end', () => res.end(ok(CREDS)));
    });
    await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
    const base = `http://[::1]:${(server.address() as AddressInfo).port}`;
    try {
      const req = await request({
        webIdentityToken: 'eyJhbGciOiJub25lIn0.e30.',
        env: { AWS_ENDPOINT_URL_STS: `${base}/gateway/sts` },
      });
      const creds = await assumeRoleWithWebIdentity(req);
      expect(creds.accessKeyId).toBe('ASIAEXAMPLEKEY000001');
      await assumeRoleWithWebIdentity({ ...req, endpoint: base });
      expect(seen).toEqual(['/gateway/sts/', '/']);
      expect(stsOperationUrl('https://sts.us-east-1.amazonaws.com')).toBe(
        'https://sts.us-east-1.amazonaws.com/',
      );
    } finally {
      server.close();
    }
  });

  it('a retried error that echoes the token keeps it out of the final message; Retry-After sets the wait', async () => {
    const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJlY2hvIn0.c2lnbmF0dXJlLXZhbHVl';
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(503, { 'content-type': 'text/xml', 'retry-after': '2' });
        res.end(stsErrorXml('ServiceUnavailable', `busy, your token was ${token}`));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const delays: number[] = [];
    try {
      const err = await failure(
        assumeRoleWithWebIdentity(
          await request({
            webIdentityToken: token,
            endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
            retry: { ...FAST, attempts: 2, onRetry: (i) => delays.push(i.delayMs), sleep: async () => {} },
          }),
        ),
      );
      expect(err.code).toBe('STS_UNAVAILABLE');
      expect(err.format()).toContain('ServiceUnavailable');
      expect(err.format()).not.toContain(token);
      expect(err.format()).not.toContain('c2lnbmF0dXJlLXZhbHVl');
      expect(delays).toEqual([2000]);
    } finally {
      server.close();
    }
  });

  it('an endpoint answering 200 with anything but credentials fails at once, naming the endpoint setting', async () => {
    const req = await request();
    sb.injectFaults('sts', [{ status: 200, message: '<html>login page</html>' }]);
    const err = await failure(assumeRoleWithWebIdentity(req));
    expect(err.code).toBe('STS_RESPONSE_INVALID');
    expect(err.hint).toContain('AWS_ENDPOINT_URL_STS');
    expect(sb.requestCount('sts')).toBe(1);
  });
});
