export * from './duration.js';
export * from './errors.js';
export * from './http-body.js';
export * from './redact.js';
export * from './retry.js';
export * from './suggest.js';
export * from './yaml-source.js';
