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
  return suppressionOf(finding, suppressions) !== undefined;
}

/** The comment that accepts `finding` (its line and reason), if any. */
function suppressionOf(
  finding: Finding,
  suppressions: Map<number, Suppression>,
): { line: number; reason: string } | undefined {
  if (suppressions.size === 0) return undefined;
  for (const line of [finding.line, finding.line - 1]) {
    const s = suppressions.get(line);
    if (
      s?.rules.some(
        (r) => r === finding.ruleId || (r.endsWith('/*') && finding.ruleId.startsWith(r.slice(0, -1))),
      )
    ) {
      return { line, reason: s.reason };
    }
  }
  return undefined;
}

/** A finding an `astl:ignore` comment accepts: the comment's 1-based line and reason. */
export interface InlineAcceptance {
  finding: RawFinding;
  line: number;
  reason: string;
}

export function applySuppressions(ctx: FileContext): {
  kept: RawFinding[];
  suppressed: RawFinding[];
  accepted: InlineAcceptance[];
} {
  const suppressions = readSuppressions(ctx);
  const kept: RawFinding[] = [];
  const suppressed: RawFinding[] = [];
  const accepted: InlineAcceptance[] = [];
  for (const f of ctx.findings) {
    const by = f.ruleId === 'scan/suppression-without-reason' ? undefined : suppressionOf(f, suppressions);
    if (by) {
      suppressed.push(f);
      accepted.push({ finding: f, ...by });
    } else kept.push(f);
  }
  return { kept, suppressed, accepted };
}

/**
 * A finding accepted by something the change under review itself added (an `astl:ignore`
 * comment on a changed line, a baseline or scan config the change edits), shown as a note so
 * a pull request cannot silence its own findings unseen. `how` says what accepted it.
 */
export function acceptedInChange(f: RawFinding, how: string): RawFinding {
  return {
    ...f,
    severity: 'note',
    message: `Accepted by ${how}, and this change adds or edits it or the finding's line: reviewers, judge that reason. ${f.message}`,
  };
}

/** A reason as a message quotes it: one line, at most 200 characters. */
export function quotedReason(reason: string): string {
  const flat = reason.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 200 ? `${flat.slice(0, 199)}…` : flat);
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
