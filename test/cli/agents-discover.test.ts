/** `astl agents list --discover`, run from the committed bundle as users run it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const REGISTRY = `agents:
  - name: reviewer
    type: coding-assistant
    owner: platform-team
    purpose: "Review pull requests"
    permissions:
      - repository: read
      - pull-requests: comment
`;

const BOUND = `name: review
on: pull_request
permissions:
  contents: read
jobs:
  review:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    env:
      ASTL_AGENT: reviewer
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          prompt: Review the pull request.
`;

const SHADOW = `name: triage
on:
  issues:
    types: [opened]
permissions:
  issues: write
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: gemini --yolo -p "Label the issue in $GITHUB_EVENT_PATH"
`;

function project(files: Record<string, string>): string {
  const dir = tempDir('astl-discover-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('astl agents list --discover', () => {
  const files = {
    'agent-config.yaml': REGISTRY,
    '.github/workflows/review.yml': BOUND,
    '.github/workflows/triage.yml': SHADOW,
  };

  it('shows registered and discovered agents side by side (text), exit 0 despite findings', async () => {
    const r = await runCli(['agents', 'list', '--discover'], { cwd: project(files) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Discovered agents (2)');
    expect(r.stdout).toMatch(/Claude Code Action {2}\.github\/workflows\/review\.yml:14 \(job review\)/);
    expect(r.stdout).toContain('runs as:     reviewer (ASTL_AGENT)');
    expect(r.stdout).toMatch(/Gemini CLI {2}\.github\/workflows\/triage\.yml:11 \(job triage\)/);
    expect(r.stdout).toContain('runs as:     unregistered');
    expect(r.stdout).toContain('agent/unrestricted-tools');
    expect(r.stdout).toContain('runs in: Claude Code Action in .github/workflows/review.yml:14 (job review)');
  });

  it('JSON and Markdown carry the same inventory', async () => {
    const dir = project(files);
    const json = await runCli(['agents', 'list', '--discover', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const inventory = JSON.parse(json.stdout);
    expect(inventory.registered.map((a: { name: string }) => a.name)).toEqual(['reviewer']);
    expect(
      inventory.discovered.map((a: { agent: { id: string }; binding: { kind: string } }) => [
        a.agent.id,
        a.binding.kind,
      ]),
    ).toEqual([
      ['claude-code-action', 'ASTL_AGENT'],
      ['gemini-cli', 'none'],
    ]);
    expect(inventory.discovered[1].findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'agent/unregistered',
    );
    const md = await runCli(['agents', 'list', '--discover', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('| Agent | Where | Trigger |');
    expect(md.stdout).toContain('`reviewer`<br>`agent-config.yaml:2`');
  });

  it('without a registry it warns on stderr and lists every agent as unregistered', async () => {
    const r = await runCli(['agents', 'list', '--discover'], {
      cwd: project({ '.github/workflows/triage.yml': SHADOW }),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no agent registry at agent-config.yaml');
    expect(r.stdout).toContain('Registered agents (0)');
  });

  it('--config names the registry the bindings resolve against', async () => {
    const r = await runCli(['agents', 'list', '--discover', '--config', 'ci/agents.yaml'], {
      cwd: project({ 'ci/agents.yaml': REGISTRY, '.github/workflows/review.yml': BOUND }),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('runs as:     reviewer (ASTL_AGENT)');
    expect(r.stdout).toContain('[ci/agents.yaml:2]');
  });

  it('a bad --format is a usage error naming the choices', async () => {
    const r = await runCli(['agents', 'list', '--discover', '--format', 'html']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('text, json, markdown');
  });
});
