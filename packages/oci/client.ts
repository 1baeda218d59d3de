/**
 * Resolves image references to the digests a registry serves for them, through the OCI
 * Distribution API: `HEAD /v2/<name>/manifests/<tag-or-digest>` with every manifest media type
 * in `Accept`, read `Docker-Content-Digest` (or GET and hash the exact bytes when a registry
 * leaves it out). Bearer-token and basic auth from a docker config file. Every failure is a
 * per-image result with a specific code, never a throw: the gate turns those codes into denials.
 */
import { createHash } from 'node:crypto';
import { parseRetryAfter } from '../core/http.js';
import {
  AstlError,
  BodyTooLargeError,
  Deadline,
  defaultSleep,
  isNetworkFault,
  isRetryableStatus,
  RetryExhaustedError,
  readBodyCapped,
  readTextCapped,
  withRetry,
} from '../core/index.js';
import {
  type CredentialLookup,
  type DockerConfigSource,
  defaultDockerConfigPath,
  findCredentials,
  loadDockerConfig,
  type RegistryCredentials,
} from './docker-config.js';
import { type ImageReference, isSha256Digest, parseImageReference, pinned } from './reference.js';
import { type AuthChallenge, parseWwwAuthenticate } from './www-authenticate.js';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** Sent on every manifest request, so the registry answers with the stored manifest as is. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifestList,
  MEDIA_TYPES.dockerManifest,
].join(', ');

const KNOWN_MEDIA_TYPES: ReadonlySet<string> = new Set(Object.values(MEDIA_TYPES));
const INDEX_MEDIA_TYPES: ReadonlySet<string> = new Set([
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifestList,
]);

/** The distribution spec's limit for a manifest a registry must accept; anything larger is refused. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A token answer is a small JSON document (a JWT and a lifetime); anything larger is refused. */
export const MAX_TOKEN_BODY_BYTES = 1024 * 1024;

export type ResolveErrorCode =
  | 'IMAGE_REFERENCE_INVALID'
  | 'IMAGE_NOT_FOUND'
  | 'REGISTRY_AUTH'
  | 'RATE_LIMITED'
  | 'REGISTRY_UNREACHABLE'
  | 'DIGEST_MISMATCH'
  | 'MANIFEST_TOO_LARGE';

export interface ResolveError {
  code: ResolveErrorCode;
  /** One sentence naming the image, the registry and what happened; never a credential. */
  message: string;
}

export interface ResolvedImage {
  /** The text as given. */
  input: string;
  /** The parsed reference; absent only when the text is not a valid reference. */
  reference?: ImageReference;
  /** `sha256:…` of the manifest (the index for multi-arch images) the registry serves. */
  digest?: string;
  /** Media type of that manifest. */
  mediaType?: string;
  /** `registry/repository@sha256:…`, what the deploy should use. */
  pinned?: string;
  /** True for an OCI image index or Docker manifest list (a multi-arch image). */
  isIndex: boolean;
  error?: ResolveError;
}

export interface ResolveOptions {
  /** Requests in flight at once; default 8. */
  concurrency?: number;
  /** Overall time for the whole batch, retries and waits included; default 60 s. */
  deadlineMs?: number;
  /** Timeout of one HTTP request; default 10 s. */
  attemptTimeoutMs?: number;
  /** Attempts per request on network faults, 5xx and 429; default 4. */
  attempts?: number;
  /** First retry delay (full jitter, doubling); default 250 ms. */
  retryBaseDelayMs?: number;
  /** Default `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
  dockerConfigPath?: string;
  /** Registries (host or host:port) spoken to over plain http; loopback hosts always are. */
  insecureRegistries?: string[];
  /** Environment for DOCKER_CONFIG, HOME, DOCKER_AUTH_CONFIG and ASTL_INSECURE_REGISTRIES; default process.env. */
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
  /** Progress notes (retries, ignored credential helpers); never contain secrets. */
  log?: (message: string) => void;
  /** For tests: replaces the wait between retries. */
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
}

