import { describe, expect, it } from 'vitest';
import { parseYaml } from '../core/index.js';
import { PARAMS_BOUNDS, paramsProblems, replicasProblem } from './params.js';

const yamlParams = (text: string) => parseYaml(text, 'params')[0]!.value;

describe('paramsProblems', () => {
  it('accepts plain JSON-like params', () => {
    expect(paramsProblems({ a: 1, b: 'x', c: [true, null, { d: -2.5 }] })).toEqual([]);
  });

  it.each([
    ['amount: .nan', 'params.amount', 'NaN'],
    ['amount: .NaN', 'params.amount', 'NaN'],
    ['amount: .inf', 'params.amount', 'Infinity'],
    ['amount: -.Inf', 'params.amount', '-Infinity'],
    ['limits: { max: .inf }', 'params.limits.max', 'Infinity'],
    ['list: [1, .nan]', 'params.list[1]', 'NaN'],
    ['"odd key": .nan', 'params["odd key"]', 'NaN'],
  ])('%s is INPUT_INVALID naming %s', (text, rule, what) => {
    const [reason] = paramsProblems(yamlParams(text));
    expect(reason).toMatchObject({ code: 'INPUT_INVALID', rule });
    expect(reason!.message).toContain(what);
    expect(reason!.message).toContain('finite');
  });

  it('refuses values that are not JSON-like', () => {
    for (const v of [() => 1, new Date(0), new Map(), 1n, undefined, Symbol('x')]) {
      expect(paramsProblems({ v })[0]).toMatchObject({ code: 'INPUT_INVALID', rule: 'params.v' });
    }
    expect(paramsProblems([] as unknown)[0]).toMatchObject({ rule: 'params' });
  });

  it('bounds size and depth, counting YAML aliases once per use', () => {
    const wide = { l: Array.from({ length: PARAMS_BOUNDS.maxValues + 1 }, () => 1) };
    expect(paramsProblems(wide)[0]!.message).toContain(`${PARAMS_BOUNDS.maxValues} values`);
    let deep: unknown = 1;
    for (let i = 0; i < PARAMS_BOUNDS.maxDepth + 2; i++) deep = [deep];
    expect(paramsProblems({ deep })[0]!.message).toContain('nested deeper');
    const big = 'x'.repeat(300 * 1024);
    expect(paramsProblems({ a: [big, big, big, big] })[0]!.message).toContain('characters');
    const aliases = yamlParams(`a: &a "${'y'.repeat(20_000)}"\nb: [${Array(60).fill('*a').join(', ')}]\n`);
    expect(paramsProblems(aliases)[0]!.message).toContain('characters');
  });

  it('stops at 20 reasons', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, Number.NaN]));
    expect(paramsProblems(many)).toHaveLength(20);
  });
});

describe('replicasProblem', () => {
  it('accepts whole numbers ≥ 0 and absence', () => {
    expect(replicasProblem(undefined)).toBeUndefined();
    expect(replicasProblem(0)).toBeUndefined();
    expect(replicasProblem(50)).toBeUndefined();
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 1.5, 2 ** 60])(
    'refuses %s',
    (n) => {
      expect(replicasProblem(n)).toMatchObject({ code: 'INPUT_INVALID', rule: 'replicas' });
    },
  );
});
