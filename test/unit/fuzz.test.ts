import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintConfigText, lintMarkdown } from '../../src/core';
import { hoverAt } from '../../src/core/hover/hover';
import { FIXTURES, fixtureFiles } from './fixtureExpectations';
import { assertRangesValid } from './assertions';
import { mulberry32 } from './random';

const SNIPPETS = ['---\n', '\n', '\r\n', '|', '**', '> ', '- ', '<!--', '-->', '```', ':', 'PO', 'Product Owner', '\uFEFF', '\u0000', '\ud800', '&a', '*a', '[', ']', '{', '#', 'As a', 'I want', 'so that', 'type: feature\n', 'accepted-by: ', '<!-- agile-artifacts-disable -->'];

function mutate(text: string, random: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (result.length + 1));
    const choice = random();
    if (choice < 0.4) {
      result = result.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + result.slice(at);
    } else if (choice < 0.7) {
      result = result.slice(0, at) + result.slice(at + Math.floor(random() * 40));
    } else if (choice < 0.9) {
      const from = Math.floor(random() * result.length);
      result = result.slice(0, at) + result.slice(from, from + Math.floor(random() * 80)) + result.slice(at);
    } else {
      result = result.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + result.slice(at);
    }
  }
  return result;
}

describe('fuzz: mutated fixtures (seeded)', () => {
  const seed = 20261123;
  const sources = [...fixtureFiles('markdown', /\.md$/), ...fixtureFiles('', /\.yaml$/)].map((file) => ({
    file,
    text: fs.readFileSync(path.join(FIXTURES, file), 'utf8'),
  }));
  it(`400 mutations from seed ${seed} lint, hover and parse config without throwing`, () => {
    const random = mulberry32(seed);
    for (let i = 0; i < 400; i++) {
      const source = sources[i % sources.length];
      const text = mutate(source.text, random);
      const fileName = path.basename(source.file);
      try {
        assertRangesValid(text, lintMarkdown(text, { fileName }).findings);
        hoverAt(text, Math.floor(random() * text.length), { fileName, allMarkdown: true });
        assertRangesValid(text, lintConfigText(text).findings);
      } catch (error) {
        throw new Error(`mutation ${i} of ${source.file} (seed ${seed}): ${(error as Error).message}\n--- input ---\n${JSON.stringify(text)}`);
      }
    }
  });
});
