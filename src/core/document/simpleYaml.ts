import type { FrontMatterEntry, FrontMatterValue } from './frontMatter';

/**
 * A fast reader for the front matter most items have: one `key: value` per
 * line, values that are plain or simply quoted scalars, `[a, b]` lists on one
 * line and `- item` lists under a key. The `yaml` library's parse was a fifth
 * of the CLI's time on a corpus of items, nearly all of it on such lines.
 *
 * It reads only what it can read exactly as `yaml` (YAML 1.2, core schema)
 * would, and returns undefined on anything else — a comment after a quote,
 * an anchor, a tab, a nested map, a multi-line value, a key that is a number —
 * so that the caller hands that front matter to the library. A differential
 * test (test/unit/simpleYaml.test.ts) holds the two to the same entries.
 */
export function readSimpleYaml(text: string, yamlStart: number, yamlEnd: number): FrontMatterEntry[] | undefined {
  const entries: FrontMatterEntry[] = [];
  /** The entry whose empty value a block list may fill, and that list's indent once known. */
  let listOwner: FrontMatterEntry | undefined;
  let listIndent = -1;
  let pos = yamlStart;
  while (pos < yamlEnd) {
    const newline = text.indexOf('\n', pos);
    const next = newline === -1 || newline >= yamlEnd ? yamlEnd : newline + 1;
    let end = newline === -1 || newline >= yamlEnd ? yamlEnd : newline;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const lineStart = pos;
    pos = next;
    if (!printableLine(text, lineStart, end)) return undefined;
    let first = lineStart;
    while (first < end && text.charCodeAt(first) === 32) first++;
    if (first === end || text.charCodeAt(first) === 35 /* # */) continue;
    const code = text.charCodeAt(first);
    if (code === 45 /* - */ && (first + 1 === end || text.charCodeAt(first + 1) === 32)) {
      // A block list item: only directly under a key with an empty value, all at one indent.
      const indent = first - lineStart;
      if (!listOwner || (listIndent !== -1 && indent !== listIndent)) return undefined;
      listIndent = indent;
      let valueStart = first + 1;
      while (valueStart < end && text.charCodeAt(valueStart) === 32) valueStart++;
      if (valueStart === end) continue;
      if (!readValue(text, valueStart, end, listOwner, false)) return undefined;
      continue;
    }
    if (first !== lineStart) return undefined;
    const key = KEY.exec(text.slice(lineStart, end));
    if (!key || NON_STRING_KEY.test(key[1])) return undefined;
    const entry: FrontMatterEntry = { key: key[1], keyStart: lineStart, keyEnd: lineStart + key[1].length, values: [], isTrue: false };
    entries.push(entry);
    let valueStart = lineStart + key[0].length;
    while (valueStart < end && text.charCodeAt(valueStart) === 32) valueStart++;
    if (valueStart === end) {
      listOwner = entry;
      listIndent = -1;
      continue;
    }
    listOwner = undefined;
    if (text.charCodeAt(valueStart) === 91 /* [ */) {
      if (!readFlowList(text, valueStart, end, entry)) return undefined;
    } else if (!readValue(text, valueStart, end, entry, true)) {
      return undefined;
    }
  }
  return entries;
}

/**
 * A plain key at the start of the line, then `:` and a space or the line's end.
 * Keys the core schema would read as something else than a string (numbers,
 * `~`) do not start with a letter; `true` and `null` are excluded by NON_STRING_KEY.
 */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*):(?= |$)/;
const NON_STRING_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
/** Longer lines than this may hit `yaml`'s 1024-character limit on implicit keys: left to it. */
const MAX_LINE = 1000;

/** Printable, tab-free, within the basic plane: what the fast path can trust to mean the same to `yaml`. */
function printableLine(text: string, start: number, end: number): boolean {
  if (end - start > MAX_LINE) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c < 0xe000) || c === 0xfeff || c >= 0xfffe) return false;
  }
  return true;
}

/** Characters a plain scalar may not start with (YAML's indicators), and quotes. */
const INDICATOR_START = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((ch) => ch.charCodeAt(0)));
const FLOW_INDICATOR = new Set(',[]{}'.split('').map((ch) => ch.charCodeAt(0)));

/**
 * The scalar from `start` to the line's `end`, pushed to the entry as `yaml`
 * would resolve it; a trailing comment is allowed. `topLevel`: the key's own
 * value (not a list item), the only place `true` sets `isTrue`. False when unsure.
 */
