/** Lower-cases a role name and makes `-`, `_` and runs of spaces one space. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/['’]s$/, '')
    .trim();
}

const LEADING_WORDS = /^(?:the|our|a|an|each|every|any|its|their|team's)\s+/i;

/** Drops an article or possessive before a role: "the Product Owner". */
export function stripArticle(text: string): string {
  return text.replace(LEADING_WORDS, '');
}
