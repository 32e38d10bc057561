import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EMPTY_CONFIG, indexText, lintConfigText } from '../../src/core';
import type { ArtifactsConfig, FileRecord } from '../../src/core';
import type { IndexWorkerMessage, IndexWorkerTask, WorkerEntry, WorkerTiming } from '../../src/vscode/backlog/worker/protocol';
import { workspace } from './cliProcess';
import { ROOT } from './packagedFiles';

// The Node host's backlog index reads a folder in worker threads (the built
// dist/indexWorker.js, on the engine of dist/engine.js). What it finds and
// the records it makes must be what the extension's own path gives: the
// file search's rules (no node_modules, no dot-folders, the exclude setting,
// nested workspace folders left to themselves), and indexText with the
// config that applies in each directory.

const WORKER = path.join(ROOT, 'dist', 'indexWorker.js');

/** Runs the built worker on a task; `onPaused` is called with the entries so far each time it says it waits. */
function runWorker(task: IndexWorkerTask, onPaused?: (entriesSoFar: number) => void): Promise<{ entries: WorkerEntry[]; files: number; timing: WorkerTiming }> {
  return new Promise((resolve, reject) => {
    const entries: WorkerEntry[] = [];
    const worker = new Worker(WORKER, { workerData: { agileArtifactsIndexTask: task } });
    worker.on('message', (message: IndexWorkerMessage) => {
      if (message.kind === 'records') entries.push(...message.entries);
      else if (message.kind === 'done') resolve({ entries, files: message.files, timing: message.timing });
      else if (message.kind === 'paused') onPaused?.(entries.length);
      else reject(new Error(message.message));
    });
    worker.on('error', reject);
  });
}

const STORY = '# Story ST-1: Pay\n\n**Parent:** FEAT-1\n\nAs a shopper, I want to pay so that I leave.\n\n## Acceptance Criteria\n\n- It works.\n';
const FEATURE = '---\ntype: feature\nparent: EPIC-1\naccepted-by: Product Owner\n---\n# Feature FEAT-1: Checkout\n';
const TEAM_CONFIG = 'rules:\n  unknown-parent: off\n';

