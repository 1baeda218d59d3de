/**
 * The job summary (Markdown) for reviewers and auditors: counts, then a table of findings. File
 * names, messages and warnings come from the scanned repository: every one is escaped by
 * packages/core/untrusted-text.ts (`markdownMessage`, `markdownCode`), so none renders as a link,
 * image, HTML or table break.
 */

import { markdownCode, markdownMessage } from '../../core/untrusted-text.js';
import { inventoryMarkdown } from '../agents/inventory.js';
import type { Finding, Severity } from '../finding.js';
import { compareFindings } from '../order.js';
import { helpUriFor } from '../rules.js';
import type { ScanResult } from '../scan.js';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', note: '🔵' };

export interface SummaryOptions {
  maxRows?: number;
  sarifFile?: string;
  /** Link rule ids to their documentation. */
  linkRules?: boolean;
}

export function summaryMarkdown(result: ScanResult, options: SummaryOptions = {}): string {
  const maxRows = options.maxRows ?? 100;
  const { error, warning, note } = result.stats.bySeverity;
  const out: string[] = [];
  const headline =
    result.findings.length === 0
      ? 'no findings'
      : [plural(error, 'error'), plural(warning, 'warning'), note ? plural(note, 'note') : '']
          .filter(Boolean)
          .join(', ');
  out.push(`## ${result.findings.length === 0 ? '✅' : error > 0 ? '❌' : '⚠️'} astl scan: ${headline}`, '');
  const scope =
    result.scope === 'diff'
      ? `changed lines only (from ${result.changeSource === 'github-api' ? 'the GitHub API' : 'git diff'})`
      : 'all lines';
  const facts = [
    `**Scope:** ${scope}`,
    `**Files scanned:** ${result.stats.filesScanned}`,
    result.skipped.length ? `**Skipped:** ${result.skipped.length}` : '',
    result.stats.suppressed ? `**Suppressed inline:** ${result.stats.suppressed}` : '',
    result.stats.baselined ? `**Accepted by baseline:** ${result.stats.baselined}` : '',
    result.scope === 'diff' && result.stats.outsideDiff
      ? `**Outside the change:** ${result.stats.outsideDiff}`
      : '',
  ].filter(Boolean);
  out.push(facts.join(' · '), '');
  for (const w of result.warnings) out.push(`> [!WARNING]\n> ${markdownMessage(w)}`, '');

  if (result.findings.length > 0) {
    out.push('| | Rule | Location | Message |', '|---|---|---|---|');
    const sorted = [...result.findings].sort(compareFindings);
    for (const f of sorted.slice(0, maxRows)) out.push(row(f, options.linkRules ?? true));
    if (sorted.length > maxRows) {
      out.push(
        '',
        `> Showing the first ${maxRows} of ${sorted.length} findings (most severe first)${
          options.sarifFile ? `; all of them are in ${markdownCode(options.sarifFile)}` : ''
        }.`,
      );
    }
    out.push('');
    const byRule = Object.entries(result.stats.byRule).sort((a, b) => b[1] - a[1]);
    out.push(
      '<details><summary>Findings by rule</summary>',
      '',
      '| Rule | Count |',
      '|---|---|',
      ...byRule.map(([rule, n]) => `| ${markdownCode(rule)} | ${n} |`),
      '',
      '</details>',
      '',
    );
  }
  const agents = result.agents;
  if (agents && (agents.discovered.length > 0 || agents.registered.length > 0)) {
    out.push(inventoryMarkdown(agents, { heading: '### AI agents in CI' }));
    if (result.scope === 'diff') {
      out.push(
        '> Agents in the files this scan read (the changed ones). `astl agents list --discover` lists every agent of the repository.',
        '',
      );
    }
  }
  if (result.skipped.length > 0) {
    out.push(`<details><summary>Skipped files (${result.skipped.length})</summary>`, '');
    for (const s of result.skipped.slice(0, maxRows))
      out.push(`- ${markdownCode(s.file)}: ${markdownMessage(s.reason)}`);
    if (result.skipped.length > maxRows) out.push(`- … and ${result.skipped.length - maxRows} more`);
    out.push('', '</details>', '');
  }
  out.push(
    'Suppress a finding you accept with `# astl:ignore <rule-id> <reason>` on its line or the line above, or accept existing findings with a baseline.',
    '',
  );
  return out.join('\n');
}

function row(f: Finding, link: boolean): string {
  const code = markdownCode(f.ruleId);
  const rule = link ? `[${code}](${helpUriFor({ id: f.ruleId, helpAnchor: '' })})` : code;
  return `| ${ICON[f.severity]} ${f.severity} | ${rule} | ${markdownCode(`${f.file}:${f.line}`)} | ${markdownMessage(f.message)} |`;
}

/** `1 error`, `2 errors`: a count and its noun, the noun singular for exactly one. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
