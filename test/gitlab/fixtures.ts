/** Fixtures and helpers shared by the GitLab component tests. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { HOST, PROJECT } from './gcl.js';

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
