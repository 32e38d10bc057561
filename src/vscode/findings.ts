import type * as vscode from 'vscode';
import { lintConfigText, lintMarkdown } from '../core';
import type { Finding } from '../core';
import type { ConfigStore } from './configStore';
import { fileNameOf, isConfigUri } from './documents';

/** What the core found in one file, and the config file that applied (for related information). */
export interface FileFindings {
  findings: Finding[];
  configUri?: vscode.Uri;
  /** Why the file was not checked (too large, not text), if it was not. */
  skipped?: string;
}

/**
 * Lints the text of one file, open or closed: a config file as a config,
 * Markdown with the config that applies to it. The one place both the live
 * diagnostics and the workspace lint go through.
 */
export async function findingsOfFile(uri: vscode.Uri, text: string, configs: ConfigStore): Promise<FileFindings> {
  if (isConfigUri(uri)) return { findings: lintConfigText(text).findings };
  const { config, uri: configUri } = await configs.forDocument(uri);
  const result = lintMarkdown(text, { fileName: fileNameOf(uri), config });
  return { findings: result.findings, configUri, skipped: result.skipped };
}
