'use strict';
// The extension as a person meets it, in a real VS Code (code-server 1.139 with
// Debian's Chromium, see scripts/e2e/ and /work/shared/E2E.md):
//   - activation time of the extension itself, in the Node and the web-worker host
//   - click in the Explorer → text shown → first squiggle, for 1,000- and
//     10,000-line features, and the first open in a fresh window
//   - sizes of the production browser bundle and of the .vsix
// Everything runs on a staged copy of the working tree built with
// `node esbuild.js --production` (what ships), so a concurrent `npm run build`
// or watch in the working tree cannot swap the bundle under a measurement.
//
//   node scripts/bench/editor.js [--no-editor] [--runs N] [--windows N] [--activations N] [--warm N] [--hosts node,web] [--keep]
//   (--activations: cold ones, a fresh window each; --warm: the last of them reopened N times, with its index cache)
//   node scripts/bench/editor.js --profile [--hosts node,web] [--runs N] [--windows N]   where the time goes (not in npm run bench)
//   run.js calls benchEditor() and adds the rows to its table. AGILE_BENCH_DEBUG=1 logs each click's timing.
//
// Each timed action starts only when the window is at rest: the extension host has
// logged "Eager extensions activated" and the processes this script started (code-server,
// its extension hosts, Chromium) have used < 10 % of one CPU for half a second. Without
// that, a click lands while VS Code is still starting git, JSON and TypeScript
// support, and the figures swing by a factor of two on a 2-CPU machine.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { spawnSync } = require('node:child_process');
const { longFeatureText } = require('./corpus');
const { fmt, percentile, printTable } = require('./measure');
const { descendants } = require('../e2e/codeServer');
const { packageVsix } = require('../package-vsix');
const { writeBacklog } = require('./backlogCorpus');

const BACKLOG_ITEMS = 20000;
const ACTIVATION_SUITE_TIMEOUT_MS = 10 * 60_000;

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_DIR = path.join(__dirname, 'editor-suite');
const ACTIVATION_SUITE = path.join(SUITE_DIR, 'activation.js');
const PROBE_EXTENSION = path.join(SUITE_DIR, 'probe');

// Targets from the performance issue. markdownlint's extension, measured the same
// way: 510 ms at 1,000 lines, 2,170 ms at 10,000 lines, ~2,400 ms first open.
const TARGET = {
  squiggle1k: 255, // ≤ half of 510 ms
  squiggle10k: 434, // ≤ a fifth of 2,170 ms
  firstOpen: 1000,
  webBundleKB: 250,
  vsixKB: 300,
};

// Not copied to the stage: bulky, rebuilt there, or other runs' leftovers.
const STAGE_SKIP = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist', 'bench-results']);

