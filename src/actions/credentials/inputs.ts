/**
 * Every input of the root action, read and validated in one place. A bad value is an AstlError
 * naming the input, what was expected and how to fix it; nothing past this file reads inputs.
 */
import {
  AstlError,
  AstlErrors,
  checkCredentialTransport,
  checkEnvName,
  findControlCharacter,
  parseDuration,
  resolveWorkspacePath,
} from '../../../packages/core/index.js';
import type { CredentialRequest, VaultSecretRead } from '../../../packages/credentials/index.js';
import { AWS_REGION_PATTERN } from '../../../packages/credentials/providers/aws.js';
import { GITHUB_APP_ID_PATTERN } from '../../../packages/credentials/providers/github.js';
import { normalizePrivateKeyText } from '../../../packages/providers/github-app-key.js';
import { parseVaultSecrets } from '../../../packages/providers/vault-secrets.js';
import { getInput, setSecret } from '../runner.js';

export interface CredentialsInputs {
  request: CredentialRequest;
  exportEnv: boolean;
  outputCredentials: boolean;
  revoke: boolean;
  /** Overall deadline of the main step (ASTL_DEADLINE_SECONDS, default 60 s). */
  deadlineMs: number;
}

export type InputReader = (name: string) => string;

const AGENT_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** IAM role ARNs in every partition (aws, aws-cn, aws-us-gov, ...), paths allowed. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const DEFAULT_DEADLINE_SECONDS = 60;

function inputError(input: string, message: string, hint: string, fix?: string): AstlError {
  // The location prints as "input 'duration': ..." in front of the message.
  return new AstlError(message, {
    code: 'INPUT_INVALID',
    location: { file: `input '${input}'` },
    hint,
    fix,
  });
}

function bool(read: InputReader, name: string, fallback: boolean, errors: AstlError[]): boolean {
  const raw = read(name).trim();
  if (raw === '') return fallback;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  errors.push(inputError(name, `'${raw}' is not a boolean`, `use true or false`, `${name}: ${fallback}`));
  return fallback;
}

/**
 * Validates all inputs and reports every problem at once. `env` supplies the run context
 * (GITHUB_RUN_ID, ...) and the test-only knobs (ASTL_DEADLINE_SECONDS, ASTL_ENVIRONMENT).
 */
