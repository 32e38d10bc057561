import { MAX_FILE_CHARS, TOO_LARGE, backlogEntries, lintAndRecord, skipReason } from '../core';
import type { BacklogEntry, FileRecord, Finding } from '../core';
import type { ConfigFinder } from './configs';
import { readText } from './files';

/** What the CLI asks of one file: its findings and index record (lint), plus its items listed (backlog). */
export type FileTaskKind = 'lint' | 'backlog';

/** The outcome for one file, as plain data: it may come from a worker thread. */
export type FileOutcome =
  | { skipped: string }
  | { findings: Finding[]; record: FileRecord; entries?: Omit<BacklogEntry, 'depth' | 'parentRef'>[] };

/** Reads, lints and records one Markdown file (never a config file: the caller loads those). */
export function runFileTask(kind: FileTaskKind, file: string, configs: ConfigFinder): FileOutcome {
  const read = readLintable(file);
  if ('skipped' in read) return read;
  const { linted, table, resolver, record } = lintAndRecord(file, read.text, { ...configs.forFile(file), once: true });
  if (kind === 'lint') return { findings: linted.findings, record };
  const entries = backlogEntries(linted.doc, linted.items, linted.findings, table, resolver).map(({ depth, parentRef, ...entry }) => entry);
  return { findings: linted.findings, record, entries };
}

/** The file's text and bytes, or why it is not checked (unreadable, too large, not text). */
export function readLintable(file: string): { text: string; bytes: Uint8Array } | { skipped: string } {
  // Reading a huge file only to skip it wastes time: a UTF-8 character takes at most 4 bytes.
  const read = readText(file, MAX_FILE_CHARS * 4);
  if ('tooLarge' in read) return { skipped: TOO_LARGE };
  if ('error' in read) return { skipped: read.error };
  const skipped = skipReason(read.text);
  return skipped ? { skipped } : read;
}
