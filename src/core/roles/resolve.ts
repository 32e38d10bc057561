import type { ArtifactsConfig, RosterPerson } from '../config/types';
import type { NonSafeTitle, RoleEntry, RulesTable } from '../rules/types';
import { typoDistance } from './distance';
import { normalizeName, stripArticle } from './normalize';
import { isPlaceholder } from './placeholders';
import { roleById } from '../rules/lookup';
import { TextMemo, detached } from '../memo';

/** How a written term relates to the roles the table knows. */
export type TermMatch =
  | { kind: 'role'; role: RoleEntry; abbreviated: boolean }
  | { kind: 'person'; person: RosterPerson; roles: RoleEntry[] }
  | { kind: 'non-safe'; title: NonSafeTitle }
  | { kind: 'near-miss'; suggestion: string; role?: RoleEntry }
  | { kind: 'placeholder' }
  | { kind: 'other' };

/** One role-like item of a field value, with its offsets in the file. */
export interface ValueItem {
  text: string;
  start: number;
  end: number;
  match: TermMatch;
}

/** A value longer than this is prose, not a name: no role or person is that long. */
const MAX_VALUE_LENGTH = 200;
const MARKDOWN_LINK = /^\[([^\]]+)\]\([^)]*\)$/;

// No surrounding \s*: a run of spaces would be tried from each of its positions. A word joins names only
// between spaces or punctuation, not inside a hyphenated name (`epic-and-tasks-agent`).
const SEPARATORS = /,|;|\+|&|\/|(?<![\w-])(?:and|und|en)(?![\w-])/gi;

const MAX_REMEMBERED_VALUES = 10_000;

/** Minimum length of a term before typo-tolerant matching is tried. */
const NEAR_MISS_MIN_LENGTH = 6;

/**
 * Tells, for a value written in a role field, which role (or person,
 * non-SAFe title, near miss, placeholder) it names. Built once per table
 * and config; lookups are map reads.
 */
export class RoleResolver {
  private readonly byName = new Map<string, RoleEntry>();
  private readonly byAbbreviation = new Map<string, RoleEntry>();
  private readonly nonSafeByName = new Map<string, NonSafeTitle>();
  private readonly nonSafeByAbbreviation = new Map<string, NonSafeTitle>();
  private readonly people = new Map<string, RosterPerson>();
  /** Names that typos are measured against, with what they stand for. */
  private readonly nearMissTargets: { name: string; display: string; role?: RoleEntry }[] = [];
  readonly hasRoster: boolean;
  /** Terms already classified: the same owners and roles recur on every keystroke. */
  private readonly classified = new Map<string, TermMatch>();

  constructor(readonly table: RulesTable, readonly config: ArtifactsConfig) {
    for (const role of table.roles) {
      for (const name of [role.name, role.plural, role.person ?? '', role.id, ...role.aliases, ...(config.aliases[role.id] ?? [])]) {
        if (name) this.byName.set(normalizeName(name), role);
      }
      for (const abbreviation of role.abbreviations) this.byAbbreviation.set(abbreviation, role);
      for (const name of [role.name, role.person ?? '', ...role.aliases]) {
        if (name.length >= NEAR_MISS_MIN_LENGTH) this.nearMissTargets.push({ name: normalizeName(name), display: name, role });
      }
    }
    for (const title of table.nonSafeTitles) {
      for (const name of [title.name, ...title.aliases]) this.nonSafeByName.set(normalizeName(name), title);
      for (const abbreviation of title.abbreviations) this.nonSafeByAbbreviation.set(abbreviation, title);
      if (title.name.length >= NEAR_MISS_MIN_LENGTH) {
        this.nearMissTargets.push({ name: normalizeName(title.name), display: title.name });
      }
    }
    for (const person of config.people) this.people.set(normalizeName(person.name), person);
    // A team the roster names (`team: Falcons`) stands for the team role, unless a person has that name.
    const teamRole = table.roles.find((role) => role.rosterTeams);
    for (const person of config.people) {
      const team = person.team && normalizeName(person.team);
      if (teamRole && team && !this.people.has(team) && !this.byName.has(team)) this.byName.set(team, teamRole);
    }
    this.hasRoster = config.people.length > 0;
  }

  roleById(id: string): RoleEntry | undefined {
    return roleById(this.table, id);
  }

  /** The role a term names exactly (name, alias or abbreviation), without typo tolerance. */
  exactRole(term: string): RoleEntry | undefined {
    // Field keys repeat (every row of a table has the same columns): remember the answers, within a bound.
    const known = this.exactRoles.get(term);
    if (known !== undefined) return known ?? undefined;
    const bare = stripArticle(term.trim());
    const role = this.roleNamed(bare, normalizeName(bare))?.role;
    if (this.exactRoles.size > 4096) this.exactRoles.clear();
    this.exactRoles.set(term, role ?? null);
    return role;
  }

  private readonly exactRoles = new Map<string, RoleEntry | null>();

  /** A role by abbreviation (as written), name, or plural of a name; `key` is `bare` normalized. */
  private roleNamed(bare: string, key: string): { role: RoleEntry; abbreviated: boolean } | undefined {
    const abbreviated = this.byAbbreviation.get(bare);
    if (abbreviated) return { role: abbreviated, abbreviated: true };
    const role = this.byName.get(key) ?? (key.endsWith('s') ? this.byName.get(key.slice(0, -1)) : undefined);
    return role ? { role, abbreviated: false } : undefined;
  }

