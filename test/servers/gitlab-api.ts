/**
 * A local stand-in for the GitLab REST API v4 endpoints the gate uses, with JSON shaped like
 * gitlab.com's (Entities::Deployment, DeploymentExtended with EE approvals), GitLab's token
 * headers and permission model, its parameter validation, offset pagination headers, and fault
 * injection:
 *   GET  /api/v4/projects/:id/deployments                 (environment, status, order_by, sort,
 *        updated_after/updated_before paired with order_by=updated_at as DeploymentsFinder
 *        requires, page, per_page; X-Next-Page / X-Total headers)
 *   GET  /api/v4/projects/:id/deployments/:deployment_id  (approvals, approval_summary)
 *   POST /api/v4/projects/:id/deployments                 (environment, sha, ref, tag, status)
 * Auth: `JOB-TOKEN` (CI_JOB_TOKEN, acting with `jobTokenRole`) or `PRIVATE-TOKEN` / bearer
 * (an access token with `privateTokenScopes`). Binds 127.0.0.1 on port 0; `apiUrl` is the
 * CI_API_V4_URL to use.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = { status: number; body?: unknown; headers?: Record<string, string> } | 'reset' | 'hang';
export type Role = 'guest' | 'reporter' | 'developer' | 'maintainer';

export interface StoredApproval {
  username: string;
  status: 'approved' | 'rejected';
  comment?: string;
}

export interface StoredDeployment {
  id: number;
  iid: number;
  environment: string;
  ref: string;
  sha: string;
  tag: boolean;
  status: 'created' | 'running' | 'success' | 'failed' | 'canceled' | 'blocked';
  created_at: string;
  updated_at: string;
  /** The CI job that deploys (null for deployments created through the API). */
  job?: { id: number; name: string; pipelineId: number };
  user: string;
  approvals: StoredApproval[];
  requiredApprovals: number;
}

export interface GitLabApiOptions {
  projectId?: number;
  projectPath?: string;
  jobToken?: string;
  jobTokenRole?: Role;
  privateToken?: string;
  privateTokenScopes?: ('api' | 'read_api')[];
}

export interface GitLabApiServer {
  /** CI_API_V4_URL: `http://127.0.0.1:PORT/api/v4`. */
  apiUrl: string;
  projectId: number;
  projectPath: string;
  jobToken: string;
  privateToken: string;
  deployments: StoredDeployment[];
  requests: { method: string; path: string; headers: Record<string, string | string[] | undefined> }[];
  addDeployment(d: Partial<StoredDeployment> & { environment: string }): StoredDeployment;
  /** The next `times` requests whose path contains `match` get `fault`. */
  inject(match: string, fault: Fault, times?: number): void;
  setJobTokenRole(role: Role): void;
  setPrivateTokenScopes(scopes: ('api' | 'read_api')[]): void;
  reset(): void;
  close(): Promise<void>;
}

const STATUSES = ['created', 'running', 'success', 'failed', 'canceled', 'blocked'] as const;
const SORTS = ['id', 'iid', 'created_at', 'updated_at', 'ref', 'finished_at'];
const RANK: Record<Role, number> = { guest: 10, reporter: 20, developer: 30, maintainer: 40 };

function userBasic(username: string, id: number, base: string) {
  return {
    id,
    username,
    name: username.replace(/[-_]/g, ' '),
    state: 'active',
    locked: false,
    avatar_url: `https://secure.gravatar.com/avatar/${id}?s=80&d=identicon`,
    web_url: `${base}/${username}`,
  };
}

