/**
 * `astl revoke`: the after_script half of `astl credentials`. Revokes the Vault token (child
 * tokens and leases go with it) and the GitHub installation token (`DELETE
 * /installation/token`), says when the AWS session expires (STS sessions cannot be revoked one by
 * one), then deletes the env and state files. A revocation problem is a warning:
 * it never fails the job, since after_script runs when the job's outcome is already decided.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { describeError } from '../../../packages/core/errors.js';
import { Redactor } from '../../../packages/core/redact.js';
import { type Parsed, required, str, type VerbSpec } from '../args.js';
import { EXIT } from '../exit.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'revoke',
  summary: 'revoke what `astl credentials` minted and delete its files',
  usage: 'astl revoke --state FILE [--audit FILE]',
  flags: {
    state: { type: 'string', value: 'FILE', description: 'state file written by astl credentials' },
    audit: {
      type: 'string',
      value: 'FILE',
      description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
    },
  },
  examples: [
    'astl revoke --state .astl/state.json   # in after_script, which runs even when the script fails',
  ],
  notes: ['Exit code 0 unless the command line is wrong (3): a failed revocation is a warning.'],
};

export async function run(args: Parsed, io: Io): Promise<number> {
  // Relative to the working directory: GitLab runs every script in the project directory.
  const base = io.cwd;
  const inBase = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const stateFile = inBase(required(args, spec, 'state'));
  const auditFile = inBase(str(args, 'audit') || '.astl/audit.jsonl');
  const redactor = new Redactor();
  const say = (text: string) => io.err(redactor.redact(text));

  if (!existsSync(stateFile)) {
    io.out(`nothing to revoke: ${str(args, 'state')} does not exist (no credentials were issued)`);
    return EXIT.ok;
  }
  const {
    applyAuditLevel,
    defaultProviders,
    parseRevocationState,
    revokeCredentials,
    stateSecrets,
    toJsonLines,
  } = await import('../../../packages/credentials/index.js');
  const text = readFileSync(stateFile, 'utf8');
  const state = parseRevocationState(text);
  const envFile = (() => {
    try {
      const f = (JSON.parse(text) as { cli?: { envFile?: unknown } }).cli?.envFile;
      return typeof f === 'string' ? f : undefined;
    } catch {
      return undefined;
    }
  })();
  for (const secret of state ? stateSecrets(state) : []) redactor.add(secret);

  try {
    if (!state) {
      say(
        `${paint(io, 'yellow', 'warning')}: ${str(args, 'state')} is not an astl state file; nothing revoked`,
      );
      return EXIT.ok;
    }
    const result = await revokeCredentials(
      state,
      {
        registerSecret: (v) => redactor.add(v),
        logger: {
          info: (m) => say(m),
          warning: (m) => say(`${paint(io, 'yellow', 'warning')}: ${m}`),
          debug: (m) => {
            if (io.env.ASTL_DEBUG) say(`debug: ${m}`);
          },
        },
      },
      defaultProviders(),
    );
    for (const w of result.warnings) say(`${paint(io, 'yellow', 'warning')}: ${w}`);
    const events = applyAuditLevel(result.audit, state.auditLevel);
    if (events.length > 0) mkdirSync(dirname(auditFile), { recursive: true, mode: 0o700 });
    if (events.length > 0) appendFileSync(auditFile, redactor.redact(toJsonLines(events)), { mode: 0o600 });
    const lines = [`revocation for agent ${result.agent} (correlation id ${result.correlationId})`];
    for (const e of result.entries) lines.push(`  ${e.provider.padEnd(6)} ${e.outcome}: ${e.message}`);
    io.out(redactor.redact(lines.join('\n')));
  } catch (err) {
    say(`${paint(io, 'yellow', 'warning')}: revocation failed: ${describeError(err)}`);
  } finally {
    // The files hold the secrets; they go whatever happened above.
    rmSync(stateFile, { force: true });
    if (envFile) rmSync(envFile, { force: true });
  }
  return EXIT.ok;
}
