import { normalizeKey } from '../../document/fields';
import { titleMatches } from '../../document/sections';
import type { Section } from '../../document/sections';
import { TextMemo } from '../../memo';
import { holdsWordsInOrder } from '../../document/storyStatement';
import type { ArtifactEntry, SectionEntry } from '../../rules/types';
import { isPlaceholder } from '../../roles/placeholders';
import type { RuleContext } from '../context';
import { anchorOfArtifact } from './anchor';

/** `missing-section`: a section the artifact type requires is absent or empty. */
export function checkMissingSections(context: RuleContext): void {
  const { artifact, item, reporter } = context;
  // A field of that name with a value is the section too: a front-matter key, a `| Acceptance Criteria | … |` row.
  for (const required of artifact.requiredSections) {
    if (hasFieldFor(context, sectionKeys(required))) continue;
    const isRequired = matcherOf(required);
    const found = item.sections.filter(isRequired);
    if (!found.length && required.inlineForm && holdsWordsInOrder(item.lines, required.inlineForm)) continue;
    if (!found.length) {
      // A row without that column, a paragraph or a one-line entry has no room for the section.
      if (!item.sectionsExpected) continue;
      const anchor = anchorOfArtifact(context);
      const fix = insertSectionFix(context, required);
      reporter.report('missing-section', 'missing', messageValues(artifact, required), anchor.start, anchor.end, fix ? [fix] : []);
    } else if (!found.some((section) => section.hasContent) && !item.template) {
      // An empty table cell has no width to underline: show the finding on the row's id instead.
      const at = found[0].end > found[0].start ? found[0] : item.anchor;
      reporter.report('missing-section', 'empty', messageValues(artifact, required), at.start, at.end);
    }
  }
}

/** The message's values, made only for a finding: the check runs for every item (every row of a backlog table). */
function messageValues(artifact: ArtifactEntry, required: SectionEntry): Record<string, string> {
  return { artifact: artifact.name.toLowerCase(), section: required.name, reason: required.reason };
}

/** Whether a field named after the section has a value that is not a placeholder (loops, not closures: once per item). */
function hasFieldFor(context: RuleContext, keys: Set<string>): boolean {
  const { fields } = context.item;
  for (let i = 0; i < fields.length; i++) {
    if (!keys.has(fields[i].normalizedKey)) continue;
    const { values } = fields[i];
    for (let j = 0; j < values.length; j++) if (!isPlaceholder(values[j].text.trim(), context.table)) return true;
  }
  return false;
}

const keysBySection = new WeakMap<SectionEntry, Set<string>>();
const matchers = new WeakMap<SectionEntry, (section: Section) => boolean>();
const MAX_REMEMBERED_TITLES = 10_000;

/**
 * Whether a section is the required one, remembered per title: a section is
 * tested against every name and alias in every language, and on a keystroke
 * nearly every title is one the last lint already tested.
 */
function matcherOf(required: SectionEntry): (section: Section) => boolean {
  let matcher = matchers.get(required);
  if (!matcher) {
    const names = [required.name, ...required.aliases];
    const known = new TextMemo<boolean>(MAX_REMEMBERED_TITLES);
    matcher = (section) => known.get(section.title) ?? known.remember(section.title, names.some((name) => titleMatches(section, name)));
    matchers.set(required, matcher);
  }
  return matcher;
}

/** The field keys a section's names make (`acceptance-criteria`), once per section. */
function sectionKeys(section: SectionEntry): Set<string> {
  let keys = keysBySection.get(section);
  if (!keys) keysBySection.set(section, (keys = new Set([section.name, ...section.aliases].map(normalizeKey))));
  return keys;
}

/** A heading and skeleton for the section, inside the item: before its first child section, else at its end. */
function insertSectionFix(context: RuleContext, required: SectionEntry) {
  const { text } = context.doc;
  const { insertAt, insertLevel } = context.item;
  if (insertAt < 0) return undefined;
  const heading = '#'.repeat(insertLevel);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const body = required.skeleton.trimEnd().split('\n').join(newline);
  const section = `${heading} ${required.name}${newline}${newline}${body}${newline}`;
  const atLineStart = insertAt === 0 || text[insertAt - 1] === '\n';
  let newText: string;
  if (insertAt < text.length && atLineStart) newText = `${section}${newline}`;
  else {
    const lead = text.length === 0 || atLineStart ? '' : newline;
    newText = `${lead}${newline}${section}`;
  }
  return { title: `Add a "${required.name}" section`, edits: [{ start: insertAt, end: insertAt, newText }], preferred: true };
}
