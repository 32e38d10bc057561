import { normalizeName } from '../../roles/normalize';
import { closest } from '../../roles/suggest';
import { joinWith } from '../../rules/messages';
import type { ParsedDocument } from '../../document/parse';
import type { RulesTable } from '../../rules/types';
import type { Detection } from '../detect';
import type { Reporter } from '../report';

/**
 * `frontmatter-syntax`: reported where the file is an artifact, or its
 * front matter names an artifact type; a blog post's front matter is not ours to judge.
 */
export function checkFrontMatterSyntax(doc: ParsedDocument, detection: Detection, table: RulesTable, reporter: Reporter): void {
  const problem = doc.frontMatter?.problem;
  if (!problem) return;
  if (!detection.artifact && !namesArtifactType(doc, table)) return;
  reporter.report('frontmatter-syntax', problem.kind, { detail: problem.detail }, problem.start, problem.end);
}

function namesArtifactType(doc: ParsedDocument, table: RulesTable): boolean {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return false;
  const yaml = doc.text.slice(frontMatter.yamlStart, Math.min(frontMatter.yamlEnd, frontMatter.yamlStart + 4096));
  const typeLine = /^type[ \t]*:[ \t]*["']?([^"'\r\n#]+)/im.exec(yaml);
  if (!typeLine) return false;
  const value = typeLine[1].trim().toLowerCase();
  return table.artifacts.some((artifact) => artifact.typeNames.includes(value));
}

/**
 * `unknown-type`: `type:` names no artifact type. Work items SAFe has no
 * artifact for (task, bug, page…, the table's `otherTypes`) are not artifacts
 * and pass silently; a near miss gets a suggestion, a known counterpart a hint.
 */
export function checkUnknownType(detection: Detection, table: RulesTable, reporter: Reporter): void {
  const value = detection.typeValue;
  if (!detection.typeUnknown || !value) return;
  const written = value.text.trim();
  const key = normalizeName(written);
  if (table.otherTypes.some((type) => normalizeName(type) === key)) return;
  const typeNames = table.artifacts.flatMap((artifact) => artifact.typeNames);
  const hint = table.typeHints.find((candidate) => normalizeName(candidate.type) === key)?.hint;
  const near = hint ? undefined : closest(written, typeNames);
  const suggestion = hint ? ` (${hint})` : near ? ` (did you mean "${near}"?)` : '';
  const baseTypes = table.artifacts.filter((artifact) => !artifact.enabler).map((artifact) => artifact.id);
  const types = `${joinWith(baseTypes, 'or')}, or an enabler- form of one of them`;
  reporter.report('unknown-type', 'unknown', { value: written, suggestion, types }, value.start, value.end,
    near ? [{ title: `Replace "${written}" with "${near}"`, edits: [{ start: value.start, end: value.end, newText: near }], preferred: true }] : []);
}
