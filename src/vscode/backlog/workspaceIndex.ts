import * as vscode from 'vscode';
import { BacklogGraph, graphFindings, indexText, rulesTable } from '../../core';
import type { ArtifactsConfig, GraphItem } from '../../core';
import { filesToCheck } from '../commands/lintWorkspace';
import type { ConfigStore } from '../configStore';
import { toDiagnostic } from '../convert';
import { isLintable } from '../documents';
import { settingsFor } from '../settings';
import { readConcurrency, readText, yieldToHost } from './readTexts';

const MARKDOWN_GLOB = '**/{*.md,*.markdown}';

/**
 * The backlog graph of each workspace folder (links resolve within one
 * folder, SPEC §7), kept in step with the workspace: built once after
 * activation, off the path of the first squiggle, then updated one file at a
 * time as documents change, files are saved, created, deleted or renamed,
 * and branches switch (which the file watcher reports as changes). Publishes
 * the graph rules' diagnostics in a collection of their own, beside the
 * per-file ones.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('agile-artifacts-backlog');
  private readonly graphs = new Map<string, BacklogGraph>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires (at most every few hundred milliseconds) after the graph changed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter];
  private building: Promise<void> | undefined;
  private pendingNotice: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Resolves when the first build is done. */
  ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
    /** Resolves when no open document's lint is in flight: the build gives way to those between its slices. */
    private readonly lintsIdle: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onDiskChange(uri)),
      watcher.onDidChange((uri) => this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => this.onDelete(uri)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.onDelete(uri))),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.onDelete(oldUri);
          void this.onDiskChange(newUri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) void this.indexDocument(event.document);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => void this.indexDocument(document)),
      // Closing without saving drops the typed text: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((document) => void this.onDiskChange(document.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
    );
  }

  /**
   * Starts the first build in the background, once the documents open at
   * activation have their diagnostics: the extension activates when a
   * Markdown file opens, and the build's file search and reads would
   * otherwise share the CPU and the workbench's file channel with that
   * file's first lint (its config lookup is a `stat` per folder until the
   * config search answers).
   */
  start(): void {
    setTimeout(() => void this.lintsIdle().then(() => this.rebuild()), 0);
  }

  /** Builds every folder's graph again (config or settings changed). */
  rebuild(): Promise<void> {
    const generation = ++this.generation;
    const build = this.build(generation).then(
      () => {
        if (generation === this.generation) this.markReady();
      },
      (error) => this.log.error(`Could not index the backlog: ${(error as Error)?.stack ?? error}`),
    );
    this.building = build;
    return build;
  }

  graphFor(uri: vscode.Uri): BacklogGraph | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.graphs.get(folder.uri.toString()) : undefined;
  }

  allGraphs(): { folder: vscode.WorkspaceFolder; graph: BacklogGraph }[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const graph = this.graphs.get(folder.uri.toString());
      return graph ? [{ folder, graph }] : [];
    });
  }

  /** The item of `document` at `line`, with its graph. */
  itemAt(uri: vscode.Uri, line: number): { graph: BacklogGraph; item: GraphItem } | undefined {
    const graph = this.graphFor(uri);
    const item = graph?.itemAt(uri.toString(), line);
    return graph && item ? { graph, item } : undefined;
  }

  /**
   * Indexes every Markdown file of every folder. The cost is in the reads
   * (each a round trip through the workbench) and in the configs (a `stat`
   * per folder until the config search answers), not in the engine: so the
   * config search is awaited once, a config is looked up once per directory,
   * reads are many in flight (none started while an open document's lint is), and the engine works in slices of a few
   * milliseconds between them, so a file opened meanwhile is linted between
   * two slices, not after the build.
   */
  private async build(generation: number): Promise<void> {
    const started = Date.now();
    const [uris] = await Promise.all([filesToCheck(undefined, MARKDOWN_GLOB), this.configs.located()]);
    if (generation !== this.generation) return;
    const found = Date.now();
    const fresh = new Map<string, BacklogGraph>();
    const open = new Map<string, vscode.TextDocument>();
    for (const document of vscode.workspace.textDocuments) if (!document.isClosed) open.set(document.uri.toString(), document);
    /** Per directory: the folder's graph and the config that applies there (both the same for every file in it). */
    const byDirectory = new Map<string, { graph: BacklogGraph; config: Promise<ArtifactsConfig> } | undefined>();
    const place = (uri: vscode.Uri) => {
      const key = uri.toString();
      const directory = key.slice(0, key.lastIndexOf('/'));
      if (byDirectory.has(directory)) return byDirectory.get(directory);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      let placed: { graph: BacklogGraph; config: Promise<ArtifactsConfig> } | undefined;
      if (folder) {
        let graph = fresh.get(folder.uri.toString());
        if (!graph) fresh.set(folder.uri.toString(), (graph = new BacklogGraph(rulesTable())));
        placed = { graph, config: this.configs.forDocument(uri).then((found) => found.config) };
      }
      byDirectory.set(directory, placed);
      return placed;
    };
    let count = 0;
    let readMs = 0;
    let indexMs = 0;
    let slice = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < uris.length && generation === this.generation) {
        const uri = uris[next++];
        const placed = place(uri);
        if (!placed) continue;
        const document = open.get(uri.toString());
        // No new read while an open document is being linted: its diagnostics go out through the same workbench.
        await this.lintsIdle();
        const readStart = Date.now();
        const [text, config] = await Promise.all([document ? document.getText() : readText(uri), placed.config]);
        readMs += Date.now() - readStart;
        if (text === undefined || generation !== this.generation) continue;
        const indexStart = Date.now();
        // Each file is read once in a build: remembering its lines for a next lint would only fill the memos.
        const record = indexText(uri.toString(), text, { config, once: document === undefined });
        if (record) placed.graph.update(record);
        indexMs += Date.now() - indexStart;
        count++;
        // Work in slices of a few milliseconds: what the host has queued (a file opened, a keystroke) runs between two,
        // and an open document's lint runs to its squiggle before the next slice.
        if (Date.now() - slice > 8) {
          await yieldToHost();
          await this.lintsIdle();
          slice = Date.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(readConcurrency(uris[0]), uris.length) }, worker));
    if (generation !== this.generation) return;
    this.graphs.clear();
    for (const [key, graph] of fresh) this.graphs.set(key, graph);
    this.collection.clear();
    const publishStart = Date.now();
    // Only files with findings get an entry (the collection was just cleared), set in batches between slices.
    let batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const graph of this.graphs.values()) {
      for (const file of graph.files()) {
        const findings = graphFindings(graph, file);
        if (findings.length) {
          const uri = vscode.Uri.parse(file);
          batch.push([uri, findings.map((finding) => toDiagnostic(finding, uri))]);
        }
        if (Date.now() - slice > 8) {
          this.collection.set(batch);
          batch = [];
          await yieldToHost();
          await this.lintsIdle();
          slice = Date.now();
          if (generation !== this.generation) return;
        }
      }
    }
    this.collection.set(batch);
    const items = [...this.graphs.values()].reduce((sum, graph) => sum + graph.size, 0);
    this.log.info(
      `Indexed ${count} files, ${items} items, in ${Date.now() - started} ms: file search ${found - started} ms, then reads and indexing ${publishStart - found} ms `
        + `(engine and graph ${indexMs} ms; ${readMs} ms of reads summed over the ones in flight), graph diagnostics ${Date.now() - publishStart} ms`,
    );
    this.notify(true);
  }

  private async indexDocument(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'markdown' || !isLintable(document)) return;
    await this.building;
    const graph = this.graphFor(document.uri);
    if (!graph) return;
    const version = document.version;
    const { config } = await this.configs.forDocument(document.uri);
    // A newer keystroke re-indexes with its own text.
    if (document.version !== version || document.isClosed) return;
    this.apply(graph, document.uri, document.getText(), config);
  }

  private async onDiskChange(uri: vscode.Uri): Promise<void> {
    if (!/\.(?:md|markdown)$/i.test(uri.path)) return;
    await this.building;
    const graph = this.graphFor(uri);
    if (!graph) return;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);
    if (open) return void this.indexDocument(open);
    if (!isIndexed(uri)) return this.onDelete(uri);
    const text = await readText(uri);
    if (text === undefined) return this.onDelete(uri);
    const { config } = await this.configs.forDocument(uri);
    this.apply(graph, uri, text, config);
  }

  private apply(graph: BacklogGraph, uri: vscode.Uri, text: string, config: ArtifactsConfig): void {
    const record = indexText(uri.toString(), text, { config });
    const affected = record ? graph.update(record) : graph.remove(uri.toString());
    this.publish(graph, affected);
    this.notify();
  }

  private onDelete(uri: vscode.Uri): void {
    for (const graph of this.graphs.values()) {
      const gone = uri.toString();
      const folder = gone.replace(/\/?$/, '/');
      const removed = graph.files().filter((file) => file === gone || file.startsWith(folder));
      if (!removed.length) continue;
      const affected = new Set<string>();
      for (const file of removed) {
        for (const other of graph.remove(file)) affected.add(other);
        this.collection.delete(vscode.Uri.parse(file));
      }
      this.publish(graph, affected);
      this.notify();
    }
  }

  private publish(graph: BacklogGraph, files: Iterable<string>): void {
    for (const file of files) {
      const uri = vscode.Uri.parse(file);
      if (!graph.has(file)) {
        this.collection.delete(uri);
        continue;
      }
      this.collection.set(uri, graphFindings(graph, file).map((finding) => toDiagnostic(finding, uri)));
    }
  }

  /** Tells the views once per burst of changes; right away after a build. */
  private notify(now = false): void {
    clearTimeout(this.pendingNotice);
    if (now) {
      this.emitter.fire();
      return;
    }
    this.pendingNotice = setTimeout(() => this.emitter.fire(), 150);
  }

  dispose(): void {
    clearTimeout(this.pendingNotice);
    this.generation++;
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** Whether a closed file is one the settings let the extension check (the same test as an open document's). */
function isIndexed(uri: vscode.Uri): boolean {
  const settings = settingsFor(uri);
  if (!settings.enable || /\/node_modules\/|\/\.[^/]+\//.test(uri.path)) return false;
  const asDocument = { uri, languageId: 'markdown' } as vscode.TextDocument;
  return !settings.exclude.some((pattern) => vscode.languages.match({ pattern }, asDocument) > 0);
}

