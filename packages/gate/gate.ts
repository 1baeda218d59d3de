/**
 * One gate run, front-end independent (the action and the CLI both call it): load the policy,
 * resolve images and count deploys concurrently, decide, ask for approvals when the decision
 * needs one, record an allowed decision as a deployment, and build the decision record.
 * Fail closed: every error becomes a deny with a specific reason code.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  ACTION_INPUTS,
  AstlError,
  AstlErrors,
  formatLocation,
  resolveWorkspacePath,
  type SettingNames,
  type WorkspaceScope,
  workspaceScope,
} from '../core/index.js';
import { resolveImages as ociResolveImages, type ResolvedImage, type ResolveOptions } from '../oci/index.js';
import { loadRegistry } from '../registry/registry.js';
import { budgetLimit, decide, matchingRules, type PolicySet } from './decide.js';
import type { GitHubClient } from './github.js';
import type { GitLabClient } from './gitlab.js';
import { loadPolicies } from './policy.js';
import { type CiInfo, type DecisionRecord, imageEntries } from './record.js';
import type {
  BudgetState,
  DecideContext,
  Decision,
  GateImage,
  GateRequest,
  LoadedPolicies,
  Mode,
  Reason,
} from './types.js';

export interface GateInput {
  policyPath: string;
  agent: string;
  /** When known (e.g. from the credentials action); otherwise looked up in the registry. */
  agentType?: string;
  /** Agent registry used to find the agent's type; skipped when the file does not exist. */
  registryPath?: string;
  /**
   * Policy and registry paths must stay inside this workspace and out of .git/ (a path outside
   * is a POLICY_INVALID deny). Default: GITHUB_WORKSPACE, else CI_PROJECT_DIR, else the cwd.
   */
  workspace?: WorkspaceScope;
  /** How the front end names its settings (the policy path: `input 'policy'`, `--policy`); default the action's inputs. */
  names?: SettingNames;
  action: string;
  environment: string;
  images: string[];
  replicas?: number;
  params: Record<string, unknown>;
  mode: Mode;
  ci: CiInfo;
  /** Where approvals and budgets live; absent = no GitHub API (approvals and budgets fail closed). */
  github?: { owner: string; repo: string; runId?: string; sha?: string };
  /**
   * In a GitLab job: the project and job whose deployments hold approvals and budget records
   * (CI_PROJECT_ID, CI_JOB_ID, CI_COMMIT_SHA, CI_COMMIT_REF_NAME, whether it is a tag), and the
   * users whose approval does not count besides the agent (the pipeline's user). Takes
   * precedence over `github` when `deps.gitlab` is given too.
   */
  gitlab?: {
    projectId: string;
    jobId?: string;
    sha: string;
    ref: string;
    tag?: boolean;
    excludedUsers?: string[];
  };
  resolve?: ResolveOptions;
}

export interface GateDeps {
  resolveImages?: (refs: readonly string[], options: ResolveOptions) => Promise<ResolvedImage[]>;
  github?: Pick<GitHubClient, 'findApproval' | 'countRecentDeploys' | 'recordDeployment'>;
  gitlab?: Pick<GitLabClient, 'findApproval' | 'countRecentDeploys' | 'recordDeployment'>;
  now?: () => Date;
  newId?: () => string;
  onWarning?: (message: string) => void;
}

export interface GateResult {
  decision: Decision;
  record: DecisionRecord;
  /** Policy problems (each is also a POLICY_INVALID reason), for located annotations. */
  policyErrors: AstlError[];
  images: GateImage[];
}

const SECRET_KEY = /(token|secret|password|passwd|api[-_]?key|credential|private[-_]?key|auth)/i;

