/**
 * AWS STS AssumeRoleWithWebIdentity through `@aws-sdk/client-sts`. The SDK's own retries are off
 * (maxAttempts 1) so the retry policy is ours: network faults, 5xx, Throttling and
 * IDPCommunicationError are retried with jitter; AccessDenied, InvalidIdentityToken,
 * ExpiredTokenException and ValidationError fail at once with a diagnosis. The SDK honours
 * `AWS_ENDPOINT_URL_STS` (and `AWS_ENDPOINT_URL`), so the same code runs against any
 * STS-compatible endpoint.
 */
import { readFileSync } from 'node:fs';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AstlError, type Deadline, isNetworkFault, withRetry } from '../core/index.js';
import { diagnoseStsError } from './diagnose.js';
import { sanitizeFetchError } from './oidc.js';
import {
  DEFAULT_RETRY,
  exhausted,
  ProviderHttpError,
  ProviderNetworkError,
  type RetrySettings,
  retryOptions,
} from './retry-policy.js';

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
  /** Explicit endpoint; default the SDK's resolution (AWS_ENDPOINT_URL_STS, then the regional endpoint). */
  endpoint?: string;
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

/** The STS error code of an SDK error, as STS spells it on the wire. */
export function stsErrorCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = err as Error & { Code?: unknown; $fault?: unknown; $metadata?: unknown };
  if (!('$metadata' in e) && !('$fault' in e)) return undefined;
  const raw = typeof e.Code === 'string' ? e.Code : e.name;
  // The SDK names modelled errors `<Code>Exception`; STS's own codes are mostly without the suffix.
  if (raw === 'ExpiredTokenException') return raw;
  return raw.replace(/Exception$/, '');
}

function httpStatus(err: unknown): number | undefined {
  const s = (err as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return typeof s === 'number' ? s : undefined;
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

  const attemptTimeoutMs = req.retry?.attemptTimeoutMs ?? DEFAULT_RETRY.attemptTimeoutMs;
  const client = new STSClient({
    region: req.region,
    maxAttempts: 1,
    ...(req.endpoint ? { endpoint: req.endpoint } : {}),
    // Per-attempt socket timeouts; the attempt's AbortSignal also ends it at the deadline.
    requestHandler: { connectionTimeout: attemptTimeoutMs, requestTimeout: attemptTimeoutMs },
  });
  const isRetryable = (err: unknown) =>
    err instanceof ProviderNetworkError ||
    (err instanceof ProviderHttpError &&
      (err.status >= 500 || err.status === 429 || RETRYABLE_STS_CODES.has(err.providerCode ?? '')));

  try {
    return await withRetry(
      async (signal) => {
        try {
          const out = await client.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: req.roleArn,
              RoleSessionName: req.sessionName,
              WebIdentityToken: req.webIdentityToken,
              DurationSeconds: req.durationSeconds,
              ...(policy ? { Policy: policy } : {}),
            }),
            { abortSignal: signal },
          );
          const c = out.Credentials;
          if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
            throw new AstlError('AWS STS answered AssumeRoleWithWebIdentity without credentials', {
              code: 'STS_REQUEST_FAILED',
            });
          }
          return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            sessionToken: c.SessionToken,
            expiration: new Date(c.Expiration),
            assumedRoleArn: out.AssumedRoleUser?.Arn ?? req.roleArn,
            sessionName: req.sessionName,
          };
        } catch (err) {
          throw classifyStsFailure(err, signal, req);
        }
      },
      retryOptions('AWS STS AssumeRoleWithWebIdentity', req.deadline, isRetryable, req.retry),
    );
  } catch (err) {
    exhausted(
      err,
      'STS_UNAVAILABLE',
      'AWS STS did not answer in time; re-run the job, or check AWS_ENDPOINT_URL_STS and the network.',
    );
  } finally {
    client.destroy();
  }
}

/**
 * SDK errors become a diagnosis (every 4xx but Throttling/IDPCommunicationError fails fast:
 * AccessDenied, InvalidIdentityToken, ExpiredTokenException, ValidationError, ...), a
 * ProviderHttpError (5xx, 429, retryable codes) or a ProviderNetworkError: never the raw SDK error.
 */
function classifyStsFailure(err: unknown, signal: AbortSignal, req: AssumeRoleRequest): Error {
  if (err instanceof AstlError) return err;
  const code = stsErrorCode(err);
  const status = httpStatus(err);
  const failFast =
    status !== undefined &&
    status < 500 &&
    status !== 429 &&
    (code === undefined || !RETRYABLE_STS_CODES.has(code));
  if (failFast) {
    return diagnoseStsError(code ?? `HTTP ${status}`, (err as Error).message, {
      roleArn: req.roleArn,
      audience: req.audience,
      sessionName: req.sessionName,
      webIdentityToken: req.webIdentityToken,
    });
  }
  if (status !== undefined) {
    return new ProviderHttpError(status, code, (err as Error).message.slice(0, 300));
  }
  if (
    signal.aborted ||
    (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))
  ) {
    return new ProviderNetworkError('request timed out', 'TimeoutError');
  }
  if (isNetworkFault(err) || err instanceof Error) {
    const clean = sanitizeFetchError(err);
    // The SDK's deserialiser fails on a truncated answer (reset mid-body): a transport fault too.
    return clean instanceof ProviderNetworkError ? clean : new ProviderNetworkError(clean.message);
  }
  return new ProviderNetworkError(String(err));
}
