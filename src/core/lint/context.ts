import type { ArtifactsConfig } from '../config/types';
import type { ParsedDocument } from '../document/parse';
import type { RoleResolver } from '../roles/resolve';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { Detection } from './detect';
import type { Item } from '../items/model';
import type { Reporter } from './report';
import type { RoleFieldItem } from './checks/roleFieldItems';

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
  /**
   * The item's role field items, classified by the first check that reads them (roleFieldItems.ts):
   * a slot here rather than a WeakMap keyed by short-lived contexts, which costs the collector.
   */
  roleFieldItems?: RoleFieldItem[];
}

export type Check = (context: RuleContext) => void;
