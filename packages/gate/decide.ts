/**
 * The decision: a pure, synchronous function of the request, the loaded policies and what the
 * caller already learned from the network (approvals, deploy count). No I/O, so it is fast
 * (well under a millisecond) and every rule can be unit-tested on its own.
 *
 * Fail closed: no matching policy is a deny; every rule of every matching policy applies (the
 * agent's own and `agent: "*"`), any deny wins; precedence is deny > approval_needed > allow.
 */
import { isProductionEnvironment } from '../registry/check.js';
import { CostBudget } from './cost.js';
import { type HostForm, type HostMention, hostsInParams, matchNormalized } from './hosts.js';
import { paramsProblems, replicasProblem } from './params.js';
import type {
  ActionRule,
  CompiledExpression,
  DecideContext,
  Decision,
  DecisionValue,
  DeployPolicy,
  ExpressionVars,
  GateAgentPolicy,
  GateRequest,
  PassedCheck,
  Reason,
} from './types.js';

export interface PolicySet {
  /** The policy file or folder, for NO_POLICY reasons. */
  path: string;
  deploy: DeployPolicy[];
  agent: GateAgentPolicy[];
}

/** At most this many HOST_NOT_ALLOWED reasons per rule, so a huge params cannot flood a record. */
const MAX_HOST_REASONS = 20;

/** The rules (policy action entries) that apply to this agent and action. */
export function matchingRules(
  request: Pick<GateRequest, 'agent' | 'action'>,
  policies: PolicySet,
): ActionRule[] {
  const out: ActionRule[] = [];
  for (const p of policies.deploy) {
    if (p.agent !== '*' && p.agent !== request.agent) continue;
    for (const a of p.actions) if (a.name === request.action) out.push(a);
  }
  return out;
}

/** The tightest `max_per_day` of the matching rules, or undefined when none sets a budget. */
export function budgetLimit(
  request: Pick<GateRequest, 'agent' | 'action'>,
  policies: PolicySet,
): number | undefined {
  let limit: number | undefined;
  for (const r of matchingRules(request, policies)) {
    if (r.maxPerDay !== undefined) limit = limit === undefined ? r.maxPerDay : Math.min(limit, r.maxPerDay);
  }
  return limit;
}

/** The CLI's exit code for a decision (DESIGN.md): 0 allow, 1 deny, 2 approval_needed. */
export function exitCodeFor(decision: DecisionValue): 0 | 1 | 2 {
  return decision === 'allow' ? 0 : decision === 'approval_needed' ? 2 : 1;
}

export function expressionVars(request: GateRequest): ExpressionVars {
  return {
    agent: request.agent,
    action: request.action,
    env: request.environment,
    images: request.images.map((i) => ({
      input: i.input,
      repository: i.repository ?? null,
      digest: i.digest ?? null,
      pinned: i.pinned ?? null,
    })),
    replicas:
      request.replicas === undefined || !Number.isFinite(request.replicas)
        ? null
        : BigInt(Math.trunc(request.replicas)),
    params: request.params,
  };
}

/**
 * How to fix a failed approval or budget check, in the terms of the platform the gate runs on
 * (DecideContext.platform): GitHub token permissions and environments, or GitLab tokens and
 * protected environments with deployment approvals.
 */
