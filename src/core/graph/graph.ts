import { vocabulary } from '../items/vocabulary';
import type { Vocabulary } from '../items/vocabulary';
import type { RulesTable } from '../rules/types';
import { dirname, folderNames, pathKey, resolvePath, sharedFolders, withinReach } from './paths';
import { folderId, keyPrefix, normalizeId, normalizeTitle, readParentReference } from './references';
import type { ParentReference } from './references';
import { describingWords, keyWord, TitleWordIndex } from './titleWords';
import type { FileRecord, GraphItem } from './record';
import type { Range } from '../types';

/** How an item found its parent (SPEC §7), or why its parent field found none. */
export interface ParentLink {
  parent?: GraphItem;
  via?: 'field' | 'nesting' | 'folder';
  /** True when the parent field named the parent by its title. */
  byTitle?: boolean;
  /** The parent field names an id, file or title that no item has. */
  missing?: MissingParent;
}

export type MissingParent =
  | { kind: 'id'; id: string; reportable: boolean }
  | { kind: 'link'; target: string }
  | { kind: 'title'; title: string };

export interface GraphOptions {
  /** Whether a file exists that the index does not hold (the CLI indexes only the paths it was given). */
  exists?: (file: string) => boolean;
}

/**
 * The backlog as a graph: every item of every indexed file, by id, title and
 * file, with its parent resolved as SPEC §7 orders the evidence and its
 * children. Updated one file at a time: each resolution remembers which ids,
 * titles and files it looked up, so a change re-resolves only the items that
 * read what changed. Pure: files are keys (paths or URI strings), never read.
 */
export class BacklogGraph {
  private readonly records = new Map<string, FileRecord>();
  private readonly byId = new Map<string, Set<GraphItem>>();
  private readonly byTitle = new Map<string, Set<GraphItem>>();
  private readonly prefixCounts = new Map<string, number>();
  private readonly links = new Map<GraphItem, ParentLink>();
  private readonly childSets = new Map<GraphItem, Set<GraphItem>>();
  /** Lookup key (`id:…`, `title:…`, `file:…`, `prefix:…`) → the items whose parent depends on it. */
  private readonly dependents = new Map<string, Set<GraphItem>>();
  private readonly reads = new Map<GraphItem, string[]>();
  /** Items whose parent field is a title that matches nothing: reported only once the workspace links by title. */
  private readonly titleMisses = new Set<GraphItem>();
  private titleLinks = 0;
  /** The titles in order, so that a "did you mean" among equally close titles does not depend on the order files came in. */
  private sortedTitles: string[] | undefined;
  /** The id each folder name gives (folders repeat across thousands of files; the vocabulary is the graph's). */
  private readonly folderIds = new Map<string, string | null>();
  /** Titles by their words, made on the first parent value that describes its parent (titleWords.ts), then kept. */
  private titleWordIndex: TitleWordIndex | undefined;
  readonly vocab: Vocabulary;

  constructor(
    readonly table: RulesTable,
    private readonly options: GraphOptions = {},
  ) {
    this.vocab = vocabulary(table);
  }

  /**
   * Replaces what the index knows of one file; returns the files whose graph
   * findings may have changed. When nothing the graph reads has changed (a
   * keystroke in a description), the index keeps the item objects it holds
   * and gives them the new record's values (roles, finding counts, status).
   */
  update(record: FileRecord): Set<string> {
    const affected = new Set<string>([record.file]);
    const old = this.records.get(pathKey(record.file));
    if (old && old.file === record.file && sameForGraph(old, record)) {
      old.items.forEach((item, i) => replaceFields(item, record.items[i]));
      this.records.set(pathKey(record.file), { ...record, items: old.items });
      return affected;
    }
    const touched = new Set<string>();
    const titleLinksBefore = this.titleLinks;
    if (old) this.detach(old, touched, affected);
    this.records.set(pathKey(record.file), record);
    this.attach(record, touched, affected);
    this.relink(touched, record.items, affected);
    this.noteTitleUse(titleLinksBefore, affected);
    // A new file changes the titles when it has one (the same test as comparing titlesOf, without making the strings).
    if (this.titleMisses.size && (old ? titlesOf(old) !== titlesOf(record) : record.items.some((item) => item.title))) this.noteTitleChange(affected);
    return affected;
  }

