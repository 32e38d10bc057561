import { isMap } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { normalizeKey } from '../document/fields';
import { normalizeName } from '../roles/normalize';
import { sectionsById } from '../rules/lookup';
import type { RulesTable } from '../rules/types';
import { didYouMean, isEmpty, listItems, scalarText, span, stringList } from './nodes';
import type { ConfigProblem, RoleReader } from './nodes';
import type { ArtifactsConfig, ProcessConfig, SectionChoice } from './types';

/** The config keys by which a team adapts the rules table (SPEC §5). */
export const PROCESS_KEYS = ['profile', 'allow', 'sections', 'idPrefixes', 'fields', 'types'];
/** `types.ignore`: the one key of `types` that is not an artifact id. */
export const IGNORE_KEY = 'ignore';
const CUSTOM_SECTION_KEYS = ['name', 'aliases'];
/** Item id prefixes are letters and digits, starting with a letter (SPEC §1.5); longer is no prefix. */
const ID_PREFIX = /^[A-Za-z][A-Za-z0-9]{0,15}$/;
const FIELD_KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

interface ProcessReading {
  table: RulesTable;
  readRole: RoleReader;
  problems: ConfigProblem[];
  config: ArtifactsConfig;
}

/** Reads one of PROCESS_KEYS into `config.teamProcess`; every invalid entry is a positioned problem and is left out. */
export function readProcessKey(key: string, node: YamlNode | null, reading: ProcessReading): void {
  const team: ProcessConfig = (reading.config.teamProcess ??= {});
  const reader = new ProcessReader(reading);
  const set = <K extends keyof ProcessConfig>(name: K, value: ProcessConfig[K] | undefined) => {
    if (value !== undefined) team[name] = value;
  };
  if (key === 'profile') set('profile', reader.profile(node));
  else if (key === 'allow') set('allow', reader.perArtifact(node, 'allow', 'a mapping of artifact type to { action: [roles] }', (value, where) => reader.allowed(value, where)));
  else if (key === 'sections') set('sections', reader.perArtifact(node, 'sections', 'a mapping of artifact type to a list of sections', (value, where) => reader.sections(value, where)));
  else if (key === 'idPrefixes') set('idPrefixes', reader.perArtifact(node, 'idPrefixes', 'a mapping of artifact type to a list of id prefixes', (value, where, artifactId) => reader.idPrefixes(value, where, artifactId)));
  else if (key === 'fields') set('fields', reader.fields(node));
  else if (key === 'types') reader.types(node, team);
  if (!Object.keys(team).length) delete reading.config.teamProcess;
}

class ProcessReader {
  private readonly table: RulesTable;
  private readonly artifactIds: string[];
  private readonly actionIds: string[];
  /** Prefix -> artifact id, the table's and those read so far, so two types cannot share one. */
  private prefixes: Map<string, string> | undefined;

  constructor(private readonly reading: ProcessReading) {
    this.table = reading.table;
    this.artifactIds = this.table.artifacts.map((artifact) => artifact.id);
    this.actionIds = this.table.actions.map((action) => action.id);
  }

  private fail(detail: string, node: YamlNode | null | undefined): void {
    this.reading.problems.push({ detail, ...span(node) });
  }

  profile(node: YamlNode | null): string | undefined {
    const ids = this.table.profiles.map((profile) => profile.id);
    const written = scalarText(node);
    if (written !== undefined && ids.includes(written)) return written;
    this.fail(`profile: ${written === undefined ? 'expected a profile name' : `unknown profile "${written}"`}${didYouMean(written, ids)}`, node);
    return undefined;
  }

  /** A mapping keyed by artifact id; `read` turns each value into an entry, or undefined when it reported a problem. */
  perArtifact<T>(node: YamlNode | null, key: string, expected: string, read: (value: YamlNode | null, where: string, artifactId: string) => T | undefined, extraKeys: string[] = []): Record<string, T> | undefined {
    const pairs = this.mapping(node, key, expected);
    const result: Record<string, T> = {};
    for (const pair of pairs) {
      const artifactId = scalarText(pair.key);
      if (artifactId && extraKeys.includes(artifactId)) continue;
      if (!artifactId || !this.artifactIds.includes(artifactId)) {
        this.fail(`${key}: unknown artifact type "${artifactId ?? ''}"${didYouMean(artifactId, [...this.artifactIds, ...extraKeys])}`, pair.key);
        continue;
      }
      const value = read(pair.value, `${key}.${artifactId}`, artifactId);
      if (value !== undefined) result[artifactId] = value;
    }
    return Object.keys(result).length ? result : undefined;
  }

