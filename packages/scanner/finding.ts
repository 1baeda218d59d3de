import { createHash } from 'node:crypto';

/** The scanner's unit of output: every rule produces these, every reporter consumes them. */
export type Severity = 'error' | 'warning' | 'note';

export interface RuleMeta {
  /** Stable id, e.g. `secret/aws-access-key`, `workflow/unpinned-action`, `agent/missing-owner`. */
  id: string;
  /** Short title used as the annotation title and SARIF shortDescription. */
  title: string;
  severity: Severity;
  /** GitHub code scanning's 0.0-10.0 score (SARIF property `security-severity`). */
  securitySeverity: number;
  /** What the rule looks for and why it matters (SARIF fullDescription / help). */
  description: string;
  /** Anchor in the README's rule reference, e.g. `#secretaws-access-key`. */
  helpAnchor: string;
  tags?: string[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Workspace-relative path with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** What is wrong and what to change, in one or two sentences. Never contains a secret value. */
  message: string;
  /**
   * Stable identity that survives line shifts: hash of rule id, file, and the normalised content
   * the finding is about (not the line number).
   */
  fingerprint: string;
  /** The finding's own line, redacted, for reporters that show context. */
  snippet?: string;
}

/**
 * The one way to fingerprint a finding: rule id, file, and the normalised content the finding
 * is about (whitespace collapsed), never the line number, so it survives lines moving. Pass a
 * secret's hash rather than the secret itself when the content is sensitive.
 */
export function fingerprint(ruleId: string, file: string, content: string): string {
  const normalised = content.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalised}`).digest('hex').slice(0, 32);
}
