/**
 * The gate's data model: a deploy request, the policies it is checked against, and the decision.
 * Engine code only; no Actions I/O.
 */
import type { SourceLocation } from '../core/index.js';
import type { CostBudget } from './cost.js';

export type DecisionValue = 'allow' | 'deny' | 'approval_needed';
export type Mode = 'enforce' | 'shadow';

/** One reason behind a decision. `rule` names `file:line` and the rule key. */
export interface Reason {
  code: string;
  rule: string;
  message: string;
}

/** An image as the resolver left it (the shape of packages/oci's ResolvedImage). */
export interface GateImage {
  /** What the user wrote. */
  input: string;
  /** Normalized repository, e.g. `ghcr.io/acme/app` or `docker.io/library/nginx`. */
  repository?: string;
  /** The resolved digest (`sha256:…`); absent when resolution failed. */
  digest?: string;
  /** `repository@digest`: the exact bytes the gate checked. */
  pinned?: string;
  mediaType?: string;
  isIndex?: boolean;
  error?: { code: string; message: string };
}

export interface GateRequest {
  agent: string;
  /** From the agent registry, when one is available; needed to match AgentPolicy `agentTypes`. */
  agentType?: string;
  action: string;
  environment: string;
  images: GateImage[];
  replicas?: number;
  params: Record<string, unknown>;
}

/** A compiled CEL expression with where it came from. */
export interface CompiledExpression {
  source: string;
  /** `file:line` plus the key, e.g. `policies/deploy.yaml:9 deny_when`. */
  rule: string;
  /**
   * true/false, or why there is no answer. `budget` is shared by every expression of one decision
   * (a fresh one when absent); once it is spent, evaluation stops with code EXPRESSION_COST.
   */
  evaluate(vars: ExpressionVars, budget?: CostBudget): boolean | ExpressionFailure;
}

export interface ExpressionFailure {
  error: string;
  /** EXPRESSION_COST when the cost or time limit stopped evaluation; absent for other errors. */
  code?: 'EXPRESSION_COST';
}

export interface ExpressionVars {
  agent: string;
  action: string;
  env: string;
  images: ReadonlyArray<Record<string, unknown>>;
  replicas: bigint | null;
  params: Record<string, unknown>;
}

export type AllowedImage = { digest: string; at: string } | { repository: string; at: string };

/** One `actions[]` entry of a deploy policy, ready to evaluate. */
export interface ActionRule {
  name: string;
  /** `file:line` of the action entry. */
  at: string;
  /** `file:line` of each rule key present, for reasons. */
  keyAt: Record<string, string>;
  allowedEnvironments?: string[];
  approvalNeeded?: boolean | CompiledExpression;
  allowedImages?: AllowedImage[];
  maxReplicas?: number;
  maxPerDay?: number;
  /** Normalised host globs. */
  allowedHosts?: string[];
  /** Params whose values are text or identifiers, not destinations (for allowed_hosts). */
  textParams?: string[];
  denyWhen?: CompiledExpression;
}

export interface DeployPolicy {
  agent: string;
  file: string;
  location: SourceLocation;
  actions: ActionRule[];
}

/** The part of an AgentPolicy the gate enforces. */
export interface GateAgentPolicy {
  name: string;
  file: string;
  /** `file:line` of the policy (or its restriction). */
  at: string;
  agentTypes: string[];
  restrictions: string[];
  /** `file:line` of each restriction, parallel to `restrictions`. */
  restrictionAt: string[];
}

export interface LoadedPolicies {
  /** What the user named (file or folder). */
  path: string;
  /** sha256 over the loaded files: sorted by path, each `path NUL bytes`. */
  sha256: string;
  files: string[];
  deploy: DeployPolicy[];
  agent: GateAgentPolicy[];
}

export interface ApprovalState {
  /** Login of the approving reviewer. */
  approvedBy?: string;
  /** Set when the approvals API could not be asked. */
  error?: string;
  /** Why no approval was found (e.g. the GitLab deployment is still blocked), for the reason. */
  note?: string;
}

export interface BudgetState {
  /** Allowed deploys the gate recorded for this agent in the last 24 h. */
  used?: number;
  error?: string;
}

export interface DecideContext {
  /** Present once the approvals API has been asked. */
  approval?: ApprovalState;
  /** Present once the deployments API has been asked. */
  budget?: BudgetState;
  /** Is this environment production-tier (for AgentPolicy `deny: production-access`)? */
  isProduction?: (environment: string) => boolean;
  /** Where approvals and budgets come from, for the fix in a reason; default github. */
  platform?: 'github' | 'gitlab' | 'none';
}

/** A check an allowed request passed: the policy line, and what was checked in words. */
export interface PassedCheck {
  rule: string;
  check: string;
}

export interface Decision {
  decision: DecisionValue;
  reasons: Reason[];
  /** On allow: every check the request passed, so an auditor sees why it was allowed. */
  passed: PassedCheck[];
  /** Actions of matching policies that applied. */
  matched: string[];
  approval: { required: boolean; approvedBy?: string };
  budget?: { limit: number; used?: number };
  /** True when a matching rule sets max_per_day (the caller must count deploys). */
  needsBudget: boolean;
}
