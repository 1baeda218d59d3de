import { describe, expect, it } from 'vitest';
import { AstlError } from '../core/index.js';
import { compileExpression, EXPRESSION_LIMITS } from './expressions.js';
import type { ExpressionVars } from './types.js';

const loc = { file: 'policies/deploy.yaml', line: 9, column: 16 };
const vars = (params: Record<string, unknown> = {}, over: Partial<ExpressionVars> = {}): ExpressionVars => ({
  agent: 'deploy-manager',
  action: 'deploy',
  env: 'production',
  images: [{ input: 'a', repository: 'r.io/a', digest: 'sha256:x', pinned: 'r.io/a@sha256:x' }],
  replicas: 3n,
  params,
  ...over,
});

function loadError(source: string): AstlError {
  try {
    compileExpression(source, 'deny_when', loc);
  } catch (err) {
    if (err instanceof AstlError) return err;
    throw err;
  }
  throw new Error(`expected ${source} to be refused`);
}

describe('compileExpression', () => {
  it('sees every request variable', () => {
    const e = compileExpression(
      'agent == "deploy-manager" && action == "deploy" && env == "production" && replicas == 3 && size(images) == 1 && images[0].repository == "r.io/a" && params.n > 2',
      'deny_when',
      loc,
    );
    expect(e.evaluate(vars({ n: 3 }))).toBe(true);
    expect(e.rule).toBe('policies/deploy.yaml:9 deny_when');
  });

  it('receiver-form matches() runs on RE2: a regex bomb finishes and answers', () => {
    const e = compileExpression("params.x.matches('(a+)+$')", 'deny_when', loc);
    expect(e.evaluate(vars({ x: `${'a'.repeat(50_000)}!` }))).toBe(false);
    expect(e.evaluate(vars({ x: 'aaa' }))).toBe(true);
  });

  it('nested and global matches() are both rewritten to RE2', () => {
    const e = compileExpression(
      'matches(env, "^prod") && params.tag.matches(params.pattern.matches("x") ? "a" : "b")',
      'deny_when',
      loc,
    );
    expect(e.evaluate(vars({ tag: 'a', pattern: 'x' }))).toBe(true);
  });

  it('an invalid regex in a literal is a load error; at run time an EXPRESSION error', () => {
    expect(loadError('params.x.matches("(a")').message).toContain('invalid regular expression');
    const e = compileExpression('params.x.matches(params.p)', 'deny_when', loc);
    expect(e.evaluate(vars({ x: 'a', p: '(a' }))).toEqual({
      error: expect.stringContaining('invalid regular expression'),
    });
    expect(e.evaluate(vars({ x: 'a', p: '\\C' }))).toEqual({ error: expect.any(String) });
  });

  it('refuses RE2-unsupported constructs such as backreferences at load', () => {
    expect(loadError('params.x.matches("(a)\\\\1")').code).toBe('POLICY_INVALID');
  });

  it('caps length, nesting and comprehension depth', () => {
    expect(loadError(`${'('.repeat(200)}true${')'.repeat(200)}`).code).toBe('POLICY_INVALID');
    expect(loadError(`env == "${'x'.repeat(EXPRESSION_LIMITS.maxLength)}"`).message).toContain('limit is');
    expect(loadError('params.l.all(a, params.l.all(b, params.l.all(c, true)))').message).toContain(
      'nested comprehensions',
    );
    expect(
      compileExpression('params.l.all(a, params.l.exists(b, a == b))', 'deny_when', loc).evaluate(
        vars({ l: [1, 2] }),
      ),
    ).toBe(true);
  });

  it('evaluation errors and non-boolean results are failures, not exceptions', () => {
    const e = compileExpression('params.amount > 1000', 'deny_when', loc);
    expect(e.evaluate(vars({}))).toEqual({ error: expect.stringContaining('amount') });
    expect(e.evaluate(vars({ amount: 'lots' }))).toEqual({ error: expect.any(String) });
    expect(compileExpression('params.flag', 'deny_when', loc).evaluate(vars({ flag: 1 }))).toEqual({
      error: expect.stringContaining('not true or false'),
    });
    expect(
      compileExpression('replicas > 3', 'deny_when', loc).evaluate(vars({}, { replicas: null })),
    ).toEqual({
      error: expect.any(String),
    });
  });

  it('has() guards optional params', () => {
    const e = compileExpression('has(params.amount) && params.amount > 1000', 'deny_when', loc);
    expect(e.evaluate(vars({}))).toBe(false);
    expect(e.evaluate(vars({ amount: 5000 }))).toBe(true);
  });

  it('load errors name the file:line and suggest the variable', () => {
    const err = loadError('environment == "prod"');
    expect(err.format()).toMatch(/^policies\/deploy\.yaml:9:16: deny_when: Unknown variable: environment/);
    expect(err.hint).toContain("did you mean 'env'");
  });
});
