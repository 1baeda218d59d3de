/**
 * Output plumbing shared by the main and post steps: the job summary and the audit JSON lines.
 * Masking and every write go through ../runner.ts.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_FILE_NAME, applyAuditLevel, toJsonLines } from '../../../packages/credentials/audit.js';
import type { AuditEvent, AuditLevel } from '../../../packages/credentials/types.js';
import * as runner from '../runner.js';

/** The one state key main hands to post (STATE_revocation in the post step's environment). */
export const STATE_KEY = 'revocation';

/** Audit JSON lines: printed in a collapsed group and appended to $RUNNER_TEMP/astl-audit.jsonl. */
export function writeAudit(events: AuditEvent[], level: AuditLevel): void {
  const kept = applyAuditLevel(events, level);
  if (kept.length === 0) return;
  const lines = runner.masker.scrub(toJsonLines(kept));
  runner.startGroup(`Audit events (${kept.length})`);
  runner.info(lines.trimEnd());
  runner.endGroup();
  const dir = process.env.RUNNER_TEMP;
  if (!dir) return;
  try {
    appendFileSync(join(dir, AUDIT_FILE_NAME), lines, { mode: 0o600 });
  } catch (err) {
    runner.warning(`could not append to ${join(dir, AUDIT_FILE_NAME)}: ${(err as Error).message}`);
  }
}
