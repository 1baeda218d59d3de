/**
 * Second attacker's review of issue 9 (helper v9): variants the earlier rounds did not try, run
 * through the real front ends (committed dist/ bundles read by the runner model, the CLI process)
 * and the one module of each kind. Every test here failed before its fix:
 * - kind 2: a dangling symbolic link carried a write (the CLI's audit log, a report) out of the
 *   workspace; a link at `.astl/scan.yaml` made the scanner read (and echo) a file outside; a
 *   named path through a folder that links to `.git` (`gitlink/config`) was scanned, its token in
 *   the snippet; the scan action wrote its SARIF report through a committed link.
 * - kind 1: an exception nobody caught was printed by Node itself, commands and all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectWorkspacePath, isPathProblem, writeWorkspaceFile } from '../../packages/core/index.js';
import { loadScanConfig } from '../../packages/scanner/index.js';
import { runCli } from '../cli/run-cli.js';
import { commandProblems, readAsRunner, repoRoot, runStep } from '../support/runner.js';

const CANARY = 'CANARY-v9-never-print-me';
const GIT_TOKEN = 'ghp_v9CANARYabcdefghijklmnopqrstuvwxyz01';

function dirs(): { ws: string; outside: string } {
  const ws = mkdtempSync(join(tmpdir(), 'astl-v9-ws-'));
  const outside = mkdtempSync(join(tmpdir(), 'astl-v9-outside-'));
  spawnSync('git', ['init', '-q', ws]);
  return { ws, outside };
}

describe('kind 2: a dangling symbolic link resolves where it points', () => {
  it('core: a link to a missing file outside is outside; a chain of dangling links too; a loop is refused', () => {
    const { ws, outside } = dirs();
    symlinkSync(join(outside, 'missing.jsonl'), join(ws, 'audit.jsonl'));
    symlinkSync('audit.jsonl', join(ws, 'chain.jsonl'));
    symlinkSync('../.git/hooks/post-checkout', join(ws, 'hook'));
    symlinkSync('loop-b', join(ws, 'loop-a'));
    symlinkSync('loop-a', join(ws, 'loop-b'));
    for (const [name, kind] of [
      ['audit.jsonl', 'outside'],
      ['chain.jsonl', 'outside'],
      ['loop-a', 'invalid'],
    ] as const) {
      const r = inspectWorkspacePath(name, { root: ws });
      expect(isPathProblem(r) && r.kind, name).toBe(kind);
    }
    mkdirSync(join(ws, 'sub'));
    symlinkSync('../.git/hooks/post-checkout', join(ws, 'sub', 'hook'));
    const hook = inspectWorkspacePath('sub/hook', { root: ws });
    expect(isPathProblem(hook) && hook.kind).toBe('git-dir');
    // A dangling link inside the workspace stays a fine place to write.
    symlinkSync('reports/new.sarif', join(ws, 'inside.sarif'));
    expect(isPathProblem(inspectWorkspacePath('inside.sarif', { root: ws }))).toBe(false);
  });

  it('core: writeWorkspaceFile never writes through a link out of the workspace, and replaces a link that appears', () => {
    const { ws, outside } = dirs();
    symlinkSync(join(outside, 'pwned'), join(ws, 'report.json'));
    expect(() => writeWorkspaceFile('report.json', 'x', { root: ws }, { what: '--output' })).toThrow(
      /"report.json" is outside the workspace/,
    );
    expect(() =>
      writeWorkspaceFile('report.json', 'x', { root: ws }, { what: '--output' }, { append: true }),
    ).toThrow(/outside the workspace/);
    expect(existsSync(join(outside, 'pwned'))).toBe(false);
    const ok = writeWorkspaceFile('out/a/b.json', '{}', { root: ws }, { what: '--output' });
    expect(readFileSync(ok.real, 'utf8')).toBe('{}');
    writeWorkspaceFile('out/a/b.json', 'more', { root: ws }, { what: '--audit' }, { append: true });
    expect(readFileSync(ok.real, 'utf8')).toBe('{}more');
  });

  it('CLI credentials: a committed dangling link at .astl/audit.jsonl is refused before any token; nothing is written outside', async () => {
    const { ws, outside } = dirs();
    mkdirSync(join(ws, '.astl'));
    symlinkSync(join(outside, 'pwned.jsonl'), join(ws, '.astl', 'audit.jsonl'));
    writeFileSync(
      join(ws, 'agent-config.yaml'),
      'agents:\n  - name: a\n    type: deployment-bot\n    owner: sre\n    purpose: p\n    permissions:\n      - deployments: write\n    credential-policy: ephemeral\n    max-ttl: 30m\n    audit-level: full\n    credentials:\n      vault:\n        url: https://127.0.0.1:1\n        role: r\n',
    );
    mkdirSync(join(ws, 'policies'));
    const r = await runCli(['credentials', '--agent', 'a', '--id-token-env', 'T'], {
      cwd: ws,
      env: { T: 'x.y.z' },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--audit.*outside the workspace/s);
    expect(existsSync(join(outside, 'pwned.jsonl'))).toBe(false);
  });

  it('CLI gate: a committed link where --junit/--dotenv/--record go is refused; nothing is written outside', async () => {
    const { ws, outside } = dirs();
    writeFileSync(
      join(ws, 'policy.yaml'),
      'agent: a\nactions:\n  - name: deploy\n    allowed_environments: ["dev"]\n',
    );
    for (const f of ['gate.xml', 'gate.env', 'decision.json']) symlinkSync(join(outside, f), join(ws, f));
    for (const [flag, file] of [
      ['--junit', 'gate.xml'],
      ['--dotenv', 'gate.env'],
      ['--record', 'decision.json'],
    ]) {
      const r = await runCli(
        ['gate', '--policy', 'policy.yaml', '--agent', 'a', '--environment', 'dev', flag!, file!],
        { cwd: ws },
      );
      expect(r.stderr, flag).toMatch(new RegExp(`${flag}.*outside the workspace`, 's'));
      expect(r.code, flag).not.toBe(0);
      expect(existsSync(join(outside, file!)), flag).toBe(false);
    }
  });

  it('CLI scan: --output through a link into .git/ is refused', async () => {
    const { ws } = dirs();
    symlinkSync('.git/hooks/pre-commit', join(ws, 'out.sarif'));
    const r = await runCli(['scan', '--format', 'sarif', '--output', 'out.sarif', '.'], { cwd: ws });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--output.*inside \.git/s);
    expect(existsSync(join(ws, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });
});

describe('kind 2: the scan configuration and named paths', () => {
  function leakyWorkspace(): { ws: string; outside: string } {
    const { ws, outside } = dirs();
    writeFileSync(join(outside, 'secret.txt'), `SECRET_LINE=${CANARY}\n`);
    writeFileSync(
      join(ws, '.git', 'config'),
      `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${GIT_TOKEN}\n[x]\n\ttoken = ${GIT_TOKEN}\n`,
    );
    return { ws, outside };
  }

  it('a link at .astl/scan.yaml to a file outside (or .git/config) is refused without its content: engine, CLI, action', async () => {
    for (const target of ['outside', 'git'] as const) {
      const { ws, outside } = leakyWorkspace();
      mkdirSync(join(ws, '.astl'));
      symlinkSync(
        target === 'outside' ? join(outside, 'secret.txt') : '../.git/config',
        join(ws, '.astl', 'scan.yaml'),
      );
      expect(() => loadScanConfig(ws)).toThrow(
        target === 'outside' ? /outside the workspace/ : /inside \.git/,
      );
      try {
        loadScanConfig(ws);
      } catch (err) {
        expect(String((err as Error).message)).not.toContain(CANARY);
      }
      const cli = await runCli(['scan', '--format', 'json', '.'], { cwd: ws });
      expect(cli.code, target).toBe(3);
      for (const t of [cli.stdout, cli.stderr]) {
        expect(t).not.toContain(CANARY);
        expect(t).not.toContain(GIT_TOKEN);
      }
      const step = await runStep('dist/scan/main/index.js', { cwd: ws, inputs: { 'fail-on': 'error' } });
      expect(step.exitCode, target).toBe(1);
      expect(step.log).toMatch(/scan config.*(outside the workspace|inside \.git)/);
      expect(step.log).not.toContain(CANARY);
      expect(step.log).not.toContain(GIT_TOKEN);
    }
  });

  it('a named path through a folder that links to .git/ or out of the workspace is skipped, never read', async () => {
    const { ws, outside } = leakyWorkspace();
    symlinkSync('.git', join(ws, 'gitlink'));
    symlinkSync(outside, join(ws, 'outlink'));
    mkdirSync(join(ws, 'a'));
    symlinkSync('../.git', join(ws, 'a', 'b'));
    for (const name of [
      'gitlink/config',
      'gitlink/hooks',
      'outlink/secret.txt',
      'a/b/config',
      './a/../gitlink/config',
    ]) {
      const r = await runCli(['scan', '--format', 'json', name], { cwd: ws });
      const report = JSON.parse(r.stdout) as { files: string[]; skipped: { file: string; reason: string }[] };
      expect(report.files, name).toEqual([]);
      expect(report.skipped.map((s) => s.reason).join(), name).toMatch(/symbolic link/);
      expect(r.stdout + r.stderr, name).not.toContain('extraheader');
      expect(r.stdout + r.stderr, name).not.toContain(CANARY);
    }
  });

  it('the scan action does not write its SARIF report through a committed link', async () => {
    const { ws, outside } = dirs();
    symlinkSync(join(outside, 'pwned.sarif'), join(ws, 'astl-scan.sarif'));
    const step = await runStep('dist/scan/main/index.js', { cwd: ws, inputs: { sarif: 'astl-scan.sarif' } });
    expect(step.exitCode).toBe(1);
    expect(step.log).toMatch(/input 'sarif'.*outside the workspace/);
    expect(existsSync(join(outside, 'pwned.sarif'))).toBe(false);
    symlinkSync('.git/hooks/post-checkout', join(ws, 'hook.sarif'));
    const git = await runStep('dist/scan/main/index.js', { cwd: ws, inputs: { sarif: 'hook.sarif' } });
    expect(git.exitCode).toBe(1);
    expect(existsSync(join(ws, '.git', 'hooks', 'post-checkout'))).toBe(false);
    const back = await runStep('dist/scan/main/index.js', {
      cwd: ws,
      inputs: { sarif: 'sub\\..\\..\\x.sarif' },
    });
    expect(back.exitCode).toBe(1);
  });
});

describe('kind 1: an exception nobody caught goes through the front end, not Node’s printer', () => {
  const HOSTILE =
    'provider said ##[stop-commands]v9tok\\n::add-mask::x\\r::set-env name=NODE_OPTIONS::--require=/tmp/x';
  const tsx = (code: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });

  for (const how of ['throw', 'reject', 'emit'] as const) {
    const fault = {
      throw: `setTimeout(() => { throw new Error(${JSON.stringify(HOSTILE)}) })`,
      reject: `Promise.reject(new Error(${JSON.stringify(HOSTILE)}))`,
      emit: `new (await import('node:events')).EventEmitter().emit('error', new Error(${JSON.stringify(HOSTILE)}))`,
    }[how];

    it(`actions (src/actions/runner.ts): ${how}`, () => {
      const r = tsx(`await import('./src/actions/runner.ts'); ${fault}`);
      expect(r.status).toBe(1);
      const log = readAsRunner(r.stdout, r.stderr);
      expect(commandProblems(log)).toEqual([]);
      expect(log.commands.filter((c) => c.command === 'error').length).toBe(1);
      expect(log.log).toContain('internal error');
    });

    it(`CLI (src/cli/io.ts): ${how}`, () => {
      const r = tsx(
        `const { processIo } = await import('./src/cli/io.ts'); processIo(process.env); ${fault}`,
      );
      expect(r.status).toBe(3);
      const log = readAsRunner(r.stdout, r.stderr);
      expect(commandProblems(log)).toEqual([]);
      expect(log.commands).toEqual([]);
      expect(log.log).toContain('internal error');
    });
  }
});

describe('kind 1: text a library prints with console.* (yaml prints every token when LOG_TOKENS is set)', () => {
  function hostileYaml(): string {
    const ws = mkdtempSync(join(tmpdir(), 'astl-v9-log-tokens-'));
    writeFileSync(
      join(ws, 'agent-config.yaml'),
      'agents:\n  - name: x\n    purpose: "hi ##[stop-commands]zz"\n    owner: "::add-mask::y"\n',
    );
    return ws;
  }

  it('the scan action: no command from a token the library printed', async () => {
    const step = await runStep('dist/scan/main/index.js', {
      cwd: hostileYaml(),
      inputs: { 'fail-on': 'never', sarif: '' },
      env: { LOG_TOKENS: '1' },
      checkCommands: false,
    });
    expect(commandProblems(step.runner)).toEqual([]);
    expect(step.runner.stopCommands).toEqual([]);
    expect(step.log).toContain('stop-commands]zz'); // printed, neutralised
  });

  it('the CLI: stdout stays the JSON report, stderr has no command', async () => {
    const r = await runCli(['scan', '--format', 'json', '.'], {
      cwd: hostileYaml(),
      env: { LOG_TOKENS: '1' },
    });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const log = readAsRunner(r.stdout, r.stderr);
    expect(commandProblems(log)).toEqual([]);
    expect(log.stopCommands).toEqual([]);
  });
});

describe('kind 3: names that change later programs, beyond the first list', () => {
  it.each([
    'OPENSSL_CONF',
    'openssl_engines',
    'LESSOPEN',
    'MANPAGER',
    'HOSTALIASES',
    'RES_OPTIONS',
    'CC',
    'LDFLAGS',
    'MAKEFLAGS',
    'CGO_LDFLAGS',
    'GOENV',
    'TF_CLI_ARGS_PLAN',
    'TF_CLI_CONFIG_FILE',
    'HELM_PLUGINS',
    'GRADLE_USER_HOME',
    'COREPACK_NPM_REGISTRY',
    'UV_INDEX_URL',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'FPATH',
    'LOCPATH',
  ])('refuses %s', async (name) => {
    const { envNameProblem } = await import('../../packages/core/env-names.js');
    expect(envNameProblem(name)?.message).toMatch(/reserved/);
  });

  it.each([
    'P\u0410TH',
    '\uff30\uff21\uff34\uff28',
    'BASH_FUNC_x%%',
    'A=B',
    'PATH\u200b',
    'PATH ',
    'LD_PRELOAD\n',
  ])('refuses the look-alike or malformed %j', async (name) => {
    const { envNameProblem } = await import('../../packages/core/env-names.js');
    expect(envNameProblem(name)).toBeDefined();
  });
});

describe('kind 1: the CLI on a colour terminal keeps its own colours, never a value’s escape sequences', () => {
  it('only SGR survives; OSC 52 (clipboard), window titles and cursor moves are shown as \\u001b', async () => {
    const { safeLine } = await import('../../packages/core/untrusted-text.js');
    const line = safeLine(
      '\x1b[1;31mred\x1b[0m \x1b]52;c;ZXZpbA==\x07 \x1b]0;title\x07 \x1b[2J \x1b[8m \x1bc',
      {
        ansi: true,
      },
    );
    expect(line.startsWith('\x1b[1;31mred\x1b[0m ')).toBe(true);
    expect(line.slice(16)).not.toMatch(/\x1b(?!\[8m)/);
    expect(line).toContain('\\u001b]52;c;');
  });
});
