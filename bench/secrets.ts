/**
 * Secret detection benchmark: our detector against secretlint (preset-recommend) on a generated
 * tree of 10,000 files / ~50 MB of realistic text (TypeScript, workflows, Kubernetes YAML,
 * package.json/lockfiles, docs, .env examples, minified bundles) with secrets planted at known
 * lines. Prints wall time, MB/s, and recall on the planted secrets for both.
 *
 *   npx tsx bench/secrets.ts [--files 10000] [--mb 50] [--skip-secretlint] [--secretlint-every N]
 *
 * secretlint needs over 25 minutes for the full tree on a busy 2-core machine, so by default it
 * runs on every 10th file (1,000 files, ~5 MB; rates compared per MB, recall on the planted
 * secrets inside that sample); `--secretlint-every 1` runs it on the whole tree.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectSecrets } from '../packages/scanner/secrets/index.js';

// ---------------------------------------------------------------------------------------------
// Deterministic random text

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20261125);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${B62}+/`;
const chars = (alphabet: string, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
  return s;
};
const WORDS = [
  'agent',
  'policy',
  'deploy',
  'build',
  'cache',
  'request',
  'response',
  'config',
  'session',
  'token',
  'user',
  'account',
  'secret',
  'password',
  'service',
  'client',
  'handler',
  'queue',
  'worker',
  'retry',
  'timeout',
  'region',
  'bucket',
  'role',
  'audit',
  'scope',
  'value',
  'result',
  'error',
  'item',
];
const ident = (): string => {
  const a = pick(WORDS);
  const b = pick(WORDS);
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}`;
};
const upperIdent = (): string => `${pick(WORDS)}_${pick(WORDS)}`.toUpperCase();
const uuid = (): string =>
  `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)}`;
const sentence = (): string =>
  Array.from({ length: 6 + int(10) }, () => pick(WORDS))
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase());

// Lines that look like real repositories, including the usual bait for false positives.
const TS_LINES: (() => string)[] = [
  () => `import { ${ident()} } from './${pick(WORDS)}.js';`,
  () => `export function ${ident()}(${pick(WORDS)}: string, ${pick(WORDS)}?: number): boolean {`,
  () =>
    `  const ${ident()} = await ${ident()}(${pick(WORDS)}, { retries: ${int(9)}, timeoutMs: ${int(90_000)} });`,
  () => `  if (!${ident()}) throw new Error('${sentence()}');`,
  () => `  // ${sentence()}`,
  () => '  return result;',
  () => '}',
  () => `const token = core.getInput('${pick(WORDS)}-token', { required: true });`,
  () => `const apiKey = process.env.${upperIdent()}_KEY ?? '';`,
  () => `  password: config.${ident()}.password,`,
  () => `const ${ident()}Hash = '${chars(HEX, 64)}';`,
  () => `const requestId = '${uuid()}';`,
  () => `  color: '#${chars(HEX, 6)}', margin: ${int(40)},`,
  () => `const secretName = '${pick(WORDS)}-${pick(WORDS)}-credentials';`,
  () => `  logger.info(\`${sentence()} \${${ident()}}\`);`,
  () => `export const ${upperIdent()} = ${int(100_000)};`,
  () => `const icon = 'data:image/png;base64,${chars(B64, 80)}';`,
  () => `  expect(${ident()}).toBe(${int(1000)});`,
];
const YAML_LINES: (() => string)[] = [
  () => `  ${pick(WORDS)}: ${pick(WORDS)}-${int(100)}`,
  () => `      - name: ${sentence()}`,
  () => '        uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
  () => `          token: \${{ secrets.${upperIdent()} }}`,
  () => `          password: \${{ secrets.${upperIdent()}_PASSWORD }}`,
  () => `        run: npm ci && npm run ${pick(WORDS)}`,
  () => `            secretKeyRef: { name: ${pick(WORDS)}-secret, key: password }`,
  () => `    image: ghcr.io/org/${pick(WORDS)}@sha256:${chars(HEX, 64)}`,
  () => `  # ${sentence()}`,
  () => `    role-to-assume: arn:aws:iam::${int(9e11) + 1e11}:role/${pick(WORDS)}-deploy`,
];
const JSON_LINES: (() => string)[] = [
  () => `    "${pick(WORDS)}": "${pick(WORDS)}-${int(100)}",`,
  () =>
    `      "integrity": "sha512-${chars(B64, 86)}==",\n      "resolved": "https://registry.npmjs.org/${pick(WORDS)}/-/${pick(WORDS)}-1.${int(20)}.${int(9)}.tgz",`,
  () => `    "${ident()}": ${int(10_000)},`,
  () => `    "description": "${sentence()}",`,
  () => `    "id": "${uuid()}",`,
];
const MD_LINES: (() => string)[] = [
  () => sentence(),
  () => `## ${sentence()}`,
  () => '```yaml',
  () => '```',
  () => `- \`${ident()}\`: ${sentence()}`,
  () => 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  () => `export GITHUB_TOKEN=<your-token>`,
  () => `password: changeme`,
];
const ENV_LINES: (() => string)[] = [
  () => `${upperIdent()}=${pick(WORDS)}`,
  () => `${upperIdent()}_URL=https://${pick(WORDS)}.example.com/${pick(WORDS)}`,
  () => `${upperIdent()}_TOKEN=\${${upperIdent()}_TOKEN}`,
  () => `# ${sentence()}`,
];

// ---------------------------------------------------------------------------------------------
// Planted secrets (realistic formats, random values)

interface Plant {
  kind: string;
  /** secretlint's preset-recommend has a rule for this format. */
  secretlintCovers: boolean;
  line: () => string;
}