  /**
   * Fills an empty graph with many files at once (a persisted index): every
   * item is added, then each is resolved once against all of them, instead
   * of re-resolving the items a new file touches file after file. The same
   * graph as updating one file at a time (a later record of a file replaces
   * an earlier one). On a graph that holds files already, it is `update` per record.
   */
  load(records: Iterable<FileRecord>): void {
    for (const _ of this.loading(records)) {
      // Runs to the end.
    }
  }

  /** `load` in steps: yields after every `step` items, so a caller can give way between slices. */
  *loading(records: Iterable<FileRecord>, step = 500): Generator<void, void, void> {
    if (this.records.size) {
      let done = 0;
      for (const record of records) {
        this.update(record);
        done += record.items.length + 1;
        if (done >= step) {
          done = 0;
          yield;
        }
      }
      return;
    }
    const byKey = new Map<string, FileRecord>();
    for (const record of records) {
      byKey.delete(pathKey(record.file));
      byKey.set(pathKey(record.file), record);
    }
    let done = 0;
    for (const [key, record] of byKey) {
      this.records.set(key, record);
      for (const item of record.items) {
        if (item.id) {
          addTo(this.byId, normalizeId(item.id), item);
          const prefix = keyPrefix(item.id);
          if (prefix) this.prefixCounts.set(prefix, (this.prefixCounts.get(prefix) ?? 0) + 1);
        }
        if (item.title) {
          addTo(this.byTitle, normalizeTitle(item.title), item);
          this.titleWordIndex?.add(item);
        }
      }
      done += record.items.length + 1;
      if (done >= step) {
        done = 0;
        yield;
      }
    }
    this.sortedTitles = undefined;
    for (const record of byKey.values()) {
      for (const item of record.items) this.link(item);
      done += record.items.length + 1;
      if (done >= step) {
        done = 0;
        yield;
      }
    }
  }

  /** Forgets a deleted file; returns the files whose graph findings may have changed. */
  remove(file: string): Set<string> {
    const affected = new Set<string>();
    const old = this.records.get(pathKey(file));
    if (!old) return affected;
    const touched = new Set<string>();
    const titleLinksBefore = this.titleLinks;
    this.detach(old, touched, affected);
    this.records.delete(pathKey(file));
    affected.delete(old.file);
    this.relink(touched, [], affected);
    this.noteTitleUse(titleLinksBefore, affected);
    if (this.titleMisses.size && titlesOf(old)) this.noteTitleChange(affected);
    return affected;
  }

  /** A moved file is removed and indexed again under its new name (its id may come from the name). */
  rename(from: string, record: FileRecord): Set<string> {
    const affected = this.remove(from);
    for (const file of this.update(record)) affected.add(file);
    return affected;
  }

  has(file: string): boolean {
    return this.records.has(pathKey(file));
  }

  record(file: string): FileRecord | undefined {
    return this.records.get(pathKey(file));
  }

  files(): string[] {
    return [...this.records.values()].map((record) => record.file).sort();
  }

  *items(): IterableIterator<GraphItem> {
    for (const record of this.records.values()) yield* record.items;
  }

  get size(): number {
    let count = 0;
    for (const record of this.records.values()) count += record.items.length;
    return count;
  }

  /** Items with this id (ignoring case and the prefix separator), nearest to `fromFile` first. */
  itemsWithId(id: string, fromFile?: string): GraphItem[] {
    const found = [...(this.byId.get(normalizeId(id)) ?? [])];
    return fromFile ? byNearness(found, fromFile) : found.sort(compareItems);
  }

  /** The innermost item of `file` that holds zero-based `line`. */
  itemAt(file: string, line: number): GraphItem | undefined {
    let found: GraphItem | undefined;
    for (const item of this.record(file)?.items ?? []) {
      if (item.line <= line && line < Math.max(item.endLine, item.line + 1)) found = item;
    }
    return found;
  }

  /** The item with this key (`file#line`). */
  item(key: string): GraphItem | undefined {
    const hash = key.lastIndexOf('#');
    const line = Number(key.slice(hash + 1));
    return this.record(key.slice(0, hash))?.items.find((item) => item.line === line);
  }

  parentLink(item: GraphItem): ParentLink {
    return this.links.get(item) ?? {};
  }

  parentOf(item: GraphItem): GraphItem | undefined {
    return this.links.get(item)?.parent;
  }

  /** The items whose parent is `item`, by file and line. */
  childrenOf(item: GraphItem): GraphItem[] {
    return [...(this.childSets.get(item) ?? [])].sort(compareItems);
  }

