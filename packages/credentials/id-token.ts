/**
 * Where OIDC ID tokens come from. On GitHub the runner mints one per audience
 * (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN); on GitLab the job's `id_tokens:` put a token with a
 * fixed audience in an environment variable.
 */
import { AstlError, type Deadline } from '../core/index.js';
import { requestGitHubIdToken } from '../providers/oidc.js';

export type IdTokenSource = (audience: string, deadline: Deadline) => Promise<string>;

/** The GitHub Actions runner's token endpoint. */
export function githubIdTokenSource(env: Record<string, string | undefined>): IdTokenSource {
  return (audience, deadline) =>
    requestGitHubIdToken({
      requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      audience,
      deadline,
    });
}

/**
 * A token from an environment variable (GitLab `id_tokens`). The audience is fixed when the
 * token is minted, so the caller's audience is only used in the error when the variable is unset.
 */
export function envIdTokenSource(variable: string, env: Record<string, string | undefined>): IdTokenSource {
  return async (audience) => {
    const token = env[variable]?.trim();
    if (!token) {
      throw new AstlError(`the ID token variable ${variable} is not set`, {
        code: 'OIDC_NOT_AVAILABLE',
        hint: `declare it in the job's id_tokens with the audience the provider expects (${audience})`,
        fix: `id_tokens:\n  ${variable}:\n    aud: ${audience}`,
      });
    }
    return token;
  };
}
