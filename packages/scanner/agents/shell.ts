/**
 * A small, bounded reader of POSIX shell scripts (`run:` steps, GitLab `script:` lines), enough
 * to find the commands that run an agent and where text reaches them: each simple command's
 * words (quotes removed, with offsets), its redirections and here-documents, the pipeline it is
 * part of, the variables each word expands (`$X`, `${X}`, `${X:-…}`; not inside single quotes)
 * and its command substitutions (`$(…)`, backquotes), parsed recursively.
 *
 * It follows the token rules of POSIX "Shell Command Language" §2.2–2.3 and §2.7.4 closely
 * enough for analysis, never for execution: an unterminated quote or substitution runs to the
 * end of the script, keywords (`if`, `then`, `do`, `!`…) are skipped, and GitHub's `${{ }}`
 * expressions are kept inside the word they are written in. Work is bounded by the script's
 * length and a nesting limit, so hostile input cannot blow up.
 */

export interface VarRef {
  name: string;
  start: number;
  end: number;
}

export interface Word {
  /** The word with quotes and escapes removed (expansions kept as written). */
  text: string;
  start: number;
  end: number;
  vars: VarRef[];
  substitutions: Script[];
  /** Any part of the word is quoted ("…" or '…'). */
  quoted: boolean;
}

export interface Redirect {
  op: string;
  target?: Word;
}

export interface HereDoc {
  /** Offsets of the body (without the delimiter line). */
  start: number;
  end: number;
  /** The delimiter was quoted: no expansion inside the body. */
  quoted: boolean;
  vars: VarRef[];
  substitutions: Script[];
  /** A here-string (`<<< word`) rather than a here-document. */
  herestring?: Word;
}

export interface Command {
  /** Words after leading assignments and keywords; `words[0]` is the program. */
  words: Word[];
  /** `NAME=value` words before the program (or after `export`/`local`/`readonly`/`declare`). */
  assignments: { name: string; value: Word }[];
  redirects: Redirect[];
  heredocs: HereDoc[];
  start: number;
  end: number;
  /** Commands joined by `|` share a pipeline number; `pipeIndex` is the position in it. */
  pipeline: number;
  pipeIndex: number;
}

export interface Script {
  start: number;
  end: number;
  commands: Command[];
}

const MAX_DEPTH = 24;
const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  '!',
  'time',
  '{',
  '}',
]);
const DECLARE = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses a whole script. Offsets are into `text`. */
export function parseShell(text: string): Script {
  const parser = new Parser(text);
  return parser.script(0, text.length, 0, null);
}

/** Every command of a script, including those inside command substitutions, in source order. */
export function allCommands(script: Script): Command[] {
  const out: Command[] = [];
  const visit = (s: Script) => {
    for (const c of s.commands) {
      out.push(c);
      for (const w of [...c.words, ...c.assignments.map((a) => a.value)]) w.substitutions.forEach(visit);
      for (const r of c.redirects) r.target?.substitutions.forEach(visit);
      for (const h of c.heredocs) {
        h.substitutions.forEach(visit);
        h.herestring?.substitutions.forEach(visit);
      }
    }
  };
  visit(script);
  return out.sort((a, b) => a.start - b.start);
}

/** The program's name without a path (`./node_modules/.bin/claude` -> `claude`). */
export function basename(word: string): string {
  const i = word.lastIndexOf('/');
  return i === -1 ? word : word.slice(i + 1);
}

class Parser {
  constructor(
    private readonly text: string,
    private pipelineCounter = 0,
  ) {}

