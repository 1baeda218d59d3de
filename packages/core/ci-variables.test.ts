// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references are what is tested, not templates
import { describe, expect, it } from 'vitest';
import {
  expandGitLabVariables,
  GITLAB_EXPANDABLE_VARIABLES,
  GITLAB_SECRET_VARIABLES,
  MAX_VALUE_LENGTH,
} from './ci-variables.js';

const env = {
  CI_COMMIT_SHORT_SHA: '1a2b3c4d',
  CI_ENVIRONMENT_NAME: 'production',
  CI_PIPELINE_ID: '42',
  CI_JOB_TOKEN: 'glcbt-64_s3cret',
  CI_REGISTRY_PASSWORD: 'registry-s3cret',
  CI_REPOSITORY_URL: 'https://gitlab-ci-token:glcbt-64_s3cret@gitlab.com/acme/app.git',
  DEPLOY_KEY: 'user-s3cret',
  MY_VAR: 'masked-s3cret',
  CI_COMMIT_TITLE: 'Fix\r\n::error::x\u001b[31m $CI_JOB_TOKEN',
};

describe('expandGitLabVariables', () => {
  it("expands $NAME and ${NAME} of GitLab's predefined, non-secret variables", () => {
    const r = expandGitLabVariables(
      'Deploy $CI_COMMIT_SHORT_SHA to ${CI_ENVIRONMENT_NAME} (#$CI_PIPELINE_ID)',
      env,
    );
    expect(r.text).toBe('Deploy 1a2b3c4d to production (#42)');
    expect(r.expanded).toEqual(['CI_COMMIT_SHORT_SHA', 'CI_ENVIRONMENT_NAME', 'CI_PIPELINE_ID']);
    expect(r.warnings).toEqual([]);
  });

  it('never expands a credential or a user-defined variable, and says why', () => {
    const r = expandGitLabVariables(
      '$CI_JOB_TOKEN ${CI_REGISTRY_PASSWORD} $CI_REPOSITORY_URL $DEPLOY_KEY $MY_VAR',
      env,
    );
    expect(r.text).toBe('$CI_JOB_TOKEN ${CI_REGISTRY_PASSWORD} $CI_REPOSITORY_URL $DEPLOY_KEY $MY_VAR');
    expect(r.text).not.toContain('s3cret');
    expect(r.warnings.filter((w) => w.includes('names a credential'))).toHaveLength(4);
    expect(r.warnings.at(-1)).toContain("only GitLab's predefined, non-secret variables");
  });

  it('inserts a value once: no recursion, control characters flattened, length capped', () => {
    const r = expandGitLabVariables('Title: $CI_COMMIT_TITLE', env);
    expect(r.text).toBe('Title: Fix ::error::x [31m $CI_JOB_TOKEN');
    expect(r.text).not.toMatch(/[\r\n\u001b]/);
    const long = expandGitLabVariables('$CI_COMMIT_TITLE', { CI_COMMIT_TITLE: 'x'.repeat(500) });
    expect(long.text).toHaveLength(MAX_VALUE_LENGTH);
  });

  it('drops bidi controls and URL passwords from values, and never cuts a surrogate pair', () => {
    const bidi = expandGitLabVariables('$CI_COMMIT_BRANCH', { CI_COMMIT_BRANCH: 'main\u202egnp.exe\u2066' });
    expect(bidi.text).toBe('main gnp.exe');
    // GitLab expands variables in environment:url, so a password can arrive in CI_ENVIRONMENT_URL.
    const url = expandGitLabVariables('to $CI_ENVIRONMENT_URL', {
      CI_ENVIRONMENT_URL: 'https://deployer:s3cret@app.example.com/x',
    });
    expect(url.text).toBe('to https://app.example.com/x');
    const emoji = expandGitLabVariables('$CI_COMMIT_TITLE', {
      CI_COMMIT_TITLE: 'x' + '\u{1F680}'.repeat(300),
    });
    expect(Array.from(emoji.text)).toHaveLength(MAX_VALUE_LENGTH);
    expect(emoji.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('$$ is a literal $, an unset predefined variable is empty, other text is untouched', () => {
    expect(expandGitLabVariables('costs $$5 and $$CI_PIPELINE_ID', env).text).toBe(
      'costs $5 and $CI_PIPELINE_ID',
    );
    expect(expandGitLabVariables('tag [$CI_COMMIT_TAG]', env).text).toBe('tag []');
    expect(expandGitLabVariables('$(id) `id` ${CI_PIPELINE_ID:-x} $5', env).text).toBe(
      '$(id) `id` ${CI_PIPELINE_ID:-x} $5',
    );
  });

  it('the allowlist and the deny list do not overlap, and no allowed name looks like a credential', () => {
    for (const name of GITLAB_SECRET_VARIABLES) expect(GITLAB_EXPANDABLE_VARIABLES.has(name)).toBe(false);
    for (const name of GITLAB_EXPANDABLE_VARIABLES) expect(name).not.toMatch(/TOKEN|PASSWORD|JWT|SECRET|KEY/);
  });
});
