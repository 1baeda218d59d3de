// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow fixtures hold GitHub expressions
/**
 * Issue 10, "Workflows and actions": every definition audited (by path and by shape), the
 * SHA-pinning default with config exceptions, template injection by GitHub's expression
 * semantics, zizmor's permission semantics, secrets: inherit and persisted credentials.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseScanConfig } from '../../packages/scanner/config.js';
import { cleanup, ids, only, scanFiles } from './helpers.js';

afterAll(cleanup);

const SHA = 'a'.repeat(40);
const HEAD = 'on: push\npermissions:\n  contents: read\n';

function wf(steps: string[], header = HEAD, job = '    runs-on: ubuntu-latest\n'): string {
  return `${header}jobs:\n  a:\n${job}    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;
}

describe('every workflow and action definition is audited', () => {
  const action = [
    'name: deploy',
    'description: composite',
    'runs:',
    '  using: composite',
    '  steps:',
    '    - run: echo "${{ github.event.issue.title }}"', // 6
    '      shell: bash',
    '    - uses: someone/tool@v2', // 8
    '    - uses: docker://alpine:3.20', // 9
    '',
  ].join('\n');

  it('action.yml / action.yaml anywhere (composite steps, docker://image:tag)', async () => {
    const r = await scanFiles({
      'tools/deploy/action.yml': action,
      'action.yaml':
        'name: d\ndescription: docker\nruns:\n  using: docker\n  image: docker://ghcr.io/acme/x:1.2\n',
      'ok/action.yml': `name: d\ndescription: pinned\nruns:\n  using: docker\n  image: docker://ghcr.io/acme/x@sha256:${'c'.repeat(64)}\n`,
    });
    expect(r.files).toContain('tools/deploy/action.yml');
    const got = r.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'workflow/template-injection tools/deploy/action.yml:6',
        'workflow/unpinned-action tools/deploy/action.yml:8',
        'workflow/unpinned-action tools/deploy/action.yml:9',
        'workflow/unpinned-action action.yaml:5',
      ]),
    );
    expect(r.findings.filter((f) => f.file === 'ok/action.yml')).toEqual([]);
  });

  it('a workflow named explicitly outside .github/workflows gets the workflow rules (by shape)', async () => {
    const text = wf(['run: echo ${{ github.event.issue.title }}'], 'on: issues\npermissions: {}\n');
    const r = await scanFiles({ 'ci/templates/build.yml': text }, { paths: ['ci/templates/build.yml'] });
    expect(ids(r.findings)).toEqual(['workflow/template-injection']);
    // An action by shape, under any name.
    const a = await scanFiles({ 'x/composite.yaml': action }, { paths: ['x/composite.yaml'] });
    expect(ids(a.findings)).toContain('workflow/template-injection');
  });

  it('other YAML is not a workflow: a mapping with on: but no jobs: gets no workflow rules', async () => {
    const r = await scanFiles(
      { 'conf/x.yaml': 'on: push\nrun: echo ${{ github.event.issue.title }}\n' },
      { paths: ['**'] },
    );
    expect(r.findings).toEqual([]);
  });
});

describe('pinning: SHA by default, exceptions from .astl/scan.yaml with their reason', () => {
  const steps = [
    'uses: actions/checkout@v4', // 8
    `uses: actions/checkout@${SHA}`, // 9
    'uses: github/codeql-action/upload-sarif@v3', // 10
    'uses: my-org/deploy@main', // 11
    'uses: my-org/other', // 12
    'uses: tj-actions/changed-files@v45', // 13
  ];
  const files = { '.github/workflows/ci.yml': wf(steps) };

  it('default: every remote tag or branch is an error (first-party too, as zizmor)', async () => {
    const r = await scanFiles(files);
    const found = only(r.findings, 'workflow/unpinned-action');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [8, 'error'],
      [10, 'error'],
      [11, 'error'],
      [12, 'error'],
      [13, 'error'],
    ]);
    expect(found[0]!.message).toContain('.astl/scan.yaml');
  });

  it('the config relaxes per owner pattern; accepted pins are notes that show the reason', async () => {
    const config = [
      'version: 1',
      'pinning:',
      '  policies:',
      '    - uses: actions/*',
      '      policy: ref-pin',
      '      reason: GitHub-owned, tags are immutable releases there',
      '    - uses: my-org/*',
      '      policy: any',
      '      reason: our own org, protected branches',
      '    - uses: my-org/deploy',
      '      policy: hash-pin',
      '      reason: deploys to production',
      '',
    ].join('\n');
    const r = await scanFiles({ ...files, '.astl/scan.yaml': config });
    const found = only(r.findings, 'workflow/unpinned-action');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [10, 'error'], // github/* has no exception
      [11, 'error'], // my-org/deploy: the most specific rule wins
      [13, 'error'],
      [8, 'note'],
      [12, 'note'],
    ]);
    const note = found.find((f) => f.line === 8)!;
    expect(note.message).toContain('.astl/scan.yaml:4');
    expect(note.message).toContain('GitHub-owned, tags are immutable releases there');
    expect(found.find((f) => f.line === 11)!.message).toContain('deploys to production');
  });

  it('a config with a typo is an error naming file:line, not silently ignored', () => {
    expect(() =>
      parseScanConfig(
        'pinning:\n  policies:\n    - uses: actions/*\n      polcy: ref-pin\n      reason: x y z\n',
        '.astl/scan.yaml',
      ),
    ).toThrow(/unknown key 'polcy'/);
    expect(() =>
      parseScanConfig('pinning:\n  policies:\n    - uses: actions/*\n      policy: ref-pin\n', 'c.yaml'),
    ).toThrow(/missing required key 'reason'/);
    expect(() =>
      parseScanConfig('pinning:\n  policies:\n    - {uses: "a/*", policy: x, reason: abc}\n', 'c.yaml'),
    ).toThrow(/expected one of "hash-pin", "ref-pin", "any"/);
  });

  it('a named config that does not exist is an error', async () => {
    await expect(scanFiles(files, { config: 'nope.yaml' })).rejects.toThrow(/not found/);
  });

  it('reusable workflows and docker:// images follow the same policy', async () => {
    const text = `${HEAD}jobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@v1\n  pinned:\n    uses: org/repo/.github/workflows/x.yml@${SHA}\n`;
    const r = await scanFiles({ '.github/workflows/c.yml': text });
    expect(only(r.findings, 'workflow/unpinned-action').map((f) => f.line)).toEqual([6]);
    expect(only(r.findings, 'workflow/unpinned-action')[0]!.message).toContain('reusable workflow');
  });
});

describe('template injection follows GitHub expression semantics', () => {
  const run = (expr: string, header = 'on: issues\npermissions: {}\n') =>
    scanFiles({ '.github/workflows/t.yml': wf([`run: echo "${expr}"`], header) });

  it.each([
    '${{ github.event.issue.TITLE }}',
    "${{ github.event['issue']['title'] }}",
    '${{ toJSON(github.event.issue) }}',
    "${{ format('{0}', github.event.issue.title) }}",
    '${{ github.event.pull_request.head.ref }}',
    "${{ github.event_name == 'issues' && github.event.issue.body || '' }}",
    '${{ fromJSON(github.event.comment.body).cmd }}',
    '${{ github.event.commits[0].author.name }}',
  ])('reports %s', async (expr) => {
    expect(ids((await run(expr)).findings)).toEqual(['workflow/template-injection']);
  });

  it.each([
    "${{ contains(github.event.pull_request.title, '[skip]') && 'skip' || 'go' }}",
    "${{ github.event.pull_request.title == 'WIP' }}",
    '${{ github.event.issue.number }}',
    '${{ !github.event.issue.body }}',
    "${{ startsWith(github.event.comment.body, '/ok') }}",
    '${{ github.sha }}',
  ])('does not report %s (the untrusted value cannot become the result)', async (expr) => {
    expect((await run(expr)).findings).toEqual([]);
  });

  it('values that flow in through env: (workflow, job, step) and then ${{ env.X }}', async () => {
    const text = [
      'on: issues',
      'permissions: {}',
      'env:',
      '  WF: ${{ github.event.issue.title }}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    env:',
      '      JOB: ${{ github.event.issue.body }}',
      '      STATIC: hello',
      '    steps:',
      '      - env:',
      '          STEP: ${{ env.WF }}',
      '        run: echo "${{ env.WF }} ${{ env.JOB }} ${{ env.STEP }} ${{ env.STATIC }}"', // 14
      '      - env:',
      '          SAFE: ${{ github.event.issue.title }}',
      '        run: echo "$SAFE"', // the fix: no finding
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/e.yml': text });
    const found = only(r.findings, 'workflow/template-injection');
    expect(found.map((f) => f.line)).toEqual([14, 14, 14]);
    expect(found[2]!.message).toContain('env.STEP ← env.WF ← github.event.issue.title');
    expect(found[0]!.message).toContain('use "$WF"');
  });

  it('a matrix built from untrusted input', async () => {
    const text = [
      'on: issue_comment',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    strategy:',
      '      matrix:',
      '        target: ${{ fromJSON(github.event.comment.body) }}',
      '        os: [ubuntu, macos]',
      '    steps:',
      '      - run: echo ${{ matrix.target }} ${{ matrix.os }}', // 11
      '  b:',
      '    runs-on: x',
      '    strategy:',
      '      matrix: ${{ fromJSON(github.event.comment.body) }}',
      '    steps:',
      '      - run: echo ${{ matrix.anything }}', // 17
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/m.yml': text });
    expect(only(r.findings, 'workflow/template-injection').map((f) => [f.line, f.column])).toEqual([
      [11, 23],
      [17, 23],
    ]);
  });

  it('code-executing with: inputs (github-script and the documented table)', async () => {
    const steps = [
      `uses: actions/github-script@${SHA}\n        with:\n          script: console.log("\${{ github.event.issue.title }}")`, // 9
      `uses: azure/cli@${SHA}\n        with:\n          inlineScript: echo \${{ github.event.issue.body }}`, // 12
      `uses: mikefarah/yq@${SHA}\n        with:\n          cmd: \${{ github.event.issue.title }}`, // 15
      `uses: some/other@${SHA}\n        with:\n          text: \${{ github.event.issue.title }}`, // not code
    ];
    const r = await scanFiles({ '.github/workflows/w.yml': wf(steps, 'on: issues\npermissions: {}\n') });
    const found = only(r.findings, 'workflow/template-injection');
    expect(found.map((f) => f.line)).toEqual([9, 12, 15]);
    expect(found[0]!.message).toContain('process.env');
  });

  it('inputs and branch names only collaborators write are warnings; typed inputs are safe', async () => {
    const text = [
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      note: {type: string}',
      '      dry: {type: boolean}',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      - run: echo ${{ inputs.note }} ${{ inputs.dry }} ${{ github.ref_name }}',
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/i.yml': text });
    const found = only(r.findings, 'workflow/template-injection');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [11, 'warning'],
      [11, 'warning'],
    ]);
  });
});

describe('permissions (zizmor excessive-permissions semantics), secrets: inherit, persisted credentials', () => {
  it('read-all/write-all at workflow and job level; workflow-wide write scopes; reusable calls', async () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: write', // 3
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    permissions: read-all', // 7
      '    steps: [{run: echo}]',
      '  b:',
      '    runs-on: x',
      '    steps: [{run: echo}]',
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/p.yml': text });
    expect(r.findings.map((f) => `${f.ruleId}:${f.line}`).sort()).toEqual(
      ['workflow/read-all:7', 'workflow/workflow-wide-write:3'].sort(),
    );
  });

  it('reusable-only workflows: their own jobs are exempt, their calls are not', async () => {
    const text = `on: workflow_call\njobs:\n  own:\n    runs-on: x\n    steps: [{run: echo}]\n  call:\n    uses: org/r/.github/workflows/y.yml@${SHA}\n`;
    const r = await scanFiles({ '.github/workflows/r.yml': text });
    expect(only(r.findings, 'workflow/missing-permissions').map((f) => f.line)).toEqual([6]);
  });

  it('secrets: inherit on a reusable workflow call', async () => {
    const text = `${HEAD}jobs:\n  call:\n    uses: org/r/.github/workflows/y.yml@${SHA}\n    secrets: inherit\n  named:\n    uses: org/r/.github/workflows/y.yml@${SHA}\n    secrets:\n      T: \${{ secrets.T }}\n`;
    const r = await scanFiles({ '.github/workflows/s.yml': text });
    const found = only(r.findings, 'workflow/secrets-inherit');
    expect(found.map((f) => [f.line, f.endLine])).toEqual([[6, 7]]);
    expect(found[0]!.message).toContain('secrets: { NPM_TOKEN');
  });

  it('checkouts that persist credentials; an upload of the workspace makes it an error', async () => {
    const steps = [
      `uses: actions/checkout@${SHA}`, // 8
      `uses: actions/checkout@${SHA}\n        with:\n          persist-credentials: false`,
      `uses: actions/checkout@${SHA}\n        with:\n          persist-credentials: true`, // deliberate
    ];
    const r = await scanFiles({ '.github/workflows/c.yml': wf(steps) });
    const found = only(r.findings, 'workflow/persisted-credentials');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[8, 'warning']]);
    expect(found[0]!.message).toContain('persist-credentials: false');
    const upload = await scanFiles({
      '.github/workflows/u.yml': wf([
        `name: co\n        uses: actions/checkout@${SHA}`,
        `uses: actions/upload-artifact@${SHA}\n        with:\n          path: .`,
      ]),
    });
    expect(only(upload.findings, 'workflow/persisted-credentials').map((f) => [f.line, f.severity])).toEqual([
      [8, 'error'],
    ]);
  });

  it('pull_request_target and workflow_run are dangerous triggers', async () => {
    const r = await scanFiles({
      '.github/workflows/d.yml': `on:\n  pull_request_target:\n  workflow_run:\n    workflows: [ci]\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n`,
    });
    expect(only(r.findings, 'workflow/dangerous-trigger').map((f) => [f.line, f.endLine])).toEqual([
      [1, 2],
      [1, 3],
    ]);
  });
});
