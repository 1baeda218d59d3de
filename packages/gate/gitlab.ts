/**
 * The GitLab side of the gate, on GitLab's REST API v4 (https://docs.gitlab.com/api/deployments/):
 *
 * - approvals (approval_needed): deployment approvals of a protected environment. GitLab blocks a
 *   job that deploys to such an environment (`status: blocked`) until the required approvals are
 *   given; when the gate then runs inside that job, it reads its own deployment (the one whose
 *   `deployable.id` is CI_JOB_ID) with GET /projects/:id/deployments/:deployment_id, whose
 *   `approvals` name the approvers.
 * - budgets (max_per_day): every allowed decision is recorded as a deployment the gate creates
 *   itself (POST /projects/:id/deployments, status `success`) in the environment
 *   `astl-gate/<agent>`; the budget counts that environment's deployments created in the last
 *   24 h (GET …/deployments?environment=…&updated_after=…&order_by=updated_at, GitLab pairs the
 *   filter with that order). GitLab deployments carry no payload, so the environment name is what
 *   ties a record to its agent.
 *
 * Auth: CI_JOB_TOKEN (header JOB-TOKEN; GitLab 16.2+ lets it read and create deployments with the
 * pipeline user's role: Reporter to read, Developer to create) or an access token (header
 * PRIVATE-TOKEN; `read_api` to read, `api` to create). Every call has a per-attempt timeout and
 * an overall deadline, and is retried with jitter on 5xx, 429 and network faults only. Failures
 * are AstlErrors with the gate's reason codes and a GitLab-specific fix; nothing is guessed.
 */

import { parseRetryAfter } from '../core/http.js';
import {
  AstlError,
  BodyTooLargeError,
  Deadline,
  describeFault,
  isNetworkFault,
  isRetryableStatus,
  RetryExhaustedError,
  readTextCapped,
  withRetry,
} from '../core/index.js';
import { checkCredentialTransport } from '../core/transport.js';

export interface GitLabClientOptions {
  /** CI_API_V4_URL, e.g. https://gitlab.com/api/v4. */
  apiUrl: string;
  /** The token; empty or undefined makes every call fail closed with GITLAB_TOKEN_MISSING. */
  token: string | undefined;
  /** The variable the token came from, for messages (CI_JOB_TOKEN is sent as JOB-TOKEN). */
  tokenVariable: string;
  /**
   * Plain http:// to a non-loopback CI_API_V4_URL was allowed by the user (ASTL_ALLOW_INSECURE_HTTP);
   * otherwise the token is never sent over it (core/transport, the rule for every credential).
   */
  allowInsecureHttp?: boolean;
  /** Overall time for one operation, retries included. */
  deadlineMs?: number;
  attemptTimeoutMs?: number;
  attempts?: number;
  baseDelayMs?: number;
  fetch?: typeof fetch;
}

export interface GitLabJobRef {
  /** CI_PROJECT_ID (or the URL-encoded project path). */
  projectId: string;
  /** CI_JOB_ID: the job whose deployment carries the approvals. */
  jobId?: string;
}

export interface GitLabApprovalQuery extends GitLabJobRef {
  environment: string;
  /** Usernames whose approval does not count (the agent, its bot, the pipeline's user). */
  excludedUsers: string[];
}

export interface GitLabApprovalResult {
  /** Username of an approver who is not excluded; undefined when there is none. */
  approvedBy?: string;
  /** Why there is no approval, for the log. */
  why?: string;
  deploymentId?: number;
}

export interface GitLabCountQuery {
  projectId: string;
  agent: string;
  since: Date;
}

export interface GitLabRecordQuery {
  projectId: string;
  agent: string;
  sha: string;
  ref: string;
  tag: boolean;
}

/** The environment whose deployments are the gate's records of allowed decisions for `agent`. */
export function budgetEnvironment(agent: string): string {
  return `astl-gate/${agent}`;
}

type Operation = 'approvals' | 'deployments-read' | 'deployments-write';

const OPERATION: Record<Operation, { code: string; what: string; needs: string }> = {
  approvals: {
    code: 'APPROVAL_CHECK_FAILED',
    what: "reading this job's deployment approvals",
    needs: 'read deployments (CI_JOB_TOKEN of a Reporter, or an access token with read_api)',
  },
  'deployments-read': {
    code: 'BUDGET_CHECK_FAILED',
    what: "counting the agent's recorded deploys",
    needs: 'read deployments (CI_JOB_TOKEN of a Reporter, or an access token with read_api)',
  },
  'deployments-write': {
    code: 'DEPLOYMENT_RECORD_FAILED',
    what: 'recording the allowed deploy as a deployment',
    needs:
      'create deployments and environments (CI_JOB_TOKEN of a Developer, or an access token with the api scope)',
  },
};

