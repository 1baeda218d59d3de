export * from './aws.js';
export * from './diagnose.js';
export * from './oidc.js';
export * from './retry-policy.js';
export * from './vault.js';
export * from './vault-secrets.js';
