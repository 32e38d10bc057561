import { processSentence, safeAllowed } from '../config/provenance';
import { roleNames } from '../rules/lookup';
import { joinWith } from '../rules/messages';
import type { RoleEntry, RulesTable } from '../rules/types';

/**
 * The "Your process …" lines of a role card: each artifact and action the
 * team's config gives this role beyond SAFe, and each one it takes away.
 */
export function roleProcessLines(table: RulesTable, role: RoleEntry): string[] {
  if (!table.teamProcess) return [];
  const lines: string[] = [];
  for (const artifact of table.artifacts) {
    for (const action of table.actions) {
      const safe = safeAllowed(table, artifact.id, action.id);
      if (!safe) continue;
      const allowed = artifact.allowed[action.id] ?? [];
      if (allowed.includes(role.id) && !safe.includes(role.id)) lines.push(processSentence(table, artifact, action, [role.id])!);
      else if (!allowed.includes(role.id) && safe.includes(role.id)) {
        lines.push(`Your process (${table.teamProcess.file}) does not let ${role.plural} ${action.verb} ${artifact.plural}: it lets ${joinWith(roleNames(table, allowed), 'or')}; SAFe does.`);
      }
    }
  }
  return lines;
}

/** ` — your process (.agile-artifacts.yaml); SAFe: Product Management` after a who-does-what row the team decided. */
export function teamMark(table: RulesTable, artifactId: string, actionId: string): string {
  const safe = safeAllowed(table, artifactId, actionId);
  if (!safe) return '';
  return ` — your process (${table.teamProcess!.file}); SAFe: ${safe.length ? joinWith(roleNames(table, safe), 'or') : 'no rule'}`;
}
