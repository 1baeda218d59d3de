/**
 * Audit events as JSON lines: `{timestamp, agent, action, target, intent, policy,
 * correlation_id}` plus a `detail` object of non-secret facts. The agent's `audit-level` decides
 * how much is kept: `full` keeps everything, `minimal` drops `detail`, `none` keeps nothing.
 * Refusals are always kept: an agent that is refused has no audit level the engine can trust.
 */
import type { AuditEvent, AuditLevel } from './types.js';

export const AUDIT_FILE_NAME = 'astl-audit.jsonl';

export interface AuditInput {
  agent: string;
  action: string;
  target: string;
  intent: string;
  policy: string;
  correlationId: string;
  detail?: AuditEvent['detail'];
  now: Date;
}

export function auditEvent(i: AuditInput): AuditEvent {
  const event: AuditEvent = {
    timestamp: i.now.toISOString(),
    agent: i.agent,
    action: i.action,
    target: i.target,
    intent: i.intent,
    policy: i.policy,
    correlation_id: i.correlationId,
  };
  if (i.detail && Object.keys(i.detail).length > 0) event.detail = i.detail;
  return event;
}

/** The events the agent's audit level keeps. */
export function applyAuditLevel(events: AuditEvent[], level: AuditLevel): AuditEvent[] {
  return events.flatMap((e) => {
    if (e.action === 'credentials.refused') return [e];
    if (level === 'none') return [];
    if (level === 'minimal') {
      const { detail: _dropped, ...rest } = e;
      return [rest];
    }
    return [e];
  });
}

/** One JSON object a line, newline-terminated (JSON Lines). */
export function toJsonLines(events: AuditEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}
