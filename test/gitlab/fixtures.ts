/** Fixtures and helpers shared by the GitLab component tests. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { type ComponentProject, HOST, PROJECT, repoRoot, runPipeline } from './gcl.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const component = (name: string, sha: string) => `${HOST}/${PROJECT}/${name}@${sha}`;

export const CLEAN_REGISTRY = `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Automated code review"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
`;
export const LEAKY_AGENT = `  - name: leaky-bot
    type: coding-assistant
    purpose: "Leaks"
    credential-policy: long-lived
    audit-level: minimal
`;

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

export function readCodeQuality(dir: string): CodeQualityIssue[] {
  const issues = JSON.parse(
    readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'),
  ) as CodeQualityIssue[];
  expect(Array.isArray(issues)).toBe(true);
  for (const i of issues) {
    // The fields GitLab's Code Quality widget requires.
    expect(typeof i.description).toBe('string');
    expect(typeof i.check_name).toBe('string');
    expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
    expect(typeof i.location.path).toBe('string');
    expect(Number.isInteger(i.location.lines.begin)).toBe(true);
  }
  return issues;
}

/** The merged configuration of one job, as gitlab-ci-local's `--preview` renders the pipeline. */
export async function previewJob(
  project: ComponentProject,
  job: string,
  variables: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const r = await runPipeline(project, ['--preview'], variables);
  expect(r.code, r.output).toBe(0);
  const yaml = parse(r.output.slice(Math.max(0, r.output.indexOf('---')))) as Record<string, unknown>;
  const found = yaml[job];
  expect(found, `job ${job} in the preview`).toBeTruthy();
  return found as Record<string, unknown>;
}

/**
 * The ID tokens GitLab would give `job`: for each `id_tokens` entry of the rendered job, a token
 * from the local issuer with exactly the audience the component declared, after expanding CI/CD
 * variables in it as GitLab 16.1+ does (`$VAULT_SERVER_URL`; an unset variable becomes empty).
 * gitlab-ci-local does not mint ID tokens, so this is where the component's audience defaults
 * meet the providers'.
 */
export async function idTokensFor(
  project: ComponentProject,
  job: string,
  mint: (audience: string) => Promise<string>,
  variables: Record<string, string> = {},
): Promise<Record<string, string>> {
  const rendered = (await previewJob(project, job)) as { id_tokens?: Record<string, { aud: string }> };
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(rendered.id_tokens ?? {})) {
    const aud = String(spec.aud).replace(
      /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
      (_, braced: string | undefined, bare: string | undefined) => variables[(braced ?? bare)!] ?? '',
    );
    out[name] = await mint(aud);
  }
  return out;
}

/**
 * A folder with an `aws` that answers `aws sts get-caller-identity` the way the AWS CLI does,
 * through the real STS client (AWS_ENDPOINT_URL_STS, the job's session credentials), for
 * pipelines that call the AWS CLI on a machine that has none.
 */
export function awsCliOnPath(): string {
  const bin = mkdtempSync(join(tmpdir(), 'astl-aws-'));
  const sts = join(repoRoot, 'node_modules/@aws-sdk/client-sts/dist-cjs/index.js');
  writeFileSync(
    join(bin, 'aws'),
    `#!/usr/bin/env node
const { STSClient, GetCallerIdentityCommand } = require(${JSON.stringify(sts)});
if (process.argv.slice(2).join(' ') !== 'sts get-caller-identity') {
  console.error('this test double only answers: aws sts get-caller-identity');
  process.exit(2);
}
new STSClient({})
  .send(new GetCallerIdentityCommand({}))
  .then((r) => console.log(JSON.stringify({ UserId: r.UserId, Account: r.Account, Arn: r.Arn }, null, 4)))
  .catch((e) => { console.error(String(e && e.message || e)); process.exit(254); });
`,
    { mode: 0o755 },
  );
  // CommonJS next to the script, whatever the surrounding package.json says.
  writeFileSync(join(bin, 'package.json'), '{"type":"commonjs"}\n');
  return bin;
}
