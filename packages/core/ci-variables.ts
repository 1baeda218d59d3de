/**
 * Expansion of GitLab CI/CD variables in text the user wrote for a log or audit record (the
 * credentials purpose), without a shell and without any way to pull a secret in.
 *
 * GitLab's own `expand: true` would expand every variable, masked and protected ones included
 * (and nested references inside them), into text that is printed in job logs, summaries and audit
 * records. So the component passes the text raw (`expand: false`) and this module expands only
 * `$NAME` / `${NAME}` where NAME is one of GitLab's predefined variables that carry no secret
 * (https://docs.gitlab.com/ci/variables/predefined_variables/). Everything else stays literal, and
 * `$$` is a literal `$` as in GitLab. A value is inserted verbatim once: it is never expanded
 * again, control and bidi characters become spaces, a URL loses any `user:password@`, and it is cut
 * to MAX_VALUE_LENGTH.
 */
import { spacedOut } from './untrusted-text.js';

/** GitLab predefined variables that hold no secret, for purposes such as "Deploy $CI_COMMIT_SHORT_SHA". */
export const GITLAB_EXPANDABLE_VARIABLES: ReadonlySet<string> = new Set([
  'CI',
  'GITLAB_CI',
  'CI_SERVER_FQDN',
  'CI_SERVER_HOST',
  'CI_SERVER_URL',
  'CI_SERVER_NAME',
  'CI_SERVER_VERSION',
  'CI_API_V4_URL',
  'CI_PROJECT_ID',
  'CI_PROJECT_NAME',
  'CI_PROJECT_TITLE',
  'CI_PROJECT_PATH',
  'CI_PROJECT_PATH_SLUG',
  'CI_PROJECT_NAMESPACE',
  'CI_PROJECT_ROOT_NAMESPACE',
  'CI_PROJECT_URL',
  'CI_DEFAULT_BRANCH',
  'CI_CONFIG_PATH',
  'CI_COMMIT_SHA',
  'CI_COMMIT_SHORT_SHA',
  'CI_COMMIT_BEFORE_SHA',
  'CI_COMMIT_REF_NAME',
  'CI_COMMIT_REF_SLUG',
  'CI_COMMIT_REF_PROTECTED',
  'CI_COMMIT_BRANCH',
  'CI_COMMIT_TAG',
  'CI_COMMIT_TITLE',
  'CI_COMMIT_TIMESTAMP',
  'CI_COMMIT_AUTHOR',
  'CI_PIPELINE_ID',
  'CI_PIPELINE_IID',
  'CI_PIPELINE_NAME',
  'CI_PIPELINE_SOURCE',
  'CI_PIPELINE_URL',
  'CI_PIPELINE_CREATED_AT',
  'CI_JOB_ID',
  'CI_JOB_NAME',
  'CI_JOB_NAME_SLUG',
  'CI_JOB_STAGE',
  'CI_JOB_URL',
  'CI_JOB_STARTED_AT',
  'CI_JOB_MANUAL',
  'CI_ENVIRONMENT_NAME',
  'CI_ENVIRONMENT_SLUG',
  'CI_ENVIRONMENT_TIER',
  'CI_ENVIRONMENT_ACTION',
  'CI_ENVIRONMENT_URL',
  'CI_DEPLOY_FREEZE',
  'CI_MERGE_REQUEST_ID',
  'CI_MERGE_REQUEST_IID',
  'CI_MERGE_REQUEST_TITLE',
  'CI_MERGE_REQUEST_LABELS',
  'CI_MERGE_REQUEST_MILESTONE',
  'CI_MERGE_REQUEST_EVENT_TYPE',
  'CI_MERGE_REQUEST_PROJECT_PATH',
  'CI_MERGE_REQUEST_REF_PATH',
  'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
  'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA',
  'CI_MERGE_REQUEST_TARGET_BRANCH_NAME',
  'CI_MERGE_REQUEST_TARGET_BRANCH_SHA',
  'CI_MERGE_REQUEST_DIFF_BASE_SHA',
  'CI_EXTERNAL_PULL_REQUEST_IID',
  'GITLAB_USER_ID',
  'GITLAB_USER_LOGIN',
  'GITLAB_USER_NAME',
]);

/**
 * Predefined variables that are or contain credentials. Never expanded (nor is any name that
 * looks like a credential); named in the warning so the user sees why.
 * CI_REPOSITORY_URL embeds the job token (`https://gitlab-ci-token:<token>@…`).
 */
export const GITLAB_SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'CI_JOB_TOKEN',
  'CI_BUILD_TOKEN',
  'CI_JOB_JWT',
  'CI_JOB_JWT_V1',
  'CI_JOB_JWT_V2',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPENDENCY_PROXY_PASSWORD',
  'CI_REPOSITORY_URL',
  'CI_RUNNER_SHORT_TOKEN',
]);

const SECRET_LOOKING = /TOKEN|PASSWORD|PASSWD|SECRET|JWT|PRIVATE|CREDENTIAL|API_?KEY|(^|_)KEY($|_)/i;

/** Longest value inserted for one reference (characters). */
export const MAX_VALUE_LENGTH = 200;

export interface Expansion {
  text: string;
  /** Names expanded, in order of first use. */
  expanded: string[];
  /** One line per reference left literal, saying why (for a warning). */
  warnings: string[];
}

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * `scheme://user:password@` in a URL: CI_ENVIRONMENT_URL and CI_PIPELINE_NAME are written by the
 * user and GitLab expands variables in them, so one may carry a password that way.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/gi;

function cleanValue(value: string): string {
  const flat = spacedOut(value).replace(URL_USERINFO, '$1').trim();
  // Cut by code point, so a long title never ends in half a surrogate pair.
  const chars = Array.from(flat);
  return chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…` : flat;
}

/**
 * Expands GitLab predefined, non-secret variables in `text` from `env`.
 * `$NAME` and `${NAME}` with NAME in GITLAB_EXPANDABLE_VARIABLES become the variable's value
 * (an unset one becomes empty, as in GitLab); `$$` becomes `$`; any other reference stays as
 * written and gets a warning. No shell, no recursion: a value containing `$X` stays `$X`.
 */
export function expandGitLabVariables(text: string, env: Record<string, string | undefined>): Expansion {
  const expanded: string[] = [];
  const warnings: string[] = [];
  const out = text.replace(REFERENCE, (whole, braced: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    if (
      GITLAB_SECRET_VARIABLES.has(name) ||
      (SECRET_LOOKING.test(name) && !GITLAB_EXPANDABLE_VARIABLES.has(name))
    ) {
      warnings.push(
        `${whole} was not expanded: it names a credential, and the purpose is printed in logs and audit records`,
      );
      return whole;
    }
    if (!GITLAB_EXPANDABLE_VARIABLES.has(name)) {
      warnings.push(
        `${whole} was not expanded: only GitLab's predefined, non-secret variables are (such as $CI_COMMIT_SHORT_SHA, $CI_PIPELINE_ID, $CI_ENVIRONMENT_NAME); write $$ for a literal $`,
      );
      return whole;
    }
    if (!expanded.includes(name)) expanded.push(name);
    return cleanValue(env[name] ?? '');
  });
  return { text: out, expanded, warnings };
}
