/**
 * `astl credentials`: the GitLab (and any CI) front end of the credentials engine. The ID tokens
 * come from environment variables (GitLab `id_tokens`), the same registry and AgentPolicy checks,
 * providers and retries as the GitHub action run, and the credentials land in a 0600 env file
 * for the job's script to source. A state file lets `astl revoke` (after_script) revoke them.
 * Nothing secret is ever printed: every value is registered with a redactor the moment it exists.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
// Core modules one by one: the index would load the YAML and schema stack before --help.
import { expandGitLabVariables } from '../../../packages/core/ci-variables.js';
import { formatDuration, parseDuration } from '../../../packages/core/duration.js';
import { AstlError } from '../../../packages/core/errors.js';
import { Redactor } from '../../../packages/core/redact.js';
import type { Deadline } from '../../../packages/core/retry.js';
import { checkCredentialTransport } from '../../../packages/core/transport.js';
import { findControlCharacter } from '../../../packages/core/untrusted-text.js';
import {
  gitLabFileVariableScope,
  inspectWorkspacePath,
  isPathProblem,
  readWorkspaceFile,
  resolveWorkspacePath,
  type WorkspaceScope,
  workspaceScope,
} from '../../../packages/core/workspace-path.js';
import type {
  AuditEvent,
  CredentialRequest,
  MintResult,
  RevocationState,
} from '../../../packages/credentials/index.js';
import { normalizePrivateKeyText } from '../../../packages/providers/github-app-key.js';
import { bool, choice, oneLine, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT, formatError, UsageError } from '../exit.js';
import { checkOutputPath, envFileText, writeFlagFile, writePrivateFile } from '../files.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'credentials',
  summary: "mint short-lived credentials for a registered agent from the job's ID token",
  usage:
    'astl credentials --agent A [--agent-type T] --purpose TEXT --id-token-env VAR [--aws-id-token-env VAR] [--vault-id-token-env VAR] [--github-id-token-env VAR] [--github-app-id ID --github-app-private-key-env VAR | --github-app-private-key-file F] [--duration 15m] [--config F] [--policies DIR] [--export-file F] [--state F]',
  flags: {
    agent: {
      type: 'string',
      value: 'NAME',
      description: 'registered agent name (may be omitted when --agent-type matches one agent)',
    },
    'agent-type': { type: 'string', value: 'TYPE', description: 'agent type; must agree with the registry' },
    purpose: {
      type: 'string',
      value: 'TEXT',
      description: 'why this job needs credentials (default: the registry purpose)',
    },
    'id-token-env': {
      type: 'string',
      value: 'VAR',
      description:
        'variable holding the ID token (GitLab id_tokens) for every provider; not needed in a GitHub Actions step',
    },
    'aws-id-token-env': {
      type: 'string',
      value: 'VAR',
      description:
        "variable holding the ID token for AWS (aud: the registry's audience, default sts.amazonaws.com)",
    },
    'vault-id-token-env': {
      type: 'string',
      value: 'VAR',
      description:
        "variable holding the ID token for Vault (aud: the registry's audience, default the Vault URL)",
    },
    'github-id-token-env': {
      type: 'string',
      value: 'VAR',
      description: "variable holding the ID token for a GitHub STS exchange (aud = the sts-url's host)",
    },
    'github-app-id': {
      type: 'string',
      value: 'ID',
      description: "override the registry's GitHub App ID (credentials.github.app-id)",
    },
    'github-app-private-key-env': {
      type: 'string',
      value: 'VAR',
      description: "variable holding the GitHub App's private key (PEM); never pass the key itself as a flag",
    },
    'github-app-private-key-file': {
      type: 'string',
      value: 'FILE',
      description: "file holding the GitHub App's private key (PEM), e.g. a GitLab file variable",
    },
    duration: {
      type: 'string',
      value: 'DURATION',
      description: 'credential lifetime: 900, 900s, 15m, 1h (default 15m)',
    },
    config: { type: 'string', value: 'FILE', description: 'agent registry (default agent-config.yaml)' },
    policies: {
      type: 'string',
      value: 'DIR',
      description: 'AgentPolicy folder (default policies; missing = none)',
    },
    'aws-role-arn': { type: 'string', value: 'ARN', description: 'override the registry AWS role' },
    'aws-region': {
      type: 'string',
      value: 'REGION',
      description: 'AWS region (default: the registry, else AWS_REGION, else AWS_DEFAULT_REGION)',
    },
    'vault-url': { type: 'string', value: 'URL', description: 'override the registry Vault address' },
    'vault-role': { type: 'string', value: 'ROLE', description: 'override the registry Vault role' },
    'export-file': {
      type: 'string',
      value: 'FILE',
      description: "0600 file of `export KEY='value'` lines to source (default .astl/credentials.env)",
    },
    state: {
      type: 'string',
      value: 'FILE',
      description: 'state file for astl revoke (default .astl/state.json)',
    },
    audit: {
      type: 'string',
      value: 'FILE',
      description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
    },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'text (default) or json: the non-secret facts (agent, credentials, expiry, file)',
    },
    'allow-insecure-http': {
      type: 'boolean',
      description:
        'allow a plain http:// Vault URL, AWS_ENDPOINT_URL_STS, GITHUB_API_URL or GitHub sts-url to a non-loopback host (tokens cross the network unencrypted); loopback is always allowed',
    },
  },
  examples: [
    'astl credentials --agent deploy-bot --purpose "Deploy $CI_COMMIT_SHORT_SHA" \\',
    '  --aws-id-token-env AWS_ID_TOKEN --vault-id-token-env VAULT_ID_TOKEN',
    'astl credentials --agent review-bot --github-app-private-key-file "$GITHUB_APP_KEY"   # GH_TOKEN in the env file',
    '. .astl/credentials.env   # in the same job script; then: astl revoke --state .astl/state.json',
  ],
  notes: [
    'Prints only non-secret facts (agent, owner, purpose, identities, expiry). Secrets go to the',
    '0600 env file only; never list it as an artifact or a dotenv report.',
    'Exit codes: 0 credentials ready, 1 a provider refused or failed, 3 refused by the registry or',
    'policy before any token was used, or a usage error.',
    'Every file flag names a path inside the workspace (CI_PROJECT_DIR, GITHUB_WORKSPACE or the',
    'working directory), never in .git/; --github-app-private-key-file may also name a GitLab',
    'file variable (in $CI_PROJECT_DIR.tmp/, where GitLab Runner writes them).',
  ],
};

export async function run(args: Parsed, io: Io): Promise<number> {
  const redactor = new Redactor();
  const say = (text: string) => io.err(redactor.redact(text));
  // Relative to the working directory: GitLab runs every script in the project directory.
  const base = io.cwd;
  // Every file this command reads or writes stays inside the workspace and out of .git/.
  const scope = workspaceScope(io.env, base);
  const inBase = (flag: string, fallback: string, file = true) => {
    const given = str(args, flag) || fallback;
    const checked = resolveWorkspacePath(given, scope, { what: `--${flag}` });
    const path = isAbsolute(given) ? given : join(base, given);
    // A folder where a file goes (or a file where a folder goes) would fail only after a token
    // was issued: say so now.
    if (file && checked.exists && statSync(checked.real).isDirectory()) {
      throw new UsageError(
        `--${flag} ${given} is a folder, not a file`,
        `name a file, e.g. --${flag} ${fallback}`,
      );
    }
    if (file) checkOutputPath(`--${flag}`, path, given);
    return path;
  };
  const envFile = inBase('export-file', '.astl/credentials.env');
  const stateFile = inBase('state', '.astl/state.json');
  const auditFile = inBase('audit', '.astl/audit.jsonl');
  inBase('config', 'agent-config.yaml', false);
  inBase('policies', 'policies', false);
  const allowInsecureHttp = bool(args, 'allow-insecure-http');
  if (str(args, 'vault-url')) {
    checkCredentialTransport(str(args, 'vault-url')!, {
      what: '--vault-url',
      allowInsecure: allowInsecureHttp,
      optIn: '--allow-insecure-http',
      sends: 'the OIDC token and the Vault token',
    });
  }

  const format = choice(args, 'format', ['text', 'json'] as const, 'text');
  const tokenVars = {
    any: str(args, 'id-token-env') || undefined,
    aws: str(args, 'aws-id-token-env') || undefined,
    vault: str(args, 'vault-id-token-env') || undefined,
    github: str(args, 'github-id-token-env') || undefined,
  };
  const noTokenVars = !tokenVars.any && !tokenVars.aws && !tokenVars.vault && !tokenVars.github;
  // The App's key is a secret: registered for redaction the moment it is read, before any check.
  const githubAppKey = readAppKey(args, io, redactor, scope);
  // In a GitHub Actions step the runner mints tokens per audience; elsewhere a variable must hold one.
  const onGitHubRunner = Boolean(
    io.env.ACTIONS_ID_TOKEN_REQUEST_URL && io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
  );
  // App mode needs no ID token at all (the key signs the App JWT).
  if (noTokenVars && !onGitHubRunner && !githubAppKey) {
    throw new UsageError(
      "'astl credentials' needs the variable that holds the job's ID token: --id-token-env VAR (or --aws-id-token-env / --vault-id-token-env / --github-id-token-env); an agent with only a GitHub App needs its key instead: --github-app-private-key-file FILE or --github-app-private-key-env VAR",
      'in GitLab, declare `id_tokens: { AWS_ID_TOKEN: { aud: sts.amazonaws.com } }` and pass --aws-id-token-env AWS_ID_TOKEN; for a GitHub App, pass the File-type variable that holds its .pem: --github-app-private-key-file "$GITHUB_APP_KEY"',
    );
  }
  const agent = str(args, 'agent')?.trim() || undefined;
  const agentType = str(args, 'agent-type')?.trim() || undefined;
  if (!agent && !agentType) {
    throw new UsageError("'astl credentials' needs --agent (or --agent-type when one agent has that type)");
  }
  const durationText = str(args, 'duration')?.trim();
  const durationSeconds = durationText ? parseDuration(durationText, '--duration') : undefined;

  const env = io.env;
  const purpose = purposeText(oneLine(args, 'purpose'), env, (m) =>
    say(`${paint(io, 'yellow', 'warning')}: ${m}`),
  );
  const request: CredentialRequest = {
    ...(agent ? { agent } : {}),
    ...(agentType ? { agentType } : {}),
    ...(purpose ? { purpose } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    configPath: str(args, 'config') || 'agent-config.yaml',
    policiesDir: str(args, 'policies') || 'policies',
    workspace: base,
    workspaceRoot: scope.root,
    transport: { allowInsecureHttp, optIn: '--allow-insecure-http' },
    run: ciRun(env),
  };
  const aws = { roleArn: str(args, 'aws-role-arn'), region: str(args, 'aws-region') };
  if (aws.roleArn || aws.region) request.aws = strip(aws);
  const vault = { url: str(args, 'vault-url'), role: str(args, 'vault-role') };
  if (vault.url || vault.role) request.vault = strip(vault);
  // GITHUB_API_URL is honoured everywhere (GitHub Enterprise Server); the default owner and
  // repository only inside GitHub Actions, where GITHUB_REPOSITORY is the job's repository.
  const onGitHubActions = !env.GITLAB_CI && Boolean(env.GITHUB_ACTIONS);
  const githubAppId = str(args, 'github-app-id')?.trim();
  request.github = strip({
    appId: githubAppId,
    privateKey: githubAppKey,
    apiUrl: env.GITHUB_API_URL,
    repository: onGitHubActions ? env.GITHUB_REPOSITORY : undefined,
  });

  const logger = {
    info: (m: string) => say(m),
    warning: (m: string) => say(`${paint(io, 'yellow', 'warning')}: ${m}`),
    debug: (m: string) => {
      if (env.ASTL_DEBUG) say(`debug: ${m}`);
    },
  };

  // The engine (registry, schemas, providers) loads only now, so --help and usage errors stay fast.
  const {
    AWS_REGION_PATTERN,
    applyAuditLevel,
    GITHUB_APP_ID_PATTERN,
    githubIdTokenSource,
    issuedBeforeFailure,
    issuedCredentials,
    MintFailure,
    mintCredentials,
    stateSecrets,
    toJsonLines,
  } = await import('../../../packages/credentials/index.js');
  const { decodeTokenClaims } = await import('../../../packages/providers/oidc.js');
  if (aws.region && !AWS_REGION_PATTERN.test(aws.region)) {
    throw new UsageError(
      `--aws-region '${aws.region}' is not an AWS region`,
      'write a region code, e.g. --aws-region us-east-1',
    );
  }
  if (githubAppId && !GITHUB_APP_ID_PATTERN.test(githubAppId)) {
    throw new UsageError(
      `--github-app-id ${githubAppId}: not a GitHub App ID`,
      "give the App's numeric ID (or its client ID, Iv…), from the App's settings page",
    );
  }
  const saveState = (state: RevocationState) => {
    for (const secret of stateSecrets(state)) redactor.add(secret);
    writePrivateFile(stateFile, `${JSON.stringify({ ...state, cli: { envFile } }, null, 2)}\n`, '--state');
  };
  const appendAudit = (file: string, events: AuditEvent[]) => {
    if (events.length === 0) return;
    writeFlagFile('--audit', file, redactor.redact(toJsonLines(events)), {
      append: true,
      mode: 0o600,
      scope,
    });
  };

  let result: MintResult;
  try {
    result = await mintCredentials(request, {
      getIdToken: noTokenVars ? githubIdTokenSource(env) : idTokenFromEnv(tokenVars, env, decodeTokenClaims),
      registerSecret: (v) => redactor.add(v),
      onState: saveState,
      logger,
      env,
    });
  } catch (err) {
    if (!(err instanceof MintFailure)) throw err;
    // Only what was really issued is named (and kept for `astl revoke`): nothing, when the
    // request was refused or the ID token could not be had.
    const issued = issuedCredentials(err.state);
    if (err.state && issued.length > 0) {
      saveState(err.state);
      say(
        issuedBeforeFailure(
          issued,
          `'astl revoke --state ${str(args, 'state') || '.astl/state.json'}' revokes what can be revoked`,
        )!,
      );
    }
    appendAudit(auditFile, applyAuditLevel(err.audit, err.state?.auditLevel ?? 'full'));
    const cause = err.error;
    say(`astl: ${formatError(cause)}`);
    say(`correlation id ${err.correlationId}`);
    if (!(cause instanceof AstlError)) return EXIT.usage;
    return err.refused ? EXIT.usage : EXIT.deny;
  }

  // Every secret is registered; now they may go to the private env file, and only there.
  writePrivateFile(
    envFile,
    envFileText({
      ...result.env,
      ASTL_AGENT: result.agent,
      ASTL_AGENT_TYPE: result.type,
      ASTL_CORRELATION_ID: result.correlationId,
      ASTL_EXPIRES_AT: result.outputs.expiresAt,
    }),
    '--export-file',
  );
  appendAudit(auditFile, applyAuditLevel(result.audit, result.auditLevel));
  for (const w of result.warnings) logger.warning(w);
  const facts = {
    agent: result.agent,
    owner: result.owner,
    type: result.type,
    purpose: result.purpose,
    correlationId: result.correlationId,
    policies: result.appliedPolicies,
    expiresAt: result.outputs.expiresAt,
    credentials: result.credentials,
    exportFile: envFile,
    variables: Object.keys(result.env),
    ...(result.outputs.awsSessionName ? { awsSessionName: result.outputs.awsSessionName } : {}),
    ...(result.outputs.vaultTokenAccessor ? { vaultTokenAccessor: result.outputs.vaultTokenAccessor } : {}),
    ...(result.outputs.githubInstallationId
      ? { githubInstallationId: result.outputs.githubInstallationId }
      : {}),
    ...(result.outputs.githubPermissions
      ? { githubPermissions: JSON.parse(result.outputs.githubPermissions) as Record<string, string> }
      : {}),
  };
  io.out(redactor.redact(format === 'json' ? JSON.stringify(facts, null, 2) : summary(result, envFile, io)));
  return EXIT.ok;
}

function summary(r: MintResult, envFile: string, io: Io): string {
  const lines = [
    `${paint(io, 'green', 'credentials ready')} for agent ${r.agent}`,
    `  owner:          ${r.owner}`,
    `  type:           ${r.type}`,
    `  purpose:        ${r.purpose}`,
    `  correlation id: ${r.correlationId}`,
    `  policies:       ${r.appliedPolicies.join(', ') || 'none'}`,
  ];
  for (const c of r.credentials) {
    lines.push(`  ${c.provider.padEnd(6)}  ${c.identity}`);
    lines.push(`          expires ${c.expiresAt} (${formatDuration(c.ttlSeconds)})`);
  }
  const names = Object.keys(r.env);
  lines.push(
    `  env file:       ${envFile} (${names.join(', ') || 'no variables'}, ASTL_AGENT, ASTL_AGENT_TYPE, ASTL_CORRELATION_ID, ASTL_EXPIRES_AT)`,
  );
  return lines.join('\n');
}

/**
 * The --purpose text. In a GitLab job, `$CI_COMMIT_SHORT_SHA`-style references to GitLab's
 * predefined, non-secret variables are expanded here (the component passes the text with
 * `expand: false`, so GitLab never puts a masked variable into it); see packages/core/ci-variables.
 */