function readValue(text: string, start: number, end: number, entry: FrontMatterEntry, topLevel: boolean): boolean {
  const code = text.charCodeAt(start);
  if (code === 34 /* " */ || code === 39 /* ' */) {
    const close = text.indexOf(String.fromCharCode(code), start + 1);
    if (close === -1 || close >= end) return false;
    const inner = text.slice(start + 1, close);
    if (code === 34 && inner.includes('\\')) return false;
    if (!restIsComment(text, close + 1, end)) return false;
    pushString(entry, text, inner, start + 1, close);
    return true;
  }
  const scalarEnd = plainEnd(text, start, end, false);
  if (scalarEnd === -1) return false;
  return pushPlain(entry, text, start, scalarEnd, topLevel);
}

/** After a quoted scalar or a flow list: nothing, or spaces then a comment. */
function restIsComment(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i === end || (i > from && text.charCodeAt(i) === 35);
}

/**
 * Where a plain scalar that starts at `start` ends (its last non-space
 * character + 1), or -1 when it holds what the fast path leaves to `yaml`:
 * a `: ` (a nested map), a flow indicator inside a flow list.
 */
function plainEnd(text: string, start: number, end: number, inFlow: boolean): number {
  if (INDICATOR_START.has(text.charCodeAt(start))) return -1;
  let last = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    if (c === 35 /* # */ && text.charCodeAt(i - 1) === 32) return last + 1;
    // `a:b` is plain text, `a: b` a nested map; in a flow list any `:` is left to `yaml`.
    if (c === 58 /* : */ && (inFlow || i + 1 === end || text.charCodeAt(i + 1) === 32)) return -1;
    if (inFlow && FLOW_INDICATOR.has(c)) return -1;
    last = i;
  }
  return last + 1;
}

/** `[a, b]` on one line: plain or simply quoted items, then nothing or a comment. */
function readFlowList(text: string, open: number, end: number, entry: FrontMatterEntry): boolean {
  const close = text.indexOf(']', open);
  if (close === -1 || close >= end || !restIsComment(text, close + 1, end)) return false;
  let i = open + 1;
  while (i < close && text.charCodeAt(i) === 32) i++;
  if (i === close) return true;
  while (i < close) {
    let itemEnd = text.indexOf(',', i);
    if (itemEnd === -1 || itemEnd > close) itemEnd = close;
    let last = itemEnd;
    while (last > i && text.charCodeAt(last - 1) === 32) last--;
    // An empty item (`[a, , b]`, a trailing comma) or a quote: left to `yaml`.
    if (last === i) return false;
    const code = text.charCodeAt(i);
    if (code === 34 || code === 39) return false;
    if (plainEnd(text, i, last, true) !== last) return false;
    if (text.slice(i, last).includes('#')) return false;
    if (!pushPlain(entry, text, i, last, false)) return false;
    i = itemEnd + 1;
    while (i < close && text.charCodeAt(i) === 32) i++;
    if (itemEnd === close) break;
    if (i === close) return false;
  }
  return true;
}

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL_INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Other core-schema forms (octal, hex, infinity, NaN): rare in items, left to `yaml`. */
const OTHER_TAGGED = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar resolved as the core schema does: null and booleans give no string; numbers their JS string. */
function pushPlain(entry: FrontMatterEntry, text: string, start: number, end: number, topLevel: boolean): boolean {
  const raw = text.slice(start, end);
  if (NULL.test(raw)) return true;
  if (BOOL.test(raw)) {
    if (topLevel && raw[0].toLowerCase() === 't') entry.isTrue = true;
    return true;
  }
  if (OTHER_TAGGED.test(raw)) return false;
  if (DECIMAL_INT.test(raw)) pushString(entry, text, String(parseInt(raw, 10)), start, end);
  else if (FLOAT.test(raw)) pushString(entry, text, String(parseFloat(raw)), start, end);
  else pushString(entry, text, raw, start, end);
  return true;
}

function pushString(entry: FrontMatterEntry, text: string, value: string, start: number, end: number): void {
  const item: FrontMatterValue = { text: value, start, end };
  // A number written `05` or `1.50` reads as `5`, `1.5`: not the text at those offsets.
  if (value.length !== end - start || !text.startsWith(value, start)) item.verbatim = false;
  entry.values.push(item);
}
