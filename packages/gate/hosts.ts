/**
 * Egress checks for `allowed_hosts`: which hosts a request's params name, and whether a host
 * matches an allowlist glob.
 *
 * The scan fails closed: a token counts as a host whenever some program could read it as one.
 * Host names are normalised the way WHATWG URL parsing does (Node's `URL`): lowercase,
 * percent-decoded, IDN to punycode, full-width dots folded, IPv4 in every inet_aton form (1 to 4
 * parts, decimal, octal or hex: `127.1`, `2130706433`, `0x7f000001`) to a dotted quad, IPv6
 * compressed; a trailing dot is dropped. No public-suffix list decides anything: `.sh`, `.pl`,
 * `.md` and `.zip` are real TLDs, so every dotted name may be a host.
 *
 * Where a token is a host (docs/gate.md "allowed_hosts" says the same for users):
 * 1. Host-shaped forms, anywhere in any string (also inside prose and object keys): the host of
 *    a URL of any scheme (`https:evil.com`, `https:\\evil.com`, scheme-relative `//evil.com`,
 *    UNC `\\evil.com`, every `@` and `\` reading of the authority), the host of `user@host`,
 *    `name:port`, IPv6 literals bracketed or not, IPv4 in any form but a bare decimal integer,
 *    dotted names whatever their last label, and `localhost`-family names. URLs nested in a
 *    query and percent-encoded ones (`?next=https%3A%2F%2Fevil.com`) are read too.
 * 2. A value without whitespace is one destination: a single-label name (`db`, `metadata`) or
 *    the first segment of `name/path` or `name:path` is a host, because /etc/hosts and DNS
 *    search domains resolve single labels.
 * 3. A number (YAML or JSON) is a count, not an IPv4 address, unless its key names a
 *    destination (`host`, `url`, `ip`, `endpoint`, `target`, …); so is a decimal integer
 *    inside prose. A string of digits given as a whole value is an IPv4 address (`2130706433`).
 * 4. A dotted name whose last label does not start with a letter and that is not an IPv4
 *    address (`v1.2.3`, `1.5x`, `2.0-rc1`) is a version: every TLD starts with a letter (RFC 3696
 *    §2; URL parsers refuse all-numeric ones).
 * 5. A token that starts with `/`, `./`, `../` or `~/` is a file path: its path names no host
 *    (its query still does).
 * 6. Params listed in `text_params` hold text or identifiers: rule 2 does not apply to them,
 *    and IPv4 shorthands other than a dotted quad are numbers there. Rule 1 still applies.
 * Whitespace ends a token: a URL broken by a newline is read as its pieces, each checked.
 *
 * Glob semantics (DNS labels, case-insensitive): `*` matches exactly one label, `**` matches one
 * or more labels, `*` inside a label matches within that label (`api-*.acme.internal`);
 * everything else is literal. So `*.acme.internal` allows `db.acme.internal` but neither
 * `acme.internal` nor `a.b.acme.internal`; `**.acme.internal` allows both of the latter but not
 * `acme.internal` itself. An IPv6 host matches only a literal IPv6 glob, or, when it embeds an
 * IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`),
 * a glob that matches that IPv4 address.
 */
import { domainToASCII } from 'node:url';

/** How a token was read as a host; decide.ts turns it into words. */
export type HostForm =
  | 'url'
  | 'user@host'
  | 'host:port'
  | 'host/path'
  | 'ipv4'
  | 'ipv6'
  | 'dotted name'
  | 'single label'
  | 'local name'
  | 'number'
  | 'unscanned';

export interface HostMention {
  /** The host, normalised (see the module comment). */
  host: string;
  /** Where in params: `params.endpoints[0].url`. */
  path: string;
  /** The text the host was read from (shortened to 80 characters). */
  token: string;
  form: HostForm;
  /** The IPv4 address an IPv6 host embeds (mapped, compatible or NAT64). */
  ipv4?: string;
  /** True when listing the param under `text_params` would stop this reading. */
  textSensitive: boolean;
}

