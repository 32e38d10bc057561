import type { FrontMatter } from './frontMatter';
import type { ScannedLine } from './scan';
import { detached, factSlot, knownLineFact, lineFact } from '../memo';
import type { LineFacts } from '../memo';
import { codeAt } from '../text';

/** Where a field was written; front matter and body forms are checked alike. */
export type FieldSource = 'front-matter' | 'body';

/** One piece of a field's value, with its offsets in the whole file. */
export interface FieldValue {
  text: string;
  start: number;
  end: number;
  /** False when the text is not written as is in the file (YAML escapes, folded lines). */
  verbatim?: false;
}

/** A `key: value` slot, from front matter or from the body. */
export interface Field {
  /** The key as written. */
  key: string;
  /** Lower case, `-` for spaces and `_`: `accepted-by`. */
  normalizedKey: string;
  keyStart: number;
  keyEnd: number;
  /** The whole value as written (body) or each list item (front matter). */
  values: FieldValue[];
  source: FieldSource;
  line?: number;
  isTrue?: boolean;
}

/** Lower-cases a key and makes `-`, `_`, spaces and camelCase humps equivalent: `acceptedBy` is `accepted-by`. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

/** Lines longer than this are not read for fields: no field line is that long. */
const MAX_FIELD_LINE = 2000;

