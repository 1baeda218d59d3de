/**
 * Errors a user can act on. Front ends print `format()` without a stack trace; anything that is
 * not an AstlError is a bug and is printed with its stack.
 */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface AstlErrorOptions {
  /** Stable machine-readable code, e.g. AGENT_NOT_REGISTERED, CONFIG_INVALID, STS_ACCESS_DENIED. */
  code: string;
  location?: SourceLocation;
  /** One or two sentences on how to fix it. */
  hint?: string;
  /** A YAML (or other) snippet that would fix it, shown verbatim. */
  fix?: string;
  cause?: unknown;
}

export class AstlError extends Error {
  readonly code: string;
  readonly location?: SourceLocation;
  readonly hint?: string;
  readonly fix?: string;

  constructor(message: string, options: AstlErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AstlError';
    this.code = options.code;
    this.location = options.location;
    this.hint = options.hint;
    this.fix = options.fix;
  }

  /** `file:line:col: message` then the hint and an indented fix snippet. */
  format(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const lines = [`${where}${this.message}`];
    if (this.hint) lines.push(`  How to fix: ${this.hint}`);
    if (this.fix) {
      lines.push('  For example:');
      for (const l of this.fix.replace(/\n$/, '').split('\n')) lines.push(`    ${l}`);
    }
    return lines.join('\n');
  }
}

/** Several problems found in one pass (all of a file's schema errors, say), reported together. */
export class AstlErrors extends AstlError {
  readonly errors: AstlError[];
  constructor(errors: AstlError[], code = errors[0]?.code ?? 'INVALID') {
    super(errors.map((e) => e.message).join('; '), { code });
    this.errors = errors;
  }
  override format(): string {
    return this.errors.map((e) => e.format()).join('\n');
  }
}

export function formatLocation(loc: SourceLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/** A user-facing rendering of any thrown value: AstlErrors without a stack, bugs with one. */
export function describeError(err: unknown): string {
  if (err instanceof AstlError) return err.format();
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}
