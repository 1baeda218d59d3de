// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow fixtures hold GitHub expressions
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restrictionForbids } from '../../packages/scanner/rules/agent.js';
import { SCANNER_RULES } from '../../packages/scanner/rules.js';
import { scan } from '../../packages/scanner/scan.js';
import { parseBaseline, writeBaseline } from '../../packages/scanner/suppress.js';
import { cleanup, ids, only, scanFiles, workspace } from './helpers.js';

afterAll(cleanup);

const WF = '.github/workflows/ci.yml';

function workflow(
  body: string,
  header = 'on: push\npermissions:\n  contents: read\n',
): Record<string, string> {
  return { [WF]: `name: ci\n${header}jobs:\n${body}` };
}

describe('workflow rules', () => {
  it('write-all at workflow and job level is an error; explicit scopes are fine', async () => {
    const bad = await scanFiles({
      [WF]: 'on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n    permissions: write-all\n    steps: [{run: echo}]\n',
    });
    expect(only(bad.findings, 'workflow/write-all').map((f) => f.line)).toEqual([2, 6]);
    expect(only(bad.findings, 'workflow/write-all')[0]!.severity).toBe('error');
    const good = await scanFiles(workflow('  a:\n    runs-on: x\n    steps: [{run: echo}]\n'));
    expect(good.findings).toEqual([]);
  });

  it('missing permissions: reported unless the workflow or every job has a block', async () => {
    const none = await scanFiles(workflow('  a:\n    runs-on: x\n    steps: [{run: echo}]\n', 'on: push\n'));
    const missing = only(none.findings, 'workflow/missing-permissions');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.line).toBe(4); // the job's key, as zizmor's excessive-permissions
    expect(missing[0]!.message).toContain("'a'");
    const perJob = await scanFiles(
      workflow(
        '  a:\n    runs-on: x\n    permissions: {contents: read}\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    permissions: {}\n    steps: [{run: echo}]\n',
        'on: push\n',
      ),
    );
    expect(ids(perJob.findings)).not.toContain('workflow/missing-permissions');
    const oneMissing = await scanFiles(
      workflow(
        '  a:\n    runs-on: x\n    permissions: {contents: read}\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n',
        'on: push\n',
      ),
    );
    expect(only(oneMissing.findings, 'workflow/missing-permissions')[0]!.message).toContain("'b'");
  });

  it('id-token: write granted workflow-wide, not per job', async () => {
    const wide = await scanFiles(
      workflow(
        '  a:\n    runs-on: x\n    steps: [{run: echo}]\n',
        'on: push\npermissions:\n  contents: read\n  id-token: write\n',
      ),
    );
    expect(only(wide.findings, 'workflow/id-token-workflow-wide').map((f) => f.line)).toEqual([5]);
    const perJob = await scanFiles(
      workflow('  a:\n    runs-on: x\n    permissions:\n      id-token: write\n    steps: [{run: echo}]\n'),
    );
    expect(perJob.findings).toEqual([]);
  });

  it('unpinned actions: every remote tag or branch (first-party too, as zizmor), unpinned images; SHAs and local pass', async () => {
    const sha = 'a'.repeat(40);
    const steps = [
      'tj-actions/changed-files@v45', // 9
      `tj-actions/changed-files@${sha}`, // 10
      'actions/checkout@v4', // 11
      './local-action', // 12
      'docker://alpine:3.20', // 13
      `docker://alpine@sha256:${'b'.repeat(64)}`, // 14
      'someone/no-ref', // 15
      'github/codeql-action/upload-sarif@v3', // 16
    ];
    const body = `  a:\n    runs-on: x\n    steps:\n${steps.map((u) => `      - uses: ${u}\n`).join('')}  reuse:\n    uses: org/repo/.github/workflows/x.yml@main\n`;
    const result = await scanFiles(workflow(body));
    const lines = only(result.findings, 'workflow/unpinned-action').map((f) => f.line);
    expect(lines).toEqual([9, 11, 13, 15, 16, 18]);
    expect(only(result.findings, 'workflow/unpinned-action')[0]!.message).toContain(
      'uses: tj-actions/changed-files@<40-hex sha> # v45',
    );
    // The deprecated switch still accepts GitHub's own tags, as notes, with a warning.
    const legacy = await scanFiles(workflow(body), { allowFirstPartyTags: true });
    const legacyFound = only(legacy.findings, 'workflow/unpinned-action');
    expect(legacyFound.filter((f) => f.severity === 'error').map((f) => f.line)).toEqual([9, 13, 15, 18]);
    expect(legacyFound.filter((f) => f.severity === 'note').map((f) => f.line)).toEqual([11, 16]);
    expect(legacy.warnings.join('\n')).toContain('allow-first-party-tags is deprecated');
  });

  it('pull_request_target / workflow_run checking out the PR head', async () => {
    const checkout = (ref: string) =>
      `  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${ref}\n`;
    const target = await scanFiles(
      workflow(
        checkout('${{ github.event.pull_request.head.sha }}'),
        'on: pull_request_target\npermissions: {}\n',
      ),
    );
    expect(only(target.findings, 'workflow/untrusted-checkout').map((f) => f.line)).toEqual([10]);
    const headRef = await scanFiles(
      workflow(
        checkout('${{ github.head_ref }}'),
        'on:\n  pull_request_target:\n    types: [opened]\npermissions: {}\n',
      ),
    );
    expect(ids(headRef.findings)).toContain('workflow/untrusted-checkout');
    const run = await scanFiles(
      workflow(
        checkout('${{ github.event.workflow_run.head_sha }}'),
        'on:\n  workflow_run:\n    workflows: [ci]\npermissions: {}\n',
      ),
    );
    expect(ids(run.findings)).toContain('workflow/untrusted-checkout');
    const plainPr = await scanFiles(
      workflow(checkout('${{ github.event.pull_request.head.sha }}'), 'on: pull_request\npermissions: {}\n'),
    );
    expect(ids(plainPr.findings)).not.toContain('workflow/untrusted-checkout');
    const baseOnly = await scanFiles(
      workflow(
        '  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n',
        'on: pull_request_target\npermissions: {}\n',
      ),
    );
    expect(ids(baseOnly.findings)).not.toContain('workflow/untrusted-checkout');
  });

  it('template injection in run: and github-script, at the expression position', async () => {
    const body = [
      '  a:',
      '    runs-on: x',
      '    steps:',
      '      - run: |', // 9
      '          echo start', // 10
      '          echo "${{ github.event.issue.title }}"', // 11
      '      - run: echo "${{ github.head_ref }} ${{ github.event.pull_request.number }}"', // 12
      '      - env:',
      '          TITLE: ${{ github.event.issue.title }}', // 14: safe, not in run
      '        run: echo "$TITLE"',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      '            console.log("${{ github.event.comment.body }}")', // 19
      '      - run: echo "${{ github.event.commits[0].message }} ${{ github.event.pages.*.page_name }}"', // 20
      '',
    ].join('\n');
    const result = await scanFiles(workflow(body));
    const found = only(result.findings, 'workflow/template-injection');
    // Reported at the untrusted context inside the expression.
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [11, 21],
      [12, 24],
      [19, 30],
      [20, 24],
      [20, 63],
    ]);
    expect(found[0]!.message).toContain('env: { ISSUE_TITLE: ${{ github.event.issue.title }} }');
    expect(found[2]!.message).toContain('process.env');
  });

  it('hardcoded container and service passwords, never shown in the snippet', async () => {
    const body =
      '  a:\n    runs-on: x\n    container:\n      image: ghcr.io/acme/build\n      credentials:\n        username: bot\n        password: hunter2-literal\n    services:\n      db:\n        image: postgres\n        credentials:\n          username: u\n          password: ${{ secrets.DB_PASSWORD }}\n      cache:\n        image: redis\n        credentials:\n          username: u\n          password: plain-text\n    steps: [{run: echo}]\n';
    const result = await scanFiles(workflow(body));
    const found = only(result.findings, 'workflow/hardcoded-container-credentials');
    expect(found.map((f) => f.line)).toEqual([12, 23]);
    for (const f of found) {
      expect(f.snippet).toBeUndefined();
      expect(f.message).not.toContain('hunter2');
      expect(f.message).not.toContain('plain-text');
    }
  });
});

