import { describe, expect, it } from 'vitest';
import { hostGlobProblem, hostMatches, hostsInParams, hostsInString } from './hosts.js';

describe('hostsInString', () => {
  it.each([
    ['https://api.acme.internal:8443/x?y=1', ['api.acme.internal']],
    ['deploy@db.acme.internal', ['db.acme.internal']],
    ['ssh git@github.com', ['github.com']],
    ['db:5432', ['db']],
    ['connect to 10.0.0.5 now', ['10.0.0.5']],
    ['evil.com', ['evil.com']],
    ['http://[::1]:80/', ['::1']],
    ['x.example.org.', ['x.example.org']],
    ['HTTPS://API.Example.COM/', ['api.example.com']],
  ])('%s', (text, hosts) => {
    expect(hostsInString(text)).toEqual(hosts);
  });

  it('does not take file names, versions, numbers or times for hosts', () => {
    expect(hostsInString('config.yaml v1.2.3 1.5 12:30 release-notes.md')).toEqual([]);
  });

  it('finds hosts anywhere in nested params, with their path', () => {
    expect(hostsInParams({ a: [{ b: 'https://x.example.com' }], 'odd key': 'y.example.com', n: 5 })).toEqual([
      { host: 'x.example.com', path: 'params.a[0].b' },
      { host: 'y.example.com', path: 'params["odd key"]' },
    ]);
  });
});

describe('hostMatches', () => {
  it('"*" is exactly one label', () => {
    expect(hostMatches('db.acme.internal', '*.acme.internal')).toBe(true);
    expect(hostMatches('a.b.acme.internal', '*.acme.internal')).toBe(false);
    expect(hostMatches('acme.internal', '*.acme.internal')).toBe(false);
  });
  it('"**" is one or more labels', () => {
    expect(hostMatches('a.b.acme.internal', '**.acme.internal')).toBe(true);
    expect(hostMatches('acme.internal', '**.acme.internal')).toBe(false);
  });
  it('"*" inside a label, literals, case and IPs', () => {
    expect(hostMatches('api-1.acme.internal', 'api-*.acme.internal')).toBe(true);
    expect(hostMatches('web-1.acme.internal', 'api-*.acme.internal')).toBe(false);
    expect(hostMatches('API.example.com', 'api.example.com')).toBe(true);
    expect(hostMatches('10.0.0.7', '10.0.0.*')).toBe(true);
    expect(hostMatches('::1', '::1')).toBe(true);
    expect(hostMatches('evil.com', 'acme.internal')).toBe(false);
  });
});

describe('hostGlobProblem', () => {
  it.each(['https://x.com', 'x.com:80', '**', '*', 'a..b', 'a**.b', 'x.com/path', 'a_b.com'])(
    'refuses %s',
    (g) => {
      expect(hostGlobProblem(g)).toBeTruthy();
    },
  );
  it.each(['*.acme.internal', '**.acme.internal', 'api.example.com', '10.0.0.*', '::1'])(
    'accepts %s',
    (g) => {
      expect(hostGlobProblem(g)).toBeUndefined();
    },
  );
});

describe('hostsInString: evasions', () => {
  it.each([
    ['x:https://evil.com', 'evil.com'],
    ['https://ok.acme.internal/redirect?to=https://evil.com/', 'evil.com'],
    ['https://ok.acme.internal/?next=evil.com', 'evil.com'],
    ['foo=https://evil.com', 'evil.com'],
    ['"https://evil.com"', 'evil.com'],
    ['(evil.com)', 'evil.com'],
    [`https://evil.com/${'a'.repeat(5000)}`, 'evil.com'],
  ])('%s names %s', (text, host) => {
    expect(hostsInString(text)).toContain(host);
  });

  it('finishes on adversarial input (a backtracking scanner would not)', () => {
    for (const unit of ['a.', 'a-', 'a1.', 'ab-.', 'a@', 'a:', 'http://', '1.']) {
      expect(Array.isArray(hostsInString(unit.repeat(65_536 / unit.length)))).toBe(true);
    }
  });
});
