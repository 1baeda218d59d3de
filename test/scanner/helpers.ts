import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Finding } from '../../packages/scanner/finding.js';
import { type ScanOptions, type ScanResult, scan } from '../../packages/scanner/scan.js';

const made: string[] = [];

/** A temp workspace holding `files` (path -> text or bytes). Removed by `cleanup()`. */
export function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'astl-scan-'));
  made.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function cleanup(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

export async function scanFiles(
  files: Record<string, string | Buffer>,
  options: Partial<ScanOptions> = {},
): Promise<ScanResult> {
  return scan({ root: workspace(files), ...options });
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
    },
  }).trim();
}

/** git init + one commit of `files`; returns the commit SHA. */
export function gitRepo(files: Record<string, string | Buffer>): { root: string; base: string } {
  const root = workspace(files);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  return { root, base: git(root, 'rev-parse', 'HEAD') };
}

export function commit(root: string, files: Record<string, string | Buffer>, remove: string[] = []): string {
  writeFiles(root, files);
  for (const f of remove) git(root, 'rm', '-q', f);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'change');
  return git(root, 'rev-parse', 'HEAD');
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The official SARIF 2.1.0 schema (draft-04), adapted for Ajv 8 (draft-07): `id` -> `$id`. */
export function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('../fixtures/scanner/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
