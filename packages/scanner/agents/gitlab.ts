/**
 * Agents in GitLab CI (`.gitlab-ci.yml`): agent CLIs in `before_script`/`script`/`after_script`
 * lines, bound by `ASTL_AGENT` in the job's (or the file's) `variables:` or by extending the
 * agent-credentials component's `.astl-agent-credentials` job; audited for unregistered agents,
 * untrusted text in the prompt (GitLab's predefined variables that carry merge request and
 * commit text), unrestricted tools in merge request pipelines, and the answer used as code.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileContext } from '../context.js';
import type { Severity } from '../finding.js';
import { get, items, str } from '../rules/yaml-nodes.js';
import { agentIdentity } from './catalog.js';
import { matchFlag } from './conditions.js';
import type { AgentAuditOptions } from './github.js';
import { valueOffset } from './positions.js';
import {
  agentOutputs,
  type Flow,
  fileSinks,
  findAgentCommands,
  promptFlows,
  type ShellEnvironment,
  varSinks,
} from './run.js';
import { allCommands, parseShell } from './shell.js';
import type { AgentBinding, DiscoveredAgent } from './types.js';

const RESERVED = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
]);

/** Predefined variables whose text merge request or commit authors choose (GitLab docs, "Predefined CI/CD variables"). */
const UNTRUSTED_VARIABLES = new Set([
  'CI_MERGE_REQUEST_TITLE',
  'CI_MERGE_REQUEST_DESCRIPTION',
  'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
  'CI_MERGE_REQUEST_LABELS',
  'CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME',
  'CI_COMMIT_MESSAGE',
  'CI_COMMIT_TITLE',
  'CI_COMMIT_DESCRIPTION',
  'CI_COMMIT_TAG_MESSAGE',
  'CI_COMMIT_BRANCH',
  'CI_COMMIT_REF_NAME',
  'CI_COMMIT_AUTHOR',
]);

interface ScriptLine {
  node: Node;
  text: string;
}

