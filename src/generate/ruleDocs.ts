import { CONFIG_FILE_NAME } from '../core/config/types';
import type { RuleEntry, RulesTable } from '../core/rules/types';
import { codeBlock, groupedSourceNames, markdownTable, prose } from './markdown';
import { ruleDetails } from './ruleDetails';
import { RULE_LEVELS } from '../core/types';

/** Where rule pages live, relative to the repository root. */
export const RULE_DOCS_DIR = 'docs/rules';

const LEVELS = RULE_LEVELS.join(' | ');
/** Rules found only in the config file, where no Markdown comment can switch them off. */
const CONFIG_ONLY = new Set(['config-error']);

/** One page per rule, `docs/rules/<id>.md`, plus the `docs/rules/README.md` index. */
export function ruleDocs(table: RulesTable): Record<string, string> {
  const files: Record<string, string> = { [`${RULE_DOCS_DIR}/README.md`]: rulesIndex(table) };
  for (const rule of table.rules) files[`${RULE_DOCS_DIR}/${rule.id}.md`] = rulePage(rule, table);
  return files;
}

/** The rules as a table linking to their pages; `linkBase` is the folder of the pages, relative to the file it goes in. */
export function rulesSummaryTable(table: RulesTable, linkBase: string): string {
  const rows = table.rules.map((rule) => [`[\`${rule.id}\`](${linkBase}${rule.id}.md)`, rule.severity, prose(rule.summary)]);
  return markdownTable(['rule', 'default', 'reports'], rows);
}

function rulesIndex(table: RulesTable): string {
  return page([
    '# Rules',
    'Every rule Agile Artifacts checks, with its default severity. Each page says what the rule checks and why, shows a wrong and a right example, and how to configure or disable the rule.',
    rulesSummaryTable(table, './'),
    `Set a rule's level, or turn it off, in \`${CONFIG_FILE_NAME}\`:`,
    codeBlock('yaml', `rules:\n  story-format: off # ${LEVELS}`),
  ]);
}

function rulePage(rule: RuleEntry, table: RulesTable): string {
  const details = ruleDetails(rule.id, table);
  const sources = groupedSourceNames(table, rule.sources).map((name) => `- ${capitalize(name)}`);
  return page([
    `# \`${rule.id}\``,
    `**Default severity:** ${rule.severity} · [all rules](README.md)`,
    '## What it checks',
    prose(rule.summary),
    ...(details ? [details] : []),
    ...(rule.inItems ? ['## In sections, rows and lists', prose(rule.inItems)] : []),
    '## Why',
    prose(rule.why),
    ...(sources.length ? ['Sources:', sources.join('\n')] : []),
    '## Examples',
    ...examples(rule),
    '## Configure or disable',
    ...configure(rule),
  ]);
}

function examples(rule: RuleEntry): string[] {
  // The table read here is the whole one (validate.ts requires examples); only the shipped bundles leave them out.
  if (!rule.examples) throw new Error(`rules.${rule.id}.examples: missing`);
  const { fileName, wrong, right } = rule.examples;
  const language = fileName === CONFIG_FILE_NAME ? 'yaml' : 'markdown';
  return [
    `Wrong, in \`${fileName}\` (reported as \`${rule.id}\`):`,
    codeBlock(language, wrong),
    'Right:',
    codeBlock(language, right),
  ];
}

function configure(rule: RuleEntry): string[] {
  const setting = [
    `Set the level, or turn the rule off, in \`${CONFIG_FILE_NAME}\`:`,
    codeBlock('yaml', `rules:\n  ${rule.id}: off # ${LEVELS}`),
  ];
  if (CONFIG_ONLY.has(rule.id)) return setting;
  return [
    ...setting,
    'Or turn it off in part of a Markdown file with an inline comment: for the next line, or from one comment to the next.',
    codeBlock('markdown', [
      `<!-- agile-artifacts-disable-next-line ${rule.id} -->`,
      `(this line is not checked for ${rule.id})`,
      '',
      `<!-- agile-artifacts-disable ${rule.id} -->`,
      `(nothing here is checked for ${rule.id})`,
      `<!-- agile-artifacts-enable ${rule.id} -->`,
    ].join('\n')),
  ];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins blocks with blank lines and ends the file with one newline. */
function page(blocks: string[]): string {
  return `<!-- Generated from src/core/rules/table.yaml by npm run generate; do not edit. -->\n\n${blocks.join('\n\n')}\n`;
}
