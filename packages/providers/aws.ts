/**
 * AWS STS AssumeRoleWithWebIdentity over the Query API: an unsigned form POST answered in XML
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html), so no
 * SDK is needed to mint. The endpoint is resolved as the AWS SDK for JavaScript v3 resolves it
 * (`AWS_ENDPOINT_URL_STS`, then `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`;
 * else the regional endpoint of the region's partition, with `AWS_USE_FIPS_ENDPOINT` and
 * `AWS_USE_DUALSTACK_ENDPOINT`), so the same code runs against any STS-compatible endpoint.
 * Retries: network faults, 5xx, 429, Throttling and IDPCommunicationError, with jitter;
 * AccessDenied, InvalidIdentityToken, ExpiredTokenException, ValidationError and every other
 * 4xx fail at once with a diagnosis. The XML answer is untrusted: parsed strictly and bounded.
 */
import { readFileSync } from 'node:fs';
import { AstlError } from '../core/errors.js';
import { parseRetryAfter } from '../core/http.js';
import { type Deadline, isNetworkFault, withRetry } from '../core/retry.js';
import { diagnoseStsError } from './diagnose.js';
import {
  exhausted,
  ProviderHttpError,
  type RetrySettings,
  retryOptions,
  scrubSecret,
  sendAttempt,
  shortMessage,
} from './retry-policy.js';
import { parseXml, type XmlElement, xmlChild, xmlText } from './xml.js';

export interface AssumeRoleRequest {
  roleArn: string;
  region: string;
  sessionName: string;
  durationSeconds: number;
  webIdentityToken: string;
  /** Session policy JSON text (validated, minified, capped at 2048 characters). */
  sessionPolicy?: string;
  /** Where `sessionPolicy` came from, for error locations. */
  sessionPolicyFile?: string;
  /** The audience the token was requested for (diagnostics only). */
  audience?: string;
  /** Explicit endpoint; default `resolveStsEndpoint(region, env)`. */
  endpoint?: string;
  /** Environment for the SDK's endpoint settings; default process.env. */
  env?: Record<string, string | undefined>;
  deadline: Deadline;
  retry?: RetrySettings;
}

export interface AwsSessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleArn: string;
  sessionName: string;
}

/** STS error codes worth another attempt. */
const RETRYABLE_STS_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'IDPCommunicationError',
]);

const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
export const MAX_SESSION_POLICY_CHARS = 2048;

