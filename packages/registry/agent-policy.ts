/**
 * AgentPolicy documents (Kubernetes style, camelCase): an organisation's rules for every agent of
 * some types. They live in the same policy folder as the gate's deploy policies.
 */

import policySchema from '../../schemas/agent-policy.schema.json' with { type: 'json' };
import {
  AstlError,
  AstlErrors,
  closest,
  parseDuration,
  type SourceLocation,
  validateWithSchema,
  type YamlDoc,
} from '../core/index.js';
import { validate as validateAgentPolicy } from '../core/schema-validators/agent-policy.js';
import { type PolicyFileOptions, readPolicyDocuments } from './policy-files.js';
import type { CredentialPolicyType, Permission } from './registry.js';

export { policySchema };

export const AGENT_POLICY_KIND = 'AgentPolicy';
export const RESTRICTIONS = [
  'secrets',
  'production-access',
  'write-access',
  'long-lived-credentials',
] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

export interface AgentPolicy {
  file: string;
  name: string;
  agentTypes: string[];
  defaultPermissions: Permission[];
  restrictions: string[];
  /** `type` is 'ephemeral' when the document names only a maxTtl. */
  credentialPolicy?: { type: CredentialPolicyType; maxTtlSeconds?: number };
  escalation: { action: string; requires: string }[];
  /** Where the document starts. */
  location: SourceLocation;
  /**
   * Where keys are written, by path: 'metadata.name', 'spec.agentTypes',
   * 'spec.restrictions[0]', 'spec.credentialPolicy.type', 'spec.credentialPolicy.maxTtl',
   * 'spec.defaultPermissions[0]', 'spec.escalation[0]'. Only keys present appear.
   */
  keyLocations: Record<string, SourceLocation>;
}

export interface LoadPolicyOptions extends PolicyFileOptions {}

interface RawPolicy {
  metadata: { name: string };
  spec: {
    agentTypes: string[];
    defaultPermissions?: Permission[];
    restrictions?: { deny: string }[];
    credentialPolicy?: { type?: CredentialPolicyType; maxTtl?: string | number };
    escalation?: { action: string; requires: string }[];
  };
}

const WHAT = 'AgentPolicy';
const CODE = 'POLICY_INVALID';

/** True when a document declares (or nearly declares) `kind: AgentPolicy`. */
function kindOf(doc: YamlDoc): 'agent-policy' | 'misspelled' | 'other' {
  const value = doc.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'other';
  const kind = (value as { kind?: unknown }).kind;
  if (kind === AGENT_POLICY_KIND) return 'agent-policy';
  if (typeof kind === 'string' && closest(kind, [AGENT_POLICY_KIND])) return 'misspelled';
  // No kind at all, but shaped like an AgentPolicy: the user most likely forgot the kind line.
  const spec = (value as { spec?: unknown }).spec;
  if (kind === undefined && spec && typeof spec === 'object' && 'agentTypes' in spec) return 'misspelled';
  return 'other';
}

/**
 * Parses the AgentPolicy documents among `docs` (other documents, such as deploy policies, are
 * ignored). All problems are thrown together as one AstlErrors.
 */