describe('backlog index worker (built): the folder as the extension finds and indexes it', function () {
  this.timeout(60000);
  const root = workspace({
    'ST-1.md': STORY,
    'features/FEAT-1.feature.md': FEATURE,
    'team/.agile-artifacts.yaml': TEAM_CONFIG,
    'team/deeper/ST-2.md': STORY.replace('ST-1', 'ST-2'),
    'team/notes.txt': 'not Markdown',
    'node_modules/pkg/ST-3.md': STORY,
    '.github/ST-4.md': STORY,
    'archive/ST-5.md': STORY,
    'inner/ST-6.md': STORY,
    'binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
    'ST-7.markdown': STORY.replace('ST-1', 'ST-7'),
    'ST-8.MD': STORY.replace('ST-1', 'ST-8'),
  });
  // A folder link back up: walked once, and the walk ends.
  fs.symlinkSync(root, path.join(root, 'team', 'loop'), 'dir');
  const teamConfig: ArtifactsConfig = lintConfigText(TEAM_CONFIG).config;
  const task = (share: IndexWorkerTask['share']): IndexWorkerTask => ({
    root,
    exclude: ['**/archive/**'],
    nestedFolders: [path.join(root, 'inner')],
    configs: [[path.join(root, 'team'), teamConfig]],
    share,
    pause: new SharedArrayBuffer(4),
    createdAt: Date.now(),
  });
  const expected = (rel: string, config: ArtifactsConfig): FileRecord | undefined =>
    indexText(rel, fs.readFileSync(path.join(root, rel), 'utf8'), { config, fileName: path.basename(rel) });

  it('finds the Markdown files the file search finds, and makes the records indexText makes', async () => {
    const { entries, files, timing } = await runWorker(task({ index: 0, of: 1 }));
    // Its timing is what the build's log and status report: each phase a whole, non-negative number of ms.
    for (const [phase, ms] of Object.entries(timing)) assert.ok(Number.isInteger(ms) && ms >= 0, `${phase}: ${ms}`);
    assert.deepEqual(Object.keys(timing).sort(), ['indexMs', 'pausedMs', 'readMs', 'startupMs', 'walkMs']);
    assert.deepEqual(entries.map((entry) => entry.rel), ['ST-1.md', 'ST-7.markdown', 'binary.md', 'features/FEAT-1.feature.md', 'team/deeper/ST-2.md']);
    assert.equal(files, 5);
    const byRel = new Map(entries.map((entry) => [entry.rel, entry.record]));
    assert.deepEqual(byRel.get('ST-1.md'), expected('ST-1.md', EMPTY_CONFIG));
    assert.deepEqual(byRel.get('features/FEAT-1.feature.md'), expected('features/FEAT-1.feature.md', EMPTY_CONFIG));
    // The team folder's config applies below it too: its graph rule level is in the record.
    const deeper = byRel.get('team/deeper/ST-2.md');
    assert.deepEqual(deeper, expected('team/deeper/ST-2.md', teamConfig));
    assert.equal(deeper?.levels['unknown-parent'], 'off');
    // Not text: no record, as the extension skips it.
    assert.equal(byRel.get('binary.md'), null);
  });

  it('waits before its next file while the shared pause flag is set, and goes on when it is cleared', async () => {
    const paused = task({ index: 0, of: 1 });
    const flag = new Int32Array(paused.pause);
    Atomics.store(flag, 0, 1);
    const pauses: number[] = [];
    let entriesWhilePaused = -1;
    const run = runWorker(paused, (soFar) => {
      pauses.push(soFar);
      // As the extension host does when the open document's lint is done, a while later.
      setTimeout(() => {
        entriesWhilePaused = soFar;
        Atomics.store(flag, 0, 0);
        Atomics.notify(flag, 0);
      }, 150);
    });
    const { entries, timing } = await run;
    assert.deepEqual(pauses, [0], 'one pause, before the first file');
    assert.equal(entriesWhilePaused, 0);
    assert.equal(entries.length, 5);
    // It waited until it was told to go on (timers may fire a little early, never much).
    assert.ok(timing.pausedMs >= 140, `paused ${timing.pausedMs} ms`);
  });

  it('ends without a record when the shared flag says the build is over, waking from a pause', async () => {
    const stopped = task({ index: 0, of: 1 });
    const flag = new Int32Array(stopped.pause);
    Atomics.store(flag, 0, 1);
    const messages: string[] = [];
    const code = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { agileArtifactsIndexTask: stopped } });
      worker.on('message', (message: IndexWorkerMessage) => {
        messages.push(message.kind);
        if (message.kind === 'paused') {
          // As PauseGate.stop does.
          Atomics.store(flag, 0, 2);
          Atomics.notify(flag, 0);
        }
      });
      worker.on('error', reject);
      worker.on('exit', resolve);
    });
    assert.equal(code, 0);
    assert.deepEqual(messages, ['paused']);
  });

  it('workers that share a folder split its files between them, each once', async () => {
    const [first, second] = await Promise.all([runWorker(task({ index: 0, of: 2 })), runWorker(task({ index: 1, of: 2 }))]);
    const all = [...first.entries, ...second.entries].map((entry) => entry.rel).sort();
    const alone = (await runWorker(task({ index: 0, of: 1 }))).entries.map((entry) => entry.rel).sort();
    assert.deepEqual(all, alone);
    assert.ok(first.entries.length && second.entries.length);
  });

  it('reports a folder it cannot read as an empty one, not a failure', async () => {
    const { entries, files } = await runWorker({ ...task({ index: 0, of: 1 }), root: path.join(root, 'no-such-folder') });
    assert.deepEqual(entries, []);
    assert.equal(files, 0);
  });
});
