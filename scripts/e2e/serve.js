#!/usr/bin/env node
// `npm start`: serves VS Code (code-server 1.139) on 127.0.0.1:PORT with a
// workspace open and the extension installed, until Ctrl+C.
//
//   node scripts/e2e/serve.js [--extension DIR] [--workspace DIR] [--port N] [--web]
//   defaults: the repository root as the extension, test/fixtures/markdown as
//   the workspace, PORT from the environment or 8080.
//
// The extension folder is symlinked into the extensions dir as
// <publisher>.<name>-<version> (no packaging step; a rebuild plus a window
// reload picks up changes). It must be built first (its main/browser files).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { startCodeServer, extensionId } = require('./codeServer');
const { REPO_ROOT, CACHE_DIR } = require('./install');

/**
 * @param {object} [o]
 * @param {string} [o.extensionPath]    default: the repository root
 * @param {string} [o.workspaceFolder]  default: test/fixtures/markdown
 * @param {number|string} [o.port]      default: process.env.PORT || 8080
 * @param {boolean} [o.web]             run the extension in the web-worker host (remote.extensionKind)
 * @param {object} [o.userSettings]
 * @returns {Promise<{url:string, folderUrl:string, port:number, stop:() => Promise<void>}>}
 */
async function serve(o = {}) {
  const extensionPath = path.resolve(o.extensionPath || REPO_ROOT);
  const workspaceFolder = path.resolve(o.workspaceFolder || path.join(REPO_ROOT, 'test', 'fixtures', 'markdown'));
  const port = Number(o.port || process.env.PORT || 8080);
  const { id, pkg } = extensionId(extensionPath);
  for (const key of ['main', 'browser']) {
    if (pkg[key] && !fs.existsSync(path.join(extensionPath, pkg[key])) && !fs.existsSync(path.join(extensionPath, `${pkg[key]}.js`))) {
      console.warn(`[serve] warning: ${id}'s ${key} entry ${pkg[key]} does not exist yet: build the extension first (npm run build)`);
    }
  }
  if (!fs.existsSync(workspaceFolder)) throw new Error(`workspace folder not found: ${workspaceFolder}`);
  const userSettings = { ...(o.userSettings || {}) };
  if (o.web) userSettings['remote.extensionKind'] = { [id]: ['web'] };
  const cs = await startCodeServer({
    port,
    runDir: path.join(CACHE_DIR, `serve-${port}`),
    userSettings,
    linkExtensions: [extensionPath],
    extraArgs: [workspaceFolder], // the folder opened when the URL names none
  });
  const folderUrl = `${cs.url}/?folder=${encodeURIComponent(workspaceFolder)}`;
  return { url: cs.url, folderUrl, port: cs.port, runDir: cs.runDir, logFile: cs.logFile, exited: cs.exited, stop: cs.stop };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--extension') o.extensionPath = val();
    else if (a === '--workspace') o.workspaceFolder = val();
    else if (a === '--port') o.port = val();
    else if (a === '--web') o.web = true;
    else throw new Error(`unknown argument ${a}\nusage: serve.js [--extension DIR] [--workspace DIR] [--port N] [--web]`);
  }
  return o;
}

/**
 * Keeps the process alive while code-server runs: stops it on Ctrl+C or a
 * termination signal, and exits with an error if it stops by itself.
 */
function keepServing(s, tag) {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[${tag}] stopping ...`);
    s.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  s.exited.then((how) => {
    if (stopping) return;
    console.error(`[${tag}] code-server stopped by itself (${JSON.stringify(how)}); see ${s.logFile}`);
    process.exit(1);
  });
  setInterval(() => {}, 1 << 30); // keep the event loop alive until a signal
}

module.exports = { serve, keepServing };

if (require.main === module) {
  (async () => {
    const s = await serve(parseArgs(process.argv.slice(2)));
    console.log(`[serve] VS Code is at ${s.folderUrl}`);
    console.log(`[serve] (server log: ${path.relative(process.cwd(), s.logFile)}); Ctrl+C to stop`);
    keepServing(s, 'serve');
  })().catch((e) => {
    console.error(`[serve] ERROR: ${e.message}`);
    process.exit(1);
  });
}
