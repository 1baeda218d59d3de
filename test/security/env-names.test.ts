/**
 * Issue 9, kind 3: environment names that change later steps. Every name the product exports
 * from user text (registry `secrets[].env`, the `vault-secrets` input, the CLI's env file) must
 * be `^[A-Z_][A-Z0-9_]*$` and not a reserved name (core/env-names), refused before any token,
 * naming the registry file:line or the input. Proven on the module, the registry parser, the
 * engine's backstop, the scanner, the action bundle and the CLI process against the sandbox.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AstlError,
  AstlErrors,
  ENV_NAME_PATTERN,
  envNameProblem,
  RESERVED_ENV_GROUPS,
  suggestEnvName,
} from '../../packages/core/index.js';
import { MintFailure, mintCredentials } from '../../packages/credentials/mint.js';
import { awsProvider } from '../../packages/credentials/providers/aws.js';
import { vaultProvider } from '../../packages/credentials/providers/vault.js';
import { parseRegistry } from '../../packages/registry/index.js';
import { scan } from '../../packages/scanner/index.js';
import { envFileText } from '../../src/cli/files.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import {
  main,
  makeWorkspace,
  NO_TRAFFIC,
  registryYaml,
  resetSandbox,
  tokenTraffic,
} from '../credentials/helpers.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { repoRoot } from '../support/runner.js';

/** Names that change how a later program runs, one or more per group, in several spellings. */
const REFUSED = [
  'GH_TOKEN',
  'GH_HOST',
  'gh_pager',
  'GH_ENTERPRISE_TOKEN',
  'PATH',
  'path',
  'Path',
  'PATHEXT',
  'SHELL',
  'LD_PRELOAD',
  'ld_preload',
  'LD_LIBRARY_PATH',
  'LD_AUDIT',
  'DYLD_INSERT_LIBRARIES',
  'GCONV_PATH',
  'BASH_ENV',
  'BASH_FUNC_X',
  'ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'PS4',
  'PROMPT_COMMAND',
  'IFS',
  'NODE_OPTIONS',
  'node_options',
  'NODE_PATH',
  'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NPM_CONFIG_SCRIPT_SHELL',
  'YARN_YARN_PATH',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'CLASSPATH',
  'MAVEN_OPTS',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PYTHONHOME',
  'PYTHONWARNINGS',
  'PIP_INDEX_URL',
  'PERL5LIB',
  'PERL5OPT',
  'RUBYOPT',
  'RUBYLIB',
  'GEM_HOME',
  'LUA_PATH',
  'LUA_INIT',
  'DOTNET_STARTUP_HOOKS',
  'GOFLAGS',
  'RUSTC_WRAPPER',
  'GIT_SSH_COMMAND',
  'GIT_CONFIG_COUNT',
  'GIT_CONFIG_KEY_0',
  'GIT_EXEC_PATH',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'DOCKER_HOST',
  'KUBECONFIG',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'REQUESTS_CA_BUNDLE',
  'SSLKEYLOGFILE',
  'HTTP_PROXY',
  'https_proxy',
  'ALL_PROXY',
  'NO_PROXY',
  'HOME',
  'TMPDIR',
  'XDG_CONFIG_HOME',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_TOKEN',
  'RUNNER_TEMP',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'INPUT_VAULT_URL',
  'STATE_REVOCATION',
  'CI',
  'CI_JOB_TOKEN',
  'GITLAB_USER_LOGIN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_ENDPOINT_URL_STS',
  'AWS_CA_BUNDLE',
  'VAULT_ADDR',
  'VAULT_TOKEN',
  'ASTL_AGENT',
];

/** Names people really give secrets, which must keep working. */
const ALLOWED = [
  'DEPLOY_TOKEN',
  'REVIEW_TOKEN',
  'NPM_TOKEN',
  'NODE_AUTH_TOKEN',
  'CARGO_REGISTRY_TOKEN',
  'SLACK_WEBHOOK_URL',
  'DATABASE_URL',
  'REGISTRY_PASSWORD',
  '_PRIVATE',
  'X1',
  'MY_PATH',
  'CIRCLE_TOKEN',
];

