import type { RuleContext } from '../context';

/** Where a finding about the whole item is shown: its heading, id cell or first words (else the first line). */
export function anchorOfArtifact(context: RuleContext): { start: number; end: number } {
  return context.item.anchor;
}