/** Loopback registries are plain http, as docker treats them. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function hostOf(registry: string): string {
  if (registry.startsWith('[')) return registry.slice(0, registry.indexOf(']') + 1);
  const colon = registry.indexOf(':');
  return colon < 0 ? registry : registry.slice(0, colon);
}

/** The insecure-registry list from the option and ASTL_INSECURE_REGISTRIES (comma or space separated). */
export function insecureRegistryList(
  option: string[] | undefined,
  env: Record<string, string | undefined>,
): Set<string> {
  const fromEnv = (env['ASTL_INSECURE_REGISTRIES'] ?? '').split(/[\s,]+/);
  return new Set(
    [...(option ?? []), ...fromEnv]
      .map((s) =>
        s
          .trim()
          .replace(/^https?:\/\//, '')
          .replace(/\/.*$/, '')
          .toLowerCase(),
      )
      .filter(Boolean),
  );
}

/** `http://…` or `https://…` plus the API host (`registry-1.docker.io` for Docker Hub). */
export function registryBaseUrl(registry: string, insecure: ReadonlySet<string>): string {
  const lower = registry.toLowerCase();
  const host = hostOf(lower);
  const plain = isLoopbackHost(host) || insecure.has(lower) || insecure.has(host);
  const apiHost = lower === 'docker.io' ? 'registry-1.docker.io' : lower;
  return `${plain ? 'http' : 'https'}://${apiHost}`;
}

/** A status worth retrying (5xx, 429, 408), with the server's requested wait. */
class RetryableStatus extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status} from ${url}`);
  }
}

/** The registry or its token service refused the credentials (or their absence). */
class AuthRefused extends Error {}

/** A registry answer that is not usable (bad digest header on a digest request, oversized manifest, …). */
class RegistryProtocolError extends Error {}

/** Transport faults described by their Node error code: "connection refused (ECONNREFUSED)". */
function describeTransportFault(err: unknown): string {
  const names: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host name not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
    UND_ERR_SOCKET: 'connection closed',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
  };
  const messages: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (!(e instanceof Error)) break;
    if (e instanceof RetryableStatus) return e.message;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'request timed out';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return names[code] ? `${names[code]} (${code})` : `${e.message} (${code})`;
    messages.push(e.message);
  }
  // No error code anywhere (undici's "fetch failed" wraps the reason): show the whole chain.
  return messages.length ? messages.join(': ') : String(err);
}

interface TokenEntry {
  promise: Promise<{ token: string; expiresAt: number }>;
}

interface RegistryState {
  /** What the registry asked for last time, so later requests authenticate up front. */
  challenge?: AuthChallenge;
  credentials?: CredentialLookup;
  tokens: Map<string, TokenEntry>;
}

interface ManifestAnswer {
  found: boolean;
  digest?: string;
  mediaType?: string;
}

function mediaTypeOf(contentType: string | null): string | undefined {
  const value = contentType?.split(';')[0]?.trim().toLowerCase();
  return value ? value : undefined;
}

/**
 * One resolution session: token cache and in-flight sharing per registry and scope, one deadline.
 * `resolveImages` creates one per call; keep one to resolve several batches with shared tokens.
 */
export class RegistryClient {
  private readonly fetchImpl: typeof fetch;
  private readonly deadline: Deadline;
  private readonly attemptTimeoutMs: number;
  private readonly attempts: number;
  private readonly retryBaseDelayMs: number;
  private readonly insecure: Set<string>;
  private readonly configPath: string;
  private readonly env: Record<string, string | undefined>;
  private readonly log: (message: string) => void;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly userAgent: string;
  private readonly registries = new Map<string, RegistryState>();
  private configSources: DockerConfigSource[] | undefined;
  private readonly inFlight = new Map<string, Promise<ResolvedImage>>();
  readonly concurrency: number;

  constructor(options: ResolveOptions = {}) {
    this.env = options.env ?? process.env;
    this.fetchImpl = options.fetch ?? fetch;
    this.deadline = new Deadline(options.deadlineMs ?? 60_000);
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 250;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
    this.insecure = insecureRegistryList(options.insecureRegistries, this.env);
    this.configPath = options.dockerConfigPath ?? defaultDockerConfigPath(this.env);
    this.log = options.log ?? (() => {});
    this.sleep = options.sleep ?? defaultSleep;
    this.userAgent = options.userAgent ?? 'astl-agent-credentials';
  }

  /** Resolves one reference; equal references in one session share one resolution. */
  resolve(input: string): Promise<ResolvedImage> {
    let reference: ImageReference;
    try {
      reference = parseImageReference(input);
    } catch (err) {
      const message = err instanceof AstlError ? err.message : String(err);
      return Promise.resolve({ input, isIndex: false, error: { code: 'IMAGE_REFERENCE_INVALID', message } });
    }
    let shared = this.inFlight.get(reference.canonical);
    if (!shared) {
      shared = this.resolveParsed(reference);
      this.inFlight.set(reference.canonical, shared);
    }
    return shared.then((r) => ({ ...r, input }));
  }

  private async resolveParsed(reference: ImageReference): Promise<ResolvedImage> {
    const base: ResolvedImage = { input: reference.canonical, reference, isIndex: false };
    const name = `${reference.registry}/${reference.repository}`;
    try {
      const lookup = reference.tag ?? reference.digest!;
      const answer = await this.manifestDigest(reference, lookup);
      if (!answer.found || !answer.digest) {
        const what = reference.tag
          ? `tag "${reference.tag}" of ${name}`
          : `manifest ${reference.digest} in ${name}`;
        return fail(
          base,
          'IMAGE_NOT_FOUND',
          `${what} does not exist (the registry answered 404: MANIFEST_UNKNOWN or NAME_UNKNOWN)`,
        );
      }
      if (reference.digest && answer.digest !== reference.digest) {
        return fail(
          base,
          'DIGEST_MISMATCH',
          reference.tag
            ? `${name}:${reference.tag} now points to ${answer.digest}, but the reference pins ${reference.digest}`
            : `${name} answered ${answer.digest} when asked for ${reference.digest}`,
        );
      }
      const result: ResolvedImage = {
        ...base,
        digest: answer.digest,
        pinned: pinned(reference, answer.digest),
        isIndex: answer.mediaType !== undefined && INDEX_MEDIA_TYPES.has(answer.mediaType),
      };
      if (answer.mediaType) result.mediaType = answer.mediaType;
      return result;
    } catch (err) {
      return fail(base, ...this.classify(err, reference));
    }
  }

  private classify(err: unknown, reference: ImageReference): [ResolveErrorCode, string] {
    const name = `${reference.registry}/${reference.repository}`;
    if (err instanceof AuthRefused) return ['REGISTRY_AUTH', err.message];
    if (err instanceof RegistryProtocolError) return ['REGISTRY_UNREACHABLE', err.message];
    if (err instanceof AstlError) {
      const code = err.code as ResolveErrorCode;
      return [code, err.message];
    }
    if (err instanceof RetryExhaustedError) {
      const last = err.lastError;
      // withRetry stops at once when the server asks for a wait (Retry-After) past the deadline.
      const asked = last instanceof RetryableStatus ? last.retryAfterMs : undefined;
      const why =
        asked !== undefined && asked >= this.deadline.remainingMs()
          ? `: it asked to wait ${Math.ceil(asked / 1000)}s, longer than the time left`
          : err.deadlineHit
            ? ` within the ${Math.round(this.deadline.totalMs / 100) / 10}s deadline`
            : ` after ${err.attempts} attempts`;
      if (last instanceof RetryableStatus && last.status === 429) {
        return [
          'RATE_LIMITED',
          `registry ${reference.registry} answered 429 Too Many Requests for ${name}${why}`,
        ];
      }
      const fault = last === undefined ? 'no attempt could be made' : describeTransportFault(last);
      return ['REGISTRY_UNREACHABLE', `could not resolve ${name} (${fault})${why}`];
    }
    if (isNetworkFault(err)) {
      return [
        'REGISTRY_UNREACHABLE',
        `could not reach registry ${reference.registry}: ${describeTransportFault(err)}`,
      ];
    }
    return [
      'REGISTRY_UNREACHABLE',
      `resolving ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
    ];
  }

  /** HEAD the manifest; fall back to GET + sha256 when the digest header is missing or not sha256. */
  private async manifestDigest(reference: ImageReference, lookup: string): Promise<ManifestAnswer> {
    const head = await this.manifestRequest(reference, lookup, 'HEAD');
    if (!head.found) return head;
    if (head.digest && isSha256Digest(head.digest)) return head;
    const got = await this.manifestRequest(reference, lookup, 'GET');
    if (!got.found) return got;
    return { found: true, digest: got.digest, mediaType: got.mediaType ?? head.mediaType };
  }

  private async manifestRequest(
    reference: ImageReference,
    lookup: string,
    method: 'HEAD' | 'GET',
  ): Promise<ManifestAnswer> {
    const url = `${registryBaseUrl(reference.registry, this.insecure)}/v2/${reference.repository}/manifests/${lookup}`;
    return this.retrying(`${method} ${url}`, async (signal) => {
      const res = await this.authorizedFetch(reference, url, method, signal);
      if (res.status === 404) {
        await res.body?.cancel();
        return { found: false };
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        if (res.status === 400) {
          throw new AstlError(
            `registry ${reference.registry} rejected the name or reference of ${reference.canonical} (HTTP 400)`,
            { code: 'IMAGE_REFERENCE_INVALID' },
          );
        }
        throw new RegistryProtocolError(
          `registry ${reference.registry} answered HTTP ${res.status} for ${reference.registry}/${reference.repository}`,
        );
      }
      const headerDigest = res.headers.get('docker-content-digest')?.trim();
      let mediaType = mediaTypeOf(res.headers.get('content-type'));
      if (method === 'HEAD') {
        await res.body?.cancel();
        return { found: true, digest: headerDigest, mediaType };
      }
      // Capped while streaming: a registry that sends an endless body, or lies in
      // Content-Length, is cut off at 4 MiB instead of being read whole.
      let bytes: Buffer;
      try {
        bytes = await readBodyCapped(res, MAX_MANIFEST_BYTES, `the manifest of ${reference.canonical}`);
      } catch (err) {
        if (!(err instanceof BodyTooLargeError)) throw err;
        throw new AstlError(
          `registry ${reference.registry} answered ${reference.canonical} with a manifest larger than 4 MiB (the OCI distribution spec's limit); the gate stopped reading and refuses it`,
          { code: 'MANIFEST_TOO_LARGE' },
        );
      }
      // Hash only what is really a v2 manifest: a proxy's HTML page must not become a "digest".
      let parsed: { schemaVersion?: unknown; mediaType?: unknown } | undefined;
      try {
        parsed = JSON.parse(bytes.toString('utf8')) as typeof parsed;
      } catch {
        parsed = undefined;
      }
      if (!parsed || typeof parsed !== 'object' || parsed.schemaVersion !== 2) {
        throw new RegistryProtocolError(
          `registry ${reference.registry} answered ${reference.canonical} with something that is not an image manifest (schema version 2)${mediaType ? ` (${mediaType})` : ''}`,
        );
      }
      if (typeof parsed.mediaType === 'string' && (!mediaType || !KNOWN_MEDIA_TYPES.has(mediaType))) {
        mediaType = parsed.mediaType;
      }
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      return { found: true, digest, mediaType };
    });
  }

  /**
   * withRetry on network faults, 5xx and 429, honouring Retry-After (withRetry waits at least that
   * long, and gives up at once when it is past the deadline).
   */
  private retrying<T>(what: string, op: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withRetry((signal) => op(signal), {
      attempts: this.attempts,
      baseDelayMs: this.retryBaseDelayMs,
      maxDelayMs: 5_000,
      attemptTimeoutMs: this.attemptTimeoutMs,
      deadline: this.deadline,
      what,
      // A nested retry (the token fetch) that gave up is final: do not multiply attempts.
      isRetryable: (err) =>
        !(err instanceof RetryExhaustedError) && (err instanceof RetryableStatus || isNetworkFault(err)),
      retryAfterMs: (err) => (err instanceof RetryableStatus ? err.retryAfterMs : undefined),
      onRetry: ({ attempt, delayMs, error }) =>
        this.log(`${what}: ${describeTransportFault(error)}; retry ${attempt} in ${delayMs} ms`),
      sleep: this.sleep,
    });
  }

  private state(registry: string): RegistryState {
    let state = this.registries.get(registry);
    if (!state) {
      state = { tokens: new Map() };
      this.registries.set(registry, state);
    }
    return state;
  }

  private credentialsFor(registry: string): CredentialLookup {
    const state = this.state(registry);
    if (!state.credentials) {
      this.configSources ??= loadDockerConfig(this.configPath, this.env);
      state.credentials = findCredentials(this.configSources, registry);
      for (const note of state.credentials.notes) this.log(note);
    }
    return state.credentials;
  }

  private describeTried(registry: string, scheme: string): string {
    const lookup = this.credentialsFor(registry);
    const tried = lookup.credentials
      ? lookup.credentials.description
      : `no credentials (none for ${registry} in ${this.configPath})`;
    const notes = lookup.notes.length ? `; ${lookup.notes.join('; ')}` : '';
    return `${scheme} auth with ${tried}${notes}`;
  }

  /** Sends the request, authenticating up front when the registry's challenge is known, else after a 401. */
  private async authorizedFetch(
    reference: ImageReference,
    url: string,
    method: string,
    signal: AbortSignal,
  ): Promise<Response> {
    const state = this.state(reference.registry);
    const scope = `repository:${reference.repository}:pull`;
    const send = async (authorization: string | undefined) => {
      const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT, 'User-Agent': this.userAgent };
      if (authorization) headers['Authorization'] = authorization;
      const res = await this.fetchImpl(url, { method, headers, signal, redirect: 'follow' });
      if (isRetryableStatus(res.status)) {
        await res.body?.cancel();
        throw new RetryableStatus(res.status, url, parseRetryAfter(res.headers.get('retry-after')));
      }
      return res;
    };

    let authorization = state.challenge
      ? await this.authorization(reference, state.challenge, scope)
      : undefined;
    let res = await send(authorization);
    if (res.status === 401) {
      await res.body?.cancel();
      const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate'));
      const challenge =
        challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
      if (!challenge) {
        throw new AuthRefused(
          `registry ${reference.registry} answered 401 for ${reference.repository} without a Bearer or Basic challenge`,
        );
      }
      if (authorization && state.challenge?.scheme === 'bearer') {
        // The cached token was refused (expired or revoked): fetch a new one once.
        state.tokens.delete(scope);
      } else if (authorization) {
        throw this.refused(reference, 401, challenge.scheme);
      }
      state.challenge = challenge;
      authorization = await this.authorization(reference, challenge, scope);
      res = await send(authorization);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw this.refused(reference, res.status, state.challenge?.scheme ?? 'no');
    }
    return res;
  }

  private refused(reference: ImageReference, status: number, scheme: string): AuthRefused {
    return new AuthRefused(
      `registry ${reference.registry} refused pull access to ${reference.repository} (HTTP ${status}) using ${this.describeTried(reference.registry, scheme)}. ` +
        'Log in first (docker/login-action writes ~/.docker/config.json), check the credentials can pull this repository, ' +
        'and check the repository name: registries also answer 401 for repositories that do not exist',
    );
  }

  private async authorization(
    reference: ImageReference,
    challenge: AuthChallenge,
    scope: string,
  ): Promise<string | undefined> {
    const credentials = this.credentialsFor(reference.registry).credentials;
    if (challenge.scheme === 'basic') {
      if (!credentials?.username || credentials.password === undefined) {
        throw new AuthRefused(
          `registry ${reference.registry} requires basic auth for ${reference.repository} but there are ${this.describeTried(reference.registry, 'basic').replace(/^basic auth with /, '')}. Log in first (docker/login-action writes ~/.docker/config.json)`,
        );
      }
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    }
    if (challenge.scheme === 'bearer') {
      if (credentials?.registryToken) return `Bearer ${credentials.registryToken}`;
      const token = await this.token(reference, challenge, scope, credentials);
      return `Bearer ${token}`;
    }
    throw new AuthRefused(
      `registry ${reference.registry} asks for "${challenge.scheme}" auth, which astl does not support (only Bearer and Basic)`,
    );
  }

  /** One token per registry and scope, shared by concurrent requests, refreshed shortly before expiry. */
  private async token(
    reference: ImageReference,
    challenge: AuthChallenge,
    scope: string,
    credentials: RegistryCredentials | undefined,
  ): Promise<string> {
    const state = this.state(reference.registry);
    const cached = state.tokens.get(scope);
    if (cached) {
      try {
        const value = await cached.promise;
        if (value.expiresAt - Date.now() > 10_000) return value.token;
      } catch {
        // A failed fetch is not cached: fall through to a new one.
      }
      if (state.tokens.get(scope) === cached) state.tokens.delete(scope);
      const again = state.tokens.get(scope);
      if (again) return (await again.promise).token;
    }
    const entry: TokenEntry = { promise: this.fetchToken(reference, challenge, scope, credentials) };
    state.tokens.set(scope, entry);
    entry.promise.catch(() => {
      if (state.tokens.get(scope) === entry) state.tokens.delete(scope);
    });
    return (await entry.promise).token;
  }

  private async fetchToken(
    reference: ImageReference,
    challenge: AuthChallenge,
    scope: string,
    credentials: RegistryCredentials | undefined,
  ): Promise<{ token: string; expiresAt: number }> {
    const realm = challenge.params['realm'];
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm ?? '');
    } catch {
      throw new AuthRefused(
        `registry ${reference.registry} sent a Bearer challenge without a valid realm URL; cannot get a token`,
      );
    }
    // Never send credentials to a plain-http token service unless it is local or declared insecure.
    const plainAllowed =
      realmUrl.protocol === 'https:' ||
      isLoopbackHost(realmUrl.hostname) ||
      this.insecure.has(realmUrl.host.toLowerCase()) ||
      this.insecure.has(realmUrl.hostname.toLowerCase());
    const usable = credentials && plainAllowed ? credentials : undefined;
    const service = challenge.params['service'];
    const what = `token request to ${realmUrl.origin}${realmUrl.pathname}`;

    const body = await this.retrying(what, async (signal) => {
      let res: Response;
      const headers: Record<string, string> = { 'User-Agent': this.userAgent, Accept: 'application/json' };
      if (usable?.identityToken) {
        const form = new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: usable.identityToken,
          client_id: 'astl-agent-credentials',
          scope,
        });
        if (service) form.set('service', service);
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        res = await this.fetchImpl(realmUrl, { method: 'POST', headers, body: form.toString(), signal });
      } else {
        const url = new URL(realmUrl);
        if (service) url.searchParams.set('service', service);
        url.searchParams.set('scope', scope);
        if (usable?.username && usable.password !== undefined) {
          headers['Authorization'] =
            `Basic ${Buffer.from(`${usable.username}:${usable.password}`).toString('base64')}`;
        }
        res = await this.fetchImpl(url, { method: 'GET', headers, signal });
      }
      if (isRetryableStatus(res.status)) {
        await res.body?.cancel();
        throw new RetryableStatus(
          res.status,
          `${realmUrl.origin}${realmUrl.pathname}`,
          parseRetryAfter(res.headers.get('retry-after')),
        );
      }
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        throw new AuthRefused(
          `the token service of ${reference.registry} (${realmUrl.host}) refused a pull token for ${reference.repository} (HTTP ${res.status}) using ${this.describeTried(reference.registry, 'bearer')}`,
        );
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new RegistryProtocolError(
          `the token service of ${reference.registry} (${realmUrl.host}) answered HTTP ${res.status}`,
        );
      }
      try {
        return await readTextCapped(res, MAX_TOKEN_BODY_BYTES, `the token answer of ${realmUrl.host}`);
      } catch (err) {
        if (!(err instanceof BodyTooLargeError)) throw err;
        throw new RegistryProtocolError(
          `the token service of ${reference.registry} (${realmUrl.host}) answered more than 1 MiB; the gate stopped reading and refuses it`,
        );
      }
    });

    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      throw new RegistryProtocolError(`the token service of ${reference.registry} did not answer JSON`);
    }
    const token =
      typeof parsed.token === 'string' && parsed.token
        ? parsed.token
        : typeof parsed.access_token === 'string'
          ? parsed.access_token
          : '';
    if (!token) {
      throw new RegistryProtocolError(`the token service of ${reference.registry} answered without a token`);
    }
    // The spec's default lifetime is 60 s when expires_in is absent.
    const lifetimeS = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 60;
    return { token, expiresAt: Date.now() + lifetimeS * 1000 };
  }
}

function fail(base: ResolvedImage, code: ResolveErrorCode, message: string): ResolvedImage {
  return { ...base, error: { code, message } };
}

/** Runs `fn` over `items` with at most `limit` in flight, results in input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Resolves every reference to a digest, at most `concurrency` at a time, within one deadline.
 * Results are in input order; failures are results with `error`, never a rejection.
 */
export async function resolveImages(
  refs: readonly string[],
  options: ResolveOptions = {},
): Promise<ResolvedImage[]> {
  const client = new RegistryClient(options);
  return mapWithConcurrency(refs, client.concurrency, (ref) => client.resolve(ref));
}

/** Resolves one reference (see resolveImages). */
export async function resolveImage(ref: string, options: ResolveOptions = {}): Promise<ResolvedImage> {
  const [result] = await resolveImages([ref], options);
  return result!;
}
