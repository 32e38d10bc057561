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
  const length = text.length;
  const cells: Cell[] = [];
  // A leading pipe (after blank) opens the first cell rather than ending an empty one.
  let lead = 0;
  while (lead < length && isTrimmed(text.charCodeAt(lead))) lead++;
  let from = lead < length && text.charCodeAt(lead) === 124 ? lead + 1 : 0;
  // A pipe inside a code span of the cell (`a|b`) does not split it: count backticks as we go.
  // indexOf finds the next pipe and backtick: far faster than testing each character.
  let ticks = 0;
  let tick = text.indexOf('`', from);
  for (let pos = from; ; ) {
    const pipe = text.indexOf('|', pos);
    while (tick !== -1 && (pipe === -1 || tick < pipe)) {
      ticks++;
      tick = text.indexOf('`', tick + 1);
    }
    if (pipe === -1) {
      cells.push(cell(line, from, length));
      break;
    }
    if (text.charCodeAt(pipe - 1) !== 92 && ticks % 2 === 0) {
      cells.push(cell(line, from, pipe));
      from = pipe + 1;
      ticks = 0;
    }
    pos = pipe + 1;
  }
  if (cells.length > 1 && cells[cells.length - 1].text === '' && endsWithPipe(text)) cells.pop();
  return cells;
}

/** The text between two offsets of a line, trimmed as String.prototype.trim would, sliced once. */
function cell(line: ScannedLine, from: number, to: number): Cell {
  const text = line.visible;
  let start = from;
  let end = to;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  return { text: text.slice(start, end), start: line.start + start, end: line.start + end };
}

/** `|` then only spaces and tabs to the end of the text. */
function endsWithPipe(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i >= 0 && text.charCodeAt(i) === 124;
}

/** What String.prototype.trim removes (and `\s` matches): white space and line terminators. */
function isTrimmed(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