/** Discovers and audits the agents of one GitLab CI file. */
export function auditGitlab(
  root: Node | null | undefined,
  ctx: FileContext,
  options: AgentAuditOptions,
): void {
  if (!isMap(root)) return;
  const globalVars = variablesOf(get(root, 'variables'));
  const defaultBefore = scriptLines(get(get(root, 'default'), 'before_script') ?? get(root, 'before_script'));
  const component = credentialsComponent(root);
  const mergeRequestJobs = runsOnMergeRequests(root, ctx.text);
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const name = String(pair.key.value);
    if (RESERVED.has(name)) continue;
    const job = pair.value as Node;
    const jobVars = variablesOf(get(job, 'variables'));
    const before = get(job, 'before_script') ? scriptLines(get(job, 'before_script')) : defaultBefore;
    const lines = [...before, ...scriptLines(get(job, 'script')), ...scriptLines(get(job, 'after_script'))];
    const env = environment(jobVars, globalVars);
    const mrPipelines = mergeRequestJobs.has(name);
    const jobLines: [number, number] = [
      ctx.position(pair.key.range?.[0] ?? 0).line,
      ctx.position(Math.max(job.range?.[0] ?? 0, (job.range?.[1] ?? 1) - 1)).line,
    ];
    const files = new Map<string, string>();
    const vars = new Set<string>();
    const jobRecords: DiscoveredAgent[] = [];
    const binding = bind(jobVars, globalVars, job, component, options);
    // One shell runs every line: a variable assigned on an earlier line keeps its value.
    const assigned = new Map<string, Flow[]>();
    const variable = (n: string): Flow[] => assigned.get(n) ?? env(n);
    for (const [k, line] of lines.entries()) {
      const script = parseShell(line.text);
      const shellEnv: ShellEnvironment = { expressions: [], variable };
      const reported = new Set<string>();
      // The answer of an earlier line's agent, run or exported here (one shell runs every line).
      if (k > 0 && (files.size || vars.size)) {
        const commands = allCommands(script);
        const sinks = [
          ...fileSinks(commands, new Set(files.keys()), line.text),
          ...commands.flatMap((c) => varSinks(c, vars, line.text)),
        ];
        for (const sink of sinks) {
          const what = sink.file
            ? `The agent wrote its answer to \`${sink.file}\`, and ${sink.what}`
            : `The agent's answer ${sink.what}`;
          const fp = emitOutput(ctx, name, line.node, sink.offset, what);
          for (const r of jobRecords) r.fingerprints.push(fp);
        }
      }
      for (const agent of findAgentCommands(script, options.catalog, line.text)) {
        const entry = agent.entry;
        const offset = valueOffset(ctx.text, line.node, agent.command.words[0]?.start ?? 0);
        const args = agent.command.words.slice(agent.argsFrom);
        const tools = entry.unrestricted
          .filter((c) => c.flag && !c.input)
          .map((c) => matchFlag(c, args))
          .filter((x): x is NonNullable<typeof x> => !!x);
        const shown = agent.command.words
          .slice(0, agent.argsFrom + 2)
          .map((w) => w.text)
          .join(' ');
        const record: DiscoveredAgent = {
          agent: agentIdentity(entry),
          platform: 'gitlab',
          file: ctx.file,
          job: name,
          jobLines,
          line: ctx.position(offset).line,
          how: 'command',
          invocation: shown.length > 60 ? `${shown.slice(0, 59)}…` : shown,
          triggers: [mrPipelines ? 'merge request pipelines' : 'pipelines'],
          untrustedTriggers: mrPipelines ? ['merge_request_event'] : [],
          gate: mrPipelines ? 'none' : 'not needed (no merge request pipelines)',
          permissions: 'CI_JOB_TOKEN (project settings)',
          secrets: [...jobVars.keys(), ...globalVars.keys()].filter(
            (v) => /TOKEN|KEY|SECRET|PASSWORD/i.test(v) && !entry.credentialEnv.includes(v),
          ),
          modelCredentials: [...jobVars.keys(), ...globalVars.keys()].filter((v) =>
            entry.credentialEnv.includes(v),
          ),
          tools: tools.length ? `unrestricted (${tools.map((t) => t.what).join('; ')})` : 'restricted',
          binding: binding.binding,
          fingerprints: [],
        };
        options.discovered.push(record);
        jobRecords.push(record);
        const emit = (draft: Parameters<FileContext['emit']>[0]) => {
          ctx.emit(draft);
          record.fingerprints.push(ctx.findings[ctx.findings.length - 1]!.fingerprint);
        };
        if (
          binding.binding.kind === 'none' ||
          (binding.binding.problem && !binding.binding.problem.includes('run time'))
        ) {
          emit({
            ruleId: 'agent/unregistered',
            fileLevel: true,
            line: binding.node ? ctx.position(binding.node.range?.[0] ?? 0).line : record.line,
            message:
              binding.binding.kind === 'none'
                ? `${entry.name} runs in job '${name}' (\`${record.invocation}\`) but is not bound to a registered agent, so it has no owner or purpose on record: a shadow agent. Register it in agent-config.yaml and extend \`.astl-agent-credentials\` (the agent-credentials component) or set \`variables: { ASTL_AGENT: <name> }\` on the job.`
                : `${entry.name} in job '${name}' is bound by ${binding.binding.kind} (${binding.binding.selector ?? ''}), but ${binding.binding.problem}. ${binding.binding.registryUnreadable ? 'Fix the registry so it can be read: the scan fails closed on a registry it cannot read' : 'Register the agent there or fix the name'}.`,
            // A registry that cannot be read hides every agent check: an error, not a warning.
            ...(binding.binding.registryUnreadable ? { severity: 'error' as Severity } : {}),
            about: `${name} ${entry.id} unregistered ${record.invocation}`,
          });
        }
        for (const p of promptFlows(script, agent, shellEnv)) {
          const certain = p.flow.capability === 'arbitrary';
          const at = ctx.position(valueOffset(ctx.text, line.node, p.offset)).line;
          if (reported.has(`${at}:${p.flow.context}`)) continue;
          reported.add(`${at}:${p.flow.context}`);
          emit({
            ruleId: 'agent/untrusted-prompt',
            fileLevel: true,
            line: ctx.position(valueOffset(ctx.text, line.node, p.offset)).line,
            ...(certain ? {} : { severity: 'warning' as Severity }),
            message: `Text ${certain ? 'merge request or commit authors write' : 'collaborators choose'} (\`${p.flow.via.length > 1 ? p.flow.via.join(' ← ') : p.flow.context}\`) becomes part of ${entry.name}'s prompt in job '${name}', which gets the project's CI/CD variables and CI_JOB_TOKEN: instructions hidden in it can steer the agent. Keep it out of the prompt (the prompt can name a file or variable the agent reads as data), and restrict the agent's tools.`,
            about: `${name} ${entry.id} prompt ${p.flow.via.join('<')}`,
          });
        }
        if (mrPipelines) {
          for (const t of tools) {
            emit({
              ruleId: 'agent/unrestricted-tools',
              fileLevel: true,
              line: ctx.position(valueOffset(ctx.text, line.node, t.index)).line,
              message: `${entry.name} in job '${name}' runs without tool restrictions (${t.what}) in merge request pipelines, where the merge request's text and files can steer it to run any command with the job's variables and token. Drop the flag and allow only the tools it needs (see ${entry.docs}), or run the job only on protected branches.`,
              about: `${name} ${entry.id} unrestricted ${t.what}`,
            });
          }
        }
        const outs = agentOutputs(script, agent, entry.outputFileFlags, line.text);
        for (const sink of outs.sinks) {
          const what = sink.file
            ? `${entry.name} writes its answer to \`${sink.file}\`, and ${sink.what}`
            : `The answer of ${entry.name} ${sink.what}`;
          const fp = emitOutput(ctx, name, line.node, sink.offset, what);
          record.fingerprints.push(fp);
        }
        for (const f of outs.files) files.set(f, entry.name);
        for (const v of outs.vars) vars.add(v);
      }
      for (const c of allCommands(script)) {
        for (const a of c.assignments) {
          const flows = a.value.vars.flatMap((v) =>
            (v.name === a.name ? (assigned.get(v.name) ?? env(v.name)) : variable(v.name)).map((f) => ({
              ...f,
              via: [`$${a.name}`, ...f.via],
            })),
          );
          assigned.set(a.name, flows);
        }
      }
    }
    if (
      jobRecords.length === 0 &&
      !name.startsWith('.') &&
      binding.binding.agent &&
      !binding.binding.problem
    ) {
      options.credentialJobs.push({
        agent: binding.binding.agent,
        file: ctx.file,
        job: name,
        line: jobLines[0],
      });
    }
    // An answer file declared as a dotenv report becomes variables of later jobs.
    for (const report of items(get(get(get(job, 'artifacts'), 'reports'), 'dotenv')).concat(
      isScalar(get(get(get(job, 'artifacts'), 'reports'), 'dotenv'))
        ? [get(get(get(job, 'artifacts'), 'reports'), 'dotenv')!]
        : [],
    )) {
      const file = str(report);
      if (file && files.has(file.replace(/^\.\//, ''))) {
        const fp = emitOutput(
          ctx,
          name,
          report,
          0,
          `The file ${file} holding ${files.get(file.replace(/^\.\//, ''))}'s answer is a \`dotenv\` report, so it sets variables for later jobs`,
        );
        for (const r of jobRecords) r.fingerprints.push(fp);
      }
    }
  }
}

function emitOutput(ctx: FileContext, job: string, node: Node, offset: number, what: string): string {
  ctx.emit({
    ruleId: 'agent/output-in-run',
    fileLevel: true,
    line: ctx.position(valueOffset(ctx.text, node, offset)).line,
    message: `${what} in job '${job}': whoever steered the model chooses what runs. Treat the answer as data: post or parse it, never execute it or load it as variables.`,
    about: `${job} output-in-run ${what}`,
  });
  return ctx.findings[ctx.findings.length - 1]!.fingerprint;
}

/**
 * The jobs that run in merge request pipelines: their own `rules`/`only` name merge requests, the
 * file's `workflow:` or `include:` does (`Workflows/MergeRequest-Pipelines`), or a job they extend
 * (or that extends them, for hidden template jobs) does.
 */
function runsOnMergeRequests(root: Node, text: string): Set<string> {
  const MR = /merge_request|mergerequest|external_pull_request/i;
  const slice = (n: Node | null | undefined) => (n?.range ? text.slice(n.range[0], n.range[1]) : '');
  const fileWide = MR.test(slice(get(root, 'workflow'))) || MR.test(slice(get(root, 'include')));
  const jobs = new Map<string, { own: boolean; extends: string[] }>();
  if (!isMap(root)) return new Set();
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const node = pair.value as Node;
    const ext = get(node, 'extends');
    const names = (isSeq(ext) ? items(ext).map((n) => str(n)) : [str(ext)]).filter((x): x is string => !!x);
    jobs.set(String(pair.key.value), { own: MR.test(slice(node)), extends: names });
  }
  const out = new Set<string>();
  for (const [name, job] of jobs) {
    const parents = job.extends.map((e) => jobs.get(e)).filter((j) => !!j);
    const children = name.startsWith('.') ? [...jobs.values()].filter((j) => j.extends.includes(name)) : [];
    if (fileWide || job.own || parents.some((p) => p.own) || children.some((c) => c.own)) out.add(name);
  }
  return out;
}

