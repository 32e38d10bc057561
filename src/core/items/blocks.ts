import type { ScannedLine } from '../document/scan';
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
    const entry = first === '-' || first === '*' || first === '+' || first === '>' || (first >= '0' && first <= '9') ? LIST_ENTRY.exec(text) : null;
    const indent = entry ? entry[1].length : text.length - text.trimStart().length;
    // A line at or left of an open entry's marker ends it (a paragraph at the margin too).
    if (open.length) closeOpen(line.line, entry ? indent : previousBlank ? indent : -2);
    if (entry) {
      const body = text.slice(entry[0].length);
      const candidate = entryCandidate(body, line, entry[0].length, vocab, table);
      if (candidate) {
        candidate.indent = indent;
        candidates.push(candidate);
        open.push(candidate);
      }
    } else if (previousBlank && mayStartUserVoice(text, table) && startsWithUserVoice(paragraphText(lines, i), table)) {
      const candidate = statementCandidate('paragraph', text, line, 0, table);
      candidate.indent = -1;
      // A paragraph statement runs to the next statement, thematic break or heading.
      closeOpen(line.line, -1);
      candidates.push(candidate);
      open.push(candidate);
    }
    previousBlank = false;
  }
  closeOpen(lines.length ? lines[lines.length - 1].line + 1 : 0, -2);
  return candidates;
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
  return !!next && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next.visible) && !!lines[i].visible.trim() && !LIST_ENTRY.test(lines[i].visible);
}

/** A list entry or paragraph: labels are read with the list markers blanked (`- Acceptance Criteria:`). */
export function readBlock(item: Item): void {
  const blanked = item.lines.map((line) => {
    const marker = LIST_ENTRY.exec(line.visible);
    return marker ? { ...line, visible: ' '.repeat(marker[0].length) + line.visible.slice(marker[0].length) } : line;
  });
  item.sections = findSections(blanked).filter((section) => section.line !== item.startLine);
  item.statementLines = item.lines;
  // A one-line entry is a summary; an entry with a body of its own can be expected to hold its sections.
  item.sectionsExpected = item.sectionsExpected && item.lines.length > 1 && item.sections.length > 0;
}
