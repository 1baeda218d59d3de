/**
 * What every GitHub REST call shares: the request under the retry policy (GitHub's rate-limit
 * headers honoured within the deadline), GitHub's answer reduced to its one-line `message`, and
 * `DELETE /installation/token`, which is all the post step needs (the mint's calls are in
 * github-app.ts, loaded only when a token is minted).
 *
 * Reference: https://docs.github.com/rest (API version 2022-11-28) and
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { AstlError } from '../core/errors.js';
import { type HttpResponse, parseRetryAfter } from '../core/http.js';
import { type Deadline, isNetworkFault, RetryExhaustedError, withRetry } from '../core/retry.js';
import {
  ProviderHttpError,
  type RetrySettings,
  retryOptions,
  scrubSecret,
  sendAttempt,
  shortMessage,
} from './retry-policy.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
export const GITHUB_API_VERSION = '2022-11-28';
/** GitHub's answers here are small JSON documents; a repository list page is the largest. */
const MAX_GITHUB_RESPONSE_BYTES = 2 * 1024 * 1024;
/** GitHub asks for at least a minute after a secondary rate limit without a retry-after header. */
const SECONDARY_RATE_LIMIT_WAIT_MS = 60_000;

export interface GitHubCall {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string;
  deadline: Deadline;
  retry?: RetrySettings;
  /** Clock for rate-limit resets (tests pin it). */
  now?: () => number;
}

/** A GitHub answer reduced to status, GitHub's one-line message and the rate-limit facts. */
export class GitHubHttpError extends ProviderHttpError {
  constructor(
    status: number,
    message: string,
    /** The wait GitHub asked for, in ms, when this answer is a rate limit (retryOptions honours it). */
    retryAfterMs: number | undefined,
    readonly rateLimited: boolean,
  ) {
    super(status, undefined, message, retryAfterMs);
    this.name = 'GitHubHttpError';
  }
}

const isRetryable = (err: unknown) =>
  isNetworkFault(err) ||
  (err instanceof GitHubHttpError && (err.status >= 500 || err.status === 429 || err.rateLimited));

function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Whether an answer is a rate limit and how long GitHub asks to wait, following
 * https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api: `retry-after`
 * (seconds or an HTTP date) first, then `x-ratelimit-reset` (epoch seconds) when `x-ratelimit-remaining` is 0,
 * else a minute for a secondary rate limit.
 */
export function rateLimitOf(
  status: number,
  headers: Record<string, string | undefined>,
  message: string,
  now: number,
): { rateLimited: boolean; retryAfterMs?: number } {
  if (status !== 403 && status !== 429) return { rateLimited: false };
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
  if (retryAfterMs !== undefined) return { rateLimited: true, retryAfterMs };
  const reset = headers['x-ratelimit-reset'];
  if (headers['x-ratelimit-remaining'] === '0' && reset !== undefined && /^\d+$/.test(reset.trim())) {
    return { rateLimited: true, retryAfterMs: Math.max(0, Number(reset.trim()) * 1000 - now) };
  }
  if (/secondary rate limit|abuse detection/i.test(message)) {
    return { rateLimited: true, retryAfterMs: SECONDARY_RATE_LIMIT_WAIT_MS };
  }
  return { rateLimited: status === 429 };
}

/** GitHub's `{"message": ...}` (or octo-sts's `{"code", "message"}`) as one printable line. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return shortMessage(body.message);
  } catch {
    // a proxy's page, or nothing
  }
  return shortMessage(text, 200);
}

/** The credential in `Bearer <credential>`. */
function bearerOf(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}

export interface GitHubApiCall {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** `Bearer <jwt or token>`. */
  authorization: string;
  body?: unknown;
}

/**
 * One call under the retry policy. Resolves the parsed JSON body of a 2xx answer (undefined for
 * 204); a non-retryable answer goes through `onRefusal` to an AstlError.
 */
export async function githubRequest(
  call: GitHubCall,
  what: string,
  api: GitHubApiCall,
  onRefusal: (err: GitHubHttpError) => AstlError | 'already-invalid',
  unavailableCode = 'GITHUB_UNAVAILABLE',
): Promise<unknown> {
  const now = call.now ?? Date.now;
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': GITHUB_API_VERSION,
    authorization: api.authorization,
  };
  let body: string | undefined;
  if (api.body !== undefined) {
    body = JSON.stringify(api.body);
    headers['content-type'] = 'application/json';
  }
  try {
    return await withRetry(
      async (signal) => {
        const res = await sendAttempt(
          api.url,
          { method: api.method, headers, body, signal, maxResponseBytes: MAX_GITHUB_RESPONSE_BYTES },
          what,
          'GITHUB_REQUEST_FAILED',
        );
        const text = res.text();
        if (res.status >= 200 && res.status < 300) {
          if (!text.trim()) return undefined;
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new AstlError(`${what}: the answer (HTTP ${res.status}) is not JSON`, {
              code: 'GITHUB_RESPONSE_INVALID',
              hint: 'check that GITHUB_API_URL (or sts-url) points at the API itself, not a web page or a proxy.',
            });
          }
        }
        // An answer that echoes what we sent (a proxy's page, an STS quoting the OIDC token)
        // must not carry the JWT or token into a refusal or a retry's final message.
        const message = messageOf(scrubSecret(text, bearerOf(api.authorization)));
        const limit = rateLimitOf(
          res.status,
          {
            'retry-after': header(res, 'retry-after'),
            'x-ratelimit-remaining': header(res, 'x-ratelimit-remaining'),
            'x-ratelimit-reset': header(res, 'x-ratelimit-reset'),
          },
          message,
          now(),
        );
        const err = new GitHubHttpError(res.status, message, limit.retryAfterMs, limit.rateLimited);
        if (isRetryable(err)) throw err;
        const refusal = onRefusal(err);
        if (refusal === 'already-invalid') return refusal;
        throw refusal;
      },
      retryOptions(what, call.deadline, isRetryable, call.retry),
    );
  } catch (err) {
    if (!(err instanceof RetryExhaustedError)) throw err;
    const last = err.lastError;
    const limited = last instanceof GitHubHttpError && last.rateLimited;
    throw new AstlError(err.message, {
      code: limited ? 'GITHUB_RATE_LIMITED' : unavailableCode,
      hint: limited
        ? `GitHub rate-limited the App${last.serverWaitMs !== undefined ? ` and asked to wait until ${new Date(now() + last.serverWaitMs).toISOString()}` : ''}; re-run the job then, or spread the jobs that use this App over time.`
        : `${what} did not succeed in time; re-run the job, or check GITHUB_API_URL (or sts-url) and the network.`,
    });
  }
}

export function apiBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '');
}

export interface InstallationTokenCall extends GitHubCall {
  token: string;
}

/**
 * `DELETE /installation/token`: 204 revokes; 401 means the token is already invalid (expired or
 * revoked). Anything else is an AstlError.
 */
export async function revokeInstallationToken(
  req: InstallationTokenCall,
): Promise<'revoked' | 'already-invalid'> {
  const outcome = await githubRequest(
    req,
    'GitHub installation token revocation',
    {
      method: 'DELETE',
      url: `${apiBase(req.apiUrl)}/installation/token`,
      authorization: `Bearer ${req.token}`,
    },
    (err) =>
      err.status === 401
        ? 'already-invalid'
        : new AstlError(`GitHub refused revoking the installation token: ${err.message}`, {
            code: 'GITHUB_REVOKE_FAILED',
          }),
  );
  return outcome === 'already-invalid' ? outcome : 'revoked';
}
