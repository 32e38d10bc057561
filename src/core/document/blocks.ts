/**
 * Which lines are code, as CommonMark reads them: fenced code, and code
 * indented 4 columns past its container. The containers (blockquotes and list
 * items) are tracked because they move both: a line indented 6 spaces inside
 * `- item` is text, a fence inside `> ` ends with the quote. One pass, a few
 * character tests per line and no regular expression, since this runs on
 * every keystroke.
 */
import { delimiterColumns, headerColumns } from './tableSyntax';
import { codeAt } from '../text';

export type CodeKind = 'fenced' | 'indented';
/**
 * What a line is, where it matters to the scanner: code, raw HTML (no
 * headings or tables in it), a table's delimiter row or body row, or none of these.
 */
export type LineKind = CodeKind | 'html' | 'delimiter' | 'row';

interface Container {
  quote: boolean;
  /** A list item's content column (where its text starts); unused for a quote. */
  content: number;
  /** A list item with nothing yet after its marker: a blank line ends it (CommonMark). */
  empty?: boolean;
}

interface Fence {
  char: number;
  length: number;
  /** Containers open when the fence opened; the fence ends with any of them. */
  depth: number;
}

const SPACE = 32;
const TAB = 9;
const GT = 62;
const BACKTICK = 96;
const TILDE = 126;

export class BlockTracker {
  private containers: Container[] = [];
  private fence: Fence | undefined;
  /** The last line was paragraph (or HTML) text, which an indented line continues rather than starting code. */
  private text = false;
  /** Inside a table's body rows, which end at a blank line, an indented line or another block. */
  private table = false;
  /** Where the last paragraph line's text starts: a table's header, if the next line is a delimiter row. */
  private lastLine = '';
  private lastPos = 0;
  /** Inside an HTML block (`<div>`, `<details>` …), which runs to a blank line and holds no Markdown blocks. */
  private html = false;

  /**
   * Reads the next line; returns what code it is, if any. `inComment`: the line
   * continues an HTML comment opened on an earlier line, which is neither code
   * nor a fence.
   */
  next(line: string, inComment: boolean): LineKind | undefined {
    // Most lines are prose at the top level: a line that starts with a letter opens no block.
    if (this.containers.length === 0 && !this.fence && !this.html && !this.table && !inComment && isLetter(codeAt(line, 0))) {
      this.text = true;
      this.lastLine = line;
      this.lastPos = 0;
      return undefined;
    }
    let col = 0;
    let pos = 0;
    let matched = 0;
    const blank = isBlank(line, 0);
    for (; matched < this.containers.length; matched++) {
      const container = this.containers[matched];
      const indent = indentAt(line, pos, col);
      if (container.quote) {
        if (indent.width > 3 || codeAt(line, indent.pos) !== GT) break;
        [pos, col] = afterQuoteMarker(line, indent.pos + 1, indent.col + 1);
      } else if (blank) {
        if (container.empty) break;
        continue;
      } else {
        container.empty = false;
        if (indent.col < container.content) break;
        [pos, col] = advanceTo(line, pos, col, container.content);
      }
    }
    if (this.fence && matched >= this.fence.depth) {
      if (this.closesFence(line, pos, col)) this.fence = undefined;
      return 'fenced';
    }
    if (inComment) {
      this.closeUnmatched(matched);
      return undefined;
    }
    // `>` alone is a blank line inside the quote (and ends a quote nested deeper).
    if (blank || isBlank(line, pos)) {
      this.closeUnmatched(matched);
      this.text = false;
      this.table = false;
      this.html = false;
      return undefined;
    }
    if (this.html && matched === this.containers.length) return 'html';
    if (matched < this.containers.length) {
      // A lazy line: paragraph text carried on without the quote's `>` or the item's indent.
      if (this.text && !startsBlock(line, pos, col, false)) {
        this.lastLine = ''; // a table's rows cannot continue lazily below it
        return undefined;
      }
      this.closeUnmatched(matched);
    }
    return this.leaf(line, pos, col);
  }

