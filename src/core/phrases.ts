/** Escapes `text` for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A phrase as a pattern source: escaped, any run of whitespace matching any run of whitespace, either apostrophe either. */
export function phraseSource(phrase: string): string {
  return escapeRegExp(phrase).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
}

/**
 * Phrases as one alternation that ends at a word's end; a phrase that ends in an apostrophe (`en tant qu'`,
 * `afin d'`) is elided into the next word, so it ends where it ends.
 */
export function wholePhrasesSource(phrases: readonly string[], suffix = ''): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  const words = sorted.filter((phrase) => !ELIDED.test(phrase)).map(phraseSource);
  const elided = sorted.filter((phrase) => ELIDED.test(phrase)).map(phraseSource);
  const whole = `(?:${words.join('|') || '(?!)'})${suffix}(?![\\p{L}\\p{N}])`;
  return elided.length ? `(?:${whole}|(?:${elided.join('|')}))` : whole;
}

const ELIDED = /['’]$/;

/**
 * A pattern that finds any of `phrases` as whole words (no letter or digit
 * just before or after), preferring the longest where they overlap.
 * `suffix` (a pattern source, e.g. `(s?)` for plurals) may follow each phrase.
 */
export function phrasesPattern(phrases: readonly string[], flags: string, suffix = ''): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${wholePhrasesSource(phrases, suffix)}`, flags);
}

/** How a matched phrase is looked up: lower case, whitespace runs as one space. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** `ChangeProposal` → `Change Proposal`, `UserStories` → `User Stories`: a name's words as whole words. */
export function splitCamelCase(text: string): string {
  return CAMEL_CASE.test(text) ? text.replace(CAMEL_CASE_ALL, '$1 $2') : text;
}

const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
const CAMEL_CASE_ALL = /(\p{Ll})(\p{Lu})/gu;
