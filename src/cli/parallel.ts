import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { ConfigFinder, loadConfig } from './configs';
import { runFileTask } from './fileTask';
import type { FileOutcome, FileTaskKind } from './fileTask';

/**
 * Files per thread below which a thread surely costs more than it saves: a
 * worker loads the bundle and warms its JIT before its first file (most of a
 * second on 2 cores, see DEFAULT_JOBS), a file takes 1–3 ms.
 */
const MIN_FILES_PER_THREAD = 50;
/** A worker that posts nothing for this long is taken for dead; the files it held are linted here. */
const STALL_MS = 5 * 60 * 1000;

/** What a worker thread is given (workerData.agileArtifactsTask). */
export interface WorkerTask {
  kind: FileTaskKind;
  files: string[];
  /** The `--config FILE` of the run, which the worker loads again. */
  configFile?: string;
  /** [0]: the next file to claim; [1]: outcomes posted so far. */
  shared: Int32Array;
  port: MessagePort;
}

type Posted = { index: number; outcome: FileOutcome } | { index: number; error: string };

/**
 * One thread unless `--jobs N` asks for more. Measured on 2 cores (npm run
 * bench), threads lost: a worker spends most of a second loading the bundle
 * and warming its own JIT before its first file, more than it saves on a
 * backlog of a few thousand files. With more cores and larger backlogs they can win.
 */
export const DEFAULT_JOBS = 1;

/**
 * The outcome of every file, in the order given. With more than one job and
 * enough files, worker threads and this one each claim the next file from a
 * shared counter, so a long file does not hold up the rest. This thread
 * waits synchronously (Atomics.wait), so the CLI stays one synchronous run,
 * and the outcomes are the same whatever the number of threads.
 */
export function runFileTasks(kind: FileTaskKind, files: string[], configs: ConfigFinder, configFile: string | undefined, jobs: number): FileOutcome[] {
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  const threads = Math.min(jobs, Math.floor(files.length / MIN_FILES_PER_THREAD));
  if (threads <= 1) return files.map((file) => runFileTask(kind, file, configs));
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  for (let i = 1; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const task: WorkerTask = { kind, files, configFile, shared, port: port2 };
    // This bundle again: its entry sees workerData and serves the task (see serveWorkerTask).
    new Worker(__filename, { workerData: { agileArtifactsTask: task }, transferList: [port2] }).unref();
    ports.push(port1);
  }
  let received = 0;
  const drain = () => {
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const posted = message.message as Posted;
        if ('error' in posted) throw new Error(`${files[posted.index]}: ${posted.error}`);
        outcomes[posted.index] = posted.outcome;
        received++;
      }
    }
  };
  for (let index = Atomics.add(shared, 0, 1); index < files.length; index = Atomics.add(shared, 0, 1)) {
    outcomes[index] = runFileTask(kind, files[index], configs);
    received++;
    drain();
  }
  while (received < files.length) {
    const posted = Atomics.load(shared, 1);
    drain();
    if (received >= files.length) break;
    if (Atomics.wait(shared, 1, posted, STALL_MS) === 'timed-out') break;
  }
  ports.forEach((port) => port.close());
  // Files a dead worker claimed are done here, so nothing is left out.
  return outcomes.map((outcome, index) => outcome ?? runFileTask(kind, files[index], configs));
}

/** The worker side: claims files until none are left, posting each outcome as it is made. */
export function serveWorkerTask(task: WorkerTask): void {
  const configs = new ConfigFinder(task.configFile ? loadConfig(task.configFile) : undefined);
  for (let index = Atomics.add(task.shared, 0, 1); index < task.files.length; index = Atomics.add(task.shared, 0, 1)) {
    let posted: Posted;
    try {
      posted = { index, outcome: runFileTask(task.kind, task.files[index], configs) };
    } catch (error) {
      posted = { index, error: String((error as Error)?.stack ?? error) };
    }
    task.port.postMessage(posted);
    Atomics.add(task.shared, 1, 1);
    Atomics.notify(task.shared, 1);
  }
  task.port.close();
}
