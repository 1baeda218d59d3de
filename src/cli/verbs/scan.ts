/**
 * `astl scan`: the PR scanner for GitLab jobs, pre-commit hooks and laptops. Same engine and
 * reporters as the scan action; several reports can come out of one run (stdout in --format, plus
 * --sarif / --codequality files) so a CI job scans once.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { AstlError } from '../../../packages/core/errors.js';
import { resolveWorkspacePath, workspaceScope } from '../../../packages/core/workspace-path.js';
import { unquoteGitPath } from '../../../packages/scanner/git-path.js';
import type { ChangeSet, ScanOptions, ScanResult } from '../../../packages/scanner/index.js';
import { SCANNER_VERSION } from '../../../packages/scanner/version.js';
import { bool, choice, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT, UsageError } from '../exit.js';
import { checkOutputPath, writeFlagFile } from '../files.js';
import { type Io, paint } from '../io.js';

const run_ = promisify(execFile);

export const spec: VerbSpec = {
  name: 'scan',
  summary: 'scan agent configs, policies, workflows and IAM documents for risky settings',
  usage:
    'astl scan [PATH...] [--scope all|diff] [--base REF] [--head REF] [--staged] [--format text|json|sarif|codequality|github] [--output FILE] [--baseline FILE] [--write-baseline FILE] [--fail-on error|warning|never]',
  positionals: true,
  flags: {
    scope: {
      type: 'string',
      value: 'SCOPE',
      description:
        'all: every finding in the scanned files; diff: only findings on changed lines (needs --base or --staged; their default)',
    },
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
    'write-baseline': {
      type: 'string',
      value: 'FILE',
      description:
        'write the fingerprints of every current finding to FILE (the --baseline format) and exit 0',
    },
    'fail-on': { type: 'string', value: 'LEVEL', description: 'error (default), warning or never' },
  },
  examples: [
    'astl scan                                   # the default paths, every finding',
    'astl scan --base origin/main                # only what this branch changed',
    'astl scan policies/ agent-config.yaml --format sarif --output astl.sarif',
    'astl scan --staged                          # in a pre-commit hook',
    'astl scan --write-baseline astl-baseline.json   # accept what is there today',
    'astl scan --baseline astl-baseline.json     # then report only new findings',
    'astl scan --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --codequality gl-code-quality-report.json --sarif astl.sarif',
  ],
  notes: [
    'PATH is a file or a folder (scanned whole), taken literally; a PATH that does not exist but',
    'contains * ? [ ] { } is a glob. Default: agent configs, policies/**, CI files and IAM JSON.',
    'Suppress one finding with `# astl:ignore <rule-id> <reason>`.',
    'Exit codes: 0 no findings at or above --fail-on, 1 findings, 3 usage or config error',
    '(a PATH that does not exist is one).',
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
  const scope = choice(args, 'scope', ['all', 'diff'] as const, base || staged ? 'diff' : 'all');
  if (scope === 'diff' && !base && !staged)
    throw new UsageError(
      '--scope diff needs the changed lines: give --base REF (or --staged)',
      'for example --scope diff --base origin/main',
    );
  const targets = classifyPaths(io.cwd, args.positionals, staged);
  // A report path that cannot be written is refused before the scan, not after it.
  for (const flag of ['output', 'sarif', 'codequality', 'write-baseline']) {
    const path = str(args, flag);
    if (path) checkOutputPath(`--${flag}`, path);
  }
  const writeBaselineFile = str(args, 'write-baseline');
  const baselineFile = writeBaselineFile ? undefined : str(args, 'baseline');
  // Inside the workspace and out of .git/, or refused without showing the file (core/workspace-path).
  const baselinePath = baselineFile
    ? resolveWorkspacePath(baselineFile, workspaceScope(io.env, io.cwd), { what: '--baseline' }).real
    : undefined;
  if (baselineFile && !existsSync(baselinePath!)) {
    throw new AstlError(`baseline file ${baselineFile} not found`, {
      code: 'BASELINE_NOT_FOUND',
      location: { file: baselineFile },
      hint: 'write one with `astl scan --write-baseline FILE`, or drop --baseline',
    });
  }

  const engine = await import('../../../packages/scanner/index.js');
  const progress = startProgress(io);
  let result: ScanResult;
  let cleanup: (() => void) | undefined;
  try {
    // Read from the working tree before --staged swaps the root for a snapshot of the index.
    const configFile = str(args, 'config');
    const options: ScanOptions = { root: io.cwd, scope, config: engine.loadScanConfig(io.cwd, configFile) };
    if (targets.files.length) options.files = targets.files;
    if (targets.globs.length) options.paths = targets.globs;
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
      // Only staged files the scan would read are copied out of the index; they are then
      // named one by one (literally) to the engine.
      const wanted = stagedFilter(engine, targets);
      const snapshot = await stagedSnapshot(io.cwd, engine.rangesFromPatch, wanted);
      cleanup = snapshot.cleanup;
      options.root = snapshot.root;
      options.files = [...snapshot.changes.files.keys()];
      delete options.paths;
      if (options.files.length === 0) options.files = ['.'];
      if (scope === 'diff') options.changes = snapshot.changes;
    } else if (base && scope === 'diff') {
      options.base = base;
      if (head) options.head = head;
    }
    result = await engine.scan(options);
  } finally {
    progress();
    cleanup?.();
  }
  if (!staged) missingPaths(targets, result.skipped);

  if (writeBaselineFile) {
    write(io, '--write-baseline', writeBaselineFile, engine.writeBaseline(result.findings));
    const n = new Set(result.findings.map((f) => f.fingerprint)).size;
    io.err(
      `astl scan: wrote ${n} fingerprints to ${writeBaselineFile}; scan with --baseline ${writeBaselineFile} to report only new findings`,
    );
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
  if (output) write(io, '--output', output, reports[format]());
  else if (format === 'github') {
    // Annotation lines are commands on purpose; their parts are escaped by annotationCommand.
    io.commands(
      engine.annotationLines(result.findings, { rules: result.rules, maxPerType: Number.MAX_SAFE_INTEGER }),
    );
  } else {
    const text = reports[format]();
    if (text) io.out(text.replace(/\n$/, ''));
  }
  if (str(args, 'sarif')) write(io, '--sarif', str(args, 'sarif')!, reports.sarif());
  if (str(args, 'codequality')) write(io, '--codequality', str(args, 'codequality')!, reports.codequality());
  // Whatever went to stdout, warnings and the tally also reach a human on stderr.
  if (format !== 'text' || output) {
    for (const w of result.warnings) io.err(`warning: ${w}`);
    const { error, warning, note } = result.stats.bySeverity;
    io.err(
      `astl scan: ${engine.plural(result.stats.filesScanned, 'file')}, ${engine.plural(error, 'error')}, ${engine.plural(warning, 'warning')}, ${engine.plural(note, 'note')}`,
    );
  }

  const { error, warning } = result.stats.bySeverity;
  if (failOn === 'never' || writeBaselineFile) return EXIT.ok;
  return error > 0 || (failOn === 'warning' && warning > 0) ? EXIT.findings : EXIT.ok;
}

interface Targets {
  /** Files and folders that exist, root-relative, taken literally. */
  files: string[];
  /** The folders among them (for --staged). */
  folders: string[];
  /** Arguments that do not exist as paths but contain glob characters. */
  globs: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Sorts PATH arguments: a plain name is a file or folder, taken literally (`[id].ts`,
 * `a (1).yml`) and checked by the engine, which costs no extra lookup; a name with glob
 * characters is taken literally when it exists, else as a glob. A path outside the current
 * folder is a usage error (exit 3); so is a missing one (see missingPaths).
 */
