import type { ArtifactsConfig } from '../config/types';
import type { ParsedDocument } from '../document/parse';
import type { RoleResolver } from '../roles/resolve';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { Detection } from './detect';
import type { Item } from '../items/model';
import type { Reporter } from './report';

/** What every check of one item gets. */
export interface RuleContext {
  doc: ParsedDocument;
  table: RulesTable;
  config: ArtifactsConfig;
  detection: Detection;
  /** The item being checked: checks read its own fields, sections and lines, never the whole document's. */
  item: Item;
  /** The item's type. */
  artifact: ArtifactEntry;
  resolver: RoleResolver;
  reporter: Reporter;
}

export type Check = (context: RuleContext) => void;
