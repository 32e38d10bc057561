import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core';
import { settingsFor } from './settings';

/** Schemes whose documents are views of other files (diffs, output), never linted. */
const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-scm', 'debug', 'vscode-notebook-cell-output']);

export function isConfigUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
}

export function isConfigDocument(document: vscode.TextDocument): boolean {
  return isConfigUri(document.uri);
}

/** Markdown documents the extension checks, and config files. */
export function isLintable(document: vscode.TextDocument): boolean {
  if (SKIPPED_SCHEMES.has(document.uri.scheme)) return false;
  if (isConfigDocument(document)) return true;
  if (document.languageId !== 'markdown') return false;
  const settings = settingsFor(document.uri);
  if (!settings.enable) return false;
  return !settings.exclude.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/** The file name the core uses to recognise `.feature.md` and the like. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
