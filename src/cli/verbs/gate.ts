/**
 * `astl gate`: the deploy gate for GitLab jobs and laptops. Same engine as the GitHub action
 * (packages/gate): policy, image digests through the OCI API, CEL expressions, fail closed.
 * Exit 0 allow, 1 deny, 2 approval_needed; shadow mode reports and exits 0.
 */

import { workspaceScope } from '../../../packages/core/workspace-path.js';
import type { CiInfo, DecisionRecord, GateResult } from '../../../packages/gate/index.js';
import { bool, choice, list, type Parsed, str, type VerbSpec } from '../args.js';
import { CLI_NAMES, EXIT, formatError, UsageError } from '../exit.js';
import { checkOutputPath, writeFlagFile } from '../files.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'gate',
  summary: 'check a deploy request against policy: allow, deny or approval_needed',
  usage:
    'astl gate --policy P --agent A --environment E [--image REF]... [--replicas N] [--params JSON|YAML] [--shadow] [--format text|json|junit|dotenv]',
  flags: {
    policy: { type: 'string', value: 'PATH', description: 'deploy policy file or folder (default policies)' },
    agent: { type: 'string', value: 'NAME', description: 'agent asking to deploy (default $ASTL_AGENT)' },
    'agent-type': {
      type: 'string',
      value: 'TYPE',
      description: 'agent type (default $ASTL_AGENT_TYPE for $ASTL_AGENT, else looked up in the registry)',
    },
    config: {
      type: 'string',
      value: 'FILE',
      description: "agent registry, for the agent's type (default agent-config.yaml)",
    },
    action: { type: 'string', value: 'ACTION', description: 'requested action (default deploy)' },
    environment: { type: 'string', value: 'ENV', description: 'target environment (required)' },
    image: {
      type: 'string',
      multiple: true,
      value: 'REF',
      description: 'image to deploy; tags are resolved to digests',
    },
    replicas: { type: 'string', value: 'N', description: 'requested replica count' },
    params: {
      type: 'string',
      value: 'JSON|YAML',
      description: 'request parameters (a mapping) for expressions and allowed_hosts',
    },
    shadow: { type: 'boolean', description: 'report the decision but never fail (exit 0)' },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'stdout format: text (default), json (decision record), junit, dotenv',
    },
    output: {
      type: 'string',
      value: 'FILE',
      description: 'write the --format output to FILE instead of stdout',
    },
    junit: {
      type: 'string',
      value: 'FILE',
      description: 'also write a JUnit report (one test case per rule)',
    },
    dotenv: {
      type: 'string',
      value: 'FILE',
      description: 'also write a dotenv report: decision, id, policy digest, pinned images',
    },
    record: { type: 'string', value: 'FILE', description: 'also write the decision record (JSON)' },
    'gitlab-token-env': {
      type: 'string',
      value: 'VAR',
      description:
        'in a GitLab job: variable holding the API token for approvals and budgets (default CI_JOB_TOKEN)',
    },
  },
  examples: [
    'astl gate --policy policies --agent deploy-bot --environment staging --image ghcr.io/acme/app:1.4.2',
    'astl gate --agent deploy-bot --environment production --image ghcr.io/acme/app@sha256:… \\',
    '  --replicas 3 --params \'{"amount": 250}\' --junit gate.xml --dotenv gate.env',
  ],
  notes: [
    'Exit codes: 0 allow (or --shadow), 1 deny, 2 approval_needed, 3 usage error.',
    'Fail closed: a policy that does not load, an unreachable registry or an expression error is a deny.',
    'Approvals and max_per_day budgets use the GitLab Deployments API in a GitLab job (token: --gitlab-token-env,',
    "default CI_JOB_TOKEN; approvals are the deployment approvals of the job's own protected environment),",
    'or the GitHub API when GITHUB_TOKEN and GITHUB_REPOSITORY are set; elsewhere budgets fail closed and',
    'approval_needed exits 2.',
  ],
};

const FORMATS = ['text', 'json', 'junit', 'dotenv'] as const;

