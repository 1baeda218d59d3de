/**
 * Setup for the GitHub provider's end-to-end tests: the sandbox (OIDC issuer, STS, Vault) plus
 * the GitHub App stand-in and an octo-sts compatible exchange in front of it, and a registry of
 * agents that use them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GitHubAppServer, startGitHubApp } from '../servers/github-app.js';
import { type OctoStsServer, startOctoSts } from '../servers/octo-sts.js';
import { type Sandbox, startSandbox } from '../servers/sandbox.js';
import { runMainThenPost, runStep, type StepOptions, type StepResult } from '../support/runner.js';
import { MAIN, POST, resetSandbox, stepEnv } from './helpers.js';

export const APP_KEY_PATH = 'secret/data/ci/github-app';

export interface GitHubWorld {
  sb: Sandbox;
  gh: GitHubAppServer;
  sts: OctoStsServer;
  close(): Promise<void>;
}

export async function startGitHubWorld(o: { prefix?: string } = {}): Promise<GitHubWorld> {
  const sb = await startSandbox();
  const gh = await startGitHubApp({ ...(o.prefix ? { prefix: o.prefix } : {}) });
  const sts = await startOctoSts({
    issuer: { issuer: sb.issuer.issuer, jwksUrl: sb.issuer.jwksUrl },
    github: gh,
    policies: [
      {
        scope: 'acme/app',
        identity: 'sts-bot',
        subjectPattern: 'repo:acme/app:.*',
        permissions: { contents: 'read', pull_requests: 'write' },
      },
      {
        // Admits only production deployments: the sandbox's branch token does not match.
        scope: 'acme/app',
        identity: 'strict-bot',
        subject: 'repo:acme/app:environment:production',
        permissions: { contents: 'read' },
      },
      {
        // Grants more repositories than the agent asks for.
        scope: 'acme',
        identity: 'wide-sts-bot',
        subjectPattern: 'repo:acme/app:.*',
        permissions: { contents: 'read' },
        repositories: ['app', 'infra'],
      },
    ],
  });
  sb.vault.setSecret({ path: APP_KEY_PATH, data: { 'private-key': gh.privateKeyPem } });
  return {
    sb,
    gh,
    sts,
    close: async () => {
      await Promise.all([sb.close(), gh.close(), sts.close()]);
    },
  };
}

export function githubRegistry(w: GitHubWorld): string {
  const { sb, gh, sts } = w;
  const vault = `      vault:\n        url: ${sb.vaultUrl}\n        role: ${sb.vaultRole}\n        audience: ${sb.vaultAudience}\n`;
  return `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Review pull requests"
    permissions:
      - repository: read
      - pull-requests: comment
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
        owner: acme
        repositories: [app]
        permissions:
          contents: read
          pull_requests: write
  - name: triage-bot
    type: triage-bot
    owner: support-team
    purpose: "Label and answer issues"
    permissions:
      - repository: read
      - issues: comment
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
  - name: reader-bot
    type: restricted-assistant
    owner: platform-team
    purpose: "Read-only review"
    permissions:
      - repository: read
      - pull-requests: comment
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
  - name: unmapped-bot
    type: triage-bot
    owner: support-team
    purpose: "Declares something GitHub has no name for"
    permissions:
      - repository: read
      - s3-bucket: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
  - name: lacking-bot
    type: triage-bot
    owner: support-team
    purpose: "Asks for a permission the App was not granted"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
        permissions:
          contents: read
          actions: write
  - name: elsewhere-bot
    type: triage-bot
    owner: support-team
    purpose: "A repository the App is not installed on"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        app-id: "${gh.appId}"
        owner: acme
        repositories: [ghost]
  - name: sts-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Review pull requests without a stored key"
    permissions:
      - repository: read
      - pull-requests: comment
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        sts-url: ${sts.url}
        scope: acme/app
        identity: sts-bot
        permissions:
          contents: read
          pull_requests: write
  - name: wide-sts-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Its trust policy grants more repositories than it asks for"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        sts-url: ${sts.url}
        scope: acme
        identity: wide-sts-bot
        owner: acme
        repositories: [app]
        permissions:
          contents: read
  - name: strict-sts-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Exchange diagnosis"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        sts-url: ${sts.url}
        scope: acme/app
        identity: strict-bot
        permissions:
          contents: read
  - name: ghost-sts-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Exchange diagnosis"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        sts-url: ${sts.url}
        scope: acme/app
        identity: nobody
        permissions:
          contents: read
  - name: aud-sts-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Exchange diagnosis"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
      github:
        sts-url: ${sts.url}
        scope: acme/app
        identity: sts-bot
        audience: octo-sts.dev
        permissions:
          contents: read
  - name: all-bot
    type: release-bot
    owner: release-team
    purpose: "Publish releases"
    permissions:
      - repository: write
    credential-policy: ephemeral
    max-ttl: 2h
    audit-level: full
    credentials:
      aws:
        role-arn: ${sb.roleArn}
        region: eu-west-1
${vault}        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: RELEASE_TOKEN
      github:
        app-id: "${gh.appId}"
        permissions:
          contents: write
  - name: vault-key-bot
    type: triage-bot
    owner: support-team
    purpose: "Keeps the App key in Vault"
    permissions:
      - repository: read
    credential-policy: ephemeral
    audit-level: full
    credentials:
${vault}      github:
        app-id: "${gh.appId}"
        private-key:
          path: ${APP_KEY_PATH}
          key: private-key
`;
}

export const GITHUB_POLICIES = `kind: AgentPolicy
metadata:
  name: restricted-assistant-policy
spec:
  agentTypes: [restricted-assistant]
  restrictions:
    - deny: write-access
`;

export function githubWorkspace(w: GitHubWorld, registry = githubRegistry(w)): string {
  const ws = mkdtempSync(join(tmpdir(), 'astl-gh-ws-'));
  writeFileSync(join(ws, 'agent-config.yaml'), registry);
  mkdirSync(join(ws, 'policies'));
  writeFileSync(join(ws, 'policies', 'agent-policies.yaml'), GITHUB_POLICIES);
  return ws;
}

/** What a GitHub Actions step of acme/app sees, pointed at the stand-ins. */
export function githubEnv(w: GitHubWorld, extra: Record<string, string> = {}): Record<string, string> {
  return stepEnv(w.sb, {
    GITHUB_API_URL: w.gh.apiUrl,
    GITHUB_REPOSITORY: 'acme/app',
    ...extra,
  });
}

