import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../packages/scanner/scan.js';
import { runStep } from '../support/runner.js';
import { cleanup, ids, only, sarifValidator, workspace } from './helpers.js';

afterAll(cleanup);

const WF = '.github/workflows';
const unpinned =
  'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: evil/action@v1\n';

describe('hostile inputs', () => {
  it('a 5 MB single line gets only the secret rules by default and, when allowed, all rules', async () => {
    const line = `key: ${'A1b2C3d4'.repeat((5 * 1024 * 1024) / 8)}`;
    const root = workspace({ 'policies/huge.yaml': line, [`${WF}/ok.yml`]: unpinned });
    const result = await scan({ root });
    expect(result.skipped).toEqual([
      {
        file: 'policies/huge.yaml',
        reason: expect.stringMatching(/larger than 1.0 MiB.*only the secret rules ran/),
        tooLarge: line.length,
      },
    ]);
    // A file under policies/ that is too large to check is a policy that was not checked.
    expect(ids(result.findings).sort()).toEqual(['scan/parse-error', 'workflow/unpinned-action']);
    const allowed = await scan({ root, maxFileBytes: 8 * 1024 * 1024 });
    expect(allowed.files).toContain('policies/huge.yaml');
  });

  it('10,000 levels of nesting: a parse-error finding, not a crash', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const deepMap = `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
    const iam = `{"Version":"2012-10-17","Statement":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const result = await scan({
      root: workspace({
        'policies/deep.yaml': deep,
        [`${WF}/deep.yml`]: deepMap,
        'iam/deep.json': iam,
        'agent-config.yaml': `agents: ${deep}`,
      }),
    });
    expect(result.files).toHaveLength(4);
    for (const f of result.findings) expect(f.ruleId).toMatch(/^(scan\/parse-error|config\/invalid)$/);
  });

  it('invalid UTF-8 is decoded leniently and the rest of the file is still checked', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# \xff\xfe\xc3\x28 bad bytes\n', 'latin1'),
      Buffer.from(unpinned),
    ]);
    const result = await scan({ root: workspace({ [`${WF}/bytes.yml`]: bytes }) });
    expect(only(result.findings, 'workflow/unpinned-action').map((f) => f.line)).toEqual([8]);
  });

  it('binary files and symbolic links out of the workspace or to folders are skipped with a reason', async () => {
    const outside = workspace({ 'secret.yaml': 'token: x\n' });
    const root = workspace({
      'policies/blob.yaml': Buffer.from([0x61, 0x00, 0x62]),
      'policies/real.yaml': 'a: 1\n',
    });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'policies/escape.yaml'));
    symlinkSync(outside, join(root, 'policies/dir-link'));
    symlinkSync('real.yaml', join(root, 'policies/inside.yaml'));
    mkdirSync(join(root, 'policies/loop'));
    symlinkSync('..', join(root, 'policies/loop/up'));
    const result = await scan({ root });
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['policies/blob.yaml']).toMatch(/binary/);
    expect(reasons['policies/escape.yaml']).toMatch(/outside the workspace/);
    // The binary file gets the secret token rules only (it is listed as skipped too).
    expect(result.files).toEqual(['policies/blob.yaml', 'policies/inside.yaml', 'policies/real.yaml']);
  });

  it('file names with newlines, "::" and "%0A" cannot inject workflow commands', async () => {
    const names = [`${WF}/x\n::warning::injected.yml`, `${WF}/a::b%0A,c=d.yml`, `${WF}/100%25 ,::.yml`];
    const root = workspace(Object.fromEntries(names.map((n) => [n, unpinned])));
    const step = await runStep('dist/scan/main/index.js', {
      cwd: root,
      inputs: { 'fail-on': 'error', sarif: 'out/astl.sarif', 'allow-first-party-tags': 'true' },
    });
    expect(step.exitCode).toBe(1);
    const allowed = new Set(['error', 'warning', 'notice', 'group', 'endgroup']);
    for (const c of step.commands) expect(allowed).toContain(c.command);
    const files = step.commands.filter((c) => c.properties.file).map((c) => c.properties.file);
    expect(files.sort()).toEqual([...names].sort());
    expect(step.commands.some((c) => c.message === 'injected.yml' || c.command === 'set-env')).toBe(false);
    // No line of output starts a command that we did not issue.
    const commandLines = step.stdout.split(/\r?\n/).filter((l) => l.startsWith('::'));
    expect(commandLines).toHaveLength(step.commands.length);
    const sarif = JSON.parse(readFileSync(join(root, 'out/astl.sarif'), 'utf8'));
    expect(sarifValidator()(sarif)).toBe(true);
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri),
    );
    expect(uris.sort()).toEqual([...names].sort());
    expect(step.summary).not.toMatch(/\n::warning/);
  });
});
