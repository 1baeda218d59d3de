/**
 * Kind 1 end to end on the credentials action (main + post, the committed dist/ bundles): a
 * purpose, from the input or from the registry, that tries to issue `stop-commands` must not
 * switch masking off. Every credential the job holds (AWS access key id, secret key, session
 * token, Vault token, KV values, the OIDC token) stays masked in the log the runner renders,
 * annotations and the failure message survive, and control characters are refused before any
 * token is requested. Kind 7 on the same summaries: nothing the purpose holds renders as Markdown.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { safeLine } from '../../packages/core/untrusted-text.js';
import { MAIN, POLICIES_YAML, POST, resetSandbox, stepEnv } from '../credentials/helpers.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import {
  commandProblems,
  readAsRunner,
  runMainThenPost,
  runStep,
  type StepResult,
} from '../support/runner.js';

const PEM_KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu',
  'KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm',
  'AjBAKjLMNopQRsTuVwXyZ01234567abcdEFGHijklMNOPqrstUVWXyz0123456+/Q',
  'q5Zw7==',
  '-----END RSA PRIVATE KEY-----',
].join('\n');
const KV = { token: 'kv-deploy-token-7d1e0f3a9b', 'signing-key': PEM_KEY, pin: '4711' };

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ vaultSecrets: [{ path: 'secret/data/ci/attack', data: KV }] });
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => resetSandbox(sb));

/** A registry with one agent holding every credential type; `purpose` is written as given. */
function workspace(purposeYaml = '"Release the build"'): string {
  const ws = mkdtempSync(join(tmpdir(), 'astl-sec-cred-'));
  writeFileSync(
    join(ws, 'agent-config.yaml'),
    `agents:
  - name: attack-bot
    type: release-bot
    owner: sre-team
    purpose: ${purposeYaml}
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: eu-west-1
      vault:
        url: ${sb.vaultUrl}
        role: ${sb.vaultRole}
        audience: ${sb.vaultAudience}
        secrets:
          - path: secret/data/ci/attack
            key: token
            env: KV_TOKEN
          - path: secret/data/ci/attack
            key: signing-key
            env: SIGNING_KEY
          - path: secret/data/ci/attack
            key: pin
            env: KV_PIN
`,
  );
  mkdirSync(join(ws, 'policies'));
  writeFileSync(join(ws, 'policies', 'agent-policies.yaml'), POLICIES_YAML);
  return ws;
}

async function job(ws: string, inputs: Record<string, string>) {
  return runMainThenPost(MAIN, POST, {
    inputs: { agent: 'attack-bot', ...inputs },
    cwd: ws,
    timeoutMs: 40_000,
    env: stepEnv(sb),
    checkCommands: false,
  });
}

