/** `astl agents list`: the registered agents, one a line (or JSON). */
import { formatDuration } from '../../../packages/core/duration.js';
import { workspaceScope } from '../../../packages/core/workspace-path.js';
import { loadRegistry } from '../../../packages/registry/registry.js';
import { choice, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT } from '../exit.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'agents list',
  summary: 'list the registered agents',
  usage: 'astl agents list [--config F] [--format text|json]',
  flags: {
    config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
    format: { type: 'string', value: 'FORMAT', description: 'text (default) or json' },
  },
  examples: ['astl agents list', 'astl agents list --config ci/agent-config.yaml --format json'],
};

export async function run(args: Parsed, io: Io): Promise<number> {
  const format = choice(args, 'format', ['text', 'json'] as const, 'text');
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
