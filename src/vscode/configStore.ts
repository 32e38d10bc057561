import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, fingerprint, layerConfigs, lintConfigText, lintUnreadableConfig } from '../core';
import type { ArtifactsConfig, Finding } from '../core';

/** A config file found for a document, parsed and checked; for a document, every config file above it, layered. */
export interface FoundConfig {
  /** The nearest config file. */
  uri?: vscode.Uri;
  config: ArtifactsConfig;
  findings: Finding[];
}

const NONE: FoundConfig = { config: EMPTY_CONFIG, findings: [] };
const decoder = new TextDecoder('utf-8');

/**
 * Finds the `.agile-artifacts.yaml` files for a document: each one in its
 * folder or above, up to the workspace folder's root, layered so that a
 * nearer file overrides a farther one key by key (layerConfigs). One file search,
 * started at activation and redone when a config file appears or goes, tells
 * where config files are; until it answers (the search service can take a
 * second to start), folders are checked one by one with `stat`. Everything
 * goes through the workspace API, so it works on virtual file systems and in
 * a web worker too.
 */
export class ConfigStore {
  private search: Promise<void> | undefined;
  private locations: Set<string> | undefined;
  private readonly byFolder = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly byFile = new Map<string, Promise<FoundConfig>>();
  /** Layered configs by their files, nearest first: documents under the same config files share one config object (and its caches). */
  private readonly byChain = new Map<string, Promise<FoundConfig>>();
  private generationCounter = 0;

  /** Changes whenever a config file may have changed; lint results of older generations are stale. */
  get generation(): number {
    return this.generationCounter;
  }

  /** Starts the search for config files in the background. */
  prime(): void {
    const generation = this.generationCounter;
    this.search ??= Promise.resolve(vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**')).then(
      (uris) => {
        if (generation === this.generationCounter) this.locations = new Set(uris.map((found) => found.toString()));
      },
      () => undefined,
    );
  }

  /** Resolves once the search for config files has answered (or failed): then forDocument needs no `stat`. */
  located(): Promise<void> {
    this.prime();
    return this.search ?? Promise.resolve();
  }

  /** Every config file of the workspace, once the search has answered; undefined when it failed. */
  async configFiles(): Promise<vscode.Uri[] | undefined> {
    await this.located();
    return this.locations && [...this.locations].map((key) => vscode.Uri.parse(key));
  }

  /**
   * A fingerprint of every config file in the workspace, where it is and what
   * it says (what the backlog index cache is keyed by), once the search has
   * answered; undefined when the search failed.
   */
  async fingerprint(): Promise<string | undefined> {
    await this.located();
    const locations = this.locations;
    if (!locations) return undefined;
    const parts = await Promise.all(
      [...locations].sort().map(async (key) => {
        let text: string;
        try {
          text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(key)));
        } catch (error) {
          text = `\u0000unreadable: ${(error as Error)?.message ?? error}`;
        }
        return `${key}\n${fingerprint(text)}`;
      }),
    );
    return fingerprint(parts.join('\n'));
  }

  invalidate(): void {
    this.search = undefined;
    this.locations = undefined;
    this.byFolder.clear();
    this.byFile.clear();
    this.byChain.clear();
    this.generationCounter++;
    this.prime();
  }

  async forDocument(uri: vscode.Uri): Promise<FoundConfig> {
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    if (!root || uri.scheme === 'untitled') return NONE;
    const chain: vscode.Uri[] = [];
    for (let folder = vscode.Uri.joinPath(uri, '..'); ; ) {
      const found = await this.configIn(folder);
      if (found) chain.push(found);
      const parent = vscode.Uri.joinPath(folder, '..');
      if (folder.path === root.path || !folder.path.startsWith(root.path) || parent.path === folder.path) break;
      folder = parent;
    }
    if (!chain.length) return NONE;
    const key = chain.map((found) => found.toString()).join('\n');
    let layered = this.byChain.get(key);
    if (!layered) {
      layered = this.layered(chain);
      this.byChain.set(key, layered);
    }
    return layered;
  }

  /** The config files of a chain (nearest first), layered farthest first. */
  private async layered(chain: vscode.Uri[]): Promise<FoundConfig> {
    const loaded = await Promise.all(chain.map((found) => this.load(found)));
    const layers = loaded.map((found, i) => ({ file: chain[i].toString(), config: found.config })).reverse();
    return { uri: chain[0], config: layerConfigs(layers), findings: loaded[0].findings };
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

  /** The config file directly in `folder`, if any: from the search when it has answered, else by `stat`. */
  private configIn(folder: vscode.Uri): Promise<vscode.Uri | undefined> | vscode.Uri | undefined {
    const candidate = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
    if (this.locations) return this.locations.has(candidate.toString()) ? candidate : undefined;
    const key = candidate.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = isFile(candidate).then((exists) => (exists ? candidate : undefined));
      this.byFolder.set(key, found);
    }
    return found;
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
    const { config, findings } = lintUnreadableConfig(String((error as Error)?.message ?? error));
    return { uri, config, findings };
  }
}
