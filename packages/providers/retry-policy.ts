/**
 * What every provider call shares: the retry settings, one attempt's HTTP request (transport
 * faults a retry can cure go back to `withRetry`, any other becomes a user error), the provider
 * error reduced to what is safe to print, and the conversion of an exhausted retry into an
 * AstlError whose message names the provider and the last fault.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { AstlError } from '../core/errors.js';
import { HTTP_ERROR, type HttpRequestOptions, type HttpResponse, httpRequest } from '../core/http.js';
import { Redactor } from '../core/redact.js';
import {
  type Deadline,
  describeFault,
  isNetworkFault,
  RetryExhaustedError,
  type RetryOptions,
} from '../core/retry.js';
import type { SettingText } from '../core/settings.js';

/** Knobs a caller (or a test) may override; the fault policy itself stays with each provider. */
export type RetrySettings = Partial<
  Pick<
    RetryOptions,
    'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'attemptTimeoutMs' | 'onRetry' | 'random' | 'sleep'
  >
>;

export const DEFAULT_RETRY = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  attemptTimeoutMs: 10_000,
} as const;

export function retryOptions(
  what: string,
  deadline: Deadline,
  isRetryable: (err: unknown) => boolean,
  settings: RetrySettings = {},
): RetryOptions {
  return {
    ...DEFAULT_RETRY,
    ...settings,
    what,
    deadline,
    isRetryable,
    // A 429/503's Retry-After (seconds or HTTP-date) is a floor under the next attempt's delay.
    retryAfterMs: (err) => (err instanceof ProviderHttpError ? err.serverWaitMs : undefined),
  };
}

/**
 * An HTTP answer from a provider, reduced to what is safe to print: status, the provider's error
 * code and message. Response bodies may hold credentials; only these fields leave a provider.
 */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly providerCode: string | undefined,
    readonly providerMessage: string,
    /** The wait the answer's Retry-After asked for, in ms (parseRetryAfter in core/http.ts). */
    readonly serverWaitMs?: number,
  ) {
    const detail = [providerCode, providerMessage].filter(Boolean).join(': ');
    super(detail ? `HTTP ${status} (${detail})` : `HTTP ${status}`);
    this.name = 'ProviderHttpError';
  }
}

const TLS_TRUST = /^(?:CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_CERT)/;
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/**
 * The hint for a transport fault: untrusted TLS → NODE_EXTRA_CA_CERTS; a cross-origin redirect
 * (a Vault standby sending clients to the active node) → the address to use instead; a
 * connection fault with a proxy variable set → proxies are not used.
 */
export function transportHint(
  err: unknown,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (TLS_TRUST.test(code)) {
    return "the server's TLS certificate is not trusted by this runner: give Node its CA with NODE_EXTRA_CA_CERTS.";
  }
  if (code === HTTP_ERROR.crossOrigin) {
    return 'redirects are followed only within the same origin, so the token is never sent to another host or over plain http: use the address the redirect names (for Vault, the active node or the load balancer in front of it).';
  }
  const proxy = PROXY_VARIABLES.find((name) => env[name]);
  if (proxy && isNetworkFault(err)) {
    return `${proxy} is set, but provider calls do not use proxies (neither did the AWS SDK's default client): the runner needs a direct route to the endpoint.`;
  }
  return undefined;
}

/** `text` with every occurrence of the given secrets replaced (an error body may echo what we sent). */
export function scrubSecret(text: string, ...secrets: (string | undefined)[]): string {
  const r = new Redactor();
  for (const s of secrets) if (s) r.add(s);
  return r.redact(text);
}

/**
 * One attempt's request. Transport faults a retry can cure (resets, refusals, timeouts) are
 * rethrown for `withRetry`; any other failure (an untrusted TLS certificate, a redirect to another
 * origin, an oversized answer, a bad URL) cannot get better and becomes an AstlError `code`
 * naming `what` at once.
 */
export async function sendAttempt(
  url: string,
  options: HttpRequestOptions,
  what: string,
  code: string,
): Promise<HttpResponse> {
  try {
    return await httpRequest(url, options);
  } catch (err) {
    if (isNetworkFault(err)) throw err;
    throw new AstlError(`${what} failed: ${describeFault(err)}`, { code, hint: transportHint(err) });
  }
}

/** Rethrows an exhausted retry as `<CODE>` AstlError naming the provider and the last fault. */
export function exhausted(err: unknown, code: string, hint: SettingText): never {
  if (err instanceof RetryExhaustedError) {
    throw new AstlError(err.message, { code, hint: transportHint(err.lastError) ?? hint });
  }
  throw err;
}

/** Characters of the tokens a provider might echo: JWT, base64(url), Vault and AWS keys. */
const TOKEN_RUN_AT_END = /[A-Za-z0-9._~+/=-]+$/;

/**
 * A provider's error text cut to something printable on one line. The cut never splits a run of
 * token characters: an error body that echoes the JWT or Vault token we sent would otherwise
 * show most of it, which the masks (exact values) cannot hide. Such a run is dropped whole.
 */
export function shortMessage(text: string, max = 300): string {
  const msg = text.replace(/\s+/g, ' ').trim();
  if (msg.length <= max) return msg;
  let cut = msg.slice(0, max);
  if (TOKEN_RUN_AT_END.test(msg.slice(max, max + 1))) cut = cut.replace(TOKEN_RUN_AT_END, '');
  return `${cut}…`;
}
