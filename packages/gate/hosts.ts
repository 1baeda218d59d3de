/**
 * Egress checks for `allowed_hosts`: which hosts a request's params name, and whether a host
 * matches an allowlist glob.
 *
 * Glob semantics (DNS labels, case-insensitive): `*` matches exactly one label, `**` matches one
 * or more labels, `*` inside a label matches within that label (`api-*.acme.internal`);
 * everything else is literal. So `*.acme.internal` allows `db.acme.internal` but neither
 * `acme.internal` nor `a.b.acme.internal`; `**.acme.internal` allows both of the latter but not
 * `acme.internal` itself.
 */

const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const USER_AT_HOST_RE = /[a-z0-9._%+-]+@(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)/gi;
const HOST_PORT_RE =
  /(?<![a-z0-9.@/-])([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*|\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}\b/gi;
const IPV4_RE = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.]*\d)/g;
const BARE_HOST_RE =
  /(?<![a-z0-9@/._-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])(?![a-z0-9_-]|\.[a-z0-9])/gi;

/** File extensions that make `name.ext` a file name rather than a host. */
const FILE_EXTENSIONS = new Set(
  'yaml yml json txt md js mjs cjs ts py sh bash tar gz tgz zip png jpg jpeg gif svg log conf cfg toml xml html htm csv ini lock sql env key pem crt cer der tf tfvars hcl jar war exe dll so dylib bin rb go rs java kt c h cpp hpp cs php pl swift lua vue jsx tsx css scss map wasm pdf doc docx xls xlsx'.split(
    ' ',
  ),
);

const LIMITS = { maxDepth: 32, maxStrings: 10_000, maxStringLength: 64 * 1024 };

function normalize(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

function isValidIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** Every host named in one string: URLs, user@host, host:port, IPv4 and dotted names. */
export function hostsInString(text: string): string[] {
  const found = new Set<string>();
  const s = text.length > LIMITS.maxStringLength ? text.slice(0, LIMITS.maxStringLength) : text;
  let rest = s;
  for (const m of s.matchAll(URL_RE)) {
    try {
      const url = new URL(m[0]);
      if (url.hostname) found.add(normalize(url.hostname));
    } catch {
      // not a URL after all; the patterns below still look at it
    }
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(USER_AT_HOST_RE)) {
    const host = normalize(m[1]!);
    if (host.includes('.') || host.includes(':') || /^[a-z]/.test(host)) found.add(host);
  }
  for (const m of rest.matchAll(HOST_PORT_RE)) found.add(normalize(m[1]!));
  for (const m of rest.matchAll(IPV4_RE)) if (isValidIpv4(m[1]!)) found.add(m[1]!);
  for (const m of rest.matchAll(BARE_HOST_RE)) {
    const host = normalize(m[1]!);
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (!FILE_EXTENSIONS.has(tld)) found.add(host);
  }
  return [...found];
}

export interface HostMention {
  host: string;
  /** Where in params: `params.endpoints[0].url`. */
  path: string;
}

/** Hosts named anywhere in params' string values, recursively (bounded depth and count). */
export function hostsInParams(params: unknown): HostMention[] {
  const out: HostMention[] = [];
  let strings = 0;
  const visit = (v: unknown, path: string, depth: number) => {
    if (depth > LIMITS.maxDepth || strings > LIMITS.maxStrings) return;
    if (typeof v === 'string') {
      strings++;
      for (const host of hostsInString(v)) out.push({ host, path });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) visit(v[i], `${path}[${i}]`, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        visit(
          x,
          /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`,
          depth + 1,
        );
      }
    }
  };
  visit(params, 'params', 0);
  return out;
}

/** Why a glob is not usable, or undefined when it is fine. */
export function hostGlobProblem(glob: string): string | undefined {
  if (/[/?#@\s]/.test(glob) || glob.includes('://')) {
    return 'write a host name only, without scheme, user, path or spaces (e.g. "*.acme.internal")';
  }
  if (glob.includes(':') && !/^[0-9a-f:]+$/i.test(glob)) {
    return 'ports are not part of a host glob; drop the ":port"';
  }
  if (/^[0-9a-f:]+$/i.test(glob) && glob.includes(':')) return undefined; // IPv6 literal
  const labels = glob.split('.');
  for (const label of labels) {
    if (label === '') return 'empty label (two dots in a row, or a leading or trailing dot)';
    if (label === '**') continue;
    if (label.includes('**')) return '"**" must be a whole label, as in "**.acme.internal"';
    if (!/^[a-z0-9*-]+$/i.test(label)) return `label "${label}" may hold only letters, digits, "-" and "*"`;
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

export function hostMatches(host: string, glob: string): boolean {
  const h = normalize(host);
  const g = normalize(glob);
  if (h.includes(':') || g.includes(':')) return h === g; // IPv6: literal only
  return labelsMatch(h.split('.'), 0, g.split('.'), 0);
}
