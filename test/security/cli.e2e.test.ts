/**
 * Kind 1 on the CLI (dist/cli): control characters in `--purpose` / `--owner` are refused with
 * a usage error naming the flag, before anything is read or written; a registry whose purpose
 * or owner holds one is refused at its line; hostile registry text printed by `agents list`
 * issues no runner command.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { commandProblems, readAsRunner } from '../support/runner.js';

const GH = { GITHUB_ACTIONS: 'true' };

function dir(registry?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'astl-sec-cli-'));
  if (registry !== undefined) writeFileSync(join(d, 'agent-config.yaml'), registry);
  return d;
}

describe('CLI flags refuse control characters', () => {
  for (const [text, codePoint] of [
    ['Fix typo\n::stop-commands::x', 'U+000A'],
    ['Fix typo\r##[stop-commands]x', 'U+000D'],
    ['a\u2028b', 'U+2028'],
  ] as const) {
    it(`credentials --purpose with ${codePoint}`, async () => {
      const r = await runCli(
        ['credentials', '--agent', 'deploy-bot', '--purpose', text, '--id-token-env', 'TOKEN'],
        { cwd: dir(), env: { ...GH, TOKEN: 'x.y.z' } },
      );
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`--purpose contains the control character ${codePoint}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(commandProblems(readAsRunner(r.stdout, r.stderr))).toEqual([]);
    });
  }

  it('agent create --owner and --purpose', async () => {
    const cwd = dir();
    for (const flag of ['--owner', '--purpose']) {
      const args = ['agent', 'create', '--name', 'new-bot', '--type', 'coding-assistant'];
      args.push('--owner', flag === '--owner' ? 'team\n::stop-commands::x' : 'team');
      args.push('--purpose', flag === '--purpose' ? 'Review\u0085##[stop-commands]y' : 'Review');
      const r = await runCli(args, { cwd, env: GH });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${flag} contains the control character`);
    }
    expect(() => readFileSync(join(cwd, 'agent-config.yaml'))).toThrow();
  });
});

describe('CLI over a hostile registry', () => {
  it('a purpose with a line break is refused at its line', async () => {
    const r = await runCli(['agents', 'check'], {
      cwd: dir(
        'agents:\n  - name: a-bot\n    type: t\n    owner: o\n    purpose: "x\\n::stop-commands::y"\n    permissions: [{repository: read}]\n',
      ),
      env: GH,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/agent-config\.yaml:5:\d+: agents\[0\]\.purpose/);
    expect(commandProblems(readAsRunner(r.stdout, r.stderr))).toEqual([]);
  });

  it('agents list prints one-line hostile values without issuing a command', async () => {
    const r = await runCli(['agents', 'list'], {
      cwd: dir(
        'agents:\n  - name: a-bot\n    type: t\n    owner: "::stop-commands::o"\n    purpose: "##[stop-commands]p"\n    permissions: [{repository: read}]\n',
      ),
      env: GH,
    });
    expect(r.code).toBe(0);
    expect(commandProblems(readAsRunner(r.stdout, r.stderr))).toEqual([]);
    expect(r.stdout).toContain('#\\u0023[stop-commands]p');
  });
});
