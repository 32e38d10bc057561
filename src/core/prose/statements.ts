import type { ScannedLine } from '../document/scan';
import { phraseKey } from '../phrases';
import type { RoleResolver } from '../roles/resolve';
import type { ActionEntry, ArtifactEntry, RulesTable } from '../rules/types';
import { readableText, statementClauses } from './clauses';
import type { Clause } from './clauses';
import {
  ACTION_NOUN_TAILS,
  COMPOUND_TAILS,
  CONTRACTED_NEGATION,
  DETERMINERS,
  ITEM_PARTS,
  MODALS,
  PART_LINKS,
  PHRASE_BREAKS,
  PREPOSITIONS_BEFORE_DOER,
  UNDOING_WORDS,
  isGapWord,
} from './grammar';
import { roleMentions } from './mentions';
import type { RoleMention } from './mentions';
import { proseVocabulary } from './vocabulary';
import type { PhraseForm, ProseVocabulary } from './vocabulary';

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
}

/** At most this many words between a verb and the artifact it acts on ("accepts the saved cards feature"). */
const MAX_OBJECT_WORDS = 4;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Every role statement in the body lines: a role that is the doer of an
 * action phrase of the table on an artifact type the sentence names ("the
 * PO accepts this feature", "this story is estimated by the SM", "PO
 * sign-off closes this feature"). Negated, doubted, reported, quoted and
 * questioned statements, story voice and code are not statements.
 */
export function findRoleStatements(lines: readonly ScannedLine[], table: RulesTable, resolver: RoleResolver): RoleStatement[] {
  const vocabulary = proseVocabulary(table);
  const statements: RoleStatement[] = [];
  for (const scanned of lines) {
    if (scanned.inCode) continue;
    // Cheap tests first: most lines have no action phrase or name no artifact type, and most of the rest name no role.
    if (!mayHold(vocabulary.actions, scanned.visible) || !mayHold(vocabulary.artifacts, scanned.visible)) continue;
    const text = readableText(scanned.visible);
    if (text === undefined) continue;
    const mentions = roleMentions(text, table, resolver);
    if (!mentions.length) continue;
    for (const clause of statementClauses(text)) {
      for (const statement of clauseStatements(text, clause, mentions, vocabulary)) {
        statements.push(toDocument(statement, scanned));
      }
    }
  }
  return statements;
}

function mayHold(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function toDocument(statement: RoleStatement, scanned: ScannedLine): RoleStatement {
  const shift = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + scanned.start, end: span.end + scanned.start });
  const doer = shift(statement.doer);
  if (doer.article) doer.article = shift(doer.article);
  return { ...statement, line: scanned.line, doer, verb: shift(statement.verb) };
}

function clauseStatements(text: string, clause: Clause, allMentions: RoleMention[], vocabulary: ProseVocabulary): RoleStatement[] {
  const mentions = allMentions.filter((mention) => mention.start >= clause.start && mention.end <= clause.end);
  if (!mentions.length) return [];
  const statements: RoleStatement[] = [];
  const pattern = vocabulary.actions;
  pattern.lastIndex = clause.start;
  for (let found = pattern.exec(text); found && found.index < clause.end; found = pattern.exec(text)) {
    const phrase = vocabulary.actionByPhrase.get(phraseKey(found[0]));
    if (!phrase) continue;
    const verb = { start: found.index, end: found.index + found[0].length, text: found[0], form: phrase.form, pair: phrase.pair, afterModal: false };
    const reader = new ClauseReader(text, clause, mentions, vocabulary);
    const statement =
      phrase.form === 'passive' ? reader.passive(verb) : phrase.form === 'noun' ? reader.noun(verb) : reader.active(verb);
    if (statement) statements.push({ ...statement, action: phrase.action, line: 0 });
  }
  return statements;
}

type Verb = RoleStatement['verb'];
type Found = Omit<RoleStatement, 'action' | 'line'>;

/** Reads one clause around one action phrase. */
class ClauseReader {
  constructor(
    private readonly text: string,
    private readonly clause: Clause,
    private readonly mentions: RoleMention[],
    private readonly vocabulary: ProseVocabulary,
  ) {}

  /** "The PO (also, will, must) accepts|accept|accepted <the …> feature". */
  active(verb: Verb): Found | undefined {
    if (this.undone(this.clause.start, verb.start)) return undefined;
    const doer = this.mentionEndingBefore(verb.start);
    if (!doer || !this.isDoer(doer)) return undefined;
    const gapWords = doerGap(this.text.slice(doer.end, verb.start), this.inParentheses(doer));
    if (!gapWords) return undefined;
    const afterModal = gapWords.some((word) => MODALS.has(word) || word === 'to');
    const artifact = this.objectAfter(verb.end);
    if (!artifact) return undefined;
    return this.found(doer, { ...verb, afterModal }, artifact);
  }

