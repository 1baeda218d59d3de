/**
 * A GitHub App installation token at the post step: DELETE /installation/token
 * (https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token), sent
 * only where revoke-guard.ts allows. Apart from github.ts so the post step loads no minting code.
 */
import { formatDuration } from '../../core/duration.js';
import { AstlError } from '../../core/errors.js';
import { describeFault } from '../../core/retry.js';
import { revokeInstallationToken } from '../../providers/github-api.js';
import { formatPermissions } from '../../providers/github-permissions.js';
import type { CredentialRevoker } from '../provider.js';
import type { GitHubRevocationState, RevocationEntry } from '../types.js';

/** GitHub fixes an installation token's life at one hour. */
export const INSTALLATION_TOKEN_SECONDS = 3600;

/** `revoke` is replaceable for tests (github.ts's GitHubAppClient). */
export function githubRevoker(
  revoke: typeof revokeInstallationToken = revokeInstallationToken,
): CredentialRevoker<GitHubRevocationState> {
  return {
    name: 'github',
    label: 'GitHub App',
    stateSecrets: (state) => (state.token ? [state.token] : []),
    revokeTarget: (state) => `github:${state.repositories.map((r) => `${state.owner}/${r}`).join(', ')}`,

    async revoke(s, ctx): Promise<Omit<RevocationEntry, 'label'>> {
      const facts = `repositories ${s.repositories.map((r) => `${s.owner}/${r}`).join(', ')}; permissions ${formatPermissions(s.permissions)}`;
      const base = { provider: 'github' as const, identity: identityOf(s), expiresAt: s.expiresAt };
      if (s.revokedAt) {
        return {
          ...base,
          outcome: 'revoked',
          message: `revoked by the main step at ${s.revokedAt}, because GitHub granted more than was asked (${facts})`,
        };
      }
      const shorter = s.requestedSeconds < INSTALLATION_TOKEN_SECONDS;
      if (!ctx.revoke) {
        ctx.log.info(`GitHub: not revoking (revoke: false); the token expires at ${s.expiresAt}`);
        return {
          ...base,
          outcome: 'disabled',
          message: `revoke is false; the token (${facts}) stays valid until it expires at ${s.expiresAt}${shorter ? `, longer than the requested ${formatDuration(s.requestedSeconds)}` : ''}`,
        };
      }
      if (ctx.refusal) {
        return {
          ...base,
          outcome: 'failed',
          message: `${ctx.refusal}; the token stays valid until it expires at ${s.expiresAt} (${facts}). Suspend the App's installation, or revoke it with the token against your GitHub API: gh api -X DELETE /installation/token`,
        };
      }
      if (Date.parse(s.expiresAt) <= ctx.now().getTime()) {
        ctx.log.info(`GitHub: the token already expired at ${s.expiresAt}; skipped`);
        return {
          ...base,
          outcome: 'skipped-expired',
          message: `already expired at ${s.expiresAt}; nothing to revoke (${facts})`,
        };
      }
      try {
        const outcome = await revoke({ apiUrl: s.apiUrl, token: s.token, deadline: ctx.deadline });
        if (outcome === 'already-invalid') {
          ctx.log.info('GitHub: the token was already invalid; nothing to revoke');
          return {
            ...base,
            outcome: 'skipped-expired',
            message: `GitHub says the token is no longer valid (expired or already revoked); nothing to revoke (${facts})`,
          };
        }
        ctx.log.info(`GitHub: installation token revoked (${facts})`);
        return {
          ...base,
          outcome: 'revoked',
          message: `revoked with DELETE /installation/token${s.partial ? ' (the main step failed after it was issued)' : ''}; ${facts}${shorter ? `; the requested ${formatDuration(s.requestedSeconds)} was honoured by revoking it when the job ended` : ''}`,
        };
      } catch (err) {
        const reason = err instanceof AstlError ? err.message : describeFault(err);
        return {
          ...base,
          outcome: 'failed',
          message: `could not revoke the GitHub token (${reason}); it stays valid until ${s.expiresAt} (${facts}). Revoke it by hand with the token: gh api -X DELETE /installation/token, or suspend the App's installation`,
        };
      }
    },
  };
}

export function identityOf(s: GitHubRevocationState): string {
  if (s.mode === 'exchange') return `STS ${s.stsUrl} identity ${s.identity} (scope ${s.scope})`;
  return `App ${s.appId}${s.installationId !== undefined ? `, installation ${s.installationId}` : ''} (${s.owner})`;
}
