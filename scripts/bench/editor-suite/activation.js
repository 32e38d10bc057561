'use strict';
// Bench "suite" run as extensionTestsPath inside VS Code's extension host (Node or
// web worker): times the extension's own activation with nothing Markdown open.
// Plain CommonJS with no imports but `vscode`, so the very same file loads in both
// hosts (the web worker's loader wraps it as CommonJS; no bundling needed).
//
// It waits for a "go" file next to the workspace folder, which scripts/bench/editor.js
// creates once the window has finished starting (extension host and workbench idle),
// so the figure is the extension's, not the startup's. GO_FILE_NAME is replaced when
// the file is copied into the staged extension. It prints one line,
// `AGILE_BENCH_ACTIVATION {json}`, which editor.js reads from the workbench console.

const EXTENSION_ID = 'agile-artifacts.agile-artifacts';
const GO_FILE_NAME = '__GO_FILE_NAME__';
const GO_TIMEOUT_MS = 60000;

exports.run = async function run() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const host = typeof process === 'object' && process && process.versions && process.versions.node ? 'node' : 'web';
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder open');
  // Through workspace.fs, so the web worker sees it too (vscode-remote scheme).
  const go = vscode.Uri.joinPath(folder.uri, '..', GO_FILE_NAME);
  const waitStart = Date.now();
  for (;;) {
    try {
      await vscode.workspace.fs.stat(go);
      break;
    } catch {
      if (Date.now() - waitStart > GO_TIMEOUT_MS) throw new Error(`no ${go.toString()} after ${GO_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250)); // rarely: polling must not keep the window busy
    }
  }
  const activeBefore = extension.isActive;
  const markdownOpen = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').length;
  const start = performance.now();
  await extension.activate();
  const ms = performance.now() - start;
  // The backlog index is published after activation, in the background (from the last window's cache, or built
  // from every file); then the Backlog view's tree is computed once. With a cache, "ready" is when the cached graph
  // is published, and the refresh (list and stat every file, re-read the changed ones) ends later: both are timed.
  const api = extension.exports;
  let indexMs;
  let renderMs;
  let firstRenderMs;
  let refreshedMs;
  let savedMs;
  let status;
  if (api && api.backlogReady) {
    // Each time is taken when its promise resolves, not when this suite gets round to awaiting it.
    const refreshed = api.backlogRefreshed && api.backlogRefreshed().then(() => { refreshedMs = performance.now() - start; });
    await api.backlogReady();
    indexMs = performance.now() - start;
    // First what the view asks for before it shows (the open nodes and their children), then the whole tree.
    const firstStart = performance.now();
    api.backlogTree({ opened: true });
    firstRenderMs = performance.now() - firstStart;
    const renderStart = performance.now();
    api.backlogTree();
    renderMs = performance.now() - renderStart;
    if (refreshed) await refreshed;
    // The next window of this bench reopens this one's workspace storage: the cache must be on disk first.
    if (api.backlogCacheSaved) {
      await api.backlogCacheSaved();
      savedMs = performance.now() - start;
    }
    if (api.backlogStatus) status = api.backlogStatus();
  }
  // The floor of a build through vscode.workspace.fs (the web host's only way to read): every Markdown file read,
  // 64 in flight as the index reads them, nothing else. Asked for by the go file, once the index is done.
  let readFloor;
  if (new TextDecoder().decode(await vscode.workspace.fs.readFile(go)).includes('read-floor')) {
    const floorStart = performance.now();
    const uris = await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,**/.*/**}');
    const searchedMs = performance.now() - floorStart;
    let next = 0;
    let bytes = 0;
    const reader = async () => {
      while (next < uris.length) bytes += (await vscode.workspace.fs.readFile(uris[next++])).length;
    };
    await Promise.all(Array.from({ length: 64 }, reader));
    readFloor = { files: uris.length, kb: Math.round(bytes / 1024), searchMs: searchedMs, ms: performance.now() - floorStart };
  }
  console.log(`AGILE_BENCH_ACTIVATION ${JSON.stringify({ ms, indexMs, renderMs, firstRenderMs, refreshedMs, savedMs, status, readFloor, host, activeBefore, markdownOpen })}`);
};
