/**
 * The credentials engine: mint OIDC-federated, short-lived AWS and Vault credentials for a
 * registered agent, revoke them after the job, and describe both for auditors. No Actions I/O:
 * the root action and the CLI's GitLab flow are front ends over this.
 */
export * from './audit.js';
export * from './backends.js';
export * from './id-token.js';
export * from './mint.js';
export * from './provider-backends.js';
export * from './revoke.js';
export * from './revoke-backend.js';
export * from './summary.js';
export type * from './types.js';
