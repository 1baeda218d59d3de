/**
 * Where untrusted values flow inside one workflow or action: the TaintScope for a place (a
 * step, a job, the workflow) that resolves `env.X` through step, job and workflow `env:`,
 * `matrix.X` through `strategy.matrix` (including matrices built by `fromJSON(…)`), and
 * `inputs.X` through the declared inputs; plus `templateSources`, the untrusted values of every
 * `${{ }}` in a string.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import {
  ExpressionSyntaxError,
  extractExpressions,
  type TaintScope,
  type TaintSource,
  type TemplateExpression,
  untrustedSources,
} from './expressions.js';
import {
  type DefinitionModel,
  type Entry,
  entriesOf,
  type InputDecl,
  type Job,
  type Step,
  scalarText,
  valueAt,
} from './model.js';

type Flow = Omit<TaintSource, 'start' | 'end'>;

/** Input types whose values cannot carry code. */
const SAFE_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);

/** Contexts an outsider cannot write (or that this analysis does not follow; see docs/scan.md). */
const TRUSTED_ROOTS = new Set(['secrets', 'vars', 'runner', 'job', 'jobs', 'strategy', 'steps', 'needs']);

const MAX_FLOW_DEPTH = 8;

export interface TemplateFinding {
  expression: TemplateExpression;
  sources: TaintSource[];
  /** Set when the expression does not parse: it is reported as untrusted (fail closed). */
  syntaxError?: string;
}

/**
 * Each `${{ }}` of `text` with the untrusted values that can become its result (offsets of the
 * sources are relative to the expression's inner text). An expression that does not parse but
 * names an untrusted-looking context is returned with `syntaxError` and one source per match.
 */
