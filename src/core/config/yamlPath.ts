/** Where the cursor is in a YAML file being typed: the keys around it, and whether a key or a value goes there. */
export interface YamlPlace {
  /** Keys from the top down: `['allow', 'feature', 'accept']`. */
  path: string[];
  /** `key`: a key is being typed at `path`; `value`: a value of the last key of `path`. */
  slot: 'key' | 'value';
  /** The word typed so far, which a completion replaces. */
  partial: string;
}

const BLOCK_KEY = /^(\s*)(?:-\s+)?([^\s:#'"{}[\],][^:#{}[\],]*?)\s*:(?:\s|$)/;
const PARTIAL = /[\w-]*$/;
/** Lines scanned upwards for parent keys; a config's nesting is never that far from its top. */
const MAX_LINES_UP = 2000;

/**
 * Finds the place from the text alone, without parsing (the file is half
 * typed): parent keys from the less indented lines above, then the flow
 * collections (`{ accept: [product-ma`) of the cursor's own line.
 */
export function yamlPlaceAt(text: string, offset: number): YamlPlace {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const partial = PARTIAL.exec(before)?.[0] ?? '';
  const indent = /^\s*/.exec(before)![0].length;
  // A block list may sit at its key's own indent (`accept:` then `- product-owner` below it).
  const listItem = /^\s*-\s/.test(before);
  const path = parentKeys(text, lineStart, listItem ? indent + 1 : indent);
  const rest = before.slice(indent, before.length - partial.length);
  return flowPlace(rest, path, partial);
}

function parentKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  let limit = indent;
  let end = lineStart - 1;
  for (let scanned = 0; end > 0 && limit > 0 && scanned < MAX_LINES_UP; scanned++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const key = BLOCK_KEY.exec(line);
    if (!key || key[1].length >= limit) continue;
    keys.unshift(unquote(key[2]));
    limit = key[1].length;
  }
  return keys;
}

/** Reads `key: { key2: [a, b` left to right, keeping the keys of the open collections. */
function flowPlace(rest: string, path: string[], partial: string): YamlPlace {
  const frames: { kind: 'map' | 'seq'; keys: number }[] = [];
  const keys = [...path];
  let slot: YamlPlace['slot'] = 'key';
  let pendingKey = false;
  if (/^-\s/.test(rest)) {
    rest = rest.replace(/^-\s+/, '');
    slot = 'value';
  }
  const tokens = rest.match(/[{}[\],]|[^{}[\],:]+:(?=\s|$)|[^{}[\],]+/g) ?? [];
  for (const token of tokens) {
    const trimmed = token.trim();
    if (trimmed === '{' || trimmed === '[') {
      frames.push({ kind: trimmed === '{' ? 'map' : 'seq', keys: pendingKey ? 1 : 0 });
      pendingKey = false;
      slot = trimmed === '{' ? 'key' : 'value';
    } else if (trimmed === '}' || trimmed === ']') {
      if (pendingKey) keys.pop();
      pendingKey = false;
      const frame = frames.pop();
      if (frame) keys.splice(keys.length - frame.keys, frame.keys);
      slot = 'value';
    } else if (trimmed === ',') {
      if (pendingKey) keys.pop();
      pendingKey = false;
      slot = frames[frames.length - 1]?.kind === 'seq' ? 'value' : 'key';
    } else if (trimmed.endsWith(':')) {
      if (pendingKey) keys.pop();
      keys.push(unquote(trimmed.slice(0, -1).trim()));
      pendingKey = true;
      slot = 'value';
    }
  }
  return { path: keys, slot, partial };
}

function unquote(key: string): string {
  return key.replace(/^(['"])(.*)\1$/, '$2');
}
