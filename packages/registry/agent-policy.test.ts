import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../core/index.js';
import {
  listPolicyFiles,
  loadAgentPolicies,
  MAX_POLICY_FILE_BYTES,
  parseAgentPolicies,
  policiesForType,
  readPolicyDocuments,
  readPolicySet,
} from './index.js';
import { caught, caughtOne, DESIGN_AGENT_POLICY, DESIGN_DEPLOY_POLICY } from './test-helpers.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'astl-pol-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const policy = (name: string, extra = '') =>
  `kind: AgentPolicy\nmetadata:\n  name: ${name}\nspec:\n  agentTypes: [coding-assistant]\n${extra}`;

describe('parseAgentPolicies', () => {
  it('reads the DESIGN example', () => {
    const [p] = parseAgentPolicies(parseYaml(DESIGN_AGENT_POLICY, 'policies/coding.yaml'));
    expect(p).toMatchObject({
      file: 'policies/coding.yaml',
      name: 'coding-assistant-policy',
      agentTypes: ['coding-assistant'],
      defaultPermissions: [{ resource: 'repositories', access: 'read' }],
      restrictions: ['secrets', 'production-access'],
      credentialPolicy: { type: 'ephemeral', maxTtlSeconds: 8 * 3600 },
      escalation: [{ action: 'merge', requires: 'human_approval' }],
      location: { file: 'policies/coding.yaml', line: 1 },
    });
    expect(p!.keyLocations['spec.restrictions[1]']).toMatchObject({ line: 11 });
    expect(p!.keyLocations['spec.credentialPolicy.maxTtl']).toMatchObject({ line: 14 });
  });

  it('ignores deploy policies and other kinds in the same stream', () => {
    const docs = parseYaml(
      `${DESIGN_DEPLOY_POLICY}---\n${DESIGN_AGENT_POLICY}---\nkind: ConfigMap\n`,
      'p.yaml',
    );
    expect(parseAgentPolicies(docs).map((p) => p.name)).toEqual(['coding-assistant-policy']);
  });

  it('suggests the closest restriction word', () => {
    const err = caughtOne(() =>
      parseAgentPolicies(parseYaml(policy('p', '  restrictions:\n    - deny: secret\n'), 'p.yaml')),
    );
    expect(err.code).toBe('POLICY_INVALID');
    expect(err.location).toMatchObject({ file: 'p.yaml', line: 7 });
    expect(err.message).toContain('"secrets", "production-access", "write-access", "long-lived-credentials"');
    expect(err.hint).toBe('did you mean "secrets"?');
    const err2 = caughtOne(() =>
      parseAgentPolicies(parseYaml(policy('p', '  restrictions:\n    - deny: write_access\n'), 'p.yaml')),
    );
    expect(err2.hint).toBe('did you mean "write-access"?');
  });

  it('suggests camelCase keys (the registry is kebab-case, AgentPolicy is not)', () => {
    const errors = caught(() =>
      parseAgentPolicies(
        parseYaml(policy('p', '  credentialPolicy:\n    max-ttl: 8h\n  agent_types: [x]\n'), 'p.yaml'),
      ),
    );
    expect(errors.map((e) => [e.location?.line, e.hint])).toEqual([
      [7, "did you mean 'maxTtl'? (keys are case-sensitive)"],
      [8, "did you mean 'agentTypes'? (keys are case-sensitive)"],
    ]);
  });

  it.each(['Agentpolicy', 'agentPolicy', 'AgentPolicies', 'Agent-Policy'])(
    'suggests AgentPolicy for kind %s',
    (kind) => {
      const err = caughtOne(() =>
        parseAgentPolicies(
          parseYaml(`apiVersion: astl.dev/v1\nkind: ${kind}\nmetadata: {name: x}\n`, 'p.yaml'),
        ),
      );
      expect(err.location).toMatchObject({ file: 'p.yaml', line: 2 });
      expect(err.hint).toContain("did you mean 'kind: AgentPolicy'?");
      expect(err.fix).toBe('kind: AgentPolicy\n');
    },
  );

  it('notices an AgentPolicy without a kind line', () => {
    const err = caughtOne(() =>
      parseAgentPolicies(parseYaml('metadata: {name: x}\nspec:\n  agentTypes: [a]\n', 'p.yaml')),
    );
    expect(err.message).toContain('no `kind:`');
  });

  it('validates types, required keys and durations', () => {
    const cases: [string, RegExp][] = [
      ['kind: AgentPolicy\nmetadata: {name: p}\nspec: {}\n', /missing required key 'agentTypes'/],
      ['kind: AgentPolicy\nspec: {agentTypes: [a]}\n', /missing required key 'metadata'/],
      [
        'kind: AgentPolicy\nmetadata: {name: p}\nspec: {agentTypes: []}\n',
        /agentTypes must NOT have fewer than 1/,
      ],
      ['kind: AgentPolicy\nmetadata: {name: p}\nspec: {agentTypes: a}\n', /agentTypes must be an array/],
      [policy('p', '  credentialPolicy: {maxTtl: 8 hours}\n'), /maxTtl is "8 hours", which is not valid/],
      [policy('p', '  credentialPolicy: {maxTtl: "0h"}\n'), /maxTtl: '0h' is not a duration/],
      [policy('p', '  credentialPolicy: {type: temporary}\n'), /expected one of "ephemeral", "long-lived"/],
      [policy('p', '  escalation:\n    - action: merge\n'), /missing required key 'requires'/],
      [policy('p', '  defaultPermissions:\n    - repositories: read\n'), /unknown key 'repositories'/],
    ];
    for (const [text, pattern] of cases) {
      const errors = caught(() => parseAgentPolicies(parseYaml(text, 'p.yaml')));
      expect(errors.map((e) => e.format()).join('\n'), text).toMatch(pattern);
      for (const e of errors) expect(e.location?.file).toBe('p.yaml');
    }
  });

  it('refuses two policies with one name, naming both places', () => {
    const docs = [...parseYaml(policy('same'), 'a.yaml'), ...parseYaml(policy('same'), 'b.yaml')];
    const err = caughtOne(() => parseAgentPolicies(docs));
    expect(err.location).toMatchObject({ file: 'b.yaml', line: 3 });
    expect(err.message).toContain('also at a.yaml:3');
  });

  it('defaults credentialPolicy.type to ephemeral when only maxTtl is given', () => {
    const [p] = parseAgentPolicies(parseYaml(policy('p', '  credentialPolicy: {maxTtl: 900}\n'), 'p.yaml'));
    expect(p!.credentialPolicy).toEqual({ type: 'ephemeral', maxTtlSeconds: 900 });
  });
});