/** Params for the record: values under secret-looking keys are replaced. */
export function redactParams(value: unknown, depth = 0): unknown {
  if (depth > 32) return '[…]';
  if (Array.isArray(value)) return value.map((v) => redactParams(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactParams(v, depth + 1);
    return out;
  }
  return value;
}

export function toGateImage(r: ResolvedImage): GateImage {
  const image: GateImage = { input: r.input, isIndex: r.isIndex };
  if (r.reference) image.repository = r.reference.name;
  if (r.digest) image.digest = r.digest;
  if (r.pinned) image.pinned = r.pinned;
  if (r.mediaType) image.mediaType = r.mediaType;
  if (r.error) image.error = { code: r.error.code, message: r.error.message };
  return image;
}

function policyErrorReasons(err: AstlError, names: SettingNames): { reasons: Reason[]; errors: AstlError[] } {
  const errors = err instanceof AstlErrors ? err.errors : [err];
  return {
    errors,
    reasons: errors.map((e) => ({
      code: e.code === 'POLICY_NOT_FOUND' ? 'POLICY_NOT_FOUND' : 'POLICY_INVALID',
      rule: e.location
        ? formatLocation({ file: e.location.file, line: e.location.line })
        : (e.whereFor(names) ?? 'policy'),
      message: `${e.message}${e.hintFor(names) ? `. ${e.hintFor(names)}` : ''}; a policy that does not load denies every request`,
    })),
  };
}

function agentTypeFromRegistry(input: GateInput, warn: (m: string) => void): string | undefined {
  const path = input.registryPath ?? 'agent-config.yaml';
  const workspace = input.workspace ?? workspaceScope();
  try {
    if (!existsSync(resolveWorkspacePath(path, workspace, { setting: 'config' }).real)) return undefined;
    return loadRegistry(path, { workspace, use: { setting: 'config' } }).agents.find(
      (a) => a.name === input.agent,
    )?.type;
  } catch (err) {
    warn(`could not read the agent registry ${path} to find the agent's type: ${(err as Error).message}`);
    return undefined;
  }
}

/** Approvals, deploy counting and records on the platform the gate runs on, bound to the run. */
interface Platform {
  name: 'github' | 'gitlab';
  /** Why approvals cannot be read at all (e.g. no run id); then they fail closed. */
  approvalsUnavailable?: string;
  findApproval(environment: string, agent: string): Promise<{ approvedBy?: string; note?: string }>;
  countRecentDeploys(agent: string, since: Date): Promise<number>;
  recordDeployment(r: {
    agent: string;
    action: string;
    environment: string;
    decisionId: string;
    images: string[];
  }): Promise<unknown>;
  /** What the record failure reason asks for. */
  recordFix: string;
  /**
   * Record only decisions a budget counts. On GitLab a record is a deployment of a separate
   * environment (astl-gate/<agent>), which users without budgets should not find in their project.
   */
  recordOnlyForBudgets?: boolean;
}

function platformFor(input: GateInput, deps: GateDeps): Platform | undefined {
  const gl = input.gitlab;
  const gitlab = deps.gitlab;
  if (gl && gitlab) {
    return {
      name: 'gitlab',
      findApproval: (environment, agent) =>
        gitlab
          .findApproval({
            projectId: gl.projectId,
            ...(gl.jobId ? { jobId: gl.jobId } : {}),
            environment,
            excludedUsers: [agent, `${agent}[bot]`, ...(gl.excludedUsers ?? [])],
          })
          .then((r) => ({
            ...(r.approvedBy ? { approvedBy: r.approvedBy } : {}),
            ...(r.why ? { note: r.why } : {}),
          })),
      countRecentDeploys: (agent, since) =>
        gitlab.countRecentDeploys({ projectId: gl.projectId, agent, since }),
      recordDeployment: (r) =>
        gitlab.recordDeployment({
          projectId: gl.projectId,
          agent: r.agent,
          sha: gl.sha,
          ref: gl.ref,
          tag: gl.tag ?? false,
        }),
      recordFix:
        'Give the gate a token that can create deployments (CI_JOB_TOKEN of a Developer on GitLab 16.2+, or a project access token with the api scope in the agent-gate input token_variable)',
      recordOnlyForBudgets: true,
    };
  }
  const gh = input.github;
  const github = deps.github;
  if (gh && github) {
    return {
      name: 'github',
      ...(gh.runId
        ? {}
        : { approvalsUnavailable: "GITHUB_RUN_ID is not set, so the run's approvals cannot be read" }),
      findApproval: async (environment, agent) => {
        const approvedBy = await github.findApproval({
          owner: gh.owner,
          repo: gh.repo,
          runId: gh.runId ?? '',
          environment,
          agentLogins: [agent, `${agent}[bot]`],
        });
        return approvedBy ? { approvedBy } : {};
      },
      countRecentDeploys: (agent, since) =>
        github.countRecentDeploys({ owner: gh.owner, repo: gh.repo, agent, since }),
      recordDeployment: (r) =>
        github.recordDeployment({
          owner: gh.owner,
          repo: gh.repo,
          ...r,
          ref: gh.sha ?? input.ci.sha ?? 'main',
        }),
      recordFix: "Give the job's token `deployments: write`",
    };
  }
  return undefined;
}

export async function runGate(input: GateInput, deps: GateDeps = {}): Promise<GateResult> {
  const started = performance.now();
  const now = deps.now ?? (() => new Date());
  const warn = deps.onWarning ?? (() => {});
  const decisionId = (deps.newId ?? randomUUID)();
  const timestamp = now();

  // Image resolution is network work: start it first, so loading the policy (CPU) overlaps it,
  // and count deploys (also network) at the same time.
  const resolveStarted = performance.now();
  let resolveMs = 0;
  const resolving = (async () => {
    if (input.images.length === 0) return [];
    const resolver = deps.resolveImages ?? ociResolveImages;
    const resolved = await resolver(input.images, { deadlineMs: 30_000, ...input.resolve });
    resolveMs = performance.now() - resolveStarted;
    return resolved.map(toGateImage);
  })();
  resolving.catch(() => {}); // awaited below; this only keeps an early throw from going unhandled
  let policies: LoadedPolicies | undefined;
  let policyFailure: { reasons: Reason[]; errors: AstlError[] } | undefined;
  try {
    policies = loadPolicies(input.policyPath, {
      onWarning: warn,
      workspace: input.workspace ?? workspaceScope(),
      use: { setting: 'policy', code: 'POLICY_INVALID' },
    });
    if (policies.deploy.length === 0) {
      warn(`no deploy policy (a document with \`actions:\`) found in ${input.policyPath}`);
    }
  } catch (err) {
    if (!(err instanceof AstlError)) throw err;
    policyFailure = policyErrorReasons(err, input.names ?? ACTION_INPUTS);
  }
  const set: PolicySet = policies ?? { path: input.policyPath, deploy: [], agent: [] };
  const agentType = input.agentType ?? agentTypeFromRegistry(input, warn);

  const limit = policies ? budgetLimit({ agent: input.agent, action: input.action }, set) : undefined;
  const platform = platformFor(input, deps);
  let githubMs = 0;
  const counting = (async (): Promise<BudgetState | undefined> => {
    if (limit === undefined) return undefined;
    if (!platform) {
      return {
        error: input.gitlab
          ? 'no GitLab API client was given, so deploys cannot be counted'
          : input.github
            ? 'no github-token was given (or GITHUB_REPOSITORY is not set), so deploys cannot be counted'
            : 'this run is neither a GitHub Actions nor a GitLab job, so deploys cannot be counted',
      };
    }
    const t = performance.now();
    try {
      const used = await platform.countRecentDeploys(
        input.agent,
        new Date(timestamp.getTime() - 24 * 3600 * 1000),
      );
      return { used };
    } catch (err) {
      return { error: errorText(err) };
    } finally {
      githubMs += performance.now() - t;
    }
  })();
  const [images, budget] = await Promise.all([resolving, counting]);

  const request: GateRequest = {
    agent: input.agent,
    action: input.action,
    environment: input.environment,
    images,
    params: input.params,
  };
  if (agentType !== undefined) request.agentType = agentType;
  if (input.replicas !== undefined) request.replicas = input.replicas;

  const context: DecideContext = {
    platform: platform?.name ?? (input.gitlab ? 'gitlab' : input.github ? 'github' : 'none'),
  };
  if (budget) context.budget = budget;
  let evalMs = 0;
  const timedDecide = () => {
    const t = performance.now();
    const d = decide(request, set, context);
    evalMs += performance.now() - t;
    return d;
  };
  let decision = timedDecide();

  if (decision.decision === 'approval_needed') {
    if (!platform && !input.github && !input.gitlab) {
      // Neither platform (a laptop): no approval can exist, so the answer is approval_needed.
      context.approval = {};
    } else if (!platform || platform.approvalsUnavailable) {
      context.approval = {
        error:
          platform?.approvalsUnavailable ??
          (input.gitlab
            ? 'no GitLab API client was given, so approvals cannot be read'
            : 'no github-token was given (or GITHUB_REPOSITORY / GITHUB_RUN_ID are not set), so approvals cannot be read'),
      };
    } else {
      const t = performance.now();
      try {
        context.approval = await platform.findApproval(input.environment, input.agent);
      } catch (err) {
        context.approval = { error: errorText(err) };
      }
      githubMs += performance.now() - t;
    }
    decision = timedDecide();
  }

  if (policyFailure) {
    // NO_POLICY would only repeat that the policy did not load.
    const others = decision.reasons.filter((r) => r.code !== 'NO_POLICY');
    decision.reasons.splice(0, decision.reasons.length, ...policyFailure.reasons, ...others);
    decision.decision = 'deny';
  }

  if (
    decision.decision === 'allow' &&
    input.mode === 'enforce' &&
    platform &&
    (decision.needsBudget || !platform.recordOnlyForBudgets)
  ) {
    const t = performance.now();
    try {
      await platform.recordDeployment({
        agent: input.agent,
        action: input.action,
        environment: input.environment,
        decisionId,
        images: images.map((i) => i.pinned ?? i.input),
      });
    } catch (err) {
      if (decision.needsBudget) {
        // An unrecorded deploy would not count against the budget later: fail closed.
        decision.decision = 'deny';
        decision.reasons.push({
          code: 'DEPLOYMENT_RECORD_FAILED',
          rule: `${matchingRules(request, set).find((r) => r.maxPerDay !== undefined)?.keyAt.max_per_day ?? input.policyPath} max_per_day`,
          message: `the allowed deploy could not be recorded, so the budget could not count it: ${errorText(err)}. ${platform.recordFix}`,
        });
      } else {
        warn(
          `the allowed deploy was not recorded as a ${platform.name === 'gitlab' ? 'GitLab' : 'GitHub'} deployment: ${errorText(err)}`,
        );
      }
    }
    githubMs += performance.now() - t;
  }

  const record: DecisionRecord = {
    decision_id: decisionId,
    timestamp: timestamp.toISOString(),
    decision: decision.decision,
    mode: input.mode,
    enforced: input.mode === 'enforce',
    policy: { path: input.policyPath, sha256: policies?.sha256 ?? null, files: policies?.files ?? [] },
    request: {
      agent: input.agent,
      agent_type: agentType ?? null,
      action: input.action,
      environment: input.environment,
      images: input.images,
      replicas: input.replicas ?? null,
      params: redactParams(input.params) as Record<string, unknown>,
    },
    images: imageEntries(images),
    reasons: decision.reasons,
    checks_passed: decision.decision === 'allow' ? decision.passed : [],
    budget: decision.budget ? { limit: decision.budget.limit, used: budget?.used ?? null } : null,
    approval: decision.approval.approvedBy
      ? { required: decision.approval.required, approved_by: decision.approval.approvedBy }
      : { required: decision.approval.required },
    metrics: {
      timer_resolve_ms: round(resolveMs),
      timer_eval_ms: round(evalMs),
      timer_github_ms: round(githubMs),
      timer_total_ms: round(performance.now() - started),
    },
    ci: input.ci,
  };
  return { decision, record, policyErrors: policyFailure?.errors ?? [], images };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function errorText(err: unknown): string {
  if (err instanceof AstlError) return `${err.message}${err.hint ? ` (${err.hint})` : ''}`;
  return err instanceof Error ? err.message : String(err);
}
