/**
 * The plumbing shared by the local test servers: a node:http server on 127.0.0.1 (port 0), request
 * counting per route, and a queue of injected faults per route. No test-framework imports, so
 * tests, benchmarks and a local demo can all use these servers.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An HTTP error answer, rendered in the server's own error format (STS XML, Vault JSON). */
export interface StatusFault {
  status: number;
  /** Error code inside the body, e.g. STS `Throttling` or `IDPCommunicationError`. */
  code?: string;
  message?: string;
  headers?: Record<string, string>;
}

/** `hang` never answers (the client must time out); `reset` destroys the socket. */
export type Fault = StatusFault | { hang: true } | { reset: true };

export interface RecordedRequest {
  route: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Whether the answer was an injected fault. */
  faulted: boolean;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface IncomingRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What every test server offers. `R` is the union of the server's route names. */
export interface FaultableServer<R extends string> {
  /** Base URL without a trailing slash: `http://127.0.0.1:PORT`. */
  url: string;
  /** Queue faults for a route; each request to that route takes the next one until none are left. */
  injectFaults(route: R, faults: Fault[]): void;
  /** Faults still queued for a route. */
  pendingFaults(route: R): number;
  /** Requests received for one route (faulted ones included). */
  requestCount(route: R): number;
  /** Requests per route. */
  requestCounts(): Record<R, number>;
  /** Every request received, oldest first (headers included, bodies not). */
  requests: RecordedRequest[];
  /** Forget counts, the request log and queued faults. */
  reset(): void;
  /** Stops listening and destroys open (and hanging) connections. */
  close(): Promise<void>;
}

export interface ServeSpec<R extends string> {
  routes: readonly R[];
  /** Which route a request belongs to; undefined answers 404 with `notFound`. */
  classify(req: IncomingRequest): R | undefined;
  handle(route: R, req: IncomingRequest): Promise<Answer> | Answer;
  renderFault(route: R, fault: StatusFault): Answer;
  notFound(req: IncomingRequest): Answer;
  /** Largest request body accepted (bytes). */
  maxBodyBytes?: number;
}

export async function serve<R extends string>(spec: ServeSpec<R>): Promise<FaultableServer<R>> {
  const faults = new Map<R, Fault[]>();
  const counts = new Map<R, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const maxBody = spec.maxBodyBytes ?? 1024 * 1024;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void handleRequest(req, res).catch((err: unknown) => {
      // A bug in a test server: answer 500 with the message so the failing test shows it.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`test server bug: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, maxBody);
    const incoming: IncomingRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      headers: req.headers,
      body,
    };
    const route = spec.classify(incoming);
    if (route === undefined) {
      send(res, spec.notFound(incoming));
      return;
    }
    counts.set(route, (counts.get(route) ?? 0) + 1);
    const fault = faults.get(route)?.shift();
    requests.push({
      route,
      method: incoming.method,
      path: incoming.url.pathname + incoming.url.search,
      headers: req.headers,
      faulted: fault !== undefined,
    });
    if (fault) {
      if ('hang' in fault) return; // never answer; close() destroys the socket
      if ('reset' in fault) {
        req.socket.destroy();
        return;
      }
      send(res, spec.renderFault(route, fault));
      return;
    }
    send(res, await spec.handle(route, incoming));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    injectFaults(route, list) {
      if (!spec.routes.includes(route))
        throw new Error(`unknown route ${route}; known: ${spec.routes.join(', ')}`);
      faults.set(route, [...(faults.get(route) ?? []), ...list]);
    },
    pendingFaults: (route) => faults.get(route)?.length ?? 0,
    requestCount: (route) => counts.get(route) ?? 0,
    requestCounts() {
      const out = {} as Record<R, number>;
      for (const r of spec.routes) out[r] = counts.get(r) ?? 0;
      return out;
    },
    requests,
    reset() {
      faults.clear();
      counts.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers ?? {});
  res.end(answer.body ?? '');
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function requestId(): string {
  return randomUUID();
}

/** A controllable clock so tests can expire tokens and sessions without waiting. */
export class TestClock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** Glob as Vault's bound_claims and IAM's StringLike use it: `*` any run, `?` one character. */
export function globMatch(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}
