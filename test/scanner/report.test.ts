import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeCommandProperty, markdownCode, markdownMessage } from '../../packages/core/untrusted-text.js';
import type { Finding } from '../../packages/scanner/finding.js';
import {
  annotationLines,
  summaryMarkdown,
  textReport,
  toCodeQuality,
  toSarif,
} from '../../packages/scanner/report/index.js';
import { ALL_RULES, type ScanResult } from '../../packages/scanner/scan.js';
import { parseWorkflowCommands } from '../support/runner.js';
import { sarifValidator } from './helpers.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'workflow/unpinned-action',
    severity: 'error',
    file: '.github/workflows/ci.yml',
    line: 3,
    message: 'Pin it',
    fingerprint: '0123456789abcdef0123456789abcdef',
    ...over,
  };
}

function result(findings: Finding[]): ScanResult {
  const bySeverity = { error: 0, warning: 0, note: 0 };
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  }
  return {
    findings,
    files: [],
    skipped: [{ file: 'big|<b>.yml', reason: 'larger than 1.0 MiB' }],
    scope: 'all',
    warnings: [],
    stats: {
      filesScanned: 1,
      bytesScanned: 1,
      durationMs: 1,
      bySeverity,
      byRule,
      suppressed: 0,
      baselined: 0,
      outsideDiff: 0,
    },
    rules: ALL_RULES,
  };
}

describe('annotations', () => {
  it('escape messages and properties so hostile names cannot inject commands', () => {
    const hostile = finding({
      file: 'a,b::c\n::set-env name=X::y%0A.yml',
      message: 'line one\r\n::add-mask::oops 100%',
    });
    const lines = annotationLines([hostile]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).toBe(
      '::error file=a%2Cb%3A%3Ac%0A%3A%3Aset-env name=X%3A%3Ay%250A.yml,line=3,title=workflow/unpinned-action::line one%0D%0A::add-mask::oops 100%25',
    );
    const [parsed] = parseWorkflowCommands(lines.join('\n'));
    expect(parsed?.properties.file).toBe(hostile.file);
    expect(parsed?.message).toBe(hostile.message);
    expect(escapeCommandProperty('%,:\r\n')).toBe('%25%2C%3A%0D%0A');
  });

  it('most severe first, 10 per type, then one notice with the rest', () => {
    const many = [
      ...Array.from({ length: 13 }, (_, i) => finding({ line: i + 1, severity: 'warning' })),
      ...Array.from({ length: 12 }, (_, i) => finding({ line: i + 1 })),
      ...Array.from({ length: 3 }, (_, i) => finding({ line: i + 1, severity: 'note' })),
    ];
    const lines = annotationLines(many, { sarifFile: 'astl-scan.sarif' });
    const kinds = lines.map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds.filter((k) => k === 'error')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'warning')).toHaveLength(10);
    expect(kinds.slice(0, 10).every((k) => k === 'error')).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^::notice title=astl scan%3A more findings::5 more findings \(2 errors, 3 warnings\)/,
    );
    expect(lines.at(-1)).toContain('astl-scan.sarif');
    expect(annotationLines(many.slice(0, 3))).toHaveLength(3);
    const reserved = annotationLines(many, { reserveErrors: 1 });
    expect(reserved.filter((l) => l.startsWith('::error'))).toHaveLength(9);
    expect(reserved.at(-1)).toMatch(/6 more findings \(3 errors, 3 warnings\)/);
  });

  it('lines, columns and end lines', () => {
    const [line] = annotationLines([finding({ line: 4, endLine: 9, column: 2, severity: 'note' })], {
      rules: ALL_RULES,
    });
    expect(line).toBe(
      '::notice file=.github/workflows/ci.yml,line=4,endLine=9,col=2,title=workflow/unpinned-action%3A Action or reusable workflow not pinned to a commit SHA::Pin it',
    );
  });
});

