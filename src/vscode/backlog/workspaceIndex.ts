import * as vscode from 'vscode';
import { BacklogGraph, graphFindings, indexText, recordAs, rulesTable } from '../../core';
import type { ArtifactsConfig, CachedFile, FileRecord, GraphItem } from '../../core';
import { filesToCheck } from '../commands/lintWorkspace';
import type { ConfigStore } from '../configStore';
import { toDiagnostic } from '../convert';
import type { LintedDocument } from '../diagnostics';
import { fileNameOf, isLintable } from '../documents';
import { settingsFor } from '../settings';
import { decodeInSlices, encodeInSlices, runInSlices } from './indexCache';
import type { IndexCacheStore } from './indexCache';
import { readConcurrency, readText, statFile, yieldToHost } from './readTexts';
import { PauseGate, canIndexInWorkers, indexFolderInWorkers, workerTaskFor } from './worker/workerIndexing';
import type { FileStat } from './readTexts';
import type { WorkerTiming } from './worker/protocol';

const MARKDOWN_GLOB = '**/{*.md,*.markdown}';
/** Pause after the last change before the index cache is written again. */
const SAVE_DELAY_MS = 2000;

/** What the index needs to know of the open documents' lints (the diagnostics controller). */
export interface OpenLints {
  whenIdle(): Promise<void>;
  readonly isBusy: boolean;
  readonly onDidChangeBusy: vscode.Event<boolean>;
}

const NO_LINTS: OpenLints = { whenIdle: () => Promise.resolve(), isBusy: false, onDidChangeBusy: () => ({ dispose() {} }) };

/** A folder indexed in worker threads: from how far into the build, for how long, and each thread's own timing. */
export interface WorkerRun {
  folder: string;
  fromMs: number;
  ms: number;
  threads: WorkerTiming[];
}

