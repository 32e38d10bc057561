import type { ScannedLine } from './scan';
import { detached, factSlot, knownLineFact, lineFact } from '../memo';
import type { LineFacts } from '../memo';
import { codeAt } from '../text';

/** A heading or label that opens a part of the document. */
export interface Section {
  /** The title as written, without `#`, emphasis or trailing colon. */
  title: string;
  /** Lower-cased, numbering and punctuation removed: `acceptance criteria`. */
  readonly normalizedTitle: string;
  /** The title lower-cased, for a cheap first test before normalizing. */
  readonly lowerTitle: string;
  /** The normalized title without accents (`criterios de aceitacao`): writers leave them out or add them. */
  readonly foldedTitle: string;
  /** Whether the title is ASCII only (then it has no accents to leave out). */
  readonly asciiTitle: boolean;
  kind: 'heading' | 'label';
  /** Heading level 1–6; labels count as 7 (below any heading). */
  level: number;
  line: number;
  start: number;
  end: number;
  /** True when the section has text before the next section starts. */
  hasContent: boolean;
}

// The `#`s end at a space, a tab or the line's end (`#hashtag`, `#######` are text).
const ATX_HEADING = /^ {0,3}(#{1,6})(?![^ \t])(?:[ \t]+(.*?))?[ \t#]*$/;
// `**Acceptance Criteria:**`, `**Acceptance Criteria**:`, `**Acceptance Criteria**` on a line of its own
const BOLD_LABEL = /^[ \t]*(?:>[ \t]*)*(\*\*|__)([^*_]{1,80}?)(:?)\1(:?)[ \t]*(.*)$/;
// `Acceptance criteria:` alone or followed by text
const PLAIN_LABEL = /^[ \t]*(?:>[ \t]*)*([A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F /&()'-]{1,60}?)[ \t]*:[ \t]*(.*)$/;

/** Lower-cases a title and drops numbering, emphasis, emoji and punctuation. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`~[\]]/g, '')
    .replace(/^[\s\d.)(:-]*(?:[a-z][.)]\s+)?/, '')
    .replace(/[^\p{L}\p{N}&/' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds headings and labels, and whether each has content. */
export function findSections(lines: readonly ScannedLine[]): Section[] {
  const sections: Section[] = [];
  const contentAfter: boolean[] = [];
  for (let i = 0; i < lines.length; i++) {
    const scanned = lines[i];
    if (scanned.inCode) {
      if (sections.length) contentAfter[sections.length - 1] = true;
      continue;
    }
    if (isSetextTitle(lines, i)) {
      const title = scanned.visible.trim();
      const at = scanned.visible.indexOf(title);
      const level = SETEXT_H1_UNDERLINE.test(lines[i + 1].visible) ? 1 : 2;
      sections.push(makeSection(title.replace(/:$/, ''), 'heading', level, scanned.line, scanned.start + at, scanned.start + at + title.length));
      contentAfter.push(false);
      i++; // the `===` underline
      continue;
    }
    const opened = rememberedSectionLine(scanned);
    if (opened) {
      // `Given: …` under `Acceptance criteria:` is the label's content, not a new empty part.
      if (opened.section.kind === 'label' && opened.inlineContent && sections.length) {
        contentAfter[sections.length - 1] = true;
      }
      sections.push(opened.section);
      contentAfter.push(opened.inlineContent);
      continue;
    }
    if (sections.length && hasText(scanned.visible)) contentAfter[sections.length - 1] = true;
  }
  // A heading's content includes its subsections (and the labels inside it).
  for (let i = sections.length - 1; i >= 0; i--) {
    let has = contentAfter[i];
    for (let j = i + 1; !has && j < sections.length && sections[j].level > sections[i].level; j++) {
      has = contentAfter[j] || sections[j].kind === 'label';
    }
    sections[i].hasContent = has;
  }
  return sections;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_H1_UNDERLINE = /^ {0,3}=+[ \t]*$/;
const SETEXT_H2_UNDERLINE = /^ {0,3}-+[ \t]*$/;
// Lines that start another kind of block, so cannot be the text of a setext heading.
const NOT_PARAGRAPH = /^ {0,3}(?:#|>|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~)/;

/**
 * A one-line paragraph underlined with `===` or `---` is a level-1 or
 * level-2 heading (CommonMark's setext form), as the preview shows it.
 * A longer paragraph above `---` is left as text: there the line is more
 * often meant as a rule.
 */
function isSetextTitle(lines: readonly ScannedLine[], i: number): boolean {
  const title = lines[i];
  const underline = lines[i + 1];
  // Cheap test first: this runs for every line of the body.
  const mark = underline?.visible.trimStart()[0];
  if (mark !== '=' && mark !== '-') return false;
  if (!underline || underline.inCode || title.html || underline.line !== title.line + 1 || !(SETEXT_H1_UNDERLINE.test(underline.visible) || SETEXT_H2_UNDERLINE.test(underline.visible))) return false;
  if (!hasText(title.visible) || NOT_PARAGRAPH.test(title.visible)) return false;
  // `a | b` over `--- | ---` is a table's header, not a heading.
  if (underline.table === 'delimiter') return false;
  // The title must start its paragraph: after a blank line, a rule or a heading (long lines skipped, as in readSectionLine).
  const before = lines[i - 1];
  return !before || before.line !== title.line - 1 || !hasText(before.visible) || THEMATIC_BREAK.test(before.visible) || (before.visible.length <= 400 && before.visible.includes('#') && ATX_HEADING.test(before.visible));
}

/** What a line opens, at offset 0 of line 0 (or null), per line text; HTML lines apart, where `#` opens nothing. */
interface OpenedSection {
  section: Section;
  inlineContent: boolean;
}
const OPENS = factSlot<OpenedSection | null>();

// Looked up before any closure is made, the closure in a function of its own: this runs for every body
// line, and a closure here made V8 allocate a context on every call, hit or miss.
function rememberedSectionLine(scanned: ScannedLine): OpenedSection | undefined {
  // In a raw HTML block `#` opens nothing: the same text reads differently there, so it is not remembered.
  // With memos off (no facts) the line is read in place, without a copy.
  if (!scanned.facts || scanned.html) return readSectionLine(scanned);
  // `null` is a remembered "opens nothing": only undefined (never read) may fill the slot, or every such line made a closure.
  const known = knownLineFact(scanned.facts, OPENS);
  const relative = known === undefined ? rememberSectionLine(scanned.facts, scanned) : known;
  if (!relative) return undefined;
  const { title, kind, level, start, end } = relative.section;
  return { section: makeSection(title, kind, level, scanned.line, start + scanned.start, end + scanned.start), inlineContent: relative.inlineContent };
}

function rememberSectionLine(facts: LineFacts, scanned: ScannedLine): OpenedSection | null {
  return lineFact(facts, OPENS, () => readRelativeSectionLine(scanned));
}

/** Read from a copy: the title is a piece of the line, and the memo keeps it. */
function readRelativeSectionLine(scanned: ScannedLine): OpenedSection | null {
  return readSectionLine({ ...scanned, visible: detached(scanned.visible), start: 0, line: 0 }) ?? null;
}

function readSectionLine(scanned: ScannedLine): OpenedSection | undefined {
  const { visible, start, line } = scanned;
  if (visible.length > 400) return undefined;
  // Inside a raw HTML block `## x` is shown as typed, not as a heading.
  const heading = !scanned.html && visible.includes('#') ? ATX_HEADING.exec(visible) : null;
  if (heading) {
    const title = (heading[2] ?? '').trim();
    const at = title ? visible.indexOf(title) : visible.indexOf('#');
    return {
      section: makeSection(title.replace(/:$/, ''), 'heading', heading[1].length, line, start + at, start + at + title.length),
      inlineContent: false,
    };
  }
  const bold = visible.includes('**') || visible.includes('__') ? BOLD_LABEL.exec(visible) : null;
  if (bold && (bold[3] || bold[4] || bold[5].trim() === '')) {
    const at = visible.indexOf(bold[2]);
    return {
      section: makeSection(bold[2].trim(), 'label', 7, line, start + at, start + at + bold[2].length),
      inlineContent: hasText(bold[5]),
    };
  }
  const plain = visible.includes(':') ? PLAIN_LABEL.exec(visible) : null;
  if (plain) {
    const at = visible.indexOf(plain[1]);
    return {
      section: makeSection(plain[1].trim(), 'label', 7, line, start + at, start + at + plain[1].length),
      inlineContent: hasText(plain[2]),
    };
  }
  return undefined;
}

export function makeSection(title: string, kind: Section['kind'], level: number, line: number, start: number, end: number): Section {
  return new ParsedSection(title, kind, level, line, start, end);
}

/**
 * A class rather than an object literal with getters: V8 gives a literal with
 * accessors a slow shape of its own, and a long epic makes hundreds per keystroke.
 */
class ParsedSection implements Section {
  hasContent = false;
  private normalized: string | undefined;
  private lower: string | undefined;
  private folded: string | undefined;
  private ascii: boolean | undefined;

  constructor(
    public title: string,
    public kind: Section['kind'],
    public level: number,
    public line: number,
    public start: number,
    public end: number,
  ) {}

  /** Computed on demand: most labels are never compared with a required section's name. */
  get normalizedTitle(): string {
    return (this.normalized ??= normalizeTitle(this.title));
  }

  /** Computed once: every required section name is tested against it. */
  get lowerTitle(): string {
    return (this.lower ??= this.title.toLowerCase());
  }

  /** Computed once: asked for every name with an accent. */
  get asciiTitle(): boolean {
    return (this.ascii ??= !BEYOND_ASCII.test(this.lowerTitle));
  }

  /** Computed on demand: asked only when a title or a name has a letter beyond ASCII. */
  get foldedTitle(): string {
    return (this.folded ??= withoutAccents(this.normalizedTitle));
  }
}

const BEYOND_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;

/** The text without its accents: `critérios` → `criterios`. */
export function withoutAccents(text: string): string {
  return BEYOND_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '') : text;
}

/** Text that counts as content: not blank, not only list/task markers, pipes, colons or dashes. */
export function hasText(text: string): boolean {
  let i = 0;
  for (let c = codeAt(text, 0); c === 32 || c === 9 || c === 62 /* > */; c = codeAt(text, ++i));
  // Char codes, no pattern and no slice: this runs for every body line, and each match allocated on every keystroke.
  if (i < text.length) i += listMarkerLength(text, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 124 /* | */ && c !== 58 /* : */ && c !== 45 /* - */) return true;
  }
  return false;
}

/**
 * How many characters a list marker takes at `from`, within the next 12: as
 * `/^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]?\])?/` matches there (a bullet or a
 * number, blank, a task box), each part optional.
 */
function listMarkerLength(text: string, from: number): number {
  const end = Math.min(from + 12, text.length);
  let i = from;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) i++;
  else {
    let digits = i;
    while (digits < end && isDigit(text.charCodeAt(digits))) digits++;
    const after = codeAt(text, digits);
    if (digits > i && digits < end && (after === 46 /* . */ || after === 41 /* ) */)) i = digits + 1;
  }
  while (i < end && isRegExpSpace(text.charCodeAt(i))) i++;
  if (i < end && text.charCodeAt(i) === 91 /* [ */) {
    const inner = codeAt(text, i + 1);
    if (i + 2 < end && (inner === 32 || inner === 120 || inner === 88) && text.charCodeAt(i + 2) === 93 /* ] */) i += 3;
    else if (i + 1 < end && inner === 93) i += 2;
  }
  return i - from;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What `\s` matches in a pattern without the `u` flag. */
function isRegExpSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A required section's name, normalized (and without accents), and its first word for a cheap first test. */
const wantedNames = new Map<string, { normalized: string; firstWord: string; folded: string; foldedFirstWord: string }>();

/** "Acceptance Criteria (Given/When/Then)" counts as "Acceptance Criteria"; "Criterios de aceitação" as "Critérios de aceitação". */
export function titleMatches(section: Section, name: string): boolean {
  let wanted = wantedNames.get(name);
  if (wanted === undefined) {
    const normalized = normalizeTitle(name);
    const folded = withoutAccents(normalized);
    wanted = { normalized, firstWord: normalized.split(' ')[0], folded, foldedFirstWord: folded.split(' ')[0] };
    wantedNames.set(name, wanted);
  }
  // A title without the name's first word cannot match.
  if (section.lowerTitle.includes(wanted.firstWord) && (startsWithName(section.normalizedTitle, wanted.normalized) || namedInParentheses(section.lowerTitle, wanted.normalized))) return true;
  // Only a title or name with a letter beyond ASCII can match once accents are left out; the title is
  // normalized only when the name's first word is in it.
  const ascii = section.asciiTitle;
  if (wanted.folded === wanted.normalized && ascii) return false;
  if (!(ascii ? section.lowerTitle : withoutAccents(section.lowerTitle)).includes(wanted.foldedFirstWord)) return false;
  return startsWithName(section.foldedTitle, wanted.folded);
}

/** `Description (Hypothesis)`: the part in parentheses names the section. */
function namedInParentheses(lowerTitle: string, name: string): boolean {
  const open = lowerTitle.indexOf('(');
  if (open < 0) return false;
  const close = lowerTitle.indexOf(')', open);
  return close > open && normalizeTitle(lowerTitle.slice(open + 1, close)) === name;
}

function startsWithName(title: string, name: string): boolean {
  return title === name || (title.startsWith(name) && !/[\p{L}\p{N}]/u.test(title[name.length]));
}
