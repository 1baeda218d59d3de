/**
 * GitHub Actions expressions (`${{ … }}`): a parser for the documented grammar and a taint
 * evaluator that answers "which untrusted values can become this expression's result?".
 *
 * Grammar (docs.github.com, "Evaluate expressions in workflows and actions"): literals (`null`,
 * booleans, numbers, 'strings' with '' as the escaped quote), context access with `.name`,
 * `['name']`, `[expr]` and the `.*` / `[*]` object filter, function calls, parentheses and the
 * operators `!`, `< <= > >=`, `== !=`, `&&`, `||` (that precedence, left-associative). Property
 * and function names are case-insensitive.
 *
 * Taint follows GitHub's value semantics: `a && b` is `a` when `a` is falsy, else `b`, so an
 * untrusted `a` can only ever be returned as a falsy value (empty string, 0, null) and only `b`
 * reaches the result; `a || b` can be either operand; comparisons, `!`, `contains`,
 * `startsWith`, `endsWith`, `hashFiles` and the status functions return booleans or hex digests;
 * `format`, `join`, `toJSON` and `fromJSON` pass their arguments' text through.
 */

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; start: number; end: number }
  | { kind: 'context'; name: string; start: number; end: number }
  | { kind: 'property'; object: Expr; name: string; start: number; end: number }
  | { kind: 'index'; object: Expr; index: Expr; start: number; end: number }
  | { kind: 'star'; object: Expr; start: number; end: number }
  | { kind: 'call'; name: string; args: Expr[]; start: number; end: number }
  | { kind: 'not'; operand: Expr; start: number; end: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; start: number; end: number };

export type BinaryOp = '&&' | '||' | '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A syntax error at `offset` (0-based, in the expression text given to the parser). */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Bound on nesting so a hostile expression cannot exhaust the stack. */
const MAX_DEPTH = 100;

