import type { ScannedLine } from './scan';
import { phraseSource } from '../phrases';

/** How far apart the parts of one statement may be, in characters of flattened text. */
const MAX_PART = 400;
/** Only the start of a story is searched: the statement is its opening, not its appendix. */
const MAX_SEARCH_CHARS = 30_000;

interface VoicePattern {
  /** The "I want" part; found first because it is rare, which keeps the search linear. */
  anchor: RegExp;
  /** Must occur within MAX_PART characters before the anchor. */
  before: RegExp[];
  /** Must occur within MAX_PART characters after the anchor (empty: nothing needed). */
  after: RegExp[];
}

const AS_ROLE = /\bas\s+(?:an?\s+|the\s+)?\S/i;
const WANT = /\bI(?:['’]d\s+like|\s+(?:want|need|would\s+like|wish|can|should\s+be\s+able|must\s+be\s+able|expect))\b/gi;

// English "As a <role>, I want <activity> so (that) <value>" and "In order to <value>, as a <role>, I want …";
// Dutch "Als … wil ik … zodat/om", German "Als … möchte ich … damit/um/sodass",
// French "En tant que … je veux … afin de/pour", Spanish "Como … quiero … para".
const PATTERNS: VoicePattern[] = [
  { anchor: WANT, before: [AS_ROLE], after: [/\bso\b/i] },
  { anchor: WANT, before: [/\bin\s+order\s+to\b/i, AS_ROLE], after: [] },
  { anchor: /\b(?:wil|moet|kan)\s+ik\b/gi, before: [/\bals\b/i], after: [/\b(?:zodat|om)\b/i] },
  { anchor: /\b(?:möchte|will|muss|kann)\s+ich(?![\p{L}])/giu, before: [/\bals\b/i], after: [/\b(?:damit|um|sodass|so dass)\b/i] },
  { anchor: /\bje\s+(?:veux|souhaite|voudrais|dois|peux)\b/gi, before: [/\ben\s+tant\s+qu/i], after: [/\b(?:afin|pour)\b/i] },
  { anchor: /\b(?:quiero|necesito|deseo)\b/gi, before: [/\bcomo\b/i], after: [/\bpara\b/i] },
];

/**
 * Whether the body holds a user-voice statement, even when it is bold,
 * spread over lines, in a table cell or a blockquote.
 */
export function hasUserVoiceStatement(lines: readonly ScannedLine[]): boolean {
  const flat = flatProse(lines);
  return PATTERNS.some((pattern) => matches(flat, pattern));
}

/**
 * The start of the body as one line of prose: code left out, emphasis, table
 * pipes, quote and heading marks and line breaks turned into single spaces.
 */
export function flatProse(lines: readonly ScannedLine[]): string {
  let flat = '';
  for (const scanned of lines) {
    if (scanned.inCode) continue;
    flat += ' ' + scanned.visible;
    if (flat.length > MAX_SEARCH_CHARS) break;
  }
  return flat.replace(/[*_|>#]+/g, ' ').replace(/\s+/g, ' ');
}

/** Whether `words` occur in this order, each within MAX_PART characters of the one before. */
export function hasWordsInOrder(flat: string, words: readonly string[]): boolean {
  if (!words.length) return false;
  const escaped = words.map(phraseSource);
  const first = new RegExp(`\\b${escaped[0]}\\b`, 'gi');
  const rest = escaped.slice(1).map((word) => new RegExp(`^[^]{0,${MAX_PART}}?\\b${word}\\b`, 'i'));
  for (const found of flat.matchAll(first)) {
    let at = (found.index ?? 0) + found[0].length;
    const ok = rest.every((pattern) => {
      const next = pattern.exec(flat.slice(at, at + MAX_PART + 40));
      if (next) at += next[0].length;
      return next !== null;
    });
    if (ok) return true;
  }
  return false;
}

function matches(text: string, pattern: VoicePattern): boolean {
  pattern.anchor.lastIndex = 0;
  for (const anchor of text.matchAll(pattern.anchor)) {
    const at = anchor.index ?? 0;
    const before = text.slice(Math.max(0, at - MAX_PART), at);
    const after = text.slice(at + anchor[0].length, at + anchor[0].length + MAX_PART);
    if (pattern.before.every((part) => part.test(before)) && pattern.after.every((part) => part.test(after))) {
      return true;
    }
  }
  return false;
}
