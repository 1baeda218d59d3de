/**
 * The registered credential providers, in mint order (the post step revokes in reverse order).
 * A new provider is one module implementing `CredentialProvider` and one line here.
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
