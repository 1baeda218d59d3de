/**
 * GitLab Code Quality report (the `artifacts:reports:codequality` format, a subset of Code
 * Climate's): one issue per finding.
 */
import type { Finding, RuleMeta } from '../finding.js';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end?: number } };
}

export function toCodeQuality(
  findings: readonly Finding[],
  rules: readonly RuleMeta[] = [],
): CodeQualityIssue[] {
  const score = new Map(rules.map((r) => [r.id, r.securitySeverity]));
  return findings.map((f) => {
    const s = score.get(f.ruleId) ?? 5;
    const severity: CodeQualityIssue['severity'] =
      f.severity === 'error'
        ? s >= 9
          ? 'blocker'
          : 'critical'
        : f.severity === 'warning'
          ? 'major'
          : 'minor';
    const lines: CodeQualityIssue['location']['lines'] = { begin: f.line };
    if (f.endLine !== undefined && f.endLine > f.line) lines.end = f.endLine;
    return {
      description: `${f.ruleId}: ${f.message}`,
      check_name: f.ruleId,
      fingerprint: f.fingerprint,
      severity,
      location: { path: f.file, lines },
    };
  });
}
