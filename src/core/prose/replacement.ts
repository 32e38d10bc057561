import type { RoleEntry } from '../rules/types';
import type { RoleStatement } from './statements';

/** A replacement of a span of the text, in offsets. */
export interface ProseEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix for a role statement: a title and its edits, in text order. */
export interface ProseFix {
  title: string;
  edits: ProseEdit[];
}

/**
 * Gives a statement's action to `role`, in the writer's style: an
 * abbreviation for an abbreviation (`PO` → `PM`), a name for a name; the
 * article and the verb follow the new role where needed ("the Product Owner
 * accepts" → "Product Management accepts", "Product Owners accept" →
 * "Product Management accepts").
 */
export function replaceDoer(statement: RoleStatement, role: RoleEntry): ProseFix {
  const { doer, verb } = statement;
  const plural = doer.plural && !role.collective;
  const abbreviation = doer.abbreviated ? pickAbbreviation(role, plural) : undefined;
  const words = abbreviation ?? (plural ? role.plural : role.name);
  const edits: ProseEdit[] = [];
  let before = doer.text;
  let after = words;
  const article = doer.article;
  if (!abbreviation && article && article.text.toLowerCase() === 'the' && role.collective) {
    // "the Product Owner" → "Product Management": a function, not a person, takes no article.
    edits.push({ start: article.start, end: doer.start, newText: '' });
    before = `${article.text} ${doer.text}`;
  } else if (!abbreviation && !article && !role.collective && !plural && doer.role.collective) {
    // "Product Management accepts" → "the Product Owner accepts".
    const the = statement.opensClause ? 'The' : 'the';
    after = `${the} ${words}`;
  }
  edits.push({ start: doer.start, end: doer.end, newText: after });
  let title = `Replace "${before}" with "${after}"`;
  const agreed = agreeingVerb(statement, role.collective || !plural);
  if (agreed !== undefined) {
    edits.push({ start: verb.start, end: verb.end, newText: agreed });
    title += ` and "${verb.text}" with "${agreed}"`;
  }
  return { title, edits };
}

function pickAbbreviation(role: RoleEntry, plural: boolean): string | undefined {
  if (!role.abbreviations.length) return undefined;
  const pluralForm = role.abbreviations.find((abbreviation) => abbreviation.endsWith('s') && role.abbreviations.includes(abbreviation.slice(0, -1)));
  return plural && pluralForm ? pluralForm : role.abbreviations.find((abbreviation) => abbreviation !== pluralForm) ?? role.abbreviations[0];
}

/** The verb form for the new doer, when the present tense must change with it ("accept" → "accepts"). */
function agreeingVerb(statement: RoleStatement, singular: boolean): string | undefined {
  const { verb } = statement;
  if (!verb.pair || verb.afterModal || statement.coordinated || (verb.form === 'singular') === singular) return undefined;
  const form = verb.pair[singular ? 0 : 1];
  return verb.text[0] === verb.text[0].toUpperCase() ? form[0].toUpperCase() + form.slice(1) : form;
}
