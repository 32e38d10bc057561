import type { ScannedLine } from '../document/scan';

/** One cell of a table row, trimmed, with its offsets in the whole text. */
export interface Cell {
  text: string;
  start: number;
  end: number;
}

/** A Markdown table: its header cells and each body row's cells. */
export interface Table {
  header: Cell[];
  /** Index (into the lines given) of the header line. */
  headerIndex: number;
  /** Body rows; their cells are split only for tables that hold items (splitRow). */
  rows: { index: number; line: ScannedLine }[];
}

const SEPARATOR_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Splits a row into cells at unescaped pipes; a leading and a trailing pipe are optional. */
export function splitRow(line: ScannedLine): Cell[] {
  const text = line.visible;
  const cells: Cell[] = [];
  let from = text.indexOf('|') === text.search(/\S/) ? text.indexOf('|') + 1 : 0;
  // A pipe inside a code span of the cell (`a|b`) does not split it: count backticks as we go.
  let ticks = 0;
  for (let i = from; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 96) ticks++;
    if (i === text.length || (c === 124 && text.charCodeAt(i - 1) !== 92 && ticks % 2 === 0)) {
      const raw = text.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      cells.push({ text: trimmed, start: line.start + from + lead, end: line.start + from + lead + trimmed.length });
      from = i + 1;
      ticks = 0;
    }
  }
  if (cells.length > 1 && cells[cells.length - 1].text === '' && /\|[ \t]*$/.test(text)) cells.pop();
  return cells;
}

/** Finds every table: a row with a pipe, then a separator row with as many columns (GFM). */
export function findTables(lines: readonly ScannedLine[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i];
    const separator = lines[i + 1];
    if (head.inCode || separator.inCode || separator.line !== head.line + 1) continue;
    if (!head.visible.includes('|') || !separator.visible.includes('-') || !SEPARATOR_ROW.test(separator.visible)) continue;
    const header = splitRow(head);
    if (header.length < 2 && !head.visible.trim().startsWith('|')) continue;
    const table: Table = { header, headerIndex: i, rows: [] };
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j];
      if (row.inCode || row.line !== lines[j - 1].line + 1 || !row.visible.includes('|') || !row.visible.trim()) break;
      table.rows.push({ index: j, line: row });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}
