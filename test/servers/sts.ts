/**
 * An STS-compatible endpoint speaking the AWS Query protocol (form POST, XML answers), enough of
 * AssumeRoleWithWebIdentity and GetCallerIdentity for the real `@aws-sdk/client-sts` to talk to it
 * through `AWS_ENDPOINT_URL_STS`. Tokens are verified against the issuer's JWKS, the audience and a
 * role trust table (IAM StringLike on `sub`), with STS's real error codes and HTTP statuses.
 */
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import {
  type Answer,
  type FaultableServer,
  globMatch,
  type IncomingRequest,
  requestId,
  serve,
  TestClock,
} from './http-kit.js';

export type StsRoute = 'sts' | 'caller-identity';

export interface StsRoleTrust {
  /** Allowed `aud` (StringEquals). Default `sts.amazonaws.com`. */
  audience?: string | string[];
  /** Allowed `sub` patterns (StringLike: `*` and `?`). */
  sub: string | string[];
  /** The role's MaxSessionDuration in seconds (3600..43200 in AWS). Default 3600. */
  maxSessionDuration?: number;
}

export interface StsServerOptions {
  /** The OIDC issuer trusted (the IAM OIDC provider): its URL and JWKS URL. */
  issuer: { issuer: string; jwksUrl: string };
  /** Role ARN -> trust policy. */
  roles: Record<string, StsRoleTrust>;
}

export interface StsAssumeCall {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  policy?: string;
  /** Outcome: `ok` or the STS error code. */
  outcome: string;
}

export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  roleArn: string;
  assumedRoleArn: string;
  sessionName: string;
  subject: string;
}

export interface StsServer extends FaultableServer<StsRoute> {
  /** Every AssumeRoleWithWebIdentity call that reached the handler (faults excluded). */
  assumeCalls: StsAssumeCall[];
  /** Sessions issued, by access key id. */
  sessions: Map<string, StsSession>;
  setRole(roleArn: string, trust: StsRoleTrust): void;
  clock: TestClock;
}

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STATUS_BY_CODE: Record<string, number> = {
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  InvalidIdentityToken: 400,
  ExpiredTokenException: 400,
  ExpiredToken: 400,
  ValidationError: 400,
  IDPCommunicationError: 400,
  IDPRejectedClaim: 403,
  Throttling: 400,
  MalformedPolicyDocument: 400,
  PackedPolicyTooLarge: 400,
  InvalidAction: 400,
  InternalFailure: 500,
  ServiceUnavailable: 503,
};

