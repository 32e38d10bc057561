import * as assert from 'node:assert/strict';
import { lintConfigText, lintMarkdown } from '../../src/core';
import { hoverAt } from '../../src/core/hover/hover';
import { assertRangesValid } from './assertions';

function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 40; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
  return lines.join('\n');
}

const HOSTILE: Record<string, () => string> = {
  'YAML alias bomb in front matter': () => `---\ntype: feature\n${aliasBomb()}\naccepted-by: *a39\n---\n# Feature: x\n`,
  '20,000-deep flow nesting in front matter': () => `---\ntype: story\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n# Story\n`,
  '20,000-deep block nesting in front matter': () =>
    `---\ntype: story\n${Array.from({ length: 20000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n`,
  '20,000-deep blockquotes and lists': () => `# Feature: deep\n${'>'.repeat(20000)} Owner: PO\n${'- '.repeat(20000)}Accepted by: PO\n`,
  '2 MB line': () => `# Story: long\nAs a ${'x'.repeat(2_000_000)} I want\n`,
  '2 MB line of backticks and stars': () => `# Feature: long\n${'`*_|'.repeat(500_000)}\n`,
  '20,000 fields': () =>
    `---\ntype: feature\n${Array.from({ length: 20000 }, (_, i) => `f${i}: PO`).join('\n')}\n---\n${Array.from({ length: 20000 }, () => 'Accepted by: PO').join('\n')}\n`,
  'binary junk': () => String.fromCharCode(...Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)),
  'binary junk without NUL': () => String.fromCharCode(...Array.from({ length: 65536 }, (_, i) => 1 + ((i * 7919) % 255))),
  'unterminated front matter': () => `---\ntype: feature\naccepted-by: PO\n${'x: y\n'.repeat(1000)}`,
  'invalid UTF-8, decoded': () => new TextDecoder().decode(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0xe2, 0x82])),
  'lone surrogates': () => `# Story: \ud800 \udc00\nAccepted by: \ud83d`,
  'only delimiters': () => '---\n---\n---\n',
  'empty': () => '',
  'huge file': () => `# Feature: big\n${'Accepted by: PO\n'.repeat(300_000)}`,
  'many HTML comment openers': () => `# Feature: c\n${'<!-- '.repeat(100_000)}\n`,
  'many fences': () => `# Feature: f\n${'```\n'.repeat(50_000)}`,
  // prose-role reads lines up to 2,000 characters: the longest it reads, full of what it looks for.
  'role sentences in one long line': () => `# Feature: p\n${'The PO, not the RTE (PO) accepts the feature’s “story” of the epic by the '.repeat(26)}\n`,
  'unclosed quotes and parentheses in prose': () => `# Feature: q\n${'“The PO accepts ( this feature \' '.repeat(60)}\n`.repeat(2000),
  '10,000 role sentences': () => `# Feature: r\n${'The PO accepts this feature.\n'.repeat(10_000)}`,
};

describe('hostile input never throws or hangs', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(name, function () {
      // A hang never ends; these inputs are merely big (20,000 findings a lint, seven lints and hovers
      // each), and on a loaded CI machine the default 10 s is too near their honest time.
      this.timeout(30_000);
      const text = make();
      for (const fileName of ['x.feature.md', 'x.story.md', 'x.md']) {
        const result = lintMarkdown(text, { fileName });
        assertRangesValid(text, result.findings);
      }
      for (const offset of [0, 5, Math.floor(text.length / 2), text.length]) hoverAt(text, offset, { fileName: 'x.feature.md', allMarkdown: true });
    });
  }

  it('files over the size cap are skipped with a reason', () => {
    const result = lintMarkdown(HOSTILE['huge file']().repeat(2), { fileName: 'big.feature.md' });
    assert.match(result.skipped ?? '', /larger than/);
  });

  it('binary files are skipped with a reason', () => {
    assert.match(lintMarkdown(HOSTILE['binary junk'](), { fileName: 'x.feature.md' }).skipped ?? '', /not a text file/);
  });

  for (const [name, text] of Object.entries({
    'alias bomb config': aliasBomb(),
    'deeply nested config': `people: ${'{a: '.repeat(20000)}x${'}'.repeat(20000)}`,
    'binary config': HOSTILE['binary junk'](),
    'list config': '- a\n- b\n',
  })) {
    it(name, () => {
      const result = lintConfigText(text);
      assertRangesValid(text, result.findings);
      assert.ok(result.findings.length > 0, 'an invalid config is reported');
      assert.ok(result.findings.every((finding) => finding.rule === 'config-error'));
    });
  }
});
