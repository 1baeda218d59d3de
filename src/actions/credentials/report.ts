/**
 * Output plumbing shared by the main and post steps: masking (every secret form registered with
 * the runner, engine text scrubbed), the job summary, and the audit JSON lines.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { Redactor, secretForms } from '../../../packages/core/redact.js';
import { AUDIT_FILE_NAME, applyAuditLevel, toJsonLines } from '../../../packages/credentials/audit.js';
import type { AuditEvent, AuditLevel } from '../../../packages/credentials/types.js';

/** The one state key main hands to post (STATE_revocation in the post step's environment). */
export const STATE_KEY = 'revocation';

/** Masks a secret in every form the runner could otherwise print, and scrubs engine text. */
export class Masker {
  readonly redactor = new Redactor();
  private readonly seen = new Set<string>();
  register = (value: string): void => {
    if (!value || this.seen.has(value)) return;
    this.seen.add(value);
    // The raw value always, however short; then its encoded forms (secretForms skips tiny ones).
    core.setSecret(value);
    for (const form of secretForms(value)) if (form !== value) core.setSecret(form);
    this.redactor.add(value);
  };
  scrub = (text: string): string => this.redactor.redact(text);
}

export async function writeSummary(markdown: string, masker: Masker): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(masker.scrub(markdown)).write({ overwrite: false });
  } catch (err) {
    core.debug(`could not write the job summary: ${(err as Error).message}`);
  }
  core.summary.emptyBuffer();
}

/** Audit JSON lines: printed in a collapsed group and appended to $RUNNER_TEMP/astl-audit.jsonl. */
export function writeAudit(events: AuditEvent[], level: AuditLevel, masker: Masker): void {
  const kept = applyAuditLevel(events, level);
  if (kept.length === 0) return;
  const lines = masker.scrub(toJsonLines(kept));
  core.startGroup(`Audit events (${kept.length})`);
  for (const line of lines.trimEnd().split('\n')) core.info(line);
  core.endGroup();
  const dir = process.env.RUNNER_TEMP;
  if (!dir) return;
  try {
    appendFileSync(join(dir, AUDIT_FILE_NAME), lines, { mode: 0o600 });
  } catch (err) {
    core.warning(`could not append to ${join(dir, AUDIT_FILE_NAME)}: ${(err as Error).message}`);
  }
}
