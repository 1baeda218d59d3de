/** The scanner: engine, change sets, suppressions and baselines, reporters. No Actions I/O. */
export * from './changeset.js';
export * from './config.js';
export * from './finding.js';
export * from './report/index.js';
export * from './rules.js';
export * from './scan.js';
export { DEFAULT_EXCLUDE, DEFAULT_PATHS, MAX_FILE_BYTES } from './source.js';
export { parseBaseline, writeBaseline } from './suppress.js';
