import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintMarkdown } from '../../src/core';
import { withoutMemos } from '../../src/core/memo';
import { FIXTURES, fixtureFiles } from './fixtureExpectations';
import { mulberry32, mutate } from './mutate';

// The memos (per line text, per run of lines, the lines of the last documents
// scanned) only change how fast a lint is, never what it finds: a document
// edited keystroke after keystroke, linted with every memo warm, gives what a
// lint with the memos off gives for the same text.

// Memo state, not output: the facts on each line, and a section's title as the matchers compare it (filled in when first asked for).
const MEMO_STATE = new Set(['facts', 'lower', 'normalized', 'folded', 'ascii']);

/** The result as plain data. */
function outcome(text: string, fileName: string): string {
  const result = lintMarkdown(text, { fileName });
  // An item's parent is the item its children are listed under: its start line stands for it.
  return JSON.stringify(result, (key, value) => (MEMO_STATE.has(key) ? undefined : key === 'parent' && value ? value.startLine : value));
}

function firstDifference(warm: string, cold: string): string {
  let at = 0;
  while (warm[at] === cold[at]) at++;
  return `at …${warm.slice(Math.max(0, at - 160), at)}: warm ${warm.slice(at, at + 80)}, cold ${cold.slice(at, at + 80)}`;
}

/** Edits as typing makes them: a character, a deleted or a repeated line, a line break, now and then a mutation. */
function edit(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const roll = random();
  if (roll < 0.4) {
    const column = Math.floor(random() * (lines[at].length + 1));
    lines[at] = lines[at].slice(0, column) + 'xe P:|#*-'[Math.floor(random() * 9)] + lines[at].slice(column);
  } else if (roll < 0.55) lines.splice(at, 1);
  else if (roll < 0.7) lines.splice(at, 0, lines[Math.floor(random() * lines.length)]);
  else if (roll < 0.85) lines.splice(at, 0, '');
  else return mutate(text, random);
  return lines.join('\n');
}

describe('memos: a document edited edit after edit lints as it would with the memos off', () => {
  const seed = 20261203;
  const sources = fixtureFiles('markdown', /\.md$/).map((file) => ({ file, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }));
  it(`${sources.length} fixtures, 25 edits each (seed ${seed})`, function () {
    this.timeout(60_000);
    const random = mulberry32(seed);
    for (const source of sources) {
      const fileName = path.basename(source.file);
      let text = source.text;
      for (let step = 0; step < 25; step++) {
        text = edit(text, random);
        const warm = outcome(text, fileName);
        const cold = withoutMemos(() => outcome(text, fileName));
        if (warm !== cold) assert.fail(`${source.file}, edit ${step} (seed ${seed}): the warm lint differs ${firstDifference(warm, cold)}\n--- text ---\n${JSON.stringify(text)}`);
      }
    }
  });

  it('the real backlog files (../shared/realworld): as they are, with an edit in the middle, and as they were', function () {
    const files = path.resolve(__dirname, '../../../../shared/realworld/files');
    if (!fs.existsSync(files)) this.skip();
    this.timeout(60_000);
    for (const name of fs.readdirSync(files)) {
      const text = fs.readFileSync(path.join(files, name), 'utf8');
      const middle = text.length >> 1;
      for (const version of [text, `${text.slice(0, middle)}x${text.slice(middle)}`, text]) {
        const warm = outcome(version, name);
        const cold = withoutMemos(() => outcome(version, name));
        if (warm !== cold) assert.fail(`${name}: the warm lint differs ${firstDifference(warm, cold)}`);
      }
    }
  });

  it('two documents edited in turn each keep their own lines', () => {
    const a = '# Story: A\n\nAs a shopper, I want to pay so that I leave.\n\nAccepted by: PO\n';
    const b = '# Story: A\n\nAs a shopper, I want to pay.\n\nAccepted by: PM\n\n## Acceptance Criteria\n\n- ok\n';
    for (let i = 0; i < 3; i++) {
      for (const text of [a, b, a.replace('PO', 'Product Management'), b.slice(0, 20)]) {
        assert.equal(outcome(text, 'a.story.md'), withoutMemos(() => outcome(text, 'a.story.md')));
      }
    }
  });
});
