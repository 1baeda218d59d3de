/**
 * Kinds 1 and 7 end to end on the scanner: the scan action (dist/scan/main) and the CLI's
 * `--format github|text|json` (dist/cli) over a pull request whose folder and file names and
 * YAML values are runner commands. Every annotation and the step's failure message survive,
 * nothing becomes a command, and the job summary renders no link, image or HTML from the PR.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { commandProblems, readAsRunner, runStep } from '../support/runner.js';

const unpinned = (name: string) =>
  `name: ${name}\non: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: evil/action@v1\n`;

const HOSTILE_FILES: Record<string, string> = {
  // A folder named as a command, holding a registry whose values are commands too.
  '::stop-commands::pwn/agent-config.yaml': `agents:
  - name: "evil##[add-mask]x"
    type: "t ##[stop-commands]y ![p](https://evil.example/p.png)"
    owner: "<img src=https://evil.example/o.png>"
    purpose: "[click](https://evil.example) ::stop-commands::z"
    credential-policy: long-lived
`,
  '.github/workflows/x##[stop-commands]y.yaml': unpinned('x##[stop-commands]y'),
  '.github/workflows/ \u00a0::stop-commands::lead.yml': unpinned('lead'),
  '.github/workflows/ok.yml': unpinned('ok'),
};

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'astl-sec-scan-'));
  for (const [path, text] of Object.entries(HOSTILE_FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('scan action: hostile names and values', () => {
  it('keeps every annotation and the failure message, issues nothing else', async () => {
    const step = await runStep('dist/scan/main/index.js', {
      cwd: workspace(),
      inputs: { 'fail-on': 'error', sarif: 'out/astl.sarif' },
      checkCommands: false,
    });
    expect(commandProblems(step.runner)).toEqual([]);
    expect(step.exitCode).toBe(1);
    const errors = step.commands.filter((c) => c.command === 'error');
    const errorCount = Number(step.outputs.errors);
    expect(errorCount).toBeGreaterThanOrEqual(4);
    // GitHub shows 10 error annotations; one is kept for the failure message.
    expect(errors).toHaveLength(Math.min(errorCount, 9) + 1);
    expect(errors.at(-1)?.message).toMatch(/^astl scan found \d+ errors/);
    const files = new Set(errors.map((c) => c.properties.file).filter(Boolean));
    expect(files).toContain('.github/workflows/x##[stop-commands]y.yaml');
    expect(files).toContain('::stop-commands::pwn/agent-config.yaml');
    expect(files).toContain('.github/workflows/ \u00a0::stop-commands::lead.yml');
    // The findings log names the files, neutralised.
    expect(step.log).toContain('.github/workflows/x#\\u0023[stop-commands]y.yaml');
    expect(step.log).toContain('  \\u003a:stop-commands::pwn/agent-config.yaml');
    const html = marked.parse(step.summary, { async: false, gfm: true });
    expect(html).not.toMatch(/<img|<a href="https:\/\/evil|<script/);
  });
});

describe('CLI: the same repository through every stdout format', () => {
  const env = { GITHUB_ACTIONS: 'true' };

  it('--format github: one annotation per finding, nothing else a command', async () => {
    const root = workspace();
    const r = await runCli(['scan', '--format', 'github'], { cwd: root, env });
    expect(r.code).toBe(1);
    const seen = readAsRunner(r.stdout, r.stderr);
    expect(commandProblems(seen)).toEqual([]);
    const json = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd: root, env })).stdout) as {
      findings: { file: string }[];
    };
    expect(seen.commands).toHaveLength(json.findings.length);
    expect(new Set(seen.commands.map((c) => c.properties.file))).toEqual(
      new Set(json.findings.map((f) => f.file)),
    );
  });

  it('--format json and sarif: still the same documents, file names exact', async () => {
    const root = workspace();
    const json = await runCli(['scan', '--format', 'json'], { cwd: root, env });
    expect(commandProblems(readAsRunner(json.stdout, json.stderr))).toEqual([]);
    expect(json.stdout).toContain('x#\\u0023[stop-commands]y.yaml');
    const files = (JSON.parse(json.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    expect(files).toContain('.github/workflows/x##[stop-commands]y.yaml');
    expect(files).toContain('::stop-commands::pwn/agent-config.yaml');
    const sarif = await runCli(['scan', '--format', 'sarif'], { cwd: root, env });
    expect(commandProblems(readAsRunner(sarif.stdout, sarif.stderr))).toEqual([]);
    const uris = (
      JSON.parse(sarif.stdout) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      }
    ).runs[0]!.results.map((r) => decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris).toContain('.github/workflows/x##[stop-commands]y.yaml');
  });

  it('--format text (the default) and the stderr tally are command-neutral', async () => {
    const r = await runCli(['scan'], { cwd: workspace(), env });
    expect(r.code).toBe(1);
    expect(commandProblems(readAsRunner(r.stdout, r.stderr))).toEqual([]);
    expect(r.stdout).toContain('x#\\u0023[stop-commands]y.yaml');
  });
});