export async function run(args: Parsed, io: Io): Promise<number> {
  const format = choice(args, 'format', FORMATS, 'text');
  const env = io.env;
  const agent = str(args, 'agent')?.trim() || env.ASTL_AGENT?.trim();
  if (!agent) {
    throw new UsageError(
      "'astl gate' needs --agent (or ASTL_AGENT, which 'astl credentials' writes)",
      "run 'astl gate --help'",
    );
  }
  // The type `astl credentials` exported belongs to the agent it exported: use it only for that one.
  const agentType =
    str(args, 'agent-type')?.trim() ||
    (agent === env.ASTL_AGENT?.trim() ? env.ASTL_AGENT_TYPE?.trim() : undefined) ||
    undefined;
  const environment = str(args, 'environment')?.trim();
  if (!environment)
    throw new UsageError("'astl gate' needs --environment", 'for example --environment staging');
  const replicasText = str(args, 'replicas')?.trim();
  if (replicasText && !/^\d{1,9}$/.test(replicasText)) {
    throw new UsageError(`--replicas '${replicasText}' is not a whole number`, 'for example --replicas 3');
  }
  const params = await parseParams(str(args, 'params'));
  const images = list(args, 'image')
    .flatMap((i) => i.split(/\s+/))
    .filter(Boolean);
  const shadow = bool(args, 'shadow');
  // A report path that cannot be written is refused before the decision, not after it.
  for (const flag of ['output', 'junit', 'dotenv', 'record']) {
    const path = str(args, flag);
    if (path) checkOutputPath(`--${flag}`, path);
  }

  const tokenVariable = str(args, 'gitlab-token-env')?.trim() || 'CI_JOB_TOKEN';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
    throw new UsageError(
      `--gitlab-token-env '${tokenVariable}' is not a variable name`,
      'name the variable, not its value: for example --gitlab-token-env ASTL_GITLAB_TOKEN',
    );
  }
  const { GitHubClient, GitLabClient, runGate } = await import('../../../packages/gate/index.js');
  const gitlab = gitlabContext(env);
  const github = gitlab ? undefined : githubContext(env);
  let result: GateResult;
  try {
    result = await runGate(
      {
        policyPath: str(args, 'policy') || 'policies',
        names: CLI_NAMES,
        workspace: workspaceScope(env, io.cwd),
        agent,
        ...(agentType ? { agentType } : {}),
        registryPath: str(args, 'config') || 'agent-config.yaml',
        action: str(args, 'action')?.trim() || 'deploy',
        environment,
        images,
        ...(replicasText ? { replicas: Number(replicasText) } : {}),
        params,
        mode: shadow ? 'shadow' : 'enforce',
        ci: ciInfo(env),
        // Neither platform (a laptop): approvals answer approval_needed, budgets fail closed.
        ...(gitlab ? { gitlab } : github ? { github: github.repo } : {}),
        resolve: { log: (m) => io.err(m) },
      },
      {
        ...(gitlab
          ? {
              gitlab: new GitLabClient({
                apiUrl: env.CI_API_V4_URL!,
                token: env[tokenVariable]?.trim(),
                tokenVariable,
                allowInsecureHttp: env.ASTL_ALLOW_INSECURE_HTTP === 'true',
              }),
            }
          : github
            ? { github: new GitHubClient({ token: github.token, baseUrl: env.GITHUB_API_URL }) }
            : {}),
        onWarning: (m) => io.err(`${paint(io, 'yellow', 'warning')}: ${m}`),
      },
    );
  } catch (err) {
    // A fault the engine did not turn into a reason: still a deny (fail closed).
    io.err(`astl: deploy gate failed (denied): ${formatError(err)}`);
    return shadow ? EXIT.ok : EXIT.deny;
  }
  const { record } = result;

  const rules = format === 'junit' || str(args, 'junit') ? await checkedRules(record) : [];
  const rendered = render(format, record, io, rules);
  const output = str(args, 'output');
  // Inside the workspace, never through a committed link (core/workspace-path); a path that
  // cannot be written is one line naming the flag (cli/files).
  const scope = workspaceScope(io.env, io.cwd);
  const save = (flag: string, text: string) => writeFlagFile(`--${flag}`, str(args, flag)!, text, { scope });
  if (output) save('output', rendered);
  else io.out(rendered);
  if (str(args, 'junit')) save('junit', junit(record, rules));
  if (str(args, 'dotenv')) save('dotenv', dotenv(record));
  if (str(args, 'record')) save('record', `${JSON.stringify(record, null, 2)}\n`);
  if (format !== 'text' || output) io.err(headline(record, io));
  if (record.decision === 'approval_needed' && !github && !gitlab) {
    io.err(
      'Outside GitHub Actions and GitLab jobs the gate cannot see approvals: exit 2 means "approval needed".',
    );
  }

  if (record.decision === 'allow' || shadow) return EXIT.ok;
  return record.decision === 'approval_needed' ? EXIT.approvalNeeded : EXIT.deny;
}