const T0 = Date.now();
function log(message) {
  process.stderr.write(`bench: [${((Date.now() - T0) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- staging and sizes

/**
 * Copies the working tree (sources, manifest, assets) to `dir`, links node_modules,
 * and runs the real production build and `npm run package`'s packing (scripts/package-vsix.js) there.
 */
function stageExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(ROOT)) {
    if (STAGE_SKIP.has(name) || name.endsWith('.vsix')) continue;
    fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: dir, encoding: 'utf8', timeout: 120000 });
  if (build.status !== 0) {
    throw new Error(`\`node esbuild.js --production\` failed on a copy of the working tree (someone may be mid-edit; retry in a minute):\n${(build.stderr || build.stdout || String(build.error)).trim().slice(0, 2000)}`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const stage = { dir, pkg, id: `${pkg.publisher}.${pkg.name}`.toLowerCase(), nodeBundle: path.join(dir, pkg.main), webBundle: path.join(dir, pkg.browser) };
  const vsix = path.join(dir, 'bench.vsix');
  // As `npm run package` packs it: a staging folder with the extension's files alone.
  try {
    stage.vsix = packageVsix({ root: dir, out: vsix });
  } catch (error) {
    stage.vsixError = String(error.message).trim().split('\n').slice(-3).join(' ');
  }
  return stage;
}

/** Bundle and package sizes: no VS Code needed. */
function sizeRows(stage) {
  const rows = [{ section: 'package size (production build of the working tree)' }];
  const web = fs.statSync(stage.webBundle).size;
  rows.push({ name: `${stage.pkg.browser.replace(/^\.\//, '')} (browser bundle)`, value: fmt.kb(web), target: `≤ ${TARGET.webBundleKB} KB`, met: web <= TARGET.webBundleKB * 1024 });
  // The Node host loads the extension and the engine it shares with the index worker (esbuild.js, engineModulePlugin).
  const nodeFiles = [stage.nodeBundle, ...['engine.js', 'indexWorker.js'].map((name) => path.join(path.dirname(stage.nodeBundle), name))].filter((file) => fs.existsSync(file));
  const nodeSizes = nodeFiles.map((file) => `${path.basename(file)} ${fmt.kb(fs.statSync(file).size)}`).join(' + ');
  rows.push({ name: `${stage.pkg.main.replace(/^\.\//, '')} and beside it (Node host)`, value: nodeSizes });
  if (stage.vsix) {
    const size = fs.statSync(stage.vsix).size;
    rows.push({ name: '.vsix (vsce package of that build)', value: fmt.kb(size), target: `≤ ${TARGET.vsixKB} KB`, met: size <= TARGET.vsixKB * 1024 });
  } else {
    rows.push({ name: '.vsix (vsce package of that build)', value: `not made: ${stage.vsixError}` });
  }
  const existing = path.join(ROOT, 'agile-artifacts.vsix');
  if (fs.existsSync(existing)) {
    const size = fs.statSync(existing).size;
    rows.push({ name: 'agile-artifacts.vsix in the repository (as built)', value: fmt.kb(size), target: `≤ ${TARGET.vsixKB} KB`, met: size <= TARGET.vsixKB * 1024 });
  }
  return rows;
}

// ---------------------------------------------------------------- inputs

/** A 1,000/10,000-line feature with `accepted-by: PO` on line 6 and a title no other file has. */
function benchFeature(lines, tag, seed) {
  const title = `Bench feature ${tag}`;
  const text = longFeatureText(lines, seed)
    .replace('accepted-by: Product Management', 'accepted-by: PO')
    .replace(/Unified settlement platform/g, title);
  if (!text.includes('accepted-by: PO')) throw new Error('corpus.longFeatureText changed: no accepted-by line to make wrong');
  return { name: `${tag}.feature.md`, text, known: `# ${title}` };
}

/** A folder per host: one file per fresh window, then one per repeated run, all different. */
function writeWorkspace(dir, { windows, runs }) {
  fs.mkdirSync(dir, { recursive: true });
  // No .agile-artifacts.yaml: `workspaceContains` must not activate the extension at startup.
  fs.writeFileSync(path.join(dir, 'README.md'), '# Bench workspace\n');
  const files = { fresh: [], small: [], large: [], warmup: benchFeature(1000, 'warmup', 99) };
  let seed = 100;
  for (let i = 1; i <= windows; i++) files.fresh.push(benchFeature(1000, `fresh-${i}`, seed++));
  for (let i = 1; i <= runs; i++) files.small.push(benchFeature(1000, `lines1k-${i}`, seed++));
  for (let i = 1; i <= runs; i++) files.large.push(benchFeature(10000, `lines10k-${i}`, seed++));
  for (const f of [...files.fresh, ...files.small, ...files.large, files.warmup]) fs.writeFileSync(path.join(dir, f.name), f.text);
  return files;
}

// ---------------------------------------------------------------- waiting for rest

/** CPU time (clock ticks) used so far by each process this script started: Map pid → { ticks, name }. */
function childTicks() {
  const out = new Map();
  for (const pid of descendants(process.pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, { ticks: Number(fields[11]) + Number(fields[12]), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) }); // utime + stime
    } catch { /* gone */ }
  }
  return out;
}

function sumTicks(map) {
  let sum = 0;
  for (const { ticks } of map.values()) sum += ticks;
  return sum;
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux
const idleStats = { waits: 0, timeouts: 0, waitedMs: 0 };

/**
 * Waits until code-server, its extension hosts and Chromium together stay under
 * `maxShare` of one CPU for `quietMs`; gives up after `timeoutMs` (counted, reported).
 */
async function waitIdle({ quietMs = 500, stepMs = 250, maxShare = 0.1, timeoutMs = 8000 } = {}) {
  if (process.platform !== 'linux') return sleep(quietMs);
  idleStats.waits++;
  const began = Date.now();
  let quiet = 0;
  let last = childTicks();
  const first = last;
  try {
    while (quiet < quietMs) {
      if (Date.now() - began > timeoutMs) {
        idleStats.timeouts++;
        const busy = [...last].map(([pid, { ticks, name }]) => ({ pid, name, ms: (ticks - (first.get(pid)?.ticks ?? 0)) * CLOCK_TICK_MS }))
          .filter((p) => p.ms > 0).sort((a, b) => b.ms - a.ms).slice(0, 4);
        log(`still busy after ${timeoutMs / 1000} s, going on: ${busy.map((p) => `${p.name}[${p.pid}] ${p.ms} ms`).join(', ')}`);
        return;
      }
      await sleep(stepMs);
      const ticks = childTicks();
      quiet = (sumTicks(ticks) - sumTicks(last)) * CLOCK_TICK_MS <= stepMs * maxShare ? quiet + stepMs : 0;
      last = ticks;
    }
  } finally {
    idleStats.waitedMs += Date.now() - began;
  }
}

/** Waits until the remote extension host has started its eager extensions (its own log says so). */
async function waitExtensionHostStarted(cs, timeoutMs = 60000, oldSessions = new Set()) {
  const logs = path.join(cs.userDataDir, 'logs');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const session of fs.existsSync(logs) ? fs.readdirSync(logs) : []) {
      if (oldSessions.has(session)) continue; // a reopened window's run folder keeps the earlier windows' logs
      const file = path.join(logs, session, 'exthost1', 'remoteexthost.log');
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('Eager extensions activated')) return;
    }
    if (Date.now() > deadline) throw new Error(`the extension host did not finish starting within ${timeoutMs / 1000} s (${logs})`);
    await sleep(100);
  }
}

