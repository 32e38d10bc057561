'use strict';
// Profiling probe for scripts/bench/editor.js --profile (never shipped, never in the
// measured windows). Loaded next to Agile Artifacts in the same extension host, it
// timestamps, in epoch ms: when a feature document reaches the extension host, when
// Agile Artifacts (and the built-in Markdown extension) are active, and when Agile
// Artifacts hands its diagnostics to VS Code. It sees the latter by wrapping
// DiagnosticCollection.prototype.set, shared by every extension in the host: an
// internal of VS Code 1.139, fine for a probe.
// The records go to probe-records.json next to the workspace folder, through
// workspace.fs (both hosts can write there; an installed extension's console is not
// forwarded to the page), a second after the last one, so the write never overlaps
// a measurement.

const SOURCE_COLLECTION = 'agile-artifacts';
const now = () => performance.timeOrigin + performance.now();

/**
 * The extension host's own performance marks about activations (fetch/load code,
 * activate) as [name, epoch ms]. The web worker host uses the native marks; the
 * Node host keeps them in VS Code's polyfill on globalThis.MonacoPerformanceMarks.
 */
function hostMarks() {
  const wanted = /^code\/extHost\/(will|did)(Fetch|Load|Activate)Extension/;
  try {
    const polyfill = globalThis.MonacoPerformanceMarks;
    if (polyfill && typeof polyfill.getMarks === 'function') {
      return polyfill.getMarks().filter((m) => wanted.test(m.name)).map((m) => [m.name, m.startTime]);
    }
    return performance.getEntriesByType('mark').filter((m) => wanted.test(m.name)).map((m) => [m.name, performance.timeOrigin + m.startTime]);
  } catch (error) {
    return [['error', String(error)]];
  }
}

exports.activate = function activate(context) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode');
  const records = new Map();
  const recordFor = (uri) => {
    const key = uri.toString();
    if (!/\.feature\.md$/.test(uri.path)) return undefined;
    if (!records.has(key)) records.set(key, { file: uri.path.slice(uri.path.lastIndexOf('/') + 1) });
    return records.get(key);
  };
  const out = [];
  let flushTimer;
  const emit = (record) => {
    out.push(record);
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => {
      const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
      if (!folder) return;
      const file = vscode.Uri.joinPath(folder.uri, '..', 'probe-records.json');
      void vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify([...out, { marks: hostMarks() }])));
    }, 1000);
  };

  // Which extensions are active by when (polled from the document's arrival on).
  const watched = { ours: 'agile-artifacts.agile-artifacts', markdown: 'vscode.markdown-language-features' };
  const pollActive = (record) => {
    const timer = setInterval(() => {
      let waiting = false;
      for (const [key, id] of Object.entries(watched)) {
        const extension = vscode.extensions.getExtension(id);
        if (!extension) continue;
        if (extension.isActive) record[`${key}Active`] = record[`${key}Active`] || now();
        else waiting = true;
      }
      if (!waiting) clearInterval(timer);
    }, 2);
  };

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => {
    const record = recordFor(document.uri);
    if (record && !record.open) {
      record.open = now();
      record.lines = document.lineCount;
      for (const [key, id] of Object.entries(watched)) {
        const extension = vscode.extensions.getExtension(id);
        record[`${key}ActiveAtOpen`] = Boolean(extension && extension.isActive);
      }
      pollActive(record);
    }
  }));

  // Our collection's set(uri, diagnostics): the lint result handed to VS Code.
  const mine = vscode.languages.createDiagnosticCollection('agile-bench-probe');
  context.subscriptions.push(mine);
  let proto = Object.getPrototypeOf(mine);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'set')) proto = Object.getPrototypeOf(proto);
  if (proto) {
    const set = proto.set;
    proto.set = function patchedSet(first, diagnostics) {
      const at = now();
      const result = set.apply(this, arguments);
      if (this.name === SOURCE_COLLECTION && first && typeof first === 'object' && 'scheme' in first) {
        const record = recordFor(first);
        if (record && !record.set) {
          record.set = at;
          record.setDone = now();
          record.diagnostics = Array.isArray(diagnostics) ? diagnostics.length : undefined;
          record.openDocs = vscode.workspace.textDocuments.length;
          if (!record.open) record.open = null; // opened before the probe listened
          emit(record);
        }
      }
      return result;
    };
  }
  emit({ ready: now(), patchedSet: Boolean(proto) });
};
