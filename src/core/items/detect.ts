import { normalizeKey } from '../document/fields';
import type { ParsedDocument } from '../document/parse';
import type { ScannedLine } from '../document/scan';
import type { Section } from '../document/sections';
import { findSections, makeSection, normalizeTitle, titleMatches } from '../document/sections';
import { hasUserVoiceStatement, mayStartUserVoice, startsWithUserVoice } from '../document/storyStatement';
import { isPlaceholder } from '../roles/placeholders';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import { detectFile } from './fileItem';
import type { TitleHead } from './fileItem';
import type { DocumentItems, Item, ItemShape, DetectedBy, RowCells } from './model';
import { findTables, splitRow } from './tables';
import type { Cell, Table } from './tables';
import { readItemHead, vocabulary } from './vocabulary';
import type { Vocabulary } from './vocabulary';

/** A part of the document that may be an item, before nesting decides. */
interface Candidate {
  artifact: ArtifactEntry;
  shape: ItemShape;
  detectedBy: DetectedBy;
  id?: string;
  title: string;
  startLine: number;
  endLine: number;
  anchor: { start: number; end: number };
  level: number;
  /** A story statement: an item only where SPEC §1.4 says so (decided after nesting). */
  statement?: boolean;
  /**
   * Known by its statement alone (a statement heading or entry, a numbered `## 2nd User Story`):
   * what follows it is its detail, so no required section is expected of it.
   */
  statementOnly?: boolean;
  row?: RowCells;
  /** List entries: how far the entry's marker is indented. */
  indent?: number;
}

const LIST_ENTRY = /^([ \t]*(?:>[ \t]*)*)([-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const LIST_NUMBER = /^(?:\d{1,3}[.)]|[a-z][.)])[ \t]+/i;
// `1st`, `2nd`, `1er`, `2ème`, `3.`: an ordinal before a type name.
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th|er|re|ère|ème|e|º|ª|\.)?[ \t]+(?=\p{L})/iu;
const LEADING_EMPHASIS = /^(?:\*\*|__|\*|_)(?=\S)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const MARKDOWN_LINK_START = /^\[[^\]]*\]\([^)]*\)/;

/** Finds the items of one document (SPEC §1): a tree of file, section, row, list and paragraph items. */
export function detectItems(doc: ParsedDocument, fileName: string | undefined, table: RulesTable): DocumentItems {
  const vocab = vocabulary(table);
  const headings = doc.sections.filter((section) => section.kind === 'heading');
  const heads = headings.map((section) => ({ section, head: headHere(section.title, vocab) }));
  const levelOneHeads = heads.filter(({ section, head }) => section.level === 1 && head);
  const firstLevelOne = headings.find((section) => section.level === 1);
  const title: TitleHead | undefined =
    levelOneHeads.length === 1 && levelOneHeads[0].section === firstLevelOne && levelOneHeads[0].head?.artifact
      ? { section: firstLevelOne, artifact: levelOneHeads[0].head.artifact, id: levelOneHeads[0].head.id }
      : undefined;
  const file = detectFile(doc, fileName, table, title);
  if (file.silent) return { items: [], typeValue: file.typeValue, typeUnknown: file.typeUnknown };

  const lineCount = doc.index.lineCount;
  const candidates: Candidate[] = [];
  let fileCandidate: Candidate | undefined;
  if (file.artifact) {
    // Findings about the file are shown on its title, whatever it says, else on its type value.
    const heading = file.title ?? firstLevelOne;
    const anchor = heading && heading.end > heading.start ? heading : file.typeValue && file.typeValue.end > file.typeValue.start ? file.typeValue : firstLineSpan(doc);
    fileCandidate = {
      artifact: file.artifact,
      shape: 'file',
      detectedBy: file.detectedBy ?? 'file-name',
      id: file.id ?? frontMatterId(doc, table),
      title: heading ? titleAfterHead(heading.title, vocab) : fileName?.replace(/^.*[\\/]/, '').replace(/\.md$/i, '') ?? '',
      startLine: 0,
      endLine: lineCount,
      anchor: { start: anchor.start, end: anchor.end },
      level: 0,
    };
    candidates.push(fileCandidate);
  }

  // Section items: headings that start with a type name or an id (the file's own title excepted).
  // `## User Story` alone names a part of one item; `## 1st User Story`, `## 2nd User Story` list items.
  const bareCounts = new Map<string, number>();
  for (const { section, head } of heads) {
    if (head?.artifact && head.byTypeName && head.bare && !head.id) bareCounts.set(`${section.level}:${head.artifact.id}`, (bareCounts.get(`${section.level}:${head.artifact.id}`) ?? 0) + 1);
  }
  heads.forEach(({ section, head }, i) => {
    if (section === title?.section) return;
    let artifact = head?.artifact;
    if (head && head.byTypeName && head.bare && !head.id && (bareCounts.get(`${section.level}:${head.artifact?.id}`) ?? 0) < 2) return;
    // `### 1) As a service provider, I want …`: a heading that is a story statement.
    const statementHeading = !artifact && section.level >= 2 && startsWithUserVoice(section.title.replace(LIST_NUMBER, ''), table);
    if (statementHeading) artifact = storyArtifact(table);
    if (!artifact) return;
    let end = lineCount;
    for (let j = i + 1; j < heads.length; j++) {
      if (heads[j].section.level <= section.level) {
        end = heads[j].section.line;
        break;
      }
    }
    candidates.push({
      artifact,
      shape: 'section',
      detectedBy: 'section',
      id: head?.id,
      title: titleAfterHead(section.title, vocab),
      startLine: section.line,
      endLine: end,
      anchor: { start: section.start, end: section.end },
      level: section.level,
      statementOnly: statementHeading || (head?.bare === true && !head.id),
    });
  });

  const lines = doc.body.lines;
  const tables = findTables(lines);
  const inTable = new Set<number>();
  for (const found of tables) {
    for (let i = found.headerIndex; i < found.headerIndex + 2 + found.rows.length; i++) inTable.add(lines[i].line);
    candidates.push(...rowCandidates(found, vocab, table));
  }
  candidates.push(...blockCandidates(lines, inTable, vocab, table));

  const items = assemble(candidates, doc, table, fileCandidate, file.template, fileName, title?.section.title);
  return { items, fileItem: fileCandidate ? items[0] : undefined, typeValue: file.typeValue, typeUnknown: file.typeUnknown };
}

