/**
 * Issue 9, kind 6: state that redirects secrets. `astl revoke` reads a state file anything
 * earlier in the job could have rewritten: it must send the Vault token only to a Vault the
 * registry names for the agent (or one given to revoke itself with --vault-url), delete only the
 * state file and the env file astl wrote beside it, and never crash. Real mints against the local
 * sandbox, then forged states; an "attacker" server on 127.0.0.1 records any token it receives.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vaultRevocationRefusal } from '../../packages/credentials/revoke-guard.js';
import type { RevocationState } from '../../packages/credentials/types.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { vaultLookupSelf } from '../credentials/helpers.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { runStep } from '../support/runner.js';

let sb: Sandbox;
let attacker: Server;
let attackerUrl: string;
const stolen: string[] = [];

beforeAll(async () => {
  sb = await startSandbox({
    vaultRoles: [
      {
        name: 'astl-ci',
        boundAudiences: ['vault'],
        boundClaims: { sub: 'project_path:acme/app:*' },
        userClaim: 'sub',
        policies: ['ci-read'],
        ttlSeconds: 900,
      },
    ],
  });
  attacker = createServer((req, res) => {
    stolen.push(String(req.headers['x-vault-token'] ?? `${req.method} ${req.url}`));
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => attacker?.close(() => r()));
  await sb?.close();
});
beforeEach(() => {
  sb.reset();
  stolen.length = 0;
});

const registry = () => `agents:
  - name: vault-bot
    type: t
    owner: o
    purpose: p
    max-ttl: 1h
    credentials:
      vault:
        url: ${sb.vaultUrl}
        role: astl-ci
        audience: vault
`;

/** A GitLab-like job that minted a Vault token: its folder, env, state and the token. */
async function mintedJob(extraArgs: string[] = []) {
  const dir = tempDir('astl-revoke-job-');
  writeFileSync(join(dir, 'agent-config.yaml'), registry());
  const env = {
    CI_PROJECT_DIR: dir,
    GITLAB_CI: 'true',
    VAULT_ID_TOKEN: await sb.issuer.mintGitLabToken({ audience: 'vault' }),
  };
  const r = await runCli(
    ['credentials', '--agent', 'vault-bot', '--vault-id-token-env', 'VAULT_ID_TOKEN', ...extraArgs],
    { cwd: dir, env },
  );
  expect(r.code, r.stderr).toBe(0);
  const stateFile = join(dir, '.astl', 'state.json');
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as RevocationState & { cli: { envFile: string } };
  return { dir, env, stateFile, state, token: state.vault!.token };
}

/** The fields a forger changes: where the token goes, which agent, which file is deleted. */
interface Forged {
  agent: string;
  vault: { url: string };
  cli: { envFile: unknown };
}

function forge(job: { stateFile: string; state: object }, change: (s: Forged) => void): void {
  const s = structuredClone(job.state) as Forged;
  change(s);
  writeFileSync(job.stateFile, JSON.stringify(s));
}