const PLATFORM_FIX = {
  github: {
    budget:
      "Give the job's token `deployments: read` and `deployments: write` (permissions: deployments: write)",
    approvalCheck: "Give the job's token `actions: read` (permissions: actions: read)",
    approvalRequired: (env: string) =>
      `run the job in a GitHub environment named '${env}' with required reviewers (Settings > Environments > Deployment protection rules), and have a reviewer approve the run`,
  },
  gitlab: {
    budget:
      'On GitLab the gate counts and records its allowed deploys as deployments of the environment astl-gate/<agent>: the token (agent-gate input token_variable, default CI_JOB_TOKEN; --gitlab-token-env on the CLI) must read and create deployments (CI_JOB_TOKEN of a Developer on GitLab 16.2+, or a project access token with the api scope)',
    approvalCheck:
      'On GitLab the token (agent-gate input token_variable, default CI_JOB_TOKEN) must read deployments (a Reporter, or an access token with read_api)',
    approvalRequired: (env: string) =>
      `on GitLab, protect the environment '${env}' with required deployment approvals (Settings > CI/CD > Protected environments), run the gate in the job that deploys to it (environment: ${env}; see the agent-gate component's approvals section), and have someone other than the agent and the pipeline's user approve the deployment`,
  },
  none: {
    budget:
      'max_per_day needs the GitHub Deployments API (a github-token) or, in a GitLab job, the GitLab Deployments API; elsewhere budgets cannot be counted',
    approvalCheck:
      'approvals need the GitHub API (a github-token) or, in a GitLab job, the GitLab Deployments API',
    approvalRequired: (env: string) =>
      `have a human approve the deploy to '${env}': on GitHub through an environment with required reviewers, on GitLab through a protected environment with deployment approvals`,
  },
} as const;

function ruleName(rule: ActionRule, key: string): string {
  return `${rule.keyAt[key] ?? rule.at} ${key}`;
}

/**
 * Evaluates a CEL rule; an evaluation error is a deny reason (EXPRESSION_ERROR), and so is a
 * spent cost budget (EXPRESSION_COST).
 */
