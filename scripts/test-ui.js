#!/usr/bin/env node
// UI-level check in a real VS Code workbench (code-server 1.139 + Chromium): the
// examples/ backlog, the wrong-role squiggle, its hover and the Problems row, first
// in the Node extension host (saving docs/images/*.png), then in the web-worker host.
// Installs and caches code-server, Node 24 and Chromium on first use (scripts/e2e/install.js).
//
//   node scripts/test-ui.js [node] [web] [--no-screenshots] [--workspace DIR]
//   exit 0 all checks passed, 1 a check failed, 2 the harness could not run.
// Needs a build first (npm run build).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureInstalled } = require('./e2e/install');
const { runUiChecks, copyExamples } = require('../test/ui/ui.test.js');

const ROOT = path.resolve(__dirname, '..');
const HOSTS = ['node', 'web'];
const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'images');
const FAILURE_DIR = path.join(ROOT, '.vscode-test', 'ui-failures');
const USAGE = 'usage: node scripts/test-ui.js [node] [web] [--no-screenshots] [--workspace DIR]';

function parseArgs(argv) {
  const o = { hosts: [], screenshots: true, workspace: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (HOSTS.includes(a)) o.hosts.push(a);
    else if (a === '--no-screenshots') o.screenshots = false;
    else if (a === '--workspace' && i + 1 < argv.length) o.workspace = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!o.hosts.length) o.hosts = HOSTS;
  return o;
}

function checkBuilt() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const missing = ['main', 'browser'].map((k) => pkg[k]).filter((f) => f && !fs.existsSync(path.join(ROOT, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run npm run build first`);
}

/** A copy of the workspace (examples/ unless --workspace), so the workbench never writes into the repository. */
function freshWorkspace(source) {
  if (!source) return copyExamples(os.tmpdir());
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agile-artifacts-ui-')), 'examples');
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  checkBuilt();
  ensureInstalled();
  const results = [];
  for (const host of o.hosts) {
    const label = `ui:${host}`;
    const log = (msg) => console.log(`[${label}] ${msg}`);
    const workspaceFolder = freshWorkspace(o.workspace);
    const started = Date.now();
    console.log(`\n== UI checks in the ${host} extension host ==`);
    try {
      await runUiChecks({
        host,
        workspaceFolder,
        screenshotDir: o.screenshots && host === 'node' ? SCREENSHOT_DIR : undefined,
        failureShot: path.join(FAILURE_DIR, `${host}.png`),
        log,
      });
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`== ${host} extension host: passed (${secs} s) ==`);
      results.push(true);
    } catch (e) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.error(`[${label}] FAILED: ${e.message}`);
      console.log(`== ${host} extension host: FAILED (${secs} s) ==`);
      results.push(false);
    } finally {
      fs.rmSync(path.dirname(workspaceFolder), { recursive: true, force: true });
    }
  }
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

main().catch((e) => {
  console.error(`UI checks could not run: ${e.message}`);
  process.exitCode = 2;
});
