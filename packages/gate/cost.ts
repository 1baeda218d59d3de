/**
 * The run-time cost limit of CEL evaluation, in the spirit of cel-go's runtime cost tracking
 * (`cel.CostLimit`; Kubernetes caps one validation expression at 1,000,000 units).
 *
 * @marcbachmann/cel-js has only parse-time limits, so the gate meters its evaluator: every AST
 * node the evaluator runs goes through `Evaluator#run(ast, ctx)`, and that one method is wrapped
 * on the library's evaluator instance. Cost units:
 * - 1 per node evaluated (a comprehension's step counts once per element);
 * - plus the size of a node's value when its parent does work proportional to it (`==`, `in`,
 *   `+`, function calls, a comprehension's range): 1 per list element or map entry, 1 per 10
 *   characters of a string or 10 bytes, deep (a list of lists counts every inner element).
 *   Selecting a field or an index, a ternary's branches, `size()` and a comprehension's own
 *   accumulator are free of size, since they do constant work;
 * - `matches()`: (pattern length + 1) × text length / 10, RE2's automaton work.
 * Memory grows at most in proportion (every element a comprehension builds costs at least one
 * step), so the limit bounds both time and memory. A wall-clock limit backs the count.
 *
 * A breach sets `exceeded` and throws; every later step throws at once, so evaluation unwinds
 * in microseconds even inside `exists()`/`||`, which absorb errors. The caller must check
 * `exceeded` after evaluation and deny, whatever value came back.
 */
import type { Environment } from '@marcbachmann/cel-js';

export const EXPRESSION_COST = {
  /** Cost units for all the expressions of one decision. */
  limit: 1_000_000,
  /** Wall-clock time for all the expressions of one decision, a backstop for the count. */
  timeLimitMs: 1000,
};

/** A cost budget, shared by every expression evaluated for one decision. */
export class CostBudget {
  used = 0;
  exceeded: 'cost' | 'time' | undefined;
  private deadline = Number.POSITIVE_INFINITY;
  private steps = 0;

  constructor(
    readonly limit = EXPRESSION_COST.limit,
    readonly timeLimitMs = EXPRESSION_COST.timeLimitMs,
  ) {}

  /** Starts the clock at the first evaluation. */
  start(): void {
    if (this.deadline === Number.POSITIVE_INFINITY) this.deadline = performance.now() + this.timeLimitMs;
  }

  /** Adds `units`; throws CostExceeded once the budget is spent. */
  charge(units: number): void {
    if (this.exceeded) throw new CostExceeded();
    this.used += units;
    if (this.used > this.limit) this.exceeded = 'cost';
    else if ((++this.steps & 1023) === 0 && performance.now() > this.deadline) this.exceeded = 'time';
    if (this.exceeded) throw new CostExceeded();
  }

  describe(): string {
    return this.exceeded === 'time'
      ? `evaluation did not finish within ${this.timeLimitMs} ms (the time limit of a decision's expressions) and was stopped; simplify the expression, or the params it walks`
      : `evaluation needed more than ${this.limit.toLocaleString('en-US')} cost units (one per step, plus one per list element and per 10 characters an operation handles; the limit of a decision's expressions) and was stopped; nested comprehensions over large params grow quadratically. Simplify the expression, or send smaller params`;
  }
}

/** Thrown inside the evaluator to stop it; never escapes runMetered. */
export class CostExceeded extends Error {
  constructor() {
    super('expression cost limit exceeded');
  }
}

type Node = { op: string; args: unknown; start?: number; end?: number; meta?: Record<string, unknown> };
type Evaluator = { run: (ast: Node, ctx: unknown) => unknown };

/** Nodes whose value their parent does not walk: no size charge. */
const FREE = new WeakSet<object>();
const ACCUMULATOR_OPS = new Set(['accuValue', 'accuPush', 'accuInc']);
const SIZE_FUNCTIONS = new Set(['size']);

let active: Metering | undefined;

interface Metering {
  budget: CostBudget;
  nonFinite?: Node;
  nonFiniteValue?: number;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).op === 'string';
}

const sizes = new WeakMap<object, number>();

/** Deep size in cost units; cached per object, so shared params are measured once. */
export function sizeUnits(v: unknown, depth = 0): number {
  if (typeof v === 'string') return v.length / 10;
  if (typeof v !== 'object' || v === null) return 0;
  if (depth > 64) return Number.POSITIVE_INFINITY; // deeper than params may be: cyclic or hostile
  if (ArrayBuffer.isView(v)) return v.byteLength / 10;
  const cached = sizes.get(v);
  if (cached !== undefined) return cached;
  let n = 0;
  if (Array.isArray(v)) {
    n = v.length;
    for (const x of v) n += sizeUnits(x, depth + 1);
  } else if (v instanceof Map || v instanceof Set) {
    n = v.size;
    for (const [k, x] of v instanceof Map ? v : [...v].map((x) => [x, undefined])) {
      n += sizeUnits(k, depth + 1) + sizeUnits(x, depth + 1);
    }
  } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
    for (const [k, x] of Object.entries(v)) n += 1 + k.length / 10 + sizeUnits(x, depth + 1);
  } else {
    n = 1; // durations, timestamps, unsigned ints: small
  }
  sizes.set(v, n);
  return n;
}

/** Charges the budget of the evaluation in progress (used by functions such as matches()). */
export function chargeActive(units: number): void {
  active?.budget.charge(units);
}

