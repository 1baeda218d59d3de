import { describe, expect, it } from 'vitest';
import { AstlErrors, parseYaml } from '../core/index.js';
import {
  type AgentEntry,
  type CredentialRequest,
  checkCredentialRequest,
  durationCapsFor,
  isProductionEnvironment,
  namesProduction,
  parseAgentPolicies,
  parseRegistry,
  resolveAgent,
} from './index.js';
import { caught, caughtOne, DESIGN_REGISTRY } from './test-helpers.js';

const REG = 'agent-config.yaml';
const registry = parseRegistry(
  `agents:
  - name: reviewer
    type: coding-assistant
    owner: platform-team
    purpose: Automated code review
    permissions:
      - repository: read
    max-ttl: 1h
  - name: fixer
    type: coding-assistant
    owner: platform-team
    purpose: Fixes lint
    permissions:
      - repository: write
      - issues: comment
  - name: deployer
    type: deploy-manager
    owner: release-team
    credentials:
      aws:
        role-arn: arn:aws:iam::123456789012:role/prod/deployer
      vault:
        url: https://vault.example.com
        role: deployer
        secrets:
          - { path: secret/data/prod/db, key: password, env: DB_PASSWORD }
  - name: orphan
    type: scanner
    purpose: nobody owns me
    audit-level: minimal
  - name: keeper
    type: legacy
    owner: old-team
    purpose: keeps keys
    credential-policy: long-lived
`,
  REG,
);
const agent = (name: string) => registry.agents.find((a) => a.name === name)!;
const policies = (text: string) => parseAgentPolicies(parseYaml(text, 'policies/org.yaml'));
const request = (a: AgentEntry, extra: Partial<CredentialRequest> = {}): CredentialRequest => ({
  agent: a,
  durationSeconds: 900,
  providers: ['aws'],
  readsSecrets: false,
  ...extra,
});

describe('resolveAgent', () => {
  it('finds by name, and by type when one agent has it', () => {
    expect(resolveAgent(registry, { agent: 'reviewer' }).name).toBe('reviewer');
    expect(resolveAgent(registry, { agent: 'reviewer', agentType: 'coding-assistant' }).name).toBe(
      'reviewer',
    );
    expect(resolveAgent(registry, { agentType: 'deploy-manager' }).name).toBe('deployer');
    expect(resolveAgent(registry, { agent: ' deployer ', agentType: '' }).name).toBe('deployer');
  });

  it('suggests the closest registered name, with the entry to add', () => {
    const err = caughtOne(() => resolveAgent(registry, { agent: 'reveiwer' }));
    expect(err.code).toBe('AGENT_NOT_REGISTERED');
    expect(err.location).toMatchObject({ file: REG, line: 1 });
    expect(err.hint).toContain("did you mean 'reviewer'?");
    expect(err.fix).toContain('- name: reveiwer');
    expect(err.fix).toContain('owner: <team-or-person>');
    expect(err.fix).toContain('purpose:');
  });

  it('lists registered agents when nothing is close, and puts the given type in the fix', () => {
    const err = caughtOne(() => resolveAgent(registry, { agent: 'zzz-totally-new', agentType: 'triage' }));
    expect(err.hint).toContain('registered: reviewer, fixer, deployer, orphan, keeper');
    expect(err.fix).toContain('type: triage');
  });

  it('refuses a type that disagrees with the registry, at the type line', () => {
    const err = caughtOne(() => resolveAgent(registry, { agent: 'deployer', agentType: 'coding-assistant' }));
    expect(err.code).toBe('AGENT_TYPE_MISMATCH');
    expect(err.location).toMatchObject({ file: REG, line: 17 });
    expect(err.message).toContain("registered with type 'deploy-manager'");
    expect(err.fix).toBe('with:\n  agent: deployer\n  agent-type: deploy-manager\n');
  });

  it('lists the candidates when several agents share the type', () => {
    const err = caughtOne(() => resolveAgent(registry, { agentType: 'coding-assistant' }));
    expect(err.code).toBe('AGENT_AMBIGUOUS');
    expect(err.message).toContain('2 agents have type');
    expect(err.message).toContain('reviewer at line 2, fixer at line 9');
    expect(err.fix).toContain('agent: reviewer');
  });

  it('explains an unknown type with the closest registered type', () => {
    const err = caughtOne(() => resolveAgent(registry, { agentType: 'coding-asistant' }));
    expect(err.code).toBe('AGENT_NOT_REGISTERED');
    expect(err.hint).toContain("did you mean type 'coding-assistant'?");
    expect(err.fix).toContain('type: coding-asistant');
  });

  it('asks for an agent when neither is given', () => {
    const err = caughtOne(() => resolveAgent(registry, {}));
    expect(err.code).toBe('AGENT_REQUIRED');
    const empty = parseRegistry('agents: []\n', REG);
    expect(caughtOne(() => resolveAgent(empty, { agent: 'x' })).hint).toContain('lists no agents yet');
  });
});