function purposeText(
  raw: string | undefined,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (env.GITLAB_CI !== 'true') return text;
  const expansion = expandGitLabVariables(text, env);
  for (const w of expansion.warnings) warn(`--purpose: ${w}`);
  // A variable's value (a commit or merge request title) must not bring a line break in.
  const bad = findControlCharacter(expansion.text);
  if (bad) {
    throw new UsageError(
      `--purpose expands to text with the control character ${bad.codePoint} at position ${bad.index + 1}`,
      'name variables that hold one line of plain text in --purpose (such as $CI_COMMIT_SHORT_SHA)',
    );
  }
  return expansion.text.trim() || undefined;
}

/** CI context for session names and audit records (GitLab's, else GitHub's, variables). */
function ciRun(env: NodeJS.ProcessEnv): CredentialRequest['run'] {
  const github = !env.GITLAB_CI && Boolean(env.GITHUB_ACTIONS);
  const run: CredentialRequest['run'] = github
    ? { runId: env.GITHUB_RUN_ID || 'local', platform: 'github' }
    : { runId: env.CI_PIPELINE_ID || env.CI_JOB_ID || 'local', platform: env.GITLAB_CI ? 'gitlab' : 'cli' };
  const fields: Record<string, string | undefined> = github
    ? {
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        repository: env.GITHUB_REPOSITORY,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        actor: env.GITHUB_ACTOR,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
      }
    : {
        runAttempt: env.CI_JOB_ID,
        repository: env.CI_PROJECT_PATH,
        workflow: env.CI_PIPELINE_NAME || env.CI_PIPELINE_SOURCE,
        job: env.CI_JOB_NAME,
        actor: env.GITLAB_USER_LOGIN,
        sha: env.CI_COMMIT_SHA,
        ref: env.CI_COMMIT_REF_NAME,
        environment: env.CI_ENVIRONMENT_NAME,
      };
  for (const [key, value] of Object.entries(fields)) {
    if (value) (run as unknown as Record<string, string>)[key] = value;
  }
  return run;
}

