import * as assert from 'node:assert/strict';
import { BacklogGraph, graphFindings, indexText, rulesTable } from '../../src/core';
import type { ArtifactsConfig, FileRecord, GraphItem, GraphOptions } from '../../src/core';

/** The index record of a small Markdown text; fails the test when the file is skipped. */
export function record(file: string, text: string, config?: ArtifactsConfig): FileRecord {
  const made = indexText(file, text, config ? { config } : {});
  assert.ok(made, `${file} was skipped`);
  return made;
}

/** A graph of the given files (path → text), updated one file at a time in the order given. */
export function graphOf(files: Record<string, string>, options: GraphOptions = {}): BacklogGraph {
  const graph = new BacklogGraph(rulesTable(), options);
  for (const [file, text] of Object.entries(files)) graph.update(record(file, text));
  return graph;
}

/** The item that starts at zero-based `line` of `file` (a file item starts at 0). */
export function itemIn(graph: BacklogGraph, file: string, line = 0): GraphItem {
  const found = graph.item(`${file}#${line}`);
  assert.ok(found, `no item at ${file}#${line}; the file has ${graph.record(file)?.items.map((item) => item.key).join(', ') || 'no items'}`);
  return found;
}

/** Where the item's parent is (`file#line`) and how it was found, or `-` at the top. */
export function parentOf(graph: BacklogGraph, file: string, line = 0): string {
  const link = graph.parentLink(itemIn(graph, file, line));
  return link.parent ? `${link.parent.key} by ${link.via}` : '-';
}

/** Every graph finding of the workspace as `file:line rule/severity` (1-based lines, as the CLI prints them). */
export function findingsOf(graph: BacklogGraph): string[] {
  return graph.files().flatMap((file) => graphFindings(graph, file).map((finding) => `${file}:${finding.range.start.line + 1} ${finding.rule}/${finding.severity}`));
}

/** The graph findings of one file, whole. */
export function findingsIn(graph: BacklogGraph, file: string) {
  return graphFindings(graph, file);
}

/** A file item of `type` with front matter: `fields` (`parent: FT-1`) and a heading. */
export function typed(type: string, title: string, ...fields: string[]): string {
  return `---\ntype: ${type}\n${fields.map((field) => `${field}\n`).join('')}---\n# ${title}\n`;
}

/** A complete story body (voice and criteria), so nothing per file distracts from the graph. */
export const STORY_BODY = 'As a shopper, I want to save my card so that I pay faster.\n\n## Acceptance Criteria\n\n- Given a card, when I pay, then it is saved.\n';
