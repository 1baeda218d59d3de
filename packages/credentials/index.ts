/**
 * The credentials engine: mint OIDC-federated, short-lived credentials (AWS, Vault, ...) for a
 * registered agent, revoke them after the job, and describe both for auditors. No Actions I/O:
 * the root action and the CLI's GitLab flow are front ends over this. Providers share one shape
 * (provider.ts); the registered ones are in providers/index.ts, their revocation parts (all the
 * post step loads) in providers/revokers.ts.
 */
export * from './audit.js';
export * from './id-token.js';
export * from './mint.js';
export type * from './provider.js';
export * from './providers/aws.js';
export * from './providers/github.js';
export * from './providers/index.js';
export * from './providers/revokers.js';
export * from './providers/vault.js';
export * from './revoke.js';
export * from './summary.js';
export type * from './types.js';
