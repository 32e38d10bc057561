import { LineIndex } from './text';
import type { Finding, Fix, Position, Range, TextEdit } from './types';

/**
 * Rules whose preferred fix is safe to apply unattended (the editor's fix-all
 * on save, the CLI's `lint --fix`): renamed terms and typos. Replacing who
 * accepts or owns an item changes its meaning, so wrong-role fixes stay one
 * click away, never automatic.
 */
const SAFE_TO_APPLY_ALL = new Set(['outdated-term', 'unknown-role', 'enabler-type', 'unknown-type']);

export function isSafeToApplyAll(finding: Finding): boolean {
  return SAFE_TO_APPLY_ALL.has(finding.rule);
}

/** The preferred fixes of the safe findings: what fix-all applies. */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  return preferredFixes(findings, isSafeToApplyAll);
}

/**
 * The preferred fix of every finding that `include` accepts, leaving out a fix
 * whose edits touch or overlap an edit already taken: two edits of one span
 * cannot both be applied, and the first finding's is kept.
 */
export function preferredFixes(findings: readonly Finding[], include: (finding: Finding) => boolean): Fix[] {
  const taken: Range[] = [];
  const chosen: Fix[] = [];
  for (const finding of findings) {
    if (!include(finding)) continue;
    const fix = finding.fixes?.find((candidate) => candidate.preferred);
    if (!fix) continue;
    const ranges = fix.edits.map((edit) => edit.range);
    if (ranges.some((range) => taken.some((other) => touches(range, other)))) continue;
    taken.push(...ranges);
    chosen.push(fix);
  }
  return chosen;
}

/** `text` with the fixes' edits applied; the fixes must not overlap (as `preferredFixes` returns them). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const index = new LineIndex(text);
  const spans = fixes
    .flatMap((fix) => fix.edits)
    .map((edit: TextEdit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const span of spans) {
    result += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  return result + text.slice(at);
}

function touches(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** What fixing a text came to: the fixed text, what is left in it, and how many fixes it took. */
export interface FixedText {
  text: string;
  findings: Finding[];
  fixCount: number;
}

/** Enough passes for fixes that a first pass left out (they overlapped); a text that is still changing after them is left as it is then. */
const MAX_FIX_PASSES = 10;

/**
 * Applies the safe fixes to a text (linted as `findings`) until none is left, linting again after each pass
 * (a fix left out for overlapping another is applied on the next one), so a
 * second run finds nothing to fix. A line break in a fix follows the text's own.
 */
export function fixSafely(text: string, findings: Finding[], lint: (text: string) => Finding[]): FixedText {
  let fixCount = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = safeFixes(findings);
    if (!fixes.length) break;
    text = applyFixes(text, fixes.map((fix) => withLineBreak(fix, lineBreakOf(text))));
    fixCount += fixes.length;
    findings = lint(text);
  }
  return { text, findings, fixCount };
}

function lineBreakOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

function withLineBreak(fix: Fix, lineBreak: string): Fix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, lineBreak) })) };
}
