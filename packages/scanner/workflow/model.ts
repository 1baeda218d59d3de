/**
 * A parsed GitHub Actions workflow or action definition, built from a resolved YAML tree
 * (./yaml.ts: aliases and merge keys already expanded), with the YAML node of every value so
 * rules can report positions. Shapes follow GitHub's "Workflow syntax" and "Metadata syntax"
 * references; anything of an unexpected type is kept as its node and left for rules to judge,
 * never thrown on.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';

/** One `key: value` of a mapping, key as text. */
export interface Entry {
  key: string;
  keyNode: Node;
  value: Node | null;
  /** The value as text when it is a scalar (numbers and booleans too). */
  text?: string;
}

/** A parsed `uses:` reference. */
export interface UsesRef {
  raw: string;
  node: Node;
  kind: 'local' | 'docker' | 'repository' | 'invalid';
  /** repository: `owner`, `repo`, optional `path` inside it (`github/codeql-action/upload-sarif`). */
  owner?: string;
  repo?: string;
  path?: string;
  /** repository: the part after `@` (empty when missing). */
  ref?: string;
  /** docker: `image` without tag/digest, `tag`, `digest` (`sha256:…`). */
  image?: string;
  tag?: string;
  digest?: string;
  /** A full commit SHA (repository) or a digest (docker). */
  pinned: boolean;
  /** `jobs.<id>.uses` calls a reusable workflow. */
  reusableWorkflow: boolean;
}

export type PermissionLevel = 'none' | 'read' | 'write';

/** A `permissions:` block as written. */
export interface PermissionSet {
  node: Node;
  kind: 'read-all' | 'write-all' | 'scopes' | 'expression' | 'invalid';
  /** `scopes` only: scope name -> level and where it is written. `{}` is an empty map. */
  scopes: Map<string, { level: PermissionLevel | string; node: Node }>;
}

/** The permissions a job's GITHUB_TOKEN actually gets, and from where. */
export interface EffectivePermissions {
  /**
   * `job`: its own block; `workflow`: the workflow's block; `default`: neither, so the
   * repository/organisation default (possibly write to everything); `caller`: a reusable
   * workflow (`on: workflow_call` only) gets its caller's.
   */
  source: 'job' | 'workflow' | 'default' | 'caller';
  declared?: PermissionSet;
  /** The level of one scope; `unknown` under the default or the caller's token. */
  level(scope: string): PermissionLevel | 'unknown';
}

export interface Step {
  /** 0-based position in the job's (or composite action's) `steps:`. */
  index: number;
  node: Node;
  id?: string;
  name?: string;
  if?: Entry;
  uses?: UsesRef;
  run?: Entry;
  shell?: string;
  with: Entry[];
  env: Entry[];
  /** Scalar `env: ${{ fromJSON(…) }}` (the whole map from an expression). */
  envExpression?: Entry;
  workingDirectory?: string;
  /** The job the step belongs to; undefined in a composite action. */
  job?: Job;
}

export interface Job {
  id: string;
  keyNode: Node;
  node: Node;
  name?: string;
  if?: Entry;
  runsOn?: Node;
  permissions?: PermissionSet;
  effectivePermissions: EffectivePermissions;
  env: Entry[];
  envExpression?: Entry;
  /** A reusable workflow call (`jobs.<id>.uses`). */
  uses?: UsesRef;
  with: Entry[];
  /** `secrets: inherit` or a map of secrets passed to a reusable workflow. */
  secrets?: { inherit: boolean; node: Node; entries: Entry[] };
  strategy?: { node: Node; matrix?: Node };
  container?: Node;
  services: Entry[];
  needs: string[];
  environment?: Node;
  /** `outputs:` of the job (values are usually `${{ steps.<id>.outputs.<name> }}`). */
  outputs: Entry[];
  steps: Step[];
}

export interface Trigger {
  event: string;
  node: Node;
  /** The event's configuration (`types:`, `branches:`, `inputs:`), null when none. */
  config: Node | null;
}

/** A declared input (workflow_dispatch / workflow_call / action `inputs:`). */
export interface InputDecl {
  name: string;
  node: Node;
  type?: string;
  source: 'workflow_dispatch' | 'workflow_call' | 'action';
}

export interface WorkflowModel {
  kind: 'workflow';
  root: YAMLMap;
  name?: string;
  triggers: Trigger[];
  /** Event names, lower-case. */
  events: Set<string>;
  /** Where `on:` is written (its key). */
  onNode?: Node;
  permissions?: PermissionSet;
  permissionsKey?: Node;
  env: Entry[];
  envExpression?: Entry;
  inputs: Map<string, InputDecl>;
  jobs: Job[];
  jobsKey?: Node;
}

