/**
 * The files in examples/ are what users copy, so they must stay valid: the registry and policies
 * load and agree with each other, every file validates against the published JSON Schemas, and
 * a scan of them reports only the documented findings.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDuration } from '../../packages/core/index.js';
import { loadPolicies } from '../../packages/gate/policy.js';
import {
  checkCredentialRequest,
  loadAgentPolicies,
  loadRegistry,
  policiesForType,
} from '../../packages/registry/index.js';
import { scan } from '../../packages/scanner/index.js';
import { repoRoot } from '../support/runner.js';

const examples = join(repoRoot, 'examples');
const schema = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', name), 'utf8'));

describe('examples/', () => {
  it('registry: the three agents load, and each may get its default credentials under the example policies', () => {
    const registry = loadRegistry(join(examples, 'agent-config.yaml'));
    expect(registry.agents.map((a) => a.name)).toEqual([
      'code-review-assistant',
      'test-automation-bot',
      'deploy-manager',
    ]);
    const policies = loadAgentPolicies(join(examples, 'policies'));
    for (const agent of registry.agents) {
      const providers = (['aws', 'vault'] as const).filter((p) => agent.credentials[p]);
      const decision = checkCredentialRequest(
        {
          agent,
          durationSeconds: parseDuration('15m'),
          providers: [...providers],
          readsSecrets: (agent.credentials.vault?.secrets.length ?? 0) > 0,
        },
        policiesForType(policies, agent.type),
      );
      expect(decision.appliedPolicies.length).toBeGreaterThan(0);
    }
  });

  it('policies: AgentPolicies and deploy policies load together from one folder', () => {
    const loaded = loadPolicies(join(examples, 'policies'));
    expect(loaded.deploy.length).toBe(2);
    expect(loaded.agent.length).toBe(3);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('every YAML example validates against its JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const registry = ajv.compile(schema('agent-config.schema.json'));
    const agentPolicy = ajv.compile(schema('agent-policy.schema.json'));
    const deployPolicy = ajv.compile(schema('deploy-policy.schema.json'));
    expect(
      registry(parse(readFileSync(join(examples, 'agent-config.yaml'), 'utf8'))),
      JSON.stringify(registry.errors),
    ).toBe(true);
    const dir = join(examples, 'policies');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const doc = parse(readFileSync(join(dir, file), 'utf8'));
      const validate = doc.kind === 'AgentPolicy' ? agentPolicy : deployPolicy;
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('a scan reports only the documented findings: the astl actions left at @v1 for you to pin', async () => {
    // Lay the examples out as a repository would have them.
    const repo = mkdtempSync(join(tmpdir(), 'astl-examples-'));
    mkdirSync(join(repo, '.github'));
    cpSync(join(examples, 'github/workflows'), join(repo, '.github/workflows'), { recursive: true });
    cpSync(join(examples, 'agent-config.yaml'), join(repo, 'agent-config.yaml'));
    cpSync(join(examples, 'policies'), join(repo, 'policies'), { recursive: true });
    cpSync(join(examples, 'gitlab/.gitlab-ci.yml'), join(repo, '.gitlab-ci.yml'));
    const result = await scan({ root: repo, paths: ['**'] });
    const findings = result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(findings.sort()).toEqual(
      [
        'workflow/unpinned-action .github/workflows/agent-deploy.yml:26',
        'workflow/unpinned-action .github/workflows/agent-deploy.yml:31',
        'workflow/unpinned-action .github/workflows/agent-pr-scan.yml:18',
        'workflow/unpinned-action .github/workflows/claude-review.yml:21',
        'workflow/unpinned-action .github/workflows/code-review-agent.yml:17',
      ].sort(),
    );
    for (const f of result.findings) expect(f.message).toContain('astl/agent-credentials');
    // The AI agent in the examples runs under its registered name, within what it declares.
    expect(result.agents?.discovered.map((a) => [a.agent.id, a.file, a.job, a.binding.agent])).toEqual([
      ['claude-code-action', '.github/workflows/claude-review.yml', 'review', 'code-review-assistant'],
    ]);
    expect(result.agents?.registered.map((r) => r.name)).toEqual([
      'code-review-assistant',
      'test-automation-bot',
      'deploy-manager',
    ]);
  });
});
