import * as vscode from 'vscode';
import * as assert from './assert';

declare const AGILE_ARTIFACTS_TEST_HOST: 'node' | 'web';

describe('extension host', () => {
  it(`runs in the ${AGILE_ARTIFACTS_TEST_HOST} extension host`, () => {
    if (AGILE_ARTIFACTS_TEST_HOST === 'web') {
      assert.equal(typeof process, 'undefined', 'a web worker has no process');
    } else {
      assert.equal(typeof process, 'object');
    }
  });

  it('is active, and trusted-workspace and virtual-workspace support is declared', () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.id.toLowerCase() === 'agile-artifacts.agile-artifacts');
    assert.ok(extension, 'the extension is installed');
    assert.ok(extension.isActive, 'a Markdown file has activated it');
    const capabilities = extension.packageJSON.capabilities;
    assert.equal(capabilities.untrustedWorkspaces.supported, true);
    assert.equal(capabilities.virtualWorkspaces, true);
  });
});
