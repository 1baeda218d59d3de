/**
 * The GitHub App's own credential: the JWT its private key signs to call
 * the App endpoints (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app):
 * RS256, `iss` = the App's ID (or client ID), `iat` 60 s in the past against clock drift, `exp`
 * 10 minutes after `iat` (GitHub's maximum).
 *
 * Loaded only when a token is minted (jose's signer stays out of the post step); the key is
 * parsed by github-app-key.ts.
 */
import type { KeyObject } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';

export const APP_JWT_BACKDATE_SECONDS = 60;
export const APP_JWT_LIFETIME_SECONDS = 600;

/** An App JWT for `appId` at `now` (RS256; iat now-60 s, exp iat+600 s). */
export async function signAppJwt(key: KeyObject, appId: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000) - APP_JWT_BACKDATE_SECONDS;
  // GitHub's examples use the numeric App ID; a client ID (Iv1.…, Iv23…) stays a string.
  const iss = /^\d+$/.test(appId) ? Number(appId) : appId;
  return new SignJWT({ iss } as unknown as JWTPayload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + APP_JWT_LIFETIME_SECONDS)
    .sign(key);
}