/** Where the index came from after activation, and how long it took (for the log, the tests and the bench). */
export interface BacklogIndexStatus {
  /** `cache`: the last session's index, then refreshed from the disk; `build`: every file read. */
  source?: 'cache' | 'build';
  files: number;
  items: number;
  /** ms from the start of the build or the cache load until the index was published, and until it was up to date with the disk. */
  readyMs?: number;
  refreshedMs?: number;
  /** With the cache: files whose stat had changed or that were new (read again), and files gone since (dropped). */
  reread?: number;
  dropped?: number;
  /** Why the cache was not used, when it was not. */
  cacheMissed?: string;
  /** With the cache, where readyMs went: the key (config search and files), reading the file, decoding it, the graph. */
  phases?: { keyMs: number; readMs: number; decodeMs: number; graphMs: number; kb: number };
  /** With the cache, where refreshedMs went after readyMs: graph diagnostics, the file search, the stats and re-reads. */
  refreshPhases?: { diagnosticsMs: number; searchMs: number; statMs: number };
  /**
   * Without the cache, where the build's time went: the file search, reading and indexing the files (of which the
   * engine and the graph on this thread), the graph diagnostics; and how many folders were read in worker threads.
   */
  buildPhases?: { searchMs: number; readAndIndexMs: number; engineMs: number; diagnosticsMs: number; workerFolders: number; workers: WorkerRun[] };
  /** Cache writes done, and the last one's size and time. */
  saves: number;
  savedBytes?: number;
  saveMs?: number;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  done: boolean;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const made: Deferred = { promise: new Promise<void>((r) => (resolve = r)), resolve: () => ((made.done = true), resolve()), done: false };
  return made;
}

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
  /** Resolves when the first index is published after activation: the last session's, from the cache, or a full build. */
  ready: Promise<void>;
  private markReady!: () => void;
  /** Resolves when the index is up to date with the disk after activation (the cache refreshed, or the build done). */
  refreshed: Promise<void>;
  private markRefreshed!: () => void;
  status: BacklogIndexStatus = { files: 0, items: 0, saves: 0 };
  /**
   * The files the index has read from disk (URI strings), with the stat they
   * had when read, for the cache; null when it is still to be taken (the
   * build reads without stats: they are taken when the cache is written).
   */
  private readonly known = new Map<string, FileStat | null>();
  /** Bumped for a file whenever an event re-indexes or drops it: a refresh or save that started before leaves it alone. */
  private readonly versions = new Map<string, number>();
  private versionCounter = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pause flag of the workers of the build in progress, if any. */
  private workerGate: PauseGate | undefined;
  private saving: Promise<void> | undefined;
  private saveAgain = false;
  private saved: Deferred = deferred();

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
    /** The open documents' lints: the build gives way to those between its slices, and its worker threads pause while one is in flight. */
    private readonly lints: OpenLints = NO_LINTS,
    /** The index of the last session (none: every activation builds from scratch). */
    private readonly cache?: IndexCacheStore,
    /**
     * The diagnostics' lints of open documents, each with the index record of
     * its own parse: typing is followed from these, one parse per keystroke
     * (none: the index parses open documents itself).
     */
    linted?: vscode.Event<LintedDocument>,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.refreshed = new Promise((resolve) => (this.markRefreshed = resolve));
    if (!cache?.uri) this.saved.resolve();
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
        // A document the lint follows only on save (`run: onSave`) is still followed while typing, by its own parse.
        if (event.contentChanges.length && (!linted || settingsFor(event.document.uri).run === 'onSave')) void this.indexDocument(event.document);
      }),
      // Opening a document lints it, whatever `run` says: its record comes with that lint.
      linted ? linted((lint) => void this.indexLinted(lint)) : vscode.workspace.onDidOpenTextDocument((document) => void this.indexDocument(document)),
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
    setTimeout(() => void this.lints.whenIdle().then(() => this.rebuild(true)), 0);
  }

  /**
   * Builds every folder's graph again (config or settings changed, the
   * refresh command). At activation (`fromCache`) the last session's index is
   * published from the cache instead, when there is a usable one, and
   * brought up to date with the disk in the background.
   */
  rebuild(fromCache = false): Promise<void> {
    const generation = ++this.generation;
    const build = (async () => {
      if (fromCache && this.cache && (await this.loadCache(generation))) return;
      if (generation !== this.generation) return;
      const started = Date.now();
      // Ready once the graphs are in place (what the view, navigation and hovers ask); the graph diagnostics follow.
      await this.build(generation, () => {
        this.status = { ...this.status, source: 'build', ...this.counts(), readyMs: Date.now() - started };
        this.markReady();
        this.notify(true);
      });
      if (generation !== this.generation) return;
      this.status = { ...this.status, refreshedMs: Date.now() - started };
      this.markRefreshed();
      this.scheduleSave(SAVE_DELAY_MS / 2);
    })().catch((error) => this.log.error(`Could not index the backlog: ${(error as Error)?.stack ?? error}`));
    this.building = build;
    return build;
  }

  /** Resolves once the cache holds the index as it is now (at once when nothing is to be written, or there is no storage). */
  cacheSaved(): Promise<void> {
    return this.saved.promise;
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
  private async build(generation: number, ready: () => void): Promise<void> {
    const started = Date.now();
    // In the Node host, folders on disk are walked, read and indexed in worker threads; the rest is read here.
    const configFiles = await this.configs.configFiles();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => settingsFor(folder.uri).enable);
    const threaded = configFiles ? folders.filter(canIndexInWorkers) : [];
    const hosted = folders.filter((folder) => !threaded.includes(folder));
    const uris = hosted.length ? await filesToCheck(undefined, MARKDOWN_GLOB, hosted) : [];
    if (generation !== this.generation) return;
    const found = Date.now();
    const fresh = new Map<string, BacklogGraph>();
    const open = new Map<string, vscode.TextDocument>();
    for (const document of vscode.workspace.textDocuments) if (!document.isClosed) open.set(document.uri.toString(), document);
    const graphOf = (folder: vscode.WorkspaceFolder) => {
      let graph = fresh.get(folder.uri.toString());
      if (!graph) fresh.set(folder.uri.toString(), (graph = new BacklogGraph(rulesTable())));
      return graph;
    };
    /** Per directory: the folder's graph and the config that applies there (both the same for every file in it). */
    const byDirectory = new Map<string, { graph: BacklogGraph; config: Promise<ArtifactsConfig> } | undefined>();
    const place = (uri: vscode.Uri) => {
      const key = uri.toString();
      const directory = key.slice(0, key.lastIndexOf('/'));
      if (byDirectory.has(directory)) return byDirectory.get(directory);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      let placed: { graph: BacklogGraph; config: Promise<ArtifactsConfig> } | undefined;
      if (folder) placed = { graph: graphOf(folder), config: this.configs.forDocument(uri).then((found) => found.config) };
      byDirectory.set(directory, placed);
      return placed;
    };
    /** The files read, for the cache (their stats are taken when it is written). */
    const read = new Set<string>();
    let count = 0;
    let readMs = 0;
    let indexMs = 0;
    let slice = Date.now();
    let next = 0;
    const reader = async () => {
      while (next < uris.length && generation === this.generation) {
        const uri = uris[next++];
        const placed = place(uri);
        if (!placed) continue;
        const document = open.get(uri.toString());
        // No new read while an open document is being linted: its diagnostics go out through the same workbench.
        await this.lints.whenIdle();
        const readStart = Date.now();
        const [text, config] = await Promise.all([document ? document.getText() : readText(uri), placed.config]);
        readMs += Date.now() - readStart;
        if (text === undefined || generation !== this.generation) continue;
        const indexStart = Date.now();
        // Each file is read once in a build: remembering its lines for a next lint would only fill the memos.
        const record = indexText(uri.toString(), text, { config, once: document === undefined, fileName: fileNameOf(uri) });
        if (record) placed.graph.update(record);
        read.add(uri.toString());
        indexMs += Date.now() - indexStart;
        count++;
        // Work in slices of a few milliseconds: what the host has queued (a file opened, a keystroke) runs between two,
        // and an open document's lint runs to its squiggle before the next slice.
        if (Date.now() - slice > 8) {
          await yieldToHost();
          await this.lints.whenIdle();
          slice = Date.now();
        }
      }
    };
    const readHere = () => Promise.all(Array.from({ length: Math.min(readConcurrency(uris[0]), uris.length - next) }, reader));
    const stopped = () => generation !== this.generation;
    let workerFolders = threaded.length;
    const workerRuns: WorkerRun[] = [];
    // The workers pause between two files while an open document is being linted (its squiggle first, as with the reads here).
    const gate = threaded.length ? new PauseGate(this.lints.isBusy) : undefined;
    // An older build's workers stop where they are, paused or not (their records would be dropped).
    this.workerGate?.stop();
    this.workerGate = gate;
    const following = gate && this.lints.onDidChangeBusy((busy) => gate.set(busy));
    const inWorkers = threaded.map(async (folder) => {
      const graph = graphOf(folder);
      try {
        const task = await workerTaskFor(folder, settingsFor(folder.uri).exclude, configFiles!, (uri) => this.configs.forDocument(uri).then((found) => found.config));
        const records: FileRecord[] = [];
        /** Files the worker found that are open: indexed from their text in the editor, below, as the reads here do. */
        const openFound: vscode.TextDocument[] = [];
        const workerStart = Date.now();
        const timings = await indexFolderInWorkers(folder, task, gate!, (batch) => {
          for (const { uri, record } of batch) {
            const document = open.get(uri);
            if (document) openFound.push(document);
            else if (record) records.push(recordAs(record, uri));
            read.add(uri);
            count++;
          }
        }, stopped);
        if (stopped()) return;
        workerRuns.push({ folder: folder.name, fromMs: workerStart - started, ms: Date.now() - workerStart, threads: timings });
        // All at once: each item is resolved once against all the others, not again for each file that touches it.
        const indexStart = Date.now();
        await runInSlices(graph.loading(records), () => this.giveWay());
        indexMs += Date.now() - indexStart;
        for (const document of openFound) {
          if (stopped()) return;
          const { config } = await this.configs.forDocument(document.uri);
          const record = indexText(document.uri.toString(), document.getText(), { config, fileName: fileNameOf(document.uri) });
          if (record) graph.update(record);
        }
      } catch (error) {
        // Worker threads could not do it (none start, one failed): this thread reads the folder, as in the web host.
        workerFolders--;
        this.log.warn(`Indexing ${folder.name} in worker threads failed, indexing it here: ${(error as Error)?.message ?? error}`);
        if (stopped()) return;
        fresh.set(folder.uri.toString(), new BacklogGraph(rulesTable()));
        for (const key of [...read]) {
          if (vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key)) !== folder) continue;
          read.delete(key);
          count--;
        }
        uris.push(...(await filesToCheck(undefined, MARKDOWN_GLOB, [folder])));
        await readHere();
      }
    });
    try {
      await Promise.all([readHere(), ...inWorkers]);
    } finally {
      following?.dispose();
    }
    if (generation !== this.generation) return;
    this.graphs.clear();
    for (const [key, graph] of fresh) this.graphs.set(key, graph);
    this.known.clear();
    for (const file of read) this.known.set(file, null);
    ready();
    const publishStart = Date.now();
    if (!(await this.publishAll(generation))) return;
    const items = [...this.graphs.values()].reduce((sum, graph) => sum + graph.size, 0);
    this.status = { ...this.status, buildPhases: { searchMs: found - started, readAndIndexMs: publishStart - found, engineMs: indexMs, diagnosticsMs: Date.now() - publishStart, workerFolders, workers: workerRuns } };
    this.log.info(
      `Indexed ${count} files, ${items} items, in ${Date.now() - started} ms: file search ${found - started} ms, then reads and indexing ${publishStart - found} ms `
        + `(engine and graph ${indexMs} ms; ${readMs} ms of reads summed over the ones in flight), graph diagnostics ${Date.now() - publishStart} ms`
        + workerRuns.map((run) => `; ${run.folder} in worker threads from ${run.fromMs} ms, for ${run.ms} ms (${run.threads.map(describeThread).join('; ')})`).join(''),
    );
    this.notify(true);
  }

  /**
   * Publishes the graph diagnostics of every file from scratch: only files
   * with findings get an entry, set in batches between slices. False when a
   * newer build took over meanwhile.
   */
  private async publishAll(generation: number): Promise<boolean> {
    this.collection.clear();
    let slice = Date.now();
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
          await this.giveWay();
          slice = Date.now();
          if (generation !== this.generation) return false;
        }
      }
    }
    this.collection.set(batch);
    return true;
  }

  /** Between two slices: what the host has queued runs, and an open document's lint runs to its squiggle. */
  private async giveWay(): Promise<void> {
    await yieldToHost();
    await this.lints.whenIdle();
  }

  /**
   * Publishes the index of the last session from the cache, then (in the
   * background) lists and stats the files and re-reads those that are new or
   * changed, and drops those gone. False, after a line in the log, when there
   * is no usable cache (none yet, unreadable, corrupt, truncated, too large,
   * made for another version, rules table, config or settings): then the
   * caller builds from scratch, as without a cache. Open documents are
   * indexed from their live text, never from the cache.
   */
  private async loadCache(generation: number): Promise<boolean> {
    const cache = this.cache!;
    const started = Date.now();
    const miss = (why: string) => {
      this.status = { ...this.status, cacheMissed: why };
      this.log.info(`Backlog index cache not used (${why}): building the index from the files`);
      return false;
    };
    try {
      let keyMs = 0;
      let readMs = 0;
      const [key, read] = await Promise.all([
        cache.key().finally(() => (keyMs = Date.now() - started)),
        cache.readText().finally(() => (readMs = Date.now() - started)),
      ]);
      if (generation !== this.generation) return false;
      if (key === undefined) return miss('the search for config files failed');
      if ('missing' in read) return miss(read.missing);
      const decodeStart = Date.now();
      const decoded = await decodeInSlices(read.text, key, () => this.giveWay());
      if (generation !== this.generation) return false;
      if ('error' in decoded) return miss(decoded.error);
      const decodedAt = Date.now();
      const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ key: folder.uri.toString(), prefix: `${folder.uri.toString().replace(/\/$/, '')}/` }));
      // Nested folders: a file belongs to the innermost, as getWorkspaceFolder says.
      folders.sort((a, b) => b.prefix.length - a.prefix.length);
      const records = new Map<string, FileRecord[]>(folders.map((folder) => [folder.key, []]));
      const known = new Map<string, FileStat | null>();
      for (const entry of decoded.cache.files) {
        const folder = folders.find((candidate) => entry.file.startsWith(candidate.prefix));
        if (!folder) continue;
        known.set(entry.file, { mtime: entry.mtime, size: entry.size });
        if (entry.record) records.get(folder.key)!.push(entry.record);
      }
      const fresh = new Map<string, BacklogGraph>();
      for (const [folder, list] of records) {
        const graph = new BacklogGraph(rulesTable());
        await runInSlices(graph.loading(list), () => this.giveWay());
        fresh.set(folder, graph);
      }
      if (generation !== this.generation) return false;
      // The documents open now: their text as it is in the editor, not as it was saved last session.
      for (const document of openDocuments().values()) {
        if (document.languageId !== 'markdown' || !isLintable(document)) continue;
        const folder = vscode.workspace.getWorkspaceFolder(document.uri);
        const graph = folder && fresh.get(folder.uri.toString());
        if (!graph) continue;
        const { config } = await this.configs.forDocument(document.uri);
        const record = indexText(document.uri.toString(), document.getText(), { config, fileName: fileNameOf(document.uri) });
        if (record) graph.update(record);
        else graph.remove(document.uri.toString());
        known.set(document.uri.toString(), null);
      }
      if (generation !== this.generation) return false;
      this.graphs.clear();
      for (const [folder, graph] of fresh) this.graphs.set(folder, graph);
      this.known.clear();
      for (const [file, stat] of known) this.known.set(file, stat);
      const readyMs = Date.now() - started;
      const phases = { keyMs, readMs, decodeMs: decodedAt - decodeStart, graphMs: Date.now() - decodedAt, kb: Math.round(read.text.length / 1024) };
      this.status = { ...this.status, source: 'cache', ...this.counts(), readyMs, refreshedMs: undefined, cacheMissed: undefined, phases };
      this.log.info(
        `Backlog index from the cache: ${known.size} files, ${this.status.items} items, in ${readyMs} ms (key: config search and files ${keyMs} ms; `
          + `file read ${readMs} ms, ${phases.kb} KB; decoded ${phases.decodeMs} ms; graph ${phases.graphMs} ms); checking the files for changes in the background`,
      );
      this.markReady();
      this.notify(true);
      void this.refreshFromDisk(generation, started).catch((error) => {
        this.log.error(`Could not bring the backlog index from the cache up to date, building it from the files: ${(error as Error)?.stack ?? error}`);
        if (generation === this.generation) void this.rebuild();
      });
      return true;
    } catch (error) {
      return miss(`${(error as Error)?.message ?? error}`);
    }
  }

  /**
   * After the cache was published: the graph diagnostics, then a listing of
   * the files and a stat of each (many in flight, none started while an open
   * document's lint is, in slices like the build), re-reading the files whose
   * modification time or size differ from the cache's and the new ones, and
   * dropping the files that are gone. Open documents are left to their live text.
   */
  private async refreshFromDisk(generation: number, started: number): Promise<void> {
    if (!(await this.publishAll(generation))) return;
    const publishedAt = Date.now();
    const uris = await filesToCheck(undefined, MARKDOWN_GLOB);
    if (generation !== this.generation) return;
    const listedAt = Date.now();
    const open = new Set(openDocuments().keys());
    const listed = new Set(uris.map((uri) => uri.toString()));
    const affected = new Map<BacklogGraph, Set<string>>();
    const note = (graph: BacklogGraph, files: Iterable<string>) => {
      let set = affected.get(graph);
      if (!set) affected.set(graph, (set = new Set()));
      for (const file of files) set.add(file);
    };
    let dropped = 0;
    for (const file of [...this.known.keys()]) {
      if (listed.has(file) || open.has(file)) continue;
      this.known.delete(file);
      const graph = this.graphForKey(file);
      if (graph?.has(file)) {
        note(graph, graph.remove(file));
        this.collection.delete(vscode.Uri.parse(file));
      }
      dropped++;
    }
    let reread = 0;
    let next = 0;
    let slice = Date.now();
    const worker = async () => {
      while (next < uris.length && generation === this.generation) {
        const uri = uris[next++];
        const key = uri.toString();
        if (open.has(key)) continue;
        await this.lints.whenIdle();
        const version = this.versions.get(key);
        const stat = await statFile(uri);
        const cached = this.known.get(key);
        if (stat && cached && cached.mtime === stat.mtime && cached.size === stat.size) continue;
        const graph = this.graphFor(uri);
        if (!graph) continue;
        const [text, { config }] = stat ? await Promise.all([readText(uri), this.configs.forDocument(uri)]) : [undefined, { config: undefined }];
        // An event re-indexed or dropped the file meanwhile, or it was opened: that is newer than what was read here.
        if (generation !== this.generation || this.versions.get(key) !== version || isOpenDocument(key)) continue;
        if (text === undefined || !stat) {
          this.known.delete(key);
          if (graph.has(key)) note(graph, graph.remove(key));
          continue;
        }
        const record = indexText(key, text, { config, once: true, fileName: fileNameOf(vscode.Uri.parse(key)) });
        note(graph, record ? graph.update(record) : graph.remove(key));
        this.known.set(key, stat);
        reread++;
        if (Date.now() - slice > 8) {
          await this.giveWay();
          slice = Date.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(readConcurrency(uris[0]), uris.length) }, worker));
    if (generation !== this.generation) return;
    for (const [graph, files] of affected) this.publish(graph, files);
    const refreshedMs = Date.now() - started;
    const refreshPhases = { diagnosticsMs: publishedAt - started - (this.status.readyMs ?? 0), searchMs: listedAt - publishedAt, statMs: Date.now() - listedAt };
    this.status = { ...this.status, ...this.counts(), refreshedMs, reread, dropped, refreshPhases };
    this.log.info(
      `Backlog index brought up to date with the files ${refreshedMs} ms after the cache load began: graph diagnostics ${publishedAt - started} ms, `
        + `file search ${listedAt - publishedAt} ms, stat of ${uris.length} files and re-reading ${reread} of them ${Date.now() - listedAt} ms; ${dropped} gone`,
    );
    this.notify(true);
    this.markRefreshed();
    // The new stats and records go to the cache; without a change the cache stays as it was.
    if (reread || dropped) this.scheduleSave(SAVE_DELAY_MS / 2);
    else if (!this.saveTimer && !this.saving) this.saved.resolve();
  }

  private counts(): { files: number; items: number } {
    let files = 0;
    let items = 0;
    for (const graph of this.graphs.values()) {
      files += graph.files().length;
      items += graph.size;
    }
    return { files, items };
  }

  /** The graph of the folder a file key is in (the innermost). */
  private graphForKey(file: string): BacklogGraph | undefined {
    return this.graphFor(vscode.Uri.parse(file));
  }

  /** A change to write to the cache, after a pause. */
  private scheduleSave(delay = SAVE_DELAY_MS): void {
    if (!this.cache?.uri) return;
    if (this.saved.done) this.saved = deferred();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, delay);
  }

  private async save(): Promise<void> {
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    const saved = this.saved;
    const writing = this.writeCache().catch((error) => {
      this.log.warn(`Could not write the backlog index cache: ${(error as Error)?.message ?? error}`);
      return true;
    });
    this.saving = writing.then(() => undefined);
    const done = await writing;
    this.saving = undefined;
    if (this.saveAgain) {
      this.saveAgain = false;
      this.scheduleSave(0);
    } else if (done && !this.saveTimer) saved.resolve();
    // Not done: a rebuild took over, and saves when it is done.
  }

  /**
   * Writes every indexed file's record with its stat: the stats the build
   * did not take are taken now (many in flight, in slices, giving way to
   * open documents' lints). A document with unsaved edits is left out (its
   * record is of text that is not on disk), and so is a file an event
   * re-indexed while its stat was taken.
   */
  /** False when a rebuild began meanwhile (nothing written: it saves when it is done). */
  private async writeCache(): Promise<boolean> {
    const generation = this.generation;
    const started = Date.now();
    const key = await this.cache!.key();
    if (generation !== this.generation) return false;
    if (key === undefined) return true;
    const dirty = new Set(vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri.toString()));
    const entries: { file: string; stat: FileStat | null; record?: FileRecord; version?: number }[] = [];
    for (const [file, stat] of this.known) {
      if (dirty.has(file)) continue;
      const graph = this.graphForKey(file);
      if (!graph) continue;
      entries.push({ file, stat, record: graph.record(file), version: this.versions.get(file) });
    }
    const missing = entries.filter((entry) => !entry.stat);
    let next = 0;
    let slice = Date.now();
    const worker = async () => {
      while (next < missing.length && generation === this.generation) {
        const entry = missing[next++];
        await this.lints.whenIdle();
        const stat = await statFile(vscode.Uri.parse(entry.file));
        if (stat && this.versions.get(entry.file) === entry.version && this.known.get(entry.file) === null) {
          entry.stat = stat;
          this.known.set(entry.file, stat);
        }
        if (Date.now() - slice > 8) {
          await this.giveWay();
          slice = Date.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(readConcurrency(vscode.Uri.parse(missing[0]?.file ?? 'untitled:')), missing.length) }, worker));
    if (generation !== this.generation) return false;
    const statsMs = Date.now() - started;
    const files: CachedFile[] = [];
    for (const entry of entries) {
      // Changed since the entry was taken: the next session reads it again.
      if (!entry.stat || this.versions.get(entry.file) !== entry.version) continue;
      files.push({ file: entry.file, mtime: entry.stat.mtime, size: entry.stat.size, ...(entry.record ? { record: entry.record } : {}) });
    }
    const text = await encodeInSlices({ key, files }, () => this.giveWay());
    if (generation !== this.generation) return false;
    await this.cache!.write(text);
    const saveMs = Date.now() - started;
    this.status = { ...this.status, saves: this.status.saves + 1, savedBytes: text.length, saveMs };
    this.log.info(`Backlog index cache written: ${files.length} files, ${Math.round(text.length / 1024)} KB, in ${saveMs} ms (stat of ${missing.length} files ${statsMs} ms)`);
    return true;
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

  /** A lint's record, once the build is done, unless the document changed since (its next lint brings the newer one). */
  private async indexLinted({ document, version, record }: LintedDocument): Promise<void> {
    if (document.languageId !== 'markdown' || !isLintable(document)) return;
    await this.building;
    const graph = this.graphFor(document.uri);
    if (!graph || document.version !== version || document.isClosed) return;
    this.applyRecord(graph, document.uri.toString(), record);
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
    const key = uri.toString();
    this.applyRecord(graph, key, indexText(key, text, { config, fileName: fileNameOf(uri) }));
  }

  /** A file's new record (undefined: it is not checked, so it holds no items). */
  private applyRecord(graph: BacklogGraph, key: string, record: FileRecord | undefined): void {
    const affected = record ? graph.update(record) : graph.remove(key);
    this.versions.set(key, ++this.versionCounter);
    // Its stat is taken when the cache is written (an open document's text may differ from the disk's until saved).
    this.known.set(key, null);
    this.publish(graph, affected);
    this.notify();
    this.scheduleSave();
  }

  private onDelete(uri: vscode.Uri): void {
    for (const graph of this.graphs.values()) {
      const gone = uri.toString();
      const folder = gone.replace(/\/?$/, '/');
      const removed = graph.files().filter((file) => file === gone || file.startsWith(folder));
      for (const file of [...this.known.keys()]) {
        if (file !== gone && !file.startsWith(folder)) continue;
        this.known.delete(file);
        this.versions.set(file, ++this.versionCounter);
        this.scheduleSave();
      }
      if (!removed.length) continue;
      const affected = new Set<string>();
      for (const file of removed) {
        for (const other of graph.remove(file)) affected.add(other);
        this.versions.set(file, ++this.versionCounter);
        this.collection.delete(vscode.Uri.parse(file));
      }
      this.publish(graph, affected);
      this.notify();
      this.scheduleSave();
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
    clearTimeout(this.saveTimer);
    this.generation++;
    // Workers waiting for a lint that will never end (the controller is going too) stop now.
    this.workerGate?.stop();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** One worker thread's timing, for the build's log line. */
function describeThread(timing: WorkerTiming): string {
  return `thread start ${timing.startupMs} ms, walk ${timing.walkMs} ms, reads ${timing.readMs} ms, engine ${timing.indexMs} ms, paused ${timing.pausedMs} ms`;
}

/** The documents open in the editor, by URI string. */
function openDocuments(): Map<string, vscode.TextDocument> {
  const open = new Map<string, vscode.TextDocument>();
  for (const document of vscode.workspace.textDocuments) if (!document.isClosed) open.set(document.uri.toString(), document);
  return open;
}

function isOpenDocument(key: string): boolean {
  return vscode.workspace.textDocuments.some((document) => !document.isClosed && document.uri.toString() === key);
}

/** Whether a closed file is one the settings let the extension check (the same test as an open document's). */
function isIndexed(uri: vscode.Uri): boolean {
  const settings = settingsFor(uri);
  if (!settings.enable || /\/node_modules\/|\/\.[^/]+\//.test(uri.path)) return false;
  const asDocument = { uri, languageId: 'markdown' } as vscode.TextDocument;
  return !settings.exclude.some((pattern) => vscode.languages.match({ pattern }, asDocument) > 0);
}

