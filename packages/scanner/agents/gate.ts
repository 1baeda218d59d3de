/**
 * Actor gates in `if:` conditions: does a job or step `if:` make sure only trusted people can
 * start the agent? The condition is parsed with the expression parser (../workflow/expressions.ts)
 * and judged by its boolean structure: it is a gate when every way it can be true needs a
 * recognised trust check (`a && b` gates when either side does; `a || b` only when both do).
 *
 * Recognised trust checks (docs/agents.md, "What counts as an actor gate"):
 * - `<payload>.author_association` equal to, or `contains(fromJSON('[…]'), …)` of, only
 *   OWNER, MEMBER, COLLABORATOR (GitHub's associations for people with write or org access);
 * - a named actor: `github.actor`, `github.event.sender.login` or a payload `user.login` compared
 *   with (or `contains`-listed among) literal names, or with `github.repository_owner`
 *   (`github.triggering_actor` is not: it is whoever re-ran the workflow);
 * - a same-repository pull request: `…pull_request.head.repo.full_name == github.repository`
 *   (`head.repo.fork == false`, `!…head.repo.fork` are not: `head.repo` is null once the fork is
 *   deleted, and so is `github.event.pull_request` on issue events, and null passes both);
 * - a label a maintainer applied: `github.event.label.name == '…'`, or `contains(` the pull
 *   request's `labels.*.name`, '…')` (issue labels are not: issue forms apply them);
 * - a branch for a trusted event only: `github.event_name == 'workflow_dispatch'` (any event that
 *   is not in UNTRUSTED_EVENTS).
 *
 * A check of a payload's `author_association` or `user.login` counts only when, for each untrusted
 * trigger of the workflow, that payload is the one the acting user wrote (`comment` on
 * issue_comment, not `issue`: a member's issue takes anyone's comment) or one the event lacks
 * (null there, which no `==` or array check passes; `contains('OWNER,MEMBER', null)` does, since
 * null reads as '', which every string contains, so the string form needs the field on every
 * event); `github.event_name == '…'` beside it narrows the events.
 * `github.actor`/`github.triggering_actor` equal to a `[bot]` name is not a gate on
 * pull_request_target: the bot can be made to push to an outsider's pull request branch.
 *
 * Conditions that trust any bot are recorded separately (they are not gates): `endsWith(actor,
 * '[bot]')`, `contains(actor, '[bot]')` or `'bot'`, `sender.type == 'Bot'`, `user.type == 'Bot'`.
 * Checks that exclude bots (`sender.type != 'Bot'`) are neither.
 */
import { contextPath, type Expr, ExpressionSyntaxError, parseExpression } from '../workflow/expressions.js';

/** Events whose payload text and actor outsiders control, and that run with the base repository's token. */
export const UNTRUSTED_EVENTS = [
  'issues',
  'issue_comment',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'discussion',
  'discussion_comment',
] as const;

const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const UNTRUSTED_ASSOCIATIONS = ['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE', 'MANNEQUIN'];

/**
 * Payload objects each untrusted event carries that hold a user's association or login; the
 * first is the one written by the user who caused the event (GitHub's webhook payloads).
 */
const EVENT_OBJECTS: Record<string, readonly string[]> = {
  issues: ['issue'],
  issue_comment: ['comment', 'issue'],
  pull_request_target: ['pull_request'],
  pull_request_review: ['review', 'pull_request'],
  pull_request_review_comment: ['comment', 'pull_request'],
  discussion: ['discussion'],
  discussion_comment: ['comment', 'discussion'],
};

/** `head.repo.fork` of a pull request: a false-or-null test of it passes when it is null. */
const FORK_FLAG = /\.pull_request\.head\.repo\.fork$/;
const NULL_FORK =
  "is also true when the field is null: on events without a pull request, and once the pull request's fork is deleted (`head.repo` is then null); compare `github.event.pull_request.head.repo.full_name == github.repository` instead";

const ACTOR_PATHS = new Set([
  'github.actor',
  'github.triggering_actor',
  'github.event.sender.login',
  'github.event.comment.user.login',
  'github.event.issue.user.login',
  'github.event.pull_request.user.login',
  'github.event.review.user.login',
  'github.event.discussion.user.login',
]);

