/**
 * HashiCorp Vault through `node-vault`: JWT auth login, KV reads, token lookup and revocation.
 *
 * node-vault supplies the Vault API (paths, commands, `{errors}` handling); its HTTP transport is
 * replaced by fetch through its `request-promise` hook, because its built-in axios transport
 * takes no AbortSignal and, with DEBUG=* set, axios' follow-redirects logs request headers
 * (X-Vault-Token). A fresh client per call gets its namespace and token set explicitly (so
 * VAULT_NAMESPACE / VAULT_TOKEN in the environment never apply by accident), and its errors are
 * reduced to status + Vault's error text before anything else sees them. Retries: network
 * faults, 5xx, 429 and 412 (a performance standby not yet consistent); 400/403/404 fail at once.
 */
import nodeVault from 'node-vault';
import { AstlError, type Deadline, isNetworkFault, withRetry } from '../core/index.js';
import { diagnoseVaultLogin } from './diagnose.js';
import { sanitizeFetchError } from './oidc.js';
import {
  exhausted,
  ProviderHttpError,
  ProviderNetworkError,
  type RetrySettings,
  retryOptions,
} from './retry-policy.js';

interface VaultCall {
  /** Vault address, e.g. https://vault.example.com:8200 */
  url: string;
  /** Enterprise / HCP namespace, sent as X-Vault-Namespace; '' or undefined is the root namespace. */
  namespace?: string;
  deadline: Deadline;
  retry?: RetrySettings;
}

export interface VaultLoginRequest extends VaultCall {
  /** Mount path of the JWT auth method, default `jwt` (`auth/` prefix optional). */
  authPath?: string;
  role: string;
  jwt: string;
  /** The audience the token was requested for (diagnostics only). */
  audience?: string;
}

export interface VaultLogin {
  clientToken: string;
  accessor: string;
  leaseDurationSeconds: number;
  renewable: boolean;
  policies: string[];
}

export interface VaultTokenCall extends VaultCall {
  token: string;
}

export interface VaultKvRequest extends VaultTokenCall {
  /** The path as the HTTP API spells it: `secret/data/ci/deploy` for KV v2, `kv/ci/deploy` for KV v1. */
  path: string;
}

export interface VaultKvKeyRequest extends VaultKvRequest {
  key: string;
}

export interface VaultTokenInfo {
  accessor: string;
  policies: string[];
  ttlSeconds: number;
  expireTime?: string;
  displayName?: string;
  namespacePath?: string;
  renewable: boolean;
}

const RETRYABLE_VAULT_STATUSES = new Set([412, 429]);

export function normalizeVaultUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AstlError(`vault-url: "${url}" is not an http(s) URL`, {
      code: 'VAULT_URL_INVALID',
      fix: 'vault-url: https://vault.example.com:8200',
    });
  }
  return url.replace(/\/+$/, '');
}

