/**
 * `astl agent create`: self-service registration. Appends one validated entry to the registry,
 * editing the YAML document in place so the file's comments and layout survive, and refuses what
 * the organisation's AgentPolicy forbids before anything is written.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { formatDuration, parseDuration } from '../../../packages/core/duration.js';
import { AstlError } from '../../../packages/core/errors.js';
import { findControlCharacter } from '../../../packages/core/untrusted-text.js';
import {
  readWorkspaceFile,
  resolveWorkspacePath,
  workspaceScope,
} from '../../../packages/core/workspace-path.js';
import {
  checkCredentialRequest,
  loadAgentPolicies,
  parseRegistry,
  policiesForType,
} from '../../../packages/registry/index.js';
import { bool, list, oneLine, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT, UsageError } from '../exit.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'agent create',
  summary: 'register a new agent in the registry (asks for missing fields on a terminal)',
  usage:
    'astl agent create [--name N --type T --owner O --purpose P --permission res:access ... --max-ttl D] [--config F]',
  flags: {
    name: { type: 'string', value: 'NAME', description: 'unique agent name: lowercase letters, digits, -' },
    type: { type: 'string', value: 'TYPE', description: 'agent type (AgentPolicy documents apply by type)' },
    owner: { type: 'string', value: 'OWNER', description: 'the human or team accountable for the agent' },
    purpose: { type: 'string', value: 'TEXT', description: 'why the agent exists' },
    permission: {
      type: 'string',
      multiple: true,
      value: 'RES:ACCESS',
      description: 'a declared need, e.g. repository:read',
    },
    'max-ttl': {
      type: 'string',
      value: 'DURATION',
      description: 'cap on any credential, e.g. 1h (default: the policy cap, else 1h)',
    },
    config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
    policies: { type: 'string', value: 'DIR', description: 'AgentPolicy folder (default policies)' },
    'dry-run': { type: 'boolean', description: 'print the updated registry instead of writing it' },
  },
  examples: [
    'astl agent create',
    'astl agent create --name review-bot --type coding-assistant --owner platform-team \\',
    '  --purpose "Automated code review" --permission repository:read --permission pull-requests:comment --max-ttl 1h',
  ],
  notes: [
    'Entries are written with credential-policy: ephemeral and audit-level: full.',
    'Without a terminal, every required field must be given as a flag (exit 3 lists what is missing).',
  ],
};

interface Draft {
  name?: string;
  type?: string;
  owner?: string;
  purpose?: string;
  permissions?: { resource: string; access: string }[];
  maxTtl?: string;
}

const REQUIRED = ['name', 'type', 'owner', 'purpose'] as const;

export async function run(args: Parsed, io: Io): Promise<number> {
  const config = str(args, 'config') || 'agent-config.yaml';
  const policiesDir = str(args, 'policies') || 'policies';
  const draft: Draft = {
    name: str(args, 'name')?.trim() || undefined,
    type: str(args, 'type')?.trim() || undefined,
    owner: oneLine(args, 'owner'),
    purpose: oneLine(args, 'purpose'),
    maxTtl: str(args, 'max-ttl')?.trim() || undefined,
  };
  const perms = list(args, 'permission');
  if (perms.length > 0) draft.permissions = perms.map(parsePermission);

  const workspace = workspaceScope(io.env, io.cwd);
  resolveWorkspacePath(config, workspace, { what: '--config' });
  const existingText = existsSync(config)
    ? readWorkspaceFile(config, workspace, { what: '--config' }).toString('utf8')
    : undefined;
  const existing = existingText === undefined ? undefined : parseRegistry(existingText, config);
  const policies = loadAgentPolicies(policiesDir, {
    missingOk: true,
    workspace,
    use: { what: '--policies' },
  });

  const missing = REQUIRED.filter((k) => draft[k] === undefined);
  if (missing.length > 0) {
    if (!io.stdinTTY) {
      throw new UsageError(
        `'astl agent create' needs ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on)`,
        `pass them as flags, e.g. ${missing.map((m) => `--${m} ${placeholder(m)}`).join(' ')}`,
      );
    }
    await ask(draft, io, (type) => policyCap(policiesForType(policies, type)));
  }

  const name = draft.name!;
  const type = draft.type!;
  if (existing?.agents.some((a) => a.name === name)) {
    const taken = existing.agents.find((a) => a.name === name)!;
    throw new AstlError(`agent '${name}' is already registered`, {
      code: 'AGENT_EXISTS',
      location: taken.keyLocations['name'] ?? taken.location,
      hint: 'choose another name, or edit the existing entry',
    });
  }

  const applicable = policiesForType(policies, type);
  const cap = policyCap(applicable);
  const maxTtlSeconds =
    draft.maxTtl !== undefined ? parseDuration(draft.maxTtl, '--max-ttl') : (cap?.seconds ?? 3600);
  if (cap && maxTtlSeconds > cap.seconds) {
    throw new AstlError(
      `--max-ttl ${formatDuration(maxTtlSeconds)} is over the ${formatDuration(cap.seconds)} that AgentPolicy '${cap.policy}' allows agents of type '${type}'`,
      {
        code: 'POLICY_VIOLATION',
        location: cap.location,
        hint: `use --max-ttl ${formatDuration(cap.seconds)} or less`,
      },
    );
  }
  for (const policy of applicable) {
    for (const p of draft.permissions ?? []) {
      const index = policy.restrictions.findIndex((r) => namesRestricted(r, p));
      if (index >= 0) {
        throw new AstlError(
          `permission '${p.resource}: ${p.access}' is forbidden for agents of type '${type}' by AgentPolicy '${policy.name}' (deny: ${policy.restrictions[index]})`,
          {
            code: 'RESTRICTION_VIOLATED',
            location: policy.keyLocations[`spec.restrictions[${index}]`] ?? policy.location,
            hint: 'drop that permission, or ask the policy owners for an exception',
          },
        );
      }
    }
  }

  const entry: Record<string, unknown> = {
    name,
    type,
    owner: draft.owner!,
    purpose: draft.purpose!,
    permissions: (draft.permissions ?? []).map((p) => ({ [p.resource]: p.access })),
    'credential-policy': 'ephemeral',
    'max-ttl': formatDuration(maxTtlSeconds),
    'audit-level': 'full',
  };
  if ((draft.permissions ?? []).length === 0) delete entry['permissions'];

  const text = appendEntry(existingText, entry);
  // Validate the whole file as it will be written (schema, duplicates), then the new agent against
  // the AgentPolicies exactly as a credential request for its full max-ttl would be checked.
  const written = parseRegistry(text, config);
  const agent = written.agents.find((a) => a.name === name)!;
  checkCredentialRequest(
    { agent, durationSeconds: maxTtlSeconds, providers: [], readsSecrets: false },
    policies,
  );

  if (bool(args, 'dry-run')) {
    io.out(text);
    return EXIT.ok;
  }
  const temp = `${config}.astl-tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, config);
  io.out(
    `${paint(io, 'green', 'registered')} agent '${name}' (type ${type}, owner ${draft.owner}) in ${str(args, 'config') || 'agent-config.yaml'}`,
  );
  return EXIT.ok;
}

/** Adds the entry under `agents:` of the existing document, keeping its comments and layout. */
export function appendEntry(existingText: string | undefined, entry: Record<string, unknown>): string {
  const doc = parseDocument(existingText ?? 'agents: []\n');
  if (existingText !== undefined && doc.contents === null) {
    // A file with only comments: keep them above the new list.
    doc.contents = doc.createNode({ agents: [] }) as unknown as typeof doc.contents;
  }
  if (!isMap(doc.contents)) {
    throw new AstlError('the agent registry must be a mapping with an `agents:` list', {
      code: 'REGISTRY_INVALID',
      hint: 'start the file with `agents:`',
    });
  }
  let agents = doc.get('agents', true);
  if (agents === undefined || agents === null || (!isSeq(agents) && isEmptyScalar(agents))) {
    agents = new YAMLSeq();
    doc.set('agents', agents);
  }
  if (!isSeq(agents)) {
    throw new AstlError('`agents:` in the registry must be a list', { code: 'REGISTRY_INVALID' });
  }
  agents.flow = false;
  const node = doc.createNode(entry);
  agents.add(node);
  return doc.toString({ lineWidth: 0 });
}