export interface GateAnalysis {
  /** Every way the condition can be true needs a recognised trust check. */
  gated: boolean;
  /** The trust checks found, as written (for the inventory). */
  checks: string[];
  /** Checks that look like gates but are not for these events, each with the reason (for messages). */
  misleading?: string[];
  /** Sub-expressions that admit any bot account, with offsets in the condition text given. */
  anyBot: { start: number; end: number; text: string }[];
  /** The condition does not parse (then it is not a gate). */
  syntaxError?: string;
}

/**
 * Analyses one `if:` value (with or without `${{ }}`). Offsets in `anyBot` are into `text`.
 * A value that mixes `${{ }}` with other text is a non-empty string, always true: not a gate.
 * `events` are the untrusted triggers the condition runs for (UNTRUSTED_EVENTS); payload checks
 * are judged against them (none given: any payload's check counts).
 */
export function analyseCondition(text: string, events: readonly string[] = []): GateAnalysis {
  const trimmed = text.trim();
  let inner = trimmed;
  let base = text.indexOf(trimmed);
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed);
  if (wrapped && !wrapped[1]!.includes('}}')) {
    inner = wrapped[1]!;
    base += 3;
  } else if (trimmed.includes('${{')) {
    return { gated: false, checks: [], anyBot: [] };
  }
  let expr: Expr;
  try {
    expr = parseExpression(inner);
  } catch (err) {
    if (err instanceof ExpressionSyntaxError)
      return { gated: false, checks: [], anyBot: [], syntaxError: err.message };
    throw err;
  }
  const acc: Found = { checks: [], misleading: [] };
  const anyBot: GateAnalysis['anyBot'] = [];
  const gated = isGate(expr, inner, acc, events);
  collectAnyBot(expr, inner, base, anyBot, events);
  return {
    gated,
    checks: acc.checks,
    anyBot,
    ...(!gated && acc.misleading.length ? { misleading: acc.misleading } : {}),
  };
}

interface Found {
  checks: string[];
  misleading: string[];
}

/**
 * A recognised check: true, false, or why it looks like a gate but is not one for these
 * events.
 */
type Verdict = boolean | string;

/** `events`: the untrusted triggers this branch of the condition can run for. */
function isGate(e: Expr, src: string, acc: Found, events: readonly string[]): boolean {
  const judge = (v: Verdict): boolean => {
    const text = src.slice(e.start, e.end).trim();
    if (typeof v === 'string') acc.misleading.push(`\`${text}\` ${v}`);
    else if (v) acc.checks.push(text);
    return v === true;
  };
  switch (e.kind) {
    case 'literal':
      // A condition that is never true admits nobody.
      return e.value === false || e.value === null || e.value === 0 || e.value === '';
    case 'binary': {
      if (e.op === '&&') {
        const only = eventNames(e.left) ?? eventNames(e.right);
        const narrowed = only ? events.filter((x) => only.has(x)) : events;
        return isGate(e.left, src, acc, narrowed) || isGate(e.right, src, acc, narrowed);
      }
      if (e.op === '||') return isGate(e.left, src, acc, events) && isGate(e.right, src, acc, events);
      if (e.op === '==') return judge(equalityGate(e.left, e.right, events));
      if (e.op === '!=') return judge(inequalityGate(e.left, e.right));
      return false;
    }
    case 'not': {
      const path = contextPath(e.operand)?.join('.');
      return judge(!!path && FORK_FLAG.test(path) && NULL_FORK);
    }
    case 'call':
      return judge(callGate(e, events));
    default:
      return false;
  }
}

/** The events `github.event_name == '…'` (or `contains(fromJSON('[…]'), github.event_name)`) admits. */
function eventNames(e: Expr): Set<string> | undefined {
  if (e.kind === 'binary' && e.op === '==') {
    const value =
      pathOf(e.left) === 'github.event_name'
        ? stringOf(e.right)
        : pathOf(e.right) === 'github.event_name'
          ? stringOf(e.left)
          : undefined;
    return value === undefined ? undefined : new Set([value.toLowerCase()]);
  }
  if (
    e.kind === 'call' &&
    e.name === 'contains' &&
    e.args.length === 2 &&
    pathOf(e.args[1]!) === 'github.event_name'
  ) {
    const list = literalList(e.args[0]!);
    if (list?.kind === 'array') return new Set(list.values.map((v) => v.toLowerCase()));
  }
  return undefined;
}

