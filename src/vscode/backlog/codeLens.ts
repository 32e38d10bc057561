import * as vscode from 'vscode';
import { toRange } from '../convert';
import { SECTION } from '../settings';
import { ProblemLines } from './backlogView';
import { locationOf } from './navigation';
import type { WorkspaceIndex } from './workspaceIndex';

export const SHOW_CHILDREN_COMMAND = 'agileArtifacts.showChildren';

/** "4 stories · 1 with problems" above each item that has children; `agileArtifacts.codeLens` turns it off. */
export class BacklogCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    this.disposables = [
      this.emitter,
      index.onDidChange(() => this.refreshIfChanged()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.codeLens`)) {
          this.shown.clear();
          this.emitter.fire();
        }
      }),
    ];
  }

  /** What each open document's lenses said last; the editor is asked again only when that changes (a refresh closes an open hover). */
  private readonly shown = new Map<string, string>();

  private refreshIfChanged(): void {
    let changed = false;
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      if (!this.shown.has(key)) continue;
      const now = signature(this.lensesOf(document));
      if (now !== this.shown.get(key)) changed = true;
    }
    for (const key of this.shown.keys()) {
      if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === key)) this.shown.delete(key);
    }
    if (changed || !this.shown.size) this.emitter.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses = this.lensesOf(document);
    this.shown.set(document.uri.toString(), signature(lenses));
    return lenses;
  }

  private lensesOf(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration(SECTION, document.uri).get<boolean>('codeLens', true)) return [];
    const graph = this.index.graphFor(document.uri);
    const record = graph?.record(document.uri.toString());
    if (!graph || !record) return [];
    const lenses: vscode.CodeLens[] = [];
    const problems = new ProblemLines();
    for (const item of record.items) {
      const children = graph.childrenOf(item);
      if (!children.length) continue;
      const counts = new Map<string, number>();
      for (const child of children) counts.set(child.type, (counts.get(child.type) ?? 0) + 1);
      const parts = [...counts].map(([type, count]) => {
        const artifact = graph.artifact(type);
        return `${count} ${count === 1 ? (artifact?.name ?? type).toLowerCase() : (artifact?.plural ?? type)}`;
      });
      const withProblems = children.filter((child) => problems.count(graph, child) > 0).length;
      if (withProblems) parts.push(`${withProblems} with problems`);
      const range = toRange(item.anchor);
      lenses.push(
        new vscode.CodeLens(new vscode.Range(range.start, range.start), {
          title: parts.join(' · '),
          tooltip: `Show the items under ${item.id ?? item.title}`,
          command: SHOW_CHILDREN_COMMAND,
          arguments: [document.uri, range.start, children.map(locationOf)],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

function signature(lenses: vscode.CodeLens[]): string {
  return lenses.map((lens) => `${lens.range.start.line}:${lens.command?.title}`).join('|');
}

/** Peeks the children of an item, as "Find All References" shows places. */
export function showChildren(uri: vscode.Uri, position: vscode.Position, locations: vscode.Location[]): Thenable<unknown> {
  return vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
}

