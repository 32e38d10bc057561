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

/**
 * The tables the scanner marked (blocks.ts reads them as GFM does, inside
 * list items too): the line above a delimiter row is the header, then the
 * body rows. A table quoted in a blockquote is left out: its rows are a
 * quotation, and its cells would carry the `>`.
 */
export function findTables(lines: readonly ScannedLine[]): Table[] {
  const tables: Table[] = [];
  for (let i = 1; i < lines.length; i++) {
    const head = lines[i - 1];
    if (lines[i].table !== 'delimiter' || head.line !== lines[i].line - 1 || isQuoted(head.visible)) continue;
    const table: Table = { header: splitRow(head), headerIndex: i - 1, rows: [] };
    let j = i + 1;
    for (; j < lines.length && lines[j].table === 'row' && lines[j].line === lines[j - 1].line + 1; j++) {
      table.rows.push({ index: j, line: lines[j] });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

function isQuoted(text: string): boolean {
  for (let i = 0; i < text.length && i < 4; i++) {
    if (text[i] === '>') return true;
    if (text[i] !== ' ') return false;
  }
  return false;
}
