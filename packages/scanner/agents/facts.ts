/**
 * Facts about a GitHub job that the agent rules weigh: its token permissions, the secrets it
 * receives (and which of them are only an agent's own model credential), and whether an `if:`
 * keeps outsiders out.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import {
  contextsRead,
  ExpressionSyntaxError,
  extractExpressions,
  parseExpression,
} from '../workflow/expressions.js';
import type { Entry, Job, PermissionSet, Step, WorkflowModel } from '../workflow/model.js';
import { analyseCondition, type GateAnalysis, UNTRUSTED_EVENTS } from './gate.js';
import { valueOffset } from './positions.js';

/** Every GITHUB_TOKEN scope (GitHub's `permissions` keys). */
export const TOKEN_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];

export interface ScopeGrant {
  scope: string;
  level: 'read' | 'write';
  /** Where the grant is written (the scope's value, or the `write-all`/`read-all` value). */
  node: Node;
}

export interface TokenFacts {
  /** `job`, `workflow`, `default` (nothing set) or `caller` (a reusable workflow). */
  source: string;
  /** The grants when they are known. */
  grants: ScopeGrant[];
  /** The token's scopes cannot be known from the file (default, caller's, an expression). */
  unknown: boolean;
  summary: string;
}

export function tokenFacts(job: Job): TokenFacts {
  const eff = job.effectivePermissions;
  if (eff.source === 'default') {
    return {
      source: 'default',
      grants: [],
      unknown: true,
      summary: 'not set (repository default, possibly write-all)',
    };
  }
  if (eff.source === 'caller')
    return { source: 'caller', grants: [], unknown: true, summary: "the caller's" };
  const declared = eff.declared as PermissionSet;
  const where = eff.source === 'job' ? '' : ' (workflow)';
  if (declared.kind === 'write-all' || declared.kind === 'read-all') {
    const level = declared.kind === 'write-all' ? 'write' : 'read';
    return {
      source: eff.source,
      grants: TOKEN_SCOPES.map((scope) => ({ scope, level, node: declared.node })),
      unknown: false,
      summary: `${declared.kind}${where}`,
    };
  }
  if (declared.kind !== 'scopes') {
    return { source: eff.source, grants: [], unknown: true, summary: `an expression${where}` };
  }
  const grants: ScopeGrant[] = [];
  for (const [scope, { level, node }] of declared.scopes) {
    if (level === 'read' || level === 'write') grants.push({ scope, level, node });
  }
  const summary = grants.length ? grants.map((g) => `${g.scope}: ${g.level}`).join(', ') : 'none';
  return { source: eff.source, grants, unknown: false, summary: `${summary}${where}` };
}

export interface SecretUse {
  name: string;
  /** The scalar node the reference is written in, and the file offset of the reference. */
  node: Node;
  offset: number;
  /** `with` of a step, an `env` key (step, job or workflow), or anything else. */
  kind: 'with' | 'env' | 'other';
  key?: string;
  step?: Step;
}

/** Every `secrets.*` a job reads (workflow env included); `secrets: inherit` counts as `*`. */
export function secretsOfJob(text: string, model: WorkflowModel, job: Job): SecretUse[] {
  const out: SecretUse[] = [];
  const seen = new Set<Node>();
  const fromEntries = (entries: Entry[], kind: 'with' | 'env', step?: Step) => {
    for (const e of entries) {
      if (!e.value) continue;
      seen.add(e.value);
      for (const s of secretRefs(text, e.value))
        out.push({ ...s, kind, key: e.key, ...(step ? { step } : {}) });
    }
  };
  fromEntries(model.env, 'env');
  fromEntries(job.env, 'env');
  for (const step of job.steps) {
    fromEntries(step.env, 'env', step);
    fromEntries(step.with, 'with', step);
  }
  if (job.secrets?.inherit)
    out.push({ name: '*', node: job.secrets.node, offset: job.secrets.node.range?.[0] ?? 0, kind: 'other' });
  walk(job.node, (node) => {
    if (seen.has(node)) return;
    for (const s of secretRefs(text, node)) out.push({ ...s, kind: 'other' });
  });
  return out;
}

function walk(node: unknown, visit: (n: Node) => void, budget = { left: 20_000 }): void {
  if (!node || budget.left-- <= 0) return;
  if (isScalar(node)) visit(node);
  else if (isMap(node)) for (const p of node.items) walk(p.value, visit, budget);
  else if (isSeq(node)) for (const n of node.items) walk(n, visit, budget);
}