function isEmptyScalar(node: unknown): boolean {
  return (
    typeof node === 'object' && node !== null && 'value' in node && (node as { value: unknown }).value == null
  );
}

function parsePermission(text: string): { resource: string; access: string } {
  const m = /^\s*([^:\s]+)\s*[:=]\s*([^:\s]+)\s*$/.exec(text);
  if (!m) {
    throw new UsageError(
      `--permission '${text}' is not RESOURCE:ACCESS`,
      'for example --permission repository:read',
    );
  }
  return { resource: m[1]!, access: m[2]! };
}

/**
 * Whether a declared permission names what an AgentPolicy restriction denies (`deny: secrets` and
 * a `secrets: read` permission). Write access is checked by the credentials pre-check.
 */
function namesRestricted(restriction: string, p: { resource: string }): boolean {
  const resource = p.resource.toLowerCase();
  if (restriction === 'secrets') return resource.includes('secret');
  if (restriction === 'production-access')
    return /(^|[-_.:/])(prod|production|prd)($|[-_.:/])/.test(resource);
  return false;
}

function policyCap(
  policies: ReturnType<typeof policiesForType>,
): { seconds: number; policy: string; location: AstlError['location'] } | undefined {
  let cap: { seconds: number; policy: string; location: AstlError['location'] } | undefined;
  for (const p of policies) {
    const s = p.credentialPolicy?.maxTtlSeconds;
    if (s !== undefined && (cap === undefined || s < cap.seconds)) {
      cap = {
        seconds: s,
        policy: p.name,
        location: p.keyLocations['spec.credentialPolicy.maxTtl'] ?? p.location,
      };
    }
  }
  return cap;
}