const PER_PAGE = 100;
/** The most one GitLab API answer may hold (100 deployments are far less). */
export const MAX_API_BODY_BYTES = 8 * 1024 * 1024;
const MAX_COUNT_PAGES = 10;
const MAX_LOOKUP_PAGES = 5;

/** An HTTP answer other than 2xx, with GitLab's `message` (or `error`) text. */
export class GitLabHttpError extends Error {
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    /** The wait GitLab asked for (Retry-After on 429 and 503), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`);
    this.name = 'GitLabHttpError';
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof GitLabHttpError) return isRetryableStatus(err.status);
  return isNetworkFault(err);
}

interface ApiUser {
  username?: string;
}
interface ApiDeployment {
  id?: number;
  status?: string;
  created_at?: string;
  deployable?: { id?: number } | null;
  approvals?: { user?: ApiUser; status?: string }[];
  approval_summary?: { rules?: { deployment_approvals?: { user?: ApiUser; status?: string }[] }[] };
}

export class GitLabClient {
  private readonly o: Required<
    Omit<GitLabClientOptions, 'fetch' | 'token' | 'apiUrl' | 'tokenVariable' | 'allowInsecureHttp'>
  >;
  private readonly fetch: typeof fetch;
  private readonly apiUrl: string;

  constructor(private readonly options: GitLabClientOptions) {
    this.o = {
      deadlineMs: options.deadlineMs ?? 30_000,
      attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
      attempts: options.attempts ?? 4,
      baseDelayMs: options.baseDelayMs ?? 250,
    };
    this.fetch = options.fetch ?? fetch;
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
  }

  private get authHeader(): Record<string, string> {
    const token = this.options.token ?? '';
    return this.options.tokenVariable === 'CI_JOB_TOKEN'
      ? { 'JOB-TOKEN': token }
      : { 'PRIVATE-TOKEN': token };
  }

  /** One request: JSON in, JSON out; a non-2xx answer is a GitLabHttpError. */
  private async request(
    method: 'GET' | 'POST',
    path: string,
    signal: AbortSignal,
    body?: unknown,
  ): Promise<{ data: unknown; nextPage: string | undefined }> {
    const res = await this.fetch(`${this.apiUrl}${path}`, {
      method,
      signal,
      headers: {
        accept: 'application/json',
        'user-agent': 'astl-agent-credentials-gate',
        ...this.authHeader,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await readTextCapped(res, MAX_API_BODY_BYTES, `the answer to ${method} ${path}`);
    if (!res.ok)
      throw new GitLabHttpError(
        res.status,
        apiMessage(text),
        parseRetryAfter(res.headers.get('retry-after')),
      );
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML page, not GitLab: not retryable, and not something to trust.
      throw new AstlError(`${method} ${path} answered ${res.status} with a body that is not JSON`, {
        code: 'GITLAB_API_INVALID',
      });
    }
    return { data, nextPage: res.headers.get('x-next-page') || undefined };
  }

  private async call<T>(
    operation: Operation,
    what: string,
    op: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const meta = OPERATION[operation];
    if (!this.options.token) {
      throw new AstlError(`no GitLab API token while ${meta.what}: ${this.options.tokenVariable} is empty`, {
        code: meta.code,
        hint: `the gate needs a token that can ${meta.needs}. Keep the agent-gate input \`token_variable: CI_JOB_TOKEN\` (GitLab 16.2+), or name a masked CI/CD variable that holds a project access token (--gitlab-token-env on the CLI)`,
      });
    }
    this.checkTransport(meta);
    try {
      return await withRetry((signal) => op(signal), {
        attempts: this.o.attempts,
        baseDelayMs: this.o.baseDelayMs,
        maxDelayMs: 4_000,
        attemptTimeoutMs: this.o.attemptTimeoutMs,
        deadline: new Deadline(this.o.deadlineMs),
        what,
        isRetryable,
        // GitLab's rate limits answer 429 with Retry-After: wait that long, or stop at once when it
        // is past the deadline (core/retry).
        retryAfterMs: (err) => (err instanceof GitLabHttpError ? err.retryAfterMs : undefined),
      });
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        throw new AstlError(`${err.message} while ${meta.what}`, {
          code: meta.code,
          cause: err,
          hint: 'a GitLab API answer this large is not GitLab as the gate knows it; check CI_API_V4_URL. The gate fails closed',
        });
      }
      if (err instanceof AstlError)
        throw new AstlError(err.message, { code: meta.code, hint: err.hintSource, cause: err });
      const last = err instanceof RetryExhaustedError ? err.lastError : err;
      const status = last instanceof GitLabHttpError ? last.status : undefined;
      const jobToken = this.options.tokenVariable === 'CI_JOB_TOKEN';
      if (status === 401 || status === 403) {
        throw new AstlError(`${what} was refused (HTTP ${status}) while ${meta.what}`, {
          code: meta.code,
          cause: err,
          hint: jobToken
            ? `CI_JOB_TOKEN acts with the role of the user who started the pipeline and must ${meta.needs}; on GitLab before 16.2, or with fine-grained job token permissions that leave deployments out, give the gate a project access token instead (agent-gate input token_variable)`
            : `the token in ${this.options.tokenVariable} must ${meta.needs}; check that it has not expired`,
        });
      }
      if (status === 404) {
        throw new AstlError(`${what} answered 404 Not Found while ${meta.what}`, {
          code: meta.code,
          cause: err,
          hint: `check CI_PROJECT_ID and CI_API_V4_URL; GitLab also answers 404 when the token (${this.options.tokenVariable}) cannot see the project`,
        });
      }
      if (status === 400) {
        throw new AstlError(
          `${what} was rejected as a bad request while ${meta.what}: ${describeFault(last)}`,
          {
            code: meta.code,
            cause: err,
            hint: 'the GitLab instance may be older than the API this gate uses (GitLab 16.2+); the gate fails closed',
          },
        );
      }
      const message =
        err instanceof RetryExhaustedError ? err.message : `${what} failed: ${describeFault(err)}`;
      throw new AstlError(message, {
        code: meta.code,
        cause: err,
        hint: 'the GitLab API could not be reached; the gate fails closed. Re-run the job; check CI_API_V4_URL on a self-managed instance',
      });
    }
  }

  /** The token goes only to https, loopback http, or http the user allowed; else fail closed. */
  private checkTransport(meta: { code: string; what: string }): void {
    try {
      checkCredentialTransport(this.apiUrl, {
        what: 'CI_API_V4_URL',
        allowInsecure: this.options.allowInsecureHttp ?? false,
        optIn: 'the CI/CD variable ASTL_ALLOW_INSECURE_HTTP: "true"',
        sends: `the GitLab API token (${this.options.tokenVariable})`,
      });
    } catch (err) {
      const e = err as AstlError;
      throw new AstlError(`CI_API_V4_URL: ${e.message} (while ${meta.what})`, {
        code: meta.code,
        cause: err,
        ...(e.hint ? { hint: e.hint } : {}),
      });
    }
  }

  private project(id: string): string {
    return `/projects/${encodeURIComponent(id)}`;
  }

  /**
   * The approval on this job's own deployment to `environment`. The job must deploy to that
   * environment (`environment:` in the job), which GitLab held until the approvals were given.
   * A rejection wins over any approval; a deployment still `blocked` has none.
   */
  async findApproval(q: GitLabApprovalQuery): Promise<GitLabApprovalResult> {
    if (!q.jobId)
      return { why: 'CI_JOB_ID is not set, so this job has no deployment to read approvals from' };
    const base = `${this.project(q.projectId)}/deployments`;
    let deploymentId: number | undefined;
    for (let page = 1; page <= MAX_LOOKUP_PAGES && deploymentId === undefined; page++) {
      const query = new URLSearchParams({
        environment: q.environment,
        order_by: 'id',
        sort: 'desc',
        per_page: String(PER_PAGE),
        page: String(page),
      });
      const what = `GET ${base}?environment=${q.environment}`;
      const { data, nextPage } = await this.call('approvals', what, (signal) =>
        this.request('GET', `${base}?${query}`, signal),
      );
      const list = deploymentList(data, 'approvals', what);
      deploymentId = list.find((d) => deployableId(d) === q.jobId)?.id;
      if (!nextPage) break;
    }
    if (deploymentId === undefined) {
      return {
        why: `job ${q.jobId} has no deployment to '${q.environment}': run the gate in the job that deploys to '${q.environment}' (environment: ${q.environment}), so GitLab holds it for the environment's deployment approvals`,
      };
    }
    const what = `GET ${base}/${deploymentId}`;
    const { data } = await this.call('approvals', what, (signal) =>
      this.request('GET', `${base}/${deploymentId}`, signal),
    );
    // The answer must be the deployment asked for, of this job: an approval of another deployment
    // (a proxy's cache, a confused API) must not open this one.
    if (!isObject(data) || data.id !== deploymentId || deployableId(data) !== q.jobId) {
      throw new AstlError(`${what} did not answer with deployment ${deploymentId} of job ${q.jobId}`, {
        code: OPERATION.approvals.code,
        hint: 'the gate cannot trust an answer it cannot read and fails closed; check CI_API_V4_URL',
      });
    }
    const d = data as ApiDeployment;
    if (d.status === 'blocked') {
      return { deploymentId, why: `deployment ${deploymentId} is still blocked, waiting for approval` };
    }
    const rules = Array.isArray(d.approval_summary?.rules) ? d.approval_summary.rules : [];
    const approvals = [
      ...(Array.isArray(d.approvals) ? d.approvals : []),
      ...rules.flatMap((r) =>
        isObject(r) && Array.isArray(r.deployment_approvals) ? r.deployment_approvals : [],
      ),
    ].filter(isObject);
    if (approvals.some((a) => a.status === 'rejected')) {
      return { deploymentId, why: `deployment ${deploymentId} was rejected` };
    }
    const excluded = new Set(q.excludedUsers.map((u) => u.toLowerCase()));
    const approver = approvals
      .filter((a) => a.status === 'approved')
      .map(approvalUser)
      .find((name) => name !== undefined && !excluded.has(name.toLowerCase()));
    if (approver) return { deploymentId, approvedBy: approver };
    return {
      deploymentId,
      why:
        approvals.length > 0
          ? `deployment ${deploymentId} is approved only by the agent or the pipeline's own user`
          : `deployment ${deploymentId} has no approvals: '${q.environment}' is not a protected environment with required deployment approvals`,
    };
  }

  /** Allowed decisions recorded for `agent` since `since` (deployments of astl-gate/<agent>). */
  async countRecentDeploys(q: GitLabCountQuery): Promise<number> {
    const base = `${this.project(q.projectId)}/deployments`;
    const environment = budgetEnvironment(q.agent);
    let count = 0;
    for (let page = 1; page <= MAX_COUNT_PAGES; page++) {
      const query = new URLSearchParams({
        environment,
        updated_after: q.since.toISOString(),
        order_by: 'updated_at',
        sort: 'desc',
        per_page: String(PER_PAGE),
        page: String(page),
      });
      const { data, nextPage } = await this.call(
        'deployments-read',
        `GET ${base}?environment=${environment}`,
        (signal) => this.request('GET', `${base}?${query}`, signal),
      );
      // A garbled answer must not count as "no deployments": that would reopen the budget.
      for (const d of deploymentList(data, 'deployments-read', `GET ${base}?environment=${environment}`)) {
        // GitLab returned it for the window (updated_after); without a readable created_at it is
        // counted, the safe direction. Only a record GitLab says did not happen is left out.
        const created = typeof d.created_at === 'string' ? Date.parse(d.created_at) : Number.NaN;
        if (!Number.isNaN(created) && created < q.since.getTime()) continue;
        if (!NOT_DEPLOYED.has(String(d.status))) count++;
      }
      if (!nextPage) return count;
    }
    throw new AstlError(
      `more than ${MAX_COUNT_PAGES * PER_PAGE} recorded deploys in 24 h in ${environment}; the gate stops counting and fails closed`,
      { code: 'BUDGET_CHECK_FAILED', hint: 'lower the deploy rate, or lower max_per_day' },
    );
  }

  /** Records an allowed decision as a `success` deployment of astl-gate/<agent>; returns its id. */
  async recordDeployment(q: GitLabRecordQuery): Promise<number | undefined> {
    const base = `${this.project(q.projectId)}/deployments`;
    const { data } = await this.call('deployments-write', `POST ${base}`, (signal) =>
      this.request('POST', base, signal, {
        environment: budgetEnvironment(q.agent),
        sha: q.sha,
        ref: q.ref,
        tag: q.tag,
        status: 'success',
      }),
    );
    const id = (data as { id?: unknown } | null)?.id;
    return typeof id === 'number' ? id : undefined;
  }
}

/** Deployment statuses that mean the deploy did not take place; any other status counts. */
const NOT_DEPLOYED = new Set(['failed', 'canceled', 'skipped']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The approver's username, when the approval names one as a non-empty string. */
function approvalUser(a: Record<string, unknown>): string | undefined {
  const name = isObject(a.user) ? a.user.username : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** `deployable.id` as a string (GitLab sends a number), or undefined. */
function deployableId(d: unknown): string | undefined {
  const id = isObject(d) && isObject(d.deployable) ? d.deployable.id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}

/** The answer of a list endpoint, or a fail-closed error when it is not a list of objects. */
function deploymentList(data: unknown, operation: Operation, what: string): ApiDeployment[] {
  if (Array.isArray(data) && data.every(isObject)) return data as ApiDeployment[];
  throw new AstlError(`${what} did not answer with a list of deployments`, {
    code: OPERATION[operation].code,
    hint: 'the gate cannot trust an answer it cannot read and fails closed; check CI_API_V4_URL',
  });
}

function apiMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown };
    const m = parsed.message ?? parsed.error;
    const text = typeof m === 'string' ? m : m === undefined ? '' : JSON.stringify(m);
    return text.slice(0, 300);
  } catch {
    return '';
  }
}
