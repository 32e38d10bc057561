import * as vscode from 'vscode';
import { LineIndex, findMentions, graphItemCard, idCandidatesAt } from '../../core';
import type { BacklogGraph, GraphItem } from '../../core';
import { toRange } from '../convert';
import type { WorkspaceIndex } from './workspaceIndex';

const decoder = new TextDecoder('utf-8');

export function locationOf(item: GraphItem): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(item.file), toRange(item.anchor));
}

/**
 * What the cursor is on, as the backlog reads it: a parent field's value,
 * a Markdown link to an item's file, or an id-like word that is an item's id.
 */
export function targetAt(index: WorkspaceIndex, document: vscode.TextDocument, position: vscode.Position): { graph: BacklogGraph; item: GraphItem; range: vscode.Range; id?: string } | undefined {
  const graph = index.graphFor(document.uri);
  if (!graph) return undefined;
  const file = document.uri.toString();
  const own = graph.itemAt(file, position.line);
  if (own?.parentRef) {
    const range = toRange(own.parentRef.range);
    if (range.contains(position)) {
      const parent = graph.parentOf(own);
      const link = graph.parentLink(own);
      if (parent && link.via === 'field') return { graph, item: parent, range, id: parent.id };
    }
  }
  const line = document.lineAt(position.line).text;
  const link = /\[[^\]]*\]\(\s*<?([^)>\s]+)>?[^)]*\)/g;
  for (const match of line.matchAll(link)) {
    const start = match.index!;
    if (position.character < start || position.character > start + match[0].length) continue;
    const item = graph.resolveReference(match[0], file);
    if (item) return { graph, item, range: new vscode.Range(position.line, start, position.line, start + match[0].length), id: item.id };
  }
  for (const candidate of idCandidatesAt(line, position.character)) {
    const item = graph.itemsWithId(candidate.text, file)[0];
    if (item) return { graph, item, range: new vscode.Range(position.line, candidate.start, position.line, candidate.end), id: candidate.text };
  }
  return undefined;
}

/** Go to Definition on an id, a parent reference or a link to an item's file. */
export class BacklogDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.DefinitionLink[] | undefined {
    const target = targetAt(this.index, document, position);
    if (!target) return undefined;
    const location = locationOf(target.item);
    return [{ originSelectionRange: target.range, targetUri: location.uri, targetRange: location.range, targetSelectionRange: location.range }];
  }
}

/** Every place an id is written in the backlog's files, open ones as they are now. */
export async function mentionsOf(graph: BacklogGraph, id: string, token?: vscode.CancellationToken): Promise<{ uri: vscode.Uri; range: vscode.Range }[]> {
  const found: { uri: vscode.Uri; range: vscode.Range }[] = [];
  for (const file of graph.files()) {
    if (token?.isCancellationRequested) break;
    const uri = vscode.Uri.parse(file);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file);
    let text: string;
    try {
      text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    const mentions = findMentions(text, id);
    if (!mentions.length) continue;
    // Positions from the text itself: opening a closed file just to count lines would lint and index it.
    const lines = new LineIndex(text);
    for (const mention of mentions) found.push({ uri, range: toRange(lines.rangeOf(mention.start, mention.end)) });
  }
  return found;
}

/** Find All References on an item's id: every mention, and the children that name it by nesting or folder. */
export class BacklogReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const target = targetAt(this.index, document, position) ?? this.headingTarget(document, position);
    if (!target?.item.id) return undefined;
    const locations = (await mentionsOf(target.graph, target.item.id, token)).map(({ uri, range }) => new vscode.Location(uri, range));
    const declaration = locationOf(target.item);
    const result = context.includeDeclaration ? locations : locations.filter((location) => !(location.uri.toString() === declaration.uri.toString() && location.range.intersection(declaration.range)));
    for (const child of target.graph.childrenOf(target.item)) {
      const at = locationOf(child);
      if (!result.some((location) => location.uri.toString() === at.uri.toString() && location.range.start.line === at.range.start.line)) result.push(at);
    }
    return result;
  }

  private headingTarget(document: vscode.TextDocument, position: vscode.Position) {
    const found = this.index.itemAt(document.uri, position.line);
    return found && found.item.anchor.start.line === position.line ? { ...found, range: toRange(found.item.anchor) } : undefined;
  }
}

/** Rename (F2) of an item's id: the id and every mention of it, in one workspace edit. */
export class BacklogRenameProvider implements vscode.RenameProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const line = document.lineAt(position.line).text;
    const graph = this.index.graphFor(document.uri);
    for (const candidate of idCandidatesAt(line, position.character)) {
      if (graph?.itemsWithId(candidate.text).length) return { range: new vscode.Range(position.line, candidate.start, position.line, candidate.end), placeholder: candidate.text };
    }
    throw new Error('Rename works on the id of a backlog item (such as FEAT-001).');
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    const { placeholder } = this.prepareRename(document, position);
    const graph = this.index.graphFor(document.uri)!;
    const edit = new vscode.WorkspaceEdit();
    for (const { uri, range } of await mentionsOf(graph, placeholder, token)) {
      edit.replace(uri, range, newName.trim(), { label: `Rename ${placeholder} to ${newName.trim()}`, needsConfirmation: false });
    }
    return edit;
  }
}

/** Ctrl+T: items by id and title. */
export class BacklogSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const symbols: vscode.SymbolInformation[] = [];
    for (const { graph } of this.index.allGraphs()) {
      for (const item of graph.items()) {
        const name = [item.id, item.title].filter(Boolean).join(' ');
        const haystack = name.toLowerCase();
        if (!words.every((word) => haystack.includes(word))) continue;
        const artifact = graph.artifact(item.type);
        const kind = artifact?.rank === 4 ? vscode.SymbolKind.Module : artifact?.rank === 3 ? vscode.SymbolKind.Namespace : artifact?.rank === 2 ? vscode.SymbolKind.Class : vscode.SymbolKind.Event;
        symbols.push(new vscode.SymbolInformation(name, kind, artifact?.name ?? item.type, locationOf(item)));
        if (symbols.length >= 500) return symbols;
      }
    }
    return symbols;
  }
}

/** The hover on an item's id or a reference to it: the item as the backlog knows it. */
export function backlogHover(index: WorkspaceIndex, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const target = targetAt(index, document, position);
  if (!target) return undefined;
  const markdown = graphItemCard(target.graph, target.item, (item) => {
    const uri = vscode.Uri.parse(item.file).with({ fragment: `L${item.line + 1}` });
    return uri.toString();
  });
  return new vscode.Hover(new vscode.MarkdownString(markdown), target.range);
}
