import type { Field } from '../../document/fields';
import { normalizeKey } from '../../document/fields';
import type { ValueItem } from '../../roles/resolve';
import type { ActionEntry, RulesTable } from '../../rules/types';
import type { RuleContext } from '../context';

/** One role-like item assigned by a role field, with the action the field expresses. */
export interface RoleFieldItem {
  field: Field;
  action: ActionEntry;
  item: ValueItem;
}

const cache = new WeakMap<RuleContext, RoleFieldItem[]>();

/** Every item of every role field (`accepted-by: PO, PM`), classified once per lint. */
export function roleFieldItems(context: RuleContext): RoleFieldItem[] {
  let items = cache.get(context);
  if (items) return items;
  items = [];
  const actionsByField = actionFieldMap(context.table);
  for (const field of context.doc.fields) {
    const action = actionsByField.get(field.normalizedKey);
    if (!action) continue;
    for (const value of field.values) {
      for (const item of context.resolver.resolveValue(value.text, value.start)) {
        items.push({ field, action, item });
      }
    }
  }
  cache.set(context, items);
  return items;
}

const fieldMaps = new WeakMap<RulesTable, Map<string, ActionEntry>>();

/** Normalised field key -> the action it expresses. */
export function actionFieldMap(table: RulesTable): Map<string, ActionEntry> {
  let map = fieldMaps.get(table);
  if (!map) {
    map = new Map();
    for (const action of table.actions) {
      for (const key of action.fields) map.set(normalizeKey(key), action);
    }
    fieldMaps.set(table, map);
  }
  return map;
}
