/** Plain text for terminals and the CLI's default format, and JSON for machines. */

import { printable } from '../../core/untrusted-text.js';
import type { ScanResult } from '../scan.js';
import { plural } from './summary.js';

export function textReport(result: ScanResult): string {
  const out: string[] = [];
  for (const f of result.findings) {
    const where = `${printable(f.file)}:${f.line}${f.column ? `:${f.column}` : ''}`;
    out.push(`${where}: ${f.severity} ${f.ruleId}: ${printable(f.message)}`);
  }
  for (const w of result.warnings) out.push(`warning: ${printable(w)}`);
  // Binary, oversized and unreadable files: named, so that nothing passes unseen.
  for (const s of result.skipped) out.push(`skipped: ${printable(s.file)}: ${printable(s.reason)}`);
  const { error, warning, note } = result.stats.bySeverity;
  out.push(
    `${plural(result.stats.filesScanned, 'file')} scanned (${result.scope === 'diff' ? 'changed lines' : 'all lines'}): ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(note, 'note')}` +
      (result.skipped.length ? `, ${plural(result.skipped.length, 'file')} skipped` : '') +
      (result.stats.suppressed ? `, ${result.stats.suppressed} suppressed` : '') +
      (result.stats.baselined ? `, ${result.stats.baselined} in baseline` : ''),
  );
  return `${out.join('\n')}\n`;
}

export function jsonReport(result: ScanResult): string {
  const { rules: _rules, ...rest } = result;
  return `${JSON.stringify({ version: 1, ...rest }, null, 2)}\n`;
}