const PEM_BODY = (): string =>
  Array.from({ length: 12 }, (_, i) => (i === 0 ? `MIIEow${chars(B64, 58)}` : chars(B64, 64))).join('\n');
const PLANTS: Plant[] = [
  { kind: 'github-classic', secretlintCovers: true, line: () => `GITHUB_TOKEN=ghp_${chars(B62, 36)}` },
  {
    kind: 'github-fine-grained',
    secretlintCovers: true,
    line: () => `  token: "github_pat_11${chars(B62, 20)}_${chars(B62, 59)}"`,
  },
  { kind: 'gitlab', secretlintCovers: true, line: () => `const gitlabToken = "glpat-${chars(B62, 20)}";` },
  {
    kind: 'slack-token',
    secretlintCovers: true,
    line: () => `SLACK_BOT_TOKEN=xoxb-${int(9e10) + 1e10}-${int(9e11) + 1e11}-${chars(B62, 24)}`,
  },
  {
    kind: 'slack-webhook',
    secretlintCovers: true,
    line: () =>
      `  webhook: https://hooks.slack.com/services/T${chars(B62, 8)}/B${chars(B62, 10)}/${chars(B62, 24)}`,
  },
  {
    kind: 'aws-secret-key',
    secretlintCovers: true,
    line: () => `aws_secret_access_key = ${chars(B62, 30)}/${chars(B62, 9)}`,
  },
  {
    kind: 'aws-access-key-id',
    secretlintCovers: false,
    line: () => `aws_access_key_id = AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  },
  {
    kind: 'private-key',
    secretlintCovers: true,
    line: () => `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY()}\n-----END RSA PRIVATE KEY-----`,
  },
  {
    kind: 'npm',
    secretlintCovers: true,
    line: () => `//registry.npmjs.org/:_authToken=npm_${chars(B62, 36)}`,
  },
  {
    kind: 'postgres-url',
    secretlintCovers: true,
    line: () => `DATABASE_URL=postgres://app:${chars(B62, 14)}@db-${int(9)}.internal:5432/app`,
  },
  {
    kind: 'basic-auth-url',
    secretlintCovers: true,
    line: () => `const registry = "https://deploy:${chars(B62, 16)}@registry.corp.net/v2";`,
  },
  {
    kind: 'openai',
    secretlintCovers: true,
    line: () => `OPENAI_API_KEY=sk-proj-${chars(B62, 74)}T3BlbkFJ${chars(B62, 74)}`,
  },
  {
    kind: 'anthropic',
    secretlintCovers: true,
    line: () => `ANTHROPIC_API_KEY="sk-ant-api03-${chars(`${B62}_-`, 93)}AA"`,
  },
  {
    kind: 'sendgrid',
    secretlintCovers: true,
    line: () => `sendgrid_key: SG.${chars(B62, 22)}.${chars(B62, 43)}`,
  },
  {
    kind: 'vault-hvs-long',
    secretlintCovers: true,
    line: () => `VAULT_TOKEN=hvs.CAESI${chars(`${B62}_-`, 90)}`,
  },
  { kind: 'vault-hvs-short', secretlintCovers: false, line: () => `  vault_token: hvs.${chars(B62, 24)}` },
  { kind: 'stripe', secretlintCovers: false, line: () => `STRIPE_SECRET_KEY=sk_live_${chars(B62, 24)}` },
  { kind: 'generic-password', secretlintCovers: false, line: () => `  db_password: "${chars(B62, 18)}"` },
  {
    kind: 'jwt',
    secretlintCovers: false,
    line: () =>
      `Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${chars(B62, 60)}.${chars(`${B62}_-`, 86)}`,
  },
];

