/** Which registered agent a credential or gate request is for. */
import { AstlError, closest } from '../core/index.js';
import { type AgentEntry, type AgentRegistry, registryEntrySnippet } from './registry.js';

export interface AgentSelector {
  /** Registered agent name (the `agent` input). */
  agent?: string;
  /** Agent type (the `agent-type` input); must agree with the registry when both are given. */
  agentType?: string;
}

const lineOf = (e: AgentEntry) => e.keyLocations['name']?.line ?? e.location.line ?? '?';

/**
 * Finds the agent a request names: by name, or by type when exactly one agent has it.
 * Errors: AGENT_NOT_REGISTERED, AGENT_AMBIGUOUS, AGENT_TYPE_MISMATCH, AGENT_REQUIRED (neither
 * given); each with a hint and a YAML `fix`.
 */
export function resolveAgent(registry: AgentRegistry, selector: AgentSelector): AgentEntry {
  const name = selector.agent?.trim() || undefined;
  const type = selector.agentType?.trim() || undefined;
  const agentsAt = registry.doc.locateKey(['agents']);

  if (name !== undefined) {
    const entry = registry.agents.find((a) => a.name === name);
    if (!entry) {
      const guess = closest(
        name,
        registry.agents.map((a) => a.name),
      );
      throw new AstlError(`agent '${name}' is not registered in ${registry.file}`, {
        code: 'AGENT_NOT_REGISTERED',
        location: agentsAt,
        hint: guess
          ? `did you mean '${guess}'? Otherwise add the agent to ${registry.file} (every agent needs an owner and a purpose)`
          : `add the agent to ${registry.file} (every agent needs an owner and a purpose)${knownAgents(registry)}`,
        fix: registryEntrySnippet(name, type ?? '<agent-type>'),
      });
    }
    if (type !== undefined && type !== entry.type) {
      throw new AstlError(
        `agent '${name}' is registered with type '${entry.type}', but the request says agent-type '${type}'`,
        {
          code: 'AGENT_TYPE_MISMATCH',
          location: entry.keyLocations['type'] ?? entry.location,
          hint: (s) =>
            `make ${s.name('agent-type')} match the registry (or drop it), or change the agent's type in ${registry.file} if the registry is wrong`,
          fix: (s) =>
            s.snippet([
              ['agent', name],
              ['agent-type', entry.type],
            ]),
        },
      );
    }
    return entry;
  }

  if (type !== undefined) {
    const matches = registry.agents.filter((a) => a.type === type);
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) {
      const types = [...new Set(registry.agents.map((a) => a.type))];
      const guess = closest(type, types);
      throw new AstlError(`no agent of type '${type}' is registered in ${registry.file}`, {
        code: 'AGENT_NOT_REGISTERED',
        location: agentsAt,
        hint:
          (guess ? `did you mean type '${guess}'? ` : '') +
          (types.length ? `registered types: ${types.join(', ')}. ` : '') +
          `Otherwise register an agent of this type in ${registry.file}`,
        fix: registryEntrySnippet('<agent-name>', type),
      });
    }
    throw new AstlError(
      `${matches.length} agents have type '${type}' (${matches
        .map((m) => `${m.name} at line ${lineOf(m)}`)
        .join(', ')}); the request must name one`,
      {
        code: 'AGENT_AMBIGUOUS',
        location: matches[0]!.keyLocations['name'] ?? matches[0]!.location,
        hint: (s) => `set ${s.name('agent')} to one of: ${matches.map((m) => m.name).join(', ')}`,
        fix: (s) =>
          s.snippet([
            ['agent', matches[0]!.name],
            ['agent-type', type],
          ]),
      },
    );
  }

  throw new AstlError('the request names no agent', {
    code: 'AGENT_REQUIRED',
    setting: 'agent',
    hint: (s) =>
      `set ${s.name('agent')} (or ${s.name('agent-type')} when one agent has that type) to one of the agents registered in ${registry.file}${knownAgents(registry)}`,
    fix: (s) => s.snippet([['agent', registry.agents[0]?.name ?? '<agent-name>']]),
  });
}

function knownAgents(registry: AgentRegistry): string {
  if (registry.agents.length === 0) return '; the registry lists no agents yet';
  const names = registry.agents.map((a) => a.name);
  const shown = names.slice(0, 10).join(', ');
  return `; registered: ${shown}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
}
