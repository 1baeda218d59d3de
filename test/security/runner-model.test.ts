/**
 * The test runner's model of the GitHub Actions runner (test/support/runner.ts) reads output the
 * way actions/runner does. Every end-to-end test relies on it, so its rules are pinned here:
 * `::` after leading white space, legacy `##[` anywhere, stop-commands and the resume token,
 * masks applied only to what follows them, lines ending at CR as well as LF, stderr parsed too.
 */
import { describe, expect, it } from 'vitest';
import { commandProblems, parseFileCommand, RunnerModel, readAsRunner } from '../support/runner.js';

describe('the runner model', () => {
  it('takes ::command:: after leading white space, .NET white space included', () => {
    for (const lead of ['', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\u0085']) {
      const r = readAsRunner(`${lead}::warning::hello\n`);
      expect(
        r.commands.map((c) => c.command),
        JSON.stringify(lead),
      ).toEqual(['warning']);
    }
    // Not at the start: plain text.
    expect(readAsRunner('x ::warning::hello\n').commands).toEqual([]);
    // An unregistered command name is plain text too.
    expect(readAsRunner('::nope::hello\n').commands).toEqual([]);
  });

  it('takes the legacy ##[command] form anywhere in a line', () => {
    const r = readAsRunner('Fix typo ##[warning]look here\n');
    expect(r.commands).toEqual([{ command: 'warning', properties: {}, message: 'look here', legacy: true }]);
    expect(commandProblems(r)).toContain('legacy ##[warning] command');
  });

  it('stop-commands ignores every command, add-mask included, until ::TOKEN::', () => {
    const r = readAsRunner(
      [
        'purpose: Fix typo ##[stop-commands]x',
        '::add-mask::AKIA-SECRET-VALUE',
        'the key is AKIA-SECRET-VALUE',
        '::x::',
        '::add-mask::later-secret',
        'later-secret and AKIA-SECRET-VALUE',
        '',
      ].join('\n'),
    );
    expect(r.stopCommands).toEqual(['x']);
    expect(r.ignored.map((c) => c.command)).toEqual(['add-mask']);
    expect(r.masks).toEqual(['later-secret']);
    // Ignored command lines are printed as they are: the secret is in the log.
    expect(r.log).toContain('::add-mask::AKIA-SECRET-VALUE');
    expect(r.log).toContain('*** and AKIA-SECRET-VALUE');
    expect(commandProblems(r).join('\n')).toMatch(/stop-commands/);
  });

  it('refuses a stop token that is a command name, empty or pause-logging', () => {
    for (const token of ['', 'add-mask', 'PAUSE-LOGGING']) {
      const r = readAsRunner(`::stop-commands::${token}\n::add-mask::s3cr3t\n`);
      expect(r.errors).toHaveLength(1);
      expect(r.masks).toEqual(['s3cr3t']);
    }
  });

  it('masks apply to lines printed after the mask, not before', () => {
    const r = readAsRunner('early s3cr3t\n::add-mask::s3cr3t\nlate s3cr3t\n');
    expect(r.log.split('\n')).toEqual(['early s3cr3t', 'late ***']);
  });

  it('overlapping masks are merged', () => {
    const m = new RunnerModel();
    m.feed('stdout', '::add-mask::abcd\n::add-mask::cdef\nxabcdefx\n');
    expect(m.end().log).toBe('x***x');
  });

  it('a CR ends a line as LF does (StreamReader.ReadLine), even across chunks', () => {
    const m = new RunnerModel();
    m.feed('stdout', 'text\r::stop-commands::pwn\r');
    m.feed('stdout', '\nmore');
    const r = m.end();
    expect(r.stopCommands).toEqual(['pwn']);
    expect(r.log.split('\n')).toEqual(['text', '::stop-commands::pwn', 'more']);
  });

  it('reads stderr for commands too, in arrival order', () => {
    const m = new RunnerModel();
    m.feed('stderr', '::add-mask::from-stderr\n');
    m.feed('stdout', 'from-stderr\n');
    expect(m.end().log).toBe('***');
  });

  it('unescapes data and properties as ActionCommand does', () => {
    const [c] = readAsRunner('::error file=a%2Cb%3A%3Ac,line=3::one%0Atwo 100%25\n').commands;
    expect(c).toEqual({
      command: 'error',
      properties: { file: 'a,b::c', line: '3' },
      message: 'one\ntwo 100%',
    });
  });

  it('echo, set-env and add-path are problems for this product', () => {
    expect(commandProblems(readAsRunner('::echo::on\n'))).toHaveLength(1);
    expect(
      commandProblems(readAsRunner('::set-env name=NODE_OPTIONS::--require x\n')).length,
    ).toBeGreaterThan(0);
    expect(commandProblems(readAsRunner('::add-path::/tmp/evil\n')).length).toBeGreaterThan(0);
  });

  it('file commands: NAME=VALUE when = comes first, heredocs otherwise, a missing delimiter throws', () => {
    expect(parseFileCommand('A=1\nB<<EOF\nx\ny\nEOF\nC=<<not-a-heredoc\n')).toEqual({
      A: '1',
      B: 'x\ny',
      C: '<<not-a-heredoc',
    });
    expect(() => parseFileCommand('A<<EOF\nno end\n')).toThrow(/delimiter/);
  });
});
