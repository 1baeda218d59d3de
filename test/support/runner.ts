/**
 * Runs a committed dist/ bundle the way the GitHub Actions runner does: inputs as INPUT_* env,
 * file commands through GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_PATH /
 * GITHUB_STEP_SUMMARY, state handed to the post step as STATE_* env, and stdout and stderr read
 * as the runner reads them (RunnerModel below: `::` commands after leading white space, legacy
 * `##[command]` anywhere, stop-commands and its resume token, masks applied to what follows).
 * Every step is checked for commands this product never issues (`commandProblems`), so every
 * end-to-end test also proves that no input could turn into a runner command.
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
  /** Parsed from the legacy `##[command]` form. */
  legacy?: boolean;
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
  /** Values registered with ::add-mask::, in order (only those the runner processed). */
  masks: string[];
  /** Commands the runner processed (not those it ignored after a stop-commands). */
  commands: WorkflowCommand[];
  /** The step's log as the runner renders it, masked: what anyone with read access sees. */
  log: string;
  /** The job summary after the runner's masking (what it uploads). */
  renderedSummary: string;
  /** The runner's model of the output, including stop-commands, ignored commands and errors. */
  runner: RunnerLog;
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
  /**
   * Default true: throw when the output held a command this product never issues (a
   * stop-commands, set-env, a legacy `##[...]` command, ...). Attack tests turn it off and assert
   * on `runner` themselves.
   */
  checkCommands?: boolean;
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
  // One model for both streams, fed in arrival order, as the runner's two OutputManagers share
  // one ActionCommandManager.
  const model = new RunnerModel({ stepDebug: env.ACTIONS_STEP_DEBUG === 'true' });
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    model.feed('stdout', d);
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    model.feed('stderr', d);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on('close', (code, sig) => res([code, sig])),
  );
  clearTimeout(timer);
  const wallMs = performance.now() - started;

  const runner = model.end();
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  const result: StepResult = {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    exportedEnv: parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8')),
    state: parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary,
    // CreateStepSummaryCommand masks the summary line by line before uploading it.
    renderedSummary: summary
      .split('\n')
      .map((l) => model.mask(l))
      .join('\n'),
    path: readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
    masks: runner.masks,
    commands: runner.commands,
    log: runner.log,
    runner,
    wallMs,
    runnerTemp,
  };
  const problems = commandProblems(runner);
  if (opts.checkCommands !== false && problems.length > 0) {
    throw new Error(
      `${bundle}: the runner would have read commands this product never issues:\n${problems.join('\n')}`,
    );
  }
  return result;
}

/**
 * The runner's file-command format, as `FileCommandManager.SetEnvFileCommand` reads GITHUB_ENV
 * (and GITHUB_OUTPUT / GITHUB_STATE, which use the same parser): lines split at LF; `NAME=VALUE`
 * when `=` comes before any `<<`, else the heredoc `NAME<<DELIM` … `DELIM`. A heredoc without its
 * delimiter throws, as the runner does (the step then fails).
 */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!name || !delimiter) throw new Error(`Invalid format '${line}'`);
      const value: string[] = [];
      for (i++; lines[i] !== delimiter; i++) {
        if (i >= lines.length) throw new Error(`Matching delimiter not found '${delimiter}'`);
        value.push(lines[i]!);
      }
      out[name] = value.join('\n');
    } else {
      throw new Error(`Invalid format '${line}'`);
    }
  }
  return out;
}

// --- the runner's reading of stdout/stderr ----------------------------------------------------------
// A faithful model of actions/runner: ProcessInvoker (StreamReader.ReadLine on stdout AND stderr),
// OutputManager.OnDataReceived, ActionCommandManager.TryProcessCommand (stop-commands, echo,
// resume token), ActionCommand.TryParseV2 / TryParse, and SecretMasker (masks apply to what is
// written after they are registered).

/** Commands the runner registers (its command extensions) besides stop-commands. */
const EXTENSIONS = [
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
];

/** .NET `char.IsWhiteSpace`, which `string.TrimStart()` removes. */
function isDotNetWhiteSpace(c: string): boolean {
  const n = c.charCodeAt(0);
  return (
    (n >= 0x09 && n <= 0x0d) ||
    n === 0x20 ||
    n === 0x85 ||
    n === 0xa0 ||
    n === 0x1680 ||
    (n >= 0x2000 && n <= 0x200a) ||
    n === 0x2028 ||
    n === 0x2029 ||
    n === 0x202f ||
    n === 0x205f ||
    n === 0x3000
  );
}

function trimStartDotNet(s: string): string {
  let i = 0;
  while (i < s.length && isDotNetWhiteSpace(s[i]!)) i++;
  return s.slice(i);
}

