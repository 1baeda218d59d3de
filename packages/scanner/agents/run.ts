/**
 * Agents run from shell scripts (`run:` steps, GitLab `script:` lines): which commands start an
 * agent CLI (./catalog.ts `commands`), what text reaches its prompt (arguments, here-documents,
 * here-strings, earlier commands of its pipeline, shell variables assigned earlier in the script
 * and the environment), and where its answer goes (files, variables, `$GITHUB_ENV`, a shell).
 */
import type { TaintSource } from '../workflow/expressions.js';
import type { CatalogEntry, CommandSpec } from './catalog.js';
import {
  allCommands,
  basename,
  type Command,
  flagValues,
  type HereDoc,
  parseNested,
  type Script,
  type Word,
} from './shell.js';

export type Flow = Omit<TaintSource, 'start' | 'end'>;

/** How names resolve where the script runs. */
export interface ShellEnvironment {
  /** Untrusted flows of `$NAME` when the script does not assign it (step/job/workflow env, CI variables). */
  variable(name: string): Flow[];
  /** Untrusted `${{ }}` expressions in the script, with offsets into the script text. */
  expressions: { start: number; end: number; sources: Flow[] }[];
  /** Untrusted text an earlier step wrote to this file (as named in the script). */
  file?(name: string): Flow[];
}

/** Programs that print a file they are given (`$(cat issue.txt)`, `jq -r .body issue.json |`). */
const READERS = new Set(['cat', 'head', 'tail', 'jq', 'yq', 'sed', 'awk', 'tr', 'cut', 'base64', 'envsubst']);

export interface AgentCommand {
  entry: CatalogEntry;
  command: Command;
  /** Index in `command.words` of the first argument after the program (and runner). */
  argsFrom: number;
  /**
   * Set when the command was read from a string another program runs (`bash -c '…'`, `eval`,
   * `env -S`): those strings (the outer shell expands them first) and the scripts parsed from them.
   */
  nested?: { words: Word[]; scripts: Script[] };
}

/**
 * Programs that run the command after their options, with the options that take a value as a
 * separate word (`sudo -u runner claude …`, `env -u VAR claude …`, `xargs -I{} -n 1 claude …`).
 */
const WRAPPERS: Record<string, readonly string[]> = {
  sudo: [
    '-u',
    '-g',
    '-C',
    '-D',
    '-h',
    '-p',
    '-r',
    '-t',
    '-U',
    '-T',
    '--user',
    '--group',
    '--chdir',
    '--prompt',
  ],
  doas: ['-u', '-C'],
  env: ['-u', '--unset', '-C', '--chdir'],
  nohup: [],
  exec: ['-a'],
  command: [],
  builtin: [],
  time: ['-f', '--format', '-o', '--output'],
  stdbuf: ['-i', '-o', '-e'],
  nice: ['-n', '--adjustment'],
  ionice: ['-c', '-n', '-p'],
  setsid: [],
  unbuffer: [],
  chronic: [],
  caffeinate: [],
  'xvfb-run': ['-n', '-s', '-e', '-f', '-p', '-w', '--server-num', '--server-args', '--error-file'],
  xargs: [
    '-I',
    '-n',
    '-P',
    '-d',
    '-E',
    '-L',
    '-s',
    '-a',
    '--max-args',
    '--max-procs',
    '--delimiter',
    '--arg-file',
  ],
  timeout: ['-s', '-k', '--signal', '--kill-after'],
  flock: ['-w', '-E', '--timeout', '--conflict-exit-code'],
};
/** Wrappers with positional words before the command: `timeout 10m cmd`, `flock /tmp/l cmd`. */
const WRAPPER_POSITIONALS: Record<string, number> = { timeout: 1, flock: 1 };
const RUNNERS: Record<string, number> = { npx: 1, bunx: 1, pnpx: 1, uvx: 1 };
/** Shells whose `-c` string is a script (`bash -lc '…'`); `su`/`runuser` take `-c`/`--command`. */
const C_SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh']);
const MAX_NESTING = 3;

/**
 * Every command of a script that runs an agent from the catalog, including inside strings that a
 * shell runs (`bash -c "claude -p …"`, `eval`, `env -S`) when `source` (the script text) is given.
 */
