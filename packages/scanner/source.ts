/**
 * Finding and reading the files a scan looks at: a walk of the workspace that never leaves it
 * (symlinks to directories are never followed, symlinks to files only when they resolve inside
 * the root), glob selection with picomatch, and lenient decoding: binary files and files over
 * the size cap are skipped with a reason, invalid UTF-8 becomes U+FFFD, nothing throws.
 */
import {
  closeSync,
  type Dirent,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { hasGitSegment } from '../core/workspace-path.js';

/** The default `paths`: agent configs, agent/deploy policies, CI workflows, actions, IAM JSON. */
export const DEFAULT_PATHS = [
  '**/agent-config.y?(a)ml',
  '**/*agent*.y?(a)ml',
  '**/policies/**',
  '.github/workflows/**/*.y?(a)ml',
  '**/action.y?(a)ml',
  '**/.gitlab-ci.y?(a)ml',
  '**/*.json',
];

/** Never walked: version control data and installed dependencies. */
export const DEFAULT_EXCLUDE = ['**/.git/**', '**/node_modules/**'];

export const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface SourceFile {
  /** Root-relative, forward slashes. */
  file: string;
  text: string;
  bytes: number;
}

/** Offset <-> line/column for one text, built once, on demand. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  /** The text of a 1-based line without its line break ('' when out of range). */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function globMatcher(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}

export interface WalkResult {
  files: string[];
  skipped: SkippedFile[];
}

/**
 * Every regular file under `root` matching `include` and not `exclude`, root-relative and
 * sorted, plus what was passed over and why (symlinks that lead out of the root or to a
 * directory, unreadable folders).
 */
export function walk(root: string, include: readonly string[], exclude: readonly string[]): WalkResult {
  const isIncluded = globMatcher(include);
  const isExcluded = globMatcher(exclude);
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch (err) {
      skipped.push({
        file: dir || '.',
        reason: `cannot read folder (${(err as NodeJS.ErrnoException).code})`,
      });
      continue;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!isExcluded(`${rel}/`) && !isExcluded(`${rel}/x`)) pending.push(rel);
        continue;
      }
      if (!isIncluded(rel) || isExcluded(rel)) continue;
      if (entry.isSymbolicLink()) {
        const why = symlinkProblem(join(root, rel), realRoot);
        if (why) {
          skipped.push({ file: rel, reason: why });
          continue;
        }
      } else if (!entry.isFile()) {
        continue; // sockets, fifos, devices: never opened
      }
      files.push(rel);
    }
  }
  files.sort();
  return { files, skipped };
}

function symlinkProblem(path: string, realRoot: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return 'symbolic link to a missing target';
  }
  const inside = relative(realRoot, target);
  if (inside.startsWith('..') || inside === '' || /^[a-zA-Z]:/.test(inside)) {
    return 'symbolic link that leads outside the workspace (not followed)';
  }
  if (hasGitSegment(inside)) return 'symbolic link into .git/ (not followed)';
  if (!statSync(target).isFile()) return 'symbolic link to a folder or special file (not followed)';
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Reads one file as text, or says why it was skipped: over the size cap, binary (a NUL byte in
 * the first 8 KiB), unreadable. Invalid UTF-8 decodes to U+FFFD instead of failing.
 */
export function readSource(root: string, file: string, maxBytes = MAX_FILE_BYTES): SourceFile | SkippedFile {
  const path = join(root, file);
  let fd: number | undefined;
  try {
    const info = lstatSync(path).isSymbolicLink() ? statSync(path) : lstatSync(path);
    if (!info.isFile()) return { file, reason: 'not a regular file' };
    if (info.size > maxBytes) {
      return {
        file,
        reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(info.size)}); not scanned`,
      };
    }
    fd = openSync(path, 'r');
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const n = readSync(fd, buffer, filled, info.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    const bytes = buffer.subarray(0, filled);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0))
      return { file, reason: 'binary file; not scanned' };
    return { file, text: decoder.decode(bytes), bytes: filled };
  } catch (err) {
    return { file, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function isSkipped(x: SourceFile | SkippedFile): x is SkippedFile {
  return 'reason' in x;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