describe('core: env-names', () => {
  it.each(REFUSED)('refuses %s (reserved, whatever its case)', (name) => {
    const problem = envNameProblem(name);
    expect(problem?.message).toMatch(/cannot be exported: it is reserved/);
    expect(envNameProblem(suggestEnvName(name))).toBeUndefined();
  });

  it.each(ALLOWED)('allows %s', (name) => {
    expect(envNameProblem(name)).toBeUndefined();
  });

  it.each([
    'review_token',
    'Deploy_Token',
    '1TOKEN',
    'A-B',
    'A B',
    'A=B',
    'A\nB',
    'X<<EOF',
    '',
    'TOKEN\u0000',
  ])('refuses the malformed name %j', (name) => {
    expect(envNameProblem(name)?.message).toMatch(/is not an environment variable name/);
    expect(ENV_NAME_PATTERN.test(suggestEnvName(name))).toBe(true);
  });

  it('docs/security.md lists every reserved group, name and prefix with its reason', () => {
    const doc = readFileSync(join(repoRoot, 'docs/security.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Environment names'));
    for (const g of RESERVED_ENV_GROUPS) {
      expect(section, g.label).toContain(g.label);
      for (const n of g.names) expect(section, n).toContain(`\`${n}\``);
      for (const p of g.prefixes) expect(section, p).toContain(`\`${p}*\``);
    }
  });
});

const registryWith = (env: string) => `agents:
  - name: bot
    type: t
    owner: o
    purpose: p
    credentials:
      vault:
        url: https://vault.example.com
        role: r
        secrets:
          - path: secret/data/ci/a
            key: token
            env: ${env}
          - path: secret/data/ci/b
            key: token
            env: B_TOKEN
`;

