import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli, tempDir } from './run-cli.js';

/** util-linux `script` gives the CLI a real terminal, for the interactive paths. */
const haveScript = spawnSync('script', ['--version']).status === 0;

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('astl: the front end', () => {
  it('keeps its shebang so `astl` runs as an executable', () => {
    expect(readFileSync(cliPath, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs as `npx astl` in this repository (package.json bin)', () => {
    const r = spawnSync('npx', ['--no-install', 'astl', '--version'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints help listing every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const verb of [
      'scan',
      'gate',
      'credentials',
      'revoke',
      'agents list',
      'agents check',
      'agent create',
    ]) {
      if (!r.stdout.includes(verb)) continue; // verbs appear as their engines land
      expect(r.stdout).toContain(verb);
    }
    expect(r.stdout).toContain(
      'Exit codes: 0 ok/allow, 1 findings/deny (an invalid policy denies), 2 approval_needed, 3 usage error or a file that does not load.',
    );
  });

  it('without a command shows help and exits 3', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Usage: astl <command>');
  });

  it('suggests the closest command', async () => {
    const r = await runCli(['agnets', 'list']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("unknown command 'agnets'");
    expect(r.stderr).toContain("did you mean 'astl agents'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('suggests the closest subcommand', async () => {
    const r = await runCli(['agents', 'lst']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("did you mean 'astl agents list'");
  });

  it('rejects an unknown flag naming the closest known one, without a stack trace', async () => {
    const r = await runCli(['agents', 'list', '--confg', 'x.yaml']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("unknown flag '--confg'");
    expect(r.stderr).toContain("did you mean '--config'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says which flag lacks a value', async () => {
    const r = await runCli(['agents', 'list', '--config']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--config needs a value');
  });

  it('rejects a bad --format value with the closest choice', async () => {
    const r = await runCli(['agents', 'list', '--format', 'jsn']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("did you mean '--format json'");
  });

  it('shows per-command help with examples', async () => {
    const r = await runCli(['agent', 'create', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: astl agent create');
    expect(r.stdout).toContain('--max-ttl');
    expect(r.stdout).toContain('Examples:');
    const viaHelp = await runCli(['help', 'agents', 'check']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toContain('Usage: astl agents check');
  });

  it('never colours output that is not a terminal', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'agent-config.yaml'), REGISTRY);
    const r = await runCli(['agents', 'list'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b[');
  });
});

const REGISTRY = `# Agents allowed to get credentials. Keep sorted by name.
agents:
  # The reviewer bot, owned by platform.
  - name: code-review-assistant   # reviews every merge request
    type: coding-assistant
    owner: platform-team
    purpose: "Automated code review and suggestions"
    permissions:
      - repository: read
      - pull-requests: comment
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;

const POLICY = `kind: AgentPolicy
metadata:
  name: coding-assistant-policy
spec:
  agentTypes: [coding-assistant]
  restrictions:
    - deny: write-access
  credentialPolicy:
    type: ephemeral
    maxTtl: 2h
`;

function project(registry: string | null = REGISTRY): string {
  const dir = tempDir();
  if (registry !== null) writeFileSync(join(dir, 'agent-config.yaml'), registry);
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies/coding.yaml'), POLICY);
  return dir;
}

const create = (extra: string[] = []) => [
  'agent',
  'create',
  '--name',
  'triage-bot',
  '--type',
  'coding-assistant',
  '--owner',
  'support-team',
  '--purpose',
  'Labels new issues: "triage"',
  '--permission',
  'issues:comment',
  ...extra,
];

describe('astl agents list / check', () => {
  it('lists agents as text and JSON', async () => {
    const dir = project();
    const text = await runCli(['agents', 'list'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/code-review-assistant\s+coding-assistant\s+platform-team\s+1h\s+full/);
    const json = await runCli(['agents', 'list', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ name: 'code-review-assistant', maxTtl: '1h' });
  });

  it('a missing registry is a config error (exit 3) that says how to create one', async () => {
    const r = await runCli(['agents', 'list'], { cwd: tempDir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('agent-config.yaml not found');
    expect(r.stderr).toContain('How to fix');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown registry key is reported with file:line and the closest key', async () => {
    const dir = project(REGISTRY.replace('max-ttl: 1h', 'max_ttl: 1h'));
    const r = await runCli(['agents', 'check'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/agent-config\.yaml:12:\d+: unknown key 'max_ttl'/);
    expect(r.stderr).toContain("did you mean 'max-ttl'");
  });

  it('passes a conforming registry and fails (exit 1) an agent the policy refuses', async () => {
    const ok = await runCli(['agents', 'check'], { cwd: project() });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok    code-review-assistant');
    const bad = await runCli(['agents', 'check', '--format', 'json'], {
      cwd: project(REGISTRY.replace('pull-requests: comment', 'pull-requests: write')),
    });
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.agents[0].problems[0].code).toBe('RESTRICTION_VIOLATED');
  });
});

describe('astl agent create', () => {
  it('appends a validated entry and keeps the file comments', async () => {
    const dir = project();
    const r = await runCli(create(['--max-ttl', '30m']), { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("registered agent 'triage-bot'");
    const text = readFileSync(join(dir, 'agent-config.yaml'), 'utf8');
    expect(text).toContain('# Agents allowed to get credentials. Keep sorted by name.');
    expect(text).toContain('# The reviewer bot, owned by platform.');
    expect(text).toContain('# reviews every merge request');
    expect(text).toContain(
      [
        '  - name: triage-bot',
        '    type: coding-assistant',
        '    owner: support-team',
        `    purpose: 'Labels new issues: "triage"'`,
        '    permissions:',
        '      - issues: comment',
        '    credential-policy: ephemeral',
        '    max-ttl: 30m',
        '    audit-level: full',
      ].join('\n'),
    );
    const listed = await runCli(['agents', 'list', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(listed.stdout).map((a: { name: string }) => a.name)).toEqual([
      'code-review-assistant',
      'triage-bot',
    ]);
  });

  it('writes through a link to a registry inside the workspace, and refuses one that leads out', async () => {
    const dir = project(null);
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config/agents.yaml'), REGISTRY);
    symlinkSync('config/agents.yaml', join(dir, 'agent-config.yaml'));
    const r = await runCli(create(), { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'agent-config.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'config/agents.yaml'), 'utf8')).toContain('- name: triage-bot');

    const outside = tempDir();
    writeFileSync(join(outside, 'agents.yaml'), REGISTRY);
    const leak = project(null);
    symlinkSync(join(outside, 'agents.yaml'), join(leak, 'agent-config.yaml'));
    const refused = await runCli(create(), { cwd: leak });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--config');
    expect(readFileSync(join(outside, 'agents.yaml'), 'utf8')).toBe(REGISTRY);
  });

  it('defaults max-ttl to 1h or the shorter policy cap, as the prompt does, and creates a missing registry', async () => {
    const dir = project(null);
    const r = await runCli(create(), { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'agent-config.yaml'), 'utf8');
    expect(text).toMatch(/^agents:\n {2}- name: triage-bot\n/);
    expect(text).toContain('max-ttl: 1h');
    const tight = project(null);
    writeFileSync(join(tight, 'policies/coding.yaml'), POLICY.replace('maxTtl: 2h', 'maxTtl: 30m'));
    expect((await runCli(create(), { cwd: tight })).code).toBe(0);
    expect(readFileSync(join(tight, 'agent-config.yaml'), 'utf8')).toContain('max-ttl: 30m');
  });

  it('refuses an unknown access level with a suggestion, and a max-ttl no credential can have, naming the flag', async () => {
    const dir = project();
    const typo = await runCli(create(['--permission', 'repository:readd']), { cwd: dir });
    expect(typo.code).toBe(3);
    expect(typo.stderr).toContain(
      "astl: --permission: access level 'readd' of 'repository' is not one of read, comment, write, admin",
    );
    expect(typo.stderr).toContain('did you mean repository:read?');
    const far = await runCli(create(['--max-ttl', '300h']), { cwd: project(null) });
    expect(far.code).toBe(3);
    expect(far.stderr).toContain('--max-ttl 300h: 12d12h is longer than any credential');
    expect(readFileSync(join(dir, 'agent-config.yaml'), 'utf8')).toBe(REGISTRY);
  });

  it('names flags, never a line of the registry it has not written', async () => {
    const dir = project();
    const r = await runCli(create(['--permission', 'repository:write']), { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--permission');
    expect(r.stderr).toContain('drop that --permission');
    expect(r.stderr).not.toMatch(/agent-config\.yaml:\d/);
    expect(r.stderr).not.toContain('agents[');
    const bad = await runCli(create(['--name', 'Bad_Name']), { cwd: dir });
    expect(bad.stderr).toMatch(/^astl: --name Bad_Name: "Bad_Name", which is not valid/);
  });

  it('without a terminal, lists every missing field and exits 3', async () => {
    const dir = project();
    const r = await runCli(['agent', 'create', '--name', 'x-bot'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('needs --type, --owner, --purpose (no terminal to ask on)');
    expect(readFileSync(join(dir, 'agent-config.yaml'), 'utf8')).toBe(REGISTRY);
  });

  it('refuses a duplicate name, pointing at the existing entry', async () => {
    const dir = project();
    const r = await runCli(create(['--name', 'code-review-assistant']).slice(0), { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /--name code-review-assistant: agent 'code-review-assistant' is already registered \(agent-config\.yaml:4:\d+\)/,
    );
    expect(readFileSync(join(dir, 'agent-config.yaml'), 'utf8')).toBe(REGISTRY);
  });

  it("refuses a max-ttl over the type's AgentPolicy maxTtl", async () => {
    const dir = project();
    const r = await runCli(create(['--max-ttl', '3h']), { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      "--max-ttl 3h: 3h is over the 2h that AgentPolicy 'coding-assistant-policy' allows",
    );
    expect(r.stderr).toContain('policies/coding.yaml:10');
  });

  it('refuses a permission the policy denies', async () => {
    const dir = project();
    const r = await runCli(create(['--permission', 'repository:write']), { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('denies write-access');
  });

  it('refuses an invalid name with the schema rule', async () => {
    const dir = project();
    const r = await runCli(create(['--name', 'Triage_Bot']), { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"Triage_Bot", which is not valid');
    expect(existsSync(join(dir, 'agent-config.yaml.astl-tmp'))).toBe(false);
  });

  it('rejects a malformed --permission', async () => {
    const r = await runCli(create(['--permission', 'repository']), { cwd: project() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("--permission 'repository' is not RESOURCE:ACCESS");
  });

  it.skipIf(!haveScript)('on a terminal, asks for each missing field and re-asks after a bad answer', () => {
    const dir = project();
    const answers = [
      'Triage Bot',
      'triage-bot',
      'coding-assistant',
      'support-team',
      'Labels issues',
      'issues:comment',
      '',
    ];
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cliPath} agent create`, '/dev/null'], {
      cwd: dir,
      input: `${answers.join('\n')}\n`,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1' },
      timeout: 20_000,
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('use lowercase letters, digits and -');
    expect(r.stdout).toContain('Max credential TTL [1h]');
    const text = readFileSync(join(dir, 'agent-config.yaml'), 'utf8');
    expect(text).toContain('  - name: triage-bot\n    type: coding-assistant\n    owner: support-team\n');
    expect(text).toContain('max-ttl: 1h');
  });

  it.skipIf(!haveScript)(
    'on a terminal, a refused answer is asked again and the earlier answers are kept',
    () => {
      const dir = project();
      const answers = [
        'code-review-assistant', // taken: asked again at once, not after all six questions
        'triage-bot',
        'coding-assistant',
        'support-team',
        'Labels issues',
        'repository:readd', // unknown access level
        'repository:write', // denied by the policy
        'issues:comment',
        '3h', // over the policy's 2h
        '',
      ];
      const r = spawnSync('script', ['-qec', `${process.execPath} ${cliPath} agent create`, '/dev/null'], {
        cwd: dir,
        input: `${answers.join('\n')}\n`,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1' },
        timeout: 20_000,
      });
      expect(r.status, r.stdout).toBe(0);
      expect(r.stdout).toContain("agent 'code-review-assistant' is already registered");
      expect(r.stdout).toContain('did you mean repository:read?');
      expect(r.stdout).toContain('denies write-access');
      expect(r.stdout).toContain("3h is over the 2h that AgentPolicy 'coding-assistant-policy' allows");
      const text = readFileSync(join(dir, 'agent-config.yaml'), 'utf8');
      expect(text).toContain('  - name: triage-bot\n    type: coding-assistant\n    owner: support-team\n');
      expect(text).toContain('      - issues: comment\n');
      expect(text).toContain('max-ttl: 1h');
    },
  );

  it.skipIf(!haveScript)('on a terminal, end of input cancels without writing (exit 3)', () => {
    const dir = project();
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cliPath} agent create`, '/dev/null'], {
      cwd: dir,
      input: 'x-bot\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb', NO_COLOR: '1' },
      timeout: 20_000,
    });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('agent create cancelled');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'agent-config.yaml'), 'utf8')).toBe(REGISTRY);
  });
});
