/**
 * GFM table syntax, shared by the block tracker (a table row is not a
 * paragraph, so an indented line after it is code) and findTables. Character
 * scans, no regular expressions: these run on every line with a pipe.
 */
import { codeAt } from '../text';

/** Columns of a delimiter row (`|---|:--:|`, `--- | ---`), or 0 when the line is not one. */
export function delimiterColumns(text: string): number {
  let pos = 0;
  while (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9) pos++;
  const first = text.charCodeAt(pos);
  const second = text.charCodeAt(pos + 1);
  if (first !== 124 && first !== 45 && first !== 58) return 0;
  // `- ` would be a list item; a lone `|` or `-` is too short to be a row.
  if (pos + 1 >= text.length || (first === 45 && (second === 32 || second === 9))) return 0;
  let columns = 0;
  let dashes = 0;
  let cellChars = 0;
  let pipes = 0;
  let colonAfterDashes = false;
  for (let i = pos; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 124;
    if (c === 124) {
      const atEdge = pipes === 0 || i === text.length;
      if (cellChars === 0) {
        // Empty cells are allowed only before the first pipe and after the last.
        if (!atEdge) return 0;
      } else if (dashes === 0) return 0;
      else columns++;
      if (i < text.length) pipes++;
      dashes = 0;
      cellChars = 0;
      colonAfterDashes = false;
    } else if (c === 45) {
      if (colonAfterDashes) return 0;
      dashes++;
      cellChars++;
    } else if (c === 58) {
      if (colonAfterDashes || (dashes === 0 && cellChars > 0)) return 0;
      if (dashes > 0) colonAfterDashes = true;
      cellChars++;
    } else if (c === 32 || c === 9 || c === 13) {
      // A space inside a cell (`- -`) is not allowed; around it, it is.
      if (cellChars > 0 && nextNonBlank(text, i) !== 124) return 0;
    } else return 0;
  }
  return columns;
}

function nextNonBlank(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return c;
  }
  return 124; // the end of the line closes the cell like a pipe
}

/**
 * Cells of a header row as GFM counts them: split at pipes not escaped with
 * `\`, an empty first and last cell dropped. 0 without any pipe (not a header).
 */
export function headerColumns(text: string): number {
  let pipes = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 124 && codeAt(text, i - 1) !== 92) {
      pipes++;
      last = i;
      if (first === -1) first = i;
    }
  }
  if (pipes === 0) return 0;
  let columns = pipes + 1;
  if (isBlankBetween(text, 0, first)) columns--;
  if (isBlankBetween(text, last + 1, text.length)) columns--;
  return columns;
}

function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
