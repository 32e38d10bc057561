import type { ArtifactsConfig } from '../config/types';
import type { ParsedDocument } from '../document/parse';
import type { RoleResolver } from '../roles/resolve';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { Detection } from './detect';
import type { Reporter } from './report';

/** What every check of one artifact file gets. */
export interface RuleContext {
  doc: ParsedDocument;
  table: RulesTable;
  config: ArtifactsConfig;
  detection: Detection;
  /** The artifact type; checks run only on artifacts. */
  artifact: ArtifactEntry;
  resolver: RoleResolver;
  reporter: Reporter;
}

export type Check = (context: RuleContext) => void;
