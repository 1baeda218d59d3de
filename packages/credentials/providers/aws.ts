/**
 * AWS as a credential provider: one STS AssumeRoleWithWebIdentity session per job, exported as
 * the standard AWS_* variables. What the post step says about it is aws-revoke.ts's.
 */
import { formatDuration } from '../../core/duration.js';
import { AstlError } from '../../core/errors.js';
import {
  type AssumeRoleRequest,
  type AwsSessionCredentials,
  assumeRoleWithWebIdentity,
  readSessionPolicy,
  roleSessionName,
} from '../../providers/aws.js';
import type { CredentialProvider } from '../provider.js';
import type { AwsRevocationState } from '../types.js';
import { awsRevoker } from './aws-revoke.js';

export const DEFAULT_AWS_AUDIENCE = 'sts.amazonaws.com';
/** STS refuses AssumeRoleWithWebIdentity shorter than 15 minutes. */
export const STS_MIN_DURATION_SECONDS = 900;
export const STS_MAX_DURATION_SECONDS = 43_200;

export interface AwsPlan {
  roleArn: string;
  region: string;
  audience: string;
  /** Registry path of the session policy (a scope-down), and its minified text once prepared. */
  sessionPolicyPath?: string;
  sessionPolicy?: string;
}

/** The network call, replaceable in tests. */
export interface StsClient {
  assumeRole(
    req: AssumeRoleRequest,
  ): Promise<Omit<AwsSessionCredentials, 'assumedRoleArn'> & { assumedRoleArn?: string }>;
}

export function awsProvider(
  sts: StsClient = { assumeRole: assumeRoleWithWebIdentity },
): CredentialProvider<AwsPlan, AwsRevocationState> {
  return {
    ...awsRevoker(),

    /**
     * Inputs override the registry field by field. The region, as configure-aws-credentials
     * reads it: the input (flag), else the registry, else AWS_REGION, else AWS_DEFAULT_REGION
     * from the job's environment; a role without any is refused.
     */
    plan(request, agent, env) {
      const reg = agent.credentials.aws;
      // The ARN is already validated: the input by the front end, the registry by its schema.
      const roleArn = request.aws?.roleArn ?? reg?.roleArn;
      if (!roleArn) return undefined;
      const region = awsRegion(request.aws?.region ?? reg?.region, env ?? {});
      if (!region) {
        throw new AstlError(`agent '${agent.name}' has an AWS role but no region`, {
          code: 'AWS_REGION_MISSING',
          location: agent.keyLocations['credentials.aws'] ?? agent.location,
          hint: (s) =>
            `set credentials.aws.region in the registry, or ${s.name('aws-region')}, or AWS_REGION in the job's environment`,
          fix: `credentials:\n  aws:\n    role-arn: ${roleArn}\n    region: us-east-1`,
        });
      }
      return {
        roleArn,
        region,
        audience: request.aws?.audience ?? reg?.audience ?? DEFAULT_AWS_AUDIENCE,
        // A scope-down only narrows, so it applies even when the role comes from an input.
        ...(reg?.sessionPolicyPath ? { sessionPolicyPath: reg.sessionPolicyPath } : {}),
      };
    },

    checkFacts: (plan) => ({ awsRoleArn: plan.roleArn }),

    prepare(plan, ctx) {
      checkStsDuration(ctx.durationSeconds);
      if (plan.sessionPolicyPath)
        plan.sessionPolicy = readSessionPolicy(
          ctx.file(plan.sessionPolicyPath, 'credentials.aws.session-policy'),
        );
    },

    async mint(plan, ctx) {
      const jwt = await ctx.idToken(plan.audience);
      // Refusals come back diagnosed (token claims beside the request) from the STS client.
      const session = await sts.assumeRole({
        roleArn: plan.roleArn,
        region: plan.region,
        sessionName: roleSessionName(ctx.agent.name, ctx.run.runId, ctx.run.runAttempt),
        durationSeconds: ctx.durationSeconds,
        webIdentityToken: jwt,
        audience: plan.audience,
        env: ctx.env,
        deadline: ctx.deadline,
        ...(plan.sessionPolicy ? { sessionPolicy: plan.sessionPolicy } : {}),
        ...(plan.sessionPolicyPath ? { sessionPolicyFile: plan.sessionPolicyPath } : {}),
      });
      const { sessionName } = session;
      ctx.secret(session.accessKeyId);
      ctx.secret(session.secretAccessKey);
      ctx.secret(session.sessionToken);
      const expiresAt = session.expiration.toISOString();
      // An STS session expires exactly DurationSeconds after it is issued.
      const ttlSeconds = ctx.durationSeconds;
      const issuedAt = new Date(session.expiration.getTime() - ttlSeconds * 1000);
      ctx.saveState({ sessionName, roleArn: plan.roleArn, expiresAt });
      const identity = session.assumedRoleArn ?? assumedRoleArnFor(plan.roleArn, sessionName);
      ctx.credential({
        identity,
        details: {
          role: plan.roleArn,
          'session name': sessionName,
          region: plan.region,
          ...(plan.sessionPolicyPath ? { 'session policy': plan.sessionPolicyPath } : {}),
        },
        issuedAt: issuedAt.toISOString(),
        expiresAt,
        ttlSeconds,
      });
      ctx.exportEnv({
        AWS_ACCESS_KEY_ID: session.accessKeyId,
        AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
        AWS_SESSION_TOKEN: session.sessionToken,
        AWS_REGION: plan.region,
        AWS_DEFAULT_REGION: plan.region,
      });
      ctx.secretOutput({
        awsAccessKeyId: session.accessKeyId,
        awsSecretAccessKey: session.secretAccessKey,
        awsSessionToken: session.sessionToken,
      });
      ctx.output({ awsSessionName: sessionName });
      ctx.audit(
        'credentials.mint',
        `aws:${plan.roleArn}`,
        {
          provider: 'aws',
          identity,
          session_name: sessionName,
          region: plan.region,
          issued_at: issuedAt.toISOString(),
          expires_at: expiresAt,
          ttl_seconds: ttlSeconds,
          ...ctx.runDetail,
        },
        issuedAt,
      );
      ctx.log.info(`AWS: assumed ${plan.roleArn} as session ${sessionName}, expires ${expiresAt}`);
    },
  };
}

