/**
 * `astl agent create`: self-service registration. Appends one validated entry to the registry,
 * editing the YAML document in place so the file's comments and layout survive, and refuses what
 * the organisation's AgentPolicy forbids before anything is written.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { formatDuration, parseDuration } from '../../../packages/core/duration.js';
import { AstlError, AstlErrors, formatLocation, type SourceLocation } from '../../../packages/core/errors.js';
import { closest } from '../../../packages/core/suggest.js';
import { findControlCharacter } from '../../../packages/core/untrusted-text.js';
import {
  readWorkspaceFile,
  resolveWorkspacePath,
  workspaceScope,
} from '../../../packages/core/workspace-path.js';
import {
  type AgentPolicy,
  type AgentRegistry,
  checkCredentialRequest,
  loadAgentPolicies,
  parseRegistry,
  policiesForType,
} from '../../../packages/registry/index.js';
import { ACCESS_ORDER } from '../../../packages/scanner/rules/agent.js';
import { bool, list, oneLine, type Parsed, str, type VerbSpec } from '../args.js';
import { CLI_NAMES, EXIT, UsageError } from '../exit.js';
import { writeFlagFile } from '../files.js';
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
      description: 'cap on any credential, e.g. 1h (default: 1h, or the policy cap when shorter)',
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
type Field = (typeof REQUIRED)[number] | 'permissions' | 'maxTtl';

/** The flag that sets each field: every refusal names it, never a line of the file not yet written. */
const FLAG: Record<Field, string> = {
  name: '--name',
  type: '--type',
  owner: '--owner',
  purpose: '--purpose',
  permissions: '--permission',
  maxTtl: '--max-ttl',
};
/** The registry key of each field, to find which field a schema or policy refusal is about. */
const KEY: Record<string, Field> = {
  name: 'name',
  type: 'type',
  owner: 'owner',
  purpose: 'purpose',
  permissions: 'permissions',
  'max-ttl': 'maxTtl',
};

/** Access levels `agent create` accepts: the ones the scanner and the gate rank (scanner ACCESS_ORDER). */
const ACCESS_LEVELS: readonly string[] = ACCESS_ORDER;
/** No credential outlives this: AWS STS's longest session (Vault tokens are capped the same way here). */
const MAX_TTL_SECONDS = 12 * 3600;
/** The default max-ttl, interactive or not: 1h, or the AgentPolicy cap when that is shorter. */
const defaultTtlSeconds = (cap: { seconds: number } | undefined) => Math.min(cap?.seconds ?? 3600, 3600);

/** What the checks of one field need: the registry as it is and the AgentPolicies. */
interface Context {
  config: string;
  existingText: string | undefined;
  existing: AgentRegistry | undefined;
  policies: AgentPolicy[];
}

/** A refusal of one field's value, said in terms of its flag. */
interface Problem {
  field: Field;
  message: string;
  hint?: string;
  location?: SourceLocation;
}

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
  const ctx: Context = { config, existingText, existing, policies };

  // Whatever the flags gave is checked before any question, so no answer is asked for in vain.
  const given = fieldProblems(draft, ctx);
  if (given.length > 0) throw refusal(given, draft);
  const missing = REQUIRED.filter((k) => draft[k] === undefined);
  if (missing.length > 0) {
    if (!io.stdinTTY) {
      throw new UsageError(
        `'astl agent create' needs ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on)`,
        `pass them as flags, e.g. ${missing.map((m) => `--${m} ${placeholder(m)}`).join(' ')}`,
      );
    }
    await ask(draft, io, ctx);
  }
  draft.maxTtl ??= formatDuration(defaultTtlSeconds(policyCap(policiesForType(policies, draft.type!))));

  // The whole entry once more, as it will be written (schema, duplicates, AgentPolicies).
  const all = fieldProblems(draft, ctx);
  if (all.length > 0) throw refusal(all, draft);
  const text = appendEntry(existingText, entryOf(draft));
  const name = draft.name!;
  const type = draft.type!;

  if (bool(args, 'dry-run')) {
    io.out(text);
    return EXIT.ok;
  }
  // Replaced atomically, inside the workspace and never through a link (core/workspace-path).
  writeFlagFile('--config', config, text, { scope: workspace });
  io.out(
    `${paint(io, 'green', 'registered')} agent '${name}' (type ${type}, owner ${draft.owner}) in ${str(args, 'config') || 'agent-config.yaml'}`,
  );
  return EXIT.ok;
}

/** The registry entry of a draft (every field set). */
function entryOf(draft: Draft): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: draft.name,
    type: draft.type,
    owner: draft.owner,
    purpose: draft.purpose,
    permissions: (draft.permissions ?? []).map((p) => ({ [p.resource]: p.access })),
    'credential-policy': 'ephemeral',
    'max-ttl': formatDuration(parseDuration(draft.maxTtl!, '--max-ttl')),
    'audit-level': 'full',
  };
  if ((draft.permissions ?? []).length === 0) delete entry['permissions'];
  return entry;
}

