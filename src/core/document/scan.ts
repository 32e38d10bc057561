import type { LineIndex } from '../text';
import { BlockTracker } from './blocks';
import type { CodeKind } from './blocks';
import { LineFactsFinder } from './recentLines';
import type { LineFacts } from '../memo';

/** A body line as the checks see it: code and HTML comments blanked out. */
export interface ScannedLine {
  line: number;
  /** Offset of the line's first character in the whole text. */
  start: number;
  /**
   * The line with HTML comments replaced by spaces (same length), so that
   * columns stay true. Empty for lines of code.
   */
  visible: string;
  /** Fenced or indented code (see blocks.ts). */
  inCode: boolean;
  code?: CodeKind;
  /** Inside a raw HTML block (`<details>` up to a blank line): text, but never a heading or a table. */
  html?: boolean;
  /** A GFM table's delimiter row (the line above is its header) or one of its body rows. */
  table?: 'delimiter' | 'row';
  /** What the passes found in this text before (memo.ts); absent on lines made up of parts of lines (a table cell). */
  facts?: LineFacts;
}

/** An HTML comment, where inline directives live. */
export interface HtmlComment {
  start: number;
  end: number;
  body: string;
}

export interface ScannedBody {
  lines: ScannedLine[];
  comments: HtmlComment[];
  /** Where a comment opens that never closes: the rest of the body is hidden, as the preview hides it. */
  unclosedComment?: number;
}

/** Splits the body into lines, marking code (fenced and indented) and blanking HTML comments. */
export function scanBody(index: LineIndex, firstLine: number): ScannedBody {
  const lines: ScannedLine[] = [];
  const comments: HtmlComment[] = [];
  const blocks = new BlockTracker();
  // Blank lines after indented code are code only if more code follows (CommonMark).
  let blankAfterCode: ScannedLine[] = [];
  let commentStart = -1;
  const facts = new LineFactsFinder(index, firstLine);
  for (let line = firstLine; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const raw = index.lineText(line);
    const kind = blocks.next(raw, commentStart !== -1);
    const code = kind === 'fenced' || kind === 'indented' ? kind : undefined;
    if (code) {
      if (code === 'indented') for (const blank of blankAfterCode) Object.assign(blank, { inCode: true, code, visible: '', facts: undefined });
      blankAfterCode = [];
      lines.push({ line, start, visible: '', inCode: true, code, html: false, table: undefined, facts: undefined });
      continue;
    }
    if ((lines.length && lines[lines.length - 1].code === 'indented') || blankAfterCode.length) {
      if (raw.trim() === '') {
        const scanned: ScannedLine = { line, start, visible: raw, inCode: false, code: undefined, html: false, table: undefined, facts: facts.factsAt(line, raw) };
        blankAfterCode.push(scanned);
        lines.push(scanned);
        continue;
      }
      blankAfterCode = [];
    }
    let visible = '';
    let column = 0;
    // `<!--` inside inline code is text, not a comment: search a copy with code spans blanked.
    const searched = raw.includes('`') && (commentStart !== -1 || raw.includes('<!--')) ? blankInlineCode(raw) : raw;
    while (column < raw.length) {
      if (commentStart !== -1) {
        const close = searched.indexOf('-->', column);
        const stop = close === -1 ? raw.length : close + 3;
        visible += ' '.repeat(stop - column);
        column = stop;
        if (close !== -1) {
          const end = start + stop;
          comments.push({ start: commentStart, end, body: index.text.slice(commentStart + 4, end - 3) });
          commentStart = -1;
        }
        continue;
      }
      const open = searched.indexOf('<!--', column);
      if (open === -1) {
        visible += raw.slice(column);
        break;
      }
      visible += raw.slice(column, open);
      commentStart = start + open;
      column = open;
    }
    // Every line gets the same fields in the same order: one object shape keeps the readers' property access fast.
    lines.push({ line, start, visible, inCode: false, code: undefined, html: kind === 'html', table: kind === 'delimiter' || kind === 'row' ? kind : undefined, facts: facts.factsAt(line, visible) });
  }
  facts.finish();
  return { lines, comments, unclosedComment: commentStart === -1 ? undefined : commentStart };
}

/** Blanks inline code spans (`like this`) with spaces, keeping columns. */
export function blankInlineCode(text: string): string {
  let open = text.indexOf('`');
  if (open === -1) return text;
  let result = '';
  let copied = 0;
  while (open !== -1) {
    let runEnd = open;
    while (text.charCodeAt(runEnd) === 96) runEnd++;
    const run = text.slice(open, runEnd);
    let close = text.indexOf(run, runEnd);
    while (close !== -1 && text.charCodeAt(close + run.length) === 96) {
      let skip = close;
      while (text.charCodeAt(skip) === 96) skip++;
      close = text.indexOf(run, skip);
    }
    if (close === -1) {
      open = text.indexOf('`', runEnd);
      continue;
    }
    const end = close + run.length;
    result += text.slice(copied, open) + ' '.repeat(end - open);
    copied = end;
    open = text.indexOf('`', end);
  }
  return result + text.slice(copied);
}
