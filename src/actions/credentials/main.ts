/**
 * The main step of `astl/agent-credentials`: read inputs, mint through the engine, then export,
 * output, summarise and audit. Masking comes first: every secret is registered with the runner
 * (raw and encoded forms) by the engine's `registerSecret` callback the moment it arrives, so
 * nothing printed afterwards can reveal it.
 */
import { AstlError, AstlErrors, describeError } from '../../../packages/core/index.js';
import { phaseRecorder } from '../../../packages/core/phases.js';
import { githubIdTokenSource } from '../../../packages/credentials/id-token.js';
import { MintFailure, mintCredentials } from '../../../packages/credentials/mint.js';
import { stateSecrets } from '../../../packages/credentials/revoke.js';
import { renderFailureSummary, renderMintSummary } from '../../../packages/credentials/summary.js';
import type { MintResult, RevocationState } from '../../../packages/credentials/types.js';
import * as runner from '../runner.js';
import { getInputs } from './inputs.js';
import { STATE_KEY, writeAudit } from './report.js';

export async function run(): Promise<void> {
  const phases = phaseRecorder('main');
  phases.mark('loaded');
  const masker = runner.masker;
  // The runner module scrubs every line with the masker and makes it command-neutral.
  const logger = { info: runner.info, warning: (m: string) => runner.warning(m), debug: runner.debug };
  try {
    const inputs = getInputs();
    let result: MintResult;
    try {
      result = await mintCredentials(inputs.request, {
        getIdToken: githubIdTokenSource(process.env),
        registerSecret: masker.register,
        onState: (state: RevocationState) => saveState(state),
        logger,
        deadlineMs: inputs.deadlineMs,
        onPhase: phases.mark,
      });
    } catch (err) {
      if (!(err instanceof MintFailure)) throw err;
      if (err.state) saveState(err.state);
      writeAudit(err.audit, err.state?.auditLevel ?? 'full');
      const e = err.error;
      // Several problems at once (AstlErrors) print whole; one problem shows its hint and fix apart.
      const single = e instanceof AstlError && !(e instanceof AstlErrors) ? e : undefined;
      runner.appendSummary(
        renderFailureSummary({
          agent: err.context.agent,
          purpose: err.context.purpose,
          correlationId: err.correlationId,
          refused: err.refused,
          message: masker.scrub(
            single ? single.message : e instanceof AstlError ? e.format() : `internal error: ${String(e)}`,
          ),
          hint: single?.hint,
          fix: single?.fix,
        }),
      );
      const issued = issuedBefore(err.state);
      if (issued)
        runner.info(
          `${issued} before the failure; the post step revokes ${/were issued$/.test(issued) ? 'them' : 'it'}.`,
        );
      runner.setOutput('correlation-id', err.correlationId);
      throw err.error;
    }

    // Masks are registered; from here on values may be written to files the runner reads.
    if (inputs.exportEnv) {
      for (const [name, value] of Object.entries(result.env)) runner.exportVariable(name, value);
    }
    // Not secret, and what the gate reads by default, so always exported.
    runner.exportVariable('ASTL_AGENT', result.agent);
    runner.exportVariable('ASTL_AGENT_TYPE', result.type);
    runner.exportVariable('ASTL_CORRELATION_ID', result.correlationId);

    runner.setOutput('agent', result.outputs.agent);
    runner.setOutput('correlation-id', result.outputs.correlationId);
    runner.setOutput('expires-at', result.outputs.expiresAt);
    runner.setOutput('aws-session-name', result.outputs.awsSessionName ?? '');
    runner.setOutput('vault-token-accessor', result.outputs.vaultTokenAccessor ?? '');
    runner.setOutput('github-installation-id', result.outputs.githubInstallationId ?? '');
    runner.setOutput('github-permissions', result.outputs.githubPermissions ?? '');
    if (inputs.outputCredentials) {
      const s = result.secretOutputs;
      if (s.awsAccessKeyId) runner.setOutput('aws-access-key-id', s.awsAccessKeyId);
      if (s.awsSecretAccessKey) runner.setOutput('aws-secret-access-key', s.awsSecretAccessKey);
      if (s.awsSessionToken) runner.setOutput('aws-session-token', s.awsSessionToken);
      if (s.vaultToken) runner.setOutput('vault-token', s.vaultToken);
      if (s.githubToken) runner.setOutput('github-token', s.githubToken);
    }

    for (const w of result.warnings) logger.warning(w);
    runner.appendSummary(renderMintSummary(result, inputs.request.run));
    writeAudit(result.audit, result.auditLevel);
    const expiries = result.credentials.map((c) => `${c.provider} until ${c.expiresAt}`).join(', ');
    runner.info(`Credentials ready for ${result.agent}: ${expiries}.`);
  } catch (err) {
    // A user's mistake prints its formatted message and fix; a bug prints its stack.
    runner.setFailed(describeError(err));
  }
  phases.mark('done');
  phases.flush();
}

/** "A Vault token and a GitHub token were", naming what a failed mint left behind. */
function issuedBefore(state: RevocationState | undefined): string | undefined {
  const names = [state?.vault && 'A Vault token', state?.github && 'a GitHub token'].filter(Boolean);
  if (names.length === 0) return undefined;
  const list = names.join(' and ');
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} ${names.length > 1 ? 'were' : 'was'} issued`;
}

function saveState(state: RevocationState): void {
  for (const secret of stateSecrets(state)) runner.setSecret(secret);
  runner.saveState(STATE_KEY, JSON.stringify(state));
}