describe('SARIF', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 with rules, security severity, fingerprints and %SRCROOT% locations', () => {
    const log = toSarif(
      [
        finding({
          file: 'dir with space/ci#1.yml',
          column: 5,
          endLine: 4,
          endColumn: 9,
          snippet: 'uses: x@v1',
        }),
        finding({ ruleId: 'iam/wildcard-action', severity: 'warning', file: 'iam/p.json', line: 7 }),
      ],
      { rules: ALL_RULES, toolVersion: '1.2.3', category: 'astl' },
    );
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'astl-scan', version: '1.2.3' });
    const rule = run.tool.driver.rules!.find((r) => r.id === 'iam/wildcard-action')!;
    expect(rule.properties?.['security-severity']).toBe('9.0');
    expect(rule.helpUri).toMatch(/docs\/scan\.md#iamwildcard-action$/);
    const first = run.results![0]!;
    expect(first.partialFingerprints).toEqual({ 'astl/v1': '0123456789abcdef0123456789abcdef' });
    expect(first.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'dir%20with%20space/ci%231.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 9, snippet: { text: 'uses: x@v1' } },
    });
    expect(run.tool.driver.rules![first.ruleIndex!]!.id).toBe(first.ruleId);
    expect(run.automationDetails?.id).toBe('astl/');
  });

  it('an empty scan is valid too', () => {
    expect(validate(toSarif([], { rules: ALL_RULES, toolVersion: '1.0.0' }))).toBe(true);
    // The validator does reject what GitHub would: a driver without a name, a bad level.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(
      validate({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
    ).toBe(false);
  });
});

describe('job summary', () => {
  it('table with severity, rule, location and escaped message; truncated past the limit', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      finding({ line: i + 1, message: `bad | <script>alert(${i})</script>\nnext` }),
    );
    const md = summaryMarkdown(result(many), { maxRows: 100, sarifFile: 'astl-scan.sarif' });
    expect(md).toContain('## ❌ astl scan: 120 errors, 0 warnings');
    const rows = md.split('\n').filter((l) => l.startsWith('| 🔴'));
    expect(rows).toHaveLength(100);
    const html = marked.parse(md, { async: false, gfm: true });
    expect(html).not.toContain('<script');
    expect(html).toContain('bad | &lt;script&gt;alert(0)&lt;/script&gt;\\u000anext');
    expect(md).toContain('Showing the first 100 of 120 findings');
    expect(html).toContain('<code>big|&lt;b&gt;.yml</code>');
  });

  it('no findings', () => {
    expect(summaryMarkdown(result([]))).toContain('## ✅ astl scan: no findings');
  });

  const inline = (md: string) => marked.parseInline(md, { async: false, gfm: true });

  it('inline code survives backticks', () => {
    expect(inline(markdownCode('a`b'))).toBe('<code>a`b</code>');
    expect(inline(markdownCode('`x'))).toBe('<code>`x</code>');
    expect(inline(markdownCode('a|b'))).toBe('<code>a|b</code>');
    expect(inline(markdownCode('<b>'))).toBe('<code>&lt;b&gt;</code>');
  });

  it('cells: code spans of a message stay code, everything else literal text', () => {
    expect(inline(markdownMessage('use `uses: x@<sha>` not <b>'))).toBe(
      'use <code>uses: x@&lt;sha&gt;</code> not &lt;b&gt;',
    );
    // An unbalanced backtick does not open a span that swallows the rest.
    expect(inline(markdownMessage('a ` <i> `` b'))).toBe('a ` &lt;i&gt; `` b');
    expect(inline(markdownMessage('``x ` <y>`` <z>'))).toBe('<code>x ` &lt;y&gt;</code> &lt;z&gt;');
  });
});

describe('GitLab Code Quality and text', () => {
  it('maps findings to Code Quality issues', () => {
    const issues = toCodeQuality(
      [
        finding(),
        finding({ ruleId: 'iam/wildcard-action', line: 2, endLine: 4 }),
        finding({ severity: 'note' }),
      ],
      ALL_RULES,
    );
    expect(issues[0]).toEqual({
      description: 'workflow/unpinned-action: Pin it',
      check_name: 'workflow/unpinned-action',
      fingerprint: '0123456789abcdef0123456789abcdef',
      severity: 'critical',
      location: { path: '.github/workflows/ci.yml', lines: { begin: 3 } },
    });
    expect(issues[1]).toMatchObject({ severity: 'blocker', location: { lines: { begin: 2, end: 4 } } });
    expect(issues[2]!.severity).toBe('minor');
  });

  it('text report, one line per finding, control characters escaped', () => {
    const text = textReport(result([finding({ file: 'a\nb.yml' })]));
    expect(text.split('\n')[0]).toBe('a\\u000ab.yml:3: error workflow/unpinned-action: Pin it');
  });
});
