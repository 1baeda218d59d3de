/**
 * The scanner's own rules (the secret rules live in ./secrets). Every id has a section in
 * docs/scan.md; `helpAnchor` is the anchor GitHub generates for the heading "`<id>`".
 */
import type { RuleMeta, Severity } from './finding.js';

export const DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/scan.md';

/** Where a rule is documented: the secret rules have their own page. */
export function helpUriFor(rule: Pick<RuleMeta, 'id' | 'helpAnchor'>): string {
  const page = rule.id.startsWith('secret/') ? DOCS_URL.replace(/scan\.md$/, 'secrets.md') : DOCS_URL;
  return `${page}${rule.helpAnchor || anchorFor(rule.id)}`;
}

/** GitHub's heading anchor for a rule id written as `` `agent/missing-owner` ``. */
export function anchorFor(id: string): string {
  return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}

function rule(
  id: string,
  severity: Severity,
  securitySeverity: number,
  title: string,
  description: string,
  tags: string[],
): RuleMeta {
  return {
    id,
    severity,
    securitySeverity,
    title,
    description,
    helpAnchor: anchorFor(id),
    tags: ['security', ...tags],
  };
}

export const SCANNER_RULES: RuleMeta[] = [
  // Agent registry
  rule(
    'agent/missing-owner',
    'error',
    6.0,
    'Agent without an owner',
    'Every registered agent needs `owner:`, a human or team accountable for what it does; the credentials action refuses agents without one.',
    ['agent', 'governance'],
  ),
  rule(
    'agent/missing-purpose',
    'warning',
    4.0,
    'Agent without a purpose',
    'An agent without `purpose:` cannot be audited against what it is for; each credential request then has to state a purpose itself.',
    ['agent', 'governance'],
  ),
  rule(
    'agent/audit-not-full',
    'warning',
    5.0,
    'Agent audit level is not full',
    '`audit-level: minimal` or `none` drops the who/why/how-long records auditors rely on.',
    ['agent', 'audit'],
  ),
  rule(
    'agent/long-lived-credentials',
    'error',
    8.0,
    'Long-lived credential policy',
    '`credential-policy: long-lived` lets the agent hold credentials that outlive the job; a leaked one stays useful for days. Use `ephemeral`.',
    ['agent', 'credentials'],
  ),
  rule(
    'agent/ttl-over-policy',
    'error',
    6.5,
    'Agent max-ttl exceeds its AgentPolicy',
    "The agent's `max-ttl` is longer than the `credentialPolicy.maxTtl` of the AgentPolicy for its type; requests would be refused.",
    ['agent', 'credentials', 'policy'],
  ),
  rule(
    'agent/policy-contradiction',
    'error',
    7.5,
    'Agent permissions contradict an AgentPolicy',
    'The agent declares a permission that a `restrictions:` entry of the AgentPolicy for its type denies (`deny: secrets`, `deny: write-access`, `deny: production-access`, ...), or a credential policy the AgentPolicy forbids.',
    ['agent', 'policy'],
  ),
  rule(
    'agent/broader-than-peers',
    'warning',
    5.5,
    'Agent has broader access than similar agents',
    'The agent holds a resource none of the other agents of its type holds, or a higher access level on a resource than any of them (read < comment < write < admin). Compared only when the type has at least two other agents.',
    ['agent', 'least-privilege'],
  ),
  rule(
    'agent/session-policy-missing',
    'error',
    5.0,
    'Session policy file not found',
    'The registry names an AWS `session-policy` file that does not exist, so the scope-down the entry promises would not apply.',
    ['agent', 'iam'],
  ),
  // AI agents discovered in CI (packages/scanner/agents, docs/agents.md)
  rule(
    'agent/unregistered',
    'warning',
    5.0,
    'AI agent not bound to a registered agent',
    'An AI agent (a catalog action or CLI) runs in a job that neither mints credentials for a registered agent (`astl/agent-credentials` step, GitLab component) nor names one (`ASTL_AGENT`), or the name it gives is not in the registry: a shadow agent without owner, purpose or declared permissions.',
    ['agent', 'governance'],
  ),
  rule(
    'agent/ungated-trigger',
    'error',
    8.0,
    'AI agent on an untrusted trigger without an actor gate',
    'The agent runs on `issues`, `issue_comment`, `pull_request_target`, review or discussion events, which anyone can cause, with no `if:` that checks who did (author_association, a named actor, a maintainer label) and no write-access check of its own, in a job with a write token or secrets.',
    ['agent', 'injection'],
  ),
  rule(
    'agent/any-user-allowed',
    'error',
    8.0,
    'AI agent lets any user trigger it',
    '`allowed_non_write_users: "*"` (Claude Code Action) or `allow-users: "*"` (Codex Action) switches off the action\'s check that the actor has write access, so anyone who can open an issue or comment drives the agent.',
    ['agent', 'injection'],
  ),
  rule(
    'agent/any-bot-allowed',
    'error',
    7.5,
    'AI agent trusts any bot account',
    "`allowed_bots: \"*\"`, or an `if:` such as `endsWith(github.actor, '[bot]')` or `github.event.sender.type == 'Bot'`, admits every bot account, including GitHub Apps an attacker controls or bots that repeat their text.",
    ['agent', 'injection'],
  ),
  rule(
    'agent/unrestricted-tools',
    'error',
    8.5,
    'AI agent with unrestricted tools on an untrusted trigger',
    "The agent may run any shell command or tool (`--dangerously-skip-permissions`, `Bash` allowed, `--yolo`, `--full-auto`, `sandbox: danger-full-access`, run-gemini-cli without a core-tools allowlist…) on an event anyone can trigger, without an actor gate: injected text turns into commands with the job's credentials.",
    ['agent', 'injection'],
  ),
  rule(
    'agent/untrusted-prompt',
    'error',
    8.0,
    "Untrusted text in an AI agent's prompt",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    'Text outsiders write (issue and pull request titles and bodies, comments, branch names, commit messages) reaches the prompt of an agent that holds a write token, secrets or unrestricted tools: through `${{ }}` in a prompt input, or an environment variable, here-document or pipe into the CLI. Instructions hidden in it steer the agent.',
    ['agent', 'injection'],
  ),
  rule(
    'agent/output-in-run',
    'error',
    8.5,
    'AI agent output used as code',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    "The agent's answer (`${{ steps.<agent>.outputs.* }}`, a job output carrying it, a file or variable it was written to) is pasted into a later `run:` script, executed, piped into a shell, or written to `$GITHUB_ENV`/`$GITHUB_PATH`/a dotenv report: whoever steers the model chooses the code.",
    ['agent', 'injection'],
  ),
  rule(
    'agent/head-checkout',
    'error',
    9.0,
    'Pull request head checked out before an AI agent',
    "A `pull_request_target` or `workflow_run` job checks out the pull request's code before the agent runs with the base repository's token and secrets; the agent then follows the attacker's instruction files (CLAUDE.md, AGENTS.md, GEMINI.md, settings, MCP configs) and may run their scripts.",
    ['agent', 'injection'],
  ),
  rule(
    'agent/permission-beyond-registry',
    'error',
    7.0,
    'Job gives a registered agent more than the registry declares',
    "The job of a bound agent grants GITHUB_TOKEN scopes (or a production environment) beyond the agent's declared `permissions`, or ones an AgentPolicy for its type denies (`deny: write-access`, `deny: production-access`); an unset `permissions:` gives it the repository default.",
    ['agent', 'least-privilege', 'policy'],
  ),
  rule(
    'agent/secret-beyond-registry',
    'error',
    7.0,
    'Job passes a registered agent secrets it does not declare',
    "The job of a bound agent reads `secrets.*` (or `secrets: inherit`) although the agent declares no `secrets` access, or an AgentPolicy for its type has `deny: secrets`. The agent's own model credential is not counted.",
    ['agent', 'secrets', 'policy'],
  ),
  rule(
    'agent/session-policy-outside',
    'error',
    7.5,
    'Session policy path leads outside the repository',
    'The registry names an AWS `session-policy` by an absolute path, a `../` path or a symbolic link that leads outside the repository, or into `.git/`. The scanner does not read it (its content never reaches a report) and the actions refuse it.',
    ['agent', 'iam', 'path-traversal'],
  ),
  rule(
    'config/invalid',
    'error',
    3.0,
    'Invalid agent configuration or policy',
    'The agent registry or an AgentPolicy does not match its schema (unknown key, wrong type, missing required key); the actions would refuse it.',
    ['config'],
  ),
  // IAM policy documents
  rule(
    'iam/wildcard-action',
    'error',
    9.0,
    'IAM statement allows every action',
    '`"Action": "*"` in an Allow statement grants every action of every AWS service.',
    ['iam', 'least-privilege'],
  ),
  rule(
    'iam/service-wildcard',
    'warning',
    7.0,
    'IAM statement allows every action of a service',
    '`"Action": "s3:*"` grants every present and future action of the service, including deletes and policy changes.',
    ['iam', 'least-privilege'],
  ),
  rule(
    'iam/wildcard-resource',
    'error',
    7.5,
    'IAM write actions on every resource',
    '`"Resource": "*"` with actions that change things (anything but Get/List/Describe/Head) lets the holder change every resource of that kind in the account.',
    ['iam', 'least-privilege'],
  ),
  rule(
    'iam/passrole-wildcard',
    'error',
    8.8,
    'iam:PassRole or sts:AssumeRole on every resource',
    '`iam:PassRole` or `sts:AssumeRole` on `"Resource": "*"` lets the holder hand any role to a service or become any role that trusts the account: privilege escalation.',
    ['iam', 'privilege-escalation'],
  ),
  rule(
    'iam/notaction-allow',
    'warning',
    6.5,
    'Allow with NotAction',
    '`"Effect": "Allow"` with `NotAction` grants everything except the listed actions, including every action AWS adds later.',
    ['iam', 'least-privilege'],
  ),
  // GitHub Actions workflows and action definitions
  rule(
    'workflow/write-all',
    'error',
    7.0,
    'Workflow grants write-all permissions',
    '`permissions: write-all` gives the GITHUB_TOKEN write access to every scope: contents, packages, deployments, id-token...',
    ['workflow', 'least-privilege'],
  ),
  rule(
    'workflow/read-all',
    'warning',
    4.5,
    'Workflow grants read-all permissions',
    '`permissions: read-all` gives the GITHUB_TOKEN read access to every scope (actions, security events, packages, deployments...), far more than most jobs need.',
    ['workflow', 'least-privilege'],
  ),
  rule(
    'workflow/missing-permissions',
    'warning',
    5.0,
    'Job without a permissions block',
    'A job with no `permissions:` in a workflow with none gets the repository or organisation default GITHUB_TOKEN, which may be write access to everything; a reusable workflow it calls gets the same.',
    ['workflow', 'least-privilege'],
  ),
  rule(
    'workflow/workflow-wide-write',
    'warning',
    5.0,
    'Write permission granted to the whole workflow',
    'A `<scope>: write` at the workflow level reaches every job that does not set its own `permissions:`; grant it only in the job that needs it.',
    ['workflow', 'least-privilege'],
  ),
  rule(
    'workflow/id-token-workflow-wide',
    'warning',
    5.5,
    'id-token: write granted to the whole workflow',
    '`id-token: write` at the workflow level lets every job mint OIDC tokens for your cloud roles; grant it only in the jobs that need credentials.',
    ['workflow', 'oidc', 'least-privilege'],
  ),
  rule(
    'workflow/unpinned-action',
    'error',
    7.0,
    'Action or reusable workflow not pinned to a commit SHA',
    'A tag or branch can be moved to malicious code at any time (tj-actions/changed-files, 2025); only a full 40-character commit SHA (or an image digest) is immutable. Exceptions per owner go in .astl/scan.yaml with a reason, and are then reported as notes.',
    ['workflow', 'supply-chain'],
  ),
  rule(
    'workflow/dangerous-trigger',
    'warning',
    6.0,
    'pull_request_target or workflow_run trigger',
    'These triggers run in the base repository, with its secrets and a write token, on events outsiders can cause; they are almost always used insecurely.',
    ['workflow', 'injection'],
  ),
  rule(
    'workflow/untrusted-checkout',
    'error',
    9.0,
    'pull_request_target / workflow_run checks out the pull request head',
    'These triggers run with the base repository secrets and a write token; checking out the pull request head then runs attacker-controlled code with them ("pwn request").',
    ['workflow', 'injection'],
  ),
  rule(
    'workflow/template-injection',
    'error',
    8.5,
    'Untrusted input expanded into code',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    '`${{ github.event.issue.title }}` and similar attacker-controlled values (directly, through `env:`, a matrix or a function) are pasted into a `run:` script or an action input that runs code before it runs, so a crafted title or branch name executes commands. Pass them through `env:` and use the variable.',
    ['workflow', 'injection'],
  ),
  rule(
    'workflow/persisted-credentials',
    'warning',
    5.0,
    'Checkout keeps the token in .git/config',
    '`actions/checkout` without `persist-credentials: false` leaves the GITHUB_TOKEN in .git/config for every later step; an uploaded workspace or a compromised tool can take it (zizmor: artipacked).',
    ['workflow', 'credentials'],
  ),
  rule(
    'workflow/secrets-inherit',
    'warning',
    5.0,
    'Reusable workflow inherits every secret',
    "`secrets: inherit` passes all of the repository's secrets to the called workflow, including those it does not use.",
    ['workflow', 'secrets', 'least-privilege'],
  ),
  rule(
    'workflow/hardcoded-container-credentials',
    'error',
    8.0,
    'Hardcoded container registry password',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
    "A job container's or service's `credentials.password` is written in the workflow instead of coming from `${{ secrets.* }}`.",
    ['workflow', 'secrets'],
  ),
  // GitLab CI
  rule(
    'gitlab/unpinned-include',
    'warning',
    6.5,
    'GitLab CI include not pinned',
    'A project include without a pinned `ref:`, a component on a branch or `~latest`, or a remote include without `integrity:` pulls configuration that can change without review.',
    ['gitlab', 'supply-chain'],
  ),
  // The scanner itself
  rule(
    'scan/parse-error',
    'error',
    7.0,
    'A file could not be checked',
    'A workflow, action definition, agent config, policy or IAM document is not valid YAML/JSON, expands too far through aliases, is over the size limit, or a rule failed on it (only the secret rules ran); or a file could not be read, or the secret rules failed on it. The scanner fails closed with an error.',
    ['config'],
  ),
  rule(
    'scan/config-changed',
    'note',
    2.0,
    'The change under review edits the scan configuration',
    'The scan configuration (.astl/scan.yaml) is read from the checked-out tree, so a pull request that edits it changes its own scan: pinning exceptions, the agent registry and catalog. Its owners should review it (CODEOWNERS).',
    ['governance'],
  ),
  rule(
    'scan/suppression-without-reason',
    'warning',
    3.0,
    'Suppression without a reason',
    '`# astl:ignore <rule-id>` must say why the finding is acceptable, so reviewers can judge it: `# astl:ignore <rule-id> <reason>`.',
    ['governance'],
  ),
];

export const SCANNER_RULES_BY_ID = new Map(SCANNER_RULES.map((r) => [r.id, r]));
