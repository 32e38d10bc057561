import { CONFIG_KEYS } from '../config/keys';
import { IGNORE_KEY } from '../config/parseProcess';
import { yamlPlaceAt } from '../config/yamlPath';
import { sectionsById } from '../rules/lookup';
import { rulesTable } from '../rules/table';
import type { RulesTable } from '../rules/types';
import { RULE_LEVELS } from '../types';
import { artifactCard, fieldCard, roleCard, ruleCard } from '../hover/cards';
import type { CompletionItem, Completions } from './completion';
import { profileCard, sectionCard } from '../hover/configCards';

/** The keys under which artifact type ids are keys. */
const BY_ARTIFACT = ['allow', 'sections', 'idPrefixes', 'types'];

/**
 * What to offer at `offset` in `.agile-artifacts.yaml`, from the table: the
 * top-level keys, rule ids and levels, role ids, profiles, artifact types,
 * actions and section ids, each where the config expects it.
 */
export function completeConfigAt(text: string, offset: number, table: RulesTable = rulesTable()): Completions | undefined {
  if (offset > text.length || text.length > 512 * 1024) return undefined;
  const { path, slot, partial } = yamlPlaceAt(text, offset);
  const items = itemsFor(path, slot, table);
  return items?.length ? { items, replaceStart: offset - partial.length, replaceEnd: offset } : undefined;
}

function itemsFor(path: string[], slot: 'key' | 'value', table: RulesTable): CompletionItem[] | undefined {
  const [top, second, third] = path;
  const depth = path.length;
  if (slot === 'key' && depth === 0) return CONFIG_KEYS.map(({ key, summary }, i) => item(key, 'field', summary, i, undefined, `${key}:`));
  if (top === 'profile' && depth === 1 && slot === 'value') return profiles(table);
  if (top === 'rules' && depth === 1 && slot === 'key') return table.rules.map((rule, i) => item(rule.id, 'rule', `${rule.severity} · ${rule.summary}`, i, ruleCard(rule, table).markdown));
  if (top === 'rules' && depth === 2 && slot === 'value') return RULE_LEVELS.map((level, i) => item(level, 'rule', 'rule level', i));
  if (top === 'roles' && depth === 1 && slot === 'key') return roles(table);
  if (top === 'people' && depth === 3 && third === 'roles' && slot === 'value') return roles(table);
  if (BY_ARTIFACT.includes(top) && depth === 1 && slot === 'key') return [...artifacts(table), ...(top === 'types' ? [item(IGNORE_KEY, 'type', 'work-item kinds that are no artifact and stay silent', 99)] : [])];
  if ((top === 'allow' && depth === 2 && slot === 'key') || (top === 'fields' && depth === 1 && slot === 'key')) return actions(table);
  if (top === 'allow' && depth === 3 && slot === 'value' && second) return roles(table);
  if (top === 'sections' && depth === 2 && slot === 'value') return [...sectionsById(table).values()].map((section, i) => item(section.id, 'section', section.name, i, sectionCard(section, table).markdown));
  return undefined;
}

function item(label: string, kind: CompletionItem['kind'], detail: string, position: number, documentation?: string, insertText = label): CompletionItem {
  return { label, kind, insertText, detail, sortText: String(position).padStart(3, '0'), ...(documentation ? { documentation } : {}) };
}

function roles(table: RulesTable): CompletionItem[] {
  return table.roles.map((role, i) => item(role.id, 'role', role.name, i, roleCard(role, table).markdown));
}

function artifacts(table: RulesTable): CompletionItem[] {
  return table.artifacts.map((artifact, i) => item(artifact.id, 'type', artifact.name, i, artifactCard(artifact, table).markdown));
}

function actions(table: RulesTable): CompletionItem[] {
  return table.actions.map((action, i) => item(action.id, 'action', `who ${action.description}`, i, fieldCard(action, action.id, table).markdown));
}

function profiles(table: RulesTable): CompletionItem[] {
  return table.profiles.map((profile, i) => item(profile.id, 'profile', profile.name, i, profileCard(profile, table).markdown));
}
