#!/usr/bin/env node
// The integration suite in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code (a contributor's, a hosted CI). Where the
// download is impossible it says so and exits non-zero; `npm test` uses
// code-server instead (scripts/test-integration.js), which runs the same suite.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const VSCODE_VERSION = '1.139.0';

async function main() {
  const { runTests } = require('@vscode/test-electron');
  const extensionTestsPath = path.join(ROOT, 'out/test/integration/node/index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error('out/test/integration/node/index.js is missing: run npm run build first');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-ws-'));
  fs.cpSync(path.join(ROOT, 'test/integration/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(error?.message ?? error));
  console.error(
    offline
      ? `test:electron cannot run here: VS Code ${VSCODE_VERSION} cannot be downloaded (${error.message}). Run npm test, which uses code-server, or run this where the internet is reachable.`
      : `test:electron failed: ${error?.message ?? error}`,
  );
  process.exitCode = 1;
});
