/**
 * Issue 9, kind 8: plain-text transport. A credential endpoint (Vault URL from the registry, an
 * input or a flag; the STS endpoint override) over http:// to a non-loopback host is refused
 * before any token unless the user opts in (action input allow-insecure-http, CLI flag
 * --allow-insecure-http, GitLab input allow_insecure_http); loopback stays allowed. End to end,
 * a TCP relay on this machine's non-loopback address stands for a Vault or STS on the network:
 * it counts connections, so "refused" means not one byte was sent.
 */
import { readFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCredentialTransport, isLoopbackHost } from '../../packages/core/index.js';
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

describe('core: checkCredentialTransport', () => {
  it.each([
    'https://vault.example.com:8200',
    'https://10.0.0.5',
    'http://127.0.0.1:8200',
    'http://127.1:8200', // the URL parser makes it 127.0.0.1
    'http://2130706433', // and this
    'http://0x7f000001',
    'http://127.255.255.254',
    'http://[::1]:8200',
    'http://[0:0:0:0:0:0:0:1]',
    'http://[::ffff:127.0.0.1]',
    'http://localhost:8200',
    'http://LOCALHOST',
  ])('allows %s', (url) => {
    expect(checkCredentialTransport(url, { what: 'x' }).insecure).toBe(false);
  });

  it.each([
    'http://vault.example.com:8200',
    'http://10.0.0.5:8200',
    'http://192.168.1.10',
    'http://0.0.0.0:8200',
    'http://[::]:8200',
    'http://[fd00::2]',
    'http://[::ffff:10.0.0.1]',
    'http://128.0.0.1',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'http://vault.localhost', // resolver-dependent: not treated as loopback
    'http://localhost.', // a trailing dot goes to DNS
    'HTTP://VAULT.EXAMPLE.COM',
  ])('refuses %s and names the opt-in', (url) => {
    let message = '';
    try {
      checkCredentialTransport(url, { what: "input 'vault-url'", optIn: 'allow-insecure-http: true' });
    } catch (e) {
      message = (e as Error & { format(): string }).format();
    }
    expect(message).toMatch(/^input 'vault-url': http:\/\/.* uses plain http:\/\//);
    expect(message).toContain('allow-insecure-http: true');
    expect(checkCredentialTransport(url, { what: 'x', allowInsecure: true }).insecure).toBe(true);
  });

  it.each([
    ['ftp://vault.example.com', /ftp:\/\/ is not an http\(s\) URL/],
    ['file:///etc/passwd', /file:\/\/ is not an http\(s\) URL/],
    ['javascript:alert(1)', /is not an http\(s\) URL/],
    ['vault.example.com:8200', /is not an http\(s\) URL|is not a URL/],
    ['not a url', /is not a URL/],
    ['https://admin:hunter2@vault.example.com', /carries a user name or password/],
    ['http://user:s3cr3t@127.0.0.1', /carries a user name or password/],
  ])('refuses %s even with the opt-in, never echoing a password', (url, message) => {
    expect(() => checkCredentialTransport(url, { what: 'x', allowInsecure: true })).toThrow(message);
    try {
      checkCredentialTransport(url, { what: 'x', allowInsecure: true });
    } catch (e) {
      expect((e as Error).message).not.toMatch(/hunter2|s3cr3t/);
    }
  });

  it('isLoopbackHost takes hosts as the URL parser prints them', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::ffff:7f00:1]')).toBe(true);
    expect(isLoopbackHost('[::ffff:a00:1]')).toBe(false);
  });
});

