import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { RoleResolver } from '../roles/resolve';
import { LineIndex } from '../text';
import { closest } from '../roles/suggest';
import type { RulesTable } from '../rules/types';
import { RULE_LEVELS } from '../types';
import type { RuleLevel } from '../types';
import { describeYamlError, yamlErrorSpan } from '../yamlErrors';
import { EMPTY_CONFIG } from './types';
import type { ArtifactsConfig, RosterPerson } from './types';
import { isEmpty, scalarText, span, stringList } from './nodes';
import type { ConfigProblem, RoleReader } from './nodes';
import { PROCESS_KEYS, readProcessKey } from './parseProcess';

export type { ConfigProblem } from './nodes';

export interface ParsedConfig {
  config: ArtifactsConfig;
  problems: ConfigProblem[];
}

const TOP_LEVEL_KEYS = ['rules', 'roles', 'people', ...PROCESS_KEYS];
const PERSON_KEYS = ['roles', 'art', 'team'];
/** Config files are small; anything larger is a mistake, not a roster. */
export const MAX_CONFIG_CHARS = 512 * 1024;

/**
 * Reads `.agile-artifacts.yaml`. Never throws: whatever is invalid is
 * reported with its position and left out, and the rest still applies.
 */
export function parseConfig(text: string, table: RulesTable): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const config: ArtifactsConfig = { rules: {}, aliases: {}, people: [] };
  if (text.length > MAX_CONFIG_CHARS) {
    return { config: EMPTY_CONFIG, problems: [{ detail: `the file is larger than ${MAX_CONFIG_CHARS / 1024} KB`, wholeFile: true, start: 0, end: 0 }] };
  }
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  let doc;
  try {
    doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return { config: EMPTY_CONFIG, problems: [{ detail: String((error as Error)?.message ?? error), wholeFile: true, start: 0, end: 0 }] };
  }
  if (doc.errors.length) {
    for (const error of doc.errors) {
      problems.push({ detail: `not valid YAML: ${describeYamlError(error.message)}`, wholeFile: true, ...yamlErrorSpan(source, error) });
    }
    return { config: EMPTY_CONFIG, problems };
  }
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    problems.push({ detail: 'the file must be a mapping with the keys rules, roles and people', wholeFile: true, ...span(root) });
    return { config: EMPTY_CONFIG, problems };
  }
  const resolver = new RoleResolver(table, EMPTY_CONFIG);
  const roleIds = table.roles.map((role) => role.id);
  const readRole = (node: YamlNode | null, where: string): string | undefined => {
    const name = scalarText(node);
    if (name === undefined) {
      problems.push({ detail: `${where}: expected a role name`, ...span(node) });
      return undefined;
    }
    const match = resolver.classify(name);
    if (match.kind === 'role') return match.role.id;
    const hint = closest(name, roleIds);
    problems.push({ detail: `${where}: "${name}" is not a SAFe role${hint ? `; did you mean ${hint}?` : ''}`, ...span(node) });
    return undefined;
  };

  for (const pair of root.items) {
    const key = scalarText(pair.key as YamlNode);
    const value = pair.value as YamlNode | null;
    if (key === 'rules') readRules(value, table, config, problems);
    else if (key === 'roles') readAliases(value, readRole, config, problems);
    else if (key === 'people') readPeople(value, readRole, config, problems);
    else if (key && PROCESS_KEYS.includes(key)) readProcessKey(key, value, { table, readRole, problems, config });
    else {
      const hint = key ? closest(key, TOP_LEVEL_KEYS) : undefined;
      problems.push({
        detail: `unknown key "${key}"${hint ? `; did you mean ${hint}?` : `; the keys are ${TOP_LEVEL_KEYS.join(', ')}`}`,
        ...span(pair.key as YamlNode),
      });
    }
  }
  const index = new LineIndex(source);
  for (const person of config.people) person.range = index.rangeOf(person.start, person.end);
  return { config, problems };
}

