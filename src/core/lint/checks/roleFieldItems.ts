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
  /** False when the item's range is only approximate, so no fix may edit it. */
  exact: boolean;
}

/** Every item of every role field (`accepted-by: PO, PM`), classified once per lint (kept on the context). */
export function roleFieldItems(context: RuleContext): RoleFieldItem[] {
  let items = context.roleFieldItems;
  if (items) return items;
  // Most items have one role field item or none (a backlog row): the list starts as a shared empty one, then a
  // one-element array, rather than an array that reserves 17 slots on its first push. Readers never change it.
  items = NO_ITEMS;
  const actionsByField = actionFieldMap(context.table);
  for (const field of context.item.fields) {
    const action = actionsByField.get(field.normalizedKey);
    if (!action) continue;
    for (const value of field.values) {
      const resolved = context.resolver.resolveValue(value.text, value.start);
      for (const item of resolved) {
        // Offsets inside an escaped or folded YAML value are unknown: point at the whole value,
        // and offer a fix only when the item is the whole value.
        const found: RoleFieldItem =
          value.verbatim === false ? { field, action, item: { ...item, start: value.start, end: value.end }, exact: resolved.length === 1 } : { field, action, item, exact: true };
        if (items === NO_ITEMS) items = [found];
        else items.push(found);
      }
    }
  }
  context.roleFieldItems = items;
  return items;
}

const NO_ITEMS: RoleFieldItem[] = [];

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