const revoke = (dir: string, env: Record<string, string>, ...extra: string[]) =>
  runCli(['revoke', '--state', '.astl/state.json', ...extra], { cwd: dir, env });

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe('the Vault token goes only where the registry says', () => {
  it('a state naming the registry Vault is revoked there (the guard lets the real one through)', async () => {
    const job = await mintedJob();
    const r = await revoke(job.dir, job.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/vault\s+revoked/);
    expect(sb.vault.revokedTokens).toContain(job.token);
    expect(existsSync(job.stateFile)).toBe(false);
    expect(existsSync(job.state.cli.envFile)).toBe(false);
  });

  it.each([
    ['an attacker on loopback', () => attackerUrl],
    ['the same host under another path', () => `${sb.vaultUrl}/evil`],
    ['an https host elsewhere', () => 'https://vault.attacker.example'],
    ['a plain-http host elsewhere', () => 'http://vault.attacker.example:8200'],
    ['a URL with credentials in it', () => `http://user:pw@${new URL(attackerUrl).host}`],
    ['not a URL at all', () => 'file:///etc/passwd'],
  ])('a state forged to name %s: nothing is sent, the job goes on', async (_name, url) => {
    const job = await mintedJob();
    forge(job, (s) => {
      s.vault.url = url();
    });
    const r = await revoke(job.dir, job.env);
    expect(r.code).toBe(0);
    expect(stolen).toEqual([]);
    expect(r.stdout).toMatch(/vault\s+failed: not sent: /);
    expect(r.stdout).toContain('stays valid until');
    expect(r.stdout).toContain(`vault token revoke -accessor ${job.state.vault!.accessor}`);
    expect(r.stdout + r.stderr).not.toContain(job.token);
    expect(r.stdout + r.stderr).not.toContain(':pw@');
    noStack(r.stderr);
    // Not revoked (nothing was sent anywhere), and the files holding it are gone all the same.
    expect(await vaultLookupSelf(sb.vaultUrl, job.token)).toBe(200);
    expect(existsSync(job.stateFile)).toBe(false);
  });

  it('the message names the registry and the addresses it allows', async () => {
    const job = await mintedJob();
    forge(job, (s) => {
      s.vault.url = attackerUrl;
    });
    const r = await revoke(job.dir, job.env);
    expect(r.stdout).toContain(
      `the state names Vault ${attackerUrl}, but agent-config.yaml names ${sb.vaultUrl} for agent 'vault-bot'`,
    );
  });

  it('a state naming an agent the registry does not have, or a Vault-less agent: nothing sent', async () => {
    const job = await mintedJob();
    forge(job, (s) => {
      s.agent = 'ghost-bot';
    });
    const r = await revoke(job.dir, job.env);
    expect(r.stdout).toMatch(/names no Vault address for agent 'ghost-bot'/);
    expect(sb.vault.revokedTokens).not.toContain(job.token);
  });

  it('a registry that cannot be read: nothing sent, and the message says to pass --config', async () => {
    const job = await mintedJob();
    writeFileSync(join(job.dir, 'agent-config.yaml'), 'agents: [');
    const r = await revoke(job.dir, job.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not sent: the registry could not be read .* pass --config/);
    expect(sb.vault.revokedTokens).not.toContain(job.token);
    noStack(r.stderr);
  });

  it('minted with --vault-url: revoke needs the same --vault-url, then revokes', async () => {
    // The same loopback Vault under another address (IPv4-mapped IPv6), which the registry does not name.
    const override = sb.vaultUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const job = await mintedJob(['--vault-url', override]);
    expect(job.state.vault!.url).toBe(override);
    expect(new URL(override).origin).not.toBe(new URL(sb.vaultUrl).origin);
    const refused = await revoke(job.dir, job.env);
    expect(refused.stdout).toMatch(/not sent: .*pass the same --vault-url to astl revoke/);
    expect(sb.vault.revokedTokens).not.toContain(job.token);
    // The state is gone after a run: write it back, as a user re-running after_script by hand would.
    writeFileSync(job.stateFile, JSON.stringify(job.state));
    const r = await revoke(job.dir, job.env, '--vault-url', override);
    expect(r.stdout).toMatch(/vault\s+revoked/);
    expect(sb.vault.revokedTokens).toContain(job.token);
  });

  it('--config names the registry to trust; outside the workspace it is refused', async () => {
    const job = await mintedJob();
    mkdirSync(join(job.dir, 'ci'));
    writeFileSync(join(job.dir, 'ci', 'registry.yaml'), registry().replace(sb.vaultUrl, attackerUrl));
    forge(job, (s) => {
      s.vault.url = attackerUrl;
    });
    const outside = await revoke(job.dir, job.env, '--config', '/etc/passwd');
    expect(outside.code).toBe(3);
    expect(outside.stderr).toMatch(/--config: "\/etc\/passwd" is outside the workspace/);
    expect(outside.stderr).not.toMatch(/root:/);
    expect(stolen).toEqual([]);
    // A registry inside the workspace is trusted as the user's word (it is reviewed code).
    const r = await revoke(job.dir, job.env, '--config', 'ci/registry.yaml');
    expect(r.code).toBe(0);
    expect(stolen).toEqual([job.token]);
  });
});

