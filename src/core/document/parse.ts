import { LineIndex } from '../text';
import { Directives } from './directives';
import { bodyFields, frontMatterFields } from './fields';
import type { Field } from './fields';
import { readFrontMatter } from './frontMatter';
import type { FrontMatter } from './frontMatter';
import { scanBody } from './scan';
import type { HtmlComment, ScannedBody } from './scan';
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
    directives: new Directives([...frontMatterComments(text, frontMatter), ...body.comments], index),
  };
}

/**
 * YAML comments in the front matter that hold directives
 * (`# agile-artifacts-disable-next-line wrong-role`): an HTML comment there would break the YAML.
 */
function frontMatterComments(text: string, frontMatter: FrontMatter | undefined): HtmlComment[] {
  if (!frontMatter || frontMatter.problem?.kind === 'unterminated') return [];
  const comments: HtmlComment[] = [];
  const yaml = text.slice(frontMatter.yamlStart, frontMatter.yamlEnd);
  for (const match of yaml.matchAll(/(^|[ \t])#([ \t]*agile-artifacts-[^\r\n]*)/gm)) {
    const start = frontMatter.yamlStart + (match.index ?? 0) + match[1].length;
    // Shaped like an HTML comment (body 4 characters after start) so one parser reads both.
    comments.push({ start: start - 3, end: start + 1 + match[2].length, body: match[2] });
  }
  return comments;
}

/** The first level-1 heading, which names the item in most backlogs. */
export function firstTitle(doc: ParsedDocument): Section | undefined {
  return doc.sections.find((section) => section.kind === 'heading' && section.level === 1);
}