export function findAgentCommands(
  script: Script,
  catalog: readonly CatalogEntry[],
  source?: string,
): AgentCommand[] {
  const out: AgentCommand[] = [];
  let pipelines = 1_000_000;
  const visit = (s: Script, depth: number, nested?: { words: Word[]; scripts: Script[] }) => {
    for (const command of allCommands(s)) {
      const found = matchCommand(command, catalog);
      if (found) {
        out.push(nested ? { ...found, nested } : found);
        continue;
      }
      if (source === undefined || depth >= MAX_NESTING) continue;
      for (const word of commandStrings(command)) {
        const inner = parseNested(word, source, pipelines);
        pipelines += 100_000;
        visit(inner, depth + 1, {
          words: [...(nested?.words ?? []), word],
          scripts: [...(nested?.scripts ?? []), inner],
        });
      }
    }
  };
  visit(script, 0);
  return out;
}

/** The index of the program after any wrappers (`sudo -E`, `timeout 10m`, `env A=1`, `xargs -0`). */
function skipWrappers(words: readonly Word[]): number {
  let i = 0;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const w = basename(words[i]!.text);
    const valued = WRAPPERS[w];
    if (!valued) break;
    i++;
    while (i < words.length) {
      const t = words[i]!.text;
      if (t === '--') {
        i++;
        break;
      }
      if (valued.includes(t)) i += 2;
      else if (t.startsWith('-') || (w === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t))) i++;
      else break;
    }
    i += WRAPPER_POSITIONALS[w] ?? 0;
  }
  return i;
}

/** Strings a command runs as shell code: `bash -c STR`, `su -c STR`, `eval STR…`, `env -S STR`. */
function commandStrings(command: Command): Word[] {
  const words = command.words;
  // `env -S 'claude -p …'` (checked before the wrappers are skipped: -S is env's own).
  if (basename(words[0]?.text ?? '') === 'env') {
    const k = words.findIndex((w) => w.text === '-S' || w.text === '--split-string');
    if (k !== -1 && words[k + 1]) return [words[k + 1]!];
  }
  const i = skipWrappers(words);
  const program = basename(words[i]?.text ?? '');
  if (program === 'eval') return words.slice(i + 1);
  if (program === 'su' || program === 'runuser') {
    const k = words.findIndex((w, n) => n > i && (w.text === '-c' || w.text === '--command'));
    return k !== -1 && words[k + 1] ? [words[k + 1]!] : [];
  }
  if (!C_SHELLS.has(program)) return [];
  let dashC = false;
  for (let k = i + 1; k < words.length; k++) {
    const t = words[k]!.text;
    if (/^[-+][oO]$/.test(t)) {
      k++; // `-o pipefail`
      continue;
    }
    if (/^-[A-Za-z]+$/.test(t)) {
      if (t.includes('c')) dashC = true;
      continue;
    }
    return dashC ? [words[k]!] : [];
  }
  return [];
}

function matchCommand(command: Command, catalog: readonly CatalogEntry[]): AgentCommand | undefined {
  const words = command.words;
  const i = skipWrappers(words);
  const program = words[i];
  if (!program) return undefined;
  const name = basename(program.text);
  let viaPackage: string | undefined;
  let next = i + 1;
  const runner =
    RUNNERS[name] !== undefined ||
    ((name === 'pnpm' || name === 'yarn') && words[i + 1]?.text === 'dlx') ||
    (name === 'pipx' && words[i + 1]?.text === 'run') ||
    (name === 'npm' && words[i + 1]?.text === 'exec');
  if (runner) {
    next = RUNNERS[name] !== undefined ? i + 1 : i + 2;
    while (next < words.length && words[next]!.text.startsWith('-')) {
      // `npx -p pkg cmd` names the package with -p/--package.
      if (words[next]!.text === '-p' || words[next]!.text === '--package') next++;
      next++;
    }
    if (words[next]?.text === '--') next++;
    viaPackage = words[next]?.text;
    next++;
  }
  for (const entry of catalog) {
    for (const spec of entry.commands) {
      if (viaPackage !== undefined ? !packageMatches(viaPackage, spec) : name !== spec.program) continue;
      const args = words.slice(next);
      if (!invocationMatches(args, spec)) continue;
      return { entry, command, argsFrom: next };
    }
  }
  return undefined;
}

