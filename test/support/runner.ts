/**
 * Runs a committed dist/ bundle the way the GitHub Actions runner does: inputs as INPUT_* env,
 * file commands through GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_PATH /
 * GITHUB_STEP_SUMMARY, state handed to the post step as STATE_* env, and workflow commands
 * (::add-mask::, ::error ...::) read from stdout. Used by every end-to-end test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(new URL('../..', import.meta.url).pathname);

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** Variables the step exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>;
  /** State saved for the post step (becomes STATE_<name> there). */
  state: Record<string, string>;
  summary: string;
  path: string[];
  /** Values registered with ::add-mask::, in order. */
  masks: string[];
  commands: WorkflowCommand[];
  /** Milliseconds from spawn to exit. */
  wallMs: number;
  runnerTemp: string;
}

export interface StepOptions {
  /** Action inputs by their action.yml name; become INPUT_<NAME> as the runner spells them. */
  inputs?: Record<string, string>;
  /** Extra environment (GITHUB_*, ACTIONS_ID_TOKEN_REQUEST_*, AWS_ENDPOINT_URL_STS, ...). */
  env?: Record<string, string>;
  /** For a post step: the state the main step saved. */
  state?: Record<string, string>;
  /** Working directory (the workspace); defaults to a fresh temp dir. */
  cwd?: string;
  /** Reuse a RUNNER_TEMP across steps of one job (audit log, decision record). */
  runnerTemp?: string;
  /** Kill the step after this long (the test fails on a hang instead of timing out). */
  timeoutMs?: number;
  /** Node binary; defaults to the one running the tests. */
  node?: string;
}

/** The runner's name mangling: `aws-role-arn` -> INPUT_AWS-ROLE-ARN (spaces to _, upper case). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export async function runStep(bundle: string, opts: StepOptions = {}): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'astl-step-'));
  const runnerTemp = opts.runnerTemp ?? mkdtempSync(join(tmpdir(), 'astl-runner-temp-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const cwd = opts.cwd ?? mkdtempSync(join(tmpdir(), 'astl-workspace-'));

  // A clean environment, like a runner's: nothing of the test process leaks in but PATH/HOME.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    ...files,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v;

  const started = performance.now();
  const child = spawn(opts.node ?? process.execPath, [resolve(repoRoot, bundle)], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on('close', (code, sig) => res([code, sig])),
  );
  clearTimeout(timer);
  const wallMs = performance.now() - started;

  const commands = parseWorkflowCommands(stdout);
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    exportedEnv: parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8')),
    state: parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    path: readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    commands,
    wallMs,
    runnerTemp,
  };
}

/**
 * Parses the runner's file-command format: `name=value` lines and heredoc blocks
 * `name<<DELIM\nvalue\nDELIM`, as @actions/core writes them.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** `::command key=value,key=value::message` lines, as the runner reads them from stdout. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq > 0) properties[part.slice(0, eq)] = unescapeProperty(part.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/** Runs main, then post with main's saved state, in one RUNNER_TEMP, as a job does. */
export async function runMainThenPost(
  mainBundle: string,
  postBundle: string,
  opts: StepOptions & { betweenSteps?: (main: StepResult) => Promise<void> | void } = {},
): Promise<{ main: StepResult; post: StepResult }> {
  const runnerTemp = opts.runnerTemp ?? mkdtempSync(join(tmpdir(), 'astl-runner-temp-'));
  const main = await runStep(mainBundle, { ...opts, runnerTemp });
  await opts.betweenSteps?.(main);
  const post = await runStep(postBundle, { ...opts, runnerTemp, state: { ...opts.state, ...main.state } });
  return { main, post };
}