export function parseInputs(
  read: InputReader,
  env: Record<string, string | undefined> = process.env,
): CredentialsInputs {
  const errors: AstlError[] = [];
  const opt = (name: string) => read(name).trim() || undefined;

  const agent = opt('agent');
  if (agent !== undefined && !AGENT_NAME.test(agent)) {
    errors.push(
      inputError(
        'agent',
        `'${agent}' is not an agent name`,
        'agent names are lower-case letters, digits and dashes, as in the registry',
        'agent: code-review-assistant',
      ),
    );
  }
  const agentType = opt('agent-type');
  if (agent === undefined && agentType === undefined) {
    errors.push(
      inputError(
        'agent',
        'neither agent nor agent-type is set',
        'name the registered agent this job acts as (or its type, when only one agent has it)',
        'with:\n  agent: code-review-assistant\n  purpose: "Review pull requests"',
      ),
    );
  }

  // The purpose is printed in logs and summaries and kept in audit records: one line of text.
  const purposeControl = findControlCharacter(opt('purpose') ?? '');
  if (purposeControl) {
    errors.push(
      inputError(
        'purpose',
        `the purpose contains the control character ${purposeControl.codePoint} at position ${purposeControl.index + 1}`,
        'write the purpose as one line of plain text (no line breaks, tabs or other control characters)',
        'purpose: "Review pull requests"',
      ),
    );
  }

  let durationSeconds: number | undefined;
  const durationText = opt('duration');
  if (durationText !== undefined) {
    try {
      durationSeconds = parseDuration(durationText, "input 'duration'");
    } catch {
      errors.push(
        inputError(
          'duration',
          `'${durationText}' is not a duration`,
          'use seconds (900 or 900s), minutes (15m), hours (1h) or a combination (1h30m)',
          'duration: 15m',
        ),
      );
    }
  }

  const roleArn = opt('aws-role-arn');
  if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
    errors.push(
      inputError(
        'aws-role-arn',
        `'${roleArn}' is not an IAM role ARN`,
        'expected arn:aws:iam::<12-digit account id>:role/<role name>',
        'aws-role-arn: arn:aws:iam::111122223333:role/review-bot',
      ),
    );
  }
  const region = opt('aws-region');
  if (region !== undefined && !AWS_REGION_PATTERN.test(region)) {
    errors.push(
      inputError(
        'aws-region',
        `'${region}' is not an AWS region`,
        'expected a region code',
        'aws-region: us-east-1',
      ),
    );
  }

  const allowInsecureHttp = bool(read, 'allow-insecure-http', false, errors);
  const vaultUrl = opt('vault-url');
  if (vaultUrl !== undefined) {
    // https, or http to loopback, or the explicit opt-in; never echoes a password in the URL.
    try {
      checkCredentialTransport(vaultUrl, {
        what: "input 'vault-url'",
        allowInsecure: allowInsecureHttp,
        optIn: 'the input allow-insecure-http: true',
        sends: 'the OIDC token and the Vault token',
      });
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      errors.push(
        new AstlError(err.message, {
          code: 'INPUT_INVALID',
          location: { file: "input 'vault-url'" },
          hint: err.hint,
          fix: 'vault-url: https://vault.example.com:8200',
        }),
      );
    }
  }
  const authPath = opt('vault-auth-path')?.replace(/^\/+|\/+$/g, '');
  if (authPath !== undefined && !/^[\w.-]+(\/[\w.-]+)*$/.test(authPath)) {
    errors.push(
      inputError(
        'vault-auth-path',
        `'${authPath}' is not a Vault auth mount path`,
        'give the mount path of the JWT auth method, without auth/ or /login',
        'vault-auth-path: jwt',
      ),
    );
  }

  let vaultSecrets: (VaultSecretRead & { line: number })[] = [];
  const secretsText = read('vault-secrets');
  if (secretsText.trim()) {
    try {
      vaultSecrets = parseVaultSecrets(secretsText, "input 'vault-secrets'").map((r) => ({
        path: r.path,
        key: r.key,
        env: r.envName,
        line: r.line,
      }));
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      errors.push(...(err instanceof AstlErrors ? err.errors : [err]));
    }
    // Names that change how later steps run (PATH, LD_*, NODE_OPTIONS, GITHUB_*...): core/env-names.
    for (const r of vaultSecrets) {
      const problem = checkEnvName(r.env, {
        location: { file: "input 'vault-secrets'" },
        code: 'INPUT_INVALID',
      });
      if (problem) {
        errors.push(
          new AstlError(problem.message, {
            code: 'INPUT_INVALID',
            location: { file: "input 'vault-secrets'", line: r.line },
            hint: `${problem.hint}; write it after "|"`,
          }),
        );
      }
    }
  }

  const githubAppId = opt('github-app-id');
  if (githubAppId !== undefined && !GITHUB_APP_ID_PATTERN.test(githubAppId)) {
    errors.push(
      inputError(
        'github-app-id',
        `'${githubAppId}' is not a GitHub App ID`,
        "give the App's numeric ID (or its client ID, Iv…), from the App's settings page",
        'github-app-id: "123456"',
      ),
    );
  }
  // A secret: read as given, never echoed; the caller masked it before this runs.
  const githubAppKey = read('github-app-private-key').trim() || undefined;

  const exportEnv = bool(read, 'export-env', true, errors);
  const outputCredentials = bool(read, 'output-credentials', false, errors);
  const revoke = bool(read, 'revoke', true, errors);

  let deadlineMs = DEFAULT_DEADLINE_SECONDS * 1000;
  const deadlineText = env.ASTL_DEADLINE_SECONDS?.trim();
  if (deadlineText) {
    const n = Number(deadlineText);
    if (!Number.isFinite(n) || n <= 0) {
      errors.push(
        new AstlError(`ASTL_DEADLINE_SECONDS: '${deadlineText}' is not a positive number of seconds`, {
          code: 'INPUT_INVALID',
          hint: 'unset it (60 s) or give seconds, e.g. 120',
        }),
      );
    } else deadlineMs = Math.round(n * 1000);
  }

  // Paths must stay inside the workspace and out of .git/ (core/workspace-path); existence is the
  // engine's to report, with a snippet that creates the file.
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  // On a runner GITHUB_WORKSPACE is the checkout, whatever the step's working directory.
  const scope = { root: workspace, base: workspace };
  for (const [name, fallback] of [
    ['config', 'agent-config.yaml'],
    ['policies', 'policies'],
  ] as const) {
    try {
      resolveWorkspacePath(opt(name) ?? fallback, scope, { what: `input '${name}'`, code: 'INPUT_INVALID' });
    } catch (err) {
      if (!(err instanceof AstlError)) throw err;
      errors.push(err);
    }
  }

  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new AstlErrors(errors, 'INPUT_INVALID');

  const request: CredentialRequest = {
    agent,
    agentType,
    purpose: opt('purpose'),
    durationSeconds,
    configPath: opt('config') ?? 'agent-config.yaml',
    policiesDir: opt('policies') ?? 'policies',
    workspace,
    workspaceRoot: scope.root,
    transport: { allowInsecureHttp, optIn: 'the input allow-insecure-http: true' },
    aws: { roleArn, region, audience: opt('aws-audience') },
    vault: {
      url: vaultUrl,
      role: opt('vault-role'),
      authPath,
      namespace: opt('vault-namespace'),
      audience: opt('vault-audience'),
      secrets: vaultSecrets.map(({ path, key, env: name }) => ({ path, key, env: name })),
    },
    github: {
      appId: githubAppId,
      privateKey: githubAppKey,
      apiUrl: env.GITHUB_API_URL || undefined,
      repository: env.GITHUB_REPOSITORY || undefined,
    },
    run: {
      runId: env.GITHUB_RUN_ID || 'local',
      runAttempt: env.GITHUB_RUN_ATTEMPT,
      repository: env.GITHUB_REPOSITORY,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      actor: env.GITHUB_ACTOR,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      environment: env.ASTL_ENVIRONMENT || undefined,
      platform: 'github',
    },
  };
  return { request, exportEnv, outputCredentials, revoke, deadlineMs };
}

/**
 * The action's inputs as the runner passes them. The App's private key is masked the moment it
 * is read, in every form (each line of the PEM, its one-line `\n` form, its encodings), before
 * any input is validated or anything is printed.
 */
export function getInputs(): CredentialsInputs {
  const key = getInput('github-app-private-key');
  if (key) {
    setSecret(key);
    setSecret(normalizePrivateKeyText(key));
  }
  return parseInputs((name) => getInput(name));
}
