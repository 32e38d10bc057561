/** A word of a line, in offsets of the line. */
export interface Token {
  start: number;
  end: number;
}

/** A line split into words once; `lower` has the same offsets as `text`. */
export interface Words {
  text: string;
  lower: string;
  tokens: Token[];
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A letter or digit; ASCII is decided by code, the rest by Unicode class. */
function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(text[i]);
}

/** The words of a line, or undefined when lower-casing would move its offsets (a rare Unicode letter). */
export function wordsOf(text: string): Words | undefined {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return undefined;
  // A loop over char codes: this runs on every candidate line of every keystroke.
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && isWordChar(lower, i);
    if (inWord && start === -1) start = i;
    else if (!inWord && start !== -1) {
      tokens.push({ start, end: i });
      start = -1;
    }
  }
  return { text, lower, tokens };
}

/**
 * Phrases of a few words, found by looking words up instead of searching
 * with one large pattern: a line costs a set lookup per word, and phrases
 * are only tried where a first word matches. Keys are lower case, written
 * with single spaces or hyphens between their words ("sign-off", "signs off").
 */
export class PhraseIndex<T> {
  private readonly byPhrase = new Map<string, T>();
  private readonly firstWords = new Set<string>();
  /** The longest word of each phrase: a line holding the phrase holds it too. */
  private readonly sieveWords = new Set<string>();
  private longest = 1;

  /** Adds a phrase; the first meaning given to a phrase stays. */
  add(phrase: string, value: T): void {
    const key = phrase.toLowerCase().replace(/\s+/g, ' ');
    const words = key.match(TOKEN);
    if (!words || this.byPhrase.has(key)) return;
    this.byPhrase.set(key, value);
    this.firstWords.add(words[0]);
    this.sieveWords.add(words.reduce((longest, word) => (word.length > longest.length ? word : longest)));
    this.longest = Math.max(this.longest, words.length);
  }

  /**
   * A pattern that every line holding one of the phrases matches: the first
   * letters of each phrase's longest word, as plain text in lower case, with
   * a capital and in capitals (a case-sensitive pattern runs faster than one
   * that ignores case). It also matches lines that hold none (it is only a
   * sieve), but it costs less than splitting a line into words.
   */
  sieve(): RegExp {
    const stems = new Set([...this.sieveWords].map((word) => word.slice(0, 4)));
    const forms = [...stems].flatMap((stem) => [stem, stem[0].toUpperCase() + stem.slice(1), stem.toUpperCase()]);
    // No "u" flag: it makes the search slower, and the stems are letters and digits (others escaped).
    return new RegExp([...new Set(forms)].map((form) => form.replace(/[^\p{L}\p{N}]/gu, '\\$&')).join('|'));
  }

  /** Whether any word of the line starts a phrase: the cheap test before reading a line. */
  mayMatch(words: Words): boolean {
    return words.tokens.some((token) => this.firstWords.has(words.lower.slice(token.start, token.end)));
  }

  /** The longest phrase starting at word `i`, with the index of its last word. */
  matchAt(words: Words, i: number): { value: T; last: number } | undefined {
    const { lower, tokens } = words;
    if (!this.firstWords.has(lower.slice(tokens[i].start, tokens[i].end))) return undefined;
    for (let last = Math.min(tokens.length - 1, i + this.longest - 1); last >= i; last--) {
      const value = this.byPhrase.get(lower.slice(tokens[i].start, tokens[last].end));
      if (value !== undefined) return { value, last };
    }
    return undefined;
  }

  /** Every phrase in the line, left to right, longest first where they overlap. */
  matches(words: Words): { start: number; end: number; value: T }[] {
    const found: { start: number; end: number; value: T }[] = [];
    for (let i = 0; i < words.tokens.length; i++) {
      const match = this.matchAt(words, i);
      if (!match) continue;
      found.push({ start: words.tokens[i].start, end: words.tokens[match.last].end, value: match.value });
      i = match.last;
    }
    return found;
  }
}
