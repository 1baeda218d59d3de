/**
 * `astl agents list`: the registered agents, one a line (or JSON / Markdown). With `--discover`
 * it also scans the CI files (GitHub workflows, composite actions, .gitlab-ci.yml) for the AI
 * agents that actually run and shows both side by side: where each runs, what starts it, its
 * token and secrets, whose name it runs under, and its open findings (docs/agents.md).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration } from '../../../packages/core/duration.js';
import { workspaceScope } from '../../../packages/core/workspace-path.js';
import { loadRegistry } from '../../../packages/registry/registry.js';
import { bool, choice, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT } from '../exit.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'agents list',
  summary: 'list the registered agents, and with --discover the AI agents that run in CI',
  usage: 'astl agents list [--discover] [--config F] [--scan-config F] [--format text|json|markdown]',
  flags: {
    discover: {
      type: 'boolean',
      description: 'also find the AI agents in CI files and show where and as whom they run',
    },
    config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
    'scan-config': {
      type: 'string',
      value: 'FILE',
      description: 'scan config with extra agents to discover (default .astl/scan.yaml when present)',
    },
    format: { type: 'string', value: 'FORMAT', description: 'text (default), json or markdown' },
  },
  examples: [
    'astl agents list',
    'astl agents list --config ci/agent-config.yaml --format json',
    'astl agents list --discover',
    'astl agents list --discover --format markdown >> "$GITHUB_STEP_SUMMARY"',
  ],
  notes: [
    '--discover scans the default CI paths of the current folder (see astl scan) with the agent',
    'catalog plus the scan config`s `agents.catalog`, and lists open findings of each agent.',
  ],
};

export async function run(args: Parsed, io: Io): Promise<number> {
  const format = choice(args, 'format', ['text', 'json', 'markdown'] as const, 'text');
  if (bool(args, 'discover')) return discover(args, io, format);
  const registry = loadRegistry(str(args, 'config') || 'agent-config.yaml', {
    workspace: workspaceScope(io.env, io.cwd),
    use: { what: '--config' },
  });
  const rows = registry.agents.map((a) => ({
    name: a.name,
    type: a.type,
    owner: a.owner ?? null,
    purpose: a.purpose ?? null,
    permissions: a.permissions.map((p) => `${p.resource}:${p.access}`),
    credentialPolicy: a.credentialPolicy,
    maxTtl: a.maxTtlSeconds === undefined ? null : formatDuration(a.maxTtlSeconds),
    auditLevel: a.auditLevel,
    providers: [a.credentials.aws ? 'aws' : '', a.credentials.vault ? 'vault' : ''].filter(Boolean),
  }));
  if (format === 'json') {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  if (format === 'markdown') {
    const { inventoryMarkdown } = await import('../../../packages/scanner/agents/inventory.js');
    io.out(
      inventoryMarkdown(
        {
          registered: registry.agents.map((a) => ({
            name: a.name,
            type: a.type,
            ...(a.owner ? { owner: a.owner } : {}),
            permissions: a.permissions.map((p) => `${p.resource}: ${p.access}`),
            registry: registry.file,
            ...(a.keyLocations['name']?.line !== undefined ? { line: a.keyLocations['name'].line } : {}),
          })),
          discovered: [],
          credentialJobs: [],
        },
        { heading: '### Registered agents', discovered: false },
      ),
    );
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.out('no agents registered');
    return EXIT.ok;
  }
  const table = [
    ['NAME', 'TYPE', 'OWNER', 'MAX-TTL', 'AUDIT', 'CLOUDS', 'PURPOSE'],
    ...rows.map((r) => [
      r.name,
      r.type,
      r.owner ?? '(none)',
      r.maxTtl ?? '-',
      r.auditLevel,
      r.providers.join(',') || '-',
      r.purpose ?? '(none)',
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  table.forEach((row, n) => {
    const line = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
    io.out(n === 0 ? paint(io, 'bold', line) : line);
  });
  return EXIT.ok;
}

/** `--discover`: one scan of the CI files with every finding kept, then the inventory. */
async function discover(args: Parsed, io: Io, format: 'text' | 'json' | 'markdown'): Promise<number> {
  const engine = await import('../../../packages/scanner/index.js');
  const { inventoryJson, inventoryMarkdown, inventoryText } = await import(
    '../../../packages/scanner/agents/inventory.js'
  );
  const config = engine.loadScanConfig(io.cwd, str(args, 'scan-config'));
  const registry = str(args, 'config');
  const result = await engine.scan({
    root: io.cwd,
    config: registry ? { ...config, agents: { catalog: [], ...config.agents, registry } } : config,
  });
  const inventory = result.agents ?? { registered: [], discovered: [], credentialJobs: [] };
  const registryFile = registry ?? config.agents?.registry ?? 'agent-config.yaml';
  if (!existsSync(join(io.cwd, registryFile))) {
    io.err(
      `warning: no agent registry at ${registryFile}; every discovered agent is unregistered (--config names another)`,
    );
  }
  for (const w of result.warnings) io.err(`warning: ${w}`);
  if (format === 'json') io.out(inventoryJson(inventory).replace(/\n$/, ''));
  else if (format === 'markdown') io.out(inventoryMarkdown(inventory, { heading: '### AI agents in CI' }));
  else io.out(inventoryText(inventory));
  return EXIT.ok;
}
