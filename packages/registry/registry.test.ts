import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstlError, AstlErrors } from '../core/index.js';
import { loadRegistry, parseRegistry } from './index.js';
import { caught, caughtOne, DESIGN_REGISTRY } from './test-helpers.js';

const FILE = 'agent-config.yaml';

describe('parseRegistry: valid files', () => {
  it('reads the DESIGN example with every key', () => {
    const reg = parseRegistry(DESIGN_REGISTRY, FILE);
    expect(reg.file).toBe(FILE);
    expect(reg.agents).toHaveLength(1);
    const a = reg.agents[0]!;
    expect(a).toMatchObject({
      name: 'code-review-assistant',
      type: 'coding-assistant',
      owner: 'platform-team',
      purpose: 'Automated code review and suggestions',
      permissions: [
        { resource: 'repository', access: 'read' },
        { resource: 'pull-requests', access: 'comment' },
      ],
      credentialPolicy: 'ephemeral',
      maxTtlSeconds: 3600,
      auditLevel: 'full',
      credentials: {
        aws: {
          roleArn: 'arn:aws:iam::111122223333:role/review-bot',
          region: 'us-east-1',
          sessionPolicyPath: 'policies/iam/review-bot-scope.json',
        },
        vault: {
          url: 'https://vault.example.com:8200',
          role: 'review-bot',
          authPath: 'jwt',
          audience: 'vault',
          secrets: [{ path: 'secret/data/ci/review', key: 'token', env: 'REVIEW_TOKEN' }],
        },
      },
      location: { file: FILE, line: 2 },
      index: 0,
    });
    // An empty namespace means "none".
    expect(a.credentials.vault).not.toHaveProperty('namespace');
    expect(a.keyLocations['max-ttl']).toMatchObject({ file: FILE, line: 10 });
    expect(a.keyLocations['credentials.aws.role-arn']).toMatchObject({ line: 14 });
    expect(a.keyLocations['permissions[1]']).toMatchObject({ line: 8 });
    expect(a.keyLocations['credentials.vault.secrets[0]']).toMatchObject({ line: 24 });
  });

  it('applies defaults: ephemeral, full audit, jwt auth path, no permissions', () => {
    const reg = parseRegistry(
      `agents:
  - name: bot-1
    type: deployer
    credentials:
      vault: { url: "http://127.0.0.1:8200", role: ci }
`,
      FILE,
    );
    const a = reg.agents[0]!;
    expect(a.credentialPolicy).toBe('ephemeral');
    expect(a.auditLevel).toBe('full');
    expect(a.permissions).toEqual([]);
    expect(a.credentials.vault).toEqual({
      url: 'http://127.0.0.1:8200',
      role: 'ci',
      authPath: 'jwt',
      secrets: [],
    });
    expect(a.owner).toBeUndefined();
    expect(a.maxTtlSeconds).toBeUndefined();
  });

  it('accepts integer seconds and compound durations for max-ttl', () => {
    const reg = parseRegistry(
      'agents:\n  - { name: a, type: t, max-ttl: 900 }\n  - { name: b, type: t, max-ttl: "1h30m" }\n',
      FILE,
    );
    expect(reg.agents.map((a) => a.maxTtlSeconds)).toEqual([900, 5400]);
  });

  it('treats a blank or null owner and purpose as absent (the check refuses, not the schema)', () => {
    const reg = parseRegistry('agents:\n  - name: a\n    type: t\n    owner:\n    purpose: "  "\n', FILE);
    expect(reg.agents[0]!.owner).toBeUndefined();
    expect(reg.agents[0]!.purpose).toBeUndefined();
    expect(reg.agents[0]!.keyLocations['owner']).toMatchObject({ line: 4 });
  });

  it('accepts an empty agent list and other partitions of ARNs', () => {
    expect(parseRegistry('agents: []\n', FILE).agents).toEqual([]);
    const reg = parseRegistry(
      'agents:\n  - name: a\n    type: t\n    credentials:\n      aws: { role-arn: "arn:aws-us-gov:iam::123456789012:role/path/to/ci-role" }\n',
      FILE,
    );
    expect(reg.agents[0]!.credentials.aws?.roleArn).toContain('aws-us-gov');
  });
});

