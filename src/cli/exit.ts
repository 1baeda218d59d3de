import { AstlError } from '../../packages/core/errors.js';

/** The CLI's exit codes (DESIGN "CLI"): CI systems branch on them. */
export const EXIT = {
  ok: 0,
  /** Scan findings at or above --fail-on, or a gate deny. */
  findings: 1,
  deny: 1,
  approvalNeeded: 2,
  /** Bad flags, bad config, or anything the user must fix before the command can run. */
  usage: 3,
} as const;

/** A mistake in how the command was called. */
export class UsageError extends AstlError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'USAGE', hint });
  }
}
