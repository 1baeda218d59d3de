/**
 * The engine with fake providers: ordering guarantees (refusals before tokens, masks before use,
 * state before a later failure), revocation outcomes, audit levels, summary escaping. The real
 * bundles against real local servers are tested in test/credentials/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstlError } from '../core/index.js';
import { applyAuditLevel } from './audit.js';
import { MintFailure, mintCredentials } from './mint.js';
import type { CredentialProvider } from './provider.js';
import { awsProvider, type StsClient } from './providers/aws.js';
import { githubRevoker } from './providers/github-revoke.js';
import { type VaultClient, vaultProvider } from './providers/vault.js';
import { revokeCredentials } from './revoke.js';
import { cell, renderMintSummary, renderRevokeSummary } from './summary.js';
import type { AuditEvent, CredentialRequest, MintDeps, ProviderName, RevocationState } from './types.js';

const REGISTRY = `agents:
  - name: both-bot
    type: release-bot
    owner: release-team
    purpose: "Publish releases"
    permissions:
      - repository: read
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: arn:aws:iam::111122223333:role/release
        region: eu-west-1
      vault:
        url: https://vault.example.com:8200/
        role: release
        secrets:
          - path: secret/data/ci/release
            key: token
            env: RELEASE_TOKEN
`;

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'astl-cred-unit-'));
  writeFileSync(join(ws, 'agent-config.yaml'), REGISTRY);
  mkdirSync(join(ws, 'policies'));
  return ws;
}

function request(ws: string, over: Partial<CredentialRequest> = {}): CredentialRequest {
  return {
    agent: 'both-bot',
    purpose: 'Release 2.0',
    durationSeconds: 900,
    configPath: 'agent-config.yaml',
    policiesDir: 'policies',
    workspace: ws,
    run: { runId: '77', runAttempt: '1', repository: 'acme/app' },
    ...over,
  };
}

const JWT = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
  JSON.stringify({ iss: 'https://issuer', sub: 'repo:acme/app:ref:refs/heads/main', aud: 'x' }),
).toString('base64url')}.sig`;

/** Fake network calls of both providers; a test overrides the one it is about. */
interface Fakes {
  assumeRole: StsClient['assumeRole'];
  vaultLogin: VaultClient['login'];
  readSecret: VaultClient['readSecret'];
  revokeVaultToken: VaultClient['revokeSelf'];
}

/** The registered providers over fake clients (only the Vault revocation matters in the post step). */
function providersWith(fakes: Partial<Fakes>) {
  const unused = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  return [
    awsProvider({ assumeRole: fakes.assumeRole ?? unused }),
    vaultProvider({
      login: fakes.vaultLogin ?? unused,
      readSecret: fakes.readSecret ?? unused,
      revokeSelf: fakes.revokeVaultToken ?? unused,
    }),
  ];
}

/** A recorder of every event in order: token requests, masks, state saves, provider calls. */
function harness(overrides: Partial<Fakes> = {}) {
  const events: string[] = [];
  const states: RevocationState[] = [];
  const deps: MintDeps = {
    getIdToken: async (aud) => {
      events.push(`token:${aud}`);
      return JWT;
    },
    registerSecret: (v) => events.push(`mask:${v}`),
    onState: (s) => {
      states.push(structuredClone(s));
      events.push('state');
    },
    logger: { info: (m) => events.push(`log:${m}`), warning: () => {}, debug: () => {} },
    newCorrelationId: () => '00000000-0000-4000-8000-000000000000',
  };
  const backends = providersWith({
    assumeRole: async (a) => {
      events.push(`sts:${a.sessionName}`);
      return {
        accessKeyId: 'ASIAEXAMPLEKEY000001',
        secretAccessKey: 'secret-access-key-value',
        sessionToken: 'session-token-value',
        expiration: new Date(Date.now() + 900_000),
        sessionName: a.sessionName,
      };
    },
    vaultLogin: async () => {
      events.push('login');
      return {
        clientToken: 'hvs.vault-token-value',
        accessor: 'acc-1',
        leaseDurationSeconds: 900,
        policies: ['ci'],
      };
    },
    readSecret: async (a) => {
      events.push(`kv:${a.path}#${a.key}`);
      return 'kv-secret-value';
    },
    revokeVaultToken: async () => 'revoked',
    ...overrides,
  });
  return { events, states, deps, backends };
}

