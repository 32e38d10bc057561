import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const RULE_PAGES = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((name) => name.endsWith('.md')).map((name) => `docs/rules/${name}`).sort();

describe('the .vsix package (vsce ls, as npm run package would pack it)', () => {
  // vsce and npm read the same `files` allowlist in package.json (vsce refuses a .vscodeignore beside it), so the
  // .vsix also holds the CLI and the rule pages.
  it('holds only the bundles, manifest, docs and contributed data: no sources, tests, maps or node_modules', function () {
    this.timeout(60_000);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/extension.js',
      'dist/web/extension.js',
      ...RULE_PAGES,
      'package.json',
      'schemas/agile-artifacts.schema.json',
      'snippets/agile-artifacts.code-snippets.json',
      'syntaxes/agile-artifacts.injection.tmLanguage.json',
    ]);
  });
});