/** Context of one string: where it sits in params. */
export interface ScanContext {
  /** The nearest key names a destination (rule 3). */
  destination: boolean;
  /** The param is listed in `text_params` (rule 6). */
  text: boolean;
  /** An object key, not a value: only host-shaped forms (rule 1). */
  key: boolean;
}

/** The eight contexts, made once (scanning allocates none). */
const CONTEXTS: ScanContext[] = Array.from({ length: 8 }, (_, i) =>
  Object.freeze({ destination: (i & 1) !== 0, text: (i & 2) !== 0, key: (i & 4) !== 0 }),
);
function context(destination: boolean, text: boolean, key: boolean): ScanContext {
  return CONTEXTS[(destination ? 1 : 0) | (text ? 2 : 0) | (key ? 4 : 0)]!;
}
const PROSE: ScanContext = context(false, false, false);

/** Schemes whose host WHATWG reads even without slashes (`https:evil.com`); `file` needs `//`. */
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);
/** Names that reach the machine itself or its cloud metadata, in any position. */
const LOCAL_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'ip6-loopback',
  'broadcasthost',
]);
/** Names that are hosts in a host position (`name/path`, `name:port`), though also English words. */
const METADATA_NAMES = new Set(['metadata', 'instance-data']);
/** Words of a key that make it name a destination (rule 3). */
const DESTINATION_WORDS = new Set(
  'host hostname url uri endpoint server addr address ip ips domain target dest destination proxy remote upstream origin webhook hook callback redirect peer registry dns nameserver sni link mirror dsn broker gateway ingress egress site fqdn socket bind connect connection forward'.split(
    ' ',
  ),
);

/** Ends a token: whitespace, quotes and brackets that hosts never hold (`[`, `]` do: IPv6). */
const TOKEN_SPLIT = /[\s"'<>`(){}|,;]+/;
/** Ends a URL authority; the WHATWG reading also ends at `\` (see authorityHosts). */
const AUTHORITY_END = /[\s/?#"'<>`(){}|^,;]/;
const MAX_TOKEN_SHOWN = 80;
const MAX_DEPTH = 64;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** AUTHORITY_END, per character code, for the scanning loops. */
function isAuthorityEnd(c: number): boolean {
  return c < 128 ? AUTHORITY_END_ASCII[c] === 1 : /\s/.test(String.fromCharCode(c));
}
const AUTHORITY_END_ASCII = new Uint8Array(128).map((_, c) =>
  AUTHORITY_END.test(String.fromCharCode(c)) ? 1 : 0,
);

function isSlash(c: string | undefined): boolean {
  return c === '/' || c === '\\';
}

function shown(token: string): string {
  return token.length > MAX_TOKEN_SHOWN ? `${token.slice(0, MAX_TOKEN_SHOWN)}…` : token;
}

/** `%xx` runs decoded as UTF-8; malformed escapes stay as they are. Linear. */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) =>
    Buffer.from(m.replace(/%/g, ''), 'hex').toString('utf8'),
  );
}

interface Normalized {
  host: string;
  kind: 'ipv4' | 'ipv6' | 'name';
  ipv4?: string;
}

/** Lowercase LDH names need no URL parser (the common case); numeric last labels do (IPv4). */
const PLAIN_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/;
const NUMERIC_LABEL = /^(0x[0-9a-f]*|[0-9]+)$/;

/** The IPv4 address an IPv6 address embeds: IPv4-mapped, IPv4-compatible or NAT64 (RFC 6052). */
function embeddedIpv4(ipv6: string): string | undefined {
  const halves = ipv6.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups =
    halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8) return undefined;
  const g = groups.map((x) => Number.parseInt(x, 16));
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  if (zero(0, 5) && g[5] === 0xffff) return v4; // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4; // 64:ff9b::a.b.c.d
  if (zero(0, 6) && (g[6] !== 0 || g[7]! > 1)) return v4; // ::a.b.c.d, not :: or ::1
  return undefined;
}