describe('mintCredentials', () => {
  it('masks every secret before the line that announces it, and exports both providers', async () => {
    const h = harness();
    const r = await mintCredentials(request(workspace()), h.deps, h.backends);
    expect(r.env).toMatchObject({
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEKEY000001',
      AWS_REGION: 'eu-west-1',
      VAULT_ADDR: 'https://vault.example.com:8200',
      VAULT_TOKEN: 'hvs.vault-token-value',
      RELEASE_TOKEN: 'kv-secret-value',
    });
    expect(r.secrets).toEqual(
      expect.arrayContaining([
        'secret-access-key-value',
        'session-token-value',
        'hvs.vault-token-value',
        'kv-secret-value',
      ]),
    );
    const at = (e: string) => h.events.findIndex((x) => x.startsWith(e));
    expect(at('mask:secret-access-key-value')).toBeLessThan(at('log:AWS: assumed'));
    expect(at('mask:hvs.vault-token-value')).toBeLessThan(at('log:Vault: logged in'));
    expect(at('mask:kv-secret-value')).toBeLessThan(at('log:Vault: read'));
    expect(at(`mask:${JWT}`)).toBeGreaterThanOrEqual(0);
    expect(r.audit.map((e) => e.action)).toEqual(['credentials.mint', 'credentials.mint', 'secrets.read']);
    expect(r.outputs.awsSessionName).toBe('both-bot@77');
    expect(r.state.vault).toMatchObject({
      url: 'https://vault.example.com:8200',
      accessor: 'acc-1',
      partial: false,
    });
    expect(JSON.stringify(r.state)).not.toContain('kv-secret-value');
    expect(JSON.stringify(r.state)).not.toContain('secret-access-key-value');
  });

  it('refuses before any token request and says so', async () => {
    const h = harness();
    const err = await mintCredentials(
      request(workspace(), { durationSeconds: 7200 }),
      h.deps,
      h.backends,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MintFailure);
    const f = err as MintFailure;
    expect(f.refused).toBe(true);
    expect((f.error as AstlError).code).toBe('DURATION_OVER_CAP');
    expect(h.events.filter((e) => e.startsWith('token:'))).toEqual([]);
    expect(f.audit.map((e) => e.action)).toEqual(['credentials.refused']);
    expect(f.audit[0]!.policy).toMatch(/agent-config\.yaml:\d+/);
  });

  it('publishes the Vault token before a KV read fails, and the failure carries it', async () => {
    const h = harness({
      readSecret: async () => {
        throw new AstlError('Vault denied reading secret/data/ci/release: permission denied', {
          code: 'VAULT_PERMISSION_DENIED',
        });
      },
    });
    const err = (await mintCredentials(request(workspace()), h.deps, h.backends).catch(
      (e: unknown) => e,
    )) as MintFailure;
    expect(err).toBeInstanceOf(MintFailure);
    expect(err.refused).toBe(false);
    expect(err.state?.vault?.token).toBe('hvs.vault-token-value');
    expect(err.state?.vault?.partial).toBe(true);
    expect(h.states.some((s) => s.vault?.token === 'hvs.vault-token-value')).toBe(true);
    expect(err.audit.map((e) => e.action)).toEqual([
      'credentials.mint',
      'credentials.mint',
      'secrets.read.failed',
      'credentials.failed',
    ]);
  });

  it('keeps the Vault token in the state when AWS fails at the same time', async () => {
    const h = harness({
      assumeRole: async () => {
        throw new AstlError('AWS STS refused AssumeRoleWithWebIdentity: AccessDenied', {
          code: 'STS_ACCESS_DENIED',
        });
      },
    });
    const err = (await mintCredentials(request(workspace()), h.deps, h.backends).catch(
      (e: unknown) => e,
    )) as MintFailure;
    expect((err.error as AstlError).code).toBe('STS_ACCESS_DENIED');
    expect(err.state?.vault?.token).toBe('hvs.vault-token-value');
  });

  it('requests one token per audience even when both providers share it', async () => {
    const h = harness();
    await mintCredentials(
      request(workspace(), { aws: { audience: 'shared' }, vault: { audience: 'shared' } }),
      h.deps,
      h.backends,
    );
    expect(h.events.filter((e) => e.startsWith('token:'))).toEqual(['token:shared']);
  });

  it('refuses an AWS duration under 15 minutes before any token', async () => {
    const h = harness();
    const err = (await mintCredentials(
      request(workspace(), { durationSeconds: 300 }),
      h.deps,
      h.backends,
    ).catch((e: unknown) => e)) as MintFailure;
    expect((err.error as AstlError).code).toBe('DURATION_TOO_SHORT');
    expect(h.events.some((e) => e.startsWith('token:'))).toBe(false);
  });
});

