import * as assert from 'node:assert/strict';
import { lintMarkdown } from '../../src/core';
import type { Finding } from '../../src/core';

const HEAD = '---\ntype: feature\n---\n# Feature: Saved cards\n\n## Benefit Hypothesis\n\nWe believe x.\n\n## Acceptance Criteria\n\n- ok\n\n## Notes\n\n';
const START = HEAD.split('\n').length - 1;

function proseFindings(sentence: string): Finding[] {
  return lintMarkdown(`${HEAD}${sentence}\n`, { fileName: 'saved-cards.md' }).findings.filter((finding) => finding.rule === 'prose-role');
}

/** The sentence with a finding's preferred fix applied; its edits are on the sentence's line. */
function fixed(sentence: string): string {
  const [finding] = proseFindings(sentence);
  assert.ok(finding, `a prose-role finding for: ${sentence}`);
  const fix = finding.fixes?.find((candidate) => candidate.preferred);
  assert.ok(fix);
  let result = sentence;
  for (const edit of [...fix.edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    assert.equal(edit.range.start.line, START);
    result = result.slice(0, edit.range.start.character) + edit.newText + result.slice(edit.range.end.character);
  }
  return result;
}

describe('prose-role: squiggle and quick fix', () => {
  it('the squiggle covers the role words only', () => {
    const [finding] = proseFindings('The Product Owner accepts this feature.');
    assert.deepEqual(finding.range, { start: { line: START, character: 4 }, end: { line: START, character: 17 } });
    assert.equal(finding.severity, 'information');
    assert.equal(finding.message, 'Product Owners accept stories, not features: Product Management accepts features.');
  });

  for (const [sentence, expected] of [
    ['The PO accepts this feature.', 'The PM accepts this feature.'],
    ['The Product Owner accepts this feature.', 'Product Management accepts this feature.'],
    ['This feature is accepted by the Product Owner.', 'This feature is accepted by Product Management.'],
    ['Product Owners accept features.', 'Product Management accepts features.'],
    ['The Scrum Master/Team Coach will accept this feature.', 'Product Management will accept this feature.'],
    ['Once the demo is over, the RTE signs off the feature.', 'Once the demo is over, the PM signs off the feature.'],
    ['The PO and the RTE accept this feature.', 'The PO and the PM accept this feature.'],
    ['Product Management accepts the stories of this feature.', 'The Product Owner accepts the stories of this feature.'],
    ['Product Managers accept the stories of this feature.', 'Product Owners accept the stories of this feature.'],
    ['The stories are ordered by Product Management.', 'The stories are ordered by the Product Owner.'],
    ['PO sign-off closes this feature.', 'PM sign-off closes this feature.'],
  ]) {
    it(`"${sentence}" → "${expected}"`, () => {
      assert.equal(fixed(sentence), expected);
      assert.deepEqual(proseFindings(expected), [], 'the fixed sentence is right');
    });
  }

  it('offers each allowed role, the first preferred', () => {
    const [finding] = proseFindings('The PO defines the enabler features of this feature.');
    assert.deepEqual(finding.fixes?.map((fix) => [fix.title, fix.preferred === true]), [
      ['Replace "PO" with "SA"', true],
      ['Replace "PO" with "PM"', false],
    ]);
  });
});
