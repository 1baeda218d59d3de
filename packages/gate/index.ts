export { budgetLimit, decide, exitCodeFor, expressionVars, matchingRules, type PolicySet } from './decide.js';
export { compileExpression, EXPRESSION_LIMITS } from './expressions.js';
export {
  type GateDeps,
  type GateInput,
  type GateResult,
  redactParams,
  runGate,
  toGateImage,
} from './gate.js';
export { GitHubClient, type GitHubClientOptions } from './github.js';
export { budgetEnvironment, GitLabClient, type GitLabClientOptions } from './gitlab.js';
export { hostGlobProblem, hostMatches, hostsInParams, hostsInString } from './hosts.js';
export {
  deployPolicySchema,
  loadPolicies,
  normalizeRepository,
  parseDeployPolicies,
  policySha256,
} from './policy.js';
export { type CiInfo, type DecisionRecord, renderMarkdown } from './record.js';
export type * from './types.js';
