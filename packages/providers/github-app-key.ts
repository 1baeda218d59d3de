/**
 * The GitHub App's private key, parsed locally before any request: GitHub's download (PKCS#1,
 * `BEGIN RSA PRIVATE KEY`) or PKCS#8, with real line breaks or `\n` escapes. The key is a secret:
 * no error here quotes it, any part of it, or the parser's view of it.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { AstlError } from '../core/errors.js';

/**
 * The PEM text as users paste it: GitHub's download (PKCS#1, `BEGIN RSA PRIVATE KEY`) or PKCS#8,
 * with real line breaks or `\n` escapes (a secret stored on one line), CRLF or not.
 */
export function normalizePrivateKeyText(text: string): string {
  let t = text.trim();
  if (!t.includes('\n') && t.includes('\\n')) t = t.replace(/\\n/g, '\n');
  return t.replace(/\r\n?/g, '\n');
}

/**
 * Parses an App private key. Throws an AstlError naming `what` (the input or the Vault secret)
 * when it is not a PEM RSA private key; the message says what was found in general terms only.
 */
export function parseAppPrivateKey(text: string, what: string): KeyObject {
  const pem = normalizePrivateKeyText(text);
  const fail = (problem: string) =>
    new AstlError(`${what} ${problem}`, {
      code: 'GITHUB_APP_KEY_INVALID',
      hint: 'give the whole .pem file GitHub generated for the App (Settings, Developer settings, GitHub Apps, your App, "Private keys"), from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY-----, stored as a secret.',
    });
  if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    throw fail(
      /-----BEGIN (PUBLIC KEY|CERTIFICATE|OPENSSH PRIVATE KEY)/.test(pem)
        ? 'is not a PEM private key in the form GitHub issues (a public key, certificate or OpenSSH key was given)'
        : 'is not a PEM private key (no -----BEGIN RSA PRIVATE KEY----- line)',
    );
  }
  if (pem.includes('BEGIN ENCRYPTED PRIVATE KEY'))
    throw fail('is encrypted with a passphrase; give the key GitHub issued, unencrypted');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    // OpenSSL's reason (a code like ERR_OSSL_UNSUPPORTED) says nothing about the key's content.
    const code = (err as { code?: unknown }).code;
    throw fail(
      `could not be parsed as a PEM private key${typeof code === 'string' ? ` (${code})` : ''}; it may be cut short or altered`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw fail(
      `is not an RSA key (it is ${key.asymmetricKeyType ?? 'of another type'}); GitHub App keys are RSA`,
    );
  }
  return key;
}