function secretRefs(text: string, node: Node): { name: string; node: Node; offset: number }[] {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('${{')) return [];
  const value = node.value;
  const out: { name: string; node: Node; offset: number }[] = [];
  for (const expr of extractExpressions(value)) {
    let paths: { path: string[]; start: number }[];
    try {
      paths = contextsRead(parseExpression(expr.text));
    } catch (err) {
      if (!(err instanceof ExpressionSyntaxError)) throw err;
      const m = /secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/i.exec(expr.text);
      paths = m ? [{ path: ['secrets', m[1]!.toLowerCase()], start: m.index }] : [];
    }
    for (const p of paths) {
      if (p.path[0] !== 'secrets') continue;
      const name = p.path[1] && p.path[1] !== '*' && p.path[1] !== '?' ? p.path[1] : '*';
      if (name === 'github_token') continue; // the job's own token: its permissions are checked instead
      // Report the name as written (GitHub matches secret names case-insensitively).
      const written = /secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/i.exec(expr.text.slice(p.start))?.[1] ?? name;
      out.push({
        name: name === '*' ? '*' : written,
        node,
        offset: valueOffset(text, node, expr.innerStart + p.start),
      });
    }
  }
  return out;
}

/** An agent's own model credential: the inputs (on `step`) and env names that carry it. */
export interface CredentialSlots {
  step?: Step;
  credentialInputs: readonly string[];
  credentialEnv: readonly string[];
}

/** Is this secret only an agent's own model credential (an agent step's credential input or env)? */
export function isModelCredential(use: SecretUse, agents: readonly CredentialSlots[]): boolean {
  const key = use.key ?? '';
  if (use.kind === 'with')
    return agents.some((a) => a.step === use.step && a.credentialInputs.includes(key.toLowerCase()));
  if (use.kind === 'env')
    return agents.some((a) => a.credentialEnv.some((k) => k.toUpperCase() === key.toUpperCase()));
  return false;
}

export interface GateFacts {
  gated: boolean;
  /** How (for the inventory): `if: …author_association…`, `needs: authorize`. */
  how?: string;
  /** `if:` parts that admit any bot: node and offsets in its value. */
  anyBot: { node: Node; start: number; text: string }[];
  /** Checks of the job's `if:` that look like gates but are not (GateAnalysis.misleading). */
  misleading?: string[];
}

/** The job's own `if:`, or a job it needs that is gated (skipped jobs skip their dependants). */
export function jobGate(model: WorkflowModel, job: Job, memo = new Map<string, GateFacts>()): GateFacts {
  const cached = memo.get(job.id);
  if (cached) return cached;
  memo.set(job.id, { gated: false, anyBot: [] }); // cycles
  const own = conditionOf(job.if, untrustedEvents(model));
  let facts: GateFacts = {
    gated: own.analysis.gated,
    anyBot: own.anyBot,
    ...(own.analysis.misleading ? { misleading: own.analysis.misleading } : {}),
  };
  if (own.analysis.gated) facts.how = `job if: ${own.analysis.checks[0] ?? 'condition'}`;
  if (!facts.gated && !/\b(?:always|failure|cancelled)\s*\(/.test(job.if?.text ?? '')) {
    for (const need of job.needs) {
      const other = model.jobs.find((j) => j.id === need);
      if (other && jobGate(model, other, memo).gated) {
        facts = { ...facts, gated: true, how: `needs '${need}', which is gated` };
        break;
      }
    }
  }
  memo.set(job.id, facts);
  return facts;
}

/** The workflow's triggers that outsiders can cause (gate.ts UNTRUSTED_EVENTS). */
export function untrustedEvents(model: WorkflowModel): string[] {
  return [...model.events].filter((t) => (UNTRUSTED_EVENTS as readonly string[]).includes(t));
}

/** An `if:` judged for the untrusted `events` it runs on (see analyseCondition). */
export function conditionOf(
  entry: Entry | undefined,
  events: readonly string[] = [],
): {
  analysis: GateAnalysis;
  anyBot: GateFacts['anyBot'];
} {
  if (!entry?.value || entry.text === undefined)
    return { analysis: { gated: false, checks: [], anyBot: [] }, anyBot: [] };
  const analysis = analyseCondition(entry.text, events);
  const node = entry.value;
  return { analysis, anyBot: analysis.anyBot.map((a) => ({ node, start: a.start, text: a.text })) };
}
