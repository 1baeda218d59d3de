/**
 * A real OCI registry for tests: Debian's `docker-registry` (docker/distribution v2.8) on
 * 127.0.0.1, filesystem storage in a temp dir, optional htpasswd basic auth, plus helpers that
 * push real content over the HTTP API (blob upload, Docker v2 / OCI manifests, OCI indexes) and
 * re-point tags. No Docker engine needed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';

export const REGISTRY_BINARY = process.env['ASTL_DOCKER_REGISTRY'] ?? '/usr/bin/docker-registry';

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

/**
 * Whether registry tests can run. Outside CI a missing binary skips them with a message; in CI
 * (CI=true) it is a failure, so a broken CI image cannot silently drop the registry tests.
 */
export function registryAvailable(): boolean {
  if (existsSync(REGISTRY_BINARY)) return true;
  const message = `${REGISTRY_BINARY} not found: install Debian's docker-registry package (apt-get install docker-registry)`;
  if (process.env['CI'] === 'true') throw new Error(`${message}; CI must run the registry tests`);
  console.warn(`skipping registry tests: ${message}`);
  return false;
}

/** For `describe.skipIf(skipIfNoRegistry())`: true (skip) when the binary is missing outside CI. */
export function skipIfNoRegistry(): boolean {
  return !registryAvailable();
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface PushedManifest extends Descriptor {
  /** The exact manifest bytes stored. */
  bytes: Buffer;
}

export interface PushImageOptions {
  format?: 'docker' | 'oci';
  /** Content of the single layer; defaults to random bytes so every push is a new image. */
  layer?: Buffer;
  architecture?: string;
}

export interface PushIndexOptions {
  format?: 'docker' | 'oci';
  /** Platforms, one image each; default amd64 and arm64. */
  architectures?: string[];
}

export interface PushedIndex extends PushedManifest {
  manifests: PushedManifest[];
}

export interface TestRegistry {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, the registry part of image references. */
  host: string;
  /** Basic credentials when started with auth. */
  credentials?: { username: string; password: string };
  /** Pushes a single-platform image and tags it (tag optional: push by digest only). */
  pushImage(repository: string, tag?: string, options?: PushImageOptions): Promise<PushedManifest>;
  /** Pushes one image per architecture and an index (OCI) or manifest list (Docker) over them. */
  pushIndex(repository: string, tag?: string, options?: PushIndexOptions): Promise<PushedIndex>;
  /** Points `tag` at the manifest with `digest` (same bytes, same media type). */
  retag(repository: string, tag: string, digest: string): Promise<void>;
  /** Stops the registry (SIGTERM, then SIGKILL) and removes its files. */
  close(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Enables htpasswd basic auth with these users. */
  users?: Record<string, string>;
}

/** Registries still running; killed if the test process exits without calling close(). */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(proc: ChildProcess): void {
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const p of live) p.kill('SIGKILL');
    });
  }
}