/** Where each provider's audience is set, for the fix of an audience mismatch. */
const AUDIENCE_SETTING = {
  aws: { variable: 'AWS_ID_TOKEN', input: 'aws_audience', registry: 'credentials.aws.audience' },
  vault: { variable: 'VAULT_ID_TOKEN', input: 'vault_audience', registry: 'credentials.vault.audience' },
} as const;

/**
 * GitLab mints each ID token for a fixed audience, so a provider's token is the configured
 * variable whose `aud` claim includes the audience the provider expects. Picking by claim (not
 * by position) turns an audience mismatch into a clear error here instead of a refusal there;
 * the error names the asking provider's own variable and component input.
 */
export function idTokenFromEnv(
  vars: { any?: string; aws?: string; vault?: string; github?: string },
  env: NodeJS.ProcessEnv,
  decodeTokenClaims: (jwt: string) => { aud?: unknown } | undefined,
): (audience: string, deadline: Deadline, provider?: 'aws' | 'vault' | 'github') => Promise<string> {
  return async (audience, _deadline, provider) => {
    // The asking provider's own variable first, then the others (one token may serve several).
    const own = provider ? vars[provider] : undefined;
    const candidates = [
      ...new Set([own, vars.aws, vars.vault, vars.github, vars.any].filter((v): v is string => Boolean(v))),
    ];
    const seen: string[] = [];
    for (const name of candidates) {
      const token = env[name]?.trim();
      if (!token) {
        seen.push(`${name} is not set`);
        continue;
      }
      const aud = decodeTokenClaims(token)?.aud;
      const auds = Array.isArray(aud) ? aud.map(String) : aud === undefined ? [] : [String(aud)];
      if (auds.includes(audience)) return token;
      seen.push(`${name} has aud ${auds.length ? auds.map((a) => `'${a}'`).join(', ') : '(none)'}`);
    }
    if (candidates.length === 1 && env[candidates[0]!]?.trim() && seen[0]?.includes('(none)')) {
      return env[candidates[0]!]!.trim(); // not a JWT we can read: let the provider judge it
    }
    const setting = provider && provider !== 'github' ? AUDIENCE_SETTING[provider] : undefined;
    const variable = own ?? vars.any ?? setting?.variable ?? candidates[0] ?? 'ID_TOKEN';
    const who =
      provider === 'aws'
        ? 'AWS'
        : provider === 'vault'
          ? 'Vault'
          : provider === 'github'
            ? 'the GitHub token exchange'
            : 'the provider';
    const flag = provider ? `--${provider}-id-token-env` : '--id-token-env';
    throw new AstlError(`no ID token with audience '${audience}' for ${who}: ${seen.join('; ')}`, {
      code: 'OIDC_AUDIENCE_MISMATCH',
      hint: setting
        ? `${who} expects aud '${audience}' (the registry's ${setting.registry}, or the default${provider === 'vault' ? ': the Vault URL' : ''}). Mint ${variable} with that audience: ${provider === 'vault' ? `the agent-credentials component's default is $VAULT_SERVER_URL, so set the CI/CD variable VAULT_SERVER_URL to ${audience}, or ` : 'in the agent-credentials component '}set the input \`${setting.input}: ${audience}\` (or set ${setting.registry} to the audience ${variable} has), and name the variable with ${flag}`
        : `give the job an ID token whose aud is '${audience}' (GitLab id_tokens) and name its variable with --aws-id-token-env / --vault-id-token-env / --github-id-token-env`,
      fix: `id_tokens:\n  ${variable}:\n    aud: ${audience}\n`,
    });
  };
}

