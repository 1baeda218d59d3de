/**
 * Deploy policies (snake_case, schemas/deploy-policy.schema.json): loading, validation beyond
 * what the schema can say (duplicate action names, CEL that does not parse, host globs, image
 * repositories), compilation of expressions, and the policy digest auditors pin.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import deployPolicySchema from '../../schemas/deploy-policy.schema.json' with { type: 'json' };
import {
  AstlError,
  AstlErrors,
  formatLocation,
  type SourceLocation,
  validateWithSchema,
  type YamlDoc,
} from '../core/index.js';
import { validate as validateDeployPolicy } from '../core/schema-validators/deploy-policy.js';
import { parseImageReference } from '../oci/reference.js';
import { parseAgentPolicies } from '../registry/agent-policy.js';
import { type PolicyFileOptions, type PolicySource, readPolicySet } from '../registry/policy-files.js';
import { compileExpression } from './expressions.js';
import { hostGlobProblem, normalizeGlob, textParamProblem } from './hosts.js';
import type { ActionRule, AllowedImage, DeployPolicy, GateAgentPolicy, LoadedPolicies } from './types.js';

export { deployPolicySchema };

const CODE = 'POLICY_INVALID';
const WHAT = 'deploy policy';

interface RawAction {
  name: string;
  allowed_environments?: string[];
  approval_needed?: string | boolean;
  allowed_images?: ({ digest: string } | { repository: string })[];
  max_replicas?: number;
  max_per_day?: number;
  allowed_hosts?: string[];
  text_params?: string[];
  deny_when?: string;
}

interface RawDeployPolicy {
  agent: string;
  actions: RawAction[];
}

/** A document is a deploy policy when it has `actions:`, or `agent:` without a `kind:`. */
export function isDeployPolicyDocument(doc: YamlDoc): boolean {
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return 'actions' in v || ('agent' in v && !('kind' in v));
}

/** `file:line` of a location (no column: rules are named by line). */
export function lineOf(loc: SourceLocation): string {
  return formatLocation({ file: loc.file, line: loc.line });
}

/** Parses and checks the deploy policies among `docs`; every problem is thrown together. */
export function parseDeployPolicies(docs: YamlDoc[]): DeployPolicy[] {
  const errors: AstlError[] = [];
  const policies: DeployPolicy[] = [];
  for (const doc of docs) {
    if (!isDeployPolicyDocument(doc)) continue;
    const schemaErrors = validateWithSchema(doc, validateDeployPolicy, WHAT, CODE);
    if (schemaErrors.length > 0) {
      errors.push(...schemaErrors);
      continue;
    }
    const raw = doc.value as RawDeployPolicy;
    const policy: DeployPolicy = { agent: raw.agent, file: doc.file, location: doc.locate([]), actions: [] };
    const firstByName = new Map<string, SourceLocation>();
    raw.actions.forEach((action, i) => {
      const nameAt = doc.locate(['actions', i, 'name']);
      const first = firstByName.get(action.name);
      if (first) {
        errors.push(
          new AstlError(
            `action '${action.name}' is defined twice in this policy (lines ${first.line} and ${nameAt.line}); the gate would not know which rules apply`,
            {
              code: CODE,
              location: nameAt,
              hint: `merge the two '${action.name}' entries (first at ${lineOf(first)}) into one`,
            },
          ),
        );
        return;
      }
      firstByName.set(action.name, nameAt);
      const rule = compileAction(doc, action, i, errors);
      if (rule) policy.actions.push(rule);
    });
    policies.push(policy);
  }
  if (errors.length > 0) throw new AstlErrors(errors, CODE);
  return policies;
}