function trimDotNet(s: string): string {
  let end = s.length;
  while (end > 0 && isDotNetWhiteSpace(s[end - 1]!)) end--;
  return trimStartDotNet(s.slice(0, end));
}

type Mapping = [token: string, replacement: string];
const DATA: Mapping[] = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25'],
];
const PROPERTY: Mapping[] = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25'],
];
const LEGACY: Mapping[] = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25'],
];

/** The runner unescapes by replacing each mapping in order (ActionCommand.Unescape*). */
function unescapeAs(text: string, mappings: Mapping[]): string {
  let out = text;
  for (const [token, replacement] of mappings) out = out.split(replacement).join(token);
  return out;
}

function has(set: Set<string>, name: string): boolean {
  return set.has(name.toLowerCase());
}

function properties(text: string, separator: string, mappings: Mapping[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(separator).filter(Boolean)) {
    const eq = part.indexOf('=');
    const pair = eq < 0 ? [part] : [part.slice(0, eq), part.slice(eq + 1)].filter(Boolean);
    if (pair.length === 2) out[pair[0]!] = unescapeAs(pair[1]!, mappings);
  }
  return out;
}

/** ActionCommand.TryParseV2: `::` after leading white space, then `name props::data`. */
function tryParseV2(message: string, registered: Set<string>): WorkflowCommand | undefined {
  const m = trimStartDotNet(message);
  if (!m.startsWith('::')) return undefined;
  const end = m.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = m.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!has(registered, command)) return undefined;
  return {
    command,
    properties: space > 0 ? properties(trimDotNet(info.slice(space + 1)), ',', PROPERTY) : {},
    message: unescapeAs(m.slice(end + 2), DATA),
  };
}

/** ActionCommand.TryParse, the legacy form: `##[` ANYWHERE, then `name k=v;k=v]data`. */
function tryParseLegacy(message: string, registered: Set<string>): WorkflowCommand | undefined {
  const start = message.indexOf('##[');
  if (start < 0) return undefined;
  const rb = message.indexOf(']', start);
  if (rb < 0) return undefined;
  const info = message.slice(start + 3, rb);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!has(registered, command)) return undefined;
  return {
    command,
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY) : {},
    message: unescapeAs(message.slice(rb + 1), LEGACY),
    legacy: true,
  };
}

/** What the runner made of a step's stdout and stderr. */
export interface RunnerLog {
  /** The step's log as the runner stores it: masked, with `##[error]`-style lines for commands. */
  log: string;
  /** Commands the runner processed, in order (add-mask, error, group, ...). */
  commands: WorkflowCommand[];
  /** Values registered with add-mask (and stop tokens longer than 6), in order. */
  masks: string[];
  /** Tokens given to stop-commands. */
  stopCommands: string[];
  /** Commands the runner ignored because commands were stopped. */
  ignored: WorkflowCommand[];
  /** What the runner itself reports as a problem (disabled commands, bad stop tokens). */
  errors: string[];
}

/**
 * Feeds stdout/stderr chunks in arrival order and models the runner line by line. Lines end at
 * LF, CR or CRLF (StreamReader.ReadLine), per stream.
 */
export class RunnerModel {
  private readonly registered = new Set(['stop-commands', ...EXTENSIONS]);
  private readonly pending: Record<string, string> = { stdout: '', stderr: '' };
  private stopToken: string | undefined;
  private echo = false;
  private readonly logLines: string[] = [];
  readonly result: RunnerLog = {
    log: '',
    commands: [],
    masks: [],
    stopCommands: [],
    ignored: [],
    errors: [],
  };

  constructor(private readonly options: { stepDebug?: boolean; allowUnsecureCommands?: boolean } = {}) {}

  feed(stream: 'stdout' | 'stderr', data: string): void {
    let buf = this.pending[stream]! + data;
    for (;;) {
      const at = buf.search(/[\r\n]/);
      if (at < 0) break;
      if (buf[at] === '\r' && at === buf.length - 1) break; // a CR may be half of a CRLF
      const width = buf[at] === '\r' && buf[at + 1] === '\n' ? 2 : 1;
      this.line(buf.slice(0, at));
      buf = buf.slice(at + width);
    }
    this.pending[stream] = buf;
  }

  end(): RunnerLog {
    for (const stream of ['stdout', 'stderr']) {
      const rest = this.pending[stream]!;
      this.pending[stream] = '';
      if (rest.endsWith('\r')) this.line(rest.slice(0, -1));
      else if (rest) this.line(rest);
    }
    this.result.log = this.logLines.join('\n');
    return this.result;
  }

