import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintMarkdown, rulesTable } from '../../src/core';
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

// The docs page of prose-role lists these sentences; each is linted as the last line of the rule's right example.
describe('prose-role: the sentences on its docs page', () => {
  const rule = rulesTable().rules.find((candidate) => candidate.id === 'prose-role')!;
  const findingsFor = (sentence: string) => {
    const text = `${rule.examples.right.trimEnd()}\n${sentence}\n`;
    const lastLine = text.split('\n').length - 2;
    return lintMarkdown(text, { fileName: rule.examples.fileName }).findings.map((finding) => `${finding.range.start.line === lastLine ? 'sentence' : finding.range.start.line + 1}:${finding.rule}`);
  };
  for (const sentence of rule.sentences!.reported) {
    it(`reported: ${sentence}`, () => assert.deepEqual(findingsFor(sentence), ['sentence:prose-role']));
  }
  for (const { sentence, why } of rule.sentences!.silent) {
    it(`silent (${why}): ${sentence}`, () => assert.deepEqual(findingsFor(sentence), []));
  }
});
