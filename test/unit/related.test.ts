import * as assert from 'node:assert/strict';
import { lintConfigText, lintMarkdown } from '../../src/core';

describe('related places', () => {
  it('a roster person in the wrong role points at their roster entry', () => {
    const { config } = lintConfigText('people:\n  Alice Chen: { roles: [product-management], art: Payments }\n');
    const [finding] = lintMarkdown('---\naccepted-by: Alice Chen\n---\n# Story: s\n\nAs a user, I want x so that y.\n\n## Acceptance Criteria\n\n- ok\n', { config }).findings;
    assert.equal(finding.rule, 'wrong-role');
    assert.match(finding.message, /^Alice Chen is listed as Product Management in the roster, and Product Management accepts features, not stories: Product Owners accept stories\.$/);
    assert.deepEqual(finding.related, [
      { message: 'Alice Chen in the roster of .agile-artifacts.yaml', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } }, file: 'config' },
    ]);
  });

  it('one person named as both Product Manager and Product Owner points at the first naming', () => {
    const [finding] = lintMarkdown('# Feature: f\n\nProduct Manager: Erin Park\nPO: Erin Park\n\n## Benefit Hypothesis\n\nx\n\n## Acceptance Criteria\n\n- ok\n').findings;
    assert.equal(finding.rule, 'role-separation');
    assert.equal(finding.related?.[0].file, 'same');
    assert.equal(finding.related?.[0].range.start.line, 2);
  });
});
