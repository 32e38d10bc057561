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

const placeholderSets = new WeakMap<RulesTable, { names: Set<string>; longest: number }>();
let lastTable: RulesTable | undefined;
let lastPlaceholders: { names: Set<string>; longest: number } | undefined;

/** Characters a template shape can start with; a long text starting otherwise is no placeholder. */
const SHAPE_STARTS = new Set(['<', '[', '{', '$', 't', 'T', '?', '.', '-', '—', '–', '_', '*', '#']);

/**
 * True for a value that means "nobody / nothing yet": one of the table's
 * placeholders (TBD, Unassigned, n/a…) or a template shape (`<owner>`, `{{x}}`, `—`).
 */
export function isPlaceholder(text: string, table: RulesTable): boolean {
  // The last table's set is kept beside the WeakMap: this runs for several cells of every row, nearly always with one table.
  let placeholders = table === lastTable ? lastPlaceholders : placeholderSets.get(table);
  if (!placeholders) {
    const names = new Set(table.placeholders.map((placeholder) => normalizeName(placeholder)));
    placeholders = { names, longest: Math.max(0, ...[...names].map((name) => name.length)) };
    placeholderSets.set(table, placeholders);
  }
  lastTable = table;
  lastPlaceholders = placeholders;
  const trimmed = text.trim();
  // Every cell and field value passes here: a text longer than any listed placeholder can only be a shape.
  if (trimmed.length > placeholders.longest + 8) return SHAPE_STARTS.has(trimmed[0]) && PLACEHOLDER_SHAPES.some((shape) => shape.test(trimmed));
  return placeholders.names.has(normalizeName(trimmed)) || PLACEHOLDER_SHAPES.some((shape) => shape.test(trimmed));
}
