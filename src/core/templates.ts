import { rulesTable } from './rules/table';
import type { ArtifactEntry, RulesTable, SectionEntry } from './rules/types';
import { roleNames } from './rules/lookup';

/**
 * One piece of a template line: fixed text, a choice among values (the
 * first is the default), or a placeholder the writer replaces.
 */
export type TemplatePiece = string | { choices: string[] } | { placeholder: string };

/** A line of a template, as pieces. */
export type TemplateLine = TemplatePiece[];

/**
 * The outline of a new artifact file, line by line: front matter with
 * `type:` and a role field per action the rules table allows on this
 * artifact (choices = the allowed roles), the H1, the user-voice statement
 * when one is expected, and each required section with its skeleton.
 * Snippets render it with tab stops, `artifactTemplate` as plain text.
 * Choices only ever end a front-matter line.
 */
export function artifactOutline(artifact: ArtifactEntry, title: TemplatePiece, table: RulesTable = rulesTable()): TemplateLine[] {
  const lines: TemplateLine[] = [['---'], [`type: ${artifact.id}`]];
  if (artifact.enabler) lines.push([`${table.enablerKindFields[0]}: `, { choices: table.enablerKinds }]);
  for (const action of table.actions) {
    const allowed = artifact.allowed[action.id];
    if (!allowed) continue;
    const names = roleNames(table, allowed);
    lines.push([`${action.fields[0]}: `, { choices: names }]);
  }
  lines.push(['---'], [], [`# ${artifact.name}: `, title]);
  if (artifact.userVoice) lines.push([], userVoiceLine());
  for (const section of artifact.requiredSections) lines.push([], ...sectionOutline(section));
  return lines;
}

/** A required section as a level-2 heading followed by its skeleton. */
export function sectionOutline(section: SectionEntry): TemplateLine[] {
  return [[`## ${section.name}`], [], ...skeletonLines(section.skeleton)];
}

/** The user-voice statement a new story starts with (also the story-format quick fix). */
export const USER_VOICE_SKELETON = 'As a <user role>, I want <activity> so that <value>.';

export function userVoiceLine(): TemplateLine {
  return skeletonLines(USER_VOICE_SKELETON)[0];
}

/** Splits a skeleton into lines, turning each `<…>` into a placeholder. */
export function skeletonLines(skeleton: string): TemplateLine[] {
  return skeleton
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/(<[^<>]+>)/).filter(Boolean).map((part) => (/^<[^<>]+>$/.test(part) ? { placeholder: part } : part)));
}

/**
 * The full text of a new artifact file of type `artifactId` titled
 * `title`, for the "New Feature/Story/Enabler/Epic" command. Each role
 * field holds the first allowed role, with the others in a YAML comment;
 * placeholders stay as `<…>`. Lints without warnings or errors. Throws for
 * an artifact id the table does not have.
 */
export function artifactTemplate(artifactId: string, title: string, table: RulesTable = rulesTable()): string {
  const artifact = table.artifacts.find((candidate) => candidate.id === artifactId);
  if (!artifact) throw new Error(`Unknown artifact type "${artifactId}" (known: ${table.artifacts.map((candidate) => candidate.id).join(', ')})`);
  return artifactOutline(artifact, title, table).map(plainLine).join('\n') + '\n';
}

function plainLine(line: TemplateLine): string {
  let text = '';
  const others: string[] = [];
  for (const piece of line) {
    if (typeof piece === 'string') text += piece;
    else if ('placeholder' in piece) text += piece.placeholder;
    else {
      text += piece.choices[0];
      others.push(...piece.choices.slice(1));
    }
  }
  return others.length ? `${text}  # or ${others.join(', ')}` : text;
}
