/**
 * Accepting findings on purpose: inline `# astl:ignore <rule-id>[,<rule-id>] <reason>` comments
 * (same line or the line above; the reason is required) and baseline files of fingerprints
 * (for JSON, which has no comments, and for adopting the scanner on an existing repository).
 */

import type { FileContext, RawFinding } from './context.js';
import type { Finding } from './finding.js';

const MARKER = /(?:#|\/\/)\s*astl:ignore\b[ \t]*([^\s]*)[ \t]*(.*)$/;

interface Suppression {
  rules: string[];
  reason: string;
}

/** Suppression comments of one file by line; comments without a reason become findings. */
export function readSuppressions(ctx: FileContext): Map<number, Suppression> {
  const out = new Map<number, Suppression>();
  if (!ctx.text.includes('astl:ignore')) return out;
  const lines = ctx.lines;
  for (let line = 1; line <= lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (!text.includes('astl:ignore')) continue;
    const m = MARKER.exec(text);
    if (!m) continue;
    const rules = (m[1] ?? '').split(',').filter(Boolean);
    const reason = (m[2] ?? '').trim();
    if (rules.length === 0 || !reason) {
      ctx.emit({
        ruleId: 'scan/suppression-without-reason',
        line,
        message: rules.length
          ? `\`astl:ignore ${rules.join(',')}\` gives no reason, so it does not suppress anything. Say why the finding is acceptable: \`# astl:ignore ${rules.join(',')} <reason>\`.`
          : 'A bare `astl:ignore` names no rule and gives no reason: write `# astl:ignore <rule-id> <reason>`.',
        about: `astl:ignore ${rules.join(',')}`,
      });
      continue;
    }
    out.set(line, { rules, reason });
  }
  return out;
}

export function isSuppressed(finding: Finding, suppressions: Map<number, Suppression>): boolean {
  if (suppressions.size === 0) return false;
  for (const line of [finding.line, finding.line - 1]) {
    const s = suppressions.get(line);
    if (
      s?.rules.some(
        (r) => r === finding.ruleId || (r.endsWith('/*') && finding.ruleId.startsWith(r.slice(0, -1))),
      )
    ) {
      return true;
    }
  }
  return false;
}

export function applySuppressions(ctx: FileContext): { kept: RawFinding[]; suppressed: RawFinding[] } {
  const suppressions = readSuppressions(ctx);
  const kept: RawFinding[] = [];
  const suppressed: RawFinding[] = [];
  for (const f of ctx.findings) {
    if (f.ruleId !== 'scan/suppression-without-reason' && isSuppressed(f, suppressions)) suppressed.push(f);
    else kept.push(f);
  }
  return { kept, suppressed };
}

/** Baseline file: `{"version":1,"fingerprints":[...]}` or one fingerprint a line (`#` comments). */
export function parseBaseline(text: string): Set<string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const data = JSON.parse(trimmed) as { version?: unknown; fingerprints?: unknown };
    if (!Array.isArray(data.fingerprints)) throw new Error('a JSON baseline needs a "fingerprints" list');
    return new Set(
      data.fingerprints.map((f) =>
        typeof f === 'string' ? f : ((f as { fingerprint?: string })?.fingerprint ?? ''),
      ),
    );
  }
  return new Set(
    trimmed
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean),
  );
}

/** A baseline accepting every given finding; entries carry rule and file so reviews can read it. */
export function writeBaseline(findings: readonly Finding[]): string {
  const byFingerprint = new Map<string, Finding>();
  for (const f of findings) if (!byFingerprint.has(f.fingerprint)) byFingerprint.set(f.fingerprint, f);
  const entries = [...byFingerprint.values()]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId))
    .map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file }));
  return `${JSON.stringify({ version: 1, fingerprints: entries }, null, 2)}\n`;
}