function evaluate(
  expr: CompiledExpression,
  vars: ExpressionVars,
  reasons: Reason[],
  budget: CostBudget,
): boolean | undefined {
  const result = expr.evaluate(vars, budget);
  if (typeof result === 'boolean') return result;
  if (result.code === 'EXPRESSION_COST') {
    reasons.push({
      code: 'EXPRESSION_COST',
      rule: expr.rule,
      message: `the expression \`${truncate(expr.source, 200)}\` was stopped: ${result.error}; an expression that cannot finish denies`,
    });
    return undefined;
  }
  reasons.push({
    code: 'EXPRESSION_ERROR',
    rule: expr.rule,
    message: `the expression \`${truncate(expr.source, 200)}\` failed: ${result.error}; an expression that cannot be evaluated denies. Guard optional params with has(), e.g. has(params.amount) && params.amount > 1000`,
  });
  return undefined;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function imageReasons(request: GateRequest, reasons: Reason[]): void {
  request.images.forEach((image, i) => {
    const rule = `images[${i}]`;
    if (image.error) {
      reasons.push({ code: image.error.code, rule, message: `${image.input}: ${image.error.message}` });
    } else if (!image.digest) {
      reasons.push({
        code: 'IMAGE_UNRESOLVED',
        rule,
        message: `${image.input} could not be resolved to a digest; the gate never trusts a tag. Check the reference, or pin it as <repository>@sha256:<digest>`,
      });
    }
  });
}

function checkRule(
  rule: ActionRule,
  request: GateRequest,
  vars: ExpressionVars,
  context: DecideContext,
  reasons: Reason[],
  hosts: (textParams: readonly string[] | undefined) => HostMention[],
  cost: CostBudget,
): boolean {
  let approvalRequired = false;

  if (rule.allowedEnvironments && !rule.allowedEnvironments.includes(request.environment)) {
    reasons.push({
      code: 'ENVIRONMENT_NOT_ALLOWED',
      rule: ruleName(rule, 'allowed_environments'),
      message: `environment '${request.environment}' is not in allowed_environments [${rule.allowedEnvironments.join(', ')}]; deploy to one of those, or add '${request.environment}' to the policy`,
    });
  }

  if (rule.denyWhen && evaluate(rule.denyWhen, vars, reasons, cost) === true) {
    reasons.push({
      code: 'DENY_WHEN',
      rule: rule.denyWhen.rule,
      message: `deny_when \`${truncate(rule.denyWhen.source, 200)}\` is true for this request; change the request so that it is false`,
    });
  }

  if (rule.allowedImages) {
    const allowed = rule.allowedImages;
    request.images.forEach((image, i) => {
      if (!image.digest) return; // already a deny reason of its own
      const ok = allowed.some((a) =>
        'digest' in a
          ? a.digest === image.digest
          : image.repository !== undefined && a.repository === image.repository,
      );
      if (ok) return;
      const pinned = image.pinned ?? `${image.repository}@${image.digest}`;
      reasons.push({
        code: 'IMAGE_NOT_ALLOWED',
        rule: ruleName(rule, 'allowed_images'),
        message: `images[${i}] ${image.input} resolves to ${pinned}, which allowed_images does not list; deploy an allowed digest, or add \`- digest: ${image.digest}\`${image.repository ? ` (or \`- repository: ${image.repository}\`)` : ''} to the policy`,
      });
    });
  }

  if (
    rule.maxReplicas !== undefined &&
    request.replicas !== undefined &&
    request.replicas > rule.maxReplicas
  ) {
    reasons.push({
      code: 'REPLICAS_OVER_LIMIT',
      rule: ruleName(rule, 'max_replicas'),
      message: `${request.replicas} replicas asked for; max_replicas is ${rule.maxReplicas}. Ask for at most ${rule.maxReplicas}, or raise the limit`,
    });
  }

  if (rule.maxPerDay !== undefined) {
    const budget = context.budget;
    if (!budget || budget.error !== undefined || budget.used === undefined) {
      reasons.push({
        code: 'BUDGET_CHECK_FAILED',
        rule: ruleName(rule, 'max_per_day'),
        message: `could not count this agent's deploys of the last 24 h${budget?.error ? `: ${budget.error}` : ''}; the gate fails closed. ${PLATFORM_FIX[context.platform ?? 'github'].budget}`,
      });
    } else if (budget.used >= rule.maxPerDay) {
      reasons.push({
        code: 'BUDGET_EXHAUSTED',
        rule: ruleName(rule, 'max_per_day'),
        message: `agent '${request.agent}' already has ${budget.used} allowed deploys in the last 24 h; max_per_day is ${rule.maxPerDay}. Wait until the oldest is 24 h old, or raise the budget`,
      });
    }
  }

  if (rule.allowedHosts) hostReasons(rule, hosts(rule.textParams), reasons);

  if (rule.approvalNeeded !== undefined) {
    if (typeof rule.approvalNeeded === 'boolean') approvalRequired = rule.approvalNeeded;
    else approvalRequired = evaluate(rule.approvalNeeded, vars, reasons, cost) === true;
  }
  return approvalRequired;
}

const FORM_WORDS: Record<HostForm, string> = {
  url: 'the host of a URL',
  'user@host': 'the host of user@host',
  'host:port': 'the host of host:port',
  'host/path': 'the host of host/path or host:path (as curl, scp and git read them)',
  ipv4: 'an IPv4 address (inet_aton reads 1 to 4 decimal, octal or hex parts)',
  ipv6: 'an IPv6 address',
  'dotted name': 'a dotted name (any last label may be a TLD: .sh, .pl, .md and .zip are)',
  'single label':
    'a single-label name given as a whole value (hosts files and DNS search domains resolve those)',
  'local name': 'a name of the machine itself or of its cloud metadata service',
  number: 'a number under a key that names a destination (an IPv4 address as one integer)',
  unscanned: 'params nested too deep to scan',
};

/** The param a mention sits in, as text_params names it (`release.notes`, no list indices). */
function paramName(path: string): string {
  return path
    .replace(/^params\.?/, '')
    .replace(/\[\d+\]/g, '')
    .replace(/\["((?:[^"\\]|\\.)*)"\]/g, (_, k: string) => `.${k}`)
    .replace(/^\./, '');
}

function hostReasons(rule: ActionRule, mentions: HostMention[], reasons: Reason[]): void {
  const globs = rule.allowedHosts ?? [];
  let reported = 0;
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.host) || globs.some((g) => matchNormalized(m.host, g))) continue;
    seen.add(m.host);
    if (reported++ >= MAX_HOST_REASONS) break;
    const ipv4 = m.ipv4 ? ` (it embeds the IPv4 address ${m.ipv4})` : '';
    const param = paramName(m.path);
    const asText =
      m.textSensitive && param
        ? `. If ${m.path} holds text or an identifier rather than a host, list "${param}" under text_params`
        : '';
    reasons.push({
      code: 'HOST_NOT_ALLOWED',
      rule: ruleName(rule, 'allowed_hosts'),
      message: `${m.path} names host '${m.host}'${ipv4} in ${JSON.stringify(m.token)}, read as ${FORM_WORDS[m.form]}; it matches none of allowed_hosts [${globs.join(', ')}]. Remove it from the request, or add "${m.host}" to allowed_hosts ("*" is one DNS label, "**" one or more)${asText}`,
    });
  }
}

