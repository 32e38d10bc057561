import type { ArtifactEntry, RoleEntry } from '../rules/types';
import type { Clause } from './clauses';
import {
  ACTION_NOUN_TAILS,
  COMPOUND_TAILS,
  CONTRACTED_NEGATION,
  DETERMINERS,
  DISTANCING_WORDS,
  ITEM_PARTS,
  MODALS,
  PARTNER_LINKS,
  PART_LINKS,
  PHRASE_BREAKS,
  PREPOSITIONS_BEFORE_DOER,
  UNDOING_WORDS,
  isGapWord,
} from './grammar';
import type { RoleMention } from './mentions';
import type { RoleStatement } from './statements';
import type { ActionPhrase, ProseVocabulary } from './vocabulary';
import type { Words } from './words';

/** At most this many words between a verb and the artifact it acts on ("accepts the saved cards feature"). */
const MAX_OBJECT_WORDS = 4;

type Verb = RoleStatement['verb'];
type Found = Omit<RoleStatement, 'action' | 'line'>;
interface ArtifactWord {
  start: number;
  end: number;
  entry: ArtifactEntry;
  /** "this feature's stories": the word names whose the next thing is. */
  possessive: boolean;
  /** "story points", "feature-flag": the word only qualifies the next one. */
  compound: boolean;
}

/**
 * One readable line: its words, the roles, action phrases and artifact words
 * in it, and the grammar that finds who does what to which artifact.
 */
export class LineReading {
  private readonly text: string;
  private readonly actions: { start: number; end: number; value: ActionPhrase }[];
  private readonly artifacts: ArtifactWord[];

  constructor(
    private readonly words: Words,
    private readonly mentions: RoleMention[],
    vocabulary: ProseVocabulary,
  ) {
    this.text = words.text;
    this.actions = vocabulary.actions.matches(words);
    this.artifacts = vocabulary.artifacts
      .matches(words)
      .filter((found) => !this.insideMention(found.start))
      .map((found) => this.artifactWord(found.start, found.end, found.value));
  }

  statements(clause: Clause): RoleStatement[] {
    const statements: RoleStatement[] = [];
    if (!this.mentions.some((mention) => mention.start >= clause.start && mention.end <= clause.end)) return statements;
    if (this.hasWord(clause.start, clause.end, DISTANCING_WORDS)) return statements;
    for (const { start, end, value } of this.actions) {
      if (start < clause.start || end > clause.end) continue;
      const verb: Verb = { start, end, text: this.text.slice(start, end), form: value.form, pair: value.pair, afterModal: false };
      const found = value.form === 'passive' ? this.passive(clause, verb) : value.form === 'noun' ? this.noun(clause, verb) : this.active(clause, verb);
      if (found) statements.push({ ...found, action: value.action, line: 0 });
    }
    return statements;
  }

  /** "The PO (also, will, must) accepts|accept|accepted <the …> feature". */
  private active(clause: Clause, verb: Verb): Found | undefined {
    if (this.undone(clause.start, verb.start)) return undefined;
    const doer = this.mentionEndingBefore(clause, verb.start);
    if (!doer || !this.isDoer(clause, doer)) return undefined;
    const gapWords = doerGap(this.text.slice(doer.end, verb.start), this.inParentheses(clause, doer));
    if (!gapWords) return undefined;
    const afterModal = gapWords.some((word) => MODALS.has(word) || word === 'to');
    const artifact = this.objectAfter(clause, verb.end);
    if (!artifact) return undefined;
    const found = this.found(clause, doer, { ...verb, afterModal }, artifact);
    // "The POs review and accept": a fix that changed "accept" alone would leave "review" behind.
    return /\band\s+$/u.test(this.text.slice(doer.end, verb.start)) ? { ...found, coordinated: true } : found;
  }

  /** "<This> feature is accepted by <the> PO". */
  private passive(clause: Clause, verb: Verb): Found | undefined {
    const doer = this.mentionAfter(clause, verb.end);
    if (!doer) return undefined;
    const subjectFrom = Math.max(clause.start, this.text.lastIndexOf(',', verb.start) + 1);
    if (this.undone(subjectFrom, verb.start)) return undefined;
    const artifact = this.firstArtifact(subjectFrom, verb.start);
    return artifact ? this.found(clause, doer, verb, artifact) : undefined;
  }

