/**
 * Third-party check of the secret detector: the snapshot cases of secretlint's rule packages
 * (../shared/corpus/secretlint-cases.jsonl, see its README). Every positive case must produce a
 * finding on each expected line, every negative case none, except the cases listed in
 * DELIBERATELY_MISSED below, each with the reason; the test also fails when one of those starts
 * passing, so the list stays true.
 *
 * Interpretation of the corpus:
 * - `line` in `expected` is 1-based (`"line": 1` with `range: [0, ...]`); columns are 0-based.
 *   A finding "hits" an expected message when its lines overlap the lines of the expected
 *   `range` (secretlint reports a GCP key file as the whole JSON from line 1; we report the key
 *   at its `"private_key"` line inside that range).
 * - Binary inputs (`.p12` files) are skipped: the scanner skips binary files before detection.
 * - Cases whose input file is not in the corpus (`input` empty and no `input_path`: `.npmrc`,
 *   `.env`, package.json fixtures that secretlint keeps under other names) are skipped.
 * - `secretlintrc` options are translated: `allows` -> `allow`; aws `enableIDScanRule: true` ->
 *   enable the opt-in `secret/aws-account-id`, `false` -> disable `secret/aws-access-key-id`
 *   (secretlint's switch covers both); the pattern rule's `patterns` -> `customPatterns`. The
 *   azure package's cases run with the opt-in `secret/azure-identifier` on (secretlint runs only
 *   the package under test, so its identifier rule is "on" there).
 * - Extra findings on lines a positive case does not list are counted and printed, not failed:
 *   secretlint's snapshots omit real credentials its own patterns cannot parse (for example a
 *   password containing `@` or `!` in a URL).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../packages/scanner/finding.js';
import {
  type CustomSecretPattern,
  type DetectSecretsOptions,
  detectSecrets,
} from '../../packages/scanner/secrets/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The workplace's shared copy when present, else the copy vendored under test/fixtures (same
// file, MIT, see its README) so the test also runs in a plain clone on GitHub's runners.
const SHARED_CORPUS = resolve(REPO, '../shared/corpus/secretlint-cases.jsonl');
const CORPUS = existsSync(SHARED_CORPUS)
  ? SHARED_CORPUS
  : resolve(REPO, 'test/fixtures/secretlint/secretlint-cases.jsonl');

interface Expected {
  ruleId: string;
  line: number;
  column: number;
  range: [number, number];
}
interface RuleConfig {
  id: string;
  options?: Record<string, unknown>;
}
interface Case {
  rule_pkg: string;
  case: string;
  input_path: string | null;
  binary: boolean;
  input: string;
  expected: Expected[];
  positive: boolean;
  secretlintrc?: { rules?: RuleConfig[] } | null;
}

/** Cases we do not catch on purpose, with the reason. Keys are `<rule_pkg>/<case>`. */
const DELIBERATELY_MISSED: Record<string, string> = {
  // secretlint's template rule for rule authors: it reports the word "SECRET", not a credential.
  'secretlint-rule-example/ng.secret': 'fixture rule that flags the literal word SECRET',
  // These test secretlint's `secretlint-disable` comments with fixture rules that flag the text
  // "SECRET A" / "SECRET Z". Nothing in them is a credential; our suppression comment is
  // `# astl:ignore <rule-id> <reason>`, handled by the scanner engine, not the detector.
  'secretlint-rule-filter-comments/ng.secretlint-disable-line':
    'fixture rule (SECRET <letter>), not a credential',
  'secretlint-rule-filter-comments/ng.secretlint-disable-next-line':
    'fixture rule (SECRET <letter>), not a credential',
  'secretlint-rule-filter-comments/ng.secretlint-disable-secretlint-enable':
    'fixture rule (SECRET <letter>), not a credential',
  'secretlint-rule-filter-comments/ng.secretlint-disable-target-id':
    'fixture rule (SECRET <letter>), not a credential',
  // Reports the scanning machine's home directory path (a privacy leak, not a credential); needs
  // the machine's home directory as input, which a CI scan of the repository has no use for.
  'secretlint-rule-no-homedir/ng.homedir': 'home-directory paths are not credentials; not implemented',
  'secretlint-rule-no-homedir/ng.patial-homedir': 'home-directory paths are not credentials; not implemented',
  // Placeholders (issue 10): secretlint's fixtures fill token shapes with runs of one letter,
  // masks, `EXAMPLE` and counting sequences. Those are never findings, for any token rule
  // (packages/scanner/secrets/placeholder.ts); the tests of that rule use these same inputs.
  'secretlint-rule-databricks/ng.secret':
    'placeholder: counting digits and letters (`dapi1234567890ABCDEF…`)',
  'secretlint-rule-docker/ng.docker-pat': 'placeholder: `Example` and counting digits',
  'secretlint-rule-figma/ng.secret':
    'placeholder: counting letters and digits (`aBcDeFgHiJk…1234567890abcdef…`)',
  'secretlint-rule-grafana/ng.service_account_token': 'placeholder: the alphabet in order (`abcdefghij…`)',
  'secretlint-rule-groq/ng.secret': 'placeholder: counting letters and digits on every line',
  'secretlint-rule-huggingface/ng.secret': 'placeholder: a mask (`hf_xxxx…`)',
  'secretlint-rule-linear/ng.secret': 'placeholder: ends in `EXAMPLE`',
  'secretlint-rule-notion/ng.secret': 'placeholder: counting letters and digits on every line',
  'secretlint-rule-slack/ng.IncomingWebhook':
    'placeholder: line 1 is a mask (`TXXXXX/BXXXXX/XXXXXXXXXX`); line 3 is still reported',
  'secretlint-rule-gitlab/ng.personal_access_token':
    'placeholder: the alphabet in alternating case (`aBcDeFgHiJk…`)',
  'secretlint-rule-stripe/ng.secret': 'placeholder: runs of one letter (`sk_live_AAAA…`)',
  'secretlint-rule-tailscale/ng.api-key': 'placeholder: runs of one letter (`AAAA…-BBBB…`)',
  'secretlint-rule-tailscale/ng.auth-key': 'placeholder: runs of one letter',
  'secretlint-rule-tailscale/ng.boundary-non-letter': 'placeholder: runs of one letter',
  'secretlint-rule-tailscale/ng.client-key': 'placeholder: runs of one letter',
  'secretlint-rule-tailscale/ng.scim-key': 'placeholder: runs of one letter',
  'secretlint-rule-tailscale/ng.unknown-type': 'placeholder: runs of one letter',
  'secretlint-rule-tailscale/ng.webhook-key': 'placeholder: runs of one letter',
  'secretlint-rule-vercel/ng.secret':
    'placeholder: counting letters and digits on four lines; the random `vca_` line is still reported',
};