/**
 * The GitHub App key from --github-app-private-key-env VAR or --github-app-private-key-file FILE
 * (never a flag value, which `ps` shows), redacted from every line this command prints.
 */
function readAppKey(args: Parsed, io: Io, redactor: Redactor, scope: WorkspaceScope): string | undefined {
  const variable = str(args, 'github-app-private-key-env')?.trim();
  const file = str(args, 'github-app-private-key-file')?.trim();
  if (variable && file) {
    throw new UsageError(
      'give the GitHub App key once: --github-app-private-key-env or --github-app-private-key-file, not both',
    );
  }
  let key: string | undefined;
  if (variable) {
    key = io.env[variable];
    if (!key?.trim()) {
      throw new UsageError(
        `--github-app-private-key-env ${variable}: the variable is not set or empty`,
        "store the App's private key in a masked CI/CD variable of that name (or use a file variable with --github-app-private-key-file)",
      );
    }
    // A File-type CI/CD variable holds the path GitLab Runner wrote the PEM to: read that file.
    if (isFileVariablePath(key, io)) key = readAppKeyFile(key.trim(), io, scope);
  } else if (file) {
    key = readAppKeyFile(file, io, scope);
  }
  if (!key?.trim()) return undefined;
  redactor.add(key);
  redactor.add(normalizePrivateKeyText(key)); // the form the engine parses (github-app-key.ts)
  return key;
}

