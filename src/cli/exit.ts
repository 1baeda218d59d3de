import { AstlError } from '../../packages/core/errors.js';
import { cliFlags, type SettingNames } from '../../packages/core/settings.js';

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

/** How the CLI names the engine's settings: by its flags (`--config`, `--duration 30m`). */
export const CLI_NAMES: SettingNames = cliFlags();

/**
 * Every error the CLI prints, in the CLI's terms: an AstlError's hint and fix name flags, not
 * action inputs; anything else is a bug and keeps its stack.
 */
export function formatError(err: unknown): string {
  if (err instanceof AstlError) return err.format(CLI_NAMES);
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}

/** A mistake in how the command was called. */
export class UsageError extends AstlError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'USAGE', hint });
  }
}
