/**
 * The actions' only way to talk to the GitHub Actions runner: inputs and state in, workflow
 * commands (stdout) and file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY) out. It replaces `@actions/core`, whose import (with @actions/http-client
 * and undici) cost 50-80 ms per process, and adds what core lacks:
 * - every log line is command-neutral (`safeLine`): untrusted text cannot issue `::stop-commands::`,
 *   `##[add-mask]` or any other command, so it cannot switch masking off;
 * - every secret is masked in all its forms (`secretForms`, multi-line secrets line by line) the
 *   moment it is known, and every log line, annotation and summary is scrubbed of the secrets
 *   registered so far before it is written, so masking does not depend on the runner alone;
 * - file-command names that would let a value start a second entry are refused.
 * Nothing else in src/actions writes to stdout, stderr or a GITHUB_* file.
 *
 * Formats follow the runner: actions/runner `ActionCommand.TryParseV2`, `FileCommandManager`
 * (heredoc `name<<DELIM`), and `@actions/core` 3.x for input names and trimming.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';
import { runEntry } from '../../packages/core/entry.js';
import { Redactor, secretForms } from '../../packages/core/redact.js';
import {
  type AnnotationProperties,
  annotationCommand,
  printable,
  safeLines,
  workflowCommand,
} from '../../packages/core/untrusted-text.js';

export type { AnnotationProperties };

type Write = (text: string) => void;
let write: Write = (text) => {
  process.stdout.write(text);
};

/** Tests capture what would go to stdout; returns a function that restores the real stream. */
export function captureOutput(sink: Write): () => void {
  const previous = write;
  write = sink;
  return () => {
    write = previous;
  };
}

// --- secrets -------------------------------------------------------------------------------------

/** Masks a secret in every form the runner could otherwise print, and scrubs our own text. */
export class Masker {
  readonly redactor = new Redactor();
  private readonly seen = new Set<string>();

  /** Registers `value` (and its encodings and lines) with the runner; idempotent. */
  register = (value: string | undefined): void => {
    if (!value || this.seen.has(value)) return;
    this.seen.add(value);
    // The raw value always, however short; then its encoded forms and the lines of a multi-line
    // value (the runner masks line by line, so a multi-line mask alone would never match).
    for (const form of secretForms(value)) {
      // The runner refuses a blank mask with a warning; a blank line hides nothing anyway.
      if (form.trim()) issue('add-mask', form);
    }
    this.redactor.add(value);
  };

  scrub = (text: string): string => (this.redactor.size === 0 ? text : this.redactor.redact(text));
}

/** The process-wide masker: every function below scrubs with it. */
export const masker = new Masker();

/** `::add-mask::` for a value and its forms (see Masker.register). */
export function setSecret(value: string): void {
  masker.register(value);
}

// --- inputs and state ----------------------------------------------------------------------------

export interface InputOptions {
  required?: boolean;
  /** Default true, as in @actions/core. */
  trimWhitespace?: boolean;
}

/** The runner's name for an input's variable: `aws-role-arn` -> `INPUT_AWS-ROLE-ARN`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** An action input as the runner passes it (INPUT_<NAME>), trimmed; '' when unset. */
export function getInput(name: string, options: InputOptions = {}): string {
  const value = process.env[inputVariable(name)] ?? '';
  if (options.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options.trimWhitespace === false ? value : value.trim();
}

/** State the main step saved (`saveState`), as the runner hands it to the post step: STATE_<name>. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

// --- file commands -------------------------------------------------------------------------------

/**
 * Appends `name<<DELIM\nvalue\nDELIM` to the file a GITHUB_* variable names (the runner's
 * heredoc form, FileCommandManager). The delimiter is random per entry; a name or value holding
 * it is refused, and so is a name the runner would read differently (`=` before `<<` makes the
 * runner take `name=...` and the value's lines for entries of their own; CR/LF end the line).
 * Without the variable (a run outside Actions) nothing is written.
 */
function fileCommand(variable: string, name: string, value: string): void {
  const file = process.env[variable];
  if (!file) return;
  if (!name || /[\r\n=]|<</.test(name)) {
    throw new Error(
      `${variable}: refusing the name ${JSON.stringify(name)}: it must be one line without '=' or '<<'`,
    );
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (value.includes(delimiter)) {
    throw new Error(
      `${variable}: the value of ${name} contains the delimiter ${delimiter}; refusing to write it`,
    );
  }
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, { encoding: 'utf8' });
}

/** A step output, through GITHUB_OUTPUT. The value is written as given (never scrubbed). */
export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', name, value);
}

