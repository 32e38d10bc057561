import { normalizeKey } from '../document/fields';
import type { ScannedLine } from '../document/scan';
import { makeSection, normalizeTitle, titleMatches } from '../document/sections';
import { isPlaceholder } from '../roles/placeholders';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { Item, RowCells } from './model';
import { splitRow } from './tables';
import type { Cell, Table } from './tables';
import { readItemHead } from './vocabulary';
import type { ItemHead, Vocabulary } from './vocabulary';
import { detached, memoPerOwner } from '../memo';
import { MARKDOWN_LINK_START, storyArtifact } from './candidate';
import { startsWithUserVoice } from '../document/storyStatement';
import type { Candidate } from './candidate';

/** Each body row of a table whose header names a type (or whose ID cells are ids of one type). */
export function rowCandidates(found: Table, vocab: Vocabulary, table: RulesTable): Candidate[] {
  const headerNames = found.header.map((cell) => normalizeTitle(cell.text));
  let typeColumn = -1;
  let typeArtifact: ArtifactEntry | undefined;
  let tasks = false;
  const namedTypes: ArtifactEntry[][] = headerNames.map((name, column) => {
    const parts = name.split(/\s*\/\s*/);
    const named = parts.map((part) => vocab.byColumnName.get(part)).filter((artifact): artifact is ArtifactEntry => !!artifact);
    if (!named.length) {
      if (parts.some((part) => vocab.workItemWords.has(part))) tasks = true;
      return named;
    }
    const lowest = [...named].sort((a, b) => a.rank - b.rank)[0];
    if (!typeArtifact || lowest.rank < typeArtifact.rank) {
      typeArtifact = lowest;
      typeColumn = column;
    }
    return named;
  });
  // A table of tasks whose `User Story` column says which story each belongs to holds tasks.
  if (tasks) return [];
  // Cells are split once, and only for tables that may hold items.
  let split: { line: ScannedLine; cells: Cell[] }[] | undefined;
  const rows = () => (split ??= found.rows.map((row) => ({ line: row.line, cells: splitRow(row.line) })));
  const idColumn = headerNames.findIndex((name) => table.detection.idColumns.includes(name) || ID_HEADER.test(name));
  // `Story ID | Name | Feature`: the id column names the rows' type, and a column named after another
  // type is a field of theirs (here the feature each story belongs to), not the rows' type.
  const idHeaderType = idColumn >= 0 ? vocab.byTypeName.get(headerNames[idColumn].replace(ID_WORD_AFTER, '')) : undefined;
  if (idHeaderType && typeArtifact && idHeaderType !== typeArtifact) {
    typeArtifact = idHeaderType;
    typeColumn = namedTypes.findIndex((named, column) => column !== idColumn && named.includes(idHeaderType));
  }
  // Without ids, a type column with empty or repeated cells groups other rows (tasks) under items named elsewhere.
  if (typeArtifact && idColumn === -1 && groupsRows(rows(), typeColumn)) return [];
  // `| Feature | ID |` over `| FEAT-002 | RISK-001 |` or `| [FT01](#FT01) | US01 |`: the type column names the item
  // each row belongs to, and the ID column says what the rows are (stories of that feature, or risks: no items).
  let referenceColumn = -1;
  // `| Stories |` over `| 5 |`: a count of items, unless the header is an id prefix (`| US |` over `| 10.1 |`).
  const countHeader = typeArtifact && typeColumn >= 0 && !prefixNamed(found.header[typeColumn], typeArtifact);
  if (countHeader && holdsNumbersOnly(rows(), typeColumn)) {
    typeArtifact = undefined;
    typeColumn = -1;
  } else if (typeArtifact && idColumn >= 0 && typeColumn !== idColumn && holdsReferences(rows(), typeColumn, vocab)) {
    referenceColumn = typeColumn;
    typeColumn = -1;
    typeArtifact = undefined;
  }
  if (!typeArtifact) {
    const only = idColumn >= 0 ? idColumnType(rows(), idColumn, vocab) : undefined;
    if (only) typeArtifact = only;
    else {
      // `| #1 | En tant que visiteur je peux m'inscrire … |`: a column of story statements is the story column.
      const column = statementColumn(rows(), table);
      if (column < 0) return [];
      typeArtifact = storyArtifact(table);
      typeColumn = column;
    }
  }
  const artifact = typeArtifact;
  const columns = tableColumns(found.header, artifact);
  const prefixHeader = typeColumn >= 0 ? prefixNamed(found.header[typeColumn], artifact) : undefined;
  const candidates: Candidate[] = [];
  for (const row of rows()) {
    const typeCell = typeColumn >= 0 ? row.cells[typeColumn] : undefined;
    const idCell = idColumn >= 0 ? row.cells[idColumn] : undefined;
    // A totals row (`| **Σ** | | 2 days |`) names nothing.
    const hasType = typeCell && typeCell.text && !isPlaceholder(typeCell.text, table) && !isTotalLabel(typeCell.text, table);
    if (!hasType && !(idCell && idCell.text && !isPlaceholder(idCell.text, table) && !isTotalLabel(idCell.text, table))) continue;
    // A row whose id links to another file points at an item that lives there.
    if (idCell && MARKDOWN_LINK_START.test(idCell.text) && !hasType) continue;
    // `| US-005 | | |` in a template: a row left to fill in, with nothing but its id.
    if (!hasType && row.cells.every((cell, i) => i === idColumn || !cell.text)) continue;
    const anchorCell = idCell?.text ? idCell : typeCell ?? row.cells[0];
    // `| — | Checkout |`: no id yet.
    const idText = idCell?.text && !isPlaceholder(idCell.text, table) ? withoutTags(idCell.text) : '';
    const cellHead = idText ? idHead(withoutMarks(idText, HEAD_MARKS), vocab) : undefined;
    // `| US 8.1 | 2 days |` in a Story column: the cell is the id of a story stated elsewhere.
    const typeHead = !idCell?.text && typeCell?.text ? readItemHead(withoutMarks(typeCell.text, HEAD_MARKS), vocab) : undefined;
    // `| US | … |` over `| 10.1 | … |`: the column's name is the prefix, the cell the number (`US 10.1`).
    const prefixedNumber = !idCell?.text && typeCell?.text && prefixHeader ? NUMBER_CELL.exec(withoutMarks(typeCell.text, HEAD_MARKS)) : null;
    const typeCellIsId = (!!typeHead && !typeHead.byTypeName && typeHead.bare) || !!prefixedNumber;
    candidates.push({
      artifact: typeColumn === -1 ? (idCellType(idCell?.text ?? '', vocab) ?? artifact) : artifact,
      shape: 'row',
      detectedBy: 'row',
      id: idText ? (cellHead?.id ?? withoutMarks(idText, ID_MARKS)) : prefixedNumber ? `${prefixHeader} ${prefixedNumber[1]}` : typeCellIsId ? typeHead?.id : undefined,
      title: withoutTags(typeCell?.text ?? row.cells.find((cell, i) => i !== idColumn && i !== referenceColumn && cell.text)?.text ?? '').slice(0, 200),
      startLine: row.line.line,
      endLine: row.line.line + 1,
      anchor: { start: anchorCell.start, end: anchorCell.end },
      level: 0,
      row: { cells: row.cells, header: found.header, columns, typeColumn, idColumn, typeCellIsId },
    });
  }
  return candidates;
}