  /** Whether some child of `item` passes `test` (no sorting: for a tree that only needs to know whether to show a twistie). */
  someChild(item: GraphItem, test: (child: GraphItem) => boolean): boolean {
    for (const child of this.childSets.get(item) ?? []) if (test(child)) return true;
    return false;
  }

  /**
   * The items at the top: those without a parent, and one item of each parent
   * loop (the first by file and line), so every item is reachable from here.
   */
  topItems(): GraphItem[] {
    const top: GraphItem[] = [];
    for (const item of this.items()) {
      if (!this.links.get(item)?.parent || this.loopOf(item)?.[0] === item) top.push(item);
    }
    return top.sort(compareItems);
  }

  /** Whether the item's type expects a parent that it does not have. */
  isOrphan(item: GraphItem): boolean {
    if (this.links.get(item)?.parent) return false;
    const parents = this.artifact(item.type)?.parents;
    return parents !== undefined && parents.length > 0;
  }

  /** The loop of parents `item` is part of, starting with its first item by file and line; undefined when none. */
  loopOf(item: GraphItem): GraphItem[] | undefined {
    const seen = new Set<GraphItem>();
    for (let at: GraphItem | undefined = this.links.get(item)?.parent; at; at = this.links.get(at)?.parent) {
      if (at === item) {
        const loop = [item];
        for (let next = this.links.get(item)?.parent; next && next !== item; next = this.links.get(next)?.parent) loop.push(next);
        const first = loop.reduce((a, b) => (compareItems(a, b) <= 0 ? a : b));
        const start = loop.indexOf(first);
        return [...loop.slice(start), ...loop.slice(0, start)];
      }
      if (seen.has(at)) return undefined;
      seen.add(at);
    }
    return undefined;
  }

  /** Whether some parent field in the workspace names its parent by title (then a title that matches none is worth a finding). */
  linksByTitle(): boolean {
    return this.titleLinks > 0;
  }

  titles(): string[] {
    this.sortedTitles ??= [...this.byTitle.keys()].sort();
    return this.sortedTitles;
  }

  /** An item with this exact title (case and spacing aside), nearest to `fromFile`. */
  itemWithTitle(title: string, fromFile: string): GraphItem | undefined {
    return nearestInReach([...(this.byTitle.get(normalizeTitle(title)) ?? [])], fromFile);
  }

  /** What a reference written in `fromFile` (a parent value, an id, a link) points at, as SPEC §7 reads it. */
  resolveReference(text: string, fromFile: string, self?: GraphItem): GraphItem | undefined {
    const reference = readParentReference(text, this.vocab);
    return reference ? this.follow(reference, fromFile, self, []).parent : undefined;
  }

  artifact(type: string) {
    return this.table.artifacts.find((artifact) => artifact.id === type);
  }

  private detach(record: FileRecord, touched: Set<string>, affected: Set<string>): void {
    // A link to a file with no items still finds the file (and then no parent): its coming and going is a change.
    touched.add(`file:${pathKey(record.file)}`);
    for (const item of record.items) {
      for (const key of lookupKeys(item, record)) touched.add(key);
      if (item.id) {
        const id = normalizeId(item.id);
        removeFrom(this.byId, id, item);
        for (const other of this.byId.get(id) ?? []) affected.add(other.file);
        const prefix = keyPrefix(item.id);
        if (prefix) this.prefixCounts.set(prefix, (this.prefixCounts.get(prefix) ?? 1) - 1);
      }
      const title = normalizeTitle(item.title);
      removeFrom(this.byTitle, title, item);
      if (!this.byTitle.has(title)) this.sortedTitles = undefined;
      this.indexTitleWords(item, 'remove', touched);
      this.noteLoop(item, affected);
      this.unlink(item);
      this.childSets.delete(item);
    }
  }

  private attach(record: FileRecord, touched: Set<string>, affected: Set<string>): void {
    touched.add(`file:${pathKey(record.file)}`);
    for (const item of record.items) {
      for (const key of lookupKeys(item, record)) touched.add(key);
      if (item.id) {
        const id = normalizeId(item.id);
        for (const other of this.byId.get(id) ?? []) affected.add(other.file);
        addTo(this.byId, id, item);
        const prefix = keyPrefix(item.id);
        if (prefix) this.prefixCounts.set(prefix, (this.prefixCounts.get(prefix) ?? 0) + 1);
      }
      if (!item.title) continue;
      const title = normalizeTitle(item.title);
      if (!this.byTitle.has(title)) this.sortedTitles = undefined;
      addTo(this.byTitle, title, item);
      this.indexTitleWords(item, 'add', touched);
    }
  }

