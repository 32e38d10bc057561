import { joinWith } from '../../rules/messages';
import type { ActionEntry, ArtifactEntry, RoleEntry, RulesTable } from '../../rules/types';
import type { RuleContext } from '../context';
import type { OffsetFix } from '../report';
import { roleFieldItems } from './roleFieldItems';
import type { RoleFieldItem } from './roleFieldItems';
import { roleById } from '../../rules/lookup';
import { safeAllowed, safeSays } from '../../config/provenance';

/** `wrong-role`: a role field gives an action to a role the table does not allow on this artifact. */
export function checkWrongRole(context: RuleContext): void {
  const { artifact, table } = context;
  for (const { action, item, exact } of roleFieldItems(context)) {
    const allowedIds = artifact.allowed[action.id];
    if (!allowedIds) continue;
    const match = item.match;
    if (namesNoRoleOrAnAllowedOne(match, allowedIds)) continue;
    const roles = match.kind === 'role' ? [match.role] : match.kind === 'person' ? match.roles : [];
    const allowed = allowedIds.map((id) => roleById(table, id)).filter((role): role is RoleEntry => !!role);
    const values = wrongRoleValues(table, artifact, action, roles[0], allowed);
    const safe = safeAllowed(table, artifact.id, action.id);
    let template = safe ? 'team' : values.actorArtifacts ? 'some' : 'none';
    if (safe) Object.assign(values, { config: table.teamProcess!.file, safe: safeSays(table, safe) });
    if (match.kind === 'person') {
      values.person = match.person.name;
      values.role = joinWith(match.roles.map((role) => role.name), 'and');
      values.message = context.reporter.format('wrong-role', template, values);
      template = 'person';
    }
    const fixes = match.kind === 'role' && exact ? replacementFixes(item.text, item.start, item.end, match.abbreviated, allowed) : [];
    const rosterEntry = match.kind === 'person' && match.person.range;
    const related = rosterEntry ? [{ message: `${match.person.name} in the roster of .agile-artifacts.yaml`, configRange: rosterEntry, configFile: match.person.configFile }] : [];
    context.reporter.report('wrong-role', template, values, item.start, item.end, fixes, related);
  }
}

/**
 * Nothing to judge (the value names no role), or one of the roles it names may do the action. Without
 * a list or a closure: this runs for every role cell of a backlog table, nearly always allowed.
 */
function namesNoRoleOrAnAllowedOne(match: RoleFieldItem['item']['match'], allowedIds: readonly string[]): boolean {
  if (match.kind === 'role') return allowedIds.includes(match.role.id);
  if (match.kind !== 'person') return true;
  for (let i = 0; i < match.roles.length; i++) if (allowedIds.includes(match.roles[i].id)) return true;
  return match.roles.length === 0;
}

/** The placeholders of the wrong-role messages, from the table alone. */
export function wrongRoleValues(
  table: RulesTable,
  artifact: ArtifactEntry,
  action: ActionEntry,
  actor: RoleEntry,
  allowed: RoleEntry[],
): Record<string, string> {
  const last = allowed[allowed.length - 1];
  return {
    actor: actor.plural,
    actorVerb: actor.collective ? action.verbs : action.verb,
    actorDoesNot: actor.collective ? 'does not' : 'do not',
    actorArtifacts: joinWith(artifactsFor(table, action.id, actor.id), 'and'),
    artifacts: artifact.plural,
    allowed: joinWith(allowed.map((role) => role.plural), 'or'),
    allowedVerb: allowed.length === 1 && last?.collective ? action.verbs : action.verb,
    verb: action.verb,
    reason: artifact.reasons[action.id] ?? '',
  };
}

/** Plural names of the artifacts on which `roleId` may do `actionId`; enablers fold into their base. */
function artifactsFor(table: RulesTable, actionId: string, roleId: string): string[] {
  const ids = table.artifacts.filter((artifact) => artifact.allowed[actionId]?.includes(roleId)).map((artifact) => artifact.id);
  return table.artifacts
    .filter((artifact) => ids.includes(artifact.id) && !(artifact.base && ids.includes(artifact.base)))
    .map((artifact) => artifact.plural);
}

/** One fix per allowed role; an abbreviation is replaced by an abbreviation. */
export function replacementFixes(written: string, start: number, end: number, abbreviated: boolean, roles: RoleEntry[]): OffsetFix[] {
  return roles.map((role, position) => {
    const newText = abbreviated && role.abbreviations.length ? role.abbreviations[0] : role.name;
    return { title: `Replace "${written}" with "${newText}"`, edits: [{ start, end, newText }], preferred: position === 0 };
  });
}
