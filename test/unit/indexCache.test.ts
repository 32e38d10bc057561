import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BacklogGraph, INDEX_CACHE_FORMAT, decodeIndexCache, encodeIndexCache, fingerprint, lintConfigText, rulesTable } from '../../src/core';
import type { CachedFile, FileRecord, IndexCache } from '../../src/core';
import { record } from './graphFixtures';
import { freshPath, rngOf, snapshot, textFor } from './graphWalk';

// The persisted backlog index (src/core/graph/cache.ts): what the editor
// saves to its workspace storage and publishes at the next activation before
// re-reading the files that changed.

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

function exampleRecords(): FileRecord[] {
  const files = fs.readdirSync(EXAMPLES, { recursive: true }).map(String).filter((file) => file.endsWith('.md')).sort();
  return files.map((file) => record(`file://${EXAMPLES}/${file}`, fs.readFileSync(path.join(EXAMPLES, file), 'utf8')));
}

/** Records with everything a record can hold: nesting, parent fields, roles, status, templates, summaries, suppressions, levels. */
function richRecords(): FileRecord[] {
  const { config } = lintConfigText('rules:\n  unknown-parent: error\n  duplicate-id: off\n');
  return [
    ...exampleRecords(),
    record('file:///w/EPIC-1-pay/us-1.story.md', '---\ntype: story\nid: US-1\nstatus: In progress\nparent: FEAT-9\naccepted-by: PO\n---\n<!-- agile-artifacts-disable-next-line duplicate-id -->\n# Pay by card\n\nAs a shopper, I want to pay so that I leave sooner.\n', config),
    record('file:///w/sprints/sprint-4.md', '# Sprint 4\n\n| ID | User Story | Accepted By | Feature |\n|---|---|---|---|\n| US-2 | As a shopper, I want to pay so that I leave sooner. | PO | FEAT-1 |\n'),
    record('file:///w/.github/ISSUE_TEMPLATE/story.md', '---\nname: Story\nabout: A user story\nlabels: story\n---\n## Story\n\nAs a <role>, I want <goal> so that <value>.\n\n## Acceptance Criteria\n\n- [ ] …\n'),
    record('file:///w/epic_10_gateway.md', '# Epic 10: Secure API Gateway\n\n## US 10.1: Nginx reverse proxy\n\n**Accepted by:** Product Owner\n**Parent:** EPIC-9\n\nAs a developer, I want a proxy so that I can route.\n\n### Acceptance Criteria\n\n- routes\n'),
    record('file:///w/notes.md', '# Notes\n\nWe talked about FEAT-1.\n'),
    record('file:///w/BACKLOG.md', '# Backlog\n\n### EPIC 1: Core\n\n| Feature ID | Name |\n|---|---|\n| FEAT-core-write | Write |\n'),
    record('file:///w/my%20epic/ä story.story.md', '# Story: Ümlaut ✓ "quoted" \\ back\n\n**Parent:** [EPIC-1](../EPIC-1-pay/e.epic.md)\n'),
  ];
}

function cacheOf(records: FileRecord[], key = 'v1'): IndexCache {
  const files: CachedFile[] = records.map((made, i) => ({ file: made.file, mtime: 1_700_000_000_000 + i * 1.5, size: 100 + i, record: made }));
  // A file with no item the index keeps is remembered too (so it is not read again).
  files.push({ file: 'file:///w/README.md', mtime: 1, size: 2 });
  return { key, files };
}

