import type { ArtifactsConfig } from '../config/types';
import type { NonSafeTitle, RoleEntry, RulesTable } from '../rules/types';
import { namesARoleInProse } from '../rules/proseNames';
import { phraseKey, phrasesPattern } from '../phrases';

/** A role or non-SAFe title written in running text. */
export interface TermHit {
  start: number;
  end: number;
  text: string;
  role?: RoleEntry;
  title?: NonSafeTitle;
}

interface TermScanner {
  names: RegExp;
  abbreviations: RegExp;
  byName: Map<string, RoleEntry | NonSafeTitle>;
}

const scanners = new WeakMap<RulesTable, WeakMap<ArtifactsConfig, TermScanner>>();

/**
 * Finds role names (case-insensitive) and abbreviations (exact case, so
 * "po" in a word is never a Product Owner) in a line of text.
 */
export function findTerms(line: string, offset: number, table: RulesTable, config: ArtifactsConfig): TermHit[] {
  const scanner = scannerFor(table, config);
  const hits: TermHit[] = [];
  for (const pattern of [scanner.names, scanner.abbreviations]) {
    for (const found of line.matchAll(pattern)) {
      const entry = scanner.byName.get(phraseKey(found[0]));
      if (!entry) continue;
      const start = offset + (found.index ?? 0);
      const hit: TermHit = { start, end: start + found[0].length, text: found[0] };
      if ('plural' in entry) hit.role = entry;
      else hit.title = entry;
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function scannerFor(table: RulesTable, config: ArtifactsConfig): TermScanner {
  let byConfig = scanners.get(table);
  if (!byConfig) scanners.set(table, (byConfig = new WeakMap()));
  let scanner = byConfig.get(config);
  if (scanner) return scanner;
  const byName = new Map<string, RoleEntry | NonSafeTitle>();
  const names: string[] = [];
  const abbreviations: string[] = [];
  for (const role of table.roles) {
    for (const name of [role.name, role.plural, role.person ?? '', ...role.aliases, ...(config.aliases[role.id] ?? [])]) {
      if (name.length > 3 && namesARoleInProse(name)) {
        names.push(name);
        byName.set(name.toLowerCase(), role);
      }
    }
    for (const abbreviation of role.abbreviations) {
      abbreviations.push(abbreviation);
      byName.set(abbreviation.toLowerCase(), role);
    }
  }
  for (const title of table.nonSafeTitles) {
    for (const name of [title.name, ...title.aliases]) {
      names.push(name);
      byName.set(name.toLowerCase(), title);
    }
    for (const abbreviation of title.abbreviations) {
      abbreviations.push(abbreviation);
      byName.set(abbreviation.toLowerCase(), title);
    }
  }
  scanner = { names: phrasesPattern(names, 'giu'), abbreviations: phrasesPattern(abbreviations, 'gu'), byName };
  byConfig.set(config, scanner);
  return scanner;
}
