import type { LineKinds } from './reference';

export const CONSTRUCTS = ['heading', 'fenced', 'indented', 'comment', 'table'] as const;
export type Construct = (typeof CONSTRUCTS)[number];

/** Lines per construct: both say the same, only one says it, or both say it differently (a heading's level). */
export interface Tally {
  agree: number;
  scannerOnly: number;
  referenceOnly: number;
  differ: number;
  /** Of the disagreements, those the test excuses as deliberate. */
  deliberate: number;
}

export type Tallies = Record<Construct, Tally>;

export function emptyTallies(): Tallies {
  return Object.fromEntries(CONSTRUCTS.map((c) => [c, { agree: 0, scannerOnly: 0, referenceOnly: 0, differ: 0, deliberate: 0 }])) as Tallies;
}

export interface Difference {
  construct: Construct;
  /** 0-based line. */
  line: number;
  scanner: string;
  reference: string;
}

/** Compares two readings line by line, adding to `tallies`; returns the lines where they differ. */
export function compareKinds(ours: LineKinds[], theirs: LineKinds[], tallies: Tallies): Difference[] {
  const differences: Difference[] = [];
  for (let line = 0; line < ours.length; line++) {
    for (const construct of CONSTRUCTS) {
      const scanner = String(ours[line][construct] ?? '');
      const reference = String(theirs[line]?.[construct] ?? '');
      if (!scanner && !reference) continue;
      const tally = tallies[construct];
      if (scanner === reference) tally.agree++;
      else {
        if (!reference) tally.scannerOnly++;
        else if (!scanner) tally.referenceOnly++;
        else tally.differ++;
        differences.push({ construct, line, scanner, reference });
      }
    }
  }
  return differences;
}

/** `heading 98.2% of 1204 lines (3 scanner only, 19 markdown-it only, 1 differ; …)`, one line per construct. */
export function formatTallies(tallies: Tallies): string {
  return CONSTRUCTS.map((construct) => {
    const t = tallies[construct];
    const total = t.agree + t.scannerOnly + t.referenceOnly + t.differ;
    const share = total ? ((100 * t.agree) / total).toFixed(1) : '100.0';
    const excused = total - t.deliberate ? ((100 * t.agree) / (total - t.deliberate)).toFixed(1) : '100.0';
    return `${construct.padEnd(8)} ${share.padStart(5)}% of ${total} lines (${t.scannerOnly} scanner only, ${t.referenceOnly} markdown-it only, ${t.differ} differ; ${t.deliberate} deliberate: ${excused}% without them)`;
  }).join('\n');
}
