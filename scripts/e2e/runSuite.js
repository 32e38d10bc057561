#!/usr/bin/env node
// Runs an extension's integration-test suite inside a real VS Code (code-server
// 1.139) driven by Chromium, the way @vscode/test-electron's runTests does in
// the desktop app: extensionDevelopmentPath + extensionTestsPath.
//
//   node scripts/e2e/runSuite.js --extension DIR --tests FILE [--workspace DIR] [--web]
//        [--env KEY=VALUE]... [--timeout MS] [--label NAME]
//   exit code = the suite's (0 pass, 1 failure), 2 for a harness error or timeout.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { startCodeServer } = require('./codeServer');
const { ensureInstalled } = require('./install');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const active = new Set(); // cleanups of runs in progress (for Ctrl+C)

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch {
    return require(require.resolve('playwright-core', { paths: [process.cwd(), path.resolve(__dirname, '..', '..')] }));
  }
}

async function launchChromium() {
  const { chromium } = loadPlaywright();
  return chromium.launch({ executablePath: ensureInstalled().chromium, args: CHROMIUM_ARGS, headless: true });
}

/** `"remote.extensionKind": { "<publisher>.<name>": ["web"] }` for the extension at extensionPath. */
function webExtensionKindSetting(extensionPath) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  if (!pkg.publisher || !pkg.name) throw new Error(`${extensionPath}/package.json lacks publisher or name`);
  if (!pkg.browser) throw new Error(`${extensionPath}/package.json has no "browser" entry: it cannot run in the web worker host`);
  return { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`.toLowerCase()]: ['web'] } };
}

function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The workbench URL that opens `workspaceFolder` and runs the given payload entries. */
function workbenchUrl(cs, { workspaceFolder, payload = [] } = {}) {
  const q = [];
  if (workspaceFolder) q.push(`folder=${encodeURIComponent(path.resolve(workspaceFolder))}`);
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${cs.url}/${q.length ? `?${q.join('&')}` : ''}`;
}

/** Payload entries loading the extension at extensionPath (and a test suite, and env for the extension host). */
function devPayload(port, { extensionPath, testsPath, env }) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, path.resolve(extensionPath))]];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(port, path.resolve(testsPath))]);
  if (env && Object.keys(env).length) payload.push(['extensionEnvironment', JSON.stringify(env)]);
  return payload;
}

// Harmless on a machine without internet: the workbench asking the extension gallery.
function isNoise(text) {
  return /getaddrinfo (ENOTFOUND|EAI_AGAIN)/.test(text) && /[Gg]allery|open-vsx|marketplace/.test(text);
}

function printer(label, stream = process.stdout) {
  return (text) => {
    for (const line of String(text).replace(/\n$/, '').split('\n')) stream.write(`[${label}] ${line}\n`);
  };
}

/**
 * @param {object} o
 * @param {string} o.extensionPath     extension folder (its package.json)
 * @param {string} o.testsPath         suite index (exports run(): Promise<void>); for the web host a browser bundle inside extensionPath
 * @param {string} [o.workspaceFolder] folder to open
 * @param {object} [o.userSettings]    extra User/settings.json entries
 * @param {object} [o.env]             env vars for the extension host (payload extensionEnvironment)
 * @param {boolean} [o.web]            run the extension in the web-worker extension host
 * @param {number} [o.timeoutMs]       default 300000
 * @param {string} [o.label]           log prefix, default 'e2e'
 * @param {boolean} [o.keepRunDir]     keep .vscode-test/runs/<run> even when the suite passes
 * @returns {Promise<number>} the suite's exit code (0 or 1)
 */
