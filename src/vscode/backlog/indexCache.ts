import * as vscode from 'vscode';
import { decodingIndexCache, encodingIndexCache, fingerprint, rulesTable } from '../../core';
import type { DecodedIndexCache, IndexCache } from '../../core';
import type { ConfigStore } from '../configStore';
import { settingsFor } from '../settings';

const FILE_NAME = 'backlog-index.jsonl';
/** A cache larger than this is not read (20,000 items take about 3.5 MB). */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * Where the backlog index of the last session is kept: one file in the
 * extension's workspace storage (`context.storageUri`), read and written
 * through vscode.workspace.fs, so it works in the web worker too. Nothing is
 * ever written anywhere else. Without a workspace there is no storage and
 * no cache.
 */
export class IndexCacheStore {
  readonly uri: vscode.Uri | undefined;

  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly extensionVersion: string,
    private readonly configs: ConfigStore,
  ) {
    this.uri = storage && vscode.Uri.joinPath(storage, FILE_NAME);
  }

  /**
   * What the records depend on besides the files: the extension's version,
   * the embedded rules table, every config file of the workspace (where and
   * what it says) and the settings that decide which files are indexed.
   * Undefined when the config search failed (then nothing is cached).
   */
  async key(): Promise<string | undefined> {
    const configs = await this.configs.fingerprint();
    if (configs === undefined) return undefined;
    const settings = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const { enable, exclude } = settingsFor(folder.uri);
      return [folder.uri.toString(), enable, exclude];
    });
    return `agile-artifacts ${this.extensionVersion}; table ${tableFingerprint()}; configs ${configs}; settings ${fingerprint(JSON.stringify(settings))}`;
  }

  /** The text of the cache file, or why there is none to use (missing, too large, unreadable). */
  async readText(): Promise<{ text: string } | { missing: string }> {
    if (!this.uri) return { missing: 'no workspace storage' };
    try {
      const stat = await vscode.workspace.fs.stat(this.uri);
      if (stat.size > MAX_CACHE_BYTES) return { missing: `the cache is ${Math.round(stat.size / 1024 / 1024)} MB, more than ${MAX_CACHE_BYTES / 1024 / 1024} MB` };
      return { text: decoder.decode(await vscode.workspace.fs.readFile(this.uri)) };
    } catch (error) {
      return { missing: error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'none saved yet' : `unreadable (${(error as Error)?.message ?? error})` };
    }
  }

  /**
   * Writes the cache beside the old one and renames it over, so a window
   * closed mid-write leaves the old cache or the new one, never half of one.
   */
  async write(text: string): Promise<void> {
    if (!this.storage || !this.uri) return;
    await vscode.workspace.fs.createDirectory(this.storage);
    const temporary = vscode.Uri.joinPath(this.storage, `${FILE_NAME}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, encoder.encode(text));
    await vscode.workspace.fs.rename(temporary, this.uri, { overwrite: true });
  }
}

let table: string | undefined;

function tableFingerprint(): string {
  table ??= fingerprint(JSON.stringify(rulesTable()));
  return table;
}

/** Runs a generator of slices, yielding to the host between slices of about 8 ms. */
export async function runInSlices<T>(steps: Generator<void, T, void>, giveWay: () => Promise<void>): Promise<T> {
  let slice = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (Date.now() - slice > 8) {
      await giveWay();
      slice = Date.now();
    }
  }
}

export function decodeInSlices(text: string, key: string, giveWay: () => Promise<void>): Promise<DecodedIndexCache> {
  return runInSlices(decodingIndexCache(text, key, 50), giveWay);
}

export function encodeInSlices(cache: IndexCache, giveWay: () => Promise<void>): Promise<string> {
  return runInSlices(encodingIndexCache(cache, 50), giveWay);
}