  /** "<This> feature is accepted by <the> PO". */
  passive(verb: Verb): Found | undefined {
    const doer = this.mentionAt(this.skipSpaces(verb.end), true);
    if (!doer) return undefined;
    const lastComma = this.text.lastIndexOf(',', verb.start);
    const subjectFrom = Math.max(this.clause.start, lastComma + 1);
    if (this.undone(subjectFrom, verb.start)) return undefined;
    const artifact = this.firstArtifact(subjectFrom, verb.start);
    return artifact ? this.found(doer, verb, artifact) : undefined;
  }

  private skipSpaces(offset: number): number {
    while (offset < this.clause.end && /\s/u.test(this.text[offset])) offset++;
    return offset;
  }

  /** The mention starting at `offset`, or after one determiner there when `afterDeterminer`. */
  private mentionAt(offset: number, afterDeterminer: boolean): RoleMention | undefined {
    const direct = this.mentions.find((mention) => mention.start === offset);
    if (direct || !afterDeterminer) return direct;
    const word = /^\p{L}+/u.exec(this.text.slice(offset, offset + 12));
    return word && DETERMINERS.has(word[0].toLowerCase()) ? this.mentionAt(this.skipSpaces(offset + word[0].length), false) : undefined;
  }

  /** "PO sign-off closes this feature", "the RTE's approval of the epic". */
  noun(verb: Verb): Found | undefined {
    const doer = this.mentionEndingBefore(verb.start);
    if (!doer || !this.isDoer(doer) || !/^(?:['’]s)?\s+$/u.test(this.text.slice(doer.end, verb.start))) return undefined;
    const next = /^\s*(\p{L}+)/u.exec(this.text.slice(verb.end, verb.end + 30));
    if (next && ACTION_NOUN_TAILS.has(next[1].toLowerCase())) return undefined;
    if (this.undone(this.clause.start, this.clause.end)) return undefined;
    const artifact = this.firstArtifact(this.clause.start, this.clause.end);
    return artifact ? this.found(doer, verb, artifact) : undefined;
  }

  private found(doer: RoleMention, verb: Verb, artifact: ArtifactEntry): Found {
    const first = doer.article?.start ?? doer.start;
    const before = this.text.slice(this.clause.start, first);
    const opensClause = /^[\s(]*$/u.test(before);
    const coordinated = /(?:(?<![\p{L}])(?:and|or|nor)|[,&+/])\s*$/iu.test(before);
    return { doer, verb, artifact, opensClause, coordinated };
  }

  /** Whether a negation, condition or reported claim comes before the verb ("does not accept", "one article says"). */
  private undone(from: number, to: number): boolean {
    const span = this.text.slice(from, to);
    if (CONTRACTED_NEGATION.test(span)) return true;
    // String#match with a global pattern starts at 0, whatever WORD's lastIndex is.
    return (span.toLowerCase().match(WORD) ?? []).some((word) => UNDOING_WORDS.has(word));
  }

  private mentionEndingBefore(offset: number): RoleMention | undefined {
    let best: RoleMention | undefined;
    for (const mention of this.mentions) if (mention.end <= offset) best = mention;
    return best;
  }

  /**
   * Whether a role mention can be a doer: not the object of a preposition
   * ("by the PO", "than the RTE"), not a time ("5 PM"), not a remark in
   * parentheses ("purchase order (PO)") or half of a pair ("PO/PM").
   */
  private isDoer(mention: RoleMention): boolean {
    const first = mention.article?.start ?? mention.start;
    const before = this.text.slice(Math.max(this.clause.start, first - 30), first);
    if (this.inParentheses(mention)) return true;
    if (/[(/\\-]$/u.test(before) || /\d[\d:.]*\s*$/u.test(before)) return false;
    const previous = /(\p{L}+)\s*$/u.exec(before);
    return !(previous && PREPOSITIONS_BEFORE_DOER.has(previous[1].toLowerCase()));
  }

  /** "Anna (PO)": a role in parentheses after a name says who the named person is; "purchase order (PO)" does not. */
  private inParentheses(mention: RoleMention): boolean {
    if (mention.article || this.text[mention.start - 1] !== '(' || this.text[mention.end] !== ')') return false;
    const name = /(\p{L}+)\s*\($/u.exec(this.text.slice(Math.max(this.clause.start, mention.start - 30), mention.start));
    return !!name && /^\p{Lu}/u.test(name[1]) && name[1].toLowerCase() !== 'order';
  }

  /**
   * The artifact a verb acts on: its object, a few words at most, before any
   * preposition or clause break; or the item a part of it belongs to ("the
   * acceptance criteria of this feature", "this feature's description").
   */
  private objectAfter(from: number): ArtifactEntry | undefined {
    let words = 0;
    let wordsFrom = from;
    WORD.lastIndex = from;
    for (let word = WORD.exec(this.text); word && word.index < this.clause.end; word = WORD.exec(this.text)) {
      if (/[^\s]/u.test(this.text.slice(from, word.index))) return undefined;
      if (this.insideMention(word.index)) return undefined;
      const artifact = this.artifactAt(word.index);
      if (artifact) {
        if (artifact.possessive) return this.partAt(artifact.end) !== undefined ? artifact.entry : undefined;
        return artifact.compound ? undefined : artifact.entry;
      }
      const lower = word[0].toLowerCase();
      if (PART_LINKS.has(lower) && endsWithPart(this.text.slice(wordsFrom, word.index))) {
        // "the acceptance criteria of": the words so far name a part; its item comes next.
        words = 0;
        wordsFrom = word.index + word[0].length;
      } else if (PHRASE_BREAKS.has(lower) || ++words > MAX_OBJECT_WORDS) return undefined;
      from = word.index + word[0].length;
    }
    return undefined;
  }

  /** The end of an item part named at `offset` ("acceptance criteria"), if one is. */
  private partAt(offset: number): number | undefined {
    const rest = this.text.slice(offset, offset + 40).toLowerCase();
    const lead = rest.length - rest.trimStart().length;
    const part = ITEM_PARTS.find((name) => rest.startsWith(name, lead) && !/\p{L}/u.test(rest[lead + name.length] ?? ''));
    return part === undefined ? undefined : offset + lead + part.length;
  }

  /** The first artifact named between two offsets that is not a modifier ("story points") or a possessive. */
  private firstArtifact(from: number, to: number): ArtifactEntry | undefined {
    const pattern = this.vocabulary.artifacts;
    pattern.lastIndex = from;
    for (let found = pattern.exec(this.text); found && found.index < to; found = pattern.exec(this.text)) {
      if (this.insideMention(found.index)) continue;
      const artifact = this.artifactAt(found.index);
      if (artifact && !artifact.possessive && !artifact.compound) return artifact.entry;
    }
    return undefined;
  }

  /** The artifact word starting at `offset`, if one does, and what follows it. */
  private artifactAt(offset: number): { entry: ArtifactEntry; end: number; possessive: boolean; compound: boolean } | undefined {
    const pattern = this.vocabulary.artifacts;
    const saved = pattern.lastIndex;
    pattern.lastIndex = offset;
    const found = pattern.exec(this.text);
    pattern.lastIndex = saved;
    if (!found || found.index !== offset) return undefined;
    const entry = this.vocabulary.artifactByWord.get(phraseKey(found[0]));
    if (!entry) return undefined;
    const end = offset + found[0].length;
    const rest = this.text.slice(end, end + 30);
    const possessive = /^['’]s?(?![\p{L}])/u.test(rest);
    const next = /^(-?)\s*(\p{L}+)/u.exec(rest);
    const compound = !possessive && !!next && (next[1] === '-' || COMPOUND_TAILS.has(next[2].toLowerCase()));
    return { entry, end: possessive ? end + (rest[1] === 's' ? 2 : 1) : end, possessive, compound };
  }

  private insideMention(offset: number): boolean {
    return this.mentions.some((mention) => offset >= mention.start && offset < mention.end);
  }
}

/**
 * The words between a doer and its verb when they keep it the doer ("also",
 * "will", "has to", "reviews and"), lower-cased; undefined when they do not.
 */
function doerGap(gap: string, afterParenthesis: boolean): string[] | undefined {
  // "Anna (PO) accepts", "the Product Owner (Anna) accepts": the remark in parentheses is skipped.
  let words = afterParenthesis ? gap.replace(/^\)/, '') : gap.replace(/^\s*\([^()]{1,40}\)/u, ' ');
  // One verb before the action, joined by "and": "the PO reviews and accepts".
  words = words.replace(/^\s*\p{L}+(?:s|ed)\s+and\s+$/u, ' ');
  if (/[^\p{L}\s]/u.test(words)) return undefined;
  const list = words.trim() ? words.trim().toLowerCase().split(/\s+/) : [];
  return list.every(isGapWord) ? list : undefined;
}

/** Whether a run of words ends with the name of an item part ("the acceptance criteria"). */
function endsWithPart(words: string): boolean {
  const text = words.trim().toLowerCase();
  return ITEM_PARTS.some((part) => text === part || text.endsWith(` ${part}`));
}
