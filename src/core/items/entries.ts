import type { ParsedDocument } from '../document/parse';
import { actionFieldMap } from '../lint/checks/roleFieldItems';
import type { RoleResolver } from '../roles/resolve';
import type { RulesTable } from '../rules/types';
import type { Finding } from '../types';
import type { Item } from './model';

/** A role a field gives the item: `accepted-by: PO` is `{ action: accept, value: PO, role: product-owner }`. */
export interface RoleAssignment {
  action: string;
  value: string;
  /** The role id the value names (a roster person's first role), or null for a person, team or placeholder. */
  role: string | null;
  /** 1-based. */
  line: number;
}

/** One item as `agile-artifacts backlog` shows it (SPEC §4): plain data, positions 1-based. */
export interface BacklogEntry {
  line: number;
  endLine: number;
  type: string;
  id: string | null;
  title: string;
  /** The parent's id, or `file:line` (here `:line`, the caller adds the file) when it has none; null at the top. */
  parent: string | null;
  /** The parent field's value as written, for the workspace graph. */
  parentRef: string | null;
  detectedBy: string;
  roles: RoleAssignment[];
  /** Findings on the item's own lines. */
  findings: number;
  /** Depth below the document's top items. */
  depth: number;
}

/** Describes the items of one linted document, index entries left out. */
export function backlogEntries(doc: ParsedDocument, items: readonly Item[], findings: readonly Finding[], table: RulesTable, resolver: RoleResolver): BacklogEntry[] {
  const real = items.filter((item) => !item.indexEntry);
  const owner = new Map<number, Item>();
  for (const item of real) for (const line of ownLineNumbers(item)) owner.set(line, item);
  const counts = new Map<Item, number>();
  const firstBodyLine = doc.body.lines[0]?.line ?? doc.index.lineCount;
  for (const finding of findings) {
    const line = finding.range.start.line;
    const item = owner.get(line) ?? (line < firstBodyLine && real[0]?.shape === 'file' ? real[0] : undefined);
    if (item) counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return real.map((item) => {
    const roles = roleAssignments(item, doc, table, resolver);
    let depth = 0;
    for (let parent = item.parent; parent; parent = parent.parent) depth++;
    return {
      line: item.shape === 'file' ? 1 : item.startLine + 1,
      endLine: Math.max(item.startLine + 1, lastLine(item, doc)),
      type: item.artifact.id,
      id: item.id ?? null,
      title: item.title,
      parent: item.parent ? (item.parent.id ?? `:${item.parent.shape === 'file' ? 1 : item.parent.startLine + 1}`) : null,
      parentRef: item.parentRef?.text ?? null,
      detectedBy: item.detectedBy,
      roles,
      findings: counts.get(item) ?? 0,
      depth,
    };
  });
}

/** The roles the item's fields give it, one per value that names a role, person or placeholder. */
export function roleAssignments(item: Item, doc: ParsedDocument, table: RulesTable, resolver: RoleResolver): RoleAssignment[] {
  const actions = actionFieldMap(table);
  const roles: RoleAssignment[] = [];
  for (const field of item.fields) {
    const action = actions.get(field.normalizedKey);
    if (!action) continue;
    for (const value of field.values) {
      for (const part of resolver.resolveValue(value.text, value.start)) {
        const match = part.match;
        const role = match.kind === 'role' ? match.role.id : match.kind === 'person' ? (match.roles[0]?.id ?? null) : null;
        roles.push({ action: action.id, value: part.text, role, line: doc.index.positionAt(part.start).line + 1 });
      }
    }
  }
  return roles;
}

function ownLineNumbers(item: Item): number[] {
  return item.lines.map((line) => line.line);
}

/** The 1-based last line of an item, trailing blank lines left out. */
function lastLine(item: Item, doc: ParsedDocument): number {
  let last = Math.min(item.endLine, doc.index.lineCount) - 1;
  while (last > item.startLine && !doc.index.lineText(last).trim()) last--;
  return last + 1;
}