/** Every secret value of the job: what STS, Vault and the KV store handed out. */
function credentials(m: StepResult): string[] {
  const env = m.exportedEnv;
  const values = [
    env.AWS_ACCESS_KEY_ID,
    env.AWS_SECRET_ACCESS_KEY,
    env.AWS_SESSION_TOKEN,
    env.VAULT_TOKEN,
    KV.token,
    KV.pin,
    ...PEM_KEY.split('\n').filter((l) => !l.startsWith('-----')),
  ];
  for (const v of values) expect(v, 'the job holds every credential type').toBeTruthy();
  return values as string[];
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/;

/**
 * Whether text shows a secret. A short one (the 4-digit PIN) counts only as a whole word: the same
 * digits inside a random id or a duration are chance, not a leak (the runner would mask them too).
 */
function shows(text: string, secret: string): boolean {
  if (secret.length >= 8) return text.includes(secret);
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`).test(text);
}

/** What anyone with read access to the run sees: the rendered log, annotations and summary. */
function assertNothingVisible(r: StepResult, secrets: string[], o: { heldIdToken?: boolean } = {}): void {
  expect(commandProblems(r.runner), 'no text became a runner command').toEqual([]);
  const visible = [
    r.log,
    r.renderedSummary,
    ...r.commands.filter((c) => c.command !== 'add-mask').map((c) => c.message),
  ].join('\n');
  for (const s of secrets) expect(shows(visible, s), `credential visible: ${s.slice(0, 6)}…`).toBe(false);
  expect(visible, 'no OIDC token in the log').not.toMatch(JWT);
  if (o.heldIdToken !== false) {
    expect(
      r.masks.some((m) => JWT.test(m)),
      'the OIDC token was masked',
    ).toBe(true);
  }
}

function renderedElements(markdown: string): string[] {
  return [...marked.parse(markdown, { async: false, gfm: true }).matchAll(/<([a-z][a-z0-9]*)/g)].map(
    (m) => m[1]!,
  );
}

describe('credentials action: a purpose cannot switch masking off', () => {
  const purposes = [
    'Fix typo ##[stop-commands]x',
    'Fix typo ##[add-mask]x and ##[set-env name=NODE_OPTIONS]--require /tmp/x',
    '::stop-commands::x',
    '\u00a0\u3000::stop-commands::wide',
    '##[stop-commands]pause ![x](https://evil.example/p.png) <img src=x>',
  ];
  for (const purpose of purposes) {
    it(`purpose input ${JSON.stringify(purpose)}`, async () => {
      const { main, post } = await job(workspace(), { purpose, 'output-credentials': 'true' });
      expect(main.exitCode, main.log).toBe(0);
      const secrets = credentials(main);
      assertNothingVisible(main, secrets);
      assertNothingVisible(post, [main.exportedEnv.VAULT_TOKEN!], { heldIdToken: false });
      // The purpose is in the log, as text.
      expect(main.log).toContain(safeLine(`: ${purpose.trim()}`));
      // And in the summary, as the characters typed: no image, link or HTML from it.
      expect(renderedElements(main.summary).filter((e) => ['img', 'a', 'script'].includes(e))).toEqual([]);
      expect(post.exitCode).toBe(0);
      expect(sb.vault.revokedTokens).toEqual([main.exportedEnv.VAULT_TOKEN]);
    });
  }

  it("the registry's purpose, with the same attacks", async () => {
    const ws = workspace('"Fix typo ##[stop-commands]x ::stop-commands::y ![x](https://evil.example/p.png)"');
    const { main, post } = await job(ws, {});
    expect(main.exitCode, main.log).toBe(0);
    assertNothingVisible(main, credentials(main));
    assertNothingVisible(post, [main.exportedEnv.VAULT_TOKEN!], { heldIdToken: false });
    expect(main.log).toContain('Fix typo #\\u0023[stop-commands]x');
    expect(renderedElements(main.summary)).not.toContain('img');
  });

  it('a later step that prints the PEM key shows only its armour', async () => {
    const { main } = await job(workspace(), { purpose: 'Sign the release' });
    expect(main.exitCode, main.log).toBe(0);
    expect(main.exportedEnv.SIGNING_KEY).toBe(PEM_KEY);
    // The masks live for the whole job: replay them in front of `echo "$SIGNING_KEY"`.
    const replay = [
      ...main.masks.map((m) => `::add-mask::${m.replace(/%/g, '%25').replace(/\n/g, '%0A')}`),
      PEM_KEY,
    ].join('\n');
    expect(readAsRunner(replay).log.split('\n')).toEqual([
      '-----BEGIN RSA PRIVATE KEY-----',
      '***',
      '***',
      '***',
      '***',
      '-----END RSA PRIVATE KEY-----',
    ]);
  });
});

describe('credentials action: control characters in a purpose are refused before any token', () => {
  const bad: [string, string][] = [
    ['Fix typo\n::stop-commands::x', 'U+000A'],
    ['Fix typo\r::stop-commands::x', 'U+000D'],
    ['Fix\ttypo', 'U+0009'],
    ['Fix typo\u2028::stop-commands::x', 'U+2028'],
    ['Fix typo\u0085::stop-commands::x', 'U+0085'],
    ['Fix typo\u001b[2J', 'U+001B'],
  ];
  for (const [purpose, codePoint] of bad) {
    it(`input purpose with ${codePoint}`, async () => {
      const r = await runStep(MAIN, {
        cwd: workspace(),
        inputs: { agent: 'attack-bot', purpose },
        env: stepEnv(sb),
        timeoutMs: 40_000,
      });
      expect(r.exitCode).toBe(1);
      expect(sb.requestCount('token') + sb.requestCount('sts') + sb.requestCount('login')).toBe(0);
      const failure = r.commands
        .filter((c) => c.command === 'error')
        .map((c) => c.message)
        .join('\n');
      expect(failure).toContain("input 'purpose'");
      expect(failure).toContain(codePoint);
      expect(failure).toMatch(/one line of plain text/);
      expect(failure).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('the registry refuses them too, naming file:line', async () => {
    const ws = workspace('"Fix typo\\n::stop-commands::x"');
    const r = await runStep(MAIN, {
      cwd: ws,
      inputs: { agent: 'attack-bot', purpose: 'Release' },
      env: stepEnv(sb),
      timeoutMs: 40_000,
    });
    expect(r.exitCode).toBe(1);
    expect(sb.requestCount('token')).toBe(0);
    const failure = r.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.message)
      .join('\n');
    expect(failure).toMatch(/agent-config\.yaml:5:\d+: agents\[0\]\.purpose/);
    expect(failure).toMatch(/without control characters/);
  });
});