describe('revokeCredentials', () => {
  const base: RevocationState = {
    version: 1,
    agent: 'both-bot',
    correlationId: 'c-1',
    auditLevel: 'full',
    purpose: 'p',
    policy: 'agent-config.yaml#both-bot',
  };
  const quiet = { logger: { info: () => {}, warning: () => {}, debug: () => {} }, registerSecret: () => {} };
  const future = new Date(Date.now() + 600_000).toISOString();
  const past = new Date(Date.now() - 1000).toISOString();

  it('revokes a live Vault token and explains that AWS sessions expire on their own', async () => {
    const calls: string[] = [];
    const r = await revokeCredentials(
      {
        ...base,
        vault: { url: 'https://v', token: 't', accessor: 'a', expiresAt: future },
        aws: {
          sessionName: 'both-bot@77',
          roleArn: 'arn:aws:iam::111122223333:role/release',
          expiresAt: future,
        },
      },
      quiet,
      providersWith({
        revokeVaultToken: async (a) => {
          calls.push(a.token);
          return 'revoked';
        },
      }),
    );
    expect(calls).toEqual(['t']);
    expect(r.entries.map((e) => e.outcome)).toEqual(['revoked', 'not-revocable']);
    expect(r.entries[1]!.message).toContain('cannot be revoked one by one');
    expect(r.entries[1]!.message).toContain(future);
    expect(r.audit.map((e) => e.action)).toEqual(['credentials.revoke', 'credentials.revoke']);
  });

  it('skips an expired token, honours revoke: false, and turns a failure into a warning', async () => {
    const never = providersWith({
      revokeVaultToken: async () => {
        throw new Error('should not be called');
      },
    });
    const expired = await revokeCredentials(
      { ...base, vault: { url: 'https://v', token: 't', expiresAt: past } },
      quiet,
      never,
    );
    expect(expired.entries[0]!.outcome).toBe('skipped-expired');
    const disabled = await revokeCredentials(
      { ...base, vault: { url: 'https://v', token: 't', expiresAt: future } },
      quiet,
      never,
      { revoke: false },
    );
    expect(disabled.entries[0]!.outcome).toBe('disabled');
    const failed = await revokeCredentials(
      { ...base, vault: { url: 'https://v', token: 't', accessor: 'acc-9', expiresAt: future } },
      quiet,
      providersWith({
        revokeVaultToken: async () =>
          Promise.reject(new AstlError('Vault refused revoke-self: HTTP 500', { code: 'X' })),
      }),
    );
    expect(failed.entries[0]!.outcome).toBe('failed');
    expect(failed.warnings[0]).toContain('vault token revoke -accessor acc-9');
  });

  it('a malformed saved state fails its own entry; the others are still revoked and masked', async () => {
    const calls: string[] = [];
    const masked: string[] = [];
    const state = {
      ...base,
      vault: { url: 'https://v', token: 'vault-token-1', expiresAt: future },
      // Not what the main step writes: repositories is no list, the token is no string.
      github: {
        mode: 'app',
        owner: 'acme',
        repositories: 'app',
        permissions: null,
        token: 42,
        expiresAt: future,
      },
    } as unknown as RevocationState;
    const r = await revokeCredentials(state, { ...quiet, registerSecret: (s) => masked.push(s) }, [
      ...providersWith({
        revokeVaultToken: async (a) => {
          calls.push(a.token);
          return 'revoked';
        },
      }),
      githubRevoker(async () => {
        throw new Error('must not be called with a malformed state');
      }),
    ]);
    expect(masked).toEqual(['vault-token-1']);
    expect(calls).toEqual(['vault-token-1']);
    expect(r.entries.map((e) => [e.provider, e.outcome])).toEqual([
      ['github', 'failed'],
      ['vault', 'revoked'],
    ]);
    expect(r.entries[0]!.message).toContain('saved state is not what the main step writes');
    expect(r.entries[0]!.message).not.toMatch(/\n\s+at /);
    expect(r.audit.map((e) => e.target)).toEqual(['github:unknown', 'vault:https://v']);
  });
});

