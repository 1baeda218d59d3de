// biome-ignore-all lint/suspicious/noTemplateCurlyInString: tests of GitHub expression syntax
import { describe, expect, it } from 'vitest';
import {
  ExpressionSyntaxError,
  extractExpressions,
  parseExpression,
  untrustedSources,
} from '../../packages/scanner/workflow/expressions.js';

const contexts = (text: string) => untrustedSources(text).map((s) => s.context);

describe('expression parser', () => {
  it('parses the documented grammar with GitHub precedence', () => {
    const e = parseExpression("!a.b || c['d'].* && (x == 'it''s') || f(1, -2.5e1, null, true)");
    expect(e.kind).toBe('binary');
    expect(e.kind === 'binary' && e.op).toBe('||');
    expect(() => parseExpression('a.b ==')).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression("'open")).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression('a b')).toThrow(ExpressionSyntaxError);
  });

  it('bounds nesting', () => {
    expect(() => parseExpression(`${'('.repeat(500)}a${')'.repeat(500)}`)).toThrow(/nested too deeply/);
  });

  it('extracts ${{ }} string-aware, and an unterminated one to the end', () => {
    const found = extractExpressions("a ${{ format('}}{0}', x) }} b ${{ y }} ${{ z");
    expect(found.map((f) => f.text.trim())).toEqual(["format('}}{0}', x)", 'y', 'z']);
  });
});

describe('untrustedSources: what can become the result', () => {
  it('the issue examples are untrusted: case-insensitive, index syntax, toJSON, format', () => {
    expect(contexts('github.event.issue.TITLE')).toEqual(['github.event.issue.title']);
    expect(contexts("github.event['issue']['title']")).toEqual(['github.event.issue.title']);
    expect(contexts('toJSON(github.event.issue)')).toEqual(['github.event.issue']);
    expect(contexts("format('{0}', github.event.issue.title)")).toEqual(['github.event.issue.title']);
    expect(contexts("join(github.event.commits.*.message, ' ')")).toEqual(['github.event.commits.*.message']);
    expect(contexts('fromJSON(github.event.comment.body).x')).toEqual(['github.event.comment.body']);
    expect(contexts('GitHub.Head_Ref')).toEqual(['github.head_ref']);
    expect(contexts('github.event.pull_request.head.ref')).toEqual(['github.event.pull_request.head.ref']);
  });

  it('booleans cannot carry the value: comparisons, contains, !, && left side', () => {
    expect(contexts("contains(github.event.pull_request.title, '[skip]') && 'skip' || 'go'")).toEqual([]);
    expect(contexts("github.event.pull_request.title == 'WIP'")).toEqual([]);
    expect(contexts('!github.event.issue.body')).toEqual([]);
    expect(contexts("startsWith(github.event.comment.body, '/deploy')")).toEqual([]);
    expect(contexts("github.event.issue.title && 'x'")).toEqual([]);
    expect(contexts("hashFiles('**/x') || github.sha")).toEqual([]);
  });

  it('&& / || follow value semantics: a && b || c can be b or c', () => {
    expect(contexts("github.event_name == 'issues' && github.event.issue.title || 'none'")).toEqual([
      'github.event.issue.title',
    ]);
    expect(contexts("x && 'a' || github.event.issue.body")).toEqual(['github.event.issue.body']);
    expect(contexts("github.event.issue.title || 'fallback'")).toEqual(['github.event.issue.title']);
  });

  it('trusted contexts stay trusted: numbers, SHAs, secrets, runner', () => {
    expect(contexts('github.event.issue.number')).toEqual([]);
    expect(contexts('github.event.pull_request.head.sha')).toEqual([]);
    expect(contexts('github.sha')).toEqual([]);
    expect(contexts('secrets.TOKEN')).toEqual([]);
    expect(contexts('runner.temp')).toEqual([]);
  });

  it('positions point at the context in the expression text', () => {
    const [s] = untrustedSources("  format('{0}', github.event.issue.title)");
    expect(s!.start).toBe(16);
    expect(s!.end).toBe(16 + 'github.event.issue.title'.length);
  });

  it('scopes resolve env and other contexts for the caller', () => {
    const scope = {
      lookup: (path: readonly string[]) =>
        path[0] === 'env' && path[1] === 'title'
          ? [
              {
                context: 'github.event.issue.title',
                capability: 'arbitrary' as const,
                via: ['env.TITLE', 'github.event.issue.title'],
              },
            ]
          : undefined,
    };
    const [s] = untrustedSources('env.TITLE', scope);
    expect(s!.via).toEqual(['env.TITLE', 'github.event.issue.title']);
    expect(untrustedSources('env.OTHER', scope)).toEqual([]);
  });
});