  private closeUnmatched(matched: number): void {
    if (matched >= this.containers.length) return;
    this.containers.length = matched;
    this.fence = undefined;
    this.text = false;
    this.table = false;
    this.html = false;
  }

  /** The block that starts at `pos`, after the containers that continue: new containers first. */
  private leaf(line: string, pos: number, col: number): LineKind | undefined {
    for (;;) {
      const indent = indentAt(line, pos, col);
      if (isBlank(line, indent.pos)) {
        // Only container markers (`> >`): a blank line inside them.
        this.text = false;
        return undefined;
      }
      if (this.table) {
        if (indent.width < 4 && !startsBlock(line, pos, col, false)) return 'row';
        this.table = false;
      }
      if (indent.width >= 4) {
        if (this.text) {
          // Paragraph text still, but indented too far to be a table's header.
          this.lastLine = '';
          return undefined;
        }
        return 'indented';
      }
      const c = codeAt(line, indent.pos);
      if (c === GT) {
        this.containers.push({ quote: true, content: 0 });
        this.text = false;
        [pos, col] = afterQuoteMarker(line, indent.pos + 1, indent.col + 1);
        continue;
      }
      if (isAdmonition(line, indent.pos)) {
        // MkDocs/Python-Markdown `!!! note` and `??? abstract "Title"`: the block indented 4 under it is
        // the admonition's content, shown as Markdown (a table, a story), not as code. Held as a container.
        this.containers.push({ quote: false, content: indent.col + 4 });
        this.text = false;
        return undefined;
      }
      const marker = listMarker(line, indent.pos, this.text);
      if (marker !== undefined && !isThematicBreak(line, indent.pos)) {
        const markerCol = indent.col + (marker - indent.pos);
        const after = indentAt(line, marker, markerCol);
        // Five or more spaces after the marker: the text starts one column after it, the rest is code.
        const content = isBlank(line, marker) || after.width > 4 ? markerCol + 1 : after.col;
        this.containers.push({ quote: false, content, empty: isBlank(line, marker) });
        this.text = false;
        if (isBlank(line, marker)) return undefined;
        [pos, col] = after.width > 4 ? advanceTo(line, marker, markerCol, markerCol + 1) : [after.pos, after.col];
        continue;
      }
      if (c === 60 /* < */ && codeAt(line, indent.pos + 1) === 33 /* ! */) {
        // A comment (or `<!DOCTYPE`) block: scan.ts follows it to its `-->`; after it, no paragraph is open.
        this.text = false;
        return undefined;
      }
      if (c === 60 /* < */ && startsHtmlBlock(line, indent.pos, this.text)) {
        this.html = true;
        this.text = false;
        return 'html';
      }
      const fence = fenceOpener(line, indent.pos);
      if (fence) {
        this.fence = { ...fence, depth: this.containers.length };
        this.text = false;
        return 'fenced';
      }
      if (this.text && isTableStart(line, indent.pos, this.lastLine, this.lastPos)) {
        this.table = true;
        this.text = false;
        return 'delimiter';
      }
      this.lastLine = line;
      this.lastPos = indent.pos;
      // Headings and rules end a paragraph; an underline (`---`, `===`) ends it as its heading.
      this.text = !isAtxHeading(line, indent.pos) && !isThematicBreak(line, indent.pos) && !(this.text && isSetextUnderline(line, indent.pos));
      return undefined;
    }
  }

  private closesFence(line: string, pos: number, col: number): boolean {
    const fence = this.fence!;
    const indent = indentAt(line, pos, col);
    if (indent.width > 3 || codeAt(line, indent.pos) !== fence.char) return false;
    let end = indent.pos;
    while (codeAt(line, end) === fence.char) end++;
    return end - indent.pos >= fence.length && isBlank(line, end);
  }
}

