// The backlog index's worker thread in the Node host (dist/indexWorker.js):
// walks one workspace folder, reads its Markdown files and makes their index
// records with the engine (dist/engine.js, shared with the extension), so the
// extension host's own thread only merges records into the graph. No `vscode`
// here: a worker thread has no extension API.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import picomatch from 'picomatch';
import { EMPTY_CONFIG, indexText } from '../../../core';
import type { ArtifactsConfig } from '../../../core';
import { readLintable } from '../../../cli/fileTask';
import { sortedEntries } from '../../../cli/files';
import { GATE_PAUSED, GATE_STOPPED } from './protocol';
import type { IndexWorkerMessage, IndexWorkerTask, WorkerEntry, WorkerTiming } from './protocol';

/** Records per message: large enough that posting costs little, small enough that the graph fills as the worker goes. */
const BATCH_FILES = 100;
/** The extension's glob `**\/{*.md,*.markdown}`, which the file search and the watcher match case-sensitively. */
const MARKDOWN_FILE = /\.(?:md|markdown)$/;

function serve(task: IndexWorkerTask, post: (message: IndexWorkerMessage) => void): void {
  const startupMs = Date.now() - task.createdAt;
  const walkStart = performance.now();
  const files = markdownFiles(task);
  const walked = performance.now();
  let readMs = 0;
  let indexMs = 0;
  const configs = new Map(task.configs);
  const configOf = configLookup(task.root, configs);
  const pause = new Int32Array(task.pause);
  let pausedMs = 0;
  let batch: WorkerEntry[] = [];
  for (let i = task.share.index; i < files.length; i += task.share.of) {
    if (Atomics.load(pause, 0) === GATE_PAUSED) pausedMs += waitWhilePaused(pause, () => post({ kind: 'paused' }));
    // The build is over (a newer one, or the extension is going): nothing more is wanted.
    if (Atomics.load(pause, 0) === GATE_STOPPED) return;
    const { rel, file } = files[i];
    const readStart = performance.now();
    const read = readLintable(file);
    const indexStart = performance.now();
    // Each file is read once in a build: `once` keeps its lines out of the memos.
    const record = 'skipped' in read ? undefined : indexText(rel, read.text, { config: configOf(path.dirname(file)), once: true, fileName: path.basename(file) });
    readMs += indexStart - readStart;
    indexMs += performance.now() - indexStart;
    batch.push({ rel, record: record ?? null });
    if (batch.length === BATCH_FILES) {
      post({ kind: 'records', entries: batch });
      batch = [];
    }
  }
  post({ kind: 'records', entries: batch });
  const timing = { startupMs, walkMs: walked - walkStart, readMs, indexMs, pausedMs };
  post({ kind: 'done', files: files.length, timing: roundTiming(timing) });
}

/**
 * Blocks this thread while the flag is set (an open document is being linted
 * on the extension host's thread); returns the ms it waited. It wakes on the
 * host's notify, and looks again every 100 ms in any case.
 */
function waitWhilePaused(pause: Int32Array, onPause: () => void): number {
  const start = performance.now();
  onPause();
  while (Atomics.load(pause, 0) === GATE_PAUSED) Atomics.wait(pause, 0, GATE_PAUSED, 100);
  return performance.now() - start;
}

function roundTiming(timing: WorkerTiming): WorkerTiming {
  const round = (ms: number) => Math.round(ms);
  return { startupMs: round(timing.startupMs), walkMs: round(timing.walkMs), readMs: round(timing.readMs), indexMs: round(timing.indexMs), pausedMs: round(timing.pausedMs) };
}

/**
 * The Markdown files of the folder (each relative to it, `/`-separated, and its path on disk, in
 * a fixed order so the workers that share a folder split the same list), as
 * the extension's file search finds them: no `node_modules`, no dot-folders,
 * nothing the `exclude` setting names, nothing inside another workspace folder.
 */
function markdownFiles(task: IndexWorkerTask): { rel: string; file: string }[] {
  const excluded = task.exclude.length ? picomatch(task.exclude, { dot: true }) : () => false;
  const nested = new Set(task.nestedFolders);
  const seen = new Set<string>();
  const found: { rel: string; file: string }[] = [];
  const walk = (dir: string, rel: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    // A folder reached twice through links is walked once, and a link loop ends.
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of sortedEntries(dir)) {
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const kind = entry.isSymbolicLink() ? linkTarget(full) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
      if (kind === 'dir') {
        if (entry.name === 'node_modules' || entry.name.startsWith('.') || nested.has(full)) continue;
        walk(full, relPath);
      } else if (kind === 'file' && MARKDOWN_FILE.test(entry.name) && !excluded(relPath)) {
        found.push({ rel: relPath, file: full });
      }
    }
  };
  walk(task.root, '');
  return found;
}

function linkTarget(file: string): 'dir' | 'file' | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The config that applies in a directory: the layered config of the nearest
 * directory (up to the folder root) that holds a config file, as the
 * extension's ConfigStore layers it; the defaults where none does.
 */
function configLookup(root: string, configs: Map<string, ArtifactsConfig>): (dir: string) => ArtifactsConfig {
  const byDir = new Map<string, ArtifactsConfig>();
  const lookup = (dir: string): ArtifactsConfig => {
    let config = byDir.get(dir);
    if (config) return config;
    const parent = path.dirname(dir);
    config = configs.get(dir) ?? (dir === root || parent === dir || !dir.startsWith(root) ? EMPTY_CONFIG : lookup(parent));
    byDir.set(dir, config);
    return config;
  };
  return lookup;
}

const task = (workerData as { agileArtifactsIndexTask?: IndexWorkerTask } | undefined)?.agileArtifactsIndexTask;
if (parentPort && task) {
  const port = parentPort;
  try {
    serve(task, (message) => port.postMessage(message));
  } catch (error) {
    port.postMessage({ kind: 'error', message: String((error as Error)?.stack ?? error) } satisfies IndexWorkerMessage);
  }
}
