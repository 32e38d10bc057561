import { firstTitle } from '../../document/parse';
import type { RuleContext } from '../context';

/**
 * Where a finding about the whole artifact is shown: its title, else its
 * `type:` value, else the first line.
 */
export function anchorOfArtifact(context: RuleContext): { start: number; end: number } {
  const title = firstTitle(context.doc);
  if (title && title.end > title.start) return { start: title.start, end: title.end };
  const typeValue = context.detection.typeValue;
  if (typeValue && typeValue.end > typeValue.start) return { start: typeValue.start, end: typeValue.end };
  const index = context.doc.index;
  const firstLine = context.doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: firstLine, end: Math.max(firstLine, index.lineEnd(0)) };
}
