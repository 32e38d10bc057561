import type * as vscode from 'vscode';
import { lintAndRecord, lintConfigText, lintMarkdown, skipReason } from '../core';
import type { FileRecord, Finding } from '../core';
import type { ConfigStore } from './configStore';
import { fileNameOf, isConfigUri } from './documents';

/** What the core found in one file, and the config file that applied (for related information). */
export interface FileFindings {
  findings: Finding[];
  configUri?: vscode.Uri;
  /** Why the file was not checked (too large, not text), if it was not. */
  skipped?: string;
  /** Its backlog index record, from the same parse (Markdown that was checked): the index takes it from here. */
  record?: FileRecord;
}

/**
 * Lints the text of one file, open or closed: a config file as a config,
 * Markdown with the config that applies to it. The one place both the live
 * diagnostics and the workspace lint go through. With `withRecord` (the live
 * diagnostics, whose records the backlog index takes) a Markdown file's index
 * record is made from the same parse; the workspace lint has no use for it.
 */
export async function findingsOfFile(uri: vscode.Uri, text: string, configs: ConfigStore, withRecord = false): Promise<FileFindings> {
  if (isConfigUri(uri)) return { findings: lintConfigText(text).findings };
  const { config, uri: configUri } = await configs.forDocument(uri);
  if (!withRecord) {
    const result = lintMarkdown(text, { fileName: fileNameOf(uri), config });
    return { findings: result.findings, configUri, skipped: result.skipped };
  }
  const skipped = skipReason(text);
  if (skipped) return { findings: [], configUri, skipped };
  const { linted, record } = lintAndRecord(uri.toString(), text, { fileName: fileNameOf(uri), config });
  return { findings: linted.findings, configUri, record };
}
