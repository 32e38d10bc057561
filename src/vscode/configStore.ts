import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, lintConfigText } from '../core';
import type { ArtifactsConfig, Finding } from '../core';

/** A config file found for a document, parsed and checked. */
export interface FoundConfig {
  uri?: vscode.Uri;
  config: ArtifactsConfig;
  findings: Finding[];
}

const NONE: FoundConfig = { config: EMPTY_CONFIG, findings: [] };
const decoder = new TextDecoder('utf-8');

/**
 * Finds the `.agile-artifacts.yaml` for a document by walking up its folders
 * to the workspace folder's root, through `vscode.workspace.fs` (so it works
 * on virtual file systems too). Results are cached until a config changes.
 */
export class ConfigStore {
  private readonly byFolder = new Map<string, Promise<FoundConfig>>();
  private readonly byFile = new Map<string, Promise<FoundConfig>>();
  private generationCounter = 0;

  /** Changes whenever a config file may have changed; lint results of older generations are stale. */
  get generation(): number {
    return this.generationCounter;
  }

  invalidate(): void {
    this.byFolder.clear();
    this.byFile.clear();
    this.generationCounter++;
  }

  forDocument(uri: vscode.Uri): Promise<FoundConfig> {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    if (!root || uri.scheme === 'untitled') return Promise.resolve(NONE);
    return this.forFolder(vscode.Uri.joinPath(uri, '..'), root);
  }

  /** Reads and checks one config file (also used to lint the config file itself). */
  load(uri: vscode.Uri): Promise<FoundConfig> {
    const key = uri.toString();
    let found = this.byFile.get(key);
    if (!found) {
      found = readConfig(uri);
      this.byFile.set(key, found);
    }
    return found;
  }

  private forFolder(folder: vscode.Uri, root: vscode.Uri): Promise<FoundConfig> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.lookUp(folder, root);
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async lookUp(folder: vscode.Uri, root: vscode.Uri): Promise<FoundConfig> {
    const candidate = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return this.load(candidate);
    const parent = vscode.Uri.joinPath(folder, '..');
    const atRoot = folder.path === root.path || !folder.path.startsWith(root.path) || parent.path === folder.path;
    return atRoot ? NONE : this.forFolder(parent, root);
  }
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

async function readConfig(uri: vscode.Uri): Promise<FoundConfig> {
  try {
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    const { config, findings } = lintConfigText(text);
    return { uri, config, findings };
  } catch (error) {
    const message = `The config file cannot be read: ${(error as Error)?.message ?? error}.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri, config: EMPTY_CONFIG, findings: [{ rule: 'config-error', severity: 'error', message, range }] };
  }
}
