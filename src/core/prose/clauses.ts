import { blankInlineCode } from '../document/scan';
import type { Words } from './words';

/** One clause of a line that may hold a role statement, in offsets of the line. */
export interface Clause {
  start: number;
  end: number;
}

/** Lines longer than this are data, not prose; they are not read. */
const MAX_PROSE_LINE = 2_000;

// Quoted text is someone else's words: straight and curly double quotes, curly single
// quotes, and straight single quotes that open after a space and close before one.
const QUOTATIONS = /"[^"]*"|“[^”]*”|‘[^’]*’|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/gu;
const URL_OR_LINK_TARGET = /\bhttps?:\/\/\S+|\]\([^)]*\)/g;
/** Struck-through text is withdrawn; emphasis marks are not words. */
const STRUCK_THROUGH = /~~[^~]*~~/g;
const EMPHASIS = /[*_]+/g;
/** What ends a sentence or a clause: . ! ? followed by a space, ; and | (table cells). */
const CLAUSE_END = /[.!?](?=\s|$)|[;|]/g;
const HEADING = /^\s{0,3}#/;
/** "As a <role>, I want …": a story told in the user's voice, not a statement about roles. */
const STORY_VOICE = /\bas\s+(?:an?|the)?\s*[^,]{0,80},?\s+I(?:['’]d|\s+(?:want|need|would|wish|can|should|must|expect))\b/iu;
/** A clause that opens with an auxiliary verb or "who" asks, even without a question mark: "Does the PO accept…". */
const INVERTED_QUESTION = /^(?:does|do|did|is|are|was|were|can|could|should|would|will|shall|may|might|must|who)\s/i;
/** List markers, task boxes and blockquote marks that open a line. */
const LINE_OPENING = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/;

/**
 * The text of a line as the sentence reader sees it: inline code, quotations
 * and link targets blanked with spaces (so offsets stay true), or undefined
 * when the line holds no prose (a heading, or too long).
 */
export function readableText(visible: string): string | undefined {
  if (visible.length > MAX_PROSE_LINE || HEADING.test(visible)) return undefined;
  const blank = (span: string) => ' '.repeat(span.length);
  return blankInlineCode(visible)
    .replace(URL_OR_LINK_TARGET, blank)
    .replace(STRUCK_THROUGH, blank)
    .replace(QUOTATIONS, blank)
    .replace(EMPHASIS, blank);
}

/**
 * The clauses of a readable line that state something: questions and
 * story-voice sentences are left out.
 */
export function statementClauses(words: Words): Clause[] {
  const { text, lower, tokens } = words;
  // The story-voice pattern is tried only where the words "as" and "i" both occur.
  const mayTellStory = tokens.some((token) => lower.slice(token.start, token.end) === 'as') && tokens.some((token) => lower.slice(token.start, token.end) === 'i');
  const clauses: Clause[] = [];
  let start = LINE_OPENING.exec(text)?.[0].length ?? 0;
  CLAUSE_END.lastIndex = 0;
  for (let found = CLAUSE_END.exec(text); ; found = CLAUSE_END.exec(text)) {
    const end = found ? found.index : text.length;
    const clause = text.slice(start, end);
    const asks = found?.[0] === '?' || INVERTED_QUESTION.test(clause.trimStart());
    if (!asks && end > start && !(mayTellStory && STORY_VOICE.test(clause))) clauses.push({ start, end });
    if (!found) break;
    start = end + 1;
  }
  return clauses;
}
