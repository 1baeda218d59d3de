/**
 * The one rule for every endpoint the product sends a credential to (Vault, an STS endpoint
 * override, a GitHub API or token-exchange URL): https://, or plain http:// only to a loopback
 * address (127.0.0.0/8, ::1, localhost) for local tests, or when the user opts in explicitly
 * (`allow-insecure-http`). Checked before any token is requested: over plain http the OIDC
 * token and what it buys (a Vault token, STS keys) cross the network readable by anyone on the
 * path, and a token replayed within its lifetime is as good as the job's identity.
 */
import { AstlError, type SourceLocation } from './errors.js';
import type { SettingId, SettingText } from './settings.js';

export const TRANSPORT_INSECURE = 'CREDENTIAL_TRANSPORT_INSECURE';
export const CREDENTIAL_URL_INVALID = 'CREDENTIAL_URL_INVALID';

export interface TransportCheck {
  /**
   * The endpoint when it is not an engine setting: `credentials.vault.url`, `AWS_ENDPOINT_URL_STS`,
   * `GITHUB_API_URL`, a front end's own flag.
   */
  what?: string;
  /** The engine setting that names the endpoint (`vault-url`): each front end renders it. */
  setting?: SettingId;
  /** Where it was written (a registry line); default the setting, else `{ file: what }`. */
  location?: SourceLocation;
  /** The user opted in to plain http to a non-loopback host. */
  allowInsecure?: boolean;
  /**
   * How to opt in, in the front end's terms; default the `allow-insecure-http` setting as the
   * front end names it; `false` when there is no opt-in (the gate's API tokens).
   */
  optIn?: string | false;
  /** What would travel in clear, for the message; default `credentials`. */
  sends?: string;
}

export interface CheckedTransport {
  url: URL;
  /** Plain http to a non-loopback host, allowed only because the user opted in: warn about it. */
  insecure: boolean;
}

/**
 * Validates a credential endpoint URL: parseable, https (or http to loopback, or http opted in),
 * no user name or password in it. Throws AstlError (CREDENTIAL_URL_INVALID or
 * CREDENTIAL_TRANSPORT_INSECURE) located at `check.location` or `check.what`; the message shows
 * the URL's origin only, never a user name, password, path or query.
 */
export function checkCredentialTransport(url: string, check: TransportCheck): CheckedTransport {
  const what = check.what ?? check.setting ?? 'endpoint';
  const where = check.location
    ? { location: check.location }
    : check.setting && check.what === undefined
      ? { setting: check.setting }
      : { location: { file: what } };
  const prefix = check.location ? `${what} ` : '';
  const fail = (code: string, message: string, hint: SettingText) =>
    new AstlError(`${prefix}${message}`, { code, ...where, hint });
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw fail(CREDENTIAL_URL_INVALID, 'is not a URL', 'write the endpoint as https://host[:port]');
  }
  if (parsed.username || parsed.password) {
    throw fail(
      CREDENTIAL_URL_INVALID,
      'carries a user name or password; remove them',
      'give the address only: the product authenticates with the job’s OIDC token',
    );
  }
  if (parsed.protocol === 'https:') return { url: parsed, insecure: false };
  if (parsed.protocol !== 'http:') {
    throw fail(
      CREDENTIAL_URL_INVALID,
      `${parsed.protocol}// is not an http(s) URL`,
      'write the endpoint as https://host[:port]',
    );
  }
  if (isLoopbackHost(parsed.hostname)) return { url: parsed, insecure: false };
  if (check.allowInsecure) return { url: parsed, insecure: true };
  const { optIn } = check;
  throw fail(
    TRANSPORT_INSECURE,
    `${parsed.origin} uses plain http://, so ${check.sends ?? 'credentials'} would cross the network unencrypted`,
    (s) =>
      `use https://. Plain http is allowed without asking only to loopback (127.0.0.1, ::1, localhost)${
        optIn === false
          ? ''
          : `; for a network you control end to end, opt in with ${optIn ?? (s.kind === 'action' ? 'allow-insecure-http: true' : s.name('allow-insecure-http'))}`
      }`,
  );
}

/**
 * Loopback hosts as the WHATWG URL parser leaves them (`127.1` and `2130706433` are already
 * 127.0.0.1 there): 127.0.0.0/8, [::1], IPv4-mapped [::ffff:127.x.y.z], and `localhost`.
 * `*.localhost` is not included: whether it resolves to loopback depends on the resolver.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  // The parser prints IPv6 compressed, so every spelling of ::ffff:127.x.y.z arrives as this.
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(h);
}
