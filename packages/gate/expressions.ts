/**
 * CEL expressions for `approval_needed` and `deny_when`, through @marcbachmann/cel-js (a
 * sandboxed, non-Turing-complete evaluator). Expressions are parsed and type-checked once at
 * policy load; evaluation is a call on the compiled function.
 *
 * Guards against hostile policies and params:
 * - length, AST-size and nesting caps at parse time, and at most two nested comprehensions
 *   (map/filter/all/exists);
 * - a cost limit at run time (./cost.ts), in the spirit of cel-go's runtime cost tracking: every
 *   evaluation step is metered, and a breach stops evaluation and denies (EXPRESSION_COST);
 * - `matches()` runs on RE2 (re2js, linear time), never on JavaScript's backtracking RegExp. The
 *   library will not let its built-in `string.matches` be overridden, so the receiver form
 *   `x.matches(p)` is rewritten to the global form `matches(x, p)`, which we register on RE2.
 */
import { Environment, type ParseError } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import { AstlError, closest, formatLocation, type SourceLocation } from '../core/index.js';
import { CostBudget, chargeActive, markFreeOperands, meterEvaluator, runMetered } from './cost.js';

export { CostBudget, EXPRESSION_COST } from './cost.js';

import type { CompiledExpression, ExpressionFailure, ExpressionVars } from './types.js';

export const EXPRESSION_LIMITS = {
  maxLength: 4096,
  maxDepth: 32,
  maxAstNodes: 2000,
  maxComprehensionNesting: 2,
  maxPatternLength: 1000,
};

const VARIABLES = ['agent', 'action', 'env', 'images', 'replicas', 'params'];
const COMPREHENSIONS = new Set(['map', 'filter', 'all', 'exists', 'exists_one']);

let sharedEnv: Environment | undefined;

const patternCache = new Map<string, RE2JS>();

