import type { ParsedDocument } from '../document/parse';
import type { Section } from '../document/sections';
import { startsWithUserVoice } from '../document/storyStatement';
import { isPlaceholder } from '../roles/placeholders';
import type { RulesTable } from '../rules/types';
import { detectFile } from './fileItem';
import type { TitleHead } from './fileItem';
import type { DocumentItems } from './model';
import { findTables } from './tables';
import { vocabulary } from './vocabulary';
import { LIST_NUMBER, headHere, storyArtifact, titleAfterHead } from './candidate';
import type { ItemHead, Vocabulary } from './vocabulary';
import { detached, memoPerOwner } from '../memo';
import type { Candidate } from './candidate';
import { rowCandidates } from './rows';
import { blockCandidates } from './blocks';
import { assemble, idKey } from './assemble';

/** Finds the items of one document (SPEC §1): a tree of file, section, row, list and paragraph items. */
export function detectItems(doc: ParsedDocument, fileName: string | undefined, table: RulesTable): DocumentItems {
  const vocab = vocabulary(table);
  const headings = doc.sections.filter((section) => section.kind === 'heading');
  const heads = headings.map((section) => ({ section, head: rememberedHeadHere(section.title, vocab) }));
  // The title is the first level-1 heading; in a file without one (`## Story 1.2: …` over `## Story`,
  // `## Acceptance Criteria`), the first heading at the file's top level, if no other there names an item.
  const topLevel = headings.reduce((level, section) => Math.min(level, section.level), 7);
  const levelOneHeads = heads.filter(({ section, head }) => section.level === topLevel && head && (topLevel === 1 || head.id || !head.bare));
  const firstLevelOne = headings.find((section) => section.level === topLevel);
  const title: TitleHead | undefined =
    levelOneHeads.length === 1 && levelOneHeads[0].section === firstLevelOne && levelOneHeads[0].head?.artifact
      ? { section: firstLevelOne, artifact: levelOneHeads[0].head.artifact, id: levelOneHeads[0].head.id }
      : undefined;
  // `# As a visitor, I want to search expeditions …`: a file titled with its story statement is that story.
  const statementTitle =
    !title && firstLevelOne?.level === 1 && startsWithUserVoice(firstLevelOne.title.replace(OPENING_QUOTES, ''), table) ? { section: firstLevelOne, artifact: storyArtifact(table) } : undefined;
  const file = detectFile(doc, fileName, table, title ?? statementTitle, firstLevelOne?.title);
  if (file.silent) return { items: [], typeValue: file.typeValue, typeUnknown: file.typeUnknown };

  const lineCount = doc.index.lineCount;
  const candidates: Candidate[] = [];
  let fileCandidate: Candidate | undefined;
  if (file.artifact) {
    // Findings about the file are shown on its title, whatever it says, else on its type value.
    const heading = file.title ?? firstLevelOne;
    const anchor = heading && heading.end > heading.start ? heading : file.typeValue && file.typeValue.end > file.typeValue.start ? file.typeValue : firstLineSpan(doc);
    fileCandidate = {
      artifact: file.artifact,
      shape: 'file',
      detectedBy: file.detectedBy ?? 'file-name',
      id: file.id ?? frontMatterId(doc, table),
      title: heading ? titleAfterHead(heading.title, vocab) : fileName?.replace(/^.*[\\/]/, '').replace(/\.md$/i, '') ?? '',
      startLine: 0,
      endLine: lineCount,
      anchor: { start: anchor.start, end: anchor.end },
      level: 0,
    };
    candidates.push(fileCandidate);
  }

  // Section items: headings that start with a type name or an id (the file's own title excepted).
  // `## User Story` alone names a part of one item; `## 1st User Story`, `## 2nd User Story` list items.
  const bareCounts = new Map<string, number>();
  for (const { section, head } of heads) {
    if (head?.artifact && head.byTypeName && head.bare && !head.id) bareCounts.set(`${section.level}:${head.artifact.id}`, (bareCounts.get(`${section.level}:${head.artifact.id}`) ?? 0) + 1);
  }
  heads.forEach(({ section, head }, i) => {
    if (section === title?.section) return;
    let artifact = head?.artifact;
    if (head && head.byTypeName && head.bare && !head.id && (bareCounts.get(`${section.level}:${head.artifact?.id}`) ?? 0) < 2) return;
    // `### 1) As a service provider, I want …`: a heading that is a story statement.
    const statementHeading = !artifact && section.level >= 2 && startsWithUserVoice(section.title.replace(LIST_NUMBER, '').replace(OPENING_QUOTES, ''), table);
    if (statementHeading) artifact = storyArtifact(table);
    if (!artifact) return;
    const end = sectionEnd(heads, i, lineCount);
    candidates.push({
      artifact,
      shape: 'section',
      detectedBy: 'section',
      id: head?.id,
      title: titleAfterHead(section.title, vocab),
      startLine: section.line,
      endLine: end,
      anchor: { start: section.start, end: section.end },
      level: section.level,
      statementOnly: statementHeading || (head?.bare === true && !head.id),
    });
  });

  const lines = doc.body.lines;
  const tables = findTables(lines);
  const inTable = new Set<number>();
  for (const found of tables) {
    for (let i = found.headerIndex; i < found.headerIndex + 2 + found.rows.length; i++) inTable.add(lines[i].line);
    // A loop, not push(...rows): a spread passes every row of a long table as an argument.
    for (const candidate of rowCandidates(found, vocab, table)) candidates.push(candidate);
  }
  candidates.push(...blockCandidates(lines, inTable, vocab, table));
  // A file its name alone makes an item (`userstory.md`, no heading says so) that holds two or more items of its level or above
  // is a page of them, not one of them.
  if (fileCandidate && file.detectedBy === 'file-name' && !title && holdsItsPeers(candidates, fileCandidate)) {
    candidates.splice(candidates.indexOf(fileCandidate), 1);
    fileCandidate = undefined;
  }
  const silent = silentRanges(heads, lineCount, vocab.silentHeading);
  // A summary counts as one only beside the items it sums up.
  const summaries = silentRanges(heads, lineCount, vocab.summaryHeading);
  // A summary's entry is an index of an item written out elsewhere in the file: one with its id, or, without an
  // id, one of its type (`| 1. Gestion Biens | 4 |` under `## Récapitulatif`). A pending story listed only there counts.
  const inRanges = (candidate: Candidate, ranges: [number, number][]) => ranges.some(([start, end]) => candidate.startLine >= start && candidate.startLine < end);
  let summed: (candidate: Candidate) => boolean = () => false;
  if (summaries.length) {
    const outside = candidates.filter((candidate) => candidate !== fileCandidate && !inRanges(candidate, summaries) && !inRanges(candidate, silent));
    const ids = new Set(outside.flatMap((candidate) => (candidate.id ? [idKey(candidate.id)] : [])));
    const types = new Set(outside.map((candidate) => candidate.artifact));
    summed = (candidate) => inRanges(candidate, summaries) && (candidate.id ? ids.has(idKey(candidate.id)) : types.has(candidate.artifact));
  }
  if (silent.length || summaries.length) {
    // A story statement under such a heading is still a story: `### Rental history check - #012` is a title.
    const kept = candidates.filter((candidate) => candidate === fileCandidate || candidate.statement || (!inRanges(candidate, silent) && !summed(candidate)));
    candidates.length = 0;
    candidates.push(...kept);
  }

  const items = assemble(candidates, doc, table, fileCandidate, file.template, fileName, firstLevelOne?.title);
  return { items, fileItem: fileCandidate ? items[0] : undefined, typeValue: file.typeValue, typeUnknown: file.typeUnknown };
}

