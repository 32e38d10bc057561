import type { Card } from '../core/hover/cards';

/** Hover Markdown as plain terminal text: no emphasis marks or code ticks. */
export function cardToText(card: Card): string {
  return card.markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
