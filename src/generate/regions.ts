import type { RulesTable } from '../core/rules/types';
import { RULE_DOCS_DIR, rulesSummaryTable } from './ruleDocs';

/** Generated parts of hand-written files: file → region name → content between its markers. */
export function generatedRegions(table: RulesTable): Record<string, Record<string, string>> {
  return { 'README.md': { 'rules-table': rulesSummaryTable(table, `${RULE_DOCS_DIR}/`) } };
}

/**
 * Puts `content` between `<!-- name:start -->` and `<!-- name:end -->`,
 * replacing what was there. Throws when the markers are missing, so a
 * deleted marker fails loudly instead of dropping the section.
 */
export function spliceRegion(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) throw new Error(`missing the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n\n${content.trim()}\n\n${text.slice(to)}`;
}
