/** The pre-commit hook definition: valid, pointing at the package's `astl` bin, and working. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli, tempDir } from './run-cli.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  files: string;
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'astl-scan')!;

  it('defines astl-scan as a node hook running the package bin on the staged content', () => {
    expect(hook).toMatchObject({ language: 'node', pass_filenames: false, entry: 'astl scan --staged' });
    expect(pkg.bin.astl).toBe('dist/cli/index.js');
    const mode = spawnSync('git', ['ls-files', '-s', 'dist/cli/index.js'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).stdout;
    expect(mode.startsWith('100755')).toBe(true);
  });

  it('runs only when a file the scanner reads is staged', () => {
    // pre-commit uses Python's re.search; these patterns behave the same in JavaScript.
    const files = new RegExp(hook.files);
    for (const path of [
      'agent-config.yaml',
      'ci/review-agent.yml',
      'policies/deploy.yaml',
      '.github/workflows/ci.yml',
      '.gitlab-ci.yml',
      'iam/role.json',
    ]) {
      expect(files.test(path), path).toBe(true);
    }
    for (const path of ['README.md', 'src/index.ts', 'docs/policies.md.txt']) {
      expect(files.test(path), path).toBe(false);
    }
  });

  it('fails the commit when the staged content has an error finding', async () => {
    const dir = tempDir('astl-hook-');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'agent-config.yaml'), 'agents:\n  - name: bot\n    type: t\n    purpose: p\n');
    git('add', 'agent-config.yaml');
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('astl');
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('agent/missing-owner');
  });
});
