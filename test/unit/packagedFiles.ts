import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/**
 * What both the .vsix and the npm package hold, sorted: vsce and npm read the
 * same `files` allowlist in package.json (vsce refuses a .vscodeignore beside
 * it), so each also holds the other's bundle. No sources, tests, fixtures or maps.
 */
export function packagedFiles(): string[] {
  const rulePages = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((name) => name.endsWith('.md')).map((name) => `docs/rules/${name}`);
  return [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/extension.js',
    'dist/web/extension.js',
    ...rulePages,
    'package.json',
    'schemas/agile-artifacts.schema.json',
    'snippets/agile-artifacts.code-snippets.json',
    'syntaxes/agile-artifacts.injection.tmLanguage.json',
  ].sort();
}
