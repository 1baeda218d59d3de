/**
 * `astl` front end: finds the verb, loads its module on demand (so `--version` and `--help` stay
 * fast), parses flags strictly, and maps outcomes to the exit codes CI systems branch on.
 */
import pkg from '../../package.json' with { type: 'json' };
import { AstlError } from '../../packages/core/errors.js';
import { closest } from '../../packages/core/suggest.js';
import { helpText, type Parsed, parseVerbArgs, type VerbSpec } from './args.js';
import { EXIT, formatError, UsageError } from './exit.js';
import { type Io, internalErrorText, processIo } from './io.js';

export interface VerbModule {
  spec: VerbSpec;
  run(args: Parsed, io: Io): Promise<number>;
}

interface VerbEntry {
  summary: string;
  load: () => Promise<VerbModule>;
}

/** Every verb, by the words that name it. Modules load only when their verb runs. */
export const VERBS: Record<string, VerbEntry> = {
  scan: {
    summary: 'scan agent configs, policies, workflows and IAM documents for risky settings',
    load: () => import('./verbs/scan.js'),
  },
  gate: {
    summary: 'check a deploy request against policy: allow, deny or approval_needed',
    load: () => import('./verbs/gate.js'),
  },
  credentials: {
    summary: "mint short-lived credentials for a registered agent from the job's ID token",
    load: () => import('./verbs/credentials.js'),
  },
  revoke: {
    summary: 'revoke what `astl credentials` minted and delete its files',
    load: () => import('./verbs/revoke.js'),
  },
  'agents list': {
    summary: 'list the registered agents, and with --discover the AI agents that run in CI',
    load: () => import('./verbs/agents-list.js'),
  },
  'agents check': {
    summary: 'validate the agent registry against the agent policies',
    load: () => import('./verbs/agents-check.js'),
  },
  'agent create': {
    summary: 'register a new agent (asks for missing fields on a terminal)',
    load: () => import('./verbs/agent-create.js'),
  },
};

/** Verbs whose first word takes a second one (`agents list`). */
const GROUPS = new Set(
  Object.keys(VERBS)
    .filter((v) => v.includes(' '))
    .map((v) => v.split(' ')[0]!),
);

export function version(): string {
  return pkg.version;
}

function topHelp(): string {
  const width = Math.max(...Object.keys(VERBS).map((v) => v.length)) + 2;
  return [
    `astl ${version()}: governed machine identities for AI agents and bots in CI/CD`,
    '',
    'Usage: astl <command> [flags]',
    '',
    'Commands:',
    ...Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(width)}${v.summary}`),
    '',
    "Run 'astl <command> --help' for a command's flags and examples.",
    '',
    'Exit codes: 0 ok/allow, 1 findings/deny (an invalid policy denies), 2 approval_needed, 3 usage error or a file that does not load.',
  ].join('\n');
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io = processIo(env)): Promise<number> {
  try {
    nodeVersionCheck(process.versions.node);
    return await dispatch(argv, io);
  } catch (err) {
    return report(err, io);
  }
}

/**
 * Refuses a Node older than package.json's `engines.node` (">=MAJOR.MINOR") with a usage error,
 * instead of a confusing failure later (the HTTP client needs process.getBuiltinModule, 20.16+).
 */
export function nodeVersionCheck(version: string, engines: string = pkg.engines.node): void {
  const need = /^>=\s*(\d+)\.(\d+)/.exec(engines);
  const have = /^v?(\d+)\.(\d+)/.exec(version);
  if (!need || !have) return;
  const [needMajor, needMinor, haveMajor, haveMinor] = [need[1], need[2], have[1], have[2]].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (haveMajor > needMajor || (haveMajor === needMajor && haveMinor >= needMinor)) return;
  throw new UsageError(
    `astl needs Node.js ${engines.replace(/^>=\s*/, '')} or newer; this is Node.js ${version}`,
    'install a current Node.js LTS (20.19+, 22 or 24), or use the release image registry.gitlab.com/astl/agent-credentials/cli',
  );
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && second !== undefined) return dispatch([...argv.slice(1), '--help'], io);
    io.out(topHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    io.out(version());
    return EXIT.ok;
  }
  let name = first;
  let rest = argv.slice(1);
  if (GROUPS.has(first)) {
    const subs = Object.keys(VERBS)
      .filter((v) => v.startsWith(`${first} `))
      .map((v) => v.slice(first.length + 1));
    if (second === undefined || second.startsWith('-')) {
      if (second === '--help' || second === '-h') {
        io.out(subs.map((s) => `astl ${first} ${s}: ${VERBS[`${first} ${s}`]!.summary}`).join('\n'));
        return EXIT.ok;
      }
      throw new UsageError(`'astl ${first}' needs a subcommand: ${subs.join(', ')}`);
    }
    if (!subs.includes(second)) {
      const guess = closest(second, subs);
      throw new UsageError(
        `unknown subcommand '${first} ${second}'`,
        guess ? `did you mean 'astl ${first} ${guess}'?` : `use one of: ${subs.join(', ')}`,
      );
    }
    name = `${first} ${second}`;
    rest = argv.slice(2);
  }
  const entry = VERBS[name];
  if (!entry) {
    const guess = closest(name, [...Object.keys(VERBS), ...GROUPS]);
    throw new UsageError(
      `unknown command '${name}'`,
      guess ? `did you mean 'astl ${guess}'? (run 'astl --help' for all commands)` : "run 'astl --help'",
    );
  }
  const verb = await entry.load();
  const parsed = parseVerbArgs(verb.spec, rest);
  if (parsed.values.help === true) {
    io.out(helpText(verb.spec));
    return EXIT.ok;
  }
  return verb.run(parsed, io);
}

function report(err: unknown, io: Io): number {
  if (err instanceof AstlError) {
    io.err(`astl: ${formatError(err)}`);
    const exit = (err as AstlError & { exitCode?: number }).exitCode;
    return typeof exit === 'number' ? exit : EXIT.usage;
  }
  // Anything else is a bug in astl.
  io.err(internalErrorText(err));
  return EXIT.usage;
}
