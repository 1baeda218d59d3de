/**
 * The GitHub side of the gate: run approvals (for approval_needed), deploy counting (for
 * max_per_day) and recording each allowed decision as a deployment. Every call has a per-attempt
 * timeout and an overall deadline, and is retried with jitter on 5xx, 429 and network faults
 * only. Failures are AstlErrors whose message names the token permission that is missing.
 */
import type { Octokit } from '@octokit/rest';
import {
  AstlError,
  BodyTooLargeError,
  cappedFetch,
  Deadline,
  describeFault,
  isNetworkFault,
  isRetryableStatus,
  RetryExhaustedError,
  withRetry,
} from '../core/index.js';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL; https://api.github.com by default. */
  baseUrl?: string;
  /** Overall time for one operation, retries included. */
  deadlineMs?: number;
  attemptTimeoutMs?: number;
  attempts?: number;
  baseDelayMs?: number;
  fetch?: typeof fetch;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ApprovalQuery extends RepoRef {
  runId: number | string;
  environment: string;
  /** Logins that must not count as approvers (the agent, its bot account). */
  agentLogins: string[];
}

export interface DeployCountQuery extends RepoRef {
  agent: string;
  environment?: string;
  since: Date;
}

export interface RecordQuery extends RepoRef {
  agent: string;
  action: string;
  environment: string;
  ref: string;
  decisionId: string;
  images: string[];
}

/** Which operation failed, for the reason code and the permission hint. */
type Operation = 'approvals' | 'deployments-read' | 'deployments-write';

const PERMISSION: Record<Operation, { code: string; permission: string; what: string }> = {
  approvals: {
    code: 'APPROVAL_CHECK_FAILED',
    permission: 'actions: read',
    what: "reading the run's approvals",
  },
  'deployments-read': {
    code: 'BUDGET_CHECK_FAILED',
    permission: 'deployments: read',
    what: "counting the agent's deployments",
  },
  'deployments-write': {
    code: 'DEPLOYMENT_RECORD_FAILED',
    permission: 'deployments: write',
    what: 'recording the allowed deploy as a deployment',
  },
};

const MAX_DEPLOYMENT_PAGES = 10;
/** The most one GitHub API answer may hold (100 deployments with payloads are far less). */
export const MAX_API_BODY_BYTES = 8 * 1024 * 1024;

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

function bodyTooLarge(err: unknown): BodyTooLargeError | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof BodyTooLargeError) return e;
  }
  return undefined;
}

function isRetryable(err: unknown): boolean {
  if (bodyTooLarge(err)) return false;
  const status = statusOf(err);
  if (status !== undefined && status !== 500) return isRetryableStatus(status);
  // Octokit reports transport faults as status 500 with the fetch error as cause.
  return status === 500 || isNetworkFault(err);
}

export class GitHubClient {
  private octokitPromise: Promise<Octokit> | undefined;
  private readonly o: Required<Omit<GitHubClientOptions, 'fetch' | 'token' | 'baseUrl'>>;

  constructor(private readonly options: GitHubClientOptions) {
    this.o = {
      deadlineMs: options.deadlineMs ?? 30_000,
      attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
      attempts: options.attempts ?? 4,
      baseDelayMs: options.baseDelayMs ?? 250,
    };
  }

