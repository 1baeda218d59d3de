import pkg from '../../package.json' with { type: 'json' };

/** The scanner's version as SARIF reports it: the repository's package version. */
export const SCANNER_VERSION: string = pkg.version;