interface Planted {
  file: string;
  line: number;
  kind: string;
  secretlintCovers: boolean;
}

interface Tree {
  root: string;
  files: string[];
  bytes: number;
  planted: Planted[];
}

export function generateTree(fileCount: number, targetMb: number): Tree {
  const root = mkdtempSync(join(tmpdir(), 'astl-secrets-bench-'));
  const files: string[] = [];
  const planted: Planted[] = [];
  let bytes = 0;
  const kinds = [
    { ext: 'ts', dir: 'src', lines: TS_LINES, weight: 40 },
    { ext: 'yml', dir: '.github/workflows', lines: YAML_LINES, weight: 20 },
    { ext: 'json', dir: 'config', lines: JSON_LINES, weight: 15 },
    { ext: 'md', dir: 'docs', lines: MD_LINES, weight: 15 },
    { ext: 'env', dir: 'env', lines: ENV_LINES, weight: 10 },
  ];
  const minifiedCount = 20;
  const minifiedBytes = 300_000;
  const averageBytes = Math.max(
    500,
    (targetMb * 1e6 - minifiedCount * minifiedBytes) / (fileCount - minifiedCount),
  );
  const plantEvery = Math.max(1, Math.floor(fileCount / 400));
  for (let i = 0; i < fileCount; i++) {
    const dir = `pkg${i % 50}`;
    let kind = kinds[0];
    let roll = int(100);
    for (const k of kinds) {
      if (roll < k.weight) {
        kind = k;
        break;
      }
      roll -= k.weight;
    }
    if (!kind) throw new Error('unreachable');
    const isMinified = i < minifiedCount;
    const rel = isMinified
      ? `${dir}/dist/bundle${i}.min.js`
      : `${dir}/${kind.dir}/${pick(WORDS)}-${i}.${kind.ext}`;
    const lines: string[] = [];
    let size = 0;
    if (isMinified) {
      let line = '';
      while (line.length < minifiedBytes)
        line += `var ${ident()}=function(e,t){return e.${pick(WORDS)}(t,"${pick(WORDS)}")||${int(999)}},${ident()}="${chars(B62, 12)}";`;
      lines.push(line);
      size = line.length;
    } else {
      const target = averageBytes * (0.3 + rand() * 1.4);
      while (size < target) {
        const l = pick(kind.lines)();
        lines.push(l);
        size += l.length + 1;
      }
    }
    if (i % plantEvery === 0) {
      const plant = PLANTS[(i / plantEvery) % PLANTS.length] as Plant;
      const at = isMinified ? 0 : int(lines.length + 1);
      const text = plant.line();
      if (isMinified) lines[0] = `${lines[0]}\n${text}`;
      else lines.splice(at, 0, text);
      let lineNo = isMinified ? 2 : 1;
      if (!isMinified) for (const l of lines.slice(0, at)) lineNo += 1 + (l.split('\n').length - 1);
      planted.push({ file: rel, line: lineNo, kind: plant.kind, secretlintCovers: plant.secretlintCovers });
    }
    const content = `${lines.join('\n')}\n`;
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
    files.push(rel);
    bytes += Buffer.byteLength(content);
  }
  return { root, files, bytes, planted };
}

// ---------------------------------------------------------------------------------------------
// Scanners

interface Outcome {
  seconds: number;
  /** Process CPU time (user + system): steadier than wall time on a loaded machine. */
  cpuSeconds: number;
  /** Files and megabytes actually scanned (secretlint may run on a sample). */
  files: number;
  mb: number;
  /** `file:line` of every reported finding. */
  found: Set<string>;
  findings: number;
}

export function runOurs(tree: Tree): Outcome {
  const found = new Set<string>();
  let findings = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const rel of tree.files) {
    const text = readFileSync(join(tree.root, rel), 'utf8');
    for (const f of detectSecrets(text, rel)) {
      found.add(`${rel}:${f.line}`);
      findings++;
    }
  }
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    files: tree.files.length,
    mb: tree.bytes / 1e6,
    found,
    findings,
  };
}

interface SecretlintMessage {
  loc?: { start?: { line?: number } };
}
interface SecretlintResult {
  filePath: string;
  messages: SecretlintMessage[];
}

