import * as vscode from 'vscode';

/** 'web' in the browser bundle (esbuild.js defines it), so the Node-only branch below is left out of it. */
declare const AGILE_ARTIFACTS_HOST: 'node' | 'web' | undefined;

const decoder = new TextDecoder('utf-8');

/**
 * Reads files for the backlog index, many at a time. In the web-worker host
 * (and for any file system other than the disk) through vscode.workspace.fs,
 * whose every call is a round trip to the workbench (measured in code-server:
 * 15–22 ms each one at a time, about 1 ms each with hundreds in flight). In
 * the Node host, files on disk are read with Node's fs: vscode.workspace.fs
 * there also goes through the workbench in the browser and back to the
 * server. Undefined for a file that cannot be read (gone, a folder).
 */
export function readText(uri: vscode.Uri): Promise<string | undefined> {
  const local = uri.scheme === 'file' ? nodeReadFile() : undefined;
  const bytes = local ? local(uri.fsPath) : vscode.workspace.fs.readFile(uri);
  return Promise.resolve(bytes).then(
    (data) => decoder.decode(data),
    () => undefined,
  );
}

/**
 * How many reads the index keeps in flight. Through vscode.workspace.fs every
 * read is relayed by the workbench's main thread, which also renders the
 * editor: with 256 in flight (about 2.7 ms a file in code-server) the
 * squiggle of a file opened meanwhile came seconds late; 64 (about 5 ms a
 * file) leaves it room. Node's fs does not go through the workbench.
 */
export function readConcurrency(uri: vscode.Uri | undefined): number {
  return uri?.scheme === 'file' && nodeReadFile() ? 16 : 64;
}

/** A file's modification time (ms) and size, as the index cache remembers them. */
export interface FileStat {
  mtime: number;
  size: number;
}

/**
 * Stats a file for the index cache: with Node's fs for `file:` URIs in the
 * Node host (as readText reads them), else through vscode.workspace.fs.
 * Undefined for a file that is gone or is no file.
 */
export function statFile(uri: vscode.Uri): Promise<FileStat | undefined> {
  const local = uri.scheme === 'file' ? nodeFs() : undefined;
  if (local) {
    return local.promises.stat(uri.fsPath).then(
      (stat) => (stat.isFile() ? { mtime: Math.trunc(stat.mtimeMs), size: stat.size } : undefined),
      () => undefined,
    );
  }
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    (stat) => ((stat.type & vscode.FileType.File) !== 0 ? { mtime: stat.mtime, size: stat.size } : undefined),
    () => undefined,
  );
}

let nodeModule: typeof import('node:fs') | null | undefined;

function nodeFs(): typeof import('node:fs') | undefined {
  if (nodeModule !== undefined) return nodeModule ?? undefined;
  nodeModule = null;
  if (typeof AGILE_ARTIFACTS_HOST === 'undefined' || AGILE_ARTIFACTS_HOST !== 'web') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      nodeModule = require('node:fs') as typeof import('node:fs');
    } catch {
      nodeModule = null;
    }
  }
  return nodeModule ?? undefined;
}

function nodeReadFile(): ((path: string) => Promise<Uint8Array>) | undefined {
  const fs = nodeFs();
  return fs ? (path) => fs.promises.readFile(path) : undefined;
}

/** Lets the host run what is queued (a document opened, a keystroke) before going on: a macrotask, not the 1–4 ms of setTimeout(0). */
export function yieldToHost(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // The browser's MessagePort (Node's types do not have onmessage; setting it starts the port).
    (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