/** The workbench is loaded: explorer shown, LifecyclePhase.Eventually reached, extension host started, all at rest. */
async function waitWorkbenchLoaded(win) {
  const { page } = win;
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName('code/didCreateWorkbenchContributions/4').length > 0, null, { timeout: 60000, polling: 100 });
  await waitExtensionHostStarted(win.cs, 60000, win.oldLogSessions);
  await waitIdle();
}

// ---------------------------------------------------------------- windows

/** Loads scripts/e2e lazily: its install check and playwright-core are only needed here. */
function e2e() {
  return {
    install: require('../e2e/install'),
    codeServer: require('../e2e/codeServer'),
    runSuite: require('../e2e/runSuite'),
    ui: require('../e2e/ui'),
  };
}

let pendingStops = [];

/** A browser context whose workbench console and exit reach the window that uses it now. */
async function openContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const state = { logs: [], onExit: () => {} };
  await context.exposeFunction('codeAutomationLog', (level, args) => {
    state.logs.push(Array.isArray(args) ? util.format(...args) : util.format(args));
  });
  await context.exposeFunction('codeAutomationExit', (code) => state.onExit(typeof code === 'number' ? code : Number(code) || 0));
  return { context, state };
}

/**
 * A fresh code-server (fresh run folder: user data, extensions, state) and a fresh
 * browser context. `extensions` are symlinked in as installed extensions.
 * With `reopen` (a window closed with close({ reopen: true })): the same window
 * opened again, as a person does the next day: a new code-server on the same run
 * folder (user data, workspace storage) and port, a new page in the same browser
 * context (so whatever the workbench keeps in the browser for that origin, IndexedDB, stays too).
 */
async function freshWindow(browser, { extensions = [], webIds = [], keep, reopen }) {
  const { codeServer } = e2e();
  if (reopen) await reopen.stopped;
  const oldLogSessions = new Set(reopen && fs.existsSync(path.join(reopen.cs.userDataDir, 'logs')) ? fs.readdirSync(path.join(reopen.cs.userDataDir, 'logs')) : []);
  const cs = await codeServer.startCodeServer({
    userSettings: webIds.length ? { 'remote.extensionKind': Object.fromEntries(webIds.map((id) => [id, ['web']])) } : {},
    linkExtensions: extensions,
    ...(reopen ? { runDir: reopen.cs.runDir, reuseRunDir: true, port: reopen.cs.port } : {}),
  });
  // The previous window may still be shutting down; it must not share the CPU with this one.
  await Promise.all(pendingStops);
  pendingStops = [];
  const shared = reopen ? reopen.shared : await openContext(browser);
  const logs = [];
  shared.state.logs = logs;
  const exited = new Promise((resolve) => { shared.state.onExit = resolve; });
  const page = await shared.context.newPage();
  const win = { cs, context: shared.context, shared, page, logs, exited, oldLogSessions };
  /** Closes the window; with `reopen`, keeps the browser context and the run folder for freshWindow({ reopen: win }). */
  win.close = ({ reopen: again = false } = {}) => {
    const stopping = (async () => {
      if (again) await page.close().catch(() => {});
      else await shared.context.close().catch(() => {});
      await cs.stop().catch(() => {});
      if (!keep && !again) fs.rmSync(cs.runDir, { recursive: true, force: true });
    })();
    win.stopped = stopping;
    pendingStops.push(stopping);
    return stopping;
  };
  return win;
}

/**
 * One activation in a fresh window (or, with `reopen`, in that window opened again): the bench suite calls
 * activate() with no Markdown open, once the window is at rest. With `hold`, the window is closed for a
 * reopen (run folder and browser context kept) and returned as `win`.
 */
