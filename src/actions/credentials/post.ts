/**
 * The post step (`post-if: always()`): revoke what the main step issued, say what cannot be
 * revoked, record it for auditors. It never fails the job: a revocation problem is a warning
 * that says how to finish the job by hand.
 */
import * as core from '@actions/core';
import { describeError } from '../../../packages/core/errors.js';
// Direct module imports (not the package index) keep the AWS SDK out of the post bundle.
import { parseRevocationState, revokeCredentials } from '../../../packages/credentials/revoke.js';
import { createRevokeBackend } from '../../../packages/credentials/revoke-backend.js';
import { vaultRevocationRefusal } from '../../../packages/credentials/revoke-guard.js';
import { renderRevokeSummary } from '../../../packages/credentials/summary.js';
import { Masker, STATE_KEY, writeAudit, writeSummary } from './report.js';

export async function run(): Promise<void> {
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
    // The runner keeps this state for this action alone, so it is trusted; the transport rule
    // is re-checked because it costs nothing (no registry is re-read here: see revoke-guard.ts).
    const vaultRefusal = vaultRevocationRefusal(state, {
      allowInsecureHttp: /^true$/i.test(core.getInput('allow-insecure-http').trim()),
      optIn: 'the input allow-insecure-http: true',
    });
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
      createRevokeBackend(),
      { revoke, ...(vaultRefusal ? { vaultRefusal } : {}) },
    );
    for (const w of result.warnings) core.warning(masker.scrub(w));
    await writeSummary(renderRevokeSummary(result), masker);
    writeAudit(result.audit, state.auditLevel, masker);
  } catch (err) {
    // Never fail the job from the post step.
    core.warning(`agent-credentials post step: ${masker.scrub(describeError(err))}`);
  }
}
