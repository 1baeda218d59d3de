/**
 * The registries and AgentPolicies bound agents are checked against, found the way the
 * credentials action finds them: the credentials step's `config` / `policies` inputs, else the
 * scan config's `agents.registry` / `agents.policies`, else `agent-config.yaml` and `policies/`
 * at the workspace root. Read once per scan; every path must stay inside the workspace.
 */
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { AstlError, AstlErrors } from '../../core/index.js';
import { inspectWorkspacePath, isPathProblem } from '../../core/workspace-path.js';
import {
  type AgentEntry,
  type AgentPolicy,
  type AgentRegistry,
  loadAgentPolicies,
  parseRegistry,
  policiesForType,
  resolveAgent,
} from '../../registry/index.js';

export const DEFAULT_REGISTRY = 'agent-config.yaml';
export const DEFAULT_POLICIES = 'policies';

/**
 * A workspace-relative path with forward slashes, or undefined when it leaves the workspace or
 * reaches into .git/ (after links: core/workspace-path, as the credentials action checks it).
 */
export function workspacePath(root: string, path: string): string | undefined {
  const clean = normalize(path.trim()).split(sep).join('/').replace(/^\.\//, '');
  if (!clean || isAbsolute(clean) || clean === '..' || clean.startsWith('../')) return undefined;
  return isPathProblem(inspectWorkspacePath(clean, { root })) ? undefined : clean;
}

export interface ResolvedAgent {
  entry?: AgentEntry;
  registry?: AgentRegistry;
  /** AgentPolicies for the agent's type. */
  policies: AgentPolicy[];
  /** Why the binding does not resolve: registry missing or invalid, agent unknown. */
  problem?: string;
  /** The registry is there but cannot be read: invalid, or outside the workspace. */
  unreadable?: boolean;
}

export class RegistryStore {
  private readonly registries = new Map<
    string,
    { registry?: AgentRegistry; problem?: string; unreadable?: boolean }
  >();
  private readonly policySets = new Map<string, AgentPolicy[]>();

  constructor(
    private readonly root: string,
    /**
     * Reads a workspace-relative file: its text, undefined when it does not exist, or why a file
     * that is there cannot be read (`{ unreadable: 'binary file' }`).
     */
    private readonly readText: (file: string) => string | { unreadable: string } | undefined,
  ) {}

  /** Every registry read so far (for the inventory). */
  loaded(): AgentRegistry[] {
    return [...this.registries.values()].flatMap((r) => (r.registry ? [r.registry] : []));
  }

  registry(file: string): { registry?: AgentRegistry; problem?: string; unreadable?: boolean } {
    const rel = workspacePath(this.root, file);
    if (rel === undefined)
      return {
        problem: `registry path ${file} leads outside the workspace or into .git/ (not read)`,
        unreadable: true,
      };
    const cached = this.registries.get(rel);
    if (cached) return cached;
    let result: { registry?: AgentRegistry; problem?: string; unreadable?: boolean };
    const text = this.readText(rel);
    if (text === undefined) result = { problem: `registry ${rel} not found` };
    else if (typeof text !== 'string')
      result = { problem: `registry ${rel} cannot be read (${text.unreadable})`, unreadable: true };
    else {
      try {
        result = { registry: parseRegistry(text, rel) };
      } catch (err) {
        const first = err instanceof AstlErrors ? err.errors[0] : err instanceof AstlError ? err : undefined;
        result = {
          problem: `registry ${rel} is invalid${first ? ` (${first.message})` : ''}`,
          unreadable: true,
        };
      }
    }
    this.registries.set(rel, result);
    return result;
  }

  policies(dir: string): AgentPolicy[] {
    const rel = workspacePath(this.root, dir);
    if (rel === undefined) return [];
    const cached = this.policySets.get(rel);
    if (cached) return cached;
    let policies: AgentPolicy[] = [];
    try {
      policies = loadAgentPolicies(join(this.root, rel), { missingOk: true }).map((p) => ({
        ...p,
        file: relative(this.root, p.file).split(sep).join('/'),
        location: {
          ...p.location,
          file: relative(this.root, p.location.file ?? p.file)
            .split(sep)
            .join('/'),
        },
      }));
    } catch {
      // Invalid policies are reported as config/invalid where they are scanned.
      policies = [];
    }
    this.policySets.set(rel, policies);
    return policies;
  }

  /** The registered agent a binding names (by name, or by a type only one agent has). */
  resolve(
    selector: { agent?: string; agentType?: string },
    registryFile: string,
    policiesDir: string,
  ): ResolvedAgent {
    const { registry, problem, unreadable } = this.registry(registryFile);
    if (!registry)
      return {
        policies: [],
        problem: problem ?? `registry ${registryFile} not found`,
        ...(unreadable ? { unreadable } : {}),
      };
    try {
      const entry = resolveAgent(registry, selector);
      return { entry, registry, policies: policiesForType(this.policies(policiesDir), entry.type) };
    } catch (err) {
      if (err instanceof AstlError) return { registry, policies: [], problem: err.message };
      throw err;
    }
  }
}
