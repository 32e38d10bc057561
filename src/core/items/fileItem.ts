import type { Field, FieldValue } from '../document/fields';
import type { ParsedDocument } from '../document/parse';
import type { Section } from '../document/sections';
import { normalizeTitle } from '../document/sections';
import { normalizeName } from '../roles/normalize';
import { splitCamelCase } from '../phrases';
import { isPlaceholder } from '../roles/placeholders';
import type { ArtifactEntry, RulesTable } from '../rules/types';
import type { DetectedBy } from './model';
import { artifactByTypeName, isWorkItemWord, readItemHead, vocabulary } from './vocabulary';
import type { ItemHead, Vocabulary } from './vocabulary';

/** What the file as a whole is, by SPEC §1.1 (first match wins). */
export interface FileDetection {
  artifact?: ArtifactEntry;
  detectedBy?: DetectedBy;
  /** The id the file name or first heading starts with. */
  id?: string;
  /** The first level-1 heading, when it names the item. */
  title?: Section;
  typeValue?: FieldValue;
  /** True when the front-matter type names no artifact type. */
  typeUnknown: boolean;
  /** True when the file says it is something SAFe has no artifact for (a task, a bug, a page): no item at all. */
  silent: boolean;
  template: boolean;
}

// `<name>.<artifact id>.md`; which ids exist is the table's business.
const FILE_SUFFIX = /\.([a-z]+(?:-[a-z]+)*)\.md$/i;
/** An explicit "not an enabler"; placeholders (TBD, n/a…) say nothing either way. */
const NOT_AN_ENABLER = new Set(['no', 'false']);
// Template values: `[Name]`, `<role>`, `{{owner}}`.
const PLACEHOLDER_VALUE = /^(?:\[[^\]]*\]|<[^>]*>|\{\{[^}]*\}\})$/;

/** A level-1 heading that names an item (`# Feature: Saved cards`, `# US-BE-01`). */
export interface TitleHead {
  section: Section;
  artifact: ArtifactEntry;
  id?: string;
}

/** `title`: the first level-1 heading, when it is an item head and the only level-1 heading that is one. */
export function detectFile(
  doc: ParsedDocument,
  fileName: string | undefined,
  table: RulesTable,
  title: TitleHead | undefined,
  firstTitle: string | undefined,
): FileDetection {
  const vocab = vocabulary(table);
  const { detection } = table;
  const frontFields = doc.fields.filter((field) => field.source === 'front-matter');
  const template = isIssueTemplate(frontFields, table);
  // The first type key that names an artifact; else `type` itself, which alone is judged (`artifact_type:
  // Project Execution` beside `artifact_kind: story` is another scheme's word, not a typo).
  const typed = frontFields.filter((field) => detection.typeKeys.includes(field.normalizedKey) && field.values[0]?.text.trim());
  const typeField = typed.find((field) => artifactByTypeName(field.values[0].text, table)) ?? typed.find((field) => field.normalizedKey === detection.typeKeys[0]);
  const typeValue = typeField?.values[0];
  const base = { typeValue, typeUnknown: false, silent: false, template: template || hasPlaceholderValues(doc) };
  const name = fileName ? nameOf(fileName, vocab) : undefined;

  if (!typeValue && isToolPrompt(fileName, frontFields, table)) return { ...base, silent: true };

  // 1. front matter type
  if (typeValue) {
    const artifact = artifactByTypeName(typeValue.text, table);
    // The id, when the heading has none, may start the file name (`EPIC-001-checkout.md`, SPEC §7).
    if (artifact) return { ...base, artifact: withEnablerKind(artifact, frontFields, table), detectedBy: 'front-matter', title: title?.section, id: title?.id ?? name?.head?.id };
    // A page or another tracker's work item says what the file is: not an item.
    const kind = normalizeName(typeValue.text);
    if (isWorkItemWord(kind, vocab)) return { ...base, typeUnknown: true, silent: true };
    // A page (a sprint, a post) is no item itself, but the stories written in it are.
    if (table.otherTypes.some((type) => normalizeName(type) === kind)) return { ...base, typeUnknown: true };
    base.typeUnknown = true;
  }
  const fromBroken = typeValue ? undefined : typeInBrokenFrontMatter(doc, table);
  if (fromBroken && !typeValue) return { ...base, artifact: fromBroken, detectedBy: 'front-matter', title: title?.section, id: title?.id ?? name?.head?.id };

  // 5. issue template (before the body and name: its name says what it makes)
  if (template) {
    const artifact = issueTemplateType(frontFields, table);
    return artifact ? { ...base, artifact, detectedBy: 'issue-template', title: title?.section } : { ...base, silent: true };
  }

  // 2. a Type field in the body, before the first level-2 heading
  const bodyType = bodyTypeField(doc, table);
  if (bodyType) {
    const artifact = artifactByTypeName(stripDecoration(bodyType.values[0].text), table);
    if (artifact) {
      const limit = firstLevel2Line(doc);
      const fields = doc.fields.filter((field) => field.source === 'body' && field.line !== undefined && field.line < limit);
      return { ...base, artifact: withEnablerKind(artifact, fields, table), detectedBy: 'body-type', title: title?.section, id: title?.id ?? name?.head?.id };
    }
    if (isWorkItemWord(normalizeName(stripDecoration(bodyType.values[0].text)), vocab)) return { ...base, silent: true };
  }

  // A report on items (`story-2.4-status.md` titled `# Story 2.4 Status Report`, `# Sprint Change Proposal`) holds none.
  if (aboutItems(name, firstTitle, vocab)) return { ...base, silent: true };

  // 3. the file name, unless the title says the file is a page of stories (`EPIC-14-stories.md`, `# User Stories: EPIC-14`)
  const storyPage = !title && firstTitle !== undefined && startsWithBacklogPageWord(firstTitle, vocab);
  const byName = name && !storyPage ? fileNameType(name, vocab, title) : undefined;
  if (byName === 'silent') return { ...base, silent: true };
  if (byName) {
    // The title's id as written (`Epic 10`) reads better than the name's (`epic_10`).
    return { ...base, artifact: byName.artifact, detectedBy: 'file-name', id: title?.id ?? byName.id, title: title?.section };
  }

  // 4. the first heading
  if (title) return { ...base, artifact: title.artifact, detectedBy: 'heading', id: title.id, title: title.section };
  return base;
}

