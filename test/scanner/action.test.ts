// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow fixtures hold GitHub expressions
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runStep, type StepResult } from '../support/runner.js';
import { cleanup, commit, gitRepo, sarifValidator, workspace } from './helpers.js';

afterAll(cleanup);

const BUNDLE = 'dist/scan/main/index.js';
const WF = '.github/workflows/ci.yml';

/** The action's declared defaults, as the runner would pass them (expressions left out). */
function defaults(): Record<string, string> {
  const action = parse(readFileSync(join(repoRoot, 'actions/scan/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    out[name] = spec.default && !spec.default.includes('${{') ? String(spec.default) : '';
  }
  return out;
}

// add-mask: the github-token input is masked before anything else is printed.
const ALLOWED_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'group', 'endgroup']);

function assertOnlyExpectedCommands(step: StepResult): void {
  for (const c of step.commands) expect(ALLOWED_COMMANDS, `unexpected ::${c.command}::`).toContain(c.command);
  // Every line that starts with "::" is one of ours (no half-escaped command slipped through).
  const raw = step.stdout.split(/\r?\n/).filter((l) => l.startsWith('::'));
  expect(raw.length).toBe(step.commands.length);
}

function pullRequestEvent(dir: string, base: string, head: string): string {
  const path = join(dir, 'event.json');
  writeFileSync(
    path,
    JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }),
  );
  return path;
}

describe('scan action end to end', () => {
  let root: string;
  let base: string;
  let head: string;
  let eventPath: string;

  beforeAll(() => {
    ({ root, base } = gitRepo({
      [WF]: 'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: old/action@v1\n',
      'agent-config.yaml':
        'agents:\n  - name: bot\n    type: t\n    owner: me\n    purpose: p\n    permissions:\n      - repository: read\n',
    }));
    head = commit(root, {
      [WF]: 'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: old/action@v1\n      - uses: new/action@main\n      - run: echo "${{ github.event.issue.title }}"\n',
      'agent-config.yaml':
        'agents:\n  - name: bot\n    type: t\n    owner: me\n    purpose: p\n    audit-level: minimal\n    permissions:\n      - repository: read\n',
    });
    eventPath = pullRequestEvent(workspace({}), base, head);
  });

  it('pull request: diff scope from the event, annotations, SARIF, summary, outputs, exit 1 on errors', async () => {
    const step = await runStep(BUNDLE, {
      cwd: root,
      inputs: defaults(),
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath },
    });
    expect(step.stderr).toBe('');
    expect(step.exitCode).toBe(1);
    assertOnlyExpectedCommands(step);
    const annotations = step.commands.filter((c) => c.command !== 'group' && c.command !== 'endgroup');
    const summary = annotations.map((c) => `${c.command} ${c.properties.file}:${c.properties.line}`);
    expect(summary).toEqual([
      `error ${WF}:9`,
      `error ${WF}:10`,
      'warning agent-config.yaml:6',
      // setFailed's own error line comes last
      'error undefined:undefined',
    ]);
    expect(annotations[0]!.properties.title).toBe(
      'workflow/unpinned-action: Action or reusable workflow not pinned to a commit SHA',
    );
    expect(annotations.at(-1)!.message).toMatch(/astl scan found 2 errors \(fail-on: error\)/);
    expect(step.outputs).toEqual({
      findings: '3',
      errors: '2',
      warnings: '1',
      'sarif-file': 'astl-scan.sarif',
    });

    const sarif = JSON.parse(readFileSync(join(root, 'astl-scan.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(3);

    expect(step.summary).toContain('astl scan: 2 errors, 1 warning');
    expect(step.summary).toContain('changed lines only (from git diff)');
    expect(step.summary).toContain('| 🔴 error |');
  });

  it('fail-on never succeeds; fail-on warning fails on warnings alone', async () => {
    const never = await runStep(BUNDLE, {
      cwd: root,
      inputs: { ...defaults(), 'fail-on': 'never', sarif: '' },
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath },
    });
    expect(never.exitCode).toBe(0);
    expect(never.outputs['sarif-file']).toBe('');

    const clean = gitRepo({
      'agent-config.yaml':
        'agents:\n  - name: bot\n    type: t\n    owner: me\n    permissions:\n      - repository: read\n',
    });
    const warn = await runStep(BUNDLE, { cwd: clean.root, inputs: { ...defaults(), 'fail-on': 'warning' } });
    expect(warn.outputs.warnings).toBe('1');
    expect(warn.exitCode).toBe(1);
    const onlyErrors = await runStep(BUNDLE, { cwd: clean.root, inputs: defaults() });
    expect(onlyErrors.exitCode).toBe(0);
    expect(onlyErrors.summary).toContain('1 warning');
  });

  it('push event without diff: scope all reports the old finding too', async () => {
    const step = await runStep(BUNDLE, { cwd: root, inputs: { ...defaults(), 'fail-on': 'never' } });
    expect(step.exitCode).toBe(0);
    expect(step.outputs.errors).toBe('3');
  });

  it('a bad input fails with a message naming it', async () => {
    const step = await runStep(BUNDLE, { cwd: root, inputs: { ...defaults(), 'fail-on': 'sometimes' } });
    expect(step.exitCode).toBe(1);
    expect(step.commands.find((c) => c.command === 'error')?.message).toMatch(
      /input 'fail-on': 'sometimes' is not allowed[\s\S]*use 'error', 'warning' or 'never'/,
    );
  });
});

describe('shallow clone on a pull request', () => {
  it('asks the GitHub API for the changed lines with the read-only token, and never writes', async () => {
    const methods: string[] = [];
    const server = createServer((req, res) => {
      methods.push(`${req.method} ${req.url?.split('?')[0]} ${req.headers.authorization}`);
      res.setHeader('content-type', 'application/json');
      const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page');
      res.end(
        JSON.stringify(
          page === '1'
            ? [{ filename: WF, status: 'modified', patch: '@@ -8,0 +9,1 @@\n+      - uses: new/action@main' }]
            : [],
        ),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { root } = gitRepo({
        [WF]: 'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: old/action@v1\n      - uses: new/action@main\n',
      });
      const event = join(workspace({}), 'event.json');
      writeFileSync(event, JSON.stringify({ pull_request: { number: 12, base: { sha: 'd'.repeat(40) } } }));
      const step = await runStep(BUNDLE, {
        cwd: root,
        inputs: { ...defaults(), 'github-token': 'ghs_readonly' },
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        },
      });
      expect(step.outputs.errors).toBe('1');
      const annotation = step.commands.find((c) => c.command === 'error' && c.properties.file);
      expect(annotation?.properties.line).toBe('9');
      expect(step.summary).toContain('changed lines only (from the GitHub API)');
      expect(
        step.commands.some((c) => c.command === 'warning' && /not in the local clone/.test(c.message)),
      ).toBe(true);
      expect(methods).toEqual(['GET /repos/acme/app/pulls/12/files token ghs_readonly']);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
