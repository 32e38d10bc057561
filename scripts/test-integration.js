#!/usr/bin/env node
// Runs the integration suite in a real VS Code (code-server 4.139 = VS Code 1.139)
// through Chromium: first in the Node extension host, then in the web-worker host.
// Installs and caches code-server, Node 24 and Chromium on first use (scripts/e2e/install.js).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./e2e/install');
const { runSuite, runSessions } = require('./e2e/runSuite');

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

/**
 * The backlog index cache across windows (test/integration/suite/cache.test.ts):
 * window 1 builds and writes the cache; with the window closed, a story is
 * edited, one deleted and one added; window 2 must publish the cache and
 * re-read exactly those; in the Node host (whose workspace storage is a folder
 * of the run folder on disk) window 3 finds the cache cut in half and builds
 * from the files.
 */
async function cacheSessions(host, setup) {
  const workspaceFolder = freshWorkspace();
  const session = (n) => () => fs.writeFileSync(path.join(workspaceFolder, '.cache-session'), `${n}\n`);
  const linked = path.join(workspaceFolder, 'linked');
  const sessions = [
    { before: session(1) },
    {
      before: () => {
        session(2)();
        const changed = path.join(linked, 'US-12-delete-card.md');
        fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace('# US-12: Delete a saved card', '# US-12: Delete a stored card\n\n**Status:** Done'));
        fs.rmSync(path.join(linked, 'EPIC-1-checkout', 'FEAT-1-saved-cards', 'US-11-save-card.md'));
        fs.writeFileSync(path.join(linked, 'US-14-archive-card.md'), '# US-14: Archive an old card\n\n**Parent:** FEAT-1\n\nAs a returning shopper, I want to archive an old card so that my list stays short.\n');
      },
    },
  ];
  if (!setup.web) {
    sessions.push({
      before: ({ runDir }) => {
        session(3)();
        const caches = fs.readdirSync(runDir, { recursive: true }).map(String).filter((file) => file.endsWith('backlog-index.jsonl'));
        if (caches.length !== 1) throw new Error(`expected one backlog-index.jsonl under ${runDir}, found ${caches.length}`);
        const file = path.join(runDir, caches[0]);
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      },
    });
  }
  // The first session's `before` runs before any server: write its marker now.
  sessions[0].before();
  delete sessions[0].before;
  try {
    console.log(`\n== the backlog index cache across windows, ${host} extension host ==`);
    const code = await runSessions({ extensionPath: ROOT, testsPath: path.join(ROOT, setup.tests), workspaceFolder, web: setup.web, label: `${host} cache`, timeoutMs: 5 * 60_000, sessions });
    console.log(`== ${host} host, index cache: ${code === 0 ? 'passed' : 'FAILED'} ==`);
    return code;
  } finally {
    fs.rmSync(workspaceFolder, { recursive: true, force: true });
  }
}

async function main() {
  const only = process.argv.slice(2).filter((arg) => arg in HOSTS);
  // --cache-only: just the index cache's windows (cacheSessions).
  const cacheOnly = process.argv.includes('--cache-only');
  ensureInstalled();
  let failed = 0;
  for (const [host, setup] of Object.entries(HOSTS)) {
    if (only.length && !only.includes(host)) continue;
    const testsPath = path.join(ROOT, setup.tests);
    if (!fs.existsSync(testsPath)) throw new Error(`${setup.tests} is missing: run npm run build first`);
    if (cacheOnly) {
      if ((await cacheSessions(host, setup)) !== 0) failed++;
      continue;
    }
    const workspaceFolder = freshWorkspace();
    try {
      console.log(`\n== integration tests in the ${host} extension host ==`);
      const code = await runSuite({ extensionPath: ROOT, testsPath, workspaceFolder, web: setup.web, label: host, timeoutMs: 10 * 60_000 });
      console.log(`== ${host} extension host: ${code === 0 ? 'passed' : 'FAILED'} ==`);
      if (code !== 0) failed++;
    } finally {
      fs.rmSync(workspaceFolder, { recursive: true, force: true });
    }
    if ((await cacheSessions(host, setup)) !== 0) failed++;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`integration tests could not run: ${error.message}`);
  process.exitCode = 2;
});
