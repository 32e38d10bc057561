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
 * Finds the `.agile-artifacts.yaml` for a document: the nearest one in its
 * folder or above, up to the workspace folder's root. Where config files are
 * is learnt once with one file search (started at activation, redone when a
 * config file appears or goes), so linting a document waits on no file
 * system round trip per folder. Everything goes through the workspace API,
 * so it works on virtual file systems and in a web worker too.
 */
export class ConfigStore {
  private locations: Promise<Set<string>> | undefined;
  private readonly byFile = new Map<string, Promise<FoundConfig>>();
  private generationCounter = 0;

  /** Changes whenever a config file may have changed; lint results of older generations are stale. */
  get generation(): number {
    return this.generationCounter;
  }

  /** Starts the search for config files in the background. */
  prime(): void {
    void this.configLocations();
  }

  invalidate(): void {
    this.locations = undefined;
    this.byFile.clear();
    this.generationCounter++;
  }

  async forDocument(uri: vscode.Uri): Promise<FoundConfig> {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    if (!root || uri.scheme === 'untitled') return NONE;
    const locations = await this.configLocations();
    for (let folder = vscode.Uri.joinPath(uri, '..'); ; ) {
      const candidate = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
      if (locations.has(candidate.toString())) return this.load(candidate);
      const parent = vscode.Uri.joinPath(folder, '..');
      if (folder.path === root.path || !folder.path.startsWith(root.path) || parent.path === folder.path) return NONE;
      folder = parent;
    }
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

  private configLocations(): Promise<Set<string>> {
    this.locations ??= Promise.resolve(vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**')).then(
      (uris) => new Set(uris.map((found) => found.toString())),
      () => new Set<string>(),
    );
    return this.locations;
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