const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A port that was free a moment ago (bind 0, read, close); the caller retries on collision. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function writeConfig(dir: string, port: number, htpasswdPath: string | undefined): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
  ];
  if (htpasswdPath) {
    lines.push('auth:', '  htpasswd:', '    realm: astl-test-registry', `    path: ${htpasswdPath}`);
  }
  const path = join(dir, `config-${port}.yml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Polls GET /v2/ until it answers (200, or 401 with auth), the process dies, or 10 s pass. */
async function waitUntilServing(url: string, child: ChildProcess, stderr: () => string): Promise<boolean> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`docker-registry did not start serving ${url} within 10 s: ${stderr().slice(-2000)}`);
}

export async function startRegistry(options: StartRegistryOptions = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'astl-registry-'));
  mkdirSync(join(dir, 'data'));
  let htpasswdPath: string | undefined;
  if (options.users) {
    htpasswdPath = join(dir, 'htpasswd');
    // docker-registry only accepts bcrypt entries; cost 4 keeps the test fast (it is a test).
    const lines = Object.entries(options.users).map(([user, pass]) => `${user}:${bcrypt.hashSync(pass, 4)}`);
    writeFileSync(htpasswdPath, `${lines.join('\n')}\n`);
  }

  let child: ChildProcess | undefined;
  let port = 0;
  let lastError = '';
  for (let attempt = 1; attempt <= 5 && !child; attempt++) {
    port = await freePort();
    const config = writeConfig(dir, port, htpasswdPath);
    let stderr = '';
    const proc = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    track(proc);
    proc.stdout?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const serving = await waitUntilServing(`http://127.0.0.1:${port}`, proc, () => stderr).catch((err) => {
      proc.kill('SIGKILL');
      throw err;
    });
    if (serving) child = proc;
    else lastError = stderr; // most likely "address already in use": another port
  }
  if (!child) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`docker-registry would not start after 5 attempts: ${lastError.slice(-2000)}`);
  }
  const proc = child;

  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const firstUser = options.users ? Object.entries(options.users)[0] : undefined;
  const authHeader: Record<string, string> = firstUser
    ? { Authorization: `Basic ${Buffer.from(`${firstUser[0]}:${firstUser[1]}`).toString('base64')}` }
    : {};

  const request = async (
    method: string,
    path: string,
    init: { body?: Buffer; headers?: Record<string, string> } = {},
  ) => {
    const target = path.startsWith('http') ? path : `${url}${path}`;
    const res = await fetch(target, {
      method,
      headers: { ...authHeader, ...init.headers },
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    const text = Buffer.from(await res.arrayBuffer());
    return { res, text };
  };

  const pushBlob = async (repository: string, data: Buffer, mediaType: string): Promise<Descriptor> => {
    const digest = sha256(data);
    const started = await request('POST', `/v2/${repository}/blobs/uploads/`);
    if (started.res.status !== 202) {
      throw new Error(`blob upload start for ${repository} answered ${started.res.status}: ${started.text}`);
    }
    const location = started.res.headers.get('location') ?? '';
    const target = new URL(location, url);
    target.searchParams.set('digest', digest);
    const put = await request('PUT', target.toString(), {
      body: data,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    if (put.res.status !== 201)
      throw new Error(`blob PUT for ${repository} answered ${put.res.status}: ${put.text}`);
    return { mediaType, digest, size: data.length };
  };

  const putManifest = async (repository: string, reference: string, bytes: Buffer, mediaType: string) => {
    const put = await request('PUT', `/v2/${repository}/manifests/${reference}`, {
      body: bytes,
      headers: { 'Content-Type': mediaType },
    });
    if (put.res.status !== 201) {
      throw new Error(`manifest PUT ${repository}:${reference} answered ${put.res.status}: ${put.text}`);
    }
    const digest = sha256(bytes);
    const returned = put.res.headers.get('docker-content-digest');
    if (returned && returned !== digest) throw new Error(`registry stored ${returned}, expected ${digest}`);
    return digest;
  };

  const pushImage = async (
    repository: string,
    tag?: string,
    o: PushImageOptions = {},
  ): Promise<PushedManifest> => {
    const oci = o.format === 'oci';
    const architecture = o.architecture ?? 'amd64';
    const layer = await pushBlob(
      repository,
      o.layer ?? randomBytes(64),
      oci ? MEDIA.ociLayer : MEDIA.dockerLayer,
    );
    const configJson = Buffer.from(
      JSON.stringify({
        architecture,
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [layer.digest] },
        config: {},
      }),
    );
    const config = await pushBlob(repository, configJson, oci ? MEDIA.ociConfig : MEDIA.dockerConfig);
    const mediaType = oci ? MEDIA.ociManifest : MEDIA.dockerManifest;
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType, config, layers: [layer] }, null, 2),
    );
    const digest = await putManifest(repository, tag ?? sha256(bytes), bytes, mediaType);
    return { mediaType, digest, size: bytes.length, bytes };
  };

  const pushIndex = async (
    repository: string,
    tag?: string,
    o: PushIndexOptions = {},
  ): Promise<PushedIndex> => {
    const format = o.format ?? 'oci';
    const manifests: PushedManifest[] = [];
    const entries: unknown[] = [];
    for (const architecture of o.architectures ?? ['amd64', 'arm64']) {
      const image = await pushImage(repository, undefined, { format, architecture });
      manifests.push(image);
      entries.push({
        mediaType: image.mediaType,
        digest: image.digest,
        size: image.size,
        platform: { architecture, os: 'linux' },
      });
    }
    const mediaType = format === 'oci' ? MEDIA.ociIndex : MEDIA.dockerManifestList;
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: entries }, null, 2));
    const digest = await putManifest(repository, tag ?? sha256(bytes), bytes, mediaType);
    return { mediaType, digest, size: bytes.length, bytes, manifests };
  };

  const retag = async (repository: string, tag: string, digest: string): Promise<void> => {
    const got = await request('GET', `/v2/${repository}/manifests/${digest}`, {
      headers: { Accept: Object.values(MEDIA).join(', ') },
    });
    if (got.res.status !== 200)
      throw new Error(`manifest GET ${repository}@${digest} answered ${got.res.status}`);
    const mediaType = got.res.headers.get('content-type') ?? MEDIA.dockerManifest;
    await putManifest(repository, tag, got.text, mediaType);
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    proc.kill('SIGTERM');
    if (!(await waitForExit(proc, 3000))) {
      proc.kill('SIGKILL');
      await waitForExit(proc, 3000);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const registry: TestRegistry = { url, host, close, pushImage, pushIndex, retag };
  if (firstUser) registry.credentials = { username: firstUser[0], password: firstUser[1] };
  return registry;
}