describe('parseRegistry: errors name file:line and how to fix', () => {
  it.each([
    ['maxTTL', 'max-ttl'],
    ['credentialPolicy', 'credential-policy'],
    ['max_ttl', 'max-ttl'],
    ['audit_level', 'audit-level'],
    ['ownr', 'owner'],
  ])('unknown key %s suggests %s', (written, expected) => {
    const err = caughtOne(() =>
      parseRegistry(`agents:\n  - name: a\n    type: t\n    ${written}: x\n`, FILE),
    );
    expect(err.code).toBe('REGISTRY_INVALID');
    expect(err.location).toMatchObject({ file: FILE, line: 4 });
    expect(err.message).toContain(`unknown key '${written}'`);
    expect(err.hint).toContain(`did you mean '${expected}'`);
    expect(err.format()).toMatch(new RegExp(`^${FILE}:4:5: unknown key`));
  });

  it('suggests kebab-case inside credentials too', () => {
    const errors = caught(() =>
      parseRegistry(
        'agents:\n  - name: a\n    type: t\n    credentials:\n      aws:\n        roleArn: arn:aws:iam::123456789012:role/x\n',
        FILE,
      ),
    );
    // role-arn is missing and roleArn is unknown: both are said, the second with the fix.
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining("missing required key 'role-arn'"),
      expect.stringContaining("unknown key 'roleArn'"),
    ]);
    expect(errors[1]!.hint).toContain("did you mean 'role-arn'");
    expect(errors[1]!.location?.line).toBe(6);
    expect(caught(() => parseRegistry('', FILE))[0]!.message).toContain('empty');
  });

  it('collects every error of the file into one AstlErrors, sorted by line', () => {
    const text = `agents:
  - name: Bad_Name
    type: t
    maxTTL: 1h
  - name: b
    type: 3
    permissions: [read]
    credential-policy: forever
    audit-level: Full
  - name: b
    type: t
    max-ttl: 1 hour
`;
    let thrown: unknown;
    try {
      parseRegistry(text, FILE);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AstlErrors);
    const errors = (thrown as AstlErrors).errors;
    const lines = errors.map((e) => e.location?.line);
    expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)));
    const byLine = (n: number) => errors.filter((e) => e.location?.line === n);
    expect(byLine(2)[0]!.message).toContain('"Bad_Name", which is not valid');
    expect(byLine(2)[0]!.hint).toContain('code-review-assistant');
    expect(byLine(4)[0]!.hint).toContain("'max-ttl'");
    expect(byLine(6)[0]!.message).toMatch(/agents\[1\]\.type must be a string, got number 3/);
    expect(byLine(7)[0]!.message).toMatch(/permissions\[0\] must be an object, got string "read"/);
    expect(byLine(8)[0]!.message).toContain('expected one of "ephemeral", "long-lived"');
    expect(byLine(9)[0]!.hint).toBe('did you mean "full"?');
    expect(byLine(10)[0]!.message).toContain(
      "agent name 'b' is registered twice (first at line 5, again at line 10)",
    );
    expect(byLine(12)[0]!.message).toContain('max-ttl is "1 hour", which is not valid');
    expect((thrown as AstlErrors).format().split('\n')[0]).toMatch(/^agent-config\.yaml:2:\d+: /);
  });

  it('reports duplicate names with both lines', () => {
    const err = caughtOne(() =>
      parseRegistry(
        'agents:\n  - name: a\n    type: t\n  - name: c\n    type: t\n  - name: a\n    type: u\n',
        FILE,
      ),
    );
    expect(err.location?.line).toBe(6);
    expect(err.message).toContain('first at line 2, again at line 6');
  });

  it.each([
    ['arn:aws:iam::1234:role/x', 'short account'],
    ['arn:aws:iam::123456789012:user/x', 'a user, not a role'],
    ['arn:aws:s3:::bucket', 'not IAM'],
    ['review-bot', 'a bare name'],
    ['arn:aws:iam::123456789012:role/', 'no role name'],
  ])('rejects the role ARN %s (%s) with an example', (arn) => {
    const err = caughtOne(() =>
      parseRegistry(
        `agents:\n  - name: a\n    type: t\n    credentials:\n      aws:\n        role-arn: "${arn}"\n`,
        FILE,
      ),
    );
    expect(err.location?.line).toBe(6);
    expect(err.message).toContain('role-arn');
    expect(err.message).toContain('IAM role ARN');
    expect(err.hint).toContain('arn:aws:iam::111122223333:role/review-bot');
  });

  it('rejects wrong types and shapes', () => {
    const cases: [string, RegExp][] = [
      ['agents: {}\n', /agents must be an array, got a mapping/],
      ['- name: a\n', /the document must be an object, got a list/],
      ['agents:\n  - name: a\n', /missing required key 'type'/],
      [
        'agents:\n  - name: a\n    type: t\n    permissions:\n      - { repository: read, issues: write }\n',
        /more than 1/,
      ],
      ['agents:\n  - name: a\n    type: t\n    permissions:\n      - repository: 3\n', /must be a string/],
      ['agents:\n  - name: a\n    type: t\n    max-ttl: 0\n', /max-ttl must be >= 1/],
      [
        'agents:\n  - name: a\n    type: t\n    max-ttl: [1h]\n',
        /max-ttl must be an integer, got a list \(a duration/,
      ],
      ['agents:\n  - name: a\n    type: t\n    max-ttl: 1.5\n', /max-ttl must be an integer/],
      ['agents:\n  - name: a\n    type: t\n    max-ttl: "0m"\n', /not a duration/],
      [
        'agents:\n  - name: a\n    type: t\n    credentials:\n      vault: { url: vault.example.com, role: r }\n',
        /url is "vault.example.com"/,
      ],
      [
        'agents:\n  - name: a\n    type: t\n    credentials:\n      vault: { url: "https://v", role: r, secrets: [{ path: p, key: k, env: "1BAD" }] }\n',
        /env is "1BAD"/,
      ],
      ['agents:\n  - name: a\n    type: t\n    credentials:\n      gcp: {}\n', /unknown key 'gcp'/],
      ['agents:\n  - name: a\n    type: t\n    owner: [x]\n', /owner must be a string, got a list/],
    ];
    for (const [text, pattern] of cases) {
      const errors = caught(() => parseRegistry(text, FILE));
      expect(errors.map((e) => e.message).join('\n'), text).toMatch(pattern);
      for (const e of errors) expect(e.location?.file).toBe(FILE);
    }
  });

  it('turns YAML syntax errors into a located error', () => {
    const err = caughtOne(() => parseRegistry('agents:\n  - name: a\n    type: [t\n  - name: b\n', FILE));
    expect(err.code).toBe('YAML_SYNTAX');
    expect(err.location?.file).toBe(FILE);
    expect(err.location?.line).toBeGreaterThan(1);
    const dup = caughtOne(() => parseRegistry('agents:\n  - name: a\n    name: b\n    type: t\n', FILE));
    expect(dup.code).toBe('YAML_SYNTAX');
    expect(dup.location?.line).toBe(3);
  });

  it('refuses a registry split into several documents', () => {
    const err = caughtOne(() => parseRegistry('agents: []\n---\nagents: []\n', FILE));
    expect(err.message).toContain('single YAML document');
    expect(err.location?.line).toBe(3);
  });
});

describe('loadRegistry', () => {
  it('reads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'astl-reg-'));
    const path = join(dir, 'agent-config.yaml');
    writeFileSync(path, DESIGN_REGISTRY);
    expect(loadRegistry(path).agents[0]!.location.file).toBe(path);
  });

  it('explains a missing file with a minimal registry', () => {
    const err = caughtOne(() => loadRegistry('/nonexistent/agent-config.yaml'));
    expect(err).toBeInstanceOf(AstlError);
    expect(err.code).toBe('REGISTRY_NOT_FOUND');
    expect(err.fix).toContain('agents:\n  - name: my-agent');
    expect(err.fix).toContain('owner:');
    // The hint snippet itself is a valid registry.
    expect(parseRegistry(err.fix!, 'fix.yaml').agents).toHaveLength(1);
  });

  it('says so when the path is a folder', () => {
    const err = caughtOne(() => loadRegistry(tmpdir()));
    expect(err.code).toBe('REGISTRY_NOT_FOUND');
    expect(err.message).toContain('is a folder');
  });
});
