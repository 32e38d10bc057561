import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/**
 * What the npm package holds, sorted: the `files` allowlist in package.json, the
 * CLI and the extension's bundles. No sources, tests, fixtures or maps.
 */
export function packagedFiles(): string[] {
  const rulePages = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((name) => name.endsWith('.md')).map((name) => `docs/rules/${name}`);
  return [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/engine.js',
    'dist/extension.js',
    'dist/indexWorker.js',
    'dist/web/extension.js',
    ...rulePages,
    'package.json',
    'schemas/agile-artifacts.schema.json',
    'snippets/agile-artifacts.code-snippets.json',
    'syntaxes/agile-artifacts.injection.tmLanguage.json',
  ].sort();
}

/**
 * What the .vsix holds: the same less the CLI bundle. vsce reads the allowlist
 * too (and refuses a .vscodeignore beside it), so scripts/package-vsix.js packs
 * a staging folder with the extension's files alone.
 */
export function vsixFiles(): string[] {
  return packagedFiles().filter((file) => file !== 'dist/cli.js');
}
