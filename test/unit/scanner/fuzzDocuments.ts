import { mulberry32 } from '../random';

/**
 * Seeded Markdown documents built from the constructs the body scanner must
 * read as a CommonMark/GFM parser does, mixed with their near misses: fences
 * of both kinds and several lengths (closed, unclosed, closed by the wrong
 * fence), 4-space code at the top and inside list items, setext underlines,
 * tables with and without leading pipes or a matching delimiter row, HTML
 * comments in blocks and paragraphs, blockquotes and front matter.
 */
export function fuzzDocument(seed: number): string {
  const g = generator(mulberry32(seed));
  const blocks: string[][] = [];
  if (g.chance(0.3)) blocks.push(['---', `type: ${g.pick(['story', 'feature', 'epic'])}`, 'title: Saved cards', '---']);
  for (let n = g.int(3, 12); n > 0; n--) blocks.push(g.pick(BLOCKS)(g));
  let text = blocks.map((block) => block.join('\n')).reduce((all, block) => all + g.pick(['\n', '\n\n', '\n\n', '\n\n\n']) + block);
  if (g.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  return `${text}\n`;
}

type Gen = ReturnType<typeof generator>;

function generator(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const spaces = (max: number) => ' '.repeat(pick([0, 0, 0, 1, 2, 3, 4, 5].filter((n) => n <= max)));
  return { int, pick, chance, spaces, text: () => pick(TEXT) };
}

const TEXT = ['As a shopper, I want saved cards so that I pay faster.', 'Acceptance Criteria', 'Accepted by: Product Owner', 'Some text with `code` and **bold**.', 'A line | with a pipe', 'Story: Project scaffold', 'Ends with a colon:', 'x'];

const BLOCKS: ((g: Gen) => string[])[] = [
  atxHeading,
  setextHeading,
  fence,
  indentedCode,
  comment,
  table,
  list,
  blockquote,
  paragraph,
  (g) => [g.pick(['***', '---', '___', '- - -', ' * * *'])],
  (g) => [g.pick(['<div>', '<details>', '<summary>Done</summary>']), g.text(), ...(g.chance(0.5) ? [`${g.spaces(5)}indented inside html`] : []), g.pick(['</div>', '</details>'])],
];

function atxHeading(g: Gen): string[] {
  return [`${g.spaces(5)}${'#'.repeat(g.int(1, 7))}${g.pick([' ', ' ', '', '\t'])}${g.pick(['US 1.1: Saved cards', 'Acceptance Criteria', ''])}${g.pick(['', '', ' ##', '#', ' '])}`];
}

function setextHeading(g: Gen): string[] {
  const title = g.chance(0.3) ? [g.text(), g.text()] : [g.pick(['Saved cards', '- item', '> quoted', '| a | b |', 'Title:'])];
  return [...title, `${g.spaces(5)}${g.pick(['=', '-']).repeat(g.int(1, 5))}${g.pick(['', ' ', ' x'])}`];
}

function fence(g: Gen, indent = ''): string[] {
  const mark = g.pick(['`', '~']);
  const length = g.int(3, 5);
  const lines = [`${indent}${g.spaces(5)}${mark.repeat(length)}${g.pick(['', 'ts', ' yaml', 'x`y', '~'])}`];
  for (let n = g.int(0, 3); n > 0; n--) lines.push(indent + g.pick(['# not a heading', '<!-- not a comment -->', '| a | b |', '|---|---|', mark.repeat(length - 1), '    four spaces', '', 'accepted-by: PO']));
  const close = g.pick(['same', 'same', 'longer', 'shorter', 'other', 'none', 'text']);
  if (close === 'none') return lines;
  const closeMark = close === 'other' ? (mark === '`' ? '~' : '`') : mark;
  const closeLength = close === 'longer' ? length + 1 : close === 'shorter' ? length - 1 : length;
  lines.push(`${indent}${g.spaces(5)}${closeMark.repeat(closeLength)}${close === 'text' ? ' not a close' : g.pick(['', ' '])}`);
  return lines;
}

function indentedCode(g: Gen): string[] {
  const lead = g.pick(['    ', '\t', '  \t', '     ']);
  const lines = [`${lead}code line`];
  for (let n = g.int(0, 2); n > 0; n--) lines.push(g.chance(0.3) ? '' : `${lead}${g.pick(['# not a heading', '<!-- not a comment -->', '| a | b |', 'more code'])}`);
  // Without a blank line before it, the indented line continues a paragraph.
  return g.chance(0.3) ? [g.text(), ...lines] : lines;
}

function comment(g: Gen): string[] {
  return g.pick([
    ['<!-- agile-artifacts-disable wrong-role -->'],
    ['<!--', g.text(), '-->'],
    [`${g.text()} <!-- inline --> after`],
    [`${g.text()} <!-- opens here`, 'and closes -->'],
    ['Code `<!--` is not a comment.'],
    [`${g.spaces(4)}<!-- indented -->`],
    ['<!-- unclosed', g.text()],
  ]);
}

function table(g: Gen): string[] {
  const lead = g.chance(0.6) ? '| ' : '';
  const trail = g.chance(0.6) ? ' |' : '';
  const columns = g.int(1, 4);
  const row = (cells: string[]) => `${lead}${cells.join(' | ')}${trail}`;
  const names = ['ID', 'User Story', 'Accepted By', 'Acceptance Criteria'].slice(0, columns);
  const delimiterCount = g.chance(0.8) ? columns : g.int(1, 4);
  const lines = [`${g.spaces(4)}${row(names)}`, row(Array.from({ length: delimiterCount }, () => g.pick(['---', ':--', '--:', ':-:', '-'])))];
  for (let n = g.int(0, 3); n > 0; n--) lines.push(g.chance(0.15) ? g.pick(['no pipe here', '    | indented | row |']) : row(names.map((_, i) => `US-${n}${i ? ' cell' : ''}`)));
  return lines;
}

function list(g: Gen): string[] {
  const lines: string[] = [];
  for (let n = g.int(1, 4); n > 0; n--) {
    const marker = g.pick(['-', '*', '+', '1.', '2)', '10.']);
    const pad = ' '.repeat(marker.length + 1);
    lines.push(`${marker} ${g.text()}`);
    const extra = g.int(0, 6);
    if (extra === 1) lines.push(`${pad}  ${g.pick(['- nested', '1. nested'])}`, `${pad}      nested continuation`);
    else if (extra === 2) lines.push('', `${pad}${g.text()}`);
    else if (extra === 3) lines.push('', `${pad}    code inside the item`);
    else if (extra === 4) lines.push(...fence(g, pad));
    else if (extra === 5) lines.push(`${pad}    lazy or nested continuation`);
    else if (extra === 6) lines.push('', `    ${g.text()}`);
  }
  return lines;
}

function blockquote(g: Gen): string[] {
  const lines: string[] = [];
  for (let n = g.int(1, 3); n > 0; n--) lines.push(g.pick(['> ', '>', '> > ']) + g.pick(['# quoted heading', '```', 'text', '| a | b |', '|---|---|', '    quoted code', '<!-- quoted -->', '']));
  return lines;
}

function paragraph(g: Gen): string[] {
  const lines = [g.text()];
  for (let n = g.int(0, 2); n > 0; n--) lines.push(g.chance(0.3) ? `      ${g.text()}` : g.text());
  return lines;
}