  private mapping(node: YamlNode | null, key: string, expected: string): Pair<YamlNode, YamlNode>[] {
    if (isMap(node)) return node.items as Pair<YamlNode, YamlNode>[];
    if (!isEmpty(node)) this.fail(`${key}: expected ${expected}`, node);
    return [];
  }

  allowed(node: YamlNode | null, where: string): Record<string, string[]> | undefined {
    const result: Record<string, string[]> = {};
    for (const pair of this.mapping(node, where, 'a mapping of action to a list of roles')) {
      const actionId = scalarText(pair.key);
      if (!actionId || !this.actionIds.includes(actionId)) {
        this.fail(`${where}: unknown action "${actionId ?? ''}"${didYouMean(actionId, this.actionIds)}`, pair.key);
        continue;
      }
      const items = this.nonEmptyList(pair.value, pair.key, `${where}.${actionId}`, 'role', 'leave the action out to keep SAFe\'s roles');
      const roles: string[] = [];
      for (const item of items) {
        const roleId = this.reading.readRole(item, `${where}.${actionId}`);
        if (roleId && !roles.includes(roleId)) roles.push(roleId);
      }
      // A list whose every role is unknown allows nobody: keep SAFe's rule rather than flag every value.
      if (roles.length) result[actionId] = roles;
    }
    return Object.keys(result).length ? result : undefined;
  }

  sections(node: YamlNode | null, where: string): SectionChoice[] | undefined {
    const known = sectionIds(this.table);
    const items = this.nonEmptyList(node, node, where, 'section', 'turn missing-section off to require none');
    const chosen: SectionChoice[] = [];
    for (const item of items) {
      const choice = isMap(item) ? this.customSection(item, where) : this.knownSection(item, where, known);
      if (!choice) continue;
      if (chosen.some((other) => other.id === choice.id)) this.fail(`${where}: "${choice.id}" is listed twice`, item);
      else chosen.push(choice);
    }
    return chosen.length ? chosen : undefined;
  }

  private knownSection(item: YamlNode, where: string, known: string[]): SectionChoice | undefined {
    const id = scalarText(item);
    if (id !== undefined && known.includes(id)) return { id };
    this.fail(`${where}: ${id === undefined ? 'expected a section id or { name, aliases }' : `unknown section "${id}"`}${didYouMean(id, known)}`, item);
    return undefined;
  }

  private customSection(item: YamlNode, where: string): SectionChoice | undefined {
    if (!isMap(item)) return undefined;
    let name: string | undefined;
    let aliases: string[] = [];
    for (const pair of item.items as Pair<YamlNode, YamlNode>[]) {
      const key = scalarText(pair.key);
      if (key === 'name') {
        name = scalarText(pair.value) || undefined;
        if (!name) this.fail(`${where}: expected the section's name`, pair.value ?? pair.key);
      } else if (key === 'aliases') {
        const names = stringList(pair.value);
        if (names) aliases = names;
        else this.fail(`${where}.aliases: expected a list of headings`, pair.value ?? pair.key);
      } else {
        this.fail(`${where}: unknown key "${key ?? ''}"${didYouMean(key, CUSTOM_SECTION_KEYS)}`, pair.key);
      }
    }
    if (name === undefined) {
      // Once: an unknown key (`title:`) or an empty name has already said what is wrong.
      const saidSo = item.items.some((pair) => scalarText(pair.key as YamlNode) !== 'aliases');
      if (!saidSo) this.fail(`${where}: a section of your own needs a name`, item);
      return undefined;
    }
    return { id: normalizeKey(name), name, aliases };
  }

  idPrefixes(node: YamlNode | null, where: string, artifactId: string): string[] | undefined {
    const owners = (this.prefixes ??= prefixOwners(this.table));
    const prefixes = new Set<string>();
    for (const item of this.nonEmptyList(node, node, where, 'prefix', 'leave the type out to keep its prefixes')) {
      const written = scalarText(item);
      if (written === undefined || !ID_PREFIX.test(written)) {
        this.fail(`${where}: ${written === undefined ? 'expected a prefix' : `"${written}" is no id prefix`} (letters and digits, starting with a letter, at most 16)`, item);
        continue;
      }
      const prefix = written.toUpperCase();
      const owner = owners.get(prefix);
      if (owner !== undefined && owner !== artifactId) this.fail(`${where}: "${written}" is already a prefix of ${owner}`, item);
      else {
        prefixes.add(prefix);
        owners.set(prefix, artifactId);
      }
    }
    return prefixes.size ? [...prefixes] : undefined;
  }

