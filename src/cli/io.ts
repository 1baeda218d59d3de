import { format } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { safeLines } from '../../packages/core/untrusted-text.js';

/**
 * What a verb may touch of the outside world, so tests and the real process see the same thing.
 * `out` and `err` pass every line through `safeLines` (packages/core/untrusted-text.ts): CI
 * runners read a job's stdout and stderr for workflow commands, and much of what the CLI prints
 * (file names, registry values, findings) comes from the repository. The escapes are valid JSON
 * string escapes, so JSON and SARIF on stdout stay the same documents.
 */
export interface Io {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Workflow-command lines built by `workflowCommand`/`annotationCommand`, written as they are. */
  commands(lines: string[]): void;
  /** stdout is a terminal and NO_COLOR is unset. */
  color: boolean;
  /** stderr is a terminal: progress may be shown there. */
  interactive: boolean;
  /** stdin is a terminal: missing fields may be asked for. */
  stdinTTY: boolean;
}

export function processIo(env: NodeJS.ProcessEnv): Io {
  // `astl scan --format json | head` closes the pipe early: that is not an error worth a stack.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  // The AWS SDK's notice that its 2027 releases need Node 22 says nothing about this run; on a
  // job log it is noise. (Respects a user who set the variable either way.)
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const color = Boolean(process.stdout.isTTY) && !noColor && env.TERM !== 'dumb';
  const lines = (text: string) => `${safeLines(text.replace(/\r?\n$/, ''), { ansi: color }).join('\n')}\n`;
  // Node prints process warnings (which libraries raise with text they were given) to stderr by
  // itself; in a CI job that is read for commands too, so they go through `safeLines` as well.
  process.removeAllListeners('warning');
  process.on('warning', (w: Error) =>
    process.stderr.write(lines(`(node:${process.pid}) ${w.name}: ${w.message}`)),
  );
  // Libraries print by themselves with console.* (`yaml` prints every token it reads when
  // LOG_TOKENS is set): to stderr, so stdout stays the report, through `safeLines` too.
  const print = (...args: unknown[]) => process.stderr.write(lines(format(...args)));
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = print;
  // So does an exception nobody caught (an 'error' event, a promise nobody awaited), which Node
  // would print as it is; exit 3 like any other internal error (main's report).
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', (err: unknown) => exitInternal(err, { ansi: color }));
  return {
    env,
    cwd: process.cwd(),
    out: (text) => process.stdout.write(lines(text)),
    err: (text) => process.stderr.write(lines(text)),
    commands: (cmds) => {
      for (const c of cmds) {
        // Only what the command builders produce: one line that starts a command.
        if (!c.startsWith('::') || /[\r\n]/.test(c))
          throw new Error(`not a workflow command line: ${JSON.stringify(c)}`);
        process.stdout.write(`${c}\n`);
      }
    },
    color,
    interactive: Boolean(process.stderr.isTTY),
    stdinTTY: Boolean(process.stdin.isTTY),
  };
}

/**
 * Ends astl with exit 3 after an error nobody handled (an uncaught exception, or index.ts's main()
 * rejecting or never settling), its text on stderr through `safeLines`.
 */
export function exitInternal(err: unknown, options: { ansi?: boolean } = {}): never {
  process.stderr.write(`${safeLines(internalErrorText(err), { ansi: options.ansi ?? false }).join('\n')}\n`);
  process.exit(3);
}

/** How astl reports a bug of its own (not a user mistake): with the stack, so it can be reported. */
export function internalErrorText(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return `astl: internal error (a bug in astl ${pkg.version}; please report it with this output):\n${text}`;
}

const codes = { red: 31, green: 32, yellow: 33, blue: 34, bold: 1, dim: 2 } as const;
export type Style = keyof typeof codes;

/** ANSI styling that disappears when colour is off. */
export function paint(io: Pick<Io, 'color'>, style: Style, text: string): string {
  return io.color ? `\x1b[${codes[style]}m${text}\x1b[0m` : text;
}