describe('revoke deletes only the files astl wrote', () => {
  let outsideDir: string;
  beforeAll(() => {
    outsideDir = mkdtempSync(join(tmpdir(), 'astl-outside-'));
    writeFileSync(
      join(outsideDir, 'precious.env'),
      '# Written by astl credentials; removed by astl revoke. Do not upload as an artifact.\n',
    );
  });

  it.each([
    ['the registry in the project root', 'agent-config.yaml', "not in the state file's folder"],
    ['a file outside the workspace', 'OUTSIDE/precious.env', 'is outside the workspace'],
    ['a file in .git', '.git/config', 'is inside .git/'],
    ['a folder in the state folder', '.astl/sub', 'not a regular file'],
    ['a file without the header', '.astl/notes.txt', 'was not written by astl credentials'],
    ['a link in the state folder to a project file', '.astl/link.env', "not in the state file's folder"],
    ['the state folder itself', '.astl', "not in the state file's folder"],
  ])('cli.envFile naming %s is left in place', async (_name, target, why) => {
    const job = await mintedJob();
    mkdirSync(join(job.dir, '.git'));
    writeFileSync(join(job.dir, '.git', 'config'), '[core]\n');
    mkdirSync(join(job.dir, '.astl', 'sub'));
    writeFileSync(join(job.dir, '.astl', 'notes.txt'), 'keep me\n');
    symlinkSync(join(job.dir, 'agent-config.yaml'), join(job.dir, '.astl', 'link.env'));
    const path = target.startsWith('OUTSIDE/') ? join(outsideDir, target.slice(8)) : join(job.dir, target);
    forge(job, (s) => {
      s.cli.envFile = path;
    });
    const r = await revoke(job.dir, job.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/vault\s+revoked/); // the revocation itself is unaffected
    expect(r.stderr).toContain(`left ${path} in place`);
    expect(r.stderr).toContain(why);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(join(job.dir, 'agent-config.yaml'), 'utf8')).toBe(registry());
    expect(existsSync(join(outsideDir, 'precious.env'))).toBe(true);
    noStack(r.stderr);
    // The real env file was not named, so it stays too: a warning told the user.
    expect(existsSync(job.stateFile)).toBe(false);
  });

  it.each([[42], [null], [['x']], [{ a: 1 }], ['']])(
    'a cli.envFile of %j is ignored without a crash',
    async (value) => {
      const job = await mintedJob();
      forge(job, (s) => {
        s.cli.envFile = value;
      });
      const r = await revoke(job.dir, job.env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/vault\s+revoked/);
      noStack(r.stderr);
    },
  );

  it('a --state that is not an astl state is neither used nor deleted', async () => {
    const job = await mintedJob();
    const r = await runCli(['revoke', '--state', 'agent-config.yaml'], { cwd: job.dir, env: job.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'agent-config.yaml is not an astl state file; nothing revoked, nothing deleted',
    );
    expect(readFileSync(join(job.dir, 'agent-config.yaml'), 'utf8')).toBe(registry());
    expect(existsSync(job.state.cli.envFile)).toBe(true);
  });
});

describe('revoke never crashes: every file problem is one line with the path and the fix', () => {
  it('--state naming a folder', async () => {
    const dir = tempDir('astl-revoke-dir-');
    mkdirSync(join(dir, '.astl', 'state.json'), { recursive: true });
    const r = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')[0]).toBe(
      'astl: --state .astl/state.json is a folder, not a state file',
    );
    expect(r.stderr).toContain('pass the file astl credentials wrote with --state');
    noStack(r.stderr);
    expect(r.stderr).not.toContain('internal error');
  });

  it('--state naming a file that is not JSON, or JSON of another shape', async () => {
    for (const text of ['{', '[]', '{"version": 2}', '\u0000\u0001binary']) {
      const dir = tempDir('astl-revoke-bad-');
      mkdirSync(join(dir, '.astl'));
      writeFileSync(join(dir, '.astl', 'state.json'), text);
      const r = await runCli(['revoke', '--state', '.astl/state.json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('is not an astl state file');
      noStack(r.stderr);
      expect(existsSync(join(dir, '.astl', 'state.json'))).toBe(true);
    }
  });

  it('an --audit path that is a folder is a warning, and the revocation still happens', async () => {
    const job = await mintedJob();
    mkdirSync(join(job.dir, 'audit.jsonl'));
    const r = await revoke(job.dir, job.env, '--audit', 'audit.jsonl');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/vault\s+revoked/);
    expect(r.stderr).toMatch(/could not append the audit events to .*audit\.jsonl \(EISDIR\); pass --audit/);
    noStack(r.stderr);
  });

  it('an --audit path outside the workspace is a warning, and the revocation still happens', async () => {
    const job = await mintedJob();
    const r = await revoke(job.dir, job.env, '--audit', '/tmp/astl-audit-outside.jsonl');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/vault\s+revoked/);
    expect(sb.vault.revokedTokens).toContain(job.token);
    expect(r.stderr).toMatch(/--audit: .* is outside the workspace/);
    expect(r.stderr).toMatch(/still revoked, without an audit record/);
    expect(existsSync('/tmp/astl-audit-outside.jsonl')).toBe(false);
    noStack(r.stderr);
  });

  it('astl credentials --state or --export-file naming a folder is refused before any token', async () => {
    const dir = tempDir('astl-cred-dir-');
    writeFileSync(join(dir, 'agent-config.yaml'), registry());
    mkdirSync(join(dir, 'a-folder'));
    for (const flag of ['--state', '--export-file', '--audit']) {
      const r = await runCli(
        ['credentials', '--agent', 'vault-bot', '--vault-id-token-env', 'T', flag, 'a-folder'],
        { cwd: dir, env: { T: await sb.issuer.mintGitLabToken({ audience: 'vault' }) } },
      );
      expect(r.code).toBe(3);
      expect(r.stderr.trim().split('\n')[0]).toBe(`astl: ${flag} a-folder is a folder, not a file`);
      noStack(r.stderr);
    }
    expect(sb.requestCount('login')).toBe(0);
  });
});

