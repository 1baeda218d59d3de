/**
 * Every input of the gate action, read and validated in one place. A bad value is an AstlError
 * naming the input, what was expected and how to fix it; nothing past this file reads inputs.
 */
import { AstlError, AstlErrors, parseYaml } from '../../../packages/core/index.js';
import type { CiInfo, Mode } from '../../../packages/gate/index.js';

export interface GateInputs {
  policy: string;
  agent: string;
  agentType?: string;
  action: string;
  environment: string;
  images: string[];
  replicas?: number;
  params: Record<string, unknown>;
  mode: Mode;
  githubToken: string;
  apiUrl: string;
  repository?: { owner: string; repo: string };
  runId?: string;
  sha?: string;
  ci: CiInfo;
  /** Agent registry for the agent's type (ASTL_CONFIG, default agent-config.yaml). */
  registryPath: string;
}

export type InputReader = (name: string) => string;

const NAME = /^[a-z0-9][a-z0-9-]*$/;
const ACTION = /^[a-z0-9][a-z0-9_.-]*$/;
export const PARAMS_LIMITS = { maxBytes: 256 * 1024, maxNodes: 10_000, maxDepth: 32 };
const MAX_IMAGES = 100;

function inputError(input: string, message: string, hint: string, fix?: string): AstlError {
  return new AstlError(`input '${input}': ${message}`, {
    code: 'INPUT_INVALID',
    location: { file: `input '${input}'` },
    hint,
    fix,
  });
}

/** The mode alone, so that even invalid inputs are reported the way the user asked. */
export function readMode(read: InputReader): Mode | undefined {
  const raw = read('mode').trim().toLowerCase();
  if (raw === '' || raw === 'enforce') return 'enforce';
  if (raw === 'shadow') return 'shadow';
  return undefined;
}

function countNodes(value: unknown, depth: number): number {
  if (depth > PARAMS_LIMITS.maxDepth) return Number.POSITIVE_INFINITY;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countNodes(v, depth + 1), 1);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce<number>((n, v) => n + countNodes(v, depth + 1), 1);
  }
  return 1;
}

export function parseParams(text: string, errors: AstlError[]): Record<string, unknown> {
  if (text.trim() === '') return {};
  if (Buffer.byteLength(text) > PARAMS_LIMITS.maxBytes) {
    errors.push(
      inputError(
        'params',
        `is larger than ${PARAMS_LIMITS.maxBytes / 1024} KiB`,
        'pass only what the policy looks at',
      ),
    );
    return {};
  }
  try {
    const docs = parseYaml(text, "input 'params'");
    if (docs.length > 1) {
      errors.push(inputError('params', 'holds more than one YAML document', 'pass one mapping'));
      return {};
    }
    const value = docs[0]?.value ?? {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push(
        inputError(
          'params',
          `must be a mapping (YAML or JSON object), got ${Array.isArray(value) ? 'a list' : typeof value}`,
          'write key: value pairs',
          'params: |\n  amount: 250\n  endpoint: https://api.acme.internal',
        ),
      );
      return {};
    }
    if (countNodes(value, 0) > PARAMS_LIMITS.maxNodes) {
      errors.push(
        inputError(
          'params',
          `is nested deeper than ${PARAMS_LIMITS.maxDepth} levels or holds more than ${PARAMS_LIMITS.maxNodes} values`,
          'pass only what the policy looks at',
        ),
      );
      return {};
    }
    return value as Record<string, unknown>;
  } catch (err) {
    const e = err as AstlError;
    errors.push(
      inputError(
        'params',
        `is not valid YAML or JSON: ${e.message}${e.location?.line ? ` (line ${e.location.line})` : ''}`,
        'pass a YAML mapping (key: value lines) or a JSON object',
      ),
    );
    return {};
  }
}

/** Validates all inputs and reports every problem at once (AstlErrors, code INPUT_INVALID). */
export function parseInputs(
  read: InputReader,
  env: Record<string, string | undefined> = process.env,
): GateInputs {
  const errors: AstlError[] = [];
  const opt = (name: string) => read(name).trim() || undefined;

  const agent = opt('agent') ?? env.ASTL_AGENT?.trim() ?? '';
  if (agent === '') {
    errors.push(
      inputError(
        'agent',
        'no agent given, and ASTL_AGENT is not set',
        'run astl/agent-credentials@v1 earlier in the job (it exports ASTL_AGENT), or pass the agent input',
        'agent: deploy-manager',
      ),
    );
  } else if (!NAME.test(agent)) {
    errors.push(
      inputError(
        'agent',
        `'${agent}' is not an agent name`,
        'agent names are lowercase letters, digits and -',
      ),
    );
  }

  const action = opt('action') ?? 'deploy';
  if (!ACTION.test(action)) {
    errors.push(
      inputError(
        'action',
        `'${action}' is not an action name`,
        'use lowercase letters, digits, _, . and -, e.g. deploy',
      ),
    );
  }

  const environment = opt('environment') ?? '';
  if (environment === '') {
    errors.push(
      inputError('environment', 'is required', 'name the target environment', 'environment: production'),
    );
  } else if (environment.length > 255 || /[\r\n]/.test(environment)) {
    errors.push(
      inputError('environment', 'must be one line of at most 255 characters', 'name the target environment'),
    );
  }

  const images = read('images')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (images.length > MAX_IMAGES) {
    errors.push(
      inputError('images', `lists ${images.length} images; the limit is ${MAX_IMAGES}`, 'split the deploy'),
    );
  }

  let replicas: number | undefined;
  const replicasText = opt('replicas');
  if (replicasText !== undefined) {
    if (/^\d{1,9}$/.test(replicasText)) replicas = Number(replicasText);
    else
      errors.push(
        inputError(
          'replicas',
          `'${replicasText}' is not a whole number`,
          'pass a count, e.g. 3',
          'replicas: 3',
        ),
      );
  }

  const params = parseParams(read('params'), errors);

  const mode = readMode(read);
  if (!mode) {
    errors.push(
      inputError('mode', `'${read('mode').trim()}' is not a mode`, 'use enforce or shadow', 'mode: shadow'),
    );
  }

  if (errors.length > 0) throw new AstlErrors(errors, 'INPUT_INVALID');

  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const inputs: GateInputs = {
    policy: opt('policy') ?? 'policies',
    agent,
    action,
    environment,
    images,
    params,
    mode: mode!,
    githubToken: read('github-token').trim(),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    registryPath: env.ASTL_CONFIG || 'agent-config.yaml',
    ci: {
      provider: 'github',
      repository: env.GITHUB_REPOSITORY,
      run_id: env.GITHUB_RUN_ID,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      actor: env.GITHUB_ACTOR,
    },
  };
  if (replicas !== undefined) inputs.replicas = replicas;
  if (env.ASTL_AGENT_TYPE?.trim()) inputs.agentType = env.ASTL_AGENT_TYPE.trim();
  if (owner && repo) inputs.repository = { owner, repo };
  if (env.GITHUB_RUN_ID) inputs.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_SHA) inputs.sha = env.GITHUB_SHA;
  return inputs;
}