function holdsItsPeers(candidates: readonly Candidate[], file: Candidate): boolean {
  let peers = 0;
  // Statements do not count: a story file's own statement is one, and its examples may be more.
  for (const candidate of candidates) if (candidate !== file && !candidate.statement && candidate.artifact.rank >= file.artifact.rank && ++peers >= 2) return true;
  return false;
}

/** Where the section of heading i ends: at the next heading of the same or a higher level. */
function sectionEnd(heads: readonly { section: Section }[], i: number, lineCount: number): number {
  const { level } = heads[i].section;
  for (let j = i + 1; j < heads.length; j++) if (heads[j].section.level <= level) return heads[j].section.line;
  return lineCount;
}

const MAX_PART_HEADING_WORDS = 4;
const WORD = /\p{L}+/gu;
// `### „Jako użytkownik chcę …”`: a statement quoted as a heading.
const OPENING_QUOTES = /^[\s"'„“”«»‚‘’]+/;

/** The lines under a heading that says they are about items or point at them (`## Checklists`, `## Related stories`): no items there. */
function silentRanges(heads: readonly { section: Section; head: ItemHead | undefined }[], lineCount: number, words: RegExp): [number, number][] {
  const ranges: [number, number][] = [];
  heads.forEach(({ section, head }, i) => {
    if (head || section.level < 2 || !words.test(section.title)) return;
    // A heading that names a part of the page is short (`## Related stories`, `### Sprint 1 Status`); a longer one
    // is the title of an item (`### 2.2 Therapy Session History & Progress Tracking`) or a statement.
    if ((section.title.match(WORD) ?? []).length > MAX_PART_HEADING_WORDS) return;
    ranges.push([section.line, sectionEnd(heads, i, lineCount)]);
  });
  return ranges;
}

/**
 * headHere of a heading's title, remembered per title and vocabulary: detection reads every heading on
 * every keystroke, and all but one read as before. The head is plain data, never changed.
 */
const headsByTitle = memoPerOwner<Vocabulary, ItemHead | null>(5_000);

function rememberedHeadHere(title: string, vocab: Vocabulary): ItemHead | undefined {
  const known = headsByTitle(vocab);
  const head = known.get(title);
  if (head !== undefined) return head ?? undefined;
  // Read from a copy: the head's id is a piece of the title, and the memo keeps it.
  return known.remember(title, headHere(detached(title), vocab) ?? null) ?? undefined;
}

function firstLineSpan(doc: ParsedDocument) {
  const first = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: first, end: Math.max(first, doc.index.lineEnd(0)) };
}

function frontMatterId(doc: ParsedDocument, table: RulesTable): string | undefined {
  const field = doc.fields.find((candidate) => table.detection.idKeys.includes(candidate.normalizedKey) && candidate.values[0]?.text.trim());
  const value = field?.values[0]?.text.trim();
  return value && !isPlaceholder(value, table) ? value : undefined;
}
