/** `astl scan` through the real process: formats, exit codes, diff scope, --staged, baseline. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const CLEAN = `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Automated code review"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;
const LEAKY = `  - name: leaky-bot
    type: coding-assistant
    purpose: "Leaks"
    credential-policy: long-lived
    audit-level: minimal
`;

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

function repo(registry = CLEAN): string {
  const dir = tempDir('astl-scan-');
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'agent-config.yaml'), registry);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

describe('astl scan', () => {
  it('exits 0 on a clean tree and 1 with findings, as text', async () => {
    const clean = await runCli(['scan'], { cwd: repo() });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('1 file scanned (all lines): 0 errors, 0 warnings, 0 notes');
    const dirty = await runCli(['scan'], { cwd: repo(CLEAN + LEAKY) });
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/^agent-config\.yaml:9: error agent\/missing-owner: /m);
    expect(dirty.stdout).toMatch(/^agent-config\.yaml:13: warning agent\/audit-not-full: /m);
  });

  it('--fail-on decides the exit code', async () => {
    const onlyWarning = repo(CLEAN.replace('audit-level: full', 'audit-level: minimal'));
    expect((await runCli(['scan'], { cwd: onlyWarning })).code).toBe(0);
    expect((await runCli(['scan', '--fail-on', 'warning'], { cwd: onlyWarning })).code).toBe(1);
    expect((await runCli(['scan', '--fail-on', 'never'], { cwd: repo(CLEAN + LEAKY) })).code).toBe(0);
    const bad = await runCli(['scan', '--fail-on', 'warnings'], { cwd: onlyWarning });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("did you mean '--fail-on warning'");
  });

  it('writes json, sarif, codequality and github formats, and side reports in one run', async () => {
    const dir = repo(CLEAN + LEAKY);
    const json = await runCli(['scan', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).findings).toHaveLength(3);
    expect(json.stderr).toContain('astl scan: 1 file, 2 errors, 1 warning, 0 notes');
    const sarif = await runCli(
      ['scan', '--format', 'sarif', '--output', 'out/astl.sarif', '--codequality', 'cq.json'],
      {
        cwd: dir,
      },
    );
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(dir, 'out/astl.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(3);
    const cq = JSON.parse(readFileSync(join(dir, 'cq.json'), 'utf8'));
    expect(cq.map((i: { check_name: string }) => i.check_name)).toContain('agent/missing-owner');
    const gh = await runCli(['scan', '--format', 'github'], { cwd: dir });
    expect(gh.stdout).toMatch(/^::error file=agent-config\.yaml,line=9/m);
  });

  it('--base reports only lines changed since the base commit', async () => {
    const dir = repo(CLEAN.replace('audit-level: full', 'audit-level: minimal'));
    const base = git(dir, 'rev-parse', 'HEAD');
    writeFileSync(
      join(dir, 'agent-config.yaml'),
      CLEAN.replace('audit-level: full', 'audit-level: minimal') + LEAKY,
    );
    git(dir, 'commit', '-qam', 'add leaky-bot');
    const r = await runCli(['scan', '--base', base, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = JSON.parse(r.stdout).findings.map((f: { line: number }) => f.line);
    expect(lines.every((l: number) => l >= 9)).toBe(true);
  });

  it('--staged judges the index, not the working tree', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'agent-config.yaml'), CLEAN + LEAKY);
    // Not staged yet: nothing to judge.
    expect((await runCli(['scan', '--staged'], { cwd: dir })).code).toBe(0);
    git(dir, 'add', 'agent-config.yaml');
    // Staged, then "fixed" only in the working tree: the commit would still carry the problem.
    writeFileSync(join(dir, 'agent-config.yaml'), CLEAN);
    const staged = await runCli(['scan', '--staged'], { cwd: dir });
    expect(staged.code).toBe(1);
    expect(staged.stdout).toContain('agent-config.yaml:9: error agent/missing-owner');
    expect((await runCli(['scan'], { cwd: dir })).code).toBe(0);
  });

  it('--staged outside a repository is a config error without a stack', async () => {
    const r = await runCli(['scan', '--staged'], { cwd: tempDir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--staged needs a git repository');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts findings listed in a baseline, and scans folders named on the command line', async () => {
    const dir = repo(CLEAN + LEAKY);
    const json = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd: dir })).stdout);
    writeFileSync(
      join(dir, 'baseline.txt'),
      `${json.findings.map((f: { fingerprint: string }) => f.fingerprint).join('\n')}\n`,
    );
    const r = await runCli(['scan', '--baseline', 'baseline.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 in baseline');
    mkdirSync(join(dir, 'ops'));
    writeFileSync(
      join(dir, 'ops/iam.json'),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    );
    const folder = await runCli(['scan', 'ops', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(folder.stdout).files).toEqual(['ops/iam.json']);
    const missing = await runCli(['scan', '--baseline', 'nope.txt'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('baseline file nope.txt not found');
  });

  it("fails (exit 1, an error) when a bound agent's registry cannot be read, even if only the workflow is scanned", async () => {
    const dir = repo('agents:\n  - name: review-bot\n    owner: [\n');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/review.yml'),
      `on: push
permissions: {}
jobs:
  review:
    runs-on: ubuntu-latest
    permissions: { id-token: write }
    steps:
      - uses: astl/agent-credentials@0123456789abcdef0123456789abcdef01234567 # v1
        with:
          agent: review-bot
          purpose: review
      - uses: anthropics/claude-code-action@0123456789abcdef0123456789abcdef01234567 # v1
        with:
          prompt: review
`,
    );
    const r = await runCli(['scan', '.github/workflows/review.yml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /review\.yml:\d+: error agent\/unregistered: .*registry agent-config\.yaml is invalid/,
    );
    expect(r.stdout).toContain('the scan fails closed on a registry it cannot read');
    expect(r.stdout).toContain('1 file scanned (all lines): 1 error, 0 warnings, 0 notes');
  });
});