export function normalizeAuthPath(authPath: string | undefined): string {
  const p = (authPath ?? 'jwt')
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/^auth\//, '');
  if (!p || /[\s?#]|\.\./.test(p)) {
    throw new AstlError(`vault-auth-path: "${authPath}" is not a mount path like "jwt" or "jwt-github"`, {
      code: 'VAULT_AUTH_PATH_INVALID',
    });
  }
  return p;
}

/** A KV path used verbatim (as the HTTP API spells it), minus stray slashes. */
export function normalizeKvPath(path: string): string {
  const p = path
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/^v1\//, '');
  if (!p.includes('/') || /[\s?#]|\.\./.test(p)) {
    throw new AstlError(`Vault secret path "${path}" is not a path like "secret/data/ci/deploy"`, {
      code: 'VAULT_SECRET_PATH_INVALID',
      hint: 'write the path as the HTTP API spells it: <mount>/data/<path> for KV v2, <mount>/<path> for KV v1.',
    });
  }
  return p;
}

interface TransportOptions {
  method: string;
  uri: string;
  headers?: Record<string, string>;
  json?: unknown;
  signal?: AbortSignal;
}

/** node-vault's `request-promise` contract: resolve `{statusCode, body, request: {path}}` for any status. */
async function fetchTransport(options: TransportOptions) {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined && typeof options.json === 'object') {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(options.uri, { method: options.method, headers, body, signal: options.signal });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = { errors: [text.slice(0, 300)] };
  }
  return { statusCode: res.status, body: parsed, request: { path: new URL(options.uri).pathname } };
}

function vaultClient(call: VaultCall, token?: string) {
  const client = nodeVault({
    endpoint: normalizeVaultUrl(call.url),
    apiVersion: 'v1',
    noCustomHTTPVerbs: true,
    'request-promise': { defaults: () => fetchTransport },
    // node-vault's own debug output (DEBUG=node-vault) prints request bodies: the JWT.
    debug: () => {},
  });
  // Explicit, so VAULT_NAMESPACE / VAULT_TOKEN from the environment never apply by accident.
  (client as { namespace?: string }).namespace = call.namespace?.replace(/^\/+|\/+$/g, '') || undefined;
  (client as { token?: string }).token = token;
  return client;
}

/** Vault's error status and text, or a transport fault; nothing else of the library error survives. */
function toProviderError(err: unknown, signal: AbortSignal): Error {
  if (err instanceof ProviderNetworkError || err instanceof AstlError) return err;
  const e = err as { response?: { statusCode?: unknown; body?: unknown }; code?: unknown; message?: unknown };
  const status = e.response?.statusCode;
  if (typeof status === 'number') {
    const body = e.response?.body as { errors?: unknown } | undefined;
    const errors = Array.isArray(body?.errors) ? body.errors.map(String).filter(Boolean) : [];
    const text = (errors.join('; ') || (typeof e.message === 'string' ? e.message : ''))
      .replace(/\s+/g, ' ')
      .trim();
    return new ProviderHttpError(status, undefined, text.slice(0, 300));
  }
  if (signal.aborted) return new ProviderNetworkError('request timed out', 'TimeoutError');
  return sanitizeFetchError(err);
}

const isRetryable = (err: unknown) =>
  err instanceof ProviderNetworkError ||
  isNetworkFault(err) ||
  (err instanceof ProviderHttpError && (err.status >= 500 || RETRYABLE_VAULT_STATUSES.has(err.status)));

/** One Vault request under our retry policy; `onRefusal` turns a non-retryable HTTP error into an AstlError. */
async function vaultRequest<T>(
  call: VaultCall,
  what: string,
  send: (client: ReturnType<typeof vaultClient>, options: { signal: AbortSignal }) => Promise<T>,
  onRefusal: (err: ProviderHttpError) => AstlError,
  token?: string,
): Promise<T> {
  const client = vaultClient(call, token);
  try {
    return await withRetry(
      async (signal) => {
        try {
          return await send(client, { signal });
        } catch (err) {
          const clean = toProviderError(err, signal);
          if (clean instanceof ProviderHttpError && !isRetryable(clean)) throw onRefusal(clean);
          throw clean;
        }
      },
      retryOptions(what, call.deadline, isRetryable, call.retry),
    );
  } catch (err) {
    exhausted(
      err,
      'VAULT_UNAVAILABLE',
      `Vault at ${call.url} did not answer in time; re-run the job, or check vault-url and the network.`,
    );
  }
}

/** `POST /v1/auth/<authPath>/login {role, jwt}`. */
export async function vaultJwtLogin(req: VaultLoginRequest): Promise<VaultLogin> {
  const authPath = normalizeAuthPath(req.authPath);
  if (!req.role)
    throw new AstlError('vault-role is required for the Vault JWT login', { code: 'VAULT_ROLE_MISSING' });
  const body = await vaultRequest(
    req,
    `Vault JWT login (auth/${authPath}/login)`,
    (client, options) => client.write(`auth/${authPath}/login`, { role: req.role, jwt: req.jwt }, options),
    (err) =>
      diagnoseVaultLogin(err.status, err.providerMessage, {
        url: req.url,
        authPath,
        role: req.role,
        namespace: req.namespace,
        audience: req.audience,
        jwt: req.jwt,
      }),
  );
  const auth = (body as { auth?: Record<string, unknown> } | undefined)?.auth;
  if (!auth || typeof auth.client_token !== 'string') {
    throw new AstlError(`Vault answered the login at auth/${authPath}/login without a token`, {
      code: 'VAULT_LOGIN_FAILED',
    });
  }
  return {
    clientToken: auth.client_token,
    accessor: typeof auth.accessor === 'string' ? auth.accessor : '',
    leaseDurationSeconds: typeof auth.lease_duration === 'number' ? auth.lease_duration : 0,
    renewable: auth.renewable === true,
    policies: Array.isArray(auth.policies) ? auth.policies.map(String) : [],
  };
}

/**
 * Reads a KV secret's data map. KV v2 (`<mount>/data/<path>`) answers `{data: {data, metadata}}`,
 * KV v1 `{data}`; both are accepted. The path is used as given: `secret/ci/deploy` on a KV v2
 * mount is a 404 whose hint names the `data/` form, rather than a guess that could read the wrong path.
 */
export async function readKvSecretData(req: VaultKvRequest): Promise<Record<string, unknown>> {
  const path = normalizeKvPath(req.path);
  const body = await vaultRequest(
    req,
    `Vault read of ${path}`,
    (client, options) => client.read(path, options),
    (err) => kvRefusal(err, path, req.namespace),
    req.token,
  );
  const data = (body as { data?: unknown } | undefined)?.data;
  if (data && typeof data === 'object' && 'metadata' in data && 'data' in data) {
    const inner = (data as { data: unknown }).data;
    if (inner === null) {
      throw new AstlError(`Vault secret ${path} has no current version (deleted)`, {
        code: 'VAULT_SECRET_NOT_FOUND',
      });
    }
    return (inner ?? {}) as Record<string, unknown>;
  }
  return (data ?? {}) as Record<string, unknown>;
}

/** One key of a KV secret, as a string (non-string values are JSON-encoded). */
export async function readKvSecret(req: VaultKvKeyRequest): Promise<string> {
  const data = await readKvSecretData(req);
  if (!(req.key in data)) {
    const keys = Object.keys(data);
    throw new AstlError(`Vault secret ${normalizeKvPath(req.path)} has no key "${req.key}"`, {
      code: 'VAULT_KEY_NOT_FOUND',
      hint: keys.length ? `its keys are: ${keys.join(', ')}.` : 'the secret has no keys.',
    });
  }
  const value = data[req.key];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function kvRefusal(err: ProviderHttpError, path: string, namespace: string | undefined): AstlError {
  const ns = namespace ? ` in namespace ${namespace}` : '';
  if (err.status === 404) {
    const isV2 = /^[^/]+\/data\//.test(path);
    return new AstlError(`Vault secret ${path}${ns} does not exist`, {
      code: 'VAULT_SECRET_NOT_FOUND',
      hint: isV2
        ? 'check the path and the namespace.'
        : `on a KV v2 mount the HTTP path includes data/: ${path.replace(/^([^/]+)\//, '$1/data/')}.`,
    });
  }
  if (err.status === 403) {
    return new AstlError(`Vault denied reading ${path}${ns}: ${err.providerMessage || 'permission denied'}`, {
      code: 'VAULT_PERMISSION_DENIED',
      hint: `the role's token policies must grant "read" on ${path} (path "${path}" { capabilities = ["read"] }).`,
    });
  }
  return new AstlError(`Vault refused reading ${path}${ns}: ${err.message}`, {
    code: 'VAULT_REQUEST_FAILED',
  });
}

/** `POST /v1/auth/token/revoke-self` (revokes child tokens and leases too). A 403 means already invalid. */
export async function revokeSelf(req: VaultTokenCall): Promise<'revoked' | 'already-invalid'> {
  const outcome = await vaultRequest<'revoked' | 'already-invalid'>(
    req,
    'Vault token revoke-self',
    async (client, options) => {
      try {
        await client.write('auth/token/revoke-self', {}, options);
        return 'revoked';
      } catch (err) {
        if ((err as { response?: { statusCode?: unknown } }).response?.statusCode === 403)
          return 'already-invalid';
        throw err;
      }
    },
    (err) => new AstlError(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' }),
    req.token,
  );
  return outcome;
}

/** `GET /v1/auth/token/lookup-self`. */
export async function lookupSelf(req: VaultTokenCall): Promise<VaultTokenInfo> {
  const body = await vaultRequest(
    req,
    'Vault token lookup-self',
    (client, options) => client.request({ path: '/auth/token/lookup-self', method: 'GET', ...options }),
    (err) =>
      new AstlError(`Vault token lookup failed: ${err.message}`, {
        code: err.status === 403 ? 'VAULT_TOKEN_INVALID' : 'VAULT_REQUEST_FAILED',
        hint: err.status === 403 ? 'the token is expired, revoked, or from another namespace.' : undefined,
      }),
    req.token,
  );
  const d = ((body as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<string, unknown>;
  return {
    accessor: typeof d.accessor === 'string' ? d.accessor : '',
    policies: Array.isArray(d.policies) ? d.policies.map(String) : [],
    ttlSeconds: typeof d.ttl === 'number' ? d.ttl : 0,
    expireTime: typeof d.expire_time === 'string' ? d.expire_time : undefined,
    displayName: typeof d.display_name === 'string' ? d.display_name : undefined,
    namespacePath: typeof d.namespace_path === 'string' ? d.namespace_path : undefined,
    renewable: d.renewable === true,
  };
}
