import { isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { closest } from '../roles/suggest';

/** A problem in the config file, in offsets of that file. */
export interface ConfigProblem {
  detail: string;
  /** True when the whole file is unusable (so defaults apply), not one entry. */
  wholeFile?: boolean;
  start: number;
  end: number;
}

/** Reads a role (id, name, alias or abbreviation) at a node, reporting anything else; `where` names the place. */
export type RoleReader = (node: YamlNode | null, where: string) => string | undefined;

/** The text of a scalar key or value; numbers and booleans as written, null and collections as undefined. */
export function scalarText(node: YamlNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  return String(node.value).trim();
}

/** A name or a list of names; numbers and booleans are not names. */
export function stringList(node: YamlNode | null | undefined): string[] | undefined {
  const textOf = (item: YamlNode | null | undefined) => (isScalar(item) && typeof item.value === 'string' ? item.value.trim() : undefined);
  const single = textOf(node);
  if (single !== undefined) return single ? [single] : undefined;
  if (!isSeq(node)) return undefined;
  const names = (node.items as YamlNode[]).map(textOf);
  return names.every((name): name is string => name !== undefined && name !== '') ? names : undefined;
}

/** The items of a list, or the one value written instead of a list. */
export function listItems(node: YamlNode | null | undefined): YamlNode[] {
  return isSeq(node) ? (node.items as YamlNode[]) : node ? [node] : [];
}

export function isEmpty(node: YamlNode | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

export function span(node: YamlNode | null | undefined): { start: number; end: number } {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** `; did you mean X?` when a known id is close to the written one, else `; known: A, B, C` so the user sees the choices. */
export function didYouMean(written: string | undefined, known: readonly string[]): string {
  const hint = written ? closest(written, known) : undefined;
  return hint ? `; did you mean ${hint}?` : `; known: ${known.join(', ')}`;
}