describe('index cache: (de)serialisation', () => {
  it('a round trip gives the same records, stats and key', () => {
    const cache = cacheOf(richRecords());
    const shapes = new Set(cache.files.flatMap((entry) => entry.record?.items.map((item) => item.shape) ?? []));
    for (const shape of ['file', 'section', 'row']) assert.ok(shapes.has(shape as never), `the corpus has no ${shape} item`);
    assert.ok(cache.files.some((entry) => entry.record?.items.some((item) => item.parentRef && item.nestedIn !== undefined && item.roles.length)));
    assert.ok(cache.files.some((entry) => entry.record && Object.keys(entry.record.levels).length));
    assert.ok(cache.files.some((entry) => entry.record?.items.some((item) => item.suppressed.length && item.status)));
    assert.ok(cache.files.some((entry) => entry.record?.items.some((item) => item.groupsOnly)), 'the corpus has no grouping heading');
    const decoded = decodeIndexCache(encodeIndexCache(cache), 'v1');
    assert.ok('cache' in decoded, 'error' in decoded ? decoded.error : '');
    assert.deepStrictEqual(decoded.cache, cache);
  });

  it('a round trip of the random backlog walk equals its records', () => {
    const rng = rngOf(7);
    const files: string[] = [];
    const records: FileRecord[] = [];
    for (let i = 0; i < 300; i++) {
      const file = freshPath(rng, new Set(files));
      files.push(file);
      records.push(record(file, textFor(rng, file, files)));
    }
    const cache = cacheOf(records);
    const decoded = decodeIndexCache(encodeIndexCache(cache));
    assert.ok('cache' in decoded);
    assert.deepStrictEqual(decoded.cache, cache);
  });

  it('the encoding is compact: folders once, no key per item', () => {
    const cache = cacheOf(richRecords());
    const text = encodeIndexCache(cache);
    assert.ok(text.length < JSON.stringify(cache).length / 2, `${text.length} bytes, plain JSON ${JSON.stringify(cache).length}`);
    assert.equal(text.split(`${EXAMPLES}/stories/`).length - 1, 1, 'the stories folder is written once');
  });

  it('rejects another key, another format and what is not a cache, without throwing', () => {
    const text = encodeIndexCache(cacheOf(exampleRecords(), 'extension 0.1.0, table aaaa'));
    assert.match(errorOf(decodeIndexCache(text, 'extension 0.2.0, table aaaa')), /another version/);
    const [header, ...rest] = text.split('\n');
    assert.match(errorOf(decodeIndexCache([JSON.stringify({ ...JSON.parse(header), version: INDEX_CACHE_FORMAT + 1 }), ...rest].join('\n'))), /format/);
    // A file line more or less than the header says.
    assert.match(errorOf(decodeIndexCache([header, rest[0], ...rest].join('\n'))), /truncated/);
    assert.match(errorOf(decodeIndexCache([header, ...rest.slice(1)].join('\n'))), /truncated/);
    for (const other of ['', 'null', '[]', '{}', '"agile-artifacts-index"', '{"format":"agile-artifacts-index"}', '{"format":"agile-artifacts-index","version":1,"key":"k","folders":[],"count":0}', '\u0000\u0001binary']) {
      assert.ok('error' in decodeIndexCache(other), `accepted ${JSON.stringify(other)}`);
    }
  });

  it('rejects every truncation of a cache', () => {
    const text = encodeIndexCache(cacheOf(exampleRecords()));
    // Up to the last character but the final newline (without it, the text is whole).
    for (let length = 0; length < text.length - 1; length += Math.max(1, Math.floor(text.length / 400))) {
      const result = decodeIndexCache(text.slice(0, length));
      assert.ok('error' in result, `a cache cut at ${length} of ${text.length} was accepted`);
    }
  });

  it('rejects values of the wrong shape anywhere (a seeded corruption of single values)', () => {
    const text = encodeIndexCache(cacheOf(richRecords()));
    assert.ok('error' in decodeIndexCache(text.replace(/\]\n/, ']x\n')), 'a line that is no JSON');
    const rng = rngOf(11);
    const replacements: unknown[] = [null, 'x', -1, 1.5, [], {}, true, 'file', 99999];
    let rejected = 0;
    let accepted = 0;
    for (let round = 0; round < 400; round++) {
      const lines = text.trimEnd().split('\n');
      // A random leaf (or inner array) of a random file line.
      const line = 1 + Math.floor(rng.next() * (lines.length - 2));
      const entry = JSON.parse(lines[line]);
      let at: unknown[] = entry;
      for (let depth = 0; depth < 4; depth++) {
        const child = at[Math.floor(rng.next() * at.length)];
        if (!Array.isArray(child) || !child.length || rng.chance(0.3)) break;
        at = child;
      }
      const index = Math.floor(rng.next() * at.length);
      const was = at[index];
      const value = rng.pick(replacements);
      if (JSON.stringify(value) === JSON.stringify(was)) continue;
      at[index] = value;
      let result: ReturnType<typeof decodeIndexCache>;
      lines[line] = JSON.stringify(entry);
      assert.doesNotThrow(() => (result = decodeIndexCache(lines.join('\n'))));
      if ('error' in result!) rejected++;
      else accepted++;
    }
    // A string for a string (a title) or a number for a number may stay valid data; a wrong type never does.
    assert.ok(rejected > accepted * 2, `${rejected} rejected, ${accepted} accepted`);
  });

  it('the fingerprint changes with the text', () => {
    const table = JSON.stringify(rulesTable());
    assert.equal(fingerprint(table), fingerprint(table));
    assert.notEqual(fingerprint(table), fingerprint(table.replace('"PO"', '"P0"')));
    assert.notEqual(fingerprint('rules:\n  wrong-role: off\n'), fingerprint('rules:\n  wrong-role: of\n'));
    assert.notEqual(fingerprint(''), fingerprint(' '));
    assert.match(fingerprint('x'), /^[0-9a-f]{16}$/);
  });
});

