/**
 * Bounded retries with full-jitter exponential backoff, a per-attempt timeout and an overall
 * deadline. Every network call in the engine goes through `withRetry`, so the fault policy is
 * decided in one place: the caller says which errors are retryable, this decides when and how often.
 */

export class Deadline {
  readonly at: number;
  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.at = now() + totalMs;
  }
  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }
  expired(): boolean {
    return this.remainingMs() <= 0;
  }
  /** An AbortSignal that fires at min(per-attempt timeout, the deadline). */
  signal(perAttemptMs: number): AbortSignal {
    return AbortSignal.timeout(Math.max(1, Math.min(perAttemptMs, this.remainingMs())));
  }
}

export interface RetryOptions {
  /** Attempts in all, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Timeout of one attempt; the attempt's signal also fires at the deadline. */
  attemptTimeoutMs: number;
  deadline: Deadline;
  /** What the operation is, for the final message: "AWS STS AssumeRoleWithWebIdentity". */
  what: string;
  isRetryable: (err: unknown) => boolean;
  /**
   * The wait the server asked for before the next attempt, in ms (Retry-After, a rate-limit
   * reset), or undefined. The next attempt waits at least this long; when that would pass the
   * deadline no further attempt is made (RetryExhaustedError with `deadlineHit`).
   */
  retryAfterMs?: (err: unknown) => number | undefined;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RetryExhaustedError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly lastError: unknown,
    readonly deadlineHit: boolean,
  ) {
    super(message, { cause: lastError });
    this.name = 'RetryExhaustedError';
  }
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base * 2^attempt)]. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}

/**
 * Runs `op` until it succeeds, fails with a non-retryable error (rethrown as is), runs out of
 * attempts, or reaches the deadline (both end in RetryExhaustedError naming the last fault).
 */
export async function withRetry<T>(
  op: (signal: AbortSignal, attempt: number) => Promise<T>,
  o: RetryOptions,
): Promise<T> {
  const random = o.random ?? Math.random;
  const sleep = o.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    if (o.deadline.expired()) break;
    try {
      return await op(o.deadline.signal(o.attemptTimeoutMs), attempt);
    } catch (err) {
      lastError = err;
      if (!o.isRetryable(err)) throw err;
      if (attempt === o.attempts) break;
      const asked = o.retryAfterMs?.(err);
      if (asked !== undefined && asked >= o.deadline.remainingMs()) {
        throw new RetryExhaustedError(
          `${o.what} was asked to wait ${Math.ceil(asked / 1000)}s before retrying, past the ${Math.round(o.deadline.totalMs / 1000)}s deadline; last error: ${describeFault(err)}`,
          attempt,
          err,
          true,
        );
      }
      const delayMs = Math.min(
        Math.max(backoffDelay(attempt, o.baseDelayMs, o.maxDelayMs, random), asked ?? 0),
        o.deadline.remainingMs(),
      );
      o.onRetry?.({ attempt, delayMs, error: err });
      await sleep(delayMs);
    }
  }
  const deadlineHit = o.deadline.expired();
  const why = deadlineHit
    ? `did not succeed within the ${Math.round(o.deadline.totalMs / 1000)}s deadline`
    : `failed ${o.attempts} times`;
  throw new RetryExhaustedError(
    `${o.what} ${why}; last error: ${describeFault(lastError)}`,
    o.attempts,
    lastError,
    deadlineHit,
  );
}

/** A short description of a network fault: no stack, no request bodies. */
export function describeFault(err: unknown): string {
  if (err === undefined) return 'none (the deadline passed before the first attempt)';
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'request timed out';
    return typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}

/** Node's network error codes that a retry can cure. */
const RETRYABLE_NET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ECONNABORTED',
]);

/** True for transport faults (resets, refusals, timeouts), looking through `cause` chains. */
export function isNetworkFault(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (!(e instanceof Error)) return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_NET_CODES.has(code)) return true;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

/** HTTP statuses worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}
