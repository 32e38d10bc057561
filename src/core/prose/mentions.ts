import type { ArtifactsConfig } from '../config/types';
import { namesARoleInProse } from '../rules/proseNames';
import type { RoleResolver } from '../roles/resolve';
import type { RoleEntry, RulesTable } from '../rules/types';
import { DETERMINERS } from './grammar';
import { PhraseIndex } from './words';
import type { Words } from './words';

/** A role named in a line, in offsets of the line. */
export interface RoleMention {
  start: number;
  end: number;
  /** The role words as written: `PO`, `Product Owner`, `Scrum Master/Team Coach`. */
  text: string;
  role: RoleEntry;
  /** Written as an abbreviation (`PO`), so a fix writes one too. */
  abbreviated: boolean;
  /** Written as a plural that takes a plural verb (`Product Owners`, `POs`). */
  plural: boolean;
  /** The article or determiner right before the role words (`the`, `our`), if any. */
  article?: { start: number; end: number; text: string };
}

/** The role names of one table and config. */
interface RoleNames {
  /** Names and aliases, as the hover cards know them (src/core/hover/terms.ts). */
  names: PhraseIndex<RoleEntry>;
  /** Abbreviations in their exact case: Polish "po" is no Product Owner. */
  byAbbreviation: Map<string, RoleEntry>;
  /** Everyday words for a role (`team`, `developers`): a role only right after a determiner. */
  everyday: PhraseIndex<RoleEntry>;
}

const ARTICLE_BEFORE = /(?<![\p{L}\p{N}])(the|our|your|their|its|each|every|a|an)\s+$/iu;
const namesByConfig = new WeakMap<RulesTable, WeakMap<ArtifactsConfig, RoleNames>>();

/**
 * The roles a line names: the names, aliases and abbreviations that hovers
 * show cards for, and everyday words for a role ("the team") where an article
 * makes them a noun of their own. Where names overlap the longest wins
 * ("Scrum Master/Team Coach", not "Scrum Master").
 */
export function roleMentions(words: Words, table: RulesTable, resolver: RoleResolver): RoleMention[] {
  const { names, byAbbreviation, everyday } = roleNames(table, resolver.config);
  const { text, lower, tokens } = words;
  const mentions: RoleMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const previous = i > 0 ? lower.slice(tokens[i - 1].start, tokens[i - 1].end) : '';
    const found =
      names.matchAt(words, i) ??
      (DETERMINERS.has(previous) ? everyday.matchAt(words, i) : undefined) ??
      abbreviationAt(byAbbreviation, words, i);
    if (!found) continue;
    mentions.push(mention(text, tokens[i].start, tokens[found.last].end, found.value));
    i = found.last;
  }
  return mentions;
}

function abbreviationAt(byAbbreviation: Map<string, RoleEntry>, words: Words, i: number): { value: RoleEntry; last: number } | undefined {
  const role = byAbbreviation.get(words.text.slice(words.tokens[i].start, words.tokens[i].end));
  return role ? { value: role, last: i } : undefined;
}

function mention(text: string, start: number, end: number, role: RoleEntry): RoleMention {
  const written = text.slice(start, end);
  const abbreviated = role.abbreviations.includes(written);
  const plural = abbreviated
    ? written.endsWith('s') && role.abbreviations.includes(written.slice(0, -1))
    : [role.collective ? '' : role.plural, `${role.person ?? role.name}s`].some((form) => written.toLowerCase() === form.toLowerCase());
  const result: RoleMention = { start, end, text: written, role, abbreviated, plural };
  const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  if (article) {
    const articleStart = start - article[0].length;
    result.article = { start: articleStart, end: articleStart + article[1].length, text: article[1] };
  }
  return result;
}

function roleNames(table: RulesTable, config: ArtifactsConfig): RoleNames {
  let byConfig = namesByConfig.get(table);
  if (!byConfig) namesByConfig.set(table, (byConfig = new WeakMap()));
  let names = byConfig.get(config);
  if (names) return names;
  names = { names: new PhraseIndex(), byAbbreviation: new Map(), everyday: new PhraseIndex() };
  for (const role of table.roles) {
    for (const name of [role.name, role.plural, role.person ?? '', ...role.aliases, ...(config.aliases[role.id] ?? [])]) {
      if (name.length > 3 && namesARoleInProse(name)) names.names.add(name, role);
      else if (name) names.everyday.add(name.replace(/^the\s+/i, ''), role);
    }
    for (const abbreviation of role.abbreviations) if (!names.byAbbreviation.has(abbreviation)) names.byAbbreviation.set(abbreviation, role);
  }
  byConfig.set(config, names);
  return names;
}
