import type { FieldValue } from '../document/fields';
import type { ParsedDocument } from '../document/parse';
import { detectItems } from '../items/detect';
import type { DocumentItems, Item } from '../items/model';
import type { ArtifactEntry, RulesTable } from '../rules/types';

export { artifactByTypeName } from '../items/vocabulary';

/** What a document is, for hovers and completion: its items, and the file item's type when there is one. */
export interface Detection extends DocumentItems {
  /** The file item's type, else the first item's. */
  artifact?: ArtifactEntry;
  typeValue?: FieldValue;
}

/** Finds the items of a Markdown document (SPEC §1). */
export function detectArtifact(doc: ParsedDocument, fileName: string | undefined, table: RulesTable): Detection {
  const found = detectItems(doc, fileName, table);
  return { ...found, artifact: found.fileItem?.artifact ?? found.items[0]?.artifact };
}

/** The innermost item that holds a zero-based line. */
export function itemAtLine(items: readonly Item[], line: number): Item | undefined {
  let found: Item | undefined;
  for (const item of items) {
    if (item.startLine > line) break;
    if (line < item.endLine && !item.indexEntry) found = item;
  }
  return found;
}
