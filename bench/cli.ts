/**
 * CLI cold start: wall time from spawn to exit of the committed bundle, as a user or a GitLab job
 * pays it. `astl --version` over 20 runs (target median ≤ 150 ms; verbs load lazily so the entry
 * parses only a few kB), `astl scan --help` (loads one verb's flags, not its engine), and
 * `astl scan` on a small repository (a registry, two policies, a workflow, an IAM document).
 * Node's own start (`node -e 0`) is shown for reference. Run: `npx tsx bench/cli.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
const cli = join(root, 'dist/cli/index.js');
const RUNS = 20;
const VERSION_TARGET_MS = 150;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall times of `runs` spawns (after one warm-up for the file cache). */
function time(args: string[], cwd: string, runs = RUNS, expectStatus = 0): number[] {
  spawnSync(process.execPath, args, { cwd });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== expectStatus) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return times;
}

function smallRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'astl-bench-cli-'));
  mkdirSync(join(dir, 'policies'));
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  mkdirSync(join(dir, 'iam'));
  writeFileSync(
    join(dir, 'agent-config.yaml'),
    `agents:\n${Array.from(
      { length: 20 },
      (_, i) =>
        `  - name: agent-${i}\n    type: coding-assistant\n    owner: team-${i % 4}\n    purpose: "Agent ${i}"\n    permissions:\n      - repository: read\n    credential-policy: ephemeral\n    max-ttl: 1h\n    audit-level: full\n`,
    ).join('')}`,
  );
  writeFileSync(
    join(dir, 'policies/coding.yaml'),
    'kind: AgentPolicy\nmetadata:\n  name: coding\nspec:\n  agentTypes: [coding-assistant]\n  credentialPolicy:\n    type: ephemeral\n    maxTtl: 8h\n',
  );
  writeFileSync(
    join(dir, 'policies/deploy.yaml'),
    'agent: deploy-bot\nactions:\n  - name: deploy\n    allowed_environments: [staging]\n    max_replicas: 5\n',
  );
  writeFileSync(
    join(dir, '.github/workflows/ci.yml'),
    'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n',
  );
  writeFileSync(
    join(dir, 'iam/role.json'),
    JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::bucket/*' }],
      },
      null,
      2,
    ),
  );
  return dir;
}

export async function main(): Promise<number> {
  const repo = smallRepo();
  try {
    const node = time(['-e', '0'], repo);
    const version = time([cli, '--version'], repo);
    const help = time([cli, 'scan', '--help'], repo);
    const scan = time([cli, 'scan'], repo, 10);
    const rows: [string, number, string][] = [
      ['node -e 0 (Node start, reference)', median(node), ''],
      [
        `astl --version (median of ${RUNS})`,
        median(version),
        median(version) <= VERSION_TARGET_MS
          ? `met (≤ ${VERSION_TARGET_MS} ms)`
          : `MISSED (> ${VERSION_TARGET_MS} ms)`,
      ],
      ['  astl overhead over Node start', median(version) - median(node), ''],
      [`astl scan --help (median of ${RUNS})`, median(help), ''],
      ['astl scan, 5-file repo (median of 10)', median(scan), ''],
    ];
    console.log(`1-minute load average ${loadavg()[0]!.toFixed(1)} (wall times grow with it)`);
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`${'measure'.padEnd(width)}  ${'ms'.padStart(7)}  target`);
    for (const [name, ms, note] of rows)
      console.log(`${name.padEnd(width)}  ${ms.toFixed(1).padStart(7)}  ${note}`);
    return median(version) <= VERSION_TARGET_MS ? 0 : 1;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
