/**
 * `astl revoke`: the after_script half of `astl credentials`. Revokes the Vault token (child
 * tokens and leases go with it) and the GitHub installation token (`DELETE
 * /installation/token`), says when the AWS session expires (STS sessions cannot be revoked one by
 * one), then deletes the env and state files. A revocation problem is a warning:
 * it never fails the job, since after_script runs when the job's outcome is already decided.
 *
 * The state file is data anyone with write access to the workspace could have forged, so it
 * chooses nothing: the Vault token goes only to an address the registry names for the agent (or
 * one given to this command with --vault-url), the GitHub token only to GITHUB_API_URL as this
 * job sets it, both over https unless allowed, and the only files
 * deleted are the state file itself and an env file this CLI wrote next to it.
 */
import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { AstlError, describeError } from '../../../packages/core/errors.js';
import { Redactor } from '../../../packages/core/redact.js';
import {
  readWorkspaceFile,
  resolveWorkspacePath,
  type WorkspaceScope,
  workspaceScope,
  writeWorkspaceFile,
} from '../../../packages/core/workspace-path.js';
import type { RevocationState } from '../../../packages/credentials/types.js';
import { bool, list, type Parsed, str, type VerbSpec } from '../args.js';
import { EXIT, UsageError } from '../exit.js';
import { ENV_FILE_HEADER } from '../files.js';
import { type Io, paint } from '../io.js';

export const spec: VerbSpec = {
  name: 'revoke',
  summary: 'revoke what `astl credentials` minted and delete its files',
  usage: 'astl revoke [--state FILE] [--config FILE] [--vault-url URL] [--audit FILE]',
  flags: {
    state: {
      type: 'string',
      value: 'FILE',
      description: 'state file written by astl credentials (default .astl/state.json, as there)',
    },
    config: {
      type: 'string',
      value: 'FILE',
      description: 'agent registry naming the Vault the token may be sent to (default agent-config.yaml)',
    },
    'vault-url': {
      type: 'string',
      value: 'URL',
      multiple: true,
      description: 'a Vault address astl credentials was given with --vault-url (the token may go there too)',
    },
    'allow-insecure-http': {
      type: 'boolean',
      description:
        'allow a plain http:// Vault address or GITHUB_API_URL to a non-loopback host (as astl credentials was)',
    },
    audit: {
      type: 'string',
      value: 'FILE',
      description: 'append audit events as JSON lines (default .astl/audit.jsonl)',
    },
  },
  examples: [
    'astl revoke   # in after_script, which runs even when the script fails (--state .astl/state.json)',
  ],
  notes: [
    'The token is sent only to a Vault the registry names for the agent (or a --vault-url given',
    'here), the GitHub token only to GITHUB_API_URL (default https://api.github.com); only the',
    'state file and the env file astl credentials wrote next to it are deleted.',
    'Exit code 0 unless the command line is wrong (3): a failed revocation is a warning.',
  ],
};

