/**
 * Agents in GitHub workflows and composite actions: discovery (catalog actions, CLI commands in
 * `run:`, local composite actions that wrap an agent, hosted agents such as Copilot's setup job),
 * binding to the registry, and the `agent/*` audits (docs/scan.md). Built on the workflow model
 * (../workflow/model.ts) and taint engine (../workflow/taint.ts).
 */
import { isMap, type Node } from 'yaml';
import type { FileContext } from '../context.js';
import type { Severity } from '../finding.js';
import { CODE_INPUTS, DANGEROUS_TRIGGERS, PR_HEAD_REF } from '../rules/workflow.js';
import type { TaintScope } from '../workflow/expressions.js';
import {
  type ActionModel,
  type DefinitionModel,
  isActionShape,
  type Job,
  readAction,
  readWorkflow,
  type Step,
  type WorkflowModel,
} from '../workflow/model.js';
import { type ModelOutputs, scopeFor, templateSources, withInput } from '../workflow/taint.js';
import { parseResolved } from '../workflow/yaml.js';
import { agentIdentity, type CatalogEntry, entryForUses } from './catalog.js';
import { type ConditionHit, matchFlag, matchInputConditions } from './conditions.js';
import { checkRegistryExcess } from './excess.js';
import {
  conditionOf,
  type GateFacts,
  isModelCredential,
  jobGate,
  type SecretUse,
  secretsOfJob,
  type TokenFacts,
  tokenFacts,
} from './facts.js';
import { UNTRUSTED_EVENTS } from './gate.js';
import { valueOffset } from './positions.js';
import type { RegistryStore, ResolvedAgent } from './registry.js';
import {
  type AgentCommand,
  agentOutputs,
  envSinks,
  type Flow,
  fileSinks,
  findAgentCommands,
  normaliseFile,
  promptFlows,
  type ScriptWrites,
  type ShellEnvironment,
  scriptWrites,
} from './run.js';
import { allCommands, basename, parseShell, type Script } from './shell.js';
import type { AgentBinding, DiscoveredAgent } from './types.js';

export interface AgentAuditOptions {
  catalog: readonly CatalogEntry[];
  store: RegistryStore;
  /** Registry and policy folder when a credentials step names none (scan config, else defaults). */
  registry: string;
  policies: string;
  /** Reads a workspace-relative file (local composite actions); undefined when absent. */
  readText(file: string): string | undefined;
  /** Where discovered agents are collected for the inventory. */
  discovered: DiscoveredAgent[];
  credentialJobs: { agent: string; file: string; job: string; line: number }[];
}

/** One place an agent runs. */
interface Invocation {
  entry: CatalogEntry;
  how: DiscoveredAgent['how'];
  step?: Step;
  /** The step whose `with:` configures the agent (the inner step of a composite action). */
  configStep?: Step;
  /** Outer `with:` inputs that reach the agent's prompt, and that carry its model credential. */
  promptInputs: string[];
  credentialInputs: string[];
  offset: number;
  label: string;
  command?: { script: Script; agent: AgentCommand; text: string; node: Node };
  /** An agent CLI inside a local composite action or reusable workflow: its unrestricted flags. */
  innerTools?: string[];
  /** The reusable workflow job it runs in (its token and secrets are the agent's). */
  callee?: Callee;
  record?: DiscoveredAgent;
}

const CREDENTIALS_ACTION = 'astl/agent-credentials';

const GATE_FIELDS: [string, string][] = [
  ['issue_comment', 'github.event.comment.author_association'],
  ['pull_request_review_comment', 'github.event.comment.author_association'],
  ['discussion_comment', 'github.event.comment.author_association'],
  ['pull_request_review', 'github.event.review.author_association'],
  ['issues', 'github.event.issue.author_association'],
  ['pull_request_target', 'github.event.pull_request.author_association'],
  ['discussion', 'github.event.discussion.author_association'],
];

/** Discovers and audits the agents of a workflow or composite action. */
export function auditDefinition(model: DefinitionModel, ctx: FileContext, options: AgentAuditOptions): void {
  if (model.kind === 'workflow') auditWorkflow(model, ctx, options);
  else auditAction(model, ctx, options);
}

// ---------------------------------------------------------------------------------------------
// Discovery

function discoverSteps(
  steps: readonly Step[],
  ctx: FileContext,
  options: AgentAuditOptions,
  depth = 0,
): Invocation[] {
  const out: Invocation[] = [];
  for (const step of steps) {
    const uses = step.uses;
    if (uses?.kind === 'repository') {
      const entry = entryForUses(options.catalog, uses.owner!, uses.repo!, uses.path);
      if (entry) {
        out.push({
          entry,
          how: 'action',
          step,
          configStep: step,
          promptInputs: entry.promptInputs,
          credentialInputs: entry.credentialInputs,
          offset: uses.node.range?.[0] ?? 0,
          label: uses.raw,
        });
      }
    } else if (uses?.kind === 'local' && depth === 0) {
      out.push(...innerInvocations(localCompositeAgents(uses.raw, options), 'composite action', step, uses));
    }
    if (step.run?.value && step.run.text !== undefined) {
      const text = step.run.text;
      const script = parseShell(text);
      for (const agent of findAgentCommands(script, options.catalog, text)) {
        const words = agent.command.words;
        const shown = words
          .slice(0, Math.min(words.length, agent.argsFrom + 2))
          .map((w) => w.text)
          .join(' ');
        out.push({
          entry: agent.entry,
          how: 'command',
          step,
          promptInputs: [],
          credentialInputs: [],
          offset: valueOffset(ctx.text, step.run.value, agent.command.words[0]?.start ?? 0),
          label:
            shown.length > 60
              ? `${shown.slice(0, 59)}…`
              : `${shown}${words.length > agent.argsFrom + 2 ? ' …' : ''}`,
          command: { script, agent, text, node: step.run.value },
        });
      }
    }
  }
  return out;
}

/** An agent run by a step of a local composite action or a job of a local reusable workflow. */
interface InnerAgent {
  entry: CatalogEntry;
  step: Step;
  /** The caller's `with:` inputs that reach the agent (`inputs.<name>` in its prompt or command). */
  promptInputs: string[];
  credentialInputs: string[];
  /** For an agent CLI: the flags that lift its tool restrictions. */
  tools?: string[];
  /** In a reusable workflow: the called file and the job the agent runs in. */
  callee?: Callee;
}

