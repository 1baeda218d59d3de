/**
 * GitHub as a credential provider: an App installation token limited to exactly the agent's
 * GitHub permissions and repositories, exported as GH_TOKEN, and revoked by the post step with
 * `DELETE /installation/token`. Two ways to get it:
 *
 * - App mode (as actions/create-github-app-token): the App's private key (the input
 *   github-app-private-key, or `private-key` in Vault read with the agent's own Vault login)
 *   signs an App JWT; the repository's installation is looked up and a token is created for the
 *   named repositories and permissions.
 * - Exchange mode (as octo-sts): the job's OIDC token is exchanged at `{sts-url}/sts/exchange`;
 *   no key is stored anywhere.
 *
 * Whatever GitHub answers is checked against what was asked: a token with a permission, a level
 * or a repository beyond the request is revoked at once and the step fails, exporting nothing.
 */
import type { KeyObject } from 'node:crypto';
import { AstlError, type SourceLocation } from '../../core/errors.js';
import { DEFAULT_GITHUB_API_URL, type revokeInstallationToken } from '../../providers/github-api.js';
import type {
  createInstallationToken,
  exchangeForInstallationToken,
  getRepoInstallation,
  listInstallationRepositories,
} from '../../providers/github-app.js';
import { parseAppPrivateKey } from '../../providers/github-app-key.js';
import {
  deriveGitHubPermissions,
  GITHUB_APP_PERMISSIONS,
  type GitHubPermissionLevel,
  type GitHubPermissions,
  knownDerivedPairs,
} from '../../providers/github-permissions.js';
import type { AgentEntry } from '../../registry/registry.js';
import type { CredentialProvider } from '../provider.js';
import type { CredentialRequest, GitHubRevocationState } from '../types.js';
import { githubRevoker } from './github-revoke.js';
import { type VaultPlan, vaultProvider } from './vault.js';

/**
 * A GitHub App's numeric ID or its client ID (Iv1.…, Iv23…): the registry schema's app-id
 * pattern, which the front ends apply to github-app-id / --github-app-id (a test keeps them equal).
 */
export const GITHUB_APP_ID_PATTERN = /^(\d{1,12}|Iv[0-9A-Za-z.]{4,40})$/;

/** How a workflow passes the key: a GitHub Actions expression, written out in fixes. */
const SECRET_EXPR = '$' + '{{ secrets.APP_PRIVATE_KEY }}';

export interface GitHubPlan {
  mode: 'app' | 'exchange';
  apiUrl: string;
  owner: string;
  /** Repository names under `owner`. */
  repositories: string[];
  permissions: GitHubPermissions;
  permissionsSource: 'registry' | 'derived';
  appId?: string;
  /** The key text from the input (a secret), parsed by `prepare`. */
  privateKeyText?: string;
  privateKey?: KeyObject;
  /** The key held in Vault, and the agent's Vault login that reads it. */
  keyInVault?: { path: string; key: string; vault: VaultPlan };
  stsUrl?: string;
  scope?: string;
  identity?: string;
  audience?: string;
}

/**
 * The network calls and the JWT signer, replaceable in tests (github-mint.ts has the real ones;
 * the post step's revocation is `revokeInstallationToken` unless replaced).
 */
export interface GitHubAppClient {
  installation: typeof getRepoInstallation;
  createToken: typeof createInstallationToken;
  repositories: typeof listInstallationRepositories;
  revoke: typeof revokeInstallationToken;
  exchange: typeof exchangeForInstallationToken;
  signJwt(key: KeyObject, appId: string, now: Date): Promise<string>;
}

function settingsError(
  agent: AgentEntry,
  message: string,
  hint: string,
  fix: string,
  key?: string,
): AstlError {
  const location: SourceLocation | undefined = key ? agent.keyLocations[key] : undefined;
  return new AstlError(message, {
    code: 'GITHUB_SETTINGS_INVALID',
    location: location ?? agent.keyLocations.credentials ?? agent.location,
    hint,
    fix,
  });
}

