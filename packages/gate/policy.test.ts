import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstlErrors } from '../core/index.js';
import { loadPolicies } from './policy.js';
import { DIGEST_A, policyDir } from './test-helpers.js';

function errorsOf(files: Record<string, string>): string[] {
  try {
    loadPolicies(policyDir(files));
  } catch (err) {
    if (err instanceof AstlErrors) return err.errors.map((e) => e.format().replace(/^\/\S*\//, ''));
    throw err;
  }
  throw new Error('expected the policy to be refused');
}

const header = 'agent: deploy-manager\nactions:\n  - name: deploy\n';

describe('loadPolicies', () => {
  it('loads the DESIGN.md example', () => {
    const dir = policyDir({
      'deploy.yaml': `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: ["staging", "production"]
    approval_needed: env == "production"
    allowed_images:
      - digest: "${DIGEST_A}"
      - repository: ghcr.io/acme/app
    max_replicas: 50
    max_per_day: 20
    allowed_hosts: ["*.acme.internal"]
    deny_when: params.amount > 1000
`,
    });
    const p = loadPolicies(dir);
    expect(p.deploy).toHaveLength(1);
    const rule = p.deploy[0]!.actions[0]!;
    expect(rule.allowedEnvironments).toEqual(['staging', 'production']);
    expect(rule.allowedImages).toEqual([
      { digest: DIGEST_A, at: expect.stringMatching(/deploy\.yaml:7$/) },
      { repository: 'ghcr.io/acme/app', at: expect.stringMatching(/deploy\.yaml:8$/) },
    ]);
    expect(rule.keyAt.deny_when).toMatch(/deploy\.yaml:12$/);
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports an unknown key with file:line and the closest known key', () => {
    const [e] = errorsOf({ 'p.yaml': `${header}    max_replica: 3\n` });
    expect(e).toContain('p.yaml:4:5');
    expect(e).toContain("unknown key 'max_replica'");
    expect(e).toContain("did you mean 'max_replicas'");
  });

  it('reports wrong types and a missing actions list', () => {
    expect(errorsOf({ 'p.yaml': `${header}    max_replicas: many\n` })[0]).toMatch(
      /p\.yaml:4.*must be an integer/,
    );
    expect(errorsOf({ 'p.yaml': 'agent: deploy-manager\n' })[0]).toContain("missing required key 'actions'");
  });

  it('reports duplicate action names at both lines', () => {
    const [e] = errorsOf({ 'p.yaml': `${header}  - name: rollback\n  - name: deploy\n` });
    expect(e).toContain('p.yaml:5');
    expect(e).toContain('lines 3 and 5');
  });

  it('reports CEL that does not parse, at its line', () => {
    const [e] = errorsOf({
      'p.yaml': `${header}    allowed_environments: [prod]\n    deny_when: params.amount >\n`,
    });
    expect(e).toMatch(/p\.yaml:5:\d+: deny_when:/);
  });

  it('reports CEL that is not boolean, and unknown variables', () => {
    expect(errorsOf({ 'p.yaml': `${header}    deny_when: "1 + 2"\n` })[0]).toContain('not a boolean');
    expect(errorsOf({ 'p.yaml': `${header}    approval_needed: environment == "prod"\n` })[0]).toMatch(
      /approval_needed:.*environment/,
    );
  });

  it('reports bad digests', () => {
    const [e] = errorsOf({ 'p.yaml': `${header}    allowed_images:\n      - digest: sha256:ABC\n` });
    expect(e).toMatch(
      /p\.yaml:5:\d+: actions\[0\]\.allowed_images\[0\]\.digest is "sha256:ABC", which is not valid/,
    );
  });

  it('reports repositories with tags or digests, and entries with both keys', () => {
    expect(
      errorsOf({ 'p.yaml': `${header}    allowed_images:\n      - repository: ghcr.io/acme/app:1.0\n` })[0],
    ).toContain('must not carry a tag');
    expect(
      errorsOf({
        'p.yaml': `${header}    allowed_images:\n      - repository: a.io/x\n        digest: "${DIGEST_A}"\n`,
      })[0],
    ).toMatch(/p\.yaml:5/);
  });

  it('reports bad host globs', () => {
    const errors = errorsOf({
      'p.yaml': `${header}    allowed_hosts: ["https://x.com", "a..b", "**", "ok.example.com"]\n`,
    });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/p\.yaml:4:\d+: allowed_hosts\[0\]/);
  });

  it('reports every broken file at once and ignores documents of other kinds', () => {
    const errors = errorsOf({
      'a.yaml': `${header}    max_replicas: -1\n`,
      'b.yaml': `${header}    bogus: 1\n`,
      'c.yaml': 'agents:\n  - name: x\n',
    });
    expect(errors).toHaveLength(2);
  });

  it('picks deploy policies and AgentPolicies from one multi-document file', () => {
    const p = loadPolicies(
      policyDir({
        'all.yaml': `${header}---\nkind: AgentPolicy\nmetadata:\n  name: org\nspec:\n  agentTypes: ["*"]\n  restrictions:\n    - deny: production-access\n`,
      }),
    );
    expect(p.deploy).toHaveLength(1);
    expect(p.agent[0]!.restrictions).toEqual(['production-access']);
  });

  it('policy-sha256 is sha256 over sorted relative path NUL bytes, and changes with any byte', () => {
    const dir = policyDir({ 'b.yaml': header, 'a/x.yaml': header });
    const p = loadPolicies(dir);
    const h = createHash('sha256');
    for (const name of ['a/x.yaml', 'b.yaml']) h.update(`${name}\0${header}`);
    expect(p.sha256).toBe(h.digest('hex'));
    writeFileSync(join(dir, 'b.yaml'), `${header}\n`);
    expect(loadPolicies(dir).sha256).not.toBe(p.sha256);
  });

  it('loads a single file; its sha256 uses the file name', () => {
    const dir = policyDir({ 'one.yaml': header });
    const p = loadPolicies(join(dir, 'one.yaml'));
    expect(p.deploy).toHaveLength(1);
    expect(p.sha256).toBe(createHash('sha256').update(`one.yaml\0${header}`).digest('hex'));
  });

  it('a missing policy path is POLICY_NOT_FOUND', () => {
    expect(() => loadPolicies('/nonexistent/policies')).toThrow(/not found/);
  });
});
