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

  get size(): number {
    return this.known.size;
  }
}

/** A flat copy of `text` that keeps no larger string alive (results cut from it may be remembered too). */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

let remembering = true;

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
