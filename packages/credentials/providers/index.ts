/**
 * The registered credential providers, in mint order (the post step revokes in reverse order).
 * The post step and `astl revoke` use providers/revokers.ts instead, which must list the same
 * providers in the same order; a new provider adds a line to both (see provider.ts's header).
 */
import type { CredentialProvider } from '../provider.js';
import { awsProvider } from './aws.js';
import { githubProvider } from './github.js';
import { vaultProvider } from './vault.js';

/** Type-erased for the loops: each provider only ever sees its own plan and state. */
// biome-ignore lint/suspicious/noExplicitAny: plans and states differ per provider by design
export type AnyProvider = CredentialProvider<any, any>;

export function defaultProviders(): AnyProvider[] {
  return [awsProvider(), vaultProvider(), githubProvider()];
}