export function parseAgentPolicies(docs: YamlDoc[]): AgentPolicy[] {
  const errors: AstlError[] = [];
  const policies: AgentPolicy[] = [];
  for (const doc of docs) {
    const kind = kindOf(doc);
    if (kind === 'other') continue;
    if (kind === 'misspelled') {
      const written = (doc.value as { kind?: unknown }).kind;
      errors.push(
        new AstlError(
          written === undefined
            ? 'this document looks like an AgentPolicy but has no `kind:`'
            : `kind '${String(written)}' is not a known kind`,
          {
            code: CODE,
            location: written === undefined ? doc.locate([]) : doc.locate(['kind']),
            hint: `did you mean 'kind: ${AGENT_POLICY_KIND}'? (kinds are case-sensitive)`,
            fix: `kind: ${AGENT_POLICY_KIND}\n`,
          },
        ),
      );
      continue;
    }
    const problems = validateWithSchema(doc, validateAgentPolicy, WHAT, CODE);
    const ttl = (doc.value as RawPolicy).spec?.credentialPolicy?.maxTtl;
    if (problems.length === 0 && ttl !== undefined) {
      try {
        parseDuration(ttl, 'spec.credentialPolicy.maxTtl');
      } catch (err) {
        if (!(err instanceof AstlError)) throw err;
        const location = doc.locate(['spec', 'credentialPolicy', 'maxTtl']);
        problems.push(new AstlError(err.message, { code: CODE, location, hint: err.hintSource }));
      }
    }
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    policies.push(toPolicy(doc));
  }
  const byName = new Map<string, AgentPolicy>();
  for (const p of policies) {
    const first = byName.get(p.name);
    if (!first) {
      byName.set(p.name, p);
      continue;
    }
    errors.push(
      new AstlError(
        `AgentPolicy name '${p.name}' is used twice (also at ${first.file}:${first.keyLocations['metadata.name']?.line ?? '?'})`,
        {
          code: CODE,
          location: p.keyLocations['metadata.name'] ?? p.location,
          hint: 'give each AgentPolicy a unique metadata.name, so refusals and audit records name one policy',
        },
      ),
    );
  }
  if (errors.length > 0) throw new AstlErrors(errors, CODE);
  return policies;
}

/**
 * Loads every AgentPolicy in a policy file or folder. With `missingOk`, a missing path means
 * "no organisation policy" and yields [].
 */
export function loadAgentPolicies(pathOrDir: string, options: LoadPolicyOptions = {}): AgentPolicy[] {
  return parseAgentPolicies(readPolicyDocuments(pathOrDir, options));
}

/** The policies that apply to agents of `type` (listed in agentTypes, or "*"). */
export function policiesForType(policies: readonly AgentPolicy[], type: string): AgentPolicy[] {
  return policies.filter((p) => p.agentTypes.includes(type) || p.agentTypes.includes('*'));
}

function toPolicy(doc: YamlDoc): AgentPolicy {
  const raw = doc.value as RawPolicy;
  const keyLocations: Record<string, SourceLocation> = {};
  const note = (key: string, path: (string | number)[]) => {
    keyLocations[key] = doc.locate(path);
  };
  note('metadata.name', ['metadata', 'name']);
  note('spec.agentTypes', ['spec', 'agentTypes']);
  const spec = raw.spec;
  for (let i = 0; i < (spec.restrictions ?? []).length; i++)
    note(`spec.restrictions[${i}]`, ['spec', 'restrictions', i, 'deny']);
  for (let i = 0; i < (spec.defaultPermissions ?? []).length; i++)
    note(`spec.defaultPermissions[${i}]`, ['spec', 'defaultPermissions', i]);
  for (let i = 0; i < (spec.escalation ?? []).length; i++)
    note(`spec.escalation[${i}]`, ['spec', 'escalation', i]);
  const policy: AgentPolicy = {
    file: doc.file,
    name: raw.metadata.name,
    agentTypes: [...spec.agentTypes],
    defaultPermissions: (spec.defaultPermissions ?? []).map((p) => ({
      resource: p.resource,
      access: p.access,
    })),
    restrictions: (spec.restrictions ?? []).map((r) => r.deny),
    escalation: (spec.escalation ?? []).map((e) => ({ action: e.action, requires: e.requires })),
    location: doc.locate([]),
    keyLocations,
  };
  const cp = spec.credentialPolicy;
  if (cp) {
    note('spec.credentialPolicy', ['spec', 'credentialPolicy']);
    policy.credentialPolicy = { type: cp.type ?? 'ephemeral' };
    if (cp.type !== undefined) {
      note('spec.credentialPolicy.type', ['spec', 'credentialPolicy', 'type']);
    }
    if (cp.maxTtl !== undefined) {
      policy.credentialPolicy.maxTtlSeconds = parseDuration(cp.maxTtl, 'maxTtl');
      note('spec.credentialPolicy.maxTtl', ['spec', 'credentialPolicy', 'maxTtl']);
    }
  }
  return policy;
}