const POLICY = `kind: AgentPolicy
metadata:
  name: coding-assistant-policy
spec:
  agentTypes: [coding-assistant]
  restrictions:
    - deny: secrets
    - deny: write-access
  credentialPolicy:
    type: ephemeral
    maxTtl: 8h
`;

function agent(
  name: string,
  extra: string,
  permissions = ['repository: read'],
  type = 'coding-assistant',
): string {
  return `  - name: ${name}\n    type: ${type}\n${extra}    permissions:\n${permissions.map((p) => `      - ${p}\n`).join('')}`;
}
const OK =
  '    owner: team\n    purpose: "reviews"\n    credential-policy: ephemeral\n    audit-level: full\n';

describe('agent rules', () => {
  it('missing owner and purpose span the entry; present ones pass', async () => {
    const result = await scanFiles({
      'agent-config.yaml': `agents:\n${agent('good', OK)}${agent('bare', '    audit-level: full\n')}`,
    });
    const owner = only(result.findings, 'agent/missing-owner');
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatchObject({ line: 10, endLine: 14, severity: 'error' });
    expect(owner[0]!.message).toContain("Agent 'bare' has no owner");
    expect(only(result.findings, 'agent/missing-purpose')).toHaveLength(1);
  });

  it('audit level other than full, long-lived credentials', async () => {
    const result = await scanFiles({
      'agent-config.yaml': `agents:\n${agent('a', '    owner: t\n    purpose: p\n    audit-level: minimal\n    credential-policy: long-lived\n')}${agent('b', OK)}`,
    });
    expect(only(result.findings, 'agent/audit-not-full').map((f) => f.line)).toEqual([6]);
    expect(only(result.findings, 'agent/long-lived-credentials').map((f) => f.line)).toEqual([7]);
    expect(result.findings.filter((f) => f.message.includes("'b'"))).toEqual([]);
  });

  it('max-ttl over the AgentPolicy cap; contradictions with restrictions', async () => {
    const result = await scanFiles({
      'policies/agents.yaml': POLICY,
      'agent-config.yaml': `agents:\n${agent('long', `${OK}    max-ttl: 24h\n`)}${agent('short', `${OK}    max-ttl: 1h\n`)}${agent(
        'greedy',
        OK,
        ['repository: write', 'secrets: read', 'issues: read'],
      )}`,
    });
    const ttl = only(result.findings, 'agent/ttl-over-policy');
    expect(ttl).toHaveLength(1);
    expect(ttl[0]!.message).toContain('max-ttl: 24h');
    expect(ttl[0]!.message).toContain('Set `max-ttl: 8h` or less');
    const contradictions = only(result.findings, 'agent/policy-contradiction');
    expect(contradictions.map((f) => f.message.match(/declares `([^`]+)`/)?.[1])).toEqual([
      'repository: write',
      'secrets: read',
    ]);
    expect(contradictions[1]!.message).toContain('deny: secrets');
  });

  it('no AgentPolicy for the type: no policy findings', async () => {
    const result = await scanFiles({
      'policies/agents.yaml': POLICY,
      'agent-config.yaml': `agents:\n${agent('other', `${OK}    max-ttl: 24h\n`, ['secrets: read'], 'deployer')}`,
    });
    expect(ids(result.findings)).toEqual([]);
  });

  it('restriction matching', () => {
    expect(restrictionForbids('secrets', { resource: 'secrets', access: 'read' })).toBe(true);
    expect(restrictionForbids('secrets', { resource: 'secret', access: 'read' })).toBe(true);
    expect(restrictionForbids('write-access', { resource: 'repository', access: 'comment' })).toBe(false);
    expect(restrictionForbids('write-access', { resource: 'repository', access: 'admin' })).toBe(true);
    expect(restrictionForbids('production-access', { resource: 'production', access: 'read' })).toBe(true);
    expect(restrictionForbids('production-access', { resource: 'production-deploy', access: 'read' })).toBe(
      true,
    );
    expect(restrictionForbids('production-access', { resource: 'staging', access: 'write' })).toBe(false);
  });

  it('broader than peers: a resource no peer has, or a higher level than any peer', async () => {
    const result = await scanFiles({
      'agent-config.yaml': `agents:\n${agent('a1', OK, ['repository: read'])}${agent('a2', OK, ['repository: read', 'pull-requests: comment'])}${agent(
        'data-processor',
        OK,
        ['repository: write', 'pull-requests: comment', 'secrets: read'],
      )}`,
    });
    const broader = only(result.findings, 'agent/broader-than-peers');
    expect(broader).toHaveLength(1);
    expect(broader[0]!.message).toBe(
      "Agent 'data-processor' has broader access than similar agents: it has `repository: write` (peers have at most read), `secrets: read` that none of its 2 peers of type 'coding-assistant' has. Remove what it does not need, or give it its own type if its job really differs.",
    );
  });

  it('broader than peers needs at least two peers', async () => {
    const result = await scanFiles({
      'agent-config.yaml': `agents:\n${agent('a1', OK, ['repository: read'])}${agent('a2', OK, ['repository: admin', 'secrets: read'])}`,
    });
    expect(ids(result.findings)).toEqual([]);
  });

  it('session policy: missing file is a finding; an existing one is checked as IAM even off the default paths', async () => {
    const aws = (path: string) =>
      `    credentials:\n      aws:\n        role-arn: arn:aws:iam::111122223333:role/x\n        session-policy: ${path}\n`;
    const missing = await scanFiles({
      'agent-config.yaml': `agents:\n${agent('a', OK + aws('iam/none.json'))}`,
    });
    expect(ids(missing.findings)).toEqual(['agent/session-policy-missing']);
    const present = await scanFiles({
      'agent-config.yaml': `agents:\n${agent('a', OK + aws('scopes/a.policy'))}`,
      'scopes/a.policy':
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    });
    const wildcard = only(present.findings, 'iam/wildcard-action');
    expect(wildcard).toHaveLength(1);
    expect(wildcard[0]!.message).toContain("session policy of agent 'a'");
    expect(present.files).toContain('scopes/a.policy');
  });

  it('schema errors of the registry become config/invalid findings at their line', async () => {
    const result = await scanFiles({ 'agent-config.yaml': `agents:\n${agent('a', `${OK}    ownr: x\n`)}` });
    const invalid = only(result.findings, 'config/invalid');
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid[0]!.line).toBe(8);
    expect(invalid[0]!.message).toContain('ownr');
  });
});

describe('IAM rules', () => {
  const policy = (statements: unknown[]) =>
    JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

  it('wildcards, PassRole, NotAction; reads on * and Deny statements pass', async () => {
    const result = await scanFiles({
      'iam/p.json': policy([
        { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'S3', Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::bucket/*' },
        {
          Sid: 'Write',
          Effect: 'Allow',
          Action: ['ec2:TerminateInstances', 'ec2:DescribeInstances'],
          Resource: '*',
        },
        { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        { Sid: 'Not', Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::x' },
        {
          Sid: 'Reads',
          Effect: 'Allow',
          Action: ['s3:Get*', 'ec2:DescribeInstances', 'logs:ListTags'],
          Resource: '*',
        },
        { Sid: 'Deny', Effect: 'Deny', Action: '*', Resource: '*' },
      ]),
    });
    const summary = result.findings.map((f) => `${f.ruleId}@${f.line}`).sort();
    expect(summary).toEqual(
      [
        'iam/wildcard-action@7',
        'iam/service-wildcard@14',
        'iam/wildcard-resource@25',
        'iam/passrole-wildcard@31',
        'iam/notaction-allow@36',
      ].sort(),
    );
    const write = only(result.findings, 'iam/wildcard-resource')[0]!;
    expect(write.message).toContain('ec2:TerminateInstances');
    expect(write.message).not.toContain('DescribeInstances');
  });

  it('JSON that is not an IAM policy is not scanned under the default paths', async () => {
    const result = await scanFiles({ 'package.json': '{"name":"x","Statement":"no"}' });
    expect(result.files).toEqual([]);
  });

  it('an IAM-looking file with a syntax error is a parse-error finding', async () => {
    const result = await scanFiles({ 'iam/bad.json': '{"Version": "2012-10-17", "Statement": [' });
    expect(ids(result.findings)).toEqual(['scan/parse-error']);
  });
});

describe('suppressions and baselines', () => {
  const unpinned = (comment: string, above = false) =>
    workflow(
      `  a:\n    runs-on: x\n    steps:\n${above ? `      ${comment}\n      - uses: foo/bar@v1\n` : `      - uses: foo/bar@v1 ${comment}\n`}`,
    );

  it('# astl:ignore <rule> <reason> on the line or the line above', async () => {
    for (const above of [false, true]) {
      const result = await scanFiles(
        unpinned('# astl:ignore workflow/unpinned-action vendored, reviewed 2026-01', above),
      );
      expect(result.findings).toEqual([]);
      expect(result.stats.suppressed).toBe(1);
    }
  });

  it('a suppression without a reason does not suppress and is itself a finding', async () => {
    const result = await scanFiles(unpinned('# astl:ignore workflow/unpinned-action'));
    expect(ids(result.findings).sort()).toEqual([
      'scan/suppression-without-reason',
      'workflow/unpinned-action',
    ]);
  });

  it('a suppression for another rule does not apply', async () => {
    const result = await scanFiles(unpinned('# astl:ignore workflow/write-all not this one'));
    expect(ids(result.findings)).toEqual(['workflow/unpinned-action']);
  });

  it('baseline accepts existing findings, survives line shifts, reports new ones', async () => {
    const root = workspace({
      'iam/p.json': JSON.stringify(
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        null,
        2,
      ),
      ...unpinned(''),
    });
    const first = await scan({ root });
    expect(first.findings).toHaveLength(2);
    writeFileSync(join(root, 'astl-baseline.json'), writeBaseline(first.findings));
    expect(parseBaseline(readFileSync(join(root, 'astl-baseline.json'), 'utf8')).size).toBe(2);

    // Shift every line down and add a new problem.
    const wf = readFileSync(join(root, WF), 'utf8');
    writeFileSync(join(root, WF), `# a comment\n# another\n${wf}      - uses: other/action@main\n`);
    const second = await scan({ root, baseline: 'astl-baseline.json' });
    expect(second.stats.baselined).toBe(2);
    expect(second.findings.map((f) => f.message)).toEqual([expect.stringContaining('other/action')]);
    expect(new Set(second.findings.map((f) => f.fingerprint)).has(first.findings[0]!.fingerprint)).toBe(
      false,
    );

    // One fingerprint a line works too.
    writeFileSync(
      join(root, 'plain.txt'),
      `# accepted\n${first.findings.map((f) => f.fingerprint).join('\n')}\n`,
    );
    const third = await scan({ root, baseline: 'plain.txt' });
    expect(third.stats.baselined).toBe(2);
  });

  it('an unreadable baseline is a clear error', async () => {
    const root = workspace({ 'b.json': '{"version":1}' });
    await expect(scan({ root, baseline: 'b.json' })).rejects.toThrow(/cannot use baseline b.json/);
    await expect(scan({ root, baseline: 'missing.json' })).rejects.toThrow(/cannot use baseline/);
  });
});

describe('rule catalogue', () => {
  it('every rule has a documented section in docs/scan.md', () => {
    const docs = readFileSync(new URL('../../docs/scan.md', import.meta.url), 'utf8');
    for (const rule of SCANNER_RULES) {
      expect(docs, rule.id).toContain(`### \`${rule.id}\``);
      expect(rule.helpAnchor).toBe(`#${rule.id.replace('/', '')}`);
    }
  });
});

describe('secrets through the engine', () => {
  const token = ['ghp_', 'R8x2bV9qLm4Tz7Yc1Nf5Kd3Hs6Jw0Pa2Ue8G'].join('');
  it('secret rules run on every scanned file, can be suppressed, and never show the value', async () => {
    const result = await scanFiles({
      ...workflow(`  a:\n    runs-on: x\n    env:\n      TOKEN: ${token}\n    steps: [{run: echo}]\n`),
      'policies/deploy.yaml': `agent: x\n# astl:ignore secret/github-token revoked test token, kept as fixture\nkey: ${token}\n`,
      'src/app.ts': `const t = '${token}';\n`,
    });
    const secrets = result.findings.filter((f) => f.ruleId.startsWith('secret/'));
    expect(secrets.map((f) => `${f.file}:${f.line}`)).toEqual([`${WF}:9`]);
    expect(result.stats.suppressed).toBe(1);
    expect(JSON.stringify(result)).not.toContain(token);
    // src/ is outside the default paths; '**' scans it.
    const everything = await scanFiles({ 'src/app.ts': `const t = '${token}';\n` }, { paths: ['**'] });
    expect(ids(everything.findings)).toEqual(['secret/github-token']);
  });
});

describe('configuration validity', () => {
  it('AgentPolicy schema errors and a misspelled kind become config/invalid findings', async () => {
    const result = await scanFiles({
      'policies/a.yaml': POLICY.replace('  restrictions:', '  restriction:'),
      'policies/b.yaml': POLICY.replace('kind: AgentPolicy', 'kind: AgentPolicies').replace(
        'coding-assistant-policy',
        'b',
      ),
    });
    const invalid = only(result.findings, 'config/invalid');
    expect(invalid.map((f) => `${f.file}:${f.line}`)).toEqual(['policies/a.yaml:6', 'policies/b.yaml:1']);
    expect(invalid[0]!.message).toContain("did you mean 'restrictions'");
  });

  it('a file named agent-config.yaml without agents: is reported', async () => {
    const result = await scanFiles({ 'agent-config.yaml': 'agent:\n  - name: x\n' });
    expect(ids(result.findings)).toContain('config/invalid');
  });
});

describe('reusable workflows', () => {
  it('a workflow_call-only workflow is not asked for its own permissions block', async () => {
    const result = await scanFiles({
      [WF]: 'on:\n  workflow_call:\n    inputs: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n',
    });
    expect(result.findings).toEqual([]);
  });
});

describe('diff scope outside git', () => {
  it('says the folder is not a git repository and scans everything', async () => {
    const result = await scanFiles(workflow('  a:\n    runs-on: x\n    steps: [{run: echo}]\n'), {
      scope: 'diff',
      base: 'main',
    });
    expect(result.scope).toBe('all');
    expect(result.warnings[0]).toMatch(/is not a git repository/);
  });
});

describe('GitLab CI rules', () => {
  it('unpinned project, component and remote includes; pinned and local ones pass', async () => {
    const sha = 'c'.repeat(40);
    const result = await scanFiles({
      '.gitlab-ci.yml': [
        'include:',
        '  - local: /ci/build.yml', // 2
        '  - project: platform/templates', // 3
        '    file: /a.yml',
        '  - project: platform/templates', // 5
        '    ref: main',
        '    file: /b.yml',
        '  - project: platform/templates', // 8
        `    ref: ${sha}`,
        '    file: /c.yml',
        '  - project: platform/templates', // 11
        '    ref: v3.2.0',
        '    file: /d.yml',
        '  - component: gitlab.com/acme/scan/sast@~latest', // 14
        '  - component: gitlab.com/acme/scan/sast@1.4.0', // 15
        '  - component: gitlab.com/acme/scan/sast@main', // 16
        '  - remote: https://example.com/ci.yml', // 17
        '  - remote: https://example.com/ci.yml', // 18
        "    integrity: 'sha256-abc'",
        '  - https://example.com/other.yml', // 20
        '  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/scan@$CI_COMMIT_SHA', // 21: a self-test, pinned
        'build:',
        '  script: [make]',
        '',
      ].join('\n'),
    });
    expect(only(result.findings, 'gitlab/unpinned-include').map((f) => f.line)).toEqual([
      3, 5, 14, 16, 17, 20,
    ]);
    expect(only(result.findings, 'gitlab/unpinned-include')[1]!.message).toContain('`ref: main`');
  });

  it('a single include string is checked too', async () => {
    const result = await scanFiles({ '.gitlab-ci.yml': 'include: https://example.com/ci.yml\n' });
    expect(ids(result.findings)).toEqual(['gitlab/unpinned-include']);
  });
});

describe('fingerprints', () => {
  it('identical lines get distinct, stable fingerprints', async () => {
    const body = '  a:\n    runs-on: x\n    steps:\n      - uses: foo/bar@v1\n      - uses: foo/bar@v1\n';
    const first = await scanFiles(workflow(body));
    const prints = only(first.findings, 'workflow/unpinned-action').map((f) => f.fingerprint);
    expect(new Set(prints).size).toBe(2);
    const shifted = await scanFiles(workflow(`  z:\n    runs-on: x\n    steps: [{run: echo}]\n${body}`));
    expect(only(shifted.findings, 'workflow/unpinned-action').map((f) => f.fingerprint)).toEqual(prints);
  });
});
