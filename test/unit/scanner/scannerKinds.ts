import { parseMarkdown } from '../../../src/core/document/parse';
import { findTables } from '../../../src/core/items/tables';
import type { LineKinds } from './reference';

/** The scanner's reading of a document, line by line, and the body text markdown-it must see. */
export function scannerKinds(text: string): { kinds: LineKinds[]; referenceBody: string } {
  const doc = parseMarkdown(text);
  // The empty "line" after a final newline is no line to markdown-it.
  const lineCount = doc.index.lineCount - (text.endsWith('\n') ? 1 : 0);
  const kinds: LineKinds[] = Array.from({ length: lineCount }, () => ({}));
  for (const section of doc.sections) {
    if (section.kind !== 'heading') continue;
    const form = doc.index.lineText(section.line).trimStart().startsWith('#') ? 'atx' : 'setext';
    kinds[section.line].heading = `${form} ${section.level}`;
  }
  for (const line of doc.body.lines) {
    if (line.line >= lineCount) continue;
    if (line.code === 'indented') kinds[line.line].indented = true;
    else if (line.inCode) kinds[line.line].fenced = true;
  }
  for (const comment of doc.body.comments) {
    const last = doc.index.positionAt(Math.max(comment.start, comment.end - 1)).line;
    for (let line = doc.index.positionAt(comment.start).line; line <= last && line < lineCount; line++) kinds[line].comment = true;
  }
  if (doc.body.unclosedComment !== undefined) {
    for (let line = doc.index.positionAt(doc.body.unclosedComment).line; line < lineCount; line++) kinds[line].comment = true;
  }
  for (const table of findTables(doc.body.lines)) {
    kinds[doc.body.lines[table.headerIndex].line].table = 'header';
    for (const row of table.rows) kinds[row.line.line].table = 'row';
  }
  // Front matter blanked line for line, so line numbers stay; a BOM dropped, as editors do on reading.
  const firstBody = doc.body.lines[0]?.line ?? lineCount;
  const referenceBody = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line, i) => (i < firstBody ? '' : line))
    .join('\n');
  return { kinds, referenceBody };
}