export async function run(args: Parsed, io: Io): Promise<number> {
  // Relative to the working directory: GitLab runs every script in the project directory.
  const scope = workspaceScope(io.env, io.cwd);
  const stateArg = str(args, 'state') || '.astl/state.json';
  const redactor = new Redactor();
  const say = (text: string) => io.err(redactor.redact(text));
  const warn = (text: string) => say(`${paint(io, 'yellow', 'warning')}: ${text}`);

  const statePath = resolveWorkspacePath(stateArg, scope, { what: '--state' });
  // A bad --audit must not keep a live token from being revoked: the audit is skipped with a
  // warning. A bad --config stays a usage error (exit 3) that keeps the state for a second try.
  const auditFile = auditPath(str(args, 'audit') || '.astl/audit.jsonl', scope, warn);
  const configArg = str(args, 'config') || 'agent-config.yaml';
  resolveWorkspacePath(configArg, scope, { what: '--config' });

  if (!statePath.exists) {
    io.out(`nothing to revoke: ${stateArg} does not exist (no credentials were issued)`);
    return EXIT.ok;
  }
  const text = readStateText(stateArg, scope);
  // Module by module: revoking loads the providers' revocation parts only, no minting code.
  const [
    { applyAuditLevel, toJsonLines },
    { defaultRevokers },
    { parseRevocationState, revokeCredentials, stateSecrets },
  ] = await Promise.all([
    import('../../../packages/credentials/audit.js'),
    import('../../../packages/credentials/providers/revokers.js'),
    import('../../../packages/credentials/revoke.js'),
  ]);
  const state = parseRevocationState(text);
  if (!state) {
    // Not ours: nothing is revoked and nothing deleted (it may be any file of the project).
    warn(`${stateArg} is not an astl state file; nothing revoked, nothing deleted`);
    return EXIT.ok;
  }
  for (const secret of stateSecrets(state)) redactor.add(secret);

  try {
    const vaultRefusal = await vaultGuard(state, args, io, configArg, scope);
    const githubRefusal = await githubGuard(state, args, io);
    const result = await revokeCredentials(
      state,
      {
        registerSecret: (v) => redactor.add(v),
        logger: {
          info: (m) => say(m),
          warning: (m) => warn(m),
          debug: (m) => {
            if (io.env.ASTL_DEBUG) say(`debug: ${m}`);
          },
        },
      },
      defaultRevokers(),
      {
        revoke: true,
        refusals: {
          ...(vaultRefusal ? { vault: vaultRefusal } : {}),
          ...(githubRefusal ? { github: githubRefusal } : {}),
        },
      },
    );
    for (const w of result.warnings) warn(w);
    if (auditFile)
      appendAudit(
        auditFile,
        redactor.redact(toJsonLines(applyAuditLevel(result.audit, state.auditLevel))),
        warn,
        scope,
      );
    const lines = [`revocation for agent ${result.agent} (correlation id ${result.correlationId})`];
    for (const e of result.entries) lines.push(`  ${e.provider.padEnd(6)} ${e.outcome}: ${e.message}`);
    io.out(redactor.redact(lines.join('\n')));
  } catch (err) {
    warn(`revocation failed: ${describeError(err)}`);
  } finally {
    // The files hold the secrets; they go whatever happened above.
    removeFiles(statePath.real, envFileOf(text), io.cwd, scope, warn);
  }
  return EXIT.ok;
}

