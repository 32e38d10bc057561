import type { ScannedLine } from '../document/scan';
import type { RoleResolver } from '../roles/resolve';
import type { ActionEntry, ArtifactEntry, RoleEntry, RulesTable } from '../rules/types';
import { readableText, statementClauses } from './clauses';
import { roleMentions } from './mentions';
import type { RoleMention } from './mentions';
import { LineReading } from './reading';
import { proseVocabulary } from './vocabulary';
import type { PhraseForm, ProseVocabulary } from './vocabulary';
import { wordsOf } from './words';
import { detached, factSlot, knownLineFactFor, lineFactFor } from '../memo';
import type { LineFacts } from '../memo';
import { codeAt } from '../text';

/** A sentence that gives an action on an artifact type to a role, in offsets of the whole text. */
export interface RoleStatement {
  /** Zero-based line of the text. */
  line: number;
  /** The role words (and their article), the doer of the action. */
  doer: RoleMention;
  action: ActionEntry;
  /** The artifact type the sentence names as the action's object. */
  artifact: ArtifactEntry;
  /** The action phrase as written, and how it relates to the doer. */
  verb: { start: number; end: number; text: string; form: PhraseForm; pair?: [string, string]; afterModal: boolean };
  /** True when the doer (with its article) opens its clause, so a replacement starts with a capital. */
  opensClause: boolean;
  /** True when the doer is one of several ("the PO and the RTE accept"), so the verb's number is theirs, not its own. */
  coordinated: boolean;
  /** Roles the sentence says the doer works with ("estimates this story with the team"). */
  partners: RoleEntry[];
}

/**
 * Every role statement in the body lines: a role that is the doer of an
 * action phrase of the table on an artifact type the sentence names ("the
 * PO accepts this feature", "this story is estimated by the SM", "PO
 * sign-off closes this feature"). Negated, doubted, reported, quoted and
 * questioned statements, story voice and code are not statements. `keep`
 * picks the statements wanted (it sees them in offsets of their line).
 */
export function findRoleStatements(
  lines: readonly ScannedLine[],
  table: RulesTable,
  resolver: RoleResolver,
  keep: (statement: RoleStatement) => boolean = () => true,
): RoleStatement[] {
  const vocabulary = proseVocabulary(table);
  const owner = readingOwner(table, resolver);
  const statements: RoleStatement[] = [];
  let previousBlank = true;
  let inIndentedCode = false;
  // Indexed loops, and a closure only when a line is read: this runs once per item (a backlog table: per row).
  for (let i = 0; i < lines.length; i++) {
    const scanned = lines[i];
    // An indented code block (four spaces after a blank line) is code, like a fenced one.
    const visible = scanned.visible;
    const indented = codeAt(visible, 0) === 32 || codeAt(visible, 0) === 9;
    inIndentedCode = indented && (previousBlank || inIndentedCode) && INDENTED_CODE.test(visible);
    previousBlank = visible.length === 0 || (indented && !NON_BLANK.test(visible));
    if (scanned.inCode || inIndentedCode) continue;
    // With memos off (no facts) the line is read in place, without a copy.
    const found = scanned.facts
      ? (knownLineFactFor(scanned.facts, STATEMENTS, owner) ?? rememberLine(scanned.facts, owner, visible, table, resolver, vocabulary))
      : readLine(visible, table, resolver, vocabulary);
    for (let j = 0; j < found.length; j++) if (keep(found[j])) statements.push(toDocument(found[j], scanned));
  }
  return statements;
}

/** Reads a line and keeps its statements in its facts; apart, so that no variable of findRoleStatements is captured (V8 would make a context per call). */
function rememberLine(facts: LineFacts, owner: object, visible: string, table: RulesTable, resolver: RoleResolver, vocabulary: ProseVocabulary): RoleStatement[] {
  // Read from a copy: the statements keep pieces of the line, and the memo keeps the statements.
  return lineFactFor(facts, STATEMENTS, owner, () => readLine(detached(visible), table, resolver, vocabulary));
}

/** The statements of a line, in offsets of the line. */
function readLine(visible: string, table: RulesTable, resolver: RoleResolver, vocabulary: ProseVocabulary): RoleStatement[] {
  // Cheap tests first: most lines name no artifact type, and most of the rest have no action word.
  return vocabulary.artifactSieve.test(visible) && vocabulary.actionSieve.test(visible) ? lineStatements(visible, table, resolver, vocabulary) : NONE;
}

/** The statements of one line, in offsets of the line. */
function lineStatements(visible: string, table: RulesTable, resolver: RoleResolver, vocabulary: ProseVocabulary): RoleStatement[] {
  const text = readableText(visible);
  const words = text === undefined ? undefined : wordsOf(text);
  if (!words || !vocabulary.actions.mayMatch(words)) return [];
  const mentions = roleMentions(words, table, resolver);
  if (!mentions.length) return [];
  const line = new LineReading(words, mentions, vocabulary);
  return statementClauses(words).flatMap((clause) => line.statements(clause));
}

/**
 * Lines already read, per table and resolver, with or without statements: on
 * a keystroke all lines but one are as they were, and looking a line up costs
 * less than even the sieve.
 */
const STATEMENTS = factSlot<{ owner: object; value: RoleStatement[] }>();
const NON_BLANK = /\S/;
/** Four spaces or a tab, then text that is no list item. */
const INDENTED_CODE = /^(?: {4}|\t)\s*(?![-*+]\s|\d+[.)]\s)\S/;
const NONE: RoleStatement[] = [];
const owners = new WeakMap<RoleResolver, { table: RulesTable }>();

/** One object per resolver and table: what a line's statements were read with. */
function readingOwner(table: RulesTable, resolver: RoleResolver): object {
  let owner = owners.get(resolver);
  if (!owner || owner.table !== table) owners.set(resolver, (owner = { table }));
  return owner;
}

function toDocument(statement: RoleStatement, scanned: ScannedLine): RoleStatement {
  const by = scanned.start;
  const { doer, verb } = statement;
  const article = doer.article && { start: doer.article.start + by, end: doer.article.end + by, text: doer.article.text };
  return {
    ...statement,
    line: scanned.line,
    doer: { ...doer, start: doer.start + by, end: doer.end + by, article },
    verb: { ...verb, start: verb.start + by, end: verb.end + by },
  };
}