/** AWS region names: `us-east-1`, `eu-west-1`, `us-gov-west-1`, `cn-north-1`. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/**
 * The region from a setting, else the job's AWS_REGION, else AWS_DEFAULT_REGION (the order
 * configure-aws-credentials and the AWS CLI use). An environment value that is not a region
 * name is ignored, so a stray variable cannot reach the STS endpoint's host name.
 */
export function awsRegion(
  setting: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  if (setting) return setting;
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = env[name]?.trim();
    if (value && AWS_REGION_PATTERN.test(value)) return value;
  }
  return undefined;
}

function checkStsDuration(seconds: number): void {
  if (seconds < STS_MIN_DURATION_SECONDS) {
    throw new AstlError(`duration ${formatDuration(seconds)} is shorter than AWS STS allows (15m)`, {
      code: 'DURATION_TOO_SHORT',
      setting: 'duration',
      hint: 'AssumeRoleWithWebIdentity sessions last at least 15 minutes; the post step ends the job’s use of them',
      fix: (s) => s.snippet([['duration', '15m']]),
    });
  }
  if (seconds > STS_MAX_DURATION_SECONDS) {
    throw new AstlError(`duration ${formatDuration(seconds)} is longer than AWS STS allows (12h)`, {
      code: 'DURATION_TOO_LONG',
      setting: 'duration',
      hint: 'ask for less; the role’s MaxSessionDuration caps it too',
      fix: (s) => s.snippet([['duration', '1h']]),
    });
  }
}

function assumedRoleArnFor(roleArn: string, sessionName: string): string {
  const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m ? `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${sessionName}` : `${roleArn} (${sessionName})`;
}
