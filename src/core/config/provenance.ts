import { roleById } from '../rules/lookup';
import { joinWith } from '../rules/messages';
import type { ActionEntry, ArtifactEntry, RulesTable } from '../rules/types';

/** Plural role names, as messages start with them: `Product Management or Business Owners`. */
function rolesPlural(table: RulesTable, ids: readonly string[], conj: 'and' | 'or'): string {
  return joinWith(ids.map((id) => roleById(table, id)?.plural ?? id), conj);
}

/** True when the team's config, not SAFe, decides who does `action` on `artifact`. */
export function isTeamRule(table: RulesTable, artifactId: string, actionId: string): boolean {
  return table.teamProcess?.allowed.has(`${artifactId}/${actionId}`) ?? false;
}

/** The roles SAFe itself allows, when the team's config decides instead. */
export function safeAllowed(table: RulesTable, artifactId: string, actionId: string): string[] | undefined {
  if (!isTeamRule(table, artifactId, actionId)) return undefined;
  return table.teamProcess!.safe.artifacts.find((artifact) => artifact.id === artifactId)?.allowed[actionId] ?? [];
}

/** "SAFe gives this to Product Management", or that SAFe leaves it open. */
export function safeSays(table: RulesTable, safe: readonly string[]): string {
  return safe.length ? `SAFe gives this to ${rolesPlural(table, safe, 'or')}` : 'SAFe sets no rule for it';
}

/**
 * "Your process (.agile-artifacts.yaml) lets Business Owners accept features;
 * SAFe gives this to Product Management." — for the roles the team allows
 * beyond SAFe (all of them when `roleIds` is not given), or undefined when SAFe decides.
 */
export function processSentence(table: RulesTable, artifact: ArtifactEntry, action: ActionEntry, roleIds?: readonly string[]): string | undefined {
  const safe = safeAllowed(table, artifact.id, action.id);
  if (!safe) return undefined;
  const allowed = artifact.allowed[action.id] ?? [];
  const shown = roleIds ? allowed.filter((id) => roleIds.includes(id)) : allowed;
  if (!shown.length) return undefined;
  const subject = rolesPlural(table, shown, 'and');
  return `Your process (${table.teamProcess!.file}) lets ${subject} ${action.verb} ${artifact.plural}; ${safeSays(table, safe)}.`;
}

/** "Your process (.agile-artifacts.yaml) requires …; SAFe requires …." when the team chose the required sections. */
export function sectionsSentence(table: RulesTable, artifact: ArtifactEntry): string | undefined {
  if (!table.teamProcess?.sections.has(artifact.id)) return undefined;
  const names = (sections: ArtifactEntry['requiredSections']) => (sections.length ? joinWith(sections.map((section) => section.name), 'and') : 'none');
  const safe = table.teamProcess.safe.artifacts.find((entry) => entry.id === artifact.id)?.requiredSections ?? [];
  return `Your process (${table.teamProcess.file}) requires ${names(artifact.requiredSections)} on ${artifact.plural}; SAFe requires ${names(safe)}.`;
}