function firstLevel2Line(doc: ParsedDocument): number {
  return doc.sections.find((section) => section.kind === 'heading' && section.level >= 2)?.line ?? Number.MAX_SAFE_INTEGER;
}

function bodyTypeField(doc: ParsedDocument, table: RulesTable): Field | undefined {
  const limit = firstLevel2Line(doc);
  return doc.fields.find(
    (field) => field.source === 'body' && field.line !== undefined && field.line < limit && table.detection.bodyTypeKeys.includes(field.normalizedKey) && field.values[0]?.text.trim(),
  );
}

/** `feature`, `**Feature**`, `Enabler (Infrastructure)` -> the type words. */
function stripDecoration(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s*\(.*\)\s*$/, '').trim();
}

/** A file's name as detection reads it: without its folders, without `.md`, and the item head it starts with. */
interface FileName {
  base: string;
  stem: string;
  head: ItemHead | undefined;
}

function nameOf(fileName: string, vocab: Vocabulary): FileName {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.(?:md|markdown)$/i, '');
  return { base, stem, head: readItemHead(stem, vocab) };
}

/** A file name that names its type: `.feature.md`, a type word, or an id at its start. */
function fileNameType({ base, stem, head }: FileName, vocab: Vocabulary, title: TitleHead | undefined): { artifact: ArtifactEntry; id?: string } | 'silent' | undefined {
  const { table } = vocab;
  const suffix = FILE_SUFFIX.exec(base);
  if (suffix) {
    const artifact = table.artifacts.find((candidate) => candidate.id === suffix[1].toLowerCase());
    if (artifact) return { artifact };
  }
  const { genericFileNames, notItemFileWords } = table.detection;
  if (genericFileNames.includes(stem.toLowerCase())) return undefined;
  const words = stem.toLowerCase().split(/[-_.\s]+/).filter(Boolean);
  // `tasks.md`, `bugs-sprint-3.md`: the plural says so as well as the word.
  if (words.some((word) => isWorkItemWord(word, vocab) || (word.endsWith('s') && isWorkItemWord(word.slice(0, -1), vocab)))) return 'silent';
  // `user-story-map.md` is about stories; `US-7-dependency-updates.md` is still US-7.
  if (!namesByAbbreviation(head, vocab) && words.some((word) => notItemFileWords.includes(word))) return undefined;
  const named = typeNamesInWords(words, vocab);
  // A name may spell the path to the item (`epic-2-story-2.1-validation.md`): the heading, when it names one
  // of its types, says which is meant; else an id at the start; else the last type name with a number (the
  // path's end), else the first (`epic-and-story-structure.md` is about epics first).
  const agreed = title && (head?.artifact === title.artifact || named.some(({ artifact }) => artifact === title.artifact)) ? title.artifact : undefined;
  if (head?.artifact && !head.byTypeName && (!agreed || agreed === head.artifact)) return { artifact: head.artifact, id: head.id };
  if (named.length === 0) return undefined;
  const numbered = named.filter(({ numbered }) => numbered);
  const artifact = agreed ?? (numbered.length ? numbered[numbered.length - 1] : named[0]).artifact;
  const id = head?.artifact === undefined || head.artifact === artifact ? head?.id : undefined;
  return { artifact, id: id ?? projectKeyHead(stem) };
}

