import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, packagedFiles } from './packagedFiles';

describe('the .vsix package (vsce ls, as npm run package would pack it)', () => {
  it('holds only the bundles, manifest, docs and contributed data: no sources, tests, maps or node_modules', function () {
    this.timeout(60_000);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort();
    assert.deepEqual(files, packagedFiles());
  });
});