function packageMatches(pkg: string, spec: CommandSpec): boolean {
  // `@scope/name@1.2.3`, `name@latest`: drop a version after the last `@` (not a scope's).
  const at = pkg.lastIndexOf('@');
  const bare = at > 0 && !pkg.slice(at).includes('/') ? pkg.slice(0, at) : pkg;
  return spec.packages.includes(bare) || bare === spec.program;
}

function invocationMatches(args: readonly Word[], spec: CommandSpec): boolean {
  if (spec.subcommand.length > 0) {
    // The first word that is neither an option nor an option's value (`codex -a never exec`).
    let found = false;
    for (let k = 0; k < args.length && !found; k++) {
      const t = args[k]!.text;
      if (spec.subcommand.includes(t)) found = true;
      else if (t.startsWith('-')) continue;
      else if (!(k > 0 && /^-[^=]*$/.test(args[k - 1]!.text))) break;
    }
    if (!found) return false;
  }
  if (spec.whenFlags.length > 0) {
    return spec.whenFlags.some((f) => flagValues(args, f).present);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// What reaches the prompt

export interface PromptFlow {
  flow: Flow;
  /** Offset in the script text of the reference (`$TITLE`, `${{ … }}`). */
  offset: number;
}

const MAX_VAR_DEPTH = 8;

/**
 * The untrusted values that become part of an agent command's prompt: in its arguments,
 * here-documents and here-strings, and in the commands feeding it through a pipe. A variable is
 * followed to its last assignment before the use (or to the environment). The event payload
 * read from `$GITHUB_EVENT_PATH` or fetched with `gh issue view`/`gh pr view`/`gh api` inside a
 * substitution or a feeding command is untrusted; the path or a variable's name given as plain
 * text is not (the agent reads it as data with a tool, the vendors' recommended pattern).
 */
export function promptFlows(script: Script, agent: AgentCommand, env: ShellEnvironment): PromptFlow[] {
  const commands = [...allCommands(script), ...(agent.nested?.scripts.flatMap(allCommands) ?? [])].sort(
    (a, b) => a.start - b.start,
  );
  const out: PromptFlow[] = [];
  const cmd = agent.command;
  const spans: { start: number; end: number }[] = [];
  const args = cmd.words.slice(agent.argsFrom);
  // `bash -c "claude -p '$TITLE'"`: the outer shell expands the string before the inner runs it.
  for (const w of [...args, ...(agent.nested?.words ?? [])]) {
    spans.push(w);
    for (const v of w.vars)
      out.push(...resolve(v.name, v.start, commands, env, 0).map((flow) => ({ flow, offset: v.start })));
    for (const s of w.substitutions) out.push(...substitutionFlows(s, commands, env, 0));
  }
  for (const h of cmd.heredocs) {
    spans.push(h);
    out.push(...heredocFlows(h, commands, env));
  }
  // `claude -p < prompt.txt`, `aider --message-file prompt.txt`: a file an earlier step filled.
  if (env.file) {
    for (const r of cmd.redirects)
      if (r.op === '<' && r.target)
        out.push(...env.file(normalise(r.target.text)).map((flow) => ({ flow, offset: r.target!.start })));
    args.forEach((w, k) => {
      if (k > 0 && /^--?[\w-]*file$/i.test(args[k - 1]!.text))
        out.push(...env.file!(normalise(w.text)).map((flow) => ({ flow, offset: w.start })));
    });
  }
  // Commands piping into the agent (`echo "$BODY" | claude -p`, `gh issue view | codex exec -`).
  for (const feeder of commands.filter((c) => c.pipeline === cmd.pipeline && c.pipeIndex < cmd.pipeIndex)) {
    spans.push(feeder);
    out.push(...commandFlows(feeder, commands, env, 0));
  }
  for (const e of env.expressions) {
    if (spans.some((s) => e.start >= s.start && e.start < s.end)) {
      out.push(...e.sources.map((flow) => ({ flow, offset: e.start })));
    }
  }
  return dedupe(out);
}

function heredocFlows(h: HereDoc, commands: Command[], env: ShellEnvironment): PromptFlow[] {
  const out: PromptFlow[] = [];
  for (const v of h.vars)
    out.push(...resolve(v.name, v.start, commands, env, 0).map((flow) => ({ flow, offset: v.start })));
  for (const s of h.substitutions) out.push(...substitutionFlows(s, commands, env, 0));
  return out;
}

/** A command whose output is inlined (substitution, pipe): payload reads and its own expansions. */
function commandFlows(c: Command, commands: Command[], env: ShellEnvironment, depth: number): PromptFlow[] {
  const out: PromptFlow[] = [];
  const fetch = untrustedFetch(c);
  if (fetch) out.push({ flow: fetch, offset: c.start });
  if (env.file) {
    const read = READERS.has(basename(c.words[0]?.text ?? ''))
      ? c.words.slice(1).filter((w) => !w.text.startsWith('-'))
      : [];
    const redirected = c.redirects.filter((r) => r.op === '<' && r.target).map((r) => r.target!);
    for (const w of [...read, ...redirected])
      out.push(...env.file(normalise(w.text)).map((flow) => ({ flow, offset: w.start })));
  }
  for (const w of c.words) {
    for (const v of w.vars) {
      if (v.name === 'GITHUB_EVENT_PATH') continue; // reported as a fetch above
      out.push(...resolve(v.name, v.start, commands, env, depth).map((flow) => ({ flow, offset: v.start })));
    }
    for (const s of w.substitutions) out.push(...substitutionFlows(s, commands, env, depth));
  }
  for (const h of c.heredocs) out.push(...heredocFlows(h, commands, env));
  return out;
}

/** The untrusted text a command prints or writes: what it reads, fetches and expands. */
export function commandInputs(c: Command, commands: Command[], env: ShellEnvironment): Flow[] {
  return commandFlows(c, commands, env, 0).map((p) => p.flow);
}

function substitutionFlows(
  s: Script,
  commands: Command[],
  env: ShellEnvironment,
  depth: number,
): PromptFlow[] {
  if (depth > MAX_VAR_DEPTH) return [];
  return s.commands.flatMap((c) => commandFlows(c, commands, env, depth + 1));
}

/** Reading the event payload or an issue/PR through the GitHub CLI. */
function untrustedFetch(c: Command): Flow | undefined {
  const words = c.words.map((w) => w.text);
  const program = basename(words[0] ?? '');
  if (
    c.words.some((w) => w.vars.some((v) => v.name === 'GITHUB_EVENT_PATH')) ||
    c.redirects.some((r) => r.target?.vars.some((v) => v.name === 'GITHUB_EVENT_PATH'))
  ) {
    return { context: 'github.event', capability: 'arbitrary', via: ['$GITHUB_EVENT_PATH', 'github.event'] };
  }
  if (
    program === 'gh' &&
    (((words[1] === 'issue' || words[1] === 'pr') && ['view', 'diff', 'list'].includes(words[2] ?? '')) ||
      words[1] === 'api')
  ) {
    const what = words.slice(0, 3).join(' ');
    return { context: what, capability: 'arbitrary', via: [what] };
  }
  return undefined;
}

function resolve(
  name: string,
  at: number,
  commands: Command[],
  env: ShellEnvironment,
  depth: number,
): Flow[] {
  if (depth > MAX_VAR_DEPTH) return [];
  let last: Word | undefined;
  for (const c of commands) {
    if (c.start > at) break;
    for (const a of c.assignments) if (a.name === name && a.value.start < at) last = a.value;
  }
  if (!last) return env.variable(name);
  const flows: Flow[] = [];
  for (const v of last.vars) {
    if (v.name === 'GITHUB_EVENT_PATH') continue;
    flows.push(
      ...resolve(v.name, v.start, commands, env, depth + 1).map((f) => ({
        ...f,
        via: [`$${name}`, ...f.via],
      })),
    );
  }
  for (const s of last.substitutions) {
    flows.push(
      ...substitutionFlows(s, commands, env, depth + 1).map((p) => ({
        ...p.flow,
        via: [`$${name}`, ...p.flow.via],
      })),
    );
  }
  for (const e of env.expressions) {
    if (e.start >= last.start && e.start < last.end)
      flows.push(...e.sources.map((f) => ({ ...f, via: [`$${name}`, ...f.via] })));
  }
  return flows;
}

function dedupe(flows: PromptFlow[]): PromptFlow[] {
  const seen = new Set<string>();
  return flows.filter((f) => {
    const key = `${f.offset}:${f.flow.via.join('>')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Where the answer goes

export interface OutputSink {
  /** Offset in the script text. */
  offset: number;
  /** What happens to the answer: "is piped into `bash`". */
  what: string;
  /** The file holding the answer, when the sink reads one. */
  file?: string;
}

export interface AgentOutputs {
  /** Files the agent's answer is written to (as named in the script). */
  files: Set<string>;
  /** Shell variables holding the answer (`X=$(claude -p …)`). */
  vars: Set<string>;
  /** Places in the same script where the answer runs as code or sets the environment. */
  sinks: OutputSink[];
}

/** Interpreters that run a script read from stdin (`| python3`) or a file (`python3 fix.py`). */
const SHELLS = new Set([...C_SHELLS, 'python', 'python3', 'node', 'pwsh', 'perl', 'ruby']);
/** Programs that run a file they are given (`bash fix.sh`, `. ./env.sh`, `deno run x.ts`). */
const RUNS_FILE = new Set([...SHELLS, 'source', '.', 'deno', 'bun']);
const ENV_FILE = /\$\{?GITHUB_(?:ENV|PATH)\}?/;

/** The agent command's answer: files, variables, and sinks in the rest of this script. */
export function agentOutputs(
  script: Script,
  agent: AgentCommand,
  fileFlags: readonly string[],
  text: string,
): AgentOutputs {
  const commands = allCommands(script);
  const cmd = agent.command;
  const files = new Set<string>();
  const vars = new Set<string>();
  const sinks: OutputSink[] = [];
  for (const r of cmd.redirects) {
    if (!r.target || !/^>/.test(r.op)) continue;
    if (ENV_FILE.test(text.slice(r.target.start, r.target.end))) {
      sinks.push({
        offset: r.target.start,
        what: `is written to ${r.target.text} (environment variables for every later step)`,
      });
    } else if (!/^\/dev\//.test(r.target.text)) files.add(normalise(r.target.text));
  }
  for (const flag of fileFlags)
    for (const v of flagValues(cmd.words.slice(agent.argsFrom), flag).values) files.add(normalise(v.text));
  for (const next of commands.filter((c) => c.pipeline === cmd.pipeline && c.pipeIndex > cmd.pipeIndex)) {
    const program = basename(next.words[0]?.text ?? '');
    if (program === 'tee') {
      for (const w of next.words.slice(1)) {
        if (w.text.startsWith('-')) continue;
        if (ENV_FILE.test(text.slice(w.start, w.end)))
          sinks.push({
            offset: w.start,
            what: `is written to ${w.text} by \`tee\` (environment variables for every later step)`,
          });
        else files.add(normalise(w.text));
      }
    }
    if (SHELLS.has(program) || program === 'eval' || program === 'xargs') {
      sinks.push({ offset: next.start, what: `is piped into \`${program}\`, which runs it` });
    }
    for (const r of next.redirects) {
      if (r.target && ENV_FILE.test(text.slice(r.target.start, r.target.end))) {
        sinks.push({
          offset: r.target.start,
          what: `is written to ${r.target.text} (environment variables for every later step)`,
        });
      }
    }
  }
  for (const c of commands) {
    for (const a of c.assignments) if (containsCommand(a.value, cmd)) vars.add(a.name);
  }
  for (const c of commands.filter((c) => c.start > cmd.end)) sinks.push(...varSinks(c, vars, text));
  sinks.push(
    ...fileSinks(
      commands.filter((c) => c.start > cmd.end),
      files,
      text,
    ),
  );
  return { files, vars, sinks };
}