function normalizeIpv6(text: string): Normalized | undefined {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!bare.includes(':') || !/^[0-9a-f:.%a-z-]+$/i.test(bare)) return undefined;
  for (const candidate of [bare, bare.replace(/%.*$/, '')]) {
    try {
      const host = new URL(`http://[${candidate}]/`).hostname.replace(/^\[|\]$/g, '');
      const ipv4 = embeddedIpv4(host);
      return ipv4 ? { host, kind: 'ipv6', ipv4 } : { host, kind: 'ipv6' };
    } catch {
      // try without a zone id (fe80::1%eth0)
    }
  }
  return undefined;
}

/**
 * A host as WHATWG URL parsing (and so inet_aton for IPv4) reads it, or undefined when no URL
 * parser accepts it as a host. Plain lowercase LDH names skip the parser (the common case).
 */
export function normalizeHost(text: string): Normalized | undefined {
  if (text === '' || text.length > 1024) return undefined;
  if (text.startsWith('[') || (text.match(/:/g)?.length ?? 0) >= 2) return normalizeIpv6(text);
  let host: string;
  const end = text.endsWith('.') ? text.length - 1 : text.length;
  const last = text.slice(text.lastIndexOf('.', end - 1) + 1, end);
  if (PLAIN_NAME.test(text) && !NUMERIC_LABEL.test(last)) {
    host = text;
  } else {
    try {
      host = new URL(`http://${text}/`).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/\.$/, '');
  if (host === '' || host.startsWith('.')) return undefined;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { host, kind: 'ipv4' };
  return { host, kind: 'name' };
}

/** Where found hosts go (one per top-level call: no closure per value). */
interface Sink {
  add(host: string, form: HostForm, token: string, textSensitive: boolean, ipv4?: string): void;
}

/** A host position (URL authority, after `user@`): anything there is a host, even unparseable. */
function emitHostPosition(raw: string, form: HostForm, token: string, sink: Sink): void {
  let name = raw.replace(/^[.]+/, '');
  if (name.startsWith('[')) {
    const end = name.indexOf(']');
    name = end > 0 ? name.slice(0, end + 1) : name;
  } else if ((name.match(/:/g)?.length ?? 0) < 2) {
    name = name.split(':')[0]!;
  }
  if (name === '' || name === '[]') return;
  const n = normalizeHost(name);
  const host = n?.host ?? name.toLowerCase().replace(/\.$/, '');
  sink.add(host, form, token, false, n?.ipv4);
}

/** Every host of a URL authority, under each reading parsers disagree on. */
function authorityHosts(authority: string, token: string, sink: Sink): void {
  // WHATWG ends a special URL's authority at `\`; other parsers keep it, which matters for
  // `evil.com\@good.example` (WHATWG: evil.com; others: good.example): read both.
  const backslash = authority.indexOf('\\');
  const readings =
    backslash < 0
      ? [authority]
      : authority.includes('@')
        ? [authority.slice(0, backslash), authority]
        : [authority.slice(0, backslash)];
  for (const reading of readings) {
    const parts = reading.split('@');
    // Userinfo is no host, but a host-shaped piece of it is still named in params.
    if (parts.length > 1) scanShapes(parts[0]!, PROSE, sink);
    // After the last `@` (WHATWG) and after the first (parsers that stop there).
    for (const part of parts.length > 1 ? parts.slice(1) : parts) {
      emitHostPosition(part, 'url', token, sink);
    }
  }
}

/** Finds URL authorities anywhere in `text` (nested ones too) and emits their hosts. */
function readAuthority(text: string, from: number, sink: Sink): void {
  let end = from;
  while (end < text.length && !isAuthorityEnd(text.charCodeAt(end))) end++;
  if (end > from) authorityHosts(text.slice(from, end), text.slice(Math.max(0, from - 12), end), sink);
}

function scanUrls(text: string, sink: Sink): void {
  const n = text.length;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let s = i;
    while (s > 0 && i - s < 32 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    while (s < i && !isLetter(text.charCodeAt(s))) s++;
    if (i - s < 2) continue; // a drive letter (c:\) or no scheme
    const scheme = text.slice(s, i).toLowerCase();
    let j = i + 1;
    while (j < n && isSlash(text[j])) j++;
    if (SPECIAL_SCHEMES.has(scheme) || j - i - 1 >= 2) readAuthority(text, j, sink);
  }
  // Scheme-relative `//host`, UNC `\\host` and mixed `/\host`, not right after a scheme.
  for (let i = 0; i < n - 1; i++) {
    if (!isSlash(text[i]) || !isSlash(text[i + 1])) continue;
    const start = i;
    while (i < n && isSlash(text[i])) i++;
    if (start > 0 && text[start - 1] === ':') continue;
    readAuthority(text, i, sink);
  }
}

function isDecimalInteger(s: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(s);
}

function isDottedQuad(s: string): boolean {
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\.?$/.test(s);
}

/**
 * One name in a non-URL position. `whole`: the token is a whole value (rule 2); `form`: how it
 * was found (bare, `name:port`, `name/path`).
 */
function classifyName(
  name: string,
  ctx: ScanContext,
  whole: boolean,
  form: 'bare' | 'host:port' | 'host/path',
  token: string,
  sink: Sink,
): void {
  const text = name.replace(/^\.+/, '');
  if (text === '') return;
  if (isDecimalInteger(text.replace(/\.$/, ''))) {
    // Rule 3: a count in prose; an IPv4 address as a whole value or under a destination key.
    if (!ctx.destination && !(whole && !ctx.text)) return;
    const n = normalizeHost(text);
    if (n) sink.add(n.host, ctx.destination ? 'number' : 'ipv4', token, true);
    return;
  }
  const n = normalizeHost(text);
  if (!n) return;
  if (n.kind === 'ipv6') {
    sink.add(n.host, 'ipv6', token, false, n.ipv4);
    return;
  }
  if (n.kind === 'ipv4') {
    // Rule 6: in text params only a dotted quad is an address; 1.5 or 0x10 are numbers there.
    if (ctx.text && !isDottedQuad(text)) return;
    sink.add(n.host, 'ipv4', token, !isDottedQuad(text));
    return;
  }
  if (n.host.includes('.')) {
    // Rule 4: every TLD starts with a letter (xn-- included); 1.5x and 2.0-rc1 are versions.
    if (!/^[a-z]/.test(n.host.slice(n.host.lastIndexOf('.') + 1))) return;
    sink.add(n.host, form === 'bare' ? 'dotted name' : form, token, false);
    return;
  }
  // A single label.
  if (LOCAL_NAMES.has(n.host)) {
    sink.add(n.host, 'local name', token, false);
  } else if (METADATA_NAMES.has(n.host) && (whole || form !== 'bare')) {
    sink.add(n.host, 'local name', token, false);
  } else if (form === 'host:port') {
    sink.add(n.host, form, token, false);
  } else if (whole && !ctx.text && !ctx.key) {
    sink.add(n.host, form === 'host/path' ? form : 'single label', token, true);
  }
}

function withoutDestination(ctx: ScanContext): ScanContext {
  return context(false, ctx.text, ctx.key);
}

/** Host-shaped pieces only (rule 1), for userinfo, queries and paths. */
function scanShapes(text: string, ctx: ScanContext, sink: Sink): void {
  for (const piece of text.split(/[\s/\\?#&=;,|"'<>`(){}+]+/)) {
    const t = trimToken(piece);
    if (t) classifyMain(t, ctx.destination ? withoutDestination(ctx) : ctx, false, false, sink);
  }
}

const TRIM_START = /^[*_~!.:]/;
const TRIM_END = /[*_~!?.,;]$/;

/** Strips punctuation around a token; keeps a leading `[` that opens an IPv6 literal. */
function trimToken(token: string): string {
  let t = token;
  if (TRIM_START.test(t)) t = t.replace(/^[*_~!.]+/, '').replace(/^:(?!:)/, '');
  if (TRIM_END.test(t)) t = t.replace(/[*_~!?.,;]+$/, '');
  if (t.startsWith('[') && !t.includes(']')) t = t.slice(1);
  if (t.endsWith(']') && !t.includes('[')) t = t.slice(0, -1);
  return t;
}

/** The part of a token before any path, query or fragment: user@host, name:port, a name. */
function classifyMain(main: string, ctx: ScanContext, whole: boolean, hasPath: boolean, sink: Sink): void {
  const at = main.lastIndexOf('@');
  if (at > 0) {
    // user@host: the host position holds a host whatever its shape; the user part may still
    // hold a host-shaped piece. Pieces have no `@`, so this does not recurse further.
    for (const piece of main.slice(0, at).split('@')) {
      if (piece) classifyMain(piece, PROSE, false, false, sink);
    }
    emitHostPosition(main.slice(at + 1), 'user@host', main, sink);
    return;
  }
  const name = at === 0 ? main.slice(1) : main; // "@alice" is a mention, not user@host
  const eq = name.lastIndexOf('=');
  if (eq >= 0) {
    // key=value (`--host=evil.com`): the key is a name, the value may be a destination.
    scanShapes(name.slice(0, eq), PROSE, sink);
    const value = name.slice(eq + 1);
    if (value) classifyMain(value, ctx, whole, hasPath, sink);
    return;
  }
  if (name.startsWith('[') || (name.match(/:/g)?.length ?? 0) >= 2) {
    const v6 = normalizeIpv6(name.startsWith('[') ? name.slice(0, name.indexOf(']') + 1) : name);
    if (v6) {
      sink.add(v6.host, 'ipv6', main, false, v6.ipv4);
      return;
    }
  }
  const colon = name.indexOf(':');
  if (colon > 0) {
    const port = name.slice(colon + 1);
    if (/^\d{1,5}$/.test(port)) {
      classifyName(name.slice(0, colon), ctx, whole && at !== 0, 'host:port', main, sink);
    } else {
      // name:path (scp, rsync, git) in a whole value; elsewhere only by shape.
      classifyName(name.slice(0, colon), ctx, whole && at !== 0, whole ? 'host/path' : 'bare', main, sink);
      // Colons split the rest too, so that a:b:c… does not recurse once per colon.
      if (port) scanShapes(port.replace(/:/g, ' '), ctx, sink);
    }
    return;
  }
  classifyName(name, ctx, whole && at !== 0, hasPath ? 'host/path' : 'bare', main, sink);
}

/** One token: a URL (its authority was read by scanUrls), a file path, or main part + rest. */
function scanToken(token: string, ctx: ScanContext, whole: boolean, sink: Sink): void {
  let rest: string;
  const scheme = /^([a-z][a-z0-9+.-]{1,31}):/i.exec(token);
  const afterScheme = scheme ? token.slice(scheme[0].length) : '';
  if (
    scheme &&
    (SPECIAL_SCHEMES.has(scheme[1]!.toLowerCase()) || (isSlash(afterScheme[0]) && isSlash(afterScheme[1])))
  ) {
    rest = skipAuthority(afterScheme);
  } else if (isSlash(token[0]) && isSlash(token[1])) {
    rest = skipAuthority(token);
  } else if (/^(\.{1,2}[/\\]|~[/\\]|[/\\])/.test(token)) {
    const q = token.search(/[?#]/); // rule 5: a file path; only its query and fragment are read
    rest = q < 0 ? '' : token.slice(q);
  } else {
    const cut = token.search(/[/\\?#]/);
    const main = cut < 0 ? token : token.slice(0, cut);
    rest = cut < 0 ? '' : token.slice(cut);
    if (main) classifyMain(main, ctx, whole, cut >= 0 && isSlash(token[cut]), sink);
  }
  if (rest) scanShapes(rest, ctx, sink);
}

function skipAuthority(text: string): string {
  let i = 0;
  while (i < text.length && isSlash(text[i])) i++;
  while (i < text.length && !isAuthorityEnd(text.charCodeAt(i)) && text[i] !== '\\') i++;
  return text.slice(i);
}

function scanText(text: string, ctx: ScanContext, sink: Sink, depth = 0): void {
  scanUrls(text, sink);
  const trimmed = text.trim();
  // Rule 2: a value without whitespace (or any value under a destination key) is one destination
  // per comma-separated item.
  const whole = !ctx.key && !ctx.text && (ctx.destination || !/\s/.test(trimmed));
  for (const raw of trimmed.split(TOKEN_SPLIT)) {
    const token = trimToken(raw);
    if (token) scanToken(token, ctx, whole, sink);
  }
  // Percent-encoded text (a URL in a query, or a host): read it decoded too.
  if (depth < 2 && /%[0-9a-f]{2}/i.test(text)) {
    scanText(percentDecode(text), context(ctx.destination, ctx.text, true), sink, depth + 1);
  }
}

/**
 * Every host named in one string (normalised, deduplicated). `context` says where the string
 * sits; the default is text under a key that names no destination. Linear in the string.
 */
export function hostsInString(text: string, where: Partial<ScanContext> = {}): string[] {
  const found = new Set<string>();
  scanText(text, context(!!where.destination, !!where.text, !!where.key), {
    add: (host) => {
      found.add(host);
    },
  });
  return [...found];
}

/** The words of a key: `webhookURL`, `webhook_url`, `webhook-urls` -> webhook, url. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

const destinationKeys = new Map<string, boolean>();

/** Does this key name a destination (rule 3)? */
export function isDestinationKey(key: string): boolean {
  let known = destinationKeys.get(key);
  if (known === undefined) {
    known = keyWords(key).some((w) => DESTINATION_WORDS.has(w));
    if (destinationKeys.size > 4096) destinationKeys.clear();
    destinationKeys.set(key, known);
  }
  return known;
}

/** A `text_params` entry as key segments: `release.notes` or `params.release.notes`. */
function textParamSegments(entry: string): string[] {
  const segments = entry.split('.');
  return segments[0] === 'params' ? segments.slice(1) : segments;
}

/** Why a `text_params` entry is not usable, or undefined. */
export function textParamProblem(entry: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(entry)) {
    return 'name a param by its keys joined with ".", e.g. "ticket" or "release.notes" (lists need no index)';
  }
  if (entry === 'params')
    return 'naming all params would switch allowed_hosts off; list the params that hold text';
  return undefined;
}

export interface HostScanOptions {
  /** `text_params` of the rule: params whose values are text or identifiers (rule 6). */
  textParams?: readonly string[];
}

/**
 * Hosts named anywhere in params: string values, object keys, and numbers under keys that name
 * a destination, recursively, each with its path and how it was read. Params are bounded by
 * paramsProblems() before this runs; deeper nesting than that yields an `unscanned` mention,
 * which matches no glob, so the request is denied rather than half-checked.
 */
export function hostsInParams(params: unknown, options: HostScanOptions = {}): HostMention[] {
  const scan = new ParamsScan((options.textParams ?? []).map(textParamSegments));
  scan.visit(params, 'params', [], false, 0);
  return scan.out;
}

/** One hostsInParams call: the mentions found, and the path being scanned. */
class ParamsScan implements Sink {
  readonly out: HostMention[] = [];
  private path = 'params';

  constructor(private readonly textParams: string[][]) {}

  add(host: string, form: HostForm, token: string, textSensitive: boolean, ipv4?: string): void {
    const m: HostMention = { host, path: this.path, token: shown(token), form, textSensitive };
    if (ipv4) m.ipv4 = ipv4;
    this.out.push(m);
  }

  private isText(keys: readonly string[]): boolean {
    return this.textParams.some((t) => t.length <= keys.length && t.every((s, i) => s === keys[i]));
  }

  visit(v: unknown, path: string, keys: string[], destination: boolean, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.out.push({ host: '(not scanned)', path, token: '', form: 'unscanned', textSensitive: false });
      return;
    }
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') {
      const text = keys.length > 0 && this.isText(keys);
      if (typeof v !== 'string' && (!destination || text)) return; // rule 3
      this.path = path;
      scanText(String(v), context(destination, text, false), this);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) this.visit(v[i], `${path}[${i}]`, keys, destination, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
        // Keys are agent-controlled text too: host-shaped keys count.
        this.path = p;
        scanText(k, context(false, false, true), this);
        this.visit(x, p, [...keys, k], isDestinationKey(k), depth + 1);
      }
    }
  }
}

/** A glob as hosts are normalised: lowercase, punycode, IPv4 and IPv6 canonical, no trailing dot. */
export function normalizeGlob(glob: string): string {
  const g = glob.trim().replace(/\.$/, '');
  if (!g.includes('*')) return normalizeHost(g)?.host ?? g.toLowerCase();
  return g
    .split('.')
    .map((label) =>
      label.includes('*') || /^[\x00-\x7f]*$/.test(label)
        ? label.toLowerCase()
        : domainToASCII(label) || label.toLowerCase(),
    )
    .join('.');
}

/** Why a glob is not usable, or undefined when it is fine. */
export function hostGlobProblem(glob: string): string | undefined {
  if (/[/?#@\s\\]/.test(glob) || glob.includes('://')) {
    return 'write a host name only, without scheme, user, path or spaces (e.g. "*.acme.internal")';
  }
  if (glob.includes(':')) {
    if (normalizeIpv6(glob) && !glob.includes('*')) return undefined; // an IPv6 literal
    return 'ports are not part of a host glob; drop the ":port" (IPv6 globs are literal addresses)';
  }
  const normalized = normalizeGlob(glob);
  const labels = normalized.split('.');
  for (const label of labels) {
    if (label === '') return 'empty label (two dots in a row, or a leading or trailing dot)';
    if (label === '**') continue;
    if (label.includes('**')) return '"**" must be a whole label, as in "**.acme.internal"';
    if (!/^[a-z0-9*-]+$/.test(label)) return `label "${label}" may hold only letters, digits, "-" and "*"`;
  }
  if (labels.every((l) => l === '*' || l === '**')) return 'a glob of wildcards only would allow every host';
  return undefined;
}

function labelMatches(label: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return label === pattern;
  const parts = pattern.split('*');
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === 0) {
      if (!label.startsWith(part)) return false;
      at = part.length;
    } else if (i === parts.length - 1) {
      return label.length - part.length >= at && label.endsWith(part);
    } else {
      const idx = label.indexOf(part, at);
      if (idx < 0) return false;
      at = idx + part.length;
    }
  }
  return at === label.length;
}

function labelsMatch(host: string[], hi: number, glob: string[], gi: number): boolean {
  if (gi === glob.length) return hi === host.length;
  if (hi === host.length) return false;
  const g = glob[gi]!;
  if (g === '**') {
    for (let take = 1; hi + take <= host.length; take++) {
      if (labelsMatch(host, hi + take, glob, gi + 1)) return true;
    }
    return false;
  }
  return labelMatches(host[hi]!, g) && labelsMatch(host, hi + 1, glob, gi + 1);
}

/**
 * Does `host` match `glob`? Both are normalised first (so `127.1` is `127.0.0.1`). An IPv6 host
 * matches a literal IPv6 glob, or through the IPv4 address it embeds.
 */
export function hostMatches(host: string, glob: string): boolean {
  const h = normalizeHost(host)?.host ?? host.toLowerCase().replace(/^\[|\]$/g, '');
  return matchNormalized(h, normalizeGlob(glob.replace(/^\[|\]$/g, '')));
}

/** hostMatches for a host from hostsInParams and a glob from normalizeGlob (no re-normalising). */
export function matchNormalized(h: string, g: string): boolean {
  if (h.includes(':')) {
    if (g.includes(':')) return h === g;
    const v4 = embeddedIpv4(h);
    return v4 !== undefined && labelsMatch(v4.split('.'), 0, g.split('.'), 0);
  }
  if (g.includes(':')) return false;
  return labelsMatch(h.split('.'), 0, g.split('.'), 0);
}