/** A-Z, a-z, or any letter beyond ASCII (no block marker is one). */
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** The first non-blank character at or after `pos`, its column, and how many columns of blank lead to it. */
function indentAt(line: string, pos: number, col: number): { pos: number; col: number; width: number } {
  const start = col;
  for (;;) {
    const c = codeAt(line, pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else return { pos, col, width: col - start };
    pos++;
  }
}

/** Moves past blank until column `target` (a tab that overshoots is consumed whole: close enough here). */
function advanceTo(line: string, pos: number, col: number, target: number): [number, number] {
  while (col < target) {
    const c = codeAt(line, pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return [pos, col];
}

/** After `>`, one optional space belongs to the marker. */
function afterQuoteMarker(line: string, pos: number, col: number): [number, number] {
  const c = codeAt(line, pos);
  return c === SPACE || c === TAB ? [pos + 1, col + 1] : [pos, col];
}

function isBlank(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) {
    const c = codeAt(line, i);
    if (c !== SPACE && c !== TAB && c !== 13) return false;
  }
  return true;
}

/**
 * The position after a list marker (`-`, `*`, `+`, `1.`, `1)`) at `pos`, or
 * undefined. Inside a paragraph only a non-empty item numbered 1 or bulleted
 * may start (CommonMark), so `2019. was a good year` continues the text.
 */
function listMarker(line: string, pos: number, inParagraph: boolean): number | undefined {
  const c = codeAt(line, pos);
  let end = pos;
  if (c === 45 || c === 42 || c === 43) end = pos + 1;
  else {
    while (end - pos < 9 && codeAt(line, end) >= 48 && codeAt(line, end) <= 57) end++;
    if (end === pos || (codeAt(line, end) !== 46 && codeAt(line, end) !== 41)) return undefined;
    if (inParagraph && line.slice(pos, end) !== '1') return undefined;
    end++;
  }
  const after = codeAt(line, end);
  if (end < line.length && after !== SPACE && after !== TAB && after !== 13) return undefined;
  if (inParagraph && isBlank(line, end)) return undefined;
  return end;
}

/** `***`, `- - -`, `___`: three or more of one of them, spaces between. */
function isThematicBreak(line: string, pos: number): boolean {
  const c = codeAt(line, pos);
  if (c !== 42 && c !== 45 && c !== 95) return false;
  // `- - - … text` nests a list item per marker: without this, each would rescan the line.
  if (otherThanBreakChars(line, pos) < line.length) return false;
  let count = 0;
  for (let i = pos; i < line.length; i++) {
    const d = codeAt(line, i);
    if (d === c) count++;
    else if (d !== SPACE && d !== TAB && d !== 13) return false;
  }
  return count >= 3;
}

let breakLine = '';
let breakFrom = 0;
let breakStop = 0;

/**
 * The first character at or after `pos` that can be in no thematic break
 * (not `*`, `-`, `_` or blank). Remembered for the last line asked: the
 * characters between are all break characters, so a later `pos` before the
 * stop has the same answer.
 */
function otherThanBreakChars(line: string, pos: number): number {
  if (line === breakLine && pos >= breakFrom && pos <= breakStop) return breakStop;
  let i = pos;
  for (; i < line.length; i++) {
    const d = codeAt(line, i);
    if (d !== 42 && d !== 45 && d !== 95 && d !== SPACE && d !== TAB && d !== 13) break;
  }
  breakLine = line;
  breakFrom = pos;
  breakStop = i;
  return i;
}

/** `!!! type`, `??? type`, `???+ type` (an admonition or a collapsible one). */
function isAdmonition(line: string, pos: number): boolean {
  const c = codeAt(line, pos);
  if ((c !== 33 && c !== 63) || codeAt(line, pos + 1) !== c || codeAt(line, pos + 2) !== c) return false;
  let end = pos + 3;
  if (c === 63 && codeAt(line, end) === 43 /* + */) end++;
  const after = codeAt(line, end);
  return (after === SPACE || after === TAB) && !isBlank(line, end);
}

/** `#` to `######`, then a space, a tab or the end of the line. */
function isAtxHeading(line: string, pos: number): boolean {
  let end = pos;
  while (codeAt(line, end) === 35) end++;
  const after = codeAt(line, end);
  return end > pos && end - pos <= 6 && (end === line.length || after === SPACE || after === TAB || after === 13);
}

function isSetextUnderline(line: string, pos: number): boolean {
  const c = codeAt(line, pos);
  if (c !== 61 && c !== 45) return false;
  let end = pos;
  while (codeAt(line, end) === c) end++;
  return isBlank(line, end);
}

/**
 * A line that neither continues a paragraph lazily nor a table's body: it
 * starts a block of its own. Of the HTML blocks only comments and `<?`/`<!`
 * are told apart; the rest need a tag name list for little gain.
 */
export function startsBlock(line: string, pos = 0, col = 0, inParagraph = true): boolean {
  const indent = indentAt(line, pos, col);
  if (indent.width >= 4) return false;
  const c = codeAt(line, indent.pos);
  if (c === 60 /* < */) {
    const d = codeAt(line, indent.pos + 1);
    return d === 33 /* ! */ || d === 63 /* ? */ || startsHtmlBlock(line, indent.pos, true);
  }
  return c === GT || isAtxHeading(line, indent.pos) || isThematicBreak(line, indent.pos) || listMarker(line, indent.pos, inParagraph) !== undefined || fenceOpener(line, indent.pos) !== undefined;
}

// CommonMark's HTML block type 6: these tags open a block that runs to the next blank line.
const BLOCK_TAGS = new Set(('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
  'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem ' +
  'nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '));

/**
 * `<div>`, `</details>`, `<center>` (type 6), and, outside a paragraph, a line
 * that is one whole tag of another name (type 7). Comments are the scanner's
 * own business; `<script>`, `<pre>` and `<style>` (type 1, closed by their
 * end tag) count as type 6 here, a blank line inside them being rare.
 */
function startsHtmlBlock(line: string, pos: number, inParagraph: boolean): boolean {
  let i = pos + 1;
  if (codeAt(line, i) === 47 /* / */) i++;
  const nameStart = i;
  for (let c = codeAt(line, i); (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57 && i > nameStart) || c === 45; c = codeAt(line, ++i));
  if (i === nameStart) return false;
  const name = line.slice(nameStart, i).toLowerCase();
  const after = codeAt(line, i);
  const ends = i === line.length || after === SPACE || after === TAB || after === 13 || after === 62 || (after === 47 && codeAt(line, i + 1) === 62);
  if (ends && (BLOCK_TAGS.has(name) || name === 'script' || name === 'pre' || name === 'style' || name === 'textarea')) return true;
  if (inParagraph) return false;
  const close = line.indexOf('>', i);
  return close !== -1 && isBlank(line, close + 1) && ends;
}

/** A delimiter row under a header with as many cells: a GFM table, which may interrupt a paragraph. */
function isTableStart(line: string, pos: number, header: string, headerPos: number): boolean {
  const c = codeAt(line, pos);
  if (c !== 124 && c !== 45 && c !== 58) return false;
  const columns = delimiterColumns(line.slice(pos));
  return columns > 0 && headerColumns(header.slice(headerPos)) === columns;
}

/** ```` ``` ```` or `~~~` (3 or more); a backtick fence's info string holds no backtick. */
function fenceOpener(line: string, pos: number): { char: number; length: number } | undefined {
  const c = codeAt(line, pos);
  if (c !== BACKTICK && c !== TILDE) return undefined;
  let end = pos;
  while (codeAt(line, end) === c) end++;
  if (end - pos < 3) return undefined;
  if (c === BACKTICK && line.indexOf('`', end) !== -1) return undefined;
  return { char: c, length: end - pos };
}
