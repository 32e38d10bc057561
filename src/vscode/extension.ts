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
import { BacklogTreeProvider } from './backlog/backlogView';
import type { BacklogNodeView } from './backlog/backlogView';
import { BacklogCodeLensProvider, SHOW_CHILDREN_COMMAND, showChildren } from './backlog/codeLens';
import { BacklogDefinitionProvider, BacklogReferenceProvider, BacklogRenameProvider, BacklogSymbolProvider } from './backlog/navigation';
import { IndexCacheStore } from './backlog/indexCache';
import { WorkspaceIndex } from './backlog/workspaceIndex';
import type { BacklogIndexStatus } from './backlog/workspaceIndex';
import { SECTION } from './settings';

const SELECTOR: vscode.DocumentFilter[] = [{ language: 'markdown' }];
/** Markdown and the config file (whatever language the editor gives it). */
const WITH_CONFIG: vscode.DocumentFilter[] = [...SELECTOR, { pattern: `**/${CONFIG_FILE_NAME}` }];
const WHICH_FILES_SETTINGS = ['enable', 'exclude'];

/**
 * Wires the core to the editor. Activation only registers listeners and
 * providers; the rules table is read on the first lint.
 */
/** What the extension offers other extensions (and its own integration tests). */
export interface AgileArtifactsApi {
  /**
   * Resolves once the backlog index is usable after activation (graph,
   * Backlog view, navigation): the last session's index from the cache, or
   * else a full build of every file.
   */
  backlogReady(): Promise<void>;
  /** Resolves once the index is up to date with the files after activation: the cache's changed files re-read, or the full build done. */
  backlogRefreshed(): Promise<void>;
  /** Resolves once the index cache holds the index as it is now. */
  backlogCacheSaved(): Promise<void>;
  /** Where the index came from and how long it took. */
  backlogStatus(): BacklogIndexStatus;
  /** The Backlog view's tree as plain data. */
  backlogTree(options?: { opened?: boolean }): BacklogNodeView[];
  /** Fires after the backlog index changed (and the view was told). */
  onDidChangeBacklog: vscode.Event<void>;
}

export function activate(context: vscode.ExtensionContext): AgileArtifactsApi {
  const log = vscode.window.createOutputChannel('Agile Artifacts', { log: true });
  const configs = new ConfigStore();
  const diagnostics = new DiagnosticsController(configs, log);
  const workspaceLinter = new WorkspaceLinter(diagnostics, configs);
  const version = String((context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? 'unknown');
  const backlog = new WorkspaceIndex(configs, log, diagnostics, new IndexCacheStore(context.storageUri, version, configs), diagnostics.onDidLintMarkdown);
  const tree = new BacklogTreeProvider(backlog);
  const codeLenses = new BacklogCodeLensProvider(backlog);
  // A save fires both the save event and the watcher: one re-lint for both.
  let pendingConfigChange: ReturnType<typeof setTimeout> | undefined;
  const onConfigFileChange = () => {
    clearTimeout(pendingConfigChange);
    pendingConfigChange = setTimeout(() => {
      configs.invalidate();
      diagnostics.lintOpenDocuments();
      void workspaceLinter.refresh();
      void backlog.rebuild();
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
      void backlog.rebuild();
    }),
    backlog,
    tree,
    codeLenses,
    vscode.window.createTreeView('agileArtifacts.backlog', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.languages.registerDefinitionProvider(SELECTOR, new BacklogDefinitionProvider(backlog)),
    vscode.languages.registerReferenceProvider(SELECTOR, new BacklogReferenceProvider(backlog)),
    vscode.languages.registerRenameProvider(SELECTOR, new BacklogRenameProvider(backlog)),
    vscode.languages.registerWorkspaceSymbolProvider(new BacklogSymbolProvider(backlog)),
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLenses),
    vscode.commands.registerCommand(SHOW_CHILDREN_COMMAND, showChildren),
    vscode.commands.registerCommand('agileArtifacts.refreshBacklog', () => backlog.rebuild()),
    vscode.languages.registerHoverProvider(WITH_CONFIG, new ArtifactHoverProvider(configs, backlog)),
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
  // The index is built after that, in the background: the first squiggle never waits for it.
  backlog.start();
  return {
    backlogReady: () => backlog.ready,
    backlogRefreshed: () => backlog.refreshed,
    backlogCacheSaved: () => backlog.cacheSaved(),
    backlogStatus: () => ({ ...backlog.status }),
    backlogTree: (options?: { opened?: boolean }) => tree.snapshot(options),
    onDidChangeBacklog: tree.onDidChangeTreeData as vscode.Event<unknown> as vscode.Event<void>,
  };
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
