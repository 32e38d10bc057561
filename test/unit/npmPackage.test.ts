import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workspace } from './cliProcess';
import { ROOT, packagedFiles } from './packagedFiles';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** npm run by this test: with node on the PATH (the bin's `#!/usr/bin/env node` needs it), no update check. */
function npm(args: string[], cwd: string) {
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' };
  return spawnSync(NPM, args, { cwd, encoding: 'utf8', env, shell: process.platform === 'win32' });
}

describe('the npm package (npm pack, then npm install -g from the tarball, offline)', function () {
  this.timeout(180_000);
  let temp: string;
  let packed: { filename: string; size: number; files: { path: string }[] };

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-pack-'));
    // `npm pack` runs the prepack build, as it would on a fresh clone.
    const result = npm(['pack', '--json', '--pack-destination', temp], ROOT);
    assert.equal(result.status, 0, result.stderr);
    packed = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')))[0];
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('holds the built bundles, README, LICENSE, CHANGELOG, schema, snippets, grammar and rule pages: no sources, tests, fixtures or maps', () => {
    assert.deepEqual(packed.files.map((file) => file.path).sort(), packagedFiles());
  });

  it('installs from the tarball with no registry and no dependencies, and `agile-artifacts lint` works', () => {
    const prefix = path.join(temp, 'prefix');
    const install = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(temp, packed.filename)], temp);
    assert.equal(install.status, 0, install.stderr);
    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'agile-artifacts');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'the bundle needs no runtime dependency');
    const bin = path.join(prefix, process.platform === 'win32' ? 'agile-artifacts.cmd' : 'bin/agile-artifacts');
    const cwd = workspace({ 'backlog/cards.feature.md': '---\naccepted-by: PO\n---\n# Feature: Saved cards\n\n## Benefit Hypothesis\n\nb\n\n## Acceptance Criteria\n\n- ok\n' });
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
    const lint = spawnSync(bin, ['lint', 'backlog'], { cwd, encoding: 'utf8', env, shell: process.platform === 'win32' });
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^backlog\/cards\.feature\.md:2:14 {2}warning {2}Product Owners accept stories, not features.* {2}wrong-role\n1 problem \(1 warning\) in 1 file\.\n$/);
    assert.equal(spawnSync(bin, ['--version'], { encoding: 'utf8', env, shell: process.platform === 'win32' }).stdout, `${version}\n`);
  });
});
