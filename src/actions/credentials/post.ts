/**
 * The post step (`post-if: always()`): revoke what the main step issued, say what cannot be
 * revoked, record it for auditors. It never fails the job: a revocation problem is a warning
 * that says how to finish the job by hand.
 */
import * as core from '@actions/core';
import { describeError } from '../../../packages/core/errors.js';
import { phaseRecorder } from '../../../packages/core/phases.js';
// Module by module (not the package index, which brings the registry and its YAML parser).
import { defaultProviders } from '../../../packages/credentials/providers/index.js';
import { parseRevocationState, revokeCredentials } from '../../../packages/credentials/revoke.js';
import { renderRevokeSummary } from '../../../packages/credentials/summary.js';
import { Masker, STATE_KEY, writeAudit, writeSummary } from './report.js';

export async function run(): Promise<void> {
  const phases = phaseRecorder('post');
  phases.mark('loaded');
  const masker = new Masker();
  try {
    const state = parseRevocationState(core.getState(STATE_KEY));
    if (!state) {
      core.info('Nothing to revoke: the main step issued no credentials.');
      return;
    }
    // Only `revoke` matters here, and a typo in it must not stop a revocation: anything but
    // an explicit false revokes.
    const revoke = !/^false$/i.test(core.getInput('revoke').trim());
    const result = await revokeCredentials(
      state,
      {
        registerSecret: masker.register,
        logger: {
          info: (m) => core.info(masker.scrub(m)),
          warning: (m) => core.warning(masker.scrub(m)),
          debug: (m) => core.debug(masker.scrub(m)),
        },
      },
      defaultProviders(),
      { revoke },
    );
    phases.mark('revoked');
    for (const w of result.warnings) core.warning(masker.scrub(w));
    await writeSummary(renderRevokeSummary(result), masker);
    writeAudit(result.audit, state.auditLevel, masker);
  } catch (err) {
    // Never fail the job from the post step.
    core.warning(`agent-credentials post step: ${masker.scrub(describeError(err))}`);
  } finally {
    phases.mark('done');
    phases.flush();
  }
}
