/**
 * Turning a provider's refusal into an error a workflow author can act on: what the token says
 * (iss, sub, aud, ref, job_workflow_ref, environment) beside what was asked (role, audience,
 * Vault role and auth path), and which trust condition to check. The token itself and any
 * credential never appear: only decoded claims, which are not secret.
 */
import { AstlError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';
import { decodeTokenClaims, type TokenClaims } from './oidc.js';

const SHOWN_CLAIMS = ['iss', 'sub', 'aud', 'ref', 'job_workflow_ref', 'environment'] as const;

/** `token: iss=…` lines for the claims that trust policies match on. */
export function describeClaims(claims: TokenClaims | undefined): string {
  if (!claims) return '  token claims: (the token is not a decodable JWT)';
  const width = Math.max(...SHOWN_CLAIMS.map((c) => c.length));
  const lines = SHOWN_CLAIMS.map((c) => {
    const v = claims[c];
    const shown = v === undefined || v === '' ? '(not set)' : Array.isArray(v) ? v.join(', ') : String(v);
    return `    ${c.padEnd(width)}  ${shown}`;
  });
  if (typeof claims.exp === 'number') {
    lines.push(`    ${'exp'.padEnd(width)}  ${new Date(claims.exp * 1000).toISOString()}`);
  }
  return ['  token claims:', ...lines].join('\n');
}

function describeRequest(fields: Record<string, string | undefined>): string {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
  const width = Math.max(...entries.map(([k]) => k.length));
  return ['  requested:', ...entries.map(([k, v]) => `    ${k.padEnd(width)}  ${v}`)].join('\n');
}

/**
 * The IAM condition-key prefix for an issuer: its URL without the scheme
 * (`token.actions.githubusercontent.com`, `gitlab.com`).
 */
export function conditionKeyPrefix(iss: string | undefined): string {
  if (!iss) return 'token.actions.githubusercontent.com';
  return iss.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

function firstAud(aud: string | string[] | undefined): string | undefined {
  return Array.isArray(aud) ? aud[0] : aud;
}

function scrub(text: string, token: string): string {
  const r = new Redactor();
  r.add(token);
  return r.redact(text);
}

export interface StsDiagnosisContext {
  roleArn: string;
  /** The audience the token was requested for. */
  audience?: string;
  sessionName?: string;
  /** The web identity token; only its claims are shown. */
  webIdentityToken: string;
}

const STS_CODES: Record<string, string> = {
  AccessDenied: 'STS_ACCESS_DENIED',
  IDPRejectedClaim: 'STS_ACCESS_DENIED',
  InvalidIdentityToken: 'STS_INVALID_TOKEN',
  ExpiredToken: 'STS_TOKEN_EXPIRED',
  ExpiredTokenException: 'STS_TOKEN_EXPIRED',
  ValidationError: 'STS_REQUEST_INVALID',
  MalformedPolicyDocument: 'STS_POLICY_INVALID',
  PackedPolicyTooLarge: 'STS_POLICY_INVALID',
  RegionDisabled: 'STS_REGION_DISABLED',
};

/** An AstlError for STS's non-retryable refusal `stsCode` (as STS spells it: `AccessDenied`, ...). */
export function diagnoseStsError(stsCode: string, stsMessage: string, ctx: StsDiagnosisContext): AstlError {
  const claims = decodeTokenClaims(ctx.webIdentityToken);
  const prefix = conditionKeyPrefix(claims?.iss);
  const aud = ctx.audience ?? firstAud(claims?.aud) ?? 'sts.amazonaws.com';
  const sub = claims?.sub ?? '<sub>';
  const message = [
    `AWS STS refused AssumeRoleWithWebIdentity for ${ctx.roleArn}: ${stsCode}: ${scrub(stsMessage, ctx.webIdentityToken)}`,
    describeRequest({ 'role-arn': ctx.roleArn, audience: aud, 'session-name': ctx.sessionName }),
    describeClaims(claims),
  ].join('\n');
  const trustFix = trustPolicySnippet(prefix, aud, sub);
  let hint: string;
  let fix: string | undefined;
  switch (stsCode) {
    case 'AccessDenied':
    case 'IDPRejectedClaim':
      hint =
        `the role's trust policy does not allow this token. Check that its Principal is the IAM OIDC provider for ${prefix}, ` +
        `that \`${prefix}:sub\` (StringLike) matches "${sub}" and that \`${prefix}:aud\` (StringEquals) is "${aud}". ` +
        'A job with `environment:` has sub `repo:<owner>/<repo>:environment:<name>`, not `:ref:refs/heads/<branch>`.';
      fix = trustFix;
      break;
    case 'InvalidIdentityToken':
      hint = /audience/i.test(stsMessage)
        ? `the IAM OIDC provider for ${prefix} does not list the audience "${aud}": add it to the provider's client IDs (audiences) or set aws-audience to one it lists.`
        : `the account has no IAM OIDC provider for ${claims?.iss ?? 'this issuer'} (or the token's signature did not verify): create the provider with that exact issuer URL.`;
      break;
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      hint =
        'the ID token expired before STS checked it: request it just before assuming the role and re-run the job.';
      break;
    case 'ValidationError':
      hint = /DurationSeconds/.test(stsMessage)
        ? "the requested duration exceeds the role's MaxSessionDuration: lower `duration` or raise the role's maximum session duration."
        : 'STS rejected a request parameter; see the message above.';
      break;
    case 'MalformedPolicyDocument':
    case 'PackedPolicyTooLarge':
      hint = 'fix the session policy document (valid JSON, at most 2048 characters after minifying).';
      break;
    default:
      hint = 'see the STS error above.';
  }
  return new AstlError(message, { code: STS_CODES[stsCode] ?? 'STS_REQUEST_FAILED', hint, fix });
}

/** The trust-policy statement that would admit this token. */
export function trustPolicySnippet(prefix: string, aud: string, sub: string): string {
  return JSON.stringify(
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::<account-id>:oidc-provider/${prefix}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { [`${prefix}:aud`]: aud },
        StringLike: { [`${prefix}:sub`]: sub },
      },
    },
    null,
    2,
  );
}

