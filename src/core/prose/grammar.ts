/**
 * English function words the sentence reader leans on. They are grammar, not
 * SAFe: the table holds the roles, the action phrases and the artifact types;
 * these sets only tell how the words around them are joined.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Words before a noun that leave it the head of its phrase ("the", "each", "this"). */
export const DETERMINERS = words('the a an this that these those each every all any our your their its his her both either which whose');

/**
 * Words that may stand between a doer and its verb and keep it the doer
 * ("the PO also accepts", "the RTE must sign off"). Modals are among them;
 * a verb after a modal is in its plural (base) form.
 */
export const MODALS = words('will shall must can should may');
const ADVERBS = words(
  'also always then only usually normally typically generally formally finally now still first later officially personally just already eventually directly explicitly ultimately alone together jointly today tomorrow each',
);
/** "has to accept", "is going to accept": modal-like phrases, written as their words. */
const MODAL_PHRASES = words('has have needs need is are going gets get to');
/** "It is the PO who accepts…": the doer stays the doer across a relative pronoun. */
const RELATIVES = words('who that');

/** Whether a word may stand between a doer and its verb. */
export function isGapWord(word: string): boolean {
  return MODALS.has(word) || ADVERBS.has(word) || MODAL_PHRASES.has(word) || RELATIVES.has(word);
}

/**
 * Words that undo or doubt a statement when they come before its verb: a
 * negation ("does not accept"), a contrast ("not the SM but…"), a condition
 * ("if the PO accepts…", "the PO would accept"), a practice of the past ("in the old process", "used
 * to"), or a claim reported rather than made ("one article says the PO owns epics").
 */
export const UNDOING_WORDS = words(
  'not no never nor neither cannot without unless if whether instead rather would could might old previously formerly used past says say said claims claim claimed thinks think thought believes believe believed suggests suggest suggested argues argue argued states stated insists insisted assumes assume assumed according myth misconception mistake mistakenly wrongly incorrectly supposedly allegedly',
);
/** A contracted negation: "doesn't", "won't", "isn’t". */
export const CONTRACTED_NEGATION = /n['’]t\b/i;

/**
 * Words that end the phrase after a verb before any artifact noun is met
 * ("accepts the work of this feature" names no feature as its object).
 */
export const PHRASE_BREAKS = words(
  'of for in on at with from to by into onto about after before once when whenever if and or but as that which who whom because while until unless during than per across within without under over between against like via through toward towards among around beyond since despite so then not',
);

/** Words before a role that make it the object of a preposition, not a doer ("by the PO", "than the RTE"). */
export const PREPOSITIONS_BEFORE_DOER = words('by with to for from of than like as about at not');

/**
 * Nouns that, right after an artifact word, make it a modifier instead of
 * the artifact itself: "story points", "feature toggle", "epic hypothesis".
 */
export const COMPOUND_TAILS = words(
  'point points map maps mapping board boards column columns flag flags toggle toggles team teams owner owners hypothesis statement statements branch branches template templates file files id ids title titles format kanban backlog backlogs level levels description descriptions list lists size sizes estimate estimates acceptance criteria value values funnel writing splitting slicing workshop workshops freeze request requests area areas spec specs ticket tickets name names number numbers status page pages link links tree type types work demo demos review reviews refinement planning lead leads set sets count counts progress scope content details detail label labels tag tags field fields section sections text summary',
);

/** Nouns after an action noun that make a compound of it: "acceptance criteria", "approval workflow". */
export const ACTION_NOUN_TAILS = words('criteria criterion test tests testing workflow process flow gate gates step steps column columns board meeting meetings checklist');

/**
 * Parts of an item that stand for the item when an action names them:
 * "writes the acceptance criteria of this feature" defines the feature.
 */
export const ITEM_PARTS: readonly string[] = ['acceptance criteria', 'benefit hypothesis', 'hypothesis statement', 'description', 'content'];

/** The words after which a part of an item is followed by the item: "the acceptance criteria of this feature". */
export const PART_LINKS = words('of for');

/**
 * Words that call a statement a mistake wherever they stand in it: "the PO
 * accepted this feature by mistake" admits what the finding would say.
 */
export const DISTANCING_WORDS = words('mistake mistakes mistakenly wrongly incorrectly wrong myth misconception error');

/** Words after the object that bring in a partner: "estimates this story with the team", "together with Product Management". */
export const PARTNER_LINKS = words('with alongside');
