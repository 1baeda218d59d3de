/**
 * Digest resolution against the real docker/distribution registry (Debian's docker-registry).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResolveOptions, resolveImage, resolveImages } from '../../packages/oci/index.js';
import { registryAvailable, startRegistry, type TestRegistry } from '../support/registry.js';

const available = registryAvailable();
const tmp = mkdtempSync(join(tmpdir(), 'astl-oci-test-'));
const noConfig: ResolveOptions = { dockerConfigPath: join(tmp, 'absent.json'), env: {} };

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeDockerConfig(name: string, config: unknown): string {
  const path = join(tmp, `${name}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe.skipIf(!available)('resolution against a real registry (no auth)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('resolves a Docker v2 schema 2 manifest', async () => {
    const pushed = await registry.pushImage('team/docker', 'v1');
    const result = await resolveImage(`${registry.host}/team/docker:v1`, noConfig);
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({
      digest: pushed.digest,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      isIndex: false,
      pinned: `${registry.host}/team/docker@${pushed.digest}`,
    });
  });

  it('resolves an OCI image manifest', async () => {
    const pushed = await registry.pushImage('team/oci', 'v1', { format: 'oci' });
    const result = await resolveImage(`${registry.host}/team/oci:v1`, noConfig);
    expect(result).toMatchObject({
      digest: pushed.digest,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      isIndex: false,
    });
  });

  it('returns the OCI index digest for a multi-arch image, not a platform digest', async () => {
    const index = await registry.pushIndex('team/multi', 'v1');
    const result = await resolveImage(`${registry.host}/team/multi:v1`, noConfig);
    expect(result.digest).toBe(index.digest);
    expect(index.manifests.map((m) => m.digest)).not.toContain(result.digest);
    expect(result).toMatchObject({ mediaType: 'application/vnd.oci.image.index.v1+json', isIndex: true });
  });

  it('returns the manifest list digest for a Docker multi-arch image', async () => {
    const list = await registry.pushIndex('team/list', 'v1', { format: 'docker' });
    const result = await resolveImage(`${registry.host}/team/list:v1`, noConfig);
    expect(result).toMatchObject({
      digest: list.digest,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      isIndex: true,
    });
  });

  it('follows a re-pointed tag to its new digest', async () => {
    const first = await registry.pushImage('team/moving', 'stable');
    const before = await resolveImage(`${registry.host}/team/moving:stable`, noConfig);
    const second = await registry.pushImage('team/moving', 'v2');
    await registry.retag('team/moving', 'stable', second.digest);
    const after = await resolveImage(`${registry.host}/team/moving:stable`, noConfig);
    expect(before.digest).toBe(first.digest);
    expect(after.digest).toBe(second.digest);
    expect(after.digest).not.toBe(before.digest);
  });

  it('verifies digest-pinned references', async () => {
    const pushed = await registry.pushImage('team/pinned', 'v1');
    const other = await registry.pushImage('team/pinned', 'v2');
    const [byDigest, tagAndDigest, moved, absent] = await resolveImages(
      [
        `${registry.host}/team/pinned@${pushed.digest}`,
        `${registry.host}/team/pinned:v1@${pushed.digest}`,
        `${registry.host}/team/pinned:v2@${pushed.digest}`,
        `${registry.host}/team/pinned@sha256:${'0'.repeat(64)}`,
      ],
      noConfig,
    );
    expect(byDigest).toMatchObject({
      digest: pushed.digest,
      pinned: `${registry.host}/team/pinned@${pushed.digest}`,
    });
    expect(byDigest?.error).toBeUndefined();
    expect(tagAndDigest).toMatchObject({ digest: pushed.digest });
    expect(tagAndDigest?.error).toBeUndefined();
    expect(moved?.error?.code).toBe('DIGEST_MISMATCH');
    expect(moved?.error?.message).toContain(other.digest);
    expect(moved?.error?.message).toContain(pushed.digest);
    expect(moved?.digest).toBeUndefined();
    expect(absent?.error?.code).toBe('IMAGE_NOT_FOUND');
  });

  it('reports a missing tag or repository as IMAGE_NOT_FOUND, in input order, without throwing', async () => {
    await registry.pushImage('team/present', 'v1');
    const results = await resolveImages(
      [
        `${registry.host}/team/present:nope`,
        'Not A Reference',
        `${registry.host}/team/absent:v1`,
        `${registry.host}/team/present:v1`,
      ],
      noConfig,
    );
    expect(results.map((r) => r.error?.code)).toEqual([
      'IMAGE_NOT_FOUND',
      'IMAGE_REFERENCE_INVALID',
      'IMAGE_NOT_FOUND',
      undefined,
    ]);
    expect(results[0]?.error?.message).toContain('tag "nope"');
    expect(results.map((r) => r.input)).toEqual([
      `${registry.host}/team/present:nope`,
      'Not A Reference',
      `${registry.host}/team/absent:v1`,
      `${registry.host}/team/present:v1`,
    ]);
  });

  it('resolves many references with bounded concurrency and one request per distinct reference', async () => {
    const pushed = await registry.pushImage('team/many', 'v1');
    for (let i = 0; i < 20; i++) await registry.retag('team/many', `t${i}`, pushed.digest);
    const duplicates = Array.from({ length: 30 }, () => `${registry.host}/team/many:v1`);
    const distinct = Array.from({ length: 20 }, (_, i) => `${registry.host}/team/many:t${i}`);
    let inFlight = 0;
    let maxInFlight = 0;
    let requests = 0;
    const counting: typeof fetch = async (input, init) => {
      requests++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const results = await resolveImages([...duplicates, ...distinct], {
      ...noConfig,
      fetch: counting,
      concurrency: 4,
    });
    expect(results).toHaveLength(50);
    expect(results.every((r) => r.digest === pushed.digest && !r.error)).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(requests).toBe(21);
  });
});

describe.skipIf(!available)('resolution against a real registry with basic auth', () => {
  let registry: TestRegistry;
  const password = 'pa:ss-Word-9f3c1e';
  beforeAll(async () => {
    registry = await startRegistry({ users: { alice: password } });
    await registry.pushImage('private/app', 'v1');
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('uses the "auth" form of a docker config entry', async () => {
    const dockerConfigPath = writeDockerConfig('auth-form', {
      auths: { [registry.host]: { auth: Buffer.from(`alice:${password}`).toString('base64') } },
    });
    const result = await resolveImage(`${registry.host}/private/app:v1`, { dockerConfigPath, env: {} });
    expect(result.error).toBeUndefined();
    expect(result.digest).toMatch(/^sha256:/);
  });

  it('uses the username/password form under an http:// key, and DOCKER_CONFIG', async () => {
    const dir = mkdtempSync(join(tmp, 'dockercfg-'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ auths: { [`http://${registry.host}/v2/`]: { username: 'alice', password } } }),
    );
    const result = await resolveImage(`${registry.host}/private/app:v1`, { env: { DOCKER_CONFIG: dir } });
    expect(result.error).toBeUndefined();
  });

  it('reports a wrong password as REGISTRY_AUTH naming the source, never the secret', async () => {
    const wrong = 'wrong-Secret-77aa';
    const dockerConfigPath = writeDockerConfig('wrong', {
      auths: { [`https://${registry.host}`]: { username: 'alice', password: wrong } },
    });
    const result = await resolveImage(`${registry.host}/private/app:v1`, { dockerConfigPath, env: {} });
    expect(result.error?.code).toBe('REGISTRY_AUTH');
    expect(result.error?.message).toContain(dockerConfigPath);
    expect(result.error?.message).toContain('username/password');
    expect(result.error?.message).not.toContain(wrong);
    expect(result.error?.message).not.toContain(Buffer.from(`alice:${wrong}`).toString('base64'));
    expect(result.error?.message).not.toContain(password);
  });

  it('reports missing credentials as REGISTRY_AUTH and mentions ignored credential helpers', async () => {
    const dockerConfigPath = writeDockerConfig('helper', { credsStore: 'desktop' });
    const result = await resolveImage(`${registry.host}/private/app:v1`, { dockerConfigPath, env: {} });
    expect(result.error?.code).toBe('REGISTRY_AUTH');
    expect(result.error?.message).toMatch(/no credentials/);
    expect(result.error?.message).toContain('docker-credential-desktop');
  });
});

describe('registry down', () => {
  it('is REGISTRY_UNREACHABLE within a short deadline', async () => {
    // A port that was just free and is now closed: connections are refused.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const started = Date.now();
    const result = await resolveImage(`127.0.0.1:${port}/team/app:v1`, {
      ...noConfig,
      deadlineMs: 3000,
      attempts: 3,
      retryBaseDelayMs: 20,
    });
    expect(result.error?.code).toBe('REGISTRY_UNREACHABLE');
    expect(result.error?.message).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(result.error?.message).toContain(`127.0.0.1:${port}/team/app`);
    // Generous bound: only a broken deadline (retrying for the default 60 s) would exceed it.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
