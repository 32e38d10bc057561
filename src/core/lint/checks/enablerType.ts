import { closest } from '../../roles/suggest';
import { joinWith } from '../../rules/messages';
import { isPlaceholder } from '../../roles/placeholders';
import type { RuleContext } from '../context';

/** Yes or no says whether it is an enabler, not which kind. */
const NOT_A_KIND = /^(?:yes|no|true|false)$/i;

/** `enabler-type`: an enabler kind other than the four SAFe names. */
export function checkEnablerType(context: RuleContext): void {
  const { enablerKinds: kinds, enablerKindFields } = context.table;
  for (const field of context.item.fields) {
    if (!enablerKindFields.includes(field.normalizedKey)) continue;
    for (const value of field.values) {
      const written = value.text.trim();
      const kind = written.toLowerCase().replace(/\s+enabler$/, '');
      if (NOT_A_KIND.test(kind) || isPlaceholder(kind, context.table) || kinds.includes(kind)) continue;
      const hint = closest(kind, kinds) ?? kinds.find((candidate) => candidate.startsWith(kind.slice(0, 5)));
      context.reporter.report('enabler-type', 'unknown', { value: written, kinds: joinWith(kinds, 'or') }, value.start, value.end,
        hint ? [{ title: `Replace "${written}" with "${hint}"`, edits: [{ start: value.start, end: value.end, newText: hint }], preferred: true }] : []);
    }
  }
}
