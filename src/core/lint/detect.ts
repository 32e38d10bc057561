import type { ParsedDocument } from '../document/parse';
import { firstTitle } from '../document/parse';
import type { Field, FieldValue } from '../document/fields';
import { normalizeName } from '../roles/normalize';
import { isPlaceholder } from '../roles/placeholders';
import type { ArtifactEntry, RulesTable } from '../rules/types';

/** How the file was recognised as an artifact (SPEC §1, first match wins). */
export type DetectedBy = 'type' | 'file-name' | 'heading';

export interface Detection {
  artifact?: ArtifactEntry;
  detectedBy?: DetectedBy;
  /** The front-matter `type:` value, when there is one. */
  typeValue?: FieldValue;
  /** True when `type:` names no artifact type. */
  typeUnknown: boolean;
}

// `<name>.<artifact id>.md`; which ids exist is the table's business.
const FILE_SUFFIX = /\.([a-z]+(?:-[a-z]+)*)\.md$/i;
/** An explicit "not an enabler"; placeholders (TBD, n/a…) say nothing either way. */
const NOT_AN_ENABLER = new Set(['no', 'false']);

/** Finds which artifact type a Markdown file is, if any. */
export function detectArtifact(doc: ParsedDocument, fileName: string | undefined, table: RulesTable): Detection {
  const typeField = doc.fields.find((field) => field.source === 'front-matter' && field.normalizedKey === 'type');
  const typeValue = typeField?.values[0];
  if (typeValue) {
    const byType = artifactByTypeName(typeValue.text, table);
    if (byType) return { artifact: withEnablerField(byType, doc.fields, table), detectedBy: 'type', typeValue, typeUnknown: false };
  }
  const fromBroken = typeValue ? undefined : typeInBrokenFrontMatter(doc, table);
  if (fromBroken) return { artifact: fromBroken, detectedBy: 'type', typeUnknown: false };
  const typeUnknown = typeValue !== undefined && typeValue.text.trim() !== '';
  const suffix = fileName ? FILE_SUFFIX.exec(fileName) : null;
  if (suffix) {
    const artifact = table.artifacts.find((candidate) => candidate.id === suffix[1].toLowerCase());
    if (artifact) return { artifact, detectedBy: 'file-name', typeValue, typeUnknown };
  }
  const title = firstTitle(doc);
  const colon = title ? title.title.indexOf(':') : -1;
  if (title && colon > 0) {
    const artifact = artifactByTypeName(title.title.slice(0, colon), table);
    if (artifact) return { artifact, detectedBy: 'heading', typeValue, typeUnknown };
  }
  return { typeValue, typeUnknown };
}

/**
 * The artifact named by a `type:` line of front matter that is not valid YAML:
 * the rest of the file is still checked as that artifact.
 */
export function typeInBrokenFrontMatter(doc: ParsedDocument, table: RulesTable): ArtifactEntry | undefined {
  const frontMatter = doc.frontMatter;
  if (!frontMatter?.problem) return undefined;
  const yaml = doc.text.slice(frontMatter.yamlStart, Math.min(frontMatter.yamlEnd, frontMatter.yamlStart + 4096));
  const typeLine = /^type[ \t]*:[ \t]*["']?([^"'\r\n#]+)/im.exec(yaml);
  return typeLine ? artifactByTypeName(typeLine[1].trim(), table) : undefined;
}

/** The artifact a `type:` value or heading prefix names (`Enabler Feature`, `user-story`). */
export function artifactByTypeName(name: string, table: RulesTable): ArtifactEntry | undefined {
  const key = normalizeName(name);
  return table.artifacts.find((artifact) => artifact.typeNames.some((typeName) => normalizeName(typeName) === key));
}

/** `type: feature` plus `enabler: <kind>` (or another kind key) is an enabler feature. */
function withEnablerField(artifact: ArtifactEntry, fields: readonly Field[], table: RulesTable): ArtifactEntry {
  if (artifact.enabler) return artifact;
  const enablerField = fields.find((field) => field.source === 'front-matter' && table.enablerKindFields.includes(field.normalizedKey));
  if (!enablerField) return artifact;
  const value = enablerField.values[0]?.text.trim().toLowerCase() ?? '';
  if (!enablerField.isTrue && (NOT_AN_ENABLER.has(value) || isPlaceholder(value, table))) return artifact;
  return table.artifacts.find((candidate) => candidate.enabler && candidate.base === artifact.id) ?? artifact;
}
