/**
 * Issue 9, kind 2: reads outside the workspace. Every path the product reads because an input,
 * a flag, a registry or a policy names it resolves inside the workspace after symbolic links,
 * never inside .git/, and a refusal names the path but never shows the file. Proven on the core
 * module, then end to end through the committed bundles (credentials, gate, scan actions) and the
 * CLI process, with canary files outside the workspace and in .git/ that must never appear.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AstlError,
  inspectWorkspacePath,
  isPathProblem,
  readWorkspaceFile,
  resolveWorkspacePath,
  workspaceScope,
} from '../../packages/core/index.js';
import { loadRegistry, readPolicySet } from '../../packages/registry/index.js';
import { scan } from '../../packages/scanner/index.js';
import { runCli } from '../cli/run-cli.js';
import { main, makeWorkspace, NO_TRAFFIC, resetSandbox, tokenTraffic } from '../credentials/helpers.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { runStep, type StepResult } from '../support/runner.js';

/** Text that must never reach any output: it stands for a file's secret content. */
const CANARY = 'CANARY-7f3a9c-never-print-me';
const GIT_TOKEN = 'ghs_CANARYgitconfigTOKEN000000000000000';

/** A folder outside every workspace, holding files that look like what each reader expects. */
function outsideFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'astl-outside-'));
  writeFileSync(
    join(dir, 'agent-config.yaml'),
    `# ${CANARY}\nagents:\n  - name: ${CANARY.toLowerCase()}\n    type: x\n`,
  );
  writeFileSync(join(dir, 'policy.json'), JSON.stringify({ Statement: [{ Sid: CANARY, Effect: 'Allow' }] }));
  writeFileSync(join(dir, 'baseline.txt'), `${CANARY}\n`);
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies', 'p.yaml'), `kind: AgentPolicy # ${CANARY}\n`);
  return dir;
}

/** A .git/config holding a token, as actions/checkout leaves it. */
function addGitConfig(ws: string): void {
  mkdirSync(join(ws, '.git'), { recursive: true });
  writeFileSync(
    join(ws, '.git', 'config'),
    `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${GIT_TOKEN}\n# ${CANARY}\n`,
  );
  writeFileSync(join(ws, '.git', 'policy.json'), JSON.stringify({ Statement: [{ Sid: CANARY }] }));
}

function expectNoCanary(...texts: string[]): void {
  for (const t of texts) {
    expect(t).not.toContain(CANARY);
    expect(t).not.toContain(CANARY.toLowerCase());
    expect(t).not.toContain(GIT_TOKEN);
    expect(t).not.toMatch(/root:x:0:0/); // /etc/passwd's first line
    expect(t).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  }
}

function stepText(r: StepResult): string[] {
  return [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs)];
}

