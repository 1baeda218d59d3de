// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references are what is tested, not templates
/**
 * `astl credentials --purpose` in a GitLab job, through the real process and the local issuer,
 * STS and Vault: GitLab's predefined, non-secret variables are expanded in the log and the audit
 * record; the job token, masked and user variables never are, and say so; outside GitLab the
 * text is taken as given (the shell already expanded what the user meant).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ROLE_ARN, type Sandbox, startSandbox } from '../servers/sandbox.js';
import { runCli, tempDir } from './run-cli.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    awsRoles: { [SANDBOX_ROLE_ARN]: { audience: 'sts.amazonaws.com', sub: 'project_path:acme/app:*' } },
  });
});
afterAll(async () => {
  await sandbox?.close();
});

const PURPOSE =
  'Deploy $CI_COMMIT_SHORT_SHA of ${CI_COMMIT_REF_NAME} for $GITLAB_USER_LOGIN; $CI_JOB_TOKEN $MY_SECRET $APP_NAME $$5';

async function mint(gitlab: boolean) {
  const dir = tempDir('astl-purpose-');
  writeFileSync(
    join(dir, 'agent-config.yaml'),
    `agents:
  - name: deploy-bot
    type: deploy-manager
    owner: platform-team
    purpose: "Deploys the app"
    credential-policy: ephemeral
    max-ttl: 1h
    audit-level: full
    credentials:
      aws:
        role-arn: ${SANDBOX_ROLE_ARN}
        region: eu-west-1
`,
  );
  const r = await runCli(
    ['credentials', '--agent', 'deploy-bot', '--purpose', PURPOSE, '--aws-id-token-env', 'AWS_ID_TOKEN'],
    {
      cwd: dir,
      env: {
        ...(gitlab ? { GITLAB_CI: 'true' } : {}),
        CI_COMMIT_SHORT_SHA: '1a2b3c4d',
        CI_COMMIT_REF_NAME: 'main',
        GITLAB_USER_LOGIN: 'alice',
        CI_JOB_TOKEN: 'glcbt-64_jobtoken-s3cret',
        MY_SECRET: 'masked-s3cret',
        APP_NAME: 'masked-s3cret-too',
        AWS_ENDPOINT_URL_STS: sandbox.env.AWS_ENDPOINT_URL_STS,
        AWS_ID_TOKEN: await sandbox.issuer.mintGitLabToken({ audience: 'sts.amazonaws.com' }),
      },
    },
  );
  return { r, audit: readFileSync(join(dir, '.astl/audit.jsonl'), 'utf8') };
}

describe('astl credentials --purpose', () => {
  it("in a GitLab job expands GitLab's predefined, non-secret variables only", async () => {
    const { r, audit } = await mint(true);
    expect(r.code, r.stderr).toBe(0);
    const expanded = 'Deploy 1a2b3c4d of main for alice; $CI_JOB_TOKEN $MY_SECRET $APP_NAME $5';
    expect(r.stdout).toContain(`purpose:        ${expanded}`);
    expect(r.stderr).toContain('--purpose: $CI_JOB_TOKEN was not expanded: it names a credential');
    expect(r.stderr).toContain('--purpose: $MY_SECRET was not expanded: it names a credential');
    expect(r.stderr).toContain("--purpose: $APP_NAME was not expanded: only GitLab's predefined");
    const events = audit
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { intent?: string });
    expect(events.some((e) => e.intent === expanded)).toBe(true);
    for (const text of [r.stdout, r.stderr, audit]) expect(text).not.toMatch(/s3cret/);
  });

  it('outside GitLab takes the text as given', async () => {
    const { r } = await mint(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`purpose:        ${PURPOSE}`);
    expect(r.stderr).not.toContain('not expanded');
  });
});