/**
 * Do these payload fields (`github.event.comment.author_association`, or a `||` chain of them:
 * the first the event has wins) describe the user who caused each of `events`? Undefined when
 * they do, else why not. Fields that are not a payload's (`github.actor`) always do.
 */
function notTheActor(paths: readonly string[], events: readonly string[]): string | undefined {
  const objects = paths.map(
    (p) => /^github\.event\.([a-z_]+)\.(?:author_association|user\.login)$/.exec(p)?.[1] ?? null,
  );
  for (const event of events) {
    const carried = EVENT_OBJECTS[event];
    if (!carried) continue;
    // The first field the event has decides; none present reads as null, which no check passes.
    const first = objects.find((o) => o === null || carried.includes(o));
    if (first && first !== carried[0])
      return `reads \`github.event.${first}\`, which on \`${event}\` describes whoever wrote the ${first.replace(/_/g, ' ')}, not who triggered the run; check \`github.event.${carried[0]}\` instead`;
  }
  return undefined;
}

/** An untrusted event whose payload has none of these fields' objects (they read as null there). */
function eventLacking(paths: readonly string[], events: readonly string[]): string | undefined {
  const objects = paths.map((p) => /^github\.event\.([a-z_]+)\./.exec(p)?.[1]);
  if (objects.some((o) => o === undefined)) return undefined;
  return events.find((event) => {
    const carried = EVENT_OBJECTS[event];
    return carried !== undefined && !objects.some((o) => carried.includes(o!));
  });
}

function stringOf(e: Expr): string | undefined {
  return e.kind === 'literal' && typeof e.value === 'string' ? e.value : undefined;
}

function pathOf(e: Expr): string | undefined {
  return contextPath(e)?.join('.');
}

function equalityGate(a: Expr, b: Expr, events: readonly string[]): Verdict {
  const pa = pathOf(a);
  const pb = pathOf(b);
  if (pa && pb) {
    const pair = new Set([pa, pb]);
    // The repository's owner (no user has an organisation's login, so nobody on org repositories).
    if (
      pair.has('github.repository_owner') &&
      [...pair].some((p) => p !== 'github.triggering_actor' && ACTOR_PATHS.has(p))
    )
      return notTheActor([...pair], events) ?? true;
    if (pair.has('github.repository') && [...pair].some((p) => /\.head\.repo\.full_name$/.test(p)))
      return true;
    if (pair.has('github.repository_owner') && [...pair].some((p) => /\.head\.repo\.owner\.login$/.test(p)))
      return true;
    return false;
  }
  const path = pa ?? pb;
  const other = pa ? b : a;
  if (!path) return false;
  if (other.kind === 'literal' && other.value === false) return FORK_FLAG.test(path) && NULL_FORK;
  const value = stringOf(other);
  if (value === undefined || value === '') return false;
  if (path.endsWith('.author_association'))
    return TRUSTED_ASSOCIATIONS.has(value.toUpperCase()) && (notTheActor([path], events) ?? true);
  if (ACTOR_PATHS.has(path)) return !value.includes('*') && namedActorGate(path, [value], events);
  if (path === 'github.event_name')
    return !(UNTRUSTED_EVENTS as readonly string[]).includes(value.toLowerCase());
  if (path === 'github.event.label.name') return true;
  return false;
}

function inequalityGate(a: Expr, b: Expr): Verdict {
  const path = pathOf(a) ?? pathOf(b);
  const other = pathOf(a) ? b : a;
  return !!path && FORK_FLAG.test(path) && other.kind === 'literal' && other.value === true && NULL_FORK;
}

/**
 * A named actor: a payload's `user.login` must be the acting user's (see notTheActor);
 * `github.actor` naming a bot is not a gate on pull_request_target, where a bot can be made to
 * update an outsider's branch and so become the actor (zizmor's bot-conditions).
 */
function namedActorGate(path: string, names: readonly string[], events: readonly string[]): Verdict {
  const wrong = notTheActor([path], events);
  if (wrong) return wrong;
  if (path === 'github.triggering_actor')
    return "is whoever re-ran the workflow: a maintainer re-running an outsider's run passes it with the outsider's text; check `github.actor` or the payload's `author_association`";
  if (
    (path === 'github.actor' || path === 'github.triggering_actor') &&
    events.includes('pull_request_target') &&
    names.some((n) => n.toLowerCase().endsWith('[bot]'))
  )
    return "names a bot as the actor, which anyone can become on `pull_request_target` by getting the bot to update their pull request's branch; check `github.event.pull_request.user.login` instead";
  return true;
}

