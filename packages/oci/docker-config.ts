/**
 * Registry credentials from a docker `config.json`, the file `docker login` and
 * `docker/login-action` write: `auths` entries keyed by host (`ghcr.io`), URL
 * (`https://ghcr.io`, `https://index.docker.io/v1/`), holding `auth` (base64 "user:password"),
 * `username`/`password`, or an `identitytoken` (an OAuth refresh token). Credential helpers
 * (`credsStore`, `credHelpers`) are external programs; we do not run them, and say so.
 *
 * GitLab runners hand the same JSON in the DOCKER_AUTH_CONFIG variable; it is read after the file.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
  registrytoken?: string;
}

export interface DockerConfigFile {
  auths?: Record<string, DockerAuthEntry>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** One parsed config source: the file, or DOCKER_AUTH_CONFIG. */
export interface DockerConfigSource {
  /** Where it came from, for messages: a file path or "DOCKER_AUTH_CONFIG". */
  origin: string;
  config?: DockerConfigFile;
  /** Why it could not be used (unreadable, not JSON); never contains file content. */
  problem?: string;
}

export interface RegistryCredentials {
  username?: string;
  password?: string;
  /** OAuth2 refresh token, exchanged at the token endpoint (grant_type=refresh_token). */
  identityToken?: string;
  /** A bearer token to send as is. */
  registryToken?: string;
  /** What was used, never the values: `username/password from auths["ghcr.io"] in /home/u/.docker/config.json`. */
  description: string;
}

export interface CredentialLookup {
  credentials?: RegistryCredentials;
  /** Why there are none, or what was ignored (credential helpers, unreadable files). */
  notes: string[];
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function defaultDockerConfigPath(env: Record<string, string | undefined> = process.env): string {
  const dir = env['DOCKER_CONFIG'];
  if (dir) return join(dir, 'config.json');
  return join(env['HOME'] || homedir(), '.docker', 'config.json');
}

function parseConfigText(text: string, origin: string): DockerConfigSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { origin, problem: `${origin} is not valid JSON, so its credentials were not used` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { origin, problem: `${origin} is not a JSON object, so its credentials were not used` };
  }
  return { origin, config: value as DockerConfigFile };
}

/** Reads the config file (a missing file is simply no credentials) and DOCKER_AUTH_CONFIG. */
export function loadDockerConfig(
  path: string = defaultDockerConfigPath(),
  env: Record<string, string | undefined> = process.env,
): DockerConfigSource[] {
  const sources: DockerConfigSource[] = [];
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      sources.push({ origin: path, problem: `could not read ${path} (${code ?? 'error'})` });
    } else {
      sources.push({ origin: path });
    }
  }
  if (text !== undefined) sources.push(parseConfigText(text, path));
  const fromEnv = env['DOCKER_AUTH_CONFIG'];
  if (fromEnv?.trim()) sources.push(parseConfigText(fromEnv, 'DOCKER_AUTH_CONFIG'));
  return sources;
}

/** Docker Hub answers to several names; config files use any of them. */
const DOCKER_HUB_HOSTS = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];

/** `https://index.docker.io/v1/` -> `index.docker.io`; `GHCR.io` -> `ghcr.io`. */
export function normaliseAuthKey(key: string): string {
  let host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = host.indexOf('/');
  if (slash >= 0) host = host.slice(0, slash);
  return host.toLowerCase();
}

function hostsFor(registry: string): string[] {
  const host = registry.toLowerCase();
  return DOCKER_HUB_HOSTS.includes(host) ? DOCKER_HUB_HOSTS : [host];
}

function entryCredentials(entry: DockerAuthEntry, where: string): RegistryCredentials | undefined {
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return { identityToken: entry.identitytoken, description: `identity token from ${where}` };
  }
  if (typeof entry.registrytoken === 'string' && entry.registrytoken !== '') {
    return { registryToken: entry.registrytoken, description: `registry token from ${where}` };
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        description: `"auth" (username:password) from ${where}`,
      };
    }
  }
  if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
    return {
      username: entry.username,
      password: entry.password,
      description: `username/password from ${where}`,
    };
  }
  return undefined;
}

/** Credentials for `registry` (a host[:port] as in an image reference), with notes on what was skipped. */
export function findCredentials(sources: DockerConfigSource[], registry: string): CredentialLookup {
  const notes: string[] = [];
  const hosts = hostsFor(registry);
  for (const source of sources) {
    if (source.problem) notes.push(source.problem);
    const config = source.config;
    if (!config) continue;
    const auths = config.auths && typeof config.auths === 'object' ? config.auths : {};
    for (const [key, entry] of Object.entries(auths)) {
      if (!hosts.includes(normaliseAuthKey(key)) || !entry || typeof entry !== 'object') continue;
      const where = `auths[${JSON.stringify(key)}] in ${source.origin}`;
      const credentials = entryCredentials(entry, where);
      if (credentials) return { credentials, notes };
      notes.push(`${where} has no usable auth, username/password or identitytoken`);
    }
    const helper = Object.entries(config.credHelpers ?? {}).find(([k]) =>
      hosts.includes(normaliseAuthKey(k)),
    )?.[1];
    if (typeof helper === 'string') {
      notes.push(
        `${source.origin} names credential helper "docker-credential-${helper}" for ${registry}; astl does not run credential helpers`,
      );
    } else if (typeof config.credsStore === 'string' && config.credsStore !== '') {
      notes.push(
        `${source.origin} keeps credentials in "docker-credential-${config.credsStore}" (credsStore); astl does not run credential helpers`,
      );
    }
  }
  return { notes };
}
