import type { ParsedDocument } from '../document/parse';
import type { Section } from '../document/sections';
import { normalizeTitle } from '../document/sections';
import { hasUserVoiceStatement } from '../document/storyStatement';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { Item, ItemShape } from './model';
import { vocabulary } from './vocabulary';
import { splitCamelCase } from '../phrases';
import type { Candidate } from './candidate';
import { LEADING_EMPHASIS, LIST_ENTRY, MARKDOWN_LINK_START } from './candidate';
import { readRow } from './rows';
import { readBlock } from './blocks';

/**
 * Nests the candidates by their ranges, keeps those SPEC §1 makes items
 * (a child ranks below the item it is in; statements only where stories are
 * listed), marks repeated ids as index entries, and gives each item its own
 * lines, fields and sections.
 */
export function assemble(
  candidates: Candidate[],
  doc: ParsedDocument,
  table: RulesTable,
  fileCandidate: Candidate | undefined,
  template: boolean,
  fileName: string | undefined,
  firstTitle: string | undefined,
): Item[] {
  candidates.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine || shapeOrder(a) - shapeOrder(b));
  const items: Item[] = [];
  const stack: Item[] = [];
  const headingsAbove = doc.sections.filter((section) => section.kind === 'heading');
  const statementsByContainer = new Map<Item | undefined, Candidate[]>();
  for (const candidate of candidates) {
    while (stack.length && stack[stack.length - 1].endLine <= candidate.startLine) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && !ranksBelow(candidate.artifact, parent.artifact)) continue;
    if (candidate.statement) {
      const list = statementsByContainer.get(parent) ?? [];
      list.push(candidate);
      statementsByContainer.set(parent, list);
      continue;
    }
    const item = toItem(candidate, parent, template);
    items.push(item);
    stack.push(item);
  }
  // Story statements: items in a backlog page, two or more together, or under a heading that names stories.
  // Whether the file is a backlog page is asked only of a file that has statements: most have none.
  const backlogPage = statementsByContainer.size > 0 && isBacklogPage(table, fileName, firstTitle);
  for (const [container, statements] of statementsByContainer) {
    for (const candidate of statements) {
      const heading = nearestHeading(headingsAbove, candidate.startLine);
      const underStories = heading !== undefined && table.detection.storyListHeadings.includes(normalizeTitle(heading.title));
      const siblings = statements.filter((other) => nearestHeading(headingsAbove, other.startLine) === heading).length;
      if (!underStories && siblings < 2 && !(backlogPage && !container)) continue;
      if (container && container.artifact.userVoice) continue;
      const item = toItem(candidate, container, template);
      items.push(item);
    }
  }
  items.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  for (const item of items) item.parent?.children.push(item);
  distributeLines(items, doc, table, fileCandidate !== undefined);
  markIndexEntries(items, table);
  for (const item of items) if (!item.indexEntry && linksOnly(item)) item.indexEntry = true;
  for (const item of items) {
    if (!groupsOnly(item)) continue;
    item.groupsOnly = true;
    item.sectionsExpected = false;
  }
  return items;
}

/**
 * A section item whose own lines (those no child item holds) are only its
 * heading, blank lines and the header of the table its children are rows of:
 * no field, sub-heading, statement or text of its own. Its children are rows
 * or list entries, an overview's lines: a section whose children are sections
 * writes those items out in full, as an epic with its story sections does.
 */
function groupsOnly(item: Item): boolean {
  if (item.shape !== 'section' || !item.children.length || item.fields.length) return false;
  if (!item.children.every((child) => child.shape === 'row' || child.shape === 'list')) return false;
  if (item.sections.some((section) => section.line !== item.startLine)) return false;
  // A table's header is the line before its delimiter row (the scanner knows it for a table only from there).
  const tableLines = new Set<number>();
  for (let i = 0; i < item.lines.length; i++) {
    const line = item.lines[i];
    if (line.line === item.startLine || (!line.inCode && !line.visible.trim())) continue;
    if (line.inCode || (line.table === undefined && item.lines[i + 1]?.table !== 'delimiter')) return false;
    tableLines.add(line.line);
  }
  return tablesHoldChildren(tableLines, new Set(item.children.map((child) => child.startLine)));
}

/**
 * Whether every table among `tableLines` (runs of consecutive lines, the child
 * rows between them included) holds one of the child rows: a table of its own
 * beside them (KPIs, a glossary) is text the section writes.
 */