function agentPolicyReasons(
  request: GateRequest,
  policies: PolicySet,
  context: DecideContext,
  reasons: Reason[],
) {
  const isProduction = context.isProduction ?? isProductionEnvironment;
  if (!isProduction(request.environment)) return;
  for (const p of policies.agent) {
    const index = p.restrictions.indexOf('production-access');
    if (index < 0) continue;
    const rule = `${p.restrictionAt[index] ?? p.at} ${p.name} restrictions`;
    const appliesToAll = p.agentTypes.includes('*');
    if (request.agentType === undefined && !appliesToAll) {
      reasons.push({
        code: 'AGENT_TYPE_UNKNOWN',
        rule,
        message: `AgentPolicy '${p.name}' denies production-access to agent types [${p.agentTypes.join(', ')}], and the type of agent '${request.agent}' is unknown (no agent registry entry); the gate fails closed. Register the agent in agent-config.yaml with its type`,
      });
    } else if (
      appliesToAll ||
      (request.agentType !== undefined && p.agentTypes.includes(request.agentType))
    ) {
      reasons.push({
        code: 'PRODUCTION_ACCESS_DENIED',
        rule,
        message: `AgentPolicy '${p.name}' denies production-access to ${appliesToAll ? 'every agent' : `agents of type '${request.agentType}'`}, and '${request.environment}' is a production-tier environment; deploy to a non-production environment, or have a human deploy`,
      });
    }
  }
}

/**
 * What a request that no rule denied has passed, rule by rule (called only when there is no
 * reason): the summary of an allow lists them, as conftest lists the rules a document passed.
 */
function passedChecks(
  request: GateRequest,
  rules: ActionRule[],
  context: DecideContext,
  approvalRequired: boolean,
): PassedCheck[] {
  const passed: PassedCheck[] = [];
  const images = request.images.filter((i) => i.digest);
  if (images.length > 0) {
    passed.push({ rule: 'images', check: `${images.length} image(s) resolved to a digest` });
  }
  for (const rule of rules) {
    const add = (key: string, check: string) => passed.push({ rule: ruleName(rule, key), check });
    if (rule.allowedEnvironments)
      add('allowed_environments', `environment '${request.environment}' is allowed`);
    if (rule.denyWhen) add('deny_when', `\`${truncate(rule.denyWhen.source, 120)}\` is false`);
    if (rule.allowedImages && images.length > 0) add('allowed_images', 'every image digest is allowed');
    if (rule.maxReplicas !== undefined && request.replicas !== undefined) {
      add('max_replicas', `${request.replicas} replicas, at most ${rule.maxReplicas}`);
    }
    if (rule.maxPerDay !== undefined) {
      add('max_per_day', `${context.budget?.used ?? 0} of ${rule.maxPerDay} deploys used in the last 24 h`);
    }
    if (rule.allowedHosts) add('allowed_hosts', 'every host named in params is allowed');
    if (rule.approvalNeeded !== undefined && !approvalRequired) {
      const expr =
        typeof rule.approvalNeeded === 'boolean' ? String(rule.approvalNeeded) : rule.approvalNeeded.source;
      add('approval_needed', `\`${truncate(expr, 120)}\` does not ask for approval here`);
    }
  }
  return passed;
}

