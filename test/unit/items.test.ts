import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexText, lintMarkdown } from '../../src/core';
import { FIXTURES, fixtureFiles, folderConfig } from './fixtureExpectations';

const ITEM = /<!--\s*(file-)?item:\s*([a-z-]+)/g;

/**
 * The items a fixture says it holds: `<!-- item: story -->` on the line where each starts;
 * `<!-- file-item: story -->` anywhere for the file item (line 1, where front matter leaves no room).
 */
function expectedItems(text: string): string[] {
  const expected: { line: number; type: string }[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(ITEM)) expected.push({ line: match[1] ? 1 : index + 1, type: match[2] });
  });
  return expected.sort((a, b) => a.line - b.line).map(({ line, type }) => `${line}:${type}`);
}

describe('items found in every shape (SPEC §1)', () => {
  for (const file of fixtureFiles('markdown/items', /\.md$/)) {
    it(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const { items = [] } = lintMarkdown(text, { fileName: file, config: folderConfig(file) });
      const found = items.filter((item) => !item.indexEntry).map((item) => `${item.shape === 'file' ? 1 : item.startLine + 1}:${item.artifact.id}`);
      assert.deepEqual(found, expectedItems(text));
    });
  }
});

describe('item tree', () => {
  it('story sections are children of the epic file; an index entry repeats an item without findings', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'markdown/items/product-roadmap.md'), 'utf8');
    const { items = [] } = lintMarkdown(text, { fileName: 'roadmap.md' });
    const index = items.filter((item) => item.indexEntry).map((item) => item.id);
    assert.deepEqual(index, ['Epic 1', 'Epic 2']);
    const story = items.find((item) => item.id === 'Story 1.1');
    assert.equal(story?.parent?.id, 'Epic 1');
  });

  it('a row item is a child of the section it is written under, with its role column as a field', () => {
    const text = '# Feature: Saved cards\n\n| ID | Story | Accepted by |\n|---|---|---|\n| US-1 | As a shopper, I want to save a card so that I pay faster. | PO |\n';
    const { items = [] } = lintMarkdown(text, { fileName: 'saved-cards.md' });
    assert.equal(items.length, 2);
    assert.equal(items[1].parent, items[0]);
    assert.deepEqual(items[1].fields.map((field) => [field.normalizedKey, field.values[0].text]), [['accepted-by', 'PO']]);
  });

  it('a missing section of a section item is inserted inside that section', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'markdown/items/epic-with-story-sections.md'), 'utf8');
    const { findings } = lintMarkdown(text, { fileName: 'epic.md' });
    const missing = findings.find((finding) => finding.rule === 'missing-section');
    const edit = missing?.fixes?.[0].edits[0];
    assert.ok(edit, 'a fix');
    assert.match(edit.newText, /^\n\n### Acceptance Criteria\n/);
    assert.equal(edit.range.start.line, text.split('\n').length - 2);
  });

  it('an item id is a project key that starts the file name, or a Ticket-ID field', () => {
    const byName = lintMarkdown('# Find rooms\n', { fileName: 'backlog/CLVN-001-EPIC-find-rooms.md' }).items ?? [];
    assert.deepEqual(byName.map((item) => [item.artifact.id, item.id]), [['epic', 'CLVN-001']]);
    const byField = lintMarkdown('---\nTicket-ID: CLVN-002\nType: Story\n---\n# Pick an office\n', { fileName: 'pick-office.md' }).items ?? [];
    assert.deepEqual(byField.map((item) => [item.artifact.id, item.id]), [['story', 'CLVN-002']]);
  });

  it('a table row reads the text of HTML around its id and title', () => {
    const text = '# Backlog\n\n| Feature | ID | Description |\n|---|---|---|\n| <a href="#FT01">FT01</a> | <span id="US01">**US01**</span> | As a farmer, I want to <a href="#x">sign up</a> so that I can log fields. |\n';
    const [row] = (lintMarkdown(text, { fileName: 'backlog.md' }).items ?? []).filter((item) => item.shape === 'row');
    assert.equal(row.id, 'US01');
    assert.equal(row.title, 'As a farmer, I want to sign up so that I can log fields.');
  });

  it('a hyphenated name in a role field is one name, not two joined by "and"', () => {
    const record = indexText('EPIC-001.md', '# EPIC-001: Tasks\n\n| Field | Value |\n|---|---|\n| **Owner** | epic-and-tasks-agent |\n| **Accepted by** | PO and PM |\n');
    assert.deepEqual(record?.items[0].roles.map((role) => role.value), ['epic-and-tasks-agent', 'PO', 'PM']);
  });

  it('Polish "po" is a preposition, never a Product Owner', () => {
    const text = '# Historyjka 1: Karta\n\nJako klient chcę zapisać kartę, aby płacić po zalogowaniu.\n\nAkceptuje: po demo\n\n## Kryteria akceptacji\n\n- Karta zapisana.\n';
    assert.deepEqual(lintMarkdown(text, { fileName: 'karta.md' }).findings.map((finding) => finding.rule), []);
  });
});
