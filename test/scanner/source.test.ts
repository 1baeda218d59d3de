/** File selection and reading (packages/scanner/source.ts): literal names, windows over large files. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryMarkdown, textReport } from '../../packages/scanner/report/index.js';
import { scan } from '../../packages/scanner/scan.js';
import { detectSecrets } from '../../packages/scanner/secrets/index.js';
import { readWindows, selectFiles, type TextWindow } from '../../packages/scanner/source.js';

const j = (...parts: string[]): string => parts.join('');
const TOKEN = j('gh', 'p_', 'R8x2bV9qLm4Tz7Yc1Nf5Kd3Hs6Jw0Pa2Ue8G');

function tree(entries: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'astl-source-'));
  for (const [name, text] of Object.entries(entries)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('selectFiles: named files, literally', () => {
  it('matches names exactly, walks folders, refuses names outside the root, reports missing ones', () => {
    const root = tree({
      '[id].ts': 'a',
      'id.ts': 'b',
      'x/y (2).yml': 'c',
      'x/z.md': 'd',
      'node_modules/m/i.js': 'e',
      '.git/config': 'f',
    });
    const r = selectFiles(
      root,
      [
        '[id].ts',
        './x',
        'x\\y (2).yml',
        '../etc/passwd',
        '/etc/passwd',
        'gone.txt',
        'node_modules/m/i.js',
        '.',
      ],
      ['**/.git/**', '**/node_modules/**'],
    );
    expect(r.files).toEqual(['[id].ts', 'id.ts', 'x/y (2).yml', 'x/z.md']);
    expect(r.skipped).toEqual([
      { file: '../etc/passwd', reason: 'outside the workspace; not scanned' },
      { file: '/etc/passwd', reason: 'outside the workspace; not scanned' },
      { file: 'gone.txt', reason: 'does not exist' },
      {
        file: 'node_modules/m/i.js',
        reason: 'excluded (matches **/.git/**, **/node_modules/**); not scanned',
      },
    ]);
  });

  it('costs one lookup per name: 5,000 names with glob characters finish like a walk', async () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) entries[`d${i % 50}/[f${i}]*.txt`] = 'x';
    const root = tree(entries);
    const names = Object.keys(entries);
    const r = selectFiles(root, names, []);
    expect(r.files).toHaveLength(5000);
    const result = await scan({ root, files: names });
    expect(result.stats.filesScanned).toBe(5000);
  });
});

describe('readWindows: bounded windows over a large file', () => {
  function windows(text: string, bytes: number, overlap: number): TextWindow[] {
    const root = tree({ 'f.txt': text });
    const out: TextWindow[] = [];
    expect(readWindows(root, 'f.txt', (w) => out.push(w), bytes, overlap)).toBeUndefined();
    return out;
  }

  it('every position belongs to exactly one window; windows know their line and column', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}`).join('\n');
    const ws = windows(text, 200, 64);
    expect(ws.length).toBeGreaterThan(10);
    let covered = '';
    for (const w of ws) covered += w.text.slice(w.from, w.to);
    expect(covered).toBe(text);
    for (const w of ws) {
      const before = text.slice(0, text.indexOf(w.text));
      expect(w.line).toBe(before.split('\n').length);
      expect(w.column).toBe(before.length - before.lastIndexOf('\n'));
    }
  });

  it('finds a secret once wherever it falls, across window boundaries, with file coordinates', async () => {
    for (let shift = 0; shift < 120; shift += 7) {
      const text = `${'a b c\n'.repeat(40)}${'x'.repeat(shift)} token=${TOKEN} y\n${'d e f\n'.repeat(40)}`;
      const root = tree({ 'big.txt': text });
      const result = await scan({ root, files: ['big.txt'], maxFileBytes: 100 });
      const expected = detectSecrets(text, 'big.txt');
      expect(result.findings.map((f) => [f.line, f.column, f.fingerprint])).toEqual(
        expected.map((f) => [f.line, f.column, f.fingerprint]),
      );
    }
  });

  it('honours astl:ignore comments in a streamed file, and reports a binary one as skipped', async () => {
    const root = tree({
      'big.env': `${'# filler\n'.repeat(300)}# astl:ignore secret/github-token test fixture\nTOKEN=${TOKEN}\n`,
      'blob.bin': `\0\0\0${'z\0\0'.repeat(200)}`,
    });
    const result = await scan({ root, files: ['big.env', 'blob.bin'], maxFileBytes: 1000 });
    expect(result.findings).toEqual([]);
    expect(result.stats.suppressed).toBe(1);
    expect(result.skipped.map((s) => [s.file, s.reason])).toEqual([
      ['big.env', expect.stringContaining('only the secret rules ran')],
      ['blob.bin', 'binary file; only the secret token rules ran on it'],
    ]);
  });
});

describe('skipped files are listed (issue 9 kind 4)', () => {
  it('a binary file appears with its reason in the job summary and the text report', async () => {
    const root = tree({ 'assets/logo.png': `\x89PNG\0\0token: ${TOKEN}`, 'a.env': 'A=1\n' });
    const result = await scan({ root, paths: ['**'] });
    expect(result.skipped).toEqual([
      { file: 'assets/logo.png', reason: 'binary file; only the secret token rules ran on it' },
    ]);
    expect(result.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['assets/logo.png', 'secret/github-token'],
    ]);
    const md = summaryMarkdown(result);
    expect(md).toContain('Skipped files (1)');
    expect(md).toContain('logo.png');
    expect(md).toContain('binary file; only the secret token rules ran on it');
    expect(textReport(result)).toContain(
      'skipped: assets/logo.png: binary file; only the secret token rules ran on it',
    );
  });
});
