import { profileById, renamingsOf, reworded } from '../rules/profiles';
import type { ArtifactEntry, RulesTable, SectionEntry } from '../rules/types';
import { sectionsById } from '../rules/lookup';
import { CONFIG_FILE_NAME } from './types';
import type { ArtifactsConfig, ProcessConfig, SectionChoice } from './types';

const tables = new WeakMap<RulesTable, WeakMap<ArtifactsConfig, RulesTable>>();

/**
 * The rules table as the team's config adapts it (SPEC §5): its `profile`,
 * `allow`, `sections`, `idPrefixes`, `fields` and `types` applied over the
 * embedded table, each replacing or extending only what it names, with
 * provenance in `teamProcess`. Built once per table and config, so the caches
 * keyed by table (matchers, field maps, resolvers) survive between files and
 * keystrokes. A config without those keys gets the table itself.
 */
export function effectiveTable(table: RulesTable, config: ArtifactsConfig): RulesTable {
  const team = config.teamProcess;
  if (!team || table.teamProcess) return table;
  let byConfig = tables.get(table);
  if (!byConfig) tables.set(table, (byConfig = new WeakMap()));
  let adapted = byConfig.get(config);
  if (!adapted) byConfig.set(config, (adapted = applyProcess(table, team)));
  return adapted;
}

function applyProcess(safe: RulesTable, team: ProcessConfig): RulesTable {
  const profile = profileById(safe, team.profile);
  const worded = reworded(safe, profile);
  const allowedByTeam = new Set<string>();
  const sectionsByTeam = new Set<string>();
  const known = sectionsById(safe);
  const artifacts = worded.artifacts.map((artifact): ArtifactEntry => {
    const allow = team.allow?.[artifact.id] ?? {};
    const reasons = { ...artifact.reasons };
    for (const [action, roles] of Object.entries(allow)) {
      if (!sameItems(roles, artifact.allowed[action] ?? [])) allowedByTeam.add(`${artifact.id}/${action}`);
      reasons[action] ??= `your process (${CONFIG_FILE_NAME}) decides it`;
    }
    const chosen = team.sections?.[artifact.id];
    const requiredSections = chosen ? chosen.map((choice) => sectionFor(choice, artifact, known)) : artifact.requiredSections;
    if (chosen && !sameItems(chosen.map((choice) => choice.id), artifact.requiredSections.map((section) => section.id))) sectionsByTeam.add(artifact.id);
    return {
      ...artifact,
      allowed: { ...artifact.allowed, ...allow },
      reasons,
      requiredSections,
      typeNames: [...artifact.typeNames, ...(team.types?.[artifact.id] ?? [])],
      idPrefixes: [...artifact.idPrefixes, ...(team.idPrefixes?.[artifact.id] ?? [])],
    };
  });
  const ignored = new Set(team.ignoreTypes ?? []);
  return {
    ...safe,
    ...worded,
    artifacts,
    actions: safe.actions.map((action) => (team.fields?.[action.id] ? { ...action, fields: [...action.fields, ...team.fields[action.id]] } : action)),
    otherTypes: [...safe.otherTypes, ...ignored],
    // An ignored kind stays silent, even one SAFe would report (chore) or advise on (spike).
    workItemTypes: safe.workItemTypes.filter((type) => !ignored.has(type.toLowerCase())),
    typeHints: safe.typeHints.filter((hint) => !ignored.has(hint.type.toLowerCase())),
    renamings: renamingsOf(safe, profile),
    teamProcess: { file: CONFIG_FILE_NAME, profile, safe, allowed: allowedByTeam, sections: sectionsByTeam },
  };
}

/** The table's entry for a section id (the artifact's own first), or the team's own section. */
function sectionFor(choice: SectionChoice, artifact: ArtifactEntry, known: ReadonlyMap<string, SectionEntry>): SectionEntry {
  const own = artifact.requiredSections.find((section) => section.id === choice.id);
  if (own) return own;
  const asked = `your process (${CONFIG_FILE_NAME}) asks for it on ${artifact.plural}`;
  const shared = known.get(choice.id);
  if (shared) return { ...shared, reason: asked };
  // A section of the team's own has no skeleton: the quick fix adds the heading for the team to fill.
  return 'name' in choice ? { id: choice.id, name: choice.name, aliases: choice.aliases, reason: asked, skeleton: '' } : { id: choice.id, name: choice.id, aliases: [], reason: asked, skeleton: '' };
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