/** The head of a heading, entry or cell title, after a list number and emphasis: `1) US-EE-01 — …`, `**US-12** …`. */
function headHere(text: string, vocab: Vocabulary) {
  const stripped = text.replace(LIST_NUMBER, '').replace(ORDINAL, '').replace(LEADING_EMPHASIS, '');
  return readItemHead(stripped, vocab);
}

function titleAfterHead(text: string, vocab: Vocabulary): string {
  const stripped = text.replace(LIST_NUMBER, '').replace(LEADING_EMPHASIS, '');
  const head = readItemHead(stripped, vocab);
  const rest = head ? stripped.slice(head.length).replace(/^[*_\s:\-–—]+/, '').replace(/[*_]+$/, '').trim() : '';
  return rest || text.replace(/[*_]/g, '').trim();
}

function firstLineSpan(doc: ParsedDocument) {
  const first = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: first, end: Math.max(first, doc.index.lineEnd(0)) };
}

function frontMatterId(doc: ParsedDocument, table: RulesTable): string | undefined {
  const field = doc.fields.find((candidate) => table.detection.idKeys.includes(candidate.normalizedKey) && candidate.values[0]?.text.trim());
  const value = field?.values[0]?.text.trim();
  return value && !isPlaceholder(value, table) ? value : undefined;
}

