import * as assert from 'node:assert/strict';
import { cardForTerm } from '../../src/core/hover/cards';
import { hoverAt } from '../../src/core/hover/hover';

const FEATURE = `---
type: feature
accepted-by: PO
---
# Feature: Saved cards

The RTE and our Product Manager plan it. A Project Manager is not a SAFe role.
<!-- agile-artifacts-disable-next-line wrong-role -->
Owner: Product Management
`;

/** The hover at the first occurrence of `word` (plus `delta` characters). */
function hoverOn(text: string, word: string, options = {}, delta = 1) {
  const offset = text.indexOf(word);
  assert.ok(offset >= 0, `fixture has "${word}"`);
  return hoverAt(text, offset + delta, { fileName: 'x.md', ...options });
}

describe('hover cards', () => {
  it('a PO card says Product Owners accept stories, not features', () => {
    const hover = hoverOn(FEATURE, 'PO\n');
    assert.equal(hover?.card.kind, 'role');
    assert.match(hover!.card.markdown, /^\*\*Product Owner\*\*/);
    assert.match(hover!.card.markdown, /accepts stories/);
    assert.match(hover!.card.markdown, /Does not[\s\S]*accept features/);
    assert.match(hover!.card.markdown, /Often said, but/);
    assert.match(hover!.card.markdown, /Sources:/);
    assert.deepEqual(hover!.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 15 } });
  });

  it('role terms in running text: abbreviations and person names', () => {
    assert.match(hoverOn(FEATURE, 'RTE')!.card.title, /Release Train Engineer/);
    assert.equal(hoverOn(FEATURE, 'Product Manager plan')!.card.title, 'Product Management');
  });

  it('a non-SAFe title gets its explanation', () => {
    const hover = hoverOn(FEATURE, 'Project Manager');
    assert.equal(hover?.card.kind, 'non-safe');
    assert.match(hover!.card.markdown, /not a SAFe role/);
  });

  it('field keys, the type value and rule ids in directives have cards', () => {
    assert.equal(hoverOn(FEATURE, 'accepted-by')?.card.kind, 'field');
    assert.match(hoverOn(FEATURE, 'accepted-by')!.card.markdown, /Feature: Product Management/);
    assert.equal(hoverOn(FEATURE, 'feature\n')?.card.kind, 'artifact');
    assert.equal(hoverOn(FEATURE, 'wrong-role')?.card.kind, 'rule');
    assert.equal(hoverOn(FEATURE, 'Owner:')?.card.kind, 'field');
  });

  it('no hover in ordinary Markdown unless the setting asks for it; lower-case "po" is no role', () => {
    const readme = '# Notes\n\nAsk the PO at 5 PM. The potato is po-faced.\n';
    assert.equal(hoverAt(readme, readme.indexOf('PO') + 1, { fileName: 'README.md' }), undefined);
    assert.equal(hoverOn(readme, 'PO', { fileName: 'README.md', allMarkdown: true })?.card.title, 'Product Owner');
    assert.equal(hoverOn(readme, 'po-faced', { fileName: 'README.md', allMarkdown: true }), undefined);
    assert.equal(hoverOn(readme, 'potato', { fileName: 'README.md', allMarkdown: true }), undefined);
  });

  it('explain: cards by name for roles, titles, artifacts, fields and rules', () => {
    assert.equal(cardForTerm('Product Owner')?.kind, 'role');
    assert.equal(cardForTerm('business owners')?.title, 'Business Owners');
    assert.equal(cardForTerm('POPM')?.kind, 'non-safe');
    assert.equal(cardForTerm('enabler feature')?.kind, 'artifact');
    assert.equal(cardForTerm('accepted-by')?.kind, 'field');
    assert.equal(cardForTerm('story-format')?.kind, 'rule');
    assert.equal(cardForTerm('Bananas'), undefined);
  });
});

describe('hover on an item', () => {
  const EPIC = '# Epic 10: Secure gateway\n\n## US 10.1: Nginx proxy\n\nAs a developer, I want a proxy so that the containers are hidden.\n\n## More stories\n\n| ID | Story |\n|----|-------|\n| US-7 | As a user, I want keys so that I am safe. |\n';

  it('a section heading says what the linter took it for and where it sits', () => {
    const hover = hoverOn(EPIC, 'US 10.1');
    assert.match(hover!.card.markdown, /^\*\*Story US 10\.1\*\* · a section item/);
    assert.match(hover!.card.markdown, /because the heading starts with a type name or an item id/);
    assert.match(hover!.card.markdown, /Part of epic Epic 10 \(line 1\)/);
  });

  it('a file title lists the items it holds; a row id names the row', () => {
    assert.match(hoverOn(EPIC, 'Secure')!.card.markdown, /^\*\*Epic 10\*\* · the whole file is one item[\s\S]*Holds 2 stories/);
    assert.match(hoverOn(EPIC, 'US-7')!.card.markdown, /a row item: one row of a table/);
  });

  it('prose is not an item', () => {
    assert.equal(hoverOn(EPIC, 'containers'), undefined);
  });
});
