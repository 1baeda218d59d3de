/**
 * `astl scan` file selection and flags (issue 10 "CLI and speed", issue 9 kind 4): PATH arguments
 * taken literally, a missing PATH exits 3, --scope, --write-baseline, and oversized and binary
 * files (secrets still scanned / listed).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const j = (...parts: string[]): string => parts.join('');
const TOKEN = j('gh', 'p_', 'R8x2bV9qLm4Tz7Yc1Nf5Kd3Hs6Jw0Pa2Ue8G');
const TOKEN2 = j('gl', 'pat-', 'q7Hv2KdWm9XzR4cLpT8b');

function files(dir: string, entries: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(entries)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function json(stdout: string): {
  files: string[];
  findings: { file: string; line: number; ruleId: string }[];
  skipped: { file: string; reason: string }[];
} {
  return JSON.parse(stdout);
}

describe('astl scan PATH...', () => {
  it('takes named files literally: glob characters, brackets, parentheses and spaces', async () => {
    const dir = files(tempDir('astl-names-'), {
      'app/[id].ts': `const token = "${TOKEN}";\n`,
      'app/a*b.ts': `const token = "${TOKEN}";\n`,
      'app/x (1).yml': `token: ${TOKEN}\n`,
      'app/{a,b}.txt': `token: ${TOKEN}\n`,
      'app/id.ts': 'clean\n',
      'app/aXb.ts': `const token = "${TOKEN2}";\n`,
    });
    const names = ['app/[id].ts', 'app/a*b.ts', 'app/x (1).yml', 'app/{a,b}.txt'];
    const r = await runCli(['scan', ...names, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    // Exactly the named files: `[id]` is not the glob matching `id.ts`, `a*b` not `aXb.ts`.
    expect(out.files).toEqual([...names].sort());
    expect(new Set(out.findings.map((f) => f.file))).toEqual(new Set(names));
  });

  it('scans a named folder whole, and ./-prefixed and repeated names once', async () => {
    const dir = files(tempDir('astl-names-'), {
      'ops/a.txt': `token: ${TOKEN}\n`,
      'ops/deep/b.env': `TOKEN=${TOKEN2}\n`,
      'other/c.txt': `token: ${TOKEN}\n`,
    });
    const r = await runCli(['scan', 'ops', './ops/a.txt', 'ops/a.txt', '--format', 'json'], { cwd: dir });
    expect(json(r.stdout).files).toEqual(['ops/a.txt', 'ops/deep/b.env']);
  });

  it('exits 3 for a path that does not exist, naming it, before scanning', async () => {
    const dir = files(tempDir('astl-names-'), { 'a.txt': 'x\n' });
    for (const missing of ['nope.yaml', 'dir/missing.json', 'a.txt.bak']) {
      const r = await runCli(['scan', 'a.txt', missing], { cwd: dir });
      expect(r.code, missing).toBe(3);
      expect(r.stderr).toContain(`${missing} does not exist`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const outside = await runCli(['scan', '../x.yaml'], { cwd: dir });
    expect(outside.code).toBe(3);
    expect(outside.stderr).toContain('outside the folder being scanned');
  });

  it('still accepts a glob that is not a file name', async () => {
    const dir = files(tempDir('astl-names-'), { 'p/a.txt': `token: ${TOKEN}\n`, 'p/b.md': 'x\n' });
    const r = await runCli(['scan', 'p/*.txt', '--format', 'json'], { cwd: dir });
    expect(json(r.stdout).files).toEqual(['p/a.txt']);
  });
});

describe('astl scan --scope and --write-baseline', () => {
  function gitRepo(): string {
    const dir = tempDir('astl-scope-');
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      });
    git('init', '-q', '-b', 'main');
    files(dir, { 'conf/app.env': `TOKEN=${TOKEN}\n` });
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    files(dir, { 'conf/app.env': `TOKEN=${TOKEN}\nOTHER=${TOKEN2}\n` });
    git('commit', '-qam', 'change');
    return dir;
  }

  it('--scope all reports every finding of the scanned files even with --base; diff only changed lines', async () => {
    const dir = gitRepo();
    const diff = json(
      (await runCli(['scan', 'conf', '--base', 'HEAD~1', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(diff.findings.map((f) => f.line)).toEqual([2]);
    const all = json(
      (await runCli(['scan', 'conf', '--base', 'HEAD~1', '--scope', 'all', '--format', 'json'], { cwd: dir }))
        .stdout,
    );
    expect(all.findings.map((f) => f.line).sort()).toEqual([1, 2]);
    const explicit = json(
      (
        await runCli(['scan', 'conf', '--scope', 'diff', '--base', 'HEAD~1', '--format', 'json'], {
          cwd: dir,
        })
      ).stdout,
    );
    expect(explicit.findings.map((f) => f.line)).toEqual([2]);
  });

  it('--scope diff without --base or --staged, or an unknown scope, is a usage error (exit 3)', async () => {
    const dir = gitRepo();
    const noBase = await runCli(['scan', '--scope', 'diff'], { cwd: dir });
    expect(noBase.code).toBe(3);
    expect(noBase.stderr).toContain('--scope diff needs the changed lines');
    const bad = await runCli(['scan', '--scope', 'dif'], { cwd: dir });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("did you mean '--scope diff'");
  });

  it('--write-baseline writes every finding in the --baseline format; the next scan reports only new ones', async () => {
    const dir = gitRepo();
    const write = await runCli(['scan', 'conf', '--write-baseline', 'astl-baseline.json'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('wrote 2 fingerprints to astl-baseline.json');
    const baseline = JSON.parse(readFileSync(join(dir, 'astl-baseline.json'), 'utf8'));
    expect(baseline.version).toBe(1);
    expect(baseline.fingerprints).toHaveLength(2);
    expect(JSON.stringify(baseline)).not.toContain(TOKEN.slice(4));
    const again = await runCli(['scan', 'conf', '--baseline', 'astl-baseline.json'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('2 in baseline');
    files(dir, { 'conf/new.env': `TOKEN=${j('np', 'm_', 'qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakP')}\n` });
    const fresh = await runCli(['scan', 'conf', '--baseline', 'astl-baseline.json', '--format', 'json'], {
      cwd: dir,
    });
    expect(fresh.code).toBe(1);
    expect(json(fresh.stdout).findings.map((f) => f.file)).toEqual(['conf/new.env']);
  });
});

describe('files the other rules skip (issue 9 kind 4)', () => {
  it('a file over the size cap is still scanned for secrets, with file line numbers', async () => {
    const filler = `${'x = 1 # some filler text for a large generated file\n'.repeat(60_000)}`;
    const dir = files(tempDir('astl-big-'), {
      'big/data.txt': `${filler}token: ${TOKEN}\n${filler}AWS_SECRET_ACCESS_KEY=${j('q8Zr2vLw9XkP3mTb7Yn4', 'Kd1Hs6FaB2cD5eG8hJ1k')}\n`,
    });
    const r = await runCli(['scan', 'big', '--format', 'json'], { cwd: dir });
    const out = json(r.stdout);
    expect(r.code).toBe(1);
    expect(out.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['secret/github-token', 60_001],
      ['secret/aws-secret-access-key', 120_002],
    ]);
    expect(out.skipped).toEqual([
      {
        file: 'big/data.txt',
        reason: expect.stringContaining('only the secret rules ran on it'),
        tooLarge: expect.any(Number),
      },
    ]);
  });

  it('a binary file is listed with the reason in the text report, and a token pasted into it is still found', async () => {
    const dir = files(tempDir('astl-bin-'), {
      'assets/logo.png': Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
        Buffer.from(`token: ${TOKEN}`),
      ]),
      'a.txt': 'clean\n',
    });
    const r = await runCli(['scan', 'assets/logo.png', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('assets/logo.png:1:');
    expect(r.stdout).toContain('secret/github-token');
    expect(r.stdout).toContain(
      'skipped: assets/logo.png: binary file; only the secret token rules ran on it',
    );
    expect(r.stdout).toContain('1 file skipped');
  });
});

describe('astl scan --staged with many and unusual names', () => {
  it('reads every staged blob and its changed lines with three git processes, whatever the names', async () => {
    const dir = tempDir('astl-staged-');
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      });
    git('init', '-q', '-b', 'main');
    files(dir, { 'old name.env': 'A=1\n', 'keep.json': '{"a": 1}\n' });
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const names = ['conf/a b.env', 'conf/é.env', 'conf/q"uote.env', 'conf/tab\there.env', 'conf/[x].env'];
    const entries: Record<string, string> = {};
    for (const n of names) entries[n] = `# header\nTOKEN=${TOKEN}\n`;
    for (let i = 0; i < 300; i++) entries[`bulk/f${i}.env`] = `N=${i}\n`;
    files(dir, entries);
    git('mv', 'old name.env', 'new name.env');
    files(dir, { 'new name.env': `A=1\nKEY=${TOKEN2}\n` });
    git('add', '-A');
    // The working tree differs from the index: the index is what counts.
    files(dir, { 'conf/a b.env': 'clean\n' });
    const r = await runCli(['scan', '--staged', 'conf', 'new name.env', 'bulk', '--format', 'json'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.files).toHaveLength(names.length + 301);
    expect(out.findings.map((f) => [f.file, f.line]).sort()).toEqual(
      [...names.map((n) => [n, 2]), ['new name.env', 2]].sort(),
    );
  });

  it('a staged rename counts whole: a workflow moved into .github/workflows/ is judged in full', async () => {
    const dir = tempDir('astl-staged-mv-');
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      });
    git('init', '-q', '-b', 'main');
    files(dir, {
      'docs/example.yml': `on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: echo "\${{ github.event.issue.title }}"\n`,
      '.github/workflows/.keep': '',
    });
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('mv', 'docs/example.yml', '.github/workflows/example.yml');
    const r = await runCli(['scan', '--staged', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings.map((f) => [f.file, f.line])).toEqual([
      ['.github/workflows/example.yml', 8],
    ]);
  });

  it('a staged binary file counts whole: a token added to it is reported (review rB)', async () => {
    const dir = tempDir('astl-staged-bin-');
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      });
    const bin = (extra: string) =>
      Buffer.concat([Buffer.alloc(300, 0), Buffer.from(extra), Buffer.alloc(10, 0)]);
    git('init', '-q', '-b', 'main');
    files(dir, { 'blob.bin': bin('x') });
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    files(dir, { 'blob.bin': bin(` ${TOKEN} `) });
    git('add', '-A');
    const r = await runCli(['scan', '--staged', 'blob.bin', '--format', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['blob.bin', 'secret/github-token'],
    ]);
    expect(r.code).toBe(1);
  });
});
