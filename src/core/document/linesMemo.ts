import type { ScannedLine } from './scan';
import { factSlot, knownLineFactFor } from '../memo';
import type { FactSlot, LineFacts } from '../memo';

/** What rememberedForLines keeps on a first line's facts: the facts of every line read, and the answer. */
export type LinesSlot<T> = FactSlot<{ owner: object; value: { facts: LineFacts[]; answer: T } }>;

export function linesSlot<T>(): LinesSlot<T> {
  return factSlot();
}

/**
 * An answer about a run of lines (an item's statement, its own lines),
 * remembered on the first line's facts together with the facts of every line
 * that is not code. Equal facts are equal texts (memo.ts), so when a later
 * lint hands over the same fact objects in the same order, the lines read as
 * they did: a keystroke elsewhere need not join them, flatten and search them
 * again. Lines without facts (the memos off: the CLI, the index) are computed.
 */
export function rememberedForLines<T>(lines: readonly ScannedLine[], slot: LinesSlot<T>, owner: object, compute: () => T): T {
  const first = lines[0]?.facts;
  const known = first && knownLineFactFor(first, slot, owner);
  if (known && readsAsBefore(lines, known.facts)) return known.answer;
  const answer = compute();
  const facts = first && proseFacts(lines);
  if (facts) first.slots[slot.index] = { owner, value: { facts, answer } };
  return answer;
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