/** The first non-internal IPv4 address of this machine, if it has one. */
function externalIPv4(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

interface Relay {
  url: string;
  connections: number;
  close(): Promise<void>;
}

/** A TCP relay on `host` to a server on 127.0.0.1: a credential endpoint "on the network". */
async function relay(host: string, target: string): Promise<Relay> {
  const port = Number(new URL(target).port);
  const sockets = new Set<Socket>();
  const state = { connections: 0 };
  const server: Server = createServer((client) => {
    state.connections++;
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const address = server.address() as { port: number };
  return {
    url: `http://${host}:${address.port}`,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const HOST = externalIPv4();

describe('end to end', () => {
  let sb: Sandbox;
  let vault: Relay | undefined;
  let sts: Relay | undefined;
  beforeAll(async () => {
    sb = await startSandbox();
    if (HOST) {
      vault = await relay(HOST, sb.vaultUrl);
      sts = await relay(HOST, sb.env.AWS_ENDPOINT_URL_STS);
    }
  });
  afterAll(async () => {
    await vault?.close();
    await sts?.close();
    await sb?.close();
  });
  beforeEach(() => resetSandbox(sb));

  const errorsOf = (r: { commands: { command: string; message: string }[] }) =>
    r.commands
      .filter((c) => c.command === 'error')
      .map((c) => c.message)
      .join('\n');

  it.each([
    'http://vault.example.com:8200',
    'http://10.0.0.5:8200',
    'http://127.0.0.1.nip.io:8200',
    'http://[::ffff:10.0.0.1]:8200',
  ])('action: registry vault url %s is refused at its line before any token', async (url) => {
    const registry = registryYaml(sb).replaceAll(sb.vaultUrl, url);
    const ws = makeWorkspace(sb, registry);
    const r = await main(sb, ws, { agent: 'review-bot', purpose: 'Review' });
    expect(r.exitCode).toBe(1);
    const line = registry.split('\n').findIndex((l) => l.includes(`url: ${url}`)) + 1;
    const errors = errorsOf(r);
    expect(errors).toContain(`agent-config.yaml:${line}`);
    expect(errors).toMatch(
      /credentials\.vault\.url http:\/\/.* uses plain http:\/\/, so the OIDC token and the Vault token/,
    );
    expect(errors).toContain('allow-insecure-http: true');
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });

  it('action: input vault-url over http is refused naming the input', async () => {
    const ws = makeWorkspace(sb);
    const r = await main(sb, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'vault-url': 'http://vault.example.com:8200',
    });
    expect(r.exitCode).toBe(1);
    expect(errorsOf(r)).toMatch(/^input 'vault-url': http:\/\/vault\.example\.com:8200 uses plain http/m);
    expect(errorsOf(r)).toContain('the input allow-insecure-http: true');
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });

  it('action: loopback stays allowed, in any spelling the URL parser folds to 127.0.0.1', async () => {
    const ws = makeWorkspace(sb);
    const port = new URL(sb.vaultUrl).port;
    const r = await main(sb, ws, {
      agent: 'review-bot',
      purpose: 'Review',
      'vault-url': `http://127.1:${port}`,
    });
    expect(r.exitCode, errorsOf(r)).toBe(0);
    expect(r.exportedEnv.VAULT_ADDR).toBe(`http://127.1:${port}`);
  });

  it.skipIf(!HOST)(
    'action: a non-loopback http Vault: refused (no connection), then allowed by the opt-in',
    async () => {
      const registry = registryYaml(sb).replaceAll(sb.vaultUrl, vault!.url);
      const ws = makeWorkspace(sb, registry);
      const before = vault!.connections;
      const refused = await main(sb, ws, { agent: 'review-bot', purpose: 'Review' });
      expect(refused.exitCode).toBe(1);
      expect(vault!.connections).toBe(before);
      expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);

      const allowed = await main(sb, ws, {
        agent: 'review-bot',
        purpose: 'Review',
        'allow-insecure-http': 'true',
      });
      expect(allowed.exitCode, errorsOf(allowed)).toBe(0);
      expect(vault!.connections).toBeGreaterThan(before);
      expect(allowed.exportedEnv.VAULT_ADDR).toBe(vault!.url);
      const warnings = allowed.commands.filter((c) => c.command === 'warning').map((c) => c.message);
      expect(warnings.join('\n')).toMatch(/uses plain http \(allowed by the opt-in\)/);
      expect(allowed.summary).toMatch(/plain http/);
    },
  );

  it.skipIf(!HOST)(
    'action: AWS_ENDPOINT_URL_STS over http to the network: refused, then allowed by the opt-in',
    async () => {
      const ws = makeWorkspace(sb);
      const env = { AWS_ENDPOINT_URL_STS: sts!.url };
      const before = sts!.connections;
      const refused = await main(sb, ws, { agent: 'deploy-bot', purpose: 'Deploy' }, { env });
      expect(refused.exitCode).toBe(1);
      expect(errorsOf(refused)).toMatch(
        /^AWS_ENDPOINT_URL_STS: http:\/\/.* uses plain http:\/\/, so the OIDC token and the AWS session keys/m,
      );
      expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
      expect(sts!.connections).toBe(before);
      const allowed = await main(
        sb,
        ws,
        { agent: 'deploy-bot', purpose: 'Deploy', 'allow-insecure-http': 'true' },
        { env },
      );
      expect(allowed.exitCode, errorsOf(allowed)).toBe(0);
      expect(sts!.connections).toBeGreaterThan(before);
    },
  );

  it('action: AWS_ENDPOINT_URL (the global override) is held to the same rule', async () => {
    const ws = makeWorkspace(sb);
    const r = await main(
      sb,
      ws,
      { agent: 'deploy-bot', purpose: 'Deploy' },
      { env: { AWS_ENDPOINT_URL_STS: '', AWS_ENDPOINT_URL: 'http://sts.example.com' } },
    );
    expect(r.exitCode).toBe(1);
    expect(errorsOf(r)).toMatch(/^AWS_ENDPOINT_URL: http:\/\/sts\.example\.com uses plain http/m);
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });

  it('CLI: --vault-url over http is refused naming the flag and --allow-insecure-http', async () => {
    const dir = tempDir('astl-transport-cli-');
    const r = await runCli(
      ['credentials', '--agent', 'x', '--id-token-env', 'T', '--vault-url', 'http://vault.example.com'],
      { cwd: dir, env: { T: 'x' } },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^astl: --vault-url: http:\/\/vault\.example\.com uses plain http/m);
    expect(r.stderr).toContain('--allow-insecure-http');
    expect(tokenTraffic(sb)).toEqual(NO_TRAFFIC);
  });

  it.skipIf(!HOST)('CLI: a registry http Vault on the network needs --allow-insecure-http', async () => {
    const dir = tempDir('astl-transport-cli-');
    const registry = registryYaml(sb).replaceAll(sb.vaultUrl, vault!.url);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'agent-config.yaml'), registry);
    // The runner's token endpoint (a GitHub step), whose tokens the sandbox Vault role trusts.
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: sb.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      GITHUB_ACTIONS: 'true',
      CI_PROJECT_DIR: dir,
    };
    const args = ['credentials', '--agent', 'review-bot', '--purpose', 'Review'];
    const before = vault!.connections;
    const refused = await runCli(args, { cwd: dir, env });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/credentials\.vault\.url http:\/\/.* uses plain http/);
    expect(refused.stderr).toContain('--allow-insecure-http');
    expect(vault!.connections).toBe(before);
    const allowed = await runCli([...args, '--allow-insecure-http'], { cwd: dir, env });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/plain http \(allowed by the opt-in\)/);
    expect(vault!.connections).toBeGreaterThan(before);
  });

  it('the opt-in is documented in the action, the CLI and the GitLab component', () => {
    const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
    expect(action.inputs['allow-insecure-http'].default).toBe('false');
    const component = readFileSync(join(repoRoot, 'gitlab/templates/agent-credentials.yml'), 'utf8');
    const spec = parse(component.split('\n---\n')[0]!);
    expect(spec.spec.inputs.allow_insecure_http).toMatchObject({ type: 'boolean', default: false });
    expect(component).toContain('--allow-insecure-http');
  });
});
