/**
 * Markdown for auditors reading the job summary: who (agent, owner, type), why (purpose), under
 * which policies, each credential's identity and lifetime, and after the post step what became
 * of it. Never a secret: only identities, accessors, session names and times.
 *
 * Every value that comes from an input, the registry, the run context or a provider is escaped
 * by packages/core/untrusted-text.ts (`cell`, `code`, `markdownMessage`, `markdownFence`), so a
 * purpose like `![x](https://…)` or `<img>` renders as the characters typed, never as an image.
 */
import { formatDuration } from '../core/duration.js';
import {
  markdownCode,
  markdownFacts,
  markdownFence,
  markdownMessage,
  markdownText,
  markdownTime,
} from '../core/untrusted-text.js';
import type { MintResult, RevocationEntry, RevokeResult, RunContext } from './types.js';

/** Literal text in a table cell or a paragraph (markdownText). */
export const cell = markdownText;

function code(text: string): string {
  return text ? markdownCode(text) : '';
}

function runLine(run: RunContext): string {
  const parts = [run.repository, run.workflow && `workflow ${run.workflow}`, run.job && `job ${run.job}`];
  parts.push(`run ${run.runId}${run.runAttempt ? ` attempt ${run.runAttempt}` : ''}`);
  if (run.actor) parts.push(`triggered by ${run.actor}`);
  return parts.filter(Boolean).join(', ');
}

export function renderMintSummary(r: MintResult, run?: RunContext): string {
  const rows: [string, string][] = [
    ['Agent', code(r.agent)],
    ['Owner', cell(r.owner)],
    ['Type', cell(r.type)],
    ['Purpose', cell(r.purpose)],
    ['Correlation id', code(r.correlationId)],
    ['Policies applied', r.appliedPolicies.map(code).join(', ') || 'none'],
  ];
  if (run) rows.push(['Run', cell(runLine(run))]);
  const lines = [
    `## Agent credentials: ${code(r.agent)}`,
    '',
    ...markdownFacts([['Status', 'issued'], ...rows]),
    '',
    '| Provider | Identity | Issued | Expires | TTL |',
    '|---|---|---|---|---|',
  ];
  for (const c of r.credentials) {
    const extra = Object.entries(c.details)
      .map(([k, v]) => `${cell(k)}: ${code(v)}`)
      .join('<br>');
    lines.push(
      `| ${cell(c.label)} | ${code(c.identity)}${extra ? `<br>${extra}` : ''} | ${markdownTime(c.issuedAt)} | ${markdownTime(c.expiresAt)} | ${formatDuration(c.ttlSeconds)} |`,
    );
  }
  if (r.warnings.length > 0) {
    lines.push('', '**Warnings**', '', ...r.warnings.map((w) => `- ${markdownMessage(w)}`));
  }
  lines.push('', `The post step revokes what can be revoked when the job ends.`, '');
  return lines.join('\n');
}

/** A refusal or failure: what was asked, why it stopped, and the fix. */
export function renderFailureSummary(f: {
  agent?: string;
  purpose?: string;
  correlationId: string;
  refused: boolean;
  message: string;
  hint?: string;
  fix?: string;
}): string {
  const title = f.refused ? 'Agent credentials refused' : 'Agent credentials failed';
  const lines = [
    `## ${title}${f.agent ? `: ${code(f.agent)}` : ''}`,
    '',
    ...markdownFacts([
      ['Status', f.refused ? 'refused before any token was requested' : 'failed'],
      ['Agent', f.agent ? code(f.agent) : '(not given)'],
      ['Purpose', f.purpose ? cell(f.purpose) : '(not given)'],
      ['Correlation id', code(f.correlationId)],
    ]),
    '',
    markdownFence(f.message, 'text'),
  ];
  if (f.hint) lines.push('', `**How to fix:** ${markdownMessage(f.hint)}`);
  if (f.fix) lines.push('', 'For example:', '', markdownFence(f.fix.replace(/\n$/, ''), 'yaml'));
  lines.push('');
  return lines.join('\n');
}

const OUTCOME_LABEL: Record<RevocationEntry['outcome'], string> = {
  revoked: 'revoked',
  'skipped-expired': 'already expired (skipped)',
  'not-revocable': 'expires on its own',
  failed: 'revocation FAILED',
  disabled: 'not revoked (revoke: false)',
};

export function renderRevokeSummary(r: RevokeResult): string {
  const lines = [
    `### Agent credentials revocation: ${code(r.agent)}`,
    '',
    `Correlation id ${code(r.correlationId)}`,
    '',
  ];
  if (r.entries.length === 0) {
    lines.push('Nothing to revoke: the main step issued no credentials.', '');
    return lines.join('\n');
  }
  lines.push('| Provider | Identity | Result | Expires | Details |', '|---|---|---|---|---|');
  for (const e of r.entries) {
    lines.push(
      `| ${cell(e.label)} | ${code(e.identity)} | ${OUTCOME_LABEL[e.outcome]} | ${markdownTime(e.expiresAt)} | ${markdownMessage(e.message)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
