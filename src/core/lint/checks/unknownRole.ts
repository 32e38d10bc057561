import { joinWith } from '../../rules/messages';
import { closest } from '../../roles/suggest';
import type { RoleEntry } from '../../rules/types';
import type { RuleContext } from '../context';
import { roleFieldItems } from './roleFieldItems';
import { replacementFixes } from './wrongRole';

/**
 * `unknown-role`: a role field names a job title SAFe does not have, a near
 * miss of a role, or (with a roster) nobody the roster or the table knows.
 */
export function checkUnknownRole(context: RuleContext): void {
  const { artifact, resolver, reporter, table } = context;
  for (const { action, item } of roleFieldItems(context)) {
    const match = item.match;
    const allowed = (artifact.allowed[action.id] ?? [])
      .map((id) => resolver.roleById(id))
      .filter((role): role is RoleEntry => !!role);
    if (match.kind === 'non-safe') {
      const suggested = allowed.length ? allowed : match.title.suggest.map((id) => resolver.roleById(id)).filter((role): role is RoleEntry => !!role);
      const suggestion = suggested.length
        ? allowed.length
          ? `In SAFe, ${joinWith(suggested.map((role) => role.plural), 'or')} ${suggested.length === 1 && suggested[0].collective ? action.verbs : action.verb} ${artifact.plural}.`
          : `In SAFe this is usually ${joinWith(suggested.map((role) => role.name), 'or')}.`
        : '';
      reporter.report('unknown-role', 'nonSafe', { value: item.text, explanation: match.title.explanation, suggestion }, item.start, item.end,
        replacementFixes(item.text, item.start, item.end, false, suggested).map((fix) => ({ ...fix, preferred: false })));
    } else if (match.kind === 'near-miss') {
      reporter.report('unknown-role', 'nearMiss', { value: item.text, suggestion: match.suggestion }, item.start, item.end, [
        { title: `Replace "${item.text}" with "${match.suggestion}"`, edits: [{ start: item.start, end: item.end, newText: match.suggestion }], preferred: true },
      ]);
    } else if (match.kind === 'other' && resolver.hasRoster) {
      const candidates = [...context.config.people.map((person) => person.name), ...table.roles.map((role) => role.name)];
      const hint = closest(item.text, candidates);
      reporter.report('unknown-role', 'notInRoster', { value: item.text, suggestion: hint ? ` Did you mean ${hint}?` : '' }, item.start, item.end,
        hint ? [{ title: `Replace "${item.text}" with "${hint}"`, edits: [{ start: item.start, end: item.end, newText: hint }], preferred: true }] : []);
    }
  }
}
