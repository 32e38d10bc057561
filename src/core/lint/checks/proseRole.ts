import { findRoleStatements } from '../../prose/statements';
import type { RoleStatement } from '../../prose/statements';
import { replaceDoer } from '../../prose/replacement';
import { roleById } from '../../rules/lookup';
import type { RoleEntry } from '../../rules/types';
import type { RuleContext } from '../context';
import { wrongRoleValues } from './wrongRole';

/** "The PO estimates this story with the team": the job is shared with a role that may do it. One function, not one per item. */
function disallowed({ action, artifact, doer, partners }: RoleStatement): boolean {
  const allowed = artifact.allowed[action.id];
  return !!allowed && ![doer.role, ...partners].some((role) => allowed.includes(role.id));
}

/**
 * `prose-role`: a sentence gives an action to a role that the table does
 * not allow on the artifact type the sentence names ("the PO accepts this
 * feature"). The type in the sentence decides, not the file's type.
 */
export function checkProseRole(context: RuleContext): void {
  const { table, resolver, reporter } = context;
  // The item's own lines: a sentence in a story section is read once, in that story.
  const lines = context.item.lines;
  for (const statement of findRoleStatements(lines, table, resolver, disallowed)) {
    const { action, artifact, doer } = statement;
    const allowedIds = artifact.allowed[action.id];
    const allowed = allowedIds.map((id) => roleById(table, id)).filter((role): role is RoleEntry => !!role);
    const values = wrongRoleValues(table, artifact, action, doer.role, allowed);
    const fixes = allowed.map((role, position) => ({ ...replaceDoer(statement, role), preferred: position === 0 }));
    reporter.report('prose-role', values.actorArtifacts ? 'some' : 'none', values, doer.start, doer.end, fixes);
  }
}