  /** Keeps the title word index (once made) in step with an item that comes or goes, touching the keys of its words. */
  private indexTitleWords(item: GraphItem, change: 'add' | 'remove', touched: Set<string>): void {
    if (!this.titleWordIndex || !item.title) return;
    for (const word of this.titleWordIndex[change](item)) touched.add(`word:${word}`);
  }

  private titleWords(): TitleWordIndex {
    if (!this.titleWordIndex) {
      this.titleWordIndex = new TitleWordIndex();
      for (const items of this.byTitle.values()) for (const item of items) this.titleWordIndex.add(item);
    }
    return this.titleWordIndex;
  }

  /**
   * The item a parent value describes by the words of its title (titleWords.ts):
   * one of the types the child may have as parent, not a summary, and the only
   * such item, or the nearest of several that share one id (a row in an
   * overview and the item's own file).
   */
  private describedParent(value: string, fromFile: string, self: GraphItem, reads: string[]): GraphItem | undefined {
    const words = describingWords(value);
    if (!words) return undefined;
    // Any title that comes to hold all the words holds this one: its change relinks the child.
    reads.push(`word:${keyWord(words)}`);
    const allowed = this.artifact(self.type)?.parents;
    let candidates = this.titleWords().holdingAll(words)
      .filter((candidate) => candidate !== self && !candidate.summary && (!allowed || allowed.includes(candidate.type)));
    // A grouping heading stands for an item written elsewhere: that item is the one described.
    if (candidates.length > 1) candidates = candidates.filter((candidate) => !candidate.groupsOnly);
    if (candidates.length <= 1) return candidates[0];
    const id = candidates[0].id ? normalizeId(candidates[0].id) : undefined;
    if (!id || candidates.some((candidate) => !candidate.id || normalizeId(candidate.id) !== id)) return undefined;
    return byNearness(candidates, fromFile)[0];
  }

  /** Resolves again the new items and every item that read a touched key. */
  private relink(touched: Set<string>, fresh: readonly GraphItem[], affected: Set<string>): void {
    const dirty = new Set<GraphItem>(fresh);
    for (const key of touched) for (const item of this.dependents.get(key) ?? []) dirty.add(item);
    for (const item of dirty) {
      this.noteLoop(item, affected);
      // A parent in another file (a field, a folder, a grouping heading's item) holds findings about its children.
      const before = this.links.get(item)?.parent;
      // (Not a file just removed: nothing is published for it.)
      if (before && this.records.has(pathKey(before.file))) affected.add(before.file);
      this.unlink(item);
      this.link(item);
      const after = this.links.get(item)?.parent;
      if (after) affected.add(after.file);
      this.noteLoop(item, affected);
      affected.add(item.file);
      // The children's parent-type findings read this item's type.
      for (const child of this.childSets.get(item) ?? []) affected.add(child.file);
    }
  }

  /** A loop's finding is on its first item and names every member: a loop that forms or breaks changes the findings of all. */
  private noteLoop(item: GraphItem, affected: Set<string>): void {
    for (const member of this.loopOf(item) ?? []) affected.add(member.file);
  }

  private noteTitleUse(before: number, affected: Set<string>): void {
    if (before > 0 === this.titleLinks > 0) return;
    for (const item of this.titleMisses) affected.add(item.file);
  }

  /** A title (or where its item is) changed: a "did you mean" of any title that matches nothing may name another item now. */
  private noteTitleChange(affected: Set<string>): void {
    for (const item of this.titleMisses) affected.add(item.file);
  }

  private link(item: GraphItem): void {
    const reads: string[] = [];
    const link = this.resolve(item, reads);
    this.links.set(item, link);
    this.reads.set(item, reads);
    for (const key of reads) addTo(this.dependents, key, item);
    if (link.parent) addTo(this.childSets, link.parent, item);
    if (link.byTitle) this.titleLinks++;
    if (link.missing?.kind === 'title') this.titleMisses.add(item);
  }

  private unlink(item: GraphItem): void {
    const link = this.links.get(item);
    if (!link) return;
    const reads = this.reads.get(item) ?? [];
    if (link.parent) removeFrom(this.childSets, link.parent, item);
    if (link.byTitle) this.titleLinks--;
    this.titleMisses.delete(item);
    for (const key of reads) removeFrom(this.dependents, key, item);
    this.links.delete(item);
    this.reads.delete(item);
  }