/**
 * Where a later script runs or exports an answer it receives in environment variables
 * (`env: { PLAN: ${{ steps.ai.outputs.x }} }` then `eval "$PLAN"`): `vars` are those names,
 * followed through assignments (`X="$PLAN"`), pipes into a shell, and files the script writes
 * from them (`echo "$PLAN" > fix.sh; bash fix.sh`).
 */
export function envSinks(script: Script, vars: ReadonlySet<string>, text: string): OutputSink[] {
  const held = new Set(vars);
  const files = new Set<string>();
  const sinks: OutputSink[] = [];
  const commands = allCommands(script);
  for (const c of commands) {
    sinks.push(...varSinks(c, held, text), ...fileSinks([c], files, text));
    const reads =
      c.words.some((w) => usesVar(w, held)) || c.heredocs.some((h) => h.vars.some((v) => held.has(v.name)));
    if (reads) {
      for (const next of commands.filter((n) => n.pipeline === c.pipeline && n.pipeIndex > c.pipeIndex)) {
        const program = basename(next.words[0]?.text ?? '');
        if (SHELLS.has(program) || program === 'eval' || program === 'xargs')
          sinks.push({ offset: next.start, what: `is piped into \`${program}\`, which runs it` });
      }
      for (const r of c.redirects)
        if (r.target && /^>/.test(r.op) && !ENV_FILE.test(text.slice(r.target.start, r.target.end)))
          files.add(normalise(r.target.text));
    }
    for (const a of c.assignments) if (usesVar(a.value, held)) held.add(a.name);
  }
  return sinks;
}