describe('checkCredentialRequest: allowed requests', () => {
  it('returns the effective purpose, the tightest cap and the applied policies', () => {
    const org = policies(
      'kind: AgentPolicy\nmetadata: {name: coding}\nspec:\n  agentTypes: [coding-assistant]\n  credentialPolicy: {maxTtl: 8h}\n---\nkind: AgentPolicy\nmetadata: {name: other}\nspec: {agentTypes: [deploy-manager]}\n',
    );
    expect(checkCredentialRequest(request(agent('reviewer'), { purpose: '  PR #12 review ' }), org)).toEqual({
      purpose: 'PR #12 review',
      durationSeconds: 900,
      maxTtlSeconds: 3600,
      appliedPolicies: ['coding'],
      warnings: [],
    });
    const noCap = checkCredentialRequest(request(agent('deployer'), { purpose: 'release' }), []);
    expect(noCap).not.toHaveProperty('maxTtlSeconds');
  });

  it('uses the registry purpose when the request has none', () => {
    expect(checkCredentialRequest(request(agent('reviewer')), []).purpose).toBe('Automated code review');
  });

  it('lists the caps with where they come from', () => {
    const org = policies(
      'kind: AgentPolicy\nmetadata: {name: coding}\nspec:\n  agentTypes: ["*"]\n  credentialPolicy: {maxTtl: 30m}\n',
    );
    expect(durationCapsFor(agent('reviewer'), org)).toEqual([
      expect.objectContaining({
        seconds: 3600,
        source: 'agent',
        location: expect.objectContaining({ file: REG, line: 8 }),
      }),
      expect.objectContaining({
        seconds: 1800,
        source: 'policy',
        name: 'coding',
        description: 'maxTtl of AgentPolicy coding',
      }),
    ]);
  });
});

