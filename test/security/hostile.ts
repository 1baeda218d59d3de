/** Shared inputs of the security suite (issue 9). */

/** The inputs and variants: every way we know to start a runner command. */
export const HOSTILE_TEXT = [
  'Fix typo ##[stop-commands]x',
  'Fix typo\n::stop-commands::x',
  'Fix typo\r::stop-commands::x',
  'Fix typo\r\n  ::stop-commands::x',
  '::stop-commands::pwn',
  '  ::add-mask::',
  '\u00a0::stop-commands::nbsp',
  '\u3000::stop-commands::ideographic-space',
  'x\u2028::stop-commands::ls',
  'x\u0085::stop-commands::nel',
  'a ##[add-mask]b',
  '##[set-env name=NODE_OPTIONS]--require /tmp/x',
  '###[stop-commands]y',
  '##[stop-commands]',
  '::set-env name=X::1',
  '::echo::on',
  '%0A::stop-commands::enc',
  'x##[stop-commands]y.yaml',
  '\u202egnp.exe',
  '\u001b[2J\u001b[Hclear screen',
];
