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

/** Characters that end a token: whitespace, quotes, brackets and punctuation hosts never hold. */
const SEPARATORS = /[\s"'<>`,;(){}|\\^]+/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

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

function isHostname(name: string, needDot: boolean): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (needDot && labels.length < 2) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  return /^[a-z]/.test(labels[labels.length - 1]!);
}

/** Looks at one token (no whitespace or quotes) for user@host, host:port, IPv4 or a dotted name. */
function hostInToken(token: string, found: Set<string>): void {
  let t = token.toLowerCase();
  const at = t.lastIndexOf('@');
  const viaUser = at >= 0;
  if (viaUser) t = t.slice(at + 1);
  t = t.split('/')[0]!.replace(/[.:]+$/, '');
  if (t.startsWith('[')) {
    const ipv6 = /^\[([0-9a-f:.]+)\]/.exec(t);
    if (ipv6) found.add(ipv6[1]!);
    return;
  }
  let withPort = false;
  const port = /:(\d{1,5})$/.exec(t);
  if (port) {
    t = t.slice(0, port.index);
    withPort = true;
  }
  if (t.includes(':') || t === '') return;
  if (isValidIpv4(t)) {
    found.add(t);
    return;
  }
  if (!isHostname(t, !(withPort || viaUser))) return;
  if (withPort && /^\d+$/.test(t)) return; // "12:30" is a time, not a host
  const tld = t.slice(t.lastIndexOf('.') + 1);
  if (!withPort && !viaUser && FILE_EXTENSIONS.has(tld)) return;
  found.add(t);
}

/**
 * Every host named in one string: URLs (any scheme), user@host, host:port, IPv4 and dotted
 * names. Linear in the string's length: it is split into tokens once, no backtracking regex.
 */
export function hostsInString(text: string): string[] {
  const found = new Set<string>();
  const s = text.length > LIMITS.maxStringLength ? text.slice(0, LIMITS.maxStringLength) : text;
  for (const token of s.split(SEPARATORS)) {
    if (token === '') continue;
    if (!token.includes('://')) {
      hostInToken(token, found);
      continue;
    }
    // URLs, including ones nested in another URL's query (open redirects name hosts too), and
    // every path or query piece that looks like a host.
    let urls = 0;
    for (let i = token.indexOf('://'); i > 0 && urls++ < 16; i = token.indexOf('://', i + 3)) {
      let start = i;
      while (start > 0 && i - start < 32 && /[a-z0-9+.-]/i.test(token[start - 1]!)) start--;
      try {
        const url = new URL(token.slice(start));
        if (url.hostname) found.add(normalize(url.hostname));
      } catch {
        // not a URL after all; the pieces below still look at it
      }
    }
    for (const piece of token.split(/:\/\/|[/?&=#]/)) if (piece) hostInToken(piece, found);
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
