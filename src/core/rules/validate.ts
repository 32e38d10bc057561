import { normalizeName } from '../roles/normalize';
import { RULE_LEVELS } from '../types';
import type { Severity } from '../types';
import { placeholderNames } from './messages';
import { readDetection, readStoryVoice } from './validateDetection';
import { wordedTexts } from './profiles';
import type {
  ActionEntry,
  ActionProse,
  ArtifactEntry,
  Correction,
  NonSafeTitle,
  ProfileEntry,
  Renaming,
  RoleEntry,
  RuleEntry,
  RuleExamples,
  RuleSentences,
  RulesTable,
  SectionEntry,
  SourceEntry,
  TypeHint,
} from './types';

/** What the checks expect of each rule's messages: template names, and the placeholders they fill in. */
export interface RuleMessageContract {
  templates: readonly string[];
  placeholders: readonly string[];
}

/** Every rule of SPEC §3, with the message templates its check uses. */
export const RULE_MESSAGES: Readonly<Record<string, RuleMessageContract>> = {
  'wrong-role': {
    templates: ['some', 'none', 'person', 'team'],
    placeholders: ['actor', 'actorVerb', 'actorDoesNot', 'actorArtifacts', 'artifacts', 'allowed', 'allowedVerb', 'verb', 'reason', 'person', 'role', 'message', 'config', 'safe'],
  },
  'unknown-role': { templates: ['nonSafe', 'nearMiss', 'notInRoster'], placeholders: ['value', 'explanation', 'suggestion', 'expected'] },
  'missing-section': { templates: ['missing', 'empty'], placeholders: ['artifact', 'section', 'reason'] },
  'story-format': { templates: ['missing', 'noBenefit'], placeholders: [] },
  'enabler-type': { templates: ['unknown'], placeholders: ['value', 'kinds'] },
  'role-separation': { templates: ['roster', 'artifact'], placeholders: ['person', 'art'] },
  'outdated-term': { templates: ['renamed'], placeholders: ['old', 'new'] },
  'frontmatter-syntax': { templates: ['invalid', 'unterminated'], placeholders: ['detail'] },
  'unknown-type': { templates: ['unknown'], placeholders: ['value', 'suggestion', 'types'] },
  'config-error': { templates: ['invalid', 'entry'], placeholders: ['detail'] },
  'prose-role': {
    templates: ['some', 'none'],
    placeholders: ['actor', 'actorVerb', 'actorDoesNot', 'actorArtifacts', 'artifacts', 'allowed', 'allowedVerb', 'verb', 'reason'],
  },
  'unknown-parent': { templates: ['id', 'link', 'title'], placeholders: ['item', 'ref', 'id', 'target', 'title', 'suggestion'] },
  'parent-type': { templates: ['field', 'folder', 'nested', 'loop', 'self'], placeholders: ['child', 'parent', 'children', 'allowed', 'count', 'verb', 'plural', 'chain'] },
  'duplicate-id': { templates: ['duplicate'], placeholders: ['id', 'other', 'place', 'more'] },
};

