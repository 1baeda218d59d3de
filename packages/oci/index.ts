export {
  MANIFEST_ACCEPT,
  MAX_MANIFEST_BYTES,
  MAX_TOKEN_BODY_BYTES,
  MEDIA_TYPES,
  RegistryClient,
  type ResolvedImage,
  type ResolveError,
  type ResolveErrorCode,
  type ResolveOptions,
  registryBaseUrl,
  resolveImage,
  resolveImages,
} from './client.js';
export {
  type CredentialLookup,
  type DockerConfigFile,
  type DockerConfigSource,
  defaultDockerConfigPath,
  findCredentials,
  loadDockerConfig,
  type RegistryCredentials,
} from './docker-config.js';
export {
  DEFAULT_REGISTRY,
  DEFAULT_TAG,
  familiarName,
  type ImageReference,
  isSha256Digest,
  parseImageReference,
  parseRepository,
  pinned,
} from './reference.js';
export { type AuthChallenge, parseWwwAuthenticate } from './www-authenticate.js';