/** The type names that are whole words of a name, in order, each the longest it can be (`enabler story`). */
function typeNamesInWords(words: readonly string[], vocab: Vocabulary): { artifact: ArtifactEntry; numbered: boolean }[] {
  const found: { artifact: ArtifactEntry; numbered: boolean }[] = [];
  for (let i = 0; i < words.length; ) {
    let length = Math.min(3, words.length - i);
    for (; length >= 1; length--) {
      const artifact = vocab.byTypeName.get(words.slice(i, i + length).join(' '));
      if (artifact) {
        found.push({ artifact, numbered: /^\d/.test(words[i + length] ?? '') });
        break;
      }
    }
    i += Math.max(length, 1);
  }
  return found;
}

// A project key at the start of a file name (`CLVN-001-EPIC-rooms.md`): the item's id, of no type by itself.
const PROJECT_KEY_HEAD = /^[A-Z][A-Z0-9]{1,9}-\d+(?![\p{L}\p{N}])/u;

function projectKeyHead(stem: string): string | undefined {
  return PROJECT_KEY_HEAD.exec(stem)?.[0];
}

/**
 * Whether the file name or first title says the document is about items (a proposal, a checklist, a status
 * report) rather than one of them; an id with a known prefix at the start of either names an item.
 */
function aboutItems(name: FileName | undefined, firstTitle: string | undefined, vocab: Vocabulary): boolean {
  const { aboutItemsWords, reportTitleWords } = vocab.table.detection;
  const stem = name?.stem ?? '';
  const nameHead = name?.head;
  const titleHead = firstTitle ? readItemHead(firstTitle, vocab) : undefined;
  // `review-queue.story.md`, `US-12-review.md`, `# EN-001: Domain Analysis`: the name or title names the item.
  if (FILE_SUFFIX.test(`${stem}.md`) || namesByAbbreviation(nameHead, vocab) || namesByAbbreviation(titleHead, vocab)) return false;
  if (vocab.aboutItems.test(splitCamelCase(stem))) return true;
  if (!firstTitle) return false;
  if (!titleHead) return vocab.aboutItems.test(firstTitle);
  // `# Story 2.4: Status page` names the item; `# Story 2.4 Status Report` reports on it.
  if (!titleHead.id || SEPARATOR_MARK.test(firstTitle.slice(0, titleHead.length))) return false;
  const [first, second] = wordsOf(firstTitle.slice(titleHead.length));
  return [first, second].some((word) => word !== undefined && (aboutItemsWords.includes(word) || reportTitleWords.includes(word)));
}

/** `User Stories: EPIC-14`, `Backlog`: a title that starts by calling the page a backlog or a list of stories. */
function startsWithBacklogPageWord(title: string, vocab: Vocabulary): boolean {
  const match = vocab.backlogPage.exec(normalizeTitle(title));
  return match?.index === 0;
}

/** An id whose prefix is an abbreviation (`US-12`, `EN-930`), not a type name (`Story 2.4`, `EPIC-7`): it names one item. */
function namesByAbbreviation(head: ItemHead | undefined, vocab: Vocabulary): boolean {
  if (!head || head.byTypeName || !head.id) return false;
  const prefix = /^\p{L}+/u.exec(head.id)?.[0] ?? '';
  return !vocab.byTypeName.has(prefix.toLowerCase());
}

const SEPARATOR_MARK = /[:\-–—|]\s*$/;

