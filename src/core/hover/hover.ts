import { effectiveTable } from '../config/effective';
import { EMPTY_CONFIG } from '../config/types';
import type { ArtifactsConfig } from '../config/types';
import { analyzeMarkdown, resolverFor, skipReason } from '../lint/lint';
import { findRoleStatements } from '../prose/statements';
import { itemCard } from './itemCard';
import { actionFieldMap } from '../lint/checks/roleFieldItems';
import { rulesTable } from '../rules/table';
import type { RulesTable } from '../rules/types';
import type { Range } from '../types';
import { artifactCard, fieldCard, nonSafeCard, roleCard, ruleCard } from './cards';
import type { Card } from './cards';
import { findTerms } from './terms';

export interface HoverOptions {
  fileName?: string;
  config?: ArtifactsConfig;
  /** Show role cards in every Markdown file, not only in artifacts. */
  allMarkdown?: boolean;
  table?: RulesTable;
}

export interface Hover {
  card: Card;
  range: Range;
}

/** Lines longer than this are not searched for terms. */
const MAX_LINE = 10_000;

/**
 * The card for whatever is under `offset`: a rule id in a directive comment,
 * a role field key, the `type:` value, or a role term in the text.
 */
export function hoverAt(text: string, offset: number, options: HoverOptions = {}): Hover | undefined {
  if (skipReason(text)) return undefined;
  const table = effectiveTable(options.table ?? rulesTable(), options.config ?? EMPTY_CONFIG);
  const { doc, detection } = analyzeMarkdown(text, options.fileName, table);
  if (!detection.items.length && !options.allMarkdown) return undefined;
  const at = (start: number, end: number) => offset >= start && offset <= end;
  const hover = (card: Card, start: number, end: number): Hover => ({ card, range: doc.index.rangeOf(start, end) });

  for (const ref of doc.directives.ruleRefs) {
    const rule = table.rules.find((candidate) => candidate.id === ref.rule);
    if (rule && at(ref.start, ref.end)) return hover(ruleCard(rule, table), ref.start, ref.end);
  }
  const actions = actionFieldMap(table);
  for (const field of doc.fields) {
    if (at(field.keyStart, field.keyEnd)) {
      const action = actions.get(field.normalizedKey);
      if (action) return hover(fieldCard(action, field.key, table), field.keyStart, field.keyEnd);
    }
  }
  const typeValue = detection.typeValue;
  if (detection.artifact && typeValue && at(typeValue.start, typeValue.end)) {
    return hover(artifactCard(detection.artifact, table), typeValue.start, typeValue.end);
  }
  const line = doc.index.positionAt(offset).line;
  const lineText = doc.index.lineText(line);
  if (lineText.length > MAX_LINE) return undefined;
  const lineStart = doc.index.lineStart(line);
  const config = options.config ?? EMPTY_CONFIG;
  for (const hit of findTerms(lineText, lineStart, table, config)) {
    if (!at(hit.start, hit.end)) continue;
    if (hit.role) return hover(roleCard(hit.role, table), hit.start, hit.end);
    if (hit.title) return hover(nonSafeCard(hit.title, table), hit.start, hit.end);
  }
  // Everyday words are roles only as the doer of a sentence ("the team accepts this feature"): read that line.
  const scanned = doc.body.lines.find((candidate) => candidate.line === line);
  if (scanned && detection.items.length) {
    const doer = findRoleStatements([scanned], table, resolverFor(table, config)).find((statement) => at(statement.doer.start, statement.doer.end))?.doer;
    if (doer) return hover(roleCard(doer.role, table), doer.start, doer.end);
  }
  // An item's heading, id cell or first words: what the linter took it for.
  const item = detection.items.find((candidate) => at(candidate.anchor.start, candidate.anchor.end));
  if (item) return hover(itemCard(item, table), item.anchor.start, item.anchor.end);
  return undefined;
}
