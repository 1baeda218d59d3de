/**
 * Shell metacharacters in component inputs never run: each template is rendered the way GitLab
 * interpolates `$[[ inputs.* ]]` (into the values of the loaded YAML, so a newline stays inside
 * its value), its `variables:` become the job's environment, and its script lines run under a
 * real POSIX sh (dash) with a stand-in CLI that records the argv it was given. Fast, so every
 * hostile value is tried; the gitlab-ci-local tests (credentials, quickstart) run the same
 * templates end to end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const HOSTILE = [
  'x"; touch PWNED1; echo "',
  '$(touch PWNED2)',
  '`touch PWNED3`',
  "a'b; touch PWNED4 #",
  'line\ntouch PWNED5\n',
  '${IFS}touch${IFS}PWNED6 && $CI_JOB_TOKEN',
  '*',
];

type Job = {
  variables?: Record<string, string | { value: string }>;
  before_script?: string[];
  script?: string[];
  after_script?: string[];
};

/** The template's job after GitLab-style interpolation of `inputs` (defaults filled in). */
function render(template: string, inputs: Record<string, string>): Job {
  const [specDoc, bodyDoc] = parseAllDocuments(
    readFileSync(join('gitlab/templates', `${template}.yml`), 'utf8'),
  );
  const spec = specDoc!.toJS().spec.inputs as Record<string, { default?: unknown }>;
  const values = Object.fromEntries(
    Object.entries(spec).map(([k, v]) => [k, String(inputs[k] ?? v.default ?? '')]),
  );
  const interpolate = (node: unknown): unknown => {
    if (typeof node === 'string')
      return node.replace(/\$\[\[\s*inputs\.([a-z_]+)\s*\]\]/g, (_, k: string) => values[k]!);
    if (Array.isArray(node)) return node.map(interpolate);
    if (node && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => [interpolate(k) as string, interpolate(v)]),
      );
    return node;
  };
  const body = interpolate(bodyDoc!.toJS()) as Record<string, Job>;
  return Object.values(body)[0]!;
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Runs each line under sh in a fresh folder; returns the argv lists the stand-in CLI got. */
function runLines(job: Job, lines: string[], extraEnv: Record<string, string> = {}): string[][] {
  dir = mkdtempSync(join(tmpdir(), 'astl-script-'));
  writeFileSync(join(dir, 'decoy.txt'), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    CI_JOB_TOKEN: 'job-token-secret',
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(job.variables ?? {})) env[k] = typeof v === 'string' ? v : v.value;
  const argvFile = join(dir, 'argv.jsonl');
  for (const line of lines) {
    const r = spawnSync('sh', ['-c', line], {
      cwd: dir,
      env: { ...env, ARGV_FILE: argvFile },
      encoding: 'utf8',
    });
    expect(r.status, `${line}\n${r.stderr}`).toBe(0);
  }
  expect(readdirSync(dir).filter((f) => f.startsWith('PWNED'))).toEqual([]);
  return existsSync(argvFile)
    ? readFileSync(argvFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as string[])
    : [];
}

const stub = join(mkdtempSync(join(tmpdir(), 'astl-stub-')), 'argv.mjs');
writeFileSync(
  stub,
  "import { appendFileSync, writeFileSync } from 'node:fs';\n" +
    'appendFileSync(process.env.ARGV_FILE, `${JSON.stringify(process.argv.slice(2))}\\n`);\n' +
    "if (process.argv[2] === 'gate') writeFileSync('astl-gate.env', 'ASTL_GATE_DECISION=allow\\n');\n",
);
const CLI = `node ${stub}`;

const flagValue = (argv: string[], flag: string) => argv[argv.indexOf(flag) + 1];

describe('component inputs reach the CLI as data, never as shell', () => {
  it.each(HOSTILE)('agent-credentials: purpose, config, policies %j', (bad) => {
    const job = render('agent-credentials', { purpose: bad, config: bad, policies: bad, cli: CLI });
    const [mint, revoke] = runLines(job, [job.before_script![0]!, job.after_script![0]!]);
    expect(flagValue(mint!, '--purpose')).toBe(bad);
    expect(flagValue(mint!, '--config')).toBe(bad);
    expect(flagValue(mint!, '--policies')).toBe(bad);
    expect(mint).not.toContain('--allow-insecure-http');
    expect(flagValue(revoke!, '--config')).toBe(bad);
  });

  it.each(HOSTILE)('agent-gate: policy, action, params, images %j', (bad) => {
    const job = render('agent-gate', {
      policy: bad,
      action: bad,
      params: bad,
      images: `ok:1 ${bad}`,
      environment: 'staging',
      cli: CLI,
    });
    const [gate] = runLines(job, job.script!);
    expect(flagValue(gate!, '--policy')).toBe(bad);
    expect(flagValue(gate!, '--action')).toBe(bad);
    expect(flagValue(gate!, '--params')).toBe(bad);
    // Images are split on white space only: no command, no file name from a glob.
    const images = gate!.flatMap((a, i) => (gate![i - 1] === '--image' ? [a] : []));
    expect(images).toEqual(['ok:1', ...bad.split(/\s+/).filter(Boolean)]);
    expect(images).not.toContain('decoy.txt');
  });
});