export function stsErrorXml(code: string, message: string): string {
  const type = (STATUS_BY_CODE[code] ?? 400) >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${XMLNS}">
  <Error>
    <Type>${type}</Type>
    <Code>${esc(code)}</Code>
    <Message>${esc(message)}</Message>
  </Error>
  <RequestId>${requestId()}</RequestId>
</ErrorResponse>
`;
}

function stsError(code: string, message: string, status = STATUS_BY_CODE[code] ?? 400): Answer {
  return { status, headers: { 'content-type': 'text/xml' }, body: stsErrorXml(code, message) };
}

class StsFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export async function startSts(options: StsServerOptions): Promise<StsServer> {
  const roles = new Map(Object.entries(options.roles));
  const jwks = createRemoteJWKSet(new URL(options.issuer.jwksUrl), {
    timeoutDuration: 2000,
    cooldownDuration: 0,
  });
  const assumeCalls: StsAssumeCall[] = [];
  const sessions = new Map<string, StsSession>();
  const clock = new TestClock();

  async function assumeRole(form: URLSearchParams): Promise<Answer> {
    const roleArn = form.get('RoleArn') ?? '';
    const sessionName = form.get('RoleSessionName') ?? '';
    const durationRaw = form.get('DurationSeconds');
    const duration = durationRaw === null ? 3600 : Number(durationRaw);
    const policy = form.get('Policy') ?? undefined;
    const call: StsAssumeCall = {
      roleArn,
      roleSessionName: sessionName,
      durationSeconds: duration,
      policy,
      outcome: 'ok',
    };
    assumeCalls.push(call);
    try {
      const result = await check(form, roleArn, sessionName, duration, policy);
      return result;
    } catch (err) {
      if (!(err instanceof StsFailure)) throw err;
      call.outcome = err.code;
      return stsError(err.code, err.message);
    }
  }

  async function check(
    form: URLSearchParams,
    roleArn: string,
    sessionName: string,
    duration: number,
    policy: string | undefined,
  ): Promise<Answer> {
    const token = form.get('WebIdentityToken') ?? '';
    const problems: string[] = [];
    if (roleArn.length < 20) {
      problems.push(
        `Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`,
      );
    }
    if (!SESSION_NAME.test(sessionName)) {
      problems.push(
        `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and length between 2 and 64`,
      );
    }
    if (!Number.isInteger(duration) || duration < 900) {
      problems.push(
        `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
      );
    }
    if (token.length < 4) {
      problems.push(
        `Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4`,
      );
    }
    if (problems.length) {
      throw new StsFailure(
        'ValidationError',
        `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
      );
    }
    if (policy !== undefined) {
      try {
        JSON.parse(policy);
      } catch {
        throw new StsFailure('MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
      }
      if (policy.length > 2048) {
        throw new StsFailure(
          'PackedPolicyTooLarge',
          'Packed size of the session policy exceeds 100% of the allowed limit.',
        );
      }
    }

    const payload = await verifyToken(token);
    const trust = roles.get(roleArn);
    const audiences = asList(trust?.audience ?? 'sts.amazonaws.com');
    const tokenAud = asList(payload.aud ?? []);
    if (!tokenAud.some((a) => audiences.includes(a)) && trust) {
      throw new StsFailure('InvalidIdentityToken', 'Incorrect token audience');
    }
    const sub = payload.sub ?? '';
    if (!trust || !asList(trust.sub).some((p) => globMatch(p, sub))) {
      throw new StsFailure('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    }
    const maxSession = trust.maxSessionDuration ?? 3600;
    if (duration > maxSession) {
      throw new StsFailure(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    }

    const m = ROLE_ARN.exec(roleArn);
    const account = m?.[1] ?? '123456789012';
    const roleName = m?.[2] ?? 'role';
    const roleId = `AROA${randomBytes(8).toString('hex').toUpperCase().slice(0, 17)}`;
    const session: StsSession = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64').replace(/[+/=]/g, 'x'),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
      expiration: new Date(clock.now() + duration * 1000),
      roleArn,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      sessionName,
      subject: sub,
    };
    sessions.set(session.accessKeyId, session);
    const providerHost = new URL(options.issuer.issuer).host;
    const body = `<AssumeRoleWithWebIdentityResponse xmlns="${XMLNS}">
  <AssumeRoleWithWebIdentityResult>
    <Audience>${esc(tokenAud[0] ?? '')}</Audience>
    <AssumedRoleUser>
      <AssumedRoleId>${roleId}:${esc(sessionName)}</AssumedRoleId>
      <Arn>${esc(session.assumedRoleArn)}</Arn>
    </AssumedRoleUser>
    <Provider>arn:aws:iam::${account}:oidc-provider/${esc(providerHost)}</Provider>
    <Credentials>
      <AccessKeyId>${session.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>
      <SessionToken>${session.sessionToken}</SessionToken>
      <Expiration>${session.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>
    </Credentials>
    <SubjectFromWebIdentityToken>${esc(sub)}</SubjectFromWebIdentityToken>${
      policy ? `\n    <PackedPolicySize>${Math.ceil((policy.length / 2048) * 100)}</PackedPolicySize>` : ''
    }
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>${requestId()}</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>
`;
    return { status: 200, headers: { 'content-type': 'text/xml' }, body };
  }

  async function verifyToken(token: string): Promise<JWTPayload> {
    let iss: unknown;
    try {
      const [, payloadPart] = token.split('.');
      iss = JSON.parse(Buffer.from(payloadPart ?? '', 'base64url').toString('utf8')).iss;
    } catch {
      throw new StsFailure(
        'InvalidIdentityToken',
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      );
    }
    if (iss !== options.issuer.issuer) {
      throw new StsFailure(
        'InvalidIdentityToken',
        `No OpenIDConnect provider found in your account for ${String(iss)}`,
      );
    }
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer.issuer,
        algorithms: ['RS256'],
        currentDate: new Date(clock.now()),
      });
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new StsFailure(
          'ExpiredTokenException',
          'Token expired: current date/time must be before the expiration date/time.',
        );
      }
      if (err instanceof joseErrors.JWKSTimeout || isFetchFailure(err)) {
        throw new StsFailure(
          'IDPCommunicationError',
          `Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements`,
        );
      }
      throw new StsFailure(
        'InvalidIdentityToken',
        'The ID Token provided is not valid: signature verification failed.',
      );
    }
  }

  function callerIdentity(req: IncomingRequest): Answer {
    // SigV4: `AWS4-HMAC-SHA256 Credential=AKID/date/region/sts/aws4_request, SignedHeaders=..., Signature=...`.
    // The signature is not checked: mapping the key id back to an issued, unexpired session whose
    // token is presented is what proves the minted credentials are the ones in use.
    const auth = String(req.headers.authorization ?? '');
    const akid = /Credential=([A-Z0-9]+)\//.exec(auth)?.[1];
    const session = akid ? sessions.get(akid) : undefined;
    if (!session || req.headers['x-amz-security-token'] !== session.sessionToken) {
      return stsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    }
    if (session.expiration.getTime() <= clock.now()) {
      return stsError('ExpiredToken', 'The security token included in the request is expired');
    }
    const account = /::(\d{12}):/.exec(session.assumedRoleArn)?.[1] ?? '123456789012';
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<GetCallerIdentityResponse xmlns="${XMLNS}">
  <GetCallerIdentityResult>
    <Arn>${esc(session.assumedRoleArn)}</Arn>
    <UserId>AROAEXAMPLEROLEID:${esc(session.sessionName)}</UserId>
    <Account>${account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${requestId()}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`,
    };
  }

  const server = await serve<StsRoute>({
    routes: ['sts', 'caller-identity'],
    classify(req) {
      if (req.url.pathname !== '/') return undefined;
      const action = actionOf(req);
      if (action === 'AssumeRoleWithWebIdentity') return 'sts';
      if (action === 'GetCallerIdentity') return 'caller-identity';
      return undefined;
    },
    handle(route, req) {
      return route === 'sts' ? assumeRole(formOf(req)) : callerIdentity(req);
    },
    renderFault(_route, f) {
      const code =
        f.code ??
        (f.status === 429
          ? 'Throttling'
          : f.status === 503
            ? 'ServiceUnavailable'
            : f.status >= 500
              ? 'InternalFailure'
              : 'ValidationError');
      const message =
        f.message ??
        (code === 'Throttling'
          ? 'Rate exceeded'
          : code === 'IDPCommunicationError'
            ? 'Could not reach the identity provider'
            : `injected ${code}`);
      const answer = stsError(code, message, f.status);
      answer.headers = { ...answer.headers, ...f.headers };
      return answer;
    },
    notFound: (req) =>
      stsError(
        'InvalidAction',
        `Could not find operation ${actionOf(req) ?? '(none)'} for version 2011-06-15`,
      ),
  });

  const resetBase = server.reset;
  return Object.assign(server, {
    /** Also forgets `assumeCalls` (issued sessions stay valid). */
    reset() {
      resetBase();
      assumeCalls.length = 0;
    },
    assumeCalls,
    sessions,
    clock,
    setRole: (arn: string, trust: StsRoleTrust) => void roles.set(arn, trust),
  });
}

function formOf(req: IncomingRequest): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body) : req.url.searchParams;
}

function actionOf(req: IncomingRequest): string | undefined {
  return formOf(req).get('Action') ?? undefined;
}

function asList(v: string | string[]): string[] {
  return Array.isArray(v) ? v : [v];
}

function isFetchFailure(err: unknown): boolean {
  return (
    err instanceof TypeError ||
    (err instanceof Error &&
      /fetch failed|ECONNREFUSED|timed out|JSON Web Key Set|aborted/i.test(err.message))
  );
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Test helper: STS's Throttling answer, as a fault. */
export const THROTTLING = { status: 400, code: 'Throttling' } as const;
export const IDP_COMMUNICATION_ERROR = { status: 400, code: 'IDPCommunicationError' } as const;
