/**
 * The agent-scan job (Code Quality report, stable fingerprints, merge request diff scope, rules) and
 * the agent-gate job (allow/deny, JUnit and dotenv reports) under gitlab-ci-local.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_REGISTRY, component, LEAKY_AGENT, readCodeQuality } from './fixtures.js';
import { CLI, componentProject, gitlabCiLocalAvailable, runPipeline } from './gcl.js';

const available = gitlabCiLocalAvailable();

describe.skipIf(!available)('GitLab components under gitlab-ci-local', () => {
  describe('agent-scan', () => {
    const scanPipeline = (sha: string, failOn = 'error') => `include:
  - component: ${component('agent-scan', sha)}
    inputs:
      cli: ${CLI}
      fail_on: ${failOn}
`;

    it('on the default branch scans everything, writes a Code Quality report with stable fingerprints, and fails on errors', async () => {
      const p = componentProject({ 'agent-config.yaml': CLEAN_REGISTRY + LEAKY_AGENT });
      p.pipeline((sha) => scanPipeline(sha));
      const first = await runPipeline(p, ['agent-scan']);
      expect(first.code, first.output).toBe(1);
      expect(first.output).toContain('FAIL  agent-scan');
      const issues = readCodeQuality(p.dir);
      expect(issues.map((i) => i.check_name).sort()).toEqual([
        'agent/audit-not-full',
        'agent/long-lived-credentials',
        'agent/missing-owner',
      ]);
      expect(issues.every((i) => i.location.path === 'agent-config.yaml')).toBe(true);
      expect(JSON.parse(readFileSync(join(p.dir, 'astl-scan.sarif'), 'utf8')).version).toBe('2.1.0');

      // Lines move; fingerprints do not.
      p.commit({
        'agent-config.yaml': `# Registered agents\n# (reviewed quarterly)\n${CLEAN_REGISTRY}${LEAKY_AGENT}`,
      });
      p.pipeline((sha) => scanPipeline(sha, 'never'));
      const second = await runPipeline(p, ['agent-scan']);
      expect(second.code, second.output).toBe(0);
      const moved = readCodeQuality(p.dir);
      expect(moved.map((i) => i.fingerprint).sort()).toEqual(issues.map((i) => i.fingerprint).sort());
      expect(moved.map((i) => i.location.lines.begin).sort()).not.toEqual(
        issues.map((i) => i.location.lines.begin).sort(),
      );
    });

    it('in a merge request reports only what the merge request changed', async () => {
      const p = componentProject({
        'agent-config.yaml': CLEAN_REGISTRY.replace('audit-level: full', 'audit-level: minimal'),
      });
      const base = p.head();
      p.commit({
        'agent-config.yaml':
          CLEAN_REGISTRY.replace('audit-level: full', 'audit-level: minimal') + LEAKY_AGENT,
      });
      p.pipeline((sha) => scanPipeline(sha));
      const r = await runPipeline(p, ['agent-scan'], {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: base,
        CI_COMMIT_BRANCH: '',
      });
      expect(r.code, r.output).toBe(1);
      const issues = readCodeQuality(p.dir);
      // review-bot's minimal audit level predates the merge request: not reported.
      expect(issues.map((i) => i.location.lines.begin).every((line) => line >= 9)).toBe(true);
      expect(issues.map((i) => i.check_name)).toContain('agent/long-lived-credentials');
      expect(issues.filter((i) => i.check_name === 'agent/audit-not-full')).toHaveLength(1);
    });

    it('does not run on other branches outside merge requests', async () => {
      const p = componentProject({ 'agent-config.yaml': CLEAN_REGISTRY });
      p.pipeline((sha) => scanPipeline(sha));
      const r = await runPipeline(p, ['--list'], { CI_COMMIT_BRANCH: 'feature/x' });
      expect(r.code, r.output).toBe(0);
      expect(r.output).not.toContain('agent-scan');
    });
  });

  describe('agent-gate', () => {
    const policy = `agent: deploy-bot
actions:
  - name: deploy
    allowed_environments: ["staging"]
    max_replicas: 5
`;
    const gatePipeline = (sha: string, environment: string, replicas: string) => `include:
  - component: ${component('agent-gate', sha)}
    inputs:
      cli: ${CLI}
      agent: deploy-bot
      environment: ${environment}
      replicas: "${replicas}"
      params: '{"note": "it''s fine", "api_token": "t0p-s3cret"}'
`;

    it('passes on allow and leaves a dotenv report with only the decision and images', async () => {
      const p = componentProject({ 'policies/deploy.yaml': policy });
      p.pipeline((sha) => gatePipeline(sha, 'staging', '3'));
      const r = await runPipeline(p, ['agent-gate']);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toContain('deploy gate: allow');
      const dotenv = readFileSync(join(p.dir, 'astl-gate.env'), 'utf8');
      expect(dotenv).toMatch(
        /^ASTL_GATE_DECISION=allow\nASTL_GATE_DECISION_ID=[0-9a-f-]{36}\nASTL_GATE_POLICY_SHA256=[0-9a-f]{64}\nASTL_GATE_IMAGES=\n$/,
      );
      const record = readFileSync(join(p.dir, 'astl-decision.json'), 'utf8');
      expect(record).not.toContain('t0p-s3cret');
      expect(JSON.parse(record).request.params.note).toBe("it's fine");
    });

    it('fails the job on deny with a JUnit report naming each rule', async () => {
      const p = componentProject({ 'policies/deploy.yaml': policy });
      p.pipeline((sha) => gatePipeline(sha, 'production', '9'));
      const r = await runPipeline(p, ['agent-gate']);
      expect(r.code, r.output).toBe(1);
      expect(r.output).toContain('FAIL  agent-gate');
      const xml = readFileSync(join(p.dir, 'astl-gate.junit.xml'), 'utf8');
      expect(xml).toContain(
        'name="policies/deploy.yaml:4 allowed_environments" time="0"><failure type="ENVIRONMENT_NOT_ALLOWED"',
      );
      expect(xml).toContain(
        'name="policies/deploy.yaml:5 max_replicas" time="0"><failure type="REPLICAS_OVER_LIMIT"',
      );
      expect(readFileSync(join(p.dir, 'astl-gate.env'), 'utf8')).toContain('ASTL_GATE_DECISION=deny\n');
    });
  });
});
