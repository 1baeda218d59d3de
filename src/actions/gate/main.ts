/**
 * The gate action's main step: inputs -> engine (packages/gate) -> outputs, annotations, job
 * summary, $RUNNER_TEMP/astl-decision.json and (with OTEL_EXPORTER_OTLP_ENDPOINT) a span.
 * enforce: deny and unapproved approval_needed fail the step; shadow: report, never fail.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTION_INPUTS,
  AstlError,
  AstlErrors,
  describeError,
  markdownText,
} from '../../../packages/core/index.js';
import {
  type DecisionRecord,
  GitHubClient,
  type Mode,
  type Reason,
  renderMarkdown,
  runGate,
} from '../../../packages/gate/index.js';
import * as runner from '../runner.js';
import { parseInputs, readMode } from './inputs.js';

/** `file:line rest` -> annotation properties, so the reason shows on the policy line. */
function annotationFor(reason: Reason): runner.AnnotationProperties {
  const props: runner.AnnotationProperties = { title: reason.code };
  const m = /^([^\s:]+\.ya?ml):(\d+)\b/.exec(reason.rule);
  if (m) {
    props.file = m[1];
    props.startLine = Number(m[2]);
  }
  return props;
}

function annotate(reasons: Reason[], mode: Mode): void {
  for (const r of reasons) {
    const text = `${r.rule}: ${r.message}`;
    if (mode === 'shadow') runner.warning(text, annotationFor(r));
    else runner.error(text, annotationFor(r));
  }
}

function setOutputs(
  record: Pick<DecisionRecord, 'decision' | 'reasons' | 'decision_id'>,
  images: string[],
  sha: string,
) {
  runner.setOutput('decision', record.decision);
  runner.setOutput('reasons', JSON.stringify(record.reasons));
  runner.setOutput('images', images.join('\n'));
  runner.setOutput('policy-sha256', sha);
  runner.setOutput('decision-id', record.decision_id);
}

/** Invalid inputs: a deny with one INPUT_INVALID reason each, reported in the requested mode. */
async function reportInputErrors(err: AstlError, mode: Mode): Promise<void> {
  const errors = err instanceof AstlErrors ? err.errors : [err];
  const reasons: Reason[] = errors.map((e) => ({
    code: e.code,
    rule: e.location?.file ?? 'inputs',
    message: `${e.message}${e.hint ? `. ${e.hint}` : ''}`,
  }));
  annotate(reasons, mode);
  setOutputs({ decision: 'deny', reasons, decision_id: '' }, [], '');
  runner.appendSummary(
    `### Deploy gate: ❌ deny\n\nThe gate's inputs are invalid:\n\n${reasons.map((r) => `- ${markdownText(r.message)}`).join('\n')}\n`,
  );
  if (mode === 'enforce') runner.setFailed(`deploy gate: invalid inputs\n${err.format()}`);
}

export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  // The token is masked before anything derived from an input is printed.
  runner.setSecret(runner.getInput('github-token'));
  const mode = readMode((name) => runner.getInput(name)) ?? 'enforce';
  let inputs: ReturnType<typeof parseInputs>;
  try {
    inputs = parseInputs((name) => runner.getInput(name), env);
  } catch (err) {
    if (err instanceof AstlError) return reportInputErrors(err, mode);
    runner.setFailed(describeError(err));
    return;
  }

  try {
    const github =
      inputs.githubToken && inputs.repository
        ? new GitHubClient({ token: inputs.githubToken, baseUrl: inputs.apiUrl })
        : undefined;
    const result = await runGate(
      {
        policyPath: inputs.policy,
        names: ACTION_INPUTS,
        agent: inputs.agent,
        agentType: inputs.agentType,
        registryPath: inputs.registryPath,
        action: inputs.action,
        environment: inputs.environment,
        images: inputs.images,
        replicas: inputs.replicas,
        params: inputs.params,
        mode: inputs.mode,
        ci: inputs.ci,
        github: inputs.repository
          ? { ...inputs.repository, runId: inputs.runId, sha: inputs.sha }
          : undefined,
        resolve: { log: (m) => runner.info(m) },
      },
      { github, onWarning: (m) => runner.warning(m) },
    );
    const { record } = result;

    const pinned = result.images.flatMap((i) => (i.pinned ? [i.pinned] : []));
    setOutputs(record, pinned, record.policy.sha256 ?? '');
    annotate(record.reasons, inputs.mode);

    const recordJson = `${JSON.stringify(record, null, 2)}\n`;
    if (env.RUNNER_TEMP)
      writeFileSync(join(env.RUNNER_TEMP, 'astl-decision.json'), recordJson, { mode: 0o600 });
    runner.startGroup('Decision record');
    runner.info(recordJson);
    runner.endGroup();
    // Without GITHUB_STEP_SUMMARY (a local run) the record is in the log and the file above.
    runner.appendSummary(renderMarkdown(record));

    if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
      const { exportDecisionSpan } = await import('../../../packages/gate/telemetry.js');
      const ok = await exportDecisionSpan(record);
      if (!ok) runner.warning(`could not send the decision span to ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
    }

    const summaryLine = `deploy gate: ${record.decision} (${inputs.agent} ${inputs.action} -> ${inputs.environment}, decision ${record.decision_id})`;
    if (record.decision === 'allow') {
      runner.info(summaryLine);
      return;
    }
    const codes = [...new Set(record.reasons.map((r) => r.code))].join(', ');
    if (inputs.mode === 'shadow') {
      runner.warning(`${summaryLine}; shadow mode: not enforced (${codes})`, { title: 'shadow mode' });
      return;
    }
    if (record.decision === 'approval_needed') {
      const how = record.reasons.find((r) => r.code === 'APPROVAL_REQUIRED');
      runner.setFailed(`${summaryLine}\n${how ? `${how.rule}: ${how.message}` : ''}`);
      return;
    }
    runner.setFailed(`${summaryLine}: ${codes}`);
  } catch (err) {
    // A bug or an unexpected fault: still a deny (fail closed), with the error for the report.
    runner.setOutput('decision', 'deny');
    runner.setOutput(
      'reasons',
      JSON.stringify([{ code: 'GATE_ERROR', rule: 'gate', message: String((err as Error)?.message ?? err) }]),
    );
    if (inputs.mode === 'shadow') runner.warning(`deploy gate failed: ${describeError(err)}`);
    else runner.setFailed(`deploy gate failed (denied): ${describeError(err)}`);
  }
}