describe('core: resolveWorkspacePath', () => {
  let ws: string;
  let outside: string;
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'astl-ws-'));
    outside = outsideFiles();
    addGitConfig(ws);
    mkdirSync(join(ws, 'policies'));
    writeFileSync(join(ws, 'agent-config.yaml'), 'agents: []\n');
    symlinkSync(join(outside, 'policy.json'), join(ws, 'policies', 'out.json'));
    symlinkSync(outside, join(ws, 'out-dir'));
    symlinkSync(join(ws, '.git', 'config'), join(ws, 'policies', 'git.json'));
    symlinkSync(join(ws, 'agent-config.yaml'), join(ws, 'policies', 'in.yaml'));
    symlinkSync(join(ws, 'loop-a'), join(ws, 'loop-b'));
    symlinkSync(join(ws, 'loop-b'), join(ws, 'loop-a'));
  });
  const scope = () => ({ root: ws });

  it.each([
    ['agent-config.yaml'],
    ['./policies/../agent-config.yaml'],
    ['policies/in.yaml'], // a link that stays inside
    ['not-yet/created.json'], // need not exist
    ['.'], // the workspace itself (policies: .)
    ['.github/workflows/x.yml'],
    ['gitignore/.gitkeep'], // `.git` only as a whole segment
  ])('accepts %s', (path) => {
    const r = inspectWorkspacePath(path, scope());
    expect(isPathProblem(r), JSON.stringify(r)).toBe(false);
  });

  it.each([
    ['/etc/passwd', 'outside'],
    ['../outside.yaml', 'outside'],
    ['policies/../../x', 'outside'],
    ['policies/out.json', 'outside'], // link to a file outside
    ['out-dir/policy.json', 'outside'], // through a linked folder
    ['out-dir/new-file.json', 'outside'], // a file not there yet, under a link out
    ['.git/config', 'git-dir'],
    ['.GIT/config', 'git-dir'],
    ['sub/.Git/hooks/pre-commit', 'git-dir'],
    ['./.git/../.git/config', 'git-dir'],
    ['policies/git.json', 'git-dir'], // link into .git
    ['loop-a', 'invalid'],
    ['agent\u0000config.yaml', 'invalid'], // NUL: a TypeError crash in Node's fs
    ['agent-config.yaml\nx', 'invalid'],
    ['', 'invalid'],
  ])('refuses %j (%s)', (path, kind) => {
    const r = inspectWorkspacePath(path, scope());
    expect(isPathProblem(r) && r.kind).toBe(kind);
  });

  it('the workspace is GITHUB_WORKSPACE, else CI_PROJECT_DIR, else the working directory', () => {
    const other = mkdtempSync(join(tmpdir(), 'astl-other-'));
    expect(workspaceScope({ GITHUB_WORKSPACE: ws, CI_PROJECT_DIR: other }, other).root).toBe(ws);
    expect(workspaceScope({ CI_PROJECT_DIR: ws }, other)).toEqual({ root: ws, base: other });
    expect(workspaceScope({}, other).root).toBe(other);
    // A variable naming no folder (gitlab-ci-local's /builds/...) cannot hold a file: the cwd is used.
    expect(workspaceScope({ CI_PROJECT_DIR: '/builds/acme/app' }, other).root).toBe(other);
  });

  it('names the setting and the path, never the content', () => {
    const err = (() => {
      try {
        readWorkspaceFile(join(outside, 'agent-config.yaml'), scope(), { what: "input 'config'" });
      } catch (e) {
        return e as AstlError;
      }
    })();
    expect(err).toBeInstanceOf(AstlError);
    expect(err!.format()).toMatch(/^input 'config': ".*agent-config\.yaml" is outside the workspace/);
    expectNoCanary(err!.format());
    // A registry line is named as file:line.
    const located = (() => {
      try {
        resolveWorkspacePath('.git/config', scope(), {
          what: 'session-policy',
          location: { file: 'agent-config.yaml', line: 12 },
        });
      } catch (e) {
        return e as AstlError;
      }
    })();
    expect(located!.format()).toMatch(
      /^agent-config\.yaml:12: session-policy "\.git\/config" is inside \.git\//,
    );
  });

  it('readWorkspaceFile reads inside, keeps fs errors for callers, and refuses the rest', () => {
    expect(readWorkspaceFile('policies/in.yaml', scope(), { what: 'x' }).toString()).toBe('agents: []\n');
    expect(() => readWorkspaceFile('missing.yaml', scope(), { what: 'x' })).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(() => readWorkspaceFile('policies', scope(), { what: 'x' })).toThrow(
      expect.objectContaining({ code: 'EISDIR' }),
    );
    for (const bad of ['policies/out.json', 'policies/git.json', '.git/config', '/etc/passwd']) {
      expect(() => readWorkspaceFile(bad, scope(), { what: 'x' })).toThrow(AstlError);
    }
  });

  it('readWorkspaceFile refuses a FIFO at once instead of waiting for a writer', () => {
    execFileSync('mkfifo', [join(ws, 'pipe.yaml')]);
    expect(() => readWorkspaceFile('pipe.yaml', scope(), { what: '--config' })).toThrow(
      /pipe\.yaml is not a regular file/,
    );
  });

  it('a file that is one YAML string (a .env named by mistake) is refused without its text', () => {
    writeFileSync(join(ws, 'creds.env'), "export VAULT_TOKEN='hvs.CAESIJsecretsecretsecret'\n");
    const opts = { workspace: scope(), use: { what: '--config' } };
    expect(() => loadRegistry(join(ws, 'creds.env'), opts)).toThrow(
      /the document must be an object, got a string \(/,
    );
    try {
      loadRegistry(join(ws, 'creds.env'), opts);
    } catch (err) {
      expect(String((err as Error).message)).not.toMatch(/hvs|VAULT_TOKEN/);
    }
  });

  it('the registry and policy loaders refuse through it', () => {
    const opts = { workspace: scope(), use: { what: '--config' } };
    expect(() => loadRegistry(join(outside, 'agent-config.yaml'), opts)).toThrow(/outside the workspace/);
    expect(() => loadRegistry(join(ws, '.git', 'config'), opts)).toThrow(/inside \.git/);
    // A policy folder that is the whole workspace may hold a link into .git: an error, not a read.
    writeFileSync(join(ws, '.git', 'x.yaml'), `kind: AgentPolicy # ${CANARY}\n`);
    const dir = mkdtempSync(join(ws, 'pol-'));
    symlinkSync(join(ws, '.git', 'x.yaml'), join(dir, 'evil.yaml'));
    let message = '';
    try {
      readPolicySet(ws, { workspace: scope(), use: { what: '--policy' } });
    } catch (e) {
      message = (e as AstlError).format();
    }
    expect(message).toMatch(/inside \.git/);
    expectNoCanary(message);
    expect(() => readPolicySet(join(outside, 'policies'), { workspace: scope() })).toThrow(
      /outside the workspace/,
    );
  });
});

