/**
 * Findings as workflow-command annotations (`::error file=…,line=…::message`), returned as
 * lines for the front end to print. GitHub shows only 10 annotations of each type per step, so
 * the most severe come first and a final notice says how many more are in the SARIF file and
 * the job summary.
 */
import type { Finding, RuleMeta, Severity } from '../finding.js';
import { compareFindings } from '../order.js';
import { escapeCommandData, escapeCommandProperty } from './escape.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

export interface AnnotationOptions {
  /** Per annotation type; GitHub displays 10. */
  maxPerType?: number;
  rules?: readonly RuleMeta[];
  /** Where the rest can be read, for the overflow notice. */
  sarifFile?: string;
  /** Error slots to leave free (the step's own failure message is an error annotation too). */
  reserveErrors?: number;
}

export function annotationLines(findings: readonly Finding[], options: AnnotationOptions = {}): string[] {
  const max = options.maxPerType ?? 10;
  const titles = new Map((options.rules ?? []).map((r) => [r.id, r.title]));
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const hidden: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const lines: string[] = [];
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
    lines.push(
      `::notice title=${escapeCommandProperty('astl scan: more findings')}::${escapeCommandData(
        `${more} more finding${more === 1 ? '' : 's'} (${parts.join(', ')}) not shown as annotations: GitHub displays ${max} per type and step. See ${where}.`,
      )}`,
    );
  }
  return lines;
}

export function annotation(f: Finding, title?: string): string {
  const props = [`file=${escapeCommandProperty(f.file)}`, `line=${f.line}`];
  if (f.endLine !== undefined && f.endLine !== f.line) props.push(`endLine=${f.endLine}`);
  if (f.column !== undefined) {
    props.push(`col=${f.column}`);
    if (f.endColumn !== undefined && (f.endLine === undefined || f.endLine === f.line)) {
      props.push(`endColumn=${f.endColumn}`);
    }
  }
  props.push(`title=${escapeCommandProperty(`${f.ruleId}${title ? `: ${title}` : ''}`)}`);
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeCommandData(f.message)}`;
}
