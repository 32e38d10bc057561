import type { ScannedLine } from './scan';
import { phraseSource, phrasesPattern, wholePhrasesSource } from '../phrases';
import type { RulesTable, StoryVoiceEntry } from '../rules/types';
import { memoPerOwner } from '../memo';
import { LinesMemo } from './linesMemo';

/** How far apart the parts of one statement may be, in characters of flattened text. */
const MAX_PART = 400;
/** Only the start of a story is searched: the statement is its opening, not its appendix. */
const MAX_SEARCH_CHARS = 30_000;

interface VoicePattern {
  /** The "I want" part; found first because it is rare, which keeps the search linear. */
  want: RegExp;
  /** The role opener ("As a"), which must come within MAX_PART characters before the want. */
  role: RegExp;
  /** The same opener at the very start of a text: a statement that starts a paragraph. */
  leadingRole: RegExp;
  /** The benefit ("so that"), within MAX_PART characters after the want. */
  benefit: RegExp;
  /** "In order to …" before the role: then no benefit is needed after the want. */
  benefitFirst?: RegExp;
}

const patternsByTable = new WeakMap<RulesTable, VoicePattern[]>();

/** One pattern per language of the table's `storyVoice`. */
function voicePatterns(table: RulesTable): VoicePattern[] {
  let patterns = patternsByTable.get(table);
  if (!patterns) {
    patterns = table.storyVoice.map(compileVoice);
    patternsByTable.set(table, patterns);
  }
  return patterns;
}

