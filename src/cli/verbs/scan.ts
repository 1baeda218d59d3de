/**
 * `astl scan`: the PR scanner for GitLab jobs, pre-commit hooks and laptops. Same engine and
 * reporters as the scan action; several reports can come out of one run (stdout in --format, plus
 * --sarif / --codequality files) so a CI job scans once.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { AstlError } from '../../../packages/core/errors.js';
import { resolveWorkspacePath, workspaceScope } from '../../../packages/core/workspace-path.js';
import type { ChangeSet, ScanOptions, ScanResult } from '../../../packages/scanner/index.js';
import { SCANNER_VERSION } from '../../../packages/scanner/version.js';
import { bool, choice, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT, UsageError } from '../exit.js';
import { type Io, paint } from '../io.js';

const run_ = promisify(execFile);

export const spec: VerbSpec = {
  name: 'scan',
  summary: 'scan agent configs, policies, workflows and IAM documents for risky settings',
  usage:
    'astl scan [PATH...] [--base REF] [--head REF] [--staged] [--format text|json|sarif|codequality|github] [--output FILE] [--baseline FILE] [--fail-on error|warning|never]',
  positionals: true,
  flags: {
    base: {
      type: 'string',
      value: 'REF',
      description: 'report only findings on lines changed since REF (merge base side)',
    },
    head: { type: 'string', value: 'REF', description: 'the changed side for --base (default HEAD)' },
    staged: {
      type: 'boolean',
      description: 'scan what `git commit` would record (staged changes; for pre-commit)',
    },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'stdout format: text (default), json, sarif, codequality, github',
    },
    output: {
      type: 'string',
      value: 'FILE',
      description: 'write the --format report to FILE instead of stdout',
    },
    sarif: { type: 'string', value: 'FILE', description: 'also write SARIF 2.1.0 to FILE' },
    codequality: {
      type: 'string',
      value: 'FILE',
      description: 'also write a GitLab Code Quality report to FILE',
    },
    baseline: { type: 'string', value: 'FILE', description: 'file of accepted finding fingerprints' },
    config: {
      type: 'string',
      value: 'FILE',
      description: 'scan config (pinning exceptions…); default .astl/scan.yaml when present',
    },
    'fail-on': { type: 'string', value: 'LEVEL', description: 'error (default), warning or never' },
  },
  examples: [
    'astl scan                                   # the default paths, every finding',
    'astl scan --base origin/main                # only what this branch changed',
    'astl scan policies/ agent-config.yaml --format sarif --output astl.sarif',
    'astl scan --staged                          # in a pre-commit hook',
    'astl scan --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --codequality gl-code-quality-report.json --sarif astl.sarif',
  ],
  notes: [
    'PATH is a file, a folder (scanned whole) or a glob; default: agent configs, policies/**,',
    'CI files and IAM JSON. Suppress one finding with `# astl:ignore <rule-id> <reason>`.',
    'Exit codes: 0 no findings at or above --fail-on, 1 findings, 3 usage or config error.',
  ],
};

const FORMATS = ['text', 'json', 'sarif', 'codequality', 'github'] as const;
type Format = (typeof FORMATS)[number];

export async function run(args: Parsed, io: Io): Promise<number> {
  const format = choice(args, 'format', FORMATS, 'text');
  const failOn = choice(args, 'fail-on', ['error', 'warning', 'never'] as const, 'error');
  const staged = bool(args, 'staged');
  const base = str(args, 'base')?.trim() || undefined;
  const head = str(args, 'head')?.trim() || undefined;
  if (staged && (base || head)) throw new UsageError('--staged cannot be combined with --base/--head');
  if (head && !base)
    throw new UsageError('--head needs --base', 'for example --base origin/main --head HEAD');
  const paths = args.positionals.map((p) => asGlob(io.cwd, p));
  const baselineFile = str(args, 'baseline');
  // Inside the workspace and out of .git/, or refused without showing the file (core/workspace-path).
  const baselinePath = baselineFile
    ? resolveWorkspacePath(baselineFile, workspaceScope(io.env, io.cwd), { what: '--baseline' }).real
    : undefined;
  if (baselineFile && !existsSync(baselinePath!)) {
    throw new AstlError(`baseline file ${baselineFile} not found`, {
      code: 'BASELINE_NOT_FOUND',
      location: { file: baselineFile },
      hint: 'write one with `astl scan --format json` fingerprints, or drop --baseline',
    });
  }

  const engine = await import('../../../packages/scanner/index.js');
  const progress = startProgress(io);
  let result: ScanResult;
  let cleanup: (() => void) | undefined;
  try {
    // Read from the working tree before --staged swaps the root for a snapshot of the index.
    const configFile = str(args, 'config');
    const options: ScanOptions = {
      root: io.cwd,
      ...(paths.length ? { paths } : {}),
      config: engine.loadScanConfig(io.cwd, configFile),
    };
    if (baselinePath) {
      try {
        options.baseline = engine.parseBaseline(readFileSync(baselinePath, 'utf8'));
      } catch (err) {
        throw new AstlError(`baseline file ${baselineFile} is not a baseline: ${(err as Error).message}`, {
          code: 'BASELINE_INVALID',
          location: { file: baselineFile! },
          hint: 'one fingerprint a line, or JSON {"fingerprints": [...]}',
        });
      }
    }
    if (staged) {
      // Only staged files the scan would read are copied out of the index.
      const wanted = engine.globMatcher(paths.length ? paths : engine.DEFAULT_PATHS);
      const unwanted = engine.globMatcher(engine.DEFAULT_EXCLUDE);
      const snapshot = await stagedSnapshot(io.cwd, engine.rangesFromPatch, (f) => wanted(f) && !unwanted(f));
      cleanup = snapshot.cleanup;
      options.root = snapshot.root;
      options.changes = snapshot.changes;
      options.scope = 'diff';
    } else if (base) {
      options.scope = 'diff';
      options.base = base;
      if (head) options.head = head;
    }
    result = await engine.scan(options);
  } finally {
    progress();
    cleanup?.();
  }

  const reports: Record<Format, () => string> = {
    text: () => colourText(engine.textReport(result), io),
    json: () => engine.jsonReport(result),
    sarif: () =>
      `${JSON.stringify(engine.toSarif(result.findings, { rules: result.rules, toolVersion: SCANNER_VERSION }), null, 2)}\n`,
    codequality: () => `${JSON.stringify(engine.toCodeQuality(result.findings, result.rules), null, 2)}\n`,
    github: () => {
      const lines = engine.annotationLines(result.findings, {
        rules: result.rules,
        maxPerType: Number.MAX_SAFE_INTEGER,
      });
      return lines.length ? `${lines.join('\n')}\n` : '';
    },
  };
  const output = str(args, 'output');
  if (output) write(output, reports[format]());
  else if (format === 'github') {
    // Annotation lines are commands on purpose; their parts are escaped by annotationCommand.
    io.commands(
      engine.annotationLines(result.findings, { rules: result.rules, maxPerType: Number.MAX_SAFE_INTEGER }),
    );
  } else {
    const text = reports[format]();
    if (text) io.out(text.replace(/\n$/, ''));
  }
  if (str(args, 'sarif')) write(str(args, 'sarif')!, reports.sarif());
  if (str(args, 'codequality')) write(str(args, 'codequality')!, reports.codequality());
  // Whatever went to stdout, warnings and the tally also reach a human on stderr.
  if (format !== 'text' || output) {
    for (const w of result.warnings) io.err(`warning: ${w}`);
    const { error, warning, note } = result.stats.bySeverity;
    io.err(
      `astl scan: ${result.stats.filesScanned} files, ${error} errors, ${warning} warnings, ${note} notes`,
    );
  }

  const { error, warning } = result.stats.bySeverity;
  if (failOn === 'never') return EXIT.ok;
  return error > 0 || (failOn === 'warning' && warning > 0) ? EXIT.findings : EXIT.ok;
}

/** A folder scans whole; a file or glob is taken as written. */
function asGlob(cwd: string, p: string): string {
  const clean = p.replace(/\\/g, '/').replace(/^\.\//, '');
  try {
    if (statSync(join(cwd, clean)).isDirectory())
      return clean === '.' || clean === '' ? '**' : `${clean.replace(/\/+$/, '')}/**`;
  } catch {
    // not a path on disk: a glob
  }
  return clean;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function colourText(text: string, io: Io): string {
  if (!io.color) return text;
  return text.replace(
    /: (error|warning|note) /g,
    (_m, sev: string) =>
      `: ${paint(io, sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : 'blue', sev)} `,
  );
}

/** A one-line "scanning…" on a terminal's stderr, cleared when done; nothing elsewhere. */
function startProgress(io: Io): () => void {
  if (!io.interactive) return () => {};
  const timer = setTimeout(() => process.stderr.write('astl scan: scanning…'), 300);
  return () => {
    clearTimeout(timer);
    process.stderr.write('\r\x1b[K');
  };
}

/**
 * The staged content, as `git commit` would record it: each staged file's index blob written to a
 * temp folder at its path, and the staged line ranges as the change set, so a pre-commit hook
 * judges exactly what is being committed (not the working tree).
 */
async function stagedSnapshot(
  cwd: string,
  rangesFromPatch: (patch: string) => [number, number][],
  include: (file: string) => boolean,
): Promise<{ root: string; changes: ChangeSet; cleanup: () => void }> {
  const git = async (args: string[], maxBuffer = 64 * 1024 * 1024) => {
    try {
      return (await run_('git', args, { cwd, maxBuffer, encoding: 'buffer' })).stdout as Buffer;
    } catch (err) {
      throw new AstlError(
        `--staged needs a git repository: git ${args[0]} failed: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`,
        {
          code: 'GIT_FAILED',
          hint: 'run astl scan --staged inside the repository (a pre-commit hook does)',
        },
      );
    }
  };
  const top = (await git(['rev-parse', '--show-prefix'])).toString('utf8').trim();
  if (top !== '') {
    throw new UsageError(
      'run astl scan --staged from the top of the repository',
      `cd to the repository root (${top} is a subfolder)`,
    );
  }
  const names = (await git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']))
    .toString('utf8')
    .split('\0')
    .filter((name) => name && include(name));
  const root = mkdtempSync(join(tmpdir(), 'astl-staged-'));
  const files = new Map<string, { file: string; ranges: [number, number][] }>();
  try {
    for (const name of names) {
      const blob = await git(['show', `:${name}`]);
      const target = join(root, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blob);
      const patch = (
        await git(['diff', '--cached', '--unified=0', '--no-color', '--no-ext-diff', '--', name])
      ).toString('utf8');
      files.set(name, { file: name, ranges: rangesFromPatch(patch) });
    }
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return {
    root,
    changes: { source: 'git', files },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