/** The permissions to ask for: the registry's, else derived from `permissions` (unmapped refuses). */
function permissionsFor(agent: AgentEntry): {
  permissions: GitHubPermissions;
  source: 'registry' | 'derived';
} {
  const declared = agent.credentials.github?.permissions;
  if (declared) {
    // The schema knows the names; which levels each name takes is GitHub's table.
    for (const [name, level] of Object.entries(declared)) {
      const levels = GITHUB_APP_PERMISSIONS[name];
      if (levels && !levels.includes(level as GitHubPermissionLevel)) {
        throw new AstlError(`GitHub permission ${name} takes ${levels.join(' or ')}, not ${level}`, {
          code: 'GITHUB_PERMISSION_LEVEL_INVALID',
          location: agent.keyLocations[`credentials.github.permissions.${name}`] ?? agent.location,
          hint: `GitHub grants ${name} as ${levels.join(' or ')} only (the REST API's app-permissions)`,
          fix: `credentials:\n  github:\n    permissions:\n      ${name}: ${levels[0]}`,
        });
      }
    }
    return { permissions: declared as GitHubPermissions, source: 'registry' };
  }
  const { permissions, unmapped } = deriveGitHubPermissions(agent.permissions);
  if (unmapped.length > 0) {
    const first = unmapped[0]!;
    throw new AstlError(
      `agent '${agent.name}' declares ${unmapped.map((u) => `${u.resource}: ${u.access}`).join(', ')}, which ${unmapped.length > 1 ? 'have' : 'has'} no GitHub permission in the derived-permissions table`,
      {
        code: 'GITHUB_PERMISSION_UNMAPPED',
        location: agent.keyLocations[`permissions[${first.index}]`] ?? agent.location,
        hint: `the table knows ${knownDerivedPairs().join(', ')}; name the GitHub permissions explicitly in credentials.github.permissions (GitHub's names: contents, pull_requests, issues, ...)`,
        fix: `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        permissions:\n          contents: read\n          pull_requests: write`,
      },
    );
  }
  if (Object.keys(permissions).length === 0) {
    throw new AstlError(
      `agent '${agent.name}' declares no permissions, so there is nothing to ask GitHub for`,
      {
        code: 'GITHUB_PERMISSIONS_MISSING',
        location: agent.keyLocations.permissions ?? agent.location,
        hint: "a token without permissions would carry everything the App's installation has; declare what the agent needs",
        fix: `agents:\n  - name: ${agent.name}\n    permissions:\n      - repository: read`,
      },
    );
  }
  return { permissions, source: 'derived' };
}

/** Owner and repositories: the registry's, else GITHUB_REPOSITORY's. */
function targetOf(
  agent: AgentEntry,
  repository: string | undefined,
): { owner: string; repositories: string[] } {
  const reg = agent.credentials.github;
  if (reg?.owner && reg.repositories) return { owner: reg.owner, repositories: reg.repositories };
  const [curOwner, curRepo] = currentRepository(agent, repository);
  const owner = reg?.owner ?? curOwner;
  const example = `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        owner: acme\n        repositories: [app]`;
  if (!owner) {
    throw settingsError(
      agent,
      `agent '${agent.name}': no GitHub owner (credentials.github.owner) and no GITHUB_REPOSITORY to default to`,
      'outside GitHub Actions (a GitLab job, a laptop) name the owner and the repositories in the registry',
      example,
      'credentials.github',
    );
  }
  if (reg?.repositories) return { owner, repositories: reg.repositories };
  if (curRepo && curOwner && curOwner.toLowerCase() === owner.toLowerCase())
    return { owner, repositories: [curRepo] };
  throw settingsError(
    agent,
    `agent '${agent.name}': credentials.github names owner ${owner} but no repositories${curOwner ? ` (the current repository belongs to ${curOwner})` : ''}`,
    'name the repositories the token may reach; a token for every repository of the installation is never asked for',
    example,
    'credentials.github.owner',
  );
}

