import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, lintMarkdown } from '../../core';
import type { ConfigStore } from '../configStore';
import { toDiagnostic } from '../convert';
import type { DiagnosticsController } from '../diagnostics';
import { fileNameOf } from '../documents';
import { settingsFor } from '../settings';

const decoder = new TextDecoder('utf-8');

/**
 * Lints every Markdown file and config in the workspace into the Problems
 * panel, with progress and cancellation. Open documents keep their live results.
 */
export async function lintWorkspace(diagnostics: DiagnosticsController, configs: ConfigStore): Promise<number> {
  // Each folder's own `exclude` setting, merged: findFiles takes one exclude pattern.
  const folderExcludes = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => settingsFor(folder.uri).exclude);
  const exclude = `{${[...new Set(['**/node_modules/**', '**/.*/**', ...folderExcludes])].join(',')}}`;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Agile Artifacts: checking the workspace', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(`**/{*.md,*.markdown,${CONFIG_FILE_NAME}}`, exclude, undefined, token);
      const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
      let done = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        done++;
        if (done % 20 === 0) progress.report({ message: `${done} of ${files.length}`, increment: (20 / files.length) * 100 });
        if (open.has(uri.toString())) continue;
        if (!settingsFor(uri).enable) continue;
        try {
          if (uri.path.endsWith(`/${CONFIG_FILE_NAME}`)) {
            diagnostics.collection.set(uri, (await configs.load(uri)).findings.map((finding) => toDiagnostic(finding, uri)));
            continue;
          }
          const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
          const { config, uri: configUri } = await configs.forDocument(uri);
          const findings = lintMarkdown(text, { fileName: fileNameOf(uri), config }).findings;
          diagnostics.collection.set(uri, findings.map((finding) => toDiagnostic(finding, uri, configUri)));
        } catch {
          // A file that vanished or cannot be read has nothing to report.
        }
        // Yield now and then so the extension host stays responsive on big workspaces.
        if (done % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return done;
    },
  );
}
