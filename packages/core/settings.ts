/**
 * The settings a user gives a front end, named one way in the engine and rendered by each front
 * end in its own terms: the credentials action calls `duration` "input 'duration'" and sets it
 * with `with:\n  duration: 30m`; the CLI calls it `--duration` and sets it with `--duration 30m`.
 *
 * Engine code never spells a front end's words. An error that is about a setting carries its id
 * (`AstlError` option `setting`), and hint, fix and message texts that name settings are
 * functions of a `SettingNames` (type `SettingText`); `AstlError.format(names)` renders them.
 */

/** Every setting the engine names, by the action input's name (kebab-case). */
export type SettingId =
  | 'agent'
  | 'agent-type'
  | 'purpose'
  | 'duration'
  | 'config'
  | 'policies'
  | 'policy'
  | 'aws-role-arn'
  | 'aws-region'
  | 'aws-audience'
  | 'vault-url'
  | 'vault-role'
  | 'vault-auth-path'
  | 'vault-namespace'
  | 'vault-audience'
  | 'vault-secrets'
  | 'github-app-id'
  | 'allow-insecure-http';

/** How one front end names its settings. */
export interface SettingNames {
  /** Which front end: `action` (GitHub Action inputs) or `cli` (flags). */
  readonly kind: 'action' | 'cli';
  /** The setting in running text: `input 'duration'`, `--duration`. */
  name(id: SettingId): string;
  /**
   * A snippet that sets `values` (in order): `with:\n  duration: 30m\n` for an action step,
   * `--duration 30m` for the CLI. `true` sets a boolean (a bare flag on the CLI).
   */
  snippet(values: [SettingId, string | true][]): string;
}

/** Text that may name settings: a plain string, or rendered per front end. */
export type SettingText = string | ((names: SettingNames) => string);

/** Renders a SettingText with a front end's names. */
export function renderSettingText(text: SettingText, names: SettingNames): string;
export function renderSettingText(text: SettingText | undefined, names: SettingNames): string | undefined;
export function renderSettingText(text: SettingText | undefined, names: SettingNames): string | undefined {
  return typeof text === 'function' ? text(names) : text;
}

// A YAML scalar or a shell word that needs no quotes: letters, digits and . _ / : @ + = , -
const PLAIN = /^[A-Za-z0-9._/:@+=,-]+$/;

/** The inputs of the GitHub Actions (`with:` keys are the setting ids). */
export const ACTION_INPUTS: SettingNames = {
  kind: 'action',
  name: (id) => `input '${id}'`,
  snippet: (values) =>
    `with:\n${values
      .map(([id, v]) => `  ${id}: ${v === true ? 'true' : PLAIN.test(v) ? v : JSON.stringify(v)}`)
      .join('\n')}\n`,
};

/**
 * The CLI's flags. A setting's flag is `--<id>` unless `flags` names another; the gate's CLI
 * spells its policy path `--policy` like the action does.
 */
export function cliFlags(flags: Partial<Record<SettingId, string>> = {}): SettingNames {
  const flag = (id: SettingId) => `--${flags[id] ?? id}`;
  return {
    kind: 'cli',
    name: flag,
    snippet: (values) =>
      values
        .map(([id, v]) => (v === true ? flag(id) : `${flag(id)} ${PLAIN.test(v) ? v : shellWord(v)}`))
        .join(' '),
  };
}

/** `'value'` for POSIX shells. */
function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
