import { closest } from '../../roles/suggest';
import { joinWith } from '../../rules/messages';
import type { ActionEntry, ArtifactEntry, RoleEntry } from '../../rules/types';
import type { RuleContext } from '../context';
import type { OffsetFix } from '../report';
import { roleFieldItems } from './roleFieldItems';
import { replacementFixes } from './wrongRole';

/**
 * `unknown-role`: a role field names a job title SAFe does not have, a near
 * miss of a role, or (with a roster) nobody the roster or the table knows.
 * Each message ends with who does the job in SAFe, when the table says.
 */
export function checkUnknownRole(context: RuleContext): void {
  const { artifact, resolver, reporter, table } = context;
  for (const { action, item, exact } of roleFieldItems(context)) {
    const match = item.match;
    // Most values name a role or nobody (a backlog table: one per row): the message's parts are only worked out for a finding.
    if (match.kind !== 'non-safe' && match.kind !== 'near-miss' && !(match.kind === 'other' && resolver.hasRoster)) continue;
    const allowed = rolesOf(context, artifact.allowed[action.id] ?? []);
    const expected = allowed.length ? `; in SAFe, ${whoDoes(allowed, action, artifact)}` : '';
    const replace = (newText: string, preferred: boolean): OffsetFix => ({
      title: `Replace "${item.text}" with "${newText}"`,
      edits: [{ start: item.start, end: item.end, newText }],
      preferred,
    });
    if (match.kind === 'non-safe') {
      const usual = rolesOf(context, match.title.suggest);
      const fallback = !allowed.length && usual.length ? `; in SAFe the job usually belongs to ${joinWith(usual.map((role) => role.name), 'or')}` : '';
      const explanation = match.title.explanation.replace(/\.\s*$/, '');
      const fixes = replacementFixes(item.text, item.start, item.end, false, allowed.length ? allowed : usual).map((fix) => ({ ...fix, preferred: false }));
      reporter.report('unknown-role', 'nonSafe', { value: item.text, explanation, expected: expected || fallback }, item.start, item.end, exact ? fixes : []);
    } else if (match.kind === 'near-miss') {
      reporter.report('unknown-role', 'nearMiss', { value: item.text, suggestion: match.suggestion, expected }, item.start, item.end, exact ? [replace(match.suggestion, true)] : []);
    } else if (match.kind === 'other' && resolver.hasRoster) {
      const candidates = [...context.config.people.map((person) => person.name), ...table.roles.map((role) => role.name)];
      const hint = closest(item.text, candidates);
      const suggestion = hint ? ` (did you mean ${hint}?)` : '';
      // Not preferred: the closest name may be another person, so fix-all never applies it.
      reporter.report('unknown-role', 'notInRoster', { value: item.text, suggestion, expected }, item.start, item.end, hint && exact ? [replace(hint, false)] : []);
    }
  }
}

function rolesOf(context: RuleContext, ids: string[]): RoleEntry[] {
  return ids.map((id) => context.resolver.roleById(id)).filter((role): role is RoleEntry => role !== undefined);
}

/** "Product Management accepts features", "System Architects or Product Management define enabler features". */
function whoDoes(roles: RoleEntry[], action: ActionEntry, artifact: ArtifactEntry): string {
  const verb = roles.length === 1 && roles[0].collective ? action.verbs : action.verb;
  return `${joinWith(roles.map((role) => role.plural), 'or')} ${verb} ${artifact.plural}`;
}
