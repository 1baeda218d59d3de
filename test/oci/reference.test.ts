import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AstlError } from '../../packages/core/index.js';
import { parseImageReference, parseRepository, pinned } from '../../packages/oci/index.js';

const HEX = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';
const DIGEST = `sha256:${HEX}`;

function errorOf(text: string): AstlError {
  try {
    parseImageReference(text);
  } catch (err) {
    expect(err).toBeInstanceOf(AstlError);
    return err as AstlError;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('parseImageReference: valid references (docker/distribution normalisation)', () => {
  const table: Array<[string, string, string, string | undefined, string | undefined, string]> = [
    // input, registry, repository, tag, digest, familiar
    ['ubuntu', 'docker.io', 'library/ubuntu', 'latest', undefined, 'ubuntu:latest'],
    ['library/ubuntu', 'docker.io', 'library/ubuntu', 'latest', undefined, 'ubuntu:latest'],
    ['docker.io/library/ubuntu:22.04', 'docker.io', 'library/ubuntu', '22.04', undefined, 'ubuntu:22.04'],
    ['index.docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'latest', undefined, 'ubuntu:latest'],
    ['index.docker.io/ubuntu', 'docker.io', 'library/ubuntu', 'latest', undefined, 'ubuntu:latest'],
    ['docker.io/foo/bar', 'docker.io', 'foo/bar', 'latest', undefined, 'foo/bar:latest'],
    ['foo/bar:1', 'docker.io', 'foo/bar', '1', undefined, 'foo/bar:1'],
    ['localhost/foo', 'localhost', 'foo', 'latest', undefined, 'localhost/foo:latest'],
    ['localhost:5000/foo', 'localhost:5000', 'foo', 'latest', undefined, 'localhost:5000/foo:latest'],
    ['foo:5000/bar', 'foo:5000', 'bar', 'latest', undefined, 'foo:5000/bar:latest'],
    ['test.com:5000/repo:tag', 'test.com:5000', 'repo', 'tag', undefined, 'test.com:5000/repo:tag'],
    ['test_com', 'docker.io', 'library/test_com', 'latest', undefined, 'test_com:latest'],
    ['test.com:tag', 'docker.io', 'library/test.com', 'tag', undefined, 'test.com:tag'],
    ['test.com:5000', 'docker.io', 'library/test.com', '5000', undefined, 'test.com:5000'],
    ['localhost:5000', 'docker.io', 'library/localhost', '5000', undefined, 'localhost:5000'],
    ['lowercase:Uppercase', 'docker.io', 'library/lowercase', 'Uppercase', undefined, 'lowercase:Uppercase'],
    [
      'sub-dom1.foo.com/bar/baz/quux',
      'sub-dom1.foo.com',
      'bar/baz/quux',
      'latest',
      undefined,
      'sub-dom1.foo.com/bar/baz/quux:latest',
    ],
    [
      'b.gcr.io/test.example.com/my-app:test.example.com',
      'b.gcr.io',
      'test.example.com/my-app',
      'test.example.com',
      undefined,
      'b.gcr.io/test.example.com/my-app:test.example.com',
    ],
    [
      'xn--n3h.com/myimage:xn--n3h.com',
      'xn--n3h.com',
      'myimage',
      'xn--n3h.com',
      undefined,
      'xn--n3h.com/myimage:xn--n3h.com',
    ],
    ['foo_bar.com:8080', 'docker.io', 'library/foo_bar.com', '8080', undefined, 'foo_bar.com:8080'],
    ['foo/foo_bar.com:8080', 'docker.io', 'foo/foo_bar.com', '8080', undefined, 'foo/foo_bar.com:8080'],
    ['a__b/c---d.e_f', 'docker.io', 'a__b/c---d.e_f', 'latest', undefined, 'a__b/c---d.e_f:latest'],
    ['Foo.Example.com/app', 'Foo.Example.com', 'app', 'latest', undefined, 'Foo.Example.com/app:latest'],
    ['[::1]:5000/foo:tag', '[::1]:5000', 'foo', 'tag', undefined, '[::1]:5000/foo:tag'],
    ['ghcr.io/acme/app@' + DIGEST, 'ghcr.io', 'acme/app', undefined, DIGEST, `ghcr.io/acme/app@${DIGEST}`],
    ['test:5000/repo@' + DIGEST, 'test:5000', 'repo', undefined, DIGEST, `test:5000/repo@${DIGEST}`],
    ['test:5000/repo:tag@' + DIGEST, 'test:5000', 'repo', 'tag', DIGEST, `test:5000/repo:tag@${DIGEST}`],
    ['nginx@' + DIGEST, 'docker.io', 'library/nginx', undefined, DIGEST, `nginx@${DIGEST}`],
    ['  ghcr.io/acme/app:1  ', 'ghcr.io', 'acme/app', '1', undefined, 'ghcr.io/acme/app:1'],
  ];
  it.each(table)('%s', (input, registry, repository, tag, digest, familiar) => {
    const ref = parseImageReference(input);
    expect(ref.registry).toBe(registry);
    expect(ref.repository).toBe(repository);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect(ref.familiar).toBe(familiar);
    const suffix = (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
    expect(ref.canonical).toBe(`${registry}/${repository}${suffix}`);
    expect(ref.name).toBe(`${registry}/${repository}`);
  });

  it('accepts a tag of 128 characters and a name of exactly 255', () => {
    expect(parseImageReference(`a:${'t'.repeat(128)}`).tag).toHaveLength(128);
    const path = `${'a/'.repeat(122)}a`; // "docker.io/" + 245 = 255
    expect(parseImageReference(`docker.io/${path}`).repository).toBe(path);
    expect(() => parseImageReference(`docker.io/${path}b`)).toThrow(/256 characters long/);
  });
});

describe('parseImageReference: invalid references', () => {
  const table: Array<[string, RegExp]> = [
    ['', /empty/],
    ['   ', /empty/],
    [':justtag', /repository name is missing/],
    [`@${DIGEST}`, /repository name is missing/],
    ['repo@sha256:fffffff', /exactly 64 lowercase hex characters, this one has 7/],
    [`repo@sha256:${HEX.toUpperCase()}`, /lowercase hex/],
    [`validname@invaliddigest:${HEX}`, /unsupported digest algorithm "invaliddigest"/],
    [`repo@sha512:${HEX}${HEX}`, /unsupported digest algorithm "sha512": only sha256/],
    ['repo@md5', /not of the form sha256/],
    ['Uppercase:tag', /must be lowercase/],
    ['test:5000/Uppercase/lowercase:tag', /must be lowercase/],
    ['FOO/bar', /must be lowercase/],
    [`${'a/'.repeat(128)}a:tag`, /the limit is 255/],
    ['aa/asdf$$^/aa', /not a valid repository path component/],
    ['foo//bar', /empty component/],
    ['foo/', /empty component/],
    ['-foo', /not a valid repository path component/],
    ['foo_', /not a valid repository path component/],
    ['foo:-tag', /tag "-tag" is not valid/],
    [`foo:${'t'.repeat(129)}`, /is not valid/],
    ['foo:', /tag after ":" is empty/],
    ['-host.com:5000/foo', /not a valid host name/],
    ['host.com:port/foo', /port "port" is not a number/],
    ['a b', /whitespace/],
    [HEX, /image ID/],
    [`a@${DIGEST}@${DIGEST}`, /more than one "@"/],
  ];
  it.each(table)('%j', (input, message) => {
    const err = errorOf(input);
    expect(err.code).toBe('IMAGE_REFERENCE_INVALID');
    expect(err.message).toMatch(message);
    expect(err.hint).toBeTruthy();
  });

  it('suggests the lowercase spelling', () => {
    expect(errorOf('ghcr.io/Acme/App:1').hint).toContain('"acme/app"');
  });
});

describe('parseRepository', () => {
  it('normalises a policy repository like an image name', () => {
    expect(parseRepository('nginx').name).toBe('docker.io/library/nginx');
    expect(parseRepository('index.docker.io/acme/app').name).toBe('docker.io/acme/app');
    expect(parseRepository('registry.example.com:5000/team/app')).toEqual({
      registry: 'registry.example.com:5000',
      repository: 'team/app',
      name: 'registry.example.com:5000/team/app',
    });
  });
  it('refuses a tag or digest', () => {
    expect(() => parseRepository('ghcr.io/acme/app:1')).toThrow(/has no tag or digest/);
    expect(() => parseRepository(`ghcr.io/acme/app@${DIGEST}`)).toThrow(/has no tag or digest/);
    expect(() => parseRepository('Acme/App')).toThrow(/lowercase/);
  });
});

describe('pinned', () => {
  it('writes registry/repository@digest, fully qualified for Docker Hub', () => {
    expect(pinned(parseImageReference('nginx:1.27'), DIGEST)).toBe(`docker.io/library/nginx@${DIGEST}`);
    expect(pinned(parseImageReference('localhost:5000/a/b:1'), DIGEST)).toBe(`localhost:5000/a/b@${DIGEST}`);
    // The pinned form parses back to the same image.
    const again = parseImageReference(pinned(parseImageReference('acme/app:2'), DIGEST));
    expect(again).toMatchObject({ registry: 'docker.io', repository: 'acme/app', digest: DIGEST });
    expect(again.tag).toBeUndefined();
  });
  it('refuses something that is not a sha256 digest', () => {
    expect(() => pinned(parseImageReference('nginx'), 'sha256:abc')).toThrow(AstlError);
  });
});

describe('parseImageReference: properties', () => {
  it('throws nothing but AstlError IMAGE_REFERENCE_INVALID on arbitrary strings', () => {
    const alphabet = fc.constantFrom(...'abcAB09:/@._-[]% \t\n'.split(''), 'sha256:', HEX, 'localhost', '//');
    const arbitrary = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(arbitrary, (text) => {
        try {
          const ref = parseImageReference(text);
          // Whatever parses must round-trip through its canonical form.
          expect(parseImageReference(ref.canonical)).toEqual({ ...ref, familiar: ref.familiar });
        } catch (err) {
          if (!(err instanceof AstlError) || err.code !== 'IMAGE_REFERENCE_INVALID') throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
