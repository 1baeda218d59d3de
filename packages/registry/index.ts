/**
 * Agent registry (agent-config.yaml) and AgentPolicy model: parsing with positions, validation
 * against schemas/, agent resolution and the credentials pre-check. No Actions I/O here.
 */
export * from './agent-policy.js';
export * from './check.js';
export * from './policy-files.js';
export * from './registry.js';
export * from './resolve.js';
