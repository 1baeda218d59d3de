/**
 * The HTTP client of every provider call (OIDC token, STS, Vault, and whatever comes next): one
 * request over `node:http` / `node:https`, nothing else loaded. Built-in fetch is not used because
 * its first call loads undici (about 35 ms and 12 MB per process); provider calls are a handful of
 * small requests, so a plain request is enough.
 *
 * What it guarantees, so callers need not:
 * - the request ends when `signal` fires (give it the attempt's signal from `Deadline`/`withRetry`);
 * - the response body is capped while it streams (`maxResponseBytes`), so a hostile or broken
 *   endpoint cannot exhaust memory;
 * - redirects are followed only within the origin of the request (no token leaves for another host);
 * - errors carry a message and a code only: never the request's headers or body, nor the response
 *   body; and headers are set apart from the request options, which NODE_DEBUG=http prints. Transport faults keep Node's codes (ECONNRESET, ECONNREFUSED, ...) and timeouts are named
 *   `TimeoutError`, so `isNetworkFault` (retry.ts) recognises every retryable one.
 *
 * - a body the server compressed although we did not ask (a proxy, a misconfigured gateway:
 *   gzip, deflate, br) is decompressed, with the cap applied to the decompressed size.
 *
 * Proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) are not used, as with fetch and the AWS SDK's
 * default handler; providers say so in the hint when a connection fails with one set.
 */
import { type IncomingHttpHeaders, type IncomingMessage, request as plainRequest } from 'node:http';

// node:https (with node:tls) and node:zlib load only when a request needs them
// (process.getBuiltinModule, Node >= 20.16): each costs a few ms of every step's start-up, and a
// loopback Vault or an uncompressed answer needs neither.
const tlsRequest = () => process.getBuiltinModule('node:https').request;

export interface HttpRequestOptions {
  /** Default GET, or POST when there is a body. */
  method?: string;
  /** Header names as the protocol spells them; values must not contain CR/LF (Node refuses them). */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Ends the request (connect, headers or body) when it fires. */
  signal?: AbortSignal;
  /** Largest response body accepted, in bytes (default 1 MiB). */
  maxResponseBytes?: number;
  /** Same-origin redirects followed before giving up (default 3; 0 returns the 3xx answer). */
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered (differs from the request's after a same-origin redirect). */
  url: string;
  /** The body as UTF-8 text. */
  text(): string;
}

/** Codes of the faults this module raises itself (Node's own codes pass through). */
export const HTTP_ERROR = {
  timeout: 'ETIMEDOUT',
  aborted: 'ABORT_ERR',
  tooLarge: 'ERR_RESPONSE_TOO_LARGE',
  crossOrigin: 'ERR_REDIRECT_CROSS_ORIGIN',
  tooManyRedirects: 'ERR_TOO_MANY_REDIRECTS',
  invalidUrl: 'ERR_INVALID_URL',
  badEncoding: 'ERR_CONTENT_DECODING',
} as const;

/** A failed request: a message and a code, nothing of the request or response it came from. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly code: string,
    name = 'HttpError',
  ) {
    super(message);
    this.name = name;
  }
}

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one request and reads the whole answer, whatever its status (a 4xx or 5xx is a response,
 * not an error). Rejects with HttpError: Node's transport codes, `ETIMEDOUT` (name TimeoutError)
 * when the signal fired by timeout, `ABORT_ERR` (name AbortError) for any other abort, and the
 * codes in HTTP_ERROR for an oversized body, a cross-origin or endless redirect, or a bad URL.
 * Redirects follow fetch's rules (303, and 301/302 after a POST, become a GET without a body).
 */
export async function httpRequest(
  url: string | URL,
  options: HttpRequestOptions = {},
): Promise<HttpResponse> {
  let target = parseUrl(url);
  const origin = target.origin;
  let method = (options.method ?? (options.body === undefined ? 'GET' : 'POST')).toUpperCase();
  let body = options.body;
  const maxRedirects = options.maxRedirects ?? 3;
  for (let hop = 0; ; hop++) {
    const res = await once(target, method, body, options);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.status) || maxRedirects === 0 || typeof location !== 'string') return res;
    if (hop >= maxRedirects) {
      throw new HttpError(`more than ${maxRedirects} redirects`, HTTP_ERROR.tooManyRedirects);
    }
    const next = parseUrl(new URL(location, target).toString());
    if (next.origin !== origin) {
      // The origin only: a redirect's path or query may carry anything.
      throw new HttpError(
        `refused a redirect from ${origin} to another origin (${next.origin})`,
        HTTP_ERROR.crossOrigin,
      );
    }
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    target = next;
  }
}

