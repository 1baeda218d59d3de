/**
 * Every input of the scan action, read and validated in one place, with the defaults a pull
 * request needs taken from the event payload (GITHUB_EVENT_PATH): base and head commits, diff
 * scope, and the pull request for the API fallback on shallow clones.
 */
import { readFileSync } from 'node:fs';
import { AstlError, AstlErrors, inspectWorkspacePath, isPathProblem } from '../../../packages/core/index.js';
import type { GitHubPullRequest, Scope } from '../../../packages/scanner/index.js';

export type FailOn = 'error' | 'warning' | 'never';
export type InputReader = (name: string) => string;

export interface ScanInputs {
  root: string;
  paths?: string[];
  scope: Scope;
  base?: string;
  head?: string;
  failOn: FailOn;
  /** Workspace-relative SARIF path; undefined when disabled with an empty input. */
  sarif?: string;
  baseline?: string;
  /** Scan config path (workspace-relative); undefined: `.astl/scan.yaml` when present. */
  config?: string;
  /** Deprecated input; undefined when not set. */
  allowFirstPartyTags?: boolean;
  github?: GitHubPullRequest;
  eventName: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const ZERO_SHA = /^0+$/;
const REF = /^[A-Za-z0-9][A-Za-z0-9._/~^@{}-]*$/;

function inputError(input: string, message: string, hint: string): AstlError {
  return new AstlError(`input '${input}': ${message}`, {
    code: 'INPUT_INVALID',
    location: { file: `input '${input}'` },
    hint,
  });
}

interface EventPayload {
  pull_request?: { number?: number; base?: { sha?: string } };
  before?: string;
}

function readEvent(env: NodeJS.ProcessEnv): EventPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv = process.env): ScanInputs {
  const errors: AstlError[] = [];
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const event = readEvent(env);
  const isPullRequest = PR_EVENTS.has(eventName) && !!event.pull_request;

  const paths = read('paths')
    .split(/\r?\n|,/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of paths) {
    if (p.startsWith('/') || p.split('/').includes('..')) {
      errors.push(
        inputError(
          'paths',
          `'${p}' leaves the workspace`,
          'use globs relative to the repository root, e.g. policies/**',
        ),
      );
    }
  }

  const scopeRaw = read('scope').trim().toLowerCase();
  let scope: Scope;
  if (scopeRaw === '') scope = isPullRequest ? 'diff' : 'all';
  else if (scopeRaw === 'diff' || scopeRaw === 'all') scope = scopeRaw;
  else {
    errors.push(
      inputError('scope', `'${scopeRaw}' is not a scope`, "use 'diff' (changed lines only) or 'all'"),
    );
    scope = 'all';
  }

  let base = read('base').trim() || undefined;
  // Head defaults to the checked-out commit (HEAD), the one whose files are scanned: on
  // pull_request that is the merge commit, so line numbers match the files in the workspace.
  const head = read('head').trim() || undefined;
  if (!base && isPullRequest) base = event.pull_request?.base?.sha;
  if (!base && eventName === 'push' && event.before && !ZERO_SHA.test(event.before)) base = event.before;
  for (const [name, value] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (value && !REF.test(value)) {
      errors.push(
        inputError(
          name,
          `'${value}' is not a commit or ref`,
          'pass a commit SHA or a ref such as origin/main',
        ),
      );
    }
  }

  const failRaw = read('fail-on').trim().toLowerCase() || 'error';
  let failOn: FailOn = 'error';
  if (failRaw === 'error' || failRaw === 'warning' || failRaw === 'never') failOn = failRaw;
  else errors.push(inputError('fail-on', `'${failRaw}' is not allowed`, "use 'error', 'warning' or 'never'"));

  const sarif = read('sarif').trim() || undefined;
  if (sarif && (sarif.startsWith('/') || sarif.split(/[\\/]/).includes('..'))) {
    errors.push(
      inputError('sarif', `'${sarif}' leaves the workspace`, 'use a path relative to the workspace'),
    );
  } else if (sarif) {
    // A symbolic link committed where the report goes must not carry it out of the workspace.
    const checked = inspectWorkspacePath(sarif, { root: env.GITHUB_WORKSPACE || process.cwd() });
    if (isPathProblem(checked)) errors.push(inputError('sarif', checked.message, checked.hint));
  }
  const baseline = read('baseline').trim() || undefined;
  if (baseline) {
    // Inside the workspace and out of .git/ (core/workspace-path); the content is never shown.
    const root = env.GITHUB_WORKSPACE || process.cwd();
    const checked = inspectWorkspacePath(baseline, { root });
    if (isPathProblem(checked)) errors.push(inputError('baseline', checked.message, checked.hint));
  }

  const config = read('config').trim() || undefined;
  if (config && (config.startsWith('/') || config.split('/').includes('..'))) {
    errors.push(
      inputError(
        'config',
        `'${config}' leaves the workspace`,
        'use a path relative to the workspace, e.g. .astl/scan.yaml',
      ),
    );
  }
  const tagsRaw = read('allow-first-party-tags').trim().toLowerCase();
  if (tagsRaw !== '' && tagsRaw !== 'true' && tagsRaw !== 'false') {
    errors.push(
      inputError('allow-first-party-tags', `'${tagsRaw}' is not a boolean`, "use 'true' or 'false'"),
    );
  }

  if (errors.length > 0) throw new AstlErrors(errors, 'INPUT_INVALID');

  const inputs: ScanInputs = {
    root: env.GITHUB_WORKSPACE || process.cwd(),
    scope,
    failOn,
    eventName,
  };
  if (tagsRaw !== '') inputs.allowFirstPartyTags = tagsRaw === 'true';
  if (config) inputs.config = config;
  if (paths.length > 0) inputs.paths = paths;
  if (base) inputs.base = base;
  if (head) inputs.head = head;
  if (sarif) inputs.sarif = sarif;
  if (baseline) inputs.baseline = baseline;
  const token = read('github-token').trim();
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const number = event.pull_request?.number;
  if (token && owner && repo && typeof number === 'number' && isPullRequest) {
    inputs.github = { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', owner, repo, number, token };
  }
  return inputs;
}
