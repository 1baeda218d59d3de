/**
 * Held-out check of the secret detector against another project's test cases, kept outside this
 * repository (their licence and provenance are theirs): a JSON array of
 * `{ family, rule, text, positive }`. Prints, per family and in total, the share of positive cases
 * with at least one finding (recall) and of negative cases with none (clean negatives), and lists
 * the misses.
 *
 *   npx tsx bench/secrets-heldout.ts CASES.json [MORE.json ...] [--misses] [--summary]
 *
 * `--summary` prints the total, the mean recall per family, and the families under 50% instead
 * of one row per family (for case sets with hundreds of families).
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
const summary = args.includes('--summary');
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
if (!summary) {
  console.log('| family | positives | recall | negatives | clean |');
  console.log('|---|---:|---:|---:|---:|');
}
const weak: string[] = [];
let familyRecall = 0;
for (const [family, t] of [...tally].sort()) {
  if (!summary)
    console.log(`| ${family} | ${t.pos} | ${pct(t.tp, t.pos)} | ${t.neg} | ${pct(t.clean, t.neg)} |`);
  if (t.pos > 0 && t.tp / t.pos < 0.5) weak.push(`${family} ${pct(t.tp, t.pos)}`);
  familyRecall += t.pos === 0 ? 0 : t.tp / t.pos;
  total.tp += t.tp;
  total.pos += t.pos;
  total.clean += t.clean;
  total.neg += t.neg;
}
if (summary) {
  console.log('| family | positives | recall | negatives | clean |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `mean recall per family: ${((100 * familyRecall) / Math.max(1, tally.size)).toFixed(1)}% over ${tally.size} families; under 50%: ${weak.length}${weak.length ? ` (${weak.join(', ')})` : ''}`,
  );
}
console.log(
  `| **all** | ${total.pos} | ${pct(total.tp, total.pos)} | ${total.neg} | ${pct(total.clean, total.neg)} |`,
);
if (showMisses) for (const m of misses) console.log(m);
