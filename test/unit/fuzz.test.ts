import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintConfigText, lintMarkdown } from '../../src/core';
import { hoverAt } from '../../src/core/hover/hover';
import { FIXTURES, fixtureFiles } from './fixtureExpectations';
import { assertRangesValid } from './assertions';
import { mulberry32, mutate } from './mutate';

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
