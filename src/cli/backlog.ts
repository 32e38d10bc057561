import * as path from 'node:path';
import { backlogEntries, CONFIG_FILE_NAME, lintDocument, resolverFor, rulesTable, skipReason } from '../core';
import type { BacklogEntry } from '../core';
import { ConfigFinder } from './configs';
import type { LoadedConfig } from './configs';
import { displayPath, expandPaths, readText } from './files';

/** One item of the backlog listing, with the file it is in (SPEC §4 `backlog --format json`). */
export interface FileBacklogEntry extends Omit<BacklogEntry, 'depth' | 'parentRef'> {
  file: string;
}

/** The items found in the given paths, sorted by file and line; unreadable files are reported on stderr. */
export function collectBacklog(positionals: string[], cwd: string, fixed: LoadedConfig | undefined, stderr: (text: string) => void): { entries: FileBacklogEntry[]; depths: number[] } {
  const files = expandPaths(positionals, cwd);
  const configs = new ConfigFinder(fixed);
  const table = rulesTable();
  const entries: FileBacklogEntry[] = [];
  const depths: number[] = [];
  for (const file of files.sort()) {
    if (path.basename(file) === CONFIG_FILE_NAME) continue;
    const shown = displayPath(file, cwd);
    const read = readText(file);
    const skipped = 'error' in read ? read.error : skipReason(read.text);
    if (skipped || 'error' in read) {
      stderr(`agile-artifacts: skipped ${shown}: ${skipped}\n`);
      continue;
    }
    const { config, resolver } = configs.forFile(file);
    const linted = lintDocument(read.text, { fileName: file, config, resolver });
    for (const { depth, parentRef, ...entry } of backlogEntries(linted.doc, linted.items, linted.findings, table, resolver ?? resolverFor(table, config))) {
      entries.push({ file: shown, ...entry, parent: entry.parent?.startsWith(':') ? `${shown}${entry.parent}` : entry.parent });
      depths.push(depth);
    }
  }
  return { entries, depths };
}

/** The listing as an indented tree: each item under the one it is written in. */
export function formatBacklogText(entries: readonly FileBacklogEntry[], depths: readonly number[], typeName: (id: string) => string): string {
  if (!entries.length) return 'No backlog items found.\n';
  const lines = entries.map((entry, i) => {
    const problems = entry.findings ? `(${entry.findings} finding${entry.findings === 1 ? '' : 's'})` : '';
    // `Epic 10` already says its type; `US 10.1` does not.
    const name = entry.id?.toLowerCase().startsWith(typeName(entry.type).toLowerCase()) ? entry.id : [typeName(entry.type), entry.id].filter(Boolean).join(' ');
    const parts = [name, entry.title && `— ${entry.title}`, ` ${entry.file}:${entry.line}`, problems];
    return '  '.repeat(depths[i]) + parts.filter(Boolean).join(' ');
  });
  const files = new Set(entries.map((entry) => entry.file)).size;
  return `${lines.join('\n')}\n\n${entries.length} item${entries.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`;
}
