import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { Item } from './model';
import { readItemHead } from './vocabulary';
import type { Vocabulary } from './vocabulary';

/** A part of the document that may be an item, before nesting decides: an item's head, and how it was found. */
export interface Candidate extends Pick<Item, 'artifact' | 'shape' | 'detectedBy' | 'id' | 'title' | 'startLine' | 'endLine' | 'anchor' | 'level' | 'row'> {
  /** A story statement: an item only where SPEC §1.4 says so (decided after nesting). */
  statement?: boolean;
  /**
   * Known by its statement alone (a statement heading or entry, a numbered `## 2nd User Story`):
   * what follows it is its detail, so no required section is expected of it.
   */
  statementOnly?: boolean;
  /** List entries: how far the entry's marker is indented. */
  indent?: number;
}

/**
 * A list marker (and task box) at the start of a line, after any quote marks. `•` too: lists
 * pasted from a word processor keep it, and though CommonMark reads them as one paragraph,
 * their author wrote one entry per line (`•\tAs a registered user, I want …`).
 */
export const LIST_ENTRY = /^([ \t]*(?:>[ \t]*)*)([-*+•]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

export const LIST_NUMBER = /^(?:\d{1,3}[.)]|[a-z][.)])[ \t]+/i;

// `1st`, `2nd`, `1er`, `2ème`, `3.`: an ordinal before a type name.
export const ORDINAL = /^\d{1,3}(?:st|nd|rd|th|er|re|ère|ème|e|º|ª|\.)?[ \t]+(?=\p{L})/iu;

export const LEADING_EMPHASIS = /^(?:\*\*|__|\*|_)(?=\S)/;

export const MARKDOWN_LINK_START = /^\[[^\]]*\]\([^)]*\)/;

/** The head of a heading, entry or cell title, after a list number and emphasis: `1) US-EE-01 — …`, `**US-12** …`. */
export function headHere(text: string, vocab: Vocabulary) {
  const stripped = text.replace(LIST_NUMBER, '').replace(ORDINAL, '').replace(LEADING_EMPHASIS, '');
  return readItemHead(stripped, vocab);
}

export function titleAfterHead(text: string, vocab: Vocabulary): string {
  const stripped = text.replace(LIST_NUMBER, '').replace(LEADING_EMPHASIS, '');
  const head = readItemHead(stripped, vocab);
  const rest = head ? stripped.slice(head.length).replace(/^[*_\s:\-–—]+/, '').replace(/[*_]+$/, '').trim() : '';
  return rest || text.replace(/[*_]/g, '').trim();
}

/** The type a story statement makes an item of: the team-level type written in user voice. */
export function storyArtifact(table: RulesTable): ArtifactEntry {
  return table.artifacts.find((artifact) => artifact.userVoice && artifact.rank === 1) ?? table.artifacts[0];
}