function tablesHoldChildren(tableLines: ReadonlySet<number>, childRows: ReadonlySet<number>): boolean {
  const lines = [...tableLines, ...childRows].sort((a, b) => a - b);
  let hasOwn = false;
  let hasChild = false;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && lines[i] > lines[i - 1] + 1) {
      if (hasOwn && !hasChild) return false;
      hasOwn = hasChild = false;
    }
    if (childRows.has(lines[i])) hasChild = true;
    else hasOwn = true;
  }
  return !hasOwn || hasChild;
}

const SHAPE_ORDER: Record<ItemShape, number> = { file: 0, section: 1, row: 2, list: 3, paragraph: 4 };

/** Where two candidates start on one line, the larger shape holds the smaller. */
function shapeOrder(candidate: Candidate): number {
  return SHAPE_ORDER[candidate.shape];
}

/** A child ranks below its container; an enabler of unknown level (rank 0) fits anywhere but under itself. */
function ranksBelow(child: ArtifactEntry, container: ArtifactEntry): boolean {
  if (child.rank === 0) return !container.enabler;
  if (container.rank === 0) return true;
  return child.rank < container.rank;
}

function nearestHeading(headings: readonly Section[], line: number): Section | undefined {
  let nearest: Section | undefined;
  for (const heading of headings) {
    if (heading.line >= line) break;
    nearest = heading;
  }
  return nearest;
}

function isBacklogPage(table: RulesTable, fileName: string | undefined, firstTitle: string | undefined): boolean {
  const pattern = vocabulary(table).backlogPage;
  // `UserStories.md` names user stories as `user-stories.md` does.
  const name = splitCamelCase((fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.md$/i, '')).toLowerCase().replace(/[-_.]+/g, ' ');
  return pattern.test(name) || pattern.test(normalizeTitle(firstTitle ?? ''));
}

function toItem(candidate: Candidate, parent: Item | undefined, template: boolean): Item {
  const item: Item = {
    artifact: candidate.artifact,
    shape: candidate.shape,
    detectedBy: candidate.detectedBy,
    id: candidate.id,
    title: candidate.title,
    startLine: candidate.startLine,
    endLine: candidate.endLine,
    anchor: candidate.anchor,
    level: candidate.level,
    lines: [],
    fields: [],
    sections: [],
    // A list entry may still lose this when it turns out to have no body (readBlock).
    sectionsExpected: candidate.shape !== 'row' && candidate.shape !== 'paragraph' && !candidate.statementOnly,
    template,
    parent,
    children: [],
    indexEntry: false,
    groupsOnly: false,
    insertAt: -1,
    insertLevel: 0,
  };
  if (candidate.row) item.row = candidate.row;
  return item;
}

const ID_SEPARATORS = /[-_.\s]+/g;
// What the replace in idKey would change: a separator other than one `-`.
const ID_SEPARATORS_TO_REPLACE = /[_.\s]|--/;

/** An id as markIndexEntries compares it: lower case, each run of separators one `-`; without a replace where it would change nothing (`US-12`). */
export function idKey(id: string): string {
  const lower = id.toLowerCase();
  return ID_SEPARATORS_TO_REPLACE.test(lower) ? lower.replace(ID_SEPARATORS, '-') : lower;
}

/**
 * An item one document heads twice (a summary list, then the item; the story,
 * then its tasks) is one item: the occurrence with children, else with a story
 * statement, else the longest. Two occurrences that both state the story are
 * two items that share an id.
 */
function markIndexEntries(items: Item[], table: RulesTable): void {
  const byId = new Map<string, Item[]>();
  for (const item of items) {
    if (!item.id) continue;
    const key = idKey(item.id);
    // Pushed, not copied: a copy per occurrence is quadratic in the occurrences of one id.
    const same = byId.get(key);
    if (same) same.push(item);
    else byId.set(key, [item]);
  }
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    const stated = new Set(same.filter((item) => item.statementLines && hasUserVoiceStatement(item.statementLines, table)));
    // Lines with text, not the blank lines an entry runs on to before the next heading.
    const weight = (item: Item) => (item.children.length ? 1e9 : 0) + (stated.has(item) ? 1e6 : 0) + textLines(item);
    const main = same.reduce((best, item) => (weight(item) > weight(best) ? item : best));
    for (const item of same) {
      if (item === main || item.shape === 'file') continue;
      // Two of one shape that are each written out — both with a statement, or neither with one but each with
      // lines of its own, and neither holding items (the full one of an "Epic List" summary does) — are two
      // items that share an id; one with a statement beside one without is the story and a note about it.
      const bothStated = stated.has(item) && stated.has(main);
      const bothWritten = !stated.has(item) && !stated.has(main) && !main.children.length && textLines(item) > 1 && textLines(main) > 1;
      if (item.shape === main.shape && (bothStated || bothWritten)) continue;
      item.indexEntry = true;
    }
  }
}

