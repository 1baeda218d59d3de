/**
 * Held-out check of the secret detector against another project's test cases, kept outside this
 * repository (their licence and provenance are theirs): a JSON array of
 * `{ family, rule, text, positive }`. Prints, per family and in total, the share of positive cases
 * with at least one finding (recall) and of negative cases with none (clean negatives), and lists
 * the misses.
 *
 *   npx tsx bench/secrets-heldout.ts CASES.json [MORE.json ...] [--misses]
 *
 * How the cases used for the figures in docs/secrets.md were made: see the note of the
 * measurement (gitleaks' rule tests, rebuilt with their own sample generator).
 */
import { readFileSync } from 'node:fs';
import { detectSecrets } from '../packages/scanner/secrets/index.js';

interface Case {
  family: string;
  rule: string;
  text: string;
  positive: boolean;
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npx tsx bench/secrets-heldout.ts CASES.json [...] [--misses]');
  process.exit(2);
}
const cases: Case[] = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Case[]);
const tally = new Map<string, { tp: number; pos: number; clean: number; neg: number }>();
const misses: string[] = [];
for (const c of cases) {
  const t = tally.get(c.family) ?? { tp: 0, pos: 0, clean: 0, neg: 0 };
  tally.set(c.family, t);
  const found = detectSecrets(c.text, 'case.txt').length > 0;
  if (c.positive) {
    t.pos++;
    if (found) t.tp++;
    else misses.push(`missed  ${c.rule}: ${JSON.stringify(c.text).slice(0, 160)}`);
  } else {
    t.neg++;
    if (!found) t.clean++;
    else misses.push(`flagged ${c.rule}: ${JSON.stringify(c.text).slice(0, 160)}`);
  }
}
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const total = { tp: 0, pos: 0, clean: 0, neg: 0 };
console.log('| family | positives | recall | negatives | clean |');
console.log('|---|---:|---:|---:|---:|');
for (const [family, t] of [...tally].sort()) {
  console.log(`| ${family} | ${t.pos} | ${pct(t.tp, t.pos)} | ${t.neg} | ${pct(t.clean, t.neg)} |`);
  total.tp += t.tp;
  total.pos += t.pos;
  total.clean += t.clean;
  total.neg += t.neg;
}
console.log(
  `| **all** | ${total.pos} | ${pct(total.tp, total.pos)} | ${total.neg} | ${pct(total.clean, total.neg)} |`,
);
if (showMisses) for (const m of misses) console.log(m);