export interface VaultDiagnosisContext {
  url: string;
  authPath: string;
  role: string;
  namespace?: string;
  audience?: string;
  jwt: string;
}

/** An AstlError for Vault refusing a JWT login (HTTP 400/403/404/405), with Vault's error text. */
export function diagnoseVaultLogin(
  status: number,
  vaultMessage: string,
  ctx: VaultDiagnosisContext,
): AstlError {
  const claims = decodeTokenClaims(ctx.jwt);
  const aud = ctx.audience ?? firstAud(claims?.aud) ?? ctx.url;
  const sub = claims?.sub ?? '<sub>';
  const where = `auth/${ctx.authPath}/role/${ctx.role}${ctx.namespace ? ` in namespace ${ctx.namespace}` : ''}`;
  const message = [
    `Vault refused the JWT login at ${ctx.url} (auth/${ctx.authPath}/login, role ${ctx.role}): HTTP ${status}: ${scrub(vaultMessage, ctx.jwt)}`,
    describeRequest({
      'vault-url': ctx.url,
      'auth-path': ctx.authPath,
      role: ctx.role,
      namespace: ctx.namespace || '(root)',
      audience: aud,
    }),
    describeClaims(claims),
  ].join('\n');
  let hint: string;
  if (/could not be found|missing role/i.test(vaultMessage)) {
    hint = `there is no role ${where}: check vault-role, vault-auth-path and vault-namespace.`;
  } else if (/audience/i.test(vaultMessage)) {
    hint = `the role's bound_audiences must include the token's aud "${aud}" (or set vault-audience to one of them).`;
  } else if (/claim/i.test(vaultMessage)) {
    hint = `the role's bound_claims do not match this token: with bound_claims_type=glob, bound_claims={"sub":"${sub}"} would match it.`;
  } else if (/issuer|signature|jwks|validating token/i.test(vaultMessage)) {
    hint = `the auth method at auth/${ctx.authPath} must trust ${claims?.iss ?? 'the issuer'} (oidc_discovery_url or jwks_url) and the token must be unexpired.`;
  } else if (status === 404 || status === 405 || /no handler|route/i.test(vaultMessage)) {
    hint = `no JWT auth method is mounted at auth/${ctx.authPath}${ctx.namespace ? ` in namespace ${ctx.namespace}` : ''}: check vault-auth-path and vault-namespace.`;
  } else {
    hint = `check the Vault role ${where} and the namespace.`;
  }
  const fix = `vault write auth/${ctx.authPath}/role/${ctx.role} role_type=jwt \\
  bound_audiences="${aud}" user_claim=sub bound_claims_type=glob \\
  bound_claims='{"sub":"${sub}"}' token_policies=ci-read token_ttl=15m`;
  return new AstlError(message, { code: 'VAULT_LOGIN_DENIED', hint, fix });
}