/**
 * Every problem of the fields the draft has so far: each field's own rules (name free, access
 * levels known, max-ttl a duration within the caps) and, once name, type, owner and purpose are
 * known, the entry as it would be written, through the registry schema and the credential
 * pre-check for its full max-ttl (packages/registry), each refusal mapped back to its flag.
 */
function fieldProblems(draft: Draft, ctx: Context): Problem[] {
  const problems: Problem[] = [];
  if (draft.name !== undefined) {
    const taken = ctx.existing?.agents.find((a) => a.name === draft.name);
    if (taken) {
      problems.push({
        field: 'name',
        message: `agent '${draft.name}' is already registered (${formatLocation(taken.keyLocations['name'] ?? taken.location)})`,
        hint: 'choose another name, or edit the existing entry',
      });
    }
  }
  for (const p of draft.permissions ?? []) {
    if (!ACCESS_LEVELS.includes(p.access)) {
      const guess = closest(p.access, ACCESS_LEVELS);
      problems.push({
        field: 'permissions',
        message: `access level '${p.access}' of '${p.resource}' is not one of ${ACCESS_LEVELS.join(', ')}`,
        hint: guess ? `did you mean ${p.resource}:${guess}?` : `for example --permission ${p.resource}:read`,
      });
    }
  }
  const applicable = draft.type === undefined ? [] : policiesForType(ctx.policies, draft.type);
  for (const policy of applicable) {
    for (const p of draft.permissions ?? []) {
      const index = policy.restrictions.findIndex((r) => namesRestricted(r, p));
      if (index < 0) continue;
      problems.push({
        field: 'permissions',
        message: `'${p.resource}:${p.access}' is forbidden for agents of type '${draft.type}' by AgentPolicy '${policy.name}' (deny: ${policy.restrictions[index]})`,
        hint: "drop that permission, or ask the policy's owners for an exception",
        location: policy.keyLocations[`spec.restrictions[${index}]`] ?? policy.location,
      });
    }
  }
  const cap = draft.type === undefined ? undefined : policyCap(applicable);
  if (draft.maxTtl !== undefined) {
    let seconds: number | undefined;
    try {
      seconds = parseDuration(draft.maxTtl, '--max-ttl');
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      problems.push({ field: 'maxTtl', message: err.message, hint: 'for example --max-ttl 1h' });
    }
    if (seconds !== undefined && seconds > MAX_TTL_SECONDS) {
      problems.push({
        field: 'maxTtl',
        message: `${formatDuration(seconds)} is longer than any credential this product mints (12h, the AWS STS maximum)`,
        hint: `use --max-ttl ${formatDuration(defaultTtlSeconds(cap))} or another value up to 12h`,
      });
    } else if (seconds !== undefined && cap && seconds > cap.seconds) {
      problems.push({
        field: 'maxTtl',
        message: `${formatDuration(seconds)} is over the ${formatDuration(cap.seconds)} that AgentPolicy '${cap.policy}' allows agents of type '${draft.type}'`,
        hint: `use --max-ttl ${formatDuration(cap.seconds)} or less`,
        ...(cap.location ? { location: cap.location } : {}),
      });
    }
  }
  if (problems.length > 0 || REQUIRED.some((k) => draft[k] === undefined)) return problems;
  return problems.concat(entryRefusals(draft, ctx, cap));
}

/** The registry's and the AgentPolicies' refusals of the entry as it would be written. */
function entryRefusals(draft: Draft, ctx: Context, cap: { seconds: number } | undefined): Problem[] {
  const maxTtl = draft.maxTtl ?? formatDuration(defaultTtlSeconds(cap));
  const text = appendEntry(ctx.existingText, entryOf({ ...draft, maxTtl }));
  const entryLines = newEntryLines(text);
  const fieldAt = (loc: SourceLocation | undefined): Field | undefined =>
    loc && loc.file === ctx.config && loc.line !== undefined ? entryLines.get(loc.line) : undefined;
  const errors: AstlError[] = [];
  try {
    const written = parseRegistry(text, ctx.config);
    const agent = written.agents.find((a) => a.name === draft.name)!;
    checkCredentialRequest(
      { agent, durationSeconds: parseDuration(maxTtl, '--max-ttl'), providers: [], readsSecrets: false },
      ctx.policies,
    );
  } catch (err) {
    if (!(err instanceof AstlError)) throw err;
    errors.push(...(err instanceof AstlErrors ? err.errors : [err]));
  }
  return errors.map((e) => {
    const field =
      fieldAt(e.location) ??
      (e.code === 'DURATION_OVER_CAP'
        ? 'maxTtl'
        : e.code === 'RESTRICTION_VIOLATED'
          ? 'permissions'
          : 'name');
    // A line of the file not yet written means nothing to the user: the flag says it instead.
    const elsewhere = e.location && fieldAt(e.location) === undefined && e.location.file !== ctx.config;
    return {
      field,
      message: e.message
        .replace(/^agents\[\d+\](?:\.[\w-]+|\[\d+\])* is /, '')
        .split(`${ctx.config}:`)
        .join('line ')
        .replace(/line \d+(?::\d+)?/g, 'the new entry'),
      hint:
        e.code === 'RESTRICTION_VIOLATED'
          ? `drop that ${FLAG[field]}, or ask the policy's owners for an exception`
          : e.hintFor(CLI_NAMES),
      ...(elsewhere ? { location: e.location! } : {}),
    };
  });
}

