/**
 * Verification of issue 10 as an attacker (helper v10): inputs that made the scanner miss a
 * secret or a workflow fault, or pass a file it never checked. One `describe` per kind; each
 * kind was a miss before the fix in the same commit.
 */
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../packages/core/index.js';
import { scan } from '../../packages/scanner/scan.js';
import { detectSecrets } from '../../packages/scanner/secrets/index.js';
import { sniffEncoding } from '../../packages/scanner/source.js';
import { cleanup, commit, git, gitRepo, only, workspace } from './helpers.js';

afterAll(cleanup);

// Made-up values, assembled so that no token is written out in the repository.
const j = (...parts: string[]): string => parts.join('');
const TOKEN = j('gh', 'p_', 'R8x2bV9qLm4Tz7Yc1Nf5Kd3Hs6Jw0Pa2Ue8G');
const RANDOM = 'Zf3D0qP8wLr2Tn6Vb9Kx1Mh4Yc7Gs5Ja';
const WF = '.github/workflows';
const UNPINNED = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: evil/act@v1\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}

describe('file names with line breaks are scanned under `**`', () => {
  it('picomatch alone never matches a name with a newline; the walk still finds it', async () => {
    const name = 'evil\n::error::pwned.txt';
    const root = workspace({ [name]: `token = "${TOKEN}"\n`, 'dir/a\rb.env': `T=${TOKEN}\n` });
    const result = await scan({ root, paths: ['**'] });
    expect(result.files).toEqual(['dir/a\rb.env', name]);
    expect(only(result.findings, 'secret/github-token').map((f) => f.file)).toEqual(['dir/a\rb.env', name]);
  });
});