/** Each body row of a table whose header names a type (or whose ID cells are ids of one type). */
function rowCandidates(found: Table, vocab: Vocabulary, table: RulesTable): Candidate[] {
  const headerNames = found.header.map((cell) => normalizeTitle(cell.text));
  let typeColumn = -1;
  let typeArtifact: ArtifactEntry | undefined;
  let tasks = false;
  headerNames.forEach((name, column) => {
    const parts = name.split(/\s*\/\s*/);
    const named = parts.map((part) => vocab.byTypeName.get(part)).filter((artifact): artifact is ArtifactEntry => !!artifact);
    if (!named.length) {
      if (parts.some((part) => vocab.workItemWords.has(part))) tasks = true;
      return;
    }
    const lowest = named.sort((a, b) => a.rank - b.rank)[0];
    if (!typeArtifact || lowest.rank < typeArtifact.rank) {
      typeArtifact = lowest;
      typeColumn = column;
    }
  });
  // A table of tasks whose `User Story` column says which story each belongs to holds tasks.
  if (tasks) return [];
  // Cells are split once, and only for tables that may hold items.
  let split: { line: ScannedLine; cells: Cell[] }[] | undefined;
  const rows = () => (split ??= found.rows.map((row) => ({ line: row.line, cells: splitRow(row.line) })));
  const idColumn = headerNames.findIndex((name) => table.detection.idColumns.includes(name) || /\bid$/.test(name));
  // Without ids, a type column with empty or repeated cells groups other rows (tasks) under items named elsewhere.
  if (typeArtifact && idColumn === -1 && groupsRows(rows(), typeColumn)) return [];
  if (!typeArtifact) {
    if (idColumn === -1) return [];
    const kinds = new Set<ArtifactEntry | undefined>();
    for (const row of rows()) {
      const cell = row.cells[idColumn]?.text ?? '';
      if (!cell || MARKDOWN_LINK_START.test(cell)) continue;
      kinds.add(idCellType(cell, vocab));
    }
    const [only] = kinds;
    if (kinds.size !== 1 || !only) return [];
    typeArtifact = only;
  }
  const artifact = typeArtifact;
  const columns = tableColumns(found.header, artifact);
  const candidates: Candidate[] = [];
  for (const row of rows()) {
    const typeCell = typeColumn >= 0 ? row.cells[typeColumn] : undefined;
    const idCell = idColumn >= 0 ? row.cells[idColumn] : undefined;
    const hasType = typeCell && typeCell.text && !isPlaceholder(typeCell.text, table);
    if (!hasType && !(idCell && idCell.text && !isPlaceholder(idCell.text, table))) continue;
    // A row whose id links to another file points at an item that lives there.
    if (idCell && MARKDOWN_LINK_START.test(idCell.text) && !hasType) continue;
    const anchorCell = idCell?.text ? idCell : typeCell ?? row.cells[0];
    const cellHead = idCell?.text ? readItemHead(idCell.text.replace(/[*_`[\]]/g, ''), vocab) : undefined;
    // `| US 8.1 | 2 days |` in a Story column: the cell is the id of a story stated elsewhere.
    const typeHead = !idCell?.text && typeCell?.text ? readItemHead(typeCell.text.replace(/[*_`[\]]/g, ''), vocab) : undefined;
    const typeCellIsId = !!typeHead && !typeHead.byTypeName && typeHead.bare;
    candidates.push({
      artifact: typeColumn === -1 ? (idCellType(idCell?.text ?? '', vocab) ?? artifact) : artifact,
      shape: 'row',
      detectedBy: 'row',
      id: idCell?.text ? (cellHead?.id ?? idCell.text.replace(/[*_`]/g, '')) : typeCellIsId ? typeHead?.id : undefined,
      title: (typeCell?.text ?? row.cells.find((cell, i) => i !== idColumn && cell.text)?.text ?? '').slice(0, 200),
      startLine: row.line.line,
      endLine: row.line.line + 1,
      anchor: { start: anchorCell.start, end: anchorCell.end },
      level: 0,
      row: { cells: row.cells, header: found.header, columns, typeColumn, idColumn, typeCellIsId },
    });
  }
  return candidates;
}

/** Whether the cells of a column repeat or leave rows empty: the rows are grouped under it. */
function groupsRows(rows: readonly { cells: Cell[] }[], column: number): boolean {
  let previous: string | undefined;
  for (const row of rows) {
    const cell = row.cells[column]?.text ?? '';
    if (!cell || cell === previous) return true;
    previous = cell;
  }
  return false;
}

/** The type an ID cell's prefix names: `FEAT-001`, `US-BE-01`, or a slug id such as `FEAT-core-file-reading`. */
function idCellType(text: string, vocab: Vocabulary): ArtifactEntry | undefined {
  const cell = text.replace(/[*_`]/g, '').trim();
  const head = readItemHead(cell, vocab);
  if (head) return head.byTypeName ? undefined : head.artifact;
  const slug = /^([A-Za-z]{2,})[-_][\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u.exec(cell);
  return slug ? vocab.byPrefix.get(slug[1].toUpperCase()) : undefined;
}

/** List entries that start with a head, and paragraphs or entries that start with a story statement. */
function blockCandidates(lines: readonly ScannedLine[], inTable: Set<number>, vocab: Vocabulary, table: RulesTable): Candidate[] {
  const candidates: Candidate[] = [];
  const open: Candidate[] = [];
  const closeOpen = (endLine: number, indent: number) => {
    while (open.length && (open[open.length - 1].indent ?? 0) >= indent) open.pop()!.endLine = endLine;
  };
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = line.visible;
    // A quote line with nothing in it (`>`) separates paragraphs like a blank line.
    const first = text.trimStart()[0];
    const blank = first === undefined || (first === '>' && /^[ \t]*(?:>[ \t]*)+$/.test(text));
    if (line.inCode || inTable.has(line.line)) {
      previousBlank = false;
      continue;
    }
    if (blank) {
      previousBlank = true;
      continue;
    }
    const heading = (first === '#' && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text)) || isSetextUnderline(lines, i);
    if (heading || ((first === '-' || first === '*' || first === '_') && THEMATIC_BREAK.test(text))) {
      closeOpen(line.line, -1);
      previousBlank = true;
      continue;
    }
    // Only a marker, a digit or a quote can open a list entry: skip the pattern for other lines.
    const entry = first === '-' || first === '*' || first === '+' || first === '>' || (first >= '0' && first <= '9') ? LIST_ENTRY.exec(text) : null;
    const indent = entry ? entry[1].length : text.length - text.trimStart().length;
    // A line at or left of an open entry's marker ends it (a paragraph at the margin too).
    if (open.length) closeOpen(line.line, entry ? indent : previousBlank ? indent : -2);
    if (entry) {
      const body = text.slice(entry[0].length);
      const candidate = entryCandidate(body, line, entry[0].length, vocab, table);
      if (candidate) {
        candidate.indent = indent;
        candidates.push(candidate);
        open.push(candidate);
      }
    } else if (previousBlank && mayStartUserVoice(text, table) && startsWithUserVoice(paragraphText(lines, i), table)) {
      const candidate = statementCandidate('paragraph', text, line, 0, table);
      candidate.indent = -1;
      // A paragraph statement runs to the next statement, thematic break or heading.
      closeOpen(line.line, -1);
      candidates.push(candidate);
      open.push(candidate);
    }
    previousBlank = false;
  }
  closeOpen(lines.length ? lines[lines.length - 1].line + 1 : 0, -2);
  return candidates;
}

function entryCandidate(body: string, line: ScannedLine, offset: number, vocab: Vocabulary, table: RulesTable): Candidate | undefined {
  const trimmed = body.replace(LEADING_EMPHASIS, '');
  if (MARKDOWN_LINK_START.test(body)) return undefined; // a link to an item that lives elsewhere
  const head = readItemHead(trimmed, vocab);
  // `- Feature: X` in a template is a blank to fill in, not an item.
  const title = head ? trimmed.slice(head.length).replace(/[*_]+/g, '').trim() : '';
  if (head?.artifact && !head.bare && (head.id || title.length > 1)) {
    const start = line.start + offset;
    return {
      artifact: head.artifact,
      shape: 'list',
      detectedBy: 'list',
      id: head.id,
      title,
      startLine: line.line,
      endLine: line.line + 1,
      anchor: { start, end: start + body.trimEnd().length },
      level: 0,
    };
  }
  if (startsWithUserVoice(body, table)) return statementCandidate('list', body, line, offset, table);
  return undefined;
}

function statementCandidate(shape: 'list' | 'paragraph', text: string, line: ScannedLine, offset: number, table: RulesTable): Candidate {
  const story = storyArtifact(table);
  const lead = text.length - text.trimStart().length;
  const start = line.start + offset + lead;
  return {
    artifact: story,
    shape,
    detectedBy: shape,
    title: text.replace(/[*_>]/g, '').trim().slice(0, 120),
    startLine: line.line,
    endLine: line.line + 1,
    anchor: { start, end: line.start + offset + text.trimEnd().length },
    level: 0,
    statement: true,
    statementOnly: true,
  };
}

/** The type a story statement makes an item of: the team-level type written in user voice. */
function storyArtifact(table: RulesTable): ArtifactEntry {
  return table.artifacts.find((artifact) => artifact.userVoice && artifact.rank === 1) ?? table.artifacts[0];
}

/** The paragraph that starts at line i, as one text (for the statement test). */
function paragraphText(lines: readonly ScannedLine[], i: number): string {
  let text = lines[i].visible;
  for (let j = i + 1; j < lines.length && j < i + 6 && lines[j].visible.trim() && !lines[j].inCode && lines[j].line === lines[j - 1].line + 1; j++) {
    text += ' ' + lines[j].visible;
  }
  return text;
}

function isSetextUnderline(lines: readonly ScannedLine[], i: number): boolean {
  const next = lines[i + 1];
  const mark = next?.visible.trimStart()[0];
  if (mark !== '=' && mark !== '-') return false;
  return !!next && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next.visible) && !!lines[i].visible.trim() && !LIST_ENTRY.test(lines[i].visible);
}

/**
 * Nests the candidates by their ranges, keeps those SPEC §1 makes items
 * (a child ranks below the item it is in; statements only where stories are
 * listed), marks repeated ids as index entries, and gives each item its own
 * lines, fields and sections.
 */
function assemble(
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
  const backlogPage = isBacklogPage(table, fileName, firstTitle);
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
  return items;
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
  const name = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.md$/i, '').toLowerCase().replace(/[-_.]+/g, ' ');
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
    insertAt: -1,
    insertLevel: 0,
  };
  if (candidate.row) item.row = candidate.row;
  return item;
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
    const key = item.id.toLowerCase().replace(/[-_.\s]+/g, '-');
    byId.set(key, [...(byId.get(key) ?? []), item]);
  }
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    const stated = new Set(same.filter((item) => item.statementLines && hasUserVoiceStatement(item.statementLines, table)));
    const weight = (item: Item) => (item.children.length ? 1e9 : 0) + (stated.has(item) ? 1e6 : 0) + (item.endLine - item.startLine);
    const main = same.reduce((best, item) => (weight(item) > weight(best) ? item : best));
    for (const item of same) {
      if (item === main || item.shape === 'file') continue;
      if (stated.has(item) && stated.has(main) && item.shape === main.shape) continue;
      item.indexEntry = true;
    }
  }
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
    if (index >= 0) items[index].lines.push(line);
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
    const parentKey = item.fields.find((field) => table.detection.parentKeys.includes(field.normalizedKey) && field.values[0]?.text.trim());
    if (parentKey) item.parentRef = parentKey.values[0];
    placeInsertion(item, doc);
  }
}

