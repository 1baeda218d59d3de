/**
 * Checks of a credentials plan that need no network and run before any token is requested:
 * every endpoint a credential is sent to (Vault, an STS endpoint override, GITHUB_API_URL, a
 * GitHub token exchange) passes core/transport (https, or http to loopback, or an explicit opt-in), and every environment variable name a secret is exported under passes
 * core/env-names. The front ends check their own inputs first (in their own terms); this is the
 * engine's backstop, so that no front end can skip it, and it names the registry line when the
 * value came from the registry.
 */
// Core modules one by one (not the index, which brings the YAML and JSON Schema stack along).
import { checkEnvName } from '../core/env-names.js';
import type { AstlError, SourceLocation } from '../core/errors.js';
import { checkCredentialTransport, type TransportCheck } from '../core/transport.js';
import type { AgentEntry } from '../registry/registry.js';
import type { CredentialRequest, VaultSecretRead } from './types.js';

export interface PreflightPlan {
  aws?: unknown;
  vault?: { url: string; secrets: readonly VaultSecretRead[] };
  /** GitHub: the API the App JWT and the token go to, and an octo-sts exchange's STS. */
  github?: { apiUrl: string; stsUrl?: string; mode: 'app' | 'exchange' };
}

/** The transport opt-in of a request, with the default wording of the action's input. */
export function transportOptions(request: CredentialRequest): { allowInsecure: boolean; optIn?: string } {
  return {
    allowInsecure: request.transport?.allowInsecureHttp === true,
    ...(request.transport?.optIn ? { optIn: request.transport.optIn } : {}),
  };
}

/**
 * Throws the first problem (an AstlError located at the registry line or the input); returns
 * warnings for plain-http endpoints the user explicitly allowed.
 */
export function preflightChecks(
  request: CredentialRequest,
  agent: AgentEntry,
  plan: PreflightPlan,
  env: Record<string, string | undefined>,
): string[] {
  const warnings: string[] = [];
  const { allowInsecure, optIn } = transportOptions(request);
  const endpoint = (url: string, what: string, sends: string, where: Partial<TransportCheck>) => {
    const checked = checkCredentialTransport(url, {
      allowInsecure,
      ...(optIn ? { optIn } : {}),
      sends,
      ...where,
    });
    if (checked.insecure) {
      warnings.push(
        `${what} ${checked.url.origin} uses plain http (allowed by the opt-in): ${sends} cross the network unencrypted`,
      );
    }
  };
  if (plan.vault) {
    const fromInput = request.vault?.url !== undefined;
    const location = agent.keyLocations['credentials.vault.url'];
    endpoint(
      plan.vault.url,
      fromInput ? 'vault-url' : 'credentials.vault.url',
      'the OIDC token and the Vault token',
      fromInput
        ? { setting: 'vault-url' }
        : { what: 'credentials.vault.url', ...(location ? { location } : {}) },
    );
    const problem = plan.vault.secrets
      .map((s) => checkEnvName(s.env, { location: secretLocation(agent, request, s), prefix: 'secret env ' }))
      .find((e): e is AstlError => e !== undefined);
    if (problem) throw problem;
  }
  if (plan.github) {
    const fromInput = request.github?.apiUrl !== undefined;
    endpoint(
      plan.github.apiUrl,
      fromInput ? 'GITHUB_API_URL' : 'the GitHub API URL',
      plan.github.mode === 'app' ? 'the App JWT and the installation token' : 'the installation token',
      { what: fromInput ? 'GITHUB_API_URL' : 'the GitHub API URL' },
    );
    if (plan.github.stsUrl) {
      endpoint(
        plan.github.stsUrl,
        'credentials.github.sts-url',
        'the OIDC token and the installation token',
        {
          what: 'credentials.github.sts-url',
          location: agent.keyLocations['credentials.github.sts-url'] ?? agent.location,
        },
      );
    }
  }
  if (plan.aws) {
    // The AWS SDK's endpoint conventions: the service-specific variable wins over the global one.
    const name = env.AWS_ENDPOINT_URL_STS
      ? 'AWS_ENDPOINT_URL_STS'
      : env.AWS_ENDPOINT_URL
        ? 'AWS_ENDPOINT_URL'
        : '';
    if (name) endpoint(env[name]!, name, 'the OIDC token and the AWS session keys', { what: name });
  }
  return warnings;
}

/** Where a secret read was written: its registry line, else the `vault-secrets` input. */
function secretLocation(
  agent: AgentEntry,
  request: CredentialRequest,
  read: VaultSecretRead,
): SourceLocation | { setting: 'vault-secrets' } {
  if (request.vault?.secrets?.some((s) => s.env === read.env)) return { setting: 'vault-secrets' };
  const i = agent.credentials.vault?.secrets.findIndex((s) => s.env === read.env) ?? -1;
  return agent.keyLocations[`credentials.vault.secrets[${i}]`] ?? agent.location;
}
