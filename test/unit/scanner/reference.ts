import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/**
 * What a line is, as far as the body scanner's constructs go. One record per
 * line of the document, so the scanner and the reference parser can be
 * compared line by line.
 */
export interface LineKinds {
  /** `atx 2`, `setext 1`: the line where a heading's text starts. */
  heading?: string;
  fenced?: boolean;
  indented?: boolean;
  /** The line holds part of an HTML comment. */
  comment?: boolean;
  table?: 'header' | 'row';
  /** Not compared: the heading sits in a blockquote or a list item (markdown-it's token level above 0). */
  nestedHeading?: boolean;
  /** Not compared: a setext heading whose text is more than one line. */
  multiLine?: boolean;
}

// html: true, as GitHub and VS Code's preview render comments as HTML, not as text.
const md = new MarkdownIt('commonmark', { html: true }).enable('table');

/**
 * markdown-it's reading of a body. Front matter must already be blanked
 * (markdown-it does not know it and would read `---` as a rule).
 */
export function referenceKinds(body: string, lineCount: number): LineKinds[] {
  const kinds: LineKinds[] = Array.from({ length: lineCount }, () => ({}));
  const mark = (from: number, to: number, set: (k: LineKinds) => void) => {
    for (let line = from; line < to && line < lineCount; line++) set(kinds[line]);
  };
  const tokens = md.parse(body, {});
  let section: 'header' | 'row' | undefined;
  for (const token of tokens) {
    const map = token.map;
    switch (token.type) {
      case 'heading_open':
        if (map) {
          kinds[map[0]].heading = `${token.markup.startsWith('#') ? 'atx' : 'setext'} ${token.tag.slice(1)}`;
          if (token.level > 0) kinds[map[0]].nestedHeading = true;
          // A setext heading's text may span lines; its map ends after the underline.
          if (map[1] - map[0] > 2) kinds[map[0]].multiLine = true;
        }
        break;
      case 'fence':
        if (map) mark(map[0], map[1], (k) => (k.fenced = true));
        break;
      case 'code_block':
        if (map) mark(map[0], map[1], (k) => (k.indented = true));
        break;
      case 'html_block':
        if (map) markComments(token.content, map[0], kinds);
        break;
      case 'thead_open':
        section = 'header';
        break;
      case 'tbody_open':
        section = 'row';
        break;
      case 'tr_open':
        if (map && section) kinds[map[0]].table = section;
        break;
      case 'inline':
        if (map && token.children) markInlineComments(token.children, map[0], kinds);
        break;
    }
  }
  // Table cells' inline tokens carry no line; a row is one line, found from its tr.
  let row: number | undefined;
  for (const token of tokens) {
    if (token.type === 'tr_open') row = token.map?.[0];
    else if (token.type === 'inline' && !token.map && row !== undefined && token.children) markInlineComments(token.children, row, kinds);
  }
  return kinds;
}

/** Comments inside an HTML block's raw text (the block may start with another tag). */
function markComments(content: string, firstLine: number, kinds: LineKinds[]): void {
  for (let open = content.indexOf('<!--'); open !== -1; ) {
    const close = content.indexOf('-->', open + 4);
    // Unclosed, it runs to the block's end, not onto the line after its final newline.
    const end = close === -1 ? content.length - (content.endsWith('\n') ? 1 : 0) : close + 3;
    const from = firstLine + countNewlines(content, 0, open);
    const to = from + countNewlines(content, open, end);
    for (let line = from; line <= to && line < kinds.length; line++) kinds[line].comment = true;
    open = close === -1 ? -1 : content.indexOf('<!--', end);
  }
}

/**
 * Comments among a paragraph's inline tokens. Lines are counted from the
 * breaks between tokens; a code span that spans lines hides its break (its
 * content has spaces for newlines), so such paragraphs can be off by a line.
 */
function markInlineComments(children: Token[], firstLine: number, kinds: LineKinds[]): void {
  let line = firstLine;
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
    else if (child.type === 'html_inline') {
      const lines = countNewlines(child.content, 0, child.content.length);
      if (child.content.startsWith('<!--')) for (let l = line; l <= line + lines && l < kinds.length; l++) kinds[l].comment = true;
      line += lines;
    }
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
