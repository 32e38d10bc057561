import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a file was not replaced; the file is as it was. */
export class ReplaceError extends Error {}

/**
 * Replaces a file's bytes atomically: writes them beside it with its mode,
 * then renames over it, so a reader (or a crash) sees the old file or the new
 * one, never half of either. `expected` is what the file held when it was
 * read: a file changed since is left alone rather than overwritten blindly.
 * A link is followed, so the link stays a link and its target changes.
 */
export function replaceFile(file: string, expected: Uint8Array, bytes: Uint8Array): void {
  try {
    const target = fs.realpathSync(file);
    const stat = fs.statSync(target);
    // Root may write anything; a file without a write bit is still one its owner marked read-only.
    if ((stat.mode & 0o222) === 0 || !isWritable(target)) throw new ReplaceError('the file is read-only');
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.agile-artifacts.tmp`);
    try {
      writeDurably(temp, bytes, stat);
      if (!Buffer.from(fs.readFileSync(target)).equals(Buffer.from(expected))) {
        throw new ReplaceError('the file changed on disk while it was linted');
      }
      fs.renameSync(temp, target);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  } catch (error) {
    if (error instanceof ReplaceError) throw error;
    throw new ReplaceError(describe(error as NodeJS.ErrnoException));
  }
}

/** Writes a new file and flushes it to disk before it is renamed into place, keeping mode and (where allowed) owner. */
function writeDurably(file: string, bytes: Uint8Array, like: fs.Stats): void {
  const descriptor = fs.openSync(file, 'wx', like.mode & 0o7777);
  try {
    fs.writeSync(descriptor, bytes);
    // The umask may have taken bits off the mode given to open.
    fs.fchmodSync(descriptor, like.mode & 0o7777);
    try {
      fs.fchownSync(descriptor, like.uid, like.gid);
    } catch {
      // Only root may give a file away; a file of one's own keeps its owner anyway.
    }
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function describe(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'the file was removed while it was linted';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'its folder is not writable';
  if (error.code === 'EROFS') return 'the file system is read-only';
  if (error.code === 'ENOSPC') return 'the disk is full';
  return error.message;
}
