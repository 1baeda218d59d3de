/**
 * The post step (`post-if: always()`): revoke what the main step issued, say what cannot be
 * revoked, record it for auditors. It never fails the job: a revocation problem is a warning
 * that says how to finish the job by hand.
 */
import { describeError } from '../../../packages/core/errors.js';
import { phaseRecorder } from '../../../packages/core/phases.js';
// Module by module (not the package index, which brings the registry and its YAML parser), and
// the providers' revocation parts only (revokers.ts): this step mints nothing.
import { defaultRevokers } from '../../../packages/credentials/providers/revokers.js';
import { parseRevocationState, revokeCredentials } from '../../../packages/credentials/revoke.js';
import {
  githubApiFromEnv,
  githubRevocationRefusal,
  vaultRevocationRefusal,
} from '../../../packages/credentials/revoke-guard.js';
import { renderRevokeSummary } from '../../../packages/credentials/summary.js';
import * as runner from '../runner.js';
import { STATE_KEY, writeAudit } from './report.js';

export async function run(): Promise<void> {
  const phases = phaseRecorder('post');
  phases.mark('loaded');
  try {
    const saved = runner.getState(STATE_KEY);
    const state = parseRevocationState(saved);
    if (!state) {
      // Unreadable state is never quoted: it may hold a token.
      if (saved.trim()) {
        runner.warning(
          "agent-credentials post step: the main step's saved state could not be read, so nothing was revoked; its log says what it issued (a Vault or GitHub App token then lives until it expires: revoke it by hand)",
        );
      } else runner.info('Nothing to revoke: the main step issued no credentials.');
      return;
    }
    // Only `revoke` matters here, and a typo in it must not stop a revocation: anything but
    // an explicit false revokes.
    const revoke = !/^false$/i.test(runner.getInput('revoke').trim());
    // The runner keeps this state for this action alone; the transport rule is re-checked because
    // it costs nothing (no registry is re-read here: see revoke-guard.ts).
    const allowInsecureHttp = /^true$/i.test(runner.getInput('allow-insecure-http').trim());
    const optIn = 'the input allow-insecure-http: true';
    const vaultRefusal = vaultRevocationRefusal(state, { allowInsecureHttp, optIn });
    // The GitHub token goes only to the API the runner names now, whatever the state says.
    const githubRefusal = githubRevocationRefusal(state, {
      ...githubApiFromEnv(process.env),
      allowInsecureHttp,
      optIn,
    });
    const refusals = {
      ...(vaultRefusal ? { vault: vaultRefusal } : {}),
      ...(githubRefusal ? { github: githubRefusal } : {}),
    };
    const result = await revokeCredentials(
      state,
      {
        registerSecret: runner.setSecret,
        logger: { info: runner.info, warning: (m) => runner.warning(m), debug: runner.debug },
      },
      defaultRevokers(),
      { revoke, refusals },
    );
    phases.mark('revoked');
    for (const w of result.warnings) runner.warning(w);
    runner.appendSummary(renderRevokeSummary(result));
    writeAudit(result.audit, state.auditLevel);
  } catch (err) {
    // Never fail the job from the post step.
    runner.warning(`agent-credentials post step: ${describeError(err)}`);
  } finally {
    phases.mark('done');
    phases.flush();
  }
}