type Verdict = 'pass' | 'skipped-binary' | 'skipped-no-input' | 'missed' | 'false-positive';

interface Result {
  key: string;
  verdict: Verdict;
  expectedHits: number;
  foundHits: number;
  extraFindings: Finding[];
  falsePositives: Finding[];
  detail: string;
}

function optionsFor(c: Case): DetectSecretsOptions {
  const enable: string[] = [];
  const disable: string[] = [];
  const allow: string[] = [];
  const customPatterns: CustomSecretPattern[] = [];
  if (c.rule_pkg === 'secretlint-rule-azure') enable.push('secret/azure-identifier');
  for (const rule of c.secretlintrc?.rules ?? []) {
    const o = rule.options ?? {};
    const allows = Array.isArray(o.allows) ? (o.allows as string[]) : [];
    if (rule.id === '@secretlint/secretlint-rule-pattern') {
      for (const p of (o.patterns as Record<string, unknown>[] | undefined) ?? []) {
        customPatterns.push({
          name: String(p.name),
          ...(typeof p.pattern === 'string' ? { pattern: p.pattern } : {}),
          ...(Array.isArray(p.patterns) ? { patterns: p.patterns as string[] } : {}),
          ...(Array.isArray(p.filePathGlobs) ? { filePathGlobs: p.filePathGlobs as string[] } : {}),
          allow: [...allows, ...((p.allows as string[] | undefined) ?? [])],
        });
      }
      continue;
    }
    allow.push(...allows);
    if (o.enableIDScanRule === true) enable.push('secret/aws-account-id');
    if (o.enableIDScanRule === false) disable.push('secret/aws-access-key-id');
  }
  return { enable, disable, allow, customPatterns };
}