describe('policiesForType', () => {
  it('matches listed types and "*"', () => {
    const docs = parseYaml(
      [
        policy('a'),
        'kind: AgentPolicy\nmetadata: {name: all}\nspec: {agentTypes: ["*"]}\n',
        'kind: AgentPolicy\nmetadata: {name: d}\nspec: {agentTypes: [deployer]}\n',
      ].join('---\n'),
      'p.yaml',
    );
    const policies = parseAgentPolicies(docs);
    expect(policiesForType(policies, 'coding-assistant').map((p) => p.name)).toEqual(['a', 'all']);
    expect(policiesForType(policies, 'deployer').map((p) => p.name)).toEqual(['all', 'd']);
    expect(policiesForType(policies, 'other').map((p) => p.name)).toEqual(['all']);
  });
});

describe('policy folders', () => {
  it('reads every document of every yaml file, recursively and sorted, mixed with deploy policies', () => {
    const dir = tree({
      'z-last.yml': policy('z'),
      'a/nested.yaml': `${DESIGN_DEPLOY_POLICY}---\n${policy('nested')}`,
      'deploy.yaml': DESIGN_DEPLOY_POLICY,
      'README.md': '# not a policy',
      'b.YAML': policy('upper'),
      '.hidden/ignored.yaml': 'not: [valid',
      'node_modules/x/ignored.yaml': 'not: [valid',
    });
    const files = listPolicyFiles(dir).map((f) => f.slice(dir.length + 1));
    expect(files).toEqual(['a/nested.yaml', 'b.YAML', 'deploy.yaml', 'z-last.yml']);
    const docs = readPolicyDocuments(dir);
    expect(docs).toHaveLength(5);
    expect(docs.filter((d) => 'actions' in (d.value as object))).toHaveLength(2);
    expect(loadAgentPolicies(dir).map((p) => p.name)).toEqual(['nested', 'upper', 'z']);
    expect(loadAgentPolicies(join(dir, 'z-last.yml')).map((p) => p.name)).toEqual(['z']);
  });

  it('collects errors from every broken file at once', () => {
    const dir = tree({
      'a.yaml': 'kind: AgentPolicy\nmetadata: {name: [\n',
      'b.yaml': policy('b'),
      'c.yaml': 'x: 1\nx: 2\n',
    });
    const errors = caught(() => readPolicyDocuments(dir));
    expect(errors.map((e) => [e.code, e.location?.file.slice(dir.length + 1)])).toEqual([
      ['YAML_SYNTAX', 'a.yaml'],
      ['YAML_SYNTAX', 'c.yaml'],
    ]);
  });

  it('collects schema errors across files', () => {
    const dir = tree({
      'a.yaml': policy('a', '  restrictions: [{deny: everything}]\n'),
      'b.yaml': 'kind: Agentpolicy\n',
    });
    const errors = caught(() => loadAgentPolicies(dir));
    expect(errors.map((e) => e.location?.file.slice(dir.length + 1))).toEqual(['a.yaml', 'b.yaml']);
  });

  it('skips files over 1 MiB with an error', () => {
    const dir = tree({ 'big.yaml': `# ${'x'.repeat(MAX_POLICY_FILE_BYTES)}\n`, 'ok.yaml': policy('ok') });
    const err = caughtOne(() => readPolicyDocuments(dir));
    expect(err.code).toBe('POLICY_INVALID');
    expect(err.message).toContain('limit is 1 MiB');
    expect(err.location?.file).toBe(join(dir, 'big.yaml'));
  });

  it('skips symlinks that lead outside the folder, follows those inside', () => {
    const outside = tree({ 'secret.yaml': policy('outside') });
    const dir = tree({ 'real/in.yaml': policy('inside') });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'escape.yaml'));
    symlinkSync(outside, join(dir, 'escape-dir'));
    symlinkSync(join(dir, 'real'), join(dir, 'alias'));
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'broken.yaml'));
    symlinkSync(join(dir, 'real', 'in.yaml'), join(dir, 'a-link.yaml'));
    symlinkSync(dir, join(dir, 'real', 'loop'));
    const warnings: string[] = [];
    const names = loadAgentPolicies(dir, { onWarning: (w) => warnings.push(w) }).map((p) => p.name);
    // real/in.yaml is read once, by its own path, not through alias/, a-link.yaml or loop/.
    expect(names).toEqual(['inside']);
    expect(listPolicyFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(['real/in.yaml']);
    expect(warnings.join('\n')).toMatch(/escape\.yaml: symbolic link leads outside/);
    expect(warnings.join('\n')).toMatch(/escape-dir: symbolic link leads outside/);
    expect(warnings.join('\n')).toMatch(/broken\.yaml: broken symbolic link/);
  });

  it('treats a missing folder as no policy only when asked', () => {
    expect(loadAgentPolicies('/nonexistent/policies', { missingOk: true })).toEqual([]);
    const err = caughtOne(() => loadAgentPolicies('/nonexistent/policies'));
    expect(err.code).toBe('POLICY_NOT_FOUND');
  });
});

describe('readPolicySet', () => {
  it('returns the bytes and digests behind the documents', () => {
    const dir = tree({ 'b.yaml': policy('b'), 'a.yml': DESIGN_DEPLOY_POLICY });
    const { files, docs } = readPolicySet(dir);
    expect(files.map((f) => f.path)).toEqual([join(dir, 'a.yml'), join(dir, 'b.yaml')]);
    expect(files[1]!.bytes.toString()).toBe(policy('b'));
    expect(files[1]!.sha256).toBe(createHash('sha256').update(policy('b')).digest('hex'));
    expect(docs.map((d) => d.file)).toEqual([join(dir, 'a.yml'), join(dir, 'b.yaml')]);
  });
});