  private resolve(item: GraphItem, reads: string[]): ParentLink {
    let missing: MissingParent | undefined;
    if (item.parentRef) {
      const reference = readParentReference(item.parentRef.text, this.vocab);
      if (reference) {
        const followed = this.follow(reference, item.file, item, reads);
        if (followed.parent) return { parent: followed.parent, via: 'field', ...(followed.byTitle ? { byTitle: true } : {}) };
        missing = followed.missing;
        // A missing id or link is the parent the author meant: nesting and folders do not stand in for it.
        if (missing && (missing.kind === 'link' || (missing.kind === 'id' && missing.reportable))) return { missing };
      }
    }
    const found = this.nestingParent(item, reads) ?? this.folderParent(item, reads);
    return { ...found, ...(missing ? { missing } : {}) };
  }

  private nestingParent(item: GraphItem, reads: string[]): ParentLink | undefined {
    if (item.nestedIn === undefined) return undefined;
    const parent = this.record(item.file)?.items[item.nestedIn];
    if (!parent) return undefined;
    return { parent: (parent.groupsOnly && this.writtenElsewhere(parent, reads)) || parent, via: 'nesting' };
  }

  /**
   * The item a grouping heading names (`### EPIC 1: Core Property-Management` in an overview,
   * over the epic's features): the one other item of its type with its id, else with its
   * title, that is not itself a summary. None when there is no such item, or more than one.
   */
  private writtenElsewhere(heading: GraphItem, reads: string[]): GraphItem | undefined {
    const only = (candidates: Iterable<GraphItem>) => {
      let found: GraphItem | undefined;
      for (const candidate of candidates) {
        if (candidate === heading || candidate.summary || candidate.type !== heading.type) continue;
        if (found) return undefined;
        found = candidate;
      }
      return found;
    };
    // Its id first (`### EPIC-7: Search` names EPIC-7 whatever its title there), then its title.
    if (heading.id) {
      const id = normalizeId(heading.id);
      reads.push(`id:${id}`);
      const byId = only(this.byId.get(id) ?? []);
      if (byId) return byId;
    }
    const title = normalizeTitle(heading.title);
    if (!title) return undefined;
    reads.push(`title:${title}`);
    return only(this.byTitle.get(title) ?? []);
  }

  /** A file item in a folder named after an item id, or in a folder below one (SPEC §7, folders). */
  private folderParent(item: GraphItem, reads: string[]): ParentLink | undefined {
    if (item.shape !== 'file') return undefined;
    const folders = folderNames(item.file);
    const own = item.id ? normalizeId(item.id) : undefined;
    for (const name of folders.slice(-2).reverse()) {
      let id = this.folderIds.get(name);
      if (id === undefined) {
        const found = folderId(name, this.vocab);
        id = found ? normalizeId(found) : null;
        this.folderIds.set(name, id);
      }
      if (!id || id === own) continue;
      reads.push(`id:${id}`);
      // A folder named after an id names its parent outright (SPEC §7): the nearest item with that id, however far.
      const parent = this.nearestWithId(id, item.file, item, false);
      if (parent) return { parent, via: 'folder' };
    }
    return undefined;
  }

  private follow(reference: ParentReference, fromFile: string, self: GraphItem | undefined, reads: string[]): { parent?: GraphItem; byTitle?: boolean; missing?: MissingParent } {
    if (reference.kind === 'link') {
      const target = resolvePath(dirname(fromFile), reference.target);
      reads.push(`file:${pathKey(target)}`);
      const record = this.record(target);
      if (record) {
        const top = record.items.find((candidate) => candidate.nestedIn === undefined && candidate !== self);
        return top ? { parent: top } : {};
      }
      if (reference.id) {
        reads.push(`id:${normalizeId(reference.id)}`);
        const parent = this.nearestWithId(reference.id, fromFile, self);
        if (parent) return { parent };
      }
      if (this.options.exists?.(target)) return {};
      return { missing: { kind: 'link', target: reference.target } };
    }
    if (reference.kind === 'id') {
      const id = normalizeId(reference.id);
      reads.push(`id:${id}`);
      // An item that names its own id is its own parent: a loop of one, not a missing id.
      const parent = this.nearestWithId(reference.id, fromFile, self) ?? (self?.id && normalizeId(self.id) === id ? self : undefined);
      if (parent) return { parent };
      // A project key (`PROJ-123`) may live in another tool; it is ours once the workspace has items with that prefix.
      const prefix = reference.known ? undefined : keyPrefix(reference.id);
      if (prefix) reads.push(`prefix:${prefix}`);
      // An id that only another backlog of the workspace has (out of reach) is not missing here: it is not ours.
      const elsewhere = [...(this.byId.get(id) ?? [])].some((candidate) => candidate !== self);
      const reportable = !elsewhere && (reference.known || (prefix !== undefined && (this.prefixCounts.get(prefix) ?? 0) > 0));
      return { missing: { kind: 'id', id: reference.id, reportable } };
    }
    // An id with no number (`EPIC-core-property-management`) is still an id once some item has it.
    reads.push(`id:${normalizeId(reference.title)}`);
    const byId = this.nearestWithId(reference.title, fromFile, self);
    if (byId) return { parent: byId };
    for (const title of [reference.title, reference.untyped]) {
      if (!title) continue;
      reads.push(`title:${normalizeTitle(title)}`);
      const parent = nearestInReach([...(this.byTitle.get(normalizeTitle(title)) ?? [])].filter((candidate) => candidate !== self), fromFile);
      if (parent) return { parent, byTitle: true };
    }
    // Not `byTitle`: a workspace whose parents are only described does not name them by title, and its misses stay unreported.
    // `Feature: File Reading` describes by its words after the type name.
    const described = self && this.describedParent(reference.untyped ?? reference.title, fromFile, self, reads);
    if (described) return { parent: described };
    return { missing: { kind: 'title', title: reference.title } };
  }