function readRules(node: YamlNode | null, table: RulesTable, config: ArtifactsConfig, problems: ConfigProblem[]): void {
  if (!isMap(node)) {
    if (!isEmpty(node)) problems.push({ detail: 'rules: expected a mapping of rule id to level', ...span(node) });
    return;
  }
  const ruleIds = table.rules.map((rule) => rule.id);
  for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
    const rule = scalarText(pair.key);
    if (!rule || !ruleIds.includes(rule)) {
      const hint = rule ? closest(rule, ruleIds) : undefined;
      problems.push({ detail: `rules: unknown rule "${rule ?? ''}"${hint ? `; did you mean ${hint}?` : ''}`, ...span(pair.key) });
      continue;
    }
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    const level = raw === false ? 'off' : typeof raw === 'string' ? (raw.toLowerCase() === 'info' ? 'information' : raw.toLowerCase()) : undefined;
    if (!level || !RULE_LEVELS.includes(level as RuleLevel)) {
      const written = isScalar(pair.value) && raw !== null && typeof raw !== 'object' ? `"${String(raw)}" is not a level; ` : '';
      problems.push({ detail: `rules.${rule}: ${written}expected one of ${RULE_LEVELS.join(', ')}`, ...span(pair.value ?? pair.key) });
      continue;
    }
    config.rules[rule] = level as RuleLevel;
  }
}

function readAliases(node: YamlNode | null, readRole: RoleReader, config: ArtifactsConfig, problems: ConfigProblem[]): void {
  if (!isMap(node)) {
    if (!isEmpty(node)) problems.push({ detail: 'roles: expected a mapping of role to a list of extra names', ...span(node) });
    return;
  }
  for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
    const roleId = readRole(pair.key, 'roles');
    if (!roleId) continue;
    const names = stringList(pair.value);
    if (!names) {
      problems.push({ detail: `roles.${scalarText(pair.key)}: expected a list of names`, ...span(pair.value ?? pair.key) });
      continue;
    }
    (config.aliases[roleId] ??= []).push(...names);
  }
}

function readPeople(node: YamlNode | null, readRole: RoleReader, config: ArtifactsConfig, problems: ConfigProblem[]): void {
  if (!isMap(node)) {
    if (!isEmpty(node)) problems.push({ detail: 'people: expected a mapping of person to { roles, art, team }', ...span(node) });
    return;
  }
  for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
    const name = scalarText(pair.key);
    if (!name) {
      problems.push({ detail: 'people: expected a person\'s name as key', ...span(pair.key) });
      continue;
    }
    const where = `people.${name}`;
    if (!isMap(pair.value)) {
      problems.push({ detail: `${where}: expected { roles: [...], art: ..., team: ... }`, ...span(pair.value ?? pair.key) });
      continue;
    }
    const person: RosterPerson = { name, roles: [], ...span(pair.key) };
    for (const entry of pair.value.items as Pair<YamlNode, YamlNode>[]) {
      const key = scalarText(entry.key);
      if (key === 'roles') {
        const items = isSeq(entry.value) ? (entry.value.items as YamlNode[]) : [entry.value];
        for (const item of items) {
          const roleId = readRole(item, `${where}.roles`);
          if (roleId && !person.roles.includes(roleId)) person.roles.push(roleId);
        }
      } else if (key === 'art' || key === 'team') {
        const text = scalarText(entry.value);
        if (text === undefined) problems.push({ detail: `${where}.${key}: expected a name`, ...span(entry.value ?? entry.key) });
        else person[key] = text;
      } else {
        const hint = key ? closest(key, PERSON_KEYS) : undefined;
        problems.push({ detail: `${where}: unknown key "${key ?? ''}"${hint ? `; did you mean ${hint}?` : `; the keys are ${PERSON_KEYS.join(', ')}`}`, ...span(entry.key) });
      }
    }
    config.people.push(person);
  }
}
