import { factsOf, memosOn } from '../memo';
import type { LineFacts } from '../memo';
import type { LineIndex } from '../text';

/**
 * The lines of the last few documents scanned, so that the next scan of one
 * of them (a keystroke later) finds an unchanged line's facts by comparing its
 * text with the line at the same place, or at the same distance from the end,
 * instead of hashing it to look it up in the memo. On a 1,000-line document
 * the lookups were a tenth of a keystroke's lint: hashing reads every character
 * of a fresh string, while comparing two equal lines is a memcmp and two
 * different ones mostly differ in length or in their first characters.
 *
 * Only where the facts are found changes, never which: a line's facts are
 * reused only for the very same text, and everything else goes to the memo.
 */
const RECENT = 4;

interface Scan {
  /** The first and last lines with text, by which the next scan of the same document finds this one. */
  first: string;
  last: string;
  lineCount: number;
  /** Per line, the text its facts were looked up by (a view of that document: no copy is made). */
  texts: (string | undefined)[];
  facts: (LineFacts | undefined)[];
}

const recent: Scan[] = [];

/** The first line with text from `line` on, going `step` (a few lines at most); '' when there is none nearby. */
function textAround(index: LineIndex, line: number, step: 1 | -1): string {
  for (let at = line, tries = 0; at >= 0 && at < index.lineCount && tries < 8; at += step, tries++) {
    const text = index.lineText(at);
    if (text.trim() !== '') return text;
  }
  return '';
}

export class LineFactsFinder {
  private readonly previous: Scan | undefined;
  private readonly shift: number = 0;
  private readonly scan: Scan | undefined;

  constructor(index: LineIndex, firstLine: number) {
    if (!memosOn()) return;
    const first = textAround(index, firstLine, 1);
    const lastText = textAround(index, index.lineCount - 1, -1);
    // The same document a keystroke ago: its first or its last line with text is as it was (most files end in a blank line).
    this.previous = recent.find((scan) => (first !== '' && scan.first === first) || (lastText !== '' && scan.last === lastText));
    if (this.previous) this.shift = this.previous.lineCount - index.lineCount;
    this.scan = { first, last: lastText, lineCount: index.lineCount, texts: [], facts: [] };
  }

  /** The facts of `text`, the line `line` shows (its visible part, or the raw blank after code). */
  factsAt(line: number, text: string): LineFacts | undefined {
    const scan = this.scan;
    if (!scan) return undefined;
    let facts: LineFacts | undefined;
    const previous = this.previous;
    if (previous) {
      if (previous.texts[line] === text) facts = previous.facts[line];
      else if (this.shift !== 0 && previous.texts[line + this.shift] === text) facts = previous.facts[line + this.shift];
    }
    facts ??= factsOf(text);
    scan.texts[line] = text;
    scan.facts[line] = facts;
    return facts;
  }

  /** Keeps this scan for the next one (the least recent of RECENT goes). */
  finish(): void {
    if (!this.scan) return;
    const at = this.previous ? recent.indexOf(this.previous) : -1;
    if (at !== -1) recent.splice(at, 1);
    recent.unshift(this.scan);
    if (recent.length > RECENT) recent.length = RECENT;
  }
}