async function parseParams(text: string | undefined): Promise<Record<string, unknown>> {
  if (!text?.trim()) return {};
  const { parseYaml } = await import('../../../packages/core/yaml-source.js');
  const docs = parseYaml(text, '--params');
  const value = docs[0]?.value;
  if (docs.length !== 1 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(
      '--params must be one JSON or YAML mapping',
      `for example --params '{"amount": 250}'`,
    );
  }
  return value as Record<string, unknown>;
}

/** In a GitLab job: the project, job and commit the GitLab Deployments API calls are about. */
function gitlabContext(env: NodeJS.ProcessEnv) {
  if (env.GITLAB_CI !== 'true' || !env.CI_API_V4_URL || !env.CI_PROJECT_ID) return undefined;
  return {
    projectId: env.CI_PROJECT_ID,
    ...(env.CI_JOB_ID ? { jobId: env.CI_JOB_ID } : {}),
    sha: env.CI_COMMIT_SHA ?? '',
    ref: env.CI_COMMIT_TAG || env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || '',
    tag: Boolean(env.CI_COMMIT_TAG),
    // Four eyes: the user who started the pipeline does not approve their own deploy.
    excludedUsers: env.GITLAB_USER_LOGIN ? [env.GITLAB_USER_LOGIN] : [],
  };
}

function githubContext(env: NodeJS.ProcessEnv) {
  const token = env.GITHUB_TOKEN?.trim();
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) return undefined;
  return {
    token,
    repo: {
      owner,
      repo,
      ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
      ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    },
  };
}

function ciInfo(env: NodeJS.ProcessEnv): CiInfo {
  const pick = (o: Record<string, string | undefined>): CiInfo =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v)) as unknown as CiInfo;
  if (env.GITLAB_CI) {
    return pick({
      provider: 'gitlab',
      repository: env.CI_PROJECT_PATH,
      run_id: env.CI_PIPELINE_ID,
      job: env.CI_JOB_NAME,
      sha: env.CI_COMMIT_SHA,
      ref: env.CI_COMMIT_REF_NAME,
      actor: env.GITLAB_USER_LOGIN,
    });
  }
  if (env.GITHUB_ACTIONS) {
    return pick({
      provider: 'github',
      repository: env.GITHUB_REPOSITORY,
      run_id: env.GITHUB_RUN_ID,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      actor: env.GITHUB_ACTOR,
    });
  }
  return { provider: 'local' };
}

function headline(r: DecisionRecord, io: Io): string {
  const colour = r.decision === 'allow' ? 'green' : r.decision === 'deny' ? 'red' : 'yellow';
  const shadow = r.mode === 'shadow' && r.decision !== 'allow' ? ' (shadow mode: not enforced)' : '';
  return `deploy gate: ${paint(io, colour, r.decision)}${shadow} for ${r.request.agent} ${r.request.action} -> ${r.request.environment} (decision ${r.decision_id})`;
}

function render(format: (typeof FORMATS)[number], r: DecisionRecord, io: Io, rules: string[]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(r, null, 2)}\n`;
    case 'junit':
      return junit(r, rules);
    case 'dotenv':
      return dotenv(r);
    default: {
      const lines = [headline(r, io)];
      for (const reason of r.reasons)
        lines.push(`  ${paint(io, 'bold', reason.code)} ${reason.rule}: ${reason.message}`);
      for (const i of r.images)
        lines.push(`  image ${i.input} -> ${i.pinned ?? `not resolved (${i.error ?? 'unknown'})`}`);
      lines.push(`  policy ${r.policy.path} sha256 ${r.policy.sha256 ?? '(not loaded)'}`);
      return `${lines.join('\n')}\n`;
    }
  }
}

/** Only non-secret facts a later job may use: the decision and the exact images to deploy. */
export function dotenv(r: DecisionRecord): string {
  const pinned = r.images.flatMap((i) => (i.pinned ? [i.pinned] : []));
  const vars: Record<string, string> = {
    ASTL_GATE_DECISION: r.decision,
    ASTL_GATE_DECISION_ID: r.decision_id,
    ASTL_GATE_POLICY_SHA256: r.policy.sha256 ?? '',
    ASTL_GATE_IMAGES: pinned.join(' '),
  };
  // GitLab's dotenv report: one KEY=value a line, no newlines in values.
  return `${Object.entries(vars)
    .map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, ' ')}`)
    .join('\n')}\n`;
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit for GitLab's test report: one test case per rule of the matching policy entries (passing
 * unless a reason names it), one per other reason (policy errors, AgentPolicy restrictions), one
 * per image and one for the decision, so the merge request's test widget shows exactly which
 * rule stopped the deploy and which held.
 */
