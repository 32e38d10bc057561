import { blankInlineCode } from '../../document/scan';
import { escapeRegExp, phraseKey, phrasesPattern, wholePhrasesSource } from '../../phrases';
import { pluralOf } from '../../rules/messages';
import type { Renaming, RulesTable } from '../../rules/types';
import type { ParsedDocument } from '../../document/parse';
import type { Item } from '../../items/model';
import type { Reporter } from '../report';
import { detached, factSlot, knownLineFactFor, lineFactFor } from '../../memo';
import type { LineFacts } from '../../memo';

interface TermMatcher {
  /** Cheap test for the first word of any old name; most lines fail it and skip the full pattern. Not global: `test` keeps no state. */
  prefilter: RegExp;
  pattern: RegExp;
  byOldName: Map<string, Renaming>;
  /** A story statement's role opener just before a name (`As a Scrum Master, I want …`): the name is a persona. */
  persona: RegExp;
}

const matchers = new WeakMap<RulesTable, TermMatcher>();
const URL_OR_LINK_TARGET = /\bhttps?:\/\/\S+|\]\([^)]*\)/g;
/** Lines longer than this are data, not prose; they are not searched. */
const MAX_LINE = 10_000;

/** An old name found in a line: where, as written, and the name to write instead. */
interface TermFound {
  at: number;
  written: string;
  newText: string;
}

const NONE: TermFound[] = [];
const TERMS = factSlot<{ owner: object; value: TermFound[] }>();

/**
 * `outdated-term`: a name SAFe 6 replaced (Program Increment → Planning Interval),
 * in the lines of the document's items (and the front matter of a file item).
 */
export function checkOutdatedTerms(doc: ParsedDocument, items: readonly Item[], table: RulesTable, reporter: Reporter): void {
  const fileItem = items.some((item) => item.shape === 'file');
  // With a file item every line is in an item; otherwise only the items' own lines are checked.
  // One flag per line, not a Set: a backlog table has thousands of row items of one line each.
  const inItem = new Uint8Array(fileItem ? 0 : doc.index.lineCount);
  if (!fileItem) for (const item of items) for (const line of item.lines) inItem[line.line] = 1;
  const matcher = termMatcher(table);
  const report = (found: readonly TermFound[], offset: number) => {
    for (const { at, written, newText } of found) {
      const start = offset + at;
      const end = start + written.length;
      reporter.report('outdated-term', 'renamed', { old: written, new: newText }, start, end, [
        { title: `Replace "${written}" with "${newText}"`, edits: [{ start, end, newText }], preferred: true },
      ]);
    }
  };
  for (const field of doc.fields) {
    if (field.source !== 'front-matter' || !fileItem) continue;
    for (const value of field.values) if (value.verbatim !== false) report(termsIn(value.text, matcher), value.start);
  }
  // What each line holds is remembered: on a keystroke all lines but one were searched by the last lint.
  for (const line of doc.body.lines) {
    if (line.inCode || line.visible.length > MAX_LINE || (!fileItem && inItem[line.line] !== 1)) continue;
    // Looked up before a closure is made (in a function of its own): a closure per line made a context per line.
    // With memos off (no facts) the line is searched in place, without a copy.
    report(line.facts ? (knownLineFactFor(line.facts, TERMS, table) ?? rememberTerms(line.facts, table, line.visible, matcher)) : searchLine(line.visible, matcher), line.start);
  }
}

function rememberTerms(facts: LineFacts, table: RulesTable, visible: string, matcher: TermMatcher): TermFound[] {
  // Searched in a copy: the names found are pieces of it, and the memo keeps them.
  return lineFactFor(facts, TERMS, table, () => searchLine(detached(visible), matcher));
}

function searchLine(visible: string, matcher: TermMatcher): TermFound[] {
  return matcher.prefilter.test(visible) ? termsIn(lineProse(visible), matcher) : NONE;
}

/** The line with code spans, URLs and link targets blanked, keeping columns. */
function lineProse(visible: string): string {
  return blankInlineCode(visible).replace(URL_OR_LINK_TARGET, (span) => ' '.repeat(span.length));
}

function termsIn(text: string, matcher: TermMatcher): TermFound[] {
  const terms: TermFound[] = [];
  for (const found of text.matchAll(matcher.pattern)) {
    const at = found.index ?? 0;
    const written = found[0];
    const plural = found[1] === 's';
    const renaming = matcher.byOldName.get(phraseKey(plural ? written.slice(0, -1) : written));
    if (!renaming || startsWithNewName(text, at, renaming) || matcher.persona.test(text.slice(Math.max(0, at - 24), at))) continue;
    // "Program Increments" -> "Planning Intervals"
    const newText = plural && !/s$/i.test(renaming.new) ? pluralOf(renaming.new) : renaming.new;
    terms.push({ at, written, newText });
  }
  return terms.length ? terms : NONE;
}

/** "Scrum Master/Team Coach" is the new name, though it starts with the old one. */
function startsWithNewName(text: string, at: number, renaming: Renaming): boolean {
  return renaming.new.length > renaming.old.length && text.slice(at, at + renaming.new.length).toLowerCase() === renaming.new.toLowerCase();
}

function termMatcher(table: RulesTable): TermMatcher {
  let matcher = matchers.get(table);
  if (!matcher) {
    const olds = table.renamings.map((renaming) => renaming.old);
    const firstWords = new Set(olds.map((old) => old.split(/\s+/)[0].toLowerCase()));
    matcher = {
      prefilter: new RegExp([...firstWords].map(escapeRegExp).join('|'), 'i'),
      pattern: phrasesPattern(olds, 'giu', '(s?)'),
      byOldName: new Map(table.renamings.map((renaming) => [phraseKey(renaming.old), renaming])),
      // The persona of a statement is whoever its writer means, named as they name it.
      persona: new RegExp(`(?<![\\p{L}\\p{N}])${wholePhrasesSource(table.storyVoice.flatMap((voice) => voice.role))}[\\s*_]*$`, 'iu'),
    };
    matchers.set(table, matcher);
  }
  return matcher;
}