async function runSuite(o) {
  const label = o.label || 'e2e';
  const timeoutMs = o.timeoutMs || 5 * 60 * 1000;
  const out = printer(label);
  if (!o.extensionPath || !o.testsPath) throw new Error('runSuite: extensionPath and testsPath are required');
  const extensionPath = path.resolve(o.extensionPath);
  const testsPath = path.resolve(o.testsPath);
  if (!fs.existsSync(path.join(extensionPath, 'package.json'))) throw new Error(`runSuite: no package.json in ${extensionPath}`);
  if (!fs.existsSync(testsPath)) throw new Error(`runSuite: tests file not found: ${testsPath}`);
  if (o.web && !testsPath.startsWith(extensionPath + path.sep)) {
    throw new Error(`runSuite: for the web host the test bundle must sit inside the extension folder (${testsPath} is not in ${extensionPath})`);
  }
  const userSettings = { ...(o.userSettings || {}), ...(o.web ? webExtensionKindSetting(extensionPath) : {}) };

  const started = Date.now();
  let cs;
  let browser;
  let exitCode;
  let cleaned;
  const cleanup = async () => {
    if (cleaned) return cleaned;
    cleaned = (async () => {
      active.delete(cleanup);
      if (browser) await browser.close().catch(() => {});
      if (cs) await cs.stop().catch(() => {});
    })();
    return cleaned;
  };
  active.add(cleanup);
  try {
    cs = await startCodeServer({ userSettings });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await context.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(typeof code === 'number' ? code : Number(code) || 0);
    });
    await context.exposeFunction('codeAutomationLog', (level, args) => {
      if (exitCode !== undefined) return; // closing down: the rest is noise
      const text = Array.isArray(args) ? util.format(...args) : util.format(args);
      if (isNoise(text)) return;
      out(text); // one stream, so the order stays as it happened
    });
    const page = await context.newPage();
    let crashed;
    page.on('crash', () => { crashed = 'the page crashed'; resolveExit(-1); });
    browser.on('disconnected', () => { if (exitCode === undefined) { crashed = crashed || 'Chromium went away'; resolveExit(-1); } });
    const url = workbenchUrl(cs, { workspaceFolder: o.workspaceFolder, payload: devPayload(cs.port, { extensionPath, testsPath, env: o.env }) });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    let timer;
    const timedOut = new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      throw new Error(`${label}: no test result after ${Math.round(timeoutMs / 1000)} s (the workbench never called codeAutomationExit). `
        + `Extension host logs: ${path.join(cs.userDataDir, 'logs')}; server log: ${cs.logFile}`);
    }
    if (result === -1) throw new Error(`${label}: ${crashed}`);
    await new Promise((r) => setTimeout(r, 100)); // let the last log lines arrive
    exitCode = result;
    out(`exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return exitCode;
  } finally {
    await cleanup();
    if (cs) {
      if (exitCode === 0 && !o.keepRunDir && !process.env.E2E_KEEP_RUNS) fs.rmSync(cs.runDir, { recursive: true, force: true });
      else out(`run folder kept: ${cs.runDir}`);
    }
  }
}

/**
 * Runs a suite several times on one workspace as a person reopens a window:
 * each session is a fresh code-server on the same run folder (user data,
 * workspace storage) and port, and a new page in the same browser context
 * (so whatever the workbench keeps in the browser for that origin, IndexedDB, stays too).
 * Between sessions code-server is stopped, so no extension host of the
 * previous window lives on; `before(session)` runs then (e.g. edits files).
 * @param {object} o   as runSuite, plus
 * @param {{ env?: object, before?: (info: { runDir: string }) => (void|Promise<void>) }[]} o.sessions
 * @returns {Promise<number>} 0 when every session passed, else the first failing session's exit code
 */
async function runSessions(o) {
  const label = o.label || 'e2e';
  const out = printer(label);
  const timeoutMs = o.timeoutMs || 5 * 60 * 1000;
  const extensionPath = path.resolve(o.extensionPath);
  const testsPath = path.resolve(o.testsPath);
  const userSettings = { ...(o.userSettings || {}), ...(o.web ? webExtensionKindSetting(extensionPath) : {}) };
  const browser = await launchChromium();
  let cs;
  let runDir;
  let port;
  let failed = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    let resolveExit = () => {};
    let closing = false;
    await context.exposeFunction('codeAutomationExit', (code) => resolveExit(typeof code === 'number' ? code : Number(code) || 0));
    await context.exposeFunction('codeAutomationLog', (level, args) => {
      if (closing) return;
      const text = Array.isArray(args) ? util.format(...args) : util.format(args);
      if (!isNoise(text)) out(text);
    });
    for (let i = 0; i < o.sessions.length; i++) {
      const session = o.sessions[i];
      if (cs) {
        await cs.stop();
        cs = undefined;
      }
      if (session.before && runDir) await session.before({ runDir });
      cs = await startCodeServer({ userSettings, ...(runDir ? { runDir, reuseRunDir: true, port } : {}) });
      runDir = cs.runDir;
      port = cs.port;
      closing = false;
      const exited = new Promise((resolve) => { resolveExit = resolve; });
      const page = await context.newPage();
      page.on('crash', () => resolveExit(-1));
      out(`session ${i + 1}/${o.sessions.length}`);
      const url = workbenchUrl(cs, { workspaceFolder: o.workspaceFolder, payload: devPayload(cs.port, { extensionPath, testsPath, env: session.env }) });
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
      let timer;
      const result = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); })]);
      clearTimeout(timer);
      await new Promise((r) => setTimeout(r, 100));
      closing = true;
      await page.close().catch(() => {});
      if (result === 'timeout') throw new Error(`${label}, session ${i + 1}: no test result after ${Math.round(timeoutMs / 1000)} s; server log: ${cs.logFile}`);
      if (result === -1) throw new Error(`${label}, session ${i + 1}: the page crashed`);
      out(`session ${i + 1}: exit code ${result}`);
      if (result !== 0) {
        failed = result;
        break;
      }
    }
    return failed;
  } finally {
    if (cs) await cs.stop().catch(() => {});
    await browser.close().catch(() => {});
    if (runDir) {
      if (failed === 0 && !o.keepRunDir && !process.env.E2E_KEEP_RUNS) fs.rmSync(runDir, { recursive: true, force: true });
      else out(`run folder kept: ${runDir}`);
    }
  }
}

function parseArgs(argv) {
  const o = { env: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--extension': o.extensionPath = val(); break;
      case '--tests': o.testsPath = val(); break;
      case '--workspace': o.workspaceFolder = val(); break;
      case '--web': o.web = true; break;
      case '--timeout': o.timeoutMs = Number(val()); break;
      case '--label': o.label = val(); break;
      case '--keep': o.keepRunDir = true; break;
      case '--env': {
        const kv = val();
        const eq = kv.indexOf('=');
        if (eq < 1) throw new Error(`--env wants KEY=VALUE, got ${kv}`);
        o.env[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!o.extensionPath || !o.testsPath) {
    throw new Error('usage: runSuite.js --extension DIR --tests FILE [--workspace DIR] [--web] [--env K=V]... [--timeout MS] [--label NAME] [--keep]');
  }
  return o;
}

async function cleanupAll() {
  await Promise.all([...active].map((c) => c()));
}

module.exports = { runSuite, runSessions, isNoise, launchChromium, workbenchUrl, devPayload, remoteUri, webExtensionKindSetting, cleanupAll, CHROMIUM_ARGS };

if (require.main === module) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => { cleanupAll().finally(() => process.exit(130)); });
  }
  runSuite(opts).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[${opts.label || 'e2e'}] ERROR: ${e.message}`);
      process.exit(2);
    },
  );
}
