import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintConfigText, lintMarkdown, RoleResolver, rulesTable } from '../../src/core';
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
    const text = `${rule.examples!.right.trimEnd()}\n${sentence}\n`;
    const lastLine = text.split('\n').length - 2;
    return lintMarkdown(text, { fileName: rule.examples!.fileName }).findings.map((finding) => `${finding.range.start.line === lastLine ? 'sentence' : finding.range.start.line + 1}:${finding.rule}`);
  };
  for (const sentence of rule.sentences!.reported) {
    it(`reported: ${sentence}`, () => assert.deepEqual(findingsFor(sentence), ['sentence:prose-role']));
  }
  for (const { sentence, why } of rule.sentences!.silent) {
    it(`silent (${why}): ${sentence}`, () => assert.deepEqual(findingsFor(sentence), []));
  }
});

describe('prose-role: config and inline control', () => {
  const text = '---\ntype: feature\n---\n# Feature: f\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n\nThe Team Lead PO accepts this feature.\n<!-- agile-artifacts-disable-next-line prose-role -->\nThe PO accepts this feature.\n';
  const proseFindings = (configText: string) => {
    const { config } = lintConfigText(configText);
    return lintMarkdown(text, { fileName: 'f.md', config, resolver: new RoleResolver(rulesTable(), config) }).findings.map((f) => `${f.range.start.line + 1}:${f.rule}:${f.severity}`);
  };

  it('reads the config’s role aliases, takes its level, and obeys a disable comment', () => {
    assert.deepEqual(proseFindings('roles:\n  product-owner: [Team Lead PO]\nrules:\n  prose-role: warning\n'), ['14:prose-role:warning']);
  });

  it('is silent when turned off', () => {
    assert.deepEqual(proseFindings('roles:\n  product-owner: [Team Lead PO]\nrules:\n  prose-role: "off"\n'), []);
  });
});