export function templateSources(text: string, scope: TaintScope): TemplateFinding[] {
  const out: TemplateFinding[] = [];
  for (const expression of extractExpressions(text)) {
    try {
      const sources = untrustedSources(expression.text, scope);
      if (sources.length > 0) out.push({ expression, sources });
    } catch (err) {
      if (!(err instanceof ExpressionSyntaxError)) throw err;
      const m = /github\s*\.\s*(?:event|head_ref)[\w.[\]'*-]*/i.exec(expression.text);
      if (m) {
        out.push({
          expression,
          sources: [
            {
              context: m[0].replace(/\s+/g, ''),
              start: m.index,
              end: m.index + m[0].length,
              capability: 'arbitrary',
              via: [m[0]],
            },
          ],
          syntaxError: err.message,
        });
      }
    }
  }
  return out;
}

/**
 * Step and job outputs that carry a model's answer (an AI agent's output): untrusted text for
 * the agent rules, though `steps.*`/`needs.*` are otherwise trusted. Keys are lower-cased step
 * ids (`steps.<id>.outputs.*` in the same job) and job ids with their output names
 * (`needs.<job>.outputs.<name>`); values say which agent wrote it (for messages).
 */
export interface ModelOutputs {
  steps: ReadonlyMap<string, string>;
  needs: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface ScopeOptions {
  /** Treat these outputs as attacker-influenced text (capability `arbitrary`). */
  modelOutputs?: ModelOutputs;
}

/** The taint scope of a step (or of a job's own keys when `step` is omitted). */
export function scopeFor(
  model: DefinitionModel,
  job?: Job,
  step?: Step,
  depth = 0,
  options: ScopeOptions = {},
): TaintScope {
  return {
    lookup(path) {
      const root = path[0];
      if (!root) return undefined;
      if (options.modelOutputs && (root === 'steps' || root === 'needs')) {
        const flows = modelOutputFlow(options.modelOutputs, path);
        if (flows.length > 0) return flows;
      }
      if (TRUSTED_ROOTS.has(root)) return [];
      if (depth > MAX_FLOW_DEPTH) return [];
      if (root === 'env') return envFlow(model, job, step, path, depth, options);
      if (root === 'matrix') return job ? matrixFlow(model, job, path, depth, options) : [];
      if (root === 'inputs') return inputFlow(model, path);
      return undefined;
    },
  };
}

/** `steps.<agent>.outputs.*` and `needs.<job>.outputs.<name>` that hold a model's answer. */
function modelOutputFlow(outputs: ModelOutputs, path: readonly string[]): Flow[] {
  const id = path[1];
  if (!id) return [];
  const context = path.join('.');
  const flow = (agent: string): Flow[] => [
    { context, capability: 'arbitrary', via: [context, `the answer of ${agent}`] },
  ];
  if (path[0] === 'steps') {
    const agent = outputs.steps.get(id);
    return agent && (path.length < 3 || path[2] === 'outputs' || path[2] === '*') ? flow(agent) : [];
  }
  const job = outputs.needs.get(id);
  if (!job || (path.length >= 3 && path[2] !== 'outputs' && path[2] !== '*')) return [];
  const name = path[3];
  if (name === undefined || name === '*' || name === '?') {
    const first = job.values().next().value;
    return first ? flow(first) : [];
  }
  const agent = job.get(name);
  return agent ? flow(agent) : [];
}

/** `env.X`: the step's env, then the job's, then the workflow's (GitHub's precedence). */
function envFlow(
  model: DefinitionModel,
  job: Job | undefined,
  step: Step | undefined,
  path: readonly string[],
  depth: number,
  options: ScopeOptions,
): Flow[] {
  const levels: { entries: Entry[]; expression?: Entry; scope: TaintScope }[] = [];
  if (step) {
    levels.push({
      entries: step.env,
      ...(step.envExpression ? { expression: step.envExpression } : {}),
      // A step's env may read the job's and the workflow's env, not its own.
      scope: scopeFor(model, job, undefined, depth + 1, options),
    });
  }
  if (job) {
    levels.push({
      entries: job.env,
      ...(job.envExpression ? { expression: job.envExpression } : {}),
      scope: scopeFor(model, undefined, undefined, depth + 1, options),
    });
  }
  if (model.kind === 'workflow') {
    levels.push({
      entries: model.env,
      ...(model.envExpression ? { expression: model.envExpression } : {}),
      scope: {
        lookup: (p) =>
          p[0] === 'env' || p[0] === 'matrix'
            ? []
            : scopeFor(model, undefined, undefined, depth + 1, options).lookup?.(p),
      },
    });
  }
  if (path.length === 1) {
    // The whole env object (toJSON(env)): everything any level defines.
    return levels.flatMap((l) => [
      ...l.entries.flatMap((e) => valueFlows(e, l.scope, `env.${e.key}`)),
      ...(l.expression ? valueFlows(l.expression, l.scope, 'env') : []),
    ]);
  }
  const name = path[1]!;
  for (const level of levels) {
    const found = level.entries.find((e) => e.key.toLowerCase() === name);
    if (found) return valueFlows(found, level.scope, `env.${found.key}`);
    if (level.expression) return valueFlows(level.expression, level.scope, `env.${path[1]}`);
  }
  return [];
}

function valueFlows(e: Entry, scope: TaintScope, via: string): Flow[] {
  return nodeFlows(e.value, scope).map((s) => ({ ...s, via: [via, ...s.via] }));
}

/** Untrusted flows of every scalar under a node (a matrix value may be a list or a map). */
function nodeFlows(node: Node | null | undefined, scope: TaintScope, budget = { left: 10_000 }): Flow[] {
  if (!node || budget.left-- <= 0) return [];
  if (isScalar(node)) {
    const text = scalarText(node);
    if (!text?.includes('${{')) return [];
    return templateSources(text, scope).flatMap((t) =>
      t.sources.map(({ start: _s, end: _e, ...flow }) => flow),
    );
  }
  if (isSeq(node)) return node.items.flatMap((n) => nodeFlows(n as Node, scope, budget));
  if (isMap(node)) return entriesOf(node).flatMap((e) => nodeFlows(e.value, scope, budget));
  return [];
}

/** `matrix.X`: the values of X in `strategy.matrix`, its `include:`, or a computed matrix. */
function matrixFlow(
  model: DefinitionModel,
  job: Job,
  path: readonly string[],
  depth: number,
  options: ScopeOptions,
): Flow[] {
  const matrix = job.strategy?.matrix;
  if (!matrix) return [];
  // The matrix may read only workflow-level contexts (github, inputs, vars, needs…).
  const scope = scopeFor(model, undefined, undefined, depth + 1, options);
  const via = `matrix${path.length > 1 ? `.${path[1]}` : ''}`;
  const tag = (flows: Flow[]) => flows.map((s) => ({ ...s, via: [via, ...s.via] }));
  if (isScalar(matrix)) return tag(nodeFlows(matrix, scope));
  if (path.length === 1) return tag(nodeFlows(matrix, scope));
  const name = path[1]!;
  const flows: Flow[] = [];
  for (const e of entriesOf(matrix)) {
    const key = e.key.toLowerCase();
    if (key === 'include') {
      if (isScalar(e.value)) flows.push(...nodeFlows(e.value, scope));
      for (const item of isSeq(e.value) ? e.value.items : []) {
        if (isScalar(item)) flows.push(...nodeFlows(item as Node, scope));
        for (const f of entriesOf(item))
          if (f.key.toLowerCase() === name) flows.push(...nodeFlows(f.value, scope));
      }
    } else if (key === name) {
      flows.push(...nodeFlows(e.value, scope));
    }
  }
  return tag(flows);
}

function inputFlow(model: DefinitionModel, path: readonly string[]): Flow[] {
  const inputs = model.inputs;
  const tag = (name: string, decl?: InputDecl): Flow[] =>
    decl?.type && SAFE_INPUT_TYPES.has(decl.type)
      ? []
      : [
          {
            context: `inputs.${decl?.name ?? name}`,
            capability: 'structured',
            via: [`inputs.${decl?.name ?? name}`],
          },
        ];
  if (path.length === 1) return [...inputs.values()].flatMap((d) => tag(d.name, d));
  const name = path[1]!;
  const decl = inputs.get(name);
  if (decl) return tag(name, decl);
  // An undeclared input: a composite action's caller or a workflow_call/dispatch may still pass it.
  if (model.kind === 'action' || model.events.has('workflow_call') || model.events.has('workflow_dispatch')) {
    return tag(name);
  }
  return [];
}

/** The node of `with.<name>` (case-insensitive, as GitHub matches inputs). */
export function withInput(step: Step, name: string): Entry | undefined {
  const lower = name.toLowerCase();
  return step.with.find((e) => e.key.toLowerCase() === lower);
}

export { valueAt };
