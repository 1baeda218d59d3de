/**
 * Private keys: PEM blocks of every kind (`-----BEGIN [RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP|…]
 * PRIVATE KEY[ BLOCK]-----`, RFC 7468 and RFC 4880 armour), also inside JSON strings with `\n`
 * escapes (GCP service-account files), and PuTTY `.ppk` files. A block is reported only when its
 * body is real key material: base64 that starts like DER (`MI…`, `MC…`–`MH…`), an OpenSSH key
 * (`openssh-key-v1`) or an OpenPGP secret-key packet, so `-----BEGIN PRIVATE KEY-----\n...` in
 * documentation is not.
 */
import { RE2JS } from 're2js';
import type { ScanContext } from './hits.js';
import { isPlaceholderSecret } from './placeholder.js';
import { isAsciiAlnum } from './text.js';

const PEM_HEADER = RE2JS.compile('^-----BEGIN ?(?:[A-Z0-9_-]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----');
/**
 * Body of a real key: base64, long enough, starting with an ASN.1 SEQUENCE (`MC`–`MI`: 0x30 and a
 * length byte), `openssh-key-v1`, or an OpenPGP secret-key packet (old format tag 5: `lA`, `lQ`,
 * `lg`; new format: `xc`).
 */
const KEY_BODY = RE2JS.compile('(?:M[C-I]|b3BlbnNzaC1rZXktdjE|l[AQg]|xc)[A-Za-z0-9+/]{58,}={0,2}');
const MAX_KEY_BODY = 32_768;

/**
 * The base64 of a PEM body: PEM headers (Proc-Type, DEK-Info, PGP `Version:`), whitespace, `\n`
 * escapes, quotes and the PGP armour checksum line (`=8xQN`) dropped.
 */
function keyBody(raw: string): string {
  let out = '';
  let line = '';
  const flush = (): void => {
    const checksum = line.length === 5 && line.startsWith('=');
    if (!line.includes(':') && !checksum) out += line;
    line = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\' && (raw[i + 1] === 'n' || raw[i + 1] === 'r')) {
      flush();
      i++;
    } else if (c === '\n' || c === '\r') flush();
    else if (c !== ' ' && c !== '\t' && c !== '"' && c !== "'" && c !== '+' && c !== ',') line += c;
    else if (c === '+' && isAsciiAlnum(raw.charCodeAt(i + 1))) line += c;
  }
  flush();
  return out;
}

export function privateKeyHandler(ctx: ScanContext, at: number): void {
  const { text } = ctx;
  const header = PEM_HEADER.exec(text.slice(at, at + 128));
  if (!header) return;
  const bodyStart = at + header[0].length;
  // The next END marker, cached so that many BEGINs without END stay linear.
  if (ctx.nextPemEnd === undefined || (ctx.nextPemEnd !== -1 && ctx.nextPemEnd < bodyStart))
    ctx.nextPemEnd = text.indexOf('-----END', bodyStart);
  const endMarker = ctx.nextPemEnd;
  if (endMarker === -1 || endMarker - bodyStart > MAX_KEY_BODY) return;
  const body = keyBody(text.slice(bodyStart, endMarker));
  if (!KEY_BODY.testExact(body)) return;
  const close = text.slice(endMarker + 8, endMarker + 72).indexOf('-----');
  const end = close === -1 ? endMarker + 8 : endMarker + 8 + close + 5;
  // The secret span starts at the first body character (after line breaks or `\n` escapes).
  let secretStart = bodyStart;
  while (secretStart < endMarker) {
    const c = text[secretStart];
    if (c === '\n' || c === '\r') secretStart++;
    else if (c === '\\' && text[secretStart + 1] === 'n') secretStart += 2;
    else break;
  }
  const gcp =
    text.slice(Math.max(0, at - 64), at).includes('"private_key"') && text.includes('"service_account"');
  ctx.hits.push({
    ruleId: 'secret/private-key',
    start: at,
    end,
    secretStart,
    secretEnd: endMarker,
    secret: body,
    what: gcp ? 'GCP service account private key' : 'private key',
  });
}

const PUTTY_SCAN = 4096;
const PUTTY_MAX_LINES = 64;

/**
 * A PuTTY private key file (`PuTTY-User-Key-File-2:` / `-3:`): the base64 lines announced by
 * `Private-Lines: N`. Encrypted ones are reported too (the passphrase is the only protection).
 */
export function puttyKeyHandler(ctx: ScanContext, at: number): void {
  const { text } = ctx;
  const window = text.slice(at, at + PUTTY_SCAN);
  const marker = window.indexOf('\nPrivate-Lines:');
  if (marker === -1) return;
  let i = marker + '\nPrivate-Lines:'.length;
  while (window[i] === ' ') i++;
  let count = 0;
  while (i < window.length && window.charCodeAt(i) >= 48 && window.charCodeAt(i) <= 57 && count < 1000)
    count = count * 10 + (window.charCodeAt(i++) - 48);
  if (count === 0 || count > PUTTY_MAX_LINES) return;
  const firstLine = window.indexOf('\n', i);
  if (firstLine === -1) return;
  let cursor = at + firstLine + 1;
  let body = '';
  for (let n = 0; n < count && cursor < text.length; n++) {
    let lineEnd = text.indexOf('\n', cursor);
    if (lineEnd === -1 || lineEnd - cursor > 200) lineEnd = Math.min(text.length, cursor + 200);
    body += text.slice(cursor, lineEnd).trim();
    cursor = lineEnd + 1;
  }
  if (body.length < 40 || !/^[A-Za-z0-9+/=]+$/.test(body) || isPlaceholderSecret(body)) return;
  const secretStart = at + firstLine + 1;
  ctx.hits.push({
    ruleId: 'secret/private-key',
    start: at,
    end: Math.min(text.length, cursor - 1),
    secretStart,
    secretEnd: Math.min(text.length, cursor - 1),
    secret: body,
    what: 'PuTTY private key',
  });
}
