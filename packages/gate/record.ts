/**
 * The decision record (OPA decision-log style) and its Markdown rendering for the job summary.
 * The record holds no secrets: the request is what the workflow passed (no token), images are
 * references and digests.
 */
import {
  markdownCode,
  markdownFacts,
  markdownFence,
  markdownMessage,
  markdownText,
  markdownTime,
} from '../core/untrusted-text.js';
import type { DecisionValue, GateImage, Mode, PassedCheck, Reason } from './types.js';

export interface CiInfo {
  provider: 'github' | 'gitlab' | 'local';
  repository?: string;
  run_id?: string;
  run_attempt?: string;
  workflow?: string;
  job?: string;
  sha?: string;
  ref?: string;
  actor?: string;
}

export interface DecisionRecord {
  decision_id: string;
  timestamp: string;
  decision: DecisionValue;
  /** In shadow mode the decision is reported but never enforced. */
  mode: Mode;
  /** What the step did: `enforced` (failed the job or let it pass) or `reported` (shadow). */
  enforced: boolean;
  policy: { path: string; sha256: string | null; files: string[] };
  request: {
    agent: string;
    agent_type: string | null;
    action: string;
    environment: string;
    images: string[];
    replicas: number | null;
    params: Record<string, unknown>;
  };
  images: {
    input: string;
    pinned: string | null;
    digest: string | null;
    mediaType: string | null;
    error?: string;
  }[];
  reasons: Reason[];
  /** On allow: each check the request passed (policy line and what was checked). */
  checks_passed: PassedCheck[];
  budget: { limit: number; used: number | null } | null;
  approval: { required: boolean; approved_by?: string };
  metrics: {
    timer_resolve_ms: number;
    timer_eval_ms: number;
    timer_github_ms: number;
    timer_total_ms: number;
  };
  ci: CiInfo;
}

export function imageEntries(images: GateImage[]): DecisionRecord['images'] {
  return images.map((i) => {
    const entry: DecisionRecord['images'][number] = {
      input: i.input,
      pinned: i.pinned ?? null,
      digest: i.digest ?? null,
      mediaType: i.mediaType ?? null,
    };
    if (i.error) entry.error = i.error.code;
    return entry;
  });
}

const STATUS: Record<DecisionValue, string> = {
  allow: '✅ allow',
  deny: '❌ deny',
  approval_needed: '⏳ approval needed',
};

// Agent, action, environment, images, params and reasons come from the workflow's inputs, the
// registry and the policy: every value is escaped by packages/core/untrusted-text.ts.
const cell = markdownText;
const code = markdownCode;

export function renderMarkdown(record: DecisionRecord): string {
  const lines: string[] = [];
  const shadow = record.mode === 'shadow' ? ' (shadow mode: reported, not enforced)' : '';
  lines.push(`### Deploy gate: ${STATUS[record.decision]}${shadow}`, '');
  const facts: [string, string][] = [
    ['Decision', `${STATUS[record.decision]}${record.mode === 'shadow' ? ' (not enforced)' : ''}`],
    [
      'Agent',
      `${code(record.request.agent)}${record.request.agent_type ? ` (${cell(record.request.agent_type)})` : ''}`,
    ],
    ['Action', code(record.request.action)],
    ['Environment', code(record.request.environment)],
  ];
  if (record.request.replicas !== null) facts.push(['Replicas', String(record.request.replicas)]);
  facts.push([
    'Policy',
    `${code(record.policy.path)} sha256 ${record.policy.sha256 ? code(record.policy.sha256) : '(not loaded)'}`,
  ]);
  if (record.approval.required) {
    facts.push([
      'Approval',
      record.approval.approved_by
        ? `approved by @${cell(record.approval.approved_by)}`
        : 'required, not given',
    ]);
  }
  if (record.budget) {
    facts.push(['Budget', `${record.budget.used ?? '?'} of ${record.budget.limit} deploys in the last 24 h`]);
  }
  facts.push(['Decision id', code(record.decision_id)]);
  facts.push(['Time', `${markdownTime(record.timestamp)} (${record.metrics.timer_total_ms.toFixed(0)} ms)`]);
  lines.push(...markdownFacts(facts), '');

  if (record.images.length > 0) {
    lines.push('#### Images', '', '| Status | Image | Pinned as |', '|---|---|---|');
    for (const i of record.images) {
      // Words beside each symbol: a status must read without an emoji font (and to screen readers).
      const status = i.error ? `❌ ${cell(i.error)}` : i.pinned ? '✅ pinned' : '❌ not resolved';
      lines.push(`| ${status} | ${code(i.input)} | ${i.pinned ? code(i.pinned) : '—'} |`);
    }
    lines.push('');
  }

  if (record.checks_passed.length > 0) {
    lines.push('#### Checks passed', '', '| Rule | Check |', '|---|---|');
    for (const c of record.checks_passed) lines.push(`| ${code(c.rule)} | ✅ ${markdownMessage(c.check)} |`);
    lines.push('');
  }

  if (record.reasons.length > 0) {
    lines.push('#### Reasons', '', '| Code | Rule | What to change |', '|---|---|---|');
    for (const r of record.reasons)
      lines.push(`| ${code(r.code)} | ${code(r.rule)} | ${markdownMessage(r.message)} |`);
    lines.push('');
  }

  lines.push(
    '<details><summary>Decision record (JSON)</summary>',
    '',
    markdownFence(JSON.stringify(record, null, 2), 'json'),
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}
