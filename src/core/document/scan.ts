import type { LineIndex } from '../text';

/** A body line as the checks see it: code and HTML comments blanked out. */
export interface ScannedLine {
  line: number;
  /** Offset of the line's first character in the whole text. */
  start: number;
  /**
   * The line with HTML comments replaced by spaces (same length), so that
   * columns stay true. Empty for lines inside fenced code.
   */
  visible: string;
  inCode: boolean;
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
}

// A fence may sit in a list item or a blockquote; a backtick fence's info string has no backtick.
const FENCE = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}(?=[^`]*$)|~{3,})/;

/** Splits the body into lines, marking fenced code and blanking HTML comments. */
export function scanBody(index: LineIndex, firstLine: number): ScannedBody {
  const lines: ScannedLine[] = [];
  const comments: HtmlComment[] = [];
  let fence: string | undefined;
  let commentStart = -1;
  for (let line = firstLine; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const raw = index.lineText(line);
    if (commentStart === -1) {
      const opened = FENCE.exec(raw);
      if (fence) {
        if (opened && opened[1][0] === fence[0] && opened[1].length >= fence.length && raw.slice(opened[0].length).trim() === '') {
          fence = undefined;
        }
        lines.push({ line, start, visible: '', inCode: true });
        continue;
      }
      if (opened) {
        fence = opened[1];
        lines.push({ line, start, visible: '', inCode: true });
        continue;
      }
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
    lines.push({ line, start, visible, inCode: false });
  }
  return { lines, comments };
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
