import * as vscode from 'vscode';

/** The folder the test workbench opened (test/integration/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need the workspace folder open');
  return folder.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

const encoder = new TextEncoder();

/** Writes a file into a scratch folder of the workspace; removed by cleanScratch(). */
export async function writeScratch(name: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? encoder.encode(content) : content);
  return uri;
}

export async function cleanScratch(): Promise<void> {
  // Saving first keeps the workbench from asking what to do with unsaved edits.
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'scratch'), { recursive: true, useTrash: false });
  } catch {
    // Nothing to clean.
  }
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'agile-artifacts');
}

export function rulesOf(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code))).sort();
}

/**
 * Resolves with our diagnostics of `uri` once `accept` holds for them, checking
 * now and on every diagnostics change event; rejects after `timeoutMs`. No sleeps.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = ours(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for diagnostics of ${uri.path}; have: ${JSON.stringify(rulesOf(ours(uri)))}`));
    }, timeoutMs);
    const cleanup = () => {
      listener.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/**
 * Records each distinct state of our diagnostics of `uri` (rule@line:column),
 * as change events report them. Other extensions' events that leave ours
 * unchanged are not recorded.
 */
export function recordDiagnostics(uri: vscode.Uri): { readonly states: string[][]; dispose(): void } {
  const states: string[][] = [];
  const describe = () => ours(uri).map((d) => `${rulesOf([d])[0]}@${d.range.start.line}:${d.range.start.character}`);
  let last = JSON.stringify(describe());
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
    const now = describe();
    if (JSON.stringify(now) === last) return;
    last = JSON.stringify(now);
    states.push(now);
  });
  return { states, dispose: () => listener.dispose() };
}

/** Waits for a document to be closed (its diagnostics are cleared then). */
export function waitForClose(uri: vscode.Uri, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${uri.path} to close`)), timeoutMs);
    const listener = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.toString() !== uri.toString()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/**
 * Sets a workspace setting and waits for the configuration event, so the
 * extension has seen the change before the test goes on.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('agileArtifacts');
  if (JSON.stringify(config.inspect(key)?.workspaceValue) === JSON.stringify(value)) return;
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`agileArtifacts.${key}`)) return;
      listener.dispose();
      resolve();
    });
  });
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

export function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" not found in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}
