import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conditionKeyPrefix,
  describeClaims,
  diagnoseStsError,
  diagnoseVaultLogin,
  trustPolicySnippet,
} from '../../packages/providers/index.js';
import { type OidcIssuer, startOidcIssuer } from '../servers/oidc-issuer.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer({ environment: 'production' });
});
afterAll(() => issuer.close());

describe('diagnoses', () => {
  it('STS AccessDenied shows claims beside the request and a trust-policy fix, never the token', async () => {
    const token = await issuer.mintGitHubToken({ audience: 'sts.amazonaws.com' });
    const err = diagnoseStsError('AccessDenied', `Not authorized (echo ${token})`, {
      roleArn: 'arn:aws:iam::111122223333:role/deployer',
      audience: 'sts.amazonaws.com',
      sessionName: 'bot@42',
      webIdentityToken: token,
    });
    expect(err.code).toBe('STS_ACCESS_DENIED');
    const text = err.format();
    for (const expected of [
      'arn:aws:iam::111122223333:role/deployer',
      'bot@42',
      `iss               ${issuer.issuer}`,
      'sub               repo:acme/app:environment:production',
      'aud               sts.amazonaws.com',
      'ref               refs/heads/main',
      'job_workflow_ref  acme/app/.github/workflows/deploy.yml@refs/heads/main',
      'environment       production',
      'StringLike',
      `"${conditionKeyPrefix(issuer.issuer)}:sub": "repo:acme/app:environment:production"`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(token);
    expect(text).toContain('echo ***');
  });

  it('GitLab tokens get gitlab.com condition keys', () => {
    expect(conditionKeyPrefix('https://gitlab.com')).toBe('gitlab.com');
    expect(conditionKeyPrefix('https://token.actions.githubusercontent.com')).toBe(
      'token.actions.githubusercontent.com',
    );
    expect(
      trustPolicySnippet(
        'gitlab.com',
        'https://gitlab.com',
        'project_path:acme/app:ref_type:branch:ref:main',
      ),
    ).toContain('"gitlab.com:sub": "project_path:acme/app:ref_type:branch:ref:main"');
  });

  it('maps STS codes', async () => {
    const token = await issuer.mintGitHubToken();
    const ctx = { roleArn: 'arn:aws:iam::111122223333:role/x', webIdentityToken: token };
    expect(diagnoseStsError('InvalidIdentityToken', 'Incorrect token audience', ctx).code).toBe(
      'STS_INVALID_TOKEN',
    );
    expect(diagnoseStsError('ExpiredTokenException', 'Token expired', ctx).code).toBe('STS_TOKEN_EXPIRED');
    expect(diagnoseStsError('ValidationError', 'bad', ctx).code).toBe('STS_REQUEST_INVALID');
    expect(diagnoseStsError('HTTP 404', 'odd', ctx).code).toBe('STS_REQUEST_FAILED');
  });

  it('Vault login refusals name role, auth path and namespace', async () => {
    const jwt = await issuer.mintGitHubToken({ audience: 'vault' });
    const err = diagnoseVaultLogin(
      400,
      'error validating claims: claim "sub" does not match any associated bound claim values',
      {
        url: 'https://vault.example.com',
        authPath: 'jwt-gh',
        role: 'deployer',
        namespace: 'admin',
        jwt,
      },
    );
    expect(err.code).toBe('VAULT_LOGIN_DENIED');
    const text = err.format();
    expect(text).toContain('auth/jwt-gh/login, role deployer');
    expect(text).toMatch(/namespace +admin/);
    expect(text).toContain('bound_claims={"sub":"repo:acme/app:environment:production"}');
    expect(text).toContain('vault write auth/jwt-gh/role/deployer');
    expect(text).not.toContain(jwt);
  });

  it('describes an undecodable token without failing', () => {
    expect(describeClaims(undefined)).toContain('not a decodable JWT');
  });
});
