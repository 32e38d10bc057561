import * as assert from 'node:assert/strict';
import { BacklogGraph, compareItems, graphFindings, rulesTable } from '../../src/core';
import type { FileRecord } from '../../src/core';
import { relativePath } from '../../src/core/graph/paths';
import { record } from './graphFixtures';
import { mulberry32 } from './random';

// The property the index is built on: updated one file at a time (edits,
// new files, renames, deletions), it is the same index as one built from
// scratch of the files as they now are, and every file whose graph findings
// changed is among the files an update says it affected.

// GRAPH_SEED=n replays another walk.
const SEED = Number(process.env.GRAPH_SEED ?? 20240611);
const STEPS = 1000;

// A small universe, so ids repeat, parents loop and links hit and miss.
const IDS = ['EPIC-1', 'EPIC-2', 'FEAT-1', 'FEAT-2', 'FEAT-3', 'US-1', 'US-2', 'US-3', 'EN-1', 'PTG-1', 'PTG-2'];
const MISSING_IDS = ['FEAT-9', 'US-404', 'PTG-9', 'JIRA-7'];
const TITLES = ['Payments', 'Cards', 'Fix CI', 'Login', 'Wallet', 'Top up'];
const FREE = ['the OAuth routes enabler', 'Fix CJ', 'Walet'];
const FOLDERS = ['w', 'w/EPIC-1-pay', 'w/EPIC-1-pay/FEAT-2-cards', 'w/EPIC-1-pay/FEAT-2-cards/enablers', 'w/features', 'w/stories', 'w/PROJ-001-a', 'w/PROJ-004-b/EPIC-1-x'];
const TYPES = ['epic', 'feature', 'story', 'enabler-story', 'capability'];
const VOICE = 'As a shopper, I want to pay so that I leave sooner.';

interface Rng {
  next(): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

function rngOf(seed: number): Rng {
  const next = mulberry32(seed);
  return { next, pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

/** A parent value in one of the forms SPEC §7 reads (and a few that name nothing). */
function parentValue(rng: Rng, file: string, files: readonly string[]): string {
  const form = rng.next();
  if (form < 0.3) return rng.pick(IDS);
  if (form < 0.38) return rng.pick(MISSING_IDS);
  if (form < 0.45) return `"${rng.pick(IDS)}: ${rng.pick(TITLES)}"`;
  if (form < 0.55) return rng.pick(TITLES).toLowerCase();
  if (form < 0.6) return `"Feature: ${rng.pick(TITLES)}"`;
  if (form < 0.65) return rng.pick(FREE);
  if (form < 0.7) return rng.pick(['TBD', '"[Nome Epic]"']);
  const target = files.length && rng.chance(0.8) ? rng.pick(files) : `${rng.pick(FOLDERS)}/gone.md`;
  const label = rng.chance(0.5) ? rng.pick([...IDS, ...MISSING_IDS]) : 'the parent';
  return `"[${label}](${relativePath(file, target)}${rng.chance(0.2) ? '#acceptance-criteria' : ''})"`;
}

const disabled = (rng: Rng, rule: string) => (rng.chance(0.08) ? `<!-- agile-artifacts-disable-next-line ${rule} -->\n` : '');

/** A file's text: a typed file item, a heading item, an epic with sections, a sprint page, or no item at all. */
function textFor(rng: Rng, file: string, files: readonly string[]): string {
  const parent = () => (rng.chance(0.7) ? `${disabled(rng, 'unknown-parent')}**Parent:** ${parentValue(rng, file, files)}\n\n` : '');
  const kind = rng.next();
  if (kind < 0.35) {
    const fields = [`type: ${rng.pick(TYPES)}`];
    if (rng.chance(0.6)) fields.push(`id: ${rng.pick(IDS)}`);
    if (rng.chance(0.6)) fields.push(`${rng.pick(['parent', 'feature', 'epic', 'parent-id'])}: ${parentValue(rng, file, files)}`);
    return `---\n${fields.join('\n')}\n---\n${disabled(rng, 'duplicate-id')}# ${rng.pick(TITLES)}\n\n${VOICE}\n`;
  }
  if (kind < 0.6) return `${disabled(rng, 'duplicate-id')}# ${rng.pick(IDS)}: ${rng.pick(TITLES)}\n\n${parent()}${VOICE}\n`;
  if (kind < 0.8) {
    const lines = [`# ${rng.pick(['EPIC-1', 'EPIC-2', 'Epic 3'])}: ${rng.pick(TITLES)}`, ''];
    for (let s = Math.floor(rng.next() * 4); s >= 0; s--) {
      lines.push(`${rng.pick(['##', '###'])} ${rng.pick(IDS)}: ${rng.pick(TITLES)}`, '', parent(), VOICE, '');
    }
    return `${lines.join('\n')}\n`;
  }
  if (kind < 0.92) {
    const rows = Array.from({ length: 1 + Math.floor(rng.next() * 3) }, () => `| ${rng.pick(IDS)} | ${VOICE} | PO | ${rng.pick(['', rng.pick(IDS)])} |`);
    return `# Sprint 4\n\n| ID | User Story | Accepted By | Feature |\n|---|---|---|---|\n${rows.join('\n')}\n`;
  }
  return '# Notes\n\nWe talked about FEAT-1 and the login story.\n';
}

/** A path not in use: named after an id (its id then comes from the name), by type, or a plan page. */
function freshPath(rng: Rng, used: ReadonlySet<string>): string {
  for (;;) {
    const n = Math.floor(rng.next() * 6);
    const name = rng.pick([`${rng.pick(IDS).toLowerCase()}-x${n}.md`, `${rng.pick(IDS)}-y${n}.md`, `s${n}.story.md`, `f${n}.feature.md`, `e${n}.epic.md`, `sprint-${n}.md`, `notes-${n}.md`]);
    const file = `${rng.pick(FOLDERS)}/${name}`;
    if (!used.has(file)) return file;
  }
}

/** Everything the index answers, in a canonical order: items with parent and children, the top, and every file's findings. */
function snapshot(graph: BacklogGraph) {
  const items = [...graph.items()].sort(compareItems).map((item) => {
    const link = graph.parentLink(item);
    return {
      key: item.key,
      parent: link.parent?.key ?? null,
      via: link.via ?? null,
      byTitle: link.byTitle ?? false,
      missing: link.missing ?? null,
      children: graph.childrenOf(item).map((child) => child.key),
      orphan: graph.isOrphan(item),
      loop: graph.loopOf(item)?.map((member) => member.key) ?? null,
    };
  });
  const findings = Object.fromEntries(graph.files().map((file) => [file, graphFindings(graph, file)]));
  return { files: graph.files(), items, top: graph.topItems().map((item) => item.key), linksByTitle: graph.linksByTitle(), findings };
}

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