export function junit(r: DecisionRecord, checkedRules: string[] = []): string {
  const cases: string[] = [];
  const seconds = (r.metrics.timer_total_ms / 1000).toFixed(3);
  const classname = xml(`astl.gate.${r.request.environment}`);
  const testcase = (name: string, body: string, time = '0') =>
    `    <testcase classname="${classname}" name="${xml(name)}" time="${time}">${body}</testcase>`;
  const failed = (type: string, message: string, detail: string) =>
    r.mode === 'shadow'
      ? `<system-out>${xml(`shadow mode, not enforced: ${detail}`)}</system-out>`
      : `<failure type="${xml(type)}" message="${xml(message)}">${xml(detail)}</failure>`;
  const reported = new Set<number>();
  for (const rule of checkedRules) {
    const against = r.reasons
      .map((reason, i) => ({ reason, i }))
      .filter(({ reason }) => reason.rule === rule);
    for (const { i } of against) reported.add(i);
    cases.push(
      testcase(
        rule,
        against.length === 0
          ? '<system-out>passed</system-out>'
          : failed(
              against[0]!.reason.code,
              against.map(({ reason }) => reason.message).join('; '),
              against.map(({ reason }) => `${reason.code} ${reason.rule}: ${reason.message}`).join('\n'),
            ),
      ),
    );
  }
  r.reasons.forEach((reason, i) => {
    if (reported.has(i)) return;
    cases.push(
      testcase(
        `${reason.code} ${reason.rule}`,
        failed(reason.code, reason.message, `${reason.rule}: ${reason.message}`),
      ),
    );
  });
  for (const i of r.images) {
    const ok = Boolean(i.pinned) && !i.error;
    cases.push(
      testcase(
        `image ${i.input}`,
        ok
          ? `<system-out>${xml(`pinned as ${i.pinned}`)}</system-out>`
          : failed(
              i.error ?? 'IMAGE_NOT_RESOLVED',
              'not resolved to a digest',
              `${i.input}: ${i.error ?? 'not resolved'}`,
            ),
      ),
    );
  }
  const decisionOk = r.decision === 'allow';
  cases.push(
    testcase(
      'decision',
      decisionOk
        ? `<system-out>${xml(`${r.decision} (decision ${r.decision_id})`)}</system-out>`
        : failed(
            r.decision,
            `deploy ${r.decision}`,
            r.reasons.map((x) => `${x.code} ${x.rule}: ${x.message}`).join('\n'),
          ),
      seconds,
    ),
  );
  const failures = cases.filter((c) => c.includes('<failure')).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="astl gate" tests="${cases.length}" failures="${failures}" time="${seconds}">`,
    `  <testsuite name="${xml(`deploy gate: ${r.request.agent} ${r.request.action} -> ${r.request.environment}`)}" tests="${cases.length}" failures="${failures}" time="${seconds}" timestamp="${r.timestamp}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** `file:line key` of every rule key in the policy entries that apply to this request. */
async function checkedRules(r: DecisionRecord): Promise<string[]> {
  const { loadPolicies, matchingRules } = await import('../../../packages/gate/index.js');
  try {
    const set = loadPolicies(r.policy.path);
    return matchingRules({ agent: r.request.agent, action: r.request.action }, set).flatMap((rule) =>
      Object.entries(rule.keyAt)
        .filter(([key]) => key !== 'name')
        .map(([key, at]) => `${at} ${key}`),
    );
  } catch {
    return []; // a policy that does not load is already a reason of its own
  }
}
