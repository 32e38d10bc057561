import type { ArtifactsConfig } from '../config/types';
import type { ParsedDocument } from '../document/parse';
import { roleAssignments } from '../items/entries';
import type { RoleAssignment } from '../items/entries';
import type { Item, ItemShape } from '../items/model';
import { isPlaceholder } from '../roles/placeholders';
import type { RoleResolver } from '../roles/resolve';
import type { RulesTable } from '../rules/types';
import type { Finding, Range, RuleLevel } from '../types';

/** The rules the backlog graph gives (SPEC §3); every other rule is per file. */
export const GRAPH_RULES = ['unknown-parent', 'parent-type', 'duplicate-id'] as const;
export type GraphRule = (typeof GRAPH_RULES)[number];

/**
 * One item as the workspace index keeps it: plain data copied out of the
 * parsed document, so the index holds no parse trees (a workspace of 20,000
 * items must fit in memory) and a record compares by value in tests.
 */
export interface GraphItem {
  /** `file#line`: unique in the index, stable while the item's start line is. */
  key: string;
  file: string;
  /** Position of the item in its file's list (document order). */
  order: number;
  type: string;
  shape: ItemShape;
  detectedBy: string;
  id?: string;
  title: string;
  status?: string;
  /** Zero-based start line and the line after the last. */
  line: number;
  endLine: number;
  /** Where the item is named: its heading, id cell or first words. */
  anchor: Range;
  /** The parent field's value as written, and where. */
  parentRef?: { text: string; range: Range };
  /** `order` of the item this one is written inside, in the same file. */
  nestedIn?: number;
  roles: RoleAssignment[];
  /** Findings of the per-file rules on the item's own lines (0 when the record was made without linting). */
  findings: number;
  /** A template (placeholders to fill in): in the tree, but no graph finding is about it. */
  template?: true;
  /** A heading that only groups its child items (Item.groupsOnly): they belong to the item of its title, where one is written elsewhere. */
  groupsOnly?: true;
  /**
   * A table row, list entry or paragraph, or any item of a plan page (a
   * sprint, a release): it may repeat an item written in full elsewhere, so
   * its id is a mention unless nothing else has it (duplicate-id).
   */
  summary?: true;
  /** Graph rules disabled by a comment, where their finding would land: `rule@anchor`, `rule@parent`. */
  suppressed: string[];
}

/** Everything the index knows about one file. */
export interface FileRecord {
  file: string;
  items: GraphItem[];
  /** Levels the file's config sets for the graph rules. */
  levels: Partial<Record<GraphRule, RuleLevel>>;
  /** Where the config that applies lives, for related information. */
  configFile?: string;
}

/**
 * Copies the items of a parsed, detected document into a record. `findings`
 * are the per-file findings, counted onto the item whose lines hold them.
 */
export function recordOf(file: string, doc: ParsedDocument, items: readonly Item[], table: RulesTable, resolver: RoleResolver, config: ArtifactsConfig, findings: readonly Finding[] = []): FileRecord {
  const real = items.filter((item) => !item.indexEntry);
  const order = new Map(real.map((item, i) => [item, i]));
  const owner = new Map<number, number>();
  // Which item owns each line matters only for counting findings (indexText has none).
  if (findings.length) {
    real.forEach((item, i) => {
      for (const line of item.lines) owner.set(line.line, i);
    });
  }
  const counts = new Array<number>(real.length).fill(0);
  for (const finding of findings) {
    const at = owner.get(finding.range.start.line) ?? (real[0]?.shape === 'file' ? 0 : undefined);
    if (at !== undefined) counts[at]++;
  }
  const statusKeys = table.detection.statusKeys;
  const planPage = isPlanPage(file, table);
  const records = real.map((item, i): GraphItem => {
    const anchor = doc.index.rangeOf(item.anchor.start, item.anchor.end);
    const status = item.fields.find((field) => statusKeys.includes(field.normalizedKey))?.values[0]?.text.trim();
    let nestedIn: number | undefined;
    for (let parent = item.parent; parent && nestedIn === undefined; parent = parent.parent) nestedIn = order.get(parent);
    const record: GraphItem = {
      key: `${file}#${item.startLine}`,
      file,
      order: i,
      type: item.artifact.id,
      shape: item.shape,
      detectedBy: item.detectedBy,
      title: item.title,
      line: item.startLine,
      endLine: item.endLine,
      anchor,
      roles: roleAssignments(item, doc, table, resolver),
      findings: counts[i],
      suppressed: [],
    };
    if (item.id) record.id = item.id;
    if (item.template) record.template = true;
    if (item.groupsOnly) record.groupsOnly = record.summary = true;
    if (planPage || (item.shape !== 'file' && item.shape !== 'section')) record.summary = true;
    if (status) record.status = status;
    if (nestedIn !== undefined) record.nestedIn = nestedIn;
    if (item.parentRef && !isPlaceholder(item.parentRef.text, table)) record.parentRef = { text: item.parentRef.text.trim(), range: doc.index.rangeOf(item.parentRef.start, item.parentRef.end) };
    for (const rule of GRAPH_RULES) {
      if (doc.directives.isDisabled(rule, anchor.start.line)) record.suppressed.push(`${rule}@anchor`);
      if (record.parentRef && doc.directives.isDisabled(rule, record.parentRef.range.start.line)) record.suppressed.push(`${rule}@parent`);
    }
    return record;
  });
  const levels: FileRecord['levels'] = {};
  for (const rule of GRAPH_RULES) {
    const level = config.rules[rule];
    if (level) levels[rule] = level;
  }
  return { file, items: records, levels };
}

/** A sprint, iteration or release page, by a word of its file name. */
function isPlanPage(file: string, table: RulesTable): boolean {
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.(?:md|markdown)$/i, '').toLowerCase();
  return stem.split(/[-_.\s]+/).some((word) => table.detection.planPageWords.includes(word));
}

/**
 * The record of `record`'s file under another name: what a worker that
 * indexed a file by its path on disk hands over for the file's URI. Every
 * place a record names its file is here.
 */
export function recordAs(record: FileRecord, file: string): FileRecord {
  return {
    ...record,
    file,
    items: record.items.map((item) => ({ ...item, file, key: `${file}#${item.line}` })),
  };
}
