/**
 * The one check for every environment variable name the product exports from text a user
 * controls (registry `secrets[].env`, the `vault-secrets` input, the CLI's env file): the name
 * must be a plain upper-case identifier, and must not be one that changes how later programs in
 * the job run (loaders, interpreters' option and path variables, shells' startup hooks, git's
 * command hooks, TLS trust and proxies, the runner's own variables, and the names this product
 * exports itself). A value is data; a name like LD_PRELOAD or BASH_ENV turns it into code.
 *
 * The list and the reason for each group are documented in docs/security.md ("Environment
 * names"); test/security/env-names.test.ts keeps the two in step.
 */
import { AstlError, type SourceLocation } from './errors.js';
import type { SettingId } from './settings.js';

/** What an exported name must look like: POSIX portable, upper case, not starting with a digit. */
export const ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;

export interface ReservedEnvGroup {
  /** Short label used in messages and docs. */
  label: string;
  /** Why a value under these names changes later programs (one line). */
  why: string;
  /** Exact names (upper case). */
  names: readonly string[];
  /** Name prefixes (upper case); `LD_` covers LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT... */
  prefixes: readonly string[];
}

export const RESERVED_ENV_GROUPS: readonly ReservedEnvGroup[] = [
  {
    label: 'program search path',
    why: 'decides which binary runs for every command name',
    names: ['PATH', 'PATHEXT', 'COMSPEC', 'SHELL', 'PSMODULEPATH'],
    prefixes: [],
  },
  {
    label: 'dynamic loader',
    why: 'loads a library of the attacker’s choosing into every program',
    names: ['GCONV_PATH', 'GLIBC_TUNABLES', 'LOCPATH', 'NLSPATH'],
    prefixes: ['LD_', 'DYLD_'],
  },
  {
    label: 'shell startup and tracing',
    why: 'shells source or evaluate these before or while running a script',
    names: [
      'ENV',
      'SHELLOPTS',
      'BASHOPTS',
      'PS4',
      'PROMPT_COMMAND',
      'IFS',
      'CDPATH',
      'GLOBIGNORE',
      'ZDOTDIR',
      'FPATH',
    ],
    prefixes: ['BASH_'],
  },
  {
    label: 'Node.js',
    why: 'preloads code (--require/--import), adds module paths or CA certificates, turns off TLS checks, or changes how every later node process loads code, trusts peers, proxies requests or writes files',
    names: [
      'NODE_OPTIONS',
      'NODE_PATH',
      'NODE_EXTRA_CA_CERTS',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'NODE_REPL_EXTERNAL_MODULE',
      // Not a NODE_ prefix: NODE_AUTH_TOKEN is a legitimate export (setup-node's npm token).
      'NODE_COMPILE_CACHE',
      'NODE_PRESERVE_SYMLINKS',
      'NODE_ICU_DATA',
      'NODE_USE_ENV_PROXY',
      'NODE_USE_SYSTEM_CA',
      'NODE_V8_COVERAGE',
      'NODE_REDIRECT_WARNINGS',
      'NODE_DEBUG',
      'NODE_DEBUG_NATIVE',
      'NODE_CHANNEL_FD',
      'NODE_UNIQUE_ID',
      'ELECTRON_RUN_AS_NODE',
      'DENO_CERT',
      'BUN_CONFIG_REGISTRY',
    ],
    prefixes: ['NPM_CONFIG_', 'YARN_', 'COREPACK_'],
  },
  {
    label: 'JVM and its build tools',
    why: 'add -javaagent or classpath entries to every JVM the job starts',
    names: [
      'JAVA_TOOL_OPTIONS',
      '_JAVA_OPTIONS',
      'JDK_JAVA_OPTIONS',
      'JAVA_OPTS',
      'CLASSPATH',
      'MAVEN_OPTS',
      'GRADLE_OPTS',
      'GRADLE_USER_HOME',
      'SBT_OPTS',
      'ANT_OPTS',
    ],
    prefixes: [],
  },
  {
    label: 'Python',
    why: 'PYTHONPATH, PYTHONSTARTUP, PYTHONHOME, PYTHONWARNINGS and kin import code of the attacker’s choosing',
    names: [
      'BROWSER',
      'CONDARC',
      'UV_INDEX',
      'UV_INDEX_URL',
      'UV_EXTRA_INDEX_URL',
      'UV_DEFAULT_INDEX',
      'UV_FIND_LINKS',
    ],
    prefixes: ['PYTHON', 'PIP_'],
  },
  {
    label: 'Perl, Ruby, Lua, PHP, .NET',
    why: 'interpreter option and library-path variables load code at start',
    names: [
      'RUBYOPT',
      'RUBYLIB',
      'BUNDLE_GEMFILE',
      'PHPRC',
      'PHP_INI_SCAN_DIR',
      'DOTNET_STARTUP_HOOKS',
      'DOTNET_ADDITIONAL_DEPS',
      'COR_ENABLE_PROFILING',
      'COMPOSER_HOME',
      'R_PROFILE',
      'R_PROFILE_USER',
      'R_ENVIRON',
      'R_ENVIRON_USER',
    ],
    prefixes: ['PERL', 'GEM_', 'LUA_', 'CORECLR_', 'COR_PROFILER'],
  },
  {
    label: 'Go and Rust toolchains',
    why: 'choose a wrapper or a module proxy, so the build runs or downloads other code',
    names: [
      'GOFLAGS',
      'GOPROXY',
      'GOINSECURE',
      'GONOSUMDB',
      'GONOSUMCHECK',
      'GOSUMDB',
      'GOTOOLCHAIN',
      'RUSTFLAGS',
      'RUSTDOCFLAGS',
      'CARGO_HOME',
      'GOENV',
    ],
    prefixes: ['RUSTC', 'CARGO_BUILD_', 'CARGO_TARGET_', 'CGO_'],
  },
  {
    label: 'C and C++ builds',
    why: 'choose the compiler, linker and flags of every native build (node-gyp, Python wheels, cgo, make)',
    names: [
      'CC',
      'CXX',
      'CPP',
      'LD',
      'AR',
      'MAKE',
      'MAKEFLAGS',
      'CFLAGS',
      'CXXFLAGS',
      'CPPFLAGS',
      'LDFLAGS',
      'PKG_CONFIG_PATH',
    ],
    prefixes: [],
  },
  {
    label: 'git and ssh',
    why: 'GIT_SSH_COMMAND, GIT_ASKPASS, GIT_CONFIG_* and kin run commands or rewrite git’s configuration',
    names: [
      'SSH_ASKPASS',
      'SSH_AUTH_SOCK',
      'SUDO_ASKPASS',
      'EDITOR',
      'VISUAL',
      'PAGER',
      'MANPAGER',
      'SYSTEMD_PAGER',
      'LESSOPEN',
      'LESSCLOSE',
      'GNUPGHOME',
    ],
    prefixes: ['GIT_'],
  },
  {
    label: 'container, cluster and cloud clients',
    why: 'point docker, kubectl, helm, terraform or a cloud SDK at another daemon, plugin folder or config that runs programs or holds other credentials',
    names: [
      'DOCKER_HOST',
      'DOCKER_CONFIG',
      'DOCKER_CERT_PATH',
      'DOCKER_TLS_VERIFY',
      'DOCKER_CONTEXT',
      'BUILDKIT_HOST',
      'CONTAINER_HOST',
      'PODMAN_HOST',
      'KUBECONFIG',
      'HELM_PLUGINS',
      'TF_CLI_CONFIG_FILE',
      'GOOGLE_APPLICATION_CREDENTIALS',
      'CLOUDSDK_CONFIG',
      'AZURE_CONFIG_DIR',
    ],
    prefixes: ['TF_CLI_ARGS'],
  },
  {
    label: 'TLS trust and proxies',
    why: 'let a third party read or alter every HTTPS request (trusted CAs, key logs, proxies, host aliases, OpenSSL engines)',
    names: [
      'OPENSSL_CONF',
      'OPENSSL_ENGINES',
      'OPENSSL_MODULES',
      'HOSTALIASES',
      'RES_OPTIONS',
      'LOCALDOMAIN',
      'KRB5_CONFIG',
      'CURL_CA_BUNDLE',
      'REQUESTS_CA_BUNDLE',
      'SSLKEYLOGFILE',
      'HTTP_PROXY',
      'HTTPS_PROXY',
      'ALL_PROXY',
      'NO_PROXY',
      'FTP_PROXY',
    ],
    prefixes: ['SSL_CERT_'],
  },
  {
    label: 'home, temp and config folders',
    why: 'move where programs read their configuration (~/.gitconfig, ~/.npmrc) and write temp files',
    names: ['HOME', 'TMPDIR', 'TMP', 'TEMP', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA'],
    prefixes: ['XDG_'],
  },
  {
    label: 'GitHub Actions runner',
    why: 'the runner and later actions trust these (GITHUB_ENV, GITHUB_PATH, ACTIONS_RUNTIME_TOKEN, inputs, state)',
    names: ['CI'],
    prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_'],
  },
  {
    label: 'GitLab CI',
    why: 'predefined job variables later scripts and tools trust (refused on every platform: a registry serves both)',
    names: [],
    prefixes: ['CI_', 'GITLAB_'],
  },
  {
    label: 'GitHub CLI',
    why: 'GH_HOST sends the token to another host, GH_PAGER, GH_EDITOR and GH_BROWSER run commands, GH_TOKEN is the token this product exports',
    names: [],
    prefixes: ['GH_'],
  },
  {
    label: 'names this product exports',
    // GH_TOKEN too, reserved above with every GH_* name.
    why: 'AWS_*, VAULT_* and ASTL_* carry the credentials, endpoints and agent identity the job relies on',
    names: [],
    prefixes: ['AWS_', 'VAULT_', 'ASTL_'],
  },
];

/** The group that reserves `name` (compared upper-cased), if any. */
export function reservedEnvGroup(name: string): ReservedEnvGroup | undefined {
  const upper = name.toUpperCase();
  return RESERVED_ENV_GROUPS.find(
    (g) => g.names.includes(upper) || g.prefixes.some((p) => upper.startsWith(p)),
  );
}

/** What is wrong with `name` as an exported variable, or undefined when it may be exported. */
export function envNameProblem(name: string): { message: string; hint: string } | undefined {
  const group = reservedEnvGroup(name);
  if (group) {
    return {
      message: `${JSON.stringify(name)} cannot be exported: it is reserved (${group.label}: ${group.why})`,
      hint: `choose a name of your own, e.g. ${suggestEnvName(name)}; see "Environment names" in docs/security.md for the reserved names`,
    };
  }
  if (!ENV_NAME_PATTERN.test(name)) {
    return {
      message: `${JSON.stringify(name)} is not an environment variable name this product exports`,
      hint: `use upper-case letters, digits and _, not starting with a digit (${ENV_NAME_PATTERN.source}), e.g. ${suggestEnvName(name)}`,
    };
  }
  return undefined;
}

/**
 * Checks one exported name: undefined when fine, else an AstlError located at the registry
 * line or the input/flag (`location`), code `code` (default ENV_NAME_INVALID).
 */
export function checkEnvName(
  name: string,
  where: { location: SourceLocation | { setting: SettingId }; code?: string; prefix?: string },
): AstlError | undefined {
  const problem = envNameProblem(name);
  if (!problem) return undefined;
  return new AstlError(`${where.prefix ?? ''}${problem.message}`, {
    code: where.code ?? 'ENV_NAME_INVALID',
    ...('setting' in where.location ? { setting: where.location.setting } : { location: where.location }),
    hint: problem.hint,
  });
}

/** A safe name close to `name`: upper-cased, other characters `_`, prefixed when reserved. */
export function suggestEnvName(name: string): string {
  let s = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_') || 'SECRET';
  if (/^[0-9]/.test(s)) s = `_${s}`;
  return reservedEnvGroup(s) ? `SECRET_${s}` : s;
}
