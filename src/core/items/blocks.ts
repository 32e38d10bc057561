import type { ScannedLine } from '../document/scan';
import { detached, factSlot, knownLineFactFor, lineFactFor } from '../memo';
import type { LineFacts } from '../memo';
import { findSections } from '../document/sections';
import { mayStartUserVoice, startsWithUserVoice } from '../document/storyStatement';
import type { RulesTable } from '../rules/types';
import type { Item } from './model';
import { readItemHead } from './vocabulary';
import type { Vocabulary } from './vocabulary';
import { LEADING_EMPHASIS, LIST_ENTRY, MARKDOWN_LINK_START, storyArtifact } from './candidate';
import type { Candidate } from './candidate';

const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** List entries that start with a head, and paragraphs or entries that start with a story statement. */
export function blockCandidates(lines: readonly ScannedLine[], inTable: Set<number>, vocab: Vocabulary, table: RulesTable): Candidate[] {
  const candidates: Candidate[] = [];
  const open: Candidate[] = [];
  const closeOpen = (endLine: number, indent: number) => {
    while (open.length && (open[open.length - 1].indent ?? 0) >= indent) open.pop()!.endLine = endLine;
  };
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const text = line.visible;
    // A quote line with nothing in it (`>`) separates paragraphs like a blank line.
    const first = text.trimStart()[0];
    const blank = first === undefined || (first === '>' && /^[ \t]*(?:>[ \t]*)+$/.test(text));
    if (line.inCode || inTable.has(line.line)) {
      previousBlank = false;
      continue;
    }
    if (blank) {
      previousBlank = true;
      continue;
    }
    const heading = (first === '#' && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text)) || isSetextUnderline(lines, i);
    if (heading || ((first === '-' || first === '*' || first === '_') && THEMATIC_BREAK.test(text))) {
      closeOpen(line.line, -1);
      previousBlank = true;
      continue;
    }
    // Only a marker, a digit or a quote can open a list entry: skip the pattern for other lines.
    const entry = first === '-' || first === '*' || first === '+' || first === '•' || first === '>' || (first >= '0' && first <= '9') ? rememberedEntry(line, vocab, table) : null;
    const indent = entry ? entry.indent : text.length - text.trimStart().length;
    // An entry, or a line after a blank one, at or left of an open entry's marker ends that entry; a line
    // right after another continues it (CommonMark's lazy continuation), as it continues a paragraph.
    if (open.length && (entry || previousBlank)) closeOpen(line.line, indent);
    if (entry) {
      const candidate = entry.candidate && (line.facts ? placeCandidate(entry.candidate, line) : entry.candidate);
      if (candidate) {
        candidate.indent = indent;
        candidates.push(candidate);
        open.push(candidate);
      }
    } else if (previousBlank && rememberedMayStartUserVoice(line, table) && startsWithUserVoice(paragraphText(lines, i), table)) {
      const candidate = statementCandidate('paragraph', text, line, 0, table);
      candidate.indent = -1;
      // A paragraph statement runs to the next statement, thematic break or heading.
      closeOpen(line.line, -1);
      candidates.push(candidate);
      open.push(candidate);
    } else if (previousBlank && (first === '*' || first === '_')) {
      // `**User Story:** As a player, I want …` (Kiro's requirements) or `**1. Epic : Sprints**` on a line of its own.
      const candidate = labelledParagraph(lines, i, vocab, table);
      if (candidate) {
        candidate.indent = -1;
        closeOpen(line.line, -1);
        candidates.push(candidate);
        open.push(candidate);
      }
    }
    previousBlank = false;
  }
  closeOpen(lines.length ? lines[lines.length - 1].line + 1 : 0, -2);
  return candidates;
}

/** A list entry: how far its marker is indented, and the candidate its text makes, if any. */
interface ListEntry {
  indent: number;
  candidate: Candidate | null;
}

/**
 * What a line reads as a list entry (null: it is none), per line text and table, at offset 0 of line 0:
 * on a keystroke every entry but one reads as before, and reading one took a pattern's match, a head and a voice test.
 */
