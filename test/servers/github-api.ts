/**
 * A local stand-in for the three GitHub REST endpoints the gate uses, with JSON shaped like
 * api.github.com's, a token check, and fault injection:
 *   GET  /repos/{o}/{r}/actions/runs/{run_id}/approvals
 *   GET  /repos/{o}/{r}/deployments   (per_page, page, environment; newest first; Link header)
 *   POST /repos/{o}/{r}/deployments
 * Binds 127.0.0.1 on port 0; `url` is the GITHUB_API_URL to use.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Review {
  state: 'approved' | 'rejected';
  login: string;
  environments: string[];
  comment?: string;
}

export interface StoredDeployment {
  id: number;
  ref: string;
  sha: string;
  task: string;
  environment: string;
  payload: unknown;
  description: string | null;
  created_at: string;
  creator: string;
}

export type Fault = { status: number; body?: unknown } | 'reset' | 'hang';

export interface GitHubApiServer {
  url: string;
  token: string;
  approvals: Map<string, Review[]>;
  /** Newest first, as the API lists them. */
  deployments: StoredDeployment[];
  requests: { method: string; path: string; authorization?: string }[];
  /** The next `times` requests whose path contains `match` get `fault`. */
  inject(match: string, fault: Fault, times?: number): void;
  /** Forgets injected faults, approvals, deployments and the request log. */
  reset(): void;
  addDeployment(d: Partial<StoredDeployment> & { payload: unknown; created_at?: string }): StoredDeployment;
  close(): Promise<void>;
}

function user(login: string, id: number) {
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

function environment(name: string, id: number) {
  return {
    id,
    node_id: `EN_${id}`,
    name,
    url: `https://api.github.com/repos/acme/app/environments/${encodeURIComponent(name)}`,
    html_url: `https://github.com/acme/app/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

export async function startGitHubApi(options: { token?: string } = {}): Promise<GitHubApiServer> {
  const token = options.token ?? 'ghs_testtoken0123456789';
  const approvals = new Map<string, Review[]>();
  const deployments: StoredDeployment[] = [];
  const requests: GitHubApiServer['requests'] = [];
  const faults: { match: string; fault: Fault; times: number }[] = [];
  const sockets = new Set<Socket>();
  let nextId = 1000;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8').on('data', (c: string) => {
        data += c;
      });
      req.on('end', () => resolve(data));
    });

  const handle = async (req: IncomingMessage, res: ServerResponse, base: string) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
    });

    const fault = faults.find((f) => f.times > 0 && url.pathname.includes(f.match));
    if (fault) {
      fault.times--;
      if (fault.fault === 'reset') return req.socket.destroy();
      if (fault.fault === 'hang') return; // never answers; the client's timeout must fire
      return send(res, fault.fault.status, fault.fault.body ?? { message: 'Server Error' });
    }

    const auth = req.headers.authorization ?? '';
    const presented = auth.replace(/^(token|bearer)\s+/i, '');
    if (!auth || presented !== token) {
      return send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }

    let m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/approvals$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const list = approvals.get(m[3]!) ?? [];
      return send(
        res,
        200,
        list.map((r, i) => ({
          environments: r.environments.map((e, j) => environment(e, 100 + j)),
          state: r.state,
          comment: r.comment ?? '',
          user: user(r.login, 500 + i),
        })),
      );
    }

    m = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const env = url.searchParams.get('environment');
      const all = env ? deployments.filter((d) => d.environment === env) : deployments;
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        headers.link = `<${base}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      }
      return send(
        res,
        200,
        slice.map((d) => ({
          url: `${base}/repos/${m![1]}/${m![2]}/deployments/${d.id}`,
          id: d.id,
          node_id: `DE_${d.id}`,
          sha: d.sha,
          ref: d.ref,
          task: d.task,
          payload: d.payload,
          original_environment: d.environment,
          environment: d.environment,
          description: d.description,
          creator: user(d.creator, 41898282),
          created_at: d.created_at,
          updated_at: d.created_at,
          statuses_url: `${base}/repos/${m![1]}/${m![2]}/deployments/${d.id}/statuses`,
          repository_url: `${base}/repos/${m![1]}/${m![2]}`,
          transient_environment: false,
          production_environment: d.environment === 'production',
        })),
        headers,
      );
    }

    if (m && req.method === 'POST') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      } catch {
        return send(res, 400, { message: 'Problems parsing JSON' });
      }
      if (typeof body.ref !== 'string' || body.ref === '') {
        return send(res, 422, { message: 'Invalid request.\n\n"ref" wasn\'t supplied.', status: '422' });
      }
      const d = addDeployment({
        ref: body.ref,
        sha: /^[0-9a-f]{40}$/.test(body.ref) ? body.ref : 'b'.repeat(40),
        task: typeof body.task === 'string' ? body.task : 'deploy',
        environment: typeof body.environment === 'string' ? body.environment : 'production',
        payload: body.payload ?? {},
        description: typeof body.description === 'string' ? body.description : null,
        creator: 'github-actions[bot]',
      });
      return send(res, 201, {
        id: d.id,
        sha: d.sha,
        ref: d.ref,
        task: d.task,
        payload: d.payload,
        environment: d.environment,
        description: d.description,
        created_at: d.created_at,
        creator: user(d.creator, 41898282),
      });
    }

    return send(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
  };

  const addDeployment: GitHubApiServer['addDeployment'] = (d) => {
    const stored: StoredDeployment = {
      id: d.id ?? nextId++,
      ref: d.ref ?? 'main',
      sha: d.sha ?? 'c'.repeat(40),
      task: d.task ?? 'deploy',
      environment: d.environment ?? 'production',
      payload: d.payload,
      description: d.description ?? null,
      created_at: d.created_at ?? new Date().toISOString(),
      creator: d.creator ?? 'github-actions[bot]',
    };
    deployments.push(stored);
    deployments.sort((a, b) => b.created_at.localeCompare(a.created_at));
    return stored;
  };

  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    handle(req, res, base).catch(() => {
      if (!res.headersSent) send(res, 500, { message: 'Server Error' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    approvals,
    deployments,
    requests,
    inject(match, fault, times = 1) {
      faults.push({ match, fault, times });
    },
    addDeployment,
    reset() {
      faults.length = 0;
      approvals.clear();
      deployments.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