/** True for a GitLab File-type variable's value: one line, not PEM, a file in `${CI_PROJECT_DIR}.tmp/`. */
function isFileVariablePath(value: string, io: Io): boolean {
  const text = value.trim();
  if (/[\r\n]/.test(text) || text.includes('-----')) return false;
  const folder = gitLabFileVariableScope(io.env, io.cwd);
  if (!folder) return false;
  const checked = inspectWorkspacePath(text, folder);
  return !isPathProblem(checked) && checked.exists;
}

/**
 * The key file: inside the workspace like every file flag, or, in a GitLab job, a file variable.
 * GitLab Runner writes file-type CI/CD variables to its temporary project folder
 * `${CI_PROJECT_DIR}.tmp/` (beside the checkout, not in it), and a masked file variable is where
 * GitLab's docs tell people to keep a PEM. That one folder is allowed as well, with the same
 * checks (symbolic links resolved, opened without following a last-moment link); nothing else
 * outside the workspace is. Errors name the path, never the file's content.
 */
function readAppKeyFile(file: string, io: Io, scope: WorkspaceScope): string {
  const use = { what: '--github-app-private-key-file' };
  const fileVariables = gitLabFileVariableScope(io.env, io.cwd);
  const inWorkspace = inspectWorkspacePath(file, scope);
  const from =
    isPathProblem(inWorkspace) && fileVariables && !isPathProblem(inspectWorkspacePath(file, fileVariables))
      ? fileVariables
      : scope;
  try {
    return readWorkspaceFile(file, from, use).toString('utf8');
  } catch (err) {
    if (err instanceof AstlError) {
      throw new UsageError(
        `--github-app-private-key-file ${err.message}`,
        `the key file must be in the workspace, or in a GitLab job a file variable (GitLab Runner writes those to ${'$'}{CI_PROJECT_DIR}.tmp/); or pass the key in a variable with --github-app-private-key-env`,
      );
    }
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      `--github-app-private-key-file ${file}: ${code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code})`}`,
      'point it at the PEM file GitHub generated for the App (a GitLab file variable gives such a path)',
    );
  }
}

function strip<T extends Record<string, string | undefined>>(o: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v)) as { [K in keyof T]?: string };
}