async function activationOnce(browser, { stage, host, workspace, keep, index, reopen, hold }) {
  const { runSuite } = e2e();
  const goName = `activation-go-${host}-${index}`;
  const goFile = path.join(path.dirname(workspace), goName);
  fs.rmSync(goFile, { force: true });
  // Inside the extension folder: the web host only runs a suite that lives there.
  const suite = path.join(stage.dir, 'bench-suite', `activation-${host}-${index}.js`);
  fs.mkdirSync(path.dirname(suite), { recursive: true });
  fs.writeFileSync(suite, fs.readFileSync(ACTIVATION_SUITE, 'utf8').replace('__GO_FILE_NAME__', goName));
  const win = await freshWindow(browser, { webIds: host === 'web' ? [stage.id] : [], keep, reopen });
  let held = false;
  try {
    const payload = runSuite.devPayload(win.cs.port, { extensionPath: stage.dir, testsPath: suite });
    await win.page.goto(runSuite.workbenchUrl(win.cs, { workspaceFolder: workspace, payload }), { waitUntil: 'domcontentloaded', timeout: 60000 });
    let loaded = false;
    const endedEarly = win.exited.then((code) => {
      if (!loaded) throw new Error(`the activation suite ended before the window was loaded (exit ${code}):\n${win.logs.slice(-10).join('\n')}`);
    });
    endedEarly.catch(() => {});
    await Promise.race([waitWorkbenchLoaded(win).then(() => { loaded = true; }), endedEarly]);
    // The first cold window also times the read floor (activation.js), after the index is done.
    fs.writeFileSync(goFile, index === 0 && !reopen ? 'go read-floor\n' : 'go\n');
    let timer;
    // The suite also waits for the backlog index of the generated workspace, which may take minutes.
    const code = await Promise.race([win.exited, new Promise((resolve) => { timer = setTimeout(resolve, ACTIVATION_SUITE_TIMEOUT_MS, 'timeout'); })]);
    clearTimeout(timer);
    await sleep(100); // the last console lines
    const line = win.logs.find((l) => l.includes('AGILE_BENCH_ACTIVATION '));
    if (code === 'timeout' || code !== 0 || !line) {
      const tail = win.logs.filter((l) => !runSuite.isNoise(l)).slice(-15).join('\n');
      throw new Error(`activation suite in the ${host} host: ${code === 'timeout' ? `no result after ${ACTIVATION_SUITE_TIMEOUT_MS / 1000} s` : `exit ${code}`}${line ? '' : ', no AGILE_BENCH_ACTIVATION line'}\n${tail}`);
    }
    const result = JSON.parse(line.slice(line.indexOf('{')));
    if (result.host !== host) throw new Error(`the activation suite ran in the ${result.host} host, not the ${host} host`);
    if (result.activeBefore) throw new Error(`the extension was already active before activate() in the ${host} host: the figure would be 0`);
    if (result.markdownOpen) throw new Error(`${result.markdownOpen} Markdown document(s) were open in the ${host} host before activate()`);
    if (reopen && result.status && result.status.source !== 'cache') throw new Error(`the reopened window in the ${host} host did not use the cache: ${JSON.stringify(result.status)}`);
    held = Boolean(hold);
    return { result, win: held ? win : undefined };
  } finally {
    win.close({ reopen: held });
    fs.rmSync(goFile, { force: true });
  }
}

function logActivation(host, kind, r) {
  const s = r.status || {};
  log(`${host} host, ${kind}: activate ${Math.round(r.ms)} ms, ready ${Math.round(r.indexMs)} ms (${s.source || '?'}${s.cacheMissed ? `; cache not used: ${s.cacheMissed}` : ''}), `
    + `up to date ${Math.round(r.refreshedMs)} ms${s.reread !== undefined ? ` (${s.reread} re-read, ${s.dropped} dropped)` : ''}, cache saved ${Math.round(r.savedMs)} ms`
    + `${s.savedBytes ? ` (${Math.round(s.savedBytes / 1024)} KB)` : ''}; ${s.files} files, ${s.items} items`
    + `${s.phases ? `; ready from its start: key ${s.phases.keyMs}, file read ${s.phases.readMs} (${s.phases.kb} KB), decode ${s.phases.decodeMs}, graph ${s.phases.graphMs} ms (of ${s.readyMs})` : ''}`
    + `${s.buildPhases ? `; built from its start: file search ${s.buildPhases.searchMs}, reads and indexing ${s.buildPhases.readAndIndexMs} (engine and graph ${s.buildPhases.engineMs}), graph diagnostics ${s.buildPhases.diagnosticsMs} ms${(s.buildPhases.workers ?? []).map((run) => `; worker threads from ${run.fromMs} ms for ${run.ms} ms (${run.threads.map((t) => `start ${t.startupMs}, walk ${t.walkMs}, reads ${t.readMs}, engine ${t.indexMs}, paused ${t.pausedMs} ms`).join('; ')})`).join('')}` : ''}`
    + `${s.refreshPhases ? `; then graph diagnostics ${s.refreshPhases.diagnosticsMs}, file search ${s.refreshPhases.searchMs}, stats ${s.refreshPhases.statMs} ms` : ''}`);
}

/**
 * Clicks `file` in the Explorer and returns, in ms from the mousedown, when the
 * editor showed the file's known line and when the first warning/error squiggle
 * appeared in it. Both are taken in the page by a MutationObserver (DOM time; the
 * paint follows within a frame), so Playwright's round trips do not count.
 * Also returns the epoch ms of the mousedown (to line up with extension host times).
 */
async function clickToSquiggle(page, file, { timeout = 30000 } = {}) {
  const { ui } = e2e();
  const row = ui.explorerRow(page, file.name);
  await row.scrollIntoViewIfNeeded();
  await page.evaluate((known) => {
    const state = { t0: 0, text: 0, squiggle: 0 };
    window.__agileBench = state;
    const norm = (s) => s.replace(/[\u00a0\u2002\u2003\u2009\u202f]/g, ' ');
    const check = () => {
      if (!state.t0) return;
      const now = performance.now();
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return;
      if (!state.text) {
        for (const line of editor.querySelectorAll('.view-lines .view-line')) {
          if (norm(line.textContent).includes(known)) { state.text = now; break; }
        }
      }
      if (!state.squiggle && editor.querySelector('.squiggly-warning, .squiggly-error')) state.squiggle = now;
      if (state.text && state.squiggle) observer.disconnect();
    };
    // Main-thread tasks over 50 ms, to see whether the workbench itself is what keeps a squiggle waiting.
    state.longTasks = [];
    try {
      const longTasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (state.t0 && entry.startTime + entry.duration >= state.t0) state.longTasks.push([entry.startTime - state.t0, entry.duration]);
        if (state.squiggle) longTasks.disconnect();
      });
      longTasks.observe({ type: 'longtask' });
    } catch { /* not supported */ }
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    document.addEventListener('mousedown', () => { if (!state.t0) state.t0 = performance.now(); }, { capture: true, once: true });
  }, file.known);
  await row.click();
  try {
    await page.waitForFunction(() => window.__agileBench.text && window.__agileBench.squiggle, null, { timeout, polling: 50 });
  } catch {
    const s = await page.evaluate(() => window.__agileBench);
    throw new Error(`${file.name}: ${s.text ? 'text shown but no' : 'neither text nor a'} warning squiggle within ${timeout / 1000} s`);
  }
  const s = await page.evaluate(() => ({ ...window.__agileBench, origin: performance.timeOrigin }));
  return {
    text: s.text - s.t0, squiggle: s.squiggle - s.t0, longTasks: s.longTasks,
    mousedownEpoch: s.origin + s.t0, textEpoch: s.origin + s.text, squiggleEpoch: s.origin + s.squiggle,
  };
}