type Token =
  | { type: 'num'; value: number; start: number; end: number }
  | { type: 'str'; value: string; start: number; end: number }
  | { type: 'ident'; value: string; start: number; end: number }
  | { type: 'punct'; value: string; start: number; end: number }
  | { type: 'eof'; start: number; end: number };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionSyntaxError('unterminated string', start);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      out.push({ type: 'str', value, start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) {
      out.push({ type: 'punct', value: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if ('()[].,!<>*'.includes(c)) {
      // `.5` is a number, not a dereference.
      if (c === '.' && /[0-9]/.test(text[i + 1] ?? '') && !/[\w\])*]/.test(prevNonSpace(text, i))) {
        // falls through to number parsing below
      } else {
        out.push({ type: 'punct', value: c, start, end: i + 1 });
        i++;
        continue;
      }
    }
    const num = /^(?:0x[0-9a-f]+|0o[0-7]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?Infinity|NaN)/i.exec(
      text.slice(i),
    );
    if (num && (c !== '-' && c !== '+' ? true : /[\d.I]/.test(text[i + 1] ?? ''))) {
      out.push({ type: 'num', value: Number(num[0]), start, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (ident) {
      out.push({ type: 'ident', value: ident[0], start, end: i + ident[0].length });
      i += ident[0].length;
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected character '${c}'`, i);
  }
  out.push({ type: 'eof', start: text.length, end: text.length });
  return out;
}

function prevNonSpace(text: string, i: number): string {
  for (let j = i - 1; j >= 0; j--) if (!/\s/.test(text[j]!)) return text[j]!;
  return '';
}

/** Parses one expression (the text between `${{` and `}}`, or an `if:` condition). */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const isPunct = (v: string) => {
    const t = peek();
    return t.type === 'punct' && t.value === v;
  };
  const expect = (v: string) => {
    const t = next();
    if (t.type !== 'punct' || t.value !== v) throw new ExpressionSyntaxError(`expected '${v}'`, t.start);
    return t;
  };
  const enter = (at: number) => {
    if (++depth > MAX_DEPTH) throw new ExpressionSyntaxError('expression nested too deeply', at);
  };

  const binary = (ops: string[], sub: () => Expr) => (): Expr => {
    let left = sub();
    for (;;) {
      const t = peek();
      if (t.type !== 'punct' || !ops.includes(t.value)) return left;
      next();
      const right = sub();
      left = { kind: 'binary', op: t.value as BinaryOp, left, right, start: left.start, end: right.end };
    }
  };

  const primary = (): Expr => {
    const t = next();
    if (t.type === 'num') return { kind: 'literal', value: t.value, start: t.start, end: t.end };
    if (t.type === 'str') return { kind: 'literal', value: t.value, start: t.start, end: t.end };
    if (t.type === 'punct' && t.value === '(') {
      enter(t.start);
      const inner = or();
      const close = expect(')');
      depth--;
      return { ...inner, start: t.start, end: close.end };
    }
    if (t.type === 'ident') {
      const lower = t.value.toLowerCase();
      if (lower === 'true' || lower === 'false')
        return { kind: 'literal', value: lower === 'true', start: t.start, end: t.end };
      if (lower === 'null') return { kind: 'literal', value: null, start: t.start, end: t.end };
      if (isPunct('(')) {
        next();
        enter(t.start);
        const args: Expr[] = [];
        if (!isPunct(')')) {
          args.push(or());
          while (isPunct(',')) {
            next();
            args.push(or());
          }
        }
        const close = expect(')');
        depth--;
        return { kind: 'call', name: lower, args, start: t.start, end: close.end };
      }
      return { kind: 'context', name: lower, start: t.start, end: t.end };
    }
    throw new ExpressionSyntaxError(
      t.type === 'eof' ? 'unexpected end of expression' : 'unexpected token',
      t.start,
    );
  };

  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      if (isPunct('.')) {
        next();
        const t = next();
        if (t.type === 'punct' && t.value === '*')
          e = { kind: 'star', object: e, start: e.start, end: t.end };
        else if (t.type === 'ident') {
          e = { kind: 'property', object: e, name: t.value.toLowerCase(), start: e.start, end: t.end };
        } else if (t.type === 'num' && Number.isInteger(t.value)) {
          // `a.0` is not valid GitHub syntax, but be lenient: it can only narrow.
          e = { kind: 'property', object: e, name: String(t.value), start: e.start, end: t.end };
        } else throw new ExpressionSyntaxError("expected a property name after '.'", t.start);
      } else if (isPunct('[')) {
        const open = next();
        enter(open.start);
        if (isPunct('*')) {
          next();
          const close = expect(']');
          e = { kind: 'star', object: e, start: e.start, end: close.end };
        } else {
          const index = or();
          const close = expect(']');
          e = { kind: 'index', object: e, index, start: e.start, end: close.end };
        }
        depth--;
      } else return e;
    }
  };

  const unary = (): Expr => {
    const t = peek();
    if (t.type === 'punct' && t.value === '!') {
      next();
      enter(t.start);
      const operand = unary();
      depth--;
      return { kind: 'not', operand, start: t.start, end: operand.end };
    }
    return postfix();
  };
  const comparison = binary(['<', '<=', '>', '>='], unary);
  const equality = binary(['==', '!='], comparison);
  const and = binary(['&&'], equality);
  const or: () => Expr = binary(['||'], and);

  const result = or();
  const rest = peek();
  if (rest.type !== 'eof')
    throw new ExpressionSyntaxError('unexpected text after the expression', rest.start);
  return result;
}

/** One `${{ … }}` in a string: offsets of the whole template and of its inner text. */
export interface TemplateExpression {
  /** The inner expression text. */
  text: string;
  /** Offset of `${{` in the string. */
  start: number;
  /** Offset just after `}}`. */
  end: number;
  /** Offset of the inner text (just after `${{`). */
  innerStart: number;
}

/**
 * Every `${{ … }}` in a string, string-literal aware (`'}}'` inside an expression does not end
 * it). An unterminated `${{` yields one expression to the end of the string, so a typo cannot
 * hide a context from the checks.
 */
export function extractExpressions(template: string): TemplateExpression[] {
  const out: TemplateExpression[] = [];
  let i = template.indexOf('${{');
  while (i !== -1) {
    const innerStart = i + 3;
    let j = innerStart;
    let inString = false;
    let end = -1;
    while (j < template.length) {
      const c = template[j];
      if (inString) {
        if (c === "'") {
          if (template[j + 1] === "'") j++;
          else inString = false;
        }
      } else if (c === "'") inString = true;
      else if (c === '}' && template[j + 1] === '}') {
        end = j;
        break;
      }
      j++;
    }
    const innerEnd = end === -1 ? template.length : end;
    out.push({
      text: template.slice(innerStart, innerEnd),
      start: i,
      end: end === -1 ? template.length : end + 2,
      innerStart,
    });
    if (end === -1) break;
    i = template.indexOf('${{', end + 2);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Untrusted contexts

/**
 * How far an outsider controls a context's value: `arbitrary` text (titles, bodies, branch
 * names…), `structured` (URLs and such with a fixed shape), `fixed` (numbers, SHAs, booleans).
 */
export type Capability = 'arbitrary' | 'structured' | 'fixed';

/**
 * Leaf names under `github.event` whose text an outsider chooses: GitHub's documented list
 * ("contexts ending in body, default_branch, email, head_ref, label, message, name, page_name,
 * ref, title"), plus login, description and display_title, which the same webhook payloads
 * carry from user input.
 */
const ARBITRARY_LEAVES = new Set([
  'body',
  'default_branch',
  'email',
  'head_ref',
  'base_ref',
  'label',
  'message',
  'name',
  'page_name',
  'ref',
  'title',
  'login',
  'description',
  'display_title',
  'head_branch',
  'text',
  'slug',
  'user_view_type',
  'gravatar_id',
  'node_id',
]);

/** `github.*` outside `github.event` that carry outsider-chosen text. */
const GITHUB_ARBITRARY = new Set(['github.head_ref']);

/**
 * `github.*` contexts that only people with write access can shape (branch and tag names they
 * push): reported, but as less certain than outsider text.
 */
const GITHUB_STRUCTURED = new Set(['github.ref', 'github.ref_name', 'github.base_ref']);

/**
 * `github.*` contexts an outsider cannot shape (numbers, SHAs, names of things the repository
 * owner chose, the runner's own paths). Other `github.*` contexts are treated as untrusted.
 */
const GITHUB_FIXED = new Set([
  'github.action',
  'github.action_path',
  'github.action_ref',
  'github.action_repository',
  'github.action_status',
  'github.actor_id',
  'github.api_url',
  'github.env',
  'github.event_name',
  'github.event_path',
  'github.graphql_url',
  'github.job',
  'github.output',
  'github.path',
  'github.ref_protected',
  'github.ref_type',
  'github.repository',
  'github.repository_id',
  'github.repository_owner',
  'github.repository_owner_id',
  'github.repositoryurl',
  'github.retention_days',
  'github.run_attempt',
  'github.run_id',
  'github.run_number',
  'github.secret_source',
  'github.server_url',
  'github.sha',
  'github.state',
  'github.step_summary',
  'github.token',
  'github.workflow',
  'github.workflow_ref',
  'github.workflow_sha',
  'github.workspace',
  'github.actor',
  'github.triggering_actor',
]);

/** Leaves of `github.event` that are numbers, SHAs, dates or booleans whatever their parent. */
const FIXED_LEAF =
  /^(?:id|number|sha|head_sha|before|after|.*_at|.*_count|.*_id|count|size|draft|merged|locked|private|fork|site_admin|default|protected|state|action|type|author_association|additions|deletions|changed_files|commits|comments|review_comments|run_number|run_attempt|check_suite_id|workflow_id|installation|distinct|forced|deleted|created)$/;
const STRUCTURED_LEAF = /(?:^|_)url$/;

/**
 * Capability of a lower-cased context path (`['github','event','issue','title']`; `*` for an
 * array element or filter, `?` for a computed key). Undefined when the path is not a `github`
 * context (callers decide for env/matrix/inputs/steps/needs).
 */
export function classifyContext(path: readonly string[]): Capability | undefined {
  if (path[0] !== 'github') return undefined;
  const joined = path.join('.');
  if (path.length === 1) return 'arbitrary'; // the whole context, e.g. toJSON(github)
  if (path[1] !== 'event') {
    if (GITHUB_ARBITRARY.has(joined)) return 'arbitrary';
    if (GITHUB_STRUCTURED.has(joined)) return 'structured';
    if (GITHUB_FIXED.has(joined) || GITHUB_FIXED.has(path.slice(0, 2).join('.'))) return 'fixed';
    return 'arbitrary';
  }
  if (path.length === 2) return 'arbitrary'; // github.event: the whole payload
  // repository_dispatch payloads: whatever the caller sent; workflow_dispatch inputs: whatever
  // someone with write access typed.
  if (path[2] === 'client_payload') return 'arbitrary';
  if (path[2] === 'inputs') return 'structured';
  const leaf = path[path.length - 1]!;
  if (leaf === '*' || leaf === '?') {
    // An object or a computed member: it may hold text.
    return 'arbitrary';
  }
  if (ARBITRARY_LEAVES.has(leaf)) return 'arbitrary';
  if (FIXED_LEAF.test(leaf)) return 'fixed';
  if (STRUCTURED_LEAF.test(leaf)) return 'structured';
  // An intermediate object (github.event.issue, github.event.pull_request.head): it holds text.
  if (OBJECT_NODES.has(leaf)) return 'arbitrary';
  return 'fixed';
}

/** Webhook payload objects that contain outsider-chosen text somewhere below them. */
const OBJECT_NODES = new Set([
  'issue',
  'pull_request',
  'comment',
  'review',
  'review_comment',
  'discussion',
  'answer',
  'head',
  'base',
  'repo',
  'head_commit',
  'commits',
  'commit',
  'author',
  'committer',
  'user',
  'sender',
  'pages',
  'workflow_run',
  'check_run',
  'check_suite',
  'release',
  'milestone',
  'labels',
  'assignee',
  'assignees',
  'pusher',
  'changes',
  'merge_group',
  'inputs',
  'client_payload',
  'repository',
  'organization',
  'deployment',
  'deployment_status',
  'workflow_job',
  'registry_package',
  'package',
  'head_repository',
  'pull_requests',
  'requested_reviewer',
  'requested_team',
  'team',
  'project',
  'project_card',
  'project_column',
  'alert',
  'blocking_issue',
  'forkee',
  'ref',
  'from',
  'to',
]);

// ---------------------------------------------------------------------------------------------
// Taint

/** One untrusted value that can reach an expression's result. */
export interface TaintSource {
  /** The context as written, normalised: `github.event.issue.title`, `env.TITLE`. */
  context: string;
  /** Offsets in the expression text given to `untrustedSources` of the expression that reads it. */
  start: number;
  end: number;
  capability: Capability;
  /**
   * The chain the value came through, outermost first: `['env.TITLE',
   * 'github.event.issue.title']` for an env var set from an issue title.
   */
  via: string[];
}

/**
 * What the evaluator needs to know about the place an expression is written: how `env.X`,
 * `matrix.X`, `inputs.X`, `steps.*`, `needs.*` resolve there. Return the sources the value can
 * carry (empty when it is trusted), or undefined for "not known here" (then the context is
 * treated by its default: trusted, except `github.*` by its capability).
 */
export interface TaintScope {
  lookup?(path: readonly string[]): Omit<TaintSource, 'start' | 'end'>[] | undefined;
}

/** Functions whose result an argument cannot shape into code: booleans and hashes. */
const OPAQUE_FUNCTIONS = new Set([
  'contains',
  'startswith',
  'endswith',
  'hashfiles',
  'success',
  'always',
  'cancelled',
  'failure',
]);

/**
 * The untrusted values that can become the result of `expression` (the text inside `${{ }}`),
 * each with its offsets in `expression`. Throws ExpressionSyntaxError on invalid syntax (callers
 * treat an unparseable expression as untrusted: fail closed).
 */
export function untrustedSources(expression: string, scope: TaintScope = {}): TaintSource[] {
  return dedupe(taintOf(parseExpression(expression), scope));
}

/** As untrustedSources, for an already parsed expression. */
export function taintOf(expr: Expr, scope: TaintScope = {}): TaintSource[] {
  switch (expr.kind) {
    case 'literal':
      return [];
    case 'not':
      return [];
    case 'binary':
      if (expr.op === '&&') return taintOf(expr.right, scope);
      if (expr.op === '||') return [...taintOf(expr.left, scope), ...taintOf(expr.right, scope)];
      return []; // comparisons are booleans
    case 'call': {
      if (OPAQUE_FUNCTIONS.has(expr.name)) return [];
      // format, join, toJSON, fromJSON and unknown functions: the result carries the arguments' text.
      return expr.args.flatMap((a) => taintOf(a, scope));
    }
    default: {
      const path = contextPath(expr);
      if (path) return taintOfPath(path, expr, scope);
      // A member of a computed value: `fromJSON(x).title`, `(a || b).c`: the base's taint flows.
      const base = baseOf(expr);
      return base ? taintOf(base, scope) : [];
    }
  }
}

function baseOf(expr: Expr): Expr | undefined {
  if (expr.kind === 'property' || expr.kind === 'index' || expr.kind === 'star') return expr.object;
  return undefined;
}

/**
 * The lower-cased path of a context access (`github.event['issue'].title` ->
 * github/event/issue/title), or undefined when the access starts from a call.
 * Numeric indexes and filters become `*`, computed keys `?`.
 */
export function contextPath(expr: Expr): string[] | undefined {
  switch (expr.kind) {
    case 'context':
      return [expr.name];
    case 'property': {
      const base = contextPath(expr.object);
      return base ? [...base, expr.name] : undefined;
    }
    case 'star': {
      const base = contextPath(expr.object);
      return base ? [...base, '*'] : undefined;
    }
    case 'index': {
      const base = contextPath(expr.object);
      if (!base) return undefined;
      const i = expr.index;
      if (i.kind === 'literal' && typeof i.value === 'string') return [...base, i.value.toLowerCase()];
      if (i.kind === 'literal' && typeof i.value === 'number') return [...base, '*'];
      return [...base, '?'];
    }
    default:
      return undefined;
  }
}

function taintOfPath(path: string[], expr: Expr, scope: TaintScope): TaintSource[] {
  const context = path.join('.');
  const found = scope.lookup?.(path);
  if (found) return found.map((s) => ({ ...s, start: expr.start, end: expr.end }));
  const capability = classifyContext(path);
  if (capability && capability !== 'fixed') {
    return [{ context, start: expr.start, end: expr.end, capability, via: [context] }];
  }
  return [];
}

function dedupe(sources: TaintSource[]): TaintSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.start}:${s.end}:${s.via.join('>')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every context path an expression reads, wherever it is (for `if:` analysis and discovery). */
export function contextsRead(expr: Expr): { path: string[]; start: number; end: number }[] {
  const out: { path: string[]; start: number; end: number }[] = [];
  const visit = (e: Expr) => {
    const path = contextPath(e);
    if (path) {
      out.push({ path, start: e.start, end: e.end });
      if (e.kind === 'index') visit(e.index);
      return;
    }
    switch (e.kind) {
      case 'property':
      case 'star':
        visit(e.object);
        break;
      case 'index':
        visit(e.object);
        visit(e.index);
        break;
      case 'call':
        for (const a of e.args) visit(a);
        break;
      case 'not':
        visit(e.operand);
        break;
      case 'binary':
        visit(e.left);
        visit(e.right);
        break;
      default:
        break;
    }
  };
  visit(expr);
  return out;
}
