import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, lintMarkdown } from '../core';
import { ArtifactCodeActions } from './codeActions';
import { WorkspaceLinter } from './commands/lintWorkspace';
import { NEW_ARTIFACT_COMMANDS, newArtifact } from './commands/newArtifact';
import { ArtifactCompletionProvider } from './completionProvider';
import { ConfigStore } from './configStore';
import { DiagnosticsController } from './diagnostics';
import { isConfigDocument } from './documents';
import { ArtifactHoverProvider } from './hoverProvider';
import { SECTION } from './settings';

const SELECTOR: vscode.DocumentFilter[] = [{ language: 'markdown' }];
/** Markdown and the config file (whatever language the editor gives it). */
const WITH_CONFIG: vscode.DocumentFilter[] = [...SELECTOR, { pattern: `**/${CONFIG_FILE_NAME}` }];
const WHICH_FILES_SETTINGS = ['enable', 'exclude'];

/**
 * Wires the core to the editor. Activation only registers listeners and
 * providers; the rules table is read on the first lint.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Agile Artifacts', { log: true });
  const configs = new ConfigStore();
  const diagnostics = new DiagnosticsController(configs, log);
  const workspaceLinter = new WorkspaceLinter(diagnostics, configs);
  // A save fires both the save event and the watcher: one re-lint for both.
  let pendingConfigChange: ReturnType<typeof setTimeout> | undefined;
  const onConfigFileChange = () => {
    clearTimeout(pendingConfigChange);
    pendingConfigChange = setTimeout(() => {
      configs.invalidate();
      diagnostics.lintOpenDocuments();
      void workspaceLinter.refresh();
    }, 50);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  context.subscriptions.push(
    log,
    diagnostics,
    workspaceLinter,
    watcher,
    watcher.onDidCreate(onConfigFileChange),
    watcher.onDidChange(onConfigFileChange),
    watcher.onDidDelete(onConfigFileChange),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isConfigDocument(document)) onConfigFileChange();
    }),
    { dispose: () => clearTimeout(pendingConfigChange) },
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Only these settings change which files are checked; the others are read when used.
      if (!WHICH_FILES_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`))) return;
      diagnostics.lintOpenDocuments();
      void workspaceLinter.reapplySettings();
    }),
    vscode.languages.registerHoverProvider(WITH_CONFIG, new ArtifactHoverProvider(configs)),
    vscode.languages.registerCompletionItemProvider(WITH_CONFIG, new ArtifactCompletionProvider(configs), ...ArtifactCompletionProvider.triggerCharacters),
    vscode.languages.registerCodeActionsProvider(WITH_CONFIG, new ArtifactCodeActions(diagnostics), {
      providedCodeActionKinds: ArtifactCodeActions.providedCodeActionKinds,
    }),
    vscode.commands.registerCommand('agileArtifacts.lintWorkspace', () => workspaceLinter.run()),
    ...NEW_ARTIFACT_COMMANDS.map((kind) =>
      vscode.commands.registerCommand(kind.command, (title?: string, folder?: vscode.Uri) => newArtifact(kind, typeof title === 'string' ? title : undefined, folder)),
    ),
  );
  configs.prime();
  diagnostics.lintOpenDocuments();
  // The first lint pays for validating the rules table and compiling the checks; pay it now, off the click's path.
  setTimeout(() => warmUp(log), 0);
}

const WARM_UP_SAMPLE = '---\ntype: feature\naccepted-by: PO\n---\n# Feature: warm-up\n\n**Owner:** Product Management\n';

function warmUp(log: vscode.LogOutputChannel): void {
  try {
    lintMarkdown(WARM_UP_SAMPLE, { fileName: 'warm-up.feature.md' });
  } catch (error) {
    log.error(`The rules table could not be loaded: ${(error as Error)?.message ?? error}`);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