/** A row: its columns are fields and sections, its type cell the story statement. */
function readRow(item: Item, row: RowCells): void {
  const line = item.lines[0];
  row.columns.forEach((column, index) => {
    if (index === row.typeColumn || index === row.idColumn || !column.key) return;
    const cell = row.cells[index] ?? { text: '', start: line?.start ?? 0, end: line?.start ?? 0 };
    const header = row.header[index];
    item.fields.push({
      key: column.key,
      normalizedKey: column.normalizedKey,
      keyStart: header.start,
      keyEnd: header.end,
      values: [{ text: cell.text.replace(/^[*_`]+|[*_`]+$/g, ''), start: cell.start, end: cell.end }],
      source: 'body',
      line: line?.line,
    });
    if (!column.section) return;
    const section = makeSection(column.key, 'label', 7, line?.line ?? item.startLine, cell.start, cell.end);
    section.hasContent = /[\p{L}\p{N}]/u.test(cell.text);
    item.sections.push(section);
  });
  const typeCell = row.typeColumn >= 0 ? row.cells[row.typeColumn] : undefined;
  item.statementLines = typeCell && line && !row.typeCellIsId ? [{ line: line.line, start: typeCell.start, visible: typeCell.text, inCode: false }] : undefined;
  // A row has no headings: only a section column that is there but empty is missing.
  item.sectionsExpected = false;
}

/** The columns of a table as fields and sections of the type its rows are. */
function tableColumns(header: readonly Cell[], artifact: ArtifactEntry): RowCells['columns'] {
  const names = artifact.requiredSections.flatMap((section) => [section.name, ...section.aliases]);
  return header.map((cell) => {
    const key = cell.text.replace(/[*_`]/g, '').trim();
    const asSection = makeSection(key, 'label', 7, 0, 0, 0);
    return { key, normalizedKey: normalizeKey(key), section: names.some((name) => titleMatches(asSection, name)) };
  });
}

/** A list entry or paragraph: labels are read with the list markers blanked (`- Acceptance Criteria:`). */
function readBlock(item: Item): void {
  const blanked = item.lines.map((line) => {
    const marker = LIST_ENTRY.exec(line.visible);
    return marker ? { ...line, visible: ' '.repeat(marker[0].length) + line.visible.slice(marker[0].length) } : line;
  });
  item.sections = findSections(blanked).filter((section) => section.line !== item.startLine);
  item.statementLines = item.lines;
  // A one-line entry is a summary; an entry with a body of its own can be expected to hold its sections.
  item.sectionsExpected = item.sectionsExpected && item.lines.length > 1 && item.sections.length > 0;
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