/** An environment variable for later steps (GITHUB_ENV) and for this process. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  fileCommand('GITHUB_ENV', name, value);
}

/** State for the post step (GITHUB_STATE), read back there with `getState`. */
export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, value);
}

/**
 * Appends Markdown to the job summary (GITHUB_STEP_SUMMARY), scrubbed of every registered
 * secret. Untrusted values inside must already be escaped (`markdownText` and friends in
 * packages/core/untrusted-text.ts). Returns false, with a debug line, when it cannot be written.
 */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  try {
    appendFileSync(file, masker.scrub(markdown.endsWith('\n') ? markdown : `${markdown}\n`), 'utf8');
    return true;
  } catch (err) {
    debug(`could not write the job summary: ${(err as Error).message}`);
    return false;
  }
}

// --- log lines and workflow commands -------------------------------------------------------------

/** `::command::data`, escaped (workflowCommand): the only writer of workflow-command lines. */
function issue(command: string, data: string): void {
  write(`${workflowCommand(command, {}, data)}\n`);
}

/** Plain log text: scrubbed, then every line command-neutral (`safeLine`). */
export function info(message: string): void {
  write(`${safeLines(masker.scrub(message)).join('\n')}\n`);
}

/**
 * Node prints process warnings (`process.emitWarning`, which libraries call with text they were
 * given) to stderr by itself, and the runner reads stderr for commands as it reads stdout. Node's
 * printer is replaced by `info`, which masks and neutralises, as soon as an action loads this
 * module.
 */
function routeProcessWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w: Error) => info(`(node:${process.pid}) ${w.name}: ${w.message}`));
}
routeProcessWarnings();

/**
 * Libraries also print by themselves with `console.*`, straight to stdout/stderr: `yaml` prints
 * every token it reads (a pull request's text) with console.log when LOG_TOKENS is set in the
 * environment, which an earlier step can do. Every console method goes through `info`.
 */
function routeConsole(): void {
  const print = (...args: unknown[]) => info(format(...args));
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = print;
}
routeConsole();

/**
 * An exception nobody caught (an 'error' event without a listener, a rejected promise nobody
 * awaited) would otherwise be printed by Node on stderr as it is, message and stack, and a message
 * quoting a provider's or a file's text could then issue a command. It fails the step through
 * `setFailed` instead (masked, escaped; the stack only with step debug logging).
 */
function routeUncaughtErrors(): void {
  process.on('uncaughtException', failInternal);
}
routeUncaughtErrors();

function failInternal(err: unknown, origin: string): never {
  const e = err instanceof Error ? err : new Error(String(err));
  setFailed(`internal error (${origin}): ${e.message}`);
  if (e.stack) debug(e.stack);
  process.exit(1);
}

/**
 * A step bundle's entry: runs `run` and fails the step (as an uncaught exception does) when it
 * rejects or never settles, whatever --unhandled-rejections mode NODE_OPTIONS names
 * (packages/core/entry.ts: the bundles are CommonJS, without top-level await).
 */
export function runAction(run: () => Promise<void>): void {
  runEntry(run(), { done: () => {}, failed: (err) => failInternal(err, 'run') });
}

/** Shown only with step debug logging (ACTIONS_STEP_DEBUG). */
export function debug(message: string): void {
  issue('debug', masker.scrub(message));
}

function annotation(kind: 'error' | 'warning' | 'notice', message: string, p: AnnotationProperties): void {
  const title = p.title === undefined ? undefined : masker.scrub(p.title);
  write(`${annotationCommand(kind, masker.scrub(message), { ...p, title })}\n`);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  annotation('notice', message, properties);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  annotation('warning', message, properties);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  annotation('error', message, properties);
}

/** Fails the step (exit code 1) with an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** A collapsible group in the log; the title is one scrubbed, printable line. */
export function startGroup(title: string): void {
  issue('group', printable(masker.scrub(title)));
}

export function endGroup(): void {
  issue('endgroup', '');
}