function containsCommand(word: Word, cmd: Command): boolean {
  return word.substitutions.some((s) => allCommands(s).includes(cmd));
}

function usesVar(w: Word, vars: Set<string>): boolean {
  return w.vars.some((v) => vars.has(v.name));
}

/** A command that runs or exports text held in one of `vars`. */
export function varSinks(c: Command, vars: Set<string>, text: string): OutputSink[] {
  if (vars.size === 0) return [];
  const words = c.words;
  const program = basename(words[0]?.text ?? '');
  const out: OutputSink[] = [];
  if (words[0] && usesVar(words[0], vars)) out.push({ offset: words[0].start, what: 'runs as a command' });
  else if (program === 'eval' && words.slice(1).some((w) => usesVar(w, vars)))
    out.push({ offset: c.start, what: 'is run by `eval`' });
  else if (SHELLS.has(program)) {
    const dashC = words.findIndex((w) => w.text === '-c' || w.text === '-e');
    if (dashC !== -1 && words[dashC + 1] && usesVar(words[dashC + 1]!, vars)) {
      out.push({ offset: c.start, what: `is run by \`${program} ${words[dashC]!.text}\`` });
    }
  }
  const exported = c.redirects.some(
    (r) => r.target && ENV_FILE.test(text.slice(r.target.start, r.target.end)),
  );
  if (
    exported &&
    (words.some((w) => usesVar(w, vars)) || c.heredocs.some((h) => h.vars.some((v) => vars.has(v.name))))
  ) {
    out.push({
      offset: c.start,
      what: 'is written to $GITHUB_ENV/$GITHUB_PATH (environment variables for every later step)',
    });
  }
  return out;
}

