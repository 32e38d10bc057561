import { readItemHead } from '../items/vocabulary';
import type { Vocabulary } from '../items/vocabulary';

/** What a parent field's value names (SPEC §7). */
export type ParentReference =
  | { kind: 'link'; target: string; label: string; id?: string }
  | { kind: 'id'; id: string; known: boolean }
  | { kind: 'title'; title: string; untyped?: string };

const LINK = /^\[([^\]]*)\]\(\s*<?([^)>\s]+)>?(?:\s+["'][^"']*["'])?\s*\)/;
// A project key (`PTG-132`, `BACK-222`): an id, but of no particular type.
const PROJECT_KEY = /^([A-Z][A-Z0-9]{1,9})-\d+(?:\.\d+)*$/;
const MARKUP = /[*_`~]/g;

/** Reads a parent value: a Markdown link to a file, an id, or else a title. */
export function readParentReference(text: string, vocab: Vocabulary): ParentReference | undefined {
  const value = text.replace(MARKUP, '').trim();
  if (!value) return undefined;
  const link = LINK.exec(value);
  if (link && !/^[a-z][a-z0-9+.-]*:/i.test(link[2]) && !link[2].startsWith('#')) {
    const id = idOf(link[1].trim(), vocab)?.id;
    return { kind: 'link', target: link[2].replace(/#.*$/, ''), label: link[1].trim(), ...(id ? { id } : {}) };
  }
  const label = link ? link[1].trim() : value;
  const id = idOf(label, vocab);
  if (id) return { kind: 'id', ...id };
  // `Feature: Fix CI` names the feature titled "Fix CI".
  const head = readItemHead(label, vocab);
  const untyped = head?.byTypeName ? label.slice(head.length).trim() : '';
  return { kind: 'title', title: label, ...(untyped ? { untyped } : {}) };
}

/** The id a value starts with: a known prefix or type name and a number (known), or a project key. */
function idOf(text: string, vocab: Vocabulary): { id: string; known: boolean } | undefined {
  const head = readItemHead(text, vocab);
  if (head?.id) return { id: head.id, known: true };
  const key = /^[A-Z][A-Z0-9]{1,9}-\d+(?:\.\d+)*/.exec(text);
  if (key && PROJECT_KEY.test(key[0]) && /^(?:$|[\s:\-–—(])/.test(text.slice(key[0].length))) return { id: key[0], known: false };
  return undefined;
}

/** The prefix of a project key (`PTG` of `PTG-132`), to tell whether a workspace uses such keys. */
export function keyPrefix(id: string): string | undefined {
  return PROJECT_KEY.exec(id.toUpperCase())?.[1];
}

/** Ids compare ignoring case and the separator between prefix and number: `US 10.1` is `us-10.1`. */
export function normalizeId(id: string): string {
  return id.trim().toUpperCase().replace(/[\s_]+/g, '-');
}

/** Titles compare ignoring case, spacing and emphasis. */
export function normalizeTitle(title: string): string {
  return title.replace(MARKUP, '').replace(/\s+/g, ' ').trim().replace(/[.:;,]+$/, '').toLowerCase();
}

/** The id a folder name starts with (`EPIC-001-oss-release` → `EPIC-001`). */
export function folderId(name: string, vocab: Vocabulary): string | undefined {
  const head = readItemHead(name, vocab);
  if (head?.id) return head.id;
  return /^[A-Z][A-Z0-9]{1,9}-\d+/.exec(name)?.[0];
}
