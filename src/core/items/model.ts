import type { Field, FieldValue } from '../document/fields';
import type { ScannedLine } from '../document/scan';
import type { Section } from '../document/sections';
import type { ArtifactEntry } from '../rules/types';

/** The shape an item is written in (SPEC §1). */
export type ItemShape = 'file' | 'section' | 'row' | 'list' | 'paragraph';

/** What made the linter take a part of a document for an item (SPEC §4 `detectedBy`). */
export type DetectedBy = 'front-matter' | 'body-type' | 'file-name' | 'heading' | 'issue-template' | 'section' | 'row' | 'list' | 'paragraph';

/** A span of the text, in offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One epic, capability, feature, story or enabler found in a document: the
 * engine's unit. Every check runs on one item and reads only its own parts
 * (its range minus the items written inside it).
 */
export interface Item {
  artifact: ArtifactEntry;
  shape: ItemShape;
  detectedBy: DetectedBy;
  /** The item's id as written (`FEAT-001`, `US 10.1`, `Epic 1`), when it has one. */
  id?: string;
  title: string;
  /** Zero-based first line and the line after the last (the file item covers the whole text). */
  startLine: number;
  endLine: number;
  /** Where findings about the item as a whole are shown: its heading, id cell or first words. */
  anchor: Span;
  /** Heading level of a section item (1–6); 0 for other shapes. */
  level: number;
  /** The item's own body lines: its range without the items written inside it. */
  lines: ScannedLine[];
  /** Where a user-voice statement is looked for (a row's story cell); undefined: nowhere. */
  statementLines?: ScannedLine[];
  /** The item's own fields (a file item's front matter included; a row's role columns). */
  fields: Field[];
  /** The item's own headings and labels (a row's section columns). */
  sections: Section[];
  /**
   * Whether an absent required section is reported. False where the shape has
   * no room for one (a row without that column, a paragraph, a one-line entry).
   */
  sectionsExpected: boolean;
  /** A template (issue template, placeholders): empty sections are there to be filled. */
  template: boolean;
  /** The value of its parent field (`Parent: FEAT-001`), for the workspace graph. */
  parentRef?: FieldValue;
  /** The item this one is written inside; undefined at the top. */
  parent?: Item;
  children: Item[];
  /** A second mention of an item the same document heads elsewhere (a summary list): no findings of its own. */
  indexEntry: boolean;
  /**
   * A section whose body is nothing but its child items (`### EPIC 1: Core` over a table of its
   * features, in an overview page): it names an item rather than writes it, so no section is
   * missing from it, and in the graph its children belong to the item of that title written elsewhere.
   */
  groupsOnly: boolean;
  /** A row item's cells and its table's header. */
  row?: RowCells;
  /** Where a missing section is inserted, and the heading level it gets (0: no fix). */
  insertAt: number;
  insertLevel: number;
}

/** The cells of a row item, with the header that names them. */
export interface RowCells {
  cells: { text: string; start: number; end: number }[];
  header: { text: string; start: number; end: number }[];
  /** Columns of the type cell (the story statement) and of the id; -1 when absent. */
  typeColumn: number;
  idColumn: number;
  /** What each column is, worked out once per table: its field key, and whether it names a required section. */
  columns: { key: string; normalizedKey: string; section: boolean }[];
  /** True when the type cell holds only an id (`| US 8.1 |`): the row points at the story, it does not state it. */
  typeCellIsId: boolean;
}

/** Every item of one document, in document order, with the document-level facts detection found. */
export interface DocumentItems {
  items: Item[];
  /** The file item, when the whole file is one. */
  fileItem?: Item;
  /** The front-matter type value, when there is one. */
  typeValue?: FieldValue;
  /** True when the front-matter type names no artifact type. */
  typeUnknown: boolean;
}
