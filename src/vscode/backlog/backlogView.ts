import * as vscode from 'vscode';
import type { BacklogGraph, GraphItem } from '../../core';
import { DIAGNOSTIC_SOURCE, toRange } from '../convert';
import type { WorkspaceIndex } from './workspaceIndex';

/** A node of the Backlog view: an item, the group of items without a parent, or a workspace folder. */
export type BacklogNode =
  | { kind: 'item'; graph: BacklogGraph; item: GraphItem; trail: ReadonlySet<string>; depth: number }
  | { kind: 'orphans'; graph: BacklogGraph; items: GraphItem[] }
  | { kind: 'folder'; folder: vscode.WorkspaceFolder; graph: BacklogGraph };

/** What a node shows, as plain data: the integration tests read the tree through this. */
export interface BacklogNodeView {
  label: string;
  description?: string;
  /** What a click runs. */
  command?: vscode.Command;
  /** Whether the view shows the node open or closed at first (a node without children has neither). */
  state?: 'expanded' | 'collapsed';
  children: BacklogNodeView[];
}

// Codicons per type, by the type's base (an enabler feature looks like a feature, with the enabler's colour).
const ICONS: Record<string, string> = { epic: 'rocket', capability: 'layers', feature: 'package', story: 'bookmark', enabler: 'tools' };

/**
 * The Backlog view: epics → capabilities → features → stories across the
 * workspace, items without the parent their type expects grouped at the end.
 * Each item shows its id and status, a problem badge, and opens at its line.
 */
export class BacklogTreeProvider implements vscode.TreeDataProvider<BacklogNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<BacklogNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  /** Problem lines per file, read from the diagnostics once per file and render, not once per item. */
  private problems = new ProblemLines();

  constructor(private readonly index: WorkspaceIndex) {
    this.disposables.push(
      index.onDidChange(() => this.refresh()),
      // Problem badges follow the Problems panel.
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleBadgeRefresh()),
    );
  }

  private refresh(): void {
    this.problems = new ProblemLines();
    this.emitter.fire(undefined);
  }

  private badgeTimer: ReturnType<typeof setTimeout> | undefined;
  private scheduleBadgeRefresh(): void {
    clearTimeout(this.badgeTimer);
    this.badgeTimer = setTimeout(() => this.refresh(), 300);
  }

  getChildren(node?: BacklogNode): BacklogNode[] {
    if (!node) {
      const graphs = this.index.allGraphs();
      if (graphs.length === 1) return topNodes(graphs[0].graph);
      return graphs.map(({ folder, graph }) => ({ kind: 'folder' as const, folder, graph }));
    }
    if (node.kind === 'folder') return topNodes(node.graph);
    if (node.kind === 'orphans') return node.items.map((item) => itemNode(node.graph, item, NO_TRAIL, 1));
    const trail = new Set(node.trail).add(node.item.key);
    return node.graph
      .childrenOf(node.item)
      .filter((child) => !node.trail.has(child.key))
      .map((child) => itemNode(node.graph, child, trail, node.depth + 1));
  }

  getTreeItem(node: BacklogNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.Folder;
      return item;
    }
    if (node.kind === 'orphans') {
      const item = new vscode.TreeItem('Without a parent', vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.items.length}`;
      item.tooltip = 'Stories, features and capabilities whose parent SAFe expects but the backlog does not give';
      item.iconPath = new vscode.ThemeIcon('question');
      return item;
    }
    const hasChildren = node.graph.someChild(node.item, (child) => !node.trail.has(child.key));
    // The top items open with their children; deeper ones when asked, so the view's first render is the top of the tree, not all of it.
    const state = !hasChildren ? vscode.TreeItemCollapsibleState.None : node.depth === 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    return itemTreeItem(node.graph, node.item, state, this.problems);
  }

  /** The tooltip, made only when the mouse is over the item. */
  resolveTreeItem(treeItem: vscode.TreeItem, node: BacklogNode): vscode.TreeItem {
    if (node.kind === 'item') {
      const { item, graph } = node;
      const artifact = graph.artifact(item.type);
      treeItem.tooltip = new vscode.MarkdownString(`**${artifact?.name ?? item.type}${item.id ? ` ${item.id}` : ''}** — ${item.title}\n\n${vscode.workspace.asRelativePath(this.problems.uri(item.file))}:${item.line + 1}`);
    }
    return treeItem;
  }

  /**
   * The tree as plain data (for tests, the screenshot script and the bench):
   * the whole of it, or with `opened` only what the view asks for before it
   * first shows (the nodes that open expanded, and their children).
   */
  snapshot({ opened = false }: { opened?: boolean } = {}): BacklogNodeView[] {
    const view = (node: BacklogNode, depth: number): BacklogNodeView => {
      const treeItem = this.getTreeItem(node);
      const label = typeof treeItem.label === 'string' ? treeItem.label : (treeItem.label?.label ?? '');
      const state = treeItem.collapsibleState === vscode.TreeItemCollapsibleState.Expanded ? 'expanded' : treeItem.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed ? 'collapsed' : undefined;
      const descend = depth <= 20 && (!opened || state === 'expanded');
      return { label, description: typeof treeItem.description === 'string' ? treeItem.description : undefined, command: treeItem.command, ...(state ? { state } : {}), children: descend ? this.getChildren(node).map((child) => view(child, depth + 1)) : [] };
    };
    return this.getChildren().map((node) => view(node, 0));
  }

  dispose(): void {
    clearTimeout(this.badgeTimer);
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

const NO_TRAIL: ReadonlySet<string> = new Set();

function topNodes(graph: BacklogGraph): BacklogNode[] {
  const top = graph.topItems();
  const orphans = top.filter((item) => graph.isOrphan(item));
  const nodes: BacklogNode[] = top.filter((item) => !graph.isOrphan(item)).map((item) => itemNode(graph, item, NO_TRAIL, 0));
  if (orphans.length) nodes.push({ kind: 'orphans', graph, items: orphans });
  return nodes;
}

function itemNode(graph: BacklogGraph, item: GraphItem, trail: ReadonlySet<string>, depth: number): BacklogNode {
  return { kind: 'item', graph, item, trail, depth };
}

function itemTreeItem(graph: BacklogGraph, item: GraphItem, state: vscode.TreeItemCollapsibleState, problemLines: ProblemLines): vscode.TreeItem {
  const artifact = graph.artifact(item.type);
  const treeItem = new vscode.TreeItem(item.title || artifact?.name || item.type, state);
  const uri = problemLines.uri(item.file);
  const problems = problemLines.count(graph, item);
  treeItem.id = item.key;
  treeItem.description = [item.id, item.status, problems ? `${problems} problem${problems === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ');
  const icon = ICONS[artifact?.base ?? item.type] ?? ICONS[item.type] ?? 'circle-outline';
  treeItem.iconPath = new vscode.ThemeIcon(icon, problems ? new vscode.ThemeColor('list.warningForeground') : artifact?.enabler ? new vscode.ThemeColor('charts.purple') : undefined);
  treeItem.contextValue = 'backlogItem';
  treeItem.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: toRange(item.anchor) } satisfies vscode.TextDocumentShowOptions] };
  return treeItem;
}

