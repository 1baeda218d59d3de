/**
 * The transport rule for every URL a credential travels to (an App JWT, an OIDC token, an
 * installation token): https, or plain http to a loopback host only (a local stand-in or a
 * sidecar), and never user name or password in the URL, which would end up in logs.
 */
import { AstlError, type SourceLocation } from './errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for localhost, 127.0.0.0/8 and ::1 (as URL.hostname spells them). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(h) || /^127(?:\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/**
 * Returns the parsed URL when credentials may be sent to it; throws an AstlError named after
 * `what` (an input, a registry key or a variable: "GITHUB_API_URL") otherwise. The URL itself is
 * quoted only when it carries no user info.
 */
export function requireSecureTransport(
  url: string,
  what: string,
  options: { location?: SourceLocation; fix?: string } = {},
): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const fail = (message: string, hint: string) =>
    new AstlError(`${what}: ${message}`, {
      code: 'INSECURE_URL',
      hint,
      ...(options.location ? { location: options.location } : {}),
      ...(options.fix ? { fix: options.fix } : {}),
    });
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw fail('is not an http(s) URL', 'give an https:// URL');
  }
  if (parsed.username || parsed.password) {
    throw fail(
      'carries a user name or password',
      'remove the user info from the URL; credentials are sent in headers',
    );
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw fail(
      `${parsed.origin} is plain http; credentials are only sent over https (or http to a loopback host)`,
      `use https://${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`,
    );
  }
  return parsed;
}