function placeholder(field: string): string {
  return (
    { name: 'my-agent', type: 'coding-assistant', owner: 'platform-team', purpose: '"why it exists"' }[
      field
    ] ?? 'VALUE'
  );
}

/** Asks on the terminal for every field the flags did not give. */
async function ask(
  draft: Draft,
  io: Io,
  capFor: (type: string) => { seconds: number } | undefined,
): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Lines through the async iterator are buffered, so answers typed (or pasted) ahead of their
  // question are kept rather than dropped as rl.question would.
  const lines = rl[Symbol.asyncIterator]();
  try {
    const question = async (label: string, check: (v: string) => string | undefined, fallback?: string) => {
      for (;;) {
        rl.setPrompt(`${label}${fallback ? ` [${fallback}]` : ''}: `);
        rl.prompt();
        const next = await lines.next();
        if (next.done)
          throw new UsageError('agent create cancelled: no answer (end of input)', 'nothing was written');
        const answer = String(next.value).trim() || fallback || '';
        const problem = check(answer);
        if (!problem) return answer;
        io.err(`  ${problem}`);
      }
    };
    const nonEmpty = (v: string) => (v ? undefined : 'required');
    const oneLineText = (v: string) =>
      !v
        ? 'required'
        : findControlCharacter(v)
          ? 'one line of plain text, please (no control characters)'
          : undefined;
    draft.name ??= await question('Agent name (lowercase letters, digits, -)', (v) =>
      /^[a-z0-9][a-z0-9-]*$/.test(v) ? undefined : 'use lowercase letters, digits and -',
    );
    draft.type ??= await question('Agent type (e.g. coding-assistant)', nonEmpty);
    draft.owner ??= await question('Owner (team or person accountable)', oneLineText);
    draft.purpose ??= await question('Purpose (why it needs credentials)', oneLineText);
    if (draft.permissions === undefined) {
      const answer = await question(
        'Permissions (resource:access, comma-separated; empty for none)',
        (v) => {
          try {
            splitList(v).map(parsePermission);
            return undefined;
          } catch (err) {
            return (err as Error).message;
          }
        },
        undefined,
      );
      draft.permissions = splitList(answer).map(parsePermission);
    }
    if (draft.maxTtl === undefined) {
      const cap = capFor(draft.type);
      draft.maxTtl = await question(
        'Max credential TTL',
        (v) => {
          try {
            parseDuration(v, 'max-ttl');
            return undefined;
          } catch (err) {
            return (err as Error).message;
          }
        },
        formatDuration(Math.min(cap?.seconds ?? 3600, 3600)),
      );
    }
  } finally {
    rl.close();
  }
}

function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
