/**
 * HashiCorp Vault as a credential provider: a JWT auth login, then the KV reads the registry and
 * the `vault-secrets` input ask for, exported with VAULT_ADDR / VAULT_TOKEN. Revocation is
 * vault-revoke.ts's.
 */
import { formatDuration } from '../../core/duration.js';
import { AstlError } from '../../core/errors.js';
import {
  readKvSecret,
  revokeSelf,
  type VaultKvKeyRequest,
  type VaultLoginRequest,
  type VaultTokenCall,
} from '../../providers/vault.js';
import { vaultJwtLogin } from '../../providers/vault-login.js';
import type { CredentialProvider } from '../provider.js';
import type { VaultRevocationState, VaultSecretRead } from '../types.js';
import { vaultRevoker } from './vault-revoke.js';

export interface VaultPlan {
  url: string;
  role: string;
  authPath: string;
  namespace?: string;
  audience: string;
  secrets: VaultSecretRead[];
}

/** What the provider needs of a login (a subset of the client's answer, so tests can fake it). */
export interface VaultLoginResult {
  clientToken: string;
  accessor?: string;
  leaseDurationSeconds: number;
  policies: string[];
  entityId?: string;
}

/** The network calls, replaceable in tests. */
export interface VaultClient {
  login(req: VaultLoginRequest): Promise<VaultLoginResult>;
  readSecret(req: VaultKvKeyRequest): Promise<string>;
  revokeSelf(req: VaultTokenCall): Promise<'revoked' | 'already-invalid'>;
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

export function vaultProvider(
  client: VaultClient = { login: vaultJwtLogin, readSecret: readKvSecret, revokeSelf },
): CredentialProvider<VaultPlan, VaultRevocationState> {
  return {
    ...vaultRevoker(client.revokeSelf),

    /** Inputs override the registry field by field; `vault-secrets` reads replace same-env ones. */
    plan(request, agent) {
      const reg = agent.credentials.vault;
      const url = request.vault?.url ?? reg?.url;
      const role = request.vault?.role ?? reg?.role;
      const extraSecrets = request.vault?.secrets ?? [];
      if (!url && !role && extraSecrets.length === 0) return undefined;
      if (!url || !role) {
        const missing = !url ? 'url' : 'role';
        throw new AstlError(`agent '${agent.name}' has Vault settings without a ${missing}`, {
          code: 'VAULT_SETTINGS_INCOMPLETE',
          hint: (s) => `set credentials.vault.${missing} in the registry, or ${s.name(`vault-${missing}`)}`,
          fix: `credentials:\n  vault:\n    url: ${url ?? 'https://vault.example.com:8200'}\n    role: ${role ?? agent.name}`,
        });
      }
      const secrets = [...(reg?.secrets ?? [])];
      for (const s of extraSecrets) {
        const i = secrets.findIndex((r) => r.env === s.env);
        if (i >= 0) secrets[i] = s;
        else secrets.push(s);
      }
      const base = url.replace(/\/+$/, '');
      const namespace = request.vault?.namespace ?? reg?.namespace;
      return {
        url: base,
        role,
        authPath: trimSlashes(request.vault?.authPath ?? reg?.authPath ?? 'jwt'),
        // The default audience is the Vault URL (DESIGN.md; GitLab's and Vault's own guides bind
        // the Vault URL too). The GitLab component mints it from $VAULT_SERVER_URL.
        audience: request.vault?.audience ?? reg?.audience ?? base,
        secrets,
        ...(namespace ? { namespace } : {}),
      };
    },

    checkFacts: (plan) => ({
      vaultRole: plan.role,
      secretPaths: plan.secrets.map((s) => s.path),
      readsSecrets: plan.secrets.length > 0,
    }),

    async mint(p, ctx) {
      const jwt = await ctx.idToken(p.audience);
      const issuedAt = ctx.now();
      const ns = p.namespace ? { namespace: p.namespace } : {};
      const login = await client.login({
        url: p.url,
        authPath: p.authPath,
        role: p.role,
        jwt,
        audience: p.audience,
        deadline: ctx.deadline,
        ...ns,
      });
      ctx.secret(login.clientToken);
      const expiresAt = new Date(issuedAt.getTime() + login.leaseDurationSeconds * 1000).toISOString();
      // Saved before any further call: a failed KV read below must not orphan this token.
      const state: VaultRevocationState = {
        url: p.url,
        ...ns,
        token: login.clientToken,
        ...(login.accessor ? { accessor: login.accessor } : {}),
        expiresAt,
        partial: true,
      };
      ctx.saveState(state);
      ctx.audit(
        'credentials.mint',
        `vault:${p.url}/v1/auth/${p.authPath}/role/${p.role}`,
        {
          provider: 'vault',
          identity: `${p.role}${login.entityId ? ` (entity ${login.entityId})` : ''}`,
          ...(login.accessor ? { accessor: login.accessor } : {}),
          vault_policies: login.policies.join(','),
          issued_at: issuedAt.toISOString(),
          expires_at: expiresAt,
          ttl_seconds: login.leaseDurationSeconds,
          ...ctx.runDetail,
        },
        issuedAt,
      );
      ctx.log.info(
        `Vault: logged in to ${p.url} as role ${p.role} (policies ${login.policies.join(', ') || 'none'}), token expires ${expiresAt}`,
      );
      if (login.leaseDurationSeconds > ctx.durationSeconds) {
        ctx.warn(
          `Vault role '${p.role}' issues tokens for ${formatDuration(login.leaseDurationSeconds)}, longer than the requested ${formatDuration(ctx.durationSeconds)}; the post step revokes the token when the job ends (set token_ttl on the role to match)`,
        );
      }

      // KV reads in parallel; each value is masked before anything about it is logged.
      const reads = await Promise.allSettled(
        p.secrets.map((read) =>
          client.readSecret({
            url: p.url,
            token: login.clientToken,
            path: read.path,
            key: read.key,
            deadline: ctx.deadline,
            ...ns,
          }),
        ),
      );
      const exported: Record<string, string> = {};
      let readFailure: PromiseRejectedResult | undefined;
      reads.forEach((r, i) => {
        const read = p.secrets[i]!;
        const target = `vault:${p.url}/v1/${read.path}#${read.key}`;
        if (r.status === 'rejected') {
          readFailure ??= r;
          ctx.audit('secrets.read.failed', target, { env: read.env, reason: errorMessage(r.reason) });
          return;
        }
        ctx.secret(r.value);
        exported[read.env] = r.value;
        ctx.audit('secrets.read', target, { env: read.env });
        ctx.log.info(`Vault: read ${read.path} key ${read.key} into ${read.env}`);
      });
      if (readFailure) throw readFailure.reason;
      ctx.saveState({ ...state, partial: false });

      ctx.credential({
        identity: `${p.role} @ ${p.url}${p.namespace ? ` (namespace ${p.namespace})` : ''}`,
        details: {
          ...(login.accessor ? { accessor: login.accessor } : {}),
          policies: login.policies.join(', ') || 'none',
          ...(p.secrets.length > 0 ? { 'secrets read': p.secrets.map((s) => s.env).join(', ') } : {}),
        },
        issuedAt: issuedAt.toISOString(),
        expiresAt,
        ttlSeconds: login.leaseDurationSeconds,
      });
      ctx.exportEnv({
        ...exported,
        VAULT_ADDR: p.url,
        VAULT_TOKEN: login.clientToken,
        ...(p.namespace ? { VAULT_NAMESPACE: p.namespace } : {}),
      });
      ctx.secretOutput({ vaultToken: login.clientToken });
      if (login.accessor) ctx.output({ vaultTokenAccessor: login.accessor });
    },
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
