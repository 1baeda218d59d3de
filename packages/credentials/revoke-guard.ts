/**
 * A revocation state is a file (the CLI's) or runner state (the action's post step); whoever can
 * write it must not be able to choose where a token goes. Before revoke-self sends the Vault
 * token, the state's Vault address must pass core/transport and, where a registry is at hand
 * (the CLI), be an address the registry names for the state's agent, or one the revoke command
 * was given itself (`--vault-url`, the same override `astl credentials` takes). Before
 * `DELETE /installation/token` sends the GitHub token, the state's API URL must pass
 * core/transport and be the API the runner names now (GITHUB_API_URL, default
 * https://api.github.com), in the post step and in `astl revoke` alike: the state never names it
 * alone.
 */
// Core modules one by one (the post bundle stays small).
import { AstlError } from '../core/errors.js';
import { checkCredentialTransport } from '../core/transport.js';
import { DEFAULT_GITHUB_API_URL } from '../providers/github-api.js';
import type { RevocationState } from './types.js';

export interface RevocationGuard {
  /**
   * Vault addresses the registry names for the agent, plus the command's own overrides.
   * Undefined: not checked against a registry (the action's post step, whose state the runner
   * keeps for this action alone).
   */
  allowedVaultUrls?: readonly string[];
  /** Where the allowed addresses come from, for the message: `agent-config.yaml`. */
  source?: string;
  allowInsecureHttp: boolean;
  /** How to allow plain http in the front end's terms. */
  optIn: string;
  /** How to add an address in the front end's terms (`--vault-url URL`). */
  override?: string;
}

/** Why the state's Vault token must not be sent anywhere, or undefined when it may be revoked. */
export function vaultRevocationRefusal(state: RevocationState, guard: RevocationGuard): string | undefined {
  const v = state.vault;
  if (!v) return undefined;
  let where: string;
  try {
    const { url } = checkCredentialTransport(v.url, {
      what: 'the Vault address in the state',
      location: { file: 'state' },
      allowInsecure: guard.allowInsecureHttp,
      optIn: guard.optIn,
      sends: 'the Vault token',
    });
    where = urlKey(url);
  } catch (err) {
    if (!(err instanceof AstlError)) throw err;
    return `not sent: ${err.message} (${err.hint})`;
  }
  if (guard.allowedVaultUrls === undefined) return undefined;
  const allowed = guard.allowedVaultUrls.map(safeKey).filter((k): k is string => k !== undefined);
  if (allowed.includes(where)) return undefined;
  const named = allowed.length > 0 ? allowed.join(', ') : 'no Vault address';
  return `not sent: the state names Vault ${where}, but ${guard.source ?? 'the registry'} names ${named} for agent '${state.agent}'; a state file cannot choose where the token goes${guard.override ? ` (if the credentials were minted with a Vault override, pass the same ${guard.override})` : ''}`;
}

export interface GitHubRevocationGuard {
  /** The API URLs the token may be sent to: GITHUB_API_URL as the runner sets it now, else the default. */
  allowedApiUrls: readonly string[];
  /** Where the allowed URL comes from, for the message: `GITHUB_API_URL`. */
  source: string;
  allowInsecureHttp: boolean;
  optIn: string;
}

/**
 * The API a GitHub token may be revoked at, from the job's environment now: GITHUB_API_URL as the
 * runner (or a GitLab job) sets it, else the default; both front ends take it from here.
 */
export function githubApiFromEnv(
  env: Record<string, string | undefined>,
): Pick<GitHubRevocationGuard, 'allowedApiUrls' | 'source'> {
  const fromEnv = env.GITHUB_API_URL?.trim();
  return fromEnv
    ? { allowedApiUrls: [fromEnv], source: 'GITHUB_API_URL' }
    : {
        allowedApiUrls: [DEFAULT_GITHUB_API_URL],
        source: `the default ${DEFAULT_GITHUB_API_URL} (GITHUB_API_URL is not set)`,
      };
}

/** Why the state's GitHub token must not be sent anywhere, or undefined when it may be revoked. */
export function githubRevocationRefusal(
  state: RevocationState,
  guard: GitHubRevocationGuard,
): string | undefined {
  const g = state.github;
  if (!g) return undefined;
  let where: string;
  try {
    const { url } = checkCredentialTransport(g.apiUrl, {
      what: 'the GitHub API URL in the state',
      location: { file: 'state' },
      allowInsecure: guard.allowInsecureHttp,
      optIn: guard.optIn,
      sends: 'the installation token',
    });
    where = urlKey(url);
  } catch (err) {
    if (!(err instanceof AstlError)) throw err;
    return `not sent: ${err.message} (${err.hint})`;
  }
  const allowed = guard.allowedApiUrls.map(safeKey).filter((k): k is string => k !== undefined);
  if (allowed.includes(where)) return undefined;
  return `not sent: the state names the GitHub API ${where}, but ${guard.source} names ${allowed.join(', ') || 'none'}; a state cannot choose where the token goes (run the revocation with the GITHUB_API_URL the credentials were minted with)`;
}

/** Origin plus path without trailing slashes: how mint writes `state.vault.url` and `state.github.apiUrl`. */
function urlKey(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function safeKey(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.username || url.password ? undefined : urlKey(url);
  } catch {
    return undefined;
  }
}
