/**
 * The main step of `astl/agent-credentials`: read inputs, mint through the engine, then export,
 * output, summarise and audit. Masking comes first: every secret is registered with the runner
 * (raw and encoded forms) by the engine's `registerSecret` callback the moment it arrives, so
 * nothing printed afterwards can reveal it.
 */
import * as core from '@actions/core';
import { AstlError, AstlErrors, describeError } from '../../../packages/core/index.js';
import { phaseRecorder } from '../../../packages/core/phases.js';
import { githubIdTokenSource } from '../../../packages/credentials/id-token.js';
import { MintFailure, mintCredentials } from '../../../packages/credentials/mint.js';
import { stateSecrets } from '../../../packages/credentials/revoke.js';
import { renderFailureSummary, renderMintSummary } from '../../../packages/credentials/summary.js';
import type { MintResult, RevocationState } from '../../../packages/credentials/types.js';
import { getInputs } from './inputs.js';
import { Masker, STATE_KEY, writeAudit, writeSummary } from './report.js';

export async function run(): Promise<void> {
  const phases = phaseRecorder('main');
  phases.mark('loaded');
  const masker = new Masker();
  const logger = {
    info: (m: string) => core.info(masker.scrub(m)),
    warning: (m: string) => core.warning(masker.scrub(m)),
    debug: (m: string) => core.debug(masker.scrub(m)),
  };
  try {
    const inputs = getInputs();
    let result: MintResult;
    try {
      result = await mintCredentials(inputs.request, {
        getIdToken: githubIdTokenSource(process.env),
        registerSecret: masker.register,
        onState: (state: RevocationState) => saveState(state, masker),
        logger,
        deadlineMs: inputs.deadlineMs,
        onPhase: phases.mark,
      });
    } catch (err) {
      if (!(err instanceof MintFailure)) throw err;
      if (err.state) saveState(err.state, masker);
      writeAudit(err.audit, err.state?.auditLevel ?? 'full', masker);
      const e = err.error;
      // Several problems at once (AstlErrors) print whole; one problem shows its hint and fix apart.
      const single = e instanceof AstlError && !(e instanceof AstlErrors) ? e : undefined;
      await writeSummary(
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
        masker,
      );
      if (err.state?.vault) {
        core.info('A Vault token was issued before the failure; the post step revokes it.');
      }
      core.setOutput('correlation-id', err.correlationId);
      throw err.error;
    }

    // Masks are registered; from here on values may be written to files the runner reads.
    if (inputs.exportEnv) {
      for (const [name, value] of Object.entries(result.env)) core.exportVariable(name, value);
    }
    // Not secret, and what the gate reads by default, so always exported.
    core.exportVariable('ASTL_AGENT', result.agent);
    core.exportVariable('ASTL_AGENT_TYPE', result.type);
    core.exportVariable('ASTL_CORRELATION_ID', result.correlationId);

    core.setOutput('agent', result.outputs.agent);
    core.setOutput('correlation-id', result.outputs.correlationId);
    core.setOutput('expires-at', result.outputs.expiresAt);
    core.setOutput('aws-session-name', result.outputs.awsSessionName ?? '');
    core.setOutput('vault-token-accessor', result.outputs.vaultTokenAccessor ?? '');
    if (inputs.outputCredentials) {
      const s = result.secretOutputs;
      if (s.awsAccessKeyId) core.setOutput('aws-access-key-id', s.awsAccessKeyId);
      if (s.awsSecretAccessKey) core.setOutput('aws-secret-access-key', s.awsSecretAccessKey);
      if (s.awsSessionToken) core.setOutput('aws-session-token', s.awsSessionToken);
      if (s.vaultToken) core.setOutput('vault-token', s.vaultToken);
    }

    for (const w of result.warnings) logger.warning(w);
    await writeSummary(renderMintSummary(result, inputs.request.run), masker);
    writeAudit(result.audit, result.auditLevel, masker);
    const expiries = result.credentials.map((c) => `${c.provider} until ${c.expiresAt}`).join(', ');
    core.info(`Credentials ready for ${result.agent}: ${expiries}.`);
  } catch (err) {
    // A user's mistake prints its formatted message and fix; a bug prints its stack.
    core.setFailed(masker.scrub(describeError(err)));
  }
  phases.mark('done');
  phases.flush();
}

function saveState(state: RevocationState, masker: Masker): void {
  for (const secret of stateSecrets(state)) masker.register(secret);
  core.saveState(STATE_KEY, JSON.stringify(state));
}