function textLines(item: Item): number {
  let count = 0;
  for (const line of item.lines) if (line.visible.trim()) count++;
  return count;
}

/**
 * A section item whose own lines are only a list of links (`### Epic 1: Uploads` over `- [1.1 Upload
 * form](1.1.upload-form.md)`): an index of items written in the files it links to, not an item itself.
 */
function linksOnly(item: Item): boolean {
  if (item.shape !== 'section' || item.children.length || item.fields.length) return false;
  let links = 0;
  for (const line of item.lines) {
    if (line.line === item.startLine || !line.visible.trim()) continue;
    const entry = LIST_ENTRY.exec(line.visible);
    if (!entry) return false;
    const text = line.visible.slice(entry[0].length).replace(LEADING_EMPHASIS, '');
    if (!MARKDOWN_LINK_START.test(text)) return false;
    links++;
  }
  return links > 0;
}

/**
 * Gives each line, field and section to the innermost item it is written in,
 * and works out each shape's own parts (a row's cells, a list entry's labels).
 */
function distributeLines(items: Item[], doc: ParsedDocument, table: RulesTable, hasFileItem: boolean): void {
  if (!items.length) return;
  const owner = new Int32Array(doc.index.lineCount).fill(-1);
  items.forEach((item, index) => {
    for (let line = item.startLine; line < item.endLine && line < owner.length; line++) owner[line] = index;
  });
  for (const line of doc.body.lines) {
    const index = owner[line.line];
    if (index < 0) continue;
    // An item's first line starts a one-element array: a push onto an empty one reserves 17 slots,
    // and a row item (thousands in a backlog table, kept for the whole lint) has one line.
    const own = items[index].lines;
    if (own.length) own.push(line);
    else items[index].lines = [line];
  }
  for (const field of doc.fields) {
    if (field.source === 'front-matter') {
      if (hasFileItem) items[0].fields.push(field);
      continue;
    }
    const index = field.line === undefined ? -1 : owner[field.line];
    if (index >= 0 && items[index].shape !== 'row') items[index].fields.push(field);
  }
  for (const section of doc.sections) {
    const index = owner[section.line];
    if (index >= 0 && (items[index].shape === 'file' || items[index].shape === 'section')) items[index].sections.push(section);
  }
  for (const item of items) {
    if (item.row) readRow(item, item.row);
    else if (item.shape === 'list' || item.shape === 'paragraph') readBlock(item);
    else item.statementLines = item.lines;
    const parentKey = parentField(item, table.detection.parentKeys);
    if (parentKey) item.parentRef = parentKey.values[0];
    placeInsertion(item, doc);
  }
}

/** The first field that names a parent and has a value (a loop, not a closure per item). */
function parentField(item: Item, parentKeys: readonly string[]) {
  for (const field of item.fields) if (parentKeys.includes(field.normalizedKey) && field.values[0]?.text.trim()) return field;
  return undefined;
}

function placeInsertion(item: Item, doc: ParsedDocument): void {
  if (item.shape === 'file') {
    const firstSection = item.children.find((child) => child.shape === 'section');
    item.insertAt = firstSection ? doc.index.lineStart(firstSection.startLine) : doc.text.length;
    item.insertLevel = item.sections.some((section) => section.kind === 'heading' && section.level === 1) ? 2 : 1;
    if (firstSection) item.insertLevel = Math.max(1, firstSection.level);
    return;
  }
  if (item.shape !== 'section') return;
  let last = item.startLine;
  const end = item.children.find((child) => child.shape === 'section')?.startLine ?? item.endLine;
  for (let line = item.startLine; line < end; line++) if (doc.index.lineText(line).trim()) last = line;
  item.insertAt = doc.index.lineEnd(last);
  item.insertLevel = Math.min(6, item.level + 1);
}
