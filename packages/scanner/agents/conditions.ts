/**
 * Evaluates the catalog's conditions (`unrestricted`, `any-user`, `any-bot`) against an action
 * step's `with:` inputs or a CLI command's words. Values are read the way the vendors read them:
 * lists split on commas, spaces and newlines (keeping `Bash(git diff:*)` whole), CLI arguments in
 * an input (`claude_args`) as shell words, settings as JSON with `${{ }}` read as null.
 */
import type { Node } from 'yaml';
import { extractExpressions } from '../workflow/expressions.js';
import type { Step } from '../workflow/model.js';
import { withInput } from '../workflow/taint.js';
import type { Condition } from './catalog.js';
import { allCommands, flagValues, parseShell, type Word } from './shell.js';

export interface ConditionHit {
  condition: Condition;
  /** What was found, for messages: `claude_args: --dangerously-skip-permissions`. */
  what: string;
  /** The YAML node to report (the input's value, or the step). */
  node: Node;
  /** Offset in the node's value where the match is, when known. */
  index?: number;
  /** The input could not be read (a settings file path, invalid JSON): the match is by default. */
  unverified?: boolean;
}

/** Splits a tool/user list: commas, whitespace and newlines, not inside parentheses. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[\s,]/.test(c)) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current) out.push(current);
  return out.map((s) => s.replace(/^["']|["']$/g, ''));
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Programs that run any code they are given: `Bash(npx:*)`, `Bash(python3 *)` or `Bash(git:*)`
 * (`git -c core.sshCommand=…`) allow any command, as `Bash(*)` does.
 */
const RUNS_ANYTHING = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'eval',
  'exec',
  'env',
  'xargs',
  'sudo',
  'nohup',
  'timeout',
  'node',
  'python',
  'python3',
  'perl',
  'ruby',
  'php',
  'deno',
  'bun',
  'bunx',
  'npx',
  'npm',
  'pnpm',
  'yarn',
  'uv',
  'uvx',
  'pipx',
  'git',
  'docker',
  'make',
]);

/** A Claude tool rule as the rule it amounts to: `Bash(npx:*)` is `Bash(*)`. */
function amountsTo(value: string): string {
  const m = /^Bash\(\s*([\w.+-]+)(?:\s*:\s*\*|\s+\*|\s*:\*)\s*\)$/.exec(value.trim());
  return m && RUNS_ANYTHING.has(m[1]!) ? 'Bash(*)' : value.trim();
}

function listHas(values: readonly string[], wanted: readonly string[]): string | undefined {
  return values.find((v) => wanted.some((w) => same(v.trim(), w) || same(amountsTo(v), w)));
}

/** Every condition that holds for an action step. */
export function matchInputConditions(conditions: readonly Condition[], step: Step): ConditionHit[] {
  const hits: ConditionHit[] = [];
  for (const condition of conditions) {
    if (!condition.input) continue;
    const hit = matchInput(condition, step);
    if (hit) hits.push(hit);
  }
  return hits;
}

function matchInput(condition: Condition, step: Step): ConditionHit | undefined {
  const entry = withInput(step, condition.input!);
  const stepNode = step.uses?.node ?? step.node;
  const value = entry?.text;
  if (condition.json) return matchJson(condition, entry?.value ?? undefined, value, stepNode);
  if (value === undefined || !entry?.value) {
    return condition.absent ? { condition, what: `no \`${condition.input}:\``, node: stepNode } : undefined;
  }
  if (condition.flag) {
    const words = allCommands(parseShell(value)).flatMap((c) => [
      ...c.assignments.map((a) => a.value),
      ...c.words,
    ]);
    const found = matchFlag(condition, words);
    if (!found) return undefined;
    return { condition, what: `${entry.key}: ${found.what}`, node: entry.value, index: found.index };
  }
  if (condition.equals) {
    const v = value.trim();
    if (!condition.equals.some((e) => same(v, e))) return undefined;
    return { condition, what: `${entry.key}: ${JSON.stringify(v)}`, node: entry.value };
  }
  if (condition.item) {
    const found = listHas(splitList(value), condition.item);
    if (found === undefined) return undefined;
    return {
      condition,
      what: `${entry.key}: ${found}`,
      node: entry.value,
      index: Math.max(0, value.indexOf(found)),
    };
  }
  return undefined;
}

/** A flag condition over CLI words; `index` is the flag word's start in the text the words come from. */
export function matchFlag(
  condition: Condition,
  words: readonly Word[],
): { what: string; index: number; word: Word } | undefined {
  const flag = condition.flag!;
  const { present, values } = flagValues(words, flag);
  if (!present) return undefined;
  const flagWord = words.find((w) => w.text === flag || w.text.startsWith(`${flag}=`))!;
  if (!condition.equals && !condition.item) return { what: flag, index: flagWord.start, word: flagWord };
  for (const v of values) {
    if (condition.equals?.some((e) => same(v.text.trim(), e))) {
      return { what: `${flag} ${v.text}`, index: flagWord.start, word: flagWord };
    }
    const item = condition.item ? listHas(splitList(v.text), condition.item) : undefined;
    if (item !== undefined) return { what: `${flag} ${item}`, index: v.start, word: v };
  }
  return undefined;
}

function matchJson(
  condition: Condition,
  node: Node | undefined,
  text: string | undefined,
  stepNode: Node,
): ConditionHit | undefined {
  const input = condition.input!;
  if (text === undefined || !node) {
    return condition.absent
      ? { condition, what: `no \`${input}:\` (no tool allowlist)`, node: stepNode }
      : undefined;
  }
  let parsed: unknown;
  try {
    // `${{ }}` expressions are not JSON until GitHub expands them; read them as null.
    parsed = JSON.parse(withoutExpressions(text));
  } catch {
    return condition.absent
      ? { condition, what: `\`${input}:\` is not JSON the scanner can read`, node, unverified: true }
      : undefined;
  }
  const values = condition.json!.map((p) => at(parsed, p)).filter((v) => v !== undefined);
  if (condition.absent) {
    return values.length === 0
      ? {
          condition,
          what: `\`${input}:\` sets no ${condition.json!.map((p) => `\`${p}\``).join(' or ')}`,
          node,
        }
      : undefined;
  }
  for (const v of values) {
    if (condition.equals && typeof v === 'string' && condition.equals.some((e) => same(v, e))) {
      return { condition, what: `${input}: ${JSON.stringify(v)}`, node, index: Math.max(0, text.indexOf(v)) };
    }
    if (condition.item && Array.isArray(v)) {
      const found = listHas(
        v.filter((x): x is string => typeof x === 'string'),
        condition.item,
      );
      if (found !== undefined) {
        return {
          condition,
          what: `${input}: "${found}"`,
          node,
          index: Math.max(0, text.indexOf(`"${found}"`)),
        };
      }
    }
  }
  return undefined;
}

/** The text with every `${{ … }}` replaced by `null` (one linear pass, string-literal aware). */
function withoutExpressions(text: string): string {
  let out = '';
  let from = 0;
  for (const e of extractExpressions(text)) {
    out += `${text.slice(from, e.start)}null`;
    from = e.end;
  }
  return out + text.slice(from);
}

function at(value: unknown, dotted: string): unknown {
  let here = value;
  for (const key of dotted.split('.')) {
    if (!here || typeof here !== 'object' || Array.isArray(here)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}