const ID_HEADER = /\bid$/;
const NUMBER_CELL = /^\s*#?(\d+(?:\.\d+)*)\s*$/;
/** `story id`, `story-id`, `story_id` → `story`. */
const ID_WORD_AFTER = /[\s_-]*\bid$/;
const MAX_REMEMBERED_IDS = 20_000;
// Emphasis, code and link brackets around an id or a title in a cell; ID_MARKS keeps the brackets.
const HEAD_MARKS = /[*_`[\]]/g;
const ID_MARKS = /[*_`]/g;
const HAS_HEAD_MARK = /[*_`[\]]/;

/**
 * `text.replace(marks, '')`, skipping the replace for a cell without any mark (nearly every
 * id cell): these run once per row, and the patterns are made once, not once per row.
 */
function withoutMarks(text: string, marks: RegExp): string {
  return HAS_HEAD_MARK.test(text) ? text.replace(marks, '') : text;
}

/**
 * readItemHead of an id cell, remembered per cell text (and vocabulary): a backlog table reads one per
 * row on every lint, and on a keystroke all but one are as they were. The head is plain data, never changed.
 */
const idHeads = memoPerOwner<Vocabulary, ItemHead | null>(MAX_REMEMBERED_IDS);

function idHead(text: string, vocab: Vocabulary): ItemHead | undefined {
  const known = idHeads(vocab);
  const head = known.get(text);
  if (head !== undefined) return head ?? undefined;
  // Read from a copy: the head's id is a piece of the text, and the memo keeps it.
  return known.remember(text, readItemHead(detached(text), vocab) ?? null) ?? undefined;
}

/** The header as written when it is one of the artifact's id prefixes (`US`), else undefined. */
function prefixNamed(header: Cell, artifact: ArtifactEntry): string | undefined {
  const text = withoutMarks(header.text, HEAD_MARKS).trim();
  return artifact.idPrefixes.includes(text.toUpperCase()) ? text : undefined;
}

function isTotalLabel(text: string, table: RulesTable): boolean {
  return text.length <= 12 && table.detection.totalRowLabels.includes(withoutMarks(text, HEAD_MARKS).trim().toLowerCase());
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

/** The one type the ID cells' prefixes name (links to other files left out), if they name one. */
function idColumnType(rows: readonly { cells: Cell[] }[], idColumn: number, vocab: Vocabulary): ArtifactEntry | undefined {
  const kinds = new Set<ArtifactEntry | undefined>();
  for (const row of rows) {
    const cell = row.cells[idColumn]?.text ?? '';
    if (!cell || MARKDOWN_LINK_START.test(cell)) continue;
    kinds.add(idCellType(cell, vocab));
  }
  const [only] = kinds;
  return kinds.size === 1 ? only : undefined;
}

function holdsNumbersOnly(rows: readonly { cells: Cell[] }[], column: number): boolean {
  let filled = 0;
  for (const row of rows) {
    const text = row.cells[column]?.text ?? '';
    if (!text) continue;
    if (!NUMBER_CELL.test(withoutMarks(text, HEAD_MARKS))) return false;
    filled++;
  }
  return filled > 0;
}

/** How many filled cells of each column are looked at for statements. */
const STATEMENT_SAMPLE = 6;

/** The column whose first filled cells are mostly story statements (two at least), or -1. */
function statementColumn(rows: readonly { cells: Cell[] }[], table: RulesTable): number {
  const width = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
  for (let column = 0; column < width; column++) {
    let filled = 0;
    let stated = 0;
    for (const row of rows) {
      const text = row.cells[column]?.text ?? '';
      if (!text) continue;
      if (startsWithUserVoice(text, table)) stated++;
      if (++filled >= STATEMENT_SAMPLE) break;
    }
    if (stated >= 2 && stated * 2 >= filled) return column;
  }
  return -1;
}

/** Whether most filled cells of a column are ids or links: references to items written elsewhere. */
function holdsReferences(rows: readonly { cells: Cell[] }[], column: number, vocab: Vocabulary): boolean {
  let filled = 0;
  let references = 0;
  for (const row of rows) {
    const text = row.cells[column]?.text ?? '';
    if (!text) continue;
    filled++;
    if (MARKDOWN_LINK_START.test(text) || HTML_LINK_START.test(text)) references++;
    else {
      const head = readItemHead(withoutMarks(withoutTags(text), HEAD_MARKS).trim(), vocab);
      if ((head && !head.byTypeName && head.bare) || PROJECT_KEY_CELL.test(text)) references++;
    }
  }
  return filled > 0 && references * 2 > filled;
}

const HTML_LINK_START = /^\s*<a\s/i;
const PROJECT_KEY_CELL = /^[\s*_`]*[A-Z][A-Z0-9]{1,9}-\d+[\s*_`]*$/;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;

/** A cell's text without HTML tags (`<span id="US01">US01</span>` → `US01`). */
function withoutTags(text: string): string {
  return text.includes('<') ? text.replace(HTML_TAG, '') : text;
}

/** The type an ID cell's prefix names: `FEAT-001`, `US-BE-01`, or a slug id such as `FEAT-core-file-reading`. */
function idCellType(text: string, vocab: Vocabulary): ArtifactEntry | undefined {
  const cell = withoutTags(text).replace(/[*_`]/g, '').trim();
  const head = readItemHead(cell, vocab);
  if (head) return head.byTypeName ? undefined : head.artifact;
  const slug = /^([A-Za-z]{2,})[-_][\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u.exec(cell);
  return slug ? vocab.byPrefix.get(slug[1].toUpperCase()) : undefined;
}

