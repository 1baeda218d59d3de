/**
 * Credentials action benchmark: bundle sizes, then ~20 runs of the committed main and post
 * bundles against the local sandbox (AWS + Vault + one KV read), measuring per step the wall time
 * (spawn to exit), the peak RSS (`/usr/bin/time -f %M`, else Node's own maxRSS), and the time
 * from spawn to the first OIDC token request as the token endpoint sees it.
 *
 * `npx tsx bench/credentials.ts [runs]`. Targets: bundles ≤ 2 MB, main ≤ 300 ms median,
 * post ≤ 150 ms median.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWorkspace, resetSandbox } from '../test/credentials/helpers.js';
import { startSandbox } from '../test/servers/sandbox.js';
import { repoRoot, runStep } from '../test/support/runner.js';

const MAIN = 'dist/credentials/main/index.js';
const POST = 'dist/credentials/post/index.js';
const TARGETS = { bundleBytes: 2 * 1024 * 1024, mainMs: 300, postMs: 150 };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function p90(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)]!;
}

/** A pass-through in front of the runner token endpoint that notes when each request arrives. */
async function timingProxy(target: string): Promise<{ url: string; arrivals: number[]; server: Server }> {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    void fetch(`${target}${req.url ?? ''}`, { headers: { authorization: req.headers.authorization ?? '' } })
      .then(async (r) => {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(await r.text());
      })
      .catch(() => {
        res.writeHead(502);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, arrivals, server };
}

export async function main(runs = Number(process.argv[2] ?? 20)): Promise<void> {
  for (const b of [MAIN, POST]) {
    if (!existsSync(join(repoRoot, b))) throw new Error(`${b} is missing: run npm run build -- credentials`);
  }
  const sizes = [MAIN, POST].map((b) => statSync(join(repoRoot, b)).size);
  // Lazily loaded chunks (the provider code) sit beside the entry.
  const totalOf = (bundle: string) => {
    const dir = join(repoRoot, bundle, '..');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  };
  const totals = [totalOf(MAIN), totalOf(POST)];
  // What a bare Node start costs on this machine right now: the floor under every step.
  const bare: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
  }

  const sb = await startSandbox();
  const tokenUrl = new URL(sb.env.ACTIONS_ID_TOKEN_REQUEST_URL);
  const proxy = await timingProxy(tokenUrl.origin);
  const ws = makeWorkspace(sb);
  const scratch = mkdtempSync(join(tmpdir(), 'astl-bench-cred-'));
  const rssFile = join(scratch, 'rss');
  // Peak RSS of the node process itself, through GNU time when it is there.
  const useTime = existsSync('/usr/bin/time');
  const wrapper = join(scratch, 'node-timed');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec /usr/bin/time -f "%M %U %S" -o "$ASTL_BENCH_RSS" "${process.execPath}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);

  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${proxy.url}${tokenUrl.pathname}${tokenUrl.search}`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    AWS_ENDPOINT_URL_STS: sb.env.AWS_ENDPOINT_URL_STS,
    ASTL_BENCH_RSS: rssFile,
    // The AWS SDK warns on Node < 22 on every start; not what is being measured.
    NODE_NO_WARNINGS: '1',
  };
  const inputs = {
    agent: 'both-bot',
    purpose: 'Benchmark',
    duration: '15m',
    'vault-secrets': 'secret/data/ci/deploy token | DEPLOY_TOKEN',
  };
  /** Peak RSS (MB) and CPU time (user + system, ms) of the step's node process. */
  const readUsage = (): { rss: number; cpu: number } => {
    if (!useTime || !existsSync(rssFile)) return { rss: Number.NaN, cpu: Number.NaN };
    const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').at(-1) ?? '')
      .split(' ')
      .map(Number);
    rmSync(rssFile, { force: true });
    return { rss: (kb ?? Number.NaN) / 1024, cpu: ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000 };
  };

  const m = { wall: [] as number[], rss: [] as number[], cpu: [] as number[], firstOidc: [] as number[] };
  const p = { wall: [] as number[], rss: [] as number[], cpu: [] as number[] };
  const node = useTime ? wrapper : process.execPath;
  try {
    for (let i = 0; i < runs + 1; i++) {
      resetSandbox(sb);
      proxy.arrivals.length = 0;
      const runnerTemp = mkdtempSync(join(tmpdir(), 'astl-bench-rt-'));
      const spawnedAt = performance.now();
      const main = await runStep(MAIN, { inputs, env, cwd: ws, runnerTemp, node });
      const mainUsage = readUsage();
      if (main.exitCode !== 0) throw new Error(`main failed:\n${main.stdout}\n${main.stderr}`);
      const post = await runStep(POST, { inputs, env, cwd: ws, runnerTemp, node, state: main.state });
      const postUsage = readUsage();
      if (post.exitCode !== 0) throw new Error(`post failed:\n${post.stdout}\n${post.stderr}`);
      rmSync(runnerTemp, { recursive: true, force: true });
      if (i === 0) continue; // warm-up: file cache, JIT of the test servers
      m.wall.push(main.wallMs);
      m.rss.push(mainUsage.rss);
      m.cpu.push(mainUsage.cpu);
      m.firstOidc.push((proxy.arrivals[0] ?? Number.NaN) - spawnedAt);
      p.wall.push(post.wallMs);
      p.rss.push(postUsage.rss);
      p.cpu.push(postUsage.cpu);
    }
  } finally {
    proxy.server.close();
    await sb.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  const ok = (pass: boolean) => (pass ? 'ok' : 'OVER');
  const rows: [string, string, string, string][] = [
    [
      'main bundle (entry / with chunks)',
      `${mb(sizes[0]!)} / ${mb(totals[0]!)} MB`,
      '≤ 2 MB',
      ok(sizes[0]! <= TARGETS.bundleBytes),
    ],
    [
      'post bundle (entry / with chunks)',
      `${mb(sizes[1]!)} / ${mb(totals[1]!)} MB`,
      '≤ 2 MB',
      ok(sizes[1]! <= TARGETS.bundleBytes),
    ],
    ['bare `node -e 0` (median, baseline)', `${median(bare).toFixed(0)} ms`, '', ''],
    [
      'main wall (median / p90)',
      `${median(m.wall).toFixed(0)} / ${p90(m.wall).toFixed(0)} ms`,
      `≤ ${TARGETS.mainMs} ms`,
      ok(median(m.wall) <= TARGETS.mainMs),
    ],
    [
      'post wall (median / p90)',
      `${median(p.wall).toFixed(0)} / ${p90(p.wall).toFixed(0)} ms`,
      `≤ ${TARGETS.postMs} ms`,
      ok(median(p.wall) <= TARGETS.postMs),
    ],
    ['main CPU user+sys (median)', `${median(m.cpu).toFixed(0)} ms`, '', ''],
    ['post CPU user+sys (median)', `${median(p.cpu).toFixed(0)} ms`, '', ''],
    ['spawn → first OIDC request (median)', `${median(m.firstOidc).toFixed(0)} ms`, '', ''],
    ['main peak RSS (median)', `${median(m.rss).toFixed(1)} MB`, '', ''],
    ['post peak RSS (median)', `${median(p.rss).toFixed(1)} MB`, '', ''],
  ];
  console.log(`credentials: ${runs} runs of main + post (AWS + Vault + 1 KV read) against the local sandbox`);
  const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(`${r[0].padEnd(w[0]!)}  ${r[1].padStart(w[1]!)}  ${r[2].padEnd(w[2]!)}  ${r[3]}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
