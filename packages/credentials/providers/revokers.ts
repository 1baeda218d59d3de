/**
 * The providers' revocation parts (`CredentialRevoker`), in mint order (revoke.ts goes through
 * them in reverse). The post step and `astl revoke` load this list instead of providers/index.ts,
 * so they evaluate no minting code: no STS or login client, no JWT signing or decoding, no
 * permission tables beyond what a summary line names. A new provider adds one line here.
 */
import type { CredentialRevoker } from '../provider.js';
import { awsRevoker } from './aws-revoke.js';
import { githubRevoker } from './github-revoke.js';
import { vaultRevoker } from './vault-revoke.js';

/** Type-erased for the loops: each revoker only ever sees its own provider's saved state. */
// biome-ignore lint/suspicious/noExplicitAny: states differ per provider by design
export type AnyRevoker = CredentialRevoker<any>;

export function defaultRevokers(): AnyRevoker[] {
  return [awsRevoker(), vaultRevoker(), githubRevoker()];
}