/** Closes every editor (Ctrl+K Ctrl+W) and waits until none is left and the window is at rest. */
async function closeAllEditors(page) {
  await page.mouse.move(700, 450);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await page.waitForFunction(() => !document.querySelector('.editor-group-container .monaco-editor'), null, { timeout: 10000, polling: 50 });
  await page.mouse.move(1, 1);
  await waitIdle();
}

/**
 * The first open in each of `files.fresh.length` fresh windows; the last window then
 * opens an untimed warm-up file and the 1,000- and 10,000-line files in turn,
 * closing all editors in between.
 */
async function editorRuns(browser, { stage, host, workspace, files, keep, extensions = [stage.dir], webIds = [stage.id], onWindow }) {
  const out = { fresh: [], small: [], large: [] };
  for (let w = 0; w < files.fresh.length; w++) {
    const win = await freshWindow(browser, {
      extensions,
      webIds: host === 'web' ? webIds : [],
      keep,
    });
    try {
      await win.page.goto(e2e().runSuite.workbenchUrl(win.cs, { workspaceFolder: workspace }), { waitUntil: 'domcontentloaded', timeout: 60000 });
      await waitWorkbenchLoaded(win);
      log(`${host} host, fresh window ${w + 1}/${files.fresh.length}: first click…`);
      out.fresh.push(await clickToSquiggle(win.page, files.fresh[w]));
      if (w === files.fresh.length - 1 && files.small.length) {
        log(`${host} host: ${files.small.length} × 1,000 and 10,000 lines, editors closed in between…`);
        // Untimed: the first open leaves the built-in Markdown extension busy for seconds
        // (it loads its preview plugins), which the rest check does not always catch.
        await closeAllEditors(win.page);
        await clickToSquiggle(win.page, files.warmup);
        for (let i = 0; i < files.small.length; i++) {
          for (const [kind, file] of [['small', files.small[i]], ['large', files.large[i]]]) {
            const began = Date.now();
            await closeAllEditors(win.page);
            const rested = Date.now();
            out[kind].push(await clickToSquiggle(win.page, file));
            if (process.env.AGILE_BENCH_DEBUG) log(`${file.name}: close + rest ${rested - began} ms, click to squiggle ${Date.now() - rested} ms`);
          }
        }
      }
      if (onWindow) await onWindow(win);
    } finally {
      win.close();
    }
  }
  await Promise.all(pendingStops);
  return out;
}

// ---------------------------------------------------------------- results

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

function timeValue(s) {
  return s.n > 1 ? `${fmt.ms(s.median)} (${fmt.ms(s.min)}–${fmt.ms(s.max)})` : fmt.ms(s.median);
}

function hostName(host) {
  return host === 'web' ? 'web-worker host' : 'Node host';
}

/**
 * Sizes, then (unless `editor` is false, i.e. --no-editor) activation and
 * click-to-squiggle in both hosts. Returns table rows. If code-server or Chromium
 * cannot be installed, says so in a row instead of failing.
 */
