/**
 * `astl agents check`: validates the registry and the AgentPolicies, then checks every agent the
 * way a credential request for its full max-ttl would be checked. Exit 1 when an agent would be
 * refused, 3 when a file itself is invalid.
 */
import { AstlError, AstlErrors } from '../../../packages/core/errors.js';
import { workspaceScope } from '../../../packages/core/workspace-path.js';
import { checkCredentialRequest, loadAgentPolicies, loadRegistry } from '../../../packages/registry/index.js';
import { choice, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT, formatError } from '../exit.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'agents check',
  summary: 'validate the agent registry against the agent policies',
  usage: 'astl agents check [--config F] [--policies DIR] [--format text|json]',
  flags: {
    config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
    policies: {
      type: 'string',
      value: 'DIR',
      description: 'AgentPolicy folder (default policies; missing = none)',
    },
    format: { type: 'string', value: 'FORMAT', description: 'text (default) or json' },
  },
  examples: ['astl agents check', 'astl agents check --config agent-config.yaml --policies policies'],
  notes: ['Exit codes: 0 every agent passes, 1 an agent would be refused credentials, 3 a file is invalid.'],
};

interface AgentResult {
  agent: string;
  ok: boolean;
  problems: { code: string; message: string; location?: string; formatted: string }[];
  warnings: string[];
}

export async function run(args: Parsed, io: Io): Promise<number> {
  const format = choice(args, 'format', ['text', 'json'] as const, 'text');
  const workspace = workspaceScope(io.env, io.cwd);
  const registry = loadRegistry(str(args, 'config') || 'agent-config.yaml', {
    workspace,
    use: { what: '--config' },
  });
  const policies = loadAgentPolicies(str(args, 'policies') || 'policies', {
    missingOk: true,
    onWarning: (m) => io.err(`warning: ${m}`),
    workspace,
    use: { what: '--policies' },
  });
  const results: AgentResult[] = registry.agents.map((agent) => {
    const providers = [
      ...(agent.credentials.aws ? (['aws'] as const) : []),
      ...(agent.credentials.vault ? (['vault'] as const) : []),
    ];
    try {
      const decision = checkCredentialRequest(
        {
          agent,
          durationSeconds: agent.maxTtlSeconds ?? 900,
          providers,
          readsSecrets: (agent.credentials.vault?.secrets.length ?? 0) > 0,
        },
        policies,
      );
      return { agent: agent.name, ok: true, problems: [], warnings: decision.warnings };
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      const all = err instanceof AstlErrors ? err.errors : [err];
      return {
        agent: agent.name,
        ok: false,
        warnings: [],
        problems: all.map((e) => ({
          code: e.code,
          message: e.message,
          ...(e.location ? { location: `${e.location.file}:${e.location.line ?? ''}` } : {}),
          formatted: formatError(e),
        })),
      };
    }
  });
  const failed = results.filter((r) => !r.ok).length;
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          ok: failed === 0,
          policies: policies.map((p) => p.name),
          agents: results.map((r) => ({
            ...r,
            problems: r.problems.map((p) => ({ code: p.code, message: p.message, location: p.location })),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      if (r.ok) io.out(`${paint(io, 'green', 'ok')}    ${r.agent}`);
      else io.out(`${paint(io, 'red', 'FAIL')}  ${r.agent}`);
      for (const p of r.problems) {
        io.out(indent(p.formatted));
      }
      for (const w of r.warnings) io.out(indent(`${paint(io, 'yellow', 'warning')}: ${w}`));
    }
    io.out(
      `${registry.agents.length} agent${registry.agents.length === 1 ? '' : 's'} checked against ${policies.length} AgentPolic${policies.length === 1 ? 'y' : 'ies'}: ${failed} refused`,
    );
  }
  return failed > 0 ? EXIT.findings : EXIT.ok;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
