/**
 * What a pull request changed, as head-side line ranges per file: from `git diff base...head`
 * when both commits are present, else from the GitHub API's pull request files (shallow
 * clones), else nothing (the caller scans everything and says why).
 */
import { execFile } from 'node:child_process';
import { Octokit } from '@octokit/rest';
import { Deadline, describeFault, isNetworkFault, isRetryableStatus, withRetry } from '../core/index.js';
import { unquoteGitPath } from './git-path.js';

export { unquoteGitPath };

/** Inclusive 1-based line ranges on the head side. */
export type LineRange = [number, number];

export interface FileChange {
  /** Head-side path, root-relative. */
  file: string;
  /** Added or changed lines; empty for a mode change without content changes. */
  ranges: LineRange[];
  /**
   * Treat every line as changed: the diff was not available (binary, too large), or the file was
   * renamed (a new path can change what it is: a workflow moved into .github/workflows/ starts
   * running, so its old findings are new here).
   */
  wholeFile?: boolean;
}

export interface ChangeSet {
  source: 'git' | 'github-api';
  files: Map<string, FileChange>;
}

export interface GitHubPullRequest {
  apiUrl: string;
  owner: string;
  repo: string;
  number: number;
  token: string;
}

export interface ChangeSetOptions {
  root: string;
  base: string;
  head?: string;
  github?: GitHubPullRequest;
  /** Overall time for the API fallback. */
  timeoutMs?: number;
}

export interface ChangeSetResult {
  changes?: ChangeSet;
  /** Why the preferred source was not used, or why none was. */
  warnings: string[];
}

export function isChangedLine(change: FileChange, line: number, endLine = line): boolean {
  if (change.wholeFile) return true;
  return change.ranges.some(([from, to]) => from <= endLine && line <= to);
}

export async function computeChangeSet(options: ChangeSetOptions): Promise<ChangeSetResult> {
  const warnings: string[] = [];
  const head = options.head || 'HEAD';
  const gitProblem = await missingCommit(options.root, [options.base, head]);
  if (!gitProblem) {
    try {
      return { changes: await gitChangeSet(options.root, options.base, head), warnings };
    } catch (err) {
      warnings.push(`git diff ${options.base}...${head} failed: ${firstLine(describeFault(err))}`);
    }
  } else {
    warnings.push(gitProblem);
  }
  if (options.github) {
    try {
      return { changes: await githubChangeSet(options.github, options.timeoutMs ?? 30_000), warnings };
    } catch (err) {
      warnings.push(
        `the GitHub API did not list the pull request's files either: ${firstLine(describeFault(err))}`,
      );
    }
  }
  return { warnings };
}

function git(root: string, args: string[], maxBuffer = 256 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', ...args],
      {
        cwd: root,
        maxBuffer,
        encoding: 'utf8',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      },
      (err, stdout, stderr) => {
        if (err) reject(new Error(stderr.trim() || err.message));
        else resolve(stdout);
      },
    );
  });
}