export function decide(request: GateRequest, policies: PolicySet, context: DecideContext = {}): Decision {
  const reasons: Reason[] = [];
  const rules = matchingRules(request, policies);
  const limit = budgetLimit(request, policies);
  const decision: Decision = {
    decision: 'deny',
    reasons,
    matched: rules.map((r) => `${r.at} ${r.name}`),
    passed: [],
    approval: { required: false },
    needsBudget: limit !== undefined,
  };
  if (limit !== undefined) decision.budget = { limit, used: context.budget?.used };

  // Untrusted numbers and params first: a value no rule can judge (NaN, oversized) is a deny,
  // and the rules below never see it.
  const inputProblems = paramsProblems(request.params);
  const replicas = replicasProblem(request.replicas);
  if (replicas) inputProblems.push(replicas);
  reasons.push(...inputProblems);

  imageReasons(request, reasons);
  agentPolicyReasons(request, policies, context, reasons);

  if (rules.length === 0) {
    const forAgent = policies.deploy.filter((p) => p.agent === request.agent || p.agent === '*');
    const known = [...new Set(forAgent.flatMap((p) => p.actions.map((a) => a.name)))];
    reasons.push({
      code: 'NO_POLICY',
      rule: policies.path,
      message:
        known.length > 0
          ? `no deploy policy lets agent '${request.agent}' do '${request.action}' (its policies cover: ${known.join(', ')}); the gate denies what no policy allows. Add an action '${request.action}' to a policy for this agent`
          : `no deploy policy names agent '${request.agent}' (or "*"); the gate denies what no policy allows. Add a policy with \`agent: ${request.agent}\` and an action '${request.action}'`,
    });
    return decision;
  }
  if (inputProblems.length > 0) return decision;

  const vars = expressionVars(request);
  const cost = new CostBudget();
  const hostCache = new Map<string, HostMention[]>();
  const hosts = (textParams: readonly string[] | undefined) => {
    const key = JSON.stringify(textParams ?? []);
    let found = hostCache.get(key);
    if (!found) {
      found = hostsInParams(request.params, { textParams });
      hostCache.set(key, found);
    }
    return found;
  };
  let approvalRequired = false;
  for (const rule of rules) {
    if (checkRule(rule, request, vars, context, reasons, hosts, cost)) approvalRequired = true;
  }
  decision.approval.required = approvalRequired;

  if (reasons.length > 0) return decision;
  decision.passed = passedChecks(request, rules, context, approvalRequired);
  if (!approvalRequired) {
    decision.decision = 'allow';
    return decision;
  }
  const approvalRule = rules.find((r) => r.approvalNeeded !== undefined);
  const rule = approvalRule ? ruleName(approvalRule, 'approval_needed') : policies.path;
  const approval = context.approval;
  if (approval?.approvedBy) {
    decision.approval.approvedBy = approval.approvedBy;
    decision.passed.push({ rule, check: `approval_needed: approved by ${approval.approvedBy}` });
    decision.decision = 'allow';
    return decision;
  }
  if (approval?.error) {
    reasons.push({
      code: 'APPROVAL_CHECK_FAILED',
      rule,
      message: `this request needs approval, and the run's approvals could not be read: ${approval.error}; the gate fails closed. ${PLATFORM_FIX[context.platform ?? 'github'].approvalCheck}`,
    });
    return decision;
  }
  decision.decision = 'approval_needed';
  reasons.push({
    code: 'APPROVAL_REQUIRED',
    rule,
    message: `this request needs approval by someone other than the agent: ${PLATFORM_FIX[context.platform ?? 'github'].approvalRequired(request.environment)}${approval?.note ? ` (${approval.note})` : ''}`,
  });
  return decision;
}
