/**
 * The agent corpus (test/fixtures/agent-corpus, see its README) laid out as one repository and
 * scanned; shared by the recall test and the inventory tests.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../packages/scanner/finding.js';
import { type ScanResult, scan } from '../../packages/scanner/scan.js';
import { repoRoot } from '../support/runner.js';

export const CORPUS = join(repoRoot, 'test/fixtures/agent-corpus');

/** The rules the corpus measures: discovery and audits of agents in CI (not the registry rules). */
export const AGENT_CI_RULES = new Set([
  'agent/unregistered',
  'agent/ungated-trigger',
  'agent/any-user-allowed',
  'agent/any-bot-allowed',
  'agent/unrestricted-tools',
  'agent/untrusted-prompt',
  'agent/output-in-run',
  'agent/head-checkout',
  'agent/permission-beyond-registry',
  'agent/secret-beyond-registry',
]);

export interface Expectation {
  rule: string;
  line: number;
  job: string;
}

export interface CorpusCase {
  /** Path in the scanned repository. */
  file: string;
  /** Path in the corpus folder. */
  source: string;
  expected: Expectation[];
  negative: boolean;
}

function header(text: string, source: string): Expectation[] {
  const m = /^# expect: (.*)$/.exec(text.split('\n')[0] ?? '');
  if (!m)
    throw new Error(`${source}: the first line must be "# expect: none" or "# expect: rule@line:job, …"`);
  if (m[1]!.trim() === 'none') return [];
  return m[1]!.split(',').map((item) => {
    const e = /^\s*(agent\/[a-z-]+)@(\d+):(\S+)\s*$/.exec(item);
    if (!e) throw new Error(`${source}: cannot read expectation "${item.trim()}" (rule@line:job)`);
    return { rule: e[1]!, line: Number(e[2]), job: e[3]! };
  });
}

/** Lays the corpus out as a repository; returns its root and the cases. */
export function layOut(): { root: string; cases: CorpusCase[] } {
  const root = mkdtempSync(join(tmpdir(), 'astl-agent-corpus-'));
  const cases: CorpusCase[] = [];
  // Stored under names the repository's own scan does not pick up (its default paths match
  // agent-config.yaml, policies/** and action.yml anywhere).
  cpSync(join(CORPUS, 'registry.yaml'), join(root, 'agent-config.yaml'));
  cpSync(join(CORPUS, 'org-policies'), join(root, 'policies'), { recursive: true });
  const add = (source: string, file: string) => {
    const text = readFileSync(join(CORPUS, source), 'utf8');
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
    const name = source.split('/').pop()!;
    cases.push({ file, source, expected: header(text, source), negative: name.startsWith('safe-') });
  };
  for (const name of readdirSync(join(CORPUS, 'github')).sort())
    add(`github/${name}`, `.github/workflows/${name}`);
  for (const name of readdirSync(join(CORPUS, 'gitlab')).sort()) {
    add(`gitlab/${name}`, `gitlab/${name.replace(/\.ya?ml$/, '')}/.gitlab-ci.yml`);
  }
  for (const name of readdirSync(join(CORPUS, 'actions')).sort()) {
    add(`actions/${name}`, `.github/actions/${name.replace(/\.ya?ml$/, '')}/action.yml`);
  }
  return { root, cases };
}

export async function scanCorpus(): Promise<{ root: string; cases: CorpusCase[]; result: ScanResult }> {
  const { root, cases } = layOut();
  const result = await scan({ root, paths: ['**'] });
  return { root, cases, result };
}

/** The job a finding is about: the inventory record it is attributed to, else the message. */
export function jobOf(result: ScanResult, finding: Finding): string {
  const record = result.agents?.discovered.find(
    (d) =>
      d.file === finding.file &&
      d.findings.some((f) => f.ruleId === finding.ruleId && f.line === finding.line),
  );
  return record?.job ?? /job '([^']+)'/.exec(finding.message)?.[1] ?? '-';
}
