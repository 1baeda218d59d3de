/**
 * Kind 7: every job summary this product writes (credentials main and post, the gate's decision
 * record, the scanner), rendered with a real Markdown renderer (marked, GFM), holds no element
 * that came from untrusted text, and shows that text as the characters typed.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  renderFailureSummary,
  renderMintSummary,
  renderRevokeSummary,
} from '../../packages/credentials/summary.js';
import type { MintResult } from '../../packages/credentials/types.js';
import { type DecisionRecord, renderMarkdown } from '../../packages/gate/record.js';
import type { Finding } from '../../packages/scanner/finding.js';
import { summaryMarkdown } from '../../packages/scanner/report/summary.js';
import { ALL_RULES, type ScanResult } from '../../packages/scanner/scan.js';

/** What an attacker writes into a purpose, a file name, a parameter or a provider message. */
const ATTACKS = [
  '![x](https://evil.example/pixel.png)',
  '[click](https://evil.example/login)',
  '<img src="https://evil.example/p.png">',
  '<a href="https://evil.example">x</a>',
  '<script>alert(1)</script>',
  'https://evil.example/auto',
  'www.evil.example',
  'mail@evil.example',
  '<https://evil.example/angle>',
  '# Heading',
  '**bold** _em_ ~~gone~~',
  '`code` ``x``',
  'col | col | col',
  'a\\|<img src=x>',
  '&lt;img src=x&gt;',
  '$\\alpha$',
  '[^note]',
  '\n\n# after a blank line\n\n<img src=x>',
  '```\n<img src=x>\n```',
];
const HOSTILE = ATTACKS.join(' ');

/** Elements our own Markdown produces; anything else (img, a, script, h1, em, del, ...) leaked. */
const OURS = new Set([
  'h2',
  'h3',
  'h4',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'strong',
  'ul',
  'li',
  'br',
  'details',
  'summary',
  'blockquote',
]);

function render(markdown: string): { html: string; foreign: string[] } {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const foreign = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)]
    .map((m) => m[1]!.toLowerCase())
    .filter((e) => !OURS.has(e));
  return { html, foreign };
}

function expectSafe(markdown: string, where: string): string {
  const { html, foreign } = render(markdown);
  expect(foreign, `${where}: elements from untrusted text`).toEqual([]);
  expect(html, where).not.toMatch(/<img|<a |<script/i);
  return html;
}

function mint(over: Partial<MintResult> = {}): MintResult {
  return {
    agent: 'attack-bot',
    owner: HOSTILE,
    type: HOSTILE,
    purpose: HOSTILE,
    correlationId: HOSTILE,
    auditLevel: 'full',
    appliedPolicies: [HOSTILE, 'p|<img src=x>'],
    warnings: [HOSTILE, `use \`${HOSTILE}\` instead`],
    credentials: [
      {
        provider: 'vault',
        label: HOSTILE,
        identity: HOSTILE,
        details: { [HOSTILE]: HOSTILE, accessor: '`x`|<img>' },
        issuedAt: HOSTILE,
        expiresAt: HOSTILE,
        ttlSeconds: 900,
      },
    ],
    env: {},
    secrets: [],
    outputs: { agent: 'attack-bot', correlationId: 'c', expiresAt: '' },
    secretOutputs: {},
    audit: [],
    state: { version: 1, agent: 'a', correlationId: 'c', auditLevel: 'full', purpose: 'p', policy: '' },
    ...over,
  };
}

