import { GRAPH_RULES } from './record';
import type { FileRecord, GraphItem, GraphRule } from './record';
import type { RoleAssignment } from '../items/entries';
import type { ItemShape } from '../items/model';
import type { Range, RuleLevel } from '../types';

/**
 * The persisted form of a backlog index: each file's record with the
 * modification time and size the file had when it was read, so that the
 * editor can publish the index of the last session at once and re-read only
 * what changed since. Pure: the editor reads and writes the text, stats the
 * files and computes the key.
 *
 * The text is JSON Lines, compact: a header (format, key, the folders, the
 * number of files), one line per file, and an end line with that number
 * again, so a truncated file is never taken for a smaller backlog. Folders are
 * written once (files name theirs by number), an item is an array (no keys),
 * and what a record repeats (the file in every item, `key` = `file#line`,
 * `order` = its index) is left out and made again on load. Both directions
 * work in steps (`encodingIndexCache`, `decodingIndexCache` yield every few
 * hundred files), so an editor can give way between slices.
 */

/** Changes whenever the encoding below changes: a cache of another format is never read. */
export const INDEX_CACHE_FORMAT = 2;
const MAGIC = 'agile-artifacts-index';

/** One file as the cache remembers it. */
export interface CachedFile {
  /** The record's file key (a URI string in the editor). */
  file: string;
  /** What `stat` said when the file was read (ms since the epoch), and its size in bytes. */
  mtime: number;
  size: number;
  /** Undefined for a file that holds no item the index keeps (skipped): remembered, so it is not read again. */
  record?: FileRecord;
}

export interface IndexCache {
  /** Everything the records depend on besides the files (extension version, rules table, configs, settings). */
  key: string;
  files: CachedFile[];
}

export type DecodedIndexCache = { cache: IndexCache } | { error: string };

export function encodeIndexCache(cache: IndexCache): string {
  return drain(encodingIndexCache(cache));
}

/** The cache in `text`, or why it cannot be used (see decodingIndexCache). Never throws. */
export function decodeIndexCache(text: string, expectedKey?: string): DecodedIndexCache {
  return drain(decodingIndexCache(text, expectedKey));
}

/** encodeIndexCache in steps: yields after every `step` files; returns the text. */
export function* encodingIndexCache(cache: IndexCache, step = 200): Generator<void, string, void> {
  const folders: string[] = [];
  const folderIndex = new Map<string, number>();
  const placed = cache.files.map((entry) => {
    const slash = entry.file.lastIndexOf('/');
    const folder = entry.file.slice(0, slash + 1);
    let at = folderIndex.get(folder);
    if (at === undefined) {
      at = folders.length;
      folders.push(folder);
      folderIndex.set(folder, at);
    }
    return { entry, at, name: entry.file.slice(slash + 1) };
  });
  const lines = [JSON.stringify({ format: MAGIC, version: INDEX_CACHE_FORMAT, key: cache.key, folders, count: placed.length })];
  for (let i = 0; i < placed.length; i++) {
    const { entry, at, name } = placed[i];
    const record = entry.record;
    const base: unknown[] = [at, name, entry.mtime, entry.size];
    if (record) base.push(levelsOf(record.levels), record.configFile ?? 0, record.items.map(encodeItem));
    lines.push(JSON.stringify(base));
    if (i % step === step - 1) yield;
  }
  lines.push(JSON.stringify({ end: placed.length }));
  return `${lines.join('\n')}\n`;
}

/**
 * decodeIndexCache in steps: the cache in `text`, or the reason it cannot be
 * used: not JSON Lines of this shape (truncated, corrupt), another format,
 * another key (checked before any file is read), or any value of the wrong
 * type. Never throws.
 */
export function* decodingIndexCache(text: string, expectedKey?: string, step = 200): Generator<void, DecodedIndexCache, void> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch (error) {
    return { error: `no header (${(error as Error).message})` };
  }
  if (!isObject(header) || header.format !== MAGIC) return { error: 'not an index cache' };
  if (header.version !== INDEX_CACHE_FORMAT) return { error: `format ${String(header.version)}, not ${INDEX_CACHE_FORMAT}` };
  if (typeof header.key !== 'string') return { error: 'no key' };
  const key = header.key;
  if (expectedKey !== undefined && key !== expectedKey) return { error: 'made for another version, rules table, config or settings' };
  const count = header.count;
  if (!Number.isInteger(count) || lines.length !== (count as number) + 2) return { error: `${lines.length - 2} file lines where the header says ${String(count)} (truncated?)` };
  let end: unknown;
  try {
    end = JSON.parse(lines[lines.length - 1]);
  } catch {
    return { error: 'no end line (truncated?)' };
  }
  if (!isObject(end) || end.end !== count) return { error: 'no end line (truncated?)' };
  try {
    const folders = arr(header.folders).map(str);
    const files: CachedFile[] = [];
    for (let i = 1; i <= (count as number); i++) {
      files.push(decodeFile(JSON.parse(lines[i]), folders));
      if (i % step === 0) yield;
    }
    return { cache: { key, files } };
  } catch (error) {
    return { error: `malformed: ${(error as Error).message}` };
  }
}

