// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow fixtures hold GitHub expressions
/**
 * Issue 9, kind 4: the scanner fails closed. Workflows GitHub accepts are modelled whatever YAML
 * features they use (aliases resolved before rules run, findings at the anchor, where the value
 * is written; merge keys too), alias bombs stop at a bound and become an error, and a workflow,
 * action, agent config or policy that cannot be parsed is an error finding, never a pass or a
 * warning. Other YAML that does not parse is only scanned as text for secrets.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RESOLVE_LIMITS } from '../../packages/scanner/workflow/yaml.js';
import { cleanup, ids, only, scanFiles } from '../scanner/helpers.js';

afterAll(cleanup);

const PWN = [
  'on: pull_request_target',
  'permissions: {}',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
  '        with:',
  '          ref: ${{ github.event.pull_request.head.sha }}',
  '          persist-credentials: false',
  '      - run: echo "${{ github.event.pull_request.title }}"',
];

const errors = (findings: { severity: string; ruleId: string }[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

describe('aliases are resolved before rules run', () => {
  it('run: *cmd is checked, at the anchor', async () => {
    const text = [
      'on: issues',
      'permissions: {}',
      'x-scripts:',
      '  greet: &cmd echo "${{ github.event.issue.title }}"', // 4
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      - run: *cmd',
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/a.yml': text });
    expect(only(r.findings, 'workflow/template-injection').map((f) => f.line)).toEqual([4]);
  });

  it('uses: *act is checked for pinning, at the anchor', async () => {
    const text = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      - uses: &act tj-actions/changed-files@v45', // 7
      '      - uses: *act',
      '  b:',
      '    runs-on: x',
      '    steps:',
      '      - uses: *act',
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/a.yml': text });
    expect(only(r.findings, 'workflow/unpinned-action').map((f) => f.line)).toEqual([7, 7, 7]);
    // Each use has its own fingerprint, so accepting one does not accept the others.
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('aliased steps, jobs and permissions', async () => {
    const text = [
      'on: issues',
      'permissions: &perm write-all', // 2
      'jobs:',
      '  a: &job',
      '    runs-on: x',
      '    steps: &steps',
      '      - run: echo ${{ github.event.issue.body }}', // 7
      '  b: *job',
      '  c:',
      '    runs-on: x',
      '    permissions: *perm',
      '    steps: *steps',
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/a.yml': text });
    expect(only(r.findings, 'workflow/template-injection').map((f) => f.line)).toEqual([7, 7, 7]);
    expect(only(r.findings, 'workflow/write-all').map((f) => f.line)).toEqual([2, 2]);
  });

  it('merge keys (<<) are merged, own keys win', async () => {
    const text = [
      'on: issues',
      'permissions: {}',
      'x-base: &base',
      '  runs-on: ubuntu-latest',
      '  permissions: write-all', // 5
      '  steps:',
      '    - run: echo ${{ github.event.issue.title }}', // 7
      'jobs:',
      '  a:',
      '    <<: *base',
      '  b:',
      '    <<: [*base]',
      '    permissions: {}',
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/m.yml': text });
    expect(only(r.findings, 'workflow/template-injection').map((f) => f.line)).toEqual([7, 7]);
    expect(only(r.findings, 'workflow/write-all').map((f) => f.line)).toEqual([5]);
  });

  it('101 aliases (over the YAML library limit of 100) still get every rule', async () => {
    const text = [
      PWN[0],
      PWN[1],
      'x-runner: &r ubuntu-latest',
      'jobs:',
      ...Array.from({ length: 101 }, (_, i) => `  j${i}: {runs-on: *r, steps: [{run: echo}]}`),
      ...PWN.slice(3),
      '',
    ].join('\n');
    const r = await scanFiles({ '.github/workflows/many.yml': text });
    expect(new Set(errors(r.findings))).toEqual(
      new Set(['workflow/untrusted-checkout', 'workflow/template-injection']),
    );
    expect(ids(r.findings)).not.toContain('scan/parse-error');
  });

  it('an alias bomb stops at the bound and is an error, quickly', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const text = ['on: push', ...levels, 'jobs:', '  a:', '    runs-on: x', '    steps: *i', ''].join('\n');
    const started = Date.now();
    const r = await scanFiles({ '.github/workflows/bomb.yml': text });
    expect(Date.now() - started).toBeLessThan(20_000);
    const parse = only(r.findings, 'scan/parse-error');
    expect(parse).toHaveLength(1);
    expect(parse[0]!.severity).toBe('error');
    expect(parse[0]!.message).toContain(String(RESOLVE_LIMITS.maxNodes));
  });

  it('a self-referencing or unknown alias is an error, not a crash', async () => {
    const r = await scanFiles({
      '.github/workflows/self.yml': 'on: push\njobs: &j\n  a: *j\n',
      '.github/workflows/unknown.yml': 'on: push\njobs:\n  a: *nothing\n',
    });
    expect(r.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([
      'scan/parse-error error',
      'scan/parse-error error',
    ]);
  });
});

describe('unparseable definitions fail closed', () => {
  it('fail-on error fails: the pwn-request workflow cannot pass by being broken elsewhere', async () => {
    const text = [...PWN, '      - run: [unterminated', ''].join('\n');
    const r = await scanFiles({ '.github/workflows/pwn.yml': text });
    expect(r.stats.bySeverity.error).toBeGreaterThan(0);
    expect(only(r.findings, 'scan/parse-error')[0]!.line).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['.github/workflows/x.yml', 'on: push\njobs:\n  a: [\n'],
    ['tools/action.yml', 'name: x\nruns:\n  using: [\n'],
    ['agent-config.yaml', 'agents:\n  - name: x\n    owner: [\n'],
    ['policies/p.yaml', 'kind: AgentPolicy\nspec: {\n'],
    ['ci/wf.yaml', 'on: push\njobs:\n  a: {\n'], // a workflow by its keys, anywhere
    ['deploy/my-agent.yml', 'agents:\n  - {name: x\n'],
  ])('%s that does not parse is an error', async (file, text) => {
    const r = await scanFiles({ [file]: text }, { paths: ['**'] });
    expect(r.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['scan/parse-error error']);
  });

  it('an agent config over the loader alias limit is an error (the actions would refuse it)', async () => {
    const text = `x: &o team\nagents:\n${Array.from({ length: 101 }, (_, i) => `  - {name: a${i}, type: t, owner: *o, purpose: p, permissions: [{repository: read}]}`).join('\n')}\n`;
    const r = await scanFiles({ 'agent-config.yaml': text });
    expect(only(r.findings, 'scan/parse-error').map((f) => f.severity)).toEqual(['error']);
  });

  it('other YAML that does not parse is only scanned as text for secrets', async () => {
    const key = ['ghp', '_', 'R7mQ2xZ9kL4vB8nW1cT6yH3jP5sD0fG2aK9e'].join('');
    const r = await scanFiles({ 'notes/todo.yaml': `items: [\ntoken: ${key}\n` }, { paths: ['**'] });
    expect(ids(r.findings)).not.toContain('scan/parse-error');
    expect(ids(r.findings).some((id) => id.startsWith('secret/'))).toBe(true);
  });
});
