/**
 * Response bodies read with a size cap while they stream: a hostile or broken server cannot make
 * the product hold more than the cap in memory, whatever its Content-Length says (absent, wrong
 * or huge). At the cap the stream is cancelled, which closes the connection.
 */
import { AstlError } from './errors.js';

/** A body was larger than the cap (by its Content-Length, or by the bytes that arrived). */
export class BodyTooLargeError extends AstlError {
  constructor(
    readonly what: string,
    readonly maxBytes: number,
  ) {
    super(`${what} is larger than ${formatBytes(maxBytes)}; the answer was cut off and refused`, {
      code: 'BODY_TOO_LARGE',
    });
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * Reads the whole body of `res`, at most `maxBytes` of it. Throws BodyTooLargeError (after
 * cancelling the body) when Content-Length announces more, or as soon as more has arrived.
 * `what` names the body in the error ("the manifest of ghcr.io/acme/app:1").
 */
export async function readBodyCapped(res: Response, maxBytes: number, what: string): Promise<Buffer> {
  const announced = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(announced) && announced > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(what, maxBytes);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(what, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** readBodyCapped as UTF-8 text. */
export async function readTextCapped(res: Response, maxBytes: number, what: string): Promise<string> {
  return (await readBodyCapped(res, maxBytes, what)).toString('utf8');
}

/**
 * A fetch for libraries that read bodies themselves (Octokit, which turns a failed body read
 * into an empty answer): it reads each body, at most `maxBytes`, before returning, and throws
 * BodyTooLargeError from fetch itself when there is more. Status, headers and url stay as the
 * server sent them. For JSON APIs only: it holds the whole body, as the library would.
 */
export function cappedFetch(inner: typeof fetch, maxBytes: number, what: string): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (!res.body || [101, 204, 205, 304].includes(res.status)) return res;
    const bytes = await readBodyCapped(res, maxBytes, `${what} (${res.url || 'response'})`);
    const copy = new Response(new Uint8Array(bytes), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
    Object.defineProperty(copy, 'url', { value: res.url });
    return copy;
  };
}
