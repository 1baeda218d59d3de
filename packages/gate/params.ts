/**
 * Checks on the request's untrusted numbers and params before any rule looks at them. A value a
 * rule cannot judge is invalid input (INPUT_INVALID), never a pass:
 * - NaN and ±Infinity: every comparison with NaN is false, so `params.amount > 1000` would let
 *   `amount: .nan` through; YAML writes them `.nan`, `.inf`, `-.inf`.
 * - values that are not JSON-like (functions, dates, class instances, bigints, undefined);
 * - params larger than the bounds below, so that host scanning and CEL evaluation stay bounded
 *   whatever the front end (the action caps the text at 256 KiB; YAML aliases can multiply it).
 */
import type { Reason } from './types.js';

export const PARAMS_BOUNDS = {
  /** Nesting of maps and lists. */
  maxDepth: 32,
  /** Values (maps, lists, scalars) counted with aliases expanded. */
  maxValues: 10_000,
  /** Characters of all strings and keys together, aliases expanded. */
  maxStringChars: 1024 * 1024,
};

/** At most this many INPUT_INVALID reasons for params, so a huge params cannot flood a record. */
const MAX_REASONS = 20;

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function describeNumber(n: number): string {
  return Number.isNaN(n) ? 'NaN (YAML .nan)' : n > 0 ? 'Infinity (YAML .inf)' : '-Infinity (YAML -.inf)';
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Every reason the request's params cannot be judged, as INPUT_INVALID reasons whose `rule` is
 * the param's path (`params.amount`). Empty when the params are fine. Linear in their size, and
 * stops at the bounds.
 */
export function paramsProblems(params: unknown): Reason[] {
  const reasons: Reason[] = [];
  const add = (rule: string, message: string) => {
    if (reasons.length < MAX_REASONS) reasons.push({ code: 'INPUT_INVALID', rule, message });
  };
  if (!params || typeof params !== 'object' || Array.isArray(params) || !isPlainObject(params)) {
    add('params', 'params must be a mapping (key: value pairs)');
    return reasons;
  }
  let values = 0;
  let chars = 0;
  let stopped = false;
  const visit = (v: unknown, path: string, depth: number): void => {
    if (stopped) return;
    if (++values > PARAMS_BOUNDS.maxValues) {
      add(
        'params',
        `params hold more than ${PARAMS_BOUNDS.maxValues} values (YAML aliases count once per use); pass only what the policy looks at`,
      );
      stopped = true;
      return;
    }
    if (depth > PARAMS_BOUNDS.maxDepth) {
      add(path, `${path} is nested deeper than ${PARAMS_BOUNDS.maxDepth} levels; flatten the params`);
      stopped = true;
      return;
    }
    switch (typeof v) {
      case 'string':
        chars += v.length;
        break;
      case 'number':
        if (!Number.isFinite(v)) {
          add(
            path,
            `${path} is ${describeNumber(v)}; numbers in params must be finite, because no rule can compare NaN or Infinity (every comparison with NaN is false). Pass a finite number`,
          );
        }
        return;
      case 'boolean':
        return;
      case 'object':
        if (v === null) return;
        if (Array.isArray(v)) {
          v.forEach((x, i) => {
            visit(x, `${path}[${i}]`, depth + 1);
          });
          break;
        }
        if (!isPlainObject(v)) {
          add(path, `${path} is not a plain value (string, number, boolean, null, list or mapping)`);
          return;
        }
        for (const [k, x] of Object.entries(v)) {
          chars += k.length;
          visit(x, keyPath(path, k), depth + 1);
        }
        break;
      default:
        add(path, `${path} is a ${typeof v}, not a string, number, boolean, null, list or mapping`);
        return;
    }
    if (chars > PARAMS_BOUNDS.maxStringChars) {
      add(
        'params',
        `params hold more than ${PARAMS_BOUNDS.maxStringChars / 1024 / 1024} Mi characters of text (YAML aliases count once per use); pass only what the policy looks at`,
      );
      stopped = true;
    }
  };
  for (const [k, x] of Object.entries(params)) {
    chars += k.length;
    visit(x, keyPath('params', k), 1);
  }
  return reasons;
}

/** Why `replicas` cannot be judged, or undefined when it is a whole number ≥ 0. */
export function replicasProblem(replicas: number | undefined): Reason | undefined {
  if (replicas === undefined) return undefined;
  if (typeof replicas === 'number' && Number.isSafeInteger(replicas) && replicas >= 0) return undefined;
  const what =
    typeof replicas === 'number' && !Number.isFinite(replicas) ? describeNumber(replicas) : String(replicas);
  return {
    code: 'INPUT_INVALID',
    rule: 'replicas',
    message: `replicas is ${what}, not a whole number ≥ 0; max_replicas and expressions cannot judge it. Pass a count, e.g. 3`,
  };
}
