import { findTerms } from '../hover/terms';
import { namesARoleInProse } from '../rules/proseNames';
import { phraseSource } from '../phrases';
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

const ARTICLE_BEFORE = /(?<![\p{L}\p{N}])(the|our|your|their|its|each|every|a|an)\s+$/iu;

/**
 * The roles a line names: the same names, aliases and abbreviations the
 * hovers find (abbreviations in their exact case, so Polish "po" or "Po" is
 * no Product Owner), plus everyday words for a role ("the team") when an
 * article makes them a noun of their own. Overlapping names keep the longest.
 */
export function roleMentions(text: string, table: RulesTable, resolver: RoleResolver): RoleMention[] {
  const mentions: RoleMention[] = [];
  for (const hit of findTerms(text, 0, table, resolver.config)) {
    if (!hit.role) continue;
    const last = mentions[mentions.length - 1];
    if (last && hit.start < last.end) {
      if (hit.end - hit.start <= last.end - last.start) continue;
      mentions.pop();
    }
    mentions.push(mention(text, hit.start, hit.end, hit.role));
  }
  for (const found of text.matchAll(everydayNames(table).pattern)) {
    const start = (found.index ?? 0) + found[1].length + found[2].length;
    const role = everydayNames(table).roles.get(found[3].toLowerCase().replace(/\s+/g, ' '));
    if (role && !mentions.some((other) => other.start < start + found[3].length && start < other.end)) {
      mentions.push(mention(text, start, start + found[3].length, role));
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function mention(text: string, start: number, end: number, role: RoleEntry): RoleMention {
  const written = text.slice(start, end);
  const abbreviated = role.abbreviations.includes(written);
  const plural = abbreviated
    ? written.endsWith('s') && role.abbreviations.includes(written.slice(0, -1))
    : !role.collective && written.toLowerCase() === role.plural.toLowerCase();
  const result: RoleMention = { start, end, text: written, role, abbreviated, plural };
  const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  if (article) {
    const articleStart = start - article[0].length;
    result.article = { start: articleStart, end: articleStart + article[1].length, text: article[1] };
  }
  return result;
}

interface EverydayNames {
  /** determiner, space, name */
  pattern: RegExp;
  roles: Map<string, RoleEntry>;
}

const everyday = new WeakMap<RulesTable, EverydayNames>();

/** Lower-case aliases (`team`, `developers`), found only after a determiner: "the team", "our developers". */
function everydayNames(table: RulesTable): EverydayNames {
  let names = everyday.get(table);
  if (names) return names;
  const roles = new Map<string, RoleEntry>();
  for (const role of table.roles) {
    for (const alias of role.aliases) {
      const bare = alias.replace(/^the\s+/i, '');
      if (!namesARoleInProse(alias) && !roles.has(bare)) roles.set(bare, role);
    }
  }
  const alternatives = (list: Iterable<string>) => [...list].sort((a, b) => b.length - a.length).map(phraseSource).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives(DETERMINERS)})(\\s+)(${alternatives(roles.keys())})(?![\\p{L}\\p{N}])`, 'giu');
  names = { pattern, roles };
  everyday.set(table, names);
  return names;
}
