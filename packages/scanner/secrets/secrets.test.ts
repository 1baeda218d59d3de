import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSecretName, looksLikeSecretValue } from './detectors.js';
import { type DetectSecretsOptions, detectSecrets, SECRET_RULES } from './index.js';

// Test values are assembled from parts so this file itself does not trip secret scanners
// (push protection, our own scan of the repository).
const j = (...parts: string[]): string => parts.join('');
/** `$` for writing `${VAR}` and `${{ secrets.X }}` in template literals without interpolation. */
const D = '$';

const GITHUB_CLASSIC = j('ghp_', 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx');
const GITHUB_FINE = j(
  'github_pat_',
  '11AAGI73I0HFY8wJru4mTw_ZlpxaViSYQuKETGMTXMkbWFrZCqjas5OpXSUP6g5zbrE2PRUI7CfRZ3m3z3',
);
const AWS_ID = j('AKIA', 'Z3MSJV4WSECRET12');
const AWS_SECRET = j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYSECRETSKEY');
const GITLAB = j('glpat-', 'q7Hv2KdWm9XzR4cLpT8b');
const SLACK_BOT = j('xoxb-', '23984754863-2348975623000-AAAAANzjawSSE9krECohd');
const SLACK_HOOK = j('https://hooks.slack.com/services/', 'T11111AA/BAAAA111A/qKirRWalryBGqKirRWalryBG');
const VAULT_HVS = j(
  'hvs.',
  'CAESIJqY0P8Hn6kCgVZBL3lDqRkUDWcO4mXAZl5kz3eJ9tCGh4KHGh2cy5KZ2FjWHF1UTRvWFlYSjFpbzF1R0hqVE0',
);
const VAULT_SHORT = j('hvs.', '6j4cuewowBGit65rheNoceI7');
const VAULT_LEGACY = j('s.', 'Qf1s5zigZ4OX6akYjQXJC1jY');
const NPM = j('npm_', 'qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakP');
const JWT = j(
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
  '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
);
const RSA_BODY = [
  'MIICWwIBAAKBgQCYdGaf5uYMsilGHfnx/zxXtihdGFr3hCWwebHGhgEAVn0xlsTd',
  '1QwoKi+rpI1O6hzyVOuoQtboODsONGRlHbNl6yJ936Yhmr8PiNwpA5qIxZAdmFv2',
  'tqEllWr0dGPPm3B/2NbjuMpSiJNAcBQa46X++doG5yNMY8NCgTsjBZIBKwIDAQAB',
];
const PEM = [
  j('-----BEGIN RSA ', 'PRIVATE KEY-----'),
  ...RSA_BODY,
  j('-----END RSA ', 'PRIVATE KEY-----'),
].join('\n');

function rules(text: string, options?: DetectSecretsOptions): string[] {
  return detectSecrets(text, 'file.txt', options).map((f) => f.ruleId);
}

describe('token rules', () => {
  const positives: [string, string][] = [
    ['secret/github-token', `token: ${GITHUB_CLASSIC}`],
    ['secret/github-token', GITHUB_FINE],
    [
      'secret/github-token',
      j('https://', 'f3a91c07be5d2648a0c7e19b3d5f2a8c64e0b71d', ':x-oauth-basic@github.com/o/r.git'),
    ],
    ['secret/aws-access-key-id', `aws_access_key_id = ${AWS_ID}`],
    ['secret/aws-secret-access-key', `AWS_SECRET_ACCESS_KEY = ${AWS_SECRET}`],
    ['secret/aws-secret-access-key', `"secretAccessKey": "${AWS_SECRET}"`],
    ['secret/gitlab-token', `GITLAB_TOKEN=${GITLAB}`],
    ['secret/gitlab-token', j('runner_token: glrt-', 't1_q7Hv2KdWm9XzR4cLpT8bNe')],
    ['secret/slack-token', `bot-token=${SLACK_BOT}`],
    ['secret/slack-webhook', `url: ${SLACK_HOOK}`],
    ['secret/vault-token', `VAULT_TOKEN=${VAULT_HVS}`],
    ['secret/vault-token', `token: ${VAULT_SHORT}`],
    ['secret/vault-token', `VAULT_TOKEN=${VAULT_LEGACY}`],
    ['secret/npm-token', NPM],
    ['secret/npm-token', j('//registry.npmjs.org/:_authToken=', '1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901')],
    ['secret/private-key', PEM],
    ['secret/private-key', `{"key": "${PEM.replaceAll('\n', '\\n')}"}`],
    ['secret/jwt', `Authorization: Bearer ${JWT}`],
    ['secret/url-credentials', j('DATABASE_URL=postgres://app:', 's3cr3tP4ss', '@db.internal:5432/app')],
    ['secret/url-credentials', j('https://deploy:', 'r3alP4ssw0rd', '@git.example.net/repo.git')],
    ['secret/stripe-secret-key', j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc')],
    ['secret/google-cloud-key', j('GOOGLE_API_KEY=AIza', 'SyD4n7Yq3kLp9Xw2Vb8Zr1Tc6Mf0Hg5Je4Q')],
    ['secret/google-cloud-key', j('"client_secret": "GOCSPX-', 'q8Zr2vLw9XkP3mTb7Yn4Kd1Hs6Fa"')],
    ['secret/azure-client-secret', j('AZURE_CLIENT_SECRET=Xy7', '8Q~', 'q8Zr2vLw9XkP3mTb7Yn4Kd1Hs6FaB2cD5e')],
    [
      'secret/azure-storage-key',
      j(
        'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=',
        'q8Zr2vLw9XkP3mTb7Yn4Kd1Hs6FaB2cD5eG8hJ1kL4mN7pQ0rS3tU6vW9xY2zA5bC8dE1fG4hJ7kL0mN3pQ6rS',
        '==;EndpointSuffix=core.windows.net',
      ),
    ],
    ['secret/pulumi-token', j('PULUMI_ACCESS_TOKEN=pul-', '3f9c1e7a2b4d6f8091a3c5e7b9d1f3a5c7e9b1d3')],
    ['secret/generic-high-entropy', j('password = "', 'q8Zr2vLw9XkP3mTb', '"')],
    ['secret/generic-high-entropy', j('api_key: ', '7f3kLq9ZxV2mNw8RtY4b')],
    [
      'secret/generic-high-entropy',
      j('const azureClientSecret = "', 'ahDzWAqqBHgpAeUBUULuU0gA4p09rt0WDAsUOmFg', '";'),
    ],
  ];
  for (const [ruleId, text] of positives) {
    it(`${ruleId}: ${text.slice(0, 40)}`, () => {
      expect(rules(text)).toContain(ruleId);
    });
  }

  const negatives: [string, string][] = [
    ['wrong prefix', j('gXX_', 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx')],
    ['too long classic token', `${GITHUB_CLASSIC}x`],
    ['token glued to a word', `x${GITHUB_CLASSIC.replace('ghp', 'ghp')}`.replace('xghp', 'aghp')],
    ['too short gitlab', 'glpat-abc'],
    ['AWS documentation example', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    [
      'encrypted blob under the AWS name',
      'AWS_SECRET_ACCESS_KEY = R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==',
    ],
    ['placeholder key body', j('-----BEGIN ', 'PRIVATE KEY-----\nxxx\n-----END ', 'PRIVATE KEY-----')],
    [
      'public key',
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----',
    ],
    ['vault placeholder', '# token: hvs.example'],
    ['stripe publishable key', j('pk_live_', '4eC39HqLyjWDarjtT1zdp7dc')],
    ['url placeholder password', `https://user:${D}{PASSWORD}@example.com`],
    ['url template', 'postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/db'],
    ['url with identical user and password', 'postgres://postgres:postgres@localhost:5432/db'],
  ];
  for (const [name, text] of negatives) {
    it(`not reported: ${name}`, () => {
      expect(rules(text)).toEqual([]);
    });
  }
});

describe('generic assignments', () => {
  const clean = [
    `password: ${D}{{ secrets.DB_PASSWORD }}`,
    `token: ${D}{{ secrets.GITHUB_TOKEN }}`,
    `password = "${D}{DB_PASSWORD}"`,
    'API_KEY=$(vault kv get -field=key secret/app)',
    'export TOKEN=$TOKEN_FROM_CI',
    'password: changeme',
    'password: "xxxxxxxxxxxxxxxx"',
    'api_key: <your-api-key-here>',
    'secret: YOUR_SECRET_HERE_1234',
    'password: "example-password-123"',
    'token = process.env.GITHUB_TOKEN2',
    'const secret = getSecret(name1);',
    'password_file: /run/secrets/db_password_2024',
    'token_url: https://auth.example.com/oauth2/token',
    'secretName: app-credentials-v2',
    'if (token === "abc123def456ghi789") {}',
    'password: hunter2',
    'token: string',
    'exports.CreateOAuth2TokenCommand = CreateOAuth2TokenCommand;',
    'const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";',
    'auth: "personal-access-token123",',
    'clientSecret: "VERY_SECRET_CLIENT_SECRET_42",',
    'const apiToken = "abc123xyz456";',
    '@example arn:aws:secretsmanager:us-east-1:123456789012:secret:SecretName-6RandomCharacters',
  ];
  for (const text of clean) {
    it(`not reported: ${text}`, () => {
      expect(rules(text)).toEqual([]);
    });
  }

  it('stops unquoted values at query and bracket separators', () => {
    const [f] = detectSecrets(
      j('GET /login?user=bob&password=', 'q8Zr2vLw9XkP3mTb', '&next=/home'),
      'access.log',
    );
    expect(f?.ruleId).toBe('secret/generic-high-entropy');
    expect(f?.snippet).toBe('GET /login?user=bob&password=q8Zr***&next=/home');
  });

  it('names', () => {
    expect(isSecretName('DB_PASSWORD')).toBe(true);
    expect(isSecretName('azureClientSecret')).toBe(true);
    expect(isSecretName('api_key')).toBe(true);
    expect(isSecretName('secret_name')).toBe(false);
    expect(isSecretName('tokenUrl')).toBe(false);
    expect(isSecretName('monkey')).toBe(false);
  });

  it('values', () => {
    expect(looksLikeSecretValue('q8Zr2vLw9XkP3mTb', true)).toBe(true);
    expect(looksLikeSecretValue('aaaaaaaaaaaa1', true)).toBe(false);
    expect(looksLikeSecretValue('config.auth.token', false)).toBe(false);
  });
});

describe('findings', () => {
  it('locates the secret (1-based line and column), redacts the snippet, never leaks the value', () => {
    const text = `# config\n\ngithub:\n  token: ${GITHUB_CLASSIC}\n`;
    const [f] = detectSecrets(text, 'conf/app.yml');
    expect(f).toMatchObject({
      ruleId: 'secret/github-token',
      severity: 'error',
      file: 'conf/app.yml',
      line: 4,
      column: 10,
      snippet: '  token: ghp_***',
    });
    expect(f?.message).toContain('Remove the GitHub token');
    const serialised = JSON.stringify(f);
    expect(serialised).not.toContain(GITHUB_CLASSIC.slice(4));
    expect(f?.fingerprint).not.toContain(GITHUB_CLASSIC);
  });

  it('redacts every secret on a shared line', () => {
    const text = `a=${GITHUB_CLASSIC} b=${NPM}`;
    const findings = detectSecrets(text, 'x');
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.snippet).not.toContain(GITHUB_CLASSIC.slice(8));
      expect(f.snippet).not.toContain(NPM.slice(8));
    }
  });

  it('keeps fingerprints when lines move and separates different secrets', () => {
    const a = detectSecrets(`token: ${GITHUB_CLASSIC}`, 'x.yml')[0];
    const b = detectSecrets(`\n\n# moved\n  token:   ${GITHUB_CLASSIC}`, 'x.yml')[0];
    const other = detectSecrets(`token: ${GITHUB_CLASSIC.slice(0, -1)}Y`, 'x.yml')[0];
    expect(a?.fingerprint).toBeDefined();
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.line).not.toBe(b?.line);
    expect(other?.fingerprint).not.toBe(a?.fingerprint);
  });

  it('warns (not errors) for generic entropy, errors for live token formats', () => {
    expect(detectSecrets(j('password = "', 'q8Zr2vLw9XkP3mTb', '"'), 'x')[0]?.severity).toBe('warning');
    expect(detectSecrets(GITLAB, 'x')[0]?.severity).toBe('error');
  });

  it('reports a JWT inside a GitHub installation token once, as the GitHub token', () => {
    const token = j('ghs_12345_', JWT);
    expect(rules(token)).toEqual(['secret/github-token']);
  });

  it('honours disable, opt-in enable and allow', () => {
    expect(rules(`id: ${AWS_ID}`, { disable: ['secret/aws-access-key-id'] })).toEqual([]);
    expect(rules('"AWS_ACCOUNT_ID"=>0000-0000-0000')).toEqual([]);
    expect(rules('"AWS_ACCOUNT_ID"=>0000-0000-0000', { enable: ['secret/aws-account-id'] })).toEqual([
      'secret/aws-account-id',
    ]);
    expect(rules(GITLAB, { allow: [GITLAB] })).toEqual([]);
    expect(rules(GITLAB, { allow: ['/^glpat-q7H/'] })).toEqual([]);
    expect(rules(GITLAB, { allow: ['/^nothing/'] })).toEqual(['secret/gitlab-token']);
  });

  it('every rule has metadata', () => {
    const ids = SECRET_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SECRET_RULES) {
      expect(r.id).toMatch(/^secret\//);
      expect(r.helpAnchor).toMatch(/^#secret/);
    }
  });
});

describe('custom patterns', () => {
  it('reports matches of a user pattern, marking the first group as the secret', () => {
    const options: DetectSecretsOptions = {
      customPatterns: [
        {
          name: 'ACME token',
          pattern: '/acme_key\\s*=\\s*(acme_[a-z0-9]{12})/i',
          allow: ['acme_000000000000'],
        },
      ],
    };
    const [f] = detectSecrets('x\nACME_KEY = acme_1a2b3c4d5e6f\n', 'a.cfg', options);
    expect(f).toMatchObject({ ruleId: 'secret/custom-pattern', line: 2, snippet: 'ACME_KEY = acme***' });
    expect(f?.message).toContain('ACME token');
    expect(detectSecrets('ACME_KEY = acme_000000000000', 'a.cfg', options)).toEqual([]);
  });

  it('limits patterns to files by glob, and reports whole files that must not be committed', () => {
    const options: DetectSecretsOptions = {
      customPatterns: [{ name: 'env file', filePathGlobs: ['**/.env*', '!**/.env.example'] }],
    };
    expect(rules('A=1', { ...options })).toEqual([]);
    expect(detectSecrets('A=1', 'app/.env.local', options).map((f) => f.ruleId)).toEqual([
      'secret/custom-pattern',
    ]);
    expect(detectSecrets('A=1', 'app/.env.example', options)).toEqual([]);
  });

  it('rejects invalid patterns with a located, actionable error', () => {
    expect(() => detectSecrets('x', 'f', { customPatterns: [{ name: 'bad', pattern: '(?<=x)y' }] })).toThrow(
      /customPatterns\[0\] \("bad"\).*RE2/,
    );
  });
});

describe('robustness', () => {
  it('scans a 5 MB single line with a secret at the end', () => {
    const line = `${'var a=1,b="x",c=function(){return a+b};'.repeat(130_000)}token="${GITHUB_CLASSIC}"`;
    expect(line.length).toBeGreaterThan(5_000_000);
    const findings = detectSecrets(line, 'bundle.min.js');
    expect(findings.map((f) => f.ruleId)).toContain('secret/github-token');
    expect(findings[0]?.snippet?.length ?? 0).toBeLessThan(400);
  });

  it('finishes on pathological inputs', () => {
    const inputs = [
      `${'a'.repeat(1_000_000)}=`,
      `password=${'a'.repeat(1_000_000)}`,
      'password='.repeat(200_000),
      'ghp_'.repeat(500_000),
      '-----BEGIN PRIVATE KEY-----'.repeat(100_000),
      `-----BEGIN PRIVATE KEY-----\n${'MI'.repeat(500_000)}`,
      'https://a:b@'.repeat(200_000),
      `${'://'.repeat(300_000)}`,
      'xoxb-1-'.repeat(200_000),
      'eyJ'.repeat(300_000),
      `eyJ${'a'.repeat(500_000)}.eyJ${'b'.repeat(500_000)}.`,
      'token: "'.repeat(200_000),
      '0x'.repeat(500_000),
      'sk-'.repeat(500_000),
      `${'\n'.repeat(1_000_000)}${GITHUB_CLASSIC}`,
      // Many findings: overlap removal and snippet redaction must stay linear in their number.
      `${GITHUB_CLASSIC}\n`.repeat(50_000),
      j('https://user:', 'passw0rd1', '@').repeat(50_000),
    ];
    for (const input of inputs) expect(Array.isArray(detectSecrets(input, 'x'))).toBe(true);
    expect(detectSecrets(`${'\n'.repeat(1_000_000)}${GITHUB_CLASSIC}`, 'x')[0]?.line).toBe(1_000_001);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        detectSecrets(s, 'x');
        detectSecrets(`token=${s}`, 'x');
        detectSecrets(`-----BEGIN PRIVATE KEY-----${s}-----END`, 'x');
      }),
      { numRuns: 300 },
    );
  });
});
