import type { ScannedLine } from './scan';
import type { LineFacts } from '../memo';

interface Remembered<T> {
  owner: object;
  /** The facts of every line read that is not code, in order. */
  facts: LineFacts[];
  answer: T;
}

/**
 * Answers about runs of lines (an item's statement, its own lines), by the
 * facts of the run's first line, with the facts of every line that is not
 * code. Equal facts are equal texts (memo.ts), so when a later lint hands over
 * the same fact objects in the same order, the lines read as they did: a
 * keystroke elsewhere need not join them, flatten and search them again.
 * Lines without facts (the memos off: the CLI, the index) are computed.
 *
 * Bounded by entries, like TextMemo, and kept apart from the line facts: a
 * run holds a list as long as the item, and typing in an item's first line
 * makes a new first line each keystroke.
 */
export class LinesMemo<T> {
  private readonly known = new Map<LineFacts, Remembered<T>>();

  constructor(private readonly limit = 2_000) {}

  answer(lines: readonly ScannedLine[], owner: object, compute: () => T): T {
    const first = lines[0]?.facts;
    const known = first && this.known.get(first);
    if (known && known.owner === owner && readsAsBefore(lines, known.facts)) return known.answer;
    const answer = compute();
    const facts = first && proseFacts(lines);
    if (facts) {
      if (this.known.size >= this.limit) this.known.clear();
      this.known.set(first, { owner, facts, answer });
    }
    return answer;
  }
}

function readsAsBefore(lines: readonly ScannedLine[], facts: readonly LineFacts[]): boolean {
  let read = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].inCode) continue;
    if (read === facts.length || lines[i].facts !== facts[read]) return false;
    read++;
  }
  return read === facts.length;
}

/** The facts of the lines that are not code; undefined when one has none (a part of a line cannot be told apart by identity). */
function proseFacts(lines: readonly ScannedLine[]): LineFacts[] | undefined {
  const facts: LineFacts[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].inCode) continue;
    const lineFacts = lines[i].facts;
    if (!lineFacts) return undefined;
    facts.push(lineFacts);
  }
  return facts;
}