/** Throws AWS_ROLE_ARN_INVALID unless `arn` is an IAM role ARN. */
export function validateRoleArn(arn: string, source = 'aws-role-arn'): void {
  if (ROLE_ARN.test(arn)) return;
  let why = 'expected arn:aws:iam::<12-digit account id>:role/<name>';
  if (/^arn:aws[\w-]*:sts::/.test(arn)) why = 'this is an assumed-role (STS) ARN; use the IAM role ARN';
  else if (/^arn:aws[\w-]*:iam::\d{12}:user\//.test(arn))
    why = 'this is an IAM user ARN; OIDC federation needs a role';
  else if (/^arn:aws[\w-]*:iam::(?!\d{12}:)/.test(arn)) why = 'the account id must be 12 digits';
  throw new AstlError(`${source}: "${arn}" is not an IAM role ARN (${why})`, {
    code: 'AWS_ROLE_ARN_INVALID',
    hint: 'copy the role ARN from the IAM console (Roles > your role > ARN).',
    fix: 'aws-role-arn: arn:aws:iam::111122223333:role/my-ci-role',
  });
}

/**
 * `<agent>@<run_id>` (with `-<attempt>` when the run is re-attempted), characters STS rejects
 * replaced by `-`, cut to 64 characters by shortening the agent name so the run id survives.
 */
export function roleSessionName(agent: string, runId: string | number, attempt?: string | number): string {
  const clean = (s: string) => s.replace(/[^\w+=,.@-]/g, '-');
  const attemptPart =
    attempt !== undefined && String(attempt) !== '' && String(attempt) !== '1'
      ? `-${clean(String(attempt))}`
      : '';
  const suffix = `@${clean(String(runId))}${attemptPart}`;
  if (suffix.length >= 64) return suffix.slice(suffix.length - 64);
  const name = clean(agent) || 'agent';
  return `${name.slice(0, 64 - suffix.length)}${suffix}`;
}

/** Validates and minifies a session policy; errors point at the file (with line and column for JSON syntax). */
export function prepareSessionPolicy(text: string, file = 'session policy'): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const at = lineColumn(text, offset);
    const found =
      offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'unexpected end of input';
    throw new AstlError(
      `The session policy is not valid JSON: ${found} at line ${at.line}, column ${at.column}`,
      {
        code: 'AWS_SESSION_POLICY_INVALID',
        location: { file, ...at },
        hint: 'a session policy is an IAM policy document: {"Version": "2012-10-17", "Statement": [...]}.',
      },
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('Statement' in doc)) {
    throw new AstlError('The session policy must be an IAM policy document object with a "Statement"', {
      code: 'AWS_SESSION_POLICY_INVALID',
      location: { file },
      fix: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}',
    });
  }
  const minified = JSON.stringify(doc);
  if (minified.length > MAX_SESSION_POLICY_CHARS) {
    throw new AstlError(
      `The session policy is ${minified.length} characters after minifying; STS accepts at most ${MAX_SESSION_POLICY_CHARS}`,
      {
        code: 'AWS_SESSION_POLICY_INVALID',
        location: { file },
        hint: 'shorten it: merge statements, use wildcards in resource paths, or attach a managed policy to the role instead.',
      },
    );
  }
  return minified;
}

