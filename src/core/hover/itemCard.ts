import type { Item } from '../items/model';
import type { RulesTable } from '../rules/types';
import { artifactCard } from './cards';
import type { Card } from './cards';

/** How each kind of evidence reads in a sentence: "… because <reason>". */
const DETECTED_BY: Record<Item['detectedBy'], string> = {
  'front-matter': 'its front matter names the type',
  'body-type': 'a `Type:` field near the top names the type',
  'file-name': 'the file name names the type or starts with an item id',
  heading: 'its first heading starts with a type name or an item id',
  'issue-template': 'it is an issue template whose name or labels name the type',
  section: 'the heading starts with a type name or an item id, or is a story statement',
  row: 'the table has a column named after the type (or an ID column of its ids)',
  list: 'the entry starts with a type name or an item id',
  paragraph: 'the paragraph starts with a story statement',
};

const SHAPE: Record<Item['shape'], string> = {
  file: 'the whole file is one item',
  section: 'a section item: this heading and everything under it',
  row: 'a row item: one row of a table',
  list: 'a list item: this entry and the entries under it',
  paragraph: 'a paragraph item: this statement and the lines after it',
};

/** What the linter took an item for and why: shown on hover over its heading, id cell or first words. */
export function itemCard(item: Item, table: RulesTable): Card {
  // `Epic 10` already says its type; `US 10.1` does not.
  const idNamesType = item.id !== undefined && item.id.toLowerCase().startsWith(item.artifact.name.toLowerCase());
  const name = idNamesType ? item.id! : `${item.artifact.name}${item.id ? ` ${item.id}` : ''}`;
  const parts = [`**${name}** · ${SHAPE[item.shape]}`, `Checked as ${articleFor(item.artifact.name)} ${item.artifact.name.toLowerCase()} because ${DETECTED_BY[item.detectedBy]}.`];
  if (item.indexEntry) parts.push('This mention repeats an item the file states in full elsewhere: it gets no findings of its own.');
  if (item.parent) parts.push(`Part of ${item.parent.artifact.name.toLowerCase()} ${item.parent.id ?? `“${item.parent.title}”`} (line ${item.parent.startLine + 1}).`);
  if (item.parentRef) parts.push(`Parent named in its fields: ${item.parentRef.text}.`);
  const children = item.children.filter((child) => !child.indexEntry);
  if (children.length) {
    const counts = new Map<string, number>();
    for (const child of children) {
      const plural = child.artifact.plural;
      counts.set(plural, (counts.get(plural) ?? 0) + 1);
    }
    parts.push(`Holds ${[...counts].map(([plural, count]) => `${count} ${count === 1 ? (table.artifacts.find((artifact) => artifact.plural === plural)?.name.toLowerCase() ?? plural) : plural}`).join(', ')}.`);
  }
  const typeCard = artifactCard(item.artifact, table);
  return { kind: 'artifact', title: name, markdown: `${parts.join('\n\n')}\n\n---\n\n${typeCard.markdown}` };
}

function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
