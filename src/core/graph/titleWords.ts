import type { GraphItem } from './record';

/**
 * Parents named by the words of their title rather than the title itself.
 * Real parent fields often describe the parent: "File Reading" for the
 * feature "Markdown File Reading", "OAuth Routes Integration Technical
 * Enabler" for "Technical Enabler Implementation: OAuth Routes Integration",
 * "… Story Decomposition (LIN-46)" with another tool's key after the title.
 * Such a value finds the one item whose title holds all of its words, and
 * only when an exact id or title found none (SPEC §7 reads those first).
 */

const WORD = /[\p{L}\p{N}]+/gu;
// Another tool's key or a note after the title: `(LIN-46)`, `(draft)`.
const TRAILING_NOTE = /\s*\([^()]*\)\s*$/;
/** Fewer words describe nothing in particular ("Payments" would match every payments item). */
const MIN_WORDS = 2;
/** A title may hold at most this many times the value's words: a long title holds many short phrases by chance. */
const MAX_TITLE_RATIO = 2;

/** The distinct words of a text, lower-cased, in order. */
function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(WORD) ?? [])];
}

/** The words a parent value must find in a title, or undefined when it has too few to name one item. */
export function describingWords(value: string): string[] | undefined {
  const words = wordsOf(value.replace(TRAILING_NOTE, ''));
  return words.length >= MIN_WORDS ? words : undefined;
}

/** The word whose items are fewest to look through, and whose key a change of a matching title always touches. */
export function keyWord(words: string[]): string {
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Items by the words of their titles, so a describing value finds its candidates without reading every title. */
export class TitleWordIndex {
  private readonly byWord = new Map<string, Set<GraphItem>>();
  /** Each item's title words, as it was added: what remove takes out again. */
  private readonly wordsByItem = new Map<GraphItem, string[]>();

  /** Adds the item under its title's words; returns them. */
  add(item: GraphItem): string[] {
    const words = wordsOf(item.title);
    this.wordsByItem.set(item, words);
    for (const word of words) {
      let items = this.byWord.get(word);
      if (!items) this.byWord.set(word, (items = new Set()));
      items.add(item);
    }
    return words;
  }

  /** Takes the item out; returns the words it was under. */
  remove(item: GraphItem): string[] {
    const words = this.wordsByItem.get(item) ?? [];
    this.wordsByItem.delete(item);
    for (const word of words) {
      const items = this.byWord.get(word);
      items?.delete(item);
      if (items && !items.size) this.byWord.delete(word);
    }
    return words;
  }

  /** The items whose title holds every one of `words` and is not much longer than they are. */
  holdingAll(words: string[]): GraphItem[] {
    const sets = words.map((word) => this.byWord.get(word));
    if (sets.some((items) => !items)) return [];
    const [smallest, ...rest] = (sets as Set<GraphItem>[]).sort((a, b) => a.size - b.size);
    const found: GraphItem[] = [];
    for (const item of smallest) {
      if ((this.wordsByItem.get(item)?.length ?? 0) > words.length * MAX_TITLE_RATIO) continue;
      if (rest.every((items) => items.has(item))) found.push(item);
    }
    return found;
  }
}
