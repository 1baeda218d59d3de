/**
 * Scanner benchmark: a generated repository of 10,000 files / ~50 MB (workflows, agent
 * registries, AgentPolicies, IAM documents and plain source text, some with findings), scanned
 * in full with `paths: **` (targets: <= 5 s), with the default paths, and a 300-file pull
 * request diff in a real git repository (target: <= 1 s).
 *
 * Then the CLI as users run it (the committed dist/cli bundle; rebuild first): a tree of 6,528
 * small files walked (`astl scan .`) and the same files named one by one (`astl scan f1 … fN`,
 * what a pre-commit hook or `git diff --name-only | xargs` passes), in files/s, next to
 * secretlint (preset-recommend, a devDependency) on the same files walked (its globs) and named
 * (`--no-glob`). secretlint needs ~2 minutes for the whole tree on a busy 2-core machine, so by
 * default it runs on every 10th folder (~650 files) and the rates are compared in files/s;
 * `--secretlint-every 1` runs it on everything. Goal: >= 5x secretlint's files/s both ways.
 *
 *   npx tsx bench/scan.ts [--files 10000] [--mb 50] [--cli-files 6528] [--secretlint-every 10] [--cli-only]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { scan } from '../packages/scanner/scan.js';
import { generateTree } from './secrets.js';

interface Row {
  case: string;
  files: number;
  mb: number;
  seconds: number;
  mbPerSecond: number;
  findings: number;
  target: string;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Deterministic pseudo-random text, so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  'const let return function agent policy deploy value config request token build image stage'.split(' ');

function sourceText(bytes: number, random: () => number, index: number): string {
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words = Array.from(
      { length: 6 + Math.floor(random() * 8) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    const line = `  ${words.join(' ')}; // ${index}-${lines.length}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

function workflow(i: number): string {
  const steps = Array.from(
    { length: 30 },
    (_, s) => `      - name: step ${s}\n        run: echo "building ${i}-${s}" && make target-${s}\n`,
  ).join('');
  // Every tenth workflow runs AI agents on an untrusted trigger (the agent/* rules' work).
  const agent =
    i % 10 === 0
      ? `      - id: claude\n        uses: anthropics/claude-code-action@v1\n        with:\n          prompt: Review \${{ github.event.issue.title }}\n          claude_args: --dangerously-skip-permissions\n      - env:\n          BODY: \${{ github.event.issue.body }}\n        run: |\n          PLAN=$(codex exec --full-auto "Fix: $BODY")\n          eval "$PLAN"\n      - run: echo "\${{ steps.claude.outputs.structured_output }}"\n`
      : '';
  return `name: wf-${i}\non: [push, pull_request${i % 10 === 0 ? ', issues' : ''}]\n${i % 3 ? 'permissions:\n  contents: read\n' : ''}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: third/party-${i % 7}@v${i % 4}\n${steps}${agent}      - run: echo "\${{ github.event.pull_request.title }}"\n`;
}

function registry(i: number): string {
  const agents = Array.from(
    { length: 20 },
    (_, a) =>
      `  - name: agent-${i}-${a}\n    type: type-${a % 4}\n    owner: team-${a % 5}\n    purpose: "purpose ${a}"\n    permissions:\n      - repository: ${a % 9 === 0 ? 'write' : 'read'}\n      - pull-requests: comment\n    credential-policy: ephemeral\n    max-ttl: 1h\n    audit-level: ${a % 11 === 0 ? 'minimal' : 'full'}\n`,
  ).join('');
  return `agents:\n${agents}`;
}

function iam(i: number): string {
  const statements = Array.from({ length: 12 }, (_, s) => ({
    Sid: `S${s}`,
    Effect: 'Allow',
    Action: s === 0 && i % 10 === 0 ? '*' : [`s3:GetObject`, `s3:PutObject`, `dynamodb:Query`],
    Resource: s % 5 === 0 ? '*' : `arn:aws:s3:::bucket-${i}/${s}/*`,
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

function policy(i: number): string {
  return `kind: AgentPolicy\nmetadata:\n  name: policy-${i}\nspec:\n  agentTypes: [type-${i % 4}-x]\n  restrictions:\n    - deny: secrets\n  credentialPolicy:\n    type: ephemeral\n    maxTtl: 8h\n`;
}

export function generateRepository(
  root: string,
  fileCount: number,
  totalMb: number,
): { files: number; bytes: number } {
  const random = rng(42);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    bytes += Buffer.byteLength(text);
    files++;
  };
  let files = 0;
  let bytes = 0;
  const workflows = Math.round(fileCount * 0.03);
  const registries = Math.round(fileCount * 0.005);
  const iamDocs = Math.round(fileCount * 0.02);
  const policies = Math.round(fileCount * 0.02);
  for (let i = 0; i < workflows; i++) write(`.github/workflows/wf-${i}.yml`, workflow(i));
  for (let i = 0; i < registries; i++) write(`teams/t${i}/agent-config.yaml`, registry(i));
  for (let i = 0; i < iamDocs; i++) write(`infra/iam/policy-${i}.json`, iam(i));
  for (let i = 0; i < policies; i++) write(`policies/agent-${i}.yaml`, policy(i));
  const rest = fileCount - files;
  const perFile = Math.max(256, Math.floor((totalMb * 1024 * 1024 - bytes) / rest));
  const secret = ['ghp_', 'R8x2bV9qLm4Tz7Yc1Nf5Kd3Hs6Jw0Pa2Ue8G'].join('');
  for (let i = 0; i < rest; i++) {
    let text = sourceText(perFile, random, i);
    if (i % 500 === 0) text += `export const TOKEN = '${secret}';\n`;
    write(`src/module-${Math.floor(i / 100)}/file-${i}.${i % 4 === 0 ? 'md' : 'ts'}`, text);
  }
  return { files, bytes };
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
    },
  }).trim();
}

export async function main(): Promise<Row[]> {
  if (process.argv.includes('--cli-only')) {
    cliWalkedAndNamed();
    return [];
  }
  const fileCount = arg('files', 10_000);
  const totalMb = arg('mb', 50);
  const root = mkdtempSync(join(tmpdir(), 'astl-bench-scan-'));
  const rows: Row[] = [];
  try {
    const generated = generateRepository(root, fileCount, totalMb);
    const mb = generated.bytes / 1024 / 1024;
    console.log(`generated repository: ${generated.files} files, ${mb.toFixed(1)} MB`);

    // Warm-up on a small repository of the same kinds: module loading, schema and regex
    // compilation and JIT are one-time costs the table should not attribute to a case.
    const warm = mkdtempSync(join(tmpdir(), 'astl-bench-warm-'));
    generateRepository(warm, 400, 1);
    for (let i = 0; i < 3; i++) await scan({ root: warm, paths: ['**'] });
    rmSync(warm, { recursive: true, force: true });

    let t = performance.now();
    const everything = await scan({ root, paths: ['**'] });
    let s = (performance.now() - t) / 1000;
    const scannedMb = everything.stats.bytesScanned / 1024 / 1024;
    rows.push({
      case: "full scan, paths '**'",
      files: everything.stats.filesScanned,
      mb: scannedMb,
      seconds: s,
      mbPerSecond: scannedMb / s,
      findings: everything.findings.length,
      target: '<= 5 s',
    });

    t = performance.now();
    const defaults = await scan({ root });
    s = (performance.now() - t) / 1000;
    const defaultMb = defaults.stats.bytesScanned / 1024 / 1024;
    rows.push({
      case: 'full scan, default paths',
      files: defaults.stats.filesScanned,
      mb: defaultMb,
      seconds: s,
      mbPerSecond: defaultMb / s,
      findings: defaults.findings.length,
      target: '',
    });

    // A pull request touching 300 files in a real git repository.
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    const base = git(root, 'rev-parse', 'HEAD');
    const touched: string[] = [];
    for (let i = 0; i < 300; i++) {
      if (i < 60) {
        const path = `.github/workflows/wf-${i}.yml`;
        writeFileSync(join(root, path), `${workflow(i)}      - uses: new/action-${i}@main\n`);
        touched.push(path);
      } else if (i < 80) {
        const path = `infra/iam/policy-${i}.json`;
        writeFileSync(join(root, path), iam(i * 10));
        touched.push(path);
      } else {
        const path = `src/module-${Math.floor(i / 100)}/file-${i}.${i % 4 === 0 ? 'md' : 'ts'}`;
        writeFileSync(join(root, path), `// changed\n${sourceText(2048, rng(i), i)}`);
        touched.push(path);
      }
    }
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'change');
    const head = git(root, 'rev-parse', 'HEAD');
    t = performance.now();
    const diff = await scan({ root, paths: ['**'], scope: 'diff', base, head });
    s = (performance.now() - t) / 1000;
    const diffMb = diff.stats.bytesScanned / 1024 / 1024;
    if (diff.scope !== 'diff' || diff.stats.filesScanned !== touched.length) {
      throw new Error(`diff scan covered ${diff.stats.filesScanned} files in scope ${diff.scope}`);
    }
    rows.push({
      case: '300-file PR diff (git)',
      files: diff.stats.filesScanned,
      mb: diffMb,
      seconds: s,
      mbPerSecond: diffMb / s,
      findings: diff.findings.length,
      target: '<= 1 s',
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  console.log(`| case | files | MB | seconds | MB/s | findings | target |`);
  console.log(`|---|---:|---:|---:|---:|---:|---|`);
  for (const r of rows) {
    console.log(
      `| ${r.case} | ${r.files} | ${r.mb.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.mbPerSecond.toFixed(1)} | ${r.findings} | ${r.target} |`,
    );
  }
  cliWalkedAndNamed();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The CLI walked and named, next to secretlint

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '..');
const CLI = join(REPO, 'dist/cli/index.js');
const SECRETLINT = join(REPO, 'node_modules/secretlint/bin/secretlint.js');
const SECRETLINT_RC = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });
const TIME = '/usr/bin/time';

interface Timed {
  wall: number;
  /** user + system CPU seconds of the process (from /usr/bin/time), when available. */
  cpu?: number;
}