/**
 * Wraps the evaluator of `env` so that evaluations inside runMetered are metered. Throws when the
 * library does not evaluate the way this module expects (checked with a probe expression): the
 * gate then refuses to compile expressions rather than run them unbounded.
 */
export function meterEvaluator(env: Environment): void {
  const probe = env.parse('[1, 2].map(x, x + 1).size() == 2') as unknown as ((ctx: object) => unknown) & {
    ast: Node & { evaluate?: unknown };
    check: () => { valid: boolean };
  };
  probe.check();
  const root = probe.ast as Node & { evaluate: (ev: Evaluator, ast: Node, ctx: unknown) => unknown };
  let evaluator: Evaluator | undefined;
  Object.defineProperty(root, 'evaluate', {
    configurable: true,
    writable: true,
    value(ev: Evaluator, ast: Node, ctx: unknown) {
      evaluator = ev;
      delete (root as { evaluate?: unknown }).evaluate;
      return root.evaluate(ev, ast, ctx);
    },
  });
  probe({});
  if (!evaluator || typeof evaluator.run !== 'function') {
    throw new Error(
      'cannot meter CEL evaluation: @marcbachmann/cel-js no longer evaluates through Evaluator#run',
    );
  }
  const original = evaluator.run;
  evaluator.run = function meteredRun(this: Evaluator, ast: Node, ctx: unknown): unknown {
    const m = active;
    if (!m) return original.call(this, ast, ctx);
    m.budget.charge(1);
    const value = original.call(this, ast, ctx);
    if (typeof value === 'number') {
      if (!Number.isFinite(value) && !m.nonFinite) {
        m.nonFinite = ast;
        m.nonFiniteValue = value;
      }
    } else if (typeof value === 'object' && value !== null && !FREE.has(ast)) {
      m.budget.charge(sizeUnits(value));
    } else if (typeof value === 'string' && !FREE.has(ast)) {
      m.budget.charge(value.length / 10);
    }
    return value;
  };
  const check = new CostBudget();
  runMetered(check, () => probe({}));
  if (check.used < 5) {
    evaluator.run = original;
    throw new Error('cannot meter CEL evaluation: the probe expression was not metered');
  }
}

export type MeteredRun =
  | {
      ok: true;
      value: unknown;
      /** Source span of the first node that produced NaN or ±Infinity. */
      nonFinite?: { start?: number; end?: number };
      nonFiniteValue?: number;
    }
  | { ok: false; error: string };

/** Runs `fn` (one evaluation) against `budget`; never throws. */
export function runMetered(budget: CostBudget, fn: () => unknown): MeteredRun {
  const previous = active;
  const m: Metering = { budget };
  active = m;
  budget.start();
  try {
    if (budget.exceeded) throw new CostExceeded();
    const value = fn();
    const out: MeteredRun = { ok: true, value };
    if (m.nonFinite) {
      out.nonFinite = { start: m.nonFinite.start, end: m.nonFinite.end };
      out.nonFiniteValue = m.nonFiniteValue;
    }
    return out;
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    active = previous;
  }
}

/**
 * Marks the nodes of a checked AST whose value their parent does not walk (field and index
 * receivers, ternary branches, size() arguments, comprehension accumulators), so that only work
 * proportional to a value's size is charged for it. Unknown shapes stay charged: the safe side.
 */
export function markFreeOperands(root: unknown): void {
  const seen = new Set<object>();
  const visit = (node: unknown, depth: number): void => {
    if (!isNode(node) || seen.has(node) || depth > 256) return;
    seen.add(node);
    const args = node.args;
    const list = Array.isArray(args) ? (args as unknown[]) : [];
    switch (node.op) {
      case '.':
      case '.?':
      case '[]':
      case '[?]':
        if (isNode(list[0])) FREE.add(list[0]);
        break;
      case '?:':
        if (isNode(list[1])) FREE.add(list[1]);
        if (isNode(list[2])) FREE.add(list[2]);
        break;
      case 'call':
        if (SIZE_FUNCTIONS.has(String(list[0])) && Array.isArray(list[1]) && isNode(list[1][0])) {
          FREE.add(list[1][0]);
        }
        break;
      case 'rcall':
        if (SIZE_FUNCTIONS.has(String(list[0])) && isNode(list[1])) FREE.add(list[1]);
        break;
      case 'comprehension': {
        const c = args as { init?: unknown; step?: unknown };
        if (isNode(c.init)) FREE.add(c.init);
        if (isNode(c.step)) FREE.add(c.step);
        break;
      }
      default:
        if (ACCUMULATOR_OPS.has(node.op)) FREE.add(node);
    }
    visitChildren(args, depth + 1);
    const meta = node.meta;
    if (meta) {
      visit(meta['alternate'], depth + 1);
      const macro = meta['macro'] as { macroHasProps?: unknown[] } | undefined;
      // has(params.a.b) reads one field per step: no size charge for the chain.
      for (const n of macro?.macroHasProps ?? []) if (isNode(n)) FREE.add(n);
      if (macro && typeof macro === 'object') visitChildren(Object.values(macro), depth + 1);
    }
  };
  const visitChildren = (v: unknown, depth: number): void => {
    if (depth > 256) return;
    if (isNode(v)) visit(v, depth);
    else if (Array.isArray(v)) for (const x of v) visitChildren(x, depth + 1);
    else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const x of Object.values(v)) if (isNode(x) || Array.isArray(x)) visitChildren(x, depth + 1);
    }
  };
  visit(root, 0);
}
