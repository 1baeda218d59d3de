import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeChangeSet,
  hunkHeadRange,
  rangesFromPatch,
  unquoteGitPath,
} from '../../packages/scanner/changeset.js';
import { scan } from '../../packages/scanner/scan.js';
import { cleanup, commit, git, gitRepo, only } from './helpers.js';

afterAll(cleanup);

const WF = '.github/workflows/ci.yml';
const workflowBase = [
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: old/action@v1',
  '      - run: echo hi',
  '',
].join('\n');

const registryBase = `agents:
  - name: legacy
    type: bot
    purpose: old
    permissions:
      - repository: read
`;

const iam = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

describe('diff scope on a real git repository', () => {
  let root: string;
  let base: string;
  let head: string;

  beforeAll(() => {
    ({ root, base } = gitRepo({
      [WF]: workflowBase,
      'agent-config.yaml': registryBase,
      'iam/admin.json': iam,
    }));
    head = commit(root, {
      // Two lines inserted above: the old finding moves down but is not new.
      [WF]: `name: ci\n# comment\n${workflowBase}      - uses: new/action@main\n`,
      'agent-config.yaml': `${registryBase}  - name: fresh\n    type: bot\n    owner: team\n    permissions:\n      - repository: read\n`,
    });
  });

  it('reports only findings on added or changed lines, plus file-level ones of changed files', async () => {
    const result = await scan({ root, scope: 'diff', base, head });
    expect(result.scope).toBe('diff');
    expect(result.changeSource).toBe('git');
    const summary = result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
    expect(summary).toEqual(
      [
        // The workflow changed, so its missing permissions block counts (file level).
        `workflow/missing-permissions ${WF}:5`, // the job key
        `workflow/unpinned-action ${WF}:10`,
        'agent/missing-purpose agent-config.yaml:7',
      ].sort(),
    );
    // The legacy agent's missing owner, the old action and the untouched IAM file are outside the diff.
    expect(result.stats.outsideDiff).toBeGreaterThanOrEqual(2);
    expect(result.files).not.toContain('iam/admin.json');
  });

  it('fingerprints survive the line shift', async () => {
    git(root, 'checkout', '-q', base);
    const before = await scan({ root });
    git(root, 'checkout', '-q', head);
    const after = await scan({ root });
    const old = only(before.findings, 'workflow/unpinned-action')[0]!;
    const moved = only(after.findings, 'workflow/unpinned-action').find((f) =>
      f.message.includes('old/action'),
    )!;
    expect(moved.line).toBe(old.line + 2);
    expect(moved.fingerprint).toBe(old.fingerprint);
    git(root, 'checkout', '-q', 'main');
  });

  it('falls back to a full scan with a warning when the base commit is missing', async () => {
    const result = await scan({ root, scope: 'diff', base: 'f'.repeat(40), head });
    expect(result.scope).toBe('all');
    expect(result.warnings.join('\n')).toMatch(/not in the local clone.*fetch-depth: 0/s);
    expect(result.warnings.join('\n')).toMatch(/scanning every file/);
    expect(only(result.findings, 'iam/wildcard-action')).toHaveLength(1);
  });

  it('diff with no base at all is a full scan', async () => {
    const result = await scan({ root, scope: 'diff' });
    expect(result.scope).toBe('all');
  });

  it('renames, deletions and odd file names in git diff output', async () => {
    const odd = 'policies/we"ird\tname.yaml';
    const next = commit(root, { [odd]: 'kind: AgentPolicy\n' }, ['iam/admin.json']);
    git(root, 'mv', 'agent-config.yaml', 'agents-agent-config.yaml');
    git(root, 'commit', '-q', '-m', 'rename');
    const renamed = git(root, 'rev-parse', 'HEAD');
    const { changes } = await computeChangeSet({ root, base: head, head: renamed });
    expect(changes?.source).toBe('git');
    const files = [...(changes?.files.keys() ?? [])].sort();
    expect(files).toEqual(['agents-agent-config.yaml', odd].sort());
    expect(changes?.files.get(odd)?.ranges).toEqual([[1, 1]]);
    // A renamed file counts whole: a new path can change what the file is.
    expect(changes?.files.get('agents-agent-config.yaml')).toMatchObject({ ranges: [], wholeFile: true });
    expect(next).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('diff parsing', () => {
  it('hunk headers', () => {
    expect(hunkHeadRange('@@ -3,0 +4,2 @@ jobs:')).toEqual([4, 5]);
    expect(hunkHeadRange('@@ -3 +3 @@')).toEqual([3, 3]);
    expect(hunkHeadRange('@@ -3,2 +2,0 @@')).toBeUndefined();
    expect(hunkHeadRange('@@@ -1,2 -1,2 +1,3 @@@')).toEqual([1, 3]);
  });

  it("git's quoted paths", () => {
    expect(unquoteGitPath('"b/a\\nb"')).toBe('b/a\nb');
    expect(unquoteGitPath('"b/caf\\303\\251 \\"x\\""')).toBe('b/café "x"');
    expect(unquoteGitPath('b/plain name')).toBe('b/plain name');
  });

  it('GitHub API patches', () => {
    const patch =
      '@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,2 @@\n x\n-y\n+z\n\\ No newline at end of file';
    expect(rangesFromPatch(patch)).toEqual([
      [2, 3],
      [12, 12],
    ]);
  });
});

describe('GitHub API fallback for shallow clones', () => {
  let server: Server;
  let apiUrl: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      if (req.url?.startsWith('/repos/acme/app/pulls/7/files')) {
        const page = new URL(req.url, 'http://x').searchParams.get('page');
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(
            page === '1'
              ? [
                  {
                    filename: WF,
                    status: 'modified',
                    patch: '@@ -9,0 +10,1 @@\n+      - uses: new/action@main',
                  },
                  { filename: 'iam/admin.json', status: 'removed' },
                ]
              : [],
          ),
        );
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('uses the pull request files when the base commit is missing', async () => {
    const { root } = gitRepo({ [WF]: `name: ci\n# comment\n${workflowBase}      - uses: new/action@main\n` });
    const result = await scan({
      root,
      scope: 'diff',
      base: 'e'.repeat(40),
      github: { apiUrl, owner: 'acme', repo: 'app', number: 7, token: 'ghs_test' },
    });
    expect(result.scope).toBe('diff');
    expect(result.changeSource).toBe('github-api');
    expect(only(result.findings, 'workflow/unpinned-action').map((f) => f.line)).toEqual([10]);
    expect(requests[0]).toMatch(/^GET \/repos\/acme\/app\/pulls\/7\/files\?.*page=1.* token ghs_test$/);
  });

  it('scans everything when the API fails too', async () => {
    const { root } = gitRepo({ [WF]: workflowBase });
    const result = await scan({
      root,
      scope: 'diff',
      base: 'e'.repeat(40),
      github: { apiUrl, owner: 'acme', repo: 'app', number: 404, token: 't' },
    });
    expect(result.scope).toBe('all');
    expect(result.warnings.join('\n')).toMatch(/GitHub API did not list/);
  });
});

describe('merge commit checkout (pull_request default)', () => {
  it('line numbers follow the checked-out merge commit, not the PR head', async () => {
    const { root } = gitRepo({ [WF]: workflowBase });
    git(root, 'checkout', '-q', '-b', 'feature');
    const prHead = commit(root, { [WF]: `${workflowBase}      - uses: new/action@main\n` });
    git(root, 'checkout', '-q', 'main');
    // The base branch moved on: three lines were added above.
    const baseTip = commit(root, { [WF]: `name: ci\n# a\n# b\n${workflowBase}` });
    git(root, 'merge', '-q', '--no-edit', prHead);
    const result = await scan({ root, scope: 'diff', base: baseTip });
    expect(result.scope).toBe('diff');
    const found = only(result.findings, 'workflow/unpinned-action');
    expect(found.map((f) => f.line)).toEqual([11]);
    expect(found[0]!.snippet).toBe('- uses: new/action@main');
  });
});

describe('binary files in a git change set (review rB)', () => {
  it('a binary file whose name contains " and " counts whole, so a token added to it is reported', async () => {
    const j = (...parts: string[]) => parts.join('');
    const token = j('gh', 'p_', 'R8x2bV9qLm4Tz7Yc1Nf5Kd3Hs6Jw0Pa2Ue8G');
    const bin = (extra: string) =>
      Buffer.concat([Buffer.alloc(300, 0), Buffer.from(extra), Buffer.alloc(10, 0)]);
    const { root, base } = gitRepo({ 'art/cats and dogs.bin': bin('x'), 'plain.bin': bin('y') });
    const head = commit(root, { 'art/cats and dogs.bin': bin(` ${token} `), 'plain.bin': bin(` ${token} `) });
    const changes = await computeChangeSet({ root, base, head });
    expect(changes.changes?.files.get('art/cats and dogs.bin')?.wholeFile).toBe(true);
    expect(changes.changes?.files.get('plain.bin')?.wholeFile).toBe(true);
    const result = await scan({ root, paths: ['**'], scope: 'diff', base, head });
    expect(only(result.findings, 'secret/github-token').map((f) => f.file)).toEqual([
      'art/cats and dogs.bin',
      'plain.bin',
    ]);
  });
});
