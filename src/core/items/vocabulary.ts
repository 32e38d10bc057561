import { escapeRegExp, phraseSource, phrasesPattern } from '../phrases';
import { normalizeName } from '../roles/normalize';
import type { ArtifactEntry, RulesTable } from '../rules/types';

/** An item's head: the type name or id that starts a heading, entry or file name. */
export interface ItemHead {
  artifact?: ArtifactEntry;
  /** The id, when one is written (`FEAT-001`, `Epic 10`). */
  id?: string;
  /** True when a type name starts the head (else an id does). */
  byTypeName: boolean;
  /** True when nothing follows the head but punctuation: `# US-BE-01`, `## Story`. */
  bare: boolean;
  /** Characters of the text the head takes, separator included; the title follows. */
  length: number;
}

/** The table's type names and id prefixes, compiled once per table. */
export interface Vocabulary {
  table: RulesTable;
  byTypeName: Map<string, ArtifactEntry>;
  /** Table column headers that name the rows' type: the type names and the table's column names. */
  byColumnName: Map<string, ArtifactEntry>;
  byPrefix: Map<string, ArtifactEntry>;
  /** A type name at the start of a text, longest first, as a whole word. */
  typeNameStart: RegExp;
  /** An id at the start of a text: prefix, separator, number or segment. */
  idStart: RegExp;
  workItemWords: Set<string>;
  /** A backlog-page word as a whole word of a file name or title. */
  backlogPage: RegExp;
  /** A word of a heading that points at items elsewhere or is about them (aboutItemsWords, referenceHeadingWords). */
  silentHeading: RegExp;
  /** A word of a heading that sums up the file's items (summaryHeadingWords). */
  summaryHeading: RegExp;
  /** A word of a file name or title that says the document is about items (aboutItemsWords). */
  aboutItems: RegExp;
}

const vocabularies = new WeakMap<RulesTable, Vocabulary>();

// After a prefix: `-`, `_`, `.`, a space, `#` or nothing, then `001`, `10.1` (`US#1`); or `-BE-01`, `TSV-001`, `-CRM-AUT-001`, `-QUALITY-TEST-001`, `-A001`; or a word and a number before a separator (`US Perf 1:`).
// No space before letters: in `Epic EPIC-1` the word is the type name and `EPIC-1` the id, not `Epic EPIC-1`.
const ID_BODY = String.raw`(?:[-_. #]?\d+(?:[.-]\d+)*|[-_.]?[A-Za-z]{1,10}(?:-[A-Za-z]{1,10}){0,2}-\d+(?:[.-]\d+)*|[-_.][A-Za-z]{1,3}\d+(?:[.-]\d+)*| [A-Za-z]{2,10} \d+(?:\.\d+)*(?=[ \t]*[:\-–—]))`;
// After a type name: a number makes an id (`Epic 10`, `Story 1.2`) or a prefixed id follows (`Story S001`).
const TYPE_NUMBER = /^[ \t]+(?:#)?(\d+(?:\.\d+)*[a-z]?|[A-Z]{1,6}[-_]?\d+(?:[.-]\d+)*|[A-Z]{1,6}-[A-Z]{1,3}\d+(?:[.-]\d+)*)(?![\p{L}\p{N}])/u;
// What may follow a head: `:`, a dash, `|` (a title in a cell), then the title.
const SEPARATOR = /^[ \t]*(?:[:\-–—|]+|\*\*[ \t]*[:\-–—]|[:\-–—]\*\*)?[ \t]*/;
const BARE_REST = /^[\s*_:\-–—.)]*$/;

export function vocabulary(table: RulesTable): Vocabulary {
  let vocab = vocabularies.get(table);
  if (vocab) return vocab;
  const byTypeName = new Map<string, ArtifactEntry>();
  const byPrefix = new Map<string, ArtifactEntry>();
  for (const artifact of table.artifacts) {
    for (const name of artifact.typeNames) byTypeName.set(normalizeName(name), artifact);
    for (const prefix of artifact.idPrefixes) byPrefix.set(prefix.toUpperCase(), artifact);
  }
  const byColumnName = new Map(byTypeName);
  for (const artifact of table.artifacts) for (const name of artifact.columnNames) byColumnName.set(normalizeName(name), artifact);
  const names = [...byTypeName.keys()].sort((a, b) => b.length - a.length).map((name) => phraseSource(name).replace(/\\s\+/g, '[\\s_-]+'));
  const prefixes = [...byPrefix.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  vocab = {
    table,
    byTypeName,
    byColumnName,
    byPrefix,
    typeNameStart: new RegExp(`^(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    idStart: new RegExp(`^(${prefixes.join('|') || '(?!)'})(${ID_BODY})(?![\\p{L}\\p{N}])`, 'iu'),
    workItemWords: new Set([...table.workItemTypes, ...table.typeHints.map((hint) => hint.type)].map(normalizeName)),
    backlogPage: phrasesPattern(table.detection.backlogPageWords, 'iu'),
    silentHeading: phrasesPattern([...table.detection.aboutItemsWords, ...table.detection.referenceHeadingWords], 'iu'),
    summaryHeading: phrasesPattern(table.detection.summaryHeadingWords, 'iu'),
    aboutItems: phrasesPattern(table.detection.aboutItemsWords, 'iu'),
  };
  vocabularies.set(table, vocab);
  return vocab;
}

/** The artifact a type value names (`Enabler Feature`, `user-story`). */
export function artifactByTypeName(name: string, table: RulesTable): ArtifactEntry | undefined {
  return vocabulary(table).byTypeName.get(normalizeName(name));
}

/**
 * Reads an item head at the start of `text`: an id (`FEAT-001`, `US 10.1`,
 * `US-BE-01`) or a type name followed by `:`, a dash, a number or the end.
 */
export function readItemHead(text: string, vocab: Vocabulary): ItemHead | undefined {
  const id = vocab.idStart.exec(text);
  if (id) {
    const rest = text.slice(id[0].length);
    const separator = SEPARATOR.exec(rest)?.[0] ?? '';
    return {
      artifact: vocab.byPrefix.get(id[1].toUpperCase()),
      id: id[0],
      byTypeName: false,
      bare: BARE_REST.test(rest),
      length: id[0].length + separator.length,
    };
  }
  const name = vocab.typeNameStart.exec(text);
  if (!name) return undefined;
  const artifact = vocab.byTypeName.get(normalizeName(name[0]));
  let rest = text.slice(name[0].length);
  let length = name[0].length;
  let itemId: string | undefined;
  const number = TYPE_NUMBER.exec(rest);
  if (number) {
    const prefixed = vocab.idStart.exec(number[1]);
    itemId = prefixed ? number[1] : `${name[0]} ${number[1]}`;
    length += number[0].length;
    rest = rest.slice(number[0].length);
  }
  const separator = SEPARATOR.exec(rest)?.[0] ?? '';
  const bare = BARE_REST.test(rest);
  // `Story points`, `Feature flags`: a type word followed by a word is no head.
  if (!itemId && !bare && !/[:\-–—|]/.test(separator)) return undefined;
  return { artifact, id: itemId, byTypeName: true, bare, length: length + separator.length };
}

/** Whether a normalized name is a work-item kind SAFe does not define (task, bug, spike…). */
export function isWorkItemWord(word: string, vocab: Vocabulary): boolean {
  return vocab.workItemWords.has(word);
}
