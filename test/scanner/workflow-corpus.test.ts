/**
 * Recall and false positives of the workflow rules on the corpus in
 * test/fixtures/workflow-corpus (written for this repository; see its README). Each file's first
 * line lists the expected `rule@line`s; a finding of a workflow rule that is not listed is a
 * false positive. Prints a table per rule; fails on any miss or false positive, so no rule's
 * false positives can rise unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/runner.js';
import { cleanup, scanFiles } from './helpers.js';

afterAll(cleanup);

const CORPUS = join(repoRoot, 'test/fixtures/workflow-corpus');

interface Case {
  file: string;
  text: string;
  expected: string[];
}

function loadCorpus(): Case[] {
  const out: Case[] = [];
  for (const audit of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!audit.isDirectory()) continue;
    for (const name of readdirSync(join(CORPUS, audit.name)).sort()) {
      const text = readFileSync(join(CORPUS, audit.name, name), 'utf8');
      const header = /^# expect: (.*)$/m.exec(text.split('\n')[0] ?? '');
      if (!header) throw new Error(`${audit.name}/${name}: first line must be "# expect: …"`);
      const expected = header[1]!.trim() === 'none' ? [] : header[1]!.split(',').map((s) => s.trim());
      out.push({ file: `${audit.name}/${name}`, text, expected });
    }
  }
  return out;
}

describe('workflow corpus', () => {
  it('every positive is found at its line; no false positives', async () => {
    const cases = loadCorpus();
    // Each case is scanned as a workflow file (actions are recognised by their shape).
    const files: Record<string, string> = {};
    for (const c of cases) files[`.github/workflows/${c.file.replace('/', '__')}`] = c.text;
    const result = await scanFiles(files);
    const stats = new Map<string, { expected: number; found: number; falsePositives: number }>();
    const stat = (rule: string) => {
      const s = stats.get(rule) ?? { expected: 0, found: 0, falsePositives: 0 };
      stats.set(rule, s);
      return s;
    };
    const misses: string[] = [];
    const falsePositives: string[] = [];
    let negatives = 0;
    let cleanNegatives = 0;
    for (const c of cases) {
      const path = `.github/workflows/${c.file.replace('/', '__')}`;
      const got = result.findings
        .filter((f) => f.file === path && f.ruleId.startsWith('workflow/'))
        .map((f) => `${f.ruleId}@${f.line}`);
      const remaining = [...got];
      for (const want of c.expected) {
        stat(want.split('@')[0]!).expected++;
        const i = remaining.indexOf(want);
        if (i === -1) misses.push(`${c.file}: ${want}`);
        else {
          stat(want.split('@')[0]!).found++;
          remaining.splice(i, 1);
        }
      }
      for (const extra of remaining) {
        stat(extra.split('@')[0]!).falsePositives++;
        falsePositives.push(`${c.file}: ${extra}`);
      }
      if (c.file.includes('/neg-')) {
        negatives++;
        if (remaining.length === 0) cleanNegatives++;
      }
    }
    const rows = [...stats.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([rule, s]) =>
          `${rule.padEnd(40)} recall ${s.found}/${s.expected} (${((100 * s.found) / Math.max(1, s.expected)).toFixed(0)}%)  false positives ${s.falsePositives}`,
      );
    console.log(
      `workflow corpus: ${cases.length} files, ${negatives} negatives (${cleanNegatives} clean)\n${rows.join('\n')}`,
    );
    expect(misses).toEqual([]);
    expect(falsePositives).toEqual([]);
  });
});