async function benchEditor({ tmp, editor = true, runs = 5, windows = 3, activations = 3, warm = activations, hosts = ['node', 'web'], keep = false } = {}) {
  const began = Date.now();
  log('staging the working tree and building it with --production…');
  const stage = stageExtension(path.join(tmp, 'stage'));
  const rows = sizeRows(stage);
  const editorSection = 'in the editor: VS Code 1.139 (code-server) + Chromium, production build';
  if (!editor) {
    rows.push({ section: editorSection }, { name: 'skipped (--no-editor)', value: '' });
    return rows;
  }
  let installed;
  try {
    installed = e2e().install.ensureInstalled();
    require.resolve('playwright-core', { paths: [ROOT] });
  } catch (error) {
    rows.push({ section: editorSection });
    rows.push({ name: 'skipped: code-server/Chromium not available', value: String(error.message).split('\n')[0].slice(0, 100) });
    return rows;
  }
  const load = os.loadavg()[0];
  const browser = await e2e().runSuite.launchChromium();
  try {
    const activation = {};
    const warmActivation = {};
    const editorTimes = {};
    for (const host of hosts) {
      const workspace = path.join(tmp, `workspace-${host}`);
      const files = writeWorkspace(workspace, { windows, runs });
      // A linked backlog beside the features the clicks open: the index builds while they are linted.
      writeBacklog(path.join(workspace, 'backlog'), { items: BACKLOG_ITEMS, seed: 7 });
      activation[host] = [];
      warmActivation[host] = [];
      let held;
      // Cold: a fresh window each (no workspace storage, so no cache); each writes the cache before it closes.
      for (let i = 0; i < activations; i++) {
        log(`${host} host: activation ${i + 1}/${activations} in a fresh window (cold: no cache)…`);
        const { result, win } = await activationOnce(browser, { stage, host, workspace, keep, index: i, hold: i === activations - 1 && warm > 0 });
        activation[host].push(result);
        logActivation(host, 'cold', result);
        held = win;
      }
      // Warm: the last cold window reopened, again and again: its cache, then the refresh of an unchanged workspace.
      for (let i = 0; i < warm && held; i++) {
        log(`${host} host: activation ${i + 1}/${warm} in the last window reopened (warm: its cache)…`);
        const { result, win } = await activationOnce(browser, { stage, host, workspace, keep, index: activations + i, reopen: held, hold: i < warm - 1 });
        warmActivation[host].push(result);
        logActivation(host, 'warm', result);
        if (!win) await held.stopped;
        held = win;
      }
      editorTimes[host] = await editorRuns(browser, { stage, host, workspace, files, keep });
    }

    const warmRuns = warmActivation[hosts[0]]?.length ?? 0;
    /** The view's first render (what VS Code asks before it shows it: the nodes that open, and their children) against the target; the whole tree, every level open, beside it. */
    const renderRows = (host, label, runs) => {
      if (runs.every((r) => typeof r.firstRenderMs === 'number')) {
        const first = summary(runs.map((r) => r.firstRenderMs));
        rows.push({ name: `${hostName(host)}, ${label}: Backlog view's first render (open nodes and their children)`, value: timeValue(first), target: '≤ 300 ms', met: first.median <= 300 });
      }
      rows.push({ name: `${hostName(host)}, ${label}: Backlog view's whole tree, every level open`, value: timeValue(summary(runs.map((r) => r.renderMs))) });
    };
    rows.push({ section: `activation: extension.activate(), no Markdown open; cold: a fresh window each, median of ${activations}; warm: the last one reopened, median of ${warmRuns} (min–max)` });
    for (const host of hosts) {
      rows.push({ name: `${hostName(host)}, cold`, value: timeValue(summary(activation[host].map((r) => r.ms))) });
      if (warmActivation[host].length) rows.push({ name: `${hostName(host)}, warm`, value: timeValue(summary(warmActivation[host].map((r) => r.ms))) });
    }
    rows.push({ section: `backlog index of the workspace (${BACKLOG_ITEMS.toLocaleString('en')} generated items beside the features), off the click path; ms after activate()` });
    for (const host of hosts) {
      const cold = activation[host];
      const ready = summary(cold.map((r) => r.indexMs));
      rows.push({ name: `${hostName(host)}, cold (no cache: every file read): index ready`, value: timeValue(ready), target: '≤ 2,000 ms', met: ready.median <= 2000 });
      if (cold.every((r) => typeof r.savedMs === 'number')) rows.push({ name: `${hostName(host)}, cold: cache written (stat of every file, then the file)`, value: timeValue(summary(cold.map((r) => r.savedMs))) });
      const floor = cold.find((r) => r.readFloor)?.readFloor;
      if (floor) rows.push({ name: `${hostName(host)}: every file read through workspace.fs alone, 64 in flight (floor of a build without Node's fs; ${fmt.int(floor.files)} files)`, value: `${fmt.ms(floor.ms)} (search ${fmt.ms(floor.searchMs)})` });
      renderRows(host, 'cold', cold);
      const hot = warmActivation[host];
      if (!hot.length) continue;
      const warmReady = summary(hot.map((r) => r.indexMs));
      rows.push({ name: `${hostName(host)}, warm (last window's cache): index ready (graph published)`, value: timeValue(warmReady), target: '≤ 2,000 ms', met: warmReady.median <= 2000 });
      const reread = hot.map((r) => r.status?.reread ?? '?').join('/');
      rows.push({ name: `${hostName(host)}, warm: up to date with the files (list + stat all, ${reread} re-read)`, value: timeValue(summary(hot.map((r) => r.refreshedMs))) });
      renderRows(host, 'warm', hot);
    }

    for (const host of hosts) {
      const t = editorTimes[host];
      const pick = (list, key) => summary(list.map((r) => r[key]));
      const fresh = { text: pick(t.fresh, 'text'), squiggle: pick(t.fresh, 'squiggle') };
      const small = { text: pick(t.small, 'text'), squiggle: pick(t.small, 'squiggle') };
      const large = { text: pick(t.large, 'text'), squiggle: pick(t.large, 'squiggle') };
      rows.push({ section: `click in the Explorer → ${hostName(host)}: ms from mousedown, median (min–max)` });
      rows.push({ name: `1,000 lines: text shown (baseline), n=${small.text.n}`, value: timeValue(small.text) });
      rows.push({ name: '1,000 lines: first squiggle', value: timeValue(small.squiggle), target: `≤ ${TARGET.squiggle1k} ms`, met: small.squiggle.median <= TARGET.squiggle1k });
      rows.push({ name: `10,000 lines: text shown (baseline), n=${large.text.n}`, value: timeValue(large.text) });
      rows.push({ name: '10,000 lines: first squiggle', value: timeValue(large.squiggle), target: `≤ ${TARGET.squiggle10k} ms`, met: large.squiggle.median <= TARGET.squiggle10k });
      rows.push({ name: `fresh window, 1st click, 1,000 lines: text, n=${fresh.text.n}`, value: timeValue(fresh.text) });
      rows.push({ name: 'fresh window, 1st click: first squiggle', value: timeValue(fresh.squiggle), target: `< ${TARGET.firstOpen} ms`, met: fresh.squiggle.median < TARGET.firstOpen });
    }
    const idle = `; ${idleStats.waits} waits for rest took ${Math.round(idleStats.waitedMs / 1000)} s${idleStats.timeouts ? `, ${idleStats.timeouts} timed out` : ''}`;
    rows.push({ section: `editor part ${Math.round((Date.now() - began) / 1000)} s; code-server ${e2e().install.CODE_SERVER_VERSION}, ${path.basename(installed.chromium)} headless, ${os.cpus().length} CPUs, load ${load.toFixed(1)} at start${idle}` });
    return rows;
  } finally {
    await Promise.all(pendingStops);
    await browser.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- profile

const PROBE_ID = 'agile-bench.bench-probe';
const FLOOR_ID = 'agile-bench.bench-floor';
const FLOOR_EXTENSION = path.join(SUITE_DIR, 'floor');

/**
 * Where the time goes between click and squiggle (not part of npm run bench), per host:
 *  1. ours + the probe extension (editor-suite/probe): a timeline per open, from the
 *     probe's timestamps, the extension host's own marks and the page's long tasks;
 *  2. the floor extension (editor-suite/floor) instead of ours: what VS Code costs;
 *  3. ours with "onStartupFinished" added to activationEvents in a copy of the
 *     staged manifest: what activating before the first click would give.
 */
async function profile({ tmp, hosts = ['node', 'web'], keep = false, runs = 3, windows = 2 } = {}) {
  const stage = stageExtension(path.join(tmp, 'stage'));
  const probeDir = path.join(tmp, 'probe');
  const floorDir = path.join(tmp, 'floor');
  fs.cpSync(PROBE_EXTENSION, probeDir, { recursive: true });
  fs.cpSync(FLOOR_EXTENSION, floorDir, { recursive: true });
  // Same build, activated once startup has finished: only the manifest differs.
  const eagerDir = path.join(tmp, 'stage-eager');
  fs.cpSync(stage.dir, eagerDir, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  const eagerPkg = JSON.parse(fs.readFileSync(path.join(eagerDir, 'package.json'), 'utf8'));
  eagerPkg.activationEvents = [...(eagerPkg.activationEvents || []), 'onStartupFinished'];
  fs.writeFileSync(path.join(eagerDir, 'package.json'), JSON.stringify(eagerPkg, null, 2));

  const browser = await e2e().runSuite.launchChromium();
  const ms = (v) => (typeof v === 'number' && Number.isFinite(v) ? `${Math.round(v)}`.padStart(5) : '    –');
  const stats = (list, key) => { const t = summary(list.map((r) => r[key])); return `${Math.round(t.median)} (${Math.round(t.min)}–${Math.round(t.max)})`; };
  try {
    for (const host of hosts) {
      const base = path.join(tmp, `profile-${host}`);
      const workspace = path.join(base, 'workspace');
      const files = writeWorkspace(workspace, { windows: 1, runs });
      let activationLog = [];
      let probeLines = [];
      log(`profile, ${host} host: ours + probe…`);
      const times = await editorRuns(browser, {
        stage, host, workspace, files, keep, extensions: [stage.dir, probeDir], webIds: [stage.id, PROBE_ID],
        onWindow: async (win) => {
          const records = path.join(base, 'probe-records.json');
          for (let i = 0; i < 50 && !fs.existsSync(records); i++) await sleep(100);
          await sleep(1500); // the probe writes a second after its last record
          probeLines = fs.existsSync(records) ? JSON.parse(fs.readFileSync(records, 'utf8')) : [];
          const logs = path.join(win.cs.userDataDir, 'logs');
          for (const session of fs.readdirSync(logs)) {
            const file = path.join(logs, session, 'exthost1', 'remoteexthost.log');
            if (fs.existsSync(file)) activationLog = fs.readFileSync(file, 'utf8').split('\n').filter((l) => /_doActivateExtension .*onLanguage:markdown|Eager extensions activated/.test(l));
          }
        },
      });
      const opened = [...times.fresh.map((t, i) => ({ ...t, file: files.fresh[i].name })),
        ...times.small.flatMap((t, i) => [{ ...t, file: files.small[i].name }, { ...times.large[i], file: files.large[i].name }])];
      const ready = probeLines.find((p) => p.ready);
      const marks = (probeLines.find((p) => p.marks) || {}).marks || [];
      const busy = (o, from, to) => Math.round((o.longTasks || []).reduce((sum, [start, duration]) => sum + Math.max(0, Math.min(start + duration, to) - Math.max(start, from)), 0));
      process.stdout.write(`\n${hostName(host)}: ms after the mousedown (probe ${ready ? `ready, DiagnosticCollection.set ${ready.patchedSet ? 'wrapped' : 'NOT wrapped'}` : 'wrote nothing'})\n`);
      process.stdout.write('file                    text  in host  md active  ours active  set()  squiggle | open→set  set→squiggle  page long tasks: before set / set→squiggle\n');
      for (const o of opened) {
        const p = probeLines.find((r) => r.file === o.file) || {};
        const at = (epoch) => (epoch ? epoch - o.mousedownEpoch : undefined);
        const active = (key) => (p[`${key}ActiveAtOpen`] ? 'before' : ms(at(p[`${key}Active`])).trim());
        const setAt = at(p.set);
        process.stdout.write(`${o.file.padEnd(22)} ${ms(o.text)}  ${ms(at(p.open))}  ${active('markdown').padStart(9)}  ${active('ours').padStart(11)}  ${ms(setAt)}  ${ms(o.squiggle)}    | ${ms(p.set && p.open ? p.set - p.open : undefined)}     ${ms(p.set ? o.squiggleEpoch - p.set : undefined)}          ${setAt ? `${busy(o, 0, setAt)} / ${busy(o, setAt, o.squiggle)}` : '–'}\n`);
      }
      const first = opened[0];
      const ourMarks = marks.filter(([name]) => /agile-artifacts|markdown-language-features/.test(name))
        .filter(([, epoch]) => epoch >= first.mousedownEpoch - 60000);
      if (ourMarks.length) {
        process.stdout.write('extension host marks around the first open (ms after its mousedown):\n');
        for (const [name, epoch] of ourMarks) process.stdout.write(`  ${ms(epoch - first.mousedownEpoch)}  ${name.replace('code/extHost/', '')}\n`);
      } else {
        process.stdout.write(`extension host marks: ${marks.length ? 'none for the first open' : 'not available'}\n`);
      }
      if (activationLog.length) process.stdout.write(`remote extension host log (first window):\n  ${activationLog.map((l) => l.replace(/\[info\] ExtensionService#_doActivateExtension /, '')).join('\n  ')}\n`);

      log(`profile, ${host} host: the floor extension instead of ours…`);
      const floorFiles = writeWorkspace(path.join(base, 'floor-workspace'), { windows, runs });
      const floor = await editorRuns(browser, { stage, host, workspace: path.join(base, 'floor-workspace'), files: floorFiles, keep, extensions: [floorDir], webIds: [FLOOR_ID] });
      log(`profile, ${host} host: ours with onStartupFinished…`);
      const eagerFiles = writeWorkspace(path.join(base, 'eager-workspace'), { windows, runs: 0 });
      const eager = await editorRuns(browser, { stage, host, workspace: path.join(base, 'eager-workspace'), files: eagerFiles, keep, extensions: [eagerDir], webIds: [stage.id] });
      process.stdout.write(`${hostName(host)}, first squiggle, ms from mousedown, median (min–max):\n`);
      process.stdout.write(`  floor extension: 1k ${stats(floor.small, 'squiggle')}, 10k ${stats(floor.large, 'squiggle')}, fresh window ${stats(floor.fresh, 'squiggle')} (text ${stats(floor.fresh, 'text')})\n`);
      process.stdout.write(`  ours (+probe):   1k ${stats(times.small, 'squiggle')}, 10k ${stats(times.large, 'squiggle')}\n`);
      process.stdout.write(`  ours, activated onStartupFinished: fresh window ${stats(eager.fresh, 'squiggle')} (text ${stats(eager.fresh, 'text')})\n`);
    }
  } finally {
    await Promise.all(pendingStops);
    await browser.close().catch(() => {});
  }
}

module.exports = { benchEditor, profile, stageExtension, sizeRows, TARGET };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const value = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
  const keep = argv.includes('--keep');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agile-bench-editor-'));
  const cleanup = () => { if (!keep) fs.rmSync(tmp, { recursive: true, force: true }); };
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  const hosts = value('--hosts', 'node,web').split(',');
  const job = argv.includes('--profile')
    ? profile({ tmp, hosts, keep, runs: Number(value('--runs', 3)), windows: Number(value('--windows', 2)) }).then(() => [])
    : benchEditor({
      tmp, keep, hosts, editor: !argv.includes('--no-editor'),
      runs: Number(value('--runs', 5)), windows: Number(value('--windows', 3)), activations: Number(value('--activations', 3)),
      warm: Number(value('--warm', value('--activations', 3))),
    });
  job.then((rows) => {
    if (rows.length) {
      process.stdout.write('\n');
      printTable(rows);
    }
    if (keep) process.stdout.write(`inputs kept in ${tmp}\n`);
  }, (error) => {
    process.stderr.write(`bench: ${error.stack || error.message}\n`);
    process.exitCode = 1;
  });
}
