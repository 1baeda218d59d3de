/**
 * The scan action's step: inputs -> engine (packages/scanner) -> annotations, SARIF file, job
 * summary, outputs; fails the step per `fail-on`. Only reads the repository (and, for shallow
 * clones, the pull request's file list), so it works on forks with a read-only token.
 */
import { AstlError, describeError, printable, writeWorkspaceFile } from '../../../packages/core/index.js';
import {
  annotations,
  plural,
  type ScanResult,
  scan,
  summaryMarkdown,
  toSarif,
} from '../../../packages/scanner/index.js';
import { SCANNER_VERSION } from '../../../packages/scanner/version.js';
import * as runner from '../runner.js';
import { type FailOn, parseInputs } from './inputs.js';

export async function run(): Promise<void> {
  try {
    // The token is masked before anything derived from an input is printed.
    runner.setSecret(runner.getInput('github-token'));
    const inputs = parseInputs((name) => runner.getInput(name));
    const result = await scan({
      root: inputs.root,
      scope: inputs.scope,
      ...(inputs.allowFirstPartyTags !== undefined
        ? { allowFirstPartyTags: inputs.allowFirstPartyTags }
        : {}),
      ...(inputs.config ? { config: inputs.config } : {}),
      ...(inputs.paths ? { paths: inputs.paths } : {}),
      ...(inputs.base ? { base: inputs.base } : {}),
      ...(inputs.head ? { head: inputs.head } : {}),
      ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
      ...(inputs.github ? { github: inputs.github } : {}),
    });

    for (const w of result.warnings) runner.warning(w);
    log(result);
    const { error, warning } = result.stats.bySeverity;
    const failure = failureMessage(inputs.failOn, error, warning);
    for (const a of annotations(result.findings, {
      rules: result.rules,
      ...(inputs.sarif ? { sarifFile: inputs.sarif } : {}),
      // Keep one of GitHub's 10 error annotations for the failure message itself.
      reserveErrors: failure ? 1 : 0,
    })) {
      const annotate =
        a.kind === 'error' ? runner.error : a.kind === 'warning' ? runner.warning : runner.notice;
      annotate(a.message, a.properties);
    }

    if (inputs.sarif) {
      writeWorkspaceFile(
        inputs.sarif,
        `${JSON.stringify(toSarif(result.findings, { rules: result.rules, toolVersion: SCANNER_VERSION }), null, 2)}\n`,
        { root: inputs.root },
        { what: "input 'sarif'" },
      );
      runner.setOutput('sarif-file', inputs.sarif);
    } else {
      runner.setOutput('sarif-file', '');
    }
    runner.appendSummary(summaryMarkdown(result, inputs.sarif ? { sarifFile: inputs.sarif } : {}));
    runner.setOutput('findings', String(result.findings.length));
    runner.setOutput('errors', String(error));
    runner.setOutput('warnings', String(warning));
    if (failure) runner.setFailed(failure);
  } catch (err) {
    runner.setFailed(err instanceof AstlError ? err.format() : describeError(err));
  }
}

export function failureMessage(failOn: FailOn, errors: number, warnings: number): string | undefined {
  if (failOn === 'never') return undefined;
  if (errors > 0 || (failOn === 'warning' && warnings > 0)) {
    const parts = [`${errors} error${errors === 1 ? '' : 's'}`];
    if (failOn === 'warning') parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    return `astl scan found ${parts.join(' and ')} (fail-on: ${failOn}). Fix them, or suppress an accepted one with \`# astl:ignore <rule-id> <reason>\`.`;
  }
  return undefined;
}

/** A plain log of everything (annotations show only 10 of a kind); runner.info keeps every line command-neutral. */
function log(result: ScanResult): void {
  const { error, warning, note } = result.stats.bySeverity;
  runner.info(
    `astl scan: ${plural(result.stats.filesScanned, 'file')}, scope ${result.scope}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(note, 'note')}` +
      ` (${result.stats.suppressed} suppressed, ${result.stats.baselined} in baseline, ${Math.round(result.stats.durationMs)} ms)`,
  );
  if (result.findings.length > 0) {
    runner.startGroup(`Findings (${result.findings.length})`);
    for (const f of result.findings) {
      runner.info(`  ${printable(f.file)}:${f.line}: ${f.severity} ${f.ruleId}: ${printable(f.message)}`);
    }
    runner.endGroup();
  }
  if (result.skipped.length > 0) {
    runner.startGroup(`Skipped files (${result.skipped.length})`);
    for (const s of result.skipped) runner.info(`  ${printable(s.file)}: ${s.reason}`);
    runner.endGroup();
  }
}
