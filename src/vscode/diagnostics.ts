import * as vscode from 'vscode';
import type { FileRecord, Finding } from '../core';
import type { ConfigStore } from './configStore';
import { toDiagnostic } from './convert';
import { isConfigDocument, isLintable } from './documents';
import { findingsOfFile } from './findings';
import type { FileFindings } from './findings';
import { settingsFor } from './settings';

/** A Markdown document's lint, published: its index record came from the same parse. */
export interface LintedDocument {
  document: vscode.TextDocument;
  version: number;
  /** Undefined when the document was not checked (too large, not text). */
  record: FileRecord | undefined;
}

/** What was linted for a document: its version, the config generation and the findings. */
interface LintState {
  version: number;
  generation: number;
  findings: Finding[];
  /** True while the lint of this version is still running (its findings are not in yet). */
  pending?: boolean;
}

/**
 * Keeps the Problems panel in step with open documents: lints on open,
 * while typing (debounced) or on save, when a config changes; clears on close.
 * Each document version is linted once, however many events announce it.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('agile-artifacts');
  private readonly states = new Map<string, LintState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly linted = new vscode.EventEmitter<LintedDocument>();
  /**
   * Fires when a Markdown document's diagnostics are published, with the index
   * record of the same parse: the backlog index follows typing from here
   * instead of parsing the document a second time per keystroke.
   */
  readonly onDidLintMarkdown = this.linted.event;
  private readonly busy = new vscode.EventEmitter<boolean>();
  /**
   * Fires true when a lint starts with none in flight, false when the last one
   * in flight is done: the backlog index's worker threads pause in between,
   * so an opened file's squiggle has the CPU.
   */
  readonly onDidChangeBusy = this.busy.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.linted, this.busy];
  /** Lints started and not yet published, and who waits for there to be none. */
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly configs: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.lintNow(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.lintNow(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    );
  }

  /** The findings behind the current diagnostics of a document (for code actions). */
  findingsFor(document: vscode.TextDocument): Finding[] {
    const state = this.states.get(document.uri.toString());
    return state && state.version === document.version ? state.findings : [];
  }

  /**
   * The findings of the document as it is now, linting it if the last
   * result is stale (on save, typing may not have been linted yet).
   */
  async currentFindings(document: vscode.TextDocument): Promise<Finding[]> {
    if (!isLintable(document)) return [];
    const state = this.states.get(document.uri.toString());
    if (state && !state.pending && state.version === document.version && state.generation === this.configs.generation) return state.findings;
    return (await this.findingsOf(document)).findings;
  }

  /** Whether a lint is in flight now. */
  get isBusy(): boolean {
    return this.inFlight > 0;
  }

  /** Resolves when no lint is in flight: background work (the backlog index) waits here so that a squiggle never waits for it. */
  whenIdle(): Promise<void> {
    if (!this.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.lintNow(document);
  }

  /** Lints unless this version was already linted with the current configs. */
  lintNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!isLintable(document)) {
      // Also drops the state, so a lint still in flight cannot publish for a disabled document.
      this.forget(document.uri);
      return;
    }
    const state = this.states.get(key);
    if (state && state.version === document.version && state.generation === this.configs.generation) return;
    void this.lint(document);
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    const document = event.document;
    if (!event.contentChanges.length || !isLintable(document)) return;
    const settings = settingsFor(document.uri);
    if (settings.run === 'onSave' && !isConfigDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.lintNow(document), settings.lintDelay));
  }

  private async lint(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const generation = this.configs.generation;
    // While the text is unchanged, the findings behind the diagnostics still shown stay at hand for quick
    // fixes: a re-lint of the same version (a config change, a second open event) must not hide them.
    const previous = this.states.get(key);
    this.states.set(key, { version, generation, findings: previous?.version === version ? previous.findings : [], pending: true });
    if (this.inFlight++ === 0) this.busy.fire(true);
    try {
      const { findings, configUri, skipped, record } = await this.findingsOf(document);
      const state = this.states.get(key);
      // A newer version, a newer config or a closed document wins over this (now stale) result.
      if (!state || state.version !== version || state.generation !== generation || document.isClosed) return;
      this.states.set(key, { version, generation, findings });
      this.collection.set(document.uri, findings.map((finding) => toDiagnostic(finding, document.uri, configUri)));
      if (!isConfigDocument(document) && (record || skipped)) this.linted.fire({ document, version, record });
    } catch (error) {
      this.log.error(`Could not check ${document.uri.toString(true)}: ${(error as Error)?.stack ?? error}`);
    } finally {
      if (--this.inFlight === 0) {
        this.busy.fire(false);
        this.idleWaiters.splice(0).forEach((resolve) => resolve());
      }
    }
  }

  private async findingsOf(document: vscode.TextDocument): Promise<FileFindings> {
    const result = await findingsOfFile(document.uri, document.getText(), this.configs, true);
    if (result.skipped) this.log.info(`Skipped ${document.uri.toString(true)}: ${result.skipped}`);
    return result;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