describe('index cache: loaded, then refreshed with the files that changed, it equals an index built from scratch', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`a random backlog of 120 files, then edits, new files and deletions (seed ${seed})`, () => {
      const rng = rngOf(seed);
      const texts = new Map<string, string>();
      for (let i = 0; i < 120; i++) {
        const file = freshPath(rng, new Set(texts.keys()));
        texts.set(file, textFor(rng, file, [...texts.keys()]));
      }
      // The last session: its records, saved and read back.
      const saved = encodeIndexCache({ key: 'k', files: [...texts].map(([file, text]) => ({ file, mtime: 1, size: text.length, record: record(file, text) })) });
      // While the window was closed: edits, new files, deletions.
      const changed = new Set<string>();
      const deleted = new Set<string>();
      for (let step = 0; step < 40; step++) {
        const files = [...texts.keys()];
        const roll = rng.next();
        if (roll < 0.4) {
          const file = rng.pick(files);
          texts.set(file, textFor(rng, file, files));
          changed.add(file);
        } else if (roll < 0.7) {
          const file = freshPath(rng, new Set([...files, ...deleted]));
          texts.set(file, textFor(rng, file, files));
          changed.add(file);
        } else {
          const file = rng.pick(files);
          texts.delete(file);
          changed.delete(file);
          deleted.add(file);
        }
      }
      const decoded = decodeIndexCache(saved, 'k');
      assert.ok('cache' in decoded);
      const cached = new BacklogGraph(rulesTable());
      cached.load(decoded.cache.files.flatMap((entry) => (entry.record ? [entry.record] : [])));
      // The refresh: files whose stat differs are read again, files no longer listed are dropped.
      for (const file of changed) cached.update(record(file, texts.get(file)!));
      for (const file of deleted) cached.remove(file);

      const scratch = new BacklogGraph(rulesTable());
      for (const [file, text] of texts) scratch.update(record(file, text));
      assert.deepStrictEqual(snapshot(cached), snapshot(scratch));
    });
  }

  it('load() of many records equals update() one at a time, and on a graph that holds files it updates them', () => {
    const rng = rngOf(42);
    const texts = new Map<string, string>();
    for (let i = 0; i < 200; i++) {
      const file = freshPath(rng, new Set(texts.keys()));
      texts.set(file, textFor(rng, file, [...texts.keys()]));
    }
    // Each graph its own records: update() may give the items it holds a new record's values.
    const recordsOf = () => [...texts].map(([file, text]) => record(file, text));
    const loaded = new BacklogGraph(rulesTable());
    const steps = [...loaded.loading(recordsOf(), 50)].length;
    assert.ok(steps > 3, `loading() yielded ${steps} times`);
    const updated = new BacklogGraph(rulesTable());
    for (const made of recordsOf()) updated.update(made);
    assert.deepStrictEqual(snapshot(loaded), snapshot(updated));
    // A second load onto a graph with files: the newer records win, as update does.
    const [first] = texts.keys();
    const newer = '# US-3: Renamed\n\n**Parent:** FEAT-1\n';
    loaded.load([record(first, newer)]);
    updated.update(record(first, newer));
    assert.deepStrictEqual(snapshot(loaded), snapshot(updated));
  });
});

function errorOf(result: ReturnType<typeof decodeIndexCache>): string {
  assert.ok('error' in result, 'the cache was accepted');
  return result.error;
}
