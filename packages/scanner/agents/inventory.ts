/**
 * The agent inventory: registered agents (from the registries the scan read) beside the agents
 * discovered in CI, each with where it runs, what starts it, the token and secrets its job holds,
 * whose name it runs under, and its open findings. Rendered as text (`astl agents list
 * --discover`), JSON, and Markdown (the scan action's job summary, the README's example).
 */

import { markdownText as markdownCell, markdownCode, printable } from '../../core/untrusted-text.js';
import type { AgentRegistry } from '../../registry/index.js';
import type { Finding } from '../finding.js';
import type { AgentInventory, DiscoveredAgent, RegisteredAgent } from './types.js';

/** Joins discovery records with the findings that survived suppressions, scope and baseline. */
export function buildInventory(
  registries: readonly AgentRegistry[],
  discovered: readonly DiscoveredAgent[],
  credentialJobs: AgentInventory['credentialJobs'],
  findings: readonly Finding[],
): AgentInventory {
  const registered: RegisteredAgent[] = [];
  const seen = new Set<string>();
  for (const registry of registries) {
    if (seen.has(registry.file)) continue;
    seen.add(registry.file);
    for (const a of registry.agents) {
      registered.push({
        name: a.name,
        type: a.type,
        ...(a.owner ? { owner: a.owner } : {}),
        ...(a.purpose ? { purpose: a.purpose } : {}),
        permissions: a.permissions.map((p) => `${p.resource}: ${p.access}`),
        registry: registry.file,
        ...(a.keyLocations['name']?.line !== undefined ? { line: a.keyLocations['name'].line } : {}),
      });
    }
  }
  const byFingerprint = new Map(findings.map((f) => [f.fingerprint, f]));
  const rows = discovered.map(({ fingerprints, ...record }) => {
    const own = new Map<string, Finding>();
    for (const fp of fingerprints) {
      const f = byFingerprint.get(fp);
      if (f) own.set(fp, f);
    }
    // Other findings inside the job (template injection, unpinned actions…) are the job's too.
    if (record.jobLines) {
      const [from, to] = record.jobLines;
      for (const f of findings) {
        if (f.file === record.file && f.line >= from && f.line <= to && !f.ruleId.startsWith('agent/'))
          own.set(f.fingerprint, f);
      }
    }
    const list = [...own.values()]
      .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId))
      .map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line }));
    return { ...record, findings: list };
  });
  rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { registered, discovered: rows, credentialJobs: [...credentialJobs] };
}

function bindingText(b: DiscoveredAgent['binding']): string {
  if (b.kind === 'none') return b.problem ? `unregistered (${b.problem})` : 'unregistered';
  if (b.agent && !b.problem) return `${b.agent} (${b.kind})`;
  return `${b.selector ?? '?'} (${b.kind}): ${b.problem ?? 'unresolved'}`;
}

function findingsText(list: AgentInventory['discovered'][number]['findings']): string {
  if (list.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const f of list) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
}

function where(a: AgentInventory['discovered'][number]): string {
  return `${a.file}:${a.line}${a.job ? ` (job ${a.job})` : ''}`;
}

