import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES } from './fixtureExpectations';
import { scoreProseCorpus } from './proseCorpus';

// The hand-written corpus of ../shared/prose (copied verbatim, with its expected.tsv) and our
// own annotated items, most of them traps. Each must be matched line for line; the figures are
// what `node scripts/prose-metrics.js` prints.
describe('prose-role on the prose corpora', () => {
  for (const folder of ['prose/shared', 'markdown/prose']) {
    it(`${folder}: exactly the expected lines, no false alarm and no miss`, () => {
      const score = scoreProseCorpus(path.join(FIXTURES, folder));
      assert.ok(score.expected >= 10, `${folder} should hold at least 10 expected findings, has ${score.expected}`);
      assert.deepEqual({ unexpected: score.unexpected, missed: score.missed }, { unexpected: [], missed: [] });
      assert.equal(score.precision, 1);
      assert.equal(score.recall, 1);
    });
  }
});
