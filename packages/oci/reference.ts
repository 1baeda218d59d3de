/**
 * Image references as docker, kubectl and containerd read them: the grammar and normalisation of
 * docker/distribution's `reference` package (`ParseNormalizedNamed`), so `ubuntu`,
 * `docker.io/library/ubuntu:latest` and `index.docker.io/library/ubuntu` all name one image.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] component ("/" component)*
 *   domain    := host [":" port]        (first component, only if it has "." or ":" or is "localhost")
 *   component := [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := "sha256:" 64 lowercase hex   (the only algorithm registries and the gate use)
 */
import { AstlError } from '../core/index.js';

export const DEFAULT_REGISTRY = 'docker.io';
export const DEFAULT_TAG = 'latest';
/** docker/distribution's NameTotalLengthMax: the whole name, registry included. */
export const NAME_MAX_LENGTH = 255;

export interface ImageReference {
  /** Registry host as written (port included), normalised: `docker.io` for Docker Hub. */
  registry: string;
  /** Path inside the registry: `library/ubuntu`, `acme/app`. */
  repository: string;
  /** `registry/repository`, fully qualified: `docker.io/library/ubuntu`, `ghcr.io/acme/app`. */
  name: string;
  /** The tag; `latest` when the input had neither tag nor digest. */
  tag?: string;
  /** `sha256:<64 hex>` when the input was pinned. */
  digest?: string;
  /** `registry/repository[:tag][@digest]`, always fully qualified. */
  canonical: string;
  /** The short form docker prints: `ubuntu:latest`, `acme/app@sha256:…`, `ghcr.io/o/r:1`. */
  familiar: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
/** docker refuses a bare 64-hex string: it is an image ID, not a name. */
const IMAGE_ID = /^[a-f0-9]{64}$/;

const EXAMPLE = 'ghcr.io/acme/app:1.4.2, nginx:1.27, or registry.example.com:5000/team/app@sha256:<64 hex>';

function invalid(input: string, why: string, hint?: string): AstlError {
  return new AstlError(`invalid image reference ${JSON.stringify(truncate(input))}: ${why}`, {
    code: 'IMAGE_REFERENCE_INVALID',
    hint: hint ?? `Write it as ${EXAMPLE}.`,
  });
}

function truncate(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** True when the text before the first "/" names a registry rather than a Docker Hub namespace. */
function looksLikeDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

function checkDigest(input: string, digest: string): void {
  const colon = digest.indexOf(':');
  if (colon <= 0) {
    throw invalid(input, `the digest "${truncate(digest)}" is not of the form sha256:<64 hex>`);
  }
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (algorithm !== 'sha256') {
    if (!DIGEST_ALGORITHM.test(algorithm)) {
      throw invalid(input, `the digest "${truncate(digest)}" is not of the form sha256:<64 hex>`);
    }
    throw invalid(
      input,
      `unsupported digest algorithm "${truncate(algorithm)}": only sha256 digests are accepted`,
      'Pin the image by its sha256 digest, as `docker buildx imagetools inspect <image>` or `crane digest <image>` print it.',
    );
  }
  if (!SHA256_HEX.test(hex)) {
    const why =
      hex.toLowerCase() !== hex && SHA256_HEX.test(hex.toLowerCase())
        ? 'sha256 digests are lowercase hex'
        : `a sha256 digest has exactly 64 lowercase hex characters, this one has ${hex.length}`;
    throw invalid(input, why, 'Copy the full digest, e.g. from `crane digest <image>`.');
  }
}

function checkDomain(input: string, domain: string): void {
  let host = domain;
  let port: string | undefined;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    host = close < 0 ? domain : domain.slice(0, close + 1);
    const rest = close < 0 ? '' : domain.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':'))
        throw invalid(input, `the registry "${truncate(domain)}" is not a valid host`);
      port = rest.slice(1);
    }
    if (!IPV6_HOST.test(host)) throw invalid(input, `the registry "${truncate(domain)}" is not a valid host`);
  } else {
    const colon = domain.indexOf(':');
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    if (host === '' || !host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) {
      throw invalid(
        input,
        `the registry "${truncate(domain)}" is not a valid host name`,
        'A registry is a host name with an optional port, like ghcr.io or localhost:5000.',
      );
    }
  }
  if (port !== undefined && !PORT.test(port)) {
    throw invalid(input, `the registry port "${truncate(port)}" is not a number`);
  }
}

/**
 * Parses and normalises an image reference. Throws AstlError IMAGE_REFERENCE_INVALID, with a
 * specific reason, for anything docker would refuse (and for digests other than sha256).
 */
