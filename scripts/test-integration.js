#!/usr/bin/env node
// Runs the integration suite in a real VS Code (code-server 4.139 = VS Code 1.139)
// through Chromium: first in the Node extension host, then in the web-worker host.
// Installs and caches code-server, Node 24 and Chromium on first use (scripts/e2e/install.js).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./e2e/install');
const { runSuite } = require('./e2e/runSuite');

const ROOT = path.resolve(__dirname, '..');
const HOSTS = {
  node: { tests: 'out/test/integration/node/index.js', web: false },
  web: { tests: 'out/test/integration/web/index.js', web: true },
};

/** A fresh copy of the fixture workspace, so tests may write and change settings freely. */
function freshWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-ws-'));
  fs.cpSync(path.join(ROOT, 'test/integration/workspace'), dir, { recursive: true });
  return dir;
}

async function main() {
  const only = process.argv.slice(2).filter((arg) => arg in HOSTS);
  ensureInstalled();
  let failed = 0;
  for (const [host, setup] of Object.entries(HOSTS)) {
    if (only.length && !only.includes(host)) continue;
    const testsPath = path.join(ROOT, setup.tests);
    if (!fs.existsSync(testsPath)) throw new Error(`${setup.tests} is missing: run npm run build first`);
    const workspaceFolder = freshWorkspace();
    try {
      console.log(`\n== integration tests in the ${host} extension host ==`);
      const code = await runSuite({ extensionPath: ROOT, testsPath, workspaceFolder, web: setup.web, label: host, timeoutMs: 10 * 60_000 });
      console.log(`== ${host} extension host: ${code === 0 ? 'passed' : 'FAILED'} ==`);
      if (code !== 0) failed++;
    } finally {
      fs.rmSync(workspaceFolder, { recursive: true, force: true });
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`integration tests could not run: ${error.message}`);
  process.exitCode = 2;
});