/** A row: its columns are fields and sections, its type cell the story statement. */
export function readRow(item: Item, row: RowCells): void {
  const line = item.lines[0];
  const { fields, sections } = columnPlan(row);
  // Arrays made at their size (map), not grown by push from empty: a backlog table makes thousands per lint.
  if (fields.length) {
    item.fields = fields.map(({ index, key, normalizedKey }) => {
      const cell = row.cells[index] ?? emptyCell(line);
      const header = row.header[index];
      return {
        key,
        normalizedKey,
        keyStart: header.start,
        keyEnd: header.end,
        values: [{ text: stripMarks(withoutTags(cell.text)), start: cell.start, end: cell.end }],
        source: 'body',
        line: line?.line,
      };
    });
  }
  if (sections.length) {
    item.sections = sections.map(({ index, key }) => {
      const cell = row.cells[index] ?? emptyCell(line);
      const section = makeSection(key, 'label', 7, line?.line ?? item.startLine, cell.start, cell.end);
      section.hasContent = LETTER_OR_DIGIT.test(cell.text);
      return section;
    });
  }
  const typeCell = row.typeColumn >= 0 ? row.cells[row.typeColumn] : undefined;
  item.statementLines = typeCell && line && !row.typeCellIsId ? [{ line: line.line, start: typeCell.start, visible: typeCell.text, inCode: false }] : undefined;
  // A row has no headings: only a section column that is there but empty is missing.
  item.sectionsExpected = false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A column a row is missing (a short row): an empty cell at the line's start. */
function emptyCell(line: ScannedLine | undefined): Cell {
  return { text: '', start: line?.start ?? 0, end: line?.start ?? 0 };
}

interface PlannedColumn {
  index: number;
  key: string;
  normalizedKey: string;
}

/**
 * The columns of a table that are fields of its rows (all but the type and id
 * columns, and those without a name), and those of them that are sections: the
 * same for every row, so worked out once per table (its `columns` array).
 */
const plans = new WeakMap<RowCells['columns'], { fields: PlannedColumn[]; sections: PlannedColumn[] }>();

function columnPlan(row: RowCells): { fields: PlannedColumn[]; sections: PlannedColumn[] } {
  let plan = plans.get(row.columns);
  if (!plan) {
    const fields: PlannedColumn[] = [];
    const sections: PlannedColumn[] = [];
    row.columns.forEach((column, index) => {
      if (index === row.typeColumn || index === row.idColumn || !column.key) return;
      const planned = { index, key: column.key, normalizedKey: column.normalizedKey };
      fields.push(planned);
      if (column.section) sections.push(planned);
    });
    plan = { fields, sections };
    plans.set(row.columns, plan);
  }
  return plan;
}

/**
 * The text without the `*`, `_` and backticks it starts and ends with, as
 * `replace(/^[*_`]+|[*_`]+$/g, '')` would: a pattern anchored at the end is tried at every position.
 */
function stripMarks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isMark(text.charCodeAt(start))) start++;
  while (end > start && isMark(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isMark(c: number): boolean {
  return c === 42 || c === 95 || c === 96;
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