  /** Classifies one term: a role, a person, a non-SAFe title, a typo, a placeholder or anything else. */
  classify(term: string): TermMatch {
    let match = this.classified.get(term);
    if (!match) {
      match = this.classifyUncached(term);
      if (this.classified.size > 10_000) this.classified.clear();
      this.classified.set(term, match);
    }
    return match;
  }

  private classifyUncached(term: string): TermMatch {
    const trimmed = term.trim().replace(/[.:]+$/, '');
    if (isPlaceholder(trimmed, this.table)) return { kind: 'placeholder' };
    const bare = stripArticle(trimmed.replace(/^@/, ''));
    const key = normalizeName(bare);
    const named = this.roleNamed(bare, key);
    if (named) return { kind: 'role', ...named };
    const person = this.people.get(key);
    if (person) {
      const roles = person.roles.map((id) => this.roleById(id)).filter((r): r is RoleEntry => r !== undefined);
      return { kind: 'person', person, roles };
    }
    // `pm` in an Owner column: an abbreviation in lower case, as a whole value (prose is read elsewhere,
    // where Polish "po" stays a preposition).
    const lowered = bare.length <= 4 && bare === bare.toLowerCase() ? this.byAbbreviation.get(bare.toUpperCase()) : undefined;
    if (lowered) return { kind: 'role', role: lowered, abbreviated: true };
    const title = this.nonSafeByAbbreviation.get(bare) ?? this.nonSafeByName.get(key);
    if (title) return { kind: 'non-safe', title };
    const near = this.nearMiss(key);
    if (near) return { kind: 'near-miss', suggestion: near.display, role: near.role };
    return { kind: 'other' };
  }

  /**
   * Splits a field value into the items it assigns ("PO, PM", "Jane (PO)")
   * and classifies each. A value that is one known term as a whole is not split.
   */
  resolveValue(text: string, offset: number): ValueItem[] {
    if (text.length > MAX_VALUE_LENGTH) return this.resolveAt(text, offset);
    // Remembered per text at offset 0, then placed: a backlog table names the same few owners in every row.
    const known = this.resolved.get(text);
    const relative = known ?? this.resolved.remember(text, this.resolveAt(detached(text), 0));
    return relative.map((item) => ({ text: item.text, start: item.start + offset, end: item.end + offset, match: item.match }));
  }

  /** Values already split and classified, relative to offset 0 (copies: a memo keeps no document alive). */
  private readonly resolved = new TextMemo<ValueItem[]>(MAX_REMEMBERED_VALUES);

  private resolveAt(text: string, offset: number): ValueItem[] {
    if (text.length > MAX_VALUE_LENGTH) return [{ text, start: offset, end: offset + text.length, match: { kind: 'placeholder' } }];
    const link = MARKDOWN_LINK.exec(text);
    if (link) return this.resolveAt(link[1], offset + 1);
    const whole = this.classifyItem(text, offset);
    if (whole.match.kind !== 'other') return [whole];
    const items: ValueItem[] = [];
    let partStart = 0;
    let depth = 0;
    let scanned = 0;
    for (const separator of text.matchAll(SEPARATORS)) {
      const at = separator.index ?? 0;
      // "Jane (PO, Payments)" is one item: separators inside parentheses do not split.
      for (; scanned < at; scanned++) depth += text[scanned] === '(' ? 1 : text[scanned] === ')' ? -1 : 0;
      if (depth > 0) continue;
      if (at > partStart) items.push(this.classifyItem(text.slice(partStart, at), offset + partStart));
      partStart = at + separator[0].length;
    }
    if (!items.length) return [whole];
    if (partStart < text.length) items.push(this.classifyItem(text.slice(partStart), offset + partStart));
    return items.filter((item) => item.text !== '');
  }

  private classifyItem(raw: string, offset: number): ValueItem {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = offset + lead;
    const open = text.endsWith(')') ? text.lastIndexOf('(') : -1;
    if (open >= 0) {
      const inner = text.slice(open + 1, -1).trim();
      const match = this.classify(inner);
      if (match.kind === 'role' || match.kind === 'non-safe' || match.kind === 'near-miss') {
        const innerStart = start + open + 1 + text.slice(open + 1).indexOf(inner);
        return { text: inner, start: innerStart, end: innerStart + inner.length, match };
      }
      // "Product Owner (Team Falcon)", "Jane Doe (jane@example.com)": the words before the remark are the name.
      const outer = text.slice(0, open).trimEnd();
      const outerMatch = outer ? this.classify(outer) : undefined;
      if (outerMatch && (outerMatch.kind === 'role' || outerMatch.kind === 'non-safe' || outerMatch.kind === 'person')) {
        return { text: outer, start, end: start + outer.length, match: outerMatch };
      }
    }
    return { text, start, end: start + text.length, match: this.classify(text) };
  }

  private nearMiss(key: string): { display: string; role?: RoleEntry } | undefined {
    if (key.length < NEAR_MISS_MIN_LENGTH || /\d/.test(key)) return undefined;
    const limit = key.length <= 8 ? 1 : 2;
    let best: { display: string; role?: RoleEntry; distance: number } | undefined;
    for (const target of this.nearMissTargets) {
      if (target.name[0] !== key[0]) continue;
      const distance = typoDistance(key, target.name, limit);
      if (distance > 0 && distance <= limit && (!best || distance < best.distance)) {
        best = { display: target.display, role: target.role, distance };
      }
    }
    return best;
  }
}