/** A command that runs one of `files` or copies it into `$GITHUB_ENV`. */
export function fileSinks(
  commands: readonly Command[],
  files: ReadonlySet<string>,
  text: string,
): OutputSink[] {
  if (files.size === 0) return [];
  const out: OutputSink[] = [];
  const isFile = (w: Word | undefined) => !!w && files.has(normalise(w.text));
  for (const c of commands) {
    const words = c.words;
    const program = basename(words[0]?.text ?? '');
    if (isFile(words[0])) {
      out.push({
        offset: words[0]!.start,
        what: `\`${words[0]!.text}\` runs it as a program`,
        file: normalise(words[0]!.text),
      });
    } else if (RUNS_FILE.has(program)) {
      const target = words.slice(1).find((w) => !w.text.startsWith('-'));
      if (isFile(target))
        out.push({
          offset: c.start,
          what: `\`${program} ${target!.text}\` runs it`,
          file: normalise(target!.text),
        });
    }
    const inlined = words.flatMap((w) => w.substitutions).flatMap((s) => allCommands(s));
    const read = inlined
      .flatMap((s) => [
        ...(basename(s.words[0]?.text ?? '') === 'cat' ? s.words.slice(1) : []),
        ...(s.words.length === 0
          ? s.redirects.filter((r) => r.op === '<').flatMap((r) => (r.target ? [r.target] : []))
          : []),
      ])
      .find(isFile);
    if (read && (program === 'eval' || SHELLS.has(program) || words[0]?.substitutions.length)) {
      out.push({ offset: c.start, what: `\`${program}\` runs its content`, file: normalise(read.text) });
    }
    const exported = c.redirects.some(
      (r) => r.target && ENV_FILE.test(text.slice(r.target.start, r.target.end)),
    );
    const copied = program === 'cat' ? words.slice(1).find(isFile) : undefined;
    if (exported && copied) {
      out.push({
        offset: c.start,
        what: 'is copied into $GITHUB_ENV/$GITHUB_PATH (environment variables for every later step)',
        file: normalise(copied.text),
      });
    }
  }
  return out;
}

