import { typoDistance } from './distance';

/** The candidate closest to `word` within a few typos, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(needle.length / 3)));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = typoDistance(needle, candidate.toLowerCase(), limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
