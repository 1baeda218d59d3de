import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, cappedFetch, readBodyCapped } from './http-body.js';

/** A response whose body yields `chunks` chunks of `size` bytes (endless when Infinity). */
function streaming(chunks: number, size: number, headers: Record<string, string> = {}) {
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      sent += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { res: new Response(body, { headers }), sent: () => sent };
}

describe('readBodyCapped', () => {
  it('reads a body under the cap', async () => {
    const { res } = streaming(3, 10);
    expect((await readBodyCapped(res, 100, 'x')).length).toBe(30);
  });
  it('stops an endless body at the cap', async () => {
    const s = streaming(Number.POSITIVE_INFINITY, 64 * 1024);
    await expect(readBodyCapped(s.res, 1024 * 1024, 'the manifest')).rejects.toThrow(BodyTooLargeError);
    expect(s.sent()).toBeLessThan(2 * 1024 * 1024);
  });
  it('refuses up front when Content-Length announces more', async () => {
    const s = streaming(Number.POSITIVE_INFINITY, 1024, { 'content-length': String(2 ** 30) });
    await expect(readBodyCapped(s.res, 1024, 'x')).rejects.toThrow('larger than 1 KiB');
    expect(s.sent()).toBeLessThanOrEqual(1024 * 2);
  });
  it('does not trust a Content-Length that is too small', async () => {
    const s = streaming(100, 1024, { 'content-length': '10' });
    await expect(readBodyCapped(s.res, 4096, 'x')).rejects.toThrow(BodyTooLargeError);
  });
});

describe('cappedFetch', () => {
  it('throws from fetch past the cap (libraries cannot swallow it), reading no further', async () => {
    const s = streaming(Number.POSITIVE_INFINITY, 64 * 1024);
    const inner = (async () => s.res) as unknown as typeof fetch;
    await expect(cappedFetch(inner, 256 * 1024, 'the API answer')('https://api.example/x')).rejects.toThrow(
      /the API answer .* larger than 256 KiB/,
    );
    expect(s.sent()).toBeLessThan(1024 * 1024);
  });
  it('passes small bodies through with status, headers and url', async () => {
    const res0 = new Response('{"a":1}', { status: 201, headers: { 'x-a': 'b' } });
    Object.defineProperty(res0, 'url', { value: 'https://api.example/y' });
    const inner = (async () => res0) as unknown as typeof fetch;
    const res = await cappedFetch(inner, 1024, 'x')('u');
    expect(res.status).toBe(201);
    expect(res.headers.get('x-a')).toBe('b');
    expect(res.url).toBe('https://api.example/y');
    expect(await res.json()).toEqual({ a: 1 });
  });
});
