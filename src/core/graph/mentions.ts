import { escapeRegExp } from '../phrases';

/**
 * Where an id is written in a text: whole words, ignoring case and the
 * separator between prefix and number (`US 10.1`, `us-10.1`), never inside a
 * longer id (`FEAT-0011` is no mention of `FEAT-001`).
 */
export function findMentions(text: string, id: string): { start: number; end: number }[] {
  const pattern = mentionPattern(id);
  if (!pattern) return [];
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) found.push({ start: match.index!, end: match.index! + match[0].length });
  return found;
}

function mentionPattern(id: string): RegExp | undefined {
  const parts = id.trim().split(/[-_\s]+/).filter(Boolean);
  if (!parts.length) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])${parts.map(escapeRegExp).join('[-_ ]')}(?![\\p{L}\\p{N}_]|[.-][\\p{L}\\p{N}])`, 'giu');
}

// An id-like token: letters, then separators and segments with at least one digit or a second segment (`FEAT-001`, `US-BE-01`, `epic-TSV-011`).
const TOKEN = /[\p{L}][\p{L}\p{N}]*(?:[-_.][\p{L}\p{N}]+)+|[\p{L}]+[ ]?\d+(?:\.\d+)*/gu;

/** The id-like words of a line around a column, longest first, for "go to definition" on whatever the cursor is on. */
export function idCandidatesAt(line: string, character: number): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  for (const match of line.matchAll(TOKEN)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (start <= character && character <= end) found.push({ text: match[0], start, end });
  }
  return found.sort((a, b) => b.text.length - a.text.length);
}
