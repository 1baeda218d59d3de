/**
 * Measures how many of the lines zizmor reports, for the audits this scanner covers, the scanner
 * also reports, on a copy of zizmor's own integration-test data (not in this repository: fetch
 * it into a folder, see docs/scan.md). Usage:
 *
 *   node --import tsx scripts/zizmor-coverage.ts DATA_DIR EXPECTED_JSON
 *
 * EXPECTED_JSON lists `{file, audit, text}` per line zizmor's snapshot reports; `text` is a
 * substring of that line (the data files may be a different revision than the snapshots, so
 * lines are found by content). Prints hits, misses and the scanner's other findings of the
 * mapped rules on those files.
 */
import { readFileSync } from 'node:fs';
import { scan } from '../packages/scanner/scan.js';

const AUDIT_RULES: Record<string, string[]> = {
  'excessive-permissions': [
    'workflow/write-all',
    'workflow/read-all',
    'workflow/missing-permissions',
    'workflow/workflow-wide-write',
    'workflow/id-token-workflow-wide',
  ],
  'unpinned-uses': ['workflow/unpinned-action'],
  'dangerous-triggers': ['workflow/dangerous-trigger'],
  'template-injection': ['workflow/template-injection'],
  artipacked: ['workflow/persisted-credentials'],
  'secrets-inherit': ['workflow/secrets-inherit'],
};

const [dir, expectedFile] = process.argv.slice(2);
if (!dir || !expectedFile) throw new Error('usage: zizmor-coverage.ts DATA_DIR EXPECTED_JSON');
const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as {
  file: string;
  audit: string;
  text: string;
}[];
const files = [...new Set(expected.map((e) => e.file))];
const result = await scan({ root: dir, paths: files, config: { pinning: { policies: [] } } });
const perAudit = new Map<string, { hit: number; total: number }>();
const claimed = new Set<string>();
const misses: string[] = [];
for (const e of expected) {
  const lines = readFileSync(`${dir}/${e.file}`, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(e.text)) + 1;
  const rules = AUDIT_RULES[e.audit] ?? [];
  const hit = result.findings.find(
    (f) =>
      f.file === e.file &&
      rules.includes(f.ruleId) &&
      f.severity !== 'note' &&
      f.line <= line &&
      (f.endLine ?? f.line) >= line,
  );
  const s = perAudit.get(e.audit) ?? { hit: 0, total: 0 };
  s.total++;
  if (hit) {
    s.hit++;
    claimed.add(`${hit.file}:${hit.line}:${hit.ruleId}`);
  } else misses.push(`${e.audit} ${e.file}:${line || '?'} ${e.text}`);
  perAudit.set(e.audit, s);
}
let hits = 0;
let total = 0;
for (const [audit, s] of perAudit) {
  hits += s.hit;
  total += s.total;
  console.log(`${audit.padEnd(24)} ${s.hit}/${s.total}`);
}
console.log(`total                    ${hits}/${total} (${((100 * hits) / total).toFixed(1)}%)`);
console.log('\nmissed:');
for (const m of misses) console.log(`  ${m}`);
console.log('\nother findings of the mapped rules on these files:');
const mapped = new Set(Object.values(AUDIT_RULES).flat());
for (const f of result.findings) {
  if (mapped.has(f.ruleId) && !claimed.has(`${f.file}:${f.line}:${f.ruleId}`)) {
    console.log(`  ${f.file}:${f.line} ${f.severity} ${f.ruleId}`);
  }
}