async function runSecretlint(tree: Tree, sampleEvery: number): Promise<Outcome | string> {
  let createEngine: typeof import('@secretlint/node').createEngine;
  try {
    ({ createEngine } = await import('@secretlint/node'));
  } catch (err) {
    return `secretlint not available: ${(err as Error).message}`;
  }
  const files = tree.files.filter((_, i) => i % sampleEvery === 0);
  const mb = files.reduce((n, f) => n + statSync(join(tree.root, f)).size, 0) / 1e6;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const engine = await createEngine({
    cwd: process.cwd(),
    formatter: 'json',
    color: false,
    maskSecrets: true,
    configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
  });
  const { output } = await engine.executeOnFiles({ filePathList: files.map((f) => join(tree.root, f)) });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const results = JSON.parse(output) as SecretlintResult[];
  const found = new Set<string>();
  let findings = 0;
  for (const r of results) {
    const rel = relative(tree.root, r.filePath);
    for (const m of r.messages) {
      found.add(`${rel}:${m.loc?.start?.line ?? 0}`);
      findings++;
    }
  }
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, files: files.length, mb, found, findings };
}

/** Our outcome restricted to secretlint's sample (findings only; timings are for the full tree). */
function sampleOf(o: Outcome, tree: Tree, every: number): Outcome {
  const files = new Set(tree.files.filter((_, i) => i % every === 0));
  const found = new Set([...o.found].filter((k) => files.has(k.slice(0, k.lastIndexOf(':')))));
  return { ...o, found, findings: found.size };
}

function recall(planted: Planted[], found: Set<string>): string {
  const hit = planted.filter((p) => found.has(`${p.file}:${p.line}`)).length;
  return `${hit}/${planted.length} (${((100 * hit) / Math.max(1, planted.length)).toFixed(1)}%)`;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) ? v : fallback;
}

export async function main(): Promise<void> {
  const fileCount = arg('files', 10_000);
  const targetMb = arg('mb', 50);
  const generateStart = performance.now();
  const tree = generateTree(fileCount, targetMb);
  const mb = tree.bytes / 1e6;
  console.log(
    `secrets bench: ${tree.files.length} files, ${mb.toFixed(1)} MB, ${tree.planted.length} planted secrets (${((performance.now() - generateStart) / 1000).toFixed(1)} s to generate)`,
  );
  try {
    const ours = runOurs(tree);
    const sampleEvery = Math.max(1, arg('secretlint-every', 10));
    const theirs = process.argv.includes('--skip-secretlint')
      ? 'skipped (--skip-secretlint)'
      : await runSecretlint(tree, sampleEvery);
    const inSample = (p: Planted): boolean =>
      typeof theirs !== 'string' && tree.files.indexOf(p.file) % sampleEvery === 0;
    const row = (name: string, o: Outcome, planted: Planted[]): string[] => {
      const covered = planted.filter((p) => p.secretlintCovers);
      return [
        name,
        `${o.files} / ${o.mb.toFixed(1)}`,
        o.seconds.toFixed(2),
        o.cpuSeconds.toFixed(2),
        (o.mb / o.seconds).toFixed(1),
        String(o.findings),
        recall(planted, o.found),
        recall(covered, o.found),
      ];
    };
    const rows: string[][] = [
      [
        'scanner',
        'files / MB',
        'wall s',
        'cpu s',
        'MB/s',
        'findings',
        'recall (all planted)',
        'recall (formats both cover)',
      ],
      row('astl detectSecrets', ours, tree.planted),
    ];
    if (typeof theirs === 'string') rows.push(['secretlint preset-recommend', theirs]);
    else {
      rows.push(row('secretlint preset-recommend', theirs, tree.planted.filter(inSample)));
      if (sampleEvery > 1) {
        const sampled = row(
          'astl, same sample',
          sampleOf(ours, tree, sampleEvery),
          tree.planted.filter(inSample),
        );
        rows.push(sampled.map((cell, c) => (c >= 1 && c <= 4 ? '-' : cell)));
      }
    }
    const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
    if (typeof theirs !== 'string') {
      const ourRate = ours.mb / ours.seconds;
      const theirRate = theirs.mb / theirs.seconds;
      console.log(
        `speed-up (MB/s, wall): ${(ourRate / theirRate).toFixed(1)}x; (MB per cpu s): ${(ours.mb / ours.cpuSeconds / (theirs.mb / theirs.cpuSeconds)).toFixed(1)}x${sampleEvery > 1 ? ` (secretlint on every ${sampleEvery}th file)` : ''}`,
      );
    }
    const missed = tree.planted.filter((p) => !ours.found.has(`${p.file}:${p.line}`));
    if (missed.length > 0)
      console.log(`ours missed: ${missed.map((p) => `${p.kind}@${p.file}:${p.line}`).join(', ')}`);
    const plantedKeys = new Set(tree.planted.map((p) => `${p.file}:${p.line}`));
    const unplanted = [...ours.found].filter((k) => !plantedKeys.has(k));
    console.log(
      `ours: findings on lines without a planted secret: ${unplanted.length}${unplanted.length ? ` (${unplanted.slice(0, 5).join(', ')})` : ''}`,
    );
  } finally {
    rmSync(tree.root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
