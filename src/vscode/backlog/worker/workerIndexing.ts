import * as vscode from 'vscode';
import type { ArtifactsConfig, FileRecord } from '../../../core';
import { GATE_OPEN, GATE_PAUSED, GATE_STOPPED } from './protocol';
import type { IndexWorkerMessage, IndexWorkerTask, WorkerTiming } from './protocol';

/** 'web' in the browser bundle (esbuild.js defines it): no worker threads there, and this branch is left out. */
declare const AGILE_ARTIFACTS_HOST: 'node' | 'web' | undefined;

type NodeModules = {
  workerThreads: typeof import('node:worker_threads');
  os: typeof import('node:os');
  path: typeof import('node:path');
  fs: typeof import('node:fs');
};

let nodeModules: NodeModules | null | undefined;

/** Node's modules in the Node host, when the worker's bundle sits beside the extension's (dist/indexWorker.js). */
function node(): NodeModules | undefined {
  if (nodeModules !== undefined) return nodeModules ?? undefined;
  nodeModules = null;
  if (typeof AGILE_ARTIFACTS_HOST === 'undefined' || AGILE_ARTIFACTS_HOST !== 'web') {
    try {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const modules: NodeModules = { workerThreads: require('node:worker_threads'), os: require('node:os'), path: require('node:path'), fs: require('node:fs') };
      /* eslint-enable @typescript-eslint/no-require-imports */
      if (modules.fs.existsSync(workerScript(modules))) nodeModules = modules;
    } catch {
      nodeModules = null;
    }
  }
  return nodeModules ?? undefined;
}

function workerScript(modules: NodeModules): string {
  return modules.path.join(__dirname, 'indexWorker.js');
}

/** Whether a folder can be indexed in worker threads: on disk, in the Node host. */
export function canIndexInWorkers(folder: vscode.WorkspaceFolder): boolean {
  return folder.uri.scheme === 'file' && node() !== undefined;
}

/**
 * Threads for a folder: one per core, up to four. The extension host's own
 * thread does little meanwhile (it merges the records into the graph), and
 * when it has an open document to lint the workers pause (PauseGate).
 */
export function indexThreads(): number {
  const modules = node();
  const cores = modules ? (modules.os.availableParallelism?.() ?? modules.os.cpus().length) : 1;
  return Math.max(1, Math.min(4, cores));
}

/**
 * A flag the extension host's thread sets and the index workers read between
 * two files: shared memory, so a worker busy in a long loop of files still
 * sees it without waiting for a message.
 */
export class PauseGate {
  readonly buffer = new SharedArrayBuffer(4);
  private readonly flag = new Int32Array(this.buffer);

  constructor(paused = false) {
    this.set(paused);
  }

  set(paused: boolean): void {
    // Once stopped, stopped: a late lint event does not restart workers that were told to end.
    if (Atomics.load(this.flag, 0) === GATE_STOPPED) return;
    Atomics.store(this.flag, 0, paused ? GATE_PAUSED : GATE_OPEN);
    if (!paused) Atomics.notify(this.flag, 0);
  }

  /** Tells the workers to end before their next file, waking those that wait. */
  stop(): void {
    Atomics.store(this.flag, 0, GATE_STOPPED);
    Atomics.notify(this.flag, 0);
  }
}

/** What a folder's workers share; each worker's task adds its root, its share, the pause flag and when it was made. */
type FolderTask = Omit<IndexWorkerTask, 'root' | 'share' | 'createdAt' | 'pause'>;

/**
 * Walks and indexes a folder on disk in worker threads (see indexWorker.ts),
 * handing each file's record, keyed by its URI, to `onRecord` on this thread
 * as the batches come. Resolves with each worker's timing when every worker is done; rejects when one
 * fails (the caller then indexes the folder on this thread), after stopping
 * the others. `stopped()` true stops them early (a newer build).
 */
export function indexFolderInWorkers(
  folder: vscode.WorkspaceFolder,
  task: FolderTask,
  gate: PauseGate,
  onRecords: (records: { uri: string; record: FileRecord | null }[]) => void,
  stopped: () => boolean,
): Promise<WorkerTiming[]> {
  const modules = node();
  if (!modules) return Promise.reject(new Error('worker threads are not available in this extension host'));
  const threads = indexThreads();
  const workers: import('node:worker_threads').Worker[] = [];
  const base = folder.uri;
  const uriOf = (rel: string) => vscode.Uri.joinPath(base, rel).toString();
  const timings: WorkerTiming[] = [];
  const runs = Array.from({ length: threads }, (_, index) => new Promise<void>((resolve, reject) => {
    const fullTask: IndexWorkerTask = { ...task, root: folder.uri.fsPath, share: { index, of: threads }, pause: gate.buffer, createdAt: Date.now() };
    const worker = new modules.workerThreads.Worker(workerScript(modules), { workerData: { agileArtifactsIndexTask: fullTask } });
    workers.push(worker);
    let done = false;
    worker.on('message', (message: IndexWorkerMessage) => {
      if (stopped()) {
        void worker.terminate();
        resolve();
      } else if (message.kind === 'records') {
        onRecords(message.entries.map(({ rel, record }) => ({ uri: uriOf(rel), record })));
      } else if (message.kind === 'done') {
        done = true;
        timings.push(message.timing);
        resolve();
      } else if (message.kind === 'error') {
        reject(new Error(message.message));
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (done || stopped() ? resolve() : reject(new Error(`the index worker stopped (exit code ${code}) before it was done`))));
  }));
  return Promise.all(runs).then(
    () => timings,
    (error) => {
      for (const worker of workers) void worker.terminate();
      throw error;
    },
  );
}

/**
 * What a worker needs to index `folder` as the extension would: its exclude
 * setting, the workspace folders inside it, and the layered config of each
 * of its directories that holds a config file (`configOf` gives the config
 * of a document, so the workers' configs are the ones the lint uses).
 */
export async function workerTaskFor(
  folder: vscode.WorkspaceFolder,
  exclude: string[],
  configFiles: readonly vscode.Uri[],
  configOf: (document: vscode.Uri) => Promise<ArtifactsConfig>,
): Promise<FolderTask> {
  const root = folder.uri.fsPath;
  const inside = (fsPath: string) => fsPath.startsWith(root.endsWith('/') || root.endsWith('\\') ? root : `${root}${fsPathSeparator()}`);
  const nestedFolders = (vscode.workspace.workspaceFolders ?? []).map((other) => other.uri).filter((uri) => uri.scheme === 'file' && inside(uri.fsPath)).map((uri) => uri.fsPath);
  const configs = await Promise.all(
    configFiles.filter((file) => vscode.workspace.getWorkspaceFolder(file)?.uri.toString() === folder.uri.toString()).map(async (file) => {
      const dir = vscode.Uri.joinPath(file, '..');
      // The config of a document in that directory: every config file from there up to the folder, layered.
      return [dir.fsPath, await configOf(vscode.Uri.joinPath(dir, 'index.md'))] as [string, ArtifactsConfig];
    }),
  );
  return { exclude, nestedFolders, configs };
}

function fsPathSeparator(): string {
  return node()?.path.sep ?? '/';
}
