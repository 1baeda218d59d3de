/**
 * src/actions/runner.ts, the actions' only writer of runner output, in-process: every function
 * with hostile text, read back with the runner model. Kinds 1 and 9 at the front-end level.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as runner from '../../src/actions/runner.js';
import { commandProblems, parseFileCommand, readAsRunner } from '../support/runner.js';
import { HOSTILE_TEXT } from './hostile.js';

let out = '';
let restore: () => void;
let files: Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string>;
const saved = { ...process.env };

beforeEach(() => {
  out = '';
  restore = runner.captureOutput((t) => {
    out += t;
  });
  const dir = mkdtempSync(join(tmpdir(), 'astl-front-end-'));
  files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const [k, f] of Object.entries(files)) {
    writeFileSync(f, '');
    process.env[k] = f;
  }
});

afterEach(() => {
  restore();
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('workflow commands and log lines', () => {
  it('no hostile text becomes a command through info, debug, annotations, groups or failures', () => {
    for (const text of HOSTILE_TEXT) {
      runner.info(`purpose: ${text}`);
      runner.info(text);
      runner.debug(text);
      runner.notice(text, { title: text, file: text });
      runner.warning(text, { title: text });
      runner.error(`${text}\n${text}`, { file: 'a.yml', startLine: 2 });
      runner.startGroup(text);
      runner.endGroup();
    }
    runner.setFailed(`last words\n${HOSTILE_TEXT.join('\n')}`);
    const r = readAsRunner(out);
    expect(commandProblems(r)).toEqual([]);
    const kinds = r.commands.map((c) => c.command);
    expect(kinds.filter((k) => k === 'error')).toHaveLength(HOSTILE_TEXT.length + 1);
    // Annotations carry the text exactly; the failure message survives whole.
    expect(r.commands.at(-1)?.message).toBe(`last words\n${HOSTILE_TEXT.join('\n')}`);
    expect(r.commands.find((c) => c.command === 'notice')?.properties.file).toBe(HOSTILE_TEXT[0]);
    expect(process.exitCode).toBe(1);
  });

  it('masks come first and every later line is scrubbed too, even where the runner would not look', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE##[x';
    runner.setSecret(secret);
    runner.info(`key ${secret}`);
    runner.error(`failed with ${secret}`, { title: `t ${secret}` });
    runner.appendSummary(`| key | ${secret} |`);
    const r = readAsRunner(out);
    expect(r.masks[0]).toBe(secret);
    expect(
      out
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(secret);
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).not.toContain(secret);
  });

  it('a multi-line secret is masked line by line, however short, except PEM armour', () => {
    const pem = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu',
      'KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm',
      'q5Zw7==',
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    runner.setSecret(pem);
    const masks = readAsRunner(out).masks;
    expect(masks).toContain('q5Zw7==');
    expect(masks).toContain('MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu');
    expect(masks).not.toContain('-----BEGIN RSA PRIVATE KEY-----');
    expect(masks).not.toContain('-----END RSA PRIVATE KEY-----');
  });
});

describe('inputs, state and file commands', () => {
  it('reads inputs and state the way the runner names them', () => {
    process.env['INPUT_AWS-ROLE-ARN'] = '  arn:aws:iam::1:role/x \n';
    process.env.INPUT_SOME_INPUT = 'v';
    process.env.STATE_revocation = '{"a":1}';
    expect(runner.getInput('aws-role-arn')).toBe('arn:aws:iam::1:role/x');
    expect(runner.getInput('aws-role-arn', { trimWhitespace: false })).toBe('  arn:aws:iam::1:role/x \n');
    expect(runner.getInput('some input')).toBe('v');
    expect(runner.getInput('missing')).toBe('');
    expect(() => runner.getInput('missing', { required: true })).toThrow(/required/);
    expect(runner.getState('revocation')).toBe('{"a":1}');
  });

  it('values with line breaks cannot add entries (GITHUB_ENV injection)', () => {
    const value = 'x\nNODE_OPTIONS=--require /tmp/evil.js\nBASH_ENV<<EOF\n/tmp/evil\nEOF';
    runner.exportVariable('DEPLOY_TOKEN', value);
    runner.setOutput('vault-token', value);
    runner.saveState('revocation', value);
    for (const f of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE'] as const) {
      const parsed = parseFileCommand(readFileSync(files[f], 'utf8'));
      expect(Object.values(parsed)).toEqual([value]);
    }
    expect(process.env.DEPLOY_TOKEN).toBe(value);
  });

  it('refuses a name the runner would read differently', () => {
    for (const name of ['A=B', 'A<<B', 'A\nB', 'A\rB', '']) {
      expect(() => runner.exportVariable(name, 'v'), JSON.stringify(name)).toThrow(/refusing/);
    }
    expect(readFileSync(files.GITHUB_ENV, 'utf8')).toBe('');
  });

  it('without the runner files (a local run) nothing is written and nothing throws', () => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STEP_SUMMARY;
    runner.setOutput('x', 'y');
    expect(runner.appendSummary('# hi')).toBe(false);
  });
});