export function ghMain(
  w: GitHubWorld,
  ws: string,
  inputs: Record<string, string>,
  o: Partial<StepOptions> = {},
): Promise<StepResult> {
  return runStep(MAIN, { cwd: ws, timeoutMs: 40_000, ...o, inputs, env: githubEnv(w, o.env) });
}

export function ghMainThenPost(
  w: GitHubWorld,
  ws: string,
  inputs: Record<string, string>,
  o: Partial<StepOptions> & { betweenSteps?: (m: StepResult) => Promise<void> | void } = {},
) {
  return runMainThenPost(MAIN, POST, { inputs, cwd: ws, timeoutMs: 40_000, ...o, env: githubEnv(w, o.env) });
}

/** Forget what the stand-ins remember between tests. */
export function resetWorld(w: GitHubWorld): void {
  resetSandbox(w.sb);
  w.gh.reset();
  w.gh.broaden(undefined);
  w.gh.jwts.length = 0;
  w.gh.tokenRequests.length = 0;
  w.gh.tokens.clear();
  w.sts.reset();
  w.sts.exchanges.length = 0;
}

/** Requests that would mean a token was asked for, on every stand-in. */
export function githubTraffic(w: GitHubWorld): Record<string, number> {
  return {
    token: w.sb.requestCount('token'),
    login: w.sb.requestCount('login'),
    installation: w.gh.requestCount('installation'),
    'access-tokens': w.gh.requestCount('access-tokens'),
    exchange: w.sts.requestCount('exchange'),
  };
}

export const NO_GITHUB_TRAFFIC = { token: 0, login: 0, installation: 0, 'access-tokens': 0, exchange: 0 };

/** A call with the token, as a later step would make it (GET /repos/{owner}/{repo}). */
export async function repoStatus(w: GitHubWorld, token: string, repo = 'acme/app'): Promise<number> {
  const res = await fetch(`${w.gh.apiUrl}/repos/${repo}`, { headers: { authorization: `Bearer ${token}` } });
  await res.text();
  return res.status;
}

export async function commentStatus(w: GitHubWorld, token: string): Promise<number> {
  const res = await fetch(`${w.gh.apiUrl}/repos/acme/app/issues/1/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'LGTM' }),
  });
  await res.text();
  return res.status;
}