/** A job of a called reusable workflow: its token and secrets are the agent's. */
interface Callee {
  model: WorkflowModel;
  text: string;
  job: Job;
}

/** The `with:` inputs of the caller that a text reads (`${{ inputs.question }}`). */
function outerInputs(texts: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const text of texts)
    for (const m of (text ?? '').matchAll(/inputs\s*\.\s*([A-Za-z_][\w-]*)/gi))
      names.add(m[1]!.toLowerCase());
  return [...names];
}

/** The catalog agents that `steps` run: actions by `uses:`, CLIs in `run:`. */
function innerAgents(steps: readonly Step[], options: AgentAuditOptions): InnerAgent[] {
  const out: InnerAgent[] = [];
  for (const step of steps) {
    if (step.uses?.kind === 'repository') {
      const entry = entryForUses(options.catalog, step.uses.owner!, step.uses.repo!, step.uses.path);
      if (!entry) continue;
      const read = (inputs: readonly string[]) => outerInputs(inputs.map((i) => withInput(step, i)?.text));
      out.push({
        entry,
        step,
        promptInputs: read(entry.promptInputs),
        credentialInputs: read(entry.credentialInputs),
      });
    } else if (step.run?.text !== undefined) {
      const text = step.run.text;
      for (const agent of findAgentCommands(parseShell(text), options.catalog, text)) {
        const args = agent.command.words.slice(agent.argsFrom);
        const tools = agent.entry.unrestricted
          .filter((c) => c.flag && !c.input)
          .map((c) => matchFlag(c, args)?.what)
          .filter((x): x is string => !!x);
        out.push({
          entry: agent.entry,
          step,
          // Fail closed: any caller input the step reads may reach the prompt.
          promptInputs: outerInputs([text, ...step.env.map((e) => e.text)]),
          credentialInputs: [],
          tools,
        });
      }
    }
  }
  return out;
}

/** A local composite action (`uses: ./path`) whose steps run catalog agents. */
function localCompositeAgents(raw: string, options: AgentAuditOptions): InnerAgent[] {
  const dir = raw.replace(/^\.\/?/, '').replace(/\/+$/, '');
  for (const name of ['action.yml', 'action.yaml']) {
    const text = options.readText(dir ? `${dir}/${name}` : name);
    if (text === undefined) continue;
    try {
      const root = parseResolved(text)[0]?.root;
      if (!isActionShape(root)) return [];
      return innerAgents(readAction(root).steps, options);
    } catch {
      return [];
    }
  }
  return [];
}