  private nearestWithId(id: string, fromFile: string, self?: GraphItem, inReach = true): GraphItem | undefined {
    const candidates = [...(this.byId.get(normalizeId(id)) ?? [])].filter((candidate) => candidate !== self);
    return inReach ? nearestInReach(candidates, fromFile) : byNearness(candidates, fromFile)[0];
  }
}

/** Whether two records of one file hold the same items as far as the graph and its findings read them. */
function sameForGraph(a: FileRecord, b: FileRecord): boolean {
  if (a.items.length !== b.items.length) return false;
  return a.items.every((x, i) => {
    const y = b.items[i];
    return x.key === y.key && x.type === y.type && x.shape === y.shape && x.id === y.id && x.title === y.title && x.line === y.line && x.endLine === y.endLine
      && sameRange(x.anchor, y.anchor) && x.parentRef?.text === y.parentRef?.text && sameRange(x.parentRef?.range, y.parentRef?.range)
      && x.nestedIn === y.nestedIn && x.template === y.template && x.summary === y.summary && x.groupsOnly === y.groupsOnly && x.suppressed.join() === y.suppressed.join();
  });
}

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  if (!a || !b) return a === b;
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `target` takes every field of `source` (and drops those `source` lacks), keeping its identity. */
function replaceFields(target: GraphItem, source: GraphItem): void {
  for (const key of Object.keys(target) as (keyof GraphItem)[]) if (!(key in source)) delete target[key];
  Object.assign(target, source);
}

/** The titles of a file's items, their ids and where they are named, as one string to compare an update by. */
function titlesOf(record: FileRecord | undefined): string {
  let titles = '';
  // A "did you mean" points at the item: its id and place are part of the finding.
  for (const item of record?.items ?? []) if (item.title) titles += `${JSON.stringify(item.anchor)} ${item.id ?? ''} ${item.title}\n`;
  return titles;
}

/** The keys other items may have looked up to find this one. */
function lookupKeys(item: GraphItem, record: FileRecord): string[] {
  const keys = [`file:${pathKey(record.file)}`, `title:${normalizeTitle(item.title)}`];
  if (item.id) keys.push(`id:${normalizeId(item.id)}`);
  const prefix = item.id ? keyPrefix(item.id) : undefined;
  if (prefix) keys.push(`prefix:${prefix}`);
  return keys;
}

/** Items sharing the most folders with `file` first, then by file and line: a deterministic choice among equals. */
/** The nearest of the items to `file`, if it is within reach (paths.ts MAX_LINK_SPREAD). */
function nearestInReach(items: GraphItem[], file: string): GraphItem | undefined {
  const nearest = byNearness(items, file)[0];
  return nearest && withinReach(nearest.file, file) ? nearest : undefined;
}

function byNearness(items: GraphItem[], file: string): GraphItem[] {
  if (items.length < 2) return items;
  const shared = new Map(items.map((item) => [item, sharedFolders(pathKey(item.file), pathKey(file))]));
  return items.sort((a, b) => shared.get(b)! - shared.get(a)! || compareItems(a, b));
}

export function compareItems(a: GraphItem, b: GraphItem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (!set.size) map.delete(key);
}
