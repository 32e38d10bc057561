import type { RoleEntry, RulesTable, SectionEntry } from './types';

const rolesByTable = new WeakMap<RulesTable, Map<string, RoleEntry>>();

/** The role with this id (the validated table has one for every id it mentions). */
export function roleById(table: RulesTable, id: string): RoleEntry | undefined {
  let roles = rolesByTable.get(table);
  if (!roles) {
    roles = new Map(table.roles.map((role) => [role.id, role]));
    rolesByTable.set(table, roles);
  }
  return roles.get(id);
}

/** Canonical role names for role ids, in the order given. */
export function roleNames(table: RulesTable, ids: readonly string[]): string[] {
  return ids.map((id) => roleById(table, id)?.name ?? id);
}

/** `S6 Product Owner` → `SAFe 6 articles on scaledagileframework.com: Product Owner`. */
export function sourceName(table: RulesTable, reference: string): string {
  const [key, ...article] = reference.split(' ');
  const title = table.sources.find((source) => source.key === key)?.title ?? key;
  return article.length ? `${title}: ${article.join(' ')}` : title;
}

const sectionsByTable = new WeakMap<RulesTable, Map<string, SectionEntry>>();

/** Every required-section id of the table, with the first artifact's entry for it (a config may ask for it on other types too). */
export function sectionsById(table: RulesTable): ReadonlyMap<string, SectionEntry> {
  let sections = sectionsByTable.get(table);
  if (!sections) {
    sections = new Map();
    for (const artifact of table.artifacts) for (const section of artifact.requiredSections) if (!sections.has(section.id)) sections.set(section.id, section);
    sectionsByTable.set(table, sections);
  }
  return sections;
}

/**
 * Source references grouped by source, each source named once with its
 * articles in the order first cited: `S6 Product Owner`, `S6 Team Backlog`,
 * `RA` → `SAFe 6 articles on scaledagileframework.com: Product Owner, Team
 * Backlog` and `articles comparing …`.
 */
export function groupedSourceNames(table: RulesTable, references: readonly string[]): string[] {
  const articlesByKey = new Map<string, string[]>();
  for (const reference of references) {
    const [key, ...article] = reference.split(' ');
    const articles = articlesByKey.get(key) ?? [];
    if (article.length && !articles.includes(article.join(' '))) articles.push(article.join(' '));
    articlesByKey.set(key, articles);
  }
  return [...articlesByKey].map(([key, articles]) => sourceName(table, [key, articles.join(', ')].join(' ').trim()));
}