// `**Key:** value`, `**Key**: value`, `__Key:__ value`, `*Key:* value`; keys in Latin scripts
// (Critérios, Kryteria, Akzeptanz…). A `u` pattern would be several times slower on every line.
const BOLD_FIELD = /^(\*\*|__|\*|_)([A-Za-z\u00C0-\u024F][\w\u00C0-\u024F /&()'-]{0,60}?)(:?)\1(:?)[ \t]*(.*)$/;
// `Key: value`
const PLAIN_FIELD = /^([A-Za-z\u00C0-\u024F][\w\u00C0-\u024F /&()'-]{0,60}?)[ \t]*:[ \t]+(.*)$/;
const TABLE_SEPARATOR = /^\|?[\s:|-]+\|?$/;

export function frontMatterFields(frontMatter: FrontMatter | undefined): Field[] {
  if (!frontMatter) return [];
  return frontMatter.entries.map((entry) => ({
    key: entry.key,
    normalizedKey: normalizeKey(entry.key),
    keyStart: entry.keyStart,
    keyEnd: entry.keyEnd,
    values: entry.values,
    source: 'front-matter' as const,
    isTrue: entry.isTrue,
  }));
}

/** Reads every field form of SPEC §2 from the body lines. */
export function bodyFields(lines: readonly ScannedLine[]): Field[] {
  const fields: Field[] = [];
  for (let i = 0; i < lines.length; i++) {
    const scanned = lines[i];
    if (scanned.inCode || scanned.visible.length > MAX_FIELD_LINE) continue;
    // A table's header row names its columns (`| Enabler | Definition of done |`): not a key and a value.
    if (isTableHeader(scanned, lines[i + 1])) continue;
    const field = rememberedField(scanned);
    if (field) fields.push(field);
  }
  return fields;
}

/** The field a line holds, at offset 0 of line 0 (or null): on a keystroke all lines but one read as before. */
const FIELD = factSlot<Field | null>();

// Looked up before any closure is made, and the closures live in functions of their own: this runs for
// every body line, and a closure here made V8 allocate a context on every call, hit or miss.
function rememberedField(scanned: ScannedLine): Field | undefined {
  if (!scanned.facts) return readFieldLine(scanned);
  // `null` is a remembered "no field": only undefined (never read) may fill the slot, or every such line made a closure.
  const known = knownLineFact(scanned.facts, FIELD);
  const relative = known === undefined ? rememberField(scanned.facts, scanned) : known;
  return relative ? placeField(relative, scanned.start, scanned.line) : undefined;
}

function rememberField(facts: LineFacts, scanned: ScannedLine): Field | null {
  return lineFact(facts, FIELD, () => readRelativeField(scanned));
}

/** Read from a copy: the field keeps pieces of the line, and the memo keeps the field. */
function readRelativeField(scanned: ScannedLine): Field | null {
  return readFieldLine({ ...scanned, visible: detached(scanned.visible), start: 0, line: 0 }) ?? null;
}

/** A field read at offset 0 of line 0, placed at the line. */
function placeField(relative: Field, start: number, line: number): Field {
  return {
    ...relative,
    keyStart: relative.keyStart + start,
    keyEnd: relative.keyEnd + start,
    values: relative.values.map((value) => ({ ...value, start: value.start + start, end: value.end + start })),
    line,
  };
}

const TABLE_ROW_START = /^[ \t]*\|/;

function isTableHeader(row: ScannedLine, next: ScannedLine | undefined): boolean {
  // Cheap tests first: this runs for every line of the body.
  if (!next || next.inCode || next.line !== row.line + 1 || !TABLE_ROW_START.test(row.visible)) return false;
  const nextText = next.visible.trim();
  return nextText.includes('-') && nextText.includes('|') && TABLE_SEPARATOR.test(nextText);
}

function readFieldLine(scanned: ScannedLine): Field | undefined {
  const { visible, start, line } = scanned;
  const column = skipPrefixes(visible);
  const rest = visible.slice(column);
  if (rest.startsWith('|')) return readTableRow(scanned);

  const first = codeAt(rest, 0);
  // Only `*` or `_` can open a bold key: skip the regex for every other line.
  const bold = first === 42 || first === 95 ? BOLD_FIELD.exec(rest) : null;
  if (bold && (bold[3] || bold[4])) {
    const keyStart = start + column + bold[1].length;
    const key = bold[2].trim();
    const valueOffset = column + rest.length - bold[5].length;
    return makeField(key, keyStart, visible, valueOffset, start, line);
  }
  const plain = rest.includes(':') ? PLAIN_FIELD.exec(rest) : null;
  if (plain) {
    const key = plain[1].trim();
    const valueOffset = column + rest.length - plain[2].length;
    return makeField(key, start + column, visible, valueOffset, start, line);
  }
  return undefined;
}

/** Blockquote markers, a list marker and a task box that may stand before a field. */
export const FIELD_PREFIX = /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,3}[.)][ \t]+)?/;

/** Skips blockquote markers, list markers and task boxes before a field. */
function skipPrefixes(text: string): number {
  const match = FIELD_PREFIX.exec(text);
  return match ? match[0].length : 0;
}

function readTableRow(scanned: ScannedLine): Field | undefined {
  const { visible, start, line } = scanned;
  const trimmed = visible.trim();
  if (TABLE_SEPARATOR.test(trimmed)) return undefined;
  // A key | value row has two cells: find where they end before cutting any (most rows have more).
  const first = visible.indexOf('|') + 1;
  const second = cellEnd(visible, first) + 1;
  if (second > visible.length) return undefined;
  const secondEnd = cellEnd(visible, second);
  if (secondEnd < visible.length) {
    // A third cell is allowed only as the blank after a trailing pipe.
    const thirdEnd = cellEnd(visible, secondEnd + 1);
    if (thirdEnd < visible.length || visible.slice(secondEnd + 1).trim() !== '') return undefined;
  }
  const keyCell = { text: visible.slice(first, second - 1), offset: first };
  const valueCell = { text: visible.slice(second, secondEnd), offset: second };
  // Without a trailing pipe, a blank second cell is no value: the row has one cell.
  if (secondEnd === visible.length && valueCell.text.trim() === '') return undefined;
  const keyLead = keyCell.text.length - keyCell.text.trimStart().length;
  const key = stripEmphasis(keyCell.text.trim()).replace(/:$/, '').trim();
  if (!/^[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F /&()'-]{0,60}$/.test(key)) return undefined;
  const keyStart = start + keyCell.offset + keyLead + keyCell.text.trim().indexOf(key);
  return bodyField(key, keyStart, trimValue(valueCell.text, start + valueCell.offset), line);
}

/** Where the cell that starts at `from` ends: the next unescaped pipe, or the end of the text. */
function cellEnd(text: string, from: number): number {
  for (let i = text.indexOf('|', from); i !== -1; i = text.indexOf('|', i + 1)) if (codeAt(text, i - 1) !== 92) return i;
  return text.length;
}

function makeField(key: string, keyStart: number, visible: string, valueOffset: number, lineStart: number, line: number): Field {
  return bodyField(key, keyStart, trimValue(visible.slice(valueOffset), lineStart + valueOffset), line);
}

function bodyField(key: string, keyStart: number, value: FieldValue | undefined, line: number): Field {
  return {
    key,
    normalizedKey: normalizeKey(key),
    keyStart,
    keyEnd: keyStart + key.length,
    values: value ? [value] : [],
    source: 'body',
    line,
  };
}

/** Trims spaces and wrapping emphasis or code marks from a value, keeping offsets. */
export function trimValue(raw: string, offset: number): FieldValue | undefined {
  let from = 0;
  let to = raw.length;
  for (;;) {
    while (from < to && /\s/.test(raw[from])) from++;
    while (to > from && /\s/.test(raw[to - 1])) to--;
    const wrap = /^(\*\*|__|\*|_|`)/.exec(raw.slice(from, to));
    if (wrap && to - from > 2 * wrap[1].length && raw.slice(to - wrap[1].length, to) === wrap[1]) {
      from += wrap[1].length;
      to -= wrap[1].length;
      continue;
    }
    break;
  }
  if (to <= from) return { text: '', start: offset + from, end: offset + from };
  return { text: raw.slice(from, to), start: offset + from, end: offset + to };
}

function stripEmphasis(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2');
}