/** Script lines of a `script:`-like key: a string, or a (nested) list of strings. */
function scriptLines(node: Node | null | undefined, depth = 0): ScriptLine[] {
  if (!node || depth > 10) return [];
  if (isScalar(node) && typeof node.value === 'string') return [{ node, text: node.value }];
  if (isSeq(node)) return node.items.flatMap((n) => scriptLines(n as Node, depth + 1));
  return [];
}

/** `variables:` as name -> value text (a `value:` key for the long form). */
function variablesOf(node: Node | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const value = isScalar(pair.value) ? pair.value.value : str(get(pair.value, 'value'));
    if (value !== undefined && value !== null) out.set(String(pair.key.value), String(value));
  }
  return out;
}

function environment(
  jobVars: Map<string, string>,
  globalVars: Map<string, string>,
): (name: string) => Flow[] {
  const lookup = (name: string, depth: number): Flow[] => {
    if (UNTRUSTED_VARIABLES.has(name)) return [{ context: name, capability: 'arbitrary', via: [`$${name}`] }];
    if (depth > 8) return [];
    const value = jobVars.get(name) ?? globalVars.get(name);
    if (value === undefined) return [];
    // GitLab expands $VAR / ${VAR} inside variable values.
    const flows: Flow[] = [];
    for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
      flows.push(...lookup(m[1]!, depth + 1).map((f) => ({ ...f, via: [`$${name}`, ...f.via] })));
    }
    return flows;
  };
  return (name) => lookup(name, 0);
}

