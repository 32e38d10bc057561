/**
 * Files derived from the rules table. Pure: each function takes the table
 * and returns `{ relativePath: content }`; scripts/generate.js writes them
 * and test/unit/generated.test.ts fails when the copies on disk drift.
 */
import type { RulesTable } from '../core/rules/types';
import { GRAMMAR_PATH, injectionGrammar } from './grammar';
import { ruleDocs } from './ruleDocs';
import { SCHEMA_PATH, configSchema } from './schema';
import { SNIPPETS_PATH, snippets } from './snippets';

export { rulesTable } from '../core/rules/table';
export { RULE_DOCS_DIR } from './ruleDocs';
export { generatedRegions, spliceRegion } from './regions';

/** Every generated file, by path relative to the repository root. */
export function generatedFiles(table: RulesTable): Record<string, string> {
  return {
    ...ruleDocs(table),
    [SCHEMA_PATH]: json(configSchema(table)),
    [SNIPPETS_PATH]: json(snippets(table)),
    [GRAMMAR_PATH]: json(injectionGrammar(table)),
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
