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
import {
  issuedBeforeFailure,
  issuedCredentials,
  stateSecrets,
} from '../../../packages/credentials/revoke.js';
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
      const issued = issuedBeforeFailure(
        issuedCredentials(err.state),
        'the post step revokes what can be revoked',
      );
      if (issued) runner.info(issued);
      runner.setOutput('correlation-id', err.correlationId);
      throw err.error;
    }

    // Masks are registered; from here on values may be written to files the runner reads.
    if (inputs.exportEnv) {
      // Before exporting: exportVariable sets process.env too.
      const shadowed = shadowedExports(result.env, process.env);
      for (const [name, value] of Object.entries(result.env)) runner.exportVariable(name, value);
      for (const w of shadowed) logger.warning(w);
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

/**
 * Exported names the job already set. The runner gives a workflow- or job-level `env:` precedence
 * over GITHUB_ENV (actions/runner StepsRunner.cs: the global env first, then the step's evaluated
 * env block over it), so with `env: GH_TOKEN: ${{ github.token }}` at job level every later step
 * would get the job's token instead of the agent's narrower one. Names only, never values.
 */
export function shadowedExports(
  exported: Record<string, string>,
  env: Record<string, string | undefined>,
): string[] {
  return Object.keys(exported)
    .filter((name) => env[name] !== undefined && env[name] !== '' && env[name] !== exported[name])
    .map(
      (name) =>
        `${name} was already set when this step started (by env: in the workflow, the job or this step, or by an earlier step). An env: ${name} at workflow or job level takes precedence over the value exported here, so later steps would get that value instead of the agent's credential: remove ${name} from the workflow's and job's env:, or pass the credential explicitly with output-credentials: true.`,
    );
}

function saveState(state: RevocationState): void {
  for (const secret of stateSecrets(state)) runner.setSecret(secret);
  runner.saveState(STATE_KEY, JSON.stringify(state));
}