/** `include: - component: …/agent-credentials@…` and its inputs. */
function credentialsComponent(
  root: Node,
): { agent?: string; agentType?: string; config?: string; policies?: string } | undefined {
  const include = get(root, 'include');
  const list = isSeq(include) ? items(include) : include ? [include] : [];
  for (const entry of list) {
    const component = str(get(entry, 'component'));
    if (!component || !/\/agent-credentials@/.test(component)) continue;
    const inputs = get(entry, 'inputs');
    const out: { agent?: string; agentType?: string; config?: string; policies?: string } = {};
    const agent = str(get(inputs, 'agent'));
    const type = str(get(inputs, 'agent_type'));
    const config = str(get(inputs, 'config'));
    const policies = str(get(inputs, 'policies'));
    if (agent) out.agent = agent;
    if (type) out.agentType = type;
    if (config) out.config = config;
    if (policies) out.policies = policies;
    return out;
  }
  return undefined;
}

function bind(
  jobVars: Map<string, string>,
  globalVars: Map<string, string>,
  job: Node,
  component: ReturnType<typeof credentialsComponent>,
  options: AgentAuditOptions,
): { binding: AgentBinding; node?: Node } {
  const markerNode = get(get(job, 'variables'), 'ASTL_AGENT');
  const marker = jobVars.get('ASTL_AGENT') ?? globalVars.get('ASTL_AGENT');
  const extendsNode = get(job, 'extends');
  const extendsList = isSeq(extendsNode) ? items(extendsNode).map((n) => str(n)) : [str(extendsNode)];
  const extendsComponent = extendsList.includes('.astl-agent-credentials') && component;
  let kind: AgentBinding['kind'];
  let selector: { agent?: string; agentType?: string };
  let registry = jobVars.get('ASTL_CONFIG') ?? options.registry;
  let policies = jobVars.get('ASTL_POLICIES') ?? options.policies;
  let node: Node | undefined;
  if (marker) {
    kind = 'ASTL_AGENT';
    selector = {
      agent: marker,
      ...(jobVars.get('ASTL_AGENT_TYPE') ? { agentType: jobVars.get('ASTL_AGENT_TYPE')! } : {}),
    };
    node = markerNode ?? undefined;
  } else if (extendsComponent) {
    kind = 'GitLab component';
    selector = {
      ...(component.agent ? { agent: component.agent } : {}),
      ...(component.agentType ? { agentType: component.agentType } : {}),
    };
    registry = component.config ?? registry;
    policies = component.policies ?? policies;
    node = extendsNode ?? undefined;
  } else {
    return { binding: { kind: 'none' } };
  }
  const shown = [
    selector.agent && `agent: ${selector.agent}`,
    selector.agentType && `agent_type: ${selector.agentType}`,
  ]
    .filter(Boolean)
    .join(', ');
  const binding: AgentBinding = { kind, selector: shown, registry };
  if ([selector.agent, selector.agentType].some((v) => v?.includes('$'))) {
    binding.problem = 'the binding is computed at run time (a variable), so the scanner cannot check it';
  } else if (!selector.agent && !selector.agentType) {
    binding.problem = 'it names no agent';
  } else {
    const resolved = options.store.resolve(selector, registry, policies);
    if (resolved.entry) binding.agent = resolved.entry.name;
    if (resolved.problem) binding.problem = resolved.problem;
    if (resolved.unreadable) binding.registryUnreadable = true;
  }
  return { binding, ...(node ? { node } : {}) };
}