function classifyPaths(cwd: string, positionals: readonly string[], needFolders: boolean): Targets {
  const targets: Targets = { files: [], folders: [], globs: [] };
  for (const p of positionals) {
    const rel = insideFolder(cwd, p);
    if (rel === undefined)
      throw new UsageError(
        `${p} is outside the folder being scanned (${cwd})`,
        'run astl scan from the repository root and name paths inside it',
      );
    const glob = GLOB_CHARS.test(p);
    const info = glob || needFolders ? lstatOrUndefined(join(cwd, rel)) : undefined;
    if (glob && !info) {
      targets.globs.push(p.replace(/\\/g, '/').replace(/^\.\//, ''));
      continue;
    }
    targets.files.push(rel === '' ? '.' : rel);
    if (info?.isDirectory()) targets.folders.push(rel);
  }
  return targets;
}

/**
 * `p` relative to `cwd` in forward slashes ('' for the folder itself), or undefined when it leaves
 * it. Relative names are normalised segment by segment (path.resolve per name costs ~30 µs, which
 * thousands of names from a hook would feel).
 */
function insideFolder(cwd: string, p: string): string | undefined {
  if (isAbsolute(p)) {
    const rel = relative(cwd, p).split(sep).join('/');
    return rel === '..' || rel.startsWith('../') || isAbsolute(rel) ? undefined : rel;
  }
  const parts: string[] = [];
  for (const part of p.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.join('/');
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Named paths the engine found missing: a usage error (exit 3), naming them. */
function missingPaths(targets: Targets, skipped: readonly { file: string; reason: string }[]): void {
  const named = new Set(targets.files);
  const missing = skipped
    .filter((s) => s.reason === 'does not exist' && named.has(s.file))
    .map((s) => s.file);
  if (missing.length === 0) return;
  throw new UsageError(
    `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'does' : 'do'} not exist`,
    'name existing files or folders (paths are relative to the current folder), or quote a glob such as "policies/*.yaml"',
  );
}

/** Which staged names the scan reads: the named files, folders and globs, or the default paths. */
function stagedFilter(
  engine: {
    globMatcher: (globs: readonly string[]) => (f: string) => boolean;
    DEFAULT_PATHS: string[];
    DEFAULT_EXCLUDE: string[];
  },
  targets: Targets,
): (file: string) => boolean {
  const unwanted = engine.globMatcher(engine.DEFAULT_EXCLUDE);
  const named = targets.files.length + targets.globs.length > 0;
  if (!named) {
    const defaults = engine.globMatcher(engine.DEFAULT_PATHS);
    return (f) => defaults(f) && !unwanted(f);
  }
  const files = new Set(targets.files);
  const everything = targets.folders.includes('');
  const folders = targets.folders.filter((d) => d !== '').map((d) => `${d}/`);
  const globs = engine.globMatcher(targets.globs);
  return (f) =>
    !unwanted(f) && (everything || files.has(f) || folders.some((d) => f.startsWith(d)) || globs(f));
}

/**
 * A report file: inside the workspace, never through a committed link (core/workspace-path); a
 * path that cannot be written is one line naming the flag (cli/files).
 */
function write(io: Io, flag: string, file: string, text: string): void {
  writeFlagFile(flag, file, text, { scope: workspaceScope(io.env, io.cwd) });
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
  // Three git processes whatever the number of staged files: the staged blob ids, their
  // contents in one `cat-file --batch`, and one patch for the changed lines.
  const staged = parseRawDiff(
    await git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR']),
  ).filter((e) => include(e.path));
  const root = mkdtempSync(join(tmpdir(), 'astl-staged-'));
  const files = new Map<string, { file: string; ranges: [number, number][]; wholeFile?: boolean }>();
  try {
    const blobs = await catBlobs(
      cwd,
      staged.map((e) => e.blob),
    );
    const patch = (
      await git([
        '-c',
        'core.quotePath=false',
        'diff',
        '--cached',
        '--unified=0',
        '--no-color',
        '--no-ext-diff',
        '--diff-filter=ACMR',
      ])
    ).toString('utf8');
    const patches = splitPatch(patch);
    for (const { path, blob, renamed } of staged) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blobs.get(blob) ?? Buffer.alloc(0));
      const own =
        patches.get(path) ??
        (await git(['diff', '--cached', '--unified=0', '--no-color', '--no-ext-diff', '--', path])).toString(
          'utf8',
        );
      // A renamed or binary file (no hunks, only `Binary files … differ`) counts whole, as in the
      // engine's diff scope (FileChange.wholeFile).
      const whole = renamed || /^Binary files .* differ$/m.test(own);
      files.set(path, { file: path, ranges: rangesFromPatch(own), ...(whole ? { wholeFile: true } : {}) });
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

/**
 * `git diff --raw -z` entries: `:<modes> <old id> <new id> <status>\0<path>\0` (renames and
 * copies: two paths, the new one last). Submodules (mode 160000) have no blob and are left out.
 */
function parseRawDiff(raw: Buffer): { path: string; blob: string; renamed: boolean }[] {
  const fields = raw.toString('utf8').split('\0');
  const out: { path: string; blob: string; renamed: boolean }[] = [];
  for (let i = 0; i < fields.length; i++) {
    const meta = fields[i] ?? '';
    if (!meta.startsWith(':')) continue;
    const [, newMode, , blob, status] = meta.slice(1).split(' ');
    const paths = status?.startsWith('R') || status?.startsWith('C') ? 2 : 1;
    const path = fields[i + paths] ?? '';
    i += paths;
    if (path && blob && newMode !== '160000') out.push({ path, blob, renamed: paths === 2 });
  }
  return out;
}

/** Blob contents by id from one `git cat-file --batch` (ids are hex, one a line). */
function catBlobs(cwd: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolvePromise, reject) => {
    if (ids.length === 0) {
      resolvePromise(new Map());
      return;
    }
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(
          new AstlError(`--staged: git cat-file failed: ${stderr.trim()}`, {
            code: 'GIT_FAILED',
            hint: 'run astl scan --staged inside the repository (a pre-commit hook does)',
          }),
        );
        return;
      }
      const out = Buffer.concat(chunks);
      const blobs = new Map<string, Buffer>();
      let at = 0;
      while (at < out.length) {
        const eol = out.indexOf(10, at);
        if (eol === -1) break;
        const [id = '', type, size] = out.subarray(at, eol).toString('utf8').split(' ');
        at = eol + 1;
        if (type === undefined || size === undefined) continue; // "<id> missing"
        const n = Number(size);
        blobs.set(id, out.subarray(at, at + n));
        at += n + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end(`${ids.join('\n')}\n`);
  });
}

/** One patch for many files, split by file (the `+++ b/<path>` of each section). */
function splitPatch(patch: string): Map<string, string> {
  const out = new Map<string, string>();
  const sections = patch.split(/^(?=diff --git )/m);
  for (const section of sections) {
    const plus = /^\+\+\+ (.*)$/m.exec(section)?.[1];
    if (!plus || plus === '/dev/null') continue;
    const path = unquoteGitPath(plus);
    if (path.startsWith('b/')) out.set(path.slice(2), section);
  }
  return out;
}
