import * as assert from 'node:assert/strict';
import { lintMarkdown } from '../../src/core';
import type { Finding } from '../../src/core';

/** Applies a finding's preferred fix to the text. */
function applyPreferred(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((candidate) => candidate.preferred);
  assert.ok(fix, `a preferred fix for ${finding.rule}`);
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  const [edit] = fix.edits;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

const story = (value: string) => `---\ntype: story\naccepted-by: ${value}\n---\n# Story: s\n\nAs a user, I want x so that y.\n\n## Acceptance Criteria\n\n- ok\n`;

describe('front-matter values that are not written as they read', () => {
  for (const [name, value, fixed] of [
    ['plain', 'Product Manager', 'accepted-by: Product Owner\n'],
    ['quoted', '"Product Manager"', 'accepted-by: "Product Owner"\n'],
    ['escaped', '"Product\\tManager"', 'accepted-by: "Product Owner"\n'],
    ['folded', '>\n  Product\n  Management', 'accepted-by: Product Owner\n'],
    ['over two lines', 'Product\n  Management', 'accepted-by: Product Owner\n'],
  ]) {
    it(`${name}: the fix replaces the whole value`, () => {
      const text = story(value);
      const [finding] = lintMarkdown(text).findings;
      assert.equal(finding?.rule, 'wrong-role');
      assert.ok(applyPreferred(text, finding).includes(fixed), applyPreferred(text, finding));
    });
  }

  it('an escaped list value is reported on the whole value, without a fix', () => {
    const [finding] = lintMarkdown(story('"Jane, \\x50M"')).findings;
    assert.equal(finding.rule, 'wrong-role');
    assert.equal(finding.fixes, undefined);
  });

  it('a very long value is prose, not a role (and linear: the suite timeout catches a quadratic split)', () => {
    const findings = lintMarkdown(story(`a${' '.repeat(200_000)}b`)).findings;
    assert.deepEqual(findings.filter((finding) => finding.rule.endsWith('role')), []);
  });
});
