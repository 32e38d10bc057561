import * as fs from 'node:fs';
import * as path from 'node:path';
import { BacklogGraph, CONFIG_FILE_NAME, graphFindings, rulesTable } from '../core';
import type { BacklogEntry, GraphItem } from '../core';
import { ConfigFinder } from './configs';
import type { LoadedConfig } from './configs';
import { displayPath, expandPaths } from './files';
import { runFileTasks } from './parallel';

/** One item of the backlog listing, with the file it is in (SPEC §4 `backlog --format json`). */
export interface FileBacklogEntry extends Omit<BacklogEntry, 'depth' | 'parentRef'> {
  file: string;
}

/** The listing: entries by file and line (JSON), and the tree order with depths (text). */
export interface Backlog {
  entries: FileBacklogEntry[];
  tree: { entry: FileBacklogEntry; depth: number }[];
}

/**
 * The items found in the given paths, linked across files as SPEC §7 reads
 * parents; unreadable and skipped files are reported on stderr.
 */
export function collectBacklog(positionals: string[], cwd: string, fixed: LoadedConfig | undefined, stderr: (text: string) => void, jobs = 1): Backlog {
  const files = expandPaths(positionals, cwd)
    .filter((file) => path.basename(file) !== CONFIG_FILE_NAME)
    .sort();
  const configs = new ConfigFinder(fixed);
  const graph = new BacklogGraph(rulesTable(), { exists: (file) => fs.existsSync(file) });
  const byItem = new Map<string, FileBacklogEntry>();
  const entries: FileBacklogEntry[] = [];
  const outcomes = runFileTasks('backlog', files, configs, fixed?.file, jobs);
  files.forEach((file, i) => {
    const outcome = outcomes[i];
    const shown = displayPath(file, cwd);
    if ('skipped' in outcome) return stderr(`agile-artifacts: skipped ${shown}: ${outcome.skipped}\n`);
    const { record } = outcome;
    graph.update(record);
    (outcome.entries ?? []).forEach((entry, j) => {
      const listed = { file: shown, ...entry };
      entries.push(listed);
      byItem.set(record.items[j].key, listed);
    });
  });
  const name = (item: GraphItem) => item.id ?? `${displayPath(item.file, cwd)}:${item.shape === 'file' ? 1 : item.line + 1}`;
  for (const file of graph.files()) {
    for (const finding of graphFindings(graph, file)) {
      const item = graph.itemAt(file, finding.range.start.line);
      const entry = item && byItem.get(item.key);
      if (entry) entry.findings++;
    }
  }
  for (const item of graph.items()) {
    const entry = byItem.get(item.key);
    const parent = graph.parentOf(item);
    if (entry) entry.parent = parent ? name(parent) : null;
  }
  return { entries, tree: treeOrder(graph, byItem) };
}

/** Depth-first from the top items; a parent loop is entered once (its first item is at the top). */
function treeOrder(graph: BacklogGraph, byItem: Map<string, FileBacklogEntry>): Backlog['tree'] {
  const tree: Backlog['tree'] = [];
  const seen = new Set<GraphItem>();
  const visit = (item: GraphItem, depth: number) => {
    if (seen.has(item)) return;
    seen.add(item);
    const entry = byItem.get(item.key);
    if (entry) tree.push({ entry, depth });
    for (const child of graph.childrenOf(item)) visit(child, depth + 1);
  };
  for (const item of graph.topItems()) visit(item, 0);
  return tree;
}

/** The listing as an indented tree: each item under its parent, across files. */
export function formatBacklogText(tree: Backlog['tree'], typeName: (id: string) => string): string {
  if (!tree.length) return 'No backlog items found.\n';
  const lines = tree.map(({ entry, depth }) => {
    const problems = entry.findings ? `(${entry.findings} finding${entry.findings === 1 ? '' : 's'})` : '';
    // `Epic 10` already says its type; `US 10.1` does not.
    const name = entry.id?.toLowerCase().startsWith(typeName(entry.type).toLowerCase()) ? entry.id : [typeName(entry.type), entry.id].filter(Boolean).join(' ');
    const parts = [name, entry.title && `— ${entry.title}`, ` ${entry.file}:${entry.line}`, problems];
    return '  '.repeat(depth) + parts.filter(Boolean).join(' ');
  });
  const files = new Set(tree.map(({ entry }) => entry.file)).size;
  return `${lines.join('\n')}\n\n${tree.length} item${tree.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`;
}