const ENTRY = factSlot<{ owner: object; value: ListEntry | null }>();
const MAY_START_VOICE = factSlot<{ owner: object; value: boolean }>();

// Looked up before any closure is made, the closures in functions of their own (see fields.ts).
function rememberedEntry(line: ScannedLine, vocab: Vocabulary, table: RulesTable): ListEntry | null {
  // With memos off (no facts) the line is read in place, without a copy.
  if (!line.facts) return readEntry(line, vocab, table);
  const known = knownLineFactFor(line.facts, ENTRY, table);
  return known === undefined ? rememberEntry(line.facts, line, vocab, table) : known;
}

function rememberEntry(facts: LineFacts, line: ScannedLine, vocab: Vocabulary, table: RulesTable): ListEntry | null {
  // Read from a copy: the candidate keeps pieces of the line (its title, id), and the memo keeps the candidate.
  return lineFactFor(facts, ENTRY, table, () => readEntry({ ...line, visible: detached(line.visible), start: 0, line: 0 }, vocab, table));
}

function readEntry(line: ScannedLine, vocab: Vocabulary, table: RulesTable): ListEntry | null {
  const entry = LIST_ENTRY.exec(line.visible);
  if (!entry) return null;
  const body = line.visible.slice(entry[0].length);
  return { indent: entry[1].length, candidate: entryCandidate(body, line, entry[0].length, vocab, table) ?? null };
}

/** A candidate read at offset 0 of line 0, placed at the line: a copy of its own, since nesting sets its end and indent. */
function placeCandidate(relative: Candidate, line: ScannedLine): Candidate {
  return {
    ...relative,
    startLine: relative.startLine + line.line,
    endLine: relative.endLine + line.line,
    anchor: { start: relative.anchor.start + line.start, end: relative.anchor.end + line.start },
  };
}

function rememberedMayStartUserVoice(line: ScannedLine, table: RulesTable): boolean {
  if (!line.facts) return mayStartUserVoice(line.visible, table);
  const known = knownLineFactFor(line.facts, MAY_START_VOICE, table);
  return known === undefined ? rememberMayStartUserVoice(line.facts, line.visible, table) : known;
}

function rememberMayStartUserVoice(facts: LineFacts, visible: string, table: RulesTable): boolean {
  return lineFactFor(facts, MAY_START_VOICE, table, () => mayStartUserVoice(visible, table));
}

function entryCandidate(body: string, line: ScannedLine, offset: number, vocab: Vocabulary, table: RulesTable): Candidate | undefined {
  const trimmed = body.replace(LEADING_EMPHASIS, '');
  if (MARKDOWN_LINK_START.test(body)) return undefined; // a link to an item that lives elsewhere
  const head = readItemHead(trimmed, vocab);
  // `- Feature: X` in a template is a blank to fill in, not an item.
  const title = head ? trimmed.slice(head.length).replace(/[*_]+/g, '').trim() : '';
  if (head?.artifact && !head.bare && (head.id || title.length > 1)) {
    const start = line.start + offset;
    return {
      artifact: head.artifact,
      shape: 'list',
      detectedBy: 'list',
      id: head.id,
      title,
      startLine: line.line,
      endLine: line.line + 1,
      anchor: { start, end: start + body.trimEnd().length },
      level: 0,
    };
  }
  if (startsWithUserVoice(body, table)) return statementCandidate('list', body, line, offset, table);
  return undefined;
}

function statementCandidate(shape: 'list' | 'paragraph', text: string, line: ScannedLine, offset: number, table: RulesTable): Candidate {
  const story = storyArtifact(table);
  const lead = text.length - text.trimStart().length;
  const start = line.start + offset + lead;
  return {
    artifact: story,
    shape,
    detectedBy: shape,
    title: text.replace(/[*_>]/g, '').trim().slice(0, 120),
    startLine: line.line,
    endLine: line.line + 1,
    anchor: { start, end: line.start + offset + text.trimEnd().length },
    level: 0,
    statement: true,
    statementOnly: true,
  };
}

