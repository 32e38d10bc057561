import { normalizeName } from '../../roles/normalize';
import { closest } from '../../roles/suggest';
import { joinWith } from '../../rules/messages';
import type { ParsedDocument } from '../../document/parse';
import type { RulesTable } from '../../rules/types';
import type { Detection } from '../detect';
import type { Reporter } from '../report';

/**
 * `frontmatter-syntax`: reported where the file is an artifact (also by a
 * `type:` line of the broken front matter); a blog post's front matter is not ours to judge.
 */
export function checkFrontMatterSyntax(doc: ParsedDocument, detection: Detection, reporter: Reporter): void {
  const problem = doc.frontMatter?.problem;
  if (!problem || !detection.artifact) return;
  reporter.report('frontmatter-syntax', problem.kind, { detail: problem.detail }, problem.start, problem.end);
}

/**
 * `unknown-type`: `type:` names no artifact type where one was meant: in a
 * file that is an artifact by name or heading, or with a near miss, a known
 * counterpart (spike, initiative), another tracker's work item (task, bug) or
 * an artifact word in the value. Pages and planning records (the table's
 * `otherTypes`) pass silently.
 */
export function checkUnknownType(detection: Detection, table: RulesTable, reporter: Reporter): void {
  const value = detection.typeValue;
  if (!detection.typeUnknown || !value) return;
  const written = value.text.trim();
  const key = normalizeName(written);
  if (table.otherTypes.some((type) => normalizeName(type) === key)) return;
  const typeNames = table.artifacts.flatMap((artifact) => artifact.typeNames);
  const hint = table.typeHints.find((candidate) => normalizeName(candidate.type) === key)?.hint;
  const workItem = table.workItemTypes.some((type) => normalizeName(type) === key);
  // A typo keeps the first letter; without that test `history` would be a near miss of `story`.
  const near = hint || workItem ? undefined : closest(written, typeNames.filter((name) => name[0].toLowerCase() === key[0]));
  // A site's `type: gallery` is not ours to judge: report only where an artifact was meant.
  const meant = detection.artifact !== undefined || workItem || hint !== undefined || near !== undefined || namesAnArtifact(key, table);
  if (!meant) return;
  const suggestion = hint ? ` (${hint})` : near ? ` (did you mean "${near}"?)` : '';
  const baseTypes = table.artifacts.filter((artifact) => !artifact.enabler).map((artifact) => artifact.id);
  const types = `${joinWith(baseTypes, 'or')}, or an enabler- form of one of them`;
  reporter.report('unknown-type', 'unknown', { value: written, suggestion, types }, value.start, value.end,
    near ? [{ title: `Replace "${written}" with "${near}"`, edits: [{ start: value.start, end: value.end, newText: near }], preferred: true }] : []);
}

const artifactWordSets = new WeakMap<RulesTable, Set<string>>();

/** True when a normalized value has a word of an artifact's name or plural in it (`tech story`, `enablers`). */
function namesAnArtifact(normalized: string, table: RulesTable): boolean {
  let words = artifactWordSets.get(table);
  if (!words) {
    words = new Set(table.artifacts.flatMap((artifact) => [artifact.name, artifact.plural]).flatMap((name) => normalizeName(name).split(' ')));
    artifactWordSets.set(table, words);
  }
  return normalized.split(/[ /]/).some((word) => words.has(word));
}