export interface ActionModel {
  kind: 'action';
  root: YAMLMap;
  name?: string;
  description?: string;
  inputs: Map<string, InputDecl>;
  runs?: Node;
  /** `runs.using`: `composite`, `docker`, `node20`… */
  using?: string;
  /** Docker actions: `runs.image` (`Dockerfile`, `docker://…`). */
  image?: Entry;
  /** Docker actions: `runs.env`. */
  env: Entry[];
  /** Composite actions: `runs.steps`. */
  steps: Step[];
}

export type DefinitionModel = WorkflowModel | ActionModel;

// ---------------------------------------------------------------------------------------------
// Node helpers

export function entriesOf(node: unknown): Entry[] {
  if (!isMap(node)) return [];
  const out: Entry[] = [];
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const value = (item.value as Node | null) ?? null;
    const entry: Entry = { key: String(item.key.value), keyNode: item.key as Node, value };
    const text = scalarText(value);
    if (text !== undefined) entry.text = text;
    out.push(entry);
  }
  return out;
}

export function entry(node: unknown, key: string): Entry | undefined {
  return entriesOf(node).find((e) => e.key === key);
}

export function valueAt(node: unknown, key: string): Node | null | undefined {
  return entry(node, key)?.value;
}

export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function itemsOf(node: unknown): Node[] {
  return isSeq(node) ? (node.items.filter((n) => n && typeof n === 'object') as Node[]) : [];
}

// ---------------------------------------------------------------------------------------------
// Shapes

/** A mapping with `on:` and `jobs:` is a workflow wherever it is stored. */
export function isWorkflowShape(root: unknown): root is YAMLMap {
  return (
    isMap(root) && entry(root, 'jobs') !== undefined && (entry(root, 'on') !== undefined || hasTrueKey(root))
  );
}

/** A mapping with `runs:` and a `name:` or `description:` is an action definition. */
export function isActionShape(root: unknown): root is YAMLMap {
  return (
    isMap(root) &&
    isMap(valueAt(root, 'runs')) &&
    (entry(root, 'name') !== undefined || entry(root, 'description') !== undefined) &&
    entry(root, 'jobs') === undefined
  );
}

/** YAML 1.1 readers turn an unquoted `on` into `true`; accept that spelling too. */
function hasTrueKey(root: YAMLMap): boolean {
  return root.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === true);
}

// ---------------------------------------------------------------------------------------------
// uses:

const SHA = /^[0-9a-f]{40}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;

/** Parses `owner/repo[/path]@ref`, `./local`, `docker://image[:tag][@sha256:…]`. */
export function parseUses(raw: string, node: Node, reusableWorkflow = false): UsesRef {
  const text = raw.trim();
  const base = { raw: text, node, reusableWorkflow };
  if (text.startsWith('./') || text.startsWith('.\\') || text === '.') {
    return { ...base, kind: 'local', pinned: true };
  }
  if (/^docker:\/\//i.test(text)) {
    const image = text.slice('docker://'.length);
    const at = image.indexOf('@');
    const digest = at === -1 ? undefined : image.slice(at + 1);
    const nameTag = at === -1 ? image : image.slice(0, at);
    const slash = nameTag.lastIndexOf('/');
    const colon = nameTag.lastIndexOf(':');
    const tag = colon > slash ? nameTag.slice(colon + 1) : undefined;
    const name = colon > slash ? nameTag.slice(0, colon) : nameTag;
    const pinned = !!digest && /^sha256:[0-9a-f]{64}$/i.test(digest);
    return {
      ...base,
      kind: 'docker',
      image: name,
      ...(tag !== undefined ? { tag } : {}),
      ...(digest !== undefined ? { digest } : {}),
      pinned,
    };
  }
  const at = text.lastIndexOf('@');
  const name = at === -1 ? text : text.slice(0, at);
  const ref = at === -1 ? '' : text.slice(at + 1);
  const parts = name.split('/');
  if (parts.length < 2 || !parts[0] || !parts[1]) return { ...base, kind: 'invalid', ref, pinned: false };
  const path = parts.slice(2).join('/');
  return {
    ...base,
    kind: 'repository',
    owner: parts[0],
    repo: parts[1],
    ...(path ? { path } : {}),
    ref,
    pinned: SHA.test(ref) || SHA256.test(ref),
  };
}

// ---------------------------------------------------------------------------------------------
// permissions:

