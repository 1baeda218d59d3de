/**
 * Findings as annotations (`::error file=…,line=…::message`): structured for the action's runner
 * module, or as command lines for the CLI's `--format github`, both escaped by
 * packages/core/untrusted-text.ts. GitHub shows only 10 annotations of each type per step, so
 * the most severe come first and a final notice says how many more are in the SARIF file and
 * the job summary.
 */
import { type AnnotationProperties, annotationCommand } from '../../core/untrusted-text.js';
import type { Finding, RuleMeta, Severity } from '../finding.js';
import { compareFindings } from '../order.js';

const COMMAND: Record<Severity, Annotation['kind']> = { error: 'error', warning: 'warning', note: 'notice' };

export interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  message: string;
  properties: AnnotationProperties;
}

export interface AnnotationOptions {
  /** Per annotation type; GitHub displays 10. */
  maxPerType?: number;
  rules?: readonly RuleMeta[];
  /** Where the rest can be read, for the overflow notice. */
  sarifFile?: string;
  /** Error slots to leave free (the step's own failure message is an error annotation too). */
  reserveErrors?: number;
}

/** The annotations as `::` command lines (the CLI's `--format github`). */
export function annotationLines(findings: readonly Finding[], options: AnnotationOptions = {}): string[] {
  return annotations(findings, options).map((a) => annotationCommand(a.kind, a.message, a.properties));
}

export function annotations(findings: readonly Finding[], options: AnnotationOptions = {}): Annotation[] {
  const max = options.maxPerType ?? 10;
  const titles = new Map((options.rules ?? []).map((r) => [r.id, r.title]));
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const hidden: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const lines: Annotation[] = [];
  const sorted = [...findings].sort(compareFindings);
  const count: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of sorted) count[f.severity]++;
  const errorSlots = Math.max(0, max - (options.reserveErrors ?? 0));
  const overflow = count.error > errorSlots || count.warning > max || count.note > max;
  // The overflow notice takes one of the notice slots.
  const limits: Record<Severity, number> = {
    error: errorSlots,
    warning: max,
    note: overflow ? max - 1 : max,
  };
  for (const f of sorted) {
    if (shown[f.severity] >= limits[f.severity]) {
      hidden[f.severity]++;
      continue;
    }
    shown[f.severity]++;
    lines.push(annotation(f, titles.get(f.ruleId)));
  }
  const more = hidden.error + hidden.warning + hidden.note;
  if (more > 0) {
    const parts = (['error', 'warning', 'note'] as const)
      .filter((s) => hidden[s] > 0)
      .map((s) => `${hidden[s]} ${s === 'note' ? 'note' : s}${hidden[s] === 1 ? '' : 's'}`);
    const where = options.sarifFile
      ? `the SARIF file (${options.sarifFile}) and the job summary`
      : 'the job summary';
    lines.push({
      kind: 'notice',
      message: `${more} more finding${more === 1 ? '' : 's'} (${parts.join(', ')}) not shown as annotations: GitHub displays ${max} per type and step. See ${where}.`,
      properties: { title: 'astl scan: more findings' },
    });
  }
  return lines;
}

export function annotation(f: Finding, title?: string): Annotation {
  const properties: AnnotationProperties = { file: f.file, startLine: f.line };
  if (f.endLine !== undefined && f.endLine !== f.line) properties.endLine = f.endLine;
  if (f.column !== undefined) {
    properties.startColumn = f.column;
    if (f.endColumn !== undefined && (f.endLine === undefined || f.endLine === f.line)) {
      properties.endColumn = f.endColumn;
    }
  }
  properties.title = `${f.ruleId}${title ? `: ${title}` : ''}`;
  return { kind: COMMAND[f.severity], message: f.message, properties };
}
