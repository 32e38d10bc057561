import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME } from '../core';

/** A path or glob the user named that matched nothing. */
export class MissingPathError extends Error {}

const GLOB_CHARS = /[*?[\]{}!]/;

/** Dot-folders that hold item templates (`.github/ISSUE_TEMPLATE`, `.gitlab/issue_templates`, SPEC §1.1). */
// Dot-folders that hold items: issue templates, and Kiro's specs (`.kiro/specs/*/requirements.md`).
const ITEM_FOLDERS = new Set(['.github', '.gitlab', '.kiro']);

/** Whether the walker enters a folder: never `node_modules`, nor dot-folders other than those that hold items. */
function isWalkedFolder(name: string): boolean {
  return name !== 'node_modules' && (!name.startsWith('.') || ITEM_FOLDERS.has(name));
}

function isLintedFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) || name === CONFIG_FILE_NAME;
}

/** Every file below `dir` the linter reads, in sorted order, without following folder links. */
/** A file found by walking, with where it really is when the walk knows it without asking the file system. */
interface FoundFile {
  file: string;
  real?: string;
}

/** A folder's entries sorted by name (by code unit, as on every platform alike), or none when it cannot be read. */
export function sortedEntries(dir: string): fs.Dirent[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function walk(dir: string, found: FoundFile[], realDir = realPath(dir)): void {
  for (const entry of sortedEntries(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (isWalkedFolder(entry.name)) walk(full, found, path.join(realDir, entry.name));
    } else if (entry.isFile() && isLintedFile(entry.name)) {
      // A plain file in a folder whose real path is known: no lookup per file (thousands of them in a backlog).
      found.push({ file: full, real: path.join(realDir, entry.name) });
    } else if (entry.isSymbolicLink() && isLintedFile(entry.name)) {
      found.push({ file: full });
    }
  }
}

/**
 * Expands the command line's paths and globs into files. Named files are
 * taken as they are; folders are walked; globs match below their fixed prefix.
 */
export function expandPaths(args: string[], cwd: string): string[] {
  const files = new UniqueFiles();
  for (const arg of args.length ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    if (!GLOB_CHARS.test(arg) || fs.existsSync(absolute)) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(absolute);
      } catch {
        throw new MissingPathError(`no such file or folder: ${arg}`);
      }
      if (stat.isDirectory()) {
        const found: FoundFile[] = [];
        walk(absolute, found);
        found.forEach(({ file, real }) => files.add(file, real));
      } else {
        files.add(absolute);
      }
      continue;
    }
    const matched = matchGlob(arg, cwd);
    if (!matched.length) throw new MissingPathError(`no files match: ${arg}`);
    matched.forEach(({ file, real }) => files.add(file, real));
  }
  return files.list();
}

/** Files by where they really are: one reached twice (through a link, or named and globbed) is linted, and fixed, once. */
class UniqueFiles {
  private readonly byRealPath = new Map<string, string>();

  add(file: string, real = realPath(file)): void {
    if (!this.byRealPath.has(real)) this.byRealPath.set(real, file);
  }

  list(): string[] {
    return [...this.byRealPath.values()];
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function matchGlob(glob: string, cwd: string): FoundFile[] {
  const posixGlob = glob.split(path.sep).join('/');
  const parts = posixGlob.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB_CHARS.test(parts[0])) fixed.push(parts.shift() as string);
  const base = path.resolve(cwd, fixed.join('/') || '.');
  const isMatch = picomatch(parts.join('/'), { dot: false });
  const found: FoundFile[] = [];
  walk(base, found);
  return found.filter(({ file }) => isMatch(path.relative(base, file).split(path.sep).join('/')));
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads a file as UTF-8 text without its BOM (invalid bytes become U+FFFD), with the bytes read; or says why it cannot.
 * With `maxBytes`, a larger file is not read at all (`tooLarge`): its size, from the open file, says enough.
 */
export function readText(file: string): { text: string; bytes: Uint8Array } | { error: string };
export function readText(file: string, maxBytes: number): { text: string; bytes: Uint8Array } | { error: string } | { tooLarge: true };
export function readText(file: string, maxBytes = Infinity): { text: string; bytes: Uint8Array } | { error: string } | { tooLarge: true } {
  let fd: number | undefined;
  try {
    // One open for the size and the bytes: a stat by path first cost a tenth of a corpus lint.
    fd = fs.openSync(file, 'r');
    if (maxBytes !== Infinity && fs.fstatSync(fd).size > maxBytes) return { tooLarge: true };
    const bytes = fs.readFileSync(fd);
    return { text: UTF8.decode(bytes), bytes };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder' : String((error as Error).message) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Path relative to the working directory, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}
