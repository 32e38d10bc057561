import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core';
import type { ConfigStore } from '../configStore';
import { toDiagnostic } from '../convert';
import type { DiagnosticsController } from '../diagnostics';
import { findingsOfFile } from '../findings';
import { settingsFor } from '../settings';

const decoder = new TextDecoder('utf-8');

/**
 * The "Lint all artifacts in the workspace" command: fills the Problems panel
 * for files that are not open, with progress and cancellation. Open documents
 * keep their live results. Remembers which files it reported on, so a config
 * change re-checks them and a deleted or opened-then-closed file loses them.
 */
export class WorkspaceLinter implements vscode.Disposable {
  /** Closed files whose diagnostics this linter published (URI strings). */
  private readonly reported = new Map<string, vscode.Uri>();
  private refreshing?: vscode.CancellationTokenSource;
  private disposed = false;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly configs: ConfigStore,
  ) {
    this.disposables = [
      // Once opened, a file is the live linter's; when it closes, its diagnostics go with it.
      vscode.workspace.onDidCloseTextDocument((document) => this.reported.delete(document.uri.toString())),
      vscode.workspace.onDidDeleteFiles((event) => this.dropDeleted(event.files)),
    ];
  }

  /** Runs the command; resolves with the number of files looked at. */
  run(): Thenable<number> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Agile Artifacts: checking the workspace', cancellable: true },
      async (progress, token) => {
        const files = await filesToCheck(token);
        return this.lintFiles(files, token, (done) => progress.report({ message: `${done} of ${files.length}`, increment: (20 / files.length) * 100 }));
      },
    );
  }

  /**
   * After `enable` or `exclude` changed: forgets the closed files that are
   * no longer checked and re-checks the others.
   */
  reapplySettings(): Promise<void> {
    return this.replaceRefresh(async (token) => {
      const checked = new Set((await filesToCheck(token)).map((uri) => uri.toString()));
      if (token.isCancellationRequested) return;
      for (const [key, uri] of this.reported) if (!checked.has(key)) this.forget(uri);
      await this.lintFiles([...this.reported.values()], token);
    });
  }

  /**
   * After a config change: re-checks, quietly, the closed files this linter
   * reported on. A running command goes on (its files are checked against
   * the newest config).
   */
  refresh(): Promise<void> {
    return this.replaceRefresh((token) => this.lintFiles([...this.reported.values()], token));
  }

  /** Runs a quiet re-check of the reported files; a newer one cancels the one before. */
  private async replaceRefresh(work: (token: vscode.CancellationToken) => Promise<unknown>): Promise<void> {
    this.refreshing?.cancel();
    if (!this.reported.size) return;
    const source = new vscode.CancellationTokenSource();
    this.refreshing = source;
    try {
      await work(source.token);
    } catch {
      // The file search failed (the folder went away): the next run or refresh sorts it out.
    } finally {
      if (this.refreshing === source) this.refreshing = undefined;
      source.dispose();
    }
  }

  private async lintFiles(files: vscode.Uri[], token: vscode.CancellationToken, reportProgress?: (done: number) => void): Promise<number> {
    let done = 0;
    for (const uri of files) {
      if (token.isCancellationRequested || this.disposed) break;
      done++;
      if (done % 20 === 0) reportProgress?.(done);
      const key = uri.toString();
      if (isOpen(key)) continue;
      if (!settingsFor(uri).enable) {
        this.forget(uri);
        continue;
      }
      const diagnostics = await this.diagnosticsOf(uri);
      // The file may have been opened meanwhile: then the live result wins.
      if (token.isCancellationRequested || this.disposed || isOpen(key)) continue;
      if (diagnostics) {
        this.diagnostics.collection.set(uri, diagnostics);
        this.reported.set(key, uri);
      } else {
        this.forget(uri);
      }
      // Yield now and then so the extension host stays responsive on big workspaces.
      if (done % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return done;
  }

  /**
   * The diagnostics of a closed file against the current configs, or
   * undefined when it is gone or unreadable. Checked again if a config
   * changed while it was being checked, so no stale result is published.
   */
  private async diagnosticsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[] | undefined> {
    for (;;) {
      const generation = this.configs.generation;
      const diagnostics = await this.diagnosticsOnce(uri);
      if (generation === this.configs.generation) return diagnostics;
    }
  }

  private async diagnosticsOnce(uri: vscode.Uri): Promise<vscode.Diagnostic[] | undefined> {
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
      const { findings, configUri } = await findingsOfFile(uri, text, this.configs);
      return findings.map((finding) => toDiagnostic(finding, uri, configUri));
    } catch {
      return undefined;
    }
  }

  private dropDeleted(deleted: readonly vscode.Uri[]): void {
    for (const gone of deleted) {
      const folder = gone.toString().replace(/\/?$/, '/');
      for (const [key, uri] of this.reported) {
        if (key === gone.toString() || key.startsWith(folder)) this.forget(uri);
      }
    }
  }

  private forget(uri: vscode.Uri): void {
    if (!this.reported.delete(uri.toString())) return;
    this.diagnostics.collection.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    this.refreshing?.cancel();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** Markdown and config files of every workspace folder that is enabled, each folder with its own `exclude`. */
export async function filesToCheck(token?: vscode.CancellationToken, glob = `**/{*.md,*.markdown,${CONFIG_FILE_NAME}}`, folders = vscode.workspace.workspaceFolders ?? []): Promise<vscode.Uri[]> {
  const searches = folders.map((folder) => {
    const settings = settingsFor(folder.uri);
    if (!settings.enable) return Promise.resolve([] as vscode.Uri[]);
    const exclude = `{${[...new Set(['**/node_modules/**', '**/.*/**', ...settings.exclude])].join(',')}}`;
    return vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, undefined, token);
  });
  return (await Promise.all(searches)).flat();
}

function isOpen(key: string): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
}
