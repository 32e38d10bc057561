import type { ArtifactsConfig, FileRecord } from '../../../core';

/** What the extension gives an index worker (workerData.agileArtifactsIndexTask): plain data, cloned into the thread. */
export interface IndexWorkerTask {
  /** The workspace folder's path on disk. */
  root: string;
  /** The folder's `agileArtifacts.exclude` globs, relative to it. */
  exclude: string[];
  /** Paths of workspace folders inside this one: their files are theirs. */
  nestedFolders: string[];
  /** Each directory that holds a config file, with the layered config that applies there. */
  configs: [string, ArtifactsConfig][];
  /** This worker takes the files at positions index, index + of, … of the folder's sorted list. */
  share: { index: number; of: number };
  /**
   * One Int32 shared with the extension host's thread: GATE_PAUSED while an
   * open document is being linted (the worker waits before its next file),
   * GATE_STOPPED when the build is over (the worker ends).
   */
  pause: SharedArrayBuffer;
  /** Date.now() when the extension made the worker: its start-up (the thread, loading the engine) is timed from there. */
  createdAt: number;
}

/** A file the worker read: its path relative to the folder, `/`-separated, and its record (null: not checked, or no longer there). */
export interface WorkerEntry {
  rel: string;
  record: FileRecord | null;
}

export type IndexWorkerMessage =
  | { kind: 'records'; entries: WorkerEntry[] }
  | { kind: 'done'; files: number; timing: WorkerTiming }
  /** The worker began to wait for an open document's lint. */
  | { kind: 'paused' }
  | { kind: 'error'; message: string };

/** Where a worker's time went, in ms: from its creation until it began (thread start, loading the engine), then walking, reading, indexing and pausing. */
export interface WorkerTiming {
  startupMs: number;
  walkMs: number;
  readMs: number;
  indexMs: number;
  /** Waiting for open documents' lints. */
  pausedMs: number;
}

/** The values of IndexWorkerTask.pause. */
export const GATE_OPEN = 0;
export const GATE_PAUSED = 1;
export const GATE_STOPPED = 2;
