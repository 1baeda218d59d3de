export * from './annotations.js';
export * from './codequality.js';
export * from './sarif.js';
export * from './summary.js';
export * from './text.js';
