import * as assert from 'node:assert/strict';
import { completeAt } from '../../src/core/complete/completion';
import { lintConfigText } from '../../src/core';

/** Completions where `|` stands in the text. */
function at(textWithCursor: string, options = {}) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { result: completeAt(text, offset, { fileName: 'x.md', ...options }), offset };
}

const sorted = (labels: { label: string; sortText: string }[]) => [...labels].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);

describe('completion', () => {
  it('role fields offer the allowed roles first, preselected', () => {
    const { result } = at('---\ntype: feature\naccepted-by: |\n---\n');
    assert.ok(result);
    assert.equal(sorted(result.items)[0], 'Product Management');
    assert.ok(result.items.find((item) => item.label === 'Product Management')?.preselect);
    assert.ok(result.items.some((item) => item.label === 'Product Owner'));
  });

  it('in a story body field, the partial word is replaced', () => {
    const { result, offset } = at('# Story: x\n\n**Accepted by:** Prod|\n');
    assert.equal(sorted(result!.items)[0], 'Product Owner');
    assert.equal(result!.replaceStart, offset - 4);
  });

  it('roster people who hold an allowed role are offered', () => {
    const { config } = lintConfigText('people:\n  Alice Chen: { roles: [product-management] }\n  Bob: { roles: [product-owner] }\n');
    const { result } = at('# Feature: x\n\nAcceptor: |\n', { config });
    const labels = result!.items.map((item) => item.label);
    assert.ok(labels.includes('Alice Chen'));
    assert.ok(!labels.includes('Bob'));
  });

  it('role fields in every form the linter reads: numbered and task lists, single emphasis, tables', () => {
    for (const line of ['1. Accepted by: ', '- [ ] Accepted by: ', '_Accepted by:_ ', '*Accepted by:* ', '> **Accepted by:** ', '| Accepted by | ']) {
      const text = `# Story: x\n\n${line}\n`;
      const result = completeAt(text, text.length - 1, { fileName: 'x.md' });
      assert.equal(result && sorted(result.items)[0], 'Product Owner', line);
    }
  });

  it('a space in prose offers nothing', () => {
    assert.equal(at('# Story: x\n\nThe team will |\n').result, undefined);
  });

  it('front-matter keys are offered in closed front matter only', () => {
    assert.ok(at('---\ntype: feature\n|\n---\n# Feature: x\n').result?.items.some((item) => item.label === 'accepted-by'));
    // Unterminated front matter is body to the linter, so its keys would mean nothing there.
    assert.equal(at('---\ntype: feature\n\n# Feature: x\n\n|\n').result, undefined);
  });

  it('type values, enabler kinds, front-matter keys and rule ids', () => {
    assert.ok(at('---\ntype: |\n---\n').result!.items.some((item) => item.label === 'enabler-feature'));
    assert.deepEqual(at('---\ntype: feature\nenabler: |\n---\n').result!.items.map((item) => item.label), ['exploration', 'architectural', 'infrastructure', 'compliance']);
    const keys = at('---\ntype: feature\nacc|\n---\n').result!;
    assert.ok(keys.items.some((item) => item.insertText === 'accepted-by: '));
    const rules = at('<!-- agile-artifacts-disable wrong-role out|').result!;
    assert.ok(rules.items.some((item) => item.label === 'outdated-term'));
    assert.equal(at('Just prose here|').result, undefined);
  });
});
