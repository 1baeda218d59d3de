/**
 * The GitLab components' spec inputs (interpolation, options, regex, required) and the bundle as
 * its own component project (self-test pipeline, release on tags), under gitlab-ci-local.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLEAN_REGISTRY, component } from './fixtures.js';
import { astlOnPath, CLI, componentProject, gitlabCiLocalAvailable, runPipeline } from './gcl.js';

const available = gitlabCiLocalAvailable();

describe.skipIf(!available)('GitLab components under gitlab-ci-local', () => {
  describe('spec inputs', () => {
    it('renders every component with its inputs interpolated', async () => {
      const p = componentProject({ 'agent-config.yaml': CLEAN_REGISTRY });
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: deploy-bot
      purpose: "Deploy \\"quoted\\" $HOME"
      vault_audience: https://vault.example.com
      cli: ${CLI}
  - component: ${component('agent-gate', sha)}
    inputs:
      environment: production
      images: ghcr.io/acme/app:1.4.2
      mode: shadow
  - component: ${component('agent-scan', sha)}
    inputs:
      fail_on: warning
deploy:
  extends: .astl-agent-credentials
  script: [echo deploy]
`,
      );
      const r = await runPipeline(p, ['--preview']);
      expect(r.code, r.output).toBe(0);
      const yaml = parse(r.output.slice(Math.max(0, r.output.indexOf('---')))) as Record<
        string,
        Record<string, unknown>
      >;
      const deploy = yaml.deploy as {
        id_tokens: Record<string, { aud: string }>;
        variables: Record<string, unknown>;
        before_script: string[];
        after_script: string[];
        image: string;
      };
      expect(deploy.id_tokens).toEqual({
        AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' },
        VAULT_ID_TOKEN: { aud: 'https://vault.example.com' },
      });
      expect(deploy.variables.ASTL_AGENT).toBe('deploy-bot');
      expect(deploy.image).toEqual({
        name: 'registry.gitlab.com/astl/agent-credentials/cli:1.0.0',
        entrypoint: [''],
      });
      expect(deploy.before_script.join('\n')).toContain(`${CLI} credentials`);
      expect(deploy.after_script.join('\n')).toContain(`${CLI} revoke --state`);
      const gate = yaml['agent-gate'] as {
        variables: Record<string, unknown>;
        artifacts: { reports: object };
      };
      expect(gate.variables.ASTL_GATE_ENVIRONMENT).toBe('production');
      expect(gate.variables.ASTL_GATE_MODE).toBe('shadow');
      expect(gate.artifacts.reports).toEqual({ junit: 'astl-gate.junit.xml', dotenv: 'astl-gate.env' });
      const scan = yaml['agent-scan'] as {
        variables: Record<string, unknown>;
        artifacts: { reports: object };
      };
      expect(scan.variables.ASTL_SCAN_FAIL_ON).toBe('warning');
      expect(scan.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json' });
    });

    it("rejects a value outside an input's options", async () => {
      const p = componentProject();
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-gate', sha)}
    inputs:
      environment: staging
      mode: enforcing
`,
      );
      const r = await runPipeline(p, ['--preview']);
      expect(r.code).not.toBe(0);
      expect(r.output).toContain(
        '`mode` input: `enforcing` cannot be used because it is not in the list of allowed options',
      );
    });

    it("rejects a value that does not match an input's regex, and a missing required input", async () => {
      const p = componentProject();
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: Deploy Bot
`,
      );
      const bad = await runPipeline(p, ['--preview']);
      expect(bad.code).not.toBe(0);
      expect(bad.output).toMatch(/`agent` input.*does not match required regex/);
      p.pipeline((sha) => `include:\n  - component: ${component('agent-gate', sha)}\n`);
      const missing = await runPipeline(p, ['--preview']);
      expect(missing.code).not.toBe(0);
      expect(missing.output).toContain('`environment` input: required value has not been provided');
    });
  });

  describe('the bundle as its own component project', () => {
    it('runs its self-test pipeline: its components included at the commit under test', async () => {
      const p = componentProject({}, true);
      const path = `${astlOnPath()}:${process.env.PATH}`;
      const r = await runPipeline(p, [], {}, { PATH: path });
      expect(r.code, r.output).toBe(0);
      for (const job of ['self-test-scan', 'self-test-gate', 'self-test-gate-denies']) {
        expect(r.output).toMatch(new RegExp(`PASS +${job}`));
      }
      // Optional and tag-only jobs stay out of an ordinary branch pipeline.
      expect(r.output).not.toMatch(/(PASS|FAIL) +(release|self-test-credentials)/);
      expect(readFileSync(join(p.dir, 'astl-gate.env'), 'utf8')).toContain('ASTL_GATE_DECISION=allow');
    });

    it('a version tag adds the release job', async () => {
      const p = componentProject({}, true);
      const r = await runPipeline(p, ['--list'], { CI_COMMIT_TAG: '1.2.0' });
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/\brelease\b/);
    });
  });
});