/** Line number → field, for the lines of the last entry under `agents:` (the new one). */
function newEntryLines(text: string): Map<number, Field> {
  const lines = new Map<number, Field>();
  const doc = parseDocument(text);
  const agents = doc.get('agents', true);
  const entry = isSeq(agents) ? agents.items.at(-1) : undefined;
  if (!isMap(entry)) return lines;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const pair of entry.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
    const field = KEY[key];
    const from = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
    const to = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? from;
    if (!field || from === undefined || to === undefined) continue;
    for (let l = lineOf(from); l <= lineOf(Math.max(from, to - 1)); l++) lines.set(l, field);
  }
  return lines;
}

/** The problems as one usage error (several: one line each), in flag terms. */
function refusal(problems: Problem[], draft: Draft): AstlError {
  const errors = problems.map(
    (p) =>
      new AstlError(`${FLAG[p.field]}${flagValue(p.field, draft)}: ${p.message}`, {
        code: 'USAGE',
        ...(p.hint ? { hint: p.hint } : {}),
        ...(p.location ? { location: p.location } : {}),
      }),
  );
  return errors.length === 1 ? errors[0]! : new AstlErrors(errors, 'USAGE');
}

function flagValue(field: Field, draft: Draft): string {
  if (field === 'permissions') return '';
  const v = draft[field];
  return typeof v === 'string' && v !== '' && !/\s/.test(v) ? ` ${v}` : '';
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

/**
 * Asks on the terminal for every field the flags did not give, checking each answer at once
 * (the same checks as the flags: name free, access levels, AgentPolicy restrictions and caps), so
 * a refused answer is asked again and the answers before it are kept.
 */
async function ask(draft: Draft, io: Io, ctx: Context): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Lines through the async iterator are buffered, so answers typed (or pasted) ahead of their
  // question are kept rather than dropped as rl.question would.
  const lines = rl[Symbol.asyncIterator]();
  try {
    /** Asks until `set(answer)` leaves the field without problems. */
    const question = async (
      label: string,
      field: Field,
      set: (answer: string) => string | undefined,
      fallback?: string,
    ) => {
      for (;;) {
        rl.setPrompt(`${label}${fallback ? ` [${fallback}]` : ''}: `);
        rl.prompt();
        const next = await lines.next();
        if (next.done)
          throw new UsageError('agent create cancelled: no answer (end of input)', 'nothing was written');
        const answer = String(next.value).trim() || fallback || '';
        const problem =
          set(answer) ??
          fieldProblems(draft, ctx)
            .filter((p) => p.field === field)
            .map((p) => `${p.message}${p.hint ? ` (${p.hint.replace(/--[a-z-]+ /g, '')})` : ''}`)[0];
        if (!problem) return;
        io.err(`  ${problem}`);
      }
    };
    const text = (field: 'owner' | 'purpose') => (v: string) => {
      draft[field] = undefined;
      if (!v) return 'required';
      if (findControlCharacter(v)) return 'one line of plain text, please (no control characters)';
      draft[field] = v;
      return undefined;
    };
    if (draft.name === undefined)
      await question('Agent name (lowercase letters, digits, -)', 'name', (v) => {
        draft.name = undefined;
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(v)) return 'use lowercase letters, digits and - (at most 63)';
        draft.name = v;
        return undefined;
      });
    if (draft.type === undefined)
      await question('Agent type (e.g. coding-assistant)', 'type', (v) => {
        draft.type = undefined;
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)) return 'use letters, digits, _ . and -';
        draft.type = v;
        return undefined;
      });
    if (draft.owner === undefined)
      await question('Owner (team or person accountable)', 'owner', text('owner'));
    if (draft.purpose === undefined)
      await question('Purpose (why it needs credentials)', 'purpose', text('purpose'));
    if (draft.permissions === undefined) {
      await question(
        `Permissions (resource:access, comma-separated, access one of ${ACCESS_LEVELS.join('/')}; empty for none)`,
        'permissions',
        (v) => {
          draft.permissions = undefined;
          try {
            draft.permissions = splitList(v).map(parsePermission);
            return undefined;
          } catch (err) {
            return (err as Error).message;
          }
        },
      );
    }
    if (draft.maxTtl === undefined) {
      const cap = policyCap(policiesForType(ctx.policies, draft.type!));
      await question(
        'Max credential TTL',
        'maxTtl',
        (v) => {
          draft.maxTtl = v;
          return undefined;
        },
        formatDuration(defaultTtlSeconds(cap)),
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