describe('credentials summaries', () => {
  it('mint: registry and provider values render as text', () => {
    const html = expectSafe(
      renderMintSummary(mint(), {
        runId: HOSTILE,
        repository: HOSTILE,
        workflow: HOSTILE,
        job: HOSTILE,
        actor: HOSTILE,
        platform: 'github',
      }),
      'mint',
    );
    expect(html).toContain('![x](https://evil.example/pixel.png)');
    expect(html).toContain('&lt;img src=&quot;https://evil.example/p.png&quot;&gt;');
  });

  it('refusal: purpose, message, hint and fix', () => {
    expectSafe(
      renderFailureSummary({
        agent: HOSTILE,
        purpose: HOSTILE,
        correlationId: HOSTILE,
        refused: true,
        message: `${HOSTILE}\n\`\`\`\n<img src=x>`,
        hint: HOSTILE,
        fix: `purpose: "${HOSTILE}"\n\`\`\`\n<img src=x>`,
      }),
      'failure',
    );
  });

  it('revocation: identities and provider messages', () => {
    expectSafe(
      renderRevokeSummary({
        agent: HOSTILE,
        correlationId: HOSTILE,
        entries: [
          {
            provider: 'vault',
            label: HOSTILE,
            identity: HOSTILE,
            outcome: 'failed',
            message: HOSTILE,
            expiresAt: HOSTILE,
          },
        ],
        warnings: [HOSTILE],
        audit: [],
      }),
      'revoke',
    );
  });
});

describe('gate decision record', () => {
  it('agent, environment, images, params and reasons render as text', () => {
    const record: DecisionRecord = {
      decision_id: HOSTILE,
      timestamp: HOSTILE,
      decision: 'deny',
      mode: 'enforce',
      enforced: true,
      policy: { path: HOSTILE, sha256: HOSTILE, files: [HOSTILE] },
      request: {
        agent: HOSTILE,
        agent_type: HOSTILE,
        action: HOSTILE,
        environment: HOSTILE,
        images: [HOSTILE],
        replicas: 3,
        params: { [HOSTILE]: HOSTILE, fence: '```\n</details>\n<img src=x>' },
      },
      images: [{ input: HOSTILE, pinned: HOSTILE, digest: null, mediaType: null, error: HOSTILE }],
      reasons: [{ code: HOSTILE, rule: HOSTILE, message: `${HOSTILE} \`${HOSTILE}\`` }],
      checks_passed: [],
      budget: null,
      approval: { required: true, approved_by: HOSTILE },
      metrics: { timer_resolve_ms: 1, timer_eval_ms: 1, timer_github_ms: 1, timer_total_ms: 1 },
      ci: { provider: 'github', repository: HOSTILE },
    };
    expectSafe(renderMarkdown(record), 'gate');
  });
});

describe('scanner summary', () => {
  it('file names, messages, skipped files and warnings render as text', () => {
    const finding = (file: string, message: string): Finding => ({
      ruleId: 'workflow/unpinned-action',
      severity: 'error',
      file,
      line: 1,
      message,
      fingerprint: 'f',
    });
    const findings = ATTACKS.map((a) => finding(`.github/workflows/${a}.yml`, `value \`${a}\` and ${a}`));
    const result: ScanResult = {
      findings,
      files: [],
      skipped: [{ file: HOSTILE, reason: HOSTILE }],
      scope: 'all',
      warnings: [HOSTILE],
      stats: {
        filesScanned: 1,
        bytesScanned: 1,
        durationMs: 1,
        bySeverity: { error: findings.length, warning: 0, note: 0 },
        byRule: { 'workflow/unpinned-action': findings.length },
        suppressed: 0,
        baselined: 0,
        outsideDiff: 0,
      },
      rules: ALL_RULES,
    };
    const md = summaryMarkdown(result, { sarifFile: HOSTILE, maxRows: 100 });
    const html = marked.parse(md, { async: false, gfm: true });
    // Our own links (rule documentation) are the only anchors, one per finding row.
    const anchors = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(anchors).toHaveLength(findings.length);
    for (const href of anchors) expect(href).toMatch(/^https:\/\/github\.com\/[^"]*docs\/scan\.md#/);
    const { foreign } = render(md.replace(/\[(<code>[^\]]*|`[^`]*`)\]\([^)]*\)/g, '$1'));
    expect(foreign).toEqual([]);
    expect(html).not.toMatch(/<img|<script|<a href="https:\/\/evil/);
    // Every row stays one row of four cells.
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    const rows = body.split('<tr>').slice(1);
    expect(rows).toHaveLength(findings.length);
    for (const row of rows) expect((row.match(/<td>/g) ?? []).length).toBe(4);
  });
});