function re2(pattern: string): RE2JS {
  let compiled = patternCache.get(pattern);
  if (!compiled) {
    if (pattern.length > EXPRESSION_LIMITS.maxPatternLength) {
      throw new Error(`regular expression longer than ${EXPRESSION_LIMITS.maxPatternLength} characters`);
    }
    try {
      compiled = RE2JS.compile(pattern);
    } catch (err) {
      throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
    }
    if (patternCache.size > 256) patternCache.clear();
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

/** One environment for every policy: creating one is the expensive part. */
export function expressionEnvironment(): Environment {
  if (sharedEnv) return sharedEnv;
  const env = new Environment({
    unlistedVariablesAreDyn: false,
    limits: {
      maxAstNodes: EXPRESSION_LIMITS.maxAstNodes,
      maxDepth: EXPRESSION_LIMITS.maxDepth,
      maxListElements: 1000,
      maxMapEntries: 1000,
      maxCallArguments: 16,
    },
  })
    .registerVariable('agent', 'string', { description: 'the agent asking' })
    .registerVariable('action', 'string', { description: 'the action asked for, e.g. deploy' })
    .registerVariable('env', 'string', { description: 'the target environment' })
    .registerVariable('images', 'list', {
      description: 'resolved images: {input, repository, digest, pinned}',
    })
    .registerVariable('replicas', 'dyn', { description: 'requested replicas (int) or null' })
    .registerVariable('params', 'map', { description: "the request's parameters" })
    .registerFunction('matches(string, string): bool', (text: string, pattern: string) => {
      // RE2 is linear in the text, with a factor that grows with the pattern (its automaton).
      chargeActive(((pattern.length + 1) * text.length) / 10);
      return re2(pattern).matcher(text).find();
    });
  // Throws when the library's evaluator cannot be metered: then no expression compiles, and every
  // policy with one denies (POLICY_INVALID) rather than running unbounded.
  meterEvaluator(env);
  sharedEnv = env;
  return env;
}

type AstNode = { op: string; args: unknown; start?: number; end?: number };

function isNode(v: unknown): v is AstNode {
  return typeof v === 'object' && v !== null && typeof (v as AstNode).op === 'string';
}

function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const visit = (v: unknown) => {
    if (isNode(v)) out.push(v);
    else if (Array.isArray(v)) for (const x of v) visit(x);
  };
  visit(node.args);
  return out;
}

/** The outermost `x.matches(p)` call, if any. */
function findReceiverMatches(node: AstNode): AstNode | undefined {
  if (node.op === 'rcall' && Array.isArray(node.args) && node.args[0] === 'matches') return node;
  for (const c of children(node)) {
    const found = findReceiverMatches(c);
    if (found) return found;
  }
  return undefined;
}

function comprehensionNesting(node: AstNode): number {
  const here =
    node.op === 'rcall' && Array.isArray(node.args) && COMPREHENSIONS.has(String(node.args[0])) ? 1 : 0;
  let deepest = 0;
  for (const c of children(node)) deepest = Math.max(deepest, comprehensionNesting(c));
  return here + deepest;
}

/** Rewrites every receiver-form `x.matches(p)` into `matches(x, p)` so that RE2 runs it. */
function rewriteMatches(source: string, env: Environment): string {
  let text = source;
  for (let i = 0; i < 64; i++) {
    const ast = env.parse(text).ast as unknown as AstNode;
    const call = findReceiverMatches(ast);
    if (!call) return text;
    const [, receiver, args] = call.args as [string, AstNode, AstNode[]];
    const span = (n: AstNode) => text.slice(n.start, n.end);
    const rewritten = `matches(${[receiver, ...args].map(span).join(', ')})`;
    text = text.slice(0, call.start) + rewritten + text.slice(call.end);
    if (text.length > EXPRESSION_LIMITS.maxLength * 2) break;
  }
  throw new Error('too many matches() calls');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * Parses and type-checks an expression; a problem is an AstlError (POLICY_INVALID) at the
 * expression's file:line. `key` is the policy key (approval_needed, deny_when).
 */
export function compileExpression(source: string, key: string, location: SourceLocation): CompiledExpression {
  const rule = `${formatLocation({ file: location.file, line: location.line })} ${key}`;
  const fail = (why: string, hint?: string) =>
    new AstlError(`${key}: ${why}`, {
      code: 'POLICY_INVALID',
      location,
      hint:
        hint ??
        'write a CEL expression over agent, action, env, images, replicas and params that yields true or false, e.g. env == "production"',
    });
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    throw fail(
      `the expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxLength}`,
    );
  }
  if (source.trim() === '') throw fail('the expression is empty');
  const env = expressionEnvironment();
  let evaluate: (vars: Record<string, unknown>) => unknown;
  let text = source;
  try {
    text = rewriteMatches(source, env);
    const parsed = env.parse(text);
    const nesting = comprehensionNesting(parsed.ast as unknown as AstNode);
    if (nesting > EXPRESSION_LIMITS.maxComprehensionNesting) {
      throw fail(
        `${nesting} nested comprehensions (map/filter/all/exists); at most ${EXPRESSION_LIMITS.maxComprehensionNesting} are allowed`,
        'flatten the expression; deeply nested comprehensions can take very long to evaluate',
      );
    }
    const checked = parsed.check();
    if (!checked.valid) {
      const message = firstLine(checked.error?.message ?? 'type error');
      const unknown = /Unknown variable: (\w+)/.exec(message)?.[1];
      const guess = unknown
        ? (closest(unknown, VARIABLES) ??
          VARIABLES.find((v) => unknown.startsWith(v) || v.startsWith(unknown)))
        : undefined;
      throw fail(
        message,
        unknown
          ? `expressions see ${VARIABLES.join(', ')}${guess ? `; did you mean '${guess}'?` : ''}`
          : undefined,
      );
    }
    if (checked.type !== 'bool' && checked.type !== 'dyn') {
      throw fail(
        `the expression yields ${checked.type}, not a boolean`,
        'compare the value, e.g. params.amount > 1000',
      );
    }
    for (const pattern of literalPatterns(parsed.ast as unknown as AstNode)) re2(pattern);
    markFreeOperands(parsed.ast);
    evaluate = parsed as unknown as (vars: Record<string, unknown>) => unknown;
  } catch (err) {
    if (err instanceof AstlError) throw err;
    throw fail(firstLine((err as ParseError).message ?? String(err)));
  }
  return {
    source,
    rule,
    evaluate(vars: ExpressionVars, budget: CostBudget = new CostBudget()): boolean | ExpressionFailure {
      const run = runMetered(budget, () => evaluate(vars as unknown as Record<string, unknown>));
      if (budget.exceeded) return { code: 'EXPRESSION_COST', error: budget.describe() };
      if (!run.ok) return { error: firstLine(run.error) };
      const result = run.value;
      if (run.nonFinite) {
        return {
          error: `\`${truncateSource(text, run.nonFinite)}\` yields ${run.nonFiniteValue}; an expression that computes NaN or Infinity cannot be compared (every comparison with NaN is false). Guard the division, e.g. params.count != 0.0 && params.total / params.count > 10.0`,
        };
      }
      if (typeof result !== 'boolean') {
        return { error: `yielded ${describeValue(result)}, not true or false` };
      }
      return result;
    },
  };
}

function truncateSource(text: string, span: { start?: number; end?: number }): string {
  const piece = text.slice(span.start ?? 0, span.end ?? text.length);
  return piece.length > 120 ? `${piece.slice(0, 120)}…` : piece;
}

/** String literals given to matches(): checked at load so a bad regex is a policy error. */
function literalPatterns(node: AstNode): string[] {
  const out: string[] = [];
  const visit = (n: AstNode) => {
    if (n.op === 'call' && Array.isArray(n.args) && n.args[0] === 'matches') {
      const pattern = (n.args[1] as AstNode[] | undefined)?.[1];
      if (pattern?.op === 'value' && typeof pattern.args === 'string') out.push(pattern.args);
    }
    for (const c of children(n)) visit(c);
  };
  visit(node);
  return out;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return `the int ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${String(v)}`;
}
