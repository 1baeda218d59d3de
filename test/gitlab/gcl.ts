/**
 * Runs GitLab pipelines locally with gitlab-ci-local (shell executor, no containers) against a
 * throwaway component project: a git repo whose remote names the component project's path, with
 * gitlab/templates copied in and committed, so `component: <host>/<project>/<name>@<HEAD sha>`
 * resolves to the local files, exactly as gitlab-ci-local resolves local components.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export const repoRoot = resolve(new URL('../..', import.meta.url).pathname);
export const gclScript = join(repoRoot, 'scripts/gitlab-ci-local.sh');
export const CLI = `node ${join(repoRoot, 'dist/cli/index.js')}`;
export const HOST = 'gitlab.example.com';
export const PROJECT = 'astl/agent-credentials';

/** A folder with an `astl` that runs this checkout's CLI bundle, for jobs that call plain `astl`. */
export function astlOnPath(): string {
  const bin = mkdtempSync(join(tmpdir(), 'astl-bin-'));
  writeFileSync(join(bin, 'astl'), `#!/bin/sh\nexec ${CLI} "$@"\n`, { mode: 0o755 });
  return bin;
}

/** Installs gitlab-ci-local on first use (npm registry); false (outside CI) when it cannot run here. */
export function gitlabCiLocalAvailable(): boolean {
  const r = spawnSync(gclScript, ['--version'], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) {
    // In CI a missing tool must fail loudly, not silently drop the GitLab tests.
    if (process.env.CI === 'true')
      throw new Error(`gitlab-ci-local could not be installed or run:\n${r.stderr}`);
    console.warn(`gitlab-ci-local unavailable, GitLab component tests skipped:\n${r.stderr}`);
    return false;
  }
  return true;
}

export interface ComponentProject {
  dir: string;
  /** Commits the files and returns the new HEAD sha. */
  commit(files: Record<string, string>, message?: string): string;
  /** Writes (without committing) the pipeline that includes components at HEAD. */
  pipeline(yaml: (sha: string) => string): void;
  head(): string;
}

function git(dir: string, args: string[]): string {
  const r = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * A component project with `files` committed. `wholeBundle` copies all of gitlab/ (README,
 * .gitlab-ci.yml, tests/) to the root, as `git subtree split --prefix gitlab` publishes it.
 */
export function componentProject(files: Record<string, string> = {}, wholeBundle = false): ComponentProject {
  const dir = mkdtempSync(join(tmpdir(), 'astl-gitlab-'));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['remote', 'add', 'origin', `git@${HOST}:${PROJECT}.git`]);
  // gitlab-ci-local asks for the remote's default branch; answer locally instead of over ssh.
  git(dir, ['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main']);
  if (wholeBundle) cpSync(join(repoRoot, 'gitlab'), dir, { recursive: true });
  else cpSync(join(repoRoot, 'gitlab/templates'), join(dir, 'templates'), { recursive: true });
  const project: ComponentProject = {
    dir,
    commit(more, message = 'change') {
      for (const [path, text] of Object.entries(more)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git(dir, ['add', '-A', '--', '.', ...(wholeBundle ? [] : [':!.gitlab-ci.yml'])]);
      git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
      git(dir, ['update-ref', 'refs/remotes/origin/main', 'HEAD']);
      return project.head();
    },
    pipeline(yaml) {
      writeFileSync(join(dir, '.gitlab-ci.yml'), yaml(project.head()));
    },
    head: () => git(dir, ['rev-parse', 'HEAD']),
  };
  project.commit(files, 'component project');
  return project;
}

export interface PipelineResult {
  code: number | null;
  output: string;
}

/** One gitlab-ci-local run; state lives outside the project so scans do not see it. */
export function runPipeline(
  project: ComponentProject,
  args: string[],
  variables: Record<string, string> = {},
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<PipelineResult> {
  const state = mkdtempSync(join(tmpdir(), 'astl-gcl-state-'));
  const home = mkdtempSync(join(tmpdir(), 'astl-gcl-home-'));
  // gitlab-ci-local says GITLAB_CI=false; the CLI's GitLab behaviour (API, purpose expansion) is for real GitLab.
  const vars = Object.entries({ GITLAB_CI: 'true', ...variables }).flatMap(([k, v]) => [
    '--variable',
    `${k}=${v}`,
  ]);
  const all = [
    // gitlab-ci-local wants these relative to the project (the process's cwd).
    '--state-dir',
    relative(project.dir, state),
    '--home',
    home,
    '--force-shell-executor',
    '--no-color',
    '--ignore-predefined-vars',
    'CI_PIPELINE_SOURCE,CI_MERGE_REQUEST_DIFF_BASE_SHA,CI_COMMIT_BRANCH,CI_COMMIT_TAG,GITLAB_CI,CI_API_V4_URL,CI_PROJECT_ID,CI_JOB_ID,CI_JOB_TOKEN,CI_REGISTRY,CI_REGISTRY_IMAGE,CI_REGISTRY_USER,CI_REGISTRY_PASSWORD',
    ...vars,
    ...args,
  ];
  return new Promise((done, fail) => {
    const child = spawn(gclScript, all, { cwd: project.dir, env: { ...process.env, NO_COLOR: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}