/** One process run: wall time, and CPU time when /usr/bin/time is installed (Debian `time`). */
function timed(args: string[], cwd: string): Timed {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime ? ['-f', '@@%e %U %S', process.execPath, ...args] : args;
  const t = performance.now();
  const r = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - t) / 1000;
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`${args.slice(0, 3).join(' ')}… exited ${r.status}: ${r.stderr.slice(-500)}`);
  const line = /@@([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return line ? { wall, cpu: Number(line[2]) + Number(line[3]) } : { wall };
}

function median(runs: Timed[]): Timed {
  const sorted = [...runs].sort((a, b) => a.wall - b.wall);
  return sorted[Math.floor(sorted.length / 2)] as Timed;
}

export function cliWalkedAndNamed(): void {
  if (!existsSync(CLI)) {
    console.log(`\n(CLI comparison skipped: ${CLI} missing; run npm run build -- cli)`);
    return;
  }
  const count = arg('cli-files', 6528);
  const tree = generateTree(count, (count * 2048) / 1e6);
  try {
    // Inside the tree (the CLI writes only inside the workspace), in a folder no walk enters.
    mkdirSync(join(tree.root, 'node_modules'), { recursive: true });
    const out = join(tree.root, 'node_modules', 'astl-bench-out.json');
    const astl = (paths: string[]): Timed =>
      timed([CLI, 'scan', ...paths, '--format', 'json', '--output', out, '--fail-on', 'never'], tree.root);
    astl(['.']); // warm the file cache and the bundle
    const walked = median([astl(['.']), astl(['.']), astl(['.'])]);
    const walkedFiles = (JSON.parse(readFileSync(out, 'utf8')) as { files: string[] }).files.length;
    const named = median([astl(tree.files), astl(tree.files), astl(tree.files)]);
    const namedFiles = (JSON.parse(readFileSync(out, 'utf8')) as { files: string[] }).files.length;

    // secretlint on every n-th top-level folder: the same files walked (globs) and named.
    const every = Math.max(1, arg('secretlint-every', 10));
    const folders = [...new Set(tree.files.map((f) => f.split('/')[0] as string))].sort();
    const sample = folders.filter((_, i) => i % every === 0);
    const sampleFiles = tree.files.filter((f) => sample.includes(f.split('/')[0] as string));
    const secretlint = (extra: string[]): Timed =>
      timed(
        [SECRETLINT, ...extra, '--format', 'json', '--output', out, '--secretlintrcJSON', SECRETLINT_RC],
        tree.root,
      );
    const slWalked = secretlint(sample.map((d) => `${d}/**/*`));
    const slWalkedFiles = (JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length;
    const slNamed = secretlint(['--no-glob', ...sampleFiles]);
    const slNamedFiles = (JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length;
    rmSync(out, { force: true });

    const rate = (files: number, t: Timed): number => files / t.wall;
    const rows: [string, number, Timed, number][] = [
      ['astl scan . (walk)', walkedFiles, walked, rate(walkedFiles, walked)],
      ['astl scan f1 … fN (named)', namedFiles, named, rate(namedFiles, named)],
      [
        `secretlint globs (walk)${every > 1 ? `, every ${every}th folder` : ''}`,
        slWalkedFiles,
        slWalked,
        rate(slWalkedFiles, slWalked),
      ],
      [
        `secretlint --no-glob (named)${every > 1 ? `, same sample` : ''}`,
        slNamedFiles,
        slNamed,
        rate(slNamedFiles, slNamed),
      ],
    ];
    console.log(
      `\nCLI on ${tree.files.length} small files (${(tree.bytes / 1e6).toFixed(1)} MB), process wall time (median of 3 for astl):`,
    );
    console.log('| run | files | wall s | cpu s | files/s |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, files, t, r] of rows)
      console.log(
        `| ${name} | ${files} | ${t.wall.toFixed(2)} | ${t.cpu?.toFixed(2) ?? '-'} | ${r.toFixed(0)} |`,
      );
    const [, , , walkRate] = rows[0]!;
    const [, , , namedRate] = rows[1]!;
    const [, , , slWalkRate] = rows[2]!;
    const [, , , slNamedRate] = rows[3]!;
    console.log(
      `named / walked: ${(named.wall / walked.wall).toFixed(2)}x the time; vs secretlint (files/s): walked ${(walkRate / slWalkRate).toFixed(1)}x, named ${(namedRate / slNamedRate).toFixed(1)}x (goal >= 5x)`,
    );
  } finally {
    rmSync(tree.root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