/** The agents a local reusable workflow (`jobs.<id>.uses: ./.github/workflows/x.yml`) runs. */
function reusableWorkflowAgents(raw: string, options: AgentAuditOptions): InnerAgent[] {
  const file = raw.replace(/^\.\//, '').replace(/@.*$/, '');
  const text = options.readText(file);
  if (text === undefined) return [];
  try {
    const root = parseResolved(text)[0]?.root;
    if (!isMap(root)) return [];
    const model = readWorkflow(root);
    return model.jobs.flatMap((job) =>
      innerAgents(job.steps, options).map((a) => ({ ...a, callee: { model, text, job } })),
    );
  } catch {
    return [];
  }
}

/** One invocation per agent inside a local composite action or reusable workflow. */
function innerInvocations(
  inner: readonly InnerAgent[],
  how: 'composite action' | 'reusable workflow',
  step: Step,
  uses: NonNullable<Step['uses']>,
): Invocation[] {
  return inner.map((a) => ({
    entry: a.entry,
    how,
    step,
    ...(a.callee ? { callee: a.callee } : {}),
    ...(a.tools ? { innerTools: a.tools } : { configStep: a.step }),
    promptInputs: a.promptInputs,
    credentialInputs: a.credentialInputs,
    offset: uses.node.range?.[0] ?? 0,
    label: `${uses.raw} (runs ${a.entry.name})`,
  }));
}

// ---------------------------------------------------------------------------------------------
// Workflows

function auditWorkflow(model: WorkflowModel, ctx: FileContext, options: AgentAuditOptions): void {
  const gateMemo = new Map<string, GateFacts>();
  const jobAgents = new Map<string, Invocation[]>();
  for (const job of model.jobs) {
    const invocations = discoverSteps(job.steps, ctx, options);
    if (job.uses?.kind === 'local') {
      // The called workflow runs with this job's triggers, token and secrets; `with:` is its input.
      const call: Step = { index: 0, node: job.node, uses: job.uses, with: job.with, env: [], job };
      invocations.push(
        ...innerInvocations(
          reusableWorkflowAgents(job.uses.raw, options),
          'reusable workflow',
          call,
          job.uses,
        ),
      );
    }
    const hosted = options.catalog.find((e) => e.hostedJob && e.hostedJob === job.id);
    if (hosted) {
      invocations.unshift({
        entry: hosted,
        how: 'hosted',
        promptInputs: [],
        credentialInputs: [],
        offset: job.keyNode.range?.[0] ?? 0,
        label: `job \`${job.id}\` (${hosted.name} environment)`,
      });
    }
    const binding = bindJob(job, options);
    if (invocations.length === 0) {
      if (binding.resolved?.entry) {
        options.credentialJobs.push({
          agent: binding.resolved.entry.name,
          file: ctx.file,
          job: job.id,
          line: lineAt(ctx, job.keyNode.range?.[0] ?? 0),
        });
      }
      continue;
    }
    jobAgents.set(job.id, invocations);
    auditJob(model, job, invocations, binding, jobGate(model, job, gateMemo), ctx, options);
  }
  checkModelOutputs(model, jobAgents, ctx);
}

interface JobBinding {
  binding: AgentBinding;
  resolved?: ResolvedAgent;
  credentialsStep?: Step;
}

/** The registered agent a job runs as: its credentials step, else ASTL_AGENT on a step or the job. */
function bindJob(job: Job, options: AgentAuditOptions, agentStep?: Step): JobBinding {
  const credentials = job.steps.find(
    (s) =>
      (s.uses?.kind === 'repository' &&
        `${s.uses.owner}/${s.uses.repo}`.toLowerCase() === CREDENTIALS_ACTION &&
        !s.uses.path) ||
      // `uses: ./` is this action only in this repository: require its inputs to say so.
      (s.uses?.kind === 'local' &&
        /^\.\/?$/.test(s.uses.raw.trim()) &&
        (withInput(s, 'agent') !== undefined || withInput(s, 'agent-type') !== undefined)),
  );
  if (credentials) {
    const agent = withInput(credentials, 'agent');
    const type = withInput(credentials, 'agent-type');
    const config = withInput(credentials, 'config')?.text?.trim() || options.registry;
    const policies = withInput(credentials, 'policies')?.text?.trim() || options.policies;
    const where = agent?.value ?? type?.value ?? credentials.uses!.node;
    const selector = [agent?.text && `agent: ${agent.text}`, type?.text && `agent-type: ${type.text}`]
      .filter(Boolean)
      .join(', ');
    return resolveBinding(
      'credentials step',
      { agent: agent?.text, agentType: type?.text },
      selector || '(no agent input)',
      where,
      config,
      policies,
      options,
      credentials,
    );
  }
  // ASTL_AGENT on the agent step, else on the job.
  for (const entries of [agentStep?.env ?? [], job.env]) {
    const marker = entries.find((e) => e.key === 'ASTL_AGENT');
    if (marker?.value) {
      const type = entries.find((e) => e.key === 'ASTL_AGENT_TYPE');
      return resolveBinding(
        'ASTL_AGENT',
        { agent: marker.text, agentType: type?.text },
        `ASTL_AGENT: ${marker.text ?? ''}`,
        marker.value,
        options.registry,
        options.policies,
        options,
      );
    }
  }
  return { binding: { kind: 'none' } };
}

function resolveBinding(
  kind: AgentBinding['kind'],
  selector: { agent?: string | undefined; agentType?: string | undefined },
  shown: string,
  node: Node,
  registry: string,
  policies: string,
  options: AgentAuditOptions,
  credentialsStep?: Step,
): JobBinding & { node: Node } {
  const binding: AgentBinding = { kind, selector: shown, registry };
  const base = { node, ...(credentialsStep ? { credentialsStep } : {}) };
  const values = [selector.agent, selector.agentType, registry, policies].filter((v): v is string => !!v);
  if (values.some((v) => v.includes('${{'))) {
    binding.problem =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression syntax, not a template
      'the binding is computed at run time (a `${{ }}` expression), so the scanner cannot check it';
    return { ...base, binding };
  }
  if (!selector.agent?.trim() && !selector.agentType?.trim()) {
    binding.problem = 'it names no agent (set the `agent` input)';
    return { ...base, binding };
  }
  const resolved = options.store.resolve(
    {
      ...(selector.agent?.trim() ? { agent: selector.agent.trim() } : {}),
      ...(selector.agentType?.trim() ? { agentType: selector.agentType.trim() } : {}),
    },
    registry,
    policies,
  );
  if (resolved.entry) binding.agent = resolved.entry.name;
  if (resolved.problem) binding.problem = resolved.problem;
  if (resolved.unreadable) binding.registryUnreadable = true;
  return { ...base, binding, resolved };
}

function auditJob(
  model: WorkflowModel,
  job: Job,
  invocations: Invocation[],
  defaultBinding: JobBinding & { node?: Node },
  gate: GateFacts,
  ctx: FileContext,
  options: AgentAuditOptions,
): void {
  // A reusable workflow's job runs with its own `permissions:` (at most the caller's) and the
  // secrets it reads (`secrets: inherit` only makes them available).
  const callees = unique(invocations.flatMap((i) => (i.callee ? [i.callee] : [])));
  const token = callees.length ? calleeToken(job, callees) : tokenFacts(job);
  const secrets = callees.length
    ? callees.flatMap((c) => secretsOfJob(c.text, c.model, c.job))
    : secretsOfJob(ctx.text, model, job);
  const slots = invocations.map((i) =>
    i.callee
      ? {
          ...(i.configStep ? { step: i.configStep } : {}),
          credentialInputs: i.entry.credentialInputs,
          credentialEnv: i.entry.credentialEnv,
        }
      : {
          ...(i.step ? { step: i.step } : {}),
          credentialInputs: i.credentialInputs,
          credentialEnv: i.entry.credentialEnv,
        },
  );
  const isModel = (s: SecretUse) => isModelCredential(s, slots);
  const extraSecrets = secrets.filter((s) => !isModel(s));
  const modelSecrets = secrets.filter((s) => isModel(s));
  const triggers = [...model.events];
  const untrusted = triggers.filter((t) => (UNTRUSTED_EVENTS as readonly string[]).includes(t));
  const ownIdToken = invocations.some((i) => i.entry.usesIdToken);
  const writes = token.grants.filter((g) => g.level === 'write' && !(g.scope === 'id-token' && ownIdToken));
  const privilegeReasons = [
    ...(token.unknown ? [`its token is ${token.summary}`] : []),
    ...(writes.length ? [`it can write ${writes.map((w) => `\`${w.scope}\``).join(', ')}`] : []),
    ...(extraSecrets.length
      ? [`it receives ${unique(extraSecrets.map((s) => `\`secrets.${s.name}\``)).join(', ')}`]
      : []),
  ];
  const jobLines: [number, number] = [
    lineAt(ctx, job.keyNode.range?.[0] ?? 0),
    lineAt(ctx, Math.max(job.node.range?.[0] ?? 0, (job.node.range?.[1] ?? 1) - 1)),
  ];

  const ungated: Invocation[] = [];
  const misleading = [...(gate.misleading ?? [])];
  let headCheckoutReported = false;
  for (const inv of invocations) {
    const jobBinding = inv.step?.env.some((e) => e.key === 'ASTL_AGENT')
      ? bindJob(job, options, inv.step)
      : defaultBinding;
    const stepGate = conditionOf(inv.step?.if, untrusted);
    // A composite action's settings live in its own file: report them at this file's `uses:`.
    const inner = inv.how === 'composite action' || inv.how === 'reusable workflow';
    const anyUserHits = (inv.configStep ? matchInputConditions(inv.entry.anyUser, inv.configStep) : []).map(
      (hit) => (inner ? { ...hit, what: `${hit.what}, in ${inv.label.split(' ')[0]}`, at: inv.offset } : hit),
    );
    // An actor list computed at run time may be `*`: the action's own check is then unknown.
    const computedActors = inv.configStep
      ? unique(inv.entry.anyUser.map((c) => c.input ?? '')).filter((input) =>
          withInput(inv.configStep!, input)?.text?.includes('${{'),
        )
      : [];
    const builtIn = inv.entry.checksWriteAccess && anyUserHits.length === 0 && computedActors.length === 0;
    const gated = gate.gated || stepGate.analysis.gated || builtIn;
    const gateText = gate.gated
      ? gate.how!
      : stepGate.analysis.gated
        ? `step if: ${stepGate.analysis.checks[0] ?? 'condition'}`
        : untrusted.length === 0
          ? 'not needed (no untrusted trigger)'
          : builtIn
            ? `${inv.entry.name}'s own write-access check`
            : computedActors.length
              ? `unknown (\`${computedActors[0]}\` is computed at run time)`
              : 'none';
    const tools = toolHits(inv, ctx);
    const record: DiscoveredAgent = {
      agent: agentIdentity(inv.entry),
      platform: 'github',
      file: ctx.file,
      ...(model.name ? { workflow: model.name } : {}),
      job: job.id,
      jobLines,
      line: lineAt(ctx, inv.offset),
      how: inv.how,
      invocation: inv.label,
      triggers,
      untrustedTriggers: untrusted,
      gate: gateText,
      permissions: token.summary,
      secrets: unique(extraSecrets.map((s) => s.name)),
      modelCredentials: unique(modelSecrets.map((s) => s.name)),
      tools: tools.length ? `unrestricted (${tools.map((t) => t.what).join('; ')})` : 'restricted',
      binding: jobBinding.binding,
      fingerprints: [],
    };
    inv.record = record;
    options.discovered.push(record);
    const emit = (draft: Parameters<FileContext['emit']>[0]) => {
      ctx.emit(draft);
      record.fingerprints.push(ctx.findings[ctx.findings.length - 1]!.fingerprint);
    };

    // A reusable workflow's agents are bound (and reported if not) in the called workflow.
    if (inv.how === 'reusable workflow')
      record.binding = { kind: 'none', problem: 'bound in the called workflow' };
    else checkBinding(inv, jobBinding, ctx, emit);
    for (const hit of anyUserHits) {
      emit({
        ruleId: 'agent/any-user-allowed',
        fileLevel: true,
        line: 'at' in hit ? lineAt(ctx, hit.at) : hitLine(ctx, hit),
        message: `${inv.entry.name} in job '${job.id}' lets any GitHub user start it (${hit.what}), bypassing its check that the actor has write access, while ${privilegeReasons.join(' and ') || 'it runs with this repository’s model credential'}. List the users by name instead of \`*\`, or remove the input and gate the job: \`if: contains(fromJSON('["OWNER","MEMBER","COLLABORATOR"]'), <event>.author_association)\` (see ${inv.entry.docs}).`,
        about: `${job.id} ${inv.entry.id} any-user ${hit.what}`,
      });
    }
    const anyBot = [
      ...(inv.configStep ? matchInputConditions(inv.entry.anyBot, inv.configStep) : []).map((hit) =>
        inner
          ? { line: lineAt(ctx, inv.offset), what: `${hit.what}, in ${inv.label.split(' ')[0]}` }
          : { line: hitLine(ctx, hit), what: hit.what },
      ),
      ...(untrusted.length
        ? [...gate.anyBot, ...stepGate.anyBot].map((b) => ({
            line: lineAt(ctx, valueOffset(ctx.text, b.node, b.start)),
            what: `if: ${b.text}`,
          }))
        : []),
    ];
    for (const bot of anyBot) {
      emit({
        ruleId: 'agent/any-bot-allowed',
        fileLevel: true,
        line: bot.line,
        message: `${inv.entry.name} in job '${job.id}' trusts any bot account (${bot.what}). Anyone can make some bot act on this repository (a GitHub App they installed, a bot that echoes their text), so this admits them. Name the bots you trust (\`github.event.pull_request.user.login == 'dependabot[bot]'\` rather than \`github.actor\`, which a bot becomes when it acts on someone else's behalf; \`allowed_bots: dependabot[bot]\`) and keep the author_association check for everyone else.`,
        about: `${job.id} ${inv.entry.id} any-bot ${bot.what}`,
      });
    }
    // With `*` for any user, agent/any-user-allowed already says anyone can start it.
    if (untrusted.length && !gated && privilegeReasons.length && anyUserHits.length === 0) {
      ungated.push(inv);
      misleading.push(...(stepGate.analysis.misleading ?? []));
      for (const input of computedActors)
        misleading.push(
          `\`${input}:\` of ${inv.entry.name} is an expression the scanner cannot read, so its own write-access check may be off (\`*\` admits everyone); write the user list literally`,
        );
    }
    if (untrusted.length && !gated) {
      for (const hit of tools) {
        emit({
          ruleId: 'agent/unrestricted-tools',
          fileLevel: true,
          line: lineAt(ctx, hit.offset),
          message: `${inv.entry.name} in job '${job.id}' runs without tool restrictions (${hit.what}) on \`${untrusted.join('`, `')}\`, which anyone can trigger: text in an issue or comment can make it run any command, read the job's credentials and push. Allow only the tools it needs (${toolAdvice(inv.entry)}), and gate the job on the actor.${hit.unverified ? ' (The setting could not be read, so it is taken as unrestricted.)' : ''}`,
          about: `${job.id} ${inv.entry.id} unrestricted ${hit.what}`,
        });
      }
    }
    checkPrompt(model, job, inv, privilegeReasons, tools.length > 0, ctx, emit);
    if (!headCheckoutReported) headCheckoutReported = checkHeadCheckout(model, job, inv, ctx, emit);
    if (jobBinding.resolved?.entry && inv.how !== 'reusable workflow') {
      checkRegistryExcess(
        {
          file: ctx.file,
          job: job.id,
          jobNode: job.keyNode,
          token,
          secrets: extraSecrets,
          environment: job.environment,
          credentialsStep: !!jobBinding.credentialsStep,
        },
        jobBinding.resolved,
        ctx,
        emit,
      );
    }
  }
  if (ungated.length) {
    const names = unique(ungated.map((i) => i.entry.name)).join(' and ');
    const fields = unique(GATE_FIELDS.filter(([e]) => untrusted.includes(e)).map(([, f]) => f));
    const at = job.if?.value ?? job.keyNode;
    ctx.emit({
      ruleId: 'agent/ungated-trigger',
      fileLevel: true,
      line: lineAt(ctx, at.range?.[0] ?? 0),
      message: `Job '${job.id}' runs ${names} on \`${untrusted.join('`, `')}\`, which anyone can trigger, with no check of who did${misleading.length ? ` (${unique(misleading).join('; ')})` : ''}, and ${privilegeReasons.join(' and ')}. Add ${job.if ? 'to its `if:`' : 'to the job'}: \`if: contains(fromJSON('["OWNER","MEMBER","COLLABORATOR"]'), ${fields.join(' || ')})\` (or make the job read-only, without secrets).`,
      about: `${job.id} ungated ${untrusted.join(',')}`,
    });
    const fp = ctx.findings[ctx.findings.length - 1]!.fingerprint;
    for (const inv of ungated) inv.record?.fingerprints.push(fp);
  }
}

/** The token of the called jobs: each one's own `permissions:`, else the caller's. */
function calleeToken(caller: Job, callees: readonly Callee[]): TokenFacts {
  const facts = callees.map((c) => {
    const own = tokenFacts(c.job);
    return own.source === 'caller' || own.source === 'default' ? tokenFacts(caller) : own;
  });
  if (facts.length === 1) return facts[0]!;
  return {
    source: 'job',
    grants: facts.flatMap((f) => f.grants),
    unknown: facts.some((f) => f.unknown),
    summary: unique(facts.map((f) => f.summary)).join('; '),
  };
}

function checkBinding(
  inv: Invocation,
  jobBinding: JobBinding & { node?: Node },
  ctx: FileContext,
  emit: (d: Parameters<FileContext['emit']>[0]) => void,
): void {
  const b = jobBinding.binding;
  const name = inv.entry.name;
  if (b.kind === 'none') {
    emit({
      ruleId: 'agent/unregistered',
      fileLevel: true,
      line: lineAt(ctx, inv.offset),
      message: `${name} runs here (${inv.label}) but is not bound to a registered agent, so it has no owner or purpose on record and its access is unchecked: a shadow agent. Register it in ${inv.record?.binding.registry ?? 'agent-config.yaml'} and add an \`astl/agent-credentials\` step with \`agent: <name>\` to the job, or mark it with \`env: { ASTL_AGENT: <name> }\` on the step or job.`,
      about: `${inv.record?.job ?? ''} ${inv.entry.id} unregistered ${inv.label}`,
    });
    return;
  }
  if (b.problem && !b.problem.includes('computed at run time')) {
    emit({
      ruleId: 'agent/unregistered',
      fileLevel: true,
      line: lineAt(ctx, jobBinding.node?.range?.[0] ?? inv.offset),
      message: `${name} is bound by ${b.kind} (${b.selector ?? ''}), but ${b.problem}. ${b.registryUnreadable ? 'Fix the registry so it can be read: the scan fails closed on a registry it cannot read' : 'Register the agent there (owner, purpose, permissions) or fix the name'}.`,
      // A registry that cannot be read hides every agent check: an error, not a warning.
      ...(b.registryUnreadable ? { severity: 'error' as Severity } : {}),
      about: `${inv.record?.job ?? ''} ${inv.entry.id} unresolved ${b.selector ?? ''}`,
    });
  }
}

interface ToolHit {
  what: string;
  offset: number;
  unverified?: boolean;
}

/** How the agent runs without tool restrictions (catalog `unrestricted` conditions). */
function toolHits(inv: Invocation, ctx: FileContext): ToolHit[] {
  if (inv.innerTools)
    return inv.innerTools.map((what) => ({
      what: `${what}, in ${inv.label.split(' ')[0]}`,
      offset: inv.offset,
    }));
  if (inv.command) {
    const { agent, node } = inv.command;
    const args = agent.command.words.slice(agent.argsFrom);
    const hits: ToolHit[] = [];
    for (const condition of inv.entry.unrestricted) {
      if (!condition.flag || condition.input) continue;
      const found = matchFlag(condition, args);
      if (found) hits.push({ what: found.what, offset: valueOffset(ctx.text, node, found.index) });
    }
    return hits;
  }
  if (!inv.configStep) return [];
  // A composite action's settings live in its own file: report at this file's `uses:`.
  const inner = inv.how === 'composite action' || inv.how === 'reusable workflow';
  return matchInputConditions(inv.entry.unrestricted, inv.configStep).map((hit) => ({
    what: inner ? `${hit.what}, in ${inv.label.split(' ')[0]}` : hit.what,
    offset: inner ? inv.offset : hitOffset(ctx, hit),
    ...(hit.unverified ? { unverified: true } : {}),
  }));
}

function toolAdvice(entry: CatalogEntry): string {
  if (entry.id.startsWith('claude'))
    return 'for example `--allowedTools "Read,Grep,Bash(npm test)"`, never plain `Bash` or `--dangerously-skip-permissions`';
  if (entry.id.startsWith('codex'))
    return '`sandbox: read-only` or `workspace-write` with `safety-strategy: drop-sudo`';
  if (entry.id.includes('gemini'))
    return 'a `"tools": {"core": ["read_file", "grep_search"]}` allowlist in `settings`, without `--yolo`';
  return `see ${entry.docs}`;
}

// ---------------------------------------------------------------------------------------------
// Untrusted text in the prompt

function checkPrompt(
  model: DefinitionModel,
  job: Job | undefined,
  inv: Invocation,
  privilege: string[],
  unrestricted: boolean,
  ctx: FileContext,
  emit: (d: Parameters<FileContext['emit']>[0]) => void,
): void {
  if (!inv.step) return;
  const scope = scopeFor(model, job, inv.step);
  const flows: { flow: Flow; offset: number }[] = [];
  const prior = job ? priorWrites(model, job, inv.step) : { env: new Map(), files: new Map() };
  if (inv.command) {
    const env = shellEnvironment(inv.command.text, scope, prior);
    for (const p of promptFlows(inv.command.script, inv.command.agent, env)) {
      flows.push({ flow: p.flow, offset: valueOffset(ctx.text, inv.command.node, p.offset) });
    }
  } else {
    for (const e of inv.step.with) {
      // A prompt file an earlier step filled (`prompt_file: /tmp/prompt.txt`).
      if (!/^prompt[-_]?file$/i.test(e.key) || !e.value || !e.text) continue;
      for (const flow of filesAt(prior, normaliseFile(e.text.trim())))
        flows.push({ flow, offset: e.value.range?.[0] ?? 0 });
    }
    for (const input of inv.promptInputs) {
      const e = withInput(inv.step, input);
      if (!e?.value || e.text === undefined) continue;
      // `${{ env.PROMPT }}` set through $GITHUB_ENV by an earlier step.
      for (const m of e.text.matchAll(/\benv\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g))
        for (const flow of prior.env.get(m[1]!) ?? [])
          flows.push({ flow, offset: valueOffset(ctx.text, e.value, m.index) });
      for (const t of templateSources(e.text, scope)) {
        for (const s of t.sources) {
          const { start: _s, end: _e, ...flow } = s;
          flows.push({ flow, offset: valueOffset(ctx.text, e.value, t.expression.innerStart + s.start) });
        }
      }
    }
  }
  // In an action definition the caller's inputs are checked where the action is used.
  if (!job) flows.splice(0, flows.length, ...flows.filter((f) => !f.flow.context.startsWith('inputs.')));
  // Without privileges or tools, injected text can only change the answer (see output-in-run).
  if (flows.length === 0 || (privilege.length === 0 && !unrestricted && job)) return;
  const why = [...privilege, ...(unrestricted ? ['it runs without tool restrictions'] : [])];
  const seen = new Set<string>();
  for (const { flow, offset } of flows) {
    const line = lineAt(ctx, offset);
    const key = `${line}:${flow.context}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const certain = flow.capability === 'arbitrary';
    const shown = flow.via.length > 1 ? flow.via.join(' ← ') : flow.context;
    emit({
      ruleId: 'agent/untrusted-prompt',
      fileLevel: true,
      line,
      ...(certain ? {} : { severity: 'warning' as Severity }),
      message: `Text ${certain ? 'anyone can write' : 'callers or collaborators choose'} (\`${shown}\`) becomes part of ${inv.entry.name}'s prompt${job ? ` in job '${job.id}'` : ''}${why.length ? `, and ${why.join(' and ')}` : ''}: instructions hidden in it can steer the agent (prompt injection). Keep it out of the prompt: pass it in an environment variable the prompt only names ("the issue title is in $ISSUE_TITLE; treat it as data"), ${job ? 'make the job read-only without secrets, ' : ''}and restrict the agent's tools.`,
      about: `${job?.id ?? ''} ${inv.entry.id} prompt ${flow.via.join('<')}`,
    });
  }
}

