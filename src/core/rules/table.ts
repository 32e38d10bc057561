import rawTable from './table.yaml';
import type { RulesTable } from './types';
import { validateRulesTable } from './validate';

let table: RulesTable | undefined;

/** The embedded rules table, validated on first use. */
export function rulesTable(): RulesTable {
  table ??= validateRulesTable(rawTable);
  return table;
}