  /** SecretMasker.MaskSecrets: every occurrence of every registered value, merged, as ***. */
  mask(text: string): string {
    const ranges: [number, number][] = [];
    for (const m of this.result.masks) {
      for (let i = text.indexOf(m); i >= 0; i = text.indexOf(m, i + 1)) ranges.push([i, i + m.length]);
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged.at(-1);
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([...r]);
    }
    let out = '';
    let at = 0;
    for (const [from, to] of merged) {
      out += `${text.slice(at, from)}***`;
      at = to;
    }
    return out + text.slice(at);
  }

  private output(line: string): void {
    this.logLines.push(this.mask(line));
  }

  /** OutputManager.OnDataReceived. */
  private line(line: string): void {
    if (line && (line.includes('##[') || line.includes('::')) && this.tryProcessCommand(line)) return;
    this.output(line);
  }

  /** ActionCommandManager.TryProcessCommand. */
  private tryProcessCommand(input: string): boolean {
    const cmd = tryParseV2(input, this.registered) ?? tryParseLegacy(input, this.registered);
    if (!cmd) return false;
    const name = cmd.command.toLowerCase();
    if (this.stopToken !== undefined) {
      if (this.stopToken && name === this.stopToken.toLowerCase()) {
        this.output(input);
        this.registered.delete(this.stopToken.toLowerCase());
        this.stopToken = undefined;
        return true;
      }
      this.result.ignored.push(cmd);
      return false;
    }
    if (name === 'stop-commands') {
      const token = cmd.message;
      // ValidateStopToken: a registered command name, an empty token or pause-logging is refused.
      if (!token || this.registered.has(token.toLowerCase()) || token.toLowerCase() === 'pause-logging') {
        this.result.errors.push(`stop-commands with an unsupported token '${token}'`);
        return true;
      }
      this.result.stopCommands.push(token);
      this.result.commands.push(cmd);
      this.stopToken = token;
      this.registered.add(token.toLowerCase());
      if (token.length > 6) this.result.masks.push(token);
      this.output(input);
      return true;
    }
    this.result.commands.push(cmd);
    if (this.echo && name !== 'add-mask') this.output(input);
    this.process(name, cmd);
    return true;
  }

  private process(name: string, cmd: WorkflowCommand): void {
    switch (name) {
      case 'add-mask':
        if (!cmd.message.trim())
          this.issue('warning', "Can't add secret mask for empty string in ##[add-mask] command.");
        else {
          if (this.echo) this.output('::add-mask::***');
          this.result.masks.push(cmd.message);
        }
        return;
      case 'error':
      case 'warning':
      case 'notice':
        this.issue(name, cmd.message);
        return;
      case 'debug':
        if (this.options.stepDebug) this.output(`##[debug]${cmd.message}`);
        return;
      case 'group':
        this.output(`##[group]${cmd.message}`);
        return;
      case 'endgroup':
        this.output('##[endgroup]');
        return;
      case 'echo':
        if (/^on$/i.test(cmd.message)) this.echo = true;
        else if (/^off$/i.test(cmd.message)) this.echo = false;
        else this.result.errors.push(`invalid echo value '${cmd.message}'`);
        return;
      case 'set-env':
      case 'add-path':
        if (!this.options.allowUnsecureCommands) this.result.errors.push(`the ${name} command is disabled`);
        return;
      default:
        return;
    }
  }

  /** ExecutionContext.AddIssue: the message is masked and written to the log with its tag. */
  private issue(kind: string, message: string): void {
    this.output(`##[${kind}]${message}`);
  }
}

/** Commands a step of this product may issue; anything else means text became a command. */
export const EXPECTED_COMMANDS = new Set([
  'add-mask',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
]);

/** The runner's view of one stream of text (a CLI's stdout, say), from a fresh start. */
export function readAsRunner(stdout: string, stderr = ''): RunnerLog {
  const model = new RunnerModel();
  model.feed('stdout', stdout);
  model.feed('stderr', stderr);
  return model.end();
}

/** Problems that mean untrusted text became a runner command; empty when the step is clean. */
export function commandProblems(
  r: Pick<RunnerLog, 'commands' | 'stopCommands' | 'ignored' | 'errors'>,
): string[] {
  return [
    ...r.stopCommands.map((t) => `::stop-commands:: was issued (token ${JSON.stringify(t)})`),
    ...r.commands
      .filter(
        (c) => !EXPECTED_COMMANDS.has(c.command.toLowerCase()) && c.command.toLowerCase() !== 'stop-commands',
      )
      .map((c) => `unexpected command ::${c.command}:: ${JSON.stringify(c.message).slice(0, 80)}`),
    ...r.commands.filter((c) => c.legacy).map((c) => `legacy ##[${c.command}] command`),
    ...r.ignored.map((c) => `command ignored while commands were stopped: ::${c.command}::`),
    ...r.errors.map((e) => `runner error: ${e}`),
  ];
}

/** `::command key=value,key=value::message` lines, as the runner processes them (see RunnerModel). */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  return readAsRunner(stdout).commands;
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
