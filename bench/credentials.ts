/**
 * Credentials action benchmark, in the terms of issue 13 and the shared perf bench
 * (../shared/perf/README.md): the committed main + post bundles in the three configurations users
 * run most, each timed next to a bare `node -e 0` (the floor) in the same interleaved loop:
 *
 * - A: AWS only;  B: Vault login + 1 KV v2 read, revoked by the post step;  C: both in one step;
 * - D: all three providers in one step: C plus a GitHub App installation token (App JWT,
 *   installation lookup, token request; the post step revokes it), against the GitHub App
 *   stand-in (test/servers/github-app.ts). D has no goal of its own: it shows what GitHub adds.
 *
 * For each it prints main / post / total wall time (spawn to exit), CPU and peak RSS
 * (`/usr/bin/time`), the total as a multiple of the floor with the goals (≤ 7.3×, ≤ 4.4×, ≤ 7.9×;
 * peak RSS ≤ 69, 54, 69 MB), and a per-phase breakdown of the main step from the marks it records
 * when ASTL_BENCH_PHASES is set (packages/core/phases.ts): process start (Node's bootstrap), module
 * load, validation (inputs, registry, schemas, policy check), token (first OIDC token), provider
 * calls, summary (outputs, summary, audit), and spawn + exit (the rest of the wall time).
 *
 * `npm run bench -- credentials` or `npx tsx bench/credentials.ts [iterations] [--quick]`.
 * Every step runs against the local stand-ins (test/servers), so network latency is not included.
 * Each run is checked (exit codes, exported credentials, the Vault token revoked); a failed run is
 * reported and left out. Medians of interleaved runs cope with some load; compare within one run.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetSandbox } from '../test/credentials/helpers.js';
import { type GitHubAppServer, startGitHubApp } from '../test/servers/github-app.js';
import { type Sandbox, startSandbox } from '../test/servers/sandbox.js';
import { repoRoot, runStep, type StepResult } from '../test/support/runner.js';

const MAIN = 'dist/credentials/main/index.js';
const POST = 'dist/credentials/post/index.js';
const SECRET_ENV = 'RELEASE_TOKEN';

type Config = 'aws' | 'vault' | 'both' | 'all3';
const CONFIGS: Record<Config, { label: string; goal?: number; rssMb?: number }> = {
  aws: { label: 'A AWS', goal: 7.3, rssMb: 69 },
  vault: { label: 'B Vault + 1 KV', goal: 4.4, rssMb: 54 },
  both: { label: 'C AWS + Vault + 1 KV', goal: 7.9, rssMb: 69 },
  all3: { label: 'D AWS + Vault + 1 KV + GitHub' },
};
const MAIN_PHASES = [
  ['process start', 'start', 'boot'],
  ['module load', 'boot', 'loaded'],
  ['validation', 'loaded', 'checked'],
  ['token', 'checked', 'token'],
  ['provider calls', 'token', 'minted'],
  ['summary', 'minted', 'done'],
] as const;

interface Usage {
  wall: number;
  cpu: number;
  rss: number;
}
interface Run {
  main: Usage;
  post: Usage;
  marks: Record<string, number>;
  why: string[];
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

function registry(sb: Sandbox, config: Config, gh: GitHubAppServer): string {
  const aws = `      aws:\n        role-arn: ${sb.roleArn}\n        region: eu-west-1\n`;
  const github = `      github:\n        app-id: "${gh.appId}"\n        permissions:\n          contents: read\n`;
  const vault = `      vault:\n        url: ${sb.vaultUrl}\n        role: ${sb.vaultRole}\n        audience: ${sb.vaultAudience}\n        secrets:\n          - path: secret/data/ci/deploy\n            key: token\n            env: ${SECRET_ENV}\n`;
  return `agents:
  - name: release-pilot
    type: release-manager
    owner: release-engineering
    purpose: "Publish releases"
    credential-policy: ephemeral
    max-ttl: 2h
    audit-level: full
    credentials:
${config !== 'vault' ? aws : ''}${config !== 'aws' ? vault : ''}${config === 'all3' ? github : ''}`;
}

/** A `node` that runs under GNU time, writing "maxRSS-kB user sys" to $ASTL_BENCH_USAGE. */
function timedNode(dir: string): string | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const wrapper = join(dir, 'node-timed');
  writeFileSync(
    wrapper,
    // sh drops variables whose names are not identifiers (INPUT_GITHUB-APP-PRIVATE-KEY), so
    // that one input travels as ASTL_BENCH_GITHUB_APP_KEY and env(1) restores it (config D only).
    `#!/bin/sh
if [ -n "$ASTL_BENCH_GITHUB_APP_KEY" ]; then
  exec /usr/bin/time -f "%M %U %S" -o "$ASTL_BENCH_USAGE" /usr/bin/env "INPUT_GITHUB-APP-PRIVATE-KEY=$ASTL_BENCH_GITHUB_APP_KEY" "${process.execPath}" "$@"
fi
exec /usr/bin/time -f "%M %U %S" -o "$ASTL_BENCH_USAGE" "${process.execPath}" "$@"
`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

function readUsage(file: string, wall: number): Usage {
  if (!existsSync(file)) return { wall, cpu: Number.NaN, rss: Number.NaN };
  const [kb, user, sys] = (readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  rmSync(file, { force: true });
  return { wall, cpu: ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000, rss: (kb ?? Number.NaN) / 1024 };
}

async function floorRun(node: string, env: Record<string, string>, usageFile: string): Promise<Usage> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(node, ['-e', '0'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return readUsage(usageFile, performance.now() - started);
}

async function productRun(
  sb: Sandbox,
  gh: GitHubAppServer,
  config: Config,
  scratch: string,
  node: string | undefined,
  usageFile: string,
): Promise<Run> {
  resetSandbox(sb);
  const ws = mkdtempSync(join(scratch, 'ws-'));
  gh.tokens.clear();
  writeFileSync(join(ws, 'agent-config.yaml'), registry(sb, config, gh));
  const phasesFile = join(scratch, `phases-${Math.random().toString(36).slice(2)}.jsonl`);
  const runnerTemp = mkdtempSync(join(scratch, 'rt-'));
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${sb.env.ACTIONS_ID_TOKEN_REQUEST_URL}`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    AWS_ENDPOINT_URL_STS: sb.env.AWS_ENDPOINT_URL_STS,
    ASTL_BENCH_PHASES: phasesFile,
    ASTL_BENCH_USAGE: usageFile,
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_REPOSITORY: 'acme/app',
  };
  const inputs: Record<string, string> = {
    agent: 'release-pilot',
    purpose: 'Benchmark run',
    duration: '15m',
  };
  if (config === 'all3') inputs['github-app-private-key'] = gh.privateKeyPem;
  const mainEnv = config === 'all3' && node ? { ...env, ASTL_BENCH_GITHUB_APP_KEY: gh.privateKeyPem } : env;
  const opts = { inputs, env, cwd: ws, runnerTemp, timeoutMs: 60_000, ...(node ? { node } : {}) };
  const main: StepResult = await runStep(MAIN, { ...opts, env: mainEnv });
  const mainUsage = readUsage(usageFile, main.wallMs);
  const post: StepResult = await runStep(POST, { ...opts, state: main.state });
  const postUsage = readUsage(usageFile, post.wallMs);
  const why: string[] = [];
  if (main.exitCode !== 0) why.push(`main exit ${main.exitCode}: ${main.stdout.slice(-300)}`);
  if (post.exitCode !== 0) why.push(`post exit ${post.exitCode}`);
  if (config !== 'vault' && !main.exportedEnv.AWS_ACCESS_KEY_ID?.startsWith('ASIA'))
    why.push('no AWS_ACCESS_KEY_ID');
  if (config === 'all3') {
    const token = main.exportedEnv.GH_TOKEN;
    if (!token) why.push('no GH_TOKEN');
    else if (gh.tokenStatus(token) !== 'revoked') why.push('the GitHub token was not revoked');
  }
  if (config !== 'aws') {
    const token = main.exportedEnv.VAULT_TOKEN;
    if (!token || !main.exportedEnv[SECRET_ENV]) why.push('no VAULT_TOKEN or secret');
    else if (!sb.vault.revokedTokens.includes(token)) why.push('the Vault token was not revoked');
  }
  let marks: Record<string, number> = {};
  if (existsSync(phasesFile)) {
    for (const line of readFileSync(phasesFile, 'utf8').trim().split('\n')) {
      const rec = JSON.parse(line) as { step: string; marks: Record<string, number> };
      if (rec.step === 'main') marks = { start: 0, ...rec.marks, wall: main.wallMs };
    }
  }
  rmSync(ws, { recursive: true, force: true });
  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(phasesFile, { force: true });
  return { main: mainUsage, post: postUsage, marks, why };
}

/** Deterministic shuffle (mulberry32), so a slow patch of the machine hits every configuration. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const quick = argv.includes('--quick');
  const iterations = Number(argv.find((a) => /^\d+$/.test(a)) ?? (quick ? 12 : 30));
  for (const b of [MAIN, POST]) {
    if (!existsSync(join(repoRoot, b))) throw new Error(`${b} is missing: run npm run build -- credentials`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'astl-bench-cred-'));
  mkdirSync(scratch, { recursive: true });
  const node = timedNode(scratch);
  const usageFile = join(scratch, 'usage');
  const sb = await startSandbox();
  const gh = await startGitHubApp();
  const floors: Usage[] = [];
  const runs: Record<Config, Run[]> = { aws: [], vault: [], both: [], all3: [] };
  const failures: string[] = [];
  const kinds: (Config | 'floor')[] = ['floor', 'aws', 'vault', 'both', 'all3'];
  try {
    for (let it = -1; it < iterations; it++) {
      for (const kind of shuffled(kinds, 1000 + it)) {
        if (kind === 'floor') {
          const f = await floorRun(node ?? process.execPath, { ASTL_BENCH_USAGE: usageFile }, usageFile);
          if (it >= 0) floors.push(f);
          continue;
        }
        const r = await productRun(sb, gh, kind, scratch, node, usageFile);
        if (it < 0) continue; // warm-up: file cache, JIT of the stand-ins
        if (r.why.length > 0) failures.push(`${CONFIGS[kind].label} iteration ${it}: ${r.why.join('; ')}`);
        else runs[kind].push(r);
      }
    }
  } finally {
    await Promise.all([sb.close(), gh.close()]);
    rmSync(scratch, { recursive: true, force: true });
  }

  const floorWall = median(floors.map((f) => f.wall));
  const size = (f: string) => statSync(join(repoRoot, f)).size;
  console.log(
    `credentials: ${iterations} interleaved iterations, node ${process.version}; bundles main ${fmt(size(MAIN) / 1024)} KB, post ${fmt(size(POST) / 1024)} KB`,
  );
  console.log(
    '\n| config | n ok | main wall ms | post wall ms | total wall ms | × floor | goal | main CPU ms | post CPU ms | main RSS MB | post RSS MB | RSS goal |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(
    `| E node -e 0 (floor) | ${floors.length} | ${fmt(floorWall)} | - | ${fmt(floorWall)} | 1.00 | | ${fmt(median(floors.map((f) => f.cpu)))} | - | ${fmt(median(floors.map((f) => f.rss)))} | - | |`,
  );
  const verdicts: string[] = [];
  for (const [kind, c] of Object.entries(CONFIGS) as [Config, (typeof CONFIGS)[Config]][]) {
    const rs = runs[kind];
    const total = median(rs.map((r) => r.main.wall + r.post.wall));
    const ratio = total / floorWall;
    const rss = Math.max(median(rs.map((r) => r.main.rss)), median(rs.map((r) => r.post.rss)));
    console.log(
      `| ${c.label} | ${rs.length} | ${fmt(median(rs.map((r) => r.main.wall)))} | ${fmt(median(rs.map((r) => r.post.wall)))} | ${fmt(total)} | ${fmt(ratio, 2)} | ${c.goal ? `≤ ${c.goal}` : '-'} | ${fmt(median(rs.map((r) => r.main.cpu)))} | ${fmt(median(rs.map((r) => r.post.cpu)))} | ${fmt(median(rs.map((r) => r.main.rss)))} | ${fmt(median(rs.map((r) => r.post.rss)))} | ${c.rssMb ? `≤ ${c.rssMb}` : '-'} |`,
    );
    if (c.goal === undefined || c.rssMb === undefined) continue;
    verdicts.push(
      `  ${kind.padEnd(5)} ${fmt(ratio, 2)}× floor (goal ≤ ${c.goal}×) ${ratio <= c.goal ? 'met' : 'NOT met'}; peak RSS ${fmt(rss)} MB (goal ≤ ${c.rssMb}) ${rss <= c.rssMb ? 'met' : 'NOT met'}`,
    );
  }
  console.log(`\ngoals (median total wall ÷ median floor of this run, ${fmt(floorWall)} ms):`);
  for (const v of verdicts) console.log(v);

  console.log('\nmain step by phase (median ms; marks from ASTL_BENCH_PHASES):');
  console.log(`| config | ${MAIN_PHASES.map(([name]) => name).join(' | ')} | spawn + exit | wall |`);
  console.log(`|---|${MAIN_PHASES.map(() => '---|').join('')}---|---|`);
  for (const [kind, c] of Object.entries(CONFIGS) as [Config, (typeof CONFIGS)[Config]][]) {
    const rs = runs[kind].filter((r) => r.marks.done !== undefined);
    const cells = MAIN_PHASES.map(([, from, to]) =>
      fmt(median(rs.map((r) => r.marks[to]! - r.marks[from]!)), 1),
    );
    const rest = fmt(median(rs.map((r) => r.marks.wall! - r.marks.done!)), 1);
    console.log(
      `| ${c.label} | ${cells.join(' | ')} | ${rest} | ${fmt(median(rs.map((r) => r.marks.wall!)))} |`,
    );
  }
  console.log(
    [
      "  process start: Node's own bootstrap (from its clock's origin); module load: evaluating the bundle;",
      '  validation: inputs, registry file, schemas, policy check; token: the first OIDC token request;',
      '  provider calls: STS / Vault / GitHub requests and exports; summary: outputs, job summary, audit;',
      "  spawn + exit: the rest of the wall time (fork/exec before Node's clock starts, exit). Main step only.",
    ].join('\n'),
  );
  if (failures.length > 0) {
    console.log(`\n${failures.length} failed runs (left out):`);
    for (const f of failures) console.log(`  FAIL ${f}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
