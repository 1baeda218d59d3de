/**
 * Finding and reading the files a scan looks at: a walk of the workspace that never leaves it
 * (symlinks to directories are never followed, symlinks to files only when they resolve inside
 * the root), glob selection with picomatch, and lenient decoding: binary files and files over
 * the size cap are skipped with a reason, invalid UTF-8 becomes U+FFFD, nothing throws.
 */
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { hasGitSegment, inspectWorkspacePath, isPathProblem } from '../core/workspace-path.js';

/** The default `paths`: agent configs, agent/deploy policies, CI workflows, actions, IAM JSON. */
export const DEFAULT_PATHS = [
  '**/agent-config.y?(a)ml',
  '**/*agent*.y?(a)ml',
  '**/policies/**',
  // Any letter case of the extension (`ci.YML`): the scanner's kind test is case-insensitive too.
  '.github/workflows/**/*.[yY]?([aA])[mM][lL]',
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
  /** Set when the file was over the size cap: its size in bytes (the secret rules stream it). */
  tooLarge?: number;
  /**
   * Set for a binary file under the cap: its bytes decoded as text, for the secret token rules
   * (a NUL byte or an image header must not hide a token pasted into the file).
   */
  binaryText?: string;
}

export const BINARY_REASON = 'binary file; only the secret token rules ran on it';

/** How a file's bytes are turned into text. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * What a file's first bytes say: its encoding (a UTF-16 byte-order mark, or ASCII-range UTF-16
 * without one: NULs at every other position) and whether it is binary (more than 1% NUL bytes
 * otherwise; a text file with a stray NUL stays text, so one NUL cannot hide it from the rules).
 */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; binary: boolean } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', binary: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', binary: false };
  let even = 0;
  let odd = 0;
  const n = Math.min(head.length, BINARY_SNIFF_BYTES) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (half >= 2 && odd >= half * 0.9 && even <= half * 0.05) return { encoding: 'utf-16le', binary: false };
  if (half >= 2 && even >= half * 0.9 && odd <= half * 0.05) return { encoding: 'utf-16be', binary: false };
  const tail = head.length > n && head[n] === 0 ? 1 : 0;
  return { encoding: 'utf-8', binary: (even + odd + tail) * 100 > Math.max(n, 1) };
}

/** A streaming decoder for `encoding` (UTF-16BE is swapped to LE; TextDecoder lacks BE in Node 20). */
function decoderFor(encoding: TextEncoding): (bytes: Uint8Array | undefined, stream: boolean) => string {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
    return (bytes, stream) => (bytes ? d.decode(bytes, { stream }) : d.decode());
  }
  const d = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: false });
  if (encoding === 'utf-16le') return (bytes, stream) => (bytes ? d.decode(bytes, { stream }) : d.decode());
  let odd: number | undefined;
  return (bytes, stream) => {
    if (!bytes) return d.decode();
    const all = odd === undefined ? Buffer.from(bytes) : Buffer.concat([Buffer.of(odd), bytes]);
    const even = all.length & ~1;
    odd = all.length > even ? all[even] : undefined;
    const swapped = Buffer.from(all.subarray(0, even)).swap16();
    return d.decode(swapped, { stream });
  };
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
  /** 0-based offset of a 1-based line and column (clamped to the text). */
  offset(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
    return Math.min(this.text.length, start + Math.max(column, 1) - 1);
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

/**
 * A matcher for root-relative paths. picomatch's `**` never matches a line break (its regex `.`
 * stops there), so `evil\n::error::x.txt` would slip past `paths: '**'`; line terminators are
 * matched as NUL, which no glob can spell and every `*`/`?` accepts.
 */
export function globMatcher(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true });
  return (file) => match(LINE_TERMINATORS.test(file) ? file.replace(LINE_TERMINATORS_ALL, '\0') : file);
}
const LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
const LINE_TERMINATORS_ALL = /[\n\r\u2028\u2029]/g;

export interface WalkResult {
  files: string[];
  skipped: SkippedFile[];
}

