import { describe, expect, it } from 'vitest';
import { CostBudget, EXPRESSION_COST, runMetered, sizeUnits } from './cost.js';
import { compileExpression } from './expressions.js';
import type { ExpressionVars } from './types.js';

const loc = { file: 'policies/deploy.yaml', line: 3 };
const vars = (params: Record<string, unknown>): ExpressionVars => ({
  agent: 'a',
  action: 'deploy',
  env: 'staging',
  images: [],
  replicas: null,
  params,
});
const list = (n: number) => Array.from({ length: n }, (_, i) => `item-${i}`);

function cost(source: string, params: Record<string, unknown>, budget = new CostBudget()) {
  const result = compileExpression(source, 'deny_when', loc).evaluate(vars(params), budget);
  return { result, used: budget.used, exceeded: budget.exceeded };
}

describe('sizeUnits', () => {
  it('1 per element or entry, 1 per 10 characters, deep, cached', () => {
    expect(sizeUnits('x'.repeat(100))).toBe(10);
    expect(sizeUnits([1, 2, 3])).toBe(3);
    expect(sizeUnits({ ab: 'x'.repeat(10) })).toBeCloseTo(1 + 0.2 + 1);
    const inner = [1, 2];
    expect(sizeUnits([inner, inner])).toBe(2 + 2 + 2);
    expect(sizeUnits(5)).toBe(0);
  });
  it('cyclic or deeper than params may be: infinite, so the budget is spent', () => {
    const a: unknown[] = [];
    a.push(a);
    expect(sizeUnits(a)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('metered evaluation', () => {
  it('normal expressions cost a few units', () => {
    const c = cost('params.amount > 1000 || params.ticket.matches("^HOTFIX-[0-9]+$")', {
      amount: 250,
      ticket: 'CHG-1234',
    });
    expect(c.result).toBe(false);
    expect(c.used).toBeLessThan(100);
  });

  it('a linear walk over params costs about its size', () => {
    const c = cost('params.l.all(x, x.startsWith("item-"))', { l: list(1000) });
    expect(c.result).toBe(true);
    expect(c.used).toBeGreaterThan(1000);
    expect(c.used).toBeLessThan(20_000);
  });

  it.each([
    ['nested map', 'params.l.map(a, params.l.map(b, a + b)).size() > 0'],
    ['nested exists, which absorbs errors', 'params.l.exists(a, params.l.exists(b, a == b + "x"))'],
    ['nested all with ||', 'params.l.all(a, params.l.all(b, a != b || true))'],
    ['in inside a comprehension', 'params.l.all(a, a in params.l)'],
    ['filter over map', 'params.l.map(a, params.l).filter(x, size(x) > 0).size() > 0'],
    ['cel.bind', 'cel.bind(x, params.l, x.map(a, x.map(b, b)).size() > 0)'],
    ['list concatenation chain', `size(${Array(200).fill('params.l').join(' + ')}) > 0`],
    ['string concatenation chain', `size(${Array(200).fill('params.s').join(' + ')}) > 0`],
    ['exists_one', 'params.l.exists_one(a, params.l.exists(b, a == b + "-"))'],
    ['matches on large text with a long pattern', `params.s.matches("${'(a|b)'.repeat(150)}c")`],
  ])('%s over ~80 KB of params stops with EXPRESSION_COST', (_, source) => {
    const c = cost(source, { l: list(8000), s: 'ab'.repeat(20_000) });
    // The count stops it; on a machine loaded enough, the 1 s clock may stop it first.
    expect(c.exceeded).toMatch(/^(cost|time)$/);
    expect(c.result).toMatchObject({ code: 'EXPRESSION_COST' });
  });

  it('one budget per decision: a second expression after a spent budget stops at once', () => {
    const budget = new CostBudget(1000);
    expect(cost('params.l.all(x, x != "")', { l: list(2000) }, budget).exceeded).toBe('cost');
    const again = cost('true', {}, budget);
    expect(again.result).toMatchObject({ code: 'EXPRESSION_COST' });
  });

  it('the wall-clock limit backs the count', () => {
    const c = cost(
      'params.l.all(a, params.l.all(b, a != b + "x"))',
      { l: list(500) },
      new CostBudget(1e12, 0),
    );
    expect(c.exceeded).toBe('time');
    expect(c.result).toMatchObject({ code: 'EXPRESSION_COST', error: expect.stringContaining('0 ms') });
  });

  it('NaN or Infinity computed by an expression is an evaluation error, never a comparison', () => {
    const e = compileExpression('params.total / params.count > 100.0', 'deny_when', loc);
    const nan = e.evaluate(vars({ total: 0.5, count: 0.0 / 1 }));
    expect(nan).toMatchObject({ error: expect.stringMatching(/yields (NaN|Infinity)/) });
    expect(e.evaluate(vars({ total: 500.5, count: 2.5 }))).toBe(true);
  });

  it('runMetered never throws and restores the outer meter', () => {
    const b = new CostBudget();
    expect(
      runMetered(b, () => {
        throw new Error('boom');
      }),
    ).toEqual({ ok: false, error: 'boom' });
    expect(EXPRESSION_COST.limit).toBe(1_000_000);
  });
});
