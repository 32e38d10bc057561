'use strict';
// Bench "suite" run as extensionTestsPath inside VS Code's extension host (Node or
// web worker): times the extension's own activation with nothing Markdown open.
// Plain CommonJS with no imports but `vscode`, so the very same file loads in both
// hosts (the web worker's loader wraps it as CommonJS; no bundling needed).
// It prints one line, `AGILE_BENCH_ACTIVATION {json}`, which scripts/bench/editor.js
// picks up from the workbench's console (codeAutomationLog).

const EXTENSION_ID = 'agile-artifacts.agile-artifacts';

exports.run = async function run() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const host = typeof process === 'object' && process && process.versions && process.versions.node ? 'node' : 'web';
  const activeBefore = extension.isActive;
  const markdownOpen = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').length;
  const start = performance.now();
  await extension.activate();
  const ms = performance.now() - start;
  console.log(`AGILE_BENCH_ACTIVATION ${JSON.stringify({ ms, host, activeBefore, markdownOpen })}`);
};
