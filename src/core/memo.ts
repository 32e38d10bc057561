/**
 * Results remembered per text, for the work a keystroke would otherwise
 * repeat: every line, title and item of a document but one reads as it did
 * in the last lint, and looking a text up costs far less than reading it again.
 *
 * Keys are copies: a line cut from a document is, in V8, a view of the whole
 * text, and remembering such views would keep one copy of the document alive
 * per edit. Concatenating and slicing makes a flat string of its own.
 */
export class TextMemo<V> {
  private readonly known = new Map<string, V>();

  /** Forgets everything once `limit` texts are known, which bounds memory without bookkeeping per lookup. */
  constructor(private readonly limit: number) {}

  get(text: string): V | undefined {
    return remembering ? this.known.get(text) : undefined;
  }

  /** Stores `value` for `text` and returns it. */
  remember(text: string, value: V): V {
    if (!remembering) return value;
    if (this.known.size >= this.limit) this.known.clear();
    this.known.set(detached(text), value);
    return value;
  }
}

/** One memo per owner (a rules table, say), made when first asked for and dropped with its owner. */
export function memoPerOwner<Owner extends object, V>(limit: number): (owner: Owner) => TextMemo<V> {
  const memos = new WeakMap<Owner, TextMemo<V>>();
  return (owner) => {
    let memo = memos.get(owner);
    if (!memo) memos.set(owner, (memo = new TextMemo<V>(limit)));
    return memo;
  };
}

/** A flat copy of `text` that keeps no larger string alive (results cut from it may be remembered too). */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

let remembering = true;

/** Whether memos are on (they are, except inside withoutMemos). */
export function memosOn(): boolean {
  return remembering;
}

/**
 * Runs `work` with every memo off: a batch of files each linted once (the
 * CLI, a workspace index) would only miss, and filling the memos with
 * thousands of lines nobody asks for again costs more than it saves.
 */
export function withoutMemos<T>(work: () => T): T {
  const before = remembering;
  remembering = false;
  try {
    return work();
  } finally {
    remembering = before;
  }
}

/**
 * What the passes of a lint found in one line's text, filled in lazily by
 * each pass (its field, the section it opens, its role statements…). A
 * document's lines are looked up once per lint (scan.ts), not once per pass:
 * on a long document the lookups, not the reading, were the cost.
 */
export class LineFacts {
  readonly slots: unknown[] = [];
}

/** A pass's place in LineFacts; `T` is what it keeps there (never undefined: use null for "nothing"). */
export interface FactSlot<T> {
  readonly index: number;
  /** Only for the type checker. */
  readonly of?: T;
}

let slotCount = 0;

export function factSlot<T>(): FactSlot<T> {
  return { index: slotCount++ };
}

/** The pass's fact about the line, computed (from a copy of the line, see `detached`) the first time. */
export function lineFact<T>(facts: LineFacts, slot: FactSlot<T>, compute: () => T): T {
  const known = facts.slots[slot.index];
  if (known !== undefined) return known as T;
  const value = compute();
  facts.slots[slot.index] = value;
  return value;
}

/** As lineFact, for a fact that depends on more than the text (the rules table, a resolver): kept per `owner`. */
export function lineFactFor<T>(facts: LineFacts, slot: FactSlot<{ owner: object; value: T }>, owner: object, compute: () => T): T {
  const known = facts.slots[slot.index] as { owner: object; value: T } | undefined;
  if (known !== undefined && known.owner === owner) return known.value;
  const value = compute();
  facts.slots[slot.index] = { owner, value };
  return value;
}

/** The fact lineFact would return without computing: the value kept, else undefined (see knownLineFactFor). */
export function knownLineFact<T>(facts: LineFacts, slot: FactSlot<T>): T | undefined {
  return facts.slots[slot.index] as T | undefined;
}

/**
 * The fact lineFactFor would return without computing: the value kept for `owner`, else undefined.
 * A pass that runs on every line looks first, and makes its compute closure only on a miss.
 */
export function knownLineFactFor<T>(facts: LineFacts, slot: FactSlot<{ owner: object; value: T }>, owner: object): T | undefined {
  const known = facts.slots[slot.index] as { owner: object; value: T } | undefined;
  return known !== undefined && known.owner === owner ? known.value : undefined;
}

const factsByText = new TextMemo<LineFacts>(50_000);

/**
 * The facts known about a line's text; none when memos are off, and then the
 * passes read the line in place, skipping the copy and the offsets relative to it.
 */
export function factsOf(text: string): LineFacts | undefined {
  if (!remembering) return undefined;
  return factsByText.get(text) ?? factsByText.remember(text, new LineFacts());
}
