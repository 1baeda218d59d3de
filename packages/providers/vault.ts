/**
 * HashiCorp Vault's HTTP API (https://developer.hashicorp.com/vault/api-docs): KV v1/v2 reads,
 * token lookup-self and revoke-self, over the engine's own HTTP client; the JWT auth login, with
 * its diagnosis of a refusal, is in vault-login.ts, so the post step (which only revokes) loads
 * neither. It is the one Vault client of the product: the main step logs in and reads, the post
 * step revokes.
 *
 * Each call names its namespace and token explicitly (X-Vault-Namespace, X-Vault-Token), so
 * VAULT_NAMESPACE / VAULT_TOKEN in the environment never apply by accident. Vault's `{errors}`
 * answer is reduced to status + error text before anything else sees it; response bodies are
 * never quoted (they hold tokens and secrets). Retries: network faults, 5xx, 429 and 412 (a
 * performance standby not yet consistent); 400/403/404 fail at once.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { AstlError } from '../core/errors.js';
import { parseRetryAfter } from '../core/http.js';
import { type Deadline, isNetworkFault, withRetry } from '../core/retry.js';
import {
  exhausted,
  ProviderHttpError,
  type RetrySettings,
  retryOptions,
  scrubSecret,
  sendAttempt,
  shortMessage,
} from './retry-policy.js';

export interface VaultCall {
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

/** KV secrets can be certificates or bundles; anything past this is not a Vault answer we want. */
const MAX_VAULT_RESPONSE_BYTES = 1024 * 1024;

const isRetryable = (err: unknown) =>
  isNetworkFault(err) ||
  (err instanceof ProviderHttpError && (err.status >= 500 || RETRYABLE_VAULT_STATUSES.has(err.status)));

interface VaultApiCall {
  method: 'GET' | 'POST';
  /** Below /v1/, e.g. `auth/jwt/login`. */
  path: string;
  token?: string;
  body?: Record<string, unknown>;
}

/** Vault's `{"errors": [...]}` as one printable line, or the start of a non-JSON body. */
function vaultErrorText(text: string): string {
  try {
    const errors = (JSON.parse(text) as { errors?: unknown }).errors;
    if (Array.isArray(errors)) return shortMessage(errors.map(String).filter(Boolean).join('; '));
  } catch {
    // a proxy's page, or nothing
  }
  return shortMessage(text, 200);
}

/**
 * One Vault API call under the retry policy. Resolves the parsed JSON body of a 2xx answer
 * (undefined for 204); a non-retryable HTTP error goes through `onRefusal` to an AstlError.
 */
export async function vaultRequest(
  call: VaultCall,
  what: string,
  api: VaultApiCall,
  onRefusal: (err: ProviderHttpError) => AstlError | 'already-invalid',
): Promise<unknown> {
  const url = `${normalizeVaultUrl(call.url)}/v1/${api.path}`;
  const headers: Record<string, string> = { 'X-Vault-Request': 'true' };
  const namespace = call.namespace?.replace(/^\/+|\/+$/g, '');
  if (namespace) headers['X-Vault-Namespace'] = namespace;
  if (api.token !== undefined) headers['X-Vault-Token'] = api.token;
  let body: string | undefined;
  if (api.body) {
    body = JSON.stringify(api.body);
    headers['content-type'] = 'application/json';
  }
  try {
    return await withRetry(
      async (signal) => {
        const res = await sendAttempt(
          url,
          { method: api.method, headers, body, signal, maxResponseBytes: MAX_VAULT_RESPONSE_BYTES },
          what,
          'VAULT_REQUEST_FAILED',
        );
        const text = res.text();
        if (res.status >= 200 && res.status < 300) {
          if (!text.trim()) return undefined;
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new AstlError(`${what}: Vault answered HTTP ${res.status} with a body that is not JSON`, {
              code: 'VAULT_RESPONSE_INVALID',
              hint: (s) =>
                `check that the Vault address (${s.name('vault-url')} or the registry's credentials.vault.url) points at Vault itself, not a proxy or a web page.`,
            });
          }
        }
        // A proxy's error page may echo what we sent; neither the token nor the JWT leaves here.
        const err = new ProviderHttpError(
          res.status,
          undefined,
          scrubSecret(
            vaultErrorText(text),
            api.token,
            typeof api.body?.jwt === 'string' ? api.body.jwt : undefined,
          ),
          parseRetryAfter(res.headers['retry-after']),
        );
        if (isRetryable(err)) throw err;
        const refusal = onRefusal(err);
        if (refusal === 'already-invalid') return refusal;
        throw refusal;
      },
      retryOptions(what, call.deadline, isRetryable, call.retry),
    );
  } catch (err) {
    exhausted(
      err,
      'VAULT_UNAVAILABLE',
      (s) =>
        `Vault at ${call.url} did not answer in time; re-run the job, or check the Vault address (${s.name('vault-url')} or the registry's credentials.vault.url) and the network.`,
    );
  }
}

/**
 * A response-wrapped answer (`wrap_info`, no `auth`/`data`): Vault wraps when the role, a policy
 * or a proxy demands it; the real answer sits behind a single-use token this client does not unwrap.
 */
export function refuseWrapped(body: unknown, what: string): void {
  const wrap = (body as { wrap_info?: unknown } | undefined)?.wrap_info;
  if (wrap && typeof wrap === 'object') {
    throw new AstlError(`${what}: Vault answered with a response-wrapping token instead of the answer`, {
      code: 'VAULT_RESPONSE_WRAPPED',
      hint: 'response wrapping is required for this path or role (a sys/wrapping policy, X-Vault-Wrap-TTL at a proxy); turn it off for the CI role.',
    });
  }
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
    { method: 'GET', path, token: req.token },
    (err) => kvRefusal(err, path, req.namespace),
  );
  refuseWrapped(body, `Vault read of ${path}`);
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
  const outcome = await vaultRequest(
    req,
    'Vault token revoke-self',
    { method: 'POST', path: 'auth/token/revoke-self', token: req.token },
    (err) =>
      err.status === 403
        ? 'already-invalid'
        : new AstlError(`Vault refused revoke-self: ${err.message}`, { code: 'VAULT_REVOKE_FAILED' }),
  );
  return outcome === 'already-invalid' ? outcome : 'revoked';
}

/** `GET /v1/auth/token/lookup-self`. */
export async function lookupSelf(req: VaultTokenCall): Promise<VaultTokenInfo> {
  const body = await vaultRequest(
    req,
    'Vault token lookup-self',
    { method: 'GET', path: 'auth/token/lookup-self', token: req.token },
    (err) =>
      new AstlError(`Vault token lookup failed: ${err.message}`, {
        code: err.status === 403 ? 'VAULT_TOKEN_INVALID' : 'VAULT_REQUEST_FAILED',
        hint: err.status === 403 ? 'the token is expired, revoked, or from another namespace.' : undefined,
      }),
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