/**
 * Every regular file under `root` (or under its sub-folder `start`) matching `include` and not
 * `exclude`, root-relative and sorted, plus what was passed over and why (symlinks that lead out
 * of the root or to a directory, unreadable folders).
 */
export function walk(
  root: string,
  include: readonly string[],
  exclude: readonly string[],
  start = '',
): WalkResult {
  const isIncluded = globMatcher(include);
  const isExcluded = globMatcher(exclude);
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const pending: string[] = [start];
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

/**
 * Files named one by one (a pre-commit hook's list, the CLI's arguments), taken literally: no
 * glob matching, so `[id].ts`, `a*b` and `(x).yml` are the files of those names, and each name
 * costs one `lstat` (a walk's cost per file). A folder is walked whole. Names are root-relative
 * (`./` and `\` accepted); a name outside the root, excluded, missing, or a symlink that leads
 * out of the root is listed in `skipped` with the reason.
 */
export function selectFiles(root: string, names: readonly string[], exclude: readonly string[]): WalkResult {
  const isExcluded = globMatcher(exclude);
  const realRoot = realpathSync(root);
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const folders = new Map<string, string | undefined>();
  for (const name of names) {
    const rel = normaliseName(name);
    if (rel === undefined) {
      skipped.push({ file: name, reason: 'outside the workspace; not scanned' });
      continue;
    }
    const linked = isExcluded(rel) ? undefined : linkedFolderProblem(root, rel, folders);
    if (linked) {
      skipped.push({ file: rel, reason: linked });
      continue;
    }
    let info: ReturnType<typeof lstatSync>;
    try {
      info = lstatSync(join(root, rel));
    } catch {
      skipped.push({ file: rel || '.', reason: 'does not exist' });
      continue;
    }
    if (info.isDirectory()) {
      if (rel !== '' && (isExcluded(`${rel}/`) || isExcluded(`${rel}/x`))) continue;
      const walked = walk(root, ['**'], exclude, rel);
      for (const f of walked.files) files.add(f);
      skipped.push(...walked.skipped);
      continue;
    }
    if (isExcluded(rel)) {
      // Named but never scanned: say so, or `astl scan node_modules/x/.env` would pass silently.
      skipped.push({ file: rel, reason: `excluded (matches ${exclude.join(', ')}); not scanned` });
      continue;
    }
    if (info.isSymbolicLink()) {
      const why = symlinkProblem(join(root, rel), realRoot);
      if (why) {
        skipped.push({ file: rel, reason: why });
        continue;
      }
    } else if (!info.isFile()) {
      skipped.push({ file: rel, reason: 'not a regular file' });
      continue;
    }
    files.add(rel);
  }
  return { files: [...files].sort(), skipped };
}

/**
 * Why a named path must not be read because of the folders it goes through: a `.git` segment
 * (any case), or a folder on the way that is a symbolic link out of the workspace or into
 * `.git/` (`gitlink/config` with `gitlink -> .git`). The last segment is checked by the caller
 * (lstat). One realpath per distinct folder (core/workspace-path), cached in `folders`.
 */
function linkedFolderProblem(
  root: string,
  rel: string,
  folders: Map<string, string | undefined>,
): string | undefined {
  if (hasGitSegment(rel)) return 'inside .git/ (not read)';
  const dir = posix.dirname(rel);
  if (dir === '.' || dir === '') return undefined;
  if (!folders.has(dir)) {
    const checked = inspectWorkspacePath(dir, { root });
    folders.set(
      dir,
      !isPathProblem(checked)
        ? undefined
        : checked.kind === 'git-dir'
          ? 'inside .git/ through a symbolic link (not read)'
          : checked.kind === 'outside'
            ? 'through a symbolic link that leads outside the workspace (not read)'
            : undefined,
    );
  }
  return folders.get(dir);
}

/** A root-relative name in forward slashes without `./`, or undefined when it leaves the root. */
function normaliseName(name: string): string | undefined {
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name)) return undefined;
  const parts: string[] = [];
  for (const part of name.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Reads one file as text, or says why it was skipped: over the size cap, binary (a NUL byte in
 * the first 8 KiB; its text is kept for the secret token rules), unreadable. UTF-16 (with a
 * byte-order mark or ASCII-range without one) is decoded; invalid UTF-8 becomes U+FFFD.
 */
export function readSource(root: string, file: string, maxBytes = MAX_FILE_BYTES): SourceFile | SkippedFile {
  const path = join(root, file);
  let fd: number | undefined;
  try {
    // One open and an fstat (no separate lstat/stat of the path); O_NONBLOCK so that a FIFO
    // named by a config cannot block the open. Symlinks are followed, as stat would.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) return { file, reason: 'not a regular file' };
    if (info.size > maxBytes) {
      return {
        file,
        reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(info.size)}); only the secret rules ran on it`,
        tooLarge: info.size,
      };
    }
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const n = readSync(fd, buffer, filled, info.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    const bytes = buffer.subarray(0, filled);
    const { encoding, binary } = sniffEncoding(bytes.subarray(0, BINARY_SNIFF_BYTES + 1));
    const text = encoding === 'utf-8' ? decoder.decode(bytes) : decoderFor(encoding)(bytes, false);
    if (binary) return { file, reason: BINARY_REASON, binaryText: text };
    return { file, text, bytes: filled };
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

/** A piece of a large file's text and where it sits in the file. */
export interface TextWindow {
  text: string;
  /** 1-based line and column of `text[0]` in the file. */
  line: number;
  column: number;
  /** Findings starting in `[from, to)` of `text` belong to this window (the rest to its neighbours). */
  from: number;
  to: number;
  /** The file is binary (see sniffEncoding): only the secret token rules apply. */
  binary: boolean;
}

export const WINDOW_BYTES = 1024 * 1024;
/** Overlap between windows: any secret up to half of it (32 Ki characters) is seen whole once. */
export const WINDOW_OVERLAP = 64 * 1024;

/**
 * Reads a file of any size as overlapping text windows (`WINDOW_BYTES` each, `WINDOW_OVERLAP`
 * characters shared with the previous one), so that a linear detector can scan it with bounded
 * memory. Each position belongs to exactly one window's `[from, to)`; a match shorter than half
 * the overlap lies whole in the window its start belongs to. Returns a SkippedFile when the file
 * is unreadable, undefined when every window was delivered (`binary` set on each for a binary file).
 */
export function readWindows(
  root: string,
  file: string,
  onWindow: (window: TextWindow) => void,
  windowBytes = WINDOW_BYTES,
  overlap = WINDOW_OVERLAP,
): SkippedFile | undefined {
  let decode: ((bytes: Uint8Array | undefined, stream: boolean) => string) | undefined;
  let binary = false;
  const buffer = Buffer.allocUnsafe(windowBytes);
  let fd: number | undefined;
  let carry = '';
  let line = 1;
  let column = 1;
  let first = true;
  try {
    fd = openSync(join(root, file), 'r');
    for (;;) {
      const n = readSync(fd, buffer, 0, windowBytes, null);
      const bytes = buffer.subarray(0, n);
      if (!decode) {
        const sniffed = sniffEncoding(bytes.subarray(0, BINARY_SNIFF_BYTES + 1));
        decode = decoderFor(sniffed.encoding);
        binary = sniffed.binary;
      }
      const last = n === 0;
      const text = carry + (last ? decode(undefined, false) : decode(bytes, true));
      const nextCarry = last ? '' : text.slice(Math.max(0, text.length - overlap));
      const split = Math.ceil(nextCarry.length / 2);
      const from = first ? 0 : Math.ceil(carry.length / 2);
      const to = last ? text.length : text.length - nextCarry.length + split;
      if (text.length > 0 && to > from) onWindow({ text, line, column, from, to, binary });
      if (last) return undefined;
      // Where the next window starts: advance line and column over the text that leaves.
      const leaving = text.length - nextCarry.length;
      for (let i = 0; i < leaving; i++) {
        if (text.charCodeAt(i) === 10) {
          line++;
          column = 1;
        } else column++;
      }
      carry = nextCarry;
      first = false;
    }
  } catch (err) {
    return { file, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
