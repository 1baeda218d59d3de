/**
 * Issue 10, "Secrets": each kind with the issue's inputs and variants of our own.
 * - Placeholders are not secrets, for every token rule (one placeholder test on every rule's
 *   captured secret).
 * - Assignments in every common language reach the generic rule.
 * - Whole key families, not one example per provider.
 * Test tokens are assembled from parts (j) so this file does not trip secret scanners itself.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectSecrets, SECRET_RULE_DETAILS } from '../../packages/scanner/secrets/index.js';
import { isPlaceholderSecret } from '../../packages/scanner/secrets/placeholder.js';

const j = (...parts: string[]): string => parts.join('');
/** `$` for writing `${VAR}` in strings without a template placeholder. */
const D = '$';
const rules = (text: string): string[] => detectSecrets(text, 'f.txt').map((f) => f.ruleId);

/** Deterministic random strings of an alphabet (mulberry32). */
let state = 7;
function rand(alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * alphabet.length)];
  }
  return out;
}
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const DIG = '0123456789';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = `${B62}+/`;
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** One real-looking token per token rule: [rule, fixed prefix, random part]. */
const SAMPLES: [string, string, string][] = [
  ['secret/aws-access-key-id', j('AK', 'IA'), rand(B32, 16)],
  ['secret/aws-access-key-id', j('AB', 'IA'), rand(B32, 16)],
  ['secret/aws-bedrock-api-key', j('AB', 'SKQmVkcm9ja0FQSUtleS1'), rand(B64, 120)],
  ['secret/aws-bedrock-api-key', j('bedrock-api-key-', 'YmVkcm9jay5hbWF6b25hd3MuY29t'), rand(B64, 200)],
  ['secret/github-token', j('gh', 'p_'), rand(B62, 36)],
  ['secret/github-token', j('github', '_pat_'), rand(B62, 82)],
  ['secret/github-token', j('v1', '.'), rand(HEX, 40)],
  ['secret/gitlab-token', j('gl', 'pat-'), rand(B62, 20)],
  ['secret/gitlab-token', j('GR13', '48941'), rand(B62, 20)],
  ['secret/gitlab-token', j('gl', 'ptt-'), rand(HEX, 40)],
  ['secret/slack-token', j('xo', 'xb-'), `${rand(DIG, 12)}-${rand(DIG, 13)}-${rand(B62, 24)}`],
  [
    'secret/slack-token',
    j('xo', 'xp-'),
    `${rand(DIG, 12)}-${rand(DIG, 12)}-${rand(DIG, 12)}-${rand(HEX, 32)}`,
  ],
  ['secret/slack-token', j('xo', 'xe.xoxp-1-'), rand(B62, 164)],
  [
    'secret/slack-webhook',
    j('https://hooks.', 'slack.com/services/'),
    `T${rand(B32, 8)}/B${rand(B32, 10)}/${rand(B62, 24)}`,
  ],
  ['secret/vault-token', j('hv', 's.'), rand(B62, 90)],
  ['secret/vault-token', j('hv', 'b.'), rand(B62, 140)],
  ['secret/npm-token', j('np', 'm_'), rand(B62, 36)],
  ['secret/openai-api-key', j('sk-', 'proj-'), `${rand(B62, 40)}T3BlbkFJ${rand(B62, 40)}`],
  ['secret/anthropic-api-key', j('sk-', 'ant-api03-'), `${rand(B62, 93)}AA`],
  ['secret/groq-api-key', j('gs', 'k_'), rand(B62, 52)],
  ['secret/huggingface-token', j('h', 'f_'), rand(ALPHA, 34)],
  ['secret/linear-api-key', j('lin', '_api_'), rand(B62, 40)],
  ['secret/notion-token', j('nt', 'n_'), `${rand(DIG, 11)}${rand(B62, 35)}`],
  ['secret/sendgrid-api-key', j('S', 'G.'), `${rand(B62, 22)}.${rand(B62, 43)}`],
  ['secret/shopify-token', j('shp', 'at_'), rand(HEX, 32)],
  ['secret/grafana-token', j('gl', 'sa_'), `${rand(B62, 32)}_${rand(HEX, 8)}`],
  ['secret/vercel-token', j('vc', 'p_'), rand(B62, 40)],
  ['secret/databricks-token', j('da', 'pi'), rand(HEX, 32)],
  ['secret/docker-hub-token', j('dckr', '_pat_'), rand(B62, 27)],
  ['secret/figma-token', j('fi', 'gd_'), rand(B62, 40)],
  ['secret/cloudflare-api-token', j('cf', 'ut_'), `${rand(B62, 40)}${rand(HEX, 8)}`],
  ['secret/stripe-secret-key', j('sk', '_live_'), rand(B62, 24)],
  ['secret/tailscale-key', j('tskey', '-auth-'), `${rand(B62, 12)}-${rand(B62, 24)}`],
  ['secret/google-cloud-key', j('AI', 'za'), rand(B62, 35)],
  ['secret/pulumi-token', j('pu', 'l-'), rand(HEX, 40)],
  ['secret/ethereum-private-key', j('0', 'x'), rand(HEX, 64)],
  ['secret/age-secret-key', j('AGE-SECRET-', 'KEY-1'), rand('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)],
  [
    'secret/microsoft-teams-webhook',
    j('https://acme.webhook.', 'office.com/webhookb2/'),
    `${guid()}@${guid()}/IncomingWebhook/${rand(HEX, 32)}/${guid()}`,
  ],
];

function guid(): string {
  return [8, 4, 4, 4, 12].map((n) => rand(HEX, n)).join('-');
}

/** The random part rewritten as each kind of placeholder, separators kept. */
function placeholderVariants(random: string): string[] {
  const keep = (fill: (i: number) => string): string => {
    let k = 0;
    return random.replace(/[A-Za-z0-9]/g, () => fill(k++));
  };
  const counting = '12345678901234567890';
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return [
    keep(() => 'x'),
    keep(() => 'X'),
    keep(() => '0'),
    keep(() => 'A'),
    random.replace(/[A-Za-z0-9]/g, '*'),
    random.replace(/[A-Za-z0-9]/g, '#'),
    keep((i) => counting[i % 10] as string),
    keep((i) => letters[i % 26] as string),
    keep((i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26] as string),
    `${random.slice(0, -7)}EXAMPLE`,
    `YOUR_TOKEN_${random.slice(11)}`,
    `${random.slice(0, -4)}HERE`,
    '<your-token-here>',
    `${D}{TOKEN}`,
    '{{ token }}',
  ];
}

describe('placeholders are not secrets, for every token rule', () => {
  it("the issue's inputs", () => {
    const inputs = [
      j('gh', 'p_', 'x'.repeat(36)),
      j('github', '_pat_xxxxxxxxxxxxxxxxxxxxxx_', 'x'.repeat(59)),
      j('gl', 'pat-XXXXXXXXXXX-XXXXXXXX'),
      j('"token4": "xo', 'xp-572370529330-573807301142-572331691188-####################"'),
      j('xo', 'xe.xoxp-1-RANDOMSTRINGHERE'),
      j('GR13', '48941XXXXXXXXXXXXXXXXXXXX'),
    ];
    for (const text of inputs) expect(rules(text), text).toEqual([]);
  });

  for (const [ruleId, prefix, random] of SAMPLES) {
    it(`${ruleId} (${prefix}…): the real-looking token is found, its placeholders are not`, () => {
      expect(rules(`value: ${prefix}${random}`), `${prefix}${random}`).toContain(ruleId);
      for (const variant of placeholderVariants(random)) {
        const text = `value: ${prefix}${variant}`;
        expect(rules(text), text).toEqual([]);
        expect(rules(`token = "${prefix}${variant}"`), text).toEqual([]);
      }
    });
  }

  it('covers every token rule', () => {
    const covered = new Set(SAMPLES.map(([rule]) => rule));
    const withoutSample = [
      'secret/private-key', // bodies: see "whole key families"
      'secret/aws-secret-access-key',
      'secret/url-credentials',
      'secret/jwt',
      'secret/generic-high-entropy',
      'secret/custom-pattern',
      'secret/aws-account-id',
      'secret/azure-identifier',
      'secret/azure-client-secret',
      'secret/azure-storage-key',
      'secret/1password-service-account-token',
    ];
    for (const r of SECRET_RULE_DETAILS)
      if (!withoutSample.includes(r.id)) expect(covered.has(r.id), r.id).toBe(true);
  });

  it('the rules judged on values (assignments, URLs, keys) use the same test', () => {
    const values = [
      'x'.repeat(20),
      '1234567890abcdefgh',
      'YOUR_PASSWORD_HERE',
      '<password>',
      'EXAMPLEKEY123456',
    ];
    for (const v of values) {
      expect(isPlaceholderSecret(v), v).toBe(true);
      expect(rules(`password = "${v}"`), v).toEqual([]);
      expect(rules(`AWS_SECRET_ACCESS_KEY=${v.padEnd(40, v[0])}`), v).toEqual([]);
      expect(rules(`postgres://app:${v}@db.internal/app`), v).toEqual([]);
    }
    expect(
      rules(j('-----BEGIN ', 'PRIVATE KEY-----\n', 'x'.repeat(64), '\n-----END PRIVATE KEY-----')),
    ).toEqual([]);
  });

  it('a token cut short or masked right after it is an example', () => {
    const token = j('gh', 'p_', rand(B62, 36));
    expect(rules(`token: ${token}`)).toEqual(['secret/github-token']);
    expect(rules(`token: ${token}...`)).toEqual([]);
    expect(rules(`token: ${token}…`)).toEqual([]);
    expect(rules(`token: ${token}-####`)).toEqual([]);
  });

  it('random tokens are not mistaken for placeholders', () => {
    // 2,000 random tokens of the common alphabets: none judged a placeholder.
    for (let i = 0; i < 500; i++) {
      for (const [alphabet, n] of [
        [B62, 36],
        [HEX, 40],
        [B64, 40],
        [B32, 16],
      ] as const) {
        const value = rand(alphabet, n);
        expect(isPlaceholderSecret(value), value).toBe(false);
      }
    }
  });
});

describe('assignments in every common language', () => {
  const value = rand(B62, 32);
  const forms: [string, string][] = [
    ['XML element, value on its own line', `<genericToken>\n  ${value}\n</genericToken>`],
    ['XML element, one line', `<apiToken>${value}</apiToken>`],
    ['XML attribute pair', `<add key="ApiToken" value="${value}" />`],
    ['Go typed var', `var apiToken string = "${value}"`],
    ['Go typed var, backticks', `var apiToken string = \`${value}\``],
    ['Go short declaration', `apiToken := "${value}"`],
    ['PHP concatenating assignment', `$token .= "${value}";`],
    ['PHP single quotes', `$token = '${value}';`],
    ['PHP null coalescing assignment', `$token ??= "${value}";`],
    ['Java System.setProperty', `System.setProperty("API_TOKEN", "${value}");`],
    ['call with a default', `os.getenv("API_TOKEN", "${value}")`],
    ['Java field', `private static final String API_TOKEN = "${value}";`],
    ['Make ::=', `TOKEN ::= "${value}"`],
    ['Make :::=', `TOKEN :::= "${value}"`],
    ['Make ?=', `TOKEN ?= "${value}"`],
    ['Make :=, unquoted', `TOKEN := ${value}`],
    ['Make +=', `TOKEN += ${value}`],
    ['Kotlin typed val', `val apiKey: String = "${value}"`],
    ['Kotlin nullable', `private var apiKey: String? = "${value}"`],
    ['TypeScript typed const', `export const apiKey: string = '${value}';`],
    ['C# string', `string apiKey = "${value}";`],
    ['C# const string', `const string ApiKey = "${value}";`],
    ['Swift', `let apiKey: String = "${value}"`],
    ['env', `API_KEY=${value}`],
    ['shell export', `export API_TOKEN="${value}"`],
    ['ini', `[auth]\ntoken = ${value}`],
    ['TOML', `api_token = "${value}"`],
    ['YAML', `api_token: ${value}`],
    ['YAML quoted', `api_token: '${value}'`],
    ['JSON', `{"api_token": "${value}"}`],
    ['JSON, env text inside a string', `{"config.ini": "API_TOKEN=${value}\\nDEBUG=1"}`],
    ['properties', `app.api.token=${value}`],
    ['Terraform / HCL', `resource "x" "y" {\n  api_token = "${value}"\n}`],
    ['Ruby hash', `{ "api_token" => "${value}" }`],
    ['Python keyword argument', `Client(api_token="${value}")`],
    ['authorization header', `headers = {"Authorization": "Bearer ${value}"}`],
  ];
  for (const [name, text] of forms) {
    it(`${name}: reported`, () => {
      expect(rules(text), text).toEqual(['secret/generic-high-entropy']);
    });
  }

  it("the issue's XML input, with the generic value", () => {
    const issue = j('<genericToken>\n  ', 'Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB', '\n</genericToken>');
    expect(rules(issue)).toEqual(['secret/generic-high-entropy']);
  });

  it('the same syntaxes with placeholders, references or non-secret names: not reported', () => {
    const clean = [
      `<genericToken>\n  ${D}{TOKEN}\n</genericToken>`,
      '<apiToken>YOUR_API_TOKEN_HERE</apiToken>',
      'var tokenType string = "Bearer"',
      'var apiToken string = os.Getenv("API_TOKEN")',
      '$token .= $suffix;',
      'System.setProperty("API_TOKEN_URL", "https://auth.internal/oauth/token")',
      'TOKEN ?= $(shell cat .token)',
      'TOKEN := $(TOKEN_FROM_ENV)',
      'val passwordLength: Int = 16',
      'val apiKey: String = BuildConfig.API_KEY',
      'string apiKey = Environment.GetEnvironmentVariable("API_KEY");',
      '<UserSecretsId>79a3edd0-2092-40a2-a04d-dcb46d5ca9ed</UserSecretsId>',
      'password combination.\n\nR5: Regulatory--21',
      'if token == "abc" {',
    ];
    for (const text of clean) expect(rules(text), text).toEqual([]);
  });
});

describe('whole key families', () => {
  it('AWS access key IDs: AKIA, ASIA, ABIA, ACCA, A3T…', () => {
    for (const prefix of [j('AK', 'IA'), j('AS', 'IA'), j('AB', 'IA'), j('AC', 'CA'), j('A3', 'TX')]) {
      expect(rules(`id: ${prefix}${rand(B32, 16)}`), prefix).toContain('secret/aws-access-key-id');
    }
  });

  it('Amazon Bedrock API keys: long-term ABSK… and short-term bedrock-api-key-…', () => {
    expect(rules(`AWS_BEARER_TOKEN_BEDROCK=${j('AB', 'SKQmVkcm9ja0FQSUtleS1')}${rand(B64, 130)}=`)).toEqual([
      'secret/aws-bedrock-api-key',
    ]);
    const shortTerm = j(
      'bedrock-api-key-',
      'YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZY',
      rand(B64, 700),
    );
    expect(rules(`export AWS_BEARER_TOKEN_BEDROCK=${shortTerm}`)).toEqual(['secret/aws-bedrock-api-key']);
    expect(
      rules('AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249...'),
    ).toEqual([]);
  });

  it('GitHub: ghp_, gho_, ghu_, ghs_, ghr_, github_pat_, v1. installation tokens, ghs_<id>_<JWT>', () => {
    for (const p of ['p', 'o', 'u', 's', 'r'])
      expect(rules(j('gh', p, '_', rand(B62, 36))), p).toEqual(['secret/github-token']);
    expect(rules(j('github', '_pat_11', rand(B62, 20), '_', rand(B62, 59)))).toEqual(['secret/github-token']);
    expect(rules(`{"token": "${j('v1', '.', rand(HEX, 40))}"}`)).toEqual(['secret/github-token']);
  });

  it('GitLab: every documented prefix, routable tokens, runner registration, session cookie', () => {
    for (const p of ['pat', 'dt', 'rt', 'ptt', 'ft', 'imt', 'agent', 'oas', 'cbt', 'soat', 'ffct', 'wt'])
      expect(rules(j('gl', p, '-', rand(B62, 24))), p).toEqual(['secret/gitlab-token']);
    expect(rules(j('gl', 'pat-', rand(B62, 27), '.01.', rand(DIG, 9)))).toEqual(['secret/gitlab-token']);
    expect(rules(j('gl', 'rt-t1_', rand(B62, 27), '.', rand(DIG, 9)))).toEqual(['secret/gitlab-token']);
    expect(rules(j('GR13', '48941', rand(B62, 20)))).toEqual(['secret/gitlab-token']);
    expect(
      rules(j('Cookie: _gitlab', '_session=', rand('abcdefghijklmnopqrstuvwxyz0123456789', 32))),
    ).toEqual(['secret/gitlab-token']);
  });

  it('Slack: bot, user, app, configuration, refresh, legacy and workspace tokens; webhooks', () => {
    const tokens = [
      j('xo', 'xb-', rand(DIG, 12), '-', rand(DIG, 13), '-', rand(B62, 24)),
      j('xo', 'xb-', rand(DIG, 12), '-', rand(B62, 24)),
      j('xo', 'xp-', rand(DIG, 11), '-', rand(DIG, 12), '-', rand(DIG, 12), '-', rand(HEX, 32)),
      j('xa', 'pp-1-A', rand(B32, 10), '-', rand(DIG, 13), '-', rand(HEX, 64)),
      j('xo', 'xe.xoxb-1-', rand(B62, 165)),
      j('xo', 'xe-1-', rand(B62, 146)),
      j('xo', 'xs-', rand(DIG, 10), '-', rand(DIG, 10), '-', rand(DIG, 10), '-', rand(HEX, 10)),
      j('xo', 'xa-2-', rand(B62, 20)),
      j('xo', 'xr-', rand(B62, 20)),
    ];
    for (const t of tokens) expect(rules(`token: "${t}"`), t).toEqual(['secret/slack-token']);
    const hooks = [
      j('https://hooks.', 'slack.com/services/T', rand(B32, 8), '/B', rand(B32, 10), '/', rand(B62, 24)),
      j('hooks.', 'slack.com/services/', rand(B62, 44)),
      j(
        'https://hooks.',
        'slack.com/workflows/T',
        rand(B32, 10),
        '/A',
        rand(B32, 10),
        '/',
        rand(DIG, 18),
        '/',
        rand(B62, 24),
      ),
    ];
    for (const h of hooks) expect(rules(h), h).toEqual(['secret/slack-webhook']);
  });

  it('Vault: hvs., hvb., hvr.; legacy s. and b. tokens under a Vault/token name only', () => {
    for (const p of ['s', 'b', 'r'])
      expect(rules(j('hv', p, '.', rand(B62, 90))), p).toEqual(['secret/vault-token']);
    expect(rules(`VAULT_TOKEN=${j('s', '.', '7', rand(B62, 23))}`)).toEqual(['secret/vault-token']);
    expect(rules(`vault_token: ${j('b', '.', '7', rand(B62, 23))}`)).toEqual(['secret/vault-token']);
    expect(rules(`label: ${j('s', '.', '7', rand(B62, 23))}`)).toEqual([]);
    expect(rules('token: s.AcceptanceTimeoutSeconds')).toEqual([]);
  });

  it('private keys: PKCS#1, PKCS#8, SEC1, encrypted, OpenSSH, PGP armour, PuTTY', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const ed = generateKeyPairSync('ed25519').privateKey;
    const pems = [
      rsa.export({ type: 'pkcs1', format: 'pem' }),
      rsa.export({ type: 'pkcs8', format: 'pem' }),
      rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' }),
      ec.export({ type: 'sec1', format: 'pem' }),
      ed.export({ type: 'pkcs8', format: 'pem' }),
    ].map(String);
    for (const p of pems) expect(rules(p), p.split('\n')[0]).toEqual(['secret/private-key']);
    const body = (prefix: string, n: number): string =>
      (prefix + rand(B64, n)).match(/.{1,64}/g)?.join('\n') ?? '';
    const openssh = j(
      '-----BEGIN OPENSSH ',
      'PRIVATE KEY-----\n',
      body('b3BlbnNzaC1rZXktdjEAAAAA', 300),
      '\n-----END OPENSSH PRIVATE KEY-----',
    );
    const pgp = j(
      '-----BEGIN PGP ',
      'PRIVATE KEY BLOCK-----\n\n',
      body('lQWGBGSVV4YB', 300),
      '\n=8xQN\n-----END PGP PRIVATE KEY BLOCK-----',
    );
    const putty = j(
      'PuTTY-User-Key-',
      'File-3: ssh-ed25519\nEncryption: none\nComment: ci\nPublic-Lines: 2\n',
      rand(B64, 64),
      '\n',
      rand(B64, 4),
      '\nPrivate-Lines: 1\n',
      rand(B64, 44),
      '\nPrivate-MAC: ',
      rand(HEX, 64),
    );
    for (const k of [openssh, pgp, putty]) expect(rules(k), k.split('\n')[0]).toEqual(['secret/private-key']);
  });
});

describe('docs/secrets.md', () => {
  it('has a section per rule with what it catches, the fix and known limits', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/secrets.md', import.meta.url), 'utf8');
    for (const r of SECRET_RULE_DETAILS) {
      const start = doc.indexOf(`### \`${r.id}\`\n`);
      expect(start, r.id).toBeGreaterThan(-1);
      const section = doc.slice(start, doc.indexOf('\n### ', start + 1) >>> 0 || undefined);
      expect(section, r.id).toContain(r.description);
      expect(section, r.id).toContain('**Fix:**');
      expect(section, r.id).toContain('**Known limits:**');
    }
  });
});