/** 1-based line of a 0-based offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function overlaps(f: Finding, from: number, to: number): boolean {
  return f.line <= to && (f.endLine ?? f.line) >= from;
}

function evaluate(c: Case): Result {
  const key = `${c.rule_pkg}/${c.case}`;
  const base = { key, expectedHits: 0, foundHits: 0, extraFindings: [], falsePositives: [], detail: '' };
  if (c.binary) return { ...base, verdict: 'skipped-binary' };
  if (c.input === '' && !c.input_path) return { ...base, verdict: 'skipped-no-input' };
  const file = c.input_path ? basename(c.input_path) : 'input.txt';
  const findings = detectSecrets(c.input, file, optionsFor(c));
  if (!c.positive) {
    return {
      ...base,
      verdict: findings.length === 0 ? 'pass' : 'false-positive',
      falsePositives: findings,
      detail: findings.map((f) => `${f.ruleId} line ${f.line}: ${f.snippet}`).join('; '),
    };
  }
  const spans = c.expected.map((e) => [
    lineOf(c.input, e.range[0]),
    lineOf(c.input, Math.max(e.range[0], e.range[1] - 1)),
  ]);
  const missing = c.expected.filter((_, i) => {
    const [from = 0, to = 0] = spans[i] ?? [];
    return !findings.some((f) => overlaps(f, from, to));
  });
  const extra = findings.filter((f) => !spans.some(([from = 0, to = 0]) => overlaps(f, from, to)));
  return {
    ...base,
    verdict: missing.length === 0 ? 'pass' : 'missed',
    expectedHits: c.expected.length,
    foundHits: c.expected.length - missing.length,
    extraFindings: extra,
    detail: missing.length ? `missing lines ${missing.map((m) => m.line).join(', ')}` : '',
  };
}

const present = existsSync(CORPUS);
const cases: Case[] = present
  ? readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Case)
  : [];

describe('secretlint corpus', () => {
  if (!present) {
    if (process.env.CI) {
      it('corpus is present in CI', () => {
        throw new Error(`secretlint corpus not found at ${CORPUS}; restore test/fixtures/secretlint`);
      });
    } else {
      it.skip(`secretlint corpus not found at ${CORPUS} (skipped outside CI)`, () => {});
    }
    return;
  }

  const results = cases.map(evaluate);

  it('has the cases the README describes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  for (const r of results) {
    const missedOnPurpose = DELIBERATELY_MISSED[r.key];
    if (r.verdict === 'skipped-binary' || r.verdict === 'skipped-no-input') {
      it.skip(`${r.key} (${r.verdict})`, () => {});
      continue;
    }
    it(r.key, () => {
      if (missedOnPurpose) {
        // Still missed? If this fails, we now catch it: remove it from DELIBERATELY_MISSED.
        expect(r.verdict, `${r.key} now passes; remove it from DELIBERATELY_MISSED`).toBe('missed');
      } else {
        expect(r.verdict, r.detail).toBe('pass');
      }
    });
  }

  it('never repeats a corpus secret in a snippet or message', () => {
    for (const c of cases) {
      if (c.binary || !c.positive) continue;
      const findings = detectSecrets(c.input, 'input.txt', optionsFor(c));
      for (const e of c.expected) {
        const secret = c.input.slice(e.range[0], e.range[1]);
        if (secret.length < 12) continue;
        for (const f of findings) {
          expect(f.snippet ?? '', `${c.rule_pkg}/${c.case}`).not.toContain(secret);
          expect(f.message).not.toContain(secret);
        }
      }
    }
  });

  it('lists only real cases as deliberately missed', () => {
    const keys = new Set(results.map((r) => r.key));
    for (const key of Object.keys(DELIBERATELY_MISSED)) expect(keys.has(key), key).toBe(true);
  });

  afterAll(() => {
    const scored = results.filter((r) => r.verdict !== 'skipped-binary' && r.verdict !== 'skipped-no-input');
    const positives = scored.filter((r) => cases.find((c) => `${c.rule_pkg}/${c.case}` === r.key)?.positive);
    const negatives = scored.filter((r) => !positives.includes(r));
    const counted = positives.filter((r) => !DELIBERATELY_MISSED[r.key]);
    const sum = (rs: Result[], f: (r: Result) => number): number => rs.reduce((n, r) => n + f(r), 0);
    const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
    const lines = [
      `secretlint corpus: ${cases.length} cases; ${scored.length} scored, ${results.filter((r) => r.verdict === 'skipped-binary').length} binary skipped, ${results.filter((r) => r.verdict === 'skipped-no-input').length} without input skipped`,
      `  positive cases: ${positives.filter((r) => r.verdict === 'pass').length}/${positives.length} fully found; expected secrets found ${sum(positives, (r) => r.foundHits)}/${sum(positives, (r) => r.expectedHits)} (recall ${pct(
        sum(positives, (r) => r.foundHits),
        sum(positives, (r) => r.expectedHits),
      )})`,
      `  recall without the ${Object.keys(DELIBERATELY_MISSED).length} deliberately missed cases: ${sum(counted, (r) => r.foundHits)}/${sum(counted, (r) => r.expectedHits)} (${pct(
        sum(counted, (r) => r.foundHits),
        sum(counted, (r) => r.expectedHits),
      )})`,
      `  negative cases: ${negatives.filter((r) => r.verdict === 'pass').length}/${negatives.length} clean; false positives: ${sum(negatives, (r) => r.falsePositives.length)}`,
      `  extra findings in positive cases (lines secretlint does not list): ${sum(positives, (r) => r.extraFindings.length)}`,
      ...positives.flatMap((r) =>
        r.extraFindings.map((f) => `    ${r.key}: ${f.ruleId} line ${f.line}: ${f.snippet}`),
      ),
      ...Object.entries(DELIBERATELY_MISSED).map(([k, why]) => `  deliberately missed: ${k} (${why})`),
    ];
    console.log(lines.join('\n'));
  });
});
