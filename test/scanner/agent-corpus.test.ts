/**
 * Recall and false positives of the agent rules on test/fixtures/agent-corpus (written for this
 * repository; see its README). Each file's first line lists the expected `rule@line:job`s; a
 * finding of an agent-in-CI rule that is not listed is a false positive, and so is one at the
 * right line but attributed to another job. Prints a table per rule and fails on any miss or
 * false positive.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_CI_RULES, jobOf, scanCorpus } from './agent-corpus.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('agent corpus', () => {
  it('every vulnerable workflow is reported at its rule, line and job; no safe variant is', async () => {
    const { root, cases, result } = await scanCorpus();
    roots.push(root);
    const stats = new Map<string, { expected: number; found: number; falsePositives: number }>();
    const stat = (rule: string) => {
      const s = stats.get(rule) ?? { expected: 0, found: 0, falsePositives: 0 };
      stats.set(rule, s);
      return s;
    };
    const misses: string[] = [];
    const falsePositives: string[] = [];
    let cleanNegatives = 0;
    for (const c of cases) {
      const got = result.findings
        .filter((f) => f.file === c.file && AGENT_CI_RULES.has(f.ruleId))
        .map((f) => `${f.ruleId}@${f.line}:${jobOf(result, f)}`);
      const remaining = [...got];
      for (const want of c.expected) {
        const key = `${want.rule}@${want.line}:${want.job}`;
        stat(want.rule).expected++;
        const i = remaining.indexOf(key);
        if (i === -1) misses.push(`${c.source}: ${key}`);
        else {
          stat(want.rule).found++;
          remaining.splice(i, 1);
        }
      }
      for (const extra of remaining) {
        stat(extra.split('@')[0]!).falsePositives++;
        falsePositives.push(`${c.source}: ${extra}`);
      }
      if (c.negative && remaining.length === 0) cleanNegatives++;
    }
    const vulnerable = cases.filter((c) => c.expected.length > 0).length;
    const negatives = cases.filter((c) => c.negative).length;
    const expected = [...stats.values()].reduce((n, s) => n + s.expected, 0);
    const found = [...stats.values()].reduce((n, s) => n + s.found, 0);
    const rows = [...stats.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([rule, s]) =>
          `${rule.padEnd(36)} recall ${s.found}/${s.expected} (${((100 * s.found) / Math.max(1, s.expected)).toFixed(0)}%)  false positives ${s.falsePositives}`,
      );
    console.log(
      `agent corpus: ${cases.length} files, ${vulnerable} vulnerable, ${negatives} safe (${cleanNegatives} clean); recall ${found}/${expected}, false positives ${falsePositives.length}\n${rows.join('\n')}`,
    );
    expect(vulnerable).toBeGreaterThanOrEqual(25);
    expect(negatives).toBeGreaterThanOrEqual(15);
    expect(misses).toEqual([]);
    expect(falsePositives).toEqual([]);
  });
});
