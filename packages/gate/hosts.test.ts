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

  it('versions, times, counts and ./paths in prose are not hosts', () => {
    expect(hostsInString('v1.2.3 2.0-rc1 1.5x 12:30 250 ./config.yaml /etc/app/x.conf ~/a.b')).toEqual([]);
  });

  it('file names and decimals are hosts: any last label may be a TLD, inet_aton reads 1.5 (fail closed)', () => {
    // Before issue 9 these were skipped as "file extensions"; .md and .sh are country TLDs.
    expect(hostsInString('config.yaml 1.5 release-notes.md run.sh')).toEqual([
      'config.yaml',
      '1.0.0.5',
      'release-notes.md',
      'run.sh',
    ]);
  });

  it('finds hosts anywhere in nested params, with their path', () => {
    expect(
      hostsInParams({ a: [{ b: 'https://x.example.com' }], 'odd key': 'y.example.com', n: 5 }).map(
        ({ host, path }) => ({ host, path }),
      ),
    ).toEqual([
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

/** Hosts of one value under `key` (default: a key that names no destination). */
function hostsOf(value: unknown, key = 'v', textParams: string[] = []): string[] {
  return [...new Set(hostsInParams({ [key]: value }, { textParams }).map((m) => m.host))];
}

describe('hostsInParams: every host form (issue 9 kind 5)', () => {
  it.each([
    // Real TLDs that look like file extensions; no public-suffix list decides.
    ['db.attacker.pl', 'db.attacker.pl'],
    ['exfil.sh', 'exfil.sh'],
    ['curl evil.pl/x', 'evil.pl'],
    ['wget -qO- https://exfil.zip/a', 'exfil.zip'],
    // Single labels as whole values: hosts files and DNS search domains resolve them.
    ['localhost', 'localhost'],
    ['metadata', 'metadata'],
    ['LOCALHOST.', 'localhost'],
    ['vault', 'vault'],
    ['db,cache', 'cache'],
    ['metadata/computeMetadata/v1/', 'metadata'],
    ['curl metadata/computeMetadata/v1/', 'metadata'],
    ['curl http://metadata/x', 'metadata'],
    ['ping localhost', 'localhost'],
    // IPv4 in every inet_aton form.
    ['127.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0x7f.0.0.0x1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1:8080/x', '127.0.0.1'],
    ['u@2130706433', '127.0.0.1'],
    ['169.254.169.254', '169.254.169.254'],
    ['see 0xa9fea9fe now', '169.254.169.254'],
    // IPv6, bracketed or not, and with an embedded IPv4.
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['::1', '::1'],
    ['[::1]:8080', '::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe'],
    ['connect ::ffff:7f00:1 now', '::ffff:7f00:1'],
    ['http://[64:ff9b::7f00:1]/', '64:ff9b::7f00:1'],
    // URL forms: any scheme, WHATWG's tolerance for slashes and backslashes.
    ['https:evil.com', 'evil.com'],
    ['https:/evil.com', 'evil.com'],
    ['https:\\\\evil.com\\x', 'evil.com'],
    ['//evil.com/x', 'evil.com'],
    ['\\\\evil.com\\share', 'evil.com'],
    ['/\\evil.com', 'evil.com'],
    ['ssh://git@evil.com:22/x', 'evil.com'],
    ['postgres://u:p@evil.com:5432/db', 'evil.com'],
    ['redis://evil.com', 'evil.com'],
    ['HTTPS://EVIL.COM', 'evil.com'],
    ['http://evil.com.', 'evil.com'],
    ['http://evil.com#@ok.acme.internal', 'evil.com'],
    ['http://ok.acme.internal\\@evil.com', 'evil.com'],
    ['http://a@evil.com@ok.acme.internal', 'evil.com'],
    ['https://ok.acme.internal/?next=https%3A%2F%2Fevil.com%2F', 'evil.com'],
    ['https://ok.acme.internal//evil.com', 'evil.com'],
    // Percent-encoded, IDN, full-width and mixed case.
    ['http://%65vil.com', 'evil.com'],
    ['%65vil.com', 'evil.com'],
    ['https://ＥＶＩＬ。com', 'evil.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['http://аcme.internal', 'xn--cme-5cd.internal'],
    // user@host, host:port, host:path, key=value.
    ['deploy@evil.com', 'evil.com'],
    ['git@github.com:org/repo.git', 'github.com'],
    ['evil.com:/etc/passwd', 'evil.com'],
    ['db:5432', 'db'],
    ['--host=evil.com', 'evil.com'],
    ['(see evil.com).', 'evil.com'],
  ])('%s names %s', (value, host) => {
    expect(hostsOf(value)).toContain(host);
  });

  it('a number is a count unless its key names a destination', () => {
    expect(hostsOf(2130706433, 'amount')).toEqual([]);
    expect(hostsOf(2130706433, 'target')).toEqual(['127.0.0.1']);
    expect(hostsOf(2130706433, 'db_host')).toEqual(['127.0.0.1']);
    expect(hostsOf(127.1, 'webhookUrl')).toEqual(['127.0.0.1']);
    expect(hostsOf([2130706433], 'ips')).toEqual(['127.0.0.1']);
    expect(hostsOf('deploy 3 pods at 12:30', 'notes')).toEqual([]);
    expect(hostsOf('the api server', 'endpoint')).toEqual(['the', 'api', 'server']);
  });

  it('text_params: single words, digits and IPv4 shorthands are text; host shapes still count', () => {
    expect(hostsOf('CHG-1234', 'ticket')).toEqual(['chg-1234']);
    expect(hostsOf('CHG-1234', 'ticket', ['ticket'])).toEqual([]);
    expect(hostsOf('1.4.2', 'version', ['version'])).toEqual([]);
    expect(hostsOf('2130706433', 'build', ['build'])).toEqual([]);
    expect(hostsOf({ notes: 'main' }, 'release', ['release.notes'])).toEqual([]);
    expect(hostsOf({ notes: 'main' }, 'release', ['release'])).toEqual([]);
    expect(hostsOf({ other: 'main' }, 'release', ['release.notes'])).toEqual(['main']);
    for (const v of [
      'see https://evil.com',
      'evil.sh',
      'u@evil.com',
      '10.0.0.1',
      '::1',
      'localhost',
      'db:5432',
    ]) {
      expect(hostsOf(v, 'notes', ['notes'])).not.toEqual([]);
    }
  });

  it('object keys are scanned for host shapes', () => {
    expect(hostsInParams({ 'https://evil.com': 1, 'evil.sh': { x: 1 } }).map((m) => m.host)).toEqual([
      'evil.com',
      'evil.sh',
    ]);
    expect(hostsInParams({ rolling: true })).toEqual([]);
  });

  it('reports how each host was read, and whether text_params would change it', () => {
    const [m] = hostsInParams({ ticket: 'CHG-1234' });
    expect(m).toMatchObject({
      host: 'chg-1234',
      form: 'single label',
      textSensitive: true,
      token: 'CHG-1234',
    });
    const [v6] = hostsInParams({ x: '::ffff:127.0.0.1' });
    expect(v6).toMatchObject({ form: 'ipv6', ipv4: '127.0.0.1', textSensitive: false });
  });

  it('nesting deeper than it scans is a mention that matches nothing (fail closed)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 80; i++) deep = [deep];
    expect(hostsInParams({ deep }).map((m) => m.form)).toContain('unscanned');
  });
});

describe('hostMatches: normalised both sides', () => {
  it('IPv4 shorthands and IPv4-mapped IPv6 match the IPv4 they are', () => {
    expect(hostMatches('127.1', '127.0.0.1')).toBe(true);
    expect(hostMatches('::ffff:10.0.0.7', '10.0.0.*')).toBe(true);
    expect(hostMatches('::ffff:127.0.0.1', '10.0.0.*')).toBe(false);
    expect(hostMatches('64:ff9b::a00:7', '10.0.0.7')).toBe(true);
    expect(hostMatches('::ffff:7f00:1', '::ffff:127.0.0.1')).toBe(true);
    expect(hostMatches('2001:db8::1', '*.acme.internal')).toBe(false);
  });
  it('IDN and trailing dots', () => {
    expect(hostMatches('xn--bcher-kva.de', 'bücher.de')).toBe(true);
    expect(hostMatches('db.acme.internal', '*.acme.internal.')).toBe(true);
    expect(hostMatches('xn--cme-5cd.internal', 'acme.internal')).toBe(false);
  });
});
