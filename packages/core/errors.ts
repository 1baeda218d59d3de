/**
 * Errors a user can act on. Front ends print `format(names)` without a stack trace, `names` being
 * how they call their settings (settings.ts: action inputs, CLI flags); anything that is not an
 * AstlError is a bug and is printed with its stack.
 */
import {
  ACTION_INPUTS,
  renderSettingText,
  type SettingId,
  type SettingNames,
  type SettingText,
} from './settings.js';

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface AstlErrorOptions {
  /** Stable machine-readable code, e.g. AGENT_NOT_REGISTERED, CONFIG_INVALID, STS_ACCESS_DENIED. */
  code: string;
  location?: SourceLocation;
  /**
   * The setting (input, flag) the error is about, when it is not about a place in a file: the
   * front end shows it where a location would be (`input 'duration': ...`, `--duration: ...`).
   */
  setting?: SettingId;
  /** One or two sentences on how to fix it; a function when it names settings. */
  hint?: SettingText;
  /** A YAML (or other) snippet that would fix it, shown verbatim; a function when it sets settings. */
  fix?: SettingText;
  cause?: unknown;
}

export class AstlError extends Error {
  readonly code: string;
  readonly location?: SourceLocation;
  readonly setting?: SettingId;
  /** The hint as given (a function when it names settings): copy this, not `hint`, into a new error. */
  readonly hintSource?: SettingText;
  readonly fixSource?: SettingText;

  constructor(message: string, options: AstlErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AstlError';
    this.code = options.code;
    this.location = options.location;
    this.setting = options.setting;
    this.hintSource = options.hint;
    this.fixSource = options.fix;
  }

  /** The hint in the terms of the action inputs; `hintFor` renders it for another front end. */
  get hint(): string | undefined {
    return this.hintFor(ACTION_INPUTS);
  }

  /** The fix snippet in the terms of the action inputs; `fixFor` renders it for another front end. */
  get fix(): string | undefined {
    return this.fixFor(ACTION_INPUTS);
  }

  hintFor(names: SettingNames): string | undefined {
    return renderSettingText(this.hintSource, names);
  }

  fixFor(names: SettingNames): string | undefined {
    return renderSettingText(this.fixSource, names);
  }

  /** Where the problem is: `file:line:col`, else the setting in the front end's terms. */
  whereFor(names: SettingNames): string | undefined {
    if (this.location) return formatLocation(this.location);
    return this.setting ? names.name(this.setting) : undefined;
  }

  /** `file:line:col: message` then the hint and an indented fix snippet, in `names`' terms. */
  format(names: SettingNames = ACTION_INPUTS): string {
    const where = this.whereFor(names);
    const lines = [`${where ? `${where}: ` : ''}${this.message}`];
    const hint = this.hintFor(names);
    const fix = this.fixFor(names);
    if (hint) lines.push(`  How to fix: ${hint}`);
    if (fix) {
      lines.push('  For example:');
      for (const l of fix.replace(/\n$/, '').split('\n')) lines.push(`    ${l}`);
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
  override format(names: SettingNames = ACTION_INPUTS): string {
    return this.errors.map((e) => e.format(names)).join('\n');
  }
}

export function formatLocation(loc: SourceLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/** A user-facing rendering of any thrown value: AstlErrors without a stack, bugs with one. */
export function describeError(err: unknown, names: SettingNames = ACTION_INPUTS): string {
  if (err instanceof AstlError) return err.format(names);
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}