describe('a provider is one module of the shared shape', () => {
  /** A third provider, as issue 12's GitHub App tokens will be: nothing in the loops changes. */
  function exampleProvider(
    events: string[],
  ): CredentialProvider<{ audience: string }, { token: string; expiresAt: string }> {
    return {
      name: 'example' as ProviderName,
      label: 'Example Cloud',
      plan: (request) => ({ audience: `example:${request.run.runId}` }),
      checkFacts: () => ({}),
      prepare: (_plan, ctx) => events.push(`prepare:${ctx.durationSeconds}`),
      async mint(plan, ctx) {
        const jwt = await ctx.idToken(plan.audience);
        events.push(`example-call:${jwt === JWT}`);
        ctx.secret('example-token-value');
        const expiresAt = new Date(ctx.now().getTime() + 600_000).toISOString();
        ctx.saveState({ token: 'example-token-value', expiresAt });
        ctx.credential({
          identity: 'bot@example',
          details: {},
          issuedAt: ctx.now().toISOString(),
          expiresAt,
          ttlSeconds: 600,
        });
        ctx.audit('credentials.mint', 'example:bot', { provider: 'example' });
        ctx.exportEnv({ EXAMPLE_TOKEN: 'example-token-value' });
        ctx.log.info('Example: token issued');
      },
      stateSecrets: (state) => [state.token],
      revokeTarget: () => 'example:bot',
      async revoke(state, ctx) {
        events.push(`example-revoke:${state.token}:${ctx.revoke}`);
        return {
          provider: 'example' as ProviderName,
          identity: 'bot@example',
          outcome: 'revoked',
          message: 'gone',
          expiresAt: state.expiresAt,
        };
      },
    };
  }

  it('mints beside the others, with its state, row, audit event and env, and is revoked first', async () => {
    const h = harness();
    const providers = [...h.backends, exampleProvider(h.events)];
    const r = await mintCredentials(request(workspace()), h.deps, providers);
    const at = (e: string) => h.events.findIndex((x) => x.startsWith(e));
    expect(at('prepare:900')).toBeLessThan(at('token:'));
    expect(at('mask:example-token-value')).toBeLessThan(at('log:Example: token issued'));
    expect(h.events).toContain('example-call:true');
    expect(r.env.EXAMPLE_TOKEN).toBe('example-token-value');
    expect(r.credentials.map((c) => c.provider)).toEqual(['aws', 'vault', 'example']);
    expect(r.audit.map((e) => e.target).at(-1)).toBe('example:bot');
    const saved = r.state as unknown as Record<string, { token?: string }>;
    expect(saved.example?.token).toBe('example-token-value');
    expect(renderMintSummary(r)).toContain('| Example Cloud |');

    const masked: string[] = [];
    const revoked = await revokeCredentials(
      r.state,
      {
        logger: { info: () => {}, warning: () => {}, debug: () => {} },
        registerSecret: (v) => masked.push(v),
      },
      providers,
    );
    expect(masked).toEqual(expect.arrayContaining(['hvs.vault-token-value', 'example-token-value']));
    expect(revoked.entries.map((e) => `${e.provider}:${e.outcome}`)).toEqual([
      'example:revoked',
      'vault:revoked',
      'aws:not-revocable',
    ]);
    expect(renderRevokeSummary(revoked)).toContain('| Example Cloud |');
  });
});

describe('audit and summary', () => {
  const event: AuditEvent = {
    timestamp: 't',
    agent: 'a',
    action: 'credentials.mint',
    target: 'x',
    intent: 'i',
    policy: 'p',
    correlation_id: 'c',
    detail: { expires_at: 'e' },
  };

  it('applies audit levels; refusals are always kept', () => {
    const refused = { ...event, action: 'credentials.refused' };
    expect(applyAuditLevel([event, refused], 'full')).toEqual([event, refused]);
    expect(applyAuditLevel([event], 'minimal')[0]).not.toHaveProperty('detail');
    expect(applyAuditLevel([event, refused], 'none')).toEqual([refused]);
  });

  it('escapes user text in the summary table', () => {
    expect(cell('a | b\n<script>')).toBe('a \\| b\\\\u000a\\<script\\>');
    const md = renderMintSummary({
      agent: 'a',
      owner: 'o',
      type: 't',
      purpose: 'deploy | prod\nnow',
      correlationId: 'c',
      auditLevel: 'full',
      appliedPolicies: [],
      warnings: [],
      credentials: [],
      env: {},
      secrets: [],
      outputs: { agent: 'a', correlationId: 'c', expiresAt: '' },
      secretOutputs: {},
      audit: [],
      state: { version: 1, agent: 'a', correlationId: 'c', auditLevel: 'full', purpose: 'p', policy: '' },
    });
    expect(md).toContain('| Purpose | deploy \\| prod\\\\u000anow |');
  });
});
