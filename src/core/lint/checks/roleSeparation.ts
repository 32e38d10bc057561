import { normalizeName } from '../../roles/normalize';
import type { RuleContext } from '../context';

/**
 * `role-separation` inside one artifact: fields named after the two separated roles
 * (`Product Manager: Alice`, `PO: Alice`) name the same person.
 */
export function checkRoleSeparationInArtifact(context: RuleContext): void {
  const { item, resolver, reporter, table } = context;
  // Made on the first field named after a separated role: most items (every row of a backlog table) have none.
  let holders: Map<string, { role: string; person: string; start: number; end: number }> | undefined;
  for (const field of item.fields) {
    const role = resolver.exactRole(field.key);
    if (!role || !table.separatedRoles.includes(role.id)) continue;
    holders ??= new Map();
    for (const value of field.values) {
      for (const item of resolver.resolveValue(value.text, value.start)) {
        if (item.match.kind !== 'other' && item.match.kind !== 'person') continue;
        const person = normalizeName(item.text);
        const earlier = holders.get(person);
        if (earlier && earlier.role !== role.id) {
          reporter.report('role-separation', 'artifact', { person: item.text }, item.start, item.end, [], [
            { message: `${earlier.person} named for the other role here`, start: earlier.start, end: earlier.end },
          ]);
        } else if (!earlier) {
          holders.set(person, { role: role.id, person: item.text, start: item.start, end: item.end });
        }
      }
    }
  }
}
