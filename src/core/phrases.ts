/** Escapes `text` for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A phrase as a pattern source: escaped, any run of whitespace matching any run of whitespace. */
export function phraseSource(phrase: string): string {
  return escapeRegExp(phrase).replace(/\s+/g, '\\s+');
}

/**
 * A pattern that finds any of `phrases` as whole words (no letter or digit
 * just before or after), preferring the longest where they overlap.
 * `suffix` (a pattern source, e.g. `(s?)` for plurals) may follow each phrase.
 */
export function phrasesPattern(phrases: readonly string[], flags: string, suffix = ''): RegExp {
  const alternatives = [...new Set(phrases)].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})${suffix}(?![\\p{L}\\p{N}])`, flags);
}

/** How a matched phrase is looked up: lower case, whitespace runs as one space. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}