/** Reads, validates and minifies a session policy file. */
export function readSessionPolicy(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AstlError(
      `Cannot read the session policy file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      {
        code: 'AWS_SESSION_POLICY_INVALID',
        location: { file },
        hint: 'the path is relative to the workspace; check it exists in the checkout.',
      },
    );
  }
  return prepareSessionPolicy(text, file);
}

/**
 * Offset of the first JSON syntax error (Node 20's JSON.parse messages carry no position).
 * A small recursive-descent scan; only called after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail();
    i++;
  };
  const literal = (word: string) => {
    for (const ch of word) expect(ch);
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    expect('"');
  };
  // Items of an object or array up to `close`, each parsed by `item`.
  const items = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      expect(',');
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      items('}', () => {
        ws();
        string();
        ws();
        expect(':');
        value();
      });
    } else if (ch === '[') {
      items(']', value);
    } else if (ch === '"') {
      string();
    } else if (ch === 't') {
      literal('true');
    } else if (ch === 'f') {
      literal('false');
    } else if (ch === 'n') {
      literal('null');
    } else {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail();
      i += m?.[0].length ?? 0;
    }
  };
  try {
    value();
    ws();
    return i;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The largest STS answer read; a real one is about 2 KB (the session token dominates). */
const MAX_STS_RESPONSE_BYTES = 64 * 1024;

interface Partition {
  name: string;
  regionRegex: RegExp;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
}

/**
 * The AWS partitions, as the SDK's partitions.json lists them (all support FIPS and dual-stack);
 * a region no regex matches belongs to `aws`, as in the SDK.
 */
const PARTITIONS: Partition[] = [
  {
    name: 'aws-cn',
    regionRegex: /^cn-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com.cn',
    dualStackDnsSuffix: 'api.amazonwebservices.com.cn',
  },
  {
    name: 'aws-eusc',
    regionRegex: /^eusc-(de)-\w+-\d+$/,
    dnsSuffix: 'amazonaws.eu',
    dualStackDnsSuffix: 'api.amazonwebservices.eu',
  },
  {
    name: 'aws-iso',
    regionRegex: /^us-iso-\w+-\d+$/,
    dnsSuffix: 'c2s.ic.gov',
    dualStackDnsSuffix: 'api.aws.ic.gov',
  },
  {
    name: 'aws-iso-b',
    regionRegex: /^us-isob-\w+-\d+$/,
    dnsSuffix: 'sc2s.sgov.gov',
    dualStackDnsSuffix: 'api.aws.scloud',
  },
  {
    name: 'aws-iso-e',
    regionRegex: /^eu-isoe-\w+-\d+$/,
    dnsSuffix: 'cloud.adc-e.uk',
    dualStackDnsSuffix: 'api.cloud-aws.adc-e.uk',
  },
  {
    name: 'aws-iso-f',
    regionRegex: /^us-isof-\w+-\d+$/,
    dnsSuffix: 'csp.hci.ic.gov',
    dualStackDnsSuffix: 'api.aws.hci.ic.gov',
  },
  {
    name: 'aws-us-gov',
    regionRegex: /^us-gov-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com',
    dualStackDnsSuffix: 'api.aws',
  },
];
const AWS_PARTITION: Partition = {
  name: 'aws',
  regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
  dnsSuffix: 'amazonaws.com',
  dualStackDnsSuffix: 'api.aws',
};

/** An SDK boolean setting: unset is false, `true`/`false` in any case, anything else an error. */
function envFlag(env: Record<string, string | undefined>, name: string): boolean {
  const raw = env[name]?.trim();
  if (!raw) return false;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  throw new AstlError(`${name} is "${raw}"; the AWS SDKs accept only true or false`, {
    code: 'AWS_CONFIG_INVALID',
    fix: `${name}: "true"`,
  });
}

/**
 * The STS endpoint for `region`, by the rules of the SDK for JavaScript v3's STS endpoint ruleset
 * (regional endpoints; `aws-global` is the legacy global endpoint):
 * 1. `AWS_ENDPOINT_URL_STS`, else `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`
 *    is true (a configured endpoint cannot be combined with FIPS or dual-stack);
 * 2. `https://sts[-fips].<region>.<dnsSuffix | dualStackDnsSuffix>` of the region's partition
 *    (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`); FIPS alone in aws-us-gov is
 *    `https://sts.<region>.amazonaws.com`.
 * The shared config file (~/.aws/config `endpoint_url`) is not read: CI runners configure AWS
 * through the environment. Throws AWS_CONFIG_INVALID for contradictory settings.
 */
export function resolveStsEndpoint(
  region: string,
  env: Record<string, string | undefined> = process.env,
): string {
  const fips = envFlag(env, 'AWS_USE_FIPS_ENDPOINT');
  const dualStack = envFlag(env, 'AWS_USE_DUALSTACK_ENDPOINT');
  const configured = envFlag(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS')
    ? undefined
    : env.AWS_ENDPOINT_URL_STS?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
  if (configured) {
    if (fips || dualStack) {
      throw new AstlError(
        `AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL cannot be combined with ${fips ? 'AWS_USE_FIPS_ENDPOINT' : 'AWS_USE_DUALSTACK_ENDPOINT'} (the SDKs refuse it too)`,
        { code: 'AWS_CONFIG_INVALID', hint: 'unset one of them.' },
      );
    }
    let url: URL | undefined;
    try {
      url = new URL(configured);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new AstlError(`the configured STS endpoint "${configured}" is not an http(s) URL`, {
        code: 'AWS_CONFIG_INVALID',
        fix: 'AWS_ENDPOINT_URL_STS: https://sts.us-east-1.amazonaws.com',
      });
    }
    return configured;
  }
  if (region === 'aws-global' && !fips && !dualStack) return 'https://sts.amazonaws.com';
  const p = PARTITIONS.find((x) => x.regionRegex.test(region)) ?? AWS_PARTITION;
  if (fips && dualStack) return `https://sts-fips.${region}.${p.dualStackDnsSuffix}`;
  if (fips)
    return p.name === 'aws-us-gov'
      ? `https://sts.${region}.amazonaws.com`
      : `https://sts-fips.${region}.${p.dnsSuffix}`;
  if (dualStack) return `https://sts.${region}.${p.dualStackDnsSuffix}`;
  return `https://sts.${region}.${p.dnsSuffix}`;
}

/**
 * The URL the Query request is POSTed to: the endpoint with its path ending in `/`, as the SDK
 * sends it (`https://proxy.example/sts` → POST /sts/; `https://sts.us-east-1.amazonaws.com` → POST /).
 */
export function stsOperationUrl(endpoint: string): string {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

/** The form body of AssumeRoleWithWebIdentity (Query protocol, API version 2011-06-15). */
export function assumeRoleForm(req: AssumeRoleRequest, policy: string | undefined): string {
  const form = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: req.roleArn,
    RoleSessionName: req.sessionName,
    WebIdentityToken: req.webIdentityToken,
    DurationSeconds: String(req.durationSeconds),
  });
  if (policy) form.set('Policy', policy);
  return form.toString();
}

const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
const CREDENTIAL_TEXT = /^[\x21-\x7e]+$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The credentials in an AssumeRoleWithWebIdentityResponse. Every field is checked; a malformed
 * answer is STS_RESPONSE_INVALID, whose message never quotes the answer (it holds credentials).
 */
export function parseAssumeRoleResponse(
  xml: string,
  sessionName: string,
  roleArn: string,
): AwsSessionCredentials {
  const invalid = (why: string) =>
    new AstlError(`AWS STS answered AssumeRoleWithWebIdentity with an unusable document: ${why}`, {
      code: 'STS_RESPONSE_INVALID',
      hint: 'check that AWS_ENDPOINT_URL_STS points at an STS endpoint (not a proxy or a web page).',
    });
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    throw invalid((err as Error).message);
  }
  if (root.name === 'ErrorResponse') {
    // An error with a 2xx status: a gateway in between; name STS's code, as a refusal would.
    const code = xmlText(xmlChild(root, 'Error'), 'Code');
    throw invalid(
      `an ErrorResponse${code && /^[\w.]{1,64}$/.test(code) ? ` (${code})` : ''} with a 2xx status`,
    );
  }
  if (root.name !== 'AssumeRoleWithWebIdentityResponse') throw invalid(`root element <${root.name}>`);
  const result = xmlChild(root, 'AssumeRoleWithWebIdentityResult');
  const creds = xmlChild(result, 'Credentials');
  // One of each, as the SDK insists (it refuses a repeated member): two AccessKeyIds are not
  // an answer to pick from.
  const field = (name: string): string | undefined => {
    if ((creds?.children.filter((c) => c.name === name).length ?? 0) > 1)
      throw invalid(`more than one <${name}>`);
    return xmlText(creds, name);
  };
  const accessKeyId = field('AccessKeyId');
  const secretAccessKey = field('SecretAccessKey');
  const sessionToken = field('SessionToken');
  const expirationText = field('Expiration');
  if (!accessKeyId || !secretAccessKey || !sessionToken || !expirationText) {
    throw new AstlError('AWS STS answered AssumeRoleWithWebIdentity without credentials', {
      code: 'STS_REQUEST_FAILED',
    });
  }
  if (!ACCESS_KEY_ID.test(accessKeyId)) throw invalid('the AccessKeyId is not an access key id');
  // Exported to the job's environment: printable ASCII only, no space, CR/LF or control character.
  if (!CREDENTIAL_TEXT.test(secretAccessKey))
    throw invalid('the SecretAccessKey holds characters keys never have');
  if (!CREDENTIAL_TEXT.test(sessionToken))
    throw invalid('the SessionToken holds characters tokens never have');
  // RFC 3339, as the SDK requires (Date's own parser would read "12/31/2030" in local time).
  const expiration = RFC3339.test(expirationText) ? new Date(expirationText) : new Date(Number.NaN);
  if (Number.isNaN(expiration.getTime())) throw invalid('the Expiration is not an RFC 3339 timestamp');
  const arn = xmlText(result, 'AssumedRoleUser', 'Arn');
  return {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    expiration,
    assumedRoleArn: arn && /^arn:[\w-]+:sts::\d{12}:assumed-role\/\S+$/.test(arn) ? arn : roleArn,
    sessionName,
  };
}

/** `<ErrorResponse><Error><Code/><Message/></Error></ErrorResponse>`, or nothing when the body is not one. */
export function parseStsError(xml: string): { code?: string; message: string } {
  try {
    const root = parseXml(xml);
    const error =
      root.name === 'ErrorResponse' ? xmlChild(root, 'Error') : root.name === 'Error' ? root : undefined;
    if (error) {
      const code = xmlText(error, 'Code');
      return {
        ...(code && /^[\w.]{1,64}$/.test(code) ? { code } : {}),
        message: shortMessage(xmlText(error, 'Message') ?? ''),
      };
    }
  } catch {
    // not XML: a proxy's or load balancer's page
  }
  return { message: shortMessage(xml.replace(/<[^>]*>/g, ' '), 200) };
}

/** Exchanges a web identity token for STS session credentials. */
export async function assumeRoleWithWebIdentity(req: AssumeRoleRequest): Promise<AwsSessionCredentials> {
  validateRoleArn(req.roleArn);
  if (!REGION.test(req.region)) {
    throw new AstlError(`aws-region: "${req.region}" is not an AWS region name (like us-east-1)`, {
      code: 'AWS_REGION_INVALID',
      fix: 'aws-region: us-east-1',
    });
  }
  if (!SESSION_NAME.test(req.sessionName)) {
    throw new AstlError(
      `The role session name "${req.sessionName}" must be 2-64 characters of [A-Za-z0-9_+=,.@-]`,
      {
        code: 'AWS_SESSION_NAME_INVALID',
      },
    );
  }
  if (!Number.isInteger(req.durationSeconds) || req.durationSeconds < 900 || req.durationSeconds > 43_200) {
    throw new AstlError(
      `The session duration ${req.durationSeconds}s is outside what STS allows (900s to 12h)`,
      {
        code: 'AWS_DURATION_INVALID',
        hint: 'use a duration between 15m and the role maximum (1h by default, up to 12h).',
      },
    );
  }
  const policy =
    req.sessionPolicy === undefined
      ? undefined
      : prepareSessionPolicy(req.sessionPolicy, req.sessionPolicyFile);
  const endpoint = stsOperationUrl(req.endpoint ?? resolveStsEndpoint(req.region, req.env));
  const body = assumeRoleForm(req, policy);
  const isRetryable = (err: unknown) =>
    isNetworkFault(err) ||
    (err instanceof ProviderHttpError &&
      (err.status >= 500 || err.status === 429 || RETRYABLE_STS_CODES.has(err.providerCode ?? '')));
  const what = 'AWS STS AssumeRoleWithWebIdentity';

  try {
    return await withRetry(
      async (signal) => {
        const res = await sendAttempt(
          endpoint,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
              accept: 'text/xml',
            },
            body,
            signal,
            maxResponseBytes: MAX_STS_RESPONSE_BYTES,
          },
          what,
          'STS_REQUEST_FAILED',
        );
        if (res.status >= 200 && res.status < 300) {
          return parseAssumeRoleResponse(res.text(), req.sessionName, req.roleArn);
        }
        const { code, message } = parseStsError(res.text());
        // An error that echoes the token must not carry it into a retry's final message.
        const err = new ProviderHttpError(
          res.status,
          code,
          scrubSecret(message, req.webIdentityToken),
          parseRetryAfter(res.headers['retry-after']),
        );
        if (isRetryable(err)) throw err;
        throw diagnoseStsError(code ?? `HTTP ${res.status}`, message, {
          roleArn: req.roleArn,
          audience: req.audience,
          sessionName: req.sessionName,
          webIdentityToken: req.webIdentityToken,
        });
      },
      retryOptions(what, req.deadline, isRetryable, req.retry),
    );
  } catch (err) {
    exhausted(
      err,
      'STS_UNAVAILABLE',
      'AWS STS did not answer in time; re-run the job, or check AWS_ENDPOINT_URL_STS and the network.',
    );
  }
}
