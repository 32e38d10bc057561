import type { RulesTable } from '../rules/types';
import { normalizeName } from './normalize';

/** Template shapes and punctuation that stand for "nobody yet" whatever the words inside. */
const PLACEHOLDER_SHAPES = [
  /^<[^<>]*>$/, // <name>
  /^\[[^\]]*\]$/, // [Owner]
  /^\{\{?[^{}]*\}?\}$/, // {{owner}} or {owner}
  /^\$\{[^}]*\}$/, // ${OWNER}
  /^[\s?.\-—–_*#]*$/, // ?, ..., —, ___
  /^(?:tbd|tba|tbc)\b/i, // TBD (by next PI)
];

const placeholderSets = new WeakMap<RulesTable, Set<string>>();

/**
 * True for a value that means "nobody / nothing yet": one of the table's
 * placeholders (TBD, Unassigned, n/a…) or a template shape (`<owner>`, `{{x}}`, `—`).
 */
export function isPlaceholder(text: string, table: RulesTable): boolean {
  let placeholders = placeholderSets.get(table);
  if (!placeholders) {
    placeholders = new Set(table.placeholders.map((placeholder) => normalizeName(placeholder)));
    placeholderSets.set(table, placeholders);
  }
  const trimmed = text.trim();
  return placeholders.has(normalizeName(trimmed)) || PLACEHOLDER_SHAPES.some((shape) => shape.test(trimmed));
}
