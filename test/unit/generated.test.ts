import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesTable } from '../../src/core';
import { RULE_DOCS_DIR, generatedFiles, generatedRegions, spliceRegion } from '../../src/generate';

/** The repository root, seen from the bundled test in out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');
const FIX = 'run npm run generate';

/** A file as committed; CRLF from a Windows checkout is no drift. */
function readIfPresent(relative: string): string | undefined {
  const file = path.join(ROOT, relative);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : undefined;
}

/** Where two texts first differ, to say more than "differs". */
function firstDifference(actual: string, expected: string): string {
  const found = actual.split('\n');
  const wanted = expected.split('\n');
  const line = wanted.findIndex((text, i) => found[i] !== text);
  const at = line === -1 ? wanted.length : line;
  return `line ${at + 1}: expected ${JSON.stringify(wanted[at] ?? '(end of file)')}, found ${JSON.stringify(found[at] ?? '(end of file)')}`;
}

function assertUpToDate(relative: string, expected: string): void {
  const actual = readIfPresent(relative);
  assert.ok(actual !== undefined, `${relative} is missing: ${FIX}`);
  assert.ok(actual === expected, `${relative} is out of date (${firstDifference(actual, expected)}): ${FIX}`);
}

// As markdownlint does: whatever is derived from the rules table is committed, and must match it.
describe('files generated from the rules table are up to date', () => {
  const table = rulesTable();
  const files = generatedFiles(table);

  for (const [relative, expected] of Object.entries(files)) {
    it(relative, () => assertUpToDate(relative, expected));
  }

  for (const [relative, regions] of Object.entries(generatedRegions(table))) {
    it(`${relative} (${Object.keys(regions).join(', ')})`, () => {
      const actual = readIfPresent(relative);
      assert.ok(actual !== undefined, `${relative} is missing`);
      let expected = actual;
      for (const [name, content] of Object.entries(regions)) expected = spliceRegion(expected, name, content);
      assertUpToDate(relative, expected);
    });
  }

  it(`${RULE_DOCS_DIR} has no page for a rule the table does not have`, () => {
    const dir = path.join(ROOT, RULE_DOCS_DIR);
    const stale = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.md') && !(`${RULE_DOCS_DIR}/${name}` in files)) : [];
    assert.deepEqual(stale, [], `stale pages in ${RULE_DOCS_DIR}: ${FIX}`);
  });
});

describe('spliceRegion', () => {
  it('replaces what is between the markers and keeps the rest', () => {
    const text = 'intro\n<!-- t:start -->\nold\n<!-- t:end -->\noutro\n';
    assert.equal(spliceRegion(text, 't', 'new\n'), 'intro\n<!-- t:start -->\n\nnew\n\n<!-- t:end -->\noutro\n');
  });

  it('fails loudly when a marker is gone', () => {
    assert.throws(() => spliceRegion('<!-- t:start -->\n', 't', 'x'), /missing the markers <!-- t:start -->/);
  });
});