/** The state's text; a folder or an unreadable file is a usage error with the fix, not a stack. */
function readStateText(stateArg: string, scope: WorkspaceScope): string {
  try {
    return readWorkspaceFile(stateArg, scope, { what: '--state' }).toString('utf8');
  } catch (err) {
    if (err instanceof AstlError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(
      code === 'EISDIR'
        ? `--state ${stateArg} is a folder, not a state file`
        : `cannot read --state ${stateArg} (${code})`,
      'pass the file astl credentials wrote with --state (default .astl/state.json)',
    );
  }
}

/** Why the Vault token must not be sent: the registry's addresses for the agent, and transport. */
async function vaultGuard(
  state: RevocationState,
  args: Parsed,
  io: Io,
  configArg: string,
  scope: WorkspaceScope,
): Promise<string | undefined> {
  if (!state.vault) return undefined;
  const { vaultRevocationRefusal } = await import('../../../packages/credentials/revoke-guard.js');
  const { loadRegistry } = await import('../../../packages/registry/registry.js');
  const guard = {
    allowInsecureHttp: bool(args, 'allow-insecure-http'),
    optIn: '--allow-insecure-http',
    override: '--vault-url to astl revoke',
    source: configArg,
  };
  let allowed: string[];
  try {
    const registry = loadRegistry(isAbsolute(configArg) ? configArg : join(io.cwd, configArg), {
      workspace: scope,
      use: { what: '--config' },
    });
    const url = registry.agents.find((a) => a.name === state.agent)?.credentials.vault?.url;
    allowed = [...(url ? [url] : []), ...list(args, 'vault-url')];
  } catch (err) {
    const overrides = list(args, 'vault-url');
    if (overrides.length === 0) {
      const reason = err instanceof AstlError ? err.message : describeError(err);
      return `not sent: the registry could not be read to confirm the Vault address (${reason}); pass --config with the registry astl credentials used`;
    }
    allowed = overrides;
  }
  return vaultRevocationRefusal(state, { ...guard, allowedVaultUrls: allowed });
}

/**
 * Why the GitHub token must not be sent: only to GITHUB_API_URL as this job sets it (default
 * https://api.github.com), the same variable `astl credentials` minted with; never the state's URL alone.
 */
async function githubGuard(state: RevocationState, args: Parsed, io: Io): Promise<string | undefined> {
  if (!state.github) return undefined;
  const { githubApiFromEnv, githubRevocationRefusal } = await import(
    '../../../packages/credentials/revoke-guard.js'
  );
  return githubRevocationRefusal(state, {
    ...githubApiFromEnv(io.env),
    allowInsecureHttp: bool(args, 'allow-insecure-http'),
    optIn: '--allow-insecure-http',
  });
}

/** The env file the state names, if it is a string. */
function envFileOf(text: string): string | undefined {
  try {
    const f = (JSON.parse(text) as { cli?: { envFile?: unknown } }).cli?.envFile;
    return typeof f === 'string' && f !== '' ? f : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Deletes the state file, and the env file only when it is a regular file in the same folder,
 * inside the workspace, that starts with the header astl credentials writes. Every problem is
 * one warning line with the path and what to do.
 */
function removeFiles(
  stateReal: string,
  envFile: string | undefined,
  cwd: string,
  scope: WorkspaceScope,
  warn: (m: string) => void,
): void {
  removeOne(stateReal, warn);
  if (!envFile) return;
  const leave = (why: string) =>
    warn(`left ${envFile} in place: ${why}; delete it yourself if astl wrote it`);
  let real: string;
  try {
    real = resolveWorkspacePath(
      envFile,
      { root: scope.root, base: cwd },
      { what: 'the env file in the state' },
    ).real;
  } catch (err) {
    leave(err instanceof AstlError ? err.message : String(err));
    return;
  }
  if (dirname(real) !== dirname(stateReal)) {
    leave(`it is not in the state file's folder ${dirname(stateReal)}`);
    return;
  }
  try {
    const info = lstatSync(real);
    if (!info.isFile()) {
      leave('it is not a regular file');
      return;
    }
    const head = readFileSync(real, 'utf8').slice(0, ENV_FILE_HEADER.length);
    if (head !== ENV_FILE_HEADER) {
      leave('it was not written by astl credentials');
      return;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') leave(`cannot read it (${code ?? String(err)})`);
    return;
  }
  removeOne(real, warn);
}

function removeOne(path: string, warn: (m: string) => void): void {
  try {
    rmSync(path, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    warn(`could not delete ${path} (${code}); delete it by hand: it holds credentials`);
  }
}

/** The audit file's absolute path, or undefined (with a warning) when --audit fails the workspace rule. */
function auditPath(arg: string, scope: WorkspaceScope, warn: (m: string) => void): string | undefined {
  try {
    return resolveWorkspacePath(arg, scope, { what: '--audit' }).absolute;
  } catch (err) {
    warn(`${describeError(err)}; the credentials are still revoked, without an audit record`);
    return undefined;
  }
}

function appendAudit(file: string, text: string, warn: (m: string) => void, scope: WorkspaceScope): void {
  if (text === '') return;
  try {
    writeWorkspaceFile(
      file,
      text,
      scope,
      { what: '--audit' },
      {
        append: true,
        mode: 0o600,
        folderMode: 0o700,
      },
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    warn(`could not append the audit events to ${file} (${code}); pass --audit with a writable file path`);
  }
}