describe('credentials action end to end', () => {
  let sb: Sandbox;
  let outside: string;
  beforeAll(async () => {
    sb = await startSandbox();
    outside = outsideFiles();
  });
  afterAll(async () => {
    await sb?.close();
  });
  beforeEach(() => resetSandbox(sb));

  function workspace(): string {
    const ws = makeWorkspace(sb);
    addGitConfig(ws);
    symlinkSync(join(outside, 'agent-config.yaml'), join(ws, 'linked-config.yaml'));
    symlinkSync(join(outside, 'policies'), join(ws, 'linked-policies'));
    return ws;
  }

  it.each([
    ['config', '/etc/passwd', /input 'config': "\/etc\/passwd" is outside the workspace/],
    ['config', 'OUTSIDE/agent-config.yaml', /input 'config': .* is outside the workspace/],
    ['config', '../../../../../../etc/passwd', /input 'config': .* is outside the workspace/],
    [
      'config',
      'linked-config.yaml',
      /input 'config': "linked-config\.yaml" is outside the workspace .* \(it resolves to/,
    ],
    ['config', '.git/config', /input 'config': "\.git\/config" is inside \.git\//],
    ['policies', '/etc', /input 'policies': "\/etc" is outside the workspace/],
    ['policies', 'linked-policies', /input 'policies': .* is outside the workspace/],
    ['policies', '.git', /input 'policies': "\.git" is inside \.git\//],
  ])('input %s: %s is refused before any token, showing no content', async (input, value, message) => {
    const ws = workspace();
    const r = await main(sb, ws, {
      agent: 'deploy-bot',
      purpose: 'Deploy',
      [input]: value.replace('OUTSIDE', outside),
    });
    expect(r.exitCode).toBe(1);
    const errors = r.commands.filter((c) => c.command === 'error').map((c) => c.message);
    expect(errors.join('\n')).toMatch(message);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
    expectNoCanary(...stepText(r));
  });

  it.each([
    ['an absolute path', 'OUTSIDE/policy.json', /is outside the workspace/],
    ['a ../ path', '../x/policy.json', /is outside the workspace/],
    ['a symbolic link out', 'policies/iam/out.json', /is outside the workspace .* \(it resolves to/],
    ['.git/config', '.git/config', /is inside \.git\//],
    ['a link into .git', 'policies/iam/git.json', /is inside \.git\//],
  ])('registry session-policy: %s is refused at its line before any token', async (_name, path, message) => {
    const ws = workspace();
    symlinkSync(join(outside, 'policy.json'), join(ws, 'policies', 'iam', 'out.json'));
    symlinkSync(join(ws, '.git', 'policy.json'), join(ws, 'policies', 'iam', 'git.json'));
    const registry = readFileSync(join(ws, 'agent-config.yaml'), 'utf8').replace(
      'session-policy: policies/iam/scoped-bot.json',
      `session-policy: ${path.replace('OUTSIDE', outside)}`,
    );
    writeFileSync(join(ws, 'agent-config.yaml'), registry);
    const line = registry.split('\n').findIndex((l) => l.includes('session-policy:')) + 1;
    const r = await main(sb, ws, { agent: 'scoped-bot', purpose: 'Deploy', duration: '15m' });
    expect(r.exitCode).toBe(1);
    const errors = r.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.message)
      .join('\n');
    expect(errors).toContain(`agent-config.yaml:${line}`);
    expect(errors).toMatch(message);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
    expectNoCanary(...stepText(r));
  });
});

describe('scanner: a session-policy that leads out is a finding, never a snippet', () => {
  let ws: string;
  let outside: string;
  const registry = (path: string) =>
    `agents:\n  - name: deploy-bot\n    type: deployer\n    owner: sre\n    purpose: deploys\n    permissions:\n      - deployments: write\n    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/deploy\n        region: us-east-1\n        session-policy: ${path}\n`;

  beforeAll(() => {
    outside = outsideFiles();
    ws = mkdtempSync(join(tmpdir(), 'astl-scan-ws-'));
    addGitConfig(ws);
    mkdirSync(join(ws, 'policies', 'iam'), { recursive: true });
    symlinkSync(join(outside, 'policy.json'), join(ws, 'policies', 'iam', 'scope.json'));
    symlinkSync(join(ws, '.git', 'config'), join(ws, 'policies', 'iam', 'git.json'));
  });

  it.each([
    ['a symbolic link out of the repository', 'policies/iam/scope.json', 'leads outside the repository'],
    ['.git/config', '.git/config', 'is inside .git/'],
    ['a link into .git', 'policies/iam/git.json', 'is inside .git/'],
    ['an absolute path', 'OUTSIDE/policy.json', 'leads outside the repository'],
    ['a ../ path', '../../etc/passwd', 'leads outside the repository'],
  ])('%s (engine)', async (_n, path, why) => {
    writeFileSync(join(ws, 'agent-config.yaml'), registry(path.replace('OUTSIDE', outside)));
    const result = await scan({ root: ws, paths: ['agent-config.yaml', 'policies/**'] });
    const f = result.findings.find((x) => x.ruleId === 'agent/session-policy-outside');
    expect(f?.message).toContain(why);
    expect(f?.line).toBe(12);
    expect(result.findings.map((x) => x.ruleId)).not.toContain('agent/session-policy-missing');
    expectNoCanary(JSON.stringify(result));
  });

  it('through the CLI: SARIF and JSON carry the finding and none of the file', async () => {
    writeFileSync(join(ws, 'agent-config.yaml'), registry('policies/iam/scope.json'));
    for (const format of ['json', 'sarif', 'text', 'github', 'codequality']) {
      const r = await runCli(['scan', '--format', format, '--fail-on', 'never'], { cwd: ws });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('agent/session-policy-outside');
      expectNoCanary(r.stdout, r.stderr);
    }
    writeFileSync(join(ws, 'agent-config.yaml'), registry('.git/config'));
    const sarif = await runCli(['scan', '--format', 'sarif', '--fail-on', 'never'], { cwd: ws });
    expect(sarif.stdout).toContain('agent/session-policy-outside');
    expectNoCanary(sarif.stdout, sarif.stderr);
  });

  it('through the scan action bundle: the SARIF file carries none of the file', async () => {
    writeFileSync(join(ws, 'agent-config.yaml'), registry('policies/iam/scope.json'));
    const r = await runStep('dist/scan/main/index.js', {
      cwd: ws,
      inputs: { scope: 'all', 'fail-on': 'never', sarif: 'out.sarif', 'allow-first-party-tags': 'true' },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    const sarif = readFileSync(join(ws, 'out.sarif'), 'utf8');
    expect(sarif).toContain('agent/session-policy-outside');
    expectNoCanary(sarif, ...stepText(r));
  });

  it('a symbolic link into .git is not followed by the walk either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'astl-scan-ws-'));
    addGitConfig(dir);
    mkdirSync(join(dir, 'policies'));
    symlinkSync(join(dir, '.git', 'policy.json'), join(dir, 'policies', 'leak.json'));
    const result = await scan({ root: dir });
    expect(result.skipped).toContainEqual({
      file: 'policies/leak.json',
      reason: 'symbolic link into .git/ (not followed)',
    });
    expectNoCanary(JSON.stringify(result));
  });

  it.each([
    ['/etc/passwd', /outside the workspace/],
    ['OUTSIDE/baseline.txt', /outside the workspace/],
    ['.git/config', /inside \.git/],
  ])('baseline %s is refused without its content (CLI, action, engine)', async (path, message) => {
    const p = path.replace('OUTSIDE', outside);
    writeFileSync(join(ws, 'agent-config.yaml'), registry('policies/iam/none.json'));
    const cli = await runCli(['scan', '--baseline', p], { cwd: ws });
    expect(cli.code).toBe(3);
    expect(cli.stderr).toMatch(/--baseline: .*/);
    expect(cli.stderr).toMatch(message);
    expectNoCanary(cli.stdout, cli.stderr);
    const action = await runStep('dist/scan/main/index.js', {
      cwd: ws,
      inputs: { scope: 'all', 'fail-on': 'never', sarif: '', baseline: p, 'allow-first-party-tags': 'true' },
    });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toMatch(/input 'baseline'/);
    expect(action.stdout).toMatch(message);
    expectNoCanary(...stepText(action));
    await expect(scan({ root: ws, baseline: p })).rejects.toThrow(message);
  });
});

describe('CLI flags and the gate', () => {
  let ws: string;
  let outside: string;
  beforeAll(() => {
    outside = outsideFiles();
    ws = mkdtempSync(join(tmpdir(), 'astl-cli-ws-'));
    addGitConfig(ws);
    writeFileSync(join(ws, 'agent-config.yaml'), 'agents: []\n');
    mkdirSync(join(ws, 'policies'));
    writeFileSync(join(ws, 'policies', 'deploy.yaml'), 'agent: "*"\nactions:\n  - name: deploy\n');
    symlinkSync(join(outside, 'policies'), join(ws, 'linked'));
  });

  it.each([
    [['credentials', '--agent', 'a', '--id-token-env', 'T', '--config', '/etc/passwd'], '--config'],
    [['credentials', '--agent', 'a', '--id-token-env', 'T', '--config', '.git/config'], '--config'],
    [['credentials', '--agent', 'a', '--id-token-env', 'T', '--policies', 'linked'], '--policies'],
    [['credentials', '--agent', 'a', '--id-token-env', 'T', '--state', '../state.json'], '--state'],
    [['credentials', '--agent', 'a', '--id-token-env', 'T', '--export-file', '/tmp/x.env'], '--export-file'],
    [['credentials', '--agent', 'a', '--id-token-env', 'T', '--audit', '.git/audit.jsonl'], '--audit'],
    [['revoke', '--state', '/etc/passwd'], '--state'],
    [['revoke', '--state', '.git/config'], '--state'],
    [['revoke', '--state', 'OUTSIDE/agent-config.yaml'], '--state'],
    [['agents', 'list', '--config', 'OUTSIDE/agent-config.yaml'], '--config'],
    [['agents', 'check', '--config', '.git/config'], '--config'],
    [['agents', 'check', '--policies', 'linked'], '--policies'],
    [
      [
        'agent',
        'create',
        '--config',
        '/etc/passwd',
        '--name',
        'x',
        '--type',
        't',
        '--owner',
        'o',
        '--purpose',
        'p',
      ],
      '--config',
    ],
  ])('astl %j is refused with a config error naming %s', async (argv, flag) => {
    const r = await runCli(
      argv.map((a) => a.replace('OUTSIDE', outside)),
      { cwd: ws, env: { T: 'x.y.z' } },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`astl: ${flag}: `);
    expect(r.stderr).toMatch(/outside the workspace|inside \.git/);
    expectNoCanary(r.stdout, r.stderr);
  });

  it('CI_PROJECT_DIR is the workspace on GitLab: a path under it is fine, one beside it is not', async () => {
    const env = { CI_PROJECT_DIR: ws };
    const ok = await runCli(['agents', 'list', '--config', join(ws, 'agent-config.yaml')], { cwd: ws, env });
    expect(ok.code, ok.stderr).toBe(0);
    const no = await runCli(['agents', 'list'], { cwd: outside, env });
    expect(no.code).toBe(3);
    expect(no.stderr).toMatch(/--config: "agent-config\.yaml" is outside the workspace/);
    expectNoCanary(no.stdout, no.stderr);
  });

  it('astl gate --policy outside the workspace denies with POLICY_INVALID (fail closed)', async () => {
    for (const policy of ['linked', '/etc', '.git']) {
      const r = await runCli(['gate', '--policy', policy, '--agent', 'bot', '--environment', 'staging'], {
        cwd: ws,
      });
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/POLICY_INVALID/);
      expect(r.stdout + r.stderr).toMatch(/--policy/);
      expectNoCanary(r.stdout, r.stderr);
    }
  });

  it('the gate action: input policy outside the workspace is a deny naming the input', async () => {
    const r = await runStep('dist/gate/main/index.js', {
      cwd: ws,
      inputs: { policy: 'linked', agent: 'bot', environment: 'staging', mode: 'enforce' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    expect(r.outputs.reasons).toContain('POLICY_INVALID');
    expect(r.outputs.reasons).toContain("input 'policy'");
    expectNoCanary(...stepText(r));
  });
});