/** Plain text for terminals: one block per discovered agent, then the registry. Control characters are shown escaped. */
export function inventoryText(inventory: AgentInventory): string {
  const out: string[] = [];
  const p = printable;
  out.push(`Discovered agents (${inventory.discovered.length})`);
  if (inventory.discovered.length === 0) {
    // Say where it looked: workflows kept outside .github/workflows/ are not CI files.
    out.push(
      '  none found in the scanned CI files (.github/workflows/*.yml, action.yml, .gitlab-ci.yml and *agent*.yml under the current folder)',
    );
  }
  for (const a of inventory.discovered) {
    out.push('');
    out.push(`  ${p(a.agent.name)}  ${p(where(a))}`);
    out.push(`    runs:        ${p(a.invocation)}`);
    out.push(
      `    trigger:     ${p(a.triggers.join(', ') || '-')}${a.untrustedTriggers.length ? `  (untrusted: ${p(a.untrustedTriggers.join(', '))})` : ''}`,
    );
    out.push(`    actor gate:  ${p(a.gate)}`);
    out.push(`    token:       ${p(a.permissions)}`);
    out.push(
      `    secrets:     ${p(a.secrets.join(', ') || 'none')}${a.modelCredentials.length ? `  (model credential: ${p(a.modelCredentials.join(', '))})` : ''}`,
    );
    out.push(`    tools:       ${p(a.tools)}`);
    out.push(`    runs as:     ${p(bindingText(a.binding))}`);
    out.push(`    findings:    ${findingsText(a.findings)}`);
  }
  out.push('', `Registered agents (${inventory.registered.length})`);
  if (inventory.registered.length === 0) out.push('  no registry found (agent-config.yaml)');
  for (const r of inventory.registered) {
    const runs = runsOf(inventory, r.name);
    out.push(
      `  ${p(r.name)}  type ${p(r.type)}, owner ${p(r.owner ?? '(none)')}, ${p(r.permissions.join(', ') || 'no permissions')}  [${p(r.registry)}${r.line ? `:${r.line}` : ''}]`,
    );
    out.push(`    runs in: ${runs.length ? p(runs.join('; ')) : 'no scanned workflow'}`);
  }
  return out.join('\n');
}

/** Where a registered agent runs: discovered agents bound to it, and jobs that mint its credentials. */
function runsOf(inventory: AgentInventory, name: string): string[] {
  return [
    ...inventory.discovered
      .filter((a) => a.binding.agent === name)
      .map((a) => `${a.agent.name} in ${where(a)}`),
    ...inventory.credentialJobs
      .filter((c) => c.agent === name)
      .map((c) => `credentials for ${c.file}:${c.line} (job ${c.job})`),
  ];
}

/** Markdown tables; every value from the repository is escaped (cells and code spans). */
export function inventoryMarkdown(
  inventory: AgentInventory,
  options: { heading?: string; discovered?: boolean } = {},
): string {
  const out: string[] = [];
  out.push(options.heading ?? '### AI agents in CI', '');
  if (options.discovered === false) {
    // Registered agents only (`astl agents list --format markdown` without --discover).
  } else if (inventory.discovered.length === 0) {
    out.push('No AI agent found in the scanned CI files.', '');
  } else {
    out.push(
      '| Agent | Where | Trigger | Actor gate | Token | Secrets | Tools | Runs as | Open findings |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const a of inventory.discovered) {
      out.push(
        `| ${[
          `${markdownCell(a.agent.name)}<br>${markdownCode(a.invocation)}`,
          markdownCode(`${a.file}:${a.line}`) + (a.job ? `<br>job ${markdownCode(a.job)}` : ''),
          markdownCell(a.triggers.join(', ') || '-') + (a.untrustedTriggers.length ? ' ⚠️' : ''),
          markdownCell(a.gate),
          markdownCell(a.permissions),
          markdownCell(a.secrets.join(', ') || 'none'),
          markdownCell(a.tools),
          markdownCell(bindingText(a.binding)),
          a.findings.length
            ? a.findings.map((f) => `${markdownCode(f.ruleId)} (line ${f.line})`).join('<br>')
            : 'none',
        ].join(' | ')} |`,
      );
    }
    out.push('');
  }
  if (inventory.registered.length > 0) {
    out.push('| Registered agent | Type | Owner | Declared permissions | Runs in |', '|---|---|---|---|---|');
    for (const r of inventory.registered) {
      const runs = runsOf(inventory, r.name);
      out.push(
        `| ${[
          `${markdownCode(r.name)}<br>${markdownCode(`${r.registry}${r.line ? `:${r.line}` : ''}`)}`,
          markdownCell(r.type),
          markdownCell(r.owner ?? '(none)'),
          markdownCell(r.permissions.join(', ') || 'none'),
          runs.length ? runs.map((x) => markdownCell(x)).join('<br>') : 'no scanned workflow',
        ].join(' | ')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

export function inventoryJson(inventory: AgentInventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}