describe('a workflow or config padded past the size cap fails closed', () => {
  const padding = `# ${'x'.repeat(78)}\n`.repeat(60); // ~4.8 KB

  it('a workflow over the cap is a scan/parse-error error; the secret rules still run', async () => {
    const root = workspace({
      [`${WF}/padded.yml`]: `${padding}${UNPINNED}      - run: echo ${TOKEN}\n`,
      'ci/build.yml': `${UNPINNED}${padding}`, // a workflow by its keys, outside .github/
      'ci/notes.yml': `${padding}title: notes\n`, // other YAML: only the secret rules, no error
      'policies/data.json': `{"a": "${'y'.repeat(5000)}"}`,
    });
    const result = await scan({ root, paths: ['**'], maxFileBytes: 4096 });
    const errors = only(result.findings, 'scan/parse-error');
    expect(errors.map((f) => [f.file, f.severity])).toEqual([
      ['.github/workflows/padded.yml', 'error'],
      ['ci/build.yml', 'error'],
    ]);
    expect(errors[0]?.message).toMatch(/looks like a workflow but is .* over the scanner's 4.0 KiB limit/);
    expect(only(result.findings, 'secret/github-token').map((f) => f.file)).toEqual([
      '.github/workflows/padded.yml',
    ]);
  });

  it('an action definition and an agent config over the cap too', async () => {
    const root = workspace({
      'act/action.yml': `${padding}name: x\nruns: { using: node24, main: x.js }\n`,
      'agent-config.yaml': `${padding}agents: []\n`,
    });
    const result = await scan({ root, maxFileBytes: 4096 });
    expect(only(result.findings, 'scan/parse-error').map((f) => f.file)).toEqual([
      'act/action.yml',
      'agent-config.yaml',
    ]);
  });
});

describe('a scan failure is an error, never a pass', () => {
  it('a secret detector that throws leaves the file unchecked: scan/parse-error', async () => {
    const root = workspace({ 'a.env': 'A=1\n', 'big.env': `${'B=2\n'.repeat(2000)}` });
    const result = await scan({
      root,
      paths: ['**'],
      maxFileBytes: 4096,
      detectSecrets: () => {
        throw new Error('detector bug');
      },
    });
    expect(only(result.findings, 'scan/parse-error').map((f) => [f.file, f.severity])).toEqual([
      ['a.env', 'error'],
      ['big.env', 'error'],
    ]);
    expect(result.findings[0]?.message).toContain('detector bug');
  });

  it.skipIf(process.getuid?.() === 0)('a file the scan cannot read is an error', async () => {
    const root = workspace({ 'agent-config.yaml': 'agents: []\n' });
    chmodSync(join(root, 'agent-config.yaml'), 0);
    const result = await scan({ root });
    expect(only(result.findings, 'scan/parse-error').map((f) => f.file)).toEqual(['agent-config.yaml']);
  });

  it('a named file under an excluded folder is listed, not dropped silently', async () => {
    const root = workspace({ 'node_modules/x/.env': `T=${TOKEN}\n` });
    const result = await scan({ root, files: ['node_modules/x/.env'] });
    expect(result.skipped).toEqual([
      { file: 'node_modules/x/.env', reason: expect.stringMatching(/^excluded \(matches .*node_modules/) },
    ]);
  });
});

describe('binary-looking and UTF-16 files cannot hide a secret', () => {
  it('sniffEncoding: BOMs, BOM-less UTF-16, binary, text with a stray NUL', () => {
    expect(sniffEncoding(utf16('a: 1\n', 'le', true))).toEqual({ encoding: 'utf-16le', binary: false });
    expect(sniffEncoding(utf16('a: 1\n', 'be', true))).toEqual({ encoding: 'utf-16be', binary: false });
    expect(sniffEncoding(utf16('token = 1\n', 'le', false))).toEqual({ encoding: 'utf-16le', binary: false });
    expect(sniffEncoding(utf16('token = 1\n', 'be', false))).toEqual({ encoding: 'utf-16be', binary: false });
    expect(sniffEncoding(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR')).binary).toBe(true);
    expect(sniffEncoding(Buffer.from(`# a comment\0 with one NUL\n${'text\n'.repeat(40)}`)).binary).toBe(
      false,
    );
  });

  it('UTF-16 files (with or without a BOM) get every rule', async () => {
    const text = `token = "${TOKEN}"\napi_key = "${RANDOM}"\n`;
    const root = workspace({
      'le.txt': utf16(text, 'le', true),
      'be.txt': utf16(text, 'be', true),
      'le-nobom.txt': utf16(text, 'le', false),
      'be-nobom.txt': utf16(text, 'be', false),
    });
    const result = await scan({ root, paths: ['**'] });
    expect(result.skipped).toEqual([]);
    for (const file of ['be-nobom.txt', 'be.txt', 'le-nobom.txt', 'le.txt']) {
      expect(result.findings.filter((f) => f.file === file).map((f) => [f.ruleId, f.line, f.column])).toEqual(
        [
          ['secret/github-token', 1, 10],
          ['secret/generic-high-entropy', 2, 12],
        ],
      );
    }
  });

  it('a NUL byte, an image header or a large binary: the token rules still run', async () => {
    const root = workspace({
      'stray-nul.env': `# x\0y\n${'# settings\n'.repeat(10)}T="${TOKEN}"\napi_key = "${RANDOM}"\n`,
      'img.png': Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        Buffer.from(`IHDR\0\0\ntoken=${TOKEN}\napi_key = "${RANDOM}"\n`),
      ]),
      'big.bin': Buffer.concat([Buffer.alloc(9000, 0), Buffer.from(` ${TOKEN} `), Buffer.alloc(100, 0)]),
    });
    const result = await scan({ root, paths: ['**'], maxFileBytes: 4096 });
    const got = result.findings.map((f) => `${f.file} ${f.ruleId}`).sort();
    expect(got).toEqual([
      'big.bin secret/github-token',
      'img.png secret/github-token', // not the generic rule: compressed data looks like it
      'stray-nul.env secret/generic-high-entropy', // a stray NUL keeps a text file text
      'stray-nul.env secret/github-token',
    ]);
    expect(Object.fromEntries(result.skipped.map((s) => [s.file, s.reason]))).toEqual({
      'big.bin': expect.stringContaining('only the secret rules ran'),
      'img.png': 'binary file; only the secret token rules ran on it',
    });
  });
});

describe('YAML and JSON values on the line after their key', () => {
  const found = (text: string, file = 'x.yaml') => detectSecrets(text, file).map((f) => [f.ruleId, f.line]);

  it.each([
    ['plain', `api_key:\n  ${RANDOM}\n`],
    ['quoted', `api_key:\n  "${RANDOM}"\n`],
    ['CRLF', `api_key:\r\n  '${RANDOM}'\r\n`],
    ['literal block', `data:\n  api_key: |\n    ${RANDOM}\n`],
    ['folded block, comment', `data:\n  api_key: >- # from vault\n    ${RANDOM}\n`],
    ['JSON', `{"api_key":\n   "${RANDOM}"}\n`],
  ])('%s', (_name, text) => {
    expect(found(text, text.startsWith('{') ? 'x.json' : 'x.yaml')).toEqual([
      ['secret/generic-high-entropy', 2 + Number(text.startsWith('data'))],
    ]);
  });

  it.each([
    ['a sibling key, not a value', `api_key:\nother: ${RANDOM}\n`],
    ['a nested mapping', `api_key:\n  name: ${RANDOM}\n`],
    ['a list', 'api_token:\n  - first\n'],
    ['a placeholder', 'api_key: |\n  YOUR_API_KEY_HERE\n'],
    ['a template', `api_key:\n  ${'${{'} secrets.API_KEY }}\n`],
  ])('clean: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a huge expression does not make a huge message', () => {
  it('shortens the expression shown, keeps the finding', async () => {
    const deep = `${'('.repeat(5000)}github.event.issue.title${')'.repeat(5000)}`;
    const root = workspace({
      [`${WF}/x.yml`]: `on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo \${{ ${deep} }}\n`,
    });
    const result = await scan({ root });
    const [f] = only(result.findings, 'workflow/template-injection');
    expect(f?.message.length).toBeLessThan(1000);
    expect(f?.message).toContain('github.event.issue.title');
  });
});

describe('a pull request cannot silence its own findings unseen (diff scope)', () => {
  const WORKFLOW = `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: old/act@v1 # astl:ignore workflow/unpinned-action accepted in 2025\n      - run: echo hi\n`;

  it('astl:ignore added on a changed line, an edited baseline and an edited scan config become notes', async () => {
    const { root, base } = gitRepo({
      [`${WF}/ci.yml`]: WORKFLOW,
      'astl-baseline.json': '{"version":1,"fingerprints":[]}\n',
    });
    const first = await scan({ root, scope: 'all', files: ['.'] });
    expect(first.findings).toEqual([]);
    expect(first.stats.suppressed).toBe(1);
    // The pull request: a secret silenced inline, an unpinned action added to the baseline, and a
    // scan config that accepts any ref for evil/*.
    const pr = WORKFLOW.replace(
      '      - run: echo hi\n',
      `      - run: echo ${TOKEN} # astl:ignore secret/* test fixture, trust me\n      - uses: evil/act@v1\n      - uses: evil/other@main\n`,
    );
    commit(root, { [`${WF}/ci.yml`]: pr });
    const before = await scan({ root, scope: 'all', files: ['.'] });
    const unpinned = before.findings.find((f) => f.line === 10 && f.ruleId === 'workflow/unpinned-action');
    const head = commit(root, {
      'astl-baseline.json': JSON.stringify({ version: 1, fingerprints: [unpinned?.fingerprint] }),
      '.astl/scan.yaml':
        'version: 1\npinning:\n  policies:\n    - uses: evil/other\n      policy: ref-pin\n      reason: we trust evil\n',
    });
    const result = await scan({
      root,
      scope: 'diff',
      base,
      head,
      baseline: 'astl-baseline.json',
      files: ['.'],
    });
    const got = result.findings.map((f) => [f.severity, f.ruleId, f.file, f.line]);
    expect(got).toEqual([
      ['note', 'scan/config-changed', '.astl/scan.yaml', 1],
      ['note', 'secret/github-token', `${WF}/ci.yml`, 9],
      ['note', 'workflow/unpinned-action', `${WF}/ci.yml`, 10],
      ['note', 'workflow/unpinned-action', `${WF}/ci.yml`, 11],
    ]);
    const byLine = Object.fromEntries(result.findings.map((f) => [f.line, f.message]));
    expect(byLine[9]).toMatch(
      /^Accepted by `astl:ignore` on line 9 \("test fixture, trust me"\), and this change adds or edits it/,
    );
    expect(byLine[10]).toMatch(
      /^Accepted by the baseline astl-baseline.json, and this change adds or edits it/,
    );
    expect(byLine[11]).toContain('we trust evil');
    expect(result.findings.map((f) => f.message).join('\n')).not.toContain(TOKEN);
    // The old suppression on an unchanged line stays quiet (counted only).
    expect(result.stats.suppressed).toBe(1);
  });

  it('a secret written into the astl:ignore reason is not quoted in the note (review rB)', async () => {
    const { root, base } = gitRepo({ [`${WF}/ci.yml`]: WORKFLOW });
    const head = commit(root, {
      [`${WF}/ci.yml`]: WORKFLOW.replace('echo hi', `echo hi # astl:ignore secret/* fixture ${TOKEN}`),
    });
    const result = await scan({ root, scope: 'diff', base, head, files: ['.'] });
    expect(result.findings.map((f) => [f.severity, f.ruleId, f.line])).toEqual([
      ['note', 'secret/github-token', 9],
    ]);
    expect(result.findings[0]?.message).toMatch(
      /^Accepted by `astl:ignore` on line 9 \(its reason is withheld/,
    );
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('after the merge, a later change that does not touch those lines reports nothing about them', async () => {
    const { root, base } = gitRepo({
      [`${WF}/ci.yml`]: WORKFLOW.replace('echo hi', `echo ${TOKEN} # astl:ignore secret/* test fixture`),
      'README.md': 'a\n',
    });
    const head = commit(root, { 'README.md': 'b\n' });
    const result = await scan({ root, scope: 'diff', base, head, files: ['.'] });
    expect(result.findings).toEqual([]);
  });
});

describe('a rename cannot carry a fault into a running workflow unseen (diff scope)', () => {
  it('a vulnerable workflow moved from docs/ into .github/workflows/ without edits is reported', async () => {
    const vulnerable = `on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: echo "\${{ github.event.issue.title }}"\n`;
    const { root, base } = gitRepo({ 'docs/example.yml': vulnerable, [`${WF}/.keep`]: '' });
    git(root, 'mv', 'docs/example.yml', `${WF}/example.yml`);
    git(root, 'commit', '-q', '-m', 'enable the example');
    const head = git(root, 'rev-parse', 'HEAD');
    const result = await scan({ root, scope: 'diff', base, head });
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['workflow/template-injection', `${WF}/example.yml`, 8],
    ]);
  });
});

describe('an old astl:ignore does not silently cover a new value on the line below it', () => {
  it('editing the accepted line turns its acceptance into a note', async () => {
    const { root, base } = gitRepo({
      'app.env': '# astl:ignore secret/* sample value for the docs\nTOKEN=placeholder\n',
    });
    const head = commit(root, {
      'app.env': `# astl:ignore secret/* sample value for the docs\nTOKEN=${TOKEN}\n`,
    });
    const result = await scan({ root, scope: 'diff', base, head, files: ['app.env'] });
    expect(result.findings.map((f) => [f.severity, f.ruleId, f.line])).toEqual([
      ['note', 'secret/github-token', 2],
    ]);
    expect(result.findings[0]?.message).toContain('sample value for the docs');
  });
});

describe('the default paths find a workflow whatever the letter case of its extension', () => {
  it('.github/workflows/x.YML and y.Yaml are audited', async () => {
    const root = workspace({ [`${WF}/x.YML`]: UNPINNED, [`${WF}/sub/y.Yaml`]: UNPINNED });
    const result = await scan({ root });
    expect(only(result.findings, 'workflow/unpinned-action').map((f) => f.file)).toEqual([
      `${WF}/sub/y.Yaml`,
      `${WF}/x.YML`,
    ]);
  });
});

describe('a token hidden by YAML escapes or a line continuation in a double-quoted string', () => {
  const T2 = j('gh', 'p_', 'Hk7Wq2Zr9Lm4Xv8Tb1Nc6Yp3Gd5Sj0Fa2Ue7');
  const T3 = j('gh', 'p_', 'M1nqB3vwC5xeZ7lrK9jtH1gyF3duS5aiP7oK');
  const T4 = j('gh', 'p_', 'Vb8Nq2Wc4Xr6Ty1Zu3Lp5Km7Jh9Gf0Ds2Ae4');
  it('is found at the string; a token also written out is reported by the text rules only', async () => {
    const text = [
      'data:',
      `  split: "${TOKEN.slice(0, 20)}\\`,
      `    ${TOKEN.slice(20)}"`,
      `  hex: "ghp_\\x${T2.charCodeAt(4).toString(16)}${T2.slice(5)}"`,
      `  unicode: "ghp_\\u00${T3.charCodeAt(4).toString(16)}${T3.slice(5)}"`,
      `  plain: "${T4}"`,
      `  escaped: "a\\tb ${T4}"`,
      '',
    ].join('\n');
    const root = workspace({ 'conf/x.yaml': text });
    const result = await scan({ root, paths: ['**'] });
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['secret/github-token', 2, 10],
      ['secret/github-token', 4, 8],
      ['secret/github-token', 5, 12],
      ['secret/github-token', 6, 11],
      ['secret/github-token', 7, 18],
    ]);
    expect(result.findings[0]?.message).toContain('double-quoted YAML string');
    expect(result.findings[3]?.message).not.toContain('double-quoted YAML string');
  });
});

describe('duplicate keys are found in linear time (the library check was quadratic)', () => {
  it('a repeated key is still a parse error at the second key, in the scanner and the loader', async () => {
    const dup = `${UNPINNED.replace('jobs:', 'jobs:\n  b:\n    runs-on: x\n    steps: []')}  b:\n    runs-on: y\n    steps: []\n`;
    const result = await scan({ root: workspace({ [`${WF}/dup.yml`]: dup }) });
    const [f] = only(result.findings, 'scan/parse-error');
    expect(f?.line).toBe(dup.split('\n').indexOf('  b:', 3) + 1);
    expect(f?.message).toContain('Map keys must be unique; "b" is repeated');
    expect(() => parseYaml('a: 1\nx:\n  y: 1\n  y: 2\n', 'f.yaml')).toThrow(/Map keys must be unique/);
    expect(parseYaml('1: a\n"1": b\n', 'f.yaml')[0]?.value).toEqual({ 1: 'b' });
  });

  it('80,000 keys in one mapping parse (a minute before; see the report for timings)', () => {
    const many = Array.from({ length: 80_000 }, (_, i) => `k${i}: v${i}`).join('\n');
    expect(parseYaml(many, 'many.yaml')[0]?.value).toHaveProperty('k79999', 'v79999');
  });
});

describe('a file the rules need but cannot check fails closed, wherever it is found (review rB)', () => {
  const registry = (policy: string) =>
    `agents:\n  - name: a\n    type: coding-assistant\n    owner: team\n    purpose: "reviews"\n    credential-policy: ephemeral\n    audit-level: full\n    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/x\n        session-policy: ${policy}\n    permissions:\n      - repository: read\n`;
  const POLICY = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}';

  it('a session policy over the size cap is an error, not a silent pass', async () => {
    const root = workspace({
      'agent-config.yaml': registry('scopes/a.policy'),
      'scopes/a.policy': `${POLICY}${' '.repeat(5000)}\n`,
    });
    const result = await scan({ root, maxFileBytes: 4096 });
    expect(only(result.findings, 'scan/parse-error').map((f) => [f.file, f.severity])).toEqual([
      ['scopes/a.policy', 'error'],
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('a session policy the scan cannot read is an error', async () => {
    const root = workspace({ 'agent-config.yaml': registry('scopes/a.policy'), 'scopes/a.policy': POLICY });
    chmodSync(join(root, 'scopes/a.policy'), 0);
    const result = await scan({ root });
    expect(only(result.findings, 'scan/parse-error').map((f) => f.file)).toEqual(['scopes/a.policy']);
  });

  it('a workflow or agent config with binary bytes is an error (the YAML rules cannot run on it)', async () => {
    const nul = Buffer.alloc(200, 0);
    const root = workspace({
      [`${WF}/bin.yml`]: Buffer.concat([Buffer.from(UNPINNED), nul]),
      'agent-config.yaml': Buffer.concat([Buffer.from('agents: []\n'), nul]),
      'img/logo.png': Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), nul]),
    });
    const result = await scan({ root, paths: ['**'] });
    expect(only(result.findings, 'scan/parse-error').map((f) => [f.file, f.severity])).toEqual([
      [`${WF}/bin.yml`, 'error'],
      ['agent-config.yaml', 'error'],
    ]);
  });
});

describe('a local action or reusable workflow is read only inside the workspace (review rB)', () => {
  it('`uses: ./x` through a link (or `..`) out of the workspace is not read', async () => {
    const action =
      'name: a\ndescription: b\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: claude -p "$X" --dangerously-skip-permissions\n';
    const outside = workspace({
      'action.yml': action,
      'wf.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: claude -p hi --dangerously-skip-permissions\n`,
    });
    const root = workspace({
      [`${WF}/ci.yml`]: `on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./linked\n      - uses: ./../${outside.split('/').pop()}\n  b:\n    uses: ./linked/wf.yml\n`,
    });
    symlinkSync(outside, join(root, 'linked'));
    const result = await scan({ root });
    expect(result.agents?.discovered ?? []).toEqual([]);
  });
});
