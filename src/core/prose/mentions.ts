import type { ArtifactsConfig } from '../config/types';
import { namesARoleInProse } from '../rules/proseNames';
import type { RoleResolver } from '../roles/resolve';
import type { RoleEntry, RulesTable } from '../rules/types';
import { DETERMINERS } from './grammar';

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

/** The role names of one table and config, as word sequences. */
interface RoleNames {
  /** Names and aliases, lower case, words as written between them (`scrum master/team coach`). */
  byName: Map<string, RoleEntry>;
  /** Abbreviations in their exact case: Polish "po" is no Product Owner. */
  byAbbreviation: Map<string, RoleEntry>;
  /** Everyday words for a role (`team`, `developers`): a role only right after a determiner. */
  byEverydayName: Map<string, RoleEntry>;
  /** The first word of every name, lower case: most words are none, and cost one lookup. */
  firstWords: Set<string>;
  /** The most words any name has. */
  longest: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const ARTICLE_BEFORE = /(?<![\p{L}\p{N}])(the|our|your|their|its|each|every|a|an)\s+$/iu;
const namesByConfig = new WeakMap<RulesTable, WeakMap<ArtifactsConfig, RoleNames>>();

/**
 * The roles a line names: the names, aliases and abbreviations that hovers
 * show cards for, and everyday words for a role ("the team") where an article
 * makes them a noun of their own. Words are looked up, not searched for with
 * one large pattern, so a line costs a few map reads per word. Where names
 * overlap the longest wins ("Scrum Master/Team Coach", not "Scrum Master").
 */
export function roleMentions(text: string, table: RulesTable, resolver: RoleResolver): RoleMention[] {
  const names = roleNames(table, resolver.config);
  // Lower case keeps every offset (the table's names are ASCII-cased words).
  const lower = text.toLowerCase();
  const tokens: { start: number; end: number }[] = [];
  for (const token of text.matchAll(TOKEN)) tokens.push({ start: token.index ?? 0, end: (token.index ?? 0) + token[0].length });
  const mentions: RoleMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = nameAt(text, lower, tokens, i, names);
    if (!found) continue;
    mentions.push(mention(text, tokens[i].start, tokens[found.last].end, found.role));
    i = found.last;
  }
  return mentions;
}

function nameAt(text: string, lower: string, tokens: { start: number; end: number }[], i: number, names: RoleNames): { role: RoleEntry; last: number } | undefined {
  const { start, end } = tokens[i];
  const abbreviation = names.byAbbreviation.get(text.slice(start, end));
  if (lower.length !== text.length || !names.firstWords.has(lower.slice(start, end))) return abbreviation ? { role: abbreviation, last: i } : undefined;
  for (let last = Math.min(tokens.length - 1, i + names.longest - 1); last >= i; last--) {
    const key = lower.slice(start, tokens[last].end);
    const role = names.byName.get(key);
    if (role) return { role, last };
    const everyday = names.byEverydayName.get(key);
    if (everyday && i > 0 && DETERMINERS.has(lower.slice(tokens[i - 1].start, tokens[i - 1].end))) return { role: everyday, last };
  }
  return abbreviation ? { role: abbreviation, last: i } : undefined;
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
  names = { byName: new Map(), byAbbreviation: new Map(), byEverydayName: new Map(), firstWords: new Set(), longest: 1 };
  for (const role of table.roles) {
    // The same names as the hover cards (src/core/hover/terms.ts), so a squiggled role always has its card.
    for (const name of [role.name, role.plural, role.person ?? '', ...role.aliases, ...(config.aliases[role.id] ?? [])]) {
      const key = name.toLowerCase().replace(/\s+/g, ' ');
      const target = name.length > 3 && namesARoleInProse(name) ? names.byName : names.byEverydayName;
      const bare = target === names.byEverydayName ? key.replace(/^the /, '') : key;
      const words = bare.match(TOKEN);
      if (!words) continue;
      if (!target.has(bare)) target.set(bare, role);
      names.firstWords.add(words[0]);
      names.longest = Math.max(names.longest, words.length);
    }
    for (const abbreviation of role.abbreviations) if (!names.byAbbreviation.has(abbreviation)) names.byAbbreviation.set(abbreviation, role);
  }
  byConfig.set(config, names);
  return names;
}
