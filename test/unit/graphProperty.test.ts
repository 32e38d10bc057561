import * as assert from 'node:assert/strict';
import { BacklogGraph, graphFindings, rulesTable } from '../../src/core';
import type { FileRecord } from '../../src/core';
import { record } from './graphFixtures';
import { freshPath, rngOf, snapshot, textFor } from './graphWalk';
import type { Rng } from './graphWalk';

// The property the index is built on: updated one file at a time (edits,
// new files, renames, deletions), it is the same index as one built from
// scratch of the files as they now are, and every file whose graph findings
// changed is among the files an update says it affected.

// GRAPH_SEED=n replays another walk.
const SEED = Number(process.env.GRAPH_SEED ?? 20240611);
const STEPS = 1000;

function fromScratch(records: ReadonlyMap<string, FileRecord>, rng: Rng): BacklogGraph {
  const graph = new BacklogGraph(rulesTable());
  // In a shuffled order: the index must not depend on the order files came in.
  const all = [...records.values()];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  for (const made of all) graph.update(made);
  return graph;
}

describe('backlog graph: updated file by file it equals the index built from scratch', () => {
  it(`${STEPS} random edits, new files, renames and deletions (seed ${SEED})`, function () {
    this.timeout(120000);
    const rng = rngOf(SEED);
    const graph = new BacklogGraph(rulesTable());
    const records = new Map<string, FileRecord>();
    const texts = new Map<string, string>();
    const put = (file: string, text: string) => {
      texts.set(file, text);
      records.set(file, record(file, text));
      return records.get(file)!;
    };
    const drop = (file: string) => {
      texts.delete(file);
      records.delete(file);
    };
    const log: string[] = [];
    const counts = { edit: 0, reword: 0, create: 0, rename: 0, delete: 0, affectedOthers: 0 };
    for (let step = 0; step < STEPS; step++) {
      const files = [...records.keys()].sort();
      const before = new Map(files.map((file) => [file, JSON.stringify(graphFindings(graph, file))]));
      const roll = rng.next();
      let affected: Set<string>;
      if (files.length < 6 || (files.length < 30 && roll < 0.2)) {
        const file = freshPath(rng, new Set(files));
        affected = graph.update(put(file, textFor(rng, file, files)));
        log.push(`${step} create ${file}`);
        counts.create++;
      } else if (roll < 0.3) {
        // A keystroke in a description: nothing the graph reads changes (the index keeps its items).
        const file = rng.pick(files);
        const text = texts.get(file)!;
        const reworded = text.includes('leave sooner') ? text.replace('leave sooner', 'go home') : text.replace('go home', 'leave sooner');
        affected = graph.update(put(file, reworded));
        log.push(`${step} reword ${file}`);
        counts.reword++;
      } else if (roll < 0.6) {
        const file = rng.pick(files);
        affected = graph.update(put(file, textFor(rng, file, files)));
        log.push(`${step} edit ${file}`);
        counts.edit++;
      } else if (roll < 0.82) {
        const from = rng.pick(files);
        const to = freshPath(rng, new Set(files));
        // A rename keeps the text, or (a save under a new name) changes it too.
        const text = rng.chance(0.7) ? texts.get(from)! : textFor(rng, to, files);
        drop(from);
        affected = graph.rename(from, put(to, text));
        log.push(`${step} rename ${from} → ${to}`);
        counts.rename++;
      } else {
        const file = rng.pick(files);
        drop(file);
        affected = graph.remove(file);
        log.push(`${step} delete ${file}`);
        counts.delete++;
      }
      const context = () => `after step ${step} (seed ${SEED}); the last steps:\n${log.slice(-8).join('\n')}`;
      for (const [file, was] of before) {
        if (!records.has(file)) continue;
        const now = JSON.stringify(graphFindings(graph, file));
        if (now === was) continue;
        assert.ok(affected.has(file), `the graph findings of ${file} changed but the update did not say it affected it, ${context()}\nbefore: ${was}\nnow: ${now}${process.env.GRAPH_DEBUG ? `\n${[...texts].map(([f, t]) => `=== ${f}\n${t}`).join('\n')}` : ''}`);
        if (!log[log.length - 1].includes(file)) counts.affectedOthers++;
      }
      const [ours, scratch] = [snapshot(graph), snapshot(fromScratch(records, rng))];
      assert.deepEqual(ours.files, scratch.files, `the index holds other files than one built from scratch ${context()}`);
      // The first item that differs, then the rest: a short diff to read when this fails.
      const differs = ours.items.findIndex((item, i) => JSON.stringify(item) !== JSON.stringify(scratch.items[i]));
      if (differs >= 0) assert.deepEqual(ours.items[differs], scratch.items[differs], `the index differs from one built from scratch ${context()}`);
      assert.deepEqual(ours, scratch, `the index differs from one built from scratch ${context()}`);
    }
    // The walk did what it says: every kind of step, and updates that changed other files' findings.
    for (const kind of ['edit', 'reword', 'create', 'rename', 'delete'] as const) assert.ok(counts[kind] > 50, `only ${counts[kind]} ${kind} steps`);
    assert.ok(counts.affectedOthers > 50, `only ${counts.affectedOthers} findings changed in files other than the one updated`);
  });
});