export function parseImageReference(text: string): ImageReference {
  if (typeof text !== 'string') throw invalid(String(text), 'expected a string');
  const input = text.trim();
  if (input === '') throw invalid(text, 'it is empty');
  if (/\s/.test(input)) throw invalid(input, 'it contains whitespace');
  if (IMAGE_ID.test(input)) {
    throw invalid(
      input,
      'a bare 64-character hex string is an image ID, not a repository name',
      'Name the repository and pin the digest: <repository>@sha256:<64 hex>.',
    );
  }

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (digest.includes('@')) throw invalid(input, 'it has more than one "@"');
    checkDigest(input, digest);
  }

  // The tag follows the last ":" after the last "/"; an earlier ":" belongs to a registry port.
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) {
      throw invalid(
        input,
        tag === ''
          ? 'the tag after ":" is empty'
          : `the tag "${truncate(tag)}" is not valid: tags are 1-128 of letters, digits, "_", "." and "-", not starting with "." or "-"`,
      );
    }
  }
  if (rest === '') throw invalid(input, 'the repository name is missing');

  let registry = DEFAULT_REGISTRY;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0 && looksLikeDomain(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    path = rest.slice(slash + 1);
    checkDomain(input, registry);
  }
  if (registry === 'index.docker.io') registry = DEFAULT_REGISTRY;
  if (registry === DEFAULT_REGISTRY && !path.includes('/')) path = `library/${path}`;

  if (path.toLowerCase() !== path) {
    throw invalid(
      input,
      `repository names must be lowercase ("${truncate(path)}")`,
      `Use "${truncate(path.toLowerCase())}": registries only accept lowercase repository names.`,
    );
  }
  const components = path.split('/');
  for (const component of components) {
    if (component === '')
      throw invalid(input, 'the repository path has an empty component ("//" or a trailing "/")');
    if (!COMPONENT.test(component)) {
      throw invalid(
        input,
        `"${truncate(component)}" is not a valid repository path component: use lowercase letters and digits, separated by ".", "_", "__" or "-"`,
      );
    }
  }
  const name = `${registry}/${path}`;
  if (name.length > NAME_MAX_LENGTH) {
    throw invalid(
      input,
      `the repository name is ${name.length} characters long; the limit is ${NAME_MAX_LENGTH} (registry included)`,
    );
  }

  if (tag === undefined && digest === undefined) tag = DEFAULT_TAG;
  const suffix = (tag !== undefined ? `:${tag}` : '') + (digest !== undefined ? `@${digest}` : '');
  const ref: ImageReference = {
    registry,
    repository: path,
    name,
    canonical: `${name}${suffix}`,
    familiar: `${familiarName(registry, path)}${suffix}`,
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** `ubuntu` for docker.io/library/ubuntu, `acme/app` for docker.io/acme/app, else registry/path. */
export function familiarName(registry: string, repository: string): string {
  if (registry !== DEFAULT_REGISTRY) return `${registry}/${repository}`;
  return repository.startsWith('library/') && repository.indexOf('/', 8) < 0
    ? repository.slice(8)
    : repository;
}

/** True for a well-formed `sha256:<64 lowercase hex>`. */
export function isSha256Digest(value: string): boolean {
  return value.startsWith('sha256:') && SHA256_HEX.test(value.slice(7));
}

/**
 * The reference a deploy should use: `registry/repository@sha256:…`, fully qualified
 * (`docker.io/library/nginx@sha256:…` for Docker Hub) so docker, kubectl and containerd all read
 * it the same way. The tag is dropped: with a digest present, runtimes ignore it anyway.
 */
export function pinned(ref: Pick<ImageReference, 'registry' | 'repository'>, digest: string): string {
  if (!isSha256Digest(digest)) {
    throw new AstlError(
      `cannot pin ${ref.registry}/${ref.repository} to "${truncate(digest)}": not a sha256 digest`,
      {
        code: 'IMAGE_REFERENCE_INVALID',
      },
    );
  }
  return `${ref.registry}/${ref.repository}@${digest}`;
}

/**
 * A repository without tag or digest, as policies name them (`allowed_images: - repository:
 * ghcr.io/acme/app`), normalised like an image reference: `nginx` -> `docker.io/library/nginx`.
 * Compare the result's `name` with a resolved image's `reference.name`.
 */
export function parseRepository(text: string): Pick<ImageReference, 'registry' | 'repository' | 'name'> {
  const input = typeof text === 'string' ? text.trim() : '';
  const ref = parseImageReference(input);
  const hasTag = input.lastIndexOf(':') > input.lastIndexOf('/');
  if (ref.digest !== undefined || hasTag) {
    throw new AstlError(
      `invalid repository ${JSON.stringify(truncate(input))}: a repository has no tag or digest`,
      {
        code: 'IMAGE_REFERENCE_INVALID',
        hint: `Write just the repository, e.g. ${ref.name}, or allow one image with "digest: sha256:<64 hex>".`,
      },
    );
  }
  return { registry: ref.registry, repository: ref.repository, name: ref.name };
}