/** Default severities: any level but `off` (a rule that is off by default would be no rule). */
const SEVERITIES: readonly string[] = RULE_LEVELS.filter((level) => level !== 'off');
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Reads untyped data, recording every problem with its path instead of stopping at the first. */
export class Reader {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path || '(table)'}: ${message}`);
  }

  /** A mapping with only the `keys` listed; unknown keys are reported. */
  object(value: unknown, path: string, keys: readonly string[]): Json {
    if (!isRecord(value)) {
      this.fail(path, 'expected a mapping');
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.fail(at(path, key), `unknown field (expected one of ${keys.join(', ')})`);
    }
    return value;
  }

  /** A mapping keyed by id: `roles: { product-owner: {…} }`. */
  entries(value: unknown, path: string): [string, unknown][] {
    if (!isRecord(value)) {
      this.fail(path, 'expected a mapping keyed by id');
      return [];
    }
    const entries = Object.entries(value);
    for (const [id] of entries) if (!ID.test(id)) this.fail(at(path, id), 'expected an id in lower case, words joined by "-"');
    return entries;
  }

  list(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.fail(path, 'expected a list');
    return [];
  }

  string(object: Json, key: string, path: string, allowEmpty = false): string {
    const value = object[key];
    if (value === undefined) this.fail(at(path, key), 'missing');
    else if (typeof value !== 'string' || (!allowEmpty && !value.trim())) this.fail(at(path, key), 'expected a non-empty string');
    else return value;
    return '';
  }

  optionalString(object: Json, key: string, path: string): string | undefined {
    return object[key] === undefined ? undefined : this.string(object, key, path);
  }

  /** An artifact's rank: 1 (team) to 4 (portfolio), or 0 for an enabler of unknown level. */
  rank(object: Json, path: string): number {
    const value = object.rank;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4) return value;
    this.fail(at(path, 'rank'), value === undefined ? 'missing' : 'expected a whole number from 0 to 4');
    return 0;
  }

  boolean(object: Json, key: string, path: string): boolean {
    const value = object[key];
    if (typeof value === 'boolean') return value;
    this.fail(at(path, key), value === undefined ? 'missing' : 'expected true or false');
    return false;
  }

  stringList(object: Json, key: string, path: string, allowEmptyStrings = false): string[] {
    return this.stringListValue(object[key], at(path, key), allowEmptyStrings);
  }

  stringListValue(value: unknown, path: string, allowEmptyStrings = false): string[] {
    const ok = Array.isArray(value) && value.every((item) => typeof item === 'string' && (allowEmptyStrings || item.trim() !== ''));
    if (ok) return value as string[];
    this.fail(path, value === undefined ? 'missing' : `expected a list of ${allowEmptyStrings ? '' : 'non-empty '}strings`);
    return [];
  }

  /** A mapping of id to string: `reasons`, `messages`, `sources`. */
  stringMap(value: unknown, path: string): Record<string, string> {
    if (!isRecord(value)) {
      this.fail(path, value === undefined ? 'missing' : 'expected a mapping of strings');
      return {};
    }
    const result: Record<string, string> = {};
    for (const key of Object.keys(value)) result[key] = this.string(value, key, path);
    return result;
  }

  /** A mapping of id to a list of strings: `allowed`. */
  listMap(value: unknown, path: string): Record<string, string[]> {
    if (!isRecord(value)) {
      this.fail(path, value === undefined ? 'missing' : 'expected a mapping of lists');
      return {};
    }
    const result: Record<string, string[]> = {};
    for (const [key, item] of Object.entries(value)) result[key] = this.stringListValue(item, at(path, key));
    return result;
  }
}

const TABLE_KEYS = ['sources', 'roles', 'nonSafeTitles', 'actions', 'artifacts', 'enablerKinds', 'enablerKindFields', 'separatedRoles', 'otherTypes', 'workItemTypes', 'typeHints', 'placeholders', 'renamings', 'defaultProfile', 'profiles', 'rules', 'detection', 'storyVoice'];
const TYPE_HINT_KEYS = ['type', 'hint'];
const ROLE_KEYS = ['name', 'plural', 'collective', 'person', 'rosterTeams', 'aliases', 'abbreviations', 'focus', 'responsibilities', 'doesNot', 'oftenSaid', 'sources'];
const TITLE_KEYS = ['name', 'aliases', 'abbreviations', 'explanation', 'suggest'];
const ACTION_KEYS = ['verb', 'verbs', 'fields', 'description', 'prose'];
const PROSE_KEYS = ['present', 'past', 'passive', 'nouns'];
/** A prose phrase: lower-case words, joined by single spaces or hyphens. */
const PROSE_PHRASE = /^[a-z]+(?:[ -][a-z]+)*$/;
const ARTIFACT_KEYS = ['name', 'plural', 'typeNames', 'columnNames', 'idPrefixes', 'rank', 'parents', 'enabler', 'base', 'summary', 'requiredSections', 'userVoice', 'allowed', 'reasons', 'sources'];
const SECTION_KEYS = ['id', 'name', 'aliases', 'reason', 'skeleton', 'inlineForm'];
const RULE_KEYS = ['severity', 'summary', 'messages', 'why', 'sources', 'examples', 'inItems', 'sentences'];
const EXAMPLE_KEYS = ['fileName', 'wrong', 'right'];
/** A bare Markdown file name, or the config file: examples are linted as one of the two. */
const EXAMPLE_FILE_NAME = /^(?:[\w.-]+\.md|\.agile-artifacts\.yaml)$/;

/**
 * Checks the rules table as loaded from YAML and turns its id-keyed
 * mappings into lists of entries with an `id`. Throws one Error listing
 * every problem, each with its path (`roles.product-owner.aliases: …`).
 */
export { at, isRecord };

export function validateRulesTable(raw: unknown): RulesTable {
  const r = new Reader();
  const root = r.object(raw, '', TABLE_KEYS);
  const table: RulesTable = {
    sources: readSources(r, root.sources),
    roles: r.entries(root.roles, 'roles').map(([id, value]) => readRole(r, id, value, at('roles', id))),
    nonSafeTitles: r.list(root.nonSafeTitles, 'nonSafeTitles').map((value, i) => readTitle(r, value, at('nonSafeTitles', i))),
    actions: r.entries(root.actions, 'actions').map(([id, value]) => readAction(r, id, value, at('actions', id))),
    artifacts: r.entries(root.artifacts, 'artifacts').map(([id, value]) => readArtifact(r, id, value, at('artifacts', id))),
    enablerKinds: r.stringList(root, 'enablerKinds', ''),
    enablerKindFields: r.stringList(root, 'enablerKindFields', ''),
    separatedRoles: r.stringList(root, 'separatedRoles', ''),
    otherTypes: r.stringList(root, 'otherTypes', ''),
    workItemTypes: r.stringList(root, 'workItemTypes', ''),
    typeHints: r.list(root.typeHints, 'typeHints').map((value, i) => readTypeHint(r, value, at('typeHints', i))),
    placeholders: r.stringList(root, 'placeholders', '', true),
    renamings: r.list(root.renamings, 'renamings').map((value, i) => readRenaming(r, value, at('renamings', i))),
    profiles: r.entries(root.profiles, 'profiles').map(([id, value]) => readProfile(r, id, value, at('profiles', id))),
    defaultProfile: r.string(root, 'defaultProfile', ''),
    rules: r.entries(root.rules, 'rules').map(([id, value]) => readRule(r, id, value, at('rules', id))),
    detection: readDetection(r, root.detection),
    storyVoice: readStoryVoice(r, root.storyVoice),
  };
  checkReferences(r, table);
  checkNames(r, table);
  checkArtifacts(r, table);
  checkActions(r, table);
  checkRules(r, table);
  checkLists(r, table);
  checkProfiles(r, table);
  if (r.problems.length) throw new Error(`Invalid rules table (${r.problems.length} problems):\n  ${r.problems.join('\n  ')}`);
  return table;
}

function readSources(r: Reader, value: unknown): SourceEntry[] {
  return Object.entries(r.stringMap(value, 'sources')).map(([key, title]) => ({ key, title }));
}

function readRole(r: Reader, id: string, value: unknown, path: string): RoleEntry {
  const o = r.object(value, path, ROLE_KEYS);
  const role: RoleEntry = {
    id,
    name: r.string(o, 'name', path),
    plural: r.string(o, 'plural', path),
    collective: r.boolean(o, 'collective', path),
    aliases: r.stringList(o, 'aliases', path),
    abbreviations: r.stringList(o, 'abbreviations', path),
    focus: r.string(o, 'focus', path),
    responsibilities: r.stringList(o, 'responsibilities', path),
    doesNot: r.stringList(o, 'doesNot', path),
    oftenSaid: r.list(o.oftenSaid, at(path, 'oftenSaid')).map((item, i) => readCorrection(r, item, at(at(path, 'oftenSaid'), i))),
    sources: r.stringList(o, 'sources', path),
  };
  const person = r.optionalString(o, 'person', path);
  if (person !== undefined) role.person = person;
  if (o.rosterTeams !== undefined) {
    if (o.rosterTeams === true) role.rosterTeams = true;
    else r.fail(at(path, 'rosterTeams'), 'expected true, or leave it out');
  }
  return role;
}

function readCorrection(r: Reader, value: unknown, path: string): Correction {
  const o = r.object(value, path, ['claim', 'safe']);
  return { claim: r.string(o, 'claim', path), safe: r.string(o, 'safe', path) };
}

function readTypeHint(r: Reader, value: unknown, path: string): TypeHint {
  const o = r.object(value, path, TYPE_HINT_KEYS);
  return { type: r.string(o, 'type', path), hint: r.string(o, 'hint', path) };
}

function readTitle(r: Reader, value: unknown, path: string): NonSafeTitle {
  const o = r.object(value, path, TITLE_KEYS);
  return {
    name: r.string(o, 'name', path),
    aliases: r.stringList(o, 'aliases', path),
    abbreviations: r.stringList(o, 'abbreviations', path),
    explanation: r.string(o, 'explanation', path),
    suggest: r.stringList(o, 'suggest', path),
  };
}

function readAction(r: Reader, id: string, value: unknown, path: string): ActionEntry {
  const o = r.object(value, path, ACTION_KEYS);
  return {
    id,
    verb: r.string(o, 'verb', path),
    verbs: r.string(o, 'verbs', path),
    fields: r.stringList(o, 'fields', path),
    description: r.string(o, 'description', path),
    prose: readActionProse(r, o.prose, at(path, 'prose')),
  };
}

function readActionProse(r: Reader, value: unknown, path: string): ActionProse {
  const o = r.object(value, path, PROSE_KEYS);
  const present = r.list(o.present, at(path, 'present')).map((pair, i): [string, string] => {
    const forms = r.stringListValue(pair, at(at(path, 'present'), i));
    if (forms.length === 2) return [forms[0], forms[1]];
    if (Array.isArray(pair)) r.fail(at(at(path, 'present'), i), 'expected [singular form, plural form]');
    return ['', ''];
  });
  const prose: ActionProse = {
    present: present.filter(([singular]) => singular !== ''),
    past: r.stringList(o, 'past', path),
    passive: r.stringList(o, 'passive', path),
    nouns: r.stringList(o, 'nouns', path),
  };
  if (!prose.present.length) r.fail(at(path, 'present'), 'expected at least one [singular, plural] pair');
  return prose;
}

function readArtifact(r: Reader, id: string, value: unknown, path: string): ArtifactEntry {
  const o = r.object(value, path, ARTIFACT_KEYS);
  const artifact: ArtifactEntry = {
    id,
    name: r.string(o, 'name', path),
    plural: r.string(o, 'plural', path),
    typeNames: r.stringList(o, 'typeNames', path),
    columnNames: o.columnNames === undefined ? [] : r.stringList(o, 'columnNames', path),
    idPrefixes: r.stringList(o, 'idPrefixes', path),
    rank: r.rank(o, path),
    enabler: r.boolean(o, 'enabler', path),
    summary: r.string(o, 'summary', path),
    requiredSections: r
      .list(o.requiredSections, at(path, 'requiredSections'))
      .map((item, i) => readSection(r, item, at(at(path, 'requiredSections'), i))),
    userVoice: r.boolean(o, 'userVoice', path),
    allowed: r.listMap(o.allowed, at(path, 'allowed')),
    reasons: r.stringMap(o.reasons, at(path, 'reasons')),
    sources: r.stringList(o, 'sources', path),
  };
  const base = r.optionalString(o, 'base', path);
  if (base !== undefined) artifact.base = base;
  if (o.parents !== undefined) artifact.parents = r.stringList(o, 'parents', path);
  return artifact;
}

function readSection(r: Reader, value: unknown, path: string): SectionEntry {
  const o = r.object(value, path, SECTION_KEYS);
  return {
    id: r.string(o, 'id', path),
    name: r.string(o, 'name', path),
    aliases: r.stringList(o, 'aliases', path),
    reason: r.string(o, 'reason', path),
    skeleton: r.string(o, 'skeleton', path),
    ...(o.inlineForm === undefined ? {} : { inlineForm: r.stringList(o, 'inlineForm', path) }),
  };
}

function readRenaming(r: Reader, value: unknown, path: string): Renaming {
  const o = r.object(value, path, ['old', 'new', 'source', 'since']);
  return { old: r.string(o, 'old', path), new: r.string(o, 'new', path), source: r.string(o, 'source', path), since: r.string(o, 'since', path) };
}

function readProfile(r: Reader, id: string, value: unknown, path: string): ProfileEntry {
  const o = r.object(value, path, ['name', 'wording']);
  const wording = r.list(o.wording, at(path, 'wording')).map((item, i) => {
    const w = r.object(item, at(at(path, 'wording'), i), ['from', 'to']);
    return { from: r.string(w, 'from', at(at(path, 'wording'), i)), to: r.string(w, 'to', at(at(path, 'wording'), i), true) };
  });
  return { id, name: r.string(o, 'name', path), wording };
}

function readRule(r: Reader, id: string, value: unknown, path: string): RuleEntry {
  const o = r.object(value, path, RULE_KEYS);
  const severity = r.string(o, 'severity', path);
  if (severity && !SEVERITIES.includes(severity)) r.fail(at(path, 'severity'), `"${severity}" is not one of ${SEVERITIES.join(', ')}`);
  return {
    id,
    severity: severity as Severity,
    summary: r.string(o, 'summary', path),
    messages: r.stringMap(o.messages, at(path, 'messages')),
    why: r.string(o, 'why', path),
    sources: r.stringList(o, 'sources', path),
    examples: readExamples(r, o.examples, at(path, 'examples')),
    ...(o.inItems === undefined ? {} : { inItems: r.string(o, 'inItems', path) }),
    ...(o.sentences === undefined ? {} : { sentences: readSentences(r, o.sentences, at(path, 'sentences')) }),
  };
}

function readSentences(r: Reader, value: unknown, path: string): RuleSentences {
  const o = r.object(value, path, ['reported', 'silent']);
  return {
    reported: r.stringList(o, 'reported', path),
    silent: r.list(o.silent, at(path, 'silent')).map((item, i) => {
      const entry = r.object(item, at(at(path, 'silent'), i), ['sentence', 'why']);
      return { sentence: r.string(entry, 'sentence', at(at(path, 'silent'), i)), why: r.string(entry, 'why', at(at(path, 'silent'), i)) };
    }),
  };
}

function readExamples(r: Reader, value: unknown, path: string): RuleExamples {
  const o = r.object(value, path, EXAMPLE_KEYS);
  const examples = { fileName: r.string(o, 'fileName', path), wrong: r.string(o, 'wrong', path), right: r.string(o, 'right', path) };
  if (examples.fileName && !EXAMPLE_FILE_NAME.test(examples.fileName)) {
    r.fail(at(path, 'fileName'), `"${examples.fileName}" must be a file name ending in .md, or .agile-artifacts.yaml`);
  }
  if (examples.wrong && examples.wrong === examples.right) r.fail(path, 'wrong and right are the same');
  return examples;
}

/** Role, action and source ids named anywhere exist. */
function checkReferences(r: Reader, table: RulesTable): void {
  const sourceKeys = new Set(table.sources.map((source) => source.key));
  const roleIds = new Set(table.roles.map((role) => role.id));
  const actionIds = new Set(table.actions.map((action) => action.id));
  const checkSource = (ref: string, path: string) => {
    const key = ref.split(' ')[0];
    if (!sourceKeys.has(key)) r.fail(path, `unknown source "${key}" (known: ${[...sourceKeys].join(', ')})`);
  };
  for (const role of table.roles) role.sources.forEach((ref) => checkSource(ref, `roles.${role.id}.sources`));
  for (const artifact of table.artifacts) {
    const path = `artifacts.${artifact.id}`;
    artifact.sources.forEach((ref) => checkSource(ref, `${path}.sources`));
    for (const [actionId, roles] of Object.entries(artifact.allowed)) {
      if (!actionIds.has(actionId)) r.fail(`${path}.allowed.${actionId}`, `unknown action "${actionId}"`);
      if (!roles.length) r.fail(`${path}.allowed.${actionId}`, 'expected at least one role (leave the action out instead)');
      for (const roleId of roles) if (!roleIds.has(roleId)) r.fail(`${path}.allowed.${actionId}`, `unknown role "${roleId}"`);
      if (!Object.hasOwn(artifact.reasons, actionId)) r.fail(`${path}.reasons`, `missing a reason for "${actionId}"`);
    }
    for (const actionId of Object.keys(artifact.reasons)) {
      if (!Object.hasOwn(artifact.allowed, actionId)) r.fail(`${path}.reasons.${actionId}`, `no allowed roles for "${actionId}"`);
    }
  }
  table.nonSafeTitles.forEach((title, i) => {
    for (const roleId of title.suggest) if (!roleIds.has(roleId)) r.fail(`nonSafeTitles[${i}].suggest`, `unknown role "${roleId}"`);
  });
  table.renamings.forEach((renaming, i) => checkSource(renaming.source, `renamings[${i}].source`));
  if (table.separatedRoles.length !== 2) r.fail('separatedRoles', 'expected exactly two roles');
  for (const roleId of table.separatedRoles) if (!roleIds.has(roleId)) r.fail('separatedRoles', `unknown role "${roleId}"`);
  for (const rule of table.rules) rule.sources.forEach((ref) => checkSource(ref, `rules.${rule.id}.sources`));
}

/**
 * Every name and abbreviation means one thing: no two roles, or a role and
 * a non-SAFe title, share one, and no placeholder is a role's name.
 */
function checkNames(r: Reader, table: RulesTable): void {
  const names = new Map<string, string>();
  const abbreviations = new Map<string, string>();
  const claimName = (name: string, owner: string, path: string) => {
    const key = normalizeName(name);
    const other = names.get(key);
    if (other !== undefined && other !== owner) r.fail(path, `"${name}" already names ${other}`);
    else names.set(key, owner);
  };
  const claimAbbreviation = (abbreviation: string, owner: string, path: string) => {
    const other = abbreviations.get(abbreviation) ?? names.get(normalizeName(abbreviation));
    if (other !== undefined && other !== owner) r.fail(path, `"${abbreviation}" already names ${other}`);
    else abbreviations.set(abbreviation, owner);
  };
  for (const role of table.roles) {
    const owner = `roles.${role.id}`;
    for (const key of ['name', 'plural', 'person'] as const) {
      const name = role[key];
      if (name) claimName(name, owner, `${owner}.${key}`);
    }
    role.aliases.forEach((alias) => claimName(alias, owner, `${owner}.aliases`));
  }
  table.nonSafeTitles.forEach((title, i) => {
    const owner = `nonSafeTitles[${i}]`;
    if (title.name) claimName(title.name, owner, `${owner}.name`);
    title.aliases.forEach((alias) => claimName(alias, owner, `${owner}.aliases`));
  });
  for (const role of table.roles) role.abbreviations.forEach((abbreviation) => claimAbbreviation(abbreviation, `roles.${role.id}`, `roles.${role.id}.abbreviations`));
  table.nonSafeTitles.forEach((title, i) =>
    title.abbreviations.forEach((abbreviation) => claimAbbreviation(abbreviation, `nonSafeTitles[${i}]`, `nonSafeTitles[${i}].abbreviations`)),
  );
  for (const placeholder of table.placeholders) {
    const owner = names.get(normalizeName(placeholder)) ?? abbreviations.get(placeholder);
    if (owner !== undefined) r.fail('placeholders', `"${placeholder}" is a name of ${owner}`);
  }
}

/** Type names are unambiguous, enablers point to their base, sections are well formed. */
function checkArtifacts(r: Reader, table: RulesTable): void {
  const typeNames = new Map<string, string>();
  const idPrefixes = new Map<string, string>();
  const byId = new Map(table.artifacts.map((artifact) => [artifact.id, artifact]));
  for (const artifact of table.artifacts) {
    const path = `artifacts.${artifact.id}`;
    for (const typeName of artifact.typeNames) {
      if (typeName !== typeName.toLowerCase()) r.fail(`${path}.typeNames`, `"${typeName}" must be lower case (type names are compared ignoring case)`);
      const key = normalizeName(typeName);
      const other = typeNames.get(key);
      if (other !== undefined && other !== artifact.id) r.fail(`${path}.typeNames`, `"${typeName}" already names artifacts.${other}`);
      else typeNames.set(key, artifact.id);
    }
    for (const columnName of artifact.columnNames) {
      if (columnName !== columnName.toLowerCase()) r.fail(`${path}.columnNames`, `"${columnName}" must be lower case (column headers are compared ignoring case)`);
      const key = `column:${normalizeName(columnName)}`;
      const other = typeNames.get(key);
      if (other !== undefined && other !== artifact.id) r.fail(`${path}.columnNames`, `"${columnName}" already names artifacts.${other}`);
      else typeNames.set(key, artifact.id);
    }
    for (const prefix of artifact.idPrefixes) {
      if (!/^[A-Z][A-Z0-9]*$/.test(prefix)) r.fail(`${path}.idPrefixes`, `"${prefix}" must be upper-case letters and digits, starting with a letter (ids are matched ignoring case)`);
      const other = idPrefixes.get(prefix);
      if (other !== undefined) r.fail(`${path}.idPrefixes`, `"${prefix}" is already a prefix of artifacts.${other}`);
      else idPrefixes.set(prefix, artifact.id);
    }
    for (const parent of artifact.parents ?? []) {
      if (!byId.has(parent)) r.fail(`${path}.parents`, `unknown artifact "${parent}"`);
    }
    if (artifact.base !== undefined) {
      const base = byId.get(artifact.base);
      if (!artifact.enabler) r.fail(`${path}.base`, 'only an enabler has a base artifact');
      if (!base) r.fail(`${path}.base`, `unknown artifact "${artifact.base}"`);
      else if (base.enabler) r.fail(`${path}.base`, `"${artifact.base}" is itself an enabler`);
    }
    const sectionIds = new Set<string>();
    artifact.requiredSections.forEach((section, i) => {
      if (section.id && !ID.test(section.id)) r.fail(`${path}.requiredSections[${i}].id`, 'expected an id in lower case, words joined by "-"');
      if (sectionIds.has(section.id)) r.fail(`${path}.requiredSections[${i}].id`, `"${section.id}" appears twice`);
      sectionIds.add(section.id);
    });
  }
}

/** Field keys are normalised and each belongs to one action; so does every prose phrase. */
function checkActions(r: Reader, table: RulesTable): void {
  const owners = new Map<string, string>();
  const phraseOwners = new Map<string, string>();
  for (const action of table.actions) {
    const { present, past, passive, nouns } = action.prose;
    const phrases: [string, string][] = [
      ...present.flatMap((pair, i): [string, string][] => pair.map((phrase) => [phrase, `present[${i}]`])),
      ...past.map((phrase): [string, string] => [phrase, 'past']),
      ...passive.map((phrase): [string, string] => [phrase, 'passive']),
      ...nouns.map((phrase): [string, string] => [phrase, 'nouns']),
    ];
    for (const [phrase, where] of phrases) {
      const path = `actions.${action.id}.prose.${where}`;
      if (!PROSE_PHRASE.test(phrase)) r.fail(path, `"${phrase}" must be lower-case words joined by single spaces or hyphens`);
      const other = phraseOwners.get(phrase);
      // A pair may repeat a form ("put" for both numbers), but no phrase may belong to two actions.
      if (other !== undefined && other !== action.id) r.fail(path, `"${phrase}" already belongs to actions.${other}`);
      else phraseOwners.set(phrase, action.id);
    }
    for (const phrase of passive) if (!/ by$/.test(phrase)) r.fail(`actions.${action.id}.prose.passive`, `"${phrase}" must end in "by", which the doer follows`);
    for (const field of action.fields) {
      if (!ID.test(field)) r.fail(`actions.${action.id}.fields`, `"${field}" must be normalised: lower case, words joined by "-"`);
      const other = owners.get(field);
      if (other !== undefined && other !== action.id) r.fail(`actions.${action.id}.fields`, `"${field}" already belongs to actions.${other}`);
      else owners.set(field, action.id);
    }
  }
}

/** Every rule of the contract is present, with the templates and placeholders its check uses. */
function checkRules(r: Reader, table: RulesTable): void {
  const present = new Set(table.rules.map((rule) => rule.id));
  for (const id of Object.keys(RULE_MESSAGES)) if (!present.has(id)) r.fail('rules', `missing rule "${id}"`);
  for (const rule of table.rules) {
    const contract = RULE_MESSAGES[rule.id];
    if (!contract) {
      r.fail(`rules.${rule.id}`, `unknown rule id (known: ${Object.keys(RULE_MESSAGES).join(', ')})`);
      continue;
    }
    const path = `rules.${rule.id}.messages`;
    for (const name of contract.templates) if (!Object.hasOwn(rule.messages, name)) r.fail(path, `missing template "${name}"`);
    for (const [name, template] of Object.entries(rule.messages)) {
      if (!contract.templates.includes(name)) r.fail(`${path}.${name}`, `unknown template (expected ${contract.templates.join(', ')})`);
      for (const placeholder of placeholderNames(template)) {
        if (!contract.placeholders.includes(placeholder)) {
          const known = contract.placeholders.length ? contract.placeholders.map((p) => `{${p}}`).join(', ') : 'none';
          r.fail(`${path}.${name}`, `unknown placeholder {${placeholder}} (allowed: ${known})`);
        }
      }
    }
  }
}

/** Plain lists hold no duplicates; enabler kinds are lower case. */
function checkLists(r: Reader, table: RulesTable): void {
  const duplicates = (items: string[], path: string, key: (item: string) => string) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(key(item))) r.fail(path, `"${item}" appears twice`);
      seen.add(key(item));
    }
  };
  const lower = (item: string) => item.toLowerCase();
  if (!table.enablerKinds.length) r.fail('enablerKinds', 'expected at least one kind');
  for (const kind of table.enablerKinds) if (kind !== kind.toLowerCase()) r.fail('enablerKinds', `"${kind}" must be lower case`);
  duplicates(table.enablerKinds, 'enablerKinds', lower);
  if (!table.enablerKindFields.length) r.fail('enablerKindFields', 'expected at least one field key');
  for (const key of table.enablerKindFields) if (!/^[a-z]+(?:-[a-z]+)*$/.test(key)) r.fail('enablerKindFields', `"${key}" must be a normalized key (lower case, words joined by "-")`);
  duplicates(table.placeholders, 'placeholders', lower);
  duplicates([...table.otherTypes, ...table.workItemTypes], 'otherTypes and workItemTypes', lower);
  const typeNames = new Set(table.artifacts.flatMap((artifact) => artifact.typeNames).map(lower));
  for (const type of [...table.otherTypes, ...table.workItemTypes]) if (typeNames.has(lower(type))) r.fail('otherTypes and workItemTypes', `"${type}" is an artifact type`);
  duplicates(table.renamings.map((renaming) => renaming.old), 'renamings', lower);
  table.renamings.forEach((renaming, i) => {
    if (renaming.old && lower(renaming.old) === lower(renaming.new)) r.fail(`renamings[${i}]`, 'old and new name are the same');
  });
}

/**
 * The default profile exists, each renaming names the profile that introduced
 * it, and each wording rewrites a text the cards really show (so a table edit
 * cannot leave a profile rewording nothing).
 */
function checkProfiles(r: Reader, table: RulesTable): void {
  const ids = table.profiles.map((profile) => profile.id);
  if (table.defaultProfile && !ids.includes(table.defaultProfile)) r.fail('defaultProfile', `unknown profile "${table.defaultProfile}" (known: ${ids.join(', ')})`);
  table.renamings.forEach((renaming, i) => {
    if (renaming.since && !ids.includes(renaming.since)) r.fail(`renamings[${i}].since`, `unknown profile "${renaming.since}" (known: ${ids.join(', ')})`);
  });
  const texts = wordedTexts(table).join('\n');
  for (const profile of table.profiles) {
    profile.wording.forEach((wording, i) => {
      if (wording.from && !texts.includes(wording.from)) r.fail(`profiles.${profile.id}.wording[${i}].from`, `"${wording.from}" appears in no text of the table`);
    });
  }
}