function parseUrl(url: string | URL): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.toString());
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new HttpError('not an http(s) URL', HTTP_ERROR.invalidUrl);
  }
  return parsed;
}

/**
 * A Retry-After header (RFC 9110 §10.2.3) as a wait in ms: delay-seconds or an HTTP-date
 * (relative to `now`; a date in the past is 0). Undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | null | undefined,
  now = Date.now(),
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Decodes a Content-Encoding the server applied unasked; the cap holds for the decoded body. */
function decodeBody(data: Buffer, encoding: string | undefined, cap: number): Buffer {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === 'identity') return data;
  const zlib = () => process.getBuiltinModule('node:zlib');
  const decode =
    coding === 'gzip' || coding === 'x-gzip'
      ? zlib().gunzipSync
      : coding === 'deflate'
        ? zlib().inflateSync
        : coding === 'br'
          ? zlib().brotliDecompressSync
          : undefined;
  if (!decode)
    throw new HttpError(`response in an unsupported content-encoding (${coding})`, HTTP_ERROR.badEncoding);
  try {
    return decode(data, { maxOutputLength: cap });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(`response body larger than ${cap} bytes (decompressed)`, HTTP_ERROR.tooLarge);
    }
    throw new HttpError(`response body is not valid ${coding}`, HTTP_ERROR.badEncoding);
  }
}

/** The error for a fired signal: a timeout (AbortSignal.timeout, Deadline) or another abort. */
function abortError(signal: AbortSignal): HttpError {
  const reason = signal.reason as { name?: unknown } | undefined;
  return reason?.name === 'TimeoutError'
    ? new HttpError('request timed out', HTTP_ERROR.timeout, 'TimeoutError')
    : new HttpError('request aborted', HTTP_ERROR.aborted, 'AbortError');
}

/** Node's error reduced to its message and code (its other fields may hold request details). */
function transportError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  return new HttpError(message, typeof code === 'string' ? code : 'ERR_HTTP');
}

function once(
  target: URL,
  method: string,
  body: string | Uint8Array | undefined,
  options: HttpRequestOptions,
): Promise<HttpResponse> {
  const { signal } = options;
  const cap = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let settled = false;
    let res: IncomingMessage | undefined;
    const fail = (err: HttpError) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      req?.destroy();
      res?.destroy();
      reject(err);
    };
    const onAbort = () => fail(abortError(signal as AbortSignal));
    const headers: Record<string, string> = { 'user-agent': 'astl-agent-credentials', ...options.headers };
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    if (payload) headers['content-length'] = String(payload.byteLength);
    let req: ReturnType<typeof plainRequest> | undefined;
    try {
      req = (target.protocol === 'https:' ? tlsRequest() : plainRequest)(target, { method });
      req.on('error', (err) => fail(transportError(err)));
      // Set apart from the options: NODE_DEBUG=http prints a request's options, headers included.
      for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    } catch (err) {
      // Invalid header characters and the like: Node names the header, never its value.
      fail(transportError(err));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (response) => {
      res = response;
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > cap) {
        fail(new HttpError(`response body larger than ${cap} bytes`, HTTP_ERROR.tooLarge));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) fail(new HttpError(`response body larger than ${cap} bytes`, HTTP_ERROR.tooLarge));
        else chunks.push(chunk);
      });
      response.on('aborted', () => fail(new HttpError('connection closed mid-response', 'ECONNRESET')));
      response.on('error', (err) => fail(transportError(err)));
      response.on('end', () => {
        if (settled) return;
        let data: Buffer;
        try {
          data = decodeBody(Buffer.concat(chunks, size), response.headers['content-encoding'], cap);
        } catch (err) {
          fail(err as HttpError);
          return;
        }
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: data,
          url: target.toString(),
          text: () => data.toString('utf8'),
        });
      });
    });
    req.end(payload);
  });
}