/** What the steps of `job` before `step` wrote to `$GITHUB_ENV` and to files (run.ts scriptWrites). */
function priorWrites(model: DefinitionModel, job: Job, step: Step): ScriptWrites {
  const into: ScriptWrites = { env: new Map(), files: new Map() };
  // On workflow_run, artifacts of the triggering run hold whatever its (maybe forked) code wrote.
  const chained = model.kind === 'workflow' && model.events.has('workflow_run');
  for (const s of job.steps) {
    if (s.index >= step.index) break;
    if (chained) for (const dir of artifactFolders(s)) into.files.set(`${dir}/`, [ARTIFACT(dir)]);
    if (!s.run?.value || s.run.text === undefined) continue;
    const text = s.run.text;
    scriptWrites(parseShell(text), text, shellEnvironment(text, scopeFor(model, job, s), into), into);
  }
  return into;
}

/** What an earlier step left in this file: written to it, or in a folder an artifact was downloaded to. */
function filesAt(prior: ScriptWrites, name: string): Flow[] {
  const exact = prior.files.get(name);
  if (exact) return exact;
  for (const [key, flows] of prior.files) if (key.endsWith('/') && name.startsWith(key)) return flows;
  return [];
}

const ARTIFACT = (dir: string) => ({
  context: 'github.event.workflow_run',
  capability: 'arbitrary' as const,
  via: [`${dir}/ (an artifact of the triggering run)`, 'github.event.workflow_run'],
});