  fields(node: YamlNode | null): Record<string, string[]> | undefined {
    const owners = new Map(this.table.actions.flatMap((action) => action.fields.map((field) => [field, action.id] as const)));
    const reserved = new Set(['type', ...this.table.enablerKindFields]);
    const result: Record<string, string[]> = {};
    for (const pair of this.mapping(node, 'fields', 'a mapping of action to a list of field keys')) {
      const actionId = scalarText(pair.key);
      if (!actionId || !this.actionIds.includes(actionId)) {
        this.fail(`fields: unknown action "${actionId ?? ''}"${didYouMean(actionId, this.actionIds)}`, pair.key);
        continue;
      }
      const keys = new Set<string>();
      for (const item of this.nonEmptyList(pair.value, pair.key, `fields.${actionId}`, 'field key', 'leave the action out')) {
        const written = scalarText(item);
        const key = written === undefined ? '' : normalizeKey(written);
        const owner = owners.get(key);
        if (!FIELD_KEY.test(key) || key.length > 60) this.fail(`fields.${actionId}: ${written === undefined ? 'expected a field key' : `"${written}" is no field key`} (words of letters and digits)`, item);
        else if (reserved.has(key)) this.fail(`fields.${actionId}: "${written}" names the artifact type or enabler kind, not a role`, item);
        else if (owner !== undefined && owner !== actionId) this.fail(`fields.${actionId}: "${written}" already names who ${owner}s`, item);
        else {
          keys.add(key);
          owners.set(key, actionId);
        }
      }
      if (keys.size) result[actionId] = [...keys];
    }
    return Object.keys(result).length ? result : undefined;
  }

  types(node: YamlNode | null, team: ProcessConfig): void {
    const owners = new Map(this.table.artifacts.flatMap((artifact) => artifact.typeNames.map((name) => [normalizeName(name), artifact.id] as const)));
    const readNames = (value: YamlNode | null, where: string, owner: string): string[] | undefined => {
      const names = new Map<string, string>();
      for (const item of this.nonEmptyList(value, value, where, 'type name', 'leave it out')) {
        const written = scalarText(item);
        const key = written === undefined ? '' : normalizeName(written);
        const other = owners.get(key);
        if (!key || key.length > 60) this.fail(`${where}: expected a type name`, item);
        else if (other !== undefined && other !== owner) this.fail(`${where}: "${written}" already names ${other}`, item);
        else {
          names.set(key, written!.toLowerCase());
          owners.set(key, owner);
        }
      }
      return names.size ? [...names.values()] : undefined;
    };
    // Ignored kinds first, so a type name that is also ignored is reported where it names an artifact.
    const pairs = this.mapping(node, 'types', 'a mapping of artifact type to extra type names, and ignore: [kinds]');
    if (!pairs.length) return;
    const ignore = pairs.find((pair) => scalarText(pair.key) === IGNORE_KEY);
    if (ignore) {
      const ignored = readNames(ignore.value, `types.${IGNORE_KEY}`, IGNORE_KEY);
      if (ignored) team.ignoreTypes = ignored;
    }
    const types = this.perArtifact(node, 'types', '', (value, where, artifactId) => readNames(value, where, artifactId), [IGNORE_KEY]);
    if (types) team.types = types;
  }

  /** The items of a list that must not be empty; an empty list is reported at `at`. */
  private nonEmptyList(node: YamlNode | null, at: YamlNode | null, where: string, what: string, instead: string): YamlNode[] {
    const items = listItems(isEmpty(node) ? null : node);
    if (!items.length) this.fail(`${where}: expected at least one ${what} (${instead})`, node && !isEmpty(node) ? node : at);
    else if (isMap(node)) {
      this.fail(`${where}: expected a list of ${what}s`, node);
      return [];
    }
    return items;
  }
}

function sectionIds(table: RulesTable): string[] {
  return [...sectionsById(table).keys()];
}

function prefixOwners(table: RulesTable): Map<string, string> {
  return new Map(table.artifacts.flatMap((artifact) => artifact.idPrefixes.map((prefix) => [prefix, artifact.id] as const)));
}
