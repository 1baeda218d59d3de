/**
 * GitHub Actions OIDC: requesting an ID token through the runner's protocol and reading its
 * claims for diagnostics. The token is a bearer credential: it is returned to the caller and
 * never put in an error message.
 */
import { decodeJwt } from 'jose';
import { AstlError } from '../core/errors.js';
import { type Deadline, isNetworkFault, isRetryableStatus, withRetry } from '../core/retry.js';
import {
  exhausted,
  ProviderHttpError,
  type RetrySettings,
  retryOptions,
  sendAttempt,
  shortMessage,
} from './retry-policy.js';

/** The runner answers `{"value": "<jwt>"}`; anything much larger is not a token answer. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

export interface GitHubIdTokenRequest {
  /** `ACTIONS_ID_TOKEN_REQUEST_URL` */
  requestUrl: string | undefined;
  /** `ACTIONS_ID_TOKEN_REQUEST_TOKEN` */
  requestToken: string | undefined;
  audience: string;
  deadline: Deadline;
  retry?: RetrySettings;
}

const PERMISSIONS_FIX = `permissions:
  id-token: write   # lets the job request an OIDC token
  contents: read`;

/** The runner's token URL with `audience` appended, whether or not the URL has a query already. */
export function idTokenUrl(requestUrl: string, audience: string): string {
  const sep = requestUrl.includes('?') ? (/[?&]$/.test(requestUrl) ? '' : '&') : '?';
  return `${requestUrl}${sep}audience=${encodeURIComponent(audience)}`;
}

/** Requests a GitHub Actions ID token for `audience`; retries network faults, 5xx and 429. */
export async function requestGitHubIdToken(req: GitHubIdTokenRequest): Promise<string> {
  if (!req.requestUrl || !req.requestToken) {
    const missing = [
      !req.requestUrl && 'ACTIONS_ID_TOKEN_REQUEST_URL',
      !req.requestToken && 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    ].filter(Boolean);
    throw new AstlError(`GitHub OIDC is not available to this job: ${missing.join(' and ')} not set`, {
      code: 'OIDC_NOT_AVAILABLE',
      hint: 'add `permissions: id-token: write` to the job (or the workflow). Jobs triggered from forks never get an ID token.',
      fix: PERMISSIONS_FIX,
    });
  }
  if (!req.audience) {
    throw new AstlError('An OIDC audience is required to request an ID token', {
      code: 'OIDC_AUDIENCE_MISSING',
    });
  }
  let url: string;
  try {
    url = new URL(idTokenUrl(req.requestUrl, req.audience)).toString();
  } catch {
    throw new AstlError('ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL', { code: 'OIDC_NOT_AVAILABLE' });
  }
  const requestToken = req.requestToken;
  const isRetryable = (err: unknown) =>
    isNetworkFault(err) || (err instanceof ProviderHttpError && isRetryableStatus(err.status));

  try {
    return await withRetry(
      async (signal) => {
        const res = await sendAttempt(
          url,
          {
            headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
            signal,
            maxResponseBytes: MAX_TOKEN_RESPONSE_BYTES,
          },
          'GitHub OIDC token request',
          'OIDC_TOKEN_REQUEST_FAILED',
        );
        const text = res.text();
        if (res.status < 200 || res.status > 299) {
          const err = new ProviderHttpError(res.status, undefined, errorText(text));
          if (isRetryable(err)) throw err;
          throw new AstlError(`The runner refused the OIDC token request: ${err.message}`, {
            code: 'OIDC_TOKEN_REQUEST_FAILED',
            hint:
              res.status === 401 || res.status === 403
                ? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN was not accepted; it is only valid inside the job that received it.'
                : 'check ACTIONS_ID_TOKEN_REQUEST_URL; it is set by the runner when the job has `id-token: write`.',
          });
        }
        let value: unknown;
        try {
          value = (JSON.parse(text) as { value?: unknown }).value;
        } catch {
          value = undefined;
        }
        if (typeof value !== 'string' || value.split('.').length !== 3) {
          throw new AstlError('The runner answered the OIDC token request without a token (`value`)', {
            code: 'OIDC_TOKEN_REQUEST_FAILED',
          });
        }
        return value;
      },
      retryOptions('GitHub OIDC token request', req.deadline, isRetryable, req.retry),
    );
  } catch (err) {
    exhausted(err, 'OIDC_UNAVAILABLE', 'the runner token service did not answer; re-run the job.');
  }
}

/** Claims of a JWT, without verifying it: for diagnostics only. */
export interface TokenClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  ref?: string;
  job_workflow_ref?: string;
  environment?: string;
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}

/** Decodes a JWT's payload (no signature check). Undefined when it is not a JWT. */
export function decodeTokenClaims(jwt: string): TokenClaims | undefined {
  try {
    return { ...decodeJwt(jwt) } as TokenClaims;
  } catch {
    return undefined;
  }
}

/** The message of an error body: JSON `message` or `errors`, else the text, cut to one line. */
function errorText(text: string): string {
  let msg = text;
  try {
    const body = JSON.parse(text) as { message?: unknown; errors?: unknown };
    if (typeof body.message === 'string') msg = body.message;
    else if (Array.isArray(body.errors)) msg = body.errors.map(String).join('; ');
  } catch {
    // not JSON: keep the text
  }
  return shortMessage(msg);
}
