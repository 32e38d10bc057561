import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './cliProcess';

// examples/ is the backlog `npm start` opens and the README shows: its README
// lists the deliberate mistakes, and they must be exactly what `lint` finds.

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');

/** The README's table of deliberate mistakes as `file:line rule`. */
function deliberateMistakes(): string[] {
  const readme = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| `([^`]+)` \| (\d+) \| `([a-z-]+)`/gm)].map(([, file, line, rule]) => `${file}:${line} ${rule}`).sort();
}

describe('examples/ (built CLI, as a process)', () => {
  it('lint finds exactly the deliberate mistakes its README lists', () => {
    const result = run(['lint', '.', '--format', 'json'], EXAMPLES);
    assert.equal(result.status, 1, result.stderr);
    const found = JSON.parse(result.stdout).map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`).sort();
    assert.deepEqual(found, deliberateMistakes());
    assert.ok(found.some((line: string) => line.endsWith('unknown-parent')) && found.some((line: string) => line.endsWith('parent-type')));
  });

  it('backlog shows one tree: the epic, its features, their stories; only ST-106, whose parent does not exist, stands outside it', () => {
    const result = run(['backlog', '.', '--format', 'json'], EXAMPLES);
    assert.equal(result.status, 0, result.stderr);
    const entries: { id?: string; type: string; parent: string | null }[] = JSON.parse(result.stdout);
    const parentOf = new Map(entries.map((entry) => [entry.id, entry.parent]));
    const underEpic = (id: string | undefined): boolean => {
      for (let at = id, hops = 0; at && hops < 5; at = parentOf.get(at) ?? undefined, hops++) if (at === 'EPIC-1') return true;
      return false;
    };
    assert.deepEqual(entries.filter((entry) => entry.parent === null).map((entry) => entry.id), ['EPIC-1', 'ST-106']);
    assert.ok(entries.every((entry) => entry.id === 'ST-106' || underEpic(entry.id)), 'every other item is under EPIC-1');
    const depth = (id: string | undefined) => {
      let hops = 0;
      for (let at = parentOf.get(id); at; at = parentOf.get(at) ?? undefined) hops++;
      return hops;
    };
    // The stories (the sprint rows too) are under features, except ST-107, whose parent is the epic itself.
    const stories = entries.filter((entry) => entry.type.endsWith('story') && entry.id !== 'ST-106');
    assert.deepEqual(stories.filter((entry) => depth(entry.id) !== 2).map((entry) => entry.id), ['ST-107']);
    assert.equal(stories.length, 9);
  });
});