  /**
   * Parses commands in [from, to). `closer` is the character that ends a substitution (`)` or
   * a backquote); returns at it (the caller consumes it).
   */
  script(from: number, to: number, depth: number, closer: ')' | '`' | null): Script & { stop: number } {
    const commands: Command[] = [];
    let i = from;
    let current = this.newCommand(i);
    let pendingHeredocs: { doc: HereDoc; delimiter: string; strip: boolean }[] = [];
    const finish = (end: number, pipe: boolean) => {
      current.end = end;
      if (current.words.length || current.assignments.length || current.redirects.length) {
        commands.push(current);
      }
      const next = this.newCommand(end);
      if (pipe) {
        next.pipeline = current.pipeline;
        next.pipeIndex = current.pipeIndex + 1;
      }
      current = next;
    };
    // Parentheses opened inside this script (subshells, `case` patterns) before its closer.
    let open = 0;
    while (i < to) {
      const c = this.text[i]!;
      if (closer === '`' && c === '`') break;
      if (closer === ')' && c === ')' && open === 0) break;
      if (c === '(') open++;
      else if (c === ')' && open > 0) open--;
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '\\' && this.text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (c === '\n') {
        finish(i, false);
        i++;
        if (pendingHeredocs.length) {
          i = this.readHeredocBodies(i, to, pendingHeredocs, depth);
          pendingHeredocs = [];
        }
        continue;
      }
      if (c === '#' && this.atWordStart(i)) {
        while (i < to && this.text[i] !== '\n') i++;
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
        const two = this.text.slice(i, i + 2);
        if (c === '|' && two !== '||') {
          finish(i, true);
          i += this.text[i + 1] === '&' ? 2 : 1;
          continue;
        }
        if (c === '&' && (this.text[i + 1] === '>' || this.text[i - 1] === '>')) {
          // `&>file` / `>&2`: a redirection, handled below.
        } else {
          finish(i, false);
          i += two === '&&' || two === '||' || two === ';;' ? 2 : 1;
          continue;
        }
      }
      // Redirections: [n]> >> < <> >& <& &> &>> << <<- <<<
      const redirect = /^(?:[0-9]*|&)(?:<<<|<<-|<<|>>|>&|<&|<>|>\||>|<)/.exec(this.text.slice(i, i + 6));
      if (redirect && /[<>]/.test(redirect[0])) {
        if (isEmpty(current)) current.start = i;
        const op = redirect[0].replace(/^[0-9&]+/, '');
        i += redirect[0].length;
        while (i < to && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
        const target = i < to && this.text[i] !== '\n' ? this.word(i, to, depth) : undefined;
        if (target) i = target.end;
        if (op === '<<' || op === '<<-') {
          const doc: HereDoc = { start: i, end: i, quoted: !!target?.quoted, vars: [], substitutions: [] };
          current.heredocs.push(doc);
          if (target) pendingHeredocs.push({ doc, delimiter: target.text, strip: op === '<<-' });
        } else if (op === '<<<') {
          const doc: HereDoc = {
            start: target?.start ?? i,
            end: target?.end ?? i,
            quoted: false,
            vars: target?.vars ?? [],
            substitutions: target?.substitutions ?? [],
          };
          if (target) doc.herestring = target;
          current.heredocs.push(doc);
        } else {
          current.redirects.push(target ? { op, target } : { op });
        }
        continue;
      }
      const word = this.word(i, to, depth, closer);
      i = Math.max(word.end, i + 1);
      this.addWord(current, word);
    }
    finish(Math.min(i, to), false);
    if (pendingHeredocs.length) this.readHeredocBodies(Math.min(i, to), to, pendingHeredocs, depth);
    return { start: from, end: Math.min(i, to), commands, stop: i };
  }

  private newCommand(at: number): Command {
    return {
      words: [],
      assignments: [],
      redirects: [],
      heredocs: [],
      start: at,
      end: at,
      pipeline: this.pipelineCounter++,
      pipeIndex: 0,
    };
  }

  private atWordStart(i: number): boolean {
    const prev = this.text[i - 1];
    return i === 0 || prev === undefined || /[\s;&|()]/.test(prev);
  }

  private addWord(cmd: Command, word: Word): void {
    if (isEmpty(cmd)) cmd.start = word.start;
    if (cmd.words.length === 0) {
      const eq = word.text.indexOf('=');
      if (
        eq > 0 &&
        NAME.test(word.text.slice(0, eq)) &&
        !this.text.slice(word.start, word.end).startsWith('"')
      ) {
        cmd.assignments.push({ name: word.text.slice(0, eq), value: shiftWord(word, eq + 1) });
        return;
      }
      if (KEYWORDS.has(word.text) && !word.quoted) return;
    } else if (cmd.words.length >= 1 && DECLARE.has(cmd.words[0]!.text)) {
      const eq = word.text.indexOf('=');
      if (eq > 0 && NAME.test(word.text.slice(0, eq))) {
        cmd.assignments.push({ name: word.text.slice(0, eq), value: shiftWord(word, eq + 1) });
        return;
      }
    }
    cmd.words.push(word);
  }

  /** One word starting at `i`: up to unquoted whitespace or an operator. */
  private word(i: number, to: number, depth: number, closer: ')' | '`' | null = null): Word {
    const start = i;
    let text = '';
    let quoted = false;
    const vars: VarRef[] = [];
    const substitutions: Script[] = [];
    while (i < to) {
      const c = this.text[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&') break;
      if (c === '<' || c === '>') break;
      if (c === ')' || c === '(') break;
      if (closer === '`' && c === '`') break;
      if (c === '\\') {
        text += this.text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === "'") {
        quoted = true;
        const close = this.text.indexOf("'", i + 1);
        const end = close === -1 || close >= to ? to : close;
        text += this.text.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (c === '"') {
        quoted = true;
        i++;
        while (i < to && this.text[i] !== '"') {
          const d = this.text[i]!;
          if (d === '\\' && i + 1 < to) {
            text += this.text[i + 1];
            i += 2;
            continue;
          }
          if (d === '$' || d === '`') {
            const got = this.dollar(i, to, depth, vars, substitutions);
            text += this.text.slice(i, got);
            i = got;
            continue;
          }
          text += d;
          i++;
        }
        i++;
        continue;
      }
      if (c === '$' || c === '`') {
        const got = this.dollar(i, to, depth, vars, substitutions);
        text += this.text.slice(i, got);
        i = got;
        continue;
      }
      text += c;
      i++;
    }
    return { text, start, end: Math.min(i, to), vars, substitutions, quoted };
  }

  /**
   * A `$…` or backquote at `i`: records a variable or parses a substitution; returns the
   * offset after it. GitHub's `${{ … }}` is skipped as a whole (it is not shell syntax).
   */
  private dollar(i: number, to: number, depth: number, vars: VarRef[], subs: Script[]): number {
    const text = this.text;
    if (text[i] === '`') {
      if (depth >= MAX_DEPTH) return skipTo(text, i + 1, to, '`');
      const inner = this.script(i + 1, to, depth + 1, '`');
      subs.push(inner);
      return Math.min(inner.stop + 1, to);
    }
    if (text.startsWith('${{', i)) {
      const close = text.indexOf('}}', i + 3);
      return close === -1 || close >= to ? to : close + 2;
    }
    if (text.startsWith('$((', i)) {
      const close = text.indexOf('))', i + 3);
      return close === -1 || close >= to ? to : close + 2;
    }
    if (text[i + 1] === '(') {
      if (depth >= MAX_DEPTH) return skipTo(text, i + 2, to, ')');
      const inner = this.script(i + 2, to, depth + 1, ')');
      subs.push(inner);
      return Math.min(inner.stop + 1, to);
    }
    if (text[i + 1] === '{') {
      const m = /^\$\{[#!]?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 260));
      const close = findBrace(text, i + 2, to);
      if (m) vars.push({ name: m[1]!, start: i, end: close });
      return close;
    }
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 258));
    if (m) {
      vars.push({ name: m[1]!, start: i, end: i + m[0].length });
      return i + m[0].length;
    }
    return i + 1 + (/[0-9@*#?$!-]/.test(text[i + 1] ?? '') ? 1 : 0);
  }

  /** Reads here-document bodies after the line that opened them; returns the offset after them. */
  private readHeredocBodies(
    i: number,
    to: number,
    pending: { doc: HereDoc; delimiter: string; strip: boolean }[],
    depth: number,
  ): number {
    for (const { doc, delimiter, strip } of pending) {
      doc.start = i;
      let end = to;
      let next = to;
      let lineStart = i;
      while (lineStart < to) {
        const nl = this.text.indexOf('\n', lineStart);
        const lineEnd = nl === -1 || nl > to ? to : nl;
        const line = this.text.slice(lineStart, lineEnd);
        if ((strip ? line.replace(/^\t+/, '') : line).trim() === delimiter) {
          end = lineStart;
          next = Math.min(lineEnd + 1, to);
          break;
        }
        lineStart = lineEnd + 1;
      }
      doc.end = end;
      if (!doc.quoted) {
        let j = doc.start;
        while (j < doc.end) {
          const c = this.text[j];
          if (c === '\\') {
            j += 2;
            continue;
          }
          if (c === '$' || c === '`') {
            j = Math.max(j + 1, this.dollar(j, doc.end, depth, doc.vars, doc.substitutions));
            continue;
          }
          j++;
        }
      }
      i = next;
    }
    return i;
  }
}

function isEmpty(cmd: Command): boolean {
  return !cmd.words.length && !cmd.assignments.length && !cmd.redirects.length && !cmd.heredocs.length;
}

function skipTo(text: string, from: number, to: number, ch: string): number {
  const at = text.indexOf(ch, from);
  return at === -1 || at >= to ? to : at + 1;
}

/** The offset after the `}` closing a `${…}` whose content starts at `from`. */
function findBrace(text: string, from: number, to: number): number {
  let depth = 1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return to;
}

/** The value part of an assignment word `NAME=value` (offsets kept; text after the `=`). */
function shiftWord(word: Word, by: number): Word {
  return { ...word, text: word.text.slice(by), start: word.start };
}

/** The flag value of `--flag value`, `--flag=value` or `-f value` among a command's words. */
export function flagValues(words: readonly Word[], flag: string): { present: boolean; values: Word[] } {
  const values: Word[] = [];
  let present = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.text === flag) {
      present = true;
      const next = words[k + 1];
      if (next && !next.text.startsWith('-')) values.push(next);
    } else if (flag.startsWith('--') && w.text.startsWith(`${flag}=`)) {
      present = true;
      values.push({ ...w, text: w.text.slice(flag.length + 1) });
    }
  }
  return { present, values };
}

/**
 * The script inside a word that a shell runs (`bash -c '…'`, `eval "…"`), parsed with offsets
 * into `source` (the text `word` was read from). Offsets are exact when the string has no escapes
 * inside it; pipeline numbers start at `pipelineBase` so they do not meet the outer script's.
 */
export function parseNested(word: Word, source: string, pipelineBase: number): Script {
  const parser = new Parser(word.text, pipelineBase);
  const inner = parser.script(0, word.text.length, 0, null);
  const quote = source[word.start] === '"' || source[word.start] === "'" ? 1 : 0;
  return shiftScript(inner, word.start + quote);
}

function shiftScript(s: Script, by: number): Script {
  return { start: s.start + by, end: s.end + by, commands: s.commands.map((c) => shiftCommand(c, by)) };
}

function shiftCommand(c: Command, by: number): Command {
  return {
    ...c,
    start: c.start + by,
    end: c.end + by,
    words: c.words.map((w) => shiftAll(w, by)),
    assignments: c.assignments.map((a) => ({ name: a.name, value: shiftAll(a.value, by) })),
    redirects: c.redirects.map((r) => (r.target ? { op: r.op, target: shiftAll(r.target, by) } : r)),
    heredocs: c.heredocs.map((h) => ({
      ...h,
      start: h.start + by,
      end: h.end + by,
      vars: h.vars.map((v) => ({ ...v, start: v.start + by, end: v.end + by })),
      substitutions: h.substitutions.map((x) => shiftScript(x, by)),
      ...(h.herestring ? { herestring: shiftAll(h.herestring, by) } : {}),
    })),
  };
}

function shiftAll(w: Word, by: number): Word {
  return {
    ...w,
    start: w.start + by,
    end: w.end + by,
    vars: w.vars.map((v) => ({ ...v, start: v.start + by, end: v.end + by })),
    substitutions: w.substitutions.map((x) => shiftScript(x, by)),
  };
}
