/**
 * The retry settings every provider call shares, and the conversion of an exhausted retry into
 * an AstlError whose message names the provider and the last fault.
 */
import { AstlError, type Deadline, RetryExhaustedError, type RetryOptions } from '../core/index.js';

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
  return { ...DEFAULT_RETRY, ...settings, what, deadline, isRetryable };
}

/**
 * An HTTP answer from a provider, reduced to what is safe to print: status, the provider's error
 * code and message. Library errors carry request configs (tokens, bodies); these never leave here.
 */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly providerCode: string | undefined,
    readonly providerMessage: string,
  ) {
    const detail = [providerCode, providerMessage].filter(Boolean).join(': ');
    super(detail ? `HTTP ${status} (${detail})` : `HTTP ${status}`);
    this.name = 'ProviderHttpError';
  }
}

/** A transport fault with only its message and code kept (no request config, no headers). */
export class ProviderNetworkError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = code === 'TimeoutError' ? 'TimeoutError' : 'ProviderNetworkError';
    this.code = code;
  }
}

/** Rethrows an exhausted retry as `<CODE>` AstlError naming the provider and the last fault. */
export function exhausted(err: unknown, code: string, hint: string): never {
  if (err instanceof RetryExhaustedError) {
    throw new AstlError(err.message, { code, hint });
  }
  throw err;
}