/** The lower-case words of a name or title: `StoryStatus_2024` → story, status, 2024. */
function wordsOf(text: string): string[] {
  return splitCamelCase(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A skill, agent or prompt for an AI tool (`.claude/…`, `skills/epic.md` with `name:` and `description:`): no item. */
function isToolPrompt(fileName: string | undefined, frontFields: readonly Field[], table: RulesTable): boolean {
  if (!fileName) return false;
  const folders = fileName.toLowerCase().split(/[\\/]/).slice(0, -1);
  const { toolFolders, toolPromptFolders, toolPromptKeys } = table.detection;
  if (folders.some((folder) => toolFolders.includes(folder))) return true;
  return folders.some((folder) => toolPromptFolders.includes(folder)) && toolPromptKeys.every((key) => frontFields.some((field) => field.normalizedKey === key));
}

/** A GitHub issue template: front matter with `name:` and `about:`. */
function isIssueTemplate(frontFields: readonly Field[], table: RulesTable): boolean {
  return table.detection.issueTemplateKeys.every((key) => frontFields.some((field) => field.normalizedKey === key));
}

/** The type a template's `name`, `title` or `labels` say exactly (`User Story`, `[Epic]`, `labels: enabler, story`). */
function issueTemplateType(frontFields: readonly Field[], table: RulesTable): ArtifactEntry | undefined {
  const parts: string[] = [];
  for (const key of table.detection.issueTemplateTypeKeys) {
    const field = frontFields.find((candidate) => candidate.normalizedKey === key);
    for (const value of field?.values ?? []) parts.push(...value.text.split(/[,;]/));
  }
  // A value that is a type name (`labels: STORY`) says more than a type word inside a name (`Feature-UserStory`).
  for (const part of parts) {
    const words = part.replace(/[\p{Extended_Pictographic}\u{FE0F}[\]():*"'`]/gu, ' ').replace(/\btemplate\b/i, '').trim();
    const artifact = words && artifactByTypeName(words, table);
    if (artifact) return artifact;
  }
  for (const part of parts) {
    const artifact = typeInName(part, vocabulary(table));
    if (artifact) return artifact;
  }
  return undefined;
}

/**
 * The type a template's name holds as whole words (`Entities_Epic.md`, `New user story`), unless a word says it
 * makes something else (`Bug report`, `Feature request`).
 */
function typeInName(name: string, vocab: Vocabulary): ArtifactEntry | undefined {
  const words = wordsOf(name);
  const { notItemFileWords } = vocab.table.detection;
  if (words.some((word) => isWorkItemWord(word, vocab) || notItemFileWords.includes(word))) return undefined;
  return typeNamesInWords(words, vocab)[0]?.artifact;
}

/** A file whose field values are placeholders (`[Name]`, `<role>`) is a template to fill in. */
function hasPlaceholderValues(doc: ParsedDocument): boolean {
  return doc.fields.some((field) => field.values.some((value) => PLACEHOLDER_VALUE.test(value.text.trim())));
}

/**
 * The artifact named by a type line of front matter that is not valid YAML:
 * the rest of the file is still checked as that artifact.
 */
export function typeInBrokenFrontMatter(doc: ParsedDocument, table: RulesTable): ArtifactEntry | undefined {
  const frontMatter = doc.frontMatter;
  if (!frontMatter?.problem) return undefined;
  const yaml = doc.text.slice(frontMatter.yamlStart, Math.min(frontMatter.yamlEnd, frontMatter.yamlStart + 4096));
  for (const line of yaml.split(/\r?\n/)) {
    const typeLine = /^([\w -]+?)[ \t]*:[ \t]*["']?([^"'\r\n#]+)/.exec(line);
    if (typeLine && table.detection.typeKeys.includes(normalizeName(typeLine[1]).replace(/ /g, '-'))) {
      return artifactByTypeName(typeLine[2].trim(), table);
    }
  }
  return undefined;
}

/** `type: feature` plus `enabler: <kind>` (or another kind key) is an enabler feature. */
function withEnablerKind(artifact: ArtifactEntry, fields: readonly Field[], table: RulesTable): ArtifactEntry {
  if (artifact.enabler) return artifact;
  const enablerField = fields.find((field) => table.enablerKindFields.includes(field.normalizedKey));
  if (!enablerField) return artifact;
  const value = enablerField.values[0]?.text.trim().toLowerCase() ?? '';
  if (!enablerField.isTrue && (NOT_AN_ENABLER.has(value) || isPlaceholder(value, table))) return artifact;
  return table.artifacts.find((candidate) => candidate.enabler && candidate.base === artifact.id) ?? artifact;
}
