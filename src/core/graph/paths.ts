/**
 * Posix-style path arithmetic on the index's file keys (paths or URI
 * strings; the core has no Node `path`). Keys are compared decoded, so a
 * link written `my%20story.md` finds `my story.md`.
 */

/** The key as the index compares it: percent-escapes decoded, `\` as `/`. */
export function pathKey(file: string): string {
  // Most keys have nothing to decode: the index asks for keys on every lookup.
  if (!file.includes('%') && !file.includes('\\')) return file;
  let decoded = file;
  try {
    decoded = decodeURIComponent(file);
  } catch {
    // A stray `%` is part of the name.
  }
  return decoded.replace(/\\/g, '/');
}

/** Everything before the last `/` (the folder), or '' for a bare name. */
export function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** Folder names per folder: thousands of files share a few hundred folders, and the graph asks on every parent lookup. */
const namesByFolder = new Map<string, readonly string[]>();

/** The folders of a path from its root to its own folder, names only (a URI's scheme and authority left out). Shared: do not change it. */
export function folderNames(file: string): readonly string[] {
  const folder = dirname(file);
  let names = namesByFolder.get(folder);
  if (!names) {
    if (namesByFolder.size >= 4096) namesByFolder.clear();
    names = Object.freeze(localPart(folder).split('/').filter(Boolean));
    namesByFolder.set(folder, names);
  }
  return names;
}

/** `target` (a relative link such as `../ft-001.md`) resolved against the folder `base`. */
export function resolvePath(base: string, target: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target;
  const prefix = target.startsWith('/') ? rootOf(base) : base;
  const parts = localPart(prefix).split('/');
  const head = prefix.slice(0, prefix.length - localPart(prefix).length);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(segment);
  }
  return head + parts.join('/');
}

/** How many leading folders two files share. */
export function sharedFolders(a: string, b: string): number {
  const left = folderNames(a);
  const right = folderNames(b);
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared;
}

/**
 * How far apart two files of one backlog may be: each at most this many folders below the folder they share.
 * Ids are numbered per backlog (every project has its `US-001`), and a workspace may hold several backlogs
 * side by side (services of a monorepo, a folder of checked-out repositories); ids link and clash within one.
 */
export const MAX_LINK_SPREAD = 3;

/** Whether an id or title written in one file may name an item of the other (see MAX_LINK_SPREAD). */
export function withinReach(a: string, b: string): boolean {
  const keyA = pathKey(a);
  const keyB = pathKey(b);
  const shared = sharedFolders(keyA, keyB);
  return folderNames(keyA).length - shared <= MAX_LINK_SPREAD && folderNames(keyB).length - shared <= MAX_LINK_SPREAD;
}

/** The path part of a key: `file:///w/a.md` → `/w/a.md`. */
function localPart(file: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(file);
  return scheme ? file.slice(scheme[0].length) : file;
}

function rootOf(file: string): string {
  return file.slice(0, file.length - localPart(file).length);
}

/** `to` as a link from the file `from` would write it: `../features/ft-1.md`. */
export function relativePath(from: string, to: string): string {
  const base = localPart(dirname(pathKey(from))).split('/');
  const target = localPart(pathKey(to)).split('/');
  let shared = 0;
  while (shared < base.length && shared < target.length - 1 && base[shared] === target[shared]) shared++;
  const up = base.length - shared;
  return [...(up ? new Array<string>(up).fill('..') : ['.']), ...target.slice(shared)].join('/');
}