function compileAction(
  doc: YamlDoc,
  action: RawAction,
  i: number,
  errors: AstlError[],
): ActionRule | undefined {
  const keyAt: Record<string, string> = {};
  const at = (key: string) => doc.locateKey(['actions', i, key]);
  for (const key of Object.keys(action)) keyAt[key] = lineOf(at(key));
  const rule: ActionRule = { name: action.name, at: lineOf(doc.locate(['actions', i])), keyAt };
  const before = errors.length;

  if (action.allowed_environments) rule.allowedEnvironments = [...action.allowed_environments];
  if (action.max_replicas !== undefined) rule.maxReplicas = action.max_replicas;
  if (action.max_per_day !== undefined) rule.maxPerDay = action.max_per_day;

  for (const key of ['approval_needed', 'deny_when'] as const) {
    const value = action[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') {
      if (key === 'approval_needed') rule.approvalNeeded = value;
      continue;
    }
    try {
      const compiled = compileExpression(value, key, doc.locate(['actions', i, key]));
      if (key === 'approval_needed') rule.approvalNeeded = compiled;
      else rule.denyWhen = compiled;
    } catch (err) {
      errors.push(err as AstlError);
    }
  }

  if (action.allowed_hosts) {
    rule.allowedHosts = [];
    action.allowed_hosts.forEach((glob, j) => {
      const problem = hostGlobProblem(glob);
      if (problem) {
        errors.push(
          new AstlError(`allowed_hosts[${j}] ${JSON.stringify(glob)} is not a valid host glob: ${problem}`, {
            code: CODE,
            location: doc.locate(['actions', i, 'allowed_hosts', j]),
            hint: '"*" matches one DNS label, "**" one or more: "*.acme.internal", "**.acme.internal", "api.example.com"',
          }),
        );
      } else {
        rule.allowedHosts!.push(normalizeGlob(glob));
      }
    });
  }

  if (action.text_params) {
    rule.textParams = [];
    action.text_params.forEach((entry, j) => {
      const problem = textParamProblem(entry);
      if (problem) {
        errors.push(
          new AstlError(`text_params[${j}] ${JSON.stringify(entry)} is not a param name: ${problem}`, {
            code: CODE,
            location: doc.locate(['actions', i, 'text_params', j]),
            hint: 'list the params whose values are text or identifiers, e.g. text_params: [ticket, release.notes]',
          }),
        );
      } else {
        rule.textParams!.push(entry);
      }
    });
    if (!action.allowed_hosts) {
      errors.push(
        new AstlError(
          'text_params only changes how allowed_hosts reads params, and this action has no allowed_hosts',
          {
            code: CODE,
            location: doc.locate(['actions', i, 'text_params']),
            hint: 'add allowed_hosts, or remove text_params',
          },
        ),
      );
    }
  }

  if (action.allowed_images) {
    rule.allowedImages = [];
    action.allowed_images.forEach((entry, j) => {
      const where = lineOf(doc.locate(['actions', i, 'allowed_images', j]));
      if ('digest' in entry) {
        rule.allowedImages!.push({ digest: entry.digest, at: where });
        return;
      }
      const image = normalizeRepository(entry.repository);
      if (typeof image === 'string') {
        rule.allowedImages!.push({ repository: image, at: where } satisfies AllowedImage);
      } else {
        errors.push(
          new AstlError(
            `allowed_images[${j}].repository ${JSON.stringify(entry.repository)}: ${image.problem}`,
            {
              code: CODE,
              location: doc.locate(['actions', i, 'allowed_images', j, 'repository']),
              hint: 'name the repository only, e.g. ghcr.io/acme/app; to allow one image exactly, use `digest: sha256:…`',
            },
          ),
        );
      }
    });
  }
  return errors.length === before ? rule : undefined;
}

/** `registry/path` as the resolver names it, or why the entry is not a bare repository. */
export function normalizeRepository(text: string): string | { problem: string } {
  const trimmed = text.trim();
  if (trimmed.includes('@')) return { problem: 'a repository entry must not carry a digest' };
  const lastSlash = trimmed.lastIndexOf('/');
  if (trimmed.lastIndexOf(':') > lastSlash) {
    return { problem: 'a repository entry must not carry a tag (tags move; the gate never trusts them)' };
  }
  try {
    const ref = parseImageReference(trimmed);
    return ref.name;
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/** The AgentPolicy parts the gate enforces (restrictions such as `production-access`). */
function toGateAgentPolicies(docs: YamlDoc[]): GateAgentPolicy[] {
  return parseAgentPolicies(docs).map((p) => ({
    name: p.name,
    file: p.file,
    at: lineOf(p.location),
    agentTypes: p.agentTypes,
    restrictions: p.restrictions,
    restrictionAt: p.restrictions.map((_, i) => {
      const loc = p.keyLocations[`spec.restrictions[${i}]`];
      return loc ? lineOf(loc) : lineOf(p.location);
    }),
  }));
}

/**
 * sha256 over the policy files: sorted by path (relative to the policy folder; the file name
 * for a single file), each contributing `path NUL bytes`. It hashes the bytes that were parsed,
 * so the digest names exactly the policy the decision was made under.
 */
export function policySha256(root: string, files: readonly PolicySource[]): string {
  const isDir = (() => {
    try {
      return statSync(root).isDirectory();
    } catch {
      return false;
    }
  })();
  const named = files
    .map((f) => ({ f, name: isDir ? relative(root, f.path).split(sep).join('/') : basename(f.path) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  for (const { f, name } of named) {
    hash.update(name);
    hash.update(Buffer.from([0]));
    hash.update(f.bytes);
  }
  return hash.digest('hex');
}

/**
 * Loads every deploy policy and AgentPolicy under a file or folder. Throws AstlErrors
 * (POLICY_INVALID / POLICY_NOT_FOUND) naming file:line for every problem.
 */
export function loadPolicies(pathOrDir: string, options: PolicyFileOptions = {}): LoadedPolicies {
  // One read per file: the documents parsed and the bytes hashed are the same.
  const { files, docs } = readPolicySet(pathOrDir, options);
  const errors: AstlError[] = [];
  let deploy: DeployPolicy[] = [];
  let agent: GateAgentPolicy[] = [];
  try {
    deploy = parseDeployPolicies(docs);
  } catch (err) {
    if (err instanceof AstlErrors) errors.push(...err.errors);
    else throw err;
  }
  try {
    agent = toGateAgentPolicies(docs);
  } catch (err) {
    if (err instanceof AstlErrors) errors.push(...err.errors);
    else if (err instanceof AstlError) errors.push(err);
    else throw err;
  }
  if (errors.length > 0) {
    errors.sort(
      (a, b) =>
        (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
        (a.location?.line ?? 0) - (b.location?.line ?? 0),
    );
    throw new AstlErrors(errors, CODE);
  }
  return {
    path: pathOrDir,
    sha256: policySha256(pathOrDir, files),
    files: files.map((f) => f.path),
    deploy,
    agent,
  };
}
