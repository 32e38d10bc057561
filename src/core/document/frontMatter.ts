import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { describeYamlError, yamlErrorSpan } from '../yamlErrors';
import { readSimpleYaml } from './simpleYaml';

/** One string value in the front matter, with its offsets in the whole file. */
export interface FrontMatterValue {
  text: string;
  start: number;
  end: number;
  /** False when the text is not written as is in the file (escapes, folded lines). */
  verbatim?: false;
}

/** A top-level `key: value` of the front matter. */
export interface FrontMatterEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** String values: one for a scalar, one per item for a list of scalars. */
  values: FrontMatterValue[];
  /** True when the value is a boolean `true` (e.g. `enabler: true`). */
  isTrue: boolean;
}

export interface FrontMatterProblem {
  kind: 'invalid' | 'unterminated';
  detail: string;
  start: number;
  end: number;
}

export interface FrontMatter {
  /** Offset where the body starts (after the closing delimiter line). */
  bodyStart: number;
  /** Offsets of the YAML between the delimiters. */
  yamlStart: number;
  yamlEnd: number;
  entries: FrontMatterEntry[];
  problem?: FrontMatterProblem;
}

/** Front matter larger than this is not parsed: no real item needs it, and it bounds the work. */
export const MAX_FRONT_MATTER_CHARS = 256 * 1024;

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;

/**
 * Finds and parses YAML front matter. Tolerates a BOM, CRLF and blank lines
 * before the opening `---`. Returns undefined when the file has none.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = nextLine(text, pos);
  while (line && line.content.trim() === '' && line.next < text.length) {
    pos = line.next;
    line = nextLine(text, pos);
  }
  if (!line || !OPENING.test(line.content)) return undefined;
  const yamlStart = line.next;
  let cursor = yamlStart;
  while (cursor < text.length) {
    const current = nextLine(text, cursor);
    if (!current) break;
    if (CLOSING.test(current.content)) {
      return parseEntries(text, yamlStart, cursor, current.next);
    }
    if (cursor - yamlStart > MAX_FRONT_MATTER_CHARS) break;
    cursor = current.next;
  }
  const firstContent = nextLine(text, yamlStart)?.content ?? '';
  if (!/^[A-Za-z_][\w -]*:/.test(firstContent)) return undefined;
  const tooLong = cursor - yamlStart > MAX_FRONT_MATTER_CHARS;
  // Without a closing line nobody knows where the YAML ends: read the rest as body, so it is still checked.
  return {
    bodyStart: yamlStart,
    yamlStart,
    yamlEnd: cursor,
    entries: [],
    problem: {
      kind: tooLong ? 'invalid' : 'unterminated',
      detail: tooLong ? `it is longer than ${MAX_FRONT_MATTER_CHARS / 1024} KB` : 'no closing ---',
      start: pos,
      end: pos + 3,
    },
  };
}

function nextLine(text: string, start: number): { content: string; next: number } | undefined {
  if (start >= text.length) return undefined;
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  const content = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  return { content, next: newline === -1 ? text.length : newline + 1 };
}

/** Recently parsed front matter by position and text: typing in the body leaves it unchanged. */
const recent = new Map<string, FrontMatter>();
const RECENT_LIMIT = 16;

function parseEntries(text: string, yamlStart: number, yamlEnd: number, bodyStart: number): FrontMatter {
  const key = `${yamlStart}:${bodyStart - yamlEnd}:${text.slice(yamlStart, bodyStart)}`;
  const cached = recent.get(key);
  if (cached) return cached;
  const parsed = parseYaml(text, yamlStart, yamlEnd, bodyStart);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(key, parsed);
  return parsed;
}

function parseYaml(text: string, yamlStart: number, yamlEnd: number, bodyStart: number): FrontMatter {
  const simple = readSimpleYaml(text, yamlStart, yamlEnd);
  if (simple) return { bodyStart, yamlStart, yamlEnd, entries: simple };
  return parseWithLibrary(text, yamlStart, yamlEnd, bodyStart);
}

/** The `yaml` library's reading, for front matter the fast path leaves to it; exported for the differential test. */
export function parseWithLibrary(text: string, yamlStart: number, yamlEnd: number, bodyStart: number): FrontMatter {
  const source = text.slice(yamlStart, yamlEnd);
  const result: FrontMatter = { bodyStart, yamlStart, yamlEnd, entries: [] };
  let doc;
  try {
    doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    result.problem = { kind: 'invalid', detail: String((error as Error)?.message ?? error), start: yamlStart, end: yamlEnd };
    return result;
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const span = yamlErrorSpan(source, firstError);
    result.problem = { kind: 'invalid', detail: describeYamlError(firstError.message), start: yamlStart + span.start, end: yamlStart + span.end };
    // What a broken document seems to say is a guess; checks read only the body.
    return result;
  }
  if (!isMap(doc.contents)) return result;
  for (const pair of doc.contents.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || key.range == null) continue;
    const entry: FrontMatterEntry = {
      key: String(key.value),
      keyStart: yamlStart + key.range[0],
      keyEnd: yamlStart + key.range[1],
      values: [],
      isTrue: false,
    };
    const value = pair.value as YamlNode | null;
    if (isScalar(value)) {
      entry.isTrue = value.value === true;
      addScalar(entry, value, source, yamlStart);
    } else if (isSeq(value)) {
      for (const item of value.items) {
        if (isScalar(item)) addScalar(entry, item, source, yamlStart);
      }
    }
    result.entries.push(entry);
  }
  return result;
}

function addScalar(entry: FrontMatterEntry, node: YamlNode, source: string, offset: number): void {
  if (!isScalar(node) || node.range == null) return;
  const value = node.value;
  if (value === null || value === undefined || typeof value === 'boolean') return;
  const text = String(value);
  let [start, end] = node.range;
  // Block scalars' ranges run on over the line break that ends them.
  while (end > start && /\s/.test(source[end - 1])) end--;
  const raw = source.slice(start, end);
  // Quoted scalars: point at the text inside the quotes, so fixes keep them.
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    start++;
    end--;
  }
  // Escapes and folded lines make the text differ from the source: offsets inside it would drift.
  const verbatim = source.slice(start, end) === text;
  entry.values.push(verbatim ? { text, start: offset + start, end: offset + end } : { text, start: offset + start, end: offset + end, verbatim });
}
