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
 * `unknown-type`: `type:` names no artifact type, in a file that is an artifact
 * by name or heading, or whose type is a near miss or an enabler of some kind.
 */
export function checkUnknownType(detection: Detection, table: RulesTable, reporter: Reporter): void {
  const value = detection.typeValue;
  if (!detection.typeUnknown || !value) return;
  const written = value.text.trim();
  const typeNames = table.artifacts.flatMap((artifact) => artifact.typeNames);
  const hint = closest(written, typeNames);
  const looksMeant = detection.artifact !== undefined || hint !== undefined || /enabler/i.test(written);
  if (!looksMeant) return;
  const mainTypes = table.artifacts.map((artifact) => artifact.id);
  reporter.report('unknown-type', 'unknown', { value: written, suggestion: hint ? ` Did you mean "${hint}"?` : '', types: joinWith(mainTypes, 'or') }, value.start, value.end,
    hint ? [{ title: `Replace "${written}" with "${hint}"`, edits: [{ start: value.start, end: value.end, newText: hint }], preferred: true }] : []);
}