/** `contains(list, value)` forms that only trusted actors pass. */
function callGate(e: Extract<Expr, { kind: 'call' }>, events: readonly string[]): Verdict {
  if (e.name !== 'contains' || e.args.length !== 2) return false;
  const [haystack, needle] = e.args as [Expr, Expr];
  const needlePath = pathOf(needle);
  const list = literalList(haystack);
  if ((needlePath?.endsWith('.author_association') || associationChain(needle)) && list) {
    const wrong = notTheActor(chainPaths(needle), events);
    if (wrong) return wrong;
    if (list.kind === 'string') {
      const absent = eventLacking(chainPaths(needle), events);
      if (absent)
        return `is true on \`${absent}\`, whose payload has none of these fields: null reads as '', which every string contains; use \`contains(fromJSON('["OWNER","MEMBER","COLLABORATOR"]'), …)\``;
    }
    if (list.kind === 'array')
      return list.values.length > 0 && list.values.every((v) => TRUSTED_ASSOCIATIONS.has(v.toUpperCase()));
    // contains('OWNER,MEMBER', x) is a substring test: no untrusted association may be inside.
    const upper = list.text.toUpperCase();
    return upper.trim() !== '' && !UNTRUSTED_ASSOCIATIONS.some((u) => upper.includes(u));
  }
  if (needlePath && ACTOR_PATHS.has(needlePath) && list?.kind === 'array') {
    if (list.values.length === 0 || list.values.some((v) => v === '' || v.includes('*'))) return false;
    return namedActorGate(needlePath, list.values, events);
  }
  const haystackPath = pathOf(haystack);
  if (haystackPath === 'github.event.pull_request.labels.*.name' && stringOf(needle)) return true;
  return false;
}

/** `a.author_association || b.author_association || …`: whichever payload the event has. */
function associationChain(e: Expr): boolean {
  if (e.kind === 'binary' && e.op === '||') return associationChain(e.left) && associationChain(e.right);
  return !!pathOf(e)?.endsWith('.author_association');
}

/** The fields of an association chain, in order. */
function chainPaths(e: Expr): string[] {
  if (e.kind === 'binary' && e.op === '||') return [...chainPaths(e.left), ...chainPaths(e.right)];
  const path = pathOf(e);
  return path ? [path] : [];
}

function literalList(
  e: Expr,
): { kind: 'array'; values: string[] } | { kind: 'string'; text: string } | undefined {
  const text = stringOf(e);
  if (text !== undefined) return { kind: 'string', text };
  if (e.kind === 'call' && e.name === 'fromjson' && e.args.length === 1) {
    const json = stringOf(e.args[0]!);
    if (json === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(json);
      if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return { kind: 'array', values: value };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Predicates that admit any bot, where they can grant access (not under `!`, not inside a gated `&&`). */
function collectAnyBot(
  e: Expr,
  src: string,
  base: number,
  out: GateAnalysis['anyBot'],
  events: readonly string[],
): void {
  if (isGate(e, src, { checks: [], misleading: [] }, events)) return;
  if (e.kind === 'binary' && (e.op === '&&' || e.op === '||')) {
    collectAnyBot(e.left, src, base, out, events);
    collectAnyBot(e.right, src, base, out, events);
    return;
  }
  if (admitsAnyBot(e))
    out.push({ start: base + e.start, end: base + e.end, text: src.slice(e.start, e.end).trim() });
}

function admitsAnyBot(e: Expr): boolean {
  if (e.kind === 'call' && (e.name === 'endswith' || e.name === 'contains') && e.args.length === 2) {
    const path = pathOf(e.args[0]!);
    const value = stringOf(e.args[1]!)?.toLowerCase();
    if (!path || !ACTOR_PATHS.has(path) || value === undefined) return false;
    return e.name === 'endswith' ? value === '[bot]' || value === 'bot]' : value.includes('bot');
  }
  if (e.kind === 'binary' && e.op === '==') {
    const path = pathOf(e.left) ?? pathOf(e.right);
    const value = stringOf(pathOf(e.left) ? e.right : e.left);
    return !!path && /(?:^github\.event\.sender|\.user)\.type$/.test(path) && value?.toLowerCase() === 'bot';
  }
  return false;
}
