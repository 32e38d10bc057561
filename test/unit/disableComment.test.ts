import * as assert from 'node:assert/strict';
import { disableNextLineComment, lintMarkdown } from '../../src/core';

/** Inserts the disable comment the quick fix would write above the first finding of `rule`, and lints again. */
function disableFirst(text: string, rule: string, fileName = 'x.feature.md') {
  const finding = lintMarkdown(text, { fileName }).findings.find((candidate) => candidate.rule === rule);
  assert.ok(finding, `expected a ${rule} finding to disable`);
  const lines = text.split('\n');
  const line = finding.range.start.line;
  const offset = lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0);
  const comment = disableNextLineComment(text, offset, rule);
  lines.splice(line, 0, comment);
  const fixed = lines.join('\n');
  return { comment, findings: lintMarkdown(fixed, { fileName }).findings };
}

describe('disable-next-line comments for the quick fix', () => {
  it('in closed front matter: a YAML comment that silences the finding', () => {
    const { comment, findings } = disableFirst('---\ntype: feature\naccepted-by: PO\n---\n# Feature: x\n', 'wrong-role');
    assert.equal(comment, '# agile-artifacts-disable-next-line wrong-role');
    assert.ok(!findings.some((finding) => finding.rule === 'wrong-role'));
  });

  it('in the body: an HTML comment that silences the finding', () => {
    const { comment, findings } = disableFirst('# Feature: x\n\nAccepted by: PO\n', 'wrong-role');
    assert.equal(comment, '<!-- agile-artifacts-disable-next-line wrong-role -->');
    assert.ok(!findings.some((finding) => finding.rule === 'wrong-role'));
  });

  it('after an unterminated front matter (read as body): an HTML comment, not a heading', () => {
    const text = '---\ntype: feature\naccepted-by: PO\n\n# Feature: x\n\nAccepted by: PO\n';
    const { comment, findings } = disableFirst(text, 'wrong-role');
    assert.equal(comment, '<!-- agile-artifacts-disable-next-line wrong-role -->');
    assert.equal(findings.filter((finding) => finding.rule === 'wrong-role').length, lintMarkdown(text, { fileName: 'x.feature.md' }).findings.filter((f) => f.rule === 'wrong-role').length - 1);
  });
});
