// Starts a throwaway code-server (VS Code 1.139 in the browser) for end-to-end tests.
//   const { startCodeServer } = require('./codeServer');
//   const cs = await startCodeServer({ userSettings: { ... } });  // { url, port, runDir, userDataDir, extensionsDir, logFile, stop() }
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const http = require('node:http');
const { spawn, spawnSync } = require('node:child_process');
const { ensureInstalled, CACHE_DIR } = require('./install');

// Settings that keep the workbench quiet and offline-friendly.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.autoDetect': 'off',
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// All descendants of pid (Linux /proc), deepest last; used so stop() also ends
// processes that left the process group (e.g. terminals under node-pty).
function descendants(rootPid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const children = new Map();
  for (const d of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) || []) {
      out.push(c);
      walk(c);
    }
  };
  walk(rootPid);
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killTree(pid, signal) {
  const pids = [pid, ...descendants(pid)];
  try { process.kill(-pid, signal); } catch { /* group gone */ }
  for (const p of pids) {
    try { process.kill(p, signal); } catch { /* gone */ }
  }
  return pids;
}

// Run folders are kept when a run fails; drop those older than a day.
function pruneOldRuns() {
  const runs = path.join(CACHE_DIR, 'runs');
  let names = [];
  try { names = fs.readdirSync(runs); } catch { return; }
  const cutoff = Date.now() - 24 * 3600 * 1000;
  for (const n of names) {
    try {
      if (fs.statSync(path.join(runs, n)).mtimeMs < cutoff) fs.rmSync(path.join(runs, n), { recursive: true, force: true });
    } catch { /* raced with another run */ }
  }
}

function makeRunDir(runDir, reuse) {
  if (!runDir) pruneOldRuns();
  const dir = runDir
    ? path.resolve(runDir)
    : path.join(CACHE_DIR, 'runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
  if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Starts code-server on 127.0.0.1.
 * @param {object} [opts]
 * @param {number} [opts.port]            port to bind (default: a free one)
 * @param {string} [opts.runDir]          fresh folder for this run (default: .vscode-test/runs/<unique>); emptied first
 * @param {boolean} [opts.reuseRunDir]    keep what runDir holds (user data, workspace storage of a previous server on it): a window reopened
 * @param {object} [opts.userSettings]    merged over the quiet defaults into User/settings.json
 * @param {string} [opts.extensionsDir]   --extensions-dir (default: <runDir>/extensions)
 * @param {string[]} [opts.extraArgs]     more code-server arguments (e.g. a folder to open)
 * @param {string[]} [opts.linkExtensions] extension folders to symlink into the extensions dir as <publisher>.<name>-<version> (installed, not development)
 * @param {string[]} [opts.vsix]          .vsix files to install with --install-extension before starting
 * @param {object} [opts.env]             extra environment for code-server (and so the Node extension host)
 * @param {number} [opts.startTimeoutMs]  default 60000
 * @returns {Promise<{url:string, port:number, runDir:string, userDataDir:string, extensionsDir:string, logFile:string, pid:number, exited:Promise<object>, stop:() => Promise<void>}>}
 */
async function startCodeServer(opts = {}) {
  const installed = ensureInstalled();
  const runDir = makeRunDir(opts.runDir, opts.reuseRunDir);
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.resolve(opts.extensionsDir || path.join(runDir, 'extensions'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.userSettings || {}) }, null, 2) + '\n');
  for (const dir of opts.linkExtensions || []) linkExtension(dir, extensionsDir);
  for (const file of opts.vsix || []) installExtensionVsix(file, { userDataDir, extensionsDir });
  const port = Number(opts.port) || await freePort();
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    installed.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
    ...(opts.extraArgs || []),
  ];
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // No npm_* from an outer `npm test`, no VSCODE_* from a VS Code terminal around us.
    if (!/^(npm_|VSCODE_|ELECTRON_)/i.test(k)) env[k] = v;
  }
  env.PATH = `${installed.node24BinDir}${path.delimiter}${process.env.PATH || ''}`;
  Object.assign(env, opts.env || {});

  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(installed.node24, args, { env, cwd: runDir, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  child.on('error', (err) => { exited = { error: err }; });

  // If this Node process ends without stop(), do not leave code-server behind.
  const onExit = () => { if (!exited) killTree(child.pid, 'SIGKILL'); };
  process.on('exit', onExit);

  let stopping;
  const stop = () => {
    if (stopping) return stopping;
    stopping = (async () => {
      process.removeListener('exit', onExit);
      let pids = killTree(child.pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && pids.some(alive)) await sleep(100);
      if (pids.some(alive)) {
        pids = pids.concat(killTree(child.pid, 'SIGKILL'));
        for (const p of pids) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
      }
      await Promise.race([exitPromise, sleep(2000)]);
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs || 60000);
  for (;;) {
    if (exited) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      process.removeListener('exit', onExit);
      throw new Error(`code-server exited before it was ready (${JSON.stringify(exited)}); ${logFile}:\n${tail}`);
    }
    if (await httpStatus(`${url}/healthz`) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${opts.startTimeoutMs || 60000} ms; see ${logFile}`);
    }
    await sleep(100);
  }
  return { url, port, runDir, userDataDir, extensionsDir, logFile, pid: child.pid, exited: exitPromise, stop };
}

/** "<publisher>.<name>" and version of the extension at dir. */
function extensionId(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (!pkg.publisher || !pkg.name) throw new Error(`${dir}/package.json lacks publisher or name`);
  return { id: `${pkg.publisher}.${pkg.name}`.toLowerCase(), version: pkg.version || '0.0.0', pkg };
}

/** Symlinks an extension folder into extensionsDir as <publisher>.<name>-<version>; VS Code scans it as installed. */
function linkExtension(dir, extensionsDir) {
  const { id, version } = extensionId(path.resolve(dir));
  const target = path.join(extensionsDir, `${id}-${version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.symlinkSync(path.resolve(dir), target, 'dir');
  return target;
}

/** Runs `code-server --install-extension <vsix>` with the given dirs (no server). */
function installExtensionVsix(vsix, { userDataDir, extensionsDir }) {
  const installed = ensureInstalled();
  const r = spawnSync(installed.node24, [installed.codeServerEntry, '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${installed.node24BinDir}${path.delimiter}${process.env.PATH || ''}` },
    timeout: 120000,
  });
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

module.exports = { startCodeServer, installExtensionVsix, linkExtension, extensionId, freePort, descendants, QUIET_SETTINGS };
