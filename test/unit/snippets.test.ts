import * as assert from 'node:assert/strict';
import { lintMarkdown, rulesTable } from '../../src/core';
import { snippets } from '../../src/generate/snippets';
import type { Snippet } from '../../src/generate/snippets';

const TAB_STOP = /\$\{(\d+)(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^|\\])*)\|)\}/g;

/** The text a snippet inserts when every tab stop keeps its default (the first choice). */
function expand(snippet: Snippet): string {
  return snippet.body
    .join('\n')
    .replace(TAB_STOP, (_, _n: string, placeholder: string | undefined, choices: string | undefined) =>
      placeholder ?? (choices ?? '').split(/(?<!\\),/)[0],
    )
    .replace(/\\(.)/g, '$1');
}

describe('snippets', () => {
  const all = snippets(rulesTable());

  for (const [name, snippet] of Object.entries(all)) {
    it(`${name}: tab stops are numbered 1…n, once each, and nothing else uses "$"`, () => {
      const text = snippet.body.join('\n');
      const numbers = [...text.matchAll(TAB_STOP)].map((found) => Number(found[1]));
      assert.deepEqual([...numbers].sort((a, b) => a - b), numbers.map((_, i) => i + 1));
      assert.doesNotMatch(text.replace(TAB_STOP, '').replace(/\\./g, ''), /\$/);
    });
  }

  for (const [name, snippet] of Object.entries(all).filter(([name]) => name.startsWith('New '))) {
    it(`${name} inserts a file that lints without any finding`, () => {
      const findings = lintMarkdown(expand(snippet), { fileName: 'new.md' }).findings.map((finding) => `${finding.rule}: ${finding.message}`);
      assert.deepEqual(findings, []);
    });
  }

  it('offers the allowed roles as choices: a feature is accepted by Product Management', () => {
    assert.ok(all['New Feature'].body.includes('accepted-by: ${2|Product Management|}'));
    assert.ok(all['New Enabler Feature'].body.includes('enabler: ${2|exploration,architectural,infrastructure,compliance|}'));
    assert.deepEqual(all['Acceptance Criteria'].prefix, ['ac', 'acceptance-criteria']);
  });
});