describe('registry secrets[].env', () => {
  it.each([
    'LD_PRELOAD',
    'BASH_ENV',
    'GITHUB_ENV',
    'NODE_OPTIONS',
    'GIT_SSH_COMMAND',
    'path',
    'AWS_SECRET_ACCESS_KEY',
    'GH_TOKEN',
  ])('refuses %s at its file:line', (name) => {
    let err: unknown;
    try {
      parseRegistry(registryWith(name), 'agent-config.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AstlErrors);
    const reserved = (err as AstlErrors).errors.find((e) => /reserved/.test(e.message));
    expect(reserved?.location).toMatchObject({ file: 'agent-config.yaml', line: 13 });
    expect(reserved?.format()).toMatch(
      /^agent-config\.yaml:13:\d+: secrets\[\]\.env ".*" cannot be exported/,
    );
  });

  it('refuses a lower-case name through the schema and a name used twice', () => {
    expect(() => parseRegistry(registryWith('review_token'), 'r.yaml')).toThrow(
      /"review_token", which is not valid \(environment variable name .*upper-case/,
    );
    expect(() => parseRegistry(registryWith('B_TOKEN'), 'r.yaml')).toThrow(/B_TOKEN is already used/);
    expect(
      parseRegistry(registryWith('A_TOKEN'), 'r.yaml').agents[0]!.credentials.vault!.secrets,
    ).toHaveLength(2);
  });

  it('the scanner reports it as config/invalid at that line', async () => {
    const dir = tempDir('astl-env-scan-');
    writeFileSync(join(dir, 'agent-config.yaml'), registryWith('LD_PRELOAD'));
    const result = await scan({ root: dir });
    const f = result.findings.find((x) => x.ruleId === 'config/invalid');
    expect(f?.line).toBe(13);
    expect(f?.message).toMatch(/LD_PRELOAD.*reserved/);
  });
});

describe('engine backstop: a front end that skips the input check still cannot export a reserved name', () => {
  it.each(['LD_PRELOAD', 'GITHUB_PATH', 'lower_case'])('%s is refused before any token', async (name) => {
    const ws = tempDir('astl-env-engine-');
    writeFileSync(join(ws, 'agent-config.yaml'), registryWith('A_TOKEN'));
    const calls: string[] = [];
    const failure = await mintCredentials(
      {
        agent: 'bot',
        purpose: 'p',
        configPath: 'agent-config.yaml',
        policiesDir: 'policies',
        workspace: ws,
        vault: { secrets: [{ path: 'secret/data/x', key: 'k', env: name }] },
        run: { runId: '1' },
      },
      {
        getIdToken: async () => {
          calls.push('token');
          return 'x';
        },
        registerSecret: () => {},
        logger: { info: () => {}, warning: () => {}, debug: () => {} },
      },
      [
        awsProvider({
          assumeRole: async () => {
            throw new Error('no');
          },
        }),
        vaultProvider({
          login: async () => {
            calls.push('login');
            throw new Error('no');
          },
          readSecret: async () => 'v',
          revokeSelf: async () => 'revoked',
        }),
      ],
    ).catch((e) => e);
    expect(failure).toBeInstanceOf(MintFailure);
    expect((failure as MintFailure).refused).toBe(true);
    expect(((failure as MintFailure).error as AstlError).format()).toMatch(
      new RegExp(`^input 'vault-secrets': secret env "${name}"`),
    );
    expect(calls).toEqual([]);
  });

  it("the CLI's env file refuses a malformed name with an AstlError, not a crash", () => {
    expect(() => envFileText({ 'A\nB': 'x' })).toThrow(AstlError);
    expect(envFileText({ DEPLOY_TOKEN: "it's" })).toContain(`export DEPLOY_TOKEN='it'\\''s'`);
  });
});

describe('end to end: refused before any token, naming the file:line or the input', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb?.close();
  });
  beforeEach(() => resetSandbox(sb));

  it.each(['BASH_ENV', 'LD_PRELOAD', 'NODE_OPTIONS', 'GITHUB_PATH', 'GIT_SSH_COMMAND'])(
    'action: registry env %s',
    async (name) => {
      const registry = registryYaml(sb).replace(/env: DEPLOY_TOKEN/, `env: ${name}`);
      const ws = makeWorkspace(sb, registry);
      const line = registry.split('\n').findIndex((l) => l.includes(`env: ${name}`)) + 1;
      const r = await main(sb, ws, { agent: 'review-bot', purpose: 'Review' });
      expect(r.exitCode).toBe(1);
      const errors = r.commands
        .filter((c) => c.command === 'error')
        .map((c) => c.message)
        .join('\n');
      expect(errors).toContain(`agent-config.yaml:${line}`);
      expect(errors).toMatch(new RegExp(`"${name}" cannot be exported: it is reserved`));
      expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
      expect(Object.keys(r.exportedEnv)).not.toContain(name);
    },
  );

  it.each([
    ['NODE_OPTIONS', 1],
    ['LD_AUDIT', 1],
    ['github_token', 1],
    ['PYTHONSTARTUP', 2],
  ])('action: vault-secrets | %s names the input and its line', async (name, line) => {
    const ws = makeWorkspace(sb);
    const secrets =
      line === 1
        ? `secret/data/ci/deploy token | ${name}`
        : `secret/data/ci/deploy url | DEPLOY_URL\nsecret/data/ci/deploy token | ${name}`;
    const r = await main(sb, ws, { agent: 'review-bot', purpose: 'Review', 'vault-secrets': secrets });
    expect(r.exitCode).toBe(1);
    const errors = r.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.message)
      .join('\n');
    expect(errors).toContain(`input 'vault-secrets':${line}`);
    expect(errors).toContain(`"${name}"`);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
    expect(Object.keys(r.exportedEnv)).not.toContain(name);
  });

  it('CLI: a registry env PATH is refused with file:line, exit 3, and no env file', async () => {
    const dir = tempDir('astl-env-cli-');
    const registry = registryYaml(sb).replace(/env: DEPLOY_TOKEN/, 'env: PATH');
    writeFileSync(join(dir, 'agent-config.yaml'), registry);
    const line = registry.split('\n').findIndex((l) => l.includes('env: PATH')) + 1;
    const r = await runCli(
      [
        'credentials',
        '--agent',
        'review-bot',
        '--purpose',
        'Review',
        '--vault-id-token-env',
        'VAULT_ID_TOKEN',
      ],
      { cwd: dir, env: { VAULT_ID_TOKEN: await sb.issuer.mintGitLabToken({ audience: 'vault' }) } },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`agent-config.yaml:${line}`);
    expect(r.stderr).toMatch(/"PATH" cannot be exported: it is reserved \(program search path/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
    expect(() => readFileSync(join(dir, '.astl', 'credentials.env'))).toThrow();
  });
});