/** GitHub's own rules for an account and a repository name (the registry schema's patterns). */
const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY_NAME = /^(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$/;

/**
 * GITHUB_REPOSITORY (`owner/name`) split, or refused when it is not one: it comes from the
 * environment, which the CLI takes from anywhere, and a `..` in it would change the API path.
 */
function currentRepository(
  agent: AgentEntry,
  repository: string | undefined,
): [string, string] | [undefined, undefined] {
  if (repository === undefined || repository === '') return [undefined, undefined];
  const [owner, name, ...rest] = repository.split('/');
  if (rest.length === 0 && owner && name && OWNER_NAME.test(owner) && REPOSITORY_NAME.test(name))
    return [owner, name];
  throw new AstlError(
    `GITHUB_REPOSITORY is ${JSON.stringify(repository.slice(0, 200))}, not an owner/name GitHub could have; it is not used as the token's repository`,
    {
      code: 'GITHUB_SETTINGS_INVALID',
      location: { file: 'environment variable GITHUB_REPOSITORY' },
      hint: `GITHUB_REPOSITORY must be owner/name, as GitHub Actions sets it; or name the owner and repositories of agent '${agent.name}' in the registry (credentials.github.owner and repositories)`,
      fix: `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        owner: acme\n        repositories: [app]`,
    },
  );
}

export function githubProvider(
  client: Partial<GitHubAppClient> = {},
): CredentialProvider<GitHubPlan, GitHubRevocationState> {
  return {
    ...githubRevoker(client.revoke),

    plan(request, agent) {
      const reg = agent.credentials.github;
      const input = request.github ?? {};
      if (!reg && !input.appId) {
        if (input.privateKey) {
          throw settingsError(
            agent,
            `github-app-private-key is set, but agent '${agent.name}' has no GitHub App (no credentials.github, no github-app-id)`,
            "add credentials.github to the agent's registry entry, or pass github-app-id",
            `agents:\n  - name: ${agent.name}\n    credentials:\n      github:\n        app-id: "123456"`,
          );
        }
        return undefined;
      }
      // Transport (https, loopback, or allow-insecure-http) is checked by preflight.ts, before any token.
      const apiUrl = normalizeUrl(input.apiUrl || DEFAULT_GITHUB_API_URL);
      const { owner, repositories } = targetOf(agent, input.repository);
      const { permissions, source } = permissionsFor(agent);
      const base = { apiUrl, owner, repositories, permissions, permissionsSource: source };
      if (reg?.stsUrl) return exchangePlan(request, agent, base);
      return appPlan(request, agent, base);
    },

    checkFacts: (plan) => ({
      githubPermissions: plan.permissions,
      githubPermissionsSource: plan.permissionsSource,
      ...(plan.keyInVault
        ? { readsSecrets: true, secretPaths: [plan.keyInVault.path], vaultRole: plan.keyInVault.vault.role }
        : {}),
    }),

    prepare(plan) {
      if (plan.privateKeyText !== undefined) {
        plan.privateKey = parseAppPrivateKey(plan.privateKeyText, "input 'github-app-private-key'");
      }
    },

    async mint(plan, ctx) {
      // The mint's code (and GitHub's mint endpoints) load only when a token is minted.
      const { mintGitHubToken } = await import('./github-mint.js');
      await mintGitHubToken(plan, ctx, client);
    },
  };
}

type PlanBase = Pick<GitHubPlan, 'apiUrl' | 'owner' | 'repositories' | 'permissions' | 'permissionsSource'>;

function appPlan(request: CredentialRequest, agent: AgentEntry, base: PlanBase): GitHubPlan {
  const reg = agent.credentials.github;
  const input = request.github ?? {};
  const appId = input.appId ?? reg?.appId;
  if (!appId) {
    throw settingsError(
      agent,
      `agent '${agent.name}' has GitHub settings without an App (app-id) or an STS (sts-url)`,
      "set credentials.github.app-id (or the github-app-id input) and pass the App's key in github-app-private-key; or use an octo-sts compatible STS with sts-url",
      `credentials:\n  github:\n    app-id: "123456"`,
      'credentials.github',
    );
  }
  if (reg?.privateKey) {
    if (input.privateKey) {
      throw settingsError(
        agent,
        `agent '${agent.name}' keeps its App key in Vault (credentials.github.private-key), and github-app-private-key is set too`,
        'use one source for the key: remove the input, or the private-key entry',
        `credentials:\n  github:\n    app-id: "${appId}"\n    private-key: { path: secret/data/ci/github-app, key: private-key }`,
        'credentials.github.private-key',
      );
    }
    const vault = vaultProvider().plan(request, agent);
    if (!vault) {
      throw settingsError(
        agent,
        `agent '${agent.name}' keeps its App key in Vault (credentials.github.private-key) but has no Vault settings to log in with`,
        "the key is read with the agent's own Vault login: add credentials.vault (url, role)",
        `credentials:\n  vault:\n    url: https://vault.example.com:8200\n    role: ${agent.name}`,
        'credentials.github.private-key',
      );
    }
    return { ...base, mode: 'app', appId, keyInVault: { ...reg.privateKey, vault } };
  }
  if (!input.privateKey) {
    throw new AstlError(
      `the GitHub App ${appId} of agent '${agent.name}' needs its private key, and none was given`,
      {
        code: 'GITHUB_APP_KEY_MISSING',
        location: { file: "input 'github-app-private-key'" },
        hint: `pass the App's private key from a secret (with: github-app-private-key: ${SECRET_EXPR}), keep it in Vault (credentials.github.private-key), or use an STS exchange (credentials.github.sts-url) and store no key at all`,
        fix: `with:\n  github-app-private-key: ${SECRET_EXPR}`,
      },
    );
  }
  return { ...base, mode: 'app', appId, privateKeyText: input.privateKey };
}

function exchangePlan(request: CredentialRequest, agent: AgentEntry, base: PlanBase): GitHubPlan {
  const reg = agent.credentials.github!;
  const input = request.github ?? {};
  const conflict = reg.appId
    ? 'credentials.github.app-id'
    : input.appId
      ? 'github-app-id'
      : reg.privateKey
        ? 'credentials.github.private-key'
        : input.privateKey
          ? 'github-app-private-key'
          : undefined;
  if (conflict) {
    throw settingsError(
      agent,
      `agent '${agent.name}' has an STS (credentials.github.sts-url) and an App key setting (${conflict}); choose one`,
      'an STS exchange needs no App id or key: remove them, or remove sts-url to mint with the App key',
      `credentials:\n  github:\n    sts-url: ${reg.stsUrl}\n    scope: ${base.owner}/${base.repositories[0]}\n    identity: ${agent.name}`,
      'credentials.github.sts-url',
    );
  }
  const stsUrl = normalizeUrl(reg.stsUrl!);
  const scope =
    reg.scope ?? (base.repositories.length === 1 ? `${base.owner}/${base.repositories[0]}` : base.owner);
  return {
    ...base,
    mode: 'exchange',
    stsUrl,
    scope,
    identity: reg.identity ?? agent.name,
    audience: reg.audience ?? hostOf(stsUrl),
  };
}

/** The URL as parsed (so that state and revoke-guard compare like with like), no trailing slash. */
function normalizeUrl(text: string): string {
  try {
    return new URL(text.trim()).toString().replace(/\/+$/, '');
  } catch {
    return text.trim(); // preflight refuses it, naming the setting, before anything uses it
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