  /** "PO sign-off closes this feature", "the RTE's approval of the epic". */
  private noun(clause: Clause, verb: Verb): Found | undefined {
    const doer = this.mentionEndingBefore(clause, verb.start);
    if (!doer || !this.isDoer(clause, doer) || !/^(?:['’]s)?\s+$/u.test(this.text.slice(doer.end, verb.start))) return undefined;
    const next = /^\s*(\p{L}+)/u.exec(this.text.slice(verb.end, verb.end + 30));
    if (next && ACTION_NOUN_TAILS.has(next[1].toLowerCase())) return undefined;
    if (this.undone(clause.start, clause.end)) return undefined;
    const artifact = this.firstArtifact(clause.start, clause.end);
    return artifact ? this.found(clause, doer, verb, artifact) : undefined;
  }

  private found(clause: Clause, doer: RoleMention, verb: Verb, artifact: ArtifactEntry): Found {
    const before = this.text.slice(clause.start, doer.article?.start ?? doer.start);
    const opensClause = /^[\s(]*$/u.test(before);
    const coordinated = /(?:(?<![\p{L}])(?:and|or|nor)|[,&+/])\s*$/iu.test(before);
    return { doer, verb, artifact, opensClause, coordinated, partners: this.partnersAfter(clause, verb.end) };
  }

  /** Roles brought in after the verb by "with" or "alongside" ("with the team", "together with Product Management"). */
  private partnersAfter(clause: Clause, from: number): RoleEntry[] {
    return this.mentions
      .filter((mention) => mention.start >= from && mention.end <= clause.end)
      .filter((mention) => {
        const link = /(\p{L}+)\s+(?:(?:the|our|its|their)\s+)?$/u.exec(this.text.slice(Math.max(from, mention.start - 20), mention.article?.start ?? mention.start));
        return !!link && PARTNER_LINKS.has(link[1].toLowerCase());
      })
      .map((mention) => mention.role);
  }

  /** Whether a negation, condition or reported claim comes before the verb ("does not accept", "one article says"). */
  private undone(from: number, to: number): boolean {
    return CONTRACTED_NEGATION.test(this.text.slice(from, to)) || this.hasWord(from, to, UNDOING_WORDS);
  }

  private hasWord(from: number, to: number, set: ReadonlySet<string>): boolean {
    const { lower, tokens } = this.words;
    return tokens.some((token) => token.start >= from && token.end <= to && set.has(lower.slice(token.start, token.end)));
  }

  private mentionEndingBefore(clause: Clause, offset: number): RoleMention | undefined {
    let best: RoleMention | undefined;
    for (const mention of this.mentions) if (mention.start >= clause.start && mention.end <= offset) best = mention;
    return best;
  }

  /** The role right after `offset`, or after one determiner there ("by the PO"). */
  private mentionAfter(clause: Clause, offset: number): RoleMention | undefined {
    const i = this.tokenAt(offset);
    if (i === undefined) return undefined;
    const { lower, tokens } = this.words;
    const mentionAt = (index: number) => this.mentions.find((mention) => mention.start === tokens[index]?.start && mention.end <= clause.end);
    const spacedFrom = (index: number, from: number) => index < tokens.length && /^\s+$/u.test(this.text.slice(from, tokens[index].start));
    if (!spacedFrom(i, offset)) return undefined;
    const direct = mentionAt(i);
    if (direct) return direct;
    const determiner = DETERMINERS.has(lower.slice(tokens[i].start, tokens[i].end));
    return determiner && spacedFrom(i + 1, tokens[i].end) ? mentionAt(i + 1) : undefined;
  }

  /** The index of the first word at or after `offset`. */
  private tokenAt(offset: number): number | undefined {
    const index = this.words.tokens.findIndex((token) => token.start >= offset);
    return index === -1 ? undefined : index;
  }

  /**
   * Whether a role mention can be a doer: not the object of a preposition
   * ("by the PO", "than the RTE"), not a time ("5 PM"), not a remark in
   * parentheses ("purchase order (PO)") or half of a pair ("PO/PM").
   */
  private isDoer(clause: Clause, mention: RoleMention): boolean {
    const first = mention.article?.start ?? mention.start;
    const before = this.text.slice(Math.max(clause.start, first - 30), first);
    if (this.inParentheses(clause, mention)) return true;
    if (/[(/\\-]$/u.test(before) || /\d[\d:.]*\s*$/u.test(before)) return false;
    const previous = /(\p{L}+)\s*$/u.exec(before);
    return !(previous && PREPOSITIONS_BEFORE_DOER.has(previous[1].toLowerCase()));
  }

  /** "Anna (PO)": a role in parentheses after a name says who the named person is; "purchase order (PO)" does not. */
  private inParentheses(clause: Clause, mention: RoleMention): boolean {
    if (mention.article || this.text[mention.start - 1] !== '(' || this.text[mention.end] !== ')') return false;
    const name = /(\p{L}+)\s*\($/u.exec(this.text.slice(Math.max(clause.start, mention.start - 30), mention.start));
    return !!name && /^\p{Lu}/u.test(name[1]) && name[1].toLowerCase() !== 'order';
  }

  /**
   * The artifact a verb acts on: its object, a few words at most, before any
   * preposition or clause break; or the item a part of it belongs to ("the
   * acceptance criteria of this feature", "this feature's description").
   */
  private objectAfter(clause: Clause, from: number): ArtifactEntry | undefined {
    const { lower, tokens } = this.words;
    let words = 0;
    let wordsFrom = from;
    let previousEnd = from;
    for (let i = this.tokenAt(from) ?? tokens.length; i < tokens.length && tokens[i].end <= clause.end; i++) {
      const token = tokens[i];
      // Words joined by an apostrophe or a hyphen ("ART's", "end-to-end") are one word.
      if (/[^\s'’-]/u.test(this.text.slice(previousEnd, token.start))) return undefined;
      if (this.insideMention(token.start)) return undefined;
      const artifact = this.artifacts.find((candidate) => candidate.start === token.start);
      if (artifact) {
        if (artifact.possessive) return this.partAt(artifact.end) !== undefined ? artifact.entry : undefined;
        return artifact.compound ? undefined : artifact.entry;
      }
      const word = lower.slice(token.start, token.end);
      if (PART_LINKS.has(word) && endsWithPart(lower.slice(wordsFrom, token.start))) {
        // "the acceptance criteria of": the words so far name a part; its item comes next.
        words = 0;
        wordsFrom = token.end;
      } else {
        if (!/^['’-]$/u.test(this.text.slice(previousEnd, token.start))) words++;
        if (PHRASE_BREAKS.has(word) || words > MAX_OBJECT_WORDS) return undefined;
      }
      previousEnd = token.end;
    }
    return undefined;
  }

  /** The end of an item part named at `offset` ("acceptance criteria"), if one is. */
  private partAt(offset: number): number | undefined {
    const rest = this.words.lower.slice(offset, offset + 40);
    const lead = rest.length - rest.trimStart().length;
    const part = ITEM_PARTS.find((name) => rest.startsWith(name, lead) && !/\p{L}/u.test(rest[lead + name.length] ?? ''));
    return part === undefined ? undefined : offset + lead + part.length;
  }

  /** The first artifact named between two offsets that is not a modifier ("story points") or a possessive. */
  private firstArtifact(from: number, to: number): ArtifactEntry | undefined {
    return this.artifacts.find((artifact) => artifact.start >= from && artifact.end <= to && !artifact.possessive && !artifact.compound)?.entry;
  }

  private artifactWord(start: number, end: number, entry: ArtifactEntry): ArtifactWord {
    const rest = this.text.slice(end, end + 30);
    const possessive = /^['’]s?(?![\p{L}])/u.test(rest);
    const next = /^(-?)\s*(\p{L}+)/u.exec(rest);
    const compound = !possessive && !!next && (next[1] === '-' || COMPOUND_TAILS.has(next[2].toLowerCase()));
    return { start, end: possessive ? end + (rest[1] === 's' ? 2 : 1) : end, entry, possessive, compound };
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
  words = words.replace(/^\s*\p{L}+\s+and\s+$/u, ' ');
  if (/[^\p{L}\s]/u.test(words)) return undefined;
  const list = words.trim() ? words.trim().toLowerCase().split(/\s+/) : [];
  return list.every(isGapWord) ? list : undefined;
}

/** Whether a run of words ends with the name of an item part ("the acceptance criteria"). */
function endsWithPart(words: string): boolean {
  const text = words.trim();
  return ITEM_PARTS.some((part) => text === part || text.endsWith(` ${part}`));
}
