/**
 * AWS STS at the post step: sessions cannot be revoked one by one, so `revoke` says when the
 * session expires and how to end it sooner (revoking the role's active sessions in IAM).
 */
import { formatDuration } from '../../core/duration.js';
import type { CredentialRevoker } from '../provider.js';
import type { AwsRevocationState } from '../types.js';

export function awsRevoker(): CredentialRevoker<AwsRevocationState> {
  return {
    name: 'aws',
    label: 'AWS STS',
    stateSecrets: () => [],
    revokeTarget: (state) => `aws:${state.roleArn}`,

    async revoke(state, ctx) {
      const remaining = Math.round((Date.parse(state.expiresAt) - ctx.now().getTime()) / 1000);
      const base = {
        provider: 'aws' as const,
        identity: `${state.roleArn} session ${state.sessionName}`,
        expiresAt: state.expiresAt,
      };
      if (remaining <= 0) {
        return { ...base, outcome: 'skipped-expired', message: `already expired at ${state.expiresAt}` };
      }
      const message = `AWS STS sessions cannot be revoked one by one; session ${state.sessionName} expires at ${state.expiresAt} (in ${formatDuration(remaining)}). To end it sooner, revoke the role's active sessions in IAM (this ends every session of the role).`;
      ctx.log.info(message);
      return { ...base, outcome: 'not-revocable', message };
    },
  };
}
