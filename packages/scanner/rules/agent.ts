/**
 * Agent registry rules (`agent/…`): accountability (owner, purpose, audit), credential hygiene
 * (long-lived, TTL over the AgentPolicy cap), AgentPolicy restrictions, and least privilege
 * measured against the agent's peers of the same type.
 */

import type { Node } from 'yaml';
import { formatDuration, parseDuration } from '../../core/index.js';
import type { FileContext } from '../context.js';
import { end, entries, get, getPath, isMap, items, pairOf, start, str } from './yaml-nodes.js';

/** Access levels from least to most: a higher one includes the lower ones. */
export const ACCESS_ORDER = ['read', 'comment', 'write', 'admin'] as const;

export function accessRank(access: string): number {
  return ACCESS_ORDER.indexOf(access.toLowerCase() as (typeof ACCESS_ORDER)[number]);
}

/** What the rules need of an AgentPolicy (from any YAML document with `kind: AgentPolicy`). */
export interface AgentPolicyView {
  name: string;
  file: string;
  agentTypes: string[];
  /** Deny targets: `secrets`, `write-access`, `production-access`, ... */
  restrictions: string[];
  credentialType?: string;
  maxTtlSeconds?: number;
  maxTtlText?: string;
}

export function readAgentPolicy(root: Node | null | undefined, file: string): AgentPolicyView | undefined {
  if (!isMap(root) || str(get(root, 'kind')) !== 'AgentPolicy') return undefined;
  const spec = get(root, 'spec');
  const restrictions: string[] = [];
  for (const item of items(get(spec, 'restrictions'))) {
    const target = str(get(item, 'deny')) ?? str(item);
    if (target) restrictions.push(target.trim());
  }
  const view: AgentPolicyView = {
    name: str(getPath(root, ['metadata', 'name'])) ?? file,
    file,
    agentTypes: items(get(spec, 'agentTypes'))
      .map((n) => str(n))
      .filter((s): s is string => !!s),
    restrictions,
  };
  const type = str(getPath(spec, ['credentialPolicy', 'type']));
  if (type) view.credentialType = type;
  const maxTtl = str(getPath(spec, ['credentialPolicy', 'maxTtl']));
  if (maxTtl) {
    const seconds = durationOrUndefined(maxTtl);
    if (seconds !== undefined) {
      view.maxTtlSeconds = seconds;
      view.maxTtlText = maxTtl;
    }
  }
  return view;
}

interface Permission {
  resource: string;
  access: string;
  node: Node;
}

interface AgentView {
  name: string;
  type?: string;
  node: Node;
  permissions: Permission[];
}

function permissionsOf(agent: Node): Permission[] {
  const out: Permission[] = [];
  for (const item of items(get(agent, 'permissions'))) {
    const explicit = str(get(item, 'resource'));
    if (explicit) {
      out.push({ resource: explicit, access: str(get(item, 'access')) ?? 'read', node: item });
      continue;
    }
    for (const entry of entries(item)) {
      const access = str(entry.value);
      if (access) out.push({ resource: entry.key, access, node: item });
    }
  }
  return out;
}

/** `repositories` and `repository` name the same resource. */
function sameResource(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/s$/, '');
  return norm(a) === norm(b);
}

/** Does `deny: <target>` forbid this permission? */
export function restrictionForbids(
  target: string,
  permission: { resource: string; access: string },
): boolean {
  const t = target.toLowerCase();
  if (t === 'write-access') return accessRank(permission.access) >= accessRank('write');
  if (t === 'admin-access') return accessRank(permission.access) >= accessRank('admin');
  if (sameResource(t, permission.resource)) return true;
  if (t.endsWith('-access')) {
    const base = t.slice(0, -'-access'.length);
    const r = permission.resource.toLowerCase();
    return sameResource(base, r) || r.startsWith(`${base}-`);
  }
  return false;
}

export interface AgentRuleOptions {
  policies: readonly AgentPolicyView[];
  /** Does a workspace-relative file exist (for `session-policy`)? */
  fileExists: (file: string) => boolean;
  /**
   * Why a `session-policy` path must not be read (it leads out of the repository or into .git/),
   * phrased to follow "which"; undefined when it may be read.
   */
  pathProblem?: (file: string) => string | undefined;
}

