import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  AstlError,
  Deadline,
  formatDuration,
  parseDuration,
  parseYaml,
  Redactor,
  RetryExhaustedError,
  validateWithSchema,
  withRetry,
} from './index.js';
import { closest } from './suggest.js';

/** Compiled as scripts/schemas.mjs compiles schemas/ for the runtime. */
const compile = (schema: object) =>
  new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);

describe('parseDuration', () => {
  it.each([
    ['900', 900],
    ['900s', 900],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['1d', 86400],
    [' 2h ', 7200],
  ])('%s -> %d', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
  it.each(['', '0', '15x', '1.5h', '-5m', 'h', '15 m', 'm15'])('rejects %j with a hint', (text) => {
    expect(() => parseDuration(text, 'input duration')).toThrow(AstlError);
    try {
      parseDuration(text, 'input duration');
    } catch (e) {
      expect((e as AstlError).format()).toMatch(/input duration.*How to fix: use seconds/s);
    }
  });
  it('formats', () => {
    expect(formatDuration(900)).toBe('15m');
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(45)).toBe('45s');
  });
});

describe('closest', () => {
  it('finds case and separator variants and typos', () => {
    expect(closest('max_ttl', ['max-ttl', 'owner'])).toBe('max-ttl');
    expect(closest('ownr', ['max-ttl', 'owner'])).toBe('owner');
    expect(closest('zzzzzz', ['max-ttl', 'owner'])).toBeUndefined();
  });
});

describe('withRetry', () => {
  const base = { baseDelayMs: 1, maxDelayMs: 2, attemptTimeoutMs: 1000, what: 'op', sleep: async () => {} };
  it('retries retryable errors then succeeds', async () => {
    let n = 0;
    const r = await withRetry(
      async () => {
        if (++n < 3) throw new Error('flaky');
        return 'ok';
      },
      { ...base, attempts: 5, deadline: new Deadline(5000), isRetryable: () => true },
    );
    expect(r).toBe('ok');
    expect(n).toBe(3);
  });
  it('rethrows non-retryable errors at once', async () => {
    let n = 0;
    await expect(
      withRetry(
        async () => {
          n++;
          throw new Error('denied');
        },
        { ...base, attempts: 5, deadline: new Deadline(5000), isRetryable: () => false },
      ),
    ).rejects.toThrow('denied');
    expect(n).toBe(1);
  });
  it('gives up after the attempts with the last error named', async () => {
    await expect(
      withRetry(
        async () => {
          throw new Error('HTTP 503');
        },
        { ...base, attempts: 3, deadline: new Deadline(5000), isRetryable: () => true },
      ),
    ).rejects.toThrow(RetryExhaustedError);
  });
});

describe('parseYaml + validateWithSchema', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: { name: { type: 'string' }, 'max-ttl': { type: 'string' } },
  };
  it('names the line and the closest key', () => {
    const [doc] = parseYaml('name: a\nmax_ttl: 1h\n', 'agent-config.yaml');
    const errors = validateWithSchema(doc!, compile(schema), 'agent registry');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.format()).toContain("agent-config.yaml:2:1: unknown key 'max_ttl'");
    expect(errors[0]!.format()).toContain("did you mean 'max-ttl'");
  });
  it('reports syntax errors with a line', () => {
    try {
      parseYaml('a: [1, 2\nb: c\n', 'x.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as AstlError).format()).toMatch(/^x\.yaml:\d+:\d+: invalid YAML/);
    }
  });
  it('refuses alias bombs', () => {
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    expect(() => parseYaml(bomb, 'bomb.yaml')).toThrow(AstlError);
  });
});

describe('Redactor', () => {
  it('scrubs raw, base64 and URL-encoded forms', () => {
    const r = new Redactor();
    const secret = 'abc/def+ghi=jkl';
    r.add(secret);
    const text = `raw ${secret} b64 ${Buffer.from(secret).toString('base64')} url ${encodeURIComponent(secret)}`;
    expect(r.redact(text)).toBe('raw *** b64 *** url ***');
  });
});

describe('validateWithSchema with union types', () => {
  it('names both types instead of crashing', () => {
    const schema = { type: 'object', properties: { ttl: { type: ['string', 'integer'] } } };
    const [doc] = parseYaml('ttl: [1]\n', 'p.yaml');
    const errors = validateWithSchema(doc!, compile(schema), 'policy');
    expect(errors[0]!.format()).toContain('p.yaml:1:6: ttl must be a string or integer');
  });
});