  /** Octokit is loaded on first use: most gate runs that need no GitHub call never parse it. */
  private get octokit(): Promise<Octokit> {
    this.octokitPromise ??= import('@octokit/rest').then(
      ({ Octokit }) =>
        new Octokit({
          auth: this.options.token,
          baseUrl: (this.options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
          userAgent: 'astl-agent-credentials-gate',
          log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
          // Every answer is capped while it streams, so a hostile API cannot fill memory.
          request: {
            fetch: cappedFetch(this.options.fetch ?? fetch, MAX_API_BODY_BYTES, 'the GitHub API answer'),
          },
        }),
    );
    return this.octokitPromise;
  }

  private async call<T>(
    operation: Operation,
    what: string,
    op: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const meta = PERMISSION[operation];
    try {
      return await withRetry((signal) => op(signal), {
        attempts: this.o.attempts,
        baseDelayMs: this.o.baseDelayMs,
        maxDelayMs: 4_000,
        attemptTimeoutMs: this.o.attemptTimeoutMs,
        deadline: new Deadline(this.o.deadlineMs),
        what,
        isRetryable,
      });
    } catch (err) {
      const last = err instanceof RetryExhaustedError ? err.lastError : err;
      const tooLarge = bodyTooLarge(last);
      if (tooLarge) {
        throw new AstlError(`${what}: ${tooLarge.message}`, {
          code: meta.code,
          hint: 'the GitHub API (GITHUB_API_URL) sent an answer far larger than any it should; the gate fails closed. Check GITHUB_API_URL',
          cause: err,
        });
      }
      const status = statusOf(last);
      if (status === 401 || status === 403) {
        throw new AstlError(`${what} was refused (HTTP ${status}) while ${meta.what}`, {
          code: meta.code,
          hint: `give the job's token \`${meta.permission}\`: add \`permissions: { ${meta.permission} }\` to the job, or pass a github-token that has it`,
          cause: err,
        });
      }
      if (status === 404) {
        throw new AstlError(`${what} answered 404 Not Found while ${meta.what}`, {
          code: meta.code,
          hint: `check GITHUB_REPOSITORY and the run id; on a private repository a 404 also means the token lacks \`${meta.permission}\``,
          cause: err,
        });
      }
      const message =
        err instanceof RetryExhaustedError ? err.message : `${what} failed: ${describeFault(err)}`;
      throw new AstlError(message, {
        code: meta.code,
        hint: 'the GitHub API could not be reached; the gate fails closed. Re-run the job; check GITHUB_API_URL on GitHub Enterprise Server',
        cause: err,
      });
    }
  }

  /**
   * The login of someone (not the agent) who approved this run for `environment`, or undefined.
   * A rejection for the environment wins over any approval.
   */
  async findApproval(q: ApprovalQuery): Promise<string | undefined> {
    const reviews = await this.call(
      'approvals',
      `GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`,
      async (signal) =>
        (
          await (
            await this.octokit
          ).request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
            owner: q.owner,
            repo: q.repo,
            run_id: Number(q.runId),
            request: { signal },
          })
        ).data,
    );
    if (!Array.isArray(reviews))
      throw notAList('approvals', `GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`);
    const excluded = new Set(q.agentLogins.map((l) => l.toLowerCase()));
    let approvedBy: string | undefined;
    for (const review of reviews) {
      const names = (review.environments ?? []).map((e: { name?: string }) => e.name);
      if (!names.includes(q.environment)) continue;
      const login = review.user?.login;
      if (review.state === 'rejected') return undefined;
      if (review.state === 'approved' && login && !excluded.has(login.toLowerCase())) approvedBy ??= login;
    }
    return approvedBy;
  }

  /** Deployments the gate recorded as allowed for `agent` since `since` (newest first, paginated). */
  async countRecentDeploys(q: DeployCountQuery): Promise<number> {
    let count = 0;
    for (let page = 1; page <= MAX_DEPLOYMENT_PAGES; page++) {
      const deployments = await this.call(
        'deployments-read',
        `GET /repos/${q.owner}/${q.repo}/deployments`,
        async (signal) =>
          (
            await (
              await this.octokit
            ).request('GET /repos/{owner}/{repo}/deployments', {
              owner: q.owner,
              repo: q.repo,
              per_page: 100,
              page,
              ...(q.environment ? { environment: q.environment } : {}),
              request: { signal },
            })
          ).data,
      );
      // A garbled answer must not count as "no deployments": that would reopen the budget.
      if (!Array.isArray(deployments))
        throw notAList('deployments-read', `GET /repos/${q.owner}/${q.repo}/deployments`);
      let older = false;
      for (const d of deployments) {
        if (new Date(d.created_at).getTime() < q.since.getTime()) {
          older = true;
          continue;
        }
        const payload = parsePayload(d.payload);
        if (payload?.agent === q.agent && payload.astl_decision === 'allow') count++;
      }
      if (older || deployments.length < 100) return count;
    }
    throw new AstlError(
      `more than ${MAX_DEPLOYMENT_PAGES * 100} deployments in 24 h in ${q.owner}/${q.repo}; the gate stops counting and fails closed`,
      { code: 'BUDGET_CHECK_FAILED', hint: 'lower the deploy rate, or clean up deployments' },
    );
  }

  /** Records an allowed decision; the returned id is the deployment's. */
  async recordDeployment(q: RecordQuery): Promise<number | undefined> {
    const created = await this.call(
      'deployments-write',
      `POST /repos/${q.owner}/${q.repo}/deployments`,
      async (signal) =>
        (
          await (
            await this.octokit
          ).request('POST /repos/{owner}/{repo}/deployments', {
            owner: q.owner,
            repo: q.repo,
            ref: q.ref,
            environment: q.environment,
            task: 'deploy',
            auto_merge: false,
            required_contexts: [],
            description: `astl gate: ${q.action} by ${q.agent} allowed (${q.decisionId})`.slice(0, 140),
            payload: {
              agent: q.agent,
              action: q.action,
              astl_decision: 'allow',
              decision_id: q.decisionId,
              images: q.images,
            },
            request: { signal },
          })
        ).data,
    );
    return (created as { id?: number }).id;
  }
}

function notAList(operation: Operation, what: string): AstlError {
  const meta = PERMISSION[operation];
  return new AstlError(`${what} did not answer a JSON list while ${meta.what}`, {
    code: meta.code,
    hint: 'the GitHub API (GITHUB_API_URL) answered something unexpected; the gate fails closed. Re-run the job; check GITHUB_API_URL',
  });
}

function parsePayload(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload === 'string') {
    try {
      const parsed = JSON.parse(payload) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
}