function normalise(file: string): string {
  return file.replace(/^\.\//, '').replace(/^["']|["']$/g, '');
}

export { normalise as normaliseFile };

/** What a script leaves for later steps: `$GITHUB_ENV` variables and files, with the untrusted text in them. */
export interface ScriptWrites {
  env: Map<string, Flow[]>;
  files: Map<string, Flow[]>;
}

/**
 * The untrusted text a script writes to `$GITHUB_ENV` (`echo "PROMPT=$TITLE" >> "$GITHUB_ENV"`,
 * here-documents, `| tee -a "$GITHUB_ENV"`) or to files (`printf '%s' "$BODY" > prompt.txt`,
 * `gh issue view 1 --json body > issue.json`), so a later step that reads them into an agent's
 * prompt is followed. `into` collects across the steps of a job.
 */
export function scriptWrites(script: Script, text: string, env: ShellEnvironment, into: ScriptWrites): void {
  const commands = allCommands(script);
  for (const c of commands) {
    const targets = c.redirects.filter((r) => r.target && /^>/.test(r.op)).map((r) => r.target!);
    const tee = basename(c.words[0]?.text ?? '') === 'tee';
    if (tee) targets.push(...c.words.slice(1).filter((w) => !w.text.startsWith('-')));
    if (targets.length === 0) continue;
    const sources = tee
      ? commands.filter((f) => f.pipeline === c.pipeline && f.pipeIndex < c.pipeIndex)
      : [c];
    const flows = sources.flatMap((src) => [
      ...commandInputs(src, commands, env),
      ...env.expressions.filter((e) => e.start >= src.start && e.start < src.end).flatMap((e) => e.sources),
    ]);
    if (flows.length === 0) continue;
    for (const t of targets) {
      if (/\$\{?GITHUB_ENV\}?/.test(text.slice(t.start, t.end))) {
        for (const name of exportedNames(sources, text))
          into.env.set(
            name,
            flows.map((f) => ({ ...f, via: [`$${name}`, '$GITHUB_ENV', ...f.via] })),
          );
      } else if (!/^\/dev\//.test(t.text) && !ENV_FILE.test(text.slice(t.start, t.end))) {
        into.files.set(
          normalise(t.text),
          flows.map((f) => ({ ...f, via: [t.text, ...f.via] })),
        );
      }
    }
  }
}

/** `NAME=…` and `NAME<<EOF` lines written by these commands (their words and here-documents). */
function exportedNames(commands: readonly Command[], text: string): string[] {
  const names = new Set<string>();
  for (const c of commands) {
    const lines = [
      ...c.words.slice(1).map((w) => w.text),
      ...c.heredocs.flatMap((h) => text.slice(h.start, h.end).split('\n')),
    ];
    for (const line of lines) {
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:=|<<)/.exec(line);
      if (m) names.add(m[1]!);
    }
  }
  return [...names];
}
