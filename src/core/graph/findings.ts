import { formatMessage } from '../rules/messages';
import type { ArtifactEntry } from '../rules/types';
import { closest } from '../roles/suggest';
import type { Finding, Range, RelatedPlace, Severity } from '../types';
import type { BacklogGraph } from './graph';
import { folderNames, pathKey, relativePath, withinReach } from './paths';
import { folderId, normalizeId, normalizeTitle } from './references';
import type { FileRecord, GraphItem, GraphRule } from './record';

/** The findings of the graph rules (unknown-parent, parent-type, duplicate-id) in one indexed file. */
export function graphFindings(graph: BacklogGraph, file: string): Finding[] {
  const record = graph.record(file);
  if (!record) return [];
  const findings: Finding[] = [];
  const report = (rule: GraphRule, item: GraphItem, where: 'anchor' | 'parent', template: string, values: Record<string, string>, related: RelatedPlace[] = []) => {
    if (item.suppressed.includes(`${rule}@${where}`)) return;
    const severity = severityOf(graph, record, rule);
    if (!severity) return;
    const range = where === 'parent' && item.parentRef ? item.parentRef.range : item.anchor;
    const entry = graph.table.rules.find((candidate) => candidate.id === rule);
    const finding: Finding = { rule, severity, message: formatMessage(entry?.messages[template] ?? template, values), range };
    if (related.length) finding.related = related;
    findings.push(finding);
  };
  for (const item of record.items) {
    if (item.template) continue;
    unknownParent(graph, item, report);
    parentType(graph, item, report);
    duplicateId(graph, item, report);
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}

type Report = (rule: GraphRule, item: GraphItem, where: 'anchor' | 'parent', template: string, values: Record<string, string>, related?: RelatedPlace[]) => void;

function unknownParent(graph: BacklogGraph, item: GraphItem, report: Report): void {
  const missing = graph.parentLink(item).missing;
  if (!missing || !item.parentRef) return;
  const values = { item: describe(graph, item), ref: item.parentRef.text };
  if (missing.kind === 'id' && missing.reportable) report('unknown-parent', item, 'parent', 'id', { ...values, id: missing.id });
  else if (missing.kind === 'link') report('unknown-parent', item, 'parent', 'link', { ...values, target: missing.target });
  else if (missing.kind === 'title' && graph.linksByTitle()) {
    // A free description ("the OAuth routes enabler") passes; a near miss of a real title is a typo worth pointing at.
    const suggestion = closestTitle(graph, missing.title, item);
    if (suggestion) report('unknown-parent', item, 'parent', 'title', { ...values, title: missing.title, suggestion: suggestion.title }, [placeOf(suggestion, 'The item with the closest title')]);
  }
}

function parentType(graph: BacklogGraph, item: GraphItem, report: Report): void {
  const loop = graph.loopOf(item);
  if (loop) {
    if (loop[0] === item) {
      const chain = [...loop, item].map((member) => member.id ?? member.title).join(' → ');
      report('parent-type', item, item.parentRef ? 'parent' : 'anchor', loop.length === 1 ? 'self' : 'loop', { chain }, loop.slice(1).map((member) => placeOf(member, 'Part of the loop')));
    }
    return;
  }
  const link = graph.parentLink(item);
  const child = graph.artifact(item.type);
  if (link.parent && link.via !== 'nesting' && child && !fits(child, link.parent.type)) {
    const parent = graph.artifact(link.parent.type);
    report('parent-type', item, link.via === 'field' ? 'parent' : 'anchor', link.via === 'field' ? 'field' : 'folder', {
      child: a(child.name),
      parent: a(parent?.name ?? link.parent.type),
      children: lower(child.plural),
      allowed: allowedParents(graph, child),
    }, [placeOf(link.parent, 'The parent')]);
  }
  // Items written inside this one that SAFe would not put under it: one finding on the container, not one per story.
  // In this file: the rows of an overview's grouping heading are nested there, not in the item it names.
  const nested = graph.childrenOf(item).filter((other) => graph.parentLink(other).via === 'nesting' && other.file === item.file);
  const misplaced = new Map<string, GraphItem[]>();
  for (const other of nested) {
    const artifact = graph.artifact(other.type);
    if (artifact && !fits(artifact, item.type)) misplaced.set(other.type, [...(misplaced.get(other.type) ?? []), other]);
  }
  const container = graph.artifact(item.type);
  for (const [type, members] of misplaced) {
    const artifact = graph.artifact(type)!;
    report('parent-type', item, 'anchor', 'nested', {
      count: String(members.length),
      children: lower(members.length === 1 ? artifact.name : artifact.plural),
      verb: members.length === 1 ? 'is' : 'are',
      parent: lower(container?.name ?? item.type),
      plural: lower(artifact.plural),
      allowed: allowedParents(graph, artifact),
    }, members.slice(0, 5).map((member) => placeOf(member, `${artifact.name} written inside`)));
  }
}

function duplicateId(graph: BacklogGraph, item: GraphItem, report: Report): void {
  if (!item.id || !definesId(item, graph)) return;
  const others = graph.itemsWithId(item.id).filter((other) => other !== item && definesId(other, graph) && clash(item, other, graph));
  if (!others.length) return;
  const first = others[0];
  report('duplicate-id', item, 'anchor', 'duplicate', {
    id: item.id,
    other: describe(graph, first),
    place: first.file === item.file ? `line ${first.line + 1}` : `${relativePath(item.file, first.file)}:${first.line + 1}`,
    more: others.length > 1 ? ` and ${others.length - 1} more` : '',
  }, others.map((other) => placeOf(other, `Also ${normalizeId(item.id!)}`)));
}

/**
 * A summary (a row, a list entry, any item of a sprint page) that repeats the
 * id of an item written in full elsewhere mentions it; it defines the id only
 * when nothing else has it. Templates define nothing.
 */
function definesId(item: GraphItem, graph: BacklogGraph): boolean {
  if (item.template) return false;
  if (!item.summary) return true;
  return !graph.itemsWithId(item.id!).some((other) => !other.summary && !other.template);
}

/**
 * Two items with one id clash unless one is a section of another file, they are out of reach, or their id-named folders part ways
 * (`PROJ-001-…/EPIC-001-…` and `PROJ-004-…/EPIC-001-…`, or an archived
 * `PROJ-006-…/SE-001/`: every project counts its own ids), and summaries
 * clash only within their file.
 */
function clash(a: GraphItem, b: GraphItem, graph: BacklogGraph): boolean {
  if ((a.summary || b.summary) && a.file !== b.file) return false;
  // `## Story 2.1: Create game` in an epic and `stories/2.1.create-game.md` titled the same: the plan's section
  // and the story's own file (as BMAD and many teams write them) are one story, not two.
  if (a.file !== b.file && (a.shape !== 'file' || b.shape !== 'file') && sameTitle(a, b)) return false;
  if (!withinReach(a.file, b.file)) return false;
  const left = idFolders(a.file, graph);
  const right = idFolders(b.file, graph);
  for (let at = 0; at < Math.min(left.length, right.length); at++) if (left[at] !== right[at]) return false;
  return true;
}

function sameTitle(a: GraphItem, b: GraphItem): boolean {
  const left = normalizeTitle(a.title);
  const right = normalizeTitle(b.title);
  return left !== '' && (left === right || left.startsWith(right) || right.startsWith(left));
}

/** The ids of the folders a file is in, outermost first (the folder of the item itself left out). */
function idFolders(file: string, graph: BacklogGraph): string[] {
  const ids = folderNames(pathKey(file)).flatMap((name) => {
    const id = folderId(name, graph.vocab);
    return id ? [normalizeId(id)] : [];
  });
  return ids;
}

function fits(child: ArtifactEntry, parentType: string): boolean {
  return child.parents === undefined || child.parents.includes(parentType);
}

function allowedParents(graph: BacklogGraph, child: ArtifactEntry): string {
  const names = (child.parents ?? []).map((type) => lower(graph.artifact(type)?.plural ?? type));
  if (!names.length) return 'nothing: it is at the top';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function closestTitle(graph: BacklogGraph, title: string, self: GraphItem): GraphItem | undefined {
  // The title itself is no suggestion: an item of its own (the only one that has it) names itself.
  const own = normalizeTitle(title);
  const near = closest(title.toLowerCase().replace(/\s+/g, ' ').trim(), graph.titles().filter((candidate) => candidate !== own));
  return near ? graph.itemWithTitle(near, self.file) : undefined;
}

function describe(graph: BacklogGraph, item: GraphItem): string {
  const name = graph.artifact(item.type)?.name ?? item.type;
  if (item.id) return item.id.toLowerCase().startsWith(name.toLowerCase()) ? item.id : `${name} ${item.id}`;
  return `${name} "${item.title}"`;
}

function placeOf(item: GraphItem, label: string): RelatedPlace {
  const range: Range = item.anchor;
  return { message: `${label}: ${item.id ? `${item.id} ` : ''}${item.title}`.trim(), range, file: 'other', otherFile: item.file };
}

function severityOf(graph: BacklogGraph, record: FileRecord, rule: GraphRule): Severity | undefined {
  const level = record.levels[rule] ?? graph.table.rules.find((candidate) => candidate.id === rule)?.severity;
  return level === 'off' ? undefined : level;
}

function a(name: string): string {
  const word = lower(name);
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function lower(name: string): string {
  return name.toLowerCase();
}
