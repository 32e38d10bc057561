import { joinWith } from '../core/rules/messages';
import type { RulesTable, SectionEntry } from '../core/rules/types';
import { artifactOutline, sectionOutline, userVoiceLine } from '../core/templates';
import type { TemplateLine, TemplatePiece } from '../core/templates';

/** Where the snippets go; package.json's contributes.snippets points here. */
export const SNIPPETS_PATH = 'snippets/agile-artifacts.code-snippets.json';

/** A VS Code snippet, as `.code-snippets` files write it. */
export interface Snippet {
  scope: string;
  prefix: string[];
  description: string;
  body: string[];
}

/** Short prefixes for the sections people insert most; any other section is reached by its id. */
const SECTION_PREFIXES: Record<string, string> = { 'acceptance-criteria': 'ac', 'benefit-hypothesis': 'benefit', 'hypothesis-statement': 'hypothesis' };

/**
 * VS Code snippets for Markdown: a whole new file per artifact type (role
 * fields as choices of the allowed roles, enabler kinds as choices), each
 * required section on its own, and the user-voice statement. Built from the
 * same outline as the "New …" command's templates.
 */
export function snippets(table: RulesTable): Record<string, Snippet> {
  const result: Record<string, Snippet> = {};
  // The bare "enabler" type is for files that do not say their level; nobody starts one on purpose.
  for (const artifact of table.artifacts.filter((candidate) => candidate.base !== undefined || !candidate.enabler)) {
    const title = { placeholder: 'Title' };
    result[`New ${artifact.name}`] = snippet([artifact.id], `A new ${artifact.name.toLowerCase()}: ${artifact.summary}`, artifactOutline(artifact, title, table), title);
  }
  for (const { section, plurals } of distinctSections(table)) {
    const short = SECTION_PREFIXES[section.id];
    result[section.name] = snippet(short ? [short, section.id] : [section.id], `The ${section.name} section, required in ${joinWith(plurals, 'and')}.`, sectionOutline(section));
  }
  result['User-voice statement'] = snippet(
    ['user-voice', 'as-a'],
    'A story in the user\'s voice: "As a <role>, I want <activity> so that <value>."',
    [userVoiceLine()],
  );
  return result;
}

/** Each section id once (artifacts share them), with the artifacts that require it. */
function distinctSections(table: RulesTable): { section: SectionEntry; plurals: string[] }[] {
  const sections = new Map<string, { section: SectionEntry; plurals: string[] }>();
  for (const artifact of table.artifacts) {
    for (const section of artifact.requiredSections) {
      const entry = sections.get(section.id) ?? { section, plurals: [] };
      entry.plurals.push(artifact.plural);
      sections.set(section.id, entry);
    }
  }
  return [...sections.values()];
}

/** Renders an outline with tab stops in reading order, except that `first` (the title) comes first: it is what one types first. */
function snippet(prefix: string[], description: string, outline: TemplateLine[], first?: TemplatePiece): Snippet {
  let next = first ? 2 : 1;
  const body = outline.map((line) =>
    line
      .map((piece) => {
        if (typeof piece === 'string') return escapeText(piece);
        const tabStop = piece === first ? 1 : next++;
        if ('placeholder' in piece) return `\${${tabStop}:${escapeText(piece.placeholder)}}`;
        return `\${${tabStop}|${piece.choices.map(escapeChoice).join(',')}|}`;
      })
      .join(''),
  );
  return { scope: 'markdown', prefix, description, body };
}

/** Snippet syntax gives `$`, `}` and `\` a meaning; plain text escapes them. */
function escapeText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Inside a choice, `,` and `|` separate; they are escaped too. */
function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}
