#!/usr/bin/env node
// `npm start` (after `npm run build`): VS Code in the browser (code-server 1.139) on
// 127.0.0.1:$PORT (default 8080), with the examples/ backlog open and this extension
// installed from the working tree, until Ctrl+C. The first run installs Node 24,
// code-server and Chromium into .vscode-test/ (a few minutes; see scripts/e2e/install.js).
//
//   node scripts/start.js [--port N] [--web] [--workspace DIR]
//   --web runs the extension's browser build in the web-worker extension host (as on vscode.dev).
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { serve, keepServing } = require('./e2e/serve');

const REPO_ROOT = path.resolve(__dirname, '..');
const USAGE = 'usage: node scripts/start.js [--port N] [--web] [--workspace DIR]   (PORT env var also sets the port)';

function parseArgs(argv) {
  const o = { port: process.env.PORT || 8080, web: false, workspaceFolder: path.join(REPO_ROOT, 'examples') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--port') o.port = val();
    else if (a === '--web') o.web = true;
    else if (a === '--workspace') o.workspaceFolder = path.resolve(val());
    else if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0); }
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  o.port = Number(o.port);
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) throw new Error(`bad port ${o.port}\n${USAGE}`);
  return o;
}

/** Resolves when nothing listens on 127.0.0.1:port, rejects with a readable error otherwise. */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (e) => reject(new Error(e.code === 'EADDRINUSE'
      ? `port ${port} is already in use; pick another one: PORT=8081 npm start`
      : `cannot listen on 127.0.0.1:${port}: ${e.message}`)));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

function checkBuilt() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const missing = ['main', 'browser'].filter((k) => pkg[k] && !fs.existsSync(path.join(REPO_ROOT, pkg[k])));
  if (missing.length) {
    throw new Error(`the extension is not built (${missing.map((k) => pkg[k]).join(', ')} missing): run \`npm start\`, which builds first, or \`npm run build\``);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  checkBuilt();
  if (!fs.existsSync(o.workspaceFolder)) throw new Error(`workspace folder not found: ${o.workspaceFolder}`);
  await checkPortFree(o.port);
  console.log(`[start] starting VS Code (code-server) on 127.0.0.1:${o.port} ...`);
  const started = Date.now();
  const s = await serve({
    extensionPath: REPO_ROOT,
    workspaceFolder: o.workspaceFolder,
    port: o.port,
    web: o.web,
    // Open the workspace's README (it lists the deliberate mistakes) instead of nothing.
    userSettings: { 'workbench.startupEditor': 'readme' },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const line = '-'.repeat(72);
  console.log([
    line,
    `  Agile Artifacts in VS Code is ready (${secs} s)${o.web ? ' (web-worker extension host)' : ''}:`,
    '',
    `      ${s.folderUrl}`,
    '',
    `  Workspace: ${path.relative(process.cwd(), o.workspaceFolder) || '.'}   Open a *.feature.md file to see the findings.`,
    `  After changing src/: npm run build, then "Developer: Reload Window" in VS Code.`,
    `  Server log: ${path.relative(process.cwd(), s.logFile)}`,
    '  Press Ctrl+C to stop.',
    line,
  ].join('\n'));

  keepServing(s, 'start');
}

main().catch((e) => {
  console.error(`[start] ERROR: ${e.message}`);
  process.exit(1);
});