function compileVoice(voice: StoryVoiceEntry): VoicePattern {
  const want = phrasesPattern(voice.want, 'giu');
  if (!voice.role.length) {
    // The role is the word just before the want, in a case ending ("Asiakkaana haluan").
    const endings = voice.roleEndings.map(phraseSource).join('|');
    return {
      want,
      role: new RegExp(`\\p{L}(?:${endings})[\\s,]*$`, 'iu'),
      leadingRole: new RegExp(`^\\s*\\p{L}+(?:${endings})[\\s,]+(?:${voice.want.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
      benefit: phrasesPattern(voice.benefit, 'iu'),
    };
  }
  // The role opener is followed by something: "As a" alone at the end of a sentence is no statement.
  const openers = wholePhrasesSource(voice.role);
  return {
    want,
    role: new RegExp(`(?<![\\p{L}\\p{N}])${openers}\\s*\\S`, 'iu'),
    leadingRole: new RegExp(`^\\s*${openers}\\s*\\S`, 'iu'),
    benefit: phrasesPattern(voice.benefit, 'iu'),
    benefitFirst: voice.benefitFirst.length ? phrasesPattern(voice.benefitFirst, 'iu') : undefined,
  };
}

/**
 * Whether the lines hold a user-voice statement in any language of the table,
 * even when it is bold, spread over lines, in a table cell or a blockquote.
 */
export function hasUserVoiceStatement(lines: readonly ScannedLine[], table: RulesTable): boolean {
  // One line (a row's story cell, thousands in a backlog table): looked up by its own text, which needs
  // neither the joined copy nor its flattening to be hashed. Its own memo: the keys are not joined prose.
  if (lines.length === 1 && !lines[0].inCode) {
    const { visible } = lines[0];
    const known = oneLineCache(table);
    return known.get(visible) ?? known.remember(visible, isUserVoice(flatten(' ' + visible), table));
  }
  return STATED.answer(lines, table, () => {
    const prose = joinedProse(lines);
    const known = statementCache(table);
    return known.get(prose) ?? known.remember(prose, isUserVoice(flatten(prose), table));
  });
}

/** Whether a story's lines state who and what without the benefit ("As a user, I want a dark mode"); asked only when hasUserVoiceStatement says no. */
export function hasUserVoiceWithoutBenefit(lines: readonly ScannedLine[], table: RulesTable): boolean {
  return STATED_WITHOUT_BENEFIT.answer(lines, table, () => isUserVoice(flatProse(lines), table, false));
}

/**
 * Whether a template's lines hold the statement's outline, its blanks left for the writer
 * (`**Als** <!-- rol --> **Wil ik** <!-- doel --> **Zodat** <!-- waarde -->`): the phrases in order, nothing between.
 */
export function hasUserVoiceOutline(lines: readonly ScannedLine[], table: RulesTable): boolean {
  const flat = flatProse(lines);
  return outlinePatterns(table).some((pattern) => pattern.test(flat));
}

const outlinesByTable = new WeakMap<RulesTable, RegExp[]>();

function outlinePatterns(table: RulesTable): RegExp[] {
  let patterns = outlinesByTable.get(table);
  if (!patterns) {
    patterns = table.storyVoice
      .filter((voice) => voice.role.length && voice.benefit.length)
      .map((voice) => {
        const [role, want, benefit] = [voice.role, voice.want, voice.benefit].map((phrases) => wholePhrasesSource(phrases));
        return new RegExp(`(?<![\\p{L}\\p{N}])${role}[^]{0,${MAX_PART}}?(?<![\\p{L}\\p{N}])${want}[^]{0,${MAX_PART}}?(?<![\\p{L}\\p{N}])${benefit}`, 'iu');
      });
    outlinesByTable.set(table, patterns);
  }
  return patterns;
}

/** Whether the lines hold `words` in order, each within MAX_PART characters of the last (a section written inline, without its heading). */
export function holdsWordsInOrder(lines: readonly ScannedLine[], words: readonly string[]): boolean {
  return WORDS_IN_ORDER.answer(lines, words, () => hasWordsInOrder(flatProse(lines), words));
}

// Answers by an item's lines (linesMemo.ts): a keystroke elsewhere in the document reads them back.
const STATED = new LinesMemo<boolean>();
const STATED_WITHOUT_BENEFIT = new LinesMemo<boolean>();
const WORDS_IN_ORDER = new LinesMemo<boolean>();

/**
 * Texts already searched, per table: on a keystroke every item but one reads
 * as it did, and looking its text up costs far less than flattening and
 * searching it again (an epic's stories, a backlog table's rows).
 */
const MAX_CACHED_TEXTS = 5_000;
const statementCache = memoPerOwner<RulesTable, boolean>(MAX_CACHED_TEXTS);
/** hasUserVoiceStatement of one line, by the line's text. */
const oneLineCache = memoPerOwner<RulesTable, boolean>(MAX_CACHED_TEXTS);

/** Whether a flattened text holds a user-voice statement; `needsBenefit: false` also takes one without "so that". */
export function isUserVoice(flat: string, table: RulesTable, needsBenefit = true): boolean {
  return voicePatterns(table).some((pattern) => matches(flat, pattern, needsBenefit));
}

/**
 * Whether a text (a paragraph, a list entry, a heading) starts a story
 * statement: its first words are a role opener and a want follows. The benefit
 * is not needed here: a statement without one is still a story, which
 * `story-format` then reports.
 */
export function startsWithUserVoice(text: string, table: RulesTable): boolean {
  if (!mayStartUserVoice(text, table)) return false;
  const start = text.slice(0, MAX_PART * 2);
  const known = leadCache(table);
  return known.get(start) ?? known.remember(start, leadsWithUserVoice(flatten(start), table));
}

function leadsWithUserVoice(flat: string, table: RulesTable): boolean {
  return voicePatterns(table).some((pattern) => pattern.leadingRole.test(flat) && matches(flat, pattern, false));
}

/** Paragraph and list-entry starts already read, per table: detection asks for every one on every keystroke. */
const leadCache = memoPerOwner<RulesTable, boolean>(MAX_CACHED_TEXTS);

/**
 * A cheap first look for startsWithUserVoice, which runs for every paragraph
 * and list entry: its first two words rule out almost all of them.
 */
export function mayStartUserVoice(text: string, table: RulesTable): boolean {
  const words = FIRST_WORDS.exec(text.slice(0, 120));
  if (!words) return false;
  const starters = voiceStarters(table);
  return starters.first.has(words[1].toLowerCase()) || starters.second.has(words[2].toLowerCase());
}

// The first two words after list markers, quote marks, emphasis and numbering.
// Latin letters only, and no `u` flag: this runs on every paragraph and is several times faster so.
const FIRST_WORDS = /^[\s>*_#+\-\d.)[\]xX]*([A-Za-z\u00C0-\u024F'’]+)[\s,*_]+([A-Za-z\u00C0-\u024F'’]+)/;

const startersByTable = new WeakMap<RulesTable, { first: Set<string>; second: Set<string> }>();

/** First words of every role opener ("as", "als", "jako"), and first words of wants that follow a one-word role (Finnish). */
function voiceStarters(table: RulesTable): { first: Set<string>; second: Set<string> } {
  let starters = startersByTable.get(table);
  if (!starters) {
    starters = { first: new Set(), second: new Set() };
    for (const voice of table.storyVoice) {
      for (const opener of voice.role) starters.first.add(opener.split(/\s+/)[0]);
      if (voice.roleEndings.length) for (const want of voice.want) starters.second.add(want.split(/\s+/)[0]);
    }
    startersByTable.set(table, starters);
  }
  return starters;
}

/**
 * The start of the lines as one line of prose: code left out, emphasis, table
 * pipes, quote and heading marks and line breaks turned into single spaces.
 */
export function flatProse(lines: readonly ScannedLine[]): string {
  return flatten(joinedProse(lines));
}

/** The lines that are not code, each after a space, up to the search limit: what flatProse flattens. */
function joinedProse(lines: readonly ScannedLine[]): string {
  let joined = '';
  for (const scanned of lines) {
    if (scanned.inCode) continue;
    joined += ' ' + scanned.visible;
    if (joined.length > MAX_SEARCH_CHARS) break;
  }
  return joined;
}

// A run of emphasis, pipes, quote and heading marks and white space: each mark run became a space, then each run of space one.
const FLAT_RUN = /[*_|>#\s]+/g;

function flatten(text: string): string {
  return text.replace(FLAT_RUN, ' ');
}

/** Whether `words` occur in this order, each within MAX_PART characters of the one before. */
export function hasWordsInOrder(flat: string, words: readonly string[]): boolean {
  if (!words.length) return false;
  const { first, rest } = wordPatterns(words);
  first.lastIndex = 0;
  for (let found = first.exec(flat); found; found = first.exec(flat)) {
    let at = found.index + found[0].length;
    const ok = rest.every((pattern) => {
      const next = pattern.exec(flat.slice(at, at + MAX_PART + 40));
      if (next) at += next[0].length;
      return next !== null;
    });
    if (ok) return true;
    // An empty match cannot happen (a word is at least a letter), but never loop on one.
    if (found[0].length === 0) first.lastIndex++;
  }
  return false;
}

const wordPatternCache = new WeakMap<readonly string[], { first: RegExp; rest: RegExp[] }>();

/** The patterns of hasWordsInOrder, compiled once per list of words (the table's `inlineForm`). */
function wordPatterns(words: readonly string[]): { first: RegExp; rest: RegExp[] } {
  let patterns = wordPatternCache.get(words);
  if (!patterns) {
    const escaped = words.map(phraseSource);
    patterns = {
      first: new RegExp(`\\b${escaped[0]}\\b`, 'gi'),
      rest: escaped.slice(1).map((word) => new RegExp(`^[^]{0,${MAX_PART}}?\\b${word}\\b`, 'i')),
    };
    wordPatternCache.set(words, patterns);
  }
  return patterns;
}

function matches(text: string, pattern: VoicePattern, needsBenefit = true): boolean {
  const wants = pattern.want;
  wants.lastIndex = 0;
  for (let want = wants.exec(text); want; want = wants.exec(text)) {
    const at = want.index;
    // As matchAll steps past an empty match (a want phrase never is one).
    if (want[0].length === 0) wants.lastIndex = advance(text, wants.lastIndex);
    const before = text.slice(Math.max(0, at - MAX_PART), at);
    if (!pattern.role.test(before)) continue;
    if (!needsBenefit) return true;
    const after = text.slice(at + want[0].length, at + want[0].length + MAX_PART);
    if (pattern.benefit.test(after) || pattern.benefitFirst?.test(before)) return true;
  }
  return false;
}

/** The index after an empty match at `index`, as matchAll moves on: a whole code point under the `u` flag. */
function advance(text: string, index: number): number {
  const c = text.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff && index + 1 < text.length ? index + 2 : index + 1;
}
