declare const AGILE_ARTIFACTS_VERSION: string | undefined;

/** Filled in by esbuild.js from package.json. */
export const VERSION = typeof AGILE_ARTIFACTS_VERSION === 'string' ? AGILE_ARTIFACTS_VERSION : '0.0.0-dev';
