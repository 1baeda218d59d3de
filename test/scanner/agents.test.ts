/**
 * AI agents in CI: the catalog and its schema, the scan config's `agents:` section, actor gates,
 * the shell reader, binding to the registry (unbound reported, bound not), findings that name
 * both the job's and the registry's side, and the inventory's escaping.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../packages/scanner/agents/catalog.js';
import builtin from '../../packages/scanner/agents/catalog.json' with { type: 'json' };
import { splitList } from '../../packages/scanner/agents/conditions.js';
import { analyseCondition } from '../../packages/scanner/agents/gate.js';
import { inventoryMarkdown, inventoryText } from '../../packages/scanner/agents/inventory.js';
import { findAgentCommands } from '../../packages/scanner/agents/run.js';
import { allCommands, parseShell } from '../../packages/scanner/agents/shell.js';
import { parseScanConfig } from '../../packages/scanner/config.js';
import { summaryMarkdown } from '../../packages/scanner/report/summary.js';
import { repoRoot } from '../support/runner.js';
import { cleanup, only, scanFiles } from './helpers.js';

afterAll(cleanup);

const schema = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', name), 'utf8'));

const REGISTRY = `agents:
  - name: reviewer
    type: coding-assistant
    owner: platform-team
    purpose: "Review pull requests"
    permissions:
      - repository: read
      - pull-requests: comment
`;
const POLICY = `kind: AgentPolicy
metadata:
  name: assistants
spec:
  agentTypes: [coding-assistant]
  restrictions:
    - deny: write-access
    - deny: secrets
`;

describe('agent catalog', () => {
  it('the built-in catalog matches its schema, cites https docs and has unique ids', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema('agent-catalog.schema.json'));
    expect(validate(builtin), JSON.stringify(validate.errors)).toBe(true);
    const ids = BUILTIN_CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of BUILTIN_CATALOG) expect(e.docs).toMatch(/^https:\/\//);
    for (const wanted of [
      'anthropics/claude-code-action',
      'anthropics/claude-code-base-action',
      'openai/codex-action',
      'google-github-actions/run-gemini-cli',
    ]) {
      expect(BUILTIN_CATALOG.some((e) => e.uses.includes(wanted))).toBe(true);
    }
    for (const program of [
      'claude',
      'codex',
      'gemini',
      'aider',
      'copilot',
      'cursor-agent',
      'opencode',
      'cn',
    ]) {
      expect(BUILTIN_CATALOG.some((e) => e.commands.some((c) => c.program === program))).toBe(true);
    }
  });

  it('docs/agents.md lists every built-in entry', () => {
    const doc = readFileSync(join(repoRoot, 'docs/agents.md'), 'utf8');
    for (const e of BUILTIN_CATALOG) expect(doc).toContain(`| \`${e.id}\` |`);
  });

  it('the scan config takes catalog entries in exactly the catalog schema', () => {
    const catalog = schema('agent-catalog.schema.json').definitions;
    const config = schema('scan-config.schema.json').definitions;
    const renamed = JSON.parse(
      JSON.stringify(catalog.entry)
        .replaceAll('#/definitions/command', '#/definitions/agentCommand')
        .replaceAll('#/definitions/condition', '#/definitions/agentCondition'),
    );
    expect(config.agentEntry).toEqual(renamed);
    expect(config.agentCondition).toEqual(catalog.condition);
    expect(config.agentCommand).toEqual(catalog.command);
  });

  it('a scan config entry adds an agent without a release; a bad one is an error at its line', async () => {
    const config = parseScanConfig(
      `version: 1
agents:
  catalog:
    - id: acme-bot
      name: ACME review bot
      docs: https://acme.example/bot
      commands:
        - program: acme-bot
          when-flags: [--task]
      unrestricted:
        - flag: --shell
`,
      '.astl/scan.yaml',
    );
    expect(config.agents?.catalog[0]).toMatchObject({ id: 'acme-bot', origin: '.astl/scan.yaml:4' });
    const result = await scanFiles(
      {
        '.github/workflows/acme.yml': `on:
  issues:
    types: [opened]
permissions:
  contents: read
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - run: acme-bot --task "label it" --shell
`,
      },
      { config },
    );
    expect(result.agents?.discovered.map((a) => a.agent.id)).toEqual(['acme-bot']);
    expect(only(result.findings, 'agent/unrestricted-tools').map((f) => f.line)).toEqual([10]);
    expect(() =>
      parseScanConfig(
        'agents:\n  catalog:\n    - id: x\n      name: x\n      docs: http://insecure\n      uses: [a/b]\n',
        'c.yaml',
      ),
    ).toThrow(/c\.yaml|docs/);
    expect(() =>
      parseScanConfig(
        'agents:\n  catalog:\n    - {id: x, name: x, docs: "https://a", uses: [a/b]}\n    - {id: x, name: y, docs: "https://a", uses: [a/c]}\n',
        'c.yaml',
      ),
    ).toThrow(/given twice/);
  });
});

describe('actor gates in if:', () => {
  const cases: [string, boolean, number][] = [
    [
      'contains(fromJSON(\'["OWNER","MEMBER","COLLABORATOR"]\'), github.event.comment.author_association)',
      true,
      0,
    ],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression and shell syntax, not templates
    ["${{ github.event.issue.author_association == 'MEMBER' }}", true, 0],
    ["github.event.comment.author_association == 'CONTRIBUTOR'", false, 0],
    ["contains('OWNER,MEMBER,COLLABORATOR', github.event.comment.author_association)", true, 0],
    ["contains('OWNER,CONTRIBUTOR', github.event.comment.author_association)", false, 0],
    ["contains(github.event.comment.body, '@claude')", false, 0],
    ["contains(github.event.comment.body, '@claude') && github.actor == 'alice'", true, 0],
    ["github.actor == 'alice' || contains(github.event.comment.body, '@claude')", false, 0],
    ['github.event.pull_request.head.repo.full_name == github.repository', true, 0],
    // null (no pull request, or a deleted fork) passes a false-or-null test: not a gate.
    ['!github.event.pull_request.head.repo.fork', false, 0],
    ['github.event.pull_request.head.repo.fork == false', false, 0],
    ['github.event.pull_request.head.repo.fork != true', false, 0],
    ["github.event.label.name == 'ai-review'", true, 0],
    ["github.event_name == 'workflow_dispatch'", true, 0],
    ["github.event_name == 'issue_comment'", false, 0],
    ["endsWith(github.actor, '[bot]')", false, 1],
    ["github.event.issue.author_association == 'OWNER' || endsWith(github.actor, '[bot]')", false, 1],
    ["github.event.issue.author_association == 'OWNER' && endsWith(github.actor, '[bot]')", true, 0],
    ["github.event.sender.type == 'Bot'", false, 1],
    ["github.event.sender.type != 'Bot'", false, 0],
    ["!endsWith(github.actor, '[bot]')", false, 0],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression and shell syntax, not templates
    ['${{ github.actor }} == alice', false, 0], // a string with text around ${{ }}: always true
    ['github.actor ==', false, 0], // does not parse: not a gate
  ];
  it.each(cases)('%s', (text, gated, anyBot) => {
    const got = analyseCondition(text);
    expect(got.gated).toBe(gated);
    expect(got.anyBot.length).toBe(anyBot);
    for (const b of got.anyBot) expect(text.slice(b.start)).toMatch(/^(endsWith|github\.event\.sender)/);
  });
});

describe("actor gates judged for the workflow's untrusted events", () => {
  const cases: [string, string[], boolean, RegExp | undefined][] = [
    // A member's issue takes anyone's comment: on issue_comment the commenter is the actor.
    [
      "github.event.issue.author_association == 'OWNER'",
      ['issue_comment'],
      false,
      /describes whoever wrote the issue/,
    ],
    ["github.event.issue.author_association == 'OWNER'", ['issues'], true, undefined],
    ["github.event.comment.author_association == 'OWNER'", ['issue_comment'], true, undefined],
    ["github.event.issue.user.login == 'alice'", ['issue_comment'], false, /check `github.event.comment`/],
    [
      "github.event.pull_request.author_association == 'MEMBER'",
      ['pull_request_review_comment'],
      false,
      /comment/,
    ],
    // The field the event has decides: comment first on issue_comment, issue on issues.
    [
      'contains(fromJSON(\'["OWNER","MEMBER"]\'), github.event.comment.author_association || github.event.issue.author_association)',
      ['issues', 'issue_comment'],
      true,
      undefined,
    ],
    [
      'contains(fromJSON(\'["OWNER"]\'), github.event.issue.author_association || github.event.comment.author_association)',
      ['issue_comment'],
      false,
      /describes whoever wrote the issue/,
    ],
    // github.event_name narrows the events a branch runs for.
    [
      "(github.event_name == 'issues' && github.event.issue.author_association == 'OWNER') || (github.event_name == 'issue_comment' && github.event.comment.author_association == 'OWNER')",
      ['issues', 'issue_comment'],
      true,
      undefined,
    ],
    // contains() on a string reads null as '', which every string contains.
    [
      "contains('OWNER,MEMBER,COLLABORATOR', github.event.pull_request.author_association)",
      ['issues', 'pull_request_target'],
      false,
      /true on `issues`/,
    ],
    [
      "contains('OWNER,MEMBER,COLLABORATOR', github.event.pull_request.author_association)",
      ['pull_request_target'],
      true,
      undefined,
    ],
    [
      'contains(fromJSON(\'["OWNER"]\'), github.event.pull_request.author_association)',
      ['issues'],
      true,
      undefined,
    ],
    // A bot named as the actor on pull_request_target: anyone can get it to push to their branch.
    ["github.actor == 'dependabot[bot]'", ['pull_request_target'], false, /names a bot/],
    ["github.event.pull_request.user.login == 'dependabot[bot]'", ['pull_request_target'], true, undefined],
    ["github.actor == 'dependabot[bot]'", ['issues'], true, undefined],
    ['!github.event.pull_request.head.repo.fork', ['issue_comment'], false, /deleted/],
    ["github.triggering_actor == 'alice'", ['issue_comment'], false, /re-ran/],
    ['github.actor == github.repository_owner', ['issue_comment'], true, undefined],
    ['github.event.issue.user.login == github.repository_owner', ['issue_comment'], false, /wrote the issue/],
  ];
  it.each(cases)('%s on %j', (text, events, gated, why) => {
    const got = analyseCondition(text, events);
    expect(got.gated).toBe(gated);
    if (why) expect(got.misleading?.join('\n')).toMatch(why);
    else expect(got.misleading).toBeUndefined();
  });
});

describe('shell reader', () => {
  it('finds commands in substitutions, pipelines and here-documents, with variables outside single quotes', () => {
    const text = [
      'X=$(claude -p "$PROMPT") && echo "$X" | tee out',
      'cat <<EOF | gemini -p -',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression and shell syntax, not templates
      'Body: ${BODY}',
      'EOF',
      "codex exec 'literal $NOT'",
    ].join('\n');
    const commands = allCommands(parseShell(text));
    const words = commands.map((c) => c.words.map((w) => w.text).join(' '));
    expect(words).toEqual([
      '',
      'claude -p $PROMPT',
      'echo $X',
      'tee out',
      'cat',
      'gemini -p -',
      'codex exec literal $NOT',
    ]);
    expect(commands[0]!.assignments[0]!.name).toBe('X');
    expect(commands[2]!.pipeline).toBe(commands[3]!.pipeline);
    expect(commands[4]!.heredocs[0]!.vars.map((v) => v.name)).toEqual(['BODY']);
    expect(commands[6]!.words.flatMap((w) => w.vars)).toEqual([]);
  });

  it('splits tool lists but keeps Bash(...) patterns whole', () => {
    expect(splitList('Bash(git diff:*),Read  Grep\nEdit')).toEqual([
      'Bash(git diff:*)',
      'Read',
      'Grep',
      'Edit',
    ]);
  });

  it('survives hostile scripts without throwing', () => {
    for (const text of [
      '$('.repeat(5000),
      '"'.repeat(10_001),
      "<<'E'\n".repeat(300),
      '${'.repeat(3000),
      '`'.repeat(999),
    ]) {
      expect(() => allCommands(parseShell(text))).not.toThrow();
    }
  });
});

const workflow = (steps: string, extra = '') => `on: pull_request
permissions:
  contents: read
jobs:
  review:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe('agent commands behind wrappers and inside shell strings', () => {
  const found = (script: string) =>
    findAgentCommands(parseShell(script), BUILTIN_CATALOG, script).map(
      (a) => `${a.entry.id}:${a.command.words[0]!.text}${a.nested ? ' (nested)' : ''}`,
    );
  const cases: [string, string[]][] = [
    ['sudo -u runner -E claude -p "x"', ['claude-cli:sudo']],
    ['env -u CI -C /tmp nohup gemini --yolo -p x', ['gemini-cli:env']],
    ['timeout -k 5 10m cursor-agent -p x --force', ['cursor-cli:timeout']],
    ['echo x | xargs -0 -n 1 claude -p', ['claude-cli:xargs']],
    ['nice -n 10 flock /tmp/lock codex exec x', ['codex-cli:nice']],
    ['codex -a never --model o3 exec --full-auto x', ['codex-cli:codex']],
    ['codex --full-auto "fix exec"', []], // no subcommand: interactive, not a CI run
    [`bash -lc "claude -p 'fix it'"`, ['claude-cli:claude (nested)']],
    [`sh -o pipefail -c 'gemini -p "$T" | tee out'`, ['gemini-cli:gemini (nested)']],
    [`eval "aider --message '$M'"`, ['aider:aider (nested)']],
    [`env -S 'claude -p x'`, ['claude-cli:claude (nested)']],
    [`su -c 'opencode run x' runner`, ['opencode-cli:opencode (nested)']],
    [`bash script.sh -c "claude -p x"`, []], // a script file, not a -c string
  ];
  it.each(cases)('%s', (script, want) => expect(found(script)).toEqual(want));

  it('stops at a nesting limit', () => {
    let deep = 'claude -p x';
    for (let i = 0; i < 5; i++) deep = `sh -c '${deep.replace(/'/g, `'\\''`)}'`;
    expect(found(deep)).toEqual([]); // deeper than the limit: not read
    expect(found('bash -c '.repeat(20_000))).toEqual([]); // long, flat: read once, no blow-up
    expect(found(`bash -c "sh -c 'claude -p x'"`)).toEqual(['claude-cli:claude (nested)']);
  });
});

describe('binding to the registry', () => {
  const claude = `      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          prompt: Review the pull request.
`;

  it('an unbound agent is agent/unregistered; a bound one is not', async () => {
    const unbound = await scanFiles({
      'agent-config.yaml': REGISTRY,
      '.github/workflows/a.yml': workflow(claude),
    });
    expect(only(unbound.findings, 'agent/unregistered').map((f) => f.line)).toEqual([8]);
    expect(unbound.agents?.discovered[0]?.binding.kind).toBe('none');

    const bound = await scanFiles({
      'agent-config.yaml': REGISTRY,
      '.github/workflows/a.yml': workflow(
        `      - uses: astl/agent-credentials@v1
        with:
          agent: reviewer
${claude}`,
      ),
    });
    expect(only(bound.findings, 'agent/unregistered')).toEqual([]);
    expect(bound.agents?.discovered[0]?.binding).toMatchObject({
      kind: 'credentials step',
      agent: 'reviewer',
    });

    const marked = await scanFiles({
      'agent-config.yaml': REGISTRY,
      '.github/workflows/a.yml': workflow(claude, '    env:\n      ASTL_AGENT: reviewer\n'),
    });
    expect(only(marked.findings, 'agent/unregistered')).toEqual([]);
    expect(marked.agents?.discovered[0]?.binding).toMatchObject({ kind: 'ASTL_AGENT', agent: 'reviewer' });
  });

  it('this repository used as `uses: ./`, the agent-type input, and the scan config registry bind too', async () => {
    const local = await scanFiles({
      'ci/agents.yaml': REGISTRY,
      '.github/workflows/a.yml': workflow(
        `      - uses: ./
        with:
          agent-type: coding-assistant
          config: ci/agents.yaml
${claude}`,
      ),
    });
    expect(only(local.findings, 'agent/unregistered')).toEqual([]);
    expect(local.agents?.discovered[0]?.binding).toMatchObject({
      agent: 'reviewer',
      registry: 'ci/agents.yaml',
    });

    const configured = await scanFiles(
      {
        'ci/agents.yaml': REGISTRY,
        '.github/workflows/a.yml': workflow(claude, '    env:\n      ASTL_AGENT: reviewer\n'),
      },
      { config: { pinning: { policies: [] }, agents: { catalog: [], registry: 'ci/agents.yaml' } } },
    );
    expect(only(configured.findings, 'agent/unregistered')).toEqual([]);
  });

  it('a name the registry does not have, or a registry outside the workspace, is reported at the binding', async () => {
    const unknown = await scanFiles({
      'agent-config.yaml': REGISTRY,
      '.github/workflows/a.yml': workflow(claude, '    env:\n      ASTL_AGENT: reviewr\n'),
    });
    const [f] = only(unknown.findings, 'agent/unregistered');
    expect(f?.line).toBe(8);
    expect(f?.message).toContain("agent 'reviewr' is not registered in agent-config.yaml");
    const outside = await scanFiles({
      '.github/workflows/a.yml': workflow(
        `      - uses: astl/agent-credentials@v1
        with:
          agent: reviewer
          config: ../../etc/agents.yaml
${claude}`,
      ),
    });
    expect(only(outside.findings, 'agent/unregistered')[0]?.message).toContain('outside the workspace');
  });

  it('a registry that is there but cannot be read (over the size cap, binary) is an error, not "not found"', async () => {
    for (const text of [`${REGISTRY}${'#\n'.repeat(3000)}`, `${REGISTRY}${'\0'.repeat(200)}`]) {
      const r = await scanFiles(
        {
          'ci/agents.yaml': text,
          '.github/workflows/a.yml': workflow(claude, '    env:\n      ASTL_AGENT: reviewer\n'),
        },
        {
          config: { pinning: { policies: [] }, agents: { catalog: [], registry: 'ci/agents.yaml' } },
          maxFileBytes: 4096,
        },
      );
      const [f] = only(r.findings, 'agent/unregistered');
      expect(f?.severity).toBe('error');
      expect(f?.message).toMatch(/registry ci\/agents\.yaml cannot be read \((larger than|binary)/);
    }
  });

  it('a registry or policies folder inside .git/ is not read (review rB)', async () => {
    const r = await scanFiles({
      '.git/agents.yaml': REGISTRY,
      '.github/workflows/a.yml': workflow(
        `      - uses: astl/agent-credentials@v1
        with:
          agent: reviewer
          config: .git/agents.yaml
${claude}`,
      ),
    });
    const [f] = only(r.findings, 'agent/unregistered');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('into .git/');
  });

  it('a binding computed at run time is shown in the inventory, not reported as unregistered', async () => {
    const r = await scanFiles({
      'agent-config.yaml': REGISTRY,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expression and shell syntax, not templates
      '.github/workflows/a.yml': workflow(claude, '    env:\n      ASTL_AGENT: ${{ vars.AGENT }}\n'),
    });
    expect(only(r.findings, 'agent/unregistered')).toEqual([]);
    expect(r.agents?.discovered[0]?.binding.problem).toContain('run time');
  });
});

describe('a bound agent against its registry entry', () => {
  it('each excess names the job line and the registry (and policy) file:line', async () => {
    const r = await scanFiles({
      'agent-config.yaml': REGISTRY,
      'policies/assistants.yaml': POLICY,
      '.github/workflows/a.yml': `on: pull_request
jobs:
  review:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      pull-requests: write
      checks: read
      id-token: write
    steps:
      - uses: astl/agent-credentials@v1
        with:
          agent: reviewer
      - uses: anthropics/claude-code-action@v1
        env:
          SLACK_WEBHOOK: \${{ secrets.SLACK_WEBHOOK }}
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
`,
    });
    const perms = only(r.findings, 'agent/permission-beyond-registry');
    expect(perms.map((f) => [f.line, f.severity])).toEqual([
      [6, 'error'],
      [8, 'warning'],
    ]);
    expect(perms[0]!.message).toContain('`contents: write` at line 6');
    expect(perms[0]!.message).toContain("agent 'reviewer' (agent-config.yaml:2)");
    expect(perms[0]!.message).toContain(
      'declares `repository: read`, `pull-requests: comment` (agent-config.yaml:7)',
    );
    expect(perms[0]!.message).toContain(
      "AgentPolicy 'assistants' (policies/assistants.yaml:7) has `deny: write-access`",
    );
    const secrets = only(r.findings, 'agent/secret-beyond-registry');
    expect(secrets.map((f) => f.line)).toEqual([16]);
    expect(secrets[0]!.message).toContain('`secrets.SLACK_WEBHOOK`');
    expect(secrets[0]!.message).toContain('declares no `secrets` access (agent-config.yaml:7)');
    expect(secrets[0]!.message).toContain('policies/assistants.yaml:8');
    // The model key and the OIDC token the credentials step needs are not excess.
    expect(r.findings.filter((f) => f.message.includes('ANTHROPIC_API_KEY'))).toEqual([]);
    expect(perms.some((f) => f.message.includes('id-token'))).toBe(false);
  });
});

describe('inventory', () => {
  it('escapes repository text in Markdown and text, and the scan summary carries it', async () => {
    const r = await scanFiles({
      '.github/workflows/a.yml': `name: "x | <img src=x onerror=alert(1)> \`y\`"
on: workflow_dispatch
permissions:
  contents: read
jobs:
  "a|b<script>":
    runs-on: ubuntu-latest
    steps:
      - run: claude -p "hi" --allowedTools "Read"
`,
    });
    // Rendered as GitHub renders a summary: the job id stays text inside its code span.
    const html = await marked.parse(inventoryMarkdown(r.agents!));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('a|b&lt;script&gt;');
    const summary = await marked.parse(summaryMarkdown(r));
    expect(summary).toContain('AI agents in CI');
    expect(summary).not.toMatch(/<script|<img/);
    const text = inventoryText({
      ...r.agents!,
      discovered: r.agents!.discovered.map((d) => ({ ...d, job: 'evil\u001b[31m\nline' })),
    });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b');
  });
});
