'use strict';
// The floor for scripts/bench/editor.js --profile (never shipped): a "linter" that
// activates like Agile Artifacts (onLanguage:markdown) and, the moment a feature
// document reaches the extension host, reports one warning on line 6 without reading
// a config or the text. Click → squiggle with this extension is what VS Code itself
// costs; whatever Agile Artifacts takes beyond it is ours.

exports.activate = function activate(context) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode');
  const collection = vscode.languages.createDiagnosticCollection('bench-floor');
  const report = (document) => {
    if (!document.uri.path.endsWith('.feature.md')) return;
    const range = new vscode.Range(5, 13, 5, 15);
    collection.set(document.uri, [new vscode.Diagnostic(range, 'floor: wrong role', vscode.DiagnosticSeverity.Warning)]);
  };
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(report),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
  vscode.workspace.textDocuments.forEach(report);
};