// A whole line in bold: `**1. Epic : Gestion des sprints**`.
const BOLD_LINE = /^(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*$/;

/**
 * A paragraph that starts with a bold type label: a statement after it (`**User Story:** As a …`) is a story
 * statement, and a bold line of its own that is a head (`**1. Epic : Sprints**`) is that item, running to the
 * next such paragraph, thematic break or heading with the entries under it.
 */
function labelledParagraph(lines: readonly ScannedLine[], i: number, vocab: Vocabulary, table: RulesTable): Candidate | undefined {
  const line = lines[i];
  // The head is read from the line alone (most bold lines are fields, `**Accepted by:** PO`, and have none);
  // only a head reads on into the paragraph.
  const head = readItemHead(line.visible.replace(BOLD_START, '').replace(LIST_NUMBER_START, '').replace(BOLD_END_AFTER_WORDS, '$1'), vocab);
  if (!head?.artifact || (head.bare && !head.id)) return undefined;
  const plain = paragraphText(lines, i).replace(BOLD_START, '').replace(LIST_NUMBER_START, '');
  const rest = plain.slice(head.length).replace(/^[*_\s:]+/, '');
  if (head.byTypeName && !head.id && head.artifact.userVoice && startsWithUserVoice(rest, table)) {
    const candidate = statementCandidate('paragraph', line.visible, line, 0, table);
    candidate.title = rest.replace(/[*_>]/g, '').trim().slice(0, 120);
    return candidate;
  }
  const bold = BOLD_LINE.exec(line.visible.trim());
  if (!bold || !head.byTypeName && !head.id) return undefined;
  const title = titleOf(bold[1].replace(LIST_NUMBER_START, ''), vocab);
  if (!title) return undefined;
  return {
    artifact: head.artifact,
    shape: 'paragraph',
    detectedBy: 'paragraph',
    id: head.id,
    title,
    startLine: line.line,
    endLine: line.line + 1,
    anchor: { start: line.start, end: line.start + line.visible.trimEnd().length },
    level: 0,
  };
}

const LIST_NUMBER_START = /^\d{1,3}[.)][ \t]+/;
const BOLD_START = /^(?:\*\*|__)/;
// `User Story:** As a …`: the bold mark that closes the label, taken out so that the head reads its separator.
const BOLD_END_AFTER_WORDS = /^(\S[^*_]*?)(?:\*\*|__)/;

function titleOf(text: string, vocab: Vocabulary): string {
  const head = readItemHead(text, vocab);
  return head ? text.slice(head.length).replace(/[*_]+/g, '').trim() : '';
}

/** The paragraph that starts at line i, as one text (for the statement test). */
function paragraphText(lines: readonly ScannedLine[], i: number): string {
  let text = lines[i].visible;
  for (let j = i + 1; j < lines.length && j < i + 6 && lines[j].visible.trim() && !lines[j].inCode && lines[j].line === lines[j - 1].line + 1; j++) {
    text += ' ' + lines[j].visible;
  }
  return text;
}

function isSetextUnderline(lines: readonly ScannedLine[], i: number): boolean {
  const next = lines[i + 1];
  const mark = next?.visible.trimStart()[0];
  if (mark !== '=' && mark !== '-') return false;
  // A `•` line is a paragraph to CommonMark, which underlining makes a heading.
  const text = lines[i].visible;
  return !!next && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next.visible) && !!text.trim() && (!LIST_ENTRY.test(text) || text.trimStart().startsWith('•'));
}

/** A list entry or paragraph: labels are read with the list markers blanked (`- Acceptance Criteria:`). */
export function readBlock(item: Item): void {
  const blanked = item.lines.map((line) => {
    const marker = LIST_ENTRY.exec(line.visible);
    // The facts are the unblanked text's (memo.ts): read the blanked line in place, as with the memos off.
    return marker ? { ...line, visible: ' '.repeat(marker[0].length) + line.visible.slice(marker[0].length), facts: undefined } : line;
  });
  item.sections = findSections(blanked).filter((section) => section.line !== item.startLine);
  item.statementLines = item.lines;
  // A one-line entry is a summary; an entry with a body of its own can be expected to hold its sections.
  item.sectionsExpected = item.sectionsExpected && item.lines.length > 1 && item.sections.length > 0;
}
