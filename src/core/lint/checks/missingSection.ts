import { normalizeKey } from '../../document/fields';
import { firstTitle } from '../../document/parse';
import type { Section } from '../../document/sections';
import { normalizeTitle } from '../../document/sections';
import { flatProse, hasWordsInOrder } from '../../document/storyStatement';
import type { SectionEntry } from '../../rules/types';
import type { RuleContext } from '../context';
import { anchorOfArtifact } from './anchor';

/** `missing-section`: a section the artifact type requires is absent or empty. */
export function checkMissingSections(context: RuleContext): void {
  const { artifact, doc, reporter } = context;
  const frontMatterKeys = new Set(doc.fields.filter((field) => field.source === 'front-matter' && field.values.some((v) => v.text.trim())).map((field) => field.normalizedKey));
  for (const required of artifact.requiredSections) {
    const names = [required.name, ...required.aliases];
    if (names.some((name) => frontMatterKeys.has(normalizeKey(name)))) continue;
    const found = doc.sections.filter((section) => names.some((name) => titleMatches(section, name)));
    if (!found.length && required.inlineForm && hasWordsInOrder(flatProse(doc.body.lines), required.inlineForm)) continue;
    const values = { artifact: artifact.name.toLowerCase(), section: required.name, reason: required.reason };
    if (!found.length) {
      const anchor = anchorOfArtifact(context);
      reporter.report('missing-section', 'missing', values, anchor.start, anchor.end, [insertSectionFix(context, required)]);
    } else if (!found.some((section) => section.hasContent)) {
      reporter.report('missing-section', 'empty', values, found[0].start, found[0].end);
    }
  }
}

/** A required section's name, normalized, and its first word for a cheap first test. */
const wantedNames = new Map<string, { normalized: string; firstWord: string }>();

/** "Acceptance Criteria (Given/When/Then)" counts as "Acceptance Criteria". */
export function titleMatches(section: Section, name: string): boolean {
  let wanted = wantedNames.get(name);
  if (wanted === undefined) {
    const normalized = normalizeTitle(name);
    wantedNames.set(name, (wanted = { normalized, firstWord: normalized.split(' ')[0] }));
  }
  // A title without the name's first word cannot match.
  if (!section.lowerTitle.includes(wanted.firstWord)) return false;
  const title = section.normalizedTitle;
  return title === wanted.normalized || (title.startsWith(wanted.normalized) && !/[\p{L}\p{N}]/u.test(title[wanted.normalized.length]));
}

function insertSectionFix(context: RuleContext, required: SectionEntry) {
  const { text } = context.doc;
  const headingLevel = firstTitle(context.doc) ? '##' : '#';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text.length === 0 || text.endsWith('\n') ? '' : newline;
  const body = required.skeleton.trimEnd().split('\n').join(newline);
  const newText = `${lead}${newline}${headingLevel} ${required.name}${newline}${newline}${body}${newline}`;
  return { title: `Add a "${required.name}" section`, edits: [{ start: text.length, end: text.length, newText }], preferred: true };
}
