import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { insecureRegistryList } from '../../packages/oci/client.js';
import { normaliseAuthKey } from '../../packages/oci/docker-config.js';
import {
  defaultDockerConfigPath,
  findCredentials,
  loadDockerConfig,
  parseWwwAuthenticate,
  registryBaseUrl,
} from '../../packages/oci/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'astl-oci-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseWwwAuthenticate', () => {
  it('reads a Bearer challenge with commas and escapes inside quoted values', () => {
    const [challenge, ...rest] = parseWwwAuthenticate(
      'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push repository:c:pull",error="insufficient_scope"',
    );
    expect(rest).toEqual([]);
    expect(challenge).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push repository:c:pull',
        error: 'insufficient_scope',
      },
    });
    expect(parseWwwAuthenticate('Bearer realm="a\\"b", service=plain')[0]?.params).toEqual({
      realm: 'a"b',
      service: 'plain',
    });
  });
  it('reads Basic and several challenges in one header', () => {
    expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
    ]);
    expect(
      parseWwwAuthenticate('Basic realm="x, y", Bearer realm="https://t/token",service=s').map(
        (c) => c.scheme,
      ),
    ).toEqual(['basic', 'bearer']);
  });
  it('never throws, on any header', () => {
    const pieces = fc.constantFrom('Bearer', 'Basic', ' ', ',', '=', '"', '\\', 'realm', 'scope', 'a:b,c');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')),
        ),
        (header) => {
          for (const c of parseWwwAuthenticate(header)) expect(typeof c.scheme).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('tolerates garbage', () => {
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(() => parseWwwAuthenticate('=,,"unterminated \\')).not.toThrow();
  });
});

describe('docker config credentials', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it('normalises keys written as URLs', () => {
    expect(normaliseAuthKey('https://index.docker.io/v1/')).toBe('index.docker.io');
    expect(normaliseAuthKey('http://LOCALHOST:5000')).toBe('localhost:5000');
    expect(normaliseAuthKey('ghcr.io')).toBe('ghcr.io');
  });
  it('finds Docker Hub credentials under https://index.docker.io/v1/ and splits at the first colon', () => {
    const sources = [
      { origin: 'cfg', config: { auths: { 'https://index.docker.io/v1/': { auth: b64('user:pa:ss') } } } },
    ];
    const found = findCredentials(sources, 'docker.io');
    expect(found.credentials).toMatchObject({ username: 'user', password: 'pa:ss' });
    expect(found.credentials?.description).toBe(
      '"auth" (username:password) from auths["https://index.docker.io/v1/"] in cfg',
    );
    expect(findCredentials(sources, 'ghcr.io').credentials).toBeUndefined();
  });
  it('prefers an identitytoken and notes credential helpers', () => {
    const sources = [
      {
        origin: 'cfg',
        config: {
          auths: { 'ghcr.io': { auth: b64('u:p'), identitytoken: 'refresh' } },
          credHelpers: { 'gcr.io': 'gcloud' },
        },
      },
    ];
    expect(findCredentials(sources, 'ghcr.io').credentials).toMatchObject({ identityToken: 'refresh' });
    const helper = findCredentials(sources, 'gcr.io');
    expect(helper.credentials).toBeUndefined();
    expect(helper.notes.join()).toContain('docker-credential-gcloud');
  });
  it('reads the file, then DOCKER_AUTH_CONFIG; an invalid file is a note, not a crash', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{not json');
    const sources = loadDockerConfig(bad, {
      DOCKER_AUTH_CONFIG: JSON.stringify({
        auths: { 'registry.gitlab.com': { username: 'gitlab-ci-token', password: 'x' } },
      }),
    });
    const found = findCredentials(sources, 'registry.gitlab.com');
    expect(found.credentials?.description).toBe(
      'username/password from auths["registry.gitlab.com"] in DOCKER_AUTH_CONFIG',
    );
    expect(found.notes.join()).toContain('not valid JSON');
    expect(loadDockerConfig(join(tmp, 'missing.json'), {})).toEqual([{ origin: join(tmp, 'missing.json') }]);
  });
  it('defaults to $DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
    expect(defaultDockerConfigPath({ DOCKER_CONFIG: '/cfg' })).toBe('/cfg/config.json');
    expect(defaultDockerConfigPath({ HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
  });
});

describe('registry scheme and host', () => {
  const none = new Set<string>();
  it('uses http for loopback and declared insecure registries, https otherwise', () => {
    expect(registryBaseUrl('localhost:5000', none)).toBe('http://localhost:5000');
    expect(registryBaseUrl('127.0.0.1:39999', none)).toBe('http://127.0.0.1:39999');
    expect(registryBaseUrl('[::1]:5000', none)).toBe('http://[::1]:5000');
    expect(registryBaseUrl('ghcr.io', none)).toBe('https://ghcr.io');
    expect(registryBaseUrl('docker.io', none)).toBe('https://registry-1.docker.io');
    const insecure = insecureRegistryList(['http://reg.internal:5000'], {
      ASTL_INSECURE_REGISTRIES: 'a.local, b.local',
    });
    expect([...insecure].sort()).toEqual(['a.local', 'b.local', 'reg.internal:5000']);
    expect(registryBaseUrl('reg.internal:5000', insecure)).toBe('http://reg.internal:5000');
    expect(registryBaseUrl('a.local:443', insecure)).toBe('http://a.local:443');
    expect(registryBaseUrl('reg.internal', insecure)).toBe('https://reg.internal');
  });
});