export function checkRegistry(
  root: Node | null | undefined,
  ctx: FileContext,
  options: AgentRuleOptions,
): void {
  const agentNodes = items(get(root, 'agents')).filter((n) => isMap(n));
  const agents: AgentView[] = [];
  for (const node of agentNodes) {
    const name = str(get(node, 'name')) ?? '(unnamed)';
    const agent: AgentView = { name, node, permissions: permissionsOf(node) };
    const type = str(get(node, 'type'));
    if (type) agent.type = type;
    agents.push(agent);
    checkAgent(agent, ctx, options);
  }
  checkPeers(agents, ctx);
}

function span(ctx: FileContext, node: Node): { line: number; endLine: number } {
  const line = ctx.position(start(node) ?? 0).line;
  // A node's range ends after its trailing line break; step back onto its last character.
  const endOffset = Math.max(start(node) ?? 0, (end(node) ?? 0) - 1);
  return { line, endLine: Math.max(line, ctx.position(endOffset).line) };
}

function lineOf(ctx: FileContext, node: Node | null | undefined): number {
  return ctx.position(start(node) ?? 0).line;
}

function checkAgent(agent: AgentView, ctx: FileContext, options: AgentRuleOptions): void {
  const { node, name } = agent;
  const whole = span(ctx, node);
  const applicable = options.policies.filter(
    (p) => agent.type && (p.agentTypes.includes(agent.type) || p.agentTypes.includes('*')),
  );

  if (!str(get(node, 'owner'))?.trim()) {
    ctx.emit({
      ruleId: 'agent/missing-owner',
      ...whole,
      message: `Agent '${name}' has no owner. Add \`owner: <team or person>\` to its entry: the credentials action refuses agents nobody is accountable for.`,
      about: `agent ${name} owner`,
    });
  }
  if (!str(get(node, 'purpose'))?.trim()) {
    ctx.emit({
      ruleId: 'agent/missing-purpose',
      ...whole,
      message: `Agent '${name}' has no purpose. Add \`purpose: "<what it does and why it needs access>"\` so audits can check its access against it.`,
      about: `agent ${name} purpose`,
    });
  }
  const audit = pairOf(node, 'audit-level');
  const auditValue = str(audit?.value);
  if (audit && auditValue && auditValue !== 'full') {
    ctx.emit({
      ruleId: 'agent/audit-not-full',
      line: lineOf(ctx, audit.key),
      message: `Agent '${name}' has \`audit-level: ${auditValue}\`: its credential use would not be fully recorded. Set \`audit-level: full\`.`,
      about: `agent ${name} audit-level ${auditValue}`,
    });
  }
  const policyPair = pairOf(node, 'credential-policy');
  if (str(policyPair?.value) === 'long-lived') {
    const requiring = applicable.find(
      (p) => p.credentialType === 'ephemeral' || p.restrictions.includes('long-lived-credentials'),
    );
    ctx.emit({
      ruleId: 'agent/long-lived-credentials',
      line: lineOf(ctx, policyPair?.key),
      message: `Agent '${name}' uses \`credential-policy: long-lived\`${requiring ? `, which AgentPolicy '${requiring.name}' forbids (it requires ephemeral)` : ''}. Set \`credential-policy: ephemeral\` and a \`max-ttl\` (e.g. 1h); the credentials action mints short-lived credentials per job.`,
      about: `agent ${name} long-lived`,
    });
  }

  const ttlPair = pairOf(node, 'max-ttl');
  const ttlText = str(ttlPair?.value);
  const ttl = ttlText ? durationOrUndefined(ttlText) : undefined;
  if (ttlPair && ttl !== undefined) {
    const capped = applicable.filter((p) => p.maxTtlSeconds !== undefined);
    const strictest = capped.sort((a, b) => a.maxTtlSeconds! - b.maxTtlSeconds!)[0];
    if (strictest && ttl > strictest.maxTtlSeconds!) {
      ctx.emit({
        ruleId: 'agent/ttl-over-policy',
        line: lineOf(ctx, ttlPair.key),
        message: `Agent '${name}' has \`max-ttl: ${ttlText}\`, longer than the ${strictest.maxTtlText} \`maxTtl\` of AgentPolicy '${strictest.name}' (${strictest.file}) for type '${agent.type}'. Set \`max-ttl: ${formatDuration(strictest.maxTtlSeconds!)}\` or less.`,
        about: `agent ${name} max-ttl ${ttlText} over ${strictest.name}`,
      });
    }
  }

  for (const policy of applicable) {
    for (const target of policy.restrictions) {
      if (target === 'long-lived-credentials') continue; // reported by agent/long-lived-credentials
      for (const permission of agent.permissions) {
        if (!restrictionForbids(target, permission)) continue;
        ctx.emit({
          ruleId: 'agent/policy-contradiction',
          line: lineOf(ctx, permission.node),
          message: `Agent '${name}' declares \`${permission.resource}: ${permission.access}\`, but AgentPolicy '${policy.name}' (${policy.file}) for type '${agent.type}' has \`deny: ${target}\`. Remove the permission${target === 'write-access' ? ' or lower it to `read`' : ''}, or change the agent's type if it really needs it.`,
          about: `agent ${name} ${permission.resource}:${permission.access} deny ${target}`,
        });
      }
    }
  }

  const sessionPolicy = getPath(node, ['credentials', 'aws', 'session-policy']);
  const sessionFile = str(sessionPolicy);
  const pathProblem = sessionFile ? options.pathProblem?.(sessionFile) : undefined;
  if (sessionFile && pathProblem) {
    // Never read, so nothing of that file (a secret, .git/config's token) reaches a snippet.
    ctx.emit({
      ruleId: 'agent/session-policy-outside',
      line: lineOf(ctx, sessionPolicy),
      message: `Agent '${name}' names the session policy \`${sessionFile}\`, which ${pathProblem}. The actions refuse to read it; commit the IAM policy document inside the repository and name it by its path from the repository root.`,
      about: `agent ${name} session-policy-outside ${sessionFile}`,
    });
  } else if (sessionFile && !options.fileExists(sessionFile)) {
    ctx.emit({
      ruleId: 'agent/session-policy-missing',
      line: lineOf(ctx, sessionPolicy),
      message: `Agent '${name}' names the session policy \`${sessionFile}\`, which does not exist. Commit the IAM policy document there or fix the path (it is relative to the repository root).`,
      about: `agent ${name} session-policy ${sessionFile}`,
    });
  }
}

