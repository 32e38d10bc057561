import { LineIndex } from '../text';
import { Directives } from './directives';
import { bodyFields, frontMatterFields } from './fields';
import type { Field } from './fields';
import { readFrontMatter } from './frontMatter';
import type { FrontMatter } from './frontMatter';
import { scanBody } from './scan';
import type { ScannedBody } from './scan';
import { findSections } from './sections';
import type { Section } from './sections';

/** Everything the checks read from one Markdown file, parsed once. */
export interface ParsedDocument {
  text: string;
  index: LineIndex;
  frontMatter?: FrontMatter;
  body: ScannedBody;
  /** Front-matter fields first, then body fields in document order. */
  fields: Field[];
  sections: Section[];
  directives: Directives;
}

export function parseMarkdown(text: string): ParsedDocument {
  const index = new LineIndex(text);
  const frontMatter = readFrontMatter(text);
  const firstBodyLine = !frontMatter
    ? 0
    : frontMatter.bodyStart >= text.length
      ? index.lineCount
      : index.positionAt(frontMatter.bodyStart).line;
  const body = scanBody(index, firstBodyLine);
  return {
    text,
    index,
    frontMatter,
    body,
    fields: [...frontMatterFields(frontMatter), ...bodyFields(body.lines)],
    sections: findSections(body.lines),
    directives: new Directives(body.comments, index),
  };
}

/** The first level-1 heading, which names the item in most backlogs. */
export function firstTitle(doc: ParsedDocument): Section | undefined {
  return doc.sections.find((section) => section.kind === 'heading' && section.level === 1);
}
