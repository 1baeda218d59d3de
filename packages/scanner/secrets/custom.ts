/**
 * User-defined secret patterns (the equivalent of secretlint's `@secretlint/secretlint-rule-pattern`):
 * an organisation's own token formats, or whole files that must never be committed (`**\/*.env`).
 * Patterns use RE2 syntax and run on re2js, so a user's pattern cannot stall the scan either.
 */

import { RE2JS } from 're2js';
import { AstlError } from '../../core/errors.js';
import type { Hit } from './detectors.js';

export interface CustomSecretPattern {
  /** Shown in findings: `Matches the custom secret pattern "<name>"`. */
  name: string;
  /**
   * RE2 syntax, bare or as `/source/flags` (flags `i`, `m`, `s`; `g` and `u` are accepted and
   * ignored). The first named or numbered group marks the secret; without one, the whole match.
   * Omit `pattern` and `patterns` to report every file that matches `filePathGlobs`.
   */
  pattern?: string;
  patterns?: string[];
  /** Only files matching these globs (`**`, `*`, `?`; a leading `!` excludes). Default: all files. */
  filePathGlobs?: string[];
  /** Accepted values: exact text, or `/regex/flags`, tested on the secret and the whole match. */
  allow?: string[];
}

export interface CompiledCustomPattern {
  name: string;
  regexes: RE2JS[];
  include: RE2JS[];
  exclude: RE2JS[];
  allowed: (value: string, reported: string) => boolean;
}

export const CUSTOM_RULE_ID = 'secret/custom-pattern';

/** `/source/flags` or a bare source, to an RE2 pattern. */
export function compileUserPattern(spec: string, what: string): RE2JS {
  let source = spec;
  let flags = 0;
  const slash = spec.lastIndexOf('/');
  if (spec.length > 2 && spec.startsWith('/') && slash > 0) {
    source = spec.slice(1, slash);
    const letters = spec.slice(slash + 1);
    if (/[^gimsuy]/.test(letters) || letters.length > 6)
      throw new AstlError(`${what}: unknown regular expression flags "${letters}".`, {
        code: 'CONFIG_INVALID',
        hint: 'Use the flags i (ignore case), m (multi-line) or s (dot matches newline).',
      });
    if (letters.includes('i')) flags |= RE2JS.CASE_INSENSITIVE;
    if (letters.includes('m')) flags |= RE2JS.MULTILINE;
    if (letters.includes('s')) flags |= RE2JS.DOTALL;
  }
  try {
    return RE2JS.compile(source, flags);
  } catch (err) {
    throw new AstlError(
      `${what}: "${spec}" is not a valid RE2 regular expression (${(err as Error).message}).`,
      {
        code: 'CONFIG_INVALID',
        hint: 'Patterns use RE2 syntax, which has no look-arounds or back-references; see https://github.com/google/re2/wiki/Syntax.',
        cause: err,
      },
    );
  }
}

/** Glob to RE2: `**\/` any directories, `*` within a segment, `?` one character. */
export function globToRe2(glob: string): RE2JS {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += RE2JS.quote(c);
  }
  return RE2JS.compile(out);
}

export function compileAllowList(
  entries: readonly string[],
  what: string,
): (value: string, reported: string) => boolean {
  const exact = new Set<string>();
  const patterns: RE2JS[] = [];
  for (const entry of entries) {
    if (entry.length > 2 && entry.startsWith('/') && entry.lastIndexOf('/') > 0)
      patterns.push(compileUserPattern(entry, what));
    else exact.add(entry);
  }
  return (value, reported) =>
    exact.has(value) || exact.has(reported) || patterns.some((p) => p.test(value) || p.test(reported));
}

export function compileCustomPatterns(specs: readonly CustomSecretPattern[]): CompiledCustomPattern[] {
  return specs.map((spec, index) => {
    const what = `customPatterns[${index}] ("${spec.name}")`;
    const sources = [...(spec.pattern === undefined ? [] : [spec.pattern]), ...(spec.patterns ?? [])];
    const globs = spec.filePathGlobs ?? [];
    if (sources.length === 0 && globs.length === 0)
      throw new AstlError(`${what} has neither a pattern nor filePathGlobs.`, {
        code: 'CONFIG_INVALID',
        hint: 'Give `pattern` (a regular expression) and/or `filePathGlobs` (files that must not be committed).',
      });
    return {
      name: spec.name,
      regexes: sources.map((s) => compileUserPattern(s, what)),
      include: globs.filter((g) => !g.startsWith('!')).map(globToRe2),
      exclude: globs.filter((g) => g.startsWith('!')).map((g) => globToRe2(g.slice(1))),
      allowed: compileAllowList(spec.allow ?? [], what),
    };
  });
}

function appliesTo(p: CompiledCustomPattern, file: string): boolean {
  const path = file.replaceAll('\\', '/');
  if (p.include.length > 0 && !p.include.some((g) => g.testExact(path))) return false;
  return !p.exclude.some((g) => g.testExact(path));
}

const MAX_HITS_PER_PATTERN = 1000;

export function runCustomPatterns(
  patterns: readonly CompiledCustomPattern[],
  text: string,
  file: string,
): Hit[] {
  const hits: Hit[] = [];
  for (const p of patterns) {
    if (!appliesTo(p, file)) continue;
    if (p.regexes.length === 0) {
      // A file that must not be committed at all: report its first line.
      const lineEnd = text.indexOf('\n');
      const end = lineEnd === -1 ? text.length : lineEnd;
      hits.push({
        ruleId: CUSTOM_RULE_ID,
        start: 0,
        end,
        secretStart: 0,
        secretEnd: end,
        secret: text,
        what: `file matching the custom secret pattern "${p.name}"`,
      });
      continue;
    }
    for (const re of p.regexes) {
      let count = 0;
      for (const m of re.matchAll(text)) {
        const whole = m[0] ?? '';
        if (whole.length === 0) continue;
        const start = m.index ?? 0;
        const group = m.slice(1).find((g) => g !== undefined && g.length > 0);
        const offset = group === undefined ? 0 : Math.max(0, whole.indexOf(group));
        const secret = group ?? whole;
        if (p.allowed(secret, whole)) continue;
        hits.push({
          ruleId: CUSTOM_RULE_ID,
          start,
          end: start + whole.length,
          secretStart: start + offset,
          secretEnd: start + offset + secret.length,
          secret,
          what: `value matching the custom secret pattern "${p.name}"`,
        });
        if (++count >= MAX_HITS_PER_PATTERN) break;
      }
    }
  }
  return hits;
}
