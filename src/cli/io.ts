/** What a verb may touch of the outside world, so tests and the real process see the same thing. */
export interface Io {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
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
  return {
    env,
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color: Boolean(process.stdout.isTTY) && !noColor && env.TERM !== 'dumb',
    interactive: Boolean(process.stderr.isTTY),
    stdinTTY: Boolean(process.stdin.isTTY),
  };
}

const codes = { red: 31, green: 32, yellow: 33, blue: 34, bold: 1, dim: 2 } as const;
export type Style = keyof typeof codes;

/** ANSI styling that disappears when colour is off. */
export function paint(io: Pick<Io, 'color'>, style: Style, text: string): string {
  return io.color ? `\x1b[${codes[style]}m${text}\x1b[0m` : text;
}
