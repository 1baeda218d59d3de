/**
 * What a newcomer meets first on the CLI (issue 14): the documented exit codes are the real ones,
 * a file that cannot be written is one line naming the flag, the path and the fix (never a stack),
 * errors name flags rather than action inputs, and `astl revoke` finds the state where
 * `astl credentials` put it by default.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from './run-cli.js';

const REGISTRY = `agents:
  - name: deploy-bot
    type: deploy-manager
    owner: platform-team
    credential-policy: ephemeral
    max-ttl: 1h
    credentials:
      vault:
        url: http://127.0.0.1:9
        role: astl-ci
        audience: vault
`;
const POLICY = `agent: deploy-bot
actions:
  - name: deploy
    allowed_environments: [staging]
`;

function workspace(files: Record<string, string> = {}): string {
  const dir = tempDir('astl-newcomer-');
  for (const [name, text] of Object.entries({ 'agent-config.yaml': REGISTRY, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The row of docs/cli.md's exit-code table for `code`. */
function documented(code: number): string {
  const doc = readFileSync(join(repoRoot, 'docs/cli.md'), 'utf8');
  const row = doc.split('\n').find((l) => l.startsWith(`| ${code} |`));
  expect(row, `docs/cli.md has a row for exit code ${code}`).toBeDefined();
  return row!;
}

const STACK = /\n\s+at .+\(.*:\d+:\d+\)/;