describe('checkCredentialRequest: refusals', () => {
  it('AGENT_NO_OWNER, at the entry, with the owner line to add', () => {
    const err = caughtOne(() => checkCredentialRequest(request(agent('orphan')), []));
    expect(err.code).toBe('AGENT_NO_OWNER');
    expect(err.location).toMatchObject({ file: REG, line: 27 });
    expect(err.fix).toBe(
      'agents:\n  - name: orphan\n    owner: <team-or-person>          # who is accountable for this agent\n',
    );
  });

  it('PURPOSE_REQUIRED when neither the request nor the registry gives one', () => {
    const err = caughtOne(() => checkCredentialRequest(request(agent('deployer'), { purpose: '   ' }), []));
    expect(err.code).toBe('PURPOSE_REQUIRED');
    expect(err.fix).toContain('purpose: "<why this job needs credentials>"');
    expect(err.location).toMatchObject({ file: REG, line: 16 });
  });

  it('LONG_LIVED_FORBIDDEN from the registry, at the credential-policy line', () => {
    const err = caughtOne(() => checkCredentialRequest(request(agent('keeper')), []));
    expect(err.code).toBe('LONG_LIVED_FORBIDDEN');
    expect(err.location).toMatchObject({ file: REG, line: 35 });
    expect(err.message).toContain('only mints ephemeral credentials');
    expect(err.fix).toContain('credential-policy: ephemeral');
  });

  it('LONG_LIVED_FORBIDDEN from an AgentPolicy, at its type line', () => {
    const org = policies(
      'kind: AgentPolicy\nmetadata: {name: lax}\nspec:\n  agentTypes: [coding-assistant]\n  credentialPolicy:\n    type: long-lived\n',
    );
    const err = caughtOne(() => checkCredentialRequest(request(agent('reviewer')), org));
    expect(err.code).toBe('LONG_LIVED_FORBIDDEN');
    expect(err.location).toMatchObject({ file: 'policies/org.yaml', line: 6 });
    expect(err.message).toContain("AgentPolicy 'lax'");
  });

  it('DURATION_OVER_CAP names the cap, where it is defined, and the allowed maximum', () => {
    const err = caughtOne(() =>
      checkCredentialRequest(request(agent('reviewer'), { durationSeconds: 7200 }), []),
    );
    expect(err.code).toBe('DURATION_OVER_CAP');
    expect(err.message).toBe(
      'requested duration 2h is over the cap: 1h (max-ttl of agent reviewer, agent-config.yaml:8)',
    );
    expect(err.location).toMatchObject({ file: REG, line: 8 });
    expect(err.hint).toBe('ask for at most 1h (3600s)');
    expect(err.fix).toBe('with:\n  duration: 1h\n');
  });

  it('DURATION_OVER_CAP from a policy maxTtl, pointing at the tightest cap', () => {
    const org = policies(
      'kind: AgentPolicy\nmetadata: {name: tight}\nspec:\n  agentTypes: [coding-assistant]\n  credentialPolicy:\n    maxTtl: 20m\n',
    );
    const err = caughtOne(() =>
      checkCredentialRequest(request(agent('reviewer'), { durationSeconds: 1800 }), org),
    );
    expect(err.message).toContain('20m (maxTtl of AgentPolicy tight, policies/org.yaml:6)');
    expect(err.location).toMatchObject({ file: 'policies/org.yaml', line: 6 });
    expect(err.fix).toBe('with:\n  duration: 20m\n');
    // Exactly at the cap is fine.
    expect(
      checkCredentialRequest(request(agent('reviewer'), { durationSeconds: 1200 }), org).maxTtlSeconds,
    ).toBe(1200);
  });

  const restricted = (word: string) =>
    policies(
      `kind: AgentPolicy\nmetadata: {name: strict}\nspec:\n  agentTypes: [coding-assistant, deploy-manager, legacy]\n  restrictions:\n    - deny: ${word}\n`,
    );

  it('RESTRICTION_VIOLATED: secrets', () => {
    const err = caughtOne(() =>
      checkCredentialRequest(
        request(agent('reviewer'), { providers: ['vault'], readsSecrets: true }),
        restricted('secrets'),
      ),
    );
    expect(err.code).toBe('RESTRICTION_VIOLATED');
    expect(err.location).toMatchObject({ file: 'policies/org.yaml', line: 6 });
    expect(err.message).toContain("AgentPolicy 'strict' (policies/org.yaml:6) denies secrets");
    expect(err.fix).toContain('secrets: []');
    expect(() => checkCredentialRequest(request(agent('reviewer')), restricted('secrets'))).not.toThrow();
  });

  it('RESTRICTION_VIOLATED: production-access by environment', () => {
    for (const env of ['production', 'Prod', 'prd', 'prod-eu', 'production-blue']) {
      const err = caughtOne(() =>
        checkCredentialRequest(
          request(agent('reviewer'), { environment: env }),
          restricted('production-access'),
        ),
      );
      expect(err.code).toBe('RESTRICTION_VIOLATED');
      expect(err.message).toContain(`environment '${env}' is production-tier`);
    }
    for (const env of ['staging', 'preprod', 'non-prod', 'products', undefined]) {
      expect(() =>
        checkCredentialRequest(
          request(agent('reviewer'), { environment: env }),
          restricted('production-access'),
        ),
      ).not.toThrow();
    }
  });

  it('RESTRICTION_VIOLATED: production-access by role ARN, Vault role and secret path', () => {
    const err = caughtOne(() =>
      checkCredentialRequest(
        request(agent('deployer'), {
          purpose: 'ship',
          providers: ['aws', 'vault'],
          readsSecrets: true,
          vaultRole: 'prod-deployer',
        }),
        restricted('production-access'),
      ),
    );
    expect(err.message).toContain(
      'AWS role arn:aws:iam::123456789012:role/prod/deployer is a production role',
    );
    expect(err.message).toContain("Vault role 'prod-deployer' is a production role");
    expect(err.message).toContain('secret path secret/data/prod/db is a production path');
    // An override to a non-production role and no secret reads pass.
    expect(() =>
      checkCredentialRequest(
        request(agent('deployer'), {
          purpose: 'ship',
          awsRoleArn: 'arn:aws:iam::123456789012:role/staging/deployer',
        }),
        restricted('production-access'),
      ),
    ).not.toThrow();
  });

  it('RESTRICTION_VIOLATED: write-access names the permission line', () => {
    const err = caughtOne(() => checkCredentialRequest(request(agent('fixer')), restricted('write-access')));
    expect(err.message).toContain("agent 'fixer' declares repository: write (agent-config.yaml:14)");
    expect(err.fix).toContain('- repository: read   # was write');
    expect(() =>
      checkCredentialRequest(request(agent('reviewer')), restricted('write-access')),
    ).not.toThrow();
  });

  it('RESTRICTION_VIOLATED: long-lived-credentials, beside LONG_LIVED_FORBIDDEN', () => {
    const errors = caught(() =>
      checkCredentialRequest(request(agent('keeper')), restricted('long-lived-credentials')),
    );
    expect(errors.map((e) => e.code)).toEqual(['LONG_LIVED_FORBIDDEN', 'RESTRICTION_VIOLATED']);
  });

  it('reports every refusal at once, first code first', () => {
    let thrown: unknown;
    try {
      checkCredentialRequest(request(agent('orphan'), { durationSeconds: 99999 }), [
        ...policies(
          'kind: AgentPolicy\nmetadata: {name: cap}\nspec:\n  agentTypes: [scanner]\n  credentialPolicy: {maxTtl: 1h}\n',
        ),
      ]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AstlErrors);
    expect((thrown as AstlErrors).code).toBe('AGENT_NO_OWNER');
    expect((thrown as AstlErrors).errors.map((e) => e.code)).toEqual(['AGENT_NO_OWNER', 'DURATION_OVER_CAP']);
  });

  it('rejects a non-positive duration', () => {
    expect(
      caughtOne(() => checkCredentialRequest(request(agent('reviewer'), { durationSeconds: 0 }), [])).code,
    ).toBe('DURATION_INVALID');
  });
});

describe('warnings', () => {
  it('audit-level other than full is a warning, not a refusal', () => {
    const reg = parseRegistry(DESIGN_REGISTRY.replace('audit-level: full', 'audit-level: minimal'), REG);
    const result = checkCredentialRequest(request(reg.agents[0]!), []);
    expect(result.warnings).toEqual([
      "agent 'code-review-assistant' has audit-level minimal (agent-config.yaml:11); audit-level full is recommended and the scanner reports anything less",
    ]);
  });
});

describe('production names', () => {
  it('isProductionEnvironment', () => {
    for (const yes of ['production', 'prod', 'prd', 'PROD', 'prod-us', 'production-eu'])
      expect(isProductionEnvironment(yes)).toBe(true);
    for (const no of ['staging', 'dev', 'preprod', 'products', 'prodx', '', undefined])
      expect(isProductionEnvironment(no)).toBe(false);
  });
  it('namesProduction looks at path segments and their words', () => {
    for (const yes of [
      'arn:aws:iam::123456789012:role/prod/deployer',
      'arn:aws:iam::123456789012:role/deployer-prod',
      'arn:aws:iam::123456789012:role/production_admin',
      'secret/data/prod/db',
      'prod',
    ])
      expect(namesProduction(yes), yes).toBe(true);
    for (const no of [
      'arn:aws:iam::123456789012:role/non-prod/deployer',
      'arn:aws:iam::123456789012:role/pre-prod-deployer',
      'arn:aws:iam::123456789012:role/products',
      'secret/data/ci/review',
      undefined,
    ])
      expect(namesProduction(no), no).toBe(false);
  });
});
