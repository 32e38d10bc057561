import type { ArtifactEntry, NonSafeTitle, ProfileEntry, RoleEntry, RulesTable } from './types';

/** The table's texts that a profile's wording may rewrite: what cards and messages show of roles, titles and artifacts. */
export function wordedTexts(table: RulesTable): string[] {
  return [
    ...table.roles.flatMap((role) => [role.focus, ...role.responsibilities, ...role.doesNot, ...role.oftenSaid.flatMap((said) => [said.claim, said.safe])]),
    ...table.nonSafeTitles.map((title) => title.explanation),
    ...table.artifacts.flatMap((artifact) => [artifact.summary, ...Object.values(artifact.reasons)]),
  ];
}

/** The profile a config names, or the table's default. */
export function profileById(table: RulesTable, id: string | undefined): ProfileEntry {
  const wanted = id ?? table.defaultProfile;
  return table.profiles.find((profile) => profile.id === wanted) ?? table.profiles.find((profile) => profile.id === table.defaultProfile)!;
}

/** Renamings this profile's version of SAFe has made: those `since` it or an older profile. */
export function renamingsOf(table: RulesTable, profile: ProfileEntry): RulesTable['renamings'] {
  const known = table.profiles.slice(0, table.profiles.indexOf(profile) + 1).map((entry) => entry.id);
  return table.renamings.filter((renaming) => known.includes(renaming.since));
}

/**
 * Roles, titles and artifacts with their texts in the profile's words. Plain
 * text replacement (no pattern is built from the data); entries a wording
 * does not touch stay the same objects.
 */
export function reworded(table: RulesTable, profile: ProfileEntry): Pick<RulesTable, 'roles' | 'nonSafeTitles' | 'artifacts'> {
  if (!profile.wording.length) return table;
  const say = (text: string) => profile.wording.reduce((result, { from, to }) => result.split(from).join(to), text);
  const sayAll = (texts: string[]) => texts.map(say);
  const roles = table.roles.map((role): RoleEntry => ({
    ...role,
    focus: say(role.focus),
    responsibilities: sayAll(role.responsibilities),
    doesNot: sayAll(role.doesNot),
    oftenSaid: role.oftenSaid.map((said) => ({ claim: say(said.claim), safe: say(said.safe) })),
  }));
  const nonSafeTitles = table.nonSafeTitles.map((title): NonSafeTitle => ({ ...title, explanation: say(title.explanation) }));
  const artifacts = table.artifacts.map((artifact): ArtifactEntry => ({
    ...artifact,
    summary: say(artifact.summary),
    reasons: Object.fromEntries(Object.entries(artifact.reasons).map(([action, reason]) => [action, say(reason)])),
  }));
  return { roles, nonSafeTitles, artifacts };
}