describe('the exit-code table in docs/cli.md (and so the README) matches the code', () => {
  const cases: { what: string; args: string[]; files?: Record<string, string>; code: number; row: string }[] =
    [
      { what: 'scan, clean', args: ['scan', 'agent-config.yaml'], code: 0, row: '`scan` without findings' },
      {
        what: 'scan, a file that is not valid YAML',
        args: ['scan'],
        files: { 'agent-config.yaml': 'agents:\n  - name: x\n    owner: [\n' },
        code: 1,
        row: 'a file that is not valid YAML is a `scan/parse-error` finding',
      },
      {
        what: 'agents check, invalid YAML',
        args: ['agents', 'check'],
        files: { 'agent-config.yaml': 'agents: [\n' },
        code: 3,
        row: 'a registry or AgentPolicy that does not load (`agents check`',
      },
      {
        what: 'gate, a policy that is not valid YAML',
        args: ['gate', '--agent', 'deploy-bot', '--environment', 'staging', '--policy', 'policies'],
        files: { 'policies/deploy.yaml': 'actions: [\n' },
        code: 1,
        row: 'including a policy that does not load (invalid YAML)',
      },
      {
        what: 'gate, allow',
        args: ['gate', '--agent', 'deploy-bot', '--environment', 'staging', '--policy', 'policies'],
        files: { 'policies/deploy.yaml': POLICY },
        code: 0,
        row: 'gate `allow`',
      },
      {
        what: 'credentials, refused before any token (no purpose)',
        args: ['credentials', '--agent', 'deploy-bot', '--vault-id-token-env', 'T'],
        code: 3,
        row: 'a request the registry or an AgentPolicy refuses before any token is used',
      },
      {
        what: 'revoke, nothing to revoke',
        args: ['revoke'],
        code: 0,
        row: '`revoke` always',
      },
      { what: 'an unknown flag', args: ['scan', '--nope'], code: 3, row: 'an unknown flag' },
      {
        what: 'a report file that cannot be written',
        args: ['scan', 'agent-config.yaml', '--output', 'agent-config.yaml/x.json'],
        code: 3,
        row: 'a file that cannot be read or written',
      },
    ];
  for (const c of cases) {
    it(`${c.what}: exit ${c.code}`, async () => {
      const r = await runCli(c.args, { cwd: workspace(c.files), env: { T: 'not-a-jwt' } });
      expect(r.code, r.stderr).toBe(c.code);
      expect(documented(c.code)).toContain(c.row);
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});

describe('a file that cannot be written is one line with the path and the fix', () => {
  it('gate --output under a file, --record into a missing folder (created), --record at a folder', async () => {
    const dir = workspace({ 'policies/deploy.yaml': POLICY, afile: 'x' });
    const gate = ['gate', '--agent', 'deploy-bot', '--environment', 'staging', '--policy', 'policies'];
    const under = await runCli([...gate, '--output', 'afile/x.json'], { cwd: dir });
    expect(under.code).toBe(3);
    expect(under.stderr).toBe(
      'astl: --output afile/x.json: afile is a file, not a folder\n' +
        '  How to fix: name a path whose folders are folders, e.g. --output reports/x.json (astl creates missing folders)\n',
    );
    const missing = await runCli([...gate, '--record', 'out/records/decision.json'], { cwd: dir });
    expect(missing.code, missing.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/records/decision.json'), 'utf8')).decision).toBe('allow');
    const folder = await runCli([...gate, '--record', 'out'], { cwd: dir });
    expect(folder.code).toBe(3);
    expect(folder.stderr).toContain('astl: --record out: out is a folder, not a file');
    expect(folder.stderr).toContain('How to fix: name a file, e.g. --record out/out.json');
  });

  it('scan --sarif and --write-baseline, and credentials --audit, refuse before any work', async () => {
    const dir = workspace({ afile: 'x' });
    const sarif = await runCli(['scan', 'agent-config.yaml', '--sarif', 'afile/astl.sarif'], { cwd: dir });
    expect(sarif.code).toBe(3);
    expect(sarif.stderr).toMatch(/^astl: --sarif afile\/astl\.sarif: afile is a file, not a folder\n/);
    const baseline = await runCli(['scan', 'agent-config.yaml', '--write-baseline', 'afile/b.txt'], {
      cwd: dir,
    });
    expect(baseline.code).toBe(3);
    expect(baseline.stderr).toContain('--write-baseline afile/b.txt: afile is a file, not a folder');
    const audit = await runCli(
      [
        'credentials',
        '--agent',
        'deploy-bot',
        '--purpose',
        'x',
        '--vault-id-token-env',
        'T',
        '--audit',
        'afile/a.jsonl',
      ],
      { cwd: dir, env: { T: 'not-a-jwt', CI_PROJECT_DIR: dir } },
    );
    expect(audit.code).toBe(3);
    expect(audit.stderr).toContain('--audit afile/a.jsonl: afile is a file, not a folder');
    for (const r of [sarif, baseline, audit]) expect(r.stderr).not.toMatch(STACK);
  });
});

describe('CLI errors name flags, not action inputs', () => {
  it('purpose, duration, registry path and agent type', async () => {
    const dir = workspace();
    const env = { T: 'not-a-jwt', CI_PROJECT_DIR: dir };
    const base = ['credentials', '--vault-id-token-env', 'T'];
    const outputs = await Promise.all([
      runCli([...base, '--agent', 'deploy-bot'], { cwd: dir, env }),
      runCli([...base, '--agent', 'deploy-bot', '--purpose', 'x', '--duration', '5h'], { cwd: dir, env }),
      runCli([...base, '--agent', 'deploy-bot', '--purpose', 'x', '--config', 'nope.yaml'], {
        cwd: dir,
        env,
      }),
      runCli([...base, '--agent', 'deploy-bot', '--agent-type', 'other', '--purpose', 'x'], {
        cwd: dir,
        env,
      }),
    ]);
    const [purpose, duration, config, type] = outputs.map((r) => r.stderr);
    expect(purpose).toContain('How to fix: set --purpose (why this job needs credentials)');
    expect(purpose).toContain("--agent deploy-bot --purpose '<why this job needs credentials>'");
    expect(duration).toContain('    --duration 1h');
    expect(config).toContain('point --config at the registry');
    expect(type).toContain('make --agent-type match the registry');
    for (const r of outputs) {
      expect(r.code).toBe(3);
      expect(r.stderr).not.toMatch(/\binput\b|with:/);
    }
  });
});

describe('astl revoke', () => {
  it('defaults --state to .astl/state.json, as astl credentials does', async () => {
    const dir = workspace();
    const r = await runCli(['revoke'], { cwd: dir, env: { CI_PROJECT_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to revoke: .astl/state.json does not exist');
    const help = await runCli(['revoke', '--help']);
    expect(help.stdout).toContain('default .astl/state.json');
  });
});

describe('first contact: the README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('shows the two commands on its first screen, and stays short', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm ci && npm run demo');
    expect(firstScreen).toMatch(/^npm test\b/m);
    expect(readme.split('\n').length).toBeLessThan(500);
  });

  it("pins every quick start's action to a commit, and a copied quick start passes the scan's pinning rule", async () => {
    for (const file of ['README.md', 'docs/credentials.md', 'docs/gate.md', 'docs/scan.md']) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      for (const m of text.matchAll(/^\s*-?\s*uses: (astl\/agent-credentials\S*)/gm)) {
        expect(m[1], `${file}: ${m[0]}`).toMatch(/@<sha>$/);
      }
    }
    const block = /## Quick start: scan\n\n```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const steps = block.replace(/^(on|permissions):.*\n/gm, '').replace(/^steps:\n/m, '');
    const workflow =
      `on: pull_request\npermissions: {}\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    permissions: { contents: read, security-events: write }\n    steps:\n${steps
        .split('\n')
        .map((l) => (l ? `    ${l}` : l))
        .join('\n')}`.replace(/<sha>/g, 'a'.repeat(40));
    const dir = workspace({ '.github/workflows/scan.yml': workflow });
    const r = await runCli(['scan', '.github/workflows/scan.yml', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; message: string }[];
    expect(findings.filter((f) => f.ruleId === 'workflow/unpinned-action')).toEqual([]);
  });
});