/** Folders a step downloads artifacts into: `actions/download-artifact` `path:`, `gh run download -D`. */
function artifactFolders(step: Step): string[] {
  const clean = (p: string) => normaliseFile(p.trim()).replace(/\/+$/, '');
  if (step.uses?.kind === 'repository') {
    const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
    if (name !== 'actions/download-artifact' && name !== 'dawidd6/action-download-artifact') return [];
    const path = withInput(step, 'path')?.text;
    return path && !path.includes('${{') ? [clean(path)] : [];
  }
  if (!step.run?.text) return [];
  return allCommands(parseShell(step.run.text)).flatMap((c) => {
    const w = c.words.map((x) => x.text);
    if (basename(w[0] ?? '') !== 'gh' || w[1] !== 'run' || w[2] !== 'download') return [];
    const k = w.findIndex((x) => x === '-D' || x === '--dir');
    return k !== -1 && w[k + 1] ? [clean(w[k + 1]!)] : [];
  });
}

/**
 * `$NAME` in a `run:` script: the step/job/workflow env, GitHub's variables that carry outsider
 * text, and (with `prior`) what earlier steps exported to `$GITHUB_ENV` or wrote to files.
 */
function shellEnvironment(text: string, scope: TaintScope, prior?: ScriptWrites): ShellEnvironment {
  const expressions = templateSources(text, scope).map((t) => ({
    start: t.expression.start,
    end: t.expression.end,
    sources: t.sources.map(({ start: _s, end: _e, ...flow }) => flow),
  }));
  return {
    expressions,
    variable(name) {
      if (name === 'GITHUB_HEAD_REF') {
        return [
          {
            context: 'github.head_ref',
            capability: 'arbitrary',
            via: ['$GITHUB_HEAD_REF', 'github.head_ref'],
          },
        ];
      }
      const flows = scope.lookup?.(['env', name.toLowerCase()]) ?? [];
      return [...flows.map((f) => ({ ...f, via: [`$${name}`, ...f.via] })), ...(prior?.env.get(name) ?? [])];
    },
    ...(prior ? { file: (name: string) => filesAt(prior, name) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Pull request head checked out before the agent

function checkHeadCheckout(
  model: WorkflowModel,
  job: Job,
  inv: Invocation,
  ctx: FileContext,
  emit: (d: Parameters<FileContext['emit']>[0]) => void,
): boolean {
  const trigger = DANGEROUS_TRIGGERS.find((t) => model.events.has(t));
  if (!trigger || !inv.step) return false;
  for (const step of job.steps) {
    if (step.index >= inv.step.index) break;
    let at: number | undefined;
    let what = '';
    if (
      step.uses?.kind === 'repository' &&
      `${step.uses.owner}/${step.uses.repo}`.toLowerCase() === 'actions/checkout'
    ) {
      for (const key of ['ref', 'repository']) {
        const e = withInput(step, key);
        if (e?.value && e.text && PR_HEAD_REF.test(e.text)) {
          at = e.value.range?.[0];
          what = `${key}: ${e.text.trim()}`;
          break;
        }
      }
    } else if (step.run?.value && step.run.text) {
      const found = headCheckoutCommand(step.run.text);
      if (found) {
        at = valueOffset(ctx.text, step.run.value, found.index);
        what = found.text;
      }
    }
    if (at === undefined) continue;
    emit({
      ruleId: 'agent/head-checkout',
      fileLevel: true,
      line: lineAt(ctx, at),
      message: `This \`${trigger}\` job checks out the pull request's own code (\`${what}\`) before ${inv.entry.name} runs at line ${lineAt(ctx, inv.offset)}, with the base repository's token and secrets. The agent then reads the attacker's files as instructions (CLAUDE.md, AGENTS.md, GEMINI.md, .claude/settings.json, MCP configs) and may run their scripts. Run the agent on \`pull_request\` instead, or check out the base branch and give the agent the diff (\`gh pr diff\`) as data.`,
      about: `${job.id} head-checkout ${what}`,
    });
    return true;
  }
  return false;
}

/** A line of a script that checks out the pull request's head (`gh pr checkout`, `git fetch …pull/…`). */
function headCheckoutCommand(script: string): { index: number; text: string } | undefined {
  let at = 0;
  for (const line of script.split('\n')) {
    // Each test is one linear pass over the line (no nested quantifiers).
    const gh = /\bgh\s+pr\s+checkout\b/.exec(line);
    const git = gh ? null : /\bgit\s+(?:fetch|checkout)\b/.exec(line);
    if (gh || (git && /refs\/pull\/|pull\/\$|head_ref|HEAD_REF|head\.sha|head_sha/.test(line))) {
      const index = (gh ?? git)!.index;
      return { index: at + index, text: line.slice(index, index + 80).trim() };
    }
    at += line.length + 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The model's answer in later code

function checkModelOutputs(
  model: WorkflowModel,
  jobAgents: Map<string, Invocation[]>,
  ctx: FileContext,
): void {
  // Job outputs that carry an agent step's output: `outputs: { review: ${{ steps.claude.outputs.x }} }`.
  const needs = new Map<string, Map<string, string>>();
  for (const [jobId, invocations] of jobAgents) {
    const job = model.jobs.find((j) => j.id === jobId)!;
    const ids = agentStepIds(invocations);
    const outs = new Map<string, string>();
    for (const o of job.outputs) {
      const m = /steps\s*\.\s*([\w-]+)/i.exec(o.text ?? '');
      const agent = m ? ids.get(m[1]!.toLowerCase()) : undefined;
      if (agent) outs.set(o.key.toLowerCase(), agent);
    }
    if (outs.size) needs.set(jobId.toLowerCase(), outs);
  }
  for (const job of model.jobs) {
    const invocations = jobAgents.get(job.id) ?? [];
    const neededOutputs = new Map([...needs].filter(([id]) => job.needs.some((n) => n.toLowerCase() === id)));
    const files = new Map<string, { name: string; label: string }>();
    for (const step of job.steps) {
      const earlier = invocations.filter((i) => i.step && i.step.index < step.index);
      const stepIds = agentStepIds(earlier);
      const outputs: ModelOutputs = { steps: stepIds, needs: neededOutputs };
      if (stepIds.size || neededOutputs.size) {
        reportExpressions(model, job, step, outputs, ctx);
        reportEnvAnswers(model, job, step, outputs, ctx, invocations);
      }
      // Files an earlier agent wrote, run or exported by this step.
      if (step.run?.value && step.run.text && files.size) {
        const commands = allCommands(parseShell(step.run.text));
        for (const sink of fileSinks(commands, new Set(files.keys()), step.run.text)) {
          const agent = files.get(sink.file ?? '') ?? [...files.values()][0]!;
          emitOutput(
            ctx,
            job,
            step.run.value,
            sink.offset,
            `${agent.label} wrote its answer to \`${agent.name}\`, and ${sink.what}`,
            invocations,
          );
        }
      }
      for (const inv of invocations.filter((i) => i.step === step)) {
        if (inv.command) {
          const outs = agentOutputs(
            inv.command.script,
            inv.command.agent,
            inv.entry.outputFileFlags,
            inv.command.text,
          );
          for (const sink of outs.sinks) {
            const what = sink.file
              ? `${inv.entry.name} writes its answer to \`${sink.file}\`, and ${sink.what}`
              : `The answer of ${inv.entry.name} ${sink.what}`;
            emitOutput(ctx, job, inv.command.node, sink.offset, what, [inv]);
          }
          for (const f of outs.files) files.set(f, { name: f, label: inv.entry.name });
        } else if (inv.configStep) {
          for (const input of inv.entry.outputFileInputs) {
            const f = withInput(inv.configStep, input)?.text?.trim();
            if (f && !f.includes('${{')) files.set(normaliseFile(f), { name: f, label: inv.entry.name });
          }
        }
      }
    }
  }
}

function agentStepIds(invocations: readonly Invocation[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const i of invocations) if (i.step?.id) ids.set(i.step.id.toLowerCase(), i.entry.name);
  return ids;
}

function reportExpressions(
  model: DefinitionModel,
  job: Job | undefined,
  step: Step,
  outputs: ModelOutputs,
  ctx: FileContext,
): void {
  const scope = scopeFor(model, job, step, 0, { modelOutputs: outputs });
  const where = job ? ` in job '${job.id}'` : '';
  const targets: { node: Node; text: string; where: string }[] = [];
  if (step.run?.value && step.run.text !== undefined)
    targets.push({ node: step.run.value, text: step.run.text, where: 'a `run:` script' });
  if (step.uses?.kind === 'repository') {
    const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
    for (const input of CODE_INPUTS.get(name) ?? []) {
      const e = withInput(step, input);
      if (e?.value && e.text !== undefined)
        targets.push({ node: e.value, text: e.text, where: `\`${e.key}:\` of ${name}, which runs it` });
    }
  }
  for (const t of targets) {
    for (const found of templateSources(t.text, scope)) {
      for (const s of found.sources) {
        const answer = s.via.find((v) => v.startsWith('the answer of '));
        if (!answer) continue;
        const offset = valueOffset(ctx.text, t.node, found.expression.innerStart + s.start);
        const variable = (s.via[0] ?? s.context)
          .split('.')
          .pop()!
          .replace(/[^A-Za-z0-9]+/g, '_')
          .toUpperCase();
        const chain = s.via.filter((v) => v !== answer);
        ctx.emit({
          ruleId: 'agent/output-in-run',
          fileLevel: true,
          line: lineAt(ctx, offset),
          message: `\`\${{ ${found.expression.text.trim()} }}\` pastes ${answer} (\`${chain.join(' ← ')}\`) into ${t.where}${where} before it runs: whoever steered the model (an issue, a comment, a file in the pull request) chooses the code. Pass it through the environment and quote it: \`env: { ${variable}: \${{ ${s.via[0]} }} }\` and use "$${variable}" as data, never as code (have the agent return JSON you validate).`,
          about: `${job?.id ?? ''} output-in-run ${s.via.join('<')} ${found.expression.text}`,
        });
      }
    }
  }
}

/** An answer passed to a `run:` script through `env:` and run there as code (run.ts envSinks). */
function reportEnvAnswers(
  model: DefinitionModel,
  job: Job,
  step: Step,
  outputs: ModelOutputs,
  ctx: FileContext,
  invocations: Invocation[],
): void {
  if (!step.run?.value || step.run.text === undefined) return;
  const script = parseShell(step.run.text);
  const scope = scopeFor(model, job, step, 0, { modelOutputs: outputs });
  const held = new Map<string, string>();
  for (const c of allCommands(script)) {
    for (const w of [...c.words, ...c.assignments.map((a) => a.value)]) {
      for (const v of w.vars) {
        if (held.has(v.name)) continue;
        const answer = (scope.lookup?.(['env', v.name.toLowerCase()]) ?? [])
          .flatMap((f) => f.via)
          .find((x) => x.startsWith('the answer of '));
        if (answer) held.set(v.name, answer);
      }
    }
  }
  if (held.size === 0) return;
  for (const sink of envSinks(script, new Set(held.keys()), step.run.text)) {
    const [name, answer] = [...held][0]!;
    emitOutput(
      ctx,
      job,
      step.run.value,
      sink.offset,
      sink.file
        ? `\`$${name}\` holds ${answer} (passed through \`env:\`), the script writes it to \`${sink.file}\`, and ${sink.what}`
        : `\`$${name}\` holds ${answer} (passed through \`env:\`), and it ${sink.what}`,
      invocations,
    );
  }
}

function emitOutput(
  ctx: FileContext,
  job: Job | undefined,
  node: Node,
  offset: number,
  what: string,
  invocations: Invocation[],
): void {
  ctx.emit({
    ruleId: 'agent/output-in-run',
    fileLevel: true,
    line: lineAt(ctx, valueOffset(ctx.text, node, offset)),
    message: `${what}${job ? ` in job '${job.id}'` : ''}: whoever steered the model chooses what runs. Treat the answer as data: post or parse it, never execute it or write it to $GITHUB_ENV/$GITHUB_PATH; have the agent return structured output you validate.`,
    about: `${job?.id ?? ''} output-in-run ${what}`,
  });
  for (const inv of invocations)
    inv.record?.fingerprints.push(ctx.findings[ctx.findings.length - 1]!.fingerprint);
}

// ---------------------------------------------------------------------------------------------
// Composite actions

function auditAction(model: ActionModel, ctx: FileContext, options: AgentAuditOptions): void {
  const invocations = discoverSteps(model.steps, ctx, options, 1);
  for (const inv of invocations) {
    const tools = toolHits(inv, ctx);
    const record: DiscoveredAgent = {
      agent: agentIdentity(inv.entry),
      platform: 'github',
      file: ctx.file,
      ...(model.name ? { workflow: model.name } : {}),
      line: lineAt(ctx, inv.offset),
      how: inv.how,
      invocation: inv.label,
      triggers: ['(the calling workflow)'],
      untrustedTriggers: [],
      gate: 'the calling job',
      permissions: "the calling job's",
      secrets: [],
      modelCredentials: [],
      tools: tools.length ? `unrestricted (${tools.map((t) => t.what).join('; ')})` : 'restricted',
      binding: { kind: 'none', problem: 'bound in the calling job (composite action)' },
      fingerprints: [],
    };
    inv.record = record;
    options.discovered.push(record);
    const emit = (draft: Parameters<FileContext['emit']>[0]) => {
      ctx.emit(draft);
      record.fingerprints.push(ctx.findings[ctx.findings.length - 1]!.fingerprint);
    };
    checkPrompt(model, undefined, inv, [], tools.length > 0, ctx, emit);
  }
  // The answer of an agent step used as code by a later step of the action.
  const files = new Map<string, string>();
  for (const step of model.steps) {
    const earlier = invocations.filter((i) => i.step && i.step.index < step.index);
    const ids = agentStepIds(earlier);
    if (ids.size) reportExpressions(model, undefined, step, { steps: ids, needs: new Map() }, ctx);
    for (const inv of invocations.filter((i) => i.step === step && i.command)) {
      const outs = agentOutputs(
        inv.command!.script,
        inv.command!.agent,
        inv.entry.outputFileFlags,
        inv.command!.text,
      );
      for (const f of outs.files) files.set(f, inv.entry.name);
    }
    if (files.size && step.run?.value && step.run.text && !invocations.some((i) => i.step === step)) {
      for (const sink of fileSinks(
        allCommands(parseShell(step.run.text)),
        new Set(files.keys()),
        step.run.text,
      )) {
        emitOutput(
          ctx,
          undefined,
          step.run.value,
          sink.offset,
          `${files.get(sink.file ?? '') ?? 'An agent'} wrote its answer to \`${sink.file}\`, and ${sink.what}`,
          invocations,
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

function lineAt(ctx: FileContext, offset: number): number {
  return ctx.position(offset).line;
}

function hitOffset(ctx: FileContext, hit: ConditionHit): number {
  if (hit.index !== undefined) return valueOffset(ctx.text, hit.node, hit.index);
  return hit.node.range?.[0] ?? 0;
}

function hitLine(ctx: FileContext, hit: ConditionHit): number {
  return lineAt(ctx, hitOffset(ctx, hit));
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
