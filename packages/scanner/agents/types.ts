/** What discovery records about each agent that runs in CI (the inventory's rows). */

export type BindingKind = 'credentials step' | 'ASTL_AGENT' | 'GitLab component' | 'none';

export interface AgentBinding {
  kind: BindingKind;
  /** The registered agent's name, when the binding resolves. */
  agent?: string;
  /** What the binding names (`agent` / `agent-type` inputs, ASTL_AGENT), as written. */
  selector?: string;
  /** Where the binding is written. */
  line?: number;
  /** The registry the binding is resolved against (workspace-relative). */
  registry?: string;
  /** Why it does not resolve (registry missing, unknown agent, a `${{ }}` value). */
  problem?: string;
  /** The registry exists but cannot be read (invalid YAML or schema, outside the workspace): the scan fails. */
  registryUnreadable?: boolean;
}

export interface DiscoveredAgent {
  /** Catalog entry. */
  agent: { id: string; name: string; vendor?: string; docs: string };
  platform: 'github' | 'gitlab';
  file: string;
  /** Workflow `name:` (GitHub) or the pipeline file. */
  workflow?: string;
  /** Job id (GitHub), job name (GitLab); undefined in a composite action definition. */
  job?: string;
  /** Line of the job key, and the last line of the job. */
  jobLines?: [number, number];
  /** Where the agent is invoked. */
  line: number;
  how: 'action' | 'command' | 'hosted' | 'composite action' | 'reusable workflow';
  /** `anthropics/claude-code-action@v1`, `claude -p …`. */
  invocation: string;
  /** Events that start it (GitHub), or a note on pipelines (GitLab). */
  triggers: string[];
  /** Triggers outsiders can cause. */
  untrustedTriggers: string[];
  /** How outsiders are kept out: an `if:` gate, the agent's own write-access check, or none. */
  gate: string;
  /** The job's GITHUB_TOKEN permissions, summarised. */
  permissions: string;
  /** Secrets the job receives (names), besides the agent's own model credential. */
  secrets: string[];
  /** The agent's own model credential, when it comes from a secret. */
  modelCredentials: string[];
  /** `restricted`, or how it runs without tool restrictions. */
  tools: string;
  binding: AgentBinding;
  /** Fingerprints of the findings raised about this agent (resolved after suppressions). */
  fingerprints: string[];
}

export interface RegisteredAgent {
  name: string;
  type: string;
  owner?: string;
  purpose?: string;
  permissions: string[];
  registry: string;
  line?: number;
}

export interface AgentInventory {
  registered: RegisteredAgent[];
  discovered: (Omit<DiscoveredAgent, 'fingerprints'> & {
    findings: { ruleId: string; severity: string; line: number }[];
  })[];
  /** Jobs that mint credentials for a registered agent without a recognised AI agent in them. */
  credentialJobs: { agent: string; file: string; job: string; line: number }[];
}