export function readPermissions(node: Node | null | undefined): PermissionSet | undefined {
  if (node === null || node === undefined) return undefined;
  const scopes = new Map<string, { level: string; node: Node }>();
  const text = scalarText(node);
  if (text !== undefined) {
    const lower = text.trim().toLowerCase();
    if (lower === 'read-all' || lower === 'write-all') return { node, kind: lower, scopes };
    if (text.includes('${{')) return { node, kind: 'expression', scopes };
    return { node, kind: 'invalid', scopes };
  }
  if (isMap(node)) {
    for (const e of entriesOf(node)) {
      if (e.value)
        scopes.set(e.key.toLowerCase(), { level: (e.text ?? '').trim().toLowerCase(), node: e.value });
    }
    return { node, kind: 'scopes', scopes };
  }
  if (isScalar(node) && node.value === null) return { node, kind: 'scopes', scopes };
  return { node, kind: 'invalid', scopes };
}

function effective(
  source: EffectivePermissions['source'],
  declared: PermissionSet | undefined,
): EffectivePermissions {
  return {
    source,
    ...(declared ? { declared } : {}),
    level(scope: string) {
      if (!declared) return 'unknown';
      if (declared.kind === 'write-all') return 'write';
      if (declared.kind === 'read-all') return 'read';
      if (declared.kind !== 'scopes') return 'unknown';
      const got = declared.scopes.get(scope.toLowerCase())?.level;
      if (got === 'read' || got === 'write' || got === 'none') return got;
      return 'none';
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Steps and jobs

function readSteps(node: Node | null | undefined, job?: Job): Step[] {
  return itemsOf(node).map((stepNode, index) => readStep(stepNode, index, job));
}

function readStep(node: Node, index: number, job?: Job): Step {
  const step: Step = { index, node, with: [], env: [] };
  if (job) step.job = job;
  for (const e of entriesOf(node)) {
    switch (e.key) {
      case 'id':
        if (e.text !== undefined) step.id = e.text;
        break;
      case 'name':
        if (e.text !== undefined) step.name = e.text;
        break;
      case 'if':
        step.if = e;
        break;
      case 'uses':
        if (e.text !== undefined && e.value) step.uses = parseUses(e.text, e.value);
        break;
      case 'run':
        step.run = e;
        break;
      case 'shell':
        if (e.text !== undefined) step.shell = e.text;
        break;
      case 'with':
        step.with = entriesOf(e.value);
        break;
      case 'env':
        if (isMap(e.value)) step.env = entriesOf(e.value);
        else if (e.text !== undefined) step.envExpression = e;
        break;
      case 'working-directory':
        if (e.text !== undefined) step.workingDirectory = e.text;
        break;
      default:
        break;
    }
  }
  return step;
}

function readJob(e: Entry, workflowPermissions: PermissionSet | undefined, reusableOnly: boolean): Job {
  const node = e.value ?? e.keyNode;
  const job: Job = {
    id: e.key,
    keyNode: e.keyNode,
    node,
    effectivePermissions: effective('default', undefined),
    env: [],
    with: [],
    services: [],
    needs: [],
    outputs: [],
    steps: [],
  };
  let stepsNode: Node | null | undefined;
  for (const f of entriesOf(node)) {
    switch (f.key) {
      case 'name':
        if (f.text !== undefined) job.name = f.text;
        break;
      case 'if':
        job.if = f;
        break;
      case 'runs-on':
        if (f.value) job.runsOn = f.value;
        break;
      case 'permissions': {
        const p = readPermissions(f.value ?? f.keyNode);
        if (p) job.permissions = p;
        break;
      }
      case 'env':
        if (isMap(f.value)) job.env = entriesOf(f.value);
        else if (f.text !== undefined) job.envExpression = f;
        break;
      case 'uses':
        if (f.text !== undefined && f.value) job.uses = parseUses(f.text, f.value, true);
        break;
      case 'with':
        job.with = entriesOf(f.value);
        break;
      case 'secrets':
        if (f.value) {
          job.secrets = {
            inherit: (f.text ?? '').trim() === 'inherit',
            node: f.value,
            entries: entriesOf(f.value),
          };
        }
        break;
      case 'strategy': {
        if (f.value) {
          const matrix = valueAt(f.value, 'matrix');
          job.strategy = { node: f.value, ...(matrix ? { matrix } : {}) };
        }
        break;
      }
      case 'container':
        if (f.value) job.container = f.value;
        break;
      case 'services':
        job.services = entriesOf(f.value);
        break;
      case 'needs':
        job.needs = f.text !== undefined ? [f.text] : itemsOf(f.value).map(scalarText).filter(isString);
        break;
      case 'environment':
        if (f.value) job.environment = f.value;
        break;
      case 'outputs':
        job.outputs = entriesOf(f.value);
        break;
      case 'steps':
        stepsNode = f.value;
        break;
      default:
        break;
    }
  }
  job.effectivePermissions = job.permissions
    ? effective('job', job.permissions)
    : workflowPermissions
      ? effective('workflow', workflowPermissions)
      : effective(reusableOnly ? 'caller' : 'default', undefined);
  job.steps = readSteps(stepsNode, job);
  return job;
}

function isString(x: string | undefined): x is string {
  return x !== undefined;
}

function readTriggers(on: Node | null | undefined): Trigger[] {
  if (!on) return [];
  const text = scalarText(on);
  if (text !== undefined) return [{ event: text.trim().toLowerCase(), node: on, config: null }];
  if (isSeq(on)) {
    return itemsOf(on)
      .map((n) => ({ event: (scalarText(n) ?? '').trim().toLowerCase(), node: n, config: null }))
      .filter((t) => t.event);
  }
  return entriesOf(on).map((e) => ({ event: e.key.toLowerCase(), node: e.keyNode, config: e.value }));
}

function readInputs(
  node: Node | null | undefined,
  source: InputDecl['source'],
  into: Map<string, InputDecl>,
): void {
  for (const e of entriesOf(node)) {
    const type = scalarText(valueAt(e.value, 'type'))?.toLowerCase();
    into.set(e.key.toLowerCase(), { name: e.key, node: e.keyNode, source, ...(type ? { type } : {}) });
  }
}

/** Reads a workflow from its resolved root mapping (see isWorkflowShape). */
export function readWorkflow(root: YAMLMap): WorkflowModel {
  const onEntry = entry(root, 'on') ?? entriesOfAnyKey(root).find((e) => e.keyValue === true)?.entry;
  const triggers = readTriggers(onEntry?.value);
  const events = new Set(triggers.map((t) => t.event));
  const model: WorkflowModel = {
    kind: 'workflow',
    root,
    triggers,
    events,
    env: [],
    inputs: new Map(),
    jobs: [],
  };
  if (onEntry) model.onNode = onEntry.keyNode;
  const name = scalarText(valueAt(root, 'name'));
  if (name !== undefined) model.name = name;
  const perms = entry(root, 'permissions');
  if (perms) {
    const p = readPermissions(perms.value ?? perms.keyNode);
    if (p) model.permissions = p;
    model.permissionsKey = perms.keyNode;
  }
  const env = entry(root, 'env');
  if (env && isMap(env.value)) model.env = entriesOf(env.value);
  else if (env?.text !== undefined) model.envExpression = env;
  for (const t of triggers) {
    if (t.event === 'workflow_dispatch' || t.event === 'workflow_call') {
      readInputs(valueAt(t.config, 'inputs'), t.event, model.inputs);
    }
  }
  const reusableOnly = events.size > 0 && [...events].every((e) => e === 'workflow_call');
  const jobs = entry(root, 'jobs');
  if (jobs) model.jobsKey = jobs.keyNode;
  model.jobs = entriesOf(jobs?.value).map((e) => readJob(e, model.permissions, reusableOnly));
  return model;
}

function entriesOfAnyKey(root: YAMLMap): { keyValue: unknown; entry: Entry }[] {
  const out: { keyValue: unknown; entry: Entry }[] = [];
  for (const item of root.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    out.push({
      keyValue: item.key.value,
      entry: {
        key: String(item.key.value),
        keyNode: item.key as Node,
        value: (item.value as Node | null) ?? null,
      },
    });
  }
  return out;
}

/** Reads an action definition (`action.yml`) from its resolved root mapping. */
export function readAction(root: YAMLMap): ActionModel {
  const model: ActionModel = { kind: 'action', root, inputs: new Map(), env: [], steps: [] };
  const name = scalarText(valueAt(root, 'name'));
  if (name !== undefined) model.name = name;
  const description = scalarText(valueAt(root, 'description'));
  if (description !== undefined) model.description = description;
  readInputs(valueAt(root, 'inputs'), 'action', model.inputs);
  const runs = valueAt(root, 'runs');
  if (runs) {
    model.runs = runs;
    const using = scalarText(valueAt(runs, 'using'));
    if (using !== undefined) model.using = using.trim().toLowerCase();
    const image = entry(runs, 'image');
    if (image) model.image = image;
    model.env = entriesOf(valueAt(runs, 'env'));
    model.steps = readSteps(valueAt(runs, 'steps'));
  }
  return model;
}

/** Every step of a workflow or action, with its job (workflows). */
export function allSteps(model: DefinitionModel): Step[] {
  return model.kind === 'action' ? model.steps : model.jobs.flatMap((j) => j.steps);
}