async function missingCommit(root: string, refs: string[]): Promise<string | undefined> {
  try {
    await git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch {
    return `${root} is not a git repository (or git is not installed)`;
  }
  for (const ref of refs) {
    try {
      await git(root, ['cat-file', '-e', `${ref}^{commit}`]);
    } catch {
      return `commit ${ref} is not in the local clone (a shallow checkout? use \`fetch-depth: 0\` on actions/checkout)`;
    }
  }
  // base...head needs a merge base; a shallow clone may hold both commits but not their ancestor.
  try {
    await git(root, ['merge-base', refs[0]!, refs[1]!]);
  } catch {
    return `no common ancestor of ${refs[0]} and ${refs[1]} in the local clone (shallow history; use \`fetch-depth: 0\`)`;
  }
  return undefined;
}

export async function gitChangeSet(root: string, base: string, head: string): Promise<ChangeSet> {
  const range = `${base}...${head}`;
  const common = ['--no-color', '--no-ext-diff', '-M', '--src-prefix=a/', '--dst-prefix=b/'];
  const [names, patch] = await Promise.all([
    git(root, ['diff', ...common, '-z', '--name-status', range, '--']),
    git(root, ['diff', ...common, '--unified=0', range, '--']),
  ]);
  const files = new Map<string, FileChange>();
  // -z --name-status: STATUS\0path\0 (or Rxxx\0old\0new\0): unambiguous for any file name.
  const parts = names.split('\0');
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++];
    if (!status) continue;
    const kind = status[0];
    if (kind === 'R' || kind === 'C') i++; // skip the old path
    const path = parts[i++];
    if (!path || kind === 'D') continue;
    files.set(path, {
      file: path,
      ranges: [],
      ...(kind === 'T' || kind === 'R' || kind === 'C' ? { wholeFile: true } : {}),
    });
  }
  let current: FileChange | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      const path = target === '/dev/null' ? undefined : stripPrefix(unquoteGitPath(target));
      current = path ? files.get(path) : undefined;
      continue;
    }
    if (line.startsWith('diff --git ')) {
      current = undefined;
      continue;
    }
    if (current && line.startsWith('@@')) {
      const range = hunkHeadRange(line);
      if (range) current.ranges.push(range);
    }
  }
  // Binary files have no +++ line, only `Binary files A and B differ`; a name may itself contain
  // " and ", so every split is tried (one that names another changed file only widens the scope).
  for (const m of patch.matchAll(/^Binary files (.*) differ$/gm)) {
    const pair = m[1]!;
    for (let at = pair.indexOf(' and '); at !== -1; at = pair.indexOf(' and ', at + 1)) {
      const change = files.get(stripPrefix(unquoteGitPath(pair.slice(at + 5))));
      if (change) change.wholeFile = true;
    }
  }
  return { source: 'git', files };
}

/** `@@ -a,b +c,d @@` -> the head-side range, or undefined for a pure deletion (d = 0). */
export function hunkHeadRange(header: string): LineRange | undefined {
  const m = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @@/.exec(header);
  if (!m) return undefined;
  const startLine = Number(m[1]);
  const count = m[2] === undefined ? 1 : Number(m[2]);
  if (count === 0) return undefined;
  return [startLine, startLine + count - 1];
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

/** Parses a unified diff `patch` (as the GitHub API returns per file) into head-side ranges. */
export function rangesFromPatch(patch: string): LineRange[] {
  const out: LineRange[] = [];
  let line = 0;
  let runStart = 0;
  const flush = () => {
    if (runStart) out.push([runStart, line - 1]);
    runStart = 0;
  };
  for (const text of patch.split('\n')) {
    if (text.startsWith('@@')) {
      flush();
      const m = /\+(\d+)/.exec(text);
      line = m ? Number(m[1]) : 0;
      continue;
    }
    if (text.startsWith('+')) {
      if (!runStart) runStart = line;
      line++;
    } else if (text.startsWith('-') || text.startsWith('\\')) {
      // deleted line or "\ No newline at end of file": head line number does not move
    } else {
      flush();
      line++;
    }
  }
  flush();
  return out;
}

async function githubChangeSet(pr: GitHubPullRequest, timeoutMs: number): Promise<ChangeSet> {
  const octokit = new Octokit({ auth: pr.token, baseUrl: pr.apiUrl, userAgent: 'astl-scan' });
  const deadline = new Deadline(timeoutMs);
  const files = new Map<string, FileChange>();
  // The endpoint lists at most 3000 files, 100 a page.
  for (let page = 1; page <= 30; page++) {
    const { data } = await withRetry(
      (signal) =>
        octokit.rest.pulls.listFiles({
          owner: pr.owner,
          repo: pr.repo,
          pull_number: pr.number,
          per_page: 100,
          page,
          request: { signal },
        }),
      {
        attempts: 4,
        baseDelayMs: 500,
        maxDelayMs: 5000,
        attemptTimeoutMs: 10_000,
        deadline,
        what: `GitHub API GET /repos/${pr.owner}/${pr.repo}/pulls/${pr.number}/files`,
        isRetryable: (err) =>
          isNetworkFault(err) || isRetryableStatus(Number((err as { status?: unknown }).status ?? 0)),
      },
    );
    for (const f of data) {
      if (f.status === 'removed') continue;
      // A rename counts whole (see FileChange.wholeFile); so does a file without a patch.
      const renamed = f.status === 'renamed' || f.status === 'copied';
      files.set(
        f.filename,
        f.patch && !renamed
          ? { file: f.filename, ranges: rangesFromPatch(f.patch) }
          : { file: f.filename, ranges: [], wholeFile: true },
      );
    }
    if (data.length < 100) break;
  }
  return { source: 'github-api', files };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