/**
 * Our diagnostics (hints aside) per file, as the zero-based lines they start
 * on, read once per render from all of the editor's diagnostics (one call,
 * not one per file or per item: most files have none).
 */
export class ProblemLines {
  private lines: Map<string, number[]> | undefined;
  private readonly uris = new Map<string, vscode.Uri>();

  uri(file: string): vscode.Uri {
    let uri = this.uris.get(file);
    if (!uri) this.uris.set(file, (uri = vscode.Uri.parse(file)));
    return uri;
  }

  /** Our diagnostics (hints aside) on the item's own lines (its range, less its children written inside it). */
  count(graph: BacklogGraph, item: GraphItem): number {
    if (!this.lines) {
      this.lines = new Map();
      for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
        const lines: number[] = [];
        for (const diagnostic of diagnostics) {
          // Hints (an outdated term) are not problems: the Problems panel does not list them either.
          if (diagnostic.source !== DIAGNOSTIC_SOURCE || diagnostic.severity === vscode.DiagnosticSeverity.Hint) continue;
          lines.push(diagnostic.range.start.line);
        }
        if (!lines.length) continue;
        const key = uri.toString();
        this.lines.set(key, [...(this.lines.get(key) ?? []), ...lines]);
      }
    }
    const lines = this.lines.get(item.file);
    if (!lines) return 0;
    let count = 0;
    for (const line of lines) {
      if (line < item.line || line >= Math.max(item.endLine, item.line + 1)) continue;
      if (graph.itemAt(item.file, line) === item) count++;
    }
    return count;
  }
}