export async function startGitLabApi(options: GitLabApiOptions = {}): Promise<GitLabApiServer> {
  const projectId = options.projectId ?? 4242;
  const projectPath = options.projectPath ?? 'acme/app';
  const jobToken = options.jobToken ?? 'glcbt-64_testjobtoken0123456789';
  const privateToken = options.privateToken ?? 'glpat-testprivatetoken01234';
  let jobTokenRole: Role = options.jobTokenRole ?? 'developer';
  let privateScopes = options.privateTokenScopes ?? ['api'];
  const deployments: StoredDeployment[] = [];
  const requests: GitLabApiServer['requests'] = [];
  const faults: { match: string; fault: Fault; times: number }[] = [];
  const environments = new Map<string, number>();
  const sockets = new Set<Socket>();
  let nextId = 9000;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'max-age=0, private, must-revalidate',
      'x-request-id': `01J${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      'x-runtime': '0.021',
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

  const envOf = (name: string) => {
    if (!environments.has(name)) environments.set(name, 100 + environments.size);
    const id = environments.get(name)!;
    return {
      id,
      name,
      slug: name
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase()
        .slice(0, 24),
      external_url: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
  };

  const entity = (d: StoredDeployment, base: string, extended: boolean) => {
    const web = base.replace(/\/api\/v4$/, '');
    const out: Record<string, unknown> = {
      id: d.id,
      iid: d.iid,
      ref: d.ref,
      sha: d.sha,
      created_at: d.created_at,
      updated_at: d.updated_at,
      user: userBasic(d.user, 7, web),
      environment: envOf(d.environment),
      deployable: d.job
        ? {
            id: d.job.id,
            status: d.status === 'blocked' ? 'manual' : d.status,
            stage: 'deploy',
            name: d.job.name,
            ref: d.ref,
            tag: d.tag,
            coverage: null,
            allow_failure: false,
            created_at: d.created_at,
            started_at: d.status === 'running' ? d.updated_at : null,
            finished_at: null,
            user: userBasic(d.user, 7, web),
            commit: { id: d.sha, short_id: d.sha.slice(0, 8), title: 'Deploy' },
            pipeline: {
              id: d.job.pipelineId,
              iid: 12,
              project_id: projectId,
              sha: d.sha,
              ref: d.ref,
              status: 'running',
              source: 'push',
              web_url: `${web}/${projectPath}/-/pipelines/${d.job.pipelineId}`,
            },
            web_url: `${web}/${projectPath}/-/jobs/${d.job.id}`,
            project: { ci_job_token_scope_enabled: true },
          }
        : null,
      status: d.status,
    };
    if (extended) {
      const approvals = d.approvals.map((a, i) => ({
        user: userBasic(a.username, 500 + i, web),
        status: a.status,
        created_at: d.updated_at,
        comment: a.comment ?? '',
      }));
      const approved = d.approvals.filter((a) => a.status === 'approved').length;
      out.pending_approval_count = Math.max(0, d.requiredApprovals - approved);
      out.approvals = approvals;
      out.approval_summary = {
        rules:
          d.requiredApprovals > 0
            ? [
                {
                  id: 1,
                  user_id: null,
                  group_id: null,
                  access_level: 40,
                  access_level_description: 'Maintainers',
                  required_approvals: d.requiredApprovals,
                  group_inheritance_type: 0,
                  deployment_approvals: approvals,
                },
              ]
            : [],
      };
    }
    return out;
  };

  /** The caller's role, or an error answer. */
  const authenticate = (
    req: IncomingMessage,
  ): { role: Role; scopes?: string[] } | { status: number; body: unknown } => {
    const job = req.headers['job-token'];
    const priv =
      req.headers['private-token'] ?? /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (typeof job === 'string') {
      return job === jobToken
        ? { role: jobTokenRole }
        : { status: 401, body: { message: '401 Unauthorized' } };
    }
    if (typeof priv === 'string') {
      return priv === privateToken
        ? { role: 'maintainer', scopes: privateScopes }
        : { status: 401, body: { message: '401 Unauthorized' } };
    }
    return { status: 401, body: { message: '401 Unauthorized' } };
  };

  const insufficientScope = (scope: string) => ({
    error: 'insufficient_scope',
    error_description: 'The request requires higher privileges than provided by the access token.',
    scope,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse, base: string) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: { ...req.headers } });

    const fault = faults.find((f) => f.times > 0 && url.pathname.includes(f.match));
    if (fault) {
      fault.times--;
      if (fault.fault === 'reset') return req.socket.destroy();
      if (fault.fault === 'hang') return;
      return send(
        res,
        fault.fault.status,
        fault.fault.body ?? { message: `${fault.fault.status} Error` },
        fault.fault.headers,
      );
    }

    const auth = authenticate(req);
    if ('status' in auth) return send(res, auth.status, auth.body);

    const m = /^\/api\/v4\/projects\/([^/]+)\/deployments(?:\/(\d+))?$/.exec(url.pathname);
    if (!m) return send(res, 404, { error: '404 Not Found' });
    const id = decodeURIComponent(m[1]!);
    if (id !== String(projectId) && id !== projectPath) {
      return send(res, 404, { message: '404 Project Not Found' });
    }
    const apiBase = `${base}/api/v4`;

    if (req.method === 'GET') {
      if (auth.scopes && !auth.scopes.some((s) => s === 'api' || s === 'read_api')) {
        return send(res, 403, insufficientScope('api read_api'));
      }
      if (RANK[auth.role] < RANK.reporter) return send(res, 403, { message: '403 Forbidden' });
      if (m[2]) {
        const d = deployments.find((x) => x.id === Number(m[2]));
        return d ? send(res, 200, entity(d, apiBase, true)) : send(res, 404, { message: '404 Not found' });
      }
      const q = url.searchParams;
      const orderBy = q.get('order_by') ?? 'id';
      const sort = q.get('sort') ?? 'asc';
      if (!SORTS.includes(orderBy)) return send(res, 400, { error: 'order_by does not have a valid value' });
      if (!['asc', 'desc'].includes(sort))
        return send(res, 400, { error: 'sort does not have a valid value' });
      const status = q.get('status');
      if (status && !(STATUSES as readonly string[]).includes(status)) {
        return send(res, 400, { error: 'status does not have a valid value' });
      }
      const after = q.get('updated_after');
      const before = q.get('updated_before');
      // DeploymentsFinder: the updated_at filter and the updated_at order go together.
      if (Boolean(after || before) !== (orderBy === 'updated_at')) {
        return send(res, 400, {
          message: '400 Bad request - `updated_at` filter and `updated_at` sorting must be paired',
        });
      }
      for (const t of [after, before]) {
        if (t && Number.isNaN(Date.parse(t))) return send(res, 400, { error: 'updated_after is invalid' });
      }
      let list = deployments.filter(
        (d) =>
          (!q.get('environment') || d.environment === q.get('environment')) &&
          (!status || d.status === status) &&
          (!after || Date.parse(d.updated_at) > Date.parse(after)) &&
          (!before || Date.parse(d.updated_at) < Date.parse(before)),
      );
      const key = (d: StoredDeployment): number | string =>
        orderBy === 'updated_at'
          ? d.updated_at
          : orderBy === 'ref'
            ? d.ref
            : orderBy === 'iid'
              ? d.iid
              : orderBy === 'created_at'
                ? d.created_at
                : d.id;
      list = [...list].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        const c = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
        return sort === 'desc' ? -c : c;
      });
      const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 20)));
      const page = Math.max(1, Number(q.get('page') ?? 1));
      const pages = Math.max(1, Math.ceil(list.length / perPage));
      const slice = list.slice((page - 1) * perPage, page * perPage);
      return send(
        res,
        200,
        slice.map((d) => entity(d, apiBase, false)),
        {
          'x-page': String(page),
          'x-per-page': String(perPage),
          'x-next-page': page < pages ? String(page + 1) : '',
          'x-prev-page': page > 1 ? String(page - 1) : '',
          'x-total': String(list.length),
          'x-total-pages': String(pages),
        },
      );
    }

    if (req.method === 'POST' && !m[2]) {
      if (auth.scopes && !auth.scopes.includes('api')) return send(res, 403, insufficientScope('api'));
      if (RANK[auth.role] < RANK.developer) return send(res, 403, { message: '403 Forbidden' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      } catch {
        return send(res, 400, { error: 'The provided content-type is not supported.' });
      }
      for (const field of ['environment', 'sha', 'ref', 'tag', 'status']) {
        if (body[field] === undefined) return send(res, 400, { error: `${field} is missing` });
      }
      if (!['running', 'success', 'failed', 'canceled'].includes(String(body.status))) {
        return send(res, 400, { error: 'status does not have a valid value' });
      }
      if (typeof body.tag !== 'boolean') return send(res, 400, { error: 'tag is invalid' });
      const d = addDeployment({
        environment: String(body.environment),
        sha: String(body.sha),
        ref: String(body.ref),
        tag: body.tag,
        status: body.status as StoredDeployment['status'],
        user: 'project_4242_bot_1a2b',
      });
      return send(res, 201, entity(d, apiBase, true));
    }

    return send(res, 405, { error: '405 Method Not Allowed' });
  };

  const addDeployment: GitLabApiServer['addDeployment'] = (d) => {
    const now = new Date().toISOString();
    const id = d.id ?? nextId++;
    const stored: StoredDeployment = {
      id,
      iid: d.iid ?? deployments.length + 1,
      environment: d.environment,
      ref: d.ref ?? 'main',
      sha: d.sha ?? 'c'.repeat(40),
      tag: d.tag ?? false,
      status: d.status ?? 'success',
      created_at: d.created_at ?? now,
      updated_at: d.updated_at ?? d.created_at ?? now,
      ...(d.job ? { job: d.job } : {}),
      user: d.user ?? 'deploy-manager-bot',
      approvals: d.approvals ?? [],
      requiredApprovals: d.requiredApprovals ?? 0,
    };
    envOf(stored.environment);
    deployments.push(stored);
    return stored;
  };

  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    handle(req, res, base).catch(() => {
      if (!res.headersSent) send(res, 500, { message: '500 Internal Server Error' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/v4`,
    projectId,
    projectPath,
    jobToken,
    privateToken,
    deployments,
    requests,
    addDeployment,
    inject(match, fault, times = 1) {
      faults.push({ match, fault, times });
    },
    setJobTokenRole(role) {
      jobTokenRole = role;
    },
    setPrivateTokenScopes(scopes) {
      privateScopes = scopes;
    },
    reset() {
      faults.length = 0;
      deployments.length = 0;
      requests.length = 0;
      jobTokenRole = options.jobTokenRole ?? 'developer';
      privateScopes = options.privateTokenScopes ?? ['api'];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
