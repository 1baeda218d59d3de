/**
 * Flag parsing on node:util parseArgs (strict), with errors a user can act on: an unknown flag
 * names the closest known one, a missing value says which flag wanted it.
 */
import { parseArgs } from 'node:util';
import { closest } from '../../packages/core/suggest.js';
import { findControlCharacter } from '../../packages/core/untrusted-text.js';
import { UsageError } from './exit.js';

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Placeholder in help, e.g. FILE. */
  value?: string;
  description: string;
}

export interface VerbSpec {
  /** `scan`, `agents list`, ... */
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  /** Whether bare words are allowed (paths for scan). */
  positionals?: boolean;
  examples: string[];
  /** Extra help text (exit codes, notes). */
  notes?: string[];
}

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export function parseVerbArgs(spec: VerbSpec, argv: string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, f] of Object.entries(spec.flags)) {
    options[name] = {
      type: f.type,
      ...(f.short ? { short: f.short } : {}),
      ...(f.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: spec.positionals === true,
      allowNegative: false,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    throw translate(spec, err as Error & { code?: string });
  }
}

function translate(spec: VerbSpec, err: Error & { code?: string }): UsageError {
  const known = ['help', ...Object.keys(spec.flags)];
  const see = `run 'astl ${spec.name} --help' for the flags`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = /'([^']+)'/.exec(err.message)?.[1] ?? '';
      const bare = flag.replace(/^-+/, '').split('=')[0] ?? '';
      const guess = closest(bare, known);
      return new UsageError(
        `unknown flag '${flag}' for 'astl ${spec.name}'`,
        guess ? `did you mean '--${guess}'? (${see})` : see,
      );
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = /'(--?[\w-]+)/.exec(err.message)?.[1] ?? 'a flag';
      const boolean = /does not take an argument/.test(err.message);
      return new UsageError(
        boolean ? `${flag} does not take a value` : `${flag} needs a value`,
        boolean ? see : `write '${flag} VALUE' (${see})`,
      );
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const word = /'([^']+)'/.exec(err.message)?.[1] ?? '';
      return new UsageError(`'astl ${spec.name}' takes no bare argument '${word}'`, see);
    }
    default:
      return new UsageError(err.message, see);
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A flag that is one line of text (`--purpose`, `--owner`), trimmed; undefined when unset or
 * blank. Control characters (line breaks, tabs, C1, U+2028/9) are refused: the value is printed
 * in logs and summaries and kept in audit records.
 */
export function oneLine(p: Parsed, name: string): string | undefined {
  const value = str(p, name)?.trim();
  if (!value) return undefined;
  const bad = findControlCharacter(value);
  if (bad) {
    throw new UsageError(
      `--${name} contains the control character ${bad.codePoint} at position ${bad.index + 1}`,
      `write --${name} as one line of plain text (no line breaks, tabs or other control characters)`,
    );
  }
  return value;
}

export function list(p: Parsed, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}

export function bool(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** A flag whose value must be one of `choices`. */
export function choice<T extends string>(p: Parsed, name: string, choices: readonly T[], fallback: T): T {
  const v = str(p, name);
  if (v === undefined) return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  const guess = closest(v, choices);
  throw new UsageError(
    `--${name} '${v}' is not one of ${choices.join(', ')}`,
    guess ? `did you mean '--${name} ${guess}'?` : undefined,
  );
}

export function required(p: Parsed, spec: VerbSpec, name: string): string {
  const v = str(p, name);
  if (v === undefined || v === '') {
    throw new UsageError(
      `'astl ${spec.name}' needs --${name}`,
      `run 'astl ${spec.name} --help' for an example`,
    );
  }
  return v;
}

export function helpText(spec: VerbSpec): string {
  const lines = [`astl ${spec.name}: ${spec.summary}`, '', `Usage: ${spec.usage}`, '', 'Flags:'];
  const rows: [string, string][] = Object.entries(spec.flags).map(([name, f]) => {
    const short = f.short ? `-${f.short}, ` : '    ';
    const value = f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : '';
    const repeat = f.multiple ? ' (repeatable)' : '';
    return [`${short}--${name}${value}`, `${f.description}${repeat}`];
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.min(32, Math.max(...rows.map((r) => r[0].length)) + 2);
  for (const [left, right] of rows) {
    lines.push(
      left.length >= width ? `  ${left}\n  ${' '.repeat(width)}${right}` : `  ${left.padEnd(width)}${right}`,
    );
  }
  if (spec.notes?.length) lines.push('', ...spec.notes);
  if (spec.examples.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}
