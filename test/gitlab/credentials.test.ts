/**
 * The agent-credentials hidden job under gitlab-ci-local against the local OIDC issuer, STS and
 * Vault (and the GitHub App API): credentials in the job shell, after_script revoking even when
 * the script fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubAppServer, startGitHubApp } from '../servers/github-app.js';
import { SANDBOX_ROLE_ARN, SANDBOX_SECRET, type Sandbox, startSandbox } from '../servers/sandbox.js';
import { component, sha256 } from './fixtures.js';
import { CLI, componentProject, gitlabCiLocalAvailable, runPipeline } from './gcl.js';

const available = gitlabCiLocalAvailable();

describe.skipIf(!available)('GitLab components under gitlab-ci-local', () => {
  describe('agent-credentials', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({
        awsRoles: {
          [SANDBOX_ROLE_ARN]: {
            audience: 'sts.amazonaws.com',
            sub: 'project_path:acme/app:*',
            maxSessionDuration: 3600,
          },
        },
        vaultRoles: [
          {
            name: 'astl-ci',
            boundAudiences: ['vault'],
            boundClaims: { sub: 'project_path:acme/app:*' },
            userClaim: 'sub',
            policies: ['ci-read'],
            ttlSeconds: 900,
          },
        ],
      });
    });
    afterAll(async () => {
      await sandbox?.close();
    });

    it('mints into the job shell, and after_script revokes even when the script fails', async () => {
      const p = componentProject({
        'agent-config.yaml': `agents:
  - name: deploy-bot
    type: deploy-manager
    owner: platform-team
    purpose: "Deploys the app"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: ${SANDBOX_ROLE_ARN}
        region: eu-west-1
      vault:
        url: ${sandbox.vaultUrl}
        role: astl-ci
        audience: vault
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
`,
      });
      p.pipeline(
        (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: deploy-bot
      purpose: "Deploy $CI_COMMIT_SHORT_SHA"
      cli: ${CLI}
deploy:
  extends: .astl-agent-credentials
  script:
    - test -n "$AWS_SECRET_ACCESS_KEY" && test -n "$VAULT_TOKEN"
    - echo "key id prefix \${AWS_ACCESS_KEY_ID%\${AWS_ACCESS_KEY_ID#????}} region $AWS_REGION agent $ASTL_AGENT"
    - test "$(printf %s "$DEPLOY_TOKEN" | sha256sum | cut -d' ' -f1)" = "${sha256(SANDBOX_SECRET.token)}" && echo "secret delivered"
    - echo "the deploy fails" && exit 1
`,
      );
      const r = await runPipeline(p, ['deploy'], {
        AWS_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'sts.amazonaws.com' }),
        VAULT_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'vault' }),
        AWS_ENDPOINT_URL_STS: sandbox.env.AWS_ENDPOINT_URL_STS,
      });
      expect(r.code, r.output).toBe(1);
      expect(r.output).toContain('credentials ready for agent deploy-bot');
      // The CLI expanded GitLab's predefined variable (the component passes the text raw).
      expect(r.output).toContain(`purpose:        Deploy ${p.head().slice(0, 8)}`);
      expect(r.output).toContain('key id prefix ASIA region eu-west-1 agent deploy-bot');
      expect(r.output).toContain('secret delivered');
      expect(r.output).toContain('the deploy fails');
      expect(r.output).not.toContain('NodeVersionSupportWarning');
      // after_script ran and really revoked the Vault token.
      expect(r.output).toMatch(/vault\s+revoked/);
      expect(sandbox.vault.revokedTokens).toHaveLength(1);
      expect(existsSync(join(p.dir, '.astl/credentials.env'))).toBe(false);
      expect(existsSync(join(p.dir, '.astl/state.json'))).toBe(false);
      // No secret in the job log.
      expect(r.output).not.toContain(SANDBOX_SECRET.token);
      expect(r.output).not.toContain(sandbox.vault.revokedTokens[0]!);
    });

    it('a GitHub App token from github_app_key_variable: GH_TOKEN in the shell, revoked by after_script', async () => {
      const gh: GitHubAppServer = await startGitHubApp();
      try {
        const p = componentProject({
          'agent-config.yaml': `agents:
  - name: review-bot
    type: coding-assistant
    owner: platform-team
    purpose: "Review merge requests mirrored to GitHub"
    credential-policy: ephemeral
    audit-level: full
    permissions:
      - repository: read
    credentials:
      github:
        app-id: "${gh.appId}"
        owner: acme
        repositories: [app]
`,
        });
        p.pipeline(
          (sha) => `include:
  - component: ${component('agent-credentials', sha)}
    inputs:
      agent: review-bot
      github_app_key_variable: GITHUB_APP_KEY
      cli: ${CLI}
review:
  extends: .astl-agent-credentials
  script:
    - test -n "$GH_TOKEN" && echo "GH_TOKEN set"
`,
        );
        const r = await runPipeline(p, ['review'], {
          GITHUB_APP_KEY: gh.privateKeyPem,
          GITHUB_API_URL: gh.apiUrl,
        });
        expect(r.code, r.output).toBe(0);
        expect(r.output).toContain('GH_TOKEN set');
        expect(gh.tokenRequests.at(-1)!.body).toEqual({
          repositories: ['app'],
          permissions: { contents: 'read' },
        });
        const [token] = [...gh.tokens.keys()];
        expect(gh.tokenStatus(token!)).toBe('revoked');
        expect(r.output).toMatch(/github\s+revoked/);
        expect(r.output).not.toContain(token!);
        for (const line of gh.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----'))) {
          expect(r.output).not.toContain(line);
        }
      } finally {
        await gh.close();
      }
    });
  });
});