function decodeFile(value: unknown, folders: readonly string[]): CachedFile {
  const entry = arr(value);
  const folder = folders[int(entry[0])];
  if (folder === undefined) throw new Error('a file names no folder');
  const file = folder + str(entry[1]);
  const cached: CachedFile = { file, mtime: num(entry[2]), size: num(entry[3]) };
  if (entry.length === 4) return cached;
  if (entry.length !== 7) throw new Error('a file entry of the wrong length');
  const record: FileRecord = { file, items: arr(entry[6]).map((item, order) => decodeItem(file, order, item)), levels: decodeLevels(entry[4]) };
  if (entry[5] !== 0) record.configFile = str(entry[5]);
  cached.record = record;
  return cached;
}

function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

// Item: [type, shape, detectedBy, id|0, title, status|0, line, endLine, anchor, parentRef|0, nestedIn|-1, roles, findings, flags, suppressed]
const TEMPLATE = 1;
const SUMMARY = 2;
const GROUPS_ONLY = 4;
const SHAPES: readonly ItemShape[] = ['file', 'section', 'row', 'list', 'paragraph'];
const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

function encodeItem(item: GraphItem): unknown[] {
  return [
    item.type,
    item.shape,
    item.detectedBy,
    item.id ?? 0,
    item.title,
    item.status ?? 0,
    item.line,
    item.endLine,
    encodeRange(item.anchor),
    item.parentRef ? [item.parentRef.text, ...encodeRange(item.parentRef.range)] : 0,
    item.nestedIn ?? -1,
    item.roles.map((role) => [role.action, role.value, role.role ?? 0, role.line]),
    item.findings,
    (item.template ? TEMPLATE : 0) | (item.summary ? SUMMARY : 0) | (item.groupsOnly ? GROUPS_ONLY : 0),
    item.suppressed,
  ];
}

function decodeItem(file: string, order: number, value: unknown): GraphItem {
  const v = arr(value);
  if (v.length !== 15) throw new Error('an item of the wrong length');
  const shape = str(v[1]) as ItemShape;
  if (!SHAPES.includes(shape)) throw new Error(`an item of shape ${shape}`);
  const line = int(v[6]);
  // The same fields in the same order as recordOf, so a decoded record equals a fresh one.
  const item: GraphItem = {
    key: `${file}#${line}`,
    file,
    order,
    type: str(v[0]),
    shape,
    detectedBy: str(v[2]),
    title: str(v[4]),
    line,
    endLine: int(v[7]),
    anchor: decodeRange(arr(v[8])),
    roles: arr(v[11]).map(decodeRole),
    findings: int(v[12]),
    suppressed: arr(v[14]).map(str),
  };
  if (v[3] !== 0) item.id = str(v[3]);
  const flags = int(v[13]);
  if (flags & TEMPLATE) item.template = true;
  if (flags & SUMMARY) item.summary = true;
  if (flags & GROUPS_ONLY) item.groupsOnly = true;
  if (v[5] !== 0) item.status = str(v[5]);
  const nestedIn = int(v[10]);
  if (nestedIn >= 0) {
    if (nestedIn >= order) throw new Error('an item nested in a later one');
    item.nestedIn = nestedIn;
  }
  if (v[9] !== 0) {
    const ref = arr(v[9]);
    item.parentRef = { text: str(ref[0]), range: decodeRange(ref.slice(1)) };
  }
  return item;
}

function decodeRole(value: unknown): RoleAssignment {
  const v = arr(value);
  if (v.length !== 4) throw new Error('a role of the wrong length');
  return { action: str(v[0]), value: str(v[1]), role: v[2] === 0 ? null : str(v[2]), line: int(v[3]) };
}

function encodeRange(range: Range): number[] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

function decodeRange(v: unknown[]): Range {
  if (v.length !== 4) throw new Error('a range of the wrong length');
  return { start: { line: int(v[0]), character: int(v[1]) }, end: { line: int(v[2]), character: int(v[3]) } };
}

function levelsOf(levels: FileRecord['levels']): Record<string, RuleLevel> | 0 {
  return Object.keys(levels).length ? { ...levels } : 0;
}

function decodeLevels(value: unknown): FileRecord['levels'] {
  const levels: FileRecord['levels'] = {};
  if (value === 0) return levels;
  if (!isObject(value)) throw new Error('levels are no object');
  for (const [rule, level] of Object.entries(value)) {
    if (!(GRAPH_RULES as readonly string[]).includes(rule) || !LEVELS.includes(level as RuleLevel)) throw new Error(`a level ${rule}: ${String(level)}`);
    levels[rule as GraphRule] = level as RuleLevel;
  }
  return levels;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('an array expected');
  return value;
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new Error('a string expected');
  return value;
}

function num(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error('a number expected');
  return value;
}

function int(value: unknown): number {
  if (!Number.isInteger(value)) throw new Error('an integer expected');
  return value as number;
}

/**
 * A short fingerprint of a text (two 32-bit FNV-1a variants, hex): what the
 * cache key holds of the rules table, the configs and the settings. Not
 * cryptographic; it only has to change when the text does.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