/**
 * "Broader than peers": among agents of the same type (only when there are at least two
 * others), an agent holds a resource no peer holds, or a higher access level on a resource
 * than the highest any peer holds.
 */
function checkPeers(agents: AgentView[], ctx: FileContext): void {
  const byType = new Map<string, AgentView[]>();
  for (const agent of agents) {
    if (!agent.type) continue;
    const group = byType.get(agent.type) ?? [];
    group.push(agent);
    byType.set(agent.type, group);
  }
  for (const [type, group] of byType) {
    if (group.length < 3) continue;
    for (const agent of group) {
      const peers = group.filter((p) => p !== agent);
      const extras: Array<{ text: string; node: Node }> = [];
      for (const permission of agent.permissions) {
        const rank = accessRank(permission.access);
        if (rank < 0) continue;
        const held = peers.flatMap((p) =>
          p.permissions.filter((q) => sameResource(q.resource, permission.resource)),
        );
        if (held.length === 0) {
          extras.push({ text: `\`${permission.resource}: ${permission.access}\``, node: permission.node });
          continue;
        }
        const peerMax = Math.max(...held.map((q) => accessRank(q.access)));
        if (rank > peerMax) {
          extras.push({
            text: `\`${permission.resource}: ${permission.access}\` (peers have at most ${ACCESS_ORDER[peerMax] ?? 'an unknown level'})`,
            node: permission.node,
          });
        }
      }
      if (extras.length === 0) continue;
      const first = extras[0]!;
      ctx.emit({
        ruleId: 'agent/broader-than-peers',
        line: lineOf(ctx, first.node),
        endLine: Math.max(...extras.map((e) => span(ctx, e.node).endLine)),
        message: `Agent '${agent.name}' has broader access than similar agents: it has ${extras.map((e) => e.text).join(', ')} that none of its ${peers.length} peers of type '${type}' has. Remove what it does not need, or give it its own type if its job really differs.`,
        about: `agent ${agent.name} broader ${extras.map((e) => e.text).join(',')}`,
      });
    }
  }
}

function durationOrUndefined(text: string): number | undefined {
  try {
    return parseDuration(text);
  } catch {
    return undefined;
  }
}
