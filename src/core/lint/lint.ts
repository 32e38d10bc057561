import { effectiveTable } from '../config/effective';
import { EMPTY_CONFIG } from '../config/types';
import type { ArtifactsConfig } from '../config/types';
import { parseMarkdown } from '../document/parse';
import type { ParsedDocument } from '../document/parse';
import { RoleResolver } from '../roles/resolve';
import { rulesTable } from '../rules/table';
import type { RulesTable } from '../rules/types';
import type { Finding } from '../types';
import type { Item } from '../items/model';
import { checkEnablerType } from './checks/enablerType';
import { checkFrontMatterSyntax, checkUnknownType } from './checks/fileChecks';
import { checkMissingSections } from './checks/missingSection';
import { checkOutdatedTerms } from './checks/outdatedTerm';
import { checkProseRole } from './checks/proseRole';
import { checkRoleSeparationInArtifact } from './checks/roleSeparation';
import { checkStoryFormat } from './checks/storyFormat';
import { checkUnknownRole } from './checks/unknownRole';
import { checkWrongRole } from './checks/wrongRole';
import type { Check, RuleContext } from './context';
import { detectArtifact } from './detect';
import type { Detection } from './detect';
import { Reporter } from './report';
import { withoutMemos } from '../memo';

/** Files larger than this are skipped with a note: no backlog item is that long, and it bounds the work. */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;

export interface LintOptions {
  /** The file's name or path; `.feature.md` and the like make a file an artifact. */
  fileName?: string;
  config?: ArtifactsConfig;
  table?: RulesTable;
  /** A resolver built for this table and config, reused across files (ignored when the config adapts the table). */
  resolver?: RoleResolver;
  /**
   * The text is one of many linted once each (the CLI, an index build), not a
   * document being edited: nothing is remembered for its next lint.
   */
  once?: boolean;
}

export interface LintResult {
  findings: Finding[];
  /** The file item's type id (else the first item's), when the file holds items. */
  artifact?: string;
  /** Every item found, in document order (SPEC §1). */
  items?: Item[];
  /** Why the file was not checked (too large, not text). */
  skipped?: string;
}

/** The checks that run on each item, reading its own parts. */
const ITEM_CHECKS: Check[] = [
  checkWrongRole,
  checkUnknownRole,
  checkMissingSections,
  checkStoryFormat,
  checkEnablerType,
  checkRoleSeparationInArtifact,
  checkProseRole,
];

const resolvers = new WeakMap<RulesTable, WeakMap<ArtifactsConfig, RoleResolver>>();

/** One resolver per table and config, so its lookups and cache survive between keystrokes. */
export function resolverFor(table: RulesTable, config: ArtifactsConfig): RoleResolver {
  let byConfig = resolvers.get(table);
  if (!byConfig) resolvers.set(table, (byConfig = new WeakMap()));
  let resolver = byConfig.get(config);
  if (!resolver) byConfig.set(config, (resolver = new RoleResolver(table, config)));
  return resolver;
}

/** Why a text is not checked at all, if it is not. */
/** Why a file over the size cap is not checked (the CLI says the same when it skips by size). */
export const TOO_LARGE = `larger than ${MAX_FILE_CHARS / 1024 / 1024} MB; not checked`;

export function skipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_CHARS) return TOO_LARGE;
  if (text.slice(0, 8192).includes('\u0000')) return 'not a text file (it contains NUL bytes); not checked';
  return undefined;
}

/** Lints one Markdown file. Never throws for any input text. */
export function lintMarkdown(text: string, options: LintOptions = {}): LintResult {
  const skipped = skipReason(text);
  if (skipped) return { findings: [], skipped };
  const { findings, artifact, items } = lintDocument(text, options);
  return { findings, artifact, items };
}

/** Lints a text already known to be checkable, keeping the parsed document for callers that describe its items. */
export function lintDocument(text: string, options: LintOptions = {}): LintResult & { doc: ParsedDocument; items: Item[] } {
  if (options.once) return withoutMemos(() => lintDocument(text, { ...options, once: false }));
  const config = options.config ?? EMPTY_CONFIG;
  const table = effectiveTable(options.table ?? rulesTable(), config);
  const doc = parseMarkdown(text);
  const detection = detectArtifact(doc, options.fileName, table);
  // A disable comment inside a section, row or list item reaches the end of that item, not of the file.
  doc.directives.scopeTo((line) => innermostPartEnd(detection.items, line));
  const reporter = new Reporter(table, doc.index, config.rules, (rule, line) => doc.directives.isDisabled(rule, line));
  checkFrontMatterSyntax(doc, detection, reporter);
  checkUnknownType(detection, table, reporter);
  const checked = detection.items.filter((item) => !item.indexEntry);
  if (checked.length) {
    const resolver = options.resolver?.table === table ? options.resolver : resolverFor(table, config);
    // Indexed loops: this runs once per item and check (a backlog table: thousands), and each for-of made an iterator.
    for (let i = 0; i < checked.length; i++) {
      const item = checked[i];
      const context: RuleContext = { doc, table, config, detection, item, artifact: item.artifact, resolver, reporter, roleFieldItems: undefined };
      for (let c = 0; c < ITEM_CHECKS.length; c++) ITEM_CHECKS[c](context);
    }
    checkOutdatedTerms(doc, checked, table, reporter);
  }
  return { doc, findings: sortFindings(reporter.findings), artifact: detection.artifact?.id, items: detection.items };
}

/** The line after the innermost item below the file item that holds `line`; the end of the text outside them. */
function innermostPartEnd(items: readonly Item[], line: number): number {
  let end = Number.MAX_SAFE_INTEGER;
  for (const item of items) {
    if (item.startLine > line) break;
    if (item.shape !== 'file' && line < item.endLine) end = item.endLine;
  }
  return end;
}

/** Parses and detects without checking, for hovers and completion. */
export function analyzeMarkdown(text: string, fileName: string | undefined, table: RulesTable = rulesTable()): { doc: ParsedDocument; detection: Detection } {
  const doc = parseMarkdown(text);
  return { doc, detection: detectArtifact(doc, fileName, table) };
}

/** Orders findings by position, then rule id, as the CLI and the Problems panel list them. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}
