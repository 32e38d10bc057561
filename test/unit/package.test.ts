import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, vsixFiles } from './packagedFiles';

describe('the .vsix package (vsce ls of the staging folder npm run package packs)', () => {
  it('holds only the extension bundles, manifest, docs and contributed data: no CLI, sources, tests, maps or node_modules', function () {
    this.timeout(60_000);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package-vsix.js'), '--ls'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean).sort();
    assert.deepEqual(files, vsixFiles());
  });
});