describe("the action's post step", () => {
  const base: RevocationState = {
    version: 1,
    agent: 'vault-bot',
    correlationId: 'c0ffee00-0000-4000-8000-000000000000',
    auditLevel: 'full',
    purpose: 'p',
    policy: 'agent-config.yaml#vault-bot',
    vault: {
      url: 'http://vault.attacker.example:8200',
      token: 'hvs.forged-token-value',
      expiresAt: '2999-01-01T00:00:00Z',
    },
  };

  it('re-checks the transport rule on the saved Vault address, and never fails the job', async () => {
    const r = await runStep('dist/credentials/post/index.js', {
      state: { revocation: JSON.stringify(base) },
      timeoutMs: 30_000,
    });
    expect(r.exitCode).toBe(0);
    const warnings = r.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings.join('\n')).toMatch(
      /not sent: .*uses plain http:\/\/, so the Vault token would cross the network/,
    );
    // Masked first (the post step registers the token it holds), and shown nowhere else.
    expect(r.masks).toContain('hvs.forged-token-value');
    const visible = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(visible).not.toContain('hvs.forged-token-value');
    expect(r.summary).toMatch(/not sent/);
  });

  it('a saved state it cannot read is a warning that quotes none of it; no state is a plain note', async () => {
    const garbled = await runStep('dist/credentials/post/index.js', {
      state: { revocation: '{"version":1,"vault":{"token":"hvs.half-written-state' },
      timeoutMs: 30_000,
    });
    expect(garbled.exitCode).toBe(0);
    const warnings = garbled.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("the main step's saved state could not be read, so nothing was revoked");
    expect(garbled.stdout).not.toContain('hvs.half-written-state');
    const none = await runStep('dist/credentials/post/index.js', { timeoutMs: 30_000 });
    expect(none.exitCode).toBe(0);
    expect(none.commands.filter((c) => c.command === 'warning')).toHaveLength(0);
    expect(none.stdout).toContain('Nothing to revoke: the main step issued no credentials.');
  });

  it('the same rule as a function: https and loopback pass, plain http elsewhere needs the opt-in', () => {
    const guard = { allowInsecureHttp: false, optIn: 'x' };
    expect(vaultRevocationRefusal(base, guard)).toMatch(/^not sent: /);
    expect(vaultRevocationRefusal(base, { ...guard, allowInsecureHttp: true })).toBeUndefined();
    const https = { ...base, vault: { ...base.vault!, url: 'https://vault.example.com' } };
    expect(vaultRevocationRefusal(https, guard)).toBeUndefined();
    expect(
      vaultRevocationRefusal(https, { ...guard, allowedVaultUrls: ['https://vault.example.com/'] }),
    ).toBeUndefined();
    expect(
      vaultRevocationRefusal(https, { ...guard, allowedVaultUrls: ['https://VAULT.example.com:443'] }),
    ).toBeUndefined();
    expect(
      vaultRevocationRefusal(https, { ...guard, allowedVaultUrls: ['https://vault.example.com:8200'] }),
    ).toMatch(/not sent/);
    expect(vaultRevocationRefusal({ ...base, vault: undefined }, guard)).toBeUndefined();
  });
});
